//! Rules that hold the tables' codes against the catalog (C001–C003).

use crate::classification::{FunctionCode, Level, name_chars};
use crate::closed_set::strip_list_number;
use crate::report::{Column, FigureRef, Row, RowKey, Table};

use super::engine::Checker;
use super::registry::RuleCode;

pub(crate) fn run(c: &mut Checker<'_>) {
    let mut names = NameVerdicts::default();
    for table in &c.disclosure.tables {
        let mut present = PresentCodes::new(table);
        names.start_table();
        for (code, row) in table.function_rows() {
            let printed_name = row.name.as_str();
            let at = || cell_ref(table, code, row);
            match c.catalog.get(code) {
                None => c.plain(
                    RuleCode::C001,
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
                        && !names.same(code, printed_name, entry.name()) =>
                {
                    c.plain(
                        RuleCode::C002,
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
                    RuleCode::C003,
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

/// C002's verdicts on names that differ from the catalog's, kept so that a later table printing
/// the same rows (the two summary tables both number every 类: `一、一般公共服务支出`) does not
/// work them out again. A verdict depends on the code and the printed name alone (the catalog is
/// the check's), so one is reused only where both are equal.
#[derive(Default)]
struct NameVerdicts<'a> {
    /// `(code, printed name, same)` in the order they were first worked out.
    seen: Vec<(FunctionCode, &'a str, bool)>,
    /// Where the current table is expected to match `seen`: tables repeat rows in one order.
    cursor: usize,
}

impl<'a> NameVerdicts<'a> {
    fn start_table(&mut self) {
        self.cursor = 0;
    }

    /// [`same_name`] for `code`'s row printed as `printed`, `catalog` being the code's name.
    fn same(&mut self, code: FunctionCode, printed: &'a str, catalog: &str) -> bool {
        if printed == catalog {
            return true;
        }
        if let Some(&(seen_code, seen_printed, same)) = self.seen.get(self.cursor)
            && seen_code == code
            && seen_printed == printed
        {
            self.cursor += 1;
            return same;
        }
        let same = same_name(printed, catalog, code.level());
        self.seen.push((code, printed, same));
        self.cursor = self.seen.len();
        same
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
    let column = row.values.columns().next().unwrap_or(Column::Total);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classification::Catalog;
    use crate::report::{Disclosure, DisclosureKind, Entity, TableKind};
    use crate::{Decimal, check::Policy, money::Unit};
    use proptest::prelude::*;

    /// C001–C003 as first written: catalog searched by `Ord`, each table's codes sorted and
    /// searched, names compared character by character. `(rule, message)` in order.
    fn reference(disclosure: &Disclosure) -> Vec<(RuleCode, String)> {
        let catalog = Catalog::<FunctionCode>::embedded();
        let name_key = |name: &str, level: Level| -> Vec<char> {
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
                .collect()
        };
        let mut out = Vec::new();
        for table in &disclosure.tables {
            let mut present: Vec<FunctionCode> = table.function_rows().map(|(c, _)| c).collect();
            present.sort_unstable();
            for (code, row) in table.function_rows() {
                let printed = row.name.as_str();
                let kind = table.kind;
                match catalog.iter().find(|e| e.code() == code) {
                    None => out.push((
                        RuleCode::C001,
                        format!(
                            "{kind}：科目编码 {code}（{printed}）不在所用分类目录（{}）中",
                            catalog.source_name()
                        ),
                    )),
                    Some(entry)
                        if !printed.is_empty()
                            && printed != entry.name()
                            && name_key(printed, code.level())
                                != name_key(entry.name(), code.level()) =>
                    {
                        out.push((
                            RuleCode::C002,
                            format!(
                                "{kind}：科目 {code} 印为“{printed}”，目录名称为“{}”",
                                entry.name()
                            ),
                        ));
                    }
                    Some(_) => {}
                }
                if let Some(parent) = code.parent()
                    && present.binary_search(&parent).is_err()
                {
                    out.push((
                        RuleCode::C003,
                        format!(
                            "{kind}：列出了{}“{printed}”（{code}），却没有其所属的{}行 {parent}",
                            code.level(),
                            parent.level()
                        ),
                    ));
                }
            }
        }
        out
    }

    const CODES: [&str; 13] = [
        "201", "20106", "2010601", "2010602", "2010101", "208", "20805", "2080505", "221", "22102",
        "2210201", "2019999", "299",
    ];

    /// A printed name for `code`: the catalog's, or one of the ways tables print it or get it
    /// wrong.
    fn printed_name(code: FunctionCode, variant: u8) -> String {
        let name = Catalog::<FunctionCode>::embedded()
            .name(code)
            .unwrap_or("不在目录")
            .to_owned();
        match variant {
            0 => name,
            1 => format!("一、{name}"),
            2 => format!(" 12．{name} "),
            3 => name.replace('（', "(").replace('）', ")"),
            4 => name.strip_suffix("支出").unwrap_or(&name).to_owned(),
            5 => format!("{name}支出"),
            6 => name.chars().flat_map(|c| [c, '\u{3000}']).collect(),
            7 => String::new(),
            8 => format!("三、其他{name}"),
            // Another code's name (行政运行, 2010601's), numbered: right for one code only.
            _ => "一、行政运行".to_owned(),
        }
    }

    type Rows = Vec<(usize, u8)>;

    fn disclosure(tables: &[(TableKind, Rows)]) -> Disclosure {
        let mut d = Disclosure::new(Entity::new("示例单位", 2024, DisclosureKind::FinalAccounts));
        for (kind, rows) in tables {
            let mut table = Table::new(*kind, Unit::WanYuan);
            for &(code, variant) in rows {
                let code: FunctionCode = CODES[code].parse().unwrap();
                table.rows.push(
                    Row::new(RowKey::Function(code), printed_name(code, variant))
                        .with(Column::Total, Decimal::ONE),
                );
            }
            d.tables.push(table);
        }
        d
    }

    fn rows() -> impl Strategy<Value = Rows> {
        proptest::collection::vec((0..CODES.len(), 0u8..10), 0..14)
    }

    proptest! {
        /// Tables that repeat an earlier one's rows (C002 reuses its verdicts then), change a
        /// few of them, or list others.
        #[test]
        fn findings_are_those_of_the_plain_rules(
            base in rows(),
            tables in proptest::collection::vec(
                (0..TableKind::ALL.len(), 0u8..5, rows(), any::<prop::sample::Index>()),
                1..5,
            ),
        ) {
            let tables: Vec<(TableKind, Rows)> = tables
                .into_iter()
                .map(|(kind, how, other, at)| {
                    let mut rows = base.clone();
                    match how {
                        0 => {}
                        1 if !rows.is_empty() => {
                            rows.remove(at.index(rows.len()));
                        }
                        2 if !rows.is_empty() => {
                            let i = at.index(rows.len());
                            rows[i].1 = (rows[i].1 + 1) % 10;
                        }
                        3 if !rows.is_empty() => {
                            let i = at.index(rows.len());
                            rows[i].0 = (rows[i].0 + 1) % CODES.len();
                        }
                        _ => rows = other,
                    }
                    (TableKind::ALL[kind], rows)
                })
                .collect();
            let d = disclosure(&tables);
            let mut got: Vec<(RuleCode, String)> = crate::check::check(&d, &Policy::default())
                .findings
                .into_iter()
                .filter(|f| f.rule.as_str().starts_with('C'))
                .map(|f| (f.rule, f.message().into_owned()))
                .collect();
            // The report orders findings by place, then rule; the messages name both.
            let mut expected = reference(&d);
            got.sort();
            expected.sort();
            prop_assert_eq!(got, expected);
        }
    }
}
