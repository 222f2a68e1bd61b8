//! The published tables, by kind.
//!
//! Table sets differ by province and year (central 9–10 tables, Sichuan 13, Yunnan up to 15), so
//! a table is identified by its [`TableKind`], not its number. A [`Table`] is a list of
//! [`Row`]s, each with a typed [`RowKey`] (a 功能分类 code, an 经济分类 code or a fixed line
//! such as 本年收入合计) and the printed cells by [`Column`]. A blank cell is absent; a printed
//! `0.00` is present. Cells keep the digits as printed (their scale is the printed decimals).

use rust_decimal::Decimal;

use super::Cells;
use crate::classification::{DepartmentEconomicCode, FunctionCode, GovernmentEconomicCode};
use crate::closed_set::closed_set;
use crate::dimensions::{ExpenditureKind, FundType, IncomeSource};
use crate::dimensions::{ThreePublicCategory, ThreePublicItem};
use crate::money::Unit;
use crate::report::DisclosureKind;

closed_set! {
    /// The kinds of table a 部门决算 (or 部门预算) disclosure publishes (docs/DOMAIN.md §3).
    ///
    /// A kind parses from its standard name or any other title the vocabulary lists for it
    /// ([`TABLE_TITLES`](crate::vocabulary::TABLE_TITLES), [`table_kind_of_title`](crate::vocabulary::table_kind_of_title)).
    ///
    /// ```
    /// use fiscal_cn::report::TableKind;
    ///
    /// assert_eq!("收入决算表".parse::<TableKind>()?, TableKind::Income);
    /// assert_eq!(TableKind::GeneralBudgetExpenditure.to_string(), "一般公共预算财政拨款支出决算表");
    /// # Ok::<(), fiscal_cn::Error>(())
    /// ```
    pub enum TableKind: "报表种类" parsed_elsewhere {
        /// 收入支出决算总表: income by source and expenditure by 类, with balances.
        Summary = "收入支出决算总表",
        /// 收入决算表: income by function × source.
        Income = "收入决算表",
        /// 支出决算表: expenditure by function × kind.
        Expenditure = "支出决算表",
        /// 财政拨款收入支出决算总表: appropriations by fund type, with carry-forwards.
        AppropriationSummary = "财政拨款收入支出决算总表",
        /// 一般公共预算财政拨款支出决算表: by function, basic and project.
        GeneralBudgetExpenditure = "一般公共预算财政拨款支出决算表",
        /// 一般公共预算财政拨款基本支出决算表: by department economic code, 人员经费/公用经费.
        BasicExpenditure = "一般公共预算财政拨款基本支出决算表",
        /// 项目支出决算表: expenditure by project.
        ProjectExpenditure = "项目支出决算表",
        /// 政府性基金预算财政拨款收入支出决算表.
        GovernmentFund = "政府性基金预算财政拨款收入支出决算表",
        /// 国有资本经营预算财政拨款收入支出决算表.
        StateCapital = "国有资本经营预算财政拨款收入支出决算表",
        /// 财政拨款“三公”经费支出决算表: budget and actual per category.
        ThreePublic = "财政拨款“三公”经费支出决算表",
        /// 收支预算总表: income by source (with 上年结转) and expenditure by 类; a budget
        /// balances, so it has no carry-forward out.
        BudgetSummary = "收支预算总表",
        /// 收入预算表: income by function × source.
        BudgetIncome = "收入预算表",
        /// 支出预算表: expenditure by function × kind.
        BudgetExpenditure = "支出预算表",
        /// 财政拨款收支预算总表: appropriations by fund type and expenditure by 类 × fund.
        BudgetAppropriationSummary = "财政拨款收支预算总表",
        /// 一般公共预算支出预算表: by function, basic and project.
        BudgetGeneralBudgetExpenditure = "一般公共预算支出预算表",
        /// 一般公共预算基本支出预算表: by department economic code, 人员经费/公用经费.
        BudgetBasicExpenditure = "一般公共预算基本支出预算表",
        /// 项目支出预算表: expenditure by project.
        BudgetProjectExpenditure = "项目支出预算表",
        /// 政府性基金预算支出预算表 (often printed empty, with a note).
        BudgetGovernmentFund = "政府性基金预算支出预算表",
        /// 国有资本经营预算支出预算表 (often printed empty, with a note).
        BudgetStateCapital = "国有资本经营预算支出预算表",
        /// “三公”经费支出预算表: this year's budget per category (and last year's where
        /// printed).
        BudgetThreePublic = "“三公”经费支出预算表",
        /// 项目支出绩效目标表: a budget's projects with their amounts and targets.
        PerformanceTargets = "项目支出绩效目标表",
        /// 政府采购预算表: procurement by 货物/工程/服务.
        Procurement = "政府采购预算表",
    }
}

impl TableKind {
    /// The disclosure that publishes this table: [`DisclosureKind::Budget`] for the budget
    /// tables, [`DisclosureKind::FinalAccounts`] for the others.
    ///
    /// ```
    /// use fiscal_cn::report::{DisclosureKind, TableKind};
    ///
    /// assert_eq!(TableKind::BudgetSummary.disclosure(), DisclosureKind::Budget);
    /// assert_eq!(TableKind::Summary.disclosure(), DisclosureKind::FinalAccounts);
    /// ```
    #[must_use]
    pub fn disclosure(self) -> DisclosureKind {
        if self.counterpart_of_budget().is_some()
            || matches!(self, TableKind::PerformanceTargets | TableKind::Procurement)
        {
            DisclosureKind::Budget
        } else {
            DisclosureKind::FinalAccounts
        }
    }

    /// The table of `disclosure` that has the same rows and columns as this one: the budget
    /// table of a final-accounts table and the other way round (收入决算表 ↔ 收入预算表), this
    /// table itself for its own disclosure. `None` when `disclosure` has no such table
    /// (a final accounts has no 项目支出绩效目标表) or is a government's budget.
    ///
    /// A budget table prints this year's budget where its final-accounts counterpart prints
    /// the amount spent: its one value column is [`Column::Budget`] (预算数) where the
    /// counterpart's is [`Column::Amount`] (决算数), and its other columns are the same.
    ///
    /// ```
    /// use fiscal_cn::report::{DisclosureKind, TableKind};
    ///
    /// let budget = TableKind::Income.counterpart(DisclosureKind::Budget);
    /// assert_eq!(budget, Some(TableKind::BudgetIncome));
    /// assert_eq!(budget.unwrap().to_string(), "收入预算表");
    /// assert_eq!(
    ///     TableKind::BudgetIncome.counterpart(DisclosureKind::FinalAccounts),
    ///     Some(TableKind::Income)
    /// );
    /// assert_eq!(TableKind::PerformanceTargets.counterpart(DisclosureKind::FinalAccounts), None);
    /// ```
    #[must_use]
    pub fn counterpart(self, disclosure: DisclosureKind) -> Option<TableKind> {
        if self.disclosure() == disclosure {
            return Some(self);
        }
        match disclosure {
            DisclosureKind::FinalAccounts => self.counterpart_of_budget(),
            DisclosureKind::Budget => TableKind::ALL
                .iter()
                .copied()
                .find(|budget| budget.counterpart_of_budget() == Some(self)),
            DisclosureKind::GovernmentBudget
            | DisclosureKind::GovernmentFinalAccounts
            | DisclosureKind::PerformanceSelfEvaluation => None,
        }
    }

    /// The final-accounts kind whose rows and columns this table has: the
    /// [counterpart](TableKind::counterpart) of a budget table, the table itself otherwise.
    /// Rules and readers written for a layout match on this.
    ///
    /// ```
    /// use fiscal_cn::report::TableKind;
    ///
    /// assert_eq!(TableKind::BudgetThreePublic.layout(), TableKind::ThreePublic);
    /// assert_eq!(TableKind::Income.layout(), TableKind::Income);
    /// assert_eq!(TableKind::Procurement.layout(), TableKind::Procurement);
    /// ```
    #[must_use]
    pub fn layout(self) -> TableKind {
        self.counterpart_of_budget().unwrap_or(self)
    }

    /// The final-accounts table with the rows and columns of this budget table.
    fn counterpart_of_budget(self) -> Option<TableKind> {
        use TableKind as K;
        Some(match self {
            K::BudgetSummary => K::Summary,
            K::BudgetIncome => K::Income,
            K::BudgetExpenditure => K::Expenditure,
            K::BudgetAppropriationSummary => K::AppropriationSummary,
            K::BudgetGeneralBudgetExpenditure => K::GeneralBudgetExpenditure,
            K::BudgetBasicExpenditure => K::BasicExpenditure,
            K::BudgetProjectExpenditure => K::ProjectExpenditure,
            K::BudgetGovernmentFund => K::GovernmentFund,
            K::BudgetStateCapital => K::StateCapital,
            K::BudgetThreePublic => K::ThreePublic,
            _ => return None,
        })
    }

    /// The column of this table that holds what `column` holds in the final-accounts layout:
    /// [`Column::Amount`] (the year's own figure) is [`TableKind::amount_column`], every other
    /// column itself. Rules and views written for the layout read a budget through it.
    pub(crate) fn in_layout(self, column: Column) -> Column {
        match column {
            Column::Amount => self.amount_column(),
            other => other,
        }
    }

    /// The column that prints this table's own figure of the year in a one-value table:
    /// [`Column::Budget`] (预算数) in a budget table, [`Column::Amount`] (决算数) otherwise.
    #[must_use]
    pub fn amount_column(self) -> Column {
        match self.disclosure() {
            DisclosureKind::Budget => Column::Budget,
            _ => Column::Amount,
        }
    }
}

closed_set! {
    /// The fixed lines of the two-sided summary tables and the total rows of the others.
    pub enum Line: "报表行" {
        /// 合计: the total row of a table classified by code.
        Total = "合计" ["总计行"],
        /// 本年收入合计.
        CurrentIncomeTotal = "本年收入合计",
        /// 使用非财政拨款结余（含专用结余）.
        UseOfNonAppropriationBalance = "使用非财政拨款结余（含专用结余）" ["使用非财政拨款结余"],
        /// 年初结转和结余.
        OpeningBalance = "年初结转和结余" ["年初财政拨款结转和结余", "上年结转"],
        /// 收入总计.
        IncomeGrandTotal = "收入总计",
        /// 本年支出合计.
        CurrentExpenditureTotal = "本年支出合计",
        /// 结余分配.
        BalanceDistribution = "结余分配",
        /// 年末结转和结余.
        ClosingBalance = "年末结转和结余" ["年末财政拨款结转和结余"],
        /// 支出总计.
        ExpenditureGrandTotal = "支出总计",
        /// 人员经费合计 (basic expenditure table).
        PersonnelTotal = "人员经费合计" ["人员经费"],
        /// 公用经费合计 (basic expenditure table).
        PublicTotal = "公用经费合计" ["公用经费"],
    }
}

/// What a row of a table is.
///
/// Serialized as a one-key object, e.g. `{"function": "2013201"}` or `{"line": "total"}`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum RowKey {
    /// A fixed line (合计, 本年收入合计, …).
    Line(Line),
    /// An income source line of the summary table's income side.
    Income(IncomeSource),
    /// A 本年财政拨款收入 line of one fund type (财政拨款收入支出决算总表, income side).
    Fund(FundType),
    /// The 年初财政拨款结转和结余 line of one fund type.
    FundOpeningBalance(FundType),
    /// A 支出功能分类 row (类, 款 or 项).
    Function(FunctionCode),
    /// A 部门预算支出经济分类 row (类 or 款).
    Economic(DepartmentEconomicCode),
    /// A 政府预算支出经济分类 row (类 or 款), which some basic-expenditure tables print next to
    /// the 部门预算支出经济分类 rows; serialized as `{"government_economic": "50101"}`.
    GovernmentEconomic(GovernmentEconomicCode),
    /// A 三公 category row.
    ThreePublicCategory(ThreePublicCategory),
    /// A 三公 sub-item row.
    ThreePublicItem(ThreePublicItem),
    /// A project, by name (项目支出决算表).
    Project(String),
}

impl RowKey {
    /// The functional code, for a [`RowKey::Function`] row.
    #[must_use]
    pub fn function_code(&self) -> Option<FunctionCode> {
        match self {
            RowKey::Function(code) => Some(*code),
            _ => None,
        }
    }

    /// The economic code, for a [`RowKey::Economic`] row.
    #[must_use]
    pub fn economic_code(&self) -> Option<DepartmentEconomicCode> {
        match self {
            RowKey::Economic(code) => Some(*code),
            _ => None,
        }
    }
}

impl RowKey {
    /// What a budget table calls this row where the final accounts' name does not fit: the
    /// carry-over in is 上年结转 (a budget has no 年初/年末 balances). `None` for every other
    /// row, and in a final-accounts table.
    pub(crate) fn budget_name(&self, table: TableKind) -> Option<String> {
        if table.disclosure() != DisclosureKind::Budget {
            return None;
        }
        match self {
            RowKey::Line(Line::OpeningBalance) => Some("上年结转".to_owned()),
            RowKey::FundOpeningBalance(fund) => Some(format!("{fund}上年结转")),
            _ => None,
        }
    }
}

impl std::fmt::Display for RowKey {
    /// The row as a finance officer names it: the code for classified rows, the line name
    /// otherwise.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RowKey::Line(line) => write!(f, "{line}"),
            RowKey::Income(source) => write!(f, "{source}"),
            RowKey::Fund(fund) => write!(f, "{fund}财政拨款收入"),
            RowKey::FundOpeningBalance(fund) => write!(f, "{fund}年初结转和结余"),
            RowKey::Function(code) => write!(f, "{code}"),
            RowKey::Economic(code) => write!(f, "{code}"),
            RowKey::GovernmentEconomic(code) => write!(f, "{code}"),
            RowKey::ThreePublicCategory(c) => write!(f, "{c}"),
            RowKey::ThreePublicItem(i) => write!(f, "{i}"),
            RowKey::Project(name) => write!(f, "{name}"),
        }
    }
}

closed_set! {
    /// The columns of the tables. One table uses a few of them.
    pub enum Column: "报表列" {
        /// 决算数 / 金额: the one value of a single-column table.
        Amount = "决算数" ["金额", "本年决算数"],
        /// 合计 / 本年收入合计 / 本年支出合计 / 小计: the total column of a row.
        Total = "合计" ["本年收入合计", "本年支出合计", "小计", "总计"],
        /// 财政拨款收入: the three fund types together.
        Appropriation = "财政拨款收入" ["财政拨款"],
        /// 一般公共预算财政拨款.
        GeneralBudget = "一般公共预算财政拨款" ["一般公共预算财政拨款收入", "一般公共预算"],
        /// 政府性基金预算财政拨款.
        GovernmentFund = "政府性基金预算财政拨款" ["政府性基金预算财政拨款收入", "政府性基金预算"],
        /// 国有资本经营预算财政拨款.
        StateCapital = "国有资本经营预算财政拨款" ["国有资本经营预算财政拨款收入", "国有资本经营预算"],
        /// 上级补助收入.
        HigherLevelSubsidy = "上级补助收入",
        /// 事业收入.
        InstitutionRevenue = "事业收入",
        /// 经营收入.
        BusinessRevenue = "经营收入",
        /// 附属单位上缴收入.
        SubordinateRemittance = "附属单位上缴收入",
        /// 其他收入.
        OtherIncome = "其他收入",
        /// 基本支出.
        Basic = "基本支出",
        /// 项目支出.
        Project = "项目支出",
        /// 上缴上级支出.
        RemittanceToHigher = "上缴上级支出",
        /// 经营支出.
        BusinessExpenditure = "经营支出",
        /// 对附属单位补助支出.
        SubsidyToSubordinate = "对附属单位补助支出",
        /// 年初结转和结余 (fund tables).
        OpeningBalance = "年初结转和结余",
        /// 本年收入 (fund tables).
        CurrentIncome = "本年收入",
        /// 本年支出 (fund tables).
        CurrentExpenditure = "本年支出",
        /// 年末结转和结余 (fund tables).
        ClosingBalance = "年末结转和结余",
        /// 预算数 / 年初预算数.
        Budget = "预算数" ["年初预算数", "年初预算"],
        /// 全年预算数 / 调整预算数 (the budget after adjustments).
        AdjustedBudget = "全年预算数" ["调整预算数", "调整后预算数"],
        /// 人员经费.
        Personnel = "人员经费",
        /// 公用经费.
        Public = "公用经费",
        /// 财政专户管理资金 (budget income source).
        FiscalSpecialAccount = "财政专户管理资金" ["财政专户管理资金收入"],
        /// 单位资金 (budget income source).
        UnitFunds = "单位资金",
        /// 上年预算数: last year's budget, beside this year's in a budget table.
        PriorBudget = "上年预算数" ["上年预算", "上年预算数合计"],
        /// 上年执行数: what was spent of last year's budget (central units compare with it).
        PriorExecution = "上年执行数" ["上年预计执行数"],
        /// 增减额: this year's budget less last year's (budget or execution).
        Change = "增减额" ["比上年增减", "增减", "增减金额"],
        /// 增减率 (%): the change as a percentage of last year's figure.
        ChangeRate = "增减率" ["增减幅度", "增长率", "增减%", "增减（%）"],
        /// 货物 (政府采购预算表).
        ProcurementGoods = "货物" ["货物类", "政府采购货物"],
        /// 工程 (政府采购预算表).
        ProcurementWorks = "工程" ["工程类", "政府采购工程"],
        /// 服务 (政府采购预算表).
        ProcurementServices = "服务" ["服务类", "政府采购服务"],
    }
}

impl Column {
    /// The column of an income source in 收入决算表.
    #[must_use]
    pub fn of_income_source(source: IncomeSource) -> Column {
        match source {
            IncomeSource::GeneralBudgetAppropriation => Column::GeneralBudget,
            IncomeSource::GovernmentFundAppropriation => Column::GovernmentFund,
            IncomeSource::StateCapitalAppropriation => Column::StateCapital,
            IncomeSource::HigherLevelSubsidy => Column::HigherLevelSubsidy,
            IncomeSource::InstitutionRevenue => Column::InstitutionRevenue,
            IncomeSource::BusinessRevenue => Column::BusinessRevenue,
            IncomeSource::SubordinateRemittance => Column::SubordinateRemittance,
            IncomeSource::Other => Column::OtherIncome,
            IncomeSource::FiscalSpecialAccount => Column::FiscalSpecialAccount,
            IncomeSource::UnitFunds => Column::UnitFunds,
        }
    }

    /// The column of an expenditure kind in 支出决算表.
    #[must_use]
    pub fn of_expenditure_kind(kind: ExpenditureKind) -> Column {
        match kind {
            ExpenditureKind::Basic => Column::Basic,
            ExpenditureKind::Project => Column::Project,
            ExpenditureKind::RemittanceToHigher => Column::RemittanceToHigher,
            ExpenditureKind::Business => Column::BusinessExpenditure,
            ExpenditureKind::SubsidyToSubordinate => Column::SubsidyToSubordinate,
        }
    }

    /// The column of a fund type in 财政拨款收入支出决算总表.
    #[must_use]
    pub fn of_fund_type(fund: FundType) -> Column {
        Column::of_income_source(fund.income_source())
    }
}

/// One row of a table: what it is, its name as printed, and its printed cells.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Row {
    /// What the row is.
    pub key: RowKey,
    /// The row's name as printed (empty when the print shows none).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "String::is_empty")
    )]
    pub name: String,
    /// The printed cells; a blank cell is absent.
    pub values: Cells,
}

impl Row {
    /// A row with no cells yet.
    #[must_use]
    pub fn new(key: RowKey, name: impl Into<String>) -> Self {
        Row {
            key,
            name: name.into(),
            values: Cells::new(),
        }
    }

    /// Adds a cell (builder style).
    #[must_use]
    pub fn with(mut self, column: Column, value: Decimal) -> Self {
        self.values.insert(column, value);
        self
    }

    /// The printed value of a cell; `None` when blank.
    #[must_use]
    pub fn get(&self, column: Column) -> Option<Decimal> {
        self.values.get(column)
    }
}

/// One published table.
///
/// ```
/// use fiscal_cn::Decimal;
/// use fiscal_cn::classification::FunctionCode;
/// use fiscal_cn::money::Unit;
/// use fiscal_cn::report::{Column, Line, Row, RowKey, Table, TableKind};
///
/// let mut table = Table::new(TableKind::GeneralBudgetExpenditure, Unit::WanYuan);
/// table.rows.push(Row::new(RowKey::Line(Line::Total), "合计").with(Column::Total, Decimal::new(72925, 2)));
/// let code: FunctionCode = "213".parse()?;
/// table.rows.push(Row::new(RowKey::Function(code), "农林水支出").with(Column::Total, Decimal::new(8105, 2)));
/// assert_eq!(table.cell(&RowKey::Function(code), Column::Total), Some(Decimal::new(8105, 2)));
/// # Ok::<(), fiscal_cn::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Table {
    /// Which table this is.
    pub kind: TableKind,
    /// The title as printed, when it differs from the kind's standard name.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub title: Option<String>,
    /// The currency unit printed above the table.
    pub unit: Unit,
    /// The columns in printed order.
    #[cfg_attr(feature = "serde", serde(default))]
    pub columns: Vec<Column>,
    /// The rows in printed order.
    pub rows: Vec<Row>,
}

impl Table {
    /// An empty table of `kind` in `unit`.
    #[must_use]
    pub fn new(kind: TableKind, unit: Unit) -> Self {
        Table {
            kind,
            title: None,
            unit,
            columns: Vec::new(),
            rows: Vec::new(),
        }
    }

    /// The first row with `key`.
    #[must_use]
    pub fn row(&self, key: &RowKey) -> Option<&Row> {
        self.rows.iter().find(|row| &row.key == key)
    }

    /// The printed value at `key` × `column`; `None` when the row is missing or the cell blank.
    #[must_use]
    pub fn cell(&self, key: &RowKey, column: Column) -> Option<Decimal> {
        self.row(key).and_then(|row| row.get(column))
    }

    /// The 功能分类 rows, in printed order.
    pub fn function_rows(&self) -> impl Iterator<Item = (FunctionCode, &Row)> {
        self.rows
            .iter()
            .filter_map(|row| row.key.function_code().map(|code| (code, row)))
    }
}
