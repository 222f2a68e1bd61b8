//! Printed precision and rounding-aware comparison (docs/DOMAIN.md §2).
//!
//! A published figure is a rounded image of an exact value. Printed with `d` decimals under
//! 四舍五入 (half away from zero), `v > 0` stands for every exact value in its *preimage*
//! `[v − ½·10⁻ᵈ, v + ½·10⁻ᵈ)`; under truncation (截尾) for `[v, v + 10⁻ᵈ)`. Negative values and
//! zero mirror that (see [`Printed::preimage`]).
//!
//! An identity between published figures holds when **some** exact values, one from each
//! preimage, satisfy it exactly. That gives the three answers of [`Consistency`]:
//!
//! - a parent with four 项 printed `550.13` against parts summing to `550.12` is
//!   [`Consistency::Consistent`]: five half-cents of rounding allow up to 0.025 (a tail
//!   difference, 尾差);
//! - a 类 printed `81.05` against its only 项 `81.06` is [`Consistency::Inconsistent`]: one
//!   exact value cannot round to two different figures;
//! - `729.25 / 775.31` printed as `94.05%` is [`Consistency::TruncationOnly`]: the exact share
//!   is 94.0591…%, which 四舍五入 prints as 94.06%.
//!
//! ```
//! use fiscal_cn::precision::{check_ratio, check_sum, Consistency, Printed};
//!
//! let p = |s: &str| Printed::parse_amount(s, 2);
//! let tail = check_sum(p("550.13")?, &[p("237.25")?, p("22")?, p("24.65")?, p("266.22")?])?;
//! assert_eq!(tail.verdict, Consistency::Consistent);
//! assert_eq!(tail.difference.to_string(), "0.01");
//! assert_eq!(tail.allowance.to_string(), "0.025");
//!
//! let single = check_sum(p("81.05")?, &[p("81.06")?])?;
//! assert_eq!(single.verdict, Consistency::Inconsistent);
//!
//! let share = check_ratio(Printed::parse_percent("94.05%")?, p("729.25")?, p("775.31")?)?
//!     .expect("the whole is not zero");
//! assert_eq!(share.verdict, Consistency::TruncationOnly);
//! assert_eq!(share.expected.to_string(), "94.06");
//! # Ok::<(), fiscal_cn::Error>(())
//! ```

// Each file holds one concern; the fast integer paths stay private to theirs, behind the
// functions re-exported here.
mod interval;
mod powers;
mod printed;
mod rate;
mod sum;
#[cfg(test)]
mod testing;

pub use interval::Interval;
pub use printed::Printed;
pub use rate::{RateCheck, check_growth, check_growth_from_prior, check_ratio};
pub use sum::{SumCheck, check_balance, check_sum};

pub(crate) use powers::{TEN_TO, power_of_ten};
pub(crate) use printed::half_unit_of;
pub(crate) use rate::{RateForm, check_rate, rate_is_rounded};
pub(crate) use sum::check_balance_of;

/// How an author turned exact values into printed ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, strum::Display)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum RoundingMode {
    /// 四舍五入: half away from zero, the rule.
    #[strum(to_string = "四舍五入")]
    HalfUp,
    /// 截尾: toward zero, observed in real narratives.
    #[strum(to_string = "截尾")]
    Truncate,
}

/// The answer to "can these published figures come from exact values that satisfy the
/// identity?".
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, strum::Display)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Consistency {
    /// Some exact values rounded 四舍五入 print as published and satisfy the identity. A
    /// nonzero difference is then a tail difference (尾差), not an error.
    #[strum(to_string = "一致")]
    Consistent,
    /// Only if the author truncated (截尾) instead of rounding can the figures be right.
    #[strum(to_string = "仅在截尾时一致")]
    TruncationOnly,
    /// No exact values that print as published satisfy the identity.
    #[strum(to_string = "不一致")]
    Inconsistent,
}
