//! Checks every disclosure in a folder — narrative texts (`.txt`) and the model's JSON
//! (`.json`), mixed, in sub-folders too — on every core, and prints a summary.
//!
//! ```sh
//! cargo run --example audit -- DIR                  # summary for a terminal
//! cargo run --example audit -- DIR --json           # the same summary as JSON
//! cargo run --example audit -- DIR --csv            # the same summary as CSV
//! cargo run --example audit -- DIR --html OUT.html  # also an annotated HTML report
//! ```
//!
//! A progress bar is drawn on stderr when it is a terminal and the run is long; nothing when
//! it is not. Files that cannot be read are listed and skipped.
//!
//! Exit status: 0 when no error was found, 1 when some file has an error finding, 2 when the
//! arguments are wrong, the folder cannot be listed or the HTML cannot be written.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use fiscal_cn::{
    audit::{audit_dir, audit_html},
    check::Policy,
};

const USAGE: &str = "用法：cargo run --example audit -- DIR [--json | --csv] [--html OUT.html]";

/// A progress bar on stderr, drawn at most ten times a second and only after half a second
/// (a short run shows none), when stderr is a terminal.
struct Progress {
    enabled: bool,
    start: Instant,
    state: Mutex<(usize, Option<Instant>)>,
}

impl Progress {
    fn new() -> Self {
        Progress {
            enabled: std::io::stderr().is_terminal(),
            start: Instant::now(),
            state: Mutex::new((0, None)),
        }
    }

    fn total(&self, total: usize) {
        if let Ok(mut state) = self.state.lock() {
            state.0 = total;
        }
    }

    fn tick(&self, done: usize) {
        if !self.enabled || self.start.elapsed() < Duration::from_millis(500) {
            return;
        }
        let Ok(mut state) = self.state.lock() else {
            return;
        };
        let total = state.0.max(1);
        if done < total
            && state
                .1
                .is_some_and(|t| t.elapsed() < Duration::from_millis(100))
        {
            return;
        }
        state.1 = Some(Instant::now());
        const WIDTH: usize = 30;
        let filled = WIDTH * done.min(total) / total;
        let _ = write!(
            std::io::stderr(),
            "\r检查中 [{}{}] {done}/{total}",
            "#".repeat(filled),
            "-".repeat(WIDTH - filled)
        );
    }

    /// Clears the bar, so that what follows starts on a clean line.
    fn finish(&self) {
        if self.enabled && self.start.elapsed() >= Duration::from_millis(500) {
            let _ = write!(std::io::stderr(), "\r\x1b[2K");
        }
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut dir = None;
    let mut json = false;
    let mut csv = false;
    let mut html: Option<PathBuf> = None;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--json" => json = true,
            "--csv" => csv = true,
            "--html" => match rest.next() {
                Some(out) => html = Some(PathBuf::from(out)),
                None => {
                    eprintln!("--html 需要输出文件名\n{USAGE}");
                    return ExitCode::from(2);
                }
            },
            a if a.starts_with("--") => {
                eprintln!("未知选项“{a}”\n{USAGE}");
                return ExitCode::from(2);
            }
            a if dir.is_none() => dir = Some(PathBuf::from(a)),
            _ => {
                eprintln!("只能检查一个文件夹\n{USAGE}");
                return ExitCode::from(2);
            }
        }
    }
    let Some(dir) = dir else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    if json && csv {
        eprintln!("--json 与 --csv 只能选一个\n{USAGE}");
        return ExitCode::from(2);
    }
    let progress = Progress::new();
    let audit = match audit_dir(
        &dir,
        &Policy::default(),
        |total| progress.total(total),
        |done| progress.tick(done),
    ) {
        Ok(audit) => audit,
        Err(e) => {
            eprintln!("无法读取文件夹“{}”：{e}", dir.display());
            return ExitCode::from(2);
        }
    };
    progress.finish();
    let summary = audit.summary();
    for u in &summary.unreadable {
        eprintln!("{u}");
    }
    let out = if json {
        match serde_json::to_string_pretty(&summary) {
            Ok(text) => text + "\n",
            Err(e) => {
                eprintln!("无法输出 JSON：{e}");
                return ExitCode::from(2);
            }
        }
    } else if csv {
        summary.to_csv()
    } else {
        summary.to_string()
    };
    // A closed pipe (`audit … | head`) is no error.
    let _ = std::io::stdout().write_all(out.as_bytes());
    if let Some(path) = html {
        if let Err(e) = std::fs::write(&path, audit_html(&audit)) {
            eprintln!("无法写入“{}”：{e}", path.display());
            return ExitCode::from(2);
        }
        eprintln!("已写入审核报告“{}”", path.display());
    }
    if audit.has_errors() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
