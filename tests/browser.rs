//! The audit report in a real browser: headless Chromium renders the page of the seed and of
//! a folder with the corpus texts and a complete table set, and the test checks what a person
//! would see in the DOM it builds — every finding's figures highlighted at their offsets with
//! the printed text, one entry per finding in the side list, every in-page link resolving —
//! and writes a screenshot under `target/tmp/` for people to look at (not compared).
//!
//! Chromium is found as `$CHROMIUM`, `chromium`, `chromium-browser` or `google-chrome`; where
//! there is none the test says so and checks nothing (`.ci/run` installs Debian's `chromium`).
//! The corpus is found as `tests/corpus.rs` finds it (`../shared/corpus` or
//! `FISCAL_CN_CORPUS`); where it is absent that part is skipped.
#![cfg(feature = "serde")]

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use fiscal_cn::{
    audit::{
        Audit, AuditedFile, Place, audit_dir, audit_html, audit_paths, figure_span, highlights,
        unparsed_spans,
    },
    check::Policy,
    report::StatedValue,
};

const SEED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/examples/data/jinkouhe_2024.txt"
);
const TABLES: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/examples/data/putuo_finance_bureau_2024.json"
);

/// The Chromium binary, or `None` (saying so).
fn chromium() -> Option<PathBuf> {
    let candidates = std::env::var_os("CHROMIUM")
        .map(PathBuf::from)
        .into_iter()
        .chain(
            ["chromium", "chromium-browser", "google-chrome"]
                .iter()
                .filter_map(|name| {
                    std::env::var_os("PATH").and_then(|path| {
                        std::env::split_paths(&path)
                            .map(|dir| dir.join(name))
                            .find(|p| p.is_file())
                    })
                }),
        );
    let found = candidates.into_iter().find(|p| p.is_file());
    if found.is_none() {
        eprintln!("browser: no chromium binary found ($CHROMIUM, chromium, …); nothing checked");
    }
    found
}

fn corpus_dir() -> Option<PathBuf> {
    let dir = std::env::var_os("FISCAL_CN_CORPUS").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus"),
        PathBuf::from,
    );
    if !dir.is_dir() {
        eprintln!("browser: no corpus found (../shared/corpus or FISCAL_CN_CORPUS); skipped");
    }
    dir.is_dir().then_some(dir)
}

/// Runs Chromium headless with `args` and the page, returning its stdout; fails the test
/// after two minutes.
fn run_chromium(chromium: &Path, name: &str, page: &Path, args: &[String]) -> String {
    let profile = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("chromium-profile-{name}"));
    let mut child = Command::new(chromium)
        .args([
            "--headless",
            "--disable-gpu",
            "--no-sandbox",
            "--no-first-run",
            "--hide-scrollbars",
            "--disable-dev-shm-usage",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .arg(format!("file://{}", page.display()))
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .stdin(Stdio::null())
        .spawn()
        .expect("chromium starts");
    let mut stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut out = String::new();
        std::io::Read::read_to_string(&mut stdout, &mut out).map(|_| out)
    });
    let start = Instant::now();
    loop {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        if start.elapsed() > Duration::from_secs(120) {
            let _ = child.kill();
            panic!("chromium took over two minutes on {name}");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    reader.join().unwrap().expect("chromium's output is UTF-8")
}

/// One element of the DOM with its attributes and its text (everything inside, tags left out,
/// character references decoded).
#[derive(Debug, Default, Clone)]
struct Element {
    tag: String,
    attrs: HashMap<String, String>,
    text: String,
    /// The id of the `<section>` it is in.
    section: Option<String>,
    /// The class of the nearest enclosing `<ol>`.
    list: Option<String>,
}

fn decode(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&nbsp;", "\u{a0}")
        .replace("&amp;", "&")
}

fn attributes(tag: &str) -> HashMap<String, String> {
    let mut attrs = HashMap::new();
    let mut rest = tag;
    while let Some(eq) = rest.find("=\"") {
        let name = rest[..eq].rsplit(' ').next().unwrap_or("").to_owned();
        let value_start = eq + 2;
        let value_end = value_start + rest[value_start..].find('"').expect("quoted");
        attrs.insert(name, decode(&rest[value_start..value_end]));
        rest = &rest[value_end + 1..];
    }
    attrs
}

/// Every element of a serialized DOM, as Chromium writes it (attributes double-quoted, `<`
/// and `&` escaped in text), in document order.
fn elements(dom: &str) -> Vec<Element> {
    const VOID: [&str; 6] = ["meta", "br", "img", "input", "link", "hr"];
    let mut all: Vec<Element> = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    let mut rest = dom;
    while let Some(lt) = rest.find('<') {
        let text = decode(&rest[..lt]);
        for &i in &open {
            all[i].text.push_str(&text);
        }
        let gt = lt + rest[lt..].find('>').expect("a tag ends");
        let tag = &rest[lt + 1..gt];
        rest = &rest[gt + 1..];
        if let Some(name) = tag.strip_prefix('/') {
            let name = name.trim().to_lowercase();
            if let Some(pos) = open.iter().rposition(|&i| all[i].tag == name) {
                open.truncate(pos);
            }
            continue;
        }
        if tag.starts_with('!') {
            continue;
        }
        let name = tag.split([' ', '/']).next().unwrap_or("").to_lowercase();
        let section = open
            .iter()
            .rev()
            .find(|&&i| all[i].tag == "section")
            .and_then(|&i| all[i].attrs.get("id").cloned());
        let list = open
            .iter()
            .rev()
            .find(|&&i| all[i].tag == "ol")
            .and_then(|&i| all[i].attrs.get("class").cloned());
        all.push(Element {
            attrs: attributes(tag),
            tag: name.clone(),
            text: String::new(),
            section,
            list,
        });
        if name == "style" {
            // Skip the style sheet's text.
            let end = rest.find("</style>").expect("the style ends");
            rest = &rest[end..];
        }
        if !VOID.contains(&name.as_str()) && !tag.ends_with('/') {
            open.push(all.len() - 1);
        }
    }
    all
}

fn numbers_of(attr: Option<&String>) -> Vec<usize> {
    attr.map(|v| {
        v.split_whitespace()
            .filter_map(|n| n.parse().ok())
            .collect()
    })
    .unwrap_or_default()
}

/// A printed number with full-width digits and thousands separators made plain.
fn plain(text: &str) -> String {
    text.chars()
        .filter(|&c| c != ',')
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (u32::from(c) - u32::from('０')) as u8),
            '．' => '.',
            c => c,
        })
        .collect()
}

/// The digits a statement's value is printed with (`81.05`, `94.05`), when it has any.
fn digits(value: &StatedValue) -> Option<String> {
    match value {
        StatedValue::Amount(a) | StatedValue::Budget(a) => Some(a.value().abs().to_string()),
        StatedValue::Change { amount, .. } => Some(amount.value().abs().to_string()),
        StatedValue::Count(n) => Some(n.to_string()),
        StatedValue::Growth { rate, .. }
        | StatedValue::Share { rate, .. }
        | StatedValue::Completion { rate } => Some(rate.points().abs().to_string()),
        StatedValue::Score(s) => Some(s.abs().to_string()),
        StatedValue::Measure { value, .. } => Some(value.abs().to_string()),
        _ => None,
    }
}

/// Checks the DOM of the page of `audit` and returns how many highlights were checked.
fn check_dom(audit: &Audit, dom: &str) -> usize {
    let all = elements(dom);
    let sections: HashMap<String, &AuditedFile> = all
        .iter()
        .filter(|e| e.tag == "section")
        .map(|e| {
            let name = &e.attrs["data-file"];
            let file = audit.files.iter().find(|f| &f.name == name).unwrap();
            (e.attrs["id"].clone(), file)
        })
        .collect();
    assert_eq!(sections.len(), audit.files.len(), "one section per file");
    // Links resolve.
    let ids: HashSet<&str> = all
        .iter()
        .filter_map(|e| e.attrs.get("id").map(String::as_str))
        .collect();
    let mut links = 0;
    for e in &all {
        if let Some(target) = e.attrs.get("href").and_then(|h| h.strip_prefix('#')) {
            assert!(
                ids.contains(target),
                "link to #{target} resolves to nothing"
            );
            links += 1;
        }
    }
    assert!(links > audit.files.len());
    let mut checked = 0;
    for (section, file) in &sections {
        let in_section = |e: &&Element| e.section.as_deref() == Some(section.as_str());
        // One side-list entry per finding, in report order.
        let entries: Vec<&Element> = all
            .iter()
            .filter(in_section)
            .filter(|e| e.tag == "li" && e.list.as_deref() == Some("finding-list"))
            .collect();
        assert_eq!(entries.len(), file.report.findings.len(), "{}", file.name);
        for (entry, finding) in entries.iter().zip(&file.report.findings) {
            assert!(
                entry.text.contains(&*finding.message()),
                "{}",
                finding.message()
            );
        }
        let marks: Vec<&Element> = all
            .iter()
            .filter(in_section)
            .filter(|e| e.tag == "mark" || (e.tag == "td" && e.attrs.contains_key("data-findings")))
            .collect();
        // Every place of every finding is highlighted, with the text printed there.
        for h in highlights(file) {
            let finding = &file.report.findings[h.finding];
            let carries =
                |e: &&&Element| numbers_of(e.attrs.get("data-findings")).contains(&h.finding);
            match h.place {
                Place::Text { start, end } | Place::Quote { start, end, .. } => {
                    let source = match h.place {
                        Place::Quote { statement, .. } => {
                            &file.disclosure.statements[statement].location.quote
                        }
                        _ => file.text.as_ref().unwrap(),
                    };
                    // A quote's marks have ids of their statement: `d0-s47-m3`.
                    let scope = match h.place {
                        Place::Quote { statement, .. } => format!("{section}-s{statement}-"),
                        _ => format!("{section}-m"),
                    };
                    let mark = marks
                        .iter()
                        .filter(carries)
                        .filter(|e| e.attrs.get("id").is_some_and(|id| id.starts_with(&scope)))
                        .find(|e| {
                            numbers_of(e.attrs.get("data-start")) == [start]
                                && numbers_of(e.attrs.get("data-end")) == [end]
                        })
                        .unwrap_or_else(|| panic!("{}: no mark for {h:?}", file.name));
                    assert_eq!(mark.text, source[start..end], "{}: {h:?}", file.name);
                    // Coloured by the most severe of the findings shown there.
                    let severest = numbers_of(mark.attrs.get("data-findings"))
                        .into_iter()
                        .map(|f| file.report.findings[f].severity)
                        .max()
                        .unwrap();
                    assert!(severest >= finding.severity);
                    let class = &mark.attrs["class"];
                    assert!(class.contains(&format!("sev-{}", severity_class(severest))));
                    // The figure is the one the finding names: in its statement's quote, and
                    // with its digits when they are printed.
                    let figure = h.primary.then_some(finding.at.as_ref()).flatten().and_then(
                        |at| match at {
                            fiscal_cn::report::FigureRef::Statement(id) => file
                                .disclosure
                                .statements
                                .iter()
                                .find(|s| s.id.as_deref() == Some(id.as_str())),
                            _ => None,
                        },
                    );
                    if let Some(statement) = figure {
                        assert!(
                            statement.location.quote.contains(&mark.text),
                            "{}",
                            mark.text
                        );
                        if figure_span(&statement.location.quote, &statement.value).is_some() {
                            let digits = digits(&statement.value).unwrap();
                            assert!(
                                plain(&mark.text).contains(&digits),
                                "{} {digits}",
                                mark.text
                            );
                        }
                    }
                }
                Place::Cell { table, row, column } => {
                    let printed = file.disclosure.tables[table].rows[row]
                        .get(column)
                        .map(|v| v.to_string())
                        .unwrap_or_default();
                    let cell = marks
                        .iter()
                        .filter(carries)
                        .find(|e| e.tag == "td" && e.text == printed)
                        .unwrap_or_else(|| panic!("{}: no cell for {h:?}", file.name));
                    assert!(cell.attrs["title"].contains(&*finding.message()));
                }
            }
            checked += 1;
        }
        // Every sentence not understood is marked where it is printed.
        for (u, span) in unparsed_spans(file).into_iter().enumerate() {
            let span = span.unwrap_or_else(|| panic!("{}: unparsed {u} not found", file.name));
            let mark = marks
                .iter()
                .find(|e| numbers_of(e.attrs.get("data-unparsed")).contains(&u))
                .unwrap_or_else(|| panic!("{}: no mark for unparsed {u}", file.name));
            assert_eq!(mark.text, file.unparsed[u].text);
            assert_eq!(mark.text, file.text.as_ref().unwrap()[span]);
            checked += 1;
        }
    }
    checked
}

fn severity_class(severity: fiscal_cn::check::Severity) -> &'static str {
    match severity {
        fiscal_cn::check::Severity::Error => "error",
        fiscal_cn::check::Severity::Warning => "warning",
        fiscal_cn::check::Severity::Info => "info",
    }
}

/// Writes the page, checks its DOM in Chromium, takes a screenshot; returns the highlights
/// checked.
fn render_and_check(chromium: &Path, name: &str, audit: &Audit) -> usize {
    let out = Path::new(env!("CARGO_TARGET_TMPDIR"));
    let page = out.join(format!("audit-{name}.html"));
    std::fs::write(&page, audit_html(audit)).unwrap();
    let dom = run_chromium(chromium, name, &page, &["--dump-dom".to_owned()]);
    assert!(dom.contains("公开数据审核报告"), "Chromium rendered {name}");
    let checked = check_dom(audit, &dom);
    let shot = out.join(format!("audit-{name}.png"));
    let _ = std::fs::remove_file(&shot);
    run_chromium(
        chromium,
        name,
        &page,
        &[
            format!("--screenshot={}", shot.display()),
            "--window-size=1400,2000".to_owned(),
        ],
    );
    let png = std::fs::read(&shot).expect("a screenshot was written");
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n") && png.len() > 10_000);
    eprintln!(
        "browser: {name}: {checked} highlights checked; page {} and screenshot {}",
        page.display(),
        shot.display()
    );
    checked
}

#[test]
fn the_seed_report_renders_with_every_finding_in_place() {
    let Some(chromium) = chromium() else { return };
    let audit = audit_paths(
        &[PathBuf::from(SEED)],
        Path::new(env!("CARGO_MANIFEST_DIR")),
        &Policy::default(),
        |_| {},
    );
    assert_eq!(audit.files.len(), 1);
    let findings = audit.files[0].report.findings.len();
    assert!(findings >= 10, "the seed has its findings");
    // Every finding of the seed has at least its own figure highlighted.
    let marks = highlights(&audit.files[0]);
    for f in 0..findings {
        assert!(
            marks.iter().any(|h| h.finding == f),
            "finding {f} has no place"
        );
    }
    assert!(render_and_check(&chromium, "seed", &audit) >= findings);
}

#[test]
fn a_folder_with_the_corpus_and_tables_renders() {
    let Some(chromium) = chromium() else { return };
    // A folder as an auditor would have it: the texts and the JSON side by side.
    let folder = Path::new(env!("CARGO_TARGET_TMPDIR")).join("audit-folder-input");
    let _ = std::fs::remove_dir_all(&folder);
    std::fs::create_dir_all(&folder).unwrap();
    let mut paths = vec![PathBuf::from(SEED), PathBuf::from(TABLES)];
    if let Some(dir) = corpus_dir() {
        paths.extend(
            std::fs::read_dir(dir)
                .unwrap()
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "txt")),
        );
    }
    for path in &paths {
        std::fs::copy(path, folder.join(path.file_name().unwrap())).unwrap();
    }
    let total = std::cell::Cell::new(0);
    let audit = audit_dir(&folder, &Policy::default(), |n| total.set(n), |_| {}).unwrap();
    assert_eq!(total.get(), paths.len());
    assert!(audit.unreadable.is_empty(), "{:?}", audit.unreadable);
    assert_eq!(audit.files.len(), paths.len());
    let cells = audit
        .files
        .iter()
        .flat_map(highlights)
        .filter(|h| matches!(h.place, Place::Cell { .. }))
        .count();
    assert!(cells > 0, "the table set's findings mark cells");
    render_and_check(&chromium, "folder", &audit);
}
