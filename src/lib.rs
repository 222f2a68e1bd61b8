//! # fiscal-cn
//!
//! China's government fiscal data for Rust programs: the 支出功能分类 (类/款/项) and 经济分类
//! codes with an embedded catalog, exact money in 元/万元/亿元, a model of 部门预算/部门决算
//! disclosures (the published tables and every figure the 编制说明 states), aggregation from
//! line items to the published tables, an invariant checker that understands rounding, a reader
//! and writer of the narrative text, 三公经费 and performance self-evaluation scoring.
//!
//! ## Contents
//! [`prelude`] holds what most programs use (`use fiscal_cn::prelude::*;`); the rest is found
//! by concept:
//! - [`money`]: units (元, 万元, 亿元), strict parsing of printed amounts and percentages,
//!   四舍五入 formatting, arithmetic on amounts across units.
//! - [`precision`]: a value as printed knows the exact values it may stand for; pure functions
//!   decide whether a published total, share or rate is consistent with its published parts.
//! - [`classification`]: `Copy` code newtypes, levels, name paths, the catalog, and the
//!   crosswalk between the two economic classifications (部门预算 and 政府预算支出经济分类).
//! - [`dimensions`]: income sources, expenditure kinds, fund types, 人员经费/公用经费, unit kinds.
//! - [`report`]: the disclosure model: tables by kind, narrative statements and claims.
//! - [`check`]: the invariant checker: rules as data, rounding-aware findings, policy.
//! - [`three_public`]: 三公经费 categories and typed views, 机关运行经费.
//! - [`ledger`]: line items in 元, rollup 类/款/项, group-by, consolidation (汇总), seeded
//!   generators.
//! - [`bulk`]: a compact columnar ledger for millions of lines, exact roll-up and group-by on
//!   every core, consolidation along units → departments → regions, bulk checking, CSV ingest.
//! - [`derive`](mod@derive): every disclosure table derived from a ledger at a chosen unit and rounding.
//! - [`metrics`]: shares, growth, completion rates, per-capita amounts, year-over-year
//!   comparison.
//! - [`performance`]: performance indicators, scoring and self-evaluation forms.
//! - [`narrative`]: reading a 编制说明 into statements and claims, and writing one from a
//!   disclosure.
//! - [`audit`]: checking a folder of disclosures on every core, a summary per file and per rule
//!   (terminal, CSV, JSON), and a self-contained HTML report that marks every finding where
//!   it is printed.
//! - [`vocabulary`]: the domain vocabulary as data: which table cells print which concept, how
//!   printed table titles, column headers and row labels read as the model's keys, and which
//!   concepts add up to which.
//!
//! [`Error`], [`Result`] and [`Decimal`] (re-exported from `rust_decimal`) are at the root.
//!
//! ## Examples
//! ```
//! use fiscal_cn::check::{check, Policy};
//! use fiscal_cn::classification::{Catalog, FunctionCode};
//! use fiscal_cn::precision::{Printed, check_sum, Consistency};
//!
//! // A 类 printed 81.05 whose only 项 is printed 81.06 cannot be right...
//! let p = |s: &str| Printed::parse_amount(s, 2);
//! assert_eq!(check_sum(p("81.05")?, &[p("81.06")?])?.verdict, Consistency::Inconsistent);
//! // ...while four 项 summing to 550.12 under a 类 of 550.13 are a tail difference.
//! let parts = [p("237.25")?, p("22")?, p("24.65")?, p("266.22")?];
//! assert_eq!(check_sum(p("550.13")?, &parts)?.verdict, Consistency::Consistent);
//!
//! // Name paths resolve through the embedded catalog.
//! let code = Catalog::<FunctionCode>::embedded()
//!     .resolve_str("农林水支出（类）巩固脱贫攻坚成果衔接乡村振兴（款）其他巩固脱贫攻坚成果衔接乡村振兴支出（项）")?;
//! assert_eq!(code.to_string(), "2130599");
//! # Ok::<(), fiscal_cn::Error>(())
//! ```
//!
//! ## JSON format
//! With the `serde` feature every model type reads and writes JSON. The format is stable:
//! fields are only ever added (as optional), and names are snake_case English; amounts and
//! percentages are strings that keep their printed digits (`"0.80万元"`, `"36.5%"`; table
//! cells without a unit, which the table's `unit` gives). A complete small disclosure — one
//! table, two statements and a claim:
//!
//! ```
//! # #[cfg(feature = "serde")] {
//! use fiscal_cn::{check::{check, Policy, Severity}, report::Disclosure};
//!
//! let json = r#"{
//!   "entity": { "name": "示例局", "year": 2024, "kind": "final_accounts",
//!               "unit_kind": "administrative" },
//!   "currency": "万元",
//!   "amount_decimals": 2,
//!   "tables": [{
//!     "kind": "general_budget_expenditure",
//!     "unit": "万元",
//!     "columns": ["total", "basic", "project"],
//!     "rows": [
//!       { "key": { "line": "total" }, "name": "合计",
//!         "values": { "total": "81.05", "basic": "50.00", "project": "31.05" } },
//!       { "key": { "function": "213" }, "name": "农林水支出",
//!         "values": { "total": "81.05", "basic": "50.00", "project": "31.05" } },
//!       { "key": { "function": "21305" }, "name": "巩固脱贫攻坚成果衔接乡村振兴",
//!         "values": { "total": "81.06", "basic": "50.00", "project": "31.06" } }
//!     ]
//!   }],
//!   "statements": [
//!     { "id": "s1", "concept": { "fund_expenditure": "general_public_budget" },
//!       "value": { "amount": "81.05万元" },
//!       "location": { "section": "五、一般公共预算财政拨款支出决算情况说明",
//!                     "quote": "一般公共预算财政拨款支出81.05万元" } },
//!     { "id": "s2", "concept": { "fund_expenditure": "general_public_budget" },
//!       "value": { "growth": { "rate": "2.5%", "direction": "decrease" } },
//!       "location": { "section": "五、一般公共预算财政拨款支出决算情况说明",
//!                     "quote": "下降2.5%" } }
//!   ],
//!   "claims": [
//!     { "same": { "a": { "statement": "s1" },
//!                 "b": { "cell": { "table": "general_budget_expenditure",
//!                                  "row": { "line": "total" }, "column": "total" } } } }
//!   ]
//! }"#;
//! let disclosure: Disclosure = serde_json::from_str(json).unwrap();
//! // Reading and writing loses nothing: the output reads back to the same model.
//! let again: Disclosure = serde_json::from_str(&serde_json::to_string(&disclosure).unwrap()).unwrap();
//! assert_eq!(again, disclosure);
//! // The 类 213 (81.05) and its only 款 (81.06) cannot both be right.
//! let report = check(&disclosure, &Policy::default());
//! let errors: Vec<&str> = report.with_severity(Severity::Error).map(|f| f.rule.as_str()).collect();
//! assert_eq!(errors, ["T002", "T002"]); // in the 合计 and the 项目支出 columns
//! # }
//! ```
//!
//! The enums' JSON names are those of their variants in snake_case (`"final_accounts"`,
//! `"general_public_budget"`); a `RowKey`, `Concept`, `StatedValue`, `FigureRef` or `Claim` is
//! an object with one key naming its variant. `docs/RULES.md` documents the checker's rules;
//! `examples/data/` holds two complete real disclosures in this format.
//!
//! ## Crate features
//! - `serde` (default): `Serialize`/`Deserialize` for every public data type. Amounts are
//!   written as strings so that no digit is lost.
//! - `csv` (off by default): `ingest_csv`, a fast, strict CSV reader of expenditure lines into
//!   a `BulkLedger` that reports every rejected row with its line number.

#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![warn(clippy::missing_errors_doc)]

pub mod audit;
pub mod bulk;
pub mod check;
pub mod classification;
mod closed_set;
pub mod derive;
pub mod dimensions;
mod error;
pub mod ledger;
pub mod metrics;
pub mod money;
pub mod narrative;
mod parallel;
pub mod performance;
pub mod precision;
pub mod report;
pub mod three_public;
pub mod vocabulary;

pub use error::{
    CsvHeaderProblem, DisclosureId, Distinct, Error, IoError, Mismatch, NestedError, Operation,
    PathProblem, Result, RowRejection,
};
pub use rust_decimal::Decimal;

/// The items most programs use, for one glob import: money, codes and the catalog, the
/// disclosure model, reading and checking.
///
/// ```
/// use fiscal_cn::prelude::*;
///
/// let text = "2024年度示例局部门决算公开说明\n七、“三公”经费支出决算情况说明\n“三公”经费支出2.00万元，完成预算40%。";
/// let reading = read_narrative(text, &ReadOptions::default())?;
/// let report = check(&reading.disclosure, &Policy::default());
/// assert_eq!(reading.disclosure.entity.kind, DisclosureKind::FinalAccounts);
/// assert!(report.with_severity(Severity::Error).next().is_none());
/// # Ok::<(), fiscal_cn::Error>(())
/// ```
pub mod prelude {
    pub use crate::check::{CheckReport, Finding, Policy, Severity, check};
    pub use crate::classification::{Catalog, FunctionCode, Level};
    pub use crate::derive::derive_disclosure;
    pub use crate::dimensions::{ExpenditureKind, FundType, IncomeSource};
    pub use crate::ledger::Ledger;
    pub use crate::money::{Amount, Percent, Unit, parse_amount};
    pub use crate::narrative::{ReadOptions, read_narrative, render_narrative};
    pub use crate::precision::Printed;
    pub use crate::report::{
        Column, Concept, Disclosure, DisclosureKind, Entity, Row, RowKey, StatedValue, Statement,
        Table, TableKind,
    };
    pub use crate::{Decimal, Error, Result};
}

/// The README's tour, compiled and run as a doctest so it stays true.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
