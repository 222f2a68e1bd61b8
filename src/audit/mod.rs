//! Checking a folder of disclosures at once, and showing the findings where they are printed.
//!
//! [`audit_dir`] reads every disclosure in a folder — narrative texts (`.txt`, read with
//! [`read_narrative`]) and the model's JSON (`.json`), mixed — and checks each on every core;
//! a file that cannot be read is kept as an [`UnreadableFile`] with the reason, and nothing
//! stops the run. [`audit_source`] does the same for one file's bytes, for programs that hold
//! them already (a web application's upload).
//!
//! [`Audit::summary`] counts what was found: per file its kind, year, entity, errors, warnings,
//! infos and sentences not understood, the files with the most errors first; per rule its
//! findings and the files they are in. The summary prints as a table for a terminal
//! (`Display`), as CSV ([`AuditSummary::to_csv`]) and, with the `serde` feature, as JSON.
//!
//! [`audit_html`] writes the whole audit as one self-contained HTML page: the summary with
//! links, then per disclosure its narrative text with every finding's figures highlighted where
//! they are printed, the sentences not understood marked, its tables with the offending cells
//! marked, and a list of the findings that links to each place. [`highlights`] tells where
//! each finding's figures are, for programs that draw them themselves.
//!
//! ```
//! use fiscal_cn::{audit::{audit_source, Audit}, check::Policy};
//!
//! let text = "2024年度示例单位部门决算公开编制说明\n\
//!             二、收入决算情况说明\n\
//!             2024年度本年收入合计775.31万元，其中：一般公共预算财政拨款收入729.25万元，\
//!             占94.05%；其他收入46.06万元，占5.94%。";
//! let file = audit_source("示例单位.txt", text.as_bytes(), &Policy::default())?;
//! let audit = Audit { files: vec![file], unreadable: vec![] };
//! let summary = audit.summary();
//! // 729.25 / 775.31 = 94.0591…%, printed 94.05%: truncated, not rounded.
//! assert_eq!(summary.files[0].warnings, 1);
//! assert_eq!(summary.rules[0].rule, "N003");
//! let page = fiscal_cn::audit::audit_html(&audit);
//! assert!(page.starts_with("<!DOCTYPE html>"));
//! # Ok::<(), fiscal_cn::audit::UnreadableFile>(())
//! ```

mod html;
mod place;
#[cfg(test)]
mod tests;

pub use html::{audit_html, escape_html};
pub use place::{Highlight, Place, figure_span, highlights, unparsed_spans};

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::check::{CheckReport, Policy, RuleCode, Severity, check};
use crate::narrative::{ReadOptions, UnparsedSentence, read_narrative};
use crate::parallel::blocks_in_turn;
use crate::report::{Align, Disclosure, DisclosureKind, render_columns};

/// What a file holds: a narrative text or a disclosure in the model's JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum SourceKind {
    /// A narrative (编制说明) text, UTF-8, read with [`read_narrative`]: a `.txt` file.
    Narrative,
    /// A disclosure in the model's JSON format: a `.json` file.
    Json,
}

impl SourceKind {
    /// The kind a file name's extension gives (case-insensitive), or `None` for other files.
    ///
    /// ```
    /// use fiscal_cn::audit::SourceKind;
    ///
    /// assert_eq!(SourceKind::of_name("说明.TXT"), Some(SourceKind::Narrative));
    /// assert_eq!(SourceKind::of_name("a/b.json"), Some(SourceKind::Json));
    /// assert_eq!(SourceKind::of_name("表.xlsx"), None);
    /// ```
    #[must_use]
    pub fn of_name(name: &str) -> Option<SourceKind> {
        let lower = name.to_lowercase();
        if lower.ends_with(".txt") {
            Some(SourceKind::Narrative)
        } else if lower.ends_with(".json") {
            Some(SourceKind::Json)
        } else {
            None
        }
    }
}

impl fmt::Display for SourceKind {
    /// `说明文本` or `JSON`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            SourceKind::Narrative => "说明文本",
            SourceKind::Json => "JSON",
        })
    }
}

/// One disclosure read and checked.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct AuditedFile {
    /// The file's name as given (relative to the audited folder for [`audit_dir`]).
    pub name: String,
    /// Narrative text or JSON.
    pub kind: SourceKind,
    /// The disclosure as read.
    pub disclosure: Disclosure,
    /// What the checker found.
    pub report: CheckReport,
    /// The clauses with figures the reader did not understand (narratives only).
    pub unparsed: Vec<UnparsedSentence>,
    /// The narrative text as read (narratives only): the offsets of [`Place::Text`] and of
    /// [`UnparsedSentence::offset`] are byte offsets into it.
    pub text: Option<String>,
    /// Remarks on reading the file, in Chinese (bytes that were not UTF-8 and were replaced).
    pub notes: Vec<String>,
}

/// A file that could not be read as a disclosure, with the reason.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct UnreadableFile {
    /// The file's name as given.
    pub name: String,
    /// Why it could not be read (its `Display` in Chinese).
    pub reason: UnreadableReason,
}

/// Why a file could not be read as a disclosure ([`UnreadableFile::reason`]); `Display` says it
/// in Chinese.
///
/// In JSON (feature `serde`) it is an object with a stable snake_case `kind`, the case's fields
/// and its Chinese `message`; the `message` is ignored when it is read back, so the value
/// round-trips.
///
/// ```
/// use fiscal_cn::{audit::{UnreadableReason, audit_source}, check::Policy};
///
/// let err = audit_source("报告.pdf", b"%PDF", &Policy::default()).unwrap_err();
/// assert_eq!(err.reason, UnreadableReason::UnknownKind);
/// assert_eq!(err.to_string(), "无法读取“报告.pdf”：不是 .txt 说明文本或 .json 公开数据文件");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, thiserror::Error)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(remote = "Self", tag = "kind", rename_all = "snake_case")
)]
#[non_exhaustive]
pub enum UnreadableReason {
    /// The name ends in neither `.txt` nor `.json`.
    #[error("不是 .txt 说明文本或 .json 公开数据文件")]
    UnknownKind,
    /// A text with too many bytes that are not UTF-8 (one in a hundred characters): another
    /// encoding (GBK, …).
    #[error("文件不是 UTF-8 编码")]
    NotUtf8,
    /// A text the narrative reader refuses.
    #[error("无法读取说明文本：{error}")]
    Narrative {
        /// The reader's error ([`Error::UndatedNarrative`](crate::Error::UndatedNarrative), …).
        #[source]
        error: crate::NestedError,
    },
    /// JSON that is not a disclosure of this crate's model.
    #[error("不是 fiscal-cn 的公开数据 JSON：{message}")]
    NotADisclosure {
        /// The JSON parser's message (`serde_json`'s error is kept as its message only: it is
        /// neither `Clone` nor comparable, and another crate's type). In JSON it is `error`:
        /// `message` is the whole reason's.
        #[cfg_attr(feature = "serde", serde(rename = "error"))]
        message: String,
    },
    /// JSON read without the crate's `serde` feature.
    #[error("读取 JSON 需要 fiscal-cn 的 serde 特性")]
    NoSerde,
    /// The file could not be read at all.
    #[error("{message}")]
    Io {
        /// The operating system's message (the [`std::io::Error`] is kept as its message only,
        /// as it does not serialize; [`Error::Io`](crate::Error::Io) keeps it whole). In JSON
        /// it is `error`: `message` is the whole reason's.
        #[cfg_attr(feature = "serde", serde(rename = "error"))]
        message: String,
    },
}

#[cfg(feature = "serde")]
crate::error::serde_with_message!(UnreadableReason);

impl fmt::Display for UnreadableFile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "无法读取“{}”：{}", self.name, self.reason)
    }
}

impl std::error::Error for UnreadableFile {}

/// Everything an audit read and found: the files checked and those that could not be read,
/// each in name order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Audit {
    /// The disclosures read and checked.
    pub files: Vec<AuditedFile>,
    /// The files that could not be read.
    pub unreadable: Vec<UnreadableFile>,
}

/// A text with more invalid UTF-8 sequences than one in this many characters is taken for
/// another encoding (GBK, …) and not read; fewer are replaced with `U+FFFD`.
const MAX_INVALID_PER: usize = 100;

/// Reads and checks one file's bytes: a narrative text when `name` ends in `.txt`, the model's
/// JSON when it ends in `.json` (case-insensitive).
///
/// A text is UTF-8 (a byte-order mark is skipped); a few invalid sequences (an unpaired
/// surrogate written by a careless converter) are replaced with `U+FFFD` and noted in
/// [`AuditedFile::notes`], more (one in a hundred characters) make the file unreadable, as do a
/// text the reader rejects, JSON that is not a disclosure, and any other extension. Never
/// panics.
///
/// # Errors
/// An [`UnreadableFile`] with the reason, in Chinese.
pub fn audit_source(
    name: &str,
    bytes: &[u8],
    policy: &Policy,
) -> Result<AuditedFile, UnreadableFile> {
    let unreadable = |reason| UnreadableFile {
        name: name.to_owned(),
        reason,
    };
    let kind =
        SourceKind::of_name(name).ok_or_else(|| unreadable(UnreadableReason::UnknownKind))?;
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut notes = Vec::new();
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text.to_owned(),
        Err(_) => {
            let text = String::from_utf8_lossy(bytes).into_owned();
            let replaced = text.chars().filter(|&c| c == '\u{FFFD}').count();
            if replaced * MAX_INVALID_PER > text.chars().count() {
                return Err(unreadable(UnreadableReason::NotUtf8));
            }
            notes.push(format!("{replaced} 处无效的 UTF-8 字节已替换为“\u{FFFD}”"));
            text
        }
    };
    let (disclosure, unparsed, text) = match kind {
        SourceKind::Narrative => match read_narrative(&text, &ReadOptions::default()) {
            Ok(reading) => (reading.disclosure, reading.unparsed, Some(text)),
            Err(e) => {
                return Err(unreadable(UnreadableReason::Narrative { error: e.into() }));
            }
        },
        SourceKind::Json => (parse_json(&text).map_err(unreadable)?, Vec::new(), None),
    };
    let report = check(&disclosure, policy);
    Ok(AuditedFile {
        name: name.to_owned(),
        kind,
        disclosure,
        report,
        unparsed,
        text,
        notes,
    })
}

#[cfg(feature = "serde")]
fn parse_json(text: &str) -> Result<Disclosure, UnreadableReason> {
    serde_json::from_str(text).map_err(|e| UnreadableReason::NotADisclosure {
        message: e.to_string(),
    })
}

#[cfg(not(feature = "serde"))]
fn parse_json(_: &str) -> Result<Disclosure, UnreadableReason> {
    Err(UnreadableReason::NoSerde)
}

/// The disclosure files under `dir` (`.txt` and `.json`, in sub-folders too, hidden entries
/// skipped), sorted by path.
///
/// # Errors
/// When `dir` itself cannot be listed; a sub-folder that cannot be listed is skipped.
pub fn disclosure_files(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    fn walk(dir: &Path, top: bool, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
        let entries = match std::fs::read_dir(dir) {
            Ok(entries) => entries,
            Err(e) if top => return Err(e),
            Err(_) => return Ok(()),
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if entry.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            if path.is_dir() {
                walk(&path, false, out)?;
            } else if SourceKind::of_name(&path.to_string_lossy()).is_some() {
                out.push(path);
            }
        }
        Ok(())
    }
    let mut out = Vec::new();
    walk(dir, true, &mut out)?;
    out.sort();
    Ok(out)
}

/// Reads and checks the files at `paths` on every core, calling `progress` with the number
/// of files done after each (from the checking threads). Names are the paths relative to
/// `base` when they lie under it. The result lists files in the order of `paths`.
pub fn audit_paths(
    paths: &[PathBuf],
    base: &Path,
    policy: &Policy,
    progress: impl Fn(usize) + Sync,
) -> Audit {
    let done = AtomicUsize::new(0);
    let mut blocks = blocks_in_turn(paths.len(), 0, |range| {
        paths[range]
            .iter()
            .map(|path| {
                let name = path
                    .strip_prefix(base)
                    .unwrap_or(path)
                    .to_string_lossy()
                    .into_owned();
                let result = match std::fs::read(path) {
                    Ok(bytes) => audit_source(&name, &bytes, policy),
                    Err(e) => Err(UnreadableFile {
                        name,
                        reason: UnreadableReason::Io {
                            message: e.to_string(),
                        },
                    }),
                };
                progress(done.fetch_add(1, Ordering::Relaxed) + 1);
                result
            })
            .collect::<Vec<_>>()
    });
    blocks.sort_unstable_by_key(|(block, _)| *block);
    let mut audit = Audit::default();
    for result in blocks.into_iter().flat_map(|(_, results)| results) {
        match result {
            Ok(file) => audit.files.push(file),
            Err(unreadable) => audit.unreadable.push(unreadable),
        }
    }
    audit
}

/// Reads and checks every disclosure under `dir` ([`disclosure_files`]) on every core; see
/// [`audit_paths`] for `progress`, which is also told the number of files first
/// (`progress_total`).
///
/// # Errors
/// When `dir` cannot be listed. Files that cannot be read are in [`Audit::unreadable`].
pub fn audit_dir(
    dir: &Path,
    policy: &Policy,
    progress_total: impl FnOnce(usize),
    progress: impl Fn(usize) + Sync,
) -> std::io::Result<Audit> {
    let paths = disclosure_files(dir)?;
    progress_total(paths.len());
    Ok(audit_paths(&paths, dir, policy, progress))
}

/// One file's line of an [`AuditSummary`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct FileSummary {
    /// The file's name.
    pub name: String,
    /// Narrative text or JSON.
    pub kind: SourceKind,
    /// 部门决算, 部门预算 or a government's budget.
    pub disclosure_kind: DisclosureKind,
    /// The year reported on.
    pub year: u16,
    /// The reporting department.
    pub entity: String,
    /// Findings of severity error.
    pub errors: usize,
    /// Findings of severity warning.
    pub warnings: usize,
    /// Findings of severity info.
    pub infos: usize,
    /// Clauses with figures the reader did not understand.
    pub not_understood: usize,
}

/// One rule's line of an [`AuditSummary`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct RuleSummary {
    /// The rule's code (`T002`).
    pub rule: RuleCode,
    /// Its findings over all files.
    pub findings: usize,
    /// The files with at least one of its findings.
    pub files: usize,
}

/// The sums over all files of an [`AuditSummary`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct AuditTotals {
    /// Files read and checked.
    pub files: usize,
    /// Files with at least one error.
    pub files_with_errors: usize,
    /// Errors found.
    pub errors: usize,
    /// Warnings found.
    pub warnings: usize,
    /// Infos found.
    pub infos: usize,
    /// Clauses not understood.
    pub not_understood: usize,
    /// Files that could not be read.
    pub unreadable: usize,
}

/// What an audit found, in numbers: per file, per rule and in total.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct AuditSummary {
    /// The sums.
    pub totals: AuditTotals,
    /// Per file: most errors first, then most warnings, then by name.
    pub files: Vec<FileSummary>,
    /// Per rule, by code.
    pub rules: Vec<RuleSummary>,
    /// The files that could not be read, with the reasons.
    pub unreadable: Vec<UnreadableFile>,
}

impl Audit {
    /// Whether any file has an error finding.
    #[must_use]
    pub fn has_errors(&self) -> bool {
        self.files.iter().any(|f| f.report.has_errors())
    }

    /// The counts of what was found; see [`AuditSummary`].
    #[must_use]
    pub fn summary(&self) -> AuditSummary {
        let mut files: Vec<FileSummary> = self.files.iter().map(FileSummary::of).collect();
        files.sort_by(|a, b| {
            (b.errors, b.warnings)
                .cmp(&(a.errors, a.warnings))
                .then_with(|| a.name.cmp(&b.name))
        });
        let mut rules: BTreeMap<RuleCode, RuleSummary> = BTreeMap::new();
        for file in &self.files {
            let mut seen = std::collections::BTreeSet::new();
            for finding in &file.report.findings {
                let rule = rules.entry(finding.rule).or_insert_with(|| RuleSummary {
                    rule: finding.rule,
                    findings: 0,
                    files: 0,
                });
                rule.findings += 1;
                if seen.insert(finding.rule) {
                    rule.files += 1;
                }
            }
        }
        let totals = AuditTotals {
            files: files.len(),
            files_with_errors: files.iter().filter(|f| f.errors > 0).count(),
            errors: files.iter().map(|f| f.errors).sum(),
            warnings: files.iter().map(|f| f.warnings).sum(),
            infos: files.iter().map(|f| f.infos).sum(),
            not_understood: files.iter().map(|f| f.not_understood).sum(),
            unreadable: self.unreadable.len(),
        };
        AuditSummary {
            totals,
            files,
            rules: rules.into_values().collect(),
            unreadable: self.unreadable.clone(),
        }
    }
}

impl FileSummary {
    fn of(file: &AuditedFile) -> FileSummary {
        let entity = &file.disclosure.entity;
        FileSummary {
            name: file.name.clone(),
            kind: file.kind,
            disclosure_kind: entity.kind,
            year: entity.year,
            entity: entity.name.clone(),
            errors: file.report.count(Severity::Error),
            warnings: file.report.count(Severity::Warning),
            infos: file.report.count(Severity::Info),
            not_understood: file.unparsed.len(),
        }
    }
}

impl AuditSummary {
    /// The summary as one CSV table (RFC 4180, UTF-8, a header line): a `文件` line per file,
    /// a `规则` line per rule and a `无法读取` line per unreadable file, told apart by the
    /// first column. Fields with commas, quotes or line breaks are quoted.
    ///
    /// ```
    /// use fiscal_cn::audit::{AuditSummary, RuleSummary};
    /// use fiscal_cn::check::RuleCode;
    ///
    /// let summary = AuditSummary {
    ///     rules: vec![RuleSummary { rule: RuleCode::T002, findings: 3, files: 2 }],
    ///     ..AuditSummary::default()
    /// };
    /// let csv = summary.to_csv();
    /// assert!(csv.lines().nth(1).unwrap().starts_with("规则,T002,"));
    /// ```
    #[must_use]
    pub fn to_csv(&self) -> String {
        const HEADER: [&str; 13] = [
            "记录",
            "名称",
            "文件类型",
            "公开类型",
            "年度",
            "单位",
            "错误",
            "警告",
            "提示",
            "未读懂语句",
            "发现数",
            "文件数",
            "原因",
        ];
        let mut out = String::new();
        let mut line = |fields: [String; 13]| {
            let quoted: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
            out.push_str(&quoted.join(","));
            out.push_str("\r\n");
        };
        line(HEADER.map(str::to_owned));
        let none = String::new;
        for f in &self.files {
            line([
                "文件".to_owned(),
                f.name.clone(),
                f.kind.to_string(),
                f.disclosure_kind.to_string(),
                f.year.to_string(),
                f.entity.clone(),
                f.errors.to_string(),
                f.warnings.to_string(),
                f.infos.to_string(),
                f.not_understood.to_string(),
                (f.errors + f.warnings + f.infos).to_string(),
                none(),
                none(),
            ]);
        }
        for r in &self.rules {
            line([
                "规则".to_owned(),
                r.rule.to_string(),
                none(),
                none(),
                none(),
                none(),
                none(),
                none(),
                none(),
                none(),
                r.findings.to_string(),
                r.files.to_string(),
                none(),
            ]);
        }
        for u in &self.unreadable {
            let mut fields: [String; 13] = Default::default();
            fields[0] = "无法读取".to_owned();
            fields[1] = u.name.clone();
            fields[12] = u.reason.to_string();
            line(fields);
        }
        out
    }
}

/// A CSV field, quoted when it must be.
fn csv_field(field: &str) -> String {
    if field.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_owned()
    }
}

impl fmt::Display for AuditSummary {
    /// The summary for a terminal, in Chinese: the totals, the files (most errors first), the
    /// rules and the unreadable files, in columns aligned by display width.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let t = &self.totals;
        writeln!(
            f,
            "共检查 {} 个文件（{} 个有错误）：错误 {} 条，警告 {} 条，提示 {} 条，未读懂语句 {} 处；无法读取 {} 个文件。",
            t.files,
            t.files_with_errors,
            t.errors,
            t.warnings,
            t.infos,
            t.not_understood,
            t.unreadable
        )?;
        if !self.files.is_empty() {
            let rows: Vec<Vec<String>> = self
                .files
                .iter()
                .map(|s| {
                    vec![
                        s.name.clone(),
                        s.kind.to_string(),
                        s.disclosure_kind.to_string(),
                        s.year.to_string(),
                        s.entity.clone(),
                        s.errors.to_string(),
                        s.warnings.to_string(),
                        s.infos.to_string(),
                        s.not_understood.to_string(),
                    ]
                })
                .collect();
            let mut align = [Align::Left; 9];
            align[3..].fill(Align::Right);
            align[4] = Align::Left;
            writeln!(f)?;
            f.write_str(&render_columns(
                &[
                    "文件",
                    "类型",
                    "公开类型",
                    "年度",
                    "单位",
                    "错误",
                    "警告",
                    "提示",
                    "未读懂",
                ],
                &rows,
                &align,
            ))?;
        }
        if !self.rules.is_empty() {
            let rows: Vec<Vec<String>> = self
                .rules
                .iter()
                .map(|r| {
                    vec![
                        r.rule.to_string(),
                        r.findings.to_string(),
                        r.files.to_string(),
                    ]
                })
                .collect();
            writeln!(f)?;
            f.write_str(&render_columns(
                &["规则", "发现数", "文件数"],
                &rows,
                &[Align::Left, Align::Right, Align::Right],
            ))?;
        }
        if !self.unreadable.is_empty() {
            writeln!(f)?;
            for u in &self.unreadable {
                writeln!(f, "{u}")?;
            }
        }
        Ok(())
    }
}
