//! The words a narrative names a concept with, where the words alone tell which concept
//! (no fund, section or listing needs to be known): `本年收入合计`, `公务接待费`,
//! `机关运行经费`, `年初结转和结余`, … The reader tries the groups at fixed points of its
//! reading, each group's rows in order, and takes the first row one of whose words the text
//! contains; so a longer phrase comes before a shorter one it contains (`国内公务接待` before
//! `公务接待`). Adding a wording is adding a word to a row.

use crate::dimensions::{ThreePublicCategory as Category, ThreePublicItem as Item};
use crate::report::{Concept, ProcurementLine};

/// A concept and the words that name it.
pub(crate) type NamedConcept = (&'static [&'static str], Concept);

/// The year's totals, named before anything more specific is looked for.
pub(crate) static YEAR_TOTALS: &[NamedConcept] = &[
    (
        &["本年收入合计", "本年收入总计"],
        Concept::CurrentIncomeTotal,
    ),
    (
        &["本年支出合计", "本年支出总计"],
        Concept::CurrentExpenditureTotal,
    ),
];

/// The 三公 categories and items (one at a time: several named together are read before
/// these), 机关运行经费, and the 政府采购 amounts awarded to small firms.
pub(crate) static OTHER_MATTERS: &[NamedConcept] = &[
    (
        &["因公出国", "出国（境）"],
        Concept::ThreePublicCategory(Category::OverseasTravel),
    ),
    (
        &["公务用车购置及运行"],
        Concept::ThreePublicCategory(Category::OfficialVehicles),
    ),
    (
        &["公务用车购置", "购置公务用车"],
        Concept::ThreePublicItem(Item::VehiclePurchase),
    ),
    (
        &["公务用车运行"],
        Concept::ThreePublicItem(Item::VehicleOperation),
    ),
    (
        &["国内公务接待", "国内接待"],
        Concept::ThreePublicItem(Item::DomesticReception),
    ),
    (
        &["外事接待", "外宾接待"],
        Concept::ThreePublicItem(Item::ForeignReception),
    ),
    (
        &["公务接待"],
        Concept::ThreePublicCategory(Category::OfficialReception),
    ),
    (&["三公"], Concept::ThreePublicTotal),
    (&["机关运行经费", "机关运行费"], Concept::OperatingFunds),
    (
        &["授予中小企业"],
        Concept::Procurement(ProcurementLine::AwardedToSme),
    ),
    (
        &["授予小微企业"],
        Concept::Procurement(ProcurementLine::AwardedToSmallMicro),
    ),
];

/// The words that name a vehicle item of 三公经费 only inside a listing of the 公务用车购置及运行
/// 维护费 category, where what is bought or run is known to be its vehicles
/// (`公务用车购置及运行维护费X（其中：购置费a，运行维护费b）`). Matched whole, not contained.
pub(crate) static VEHICLE_ITEMS_OF_THE_CATEGORY: &[NamedConcept] = &[
    (
        &["购置费", "购置", "车辆购置费", "公车购置费"],
        Concept::ThreePublicItem(Item::VehiclePurchase),
    ),
    (
        &[
            "运行维护费",
            "运行费",
            "运行维护",
            "车辆运行维护费",
            "车辆运行费",
            "公车运行维护费",
            "公车运行费",
        ],
        Concept::ThreePublicItem(Item::VehicleOperation),
    ),
];

/// The words that name a vehicle item inside a listing of 三公经费 itself
/// (`“三公”经费合计31.23万元，其中：公务接待费1.58万元，车辆运行费28.91万元`): the words of
/// [`VEHICLE_ITEMS_OF_THE_CATEGORY`] that say they are of vehicles. Matched whole.
pub(crate) static VEHICLE_ITEMS_OF_THE_TOTAL: &[NamedConcept] = &[
    (
        &["车辆购置费", "公车购置费"],
        Concept::ThreePublicItem(Item::VehiclePurchase),
    ),
    (
        &[
            "车辆运行维护费",
            "车辆运行费",
            "公车运行维护费",
            "公车运行费",
        ],
        Concept::ThreePublicItem(Item::VehicleOperation),
    ),
];

/// The concept of the row one of whose words is the whole of `words`.
pub(crate) fn named_exactly(
    group: &'static [NamedConcept],
    words: &str,
) -> Option<&'static Concept> {
    group
        .iter()
        .find(|(names, _)| names.contains(&words))
        .map(|(_, concept)| concept)
}

/// The balances and lines of the summary table, named after the income sources.
pub(crate) static SUMMARY_LINES: &[NamedConcept] = &[
    (&["年初结转", "上年结转"], Concept::OpeningBalance),
    (&["年末结转", "年末结余"], Concept::ClosingBalance),
    (
        &["使用非财政拨款结余"],
        Concept::UseOfNonAppropriationBalance,
    ),
    (&["结余分配"], Concept::BalanceDistribution),
    (&["财政拨款收入"], Concept::AppropriationIncome),
];

/// The grand totals, named after the kinds of expenditure.
pub(crate) static GRAND_TOTALS: &[NamedConcept] = &[
    (&["收入总计"], Concept::IncomeGrandTotal),
    (&["支出总计"], Concept::ExpenditureGrandTotal),
];

/// The concept of the first row of `group` one of whose words `text` contains.
pub(crate) fn named_in(group: &'static [NamedConcept], text: &str) -> Option<&'static Concept> {
    group
        .iter()
        .find(|(words, _)| words.iter().any(|w| text.contains(w)))
        .map(|(_, concept)| concept)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Within a group a word never contains a later row's word unless its row comes first, so
    /// no row is shadowed by a shorter one before it.
    #[test]
    fn a_longer_wording_comes_before_a_shorter_one_it_contains() {
        for group in [YEAR_TOTALS, OTHER_MATTERS, SUMMARY_LINES, GRAND_TOTALS] {
            for (i, (words, _)) in group.iter().enumerate() {
                for (earlier, _) in &group[..i] {
                    for word in *words {
                        assert!(
                            !earlier.iter().any(|e| word.contains(e)),
                            "“{word}” is shadowed by an earlier row"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn words_name_their_concepts() {
        assert_eq!(
            named_in(OTHER_MATTERS, "2024年国内公务接待费支出"),
            Some(&Concept::ThreePublicItem(Item::DomesticReception))
        );
        assert_eq!(
            named_in(OTHER_MATTERS, "公务接待费"),
            Some(&Concept::ThreePublicCategory(Category::OfficialReception))
        );
        assert_eq!(
            named_in(SUMMARY_LINES, "上年结转"),
            Some(&Concept::OpeningBalance)
        );
        assert_eq!(named_in(GRAND_TOTALS, "本年收入合计"), None);
    }
}
