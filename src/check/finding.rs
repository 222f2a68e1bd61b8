//! Findings, severities and the result of a check.

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;

use crate::closed_set::closed_set;
use crate::error::{Error, Result};
use crate::money::Unit;
use crate::precision::{Consistency, RateCheck};
use crate::report::{FigureRef, MeasureUnit, Statement};

use super::RuleCode;
use super::engine::push_decimal;

closed_set! {
    /// How serious a finding is.
    pub enum Severity: "严重程度" {
        /// 提示: nothing is wrong, but a reader may want to know (a tail difference, an
        /// unknown code).
        Info = "提示",
        /// 警告: probably wrong, or right only under an unusual assumption (truncation).
        Warning = "警告",
        /// 错误: no exact values consistent with the printed ones satisfy the identity.
        Error = "错误",
    }
}

/// Why a finding was made, apart from which rule made it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum FindingKind {
    /// The rule's identity is violated beyond what rounding allows.
    Violation,
    /// The identity holds only if the author truncated (截尾) instead of rounding (a warning of
    /// its own kind; `Policy::accept_truncation` turns it off).
    Truncation,
    /// The printed figures differ, but within what 四舍五入 of many parts allows (尾差).
    TailDifference,
}

impl FindingKind {
    /// The kind of finding a numeric identity's verdict calls for; `None` when it holds to the
    /// last digit (consistent and exact), which is no finding at all.
    pub(crate) fn of(verdict: Consistency, exact: bool) -> Option<FindingKind> {
        match (verdict, exact) {
            (Consistency::Consistent, true) => None,
            (Consistency::Consistent, false) => Some(FindingKind::TailDifference),
            (Consistency::TruncationOnly, _) => Some(FindingKind::Truncation),
            (Consistency::Inconsistent, _) => Some(FindingKind::Violation),
        }
    }
}

/// One thing a check found, with everything needed to act on it.
///
/// Its message is read with [`Finding::message`]: a check records the words and figures of
/// an identity and writes them out as text only when the message is read (a batch of reports
/// makes tens of findings each, most of them tail differences nobody reads one by one).
#[derive(Clone)]
#[non_exhaustive]
#[cfg_attr(
    feature = "serde",
    derive(serde::Deserialize),
    serde(from = "FindingJson")
)]
pub struct Finding {
    /// The rule's stable code, e.g. `T002` (in JSON its text, `"T002"`).
    pub rule: RuleCode,
    /// Violation, truncation or tail difference.
    pub kind: FindingKind,
    /// How serious it is (after the policy's overrides).
    pub severity: Severity,
    /// The figure the finding is about (the total, the stated rate, …).
    pub at: Option<FigureRef>,
    /// Every figure the identity involves, `at` included.
    pub involves: Vec<FigureRef>,
    /// The narrative section, for statements.
    pub section: Option<String>,
    /// The words stated, for statements.
    pub quote: Option<String>,
    /// The identity's two sides and how far apart they are, when the finding compares
    /// figures. In JSON its keys stand in the finding itself (see [`Comparison`]): all of
    /// them or none; some of them, or one that does not read, is an error naming the key.
    pub comparison: Option<Comparison>,
    /// What is wrong ([`Finding::message`]).
    pub(crate) message: Message,
}

/// A finding's message as the rule left it: its text, or the words and figures of an
/// identity, written out when read. Either way [`Message::write`] gives the same text the
/// rule would have written at once.
#[derive(Debug, Clone)]
pub(crate) enum Message {
    /// The text itself.
    Text(String),
    /// `Σ left = Σ right`: `{subject}：{left} {l} {unit}，{right} {r} {unit}，相差 {|d|} {unit}…`.
    Sum(SumMessage),
    /// A stated rate against its computed one:
    /// `{subject}：公布 {p}%，按公布金额计算为 {c}%（四舍五入应为 {e}%）…`.
    Rate {
        subject: String,
        check: RateCheck,
        kind: FindingKind,
    },
}

/// The words and figures of a sum identity's message ([`Message::Sum`]).
#[derive(Debug, Clone)]
pub(crate) struct SumMessage {
    /// The subject (`农林水支出（213）`) and then the right side's words (`所属款合计`).
    pub words: String,
    /// Where the right side's words begin in `words`.
    pub right_at: usize,
    /// The left side's words (`类合计`).
    pub left: &'static str,
    /// For a violation whose sides are one figure each, the words that say they must be
    /// equal (`只有一个款时二者必须相等`), written instead of the allowance.
    pub single: Option<&'static str>,
    /// The two sides, their difference and the allowance, in their unit.
    pub figures: Comparison,
    pub kind: FindingKind,
}

impl Message {
    /// Appends the message's text to `out`.
    pub(crate) fn write(&self, out: &mut String) {
        match self {
            Message::Text(text) => out.push_str(text),
            Message::Sum(sum) => sum.write(out),
            Message::Rate {
                subject,
                check,
                kind,
            } => write_rate(out, subject, check, *kind),
        }
    }
}

impl From<String> for Message {
    fn from(text: String) -> Message {
        Message::Text(text)
    }
}

impl From<&str> for Message {
    fn from(text: &str) -> Message {
        Message::Text(text.to_owned())
    }
}

impl SumMessage {
    fn write(&self, out: &mut String) {
        let SumMessage {
            words,
            right_at,
            left,
            single,
            figures,
            kind,
        } = self;
        let (subject, right) = words.split_at(*right_at);
        let unit = figures.unit.symbol();
        // The words pushed as they are and only the amounts formatted.
        let amount = |out: &mut String, before: &str, value: Decimal| {
            out.push_str(before);
            push_decimal(out, value);
            out.push(' ');
            out.push_str(unit);
        };
        out.reserve(words.len() + 160);
        out.push_str(subject);
        out.push('：');
        out.push_str(left);
        amount(out, " ", figures.published);
        out.push('，');
        out.push_str(right);
        amount(out, " ", figures.expected);
        amount(out, "，相差 ", figures.difference.abs());
        match kind {
            FindingKind::TailDifference => {
                amount(out, "，在四舍五入尾差允许范围（", figures.allowance);
                out.push_str("）内");
            }
            FindingKind::Truncation => out.push_str("，仅在截尾（而非四舍五入）时成立"),
            FindingKind::Violation => match single {
                Some(single) => {
                    out.push('；');
                    out.push_str(single);
                }
                None => amount(out, "，超出四舍五入允许的 ", figures.allowance),
            },
        }
    }
}

/// Appends a rate identity's message: `{subject}：公布 {published}%，按公布金额计算为
/// {computed}%（四舍五入应为 {expected}%）` and what the kind of finding says.
fn write_rate(out: &mut String, subject: &str, c: &RateCheck, kind: FindingKind) {
    let piece = |out: &mut String, before: &str, value: Decimal, after: &str| {
        out.push_str(before);
        push_decimal(out, value);
        out.push_str(after);
    };
    out.reserve(subject.len() + 200);
    out.push_str(subject);
    piece(out, "：公布 ", c.published, "%");
    piece(out, "，按公布金额计算为 ", c.computed, "%");
    piece(out, "（四舍五入应为 ", c.expected, "%）");
    match kind {
        FindingKind::TailDifference => piece(
            out,
            "，差异在金额四舍五入允许范围（",
            c.allowance,
            " 个百分点）内",
        ),
        FindingKind::Truncation => out.push_str("，仅在截尾（而非四舍五入）时成立"),
        FindingKind::Violation => {
            piece(out, "，相差 ", c.difference.abs(), " 个百分点");
            piece(out, "，超出四舍五入允许的 ", c.allowance, " 个百分点");
        }
    }
}

impl Finding {
    /// A finding as a check records it.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn new(
        rule: RuleCode,
        kind: FindingKind,
        severity: Severity,
        at: Option<FigureRef>,
        involves: Vec<FigureRef>,
        context: Option<&Statement>,
        comparison: Option<Comparison>,
        message: Message,
    ) -> Finding {
        Finding {
            rule,
            kind,
            severity,
            at,
            involves,
            section: context.map(|s| s.location.section.clone()),
            quote: context.map(|s| s.location.quote.clone()),
            comparison,
            message,
        }
    }

    /// What is wrong, in the words a finance officer uses, with the figures and codes.
    ///
    /// The text is written when it is read (borrowed when the rule wrote it out itself): read
    /// it once and keep it rather than asking again in a loop.
    ///
    /// ```
    /// use fiscal_cn::Decimal;
    /// use fiscal_cn::check::{check, Policy};
    /// use fiscal_cn::money::Unit;
    /// use fiscal_cn::report::{Column, Disclosure, DisclosureKind, Entity, Row, RowKey, Table, TableKind};
    ///
    /// let mut table = Table::new(TableKind::GeneralBudgetExpenditure, Unit::WanYuan);
    /// let row = |code: &str, value| -> fiscal_cn::Result<Row> {
    ///     Ok(Row::new(RowKey::Function(code.parse()?), "农林水支出").with(Column::Total, Decimal::new(value, 2)))
    /// };
    /// table.rows.push(row("213", 8105)?);
    /// table.rows.push(row("21305", 8106)?);
    /// let mut d = Disclosure::new(Entity::new("示例单位", 2024, DisclosureKind::FinalAccounts));
    /// d.tables.push(table);
    ///
    /// let report = check(&d, &Policy::default());
    /// assert_eq!(
    ///     report.findings[0].message(),
    ///     "农林水支出（213）（一般公共预算财政拨款支出决算表·合计）：类合计 81.05 万元，所属款合计 81.06 万元，相差 0.01 万元；只有一个款时二者必须相等"
    /// );
    /// # Ok::<(), fiscal_cn::Error>(())
    /// ```
    #[must_use]
    pub fn message(&self) -> Cow<'_, str> {
        match &self.message {
            Message::Text(text) => Cow::Borrowed(text),
            message => {
                let mut text = String::new();
                message.write(&mut text);
                Cow::Owned(text)
            }
        }
    }

    /// Whether `figure` is one of the figures the finding involves.
    #[must_use]
    pub fn covers(&self, figure: &FigureRef) -> bool {
        self.at.as_ref() == Some(figure) || self.involves.contains(figure)
    }
}

impl PartialEq for Finding {
    /// Equal fields, the messages compared as text.
    fn eq(&self, other: &Finding) -> bool {
        self.rule == other.rule
            && self.kind == other.kind
            && self.severity == other.severity
            && self.at == other.at
            && self.involves == other.involves
            && self.section == other.section
            && self.quote == other.quote
            && self.comparison == other.comparison
            && self.message() == other.message()
    }
}

impl Eq for Finding {}

impl fmt::Debug for Finding {
    /// As derived, the message as its text.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Finding")
            .field("rule", &self.rule)
            .field("kind", &self.kind)
            .field("severity", &self.severity)
            .field("at", &self.at)
            .field("involves", &self.involves)
            .field("section", &self.section)
            .field("quote", &self.quote)
            .field("comparison", &self.comparison)
            .field("message", &self.message())
            .finish()
    }
}

/// A finding as JSON has it: its fields in order, the comparison's keys in the finding, the
/// message as text. Read into a [`Finding`]; [`FindingOut`] writes the same keys.
#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
struct FindingJson {
    rule: RuleCode,
    kind: FindingKind,
    severity: Severity,
    #[serde(default)]
    at: Option<FigureRef>,
    #[serde(default)]
    involves: Vec<FigureRef>,
    #[serde(default)]
    section: Option<String>,
    #[serde(default)]
    quote: Option<String>,
    #[serde(flatten, deserialize_with = "comparison_keys")]
    comparison: Option<Comparison>,
    message: String,
}

#[cfg(feature = "serde")]
impl From<FindingJson> for Finding {
    fn from(json: FindingJson) -> Finding {
        Finding {
            rule: json.rule,
            kind: json.kind,
            severity: json.severity,
            at: json.at,
            involves: json.involves,
            section: json.section,
            quote: json.quote,
            comparison: json.comparison,
            message: Message::Text(json.message),
        }
    }
}

/// A finding as it is written to JSON, borrowed ([`FindingJson`] reads it back).
#[cfg(feature = "serde")]
#[derive(serde::Serialize)]
struct FindingOut<'a> {
    rule: RuleCode,
    kind: FindingKind,
    severity: Severity,
    #[serde(skip_serializing_if = "Option::is_none")]
    at: Option<&'a FigureRef>,
    #[serde(skip_serializing_if = "<[FigureRef]>::is_empty")]
    involves: &'a [FigureRef],
    #[serde(skip_serializing_if = "Option::is_none")]
    section: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    quote: Option<&'a str>,
    #[serde(flatten)]
    comparison: Option<Comparison>,
    message: Cow<'a, str>,
}

#[cfg(feature = "serde")]
impl serde::Serialize for Finding {
    fn serialize<S: serde::Serializer>(
        &self,
        serializer: S,
    ) -> std::result::Result<S::Ok, S::Error> {
        FindingOut {
            rule: self.rule,
            kind: self.kind,
            severity: self.severity,
            at: self.at.as_ref(),
            involves: &self.involves,
            section: self.section.as_deref(),
            quote: self.quote.as_deref(),
            comparison: self.comparison,
            message: self.message(),
        }
        .serialize(serializer)
    }
}

/// What a finding compares: the left side of the identity as published, the right side
/// computed from the other published figures, their difference and what rounding allows,
/// all in one unit.
///
/// In JSON the fields are keys of the finding itself (absent when it compares nothing), the
/// figures as strings so no digit is lost, the unit as [`FigureUnit`] prints it:
///
/// ```json
/// {"rule": "T002", …, "published": "81.05", "expected": "81.06", "difference": "-0.01",
///  "allowance": "0.005", "unit": "万元", "message": "…"}
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Comparison {
    /// The left side of the identity as published (the total, the stated rate).
    #[cfg_attr(feature = "serde", serde(with = "rust_decimal::serde::str"))]
    pub published: Decimal,
    /// The right side computed from the other published figures (Σ parts, the rate).
    #[cfg_attr(feature = "serde", serde(with = "rust_decimal::serde::str"))]
    pub expected: Decimal,
    /// `published − expected`.
    #[cfg_attr(feature = "serde", serde(with = "rust_decimal::serde::str"))]
    pub difference: Decimal,
    /// The largest difference the rounding of the figures allows (0 when they must agree
    /// exactly).
    #[cfg_attr(feature = "serde", serde(with = "rust_decimal::serde::str"))]
    pub allowance: Decimal,
    /// The unit of all four.
    pub unit: FigureUnit,
}

/// Reads a finding's comparison keys: none of them is no comparison, all of them a
/// comparison, and some of them or a value that does not read an error naming the keys. (A
/// flattened `Option` read either of the last two as no comparison.)
#[cfg(feature = "serde")]
fn comparison_keys<'de, D>(deserializer: D) -> std::result::Result<Option<Comparison>, D::Error>
where
    D: serde::Deserializer<'de>,
{
    use serde::Deserialize as _;
    use serde::de::Error as _;
    use serde_json::Value;

    /// The keys as given, of any type, so that a value that does not read is named by its key.
    #[derive(serde::Deserialize)]
    struct Keys {
        published: Option<Value>,
        expected: Option<Value>,
        difference: Option<Value>,
        allowance: Option<Value>,
        unit: Option<Value>,
    }
    let keys = Keys::deserialize(deserializer)?;
    let invalid =
        |key: &str, e: serde_json::Error| D::Error::custom(format!("比较的“{key}”无效：{e}"));
    let figure = |key: &str, value: Option<Value>| {
        value
            .map(|v| rust_decimal::serde::str::deserialize(v).map_err(|e| invalid(key, e)))
            .transpose()
    };
    let published = figure("published", keys.published)?;
    let expected = figure("expected", keys.expected)?;
    let difference = figure("difference", keys.difference)?;
    let allowance = figure("allowance", keys.allowance)?;
    let unit = keys
        .unit
        .map(|v| FigureUnit::deserialize(v).map_err(|e| invalid("unit", e)))
        .transpose()?;
    match (published, expected, difference, allowance, unit) {
        (None, None, None, None, None) => Ok(None),
        (Some(published), Some(expected), Some(difference), Some(allowance), Some(unit)) => {
            Ok(Some(Comparison {
                published,
                expected,
                difference,
                allowance,
                unit,
            }))
        }
        (published, expected, difference, allowance, unit) => {
            let missing: Vec<&str> = [
                ("published", published.is_none()),
                ("expected", expected.is_none()),
                ("difference", difference.is_none()),
                ("allowance", allowance.is_none()),
                ("unit", unit.is_none()),
            ]
            .into_iter()
            .filter_map(|(key, absent)| absent.then_some(key))
            .collect();
            Err(D::Error::custom(format!(
                "比较不完整：缺少“{}”（published、expected、difference、allowance 和 unit 应同时给出）",
                missing.join("”“")
            )))
        }
    }
}

impl Comparison {
    /// `published` against `expected`, their difference computed; `None` when it is past
    /// what a [`Decimal`] holds.
    pub(crate) fn of(
        published: Decimal,
        expected: Decimal,
        allowance: Decimal,
        unit: FigureUnit,
    ) -> Option<Comparison> {
        Some(Comparison {
            published,
            expected,
            difference: published.checked_sub(expected)?,
            allowance,
            unit,
        })
    }
}

/// The unit of the figures a [`Comparison`] holds: amounts in the currency unit they were
/// compared in, rates in percent (their differences in percentage points), scores of a
/// performance self-evaluation in 分, measured quantities in their unit.
///
/// It prints, parses and serializes as its Chinese symbol: `元`, `万元`, `亿元`, `%`, `分`,
/// `平方米`, ….
///
/// ```
/// use fiscal_cn::check::FigureUnit;
/// use fiscal_cn::money::Unit;
///
/// assert_eq!(FigureUnit::Money(Unit::WanYuan).to_string(), "万元");
/// assert_eq!("%".parse::<FigureUnit>()?, FigureUnit::Percent);
/// # Ok::<(), fiscal_cn::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum FigureUnit {
    /// Amounts of money, in this unit.
    Money(Unit),
    /// Rates in percent; a difference or allowance of rates is in percentage points.
    Percent,
    /// Scores (分) of a performance self-evaluation.
    Score,
    /// Measured quantities (area, length, …), in this unit.
    Measure(MeasureUnit),
}

impl FigureUnit {
    /// The symbol: `万元`, `%`, `分`, `平方米`.
    #[must_use]
    pub fn symbol(self) -> &'static str {
        match self {
            FigureUnit::Money(unit) => unit.symbol(),
            FigureUnit::Percent => "%",
            FigureUnit::Score => "分",
            FigureUnit::Measure(unit) => unit.name(),
        }
    }
}

impl fmt::Display for FigureUnit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.symbol())
    }
}

impl FromStr for FigureUnit {
    type Err = Error;

    /// The symbol [`FigureUnit::symbol`] gives (a measure's other names too: `平米`).
    ///
    /// # Errors
    /// [`Error::UnknownName`] for any other text.
    fn from_str(symbol: &str) -> Result<FigureUnit> {
        match symbol {
            "%" => Ok(FigureUnit::Percent),
            "分" => Ok(FigureUnit::Score),
            _ => symbol
                .parse()
                .map(FigureUnit::Money)
                .or_else(|_| symbol.parse().map(FigureUnit::Measure))
                .map_err(|_| Error::UnknownName {
                    kind: "比较的单位",
                    input: symbol.to_owned(),
                }),
        }
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for FigureUnit {
    fn serialize<S: serde::Serializer>(
        &self,
        serializer: S,
    ) -> std::result::Result<S::Ok, S::Error> {
        serializer.serialize_str(self.symbol())
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for FigureUnit {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> std::result::Result<Self, D::Error> {
        let symbol = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        symbol.parse().map_err(serde::de::Error::custom)
    }
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "[{}] {} {}", self.severity, self.rule, self.message())?;
        if let Some(at) = &self.at {
            write!(f, "（位置：{}）", describe(at))?;
        }
        if let Some(quote) = &self.quote {
            write!(f, "\n      原文：“{quote}”")?;
        }
        Ok(())
    }
}

/// A figure reference in words: `一般公共预算财政拨款支出决算表 213 合计` or `陈述 s5-2`.
#[must_use]
pub fn describe(figure: &FigureRef) -> String {
    match figure {
        FigureRef::Statement(id) => format!("陈述 {id}"),
        FigureRef::Cell { table, row, column } => format!("{table}·{row}·{column}"),
    }
}

/// A decimal in a message, with its digits as held (a decimal keeps its scale).
pub(crate) fn show(value: Decimal) -> String {
    value.to_string()
}

/// Everything a check found, in a deterministic order, plus what the policy did.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct CheckReport {
    /// The findings, errors first, then warnings, then info; within a severity in rule and
    /// document order.
    pub findings: Vec<Finding>,
    /// Findings the policy suppressed, each with the suppression's reason.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    pub suppressed: Vec<SuppressedFinding>,
    /// Suppressions of the policy that matched no finding (stale suppressions).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    pub unused_suppressions: Vec<super::Suppression>,
}

/// A finding that a suppression silenced.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct SuppressedFinding {
    /// The finding.
    pub finding: Finding,
    /// Why it was suppressed.
    pub reason: String,
}

impl CheckReport {
    /// The findings of one severity.
    pub fn with_severity(&self, severity: Severity) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(move |f| f.severity == severity)
    }

    /// The findings of one rule.
    ///
    /// ```
    /// use fiscal_cn::{check::{check, Policy, RuleCode}, report::{Disclosure, DisclosureKind, Entity}};
    ///
    /// let report = check(&Disclosure::new(Entity::new("示例", 2024, DisclosureKind::FinalAccounts)), &Policy::default());
    /// assert_eq!(report.of_rule(RuleCode::N003).count(), 0);
    /// // A code read from a user is parsed first, so a typo is an error, not an empty list.
    /// assert!("N03".parse::<RuleCode>().is_err());
    /// ```
    pub fn of_rule(&self, code: RuleCode) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(move |f| f.rule == code)
    }

    /// How many findings have `severity`.
    #[must_use]
    pub fn count(&self, severity: Severity) -> usize {
        self.with_severity(severity).count()
    }

    /// Whether any finding is an error.
    #[must_use]
    pub fn has_errors(&self) -> bool {
        self.count(Severity::Error) > 0
    }
}

impl fmt::Display for CheckReport {
    /// The findings grouped by severity, for a terminal.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "共 {} 条发现：错误 {} 条，警告 {} 条，提示 {} 条。",
            self.findings.len(),
            self.count(Severity::Error),
            self.count(Severity::Warning),
            self.count(Severity::Info)
        )?;
        for severity in [Severity::Error, Severity::Warning, Severity::Info] {
            let mut group = self.with_severity(severity).peekable();
            if group.peek().is_none() {
                continue;
            }
            writeln!(f, "\n{severity}：")?;
            for finding in group {
                writeln!(f, "  {finding}")?;
            }
        }
        for s in &self.suppressed {
            writeln!(
                f,
                "\n已按规则豁免：{}（理由：{}）",
                s.finding.message(),
                s.reason
            )?;
        }
        for s in &self.unused_suppressions {
            writeln!(f, "\n未匹配任何发现的豁免：{} {}", s.rule, s.reason)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    /// A finding of `comparison`: the JSON tests' subject.
    #[cfg(feature = "serde")]
    fn finding(comparison: Option<Comparison>) -> Finding {
        Finding {
            rule: RuleCode::T002,
            kind: FindingKind::Violation,
            severity: Severity::Error,
            at: None,
            involves: Vec::new(),
            section: None,
            quote: None,
            comparison,
            message: "农林水支出（213）".into(),
        }
    }

    #[test]
    fn figure_units_print_and_parse_as_their_symbols() {
        let units = [
            (FigureUnit::Money(Unit::Yuan), "元"),
            (FigureUnit::Money(Unit::WanYuan), "万元"),
            (FigureUnit::Money(Unit::YiYuan), "亿元"),
            (FigureUnit::Percent, "%"),
            (FigureUnit::Score, "分"),
            (FigureUnit::Measure(MeasureUnit::SquareMetre), "平方米"),
            (FigureUnit::Measure(MeasureUnit::Kilometre), "公里"),
        ];
        for (unit, symbol) in units {
            assert_eq!(unit.to_string(), symbol);
            assert_eq!(symbol.parse::<FigureUnit>().unwrap(), unit);
        }
        let err = "百分点".parse::<FigureUnit>().unwrap_err().to_string();
        assert!(err.contains("百分点"), "{err}");
    }

    #[cfg(feature = "serde")]
    #[test]
    fn a_comparison_is_keys_of_the_finding_in_json() {
        let comparison = Comparison {
            published: Decimal::new(8105, 2),
            expected: Decimal::new(8106, 2),
            difference: Decimal::new(-1, 2),
            allowance: Decimal::ZERO,
            unit: FigureUnit::Money(Unit::WanYuan),
        };
        let json = serde_json::to_value(finding(Some(comparison))).unwrap();
        let keys: Vec<&str> = json
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        let mut expected_keys = [
            "rule",
            "kind",
            "severity",
            "published",
            "expected",
            "difference",
            "allowance",
            "unit",
            "message",
        ];
        expected_keys.sort_unstable();
        let mut sorted = keys.clone();
        sorted.sort_unstable();
        assert_eq!(sorted, expected_keys);
        assert_eq!(json["rule"], "T002");
        assert_eq!(json["published"], "81.05");
        assert_eq!(json["expected"], "81.06");
        assert_eq!(json["difference"], "-0.01");
        assert_eq!(json["allowance"], "0");
        assert_eq!(json["unit"], "万元");
        let back: Finding = serde_json::from_value(json).unwrap();
        assert_eq!(back.comparison, Some(comparison));

        let rate = Comparison {
            unit: FigureUnit::Percent,
            ..comparison
        };
        let json = serde_json::to_value(finding(Some(rate))).unwrap();
        assert_eq!(json["unit"], "%");

        // A finding that compares nothing has none of the keys, and reads back as such.
        let json = serde_json::to_value(finding(None)).unwrap();
        for key in ["published", "expected", "difference", "allowance", "unit"] {
            assert!(json.get(key).is_none(), "{key} in {json}");
        }
        let back: Finding = serde_json::from_value(json).unwrap();
        assert_eq!(back, finding(None));
    }

    #[cfg(feature = "serde")]
    #[test]
    fn a_comparison_reads_whole_or_not_at_all() {
        let comparison = Comparison {
            published: Decimal::new(123, 1),
            expected: Decimal::new(12, 0),
            difference: Decimal::new(3, 1),
            allowance: Decimal::new(5, 2),
            unit: FigureUnit::Percent,
        };
        let whole = serde_json::to_value(finding(Some(comparison))).unwrap();
        let read = |edit: &dyn Fn(&mut serde_json::Value)| {
            let mut json = whole.clone();
            edit(&mut json);
            serde_json::from_value::<Finding>(json).map_err(|e| e.to_string())
        };
        assert_eq!(read(&|_| {}), Ok(finding(Some(comparison))));
        // Some keys but not all: an error naming the missing ones.
        let only_published = |json: &mut serde_json::Value| {
            let object = json.as_object_mut().unwrap();
            for key in ["expected", "difference", "allowance", "unit"] {
                object.remove(key);
            }
        };
        assert_eq!(
            read(&only_published),
            Err("比较不完整：缺少“expected”“difference”“allowance”“unit”（published、expected、difference、allowance 和 unit 应同时给出）".to_owned())
        );
        let without_unit = |json: &mut serde_json::Value| {
            json.as_object_mut().unwrap().remove("unit");
        };
        assert!(read(&without_unit).unwrap_err().contains("缺少“unit”"));
        // A value that does not read: an error naming its key.
        for (key, bad) in [
            ("difference", serde_json::json!("abc")),
            ("published", serde_json::json!(12.3)),
            ("allowance", serde_json::json!(null)),
            ("unit", serde_json::json!("百分点")),
        ] {
            let err = read(&|json| json[key] = bad.clone()).unwrap_err();
            assert!(err.contains(&format!("“{key}”")), "{key}: {err}");
        }
    }

    fn decimal() -> impl Strategy<Value = Decimal> {
        (any::<i64>(), 0_u32..=6).prop_map(|(mantissa, scale)| Decimal::new(mantissa, scale))
    }

    fn finding_kind() -> impl Strategy<Value = FindingKind> {
        prop_oneof![
            Just(FindingKind::Violation),
            Just(FindingKind::Truncation),
            Just(FindingKind::TailDifference),
        ]
    }

    /// A sum identity's message by its definition: `format!` of every piece, the amounts by
    /// `Decimal`'s `Display`.
    fn sum_text(m: &SumMessage) -> String {
        let (subject, right) = m.words.split_at(m.right_at);
        let c = &m.figures;
        let u = c.unit;
        let mut text = format!(
            "{subject}：{} {} {u}，{right} {} {u}，相差 {} {u}",
            m.left,
            c.published,
            c.expected,
            c.difference.abs()
        );
        text += &match (m.kind, m.single) {
            (FindingKind::TailDifference, _) => {
                format!("，在四舍五入尾差允许范围（{} {u}）内", c.allowance)
            }
            (FindingKind::Truncation, _) => "，仅在截尾（而非四舍五入）时成立".to_owned(),
            (FindingKind::Violation, Some(single)) => format!("；{single}"),
            (FindingKind::Violation, None) => format!("，超出四舍五入允许的 {} {u}", c.allowance),
        };
        text
    }

    /// A rate identity's message by its definition.
    fn rate_text(subject: &str, c: &RateCheck, kind: FindingKind) -> String {
        let mut text = format!(
            "{subject}：公布 {}%，按公布金额计算为 {}%（四舍五入应为 {}%）",
            c.published, c.computed, c.expected
        );
        text += &match kind {
            FindingKind::TailDifference => {
                format!("，差异在金额四舍五入允许范围（{} 个百分点）内", c.allowance)
            }
            FindingKind::Truncation => "，仅在截尾（而非四舍五入）时成立".to_owned(),
            FindingKind::Violation => format!(
                "，相差 {} 个百分点，超出四舍五入允许的 {} 个百分点",
                c.difference.abs(),
                c.allowance
            ),
        };
        text
    }

    proptest! {
        /// A message written when read is the text its definition gives.
        #[test]
        fn messages_written_when_read_are_their_definition(
            subject in "[农林水支出（）0-9·]{0,12}",
            right in "[所属款合计、之和]{0,8}",
            figures in prop::array::uniform5(decimal()),
            kind in finding_kind(),
            single in prop::option::of(Just("只有一个款时二者必须相等")),
            unit in prop_oneof![
                Just(FigureUnit::Money(Unit::WanYuan)),
                Just(FigureUnit::Money(Unit::Yuan)),
                Just(FigureUnit::Measure(MeasureUnit::SquareMetre)),
            ],
        ) {
            let [published, expected, difference, allowance, rounded] = figures;
            let sum = SumMessage {
                words: format!("{subject}{right}"),
                right_at: subject.len(),
                left: "类合计",
                single,
                figures: Comparison { published, expected, difference, allowance, unit },
                kind,
            };
            let mut written = String::new();
            Message::Sum(sum.clone()).write(&mut written);
            prop_assert_eq!(written, sum_text(&sum));

            let check = RateCheck {
                verdict: Consistency::Inconsistent,
                published,
                computed: expected,
                expected: rounded,
                difference,
                allowance,
            };
            let mut written = String::new();
            Message::Rate { subject: subject.clone(), check, kind }.write(&mut written);
            prop_assert_eq!(written, rate_text(&subject, &check, kind));
        }
    }

    #[cfg(feature = "serde")]
    #[test]
    fn a_message_written_when_read_is_text_in_json_and_reads_back_equal() {
        let figures = Comparison {
            published: Decimal::new(8105, 2),
            expected: Decimal::new(8106, 2),
            difference: Decimal::new(-1, 2),
            allowance: Decimal::new(5, 2),
            unit: FigureUnit::Money(Unit::WanYuan),
        };
        let mut sum = finding(Some(figures));
        sum.kind = FindingKind::TailDifference;
        sum.message = Message::Sum(SumMessage {
            words: "农林水支出（213）所属款合计".to_owned(),
            right_at: "农林水支出（213）".len(),
            left: "类合计",
            single: None,
            figures,
            kind: FindingKind::TailDifference,
        });
        let text = "农林水支出（213）：类合计 81.05 万元，所属款合计 81.06 万元，相差 0.01 万元，在四舍五入尾差允许范围（0.05 万元）内";
        assert_eq!(sum.message(), text);
        let json = serde_json::to_value(&sum).unwrap();
        assert_eq!(json["message"], text);
        let back: Finding = serde_json::from_value(json).unwrap();
        assert!(matches!(back.message, Message::Text(_)));
        assert_eq!(back, sum);
        assert_eq!(format!("{back:?}"), format!("{sum:?}"));
    }

    #[cfg(feature = "serde")]
    #[test]
    fn a_finding_of_an_unknown_rule_does_not_read() {
        let mut json = serde_json::to_value(finding(None)).unwrap();
        json["rule"] = "Z999".into();
        let err = serde_json::from_value::<Finding>(json)
            .unwrap_err()
            .to_string();
        assert!(err.contains("Z999"), "{err}");
    }
}
