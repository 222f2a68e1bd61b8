//! Millions of line items at memory speed: a compact columnar ledger ([`BulkLedger`]) with
//! exact integer roll-up and group-by on both cores, consolidation along a
//! [`UnitHierarchy`] and, with the `csv` feature, CSV ingest. Checking many reports at once is
//! [`check_many`](crate::check::check_many) and [`check_each`](crate::check::check_each).
//!
//! A [`BulkLedger`] holds the same expenditure lines as a [`Ledger`], column by column: the
//! unit, 项 and economic codes are interned into small integer ids, kind and income source are
//! packed into one byte, and the amount is an `i64` count of 分 (hundredths of a 元). That is
//! [`BulkLedger::BYTES_PER_ITEM`] = 17 bytes a line instead of the ~40 of an
//! [`ExpenditureItem`]. Sums are exact: every line's 分 are added as `i128` into dense arrays
//! indexed by interned id (one array per thread, merged at the end) and turned into
//! [`Decimal`] once per group, so the results equal those of [`Ledger::rollup`] and
//! [`group_by`](crate::ledger::group_by) to the digit. A result that does not fit a `Decimal` is an
//! [`Error::Overflow`], never a wrap.
//!
//! ```
//! use fiscal_cn::{bulk::BulkLedger, ledger::generate_ledger};
//!
//! let ledger = generate_ledger(7, 4, 1_000);
//! let bulk = BulkLedger::from_ledger(&ledger)?;
//! assert_eq!(bulk.len(), 1_000);
//! assert_eq!(bulk.rollup()?, ledger.rollup()?);
//! assert_eq!(bulk.by_unit()?, ledger.expenditure_by_unit()?);
//! assert_eq!(bulk.to_items(), ledger.expenditures());
//! # Ok::<(), fiscal_cn::Error>(())
//! ```

#[cfg(feature = "csv")]
mod csv;
pub(crate) mod hierarchy;
#[cfg(test)]
mod tests;

#[cfg(feature = "csv")]
pub use csv::{CsvOptions, Ingest, IngestMode, RejectedRow, ingest_csv, ingest_csv_path};
pub use hierarchy::{Consolidation, DepartmentId, RegionId, UnitHierarchy};

use std::collections::BTreeMap;
use std::ops::Range;

use rust_decimal::Decimal;
use rustc_hash::FxHashMap;

use crate::classification::{DepartmentEconomicCode, FunctionCode};
use crate::dimensions::{ExpenditureKind, FundType, IncomeSource};
use crate::error::Operation;
use crate::error::{Distinct, Error, Result};
use crate::ledger::{
    ExpenditureItem, Ledger, LedgerList, LedgerProblem, LedgerReason, Rollup, UnitId,
    expenditure_problem,
};
use crate::parallel;

/// The largest number of distinct 项 codes or economic codes one [`BulkLedger`] can hold (their
/// ids are `u16`). A real edition of the catalog has about 1,500 项.
pub const MAX_DISTINCT_CODES: usize = 1 << 16;
const _: () = assert!(Distinct::FunctionCodes.limit() == MAX_DISTINCT_CODES as u64);

/// What a line of a bulk ledger is booked under: everything but its amount.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct LineKeys {
    pub unit: UnitId,
    pub function: FunctionCode,
    pub economic: Option<DepartmentEconomicCode>,
    pub kind: ExpenditureKind,
    pub source: IncomeSource,
}

impl LineKeys {
    pub(crate) fn of(item: &ExpenditureItem) -> LineKeys {
        LineKeys {
            unit: item.unit,
            function: item.function,
            economic: item.economic,
            kind: item.kind,
            source: item.source,
        }
    }
}

/// Rows below which a roll-up runs on one thread: spawning costs more than it saves.
const MIN_ROWS_PER_THREAD: usize = if cfg!(test) { 8 } else { 1 << 19 };

/// A compact, columnar ledger of expenditure lines for millions of line items.
///
/// Lines are validated as [`Ledger::new`] validates them, so a `BulkLedger` always converts
/// back into a valid [`Ledger`] ([`BulkLedger::to_ledger`]). Amounts are kept as whole 分 in an
/// `i64` (±92,233,720,368,547,758.07 元 per line); a line beyond that range is an
/// [`Error::Overflow`]. Income lines and opening balances are not part of a bulk ledger: it
/// holds what roll-ups and group-bys of expenditure read.
///
/// Amounts come back as `Decimal`s of scale 2 (`5` 元 comes back as `5.00`), equal in value
/// to what went in. The type is not serializable; serialize [`BulkLedger::to_items`] instead.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct BulkLedger {
    // Interned values; every id in a column is an index into one of these, and every entry is
    // used by at least one row (so groups are exactly the keys that have rows).
    units: Interner,
    functions: Interner,
    /// `0` stands for a line without an economic code.
    economics: Interner,
    // One entry per row.
    row_unit: Vec<u32>,
    row_function: Vec<u16>,
    row_economic: Vec<u16>,
    /// `kind as u8 * 8 + source as u8`.
    row_tag: Vec<u8>,
    row_cents: Vec<i64>,
    /// Which tags occur, so that a group whose lines sum to zero is still reported.
    tags_present: [u64; 4],
    /// Threads for roll-ups (`0`: as many as the machine has).
    threads: usize,
}

impl BulkLedger {
    /// The bytes each line item takes in the columns: unit id `u32`, 项 id `u16`, economic id
    /// `u16`, kind and source packed in a `u8`, amount in 分 as `i64`.
    pub const BYTES_PER_ITEM: usize =
        size_of::<u32>() + size_of::<u16>() + size_of::<u16>() + size_of::<u8>() + size_of::<i64>();

    /// An empty bulk ledger.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// An empty bulk ledger with room for `rows` lines.
    #[must_use]
    pub fn with_capacity(rows: usize) -> Self {
        let mut ledger = Self::new();
        ledger.reserve(rows);
        ledger
    }

    /// Uses `threads` threads for roll-ups and group-bys (`0`, the default: as many as
    /// [`std::thread::available_parallelism`] says). Results do not depend on it.
    #[must_use]
    pub fn with_threads(mut self, threads: usize) -> Self {
        self.threads = threads;
        self
    }

    /// The expenditure lines of `ledger` (its income lines and opening balances are not
    /// carried).
    ///
    /// # Errors
    /// [`Error::Ledger`] when the ledger holds more distinct codes or units
    /// than a bulk ledger does ([`MAX_DISTINCT_CODES`]);
    /// [`Error::Overflow`] for an amount beyond what it holds in 分.
    pub fn from_ledger(ledger: &Ledger) -> Result<Self> {
        Self::from_items(ledger.expenditures())
    }

    /// A bulk ledger of `items`, validated like [`Ledger::new`].
    ///
    /// # Errors
    /// [`Error::Ledger`] listing every offending line by its position and content, as
    /// [`Ledger::new`] does; [`Error::Overflow`] for an amount beyond what the ledger holds.
    ///
    /// ```
    /// use fiscal_cn::Decimal;
    /// use fiscal_cn::bulk::BulkLedger;
    /// use fiscal_cn::dimensions::{ExpenditureKind, IncomeSource};
    /// use fiscal_cn::ledger::{ExpenditureItem, UnitId};
    ///
    /// let line = ExpenditureItem {
    ///     unit: UnitId(1),
    ///     function: "2013201".parse()?,
    ///     economic: None,
    ///     kind: ExpenditureKind::Business,
    ///     source: IncomeSource::BusinessRevenue,
    ///     amount: Decimal::new(1005, 3), // 1.005 元: a fraction of a 分
    /// };
    /// let err = BulkLedger::from_items(&[line]).unwrap_err();
    /// assert!(err.to_string().contains("支出明细第 1 行（单位1 2013201"));
    /// # Ok::<(), fiscal_cn::Error>(())
    /// ```
    pub fn from_items<'a>(items: impl IntoIterator<Item = &'a ExpenditureItem>) -> Result<Self> {
        let items = items.into_iter();
        let mut ledger = Self::with_capacity(items.size_hint().0);
        // Every bad line is reported, as `Ledger::new` does; lines are numbered as given.
        let mut problems = Vec::new();
        for (index, item) in items.enumerate() {
            match ledger.push(item) {
                Ok(()) => {}
                Err(Error::Ledger { problems: found }) => {
                    problems.extend(found.into_iter().map(|mut p| {
                        p.line = index + 1;
                        p
                    }));
                }
                Err(other) => return Err(other),
            }
        }
        if problems.is_empty() {
            Ok(ledger)
        } else {
            Err(Error::Ledger { problems })
        }
    }

    /// Reserves room for `rows` more lines.
    pub fn reserve(&mut self, rows: usize) {
        self.row_unit.reserve(rows);
        self.row_function.reserve(rows);
        self.row_economic.reserve(rows);
        self.row_tag.reserve(rows);
        self.row_cents.reserve(rows);
    }

    /// Appends one line after validating it like [`Ledger::new`]. On error nothing is added.
    ///
    /// # Errors
    /// [`Error::Ledger`] with the line's problem (numbered as the next line), or
    /// [`Error::Overflow`] for an amount beyond what the ledger holds.
    pub fn push(&mut self, item: &ExpenditureItem) -> Result<()> {
        let line = self.len() + 1;
        let invalid = |reason: LedgerReason| Error::Ledger {
            problems: vec![LedgerProblem {
                list: LedgerList::Expenditures,
                line,
                item: item.to_string(),
                reason,
            }],
        };
        if let Some(reason) = expenditure_problem(item) {
            return Err(invalid(reason));
        }
        let cents = cents_of(item.amount)?;
        self.push_checked(LineKeys::of(item), cents)
            .map_err(|what| invalid(LedgerReason::Full { what }))
    }

    /// Whether this ledger and `other` together hold no more distinct keys of each kind than
    /// a bulk ledger can.
    fn room_for(&self, other: &BulkLedger) -> Result<()> {
        for (what, union) in [
            (
                Distinct::FunctionCodes,
                self.functions.union_len(&other.functions),
            ),
            (
                Distinct::EconomicCodes,
                self.economics.union_len(&other.economics),
            ),
            (Distinct::Units, self.units.union_len(&other.units)),
        ] {
            if union as u64 > what.limit() {
                return Err(Error::TooManyDistinct { what });
            }
        }
        Ok(())
    }

    /// Appends a line that passed [`expenditure_problem`]; the only failure left is a full
    /// interning table, which is named. Nothing is added on failure.
    ///
    /// Inlined into ingest's loop, where the keys stay in registers: a call passes the 20
    /// bytes of `LineKeys` through memory, 3 instructions a line more than six arguments
    /// (callgrind); inlined, the two forms cost the same, 0.25% fewer than the call.
    #[inline(always)]
    pub(crate) fn push_checked(
        &mut self,
        keys: LineKeys,
        cents: i64,
    ) -> std::result::Result<(), Distinct> {
        let unit = keys.unit.0;
        let economic = keys.economic.map_or(0, DepartmentEconomicCode::as_u32);
        let function = keys.function.as_u32();
        // One look-up per column for a key seen before (nearly every row); a new key is
        // checked for room in all three tables before any of them changes.
        let (u, f, e) = (
            self.units.get(unit),
            self.functions.get(function),
            self.economics.get(economic),
        );
        let full = |count: usize, what: Distinct| count as u64 >= what.limit();
        if f.is_none() && full(self.functions.keys.len(), Distinct::FunctionCodes) {
            return Err(Distinct::FunctionCodes);
        }
        if e.is_none() && full(self.economics.keys.len(), Distinct::EconomicCodes) {
            return Err(Distinct::EconomicCodes);
        }
        if u.is_none() && full(self.units.keys.len(), Distinct::Units) {
            return Err(Distinct::Units);
        }
        let tag = tag_of(keys.kind, keys.source);
        // Each table has room, checked above, so the ids fit their column types.
        let u = u.unwrap_or_else(|| self.units.insert_new(unit));
        let f = f.unwrap_or_else(|| self.functions.insert_new(function));
        let e = e.unwrap_or_else(|| self.economics.insert_new(economic));
        self.row_unit.push(u as u32);
        self.row_function.push(f as u16);
        self.row_economic.push(e as u16);
        self.row_tag.push(tag);
        self.row_cents.push(cents);
        self.tags_present[usize::from(tag >> 6)] |= 1 << (tag & 63);
        Ok(())
    }

    /// Appends every line of `other`, keeping their order.
    ///
    /// ```
    /// use fiscal_cn::{bulk::BulkLedger, ledger::{generate_ledger, Ledger}};
    ///
    /// let (a, b) = (generate_ledger(1, 2, 50), generate_ledger(2, 3, 70));
    /// let mut bulk = BulkLedger::from_ledger(&a)?;
    /// bulk.append(&BulkLedger::from_ledger(&b)?)?;
    /// let both = [a.expenditures(), b.expenditures()].concat();
    /// assert_eq!(bulk, BulkLedger::from_items(&both)?);
    /// # Ok::<(), fiscal_cn::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::TooManyDistinct`] when the two together would hold more
    /// distinct codes than [`MAX_DISTINCT_CODES`] or units than 2³²; nothing is appended then.
    pub fn append(&mut self, other: &BulkLedger) -> Result<()> {
        self.room_for(other)?;
        let units: Vec<u32> = other
            .units
            .keys
            .iter()
            .map(|&k| self.units.intern(k) as u32)
            .collect();
        let functions: Vec<u16> = other
            .functions
            .keys
            .iter()
            .map(|&k| self.functions.intern(k) as u16)
            .collect();
        let economics: Vec<u16> = other
            .economics
            .keys
            .iter()
            .map(|&k| self.economics.intern(k) as u16)
            .collect();
        self.reserve(other.len());
        self.row_unit
            .extend(other.row_unit.iter().map(|&u| units[u as usize]));
        self.row_function.extend(
            other
                .row_function
                .iter()
                .map(|&f| functions[usize::from(f)]),
        );
        self.row_economic.extend(
            other
                .row_economic
                .iter()
                .map(|&e| economics[usize::from(e)]),
        );
        self.row_tag.extend_from_slice(&other.row_tag);
        self.row_cents.extend_from_slice(&other.row_cents);
        for (mine, theirs) in self.tags_present.iter_mut().zip(other.tags_present) {
            *mine |= theirs;
        }
        Ok(())
    }

    /// These lines followed by those of each of `rest`, in order: the same ledger as
    /// [`append`](Self::append)ing them one by one, with the rows renumbered and copied on up
    /// to `threads` threads (the interning tables are merged first, on one thread: they hold
    /// keys, not rows). A property test checks it against `append`. (The CSV ingest's
    /// threads use it.)
    #[cfg(feature = "csv")]
    pub(crate) fn concat(mut self, rest: Vec<BulkLedger>, threads: usize) -> Result<BulkLedger> {
        let mut maps = Vec::with_capacity(rest.len());
        for other in &rest {
            self.room_for(other)?;
            let units: Vec<u32> = other
                .units
                .keys
                .iter()
                .map(|&k| self.units.intern(k) as u32)
                .collect();
            let functions: Vec<u16> = other
                .functions
                .keys
                .iter()
                .map(|&k| self.functions.intern(k) as u16)
                .collect();
            let economics: Vec<u16> = other
                .economics
                .keys
                .iter()
                .map(|&k| self.economics.intern(k) as u16)
                .collect();
            for (mine, theirs) in self.tags_present.iter_mut().zip(other.tags_present) {
                *mine |= theirs;
            }
            maps.push((units, functions, economics));
        }
        let start = self.len();
        let total = start + rest.iter().map(BulkLedger::len).sum::<usize>();
        self.row_unit.resize(total, 0);
        self.row_function.resize(total, 0);
        self.row_economic.resize(total, 0);
        self.row_tag.resize(total, 0);
        self.row_cents.resize(total, 0);
        let threads = parallel::threads(threads);
        let mut offset = start;
        for (other, (units, functions, economics)) in rest.iter().zip(&maps) {
            let rows = offset..offset + other.len();
            offset = rows.end;
            let (u, f, e) = (&units[..], &functions[..], &economics[..]);
            std::thread::scope(|scope| {
                let dst = &mut self.row_unit[rows.clone()];
                copy_mapped(scope, dst, &other.row_unit, threads, |i| {
                    u.get(i as usize).copied().unwrap_or_default()
                });
                let dst = &mut self.row_function[rows.clone()];
                copy_mapped(scope, dst, &other.row_function, threads, |i| {
                    f.get(usize::from(i)).copied().unwrap_or_default()
                });
                let dst = &mut self.row_economic[rows.clone()];
                copy_mapped(scope, dst, &other.row_economic, threads, |i| {
                    e.get(usize::from(i)).copied().unwrap_or_default()
                });
                let dst = &mut self.row_tag[rows.clone()];
                copy_mapped(scope, dst, &other.row_tag, threads, |t| t);
                let dst = &mut self.row_cents[rows.clone()];
                copy_mapped(scope, dst, &other.row_cents, threads, |c| c);
            });
        }
        Ok(self)
    }

    /// The number of lines.
    #[must_use]
    pub fn len(&self) -> usize {
        self.row_cents.len()
    }

    /// Whether there are no lines.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.row_cents.is_empty()
    }

    /// The distinct budget units, in order of first appearance.
    #[must_use]
    pub fn unit_count(&self) -> usize {
        self.units.keys.len()
    }

    /// The heap bytes the columns and interning tables hold now (capacity, not length).
    #[must_use]
    pub fn heap_bytes(&self) -> usize {
        self.row_unit.capacity() * size_of::<u32>()
            + self.row_function.capacity() * size_of::<u16>()
            + self.row_economic.capacity() * size_of::<u16>()
            + self.row_tag.capacity()
            + self.row_cents.capacity() * size_of::<i64>()
            + self.units.heap_bytes()
            + self.functions.heap_bytes()
            + self.economics.heap_bytes()
    }

    /// Gives unused capacity back.
    pub fn shrink_to_fit(&mut self) {
        self.row_unit.shrink_to_fit();
        self.row_function.shrink_to_fit();
        self.row_economic.shrink_to_fit();
        self.row_tag.shrink_to_fit();
        self.row_cents.shrink_to_fit();
    }

    /// Line `index` (0-based) as an [`ExpenditureItem`], its amount at scale 2.
    #[must_use]
    pub fn item(&self, index: usize) -> Option<ExpenditureItem> {
        let cents = *self.row_cents.get(index)?;
        let tag = self.row_tag[index];
        Some(ExpenditureItem {
            unit: UnitId(self.units.keys[self.row_unit[index] as usize]),
            function: FunctionCode::from_u32(
                self.functions.keys[usize::from(self.row_function[index])],
            )?,
            economic: DepartmentEconomicCode::from_u32(
                self.economics.keys[usize::from(self.row_economic[index])],
            )
            .filter(|c| c.as_u32() != 0),
            kind: kind_of(tag),
            source: source_of(tag),
            amount: Decimal::new(cents, 2),
        })
    }

    /// Every line, in order.
    pub fn iter(&self) -> impl Iterator<Item = ExpenditureItem> + '_ {
        (0..self.len()).filter_map(|i| self.item(i))
    }

    /// Every line as an [`ExpenditureItem`], in order, amounts at scale 2.
    #[must_use]
    pub fn to_items(&self) -> Vec<ExpenditureItem> {
        (0..self.len()).filter_map(|i| self.item(i)).collect()
    }

    /// A [`Ledger`] of these expenditure lines (no income lines, no opening balances).
    ///
    /// # Errors
    /// [`Error::Overflow`] when an amount does not fit back into a
    /// `Decimal` (it does for any ledger built from one).
    pub fn to_ledger(&self) -> Result<Ledger> {
        Ledger::new(self.to_items(), vec![], vec![])
    }

    fn threads(&self) -> usize {
        parallel::threads(self.threads)
    }

    /// The row ranges, one per thread, for a job of this size.
    fn chunks(&self) -> Vec<Range<usize>> {
        parallel::chunks(self.len(), self.threads(), MIN_ROWS_PER_THREAD)
    }

    /// The 分 per interned 项 id (index = id).
    fn cents_by_function(&self) -> Vec<i128> {
        let n = self.functions.keys.len();
        let parts = parallel::map(self.chunks(), |range| {
            // 2^16 slots so that a u16 id is always in bounds: no bounds check in the loop.
            let mut sums = dense_u16();
            let rows = self.row_function[range.clone()]
                .iter()
                .zip(&self.row_cents[range]);
            for (&f, &cents) in rows {
                // Cannot overflow: fewer than 2^61 rows of at most 2^63 分 each.
                sums[usize::from(f)] += i128::from(cents);
            }
            sums[..n].to_vec()
        });
        merge(parts, n)
    }

    /// Expenditure rolled up 项 → 款 → 类 → total, exactly as [`Ledger::rollup`] does it.
    ///
    /// ```
    /// use fiscal_cn::{bulk::BulkLedger, classification::Level, ledger::generate_ledger};
    ///
    /// let bulk = BulkLedger::from_ledger(&generate_ledger(3, 10, 5_000))?;
    /// let rollup = bulk.rollup()?;
    /// let lei_total: fiscal_cn::Decimal = rollup.level(Level::Lei).map(|(_, v)| v).sum();
    /// assert_eq!(lei_total, rollup.total());
    /// # Ok::<(), fiscal_cn::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::Overflow`] when a sum exceeds what `Decimal` holds.
    pub fn rollup(&self) -> Result<Rollup> {
        let sums = self.cents_by_function();
        rollup_of(self.functions.keys.iter().copied().zip(sums))
    }

    /// The total expenditure.
    ///
    /// # Errors
    /// [`Error::Overflow`] when the sum exceeds what `Decimal` holds.
    pub fn total(&self) -> Result<Decimal> {
        let parts = parallel::map(self.chunks(), |range| {
            self.row_cents[range]
                .iter()
                .map(|&c| i128::from(c))
                .sum::<i128>()
        });
        to_decimal(parts.into_iter().sum(), Operation::BulkSum)
    }

    /// Expenditure per budget unit, as [`Ledger::expenditure_by_unit`].
    ///
    /// # Errors
    /// [`Error::Overflow`] when a sum exceeds what `Decimal` holds.
    pub fn by_unit(&self) -> Result<BTreeMap<UnitId, Decimal>> {
        let n = self.units.keys.len();
        let parts = parallel::map(self.chunks(), |range| {
            let mut sums = vec![0_i128; n];
            let rows = self.row_unit[range.clone()]
                .iter()
                .zip(&self.row_cents[range]);
            for (&u, &cents) in rows {
                if let Some(slot) = sums.get_mut(u as usize) {
                    *slot += i128::from(cents);
                }
            }
            sums
        });
        let sums = merge(parts, n);
        let keys = self.units.keys.iter().map(|&u| UnitId(u));
        keys.zip(sums)
            .map(|(k, v)| Ok((k, to_decimal(v, Operation::GroupSum)?)))
            .collect()
    }

    /// Expenditure per economic code (`None`: lines without one), as
    /// [`Ledger::expenditure_by_economic`].
    ///
    /// # Errors
    /// [`Error::Overflow`] when a sum exceeds what `Decimal` holds.
    pub fn by_economic(&self) -> Result<BTreeMap<Option<DepartmentEconomicCode>, Decimal>> {
        let n = self.economics.keys.len();
        let parts = parallel::map(self.chunks(), |range| {
            let mut sums = dense_u16();
            let rows = self.row_economic[range.clone()]
                .iter()
                .zip(&self.row_cents[range]);
            for (&e, &cents) in rows {
                sums[usize::from(e)] += i128::from(cents);
            }
            sums[..n].to_vec()
        });
        let sums = merge(parts, n);
        let keys = self
            .economics
            .keys
            .iter()
            .map(|&e| DepartmentEconomicCode::from_u32(e).filter(|_| e != 0));
        let mut out = BTreeMap::new();
        for (k, v) in keys.zip(sums) {
            out.insert(k, to_decimal(v, Operation::GroupSum)?);
        }
        Ok(out)
    }

    /// The 分 per packed kind/source tag (index = tag).
    fn cents_by_tag(&self) -> Vec<(u8, i128)> {
        let parts = parallel::map(self.chunks(), |range| {
            let mut sums = [0_i128; 256];
            for (&t, &cents) in self.row_tag[range.clone()]
                .iter()
                .zip(&self.row_cents[range])
            {
                sums[usize::from(t)] += i128::from(cents);
            }
            sums.to_vec()
        });
        let sums = merge(parts, 256);
        (0..=u8::MAX)
            .filter(|t| self.tags_present[usize::from(t >> 6)] >> (t & 63) & 1 == 1)
            .map(|t| (t, sums[usize::from(t)]))
            .collect()
    }

    fn by_tag<K: Ord>(&self, key: impl Fn(u8) -> K) -> Result<BTreeMap<K, Decimal>> {
        let mut sums: BTreeMap<K, i128> = BTreeMap::new();
        for (tag, cents) in self.cents_by_tag() {
            *sums.entry(key(tag)).or_default() += cents;
        }
        sums.into_iter()
            .map(|(k, v)| Ok((k, to_decimal(v, Operation::GroupSum)?)))
            .collect()
    }

    /// Expenditure per income source, as [`Ledger::expenditure_by_source`].
    ///
    /// # Errors
    /// [`Error::Overflow`] when a sum exceeds what `Decimal` holds.
    pub fn by_source(&self) -> Result<BTreeMap<IncomeSource, Decimal>> {
        self.by_tag(source_of)
    }

    /// Expenditure per kind, as [`Ledger::expenditure_by_kind`].
    ///
    /// # Errors
    /// [`Error::Overflow`] when a sum exceeds what `Decimal` holds.
    pub fn by_kind(&self) -> Result<BTreeMap<ExpenditureKind, Decimal>> {
        self.by_tag(kind_of)
    }

    /// Expenditure per 财政拨款 fund type (`None`: other sources), as
    /// [`Ledger::expenditure_by_fund_type`].
    ///
    /// # Errors
    /// [`Error::Overflow`] when a sum exceeds what `Decimal` holds.
    pub fn by_fund_type(&self) -> Result<BTreeMap<Option<FundType>, Decimal>> {
        self.by_tag(|t| source_of(t).fund_type())
    }
}

/// `dst[i] = map(src[i])`, in up to `threads` pieces, each on its own thread of `scope`.
#[cfg(feature = "csv")]
fn copy_mapped<'scope, T: Send + 'scope, S: Copy + Sync + 'scope>(
    scope: &'scope std::thread::Scope<'scope, '_>,
    dst: &'scope mut [T],
    src: &'scope [S],
    threads: usize,
    map: impl Fn(S) -> T + Copy + Send + 'scope,
) {
    let piece = src.len().div_ceil(threads.max(1)).max(1 << 16);
    for (d, s) in dst.chunks_mut(piece).zip(src.chunks(piece)) {
        scope.spawn(move || {
            for (d, &s) in d.iter_mut().zip(s) {
                *d = map(s);
            }
        });
    }
}

/// A zeroed array with a slot for every `u16`.
fn dense_u16() -> Box<[i128; 1 << 16]> {
    let zeros = vec![0_i128; 1 << 16].into_boxed_slice();
    // The length is right by construction, so the conversion cannot fail.
    zeros.try_into().unwrap_or_else(|_| Box::new([0; 1 << 16]))
}

/// Adds per-thread partial sums slot by slot.
fn merge(parts: Vec<Vec<i128>>, n: usize) -> Vec<i128> {
    let mut total = vec![0_i128; n];
    for part in parts {
        for (t, p) in total.iter_mut().zip(part) {
            *t += p;
        }
    }
    total
}

/// Rolls 分 per 项 up to every ancestor and the total, then converts once to `Decimal`.
pub(crate) fn rollup_of(per_code: impl IntoIterator<Item = (u32, i128)>) -> Result<Rollup> {
    let mut cents: BTreeMap<FunctionCode, i128> = BTreeMap::new();
    let mut total = 0_i128;
    for (code, sum) in per_code {
        let Some(code) = FunctionCode::from_u32(code) else {
            continue;
        };
        for target in std::iter::once(code).chain(code.ancestors()) {
            let slot = cents.entry(target).or_default();
            *slot = slot.checked_add(sum).ok_or(Error::Overflow {
                operation: Operation::Rollup,
            })?;
        }
        total = total.checked_add(sum).ok_or(Error::Overflow {
            operation: Operation::Rollup,
        })?;
    }
    let mut by_code = BTreeMap::new();
    for (code, sum) in cents {
        by_code.insert(code, to_decimal(sum, Operation::Rollup)?);
    }
    Ok(Rollup {
        by_code,
        total: to_decimal(total, Operation::Rollup)?,
    })
}

/// 分 as an exact `Decimal` in 元 (scale 2), or [`Error::Overflow`] beyond its 96 bits.
pub(crate) fn to_decimal(cents: i128, operation: Operation) -> Result<Decimal> {
    Decimal::try_from_i128_with_scale(cents, 2).map_err(|_| Error::Overflow { operation })
}

/// An amount in 元 as whole 分: more than 2 decimals is an error naming the amount, beyond
/// `i64` an [`Error::Overflow`].
pub(crate) fn cents_of(amount: Decimal) -> Result<i64> {
    let cents = to_cents(amount.mantissa(), amount.scale(), 0).map_err(|reason| match reason {
        CentsError::Overflow => Error::Overflow {
            operation: Operation::ToFen,
        },
        CentsError::TooPrecise => Error::FinerThanFen { amount },
    })?;
    Ok(cents)
}

/// Why a value could not become whole 分.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CentsError {
    /// Beyond the `i64` range of 分.
    Overflow,
    /// Finer than 1 分.
    TooPrecise,
}

/// `mantissa × 10^-scale` units of `10^unit_exponent` 元, as whole 分.
pub(crate) fn to_cents(
    mantissa: i128,
    scale: u32,
    unit_exponent: u32,
) -> std::result::Result<i64, CentsError> {
    let up = unit_exponent + 2;
    let cents = if scale <= up {
        10_i128
            .checked_pow(up - scale)
            .and_then(|factor| mantissa.checked_mul(factor))
            .ok_or(CentsError::Overflow)?
    } else {
        let Some(divisor) = 10_i128.checked_pow(scale - up) else {
            // More than 38 decimals beyond 分: only zero is a whole number of 分.
            return if mantissa == 0 {
                Ok(0)
            } else {
                Err(CentsError::TooPrecise)
            };
        };
        if mantissa % divisor != 0 {
            return Err(CentsError::TooPrecise);
        }
        mantissa / divisor
    };
    i64::try_from(cents).map_err(|_| CentsError::Overflow)
}

pub(crate) fn tag_of(kind: ExpenditureKind, source: IncomeSource) -> u8 {
    (kind as u8) * 8 + source as u8
}

pub(crate) fn kind_of(tag: u8) -> ExpenditureKind {
    ExpenditureKind::ALL
        .get(usize::from(tag / 8))
        .copied()
        .unwrap_or(ExpenditureKind::Basic)
}

pub(crate) fn source_of(tag: u8) -> IncomeSource {
    IncomeSource::ALL
        .get(usize::from(tag % 8))
        .copied()
        .unwrap_or(IncomeSource::Other)
}

/// Distinct `u32` keys numbered in order of first appearance.
///
/// Small keys are found by direct index (`direct[key]` is the id + 1, `0` for none) rather
/// than by hashing: unit numbers are mostly small and dense, and at tens of thousands of units
/// a hash table no longer fits in cache while the direct index (4 bytes a slot) still does.
/// Invariant: every key below `direct.len()` is in `direct`, every other key in `ids`. The
/// direct index covers at most [`Interner::DIRECT_SLOTS_PER_KEY`] slots per key (and at least
/// 1,024), so a few large keys never make it big. The ids are the same either way (a property
/// test checks it against a plain map).
#[derive(Debug, Clone, Default)]
pub(crate) struct Interner {
    /// FxHash: fast for these small integer keys. Keys come from line items, so a hostile
    /// input could only slow interning down, never change a result.
    ids: FxHashMap<u32, usize>,
    direct: Vec<u32>,
    pub(crate) keys: Vec<u32>,
}

impl PartialEq for Interner {
    fn eq(&self, other: &Self) -> bool {
        // The maps are a function of the keys.
        self.keys == other.keys
    }
}

impl Eq for Interner {}

impl Interner {
    /// Direct-index slots allowed per distinct key.
    const DIRECT_SLOTS_PER_KEY: usize = 16;
    /// Keys below this may always be indexed directly.
    const DIRECT_MIN: usize = 1 << 10;
    /// Keys at or above this are always hashed (a 16 MiB index at most).
    const DIRECT_MAX: usize = 1 << 22;

    /// The id of `key`, if it has one.
    #[inline]
    pub(crate) fn get(&self, key: u32) -> Option<usize> {
        match self.direct.get(key as usize) {
            Some(&slot) => (slot as usize).checked_sub(1),
            None => self.ids.get(&key).copied(),
        }
    }

    /// Gives `key` the next id; it must not have one yet.
    fn insert_new(&mut self, key: u32) -> usize {
        let id = self.keys.len();
        self.keys.push(key);
        let k = key as usize;
        let limit = (self.keys.len() * Self::DIRECT_SLOTS_PER_KEY)
            .clamp(Self::DIRECT_MIN, Self::DIRECT_MAX);
        if k >= self.direct.len() && k < limit {
            // Grow the direct index to cover `key` and move the hashed keys it now covers.
            let len = (k + 1).next_power_of_two().min(limit.next_power_of_two());
            self.direct.resize(len, 0);
            let direct = &mut self.direct;
            self.ids
                .retain(|&key, &mut id| match direct.get_mut(key as usize) {
                    // Ids are below 2^32 - 1: at most 2^32 keys fit a u32.
                    Some(slot) => {
                        *slot = id as u32 + 1;
                        false
                    }
                    None => true,
                });
        }
        match self.direct.get_mut(k) {
            Some(slot) => *slot = id as u32 + 1,
            None => {
                self.ids.insert(key, id);
            }
        }
        id
    }

    #[inline]
    fn intern(&mut self, key: u32) -> usize {
        match self.get(key) {
            Some(id) => id,
            None => self.insert_new(key),
        }
    }

    fn union_len(&self, other: &Interner) -> usize {
        self.keys.len()
            + other
                .keys
                .iter()
                .filter(|&&k| self.get(k).is_none())
                .count()
    }

    fn heap_bytes(&self) -> usize {
        self.keys.capacity() * size_of::<u32>()
            + self.direct.capacity() * size_of::<u32>()
            + self.ids.capacity() * (size_of::<(u32, usize)>() + 1)
    }
}
