//! Arithmetic claims a narrative makes between figures.
//!
//! A statement such as `本年收入合计775.31万元，其中：……其他收入46.06万元，占5.94%` claims that
//! 5.94% = 46.06 / 775.31. Most claims follow from the [`Concept`](super::Concept)s of the
//! statements and the checker infers them; a [`Claim`] pins the operands explicitly where a
//! transcriber or reader knows them (the figure ids of one sentence, or a table cell).

use super::statement::Direction;
use super::table::{Column, RowKey, TableKind};

/// A figure a claim refers to: a statement (by its id) or a table cell.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum FigureRef {
    /// A [`Statement`](super::Statement) by its `id`.
    Statement(String),
    /// A printed table cell.
    Cell {
        /// The table.
        table: TableKind,
        /// The row.
        row: RowKey,
        /// The column.
        column: Column,
    },
}

/// An arithmetic claim between figures, as the narrative makes it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Claim {
    /// `rate = part / whole × 100` (shares, completion and execution rates).
    Ratio {
        /// The rate.
        rate: FigureRef,
        /// The part (or the actual).
        part: FigureRef,
        /// The whole (or the budget).
        whole: FigureRef,
    },
    /// A growth rate and/or change against the prior year. At least two of `change`,
    /// `current` and `prior` are given.
    Growth {
        /// The growth rate, when stated.
        rate: Option<FigureRef>,
        /// The change, when stated.
        change: Option<FigureRef>,
        /// This year's value, when stated.
        current: Option<FigureRef>,
        /// The prior year's value, when stated.
        prior: Option<FigureRef>,
    },
    /// `total = Σ parts − Σ minus`.
    Sum {
        /// The total.
        total: FigureRef,
        /// The parts.
        parts: Vec<FigureRef>,
        /// Parts subtracted.
        minus: Vec<FigureRef>,
    },
    /// `total ≥ Σ parts`: an incomplete 其中 listing.
    SubsetSum {
        /// The total.
        total: FigureRef,
        /// The parts listed.
        parts: Vec<FigureRef>,
    },
    /// Counts that add up exactly: `total = Σ parts`.
    CountSum {
        /// The total count.
        total: FigureRef,
        /// The parts.
        parts: Vec<FigureRef>,
    },
    /// A comparison of actual with budget in words (大于/小于/持平).
    Compare {
        /// The actual.
        actual: FigureRef,
        /// The budget.
        budget: FigureRef,
        /// The word printed.
        stated: Direction,
    },
    /// Two printings of one quantity in different places of the document.
    Same {
        /// One printing.
        a: FigureRef,
        /// The other.
        b: FigureRef,
    },
}
