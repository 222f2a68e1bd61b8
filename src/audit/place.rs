//! Where a finding's figures are printed: byte ranges of the narrative text, of a statement's
//! quote, or table cells.

use std::collections::HashMap;
use std::ops::Range;
use std::str::FromStr;

use rust_decimal::Decimal;

use super::AuditedFile;
use crate::report::{Column, FigureRef, StatedValue, Statement};

/// Where a figure is shown.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Place {
    /// Bytes `start..end` of the narrative text ([`AuditedFile::text`]).
    Text {
        /// The first byte.
        start: usize,
        /// The byte after the last.
        end: usize,
    },
    /// Bytes `start..end` of the quote of a statement, for a disclosure without a text (one
    /// saved as JSON).
    Quote {
        /// The statement's index in the disclosure's `statements`.
        statement: usize,
        /// The first byte.
        start: usize,
        /// The byte after the last.
        end: usize,
    },
    /// A printed table cell.
    Cell {
        /// The table's index in the disclosure's `tables`.
        table: usize,
        /// The row's index in the table's `rows`.
        row: usize,
        /// The column.
        column: Column,
    },
}

/// A figure of a finding, and where it is shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Highlight {
    /// The finding's index in the file's `report.findings`.
    pub finding: usize,
    /// Where the figure is.
    pub place: Place,
    /// Whether it is the figure the finding is about (`Finding::at`, or its quote when it has
    /// no figure), rather than another figure the identity involves.
    pub primary: bool,
}

/// The printed figure of `value` in `quote`: the first number printed there with the same
/// value (full-width digits and thousands separators allowed) followed by `%` for a rate and
/// not for anything else, with its unit (`万元`, `亿元`, `元`) or `%`. `None` when the quote
/// does not print it in digits (`持平`, `三辆`).
///
/// ```
/// use fiscal_cn::{audit::figure_span, report::StatedValue};
///
/// let quote = "其他收入46.06万元，占5.94%";
/// let amount = StatedValue::Amount("46.06万元".parse()?);
/// assert_eq!(&quote[figure_span(quote, &amount).unwrap()], "46.06万元");
/// let share = StatedValue::Completion { rate: "5.94%".parse()? };
/// assert_eq!(&quote[figure_span(quote, &share).unwrap()], "5.94%");
/// # Ok::<(), fiscal_cn::Error>(())
/// ```
#[must_use]
pub fn figure_span(quote: &str, value: &StatedValue) -> Option<Range<usize>> {
    let (target, percent) = match value {
        StatedValue::Amount(a) | StatedValue::Budget(a) => (a.value(), false),
        StatedValue::Change { amount, .. } | StatedValue::ChangeAgainstBudget { amount, .. } => {
            (amount.value(), false)
        }
        StatedValue::Count(n) => (Decimal::from(*n), false),
        StatedValue::Growth { rate, .. }
        | StatedValue::GrowthAgainstBudget { rate, .. }
        | StatedValue::Share { rate, .. }
        | StatedValue::Completion { rate } => (rate.points(), true),
        StatedValue::Score(s) => (*s, false),
        StatedValue::Measure { value, .. } => (*value, false),
        StatedValue::BudgetComparison(_) | StatedValue::Wording(_) => return None,
    };
    let target = target.abs();
    for (range, value) in numbers(quote) {
        if value != target {
            continue;
        }
        let after = &quote[range.end..];
        let sign = after
            .chars()
            .next()
            .filter(|c| matches!(c, '%' | '％' | '﹪'));
        if sign.is_some() != percent {
            continue;
        }
        let unit_len = match sign {
            Some(c) => c.len_utf8(),
            None => ["万元", "亿元", "元"]
                .iter()
                .chain(
                    crate::report::MeasureUnit::WORDS
                        .iter()
                        .map(|(word, _)| word),
                )
                .find(|u| after.starts_with(*u))
                .map_or(0, |u| u.len()),
        };
        return Some(range.start..range.end + unit_len);
    }
    None
}

/// The numbers printed in `text`: byte ranges and values (signs left out).
fn numbers(text: &str) -> Vec<(Range<usize>, Decimal)> {
    let digit = |c: char| c.is_ascii_digit() || ('０'..='９').contains(&c);
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !digit(chars[i].1) {
            i += 1;
            continue;
        }
        let start = i;
        let mut normal = String::new();
        while i < chars.len() {
            let c = chars[i].1;
            let next_digit = chars.get(i + 1).is_some_and(|&(_, n)| digit(n));
            if c.is_ascii_digit() {
                normal.push(c);
            } else if ('０'..='９').contains(&c) {
                normal.push(char::from(b'0' + (u32::from(c) - u32::from('０')) as u8));
            } else if matches!(c, '.' | '．') && next_digit && !normal.contains('.') {
                normal.push('.');
            } else if c == ',' && next_digit {
                // A thousands separator.
            } else {
                break;
            }
            i += 1;
        }
        let end = chars.get(i).map_or(text.len(), |&(b, _)| b);
        if let Ok(value) = Decimal::from_str(&normal) {
            out.push((chars[start].0..end, value));
        }
    }
    out
}

/// Where each statement's figure is in `text` (the text the statements were read from), in
/// statement order: its quote is found in the text after the previous statement's (or
/// anywhere, for a statement out of order), then the figure in the quote; the whole quote when
/// the figure is not printed in digits, `None` when the quote is not in the text.
fn statement_spans(text: &str, statements: &[Statement]) -> Vec<Option<Range<usize>>> {
    let mut cursor = 0;
    statements
        .iter()
        .map(|s| {
            let quote = &s.location.quote;
            if quote.is_empty() {
                return None;
            }
            let at = match text
                .get(cursor..)
                .and_then(|rest| rest.find(quote.as_str()))
            {
                Some(p) => {
                    cursor += p;
                    cursor
                }
                None => text.find(quote.as_str())?,
            };
            let figure = figure_span(quote, &s.value).unwrap_or(0..quote.len());
            Some(at + figure.start..at + figure.end)
        })
        .collect()
}

/// Where each sentence the reader did not understand ([`AuditedFile::unparsed`]) is in the
/// text, in the same order; `None` for a file without text or a sentence not found at its
/// offset.
///
/// ```
/// use fiscal_cn::{audit::{audit_source, unparsed_spans}, check::Policy};
///
/// let text = "2024年度示例单位部门决算公开编制说明\n二、收入决算情况说明\n本年收入合计775.31万元。\
///             另有若干事项涉及12.5万元。";
/// let file = audit_source("a.txt", text.as_bytes(), &Policy::default())?;
/// for (sentence, span) in file.unparsed.iter().zip(unparsed_spans(&file)) {
///     assert_eq!(&text[span.unwrap()], sentence.text);
/// }
/// # Ok::<(), fiscal_cn::audit::UnreadableFile>(())
/// ```
#[must_use]
pub fn unparsed_spans(file: &AuditedFile) -> Vec<Option<Range<usize>>> {
    file.unparsed
        .iter()
        .map(|u| {
            let text = file.text.as_deref()?;
            let rest = text.get(u.offset..)?;
            let p = rest.find(u.text.as_str())?;
            (!u.text.is_empty()).then(|| u.offset + p..u.offset + p + u.text.len())
        })
        .collect()
}

/// Every place of every finding of `file`: for each finding (in report order) the figure it is
/// about first (`primary`), then the other figures its identity involves, each once. A
/// statement's figure is in the text for a narrative ([`Place::Text`]) and in its quote for a
/// JSON disclosure ([`Place::Quote`]); a cell is a [`Place::Cell`] (when the disclosure prints
/// that row). A finding with no figure but a quote is placed at its quote in the text. A figure
/// that cannot be found is left out, so a finding may have no highlight at all.
///
/// ```
/// use fiscal_cn::{audit::{audit_source, highlights, Place}, check::Policy};
///
/// let text = "2024年度示例单位部门决算公开编制说明\n二、收入决算情况说明\n\
///             本年收入合计775.31万元，其中：一般公共预算财政拨款收入729.25万元，占94.05%。";
/// let file = audit_source("a.txt", text.as_bytes(), &Policy::default())?;
/// let marks = highlights(&file);
/// let primary = marks.iter().find(|h| h.finding == 0 && h.primary).unwrap();
/// let Place::Text { start, end } = primary.place else { unreachable!() };
/// assert_eq!(&text[start..end], "94.05%"); // the truncated share
/// # Ok::<(), fiscal_cn::audit::UnreadableFile>(())
/// ```
#[must_use]
pub fn highlights(file: &AuditedFile) -> Vec<Highlight> {
    let d = &file.disclosure;
    let spans = file
        .text
        .as_deref()
        .map(|text| statement_spans(text, &d.statements));
    let mut by_id: HashMap<&str, usize> = HashMap::new();
    for (i, s) in d.statements.iter().enumerate() {
        if let Some(id) = &s.id {
            by_id.entry(id.as_str()).or_insert(i);
        }
    }
    let place_of = |figure: &FigureRef| -> Option<Place> {
        match figure {
            FigureRef::Statement(id) => {
                let i = *by_id.get(id.as_str())?;
                match &spans {
                    Some(spans) => {
                        let span = spans.get(i)?.clone()?;
                        Some(Place::Text {
                            start: span.start,
                            end: span.end,
                        })
                    }
                    None => {
                        let s = &d.statements[i];
                        let quote = &s.location.quote;
                        let span = figure_span(quote, &s.value).unwrap_or(0..quote.len());
                        Some(Place::Quote {
                            statement: i,
                            start: span.start,
                            end: span.end,
                        })
                    }
                }
            }
            FigureRef::Cell { table, row, column } => {
                let t = d.tables.iter().position(|t| t.kind == *table)?;
                let r = d.tables[t].rows.iter().position(|r| r.key == *row)?;
                Some(Place::Cell {
                    table: t,
                    row: r,
                    column: *column,
                })
            }
        }
    };
    let mut out = Vec::new();
    for (index, finding) in file.report.findings.iter().enumerate() {
        let mut seen: Vec<Place> = Vec::new();
        let mut add = |place: Place, primary: bool, out: &mut Vec<Highlight>| {
            if !seen.contains(&place) {
                seen.push(place.clone());
                out.push(Highlight {
                    finding: index,
                    place,
                    primary,
                });
            }
        };
        let at = finding.at.as_ref().and_then(place_of);
        let quoted = || {
            let text = file.text.as_deref()?;
            let quote = finding.quote.as_deref().filter(|q| !q.is_empty())?;
            let start = text.find(quote)?;
            Some(Place::Text {
                start,
                end: start + quote.len(),
            })
        };
        if let Some(place) = at.or_else(quoted) {
            add(place, true, &mut out);
        }
        for figure in &finding.involves {
            if let Some(place) = place_of(figure) {
                add(place, false, &mut out);
            }
        }
    }
    out
}
