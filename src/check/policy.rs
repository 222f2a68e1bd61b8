//! What a user can tune: severities, suppressions, the rounding assumption.

use std::collections::{BTreeMap, BTreeSet};

use crate::error::{Error, Result};
use crate::report::FigureRef;

use super::{IntoRuleCode, RuleCode, Severity};

/// Silences one rule, at one figure or everywhere, for a stated reason.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Suppression {
    /// The rule's code.
    pub rule: RuleCode,
    /// The figure (a finding's `at`); `None` silences the rule everywhere.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub at: Option<FigureRef>,
    /// Why: required, and reported with every finding it silences.
    pub reason: String,
}

/// How a check runs. The default checks every rule at its default severity, assumes 四舍五入
/// and reports truncation and tail differences.
///
/// A policy read from JSON is validated like the setters validate: an unknown rule code or a
/// suppression without a reason is an error, so a typo cannot silently do nothing.
///
/// ```
/// use fiscal_cn::check::{Policy, Severity};
///
/// let mut policy = Policy::default();
/// policy.set_severity("T002", Severity::Warning)?;
/// policy.suppress("C001", None, "本单位使用的地方科目不在全国目录中")?;
/// assert!(policy.suppress("C001", None, "  ").is_err(), "a reason is required");
/// # Ok::<(), fiscal_cn::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "UncheckedPolicy"))]
#[non_exhaustive]
pub struct Policy {
    /// Severity overrides by rule code.
    #[cfg_attr(feature = "serde", serde(default))]
    pub severities: BTreeMap<RuleCode, Severity>,
    /// Rules not run at all.
    #[cfg_attr(feature = "serde", serde(default))]
    pub disabled: BTreeSet<RuleCode>,
    /// Suppressions.
    #[cfg_attr(feature = "serde", serde(default))]
    pub suppressions: Vec<Suppression>,
    /// Accept figures that are right only under truncation (截尾): no truncation warnings.
    #[cfg_attr(feature = "serde", serde(default))]
    pub accept_truncation: bool,
    /// Leave out tail differences (尾差), which are info.
    #[cfg_attr(feature = "serde", serde(default))]
    pub hide_tail_differences: bool,
}

/// A policy as read, its rule codes known (a [`RuleCode`] reads only a code of the registry),
/// before the reasons of its suppressions are checked.
#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
struct UncheckedPolicy {
    #[serde(default)]
    severities: BTreeMap<RuleCode, Severity>,
    #[serde(default)]
    disabled: BTreeSet<RuleCode>,
    #[serde(default)]
    suppressions: Vec<Suppression>,
    #[serde(default)]
    accept_truncation: bool,
    #[serde(default)]
    hide_tail_differences: bool,
}

#[cfg(feature = "serde")]
impl TryFrom<UncheckedPolicy> for Policy {
    type Error = Error;

    fn try_from(read: UncheckedPolicy) -> Result<Policy> {
        let mut policy = Policy {
            severities: read.severities,
            disabled: read.disabled,
            accept_truncation: read.accept_truncation,
            hide_tail_differences: read.hide_tail_differences,
            ..Policy::default()
        };
        for s in read.suppressions {
            policy.suppress_code(s.rule, s.at, &s.reason)?;
        }
        Ok(policy)
    }
}

impl Policy {
    /// The policy with findings that hold when the figures were truncated (截尾) accepted, or
    /// not.
    #[must_use]
    pub fn with_accept_truncation(mut self, accept: bool) -> Self {
        self.accept_truncation = accept;
        self
    }

    /// The policy with findings that hold only within rounding tails hidden, or not.
    #[must_use]
    pub fn with_hide_tail_differences(mut self, hide: bool) -> Self {
        self.hide_tail_differences = hide;
        self
    }

    /// Overrides the severity of violations of `rule`. Unknown rule codes are an error, so a
    /// typo cannot silently do nothing.
    ///
    /// # Errors
    /// [`Error::UnknownName`](crate::Error::UnknownName) when `rule` is no rule of the registry.
    pub fn set_severity(&mut self, rule: impl IntoRuleCode, severity: Severity) -> Result<()> {
        self.severities.insert(rule.into_rule_code()?, severity);
        Ok(())
    }

    /// Turns a rule off.
    ///
    /// # Errors
    /// [`Error::UnknownName`](crate::Error::UnknownName) when `rule` is no rule of the registry.
    pub fn disable(&mut self, rule: impl IntoRuleCode) -> Result<()> {
        self.disabled.insert(rule.into_rule_code()?);
        Ok(())
    }

    /// Suppresses `rule` at `at` (or everywhere), with a required reason.
    ///
    /// # Errors
    /// [`Error::UnknownName`](crate::Error::UnknownName) when `rule` is no rule of the registry;
    /// [`Error::MissingSuppressionReason`](crate::Error::MissingSuppressionReason) when `reason`
    /// is empty.
    pub fn suppress(
        &mut self,
        rule: impl IntoRuleCode,
        at: Option<FigureRef>,
        reason: &str,
    ) -> Result<()> {
        self.suppress_code(rule.into_rule_code()?, at, reason)
    }

    /// [`Policy::suppress`] of a known rule.
    fn suppress_code(&mut self, rule: RuleCode, at: Option<FigureRef>, reason: &str) -> Result<()> {
        if reason.trim().is_empty() {
            return Err(Error::MissingSuppressionReason {
                rule: rule.to_string(),
            });
        }
        self.suppressions.push(Suppression {
            rule,
            at,
            reason: reason.trim().to_owned(),
        });
        Ok(())
    }
}

#[cfg(all(test, feature = "serde"))]
mod tests {
    use super::*;

    #[test]
    fn a_policy_read_from_json_is_validated_like_the_setters() {
        let read = |json: &str| serde_json::from_str::<Policy>(json);
        let policy = read(
            r#"{"severities": {"T002": "warning"}, "disabled": ["C001"],
                "suppressions": [{"rule": "N003", "reason": "已核实"}]}"#,
        )
        .unwrap();
        let mut expected = Policy::default();
        expected.set_severity("T002", Severity::Warning).unwrap();
        expected.disable("C001").unwrap();
        expected.suppress("N003", None, "已核实").unwrap();
        assert_eq!(policy, expected);
        // A round trip through JSON keeps it.
        assert_eq!(
            read(&serde_json::to_string(&policy).unwrap()).unwrap(),
            policy
        );
        for bad in [
            r#"{"severities": {"Z001": "warning"}}"#,
            r#"{"disabled": ["X1"]}"#,
            r#"{"suppressions": [{"rule": "N003", "reason": "  "}]}"#,
        ] {
            let err = read(bad).unwrap_err().to_string();
            assert!(
                err.contains("Z001") || err.contains("X1") || err.contains("理由"),
                "{bad}: {err}"
            );
        }
    }
}
