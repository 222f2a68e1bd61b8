//! Group-by unit, income source and kind on the bulk ledger, at growing sizes.

use criterion::{BenchmarkId, Throughput, criterion_group, criterion_main};

mod common;

fn group_by(c: &mut criterion::Criterion) {
    let mut group = c.benchmark_group("group_by");
    for rows in common::sizes(&[100_000, 1_000_000, 10_000_000], 1) {
        let bulk = common::bulk(7, (rows / 150).clamp(1, 100_000), rows);
        group.throughput(Throughput::Elements(rows as u64));
        group.bench_with_input(BenchmarkId::new("unit", rows), &bulk, |b, bulk| {
            b.iter(|| bulk.by_unit().expect("fits"));
        });
        group.bench_with_input(BenchmarkId::new("source", rows), &bulk, |b, bulk| {
            b.iter(|| bulk.by_source().expect("fits"));
        });
        group.bench_with_input(BenchmarkId::new("kind", rows), &bulk, |b, bulk| {
            b.iter(|| bulk.by_kind().expect("fits"));
        });
    }
    group.finish();
}

criterion_group! { name = benches; config = common::criterion(); targets = group_by }
criterion_main!(benches);
