//! `gram demo`: decodes the embedded wallet v4r2 code, prints its tree and
//! hash, shows that re-encoding gives back the same bytes, runs a small
//! program, disassembles the wallet and calls its get-methods.

use std::io::Write;

use base64::Engine;
use gram_cells::boc::{self, EncodeMode};

use crate::error::CliError;
use crate::show;

/// The standard wallet v4r2 code, as published (CRC32C, no index).
pub const WALLET_V4R2_CODE: &[u8] = include_bytes!("../assets/wallet_v4r2_code.boc");
/// Its published code hash.
pub const WALLET_V4R2_CODE_HASH: &str = "feb5ff6820e2ff0d9483e7e0d62c817d846789fb4ae580c878866d959dabd5c0";

/// Runs the demo, writing a short report to `out`.
pub fn run(out: &mut impl Write) -> Result<(), CliError> {
    let text = base64::engine::general_purpose::STANDARD.encode(WALLET_V4R2_CODE);
    let say = |out: &mut dyn Write, line: String| writeln!(out, "{line}").map_err(CliError::Stdout);
    say(out, format!("wallet v4r2 code: {} bytes, base64 {}...", WALLET_V4R2_CODE.len(), &text[..40]))?;

    let root = boc::decode_single(WALLET_V4R2_CODE)?;
    say(out, String::new())?;
    let cells = show::write_tree(out, std::slice::from_ref(&root)).map_err(CliError::Stdout)?;
    say(out, String::new())?;
    let hash = hex::encode(root.hash());
    say(out, format!("cells: {cells}, depth: {}", root.depth()))?;
    say(out, format!("code hash: {hash}"))?;
    if hash != WALLET_V4R2_CODE_HASH {
        return Err(CliError::DemoCheck(format!("code hash {hash}, expected {WALLET_V4R2_CODE_HASH}")));
    }
    say(out, "           matches the published wallet v4r2 code hash".to_string())?;

    // The input was written by the reference serializer with a CRC32C and
    // no index; the canonical re-encoding in that mode must be identical.
    let mode = EncodeMode { crc32c: true, ..EncodeMode::PLAIN };
    let again = boc::encode(&root, mode)?;
    if again != WALLET_V4R2_CODE {
        return Err(CliError::DemoCheck("re-encoding differs from the embedded bytes".to_string()));
    }
    let back = boc::decode_single(&again)?;
    if back.hash() != root.hash() {
        return Err(CliError::DemoCheck("re-encoded BoC decodes to another hash".to_string()));
    }
    say(
        out,
        format!("re-encoded (CRC32C): {} bytes, byte-identical to the input; decodes to the same hash", again.len()),
    )?;
    for (name, mode) in [
        ("plain", EncodeMode::PLAIN),
        ("index", EncodeMode { index: true, ..EncodeMode::PLAIN }),
        ("index+crc32c+cache bits", EncodeMode { index: true, crc32c: true, cache_bits: true, int_hashes: false }),
    ] {
        let bytes = boc::encode(&root, mode)?;
        let same = boc::decode_single(&bytes)?.hash() == root.hash();
        say(out, format!("  {name}: {} bytes, round trip {}", bytes.len(), if same { "ok" } else { "FAILED" }))?;
        if !same {
            return Err(CliError::DemoCheck(format!("{name} round trip changed the hash")));
        }
    }
    run_program(out)?;
    run_wallet_getters(out, &root)
}

/// Get-method calls on the wallet: (name, method id, gas the reference TVM
/// reports for the same call on the demo's data, from ../shared/oracle).
const WALLET_GETTERS: [(&str, i64, i64); 4] = [
    ("seqno", 85143, 769),
    ("get_public_key", 78748, 1021),
    ("get_subwallet_id", 81467, 1021),
    ("get_plugin_list", 107653, 3764),
];

/// The demo wallet's data: seqno 42, subwallet 698983191, a public key of
/// 0x07 bytes and two installed plugins (`0:3c3c..`, `0:5a5a..`).
fn wallet_data() -> Result<gram_cells::Cell, CliError> {
    use gram_cells::dict::{DictKey, DictValue, Dictionary, NoGas, SetMode};
    let fail = |e: &dyn std::fmt::Display| CliError::DemoCheck(e.to_string());
    let mut plugins = Dictionary::new(264).map_err(|e| fail(&e))?;
    let empty = gram_cells::CellSlice::new(gram_cells::Cell::empty());
    for byte in [0x3c, 0x5a] {
        let mut key = vec![0u8];
        key.extend([byte; 32]);
        let key = DictKey::from_bits(&key, 264).ok_or_else(|| fail(&"plugin key"))?;
        plugins.set(&key, DictValue::Slice(&empty), SetMode::Set, &mut NoGas).map_err(|e| fail(&e))?;
    }
    let mut b = gram_cells::CellBuilder::new();
    b.store_u32(42).and_then(|b| b.store_u32(698983191)).and_then(|b| b.store_u256(&[7; 32])).map_err(|e| fail(&e))?;
    let root = plugins.into_root().ok_or_else(|| fail(&"empty plugin dictionary"))?;
    b.store_bit(true).and_then(|b| b.store_reference(root)).map_err(|e| fail(&e))?;
    b.build().map_err(|e| fail(&e))
}

/// Disassembles the wallet's entry and calls its get-methods with the
/// reference's get-method c7 (sandbox default config), checking the gas.
fn run_wallet_getters(out: &mut impl Write, code: &gram_cells::Cell) -> Result<(), CliError> {
    let listing = gram_asm::disassemble(code);
    let mut text = String::from("\nwallet v4r2 disassembly (gram disasm), first lines:\n");
    for line in listing.lines().take(8) {
        text.push_str(&format!("  {line}\n"));
    }
    text.push_str("\nwallet v4r2 get-methods (seqno 42, two plugins):\n");
    let data = wallet_data()?;
    let c7 = gram_vm::c7::C7Params::get_method(
        Some(code.clone()),
        Some(gram_vm::c7::BlockchainConfig::sandbox_default().clone()),
    );
    let mut cache = gram_vm::CodeCache::new();
    for (name, id, reference_gas) in WALLET_GETTERS {
        let mut params = gram_vm::RunParams::new(code.clone()).with_c7(&c7);
        params.data = data.clone();
        params.stack.push(gram_vm::Value::int(id));
        let outcome = gram_vm::run_with_cache(params, &mut cache);
        let result: Vec<String> = outcome.stack.iter().map(crate::run::describe).collect();
        text.push_str(&format!(
            "  {name:<17} exit {}  gas {:>5} (reference {reference_gas})  -> {}\n",
            outcome.exit_code,
            outcome.gas_used,
            result.join(", ")
        ));
        if outcome.exit_code != 0 || outcome.gas_used != reference_gas {
            out.write_all(text.as_bytes()).map_err(CliError::Stdout)?;
            return Err(CliError::DemoCheck(format!("{name}: differs from the reference")));
        }
    }
    out.write_all(text.as_bytes()).map_err(CliError::Stdout)
}

/// Runs a small embedded TVM program (tuples and stack shuffles, exact gas).
fn run_program(out: &mut impl Write) -> Result<(), CliError> {
    // PUSHINT 1; PUSHINT 2; PUSHINT 3; TUPLE 3; DUP; TLEN; SWAP; UNTUPLE 3; ROT; DEPTH
    let program = [0x71, 0x72, 0x73, 0x6f, 0x03, 0x20, 0x6f, 0x88, 0x01, 0x6f, 0x23, 0x58, 0x68];
    let code = gram_cells::Cell::new(&program, program.len() * 8, &[], false)
        .map_err(|e| CliError::DemoCheck(e.to_string()))?;
    let outcome = gram_vm::run(gram_vm::RunParams::new(code));
    let mut text =
        String::from("\nTVM: PUSHINT 1; PUSHINT 2; PUSHINT 3; TUPLE 3; DUP; TLEN; SWAP; UNTUPLE 3; ROT; DEPTH\n");
    text.push_str(&format!(
        "exit {}: {}, gas used {}, steps {}\n",
        outcome.exit_code,
        gram_vm::exit_code_name(outcome.exit_code),
        outcome.gas_used,
        outcome.steps
    ));
    for (i, v) in outcome.stack.iter().enumerate() {
        text.push_str(&format!("  s{}: {}\n", outcome.stack.len() - 1 - i, crate::run::describe(v)));
    }
    out.write_all(text.as_bytes()).map_err(CliError::Stdout)
}
