//! 三公经费 and 机关运行经费.
//!
//! 三公经费 is spending from 财政拨款 on 因公出国（境）费, 公务用车购置及运行维护费 and 公务接待费
//! (docs/DOMAIN.md §4). It is defined by use, not by economic code alone: the codes below are where it
//! is normally booked, but 30239 其他交通费用, for instance, is not 三公.
//!
//! [`ThreePublicExpenditure`] is the typed view of a disclosure's 三公 figures (budget, actual and
//! prior year per category and sub-item, and the counts), read from the 三公 table and the
//! narrative; [`OperatingFunds`] is the view of 机关运行经费.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use crate::dimensions::{BasicExpenditureClass, FundType, UnitKind};
pub use crate::dimensions::{ThreePublicCategory, ThreePublicItem};
use crate::error::Operation;
use crate::money::{Amount, Unit};
use crate::report::{
    Column, Concept, Countable, Disclosure, DisclosureKind, ReceptionKind, StatedValue, Statement,
    Table, TableKind, VehicleType, VehicleUse,
};
use crate::vocabulary::{cells_of, concept_of_cell};
use crate::{Result, metrics};

/// Budget, actual and prior-year amounts of one 三公 line (the total, a category or a sub-item),
/// in the currency of the view. Each figure is `Some` only when the disclosure publishes it.
///
/// ```
/// use fiscal_cn::{Decimal, three_public::ThreePublicAmounts};
///
/// let d = |s: &str| s.parse::<Decimal>().unwrap();
/// // 2.14万元, 较上年度减少1.23万元.
/// let total = ThreePublicAmounts { actual: Some(d("2.14")), stated_change: Some(d("-1.23")), ..Default::default() };
/// assert_eq!(total.prior_year_or_implied()?, Some(d("3.37")));
/// assert_eq!(total.completion_rate()?, None); // no budget published
/// # Ok::<(), fiscal_cn::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct ThreePublicAmounts {
    /// 预算数 (全年预算数 when printed, else 年初预算数); in a budget, this year's budget.
    #[cfg_attr(
        feature = "serde",
        serde(default, with = "rust_decimal::serde::str_option")
    )]
    pub budget: Option<Decimal>,
    /// 决算数 (the report year's actual); none in a budget.
    #[cfg_attr(
        feature = "serde",
        serde(default, with = "rust_decimal::serde::str_option")
    )]
    pub actual: Option<Decimal>,
    /// The prior year's actual, when printed; in a budget, last year's budget.
    #[cfg_attr(
        feature = "serde",
        serde(default, with = "rust_decimal::serde::str_option")
    )]
    pub prior_year: Option<Decimal>,
    /// The change against the prior year as printed, signed (减少1.23万元 is −1.23).
    #[cfg_attr(
        feature = "serde",
        serde(default, with = "rust_decimal::serde::str_option")
    )]
    pub stated_change: Option<Decimal>,
}

impl ThreePublicAmounts {
    /// The prior year's amount: as printed, else implied by the printed change (actual − change).
    ///
    /// `Result<Option<_>>` because `None` (neither printed nor implied) is data left out, not
    /// the arithmetic failing.
    ///
    /// # Errors
    /// [`crate::Error::Overflow`] when the subtraction overflows.
    pub fn prior_year_or_implied(&self) -> Result<Option<Decimal>> {
        match (self.prior_year, self.actual, self.stated_change) {
            (Some(prior), _, _) => Ok(Some(prior)),
            (None, Some(actual), Some(change)) => metrics::change(actual, change).map(Some),
            _ => Ok(None),
        }
    }

    /// The change against the prior year: actual − prior when both are printed, else the
    /// printed change.
    ///
    /// `None` when neither is printed: data left out, which the error (overflow) is not.
    ///
    /// # Errors
    /// [`crate::Error::Overflow`] when the subtraction overflows.
    pub fn change(&self) -> Result<Option<Decimal>> {
        match (self.actual, self.prior_year) {
            (Some(actual), Some(prior)) => metrics::change(actual, prior).map(Some),
            _ => Ok(self.stated_change),
        }
    }

    /// The growth rate in percentage points ([`growth_rate`](crate::metrics::growth_rate)) against
    /// [`prior_year_or_implied`](Self::prior_year_or_implied); `None` when either side is
    /// missing or the prior year is not positive (see [`Undefined`](crate::metrics::Undefined)):
    /// the view prints a rate or nothing, and keeps the error for figures beyond any budget.
    ///
    /// # Errors
    /// [`crate::Error::Overflow`] when the prior year or the rate exceeds what `Decimal` holds.
    pub fn growth_rate(&self) -> Result<Option<Decimal>> {
        match (self.actual, self.prior_year_or_implied()?) {
            (Some(actual), Some(prior)) => {
                metrics::rate_or_none(metrics::growth_rate(actual, prior), Operation::Metric)
            }
            _ => Ok(None),
        }
    }

    /// Budget completion (actual / budget) in percentage points; `None` when either is missing
    /// and when the budget is 0 (I-17: undefined, never 0% or 100%), as in
    /// [`growth_rate`](Self::growth_rate).
    ///
    /// # Errors
    /// [`crate::Error::Overflow`] when the quotient exceeds what `Decimal` holds.
    pub fn completion_rate(&self) -> Result<Option<Decimal>> {
        match (self.actual, self.budget) {
            (Some(actual), Some(budget)) => {
                metrics::rate_or_none(metrics::completion_rate(actual, budget), Operation::Metric)
            }
            _ => Ok(None),
        }
    }
}

/// Vehicles counted by type (轿车, 越野车, 载客汽车, 其他), with the total as printed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct VehicleCounts {
    /// The total as printed.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub total: Option<u64>,
    /// The count of each type printed.
    #[cfg_attr(feature = "serde", serde(default))]
    pub by_type: BTreeMap<VehicleType, u64>,
}

impl VehicleCounts {
    /// Σ of the types printed; `None` when no type is printed (or on overflow).
    #[must_use]
    pub fn sum_of_types(&self) -> Option<u64> {
        if self.by_type.is_empty() {
            return None;
        }
        self.by_type
            .values()
            .try_fold(0u64, |sum, n| sum.checked_add(*n))
    }
}

/// Vehicles bought in the year: counts by type and the amounts spent.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct VehiclePurchases {
    /// How many, in total and by type.
    pub counts: VehicleCounts,
    /// The amount spent on all of them, when printed (公务用车购置 is the 三公 sub-item; this is
    /// the figure of the 购置 sentence).
    #[cfg_attr(
        feature = "serde",
        serde(default, with = "rust_decimal::serde::str_option")
    )]
    pub amount: Option<Decimal>,
    /// The amount spent per type, when printed.
    #[cfg_attr(feature = "serde", serde(default, with = "crate::money::decimal_map"))]
    pub amount_by_type: BTreeMap<VehicleType, Decimal>,
}

/// Vehicles held at year end by use, as the 国有资产占有使用情况 section lists them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct VehiclesByUse {
    /// The total as printed.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub total: Option<u64>,
    /// The count of each use printed.
    #[cfg_attr(feature = "serde", serde(default))]
    pub by_use: BTreeMap<VehicleUse, u64>,
}

/// 接待批次 and 人次 (not counting accompanying staff) of one kind of 公务接待.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct ReceptionCounts {
    /// 批次.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub batches: Option<u64>,
    /// 人次.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub persons: Option<u64>,
}

/// The 三公 figures of a disclosure, typed: amounts per line and the counts.
///
/// Built with [`ThreePublicExpenditure::from_disclosure`]. Amounts are in
/// [`currency`](Self::currency) (the disclosure's), exact.
///
/// ```
/// use fiscal_cn::Decimal;
/// use fiscal_cn::report::{Concept, Countable, Disclosure, DisclosureKind, Entity, Location, ReceptionKind, StatedValue, Statement};
/// use fiscal_cn::three_public::{ThreePublicExpenditure, ThreePublicItem};
///
/// let mut d = Disclosure::new(Entity::new("示例单位", 2024, DisclosureKind::FinalAccounts));
/// let at = || Location::default();
/// d.statements.push(Statement::new(Concept::ThreePublicItem(ThreePublicItem::DomesticReception),
///     StatedValue::Amount("2.14万元".parse()?), at()));
/// d.statements.push(Statement::new(Concept::Count(Countable::ReceptionPersons(ReceptionKind::Domestic)),
///     StatedValue::Count(225), at()));
/// let view = ThreePublicExpenditure::from_disclosure(&d)?;
/// let per_person = view.cost_per_reception_person(ReceptionKind::Domestic).unwrap();
/// assert_eq!(fiscal_cn::money::round_half_up(per_person * Decimal::from(10_000), 2), "95.11".parse()?);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct ThreePublicExpenditure {
    /// The currency of every amount of the view.
    pub currency: Unit,
    /// “三公”经费合计.
    pub total: ThreePublicAmounts,
    /// Each category (all three are present; a figure not published is `None`).
    pub categories: BTreeMap<ThreePublicCategory, ThreePublicAmounts>,
    /// Each sub-item (all five are present; a figure not published is `None`).
    pub items: BTreeMap<ThreePublicItem, ThreePublicAmounts>,
    /// 因公出国（境）团组.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub overseas_groups: Option<u64>,
    /// 因公出国（境）人次.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub overseas_persons: Option<u64>,
    /// 公务用车 bought in the year.
    pub vehicles_purchased: VehiclePurchases,
    /// 公务用车 held at year end by type (三公 section).
    pub vehicles_held: VehicleCounts,
    /// Vehicles held at year end by use (国有资产 section).
    pub vehicles_by_use: VehiclesByUse,
    /// 国内公务接待.
    pub domestic_reception: ReceptionCounts,
    /// 外事接待.
    pub foreign_reception: ReceptionCounts,
}

/// Which line of the view a row or concept fills.
#[derive(Clone, Copy)]
enum Slot {
    Total,
    Category(ThreePublicCategory),
    Item(ThreePublicItem),
}

impl Slot {
    /// The line of the view that holds `concept`, if it is a 三公 line.
    fn of(concept: &Concept) -> Option<Slot> {
        match concept {
            Concept::ThreePublicTotal => Some(Slot::Total),
            Concept::ThreePublicCategory(c) => Some(Slot::Category(*c)),
            Concept::ThreePublicItem(i) => Some(Slot::Item(*i)),
            _ => None,
        }
    }
}

impl ThreePublicExpenditure {
    /// Reads the 三公 table(s) (预算数/全年预算数 and 决算数 columns) and the narrative's
    /// statements. Where a figure is printed twice the table wins, then the first statement
    /// in document order; the checker (N001, N002) reports disagreements, the view does not
    /// repeat them. A statement with the prior year (`year` = report year − 1) gives
    /// [`ThreePublicAmounts::prior_year`]; statements of other years are ignored.
    ///
    /// # Errors
    /// [`crate::Error::Overflow`] when an amount cannot be converted to the disclosure's
    /// currency.
    pub fn from_disclosure(disclosure: &Disclosure) -> Result<Self> {
        let currency = disclosure.currency;
        let mut view = ThreePublicExpenditure {
            currency,
            total: ThreePublicAmounts::default(),
            categories: ThreePublicCategory::ALL
                .iter()
                .map(|c| (*c, ThreePublicAmounts::default()))
                .collect(),
            items: ThreePublicItem::ALL
                .iter()
                .map(|i| (*i, ThreePublicAmounts::default()))
                .collect(),
            overseas_groups: None,
            overseas_persons: None,
            vehicles_purchased: VehiclePurchases::default(),
            vehicles_held: VehicleCounts::default(),
            vehicles_by_use: VehiclesByUse::default(),
            domestic_reception: ReceptionCounts::default(),
            foreign_reception: ReceptionCounts::default(),
        };
        for table in disclosure
            .tables
            .iter()
            .filter(|t| t.kind.layout() == TableKind::ThreePublic)
        {
            view.read_table(table)?;
        }
        let prior = disclosure.entity.year.checked_sub(1);
        let budget = disclosure.entity.kind == DisclosureKind::Budget;
        for statement in &disclosure.statements {
            view.read_statement(statement, currency, prior, budget)?;
        }
        Ok(view)
    }

    fn slot(&mut self, slot: Slot) -> Option<&mut ThreePublicAmounts> {
        match slot {
            Slot::Total => Some(&mut self.total),
            Slot::Category(c) => self.categories.get_mut(&c),
            Slot::Item(i) => self.items.get_mut(&i),
        }
    }

    fn read_table(&mut self, table: &Table) -> Result<()> {
        for row in &table.rows {
            let Some(slot) = concept_of_cell(table.kind.layout(), &row.key, Column::Amount)
                .as_ref()
                .and_then(Slot::of)
            else {
                continue;
            };
            let convert = |column| -> Result<Option<Decimal>> {
                row.get(column)
                    .map(|v| in_unit(Amount::new(v, table.unit), self.currency))
                    .transpose()
            };
            let actual = convert(Column::Amount)?;
            let budget = match convert(Column::AdjustedBudget)? {
                Some(b) => Some(b),
                None => convert(Column::Budget)?,
            };
            // A budget's table prints last year's budget beside this year's.
            let prior_year = convert(Column::PriorBudget)?;
            if let Some(line) = self.slot(slot) {
                line.actual = line.actual.or(actual);
                line.budget = line.budget.or(budget);
                line.prior_year = line.prior_year.or(prior_year);
            }
        }
        Ok(())
    }

    /// One statement; in a `budget` its amounts of this year are the budget (a budget states
    /// no amount spent).
    fn read_statement(
        &mut self,
        s: &Statement,
        currency: Unit,
        prior: Option<u16>,
        budget: bool,
    ) -> Result<()> {
        let this_year = s.year.is_none();
        if let Some(slot) = Slot::of(&s.concept) {
            let Some(line) = self.slot(slot) else {
                return Ok(());
            };
            match &s.value {
                StatedValue::Amount(a) if this_year && budget && line.budget.is_none() => {
                    line.budget = Some(in_unit(*a, currency)?);
                }
                StatedValue::Amount(a) if this_year && !budget && line.actual.is_none() => {
                    line.actual = Some(in_unit(*a, currency)?);
                }
                StatedValue::Amount(a)
                    if s.year.is_some() && s.year == prior && line.prior_year.is_none() =>
                {
                    line.prior_year = Some(in_unit(*a, currency)?);
                }
                StatedValue::Budget(a) if this_year && line.budget.is_none() => {
                    line.budget = Some(in_unit(*a, currency)?);
                }
                StatedValue::Change { amount, direction }
                    if this_year && line.stated_change.is_none() =>
                {
                    line.stated_change = Some(direction.signed(in_unit(*amount, currency)?));
                }
                _ => {}
            }
            return Ok(());
        }
        if !this_year {
            return Ok(());
        }
        match (&s.concept, &s.value) {
            (Concept::Count(what), StatedValue::Count(n)) => self.read_count(*what, *n),
            (Concept::VehiclePurchaseAmount(kind), StatedValue::Amount(a)) => {
                let value = in_unit(*a, currency)?;
                match kind {
                    None => {
                        self.vehicles_purchased.amount.get_or_insert(value);
                    }
                    Some(t) => {
                        self.vehicles_purchased
                            .amount_by_type
                            .entry(*t)
                            .or_insert(value);
                    }
                }
            }
            _ => {}
        }
        Ok(())
    }

    fn read_count(&mut self, what: Countable, n: u64) {
        let first = |slot: &mut Option<u64>| {
            slot.get_or_insert(n);
        };
        let typed = |counts: &mut VehicleCounts, t: Option<VehicleType>| match t {
            None => {
                counts.total.get_or_insert(n);
            }
            Some(t) => {
                counts.by_type.entry(t).or_insert(n);
            }
        };
        match what {
            Countable::OverseasGroups => first(&mut self.overseas_groups),
            Countable::OverseasPersons => first(&mut self.overseas_persons),
            Countable::VehiclesPurchased(t) => typed(&mut self.vehicles_purchased.counts, t),
            Countable::VehiclesHeld(t) => typed(&mut self.vehicles_held, t),
            Countable::VehiclesByUse(None) => first(&mut self.vehicles_by_use.total),
            Countable::VehiclesByUse(Some(u)) => {
                self.vehicles_by_use.by_use.entry(u).or_insert(n);
            }
            Countable::ReceptionBatches(kind) => first(&mut self.reception_mut(kind).batches),
            Countable::ReceptionPersons(kind) => first(&mut self.reception_mut(kind).persons),
            _ => {}
        }
    }

    fn reception_mut(&mut self, kind: ReceptionKind) -> &mut ReceptionCounts {
        match kind {
            ReceptionKind::Domestic => &mut self.domestic_reception,
            ReceptionKind::Foreign => &mut self.foreign_reception,
        }
    }

    /// The counts of one kind of 公务接待.
    #[must_use]
    pub fn reception(&self, kind: ReceptionKind) -> &ReceptionCounts {
        match kind {
            ReceptionKind::Domestic => &self.domestic_reception,
            ReceptionKind::Foreign => &self.foreign_reception,
        }
    }

    /// The amounts of one category.
    #[must_use]
    pub fn category(&self, category: ThreePublicCategory) -> Option<&ThreePublicAmounts> {
        self.categories.get(&category)
    }

    /// The amounts of one sub-item.
    #[must_use]
    pub fn item(&self, item: ThreePublicItem) -> Option<&ThreePublicAmounts> {
        self.items.get(&item)
    }

    /// Σ of the categories' actuals (I-14); `None` unless all three are published.
    ///
    /// This and the other sums keep `Result<Option<_>>`: `None` is a figure left out, the
    /// error a sum beyond what `Decimal` holds (which a checker must not take for a blank).
    ///
    /// # Errors
    /// [`crate::Error::Overflow`] when the sum overflows.
    pub fn categories_actual_sum(&self) -> Result<Option<Decimal>> {
        sum_all(self.categories.values().map(|a| a.actual))
    }

    /// Σ of the categories' budgets (I-14); `None` unless all three are published.
    ///
    /// # Errors
    /// [`crate::Error::Overflow`] when the sum overflows.
    pub fn categories_budget_sum(&self) -> Result<Option<Decimal>> {
        sum_all(self.categories.values().map(|a| a.budget))
    }

    /// Σ of a category's sub-items' actuals; `None` unless every sub-item is published.
    ///
    /// # Errors
    /// [`crate::Error::Overflow`] when the sum overflows.
    pub fn items_actual_sum(&self, category: ThreePublicCategory) -> Result<Option<Decimal>> {
        sum_all(
            category
                .items()
                .iter()
                .map(|i| self.items.get(i).and_then(|a| a.actual)),
        )
    }

    /// The total actual: as published, else Σ of the categories.
    ///
    /// # Errors
    /// [`crate::Error::Overflow`] when the sum overflows.
    pub fn total_actual(&self) -> Result<Option<Decimal>> {
        match self.total.actual {
            Some(total) => Ok(Some(total)),
            None => self.categories_actual_sum(),
        }
    }

    /// 接待费 per person (人均接待费) of one kind: the sub-item's actual / 人次, in
    /// [`currency`](Self::currency); `None` when either is not published or nobody was received.
    /// Total, as [`per_capita`](crate::metrics::per_capita) is.
    #[must_use]
    pub fn cost_per_reception_person(&self, kind: ReceptionKind) -> Option<Decimal> {
        let item = match kind {
            ReceptionKind::Domestic => ThreePublicItem::DomesticReception,
            ReceptionKind::Foreign => ThreePublicItem::ForeignReception,
        };
        match (
            self.items.get(&item).and_then(|a| a.actual),
            self.reception(kind).persons,
        ) {
            (Some(amount), Some(persons)) => metrics::per_capita(amount, persons),
            _ => None,
        }
    }
}

/// 机关运行经费 as a disclosure states it, with the 公用经费 it is bounded by.
///
/// 机关运行经费 applies only to 行政单位 and 参公事业单位 (docs/DOMAIN.md §4); it is spent on goods and
/// services that keep the unit running, so it cannot exceed the 一般公共预算财政拨款基本支出's
/// 公用经费 ([`within_public_funds`](Self::within_public_funds)).
///
/// ```
/// use fiscal_cn::{dimensions::UnitKind, three_public::OperatingFunds};
///
/// assert!(OperatingFunds::applies_to(UnitKind::Administrative));
/// assert!(!OperatingFunds::applies_to(UnitKind::PublicInstitution));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct OperatingFunds {
    /// The currency of every amount.
    pub currency: Unit,
    /// The amounts (budget when stated, actual, prior year, stated change).
    pub amounts: ThreePublicAmounts,
    /// 一般公共预算财政拨款基本支出·公用经费, from the narrative or the basic expenditure table.
    #[cfg_attr(
        feature = "serde",
        serde(default, with = "rust_decimal::serde::str_option")
    )]
    pub public_funds: Option<Decimal>,
}

impl OperatingFunds {
    /// Whether 机关运行经费 applies to a unit of `kind`: 行政单位 and 参公事业单位 only.
    #[must_use]
    pub fn applies_to(kind: UnitKind) -> bool {
        kind.has_operating_funds()
    }

    /// Reads the 机关运行经费 statements (first of each kind wins; a prior-year statement gives
    /// the prior year) and the 公用经费 of the 一般公共预算 (statement first, then the 公用经费合计
    /// row of the basic expenditure table).
    ///
    /// # Errors
    /// [`crate::Error::Overflow`] when an amount cannot be converted to the disclosure's
    /// currency.
    pub fn from_disclosure(disclosure: &Disclosure) -> Result<Self> {
        let currency = disclosure.currency;
        let prior = disclosure.entity.year.checked_sub(1);
        let mut amounts = ThreePublicAmounts::default();
        let public = Concept::FundBasicClass {
            fund: FundType::GeneralPublicBudget,
            class: BasicExpenditureClass::Public,
        };
        let mut public_funds = None;
        for s in &disclosure.statements {
            match (&s.concept, &s.value) {
                (Concept::OperatingFunds, StatedValue::Amount(a)) if s.year.is_none() => {
                    amounts.actual = amounts.actual.or(Some(in_unit(*a, currency)?));
                }
                (Concept::OperatingFunds, StatedValue::Amount(a))
                    if s.year.is_some() && s.year == prior =>
                {
                    amounts.prior_year = amounts.prior_year.or(Some(in_unit(*a, currency)?));
                }
                (Concept::OperatingFunds, StatedValue::Budget(a)) if s.year.is_none() => {
                    amounts.budget = amounts.budget.or(Some(in_unit(*a, currency)?));
                }
                (Concept::OperatingFunds, StatedValue::Change { amount, direction })
                    if s.year.is_none() =>
                {
                    let change = direction.signed(in_unit(*amount, currency)?);
                    amounts.stated_change = amounts.stated_change.or(Some(change));
                }
                (concept, StatedValue::Amount(a)) if *concept == public && s.year.is_none() => {
                    public_funds = public_funds.or(Some(in_unit(*a, currency)?));
                }
                _ => {}
            }
        }
        if public_funds.is_none() {
            // The vocabulary's places of 公用经费; a table that prints its 公用经费合计 row
            // under 合计 or 公用经费 instead is read there.
            let cell = cells_of(&public).find_map(|(kind, row, column)| {
                let table = disclosure.table(kind)?;
                [column, Column::Total, Column::Public]
                    .into_iter()
                    .find_map(|column| table.cell(&row, column))
                    .map(|v| Amount::new(v, table.unit))
            });
            public_funds = cell.map(|a| in_unit(a, currency)).transpose()?;
        }
        Ok(OperatingFunds {
            currency,
            amounts,
            public_funds,
        })
    }

    /// Whether the disclosure states 机关运行经费 at all.
    #[must_use]
    pub fn is_stated(&self) -> bool {
        self.amounts.actual.is_some() || self.amounts.budget.is_some()
    }

    /// 机关运行经费 ≤ 公用经费, compared exactly as published; `None` when either is missing.
    /// (The checker's P002 allows for rounding.)
    #[must_use]
    pub fn within_public_funds(&self) -> Option<bool> {
        Some(self.amounts.actual? <= self.public_funds?)
    }
}

fn in_unit(amount: Amount, currency: Unit) -> Result<Decimal> {
    Ok(amount.to_unit(currency)?.value())
}

fn sum_all(values: impl Iterator<Item = Option<Decimal>>) -> Result<Option<Decimal>> {
    let mut sum = Decimal::ZERO;
    for value in values {
        let Some(value) = value else {
            return Ok(None);
        };
        sum = sum.checked_add(value).ok_or(crate::Error::Overflow {
            operation: Operation::ThreePublicSum,
        })?;
    }
    Ok(Some(sum))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classification::DepartmentEconomicCode;

    #[test]
    fn items_belong_to_their_category_and_back() {
        for item in ThreePublicItem::ALL {
            assert!(item.category().items().contains(item));
        }
        for c in ThreePublicCategory::ALL {
            assert_eq!(c.to_string().parse::<ThreePublicCategory>().unwrap(), *c);
        }
        assert_eq!(
            "因公出国(境)费".parse::<ThreePublicCategory>().unwrap(),
            ThreePublicCategory::OverseasTravel
        );
    }

    #[test]
    fn economic_codes_map_to_categories() {
        let code = |c| DepartmentEconomicCode::from_u32(c).unwrap();
        let category = |c| ThreePublicCategory::from_economic_code(code(c));
        assert_eq!(category(30212), Some(ThreePublicCategory::OverseasTravel));
        assert_eq!(category(30231), Some(ThreePublicCategory::OfficialVehicles));
        assert_eq!(category(31013), Some(ThreePublicCategory::OfficialVehicles));
        assert_eq!(
            category(30217),
            Some(ThreePublicCategory::OfficialReception)
        );
        assert_eq!(category(30239), None);
        assert_eq!(category(302), None);
        assert_eq!(ThreePublicItem::from_economic_code(code(30217)), None);
    }

    #[test]
    fn amounts_derive_prior_change_growth_and_completion() {
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        let line = ThreePublicAmounts {
            budget: Some(Decimal::ZERO),
            actual: Some(d("2.14")),
            prior_year: None,
            stated_change: Some(d("-1.23")),
        };
        assert_eq!(line.prior_year_or_implied().unwrap(), Some(d("3.37")));
        assert_eq!(line.change().unwrap(), Some(d("-1.23")));
        let growth = line.growth_rate().unwrap().unwrap();
        assert_eq!(crate::money::round_half_up(growth, 1), d("-36.5"));
        assert_eq!(line.completion_rate().unwrap(), None); // zero budget: undefined
        let printed = ThreePublicAmounts {
            prior_year: Some(d("3.00")),
            ..line
        };
        assert_eq!(printed.change().unwrap(), Some(d("-0.86"))); // the printed prior wins
    }

    #[test]
    fn view_reads_tables_before_statements_and_converts_units() {
        use crate::report::{DisclosureKind, Entity, Line, Location, Row, RowKey};
        let mut d = Disclosure::new(Entity::new("x", 2024, DisclosureKind::FinalAccounts));
        let mut table = Table::new(TableKind::ThreePublic, Unit::Yuan);
        table.rows.push(
            Row::new(RowKey::Line(Line::Total), "合计")
                .with(Column::Budget, Decimal::new(30000, 0))
                .with(Column::Amount, Decimal::new(21400, 0)),
        );
        d.tables.push(table);
        let at = Location::default;
        d.statements.push(Statement::new(
            Concept::ThreePublicTotal,
            StatedValue::Amount("9万元".parse().unwrap()),
            at(),
        ));
        let mut prior = Statement::new(
            Concept::ThreePublicTotal,
            StatedValue::Amount("3.37万元".parse().unwrap()),
            at(),
        );
        prior.year = Some(2023);
        d.statements.push(prior);
        for (t, n) in [
            (None, 2),
            (Some(VehicleType::Sedan), 1),
            (Some(VehicleType::OffRoad), 1),
        ] {
            d.statements.push(Statement::new(
                Concept::Count(Countable::VehiclesHeld(t)),
                StatedValue::Count(n),
                at(),
            ));
        }
        let view = ThreePublicExpenditure::from_disclosure(&d).unwrap();
        assert_eq!(view.total.actual, Some(Decimal::new(214, 2)));
        assert_eq!(view.total.budget, Some(Decimal::new(3, 0)));
        assert_eq!(view.total.prior_year, Some(Decimal::new(337, 2)));
        assert_eq!(view.vehicles_held.total, Some(2));
        assert_eq!(view.vehicles_held.sum_of_types(), Some(2));
        assert_eq!(view.categories_actual_sum().unwrap(), None);
        assert_eq!(view.cost_per_reception_person(ReceptionKind::Foreign), None);
        #[cfg(feature = "serde")]
        {
            let json = serde_json::to_string(&view).unwrap();
            assert!(json.contains("\"actual\":\"2.1400\""), "{json}"); // 21400元, exactly
            let back: ThreePublicExpenditure = serde_json::from_str(&json).unwrap();
            assert_eq!(back, view);
        }
    }

    #[test]
    fn operating_funds_apply_to_administrative_units_only() {
        assert!(OperatingFunds::applies_to(
            UnitKind::CivilServantManagedInstitution
        ));
        assert!(!OperatingFunds::applies_to(UnitKind::PublicInstitution));
    }

    #[test]
    fn operating_funds_read_public_funds_where_the_basic_table_prints_them() {
        use crate::report::{DisclosureKind, Entity, Line, Row, RowKey};
        let d_ = |s: &str| s.parse::<Decimal>().unwrap();
        let public_row = |column| {
            let mut d = Disclosure::new(Entity::new("x", 2024, DisclosureKind::FinalAccounts));
            let mut table = Table::new(TableKind::BasicExpenditure, Unit::Yuan);
            table.rows.push(
                Row::new(RowKey::Line(Line::PublicTotal), "公用经费合计")
                    .with(column, d_("12345.00")),
            );
            d.tables.push(table);
            OperatingFunds::from_disclosure(&d).unwrap().public_funds
        };
        for column in [Column::Amount, Column::Total, Column::Public] {
            assert_eq!(public_row(column), Some(d_("1.2345")), "{column}");
        }
        assert_eq!(public_row(Column::Personnel), None);
    }
}
