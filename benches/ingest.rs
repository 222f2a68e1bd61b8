//! CSV ingest at growing sizes: `ingest_csv` of bytes already in memory and `ingest_csv_path`
//! of the same bytes in a file (in the page cache after the first iteration).

use std::fmt::Write;

use criterion::{BenchmarkId, Throughput, criterion_group, criterion_main};
use fiscal_cn::{
    bulk::{CsvOptions, ingest_csv, ingest_csv_path},
    ledger::generate_ledger,
};

mod common;

fn csv(rows: usize) -> String {
    let ledger = generate_ledger(11, (rows / 150).clamp(1, 100_000), rows);
    let mut out = String::from("unit,function,economic,kind,source,amount\n");
    for i in ledger.expenditures() {
        let economic = i.economic.map(|c| c.to_string()).unwrap_or_default();
        let _ = writeln!(
            out,
            "{},{},{economic},{},{},{}",
            i.unit.0, i.function, i.kind, i.source, i.amount
        );
    }
    out
}

fn ingest(c: &mut criterion::Criterion) {
    let mut group = c.benchmark_group("ingest_csv");
    for rows in common::sizes(&[10_000, 100_000, 1_000_000], 1) {
        let text = csv(rows);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(rows), &text, |b, text| {
            b.iter(|| ingest_csv(text.as_bytes(), CsvOptions::default()).expect("valid"));
        });
    }
    group.finish();
    let mut group = c.benchmark_group("ingest_csv_path");
    for rows in common::sizes(&[100_000, 1_000_000, 10_000_000, 30_000_000], 1) {
        let text = csv(rows);
        let path = std::env::temp_dir().join(format!("fiscal_cn_bench_{rows}.csv"));
        std::fs::write(&path, &text).expect("a temporary file");
        group.throughput(Throughput::Bytes(text.len() as u64));
        drop(text);
        group.bench_with_input(BenchmarkId::from_parameter(rows), &path, |b, path| {
            b.iter(|| ingest_csv_path(path, CsvOptions::default()).expect("valid"));
        });
        let _ = std::fs::remove_file(&path);
    }
    group.finish();
}

criterion_group! { name = benches; config = common::criterion(); targets = ingest }
criterion_main!(benches);
