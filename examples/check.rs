//! Checks a disclosure saved in the model's JSON format, or a narrative (编制说明) text file.
//!
//! ```sh
//! cargo run --example check -- FILE.json          # findings grouped by severity
//! cargo run --example check -- FILE.json --json   # {"findings": [...], ...}
//! cargo run --example check -- FILE.txt           # read the narrative, then check it
//! cargo run --example check -- FILE.txt --read    # also list every figure as read
//! ```
//!
//! A `.txt` file must be UTF-8; it is read with `read_narrative` and the clauses it could not
//! read are listed before the findings.
//!
//! Exit status: 0 when there are no errors, 1 when there are errors, 2 when the file cannot
//! be read or is not a disclosure (with the reason on stderr).

use std::process::ExitCode;

use fiscal_cn::{
    check::{Policy, check},
    narrative::{ReadOptions, read_narrative},
    report::Disclosure,
};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let json = args.iter().any(|a| a == "--json");
    let show_reading = args.iter().any(|a| a == "--read");
    let files: Vec<&String> = args.iter().filter(|a| !a.starts_with("--")).collect();
    let [path] = files.as_slice() else {
        eprintln!("用法：cargo run --example check -- FILE.json|FILE.txt [--json] [--read]");
        return ExitCode::from(2);
    };
    let text = match std::fs::read(path) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => text,
            Err(_) => {
                eprintln!("无法读取“{path}”：文件不是 UTF-8 编码");
                return ExitCode::from(2);
            }
        },
        Err(e) => {
            eprintln!("无法读取“{path}”：{e}");
            return ExitCode::from(2);
        }
    };
    let mut unparsed = Vec::new();
    let disclosure: Disclosure = if path.to_lowercase().ends_with(".txt") {
        match read_narrative(&text, &ReadOptions::default()) {
            Ok(reading) => {
                unparsed = reading.unparsed;
                reading.disclosure
            }
            Err(e) => {
                eprintln!("无法读取说明文本“{path}”：{e}");
                return ExitCode::from(2);
            }
        }
    } else {
        match serde_json::from_str(&text) {
            Ok(d) => d,
            Err(e) => {
                eprintln!("“{path}”不是 fiscal-cn 的公开数据 JSON：{e}");
                return ExitCode::from(2);
            }
        }
    };
    let report = check(&disclosure, &Policy::default());
    // Everything is written at once, and a closed pipe (`check … | head`) is no error.
    let mut out = String::new();
    if json {
        match serde_json::to_string_pretty(&report) {
            Ok(text) => out = text + "\n",
            Err(e) => {
                eprintln!("无法输出 JSON：{e}");
                return ExitCode::from(2);
            }
        }
    } else {
        let e = &disclosure.entity;
        out += &format!("{} {}年度{}\n\n", e.name, e.year, e.kind);
        if path.to_lowercase().ends_with(".txt") {
            out += &format!(
                "从文本读出 {} 条陈述，{} 处含数字的语句未读懂\n",
                disclosure.statements.len(),
                unparsed.len()
            );
            for u in &unparsed {
                out += &format!("  未读懂 [{}] {}：{}\n", u.section, u.text, u.reason);
            }
            if show_reading {
                out.push('\n');
                for s in &disclosure.statements {
                    let year = s.year.map(|y| format!("（{y}年）")).unwrap_or_default();
                    out += &format!(
                        "  读出 {}{year} = {}    «{}»\n",
                        s.concept, s.value, s.location.quote
                    );
                }
            }
            out.push('\n');
        }
        out += &report.to_string();
    }
    let _ = std::io::Write::write_all(&mut std::io::stdout(), out.as_bytes());
    if report.has_errors() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
