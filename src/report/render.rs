//! Rendering for terminals: columns aligned by display width.
//!
//! A terminal shows a CJK character (汉字, full-width punctuation such as `（`, `：`) in two
//! columns and an ASCII character in one, so aligning Chinese text by `str::len` or by
//! `chars().count()` goes wrong. [`display_width`] measures what a terminal shows;
//! [`render_columns`] lays out rows with it; [`Disclosure::render_entity`],
//! [`Disclosure::render_statements`] and [`Table::render`] use them to print a disclosure the
//! way a finance officer reads it.

use std::fmt::Write as _;

use crate::money::format_grouped;

use super::table::{Column, Table};
use super::{Disclosure, Statement};

/// How a column's cells are aligned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Align {
    /// Text: padded on the right.
    #[default]
    Left,
    /// Numbers: padded on the left.
    Right,
}

/// The number of terminal columns `text` occupies.
///
/// East Asian wide and full-width characters (汉字, kana, hangul, full-width forms such as `（`,
/// `，`, `％`, CJK punctuation such as `、` and `。`) take two columns; combining marks, zero-width
/// characters and control characters none; everything else one. Characters of ambiguous width
/// (the curly quotes `“ ”`, `·`) take one, as terminals outside CJK locales show them.
///
/// ```
/// use fiscal_cn::report::display_width;
///
/// assert_eq!(display_width("775.38万元"), 10);
/// assert_eq!(display_width("（类）"), 6);
/// assert_eq!(display_width("“三公”"), 6);
/// ```
#[must_use]
pub fn display_width(text: &str) -> usize {
    text.chars().map(char_width).sum()
}

fn char_width(c: char) -> usize {
    let cp = u32::from(c);
    if cp == 0 {
        return 0;
    }
    if c.is_control()
        || matches!(cp, 0x0300..=0x036F | 0x200B..=0x200F | 0x2028..=0x202E | 0x2060..=0x2064 | 0xFE00..=0xFE0F | 0xFEFF)
    {
        return 0;
    }
    let wide = matches!(
        cp,
        0x1100..=0x115F
            | 0x2E80..=0x303E
            | 0x3041..=0x33FF
            | 0x3400..=0x4DBF
            | 0x4E00..=0x9FFF
            | 0xA000..=0xA4CF
            | 0xAC00..=0xD7A3
            | 0xF900..=0xFAFF
            | 0xFE30..=0xFE4F
            | 0xFF00..=0xFF60
            | 0xFFE0..=0xFFE6
            | 0x1F300..=0x1F64F
            | 0x1F900..=0x1F9FF
            | 0x20000..=0x2FFFD
            | 0x30000..=0x3FFFD
    );
    if wide { 2 } else { 1 }
}

/// `text` padded with spaces to `width` display columns (unchanged when it is wider).
fn pad(text: &str, width: usize, align: Align) -> String {
    let fill = " ".repeat(width.saturating_sub(display_width(text)));
    match align {
        Align::Left => format!("{text}{fill}"),
        Align::Right => format!("{fill}{text}"),
    }
}

/// The widest a column is padded to, in display columns: a wider cell is printed whole but
/// widens no other line, so that one long cell (a name of 100,000 characters) does not pad
/// every row of its table to its width (rows × that width: the text of a table grew with the
/// square of its input).
const MAX_PADDED_WIDTH: usize = 120;

/// Column widths and alignments, computed once over every row that will be printed.
struct Layout {
    widths: Vec<usize>,
    align: Vec<Align>,
}

impl Layout {
    fn new<'a>(
        header: &[&str],
        rows: impl IntoIterator<Item = &'a [String]>,
        align: &[Align],
    ) -> Self {
        let mut widths: Vec<usize> = header
            .iter()
            .map(|h| display_width(h).min(MAX_PADDED_WIDTH))
            .collect();
        for row in rows {
            for (i, cell) in row.iter().enumerate() {
                let w = display_width(cell).min(MAX_PADDED_WIDTH);
                match widths.get_mut(i) {
                    Some(width) => *width = (*width).max(w),
                    None => widths.push(w),
                }
            }
        }
        let align = (0..widths.len())
            .map(|i| align.get(i).copied().unwrap_or_default())
            .collect();
        Layout { widths, align }
    }

    /// One line: cells padded to their column and separated by two spaces, no trailing space.
    fn line<S: AsRef<str>>(&self, cells: &[S]) -> String {
        let padded: Vec<String> = self
            .widths
            .iter()
            .zip(&self.align)
            .enumerate()
            .map(|(i, (width, align))| {
                let cell = cells.get(i).map_or("", AsRef::as_ref);
                pad(cell, *width, *align)
            })
            .collect();
        padded.join("  ").trim_end().to_owned()
    }

    /// The rule under the header: dashes across each column.
    fn rule(&self) -> String {
        let dashes: Vec<String> = self.widths.iter().map(|w| "-".repeat(*w)).collect();
        dashes.join("  ")
    }
}

/// Lays out `rows` under `header` in aligned columns: a header line, a rule of dashes, then one
/// line per row. Columns are separated by two spaces; `align` gives each column's alignment
/// (missing entries are [`Align::Left`]); trailing spaces are dropped. Every line ends with `\n`.
/// A column is as wide as its widest cell up to 120 display columns; a wider
/// cell is printed whole and shifts only its own line, so the text grows with the cells.
///
/// ```
/// use fiscal_cn::report::{render_columns, Align};
///
/// let rows = vec![
///     vec!["2013201".to_owned(), "行政运行".to_owned(), "237.25".to_owned()],
///     vec!["2013202".to_owned(), "一般行政管理事务".to_owned(), "22.00".to_owned()],
/// ];
/// let text = render_columns(&["编码", "科目", "决算数"], &rows, &[Align::Left, Align::Left, Align::Right]);
/// assert_eq!(
///     text,
///     "编码     科目              决算数\n\
///      -------  ----------------  ------\n\
///      2013201  行政运行          237.25\n\
///      2013202  一般行政管理事务   22.00\n"
/// );
/// ```
#[must_use]
pub fn render_columns(header: &[&str], rows: &[Vec<String>], align: &[Align]) -> String {
    let layout = Layout::new(header, rows.iter().map(Vec::as_slice), align);
    let mut out = String::new();
    out.push_str(&layout.line(header));
    out.push('\n');
    out.push_str(&layout.rule());
    out.push('\n');
    for row in rows {
        out.push_str(&layout.line(row));
        out.push('\n');
    }
    out
}

impl Table {
    /// The table as printed text: its title and unit, then the rows in aligned columns with
    /// Chinese column names; amounts are right-aligned with thousands separators and the
    /// decimals they were printed with. A blank cell stays blank. The columns are those of
    /// [`Table::columns`], each once (a repeat is dropped), or when none are listed every
    /// column a row prints, in column order: the text is linear in the table's size.
    ///
    /// ```
    /// use fiscal_cn::Decimal;
    /// use fiscal_cn::money::Unit;
    /// use fiscal_cn::report::{Column, Line, Row, RowKey, Table, TableKind};
    ///
    /// let mut table = Table::new(TableKind::GeneralBudgetExpenditure, Unit::WanYuan);
    /// table.columns = vec![Column::Total, Column::Basic];
    /// table.rows.push(Row::new(RowKey::Line(Line::Total), "合计").with(Column::Total, Decimal::new(72925, 2)));
    /// table.rows.push(Row::new(RowKey::Function("2013201".parse()?), "行政运行")
    ///     .with(Column::Total, Decimal::new(2372500, 4)));
    /// let text = table.render();
    /// assert!(text.starts_with("一般公共预算财政拨款支出决算表（单位：万元）\n"));
    /// assert!(text.contains("2013201  行政运行  237.2500"));
    /// # Ok::<(), fiscal_cn::Error>(())
    /// ```
    #[must_use]
    pub fn render(&self) -> String {
        let columns: Vec<Column> = if self.columns.is_empty() {
            let mut used: Vec<Column> = self
                .rows
                .iter()
                .flat_map(|row| row.values.columns())
                .collect();
            used.sort();
            used.dedup();
            used
        } else {
            // Each column once, in the order given: a list that repeats a column (as a
            // hostile file may, thousands of times) would otherwise print rows × repeats
            // cells.
            let mut seen = 0_u64;
            self.columns
                .iter()
                .copied()
                .filter(|c| {
                    let bit = 1_u64 << (*c as u32);
                    let new = seen & bit == 0;
                    seen |= bit;
                    new
                })
                .collect()
        };
        let names: Vec<String> = columns.iter().map(ToString::to_string).collect();
        let mut header: Vec<&str> = vec!["行", "名称"];
        header.extend(names.iter().map(String::as_str));
        let mut align = vec![Align::Left, Align::Left];
        align.extend(columns.iter().map(|_| Align::Right));
        let rows: Vec<Vec<String>> = self
            .rows
            .iter()
            .map(|row| {
                let key = row
                    .key
                    .budget_name(self.kind)
                    .unwrap_or_else(|| row.key.to_string());
                let mut cells = vec![key, row.name.clone()];
                cells.extend(columns.iter().map(|column| {
                    row.get(*column)
                        .map(|v| format_grouped(v, v.scale()))
                        .unwrap_or_default()
                }));
                cells
            })
            .collect();
        let title = match &self.title {
            Some(title) => title.clone(),
            None => self.kind.to_string(),
        };
        format!(
            "{title}（单位：{}）\n{}",
            self.unit,
            render_columns(&header, &rows, &align)
        )
    }
}

impl Disclosure {
    /// Who reports what, as a few lines: name, year and kind of disclosure, the unit kind, the
    /// units covered, the currency and precision, and the transcriber's notes.
    #[must_use]
    pub fn render_entity(&self) -> String {
        let entity = &self.entity;
        let mut out = format!("{} {}年度{}\n", entity.name, entity.year, entity.kind);
        if let Some(kind) = entity.unit_kind {
            let _ = writeln!(out, "单位性质：{kind}");
        }
        if !entity.units.is_empty() {
            let units: Vec<String> = entity
                .units
                .iter()
                .map(|unit| match unit.kind {
                    Some(kind) => format!("{}（{kind}）", unit.name),
                    None => unit.name.clone(),
                })
                .collect();
            let _ = writeln!(out, "所属单位（{}个）：{}", units.len(), units.join("、"));
        }
        let _ = writeln!(
            out,
            "金额单位：{}，保留{}位小数；表格{}张，文字说明数字{}个，明示的勾稽关系{}条",
            self.currency,
            self.amount_decimals,
            self.tables.len(),
            self.statements.len(),
            self.claims.len()
        );
        if !self.notes.is_empty() {
            out.push_str("说明：\n");
            for (i, note) in self.notes.iter().enumerate() {
                let _ = writeln!(out, "  {}. {note}", i + 1);
            }
        }
        out
    }

    /// The statements as aligned text, grouped by section in printed order: a `【section】`
    /// line, then one line per statement with the columns 编号 | 概念 | 数值 | 原文. A statement
    /// about another year shows the year after its concept. Columns are aligned across all
    /// sections.
    ///
    /// ```
    /// use fiscal_cn::dimensions::IncomeSource;
    /// use fiscal_cn::report::{Concept, Disclosure, DisclosureKind, Entity, Location, StatedValue, Statement};
    ///
    /// let entity = Entity::new("某部门", 2024, DisclosureKind::FinalAccounts);
    /// let mut d = Disclosure::new(entity);
    /// let at = |quote: &str| Location::new("收入决算情况说明", quote);
    /// d.statements.push(Statement::new(Concept::CurrentIncomeTotal,
    ///     StatedValue::Amount("775.31万元".parse()?), at("本年收入合计775.31万元")));
    /// d.statements.push(Statement::new(Concept::Income(IncomeSource::Other),
    ///     StatedValue::Amount("46.06万元".parse()?), at("其他收入46.06万元")));
    /// assert_eq!(
    ///     d.render_statements(),
    ///     "编号  概念           数值        原文\n\
    ///      ----  -------------  ----------  ----------------------\n\
    ///      【收入决算情况说明】\n\
    ///      \x20     本年收入合计   775.31万元  本年收入合计775.31万元\n\
    ///      \x20     收入·其他收入  46.06万元   其他收入46.06万元\n"
    /// );
    /// # Ok::<(), fiscal_cn::Error>(())
    /// ```
    #[must_use]
    pub fn render_statements(&self) -> String {
        let rows: Vec<Vec<String>> = self.statements.iter().map(statement_cells).collect();
        let header = ["编号", "概念", "数值", "原文"];
        let layout = Layout::new(&header, rows.iter().map(Vec::as_slice), &[]);
        let mut out = String::new();
        out.push_str(&layout.line(&header));
        out.push('\n');
        out.push_str(&layout.rule());
        out.push('\n');
        let mut section: Option<&str> = None;
        for (statement, cells) in self.statements.iter().zip(&rows) {
            let this = statement.location.section.as_str();
            if section != Some(this) {
                let _ = writeln!(out, "【{this}】");
                section = Some(this);
            }
            out.push_str(&layout.line(cells));
            out.push('\n');
        }
        out
    }
}

/// The cells of one statement: id, concept (with the year when it is not the report's), value
/// and quote.
fn statement_cells(statement: &Statement) -> Vec<String> {
    let concept = match statement.year {
        Some(year) => format!("{}（{year}年）", statement.concept),
        None => statement.concept.to_string(),
    };
    vec![
        statement.id.clone().unwrap_or_default(),
        concept,
        statement.value.to_string(),
        statement.location.quote.clone(),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cjk_characters_take_two_columns() {
        assert_eq!(display_width(""), 0);
        assert_eq!(display_width("abc"), 3);
        assert_eq!(display_width("一般"), 4);
        assert_eq!(display_width("（类）"), 6);
        assert_eq!(display_width("、。，：；"), 10);
        assert_eq!(display_width("３６．５％"), 10);
        assert_eq!(display_width("“三公”经费合计"), 14);
        assert_eq!(display_width("收入·其他收入"), 13);
        assert_eq!(display_width("e\u{301}"), 1);
        assert_eq!(display_width("\u{200B}"), 0);
        assert_eq!(display_width("𠀀"), 2);
    }

    #[test]
    fn padding_uses_display_width() {
        assert_eq!(pad("万元", 6, Align::Left), "万元  ");
        assert_eq!(pad("万元", 6, Align::Right), "  万元");
        assert_eq!(pad("too wide", 3, Align::Left), "too wide");
    }

    /// The display column at which each cell of each line starts, found by the two-space gaps.
    fn starts(line: &str) -> Vec<usize> {
        let mut starts = vec![0];
        let mut col = 0;
        let mut spaces = 0;
        for c in line.chars() {
            if c == ' ' {
                spaces += 1;
            } else {
                if spaces >= 2 && col > 0 {
                    starts.push(col);
                }
                spaces = 0;
            }
            col += char_width(c);
        }
        starts
    }

    #[test]
    fn mixed_columns_line_up() {
        let rows = vec![
            vec![
                "a".to_owned(),
                "一般公共服务".to_owned(),
                "1,234.56".to_owned(),
            ],
            vec!["bbbb".to_owned(), "x".to_owned(), "0.9".to_owned()],
            vec!["卫生".to_owned(), "（款）ab".to_owned(), "22".to_owned()],
        ];
        let text = render_columns(
            &["编号", "名", "金额"],
            &rows,
            &[Align::Left, Align::Left, Align::Right],
        );
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 5);
        // Every line ends at the same display column: the amounts are right-aligned.
        let ends: Vec<usize> = lines.iter().map(|l| display_width(l)).collect();
        assert!(ends.iter().all(|e| *e == ends[0]), "{text}");
        // The second column starts at the same display column on every line.
        for line in &lines {
            let s = starts(line);
            assert_eq!(s.get(1), Some(&6), "{line:?}");
        }
        assert!(lines[2].ends_with("1,234.56"));
        assert!(lines[3].ends_with("     0.9"));
    }

    #[test]
    fn short_rows_and_wide_cells_are_tolerated() {
        let rows = vec![
            vec!["一".to_owned()],
            vec!["a".to_owned(), "b".to_owned(), "c".to_owned()],
        ];
        let text = render_columns(&["x"], &rows, &[]);
        assert_eq!(text, "x\n--  -  -\n一\na   b  c\n");
    }
}
