//! The bodies of the fuzz targets: each takes any bytes and must return, whatever they are,
//! without a panic (a value or an `Error` from the crate is fine).
//!
//! Shared by the cargo-fuzz targets (`fuzz/fuzz_targets/*.rs`, run with libFuzzer) and the
//! deterministic smoke test `tests/fuzz_smoke.rs` (which `cargo test` runs on every change),
//! both through `#[path = ".../bodies.rs"] mod bodies;`. Only the crate's public API is used.

#![allow(dead_code)]

use std::borrow::Cow;

#[cfg(feature = "csv")]
use fiscal_cn::bulk::{CsvOptions, IngestMode, ingest_csv};

use fiscal_cn::{
    audit::{Audit, audit_html, audit_source},
    check::{CheckReport, Policy, RuleCode, check},
    classification::{
        Catalog, DepartmentEconomicCode, FunctionCode, GovernmentEconomicCode, NamePath,
    },
    money::{
        Amount, Percent, Unit, format_fixed, format_grouped, parse_amount, round_half_up,
        truncate_to,
    },
    narrative::{ReadOptions, read_narrative, render_narrative},
    performance::{
        DepartmentSelfEvaluation, EqualTargetRule, ProjectSelfEvaluation, QualitativeOutcome,
        ScoringPolicy, rescale_weights, score_at_least, score_at_most, score_equal,
        score_execution, score_qualitative,
    },
    precision::{
        Printed, check_balance, check_growth, check_growth_from_prior, check_ratio, check_sum,
    },
    report::{Disclosure, consolidate_disclosures},
};

/// A target: its name (the file in `fuzz/fuzz_targets/`) and its body.
pub type Target = (&'static str, fn(&[u8]));

/// Every target, by name.
pub const TARGETS: &[Target] = &[
    ("numbers", numbers),
    ("printed", printed),
    ("catalog_csv", catalog_csv),
    #[cfg(feature = "csv")]
    ("ledger_csv", ledger_csv),
    #[cfg(feature = "csv")]
    ("ledger_check", ledger_check),
    ("disclosure_check", disclosure_check),
    ("narrative", narrative),
    ("render", render),
    ("consolidate", consolidate),
    ("score", score),
    ("audit", audit),
];

/// The bytes as text (invalid UTF-8 replaced, as a user's file reader would refuse or repair).
fn text(data: &[u8]) -> Cow<'_, str> {
    String::from_utf8_lossy(data)
}

/// A number of decimals from a byte: every value from 0 to 30 and a few far beyond.
fn decimals(byte: u8) -> u32 {
    match byte {
        250 => 100,
        251 => u32::MAX,
        252 => u32::MAX - 3,
        b => u32::from(b % 31),
    }
}

/// The pieces of a text a parser may be given: each line, each word, and the whole.
fn pieces(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .chain(text.split([' ', '\t', '，', '、', '；']))
        .chain([text])
        .take(256)
}

/// Amount, percent and code parsing, and the formats of what parses.
pub fn numbers(data: &[u8]) {
    let places = data.first().map_or(2, |&b| decimals(b));
    let text = text(data);
    for piece in pieces(&text) {
        if let Ok(amount) = parse_amount(piece) {
            let _ = format_fixed(amount.value, places);
            let _ = format_grouped(amount.value, places);
            let _ = round_half_up(amount.value, places);
            let _ = truncate_to(amount.value, places);
            let amount = Amount::new(amount.value, amount.unit.unwrap_or(Unit::WanYuan));
            for unit in [Unit::Yuan, Unit::WanYuan, Unit::YiYuan] {
                let _ = amount.to_unit(unit);
                let _ = amount.format_in(unit, places);
                let _ = amount.value_in(unit, places);
            }
            let _ = amount.checked_add(amount);
            let _ = amount.same_value(amount);
        }
        let _ = Amount::parse_in(piece, Unit::WanYuan);
        let _ = piece.parse::<Amount>();
        if let Ok(percent) = piece.parse::<Percent>() {
            let _ = Printed::from(percent).preimage(fiscal_cn::precision::RoundingMode::HalfUp);
            let _ = percent.to_string();
        }
        let _ = piece.parse::<FunctionCode>();
        let _ = FunctionCode::parse_lenient(piece);
        let _ = piece.parse::<DepartmentEconomicCode>();
        let _ = DepartmentEconomicCode::parse_lenient(piece);
        let _ = piece.parse::<GovernmentEconomicCode>();
        let _ = GovernmentEconomicCode::parse_lenient(piece);
        if let Ok(path) = piece.parse::<NamePath>() {
            let _ = Catalog::<FunctionCode>::embedded().resolve(&path);
        }
        if let Ok(code) = piece.parse::<RuleCode>() {
            assert_eq!(code.rule().code, code);
            assert_eq!(code.as_str(), piece);
        }
        let _ = Policy::default().disable(piece);
    }
}

/// Printed figures and the rounding-aware checks between them; the scorers and the metrics
/// on the same numbers.
pub fn printed(data: &[u8]) {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    let min_decimals = decimals(first);
    let text = text(rest);
    let figures: Vec<Printed> = text
        .split_whitespace()
        .take(64)
        .filter_map(|piece| {
            Printed::parse_amount(piece, min_decimals)
                .or_else(|_| Printed::parse_percent(piece))
                .ok()
        })
        .collect();
    for p in &figures {
        let _ = (p.half_unit(), p.checked_half_unit(), p.unit_in_last_place());
        for mode in [
            fiscal_cn::precision::RoundingMode::HalfUp,
            fiscal_cn::precision::RoundingMode::Truncate,
        ] {
            let _ = p.preimage(mode);
        }
    }
    if let Some((total, parts)) = figures.split_first() {
        let _ = check_sum(*total, parts);
        let (left, right) = figures.split_at(figures.len() / 2);
        let _ = check_balance(left, right);
    }
    for w in figures.windows(3) {
        let _ = check_ratio(w[0], w[1], w[2]);
        let _ = check_growth(w[0], w[1], w[2]);
        let _ = check_growth_from_prior(w[0], w[1], w[2]);
        let (a, b, c) = (w[0].value(), w[1].value(), w[2].value());
        let _ = score_at_least(a, b, c);
        let _ = score_at_most(a, b, c);
        let _ = score_equal(a, b, c, EqualTargetRule::ProportionalDeviation);
        let _ = score_equal(a, b, c, EqualTargetRule::ExactOnly);
        let _ = score_execution(a, b, c);
        let _ = score_qualitative(QualitativeOutcome::Achieved, a, Some(b));
        let _ = fiscal_cn::metrics::share(a, b);
        let _ = fiscal_cn::metrics::change(a, b);
        let _ = fiscal_cn::metrics::growth_rate(a, b);
        let _ = fiscal_cn::metrics::completion_rate(a, b);
    }
    let weights: Vec<_> = figures
        .iter()
        .enumerate()
        .map(|(i, p)| (p.value(), i % 3 != 0))
        .collect();
    let _ = rescale_weights(&weights);
}

/// `Catalog::from_csv` of each classification.
pub fn catalog_csv(data: &[u8]) {
    let text = text(data);
    if let Ok(catalog) = Catalog::<FunctionCode>::from_csv(&text, "fuzz") {
        let _ = catalog.len();
    }
    let _ = Catalog::<DepartmentEconomicCode>::from_csv(&text, "fuzz");
    let _ = Catalog::<GovernmentEconomicCode>::from_csv(&text, "fuzz");
}

/// The bulk ledger's CSV ingest, failing fast and skipping bad rows, in 元 and 万元; what it
/// reads is added up, turned into a ledger, rolled up and consolidated with itself. A parser
/// target: it runs fast enough for ten million inputs (the derive and the check of what it
/// reads are `ledger_check`'s).
#[cfg(feature = "csv")]
pub fn ledger_csv(data: &[u8]) {
    for mode in [IngestMode::FailFast, IngestMode::SkipAndReport] {
        for unit in [Unit::Yuan, Unit::WanYuan] {
            let _ = ingested_ledger(data, unit, mode);
        }
    }
}

/// What the bulk ingest reads of `data`, added up every way the bulk ledger offers, as a
/// ledger rolled up and consolidated with itself; `None` when it reads nothing.
#[cfg(feature = "csv")]
fn ingested_ledger(data: &[u8], unit: Unit, mode: IngestMode) -> Option<fiscal_cn::ledger::Ledger> {
    let bulk = ingest_csv(data, CsvOptions { unit, mode }).ok()?.ledger;
    let _ = (
        bulk.rollup(),
        bulk.total(),
        bulk.by_unit(),
        bulk.by_economic(),
    );
    let _ = (bulk.by_source(), bulk.by_kind(), bulk.by_fund_type());
    let ledger = bulk.to_ledger().ok()?;
    let _ = ledger.rollup();
    let _ = fiscal_cn::ledger::consolidate([&ledger, &ledger]);
    Some(ledger)
}

/// A ledger read from CSV (rows skipped where bad), derived into a final accounts disclosure
/// and a budget, each checked.
#[cfg(feature = "csv")]
pub fn ledger_check(data: &[u8]) {
    use fiscal_cn::{
        derive::{Publication, derive_disclosure},
        report::{DisclosureKind, Entity},
    };
    let Some(ledger) = ingested_ledger(data, Unit::Yuan, IngestMode::SkipAndReport) else {
        return;
    };
    for kind in [DisclosureKind::FinalAccounts, DisclosureKind::Budget] {
        let entity = Entity::new("模糊测试单位", 2024, kind);
        if let Ok(derived) = derive_disclosure(&ledger, entity, Publication::default()) {
            let _ = check(&derived, &Policy::default());
        }
    }
}

/// A disclosure from JSON, as the `check` example reads one.
fn disclosure(data: &[u8]) -> Option<Disclosure> {
    serde_json::from_slice(data).ok()
}

/// A JSON disclosure, checked under the default policy, a lenient one and the bytes read as
/// a policy; the report written as JSON reads back the same. The bytes are read as a report
/// too (what a user's tools read back).
pub fn disclosure_check(data: &[u8]) {
    let policy = serde_json::from_slice::<Policy>(data).ok();
    let _ = serde_json::from_slice::<CheckReport>(data);
    let Some(d) = disclosure(data) else {
        return;
    };
    let report = check(&d, &Policy::default());
    let json = serde_json::to_string(&report).expect("a report is written as JSON");
    let read: CheckReport = serde_json::from_str(&json).expect("a written report reads back");
    assert_eq!(read, report, "a report reads back as it was written");
    if let Some(policy) = policy {
        let _ = check(&d, &policy);
    }
    let lenient = Policy::default()
        .with_accept_truncation(true)
        .with_hide_tail_differences(true);
    let _ = check(&d, &lenient);
}

/// A narrative text read, then checked and written back out.
pub fn narrative(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(reading) = read_narrative(text, &ReadOptions::default()) else {
        return;
    };
    let _ = check(&reading.disclosure, &Policy::default());
    let _ = render_narrative(&reading.disclosure);
}

/// A JSON disclosure written out: its narrative, its tables, its entity and statements.
pub fn render(data: &[u8]) {
    let Some(d) = disclosure(data) else {
        return;
    };
    let _ = render_narrative(&d);
    for table in &d.tables {
        let _ = table.render();
    }
    let _ = d.render_entity();
    let _ = d.render_statements();
}

/// `consolidate_disclosures` of a JSON array of disclosures, or of one disclosure twice with
/// a copy in another unit; the result checked and written out.
pub fn consolidate(data: &[u8]) {
    let reports: Vec<Disclosure> = match serde_json::from_slice(data) {
        Ok(reports) => reports,
        Err(_) => {
            let Some(d) = disclosure(data) else {
                return;
            };
            let mut other = d.clone();
            for table in &mut other.tables {
                table.unit = match table.unit {
                    Unit::Yuan => Unit::YiYuan,
                    _ => Unit::Yuan,
                };
            }
            vec![d, other]
        }
    };
    let Some(first) = reports.first() else {
        return;
    };
    let Ok(merged) = consolidate_disclosures(first.entity.clone(), &reports) else {
        return;
    };
    let _ = check(&merged, &Policy::default());
    for table in &merged.tables {
        let _ = table.render();
    }
}

/// The self-evaluation forms of a JSON disclosure, or one form alone, scored.
pub fn score(data: &[u8]) {
    let policy = ScoringPolicy::default();
    if let Some(d) = disclosure(data) {
        for form in &d.project_evaluations {
            let _ = form.score(&policy);
        }
        if let Some(form) = &d.department_evaluation {
            let _ = form.score(&policy);
        }
    } else if let Ok(form) = serde_json::from_slice::<ProjectSelfEvaluation>(data) {
        let _ = form.score(&policy);
    } else if let Ok(form) = serde_json::from_slice::<DepartmentSelfEvaluation>(data) {
        let _ = form.score(&policy);
    }
}

/// The bytes audited as a narrative text and as a JSON disclosure (each read and checked, or
/// refused as unreadable), and the audit written out: its summary, its CSV and its annotated
/// HTML page, which marks each figure and finding inside the text.
pub fn audit(data: &[u8]) {
    let policy = Policy::default();
    let mut audit = Audit::default();
    for name in ["说明.txt", "公开.json"] {
        match audit_source(name, data, &policy) {
            Ok(file) => audit.files.push(file),
            Err(unreadable) => audit.unreadable.push(unreadable),
        }
    }
    let _ = audit.summary().to_csv();
    let _ = audit_html(&audit);
}
