//! Where a catalog row comes from, and how far its name can be trusted.

use std::fmt;
use std::str::FromStr;

use crate::Error;

/// Where a catalog row comes from: the `evidence` column of the catalog CSV files.
///
/// The CSV words are `official-notice-<year>`, `official-crosswalk-2018`,
/// `published-<year>-final-accounts`, `published-<year>-budget`, `third-party-fixture`,
/// `domain-knowledge`, and `unspecified` (or an empty field / no column), which is what a row of
/// a loaded official catalog usually has. `Display` writes that word and round-trips with
/// `FromStr`; [`Evidence::label`] gives a Chinese description.
///
/// # How far each kind can be trusted
/// Variants are ordered from the strongest evidence to the weakest:
///
/// 1. [`OfficialNotice`](Evidence::OfficialNotice) and
///    [`OfficialCrosswalk2018`](Evidence::OfficialCrosswalk2018): printed, code and name (or the
///    pair of codes), in a document of 财政部 itself. These are the classification's own words;
///    they can be trusted as far as the document is still in force for the year at hand (a
///    later edition may rename or move a line).
/// 2. [`PublishedFinalAccounts`](Evidence::PublishedFinalAccounts) and
///    [`PublishedBudget`](Evidence::PublishedBudget), years counting equally: printed with code
///    and name in a real disclosure of a department. Reliable, though a department can misprint.
/// 3. [`ThirdPartyFixture`](Evidence::ThirdPartyFixture): seen in the test data of budget
///    software; plausible, not checked.
/// 4. [`DomainKnowledge`](Evidence::DomainKnowledge): the standard code for that name as the
///    crate's authors know it, not checked against the official document.
/// 5. [`Unspecified`](Evidence::Unspecified): no evidence given (a loaded file).
///
/// ```
/// use fiscal_cn::classification::Evidence;
///
/// let e: Evidence = "published-2024-final-accounts".parse()?;
/// assert_eq!(e, Evidence::PublishedFinalAccounts { year: 2024 });
/// assert_eq!(e.label(), "2024 年部门决算公开");
/// assert_eq!(e.to_string(), "published-2024-final-accounts");
///
/// let notice: Evidence = "official-notice-2025".parse()?;
/// assert_eq!(notice, Evidence::OfficialNotice { year: 2025 });
/// assert!(notice.is_official() && !notice.is_published());
/// let crosswalk: Evidence = "official-crosswalk-2018".parse()?;
/// assert_eq!(crosswalk.label(), "2018 年政府预算和部门预算支出经济分类科目对照表");
/// # Ok::<(), fiscal_cn::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(into = "String", try_from = "String"))]
pub enum Evidence {
    /// Printed in a 财政部 notice amending the 《政府收支分类科目》 of `year` (such as
    /// 财预〔2024〕22号 or 财预〔2025〕41号): the classification's own words.
    OfficialNotice {
        /// The year of the edition the notice amends.
        year: u16,
    },
    /// Printed in the official 2018 correspondence table of the two economic classifications
    /// (政府预算和部门预算支出经济分类科目对照表), still in use: the classification's own words.
    OfficialCrosswalk2018,
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
            Evidence::OfficialNotice { year } => format!("{year} 年财政部科目修订通知"),
            Evidence::OfficialCrosswalk2018 => {
                "2018 年政府预算和部门预算支出经济分类科目对照表".to_owned()
            }
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

    /// Whether a document of 财政部 itself printed this line (a notice amending the edition, or
    /// the official correspondence table of the two economic classifications).
    #[must_use]
    pub const fn is_official(self) -> bool {
        matches!(
            self,
            Evidence::OfficialNotice { .. } | Evidence::OfficialCrosswalk2018
        )
    }

    /// Rank for choosing between rows: official < published < third-party < domain knowledge <
    /// unspecified.
    pub(super) const fn rank(self) -> u8 {
        match self {
            Evidence::OfficialNotice { .. } | Evidence::OfficialCrosswalk2018 => 0,
            Evidence::PublishedFinalAccounts { .. } | Evidence::PublishedBudget { .. } => 1,
            Evidence::ThirdPartyFixture => 2,
            Evidence::DomainKnowledge => 3,
            Evidence::Unspecified => 4,
        }
    }
}

impl fmt::Display for Evidence {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Evidence::OfficialNotice { year } => write!(f, "official-notice-{year}"),
            Evidence::OfficialCrosswalk2018 => f.write_str("official-crosswalk-2018"),
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
            "official-crosswalk-2018" => Ok(Evidence::OfficialCrosswalk2018),
            t => {
                if let Some(y) = t.strip_prefix("official-notice-") {
                    return Ok(Evidence::OfficialNotice { year: year(y)? });
                }
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
            Evidence::OfficialNotice { year: 2024 },
            Evidence::OfficialCrosswalk2018,
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
            "official-notice-24",
            "official-notice-2024-budget",
            "official-crosswalk-2019",
            "official-crosswalk",
            "x",
        ] {
            assert!(bad.parse::<Evidence>().is_err(), "{bad}");
        }
    }

    #[test]
    fn official_outranks_published() {
        let official = Evidence::OfficialNotice { year: 2024 };
        let published = Evidence::PublishedBudget { year: 2026 };
        assert!(official.rank() < published.rank());
        assert!(Evidence::OfficialCrosswalk2018.is_official());
        assert!(!published.is_official());
        assert_eq!(official.label(), "2024 年财政部科目修订通知");
    }
}
