//! A sentence: the unit it speaks for, its clauses in order, the years that date it, and its
//! levels and changes for looking ahead.

use super::changes::change_words;
use super::document::year_in;
use super::units::{name_variant, same_unit, unit_named_first};
use super::{NextLevel, Reader, SentenceFigure, SentenceState};
use crate::narrative::UnparsedReason;
use crate::narrative::scan::{Chars, FigureKind, Numbering, figures, split_numbering};
use crate::report::{Concept, StatedValue, WordingFlaw};

fn is_clause_end(chars: &Chars, i: usize) -> bool {
    // `高等教育（项，2050205）`: a level mark with the line's code, inside its brackets.
    let level_code = || {
        i >= 2
            && matches!(chars.at(i - 1), '类' | '款' | '项')
            && matches!(chars.at(i - 2), '（' | '(')
            && chars.at(i + 1).is_ascii_digit()
    };
    match chars.at(i) {
        '；' | '。' => true,
        '，' => !level_code(),
        // `1,055.4`: a thousands separator.
        ',' => {
            let grouped =
                chars.at(i.wrapping_sub(1)).is_ascii_digit() && chars.at(i + 1).is_ascii_digit();
            !(grouped || level_code())
        }
        _ => false,
    }
}

impl Reader<'_> {
    pub(super) fn sentence(&mut self, a: usize, b: usize) {
        self.sentence += 1;
        self.sentence_text = self.chars.normalized(a, b);
        self.sentence_start = a;
        self.sentence_end = b;
        self.levels_in_sentence = std::cell::OnceCell::new();
        // `中国人民银行2011年度“三公经费”预算数…`: a sentence opening with a unit's name speaks
        // of that unit, and so does the rest of its paragraph; the text's own unit is its
        // title's, or the first one a text without a named unit speaks of.
        if let Some(unit) = unit_named_first(&self.sentence_text) {
            let own = self.own_unit.get_or_insert_with(|| unit.to_owned());
            self.other_unit = (!same_unit(own, unit)).then(|| unit.to_owned());
        }
        // `支出最多的是省交通运输厅，为1421.31万元；最少的是…`: a ranking speaks of the units it
        // ranks.
        let ranking = RANKING_WORDS
            .iter()
            .find(|w| self.sentence_text.contains(*w))
            .map(|w| (*w).to_owned());
        if let Some(unit) = self.other_unit.clone().or(ranking) {
            let reason = UnparsedReason::OtherUnit { unit };
            for figure in figures(&self.chars, a, b) {
                if !matches!(figure.kind, FigureKind::Year(_)) {
                    let quote = self.chars.original(figure.start, figure.end);
                    self.unparsed(figure.start, &quote, reason.clone());
                }
            }
            return;
        }
        // A sentence that names the report's year says the heading's other year is not its
        // section's (`迪庆州州本级2020年度…说明` over `2021年，州本级…`: the heading's slip).
        if self.section_year.is_some() && dated_years(&self.sentence_text).any(|y| y == self.year) {
            self.section_year = None;
        }
        self.listing = None;
        self.side_listing = ["支出包括", "支出主要包括", "支出预算包括", "支出具体包括"]
            .iter()
            .any(|w| self.sentence_text.trim_start().starts_with(w))
            && self.places.last().is_some_and(|p| p.0 == self.chapter)
            && self.statements.last().is_some_and(|s| {
                s.year.is_none()
                    && matches!(s.value, StatedValue::Amount(_))
                    && matches!(
                        s.concept,
                        Concept::ExpenditureGrandTotal | Concept::CurrentExpenditureTotal
                    )
            });
        let first_statement = self.statements.len();
        // `主要是2018年…支出49865元与上年比减少30431元，因此…`: a sentence that opens by giving a
        // reason is the reason's account, whose figures are not its subject's.
        let opens_with_reason = REASON_OPENERS
            .iter()
            .any(|w| self.sentence_text.trim_start().starts_with(w));
        let mut state = SentenceState {
            first_statement,
            in_reason: opens_with_reason,
            reason: opens_with_reason,
            ..SentenceState::default()
        };
        let mut start = a;
        for i in a..=b {
            if i == b || is_clause_end(&self.chars, i) {
                if i > start {
                    self.before_clause = (a, start);
                    self.clause(start, i, &mut state);
                    state.started = true;
                }
                // A reason goes on to the end of its clauses (`主要原因是：（1）增加1人，公用
                //经费2万元；（2）…`): a `；` ends it unless the next clause is its next item.
                if i < b && self.chars.at(i) == '；' {
                    let next = self.chars.normalized(i + 1, (i + 8).min(b));
                    state.in_reason &= split_numbering(&next).0 != Numbering::None;
                }
                start = i + 1;
            }
        }
        self.measure_sums(a, b, first_statement);
        self.additive_sums(a, b, first_statement);
        if let Some(variant) = name_variant(&self.sentence_text, &self.entity_name) {
            let quote = variant.to_owned();
            let flaw = StatedValue::Wording(WordingFlaw::NameVariant);
            self.push_one(Concept::Other("单位名称".to_owned()), flaw, None, &quote);
        }
        self.previous_listing = state
            .breakdown
            .clone()
            .map(|whole| (whole, std::mem::take(&mut state.listed_parts)));
        // After `X…，其中：a，b，c。` the topic is X, not c; after `b…。` going on with that
        // listing, b.
        match state.breakdown {
            Some(whole) if !whole.is_empty() && !state.continues_listing => {
                self.section_subject = whole;
            }
            _ if !state.subject.is_empty() => self.section_subject = state.subject,
            _ => {}
        }
    }

    /// The first level (an amount whose words say no change) after `from` in the current
    /// sentence, if any: a listing goes on past the figure at `from`; and whether a change
    /// comes right after it. The sentence is scanned once, when first asked (so a long
    /// sentence reads in linear time).
    pub(super) fn next_level(&self, from: usize) -> Option<NextLevel> {
        let figures = self.levels_in_sentence.get_or_init(|| {
            let mut cursor = self.sentence_start;
            figures(&self.chars, self.sentence_start, self.sentence_end)
                .into_iter()
                .filter_map(|figure| {
                    let words = self.chars.normalized(cursor, figure.start);
                    cursor = figure.end;
                    let amount = matches!(figure.kind, FigureKind::Amount(_));
                    let rate = matches!(figure.kind, FigureKind::Percent);
                    let role = if (amount || rate) && change_words(&words).is_some() {
                        SentenceFigure::Change
                    } else if amount && !words.trim_matches(['，', '、', '；', ' ']).is_empty() {
                        SentenceFigure::Level
                    } else {
                        return None;
                    };
                    Some((figure.start, role))
                })
                .collect()
        });
        let at = figures
            .iter()
            .position(|&(start, role)| start >= from && role == SentenceFigure::Level)?;
        Some(NextLevel {
            changed: figures
                .get(at + 1)
                .is_some_and(|&(_, role)| role == SentenceFigure::Change),
        })
    }

    /// The year of the section's heading for a sentence that names no year of its own.
    pub(super) fn undated_sentence_year(&self) -> Option<u16> {
        self.section_year
            .filter(|_| dated_years(&self.sentence_text).next().is_none())
    }
}

/// The years `text` dates something by (`2021年，…`, `2021年度支出`), not those it compares
/// with (`比2010年`, `与 2024 年`).
fn dated_years(text: &str) -> impl Iterator<Item = u16> + '_ {
    let mut rest = text;
    std::iter::from_fn(move || {
        while let Some((year, before, after)) = year_in(rest) {
            rest = after;
            if !before.trim_end().ends_with(['与', '较', '比', '同', '于']) {
                return Some(year);
            }
        }
        None
    })
}

/// Words of a sentence ranking units (`支出最多的是…`), whose figures are the ranked units'.
const RANKING_WORDS: &[&str] = &[
    "最多的是",
    "最少的是",
    "最高的是",
    "最低的是",
    "最大的是",
    "最小的是",
    "排名第",
    "排在第",
];

/// Words that open a sentence giving a reason (`主要是…`, `主要由于…`, `原因是…`).
pub(super) const REASON_OPENERS: &[&str] =
    &["主要是", "主要由于", "主要因为", "原因是", "主要原因"];
