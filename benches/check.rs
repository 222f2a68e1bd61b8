//! Checking a typical ~200-line report (the derived disclosure of a 150-line ledger, and two real
//! disclosures) on one core, and bulk checking of 100, 1,000 and 10,000 reports on one core and
//! on every core.

use criterion::{Throughput, criterion_group, criterion_main};
use fiscal_cn::{
    Disclosure, DisclosureKind, Entity, Policy, Publication, check, check_many, derive_disclosure,
    generate_ledger,
};

mod common;

fn report(seed: u64) -> Disclosure {
    let entity = Entity::new("测试部门", 2024, DisclosureKind::FinalAccounts);
    derive_disclosure(
        &generate_ledger(seed, 1, 150),
        entity,
        Publication::default(),
    )
    .expect("generated ledgers derive")
}

fn checks(c: &mut criterion::Criterion) {
    let policy = Policy::default();
    let one = report(1);
    c.bench_function("check/one_report", |b| b.iter(|| check(&one, &policy)));
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

    // Bulk checking at three sizes, so that the cost per report is seen not to grow with the
    // batch (beyond cache effects once the reports no longer fit in cache).
    let mut group = c.benchmark_group("check");
    for count in [100, 1_000, 10_000] {
        let reports: Vec<Disclosure> = (0..count as u64).map(report).collect();
        group.throughput(Throughput::Elements(count as u64));
        group.bench_function(format!("{count}_reports_one_core"), |b| {
            b.iter(|| {
                reports
                    .iter()
                    .map(|r| check(r, &policy))
                    .collect::<Vec<_>>()
            });
        });
        group.bench_function(format!("{count}_reports_check_many"), |b| {
            b.iter(|| check_many(&reports, &policy));
        });
    }
    group.finish();
}

criterion_group! { name = benches; config = common::criterion(); targets = checks }
criterion_main!(benches);
