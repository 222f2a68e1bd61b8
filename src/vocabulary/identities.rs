//! Which concepts add up to which: the partitions of the model's wholes, as rows.
//!
//! A [`Partition`] says that a whole is exactly the sum of its parts, with nothing left over
//! (收入合计 is the sum of its sources; 基本支出 is 人员经费 plus 公用经费). The checker's
//! narrative rules read it to compare a stated total with its stated parts, to imply a total
//! that is not printed from parts that are, to hold the shares of one whole to 100%, and to
//! hold the changes of the parts to the change of the whole. The 功能分类 hierarchy (类 → 款 →
//! 项) is a partition too, but of codes: the catalog gives it, not this table.

use std::sync::OnceLock;

use crate::dimensions::{BasicExpenditureClass, ExpenditureKind, FundType, IncomeSource};
use crate::report::{Concept, ProcurementLine};
use crate::three_public::ThreePublicCategory;

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
/// use fiscal_cn::{partitions, Concept, ThreePublicCategory};
///
/// let three_public = partitions()
///     .iter()
///     .find(|p| p.whole == Concept::ThreePublicTotal)
///     .unwrap();
/// assert_eq!(three_public.parts.len(), ThreePublicCategory::ALL.len());
/// ```
#[must_use]
pub fn partitions() -> &'static [Partition] {
    static PARTITIONS: OnceLock<Vec<Partition>> = OnceLock::new();
    PARTITIONS.get_or_init(build)
}

/// The parts of `whole`, when the model knows them all.
///
/// ```
/// use fiscal_cn::{parts_of, Concept, FundType};
///
/// let gpb = FundType::GeneralPublicBudget;
/// let parts = parts_of(&Concept::FundExpenditure(gpb)).unwrap();
/// assert!(parts.contains(&Concept::FundProjectExpenditure(gpb)));
/// assert!(parts_of(&Concept::Other("培训费".into())).is_none());
/// ```
#[must_use]
pub fn parts_of(whole: &Concept) -> Option<&'static [Concept]> {
    partitions()
        .iter()
        .find(|p| &p.whole == whole)
        .map(|p| p.parts.as_slice())
}

/// The whole `part` is a part of, when the model knows one.
///
/// ```
/// use fiscal_cn::{whole_of, Concept, ThreePublicCategory};
///
/// let hosting = Concept::ThreePublicCategory(ThreePublicCategory::OfficialReception);
/// assert_eq!(whole_of(&hosting), Some(&Concept::ThreePublicTotal));
/// ```
#[must_use]
pub fn whole_of(part: &Concept) -> Option<&'static Concept> {
    partitions()
        .iter()
        .find(|p| p.parts.contains(part))
        .map(|p| &p.whole)
}

fn build() -> Vec<Partition> {
    let row = |whole: Concept, parts: Vec<Concept>| Partition { whole, parts };
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
    fn every_whole_has_two_parts_or_more() {
        for partition in partitions() {
            assert!(partition.parts.len() >= 2, "{}", partition.whole);
        }
    }
}
