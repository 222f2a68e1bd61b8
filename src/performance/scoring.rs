//! Scoring rules of the self-evaluation (docs/DOMAIN.md §5) as pure functions.
//!
//! Every score is `weight × fraction` with the fraction clamped to `[0, 1]`: no bonus above full
//! `[practice]`, nothing below zero. Weights must not be negative.

use super::{check_weight, checked_sum, weighted};
use crate::closed_set::closed_set;
use crate::error::Operation;
use crate::metrics::{Undefined, completion_rate, rate_or_none};
use crate::{
    Error, Result,
    performance::{
        Indicator, IndicatorActual, IndicatorNature, IndicatorSubcategory, IndicatorTarget,
        QualitativeOutcome,
    },
};
use rust_decimal::{Decimal, RoundingStrategy};
use std::fmt;

fn clamp_fraction(fraction: Decimal) -> Decimal {
    fraction.clamp(Decimal::ZERO, Decimal::ONE)
}

/// Rounds a score (or rate) for display: 四舍五入 to at most 2 decimals.
///
/// Use it only when printing; every function of this module keeps exact values.
///
/// ```
/// use fiscal_cn::{Decimal, performance::round_score_for_display};
/// let d = |s: &str| s.parse::<Decimal>().unwrap();
/// assert_eq!(round_score_for_display(d("99.8888")), d("99.89"));
/// assert_eq!(round_score_for_display(d("2.345")), d("2.35")); // half up, not banker's 2.34
/// ```
#[must_use]
pub fn round_score_for_display(value: Decimal) -> Decimal {
    value.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
}

/// 预算执行率 = 执行数 / 全年预算数 × 100, in percentage points (docs/DOMAIN.md §5, `[seen]`; I-17):
/// [`completion_rate`](crate::metrics::completion_rate), normalized (no trailing zeros).
///
/// Negative amounts are taken as given. The quotient carries 28 significant digits.
///
/// # Errors
/// [`Undefined::ZeroBase`] when the budget is 0: the rate is undefined, never 0% or 100%;
/// [`Undefined::OutOfRange`] when the rate exceeds what a `Decimal` holds.
///
/// ```
/// use fiscal_cn::{Decimal, metrics::Undefined, performance::execution_rate};
/// let d = |s: &str| s.parse::<Decimal>().unwrap();
/// // 春节走访慰问工作资金: 19.1 of 50 万元.
/// assert_eq!(execution_rate(d("19.1"), d("50")), Ok(d("38.2")));
/// assert_eq!(execution_rate(d("3"), Decimal::ZERO), Err(Undefined::ZeroBase));
/// ```
pub fn execution_rate(
    executed: Decimal,
    budget: Decimal,
) -> std::result::Result<Decimal, Undefined> {
    completion_rate(executed, budget).map(|rate| rate.normalize())
}

/// The 预算执行率 part of a self-evaluation, as scored by [`score_execution`].
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct ExecutionScore {
    /// 预算执行率 in percentage points; `None` when the budget is 0.
    #[cfg_attr(feature = "serde", serde(with = "rust_decimal::serde::str_option"))]
    pub rate: Option<Decimal>,
    /// The weight the score was computed with.
    #[cfg_attr(feature = "serde", serde(with = "rust_decimal::serde::str"))]
    pub weight: Decimal,
    /// The exact score; `None` when the rate is undefined (a self-evaluation then treats the
    /// execution weight as not applicable).
    #[cfg_attr(feature = "serde", serde(with = "rust_decimal::serde::str_option"))]
    pub score: Option<Decimal>,
    /// The rate is above 100%: it scores full, but spending beyond the full-year budget is abnormal
    /// and deserves a finding.
    pub above_budget: bool,
}

/// Scores 预算执行率: `min(rate, 100%) × weight` (docs/DOMAIN.md §5: rate `[seen]`, score `[practice]`).
///
/// A rate above 100% scores full and sets [`ExecutionScore::above_budget`]; a negative rate scores
/// 0; a zero budget gives no rate and no score.
///
/// # Errors
/// [`Error::NegativeWeight`] for a negative weight; [`Error::Overflow`] when the rate is
/// [out of range](Undefined::OutOfRange).
///
/// ```
/// use fiscal_cn::{Decimal, performance::score_execution};
/// let d = |s: &str| s.parse::<Decimal>().unwrap();
/// // 干部人才工作经费: 94.99 of 80 万元 = 118.7375%, full 10 points, reported above budget.
/// let scored = score_execution(d("94.99"), d("80"), d("10"))?;
/// assert_eq!(scored.score, Some(d("10")));
/// assert!(scored.above_budget);
/// # Ok::<(), fiscal_cn::Error>(())
/// ```
pub fn score_execution(
    executed: Decimal,
    budget: Decimal,
    weight: Decimal,
) -> Result<ExecutionScore> {
    check_weight(weight)?;
    let rate = rate_or_none(execution_rate(executed, budget), Operation::ExecutionRate)?;
    let score = match rate {
        Some(rate) => {
            let fraction = clamp_fraction(rate / Decimal::ONE_HUNDRED);
            Some(weighted(weight, fraction)?)
        }
        None => None,
    };
    Ok(ExecutionScore {
        rate,
        weight,
        score,
        above_budget: rate.is_some_and(|rate| rate > Decimal::ONE_HUNDRED),
    })
}

/// Scores a ≥ (正向) indicator: `min(actual / target, 1) × weight` (docs/DOMAIN.md §5, `[S partial]`).
///
/// Reaching the target scores full whatever the target. Below a positive target the score is
/// proportional (a negative actual scores 0). Below a target ≤ 0 the ratio means nothing, so the
/// score is 0; in particular a target of 0 scores full for any actual ≥ 0.
///
/// # Errors
/// [`Error::NegativeWeight`] for a negative weight.
///
/// ```
/// use fiscal_cn::{Decimal, performance::score_at_least};
/// let d = |s: &str| s.parse::<Decimal>().unwrap();
/// // 目标 ≥95%, 完成 76%, 分值 10: 76 / 95 × 10 = 8.
/// assert_eq!(score_at_least(d("76"), d("95"), d("10"))?, d("8"));
/// # Ok::<(), fiscal_cn::Error>(())
/// ```
pub fn score_at_least(actual: Decimal, target: Decimal, weight: Decimal) -> Result<Decimal> {
    check_weight(weight)?;
    let fraction = if actual >= target {
        Decimal::ONE
    } else if target.is_sign_positive() && !target.is_zero() {
        // Overflow here means a hugely negative actual: 0 after clamping.
        actual
            .checked_div(target)
            .map_or(Decimal::ZERO, clamp_fraction)
    } else {
        Decimal::ZERO
    };
    weighted(weight, fraction)
}

/// Scores a ≤ (反向) indicator: `min(target / actual, 1) × weight` (docs/DOMAIN.md §5, `[S partial]`).
///
/// Staying within the target scores full (so an actual of 0 scores full for any target ≥ 0).
/// Above a positive target the score is proportional; above a target ≤ 0 it is 0.
///
/// # Errors
/// [`Error::NegativeWeight`] for a negative weight.
///
/// ```
/// use fiscal_cn::{Decimal, performance::score_at_most};
/// let d = |s: &str| s.parse::<Decimal>().unwrap();
/// // 目标 ≤3天, 实际 4天, 分值 8: 3 / 4 × 8 = 6.
/// assert_eq!(score_at_most(d("4"), d("3"), d("8"))?, d("6"));
/// # Ok::<(), fiscal_cn::Error>(())
/// ```
pub fn score_at_most(actual: Decimal, target: Decimal, weight: Decimal) -> Result<Decimal> {
    check_weight(weight)?;
    let fraction = if actual <= target {
        Decimal::ONE
    } else if target.is_sign_positive() && !target.is_zero() {
        target
            .checked_div(actual)
            .map_or(Decimal::ZERO, clamp_fraction)
    } else {
        Decimal::ZERO
    };
    weighted(weight, fraction)
}

/// How an = (等于) indicator that misses its target is scored (docs/DOMAIN.md §5: "otherwise reduced",
/// `[practice]`; the formula is a choice, so it is a parameter).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, strum::Display)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum EqualTargetRule {
    /// `max(0, 1 − |actual − target| / |target|) × weight`: reduced in proportion to the relative
    /// deviation, 0 from a deviation of 100% on. A target of 0 scores full only when met.
    #[default]
    #[strum(to_string = "按偏离程度扣分")]
    ProportionalDeviation,
    /// Full when equal, 0 otherwise.
    #[strum(to_string = "不等即不得分")]
    ExactOnly,
}

/// Scores an = (等于) indicator: full when equal, otherwise as `rule` says (docs/DOMAIN.md §5, `[practice]`).
///
/// # Errors
/// [`Error::NegativeWeight`] for a negative weight.
///
/// ```
/// use fiscal_cn::{Decimal, performance::{score_equal, EqualTargetRule}};
/// let d = |s: &str| s.parse::<Decimal>().unwrap();
/// // 目标 =100%, 完成 90%, 分值 10: (1 − 10/100) × 10 = 9.
/// assert_eq!(score_equal(d("90"), d("100"), d("10"), EqualTargetRule::default())?, d("9"));
/// assert_eq!(score_equal(d("90"), d("100"), d("10"), EqualTargetRule::ExactOnly)?, d("0"));
/// # Ok::<(), fiscal_cn::Error>(())
/// ```
pub fn score_equal(
    actual: Decimal,
    target: Decimal,
    weight: Decimal,
    rule: EqualTargetRule,
) -> Result<Decimal> {
    check_weight(weight)?;
    let fraction = if actual == target {
        Decimal::ONE
    } else if rule == EqualTargetRule::ExactOnly || target.is_zero() {
        Decimal::ZERO
    } else {
        // Overflow means a deviation far beyond 100%: 0.
        actual
            .checked_sub(target)
            .and_then(|gap| gap.abs().checked_div(target.abs()))
            .map_or(Decimal::ZERO, |deviation| {
                clamp_fraction(Decimal::ONE - deviation.min(Decimal::ONE))
            })
    };
    weighted(weight, fraction)
}

/// Scores a qualitative judgment within its band (docs/DOMAIN.md §5, `[practice]`).
///
/// `percent_of_weight` places the judgment inside the outcome's [band](QualitativeOutcome::band);
/// `None` takes the top of the band: 达成 100%, 部分达成 80%, 未达成 60% of the weight.
///
/// # Errors
/// [`Error::NegativeWeight`] for a negative weight; [`Error::OutsideBand`] for a percentage
/// outside the outcome's band.
///
/// ```
/// use fiscal_cn::{Decimal, performance::{score_qualitative, QualitativeOutcome}};
/// let d = |s: &str| s.parse::<Decimal>().unwrap();
/// assert_eq!(score_qualitative(QualitativeOutcome::PartlyAchieved, d("10"), None)?, d("8"));
/// assert_eq!(score_qualitative(QualitativeOutcome::PartlyAchieved, d("10"), Some(d("70")))?, d("7"));
/// assert!(score_qualitative(QualitativeOutcome::PartlyAchieved, d("10"), Some(d("85"))).is_err());
/// # Ok::<(), fiscal_cn::Error>(())
/// ```
pub fn score_qualitative(
    outcome: QualitativeOutcome,
    weight: Decimal,
    percent_of_weight: Option<Decimal>,
) -> Result<Decimal> {
    check_weight(weight)?;
    let (low, high) = outcome.band();
    let percent = percent_of_weight.unwrap_or(high);
    let inside = percent <= high && (percent > low || (low.is_zero() && percent.is_zero()));
    if !inside {
        return Err(Error::OutsideBand {
            outcome: outcome.name(),
            low,
            high,
            percent,
        });
    }
    weighted(weight, percent / Decimal::ONE_HUNDRED)
}

impl Indicator {
    /// An indicator row: its name, subcategory (which gives its category), nature, target,
    /// actual and weight (分值); no stated score or deviation reason, and applicable.
    #[must_use]
    pub fn new(
        name: impl Into<String>,
        subcategory: IndicatorSubcategory,
        nature: IndicatorNature,
        target: IndicatorTarget,
        actual: IndicatorActual,
        weight: Decimal,
    ) -> Self {
        Indicator {
            name: name.into(),
            category: subcategory.category(),
            subcategory,
            nature,
            target,
            actual,
            weight,
            stated_score: None,
            deviation_reason: None,
            not_applicable: false,
        }
    }

    /// The row with the score the form prints.
    #[must_use]
    pub fn with_stated_score(mut self, score: Decimal) -> Self {
        self.stated_score = Some(score);
        self
    }

    /// The row with the 偏差原因 the form prints.
    #[must_use]
    pub fn with_deviation_reason(mut self, reason: impl Into<String>) -> Self {
        self.deviation_reason = Some(reason.into());
        self
    }

    /// The row marked 不适用 (scored out of the total).
    #[must_use]
    pub fn marked_not_applicable(mut self) -> Self {
        self.not_applicable = true;
        self
    }

    /// Scores this indicator with its own weight; `None` when it is not applicable (不适用): a
    /// row scored out of the total, where the error is a row that cannot be scored.
    ///
    /// See [`score_with_weight`](Self::score_with_weight) for the rule used.
    ///
    /// # Errors
    /// As [`score_with_weight`](Self::score_with_weight).
    ///
    /// ```
    /// use fiscal_cn::{performance::*, prelude::*};
    /// let d = |s: &str| s.parse::<Decimal>().unwrap();
    /// let printed: PrintedTarget = "≥2800人次".parse()?;
    /// let row = Indicator::new(
    ///     "培训人次",
    ///     IndicatorSubcategory::Quantity,
    ///     printed.nature.unwrap_or(IndicatorNature::AtLeast),
    ///     printed.target,
    ///     IndicatorActual::Quantitative { value: d("2100") },
    ///     d("20"),
    /// );
    /// assert_eq!(row.score(EqualTargetRule::default())?, Some(d("15"))); // 2100 / 2800 × 20
    /// # Ok::<(), fiscal_cn::Error>(())
    /// ```
    pub fn score(&self, rule: EqualTargetRule) -> Result<Option<Decimal>> {
        if self.not_applicable {
            return Ok(None);
        }
        self.score_with_weight(self.weight, rule).map(Some)
    }

    /// Scores this indicator with `weight` (a rescaled weight, say), ignoring the not-applicable
    /// flag: a qualitative actual goes to [`score_qualitative`] whatever the nature; a numeric actual
    /// goes to [`score_at_least`], [`score_at_most`] or [`score_equal`] by nature.
    ///
    /// # Errors
    /// [`Error::NegativeWeight`] for a negative weight, [`Error::OutsideBand`] for a qualitative
    /// percentage outside its band, [`Error::NumberForWords`] for
    /// a numeric actual against a 定性 nature or a target in words.
    pub fn score_with_weight(&self, weight: Decimal, rule: EqualTargetRule) -> Result<Decimal> {
        let target = match &self.target {
            IndicatorTarget::Quantitative { value, .. } => Some(*value),
            IndicatorTarget::Qualitative { .. } => None,
        };
        match (&self.actual, self.nature, target) {
            (
                IndicatorActual::Qualitative {
                    outcome,
                    percent_of_weight,
                },
                _,
                _,
            ) => score_qualitative(*outcome, weight, *percent_of_weight),
            (IndicatorActual::Quantitative { value }, IndicatorNature::AtLeast, Some(target)) => {
                score_at_least(*value, target, weight)
            }
            (IndicatorActual::Quantitative { value }, IndicatorNature::AtMost, Some(target)) => {
                score_at_most(*value, target, weight)
            }
            (IndicatorActual::Quantitative { value }, IndicatorNature::Equal, Some(target)) => {
                score_equal(*value, target, weight, rule)
            }
            (IndicatorActual::Quantitative { value }, nature, _) => Err(Error::NumberForWords {
                indicator: self.name.clone(),
                value: *value,
                nature: nature.name(),
            }),
        }
    }
}

/// Drops not-applicable (不适用) weights and rescales the rest so that the total stays the same
/// (docs/DOMAIN.md §5, `[seen]`).
///
/// Input: `(weight, applicable)` pairs. Output, in the same order: the rescaled weight of each
/// applicable item, `None` for each dropped one. Each is `weight × total / applicable_total`, the
/// same exact computation for every item, so proportions are preserved to `Decimal`'s 28
/// significant digits and nothing is rounded; round only for display.
///
/// # Errors
/// [`Error::NegativeWeight`] for a negative weight; [`Error::NoApplicableWeight`] when weight
/// would have to be moved onto
/// applicable items whose weights are all 0; [`Error::Overflow`] when a sum or product overflows.
///
/// ```
/// use fiscal_cn::{Decimal, performance::rescale_weights};
/// let d = |s: &str| s.parse::<Decimal>().unwrap();
/// // 执行率 10, 指标 45 + 25 + 不适用 20: 100 points over the 80 kept, × 1.25 each.
/// let rescaled = rescale_weights(&[(d("10"), true), (d("45"), true), (d("25"), true), (d("20"), false)])?;
/// assert_eq!(rescaled, [Some(d("12.5")), Some(d("56.25")), Some(d("31.25")), None]);
/// # Ok::<(), fiscal_cn::Error>(())
/// ```
pub fn rescale_weights(weights: &[(Decimal, bool)]) -> Result<Vec<Option<Decimal>>> {
    const OPERATION: Operation = Operation::WeightRescaling;
    for (weight, _) in weights {
        check_weight(*weight)?;
    }
    let total = checked_sum(weights.iter().map(|(w, _)| *w), OPERATION)?;
    let kept = checked_sum(
        weights.iter().filter(|(_, a)| *a).map(|(w, _)| *w),
        OPERATION,
    )?;
    if kept.is_zero() && !total.is_zero() {
        return Err(Error::NoApplicableWeight { total });
    }
    weights
        .iter()
        .map(|&(weight, applicable)| {
            if !applicable {
                Ok(None)
            } else if kept == total {
                Ok(Some(weight))
            } else {
                weight
                    .checked_mul(total)
                    .and_then(|product| product.checked_div(kept))
                    .map(Some)
                    .ok_or(Error::Overflow {
                        operation: OPERATION,
                    })
            }
        })
        .collect()
}

/// How the 100 points of a self-evaluation are split (权重分配), in points.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct WeightSplit {
    /// 预算执行率.
    #[cfg_attr(feature = "serde", serde(with = "rust_decimal::serde::str"))]
    pub execution: Decimal,
    /// 产出指标.
    #[cfg_attr(feature = "serde", serde(with = "rust_decimal::serde::str"))]
    pub output: Decimal,
    /// 效益指标.
    #[cfg_attr(feature = "serde", serde(with = "rust_decimal::serde::str"))]
    pub outcome: Decimal,
    /// 满意度指标.
    #[cfg_attr(feature = "serde", serde(with = "rust_decimal::serde::str"))]
    pub satisfaction: Decimal,
    /// 成本指标.
    #[cfg_attr(feature = "serde", serde(with = "rust_decimal::serde::str"))]
    pub cost: Decimal,
}

impl WeightSplit {
    /// The central default: 预算执行率 10, 产出 50, 效益 30, 满意度 10, 成本 0
    /// (docs/DOMAIN.md §5, `[S secondary, K]`).
    #[must_use]
    pub fn central() -> Self {
        Self {
            execution: Decimal::TEN,
            output: Decimal::from(50),
            outcome: Decimal::from(30),
            satisfaction: Decimal::TEN,
            cost: Decimal::ZERO,
        }
    }

    fn parts(&self) -> [(&'static str, Decimal); 5] {
        [
            ("预算执行率", self.execution),
            ("产出指标", self.output),
            ("效益指标", self.outcome),
            ("满意度指标", self.satisfaction),
            ("成本指标", self.cost),
        ]
    }

    /// Checks that no part is negative and that the parts sum to 100.
    ///
    /// # Errors
    /// [`Error::NegativeWeight`] (with the part) or [`Error::WeightsNotHundred`]; [`Error::Overflow`] for a sum that
    /// overflows.
    ///
    /// ```
    /// use fiscal_cn::{Decimal, performance::WeightSplit};
    /// let mut split = WeightSplit::central();
    /// assert!(split.validate().is_ok());
    /// split.satisfaction = Decimal::from(5);
    /// let message = split.validate().unwrap_err().to_string();
    /// assert!(message.contains("合计 95"), "{message}");
    /// ```
    pub fn validate(&self) -> Result<()> {
        if let Some((name, weight)) = self.parts().into_iter().find(|(_, w)| *w < Decimal::ZERO) {
            return Err(Error::NegativeWeight {
                part: Some(name),
                weight,
            });
        }
        let total = checked_sum(self.parts().map(|(_, w)| w), Operation::WeightSum)?;
        if total != Decimal::ONE_HUNDRED {
            return Err(Error::WeightsNotHundred {
                split: self.to_string(),
                total,
            });
        }
        Ok(())
    }
}

impl fmt::Display for WeightSplit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, (name, weight)) in self.parts().into_iter().enumerate() {
            let separator = if i == 0 { "" } else { " + " };
            write!(f, "{separator}{name} {weight}")?;
        }
        Ok(())
    }
}

/// A weighting scheme chosen by the user; it is never hard-wired (docs/DOMAIN.md §5).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum WeightScheme {
    /// The central default split, [`WeightSplit::central`] (`[S secondary, K]`).
    #[default]
    Central,
    /// Sichuan: 预算执行率 10 and 绩效指标 90, split among the indicators freely (`[seen]`).
    Sichuan,
    /// The user's own expected split.
    Custom(WeightSplit),
}

impl fmt::Display for WeightScheme {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Central => write!(f, "中央部门默认权重（{}）", WeightSplit::central()),
            Self::Sichuan => f.write_str("四川省权重（预算执行率 10 + 绩效指标 90）"),
            Self::Custom(split) => write!(f, "自定义权重（{split}）"),
        }
    }
}

impl WeightScheme {
    /// Validates an actual split and compares it with this scheme: an invalid split is an error, a
    /// valid split that differs from the scheme is a warning returned as a value (the `Some` of
    /// the `Result<Option<_>>`), never a failure.
    ///
    /// # Errors
    /// [`Error::NegativeWeight`] or [`Error::WeightsNotHundred`] when `actual` (or a custom
    /// scheme's own split) has a negative part or
    /// does not sum to 100.
    ///
    /// ```
    /// use fiscal_cn::{Decimal, performance::{WeightScheme, WeightSplit}};
    /// let split = WeightSplit {
    ///     execution: Decimal::TEN,
    ///     output: Decimal::from(60),
    ///     outcome: Decimal::from(20),
    ///     satisfaction: Decimal::TEN,
    ///     cost: Decimal::ZERO,
    /// };
    /// assert!(WeightScheme::Sichuan.check(&split)?.is_none());
    /// assert!(WeightScheme::Central.check(&split)?.is_some()); // a warning, not an error
    /// # Ok::<(), fiscal_cn::Error>(())
    /// ```
    pub fn check(&self, actual: &WeightSplit) -> Result<Option<PerformanceNote>> {
        actual.validate()?;
        let differs = match self {
            Self::Central => *actual != WeightSplit::central(),
            Self::Sichuan => actual.execution != Decimal::TEN,
            Self::Custom(expected) => {
                expected.validate()?;
                actual != expected
            }
        };
        Ok(differs.then(|| PerformanceNote::NonDefaultWeights {
            scheme: self.clone(),
            actual: actual.clone(),
        }))
    }
}

closed_set! {
    /// 评价等级 from the total score (docs/DOMAIN.md §5, `[seen]`): 优 ≥ 90, 良 ≥ 80, 中 ≥ 60, 差 < 60.
    ///
    /// ```
    /// use fiscal_cn::{Decimal, performance::PerformanceGrade};
    /// assert_eq!(PerformanceGrade::from_score(Decimal::from(90)), PerformanceGrade::Excellent);
    /// assert_eq!("良".parse::<PerformanceGrade>()?, PerformanceGrade::Good);
    /// assert_eq!(PerformanceGrade::Poor.to_string(), "差");
    /// # Ok::<(), fiscal_cn::Error>(())
    /// ```
    pub enum PerformanceGrade: "评价等级" {
        /// 优 (≥ 90).
        Excellent = "优" ["优秀"],
        /// 良 (≥ 80).
        Good = "良" ["良好"],
        /// 中 (≥ 60).
        Fair = "中" ["中等"],
        /// 差 (< 60).
        Poor = "差" ["较差"],
    }
}

impl PerformanceGrade {
    /// The grade of `score`, compared as given (a self-evaluation grades its displayed total).
    #[must_use]
    pub fn from_score(score: Decimal) -> Self {
        if score >= Decimal::from(90) {
            Self::Excellent
        } else if score >= Decimal::from(80) {
            Self::Good
        } else if score >= Decimal::from(60) {
            Self::Fair
        } else {
            Self::Poor
        }
    }
}

/// Something a scorer noticed that is worth a reader's attention but is not an error.
///
/// `Display` gives the message in Chinese; figures in messages are rounded for display, the fields
/// keep them exact.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum PerformanceNote {
    /// 预算执行率 above 100%: scored full, but abnormal (docs/DOMAIN.md §5, `[seen]`).
    ExecutionAboveBudget {
        /// The exact rate, in percentage points.
        #[cfg_attr(feature = "serde", serde(with = "rust_decimal::serde::str"))]
        rate: Decimal,
    },
    /// 预算执行率 below 90%: Sichuan asks for the reason (docs/DOMAIN.md §5, `[seen]`).
    ExecutionBelowNinety {
        /// The exact rate, in percentage points.
        #[cfg_attr(feature = "serde", serde(with = "rust_decimal::serde::str"))]
        rate: Decimal,
    },
    /// No usable budget (0 or not filled in): the rate is undefined and the execution weight is
    /// treated as not applicable.
    ExecutionRateUndefined,
    /// 全年预算数 was not filled in; 年初预算数 was used as the base of the rate.
    InitialBudgetUsedAsBase,
    /// The actual split differs from the chosen scheme.
    NonDefaultWeights {
        /// The scheme compared against.
        scheme: WeightScheme,
        /// The split found.
        actual: WeightSplit,
    },
    /// Not-applicable weights were dropped and the rest rescaled.
    WeightsRescaled {
        /// The points dropped.
        #[cfg_attr(feature = "serde", serde(with = "rust_decimal::serde::str"))]
        dropped: Decimal,
        /// The total kept.
        #[cfg_attr(feature = "serde", serde(with = "rust_decimal::serde::str"))]
        total: Decimal,
    },
    /// A row's 二级指标 belongs to another 一级指标 than the one printed on the row.
    SubcategoryMismatch {
        /// The indicator's name.
        indicator: String,
        /// The 一级指标 printed.
        category: crate::performance::IndicatorCategory,
        /// The 二级指标 printed.
        subcategory: crate::performance::IndicatorSubcategory,
    },
}

impl fmt::Display for PerformanceNote {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::ExecutionAboveBudget { rate } => write!(
                f,
                "预算执行率 {}% 超过 100%，按满分计分；执行数大于全年预算数，应核实是否调整预算",
                round_score_for_display(*rate)
            ),
            Self::ExecutionBelowNinety { rate } => write!(
                f,
                "预算执行率 {}% 低于 90%，应说明原因",
                round_score_for_display(*rate)
            ),
            Self::ExecutionRateUndefined => f.write_str(
                "全年预算数为 0 或未填列，预算执行率无法计算（不是 0% 也不是 100%），其分值按不适用处理",
            ),
            Self::InitialBudgetUsedAsBase => {
                f.write_str("未填列全年预算数，以年初预算数计算预算执行率")
            }
            Self::NonDefaultWeights { scheme, actual } => {
                write!(f, "权重分配（{actual}）与{scheme}不同")
            }
            Self::WeightsRescaled { dropped, total } => write!(
                f,
                "不适用的评分项共 {dropped} 分已剔除，其余分值按比例调整，总分仍为 {total}"
            ),
            Self::SubcategoryMismatch {
                indicator,
                category,
                subcategory,
            } => write!(
                f,
                "指标“{indicator}”的二级指标“{subcategory}”属于“{}”，与所填一级指标“{category}”不一致",
                subcategory.category()
            ),
        }
    }
}
