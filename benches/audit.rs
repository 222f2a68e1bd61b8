//! Auditing a folder of 1,000 generated disclosures on every core — 500 narrative texts
//! (written from the disclosures by `render_narrative`, so every one is read back) and 500 in
//! the model's JSON — then summarizing the audit and writing its HTML report.

use std::path::PathBuf;

use criterion::{Throughput, criterion_group, criterion_main};

use fiscal_cn::{
    audit::{Audit, audit_dir, audit_html},
    check::Policy,
    narrative::render_narrative,
};

mod common;

const FILES: usize = 1_000;

/// A fresh folder of `FILES` disclosures: even seeds as narratives, odd ones as JSON.
fn folder() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("fiscal-cn-bench-audit-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    for seed in 0..FILES as u64 {
        let disclosure = common::report(seed, common::TYPICAL_LINES);
        let (name, text) = if seed % 2 == 0 {
            (format!("{seed:04}.txt"), render_narrative(&disclosure))
        } else {
            (
                format!("{seed:04}.json"),
                serde_json::to_string(&disclosure).expect("a disclosure serializes"),
            )
        };
        std::fs::write(dir.join(name), text).expect("the folder is writable");
    }
    dir
}

fn audits(c: &mut criterion::Criterion) {
    let dir = folder();
    let policy = Policy::default();
    let run = || audit_dir(&dir, &policy, |_| {}, |_| {}).expect("the folder lists");
    let audit: Audit = run();
    assert_eq!(audit.files.len(), FILES, "{:?}", audit.unreadable.first());
    let mut group = c.benchmark_group("audit");
    group.throughput(Throughput::Elements(FILES as u64));
    group.bench_function("1000_generated_files_every_core", |b| b.iter(run));
    group.bench_function("1000_generated_files_summary", |b| {
        b.iter(|| audit.summary())
    });
    group.bench_function("1000_generated_files_html", |b| {
        b.iter(|| audit_html(&audit))
    });
    group.finish();
    let _ = std::fs::remove_dir_all(&dir);
}

criterion_group! { name = benches; config = common::criterion(); targets = audits }
criterion_main!(benches);
