//! Jumps through dictionaries (`DICT{I,U}GET{JMP,EXEC}{,Z}`), inline
//! dictionary constants (`DICTPUSHCONST`) and sub-dictionaries
//! (`SUBDICT{,I,U}{,RP}GET`).

use gram_cells::dict::Dictionary;

use super::prefix::{const_root, decode_const_dict};
use super::{cell_underflow, dict_trap, int_key, pop_dict_head, push_dict, slice_key, KeyKind, VmCells, MAX_KEY_BITS};
use crate::error::Exec;
use crate::program::Instr;
use crate::table::TableBuilder;
use crate::value::Value;
use crate::vm::Vm;

/// `DICT{I,U}GET{JMP,EXEC}{,Z}`: flags 1 = unsigned, 2 = call (else jump),
/// 4 = push the index back when it is not found.
fn exec_get_exec(vm: &mut Vm, ins: &Instr) -> Exec {
    let args = ins.args;
    let (n, root) = pop_dict_head(vm, 3, MAX_KEY_BITS)?;
    let index = vm.pop_int()?;
    if let Some(key) = int_key(&index, n, args & 1 == 0) {
        let dict = Dictionary::with_root(root, n).map_err(|e| dict_trap(&e))?;
        let mut cx = VmCells::new(vm);
        let found = dict.get(&key, &mut cx);
        if let Some(code) = cx.finish(found)? {
            let cont = vm.ord_cont(&code);
            return if args & 2 != 0 { vm.call(cont) } else { vm.jump(cont) };
        }
    }
    if args & 4 != 0 {
        vm.push_int(index);
    }
    Ok(())
}

/// `DICTPUSHCONST n`: pushes the inline dictionary root and its key width.
fn exec_push_const_dict(vm: &mut Vm, ins: &Instr) -> Exec {
    let root = const_root(vm, ins);
    vm.push(Value::Cell(root));
    vm.push_small((ins.args & 0x3ff) as i64);
    Ok(())
}

/// `SUBDICT{,I,U}{,RP}GET`: flags 1 = unsigned, 2 = integer prefix,
/// 4 = remove the prefix from the keys.
fn exec_subdict(vm: &mut Vm, ins: &Instr) -> Exec {
    let args = ins.args;
    let (n, root) = pop_dict_head(vm, 4, MAX_KEY_BITS)?;
    let kind = KeyKind::from_flags(args & 2 != 0, args & 1 != 0);
    let widest = match kind {
        KeyKind::Slice => MAX_KEY_BITS,
        KeyKind::Signed => 257,
        KeyKind::Unsigned => 256,
    };
    let k = vm.pop_smallint_range(widest.min(n as i64))? as usize;
    let prefix = match kind {
        KeyKind::Slice => slice_key(&vm.pop_slice()?, k),
        KeyKind::Signed | KeyKind::Unsigned => int_key(&vm.pop_int()?, k, kind == KeyKind::Signed),
    };
    let prefix = prefix.ok_or_else(cell_underflow)?;
    let dict = Dictionary::with_root(root, n).map_err(|e| dict_trap(&e))?;
    let mut cx = VmCells::new(vm);
    let sub = dict.subdict(&prefix, args & 4 != 0, &mut cx);
    let sub = cx.finish(sub)?;
    push_dict(vm, sub.into_root());
    Ok(())
}

pub(super) fn register(t: &mut TableBuilder) {
    let jumps = [
        (0xf4a0, "DICTIGETJMP"),
        (0xf4a1, "DICTUGETJMP"),
        (0xf4a2, "DICTIGETEXEC"),
        (0xf4a3, "DICTUGETEXEC"),
        (0xf4bc, "DICTIGETJMPZ"),
        (0xf4bd, "DICTUGETJMPZ"),
        (0xf4be, "DICTIGETEXECZ"),
        (0xf4bf, "DICTUGETEXECZ"),
    ];
    for (opcode, name) in jumps {
        t.simple(opcode, 16, name, exec_get_exec);
    }
    t.ext_range(0xf4a400, 0xf4a800, 24, "DICTPUSHCONST", decode_const_dict, exec_push_const_dict);
    let sub = [
        (0xf4b1, "SUBDICTGET"),
        (0xf4b2, "SUBDICTIGET"),
        (0xf4b3, "SUBDICTUGET"),
        (0xf4b5, "SUBDICTRPGET"),
        (0xf4b6, "SUBDICTIRPGET"),
        (0xf4b7, "SUBDICTURPGET"),
    ];
    for (opcode, name) in sub {
        t.simple(opcode, 16, name, exec_subdict);
    }
}
