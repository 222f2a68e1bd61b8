//! Findings, severities and the result of a check.

use std::borrow::Cow;
use std::fmt;

use rust_decimal::Decimal;

use crate::closed_set::closed_set;
use crate::precision::Consistency;
use crate::report::FigureRef;

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
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Finding {
    /// The rule's stable code, e.g. `T002`: borrowed from the rule registry for every finding a
    /// check makes (no allocation per finding), owned when deserialized.
    pub rule: Cow<'static, str>,
    /// Violation, truncation or tail difference.
    pub kind: FindingKind,
    /// How serious it is (after the policy's overrides).
    pub severity: Severity,
    /// The figure the finding is about (the total, the stated rate, …).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub at: Option<FigureRef>,
    /// Every figure the identity involves, `at` included.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    pub involves: Vec<FigureRef>,
    /// The narrative section, for statements.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub section: Option<String>,
    /// The words stated, for statements.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub quote: Option<String>,
    /// The left side of the identity as published (the total, the stated rate).
    #[cfg_attr(
        feature = "serde",
        serde(
            default,
            skip_serializing_if = "Option::is_none",
            with = "rust_decimal::serde::str_option"
        )
    )]
    pub published: Option<Decimal>,
    /// The right side computed from the other published figures (Σ parts, the rate).
    #[cfg_attr(
        feature = "serde",
        serde(
            default,
            skip_serializing_if = "Option::is_none",
            with = "rust_decimal::serde::str_option"
        )
    )]
    pub expected: Option<Decimal>,
    /// `published − expected`.
    #[cfg_attr(
        feature = "serde",
        serde(
            default,
            skip_serializing_if = "Option::is_none",
            with = "rust_decimal::serde::str_option"
        )
    )]
    pub difference: Option<Decimal>,
    /// The largest difference 四舍五入 can explain.
    #[cfg_attr(
        feature = "serde",
        serde(
            default,
            skip_serializing_if = "Option::is_none",
            with = "rust_decimal::serde::str_option"
        )
    )]
    pub allowance: Option<Decimal>,
    /// What is wrong, in the words a finance officer uses, with the figures and codes.
    pub message: String,
}

impl Finding {
    /// Whether `figure` is one of the figures the finding involves.
    #[must_use]
    pub fn covers(&self, figure: &FigureRef) -> bool {
        self.at.as_ref() == Some(figure) || self.involves.contains(figure)
    }
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "[{}] {} {}", self.severity, self.rule, self.message)?;
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

    /// The findings of one rule, by its code (`"N003"`).
    ///
    /// ```
    /// use fiscal_cn::{check::{check, Policy}, report::{Disclosure, DisclosureKind, Entity}};
    ///
    /// let report = check(&Disclosure::new(Entity::new("示例", 2024, DisclosureKind::FinalAccounts)), &Policy::default());
    /// assert_eq!(report.of_rule("N003").count(), 0);
    /// ```
    pub fn of_rule<'a>(&'a self, code: &'a str) -> impl Iterator<Item = &'a Finding> + 'a {
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
                s.finding.message, s.reason
            )?;
        }
        for s in &self.unused_suppressions {
            writeln!(f, "\n未匹配任何发现的豁免：{} {}", s.rule, s.reason)?;
        }
        Ok(())
    }
}
