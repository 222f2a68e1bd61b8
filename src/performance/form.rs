//! The self-evaluation forms (项目支出绩效自评表, 部门整体支出绩效自评表) and their scoring.

use super::{checked_sum, rescale_weights};
use crate::error::Operation;
use crate::metrics::rate_or_none;
use crate::{
    Result,
    performance::{
        EqualTargetRule, ExecutionScore, Indicator, IndicatorCategory, PerformanceGrade,
        PerformanceNote, WeightScheme, WeightSplit, execution_rate, round_score_for_display,
        score_execution,
    },
};
use rust_decimal::Decimal;

/// One row of a form's funds block, in the form's money unit (万元 or 元; the rate does not care).
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct FundLine {
    /// 年初预算数.
    #[cfg_attr(
        feature = "serde",
        serde(default, with = "rust_decimal::serde::str_option")
    )]
    pub initial_budget: Option<Decimal>,
    /// 全年预算数 (调整后预算数).
    #[cfg_attr(
        feature = "serde",
        serde(default, with = "rust_decimal::serde::str_option")
    )]
    pub full_year_budget: Option<Decimal>,
    /// 全年执行数.
    #[cfg_attr(
        feature = "serde",
        serde(default, with = "rust_decimal::serde::str_option")
    )]
    pub executed: Option<Decimal>,
}

/// A form's funds block: amounts by source, and the 预算执行率 item with its weight and score.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct FundsBlock {
    /// 年度资金总额 (合计): the rate is computed from this line.
    pub total: FundLine,
    /// 其中：财政拨款.
    #[cfg_attr(feature = "serde", serde(default))]
    pub fiscal: Option<FundLine>,
    /// 其他资金.
    #[cfg_attr(feature = "serde", serde(default))]
    pub other: Option<FundLine>,
    /// 预算执行率's 分值.
    #[cfg_attr(feature = "serde", serde(with = "rust_decimal::serde::str"))]
    pub weight: Decimal,
    /// 执行率 as stated, in percentage points.
    #[cfg_attr(
        feature = "serde",
        serde(default, with = "rust_decimal::serde::str_option")
    )]
    pub stated_rate: Option<Decimal>,
    /// 得分 of the execution item as stated.
    #[cfg_attr(
        feature = "serde",
        serde(default, with = "rust_decimal::serde::str_option")
    )]
    pub stated_score: Option<Decimal>,
    /// 偏差原因 of the execution item as stated (Sichuan asks for one below 90%; above 100% is
    /// abnormal), if any.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub deviation_reason: Option<String>,
}

/// 项目支出绩效自评表: one project's self-evaluation form (docs/DOMAIN.md §5, `[seen]`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct ProjectSelfEvaluation {
    /// 项目名称.
    pub project_name: String,
    /// 主管部门 / 实施单位.
    pub department: String,
    /// 年度.
    pub year: u16,
    /// 项目资金.
    pub funds: FundsBlock,
    /// 绩效指标 rows.
    pub indicators: Vec<Indicator>,
    /// 总分 as stated.
    #[cfg_attr(
        feature = "serde",
        serde(default, with = "rust_decimal::serde::str_option")
    )]
    pub stated_total: Option<Decimal>,
    /// 评价结论 / 总体目标完成情况 text.
    #[cfg_attr(feature = "serde", serde(default))]
    pub conclusion: Option<String>,
}

/// 部门整体支出绩效自评表: a department's self-evaluation form (docs/DOMAIN.md §5, `[S/K]`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct DepartmentSelfEvaluation {
    /// 部门（单位）名称.
    pub department: String,
    /// 年度.
    pub year: u16,
    /// 部门资金 by source, with the 预算执行率 item.
    pub funds: FundsBlock,
    /// 按支出性质分：基本支出.
    #[cfg_attr(feature = "serde", serde(default))]
    pub basic_expenditure: Option<FundLine>,
    /// 按支出性质分：项目支出.
    #[cfg_attr(feature = "serde", serde(default))]
    pub project_expenditure: Option<FundLine>,
    /// 绩效指标 rows.
    pub indicators: Vec<Indicator>,
    /// 总分 as stated.
    #[cfg_attr(
        feature = "serde",
        serde(default, with = "rust_decimal::serde::str_option")
    )]
    pub stated_total: Option<Decimal>,
    /// 评价结论 text.
    #[cfg_attr(feature = "serde", serde(default))]
    pub conclusion: Option<String>,
}

/// The choices a scorer makes that the rules leave open.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct ScoringPolicy {
    /// The expected weight split; a different split is a warning note.
    pub weights: WeightScheme,
    /// How = indicators that miss their target are scored.
    pub equal_target: EqualTargetRule,
}

/// The execution item of a scored form: computed beside stated.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct ScoredExecution {
    /// As computed; its `weight` is the weight after rescaling (the printed one when the rate is
    /// undefined and the item was dropped).
    pub computed: ExecutionScore,
    /// 执行率 as stated.
    #[cfg_attr(feature = "serde", serde(with = "rust_decimal::serde::str_option"))]
    pub stated_rate: Option<Decimal>,
    /// 得分 as stated.
    #[cfg_attr(feature = "serde", serde(with = "rust_decimal::serde::str_option"))]
    pub stated_score: Option<Decimal>,
}

/// An indicator row of a scored form: computed beside stated.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct ScoredIndicator {
    /// The indicator's name.
    pub name: String,
    /// The weight after rescaling; `None` when not applicable.
    #[cfg_attr(feature = "serde", serde(with = "rust_decimal::serde::str_option"))]
    pub weight: Option<Decimal>,
    /// The exact computed score; `None` when not applicable.
    #[cfg_attr(feature = "serde", serde(with = "rust_decimal::serde::str_option"))]
    pub score: Option<Decimal>,
    /// 得分 as stated.
    #[cfg_attr(feature = "serde", serde(with = "rust_decimal::serde::str_option"))]
    pub stated_score: Option<Decimal>,
}

/// A scored self-evaluation form: every computed figure beside the stated one, so that a checker
/// can compare them. Differences are data here, not errors.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct SelfEvaluationScore {
    /// The 预算执行率 item.
    pub execution: ScoredExecution,
    /// The indicator rows, in form order.
    pub indicators: Vec<ScoredIndicator>,
    /// The weight split found on the form (before any rescaling).
    pub weights: WeightSplit,
    /// The exact computed total.
    #[cfg_attr(feature = "serde", serde(with = "rust_decimal::serde::str"))]
    pub total: Decimal,
    /// The computed total for display (四舍五入 to 2 decimals).
    #[cfg_attr(feature = "serde", serde(with = "rust_decimal::serde::str"))]
    pub total_for_display: Decimal,
    /// The grade of the displayed total, so that a printed score and grade never disagree.
    pub grade: PerformanceGrade,
    /// 总分 as stated.
    #[cfg_attr(feature = "serde", serde(with = "rust_decimal::serde::str_option"))]
    pub stated_total: Option<Decimal>,
    /// What the scorer noticed, in the order found.
    pub notes: Vec<PerformanceNote>,
}

impl FundsBlock {
    /// The 预算执行率 row of a form: the total line and the row's weight (分值); no fiscal or
    /// other line, stated rate, stated score or deviation reason.
    #[must_use]
    pub fn new(total: FundLine, weight: Decimal) -> Self {
        FundsBlock {
            total,
            weight,
            ..FundsBlock::default()
        }
    }

    /// The block with its 财政拨款 line.
    #[must_use]
    pub fn with_fiscal(mut self, line: FundLine) -> Self {
        self.fiscal = Some(line);
        self
    }

    /// The block with its 其他资金 line.
    #[must_use]
    pub fn with_other(mut self, line: FundLine) -> Self {
        self.other = Some(line);
        self
    }

    /// The block with the 执行率 (in percent) and the score the form prints.
    #[must_use]
    pub fn with_stated(mut self, rate: Option<Decimal>, score: Option<Decimal>) -> Self {
        self.stated_rate = rate;
        self.stated_score = score;
        self
    }

    /// The block with the 偏差原因 the form prints.
    #[must_use]
    pub fn with_deviation_reason(mut self, reason: impl Into<String>) -> Self {
        self.deviation_reason = Some(reason.into());
        self
    }
}

impl ScoringPolicy {
    /// The policy with `weights` as the expected split.
    #[must_use]
    pub fn with_weights(mut self, weights: WeightScheme) -> Self {
        self.weights = weights;
        self
    }

    /// The policy scoring = indicators that miss their target by `rule`.
    #[must_use]
    pub fn with_equal_target(mut self, rule: EqualTargetRule) -> Self {
        self.equal_target = rule;
        self
    }
}

impl ProjectSelfEvaluation {
    /// A project's self-evaluation form: the project, its department and year, the 预算执行率
    /// row and the indicator rows; no stated total or conclusion.
    #[must_use]
    pub fn new(
        project_name: impl Into<String>,
        department: impl Into<String>,
        year: u16,
        funds: FundsBlock,
        indicators: Vec<Indicator>,
    ) -> Self {
        ProjectSelfEvaluation {
            project_name: project_name.into(),
            department: department.into(),
            year,
            funds,
            indicators,
            stated_total: None,
            conclusion: None,
        }
    }

    /// The form with the 总分 it prints.
    #[must_use]
    pub fn with_stated_total(mut self, total: Decimal) -> Self {
        self.stated_total = Some(total);
        self
    }

    /// The form with its 评价结论.
    #[must_use]
    pub fn with_conclusion(mut self, conclusion: impl Into<String>) -> Self {
        self.conclusion = Some(conclusion.into());
        self
    }

    /// Scores the form: see [`DepartmentSelfEvaluation::score`] for the procedure, which is the
    /// same.
    ///
    /// # Errors
    /// As [`DepartmentSelfEvaluation::score`].
    ///
    /// ```
    /// use fiscal_cn::{performance::*, prelude::*};
    /// let d = |s: &str| s.parse::<Decimal>().unwrap();
    /// let row = |name: &str, sub: IndicatorSubcategory, weight: &str| {
    ///     let target = IndicatorTarget::Qualitative { text: "完成".into() };
    ///     let actual = IndicatorActual::Qualitative {
    ///         outcome: QualitativeOutcome::Achieved,
    ///         percent_of_weight: None,
    ///     };
    ///     Indicator::new(name, sub, IndicatorNature::Qualitative, target, actual, d(weight))
    /// };
    /// let budget = FundLine { initial_budget: Some(d("50")), full_year_budget: None, executed: Some(d("19.1")) };
    /// let form = ProjectSelfEvaluation::new(
    ///     "春节走访慰问工作资金",
    ///     "中共乐山市金口河区委组织部",
    ///     2024,
    ///     FundsBlock::new(budget, d("10")),
    ///     vec![
    ///         row("走访慰问对象覆盖", IndicatorSubcategory::Quantity, "50"),
    ///         row("社会和谐稳定", IndicatorSubcategory::SocialBenefit, "30"),
    ///         row("慰问对象满意度", IndicatorSubcategory::ServiceRecipientSatisfaction, "10"),
    ///     ],
    /// )
    /// .with_stated_total(d("100"));
    /// let scored = form.score(&ScoringPolicy::default())?;
    /// assert_eq!(scored.execution.computed.rate, Some(d("38.2")));
    /// assert_eq!(scored.total, d("93.82")); // 3.82 + 50 + 30 + 10
    /// assert_eq!(scored.grade, PerformanceGrade::Excellent);
    /// assert_ne!(scored.stated_total, Some(scored.total)); // a difference, reported as data
    /// # Ok::<(), fiscal_cn::Error>(())
    /// ```
    pub fn score(&self, policy: &ScoringPolicy) -> Result<SelfEvaluationScore> {
        score_form(&self.funds, &self.indicators, self.stated_total, policy)
    }
}

impl DepartmentSelfEvaluation {
    /// Scores the form.
    ///
    /// 1. The weight split is read from the form (预算执行率 and each 一级指标's rows, 不适用 rows
    ///    included), validated (≥ 0, sums to 100: otherwise an error) and compared with
    ///    `policy.weights` (a difference is a note).
    /// 2. The rate is 全年执行数 / 全年预算数 of the 合计 line, falling back to 年初预算数 (noted).
    ///    An undefined rate makes the execution item not applicable.
    /// 3. Not-applicable items are dropped and the other weights rescaled ([`rescale_weights`]).
    /// 4. Each item is scored with its rescaled weight ([`score_execution`],
    ///    [`Indicator::score_with_weight`]), the total is their exact sum, capped at the form's 100
    ///    points because rescaled weights carry 28 significant digits and may sum a last digit
    ///    above it, and the grade is that of the total rounded for display.
    ///
    /// # Errors
    /// [`crate::Error::NegativeWeight`] or [`crate::Error::WeightsNotHundred`] for an invalid
    /// weight split, [`crate::Error::NoApplicableWeight`] when no applicable item weighs
    /// anything, the errors of [`Indicator::score_with_weight`] for a row that cannot be scored;
    /// [`crate::Error::Overflow`] for amounts too large to divide or sum.
    pub fn score(&self, policy: &ScoringPolicy) -> Result<SelfEvaluationScore> {
        score_form(&self.funds, &self.indicators, self.stated_total, policy)
    }
}

/// The split printed on a form: the execution weight and each 一级指标's rows (不适用 included).
fn weight_split(execution: Decimal, indicators: &[Indicator]) -> Result<WeightSplit> {
    let category_weight = |category| {
        checked_sum(
            indicators
                .iter()
                .filter(|row| row.category == category)
                .map(|row| row.weight),
            Operation::WeightSum,
        )
    };
    Ok(WeightSplit {
        execution,
        output: category_weight(IndicatorCategory::Output)?,
        outcome: category_weight(IndicatorCategory::Outcome)?,
        satisfaction: category_weight(IndicatorCategory::Satisfaction)?,
        cost: category_weight(IndicatorCategory::Cost)?,
    })
}

/// The one scoring procedure behind both forms (documented on [`DepartmentSelfEvaluation::score`]).
fn score_form(
    funds: &FundsBlock,
    indicators: &[Indicator],
    stated_total: Option<Decimal>,
    policy: &ScoringPolicy,
) -> Result<SelfEvaluationScore> {
    let mut notes = Vec::new();

    let weights = weight_split(funds.weight, indicators)?;
    notes.extend(policy.weights.check(&weights)?);

    let base = match (funds.total.full_year_budget, funds.total.initial_budget) {
        (Some(full_year), _) => Some(full_year),
        (None, Some(initial)) => {
            notes.push(PerformanceNote::InitialBudgetUsedAsBase);
            Some(initial)
        }
        (None, None) => None,
    };
    let amounts = base.zip(funds.total.executed);
    let rate = match amounts {
        Some((budget, executed)) => {
            rate_or_none(execution_rate(executed, budget), Operation::ExecutionRate)?
        }
        None => None,
    };

    let applicable: Vec<(Decimal, bool)> = std::iter::once((funds.weight, rate.is_some()))
        .chain(
            indicators
                .iter()
                .map(|row| (row.weight, !row.not_applicable)),
        )
        .collect();
    let rescaled = rescale_weights(&applicable)?;
    let dropped = checked_sum(
        applicable.iter().filter(|(_, a)| !a).map(|(w, _)| *w),
        Operation::WeightSum,
    )?;
    if !dropped.is_zero() {
        notes.push(PerformanceNote::WeightsRescaled {
            dropped,
            total: Decimal::ONE_HUNDRED,
        });
    }

    let execution = match (amounts, rescaled.first().copied().flatten()) {
        (Some((budget, executed)), Some(weight)) => score_execution(executed, budget, weight)?,
        _ => ExecutionScore {
            rate: None,
            weight: funds.weight,
            score: None,
            above_budget: false,
        },
    };
    notes.extend(match execution.rate {
        None => Some(PerformanceNote::ExecutionRateUndefined),
        Some(rate) if rate > Decimal::ONE_HUNDRED => {
            Some(PerformanceNote::ExecutionAboveBudget { rate })
        }
        Some(rate) if rate < Decimal::from(90) => {
            Some(PerformanceNote::ExecutionBelowNinety { rate })
        }
        Some(_) => None,
    });
    let mut scored_rows = Vec::with_capacity(indicators.len());
    for (row, weight) in indicators.iter().zip(rescaled.iter().skip(1)) {
        if row.subcategory.category() != row.category {
            notes.push(PerformanceNote::SubcategoryMismatch {
                indicator: row.name.clone(),
                category: row.category,
                subcategory: row.subcategory,
            });
        }
        let score = weight
            .map(|weight| row.score_with_weight(weight, policy.equal_target))
            .transpose()?;
        scored_rows.push(ScoredIndicator {
            name: row.name.clone(),
            weight: *weight,
            score,
            stated_score: row.stated_score,
        });
    }

    let total = checked_sum(
        execution
            .score
            .into_iter()
            .chain(scored_rows.iter().filter_map(|row| row.score)),
        Operation::ScoreSum,
    )?
    .min(Decimal::ONE_HUNDRED);
    let total_for_display = round_score_for_display(total);
    Ok(SelfEvaluationScore {
        execution: ScoredExecution {
            computed: execution,
            stated_rate: funds.stated_rate,
            stated_score: funds.stated_score,
        },
        indicators: scored_rows,
        weights,
        total,
        total_for_display,
        grade: PerformanceGrade::from_score(total_for_display),
        stated_total,
        notes,
    })
}
