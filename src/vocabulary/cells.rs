//! Which table cells print which [`Concept`]: one table, read both ways.
//!
//! The checker looks a stated figure's concept up here to find the cells to compare it with
//! ([`cells_of`]); an importer looks a cell up to name the concept of a figure that repeats it
//! ([`concept_of_cell`]). Adding a place where a concept is printed is adding a row to
//! [`CONCEPT_CELLS`].

use std::sync::OnceLock;

use crate::classification::FunctionCode;
use crate::dimensions::{BasicExpenditureClass, ExpenditureKind, FundType, IncomeSource};
use crate::dimensions::{ThreePublicCategory, ThreePublicItem};
use crate::report::{Column, Concept, Line, ProcurementLine, RowKey, TableKind};

/// What the cells of one [`ConceptCell`] print.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum CellSubject {
    /// One concept, printed in one row.
    Concept(Concept, RowKey),
    /// Every 功能分类 row of the table: the row of code `c` prints
    /// [`Concept::FundFunctionExpenditure`] of this fund and `c`.
    FunctionRows(FundType),
    /// Every 功能分类 row of the table: the row of code `c` prints
    /// [`Concept::FunctionExpenditure`] of `c`, the department's spending on it from every
    /// source.
    AllSourcesFunctionRows,
}

/// One place where a concept is printed: the table, what its row prints, and the column.
///
/// The cell in the same row's 预算数 or 全年预算数 column (when the table prints one) is that
/// concept's budget.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ConceptCell {
    /// The concept and the row (or rows) that print it.
    pub subject: CellSubject,
    /// The table.
    pub table: TableKind,
    /// The column.
    pub column: Column,
}

impl ConceptCell {
    /// The cell of this row that prints `concept`, if it does.
    fn cell_for(&self, concept: &Concept) -> Option<(TableKind, RowKey, Column)> {
        let row = match (&self.subject, concept) {
            (CellSubject::Concept(printed, row), _) if printed == concept => row.clone(),
            (
                CellSubject::FunctionRows(fund),
                Concept::FundFunctionExpenditure { fund: wanted, code },
            ) if fund == wanted => RowKey::Function(*code),
            (CellSubject::AllSourcesFunctionRows, Concept::FunctionExpenditure(code)) => {
                RowKey::Function(*code)
            }
            _ => return None,
        };
        Some((self.table, row, self.column))
    }

    /// The concept this row prints at `row`, ignoring the column.
    fn concept_at(&self, table: TableKind, row: &RowKey) -> Option<Concept> {
        if table != self.table {
            return None;
        }
        match (&self.subject, row) {
            (CellSubject::Concept(concept, printed), _) if printed == row => Some(concept.clone()),
            (CellSubject::FunctionRows(fund), RowKey::Function(code)) => {
                Some(Concept::FundFunctionExpenditure {
                    fund: *fund,
                    code: *code,
                })
            }
            (CellSubject::AllSourcesFunctionRows, RowKey::Function(code)) => {
                Some(Concept::FunctionExpenditure(*code))
            }
            _ => None,
        }
    }
}

const fn at(concept: Concept, table: TableKind, row: RowKey, column: Column) -> ConceptCell {
    ConceptCell {
        subject: CellSubject::Concept(concept, row),
        table,
        column,
    }
}

const fn each_function(fund: FundType, table: TableKind, column: Column) -> ConceptCell {
    ConceptCell {
        subject: CellSubject::FunctionRows(fund),
        table,
        column,
    }
}

const fn line(line: Line) -> RowKey {
    RowKey::Line(line)
}

const TOTAL: RowKey = RowKey::Line(Line::Total);
const GPB: FundType = FundType::GeneralPublicBudget;
const GF: FundType = FundType::GovernmentFund;
const SC: FundType = FundType::StateCapitalOperation;

/// The income source of a fund type, in a constant.
const fn income_of(fund: FundType) -> Concept {
    Concept::Income(match fund {
        FundType::GeneralPublicBudget => IncomeSource::GeneralBudgetAppropriation,
        FundType::GovernmentFund => IncomeSource::GovernmentFundAppropriation,
        FundType::StateCapitalOperation => IncomeSource::StateCapitalAppropriation,
    })
}

/// An income source's line in the summary table.
const fn income_line(source: IncomeSource) -> ConceptCell {
    at(
        Concept::Income(source),
        TableKind::Summary,
        RowKey::Income(source),
        Column::Amount,
    )
}

/// An income source's column in the 收入决算表's 合计 row.
const fn income_column(source: IncomeSource, column: Column) -> ConceptCell {
    at(Concept::Income(source), TableKind::Income, TOTAL, column)
}

/// Every place where a concept is printed, grouped by concept; within a concept, the place
/// to compare with first comes first.
///
/// Both [`cells_of`] and [`concept_of_cell`] read this table, and no (table, row, column) is
/// listed twice.
///
/// Places are named by the final-accounts tables. A budget prints the same concept in the
/// [counterpart](TableKind::counterpart) table, with this year's budget (预算数,
/// [`Column::Budget`]) where the final accounts print the amount spent ([`Column::Amount`]):
/// the checker looks a budget's figures up there.
///
/// ```
/// use fiscal_cn::{report::{Concept, TableKind}, vocabulary::{CONCEPT_CELLS, CellSubject}};
///
/// let three_public = CONCEPT_CELLS
///     .iter()
///     .filter(|cell| cell.table == TableKind::ThreePublic)
///     .count();
/// assert_eq!(three_public, 9); // 合计, 3 categories, 5 items
/// assert!(CONCEPT_CELLS.iter().any(|cell| matches!(
///     &cell.subject,
///     CellSubject::Concept(Concept::ThreePublicTotal, _)
/// )));
/// ```
pub static CONCEPT_CELLS: &[ConceptCell] = &[
    // ------------------------------------------------ 收入支出决算总表 and its totals
    at(
        Concept::IncomeGrandTotal,
        TableKind::Summary,
        line(Line::IncomeGrandTotal),
        Column::Amount,
    ),
    at(
        Concept::ExpenditureGrandTotal,
        TableKind::Summary,
        line(Line::ExpenditureGrandTotal),
        Column::Amount,
    ),
    at(
        Concept::CurrentIncomeTotal,
        TableKind::Summary,
        line(Line::CurrentIncomeTotal),
        Column::Amount,
    ),
    at(
        Concept::CurrentIncomeTotal,
        TableKind::Income,
        TOTAL,
        Column::Total,
    ),
    at(
        Concept::CurrentExpenditureTotal,
        TableKind::Summary,
        line(Line::CurrentExpenditureTotal),
        Column::Amount,
    ),
    at(
        Concept::CurrentExpenditureTotal,
        TableKind::Expenditure,
        TOTAL,
        Column::Total,
    ),
    ConceptCell {
        subject: CellSubject::AllSourcesFunctionRows,
        table: TableKind::Summary,
        column: Column::Amount,
    },
    ConceptCell {
        subject: CellSubject::AllSourcesFunctionRows,
        table: TableKind::Expenditure,
        column: Column::Total,
    },
    income_line(IncomeSource::GeneralBudgetAppropriation),
    income_column(
        IncomeSource::GeneralBudgetAppropriation,
        Column::GeneralBudget,
    ),
    at(
        income_of(GPB),
        TableKind::AppropriationSummary,
        RowKey::Fund(GPB),
        Column::Amount,
    ),
    income_line(IncomeSource::GovernmentFundAppropriation),
    income_column(
        IncomeSource::GovernmentFundAppropriation,
        Column::GovernmentFund,
    ),
    at(
        income_of(GF),
        TableKind::AppropriationSummary,
        RowKey::Fund(GF),
        Column::Amount,
    ),
    at(
        income_of(GF),
        TableKind::GovernmentFund,
        TOTAL,
        Column::CurrentIncome,
    ),
    income_line(IncomeSource::StateCapitalAppropriation),
    income_column(
        IncomeSource::StateCapitalAppropriation,
        Column::StateCapital,
    ),
    at(
        income_of(SC),
        TableKind::AppropriationSummary,
        RowKey::Fund(SC),
        Column::Amount,
    ),
    at(
        income_of(SC),
        TableKind::StateCapital,
        TOTAL,
        Column::CurrentIncome,
    ),
    income_line(IncomeSource::HigherLevelSubsidy),
    income_column(IncomeSource::HigherLevelSubsidy, Column::HigherLevelSubsidy),
    income_line(IncomeSource::InstitutionRevenue),
    income_column(IncomeSource::InstitutionRevenue, Column::InstitutionRevenue),
    income_line(IncomeSource::BusinessRevenue),
    income_column(IncomeSource::BusinessRevenue, Column::BusinessRevenue),
    income_line(IncomeSource::SubordinateRemittance),
    income_column(
        IncomeSource::SubordinateRemittance,
        Column::SubordinateRemittance,
    ),
    income_line(IncomeSource::Other),
    income_column(IncomeSource::Other, Column::OtherIncome),
    income_line(IncomeSource::FiscalSpecialAccount),
    income_column(
        IncomeSource::FiscalSpecialAccount,
        Column::FiscalSpecialAccount,
    ),
    income_line(IncomeSource::UnitFunds),
    income_column(IncomeSource::UnitFunds, Column::UnitFunds),
    at(
        Concept::Expenditure(ExpenditureKind::Basic),
        TableKind::Expenditure,
        TOTAL,
        Column::Basic,
    ),
    at(
        Concept::Expenditure(ExpenditureKind::Project),
        TableKind::Expenditure,
        TOTAL,
        Column::Project,
    ),
    at(
        Concept::Expenditure(ExpenditureKind::RemittanceToHigher),
        TableKind::Expenditure,
        TOTAL,
        Column::RemittanceToHigher,
    ),
    at(
        Concept::Expenditure(ExpenditureKind::Business),
        TableKind::Expenditure,
        TOTAL,
        Column::BusinessExpenditure,
    ),
    at(
        Concept::Expenditure(ExpenditureKind::SubsidyToSubordinate),
        TableKind::Expenditure,
        TOTAL,
        Column::SubsidyToSubordinate,
    ),
    at(
        Concept::OpeningBalance,
        TableKind::Summary,
        line(Line::OpeningBalance),
        Column::Amount,
    ),
    at(
        Concept::ClosingBalance,
        TableKind::Summary,
        line(Line::ClosingBalance),
        Column::Amount,
    ),
    at(
        Concept::UseOfNonAppropriationBalance,
        TableKind::Summary,
        line(Line::UseOfNonAppropriationBalance),
        Column::Amount,
    ),
    at(
        Concept::BalanceDistribution,
        TableKind::Summary,
        line(Line::BalanceDistribution),
        Column::Amount,
    ),
    // ------------------------------------------------ 财政拨款收入支出决算总表
    at(
        Concept::AppropriationIncome,
        TableKind::AppropriationSummary,
        line(Line::CurrentIncomeTotal),
        Column::Amount,
    ),
    at(
        Concept::AppropriationIncome,
        TableKind::Income,
        TOTAL,
        Column::Appropriation,
    ),
    at(
        Concept::AppropriationIncomeGrandTotal,
        TableKind::AppropriationSummary,
        line(Line::IncomeGrandTotal),
        Column::Amount,
    ),
    at(
        Concept::AppropriationExpenditureGrandTotal,
        TableKind::AppropriationSummary,
        line(Line::ExpenditureGrandTotal),
        Column::Total,
    ),
    at(
        Concept::AppropriationExpenditure,
        TableKind::AppropriationSummary,
        line(Line::CurrentExpenditureTotal),
        Column::Total,
    ),
    // ------------------------------------------------ 一般公共预算财政拨款
    at(
        Concept::FundExpenditure(GPB),
        TableKind::GeneralBudgetExpenditure,
        TOTAL,
        Column::Total,
    ),
    at(
        Concept::FundExpenditure(GPB),
        TableKind::AppropriationSummary,
        line(Line::CurrentExpenditureTotal),
        Column::GeneralBudget,
    ),
    each_function(GPB, TableKind::GeneralBudgetExpenditure, Column::Total),
    each_function(GPB, TableKind::AppropriationSummary, Column::GeneralBudget),
    at(
        Concept::FundBasicExpenditure(GPB),
        TableKind::GeneralBudgetExpenditure,
        TOTAL,
        Column::Basic,
    ),
    at(
        Concept::FundBasicExpenditure(GPB),
        TableKind::BasicExpenditure,
        TOTAL,
        Column::Amount,
    ),
    at(
        Concept::FundProjectExpenditure(GPB),
        TableKind::GeneralBudgetExpenditure,
        TOTAL,
        Column::Project,
    ),
    at(
        Concept::FundBasicClass {
            fund: GPB,
            class: BasicExpenditureClass::Personnel,
        },
        TableKind::BasicExpenditure,
        line(Line::PersonnelTotal),
        Column::Amount,
    ),
    at(
        Concept::FundBasicClass {
            fund: GPB,
            class: BasicExpenditureClass::Public,
        },
        TableKind::BasicExpenditure,
        line(Line::PublicTotal),
        Column::Amount,
    ),
    // ------------------------------------------------ 政府性基金预算财政拨款
    at(
        Concept::FundExpenditure(GF),
        TableKind::AppropriationSummary,
        line(Line::CurrentExpenditureTotal),
        Column::GovernmentFund,
    ),
    at(
        Concept::FundExpenditure(GF),
        TableKind::GovernmentFund,
        TOTAL,
        Column::CurrentExpenditure,
    ),
    each_function(GF, TableKind::AppropriationSummary, Column::GovernmentFund),
    each_function(GF, TableKind::GovernmentFund, Column::CurrentExpenditure),
    at(
        Concept::FundBasicExpenditure(GF),
        TableKind::GovernmentFund,
        TOTAL,
        Column::Basic,
    ),
    at(
        Concept::FundProjectExpenditure(GF),
        TableKind::GovernmentFund,
        TOTAL,
        Column::Project,
    ),
    // ------------------------------------------------ 国有资本经营预算财政拨款
    at(
        Concept::FundExpenditure(SC),
        TableKind::AppropriationSummary,
        line(Line::CurrentExpenditureTotal),
        Column::StateCapital,
    ),
    at(
        Concept::FundExpenditure(SC),
        TableKind::StateCapital,
        TOTAL,
        Column::CurrentExpenditure,
    ),
    each_function(SC, TableKind::AppropriationSummary, Column::StateCapital),
    each_function(SC, TableKind::StateCapital, Column::CurrentExpenditure),
    at(
        Concept::FundBasicExpenditure(SC),
        TableKind::StateCapital,
        TOTAL,
        Column::Basic,
    ),
    at(
        Concept::FundProjectExpenditure(SC),
        TableKind::StateCapital,
        TOTAL,
        Column::Project,
    ),
    // ------------------------------------------------ 财政拨款“三公”经费支出决算表
    at(
        Concept::ThreePublicTotal,
        TableKind::ThreePublic,
        TOTAL,
        Column::Amount,
    ),
    three_public_category(ThreePublicCategory::OverseasTravel),
    three_public_category(ThreePublicCategory::OfficialVehicles),
    three_public_category(ThreePublicCategory::OfficialReception),
    three_public_item(ThreePublicItem::OverseasTravel),
    three_public_item(ThreePublicItem::VehiclePurchase),
    three_public_item(ThreePublicItem::VehicleOperation),
    three_public_item(ThreePublicItem::DomesticReception),
    three_public_item(ThreePublicItem::ForeignReception),
    procurement(ProcurementLine::Total, Column::Total),
    procurement(ProcurementLine::Goods, Column::ProcurementGoods),
    procurement(ProcurementLine::Works, Column::ProcurementWorks),
    procurement(ProcurementLine::Services, Column::ProcurementServices),
];

/// A 政府采购 line in the 合计 row of a budget's 政府采购预算表.
const fn procurement(line: ProcurementLine, column: Column) -> ConceptCell {
    at(
        Concept::Procurement(line),
        TableKind::Procurement,
        TOTAL,
        column,
    )
}

const fn three_public_category(category: ThreePublicCategory) -> ConceptCell {
    at(
        Concept::ThreePublicCategory(category),
        TableKind::ThreePublic,
        RowKey::ThreePublicCategory(category),
        Column::Amount,
    )
}

const fn three_public_item(item: ThreePublicItem) -> ConceptCell {
    at(
        Concept::ThreePublicItem(item),
        TableKind::ThreePublic,
        RowKey::ThreePublicItem(item),
        Column::Amount,
    )
}

/// The cells that print `concept`, in the order to compare with them (the first printed one
/// is the figure's table counterpart). Empty for a concept no table prints.
///
/// ```
/// use fiscal_cn::{report::{Column, Concept, Line, RowKey, TableKind}, vocabulary::cells_of};
///
/// let places: Vec<_> = cells_of(&Concept::CurrentIncomeTotal).collect();
/// assert_eq!(places, [
///     (TableKind::Summary, RowKey::Line(Line::CurrentIncomeTotal), Column::Amount),
///     (TableKind::Income, RowKey::Line(Line::Total), Column::Total),
/// ]);
/// assert_eq!(cells_of(&Concept::OperatingFunds).count(), 0);
/// ```
pub fn cells_of(concept: &Concept) -> impl Iterator<Item = (TableKind, RowKey, Column)> + '_ {
    by_variant()[variant_index(concept)]
        .iter()
        .filter_map(|cell| cell.cell_for(concept))
}

/// How many variants [`Concept`] has: the length of [`by_variant`]'s table.
const VARIANTS: usize = 31;

/// The position of `concept`'s variant among [`Concept`]'s variants (an index, no meaning:
/// the match is exhaustive, so a new variant must be given one here).
fn variant_index(concept: &Concept) -> usize {
    match concept {
        Concept::IncomeGrandTotal => 0,
        Concept::ExpenditureGrandTotal => 1,
        Concept::CurrentIncomeTotal => 2,
        Concept::CurrentExpenditureTotal => 3,
        Concept::Income(_) => 4,
        Concept::Expenditure(_) => 5,
        Concept::OpeningBalance => 6,
        Concept::ClosingBalance => 7,
        Concept::UseOfNonAppropriationBalance => 8,
        Concept::BalanceDistribution => 9,
        Concept::AppropriationIncome => 10,
        Concept::AppropriationIncomeGrandTotal => 11,
        Concept::AppropriationExpenditureGrandTotal => 12,
        Concept::FundExpenditure(_) => 13,
        Concept::FundFunctionExpenditure { .. } => 14,
        Concept::FundBasicExpenditure(_) => 15,
        Concept::FundProjectExpenditure(_) => 16,
        Concept::FundBasicClass { .. } => 17,
        Concept::ThreePublicTotal => 18,
        Concept::ThreePublicCategory(_) => 19,
        Concept::ThreePublicItem(_) => 20,
        Concept::VehiclePurchaseAmount(_) => 21,
        Concept::OperatingFunds => 22,
        Concept::Procurement(_) => 23,
        Concept::Count(_) => 24,
        Concept::Project(_) => 25,
        Concept::ReportYear => 26,
        Concept::Other(_) => 27,
        Concept::FunctionExpenditure(_) => 28,
        Concept::AppropriationExpenditure => 29,
        Concept::BasicEconomicClass { .. } => 30,
    }
}

/// The rows of [`CONCEPT_CELLS`] by the variant of the concept they print (by
/// [`variant_index`]), in table order: the checker asks [`cells_of`] for every figure it
/// compares with the tables, and a look-up then compares the few rows of one variant instead
/// of all of them.
fn by_variant() -> &'static [Vec<&'static ConceptCell>; VARIANTS] {
    static GROUPS: OnceLock<[Vec<&'static ConceptCell>; VARIANTS]> = OnceLock::new();
    GROUPS.get_or_init(|| {
        let mut groups: [Vec<&'static ConceptCell>; VARIANTS] = std::array::from_fn(|_| Vec::new());
        for cell in CONCEPT_CELLS {
            let variant = match &cell.subject {
                CellSubject::Concept(concept, _) => variant_index(concept),
                CellSubject::FunctionRows(fund) => {
                    variant_index(&Concept::FundFunctionExpenditure {
                        fund: *fund,
                        code: FunctionCode::from_u32(201).expect("201 is a 类 code"),
                    })
                }
                CellSubject::AllSourcesFunctionRows => {
                    variant_index(&Concept::FunctionExpenditure(
                        FunctionCode::from_u32(201).expect("201 is a 类 code"),
                    ))
                }
            };
            groups[variant].push(cell);
        }
        groups
    })
}

/// The concept a table cell prints, when the vocabulary knows one.
///
/// A cell in a 预算数 or 全年预算数 column prints the budget of the concept its row prints, when
/// the row prints exactly one concept (so the 三公 table's 预算数 of 公务接待费 is
/// [`Concept::ThreePublicCategory`] as well; whether a figure is a budget is its
/// [`StatedValue`](crate::report::StatedValue)'s business).
///
/// ```
/// use fiscal_cn::dimensions::{FundType, IncomeSource};
/// use fiscal_cn::report::{Column, Concept, Line, RowKey, TableKind};
/// use fiscal_cn::vocabulary::concept_of_cell;
///
/// let total = RowKey::Line(Line::Total);
/// assert_eq!(
///     concept_of_cell(TableKind::Income, &total, Column::OtherIncome),
///     Some(Concept::Income(IncomeSource::Other)),
/// );
/// assert_eq!(
///     concept_of_cell(TableKind::GeneralBudgetExpenditure, &RowKey::Function("213".parse()?), Column::Total),
///     Some(Concept::FundFunctionExpenditure {
///         fund: FundType::GeneralPublicBudget,
///         code: "213".parse()?,
///     }),
/// );
/// assert_eq!(concept_of_cell(TableKind::ThreePublic, &total, Column::Budget), Some(Concept::ThreePublicTotal));
/// assert_eq!(concept_of_cell(TableKind::Income, &total, Column::Budget), None); // many concepts
/// # Ok::<(), fiscal_cn::Error>(())
/// ```
#[must_use]
pub fn concept_of_cell(table: TableKind, row: &RowKey, column: Column) -> Option<Concept> {
    let mut in_row = CONCEPT_CELLS
        .iter()
        .filter_map(|cell| Some((cell.concept_at(table, row)?, cell.column)));
    if !matches!(column, Column::Budget | Column::AdjustedBudget) {
        return in_row.find_map(|(concept, printed)| (printed == column).then_some(concept));
    }
    let first = in_row.next()?.0;
    in_row.all(|(concept, _)| concept == first).then_some(first)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(text: &str) -> FunctionCode {
        text.parse().unwrap()
    }

    #[test]
    fn no_cell_is_listed_twice() {
        let probe = |cell: &ConceptCell| match &cell.subject {
            CellSubject::Concept(_, row) => (cell.table, row.clone(), cell.column),
            CellSubject::FunctionRows(_) | CellSubject::AllSourcesFunctionRows => {
                (cell.table, RowKey::Function(code("201")), cell.column)
            }
        };
        for (i, a) in CONCEPT_CELLS.iter().enumerate() {
            for b in &CONCEPT_CELLS[i + 1..] {
                assert_ne!(probe(a), probe(b), "{a:?} and {b:?}");
            }
        }
    }

    #[test]
    fn every_place_reads_back_to_its_concept() {
        for cell in CONCEPT_CELLS {
            let (concept, row) = match &cell.subject {
                CellSubject::Concept(concept, row) => (concept.clone(), row.clone()),
                CellSubject::FunctionRows(fund) => (
                    Concept::FundFunctionExpenditure {
                        fund: *fund,
                        code: code("2130599"),
                    },
                    RowKey::Function(code("2130599")),
                ),
                CellSubject::AllSourcesFunctionRows => (
                    Concept::FunctionExpenditure(code("2130599")),
                    RowKey::Function(code("2130599")),
                ),
            };
            assert_eq!(
                concept_of_cell(cell.table, &row, cell.column),
                Some(concept.clone())
            );
            assert!(
                cells_of(&concept).any(|place| place == (cell.table, row.clone(), cell.column))
            );
        }
    }

    #[test]
    fn every_income_source_and_expenditure_kind_has_its_column() {
        let total = RowKey::Line(Line::Total);
        for source in IncomeSource::ALL {
            assert!(cells_of(&Concept::Income(*source)).any(|cell| cell
                == (
                    TableKind::Income,
                    total.clone(),
                    Column::of_income_source(*source)
                )));
        }
        for kind in ExpenditureKind::ALL {
            assert_eq!(
                concept_of_cell(
                    TableKind::Expenditure,
                    &total,
                    Column::of_expenditure_kind(*kind)
                ),
                Some(Concept::Expenditure(*kind))
            );
        }
        for fund in FundType::ALL {
            assert_eq!(income_of(*fund), Concept::Income(fund.income_source()));
        }
    }

    #[test]
    fn order_puts_the_first_table_first() {
        let places: Vec<_> = cells_of(&Concept::FundExpenditure(GPB)).collect();
        assert_eq!(places[0].0, TableKind::GeneralBudgetExpenditure);
        assert_eq!(places[1].0, TableKind::AppropriationSummary);
        let by_code: Vec<_> = cells_of(&Concept::FundFunctionExpenditure {
            fund: GF,
            code: code("212"),
        })
        .collect();
        assert_eq!(
            by_code,
            [
                (
                    TableKind::AppropriationSummary,
                    RowKey::Function(code("212")),
                    Column::GovernmentFund
                ),
                (
                    TableKind::GovernmentFund,
                    RowKey::Function(code("212")),
                    Column::CurrentExpenditure
                ),
            ]
        );
    }

    #[test]
    fn cells_nobody_prints_have_no_concept() {
        let total = RowKey::Line(Line::Total);
        assert_eq!(
            concept_of_cell(TableKind::ProjectExpenditure, &total, Column::Amount),
            None
        );
        assert_eq!(
            concept_of_cell(TableKind::Summary, &total, Column::Amount),
            None
        );
        assert_eq!(cells_of(&Concept::Other("机关运行经费".into())).count(), 0);
    }
}
