//! The main job on the seed report: the 2024 部门决算 narrative of 中共乐山市金口河区委组织部.
//!
//! It finds every 支出功能分类 line the narrative names (section 五（三）), resolves each name path
//! through the embedded catalog and prints code, path and amount as a table. Then it loads the
//! seed as data (`data/jinkouhe_2024.json`, every figure of the narrative transcribed by hand
//! into the crate's disclosure model) and prints the entity and the statements in aligned
//! Chinese columns, grouped by section.
//!
//! Finally it checks the disclosure with every rule of the checker and prints the findings,
//! grouped by severity.
//!
//! It also reads the seed text itself with `read_narrative`, checks what was read, and compares
//! the figures read from the text with the hand transcription (statements matched by concept,
//! value, year and section; free-text `Concept::Other` descriptions are matched by value and
//! section only). The summary says how many agree and lists every figure found on one side only.
//!
//! Run with `cargo run --example jinkouhe_2024`. Options:
//! - `--json`: the findings as JSON (`{"findings": [...]}`) instead;
//! - `--model`: the model as pretty JSON instead;
//! - `--statements`: also list every statement, grouped by section.
//!
//! The exit status is 0 whatever is found.

use std::error::Error;

use fiscal_cn::{
    Decimal,
    check::{Policy, Severity, check},
    classification::{Catalog, FunctionCode},
    money::{Amount, Unit, format_grouped},
    narrative::{ReadOptions, read_narrative},
    report::{Align, Concept, Disclosure, Statement, render_columns},
};

/// The seed narrative, embedded so the example runs from any directory.
const SEED: &str = include_str!("data/jinkouhe_2024.txt");

/// The seed as data, in the model's JSON format.
const SEED_MODEL: &str = include_str!("data/jinkouhe_2024.json");

fn main() -> Result<(), Box<dyn Error>> {
    let disclosure: Disclosure = serde_json::from_str(SEED_MODEL)?;
    let flag = |name: &str| std::env::args().skip(1).any(|arg| arg == name);
    if flag("--model") {
        println!("{}", serde_json::to_string_pretty(&disclosure)?);
        return Ok(());
    }
    let report = check(&disclosure, &Policy::default());
    if flag("--json") {
        println!("{}", serde_json::to_string_pretty(&report)?);
        return Ok(());
    }
    println!("{}", disclosure.render_entity());
    print_function_lines();
    if flag("--statements") {
        println!("\n{}", disclosure.render_statements());
    }
    println!(
        "\n检查结果（{} 条陈述，{} 条文中关系）\n{}",
        disclosure.statements.len(),
        disclosure.claims.len(),
        "=".repeat(72)
    );
    print!("{report}");
    compare_with_text(&disclosure)?;
    Ok(())
}

/// Stage 2: read the seed text itself, check it, and compare with the hand transcription.
fn compare_with_text(hand: &Disclosure) -> Result<(), Box<dyn Error>> {
    let reading = read_narrative(SEED, &ReadOptions::default())?;
    let read = &reading.disclosure;
    let report = check(read, &Policy::default());
    println!(
        "\n从文本读出（read_narrative）：{} 条陈述，{} 条文中关系，{} 处未读懂\n{}",
        read.statements.len(),
        read.claims.len(),
        reading.unparsed.len(),
        "=".repeat(72)
    );
    for u in &reading.unparsed {
        println!("未读懂  [{}] {}：{}", u.section, u.text, u.reason);
    }
    println!(
        "检查读出的数据：错误 {} 条，警告 {} 条，提示 {} 条",
        report.count(Severity::Error),
        report.count(Severity::Warning),
        report.count(Severity::Info)
    );
    let key = |s: &Statement| {
        let concept = match &s.concept {
            Concept::Other(_) => "（其他）".to_owned(),
            c => c.to_string(),
        };
        (
            concept,
            s.value.to_string(),
            s.year,
            s.location.section.clone(),
        )
    };
    let mut unmatched_hand: Vec<&Statement> = hand.statements.iter().collect();
    let mut only_text: Vec<&Statement> = Vec::new();
    for s in &read.statements {
        match unmatched_hand.iter().position(|h| key(h) == key(s)) {
            Some(i) => {
                unmatched_hand.remove(i);
            }
            None => only_text.push(s),
        }
    }
    let matched = read.statements.len() - only_text.len();
    println!(
        "与手工转录对照：一致 {matched} 条；仅文本读出 {} 条；仅手工转录 {} 条",
        only_text.len(),
        unmatched_hand.len()
    );
    let show = |s: &Statement| {
        let year = s.year.map(|y| format!("（{y}年度）")).unwrap_or_default();
        format!("[{}] {}{year}：{}", s.location.section, s.concept, s.value)
    };
    for s in &only_text {
        println!("  仅文本  {}", show(s));
    }
    for s in &unmatched_hand {
        println!("  仅手工  {}", show(s));
    }
    Ok(())
}

/// Stage 1: the 功能分类 lines of section 五（三）, resolved through the embedded catalog.
fn print_function_lines() {
    let catalog = Catalog::<FunctionCode>::embedded();
    let lines = named_function_lines(SEED);
    let mut rows = Vec::new();
    let mut total = Decimal::ZERO;
    let mut problems = Vec::new();
    for (path, amount) in &lines {
        match (
            catalog.resolve_str(path),
            Amount::parse_in(amount, Unit::WanYuan),
        ) {
            (Ok(code), Ok(amount)) => {
                let evidence = catalog
                    .get(code)
                    .map(|e| e.evidence().label())
                    .unwrap_or_default();
                total += amount.value();
                rows.push(vec![
                    code.to_string(),
                    path.clone(),
                    format_grouped(amount.value(), 2),
                    evidence,
                ]);
            }
            (Err(e), _) | (_, Err(e)) => problems.push(e.to_string()),
        }
    }
    println!("一般公共预算财政拨款支出（项级，单位：万元），科目路径按内置目录解析：\n");
    print!(
        "{}",
        render_columns(
            &["编码", "科目", "决算数", "目录依据"],
            &rows,
            &[Align::Left, Align::Left, Align::Right, Align::Left],
        )
    );
    println!(
        "\n共 {} 个项级科目，合计 {} 万元。",
        rows.len(),
        format_grouped(total, 2)
    );
    for problem in &problems {
        println!("未能解析：{problem}");
    }
}

/// The `…（项）：支出决算为X万元` clauses of the narrative, as (path, amount text).
fn named_function_lines(text: &str) -> Vec<(String, String)> {
    text.split(['；', '。', '\n'])
        .filter_map(|clause| {
            let end = clause.rfind("（项）")? + "（项）".len();
            let path = clause[..end].trim_start_matches(|c: char| c.is_ascii_digit() || c == '.');
            let after = clause[end..].split_once("支出决算为")?.1;
            let amount = &after[..after.find("万元")? + "万元".len()];
            Some((path.trim().to_owned(), amount.to_owned()))
        })
        .collect()
}
