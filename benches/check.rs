//! Checking one report on one core (a dense generated report, a typical one, and two real
//! disclosures), and bulk checking of 100, 1,000 and 10,000 different reports on one core and
//! on every core, the reports kept (`check_many`) or streamed (`check_each`).

use criterion::{Throughput, criterion_group, criterion_main};
use std::sync::Mutex;

use fiscal_cn::{
    check::{CheckReport, Policy, check, check_each, check_many},
    report::Disclosure,
};

mod common;

/// Adds a report's findings to counts by severity (info, warning, error).
fn summarize(report: &CheckReport, by_severity: &mut [usize; 3]) {
    for finding in &report.findings {
        by_severity[finding.severity as usize] += 1;
    }
}

fn checks(c: &mut criterion::Criterion) {
    let policy = Policy::default();
    let one = common::report(1, common::DENSE_LINES);
    c.bench_function("check/one_report", |b| b.iter(|| check(&one, &policy)));
    let typical = common::report(1, common::TYPICAL_LINES);
    c.bench_function("check/typical_report", |b| {
        b.iter(|| check(&typical, &policy))
    });
    // Two real disclosures: a full table set (214 rows, 82 statements, 70 claims) and the seed
    // narrative (225 statements, 54 claims).
    for (name, json) in [
        (
            "putuo_real_report",
            include_str!("../examples/data/putuo_finance_bureau_2024.json"),
        ),
        (
            "jinkouhe_seed_narrative",
            include_str!("../examples/data/jinkouhe_2024.json"),
        ),
    ] {
        let real: Disclosure = serde_json::from_str(json).expect("the committed model reads");
        c.bench_function(&format!("check/{name}"), |b| {
            b.iter(|| check(&real, &policy))
        });
    }

    // Bulk checking of typical reports at three sizes, so that the cost per report is seen
    // not to grow with the batch (beyond cache effects once the reports no longer fit in
    // cache), and of dense ones at one size.
    let mut group = c.benchmark_group("check");
    let batches = [
        ("typical", common::TYPICAL_LINES, 100),
        ("typical", common::TYPICAL_LINES, 1_000),
        ("typical", common::TYPICAL_LINES, 10_000),
        ("dense", common::DENSE_LINES, 1_000),
    ];
    for (shape, lines, count) in batches {
        let reports: Vec<Disclosure> = (0..count as u64)
            .map(|seed| common::report(seed, lines))
            .collect();
        group.throughput(Throughput::Elements(count as u64));
        group.bench_function(format!("{count}_{shape}_reports_one_core"), |b| {
            b.iter(|| {
                reports
                    .iter()
                    .map(|r| check(r, &policy))
                    .collect::<Vec<_>>()
            });
        });
        group.bench_function(format!("{count}_{shape}_reports_check_many"), |b| {
            b.iter(|| check_many(&reports, &policy));
        });
        // Streamed: each report summarized (findings by severity, as an auditor's overview
        // counts them) and dropped as soon as it is made, so memory stays flat.
        group.bench_function(format!("{count}_{shape}_reports_one_core_streamed"), |b| {
            b.iter(|| {
                let mut by_severity = [0_usize; 3];
                for report in reports.iter().map(|r| check(r, &policy)) {
                    summarize(&report, &mut by_severity);
                }
                by_severity
            });
        });
        group.bench_function(format!("{count}_{shape}_reports_check_each"), |b| {
            b.iter(|| {
                let by_severity = Mutex::new([0_usize; 3]);
                check_each(&reports, &policy, |_, report| {
                    let mut mine = [0; 3];
                    summarize(&report, &mut mine);
                    let mut all = by_severity.lock().expect("no summary panics");
                    for (all, mine) in all.iter_mut().zip(mine) {
                        *all += mine;
                    }
                });
                by_severity.into_inner().expect("no summary panics")
            });
        });
    }
    group.finish();
}

criterion_group! { name = benches; config = common::criterion(); targets = checks }
criterion_main!(benches);
