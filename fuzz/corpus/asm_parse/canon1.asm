PUSHINT_4 1
PUSHCONT_SHORT {
  ADD
}
DICTPUSHCONST dict {
  0 => {
    NOP
  }
} 19
PUSHSLICE x{ABC_}
.ref {
  .bits x{01}
}
