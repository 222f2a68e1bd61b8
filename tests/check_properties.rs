//! The checker's laws over generated reports (issue 4): consistent reports give no error or
//! warning, truncated ones only truncation warnings, and a corrupted cell is found.

use fiscal_cn::{
    check::{FindingKind, Policy, Severity, check},
    derive::{Publication, derive_disclosure},
    ledger::generate_ledger,
    precision::RoundingMode,
    report::{Disclosure, DisclosureKind, Entity},
};
use proptest::prelude::*;

mod common;
use common::{below, corrupted_cells_found};
use proptest::test_runner::{RngAlgorithm, TestRng};

fn entity() -> Entity {
    Entity::new("生成单位", 2024, DisclosureKind::FinalAccounts)
}

fn published(seed: u64, units: usize, items: usize, rounding: RoundingMode) -> Disclosure {
    let ledger = generate_ledger(seed, units, items);
    let publication = Publication {
        rounding,
        ..Publication::default()
    };
    derive_disclosure(&ledger, entity(), publication).expect("generated ledgers derive")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn rounded_reports_give_no_error_or_warning(seed in any::<u64>(), units in 1_usize..10, items in 50_usize..500) {
        let report = check(&published(seed, units, items, RoundingMode::HalfUp), &Policy::default());
        let serious: Vec<_> = report.findings.iter().filter(|f| f.severity != Severity::Info).collect();
        prop_assert!(serious.is_empty(), "{serious:#?}");
        prop_assert!(report.findings.iter().all(|f| f.kind == FindingKind::TailDifference));
    }

    #[test]
    fn truncated_reports_give_only_truncation_warnings(seed in any::<u64>(), units in 1_usize..10, items in 50_usize..500) {
        let report = check(&published(seed, units, items, RoundingMode::Truncate), &Policy::default());
        for finding in &report.findings {
            prop_assert!(
                finding.kind == FindingKind::Truncation || finding.kind == FindingKind::TailDifference,
                "{finding:#?}"
            );
            prop_assert!(finding.severity != Severity::Error);
        }
        let accepting = Policy::default().with_accept_truncation(true);
        let report = check(&published(seed, units, items, RoundingMode::Truncate), &accepting);
        prop_assert_eq!(report.count(Severity::Warning), 0);
    }
}

#[test]
fn a_corrupted_cell_is_found_by_an_error_that_covers_it() {
    let mut rng = TestRng::deterministic_rng(RngAlgorithm::ChaCha);
    let (mut cases, mut found) = (0_u32, 0_u32);
    let mut missed = Vec::new();
    for report_seed in 0..30 {
        let units = 1 + below(&mut rng, 8);
        let items = 50 + below(&mut rng, 450);
        let clean = published(report_seed, units, items, RoundingMode::HalfUp);
        let (hits, misses) = corrupted_cells_found(&clean, &mut rng, 10);
        cases += 10;
        found += u32::try_from(hits).unwrap();
        missed.extend(misses);
    }
    let rate = f64::from(found) / f64::from(cases);
    println!(
        "corruption detection: {found}/{cases} = {:.2}%",
        rate * 100.0
    );
    assert!(
        rate >= 0.99,
        "detection rate {rate:.4}; missed: {missed:#?}"
    );
}
