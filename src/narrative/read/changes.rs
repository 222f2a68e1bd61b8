//! Changes and what they are against: the words of a change (`较上年增加`) and what they name,
//! its base (last year, or the year's own budget), the comparisons the reader declines, and
//! what clauses say of a change without one (`与上年持平`, a reason outside the item).

use super::document::year_in;
use super::labels::{
    compared_with_a_plan, compared_with_a_plan_period, direction_before, focus, strip_direction,
};
use super::{Base, Reader, accounts_for_spending, before_any};
use crate::classification::FunctionCode;
use crate::narrative::UnparsedReason;
use crate::report::{Concept, Direction, DisclosureKind, StatedValue};
use crate::vocabulary::words::{
    COMPARISON_WORDS, DIRECTION_WORDS, ESTIMATE_WORDS, LAST_YEAR_WORDS, NO_CHANGE_WORDS,
    is_generic, without_budget_names,
};

impl Reader<'_> {
    /// The year of the amount a comparison is made with, and the words naming its item (empty
    /// when there are none), when the words before an amount are a comparison word and a
    /// year: `较2024年的`, `比上年的`, `与去年同期的`, `较2014年度“三公”经费合计`. Words that
    /// compare (`与上年相比`) make the amount this year's, not the base.
    pub(super) fn comparison_base<'l>(&self, label: &'l str) -> Option<(u16, &'l str)> {
        let (at, word) = COMPARISON_WORDS
            .iter()
            .chain(&["与"])
            .filter_map(|w| label.rfind(w).map(|p| (p, *w)))
            .max_by_key(|(p, _)| *p)?;
        let rest = &label[at + word.len()..];
        let (year, after) = match ["上一年", "上年", "去年"]
            .iter()
            .find_map(|w| rest.strip_prefix(w))
        {
            Some(after) => (self.year.checked_sub(1)?, after),
            None => {
                let (year, before, after) = year_in(rest)?;
                if !before.is_empty() {
                    return None;
                }
                (year, after)
            }
        };
        // What the year's figure is called does not matter: `较2022年决算数688.84万元`,
        // `较2023年年初预算的` (the year's budget as first passed is that year's figure too).
        const THE_YEARS_FIGURE: [&str; 10] = [
            "度", "的", "数", "决算", "预算", "年初", "执行", "实际", "支出", "同期",
        ];
        let mut name = after.trim_end_matches('的');
        while let Some(rest) = THE_YEARS_FIGURE.iter().find_map(|w| name.strip_prefix(w)) {
            name = rest;
        }
        while let Some(rest) = THE_YEARS_FIGURE.iter().find_map(|w| name.strip_suffix(w)) {
            name = rest;
        }
        // `与上年相比…`, `与上年持平公务接待费…`: the comparison is over, the amount is this
        // year's.
        let compared = ["相比", "比较", "对比"].iter().any(|w| name.contains(w))
            || NO_CHANGE_WORDS.iter().any(|w| name.contains(w))
            || DIRECTION_WORDS.iter().any(|(w, _)| name.contains(w));
        (!compared).then_some((year, name))
    }

    /// What a change's words name (see [`change_words`]): `Ok(None)` when they name nothing
    /// (the change is the subject's), `Err` when they name something not recognised.
    pub(super) fn changed(
        &self,
        candidates: [&str; 2],
    ) -> std::result::Result<Option<Vec<Concept>>, UnparsedReason> {
        // `本年比上年减少`: the report's own year names nothing.
        let candidates = candidates.map(|w| {
            ["本年度", "本年", "今年", "当年"]
                .iter()
                .find_map(|y| w.strip_prefix(y))
                .unwrap_or(w)
        });
        for words in candidates {
            if let Some(concepts) = self.concepts(words)? {
                return Ok(Some(concepts));
            }
        }
        match candidates.iter().find(|w| !is_generic(w)) {
            Some(words) => Err(UnparsedReason::ChangeOfUnknownWords {
                words: (*words).to_owned(),
            }),
            None => Ok(None),
        }
    }

    /// Why a change (an amount or a rate) whose words compare is no change against last year
    /// the reader can state: against a budget, or with a template's two directions kept.
    fn unreadable_change(&self, label: &str) -> Option<UnparsedReason> {
        compared_with_a_budget(label, self.year, self.report_kind)
            .or_else(|| compared_with_a_plan(label).then_some(UnparsedReason::AgainstAPlan))
            .or_else(|| {
                compared_with_a_plan_period(label).then_some(UnparsedReason::AgainstAPlanPeriod)
            })
            // `年均增长19.33%`: a yearly average over several years.
            .or_else(|| {
                ["年均", "年平均"]
                    .iter()
                    .any(|w| label.contains(w))
                    .then_some(UnparsedReason::AveragedOverYears)
            })
            .or_else(|| {
                compared_with_an_estimate(label, self.year)
                    .then_some(UnparsedReason::AgainstAnEstimate)
            })
            .or_else(|| {
                keeps_template_alternatives(label).then_some(UnparsedReason::BothDirections)
            })
    }

    /// What the change a label words is against: last year, or the year's own budget in final
    /// accounts; `Err` with the reason for a change the reader declines.
    pub(super) fn base_of_change(&self, label: &str) -> std::result::Result<Base, UnparsedReason> {
        match self.unreadable_change(label) {
            None => Ok(Base::LastYear),
            Some(UnparsedReason::AgainstOwnBudget) if self.accounts_for_spending() => {
                Ok(Base::OwnBudget)
            }
            Some(reason) => Err(reason),
        }
    }

    /// Whether `compared` is the year before `dated` (the report's year when `None`).
    pub(super) fn is_last_year_of(&self, compared: u16, dated: Option<u16>) -> bool {
        dated.unwrap_or(self.year).checked_sub(1) == Some(compared)
    }

    /// The 功能分类 line whose change this sentence explains by other 类 moving the same way
    /// (`一般公共服务支出…增长20%，增长的主要原因是卫生健康支出、住房保障支出增加`): a line holds
    /// only its own 款 and 项, so another 类's growth cannot make it grow. The change must be
    /// the sentence's latest statement and of one 功能分类 line; the reason (after `原因`) must
    /// name only 类 other than the line's own, by their catalog names, and say they moved in
    /// the line's direction. A reason that moves spending between lines (`调整至`, `划转`,
    /// `科目`…) can explain it and says nothing here.
    pub(super) fn change_explained_by_other_items(&self, clause: &str) -> Option<Concept> {
        const MOVES_BETWEEN_LINES: [&str; 9] = [
            "调整", "划转", "划入", "划出", "转列", "调入", "调出", "列入", "科目",
        ];
        let (_, reason) = clause.split_once("原因")?;
        let latest = self.statements.last()?;
        if self.places.last().is_none_or(|p| p.1 != self.sentence) {
            return None;
        }
        let (StatedValue::Change { direction, .. } | StatedValue::Growth { direction, .. }) =
            latest.value
        else {
            return None;
        };
        let code = match latest.concept {
            Concept::FunctionExpenditure(code) | Concept::FundFunctionExpenditure { code, .. } => {
                code
            }
            _ => return None,
        };
        if MOVES_BETWEEN_LINES.iter().any(|w| reason.contains(w)) {
            return None;
        }
        let own_lei = code.ancestors().last().unwrap_or(code);
        let named: Vec<FunctionCode> = self
            .catalog
            .leis()
            .filter(|e| reason.contains(e.name()))
            .map(|e| e.code())
            .collect();
        let moved_alike = DIRECTION_WORDS
            .iter()
            .filter(|(w, _)| reason.contains(w))
            .all(|(_, d)| *d == direction)
            && DIRECTION_WORDS.iter().any(|(w, _)| reason.contains(w));
        (!named.is_empty() && !named.contains(&own_lei) && moved_alike)
            .then(|| latest.concept.clone())
    }
}

/// The direction of a stated change and the words that name what changed, when the words
/// before a figure state a change: `减少0.2万元`, `项目支出较上年增加`, `较上年增加了项目支出`.
/// A direction word counts only at the end of the words, or after a word of comparison
/// (较, 比, 同比, 相比), so that `增加的主要原因是` followed by a level is no change. The
/// words that may name what changed come in the order to try them: after the direction word,
/// then before the comparison.
pub(super) fn change_words(label: &str) -> Option<(Direction, [&str; 2])> {
    if let Some(direction) = direction_before(label) {
        let named = strip_direction(focus(label));
        return Some((direction, [before_any(named, COMPARISON_WORDS), ""]));
    }
    let compared_at = COMPARISON_WORDS
        .iter()
        .filter_map(|w| label.find(w).map(|p| (p, w.len())))
        .min()?;
    let rest = &label[compared_at.0 + compared_at.1..];
    let (at, word, direction) = DIRECTION_WORDS
        .iter()
        .filter(|(w, _)| w.chars().count() > 1)
        .filter_map(|(w, d)| rest.find(w).map(|p| (p, *w, *d)))
        .min_by_key(|(p, w, _)| (*p, usize::MAX - w.len()))?;
    let tail = rest[at + word.len()..].trim_start_matches(['了', '的']);
    Some((direction, [tail, focus(&label[..compared_at.0])]))
}

/// Whether the words a change is compared with name a year other than the report's
/// (`上年`, `去年同期`, `2023年` in a 2024 report).
pub(super) fn names_another_year(target: &str, report_year: u16) -> bool {
    LAST_YEAR_WORDS.iter().any(|w| target.contains(w))
        || year_in(target).is_some_and(|(year, _, _)| year != report_year)
}

/// Whether a change's words compare with a figure reported earlier for the same year
/// ([`ESTIMATE_WORDS`]: `比向人代会报告数据增加`, `较预计执行数减少`), not with another year's.
fn compared_with_an_estimate(label: &str, report_year: u16) -> bool {
    let Some(at) = COMPARISON_WORDS.iter().filter_map(|w| label.find(w)).min() else {
        return false;
    };
    let target = &label[at..];
    !names_another_year(target, report_year) && ESTIMATE_WORDS.iter().any(|w| target.contains(w))
}

/// Why a change stated against a budget is not a change against last year, which is all the
/// model's changes are; `None` for any other comparison. Against the year's own budget
/// (`较年初预算减少32%`, `比预算增加5万元`, `与2023年度预算相比` in a report of 2023) it never
/// is. Against last year's budget (`比上年预算增加`, `比2025年预算增加` in a report of 2026) it
/// is how budgets compare, but not how final accounts do. A fund's name (`一般公共预算`) is
/// no budget.
pub(super) fn compared_with_a_budget(
    label: &str,
    report_year: u16,
    kind: DisclosureKind,
) -> Option<UnparsedReason> {
    // `与2023年预算相比`: what is compared with stands between `与` and `相比`.
    let at = COMPARISON_WORDS
        .iter()
        .chain(&["与"])
        .filter_map(|w| label.find(w))
        .min()?;
    let target = without_budget_names(&label[at..]);
    if !target.contains("预算") {
        return None;
    }
    if !names_another_year(&target, report_year) {
        Some(UnparsedReason::AgainstOwnBudget)
    } else if accounts_for_spending(kind) && !target.contains("决算") {
        Some(UnparsedReason::AgainstLastYearsBudget)
    } else {
        None
    }
}

/// Whether a clause without a figure says its subject did not change against last year
/// (`较上年无增减`, `与上年相比持平`, `同比无变化`, `与2022年相比没有变化` in a 2023 report), not against the budget (`与预算持平`) and
/// not only about (`基本持平`).
///
/// Returns the comparison's words, from the comparison word on.
pub(super) fn unchanged_since_last_year(
    clause: &str,
    report_year: u16,
    kind: DisclosureKind,
) -> Option<&str> {
    let at = COMPARISON_WORDS
        .iter()
        .chain(&["与"])
        .filter_map(|w| clause.find(w))
        .min()?;
    let compared = &clause[at..];
    let last_year =
        year_in(compared).is_some_and(|(y, _, _)| y.checked_add(1) == Some(report_year));
    ((last_year || LAST_YEAR_WORDS.iter().any(|w| compared.contains(w)))
        && NO_CHANGE_WORDS.iter().any(|w| compared.contains(w))
        && !compared.contains("基本")
        && compared_with_a_budget(compared, report_year, kind).is_none())
    .then_some(compared)
}

/// A word of change (not of none) in words that also say there was none: `增加持平`.
pub(super) fn moving_word(words: &str) -> Option<Direction> {
    DIRECTION_WORDS
        .iter()
        .filter(|(w, d)| *d != Direction::Flat && w.chars().count() > 1)
        .find(|(w, _)| words.contains(w))
        .map(|(_, d)| *d)
}

/// Whether a clause of the `year` budget gives as its reason a plan of the year before
/// (`主要原因是2025年无公车购置计划` in the 2026 budget): after the word of reason it names
/// last year and then a 计划, and never the budget's own year (`2025年有购车计划，2026年无`
/// compares the two years).
pub(super) fn cites_last_years_plan(clause: &str, year: u16) -> bool {
    let Some(at) = clause.find("原因") else {
        return false;
    };
    let reason = &clause[at..];
    let (this_year, last_year) = (format!("{year}年"), format!("{}年", year.saturating_sub(1)));
    if reason.contains(&this_year) {
        return false;
    }
    reason
        .find(&last_year)
        .is_some_and(|i| reason[i..].contains("计划"))
}

/// Two words of opposite direction side by side right before an amount or a rate
/// (`同比增长下降57%`, `增加减少12万元`): the text says both of one figure. Not before a change of
/// a rate in points (`增长下降2个百分点`, growth that slowed), nor a template's bracketed
/// alternative ([`keeps_template_alternatives`]).
pub(super) fn opposite_directions_side_by_side(clause: &str) -> Option<(Direction, Direction)> {
    let word_at = |rest: &str| {
        DIRECTION_WORDS
            .iter()
            .filter(|(w, d)| w.chars().count() > 1 && !w.starts_with('（') && *d != Direction::Flat)
            .filter(|(w, _)| rest.starts_with(w))
            .max_by_key(|(w, _)| w.len())
            .copied()
    };
    clause.char_indices().find_map(|(at, _)| {
        let (first, a) = word_at(&clause[at..])?;
        let after_first = &clause[at + first.len()..];
        let (second, b) = word_at(after_first)?;
        let figure = after_first[second.len()..].trim_start();
        let digits =
            figure.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ',');
        let of_a_figure = digits.len() < figure.len()
            && ["%", "％", "万元", "元", "亿元"]
                .iter()
                .any(|unit| digits.trim_start().starts_with(unit));
        (a != b && of_a_figure).then_some((a, b))
    })
}

/// Whether a clause keeps a template's alternatives in brackets, so it never says which
/// holds: an alternative offered with `或` (`小于预算数（或与预算数持平）`), or the opposite
/// direction word bracketed after one (`增加（减少）`, `增长（下降）`).
pub(super) fn keeps_template_alternatives(clause: &str) -> bool {
    let mut rest = clause;
    while let Some(open) = rest.find(['（', '(']) {
        let after = &rest[open..];
        let inner_start = after.chars().next().map_or(1, char::len_utf8);
        let Some(close) = after.find(['）', ')']) else {
            return false;
        };
        let inner = after[inner_start..close].trim();
        let says_direction = |w: &str| Direction::WORDS.iter().any(|(d, _)| w.contains(d));
        if inner.starts_with('或') && says_direction(inner) {
            return true;
        }
        let before = &rest[..open];
        // `增加（减少）`, `增(减)`: a word of direction with its opposite in brackets.
        let words = || {
            Direction::WORDS.iter().copied().chain(
                DIRECTION_WORDS
                    .iter()
                    .copied()
                    .filter(|(w, _)| !w.starts_with('（')),
            )
        };
        let opposite = words().any(|(word, d)| {
            before.ends_with(word) && words().any(|(other, o)| inner == other && o != d)
        });
        if opposite {
            return true;
        }
        rest = &after[close..];
    }
    false
}
