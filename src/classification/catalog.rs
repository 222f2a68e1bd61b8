//! The catalog: codes with their names and evidence, embedded or loaded from a CSV file.

use std::borrow::Cow;
use std::fmt;
use std::path::Path;
use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use super::path::{NamePath, name_chars, names_match, without_expenditure};
use super::{ClassificationCode, Evidence, Level};
use crate::error::{CatalogProblem, CatalogReason, QuoteProblem};
use crate::{Error, PathProblem, Result};

/// One line of a catalog: a code, its name and the evidence for it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Entry<C> {
    pub(super) code: C,
    pub(super) name: Cow<'static, str>,
    pub(super) evidence: Evidence,
}

impl<C: ClassificationCode> Entry<C> {
    /// A new entry; it is checked when a catalog is built from it ([`Catalog::from_entries`]).
    ///
    /// ```
    /// use fiscal_cn::classification::{Entry, Evidence, FunctionCode, Level};
    /// let e = Entry::new("2013201".parse::<FunctionCode>()?, "行政运行", Evidence::Unspecified);
    /// assert_eq!((e.name(), e.level()), ("行政运行", Level::Xiang));
    /// # Ok::<(), fiscal_cn::Error>(())
    /// ```
    #[must_use]
    pub fn new(code: C, name: impl Into<Cow<'static, str>>, evidence: Evidence) -> Self {
        Entry {
            code,
            name: name.into(),
            evidence,
        }
    }

    /// The code.
    #[must_use]
    pub fn code(&self) -> C {
        self.code
    }

    /// The name as the catalog gives it, e.g. `一般公共服务支出`.
    #[must_use]
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The level (from the code).
    #[must_use]
    pub fn level(&self) -> Level {
        self.code.level()
    }

    /// Where this line comes from.
    #[must_use]
    pub fn evidence(&self) -> Evidence {
        self.evidence
    }
}

impl<C> Entry<C> {
    /// For the generated tables: a `const` entry with a static name.
    pub(super) const fn from_static(code: C, name: &'static str, evidence: Evidence) -> Self {
        Entry {
            code,
            name: Cow::Borrowed(name),
            evidence,
        }
    }
}

/// A catalog of one code family: every code with its name and evidence, in code order (a parent
/// right before its children), looked up by code through a hash index.
///
/// # The embedded catalog
/// [`Catalog::embedded`] gives the tables compiled into the crate
/// ([`EMBEDDED_CATALOG_EDITION`](crate::classification::EMBEDDED_CATALOG_EDITION)), generated from the CSV files
/// under `data/`. **They are a small part of a real edition**: 215 支出功能分类 rows (30 类, 63 款,
/// 122 项) where an edition of 《政府收支分类科目》 has about 27 类, 200 款 and 1,500 项; 71
/// 部门预算支出经济分类 rows (10 类, 61 款) and 25 政府预算支出经济分类 rows (15 类, 10 款). They hold
/// the lines that real 部门预算/部门决算 disclosures print most, plus the parents those need. Every
/// row keeps its [`Evidence`]: most were printed with code and name in a published 2023–2026
/// report; a few in a 财政部 notice amending the 2024 or 2025 edition, or in the official 2018
/// correspondence of the two economic classifications; the rest come from test data of budget
/// software or from domain knowledge and are not checked against the official document. For complete data, load the official catalog of the
/// year with [`Catalog::from_csv`] or [`Catalog::from_csv_path`].
///
/// ```
/// use fiscal_cn::classification::{Catalog, FunctionCode};
///
/// let catalog = Catalog::<FunctionCode>::embedded();
/// let code: FunctionCode = "2013201".parse()?;
/// assert_eq!(catalog.name(code), Some("行政运行"));
/// let path = catalog.path_of(code)?;
/// assert_eq!(path.to_string(), "一般公共服务支出（类）组织事务（款）行政运行（项）");
/// assert_eq!(catalog.resolve_str("一般公共服务（类）组织事务（款）行政运行（项）")?, code);
/// # Ok::<(), fiscal_cn::Error>(())
/// ```
#[derive(Clone)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(
        try_from = "CatalogData<C>",
        bound(
            serialize = "C: serde::Serialize",
            deserialize = "C: serde::Deserialize<'de>"
        )
    )
)]
pub struct Catalog<C: ClassificationCode> {
    source_name: Cow<'static, str>,
    entries: Cow<'static, [Entry<C>]>,
    /// Where each code's entry is, so that a look-up is a hash probe or two rather than a binary
    /// search. Derived from `entries`: set when a catalog is built, and on first use for the
    /// embedded `static` ones (a `const` cannot compute it).
    #[cfg_attr(feature = "serde", serde(skip))]
    index: OnceLock<CodeIndex>,
    /// Where the entries of each name are ([`Catalog::entries_named`]), built on first use:
    /// a reader asks about every name it meets, and comparing it with every entry's name cost
    /// far more than reading the text.
    #[cfg_attr(feature = "serde", serde(skip))]
    names: OnceLock<NameIndex>,
}

// By hand, because `index` is derived data (and may not be computed yet): two catalogs are
// equal, and print, as their name and entries.
impl<C: ClassificationCode> PartialEq for Catalog<C> {
    fn eq(&self, other: &Self) -> bool {
        self.source_name == other.source_name && self.entries == other.entries
    }
}

impl<C: ClassificationCode> Eq for Catalog<C> {}

impl<C: ClassificationCode> fmt::Debug for Catalog<C> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Catalog")
            .field("source_name", &self.source_name)
            .field("entries", &self.entries)
            .finish()
    }
}

/// The serialized form of a catalog, checked like a loaded file when deserialized.
#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
struct CatalogData<C> {
    source_name: String,
    entries: Vec<Entry<C>>,
}

#[cfg(feature = "serde")]
impl<C: ClassificationCode> TryFrom<CatalogData<C>> for Catalog<C> {
    type Error = Error;
    fn try_from(data: CatalogData<C>) -> Result<Self> {
        Catalog::from_entries(data.source_name, data.entries)
    }
}

impl<C: ClassificationCode> Catalog<C> {
    /// For the generated tables; the caller guarantees the entries are sorted, unique and closed
    /// under `parent` (the generated file is checked by tests).
    pub(super) const fn from_static(
        source_name: &'static str,
        entries: &'static [Entry<C>],
    ) -> Self {
        Catalog {
            source_name: Cow::Borrowed(source_name),
            entries: Cow::Borrowed(entries),
            index: OnceLock::new(),
            names: OnceLock::new(),
        }
    }

    /// The catalog embedded in the crate for this code family. It is a `static`: no allocation.
    /// See the type's documentation for how much of a real edition it covers.
    ///
    /// ```
    /// use fiscal_cn::classification::{Catalog, DepartmentEconomicCode};
    /// let catalog = Catalog::<DepartmentEconomicCode>::embedded();
    /// assert_eq!(catalog.name("30108".parse()?), Some("机关事业单位基本养老保险缴费"));
    /// # Ok::<(), fiscal_cn::Error>(())
    /// ```
    #[must_use]
    pub fn embedded() -> &'static Self {
        C::embedded_catalog()
    }

    /// Builds a catalog from entries in any order, checking them like a file: every duplicate
    /// code, missing parent and empty name is reported in one [`Error::Catalog`].
    ///
    /// ```
    /// use fiscal_cn::classification::{Catalog, Entry, Evidence, FunctionCode};
    /// let e = |code: &str, name: &'static str| -> Result<_, fiscal_cn::Error> {
    ///     Ok(Entry::new(code.parse::<FunctionCode>()?, name, Evidence::Unspecified))
    /// };
    /// let catalog = Catalog::from_entries("示例", [e("20101", "人大事务")?, e("201", "一般公共服务支出")?])?;
    /// assert_eq!(catalog.len(), 2);
    /// assert!(Catalog::from_entries("缺上级", [e("20101", "人大事务")?]).is_err());
    /// # Ok::<(), fiscal_cn::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::Catalog`](crate::Error::Catalog) listing every problem: duplicate codes, children
    /// without their parent, empty names.
    pub fn from_entries(
        source_name: impl Into<String>,
        entries: impl IntoIterator<Item = Entry<C>>,
    ) -> Result<Self> {
        let rows = entries.into_iter().map(|e| (None, e)).collect();
        build(source_name.into(), rows, Vec::new())
    }

    /// Reads a catalog from CSV text with the header `code,name,level,evidence` (columns in any
    /// order; `level` and `evidence` optional; other columns ignored), or the Chinese headers
    /// official 科目 files print (`编码,名称,级次`, `科目编码,科目名称`, `来源`, …). A UTF-8 BOM,
    /// `\r\n` line ends, blank lines and double-quoted fields (`"a, b"`, `""` for a quote) are
    /// accepted; a level is `lei`/`kuan`/`xiang`, 类/款/项 (类级, …) or 1/2/3, and must agree
    /// with the code's digits; without a level column the digits say it. Every problem in the file is reported, with its line
    /// number, in one [`Error::Catalog`]: malformed rows, bad codes, levels that disagree with the
    /// digits, empty names, unknown evidence, duplicate codes and missing parents.
    ///
    /// ```
    /// use fiscal_cn::{Error, classification::{Catalog, FunctionCode}};
    ///
    /// let text = "code,name,level\n201,一般公共服务支出,lei\n20132,组织事务,kuan\n";
    /// let catalog = Catalog::<FunctionCode>::from_csv(text, "示例")?;
    /// assert_eq!(catalog.len(), 2);
    ///
    /// let bad = "code,name,level\n20132,组织事务,kuan\n2013201,,lei\n";
    /// match Catalog::<FunctionCode>::from_csv(bad, "坏文件") {
    ///     // 20132 lacks its parent 201; 2013201 has no name and is not a 类.
    ///     Err(Error::Catalog { problems, .. }) => assert_eq!(problems.len(), 3),
    ///     other => panic!("{other:?}"),
    /// }
    ///
    /// // An official file's headers and numeric levels; no level column also reads.
    /// let official = "科目编码,科目名称,级次\n201,一般公共服务支出,1\n20132,组织事务,2\n";
    /// assert_eq!(Catalog::<FunctionCode>::from_csv(official, "官方")?.len(), 2);
    /// let bare = "编码,名称\n201,一般公共服务支出\n20132,组织事务\n";
    /// assert_eq!(Catalog::<FunctionCode>::from_csv(bare, "无级次")?.len(), 2);
    /// # Ok::<(), fiscal_cn::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::Catalog`](crate::Error::Catalog) listing every problem of the file, each with its
    /// line.
    pub fn from_csv(text: &str, source_name: &str) -> Result<Self> {
        let (rows, problems) = read_csv::<C>(text);
        build(source_name.to_owned(), rows, problems)
    }

    /// Reads a catalog file (see [`Catalog::from_csv`]); a read failure is [`Error::Io`].
    ///
    /// # Errors
    /// [`Error::Io`](crate::Error::Io) when the file cannot be read; otherwise as
    /// [`Catalog::from_csv`].
    pub fn from_csv_path(path: impl AsRef<Path>) -> Result<Self> {
        let (text, shown) = crate::error::read_text(path.as_ref())?;
        Self::from_csv(&text, &shown)
    }

    /// A new catalog with the entries of `other` added to this one's, `other` winning where both
    /// have a code (e.g. a loaded file's names over the embedded ones). The result is checked
    /// like a file.
    ///
    /// ```
    /// use fiscal_cn::classification::{Catalog, FunctionCode};
    /// let extra = Catalog::<FunctionCode>::from_csv(
    ///     "code,name,level\n201,一般公共服务支出,lei\n20132,组织事务,kuan\n2013203,机关服务,xiang\n",
    ///     "补充",
    /// )?;
    /// let merged = Catalog::<FunctionCode>::embedded().overlay(&extra)?;
    /// assert_eq!(merged.name("2013203".parse()?), Some("机关服务"));
    /// assert_eq!(merged.len(), Catalog::<FunctionCode>::embedded().len() + 1);
    /// # Ok::<(), fiscal_cn::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::Catalog`](crate::Error::Catalog) when the merged catalog breaks its rules (a child
    /// of `other` whose parent neither catalog has).
    pub fn overlay(&self, other: &Catalog<C>) -> Result<Self> {
        let mut merged: Vec<Entry<C>> = other.entries.to_vec();
        merged.extend(
            self.entries
                .iter()
                .filter(|e| other.get(e.code).is_none())
                .cloned(),
        );
        Self::from_entries(
            format!("{} + {}", self.source_name, other.source_name),
            merged,
        )
    }

    /// Where the catalog came from: a path, a description, or the embedded edition.
    #[must_use]
    pub fn source_name(&self) -> &str {
        &self.source_name
    }

    /// Number of entries.
    #[must_use]
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the catalog has no entries (a built catalog always has some).
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// All entries in code order: each parent right before its children.
    pub fn iter(&self) -> std::slice::Iter<'_, Entry<C>> {
        self.entries.iter()
    }

    /// The entry of `code`, if the catalog has it.
    #[must_use]
    pub fn get(&self, code: C) -> Option<&Entry<C>> {
        let index = self.index.get_or_init(|| CodeIndex::new(&self.entries));
        self.entries.get(index.position(code.as_u32())?)
    }

    /// The entry of `code`, or [`Error::UnknownCode`] naming this catalog.
    ///
    /// # Errors
    /// [`Error::UnknownCode`](crate::Error::UnknownCode) when the catalog does not have `code`.
    pub fn require(&self, code: C) -> Result<&Entry<C>> {
        self.get(code).ok_or_else(|| Error::UnknownCode {
            code: code.to_string(),
            catalog: self.describe(),
        })
    }

    /// The name of `code`, if the catalog has it.
    #[must_use]
    pub fn name(&self, code: C) -> Option<&str> {
        self.get(code).map(Entry::name)
    }

    /// Whether the catalog has `code`.
    #[must_use]
    pub fn contains(&self, code: C) -> bool {
        self.get(code).is_some()
    }

    /// Every entry below `code` (children, grandchildren), in code order; `code` need not be in
    /// the catalog.
    #[must_use]
    pub fn descendants(&self, code: C) -> &[Entry<C>] {
        // In code order the descendants of a code follow it in one run.
        let start = self.entries.partition_point(|e| e.code <= code);
        let rest = self.entries.get(start..).unwrap_or_default();
        let len = rest.partition_point(|e| code.is_ancestor_of(e.code));
        rest.get(..len).unwrap_or_default()
    }

    /// The entries one level below `code`, in code order.
    ///
    /// ```
    /// use fiscal_cn::classification::{Catalog, FunctionCode};
    /// let catalog = Catalog::<FunctionCode>::embedded();
    /// let names: Vec<&str> = catalog.children("21011".parse()?).map(|e| e.name()).collect();
    /// assert_eq!(names, ["行政单位医疗", "事业单位医疗", "公务员医疗补助"]);
    /// # Ok::<(), fiscal_cn::Error>(())
    /// ```
    pub fn children(&self, code: C) -> impl Iterator<Item = &Entry<C>> + Clone {
        self.descendants(code)
            .iter()
            .filter(move |e| e.code.parent() == Some(code))
    }

    /// The 类 entries, in code order.
    pub fn leis(&self) -> impl Iterator<Item = &Entry<C>> + Clone {
        self.entries.iter().filter(|e| e.level() == Level::Lei)
    }

    /// The child of `parent` called `name`, matched as in [`Catalog::resolve`] (bracket width,
    /// spaces and a trailing `支出` do not matter; an exact match wins).
    ///
    /// ```
    /// use fiscal_cn::classification::{Catalog, FunctionCode};
    /// let catalog = Catalog::<FunctionCode>::embedded();
    /// let kuan = catalog.child_by_name("201".parse()?, "组织事务").map(|e| e.code());
    /// assert_eq!(kuan, Some("20132".parse()?));
    /// # Ok::<(), fiscal_cn::Error>(())
    /// ```
    #[must_use]
    pub fn child_by_name(&self, parent: C, name: &str) -> Option<&Entry<C>> {
        pick(self.children(parent), name).ok()
    }

    /// The 类 called `name` (with or without its trailing `支出`).
    ///
    /// ```
    /// use fiscal_cn::classification::{Catalog, FunctionCode};
    /// let catalog = Catalog::<FunctionCode>::embedded();
    /// assert_eq!(catalog.lei_by_name("一般公共服务").map(|e| e.code().as_u32()), Some(201));
    /// ```
    #[must_use]
    pub fn lei_by_name(&self, name: &str) -> Option<&Entry<C>> {
        pick(self.leis(), name).ok()
    }

    /// Every line called `name`, at any level, in code order: the exact matches, or when there
    /// are none, the matches that ignore a trailing `支出` (white space and bracket width never
    /// matter). Names are unique only under their parent, so a name may have several lines
    /// (行政运行 has one under almost every 款); a caller that needs one line must treat more
    /// than one as undecided rather than pick.
    ///
    /// ```
    /// use fiscal_cn::classification::{Catalog, FunctionCode};
    /// let catalog = Catalog::<FunctionCode>::embedded();
    /// let codes = |name| -> Vec<String> {
    ///     catalog.entries_named(name).iter().map(|e| e.code().to_string()).collect()
    /// };
    /// assert_eq!(codes("一般公共服务支出"), ["201"]);
    /// assert_eq!(codes("一般公共服务"), ["201"]);
    /// assert!(codes("行政运行").len() > 1);
    /// assert!(codes("没有这个科目").is_empty());
    /// ```
    #[must_use]
    pub fn entries_named(&self, name: &str) -> Vec<&Entry<C>> {
        let names = self.names.get_or_init(|| NameIndex::new(&self.entries));
        let given: String = name_chars(name).collect();
        let positions = match names.exact.get(&given) {
            Some(positions) => positions,
            None => match names.loose.get(without_expenditure(&given)) {
                Some(positions) => positions,
                None => return Vec::new(),
            },
        };
        positions.iter().map(|&p| &self.entries[p]).collect()
    }

    /// The name path of `code`, outermost first, with the catalog's names; an unknown code is
    /// [`Error::UnknownCode`].
    ///
    /// # Errors
    /// [`Error::UnknownCode`](crate::Error::UnknownCode) when the catalog does not have `code` or
    /// one of its ancestors.
    pub fn path_of(&self, code: C) -> Result<NamePath> {
        let mut names = vec![self.require(code)?.name.to_string()];
        for ancestor in code.ancestors() {
            names.push(self.require(ancestor)?.name.to_string());
        }
        names.reverse();
        NamePath::from_names(names)
    }

    /// The code a name path stands for. Each segment is looked up among the children of the
    /// previous one (names are unique only under their parent). Names match when equal after
    /// unifying bracket width and dropping spaces; failing that, when equal after also dropping a
    /// trailing `支出` on either side (narratives write `一般公共服务（类）` for the catalog's
    /// `一般公共服务支出`). If several children still match, the one with the strongest
    /// [`Evidence`] wins; a tie is an error. A segment that matches nothing is
    /// [`Error::InvalidPath`] naming the segment and the parent it was looked up under.
    ///
    /// ```
    /// use fiscal_cn::{Error, classification::{Catalog, FunctionCode, NamePath}};
    /// let catalog = Catalog::<FunctionCode>::embedded();
    /// let path: NamePath = "卫生健康支出（类）行政事业单位医疗（款）公务员医疗补助（项）".parse()?;
    /// assert_eq!(catalog.resolve(&path)?.as_u32(), 2101103);
    ///
    /// let err = catalog.resolve_str("一般公共服务（类）组织事物（款）").unwrap_err();
    /// assert!(err.to_string().ends_with("第 2 段“组织事物”在 一般公共服务支出（201）下找不到"));
    /// # Ok::<(), fiscal_cn::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidPath`](crate::Error::InvalidPath) naming the first segment the catalog does
    /// not have under the segments before it.
    pub fn resolve(&self, path: &NamePath) -> Result<C> {
        let mut parent: Option<&Entry<C>> = None;
        for (index, name) in path.names().enumerate() {
            let found = match parent {
                None => pick(self.leis(), name),
                Some(p) => pick(self.children(p.code), name),
            };
            let fail = |reason| Error::InvalidPath {
                path: path.to_string(),
                position: index + 1,
                segment: name.to_owned(),
                reason: Box::new(reason),
            };
            let (catalog, under) = (
                self.describe(),
                parent.map(|p| format!("{}（{}）", p.name, p.code)),
            );
            parent = Some(found.map_err(|failure| match failure {
                NoMatch::Missing => fail(PathProblem::NotFound {
                    catalog,
                    parent: under,
                }),
                NoMatch::Ambiguous(codes) => fail(PathProblem::Ambiguous {
                    catalog,
                    parent: under,
                    codes: codes.iter().map(ToString::to_string).collect(),
                }),
            })?);
        }
        // A parsed `NamePath` has at least one segment; this arm only guards the invariant.
        parent.map(|e| e.code).ok_or_else(|| Error::InvalidPath {
            path: path.to_string(),
            position: 1,
            segment: String::new(),
            reason: Box::new(PathProblem::Empty),
        })
    }

    /// Parses a name path and resolves it (see [`NamePath`] and [`Catalog::resolve`]).
    ///
    /// # Errors
    /// [`Error::InvalidPath`](crate::Error::InvalidPath) when the text is no path or a segment does
    /// not resolve.
    pub fn resolve_str(&self, path: &str) -> Result<C> {
        self.resolve(&path.parse()?)
    }

    fn describe(&self) -> String {
        format!("{}目录“{}”", C::KIND, self.source_name)
    }
}

impl<'a, C: ClassificationCode> IntoIterator for &'a Catalog<C> {
    type Item = &'a Entry<C>;
    type IntoIter = std::slice::Iter<'a, Entry<C>>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

enum NoMatch<C> {
    Missing,
    Ambiguous(Vec<C>),
}

/// The entry among `candidates` that `name` stands for (rules in [`Catalog::resolve`]).
fn pick<'a, C: ClassificationCode>(
    candidates: impl Iterator<Item = &'a Entry<C>> + Clone,
    name: &str,
) -> Result<&'a Entry<C>, NoMatch<C>> {
    let mut found: Vec<&Entry<C>> = candidates
        .clone()
        .filter(|e| names_match(&e.name, name, false))
        .collect();
    if found.is_empty() {
        found = candidates
            .filter(|e| names_match(&e.name, name, true))
            .collect();
    }
    let best = found.iter().map(|e| e.evidence.rank()).min();
    found.retain(|e| Some(e.evidence.rank()) == best);
    match found.as_slice() {
        [] => Err(NoMatch::Missing),
        [one] => Ok(one),
        many => Err(NoMatch::Ambiguous(many.iter().map(|e| e.code).collect())),
    }
}

/// The entries' positions by name as [`names_match`] compares names: `exact` by the name with
/// white space dropped and brackets made full-width, `loose` by that less a closing `支出`.
/// Positions are in entry order, so a look-up lists entries as a scan of them would.
#[derive(Debug, Clone, Default)]
struct NameIndex {
    exact: FxHashMap<String, Vec<usize>>,
    loose: FxHashMap<String, Vec<usize>>,
}

impl NameIndex {
    fn new<C: ClassificationCode>(entries: &[Entry<C>]) -> Self {
        let mut index = NameIndex::default();
        for (position, entry) in entries.iter().enumerate() {
            let name: String = name_chars(&entry.name).collect();
            let loose = without_expenditure(&name).to_owned();
            index.exact.entry(name).or_default().push(position);
            index.loose.entry(loose).or_default().push(position);
        }
        index
    }
}

type Row<C> = (Option<usize>, Entry<C>);

/// An open-addressing hash table from a code (as `u32`) to its entry's position. Codes are unique
/// in a catalog, so the one entry found equals what a search of the sorted entries finds.
#[derive(Clone)]
struct CodeIndex {
    /// `(code, position)`, or `(0, _)` where empty (no code is 0); at most half full, so a probe
    /// sequence always ends.
    slots: Box<[(u32, u32)]>,
    /// `32 − log2(slots.len())`: a code's first slot is the top bits of its Fibonacci hash.
    shift: u32,
}

impl CodeIndex {
    fn new<C: ClassificationCode>(entries: &[Entry<C>]) -> Self {
        let len = (2 * entries.len()).next_power_of_two().max(2);
        let mut index = CodeIndex {
            slots: vec![(0, 0); len].into_boxed_slice(),
            shift: 32 - len.trailing_zeros(),
        };
        let mask = len - 1;
        for (position, entry) in entries.iter().enumerate() {
            let code = entry.code.as_u32();
            let mut slot = index.first_slot(code);
            while index.slots[slot].0 != 0 {
                slot = (slot + 1) & mask;
            }
            // A catalog holds far fewer than 2^32 entries.
            index.slots[slot] = (code, u32::try_from(position).unwrap_or(u32::MAX));
        }
        index
    }

    fn first_slot(&self, code: u32) -> usize {
        (code.wrapping_mul(0x9E37_79B9) >> self.shift) as usize
    }

    /// The position of `code`'s entry, if the catalog has it.
    fn position(&self, code: u32) -> Option<usize> {
        let mask = self.slots.len() - 1;
        let mut slot = self.first_slot(code);
        loop {
            let (found, position) = *self.slots.get(slot)?;
            if found == 0 {
                return None;
            }
            if found == code {
                return Some(position as usize);
            }
            slot = (slot + 1) & mask;
        }
    }
}

/// Checks rows (any order) and builds the catalog, or reports every problem found.
fn build<C: ClassificationCode>(
    source_name: String,
    mut rows: Vec<Row<C>>,
    mut problems: Vec<CatalogProblem>,
) -> Result<Catalog<C>> {
    for (line, e) in &rows {
        if e.name.trim().is_empty() {
            problems.push(CatalogProblem::new(
                *line,
                Some(e.code.to_string()),
                CatalogReason::EmptyName,
            ));
        }
    }
    rows.sort_by(|a, b| a.1.code.cmp(&b.1.code).then(a.0.cmp(&b.0)));
    rows.dedup_by(|later, first| {
        let duplicate = later.1.code == first.1.code;
        if duplicate {
            problems.push(CatalogProblem::new(
                later.0,
                Some(later.1.code.to_string()),
                CatalogReason::DuplicateCode {
                    first_line: first.0,
                },
            ));
        }
        duplicate
    });
    let entries: Vec<Entry<C>> = rows.iter().map(|(_, e)| e.clone()).collect();
    for (line, e) in &rows {
        if let Some(parent) = e.code.parent()
            && entries.binary_search_by(|x| x.code.cmp(&parent)).is_err()
        {
            problems.push(CatalogProblem::new(
                *line,
                Some(e.code.to_string()),
                CatalogReason::MissingParent {
                    parent: parent.to_string(),
                },
            ));
        }
    }
    if entries.is_empty() && problems.is_empty() {
        problems.push(CatalogProblem::new(None, None, CatalogReason::EmptyCatalog));
    }
    if problems.is_empty() {
        Ok(Catalog {
            index: OnceLock::from(CodeIndex::new(&entries)),
            names: OnceLock::new(),
            source_name: Cow::Owned(source_name),
            entries: Cow::Owned(entries),
        })
    } else {
        problems.sort_by_key(|p| p.line);
        Err(Error::Catalog {
            source_name,
            problems,
        })
    }
}

/// One column a CSV file of classification data has: its English name, the other headers that
/// stand for it (an official file's Chinese ones), and whether the file must have it.
pub(super) struct CsvColumn {
    pub name: &'static str,
    pub aliases: &'static [&'static str],
    pub required: bool,
}

/// The lines of a CSV file after its header: where each wanted column is (in the order asked),
/// and every line with the header's number of fields, with its 1-based number.
pub(super) struct CsvRecords<'a> {
    pub columns: Vec<Option<usize>>,
    pub rows: Vec<(usize, Vec<Cow<'a, str>>)>,
}

/// Reads CSV text (a UTF-8 BOM, `\r\n`, blank lines and quoted fields allowed) into records,
/// reporting every malformed line in `problems`. `None` when the file is empty or its header
/// unreadable or lacking a required column (reported too); `expected` is the header to suggest.
pub(super) fn read_records<'a>(
    text: &'a str,
    wanted: &[CsvColumn],
    expected: &str,
    problems: &mut Vec<CatalogProblem>,
) -> Option<CsvRecords<'a>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = text
        .lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l))
        .filter(|(_, l)| !l.trim().is_empty());
    let Some((header_line, header)) = lines.next() else {
        problems.push(CatalogProblem::new(None, None, CatalogReason::EmptyFile));
        return None;
    };
    let header = match split_csv_line(header) {
        Ok(fields) => fields,
        Err(problem) => {
            problems.push(CatalogProblem::new(
                Some(header_line),
                None,
                CatalogReason::UnreadableHeader { problem },
            ));
            return None;
        }
    };
    let columns: Vec<Option<usize>> = wanted
        .iter()
        .map(|w| {
            header
                .iter()
                .position(|h| h == w.name || w.aliases.contains(&h.as_ref()))
        })
        .collect();
    let missing: Vec<String> = wanted
        .iter()
        .zip(&columns)
        .filter(|(w, at)| w.required && at.is_none())
        .map(|(w, _)| w.name.to_owned())
        .collect();
    if !missing.is_empty() {
        problems.push(CatalogProblem::new(
            Some(header_line),
            None,
            CatalogReason::MissingColumns {
                missing,
                expected: expected.to_owned(),
            },
        ));
        return None;
    }
    let mut rows = Vec::new();
    for (line, text) in lines {
        match split_csv_line(text) {
            Ok(fields) if fields.len() == header.len() => rows.push((line, fields)),
            Ok(fields) => {
                let reason = CatalogReason::FieldCount {
                    expected: header.len(),
                    found: fields.len(),
                };
                problems.push(CatalogProblem::new(Some(line), None, reason));
            }
            Err(problem) => problems.push(CatalogProblem::new(
                Some(line),
                None,
                CatalogReason::UnreadableRow { problem },
            )),
        }
    }
    Some(CsvRecords { columns, rows })
}

/// A code field of a CSV file, or what is wrong with it.
pub(super) fn parse_code<C: ClassificationCode>(text: &str) -> Result<C, CatalogReason> {
    text.parse::<C>().map_err(|e| CatalogReason::InvalidCode {
        // A code's strict parser fails only with `InvalidCode`; the whole message otherwise.
        reason: match e {
            Error::InvalidCode { reason, .. } => reason.to_owned(),
            other => other.to_string(),
        },
    })
}

/// The evidence field of a CSV file (empty when there is no such column), or what is wrong.
pub(super) fn parse_evidence(field: Option<&str>) -> Result<Evidence, CatalogReason> {
    let word = field.unwrap_or("");
    word.parse::<Evidence>()
        .map_err(|_| CatalogReason::InvalidEvidence {
            word: word.to_owned(),
        })
}

/// Reads CSV text into rows, collecting problems; rows whose code is unreadable are dropped.
fn read_csv<C: ClassificationCode>(text: &str) -> (Vec<Row<C>>, Vec<CatalogProblem>) {
    // The crate's own headers, and those official 科目 files print.
    const COLUMNS: [CsvColumn; 4] = [
        CsvColumn {
            name: "code",
            aliases: &[
                "编码",
                "科目编码",
                "科目代码",
                "代码",
                "功能分类科目编码",
                "经济分类科目编码",
                "支出功能分类科目编码",
            ],
            required: true,
        },
        CsvColumn {
            name: "name",
            aliases: &["名称", "科目名称", "功能分类科目名称", "经济分类科目名称"],
            required: true,
        },
        CsvColumn {
            name: "level",
            aliases: &["级次", "级别", "科目级次", "层级", "科目级别"],
            required: false,
        },
        CsvColumn {
            name: "evidence",
            aliases: &["来源", "依据", "来源依据"],
            required: false,
        },
    ];
    let mut rows = Vec::new();
    let mut problems = Vec::new();
    let Some(records) = read_records(text, &COLUMNS, "code,name,level,evidence", &mut problems)
    else {
        return (rows, problems);
    };
    let &[Some(code_col), Some(name_col), level_col, evidence_col] = records.columns.as_slice()
    else {
        // `read_records` returns records only when the required columns are there.
        return (rows, problems);
    };
    for (line, fields) in records.rows {
        let field = |i: usize| fields.get(i).map_or("", |f| f.as_ref());
        let code_text = field(code_col);
        let mut problem = |reason| {
            problems.push(CatalogProblem::new(
                Some(line),
                Some(code_text.to_owned()),
                reason,
            ));
        };
        let code = match parse_code::<C>(code_text) {
            Ok(code) => code,
            Err(reason) => {
                problem(reason);
                continue;
            }
        };
        // Without a level column, the digits say the level.
        let printed_level = level_col.map(field);
        match printed_level.map(str::parse::<Level>) {
            None => {}
            Some(Ok(level)) if level == code.level() => {}
            Some(Ok(level)) => problem(CatalogReason::LevelMismatch {
                printed: level,
                actual: code.level(),
            }),
            Some(Err(_)) => problem(CatalogReason::InvalidLevel {
                level: printed_level.unwrap_or_default().to_owned(),
            }),
        }
        let evidence = parse_evidence(evidence_col.map(field)).unwrap_or_else(|reason| {
            problem(reason);
            Evidence::Unspecified
        });
        rows.push((
            Some(line),
            Entry::new(code, field(name_col).to_owned(), evidence),
        ));
    }
    (rows, problems)
}

/// Splits one CSV line into trimmed fields: `,` separates, a field may be double-quoted with
/// `""` standing for a quote inside it. Quoted fields spanning lines are not supported. A field
/// borrows from the line; only a quoted field holding `""` is copied (to undo the doubling).
fn split_csv_line(line: &str) -> Result<Vec<Cow<'_, str>>, QuoteProblem> {
    let is_blank = |c: char| c == ' ' || c == '\t';
    let mut fields = Vec::new();
    let mut rest = line;
    loop {
        rest = rest.trim_start_matches(is_blank);
        if let Some(quoted) = rest.strip_prefix('"') {
            // The closing quote is the first `"` not followed by another.
            let mut end = 0;
            let mut doubled = false;
            loop {
                let at = quoted[end..].find('"').ok_or(QuoteProblem::Unclosed)? + end;
                if quoted[at + 1..].starts_with('"') {
                    doubled = true;
                    end = at + 2;
                } else {
                    end = at;
                    break;
                }
            }
            let inner = &quoted[..end];
            fields.push(if doubled {
                Cow::Owned(inner.replace("\"\"", "\""))
            } else {
                Cow::Borrowed(inner)
            });
            rest = quoted[end + 1..].trim_start_matches(is_blank);
            match rest.strip_prefix(',') {
                Some(after) => rest = after,
                None if rest.is_empty() => return Ok(fields),
                None => return Err(QuoteProblem::TextAfterQuote),
            }
        } else {
            let end = rest.find([',', '"']).unwrap_or(rest.len());
            fields.push(Cow::Borrowed(rest[..end].trim()));
            match rest[end..].chars().next() {
                None => return Ok(fields),
                Some('"') => return Err(QuoteProblem::QuoteInField),
                Some(_) => rest = &rest[end + 1..],
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classification::{
        CatalogProblemKind, DepartmentEconomicCode, FunctionCode, GovernmentEconomicCode,
    };
    use proptest::prelude::*;

    /// What `get` must answer: the entry with that code, found the slow way.
    fn scanned<C: ClassificationCode>(catalog: &Catalog<C>, code: C) -> Option<&Entry<C>> {
        catalog.iter().find(|e| e.code() == code)
    }

    /// Every code of a family with the given 类 prefixes (all 款 and 项 below them).
    fn codes_under<C: ClassificationCode>(leis: std::ops::Range<u32>) -> Vec<C> {
        let mut codes = Vec::new();
        for lei in leis {
            codes.extend(C::from_u32(lei));
            for kuan in lei * 100..lei * 100 + 100 {
                codes.extend(C::from_u32(kuan));
                if C::MAX_LEVEL == Level::Xiang {
                    codes.extend((kuan * 100..kuan * 100 + 100).filter_map(C::from_u32));
                }
            }
        }
        codes
    }

    #[test]
    fn embedded_look_ups_find_what_a_scan_finds() {
        fn each<C: ClassificationCode>(leis: std::ops::Range<u32>) {
            let catalog = Catalog::<C>::embedded();
            for entry in catalog.iter() {
                assert_eq!(catalog.get(entry.code()), Some(entry));
            }
            for code in codes_under::<C>(leis) {
                assert_eq!(catalog.get(code), scanned(catalog, code), "{code}");
            }
        }
        each::<FunctionCode>(200..212);
        each::<DepartmentEconomicCode>(300..320);
        each::<GovernmentEconomicCode>(500..520);
    }

    /// What `entries_named` must answer: the entries a scan of every name finds, exact names
    /// first, else names less a closing `支出`.
    fn named_by_scan<'a, C: ClassificationCode>(
        catalog: &'a Catalog<C>,
        name: &str,
    ) -> Vec<&'a Entry<C>> {
        let exact: Vec<_> = catalog
            .iter()
            .filter(|e| names_match(&e.name, name, false))
            .collect();
        if !exact.is_empty() {
            return exact;
        }
        catalog
            .iter()
            .filter(|e| names_match(&e.name, name, true))
            .collect()
    }

    #[test]
    fn names_are_found_as_a_scan_finds_them() {
        fn each<C: ClassificationCode>() {
            let catalog = Catalog::<C>::embedded();
            for entry in catalog.iter() {
                let name = entry.name().to_owned();
                let variants = [
                    name.clone(),
                    format!(" {name}支出"),
                    name.strip_suffix("支出").unwrap_or(&name).to_owned(),
                    name.replace('（', "(").replace('）', ")"),
                    format!("{name}费"),
                ];
                for v in variants {
                    assert_eq!(catalog.entries_named(&v), named_by_scan(catalog, &v), "{v}");
                }
            }
            assert!(catalog.entries_named("没有这个科目").is_empty());
        }
        each::<FunctionCode>();
        each::<DepartmentEconomicCode>();
        each::<GovernmentEconomicCode>();
    }

    proptest! {
        #[test]
        fn built_look_ups_find_what_a_scan_finds(
            picks in proptest::collection::vec((100u32..1000, 0u32..100, 0u32..100), 0..60),
            probes in proptest::collection::vec((100u32..1000, 0u32..100, 0u32..100), 0..40),
        ) {
            // Each pick brings its 类 and 款, so the catalog is closed under `parent`.
            let mut codes = std::collections::BTreeSet::new();
            for (lei, kuan, xiang) in picks {
                codes.insert(lei);
                codes.insert(lei * 100 + kuan);
                codes.insert((lei * 100 + kuan) * 100 + xiang);
            }
            let entries = codes.iter().filter_map(|&c| FunctionCode::from_u32(c)).map(|code| {
                Entry::new(code, "名称", Evidence::Unspecified)
            });
            let Ok(catalog) = Catalog::from_entries("随机", entries) else {
                prop_assert!(codes.is_empty());
                return Ok(());
            };
            for (lei, kuan, xiang) in probes {
                for value in [lei, lei * 100 + kuan, (lei * 100 + kuan) * 100 + xiang] {
                    let code = FunctionCode::from_u32(value).unwrap();
                    prop_assert_eq!(catalog.get(code), scanned(&catalog, code));
                }
            }
            for entry in catalog.iter() {
                prop_assert_eq!(catalog.get(entry.code()), Some(entry));
            }
        }
    }

    #[test]
    fn csv_splitter() {
        assert_eq!(split_csv_line("a,b,c").unwrap(), ["a", "b", "c"]);
        assert_eq!(
            split_csv_line(" a , \"b, c\" ,\"d\"\"e\"").unwrap(),
            ["a", "b, c", "d\"e"]
        );
        assert_eq!(split_csv_line("a,,").unwrap(), ["a", "", ""]);
        assert_eq!(split_csv_line("\"\"").unwrap(), [""]);
        assert!(split_csv_line("\"a").is_err());
        assert!(split_csv_line("\"a\"b").is_err());
        assert!(split_csv_line("a\"b").is_err());
    }

    proptest! {
        /// Fields written as a CSV writer writes them (quoted when they hold a comma, a quote or
        /// edge blanks, a quote doubled) split back to themselves; unquoted ones trimmed.
        #[test]
        fn csv_splitter_reads_back_what_a_writer_writes(
            fields in proptest::collection::vec("[a-c ,\"\t编码]{0,6}", 1..6),
        ) {
            let written: Vec<String> = fields
                .iter()
                .map(|f| {
                    if f.contains([',', '"']) || f.trim() != f {
                        format!("\"{}\"", f.replace('"', "\"\""))
                    } else {
                        f.clone()
                    }
                })
                .collect();
            let line = written.join(",");
            let read = split_csv_line(&line).unwrap();
            prop_assert_eq!(read, fields);
        }
    }

    #[test]
    fn every_problem_is_reported_in_line_order() {
        let text = "\u{feff}code,name,level,evidence\r\n\
                    201,一般公共服务支出,lei,\r\n\
                    20132,组织事务,xiang,published-2026-budget\r\n\
                    2013201,,xiang,\r\n\
                    201320,坏,kuan,\r\n\
                    20132,又一次,kuan,\r\n\
                    2059999,其他教育支出,xiang,rumour\r\n\
                    \"20133\",\"宣传事务, 统战\",kuan\r\n\
                    20134,统战事务,\"kuan\r\n";
        let Err(Error::Catalog { problems, .. }) = Catalog::<FunctionCode>::from_csv(text, "t")
        else {
            panic!("expected problems");
        };
        let got: Vec<(Option<usize>, CatalogProblemKind)> =
            problems.iter().map(|p| (p.line, p.kind())).collect();
        use CatalogProblemKind as K;
        assert_eq!(
            got,
            [
                (Some(3), K::LevelMismatch),
                (Some(4), K::EmptyName),
                (Some(5), K::InvalidCode),
                (Some(6), K::DuplicateCode),
                (Some(7), K::InvalidEvidence),
                (Some(7), K::MissingParent),
                (Some(8), K::Row),
                (Some(9), K::Row),
            ]
        );
        assert_eq!(
            problems[3].to_string(),
            "第 6 行：20132：编码重复（第 3 行已有）"
        );
        use CatalogReason as R;
        let reasons: Vec<&CatalogReason> = problems.iter().map(|p| &p.reason).collect();
        assert_eq!(
            reasons,
            [
                &R::LevelMismatch {
                    printed: Level::Xiang,
                    actual: Level::Kuan
                },
                &R::EmptyName,
                &R::InvalidCode {
                    reason: "位数应为 3、5 或 7".to_owned()
                },
                &R::DuplicateCode {
                    first_line: Some(3)
                },
                &R::InvalidEvidence {
                    word: "rumour".to_owned()
                },
                &R::MissingParent {
                    parent: "20599".to_owned()
                },
                &R::FieldCount {
                    expected: 4,
                    found: 3
                },
                &R::UnreadableRow {
                    problem: QuoteProblem::Unclosed
                },
            ]
        );
        let messages: Vec<String> = problems.iter().map(|p| p.reason.to_string()).collect();
        assert_eq!(
            messages,
            [
                "级次为项，但 5 位编码是款",
                "名称为空",
                "编码格式错误（位数应为 3、5 或 7）",
                "编码重复（第 3 行已有）",
                "来源依据“rumour”无法识别",
                "上级科目 20599 不在目录中",
                "应有 4 列，实有 3 列",
                "引号未闭合",
            ]
        );
    }

    #[test]
    fn headers_that_cannot_be_read() {
        let problems = |text: &str| match Catalog::<FunctionCode>::from_csv(text, "t") {
            Err(Error::Catalog { problems, .. }) => problems,
            other => panic!("{other:?}"),
        };
        let [unquoted] = problems("code,\"name\"x\n201,一般公共服务支出\n")
            .try_into()
            .unwrap();
        assert_eq!(
            unquoted.reason,
            CatalogReason::UnreadableHeader {
                problem: QuoteProblem::TextAfterQuote
            }
        );
        assert_eq!(
            unquoted.to_string(),
            "第 1 行：表头无法读取（引号后应为逗号）"
        );
        let [missing] = problems("name,level\n一般公共服务支出,lei\n")
            .try_into()
            .unwrap();
        assert_eq!(
            missing.reason,
            CatalogReason::MissingColumns {
                missing: vec!["code".to_owned()],
                expected: "code,name,level,evidence".to_owned()
            }
        );
        assert_eq!(
            missing.to_string(),
            "第 1 行：表头缺少 code 列（应为 code,name,level,evidence）"
        );
        let [empty] = problems("\n").try_into().unwrap();
        assert_eq!(
            (empty.reason.kind(), empty.to_string()),
            (CatalogProblemKind::Empty, "文件为空".to_owned())
        );
    }
}
