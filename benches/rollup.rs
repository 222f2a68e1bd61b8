//! Roll-up 项 → 款 → 类 → total: the bulk ledger (both cores and one) against the `Decimal`
//! path of `Ledger::rollup` and against a plain sequential sum of as many bytes, at growing
//! sizes (30M rows with `FISCAL_CN_BENCH_MAX_ROWS=30000000`).

use criterion::{BenchmarkId, Throughput, criterion_group, criterion_main};
use fiscal_cn::ledger::{Ledger, generate_ledger};

mod common;

fn rollup(c: &mut criterion::Criterion) {
    let mut group = c.benchmark_group("rollup");
    for rows in common::sizes(&[10_000, 100_000, 1_000_000, 10_000_000, 30_000_000], 1) {
        let bulk = common::bulk(42, (rows / 150).clamp(1, 100_000), rows);
        group.throughput(Throughput::Elements(rows as u64));
        group.bench_with_input(BenchmarkId::new("bulk", rows), &bulk, |b, bulk| {
            b.iter(|| bulk.rollup().expect("fits"));
        });
        let one = bulk.clone().with_threads(1);
        group.bench_with_input(BenchmarkId::new("bulk_1_thread", rows), &one, |b, bulk| {
            b.iter(|| bulk.rollup().expect("fits"));
        });
        // The floor: one thread summing, in order, as many bytes as the roll-up reads (a
        // 16-bit 项 id and a 64-bit amount a line).
        let ids: Vec<u16> = (0..rows).map(|i| (i % 200) as u16).collect();
        let cents: Vec<i64> = (0..rows).map(|i| (i % 1_000_003) as i64).collect();
        group.bench_function(BenchmarkId::new("plain_sequential_sum", rows), |b| {
            b.iter(|| {
                let (mut id_sum, mut cent_sum) = (0_u64, 0_i128);
                for (&id, &c) in ids.iter().zip(&cents) {
                    id_sum += u64::from(id);
                    cent_sum += i128::from(c);
                }
                (id_sum, cent_sum)
            });
        });
        drop((ids, cents));
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
