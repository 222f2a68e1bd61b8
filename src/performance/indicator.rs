//! The indicator tree: 一级/二级 categories, 指标性质, targets, actuals and the 三级 indicator.

use crate::closed_set::closed_set;
use crate::{Error, Result};
use rust_decimal::Decimal;
use std::str::FromStr;

closed_set! {
    /// 一级指标: the first level of the performance indicator tree (docs/DOMAIN.md §5, `[seen]`; 成本指标 `[practice]`).
    ///
    /// Displays as the full Chinese name and parses with or without the trailing `指标`.
    ///
    /// ```
    /// use fiscal_cn::performance::IndicatorCategory;
    /// assert_eq!("效益".parse::<IndicatorCategory>()?, IndicatorCategory::Outcome);
    /// assert_eq!(IndicatorCategory::Outcome.to_string(), "效益指标");
    /// # Ok::<(), fiscal_cn::Error>(())
    /// ```
    pub enum IndicatorCategory: "一级指标" {
        /// 产出指标.
        Output = "产出指标" ["产出"],
        /// 效益指标.
        Outcome = "效益指标" ["效益"],
        /// 满意度指标.
        Satisfaction = "满意度指标" ["满意度"],
        /// 成本指标 (the newer framework).
        Cost = "成本指标" ["成本"],
    }
}

impl IndicatorCategory {
    /// The 二级指标 that belong to this category, in the usual printed order.
    ///
    /// ```
    /// use fiscal_cn::performance::IndicatorCategory;
    /// let names: Vec<String> =
    ///     IndicatorCategory::Satisfaction.subcategories().map(|s| s.to_string()).collect();
    /// assert_eq!(names, ["服务对象满意度指标"]);
    /// ```
    pub fn subcategories(self) -> impl Iterator<Item = IndicatorSubcategory> {
        IndicatorSubcategory::ALL
            .iter()
            .copied()
            .filter(move |s| s.category() == self)
    }
}

closed_set! {
    /// 二级指标: the second level of the indicator tree (docs/DOMAIN.md §5, `[seen]`; the 成本 branch `[practice]`).
    ///
    /// Displays as the full Chinese name and parses with or without the trailing `指标`. `成本指标`
    /// parses as the 产出 branch's [`OutputCost`](Self::OutputCost); the 成本 branch's members carry
    /// their own prefixes (经济成本, 社会成本, 生态环境成本).
    ///
    /// ```
    /// use fiscal_cn::performance::{IndicatorCategory, IndicatorSubcategory};
    /// let sub: IndicatorSubcategory = "时效指标".parse()?;
    /// assert_eq!(sub.category(), IndicatorCategory::Output);
    /// # Ok::<(), fiscal_cn::Error>(())
    /// ```
    pub enum IndicatorSubcategory: "二级指标" {
        /// 数量指标 (产出).
        Quantity = "数量指标" ["数量"],
        /// 质量指标 (产出).
        Quality = "质量指标" ["质量"],
        /// 时效指标 (产出).
        Timeliness = "时效指标" ["时效"],
        /// 成本指标 (产出).
        OutputCost = "成本指标" ["成本"],
        /// 经济效益指标 (效益).
        EconomicBenefit = "经济效益指标" ["经济效益"],
        /// 社会效益指标 (效益).
        SocialBenefit = "社会效益指标" ["社会效益"],
        /// 生态效益指标 (效益).
        EcologicalBenefit = "生态效益指标" ["生态效益"],
        /// 可持续影响指标 (效益).
        SustainableImpact = "可持续影响指标" ["可持续影响"],
        /// 服务对象满意度指标 (满意度).
        ServiceRecipientSatisfaction = "服务对象满意度指标" ["服务对象满意度"],
        /// 经济成本指标 (成本).
        EconomicCost = "经济成本指标" ["经济成本"],
        /// 社会成本指标 (成本).
        SocialCost = "社会成本指标" ["社会成本"],
        /// 生态环境成本指标 (成本).
        EnvironmentalCost = "生态环境成本指标" ["生态环境成本"],
    }
}

impl IndicatorSubcategory {
    /// The 一级指标 this 二级指标 belongs to.
    #[must_use]
    pub fn category(self) -> IndicatorCategory {
        match self {
            Self::Quantity | Self::Quality | Self::Timeliness | Self::OutputCost => {
                IndicatorCategory::Output
            }
            Self::EconomicBenefit
            | Self::SocialBenefit
            | Self::EcologicalBenefit
            | Self::SustainableImpact => IndicatorCategory::Outcome,
            Self::ServiceRecipientSatisfaction => IndicatorCategory::Satisfaction,
            Self::EconomicCost | Self::SocialCost | Self::EnvironmentalCost => {
                IndicatorCategory::Cost
            }
        }
    }
}

closed_set! {
    /// 指标性质: how the actual value is compared with the target (docs/DOMAIN.md §5, `[seen]`).
    ///
    /// Displays as printed in a 年度指标值 (`≥`, `≤`, `=`, `定性`); [`name`](Self::name) gives the
    /// Chinese word. Parses the symbols, their ASCII spellings (`>=`, `<=`) and the words.
    ///
    /// ```
    /// use fiscal_cn::performance::IndicatorNature;
    /// assert_eq!(">=".parse::<IndicatorNature>()?, IndicatorNature::AtLeast);
    /// assert_eq!("反向".parse::<IndicatorNature>()?, IndicatorNature::AtMost);
    /// assert_eq!(IndicatorNature::AtMost.to_string(), "≤");
    /// # Ok::<(), fiscal_cn::Error>(())
    /// ```
    pub enum IndicatorNature: "指标性质" {
        /// 正向: the actual should reach at least the target.
        AtLeast = "≥" [">=", "＞＝", "正向", "正向指标"],
        /// 反向: the actual should stay at most the target.
        AtMost = "≤" ["<=", "＜＝", "反向", "反向指标"],
        /// 等于: the actual should equal the target.
        Equal = "=" ["＝", "等于"],
        /// 定性: judged in words (达成/部分达成/未达成).
        Qualitative = "定性" ["定性指标"],
    }
}

impl IndicatorNature {
    /// The Chinese word for this nature: 正向, 反向, 等于 or 定性 ([`name`](Self::name) is the
    /// symbol printed in a 年度指标值).
    #[must_use]
    pub fn word(self) -> &'static str {
        match self {
            Self::AtLeast => "正向",
            Self::AtMost => "反向",
            Self::Equal => "等于",
            Self::Qualitative => "定性",
        }
    }
}

closed_set! {
    /// A qualitative outcome and its scoring band (docs/DOMAIN.md §5, `[practice]`).
    ///
    /// The bands, as shares of the weight in percentage points: 达成 (80, 100], 部分达成 (60, 80],
    /// 未达成 [0, 60] (0 is allowed so that nothing done can score nothing).
    pub enum QualitativeOutcome: "定性完成情况" {
        /// 达成.
        Achieved = "达成" ["已达成", "全部达成"],
        /// 部分达成.
        PartlyAchieved = "部分达成",
        /// 未达成.
        NotAchieved = "未达成" ["没有达成"],
    }
}

impl QualitativeOutcome {
    /// The band `(low, high)` of this outcome in percentage points of the weight; the high end is
    /// included, the low end is excluded except for 未达成's 0.
    #[must_use]
    pub fn band(self) -> (Decimal, Decimal) {
        match self {
            Self::Achieved => (Decimal::from(80), Decimal::ONE_HUNDRED),
            Self::PartlyAchieved => (Decimal::from(60), Decimal::from(80)),
            Self::NotAchieved => (Decimal::ZERO, Decimal::from(60)),
        }
    }
}

/// A target (年度指标值): a number with its unit text, or words.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum IndicatorTarget {
    /// A number such as `95` with its unit as printed (`%`, `天`, `人次`; empty when none).
    Quantitative {
        /// The target value, in `unit`.
        #[cfg_attr(feature = "serde", serde(with = "rust_decimal::serde::str"))]
        value: Decimal,
        /// The unit text as printed.
        unit: String,
    },
    /// A target in words, such as `有效提升`.
    Qualitative {
        /// The words as printed.
        text: String,
    },
}

/// The actual result (完成值 / 实际完成情况).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum IndicatorActual {
    /// A number, in the target's unit.
    Quantitative {
        /// The actual value.
        #[cfg_attr(feature = "serde", serde(with = "rust_decimal::serde::str"))]
        value: Decimal,
    },
    /// A judgment in words.
    Qualitative {
        /// 达成 / 部分达成 / 未达成.
        outcome: QualitativeOutcome,
        /// Where in the outcome's band the evaluator placed it, in percentage points of the weight;
        /// `None` takes the top of the band (see [`score_qualitative`](crate::performance::score_qualitative)).
        #[cfg_attr(
            feature = "serde",
            serde(default, with = "rust_decimal::serde::str_option")
        )]
        percent_of_weight: Option<Decimal>,
    },
}

/// A 三级指标 row of a self-evaluation form (docs/DOMAIN.md §5, `[seen]`).
///
/// `weight` and `stated_score` are points (分值, 得分); the actual value is in the target's unit.
/// Score it with [`Indicator::score`].
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Indicator {
    /// 三级指标名称.
    pub name: String,
    /// 一级指标 as printed on the row.
    pub category: IndicatorCategory,
    /// 二级指标 as printed on the row (it may disagree with `category`; scoring reports that).
    pub subcategory: IndicatorSubcategory,
    /// 指标性质.
    pub nature: IndicatorNature,
    /// 年度指标值.
    pub target: IndicatorTarget,
    /// 实际完成值.
    pub actual: IndicatorActual,
    /// 分值 (weight in points).
    #[cfg_attr(feature = "serde", serde(with = "rust_decimal::serde::str"))]
    pub weight: Decimal,
    /// 得分 as stated on the form, if any.
    #[cfg_attr(
        feature = "serde",
        serde(default, with = "rust_decimal::serde::str_option")
    )]
    pub stated_score: Option<Decimal>,
    /// 偏差原因分析 as stated, if any.
    #[cfg_attr(feature = "serde", serde(default))]
    pub deviation_reason: Option<String>,
    /// 不适用: the indicator is dropped and the other weights are rescaled.
    #[cfg_attr(feature = "serde", serde(default))]
    pub not_applicable: bool,
}

/// A printed 年度指标值 such as `≥95%`, `≤3天`, `=100%`, `≥2800人次` or `有效提升`, split into
/// nature, value and unit.
///
/// A leading comparison (`≥ >= ≤ <= =`, full-width forms too) gives the nature; a bare number leaves
/// it `None` (forms print 指标性质 in its own column); text that starts with neither is a qualitative
/// target. Numbers follow a strict grammar: optional `-`, digits with optional `,` thousands
/// separators, optional decimals; no exponent, no `_`.
///
/// ```
/// use fiscal_cn::{Decimal, performance::{IndicatorNature, IndicatorTarget, PrintedTarget}};
/// let printed: PrintedTarget = "≥2,800人次".parse()?;
/// assert_eq!(printed.nature, Some(IndicatorNature::AtLeast));
/// assert_eq!(
///     printed.target,
///     IndicatorTarget::Quantitative { value: Decimal::from(2800), unit: "人次".into() },
/// );
/// # Ok::<(), fiscal_cn::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct PrintedTarget {
    /// The nature given by the leading comparison; `定性` for words; `None` for a bare number.
    pub nature: Option<IndicatorNature>,
    /// The value and unit, or the words.
    pub target: IndicatorTarget,
}

/// The comparisons a printed 年度指标值 may start with.
const COMPARISONS: [(&str, IndicatorNature); 8] = [
    ("≥", IndicatorNature::AtLeast),
    (">=", IndicatorNature::AtLeast),
    ("＞＝", IndicatorNature::AtLeast),
    ("≤", IndicatorNature::AtMost),
    ("<=", IndicatorNature::AtMost),
    ("＜＝", IndicatorNature::AtMost),
    ("=", IndicatorNature::Equal),
    ("＝", IndicatorNature::Equal),
];

impl FromStr for PrintedTarget {
    type Err = Error;

    fn from_str(input: &str) -> Result<Self> {
        let invalid = |reason: &'static str| Error::InvalidTarget {
            input: input.to_owned(),
            reason,
        };
        let text = input.trim();
        if text.is_empty() {
            return Err(invalid("为空"));
        }
        let (nature, rest) = COMPARISONS
            .iter()
            .find_map(|(symbol, nature)| {
                text.strip_prefix(symbol)
                    .map(|rest| (Some(*nature), rest.trim_start()))
            })
            .unwrap_or((None, text));
        let number_len = rest
            .char_indices()
            .find(|&(i, c)| !(c.is_ascii_digit() || c == '.' || c == ',' || (i == 0 && c == '-')))
            .map_or(rest.len(), |(i, _)| i);
        if number_len == 0 {
            return match nature {
                None => Ok(Self {
                    nature: Some(IndicatorNature::Qualitative),
                    target: IndicatorTarget::Qualitative {
                        text: text.to_owned(),
                    },
                }),
                Some(_) => Err(invalid("比较符号后缺少数值")),
            };
        }
        let (number, unit) = rest.split_at(number_len);
        // `1e5` and `1_000` are number syntaxes we refuse, not units.
        let mut unit_chars = unit.chars();
        let refused_syntax = match unit_chars.next() {
            Some('_') => true,
            Some('e' | 'E') => unit_chars
                .next()
                .is_some_and(|c| c.is_ascii_digit() || c == '+' || c == '-'),
            _ => false,
        };
        let value = parse_strict_number(number)
            .filter(|_| !refused_syntax)
            .ok_or_else(|| invalid("数值格式错误"))?;
        Ok(Self {
            nature,
            target: IndicatorTarget::Quantitative {
                value,
                unit: unit.trim().to_owned(),
            },
        })
    }
}

/// `-?d{1,3}(,ddd)*(.d+)?` or `-?d+(.d+)?`; anything else is `None`.
fn parse_strict_number(text: &str) -> Option<Decimal> {
    let unsigned = text.strip_prefix('-').unwrap_or(text);
    let (integer, fraction) = match unsigned.split_once('.') {
        Some((integer, fraction)) => (integer, Some(fraction)),
        None => (unsigned, None),
    };
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let groups: Vec<&str> = integer.split(',').collect();
    let integer_ok = match groups.split_first() {
        Some((first, [])) => all_digits(first),
        Some((first, rest)) => {
            all_digits(first)
                && first.len() <= 3
                && rest.iter().all(|g| g.len() == 3 && all_digits(g))
        }
        None => false,
    };
    if !integer_ok || fraction.is_some_and(|f| !all_digits(f)) {
        return None;
    }
    Decimal::from_str(&text.replace(',', "")).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_name_round_trips_and_subcategories_partition_the_tree() {
        for c in IndicatorCategory::ALL.iter().copied() {
            assert_eq!(c.to_string().parse::<IndicatorCategory>(), Ok(c));
            assert!(c.subcategories().count() >= 1);
        }
        for s in IndicatorSubcategory::ALL.iter().copied() {
            assert_eq!(s.to_string().parse::<IndicatorSubcategory>(), Ok(s));
        }
        for n in IndicatorNature::ALL.iter().copied() {
            assert_eq!(n.to_string().parse::<IndicatorNature>(), Ok(n));
            assert_eq!(n.word().parse::<IndicatorNature>(), Ok(n));
        }
        assert_eq!(IndicatorSubcategory::ALL.iter().copied().count(), 12);
        assert_eq!(
            "成本".parse::<IndicatorCategory>(),
            Ok(IndicatorCategory::Cost)
        );
        assert_eq!(
            "满意度指标x".parse::<IndicatorCategory>(),
            Err(Error::UnknownName {
                kind: "一级指标",
                input: "满意度指标x".into()
            })
        );
    }

    #[test]
    fn printed_targets() {
        let quantitative = |nature, value: &str, unit: &str| PrintedTarget {
            nature,
            target: IndicatorTarget::Quantitative {
                value: value.parse().unwrap(),
                unit: unit.into(),
            },
        };
        use IndicatorNature::*;
        assert_eq!("≥95%".parse(), Ok(quantitative(Some(AtLeast), "95", "%")));
        assert_eq!("≤3天".parse(), Ok(quantitative(Some(AtMost), "3", "天")));
        assert_eq!("=100%".parse(), Ok(quantitative(Some(Equal), "100", "%")));
        assert_eq!(
            ">= 2800 人次".parse(),
            Ok(quantitative(Some(AtLeast), "2800", "人次"))
        );
        assert_eq!("31名".parse(), Ok(quantitative(None, "31", "名")));
        assert_eq!("0.5".parse(), Ok(quantitative(None, "0.5", "")));
        assert_eq!(
            "有效提升".parse::<PrintedTarget>().map(|p| p.nature),
            Ok(Some(Qualitative))
        );
        for bad in ["", "≥", "≥1,00人", "≥1..2", "≥1_000", "1e5个", "≥-", "≥.5"] {
            assert!(bad.parse::<PrintedTarget>().is_err(), "{bad}");
        }
    }
}
