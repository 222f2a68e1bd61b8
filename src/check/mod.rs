//! The invariant checker: documented rules, rounding-aware findings, every finding at once.
//!
//! [`check`] runs every rule of the registry ([`RULES`]) over a [`Disclosure`] and returns a
//! [`CheckReport`] with all findings in a deterministic order. Identities between published
//! figures are decided with the preimage semantics of [`check_sum`](crate::check_sum) and
//! [`check_ratio`](crate::check_ratio) (DOMAIN.md §2):
//!
//! - no exact values consistent with the printed ones satisfy the identity → a
//!   [`FindingKind::Violation`] at the rule's severity (a single child that differs from its
//!   parent is always one);
//! - the identity holds only if the author truncated → [`FindingKind::Truncation`], a warning;
//! - the printed figures differ within what 四舍五入 allows → [`FindingKind::TailDifference`],
//!   info (尾差).
//!
//! ```
//! use fiscal_cn::{check, Column, Decimal, Disclosure, DisclosureKind, Entity, FunctionCode,
//!     Line, Policy, Row, RowKey, Severity, Table, TableKind, Unit};
//!
//! let mut table = Table::new(TableKind::GeneralBudgetExpenditure, Unit::WanYuan);
//! let row = |code: &str, value| -> fiscal_cn::Result<Row> {
//!     Ok(Row::new(RowKey::Function(code.parse()?), "").with(Column::Total, Decimal::new(value, 2)))
//! };
//! table.rows.push(row("213", 8105)?);
//! table.rows.push(row("21305", 8106)?);
//! let mut d = Disclosure::new(Entity::new("示例单位", 2024, DisclosureKind::FinalAccounts));
//! d.tables.push(table);
//!
//! let report = check(&d, &Policy::default());
//! let error = report.with_severity(Severity::Error).next().unwrap();
//! assert_eq!(error.rule, "T002");
//! assert!(error.message.contains("只有一个款时二者必须相等"));
//! # Ok::<(), fiscal_cn::Error>(())
//! ```

mod classification;
mod engine;
mod finding;
pub(crate) mod index;
mod narrative;
mod performance;
mod policy;
mod registry;
mod relations;
mod statements;
mod tables;

pub use finding::{CheckReport, Finding, FindingKind, Severity, SuppressedFinding, describe};
pub use policy::{Policy, Suppression};
pub use registry::{RULES, Rule, rule};

use crate::classification::{Catalog, FunctionCode};
use crate::report::Disclosure;

/// Checks a disclosure against every rule, with the embedded catalog for the classification
/// rules. Never stops at the first failure: every finding is returned.
#[must_use]
pub fn check(disclosure: &Disclosure, policy: &Policy) -> CheckReport {
    check_with_catalog(disclosure, policy, Catalog::<FunctionCode>::embedded())
}

/// [`check`] with a catalog of the user's choice (e.g. a complete official edition loaded with
/// [`Catalog::from_csv_path`]).
#[must_use]
pub fn check_with_catalog(
    disclosure: &Disclosure,
    policy: &Policy,
    catalog: &Catalog<FunctionCode>,
) -> CheckReport {
    // A figure whose year label the text contradicts is checked as the report's (N013 says so).
    let mislabelled = relations::mislabelled_years(disclosure);
    let disclosure = relations::relabel(disclosure, &mislabelled);
    let disclosure = disclosure.as_ref();
    let tables = index::Tables::new(disclosure);
    let mut checker = engine::Checker::new(disclosure, policy, catalog, &tables);
    relations::year_labels(&mut checker, &mislabelled);
    tables::run(&mut checker);
    narrative::run(&mut checker);
    classification::run(&mut checker);
    performance::run(&mut checker);
    checker.finish()
}

#[cfg(test)]
mod tests;
