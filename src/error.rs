//! The crate's one error type.
//!
//! Every fallible function of the crate returns [`Result<T>`](crate::Result). The variants carry
//! structured fields (the offending input, a reason, the codes involved) so a program can act on
//! them, and their `Display` is a message in Chinese for the people who read it.
//! `rust_decimal`'s own error never appears here: arithmetic failures become [`Error::Overflow`].

use std::fmt;

use crate::closed_set::closed_set;

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

/// What kind of problem a [`CatalogProblem`] is.
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

/// One problem found while building a catalog (see [`Error::Catalog`]).
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct CatalogProblem {
    /// What kind of problem this is.
    pub kind: CatalogProblemKind,
    /// 1-based line number in the file, when the problem belongs to a line.
    pub line: Option<usize>,
    /// The code the problem is about, as text, when there is one.
    pub code: Option<String>,
    /// What is wrong, in Chinese.
    pub message: String,
}

impl CatalogProblem {
    pub(crate) fn new(
        kind: CatalogProblemKind,
        line: Option<usize>,
        code: Option<String>,
        message: impl Into<String>,
    ) -> Self {
        CatalogProblem {
            kind,
            line,
            code,
            message: message.into(),
        }
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
        f.write_str(&self.message)
    }
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
    /// What is wrong with it, in Chinese with the figures involved.
    pub reason: String,
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
