//! The main job on the seed report: the 2024 部门决算 narrative of 中共乐山市金口河区委组织部.
//!
//! At this stage it finds every 支出功能分类 line the narrative names (section 五（三）), resolves
//! each name path through the embedded catalog and prints code, path and amount as a table.
//!
//! Run with `cargo run --example jinkouhe_2024`.

use fiscal_cn::{Amount, Catalog, Decimal, FunctionCode, Unit, format_grouped};

/// The seed narrative, embedded so the example runs from any directory.
const SEED: &str = include_str!("data/jinkouhe_2024.txt");

fn main() {
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
                rows.push([
                    code.to_string(),
                    path.clone(),
                    format_grouped(amount.value(), 2),
                    evidence,
                ]);
            }
            (Err(e), _) | (_, Err(e)) => problems.push(e.to_string()),
        }
    }
    println!("2024年度 中共乐山市金口河区委组织部 一般公共预算财政拨款支出（项级，单位：万元）\n");
    print_table(&["编码", "科目", "决算数", "目录依据"], &rows);
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

/// Prints rows with columns aligned by display width (a CJK character is two columns).
fn print_table<const N: usize>(header: &[&str; N], rows: &[[String; N]]) {
    let width = |s: &str| {
        s.chars()
            .map(|c| if c.is_ascii() { 1 } else { 2 })
            .sum::<usize>()
    };
    let mut widths = header.map(width);
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(width(cell));
        }
    }
    let line = |cells: Vec<&str>| {
        let padded: Vec<String> = cells
            .iter()
            .zip(widths)
            .map(|(cell, w)| format!("{cell}{}", " ".repeat(w - width(cell))))
            .collect();
        println!("{}", padded.join("  ").trim_end());
    };
    line(header.to_vec());
    line(
        widths
            .iter()
            .map(|w| "-".repeat(*w))
            .collect::<Vec<_>>()
            .iter()
            .map(String::as_str)
            .collect(),
    );
    for row in rows {
        line(row.iter().map(String::as_str).collect());
    }
}
