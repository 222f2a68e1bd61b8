//! The bulk ledger through the public API: conversion, roll-up and group-by equal to the
//! `Decimal` path, consolidation along a hierarchy, bulk checking and CSV ingest.

use fiscal_cn::{
    Decimal, Error,
    bulk::{BulkLedger, DepartmentId, RegionId, UnitHierarchy},
    check::check_many,
    check::{Policy, check},
    classification::Level,
    derive::{Publication, derive_disclosure},
    ledger::{UnitId, consolidate, generate_ledger},
    report::{Disclosure, DisclosureKind, Entity},
};

#[test]
fn bulk_round_trips_and_sums_like_the_ledger() {
    let ledger = generate_ledger(2024, 12, 3_000);
    let bulk = BulkLedger::from_ledger(&ledger).unwrap();
    assert_eq!(bulk.len(), 3_000);
    assert_eq!(bulk.unit_count(), 12);
    assert_eq!(
        bulk.to_ledger().unwrap().expenditures(),
        ledger.expenditures()
    );
    assert_eq!(bulk.iter().collect::<Vec<_>>(), ledger.expenditures());
    assert_eq!(bulk.item(3_000), None);
    let rollup = bulk.rollup().unwrap();
    assert_eq!(rollup, ledger.rollup().unwrap());
    for level in [Level::Lei, Level::Kuan, Level::Xiang] {
        let sum: Decimal = rollup.level(level).map(|(_, v)| v).sum();
        assert_eq!(sum, rollup.total());
    }
    assert_eq!(
        bulk.by_unit().unwrap(),
        ledger.expenditure_by_unit().unwrap()
    );
    assert_eq!(
        bulk.by_source().unwrap(),
        ledger.expenditure_by_source().unwrap()
    );
    assert_eq!(
        bulk.by_kind().unwrap(),
        ledger.expenditure_by_kind().unwrap()
    );
    assert_eq!(bulk.clone().with_threads(3).rollup().unwrap(), rollup);
    const { assert!(BulkLedger::BYTES_PER_ITEM <= 24) };
}

#[test]
fn an_amount_beyond_the_bulk_range_is_overflow() {
    let ledger = generate_ledger(1, 1, 1);
    let mut line = ledger.expenditures()[0];
    line.amount = Decimal::MAX;
    assert!(matches!(
        BulkLedger::from_items(&[line]),
        Err(Error::Overflow { .. })
    ));
}

#[test]
fn consolidation_into_departments_and_regions() {
    let ledgers: Vec<_> = (0..6).map(|s| generate_ledger(s, 4, 200)).collect();
    // Six departments of four units each (units renumbered per department), two regions.
    let mut bulk = BulkLedger::new();
    let mut hierarchy = UnitHierarchy::new();
    for (d, ledger) in ledgers.iter().enumerate() {
        let d = d as u32;
        let department = DepartmentId(d);
        hierarchy.add_department(department, RegionId(d % 2));
        let mut lines = ledger.expenditures().to_vec();
        for line in &mut lines {
            line.unit = UnitId(d * 10 + line.unit.0);
            hierarchy.add_unit(line.unit, department);
        }
        bulk.append(&BulkLedger::from_items(&lines).unwrap())
            .unwrap();
    }
    let c = bulk.consolidate(&hierarchy).unwrap();
    assert_eq!(c.departments.len(), 6);
    for (d, ledger) in ledgers.iter().enumerate() {
        assert_eq!(
            c.departments[&DepartmentId(d as u32)],
            ledger.rollup().unwrap()
        );
    }
    let even = consolidate([&ledgers[0], &ledgers[2], &ledgers[4]]).unwrap();
    assert_eq!(c.regions[&RegionId(0)], even.rollup().unwrap());
    assert_eq!(c.regions.len(), 2);
}

#[test]
fn check_many_matches_check_in_order() {
    let entity = Entity::new("测试部门", 2024, DisclosureKind::FinalAccounts);
    let reports: Vec<Disclosure> = (0..20)
        .map(|s| {
            derive_disclosure(
                &generate_ledger(s, 1, 150),
                entity.clone(),
                Publication::default(),
            )
            .unwrap()
        })
        .collect();
    let policy = Policy::default();
    let bulk = check_many(&reports, &policy);
    assert_eq!(bulk.len(), 20);
    for (report, checked) in reports.iter().zip(&bulk) {
        assert_eq!(*checked, check(report, &policy));
    }
}

#[cfg(feature = "csv")]
#[test]
fn csv_ingest_through_the_public_api() {
    use fiscal_cn::{
        bulk::{CsvOptions, IngestMode, ingest_csv, ingest_csv_path},
        money::Unit,
    };

    let ledger = generate_ledger(9, 3, 500);
    let mut text = String::from("单位,功能分类,经济分类,支出类型,资金来源,金额\n");
    for i in ledger.expenditures() {
        let economic = i.economic.map(|c| c.to_string()).unwrap_or_default();
        text.push_str(&format!(
            "{},{},{economic},{},{},{}\n",
            i.unit.0, i.function, i.kind, i.source, i.amount
        ));
    }
    text.push_str("1,2013201,,经营支出,经营收入,abc\n");
    let options = CsvOptions {
        unit: Unit::Yuan,
        mode: IngestMode::SkipAndReport,
    };
    let ingest = ingest_csv(text.as_bytes(), options).unwrap();
    assert_eq!(ingest.ledger.to_items(), ledger.expenditures());
    assert_eq!(ingest.rejected.len(), 1);
    assert_eq!(ingest.rejected[0].line, 502);
    let path = std::env::temp_dir().join(format!("fiscal_cn_bulk_{}.csv", std::process::id()));
    std::fs::write(&path, &text).unwrap();
    assert_eq!(ingest_csv_path(&path, options).unwrap(), ingest);
    std::fs::remove_file(&path).unwrap();
    assert!(matches!(
        ingest_csv_path(&path, options),
        Err(Error::Io { .. })
    ));
}
