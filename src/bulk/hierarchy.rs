//! Budget units (预算单位) grouped into departments (部门) and regions (地区), and the
//! consolidation (汇总) of a bulk ledger along that hierarchy.

use std::collections::BTreeMap;
use std::fmt;

use rustc_hash::FxHashMap;

use super::{BulkLedger, MIN_ROWS_PER_THREAD, rollup_of};
use crate::error::Operation;
use crate::error::{Error, Result};
use crate::ledger::{Rollup, UnitId};
use crate::parallel;

/// A department (部门) that budget units report to, by a number the caller assigns.
///
/// ```
/// assert_eq!(fiscal_cn::bulk::DepartmentId(7).to_string(), "部门7");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(transparent))]
pub struct DepartmentId(pub u32);

impl fmt::Display for DepartmentId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "部门{}", self.0)
    }
}

/// A region (地区: a county, city or province) whose departments are consolidated together.
///
/// ```
/// assert_eq!(fiscal_cn::bulk::RegionId(1).to_string(), "地区1");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(transparent))]
pub struct RegionId(pub u32);

impl fmt::Display for RegionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "地区{}", self.0)
    }
}

/// Which department each unit belongs to, and which region each department.
///
/// ```
/// use fiscal_cn::{bulk::{DepartmentId, RegionId, UnitHierarchy}, ledger::UnitId};
///
/// let mut h = UnitHierarchy::new();
/// h.add_department(DepartmentId(1), RegionId(1));
/// h.add_unit(UnitId(10), DepartmentId(1));
/// assert_eq!(h.department_of(UnitId(10)), Some(DepartmentId(1)));
/// assert_eq!(h.region_of(DepartmentId(1)), Some(RegionId(1)));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct UnitHierarchy {
    units: BTreeMap<UnitId, DepartmentId>,
    departments: BTreeMap<DepartmentId, RegionId>,
}

impl UnitHierarchy {
    /// An empty hierarchy.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Puts `unit` under `department` (replacing an earlier assignment).
    pub fn add_unit(&mut self, unit: UnitId, department: DepartmentId) -> &mut Self {
        self.units.insert(unit, department);
        self
    }

    /// Puts `department` in `region` (replacing an earlier assignment).
    pub fn add_department(&mut self, department: DepartmentId, region: RegionId) -> &mut Self {
        self.departments.insert(department, region);
        self
    }

    /// The department of `unit`.
    #[must_use]
    pub fn department_of(&self, unit: UnitId) -> Option<DepartmentId> {
        self.units.get(&unit).copied()
    }

    /// The region of `department`.
    #[must_use]
    pub fn region_of(&self, department: DepartmentId) -> Option<RegionId> {
        self.departments.get(&department).copied()
    }

    /// The units with their departments, in unit order.
    pub fn units(&self) -> impl Iterator<Item = (UnitId, DepartmentId)> + '_ {
        self.units.iter().map(|(u, d)| (*u, *d))
    }
}

/// The roll-ups (项 → 款 → 类 → total) of every department and every region.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Consolidation {
    /// Each department that has lines, with the roll-up of its units' lines.
    pub departments: BTreeMap<DepartmentId, Rollup>,
    /// Each region that has lines, with the roll-up of its departments' lines.
    pub regions: BTreeMap<RegionId, Rollup>,
}

/// Dense (department × 项) cells up to this many; beyond, a hash map of the cells that occur.
pub(crate) const MAX_DENSE_CELLS: usize = 1 << 22;

impl BulkLedger {
    /// Consolidates (汇总) the lines of every unit into its department and every department
    /// into its region, with exact integer sums on every core. Every unit with lines must be
    /// in `hierarchy`, and every such unit's department must have a region: otherwise the
    /// error names the first unit or department missing (nothing is dropped silently).
    ///
    /// ```
    /// use fiscal_cn::bulk::{BulkLedger, DepartmentId, RegionId, UnitHierarchy};
    /// use fiscal_cn::ledger::{generate_ledger, UnitId};
    ///
    /// let ledger = generate_ledger(5, 6, 600);
    /// let mut h = UnitHierarchy::new();
    /// h.add_department(DepartmentId(1), RegionId(1)).add_department(DepartmentId(2), RegionId(1));
    /// for unit in 1..=6 {
    ///     h.add_unit(UnitId(unit), DepartmentId(1 + unit % 2));
    /// }
    /// let c = BulkLedger::from_ledger(&ledger)?.consolidate(&h)?;
    /// assert_eq!(c.departments.len(), 2);
    /// assert_eq!(c.regions[&RegionId(1)], ledger.rollup()?);
    /// # Ok::<(), fiscal_cn::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::UnitWithoutDepartment`] when a unit of the ledger has no
    /// department in `hierarchy`, [`Error::DepartmentWithoutRegion`] when a department has no
    /// region;
    /// [`Error::Overflow`] when a sum exceeds what `Decimal` holds.
    pub fn consolidate(&self, hierarchy: &UnitHierarchy) -> Result<Consolidation> {
        // Dense department and region numbers for the units that occur.
        let mut departments: Vec<DepartmentId> = vec![];
        let mut department_index: BTreeMap<DepartmentId, u32> = BTreeMap::new();
        let mut unit_department = Vec::with_capacity(self.units.keys.len());
        for &unit in &self.units.keys {
            let Some(department) = hierarchy.department_of(UnitId(unit)) else {
                return Err(Error::UnitWithoutDepartment { unit });
            };
            if hierarchy.region_of(department).is_none() {
                return Err(Error::DepartmentWithoutRegion {
                    department: department.0,
                });
            }
            let next = departments.len() as u32;
            let index = *department_index.entry(department).or_insert(next);
            if index == next {
                departments.push(department);
            }
            unit_department.push(index);
        }

        let n_functions = self.functions.keys.len();
        let n_departments = departments.len();
        let cells = n_departments.saturating_mul(n_functions);
        let ranges = parallel::chunks(self.len(), self.threads(), MIN_ROWS_PER_THREAD);
        let rows = |range: std::ops::Range<usize>| {
            let units = &self.row_unit[range.clone()];
            let functions = &self.row_function[range.clone()];
            let cents = &self.row_cents[range];
            units
                .iter()
                .zip(functions)
                .zip(cents)
                .map(|((&u, &f), &c)| {
                    let department = unit_department.get(u as usize).copied().unwrap_or(0) as usize;
                    (department * n_functions + usize::from(f), i128::from(c))
                })
        };
        if cells <= MAX_DENSE_CELLS {
            // Sums per (department, 项) cell, and which cells have lines: a sum of zero is
            // still a line.
            let parts = parallel::map(ranges, |range| {
                let mut sums = vec![0_i128; cells];
                let mut present = vec![false; cells];
                for (cell, cents) in rows(range) {
                    if let (Some(slot), Some(p)) = (sums.get_mut(cell), present.get_mut(cell)) {
                        *slot += cents;
                        *p = true;
                    }
                }
                (sums, present)
            });
            let mut per_cell = vec![0_i128; cells];
            let mut present = vec![false; cells];
            for (sums, seen) in parts {
                for ((t, p), (s, q)) in per_cell
                    .iter_mut()
                    .zip(&mut present)
                    .zip(sums.into_iter().zip(seen))
                {
                    *t += s;
                    *p |= q;
                }
            }
            return self.finish(&departments, hierarchy, |d| {
                let start = d * n_functions;
                (0..n_functions)
                    .filter(|f| present.get(start + f).copied().unwrap_or(false))
                    .map(|f| (f, per_cell.get(start + f).copied().unwrap_or(0)))
                    .collect()
            });
        }
        let parts = parallel::map(ranges, |range| {
            let mut sums: FxHashMap<usize, i128> = FxHashMap::default();
            for (cell, cents) in rows(range) {
                *sums.entry(cell).or_default() += cents;
            }
            sums
        });
        let mut merged: BTreeMap<usize, i128> = BTreeMap::new();
        for part in parts {
            for (cell, cents) in part {
                *merged.entry(cell).or_default() += cents;
            }
        }
        self.finish(&departments, hierarchy, |d| {
            let start = d * n_functions;
            merged
                .range(start..start + n_functions)
                .map(|(cell, cents)| (cell - start, *cents))
                .collect()
        })
    }

    /// Builds the department and region roll-ups from each dense department's (项 id, 分).
    fn finish(
        &self,
        departments: &[DepartmentId],
        hierarchy: &UnitHierarchy,
        cells_of: impl Fn(usize) -> Vec<(usize, i128)>,
    ) -> Result<Consolidation> {
        let code = |f: usize| self.functions.keys.get(f).copied().unwrap_or(0);
        let mut result = Consolidation::default();
        let mut regions: BTreeMap<RegionId, BTreeMap<u32, i128>> = BTreeMap::new();
        for (d, &department) in departments.iter().enumerate() {
            let cells = cells_of(d);
            let region = hierarchy.region_of(department).unwrap_or(RegionId(0));
            let region_cells = regions.entry(region).or_default();
            for &(f, cents) in &cells {
                let slot = region_cells.entry(code(f)).or_default();
                *slot = slot.checked_add(cents).ok_or(Error::Overflow {
                    operation: Operation::RegionalConsolidation,
                })?;
            }
            let rollup = rollup_of(cells.into_iter().map(|(f, cents)| (code(f), cents)))?;
            result.departments.insert(department, rollup);
        }
        for (region, cells) in regions {
            result.regions.insert(region, rollup_of(cells)?);
        }
        Ok(result)
    }
}
