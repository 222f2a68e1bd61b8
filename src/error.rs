//! The crate's one error type.
//!
//! Every fallible function of the crate returns [`Result<T>`](crate::Result). The variants carry
//! structured fields (the offending input, a reason, the codes involved) so a program can act on
//! them, and their `Display` is a message in Chinese for the people who read it.
//! `rust_decimal`'s own error never appears here: arithmetic failures become [`Error::Overflow`].

use std::fmt;

use rust_decimal::Decimal;

use crate::classification::{DepartmentEconomicCode, FunctionCode, GovernmentEconomicCode, Level};
use crate::closed_set::closed_set;
use crate::dimensions::ExpenditureKind;

/// Everything that can go wrong in `fiscal-cn`.
///
/// The enum is `#[non_exhaustive]`: new variants may be added in a minor release, so match with a
/// wildcard arm.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// An amount did not follow the strict grammar of printed amounts.
    #[error("金额格式错误：“{input}”（{reason}）")]
    InvalidAmount {
        /// The text as given.
        input: String,
        /// Why it was rejected.
        reason: &'static str,
    },

    /// A percentage did not follow the strict grammar of printed percentages.
    #[error("百分比格式错误：“{input}”（{reason}）")]
    InvalidPercent {
        /// The text as given.
        input: String,
        /// Why it was rejected.
        reason: &'static str,
    },

    /// A classification code was malformed (wrong length, not digits, …).
    #[error("{kind}编码格式错误：“{input}”（{reason}）")]
    InvalidCode {
        /// Which code family, e.g. `支出功能分类`.
        kind: &'static str,
        /// The text as given.
        input: String,
        /// Why it was rejected.
        reason: &'static str,
    },

    /// A name did not match any member of a closed set (income sources, levels, …).
    #[error("无法识别的{kind}：“{input}”")]
    UnknownName {
        /// Which set was searched, e.g. `收入来源`.
        kind: &'static str,
        /// The text as given.
        input: String,
    },

    /// A well-formed code is not in the catalog that was asked.
    #[error("编码 {code} 不在{catalog}中")]
    UnknownCode {
        /// The code as text.
        code: String,
        /// Which catalog was searched (its description).
        catalog: String,
    },

    /// A name path such as `一般公共服务（类）组织事务（款）行政运行（项）` could not be read or
    /// resolved.
    #[error("科目路径“{path}”无法解析：第 {position} 段“{segment}”{reason}")]
    InvalidPath {
        /// The whole path as given.
        path: String,
        /// 1-based position of the segment that failed.
        position: usize,
        /// The segment's text.
        segment: String,
        /// What was wrong with it (boxed: a catalog's look-up names the catalog, the parent
        /// and the codes, which would make every `Result` of the crate larger).
        reason: Box<PathProblem>,
    },

    /// A catalog file had problems; every problem found is listed, not just the first.
    #[error("分类目录“{source_name}”有 {} 处问题，第一处：{}", problems.len(), problems.first().map(ToString::to_string).unwrap_or_default())]
    Catalog {
        /// Where the catalog came from (a path or a description).
        source_name: String,
        /// Every problem, in line order.
        problems: Vec<CatalogProblem>,
    },

    /// Ledger lines that break the ledger's rules; every bad line is listed, not just the
    /// first.
    #[error("账目有 {} 处问题，第一处：{}", problems.len(), problems.first().map(ToString::to_string).unwrap_or_default())]
    Ledger {
        /// Every problem, lists in the order expenditures, incomes, opening balances, each in
        /// line order.
        problems: Vec<LedgerProblem>,
    },
    /// An arithmetic result does not fit the exact decimal representation.
    #[error("{operation}溢出：结果超出可精确表示的范围")]
    Overflow {
        /// The operation that overflowed.
        operation: Operation,
    },

    /// More decimals were asked for than a `Decimal` holds
    /// ([`MAX_DECIMALS`](crate::money::MAX_DECIMALS), 28).
    #[error(
        "小数位数 {decimals} 无效：最多 {} 位小数（Decimal 的精度）",
        Decimal::MAX_SCALE
    )]
    TooManyDecimals {
        /// The decimals asked for.
        decimals: u32,
    },

    /// A figure whose last place is too fine for the rounding-aware checks: half a unit in it
    /// is no `Decimal` ([`Printed::MAX_CHECKED_DECIMALS`](crate::precision::Printed::MAX_CHECKED_DECIMALS),
    /// 27 decimals, is the most they take).
    #[error(
        "公开数 {value}（保留 {decimals} 位小数）无效：末位的半个单位 5×10⁻{} 超出 Decimal 的精度，无法按四舍五入核对；可核对的公开数最多保留 {} 位小数",
        decimals + 1,
        Decimal::MAX_SCALE - 1
    )]
    Uncheckable {
        /// The figure.
        value: Decimal,
        /// The decimals it was printed with.
        decimals: u32,
    },

    /// A value said to be printed with `decimals` decimals shows more, so it cannot have been
    /// printed so.
    #[error("公开数 {value} 不可能是保留 {decimals} 位小数的结果")]
    NotRounded {
        /// The value.
        value: Decimal,
        /// The decimals it was said to be printed with.
        decimals: u32,
    },

    /// An amount in 元 finer than 1 分 where whole 分 are kept (the bulk ledger).
    #[error("金额 {amount} 元无效：超过 2 位小数（精确到分）")]
    FinerThanFen {
        /// The amount in 元.
        amount: Decimal,
    },

    /// The header line of a CSV file cannot be read (feature `csv`).
    #[error("CSV 表头（第 1 行）无效：{problem}")]
    CsvHeader {
        /// What is wrong with it.
        problem: CsvHeaderProblem,
    },

    /// A line of a CSV file cannot be read, in the fail-fast mode (feature `csv`; the other
    /// mode lists it with the same reason).
    #[error("CSV 第 {line} 行无效：{reason}")]
    CsvLine {
        /// The 1-based line number in the file (the header is line 1).
        line: usize,
        /// Why it was rejected.
        reason: RowRejection,
    },

    /// Bulk ledgers appended together would hold more distinct keys of one kind than a bulk
    /// ledger can.
    #[error("批量账本合并无效：合并后不同的{what}超过 {} 个", what.limit())]
    TooManyDistinct {
        /// Which keys.
        what: Distinct,
    },

    /// A unit of a bulk ledger has no department in the unit hierarchy it is consolidated by.
    #[error("单位{unit}无效：不在单位层级中（未指定所属部门）")]
    UnitWithoutDepartment {
        /// The unit's number.
        unit: u32,
    },

    /// A department of the unit hierarchy has no region.
    #[error("部门{department}无效：未指定所属地区")]
    DepartmentWithoutRegion {
        /// The department's number.
        department: u32,
    },

    /// A negative weight (分值), in a scorer or in a weight split.
    #[error("{}", negative_weight(*part, *weight))]
    NegativeWeight {
        /// The part of a weight split ([`WeightSplit`](crate::performance::WeightSplit)) it is
        /// the weight of, e.g. `产出指标`; `None` for an indicator's own 分值.
        part: Option<&'static str>,
        /// The weight.
        weight: Decimal,
    },

    /// A weight split whose parts do not sum to 100.
    #[error("权重分配无效：{split}，合计 {total}，应为 100")]
    WeightsNotHundred {
        /// The split as it displays, part by part.
        split: String,
        /// What its parts sum to.
        total: Decimal,
    },

    /// Weight would have to be moved from not-applicable items onto applicable ones that all
    /// weigh 0.
    #[error("不适用指标的权重无效：适用指标分值合计为0，无法把总分 {total} 按比例分配给它们")]
    NoApplicableWeight {
        /// The total weight to keep.
        total: Decimal,
    },

    /// A qualitative judgment placed outside its outcome's band of the weight.
    #[error(
        "“{outcome}”的得分比例无效：应在 {}{low}%, {high}%] 之内，给出 {percent}%",
        if low.is_zero() { '[' } else { '(' }
    )]
    OutsideBand {
        /// The outcome (达成, 部分达成, 未达成).
        outcome: &'static str,
        /// The band's lower end in percent of the weight (excluded unless 0).
        low: Decimal,
        /// The band's upper end (included).
        high: Decimal,
        /// The percentage given.
        percent: Decimal,
    },

    /// A numeric actual on an indicator whose nature or target is in words.
    #[error(
        "指标“{indicator}”的完成值 {value}无效：指标性质为“{nature}”、指标值为文字时，应以达成/部分达成/未达成评价"
    )]
    NumberForWords {
        /// The indicator's name.
        indicator: String,
        /// The numeric actual.
        value: Decimal,
        /// The indicator's nature (指标性质).
        nature: &'static str,
    },

    /// A printed 年度指标值 that is no target (`≥`, `≤` or `=` and a number with its unit, or
    /// words).
    #[error("年度指标值“{input}”无效：{reason}")]
    InvalidTarget {
        /// The text as given.
        input: String,
        /// Why it was rejected.
        reason: &'static str,
    },

    /// A row of a performance table lacks a field an indicator needs.
    #[error("绩效指标行无效：缺少{field}")]
    MissingIndicatorField {
        /// The field, e.g. `二级指标`.
        field: &'static str,
    },

    /// Two disclosures that cannot be set side by side as asked: compared year over year,
    /// printed beside each other or consolidated.
    #[error("{first}与{second}不匹配：{}", mismatch_reason(*need, first, second))]
    DisclosureMismatch {
        /// The disclosure asked about (this year's, the final accounts, a report to
        /// consolidate).
        first: DisclosureId,
        /// The one it was set against (last year's, the budget, the consolidation).
        second: DisclosureId,
        /// What the two fail to be.
        need: Mismatch,
    },

    /// A government's budget asked of a department's ledger: it is the treasury's own income
    /// and expenditure, not derived from departments.
    #[error("{disclosure}无法生成：政府预算是本级财政的收支，不由部门账目生成")]
    GovernmentBudgetFromLedger {
        /// The disclosure asked for.
        disclosure: DisclosureId,
    },

    /// A performance self-evaluation asked of a ledger: it evaluates a year's spending against
    /// its targets and prints none of the tables a ledger gives.
    #[error("{disclosure}无法生成：绩效自评是对绩效目标完成情况的评价，没有由账目生成的表")]
    SelfEvaluationFromLedger {
        /// The disclosure asked for.
        disclosure: DisclosureId,
    },

    /// A final-accounts table that budgets do not print was asked for in a budget.
    #[error("{table}无效：部门预算没有这张表")]
    NoBudgetCounterpart {
        /// The table's Chinese name.
        table: &'static str,
    },

    /// A budget's ledger does not balance for a source: this year's income and last year's
    /// carry-over must add up to what is budgeted from it.
    #[error(
        "预算账目无效：{source_name}：本年收入{income}元与上年结转{opening}元之和不等于支出{spent}元（差{difference}元），预算收支不平衡"
    )]
    UnbalancedBudget {
        /// The income source (收入来源), by its Chinese name.
        source_name: &'static str,
        /// This year's income from it, in 元.
        income: Decimal,
        /// Last year's carry-over (上年结转) of it, in 元.
        opening: Decimal,
        /// The expenditure budgeted from it, in 元.
        spent: Decimal,
        /// `income + opening − spent`.
        difference: Decimal,
    },

    /// A suppression (豁免) of a rule without a reason.
    #[error("规则 {rule} 的豁免无效：必须说明豁免理由")]
    MissingSuppressionReason {
        /// The rule's code.
        rule: String,
    },

    /// A narrative (预决算说明) whose report year is neither given nor found in the text.
    #[error(
        "预决算说明文本无效：找不到报告年度：既没有“2024年度……部门决算（预算）……说明”这样的标题，正文也没有“××××年度”"
    )]
    UndatedNarrative,

    /// A file could not be read. The operating system's error is kept as the
    /// [`source`](std::error::Error::source).
    #[error("读取“{path}”失败：{source}")]
    Io {
        /// The path as given.
        path: String,
        /// The operating system's error.
        #[source]
        source: IoError,
    },
}

closed_set! {
    /// The operations whose exact result may not fit a [`Decimal`](rust_decimal::Decimal), as
    /// [`Error::Overflow`] names them; it displays in Chinese.
    ///
    /// ```
    /// use fiscal_cn::{Decimal, Error, Operation, money::{Amount, Unit}};
    ///
    /// let huge = Amount::new(Decimal::MAX, Unit::Yuan);
    /// let err = huge.checked_add(huge).unwrap_err();
    /// assert_eq!(err, Error::Overflow { operation: Operation::AmountSum });
    /// assert_eq!(err.to_string(), "金额求和溢出：结果超出可精确表示的范围");
    /// ```
    pub enum Operation: "运算" {
        /// Summing amounts.
        AmountSum = "金额求和",
        /// Converting an amount between 元, 万元 and 亿元.
        UnitConversion = "金额单位换算",
        /// Converting an amount to integer 分.
        ToFen = "金额换算为分",
        /// Summing printed figures' intervals.
        IntervalSum = "区间求和",
        /// A ratio (share, growth or completion rate).
        Ratio = "比率计算",
        /// A derived metric.
        Metric = "指标计算",
        /// Summing ledger lines by a key.
        GroupSum = "分组求和",
        /// Rolling 项 up to 款, 类 and the total.
        Rollup = "科目汇总",
        /// Consolidating (汇总) ledgers or disclosures.
        Consolidation = "汇总",
        /// Consolidating a region's departments.
        RegionalConsolidation = "地区汇总",
        /// Summing a derived table's cells.
        TableSum = "报表求和",
        /// Working out 年末结转和结余.
        ClosingBalance = "年末结转和结余",
        /// Summing 三公 figures.
        ThreePublicSum = "“三公”经费求和",
        /// A performance score.
        PerformanceScore = "绩效得分计算",
        /// A budget execution rate.
        ExecutionRate = "预算执行率计算",
        /// Summing indicator weights.
        WeightSum = "权重求和",
        /// Rescaling indicator weights.
        WeightRescaling = "权重重新分配",
        /// Summing a form's scores.
        ScoreSum = "总分求和",
        /// Summing a bulk ledger's amounts.
        BulkSum = "批量求和",
        /// Summing amounts through the economic crosswalk.
        CrosswalkSum = "经济分类对照求和",
    }
}

fn negative_weight(part: Option<&str>, weight: Decimal) -> String {
    match part {
        Some(part) => format!("权重分配无效：{part}权重不能为负数（{weight}）"),
        None => format!("分值无效：分值不能为负数（{weight}）"),
    }
}

fn mismatch_reason(need: Mismatch, first: &DisclosureId, second: &DisclosureId) -> String {
    match need {
        Mismatch::NotConsecutive => {
            format!(
                "年度不相邻：{} 年不是 {} 年的上一年",
                second.year, first.year
            )
        }
        Mismatch::OutsideConsolidation => {
            format!("汇总对象应为{}年度{}", second.year, second.kind)
        }
        other => other.name().to_owned(),
    }
}

/// A disclosure as an error names it: whose, of which year, and what kind.
///
/// ```
/// use fiscal_cn::{Error, Mismatch, metrics::compare_years, report::{Disclosure, DisclosureKind, Entity}};
///
/// let this = Disclosure::new(Entity::new("甲", 2024, DisclosureKind::FinalAccounts));
/// let last = Disclosure::new(Entity::new("甲", 2022, DisclosureKind::FinalAccounts));
/// let Err(Error::DisclosureMismatch { first, second, need }) = compare_years(&this, &last) else {
///     panic!()
/// };
/// assert_eq!((first.year, second.year, need), (2024, 2022, Mismatch::NotConsecutive));
/// assert_eq!(second.to_string(), "甲2022年部门决算");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct DisclosureId {
    /// The department's (or region's) name as printed.
    pub name: String,
    /// The fiscal year.
    pub year: u16,
    /// The kind, by its Chinese name ([`DisclosureKind::name`](crate::report::DisclosureKind::name)).
    pub kind: &'static str,
}

impl DisclosureId {
    pub(crate) fn of(entity: &crate::report::Entity) -> Self {
        DisclosureId {
            name: entity.name.clone(),
            year: entity.year,
            kind: entity.kind.name(),
        }
    }
}

impl fmt::Display for DisclosureId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}年{}", self.name, self.year, self.kind)
    }
}

closed_set! {
    /// What two disclosures fail to be, as [`Error::DisclosureMismatch`] says.
    pub enum Mismatch: "不匹配的原因" parsed_elsewhere {
        /// Not the same department's disclosures of the same kind (a comparison over years).
        NotSameEntity = "不是同一主体的同类公开",
        /// The second is not of the year before the first.
        NotConsecutive = "年度不相邻",
        /// Not both department budgets (only budgets print last year's budget).
        NotBudgets = "只有部门预算的表印上年预算数",
        /// Not a department's budget and final accounts of the same year.
        NotBudgetAndAccounts = "要以同一部门同一年度的部门预算与部门决算相比",
        /// A report of another year or kind than the consolidation it is put into.
        OutsideConsolidation = "不是汇总对象的年度和类型",
    }
}

closed_set! {
    /// The keys a bulk ledger interns, each up to its [`limit`](Distinct::limit).
    pub enum Distinct: "批量账本的键" parsed_elsewhere {
        /// 功能分类 codes.
        FunctionCodes = "功能分类科目",
        /// 经济分类 codes.
        EconomicCodes = "经济分类科目",
        /// Units.
        Units = "单位",
    }
}

impl Distinct {
    /// How many distinct keys of this kind a bulk ledger holds: 2¹⁶ codes of each
    /// classification ([`MAX_DISTINCT_CODES`](crate::bulk::MAX_DISTINCT_CODES)), 2³² units.
    #[must_use]
    pub const fn limit(self) -> u64 {
        match self {
            Distinct::FunctionCodes | Distinct::EconomicCodes => 1 << 16,
            Distinct::Units => 1 << 32,
        }
    }
}

/// What is wrong with a segment of a name path ([`Error::InvalidPath`]); `Display` says it in
/// Chinese, after the segment.
///
/// ```
/// use fiscal_cn::{Error, PathProblem, classification::NamePath};
///
/// let err = "一般公共服务（款）".parse::<NamePath>().unwrap_err();
/// let Error::InvalidPath { position, reason, .. } = &err else { panic!() };
/// assert_eq!((*position, &**reason), (1, &PathProblem::WrongLevel { expected: "类", found: "款" }));
/// assert!(err.to_string().ends_with("第 1 段“一般公共服务”应标为（类），实为（款）"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, thiserror::Error)]
#[non_exhaustive]
pub enum PathProblem {
    /// No segment at all.
    #[error("为空：路径至少要有类")]
    Empty,
    /// A fourth segment.
    #[error("多余：路径最多三段")]
    Extra,
    /// A segment with no name.
    #[error("名称为空{}", level.map(|l| format!("（{l}）")).unwrap_or_default())]
    EmptyName {
        /// The level it is marked with (类, 款, 项), when it is marked.
        level: Option<&'static str>,
    },
    /// Text without a level marker.
    #[error("缺少级次标记（类）、（款）或（项）")]
    NoMarker,
    /// A segment marked with another level than its position's.
    #[error("应标为（{expected}），实为（{found}）")]
    WrongLevel {
        /// The level its position calls for.
        expected: &'static str,
        /// The level it is marked with.
        found: &'static str,
    },
    /// No line of the catalog has the name under the segments before it.
    #[error("在{}找不到", under(catalog, parent.as_deref()))]
    NotFound {
        /// The catalog, as it describes itself (`支出功能分类目录“…”`).
        catalog: String,
        /// The line it was looked for under, as `名称（编码）`; `None` among the 类.
        parent: Option<String>,
    },
    /// Several lines of the catalog have the name under the segments before it, on evidence
    /// equally good.
    #[error(
        "在{}有多个同名科目（{}），且来源依据同样可靠",
        under(catalog, parent.as_deref()),
        codes.join("、")
    )]
    Ambiguous {
        /// The catalog, as it describes itself.
        catalog: String,
        /// The line they were looked for under; `None` among the 类.
        parent: Option<String>,
        /// Their codes.
        codes: Vec<String>,
    },
}

/// Where a path's segment was looked for: among a catalog's 类, or under a line.
fn under(catalog: &str, parent: Option<&str>) -> String {
    match parent {
        Some(parent) => format!(" {parent}下"),
        None => format!("{catalog}的类中"),
    }
}

/// What is wrong with the header line of a CSV file ([`Error::CsvHeader`]).
#[derive(Debug, Clone, PartialEq, Eq, Hash, thiserror::Error)]
#[non_exhaustive]
pub enum CsvHeaderProblem {
    /// The line is not UTF-8.
    #[error("不是有效的 UTF-8 文本")]
    NotUtf8,
    /// The line does not split into fields.
    #[error("{0}")]
    Fields(RowRejection),
    /// A column name that is none of the known ones.
    #[error(
        "无法识别的列名“{0}”（应为 单位,功能分类,经济分类,支出类型,资金来源,金额 或 unit,function,economic,kind,source,amount）"
    )]
    UnknownColumn(String),
    /// The amount column names another unit than the caller's.
    #[error("金额列标明单位为{stated}，调用方指定的是{given}")]
    UnitDisagrees {
        /// The unit the header names.
        stated: &'static str,
        /// The unit the caller gave.
        given: &'static str,
    },
    /// A column given twice.
    #[error("列“{0}”重复")]
    DuplicateColumn(String),
    /// A required column missing.
    #[error("缺少“{0}”列")]
    MissingColumn(&'static str),
}

/// Why a CSV line was not ingested (feature `csv`): [`Error::CsvLine`], or a `bulk::RejectedRow`
/// when bad lines are skipped. `Display` gives the
/// message in Chinese.
///
/// In JSON (feature `serde`) it is an object with a stable snake_case `kind`, the case's fields
/// and its Chinese `message`; the `message` is ignored when it is read back, so the value
/// round-trips.
///
/// ```
/// use fiscal_cn::RowRejection;
///
/// let reason = RowRejection::FieldCount { found: 5, header: 6 };
/// assert_eq!(reason.to_string(), "有 5 个字段，表头有 6 个");
/// # #[cfg(feature = "serde")] {
/// let json = serde_json::to_string(&reason).unwrap();
/// assert_eq!(json, r#"{"kind":"field_count","found":5,"header":6,"message":"有 5 个字段，表头有 6 个"}"#);
/// assert_eq!(serde_json::from_str::<RowRejection>(&json).unwrap(), reason);
/// # }
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, thiserror::Error)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(remote = "Self", tag = "kind", rename_all = "snake_case")
)]
#[non_exhaustive]
pub enum RowRejection {
    /// More fields than any layout has.
    #[error("字段多于 {max} 个")]
    TooManyFields {
        /// The most fields a line may have.
        max: usize,
    },
    /// A quoted field whose quote is not closed.
    #[error("第 {field} 个字段的引号没有闭合")]
    UnclosedQuote {
        /// The field's 1-based position.
        field: usize,
    },
    /// Text after a quoted field's closing quote.
    #[error("第 {field} 个字段的引号后应是逗号（字段内不能含引号）")]
    TextAfterQuote {
        /// The field's 1-based position.
        field: usize,
    },
    /// A quote inside an unquoted field.
    #[error("第 {field} 个字段含有引号")]
    QuoteInField {
        /// The field's 1-based position.
        field: usize,
    },
    /// Another number of fields than the header's.
    #[error("有 {found} 个字段，表头有 {header} 个")]
    FieldCount {
        /// The fields of the line.
        found: usize,
        /// The fields of the header.
        header: usize,
    },
    /// A field that is not UTF-8.
    #[error("含有无效的 UTF-8 字节")]
    NotUtf8,
    /// A unit that is no number.
    #[error("单位“{text}”应为非负整数编号")]
    BadUnit {
        /// The field as given.
        text: String,
    },
    /// An amount finer than 1 分.
    #[error("金额“{text}”精度超过分（元的 2 位小数）")]
    FinerThanFen {
        /// The field as given.
        text: String,
    },
    /// An amount beyond what the ledger holds.
    #[error("金额“{text}”超出可表示的范围")]
    AmountOutOfRange {
        /// The field as given.
        text: String,
    },
    /// A field that does not read as what its column holds (a code, a name, an amount): the
    /// parser's error, whose message quotes the field.
    #[error("{error}")]
    BadField {
        /// The parser's error ([`Error::InvalidCode`], [`Error::UnknownName`],
        /// [`Error::InvalidAmount`], …).
        #[source]
        error: NestedError,
    },
    /// A line that reads but breaks a rule of the ledger (a 功能分类 that is no 项, …).
    #[error("{reason}")]
    LedgerRule {
        /// The rule broken, with the codes.
        #[source]
        reason: LedgerReason,
    },
    /// A line with a new key where the ledger holds no more of them.
    #[error("批量账本最多容纳 {} 个不同的{what}", what.limit())]
    Full {
        /// Which keys.
        what: Distinct,
    },
}

/// Implements `Serialize` as the derived, tagged form (`serde(remote = "Self")`) with the
/// `Display` message added as `message`, and `Deserialize` as the derived form, which ignores
/// the message: the JSON of a reason is readable and round-trips.
#[cfg(feature = "serde")]
macro_rules! serde_with_message {
    ($name:ty) => {
        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(
                &self,
                serializer: S,
            ) -> std::result::Result<S::Ok, S::Error> {
                /// The derived form: `kind` and the case's fields.
                struct Fields<'a>(&'a $name);
                impl serde::Serialize for Fields<'_> {
                    fn serialize<S: serde::Serializer>(
                        &self,
                        serializer: S,
                    ) -> std::result::Result<S::Ok, S::Error> {
                        <$name>::serialize(self.0, serializer)
                    }
                }
                #[derive(serde::Serialize)]
                struct WithMessage<'a> {
                    #[serde(flatten)]
                    fields: Fields<'a>,
                    message: String,
                }
                serde::Serialize::serialize(
                    &WithMessage {
                        fields: Fields(self),
                        message: self.to_string(),
                    },
                    serializer,
                )
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(
                deserializer: D,
            ) -> std::result::Result<Self, D::Error> {
                <$name>::deserialize(deserializer)
            }
        }
    };
}
#[cfg(feature = "serde")]
pub(crate) use serde_with_message;

#[cfg(feature = "serde")]
serde_with_message!(RowRejection);

/// An I/O error kept inside [`Error::Io`]: the operating system's [`std::io::Error`], shared so
/// that [`Error`] stays `Clone`, and compared by its kind and message.
///
/// ```
/// use std::error::Error as _;
/// use fiscal_cn::{Error, classification::{Catalog, FunctionCode}};
///
/// let err = Catalog::<FunctionCode>::from_csv_path("/没有这个文件.csv").unwrap_err();
/// let Error::Io { source, .. } = &err else { panic!("{err:?}") };
/// assert_eq!(source.kind(), std::io::ErrorKind::NotFound);
/// assert!(err.source().is_some());
/// ```
#[derive(Debug, Clone)]
pub struct IoError(std::sync::Arc<std::io::Error>);

impl IoError {
    /// What kind of failure it was.
    #[must_use]
    pub fn kind(&self) -> std::io::ErrorKind {
        self.0.kind()
    }

    /// The operating system's error.
    #[must_use]
    pub fn get_ref(&self) -> &std::io::Error {
        &self.0
    }
}

impl From<std::io::Error> for IoError {
    fn from(error: std::io::Error) -> Self {
        IoError(std::sync::Arc::new(error))
    }
}

impl PartialEq for IoError {
    fn eq(&self, other: &IoError) -> bool {
        self.kind() == other.kind() && self.0.to_string() == other.0.to_string()
    }
}

impl Eq for IoError {}

impl std::fmt::Display for IoError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

impl std::error::Error for IoError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&*self.0)
    }
}

/// The crate's own [`Error`] kept inside a reason ([`RowRejection::BadField`],
/// [`UnparsedReason::BadFigure`](crate::narrative::UnparsedReason::BadFigure), …), so a program
/// can match on what went wrong through [`error`](NestedError::error).
///
/// `Display` is the error's message and [`source`](std::error::Error::source) the error's own
/// source: the wrapper adds no link to a chain of sources. In JSON (feature `serde`) it is the
/// message, a string; [`Error`] itself does not serialize, so one read back keeps the message
/// only and `error()` is `None`. Two nested errors compare and hash by their message, so a reason
/// read back equals the one written.
///
/// ```
/// use fiscal_cn::{Error, NestedError};
///
/// let nested = NestedError::from("30x".parse::<fiscal_cn::classification::FunctionCode>().unwrap_err());
/// assert!(matches!(nested.error(), Some(Error::InvalidCode { reason: "只能由数字 0–9 组成", .. })));
/// assert_eq!(nested.to_string(), "支出功能分类编码格式错误：“30x”（只能由数字 0–9 组成）");
/// # #[cfg(feature = "serde")] {
/// let json = serde_json::to_string(&nested).unwrap();
/// let read: NestedError = serde_json::from_str(&json).unwrap();
/// assert_eq!((read.error(), &read), (None, &nested));
/// # }
/// ```
#[derive(Debug, Clone)]
pub struct NestedError(Nested);

/// What a [`NestedError`] holds.
#[derive(Debug, Clone)]
enum Nested {
    /// The error, where the reason was found (boxed: a reason stays small).
    Error(Box<Error>),
    /// Only its message, read back from JSON.
    #[cfg_attr(
        not(feature = "serde"),
        expect(dead_code, reason = "only JSON builds it")
    )]
    Message(String),
}

impl NestedError {
    /// The error, unless this was read back from JSON, which keeps only its message.
    #[must_use]
    pub fn error(&self) -> Option<&Error> {
        match &self.0 {
            Nested::Error(error) => Some(error),
            Nested::Message(_) => None,
        }
    }
}

impl From<Error> for NestedError {
    fn from(error: Error) -> Self {
        NestedError(Nested::Error(Box::new(error)))
    }
}

impl fmt::Display for NestedError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0 {
            Nested::Error(error) => error.fmt(f),
            Nested::Message(message) => f.write_str(message),
        }
    }
}

impl std::error::Error for NestedError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.error().and_then(std::error::Error::source)
    }
}

impl PartialEq for NestedError {
    fn eq(&self, other: &NestedError) -> bool {
        self.to_string() == other.to_string()
    }
}

impl Eq for NestedError {}

impl std::hash::Hash for NestedError {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.to_string().hash(state);
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for NestedError {
    fn serialize<S: serde::Serializer>(
        &self,
        serializer: S,
    ) -> std::result::Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for NestedError {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> std::result::Result<Self, D::Error> {
        String::deserialize(deserializer).map(|message| NestedError(Nested::Message(message)))
    }
}

/// Reads the file at `path` as UTF-8 text, with the path as shown in messages.
pub(crate) fn read_text(path: &std::path::Path) -> Result<(String, String)> {
    let shown = path.display().to_string();
    match std::fs::read_to_string(path) {
        Ok(text) => Ok((text, shown)),
        Err(e) => Err(Error::Io {
            path: shown,
            source: e.into(),
        }),
    }
}

/// `Result` with the crate's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// What kind of problem a [`CatalogProblem`] is: its [`CatalogReason`] without the figures
/// ([`CatalogReason::kind`]), to sort or count problems by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub enum CatalogProblemKind {
    /// The header line lacks a required column (`code`, `name`, `level`).
    Header,
    /// A line is not a valid CSV row with the header's number of fields.
    Row,
    /// The code is malformed for this code family.
    InvalidCode,
    /// The level column is not `lei`/`kuan`/`xiang` (or 类/款/项).
    InvalidLevel,
    /// The level column disagrees with the number of digits of the code.
    LevelMismatch,
    /// The name is empty.
    EmptyName,
    /// The evidence column is not one of the known words.
    InvalidEvidence,
    /// The same code appears more than once.
    DuplicateCode,
    /// A 款 or 项 whose parent code is not in the catalog.
    MissingParent,
    /// The catalog has no rows at all.
    Empty,
    /// A code of an [`EconomicCrosswalk`](crate::classification::EconomicCrosswalk) that is not a 款: the
    /// correspondence pairs 款 with 款.
    NotKuan,
}

/// One problem found while building a catalog or a crosswalk (see [`Error::Catalog`]): where
/// it is and why.
///
/// In JSON (feature `serde`) it is `{"line": 3, "code": "301", "reason": {"kind":
/// "department_not_kuan", "code": "301", "message": "对照表按款对应，…"}}`.
///
/// ```
/// use fiscal_cn::{Error, classification::{CatalogProblemKind, CatalogReason, EconomicCrosswalk}};
///
/// let text = "department_code,government_code\n30101,50101\n30101,50199\n";
/// let Err(Error::Catalog { problems, .. }) = EconomicCrosswalk::from_csv(text, "对照表") else {
///     panic!()
/// };
/// let first = "50101".parse()?;
/// assert_eq!(problems[0].reason, CatalogReason::DuplicatePair { first_line: Some(2), government: first });
/// assert_eq!(problems[0].kind(), CatalogProblemKind::DuplicateCode);
/// assert_eq!(
///     problems[0].to_string(),
///     "第 3 行：30101：部门预算支出经济分类编码重复（第 2 行已对应 50101），一个款只能对应一个政府预算支出经济分类款"
/// );
/// # Ok::<(), fiscal_cn::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct CatalogProblem {
    /// 1-based line number in the file, when the problem belongs to a line.
    pub line: Option<usize>,
    /// The code the problem is about, as text, when there is one.
    pub code: Option<String>,
    /// What is wrong, with the figures involved; `Display` says it in Chinese.
    pub reason: CatalogReason,
}

impl CatalogProblem {
    pub(crate) fn new(line: Option<usize>, code: Option<String>, reason: CatalogReason) -> Self {
        CatalogProblem { line, code, reason }
    }

    /// What kind of problem this is (the reason without its figures).
    #[must_use]
    pub fn kind(&self) -> CatalogProblemKind {
        self.reason.kind()
    }
}

impl fmt::Display for CatalogProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(line) = self.line {
            write!(f, "第 {line} 行：")?;
        }
        if let Some(code) = &self.code {
            write!(f, "{code}：")?;
        }
        write!(f, "{}", self.reason)
    }
}

/// Why a catalog or a crosswalk file was refused ([`CatalogProblem::reason`]): a closed set,
/// each case with the figures and codes involved; `Display` says it in Chinese.
///
/// In JSON (feature `serde`) it is an object with a stable snake_case `kind`, the case's fields
/// and its Chinese `message`; the `message` is ignored when it is read back, so the value
/// round-trips.
///
/// ```
/// use fiscal_cn::classification::{CatalogProblemKind, CatalogReason, Level};
///
/// let reason = CatalogReason::LevelMismatch { printed: Level::Kuan, actual: Level::Xiang };
/// assert_eq!(reason.to_string(), "级次为款，但 7 位编码是项");
/// assert_eq!(reason.kind(), CatalogProblemKind::LevelMismatch);
/// # #[cfg(feature = "serde")] {
/// let json = serde_json::to_string(&reason).unwrap();
/// assert_eq!(json, r#"{"kind":"level_mismatch","printed":"kuan","actual":"xiang","message":"级次为款，但 7 位编码是项"}"#);
/// assert_eq!(serde_json::from_str::<CatalogReason>(&json).unwrap(), reason);
/// # }
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, thiserror::Error)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(remote = "Self", tag = "kind", rename_all = "snake_case")
)]
#[non_exhaustive]
pub enum CatalogReason {
    /// A file with no line that is not blank.
    #[error("文件为空")]
    EmptyFile,
    /// A header line that does not split into fields.
    #[error("表头无法读取（{problem}）")]
    UnreadableHeader {
        /// What is wrong with its quotes.
        problem: QuoteProblem,
    },
    /// A header without the columns the file must have.
    #[error("表头缺少 {} 列（应为 {expected}）", missing.join("、"))]
    MissingColumns {
        /// The missing columns' names, in the order of the expected header.
        missing: Vec<String>,
        /// The header expected, e.g. `code,name,level,evidence`.
        expected: String,
    },
    /// A line that does not split into fields.
    #[error("{problem}")]
    UnreadableRow {
        /// What is wrong with its quotes.
        problem: QuoteProblem,
    },
    /// A line with another number of fields than the header.
    #[error("应有 {expected} 列，实有 {found} 列")]
    FieldCount {
        /// The header's fields.
        expected: usize,
        /// The line's fields.
        found: usize,
    },
    /// A code field that is no code of the family (the code is [`CatalogProblem::code`]).
    #[error("编码格式错误（{reason}）")]
    InvalidCode {
        /// Why, as [`Error::InvalidCode`] gives it (`位数应为 3、5 或 7`, …).
        reason: String,
    },
    /// A level field that is no level.
    #[error("级次“{level}”无法识别")]
    InvalidLevel {
        /// The field as given.
        level: String,
    },
    /// A level field that disagrees with the code's digits.
    #[error("级次为{printed}，但 {} 位编码是{actual}", actual.digits())]
    LevelMismatch {
        /// The level the line gives.
        printed: Level,
        /// The level of the code's digits.
        actual: Level,
    },
    /// An empty name.
    #[error("名称为空")]
    EmptyName,
    /// An evidence field that is none of the known words.
    #[error("来源依据“{word}”无法识别")]
    InvalidEvidence {
        /// The field as given.
        word: String,
    },
    /// A code given on an earlier line too.
    #[error("编码重复{}", first_line.map(|l| format!("（第 {l} 行已有）")).unwrap_or_default())]
    DuplicateCode {
        /// The line that gave it first, when known.
        first_line: Option<usize>,
    },
    /// A 款 or 项 whose parent is not in the catalog.
    #[error("上级科目 {parent} 不在目录中")]
    MissingParent {
        /// The parent's code.
        parent: String,
    },
    /// A catalog without any line.
    #[error("目录中没有任何科目")]
    EmptyCatalog,
    /// A department economic code of a crosswalk that is a 类: the crosswalk pairs 款 with 款.
    #[error("对照表按款对应，部门预算支出经济分类 {code} 是类")]
    DepartmentNotKuan {
        /// The code.
        code: DepartmentEconomicCode,
    },
    /// A government economic code of a crosswalk that is a 类.
    #[error("对照表按款对应，政府预算支出经济分类 {code} 是类")]
    GovernmentNotKuan {
        /// The code.
        code: GovernmentEconomicCode,
    },
    /// A department 款 of a crosswalk paired on an earlier line already.
    #[error(
        "部门预算支出经济分类编码重复（{}已对应 {government}），一个款只能对应一个政府预算支出经济分类款",
        first_line.map(|l| format!("第 {l} 行")).unwrap_or_default()
    )]
    DuplicatePair {
        /// The line that paired it first, when known.
        first_line: Option<usize>,
        /// The government 款 it was paired with there.
        government: GovernmentEconomicCode,
    },
    /// A crosswalk without any pair.
    #[error("对照表中没有任何科目")]
    EmptyCrosswalk,
}

#[cfg(feature = "serde")]
serde_with_message!(CatalogReason);

impl CatalogReason {
    /// What kind of problem this is, without the figures.
    #[must_use]
    pub fn kind(&self) -> CatalogProblemKind {
        use CatalogProblemKind as K;
        match self {
            CatalogReason::UnreadableHeader { .. } | CatalogReason::MissingColumns { .. } => {
                K::Header
            }
            CatalogReason::UnreadableRow { .. } | CatalogReason::FieldCount { .. } => K::Row,
            CatalogReason::InvalidCode { .. } => K::InvalidCode,
            CatalogReason::InvalidLevel { .. } => K::InvalidLevel,
            CatalogReason::LevelMismatch { .. } => K::LevelMismatch,
            CatalogReason::EmptyName => K::EmptyName,
            CatalogReason::InvalidEvidence { .. } => K::InvalidEvidence,
            CatalogReason::DuplicateCode { .. } | CatalogReason::DuplicatePair { .. } => {
                K::DuplicateCode
            }
            CatalogReason::MissingParent { .. } => K::MissingParent,
            CatalogReason::EmptyFile
            | CatalogReason::EmptyCatalog
            | CatalogReason::EmptyCrosswalk => K::Empty,
            CatalogReason::DepartmentNotKuan { .. } | CatalogReason::GovernmentNotKuan { .. } => {
                K::NotKuan
            }
        }
    }
}

/// What is wrong with the quotes of a line of a catalog or crosswalk file
/// ([`CatalogReason::UnreadableHeader`], [`CatalogReason::UnreadableRow`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "snake_case")
)]
#[non_exhaustive]
pub enum QuoteProblem {
    /// A quoted field whose quote is not closed.
    #[error("引号未闭合")]
    Unclosed,
    /// Text after a quoted field's closing quote.
    #[error("引号后应为逗号")]
    TextAfterQuote,
    /// A quote inside a field that is not quoted.
    #[error("未加引号的字段中有引号")]
    QuoteInField,
}

/// One line of a ledger that breaks its rules.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct LedgerProblem {
    /// Which list the line is in.
    pub list: LedgerList,
    /// Its 1-based position in that list.
    pub line: usize,
    /// The line as it displays.
    pub item: String,
    /// What is wrong with it, with the figures involved; `Display` says it in Chinese.
    pub reason: LedgerReason,
}

impl fmt::Display for LedgerProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}第 {} 行（{}）：{}",
            self.list, self.line, self.item, self.reason
        )
    }
}

/// Why a ledger line is refused ([`LedgerProblem::reason`], [`RowRejection::LedgerRule`]): the
/// ledger's rules, a closed set, each case with the figures and codes involved; `Display` says
/// it in Chinese.
///
/// In JSON (feature `serde`) it is an object with a stable snake_case `kind`, the case's fields
/// and its Chinese `message`; the `message` is ignored when it is read back, so the value
/// round-trips.
///
/// ```
/// use fiscal_cn::{Decimal, Error, ledger::{IncomeItem, Ledger, LedgerReason, UnitId}};
///
/// let income = IncomeItem {
///     unit: UnitId(1),
///     function: "201".parse()?,
///     source: fiscal_cn::dimensions::IncomeSource::Other,
///     amount: Decimal::ONE,
/// };
/// let Err(Error::Ledger { problems }) = Ledger::new(vec![], vec![income], vec![]) else { panic!() };
/// let code = "201".parse()?;
/// assert_eq!(problems[0].reason, LedgerReason::FunctionNotXiang { code });
/// assert_eq!(problems[0].reason.to_string(), "功能分类 201 不是项级（7 位）科目");
/// # Ok::<(), fiscal_cn::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, thiserror::Error)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(remote = "Self", tag = "kind", rename_all = "snake_case")
)]
#[non_exhaustive]
pub enum LedgerReason {
    /// An amount finer than 1 分.
    #[error("金额 {amount} 元超过 2 位小数（精确到分）")]
    FinerThanFen {
        /// The amount in 元, as given.
        #[cfg_attr(feature = "serde", serde(with = "rust_decimal::serde::str"))]
        amount: Decimal,
    },
    /// A 功能分类 that is no 项: lines are booked to 项.
    #[error("功能分类 {code} 不是项级（7 位）科目")]
    FunctionNotXiang {
        /// The code.
        code: FunctionCode,
    },
    /// A 经济分类 that is no 款: lines are booked to 款.
    #[error("经济分类 {code} 不是款级（5 位）科目")]
    EconomicNotKuan {
        /// The code.
        code: DepartmentEconomicCode,
    },
    /// Appropriations (财政拨款) spent on another kind than 基本支出 and 项目支出.
    #[error("财政拨款只能用于基本支出和项目支出，不能用于{spent_on}")]
    AppropriationForKind {
        /// The kind of expenditure it was spent on (a field not named `kind`, which is the
        /// JSON's tag).
        spent_on: ExpenditureKind,
    },
    /// A 基本支出 of 一般公共预算财政拨款 whose 经济分类 is neither 人员经费 nor 公用经费.
    #[error(
        "一般公共预算财政拨款基本支出须有人员经费或公用经费的经济分类科目（301、302、303、307、309、310、399）"
    )]
    BasicWithoutClass {
        /// The line's 经济分类, if any.
        economic: Option<DepartmentEconomicCode>,
    },
    /// A line with a new key where a bulk ledger holds no more of them.
    #[error("批量账本最多容纳 {} 个不同的{what}", what.limit())]
    Full {
        /// Which keys.
        what: Distinct,
    },
}

#[cfg(feature = "serde")]
serde_with_message!(LedgerReason);

/// The lists a [`Ledger`](crate::ledger::Ledger) is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, strum::Display)]
pub enum LedgerList {
    /// 支出明细.
    #[strum(to_string = "支出明细")]
    Expenditures,
    /// 收入明细.
    #[strum(to_string = "收入明细")]
    Incomes,
    /// 年初结转和结余.
    #[strum(to_string = "年初结转和结余")]
    OpeningBalances,
}

#[cfg(all(test, feature = "serde"))]
mod tests {
    use super::*;

    /// Writes `value` as JSON and reads it back; the JSON, for shape checks.
    fn round_trip<T>(value: &T) -> String
    where
        T: serde::Serialize + serde::de::DeserializeOwned + PartialEq + fmt::Debug,
    {
        let json = serde_json::to_string(value).unwrap();
        let read = serde_json::from_str::<T>(&json);
        assert_eq!(read.as_ref().ok(), Some(value), "{json}: {read:?}");
        json
    }

    #[test]
    fn every_ledger_and_catalog_reason_reads_back_from_json() {
        let code = |c: u32| FunctionCode::from_u32(c).unwrap();
        let department = |c: u32| DepartmentEconomicCode::from_u32(c).unwrap();
        let government = |c: u32| GovernmentEconomicCode::from_u32(c).unwrap();
        let ledger = [
            LedgerReason::FinerThanFen {
                amount: Decimal::new(1005, 3),
            },
            LedgerReason::FunctionNotXiang { code: code(20132) },
            LedgerReason::EconomicNotKuan {
                code: department(301),
            },
            LedgerReason::AppropriationForKind {
                spent_on: ExpenditureKind::Business,
            },
            LedgerReason::BasicWithoutClass {
                economic: Some(department(30201)),
            },
            LedgerReason::Full {
                what: Distinct::Units,
            },
        ];
        for reason in &ledger {
            round_trip(reason);
            round_trip(&RowRejection::LedgerRule {
                reason: reason.clone(),
            });
        }
        assert_eq!(
            round_trip(&ledger[0]),
            r#"{"kind":"finer_than_fen","amount":"1.005","message":"金额 1.005 元超过 2 位小数（精确到分）"}"#
        );
        let catalog = [
            CatalogReason::EmptyFile,
            CatalogReason::UnreadableHeader {
                problem: QuoteProblem::Unclosed,
            },
            CatalogReason::MissingColumns {
                missing: vec!["code".into(), "name".into()],
                expected: "code,name".into(),
            },
            CatalogReason::UnreadableRow {
                problem: QuoteProblem::QuoteInField,
            },
            CatalogReason::FieldCount {
                expected: 4,
                found: 3,
            },
            CatalogReason::InvalidCode {
                reason: "为空".into(),
            },
            CatalogReason::InvalidLevel {
                level: "乙".into()
            },
            CatalogReason::LevelMismatch {
                printed: Level::Lei,
                actual: Level::Kuan,
            },
            CatalogReason::EmptyName,
            CatalogReason::InvalidEvidence {
                word: "传闻".into(),
            },
            CatalogReason::DuplicateCode {
                first_line: Some(2),
            },
            CatalogReason::MissingParent {
                parent: "20599".into(),
            },
            CatalogReason::EmptyCatalog,
            CatalogReason::DepartmentNotKuan {
                code: department(301),
            },
            CatalogReason::GovernmentNotKuan {
                code: government(501),
            },
            CatalogReason::DuplicatePair {
                first_line: None,
                government: government(50101),
            },
            CatalogReason::EmptyCrosswalk,
        ];
        for reason in catalog {
            round_trip(&CatalogProblem::new(Some(3), Some("301".into()), reason));
        }
        assert_eq!(
            round_trip(&CatalogProblem::new(
                Some(3),
                Some("301".into()),
                CatalogReason::DepartmentNotKuan {
                    code: department(301)
                }
            )),
            r#"{"line":3,"code":"301","reason":{"kind":"department_not_kuan","code":"301","message":"对照表按款对应，部门预算支出经济分类 301 是类"}}"#
        );
    }

    #[test]
    fn a_nested_error_reads_back_as_its_message() {
        let error = "20x".parse::<FunctionCode>().unwrap_err();
        let reason = RowRejection::BadField {
            error: error.clone().into(),
        };
        let json = round_trip(&reason);
        let message = error.to_string();
        assert_eq!(
            json,
            format!(r#"{{"kind":"bad_field","error":"{message}","message":"{message}"}}"#)
        );
        let read: RowRejection = serde_json::from_str(&json).unwrap();
        let RowRejection::BadField { error: read } = read else {
            panic!("{read:?}")
        };
        // Only the message is left; it compares equal to the error it was written from.
        assert_eq!(read.error(), None);
        assert_eq!(read, NestedError::from(error));
    }
}
