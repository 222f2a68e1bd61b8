//! Roll-up 项 → 款 → 类 → total: the bulk ledger (both cores and one) against the `Decimal`
//! path of `Ledger::rollup`, at growing sizes.

use criterion::{BenchmarkId, Throughput, criterion_group, criterion_main};
use fiscal_cn::ledger::{Ledger, generate_ledger};

mod common;

fn rollup(c: &mut criterion::Criterion) {
    let mut group = c.benchmark_group("rollup");
    for rows in common::sizes(&[10_000, 100_000, 1_000_000, 10_000_000]) {
        let bulk = common::bulk(42, (rows / 150).clamp(1, 100_000), rows);
        group.throughput(Throughput::Elements(rows as u64));
        group.bench_with_input(BenchmarkId::new("bulk", rows), &bulk, |b, bulk| {
            b.iter(|| bulk.rollup().expect("fits"));
        });
        let one = bulk.clone().with_threads(1);
        group.bench_with_input(BenchmarkId::new("bulk_1_thread", rows), &one, |b, bulk| {
            b.iter(|| bulk.rollup().expect("fits"));
        });
        if rows <= 1_000_000 {
            let ledger: Ledger = generate_ledger(42, (rows / 150).clamp(1, 100_000), rows);
            group.bench_with_input(BenchmarkId::new("decimal", rows), &ledger, |b, ledger| {
                b.iter(|| ledger.rollup().expect("fits"));
            });
        }
    }
    group.finish();
}

criterion_group! { name = benches; config = common::criterion(); targets = rollup }
criterion_main!(benches);
