//! 汇总: consolidating the published tables of several units into one report.

use rust_decimal::Decimal;

use crate::error::Operation;
use crate::error::{DisclosureId, Error, Mismatch, Result};
use crate::money::{Amount, Unit};
use crate::parallel;
use crate::precision::power_of_ten;

use super::{Cells, Column, Disclosure, Entity, Row, RowKey, Table, TableKind};

/// One kind of table under consolidation: its rows in the order first seen, and where each
/// key's row is.
#[derive(Default)]
struct TableSum {
    rows: Vec<RowSum>,
    /// Row positions by key. A consolidation adds up hundreds of thousands of tables of a
    /// few hundred rows each; a hash look-up per row cost a fraction of a search in a tree
    /// ordered by `RowKey` (whose comparisons are not cheap), and the rows are put in key order
    /// once, at the end.
    positions: rustc_hash::FxHashMap<RowKey, usize>,
    /// The position after the row last asked for: the guess for the next one.
    next: usize,
}

/// One consolidated row under construction: each printed column's sum as an exact integer
/// count of `10^-scale`, the scale being the largest of the amounts added (what a `Decimal`
/// sum's scale is). Integer sums cost a small fraction of `Decimal` additions, which were most
/// of a consolidation.
struct RowSum {
    key: RowKey,
    name: String,
    /// Bit `c` is set when column `Column::ALL[c]` has an amount.
    printed: u32,
    scales: [u32; Column::ALL.len()],
    sums: [i128; Column::ALL.len()],
}

impl RowSum {
    fn new(key: RowKey) -> Self {
        RowSum {
            key,
            name: String::new(),
            printed: 0,
            scales: [0; Column::ALL.len()],
            sums: [0; Column::ALL.len()],
        }
    }

    /// Adds `mantissa · 10^-scale` to the sum of column `c` (its place in `Column::ALL`),
    /// exactly; `None` when the sum leaves `i128`.
    #[inline]
    fn add(&mut self, c: usize, mantissa: i128, scale: u32) -> Option<()> {
        if self.printed & (1 << c) == 0 {
            self.printed |= 1 << c;
            self.sums[c] = mantissa;
            self.scales[c] = scale;
            return Some(());
        }
        let held = self.scales[c];
        if scale == held {
            self.sums[c] = self.sums[c].checked_add(mantissa)?;
        } else if scale > held {
            self.scales[c] = scale;
            self.sums[c] = self.sums[c]
                .checked_mul(power_of_ten(scale - held)?)?
                .checked_add(mantissa)?;
        } else if mantissa != 0 {
            // Adding zero changes nothing; every zero comes here with scale 0 (see `TableSum::add`).
            self.sums[c] =
                self.sums[c].checked_add(mantissa.checked_mul(power_of_ten(held - scale)?)?)?;
        }
        Some(())
    }

    /// The row with its sums as `Decimal`s; an error when a sum does not fit one (beyond
    /// 28 digits, where `Decimal` addition would have rounded).
    fn into_row(self) -> Result<Row> {
        let mut row = Row::new(self.key, self.name);
        row.values = Cells::with_capacity(self.printed.count_ones() as usize);
        let mut bits = self.printed;
        while bits != 0 {
            let c = bits.trailing_zeros() as usize;
            bits &= bits - 1;
            let sum = Decimal::try_from_i128_with_scale(self.sums[c], self.scales[c])
                .map_err(|_| overflow())?;
            row.values.insert(Column::ALL[c], sum);
        }
        Ok(row)
    }
}

/// The error of a sum too large to hold.
fn overflow() -> Error {
    Error::Overflow {
        operation: Operation::Consolidation,
    }
}

impl TableSum {
    /// The row of `key`, added (unnamed, with no sums) when new.
    fn row(&mut self, key: &RowKey) -> &mut RowSum {
        // Reports made from one template print their rows in one order, so the row after the
        // last one found is most often the one asked for: one key comparison instead of a
        // hash look-up.
        let position = if self.rows.get(self.next).is_some_and(|row| row.key == *key) {
            self.next
        } else {
            match self.positions.get(key) {
                Some(&position) => position,
                None => {
                    self.positions.insert(key.clone(), self.rows.len());
                    self.rows.push(RowSum::new(key.clone()));
                    self.rows.len() - 1
                }
            }
        };
        self.next = position + 1;
        &mut self.rows[position]
    }

    /// Adds every printed cell of `table`, converted exactly to `unit`.
    fn add(&mut self, table: &Table, unit: Unit) -> Result<()> {
        for row in &table.rows {
            let sum = self.row(&row.key);
            if sum.name.is_empty() {
                sum.name.clone_from(&row.name);
            }
            for (column, value) in &row.values {
                // An amount already in `unit` converts to itself, digits and scale, except a
                // zero, which the conversion (a multiplication by 1) makes a plain 0. No
                // converted amount is a negative zero, and `Decimal` sums that come to zero
                // are positive zeros: integer sums give the same digits and signs.
                let value = match (table.unit == unit, value.is_zero()) {
                    (true, false) => value,
                    (true, true) => Decimal::ZERO,
                    (false, _) => Amount::new(value, table.unit).to_unit(unit)?.value(),
                };
                sum.add(column as usize, value.mantissa(), value.scale())
                    .ok_or_else(overflow)?;
            }
        }
        Ok(())
    }

    /// Adds the rows of `other`, a sum of later reports, to these.
    fn merge(&mut self, other: TableSum) -> Result<()> {
        for row in other.rows {
            let sum = self.row(&row.key);
            if sum.name.is_empty() {
                sum.name = row.name;
            }
            let mut bits = row.printed;
            while bits != 0 {
                let c = bits.trailing_zeros() as usize;
                bits &= bits - 1;
                sum.add(c, row.sums[c], row.scales[c])
                    .ok_or_else(overflow)?;
            }
        }
        Ok(())
    }

    /// The consolidated rows in key order.
    fn into_rows(self) -> Result<Vec<Row>> {
        let mut rows = self.rows;
        // Keys are unique, so the order is total.
        rows.sort_unstable_by(|a, b| a.key.cmp(&b.key));
        rows.into_iter().map(RowSum::into_row).collect()
    }
}

/// Every kind of table in `reports` added up, in kind order; an error is the one the first
/// failing table in report order meets.
///
/// A large batch is split into runs of reports, one per core, each added up on its own and
/// the runs' sums then added in order: the sums are exact integers, so any grouping gives the
/// same digits, and a row's name is the first printed in report order either way.
fn sum_by_kind(reports: &[Disclosure], unit: Unit) -> Result<Vec<(TableKind, TableSum)>> {
    // Below this many reports per core a thread costs more than it saves.
    const MIN_REPORTS_PER_THREAD: usize = 64;
    let ranges = parallel::chunks(reports.len(), parallel::threads(0), MIN_REPORTS_PER_THREAD);
    let mut total: Vec<Option<TableSum>> = TableKind::ALL.iter().map(|_| None).collect();
    // Runs come back in order, so the first error met is the first in report order.
    for run in parallel::map(ranges, |range| sum_run(&reports[range], unit)) {
        for (total, sum) in total.iter_mut().zip(run?) {
            match (total.as_mut(), sum) {
                (Some(total), Some(sum)) => total.merge(sum)?,
                (None, sum) => *total = sum,
                (Some(_), None) => {}
            }
        }
    }
    Ok(TableKind::ALL
        .iter()
        .zip(total)
        .filter_map(|(kind, sum)| Some((*kind, sum?)))
        .collect())
}

/// The tables of a run of reports added up, by kind (`None`: no report of the run prints
/// one).
fn sum_run(reports: &[Disclosure], unit: Unit) -> Result<Vec<Option<TableSum>>> {
    let mut sums: Vec<Option<TableSum>> = TableKind::ALL.iter().map(|_| None).collect();
    for report in reports {
        for table in &report.tables {
            sums[table.kind as usize]
                .get_or_insert_with(TableSum::default)
                .add(table, unit)?;
        }
    }
    Ok(sums)
}

/// Consolidates (汇总) the tables of several disclosures into one disclosure of `entity`.
///
/// Every printed cell is added to the cell with the same table kind, row and column, exactly,
/// in the smallest currency unit among the inputs (so nothing is rounded). A cell blank in every
/// input stays blank. Tables, rows and columns come out in a canonical order (by kind, by row
/// key — lines, then codes in code order — and by column), so the result does not depend on the
/// order of the inputs: consolidation is associative and commutative.
///
/// Narrative statements, claims and performance forms describe one unit and do not add up;
/// they are not carried over, and a note in the result says how many were left behind. Use
/// [`consolidate`](crate::ledger::consolidate) on ledgers when the line items are at hand: sums of
/// published (rounded) figures carry their rounding along.
///
/// ```
/// use fiscal_cn::Decimal;
/// use fiscal_cn::money::Unit;
/// use fiscal_cn::report::{consolidate_disclosures, Column, Disclosure, DisclosureKind, Entity, Line, Row, RowKey, Table, TableKind};
///
/// let unit = |name: &str, total: i64| {
///     let mut d = Disclosure::new(Entity::new(name, 2024, DisclosureKind::FinalAccounts));
///     let mut t = Table::new(TableKind::Expenditure, Unit::WanYuan);
///     t.rows.push(Row::new(RowKey::Line(Line::Total), "合计").with(Column::Total, Decimal::new(total, 2)));
///     d.tables.push(t);
///     d
/// };
/// let region = Disclosure::new(Entity::new("某区", 2024, DisclosureKind::FinalAccounts));
/// let merged = consolidate_disclosures(region.entity, &[unit("甲", 10050), unit("乙", 2025)])?;
/// let total = merged.tables[0].cell(&RowKey::Line(Line::Total), Column::Total);
/// assert_eq!(total, Some(Decimal::new(12075, 2)));
/// # Ok::<(), fiscal_cn::Error>(())
/// ```
///
/// # Errors
/// [`Error::DisclosureMismatch`](crate::Error::DisclosureMismatch)
/// ([`Mismatch::OutsideConsolidation`](crate::Mismatch::OutsideConsolidation)) when a report is
/// of another year or kind than `entity`; [`Error::Overflow`](crate::Error::Overflow) when a sum exceeds what `Decimal`
/// holds.
pub fn consolidate_disclosures(entity: Entity, reports: &[Disclosure]) -> Result<Disclosure> {
    let unit = reports
        .iter()
        .flat_map(|d| d.tables.iter().map(|t| t.unit).chain([d.currency]))
        .min()
        .unwrap_or(Unit::WanYuan);
    if let Some(report) = reports
        .iter()
        .find(|r| r.entity.year != entity.year || r.entity.kind != entity.kind)
    {
        return Err(Error::DisclosureMismatch {
            first: DisclosureId::of(&report.entity),
            second: DisclosureId::of(&entity),
            need: Mismatch::OutsideConsolidation,
        });
    }
    let left_behind: usize = reports
        .iter()
        .map(|r| r.statements.len() + r.claims.len() + r.project_evaluations.len())
        .sum();
    let sums = sum_by_kind(reports, unit)?;
    let mut out = Disclosure::new(entity);
    out.currency = unit;
    out.amount_decimals = reports
        .iter()
        .map(|d| d.amount_decimals)
        .max()
        .unwrap_or(out.amount_decimals);
    out.entity.units = reports
        .iter()
        .map(|d| super::ReportingUnit {
            name: d.entity.name.clone(),
            kind: d.entity.unit_kind,
        })
        .collect();
    for (kind, sum) in sums {
        let mut table = Table::new(kind, unit);
        table.rows = sum.into_rows()?;
        let mut columns: Vec<Column> = table.rows.iter().flat_map(|r| r.values.columns()).collect();
        columns.sort();
        columns.dedup();
        table.columns = columns;
        out.tables.push(table);
    }
    if left_behind > 0 {
        out.notes.push(format!(
            "汇总自 {} 个单位的报表；各单位的文字说明数字、勾稽关系与绩效自评表（共 {left_behind} 项）不可相加，未汇入",
            reports.len()
        ));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::{
        derive::{Publication, derive_disclosure},
        ledger::generate_ledger,
        report::{DisclosureKind, Line},
    };
    use proptest::prelude::*;

    fn entity(name: &str) -> Entity {
        Entity::new(name, 2024, DisclosureKind::FinalAccounts)
    }

    fn report(seed: u64) -> Disclosure {
        let ledger = generate_ledger(seed, 1, 60);
        derive_disclosure(
            &ledger,
            entity(&format!("单位{seed}")),
            Publication::default(),
        )
        .unwrap()
    }

    fn tables(d: &Disclosure) -> &[Table] {
        &d.tables
    }

    /// The consolidated tables as the plain definition computes them: one pass over the
    /// reports, a tree of rows per kind, each amount converted and added with `Decimal`.
    fn oracle(reports: &[Disclosure], unit: Unit) -> Vec<Table> {
        type Rows = BTreeMap<RowKey, (String, BTreeMap<Column, Decimal>)>;
        let mut sums: BTreeMap<TableKind, Rows> = BTreeMap::new();
        for table in reports.iter().flat_map(|r| &r.tables) {
            for row in &table.rows {
                let (name, cells) = sums
                    .entry(table.kind)
                    .or_default()
                    .entry(row.key.clone())
                    .or_insert_with(|| (row.name.clone(), BTreeMap::new()));
                if name.is_empty() {
                    name.clone_from(&row.name);
                }
                for (column, value) in &row.values {
                    let value = Amount::new(value, table.unit)
                        .to_unit(unit)
                        .unwrap()
                        .value();
                    let cell = cells.entry(column).or_insert(Decimal::ZERO);
                    *cell = cell.checked_add(value).unwrap();
                }
            }
        }
        sums.into_iter()
            .map(|(kind, rows)| {
                let mut table = Table::new(kind, unit);
                for (key, (name, cells)) in rows {
                    table.rows.push(Row {
                        key,
                        name,
                        values: cells.into_iter().collect(),
                    });
                }
                let mut columns: Vec<Column> =
                    table.rows.iter().flat_map(|r| r.values.columns()).collect();
                columns.sort();
                columns.dedup();
                table.columns = columns;
                table
            })
            .collect()
    }

    #[test]
    fn a_large_batch_consolidates_as_the_plain_definition_does() {
        // Enough reports for two runs added up apart and merged on a machine of two cores or
        // more (over twice the 64 per thread); some in 元, some with a blank row name, one
        // with its tables out of order and one with a table twice.
        let mut reports: Vec<Disclosure> = (0..150).map(report).collect();
        for (i, d) in reports.iter_mut().enumerate() {
            if i % 3 == 1 {
                for table in &mut d.tables {
                    table.unit = Unit::Yuan;
                    for row in &mut table.rows {
                        for value in row.values.values_mut() {
                            *value *= Decimal::from(10_000);
                        }
                    }
                }
            }
            if i % 5 == 2 {
                d.tables[0].rows[0].name.clear();
            }
        }
        // Later reports name a row otherwise: the first name printed is kept.
        for d in &mut reports[1..] {
            d.tables[0].rows[1].name = "另一个名称".into();
        }
        reports[7].tables.swap(0, 1);
        let repeated = reports[9].tables[2].clone();
        reports[9].tables.push(repeated);
        let merged = consolidate_disclosures(entity("区"), &reports).unwrap();
        // Compared as printed (`Debug` shows each amount's digits), not only as values.
        assert_eq!(
            format!("{:?}", merged.tables),
            format!("{:?}", oracle(&reports, Unit::Yuan))
        );
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(16))]

        #[test]
        fn consolidation_is_associative_and_commutative(a in 0_u64..1000, b in 0_u64..1000, c in 0_u64..1000) {
            let (a, b, c) = (report(a), report(b), report(c));
            let region = || entity("区");
            let ab_c = consolidate_disclosures(region(), &[consolidate_disclosures(region(), &[a.clone(), b.clone()]).unwrap(), c.clone()]).unwrap();
            let a_bc = consolidate_disclosures(region(), &[a.clone(), consolidate_disclosures(region(), &[b.clone(), c.clone()]).unwrap()]).unwrap();
            let cba = consolidate_disclosures(region(), &[c, b, a]).unwrap();
            prop_assert_eq!(tables(&ab_c), tables(&a_bc));
            prop_assert_eq!(tables(&ab_c), tables(&cba));
        }
    }

    #[test]
    fn consolidated_reports_equal_the_report_of_the_consolidated_ledger_at_yuan() {
        let ledgers: Vec<_> = (0..4).map(|seed| generate_ledger(seed, 1, 80)).collect();
        let exact = Publication::EXACT;
        let reports: Vec<Disclosure> = ledgers
            .iter()
            .map(|l| derive_disclosure(l, entity("单位"), exact).unwrap())
            .collect();
        let merged = consolidate_disclosures(entity("区"), &reports).unwrap();
        let whole = crate::ledger::consolidate(&ledgers).unwrap();
        let direct = derive_disclosure(&whole, entity("区"), exact).unwrap();
        let cells = |d: &Disclosure| -> BTreeMap<(TableKind, RowKey, Column), Decimal> {
            d.tables
                .iter()
                .flat_map(|t| {
                    t.rows.iter().flat_map(move |r| {
                        r.values
                            .iter()
                            .map(move |(c, v)| ((t.kind, r.key.clone(), c), v.normalize()))
                    })
                })
                .filter(|(_, v)| !v.is_zero())
                .collect()
        };
        assert_eq!(cells(&merged), cells(&direct));
    }

    #[test]
    fn totals_are_preserved_across_units_of_measure() {
        let mut yuan = report(1);
        for table in &mut yuan.tables {
            table.unit = Unit::Yuan;
            for row in &mut table.rows {
                for v in row.values.values_mut() {
                    *v *= Decimal::from(10_000);
                }
            }
        }
        let wan = report(1);
        let both = consolidate_disclosures(entity("区"), &[wan.clone(), yuan]).unwrap();
        assert_eq!(both.currency, Unit::Yuan);
        let key = RowKey::Line(Line::CurrentExpenditureTotal);
        let single = wan
            .table(TableKind::Summary)
            .unwrap()
            .cell(&key, Column::Amount)
            .unwrap();
        let merged = both
            .table(TableKind::Summary)
            .unwrap()
            .cell(&key, Column::Amount)
            .unwrap();
        assert_eq!(merged, single * Decimal::from(20_000));
    }

    #[test]
    fn other_years_are_refused() {
        let mut other = report(2);
        other.entity.year = 2023;
        let err = consolidate_disclosures(entity("区"), &[report(1), other]).unwrap_err();
        assert!(err.to_string().contains("2023"), "{err}");
    }
}
