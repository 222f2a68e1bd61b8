//! The domain vocabulary, kept as data: which table cells print which [`Concept`], how
//! printed table titles, column headers and row labels read as the model's [`TableKind`],
//! [`Column`] and [`RowKey`], the words that name a concept in a narrative, and the words around
//! its figures (direction, comparison, listing, titles).
//!
//! Every mapping is a table of rows ([`CONCEPT_CELLS`], [`TABLE_TITLES`], [`partitions`]); the functions
//! read them. The checker, the importers and the model's own parsers go through this module,
//! so adding a place or a name is adding a row here.
//!
//! [`Concept`]: crate::report::Concept
//! [`TableKind`]: crate::report::TableKind
//! [`Column`]: crate::report::Column
//! [`RowKey`]: crate::report::RowKey

mod cells;
pub(crate) mod counts;
pub(crate) use counts::counted_after;
pub use counts::{CountNaming, CountSetting, VehicleCounting, count_named};
mod identities;
pub(crate) mod names;
pub(crate) mod reason;
pub(crate) use names::concept_name;
pub use names::concept_named;
pub(crate) mod sections;
mod tables;
pub(crate) mod words;
pub use words::{direction_in, names_a_budget, sole_direction_in};

pub use cells::{CONCEPT_CELLS, CellSubject, ConceptCell, cells_of, concept_of_cell};
pub use identities::{Balance, Partition, balances, partitions, parts_in, parts_of, whole_of};
pub(crate) use identities::{
    complete, is_child, is_part, name_among_parts, subtotals, sum_of_parts, summed_parts, wholes_of,
};
pub use tables::{
    FUNDS_COLUMN_WORDS, FUNDS_ROW_WORDS, FundsColumn, FundsRow, TABLE_TITLES, TableSide,
    ThreePublicHeader, ThreePublicHeaders, column_of_header, funds_column_of_header,
    funds_row_of_label, indicator_of_row, row_key_of_code, row_key_of_label, strip_numbering,
    table_kind_of_title,
};
