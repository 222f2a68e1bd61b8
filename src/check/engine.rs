//! The machinery rules share: operands, identity comparison, policy, messages.

use rust_decimal::Decimal;

use crate::classification::{Catalog, FunctionCode};
use crate::money::{Amount, Unit};
pub(crate) use crate::precision::RateForm;
use crate::precision::{
    Consistency, Printed, RateCheck, check_balance_of, check_growth, check_growth_from_prior,
    check_ratio, rate_is_rounded,
};
use crate::report::{Column, Disclosure, FigureRef, Row, RowKey, Statement, Table, TableKind};

use super::finding::{CheckReport, Finding, FindingKind, Severity, SuppressedFinding};
use super::index::Tables;
use super::policy::Policy;
use super::registry::rule;

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

/// The words of a sum identity for its message, built only when there is a finding.
pub(crate) struct SumWords {
    /// What the identity is about: `农林水支出（213）`.
    pub subject: String,
    /// The left side: `类合计`.
    pub left: &'static str,
    /// The right side: `所属款合计`.
    pub right: String,
    /// Added to violations when the right side is one figure: `只有一个款时二者必须相等`.
    pub single: Option<String>,
}

pub(crate) struct Checker<'a> {
    pub disclosure: &'a Disclosure,
    pub policy: &'a Policy,
    pub catalog: &'a Catalog<FunctionCode>,
    /// Tables by kind, rows by key, the columns each table prints; built by the caller so
    /// rules can hold a table's index while they record findings.
    pub tables: &'a Tables<'a>,
    findings: Vec<Finding>,
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
            tables,
            findings: Vec::new(),
        }
    }

    pub fn enabled(&self, code: &str) -> bool {
        !self.policy.disabled.contains(code)
    }

    /// The currency unit amounts are compared in.
    pub fn currency(&self) -> Unit {
        self.disclosure.currency
    }

    /// The first table of `kind` ([`Disclosure::table`], without the scan).
    pub fn table(&self, kind: TableKind) -> Option<&'a Table> {
        self.tables.get(kind)
    }

    /// The first row of `table` with `key` ([`Table::row`], without the scan).
    pub fn row<'t>(&self, table: &'t Table, key: &RowKey) -> Option<&'t Row> {
        self.tables.row(table, key)
    }

    /// The printed value at `key` × `column` ([`Table::cell`], without the scan).
    pub fn printed(&self, table: &Table, key: &RowKey, column: Column) -> Option<Decimal> {
        self.row(table, key).and_then(|row| row.get(column))
    }

    /// A table cell as an operand; a blank cell of a printed row is 0, a missing row `None`.
    pub fn cell<'t>(&self, table: &'t Table, row: &RowKey, column: Column) -> Option<Operand<'t>> {
        self.cell_in_row(table, self.row(table, row)?, column)
    }

    /// A cell of a row already at hand (no search).
    pub fn cell_in_row<'t>(
        &self,
        table: &Table,
        row: &'t Row,
        column: Column,
    ) -> Option<Operand<'t>> {
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
    pub fn in_currency(&self, amount: Amount) -> Option<Printed> {
        if amount.unit() == self.currency() {
            let decimals = amount.value().scale().max(self.disclosure.amount_decimals);
            return Printed::new(amount.value(), decimals.min(28)).ok();
        }
        // Going to a larger unit moves the point left: 0.12元 is 0.000012万元.
        let shift = self
            .currency()
            .yuan_exponent()
            .saturating_sub(amount.unit().yuan_exponent());
        let converted = amount.to_unit(self.currency()).ok()?;
        let decimals = amount.value().scale().max(self.disclosure.amount_decimals) + shift;
        let decimals = decimals.min(28);
        Printed::new(converted.value(), decimals).ok()
    }

    /// A statement's figure as an operand (amounts in the document's currency).
    pub fn statement_operand<'s>(&self, statement: &'s Statement, value: Printed) -> Operand<'s> {
        Operand {
            figure: Figure::Statement(statement),
            value,
        }
    }

    /// Compares `Σ left = Σ right` and records the finding it calls for, if any.
    pub fn sum_identity(
        &mut self,
        code: &'static str,
        left: &[Operand<'_>],
        right: &[Operand<'_>],
        words: impl FnOnce(&Checker<'_>) -> SumWords,
        context: Option<&Statement>,
    ) {
        // An empty side means the document prints nothing to compare with.
        if !self.enabled(code) || left.is_empty() || right.is_empty() {
            return;
        }
        // Most identities hold to the last digit; the balance is summed in integers, and the
        // operands are read in place rather than copied out.
        let Ok(outcome) = check_balance_of(left, right, |o| o.value) else {
            return;
        };
        let kind = match (outcome.verdict, outcome.is_exact()) {
            (Consistency::Consistent, true) => return,
            (Consistency::Consistent, false) => FindingKind::TailDifference,
            (Consistency::TruncationOnly, _) => FindingKind::Truncation,
            (Consistency::Inconsistent, _) => FindingKind::Violation,
        };
        if self.hidden(kind) {
            return;
        }
        let unit = self.currency().symbol();
        let words = words(self);
        // One buffer for the whole message, the words pushed as they are and only the amounts
        // formatted: `{subject}：{left} {l} {unit}，{right} {r} {unit}，相差 {|d|} {unit}…`.
        let mut message = String::with_capacity(words.subject.len() + 160);
        let amount = |message: &mut String, before: &str, value: Decimal| {
            message.push_str(before);
            push_decimal(message, value);
            message.push(' ');
            message.push_str(unit);
        };
        message.push_str(&words.subject);
        message.push('：');
        message.push_str(words.left);
        amount(&mut message, " ", outcome.left);
        message.push('，');
        message.push_str(&words.right);
        amount(&mut message, " ", outcome.right);
        amount(&mut message, "，相差 ", outcome.difference.abs());
        match kind {
            FindingKind::TailDifference => {
                amount(
                    &mut message,
                    "，在四舍五入尾差允许范围（",
                    outcome.allowance,
                );
                message.push_str("）内");
            }
            FindingKind::Truncation => message.push_str("，仅在截尾（而非四舍五入）时成立"),
            FindingKind::Violation => match (&words.single, right.len() == 1 && left.len() == 1) {
                (Some(single), true) => {
                    message.push('；');
                    message.push_str(single);
                }
                _ => amount(&mut message, "，超出四舍五入允许的 ", outcome.allowance),
            },
        }
        let involves = left
            .iter()
            .chain(right)
            .map(|o| o.figure.to_ref())
            .collect();
        self.push(
            code,
            kind,
            left.first().map(|o| o.figure.to_ref()),
            involves,
            context,
            [
                Some(outcome.left),
                Some(outcome.right),
                Some(outcome.difference),
                Some(outcome.allowance),
            ],
            message,
        );
    }

    /// Compares a stated rate with the rate computed from its operands.
    #[allow(clippy::too_many_arguments)]
    pub fn rate_identity(
        &mut self,
        code: &'static str,
        rate: &Operand<'_>,
        a: &Operand<'_>,
        b: &Operand<'_>,
        form: RateForm,
        subject: impl FnOnce(&Checker<'_>) -> String,
        context: Option<&Statement>,
    ) {
        if !self.enabled(code) {
            return;
        }
        // A rate that is its operands' rate rounded 四舍五入 holds: decide it without intervals.
        if rate_is_rounded(form, rate.value, a.value.value(), b.value.value()) {
            return;
        }
        let outcome = match form {
            RateForm::Ratio => check_ratio(rate.value, a.value, b.value),
            RateForm::Growth => check_growth(rate.value, a.value, b.value),
            RateForm::GrowthFromPrior => check_growth_from_prior(rate.value, a.value, b.value),
        };
        let Ok(Some(outcome)) = outcome else {
            return;
        };
        let kind = match (outcome.verdict, outcome.published == outcome.expected) {
            (Consistency::Consistent, true) => return,
            (Consistency::Consistent, false) => FindingKind::TailDifference,
            (Consistency::TruncationOnly, _) => FindingKind::Truncation,
            (Consistency::Inconsistent, _) => FindingKind::Violation,
        };
        if self.hidden(kind) {
            return;
        }
        let message = rate_message(&subject(self), &outcome, kind);
        self.push(
            code,
            kind,
            Some(rate.figure.to_ref()),
            vec![rate.figure.to_ref(), a.figure.to_ref(), b.figure.to_ref()],
            context,
            [
                Some(outcome.published),
                Some(outcome.computed),
                Some(outcome.difference),
                Some(outcome.allowance),
            ],
            message,
        );
    }

    /// Records a finding that is not a numeric identity (a word, a count, a code).
    pub fn plain(
        &mut self,
        code: &'static str,
        at: Option<FigureRef>,
        involves: Vec<FigureRef>,
        context: Option<&Statement>,
        message: String,
    ) {
        if self.enabled(code) {
            self.push(
                code,
                FindingKind::Violation,
                at,
                involves,
                context,
                [None; 4],
                message,
            );
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

    /// Records a finding of `kind` with the figures of the identity (published, expected,
    /// difference, allowance), for rules that decide the identity themselves.
    #[allow(clippy::too_many_arguments)]
    pub fn push(
        &mut self,
        code: &'static str,
        kind: FindingKind,
        at: Option<FigureRef>,
        involves: Vec<FigureRef>,
        context: Option<&Statement>,
        [published, expected, difference, allowance]: [Option<Decimal>; 4],
        message: String,
    ) {
        let severity = match kind {
            FindingKind::TailDifference if self.policy.hide_tail_differences => return,
            FindingKind::Truncation if self.policy.accept_truncation => return,
            FindingKind::TailDifference => Severity::Info,
            FindingKind::Truncation => Severity::Warning,
            FindingKind::Violation => self
                .policy
                .severities
                .get(code)
                .copied()
                .or_else(|| rule(code).map(|r| r.severity))
                .unwrap_or(Severity::Error),
        };
        let mut involves = involves;
        involves.dedup();
        self.findings.push(Finding {
            rule: code.to_owned(),
            kind,
            severity,
            at,
            involves,
            section: context.map(|s| s.location.section.clone()),
            quote: context.map(|s| s.location.quote.clone()),
            published,
            expected,
            difference,
            allowance,
            message,
        });
    }

    /// Applies suppressions and orders the findings: errors, warnings, info; within one
    /// severity by rule code, then in the order they were found (document order).
    pub fn finish(self) -> CheckReport {
        let mut used = vec![false; self.policy.suppressions.len()];
        let mut findings = Vec::new();
        let mut suppressed = Vec::new();
        for finding in self.findings {
            let hit = self
                .policy
                .suppressions
                .iter()
                .position(|s| s.rule == finding.rule && (s.at.is_none() || s.at == finding.at));
            match hit {
                Some(i) => {
                    if let Some(flag) = used.get_mut(i) {
                        *flag = true;
                    }
                    let reason = self.policy.suppressions[i].reason.clone();
                    suppressed.push(SuppressedFinding { finding, reason });
                }
                None => findings.push(finding),
            }
        }
        findings.sort_by(|a, b| b.severity.cmp(&a.severity).then(a.rule.cmp(&b.rule)));
        let unused_suppressions = self
            .policy
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

/// Appends `value` exactly as its `Display` writes it (`-0.50`, `0.000012`, `1200`): a finding's
/// message prints four amounts, and `Decimal`'s formatter (a digit at a time over a 96-bit
/// mantissa, then `Formatter::pad_integral`) cost more than the rest of the message.
pub(crate) fn push_decimal(out: &mut String, value: Decimal) {
    // The digits of |mantissa|, least significant first; u64 division where it fits.
    let mut digits = [b'0'; 40];
    let mut len = 0;
    let mut mantissa = value.mantissa().unsigned_abs();
    while mantissa > u128::from(u64::MAX) {
        digits[len] = b'0' + (mantissa % 10) as u8;
        mantissa /= 10;
        len += 1;
    }
    let mut mantissa = mantissa as u64;
    while mantissa > 0 {
        digits[len] = b'0' + (mantissa % 10) as u8;
        mantissa /= 10;
        len += 1;
    }
    // As many digits as decimals at least (`0.05` has the digits `05`); the buffer is zeros.
    let scale = value.scale() as usize;
    let len = len.max(scale);
    // `Display` writes the sign of a negative zero too (`-0.00`).
    if value.is_sign_negative() {
        out.push('-');
    }
    let whole = len - scale;
    if whole == 0 {
        out.push('0');
    }
    for (i, digit) in digits[..len].iter().rev().enumerate() {
        if i == whole && scale > 0 {
            out.push('.');
        }
        out.push(char::from(*digit));
    }
}

/// The reference to a statement: its id, or its quote when it has none.
pub(crate) fn statement_ref(statement: &Statement) -> FigureRef {
    FigureRef::Statement(
        statement
            .id
            .clone()
            .unwrap_or_else(|| statement.location.quote.clone()),
    )
}

fn rate_message(subject: &str, c: &RateCheck, kind: FindingKind) -> String {
    // One buffer for the whole message (writing into a String cannot fail).
    // `{subject}：公布 {published}%，按公布金额计算为 {computed}%（四舍五入应为 {expected}%）…`,
    // pushed piece by piece.
    let piece = |message: &mut String, before: &str, value: Decimal, after: &str| {
        message.push_str(before);
        push_decimal(message, value);
        message.push_str(after);
    };
    let mut message = String::with_capacity(subject.len() + 200);
    message.push_str(subject);
    piece(&mut message, "：公布 ", c.published, "%");
    piece(&mut message, "，按公布金额计算为 ", c.computed, "%");
    piece(&mut message, "（四舍五入应为 ", c.expected, "%）");
    match kind {
        FindingKind::TailDifference => piece(
            &mut message,
            "，差异在金额四舍五入允许范围（",
            c.allowance,
            " 个百分点）内",
        ),
        FindingKind::Truncation => message.push_str("，仅在截尾（而非四舍五入）时成立"),
        FindingKind::Violation => {
            piece(&mut message, "，相差 ", c.difference.abs(), " 个百分点");
            piece(
                &mut message,
                "，超出四舍五入允许的 ",
                c.allowance,
                " 个百分点",
            );
        }
    }
    message
}
