//! 绩效: performance indicators, scoring and self-evaluation forms (docs/DOMAIN.md §5).
//!
//! - [`Indicator`] and its closed sets: [`IndicatorCategory`] (一级), [`IndicatorSubcategory`]
//!   (二级), [`IndicatorNature`] (指标性质), [`QualitativeOutcome`], and [`PrintedTarget`] for a
//!   printed 年度指标值 such as `≥95%`.
//! - Scoring as pure functions: [`execution_rate`], [`score_execution`], [`score_at_least`],
//!   [`score_at_most`], [`score_equal`], [`score_qualitative`], [`rescale_weights`],
//!   [`WeightScheme`], [`PerformanceGrade`], [`round_score_for_display`].
//! - The self-evaluation forms [`ProjectSelfEvaluation`] and [`DepartmentSelfEvaluation`], scored
//!   into a [`SelfEvaluationScore`] that keeps what was computed beside what was stated.
//!
//! **Rates and shares are `Decimal` percentage points**: `38.2` means 38.2%. A rate whose base is
//! zero is undefined ([`Undefined::ZeroBase`](crate::metrics::Undefined::ZeroBase), `None` in a
//! score), never 0 or 100. Scores are kept exact (quotients carry
//! `Decimal`'s 28 significant digits); round them only for display, with
//! [`round_score_for_display`] (四舍五入 to 2 decimals).

mod form;
mod indicator;
mod scoring;

pub use form::*;
pub use indicator::*;
pub use scoring::*;

use crate::error::Operation;
use crate::{Error, Result};
use rust_decimal::Decimal;

/// A negative weight (分值) is never acceptable.
fn check_weight(weight: Decimal) -> Result<()> {
    if weight.is_sign_negative() && !weight.is_zero() {
        return Err(Error::NegativeWeight { part: None, weight });
    }
    Ok(())
}

/// `weight × fraction`, where the caller guarantees `0 ≤ fraction ≤ 1`.
fn weighted(weight: Decimal, fraction: Decimal) -> Result<Decimal> {
    weight.checked_mul(fraction).ok_or(Error::Overflow {
        operation: Operation::PerformanceScore,
    })
}

/// Sums with overflow reported as [`Error::Overflow`].
fn checked_sum(values: impl IntoIterator<Item = Decimal>, operation: Operation) -> Result<Decimal> {
    values.into_iter().try_fold(Decimal::ZERO, |sum, value| {
        sum.checked_add(value).ok_or(Error::Overflow { operation })
    })
}

#[cfg(test)]
mod tests;
