//! Converts a `peer-fa-v1` transcription (`shared/fixtures/SCHEMA.md`) into the crate's
//! disclosure model and prints it as pretty JSON.
//!
//! ```text
//! cargo run --example import_transcription -- FILE.json > disclosure.json
//! ```
//!
//! Whatever the model cannot hold is reported on stderr, one line each with the figure id,
//! table cell or relation and the reason. Exit status 0 on success, 1 when the file cannot be
//! read or is not `peer-fa-v1` (with the reason on stderr), 2 on wrong usage.

mod convert;

use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let (Some(path), None) = (args.next(), args.next()) else {
        eprintln!("用法：import_transcription FILE.json");
        return ExitCode::from(2);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("无法读取“{path}”：{e}");
            return ExitCode::FAILURE;
        }
    };
    let conversion = match convert::convert(&text) {
        Ok(conversion) => conversion,
        Err(reason) => {
            eprintln!("“{path}”不是可转换的 {} 文件：{reason}", convert::SCHEMA);
            return ExitCode::FAILURE;
        }
    };
    for item in &conversion.unplaced {
        eprintln!("{item}");
    }
    match serde_json::to_string_pretty(&conversion.disclosure) {
        Ok(json) => {
            println!("{json}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("无法输出 JSON：{e}");
            ExitCode::FAILURE
        }
    }
}
