//! Derived metrics on exact amounts (docs/DOMAIN.md I-16, I-17, I-18), the year-over-year
//! comparison of two disclosures, last year's budget beside this year's
//! ([`with_prior_year`]), and a budget against the same year's final accounts
//! ([`budget_execution`], [`with_budget`]).
//!
//! Each metric is exact (to the 28 digits a [`Decimal`] holds) and in percentage points for
//! rates. The rates answer every input: the rate, or [`Undefined`] saying why there is none. A
//! rate whose base is zero is undefined: a completion rate against a zero budget prints "—",
//! never 0% or 100%. Round for printing with [`round_half_up`](crate::money::round_half_up) at
//! the precision the document uses.
//!
//! ```
//! use fiscal_cn::{Decimal, metrics::{growth_rate, share, Undefined}, money::round_half_up};
//!
//! let d = |s: &str| Decimal::from_str_exact(s).unwrap();
//! let points = share(d("729.25"), d("775.31"))?;
//! assert_eq!(round_half_up(points, 2).to_string(), "94.06");
//! assert_eq!(growth_rate(d("2.14"), d("0")), Err(Undefined::ZeroBase));
//! # Ok::<(), Undefined>(())
//! ```

use std::collections::{BTreeMap, BTreeSet};

use rust_decimal::Decimal;

use crate::error::Operation;
use crate::error::{DisclosureId, Error, Mismatch, Result};
use crate::money::{Amount, ratio_points};
use crate::report::{Column, Direction, Disclosure, DisclosureKind, Row, RowKey, TableKind};

fn overflow() -> Error {
    Error::Overflow {
        operation: Operation::Metric,
    }
}

/// Why a rate has no value: [`share`], [`growth_rate`], [`completion_rate`] and
/// [`execution_rate`](crate::performance::execution_rate) answer every input with the exact rate
/// or with this. `Display` says it in Chinese.
///
/// ```
/// use fiscal_cn::{Decimal, metrics::{completion_rate, growth_rate, Undefined}};
///
/// assert_eq!(completion_rate(Decimal::ONE, Decimal::ZERO), Err(Undefined::ZeroBase));
/// assert_eq!(growth_rate(Decimal::ONE, Decimal::NEGATIVE_ONE), Err(Undefined::NegativeBase));
/// assert_eq!(completion_rate(Decimal::MAX, Decimal::ONE), Err(Undefined::OutOfRange));
/// // Where only a rate or "—" is printed:
/// assert_eq!(completion_rate(Decimal::ONE, Decimal::ZERO).ok(), None);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
#[non_exhaustive]
pub enum Undefined {
    /// The base (the whole, the budget, last year's value) is 0: no rate, never 0% or 100%.
    #[error("基数为 0，比率无定义")]
    ZeroBase,
    /// Last year's value is negative: the sign of a growth rate against it would contradict
    /// the direction of the change, so no published rate can be meant.
    #[error("上年数为负数，增长率无意义")]
    NegativeBase,
    /// The exact rate exceeds what a `Decimal` holds (about 7.9 × 10²⁸): only for amounts far
    /// beyond any budget, or a base of a few hundredths of a 分 against a large amount.
    #[error("比率超出可精确表示的范围")]
    OutOfRange,
}

/// A rate as the fields that keep an `Option` hold it: `None` when it has no base, and
/// [`Error::Overflow`] of `operation` when it is out of range, which no disclosure's figures
/// reach: refused rather than printed as "—".
pub(crate) fn rate_or_none(
    rate: std::result::Result<Decimal, Undefined>,
    operation: Operation,
) -> Result<Option<Decimal>> {
    match rate {
        Ok(rate) => Ok(Some(rate)),
        Err(Undefined::OutOfRange) => Err(Error::Overflow { operation }),
        Err(Undefined::ZeroBase | Undefined::NegativeBase) => Ok(None),
    }
}

/// `part / whole × 100`, exact to 28 digits (the product first, so no digit of the quotient is
/// lost to a later multiplication).
fn ratio(part: Decimal, whole: Decimal) -> std::result::Result<Decimal, Undefined> {
    if whole.is_zero() {
        return Err(Undefined::ZeroBase);
    }
    ratio_points(part, whole).ok_or(Undefined::OutOfRange)
}

/// The share of `part` in `whole`, in percentage points (I-16).
///
/// ```
/// use fiscal_cn::{Decimal, metrics::{share, Undefined}};
///
/// assert_eq!(share(Decimal::new(1, 0), Decimal::new(4, 0)), Ok(Decimal::new(25, 0)));
/// assert_eq!(share(Decimal::ZERO, Decimal::ZERO), Err(Undefined::ZeroBase));
/// ```
///
/// # Errors
/// [`Undefined::ZeroBase`] when `whole` is 0; [`Undefined::OutOfRange`] when the share exceeds
/// what `Decimal` holds.
pub fn share(part: Decimal, whole: Decimal) -> std::result::Result<Decimal, Undefined> {
    ratio(part, whole)
}

/// The change `current − prior` (I-16): negative for 减少.
///
/// ```
/// use fiscal_cn::{Decimal, metrics::change};
///
/// assert_eq!(change(Decimal::new(214, 2), Decimal::new(337, 2))?, Decimal::new(-123, 2));
/// # Ok::<(), fiscal_cn::Error>(())
/// ```
///
/// # Errors
/// [`Error::Overflow`] only, when the difference exceeds what `Decimal`
/// holds.
pub fn change(current: Decimal, prior: Decimal) -> Result<Decimal> {
    current.checked_sub(prior).ok_or_else(overflow)
}

/// The growth rate `(current − prior) / prior`, in percentage points (I-16).
///
/// ```
/// use fiscal_cn::{Decimal, metrics::{growth_rate, Undefined}, money::round_half_up};
///
/// let g = growth_rate(Decimal::new(214, 2), Decimal::new(337, 2))?;
/// assert_eq!(round_half_up(g, 1).to_string(), "-36.5");
/// assert_eq!(growth_rate(Decimal::ONE, Decimal::ZERO), Err(Undefined::ZeroBase));
/// assert_eq!(growth_rate(Decimal::ONE, Decimal::NEGATIVE_ONE), Err(Undefined::NegativeBase));
/// # Ok::<(), Undefined>(())
/// ```
///
/// # Errors
/// [`Undefined::ZeroBase`] when `prior` is 0; [`Undefined::NegativeBase`] when it is negative
/// (the checks of [`check_growth`](crate::precision::check_growth) follow the same rule);
/// [`Undefined::OutOfRange`] when the change or the rate exceeds what `Decimal` holds.
pub fn growth_rate(current: Decimal, prior: Decimal) -> std::result::Result<Decimal, Undefined> {
    if prior.is_sign_negative() && !prior.is_zero() {
        return Err(Undefined::NegativeBase);
    }
    let change = current.checked_sub(prior).ok_or(Undefined::OutOfRange)?;
    ratio(change, prior)
}

/// Budget completion `actual / budget`, in percentage points (I-17). For 执行率 use
/// [`execution_rate`](crate::performance::execution_rate), the same arithmetic from the
/// performance module.
///
/// ```
/// use fiscal_cn::{Decimal, metrics::{completion_rate, Undefined}};
///
/// assert_eq!(completion_rate(Decimal::new(95, 0), Decimal::new(100, 0)), Ok(Decimal::new(95, 0)));
/// assert_eq!(completion_rate(Decimal::new(5, 0), Decimal::ZERO), Err(Undefined::ZeroBase));
/// ```
///
/// # Errors
/// [`Undefined::ZeroBase`] when the budget is 0 (print "—", never 0% or 100%);
/// [`Undefined::OutOfRange`] when the rate exceeds what `Decimal` holds.
pub fn completion_rate(
    actual: Decimal,
    budget: Decimal,
) -> std::result::Result<Decimal, Undefined> {
    ratio(actual, budget)
}

/// `amount / persons` (人均); `None` when there is nobody. Total: a quotient by a whole number
/// of persons is never larger than the amount, so it always fits.
///
/// ```
/// use fiscal_cn::{Decimal, metrics::per_capita};
///
/// assert_eq!(per_capita(Decimal::new(9, 0), 4), Some(Decimal::new(225, 2)));
/// assert_eq!(per_capita(Decimal::new(9, 0), 0), None);
/// assert_eq!(per_capita(Decimal::MAX, 1), Some(Decimal::MAX));
/// ```
#[must_use]
pub fn per_capita(amount: Decimal, persons: u64) -> Option<Decimal> {
    if persons == 0 {
        return None;
    }
    amount.checked_div(Decimal::from(persons))
}

/// One cell compared with the same cell a year earlier.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct YearOverYear {
    /// The table.
    pub table: TableKind,
    /// The row.
    pub row: RowKey,
    /// The column.
    pub column: Column,
    /// This year's printed value, in the current table's unit.
    #[cfg_attr(feature = "serde", serde(with = "rust_decimal::serde::str"))]
    pub current: Decimal,
    /// The prior year's printed value, converted exactly into the current table's unit.
    #[cfg_attr(feature = "serde", serde(with = "rust_decimal::serde::str"))]
    pub prior: Decimal,
    /// `current − prior`.
    #[cfg_attr(feature = "serde", serde(with = "rust_decimal::serde::str"))]
    pub change: Decimal,
    /// The growth rate in percentage points; `None` when the prior value is 0 or negative.
    #[cfg_attr(
        feature = "serde",
        serde(
            default,
            with = "rust_decimal::serde::str_option",
            skip_serializing_if = "Option::is_none"
        )
    )]
    pub growth_rate: Option<Decimal>,
    /// 增加, 减少 or 持平, from the sign of the change.
    pub direction: Direction,
}

/// Compares every cell printed in both disclosures, matched by (table kind, row key, column),
/// in that order. Cells printed in only one year (new or retired codes, blank cells) are left
/// out: a blank is not a zero.
///
/// The two must be of the same entity (same name and [`DisclosureKind`])
/// and of consecutive years, `prior.year + 1 == current.year`; anything else is
/// [`Error::DisclosureMismatch`], because a growth rate over two years or between two
/// departments would be printed as 较上年 and mislead. Units may differ: the prior value is converted
/// exactly into the current table's unit. Only the first table of each kind and the first row
/// of each key count, as in [`Disclosure::table`].
///
/// ```
/// use fiscal_cn::{derive::*, ledger::*, metrics::*, prelude::*, report::*};
///
/// let entity = |year| Entity::new("示例部门", year, DisclosureKind::FinalAccounts);
/// let prior = derive_disclosure(&generate_ledger(1, 2, 80), entity(2023), Publication::default())?;
/// let current = derive_disclosure(&generate_ledger(2, 2, 80), entity(2024), Publication::default())?;
/// let rows = compare_years(&current, &prior)?;
/// let total = rows.iter().find(|r| r.table == TableKind::Summary && r.row == RowKey::Line(Line::CurrentExpenditureTotal)).unwrap();
/// assert_eq!(total.change, total.current - total.prior);
/// assert!(compare_years(&prior, &current).is_err());
/// # Ok::<(), fiscal_cn::Error>(())
/// ```
///
/// # Errors
/// [`Error::DisclosureMismatch`] when the two are not of the same entity
/// ([`Mismatch::NotSameEntity`]: name and kind) or `prior` is not of the year before
/// ([`Mismatch::NotConsecutive`]).
pub fn compare_years(current: &Disclosure, prior: &Disclosure) -> Result<Vec<YearOverYear>> {
    let (this, last) = (&current.entity, &prior.entity);
    if this.name != last.name || this.kind != last.kind {
        return Err(mismatch(current, prior, Mismatch::NotSameEntity));
    }
    if !consecutive(last.year, this.year) {
        return Err(mismatch(current, prior, Mismatch::NotConsecutive));
    }

    // Only the first table of a kind and the first row of a key count, as in
    // `Disclosure::table` and `Table::row`.
    let cells = |d: &Disclosure| {
        let mut cells = BTreeMap::new();
        let mut seen = BTreeSet::new();
        for table in d.tables.iter().filter(|t| seen.insert(t.kind)) {
            for row in &table.rows {
                for (column, value) in &row.values {
                    let key = (table.kind, row.key.clone(), column);
                    cells.entry(key).or_insert(Amount::new(value, table.unit));
                }
            }
        }
        cells
    };
    let before = cells(prior);
    let mut result = Vec::new();
    for (key, amount) in cells(current) {
        let Some(prior_amount) = before.get(&key) else {
            continue;
        };
        let (table, row, column) = key;
        let prior_value = prior_amount.to_unit(amount.unit())?.value();
        let difference = change(amount.value(), prior_value)?;
        result.push(YearOverYear {
            table,
            row,
            column,
            current: amount.value(),
            prior: prior_value,
            change: difference,
            growth_rate: rate_or_none(growth_rate(amount.value(), prior_value), Operation::Metric)?,
            direction: Direction::of_change(difference),
        });
    }
    Ok(result)
}

/// A budget with last year's budget printed beside this year's: every table of `current`
/// gains the columns 上年预算数 ([`Column::PriorBudget`]) and 增减额 ([`Column::Change`]) for
/// each row's headline figure (its 预算数 where it prints one, else its 合计), from the same
/// table and row of `prior`, as budget tables print them. Rows only `prior` has (a line not
/// budgeted this year) are appended with last year's figure and the change, so nothing of
/// `prior` is lost; rows only `current` has get last year as 0.
///
/// The prior figure is converted exactly into the current table's unit and rounded half up
/// to the decimals of `current` ([`Disclosure::amount_decimals`]); the change is this year's
/// printed figure less that, so the printed columns add up exactly.
///
/// ```
/// use fiscal_cn::{derive::*, ledger::*, metrics::*, prelude::*, report::*};
///
/// let budget = |seed, year| {
///     let entity = Entity::new("示例部门", year, DisclosureKind::Budget);
///     derive_disclosure(&generate_budget_ledger(seed, 2, 60), entity, Publication::default())
/// };
/// let current = with_prior_year(&budget(2, 2025)?, &budget(1, 2024)?)?;
/// let summary = current.table(TableKind::BudgetSummary).unwrap();
/// let total = RowKey::Line(Line::ExpenditureGrandTotal);
/// let cell = |column| summary.cell(&total, column).unwrap();
/// assert_eq!(cell(Column::Budget) - cell(Column::PriorBudget), cell(Column::Change));
/// # Ok::<(), fiscal_cn::Error>(())
/// ```
///
/// # Errors
/// [`Error::DisclosureMismatch`] unless both are budgets ([`Mismatch::NotBudgets`]) of the
/// same department (name) and `prior` is of the year before; [`Error::Overflow`] when a
/// converted figure does not fit.
pub fn with_prior_year(current: &Disclosure, prior: &Disclosure) -> Result<Disclosure> {
    let (this, last) = (&current.entity, &prior.entity);
    if this.kind != DisclosureKind::Budget || last.kind != DisclosureKind::Budget {
        return Err(mismatch(current, prior, Mismatch::NotBudgets));
    }
    if this.name != last.name {
        return Err(mismatch(current, prior, Mismatch::NotSameEntity));
    }
    if !consecutive(last.year, this.year) {
        return Err(mismatch(current, prior, Mismatch::NotConsecutive));
    }
    let mut result = current.clone();
    print_beside(&mut result, prior, Some, Column::PriorBudget, true)?;
    Ok(result)
}

/// Final accounts with the year's budget printed beside what was spent: every table of
/// `accounts` whose budget [counterpart](TableKind::counterpart) `budget` prints gains the
/// column 年初预算数 ([`Column::Budget`]) beside each row's headline figure (its 决算数 where it
/// prints one, else its 合计), as the 三公 and 一般公共预算 tables of final accounts print it.
/// Rows only the budget has (a line budgeted but not spent) are appended with their budget;
/// rows only the accounts have get a budget of 0. The narrative written from the result
/// ([`render_narrative`](crate::narrative::render_narrative)) states completion rates.
///
/// The budget is converted exactly into each table's unit and rounded half up to the decimals
/// of `accounts`.
///
/// ```
/// use fiscal_cn::{derive::*, ledger::*, metrics::*, prelude::*, report::*};
///
/// let ledger = generate_budget_ledger(3, 2, 80);
/// let entity = |kind| Entity::new("示例部门", 2025, kind);
/// let budget = derive_disclosure(&ledger, entity(DisclosureKind::Budget), Publication::default())?;
/// let spent = derive_disclosure(&ledger, entity(DisclosureKind::FinalAccounts), Publication::default())?;
/// let both = with_budget(&spent, &budget)?;
/// let table = both.table(TableKind::GeneralBudgetExpenditure).unwrap();
/// let total = RowKey::Line(Line::Total);
/// assert_eq!(table.cell(&total, Column::Budget), table.cell(&total, Column::Total));
/// # Ok::<(), fiscal_cn::Error>(())
/// ```
///
/// # Errors
/// [`Error::DisclosureMismatch`] ([`Mismatch::NotBudgetAndAccounts`]) unless `accounts` is a
/// department's final accounts and `budget` the same department's budget of the same year;
/// [`Error::Overflow`] when a figure does not convert.
pub fn with_budget(accounts: &Disclosure, budget: &Disclosure) -> Result<Disclosure> {
    same_year_budget(budget, accounts)?;
    let mut result = accounts.clone();
    print_beside(
        &mut result,
        budget,
        |kind| kind.counterpart(DisclosureKind::Budget),
        Column::Budget,
        false,
    )?;
    Ok(result)
}

/// Prints `other`'s headline figure of each row in `column` beside `result`'s (with the change
/// from it in 增减额 when `change`), in the table of `other` that `kind_in_other` names for
/// each of `result`'s. See [`with_prior_year`] and [`with_budget`].
fn print_beside(
    result: &mut Disclosure,
    other: &Disclosure,
    kind_in_other: impl Fn(TableKind) -> Option<TableKind>,
    column: Column,
    change_too: bool,
) -> Result<()> {
    let decimals = result.amount_decimals;
    for table in &mut result.tables {
        let Some(kind) = kind_in_other(table.kind) else {
            continue;
        };
        let beside = other.tables.iter().find(|t| t.kind == kind);
        // The other headline figure of a row, in this table's unit and decimals.
        let other_value = |key: &RowKey| -> Result<Option<Decimal>> {
            let Some((t, row)) = beside.and_then(|t| Some((t, t.row(key)?))) else {
                return Ok(None);
            };
            let Some(value) = headline_column(t.kind, row).and_then(|c| row.get(c)) else {
                return Ok(None);
            };
            let converted = Amount::new(value, t.unit).to_unit(table.unit)?.value();
            Ok(Some(crate::money::round_half_up(converted, decimals)))
        };
        let mut printed = false;
        for row in &mut table.rows {
            let Some(headline) = headline_column(table.kind, row) else {
                continue;
            };
            let own = row.get(headline).unwrap_or_default();
            let theirs = other_value(&row.key)?.unwrap_or_default();
            row.values.insert(column, theirs);
            if change_too {
                row.values.insert(Column::Change, change(own, theirs)?);
            }
            printed = true;
        }
        if let Some(beside) = beside {
            for old in &beside.rows {
                if table.row(&old.key).is_some() {
                    continue;
                }
                if let Some(theirs) = other_value(&old.key)? {
                    let mut row = Row::new(old.key.clone(), old.name.clone());
                    row.values.insert(column, theirs);
                    if change_too {
                        row.values
                            .insert(Column::Change, change(Decimal::ZERO, theirs)?);
                    }
                    table.rows.push(row);
                    printed = true;
                }
            }
        }
        if printed {
            let added = [Some(column), change_too.then_some(Column::Change)];
            for column in added.into_iter().flatten() {
                if !table.columns.contains(&column) {
                    table.columns.push(column);
                }
            }
        }
    }
    Ok(())
}

/// `Ok` when `budget` is a department's budget and `accounts` the same department's final
/// accounts of the same year.
fn same_year_budget(budget: &Disclosure, accounts: &Disclosure) -> Result<()> {
    let (planned, done) = (&budget.entity, &accounts.entity);
    if planned.kind != DisclosureKind::Budget
        || done.kind != DisclosureKind::FinalAccounts
        || planned.name != done.name
        || planned.year != done.year
    {
        return Err(mismatch(accounts, budget, Mismatch::NotBudgetAndAccounts));
    }
    Ok(())
}

/// Whether `later` is the year after `earlier`.
fn consecutive(earlier: u16, later: u16) -> bool {
    u32::from(earlier) + 1 == u32::from(later)
}

fn mismatch(first: &Disclosure, second: &Disclosure, need: Mismatch) -> Error {
    Error::DisclosureMismatch {
        first: DisclosureId::of(&first.entity),
        second: DisclosureId::of(&second.entity),
        need,
    }
}

/// One figure of a budget set against the same year's final accounts.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Execution {
    /// The final-accounts table (the budget's is its [counterpart](TableKind::counterpart)).
    pub table: TableKind,
    /// The row.
    pub row: RowKey,
    /// The final-accounts column (决算数 for the budget's 预算数; the same column otherwise).
    pub column: Column,
    /// The budget as printed, in the final-accounts table's unit.
    #[cfg_attr(feature = "serde", serde(with = "rust_decimal::serde::str"))]
    pub budget: Decimal,
    /// The amount spent (or received) as printed in the final accounts.
    #[cfg_attr(feature = "serde", serde(with = "rust_decimal::serde::str"))]
    pub actual: Decimal,
    /// `actual / budget × 100`; `None` when the budget is 0 (a rate against nothing).
    #[cfg_attr(
        feature = "serde",
        serde(
            default,
            with = "rust_decimal::serde::str_option",
            skip_serializing_if = "Option::is_none"
        )
    )]
    pub completion_rate: Option<Decimal>,
}

/// How a budget was carried out: every figure the budget prints that the same year's final
/// accounts print too (same table layout, row and column, the budget's 预算数 against the final
/// accounts' 决算数), with its completion rate ([`completion_rate`]). Figures printed in only
/// one of the two are left out (a blank is not a zero); last year's and change columns are not
/// budget figures and are left out too.
///
/// ```
/// use fiscal_cn::{derive::*, ledger::*, metrics::*, prelude::*, report::*};
///
/// let ledger = generate_budget_ledger(3, 2, 80);
/// let entity = |kind| Entity::new("示例部门", 2025, kind);
/// let budget = derive_disclosure(&ledger, entity(DisclosureKind::Budget), Publication::default())?;
/// let spent = derive_disclosure(&ledger, entity(DisclosureKind::FinalAccounts), Publication::default())?;
/// let lines = budget_execution(&budget, &spent)?;
/// let total = lines
///     .iter()
///     .find(|l| l.table == TableKind::Summary && l.row == RowKey::Line(Line::CurrentExpenditureTotal))
///     .unwrap();
/// // Spent exactly as budgeted.
/// assert_eq!(total.completion_rate, Some(Decimal::ONE_HUNDRED));
/// # Ok::<(), fiscal_cn::Error>(())
/// ```
///
/// # Errors
/// [`Error::DisclosureMismatch`] ([`Mismatch::NotBudgetAndAccounts`]) unless `budget` is a
/// department's budget and `accounts` the same department's final accounts of the same year; [`Error::Overflow`] when a figure does not
/// convert or a rate does not fit.
pub fn budget_execution(budget: &Disclosure, accounts: &Disclosure) -> Result<Vec<Execution>> {
    same_year_budget(budget, accounts)?;
    let mut result = Vec::new();
    let mut seen = BTreeSet::new();
    for table in budget.tables.iter().filter(|t| seen.insert(t.kind)) {
        let Some(kind) = table.kind.counterpart(DisclosureKind::FinalAccounts) else {
            continue;
        };
        let Some(spent) = accounts.table(kind) else {
            continue;
        };
        for row in &table.rows {
            let Some(spent_row) = spent.row(&row.key) else {
                continue;
            };
            for (column, value) in &row.values {
                if matches!(
                    column,
                    Column::PriorBudget
                        | Column::PriorExecution
                        | Column::Change
                        | Column::ChangeRate
                ) {
                    continue;
                }
                let actual_column = match column {
                    Column::Budget => Column::Amount,
                    other => other,
                };
                let Some(actual) = spent_row.get(actual_column) else {
                    continue;
                };
                let planned = Amount::new(value, table.unit).to_unit(spent.unit)?.value();
                result.push(Execution {
                    table: kind,
                    row: row.key.clone(),
                    column: actual_column,
                    budget: planned,
                    actual,
                    completion_rate: rate_or_none(
                        completion_rate(actual, planned),
                        Operation::Metric,
                    )?,
                });
            }
        }
    }
    Ok(result)
}

/// The column of `row` that a budget table prints last year's figure beside: its 预算数
/// where the row prints one (one-value tables, the income side of the appropriation
/// summary), else its 合计.
pub(crate) fn headline_column(kind: TableKind, row: &Row) -> Option<Column> {
    [kind.amount_column(), Column::Total]
        .into_iter()
        .find(|c| row.get(*c).is_some())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::money::Unit;
    use crate::report::{Entity, Line, Table};

    fn d(s: &str) -> Decimal {
        Decimal::from_str_exact(s).unwrap()
    }

    fn disclosure(name: &str, year: u16, unit: Unit, total: &str) -> Disclosure {
        let mut table = Table::new(TableKind::Summary, unit);
        table.rows.push(
            Row::new(RowKey::Line(Line::CurrentIncomeTotal), "").with(Column::Amount, d(total)),
        );
        table
            .rows
            .push(Row::new(RowKey::Line(Line::OpeningBalance), "").with(Column::Amount, d("0")));
        let mut result = Disclosure::new(Entity::new(name, year, DisclosureKind::FinalAccounts));
        result.tables.push(table);
        result
    }

    #[test]
    fn undefined_bases_are_undefined_never_zero_or_hundred() {
        assert_eq!(share(d("5"), d("0")), Err(Undefined::ZeroBase));
        assert_eq!(completion_rate(d("0"), d("0")), Err(Undefined::ZeroBase));
        assert_eq!(growth_rate(d("0"), d("0")), Err(Undefined::ZeroBase));
        assert_eq!(
            growth_rate(d("5"), d("-0.01")),
            Err(Undefined::NegativeBase)
        );
        assert_eq!(per_capita(d("1"), 0), None);
        assert_eq!(share(d("0"), d("7")), Ok(d("0")));
        assert_eq!(completion_rate(d("125"), d("100")), Ok(d("125")));
        assert_eq!(Undefined::ZeroBase.to_string(), "基数为 0，比率无定义");
    }

    #[test]
    fn rates_keep_every_digit_of_the_quotient() {
        // × 100 before ÷: 100 / 3 to 28 digits, not (1 / 3 to 28 decimals) × 100.
        assert_eq!(
            share(d("1"), d("3")),
            Ok(d("33.333333333333333333333333333"))
        );
        assert_eq!(
            growth_rate(d("4"), d("3")),
            Ok(d("33.333333333333333333333333333"))
        );
        assert_eq!(
            per_capita(d("1"), 3),
            Some(d("0.3333333333333333333333333333"))
        );
    }

    #[test]
    fn out_of_range_is_undefined_and_overflow_where_an_option_is_kept() {
        assert_eq!(
            share(Decimal::MAX, Decimal::ONE),
            Err(Undefined::OutOfRange)
        );
        assert_eq!(
            share(d("1"), Decimal::new(1, 28)),
            Err(Undefined::OutOfRange)
        );
        // A change that itself overflows.
        assert_eq!(
            growth_rate(Decimal::MIN, d("1")),
            Err(Undefined::OutOfRange)
        );
        assert_eq!(
            rate_or_none(share(Decimal::MAX, Decimal::ONE), Operation::Metric),
            Err(overflow())
        );
        assert_eq!(
            rate_or_none(share(d("1"), d("0")), Operation::Metric),
            Ok(None)
        );
        assert_eq!(
            rate_or_none(growth_rate(d("1"), d("-1")), Operation::Metric),
            Ok(None)
        );
        assert_eq!(
            per_capita(Decimal::MIN, u64::MAX).map(|v| v.is_sign_negative()),
            Some(true)
        );
        assert!(matches!(
            change(Decimal::MIN, Decimal::MAX),
            Err(Error::Overflow { .. })
        ));
    }

    #[test]
    fn compare_years_converts_units_and_reads_directions() {
        let current = disclosure("甲", 2024, Unit::WanYuan, "1.50");
        let prior = disclosure("甲", 2023, Unit::Yuan, "20000.00");
        let rows = compare_years(&current, &prior).unwrap();
        assert_eq!(rows.len(), 2);
        let income = &rows[0];
        assert_eq!(income.row, RowKey::Line(Line::CurrentIncomeTotal));
        assert_eq!((income.prior, income.change), (d("2"), d("-0.5")));
        assert_eq!(income.growth_rate, Some(d("-25")));
        assert_eq!(income.direction, Direction::Decrease);
        let opening = &rows[1];
        assert_eq!(
            (opening.growth_rate, opening.direction),
            (None, Direction::Flat)
        );
    }

    #[test]
    fn compare_years_refuses_other_entities_and_gaps() {
        let current = disclosure("甲", 2024, Unit::WanYuan, "1");
        let err = compare_years(&current, &disclosure("乙", 2023, Unit::WanYuan, "1")).unwrap_err();
        let Error::DisclosureMismatch {
            first,
            second,
            need,
        } = &err
        else {
            panic!("{err:?}");
        };
        assert_eq!((first.name.as_str(), second.name.as_str()), ("甲", "乙"));
        assert_eq!(*need, Mismatch::NotSameEntity);
        assert_eq!(
            err.to_string(),
            "甲2024年部门决算与乙2023年部门决算不匹配：不是同一主体的同类公开"
        );
        let err = compare_years(&current, &disclosure("甲", 2022, Unit::WanYuan, "1")).unwrap_err();
        assert!(
            matches!(&err, Error::DisclosureMismatch { second, need: Mismatch::NotConsecutive, .. } if second.year == 2022),
            "{err:?}"
        );
        assert_eq!(
            err.to_string(),
            "甲2024年部门决算与甲2022年部门决算不匹配：年度不相邻：2022 年不是 2024 年的上一年"
        );
        // A budget set against itself is no budget and final accounts; final accounts print
        // no last year's budget.
        let mut budget = disclosure("甲", 2024, Unit::WanYuan, "1");
        budget.entity.kind = DisclosureKind::Budget;
        let err = budget_execution(&budget, &budget).unwrap_err();
        assert!(
            matches!(
                &err,
                Error::DisclosureMismatch {
                    need: Mismatch::NotBudgetAndAccounts,
                    ..
                }
            ),
            "{err:?}"
        );
        let err = with_prior_year(&budget, &current).unwrap_err();
        assert!(
            matches!(
                &err,
                Error::DisclosureMismatch {
                    need: Mismatch::NotBudgets,
                    ..
                }
            ),
            "{err:?}"
        );
    }
}
