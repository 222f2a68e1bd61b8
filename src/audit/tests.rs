//! Tests of the audit: the summary against a folder counted by hand, escaping with hostile
//! input, and the places of every kind of finding.
//!
//! The expected counts were worked out by hand from the texts, not copied from a run:
//! - `a.txt`: 729.25 / 775.31 = 94.0591…%, printed 94.05% (truncated): 1 warning; 46.06 /
//!   775.31 = 5.9409…% → 5.94% and 729.25 + 46.06 = 775.31 hold.
//! - `sub/b.txt`: 基本支出 60.00 + 项目支出 50.00 = 110.00 > 合计 100.00: 1 error.
//! - `c.txt`: no identity; `另有若干事项涉及12.5万元` names nothing the reader knows: 1
//!   sentence not understood.
//! - `d.json`: the 类 213 is 81.05 in the 合计 and 项目支出 columns while its only 款 21305 is
//!   81.06 in both: 2 errors of the same rule; everything else agrees.
//! - `e.json` is not JSON and `f.txt` is GBK (not UTF-8): 2 unreadable files; `notes.md` and
//!   `.hidden.txt` are not disclosures and are not looked at.

use std::path::PathBuf;

use super::*;
use crate::check::{Finding, FindingKind};
use crate::report::{Column, FigureRef, RowKey, StatedValue};

const A: &str = "2024年度示例甲部门决算公开编制说明\n二、收入决算情况说明\n\
    2024年度本年收入合计775.31万元，其中：一般公共预算财政拨款收入729.25万元，占94.05%；\
    其他收入46.06万元，占5.94%。\n";
const B: &str = "2024年度示例乙部门决算公开编制说明\n三、支出决算情况说明\n\
    2024年度本年支出合计100.00万元，其中：基本支出60.00万元，项目支出50.00万元。\n";
const C: &str = "2024年度示例丙部门决算公开编制说明\n二、收入决算情况说明\n\
    2024年度本年收入合计775.31万元。另有若干事项涉及12.5万元。\n";

/// The model's JSON of a disclosure whose 类 and only 款 disagree, with a statement `s1` of
/// `stated` and the quote `quote`, claimed equal to the table's total.
fn json(stated: &str, quote: &str) -> String {
    format!(
        r#"{{
  "entity": {{ "name": "示例丁", "year": 2023, "kind": "final_accounts" }},
  "currency": "万元", "amount_decimals": 2,
  "tables": [{{
    "kind": "general_budget_expenditure", "unit": "万元",
    "columns": ["total", "basic", "project"],
    "rows": [
      {{ "key": {{ "line": "total" }}, "name": "合计",
        "values": {{ "total": "81.05", "basic": "50.00", "project": "31.05" }} }},
      {{ "key": {{ "function": "213" }}, "name": "农林水支出",
        "values": {{ "total": "81.05", "basic": "50.00", "project": "31.05" }} }},
      {{ "key": {{ "function": "21305" }}, "name": "巩固脱贫攻坚成果衔接乡村振兴",
        "values": {{ "total": "81.06", "basic": "50.00", "project": "31.06" }} }}
    ]
  }}],
  "statements": [
    {{ "id": "s1", "concept": {{ "fund_expenditure": "general_public_budget" }},
      "value": {{ "amount": "{stated}" }},
      "location": {{ "section": "五、一般公共预算财政拨款支出决算情况说明", "quote": "{quote}" }} }}
  ],
  "claims": [
    {{ "same": {{ "a": {{ "statement": "s1" }},
                "b": {{ "cell": {{ "table": "general_budget_expenditure",
                                 "row": {{ "line": "total" }}, "column": "total" }} }} }} }}
  ]
}}"#
    )
}

/// A fresh empty folder under the system's temporary folder.
fn temp_dir(name: &str) -> PathBuf {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    let dir =
        std::env::temp_dir().join(format!("fiscal-cn-audit-{name}-{}-{n}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn counted_folder() -> PathBuf {
    let dir = temp_dir("counted");
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    std::fs::write(dir.join("a.txt"), A).unwrap();
    std::fs::write(dir.join("sub/b.txt"), B).unwrap();
    std::fs::write(dir.join("c.txt"), C).unwrap();
    std::fs::write(
        dir.join("d.json"),
        json("81.05万元", "一般公共预算财政拨款支出81.05万元"),
    )
    .unwrap();
    std::fs::write(dir.join("e.json"), "{ 这不是 JSON").unwrap();
    // 2024年度 in GBK.
    std::fs::write(dir.join("f.txt"), b"2024\xc4\xea\xb6\xc8\xb2\xbf\xc3\xc5").unwrap();
    std::fs::write(dir.join("notes.md"), "不是公开数据").unwrap();
    std::fs::write(dir.join(".hidden.txt"), A).unwrap();
    dir
}

#[test]
fn summary_counts_match_the_hand_counted_folder() {
    let dir = counted_folder();
    let total = std::cell::Cell::new(0);
    let calls = AtomicUsize::new(0);
    let audit = audit_dir(
        &dir,
        &Policy::default(),
        |n| total.set(n),
        |_| {
            calls.fetch_add(1, Ordering::Relaxed);
        },
    )
    .unwrap();
    assert_eq!(total.get(), 6, "a, sub/b, c, d, e, f");
    assert_eq!(calls.load(Ordering::Relaxed), 6);
    let summary = audit.summary();
    let row = |name: &str| {
        summary
            .files
            .iter()
            .find(|f| f.name.replace('\\', "/") == name)
            .unwrap_or_else(|| panic!("{name} missing from {:?}", summary.files))
    };
    let counts = |f: &FileSummary| (f.errors, f.warnings, f.infos, f.not_understood);
    assert_eq!(counts(row("a.txt")), (0, 1, 0, 0));
    assert_eq!(counts(row("sub/b.txt")), (1, 0, 0, 0));
    assert_eq!(counts(row("c.txt")), (0, 0, 0, 1));
    assert_eq!(counts(row("d.json")), (2, 0, 0, 0));
    assert_eq!(row("a.txt").kind, SourceKind::Narrative);
    assert_eq!(row("d.json").kind, SourceKind::Json);
    assert_eq!((row("a.txt").year, row("d.json").year), (2024, 2023));
    assert_eq!(row("d.json").entity, "示例丁");
    assert_eq!(
        row("sub/b.txt").disclosure_kind,
        DisclosureKind::FinalAccounts
    );
    // Most errors first: d (2), b (1), then a (a warning) before c (none).
    let order: Vec<String> = summary
        .files
        .iter()
        .map(|f| f.name.replace('\\', "/"))
        .collect();
    assert_eq!(order, ["d.json", "sub/b.txt", "a.txt", "c.txt"]);
    let unreadable: Vec<&str> = summary.unreadable.iter().map(|u| &*u.name).collect();
    assert_eq!(unreadable, ["e.json", "f.txt"]);
    let reasons: Vec<&UnreadableReason> = summary.unreadable.iter().map(|u| &u.reason).collect();
    assert!(
        matches!(
            reasons[..],
            [
                UnreadableReason::NotADisclosure { .. },
                UnreadableReason::NotUtf8
            ]
        ),
        "{reasons:?}"
    );
    assert_eq!(
        summary.totals,
        AuditTotals {
            files: 4,
            files_with_errors: 2,
            errors: 3,
            warnings: 1,
            infos: 0,
            not_understood: 1,
            unreadable: 2,
        }
    );
    // Per rule: the truncated share, the listing above its total, the 类 and its 款 (twice,
    // in one file). Each rule once, by code.
    let rules: Vec<(usize, usize)> = summary
        .rules
        .iter()
        .map(|r| (r.findings, r.files))
        .collect();
    let mut expected = vec![(1, 1), (1, 1), (2, 1)];
    expected.sort();
    let mut got = rules.clone();
    got.sort();
    assert_eq!(got, expected);
    let codes: Vec<&str> = summary.rules.iter().map(|r| r.rule.as_str()).collect();
    let mut sorted = codes.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(codes, sorted);
    assert!(audit.has_errors());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn csv_and_display_carry_the_same_counts() {
    let dir = counted_folder();
    let audit = audit_dir(&dir, &Policy::default(), |_| {}, |_| {}).unwrap();
    let summary = audit.summary();
    let csv = summary.to_csv();
    let lines: Vec<&str> = csv.split("\r\n").filter(|l| !l.is_empty()).collect();
    // A header, 4 files, 3 rules, 2 unreadable files.
    assert_eq!(lines.len(), 1 + 4 + 3 + 2, "{csv}");
    assert!(lines[0].starts_with("记录,名称,文件类型"));
    let d = lines
        .iter()
        .find(|l| l.starts_with("文件,d.json,"))
        .unwrap();
    let fields: Vec<&str> = d.split(',').collect();
    assert_eq!(
        &fields[2..10],
        ["JSON", "部门决算", "2023", "示例丁", "2", "0", "0", "0"]
    );
    assert_eq!(
        lines.iter().filter(|l| l.starts_with("无法读取,")).count(),
        2
    );
    let shown = summary.to_string();
    assert!(shown.starts_with("共检查 4 个文件（2 个有错误）：错误 3 条，警告 1 条，提示 0 条"));
    assert!(shown.contains("无法读取“e.json”"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[cfg(feature = "serde")]
#[test]
fn every_unreadable_reason_reads_back_from_json() {
    let reasons = [
        UnreadableReason::UnknownKind,
        UnreadableReason::NotUtf8,
        UnreadableReason::Narrative {
            error: crate::Error::UndatedNarrative.into(),
        },
        UnreadableReason::NotADisclosure {
            message: "EOF while parsing a list".into(),
        },
        UnreadableReason::NoSerde,
        UnreadableReason::Io {
            message: "No such file or directory".into(),
        },
    ];
    for reason in reasons {
        let json = serde_json::to_string(&reason).unwrap();
        let read = serde_json::from_str::<UnreadableReason>(&json);
        assert_eq!(read.as_ref().ok(), Some(&reason), "{json}: {read:?}");
    }
    // A foreign error's message is `error`, beside the reason's own `message`.
    assert_eq!(
        serde_json::to_string(&UnreadableReason::Io {
            message: "坏".into()
        })
        .unwrap(),
        r#"{"kind":"io","error":"坏","message":"坏"}"#
    );
    let narrative = serde_json::to_value(UnreadableReason::Narrative {
        error: crate::Error::UndatedNarrative.into(),
    })
    .unwrap();
    assert_eq!(
        narrative["error"].as_str(),
        Some(crate::Error::UndatedNarrative.to_string().as_str())
    );
}

#[test]
fn csv_fields_with_commas_and_quotes_are_quoted() {
    let summary = AuditSummary {
        unreadable: vec![UnreadableFile {
            name: "a,\"b\".txt".into(),
            reason: UnreadableReason::Io {
                message: "第一行\n第二行".into(),
            },
        }],
        ..AuditSummary::default()
    };
    let csv = summary.to_csv();
    assert!(csv.contains("无法读取,\"a,\"\"b\"\".txt\","));
    assert!(csv.contains("\"第一行\n第二行\"\r\n"));
}

#[test]
fn unreadable_sources_are_reported_not_panicked_on() {
    let policy = Policy::default();
    for (name, bytes, not_a_disclosure) in [
        ("a.pdf", &b"%PDF"[..], false),
        ("a.json", b"[1, 2", true),
        ("a.json", br#"{"entity": {"name": "\ud800"}}"#, true),
        ("a.txt", b"\xff\xfe\x00\x00\x00", false),
        ("a.json", b"", true),
    ] {
        let err = audit_source(name, bytes, &policy).unwrap_err();
        assert_eq!(err.name, name);
        assert!(!err.reason.to_string().is_empty());
        assert_eq!(
            matches!(err.reason, UnreadableReason::NotADisclosure { .. }),
            not_a_disclosure && cfg!(feature = "serde"),
            "{err}"
        );
    }
    assert_eq!(
        audit_source("a.pdf", b"%PDF", &policy).unwrap_err().reason,
        UnreadableReason::UnknownKind
    );
    assert_eq!(
        audit_source("a.txt", b"\xff\xfe\x00\x00\x00", &policy)
            .unwrap_err()
            .reason,
        UnreadableReason::NotUtf8
    );
    // A text without a year: the reader's own error, kept to match on and as the source.
    let undated = audit_source("a.txt", "收入100万元。".as_bytes(), &policy)
        .unwrap_err()
        .reason;
    let UnreadableReason::Narrative { error } = &undated else {
        panic!("{undated:?}")
    };
    assert_eq!(error.error(), Some(&crate::Error::UndatedNarrative));
    assert_eq!(
        std::error::Error::source(&undated).map(ToString::to_string),
        Some(crate::Error::UndatedNarrative.to_string())
    );

    // An empty text or a lone byte-order mark: an answer either way, never a panic.
    let _ = audit_source("a.txt", b"", &policy);
    let _ = audit_source("a.txt", b"\xEF\xBB\xBF", &policy);
}

fn finding_text<'a>(file: &'a AuditedFile, place: &Place) -> &'a str {
    match *place {
        Place::Text { start, end } => &file.text.as_deref().unwrap()[start..end],
        Place::Quote {
            statement,
            start,
            end,
        } => &file.disclosure.statements[statement].location.quote[start..end],
        Place::Cell { .. } => panic!("a cell has no text"),
    }
}

/// The statement a figure reference names.
fn statement<'a>(file: &'a AuditedFile, figure: &FigureRef) -> &'a crate::report::Statement {
    let FigureRef::Statement(id) = figure else {
        panic!("{figure:?} is not a statement")
    };
    file.disclosure
        .statements
        .iter()
        .find(|s| s.id.as_deref() == Some(id.as_str()))
        .unwrap()
}

#[test]
fn a_narrative_findings_figures_are_highlighted_where_printed() {
    let file = audit_source("a.txt", A.as_bytes(), &Policy::default()).unwrap();
    let [finding] = file.report.findings.as_slice() else {
        panic!("{:?}", file.report.findings)
    };
    assert_eq!(finding.kind, FindingKind::Truncation);
    let marks = highlights(&file);
    let texts: Vec<(&str, bool)> = marks
        .iter()
        .map(|h| (finding_text(&file, &h.place), h.primary))
        .collect();
    // The share, then its part and its whole, each where the text prints it.
    assert_eq!(texts[0], ("94.05%", true));
    assert!(texts.contains(&("729.25万元", false)));
    assert!(texts.contains(&("775.31万元", false)));
    let Place::Text { start, .. } = marks[0].place else {
        unreachable!()
    };
    assert_eq!(start, A.find("94.05%").unwrap());
    // The highlighted figure is in the finding's own quote.
    let at = statement(&file, finding.at.as_ref().unwrap());
    assert!(at.location.quote.contains(texts[0].0));
}

#[test]
fn a_listing_above_its_total_marks_the_total_and_each_part() {
    let file = audit_source("b.txt", B.as_bytes(), &Policy::default()).unwrap();
    let [finding] = file.report.findings.as_slice() else {
        panic!("{:?}", file.report.findings)
    };
    let marks = highlights(&file);
    let mut texts: Vec<&str> = marks
        .iter()
        .map(|h| finding_text(&file, &h.place))
        .collect();
    assert_eq!(texts[0], "100.00万元");
    texts.sort();
    assert_eq!(texts, ["100.00万元", "50.00万元", "60.00万元"]);
    assert!(marks.iter().all(|h| h.finding == 0));
    assert_eq!(marks.iter().filter(|h| h.primary).count(), 1);
    assert!(finding.involves.len() >= 3);
}

#[test]
fn a_sentence_not_understood_is_placed_at_its_offset() {
    let file = audit_source("c.txt", C.as_bytes(), &Policy::default()).unwrap();
    let spans = unparsed_spans(&file);
    assert_eq!(spans.len(), 1);
    let span = spans[0].clone().unwrap();
    assert_eq!(&C[span.clone()], "另有若干事项涉及12.5万元");
    assert_eq!(span.start, C.find("另有").unwrap());
    let page = audit_html(&Audit {
        files: vec![file],
        unreadable: vec![],
    });
    assert!(page.contains(&format!(
        "data-start=\"{}\" data-end=\"{}\" data-findings=\"\" data-unparsed=\"0\"",
        span.start, span.end
    )));
}

#[test]
fn table_cell_findings_mark_their_cells() {
    let text = json("81.05万元", "一般公共预算财政拨款支出81.05万元");
    let file = audit_source("d.json", text.as_bytes(), &Policy::default()).unwrap();
    assert_eq!(file.report.findings.len(), 2);
    let marks = highlights(&file);
    for (index, finding) in file.report.findings.iter().enumerate() {
        let primary: Vec<&Highlight> = marks
            .iter()
            .filter(|h| h.finding == index && h.primary)
            .collect();
        let [h] = primary.as_slice() else {
            panic!("{primary:?}")
        };
        let Place::Cell { table, row, column } = h.place else {
            panic!("{h:?}")
        };
        let t = &file.disclosure.tables[table];
        let Some(FigureRef::Cell {
            table: kind,
            row: key,
            column: c,
        }) = &finding.at
        else {
            panic!("{finding:?}")
        };
        assert_eq!((t.kind, &t.rows[row].key, column), (*kind, key, *c));
        // The two columns where the 类 and its 款 disagree.
        assert!(matches!(column, Column::Total | Column::Project));
        // The other side is marked too: the 款 of the same column.
        assert!(marks.iter().any(|o| o.finding == index
            && matches!(o.place, Place::Cell { row: r, column: oc, .. }
                if t.rows[r].key != t.rows[row].key && oc == column)));
    }
    let page = audit_html(&Audit {
        files: vec![file],
        unreadable: vec![],
    });
    // Two marked cells of the 类 and two of the 款, each with its finding.
    assert_eq!(page.matches("<td id=\"d0-t0-r").count(), 4);
}

#[test]
fn a_json_statement_finding_marks_its_quote() {
    // A statement of 81.00 claimed equal to a table total of 81.05.
    let text = json("81.00万元", "一般公共预算财政拨款支出81.00万元");
    let file = audit_source("d.json", text.as_bytes(), &Policy::default()).unwrap();
    let on_statement: Vec<&Finding> = file
        .report
        .findings
        .iter()
        .filter(|f| f.covers(&FigureRef::Statement("s1".into())))
        .collect();
    assert!(!on_statement.is_empty());
    let marks = highlights(&file);
    let quoted: Vec<&str> = marks
        .iter()
        .filter(|h| matches!(h.place, Place::Quote { .. }))
        .map(|h| finding_text(&file, &h.place))
        .collect();
    assert!(!quoted.is_empty());
    assert!(quoted.iter().all(|q| *q == "81.00万元"));
    // And the cell on the other side.
    assert!(marks.iter().any(|h| matches!(
        &h.place,
        Place::Cell { table, row, column: Column::Total }
            if file.disclosure.tables[*table].rows[*row].key == RowKey::Line(crate::report::Line::Total)
    )));
}

#[test]
fn figure_span_takes_the_printed_figure_not_a_lookalike() {
    let amount = |s: &str| StatedValue::Amount(s.parse().unwrap());
    // Full-width digits and a thousands separator.
    let q = "本年收入合计１２３．４５万元";
    assert_eq!(
        &q[figure_span(q, &amount("123.45万元")).unwrap()],
        "１２３．４５万元"
    );
    let q = "支出合计1,234.50万元";
    assert_eq!(
        &q[figure_span(q, &amount("1234.50万元")).unwrap()],
        "1,234.50万元"
    );
    // An amount is not the percentage with the same digits.
    let q = "占5.94%，其他收入5.94万元";
    assert_eq!(&q[figure_span(q, &amount("5.94万元")).unwrap()], "5.94万元");
    let rate = StatedValue::Completion {
        rate: "5.94%".parse().unwrap(),
    };
    assert_eq!(&q[figure_span(q, &rate).unwrap()], "5.94%");
    // Not printed in digits.
    assert_eq!(
        figure_span("共有公务用车三辆", &StatedValue::Count(3)),
        None
    );
}

/// Text with everything a page must not let through.
const HOSTILE: &str = "<script>alert(\"x\")</script> & ' \" <img src=x onerror=alert(1)>";

#[test]
fn hostile_input_is_escaped_everywhere() {
    let name = format!("{HOSTILE}.txt");
    // A title naming a hostile department, a sentence with markup around a figure, an
    // unpaired surrogate (as WTF-8 bytes, invalid in UTF-8), a NUL and an escape character.
    let mut bytes = format!(
        "2024年度{HOSTILE}部门决算公开编制说明\n二、收入决算情况说明\n\
         2024年度本年收入合计775.31万元，其中：一般公共预算财政拨款收入729.25万元，占94.05%；\
         其他收入46.06万元，占5.94%。<b>另有</b>{HOSTILE}涉及12.5万元。\u{0}\u{1b}[31m\n"
    )
    .into_bytes();
    bytes.extend_from_slice(b"\xed\xa0\x80");
    bytes.extend_from_slice("尾部说明文字。".repeat(30).as_bytes());
    let file = audit_source(&name, &bytes, &Policy::default()).unwrap();
    assert_eq!(file.notes.len(), 1, "the surrogate's bytes were replaced");
    assert!(file.text.as_ref().unwrap().contains('\u{FFFD}'));
    let audit = Audit {
        files: vec![file],
        unreadable: vec![UnreadableFile {
            name: HOSTILE.into(),
            reason: UnreadableReason::Io {
                message: HOSTILE.into(),
            },
        }],
    };
    let page = audit_html(&audit);
    let lower = page.to_lowercase();
    assert!(!lower.contains("<script"), "no script, hostile or ours");
    assert!(!lower.contains("<img"));
    assert!(!lower.contains("<b>"));
    assert!(!page.contains('\u{0}') && !page.contains('\u{1b}'));
    assert!(page.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39; &quot;"));
    assert!(page.contains('\u{FFFD}'));
    // Every element opened is closed: the marks nest.
    assert_eq!(
        page.matches("<mark ").count(),
        page.matches("</mark>").count()
    );
    assert!(page.matches("<mark ").count() >= 4);
    // Quotes never end an attribute early: every tooltip runs to the end of its tag.
    for rest in page.split(" title=\"").skip(1) {
        let value = &rest[..rest.find('"').unwrap()];
        assert!(!value.contains(['<', '>']), "{value}");
        assert!(rest[value.len() + 1..].starts_with('>'), "{value}");
    }
}

#[test]
fn escape_html_replaces_every_special_character() {
    assert_eq!(escape_html(HOSTILE).matches('<').count(), 0);
    assert_eq!(escape_html("&amp;"), "&amp;amp;");
    assert_eq!(escape_html("中文，全角＜＞"), "中文，全角＜＞");
    // A lone surrogate cannot be in a `str`; decoding one from UTF-16 replaces it.
    let decoded = String::from_utf16_lossy(&[0x41, 0xD800, 0x42]);
    assert_eq!(escape_html(&decoded), "A\u{FFFD}B");
}

#[test]
fn every_finding_has_one_entry_and_every_link_resolves() {
    let dir = counted_folder();
    let audit = audit_dir(&dir, &Policy::default(), |_| {}, |_| {}).unwrap();
    let page = audit_html(&audit);
    let findings: usize = audit.files.iter().map(|f| f.report.findings.len()).sum();
    assert_eq!(
        page.matches("<li id=\"d").count() - 1,
        findings,
        "plus c's unparsed entry"
    );
    let ids: std::collections::HashSet<&str> = page
        .split(" id=\"")
        .skip(1)
        .map(|rest| &rest[..rest.find('"').unwrap()])
        .collect();
    for rest in page.split("href=\"#").skip(1) {
        let target = &rest[..rest.find('"').unwrap()];
        assert!(ids.contains(target), "#{target} has no element");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// Pieces texts are made of: real sentences, markup, figures in every form, broken bytes.
const PIECES: [&str; 16] = [
    "2024年度示例部门决算公开编制说明\n",
    "二、收入决算情况说明\n",
    "本年收入合计775.31万元，",
    "其中：一般公共预算财政拨款收入729.25万元，占94.05%；",
    "其他收入46.06万元，占5.94%。",
    "本年支出合计１００．００万元，其中：基本支出60万元，项目支出50.00万元。",
    "另有若干事项涉及12.5万元。",
    "<script>alert('x')</script>",
    "&amp;\"'<>",
    "\u{0}\u{1b}\u{7f}",
    "比上年增长-3.2%，",
    "（一）",
    "1,234,567.89元",
    "\n\n",
    "共有公务用车0辆，其中越野车1辆。",
    "持平",
];

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(200))]

    /// Any text built from the pieces, with bytes cut anywhere and a few changed: an answer
    /// (a checked file or an unreadable one), never a panic; highlights are inside the text on
    /// character boundaries; and the page escapes everything and nests its marks.
    #[test]
    fn any_text_gives_a_well_formed_page(
        picks in proptest::collection::vec(0..PIECES.len(), 0..40),
        cut in 0_usize..2000,
        flips in proptest::collection::vec((0_usize..2000, proptest::prelude::any::<u8>()), 0..3),
    ) {
        let mut bytes: Vec<u8> = picks.iter().flat_map(|&p| PIECES[p].bytes()).collect();
        bytes.truncate(cut.max(bytes.len() / 2));
        for (at, byte) in flips {
            if let Some(b) = bytes.get_mut(at) {
                *b = byte;
            }
        }
        let mut audit = Audit::default();
        match audit_source("a.txt", &bytes, &Policy::default()) {
            Ok(file) => {
                let text = file.text.clone().unwrap();
                for h in highlights(&file) {
                    if let Place::Text { start, end } = h.place {
                        proptest::prop_assert!(text.get(start..end).is_some());
                    }
                }
                for span in unparsed_spans(&file).into_iter().flatten() {
                    proptest::prop_assert!(text.get(span).is_some());
                }
                audit.files.push(file);
            }
            Err(unreadable) => audit.unreadable.push(unreadable),
        }
        let page = audit_html(&audit);
        proptest::prop_assert!(!page.to_lowercase().contains("<script"));
        proptest::prop_assert_eq!(page.matches("<mark ").count(), page.matches("</mark>").count());
        proptest::prop_assert!(!page.contains(char::from(0)), "a NUL got through");
    }
}

#[test]
fn a_finding_with_only_a_quote_is_placed_at_it_and_one_with_nothing_links_to_its_file() {
    let mut file = audit_source("c.txt", C.as_bytes(), &Policy::default()).unwrap();
    let finding = |quote: Option<&str>| Finding {
        rule: crate::check::RuleCode::N017,
        kind: FindingKind::Violation,
        severity: crate::check::Severity::Warning,
        at: None,
        involves: vec![],
        section: None,
        quote: quote.map(str::to_owned),
        comparison: None,
        message: "手工构造的发现".into(),
    };
    file.report.findings = vec![finding(Some("本年收入合计775.31万元")), finding(None)];
    let marks = highlights(&file);
    assert_eq!(marks.len(), 1);
    assert!(marks[0].primary && marks[0].finding == 0);
    let Place::Text { start, end } = marks[0].place else {
        panic!("{marks:?}")
    };
    assert_eq!(&C[start..end], "本年收入合计775.31万元");
    let page = audit_html(&Audit {
        files: vec![file],
        unreadable: vec![],
    });
    // The first finding's entry links to its mark, the second's to the file's section.
    let entry = |f: usize| {
        let at = page.find(&format!("<li id=\"d0-f{f}\"")).unwrap();
        let href = &page[at..][page[at..].find("href=\"#").unwrap() + 7..];
        href[..href.find('"').unwrap()].to_owned()
    };
    assert!(entry(0).starts_with("d0-m"));
    assert_eq!(entry(1), "d0");
}
