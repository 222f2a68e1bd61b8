//! Tables flattened into text one cell per line, each cell followed by `|` (what several PDF
//! extractors make of a ruled table):
//!
//! ```text
//! 一、2023年度一般公共预算财政拨款“三公”经费支出决算表
//! 单位:万元
//! 项 目 |
//! 预 算 数 |
//! 决 算 数 |
//! 合 计 |
//! 3 |
//! 1.71 |
//! 因公出国(境)费 |
//! |
//! |
//! ```
//!
//! The header cells are the words before the first figure, less the first row's label; each
//! row is a label and one cell per remaining header, a lone `|` being a blank cell. A run of
//! such lines is a table only when every part of it reads: the title names a table kind, every
//! header a column, every label a row of that kind, every cell a number or nothing. Anything
//! else is left to be read as text (abstaining, not guessing).

use rust_decimal::Decimal;

use crate::money::{Unit, parse_amount};
use crate::report::{Column, Row, Table};
use crate::vocabulary::{column_of_header, row_key_of_label, strip_numbering, table_kind_of_title};

/// A run of cell lines: the line numbers `[first, end)` and their cells.
pub(crate) struct CellRun {
    pub first: usize,
    pub end: usize,
    pub cells: Vec<String>,
}

/// The cell of a line that is one (`1.71 |`, `|`), without spaces (`预 算 数` → `预算数`).
pub(crate) fn cell_of_line(line: &str) -> Option<String> {
    let cell = line.trim().strip_suffix('|')?;
    Some(cell.chars().filter(|c| !c.is_whitespace()).collect())
}

/// The runs of at least six cell lines among `lines`.
pub(crate) fn cell_runs(lines: &[&str]) -> Vec<CellRun> {
    let mut runs = Vec::new();
    let mut k = 0;
    while k < lines.len() {
        let first = k;
        let mut cells = Vec::new();
        while let Some(cell) = lines.get(k).and_then(|l| cell_of_line(l)) {
            cells.push(cell);
            k += 1;
        }
        if cells.len() >= 6 {
            runs.push(CellRun {
                first,
                end: k,
                cells,
            });
        }
        k = k.max(first + 1);
    }
    runs
}

/// The table kind a title line names, with its numbering and what precedes the year it is of
/// (`一、寿县文物保护中心2023年度一般公共预算财政拨款“三公”经费支出决算表`) left out.
fn kind_of_title(line: &str) -> Option<crate::report::TableKind> {
    let title = strip_numbering(line.trim());
    let after_year = title
        .rfind("年度")
        .map(|at| &title[at + "年度".len()..])
        .or_else(|| title.find('年').map(|at| &title[at + '年'.len_utf8()..]));
    std::iter::once(title)
        .chain(after_year)
        .find_map(|t| table_kind_of_title(t).ok())
}

fn number(cell: &str) -> Option<Decimal> {
    parse_amount(cell).ok().map(|a| a.value)
}

/// The table `cells` hold, titled by the last of `before` (the lines above the run) that
/// names a table kind, in the unit a `单位` line there gives (元 when none does).
pub(crate) fn table_of(before: &[&str], cells: &[String]) -> Option<Table> {
    let (title, kind) = before
        .iter()
        .rev()
        .take(4)
        .find_map(|line| kind_of_title(line).map(|kind| (line, kind)))?;
    let unit = before
        .iter()
        .rev()
        .take(4)
        .find_map(|line| {
            let at = line.find("单位")?;
            let rest = line[at + "单位".len()..].trim_start_matches([':', '：', ' ']);
            ["万元", "亿元", "元"]
                .into_iter()
                .find(|u| rest.starts_with(u))
                .and_then(|u| u.parse::<Unit>().ok())
        })
        .unwrap_or(Unit::Yuan);
    // The headers: the cells before the first that is a number or blank, less the first row's
    // label.
    let words = cells
        .iter()
        .position(|c| c.is_empty() || number(c).is_some())?;
    if words < 3 {
        return None;
    }
    let columns: Vec<Column> = cells[1..words - 1]
        .iter()
        .map(|h| column_of_header(h).ok())
        .collect::<Option<_>>()?;
    let width = columns.len() + 1;
    let body = &cells[words - 1..];
    if !body.len().is_multiple_of(width) {
        return None;
    }
    let mut table = Table::new(kind, unit);
    table.title = Some(title.trim().to_owned());
    for row in body.chunks(width) {
        let label = row[0]
            .trim_start_matches("其中")
            .trim_start_matches([':', '：']);
        if label.is_empty() || number(label).is_some() {
            return None;
        }
        let key = row_key_of_label(kind, None, label).ok()?;
        let mut printed = Row::new(key, label);
        for (cell, column) in row[1..].iter().zip(&columns) {
            if cell.is_empty() {
                continue;
            }
            printed = printed.with(*column, number(cell)?);
        }
        table.rows.push(printed);
    }
    Some(table)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dimensions::ThreePublicCategory;
    use crate::report::{RowKey, TableKind};

    #[test]
    fn a_three_public_table_one_cell_a_line() {
        let text = "二、“三公”经费支出决算表\n单位：万元\n项 目 |\n预 算 数 |\n决 算 数 |\n合 计 |\n5 |\n4.20 |\n公务接待费 |\n2 |\n1.20 |\n因公出国（境）费 |\n|\n|\n公务用车购置及运行维护费 |\n3 |\n3.00 |\n说明文字。";
        let lines: Vec<&str> = text.lines().collect();
        let runs = cell_runs(&lines);
        assert_eq!(runs.len(), 1);
        let run = &runs[0];
        assert_eq!((run.first, run.end), (2, 17));
        let table = table_of(&lines[..run.first], &run.cells).expect("a table");
        assert_eq!(table.kind, TableKind::ThreePublic);
        assert_eq!(table.unit, Unit::WanYuan);
        assert_eq!(table.rows.len(), 4);
        let reception = RowKey::ThreePublicCategory(ThreePublicCategory::OfficialReception);
        assert_eq!(
            table.cell(&reception, Column::Amount),
            Some(Decimal::new(120, 2))
        );
        assert_eq!(
            table.cell(&reception, Column::Budget),
            Some(Decimal::from(2))
        );
        let travel = RowKey::ThreePublicCategory(ThreePublicCategory::OverseasTravel);
        assert_eq!(table.cell(&travel, Column::Amount), None);
    }

    #[test]
    fn what_does_not_read_is_no_table() {
        // No title naming a table kind.
        let lines = [
            "附表",
            "项 目 |",
            "预 算 数 |",
            "决 算 数 |",
            "合 计 |",
            "5 |",
            "4.20 |",
        ];
        let runs = cell_runs(&lines);
        assert!(table_of(&lines[..runs[0].first], &runs[0].cells).is_none());
        // A header that names no column.
        let lines = [
            "“三公”经费支出决算表",
            "项 目 |",
            "备 注 |",
            "决 算 数 |",
            "合 计 |",
            "5 |",
            "4.20 |",
        ];
        let runs = cell_runs(&lines);
        assert!(table_of(&lines[..runs[0].first], &runs[0].cells).is_none());
        // Cells that do not fill whole rows.
        let lines = [
            "“三公”经费支出决算表",
            "项 目 |",
            "预 算 数 |",
            "决 算 数 |",
            "合 计 |",
            "5 |",
            "4.20 |",
            "公务接待费 |",
            "2 |",
        ];
        let runs = cell_runs(&lines);
        assert!(table_of(&lines[..runs[0].first], &runs[0].cells).is_none());
    }
}
