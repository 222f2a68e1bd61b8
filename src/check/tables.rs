//! Rules over the published tables: row totals, hierarchy, summary identities, cross-table
//! agreement (docs/DOMAIN.md §3, I-1 … I-14).

use std::borrow::Cow;
use std::cell::OnceCell;
use std::fmt::Write as _;
use std::sync::OnceLock;

use rust_decimal::Decimal;

use crate::classification::{Level, prefix_key};
use crate::dimensions::{BasicExpenditureClass, FundType};
use crate::metrics::headline_column;
use crate::report::{Column, Concept, DisclosureKind, Line, Row, RowKey, Table, TableKind};
use crate::vocabulary::{
    CONCEPT_CELLS, CellSubject, balances, cells_of, concept_name, name_among_parts, sum_of_parts,
    summed_parts,
};

use super::engine::{Checker, NewFinding, Operand, SumWords, own_column, push_decimal};
use super::finding::FindingKind;
use super::finding::{Comparison, FigureUnit};
use super::index::{ColumnSet, TableInfo};
use super::registry::RuleCode;
use super::relations;

pub(crate) fn run(c: &mut Checker<'_>) {
    let tables = c.tables;
    let disclosure = c.disclosure;
    let mut scratch = Scratch::default();
    for table in &disclosure.tables {
        // Every table of the disclosure is indexed.
        let Some(info) = tables.info(table) else {
            continue;
        };
        row_totals(c, table, info, &mut scratch);
        hierarchy(c, table, info, &mut scratch);
        total_row(c, table, info, &mut scratch);
        changes(c, table, info);
    }
    summary(c);
    appropriation_summary(c);
    basic_expenditure(c);
    three_public(c);
    performance_targets(c);
    cross_tables(c);
}

/// A row's total column and the part columns whose sum it is.
struct RowSum {
    total: Column,
    parts: Vec<Column>,
    /// The sum's words (`基本支出、项目支出之和`), written for the first finding in the table
    /// and borrowed by the others.
    words: OnceCell<String>,
}

/// The columns whose sum is a row's total column in `table` (I-6, I-10): the table's
/// [`column_partitions`] whose whole it prints, each part it prints, a whole printed among the
/// parts standing for its own parts (收入决算表's 财政拨款收入 column for the three funds').
fn part_columns(table: &Table, info: &TableInfo) -> Vec<RowSum> {
    let has = |c: &Column| info.present.contains(*c);
    let plans = column_partitions(table.kind.layout());
    plans
        .iter()
        .filter(|plan| has(&plan.whole))
        .filter_map(|plan| {
            let mut parts = plan.parts.clone();
            for nested in plans {
                if nested.whole == plan.whole
                    || !has(&nested.whole)
                    || !nested.parts.iter().all(|p| plan.parts.contains(p))
                {
                    continue;
                }
                let at = parts.iter().position(|c| nested.parts.contains(c));
                parts.retain(|c| !nested.parts.contains(c));
                // `at` counts only parts kept (those before the first nested part).
                parts.insert(at.unwrap_or(parts.len()), nested.whole);
            }
            parts.retain(has);
            (!parts.is_empty()).then(|| RowSum {
                total: plan.whole,
                parts,
                words: OnceCell::new(),
            })
        })
        .collect()
}

/// A partition of the vocabulary as a table prints it in one row: the whole's column and the
/// parts' columns, in the partition's order.
struct ColumnPartition {
    whole: Column,
    parts: Vec<Column>,
}

/// T001's identities on a table of `layout`: every partition and subtotal of the vocabulary
/// whose whole and every part that table prints in one row ([`cells_of`]), as columns: the
/// whole's column is the sum of the parts' columns in every row. Worked out once per layout.
fn column_partitions(layout: TableKind) -> &'static [ColumnPartition] {
    static PLANS: OnceLock<Vec<(TableKind, Vec<ColumnPartition>)>> = OnceLock::new();
    let plans = PLANS.get_or_init(|| {
        let layouts = TableKind::ALL.iter().filter(|k| k.layout() == **k);
        layouts
            .map(|&layout| {
                let mut plans = Vec::new();
                let vocabulary = crate::vocabulary::partitions().iter();
                for partition in vocabulary.chain(crate::vocabulary::subtotals()) {
                    for (_, row, whole) in
                        cells_of(&partition.whole).filter(|(table, ..)| *table == layout)
                    {
                        let parts: Option<Vec<Column>> = partition
                            .parts
                            .iter()
                            .map(|part| {
                                cells_of(part)
                                    .find(|(table, r, _)| *table == layout && *r == row)
                                    .map(|(.., column)| column)
                            })
                            .collect();
                        if let Some(parts) = parts {
                            plans.push(ColumnPartition { whole, parts });
                        }
                    }
                }
                (layout, plans)
            })
            .collect()
    });
    plans
        .iter()
        .find(|(kind, _)| *kind == layout)
        .map_or(&[], |(_, plans)| plans.as_slice())
}

/// Buffers the per-table rules reuse from row to row and from table to table, so that a check
/// allocates each once; every user clears what it takes.
#[derive(Default)]
struct Scratch<'t> {
    /// The coded rows of a table, in hierarchy order.
    coded: Vec<CodedRow>,
    /// Row positions (a parent's children, the 类 rows).
    positions: Vec<usize>,
    /// The two sides of an identity that does not add up.
    left: Vec<Operand<'t>>,
    right: Vec<Operand<'t>>,
}

/// T001: in every row, the total column equals the sum of its part columns; in fund tables
/// also 年初 + 本年收入 = 本年支出 + 年末 (I-9 per row).
fn row_totals<'t>(
    c: &mut Checker<'_>,
    table: &'t Table,
    info: &TableInfo,
    scratch: &mut Scratch<'t>,
) {
    let plan = part_columns(table, info);
    let fund_table = matches!(
        table.kind.layout(),
        TableKind::GovernmentFund | TableKind::StateCapital
    );
    let balance_left = [Column::OpeningBalance, Column::CurrentIncome];
    let balance_right = [Column::CurrentExpenditure, Column::ClosingBalance];
    let Scratch { left, right, .. } = scratch;
    for (position, row) in table.rows.iter().enumerate() {
        for RowSum {
            total: total_column,
            parts,
            words: parts_words,
        } in &plan
        {
            // Blank cells are 0, so a row that prints none of them adds up too.
            if info.grid.row_balances(position, &[*total_column], parts) {
                continue;
            }
            let total = c.cell_in_row(table, row, *total_column);
            operands(c, table, row, parts, right);
            let words = |c: &Checker<'_>, out: &mut String| {
                write_row_subject(c, table, row, out);
                SumWords {
                    left: total_column.name(),
                    right: Cow::Borrowed(parts_words.get_or_init(|| {
                        // `基本支出、项目支出之和`, pushed piece by piece.
                        let mut right = String::with_capacity(16 * parts.len() + 8);
                        for (i, part) in parts.iter().enumerate() {
                            if i > 0 {
                                right.push('、');
                            }
                            right.push_str(part.name());
                        }
                        right.push_str("之和");
                        right
                    })),
                    single: None,
                }
            };
            c.sum_identity(RuleCode::T001, total.as_slice(), right, words, None);
        }
        // A row that prints neither balance leaves them to the 合计 row (balances not split by
        // function); the 合计 row itself is always held to the identity.
        let prints = info.grid.printed(position);
        let prints_balances = || {
            prints.contains(Column::OpeningBalance)
                || prints.contains(Column::ClosingBalance)
                || row.key == RowKey::Line(Line::Total)
        };
        if fund_table
            && !row.values.is_empty()
            && prints_balances()
            && !info
                .grid
                .row_balances(position, &balance_left, &balance_right)
        {
            operands(c, table, row, &balance_left, left);
            operands(c, table, row, &balance_right, right);
            let words = |c: &Checker<'_>, out: &mut String| {
                write_row_subject(c, table, row, out);
                SumWords {
                    left: "年初结转和结余与本年收入之和",
                    right: Cow::Borrowed("本年支出与年末结转和结余之和"),
                    single: None,
                }
            };
            c.sum_identity(RuleCode::S006, left, right, words, None);
        }
    }
}

/// The cells of `row` in `columns`, as operands in `out` (cleared first: a buffer reused).
fn operands<'r>(
    c: &Checker<'_>,
    table: &Table,
    row: &'r Row,
    columns: &[Column],
    out: &mut Vec<Operand<'r>>,
) {
    out.clear();
    out.extend(
        columns
            .iter()
            .filter_map(|col| c.cell_in_row(table, row, *col)),
    );
}

/// `表（行）`: the subject of a row's finding, written into `out`.
fn write_row_subject(c: &Checker<'_>, table: &Table, row: &Row, out: &mut String) {
    out.push_str(table.kind.name());
    out.push('（');
    write_row_label(c, row, out);
    out.push('）');
}

/// A row as a finance officer names it: `农林水支出（213）`, written into `out`.
fn write_row_label(c: &Checker<'_>, row: &Row, out: &mut String) {
    // A finding names a row in its message: the common cases are pushed, not formatted.
    let named = |out: &mut String, name: &str, code: u32| {
        out.push_str(name);
        out.push('（');
        push_decimal(out, Decimal::from(code));
        out.push('）');
    };
    match &row.key {
        RowKey::Function(code) => {
            let name = if row.name.is_empty() {
                c.catalog.name(*code).unwrap_or_default()
            } else {
                &row.name
            };
            named(out, name, code.as_u32());
        }
        RowKey::Economic(code) if !row.name.is_empty() => named(out, &row.name, code.as_u32()),
        RowKey::GovernmentEconomic(code) if !row.name.is_empty() => {
            named(out, &row.name, code.as_u32());
        }
        key => {
            let _ = write!(out, "{key}");
        }
    }
}

/// T002: per column, each 类 equals the sum of its 款 and each 款 the sum of its 项 (I-7), for
/// 功能分类 and both 经济分类 rows alike. A parent with one child must equal it exactly.
fn hierarchy<'t>(
    c: &mut Checker<'_>,
    table: &'t Table,
    info: &TableInfo,
    scratch: &mut Scratch<'t>,
) {
    let Scratch {
        coded,
        positions: children,
        right,
        ..
    } = scratch;
    coded.clear();
    coded.extend(
        table
            .rows
            .iter()
            .enumerate()
            .filter_map(|(position, row)| CodedRow::of(&row.key, position)),
    );
    if coded.len() < 2 {
        return;
    }
    // By family, then in code order: a code's descendants follow it directly. Printed tables
    // are almost always in code order already, which a stable sort checks in one pass; rows
    // with the same code keep their order.
    coded.sort_by_key(|row| row.key);
    let grid = &info.grid;
    for (i, parent) in coded.iter().enumerate() {
        let Some((child_level, children_print)) =
            gather_children(parent, &coded[i + 1..], children, |row| grid.printed(row))
        else {
            continue;
        };
        let balanced = grid.balanced_columns(parent.position, children);
        for column in info.printed.iter() {
            // Children that print nothing in a column do not break it down (e.g. balances
            // shown only on the parent): nothing to add up.
            if !children_print.contains(column) || balanced.contains(column) || derived(column) {
                continue;
            }
            let level = parent.level;
            let parent = &table.rows[parent.position];
            let left = c.cell_in_row(table, parent, column);
            right.clear();
            right.extend(
                children
                    .iter()
                    .filter_map(|child| c.cell_in_row(table, &table.rows[*child], column)),
            );
            let words = |c: &Checker<'_>, out: &mut String| {
                write_row_label(c, parent, out);
                for piece in ["（", table.kind.name(), "·", column.name(), "）"] {
                    out.push_str(piece);
                }
                children_words(level, child_level)
            };
            c.sum_identity(RuleCode::T002, left.as_slice(), right, words, None);
        }
    }
}

/// T007: in a table that prints last year's figure (上年预算数 or 上年执行数) and the change
/// (增减额) beside this year's, every row's change is this year's figure less last year's.
fn changes(c: &mut Checker<'_>, table: &Table, info: &TableInfo) {
    let present = |column| info.present.contains(column);
    let Some(prior) = [Column::PriorBudget, Column::PriorExecution]
        .into_iter()
        .find(|column| present(*column))
    else {
        return;
    };
    if !present(Column::Change) {
        return;
    }
    for row in &table.rows {
        if row.get(prior).is_none() && row.get(Column::Change).is_none() {
            continue;
        }
        // A row that prints no figure of this year (a line budgeted only last year) is 0.
        let headline = headline_column(table.kind, row).unwrap_or(table.kind.amount_column());
        let (Some(this_year), Some(last_year), Some(change)) = (
            c.cell_in_row(table, row, headline),
            c.cell_in_row(table, row, prior),
            c.cell_in_row(table, row, Column::Change),
        ) else {
            continue;
        };
        let words = |c: &Checker<'_>, out: &mut String| {
            write_row_subject(c, table, row, out);
            SumWords {
                left: headline.name(),
                right: Cow::Owned(format!("{prior}与{}之和", Column::Change)),
                single: None,
            }
        };
        c.sum_identity(
            RuleCode::T007,
            &[this_year],
            &[last_year, change],
            words,
            None,
        );
    }
}

/// A column computed from two others of its row (增减额, 增减率): a rate does not add up, and
/// a change adds up only within the rounding of both columns it comes from, which are each
/// held to the sums themselves; T007 checks the change against its own row.
pub(crate) fn derived(column: Column) -> bool {
    matches!(column, Column::Change | Column::ChangeRate)
}

/// The positions of `parent`'s children into `children` (cleared first), their level and the
/// columns they print (`printed` of a row position), or `None` when it has no descendants. Rows are in code order, so a code's descendants are the
/// rows right `after` it (most rows have none); its children are the descendants one level
/// below, or at the nearest level where the table skips one. One pass over the descendants:
/// the children of a deeper level are dropped when a shallower one turns up.
fn gather_children(
    parent: &CodedRow,
    after: &[CodedRow],
    children: &mut Vec<usize>,
    printed: impl Fn(usize) -> ColumnSet,
) -> Option<(Level, ColumnSet)> {
    if !after.first().is_some_and(|row| parent.is_ancestor_of(row)) {
        return None;
    }
    children.clear();
    let mut child_level = Level::Xiang;
    let mut children_print = ColumnSet::default();
    for row in after.iter().take_while(|row| parent.is_ancestor_of(row)) {
        if row.level < child_level || children.is_empty() {
            children.clear();
            child_level = row.level;
            children_print = ColumnSet::default();
        }
        if row.level == child_level {
            children.push(row.position);
            children_print = children_print.union(printed(row.position));
        }
    }
    Some((child_level, children_print))
}

/// A row with a code of one of the three families (支出功能分类, 部门预算支出经济分类, 政府预算支出经济分类),
/// as the hierarchy rule orders and nests them.
#[derive(Clone, Copy)]
struct CodedRow {
    /// The family (in that order) above the code's sort key ([`prefix_key`]): rows sort by
    /// family, then as their codes do, and a code's descendants directly follow it.
    key: u64,
    /// The key just past the code's last possible descendant: a row of the same family is a
    /// descendant exactly when its key lies strictly between `key` and `end`.
    end: u64,
    level: Level,
    position: usize,
}

impl CodedRow {
    /// The row at `position` with `key`, when the key is a code of one of the families.
    fn of(key: &RowKey, position: usize) -> Option<CodedRow> {
        let (family, code, level) = match key {
            RowKey::Function(code) => (0, code.as_u32(), code.level()),
            RowKey::Economic(code) => (1, code.as_u32(), code.level()),
            RowKey::GovernmentEconomic(code) => (2, code.as_u32(), code.level()),
            _ => return None,
        };
        Some(CodedRow {
            key: family << 32 | prefix_key(code),
            end: family << 32 | descendants_end(code, level),
            level,
            position,
        })
    }

    /// Whether `other` is a strict descendant of this row's code
    /// ([`ClassificationCode::is_ancestor_of`]), in two comparisons.
    fn is_ancestor_of(&self, other: &CodedRow) -> bool {
        self.key < other.key && other.key < self.end
    }
}

/// The sort key ([`prefix_key`]) just past every descendant of `code` (at `level`): a code's
/// key is its digits padded to seven, shifted past a rank, and its descendants are the longer
/// codes whose padded digits lie in `[padded, padded + 10^(7 − digits))`.
fn descendants_end(code: u32, level: Level) -> u64 {
    let span = match level {
        Level::Lei => 10_000,
        Level::Kuan => 100,
        Level::Xiang => 1,
    };
    ((prefix_key(code) >> 2) + span) << 2
}

/// The words of a parent against its children one `child` level below (or further, where the
/// table skips one): `类合计`, `所属款合计`, `只有一个款时二者必须相等`, all fixed.
pub(crate) fn children_words(parent: Level, child: Level) -> SumWords<'static> {
    let (right, single) = match child {
        Level::Lei => ("所属类合计", "只有一个类时二者必须相等"),
        Level::Kuan => ("所属款合计", "只有一个款时二者必须相等"),
        Level::Xiang => ("所属项合计", "只有一个项时二者必须相等"),
    };
    SumWords {
        left: level_total(parent),
        right: Cow::Borrowed(right),
        single: Some(single),
    }
}

pub(crate) fn level_total(level: Level) -> &'static str {
    match level {
        Level::Lei => "类合计",
        Level::Kuan => "款合计",
        Level::Xiang => "项合计",
    }
}

/// T003: the 合计 row equals the sum of the 类 rows, per column (I-7).
fn total_row<'t>(
    c: &mut Checker<'_>,
    table: &'t Table,
    info: &TableInfo,
    scratch: &mut Scratch<'t>,
) {
    // The first 合计 row (`Table::row`); it is near the top, so a scan beats building the
    // table's row index for this one look-up.
    let total_key = RowKey::Line(Line::Total);
    let Some(total) = table.rows.iter().position(|row| row.key == total_key) else {
        return;
    };
    let Scratch {
        positions: leis,
        right,
        ..
    } = scratch;
    leis.clear();
    leis.extend(
        table
            .rows
            .iter()
            .enumerate()
            .filter(|(_, r)| matches!(&r.key, RowKey::Function(code) if code.level() == Level::Lei))
            .map(|(position, _)| position),
    );
    let grid = &info.grid;
    let leis_print = leis.iter().fold(ColumnSet::default(), |all, lei| {
        all.union(grid.printed(*lei))
    });
    let balanced = grid.balanced_columns(total, leis);
    for column in info.printed.iter() {
        if !leis_print.contains(column) || balanced.contains(column) || derived(column) {
            continue;
        }
        let left = c.cell_in_row(table, &table.rows[total], column);
        right.clear();
        right.extend(
            leis.iter()
                .filter_map(|lei| c.cell_in_row(table, &table.rows[*lei], column)),
        );
        let words = |_: &Checker<'_>, out: &mut String| {
            for piece in [table.kind.name(), "（", column.name(), "）"] {
                out.push_str(piece);
            }
            SumWords {
                left: "合计",
                right: Cow::Borrowed("各类之和"),
                single: Some("只有一个类时二者必须相等"),
            }
        };
        c.sum_identity(RuleCode::T003, left.as_slice(), right, words, None);
    }
}

fn line(l: Line) -> RowKey {
    RowKey::Line(l)
}

/// The table rules whose identity is a partition or a subtotal of the vocabulary
/// ([`summed_parts`]): the rule,
/// the table (by layout) and the whole. The whole's and the parts' cells in that table are
/// [`cells_of`] them, the words [`concept_name`] and [`sum_of_parts`] them, so a rule reads
/// its identity and its wording in one place with the narrative rules.
const PARTITION_RULES: [(RuleCode, TableKind, Concept); 5] = [
    (
        RuleCode::S001,
        TableKind::Summary,
        Concept::IncomeGrandTotal,
    ),
    (
        RuleCode::S002,
        TableKind::Summary,
        Concept::ExpenditureGrandTotal,
    ),
    (
        RuleCode::S004,
        TableKind::Summary,
        Concept::CurrentIncomeTotal,
    ),
    (
        RuleCode::T004,
        TableKind::BasicExpenditure,
        Concept::FundBasicExpenditure(FundType::GeneralPublicBudget),
    ),
    (
        RuleCode::S008,
        TableKind::AppropriationSummary,
        Concept::AppropriationIncome,
    ),
];

/// A partition as one table prints it, for one rule: where the whole and each part are, and
/// the words of a finding.
struct PartitionCells {
    rule: RuleCode,
    /// The layout ([`TableKind::layout`]) of the table that prints the parts (and the whole,
    /// but for a partition across two tables, [`basic_across_cells`]).
    layout: TableKind,
    /// The whole's row and column.
    whole: (RowKey, Column),
    /// Each part's row and column, in the partition's order (every part has one:
    /// `partition_rules_find_every_cell`).
    parts: Vec<(RowKey, Column)>,
    /// The whole's name: `收入总计`.
    left: String,
    /// The parts' sum: `本年收入合计、使用非财政拨款结余（含专用结余）、年初结转和结余之和`.
    right: &'static str,
}

/// What `build` gives for `kind`'s final accounts or budgets, built for both once into `plans`
/// (`[0]` final accounts, `[1]` budgets): the table rules' plans are fixed, not per report.
fn per_kind<T>(
    plans: &'static OnceLock<[T; 2]>,
    kind: DisclosureKind,
    build: impl FnMut(DisclosureKind) -> T,
) -> &'static T {
    let plans =
        plans.get_or_init(|| [DisclosureKind::FinalAccounts, DisclosureKind::Budget].map(build));
    &plans[usize::from(kind.is_budget())]
}

/// [`PARTITION_RULES`] with their cells and words, for final accounts (`[0]`) and budgets
/// (`[1]`): fixed, so worked out once, not per report.
fn partition_cells(kind: DisclosureKind) -> &'static [PartitionCells] {
    static PLANS: OnceLock<[Vec<PartitionCells>; 2]> = OnceLock::new();
    per_kind::<Vec<_>>(&PLANS, kind, |kind| {
        PARTITION_RULES
            .iter()
            .map(|(rule, layout, whole)| PartitionCells::of(kind, *rule, *layout, whole))
            .collect()
    })
}

/// T005's partitions: every partition of the vocabulary the 三公 table prints whole (the
/// 合计 by category, each category of more than one item by item), for final accounts
/// (`[0]`) and budgets (`[1]`), in the vocabulary's order.
fn three_public_cells(kind: DisclosureKind) -> &'static [PartitionCells] {
    static PLANS: OnceLock<[Vec<PartitionCells>; 2]> = OnceLock::new();
    per_kind::<Vec<_>>(&PLANS, kind, |kind| {
        let layout = TableKind::ThreePublic;
        crate::vocabulary::partitions()
            .iter()
            .filter(|p| printed_whole(layout, &p.whole, &p.parts))
            .map(|p| PartitionCells::of(kind, RuleCode::T005, layout, &p.whole))
            .collect()
    })
}

/// Whether the table of `layout` prints `whole` and every one of its `parts`.
fn printed_whole(layout: TableKind, whole: &Concept, parts: &[Concept]) -> bool {
    let printed = |c: &Concept| cells_of(c).any(|(table, ..)| table == layout);
    printed(whole) && parts.iter().all(printed)
}

impl PartitionCells {
    /// The partition of `whole` in a disclosure of `kind` ([`summed_parts`]) as the table of
    /// `layout` prints it, for `rule`.
    fn of(kind: DisclosureKind, rule: RuleCode, layout: TableKind, whole: &Concept) -> Self {
        Self::across(kind, rule, (layout, layout), whole)
    }

    /// [`PartitionCells::of`] with the whole printed in the table of `whole_layout`, the parts
    /// in the table of `layout`.
    fn across(
        kind: DisclosureKind,
        rule: RuleCode,
        (whole_layout, layout): (TableKind, TableKind),
        whole: &Concept,
    ) -> Self {
        let place = |concept: &Concept, layout: TableKind| {
            cells_of(concept)
                .find(|(table, ..)| *table == layout)
                .map(|(_, row, column)| (row, column))
        };
        let parts = summed_parts(kind, whole).unwrap_or_default();
        PartitionCells {
            rule,
            layout,
            // `partition_rules_find_every_cell` holds every whole and part to a place in its
            // table.
            whole: place(whole, whole_layout).expect("the whole of a partition rule is printed"),
            parts: parts
                .iter()
                .filter_map(|part| place(part, layout))
                .collect(),
            left: name_among_parts(kind, whole),
            right: sum_of_parts(kind, whole).unwrap_or_default(),
        }
    }
}

/// The rules of [`PARTITION_RULES`] on `table`: its whole against the sum of its parts.
fn partition_rules<'t>(c: &mut Checker<'_>, table: &'t Table, parts: &mut Vec<Operand<'t>>) {
    let layout = table.kind.layout();
    for plan in partition_cells(table.kind.disclosure()) {
        if plan.layout != layout {
            continue;
        }
        let Some(total) = c.cell(table, &plan.whole.0, plan.whole.1) else {
            continue;
        };
        // The operands borrow the table, not the buffer: reuse it for every rule.
        parts.clear();
        parts.extend(
            plan.parts
                .iter()
                .filter_map(|(row, column)| c.cell(table, row, *column)),
        );
        // A table that prints none of the parts says nothing of them.
        if parts.is_empty() {
            continue;
        }
        let words = |_: &Checker<'_>, out: &mut String| {
            out.push_str(table.kind.name());
            SumWords {
                left: &plan.left,
                right: Cow::Borrowed(plan.right),
                single: None,
            }
        };
        c.sum_identity(plan.rule, &[total], parts, words, None);
    }
}

/// S001–S005 on 收入支出决算总表 (I-1 … I-5): S001, S002 and S004 are partitions of the
/// vocabulary ([`partition_rules`]), S003 its balance ([`balance_rule`]); S005 adds up the 类
/// rows the catalog gives.
fn summary(c: &mut Checker<'_>) {
    let Some(table) = c.table(TableKind::Summary) else {
        return;
    };
    let mut parts = Vec::new();
    partition_rules(c, table, &mut parts);
    balance_rule(c, table);
    let amount = |c: &Checker<'_>, key: RowKey| c.cell(table, &key, Column::Amount);
    let subject = |out: &mut String| out.push_str(table.kind.name());
    if let Some(total) = amount(c, line(Line::CurrentExpenditureTotal)) {
        let parts: Vec<Operand> = table
            .function_rows()
            .filter(|(code, _)| code.level() == Level::Lei)
            .filter_map(|(_, row)| c.cell(table, &row.key, Column::Amount))
            .collect();
        let words = |_: &Checker<'_>, out: &mut String| {
            subject(out);
            SumWords {
                left: "本年支出合计",
                right: Cow::Borrowed("各类支出之和"),
                single: None,
            }
        };
        c.sum_identity(RuleCode::S005, &[total], &parts, words, None);
    }
}

/// S006–S008 on 财政拨款收入支出决算总表 (I-9 per fund type, I-3 for appropriations): S008 is a
/// subtotal of the vocabulary ([`partition_rules`]), S007 its balance ([`balance_rule`]); S006
/// balances each fund's rows.
fn appropriation_summary(c: &mut Checker<'_>) {
    let Some(table) = c.table(TableKind::AppropriationSummary) else {
        return;
    };
    partition_rules(c, table, &mut Vec::new());
    let budget = table.kind.disclosure() == DisclosureKind::Budget;
    for fund in FundType::ALL {
        let column = Column::of_fund_type(*fund);
        let left: Vec<Operand> = [RowKey::FundOpeningBalance(*fund), RowKey::Fund(*fund)]
            .iter()
            .filter_map(|key| c.cell(table, key, Column::Amount))
            .collect();
        let right: Vec<Operand> = [
            line(Line::CurrentExpenditureTotal),
            line(Line::ClosingBalance),
        ]
        .iter()
        .filter_map(|key| c.cell(table, key, column))
        .collect();
        if left.is_empty() || right.is_empty() {
            continue;
        }
        let words = |_: &Checker<'_>, out: &mut String| {
            let _ = write!(out, "{}（{fund}）", table.kind);
            if budget {
                SumWords {
                    left: "上年结转与本年财政拨款收入之和",
                    right: Cow::Borrowed("本年财政拨款支出"),
                    single: None,
                }
            } else {
                SumWords {
                    left: "年初财政拨款结转和结余与本年财政拨款收入之和",
                    right: Cow::Borrowed("本年财政拨款支出与年末财政拨款结转和结余之和"),
                    single: None,
                }
            }
        };
        c.sum_identity(RuleCode::S006, &left, &right, words, None);
    }
    balance_rule(c, table);
}

/// The table rules whose identity is a balance of the vocabulary ([`balances`]): the rule,
/// the table (by layout) and the income side. The two sides' cells are [`cells_of`] them in
/// that table, the words their names.
const BALANCE_RULES: [(RuleCode, TableKind, Concept); 2] = [
    (
        RuleCode::S003,
        TableKind::Summary,
        Concept::IncomeGrandTotal,
    ),
    (
        RuleCode::S007,
        TableKind::AppropriationSummary,
        Concept::AppropriationIncomeGrandTotal,
    ),
];

/// A balance as one table prints it, for one rule: where each side is, and the words of a
/// finding.
struct BalanceCells {
    rule: RuleCode,
    layout: TableKind,
    income: (RowKey, Column),
    expenditure: (RowKey, Column),
    /// The sides' names and the identity in words: `收入总计`, `支出总计`,
    /// `收入总计与支出总计必须相等`.
    words: [String; 3],
}

/// [`BALANCE_RULES`] with their cells and words, for final accounts (`[0]`) and budgets
/// (`[1]`), worked out once.
fn balance_cells(kind: DisclosureKind) -> &'static [BalanceCells] {
    static PLANS: OnceLock<[Vec<BalanceCells>; 2]> = OnceLock::new();
    per_kind::<Vec<_>>(&PLANS, kind, |kind| {
        BALANCE_RULES
            .iter()
            .map(|(rule, layout, income)| {
                let balance = balances()
                    .iter()
                    .find(|b| b.income == *income)
                    .expect("a balance rule's income side is a balance's");
                let place = |concept: &Concept| {
                    cells_of(concept)
                        .find(|(table, ..)| table == layout)
                        .map(|(_, row, column)| (row, column))
                        // `balance_rules_find_every_cell`
                        .expect("both sides of a balance rule are printed in its table")
                };
                let (left, right) = (
                    concept_name(kind, &balance.income),
                    concept_name(kind, &balance.expenditure),
                );
                BalanceCells {
                    rule: *rule,
                    layout: *layout,
                    income: place(&balance.income),
                    expenditure: place(&balance.expenditure),
                    words: [
                        left.to_string(),
                        right.to_string(),
                        format!("{left}与{right}必须相等"),
                    ],
                }
            })
            .collect()
    })
}

/// The rules of [`BALANCE_RULES`] on `table`: its income total against its expenditure total.
fn balance_rule(c: &mut Checker<'_>, table: &Table) {
    let layout = table.kind.layout();
    for plan in balance_cells(table.kind.disclosure()) {
        if plan.layout != layout {
            continue;
        }
        let (Some(income), Some(expenditure)) = (
            c.cell(table, &plan.income.0, plan.income.1),
            c.cell(table, &plan.expenditure.0, plan.expenditure.1),
        ) else {
            continue;
        };
        let [left, right, single] = &plan.words;
        let words = |_: &Checker<'_>, out: &mut String| {
            out.push_str(table.kind.name());
            SumWords {
                left,
                right: Cow::Borrowed(right),
                single: Some(single),
            }
        };
        c.sum_identity(plan.rule, &[income], &[expenditure], words, None);
    }
}

/// T004 on 一般公共预算财政拨款基本支出决算表: 合计 = 人员经费合计 + 公用经费合计, a partition of
/// the vocabulary ([`partition_rules`]); 人员经费合计 = Σ 301, 303; 公用经费合计 = Σ 302, 307,
/// 309, 310, 399 (I-13).
fn basic_expenditure(c: &mut Checker<'_>) {
    let Some(table) = c.table(TableKind::BasicExpenditure) else {
        return;
    };
    partition_rules(c, table, &mut Vec::new());
    let amount = table.kind.amount_column();
    let column = if table.rows.iter().any(|r| r.get(amount).is_some()) {
        amount
    } else {
        Column::Total
    };
    for (class, total_line) in [
        (BasicExpenditureClass::Personnel, Line::PersonnelTotal),
        (BasicExpenditureClass::Public, Line::PublicTotal),
    ] {
        let Some(total) = c.cell(table, &line(total_line), column) else {
            continue;
        };
        let parts: Vec<Operand> = table
            .rows
            .iter()
            .filter(|r| match &r.key {
                RowKey::Economic(code) => {
                    code.level() == Level::Lei
                        && BasicExpenditureClass::from_economic_code(*code) == Some(class)
                }
                _ => false,
            })
            .filter_map(|r| c.cell(table, &r.key, column))
            .collect();
        let words = |_: &Checker<'_>, out: &mut String| {
            out.push_str(table.kind.name());
            SumWords {
                left: total_line.name(),
                right: Cow::Owned(format!("{class}所含经济分类类级之和")),
                single: None,
            }
        };
        c.sum_identity(RuleCode::T004, &[total], &parts, words, None);
    }
}

/// T005 on the 三公 table: 合计 = Σ categories; 公务用车 = 购置 + 运行维护; 公务接待 = 国内 +
/// 外事 (I-14), in every column printed: the vocabulary's partitions the table prints
/// ([`three_public_cells`]), each held in every column (the 预算数 and the 决算数 add up
/// alike), so only their rows are read from [`cells_of`]. T006 where a whole is printed and
/// its parts all left blank.
fn three_public(c: &mut Checker<'_>) {
    let Some(table) = c.table(TableKind::ThreePublic) else {
        return;
    };
    let Some(info) = c.tables.info(table) else {
        return;
    };
    let plans = three_public_cells(table.kind.disclosure());
    let mut parts = Vec::new();
    for column in info.printed.iter().filter(|column| !derived(*column)) {
        for plan in plans {
            let (total_key, _) = &plan.whole;
            let name = plan.left.as_str();
            let Some(total) = c.cell(table, total_key, column) else {
                continue;
            };
            // Rows printed with every part blank leave the breakdown unfilled: a blank is 0
            // only by convention, so that is a warning of its own (T006), not a wrong sum.
            let blank = plan
                .parts
                .iter()
                .all(|(k, _)| c.row(table, k).is_some() && c.printed(table, k, column).is_none());
            if blank && !total.value.value().is_zero() {
                let at = total.figure.to_ref();
                c.push(NewFinding {
                    rule: RuleCode::T006,
                    kind: FindingKind::Violation,
                    at: Some(at.clone()),
                    involves: vec![at],
                    context: None,
                    // The blank parts read as zeros: the total against their sum, 0.
                    comparison: Comparison::of(
                        total.value.value(),
                        Decimal::ZERO,
                        total.value.half_unit(),
                        FigureUnit::Money(c.currency()),
                    ),
                    message: format!(
                        "{}（{column}）：{name} {} {}，其分项各行均为空白，未填写分项",
                        table.kind,
                        total.value.value(),
                        c.currency().symbol()
                    ),
                });
                continue;
            }
            parts.clear();
            parts.extend(
                plan.parts
                    .iter()
                    .filter_map(|(k, _)| c.cell(table, k, column)),
            );
            if parts.is_empty() {
                continue;
            }
            let words = |_: &Checker<'_>, out: &mut String| {
                let _ = write!(out, "{}（{column}）", table.kind);
                SumWords {
                    left: name,
                    right: Cow::Borrowed(plan.right),
                    single: None,
                }
            };
            c.sum_identity(RuleCode::T005, &[total], &parts, words, None);
        }
    }
}

/// T008: the projects of a budget's 项目支出绩效目标表 are budgeted project expenditure, so
/// together they are at most the 项目支出 of its 支出预算表 (some projects may have no
/// targets): an inequality, broken only when the projects' smallest sum exceeds the largest
/// 项目支出 the printed figures allow.
fn performance_targets(c: &mut Checker<'_>) {
    let Some(targets) = c.table(TableKind::PerformanceTargets) else {
        return;
    };
    let Some(expenditure) = c.table(TableKind::Expenditure) else {
        return;
    };
    let Some(project) = c.cell(expenditure, &line(Line::Total), Column::Project) else {
        return;
    };
    let projects: Vec<Operand> = targets
        .rows
        .iter()
        .filter(|row| matches!(row.key, RowKey::Project(_)))
        .filter_map(|row| c.cell_in_row(targets, row, Column::Budget))
        .collect();
    if projects.is_empty() {
        return;
    }
    let (Some(smallest), Some(largest)) = (
        relations::checked_sum(
            projects
                .iter()
                .map(|p| p.value.preimage(crate::precision::RoundingMode::HalfUp).lo),
        ),
        Some(
            project
                .value
                .preimage(crate::precision::RoundingMode::HalfUp)
                .hi,
        ),
    ) else {
        return;
    };
    if smallest <= largest {
        return;
    }
    let Some(listed) = relations::checked_sum(projects.iter().map(|p| p.value.value())) else {
        return;
    };
    let printed = project.value.value();
    // What rounding allows: the listed projects as low, the project expenditure as high as
    // they may be.
    let allowance = listed
        .checked_sub(smallest)
        .zip(largest.checked_sub(printed))
        .and_then(|(listed, printed)| listed.checked_add(printed));
    let at = project.figure.to_ref();
    let mut involves: Vec<_> = projects.iter().map(|p| p.figure.to_ref()).collect();
    involves.push(at.clone());
    let unit = c.currency().symbol();
    c.push(NewFinding {
        rule: RuleCode::T008,
        kind: FindingKind::Violation,
        at: Some(at),
        involves,
        context: None,
        comparison: allowance.and_then(|allowance| {
            Comparison::of(listed, printed, allowance, FigureUnit::Money(c.currency()))
        }),
        message: format!(
            "{}所列 {} 个项目预算合计 {listed} {unit}，超过{}的项目支出 {printed} {unit}",
            targets.kind,
            projects.len(),
            expenditure.kind
        ),
    });
}

/// X001: the same quantity printed in two tables agrees (I-8, I-11): every concept the
/// vocabulary prints in two places ([`printed_twice`]), the 基本支出 of one table against its
/// classes in another ([`basic_across_tables`]), and each 功能分类 line's split into 基本支出
/// and 项目支出 ([`FUNCTION_ROW_SPLITS`]).
fn cross_tables(c: &mut Checker<'_>) {
    for places in printed_twice() {
        // Each place against the first the report prints, so that two places agree whether
        // or not the places before them are printed.
        let Some((first, (ta, row_a))) = places
            .iter()
            .enumerate()
            .find_map(|(k, at)| Some((k, printed_at(c, at)?)))
        else {
            continue;
        };
        let a = &places[first];
        for b in &places[first + 1..] {
            let Some((tb, row_b)) = printed_at(c, b) else {
                continue;
            };
            match (row_a, row_b) {
                (Some(row_a), Some(row_b)) => {
                    same_figure(c, (ta, row_a, a.column), (tb, row_b, b.column));
                }
                _ => function_rows_alike(c, (ta, a.column), (tb, b.column)),
            }
        }
    }
    basic_across_tables(c);
    for (ka, ca, kb, cb) in FUNCTION_ROW_SPLITS {
        if let (Some(ta), Some(tb)) = (c.table(ka), c.table(kb)) {
            function_rows_alike(c, (ta, ca), (tb, cb));
        }
    }
}

/// The table of the report that prints `at`, and its row (`None` for every 功能分类 row), when
/// the report prints them.
fn printed_at<'a>(c: &Checker<'a>, at: &PrintedAt) -> Option<(&'a Table, Option<&'a Row>)> {
    let table = c.table(at.table)?;
    match &at.row {
        Some(key) => Some((table, Some(c.row(table, key)?))),
        None => Some((table, None)),
    }
}

/// X001 on every 功能分类 row of `ta` that `tb` prints too: the row's `ca` against the other's
/// `cb`, each code's (first) row looked up once per table.
fn function_rows_alike(
    c: &mut Checker<'_>,
    (ta, ca): (&Table, Column),
    (tb, cb): (&Table, Column),
) {
    for (_, row) in ta.function_rows() {
        if let (Some(row_a), Some(row_b)) = (c.row(ta, &row.key), c.row(tb, &row.key)) {
            same_figure(c, (ta, row_a, ca), (tb, row_b, cb));
        }
    }
}

/// The 基本支出 and 项目支出 of each 功能分类 line of 一般公共预算, printed in 财政拨款收入支出决算总表
/// and in 一般公共预算财政拨款支出决算表: no concept names a line's split (the model splits a
/// fund's whole expenditure), so the vocabulary has no row for these cells.
const FUNCTION_ROW_SPLITS: [(TableKind, Column, TableKind, Column); 2] = [
    (
        TableKind::AppropriationSummary,
        Column::Basic,
        TableKind::GeneralBudgetExpenditure,
        Column::Basic,
    ),
    (
        TableKind::AppropriationSummary,
        Column::Project,
        TableKind::GeneralBudgetExpenditure,
        Column::Project,
    ),
];

/// One place of [`printed_twice`]: a table (by layout), a row (`None`: every 功能分类 row) and
/// a column.
struct PrintedAt {
    table: TableKind,
    row: Option<RowKey>,
    column: Column,
}

/// The places of every concept [`CONCEPT_CELLS`] prints in more than one place, and of the
/// 功能分类 rows of one fund (or of every source) printed in more than one table, in the
/// vocabulary's order. Worked out once.
fn printed_twice() -> &'static [Vec<PrintedAt>] {
    /// What the places of one group print: one concept, or a kind of 功能分类 rows.
    #[derive(PartialEq)]
    enum Printed<'a> {
        Concept(&'a Concept),
        Rows(&'a CellSubject),
    }
    static GROUPS: OnceLock<Vec<Vec<PrintedAt>>> = OnceLock::new();
    GROUPS.get_or_init(|| {
        let mut groups: Vec<(Printed<'static>, Vec<PrintedAt>)> = Vec::new();
        for cell in CONCEPT_CELLS {
            let (printed, row) = match &cell.subject {
                CellSubject::Concept(concept, row) => {
                    (Printed::Concept(concept), Some(row.clone()))
                }
                rows => (Printed::Rows(rows), None),
            };
            let at = PrintedAt {
                table: cell.table,
                row,
                column: cell.column,
            };
            match groups.iter_mut().find(|(p, _)| *p == printed) {
                Some((_, places)) => places.push(at),
                None => groups.push((printed, vec![at])),
            }
        }
        groups
            .into_iter()
            .map(|(_, places)| places)
            .filter(|places| places.len() > 1)
            .collect()
    })
}

/// X001 for one figure printed in two tables' rows, when at least one of the two cells is
/// printed (a blank cell in a printed row counts as 0) and both tables have the column (a
/// column a table does not have is no evidence).
fn same_figure(
    c: &mut Checker<'_>,
    (ta, row_a, ca): (&Table, &Row, Column),
    (tb, row_b, cb): (&Table, &Row, Column),
) {
    let (ca, cb) = (own_column(ta, ca), own_column(tb, cb));
    let (a, b) = (row_a.get(ca), row_b.get(cb));
    if a.is_none() && b.is_none() {
        return;
    }
    // The same figure printed alike (a blank is 0) in the same unit agrees in any currency:
    // nothing to convert or record.
    if ta.unit == tb.unit && a.unwrap_or_default() == b.unwrap_or_default() {
        return;
    }
    let has = |table, column| {
        c.tables
            .info(table)
            .is_some_and(|info| info.present.contains(column))
    };
    if !has(ta, ca) || !has(tb, cb) {
        return;
    }
    let (Some(a), Some(b)) = (c.cell_in_row(ta, row_a, ca), c.cell_in_row(tb, row_b, cb)) else {
        return;
    };
    let (ka, ra, kb, rb) = (ta.kind, &row_a.key, tb.kind, &row_b.key);
    let words = |_: &Checker<'_>, out: &mut String| {
        let _ = write!(out, "{ka}（{ra}·{ca}）与{kb}（{rb}·{cb}）");
        SumWords {
            left: "前者",
            right: Cow::Borrowed("后者"),
            single: Some("同一数字在两张表中必须相等"),
        }
    };
    c.sum_identity(RuleCode::X001, &[a], &[b], words, None);
}

/// The tables of [`basic_across_cells`]: the one that prints the whole, the one that prints
/// the parts.
const BASIC_ACROSS: (TableKind, TableKind) = (
    TableKind::GeneralBudgetExpenditure,
    TableKind::BasicExpenditure,
);

/// X001's partition across two tables: 一般公共预算财政拨款基本支出 as 一般公共预算财政拨款支出决算表
/// prints it (its 合计 row's 基本支出) is its 人员经费 and 公用经费 as the basic expenditure table
/// prints them (人员经费合计, 公用经费合计) (I-10, I-13); for final accounts (`[0]`) and
/// budgets (`[1]`), worked out once.
fn basic_across_cells(kind: DisclosureKind) -> &'static PartitionCells {
    static PLANS: OnceLock<[PartitionCells; 2]> = OnceLock::new();
    per_kind(&PLANS, kind, |kind| {
        PartitionCells::across(
            kind,
            RuleCode::X001,
            BASIC_ACROSS,
            &Concept::FundBasicExpenditure(FundType::GeneralPublicBudget),
        )
    })
}

/// X001 on [`basic_across_cells`]: the 基本支出 of one table against the sum of its classes in
/// the other.
fn basic_across_tables(c: &mut Checker<'_>) {
    let (whole_layout, parts_layout) = BASIC_ACROSS;
    let Some(general) = c.table(whole_layout) else {
        return;
    };
    let plan = basic_across_cells(general.kind.disclosure());
    let Some(basic) = c.cell(general, &plan.whole.0, plan.whole.1) else {
        return;
    };
    let Some(table) = c.table(parts_layout) else {
        return;
    };
    // A printed row's blank cell is 0, so a class is missing only where its row is. (The
    // fallback to the 合计 column this rule had never applied for that reason: a table that
    // prints its classes under 合计 alone is compared as zeros, as before.)
    let parts: Vec<Operand> = plan
        .parts
        .iter()
        .filter_map(|(row, column)| c.cell(table, row, *column))
        .collect();
    // Both classes printed, or there is nothing to compare the 基本支出 with.
    if parts.len() != plan.parts.len() {
        return;
    }
    let words = |_: &Checker<'_>, out: &mut String| {
        let _ = write!(out, "{}与{}", general.kind, table.kind);
        SumWords {
            left: &plan.left,
            right: Cow::Borrowed(plan.right),
            single: None,
        }
    };
    c.sum_identity(RuleCode::X001, &[basic], &parts, words, None);
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::classification::{
        ClassificationCode, DepartmentEconomicCode, FunctionCode, GovernmentEconomicCode,
    };

    /// The row of `code` as `key` makes it one.
    fn coded<C: ClassificationCode>(code: C, key: fn(C) -> RowKey) -> CodedRow {
        CodedRow::of(&key(code), 0).expect("a code of a family")
    }

    /// Whether the rows' test agrees with the codes' own, both ways.
    fn agrees<C: ClassificationCode>(a: C, b: C, key: fn(C) -> RowKey) -> bool {
        let (x, y) = (coded(a, key), coded(b, key));
        x.is_ancestor_of(&y) == a.is_ancestor_of(b) && y.is_ancestor_of(&x) == b.is_ancestor_of(a)
    }

    /// Every whole and part of a partition rule has its place in the rule's table, in final
    /// accounts and budgets alike: a part without one would silently drop out of the sum.
    #[test]
    fn partition_rules_find_every_cell() {
        for kind in [DisclosureKind::FinalAccounts, DisclosureKind::Budget] {
            let plans = partition_cells(kind);
            assert_eq!(plans.len(), PARTITION_RULES.len());
            let wholes = PARTITION_RULES.iter().map(|(.., whole)| whole);
            let three_public = three_public_cells(kind);
            // The 合计 and the two categories of more than one item.
            assert_eq!(three_public.len(), 3);
            let three_public_wholes = crate::vocabulary::partitions()
                .iter()
                .map(|p| &p.whole)
                .filter(|w| {
                    matches!(
                        w,
                        Concept::ThreePublicTotal | Concept::ThreePublicCategory(_)
                    )
                });
            let basic = Concept::FundBasicExpenditure(FundType::GeneralPublicBudget);
            for (plan, whole) in plans
                .iter()
                .zip(wholes)
                .chain(three_public.iter().zip(three_public_wholes))
                .chain([(basic_across_cells(kind), &basic)])
            {
                let parts = summed_parts(kind, whole).expect("a partition or a subtotal");
                assert_eq!(plan.parts.len(), parts.len(), "{}: {whole}", plan.rule);
                assert_eq!(plan.left, name_among_parts(kind, whole), "{}", plan.rule);
                assert_eq!(Some(plan.right), sum_of_parts(kind, whole), "{}", plan.rule);
            }
        }
    }

    /// Both sides of every balance rule have their place in the rule's table, in final
    /// accounts and budgets alike, and its words are the concepts' names.
    #[test]
    fn balance_rules_find_every_cell() {
        for kind in [DisclosureKind::FinalAccounts, DisclosureKind::Budget] {
            let plans = balance_cells(kind);
            assert_eq!(plans.len(), BALANCE_RULES.len());
            for (plan, (rule, layout, income)) in plans.iter().zip(&BALANCE_RULES) {
                assert_eq!((plan.rule, plan.layout), (*rule, *layout));
                assert_eq!(plan.words[0], concept_name(kind, income));
            }
        }
    }

    /// T001's column identities, as the vocabulary gives them, are the ones each table's
    /// layout prints (written out here by hand): every row's total column the sum of its
    /// source, kind, fund or category columns.
    #[test]
    fn row_totals_are_the_partitions_a_row_prints() {
        use Column as C;
        let funds = [C::GeneralBudget, C::GovernmentFund, C::StateCapital];
        let sources = [
            C::HigherLevelSubsidy,
            C::InstitutionRevenue,
            C::BusinessRevenue,
            C::SubordinateRemittance,
            C::OtherIncome,
            C::FiscalSpecialAccount,
            C::UnitFunds,
        ];
        let halves = vec![C::Basic, C::Project];
        /// A whole's column and its parts' columns.
        type Sum = (Column, Vec<Column>);
        let expected: Vec<(TableKind, Vec<Sum>)> = vec![
            (
                TableKind::Income,
                vec![
                    (C::Total, [&funds[..], &sources[..]].concat()),
                    (C::Appropriation, funds.to_vec()),
                ],
            ),
            (
                TableKind::Expenditure,
                vec![(
                    C::Total,
                    vec![
                        C::Basic,
                        C::Project,
                        C::RemittanceToHigher,
                        C::BusinessExpenditure,
                        C::SubsidyToSubordinate,
                    ],
                )],
            ),
            (
                TableKind::AppropriationSummary,
                vec![(C::Total, funds.to_vec())],
            ),
            (
                TableKind::GeneralBudgetExpenditure,
                vec![(C::Total, halves.clone())],
            ),
            (
                TableKind::GovernmentFund,
                vec![(C::CurrentExpenditure, halves.clone())],
            ),
            (
                TableKind::StateCapital,
                vec![(C::CurrentExpenditure, halves)],
            ),
            (
                TableKind::Procurement,
                vec![(
                    C::Total,
                    vec![
                        C::ProcurementGoods,
                        C::ProcurementWorks,
                        C::ProcurementServices,
                    ],
                )],
            ),
        ];
        for layout in TableKind::ALL.iter().filter(|k| k.layout() == **k) {
            let derived: Vec<Sum> = column_partitions(*layout)
                .iter()
                .map(|plan| (plan.whole, plan.parts.clone()))
                .collect();
            let written = expected
                .iter()
                .find(|(kind, _)| kind == layout)
                .map(|(_, plans)| plans.clone())
                .unwrap_or_default();
            assert_eq!(derived, written, "{layout}");
        }
    }

    /// The identities of the vocabulary that one table prints whole (the whole and every part
    /// in cells of that table) and the rules that check them: [`PARTITION_RULES`], T005 (every
    /// one of the 三公 table), or T001, which adds up every row of the table by the columns of
    /// the partitions it prints in one row ([`column_partitions`]). A partition newly printed in
    /// one table must be given a rule here.
    #[test]
    fn every_partition_printed_in_one_table_is_checked() {
        let three_public = three_public_cells(DisclosureKind::FinalAccounts);
        let mut unchecked = Vec::new();
        for layout in TableKind::ALL.iter().filter(|k| k.layout() == **k) {
            let vocabulary = crate::vocabulary::partitions().iter();
            for partition in vocabulary.chain(crate::vocabulary::subtotals()) {
                let whole = &partition.whole;
                if !printed_whole(*layout, whole, &partition.parts) {
                    continue;
                }
                let checked = PARTITION_RULES
                    .iter()
                    .any(|(_, table, w)| table == layout && w == whole)
                    || three_public.iter().any(|plan| {
                        plan.layout == *layout
                            && cells_of(whole)
                                .any(|(t, row, column)| t == *layout && (row, column) == plan.whole)
                    })
                    || column_partitions(*layout).iter().any(|plan| {
                        cells_of(whole).any(|(t, _, column)| t == *layout && column == plan.whole)
                    });
                if !checked {
                    unchecked.push(format!("{layout}：{whole}"));
                }
            }
        }
        assert!(unchecked.is_empty(), "{unchecked:?}");
    }

    proptest! {
        /// The children gathered in one pass are the descendants (the rows after the parent
        /// until the first that is not one) at their smallest level, in order.
        #[test]
        fn children_are_the_nearest_level_of_descendants(
            codes in prop::collection::vec((0_u32..3, 0_u32..6, 0_u32..6, 0_u32..3), 1..30),
        ) {
            // Few distinct codes under two 类, repeats and skipped levels included, sorted as
            // the rule sorts them.
            let mut coded: Vec<CodedRow> = codes
                .iter()
                .enumerate()
                .map(|(position, &(length, kuan, xiang, lei))| {
                    let value = match length {
                        0 => 201 + lei,
                        1 => (201 + lei) * 100 + kuan,
                        _ => ((201 + lei) * 100 + kuan) * 100 + xiang,
                    };
                    let code = FunctionCode::from_u32(value).expect("a valid code");
                    CodedRow::of(&RowKey::Function(code), position).expect("a function row")
                })
                .collect();
            coded.sort_by_key(|row| row.key);
            let mut children = Vec::new();
            for (i, parent) in coded.iter().enumerate() {
                let after = &coded[i + 1..];
                let end = after
                    .iter()
                    .position(|row| !parent.is_ancestor_of(row))
                    .unwrap_or(after.len());
                let descendants = &after[..end];
                let expected = descendants.iter().map(|row| row.level).min().map(|level| {
                    let positions: Vec<usize> = descendants
                        .iter()
                        .filter(|row| row.level == level)
                        .map(|row| row.position)
                        .collect();
                    (level, positions)
                });
                // Each position prints a column of its own: the union names the children.
                let printed = |position: usize| {
                    let mut set = ColumnSet::default();
                    set.insert(Column::ALL[position]);
                    set
                };
                let found = gather_children(parent, after, &mut children, printed);
                prop_assert_eq!(
                    found.map(|(level, _)| (level, children.clone())),
                    expected.clone()
                );
                if let (Some((_, print)), Some((_, positions))) = (found, expected) {
                    let mut union = ColumnSet::default();
                    positions.iter().for_each(|p| union.insert(Column::ALL[*p]));
                    prop_assert_eq!(print, union);
                }
            }
        }

        /// The key comparison says "ancestor" exactly when the codes' own test does; keys sort
        /// as the codes do; a row of one family is no ancestor of another's.
        #[test]
        fn coded_rows_nest_as_their_codes(
            lei in 100_u32..1000,
            (da, a) in (0_u32..3, 0_u32..10_000),
            (db, b) in (0_u32..3, 0_u32..10_000),
        ) {
            // 3, 5 or 7 digits under one 类, so that ancestors occur.
            let under = |length: u32, n: u32| {
                let below = 100_u32.pow(length);
                lei * below + n % below
            };
            let (a, b) = (under(da, a), under(db, b));
            if let (Some(x), Some(y)) = (FunctionCode::from_u32(a), FunctionCode::from_u32(b)) {
                prop_assert!(agrees(x, y, RowKey::Function));
                let (kx, ky) = (coded(x, RowKey::Function), coded(y, RowKey::Function));
                prop_assert_eq!(kx.key.cmp(&ky.key), x.cmp(&y));
                if let Some(e) = DepartmentEconomicCode::from_u32(b) {
                    prop_assert!(!kx.is_ancestor_of(&coded(e, RowKey::Economic)));
                }
            }
            if let (Some(x), Some(y)) =
                (DepartmentEconomicCode::from_u32(a), DepartmentEconomicCode::from_u32(b))
            {
                prop_assert!(agrees(x, y, RowKey::Economic));
            }
            if let (Some(x), Some(y)) =
                (GovernmentEconomicCode::from_u32(a), GovernmentEconomicCode::from_u32(b))
            {
                prop_assert!(agrees(x, y, RowKey::GovernmentEconomic));
            }
        }
    }
}
