//! Reads turned into statements, with their quotes and ids, and figures declined with their
//! reasons.

use super::{Base, Read, Reader, ValueKind};
use crate::narrative::scan::{Chars, Figure};
use crate::narrative::{UnparsedReason, UnparsedSentence};
use crate::report::{Concept, Location, StatedValue, Statement};

impl Reader<'_> {
    pub(super) fn unparsed(&mut self, at: usize, text: &str, reason: UnparsedReason) {
        self.declined_chapters.push(self.chapter);
        self.unparsed.push(UnparsedSentence {
            section: self.section.clone(),
            text: text.to_owned(),
            reason,
            offset: self.chars.byte_offset(at),
        });
    }

    pub(super) fn push(&mut self, read: Read, quote: &str) {
        let value = |v: &ValueKind| match v {
            ValueKind::Amount(a) => StatedValue::Amount(*a),
            ValueKind::Budget(a) => StatedValue::Budget(*a),
            ValueKind::Count(n) => StatedValue::Count(*n),
            ValueKind::Change(a, d, Base::LastYear) => StatedValue::Change {
                amount: *a,
                direction: *d,
            },
            ValueKind::Change(a, d, Base::OwnBudget) => StatedValue::ChangeAgainstBudget {
                amount: *a,
                direction: *d,
            },
            ValueKind::Growth(p, d, Base::LastYear) => StatedValue::Growth {
                rate: *p,
                direction: *d,
            },
            ValueKind::Growth(p, d, Base::OwnBudget) => StatedValue::GrowthAgainstBudget {
                rate: *p,
                direction: *d,
            },
            // `place` has implied every unwritten whole.
            ValueKind::Share(p, of) => StatedValue::Share {
                rate: *p,
                of: of
                    .clone()
                    .unwrap_or_else(|| Concept::Other("未写明的整体".to_owned())),
            },
            ValueKind::Completion(p) => StatedValue::Completion { rate: *p },
            ValueKind::Score(s) => StatedValue::Score(*s),
            ValueKind::Measure(value, unit) => StatedValue::Measure {
                value: *value,
                unit: *unit,
            },
        };
        for concept in &read.concepts {
            self.push_one(concept.clone(), value(&read.value), read.year, quote);
        }
    }

    pub(super) fn push_one(
        &mut self,
        concept: Concept,
        value: StatedValue,
        year: Option<u16>,
        quote: &str,
    ) {
        let id = statement_id(&self.section, quote, &mut self.ids);
        self.statements.push(Statement {
            id: Some(id),
            concept,
            value,
            year,
            location: Location {
                section: self.section.clone(),
                quote: quote.to_owned(),
                page: None,
            },
        });
        self.places
            .push((self.chapter, self.sentence, self.unparsed.len()));
    }
}

/// The longest clause, in characters, that each of its figures quotes whole.
pub(super) const QUOTE_WHOLE_UP_TO: usize = 240;

/// The characters a figure of a longer clause quotes on each side of it.
const QUOTE_AROUND: usize = 60;

/// The quote of `figure` in the clause `[a, b)`, whose whole text (trimmed) is `clause`: the
/// clause when it is at most [`QUOTE_WHOLE_UP_TO`] characters long, else the figure with at
/// most [`QUOTE_AROUND`] characters of the clause on each side. Each figure's statement (and
/// each figure that cannot be read) keeps its quote, so the quotes of a long clause of many
/// figures stay within a bounded length per figure instead of the clause times its figures.
pub(super) fn figure_quote<'q>(
    chars: &Chars,
    (a, b): (usize, usize),
    figure: &Figure,
    clause: &'q str,
) -> std::borrow::Cow<'q, str> {
    if b.saturating_sub(a) <= QUOTE_WHOLE_UP_TO {
        return std::borrow::Cow::Borrowed(clause);
    }
    let start = figure.start.saturating_sub(QUOTE_AROUND).max(a);
    let end = figure.end.saturating_add(QUOTE_AROUND).min(b);
    std::borrow::Cow::Owned(chars.original(start, end).trim().to_owned())
}

/// A statement's id, from where it is: `s` and eight hex digits of a hash of its section
/// heading and its clause, then `.k` for the k-th statement of that clause (`s1f3a09c2.1`).
/// Inserting or removing other sentences leaves it as it is, so a suppression keyed by it
/// stays attached to its figure. The hash is FNV-1a (32 bits), fixed here so that ids do not
/// change between versions.
fn statement_id(
    section: &str,
    quote: &str,
    seen: &mut std::collections::HashMap<u32, u32>,
) -> String {
    let mut hash: u32 = 0x811c_9dc5;
    for byte in section.bytes().chain([0x1f]).chain(quote.bytes()) {
        hash ^= u32::from(byte);
        hash = hash.wrapping_mul(0x0100_0193);
    }
    let k = seen.entry(hash).or_insert(0);
    *k += 1;
    format!("s{hash:08x}.{k}")
}
