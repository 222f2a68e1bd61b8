//! Listings: a `其中` (`包括`, `主要用于`) listing of a whole's parts, brackets of what a figure
//! holds (`（含…）`), and subjects listed with their figures in the same order
//! (`基本支出、项目支出分别为A、B`).

use super::labels::focus;
use super::{Read, Reader, SentenceState, ValueKind};
use crate::narrative::scan::{FigureKind, figures};
use crate::report::{Claim, Concept, FigureRef, StatedValue, Statement};
use crate::vocabulary::reason::UnparsedReason;
use crate::vocabulary::words::{DIRECTION_WORDS, DISTRIBUTION_WORDS, is_generic};
use crate::vocabulary::{direction_in, wholes_of};

impl Reader<'_> {
    /// Whether the sentence starting at `a` is its line's second: one sentence stands between
    /// the line's start and it.
    fn second_of_its_line(&self, a: usize) -> bool {
        let line_start = (0..a)
            .rev()
            .find(|&i| self.chars.at(i) == '\n')
            .map_or(0, |i| i + 1);
        let ends = (line_start..a)
            .filter(|&i| matches!(self.chars.at(i), '。' | '！' | '？'))
            .count();
        ends == 1
    }

    /// The sum a sentence adding up its amounts claims: `一般公共预算收入A，加上上级补助收入B、
    /// 调入资金C，收入总计T` makes T the sum of A, B and C (the way a government's report
    /// balances each of its budgets). The sentence's one amount before `加上` is the first part,
    /// the amounts after it the others, up to the first whose words say `总计` or `合计`, its total.
    /// Taken only when every figure of the sentence was read as one amount of the same kind,
    /// and nothing in the addition subtracts (`减去`, `扣除`) or lists a part of a part (`其中`,
    /// `含`, brackets), so that the parts are exactly what the words add.
    pub(super) fn additive_sums(&mut self, a: usize, b: usize, first_statement: usize) {
        if !self.sentence_text.contains("加上") {
            return;
        }
        let found: Vec<_> = figures(&self.chars, a, b)
            .into_iter()
            .filter(|f| !matches!(f.kind, FigureKind::Year(_)))
            .collect();
        let read = &self.statements[first_statement..];
        // Whether a statement is a budget (`None`: no amount at all); the parts and the total
        // are all one or all the other.
        let is_budget = |s: &Statement| match s.value {
            StatedValue::Amount(_) => Some(false),
            StatedValue::Budget(_) => Some(true),
            _ => None,
        };
        let Some(first_is_budget) = read.first().and_then(is_budget) else {
            return;
        };
        if found.len() != read.len()
            || !found
                .iter()
                .all(|f| matches!(f.kind, FigureKind::Amount(_)))
            || !read.iter().all(|s| is_budget(s) == Some(first_is_budget))
        {
            return;
        }
        let mut cursor = a;
        let words: Vec<String> = found
            .iter()
            .map(|f| {
                let w = self.chars.normalized(cursor, f.start);
                cursor = f.end;
                w
            })
            .collect();
        let Some(first_added) = words.iter().position(|w| w.contains("加上")) else {
            return;
        };
        let Some(total) = (first_added + 1..words.len())
            .find(|&k| words[k].contains("总计") || words[k].contains("合计"))
        else {
            return;
        };
        // The sentence opens with the one amount added to (`税收收入A，非税收入B，加上…` adds to
        // their sum, which it does not state), or opens with `加上` after the sentence of one
        // amount its paragraph opens with (`收入A，同比增长x%。加上B…`; not after a part of
        // that amount: `收入A。其中：土地收入a。加上…`).
        let base = match first_added {
            0 if words[0].trim_start().starts_with("加上") && self.second_of_its_line(a) => {
                let previous_sentence = self.sentence - 1;
                let before: Vec<usize> = (0..first_statement)
                    .rev()
                    .take_while(|&i| self.places[i].1 == previous_sentence)
                    .filter(|&i| is_budget(&self.statements[i]).is_some())
                    .collect();
                match before.as_slice() {
                    [one]
                        if is_budget(&self.statements[*one]) == Some(first_is_budget)
                            && self.statements[*one].location.section == self.section =>
                    {
                        *one
                    }
                    _ => return,
                }
            }
            1 => first_statement,
            _ => return,
        };
        if words[first_added..=total].iter().any(|w| {
            ["减", "扣除", "其中", "含", "（", "("]
                .iter()
                .any(|x| w.contains(x))
        }) {
            return;
        }
        let refer =
            |i: usize| FigureRef::Statement(self.statements[i].id.clone().unwrap_or_default());
        let parts = std::iter::once(base)
            .chain(first_statement + first_added..first_statement + total)
            .map(refer)
            .collect();
        self.sentence_claims.push(Claim::Sum {
            total: refer(first_statement + total),
            parts,
            minus: Vec::new(),
        });
    }

    /// `其中` (`包括`, `主要用于`) in `label` opens a listing of the parts of what was just
    /// stated: of the sentence's subject, or of the previous sentence's when the sentence opens
    /// with it. Without a figure before it, the parts name themselves.
    pub(super) fn open_breakdown(&self, label: &str, state: &mut SentenceState) {
        state.breakdown_bracketed = label
            .rfind('（')
            .is_some_and(|open| label[open..].contains("其中") && !label[open..].contains('）'));
        if state.breakdown_bracketed {
            state.outer_breakdown = state.breakdown.take();
        } else {
            // `其中：A…，其中：a1，a2；B…`: B goes back to the listing A was opened in.
            state.enclosing_breakdown = state.breakdown.take().filter(|w| !w.is_empty());
        }
        state.breakdown = if state.lost {
            Some(Vec::new())
        } else if !state.subject.is_empty() {
            Some(state.subject.clone())
        } else if !state.started && !self.section_subject.is_empty() {
            Some(self.section_subject.clone())
        } else {
            None
        };
        // `…合计58.8亿元，比预算数减少12.71亿元。…。其中：因公出国经费16.2亿元，减少3.56亿元`: a
        // listing opening a sentence lists the parts of a whole whose latest change was against
        // its budget; their changes in no words of comparison are against theirs too.
        if !state.started
            && let Some(whole) = state.breakdown.as_ref().filter(|w| !w.is_empty())
        {
            // Whether the whole's latest change was against its budget.
            let against_budget = self
                .statements
                .iter()
                .rev()
                .take(64)
                .filter(|s| whole.contains(&s.concept))
                .find_map(|s| match s.value {
                    StatedValue::ChangeAgainstBudget { .. }
                    | StatedValue::GrowthAgainstBudget { .. } => Some(true),
                    StatedValue::Change { .. } | StatedValue::Growth { .. } => Some(false),
                    _ => None,
                });
            if against_budget == Some(true) {
                state.compared_elsewhere = Some(UnparsedReason::AgainstOwnBudget);
            }
        }
        state.breakdown_changed = false;
        state.listed_parts.clear();
        state.parts_listed = 0;
        state.listing_after_whole = state.started;
        // Looked up once per listing, among the latest statements (a bound, so that a long
        // sentence reads in linear time).
        state.whole_changed = state.breakdown.as_ref().is_some_and(|whole| {
            self.statements[state.first_statement..]
                .iter()
                .rev()
                .take(64)
                .any(|s| {
                    whole.contains(&s.concept)
                        && matches!(
                            s.value,
                            StatedValue::Change { .. } | StatedValue::Growth { .. }
                        )
                })
        });
        // The whole was stated in this sentence, or in the one before when this one opens with
        // the listing.
        let whole_stated = if state.started {
            &self.statements[state.first_statement..]
        } else {
            &self.statements[..]
        };
        state.breakdown_year = state.breakdown.as_ref().and_then(|whole| {
            whole_stated
                .iter()
                .rev()
                .find(|s| whole.contains(&s.concept))
                .and_then(|s| s.year)
        });
        // Only when the budget was the last figure read, and not one compared with (`较预算数
        // 898万元增加114万元（其中：…）` lists the actual amounts).
        let budget_just_stated = if state.started {
            state.budget_just_stated
        } else {
            self.last_budget_uncompared
        };
        state.breakdown_of_budget = budget_just_stated
            && whole_stated.last().is_some_and(|s| {
                matches!(s.value, StatedValue::Budget(_))
                    && state
                        .breakdown
                        .as_ref()
                        .is_some_and(|w| w.contains(&s.concept))
            });
        state.breakdown_of_changes = state
            .breakdown
            .as_ref()
            .is_some_and(|whole| self.only_changes_of(whole));
    }

    /// Whether the latest sentence with statements said of `whole` only how it changed (a
    /// change or a rate of change), not how much it is.
    fn only_changes_of(&self, whole: &[Concept]) -> bool {
        let Some(&(_, sentence, _)) = self.places.last() else {
            return false;
        };
        let latest = self
            .statements
            .iter()
            .zip(&self.places)
            .rev()
            .take_while(|(_, place)| place.1 == sentence)
            .filter(|(statement, _)| whole.contains(&statement.concept))
            .map(|(statement, _)| &statement.value);
        let mut changes = false;
        for value in latest {
            match value {
                StatedValue::Change { .. } | StatedValue::Growth { .. } => changes = true,
                StatedValue::Amount(_) | StatedValue::Budget(_) => return false,
                _ => {}
            }
        }
        changes
    }

    /// Whether the sentence lists a fund's expenditure (its 类 names are then that fund's lines).
    pub(super) fn note_listing(&mut self, read: &Read) {
        if !matches!(read.value, ValueKind::Amount(_)) {
            return;
        }
        for concept in &read.concepts {
            match concept {
                Concept::FundExpenditure(fund) => self.listing = Some(*fund),
                Concept::FundFunctionExpenditure { .. } => {}
                _ => self.listing = None,
            }
        }
    }

    /// The subjects a label lists for figures listed in the same order: several concepts
    /// named at once (`收、支总计各是`), or names joined by `、`/`和`/`及` before `分别`
    /// (`基本支出、项目支出分别为`) or before `各` and a word of change (`收入、支出总计各增加
    /// A、B`: one figure there is said of both, as many as the subjects one each). `None` when
    /// the label lists no subjects.
    pub(super) fn paired_subjects(&self, label: &str) -> Option<Vec<Concept>> {
        let words = focus(label);
        let each_changed = words.match_indices('各').find_map(|(at, each)| {
            let rest = &words[at + each.len()..];
            let first_two = rest
                .char_indices()
                .nth(2)
                .map_or(rest, |(end, _)| &rest[..end]);
            direction_in(first_two).is_some().then_some(at)
        });
        let before = DISTRIBUTION_WORDS
            .iter()
            .filter_map(|w| words.find(w))
            .chain(each_changed)
            .map(|p| &words[..p])
            .min_by_key(|b| b.len())?;
        if let Ok(Some(concepts)) = self.concepts(before)
            && concepts.len() >= 2
        {
            return Some(concepts);
        }
        let names: Vec<&str> = before
            .split(['、', '和', '及', '与'])
            .filter(|n| !n.trim().is_empty())
            .collect();
        if names.len() < 2 {
            return None;
        }
        names
            .iter()
            .map(|name| match self.concepts(name) {
                Ok(Some(c)) if c.len() == 1 => c.into_iter().next(),
                _ => None,
            })
            .collect()
    }
}

/// Whether a figure's words open brackets of what the figure before holds (`（含上年结转`,
/// `(其中含`), left open up to the figure.
pub(super) fn opens_inclusion(label: &str) -> bool {
    let open = label.rfind(['（', '(']);
    let close = label.rfind(['）', ')']);
    match open {
        Some(at) if close.is_none_or(|c| c < at) => {
            names_inclusion(label[at..].trim_start_matches(['（', '(']))
        }
        _ => false,
    }
}

/// Whether words inside brackets begin by saying what the figure before holds (`含…`,
/// `其中含…`, `包含…`).
pub(super) fn names_inclusion(inside: &str) -> bool {
    inside.starts_with('含') || inside.starts_with("其中含") || inside.starts_with("包含")
}

/// Whether the words before a figure open a listing of parts (`其中：`, `收入包括：`).
pub(super) fn opens_breakdown(label: &str) -> bool {
    ["其中", "包括", "主要用于"]
        .iter()
        .any(|w| label.contains(w))
}

/// Whether the words between two figures only join them in a list (`、`, `和`, `及`).
pub(super) fn is_list_separator(label: &str) -> bool {
    !label.is_empty()
        && label
            .trim_matches(['、', '，', ',', '和', '及', '与', ' '])
            .is_empty()
}

/// Whether the words hand figures out one to each thing listed (`分别`, `各为`, `依次`).
pub(super) fn names_distribution(label: &str) -> bool {
    DISTRIBUTION_WORDS.iter().any(|w| label.contains(w))
        // `收入总计A，支出总计B，…各减少C万元和D万元`: `各` before a direction hands a run of
        // changes out to the things before, in order, as `分别` does.
        || label.match_indices('各').any(|(at, each)| {
            let after = &label[at + each.len()..];
            DIRECTION_WORDS.iter().any(|(w, _)| after.starts_with(w))
        })
}

/// Whether a figure's words say only that it is a total (`合计`, `共计`, `总计为`).
pub(super) fn says_only_total(label: &str) -> bool {
    is_generic(label) && ["合计", "共计", "总计"].iter().any(|w| label.contains(w))
}

/// The whole that every one of `parts` is directly a part of (`基本支出`, `项目支出` →
/// 本年支出合计), when there is one.
pub(super) fn common_whole(parts: &[Concept]) -> Option<Concept> {
    let first = parts.first()?;
    wholes_of(first)
        .into_iter()
        .find(|whole| parts.iter().all(|p| wholes_of(p).contains(whole)))
}
