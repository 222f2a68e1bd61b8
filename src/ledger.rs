//! Line items at 元 precision and their bulk aggregation: rollup 项 → 款 → 类, group-by any
//! dimension, and consolidation (汇总) of several budget units' ledgers.
//!
//! A [`Ledger`] is what a department's accounting system knows before anything is published:
//! every expenditure and income line in exact 元 (at most 2 decimals), and the opening
//! balances (年初结转和结余) per unit and income source. The disclosure tables are derived
//! from it by [`derive_disclosure`](crate::derive::derive_disclosure); tests and benches get realistic
//! ledgers from [`generate_ledger`].
//!
//! ```
//! use fiscal_cn::Decimal;
//! use fiscal_cn::dimensions::{ExpenditureKind, IncomeSource};
//! use fiscal_cn::ledger::{ExpenditureItem, Ledger, UnitId};
//!
//! let item = |code: &str, cents: i64| -> fiscal_cn::Result<ExpenditureItem> {
//!     Ok(ExpenditureItem {
//!         unit: UnitId(1),
//!         function: code.parse()?,
//!         economic: Some("30101".parse()?),
//!         kind: ExpenditureKind::Basic,
//!         source: IncomeSource::GeneralBudgetAppropriation,
//!         amount: Decimal::new(cents, 2),
//!     })
//! };
//! let ledger = Ledger::new(
//!     vec![item("2013201", 100_000_00)?, item("2013202", 2_500_50)?, item("2080501", 7_00)?],
//!     vec![],
//!     vec![],
//! )?;
//! let rollup = ledger.rollup()?;
//! assert_eq!(rollup.get("20132".parse()?).to_string(), "102500.50");
//! assert_eq!(rollup.get("201".parse()?).to_string(), "102500.50");
//! assert_eq!(rollup.total().to_string(), "102507.50");
//! # Ok::<(), fiscal_cn::Error>(())
//! ```

mod generate;

pub use generate::{generate_budget_ledger, generate_ledger};

use std::collections::BTreeMap;
use std::fmt;

use rust_decimal::Decimal;

use crate::classification::{ClassificationCode, DepartmentEconomicCode, FunctionCode, Level};
use crate::dimensions::{BasicExpenditureClass, ExpenditureKind, FundType, IncomeSource};
use crate::error::Operation;
use crate::error::{Error, Result};
pub use crate::error::{LedgerList, LedgerProblem, LedgerReason};

/// A budget unit (预算单位) inside a consolidated ledger, by a number the caller assigns.
///
/// ```
/// assert_eq!(fiscal_cn::ledger::UnitId(3).to_string(), "单位3");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(transparent))]
pub struct UnitId(pub u32);

impl fmt::Display for UnitId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "单位{}", self.0)
    }
}

/// One expenditure line: who spent how much, on what function, of which kind, from which
/// income.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct ExpenditureItem {
    /// The budget unit.
    pub unit: UnitId,
    /// The 支出功能分类 项 (a 7-digit code).
    pub function: FunctionCode,
    /// The 部门预算支出经济分类 款 (a 5-digit code), when booked.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub economic: Option<DepartmentEconomicCode>,
    /// 基本支出, 项目支出, ….
    pub kind: ExpenditureKind,
    /// The income that funds it.
    pub source: IncomeSource,
    /// The amount in 元, at most 2 decimals.
    #[cfg_attr(feature = "serde", serde(with = "rust_decimal::serde::str"))]
    pub amount: Decimal,
}

/// One income line: which unit received how much, from which source, for which function.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct IncomeItem {
    /// The budget unit.
    pub unit: UnitId,
    /// The 支出功能分类 项 the income is for (收入决算表 classifies income by function).
    pub function: FunctionCode,
    /// The income source.
    pub source: IncomeSource,
    /// The amount in 元, at most 2 decimals.
    #[cfg_attr(feature = "serde", serde(with = "rust_decimal::serde::str"))]
    pub amount: Decimal,
}

/// 年初结转和结余 of one unit from one income source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct OpeningBalance {
    /// The budget unit.
    pub unit: UnitId,
    /// The income source the balance was left from.
    pub source: IncomeSource,
    /// The amount in 元, at most 2 decimals.
    #[cfg_attr(feature = "serde", serde(with = "rust_decimal::serde::str"))]
    pub amount: Decimal,
}

/// What the aggregation functions need from a line item: its amount in 元.
pub trait LineItem {
    /// The amount in 元.
    fn amount(&self) -> Decimal;
}

impl LineItem for ExpenditureItem {
    fn amount(&self) -> Decimal {
        self.amount
    }
}

impl LineItem for IncomeItem {
    fn amount(&self) -> Decimal {
        self.amount
    }
}

impl LineItem for OpeningBalance {
    fn amount(&self) -> Decimal {
        self.amount
    }
}

impl fmt::Display for ExpenditureItem {
    /// `单位1 2013201 30101 基本支出 一般公共预算财政拨款收入 1.00元`, as error messages quote it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {} ", self.unit, self.function)?;
        if let Some(code) = self.economic {
            write!(f, "{code} ")?;
        }
        write!(f, "{} {} {}元", self.kind, self.source, self.amount)
    }
}

impl fmt::Display for IncomeItem {
    /// `单位1 2013201 其他收入 1.00元`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {} {} {}元",
            self.unit, self.function, self.source, self.amount
        )
    }
}

impl fmt::Display for OpeningBalance {
    /// `单位1 其他收入 1.00元`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {} {}元", self.unit, self.source, self.amount)
    }
}

/// The validated line items of one or more budget units.
///
/// Every amount is in 元 with at most 2 decimals (any sign: 红字 corrections are negative);
/// every function code is a 项, so that a 款 is exactly the sum of its 项 in every derived
/// table; every economic code is a 款; and because the basic-expenditure table needs them,
/// 财政拨款 funds only 基本支出 and 项目支出, and every 一般公共预算财政拨款 基本支出 line
/// carries an economic code of 人员经费 or 公用经费 ([`BasicExpenditureClass`]).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "LedgerData"))]
pub struct Ledger {
    expenditures: Vec<ExpenditureItem>,
    incomes: Vec<IncomeItem>,
    opening_balances: Vec<OpeningBalance>,
}

/// The serialized form of [`Ledger`], validated by [`Ledger::new`] on the way in.
#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
struct LedgerData {
    expenditures: Vec<ExpenditureItem>,
    incomes: Vec<IncomeItem>,
    opening_balances: Vec<OpeningBalance>,
}

#[cfg(feature = "serde")]
impl TryFrom<LedgerData> for Ledger {
    type Error = Error;
    fn try_from(data: LedgerData) -> Result<Self> {
        Ledger::new(data.expenditures, data.incomes, data.opening_balances)
    }
}

impl Ledger {
    /// A ledger of the given lines, validated (see the type's documentation).
    ///
    /// # Errors
    /// [`Error::Ledger`] listing every offending line, each by its list, position and content
    /// and what is wrong with it.
    ///
    /// ```
    /// use fiscal_cn::{Decimal, dimensions::IncomeSource, ledger::{IncomeItem, Ledger, UnitId}};
    ///
    /// let income = IncomeItem {
    ///     unit: UnitId(1),
    ///     function: "2013201".parse()?,
    ///     source: IncomeSource::Other,
    ///     amount: Decimal::new(1005, 3), // 1.005 元: a fraction of a 分
    /// };
    /// let err = Ledger::new(vec![], vec![income.clone(), income], vec![]).unwrap_err();
    /// assert!(err.to_string().contains("收入明细第 1 行"));
    /// let fiscal_cn::Error::Ledger { problems } = err else { panic!("a ledger error") };
    /// assert_eq!(problems.iter().map(|p| p.line).collect::<Vec<_>>(), [1, 2]);
    /// # Ok::<(), fiscal_cn::Error>(())
    /// ```
    pub fn new(
        expenditures: Vec<ExpenditureItem>,
        incomes: Vec<IncomeItem>,
        opening_balances: Vec<OpeningBalance>,
    ) -> Result<Self> {
        let mut problems = Vec::new();
        let mut note =
            |list: LedgerList, i: usize, item: &dyn fmt::Display, reason: Option<LedgerReason>| {
                if let Some(reason) = reason {
                    problems.push(LedgerProblem {
                        list,
                        line: i + 1,
                        item: item.to_string(),
                        reason,
                    });
                }
            };
        for (i, item) in expenditures.iter().enumerate() {
            note(LedgerList::Expenditures, i, item, expenditure_problem(item));
        }
        for (i, item) in incomes.iter().enumerate() {
            let problem = check_amount(item.amount).or_else(|| check_function(item.function));
            note(LedgerList::Incomes, i, item, problem);
        }
        for (i, item) in opening_balances.iter().enumerate() {
            note(
                LedgerList::OpeningBalances,
                i,
                item,
                check_amount(item.amount),
            );
        }
        if !problems.is_empty() {
            return Err(Error::Ledger { problems });
        }
        Ok(Ledger {
            expenditures,
            incomes,
            opening_balances,
        })
    }

    /// The expenditure lines, in the order given (or canonical order after [`consolidate`]).
    #[must_use]
    pub fn expenditures(&self) -> &[ExpenditureItem] {
        &self.expenditures
    }

    /// The income lines.
    #[must_use]
    pub fn incomes(&self) -> &[IncomeItem] {
        &self.incomes
    }

    /// The opening balances.
    #[must_use]
    pub fn opening_balances(&self) -> &[OpeningBalance] {
        &self.opening_balances
    }

    /// The expenditure rolled up 项 → 款 → 类 → total (see [`rollup`]).
    ///
    /// # Errors
    /// [`Error::Overflow`] when a sum exceeds what `Decimal` holds.
    pub fn rollup(&self) -> Result<Rollup> {
        rollup(self.expenditures.iter().map(|i| (i.function, i.amount)))
    }

    /// The income rolled up 项 → 款 → 类 → total.
    ///
    /// # Errors
    /// [`Error::Overflow`] when a sum exceeds what `Decimal` holds.
    pub fn income_rollup(&self) -> Result<Rollup> {
        rollup(self.incomes.iter().map(|i| (i.function, i.amount)))
    }

    /// Expenditure per budget unit.
    ///
    /// # Errors
    /// [`Error::Overflow`] when a sum exceeds what `Decimal` holds.
    pub fn expenditure_by_unit(&self) -> Result<BTreeMap<UnitId, Decimal>> {
        group_by(&self.expenditures, |i| i.unit)
    }

    /// Expenditure per income source that funds it.
    ///
    /// # Errors
    /// [`Error::Overflow`] when a sum exceeds what `Decimal` holds.
    pub fn expenditure_by_source(&self) -> Result<BTreeMap<IncomeSource, Decimal>> {
        group_by(&self.expenditures, |i| i.source)
    }

    /// Expenditure per kind (基本支出, 项目支出, …).
    ///
    /// # Errors
    /// [`Error::Overflow`] when a sum exceeds what `Decimal` holds.
    pub fn expenditure_by_kind(&self) -> Result<BTreeMap<ExpenditureKind, Decimal>> {
        group_by(&self.expenditures, |i| i.kind)
    }

    /// Expenditure per economic code; `None` collects the lines booked without one.
    ///
    /// # Errors
    /// [`Error::Overflow`] when a sum exceeds what `Decimal` holds.
    pub fn expenditure_by_economic(
        &self,
    ) -> Result<BTreeMap<Option<DepartmentEconomicCode>, Decimal>> {
        group_by(&self.expenditures, |i| i.economic)
    }

    /// Expenditure per 财政拨款 fund type; `None` collects the lines funded otherwise.
    ///
    /// # Errors
    /// [`Error::Overflow`] when a sum exceeds what `Decimal` holds.
    pub fn expenditure_by_fund_type(&self) -> Result<BTreeMap<Option<FundType>, Decimal>> {
        group_by(&self.expenditures, |i| i.source.fund_type())
    }

    /// Income per source.
    ///
    /// # Errors
    /// [`Error::Overflow`] when a sum exceeds what `Decimal` holds.
    pub fn income_by_source(&self) -> Result<BTreeMap<IncomeSource, Decimal>> {
        group_by(&self.incomes, |i| i.source)
    }

    /// Opening balances per source.
    ///
    /// # Errors
    /// [`Error::Overflow`] when a sum exceeds what `Decimal` holds.
    pub fn opening_by_source(&self) -> Result<BTreeMap<IncomeSource, Decimal>> {
        group_by(&self.opening_balances, |i| i.source)
    }
}

fn check_amount(amount: Decimal) -> Option<LedgerReason> {
    (amount.normalize().scale() > 2).then_some(LedgerReason::FinerThanFen { amount })
}

fn check_function(code: FunctionCode) -> Option<LedgerReason> {
    (code.level() != Level::Xiang).then_some(LedgerReason::FunctionNotXiang { code })
}

pub(crate) fn expenditure_problem(item: &ExpenditureItem) -> Option<LedgerReason> {
    if let Some(problem) = check_amount(item.amount).or_else(|| check_function(item.function)) {
        return Some(problem);
    }
    if let Some(code) = item.economic.filter(|c| c.level() != Level::Kuan) {
        return Some(LedgerReason::EconomicNotKuan { code });
    }
    let appropriation = item.source.is_appropriation();
    if appropriation && !matches!(item.kind, ExpenditureKind::Basic | ExpenditureKind::Project) {
        return Some(LedgerReason::AppropriationForKind {
            spent_on: item.kind,
        });
    }
    let needs_class = item.source == IncomeSource::GeneralBudgetAppropriation
        && item.kind == ExpenditureKind::Basic;
    let has_class = item
        .economic
        .and_then(BasicExpenditureClass::from_economic_code)
        .is_some();
    (needs_class && !has_class).then_some(LedgerReason::BasicWithoutClass {
        economic: item.economic,
    })
}

pub(crate) fn add(a: Decimal, b: Decimal, operation: Operation) -> Result<Decimal> {
    a.checked_add(b).ok_or(Error::Overflow { operation })
}

/// Sums amounts by a key, in key order.
///
/// ```
/// use fiscal_cn::{Decimal, ledger::{generate_ledger, group_by}};
///
/// let ledger = generate_ledger(7, 3, 100);
/// let by_lei = group_by(ledger.expenditures(), |item| item.function.lei())?;
/// let total = by_lei.values().copied().sum::<Decimal>();
/// assert_eq!(total, ledger.rollup()?.total());
/// # Ok::<(), fiscal_cn::Error>(())
/// ```
///
/// # Errors
/// [`Error::Overflow`] when a sum exceeds what `Decimal` holds.
pub fn group_by<'a, T, K>(
    items: impl IntoIterator<Item = &'a T>,
    mut key: impl FnMut(&T) -> K,
) -> Result<BTreeMap<K, Decimal>>
where
    T: LineItem + 'a,
    K: Ord,
{
    let mut groups = BTreeMap::new();
    for item in items {
        let slot = groups.entry(key(item)).or_insert(Decimal::ZERO);
        *slot = add(*slot, item.amount(), Operation::GroupSum)?;
    }
    Ok(groups)
}

/// Amounts per 支出功能分类 code at every level, with the grand total, in 元 like the ledger's
/// lines.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Rollup {
    /// Every code that received an amount and every ancestor of one, in code order (each
    /// parent right before its children), each with its amount in 元.
    #[cfg_attr(feature = "serde", serde(with = "crate::money::decimal_map"))]
    pub by_code: BTreeMap<FunctionCode, Decimal>,
    /// The sum of every line (合计), in 元.
    #[cfg_attr(feature = "serde", serde(with = "rust_decimal::serde::str"))]
    pub total: Decimal,
}

impl Rollup {
    /// The amount of `code` (zero when nothing was booked under it).
    #[must_use]
    pub fn get(&self, code: FunctionCode) -> Decimal {
        self.by_code.get(&code).copied().unwrap_or_default()
    }

    /// The grand total.
    #[must_use]
    pub fn total(&self) -> Decimal {
        self.total
    }

    /// The codes of one level with their amounts, in code order.
    pub fn level(&self, level: Level) -> impl Iterator<Item = (FunctionCode, Decimal)> + '_ {
        self.by_code
            .iter()
            .filter(move |(code, _)| code.level() == level)
            .map(|(code, amount)| (*code, *amount))
    }
}

/// Rolls amounts booked on codes of any level up to every ancestor and the grand total.
///
/// ```
/// use fiscal_cn::{Decimal, ledger::rollup};
///
/// let r = rollup([("2013201".parse()?, Decimal::new(5, 0)), ("2013299".parse()?, Decimal::new(7, 0))])?;
/// assert_eq!(r.get("20132".parse()?), Decimal::new(12, 0));
/// assert_eq!(r.by_code.len(), 4); // 201, 20132 and the two 项
/// # Ok::<(), fiscal_cn::Error>(())
/// ```
///
/// # Errors
/// [`Error::Overflow`] when a sum exceeds what `Decimal` holds.
pub fn rollup(lines: impl IntoIterator<Item = (FunctionCode, Decimal)>) -> Result<Rollup> {
    let (by_code, total) = roll_up(lines)?;
    Ok(Rollup { by_code, total })
}

/// [`rollup`] for any code family: every code and its ancestors, and the total.
pub(crate) fn roll_up<C: ClassificationCode>(
    lines: impl IntoIterator<Item = (C, Decimal)>,
) -> Result<(BTreeMap<C, Decimal>, Decimal)> {
    let mut by_code = BTreeMap::new();
    let mut total = Decimal::ZERO;
    for (code, amount) in lines {
        for target in std::iter::once(code).chain(code.ancestors()) {
            let slot = by_code.entry(target).or_insert(Decimal::ZERO);
            *slot = add(*slot, amount, Operation::Rollup)?;
        }
        total = add(total, amount, Operation::Rollup)?;
    }
    Ok((by_code, total))
}

/// Consolidates (汇总) ledgers into one: lines with the same key (every field but the amount)
/// are merged and their amounts summed. The result is in canonical order (sorted by key), so
/// consolidation is commutative and associative as an equality of ledgers, and consolidating
/// one ledger normalizes it.
///
/// ```
/// use fiscal_cn::ledger::{consolidate, generate_ledger};
///
/// let (a, b) = (generate_ledger(1, 2, 60), generate_ledger(2, 3, 80));
/// let ab = consolidate([&a, &b])?;
/// assert_eq!(ab, consolidate([&b, &a])?);
/// assert_eq!(ab.rollup()?.total(), a.rollup()?.total() + b.rollup()?.total());
/// # Ok::<(), fiscal_cn::Error>(())
/// ```
///
/// # Errors
/// [`Error::Overflow`] when a sum exceeds what `Decimal` holds.
pub fn consolidate<'a>(ledgers: impl IntoIterator<Item = &'a Ledger>) -> Result<Ledger> {
    let mut expenditures = BTreeMap::new();
    let mut incomes = BTreeMap::new();
    let mut opening = BTreeMap::new();
    for ledger in ledgers {
        merge_into(&mut expenditures, &ledger.expenditures, |i| {
            (i.unit, i.function, i.economic, i.kind, i.source)
        })?;
        merge_into(&mut incomes, &ledger.incomes, |i| {
            (i.unit, i.function, i.source)
        })?;
        merge_into(&mut opening, &ledger.opening_balances, |i| {
            (i.unit, i.source)
        })?;
    }
    // Sums of 2-decimal amounts keep at most 2 decimals and each key stays as validated, so the
    // result is a valid ledger without checking again.
    Ok(Ledger {
        expenditures: expenditures.into_values().collect(),
        incomes: incomes.into_values().collect(),
        opening_balances: opening.into_values().collect(),
    })
}

trait Amounted: LineItem + Copy {
    fn with_amount(self, amount: Decimal) -> Self;
}

macro_rules! amounted {
    ($($t:ty),*) => {$(
        impl Amounted for $t {
            fn with_amount(mut self, amount: Decimal) -> Self {
                self.amount = amount;
                self
            }
        }
    )*};
}
amounted!(ExpenditureItem, IncomeItem, OpeningBalance);

fn merge_into<T: Amounted, K: Ord>(
    merged: &mut BTreeMap<K, T>,
    items: &[T],
    key: impl Fn(&T) -> K,
) -> Result<()> {
    for item in items {
        match merged.entry(key(item)) {
            std::collections::btree_map::Entry::Vacant(slot) => {
                slot.insert(*item);
            }
            std::collections::btree_map::Entry::Occupied(mut slot) => {
                let sum = add(slot.get().amount(), item.amount(), Operation::Consolidation)?;
                slot.insert(item.with_amount(sum));
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(code: u32, cents: i64) -> ExpenditureItem {
        ExpenditureItem {
            unit: UnitId(1),
            function: FunctionCode::from_u32(code).unwrap(),
            economic: DepartmentEconomicCode::from_u32(30101),
            kind: ExpenditureKind::Basic,
            source: IncomeSource::GeneralBudgetAppropriation,
            amount: Decimal::new(cents, 2),
        }
    }

    #[test]
    fn validation_names_the_line_and_the_rule() {
        let bad = |e: ExpenditureItem| Ledger::new(vec![item(2013201, 1), e], vec![], vec![]);
        let cases = [
            (
                item(20132, 1),
                LedgerReason::FunctionNotXiang {
                    code: FunctionCode::from_u32(20132).unwrap(),
                },
                "功能分类 20132 不是项级（7 位）科目",
            ),
            (
                item(2013201, 1).with_amount(Decimal::new(1, 3)),
                LedgerReason::FinerThanFen {
                    amount: Decimal::new(1, 3),
                },
                "金额 0.001 元超过 2 位小数（精确到分）",
            ),
            (
                ExpenditureItem {
                    economic: DepartmentEconomicCode::from_u32(301),
                    ..item(2013201, 1)
                },
                LedgerReason::EconomicNotKuan {
                    code: DepartmentEconomicCode::from_u32(301).unwrap(),
                },
                "经济分类 301 不是款级（5 位）科目",
            ),
            (
                ExpenditureItem {
                    economic: None,
                    ..item(2013201, 1)
                },
                LedgerReason::BasicWithoutClass { economic: None },
                "一般公共预算财政拨款基本支出须有人员经费或公用经费的经济分类科目（301、302、303、307、309、310、399）",
            ),
            (
                ExpenditureItem {
                    kind: ExpenditureKind::Business,
                    ..item(2013201, 1)
                },
                LedgerReason::AppropriationForKind {
                    spent_on: ExpenditureKind::Business,
                },
                "财政拨款只能用于基本支出和项目支出，不能用于经营支出",
            ),
        ];
        let err = bad(cases[0].0).unwrap_err().to_string();
        assert_eq!(
            err,
            "账目有 1 处问题，第一处：支出明细第 2 行（单位1 20132 30101 基本支出 一般公共预算财政拨款收入 0.01元）：功能分类 20132 不是项级（7 位）科目"
        );
        for (line, reason, message) in cases {
            let Err(Error::Ledger { problems }) = bad(line) else {
                panic!("{line:?}")
            };
            let [problem] = problems.as_slice() else {
                panic!("{problems:?}")
            };
            assert_eq!(
                (problem.list, problem.line, &problem.reason),
                (LedgerList::Expenditures, 2, &reason)
            );
            assert_eq!(problem.reason.to_string(), message);
        }
        // The same lines are fine when not funded by appropriations.
        let other = ExpenditureItem {
            economic: None,
            kind: ExpenditureKind::Business,
            source: IncomeSource::BusinessRevenue,
            ..item(2013201, 1)
        };
        assert!(Ledger::new(vec![other], vec![], vec![]).is_ok());
    }

    #[test]
    fn rollup_fills_every_ancestor() {
        let r = Ledger::new(
            vec![item(2013201, 150), item(2013202, 250), item(2080501, 1)],
            vec![],
            vec![],
        )
        .unwrap()
        .rollup()
        .unwrap();
        let at = |c| r.get(FunctionCode::from_u32(c).unwrap()).to_string();
        assert_eq!(
            (at(2013201), at(20132), at(201), at(208)),
            ("1.50".into(), "4.00".into(), "4.00".into(), "0.01".into())
        );
        assert_eq!(r.total().to_string(), "4.01");
        assert_eq!(r.level(Level::Lei).count(), 2);
        assert_eq!(at(202), "0");
    }

    #[test]
    fn consolidation_merges_equal_keys_and_overflow_is_an_error() {
        let a = Ledger::new(vec![item(2013201, 100), item(2013201, 5)], vec![], vec![]).unwrap();
        let merged = consolidate([&a, &a]).unwrap();
        assert_eq!(merged.expenditures().len(), 1);
        assert_eq!(merged.expenditures()[0].amount.to_string(), "2.10");
        let huge = Ledger::new(
            vec![item(2013201, 1).with_amount(Decimal::MAX)],
            vec![],
            vec![],
        )
        .unwrap();
        assert_eq!(
            consolidate([&huge, &huge]),
            Err(Error::Overflow {
                operation: Operation::Consolidation
            })
        );
        let twice = Ledger::new(
            vec![item(2013201, 1).with_amount(Decimal::MAX); 2],
            vec![],
            vec![],
        )
        .unwrap();
        assert!(matches!(twice.rollup(), Err(Error::Overflow { .. })));
        assert!(matches!(
            twice.expenditure_by_kind(),
            Err(Error::Overflow { .. })
        ));
    }
}
