//! One figure in its words: what an amount, a count or a rate is of, for which year and against
//! what; and the side of the accounts (收入, 支出) that words and concepts are on.

use super::changes::change_words;
use super::labels::{
    adjustment_in, after_budget_comparison, after_year, amount_subject, approximation_before,
    change_before_the_name, compared_with_a_plan_period, completes_a_budget, described, focus,
    is_budget_label, is_comparison, per_head_or_item, says_only_budget, starts_a_range,
    states_a_difference, without_change_to,
};
use super::{FigureInWords, Read, Reader, ValueKind, before_any};
use crate::dimensions::FundType;
use crate::error::Error;
use crate::money::{Amount, Percent, parse_amount};
use crate::narrative::UnparsedReason;
use crate::narrative::scan::FigureKind;
use crate::report::{Concept, DisclosureKind, StatedValue};
use crate::vocabulary::VehicleCounting;
use crate::vocabulary::names::{SHARE_WHOLES, named_exactly};
use crate::vocabulary::sections::SectionKind;
use crate::vocabulary::words::{
    ADJUSTED_BASE_WORDS, PART_OF_UNITS_WORDS, is_generic, subordinate_unit,
};

impl Reader<'_> {
    /// Whether the subject was set by the figure last read and that figure is no money: a
    /// score, a measured quantity or a count the text describes in its own words
    /// (`对118家企业…补助。安排资金2111万元`). No amount or rate without words of its own is of
    /// such a thing.
    pub(super) fn is_not_money(&self, subject: &[Concept]) -> bool {
        self.statements.last().is_some_and(|last| {
            let measured = match last.value {
                StatedValue::Measure { .. } | StatedValue::Score(_) => true,
                StatedValue::Count(_) => matches!(last.concept, Concept::Other(_)),
                _ => false,
            };
            measured && subject == std::slice::from_ref(&last.concept)
        })
    }

    /// One figure in its words, read against the clause's subject (`lost` when an earlier
    /// clause left the subject unknown) and its way of counting vehicles.
    pub(super) fn figure(
        &self,
        words: FigureInWords<'_>,
        subject: &[Concept],
        mode: &mut Option<VehicleCounting>,
        lost: bool,
    ) -> std::result::Result<Read, UnparsedReason> {
        let FigureInWords {
            figure,
            label,
            after,
        } = words;
        let label = label.trim_start_matches(['、', '：', '，', ' ', '\n', '\r']);
        // `在支出合计218.78亿元中，基本支出…占90.66%`: the frame names the total.
        let label = match label.strip_prefix('在') {
            Some(framed) if after.trim_start().starts_with('中') => framed,
            _ => label,
        };
        // `下属区军休中心公务用车保有量2辆`: one unit's figure under the disclosure's.
        if let Some(word) = PART_OF_UNITS_WORDS
            .iter()
            .copied()
            .find(|w| label.contains(*w))
            .or_else(|| subordinate_unit(label))
        {
            return Err(UnparsedReason::OfSomeUnits {
                word: word.to_owned(),
            });
        }
        // `基本支出由100万元增加到120万元`: 120 is 基本支出's level, named before the change.
        let focus = without_change_to(focus(label));
        let orphan = |reason: UnparsedReason| {
            if lost {
                UnparsedReason::AfterAnUnreadFigure {
                    reason: Box::new(reason),
                }
            } else {
                reason
            }
        };
        let fallback = || -> Vec<Concept> {
            let inherited = if lost {
                return Vec::new();
            } else if !subject.is_empty() {
                subject
            } else if let SectionKind::Project(name) = &self.kind {
                return vec![Concept::Project(name.clone())];
            } else {
                &self.section_subject
            };
            // `得分为95分。预算数为200万元`: a score or a measured quantity is no subject of an
            // amount or a rate (only of its `其中` parts, which have words of their own).
            if self.is_not_money(inherited) {
                Vec::new()
            } else {
                inherited.to_vec()
            }
        };
        match &figure.kind {
            // `1.2万人次`: a count rounded to ten thousands.
            FigureKind::Bare if after.starts_with(['万', '亿']) => {
                Err(UnparsedReason::CountInTenThousands)
            }
            FigureKind::Bare => Err(UnparsedReason::NoUnit {
                number: figure.number.clone(),
            }),
            FigureKind::Year(_) => Err(UnparsedReason::AYear),
            // `建筑面积13459平方米`: what is measured is only ever described in the text's words.
            FigureKind::Measure(unit) => {
                let value: rust_decimal::Decimal =
                    figure.number.replace(',', "").parse().map_err(|_| {
                        UnparsedReason::UnreadableNumber {
                            number: figure.number.clone(),
                        }
                    })?;
                // `（其中计容面积`: the words after the breakdown's opening.
                let own = label
                    .rsplit(['（', '('])
                    .next()
                    .unwrap_or(label)
                    .trim_start_matches("其中");
                Ok(Read {
                    concepts: vec![described(own, "")?],
                    value: ValueKind::Measure(value, *unit),
                    year: None,
                    named: true,
                })
            }
            // `增长-3%`, `占-5%`: whether a signed rate means the other direction or a typing
            // slip, the text does not say.
            FigureKind::Percent if figure.number.starts_with('-') => {
                Err(UnparsedReason::NegativePercent)
            }
            // `给予2-12个月`, `约50人`: a count at the end of a range or a round one, too.
            FigureKind::Amount(_) | FigureKind::Percent | FigureKind::Count(_)
                if let Some(word) = approximation_before(label) =>
            {
                Err(UnparsedReason::Approximate {
                    word: word.to_owned(),
                })
            }
            FigureKind::Amount(_) | FigureKind::Percent if starts_a_range(after) => {
                Err(UnparsedReason::RangeStart)
            }
            // `人均因公出国(境)费用2.4万元`, `260元/辆`: an average or a standard per head or
            // item, not the thing's total.
            FigureKind::Amount(_) if per_head_or_item(label, after) => {
                Err(UnparsedReason::PerHeadOrItem)
            }
            // `基本支出由100万元增加到120万元`: the level before a change, of a year the words
            // do not say.
            FigureKind::Amount(_) if label.trim_end().ends_with('由') => {
                Err(UnparsedReason::LevelBeforeAChange)
            }
            FigureKind::Percent => {
                // Real texts group the digits of large rates (`1,055.4%`).
                let rate: Percent = format!("{}%", figure.number.replace(',', ""))
                    .parse()
                    .map_err(bad_figure)?;
                self.percent(rate, label, &fallback()).map_err(orphan)
            }
            FigureKind::Score => {
                // `预算执行情况(10分)`, `分值10分`, `权重20分`: what an item can score at most,
                // not what it scored.
                let before_bracket = label.trim_end().strip_suffix(['(', '（']);
                let bracketed = before_bracket.is_some() && after.starts_with([')', '）']);
                let scored =
                    |words: &str| ["得分", "评分", "自评"].iter().any(|w| words.ends_with(w));
                let weight = ["分值", "满分", "权重", "标准分"].iter().any(|w| {
                    label
                        .trim_end()
                        .trim_end_matches(['为', '是', '：'])
                        .ends_with(w)
                });
                if bracketed && !before_bracket.is_some_and(|b| scored(b.trim_end())) || weight {
                    return Err(UnparsedReason::FullMarks);
                }
                let value = parse_amount(&figure.number).map_err(bad_figure)?.value;
                let concepts = self.concepts(focus).ok().flatten().unwrap_or_default();
                let concepts = if concepts.is_empty() {
                    vec![described(label, "得分")?]
                } else {
                    concepts
                };
                Ok(Read {
                    concepts,
                    value: ValueKind::Score(value),
                    year: None,
                    named: true,
                })
            }
            // `第十八届人民代表大会第14次会议`: an ordinal, no number of things.
            FigureKind::Count(_) if label.trim_end().ends_with('第') => {
                Err(UnparsedReason::Ordinal)
            }
            FigureKind::Count(unit) => {
                // `比上年减少10人`: a change of a count, which the model does not hold.
                if change_words(label).is_some() {
                    return Err(UnparsedReason::ChangeOfACount);
                }
                let count: u64 = figure.number.replace(',', "").parse().map_err(|_| {
                    UnparsedReason::CountOutOfRange {
                        number: figure.number.clone(),
                    }
                })?;
                let concept = match self.count_concept(label, unit, after, subject, mode)? {
                    Concept::Other(words) => match figure.approximate {
                        Some(word) => Concept::Other(format!("{words}（{}{word}）", figure.number)),
                        None => Concept::Other(words),
                    },
                    concept => concept,
                };
                Ok(Read {
                    concepts: vec![concept],
                    value: ValueKind::Count(count),
                    year: None,
                    named: true,
                })
            }
            FigureKind::Amount(unit) => {
                let printed = parse_amount(&figure.number).map_err(bad_figure)?;
                let amount = Amount::new(printed.value, *unit);
                // `减少-2万元`, `较上年-2万元`: a signed change, whose direction the sign and
                // the words may say differently.
                if printed.value.is_sign_negative()
                    && (change_words(label).is_some() || is_comparison(label))
                {
                    return Err(UnparsedReason::NegativeChange);
                }
                if let Some((direction, candidates)) = change_words(label) {
                    let base = self.base_of_change(label)?;
                    // An amount's change is never a count's (`接待813人，同比增加2.95万元`).
                    let (concepts, named) = if names_only_a_side(&candidates).is_some() {
                        (amount_subject(&fallback()), false)
                    } else {
                        match self.changed(candidates)? {
                            Some(c) => (c, true),
                            None => (amount_subject(&fallback()), false),
                        }
                    };
                    side_of_a_part(&candidates, &concepts, named)?;
                    if concepts.is_empty() {
                        return Err(orphan(UnparsedReason::ChangeOfNothingNamed));
                    }
                    return Ok(Read {
                        concepts,
                        value: ValueKind::Change(amount, direction, base),
                        year: None,
                        named,
                    });
                }
                // `2023年减少了“三公”经费342.74万元`: words of change before the name say the
                // amount changed, against a time they do not name.
                if let Some(word) = change_before_the_name(label) {
                    return Err(UnparsedReason::ChangeAgainstNoTime {
                        word: word.to_owned(),
                    });
                }
                // `剔除…后，服务类采购同口径规模为4860.8亿元`: a level on an adjusted base is
                // not the thing's own amount.
                if let Some(word) = ADJUSTED_BASE_WORDS.iter().find(|w| label.contains(*w)) {
                    return Err(UnparsedReason::LevelOnAnAdjustedBase {
                        word: (*word).to_owned(),
                    });
                }
                // `调增一般专项支出2.73亿元`, `年初预算100万元，调整为120万元`: an adjustment of
                // a budget, neither a level of the year nor a change against last year.
                if let Some(word) = adjustment_in(label) {
                    return Err(UnparsedReason::BudgetAdjustment {
                        word: word.to_owned(),
                    });
                }
                // `高于预算数1.11亿元`: a difference between two figures, neither of them.
                if states_a_difference(label) {
                    return Err(UnparsedReason::Difference);
                }
                // `688.84万元131.49万元`: a figure with no words at all says nothing.
                if label.trim().is_empty() {
                    return Err(UnparsedReason::NoWords);
                }
                // `项目支出100万元，其中：30万元用于设备购置`: a part that is not named is a
                // part of the subject, never the subject itself.
                let opener = label.trim_matches(['，', '；', '：', ':', ',', ' ', '\n', '\r']);
                // `其中2023年预算安排5000亿元`: words after 其中 that say only a year and a
                // budget name no part either.
                let names_no_part = opener.strip_prefix("其中").is_some_and(|rest| {
                    let rest = after_year(rest.trim_start_matches(['：', ':', '，', ' ']));
                    !rest.is_empty() && says_only_budget(rest)
                });
                if names_no_part
                    || [
                        "其中",
                        "包括",
                        "其中包括",
                        "主要包括",
                        "具体包括",
                        "含",
                        "其中含",
                    ]
                    .contains(&opener)
                {
                    return Err(orphan(UnparsedReason::PartOfNothingNamed {
                        opener: opener.to_owned(),
                    }));
                }
                // `比“十三五”541亿元增加294亿元`: the amount compared with is five years'.
                if compared_with_a_plan_period(label) {
                    return Err(UnparsedReason::AgainstAPlanPeriod);
                }
                // `较2024年的2190万元减少221万元`, `较上年“三公”经费合计16.08万元增加…`: the
                // amount compared with is that year's level, of the item named there or else
                // of the sentence's subject.
                if let Some((year, name)) = self.comparison_base(label) {
                    let (concepts, named) = if name.is_empty() || is_generic(name) {
                        (amount_subject(&fallback()), false)
                    } else {
                        match self.concepts(name) {
                            Ok(Some(concepts)) => (concepts, true),
                            _ => (Vec::new(), true),
                        }
                    };
                    if concepts.is_empty() {
                        return Err(orphan(UnparsedReason::BaseOfNothingNamed));
                    }
                    return Ok(Read {
                        concepts,
                        value: ValueKind::Amount(amount),
                        year: Some(year),
                        named,
                    });
                }
                // `比预算节约5万元`: a difference from the budget in words that are no known
                // direction, and no item's amount (`较预算数898万元` is the budget itself).
                if let Some(after) = after_budget_comparison(label)
                    && !after.is_empty()
                    && !matches!(self.concepts(after), Ok(Some(_)))
                {
                    return Err(orphan(UnparsedReason::DifferenceFromTheBudget {
                        words: after.to_owned(),
                    }));
                }
                // In a budget every amount is a budget: only final accounts set a budget
                // beside the amount spent. (A standard per head was declined above.)
                let budget = self.report_kind != DisclosureKind::Budget && is_budget_label(label);
                let named_concepts = match self.concepts(focus) {
                    Ok(None) if is_generic(focus) => self.headed(label)?,
                    Ok(concepts) => concepts,
                    Err(reason) => match self.resolve_loose_total(focus, amount) {
                        Some(concept) => Some(vec![concept]),
                        None => return Err(orphan(reason)),
                    },
                };
                // `按政府采购资金类型划分，一般公共预算拨款17000元`: in a section on purchases,
                // assets or 三公, a source of money is the source of that, not the department's
                // income.
                if let Some(concepts) = &named_concepts
                    && matches!(
                        self.kind,
                        SectionKind::Procurement
                            | SectionKind::Assets
                            | SectionKind::ThreePublic
                            | SectionKind::OperatingFunds
                    )
                    && concepts.iter().any(|c| income_side(c) == Some(true))
                {
                    return Err(orphan(UnparsedReason::SectionMatterBySource));
                }
                let (concepts, named) = match named_concepts {
                    Some(c) => (c, true),
                    None if is_generic(focus) => {
                        let inherited = amount_subject(&fallback());
                        let inherited = other_side(focus, inherited)?;
                        // `加上转移性支出63.4亿元，支出合计196.3亿元`: a total after a thing
                        // described in the text's words is no more of that thing.
                        if ["合计", "总计", "小计"].iter().any(|w| focus.contains(w))
                            && !inherited.is_empty()
                            && inherited.iter().all(|c| matches!(c, Concept::Other(_)))
                        {
                            return Err(orphan(UnparsedReason::TotalOfWhat {
                                words: focus.trim().to_owned(),
                            }));
                        }
                        // `（一）收入预算` / `2025年初预算数2752.8万元`: the heading's total.
                        if inherited.is_empty()
                            && let Some(total) = &self.heading_total
                            && says_only_budget(focus)
                        {
                            return Ok(Read {
                                concepts: vec![total.clone()],
                                value: ValueKind::Amount(amount),
                                year: None,
                                named: true,
                            });
                        }
                        // Words that say nothing after a figure not understood describe no
                        // thing of their own (`…（项）”未读懂，2025年度预算3.84万元`).
                        if inherited.is_empty() && self.kind.allows_other() && !lost {
                            (vec![described(label, "")?], true)
                        } else {
                            (inherited, false)
                        }
                    }
                    None if self.kind.allows_other() && !label.trim().is_empty() => {
                        (vec![described(label, "")?], true)
                    }
                    None => (Vec::new(), false),
                };
                if concepts.is_empty() {
                    return Err(orphan(UnparsedReason::UnknownSubject));
                }
                let concepts = self.in_project(concepts);
                Ok(Read {
                    concepts,
                    value: if budget {
                        ValueKind::Budget(amount)
                    } else {
                        ValueKind::Amount(amount)
                    },
                    year: None,
                    named,
                })
            }
        }
    }

    fn percent(
        &self,
        rate: Percent,
        label: &str,
        subject: &[Concept],
    ) -> std::result::Result<Read, UnparsedReason> {
        let need = |concepts: Vec<Concept>, what: &str| {
            if concepts.is_empty() {
                Err(UnparsedReason::RateOfNothingNamed {
                    what: what.to_owned(),
                })
            } else {
                Ok(concepts)
            }
        };
        if let Some((direction, candidates)) = change_words(label) {
            let base = self.base_of_change(label)?;
            let (concepts, named) = if names_only_a_side(&candidates).is_some() {
                (subject.to_vec(), false)
            } else {
                match self.changed(candidates)? {
                    Some(c) => (c, true),
                    None => (subject.to_vec(), false),
                }
            };
            side_of_a_part(&candidates, &concepts, named)?;
            return Ok(Read {
                concepts: need(concepts, "增长率")?,
                value: ValueKind::Growth(rate, direction, base),
                year: None,
                named,
            });
        }
        // `争取资金13.59亿元，完成目标任务154.4%`: a work target's completion, no budget's;
        // revenue's or spending's target (`预算收入完成…，完成年初目标任务的55.6%`) is its budget.
        let of_money_flow = |words: &str| words.contains("收入") || words.contains("支出");
        if let Some((named, done)) = label.rsplit_once("完成")
            && ["目标", "任务"].iter().any(|w| done.contains(w))
            && !done.contains("预算")
            && !of_money_flow(named)
            && !subject.iter().any(|c| of_money_flow(&c.to_string()))
        {
            return Err(UnparsedReason::CompletionOfATarget {
                words: done.trim().to_owned(),
            });
        }
        if label.contains("完成")
            || label.contains("执行率")
            || label.contains("执行进度")
            || label.contains("执行比例")
            || completes_a_budget(label)
        {
            let before = before_any(
                label,
                &[
                    "完成",
                    "预算执行率",
                    "执行率",
                    "执行进度",
                    "预算执行比例",
                    "执行比例",
                    "占",
                    "为",
                ],
            );
            let (concepts, named) = match self.concepts(focus(before))? {
                Some(c) => (c, true),
                // `小学教育完成年初预算的100.4%`: words of its own that name nothing known are
                // no word for the subject.
                None if self.names_something_unknown(focus(before)) => {
                    return Err(UnparsedReason::CompletionOfUnknownWords {
                        words: focus(before).trim().to_owned(),
                    });
                }
                None => (subject.to_vec(), false),
            };
            return Ok(Read {
                concepts: need(concepts, "预算完成率")?,
                value: ValueKind::Completion(rate),
                year: None,
                named,
            });
        }
        if let Some(position) = label.rfind('占') {
            let (before, base) = label.split_at(position);
            let base = base.trim_start_matches('占');
            let base = base
                .trim_end_matches(['的', '为', '是'])
                .trim_end_matches("分别")
                .trim_end_matches("依次")
                .trim_end_matches('各')
                .trim_end_matches("比重")
                .trim_end_matches("比例")
                .trim_end_matches('的')
                .trim_start_matches('比');
            // A share whose own words name what the reader does not know (`全市教育经费占…`)
            // is of that, not of the sentence's subject.
            let words = focus(before);
            let (concepts, named) = match self.concepts(words)? {
                Some(c) => (c, true),
                None if words.is_empty() || is_generic(words) => (subject.to_vec(), false),
                None => {
                    return Err(UnparsedReason::ShareOfUnknownWords {
                        words: words.to_owned(),
                    });
                }
            };
            let concepts = need(concepts, "占比")?;
            // The whole is the one written; only when none is written is it implied (by the
            // listing the share is in, or by the part).
            let of = if base.is_empty() {
                None
            } else {
                let only_as_a_whole = || named_exactly(SHARE_WHOLES, base).cloned();
                match self.concepts(base) {
                    Ok(Some(c)) if !c.is_empty() => Some(c[0].clone()),
                    Ok(None) if only_as_a_whole().is_some() => only_as_a_whole(),
                    _ => {
                        return Err(UnparsedReason::ShareOfAnUnknownWhole {
                            whole: base.to_owned(),
                        });
                    }
                }
            };
            return Ok(Read {
                concepts,
                value: ValueKind::Share(rate, of),
                year: None,
                named,
            });
        }
        Err(UnparsedReason::UnknownPercent)
    }
}

/// Which side a change's own words name when they name only a side in general (`收入`,
/// `支出`, `收支`): `Some(Some(true))` income, `Some(Some(false))` expenditure, `Some(None)`
/// both; `None` when they name something else or nothing.
pub(super) fn names_only_a_side(candidates: &[&str; 2]) -> Option<Option<bool>> {
    candidates.iter().find_map(|words| {
        let words = words.trim_matches(['；', '，', '：', '、', ' ', '\n', '\r']);
        let words = ["本年度", "本年", "今年", "当年"]
            .iter()
            .find_map(|y| words.strip_prefix(y))
            .unwrap_or(words);
        match words {
            "收入" | "总收入" | "收入预算" => Some(Some(true)),
            "支出" | "总支出" | "支出预算" => Some(Some(false)),
            "收支" | "总收支" => Some(None),
            _ => None,
        }
    })
}

/// `；支出较去年增加250万元` after a listing of the expenditure's 类: a change whose own words
/// name only a side in general is of that side's total, never of a part the sentence spoke of
/// last. It is the subject's when the subject is that side's total (the whole of the sentence's
/// `其中`, or the total the sentence before stated), and declined otherwise.
fn side_of_a_part(
    candidates: &[&str; 2],
    concepts: &[Concept],
    named: bool,
) -> std::result::Result<(), UnparsedReason> {
    use Concept as C;
    let Some(side) = names_only_a_side(candidates) else {
        return Ok(());
    };
    let total = |c: &Concept| {
        matches!(
            c,
            C::IncomeGrandTotal
                | C::ExpenditureGrandTotal
                | C::CurrentIncomeTotal
                | C::CurrentExpenditureTotal
                | C::AppropriationIncome
                | C::AppropriationIncomeGrandTotal
                | C::AppropriationExpenditureGrandTotal
                | C::AppropriationExpenditure
                | C::FundExpenditure(_)
        ) && side.is_none_or(|income| income_side(c) == Some(income))
    };
    if !named && (concepts.is_empty() || !concepts.iter().all(total)) {
        return Err(UnparsedReason::WholeAfterAPart);
    }
    Ok(())
}

/// Side of the accounts a concept is on: `Some(true)` income, `Some(false)` expenditure.
fn income_side(concept: &Concept) -> Option<bool> {
    use Concept as C;
    match concept {
        C::IncomeGrandTotal
        | C::CurrentIncomeTotal
        | C::Income(_)
        | C::AppropriationIncome
        | C::AppropriationIncomeGrandTotal
        | C::OpeningBalance
        | C::UseOfNonAppropriationBalance => Some(true),
        C::ExpenditureGrandTotal
        | C::CurrentExpenditureTotal
        | C::Expenditure(_)
        | C::AppropriationExpenditureGrandTotal
        | C::AppropriationExpenditure
        | C::FundExpenditure(_)
        | C::FundBasicExpenditure(_)
        | C::FundProjectExpenditure(_)
        | C::FundBasicClass { .. }
        | C::FundFunctionExpenditure { .. }
        | C::ClosingBalance
        | C::BalanceDistribution => Some(false),
        _ => None,
    }
}

/// The expenditure that mirrors an income total (`收入总计A，支出B`: B is the 支出总计).
fn expenditure_counterpart(concept: &Concept) -> Option<Concept> {
    use Concept as C;
    Some(match concept {
        C::IncomeGrandTotal => C::ExpenditureGrandTotal,
        C::CurrentIncomeTotal => C::CurrentExpenditureTotal,
        C::AppropriationIncomeGrandTotal => C::AppropriationExpenditureGrandTotal,
        C::Income(source) => C::FundExpenditure(
            *FundType::ALL
                .iter()
                .find(|f| f.income_source() == *source)?,
        ),
        _ => return None,
    })
}

/// A subject inherited by words that say only `支出`: an income subject turns into the
/// expenditure that mirrors it, or into nothing (never an income figure).
fn other_side(
    words: &str,
    inherited: Vec<Concept>,
) -> std::result::Result<Vec<Concept>, UnparsedReason> {
    let says = side_of_words(words);
    if says.is_none() {
        return Ok(inherited);
    }
    inherited
        .iter()
        .map(|c| match (says, income_side(c)) {
            (Some(false), Some(true)) => {
                expenditure_counterpart(c).ok_or_else(|| UnparsedReason::OtherSide {
                    words: words.to_owned(),
                    words_say_income: false,
                    earlier: c.clone(),
                })
            }
            // A thing described in the text's words is on the side its words say (a
            // government's `收入合计`); money provided or a balance (`其他资金`, `上年结余`) is
            // on neither: words of a side then name something else (`其他资金859.6万元，2023年
            // 支出2310.4万元`, `上年结余0.28亿元，支出0.28亿元`: what was spent). An expense
            // described (`培训费`) is its spending.
            (Some(side), None)
                if matches!(c, Concept::Other(d)
                    if side_of_words(d) == Some(!side)
                        || side_of_words(d).is_none()
                            && MONEY_OR_BALANCE_ENDINGS.iter().any(|w| d.ends_with(w))) =>
            {
                Err(UnparsedReason::OtherSide {
                    words: words.to_owned(),
                    words_say_income: side,
                    earlier: c.clone(),
                })
            }
            _ => Ok(c.clone()),
        })
        .collect()
}

/// The side a label's words are on: income (`true`) when they say 收入 and not 支出,
/// expenditure (`false`) when the other way round, none when both or neither.
/// How the words of money provided or of a balance end (`其他资金`, `专项拨款`, `上年结余`,
/// `年末滚存结余`, `上年结转`): none is on the side of income or of spending.
const MONEY_OR_BALANCE_ENDINGS: &[&str] = &["资金", "拨款", "结余", "结转", "余额"];

fn side_of_words(words: &str) -> Option<bool> {
    match (words.contains("收入"), words.contains("支出")) {
        (true, false) => Some(true),
        (false, true) => Some(false),
        _ => None,
    }
}

/// A figure's parse error as the reason it is not read.
fn bad_figure(error: Error) -> UnparsedReason {
    UnparsedReason::BadFigure {
        error: error.into(),
    }
}
