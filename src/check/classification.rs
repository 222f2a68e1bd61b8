//! Rules that hold the tables' codes against the catalog (C001–C003).

use crate::classification::{FunctionCode, Level};
use crate::report::{Column, FigureRef, RowKey, Table};

use super::engine::Checker;

pub(crate) fn run(c: &mut Checker<'_>) {
    for table in &c.disclosure.tables {
        let codes: Vec<(FunctionCode, &str)> = table
            .function_rows()
            .map(|(code, row)| (code, row.name.as_str()))
            .collect();
        for (code, printed_name) in &codes {
            let at = cell_ref(table, *code);
            match c.catalog.get(*code) {
                None => c.plain(
                    "C001",
                    Some(at.clone()),
                    vec![at.clone()],
                    None,
                    format!(
                        "{}：科目编码 {code}（{printed_name}）不在所用分类目录（{}）中",
                        table.kind,
                        c.catalog.source_name()
                    ),
                ),
                Some(entry)
                    if !printed_name.is_empty()
                        && !same_name(printed_name, entry.name(), code.level()) =>
                {
                    c.plain(
                        "C002",
                        Some(at.clone()),
                        vec![at.clone()],
                        None,
                        format!(
                            "{}：科目 {code} 印为“{printed_name}”，目录名称为“{}”",
                            table.kind,
                            entry.name()
                        ),
                    );
                }
                Some(_) => {}
            }
            if let Some(parent) = code.parent()
                && !codes.iter().any(|(other, _)| *other == parent)
            {
                c.plain(
                    "C003",
                    Some(at.clone()),
                    vec![at],
                    None,
                    format!(
                        "{}：列出了{}“{printed_name}”（{code}），却没有其所属的{}行 {parent}",
                        table.kind,
                        code.level(),
                        parent.level()
                    ),
                );
            }
        }
    }
}

fn cell_ref(table: &Table, code: FunctionCode) -> FigureRef {
    let column = table
        .row(&RowKey::Function(code))
        .and_then(|row| row.values.keys().next().copied())
        .unwrap_or(Column::Total);
    FigureRef::Cell {
        table: table.kind,
        row: RowKey::Function(code),
        column,
    }
}

/// Names compare without width differences, spaces, and (for 类) a trailing 支出.
fn same_name(printed: &str, catalog: &str, level: Level) -> bool {
    let norm = |s: &str| {
        // Summary tables number their 类 rows: 一、一般公共服务支出.
        let s: String = crate::dimensions::normalize_name(s)
            .chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| match c {
                '(' => '（',
                ')' => '）',
                other => other,
            })
            .collect();
        if level == Level::Lei {
            s.strip_suffix("支出").map(str::to_owned).unwrap_or(s)
        } else {
            s
        }
    };
    norm(printed) == norm(catalog)
}
