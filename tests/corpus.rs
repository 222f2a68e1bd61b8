//! The reader and checker on a corpus of real, published narratives with hand-worked expected
//! findings (one `NAME.txt` and one `NAME.expected.json` per text).
//!
//! Two corpora, scored alike:
//! - the development corpus lives outside the repository, in `../shared/corpus` beside the
//!   checkout, or wherever `FISCAL_CN_CORPUS` points; where it is absent the test says so and
//!   checks nothing;
//! - `tests/corpus` holds real texts audited by hand after the reader was written, each with
//!   its source address: regression tests on texts the reader was not built against.
//!
//! Scoring follows the corpus's own rules. An expected finding and a checker finding are a
//! candidate pair when the checker's severity is at least the expected one and their locations
//! agree after NFKC and the removal of white space: one quote contains the other (at least 4
//! characters), or both quotes carry the stated figure, or the checker's published figure is
//! the stated one and its message names it (a zero figure locates by quote only). Pairs are
//! assigned one-to-one, expected errors first. A false error is a checker error that is a
//! candidate for no expected finding.
//!
//! The test fails on any false error, and when fewer expected findings are found than the
//! floors below (raise them as the reader and the rules improve; never lower them).
#![cfg(feature = "serde")]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use fiscal_cn::{
    check::{CheckReport, Policy, Severity, check},
    narrative::{ReadOptions, read_narrative},
    report::DisclosureKind,
};
use rust_decimal::Decimal;
use serde_json::Value;
use unicode_normalization::UnicodeNormalization;

/// Expected errors and warnings found over the whole corpus, at least.
const ERRORS_FOUND_AT_LEAST: usize = 16;
const WARNINGS_FOUND_AT_LEAST: usize = 13;
/// The same floors for the audited texts kept in `tests/corpus`.
const AUDITED_ERRORS_FOUND_AT_LEAST: usize = 42;
const AUDITED_WARNINGS_FOUND_AT_LEAST: usize = 58;
/// Audited texts the reader cannot read, or whose year, kind or unit it reads wrong, at most
/// (lower it as the reader improves; raise it only for texts newly added, never for a reader
/// that got worse).
const AUDITED_MISREAD_AT_MOST: usize = 19;

/// The corpus folder, or `None` (saying so) where there is none.
fn corpus_dir() -> Option<PathBuf> {
    let dir = std::env::var_os("FISCAL_CN_CORPUS").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus"),
        PathBuf::from,
    );
    if !dir.is_dir() {
        eprintln!(
            "corpus: no corpus found (../shared/corpus or FISCAL_CN_CORPUS); nothing checked"
        );
    }
    dir.is_dir().then_some(dir)
}

fn rank(severity: &str) -> u8 {
    match severity {
        "error" => 2,
        "warning" => 1,
        _ => 0,
    }
}

fn severity_rank(severity: Severity) -> u8 {
    match severity {
        Severity::Error => 2,
        Severity::Warning => 1,
        _ => 0,
    }
}

fn norm(text: &str) -> String {
    text.nfkc().filter(|c| !c.is_whitespace()).collect()
}

/// The absolute value of a printed figure (`-13.71`, `1,055.4%`), or `None` for words.
fn number(text: &str) -> Option<Decimal> {
    let t = norm(text).replace(',', "");
    let t = t.trim_end_matches('%').trim_start_matches(['+', '-']);
    if t.is_empty() {
        return None;
    }
    t.parse::<Decimal>().ok().map(|d| d.abs())
}

/// Every number token in `text` (`\d[\d,]*(\.\d+)?`).
fn tokens(text: &str) -> BTreeSet<Decimal> {
    let t = norm(text);
    let chars: Vec<char> = t.chars().collect();
    let mut out = BTreeSet::new();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let mut token = String::new();
        while i < chars.len() && (chars[i].is_ascii_digit() || chars[i] == ',') {
            token.push(chars[i]);
            i += 1;
        }
        if i + 1 < chars.len() && chars[i] == '.' && chars[i + 1].is_ascii_digit() {
            token.push('.');
            i += 1;
            while i < chars.len() && chars[i].is_ascii_digit() {
                token.push(chars[i]);
                i += 1;
            }
        }
        if let Ok(d) = token.replace(',', "").parse::<Decimal>() {
            out.insert(d);
        }
    }
    out
}

fn contains(a: &str, b: &str) -> bool {
    (b.chars().count() >= 4 && a.contains(b)) || (a.chars().count() >= 4 && b.contains(a))
}

struct Expected {
    severity: String,
    relation: String,
    quote: String,
    stated: Option<String>,
}

struct Found {
    rank: u8,
    rule: String,
    quote: String,
    published: Option<Decimal>,
    message: String,
}

fn candidate(x: &Expected, c: &Found) -> bool {
    if c.rank < rank(&x.severity) {
        return false;
    }
    let (xq, cq) = (norm(&x.quote), norm(&c.quote));
    if !xq.is_empty() && !cq.is_empty() && contains(&xq, &cq) {
        return true;
    }
    let Some(stated) = &x.stated else {
        return false;
    };
    let Some(value) = number(stated) else {
        let s = norm(stated);
        return !s.is_empty() && cq.contains(&s) && xq.contains(&s);
    };
    if value.is_zero() {
        return false;
    }
    if !cq.is_empty() && tokens(&cq).contains(&value) && tokens(&xq).contains(&value) {
        return true;
    }
    c.published.is_some_and(|p| p.abs() == value) && tokens(&c.message).contains(&value)
}

/// Kuhn's augmenting paths: which checker finding each expected finding gets.
fn assign(order: &[usize], edges: &[Vec<usize>]) -> BTreeSet<usize> {
    fn try_assign(
        x: usize,
        edges: &[Vec<usize>],
        owner: &mut Vec<Option<usize>>,
        seen: &mut [bool],
    ) -> bool {
        for &c in &edges[x] {
            if seen[c] {
                continue;
            }
            seen[c] = true;
            if owner[c].is_none_or(|o| try_assign(o, edges, owner, seen)) {
                owner[c] = Some(x);
                return true;
            }
        }
        false
    }
    let findings = edges.iter().flatten().max().map_or(0, |m| m + 1);
    let mut owner = vec![None; findings];
    let mut matched = BTreeSet::new();
    for &x in order {
        let mut seen = vec![false; findings];
        if try_assign(x, edges, &mut owner, &mut seen) {
            matched.insert(x);
        }
    }
    matched
}

#[derive(Default)]
struct Score {
    errors: (usize, usize),
    warnings: (usize, usize),
    false_errors: Vec<String>,
    missed: Vec<String>,
    /// Texts that cannot be read, or whose year, kind or unit is read wrong.
    misread: Vec<String>,
}

fn score(expected: &Value, report: &CheckReport) -> Score {
    let xs: Vec<Expected> = expected["findings"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|x| rank(x["severity"].as_str().unwrap_or("")) > 0)
        .map(|x| Expected {
            severity: x["severity"].as_str().unwrap_or("").to_owned(),
            relation: x["relation"].as_str().unwrap_or("").to_owned(),
            quote: x["quote"].as_str().unwrap_or("").to_owned(),
            stated: x["stated"].as_str().map(str::to_owned),
        })
        .collect();
    let cs: Vec<Found> = report
        .findings
        .iter()
        .map(|f| Found {
            rank: severity_rank(f.severity),
            rule: f.rule.to_string(),
            quote: f.quote.clone().unwrap_or_default(),
            published: f.comparison.map(|c| c.published),
            message: f.message().into_owned(),
        })
        .collect();
    let edges: Vec<Vec<usize>> = xs
        .iter()
        .map(|x| (0..cs.len()).filter(|&j| candidate(x, &cs[j])).collect())
        .collect();
    let order: Vec<usize> = (0..xs.len())
        .filter(|&i| xs[i].severity == "error")
        .chain((0..xs.len()).filter(|&i| xs[i].severity == "warning"))
        .collect();
    let matched = assign(&order, &edges);
    let touched: BTreeSet<usize> = edges.iter().flatten().copied().collect();
    let mut s = Score::default();
    for (i, x) in xs.iter().enumerate() {
        let found = matched.contains(&i);
        let tally = if x.severity == "error" {
            &mut s.errors
        } else {
            &mut s.warnings
        };
        tally.1 += 1;
        if found {
            tally.0 += 1;
        } else {
            s.missed
                .push(format!("{} {}: “{}”", x.severity, x.relation, x.quote));
        }
    }
    for (j, c) in cs.iter().enumerate() {
        if c.rank == 2 && !touched.contains(&j) {
            s.false_errors
                .push(format!("{}: “{}” — {}", c.rule, c.quote, c.message));
        }
    }
    s
}

/// Reads and checks every text of a corpus folder, printing each file's score, and returns
/// the folder's total. A text that cannot be read, or whose year, kind or unit is read wrong,
/// is counted in [`Score::misread`] (and a text that cannot be read is not checked).
fn score_folder(dir: &Path) -> Score {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("the corpus folder can be listed")
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            name.strip_suffix(".expected.json").map(str::to_owned)
        })
        .collect();
    names.sort();
    assert!(
        !names.is_empty(),
        "the corpus folder {} has no expected findings",
        dir.display()
    );
    let mut total = Score::default();
    for name in &names {
        let text = std::fs::read_to_string(dir.join(format!("{name}.txt")))
            .unwrap_or_else(|e| panic!("{name}.txt: {e}"));
        let expected: Value = serde_json::from_str(
            &std::fs::read_to_string(dir.join(format!("{name}.expected.json")))
                .unwrap_or_else(|e| panic!("{name}.expected.json: {e}")),
        )
        .unwrap_or_else(|e| panic!("{name}.expected.json: {e}"));
        // A text that names no year of its own (a monthly bulletin, `4月，…累计完成…`) is read
        // with the year its source gives, as a caller would pass it.
        let mut options = ReadOptions::default();
        if expected["year_from_caller"].as_bool() == Some(true) {
            options.year = expected["year"]
                .as_u64()
                .and_then(|y| u16::try_from(y).ok());
        }
        let reading = match read_narrative(&text, &options) {
            Ok(reading) => reading,
            Err(e) => {
                println!("{name}: MISREAD the text cannot be read: {e}");
                total.misread.push(format!("{name}: unreadable: {e}"));
                continue;
            }
        };
        // The report's year and kind come from the text alone.
        let entity = &reading.disclosure.entity;
        let kind = match entity.kind {
            DisclosureKind::FinalAccounts => "final_accounts",
            DisclosureKind::Budget => "budget",
            DisclosureKind::GovernmentBudget => "government_budget",
            DisclosureKind::GovernmentFinalAccounts => "government_final_accounts",
            DisclosureKind::PerformanceSelfEvaluation => "performance_self_evaluation",
        };
        let mut misread = Vec::new();
        let year = expected["year"].as_i64().unwrap_or_default();
        if i64::from(entity.year) != year {
            misread.push(format!("year {} (expected {year})", entity.year));
        }
        let expected_kind = expected["kind"].as_str().unwrap_or("");
        if kind != expected_kind {
            misread.push(format!("kind {kind} (expected {expected_kind})"));
        }
        // A name, when the reader finds one, is the unit's (an excerpt may not name it).
        if let Some(unit) = expected["unit"].as_str()
            && !entity.name.is_empty()
            && norm(&entity.name) != norm(unit)
        {
            misread.push(format!("unit {} (expected {unit})", entity.name));
        }
        if !misread.is_empty() {
            println!("{name}: MISREAD {}", misread.join(", "));
            total
                .misread
                .push(format!("{name}: {}", misread.join(", ")));
        }
        let report = check(&reading.disclosure, &Policy::default());
        let s = score(&expected, &report);
        println!(
            "{name}: errors found {}/{}, warnings found {}/{}, false errors {}",
            s.errors.0,
            s.errors.1,
            s.warnings.0,
            s.warnings.1,
            s.false_errors.len()
        );
        for m in &s.missed {
            println!("  miss {m}");
        }
        for f in &s.false_errors {
            println!("  FALSE ERROR {f}");
        }
        total.errors.0 += s.errors.0;
        total.errors.1 += s.errors.1;
        total.warnings.0 += s.warnings.0;
        total.warnings.1 += s.warnings.1;
        total
            .false_errors
            .extend(s.false_errors.into_iter().map(|f| format!("{name}: {f}")));
    }
    println!(
        "{} total: errors found {}/{}, warnings found {}/{}, false errors {}, misread {}",
        dir.display(),
        total.errors.0,
        total.errors.1,
        total.warnings.0,
        total.warnings.1,
        total.false_errors.len(),
        total.misread.len()
    );
    total
}

/// Fails on any false error, when fewer expected findings are found than the floors, and when
/// more texts are misread than `misread_at_most`.
fn assert_score(
    total: &Score,
    errors_at_least: usize,
    warnings_at_least: usize,
    misread_at_most: usize,
) {
    assert!(
        total.misread.len() <= misread_at_most,
        "texts misread:\n{}",
        total.misread.join("\n")
    );
    assert!(
        total.false_errors.is_empty(),
        "false errors:\n{}",
        total.false_errors.join("\n")
    );
    assert!(
        total.errors.0 >= errors_at_least,
        "expected errors found fell to {}",
        total.errors.0
    );
    assert!(
        total.warnings.0 >= warnings_at_least,
        "expected warnings found fell to {}",
        total.warnings.0
    );
}

#[test]
fn corpus_has_no_false_error_and_keeps_its_recall() {
    let Some(dir) = corpus_dir() else {
        return;
    };
    let total = score_folder(&dir);
    assert_score(&total, ERRORS_FOUND_AT_LEAST, WARNINGS_FOUND_AT_LEAST, 0);
}

#[test]
fn audited_texts_have_no_false_error_and_keep_their_recall() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let total = score_folder(&dir);
    assert_score(
        &total,
        AUDITED_ERRORS_FOUND_AT_LEAST,
        AUDITED_WARNINGS_FOUND_AT_LEAST,
        AUDITED_MISREAD_AT_MOST,
    );
}

#[test]
fn scoring_follows_the_corpus_rules() {
    let x = Expected {
        severity: "error".into(),
        relation: "sum".into(),
        quote: "基本支出911.7万元".into(),
        stated: Some("911.7".into()),
    };
    let found = |rank: u8, quote: &str, published: Option<&str>, message: &str| Found {
        rank,
        rule: "N008".into(),
        quote: quote.into(),
        published: published.map(|p| p.parse().unwrap()),
        message: message.into(),
    };
    // Containment after NFKC and white space removal.
    assert!(candidate(
        &x,
        &found(2, "其中：基本支出 911.7 万元，", None, "")
    ));
    // A warning never stands for an expected error.
    assert!(!candidate(&x, &found(1, "基本支出911.7万元", None, "")));
    // The stated figure in both quotes.
    assert!(candidate(&x, &found(2, "合计911.70万元", None, "")));
    // The published figure named in the message.
    assert!(candidate(
        &x,
        &found(2, "", Some("-911.7"), "文中 911.7 万元")
    ));
    assert!(!candidate(&x, &found(2, "", Some("911.7"), "别的数字")));
    assert_eq!(number("1,055.4%"), Some("1055.4".parse().unwrap()));
    assert_eq!(
        tokens("增加 2,065,405.42 元，增长0.24%"),
        ["0.24", "2065405.42"]
            .iter()
            .map(|t| t.parse().unwrap())
            .collect()
    );
    // One checker finding serves one expected finding, errors first.
    let matched = assign(&[0, 1], &[vec![0], vec![0]]);
    assert_eq!(matched, BTreeSet::from([0]));
    let matched = assign(&[0, 1], &[vec![0, 1], vec![0]]);
    assert_eq!(matched, BTreeSet::from([0, 1]));
}

/// What the figures of the expected findings are, typed by hand from the texts: a fragment of
/// the clause that states the figure, and the figure as the reader must bind it
/// (`concept = value`, with `（YYYY年）` after the concept for another year's figure). Reading
/// alone decides these, whatever the rules then find.
const BINDINGS: &[(&str, &str, &str)] = &[
    (
        "bu_chongqing-fuling_wulingshanxiang_2023",
        "支出预算:2023年年初预算数1643.29万元",
        "支出总计 = 1643.29万元",
    ),
    (
        "bu_chongqing-fuling_wulingshanxiang_2023",
        "比上年减少0.50万元",
        "“三公”经费合计 = 减少0.50万元",
    ),
    (
        "bu_chongqing-fuling_wulingshanxiang_2023",
        "公务用车运行维护费6.00万元",
        "“三公”经费·公务用车运行维护费 = 6.00万元",
    ),
    (
        "bu_guangxi-wuzhou_unit1412_2024",
        "2. 项目支出 469500 元",
        "一般公共预算财政拨款项目支出 = 469500元",
    ),
    (
        "bu_guangxi-wuzhou_unit1412_2024",
        "占一般公共预算支出的 19.62%",
        "一般公共预算财政拨款项目支出 = 占19.62%（一般公共预算财政拨款支出）",
    ),
    (
        "bu_guangxi-wuzhou_unit1412_2024",
        "占一般公共预算支出的84.06%",
        "一般公共预算财政拨款基本支出 = 占84.06%（一般公共预算财政拨款支出）",
    ),
    (
        "bu_henan-xinyang_gaoxinqu_2023",
        "卫生健康支出安排637万元",
        "卫生健康支出安排 = 637万元",
    ),
    (
        "bu_henan-xinyang_gaoxinqu_2023",
        "较上年减少635万元",
        "卫生健康支出安排 = 减少635万元",
    ),
    (
        "bu_henan-xinyang_gaoxinqu_2023",
        "下降80.9%",
        "卫生健康支出安排 = 下降80.9%",
    ),
    (
        "fa_anhui_shouxian_wwbhzx_2023",
        "支出预算为3万元",
        "“三公”经费合计 = 预算3万元",
    ),
    (
        "fa_anhui_shouxian_wwbhzx_2023",
        "支出决算为1.71万元",
        "“三公”经费合计 = 1.71万元",
    ),
    (
        "fa_anhui_shouxian_wwbhzx_2023",
        "完成预算的43%",
        "“三公”经费合计 = 完成预算43%",
    ),
    (
        "fa_anhui_shouxian_wwbhzx_2023",
        "公务接待费支出决算0.53万元",
        "“三公”经费·公务接待费 = 0.53万元",
    ),
    (
        "fa_anhui_shouxian_wwbhzx_2023",
        "占69%",
        "“三公”经费·公务接待费 = 占69%（“三公”经费合计）",
    ),
    (
        "fa_anhui_shouxian_wwbhzx_2023",
        "公务用车购置及运行维护费支出决算1.18万元",
        "“三公”经费·公务用车购置及运行维护费 = 1.18万元",
    ),
    (
        "fa_anhui_shouxian_wwbhzx_2023",
        "占31%",
        "“三公”经费·公务用车购置及运行维护费 = 占31%（“三公”经费合计）",
    ),
    (
        "fa_anhui_shouxian_wwbhzx_2023",
        "公务接待费预算为1万元",
        "“三公”经费·公务接待费 = 预算1万元",
    ),
    (
        "fa_anhui_shouxian_wwbhzx_2023",
        "完成预算的47%",
        "“三公”经费·公务接待费 = 完成预算47%",
    ),
    (
        "fa_guangxi_wuzhou_2023",
        "经营收入 0.00 万",
        "收入·经营收入 = 0.00万元",
    ),
    (
        "fa_guangxi_wuzhou_2023",
        "增长 0%",
        "收入·经营收入 = 增长0%",
    ),
    (
        "fa_guangxi_wuzhou_2023",
        "其他收入 0.00 万元",
        "收入·其他收入 = 0.00万元",
    ),
    (
        "fa_guangxi_wuzhou_2023",
        "增长 0%",
        "收入·其他收入 = 增长0%",
    ),
    (
        "fa_guangxi_wuzhou_2023",
        "使用非财政拨款结余(含专用结余)0.00 万元",
        "使用非财政拨款结余（含专用结余） = 0.00万元",
    ),
    (
        "fa_guangxi_wuzhou_2023",
        "增长 0%",
        "使用非财政拨款结余（含专用结余） = 增长0%",
    ),
    (
        "fa_sichuan_daying_dyrmt159286_2023",
        "基本支出911.7万元",
        "一般公共预算财政拨款基本支出 = 911.7万元",
    ),
    (
        "fa_sichuan_daying_dyrmt159286_2023",
        "人员经费489.18万元",
        "一般公共预算财政拨款基本支出·人员经费 = 489.18万元",
    ),
    (
        "fa_sichuan_daying_dyrmt159286_2023",
        "公用经费46.89万元",
        "一般公共预算财政拨款基本支出·公用经费 = 46.89万元",
    ),
    (
        "fa_sichuan_daying_dyrmt159286_2023",
        "支出决算为3.46万元",
        "“三公”经费合计（2022年） = 3.46万元",
    ),
    (
        "fa_sichuan_daying_dyrmt159286_2023",
        "较上年增加2.4万元",
        "“三公”经费合计（2022年） = 增加2.4万元",
    ),
    (
        "fa_sichuan_daying_dyrmt159286_2023",
        "增长0.24%",
        "“三公”经费合计（2022年） = 增长0.24%",
    ),
    (
        "fa_sichuan_daying_dyrmt159286_2023",
        "因公出国(境)费支出决算0万元",
        "“三公”经费·因公出国（境）费 = 0万元",
    ),
    (
        "fa_sichuan_daying_dyrmt159286_2023",
        "公务用车购置及运行维护费支出决算1.4万元",
        "“三公”经费·公务用车购置及运行维护费 = 1.4万元",
    ),
    (
        "fa_sichuan_daying_dyrmt159286_2023",
        "占0.02%",
        "“三公”经费·公务用车购置及运行维护费 = 占0.02%（“三公”经费合计）",
    ),
    (
        "fa_sichuan_daying_dyrmt159286_2023",
        "公务接待费支出决算0.28万元",
        "“三公”经费·公务接待费 = 0.28万元",
    ),
    (
        "fa_sichuan_daying_dyrmt159286_2023",
        "占0.95%",
        "“三公”经费·公务接待费 = 占0.95%（“三公”经费合计）",
    ),
    (
        "fa_yunnan_xundian_zx_2022",
        "年初预算为234000.00元",
        "“三公”经费合计 = 预算234000.00元",
    ),
    (
        "fa_yunnan_xundian_zx_2022",
        "因公出国(境)费支出决算为0.00元",
        "“三公”经费·因公出国（境）费 = 0.00元",
    ),
    (
        "fa_yunnan_xundian_zx_2022",
        "完成年初预算的0%",
        "“三公”经费·因公出国（境）费 = 完成预算0%",
    ),
    (
        "fa_yunnan_xundian_zx_2022",
        "公务用车购置费支出决算为0.00元",
        "“三公”经费·公务用车购置费 = 0.00元",
    ),
    (
        "fa_yunnan_xundian_zx_2022",
        "完成年初预算的0%",
        "“三公”经费·公务用车购置费 = 完成预算0%",
    ),
    (
        "fa_yunnan_xundian_zx_2022",
        "公务用车运行维护费支出决算为34000.00元",
        "“三公”经费·公务用车运行维护费 = 34000.00元",
    ),
    (
        "fa_yunnan_xundian_zx_2022",
        "完成年初预算的100%",
        "“三公”经费·公务用车运行维护费 = 完成预算100%",
    ),
    (
        "fa_yunnan_xundian_zx_2022",
        "公务接待费支出决算为31000.00元",
        "“三公”经费·公务接待费 = 31000.00元",
    ),
];

#[test]
fn the_figures_of_expected_findings_are_bound_as_typed_by_hand() {
    let Some(dir) = corpus_dir() else {
        return;
    };
    let mut wrong = Vec::new();
    for (name, fragment, expected) in BINDINGS {
        let text = std::fs::read_to_string(dir.join(format!("{name}.txt")))
            .unwrap_or_else(|e| panic!("{name}.txt: {e}"));
        assert!(
            text.contains(fragment),
            "{name}: “{fragment}” is not in the text"
        );
        let reading = read_narrative(&text, &ReadOptions::default())
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let fragment = norm(fragment);
        let bound = reading.disclosure.statements.iter().any(|s| {
            let quote = norm(&s.location.quote);
            let year = s.year.map(|y| format!("（{y}年）")).unwrap_or_default();
            contains(&quote, &fragment) && format!("{}{year} = {}", s.concept, s.value) == *expected
        });
        if !bound {
            wrong.push(format!("{name}: “{fragment}” is not read as {expected}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
