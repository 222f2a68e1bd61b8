//! Reading and writing the narrative (编制说明) of a 部门决算 disclosure.
//!
//! [`read_narrative`] turns the text of a narrative into the disclosure model: every printed
//! figure becomes a [`Statement`](crate::report::Statement) with what it is about
//! ([`Concept`](crate::report::Concept)), its value as printed, the year it refers to and where it was
//! stated; the arithmetic a sentence makes explicit (a share with its part and whole, a growth
//! rate with its change, a 其中 listing) becomes a [`Claim`](crate::report::Claim). The reader knows the
//! standard skeletons — the Sichuan 10-section form (收入支出决算总体情况说明 … 其他重要事项) and
//! the generic central form (一、收入支出决算总体情况说明 … 预算绩效管理情况) — headings with or
//! without numbering, 万元 or 元, full-width digits, years spelt in numerals (`二〇二四年`) and the
//! usual variations of wording. It is
//! built from the template and the domain, not from one document's sentences.
//!
//! Nothing is silently dropped: a clause with a figure the reader does not understand becomes an
//! [`UnparsedSentence`] with its section, text and reason. Any text, however malformed, gives
//! a result or an error, never a panic.
//!
//! [`render_narrative`] writes the standard sections from a disclosure (its tables, and its
//! statements for what tables do not hold) with 四舍五入 figures, direction words that agree
//! with the signs, shares computed from the amounts, and “—” where a rate is undefined. Reading
//! the rendered text back gives the same figures.

mod cells;
mod read;

pub(crate) mod scan;
mod traditional;
mod write;

pub use crate::vocabulary::reason::UnparsedReason;
pub(crate) use read::{coded_line, function_path_in, names_agree};
pub use write::render_narrative;

use crate::classification::{Catalog, FunctionCode};
use crate::error::Result;
use crate::report::{Disclosure, DisclosureKind};

/// How to read a narrative.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct ReadOptions {
    /// The department's name, when the title does not give it (or to override it).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub entity_name: Option<String>,
    /// The report's year, when the title does not give it (or to override it).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub year: Option<u16>,
    /// 部门决算 or 部门预算, when the title does not say.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub kind: Option<DisclosureKind>,
    /// The decimals amounts are printed to in the tables the narrative describes (2). A text
    /// that prints every one of at least two amounts with fewer decimals is read as printed to
    /// the most any of them has: whole units when all are whole (`3923万元`), one decimal for
    /// `328亿元` beside `75.2亿元`.
    pub amount_decimals: u32,
}

impl Default for ReadOptions {
    /// Entity and year from the title; 2 decimals.
    fn default() -> Self {
        ReadOptions {
            entity_name: None,
            year: None,
            kind: None,
            amount_decimals: 2,
        }
    }
}

impl ReadOptions {
    /// The options with the department's name given.
    ///
    /// ```
    /// use fiscal_cn::prelude::*;
    ///
    /// let options = ReadOptions::default().with_year(2024).with_kind(DisclosureKind::Budget);
    /// let reading = read_narrative("一般公共预算拨款收入90万元。", &options)?;
    /// assert_eq!(reading.disclosure.entity.year, 2024);
    /// # Ok::<(), fiscal_cn::Error>(())
    /// ```
    #[must_use]
    pub fn with_entity_name(mut self, name: impl Into<String>) -> Self {
        self.entity_name = Some(name.into());
        self
    }

    /// The options with the report's year given.
    #[must_use]
    pub fn with_year(mut self, year: u16) -> Self {
        self.year = Some(year);
        self
    }

    /// The options with the kind of disclosure given.
    #[must_use]
    pub fn with_kind(mut self, kind: DisclosureKind) -> Self {
        self.kind = Some(kind);
        self
    }

    /// The options with the decimals the tables print amounts to.
    #[must_use]
    pub fn with_amount_decimals(mut self, decimals: u32) -> Self {
        self.amount_decimals = decimals;
        self
    }
}

/// A clause with a figure that the reader did not understand.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct UnparsedSentence {
    /// The nearest heading, as printed.
    pub section: String,
    /// The clause, as printed; for a figure of a clause over 240 characters, the figure with
    /// at most 60 characters on each side (as [`Location::quote`](crate::report::Location::quote)).
    pub text: String,
    /// Why it was not understood (its `Display` in Chinese).
    pub reason: UnparsedReason,
    /// The byte offset of the clause in the input.
    pub offset: usize,
}

/// What [`read_narrative`] read: the disclosure model and what it could not place.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct NarrativeReading {
    /// Entity, statements and claims (no tables: a narrative has none).
    pub disclosure: Disclosure,
    /// Clauses with figures that were not understood, in text order.
    pub unparsed: Vec<UnparsedSentence>,
}

/// Reads a 部门决算 narrative (编制说明) into the disclosure model, resolving 功能分类 paths
/// with the embedded catalog.
///
/// The entity's name, the year and the kind come from the title line
/// (`2024年度…部门决算公开编制说明`, or a `主管部门：…` line for the name) unless `options`
/// give them. A text without a title (an excerpt, a press reprint) takes the year it speaks of
/// most, not counting the years it compares with, and its kind from its words: 部门决算 when it
/// speaks of 决算, 部门预算 when only of 预算, a government's budget or final accounts
/// ([`DisclosureKind::GovernmentBudget`], [`DisclosureKind::GovernmentFinalAccounts`]) when it
/// uses words only a government's reports use (区本级, 上解上级支出, 税收收入). The unit kind and
/// the units covered come from 机构设置 when stated; the currency is 万元 unless the text uses
/// 元 throughout. It is an error only when no year can be found at all.
///
/// A figure is bound to what its own words name, within its sentence: the parts a `其中`
/// lists belong to the whole stated before it (a fund's 基本支出, not the department's), and
/// are not read at all when that whole was not understood; later totals of a sentence share
/// the scope of its first (`财政拨款收入总计A，支出总计B`); a change (`较上年增加X万元`) is
/// never a level; a share's whole is the one written. A figure whose subject cannot be told
/// is returned in [`NarrativeReading::unparsed`] with the reason, never bound to a default or
/// neighbouring subject.
///
/// Each statement's id follows from where it is — a hash of its section heading and its clause,
/// and its rank within the clause (`s1f3a09c2.1`) — so inserting or removing other sentences
/// does not change it, and a suppression keyed by it stays attached to its figure.
///
/// ```
/// use fiscal_cn::dimensions::IncomeSource;
/// use fiscal_cn::narrative::{ReadOptions, read_narrative};
/// use fiscal_cn::report::{Concept, StatedValue};
///
/// let text = "2024年度示例局部门决算公开编制说明\n\
///             收入决算情况说明\n\
///             2024年度本年收入合计100万元，其中：一般公共预算财政拨款收入90万元，占90%；其他收入10万元，占10%。";
/// let reading = read_narrative(text, &ReadOptions::default())?;
/// let d = &reading.disclosure;
/// assert_eq!((d.entity.name.as_str(), d.entity.year), ("示例局", 2024));
/// let other = Concept::Income(IncomeSource::Other);
/// let values: Vec<String> = d.statements_about(&other).map(|s| s.value.to_string()).collect();
/// assert_eq!(values, ["10万元", "占10%（本年收入合计）"]);
/// assert!(reading.unparsed.is_empty());
/// # Ok::<(), fiscal_cn::Error>(())
/// ```
///
/// # Errors
/// [`Error::UndatedNarrative`](crate::Error::UndatedNarrative) when neither the options, the title nor the
/// body give the report's year. Every other problem is a clause in [`NarrativeReading::unparsed`],
/// never an error.
pub fn read_narrative(text: &str, options: &ReadOptions) -> Result<NarrativeReading> {
    read::read(text, options, Catalog::<FunctionCode>::embedded())
}

/// [`read_narrative`] with a catalog of your own (for example a complete official catalog of
/// the report's year loaded with [`Catalog::from_csv_path`]).
///
/// ```
/// use fiscal_cn::classification::{Catalog, FunctionCode};
/// use fiscal_cn::narrative::{ReadOptions, read_narrative_with_catalog};
///
/// let text = "2024年度示例局部门决算\n五、一般公共预算财政拨款支出决算情况说明\n一般公共服务（类）组织事务（款）行政运行（项）：支出决算为5万元。";
/// let catalog = Catalog::<FunctionCode>::embedded();
/// let reading = read_narrative_with_catalog(text, &ReadOptions::default(), catalog)?;
/// assert_eq!(reading.disclosure.statements.len(), 1);
/// # Ok::<(), fiscal_cn::Error>(())
/// ```
///
/// # Errors
/// As [`read_narrative`].
pub fn read_narrative_with_catalog(
    text: &str,
    options: &ReadOptions,
    catalog: &Catalog<FunctionCode>,
) -> Result<NarrativeReading> {
    read::read(text, options, catalog)
}
