//! The printed cells of one row, by column.

use std::fmt;
use std::ops::Index;

use rust_decimal::Decimal;
use smallvec::SmallVec;

use super::Column;

/// Amounts a row holds in place, without an allocation of its own.
const INLINE: usize = 4;

/// The printed cells of one [`Row`](super::Row), by [`Column`]: a blank cell is absent, a
/// printed `0.00` present.
///
/// A map from column to amount that iterates in [`Column`] order, like the `BTreeMap` it
/// replaces, but held as one bit per column and the amounts side by side, up to four of them
/// in the row itself: reading a table's cells (what every check, roll-up and consolidation
/// does) reads them in order from one place instead of following a tree's nodes or, for most
/// rows, a pointer of their own.
///
/// ```
/// use fiscal_cn::{Decimal, report::{Cells, Column}};
///
/// let mut cells = Cells::new();
/// cells.insert(Column::Project, Decimal::new(500, 2));
/// cells.insert(Column::Total, Decimal::new(1250, 2));
/// assert_eq!(cells.get(Column::Total), Some(Decimal::new(1250, 2)));
/// assert_eq!(cells.get(Column::Basic), None);
/// // Column order, whatever the order of insertion.
/// let columns: Vec<Column> = cells.columns().collect();
/// assert_eq!(columns, [Column::Total, Column::Project]);
/// ```
#[derive(Clone, Default, PartialEq, Eq, Hash)]
pub struct Cells {
    /// Bit `c` is set when column `c` (its place in `Column::ALL`) is printed.
    present: u64,
    /// The printed amounts, one per set bit, in column order.
    values: SmallVec<[Decimal; INLINE]>,
}

const _: () = assert!(Column::ALL.len() <= 64, "Cells holds at most 64 columns");

impl Cells {
    /// No cells.
    #[must_use]
    pub fn new() -> Self {
        Cells::default()
    }

    /// No cells, with room for `cells` of them without reallocating.
    #[must_use]
    pub fn with_capacity(cells: usize) -> Self {
        Cells {
            present: 0,
            values: SmallVec::with_capacity(cells),
        }
    }

    fn bit(column: Column) -> u64 {
        1 << (column as u32)
    }

    /// Where `column`'s amount is (or would go) in `values`: the printed columns before it.
    fn slot(&self, column: Column) -> usize {
        (self.present & (Self::bit(column) - 1)).count_ones() as usize
    }

    /// The number of printed cells.
    #[must_use]
    pub fn len(&self) -> usize {
        self.values.len()
    }

    /// Whether no cell is printed.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    /// Whether `column` is printed.
    #[must_use]
    pub fn contains(&self, column: Column) -> bool {
        self.present & Self::bit(column) != 0
    }

    /// The amount printed in `column`; `None` when the cell is blank.
    #[must_use]
    pub fn get(&self, column: Column) -> Option<Decimal> {
        self.contains(column)
            .then(|| self.values[self.slot(column)])
    }

    /// The amount printed in `column`, to change in place.
    pub fn get_mut(&mut self, column: Column) -> Option<&mut Decimal> {
        if self.contains(column) {
            let slot = self.slot(column);
            Some(&mut self.values[slot])
        } else {
            None
        }
    }

    /// Prints `value` in `column`; returns the amount it replaces, if the cell was printed.
    pub fn insert(&mut self, column: Column, value: Decimal) -> Option<Decimal> {
        let slot = self.slot(column);
        if self.contains(column) {
            Some(std::mem::replace(&mut self.values[slot], value))
        } else {
            self.present |= Self::bit(column);
            self.values.insert(slot, value);
            None
        }
    }

    /// Blanks `column`; returns the amount it held.
    pub fn remove(&mut self, column: Column) -> Option<Decimal> {
        if !self.contains(column) {
            return None;
        }
        let slot = self.slot(column);
        self.present &= !Self::bit(column);
        Some(self.values.remove(slot))
    }

    /// The printed columns, in [`Column`] order.
    pub fn columns(&self) -> impl Iterator<Item = Column> + '_ {
        self.iter().map(|(column, _)| column)
    }

    /// The printed columns as a bit set: bit `c` for `Column::ALL[c]`.
    pub(crate) fn column_bits(&self) -> u64 {
        self.present
    }

    /// The printed amounts, in [`Column`] order.
    #[must_use]
    pub fn values(&self) -> &[Decimal] {
        &self.values
    }

    /// The printed amounts, in [`Column`] order, to change in place.
    pub fn values_mut(&mut self) -> &mut [Decimal] {
        &mut self.values
    }

    /// The printed cells, in [`Column`] order.
    pub fn iter(&self) -> Iter<'_> {
        Iter {
            bits: self.present,
            values: self.values.iter(),
        }
    }
}

/// The printed cells of a [`Cells`], in [`Column`] order (from [`Cells::iter`]).
#[derive(Debug, Clone)]
pub struct Iter<'a> {
    /// The columns not yet visited, as `Cells::present`'s bits.
    bits: u64,
    values: std::slice::Iter<'a, Decimal>,
}

impl Iterator for Iter<'_> {
    type Item = (Column, Decimal);

    fn next(&mut self) -> Option<(Column, Decimal)> {
        let value = *self.values.next()?;
        Some((take_lowest(&mut self.bits), value))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.values.size_hint()
    }
}

impl ExactSizeIterator for Iter<'_> {}

impl Index<Column> for Cells {
    type Output = Decimal;

    /// The amount printed in `column`.
    ///
    /// # Panics
    /// When the cell is blank; use [`Cells::get`] when it may be.
    fn index(&self, column: Column) -> &Decimal {
        assert!(self.contains(column), "单元格“{column}”为空");
        &self.values[self.slot(column)]
    }
}

impl<'a> IntoIterator for &'a Cells {
    type Item = (Column, Decimal);
    type IntoIter = Iter<'a>;

    fn into_iter(self) -> Iter<'a> {
        self.iter()
    }
}

impl IntoIterator for Cells {
    type Item = (Column, Decimal);
    type IntoIter = IntoIter;

    fn into_iter(self) -> IntoIter {
        IntoIter {
            bits: self.present,
            values: self.values.into_iter(),
        }
    }
}

/// The printed cells of a [`Cells`] taken apart, in [`Column`] order.
#[derive(Debug, Clone)]
pub struct IntoIter {
    /// The columns not yet visited, as `Cells::present`'s bits.
    bits: u64,
    values: smallvec::IntoIter<[Decimal; INLINE]>,
}

impl Iterator for IntoIter {
    type Item = (Column, Decimal);

    fn next(&mut self) -> Option<(Column, Decimal)> {
        let value = self.values.next()?;
        Some((take_lowest(&mut self.bits), value))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.values.size_hint()
    }
}

impl ExactSizeIterator for IntoIter {}

/// The column of the lowest set bit of `bits`, which it clears. `bits` has a bit for each
/// amount still to come, so it is never empty here.
fn take_lowest(bits: &mut u64) -> Column {
    let column = Column::ALL[bits.trailing_zeros() as usize];
    *bits &= bits.wrapping_sub(1);
    column
}

impl FromIterator<(Column, Decimal)> for Cells {
    /// The cells; a column given twice keeps its last amount, as a map would.
    fn from_iter<I: IntoIterator<Item = (Column, Decimal)>>(cells: I) -> Self {
        let mut out = Cells::new();
        out.extend(cells);
        out
    }
}

impl Extend<(Column, Decimal)> for Cells {
    fn extend<I: IntoIterator<Item = (Column, Decimal)>>(&mut self, cells: I) {
        let cells = cells.into_iter();
        self.values.reserve(cells.size_hint().0);
        for (column, value) in cells {
            self.insert(column, value);
        }
    }
}

impl<const N: usize> From<[(Column, Decimal); N]> for Cells {
    fn from(cells: [(Column, Decimal); N]) -> Self {
        cells.into_iter().collect()
    }
}

impl fmt::Debug for Cells {
    /// As a map: `{Total: 12.50, Project: 5.00}`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

/// Serialized as a map from column to the amount as a string, read back with the strict
/// grammar of [`parse_amount`](crate::money::parse_amount) (no unit), so no digit is lost.
#[cfg(feature = "serde")]
impl serde::Serialize for Cells {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(
            self.iter()
                .map(|(column, value)| (column, value.to_string())),
        )
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for Cells {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // Through a map, so a repeated column keeps its last amount as it always has.
        std::collections::BTreeMap::<Column, String>::deserialize(deserializer)?
            .into_iter()
            .map(|(column, text)| Ok((column, crate::money::decimal_map::parse_cell(&text)?)))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use proptest::prelude::*;

    use super::*;

    fn column() -> impl Strategy<Value = Column> {
        (0..Column::ALL.len()).prop_map(|i| Column::ALL[i])
    }

    #[derive(Debug)]
    enum Edit {
        Insert(Column, i64),
        Remove(Column),
        Add(Column, i64),
    }

    fn edit() -> impl Strategy<Value = Edit> {
        prop_oneof![
            (column(), any::<i64>()).prop_map(|(c, v)| Edit::Insert(c, v)),
            column().prop_map(Edit::Remove),
            (column(), -1000_i64..1000).prop_map(|(c, v)| Edit::Add(c, v)),
        ]
    }

    proptest! {
        /// Any sequence of edits leaves `Cells` answering every question as a `BTreeMap`
        /// given the same edits does.
        #[test]
        fn cells_behave_as_a_sorted_map(edits in prop::collection::vec(edit(), 0..40)) {
            let mut cells = Cells::new();
            let mut map = BTreeMap::new();
            for edit in edits {
                match edit {
                    Edit::Insert(c, v) => {
                        let value = Decimal::new(v, 2);
                        prop_assert_eq!(cells.insert(c, value), map.insert(c, value));
                    }
                    Edit::Remove(c) => prop_assert_eq!(cells.remove(c), map.remove(&c)),
                    Edit::Add(c, v) => {
                        if let Some(value) = cells.get_mut(c) {
                            *value += Decimal::new(v, 2);
                        }
                        if let Some(value) = map.get_mut(&c) {
                            *value += Decimal::new(v, 2);
                        }
                    }
                }
            }
            let expected: Vec<(Column, Decimal)> = map.iter().map(|(c, v)| (*c, *v)).collect();
            prop_assert_eq!(cells.iter().collect::<Vec<_>>(), expected.clone());
            prop_assert_eq!(cells.len(), map.len());
            prop_assert_eq!(cells.is_empty(), map.is_empty());
            for &column in Column::ALL {
                prop_assert_eq!(cells.get(column), map.get(&column).copied());
                prop_assert_eq!(cells.contains(column), map.contains_key(&column));
            }
            prop_assert_eq!(Cells::from_iter(expected), cells);
        }
    }

    #[test]
    fn a_column_given_twice_keeps_its_last_amount() {
        let cells = Cells::from([(Column::Total, Decimal::ONE), (Column::Total, Decimal::TWO)]);
        assert_eq!(cells.len(), 1);
        assert_eq!(cells[Column::Total], Decimal::TWO);
    }

    #[test]
    fn debug_reads_as_a_map() {
        let cells = Cells::from([
            (Column::Basic, Decimal::new(5, 1)),
            (Column::Total, Decimal::ONE),
        ]);
        assert_eq!(format!("{cells:?}"), "{Total: 1, Basic: 0.5}");
    }
}
