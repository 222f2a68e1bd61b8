//! What several test files share: a deterministic index, the corruption of one table cell,
//! whether an error covers a figure, and the repository's files. Each test file uses a part.

#![allow(dead_code)]

use fiscal_cn::{
    Decimal,
    check::{Policy, Severity, check},
    report::{Disclosure, FigureRef},
};
use proptest::prelude::*;
use proptest::test_runner::TestRng;

/// An index below `n` from proptest's deterministic RNG, so a test draws the same every run.
pub fn below(rng: &mut TestRng, n: usize) -> usize {
    usize::try_from(rng.next_u64() % u64::try_from(n.max(1)).unwrap_or(1)).unwrap_or(0)
}

/// Corrupts `times` cells of `clean` drawn at random, one at a time, each by more than
/// rounding allows in any identity (an identity has at most as many terms as a table has
/// rows, plus a cross-table term, each worth half a unit of the last printed decimal), and
/// checks each copy: the cells an error covers are `found`, the others are returned.
pub fn corrupted_cells_found(
    clean: &Disclosure,
    rng: &mut TestRng,
    times: usize,
) -> (usize, Vec<FigureRef>) {
    let most_rows = clean.tables.iter().map(|t| t.rows.len()).max().unwrap_or(0);
    let beyond = i64::try_from(most_rows / 2 + 2).unwrap_or(i64::MAX);
    let cells: Vec<(usize, usize, fiscal_cn::report::Column)> =
        clean
            .tables
            .iter()
            .enumerate()
            .flat_map(|(t, table)| {
                table.rows.iter().enumerate().flat_map(move |(r, row)| {
                    row.values.columns().map(move |column| (t, r, column))
                })
            })
            .collect();
    let (mut found, mut missed) = (0, Vec::new());
    for _ in 0..times {
        let (t, r, column) = cells[below(rng, cells.len())];
        let sign = if below(rng, 2) == 0 { 1 } else { -1 };
        let mut corrupted = clean.clone();
        let table = &mut corrupted.tables[t];
        let row = &mut table.rows[r];
        let value = row.values[column];
        row.values
            .insert(column, value + Decimal::new(sign * beyond, 2));
        let target = FigureRef::Cell {
            table: table.kind,
            row: row.key.clone(),
            column,
        };
        if error_covers(&corrupted, &target) {
            found += 1;
        } else {
            missed.push(target);
        }
    }
    (found, missed)
}

/// Whether checking `d` finds an error that covers `target`.
pub fn error_covers(d: &Disclosure, target: &FigureRef) -> bool {
    check(d, &Policy::default())
        .findings
        .iter()
        .any(|f| f.severity == Severity::Error && f.covers(target))
}

/// The `.rs` and `.md` files under `dir`, at any depth.
pub fn files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs" || e == "md") {
            out.push(path);
        }
    }
}
