//! Look-up structures one check builds once over the disclosure it checks (and drops with it):
//! tables by kind, rows by key, the columns a table prints, statements by id and concept.
//!
//! They exist for speed only: every look-up answers exactly what the linear search it replaces
//! (`Disclosure::table`, `Table::row`, a scan of the rows' cells) would answer.

use std::cell::OnceCell;
use std::hash::{Hash, Hasher};

use crate::precision::TEN_TO;
use crate::report::{Column, Disclosure, Row, RowKey, Table, TableKind};

/// The FxHash (rustc's hasher, from `rustc-hash`) of `key`, for the check's private indexes:
/// their keys are short (ids, concepts, row keys) and SipHash cost more than the look-ups it
/// served. No index is ever iterated, so output order cannot depend on the hash.
// Inlined into the indexes' look-ups: not inlined across modules, a row look-up cost half
// again as much.
#[inline]
pub(crate) fn fast_hash(key: impl Hash) -> u64 {
    let mut hasher = rustc_hash::FxHasher::default();
    key.hash(&mut hasher);
    hasher.finish()
}

/// A set of columns as a bit mask (`Column` has fewer than 64 members); iterates in `Column`
/// order, the order of a sorted, deduplicated `Vec<Column>`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct ColumnSet(u64);

const _: () = assert!(
    Column::ALL.len() <= 64,
    "ColumnSet holds at most 64 columns"
);

impl ColumnSet {
    fn bit(column: Column) -> u64 {
        1 << (column as u32)
    }

    pub fn insert(&mut self, column: Column) {
        self.0 |= Self::bit(column);
    }

    pub fn contains(self, column: Column) -> bool {
        self.0 & Self::bit(column) != 0
    }

    /// The columns in either set.
    pub fn union(self, other: ColumnSet) -> ColumnSet {
        ColumnSet(self.0 | other.0)
    }

    pub fn iter(self) -> impl Iterator<Item = Column> {
        // The set bits, lowest first: `Column` order.
        let mut bits = self.0;
        std::iter::from_fn(move || {
            let index = bits.trailing_zeros() as usize;
            bits &= bits.wrapping_sub(1);
            Column::ALL.get(index).copied()
        })
    }
}

/// What a check knows about one table, built once.
pub(crate) struct TableInfo {
    /// Columns some row prints (`value_columns`).
    pub printed: ColumnSet,
    /// Columns the table declares or some row prints (`has_column`).
    pub present: ColumnSet,
    /// The printed cells by row position.
    pub grid: Grid,
    /// First row position by key, built on the first look-up.
    rows: OnceCell<PositionTable>,
}

impl TableInfo {
    fn new(table: &Table) -> Self {
        let grid = Grid::new(table);
        let printed = grid.printed;
        let mut present = printed;
        for column in &table.columns {
            present.insert(*column);
        }
        TableInfo {
            printed,
            present,
            grid,
            rows: OnceCell::new(),
        }
    }

    /// The position of the first row of `table` (the table this info was built for) with
    /// `key`, as [`Table::row`] finds it.
    pub fn row_position(&self, table: &Table, key: &RowKey) -> Option<usize> {
        // A handful of rows is searched faster than it is indexed.
        if table.rows.len() <= 16 {
            return table.rows.iter().position(|row| &row.key == key);
        }
        let rows = &table.rows;
        let index = self.rows.get_or_init(|| {
            let mut index = PositionTable::with_capacity(rows.len());
            for (i, row) in (0..).zip(rows) {
                index.find_or_insert(fast_hash(&row.key), i, |j| rows[j as usize].key == row.key);
            }
            index
        });
        index
            .find(fast_hash(key), |j| rows[j as usize].key == *key)
            .map(|j| j as usize)
    }
}

/// One table's cells by row position: which columns each row prints, and the printed values
/// as `i64` multiples of one power of ten (the table's largest scale), a blank cell 0.
///
/// Most identities of a table hold to the last digit, and deciding that with integer sums
/// costs a fraction of `Decimal` look-ups and additions. The values are exact, so integer
/// equality is `Decimal` equality; when a cell does not fit (or a sum overflows) the grid
/// decides nothing and the caller compares in `Decimal`.
pub(crate) struct Grid {
    /// Each column's position within a row (`u8::MAX`: no row prints it).
    slot: [u8; Column::ALL.len()],
    /// The columns some row prints.
    printed: ColumnSet,
    /// The column at each position within a row.
    columns: Vec<Column>,
    /// Cells per row: the number of columns the table prints.
    width: usize,
    /// Row-major cells; meaningful only when `exact`.
    values: Vec<i64>,
    /// Whether every cell fits `values`.
    exact: bool,
    /// The largest magnitude of a cell in `values` (`i64::MAX` for `-2^63`).
    largest: i64,
    /// The columns each row prints.
    row_printed: Vec<ColumnSet>,
}

impl Grid {
    /// The largest scale a grid takes: `10^18` (the last of [`TEN_TO`]) still fits an `i64`.
    const MAX_SCALE: u32 = 18;

    fn new(table: &Table) -> Grid {
        let mut row_printed = Vec::with_capacity(table.rows.len());
        let mut printed = ColumnSet::default();
        let mut touched = 0_u32;
        for row in &table.rows {
            let set = ColumnSet(row.values.column_bits());
            printed = printed.union(set);
            row_printed.push(set);
            touched = touched.wrapping_add(touch(row));
        }
        std::hint::black_box(touched);
        let mut slot = [u8::MAX; Column::ALL.len()];
        let columns: Vec<Column> = printed.iter().collect();
        for (position, column) in columns.iter().enumerate() {
            slot[*column as usize] = position as u8;
        }
        let width = columns.len();
        let mut grid = Grid {
            slot,
            printed,
            columns,
            width,
            values: Vec::new(),
            exact: true,
            largest: 0,
            row_printed,
        };
        if width > 0 {
            grid.values = vec![0; table.rows.len() * width];
            match fill(&mut grid.values, width, &grid.slot, table) {
                Some(largest) => grid.largest = largest,
                None => grid.exact = false,
            }
        }
        grid
    }

    /// The columns the row at `position` prints.
    pub fn printed(&self, position: usize) -> ColumnSet {
        self.row_printed[position]
    }

    /// The cell at row `position` × `column` (blank: 0); `None` without exact values.
    fn value(&self, position: usize, column: Column) -> Option<i64> {
        if !self.exact {
            return None;
        }
        Some(match self.slot[column as usize] {
            u8::MAX => 0,
            slot => self.values[position * self.width + usize::from(slot)],
        })
    }

    /// Σ of the cells, `None` when undecided (no exact values, or overflow).
    fn sum(&self, cells: impl IntoIterator<Item = (usize, Column)>) -> Option<i64> {
        cells
            .into_iter()
            .try_fold(0_i64, |sum, (position, column)| {
                sum.checked_add(self.value(position, column)?)
            })
    }

    /// Whether Σ `left` = Σ `right` in the row at `position`, blanks 0, holds to the last
    /// digit (false: it does not, or the grid cannot tell).
    pub fn row_balances(&self, position: usize, left: &[Column], right: &[Column]) -> bool {
        let side = |columns: &[Column]| self.sum(columns.iter().map(|c| (position, *c)));
        matches!((side(left), side(right)), (Some(l), Some(r)) if l == r)
    }

    /// The columns in which the row at `total` equals the sum of the rows at `parts` (blanks
    /// 0) to the last digit; empty when the grid has no exact values. One pass over the
    /// parts' rows for every column at once.
    pub fn balanced_columns(&self, total: usize, parts: &[usize]) -> ColumnSet {
        let mut balanced = ColumnSet::default();
        if !self.exact {
            return balanced;
        }
        let width = self.width;
        let row = |position: usize| &self.values[position * width..(position + 1) * width];
        // No partial sum of `parts.len()` cells, none larger than `largest` in magnitude, can
        // overflow an `i64` when their product fits: then the parts' rows are summed in `i64`
        // side by side, in a buffer on the stack.
        const ROOM: usize = 16;
        let fits = i64::try_from(parts.len())
            .ok()
            .and_then(|parts| parts.checked_mul(self.largest))
            .is_some();
        if width <= ROOM && fits {
            let mut sums = [0_i64; ROOM];
            let sums = &mut sums[..width];
            for part in parts {
                for (sum, value) in sums.iter_mut().zip(row(*part)) {
                    *sum += *value;
                }
            }
            for ((sum, value), column) in sums.iter().zip(row(total)).zip(&self.columns) {
                if sum == value {
                    balanced.insert(*column);
                }
            }
            return balanced;
        }
        // Otherwise column by column in `i128`, with no buffer of sums to set up.
        let totals = row(total);
        for (offset, (value, column)) in totals.iter().zip(&self.columns).enumerate() {
            // `i128` sums of `i64` cells cannot overflow.
            let sum: i128 = parts
                .iter()
                .map(|part| i128::from(self.values[part * width + offset]))
                .sum();
            if sum == i128::from(*value) {
                balanced.insert(*column);
            }
        }
        balanced
    }
}

/// Writes the cells of `table` into `values` (row-major, `width` a row, each column at its
/// `slot`) as `i64` multiples of `10^-scale`, `scale` the largest of any cell, and returns the
/// largest magnitude written; `None` when that scale is past [`Grid::MAX_SCALE`] or some cell
/// does not fit an `i64` at it (the grid then decides nothing and the rules compare in
/// `Decimal`, so turning a cell away is never wrong).
///
/// One pass: the cells written so far are at the largest scale seen so far, and are rescaled
/// when a cell shows more decimals (rarely: a table prints its amounts alike). A cell is
/// multiplied by `10^(scale − its scale)` in steps whose product is that power, and a product
/// that fits an `i64` fits at every step, so the pass fails exactly when a cell does not fit.
fn fill(
    values: &mut [i64],
    width: usize,
    slot: &[u8; Column::ALL.len()],
    table: &Table,
) -> Option<i64> {
    let mut scale = 0;
    let mut largest = 0_i64;
    for (position, row) in table.rows.iter().enumerate() {
        let start = position * width;
        // The row's amounts come in column order, one per set bit.
        let mut bits = row.values.column_bits();
        for value in row.values.values() {
            let column = bits.trailing_zeros() as usize;
            bits &= bits - 1;
            // The mantissa from its words: below 2^63 in magnitude (all but `-2^63` of what
            // fits an `i64`, which leaves that one cell to the `Decimal` comparison).
            let parts = value.unpack();
            if parts.hi != 0 || parts.mid >= 1 << 31 {
                return None;
            }
            let mut magnitude = (i64::from(parts.mid) << 32) | i64::from(parts.lo);
            let own = parts.scale;
            if own < scale {
                magnitude = magnitude.checked_mul(TEN_TO[(scale - own) as usize])?;
            } else if own > scale {
                if own > Grid::MAX_SCALE {
                    return None;
                }
                let factor = TEN_TO[(own - scale) as usize];
                for written in &mut values[..start + width] {
                    *written = written.checked_mul(factor)?;
                }
                // The largest cell was rescaled too, so its product fits.
                largest = largest.saturating_mul(factor);
                scale = own;
            }
            largest = largest.max(magnitude);
            values[start + usize::from(slot[column])] = if parts.negative {
                -magnitude
            } else {
                magnitude
            };
        }
    }
    Some(largest)
}

/// The tables of a disclosure: the first of each layout ([`TableKind::layout`]: a budget table
/// stands where its final-accounts counterpart would, so one rule serves both) with its
/// [`TableInfo`], and the info of every table by position.
pub(crate) struct Tables<'a> {
    first: [Option<usize>; TableKind::ALL.len()],
    info: Vec<TableInfo>,
    tables: &'a [Table],
}

impl<'a> Tables<'a> {
    pub fn new(disclosure: &'a Disclosure) -> Self {
        let mut first = [None; TableKind::ALL.len()];
        // Every table's first row is asked for at once, as `touch` says.
        let mut touched = 0_u32;
        for (i, table) in disclosure.tables.iter().enumerate() {
            first[table.kind.layout() as usize].get_or_insert(i);
            touched = touched.wrapping_add(table.rows.first().map_or(0, touch));
        }
        std::hint::black_box(touched);
        Tables {
            first,
            info: disclosure.tables.iter().map(TableInfo::new).collect(),
            tables: &disclosure.tables,
        }
    }

    /// The first table with the layout of `kind` (a budget's 收支预算总表 for
    /// [`TableKind::Summary`]).
    pub fn get(&self, kind: TableKind) -> Option<&'a Table> {
        self.first[kind.layout() as usize].and_then(|i| self.tables.get(i))
    }

    /// The info of `table`, when it is one of the disclosure's tables.
    pub fn info(&self, table: &Table) -> Option<&TableInfo> {
        self.position(table).and_then(|i| self.info.get(i))
    }

    /// The first row of `table` with `key` ([`Table::row`]).
    pub fn row<'t>(&self, table: &'t Table, key: &RowKey) -> Option<&'t Row> {
        match self.position(table) {
            // `table` is `self.tables[i]` itself, so the position is one of its rows.
            Some(i) => self.info[i]
                .row_position(&self.tables[i], key)
                .and_then(|row| table.rows.get(row)),
            None => table.row(key),
        }
    }

    /// Where `table` is among the disclosure's tables: almost always the first of its kind,
    /// otherwise found from its address (its offset in the slice), not by a scan of the
    /// tables, which made every look-up in one of many tables of a kind cost the tables.
    fn position(&self, table: &Table) -> Option<usize> {
        let i = self.first[table.kind.layout() as usize]?;
        if std::ptr::eq(&self.tables[i], table) {
            return Some(i);
        }
        let offset = (table as *const Table as usize).checked_sub(self.tables.as_ptr() as usize)?;
        let i = offset / std::mem::size_of::<Table>().max(1);
        self.tables
            .get(i)
            .filter(|t| std::ptr::eq(*t, table))
            .map(|_| i)
    }
}

/// A byte of `row`'s name and of its cells' own allocation (a row of more than four cells).
///
/// [`Grid::new`] asks for them in its first pass over a table's rows, which does little else,
/// so that the processor has many of these cache misses in flight together: a report checked
/// in a batch comes from memory, and the rules' passes met them one row at a time, each
/// waiting on its own.
fn touch(row: &Row) -> u32 {
    let name = row.name.as_bytes().first().copied().unwrap_or_default();
    let cells = match row.values.values() {
        [] => 0,
        [first, .., last] => first.scale() ^ last.scale(),
        [only] => only.scale(),
    };
    u32::from(name) ^ cells
}

/// Positions by a key each item has (a statement's id or concept, a table row's key): an
/// open-addressing table, as the indexes need one insert-or-find per key and nothing more. It cost half what
/// a `HashMap` did, which hashed and probed generically.
///
/// A slot holds a position + 1 (0: empty) and the top half of its key's hash; keys are
/// compared (through the positions) only where those halves agree. The table is never
/// iterated, so no order depends on the hash.
pub(crate) struct PositionTable {
    slots: Vec<(u32, u32)>,
    /// `64 − log₂(slots)`: a slot is picked by the hash's top bits (a multiplicative hash
    /// mixes every input bit into those).
    shift: u32,
}

impl PositionTable {
    /// A table for up to `entries` keys, at most half full.
    pub fn with_capacity(entries: usize) -> Self {
        let size = (2 * entries).next_power_of_two().max(8);
        PositionTable {
            slots: vec![(0, 0); size],
            shift: 64 - size.trailing_zeros(),
        }
    }

    /// The first slot to probe for `hash`, and the tag stored with it.
    fn start(&self, hash: u64) -> (usize, u32) {
        ((hash >> self.shift) as usize, (hash >> 32) as u32)
    }

    /// The position stored for the key `is_key` recognizes (by position), whose hash is `hash`.
    #[inline]
    pub fn find(&self, hash: u64, is_key: impl Fn(u32) -> bool) -> Option<u32> {
        let (mut slot, tag) = self.start(hash);
        let mask = self.slots.len() - 1;
        loop {
            match self.slots[slot] {
                (_, 0) => return None,
                (t, stored) if t == tag && is_key(stored - 1) => return Some(stored - 1),
                _ => slot = (slot + 1) & mask,
            }
        }
    }

    /// As [`PositionTable::find`], storing `position` when the key is new: the position stored
    /// for the key either way.
    #[inline]
    pub fn find_or_insert(
        &mut self,
        hash: u64,
        position: u32,
        is_key: impl Fn(u32) -> bool,
    ) -> u32 {
        let (mut slot, tag) = self.start(hash);
        let mask = self.slots.len() - 1;
        loop {
            match self.slots[slot] {
                (_, 0) => {
                    self.slots[slot] = (tag, position + 1);
                    return position;
                }
                (t, stored) if t == tag && is_key(stored - 1) => return stored - 1,
                _ => slot = (slot + 1) & mask,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use rust_decimal::Decimal;

    /// The columns the generated tables use: a handful, so rows share columns.
    const COLUMNS: [Column; 5] = [
        Column::Total,
        Column::Basic,
        Column::Project,
        Column::OpeningBalance,
        Column::ClosingBalance,
    ];

    /// Cells: (row, column index, mantissa, scale); mixed scales and some mantissas too large
    /// for a grid at a high scale.
    fn table_of(cells: &[(usize, usize, i64, u32)], rows: usize) -> Table {
        let mut table = Table::new(TableKind::Expenditure, crate::money::Unit::WanYuan);
        for i in 0..rows {
            table
                .rows
                .push(Row::new(RowKey::Project(format!("项目{i}")), ""));
        }
        for &(row, column, mantissa, scale) in cells {
            table.rows[row % rows].values.insert(
                COLUMNS[column % COLUMNS.len()],
                Decimal::new(mantissa, scale),
            );
        }
        table
    }

    fn decimal_sum(table: &Table, cells: impl Iterator<Item = (usize, Column)>) -> Decimal {
        cells
            .map(|(row, column)| table.rows[row].get(column).unwrap_or_default())
            .sum()
    }

    proptest! {
        /// The grid says "balances" exactly when the `Decimal` sums are equal (blank = 0),
        /// whenever it can tell; it can always tell for ordinary amounts in printed columns.
        #[test]
        fn grid_agrees_with_decimal_sums(
            cells in proptest::collection::vec(
                (0usize..6, 0usize..5, -10_000_000_000i64..10_000_000_000, 0u32..4),
                0..30,
            ),
            huge in proptest::option::of((0usize..6, 0usize..5)),
            left in proptest::collection::vec(0usize..5, 0..4),
            right in proptest::collection::vec(0usize..5, 0..4),
            row in 0usize..6,
        ) {
            let mut cells = cells;
            if let Some((r, c)) = huge {
                // Does not fit an i64 once scaled to the table's scale (or at all).
                cells.push((r, c, i64::MAX, 0));
            }
            let table = table_of(&cells, 6);
            let info = TableInfo::new(&table);
            let columns = |picks: &[usize]| picks.iter().map(|i| COLUMNS[*i]).collect::<Vec<_>>();
            let (left, right) = (columns(&left), columns(&right));
            let decimal_left = decimal_sum(&table, left.iter().map(|c| (row, *c)));
            let decimal_right = decimal_sum(&table, right.iter().map(|c| (row, *c)));
            let balances = info.grid.row_balances(row, &left, &right);
            if balances {
                prop_assert_eq!(decimal_left, decimal_right);
            } else if huge.is_none() {
                prop_assert_ne!(decimal_left, decimal_right);
            }
            // A column against the other rows.
            for column in COLUMNS {
                let parts: Vec<usize> = (0..6).filter(|r| *r != row).collect();
                let total = table.rows[row].get(column).unwrap_or_default();
                let sum = decimal_sum(&table, parts.iter().map(|r| (*r, column)));
                let balances = info.grid.balanced_columns(row, &parts).contains(column);
                // Columns no row prints are never consulted; the grid leaves them out.
                if balances {
                    prop_assert_eq!(total, sum);
                } else if huge.is_none() && info.printed.contains(column) {
                    prop_assert_ne!(total, sum);
                }
            }
            for (position, row) in table.rows.iter().enumerate() {
                let mut printed = ColumnSet::default();
                row.values.columns().for_each(|c| printed.insert(c));
                prop_assert_eq!(info.grid.printed(position), printed);
            }
        }
    }

    #[test]
    fn the_position_table_finds_the_first_position_of_each_key_whatever_the_hash() {
        let keys = ["a", "b", "a", "c", "b", "d", "e", "f", "g", "a"];
        // Every key in one slot's chain, or spread: the answers are the same.
        for hash in [|_: &str| 7_u64, |k: &str| fast_hash(k)] {
            let mut table = PositionTable::with_capacity(keys.len());
            let firsts: Vec<u32> = (0..)
                .zip(keys)
                .map(|(i, k)| table.find_or_insert(hash(k), i, |j| keys[j as usize] == k))
                .collect();
            assert_eq!(firsts, [0, 1, 0, 3, 1, 5, 6, 7, 8, 0]);
            for (k, first) in [("a", Some(0)), ("d", Some(5)), ("g", Some(8)), ("z", None)] {
                assert_eq!(table.find(hash(k), |j| keys[j as usize] == k), first);
            }
        }
    }
}
