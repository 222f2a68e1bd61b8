//! The invariant checker: documented rules, rounding-aware findings, every finding at once.
//!
//! [`check`] runs every rule of the registry ([`RULES`]) over a [`Disclosure`] and returns a
//! [`CheckReport`] with all findings in a deterministic order. Identities between published
//! figures are decided with the preimage semantics of [`check_sum`](crate::precision::check_sum) and
//! [`check_ratio`](crate::precision::check_ratio) (docs/DOMAIN.md §2):
//!
//! - no exact values consistent with the printed ones satisfy the identity → a
//!   [`FindingKind::Violation`] at the rule's severity (a single child that differs from its
//!   parent is always one);
//! - the identity holds only if the author truncated → [`FindingKind::Truncation`], a warning;
//! - the printed figures differ within what 四舍五入 allows → [`FindingKind::TailDifference`],
//!   info (尾差).
//!
//! ```
//! use fiscal_cn::Decimal;
//! use fiscal_cn::check::{check, Policy, Severity};
//! use fiscal_cn::classification::FunctionCode;
//! use fiscal_cn::money::Unit;
//! use fiscal_cn::report::{Column, Disclosure, DisclosureKind, Entity, Line, Row, RowKey, Table, TableKind};
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
//! assert!(error.message().contains("只有一个款时二者必须相等"));
//! # Ok::<(), fiscal_cn::Error>(())
//! ```

mod batch;
mod classification;
mod crosswalk;
mod engine;
mod finding;
pub(crate) mod index;
mod line_names;
mod narrative;
mod performance;
mod policy;
mod prior_year;
mod registry;
mod relations;
mod statements;
mod tables;

pub use batch::{check_each, check_many};
pub use finding::{
    CheckReport, Comparison, FigureUnit, Finding, FindingKind, Severity, SuppressedFinding,
    describe,
};
pub use policy::{Policy, Suppression};
pub use registry::{IntoRuleCode, RULES, Rule, RuleCode, rule};

use crate::classification::{Catalog, EconomicCrosswalk, FunctionCode};
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
    check_with_classifications(disclosure, policy, catalog, EconomicCrosswalk::embedded())
}

/// [`check`] with a catalog and an economic crosswalk of the user's choice: the crosswalk is
/// what the rule on tables printing both economic classifications (T008) holds them to, e.g.
/// the complete official correspondence loaded with [`EconomicCrosswalk::from_csv_path`].
///
/// ```
/// use fiscal_cn::Decimal;
/// use fiscal_cn::check::{check_with_classifications, Policy};
/// use fiscal_cn::classification::{Catalog, EconomicCrosswalk, FunctionCode};
/// use fiscal_cn::money::Unit;
/// use fiscal_cn::report::{Column, Disclosure, DisclosureKind, Entity, Row, RowKey, Table, TableKind};
///
/// // This year's correspondence puts 30217 公务接待费 under 50206 公务接待费.
/// let crosswalk = EconomicCrosswalk::from_csv(
///     "department_code,government_code\n30217,50206\n",
///     "对照表",
/// )?;
/// let mut table = Table::new(TableKind::BudgetBasicExpenditure, Unit::WanYuan);
/// let row = |key: RowKey, value: i64| Row::new(key, "").with(Column::Budget, Decimal::new(value, 2));
/// table.rows.push(row(RowKey::Economic("30217".parse()?), 120));
/// table.rows.push(row(RowKey::GovernmentEconomic("50206".parse()?), 150));
/// let mut d = Disclosure::new(Entity::new("示例单位", 2024, DisclosureKind::Budget));
/// d.tables.push(table);
///
/// let catalog = Catalog::<FunctionCode>::embedded();
/// let report = check_with_classifications(&d, &Policy::default(), catalog, &crosswalk);
/// assert!(report.findings.iter().any(|f| f.rule == "T009"));
/// // The embedded correspondence does not list 30217: nothing to hold the table to.
/// let report = check_with_classifications(&d, &Policy::default(), catalog, EconomicCrosswalk::embedded());
/// assert!(report.findings.iter().all(|f| f.rule != "T009"));
/// # Ok::<(), fiscal_cn::Error>(())
/// ```
#[must_use]
pub fn check_with_classifications(
    disclosure: &Disclosure,
    policy: &Policy,
    catalog: &Catalog<FunctionCode>,
    crosswalk: &EconomicCrosswalk,
) -> CheckReport {
    // A figure whose year label the text contradicts is checked as the report's (N013 says so).
    let mislabelled = relations::mislabelled_years(disclosure);
    let disclosure = relations::relabel(disclosure, &mislabelled);
    let disclosure = disclosure.as_ref();
    let tables = index::Tables::new(disclosure);
    let mut checker = engine::Checker::new(disclosure, policy, catalog, &tables);
    checker.crosswalk = crosswalk;
    relations::year_labels(&mut checker, &mislabelled);
    tables::run(&mut checker);
    crosswalk::run(&mut checker);
    narrative::run(&mut checker);
    prior_year::run(&mut checker);
    line_names::run(&mut checker);
    classification::run(&mut checker);
    performance::run(&mut checker);
    checker.finish()
}

#[cfg(test)]
mod tests;
