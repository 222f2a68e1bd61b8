//! The crate's one error type.
//!
//! Every fallible function of the crate returns [`Result<T>`](crate::Result). The variants carry
//! structured fields (the offending input, a reason, the codes involved) so a program can act on
//! them, and their `Display` is a message in Chinese for the people who read it.
//! `rust_decimal`'s own error never appears here: arithmetic failures become [`Error::Overflow`].

use crate::classification::CatalogProblem;
use crate::dimensions::closed_set;
use crate::ledger::LedgerProblem;

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
        /// What was wrong with it, in Chinese.
        reason: String,
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

    /// A value was well-formed but not acceptable where it was used (a negative weight, weights
    /// that cannot be rescaled, …).
    #[error("{what}无效：{reason}")]
    InvalidInput {
        /// What was given, in Chinese.
        what: String,
        /// Why it is not acceptable, in Chinese with the figures involved.
        reason: String,
    },

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
