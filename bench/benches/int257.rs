//! `Int257` against `num-bigint` on the operations the VM runs most: add,
//! mul and div on small (i64-sized) and on full-width operands, and the
//! MULDIV family with its 514-bit intermediate.
//!
//! `cargo bench -p gram-bench --bench int257 -- --warm-up-time 1 --measurement-time 3`

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use gram_vm::int257::{Int257, Rounding};
use num_bigint::BigInt;

fn int(text: &str) -> Int257 {
    Int257::parse(text).expect("benchmark operand")
}

/// Operand pairs: (name, x, y) with x op y in range for add, mul and div.
fn operands() -> Vec<(&'static str, Int257, Int257)> {
    vec![
        ("small", Int257::from_i64(123_456_789), Int257::from_i64(-98_765)),
        // Coin-sized: a 90-bit and a 35-bit value (products and quotients fit in 128 bits).
        ("medium", int("0x3123456789abcdef01234"), int("-0x700001234")),
        // Full width: a 255-bit dividend and a 128-bit divisor; for mul the
        // 128 x 127-bit product fills 255 bits.
        (
            "full",
            int("-0x5a5a5a5a5a5a5a5aa5a5a5a5a5a5a5a5123456789abcdef0fedcba9876543210"),
            int("0x7fffffffffffffff0123456789abcdef"),
        ),
    ]
}

fn bench_binary(c: &mut Criterion) {
    for (name, x, y) in operands() {
        let (bx, by) = (x.to_bigint(), y.to_bigint());
        // mul operands that stay in range at full width: the divisor times itself.
        let (mx, bmx) = if name == "full" { (y, by.clone()) } else { (x, bx.clone()) };

        let mut group = c.benchmark_group(format!("int257_{name}"));
        group.bench_function("add/Int257", |b| b.iter(|| black_box(black_box(x).checked_add(black_box(y)))));
        group.bench_function("add/num-bigint", |b| b.iter(|| black_box(black_box(&bx) + black_box(&by))));
        group.bench_function("mul/Int257", |b| b.iter(|| black_box(black_box(mx).checked_mul(black_box(y)))));
        group.bench_function("mul/num-bigint", |b| b.iter(|| black_box(black_box(&bmx) * black_box(&by))));
        group.bench_function("div_floor/Int257", |b| {
            b.iter(|| black_box(black_box(x).div_rem(black_box(y), Rounding::Floor)))
        });
        group.bench_function("div_floor/num-bigint", |b| {
            b.iter(|| black_box(div_floor_big(black_box(&bx), black_box(&by))))
        });
        group.bench_function("cmp/Int257", |b| b.iter(|| black_box(black_box(x) < black_box(y))));
        group.bench_function("cmp/num-bigint", |b| b.iter(|| black_box(black_box(&bx) < black_box(&by))));
        group.finish();
    }
}

/// Floor division with remainder in num-bigint (its `/` truncates).
fn div_floor_big(x: &BigInt, y: &BigInt) -> (BigInt, BigInt) {
    let (q, r) = (x / y, x % y);
    if r.sign() != num_bigint::Sign::NoSign && (r.sign() != y.sign()) {
        (q - 1, r + y)
    } else {
        (q, r)
    }
}

fn bench_wide(c: &mut Criterion) {
    let x = int("0x7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff01");
    let y = int("-0x123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
    let z = int("0x3fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff");
    let (bx, by, bz) = (x.to_bigint(), y.to_bigint(), z.to_bigint());
    let mut group = c.benchmark_group("int257_wide");
    group.bench_function("muldivmod/Int257", |b| {
        b.iter(|| black_box(black_box(x).mul_div_rem(black_box(y), black_box(z), Rounding::Floor)))
    });
    group.bench_function("muldivmod/num-bigint", |b| {
        b.iter(|| black_box(div_floor_big(&(black_box(&bx) * black_box(&by)), black_box(&bz))))
    });
    // A typical fee computation: amount * price / 10^9.
    let (cx, cy, cz) = (
        Int257::from_i64(1_000_000_000_000_000_000),
        Int257::from_i64(300_000_000_000_000_000),
        Int257::from_i64(1_000_000_000),
    );
    let (bcx, bcy, bcz) = (cx.to_bigint(), cy.to_bigint(), cz.to_bigint());
    group.bench_function("muldivmod_coins/Int257", |b| {
        b.iter(|| black_box(black_box(cx).mul_div_rem(black_box(cy), black_box(cz), Rounding::Floor)))
    });
    group.bench_function("muldivmod_coins/num-bigint", |b| {
        b.iter(|| black_box(div_floor_big(&(black_box(&bcx) * black_box(&bcy)), black_box(&bcz))))
    });
    group.bench_function("mulrshiftmod_200/Int257", |b| {
        b.iter(|| black_box(black_box(x).mul_shr_rem(black_box(y), 200, Rounding::Nearest)))
    });
    group.bench_function("rshift_100/Int257", |b| b.iter(|| black_box(black_box(y).shr(100, Rounding::Floor))));
    group.bench_function("lshift_1/Int257", |b| b.iter(|| black_box(black_box(z).shl(black_box(1)))));
    group.bench_function("to_string/Int257", |b| b.iter(|| black_box(black_box(y).to_string())));
    group.bench_function("to_string/num-bigint", |b| b.iter(|| black_box(black_box(&by).to_string())));
    group.finish();
}

criterion_group!(benches, bench_binary, bench_wide);
criterion_main!(benches);
