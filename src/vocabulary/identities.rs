//! Which concepts add up to which: the partitions of the model's wholes, as rows.
//!
//! A [`Partition`] says that a whole is exactly the sum of its parts, with nothing left over
//! (收入合计 is the sum of its sources; 基本支出 is 人员经费 plus 公用经费). The checker's
//! narrative rules read it to compare a stated total with its stated parts, to imply a total
//! that is not printed from parts that are, to hold the shares of one whole to 100%, and to
//! hold the changes of the parts to the change of the whole. The 功能分类 hierarchy (类 → 款 →
//! 项) is a partition too, but of codes: the catalog gives it, not this table.
//!
//! The narrative reader's part-of relations live here too ([`wholes_of`], [`is_part`],
//! [`is_child`], [`complete`]): which wholes a part named in a `其中` listing may belong to,
//! wider than the exact partitions (a 类 of a fund's expenditure, a vehicle type of the
//! vehicles held).

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use crate::classification::Level;
use crate::dimensions::{BasicExpenditureClass, ExpenditureKind, FundType, IncomeSource};
use crate::dimensions::{ThreePublicCategory, ThreePublicItem};
use crate::report::{Concept, Countable, DisclosureKind, ProcurementLine};
use crate::vocabulary::concept_name;

/// A whole and the parts that add up to it exactly.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Partition {
    /// The whole.
    pub whole: Concept,
    /// Its parts, which do not overlap and leave nothing out.
    pub parts: Vec<Concept>,
}

/// Every partition the model knows, wholes before the wholes they are part of where both
/// exist (基本支出 = 人员经费 + 公用经费 comes after 财政拨款支出 = 基本 + 项目).
///
/// ```
/// use fiscal_cn::{report::Concept, three_public::ThreePublicCategory, vocabulary::partitions};
///
/// let three_public = partitions()
///     .iter()
///     .find(|p| p.whole == Concept::ThreePublicTotal)
///     .unwrap();
/// assert_eq!(three_public.parts.len(), ThreePublicCategory::ALL.len());
/// ```
#[must_use]
pub fn partitions() -> &'static [Partition] {
    &table().partitions
}

/// Two wholes that are equal in every report of a department: what it takes in, with what it
/// carried in, is what it spends, with what it carries out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Balance {
    /// The income side (`收入总计`).
    pub income: Concept,
    /// The expenditure side (`支出总计`).
    pub expenditure: Concept,
}

/// Every balance the model knows: the department's 收入总计 and 支出总计, and its 财政拨款's.
///
/// The checker holds a table's two totals to it, and the totals a text states, and the changes
/// it states of them.
///
/// ```
/// use fiscal_cn::{report::Concept, vocabulary::balances};
///
/// assert!(balances().iter().any(|b| b.income == Concept::IncomeGrandTotal
///     && b.expenditure == Concept::ExpenditureGrandTotal));
/// ```
#[must_use]
pub fn balances() -> &'static [Balance] {
    static BALANCES: &[Balance] = &[
        Balance {
            income: Concept::IncomeGrandTotal,
            expenditure: Concept::ExpenditureGrandTotal,
        },
        Balance {
            income: Concept::AppropriationIncomeGrandTotal,
            expenditure: Concept::AppropriationExpenditureGrandTotal,
        },
    ];
    BALANCES
}

/// The subtotals the model knows: a whole that is the sum of some parts of a partition, printed
/// beside them (本年财政拨款收入 is the three funds' appropriation income, which are parts of
/// 本年收入合计 with the other sources). A subtotal is no partition of its own: its parts
/// belong to the larger whole ([`whole_of`]).
pub(crate) fn subtotals() -> &'static [Partition] {
    static SUBTOTALS: OnceLock<Vec<Partition>> = OnceLock::new();
    SUBTOTALS.get_or_init(|| {
        vec![Partition {
            whole: Concept::AppropriationIncome,
            parts: FundType::ALL
                .iter()
                .map(|f| Concept::Income(f.income_source()))
                .collect(),
        }]
    })
}

/// The parts `whole` is the sum of in a disclosure of `kind`: its partition's ([`parts_in`]) or,
/// for a subtotal ([`subtotals`]), the parts it sums.
pub(crate) fn summed_parts(kind: DisclosureKind, whole: &Concept) -> Option<&'static [Concept]> {
    parts_in(kind, whole).or_else(|| {
        subtotals()
            .iter()
            .find(|s| s.whole == *whole)
            .map(|s| s.parts.as_slice())
    })
}

/// The partitions and, for [`parts_of`] and [`whole_of`], where each whole and each part first
/// stands in them: the checker asks both many times a report, with concepts that a scan
/// of every partition would compare one by one.
struct Table {
    partitions: Vec<Partition>,
    by_whole: FxHashMap<Concept, usize>,
    by_part: FxHashMap<Concept, usize>,
    /// The partitions a budget has where the final accounts' do not hold ([`build_budget`]).
    budget: Vec<Partition>,
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let partitions = build();
        let (mut by_whole, mut by_part) = (FxHashMap::default(), FxHashMap::default());
        for (at, p) in partitions.iter().enumerate() {
            by_whole.entry(p.whole.clone()).or_insert(at);
            for part in &p.parts {
                by_part.entry(part.clone()).or_insert(at);
            }
        }
        Table {
            partitions,
            by_whole,
            by_part,
            budget: build_budget(),
        }
    })
}

/// The parts of `whole`, when the model knows them all.
///
/// ```
/// use fiscal_cn::{dimensions::FundType, report::Concept, vocabulary::parts_of};
///
/// let gpb = FundType::GeneralPublicBudget;
/// let parts = parts_of(&Concept::FundExpenditure(gpb)).unwrap();
/// assert!(parts.contains(&Concept::FundProjectExpenditure(gpb)));
/// assert!(parts_of(&Concept::Other("培训费".into())).is_none());
/// ```
#[must_use]
pub fn parts_of(whole: &Concept) -> Option<&'static [Concept]> {
    let table = table();
    let at = *table.by_whole.get(whole)?;
    Some(table.partitions[at].parts.as_slice())
}

/// The whole `part` is a part of, when the model knows one.
///
/// ```
/// use fiscal_cn::{report::Concept, three_public::ThreePublicCategory, vocabulary::whole_of};
///
/// let hosting = Concept::ThreePublicCategory(ThreePublicCategory::OfficialReception);
/// assert_eq!(whole_of(&hosting), Some(&Concept::ThreePublicTotal));
/// ```
#[must_use]
pub fn whole_of(part: &Concept) -> Option<&'static Concept> {
    let table = table();
    let at = *table.by_part.get(part)?;
    Some(&table.partitions[at].whole)
}

/// The parts of `whole` as a disclosure of `kind` prints them: [`parts_of`], except where a
/// budget's whole is made of fewer parts (a budget carries nothing out of its year, so its
/// 支出总计 is its 本年支出合计 alone).
///
/// ```
/// use fiscal_cn::{report::{Concept, DisclosureKind}, vocabulary::parts_in};
///
/// let spent = parts_in(DisclosureKind::FinalAccounts, &Concept::ExpenditureGrandTotal).unwrap();
/// assert!(spent.contains(&Concept::ClosingBalance));
/// let budgeted = parts_in(DisclosureKind::Budget, &Concept::ExpenditureGrandTotal).unwrap();
/// assert_eq!(budgeted, [Concept::CurrentExpenditureTotal]);
/// ```
#[must_use]
pub fn parts_in(kind: DisclosureKind, whole: &Concept) -> Option<&'static [Concept]> {
    let own = kind
        .is_budget()
        .then(|| table().budget.iter().find(|p| p.whole == *whole))
        .flatten();
    match own {
        Some(partition) => Some(partition.parts.as_slice()),
        None => parts_of(whole),
    }
}

/// The wholes whose parts are too many to list in a finding, and what the parts are called
/// together: a finance officer takes in `各项收入之和` at once, ten income sources by name
/// not (the table prints them right above its total).
static COLLECTIVE_NAMES: &[(Concept, &str)] = &[(Concept::CurrentIncomeTotal, "各项收入")];

/// How a finding words the sum of `whole`'s parts ([`parts_in`]) in a disclosure of `kind`:
/// the parts' names among themselves ([`names_among`]) joined with `、` and `之和`
/// (`本年支出合计、结余分配、年末结转和结余之和`, `公务用车购置费、公务用车运行维护费之和`), one
/// part by its name alone, or the parts' collective name and `之和` (`各项收入之和`). `None`
/// when the model does not know the parts.
///
/// Worded once per whole and kind: the checker asks for these words in every report.
pub(crate) fn sum_of_parts(kind: DisclosureKind, whole: &Concept) -> Option<&'static str> {
    /// The words of every whole, for final accounts (`[0]`) and budgets (`[1]`).
    static WORDS: OnceLock<[FxHashMap<Concept, String>; 2]> = OnceLock::new();
    let words = WORDS.get_or_init(|| {
        [DisclosureKind::FinalAccounts, DisclosureKind::Budget].map(|kind| {
            let wholes = partitions()
                .iter()
                .chain(&table().budget)
                .chain(subtotals())
                .map(|p| &p.whole);
            wholes
                .filter_map(|whole| Some((whole.clone(), sum_words(kind, whole)?)))
                .collect()
        })
    });
    words[usize::from(kind.is_budget())]
        .get(whole)
        .map(String::as_str)
}

/// [`sum_of_parts`], worded.
fn sum_words(kind: DisclosureKind, whole: &Concept) -> Option<String> {
    let parts = summed_parts(kind, whole)?;
    if let Some((_, together)) = COLLECTIVE_NAMES.iter().find(|(w, _)| w == whole) {
        return Some(format!("{together}之和"));
    }
    let names = names_among(kind, parts);
    Some(match names.as_slice() {
        [name] => name.clone(),
        _ => format!("{}之和", names.join("、")),
    })
}

/// The names ([`concept_name`]) of the parts of one whole side by side, less the qualifier
/// they all share: beside each other the 三公 categories are `因公出国（境）费`,
/// `公务接待费`, … (alone each is `“三公”经费·公务接待费`), the income sources `其他收入`, ….
/// Parts with no shared qualifier keep their names (`本年收入合计`, `年初结转和结余`).
fn names_among(kind: DisclosureKind, parts: &[Concept]) -> Vec<String> {
    let names: Vec<String> = parts
        .iter()
        .map(|p| concept_name(kind, p).into_owned())
        .collect();
    // The qualifier is what comes before the first `·` of a name, the same in every name.
    let shared = names
        .first()
        .and_then(|first| first.split_once('·'))
        .map(|(qualifier, _)| qualifier.len() + '·'.len_utf8())
        .filter(|&end| {
            names.len() > 1
                && names
                    .iter()
                    .all(|name| name.get(..end) == names[0].get(..end))
        });
    match shared {
        Some(end) => names
            .into_iter()
            .map(|name| name[end..].to_owned())
            .collect(),
        None => names,
    }
}

/// A concept's name where it stands beside the other parts of its whole, as a table prints it
/// under that whole ([`names_among`]: `公务接待费` in the 三公 table); a concept that is part of
/// no whole by [`concept_name`] (`收入总计`, `“三公”经费合计`).
pub(crate) fn name_among_parts(kind: DisclosureKind, concept: &Concept) -> String {
    let siblings = whole_of(concept).and_then(|whole| parts_in(kind, whole));
    let at = siblings.and_then(|parts| Some((parts, parts.iter().position(|p| p == concept)?)));
    match at {
        Some((parts, at)) => names_among(kind, parts).swap_remove(at),
        None => concept_name(kind, concept).into_owned(),
    }
}

/// The partitions of a budget that differ from the final accounts': a budget carries nothing
/// out of its year (no 结余分配, no 年末结转和结余), so its 支出总计 is its 本年支出合计.
fn build_budget() -> Vec<Partition> {
    vec![Partition {
        whole: Concept::ExpenditureGrandTotal,
        parts: vec![Concept::CurrentExpenditureTotal],
    }]
}

fn build() -> Vec<Partition> {
    let row = |whole: Concept, parts: Vec<Concept>| Partition { whole, parts };
    let funds = |of: fn(FundType) -> Concept| FundType::ALL.iter().map(|f| of(*f)).collect();
    let mut rows = vec![
        row(
            Concept::IncomeGrandTotal,
            vec![
                Concept::CurrentIncomeTotal,
                Concept::UseOfNonAppropriationBalance,
                Concept::OpeningBalance,
            ],
        ),
        row(
            Concept::ExpenditureGrandTotal,
            vec![
                Concept::CurrentExpenditureTotal,
                Concept::BalanceDistribution,
                Concept::ClosingBalance,
            ],
        ),
        row(
            Concept::CurrentIncomeTotal,
            IncomeSource::ALL
                .iter()
                .map(|s| Concept::Income(*s))
                .collect(),
        ),
        row(
            Concept::CurrentExpenditureTotal,
            ExpenditureKind::ALL
                .iter()
                .map(|k| Concept::Expenditure(*k))
                .collect(),
        ),
        // 本年财政拨款支出 is the three funds'.
        row(
            Concept::AppropriationExpenditure,
            funds(Concept::FundExpenditure),
        ),
    ];
    for fund in FundType::ALL {
        rows.push(row(
            Concept::FundExpenditure(*fund),
            vec![
                Concept::FundBasicExpenditure(*fund),
                Concept::FundProjectExpenditure(*fund),
            ],
        ));
        rows.push(row(
            Concept::FundBasicExpenditure(*fund),
            BasicExpenditureClass::ALL
                .iter()
                .map(|class| Concept::FundBasicClass {
                    fund: *fund,
                    class: *class,
                })
                .collect(),
        ));
    }
    rows.push(row(
        Concept::ThreePublicTotal,
        ThreePublicCategory::ALL
            .iter()
            .map(|k| Concept::ThreePublicCategory(*k))
            .collect(),
    ));
    for category in ThreePublicCategory::ALL {
        if category.items().len() > 1 {
            rows.push(row(
                Concept::ThreePublicCategory(*category),
                category
                    .items()
                    .iter()
                    .map(|i| Concept::ThreePublicItem(*i))
                    .collect(),
            ));
        }
    }
    rows.push(row(
        Concept::Procurement(ProcurementLine::Total),
        [
            ProcurementLine::Goods,
            ProcurementLine::Works,
            ProcurementLine::Services,
        ]
        .into_iter()
        .map(Concept::Procurement)
        .collect(),
    ));
    rows
}

/// Whether `child` is listed as a direct part of `parent` in a `其中` listing (a 类 of a
/// fund's expenditure, a 三公 category of the 三公 total, a vehicle type of the vehicles).
pub(crate) fn is_child(parent: &Concept, child: &Concept) -> bool {
    use Concept as C;
    match (parent, child) {
        (C::CurrentIncomeTotal, C::Income(_)) => true,
        (C::IncomeGrandTotal, C::Income(_) | C::OpeningBalance | C::CurrentIncomeTotal) => true,
        (C::CurrentExpenditureTotal, C::Expenditure(_)) => true,
        // A department's expenditure by 类 lists the whole of its expenditure.
        (C::CurrentExpenditureTotal | C::ExpenditureGrandTotal, C::FunctionExpenditure(code)) => {
            code.level() == Level::Lei
        }
        (C::FundExpenditure(f), C::FundFunctionExpenditure { fund, code }) => {
            f == fund && code.level() != Level::Kuan
        }
        // A fund's expenditure is its 基本支出 and its 项目支出 as well.
        (
            C::FundExpenditure(f),
            C::FundBasicExpenditure(fund) | C::FundProjectExpenditure(fund),
        ) => f == fund,
        (C::FundBasicExpenditure(f), C::FundBasicClass { fund, .. }) => f == fund,
        (C::FundBasicExpenditure(f), C::BasicEconomicClass { fund, .. }) => Some(*f) == *fund,
        (C::Expenditure(ExpenditureKind::Basic), C::BasicEconomicClass { fund: None, .. }) => true,
        (C::FundBasicClass { fund: f, class }, C::BasicEconomicClass { fund, code }) => {
            Some(*f) == *fund && BasicExpenditureClass::from_economic_code(*code) == Some(*class)
        }
        (C::ThreePublicTotal, C::ThreePublicCategory(_)) => true,
        (C::ThreePublicCategory(cat), C::ThreePublicItem(item)) => {
            item.category() == *cat && *cat != ThreePublicCategory::OverseasTravel
        }
        (
            C::ThreePublicItem(ThreePublicItem::VehiclePurchase),
            C::VehiclePurchaseAmount(Some(_)),
        ) => true,
        (C::Procurement(ProcurementLine::Total), C::Procurement(line)) => matches!(
            line,
            ProcurementLine::Goods | ProcurementLine::Works | ProcurementLine::Services
        ),
        (
            C::Count(Countable::VehiclesPurchased(None)),
            C::Count(Countable::VehiclesPurchased(Some(_))),
        )
        | (C::Count(Countable::VehiclesHeld(None)), C::Count(Countable::VehiclesHeld(Some(_))))
        | (C::Count(Countable::VehiclesByUse(None)), C::Count(Countable::VehiclesByUse(Some(_)))) => {
            true
        }
        _ => false,
    }
}

/// Whether the listed children are all there are (otherwise the claim is a subset sum): every
/// part of the parent's [`Partition`], each once. Narratives list every 类 and 项 that has
/// spending, so a listing of a fund's 功能分类 lines (or of its 基本支出's classes) is a sum;
/// vehicle types of the purchase are all three or more. The income sources only budgets print
/// (财政专户管理资金, 单位资金) need not be listed: a listing of the other eight is complete. A
/// part may be listed by all its own parts instead. Each listed concept is distinct.
pub(crate) fn complete(parent: &Concept, seen: &[Concept]) -> bool {
    use Concept as C;
    let optional = |part: &Concept| matches!(part, C::Income(source) if !IncomeSource::FINAL_ACCOUNTS.contains(source));
    match parent {
        C::FundExpenditure(_) | C::FundBasicExpenditure(_) => true,
        C::ThreePublicItem(_) => seen.len() >= 3,
        // A part not listed may be listed by its own parts instead (三公经费 listed with
        // 公务用车购置费 and 公务用车运行维护费 for the vehicles category).
        _ => parts_of(parent).is_some_and(|parts| {
            let by_own_parts = |p: &Concept| {
                !seen.contains(p)
                    && parts_of(p).is_some_and(|own| own.iter().all(|o| seen.contains(o)))
            };
            let belongs = |c: &Concept| {
                parts.contains(c)
                    || parts
                        .iter()
                        .any(|p| by_own_parts(p) && parts_of(p).is_some_and(|o| o.contains(c)))
            };
            seen.iter().all(belongs)
                && parts
                    .iter()
                    .all(|p| optional(p) || seen.contains(p) || by_own_parts(p))
        }),
    }
}

/// The wholes a concept is directly a part of.
pub(crate) fn wholes_of(concept: &Concept) -> Vec<Concept> {
    use Concept as C;
    match concept {
        C::Income(source) => {
            let mut wholes = vec![C::CurrentIncomeTotal];
            if FundType::ALL.iter().any(|f| f.income_source() == *source) {
                wholes.push(C::AppropriationIncome);
            }
            wholes
        }
        C::AppropriationIncome => vec![C::AppropriationIncomeGrandTotal, C::CurrentIncomeTotal],
        C::CurrentIncomeTotal | C::OpeningBalance | C::UseOfNonAppropriationBalance => {
            vec![C::IncomeGrandTotal]
        }
        C::Expenditure(_) => vec![C::CurrentExpenditureTotal],
        C::CurrentExpenditureTotal | C::ClosingBalance | C::BalanceDistribution => {
            vec![C::ExpenditureGrandTotal]
        }
        C::FundExpenditure(_) => vec![
            C::AppropriationExpenditure,
            C::AppropriationExpenditureGrandTotal,
            C::CurrentExpenditureTotal,
        ],
        C::AppropriationExpenditure => {
            vec![
                C::AppropriationExpenditureGrandTotal,
                C::CurrentExpenditureTotal,
            ]
        }
        C::FundBasicExpenditure(f) => vec![
            C::FundExpenditure(*f),
            C::Expenditure(ExpenditureKind::Basic),
        ],
        C::FundProjectExpenditure(f) => vec![
            C::FundExpenditure(*f),
            C::Expenditure(ExpenditureKind::Project),
        ],
        C::FundBasicClass { fund, .. } => vec![C::FundBasicExpenditure(*fund)],
        // A class of one fund's 基本支出 is within its 人员经费 or 公用经费 as well (the
        // 基本支出 first: the classes listed together are siblings of it).
        C::BasicEconomicClass {
            fund: Some(fund),
            code,
        } => {
            let mut wholes = vec![C::FundBasicExpenditure(*fund)];
            if let Some(class) = BasicExpenditureClass::from_economic_code(*code) {
                wholes.push(C::FundBasicClass { fund: *fund, class });
            }
            wholes
        }
        C::BasicEconomicClass { fund: None, .. } => vec![C::Expenditure(ExpenditureKind::Basic)],
        C::FunctionExpenditure(code) => match code.parent() {
            Some(parent) => vec![C::FunctionExpenditure(parent)],
            None => vec![C::CurrentExpenditureTotal],
        },
        C::FundFunctionExpenditure { fund, code } => match code.parent() {
            Some(parent) => vec![C::FundFunctionExpenditure {
                fund: *fund,
                code: parent,
            }],
            None => vec![C::FundExpenditure(*fund)],
        },
        C::ThreePublicCategory(_) => vec![C::ThreePublicTotal],
        C::ThreePublicItem(item) => vec![C::ThreePublicCategory(item.category())],
        C::VehiclePurchaseAmount(Some(_)) => vec![C::VehiclePurchaseAmount(None)],
        C::VehiclePurchaseAmount(None) => {
            vec![C::ThreePublicItem(ThreePublicItem::VehiclePurchase)]
        }
        C::Procurement(ProcurementLine::AwardedToSmallMicro) => {
            vec![C::Procurement(ProcurementLine::AwardedToSme)]
        }
        C::Procurement(line) if *line != ProcurementLine::Total => {
            vec![C::Procurement(ProcurementLine::Total)]
        }
        C::Count(Countable::VehiclesPurchased(Some(_))) => {
            vec![C::Count(Countable::VehiclesPurchased(None))]
        }
        C::Count(Countable::VehiclesHeld(Some(_))) => vec![C::Count(Countable::VehiclesHeld(None))],
        C::Count(Countable::VehiclesByUse(Some(_))) => {
            vec![C::Count(Countable::VehiclesByUse(None))]
        }
        _ => Vec::new(),
    }
}

/// Whether `part` is a part of `whole`, directly or through wholes in between.
pub(crate) fn is_part(whole: &Concept, part: &Concept) -> bool {
    let mut frontier = wholes_of(part);
    // The part-of relation is shallow (at most six steps from a 项 to 支出总计).
    for _ in 0..8 {
        if frontier.contains(whole) {
            return true;
        }
        frontier = frontier.iter().flat_map(wholes_of).collect();
        if frontier.is_empty() {
            return false;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_concept_is_a_part_of_two_wholes() {
        let mut seen: Vec<&Concept> = Vec::new();
        for partition in partitions() {
            for part in &partition.parts {
                assert!(!seen.contains(&part), "{part} 属于两个合计");
                seen.push(part);
            }
        }
    }

    #[test]
    fn a_budget_partitions_only_what_final_accounts_partition() {
        for partition in &table().budget {
            let parts = parts_of(&partition.whole).expect("a whole of the final accounts");
            assert!(partition.parts.iter().all(|p| parts.contains(p)));
        }
    }

    #[test]
    fn sums_are_worded_from_the_parts_names() {
        use DisclosureKind as K;
        let words = |kind, whole| sum_of_parts(kind, &whole).unwrap();
        for (kind, whole, worded) in [
            (
                K::FinalAccounts,
                Concept::IncomeGrandTotal,
                "本年收入合计、使用非财政拨款结余（含专用结余）、年初结转和结余之和",
            ),
            (
                K::Budget,
                Concept::IncomeGrandTotal,
                "本年收入合计、使用非财政拨款结余（含专用结余）、上年结转之和",
            ),
            (K::Budget, Concept::ExpenditureGrandTotal, "本年支出合计"),
            (
                K::FinalAccounts,
                Concept::CurrentIncomeTotal,
                "各项收入之和",
            ),
            (
                K::FinalAccounts,
                Concept::ThreePublicTotal,
                "因公出国（境）费、公务用车购置及运行维护费、公务接待费之和",
            ),
            (
                K::Budget,
                Concept::ThreePublicCategory(ThreePublicCategory::OfficialReception),
                "国内公务接待费、外事接待费之和",
            ),
        ] {
            assert_eq!(words(kind, whole), worded);
        }
        // Every whole is worded, in both kinds, and a sum of several parts as a sum.
        for partition in partitions() {
            for kind in [K::FinalAccounts, K::Budget] {
                let many = parts_in(kind, &partition.whole).unwrap().len() > 1;
                assert_eq!(words(kind, partition.whole.clone()).ends_with("之和"), many);
            }
        }
    }

    #[test]
    fn a_part_is_named_among_its_siblings() {
        let kind = DisclosureKind::FinalAccounts;
        let name = |concept| name_among_parts(kind, &concept);
        let vehicles = ThreePublicCategory::OfficialVehicles;
        assert_eq!(
            name(Concept::ThreePublicCategory(vehicles)),
            "公务用车购置及运行维护费"
        );
        assert_eq!(name(Concept::ThreePublicTotal), "“三公”经费合计");
        assert_eq!(name(Concept::CurrentIncomeTotal), "本年收入合计");
        assert_eq!(name(Concept::Income(IncomeSource::Other)), "其他收入");
        assert_eq!(
            name_among_parts(DisclosureKind::Budget, &Concept::OpeningBalance),
            "上年结转"
        );
    }

    #[test]
    fn every_whole_has_two_parts_or_more() {
        for partition in partitions() {
            assert!(partition.parts.len() >= 2, "{}", partition.whole);
        }
    }
}
