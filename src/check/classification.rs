//! Rules that hold the tables' codes against the catalog (C001–C003).

use crate::classification::{FunctionCode, Level};
use crate::dimensions::strip_list_number;
use crate::report::{Column, FigureRef, Row, RowKey, Table};

use super::engine::Checker;

pub(crate) fn run(c: &mut Checker<'_>) {
    for table in &c.disclosure.tables {
        let mut present = PresentCodes::new(table);
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
                && !present.has(parent)
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
            present.saw(code);
        }
    }
}

/// Which 功能分类 codes a table lists, for C003's look-up of each row's parent.
///
/// A parent is nearly always the last 类 or 款 printed before its row, so that is tried first;
/// only otherwise are the table's codes sorted (once) and searched, which gives the same answer.
struct PresentCodes<'a> {
    table: &'a Table,
    last_lei: Option<FunctionCode>,
    last_kuan: Option<FunctionCode>,
    sorted: Option<Vec<u32>>,
}

impl<'a> PresentCodes<'a> {
    fn new(table: &'a Table) -> Self {
        PresentCodes {
            table,
            last_lei: None,
            last_kuan: None,
            sorted: None,
        }
    }

    /// Records a row's code, in printed order.
    fn saw(&mut self, code: FunctionCode) {
        match code.level() {
            Level::Lei => self.last_lei = Some(code),
            Level::Kuan => self.last_kuan = Some(code),
            Level::Xiang => {}
        }
    }

    /// Whether the table has a row of `code` anywhere, before or after the current one.
    fn has(&mut self, code: FunctionCode) -> bool {
        if self.last_lei == Some(code) || self.last_kuan == Some(code) {
            return true;
        }
        let table = self.table;
        let sorted = self.sorted.get_or_insert_with(|| {
            let mut codes: Vec<u32> = table
                .function_rows()
                .map(|(code, _)| code.as_u32())
                .collect();
            codes.sort_unstable();
            codes
        });
        sorted.binary_search(&code.as_u32()).is_ok()
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
    if printed == catalog {
        return true;
    }
    let (printed, catalog) = (name_base(printed, level), name_base(catalog, level));
    // Equal bases give equal characters; only differing ones need the character-wise look.
    printed == catalog || name_chars(printed).eq(name_chars(catalog))
}

/// A name without list numbering (summary tables print `一、一般公共服务支出`) and, for a 类,
/// without its trailing 支出.
fn name_base(name: &str, level: Level) -> &str {
    let name = strip_list_number(name);
    match level {
        Level::Lei => name.strip_suffix("支出").unwrap_or(name),
        _ => name,
    }
}

/// The characters a name's base is compared by: no white space, full-width brackets.
fn name_chars(base: &str) -> impl Iterator<Item = char> + '_ {
    base.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '(' => '（',
            ')' => '）',
            other => other,
        })
}
