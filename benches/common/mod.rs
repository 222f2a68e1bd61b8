//! Data shared by the benches: generated ledgers in bulk form, built in slices of at most a
//! million lines so that memory stays bounded.

#![allow(dead_code)]

use fiscal_cn::{
    bulk::BulkLedger,
    derive::{Publication, derive_disclosure},
    ledger::generate_ledger,
    report::{Disclosure, DisclosureKind, Entity},
};

/// `rows` generated lines over `units` units.
pub fn bulk(seed: u64, units: usize, rows: usize) -> BulkLedger {
    const SLICE: usize = 1_000_000;
    let mut bulk = BulkLedger::with_capacity(rows);
    let mut done = 0;
    let mut slice = 0;
    while done < rows {
        let n = SLICE.min(rows - done);
        let ledger = generate_ledger(seed + slice, units, n);
        bulk.append(&BulkLedger::from_ledger(&ledger).expect("generated lines are valid"))
            .expect("a catalog's codes fit");
        done += n;
        slice += 1;
    }
    bulk
}

/// The sizes of `all` whose work, `lines_each` lines per item, is at most the cap: the lines
/// given by `FISCAL_CN_BENCH_MAX_ROWS`, or 16 million when it is not set (so `cargo bench`
/// runs every size up to 10M rows and 100,000 units' ledgers; the 30M rows and the 100,000
/// published reports need `FISCAL_CN_BENCH_MAX_ROWS=30000000`).
pub fn sizes(all: &[usize], lines_each: usize) -> Vec<usize> {
    let cap = std::env::var("FISCAL_CN_BENCH_MAX_ROWS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(16_000_000_usize);
    all.iter()
        .copied()
        .filter(|&n| n.saturating_mul(lines_each) <= cap)
        .collect()
}

/// Modest criterion settings so that `cargo bench` finishes in minutes.
pub fn criterion() -> criterion::Criterion {
    criterion::Criterion::default()
        .sample_size(10)
        .warm_up_time(std::time::Duration::from_millis(500))
        .measurement_time(std::time::Duration::from_secs(2))
}

/// The ledger lines behind a typical report: an 80-line ledger derives ~215 table rows and
/// ~920 printed cells, the ~200-line report of the checking target (the real Putuo disclosure
/// prints 214 rows).
pub const TYPICAL_LINES: usize = 80;
/// A dense report: 288 rows, 1,263 cells and ~70 tail differences, every row printing every
/// column.
pub const DENSE_LINES: usize = 150;

/// The disclosure derived from a generated ledger of `lines` lines, one unit.
pub fn report(seed: u64, lines: usize) -> Disclosure {
    let entity = Entity::new("测试部门", 2024, DisclosureKind::FinalAccounts);
    derive_disclosure(
        &generate_ledger(seed, 1, lines),
        entity,
        Publication::default(),
    )
    .expect("generated ledgers derive")
}
