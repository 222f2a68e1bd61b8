//! Derives the disclosure tables from a [`Ledger`], as a publisher prints them.
//!
//! Every cell is computed exactly in 元 and then converted and rounded **on its own** to the
//! chosen [`Publication`]: that is what real publishers do, so a table printed in 万元 shows
//! the tail differences (尾差) that real ones show, and a checker must accept them. Published at
//! 元 with 2 decimals nothing is rounded and every identity below holds exactly; in any other
//! unit each holds in the rounding-aware sense of docs/DOMAIN.md §2 (see
//! [`check_sum`](crate::precision::check_sum)).
//!
//! | table | rows × columns | identities that hold exactly at 元 |
//! |---|---|---|
//! | 收入支出决算总表 [`Summary`](TableKind::Summary) | income side: [`RowKey::Income`] × 8, 本年收入合计, 使用非财政拨款结余 (0), 年初结转和结余, 收入总计; expenditure side: one [`RowKey::Function`] row per 类, 本年支出合计, 结余分配 (0), 年末结转和结余, 支出总计; all in [`Column::Amount`] | I-1, I-2, I-3, I-4; 本年支出合计 = Σ 类 (I-7) |
//! | 收入决算表 [`Income`](TableKind::Income) | 合计 row, then 类/款/项 rows in code order × 合计 and the 8 source columns | I-6 per row, I-7 per column; 合计 row = the summary's income lines (I-8) |
//! | 支出决算表 [`Expenditure`](TableKind::Expenditure) | 合计, 类/款/项 × 合计 and the 5 kind columns | I-5 (合计 row), I-6, I-7; 合计 = 本年支出合计 and each 类 = the summary's 类 row (I-8) |
//! | 财政拨款收入支出决算总表 [`AppropriationSummary`](TableKind::AppropriationSummary) | income side: [`RowKey::Fund`] × 3, 本年收入合计, [`RowKey::FundOpeningBalance`] × 3, 年初结转和结余, 收入总计 in [`Column::Amount`]; expenditure side: 类 rows, 本年支出合计, 年末结转和结余, 支出总计 × 合计 and the 3 fund columns | I-9 per fund, I-3, I-6 per row, I-7; fund income = the summary's source lines (I-11) |
//! | 一般公共预算财政拨款支出决算表 [`GeneralBudgetExpenditure`](TableKind::GeneralBudgetExpenditure) | 合计, 类/款/项 × 合计, 基本支出, 项目支出 (lines funded by 一般公共预算财政拨款) | I-10, I-6, I-7; each 类 and 合计 = the appropriation summary's 一般公共预算 column (I-8) |
//! | 一般公共预算财政拨款基本支出决算表 [`BasicExpenditure`](TableKind::BasicExpenditure) | per [`BasicExpenditureClass`]: its economic 类 and 款 rows, then 人员经费合计 / 公用经费合计; finally 合计; all in [`Column::Amount`] | I-13: 合计 = 人员经费 + 公用经费 = the 基本支出 of the previous table's 合计 row; I-7 (类 = Σ 款, each class total = Σ its 类) |
//! | 政府性基金 / 国有资本经营 [`GovernmentFund`](TableKind::GovernmentFund), [`StateCapital`](TableKind::StateCapital) | 合计, 类/款/项 × 年初结转和结余, 本年收入, 本年支出, 基本支出, 项目支出, 年末结转和结余; the balances only on the 合计 row (the ledger keeps them per unit and source, not per function) | I-9 on the 合计 row, 本年支出 = 基本 + 项目 per row, I-7; 合计 = the appropriation summary's fund lines (I-8) |
//! | 财政拨款“三公”经费支出决算表 [`ThreePublic`](TableKind::ThreePublic), only when a 财政拨款 line has economic code 30212, 30217, 30231 or 31013 | 合计, the 3 categories, and 公务用车购置 / 运行维护 under 公务用车, in [`Column::Amount`] (the actual; a ledger has no budget) | I-14 (actual column) |
//!
//! Rows are named from the embedded catalogs (the code itself when the catalog lacks it).
//! 项目支出决算表 is not derived: a ledger has no project names.
//!
//! ## Budgets
//! For an [`Entity`] of kind [`DisclosureKind::Budget`] the ledger is read as a budget: its
//! expenditure lines are this year's budget lines, its income lines this year's budgeted
//! income, and its opening balances last year's carry-over (上年结转) that the budget spends.
//! A budget spends what it has, so for every income source income + carry-over must equal the
//! lines funded from it; a ledger that does not balance is refused
//! ([`Error::UnbalancedBudget`], with the source and the figures).
//! [`generate_budget_ledger`](crate::ledger::generate_budget_ledger) makes balanced ones.
//!
//! The tables are the budget kinds ([`TableKind::counterpart`]) in the same layouts, with
//! 预算数 ([`Column::Budget`]) where final accounts print 决算数 and without anything carried
//! out: 收支预算总表 lists the sources (财政专户管理资金 too), 本年收入合计, 上年结转 and
//! 收入总计, then the 类, 本年支出合计 and 支出总计, and 收入总计 = 支出总计; 财政拨款收支预算总表
//! has no 年末 row and its 支出总计 is 本年支出; the 政府性基金 and 国有资本经营 tables are
//! expenditure by function × 基本/项目 (printed even when empty, as budgets do). Compare a
//! budget with last year's budget with [`compare_years`](crate::metrics::compare_years).

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use crate::classification::{
    Catalog, DepartmentEconomicCode, FunctionCode, GovernmentEconomicCode, Level,
};
use crate::dimensions::{BasicExpenditureClass, ExpenditureKind, FundType, IncomeSource};
use crate::dimensions::{ThreePublicCategory, ThreePublicItem};
use crate::error::Operation;
use crate::error::{DisclosureId, Error, Result};
use crate::ledger::{ExpenditureItem, Ledger, LineItem, add, group_by, roll_up, rollup};
use crate::money::{Amount, Unit, round_half_up, truncate_to};
use crate::precision::RoundingMode;
use crate::report::{
    Cells, Column, Disclosure, DisclosureKind, Entity, Line, Row, RowKey, Table, TableKind,
};

/// How the derived tables are printed: currency unit, decimals and rounding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Publication {
    /// The currency unit of every table.
    pub unit: Unit,
    /// The decimals every amount is printed with.
    pub decimals: u32,
    /// How exact values become printed ones.
    pub rounding: RoundingMode,
}

impl Default for Publication {
    /// 万元 with 2 decimals, 四舍五入: what most disclosures print.
    fn default() -> Self {
        Publication {
            unit: Unit::WanYuan,
            decimals: 2,
            rounding: RoundingMode::HalfUp,
        }
    }
}

impl Publication {
    /// Exact: 元 with 2 decimals, where no ledger amount is rounded.
    pub const EXACT: Publication = Publication {
        unit: Unit::Yuan,
        decimals: 2,
        rounding: RoundingMode::HalfUp,
    };

    /// An exact amount in 元 as this publication prints it.
    ///
    /// ```
    /// use fiscal_cn::{Decimal, derive::Publication, money::Unit, precision::RoundingMode};
    ///
    /// let wan = Publication::default();
    /// assert_eq!(wan.print(Decimal::new(7_753_850, 0))?.to_string(), "775.39");
    /// let truncating = Publication { rounding: RoundingMode::Truncate, ..wan };
    /// assert_eq!(truncating.print(Decimal::new(7_753_850, 0))?.to_string(), "775.38");
    /// # Ok::<(), fiscal_cn::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::Overflow`] when the amount does not fit the publication's
    /// unit.
    pub fn print(&self, yuan: Decimal) -> Result<Decimal> {
        let value = Amount::new(yuan, Unit::Yuan).to_unit(self.unit)?.value();
        let mut printed = match self.rounding {
            RoundingMode::HalfUp => round_half_up(value, self.decimals),
            RoundingMode::Truncate => truncate_to(value, self.decimals),
        };
        // A tiny negative value rounds to zero; print it as 0.00, not -0.00.
        if printed.is_zero() {
            printed.set_sign_positive(true);
        }
        Ok(printed)
    }
}

/// Derives every table the ledger supports (see the module table) as `publication` prints
/// them, in the usual order, for `entity`: final accounts, or a budget when `entity.kind` is
/// [`DisclosureKind::Budget`] (see the module docs).
///
/// # Errors
/// [`Error::Overflow`] when a sum does not fit; [`Error::UnbalancedBudget`] for a budget whose
/// ledger does not balance; [`Error::GovernmentBudgetFromLedger`] for a government's budget
/// (not a department's ledger); [`Error::SelfEvaluationFromLedger`] for a performance
/// self-evaluation.
///
/// ```
/// use fiscal_cn::derive::{derive_disclosure, Publication};
/// use fiscal_cn::ledger::generate_ledger;
/// use fiscal_cn::report::{Column, DisclosureKind, Entity, Line, RowKey, TableKind};
///
/// let ledger = generate_ledger(1, 3, 120);
/// let entity = Entity::new("示例部门", 2024, DisclosureKind::FinalAccounts);
/// let d = derive_disclosure(&ledger, entity, Publication::EXACT)?;
/// let summary = d.table(TableKind::Summary).unwrap();
/// let cell = |line| summary.cell(&RowKey::Line(line), Column::Amount).unwrap();
/// assert_eq!(cell(Line::IncomeGrandTotal), cell(Line::ExpenditureGrandTotal)); // I-3
/// assert_eq!(cell(Line::CurrentExpenditureTotal), ledger.rollup()?.total());
/// # Ok::<(), fiscal_cn::Error>(())
/// ```
pub fn derive_disclosure(
    ledger: &Ledger,
    entity: Entity,
    publication: Publication,
) -> Result<Disclosure> {
    let exact = Exact::of(ledger)?;
    let tables = match entity.kind {
        DisclosureKind::FinalAccounts => final_accounts_tables(ledger, &exact)?,
        DisclosureKind::Budget => budget_tables(ledger, &exact)?,
        DisclosureKind::GovernmentBudget | DisclosureKind::GovernmentFinalAccounts => {
            return Err(Error::GovernmentBudgetFromLedger {
                disclosure: DisclosureId::of(&entity),
            });
        }
        DisclosureKind::PerformanceSelfEvaluation => {
            return Err(Error::SelfEvaluationFromLedger {
                disclosure: DisclosureId::of(&entity),
            });
        }
    };
    let mut disclosure = Disclosure::new(entity);
    disclosure.currency = publication.unit;
    disclosure.amount_decimals = publication.decimals;
    disclosure.tables = tables
        .into_iter()
        .map(|t| t.print(&publication))
        .collect::<Result<_>>()?;
    Ok(disclosure)
}

fn final_accounts_tables(ledger: &Ledger, exact: &Exact) -> Result<Vec<Draft>> {
    let mut tables = vec![
        summary(ledger, exact, DisclosureKind::FinalAccounts)?,
        income(ledger, TableKind::Income, &printed_sources(exact, false))?,
        expenditure(ledger)?,
        appropriation_summary(ledger, exact, DisclosureKind::FinalAccounts)?,
        general_budget_expenditure(ledger)?,
        basic_expenditure(ledger)?,
        fund_table(ledger, exact, FundType::GovernmentFund)?,
        fund_table(ledger, exact, FundType::StateCapitalOperation)?,
    ];
    tables.extend(three_public(ledger)?);
    Ok(tables)
}

/// A budget's tables: the final accounts' layouts without anything carried out of the year
/// (a budget spends what it has), each in its budget kind with 预算数 for 决算数, and the
/// fund tables as expenditure by function × 基本/项目.
fn budget_tables(ledger: &Ledger, exact: &Exact) -> Result<Vec<Draft>> {
    exact.balanced()?;
    let sources = printed_sources(exact, true);
    let mut tables = vec![
        summary(ledger, exact, DisclosureKind::Budget)?,
        income(ledger, TableKind::Income, &sources)?,
        expenditure(ledger)?,
        appropriation_summary(ledger, exact, DisclosureKind::Budget)?,
        general_budget_expenditure(ledger)?,
        basic_expenditure(ledger)?,
    ];
    for (kind, fund) in [
        (TableKind::GovernmentFund, FundType::GovernmentFund),
        (TableKind::StateCapital, FundType::StateCapitalOperation),
    ] {
        tables.push(expenditure_by_kind(
            kind,
            ledger,
            &[fund.income_source()],
            &[ExpenditureKind::Basic, ExpenditureKind::Project],
        )?);
    }
    tables.extend(three_public(ledger)?);
    tables.into_iter().map(Draft::into_budget).collect()
}

/// The income sources a table lists: those the disclosure prints by custom (财政专户管理资金
/// only in budgets), and any other the ledger has figures for, so the lines add up.
fn printed_sources(exact: &Exact, budget: bool) -> Vec<IncomeSource> {
    let has = |s: &IncomeSource| {
        [&exact.income, &exact.opening, &exact.spent]
            .iter()
            .any(|map| map.get(s).is_some_and(|v| !v.is_zero()))
    };
    IncomeSource::ALL
        .iter()
        .copied()
        .filter(|s| {
            IncomeSource::FINAL_ACCOUNTS.contains(s)
                || (budget && *s == IncomeSource::FiscalSpecialAccount)
                || has(s)
        })
        .collect()
}

/// The exact figures several tables share.
struct Exact {
    income: BTreeMap<IncomeSource, Decimal>,
    opening: BTreeMap<IncomeSource, Decimal>,
    spent: BTreeMap<IncomeSource, Decimal>,
}

impl Exact {
    fn of(ledger: &Ledger) -> Result<Self> {
        Ok(Exact {
            income: ledger.income_by_source()?,
            opening: ledger.opening_by_source()?,
            spent: ledger.expenditure_by_source()?,
        })
    }

    /// Σ of `map` over `sources`.
    fn sum(map: &BTreeMap<IncomeSource, Decimal>, sources: &[IncomeSource]) -> Result<Decimal> {
        sources.iter().try_fold(Decimal::ZERO, |acc, s| {
            add(
                acc,
                map.get(s).copied().unwrap_or_default(),
                Operation::TableSum,
            )
        })
    }

    /// A budget spends what it has: for every source, this year's income and last year's
    /// carry-over (上年结转) add up to the expenditure budgeted from it.
    fn balanced(&self) -> Result<()> {
        for source in IncomeSource::ALL {
            let closing = self.closing(&[*source])?;
            if !closing.is_zero() {
                let figure = |map: &BTreeMap<IncomeSource, Decimal>| {
                    map.get(source).copied().unwrap_or_default()
                };
                return Err(Error::UnbalancedBudget {
                    source_name: source.name(),
                    income: figure(&self.income),
                    opening: figure(&self.opening),
                    spent: figure(&self.spent),
                    difference: closing,
                });
            }
        }
        Ok(())
    }

    /// 年末结转和结余 of `sources`: opening + income − expenditure.
    fn closing(&self, sources: &[IncomeSource]) -> Result<Decimal> {
        let available = add(
            Self::sum(&self.opening, sources)?,
            Self::sum(&self.income, sources)?,
            Operation::TableSum,
        )?;
        available
            .checked_sub(Self::sum(&self.spent, sources)?)
            .ok_or(Error::Overflow {
                operation: Operation::ClosingBalance,
            })
    }
}

/// A table of exact 元 values, in printed row order.
struct Draft {
    kind: TableKind,
    columns: Vec<Column>,
    rows: Vec<(RowKey, BTreeMap<Column, Decimal>)>,
}

impl Draft {
    fn new(kind: TableKind, columns: &[Column]) -> Self {
        Draft {
            kind,
            columns: columns.to_vec(),
            rows: Vec::new(),
        }
    }

    fn push(&mut self, key: RowKey, cells: impl IntoIterator<Item = (Column, Decimal)>) {
        self.rows.push((key, cells.into_iter().collect()));
    }

    /// A single-column row.
    fn amount(&mut self, key: RowKey, value: Decimal) {
        self.push(key, [(Column::Amount, value)]);
    }

    fn extend(&mut self, matrix: impl IntoIterator<Item = (RowKey, BTreeMap<Column, Decimal>)>) {
        self.rows.extend(matrix);
    }

    /// The same table in a budget: its budget kind, with 预算数 where the final accounts
    /// print 决算数.
    fn into_budget(self) -> Result<Draft> {
        let kind =
            self.kind
                .counterpart(DisclosureKind::Budget)
                .ok_or(Error::NoBudgetCounterpart {
                    table: self.kind.name(),
                })?;
        let budget = |column: Column| match column {
            Column::Amount => Column::Budget,
            other => other,
        };
        Ok(Draft {
            kind,
            columns: self.columns.into_iter().map(budget).collect(),
            rows: self
                .rows
                .into_iter()
                .map(|(key, cells)| {
                    (
                        key,
                        cells.into_iter().map(|(c, v)| (budget(c), v)).collect(),
                    )
                })
                .collect(),
        })
    }

    fn print(self, publication: &Publication) -> Result<Table> {
        let mut table = Table::new(self.kind, publication.unit);
        table.columns = self.columns;
        // Lines of a two-sided table print in a column of their own (the income side's 金额
        // beside the expenditure side's 合计 and funds): every column a row fills is listed.
        for (_, cells) in &self.rows {
            for column in cells.keys() {
                if !table.columns.contains(column) {
                    table.columns.push(*column);
                }
            }
        }
        for (key, cells) in self.rows {
            let mut row = Row::new(key.clone(), row_name(&key, self.kind));
            row.values = Cells::with_capacity(cells.len());
            for (column, value) in cells {
                row.values.insert(column, publication.print(value)?);
            }
            table.rows.push(row);
        }
        Ok(table)
    }
}

/// A row's printed name: the catalog's for a code (the code itself when the catalog lacks
/// it), the line's otherwise, as a table of `kind` calls it (a budget's carry-over in is
/// 上年结转).
fn row_name(key: &RowKey, kind: TableKind) -> String {
    if let Some(name) = key.budget_name(kind) {
        return name;
    }
    let name = match key {
        RowKey::Function(code) => Catalog::<FunctionCode>::embedded().name(*code),
        RowKey::Economic(code) => Catalog::<DepartmentEconomicCode>::embedded().name(*code),
        RowKey::GovernmentEconomic(code) => {
            Catalog::<GovernmentEconomicCode>::embedded().name(*code)
        }
        _ => None,
    };
    name.map_or_else(|| key.to_string(), str::to_owned)
}

/// Rows by 功能分类 code: the 合计 row, then every code with its ancestors in code order.
type Matrix = BTreeMap<RowKey, BTreeMap<Column, Decimal>>;

/// Sums `items` into a function × column matrix: `total` holds every item, each of `columns`
/// the items that `column_of` puts there; every row has every column (0 when nothing).
fn function_matrix<T: LineItem>(
    items: &[&T],
    function: impl Fn(&T) -> FunctionCode,
    total: Column,
    columns: &[Column],
    column_of: impl Fn(&T) -> Column,
) -> Result<Matrix> {
    let mut matrix = Matrix::new();
    let mut put = |column: Column, selected: &[&&T]| -> Result<()> {
        let rolled = rollup(selected.iter().map(|i| (function(i), i.amount())))?;
        let rows = std::iter::once((RowKey::Line(Line::Total), rolled.total)).chain(
            rolled
                .by_code
                .into_iter()
                .map(|(c, v)| (RowKey::Function(c), v)),
        );
        for (key, value) in rows {
            matrix.entry(key).or_default().insert(column, value);
        }
        Ok(())
    };
    put(total, &items.iter().collect::<Vec<_>>())?;
    for &column in columns {
        put(
            column,
            &items
                .iter()
                .filter(|i| column_of(i) == column)
                .collect::<Vec<_>>(),
        )?;
    }
    for cells in matrix.values_mut() {
        for &column in columns {
            cells.entry(column).or_insert(Decimal::ZERO);
        }
    }
    Ok(matrix)
}

fn with_total(columns: impl IntoIterator<Item = Column>) -> Vec<Column> {
    std::iter::once(Column::Total).chain(columns).collect()
}

/// 收入支出决算总表 (`kind` final accounts) or 收支预算总表 (a budget, in the final accounts'
/// layout, made a budget table afterwards): income by source, 本年收入合计, the carry-over in,
/// 收入总计; expenditure by 类, 本年支出合计, 支出总计. A budget has no 使用非财政拨款结余, 结余分配
/// or 年末结转和结余 lines: it spends what it has, so its 支出总计 is 本年支出合计.
fn summary(ledger: &Ledger, exact: &Exact, kind: DisclosureKind) -> Result<Draft> {
    let budget = kind == DisclosureKind::Budget;
    let mut t = Draft::new(TableKind::Summary, &[Column::Amount]);
    for source in printed_sources(exact, budget) {
        t.amount(
            RowKey::Income(source),
            Exact::sum(&exact.income, &[source])?,
        );
    }
    let income = Exact::sum(&exact.income, IncomeSource::ALL)?;
    let opening = Exact::sum(&exact.opening, IncomeSource::ALL)?;
    t.amount(RowKey::Line(Line::CurrentIncomeTotal), income);
    if !budget {
        t.amount(
            RowKey::Line(Line::UseOfNonAppropriationBalance),
            Decimal::ZERO,
        );
    }
    t.amount(RowKey::Line(Line::OpeningBalance), opening);
    t.amount(
        RowKey::Line(Line::IncomeGrandTotal),
        add(income, opening, Operation::TableSum)?,
    );

    let rolled = ledger.rollup()?;
    for (lei, amount) in rolled.level(Level::Lei) {
        t.amount(RowKey::Function(lei), amount);
    }
    t.amount(RowKey::Line(Line::CurrentExpenditureTotal), rolled.total());
    let closing = if budget {
        Decimal::ZERO
    } else {
        let closing = exact.closing(IncomeSource::ALL)?;
        t.amount(RowKey::Line(Line::BalanceDistribution), Decimal::ZERO);
        t.amount(RowKey::Line(Line::ClosingBalance), closing);
        closing
    };
    t.amount(
        RowKey::Line(Line::ExpenditureGrandTotal),
        add(rolled.total(), closing, Operation::TableSum)?,
    );
    Ok(t)
}

fn income(ledger: &Ledger, kind: TableKind, sources: &[IncomeSource]) -> Result<Draft> {
    let columns: Vec<Column> = sources
        .iter()
        .map(|s| Column::of_income_source(*s))
        .collect();
    let mut t = Draft::new(kind, &with_total(columns.iter().copied()));
    let items: Vec<_> = ledger.incomes().iter().collect();
    t.extend(function_matrix(
        &items,
        |i| i.function,
        Column::Total,
        &columns,
        |i| Column::of_income_source(i.source),
    )?);
    Ok(t)
}

fn expenditure_by_kind(
    kind: TableKind,
    ledger: &Ledger,
    sources: &[IncomeSource],
    kinds: &[ExpenditureKind],
) -> Result<Draft> {
    let columns: Vec<Column> = kinds
        .iter()
        .map(|k| Column::of_expenditure_kind(*k))
        .collect();
    let mut t = Draft::new(kind, &with_total(columns.iter().copied()));
    let items: Vec<_> = ledger
        .expenditures()
        .iter()
        .filter(|i| sources.contains(&i.source))
        .collect();
    t.extend(function_matrix(
        &items,
        |i| i.function,
        Column::Total,
        &columns,
        |i| Column::of_expenditure_kind(i.kind),
    )?);
    Ok(t)
}

fn expenditure(ledger: &Ledger) -> Result<Draft> {
    expenditure_by_kind(
        TableKind::Expenditure,
        ledger,
        IncomeSource::ALL,
        ExpenditureKind::ALL,
    )
}

fn general_budget_expenditure(ledger: &Ledger) -> Result<Draft> {
    expenditure_by_kind(
        TableKind::GeneralBudgetExpenditure,
        ledger,
        &[IncomeSource::GeneralBudgetAppropriation],
        &[ExpenditureKind::Basic, ExpenditureKind::Project],
    )
}

/// 财政拨款收入支出决算总表; in a budget, nothing is carried out (no 年末结转和结余 row, and
/// 支出总计 is 本年支出合计).
fn appropriation_summary(ledger: &Ledger, exact: &Exact, kind: DisclosureKind) -> Result<Draft> {
    let funds: Vec<IncomeSource> = FundType::ALL.iter().map(|f| f.income_source()).collect();
    let columns: Vec<Column> = FundType::ALL
        .iter()
        .map(|f| Column::of_fund_type(*f))
        .collect();
    let mut t = Draft::new(
        TableKind::AppropriationSummary,
        &with_total(columns.iter().copied()),
    );
    for &fund in FundType::ALL {
        t.amount(
            RowKey::Fund(fund),
            Exact::sum(&exact.income, &[fund.income_source()])?,
        );
    }
    let income = Exact::sum(&exact.income, &funds)?;
    t.amount(RowKey::Line(Line::CurrentIncomeTotal), income);
    for &fund in FundType::ALL {
        t.amount(
            RowKey::FundOpeningBalance(fund),
            Exact::sum(&exact.opening, &[fund.income_source()])?,
        );
    }
    let opening = Exact::sum(&exact.opening, &funds)?;
    t.amount(RowKey::Line(Line::OpeningBalance), opening);
    t.amount(
        RowKey::Line(Line::IncomeGrandTotal),
        add(income, opening, Operation::TableSum)?,
    );

    let items: Vec<_> = ledger
        .expenditures()
        .iter()
        .filter(|i| i.source.is_appropriation())
        .collect();
    let matrix = function_matrix(
        &items,
        |i| i.function,
        Column::Total,
        &columns,
        |i| Column::of_income_source(i.source),
    )?;
    t.extend(
        matrix
            .into_iter()
            .filter(|(key, _)| key.function_code().is_some_and(|c| c.level() == Level::Lei)),
    );
    // Each line: the total column, then one per fund type.
    let line = |per_fund: &dyn Fn(&[IncomeSource]) -> Result<Decimal>| -> Result<BTreeMap<Column, Decimal>> {
        let mut cells = BTreeMap::from([(Column::Total, per_fund(&funds)?)]);
        for (&column, &fund) in columns.iter().zip(&funds) {
            cells.insert(column, per_fund(&[fund])?);
        }
        Ok(cells)
    };
    let spent = |s: &[IncomeSource]| Exact::sum(&exact.spent, s);
    let closing = |s: &[IncomeSource]| exact.closing(s);
    let grand = |s: &[IncomeSource]| add(spent(s)?, closing(s)?, Operation::TableSum);
    t.push(RowKey::Line(Line::CurrentExpenditureTotal), line(&spent)?);
    if kind == DisclosureKind::Budget {
        t.push(RowKey::Line(Line::ExpenditureGrandTotal), line(&spent)?);
    } else {
        t.push(RowKey::Line(Line::ClosingBalance), line(&closing)?);
        t.push(RowKey::Line(Line::ExpenditureGrandTotal), line(&grand)?);
    }
    Ok(t)
}

fn basic_expenditure(ledger: &Ledger) -> Result<Draft> {
    let mut t = Draft::new(TableKind::BasicExpenditure, &[Column::Amount]);
    let lines = ledger.expenditures().iter().filter(|i| {
        i.source == IncomeSource::GeneralBudgetAppropriation && i.kind == ExpenditureKind::Basic
    });
    // The ledger guarantees these lines carry a 人员经费/公用经费 code.
    let (by_code, total) = roll_up(lines.filter_map(|i| Some((i.economic?, i.amount))))?;
    for (class, line) in [
        (BasicExpenditureClass::Personnel, Line::PersonnelTotal),
        (BasicExpenditureClass::Public, Line::PublicTotal),
    ] {
        let mut class_total = Decimal::ZERO;
        for (&code, &amount) in &by_code {
            if BasicExpenditureClass::from_economic_code(code) == Some(class) {
                t.amount(RowKey::Economic(code), amount);
                if code.level() == Level::Lei {
                    class_total = add(class_total, amount, Operation::TableSum)?;
                }
            }
        }
        t.amount(RowKey::Line(line), class_total);
    }
    t.amount(RowKey::Line(Line::Total), total);
    Ok(t)
}

fn fund_table(ledger: &Ledger, exact: &Exact, fund: FundType) -> Result<Draft> {
    let kind = match fund {
        FundType::StateCapitalOperation => TableKind::StateCapital,
        _ => TableKind::GovernmentFund,
    };
    let source = fund.income_source();
    let mut t = Draft::new(
        kind,
        &[
            Column::OpeningBalance,
            Column::CurrentIncome,
            Column::CurrentExpenditure,
            Column::Basic,
            Column::Project,
            Column::ClosingBalance,
        ],
    );
    let spent: Vec<_> = ledger
        .expenditures()
        .iter()
        .filter(|i| i.source == source)
        .collect();
    let mut matrix = function_matrix(
        &spent,
        |i| i.function,
        Column::CurrentExpenditure,
        &[Column::Basic, Column::Project],
        |i| Column::of_expenditure_kind(i.kind),
    )?;
    let received: Vec<_> = ledger
        .incomes()
        .iter()
        .filter(|i| i.source == source)
        .collect();
    let income = function_matrix(
        &received,
        |i| i.function,
        Column::CurrentIncome,
        &[],
        |_| Column::CurrentIncome,
    )?;
    for (key, cells) in income {
        matrix.entry(key).or_default().extend(cells);
    }
    for cells in matrix.values_mut() {
        for column in [
            Column::CurrentIncome,
            Column::CurrentExpenditure,
            Column::Basic,
            Column::Project,
        ] {
            cells.entry(column).or_insert(Decimal::ZERO);
        }
    }
    let total = matrix.entry(RowKey::Line(Line::Total)).or_default();
    total.insert(
        Column::OpeningBalance,
        Exact::sum(&exact.opening, &[source])?,
    );
    total.insert(Column::ClosingBalance, exact.closing(&[source])?);
    t.extend(matrix);
    Ok(t)
}

fn three_public(ledger: &Ledger) -> Result<Option<Draft>> {
    let category_of =
        |i: &ExpenditureItem| i.economic.and_then(ThreePublicCategory::from_economic_code);
    // 三公经费 is spending from 财政拨款 only (docs/DOMAIN.md §4).
    let lines: Vec<&ExpenditureItem> = ledger
        .expenditures()
        .iter()
        .filter(|i| i.source.is_appropriation() && category_of(i).is_some())
        .collect();
    if lines.is_empty() {
        return Ok(None);
    }
    let by_category = group_by(lines.iter().copied(), category_of)?;
    let by_item = group_by(lines.iter().copied(), |i| {
        i.economic.and_then(ThreePublicItem::from_economic_code)
    })?;
    let mut t = Draft::new(TableKind::ThreePublic, &[Column::Amount]);
    let total = by_category
        .values()
        .try_fold(Decimal::ZERO, |acc, v| add(acc, *v, Operation::TableSum))?;
    t.amount(RowKey::Line(Line::Total), total);
    for &category in ThreePublicCategory::ALL {
        t.amount(
            RowKey::ThreePublicCategory(category),
            by_category
                .get(&Some(category))
                .copied()
                .unwrap_or_default(),
        );
        // Only the vehicle items follow from economic codes (30217 does not say whether a
        // reception was domestic or foreign; overseas travel has no sub-items).
        if category == ThreePublicCategory::OfficialVehicles {
            for &item in category.items() {
                t.amount(
                    RowKey::ThreePublicItem(item),
                    by_item.get(&Some(item)).copied().unwrap_or_default(),
                );
            }
        }
    }
    Ok(Some(t))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ledger::IncomeItem;

    fn entity() -> Entity {
        Entity::new("空部门", 2024, DisclosureKind::FinalAccounts)
    }

    #[test]
    fn an_empty_ledger_gives_zero_tables_without_three_public() {
        let d = derive_disclosure(&Ledger::default(), entity(), Publication::default()).unwrap();
        assert_eq!(d.tables.len(), 8);
        let summary = d.table(TableKind::Summary).unwrap();
        let grand = summary.cell(&RowKey::Line(Line::ExpenditureGrandTotal), Column::Amount);
        assert_eq!(grand.map(|v| v.to_string()).as_deref(), Some("0.00"));
    }

    #[test]
    fn overflow_is_an_error_and_odd_precisions_do_not_panic() {
        let item = ExpenditureItem {
            unit: crate::ledger::UnitId(1),
            function: FunctionCode::from_u32(2013201).unwrap(),
            economic: DepartmentEconomicCode::from_u32(30101),
            kind: ExpenditureKind::Basic,
            source: IncomeSource::GeneralBudgetAppropriation,
            amount: Decimal::MAX,
        };
        let ledger = Ledger::new(vec![item; 2], vec![], vec![]).unwrap();
        let err = derive_disclosure(&ledger, entity(), Publication::default()).unwrap_err();
        assert!(matches!(err, Error::Overflow { .. }), "{err:?}");
        let single = Ledger::new(vec![item], vec![], vec![]).unwrap();
        let budget = Entity::new("空部门", 2024, DisclosureKind::Budget);
        // A budget whose one line is funded by as much income: it balances.
        let funded = IncomeItem {
            unit: item.unit,
            function: item.function,
            source: item.source,
            amount: item.amount,
        };
        let balanced = Ledger::new(vec![item], vec![funded], vec![]).unwrap();
        for decimals in [0, 28, 40] {
            for unit in [Unit::Yuan, Unit::WanYuan, Unit::YiYuan] {
                let publication = Publication {
                    unit,
                    decimals,
                    rounding: RoundingMode::HalfUp,
                };
                let _ = derive_disclosure(&single, entity(), publication);
                let _ = derive_disclosure(&balanced, budget.clone(), publication);
            }
        }
        let big = Ledger::new(vec![item; 2], vec![funded; 2], vec![]).unwrap();
        let err = derive_disclosure(&big, budget, Publication::default()).unwrap_err();
        assert!(matches!(err, Error::Overflow { .. }), "{err:?}");
        let tiny = Publication::default().print(Decimal::new(-1, 2)).unwrap();
        assert_eq!(tiny.to_string(), "0.00");
    }
}
