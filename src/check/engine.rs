//! The machinery rules share: operands, identity comparison, policy, messages.

use std::borrow::Cow;

use rust_decimal::Decimal;

use crate::classification::{Catalog, EconomicCrosswalk, FunctionCode};
use crate::money::{Amount, MAX_DECIMALS, Unit};
pub(crate) use crate::precision::RateForm;
use crate::precision::{Printed, check_balance_of, check_rate, rate_is_rounded};
use crate::report::{
    Column, Concept, Disclosure, FigureRef, Row, RowKey, StatedValue, Statement, Table, TableKind,
};
use crate::vocabulary::{partitions, parts_in};

use super::finding::{
    CheckReport, Comparison, FigureUnit, Finding, FindingKind, Message, Severity, SumMessage,
    SuppressedFinding,
};
use super::index::Tables;
use super::policy::Policy;
use super::registry::RuleCode;

/// A published figure taking part in an identity.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Operand<'f> {
    pub figure: Figure<'f>,
    pub value: Printed,
}

/// Where an operand was printed, borrowed from the disclosure: most identities hold, so the
/// owned [`FigureRef`] (a cloned id or row key) is made only for a finding, by [`Figure::to_ref`].
#[derive(Debug, Clone, Copy)]
pub(crate) enum Figure<'f> {
    /// A statement ([`statement_ref`]).
    Statement(&'f Statement),
    /// A table cell.
    Cell {
        table: TableKind,
        row: &'f RowKey,
        column: Column,
    },
}

impl Figure<'_> {
    /// The figure as a finding names it.
    #[inline]
    pub fn to_ref(self) -> FigureRef {
        match self {
            Figure::Statement(statement) => statement_ref(statement),
            Figure::Cell { table, row, column } => FigureRef::Cell {
                table,
                row: row.clone(),
                column,
            },
        }
    }
}

impl Figure<'_> {
    /// Whether the two figures name the same [`FigureRef`] (`a.to_ref() == b.to_ref()`),
    /// without making either: the cheap fields first.
    #[inline]
    fn same_ref(self, other: Figure<'_>) -> bool {
        let same = match (self, other) {
            (Figure::Statement(a), Figure::Statement(b)) => statement_name(a) == statement_name(b),
            (
                Figure::Cell { table, row, column },
                Figure::Cell {
                    table: other_table,
                    row: other_row,
                    column: other_column,
                },
            ) => {
                column == other_column
                    && table == other_table
                    && (std::ptr::eq(row, other_row) || row == other_row)
            }
            _ => false,
        };
        debug_assert_eq!(same, self.to_ref() == other.to_ref());
        same
    }
}

/// The words of a sum identity for its message besides its subject (which the rule writes
/// straight into the message), built only when there is a finding.
pub(crate) struct SumWords<'w> {
    /// The left side: `类合计`.
    pub left: &'static str,
    /// The right side: `所属款合计` (borrowed for every fixed wording: no allocation).
    pub right: Cow<'w, str>,
    /// Added to violations when the right side is one figure: `只有一个款时二者必须相等`.
    pub single: Option<&'static str>,
}

/// A stated rate and the two figures it is computed from, as `form` combines them (a share:
/// part and whole; a growth rate: change and this year's amount, or this year's and the
/// prior year's).
#[derive(Debug, Clone, Copy)]
pub(crate) struct StatedRate<'f> {
    pub rate: Operand<'f>,
    pub a: Operand<'f>,
    pub b: Operand<'f>,
    pub form: RateForm,
}

/// A finding as a rule makes it, before the policy gives it its severity; its message the
/// text (`M = String`) or, from an identity, its words and figures ([`Message`]).
pub(crate) struct NewFinding<'s, M = String> {
    pub rule: RuleCode,
    pub kind: FindingKind,
    /// The figure the finding is about.
    pub at: Option<FigureRef>,
    /// Every figure involved; [`Checker::push`] drops consecutive repeats.
    pub involves: Vec<FigureRef>,
    /// The statement whose section and words the finding quotes.
    pub context: Option<&'s Statement>,
    pub comparison: Option<Comparison>,
    pub message: M,
}

pub(crate) struct Checker<'a> {
    pub disclosure: &'a Disclosure,
    pub policy: &'a Policy,
    pub catalog: &'a Catalog<FunctionCode>,
    /// The correspondence of the two economic classifications (the embedded one unless the
    /// caller gives another).
    pub crosswalk: &'a EconomicCrosswalk,
    /// Tables by kind, rows by key, the columns each table prints; built by the caller so
    /// rules can hold a table's index while they record findings.
    pub tables: &'a Tables<'a>,
    findings: Found,
    /// The buffer sum identities write their subjects in, kept from one finding to the next;
    /// each finding takes an exact copy. Findings outlive the check (a batch keeps
    /// thousands), and a buffer with room for the longest subject, kept by every finding,
    /// would double what they hold.
    message: String,
}

impl<'a> Checker<'a> {
    pub fn new(
        disclosure: &'a Disclosure,
        policy: &'a Policy,
        catalog: &'a Catalog<FunctionCode>,
        tables: &'a Tables<'a>,
    ) -> Self {
        Checker {
            disclosure,
            policy,
            catalog,
            crosswalk: EconomicCrosswalk::embedded(),
            tables,
            findings: Found::default(),
            // Room for most subjects, so the buffer is allocated once per check.
            message: String::with_capacity(256),
        }
    }

    pub fn enabled(&self, code: RuleCode) -> bool {
        !self.policy.disabled.contains(&code)
    }

    /// The currency unit amounts are compared in.
    pub fn currency(&self) -> Unit {
        self.disclosure.currency
    }

    /// The parts of `whole` as this report's kind prints them ([`parts_in`]): a budget's
    /// 支出总计 is its 本年支出合计 alone.
    pub fn parts_of(&self, whole: &Concept) -> Option<&'static [Concept]> {
        parts_in(self.disclosure.entity.kind, whole)
    }

    /// Every partition of the vocabulary ([`partitions`]) as this report's kind prints it
    /// ([`Checker::parts_of`]): each whole and its parts.
    pub fn partitions(
        &self,
    ) -> impl Iterator<Item = (&'static Concept, &'static [Concept])> + use<> {
        let kind = self.disclosure.entity.kind;
        partitions()
            .iter()
            .map(move |p| (&p.whole, parts_in(kind, &p.whole).unwrap_or(&p.parts)))
    }

    /// The first table with the layout of `kind` ([`TableKind::layout`]): a budget's table
    /// where the rule names the final-accounts one.
    pub fn table(&self, kind: TableKind) -> Option<&'a Table> {
        self.tables.get(kind)
    }

    /// The first row of `table` with `key` ([`Table::row`], without the scan).
    pub fn row<'t>(&self, table: &'t Table, key: &RowKey) -> Option<&'t Row> {
        self.tables.row(table, key)
    }

    /// The printed value at `key` × `column` ([`Table::cell`], without the scan; the column
    /// as [`Checker::cell_in_row`] reads it).
    pub fn printed(&self, table: &Table, key: &RowKey, column: Column) -> Option<Decimal> {
        self.row(table, key)
            .and_then(|row| row.get(own_column(table, column)))
    }

    /// A table cell as an operand; a blank cell of a printed row is 0, a missing row `None`.
    pub fn cell<'t>(&self, table: &'t Table, row: &RowKey, column: Column) -> Option<Operand<'t>> {
        self.cell_in_row(table, self.row(table, row)?, column)
    }

    /// A cell of a row already at hand (no search).
    ///
    /// [`Column::Amount`] names the table's own figure of the year: in a budget table that is
    /// its 预算数 ([`TableKind::amount_column`]), so a rule written for the final accounts'
    /// 决算数 reads a budget's budget.
    pub fn cell_in_row<'t>(
        &self,
        table: &Table,
        row: &'t Row,
        column: Column,
    ) -> Option<Operand<'t>> {
        let column = own_column(table, column);
        let value = row.get(column).unwrap_or(Decimal::ZERO);
        let value = self.in_currency(Amount::new(value, table.unit))?;
        Some(Operand {
            figure: Figure::Cell {
                table: table.kind,
                row: &row.key,
                column,
            },
            value,
        })
    }

    /// A cell of the first table of `kind`.
    pub fn cell_of(&self, kind: TableKind, row: &RowKey, column: Column) -> Option<Operand<'a>> {
        self.cell(self.table(kind)?, row, column)
    }

    /// An amount in the document's currency, keeping every printed digit: `0.12元` in a 万元
    /// document is 0.000012 printed to 6 decimals.
    ///
    /// An amount in a larger unit than the document's is as precise as its own digits say
    /// (`1.2345亿元` is 12345万元 to the 万元), not as the document's decimals: `1.2亿元` stands
    /// for anything from 1.15 to 1.25亿元, coarser than one unit of the currency, which a
    /// [`Printed`] cannot hold, so it takes part in no identity (`None`).
    ///
    /// The document's decimals are what a 万元 or 元 amount printed with fewer carries (`3万元`
    /// is 3.00 beside `2.45万元`); an amount in 亿元 is as precise as its own digits in any
    /// document (`9.8亿元` beside `0.02亿元` stands for 9.75 to 9.85亿元): texts in 亿元 print
    /// each figure to the digits it deserves.
    pub fn in_currency(&self, amount: Amount) -> Option<Printed> {
        if amount.unit() == self.currency() {
            let decimals = if amount.unit().yuan_exponent() > Unit::WanYuan.yuan_exponent() {
                amount.value().scale()
            } else {
                self.disclosure.amount_decimals
            };
            // `Printed::new` of these decimals, which cannot fail.
            return Some(Printed::at_least(amount.value(), decimals));
        }
        let converted = amount.to_unit(self.currency()).ok()?;
        let (from, to) = (
            amount.unit().yuan_exponent(),
            self.currency().yuan_exponent(),
        );
        let decimals = if from > to {
            // A larger unit: its own digits, fewer in the smaller one.
            amount.value().scale().checked_sub(from - to)?
        } else {
            // Going to a larger unit moves the point left: 0.12元 is 0.000012万元. An untrusted
            // `amount_decimals` may be anything: a sum past 28 decimals (or past `u32`) is no
            // figure a `Decimal` holds, and the amount takes part in no identity.
            amount
                .value()
                .scale()
                .max(self.disclosure.amount_decimals)
                .checked_add(to - from)
                .filter(|d| *d <= MAX_DECIMALS)?
        };
        Printed::new(converted.value(), decimals).ok()
    }

    /// A statement's figure as an operand (amounts in the document's currency).
    pub fn statement_operand<'s>(&self, statement: &'s Statement, value: Printed) -> Operand<'s> {
        Operand {
            figure: Figure::Statement(statement),
            value,
        }
    }

    /// Compares `Σ left = Σ right` and records the finding it calls for, if any. `words`
    /// writes the identity's subject (`农林水支出（213）`) into the message it is given and
    /// returns the rest of the wording.
    pub fn sum_identity<'w>(
        &mut self,
        code: RuleCode,
        left: &[Operand<'_>],
        right: &[Operand<'_>],
        words: impl FnOnce(&Checker<'_>, &mut String) -> SumWords<'w>,
        context: Option<&Statement>,
    ) {
        // An empty side means the document prints nothing to compare with.
        if !self.enabled(code) || left.is_empty() || right.is_empty() {
            return;
        }
        // Most identities hold to the last digit. For a few figures (one printed in two
        // places, a total of two or three parts) a `Decimal` sum says so before the balance
        // (verdict, sums, allowance) is worked out in integers; the table rules that pass many
        // figures have already found on their grid that they do not add up exactly.
        let sum = |side: &[Operand<'_>]| {
            side.iter()
                .try_fold(Decimal::ZERO, |acc, o| acc.checked_add(o.value.value()))
        };
        if left.len() + right.len() <= 4
            && let (Some(l), Some(r)) = (sum(left), sum(right))
            && l == r
        {
            return;
        }
        let Ok(outcome) = check_balance_of(left, right, |o| o.value) else {
            return;
        };
        let Some(kind) = FindingKind::of(outcome.verdict, outcome.is_exact()) else {
            return;
        };
        if self.hidden(kind) {
            return;
        }
        // Amounts are in the document's currency; measures (`平方米`) in their own unit.
        let figure_unit = left
            .first()
            .and_then(|o| match o.figure {
                Figure::Statement(s) => match s.value {
                    StatedValue::Measure { unit, .. } => Some(FigureUnit::Measure(unit)),
                    _ => None,
                },
                Figure::Cell { .. } => None,
            })
            .unwrap_or(FigureUnit::Money(self.currency()));
        // The subject, written by the rule into the checker's buffer, and the right side's
        // words are kept in one exact allocation; the message is written out when read.
        let mut buffer = std::mem::take(&mut self.message);
        buffer.clear();
        let words = words(self, &mut buffer);
        let mut text = String::with_capacity(buffer.len() + words.right.len());
        text.push_str(&buffer);
        text.push_str(&words.right);
        self.message = buffer;
        let single = words
            .single
            .filter(|_| kind == FindingKind::Violation && right.len() == 1 && left.len() == 1);
        let comparison = Comparison {
            published: outcome.left,
            expected: outcome.right,
            difference: outcome.difference,
            allowance: outcome.allowance,
            unit: figure_unit,
        };
        let message = Message::Sum(SumMessage {
            right_at: text.len() - words.right.len(),
            words: text,
            left: words.left,
            single,
            figures: comparison,
            kind,
        });
        // `involves` without consecutive repeats, as `push` leaves it, compared before cloning.
        let mut involves: Vec<FigureRef> = Vec::with_capacity(left.len() + right.len());
        let mut last: Option<Figure<'_>> = None;
        for operand in left.iter().chain(right) {
            if !last.is_some_and(|last| last.same_ref(operand.figure)) {
                involves.push(operand.figure.to_ref());
            }
            last = Some(operand.figure);
        }
        self.record(NewFinding {
            rule: code,
            kind,
            at: involves.first().cloned(),
            involves,
            context,
            comparison: Some(comparison),
            message,
        });
    }

    /// Compares a stated rate with the rate computed from its operands.
    pub fn rate_identity(
        &mut self,
        code: RuleCode,
        stated: StatedRate<'_>,
        subject: impl FnOnce(&Checker<'_>) -> String,
        context: Option<&Statement>,
    ) {
        let StatedRate { rate, a, b, form } = stated;
        if !self.enabled(code) {
            return;
        }
        // A rate that is its operands' rate rounded 四舍五入 holds: decide it without intervals.
        if rate_is_rounded(form, rate.value, a.value.value(), b.value.value()) {
            return;
        }
        let outcome = check_rate(form, rate.value, a.value, b.value);
        let Ok(Some(outcome)) = outcome else {
            return;
        };
        let Some(kind) = FindingKind::of(outcome.verdict, outcome.published == outcome.expected)
        else {
            return;
        };
        if self.hidden(kind) {
            return;
        }
        self.push(NewFinding {
            rule: code,
            kind,
            at: Some(rate.figure.to_ref()),
            involves: vec![rate.figure.to_ref(), a.figure.to_ref(), b.figure.to_ref()],
            context,
            comparison: Some(Comparison {
                published: outcome.published,
                expected: outcome.computed,
                difference: outcome.difference,
                allowance: outcome.allowance,
                unit: FigureUnit::Percent,
            }),
            message: Message::Rate {
                subject: subject(self),
                check: outcome,
                kind,
            },
        });
    }

    /// Records a finding that is not a numeric identity (a word, a count, a code).
    pub fn plain(
        &mut self,
        code: RuleCode,
        at: Option<FigureRef>,
        involves: Vec<FigureRef>,
        context: Option<&Statement>,
        message: String,
    ) {
        if self.enabled(code) {
            self.push(NewFinding {
                rule: code,
                kind: FindingKind::Violation,
                at,
                involves,
                context,
                comparison: None,
                message,
            });
        }
    }

    /// Whether the policy leaves out findings of `kind` whatever their rule (then [`push`]
    /// drops them): checked before a message is written for nothing.
    ///
    /// [`push`]: Checker::push
    fn hidden(&self, kind: FindingKind) -> bool {
        match kind {
            FindingKind::TailDifference => self.policy.hide_tail_differences,
            FindingKind::Truncation => self.policy.accept_truncation,
            FindingKind::Violation => false,
        }
    }

    /// Records a finding, for rules that decide the identity themselves (the rule is not
    /// asked whether it is enabled).
    pub fn push(&mut self, mut finding: NewFinding<'_, impl Into<Message>>) {
        finding.involves.dedup();
        self.record(finding);
    }

    /// [`push`](Checker::push) of `involves` already without consecutive repeats.
    fn record(&mut self, finding: NewFinding<'_, impl Into<Message>>) {
        let NewFinding {
            rule,
            kind,
            at,
            involves,
            context,
            comparison,
            message,
        } = finding;
        let severity = match kind {
            FindingKind::TailDifference if self.policy.hide_tail_differences => return,
            FindingKind::Truncation if self.policy.accept_truncation => return,
            FindingKind::TailDifference => Severity::Info,
            FindingKind::Truncation => Severity::Warning,
            FindingKind::Violation => self
                .policy
                .severities
                .get(&rule)
                .copied()
                .unwrap_or(rule.rule().severity),
        };
        self.findings.push(Finding::new(
            rule,
            kind,
            severity,
            at,
            involves,
            context,
            comparison,
            message.into(),
        ));
    }

    /// Applies suppressions and orders the findings: errors, warnings, info; within one
    /// severity by rule code, then in the order they were found (document order).
    pub fn finish(self) -> CheckReport {
        let policy = self.policy;
        let mut found = self.findings;
        let mut suppressed = Vec::new();
        let mut used = vec![false; policy.suppressions.len()];
        // Without suppressions (the usual case) every finding stays where it is.
        if !policy.suppressions.is_empty() {
            for slot in found.slots_mut() {
                let hit = slot.as_ref().and_then(|finding| {
                    policy.suppressions.iter().position(|s| {
                        s.rule == finding.rule && (s.at.is_none() || s.at == finding.at)
                    })
                });
                if let Some(i) = hit
                    && let Some(finding) = slot.take()
                {
                    used[i] = true;
                    let reason = policy.suppressions[i].reason.clone();
                    suppressed.push(SuppressedFinding { finding, reason });
                }
            }
        }
        let findings = found.into_report_order();
        let unused_suppressions = policy
            .suppressions
            .iter()
            .zip(used)
            .filter(|(_, used)| !used)
            .map(|(s, _)| s.clone())
            .collect();
        CheckReport {
            findings,
            suppressed,
            unused_suppressions,
        }
    }
}

/// The findings of a check as recorded, in chunks of [`Found::CHUNK`]: recording never moves
/// the findings before (a `Vec` of 240-byte findings doubling its buffer copied them all each
/// time), and [`Found::into_report_order`] moves each once, into the report's order.
#[derive(Default)]
struct Found {
    /// Every chunk but the last is full; a slot is emptied when its finding is suppressed or
    /// moved into the report.
    chunks: Vec<Vec<Option<Finding>>>,
}

impl Found {
    /// Findings per chunk: the dense generated report makes 74.
    const CHUNK: usize = 16;

    fn push(&mut self, finding: Finding) {
        match self.chunks.last_mut() {
            Some(chunk) if chunk.len() < Self::CHUNK => chunk.push(Some(finding)),
            _ => {
                let mut chunk = Vec::with_capacity(Self::CHUNK);
                chunk.push(Some(finding));
                self.chunks.push(chunk);
            }
        }
    }

    /// Every slot, in the order recorded.
    fn slots_mut(&mut self) -> impl Iterator<Item = &mut Option<Finding>> {
        self.chunks.iter_mut().flatten()
    }

    /// The findings left, by severity (errors first), then rule code, then as found: the
    /// stable sort by those keys.
    ///
    /// A finding is large and a sort moves each one many times, so the keys are sorted (each
    /// an integer) and every finding is then moved once, from its slot to its place.
    fn into_report_order(mut self) -> Vec<Finding> {
        // Position `p` is slot `p % CHUNK` of chunk `p / CHUNK`. The position breaks ties,
        // which makes the unstable sort of keys the stable sort of findings.
        let mut order: Vec<(u16, usize)> = Vec::with_capacity(self.chunks.len() * Self::CHUNK);
        for (position, slot) in self.chunks.iter().flatten().enumerate() {
            if let Some(finding) = slot {
                order.push((sort_key(finding), position));
            }
        }
        if !order.is_sorted() {
            order.sort_unstable();
        }
        let mut findings = Vec::with_capacity(order.len());
        for (_, position) in order {
            let slot = &mut self.chunks[position / Self::CHUNK][position % Self::CHUNK];
            if let Some(finding) = slot.take() {
                findings.push(finding);
            }
        }
        findings
    }
}

/// A finding's place in the report as an integer: the severity (errors first), then the
/// code (whose order is its text's).
fn sort_key(finding: &Finding) -> u16 {
    let severity: u16 = match finding.severity {
        Severity::Error => 0,
        Severity::Warning => 1,
        Severity::Info => 2,
    };
    severity << 8 | finding.rule as u16
}

/// `00` to `99`: the text of a number is written two digits per division by 100.
const DIGIT_PAIRS: &[u8; 200] = b"\
    0001020304050607080910111213141516171819\
    2021222324252627282930313233343536373839\
    4041424344454647484950515253545556575859\
    6061626364656667686970717273747576777879\
    8081828384858687888990919293949596979899";

/// The column of `table` that a rule naming `column` of the final-accounts layout reads
/// ([`TableKind::in_layout`]).
pub(crate) fn own_column(table: &Table, column: Column) -> Column {
    table.kind.in_layout(column)
}

/// Appends `value` exactly as its `Display` writes it (`-0.50`, `0.000012`, `1200`): a finding's
/// message prints four amounts, and `Decimal`'s formatter (a digit at a time over a 96-bit
/// mantissa, then `Formatter::pad_integral`) cost more than the rest of the message.
pub(crate) fn push_decimal(out: &mut String, value: Decimal) {
    // A mantissa beyond u64 (more than 19 digits) is no amount a document prints.
    let Ok(mut mantissa) = u64::try_from(value.mantissa().unsigned_abs()) else {
        use std::fmt::Write;
        let _ = write!(out, "{value}");
        return;
    };
    // The mantissa's digits, right-aligned on zeros (at most 20 digits; `Display` shows at
    // least `scale + 1`, at most 29): two at a time from the table, then the last one or two.
    let mut digits = [b'0'; 29];
    let mut start = digits.len();
    while mantissa >= 100 {
        let pair = (mantissa % 100) as usize * 2;
        mantissa /= 100;
        start -= 2;
        digits[start..start + 2].copy_from_slice(&DIGIT_PAIRS[pair..pair + 2]);
    }
    if mantissa >= 10 {
        let pair = mantissa as usize * 2;
        start -= 2;
        digits[start..start + 2].copy_from_slice(&DIGIT_PAIRS[pair..pair + 2]);
    } else {
        start -= 1;
        digits[start] = b'0' + mantissa as u8;
    }
    // At least one whole digit (`0.05`), then the point before the last `scale` digits.
    let point = digits.len() - value.scale() as usize;
    let start = start.min(point - 1);
    out.reserve(digits.len() - start + 2);
    // `Display` writes the sign of a negative zero too (`-0.00`).
    if value.is_sign_negative() {
        out.push('-');
    }
    // All ASCII: the mask says so to the compiler, which drops `push`'s multi-byte path.
    let push = |out: &mut String, bytes: &[u8]| {
        for &byte in bytes {
            out.push(char::from(byte & 0x7f));
        }
    };
    push(out, &digits[start..point]);
    if point < digits.len() {
        out.push('.');
        push(out, &digits[point..]);
    }
}

/// The reference to a statement: its id, or its quote when it has none.
pub(crate) fn statement_ref(statement: &Statement) -> FigureRef {
    FigureRef::Statement(statement_name(statement).to_owned())
}

/// What [`statement_ref`] names a statement by.
fn statement_name(statement: &Statement) -> &str {
    statement.id.as_deref().unwrap_or(&statement.location.quote)
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn finding(rule: RuleCode, severity: Severity, position: usize) -> Finding {
        Finding {
            rule,
            kind: FindingKind::Violation,
            severity,
            at: None,
            involves: Vec::new(),
            section: None,
            quote: None,
            comparison: None,
            message: position.to_string().into(),
        }
    }

    proptest! {
        /// The key sort is the stable sort by severity (descending) and rule code as text.
        #[test]
        fn sorted_findings_are_the_stable_sort(
            picks in prop::collection::vec((0..RuleCode::ALL.len(), 0_usize..3), 0..80),
        ) {
            const SEVERITIES: [Severity; 3] = [Severity::Info, Severity::Warning, Severity::Error];
            let findings: Vec<Finding> = picks
                .iter()
                .enumerate()
                .map(|(position, &(code, severity))| {
                    finding(RuleCode::ALL[code], SEVERITIES[severity], position)
                })
                .collect();
            let mut expected = findings.clone();
            expected.sort_by(|a, b| {
                b.severity.cmp(&a.severity).then(a.rule.as_str().cmp(b.rule.as_str()))
            });
            let mut found = Found::default();
            for finding in findings {
                found.push(finding);
            }
            prop_assert_eq!(found.into_report_order(), expected);
        }
    }
}
