//! N021: a change the narrative states against the change its tables print. A budget's
//! tables print last year's budget (上年预算数 or 上年执行数) and the change (增减额) beside
//! this year's; the narrative's `比上年预算增加X万元` must be that change.

use std::borrow::Cow;

use crate::metrics::headline_column;
use crate::precision::Printed;
use crate::report::{Column, StatedValue};
use crate::vocabulary::cells_of;

use super::engine::{Checker, Operand, SumWords};
use super::registry::RuleCode;

pub(crate) fn run(c: &mut Checker<'_>) {
    let statements = &c.disclosure.statements;
    for s in statements {
        // A change of the report's year (a change dated with another year is that year's).
        let StatedValue::Change { amount, direction } = &s.value else {
            continue;
        };
        if s.year.is_some() {
            continue;
        }
        let Some(printed) = c.in_currency(*amount) else {
            continue;
        };
        let Ok(stated) = Printed::new(direction.signed(printed.value()), printed.decimals()) else {
            continue;
        };
        let Some(printed) = printed_change(c, &s.concept) else {
            continue;
        };
        let stated = c.statement_operand(s, stated);
        let concept = &s.concept;
        let words = |_: &Checker<'_>, out: &mut String| {
            out.push_str(&concept.to_string());
            SumWords {
                left: "说明所述增减额",
                right: Cow::Borrowed(match printed {
                    TableChange::Printed(_) => "表中增减额",
                    TableChange::FromColumns(..) => "表中本年数减上年数",
                }),
                single: None,
            }
        };
        match printed {
            TableChange::Printed(change) => {
                c.sum_identity(RuleCode::N021, &[stated], &[change], words, Some(s));
            }
            // this year = last year + change.
            TableChange::FromColumns(this_year, last_year) => {
                c.sum_identity(
                    RuleCode::N021,
                    &[this_year],
                    &[last_year, stated],
                    words,
                    Some(s),
                );
            }
        }
    }
}

/// The change against last year a table prints for a concept.
#[derive(Clone, Copy)]
enum TableChange<'t> {
    /// Its 增减额 cell.
    Printed(Operand<'t>),
    /// This year's figure and last year's, when no 增减额 is printed.
    FromColumns(Operand<'t>, Operand<'t>),
}

/// The change the tables print for `concept`: in the row of its first cell, when that cell is
/// the row's headline figure (the one last year's is printed beside), from the 增减额 column,
/// else this year's figure less 上年预算数 (or 上年执行数). `None` when no table prints it.
fn printed_change<'a>(
    c: &Checker<'a>,
    concept: &crate::report::Concept,
) -> Option<TableChange<'a>> {
    cells_of(concept).find_map(|(kind, key, column)| {
        let table = c.table(kind)?;
        let row = c.row(table, &key)?;
        let headline = headline_column(table.kind, row)?;
        if headline != table.kind.in_layout(column) {
            return None;
        }
        if row.get(Column::Change).is_some() {
            return Some(TableChange::Printed(c.cell_in_row(
                table,
                row,
                Column::Change,
            )?));
        }
        let prior = [Column::PriorBudget, Column::PriorExecution]
            .into_iter()
            .find(|p| row.get(*p).is_some())?;
        Some(TableChange::FromColumns(
            c.cell_in_row(table, row, headline)?,
            c.cell_in_row(table, row, prior)?,
        ))
    })
}
