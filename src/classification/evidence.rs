//! Where a catalog row comes from, and how far its name can be trusted.

use std::fmt;
use std::str::FromStr;

use crate::Error;

/// Where a catalog row comes from: the `evidence` column of the catalog CSV files.
///
/// The CSV words are `published-<year>-final-accounts`, `published-<year>-budget`,
/// `third-party-fixture`, `domain-knowledge`, and `unspecified` (or an empty field / no column),
/// which is what a row of a loaded official catalog usually has. `Display` writes that word and
/// round-trips with `FromStr`; [`Evidence::label`] gives a Chinese description. Variants are
/// ordered from the strongest evidence to the weakest, published years counting equally.
///
/// ```
/// use fiscal_cn::Evidence;
///
/// let e: Evidence = "published-2024-final-accounts".parse()?;
/// assert_eq!(e, Evidence::PublishedFinalAccounts { year: 2024 });
/// assert_eq!(e.label(), "2024 年部门决算公开");
/// assert_eq!(e.to_string(), "published-2024-final-accounts");
/// # Ok::<(), fiscal_cn::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(into = "String", try_from = "String"))]
pub enum Evidence {
    /// Printed with code and name in a real 部门决算 (final accounts) disclosure of `year`.
    PublishedFinalAccounts {
        /// The year the accounts are for.
        year: u16,
    },
    /// Printed with code and name in a real 部门预算 (budget) disclosure of `year`.
    PublishedBudget {
        /// The budget year.
        year: u16,
    },
    /// Seen in test data of public budget software: plausible, weaker.
    ThirdPartyFixture,
    /// The standard code for that name, not checked against the official document.
    DomainKnowledge,
    /// No evidence given: a row of a loaded (official) catalog file.
    Unspecified,
}

impl Evidence {
    /// A short Chinese description, e.g. `2024 年部门决算公开`.
    #[must_use]
    pub fn label(self) -> String {
        match self {
            Evidence::PublishedFinalAccounts { year } => format!("{year} 年部门决算公开"),
            Evidence::PublishedBudget { year } => format!("{year} 年部门预算公开"),
            Evidence::ThirdPartyFixture => "第三方测试数据".to_owned(),
            Evidence::DomainKnowledge => "领域知识（未经官方文件核对）".to_owned(),
            Evidence::Unspecified => "未注明".to_owned(),
        }
    }

    /// Whether a real disclosure printed this code with this name.
    #[must_use]
    pub const fn is_published(self) -> bool {
        matches!(
            self,
            Evidence::PublishedFinalAccounts { .. } | Evidence::PublishedBudget { .. }
        )
    }

    /// Rank for choosing between rows: published < third-party < domain knowledge < unspecified.
    pub(super) const fn rank(self) -> u8 {
        match self {
            Evidence::PublishedFinalAccounts { .. } | Evidence::PublishedBudget { .. } => 0,
            Evidence::ThirdPartyFixture => 1,
            Evidence::DomainKnowledge => 2,
            Evidence::Unspecified => 3,
        }
    }
}

impl fmt::Display for Evidence {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Evidence::PublishedFinalAccounts { year } => {
                write!(f, "published-{year}-final-accounts")
            }
            Evidence::PublishedBudget { year } => write!(f, "published-{year}-budget"),
            Evidence::ThirdPartyFixture => f.write_str("third-party-fixture"),
            Evidence::DomainKnowledge => f.write_str("domain-knowledge"),
            Evidence::Unspecified => f.write_str("unspecified"),
        }
    }
}

impl FromStr for Evidence {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self, Error> {
        let unknown = || Error::UnknownName {
            kind: "来源依据",
            input: s.to_owned(),
        };
        let year = |y: &str| {
            // Exactly four ASCII digits, so `u16::from_str`'s sign handling never comes in.
            if y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()) {
                y.parse::<u16>().map_err(|_| unknown())
            } else {
                Err(unknown())
            }
        };
        match s.trim() {
            "" | "unspecified" => Ok(Evidence::Unspecified),
            "third-party-fixture" => Ok(Evidence::ThirdPartyFixture),
            "domain-knowledge" => Ok(Evidence::DomainKnowledge),
            t => {
                let rest = t.strip_prefix("published-").ok_or_else(unknown)?;
                if let Some(y) = rest.strip_suffix("-final-accounts") {
                    Ok(Evidence::PublishedFinalAccounts { year: year(y)? })
                } else if let Some(y) = rest.strip_suffix("-budget") {
                    Ok(Evidence::PublishedBudget { year: year(y)? })
                } else {
                    Err(unknown())
                }
            }
        }
    }
}

impl From<Evidence> for String {
    fn from(evidence: Evidence) -> String {
        evidence.to_string()
    }
}

impl TryFrom<String> for Evidence {
    type Error = Error;
    fn try_from(s: String) -> Result<Self, Error> {
        s.parse()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        for e in [
            Evidence::PublishedFinalAccounts { year: 2024 },
            Evidence::PublishedBudget { year: 2026 },
            Evidence::ThirdPartyFixture,
            Evidence::DomainKnowledge,
            Evidence::Unspecified,
        ] {
            assert_eq!(e.to_string().parse::<Evidence>(), Ok(e));
        }
        assert_eq!("".parse::<Evidence>(), Ok(Evidence::Unspecified));
        for bad in [
            "published-24-budget",
            "published-+024-budget",
            "published-2024",
            "x",
        ] {
            assert!(bad.parse::<Evidence>().is_err(), "{bad}");
        }
    }
}
