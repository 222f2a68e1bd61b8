//! Look-up structures one check builds once over the disclosure it checks (and drops with it):
//! tables by kind, rows by key, the columns a table prints, statements by id and concept.
//!
//! They exist for speed only: every look-up answers exactly what the linear search it replaces
//! (`Disclosure::table`, `Table::row`, a scan of the rows' cells) would answer.

use std::cell::OnceCell;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::report::{Column, Disclosure, Row, RowKey, Table, TableKind};

/// A small multiply-rotate hasher (the one rustc uses, "FxHash") for the check's private
/// indexes: their keys are short (ids, concepts, row keys) and SipHash cost more than the
/// look-ups it served. No map keyed with it is ever iterated, so output order cannot depend on it.
#[derive(Default, Clone, Copy)]
pub(crate) struct FastHasher(u64);

impl FastHasher {
    const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(Self::SEED);
    }
}

impl Hasher for FastHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(word));
        }
    }

    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }

    fn write_u16(&mut self, n: u16) {
        self.add(u64::from(n));
    }

    fn write_u32(&mut self, n: u32) {
        self.add(u64::from(n));
    }

    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }

    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// A `HashMap` with [`FastHasher`].
pub(crate) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;

/// A set of columns as a bit mask (`Column` has fewer than 32 members); iterates in `Column`
/// order, the order of a sorted, deduplicated `Vec<Column>`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct ColumnSet(u32);

const _: () = assert!(
    Column::ALL.len() <= 32,
    "ColumnSet holds at most 32 columns"
);

impl ColumnSet {
    fn bit(column: Column) -> u32 {
        1 << (column as u32)
    }

    pub fn insert(&mut self, column: Column) {
        self.0 |= Self::bit(column);
    }

    pub fn contains(self, column: Column) -> bool {
        self.0 & Self::bit(column) != 0
    }

    /// The columns any row of `table` prints a cell in.
    pub fn printed(table: &Table) -> Self {
        let mut set = ColumnSet::default();
        for row in &table.rows {
            for column in row.values.keys() {
                set.insert(*column);
            }
        }
        set
    }

    pub fn iter(self) -> impl Iterator<Item = Column> {
        Column::ALL
            .iter()
            .copied()
            .filter(move |c| self.contains(*c))
    }
}

/// What a check knows about one table, built once.
pub(crate) struct TableInfo<'a> {
    /// Columns some row prints (`value_columns`).
    pub printed: ColumnSet,
    /// Columns the table declares or some row prints (`has_column`).
    pub present: ColumnSet,
    /// First row position by key, built on the first look-up.
    rows: OnceCell<FastMap<&'a RowKey, usize>>,
}

impl<'a> TableInfo<'a> {
    fn new(table: &'a Table) -> Self {
        let printed = ColumnSet::printed(table);
        let mut present = printed;
        for column in &table.columns {
            present.insert(*column);
        }
        TableInfo {
            printed,
            present,
            rows: OnceCell::new(),
        }
    }

    /// The position of the first row of `table` (the table this info was built for) with
    /// `key`, as [`Table::row`] finds it.
    fn row(&self, table: &'a Table, key: &RowKey) -> Option<usize> {
        // A handful of rows is searched faster than it is indexed.
        if table.rows.len() <= 16 {
            return table.rows.iter().position(|row| &row.key == key);
        }
        let index = self.rows.get_or_init(|| {
            let mut index = FastMap::default();
            index.reserve(table.rows.len());
            for (i, row) in table.rows.iter().enumerate() {
                index.entry(&row.key).or_insert(i);
            }
            index
        });
        index.get(key).copied()
    }
}

/// The tables of a disclosure: the first of each kind (what [`Disclosure::table`] returns) with
/// its [`TableInfo`], and the info of every table by position.
pub(crate) struct Tables<'a> {
    first: [Option<usize>; TableKind::ALL.len()],
    info: Vec<TableInfo<'a>>,
    tables: &'a [Table],
}

impl<'a> Tables<'a> {
    pub fn new(disclosure: &'a Disclosure) -> Self {
        let mut first = [None; TableKind::ALL.len()];
        for (i, table) in disclosure.tables.iter().enumerate() {
            first[table.kind as usize].get_or_insert(i);
        }
        Tables {
            first,
            info: disclosure.tables.iter().map(TableInfo::new).collect(),
            tables: &disclosure.tables,
        }
    }

    /// The first table of `kind`.
    pub fn get(&self, kind: TableKind) -> Option<&'a Table> {
        self.first[kind as usize].and_then(|i| self.tables.get(i))
    }

    /// The info of `table`, when it is one of the disclosure's tables.
    pub fn info(&self, table: &Table) -> Option<&TableInfo<'a>> {
        self.position(table).and_then(|i| self.info.get(i))
    }

    /// The first row of `table` with `key` ([`Table::row`]).
    pub fn row<'t>(&self, table: &'t Table, key: &RowKey) -> Option<&'t Row> {
        match self.position(table) {
            // `table` is `self.tables[i]` itself, so the position is one of its rows.
            Some(i) => self.info[i]
                .row(&self.tables[i], key)
                .and_then(|row| table.rows.get(row)),
            None => table.row(key),
        }
    }

    /// Where `table` is among the disclosure's tables: almost always the first of its kind,
    /// otherwise found by address.
    fn position(&self, table: &Table) -> Option<usize> {
        let i = self.first[table.kind as usize]?;
        if std::ptr::eq(&self.tables[i], table) {
            return Some(i);
        }
        self.tables.iter().position(|t| std::ptr::eq(t, table))
    }
}
