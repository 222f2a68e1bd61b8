//! How the printed parts of a table read as the model: titles as [`TableKind`], column
//! headers as [`Column`], row labels and codes as [`RowKey`], the 三公 table's headers, and a
//! performance form's indicator rows as [`Indicator`].
//!
//! Titles are data ([`TABLE_TITLES`]); a column, line, income source or fund type reads by the
//! names its own type lists (their `FromStr`), which these functions combine the way printed
//! tables combine them.

use rust_decimal::Decimal;

use crate::classification::{
    Catalog, DepartmentEconomicCode, FunctionCode, GovernmentEconomicCode,
};
use crate::closed_set::{closed_set, normalize_name, strip_list_number};
use crate::dimensions::{FundType, IncomeSource};
use crate::dimensions::{ThreePublicCategory, ThreePublicItem};
use crate::error::{Error, Result};
use crate::money::parse_amount;
use crate::performance::{
    Indicator, IndicatorActual, IndicatorCategory, IndicatorNature, IndicatorSubcategory,
    IndicatorTarget, PrintedTarget, QualitativeOutcome,
};
use crate::report::{Column, Line, RowKey, TableKind};

/// Titles that name a table kind besides its standard name (`TableKind`'s `Display`): the
/// short forms and the names other places print, for the final-accounts and the budget
/// tables alike (a budget's titles name the budget kinds, such as
/// [`TableKind::BudgetSummary`]).
///
/// Quotation marks do not count when titles are compared, so `“三公”经费预算表`,
/// `"三公"经费预算表` and `三公经费预算表` are one title.
pub static TABLE_TITLES: &[(&str, TableKind)] = &[
    ("收支决算总表", TableKind::Summary),
    ("部门收支总表", TableKind::Summary),
    ("部门收支决算总表", TableKind::Summary),
    ("财政拨款收支决算总表", TableKind::AppropriationSummary),
    ("财政拨款收支总表", TableKind::AppropriationSummary),
    (
        "一般公共预算支出决算表",
        TableKind::GeneralBudgetExpenditure,
    ),
    ("一般公共预算支出表", TableKind::GeneralBudgetExpenditure),
    ("一般公共预算基本支出决算表", TableKind::BasicExpenditure),
    ("一般公共预算基本支出表", TableKind::BasicExpenditure),
    ("基本支出决算表", TableKind::BasicExpenditure),
    (
        "政府性基金预算财政拨款支出决算表",
        TableKind::GovernmentFund,
    ),
    ("政府性基金预算支出表", TableKind::GovernmentFund),
    (
        "国有资本经营预算财政拨款支出决算表",
        TableKind::StateCapital,
    ),
    ("国有资本经营预算支出表", TableKind::StateCapital),
    ("“三公”经费支出决算表", TableKind::ThreePublic),
    ("“三公”经费决算表", TableKind::ThreePublic),
    ("一般公共预算“三公”经费支出表", TableKind::ThreePublic),
    (
        "一般公共预算财政拨款“三公”经费支出决算表",
        TableKind::ThreePublic,
    ),
    ("收入支出预算总表", TableKind::BudgetSummary),
    ("部门收支预算总表", TableKind::BudgetSummary),
    ("部门财务收支预算总表", TableKind::BudgetSummary),
    ("财务收支预算总表", TableKind::BudgetSummary),
    ("部门收入预算表", TableKind::BudgetIncome),
    ("部门收入总表", TableKind::BudgetIncome),
    ("部门支出预算表", TableKind::BudgetExpenditure),
    ("部门支出总表", TableKind::BudgetExpenditure),
    (
        "财政拨款收入支出预算总表",
        TableKind::BudgetAppropriationSummary,
    ),
    (
        "一般公共预算财政拨款支出预算表",
        TableKind::BudgetGeneralBudgetExpenditure,
    ),
    (
        "一般公共预算拨款支出预算表",
        TableKind::BudgetGeneralBudgetExpenditure,
    ),
    (
        "一般公共预算财政拨款基本支出预算表",
        TableKind::BudgetBasicExpenditure,
    ),
    (
        "一般公共预算拨款基本支出预算表",
        TableKind::BudgetBasicExpenditure,
    ),
    ("基本支出预算表", TableKind::BudgetBasicExpenditure),
    (
        "政府性基金预算财政拨款支出预算表",
        TableKind::BudgetGovernmentFund,
    ),
    ("政府性基金支出预算表", TableKind::BudgetGovernmentFund),
    (
        "国有资本经营预算财政拨款支出预算表",
        TableKind::BudgetStateCapital,
    ),
    ("国有资本经营支出预算表", TableKind::BudgetStateCapital),
    ("财政拨款“三公”经费支出预算表", TableKind::BudgetThreePublic),
    (
        "一般公共预算“三公”经费支出预算表",
        TableKind::BudgetThreePublic,
    ),
    ("“三公”经费预算表", TableKind::BudgetThreePublic),
    ("“三公”经费预算情况表", TableKind::BudgetThreePublic),
    ("部门项目支出绩效目标表", TableKind::PerformanceTargets),
    ("项目支出绩效目标申报表", TableKind::PerformanceTargets),
    ("政府采购预算明细表", TableKind::Procurement),
    ("部门政府采购预算表", TableKind::Procurement),
];

/// A title as compared: normalized like every name (white space, numbering, brackets) and
/// without quotation marks.
fn title_key(title: &str) -> String {
    normalize_name(title)
        .chars()
        .filter(|c| !matches!(c, '“' | '”' | '"' | '‘' | '’' | '\'' | '「' | '」'))
        .collect()
}

/// The kind of table a printed title names: its standard name or one of [`TABLE_TITLES`].
/// This is also what `TableKind`'s `FromStr` does.
///
/// ```
/// use fiscal_cn::{report::TableKind, vocabulary::table_kind_of_title};
///
/// assert_eq!(table_kind_of_title("收入决算表")?, TableKind::Income);
/// assert_eq!(table_kind_of_title("收支预算总表")?, TableKind::BudgetSummary);
/// assert_eq!(table_kind_of_title("部门财务收支预算总表")?, TableKind::BudgetSummary);
/// assert_eq!(table_kind_of_title("\"三公\"经费预算表")?, TableKind::BudgetThreePublic);
/// assert!(table_kind_of_title("资产情况表").is_err());
/// # Ok::<(), fiscal_cn::Error>(())
/// ```
///
/// # Errors
/// [`Error::UnknownName`] when the title names no table kind.
pub fn table_kind_of_title(title: &str) -> Result<TableKind> {
    let wanted = title_key(title);
    TableKind::ALL
        .iter()
        .map(|kind| (kind.name(), *kind))
        .chain(TABLE_TITLES.iter().copied())
        .find(|(name, _)| title_key(name) == wanted)
        .map(|(_, kind)| kind)
        .ok_or_else(|| Error::UnknownName {
            kind: "报表种类",
            input: title.to_owned(),
        })
}

/// A table kind parses from any title the vocabulary lists for it ([`table_kind_of_title`]).
impl std::str::FromStr for TableKind {
    type Err = crate::Error;

    fn from_str(title: &str) -> Result<TableKind> {
        table_kind_of_title(title)
    }
}

/// A label without a list numbering such as `一、` or `1.` in front, and without surrounding
/// white space.
///
/// ```
/// use fiscal_cn::vocabulary::strip_numbering;
///
/// assert_eq!(strip_numbering("十二、农林水支出"), "农林水支出");
/// assert_eq!(strip_numbering(" 3. 事业收入 "), "事业收入");
/// assert_eq!(strip_numbering("一般公共服务支出"), "一般公共服务支出");
/// ```
#[must_use]
pub fn strip_numbering(label: &str) -> &str {
    strip_list_number(label)
}

/// The model column of a printed column header. Nested headers are joined with `/`
/// (`本年收入/小计`): the last level names the column, except that a `小计` or `合计` under a
/// group is the group's column.
///
/// ```
/// use fiscal_cn::{report::Column, vocabulary::column_of_header};
///
/// assert_eq!(column_of_header("本年收入合计")?, Column::Total);
/// assert_eq!(column_of_header("财政拨款收入/一般公共预算财政拨款")?, Column::GeneralBudget);
/// assert_eq!(column_of_header("基本支出/小计")?, Column::Basic);
/// assert!(column_of_header("备注").is_err());
/// # Ok::<(), fiscal_cn::Error>(())
/// ```
///
/// # Errors
/// [`Error::UnknownName`] when the header names no column of the model.
pub fn column_of_header(header: &str) -> Result<Column> {
    if let Ok(column) = header.parse() {
        return Ok(column);
    }
    let segments: Vec<&str> = header.split('/').map(str::trim).collect();
    let parsed = match segments.as_slice() {
        [.., group, "小计" | "合计"] => group.parse(),
        [.., last] => last.parse(),
        [] => unreachable!("split yields at least one segment"),
    };
    parsed.map_err(|_| Error::UnknownName {
        kind: "报表列",
        input: header.to_owned(),
    })
}

closed_set! {
    /// The side of a two-sided table (收入支出决算总表, 财政拨款收入支出决算总表) a row is printed
    /// on, or the 年初结转和结余 block of the fund table's income side.
    pub enum TableSide: "报表栏别" {
        /// 收入: the income side.
        Income = "收入" ["收入栏"],
        /// 支出: the expenditure side.
        Expenditure = "支出" ["支出栏"],
        /// 年初: the 年初财政拨款结转和结余 lines by fund type.
        Opening = "年初" ["年初结转和结余", "年初财政拨款结转和结余"],
    }
}

/// The key of a row printed with a label and no code: a fixed line (合计, 本年收入合计, …), an
/// income source or a fund type on the income side, a 类 of the 支出功能分类 on the
/// expenditure side, a fund's 年初结转和结余, or a 三公 category or item. A list numbering in
/// front is ignored.
///
/// ```
/// use fiscal_cn::dimensions::{FundType, IncomeSource};
/// use fiscal_cn::report::{Line, RowKey, TableKind};
/// use fiscal_cn::vocabulary::{TableSide, row_key_of_label};
///
/// let income = Some(TableSide::Income);
/// assert_eq!(
///     row_key_of_label(TableKind::Summary, income, "五、事业收入")?,
///     RowKey::Income(IncomeSource::InstitutionRevenue),
/// );
/// assert_eq!(
///     row_key_of_label(TableKind::AppropriationSummary, income, "一、一般公共预算财政拨款")?,
///     RowKey::Fund(FundType::GeneralPublicBudget),
/// );
/// assert_eq!(
///     row_key_of_label(TableKind::Summary, Some(TableSide::Expenditure), "总计")?,
///     RowKey::Line(Line::ExpenditureGrandTotal),
/// );
/// assert_eq!(
///     row_key_of_label(TableKind::Summary, Some(TableSide::Expenditure), "十二、农林水支出")?.to_string(),
///     "213",
/// );
/// # Ok::<(), fiscal_cn::Error>(())
/// ```
///
/// # Errors
/// [`Error::UnknownName`] when the label names nothing a row of that side can be: not a fund
/// type on the 年初 side, not an income source (or fund type) on the income side, not a 类 of
/// the embedded catalog on the expenditure side, and not a fixed line or 三公 row otherwise.
pub fn row_key_of_label(table: TableKind, side: Option<TableSide>, label: &str) -> Result<RowKey> {
    let name = strip_numbering(label);
    match side {
        Some(TableSide::Opening) => {
            return name.parse::<FundType>().map(RowKey::FundOpeningBalance);
        }
        Some(TableSide::Income) if name == "总计" => {
            return Ok(RowKey::Line(Line::IncomeGrandTotal));
        }
        Some(TableSide::Expenditure) if name == "总计" => {
            return Ok(RowKey::Line(Line::ExpenditureGrandTotal));
        }
        _ => {}
    }
    if let Ok(line) = name.parse::<Line>() {
        return Ok(RowKey::Line(line));
    }
    match side {
        Some(TableSide::Income) if table.layout() == TableKind::AppropriationSummary => {
            name.parse::<FundType>().map(RowKey::Fund)
        }
        Some(TableSide::Income) => name.parse::<IncomeSource>().map(RowKey::Income),
        Some(TableSide::Expenditure) => Catalog::<FunctionCode>::embedded()
            .lei_by_name(name)
            .map(|entry| RowKey::Function(entry.code()))
            .ok_or_else(|| Error::UnknownName {
                kind: "支出功能分类类名",
                input: name.to_owned(),
            }),
        Some(TableSide::Opening) | None => {
            let three_public = (table.layout() == TableKind::ThreePublic).then(|| {
                name.parse::<ThreePublicCategory>()
                    .map(RowKey::ThreePublicCategory)
                    .or_else(|_| name.parse::<ThreePublicItem>().map(RowKey::ThreePublicItem))
                    .ok()
            });
            three_public.flatten().ok_or_else(|| Error::UnknownName {
                kind: "报表行",
                input: label.to_owned(),
            })
        }
    }
}

/// The key of a row printed with a classification code: an 经济分类 code in the basic
/// expenditure table (a 政府预算支出经济分类 code when it starts with 5, the classification's
/// 501–599, else a 部门预算支出经济分类 code), a 功能分类 code elsewhere. The code is read
/// strictly first, then leniently (`2010101` printed as `201 01 01`, full-width digits, …).
///
/// ```
/// use fiscal_cn::{report::{RowKey, TableKind}, vocabulary::row_key_of_code};
///
/// assert!(matches!(row_key_of_code(TableKind::BasicExpenditure, "30101")?, RowKey::Economic(_)));
/// assert_eq!(
///     row_key_of_code(TableKind::BasicExpenditure, "501 01")?,
///     RowKey::GovernmentEconomic("50101".parse()?)
/// );
/// assert_eq!(row_key_of_code(TableKind::Expenditure, "2010601")?, RowKey::Function("2010601".parse()?));
/// # Ok::<(), fiscal_cn::Error>(())
/// ```
///
/// # Errors
/// [`Error::InvalidCode`] when the text is not a code of the table's classification.
pub fn row_key_of_code(table: TableKind, code: &str) -> Result<RowKey> {
    if table.layout() == TableKind::BasicExpenditure {
        let department = code
            .parse::<DepartmentEconomicCode>()
            .or_else(|_| DepartmentEconomicCode::parse_lenient(code))?;
        // The two economic classifications share the digits' shape; their 类 ranges tell them
        // apart (部门 301–399, 政府 501–599).
        if department.lei().as_u32() / 100 == 5 {
            Ok(GovernmentEconomicCode::from_u32(department.as_u32())
                .map_or(RowKey::Economic(department), RowKey::GovernmentEconomic))
        } else {
            Ok(RowKey::Economic(department))
        }
    } else {
        code.parse::<FunctionCode>()
            .or_else(|_| FunctionCode::parse_lenient(code))
            .map(RowKey::Function)
    }
}

/// Where one column of a 三公 table goes once the table's single printed row is split into
/// category and item rows.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ThreePublicHeader {
    /// The row: 合计, a category or an item.
    pub row: RowKey,
    /// The row's name as printed in the header.
    pub name: String,
    /// 预算数 ([`Column::Budget`]) or 决算数 ([`Column::Amount`]).
    pub column: Column,
}

/// A reader of a 三公 table's column headers, in printed order.
///
/// 三公 tables print one row whose columns are the categories and items, each under 预算数 and
/// 决算数: headers such as `公务用车购置及运行费/公务用车购置费/预算数`. A header starting with
/// `…` stands for the previous header's category.
///
/// ```
/// use fiscal_cn::report::{Column, RowKey};
/// use fiscal_cn::three_public::ThreePublicItem;
/// use fiscal_cn::vocabulary::ThreePublicHeaders;
///
/// let mut headers = ThreePublicHeaders::new(false);
/// let first = headers.read("公务用车购置及运行费/公务用车购置费/预算数")?;
/// assert_eq!(first.row, RowKey::ThreePublicItem(ThreePublicItem::VehiclePurchase));
/// assert_eq!(first.column, Column::Budget);
/// let next = headers.read("…/公务用车运行费/决算数")?;
/// assert_eq!(next.row, RowKey::ThreePublicItem(ThreePublicItem::VehicleOperation));
/// assert_eq!(next.column, Column::Amount);
/// # Ok::<(), fiscal_cn::Error>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct ThreePublicHeaders {
    parent: String,
    budget_only: bool,
}

impl ThreePublicHeaders {
    /// A reader for one table; in a budget-only table (a separate 三公 budget table) a header
    /// without 预算数 or 决算数 is a budget, otherwise it is the actual amount.
    #[must_use]
    pub fn new(budget_only: bool) -> Self {
        ThreePublicHeaders {
            parent: String::new(),
            budget_only,
        }
    }

    /// The row and column of the next header.
    ///
    /// # Errors
    /// [`Error::UnknownName`] when the header is not 合计 nor a 三公 category or item (an
    /// item under a category must belong to it).
    pub fn read(&mut self, header: &str) -> Result<ThreePublicHeader> {
        let unknown = || Error::UnknownName {
            kind: "“三公”经费表头",
            input: header.to_owned(),
        };
        let mut segments: Vec<&str> = header.split('/').map(str::trim).collect();
        let parent = std::mem::take(&mut self.parent);
        if let Some(first) = segments.first_mut()
            && matches!(*first, "…" | "...")
        {
            *first = &parent;
        }
        let column = match segments.last().copied() {
            Some("预算数" | "年初预算数" | "预算") => {
                segments.pop();
                Column::Budget
            }
            Some("决算数" | "决算" | "实际数") => {
                segments.pop();
                Column::Amount
            }
            _ if self.budget_only => Column::Budget,
            _ => Column::Amount,
        };
        self.parent = segments.first().map_or(parent.clone(), |s| (*s).to_owned());
        let (row, name) = match segments.as_slice() {
            ["合计"] => (RowKey::Line(Line::Total), "合计"),
            [category] | [category, "小计" | "合计"] => (
                RowKey::ThreePublicCategory(category.parse().map_err(|_| unknown())?),
                *category,
            ),
            [category, item] => {
                let category: ThreePublicCategory = category.parse().map_err(|_| unknown())?;
                let parsed: ThreePublicItem = item.parse().map_err(|_| unknown())?;
                if parsed.category() != category {
                    return Err(unknown());
                }
                (RowKey::ThreePublicItem(parsed), *item)
            }
            _ => return Err(unknown()),
        };
        Ok(ThreePublicHeader {
            row,
            name: name.to_owned(),
            column,
        })
    }
}

/// What a column of a 项目支出绩效自评表's funds block (年度资金总额, 其中：财政拨款, 其他资金 ×
/// 年初预算数, 全年预算数, 全年执行数, 分值, 执行率, 得分) holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum FundsColumn {
    /// 年初预算数 ([`FundLine::initial_budget`](crate::performance::FundLine::initial_budget)).
    InitialBudget,
    /// 全年预算数 / 调整预算数 ([`FundLine::full_year_budget`](crate::performance::FundLine::full_year_budget)).
    FullYearBudget,
    /// 全年执行数 / 决算数 ([`FundLine::executed`](crate::performance::FundLine::executed)).
    Executed,
    /// 执行率, in percentage points.
    Rate,
    /// 分值 / 权重 of the 预算执行率 item.
    Weight,
    /// 得分 of the 预算执行率 item.
    Score,
    /// 偏差原因 (text).
    DeviationReason,
}

/// The words of the funds block's column headers: a header is the column of the first row
/// whose word it contains (so `偏差原因分析` is a reason before anything else, and
/// `全年预算执行率` a rate, not a budget).
pub static FUNDS_COLUMN_WORDS: &[(&str, FundsColumn)] = &[
    ("偏差", FundsColumn::DeviationReason),
    ("原因", FundsColumn::DeviationReason),
    ("执行率", FundsColumn::Rate),
    ("权重", FundsColumn::Weight),
    ("分值", FundsColumn::Weight),
    ("得分", FundsColumn::Score),
    ("年初", FundsColumn::InitialBudget),
    ("调整", FundsColumn::FullYearBudget),
    ("全年预算", FundsColumn::FullYearBudget),
    ("执行数", FundsColumn::Executed),
    ("决算", FundsColumn::Executed),
];

/// The column of a funds block's header, by [`FUNDS_COLUMN_WORDS`].
///
/// ```
/// use fiscal_cn::vocabulary::{FundsColumn, funds_column_of_header};
///
/// assert_eq!(funds_column_of_header("全年执行数")?, FundsColumn::Executed);
/// assert_eq!(funds_column_of_header("执行率")?, FundsColumn::Rate);
/// assert!(funds_column_of_header("备注").is_err());
/// # Ok::<(), fiscal_cn::Error>(())
/// ```
///
/// # Errors
/// [`Error::UnknownName`] when the header contains none of the words.
pub fn funds_column_of_header(header: &str) -> Result<FundsColumn> {
    FUNDS_COLUMN_WORDS
        .iter()
        .find(|(word, _)| header.contains(word))
        .map(|(_, column)| *column)
        .ok_or_else(|| Error::UnknownName {
            kind: "自评表资金栏的列",
            input: header.to_owned(),
        })
}

/// Which line of a 项目支出绩效自评表's funds block a row is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum FundsRow {
    /// 年度资金总额 (合计) ([`FundsBlock::total`](crate::performance::FundsBlock::total)).
    Total,
    /// 其中：财政拨款 ([`FundsBlock::fiscal`](crate::performance::FundsBlock::fiscal)).
    Fiscal,
    /// 其他资金 ([`FundsBlock::other`](crate::performance::FundsBlock::other)).
    Other,
}

/// The words of the funds block's row labels; a label with none of them is the total.
pub static FUNDS_ROW_WORDS: &[(&str, FundsRow)] =
    &[("财政拨款", FundsRow::Fiscal), ("其他", FundsRow::Other)];

/// The line of a funds block's row label, by [`FUNDS_ROW_WORDS`]; any other label
/// (年度资金总额, 合计, …) is the total.
///
/// ```
/// use fiscal_cn::vocabulary::{FundsRow, funds_row_of_label};
///
/// assert_eq!(funds_row_of_label("其中：财政拨款"), FundsRow::Fiscal);
/// assert_eq!(funds_row_of_label("其他资金"), FundsRow::Other);
/// assert_eq!(funds_row_of_label("年度资金总额"), FundsRow::Total);
/// ```
#[must_use]
pub fn funds_row_of_label(label: &str) -> FundsRow {
    FUNDS_ROW_WORDS
        .iter()
        .find(|(word, _)| label.contains(word))
        .map_or(FundsRow::Total, |(_, row)| *row)
}

/// A number printed in a performance form, without a unit.
fn plain_number(text: &str) -> Result<Decimal> {
    let printed = parse_amount(text)?;
    match printed.unit {
        None => Ok(printed.value),
        Some(_) => Err(Error::InvalidAmount {
            input: text.to_owned(),
            reason: "自评表中的数值不应带单位",
        }),
    }
}

/// One row of a 项目支出绩效自评表's indicator block as an [`Indicator`]; `Ok(None)` for its
/// 合计 or 总分 row.
///
/// `cells` are the row's printed cells as (column header, text), in the order to search: a
/// field is the first non-blank cell whose header contains one of its words — 一级指标,
/// 二级指标, 三级指标 (else `name`), 指标值 with 度量单位/计量单位, 指标性质 (else the
/// target's own 大于等于/小于等于/定性 form), 完成值/实际完成值/实际值, 分值/权重, 得分,
/// 偏差原因.
///
/// ```
/// use fiscal_cn::{performance::IndicatorCategory, vocabulary::indicator_of_row};
///
/// let cells = [
///     ("一级指标", "产出指标"),
///     ("二级指标", "数量指标"),
///     ("三级指标", "培训人次"),
///     ("年度指标值", "≥200"),
///     ("度量单位", "人次"),
///     ("实际完成值", "230"),
///     ("分值", "10"),
///     ("得分", "10"),
/// ];
/// let indicator = indicator_of_row(None, &cells)?.expect("not a total row");
/// assert_eq!(indicator.name, "培训人次");
/// assert_eq!(indicator.category, IndicatorCategory::Output);
/// assert_eq!(indicator_of_row(Some("合计"), &[("得分", "95")])?, None);
/// # Ok::<(), fiscal_cn::Error>(())
/// ```
///
/// `Ok(None)` is a total row (合计, 总分), which is no indicator; an error is a row that should
/// be one and does not read.
///
/// # Errors
/// [`Error::MissingIndicatorField`] when a field is missing (三级指标, 一级指标, 二级指标, 指标值,
/// 完成值, 分值); the parsing error of a field that does not read (an unknown 一级 or 二级
/// 指标, a target, nature, qualitative outcome or number that is not one).
pub fn indicator_of_row(name: Option<&str>, cells: &[(&str, &str)]) -> Result<Option<Indicator>> {
    let find = |words: &[&str]| -> Option<String> {
        words
            .iter()
            .find_map(|word| {
                cells
                    .iter()
                    .find(|(header, text)| header.contains(word) && !text.trim().is_empty())
            })
            .map(|(_, text)| text.trim().to_owned())
    };
    let missing = |field: &'static str| Error::MissingIndicatorField { field };
    let name = find(&["三级"])
        .or_else(|| name.map(str::to_owned))
        .ok_or_else(|| missing("三级指标名称"))?;
    let level1 = find(&["一级"]);
    if level1.is_none() && (name.contains("合计") || name.contains("总分")) {
        return Ok(None);
    }
    let category: IndicatorCategory = level1.ok_or_else(|| missing("一级指标"))?.parse()?;
    let subcategory: IndicatorSubcategory = find(&["二级"])
        .ok_or_else(|| missing("二级指标"))?
        .parse()?;
    let printed_target = find(&["指标值"]).ok_or_else(|| missing("指标值"))?;
    let unit = find(&["度量单位", "计量单位"]).unwrap_or_default();
    let parsed: PrintedTarget = format!("{printed_target}{unit}")
        .parse()
        .or_else(|_| printed_target.parse())?;
    let nature = match find(&["指标性质"]) {
        Some(nature) => nature.parse()?,
        None => parsed.nature.unwrap_or(IndicatorNature::AtLeast),
    };
    let actual_text = find(&["完成值", "实际完成值", "实际值"]).ok_or_else(|| missing("完成值"))?;
    let actual = match nature {
        IndicatorNature::Qualitative => IndicatorActual::Qualitative {
            outcome: actual_text.parse::<QualitativeOutcome>()?,
            percent_of_weight: None,
        },
        _ => IndicatorActual::Quantitative {
            value: plain_number(
                actual_text.trim_end_matches(|c: char| !(c.is_ascii_digit() || c == '.')),
            )?,
        },
    };
    let target = match (nature, parsed.target) {
        (IndicatorNature::Qualitative, IndicatorTarget::Quantitative { .. }) => {
            IndicatorTarget::Qualitative {
                text: printed_target,
            }
        }
        (_, target) => target,
    };
    let weight = find(&["权重", "分值"]).ok_or_else(|| missing("分值"))?;
    Ok(Some(Indicator {
        name,
        category,
        subcategory,
        nature,
        target,
        actual,
        weight: plain_number(&weight)?,
        stated_score: find(&["得分"]).map(|s| plain_number(&s)).transpose()?,
        deviation_reason: find(&["偏差", "原因"]),
        not_applicable: false,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::TableKind as K;

    #[test]
    fn budget_titles_read_as_budget_kinds_and_display_as_budgets() {
        for (title, kind) in [
            ("收支预算总表", K::BudgetSummary),
            ("部门财务收支预算总表", K::BudgetSummary),
            ("收入预算表", K::BudgetIncome),
            ("支出预算表", K::BudgetExpenditure),
            ("财政拨款收支预算总表", K::BudgetAppropriationSummary),
            ("一般公共预算支出预算表", K::BudgetGeneralBudgetExpenditure),
            ("基本支出预算表", K::BudgetBasicExpenditure),
            ("“三公”经费预算表", K::BudgetThreePublic),
            ("政府采购预算表", K::Procurement),
            ("项目支出绩效目标表", K::PerformanceTargets),
            ("部门收支总表", K::Summary),
            ("一般公共预算“三公”经费支出表", K::ThreePublic),
        ] {
            assert_eq!(table_kind_of_title(title), Ok(kind), "{title}");
            assert_eq!(title.parse::<TableKind>(), Ok(kind), "{title}");
        }
        for kind in K::ALL {
            let budget = kind.disclosure() == crate::report::DisclosureKind::Budget;
            assert_eq!(kind.name().contains("决算"), !budget, "{kind}");
        }
    }

    #[test]
    fn titles_read_through_numbering_white_space_and_quotes() {
        assert_eq!(
            table_kind_of_title(" 表一、收入支出决算总表 "),
            Err(Error::UnknownName {
                kind: "报表种类",
                input: " 表一、收入支出决算总表 ".to_owned(),
            })
        );
        assert_eq!(table_kind_of_title("1. 收入支出决算总表"), Ok(K::Summary));
        assert_eq!(
            table_kind_of_title("七、财政拨款\"三公\"经费支出决算表"),
            Ok(K::ThreePublic)
        );
        assert_eq!(
            table_kind_of_title("财政拨款三公经费支出决算表"),
            Ok(K::ThreePublic)
        );
        assert_eq!(table_kind_of_title("收支预算总表（续）").ok(), None);
    }

    #[test]
    fn every_kind_reads_from_its_name_and_every_title_once() {
        for kind in K::ALL {
            assert_eq!(table_kind_of_title(kind.name()), Ok(*kind));
        }
        for (i, (title, _)) in TABLE_TITLES.iter().enumerate() {
            assert!(
                K::ALL
                    .iter()
                    .all(|k| title_key(k.name()) != title_key(title)),
                "{title} is a standard name"
            );
            assert!(
                TABLE_TITLES[i + 1..]
                    .iter()
                    .all(|(other, _)| title_key(other) != title_key(title)),
                "{title} is listed twice"
            );
        }
    }

    #[test]
    fn numbering_is_stripped_only_when_it_is_one() {
        assert_eq!(
            strip_numbering("二十六、抗疫特别国债安排的支出"),
            "抗疫特别国债安排的支出"
        );
        assert_eq!(strip_numbering("12．其他收入"), "其他收入");
        assert_eq!(
            strip_numbering("一般公共预算、政府性基金"),
            "一般公共预算、政府性基金"
        );
        assert_eq!(strip_numbering("2024年"), "2024年");
        assert_eq!(strip_numbering(""), "");
    }

    #[test]
    fn headers_read_as_columns() {
        assert_eq!(column_of_header("年初预算数"), Ok(Column::Budget));
        assert_eq!(column_of_header("调整后预算数"), Ok(Column::AdjustedBudget));
        assert_eq!(
            column_of_header("本年支出/合计"),
            Ok(Column::CurrentExpenditure)
        );
        assert_eq!(
            column_of_header(" 财政拨款 / 政府性基金预算 "),
            Ok(Column::GovernmentFund)
        );
        assert_eq!(column_of_header("(1) 项目支出").ok(), None);
        assert!(matches!(
            column_of_header("合计/备注"),
            Err(Error::UnknownName {
                kind: "报表列", ..
            })
        ));
    }

    #[test]
    fn labels_read_as_row_keys() {
        let income = Some(TableSide::Income);
        let expenditure = Some(TableSide::Expenditure);
        assert_eq!(
            row_key_of_label(K::Summary, income, "八、其他收入"),
            Ok(RowKey::Income(IncomeSource::Other))
        );
        assert_eq!(
            row_key_of_label(K::Summary, income, "总计"),
            Ok(RowKey::Line(Line::IncomeGrandTotal))
        );
        assert_eq!(
            row_key_of_label(K::Summary, expenditure, "本年支出合计"),
            Ok(RowKey::Line(Line::CurrentExpenditureTotal))
        );
        assert_eq!(
            row_key_of_label(
                K::AppropriationSummary,
                income,
                "三、国有资本经营预算财政拨款"
            ),
            Ok(RowKey::Fund(FundType::StateCapitalOperation))
        );
        assert_eq!(
            row_key_of_label(
                K::AppropriationSummary,
                Some(TableSide::Opening),
                "二、政府性基金预算财政拨款"
            ),
            Ok(RowKey::FundOpeningBalance(FundType::GovernmentFund))
        );
        assert_eq!(
            row_key_of_label(K::Summary, expenditure, "三、教育支出"),
            Ok(RowKey::Function("205".parse().unwrap()))
        );
        assert_eq!(
            row_key_of_label(K::BasicExpenditure, None, "人员经费合计"),
            Ok(RowKey::Line(Line::PersonnelTotal))
        );
        assert_eq!(
            row_key_of_label(K::ThreePublic, None, "公务接待费"),
            Ok(RowKey::ThreePublicCategory(
                ThreePublicCategory::OfficialReception
            ))
        );
        assert_eq!(
            row_key_of_label(K::ThreePublic, None, "（2）公务用车运行维护费"),
            Err(Error::UnknownName {
                kind: "报表行",
                input: "（2）公务用车运行维护费".to_owned()
            })
        );
        assert_eq!(
            row_key_of_label(K::ThreePublic, None, "2.公务用车运行维护费"),
            Ok(RowKey::ThreePublicItem(ThreePublicItem::VehicleOperation))
        );
        assert!(row_key_of_label(K::Summary, expenditure, "十、宇宙探索支出").is_err());
        assert!(row_key_of_label(K::Summary, income, "捐赠收入").is_err());
        assert!(row_key_of_label(K::Income, None, "行政运行").is_err());
    }

    #[test]
    fn sides_read_from_their_words() {
        assert_eq!("收入".parse(), Ok(TableSide::Income));
        assert_eq!("支出栏".parse(), Ok(TableSide::Expenditure));
        assert_eq!("年初".parse(), Ok(TableSide::Opening));
        assert!("年末".parse::<TableSide>().is_err());
    }

    #[test]
    fn codes_read_by_the_table_classification() {
        assert!(matches!(
            row_key_of_code(K::BasicExpenditure, "302 01"),
            Ok(RowKey::Economic(_))
        ));
        assert_eq!(
            row_key_of_code(K::BasicExpenditure, "502"),
            Ok(RowKey::GovernmentEconomic("502".parse().unwrap()))
        );
        assert_eq!(
            row_key_of_code(K::BasicExpenditure, "50201"),
            Ok(RowKey::GovernmentEconomic("50201".parse().unwrap()))
        );
        // A budget's basic-expenditure table prints the government lines alike (Hunan's do).
        assert_eq!(
            row_key_of_code(K::BudgetBasicExpenditure, "509 01"),
            Ok(RowKey::GovernmentEconomic("50901".parse().unwrap()))
        );
        assert!(matches!(
            row_key_of_code(K::BasicExpenditure, "399"),
            Ok(RowKey::Economic(_))
        ));
        assert_eq!(
            row_key_of_code(K::GeneralBudgetExpenditure, "208 05 05"),
            Ok(RowKey::Function("2080505".parse().unwrap()))
        );
        assert!(matches!(
            row_key_of_code(K::Expenditure, "20A"),
            Err(Error::InvalidCode { .. })
        ));
    }

    #[test]
    fn three_public_headers_split_into_rows_and_columns() {
        let mut headers = ThreePublicHeaders::new(false);
        let read = |headers: &mut ThreePublicHeaders, h: &str| {
            headers.read(h).map(|p| (p.row, p.name, p.column))
        };
        assert_eq!(
            read(&mut headers, "合计/预算数"),
            Ok((RowKey::Line(Line::Total), "合计".to_owned(), Column::Budget))
        );
        assert_eq!(
            read(&mut headers, "因公出国（境）费/决算数"),
            Ok((
                RowKey::ThreePublicCategory(ThreePublicCategory::OverseasTravel),
                "因公出国（境）费".to_owned(),
                Column::Amount
            ))
        );
        assert_eq!(
            read(&mut headers, "公务用车购置及运行维护费/小计"),
            Ok((
                RowKey::ThreePublicCategory(ThreePublicCategory::OfficialVehicles),
                "公务用车购置及运行维护费".to_owned(),
                Column::Amount
            ))
        );
        // `…` is the previous header's category.
        assert_eq!(
            read(&mut headers, "…/公务用车购置费/实际数"),
            Ok((
                RowKey::ThreePublicItem(ThreePublicItem::VehiclePurchase),
                "公务用车购置费".to_owned(),
                Column::Amount
            ))
        );
        // An item under another category is not one.
        assert!(read(&mut headers, "公务接待费/公务用车运行费/预算数").is_err());
        assert!(read(&mut headers, "会议费").is_err());
        let mut budget = ThreePublicHeaders::new(true);
        assert_eq!(
            read(&mut budget, "公务接待费").map(|(_, _, column)| column),
            Ok(Column::Budget)
        );
    }

    #[test]
    fn indicator_rows_read_every_field() {
        let cells = [
            ("一级指标", "效益指标"),
            ("二级指标", "社会效益指标"),
            ("三级指标", "群众满意度"),
            ("指标值", "≥90%"),
            ("实际完成值", "95%"),
            ("权重", "10"),
            ("得分", "9.5"),
            ("偏差原因分析", "无"),
        ];
        let indicator = indicator_of_row(Some("印出的行名"), &cells)
            .unwrap()
            .unwrap();
        assert_eq!(indicator.name, "群众满意度");
        assert_eq!(indicator.category, IndicatorCategory::Outcome);
        assert_eq!(indicator.nature, IndicatorNature::AtLeast);
        assert_eq!(
            indicator.actual,
            IndicatorActual::Quantitative {
                value: Decimal::new(95, 0)
            }
        );
        assert_eq!(indicator.weight, Decimal::new(10, 0));
        assert_eq!(indicator.stated_score, Some(Decimal::new(95, 1)));
        assert_eq!(indicator.deviation_reason.as_deref(), Some("无"));
    }

    #[test]
    fn qualitative_indicators_keep_their_printed_target() {
        let cells = [
            ("一级指标", "产出指标"),
            ("二级指标", "质量指标"),
            ("三级指标", "验收合格"),
            ("指标值", "合格"),
            ("指标性质", "定性"),
            ("完成值", "达成"),
            ("分值", "20"),
            ("得分", ""),
        ];
        let indicator = indicator_of_row(None, &cells).unwrap().unwrap();
        assert_eq!(indicator.nature, IndicatorNature::Qualitative);
        assert!(matches!(
            indicator.actual,
            IndicatorActual::Qualitative { .. }
        ));
        assert_eq!(indicator.stated_score, None, "a blank 得分 is no score");
    }

    #[test]
    fn indicator_rows_say_what_is_missing() {
        assert_eq!(indicator_of_row(Some("总分"), &[("得分", "92")]), Ok(None));
        assert_eq!(
            indicator_of_row(None, &[("一级指标", "产出指标")]),
            Err(Error::MissingIndicatorField {
                field: "三级指标名称"
            })
        );
        let no_weight = [
            ("一级指标", "产出指标"),
            ("二级指标", "数量指标"),
            ("三级指标", "完成项目数"),
            ("指标值", "≥3个"),
            ("完成值", "3个"),
        ];
        assert!(matches!(
            indicator_of_row(None, &no_weight),
            Err(Error::MissingIndicatorField { field: "分值" })
        ));
        let unit_in_weight = [("分值", "10万元"), ("得分", "10")];
        let with_unit: Vec<(&str, &str)> =
            no_weight.iter().copied().chain(unit_in_weight).collect();
        assert!(matches!(
            indicator_of_row(None, &with_unit),
            Err(Error::InvalidAmount { .. })
        ));
        let bad_category = [("一级指标", "投入指标"), ("三级指标", "x")];
        assert!(matches!(
            indicator_of_row(None, &bad_category),
            Err(Error::UnknownName { .. })
        ));
    }

    #[test]
    fn funds_block_headers_and_rows() {
        for (header, column) in [
            ("年初预算数", FundsColumn::InitialBudget),
            ("调整后预算数", FundsColumn::FullYearBudget),
            ("全年预算数（A）", FundsColumn::FullYearBudget),
            ("全年执行数（B）", FundsColumn::Executed),
            ("决算数", FundsColumn::Executed),
            ("执行率（B/A）", FundsColumn::Rate),
            ("全年预算执行率", FundsColumn::Rate),
            ("分值", FundsColumn::Weight),
            ("权重", FundsColumn::Weight),
            ("得分", FundsColumn::Score),
            ("偏差原因分析及改进措施", FundsColumn::DeviationReason),
        ] {
            assert_eq!(funds_column_of_header(header), Ok(column), "{header}");
        }
        assert!(matches!(
            funds_column_of_header("资金来源"),
            Err(Error::UnknownName { .. })
        ));
        assert_eq!(funds_row_of_label("  其中：本年财政拨款"), FundsRow::Fiscal);
        assert_eq!(funds_row_of_label("上年结转资金"), FundsRow::Total);
        assert_eq!(funds_row_of_label("其他资金"), FundsRow::Other);
    }
}
