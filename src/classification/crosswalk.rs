//! The correspondence of the two economic classifications: which 政府预算支出经济分类 款 each
//! 部门预算支出经济分类 款 is reported under, embedded or loaded from a CSV file, and the mapping
//! of amounts from one classification to the other.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::Path;

use rust_decimal::Decimal;

use super::catalog::{CsvColumn, parse_code, parse_evidence, read_records};
use super::{CatalogProblem, CatalogReason, DepartmentEconomicCode, Evidence};
use super::{GovernmentEconomicCode, Level};
use crate::error::Operation;
use crate::{Error, Result};

/// One line of an [`EconomicCrosswalk`]: a 部门预算支出经济分类 款, the 政府预算支出经济分类 款
/// it is reported under, and the evidence for the pair.
///
/// ```
/// use fiscal_cn::classification::{CrosswalkPair, Evidence};
/// let pair = CrosswalkPair::new("30101".parse()?, "50101".parse()?, Evidence::OfficialCrosswalk2018);
/// assert_eq!((pair.department().as_u32(), pair.government().as_u32()), (30101, 50101));
/// # Ok::<(), fiscal_cn::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct CrosswalkPair {
    pub(super) department: DepartmentEconomicCode,
    pub(super) government: GovernmentEconomicCode,
    pub(super) evidence: Evidence,
}

impl CrosswalkPair {
    /// A new pair; it is checked when a crosswalk is built from it
    /// ([`EconomicCrosswalk::from_pairs`]): both codes must be 款.
    #[must_use]
    pub const fn new(
        department: DepartmentEconomicCode,
        government: GovernmentEconomicCode,
        evidence: Evidence,
    ) -> Self {
        CrosswalkPair {
            department,
            government,
            evidence,
        }
    }

    /// The 部门预算支出经济分类 款.
    #[must_use]
    pub const fn department(&self) -> DepartmentEconomicCode {
        self.department
    }

    /// The 政府预算支出经济分类 款 it is reported under.
    #[must_use]
    pub const fn government(&self) -> GovernmentEconomicCode {
        self.government
    }

    /// Where the pair comes from.
    #[must_use]
    pub const fn evidence(&self) -> Evidence {
        self.evidence
    }
}

/// The correspondence of the two economic classifications (政府预算和部门预算支出经济分类科目对照表):
/// for each 部门预算支出经济分类 款 it lists, the one 政府预算支出经济分类 款 that spending is
/// reported under.
///
/// # The two economic classifications
/// A department budgets and accounts for its spending by the **部门预算支出经济分类** (codes
/// 301–399: 工资福利支出, 商品和服务支出, 对个人和家庭的补助, …), the classification its basic
/// expenditure tables print. The government as a whole reports the same spending by the coarser
/// **政府预算支出经济分类** (codes 501–599: 机关工资福利支出, 机关商品和服务支出, …). Every
/// department 款 is reported under one government 款: 30101 基本工资, 30102 津贴补贴 and 30103
/// 奖金 all go to 50101 工资奖金津补贴; 30201 办公费 and 30211 差旅费 both go to 50201 办公经费.
/// The correspondence is many-to-one, so amounts map from the department classification to the
/// government one ([`EconomicCrosswalk::map_amounts`]), never back.
///
/// # The embedded correspondence
/// [`EconomicCrosswalk::embedded`] gives the pairs compiled into the crate, all printed in the
/// official 2018 correspondence table ([`Evidence::OfficialCrosswalk2018`]), which is still in
/// use. **It is a small part of that table**: 30 pairs, the 工资福利支出 of 301 (to 501) and part of
/// the 商品和服务支出 of 302 (to 502); it lists no pair for 303 对个人和家庭的补助 or the capital
/// lines. The pairs are those of a 机关 (an administrative unit); a 事业单位's spending is
/// reported under other government 类 (对事业单位经常性补助 and the like), which the embedded
/// pairs do not cover. A department 款 the crosswalk does not list has **no** government 款
/// here: look-ups answer `None` and mappings report it as unmapped rather than guess. Load the
/// complete correspondence of the year with [`EconomicCrosswalk::from_csv`] or
/// [`EconomicCrosswalk::from_csv_path`].
///
/// ```
/// use fiscal_cn::classification::EconomicCrosswalk;
///
/// let crosswalk = EconomicCrosswalk::embedded();
/// assert_eq!(crosswalk.government_of("30102".parse()?).map(|g| g.as_u32()), Some(50101));
/// assert_eq!(crosswalk.government_of("30305".parse()?), None); // not listed: no guess
/// let into_50101: Vec<u32> = crosswalk.departments_of("50101".parse()?).map(|d| d.as_u32()).collect();
/// assert_eq!(into_50101, [30101, 30102, 30103]);
/// # Ok::<(), fiscal_cn::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "CrosswalkData"))]
pub struct EconomicCrosswalk {
    source_name: Cow<'static, str>,
    /// In department code order, one pair per department code.
    pairs: Cow<'static, [CrosswalkPair]>,
}

/// The serialized form of a crosswalk, checked like a loaded file when deserialized.
#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
struct CrosswalkData {
    source_name: String,
    pairs: Vec<CrosswalkPair>,
}

#[cfg(feature = "serde")]
impl TryFrom<CrosswalkData> for EconomicCrosswalk {
    type Error = Error;
    fn try_from(data: CrosswalkData) -> Result<Self> {
        EconomicCrosswalk::from_pairs(data.source_name, data.pairs)
    }
}

/// The columns of a crosswalk file: the English header the crate's own data uses, and the
/// Chinese ones an official file prints.
const COLUMNS: [CsvColumn; 3] = [
    CsvColumn {
        name: "department_code",
        aliases: &[
            "部门预算支出经济分类科目编码",
            "部门预算支出经济分类编码",
            "部门预算支出经济分类",
            "部门经济分类科目编码",
            "部门经济分类编码",
            "部门经济分类",
        ],
        required: true,
    },
    CsvColumn {
        name: "government_code",
        aliases: &[
            "政府预算支出经济分类科目编码",
            "政府预算支出经济分类编码",
            "政府预算支出经济分类",
            "政府经济分类科目编码",
            "政府经济分类编码",
            "政府经济分类",
        ],
        required: true,
    },
    CsvColumn {
        name: "evidence",
        aliases: &["来源依据"],
        required: false,
    },
];

impl EconomicCrosswalk {
    /// For the generated tables; the caller guarantees the pairs are valid and in department
    /// code order (the generated file is checked by tests).
    pub(super) const fn from_static(
        source_name: &'static str,
        pairs: &'static [CrosswalkPair],
    ) -> Self {
        EconomicCrosswalk {
            source_name: Cow::Borrowed(source_name),
            pairs: Cow::Borrowed(pairs),
        }
    }

    /// The correspondence embedded in the crate (a `static`: no allocation). See the type's
    /// documentation for how much of the official table it holds.
    #[must_use]
    pub fn embedded() -> &'static Self {
        &super::generated::ECONOMIC_CROSSWALK
    }

    /// Builds a crosswalk from pairs in any order, checking them like a file: every code that is
    /// not a 款 and every department 款 listed twice is reported in one [`Error::Catalog`]. (A
    /// department 款 is reported under one government 款; where an official table gives one for
    /// 机关 and another for 事业单位, load each kind of unit's pairs as a crosswalk of its own.)
    ///
    /// ```
    /// use fiscal_cn::classification::{CrosswalkPair, EconomicCrosswalk, Evidence};
    /// let pair = |d: &str, g: &str| -> fiscal_cn::Result<CrosswalkPair> {
    ///     Ok(CrosswalkPair::new(d.parse()?, g.parse()?, Evidence::Unspecified))
    /// };
    /// let crosswalk = EconomicCrosswalk::from_pairs("示例", [pair("30201", "50201")?])?;
    /// assert_eq!(crosswalk.len(), 1);
    /// assert!(EconomicCrosswalk::from_pairs("重复", [pair("30201", "50201")?, pair("30201", "50202")?]).is_err());
    /// assert!(EconomicCrosswalk::from_pairs("类级", [pair("302", "502")?]).is_err());
    /// # Ok::<(), fiscal_cn::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::Catalog`](crate::Error::Catalog) listing every problem: codes at the wrong level, a
    /// department code mapped twice.
    pub fn from_pairs(
        source_name: impl Into<String>,
        pairs: impl IntoIterator<Item = CrosswalkPair>,
    ) -> Result<Self> {
        let rows = pairs.into_iter().map(|p| (None, p)).collect();
        build(source_name.into(), rows, Vec::new())
    }

    /// Reads a crosswalk from CSV text with the header `department_code,government_code,evidence`
    /// (columns in any order; `evidence` optional; other columns, such as the names an official
    /// file prints, ignored). The Chinese headers of an official file are read too:
    /// `部门预算支出经济分类科目编码` and `政府预算支出经济分类科目编码` (or the same without
    /// `科目`, or shortened to `部门经济分类编码` / `政府经济分类编码`), and `来源依据` for the
    /// evidence. The text is read as [`Catalog::from_csv`](crate::classification::Catalog::from_csv) reads a
    /// catalog (BOM, `\r\n`, blank lines and quoted fields accepted), and every problem of the
    /// file is reported, with its line number, in one [`Error::Catalog`]: malformed lines, bad
    /// codes, codes that are not 款 (the correspondence pairs 款 with 款), unknown evidence and
    /// department 款 listed twice.
    ///
    /// ```
    /// use fiscal_cn::{Error, classification::EconomicCrosswalk};
    ///
    /// let text = "部门预算支出经济分类科目编码,部门预算支出经济分类科目名称,政府预算支出经济分类科目编码\n\
    ///             30101,基本工资,50101\n30201,办公费,50201\n";
    /// let crosswalk = EconomicCrosswalk::from_csv(text, "2018 年对照表")?;
    /// assert_eq!(crosswalk.government_of("30201".parse()?).map(|g| g.as_u32()), Some(50201));
    ///
    /// let bad = "department_code,government_code\n30101,50101\n301,501\n30101,50199\n3010x,50101\n";
    /// match EconomicCrosswalk::from_csv(bad, "坏文件") {
    ///     // line 3 pairs two 类, line 4 lists 30101 again, line 5 has a malformed code.
    ///     Err(Error::Catalog { problems, .. }) => {
    ///         let lines: Vec<_> = problems.iter().map(|p| p.line).collect();
    ///         assert_eq!(lines, [Some(3), Some(3), Some(4), Some(5)]);
    ///     }
    ///     other => panic!("{other:?}"),
    /// }
    /// # Ok::<(), fiscal_cn::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::Catalog`](crate::Error::Catalog) listing every problem of the file, each with its
    /// line.
    pub fn from_csv(text: &str, source_name: &str) -> Result<Self> {
        let mut problems = Vec::new();
        let mut rows = Vec::new();
        let expected = "department_code,government_code,evidence";
        if let Some(records) = read_records(text, &COLUMNS, expected, &mut problems)
            && let &[Some(department_col), Some(government_col), evidence_col] =
                records.columns.as_slice()
        {
            for (line, fields) in records.rows {
                let field = |i: usize| fields.get(i).map_or("", |f| f.as_ref());
                let mut problem = |code: &str, reason: CatalogReason| {
                    problems.push(CatalogProblem::new(
                        Some(line),
                        Some(code.to_owned()),
                        reason,
                    ));
                };
                let department = parse_code::<DepartmentEconomicCode>(field(department_col));
                let government = parse_code::<GovernmentEconomicCode>(field(government_col));
                let evidence = parse_evidence(evidence_col.map(field));
                if let Err(reason) = &department {
                    problem(field(department_col), reason.clone());
                }
                if let Err(reason) = &government {
                    problem(field(government_col), reason.clone());
                }
                let evidence = evidence.unwrap_or_else(|reason| {
                    problem(field(department_col), reason);
                    Evidence::Unspecified
                });
                if let (Ok(department), Ok(government)) = (department, government) {
                    rows.push((
                        Some(line),
                        CrosswalkPair::new(department, government, evidence),
                    ));
                }
            }
        }
        build(source_name.to_owned(), rows, problems)
    }

    /// Reads a crosswalk file (see [`EconomicCrosswalk::from_csv`]); a read failure is
    /// [`Error::Io`].
    ///
    /// # Errors
    /// [`Error::Io`](crate::Error::Io) when the file cannot be read; otherwise as
    /// [`EconomicCrosswalk::from_csv`].
    pub fn from_csv_path(path: impl AsRef<Path>) -> Result<Self> {
        let (text, shown) = crate::error::read_text(path.as_ref())?;
        Self::from_csv(&text, &shown)
    }

    /// Where the crosswalk came from: a path, a description, or the embedded table.
    #[must_use]
    pub fn source_name(&self) -> &str {
        &self.source_name
    }

    /// Number of pairs.
    #[must_use]
    pub fn len(&self) -> usize {
        self.pairs.len()
    }

    /// Whether there are no pairs (a built crosswalk always has some).
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.pairs.is_empty()
    }

    /// All pairs, in department code order.
    pub fn iter(&self) -> std::slice::Iter<'_, CrosswalkPair> {
        self.pairs.iter()
    }

    /// The pair of a department 款, with its evidence; `None` when the crosswalk does not list
    /// it (and for a 类, which the correspondence does not pair).
    #[must_use]
    pub fn pair(&self, department: DepartmentEconomicCode) -> Option<&CrosswalkPair> {
        let found = self
            .pairs
            .binary_search_by(|p| p.department.cmp(&department))
            .ok()?;
        self.pairs.get(found)
    }

    /// The government 款 a department 款 is reported under; `None` when the crosswalk does not
    /// list it. Never a guess: a department 款 missing from a partial crosswalk stays unknown.
    ///
    /// ```
    /// use fiscal_cn::classification::EconomicCrosswalk;
    /// let crosswalk = EconomicCrosswalk::embedded();
    /// assert_eq!(crosswalk.government_of("30113".parse()?).map(|g| g.to_string()).as_deref(), Some("50103"));
    /// assert_eq!(crosswalk.government_of("301".parse()?), None);
    /// # Ok::<(), fiscal_cn::Error>(())
    /// ```
    #[must_use]
    pub fn government_of(
        &self,
        department: DepartmentEconomicCode,
    ) -> Option<GovernmentEconomicCode> {
        self.pair(department).map(|p| p.government)
    }

    /// The department 款 reported under a government 款, or, for a government 类, under any of
    /// its 款; in department code order. Only the pairs the crosswalk lists: with a partial
    /// crosswalk other department 款 may belong there too.
    ///
    /// ```
    /// use fiscal_cn::classification::EconomicCrosswalk;
    /// let crosswalk = EconomicCrosswalk::embedded();
    /// let codes = |g: &str| -> fiscal_cn::Result<Vec<String>> {
    ///     Ok(crosswalk.departments_of(g.parse()?).map(|d| d.to_string()).collect())
    /// };
    /// assert_eq!(codes("50103")?, ["30113"]);
    /// assert_eq!(codes("501")?.len(), 12);
    /// assert!(codes("509")?.is_empty());
    /// # Ok::<(), fiscal_cn::Error>(())
    /// ```
    pub fn departments_of(
        &self,
        government: GovernmentEconomicCode,
    ) -> impl Iterator<Item = DepartmentEconomicCode> + Clone + '_ {
        self.pairs
            .iter()
            .filter(move |p| p.government == government || government.is_ancestor_of(p.government))
            .map(|p| p.department)
    }

    /// Maps amounts by department 款 to amounts by government 款 and 类, exactly: each amount
    /// goes to the government 款 its department 款 is reported under, and a government 类 is the
    /// sum of its 款. A department code the crosswalk does not list (including a 类 line, whose
    /// amount the 款 already carry) is not dropped: its amount is kept in
    /// [`EconomicMapping::unmapped`]. Amounts are summed as given, in whatever unit the caller
    /// uses (元 for a ledger's items); a code given twice is summed. A sum past what a `Decimal`
    /// holds is [`Error::Overflow`].
    ///
    /// ```
    /// use fiscal_cn::{Decimal, classification::EconomicCrosswalk};
    ///
    /// let amount = |code: &str, cents: i64| -> fiscal_cn::Result<_> {
    ///     Ok((code.parse()?, Decimal::new(cents, 2)))
    /// };
    /// let mapping = EconomicCrosswalk::embedded().map_amounts([
    ///     amount("30101", 120_000_00)?, // 基本工资      → 50101
    ///     amount("30102", 30_000_50)?,  // 津贴补贴      → 50101
    ///     amount("30201", 5_000_00)?,   // 办公费        → 50201
    ///     amount("30305", 800_00)?,     // 生活补助: not listed
    /// ])?;
    /// assert_eq!(mapping.get("50101".parse()?), Some(Decimal::new(150_000_50, 2)));
    /// assert_eq!(mapping.get("501".parse()?), Some(Decimal::new(150_000_50, 2)));
    /// assert_eq!(mapping.get("502".parse()?), Some(Decimal::new(5_000_00, 2)));
    /// assert_eq!(mapping.mapped_total(), Decimal::new(155_000_50, 2));
    /// assert_eq!(mapping.unmapped().get(&"30305".parse()?), Some(&Decimal::new(800_00, 2)));
    /// assert!(!mapping.is_complete());
    /// # Ok::<(), fiscal_cn::Error>(())
    /// ```
    ///
    /// A ledger's basic expenditure, booked by department 款 in 元:
    ///
    /// ```
    /// use fiscal_cn::Decimal;
    /// use fiscal_cn::classification::EconomicCrosswalk;
    /// use fiscal_cn::dimensions::{ExpenditureKind, IncomeSource};
    /// use fiscal_cn::ledger::{ExpenditureItem, Ledger, UnitId};
    ///
    /// let item = |economic: &str, yuan: i64| -> fiscal_cn::Result<ExpenditureItem> {
    ///     Ok(ExpenditureItem {
    ///         unit: UnitId(1),
    ///         function: "2013201".parse()?,
    ///         economic: Some(economic.parse()?),
    ///         kind: ExpenditureKind::Basic,
    ///         source: IncomeSource::GeneralBudgetAppropriation,
    ///         amount: Decimal::from(yuan),
    ///     })
    /// };
    /// let ledger = Ledger::new(vec![item("30108", 9_000)?, item("30112", 1_000)?, item("30113", 6_000)?], vec![], vec![])?;
    /// let basic = ledger.expenditures().iter().filter(|i| i.kind == ExpenditureKind::Basic);
    /// let mapping = EconomicCrosswalk::embedded()
    ///     .map_amounts(basic.filter_map(|i| Some((i.economic?, i.amount))))?;
    /// assert_eq!(mapping.get("50102".parse()?), Some(Decimal::from(10_000))); // 社会保障缴费
    /// assert_eq!(mapping.get("50103".parse()?), Some(Decimal::from(6_000)));  // 住房公积金
    /// assert!(mapping.is_complete());
    /// # Ok::<(), fiscal_cn::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::Overflow`](crate::Error::Overflow) when a sum exceeds what `Decimal` holds.
    pub fn map_amounts(
        &self,
        amounts: impl IntoIterator<Item = (DepartmentEconomicCode, Decimal)>,
    ) -> Result<EconomicMapping> {
        fn add<K: Ord>(map: &mut BTreeMap<K, Decimal>, key: K, amount: Decimal) -> Result<()> {
            let slot = map.entry(key).or_insert(Decimal::ZERO);
            *slot = slot.checked_add(amount).ok_or(Error::Overflow {
                operation: OPERATION,
            })?;
            Ok(())
        }
        let mut mapping = EconomicMapping::default();
        for (department, amount) in amounts {
            match self.government_of(department) {
                Some(government) => {
                    add(&mut mapping.kuan, government, amount)?;
                    add(&mut mapping.lei, government.lei(), amount)?;
                    mapping.mapped_total =
                        mapping
                            .mapped_total
                            .checked_add(amount)
                            .ok_or(Error::Overflow {
                                operation: OPERATION,
                            })?;
                }
                None => add(&mut mapping.unmapped, department, amount)?,
            }
        }
        Ok(mapping)
    }
}

impl<'a> IntoIterator for &'a EconomicCrosswalk {
    type Item = &'a CrosswalkPair;
    type IntoIter = std::slice::Iter<'a, CrosswalkPair>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

const OPERATION: Operation = Operation::CrosswalkSum;

/// Amounts by 政府预算支出经济分类, mapped from amounts by 部门预算支出经济分类 with
/// [`EconomicCrosswalk::map_amounts`]: by government 款, by government 类, and the department
/// codes the crosswalk could not map, with their amounts. Every amount given is in exactly one
/// of [`EconomicMapping::mapped_total`] and [`EconomicMapping::unmapped`].
///
/// With the `serde` feature it serializes (only: it is a result, made by the mapping) as
/// `{"kuan": {"50101": "150000.50"}, "lei": {…}, "unmapped": {…}, "mapped_total": "…"}`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct EconomicMapping {
    kuan: BTreeMap<GovernmentEconomicCode, Decimal>,
    lei: BTreeMap<GovernmentEconomicCode, Decimal>,
    unmapped: BTreeMap<DepartmentEconomicCode, Decimal>,
    mapped_total: Decimal,
}

impl EconomicMapping {
    /// The amount of a government 款 or 类; `None` when no mapped amount went there.
    #[must_use]
    pub fn get(&self, code: GovernmentEconomicCode) -> Option<Decimal> {
        match code.level() {
            Level::Lei => self.lei.get(&code).copied(),
            _ => self.kuan.get(&code).copied(),
        }
    }

    /// The amounts by government 款, in code order.
    #[must_use]
    pub fn by_kuan(&self) -> &BTreeMap<GovernmentEconomicCode, Decimal> {
        &self.kuan
    }

    /// The amounts by government 类 (each the sum of its 款), in code order.
    #[must_use]
    pub fn by_lei(&self) -> &BTreeMap<GovernmentEconomicCode, Decimal> {
        &self.lei
    }

    /// The department codes the crosswalk does not list, with their amounts (summed per code).
    #[must_use]
    pub fn unmapped(&self) -> &BTreeMap<DepartmentEconomicCode, Decimal> {
        &self.unmapped
    }

    /// The sum of the amounts mapped (= the sum of [`EconomicMapping::by_lei`]).
    #[must_use]
    pub fn mapped_total(&self) -> Decimal {
        self.mapped_total
    }

    /// Whether every amount given was mapped.
    #[must_use]
    pub fn is_complete(&self) -> bool {
        self.unmapped.is_empty()
    }
}

type Line = (Option<usize>, CrosswalkPair);

/// Checks pairs (any order) and builds the crosswalk, or reports every problem found.
fn build(
    source_name: String,
    mut rows: Vec<Line>,
    mut problems: Vec<CatalogProblem>,
) -> Result<EconomicCrosswalk> {
    for (line, pair) in &rows {
        if pair.department.level() != Level::Kuan {
            problems.push(CatalogProblem::new(
                *line,
                Some(pair.department.to_string()),
                CatalogReason::DepartmentNotKuan {
                    code: pair.department,
                },
            ));
        }
        if pair.government.level() != Level::Kuan {
            problems.push(CatalogProblem::new(
                *line,
                Some(pair.government.to_string()),
                CatalogReason::GovernmentNotKuan {
                    code: pair.government,
                },
            ));
        }
    }
    rows.sort_by(|a, b| a.1.department.cmp(&b.1.department).then(a.0.cmp(&b.0)));
    rows.dedup_by(|later, first| {
        let duplicate = later.1.department == first.1.department;
        if duplicate {
            problems.push(CatalogProblem::new(
                later.0,
                Some(later.1.department.to_string()),
                CatalogReason::DuplicatePair {
                    first_line: first.0,
                    government: first.1.government,
                },
            ));
        }
        duplicate
    });
    if rows.is_empty() && problems.is_empty() {
        problems.push(CatalogProblem::new(
            None,
            None,
            CatalogReason::EmptyCrosswalk,
        ));
    }
    if problems.is_empty() {
        Ok(EconomicCrosswalk {
            source_name: Cow::Owned(source_name),
            pairs: Cow::Owned(rows.into_iter().map(|(_, p)| p).collect()),
        })
    } else {
        problems.sort_by_key(|p| p.line);
        Err(Error::Catalog {
            source_name,
            problems,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classification::{Catalog, CatalogProblemKind, ClassificationCode};
    use proptest::prelude::*;

    fn dept(s: &str) -> DepartmentEconomicCode {
        s.parse().unwrap()
    }

    fn gov(s: &str) -> GovernmentEconomicCode {
        s.parse().unwrap()
    }

    fn problems(result: Result<EconomicCrosswalk>) -> Vec<CatalogProblem> {
        match result {
            Err(Error::Catalog { problems, .. }) => problems,
            other => panic!("expected problems, got {other:?}"),
        }
    }

    #[test]
    fn embedded_pairs_are_the_data_files() {
        let crosswalk = EconomicCrosswalk::embedded();
        assert_eq!(crosswalk.len(), 30);
        let departments = Catalog::<DepartmentEconomicCode>::embedded();
        let governments = Catalog::<GovernmentEconomicCode>::embedded();
        for pair in crosswalk {
            assert_eq!(pair.evidence(), Evidence::OfficialCrosswalk2018);
            // Both sides are named by the embedded catalogs.
            assert!(
                departments.contains(pair.department()),
                "{}",
                pair.department()
            );
            assert!(
                governments.contains(pair.government()),
                "{}",
                pair.government()
            );
        }
        let sorted = crosswalk
            .iter()
            .zip(crosswalk.iter().skip(1))
            .all(|(a, b)| a.department() < b.department());
        assert!(sorted);
        // 301 goes to 501 and 302 to 502 throughout.
        for pair in crosswalk {
            let lei = pair.department().lei().as_u32();
            assert_eq!(pair.government().lei().as_u32(), lei + 200);
        }
    }

    #[test]
    fn look_ups() {
        let crosswalk = EconomicCrosswalk::embedded();
        assert_eq!(crosswalk.government_of(dept("30199")), Some(gov("50199")));
        assert_eq!(crosswalk.government_of(dept("30218")), Some(gov("50204")));
        assert_eq!(crosswalk.government_of(dept("30107")), None);
        assert_eq!(crosswalk.government_of(dept("302")), None);
        assert_eq!(
            crosswalk
                .pair(dept("30215"))
                .map(|p| (p.government(), p.evidence())),
            Some((gov("50202"), Evidence::OfficialCrosswalk2018))
        );
        let of = |g: &str| -> Vec<u32> {
            crosswalk
                .departments_of(gov(g))
                .map(ClassificationCode::as_u32)
                .collect()
        };
        assert_eq!(of("50102"), [30108, 30109, 30110, 30111, 30112]);
        assert_eq!(of("50199"), [30106, 30114, 30199]);
        assert_eq!(of("50204"), [30218, 30224]);
        assert_eq!(of("502").len(), 18);
        assert!(of("50502").is_empty());
        assert!(of("599").is_empty());
    }

    #[test]
    fn every_bad_line_is_reported_in_line_order() {
        let text = "\u{feff}department_code,government_code,evidence\r\n\
                    30101,50101,official-crosswalk-2018\r\n\
                    301,50101,\r\n\
                    30102,501,\r\n\
                    3010,50101,\r\n\
                    30103,5010a,\r\n\
                    30101,50199,\r\n\
                    30104,50101,hearsay\r\n\
                    30105,50101,,extra\r\n\
                    \"30106\",\"50199\"\r\n";
        let got: Vec<(Option<usize>, CatalogProblemKind)> =
            problems(EconomicCrosswalk::from_csv(text, "t"))
                .iter()
                .map(|p| (p.line, p.kind()))
                .collect();
        use CatalogProblemKind as K;
        assert_eq!(
            got,
            [
                (Some(3), K::NotKuan),
                (Some(4), K::NotKuan),
                (Some(5), K::InvalidCode),
                (Some(6), K::InvalidCode),
                (Some(7), K::DuplicateCode),
                (Some(8), K::InvalidEvidence),
                (Some(9), K::Row),
                (Some(10), K::Row),
            ]
        );
        let all = problems(EconomicCrosswalk::from_csv(text, "t"));
        assert_eq!(
            all[4].to_string(),
            "第 7 行：30101：部门预算支出经济分类编码重复（第 2 行已对应 50101），一个款只能对应一个政府预算支出经济分类款"
        );
        assert_eq!(
            all[0].to_string(),
            "第 3 行：301：对照表按款对应，部门预算支出经济分类 301 是类"
        );
        assert_eq!(
            all[1].to_string(),
            "第 4 行：501：对照表按款对应，政府预算支出经济分类 501 是类"
        );
        assert_eq!(
            [&all[0].reason, &all[1].reason, &all[4].reason],
            [
                &CatalogReason::DepartmentNotKuan { code: dept("301") },
                &CatalogReason::GovernmentNotKuan { code: gov("501") },
                &CatalogReason::DuplicatePair {
                    first_line: Some(2),
                    government: gov("50101")
                },
            ]
        );
    }

    #[test]
    fn headers_and_empty_files() {
        let missing = problems(EconomicCrosswalk::from_csv(
            "code,government_code\n30101,50101\n",
            "t",
        ));
        assert_eq!(missing.len(), 1);
        assert_eq!(missing[0].kind(), CatalogProblemKind::Header);
        assert_eq!(
            missing[0].reason,
            CatalogReason::MissingColumns {
                missing: vec!["department_code".to_owned()],
                expected: "department_code,government_code,evidence".to_owned()
            }
        );
        let empty = problems(EconomicCrosswalk::from_csv("", "t"));
        assert_eq!(empty[0].reason, CatalogReason::EmptyFile);
        let header_only = problems(EconomicCrosswalk::from_csv(
            "department_code,government_code\n",
            "t",
        ));
        assert_eq!(header_only[0].reason, CatalogReason::EmptyCrosswalk);
        assert_eq!(header_only[0].to_string(), "对照表中没有任何科目");
    }

    #[test]
    fn chinese_headers_of_an_official_file() {
        let text = "序号,部门经济分类编码,部门经济分类名称,政府经济分类编码,政府经济分类名称,来源依据\n\
                    1,30101,基本工资,50101,工资奖金津补贴,official-crosswalk-2018\n\
                    2,30216,培训费,50203,培训费,\n";
        let crosswalk = EconomicCrosswalk::from_csv(text, "对照表").unwrap();
        assert_eq!(crosswalk.source_name(), "对照表");
        assert_eq!(crosswalk.government_of(dept("30216")), Some(gov("50203")));
        assert_eq!(
            crosswalk.pair(dept("30101")).map(CrosswalkPair::evidence),
            Some(Evidence::OfficialCrosswalk2018)
        );
        assert_eq!(
            crosswalk.pair(dept("30216")).map(CrosswalkPair::evidence),
            Some(Evidence::Unspecified)
        );
    }

    #[test]
    fn the_crates_own_data_round_trips() {
        let text: String = std::iter::once("department_code,government_code,evidence".to_owned())
            .chain(
                EconomicCrosswalk::embedded()
                    .iter()
                    .map(|p| format!("{},{},{}", p.department(), p.government(), p.evidence())),
            )
            .collect::<Vec<_>>()
            .join("\n");
        let loaded =
            EconomicCrosswalk::from_csv(&text, EconomicCrosswalk::embedded().source_name())
                .unwrap();
        assert_eq!(&loaded, EconomicCrosswalk::embedded());
    }

    #[test]
    fn mapping_by_hand() {
        let d = |cents: i64| Decimal::new(cents, 2);
        let mapping = EconomicCrosswalk::embedded()
            .map_amounts([
                (dept("30101"), d(10_00)),
                (dept("30103"), d(2_50)),
                (dept("30108"), d(1_25)),
                (dept("30113"), d(75)),
                (dept("30101"), d(1_00)), // summed with the first
                (dept("30211"), d(3_00)),
                (dept("30215"), d(40)),
                (dept("30107"), d(9_99)), // not listed
                (dept("302"), d(3_40)),   // a 类 line: not listed either
            ])
            .unwrap();
        let kuan: Vec<(u32, Decimal)> = mapping
            .by_kuan()
            .iter()
            .map(|(g, v)| (g.as_u32(), *v))
            .collect();
        assert_eq!(
            kuan,
            [
                (50101, d(13_50)),
                (50102, d(1_25)),
                (50103, d(75)),
                (50201, d(3_00)),
                (50202, d(40)),
            ]
        );
        let lei: Vec<(u32, Decimal)> = mapping
            .by_lei()
            .iter()
            .map(|(g, v)| (g.as_u32(), *v))
            .collect();
        assert_eq!(lei, [(501, d(15_50)), (502, d(3_40))]);
        assert_eq!(mapping.mapped_total(), d(18_90));
        let unmapped: Vec<(u32, Decimal)> = mapping
            .unmapped()
            .iter()
            .map(|(c, v)| (c.as_u32(), *v))
            .collect();
        // In code order: 30107 before 302, as a parent sorts right before its children.
        assert_eq!(unmapped, [(30107, d(9_99)), (302, d(3_40))]);
        assert_eq!(mapping.get(gov("50199")), None);
        assert!(!mapping.is_complete());
        assert!(
            EconomicCrosswalk::embedded()
                .map_amounts([])
                .unwrap()
                .is_complete()
        );
    }

    #[cfg(feature = "serde")]
    #[test]
    fn serde_forms() {
        let crosswalk = EconomicCrosswalk::embedded();
        let json = serde_json::to_string(crosswalk).unwrap();
        let back: EconomicCrosswalk = serde_json::from_str(&json).unwrap();
        assert_eq!(&back, crosswalk);
        // Deserializing checks like a file: a 类 is no side of a pair.
        let bad = r#"{"source_name":"x","pairs":[{"department":"301","government":"50101","evidence":"unspecified"}]}"#;
        assert!(serde_json::from_str::<EconomicCrosswalk>(bad).is_err());
        let mapping = crosswalk
            .map_amounts([
                (dept("30101"), Decimal::new(150, 1)),
                (dept("30305"), Decimal::ONE),
            ])
            .unwrap();
        assert_eq!(
            serde_json::to_string(&mapping).unwrap(),
            r#"{"kuan":{"50101":"15.0"},"lei":{"501":"15.0"},"unmapped":{"30305":"1"},"mapped_total":"15.0"}"#
        );
    }

    #[test]
    fn overflow_is_an_error() {
        let result = EconomicCrosswalk::embedded()
            .map_amounts([(dept("30101"), Decimal::MAX), (dept("30102"), Decimal::MAX)]);
        assert!(matches!(result, Err(Error::Overflow { .. })));
    }

    proptest! {
        /// Mapping then summing loses nothing: the government 类 (and 款) add up to the sum of
        /// the inputs the crosswalk lists, computed independently from the data file.
        #[test]
        fn mapping_keeps_the_mappable_total(
            picks in proptest::collection::vec((0usize..40, -1_000_000i64..100_000_000), 0..50),
        ) {
            let file = include_str!("../../data/economic_crosswalk.csv");
            let listed: std::collections::BTreeMap<u32, u32> = file
                .lines()
                .skip(1)
                .map(|l| {
                    let mut f = l.split(',');
                    let d: u32 = f.next().unwrap().parse().unwrap();
                    let g: u32 = f.next().unwrap().parse().unwrap();
                    (d, g)
                })
                .collect();
            // Listed department 款 and a few that are not (a 类, 30107, 30305, …).
            let mut pool: Vec<u32> = listed.keys().copied().collect();
            pool.extend([301, 302, 30107, 30213, 30217, 30226, 30305, 31002, 39999, 30399]);
            let amounts: Vec<(DepartmentEconomicCode, Decimal)> = picks
                .iter()
                .map(|&(i, cents)| {
                    (DepartmentEconomicCode::from_u32(pool[i % pool.len()]).unwrap(), Decimal::new(cents, 2))
                })
                .collect();
            let mapping = EconomicCrosswalk::embedded().map_amounts(amounts.iter().copied()).unwrap();
            let oracle_mapped: Decimal = amounts
                .iter()
                .filter(|(d, _)| listed.contains_key(&d.as_u32()))
                .map(|(_, v)| *v)
                .sum();
            let oracle_unmapped: Decimal = amounts
                .iter()
                .filter(|(d, _)| !listed.contains_key(&d.as_u32()))
                .map(|(_, v)| *v)
                .sum();
            prop_assert_eq!(mapping.by_lei().values().copied().sum::<Decimal>(), oracle_mapped);
            prop_assert_eq!(mapping.by_kuan().values().copied().sum::<Decimal>(), oracle_mapped);
            prop_assert_eq!(mapping.mapped_total(), oracle_mapped);
            prop_assert_eq!(mapping.unmapped().values().copied().sum::<Decimal>(), oracle_unmapped);
            // Each government 款 holds exactly the inputs the file sends there.
            for (g, value) in mapping.by_kuan() {
                let expected: Decimal = amounts
                    .iter()
                    .filter(|(d, _)| listed.get(&d.as_u32()) == Some(&g.as_u32()))
                    .map(|(_, v)| *v)
                    .sum();
                prop_assert_eq!(*value, expected);
            }
        }
    }
}
