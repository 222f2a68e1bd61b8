//! The audit as one self-contained HTML page.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;

use super::place::{Highlight, Place, highlights, unparsed_spans};
use super::{Audit, AuditedFile, FileSummary};
use crate::check::{FigureUnit, Finding, Severity, describe};
use crate::report::{Column, RowKey, Table};

/// `text` with `&`, `<`, `>`, `"` and `'` written as character references, and control
/// characters other than tab and line breaks (which no disclosure prints, and which a page
/// must not carry) replaced with `U+FFFD`: safe inside an element and inside a quoted
/// attribute value.
///
/// ```
/// use fiscal_cn::audit::escape_html;
///
/// assert_eq!(
///     escape_html(r#"<b title="x">A&B's</b>"#),
///     "&lt;b title=&quot;x&quot;&gt;A&amp;B&#39;s&lt;/b&gt;"
/// );
/// assert_eq!(escape_html("a\u{0}b\u{1b}c"), "a\u{FFFD}b\u{FFFD}c");
/// ```
#[must_use]
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if c.is_control() => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = r#"
:root { --error: #c62828; --error-bg: #ffd9d9; --warning: #b26a00; --warning-bg: #ffe9c2;
  --info: #1565c0; --info-bg: #dcebff; --line: #d0d4da; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.6 "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei",
  "PingFang SC", "Microsoft YaHei", sans-serif; color: #1d2330; background: #f6f7f9; }
header.summary, section.disclosure { margin: 1rem auto; max-width: 90rem; padding: 1rem 1.5rem;
  background: #fff; border: 1px solid var(--line); border-radius: 6px; }
h1 { font-size: 1.5rem; margin: 0 0 .5rem; } h2 { font-size: 1.2rem; margin: 0 0 .5rem; }
h3 { font-size: 1rem; margin: 1rem 0 .4rem; }
h2, h3, td, th, li, p { overflow-wrap: anywhere; }
table { border-collapse: collapse; font-variant-numeric: tabular-nums; }
th, td { border: 1px solid var(--line); padding: .15rem .5rem; vertical-align: top; }
th { background: #eef1f5; font-weight: 600; }
td.n { text-align: right; white-space: nowrap; }
table.files td, table.files th { white-space: nowrap; } table.files td.wrap { white-space: normal; }
.scroll { overflow-x: auto; max-width: 100%; }
.doc { display: grid; grid-template-columns: minmax(0, 1fr) minmax(16rem, 26rem); gap: 1.5rem; }
@media (max-width: 60rem) { .doc { grid-template-columns: minmax(0, 1fr); } }
pre.text { white-space: pre-wrap; overflow-wrap: anywhere; word-break: normal; font: inherit;
  margin: 0; padding: .5rem; background: #fcfcfd; border: 1px solid var(--line); }
aside.findings { position: sticky; top: 0; align-self: start; max-height: 100vh; overflow-y: auto; }
aside ol { padding-left: 1.6rem; margin: 0; } aside li { margin-bottom: .6rem; }
aside dl { display: grid; grid-template-columns: auto 1fr; gap: 0 .6rem; margin: .2rem 0 0;
  font-size: .9em; color: #4a5160; } aside dd { margin: 0; }
mark { background: transparent; color: inherit; border-bottom: 2px solid; padding: 0 1px; }
mark.sev-error, td.sev-error { background: var(--error-bg); border-color: var(--error); }
mark.sev-warning, td.sev-warning { background: var(--warning-bg); border-color: var(--warning); }
mark.sev-info, td.sev-info { background: var(--info-bg); border-color: var(--info); }
mark.other { background: transparent; border-bottom-style: dashed; }
mark.primary { font-weight: 600; }
mark.unparsed { text-decoration: underline wavy #7a7f8a; border-bottom: none; }
mark.unparsed.f { border-bottom: 2px solid; }
td.sev-error, td.sev-warning, td.sev-info { outline: 2px solid; outline-offset: -2px; }
td.sev-error { outline-color: var(--error); } td.sev-warning { outline-color: var(--warning); }
td.sev-info { outline-color: var(--info); }
.badge { display: inline-block; padding: 0 .4rem; border-radius: 3px; color: #fff; font-size: .85em; }
.badge.sev-error { background: var(--error); } .badge.sev-warning { background: var(--warning); }
.badge.sev-info { background: var(--info); } .badge.unparsed { background: #7a7f8a; }
:target { outline: 3px solid #6a1b9a; outline-offset: 2px; }
.muted { color: #6b7280; }
"#;

/// The page's CSS class of a severity.
fn class(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "sev-error",
        Severity::Warning => "sev-warning",
        Severity::Info => "sev-info",
    }
}

/// The section of the `k`th disclosure.
fn section_id(k: usize) -> String {
    format!("d{k}")
}

/// A finding for a tooltip: severity, rule, message and the two sides.
fn tooltip(finding: &Finding) -> String {
    let mut out = format!(
        "[{}] {} {}",
        finding.severity,
        finding.rule,
        finding.message()
    );
    for (label, value) in sides(finding) {
        let _ = write!(out, "\n{label}：{value}");
    }
    out
}

/// The sides of a finding's identity, when it compares figures, with their labels in Chinese
/// and their unit (a difference of rates in percentage points).
fn sides(finding: &Finding) -> Vec<(&'static str, String)> {
    let Some(c) = &finding.comparison else {
        return Vec::new();
    };
    let (level, gap) = match c.unit {
        FigureUnit::Percent => ("%".to_owned(), " 个百分点".to_owned()),
        unit => (format!(" {unit}"), format!(" {unit}")),
    };
    vec![
        ("公布数", format!("{}{level}", c.published)),
        ("另一方（应为）", format!("{}{level}", c.expected)),
        ("差额", format!("{}{gap}", c.difference)),
        ("舍入允许误差", format!("{}{gap}", c.allowance)),
    ]
}

/// A span of text to mark: the findings shown there and the sentences not understood.
#[derive(Default)]
struct Mark {
    /// `(finding, primary)`.
    findings: Vec<(usize, bool)>,
    unparsed: Vec<usize>,
}

/// Where the page shows each finding and each sentence not understood of one disclosure.
#[derive(Default)]
struct Anchors {
    /// The element of each finding's primary place.
    primary: HashMap<usize, String>,
    /// The element of each finding's first place shown.
    any: HashMap<usize, String>,
    /// The element of each sentence not understood.
    unparsed: HashMap<usize, String>,
}

impl Anchors {
    fn finding(&self, index: usize) -> Option<&String> {
        self.primary.get(&index).or_else(|| self.any.get(&index))
    }

    fn note(&mut self, finding: usize, primary: bool, id: &str) {
        if primary {
            self.primary.entry(finding).or_insert_with(|| id.to_owned());
        }
        self.any.entry(finding).or_insert_with(|| id.to_owned());
    }
}

/// `text` with `marks` (byte ranges on char boundaries, nested or disjoint; one that crosses an
/// enclosing one is cut at its end) written as `<mark>` elements with ids `{prefix}m{k}`.
fn marked(
    text: &str,
    marks: &BTreeMap<(usize, usize), Mark>,
    prefix: &str,
    file: &AuditedFile,
    anchors: &mut Anchors,
) -> String {
    let findings = &file.report.findings;
    let mut order: Vec<(&(usize, usize), &Mark)> = marks.iter().collect();
    order.sort_by_key(|((start, end), _)| (*start, std::cmp::Reverse(*end)));
    let mut out = String::with_capacity(text.len() * 2);
    let mut pos = 0;
    let mut open: Vec<usize> = Vec::new();
    let emit = |out: &mut String, pos: &mut usize, to: usize| {
        if let Some(piece) = text.get(*pos..to) {
            out.push_str(&escape_html(piece));
        }
        *pos = to.max(*pos);
    };
    for (k, (&(start, end), mark)) in order.into_iter().enumerate() {
        if text.get(start..end).is_none() {
            continue;
        }
        while let Some(&top) = open.last() {
            if top > start {
                break;
            }
            emit(&mut out, &mut pos, top);
            out.push_str("</mark>");
            open.pop();
        }
        let end = open.last().map_or(end, |&top| end.min(top));
        emit(&mut out, &mut pos, start);
        let id = format!("{prefix}m{k}");
        let severity = mark
            .findings
            .iter()
            .filter_map(|(f, _)| findings.get(*f).map(|f| f.severity))
            .max();
        let mut classes = Vec::new();
        if let Some(severity) = severity {
            classes.push("f");
            classes.push(class(severity));
            classes.push(if mark.findings.iter().any(|(_, p)| *p) {
                "primary"
            } else {
                "other"
            });
        }
        if !mark.unparsed.is_empty() {
            classes.push("unparsed");
        }
        let mut title: Vec<String> = mark
            .findings
            .iter()
            .filter_map(|(f, _)| findings.get(*f).map(tooltip))
            .collect();
        for u in &mark.unparsed {
            if let Some(sentence) = file.unparsed.get(*u) {
                title.push(format!("未读懂：{}", sentence.reason));
                anchors.unparsed.entry(*u).or_insert_with(|| id.clone());
            }
        }
        for &(f, primary) in &mark.findings {
            anchors.note(f, primary, &id);
        }
        let list = |items: Vec<String>| items.join(" ");
        let _ = write!(
            out,
            "<mark id=\"{id}\" class=\"{}\" data-start=\"{start}\" data-end=\"{end}\" data-findings=\"{}\" data-unparsed=\"{}\" title=\"{}\">",
            classes.join(" "),
            list(mark.findings.iter().map(|(f, _)| f.to_string()).collect()),
            list(mark.unparsed.iter().map(usize::to_string).collect()),
            escape_html(&title.join("\n\n")),
        );
        open.push(end);
    }
    while let Some(top) = open.pop() {
        emit(&mut out, &mut pos, top);
        out.push_str("</mark>");
    }
    emit(&mut out, &mut pos, text.len());
    out
}

/// The findings shown in each cell of a table, by row index and column: `(finding, primary)`.
type CellMarks = HashMap<(usize, Column), Vec<(usize, bool)>>;

/// One table with the cells that findings involve marked; `ids` begins the id of each cell's
/// element (the file's prefix and the table's place).
fn table_html(
    out: &mut String,
    table: &Table,
    cells: &CellMarks,
    ids: &str,
    file: &AuditedFile,
    anchors: &mut Anchors,
) {
    let mut columns = table.columns.clone();
    for row in &table.rows {
        for column in row.values.columns() {
            if !columns.contains(&column) {
                columns.push(column);
            }
        }
    }
    let title = table
        .title
        .clone()
        .unwrap_or_else(|| table.kind.to_string());
    let _ = write!(
        out,
        "<h3>{}<span class=\"muted\">（单位：{}）</span></h3><div class=\"scroll\"><table class=\"fiscal\"><thead><tr><th>项目</th><th>编码</th>",
        escape_html(&title),
        escape_html(&table.unit.to_string())
    );
    for column in &columns {
        let _ = write!(out, "<th>{}</th>", escape_html(&column.to_string()));
    }
    out.push_str("</tr></thead><tbody>");
    for (r, row) in table.rows.iter().enumerate() {
        let _ = write!(
            out,
            "<tr><td>{}</td><td>{}</td>",
            escape_html(&row.name),
            // The code of a classified row; a fixed line's name is already in the first column.
            row.key
                .function_code()
                .map(|c| c.to_string())
                .or_else(|| row.key.economic_code().map(|c| c.to_string()))
                .or_else(|| match &row.key {
                    RowKey::GovernmentEconomic(code) => Some(code.to_string()),
                    _ => None,
                })
                .unwrap_or_default()
        );
        for (c, column) in columns.iter().enumerate() {
            let value = row.get(*column).map(|v| v.to_string()).unwrap_or_default();
            let Some(marks) = cells.get(&(r, *column)) else {
                let _ = write!(out, "<td class=\"n\">{}</td>", escape_html(&value));
                continue;
            };
            let id = format!("{ids}r{r}-c{c}");
            for &(f, primary) in marks {
                anchors.note(f, primary, &id);
            }
            let findings = &file.report.findings;
            let severity = marks
                .iter()
                .filter_map(|(f, _)| findings.get(*f).map(|f| f.severity))
                .max()
                .unwrap_or(Severity::Info);
            let title: Vec<String> = marks
                .iter()
                .filter_map(|(f, _)| findings.get(*f).map(tooltip))
                .collect();
            let ids: Vec<String> = marks.iter().map(|(f, _)| f.to_string()).collect();
            let _ = write!(
                out,
                "<td id=\"{id}\" class=\"n f {}\" data-findings=\"{}\" title=\"{}\">{}</td>",
                class(severity),
                ids.join(" "),
                escape_html(&title.join("\n\n")),
                escape_html(&value)
            );
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table></div>");
}

/// One disclosure's section (`data-file` names its file).
fn disclosure_html(out: &mut String, k: usize, file: &AuditedFile) {
    let d = &file.disclosure;
    let prefix = format!("d{k}-");
    let marks_of_file = highlights(file);
    let mut text_marks: BTreeMap<(usize, usize), Mark> = BTreeMap::new();
    let mut quote_marks: BTreeMap<usize, BTreeMap<(usize, usize), Mark>> = BTreeMap::new();
    let mut cells: HashMap<usize, CellMarks> = HashMap::new();
    for Highlight {
        finding,
        place,
        primary,
    } in &marks_of_file
    {
        let entry = (*finding, *primary);
        match *place {
            Place::Text { start, end } => {
                text_marks
                    .entry((start, end))
                    .or_default()
                    .findings
                    .push(entry);
            }
            Place::Quote {
                statement,
                start,
                end,
            } => quote_marks
                .entry(statement)
                .or_default()
                .entry((start, end))
                .or_default()
                .findings
                .push(entry),
            Place::Cell { table, row, column } => cells
                .entry(table)
                .or_default()
                .entry((row, column))
                .or_default()
                .push(entry),
        }
    }
    for (u, span) in unparsed_spans(file).into_iter().enumerate() {
        if let Some(span) = span {
            text_marks
                .entry((span.start, span.end))
                .or_default()
                .unparsed
                .push(u);
        }
    }
    let mut anchors = Anchors::default();
    let summary = FileSummary::of(file);
    let _ = write!(
        out,
        "<section class=\"disclosure\" id=\"{}\" data-file=\"{}\"><h2>{}</h2><p>{} · {}年度{} · {}　<span class=\"badge sev-error\">错误 {}</span> <span class=\"badge sev-warning\">警告 {}</span> <span class=\"badge sev-info\">提示 {}</span> <span class=\"badge unparsed\">未读懂 {}</span>　<a href=\"#top\">返回汇总</a></p>",
        section_id(k),
        escape_html(&file.name),
        escape_html(&file.name),
        escape_html(&d.entity.name),
        d.entity.year,
        escape_html(&d.entity.kind.to_string()),
        escape_html(&file.kind.to_string()),
        summary.errors,
        summary.warnings,
        summary.infos,
        summary.not_understood,
    );
    for note in &file.notes {
        let _ = write!(out, "<p class=\"muted\">{}</p>", escape_html(note));
    }
    out.push_str("<div class=\"doc\"><div class=\"main\">");
    if let Some(text) = &file.text {
        out.push_str("<h3>说明原文</h3><pre class=\"text\">");
        out.push_str(&marked(text, &text_marks, &prefix, file, &mut anchors));
        out.push_str("</pre>");
    } else if !d.statements.is_empty() {
        out.push_str(
            "<h3>说明中的数字</h3><div class=\"scroll\"><table class=\"statements\"><thead><tr><th>章节</th><th>内容</th><th>原文</th></tr></thead><tbody>",
        );
        let none = BTreeMap::new();
        for (s, statement) in d.statements.iter().enumerate() {
            let quote = marked(
                &statement.location.quote,
                quote_marks.get(&s).unwrap_or(&none),
                &format!("{prefix}s{s}-"),
                file,
                &mut anchors,
            );
            let _ = write!(
                out,
                "<tr><td>{}</td><td>{}</td><td>{quote}</td></tr>",
                escape_html(&statement.location.section),
                escape_html(&statement.concept.to_string()),
            );
        }
        out.push_str("</tbody></table></div>");
    }
    let none = HashMap::new();
    for (t, table) in d.tables.iter().enumerate() {
        table_html(
            out,
            table,
            cells.get(&t).unwrap_or(&none),
            &format!("{prefix}t{t}-"),
            file,
            &mut anchors,
        );
    }
    out.push_str("</div><aside class=\"findings\">");
    let _ = write!(
        out,
        "<h3>发现（{}）</h3><ol class=\"finding-list\">",
        file.report.findings.len()
    );
    for (f, finding) in file.report.findings.iter().enumerate() {
        let target = anchors.finding(f).cloned().unwrap_or_else(|| section_id(k));
        let _ = write!(
            out,
            "<li id=\"{prefix}f{f}\" class=\"{}\"><a href=\"#{target}\"><span class=\"badge {}\">{}</span> {}</a> {}",
            class(finding.severity),
            class(finding.severity),
            escape_html(&finding.severity.to_string()),
            finding.rule,
            escape_html(&finding.message()),
        );
        let mut rows = sides(finding);
        if let Some(at) = &finding.at {
            rows.push(("位置", describe(at)));
        }
        if let Some(quote) = &finding.quote {
            rows.push(("原文", quote.clone()));
        }
        if !rows.is_empty() {
            out.push_str("<dl>");
            for (label, value) in rows {
                let _ = write!(
                    out,
                    "<dt>{}</dt><dd>{}</dd>",
                    escape_html(label),
                    escape_html(&value)
                );
            }
            out.push_str("</dl>");
        }
        out.push_str("</li>");
    }
    out.push_str("</ol>");
    if !file.unparsed.is_empty() {
        let _ = write!(
            out,
            "<h3>未读懂的语句（{}）</h3><ol class=\"unparsed-list\">",
            file.unparsed.len()
        );
        for (u, sentence) in file.unparsed.iter().enumerate() {
            let target = anchors
                .unparsed
                .get(&u)
                .cloned()
                .unwrap_or_else(|| section_id(k));
            let _ = write!(
                out,
                "<li id=\"{prefix}u{u}\"><a href=\"#{target}\">{}</a> <span class=\"muted\">{}</span></li>",
                escape_html(&sentence.text),
                escape_html(&sentence.reason.to_string()),
            );
        }
        out.push_str("</ol>");
    }
    out.push_str("</aside></div></section>\n");
}

/// The audit as one self-contained HTML page (UTF-8, no script, no network, no external
/// asset), in Chinese.
///
/// At the top, the summary of [`Audit::summary`]: the totals, a line per file (most errors
/// first) linking to its section, a line per rule linking to its first finding, the
/// unreadable files. Then a section per disclosure, in the same order: its narrative text
/// (or, for JSON, the quotes of its statements) with every finding's figures marked where
/// they are printed (`<mark class="f sev-error primary">`; the figure a finding is about in
/// bold, the other figures of its identity dashed; colour by severity: red, orange, blue),
/// the sentences not understood underlined with a wave, its tables with the cells the
/// findings involve outlined; hovering shows the message, the published figure, the other
/// side, the difference and the allowance. Beside it, the list of findings, each linking to
/// its place, and of the sentences not understood.
///
/// Every `<mark>` carries `data-start` and `data-end` (its byte range in the text or quote)
/// and `data-findings` (the indices of its findings in the file's report), for tests and
/// tools. Everything taken from the files is escaped with [`escape_html`].
#[must_use]
pub fn audit_html(audit: &Audit) -> String {
    let mut order: Vec<(usize, FileSummary)> = audit
        .files
        .iter()
        .map(FileSummary::of)
        .enumerate()
        .collect();
    order.sort_by(|(_, a), (_, b)| {
        (b.errors, b.warnings)
            .cmp(&(a.errors, a.warnings))
            .then_with(|| a.name.cmp(&b.name))
    });
    let summary = audit.summary();
    let t = &summary.totals;
    let mut out = String::with_capacity(
        audit
            .files
            .iter()
            .map(|f| f.text.as_ref().map_or(4096, |t| t.len() * 2))
            .sum::<usize>()
            + 8192,
    );
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>公开数据审核报告</title><style>{STYLE}</style></head><body>\n<header class=\"summary\" id=\"top\"><h1>公开数据审核报告</h1><p>共检查 {} 个文件（{} 个有错误）：<span class=\"badge sev-error\">错误 {}</span> <span class=\"badge sev-warning\">警告 {}</span> <span class=\"badge sev-info\">提示 {}</span> <span class=\"badge unparsed\">未读懂语句 {}</span>；无法读取 {} 个文件。</p>",
        t.files, t.files_with_errors, t.errors, t.warnings, t.infos, t.not_understood, t.unreadable
    );
    if !order.is_empty() {
        out.push_str("<div class=\"scroll\"><table class=\"files\"><thead><tr><th>文件</th><th>类型</th><th>公开类型</th><th>年度</th><th>单位</th><th>错误</th><th>警告</th><th>提示</th><th>未读懂</th></tr></thead><tbody>");
        for (k, (_, s)) in order.iter().enumerate() {
            let _ = write!(
                out,
                "<tr><td class=\"wrap\"><a href=\"#{}\">{}</a></td><td>{}</td><td>{}</td><td class=\"n\">{}</td><td class=\"wrap\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
                section_id(k),
                escape_html(&s.name),
                escape_html(&s.kind.to_string()),
                escape_html(&s.disclosure_kind.to_string()),
                s.year,
                escape_html(&s.entity),
                s.errors,
                s.warnings,
                s.infos,
                s.not_understood
            );
        }
        out.push_str("</tbody></table></div>");
    }
    if !summary.rules.is_empty() {
        out.push_str("<h3>按规则</h3><table class=\"rules\"><thead><tr><th>规则</th><th>发现数</th><th>文件数</th></tr></thead><tbody>");
        for rule in &summary.rules {
            // The rule's first finding in page order.
            let first = order.iter().enumerate().find_map(|(k, (i, _))| {
                let findings = &audit.files[*i].report.findings;
                let f = findings.iter().position(|f| f.rule == rule.rule)?;
                Some(format!("d{k}-f{f}"))
            });
            let name = rule.rule.to_string();
            let cell = match first {
                Some(id) => format!("<a href=\"#{id}\">{name}</a>"),
                None => name,
            };
            let _ = write!(
                out,
                "<tr><td>{cell}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
                rule.findings, rule.files
            );
        }
        out.push_str("</tbody></table>");
    }
    if !summary.unreadable.is_empty() {
        out.push_str("<h3>无法读取的文件</h3><ul class=\"unreadable\">");
        for u in &summary.unreadable {
            let _ = write!(
                out,
                "<li>{}：{}</li>",
                escape_html(&u.name),
                escape_html(&u.reason.to_string())
            );
        }
        out.push_str("</ul>");
    }
    out.push_str("</header>\n");
    for (k, (i, _)) in order.iter().enumerate() {
        disclosure_html(&mut out, k, &audit.files[*i]);
    }
    out.push_str("</body></html>\n");
    out
}
