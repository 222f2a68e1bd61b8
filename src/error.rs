//! The crate's one error type.
//!
//! Every fallible function of the crate returns [`Result<T>`](crate::Result). The variants carry
//! structured fields (the offending input, a reason, the codes involved) so a program can act on
//! them, and their `Display` is a message in Chinese for the people who read it.
//! `rust_decimal`'s own error never appears here: arithmetic failures become [`Error::Overflow`].

use crate::classification::CatalogProblem;

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

    /// An arithmetic result does not fit the exact decimal representation.
    #[error("{operation}溢出：结果超出可精确表示的范围")]
    Overflow {
        /// The operation that overflowed, in Chinese (e.g. `金额求和`).
        operation: &'static str,
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

    /// A file could not be read.
    #[error("读取“{path}”失败：{message}")]
    Io {
        /// The path as given.
        path: String,
        /// The operating system's message.
        message: String,
    },
}

/// `Result` with the crate's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
