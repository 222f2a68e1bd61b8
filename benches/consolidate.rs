//! Consolidation (汇总) of many units' lines into departments (100 units each) and one region:
//! 1,000 to 100,000 units of ~150 lines each; and of 1,000 and 10,000 units' published
//! reports (typical, ~215 rows each) into one.

use criterion::{BenchmarkId, Throughput, criterion_group, criterion_main};
use fiscal_cn::{
    bulk::{DepartmentId, RegionId, UnitHierarchy},
    ledger::UnitId,
    report::{Disclosure, DisclosureKind, Entity, consolidate_disclosures},
};

mod common;

fn consolidate(c: &mut criterion::Criterion) {
    let mut group = c.benchmark_group("consolidate");
    for units in common::sizes(&[1_000, 10_000, 100_000], 150) {
        let rows = units * 150;
        let bulk = common::bulk(3, units, rows);
        let mut hierarchy = UnitHierarchy::new();
        for unit in 1..=units as u32 {
            let department = DepartmentId(1 + (unit - 1) / 100);
            hierarchy.add_unit(UnitId(unit), department);
            hierarchy.add_department(department, RegionId(1));
        }
        group.throughput(Throughput::Elements(units as u64));
        group.bench_with_input(BenchmarkId::new("units", units), &bulk, |b, bulk| {
            b.iter(|| bulk.consolidate(&hierarchy).expect("every unit is placed"));
        });
    }
    for units in common::sizes(&[1_000, 10_000, 100_000], 215) {
        let reports: Vec<Disclosure> = (0..units as u64)
            .map(|seed| common::report(seed, common::TYPICAL_LINES))
            .collect();
        let region = Entity::new("某区", 2024, DisclosureKind::FinalAccounts);
        group.throughput(Throughput::Elements(units as u64));
        group.bench_with_input(
            BenchmarkId::new("unit_reports", units),
            &reports,
            |b, reports| {
                b.iter(|| consolidate_disclosures(region.clone(), reports).expect("one year"));
            },
        );
    }
    group.finish();
}

criterion_group! { name = benches; config = common::criterion(); targets = consolidate }
criterion_main!(benches);
