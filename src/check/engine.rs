//! The machinery rules share: operands, identity comparison, policy, messages.

use std::collections::{BTreeMap, HashSet};

use rust_decimal::Decimal;

use crate::classification::{Catalog, FunctionCode};
use crate::money::{Amount, Unit, ratio_points, round_half_up};
use crate::precision::{
    Consistency, Printed, RateCheck, SumCheck, check_balance, check_growth,
    check_growth_from_prior, check_ratio,
};
use crate::report::{
    Claim, Column, Concept, Disclosure, FigureRef, Row, RowKey, Statement, Table, TableKind,
};

use super::finding::{CheckReport, Finding, FindingKind, Severity, SuppressedFinding, show};
use super::policy::Policy;
use super::registry::rule;

/// A published figure taking part in an identity.
#[derive(Debug, Clone)]
pub(crate) struct Operand {
    pub figure: FigureRef,
    pub value: Printed,
}

/// The kinds of explicit claim that replace an inferred comparison.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum ClaimKind {
    Ratio,
    Growth,
    Same,
}

/// Which rate a rate identity computes from its two operands `a` and `b`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RateForm {
    /// `a / b × 100` (share, completion).
    Ratio,
    /// `a / (b − a) × 100`: `a` the change, `b` this year's value.
    Growth,
    /// `(a − b) / b × 100`: `a` this year's value, `b` the prior year's.
    GrowthFromPrior,
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
    /// Statement positions by id, so claims resolve without a scan.
    pub by_id: BTreeMap<&'a str, usize>,
    /// Statement positions by concept, in document order.
    pub by_concept: BTreeMap<&'a Concept, Vec<usize>>,
    /// Ids of statements an explicit claim already ties to their operands, by claim kind.
    pub claimed: HashSet<(ClaimKind, &'a str)>,
    findings: Vec<Finding>,
}

impl<'a> Checker<'a> {
    pub fn new(
        disclosure: &'a Disclosure,
        policy: &'a Policy,
        catalog: &'a Catalog<FunctionCode>,
    ) -> Self {
        let mut by_id = BTreeMap::new();
        let mut by_concept: BTreeMap<&Concept, Vec<usize>> = BTreeMap::new();
        for (index, statement) in disclosure.statements.iter().enumerate() {
            if let Some(id) = &statement.id {
                by_id.entry(id.as_str()).or_insert(index);
            }
            by_concept
                .entry(&statement.concept)
                .or_default()
                .push(index);
        }
        let mut claimed = HashSet::new();
        let id = |figure: &'a FigureRef| match figure {
            FigureRef::Statement(id) => Some(id.as_str()),
            FigureRef::Cell { .. } => None,
        };
        for claim in &disclosure.claims {
            match claim {
                Claim::Ratio { rate, .. } => {
                    claimed.extend(id(rate).map(|i| (ClaimKind::Ratio, i)))
                }
                Claim::Growth {
                    rate: Some(rate), ..
                } => {
                    claimed.extend(id(rate).map(|i| (ClaimKind::Growth, i)));
                }
                Claim::Same { a, b } => {
                    claimed.extend(
                        [a, b]
                            .into_iter()
                            .filter_map(id)
                            .map(|i| (ClaimKind::Same, i)),
                    );
                }
                _ => {}
            }
        }
        Checker {
            disclosure,
            policy,
            catalog,
            by_id,
            by_concept,
            claimed,
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

    /// A table cell as an operand; a blank cell of a printed row is 0, a missing row `None`.
    pub fn cell(&self, table: &Table, row: &RowKey, column: Column) -> Option<Operand> {
        self.cell_in_row(table, table.row(row)?, column)
    }

    /// A cell of a row already at hand (no search).
    pub fn cell_in_row(&self, table: &Table, row: &Row, column: Column) -> Option<Operand> {
        let value = row.get(column).unwrap_or(Decimal::ZERO);
        let value = self.in_currency(Amount::new(value, table.unit))?;
        Some(Operand {
            figure: FigureRef::Cell {
                table: table.kind,
                row: row.key.clone(),
                column,
            },
            value,
        })
    }

    /// A cell of the first table of `kind`.
    pub fn cell_of(&self, kind: TableKind, row: &RowKey, column: Column) -> Option<Operand> {
        self.cell(self.disclosure.table(kind)?, row, column)
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
    pub fn statement_operand(&self, statement: &Statement, value: Printed) -> Operand {
        Operand {
            figure: statement_ref(statement),
            value,
        }
    }

    /// Compares `Σ left = Σ right` and records the finding it calls for, if any.
    pub fn sum_identity(
        &mut self,
        code: &'static str,
        left: &[Operand],
        right: &[Operand],
        words: impl FnOnce(&Checker<'_>) -> SumWords,
        context: Option<&Statement>,
    ) {
        // An empty side means the document prints nothing to compare with.
        if !self.enabled(code) || left.is_empty() || right.is_empty() {
            return;
        }
        // Most identities hold to the last digit: decide those without building intervals.
        let sum = |side: &[Operand]| {
            side.iter()
                .try_fold(Decimal::ZERO, |acc, o| acc.checked_add(o.value.value()))
        };
        if let (Some(l), Some(r)) = (sum(left), sum(right))
            && l == r
        {
            return;
        }
        let values = |side: &[Operand]| side.iter().map(|o| o.value).collect::<Vec<_>>();
        let Ok(outcome) = check_balance(&values(left), &values(right)) else {
            return;
        };
        let unit = self.currency();
        let words = words(self);
        let message = |c: &SumCheck, tail: &str| {
            format!(
                "{}：{} {} {unit}，{} {} {unit}，相差 {} {unit}{tail}",
                words.subject,
                words.left,
                show(c.left),
                words.right,
                show(c.right),
                show(c.difference.abs()),
            )
        };
        let kind = match (outcome.verdict, outcome.is_exact()) {
            (Consistency::Consistent, true) => return,
            (Consistency::Consistent, false) => FindingKind::TailDifference,
            (Consistency::TruncationOnly, _) => FindingKind::Truncation,
            (Consistency::Inconsistent, _) => FindingKind::Violation,
        };
        let tail = match kind {
            FindingKind::TailDifference => format!(
                "，在四舍五入尾差允许范围（{} {unit}）内",
                show(outcome.allowance)
            ),
            FindingKind::Truncation => "，仅在截尾（而非四舍五入）时成立".to_owned(),
            FindingKind::Violation => match (&words.single, right.len() == 1 && left.len() == 1) {
                (Some(single), true) => format!("；{single}"),
                _ => format!("，超出四舍五入允许的 {} {unit}", show(outcome.allowance)),
            },
        };
        let involves = left.iter().chain(right).map(|o| o.figure.clone()).collect();
        self.push(
            code,
            kind,
            left.first().map(|o| o.figure.clone()),
            involves,
            context,
            [
                Some(outcome.left),
                Some(outcome.right),
                Some(outcome.difference),
                Some(outcome.allowance),
            ],
            message(&outcome, &tail),
        );
    }

    /// Compares a stated rate with the rate computed from its operands.
    #[allow(clippy::too_many_arguments)]
    pub fn rate_identity(
        &mut self,
        code: &'static str,
        rate: &Operand,
        a: &Operand,
        b: &Operand,
        form: RateForm,
        subject: impl FnOnce(&Checker<'_>) -> String,
        context: Option<&Statement>,
    ) {
        if !self.enabled(code) {
            return;
        }
        // A rate that is its operands' rate rounded 四舍五入 holds: decide it without intervals.
        let quick = match form {
            RateForm::Ratio => ratio_points(a.value.value(), b.value.value()),
            RateForm::Growth => b
                .value
                .value()
                .checked_sub(a.value.value())
                .filter(|prior| *prior > Decimal::ZERO)
                .and_then(|prior| ratio_points(a.value.value(), prior)),
            RateForm::GrowthFromPrior => (b.value.value() > Decimal::ZERO)
                .then(|| a.value.value().checked_sub(b.value.value()))
                .flatten()
                .and_then(|change| ratio_points(change, b.value.value())),
        };
        if quick.is_some_and(|points| {
            round_half_up(points, rate.value.decimals()) == rate.value.value()
        }) {
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
        let message = rate_message(&subject(self), &outcome, kind);
        self.push(
            code,
            kind,
            Some(rate.figure.clone()),
            vec![rate.figure.clone(), a.figure.clone(), b.figure.clone()],
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

impl<'a> Checker<'a> {
    /// The statements about `concept`, with their positions, in document order.
    pub fn about(&self, concept: &Concept) -> impl Iterator<Item = (usize, &'a Statement)> + '_ {
        let statements: &'a [Statement] = &self.disclosure.statements;
        self.by_concept
            .get(concept)
            .map(Vec::as_slice)
            .unwrap_or_default()
            .iter()
            .filter_map(move |&i| statements.get(i).map(|s| (i, s)))
    }

    /// Whether an explicit claim of `kind` already covers the statement.
    pub fn is_claimed(&self, kind: ClaimKind, statement: &Statement) -> bool {
        statement
            .id
            .as_deref()
            .is_some_and(|id| self.claimed.contains(&(kind, id)))
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
    let head = format!(
        "{subject}：公布 {}%，按公布金额计算为 {}%（四舍五入应为 {}%）",
        show(c.published),
        show(c.computed),
        show(c.expected),
    );
    match kind {
        FindingKind::TailDifference => format!(
            "{head}，差异在金额四舍五入允许范围（{} 个百分点）内",
            show(c.allowance)
        ),
        FindingKind::Truncation => format!("{head}，仅在截尾（而非四舍五入）时成立"),
        FindingKind::Violation => format!(
            "{head}，相差 {} 个百分点，超出四舍五入允许的 {} 个百分点",
            show(c.difference.abs()),
            show(c.allowance)
        ),
    }
}
