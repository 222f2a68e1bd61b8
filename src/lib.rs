//! # fiscal-cn
//!
//! China's government fiscal data for Rust programs: the 支出功能分类 (类/款/项) and 经济分类
//! codes with an embedded catalog, exact money in 元/万元, printed precision and rounding-aware
//! comparison, and the closed sets that 部门预算/部门决算 disclosures are built from.
//!
//! ## Overview
//! Everything is exported at the crate root; the source is organised by concept:
//! - money: units (元, 万元, 亿元), strict parsing of printed amounts and percentages,
//!   四舍五入 formatting.
//! - precision: a value as printed knows the exact values it may stand for; pure functions
//!   decide whether a published total, share or rate is consistent with its published parts.
//! - classification: `Copy` code newtypes, levels, name paths and the catalog.
//! - dimensions: income sources, expenditure kinds, fund types, 人员经费/公用经费, unit kinds.
//! - report: the disclosure model: tables by kind, narrative statements, performance forms.
//! - check: the invariant checker: rules as data, rounding-aware findings, policy.
//! - three_public: the 三公经费 categories.
//! - ledger: line items in 元, rollup 类/款/项, group-by, consolidation (汇总), a seeded generator.
//! - bulk: a compact columnar ledger for millions of lines, exact roll-up and group-by on
//!   every core, consolidation along units → departments → regions, bulk checking, CSV ingest.
//! - derive: every disclosure table derived from a ledger at a chosen unit and rounding.
//! - metrics: shares, growth, completion rates, per-capita amounts, year-over-year comparison.
//! - performance: performance indicators and scoring.
//!
//! ## Crate features
//! - `serde` (default): `Serialize`/`Deserialize` for every public data type. Amounts are
//!   written as strings so that no digit is lost.
//! - `csv` (off by default): `ingest_csv`, a fast, strict CSV reader of expenditure lines into
//!   a `BulkLedger` that reports every rejected row with its line number.

#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod bulk;
mod check;
mod classification;
mod derive;
mod dimensions;
mod error;
mod ledger;
mod metrics;
mod money;
mod performance;
mod precision;
mod report;
mod three_public;

pub use bulk::*;
pub use check::*;
pub use classification::*;
pub use derive::*;
pub use dimensions::*;
pub use error::{Error, Result};
pub use ledger::*;
pub use metrics::*;
pub use money::*;
pub use performance::*;
pub use precision::*;
pub use report::*;
pub use rust_decimal::Decimal;
pub use three_public::*;

/// The README's tour, compiled and run as a doctest so it stays true.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
