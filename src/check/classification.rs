//! Rules that hold the tables' codes against the catalog (C001–C003).

use crate::classification::{FunctionCode, Level};
use crate::dimensions::strip_list_number;
use crate::report::{Column, FigureRef, Row, RowKey, Table};

use super::engine::Checker;

pub(crate) fn run(c: &mut Checker<'_>) {
    for table in &c.disclosure.tables {
        // Sorted once and searched per row: cheaper than a BTreeSet for a few hundred codes.
        let mut present: Vec<FunctionCode> = table.function_rows().map(|(code, _)| code).collect();
        present.sort_unstable();
        for (code, row) in table.function_rows() {
            let printed_name = row.name.as_str();
            let at = || cell_ref(table, code, row);
            match c.catalog.get(code) {
                None => c.plain(
                    "C001",
                    Some(at()),
                    vec![at()],
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
                        Some(at()),
                        vec![at()],
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
                && present.binary_search(&parent).is_err()
            {
                c.plain(
                    "C003",
                    Some(at()),
                    vec![at()],
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

fn cell_ref(table: &Table, code: FunctionCode, row: &Row) -> FigureRef {
    let column = row.values.keys().next().copied().unwrap_or(Column::Total);
    FigureRef::Cell {
        table: table.kind,
        row: RowKey::Function(code),
        column,
    }
}

/// Names compare without width differences, spaces, and (for 类) a trailing 支出.
fn same_name(printed: &str, catalog: &str, level: Level) -> bool {
    printed == catalog || name_key(printed, level).eq(name_key(catalog, level))
}

/// The characters a name is compared by: no list numbering (summary tables print
/// `一、一般公共服务支出`), no white space, full-width brackets, and no trailing 支出 for a 类.
fn name_key(name: &str, level: Level) -> impl Iterator<Item = char> + '_ {
    let name = strip_list_number(name);
    let name = match level {
        Level::Lei => name.strip_suffix("支出").unwrap_or(name),
        _ => name,
    };
    name.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '(' => '（',
            ')' => '）',
            other => other,
        })
}
