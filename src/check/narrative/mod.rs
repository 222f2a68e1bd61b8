//! Rules over what the narrative states (N001–N012, N023): stated figures against the tables
//! and against each other, shares, changes, growth and completion rates, direction words,
//! counts.
//!
//! This module runs them and holds what every rule uses: a statement's amount as an operand,
//! the nearest statement of a kind about a concept, a concept's name in the disclosure's
//! words. The rules are in one file per family:
//!
//! - `amounts`: an amount stated in the text (N001, N002, N011);
//! - `shares`: a share of a whole (N003);
//! - `growth`: changes and growth rates (N004, N006, N012, N023);
//! - `completion`: completion rates and words comparing with the budget (N005, N007, N010);
//! - `sums`: sums the statements imply (N008);
//! - `counts`: counts (N009);
//! - `claims`: what the document claims explicitly (N002–N005, N008–N010).

mod amounts;
mod claims;
mod completion;
mod counts;
mod growth;
mod shares;
mod sums;

use rust_decimal::Decimal;

use crate::money::{Percent, Unit};
use crate::precision::Printed;
use crate::report::{Claim, Concept, Direction, DisclosureKind, StatedValue, Statement};
use crate::vocabulary::cells_of;
pub(super) use crate::vocabulary::concept_name;

use super::engine::{Checker, Operand};
// The checker's findings, as the rule files name them (`super::finding::describe`).
use super::finding;
use super::statements::{Statements, ValueKind, Years};

use self::amounts::{against_earlier, against_tables, unit_slip};
use self::claims::explicit_claim;
use self::completion::{budget_comparison, completion};
use self::counts::{inferred_counts, same_count};
use self::growth::{Against, change_against_base, growth};
use self::shares::share;
use self::sums::inferred_sums;

pub(crate) fn run<'a>(c: &mut Checker<'a>) {
    let disclosure = c.disclosure;
    let ix = Statements::new(disclosure);
    for (index, s) in disclosure.statements.iter().enumerate() {
        match &s.value {
            StatedValue::Amount(_) => {
                against_tables(c, &ix, index, s);
                against_earlier(c, &ix, index, s);
                unit_slip(c, s);
            }
            StatedValue::Share { rate, of } => share(c, &ix, index, s, *rate, of),
            StatedValue::Growth { rate, direction } => {
                growth(c, &ix, index, s, (*rate, *direction), Against::LastYear);
            }
            StatedValue::Change { .. } => {
                change_against_base(c, &ix, index, s, Against::LastYear);
            }
            StatedValue::GrowthAgainstBudget { rate, direction } => {
                growth(c, &ix, index, s, (*rate, *direction), Against::OwnBudget);
            }
            StatedValue::ChangeAgainstBudget { .. } => {
                change_against_base(c, &ix, index, s, Against::OwnBudget);
            }
            StatedValue::Completion { rate } => completion(c, &ix, index, s, *rate),
            StatedValue::BudgetComparison(word) => {
                budget_comparison(c, &ix, index, s, *word);
            }
            StatedValue::Count(_) => same_count(c, &ix, index, s),
            // Words are the relations' rules' (N017).
            // Measures take part in the sums their sentences claim, nothing else.
            StatedValue::Budget(_)
            | StatedValue::Score(_)
            | StatedValue::Wording(_)
            | StatedValue::Measure { .. } => {}
        }
    }
    for claim in &disclosure.claims {
        explicit_claim(c, &ix, claim);
    }
    let claimed = claimed_totals(&ix, &disclosure.claims);
    inferred_sums(c, &ix, &claimed);
    inferred_counts(c, &ix, &claimed);
    // The relations among several statements read the same index.
    super::relations::run(c, &ix);
}

/// The statement's amount in the document's currency.
fn amount_of<'s>(c: &Checker<'_>, s: &'s Statement) -> Option<Operand<'s>> {
    match &s.value {
        StatedValue::Amount(a) | StatedValue::Budget(a) => {
            Some(c.statement_operand(s, c.in_currency(*a)?))
        }
        StatedValue::Change { amount, direction }
        | StatedValue::ChangeAgainstBudget { amount, direction } => {
            let printed = c.in_currency(*amount)?;
            let signed =
                Printed::new(direction.signed(printed.value()), printed.decimals()).ok()?;
            Some(c.statement_operand(s, signed))
        }
        StatedValue::Count(n) => Some(c.statement_operand(s, Printed::as_shown(Decimal::from(*n)))),
        StatedValue::Measure { value, .. } => {
            Some(c.statement_operand(s, Printed::as_shown(*value)))
        }
        _ => None,
    }
}

/// A statement's amount as printed in its own unit (a change signed), for [`rate_amounts`].
fn own_unit_amount<'s>(c: &Checker<'_>, s: &'s Statement) -> Option<(Unit, Operand<'s>)> {
    let (amount, signed) = match &s.value {
        StatedValue::Amount(a) | StatedValue::Budget(a) => (a, a.value()),
        StatedValue::Change { amount, direction }
        | StatedValue::ChangeAgainstBudget { amount, direction } => {
            (amount, direction.signed(amount.value()))
        }
        _ => return None,
    };
    let printed = Printed::new(signed, amount.value().scale()).ok()?;
    Some((amount.unit(), c.statement_operand(s, printed)))
}

/// Two statements' amounts for a rate between them: in the document's currency, or, when it
/// cannot hold one of them at its printed precision (`164.6亿元` in a text counting in 万元,
/// which would be 1646000万元 to the nearest 1000万元), both as printed in the unit they share,
/// since a rate needs no currency. `None` when the currency cannot hold one and they share no
/// unit.
fn rate_amounts<'s>(
    c: &Checker<'_>,
    a: &'s Statement,
    b: &'s Statement,
) -> Option<(Operand<'s>, Operand<'s>)> {
    if let (Some(a), Some(b)) = (amount_of(c, a), amount_of(c, b)) {
        return Some((a, b));
    }
    let ((unit_a, a), (unit_b, b)) = (own_unit_amount(c, a)?, own_unit_amount(c, b)?);
    (unit_a == unit_b).then_some((a, b))
}

fn percent(rate: Percent, direction: Option<Direction>) -> Printed {
    let p = Printed::from(rate);
    match direction {
        Some(d) => Printed::new(d.signed(p.value()), p.decimals()).unwrap_or(p),
        None => p,
    }
}

fn table_operand<'a>(c: &Checker<'a>, concept: &Concept) -> Option<Operand<'a>> {
    cells_of(concept).find_map(|(kind, row, column)| c.cell_of(kind, &row, column))
}

fn subject(kind: DisclosureKind, s: &Statement) -> String {
    concept_name(kind, &s.concept).into_owned()
}

/// [`subject`], written into `out`.
fn write_subject(kind: DisclosureKind, s: &Statement, out: &mut String) {
    out.push_str(&concept_name(kind, &s.concept));
}

/// [`nearest`] with `wanted` a statement of `kind` in `years`, searched in the index built
/// once per check (`candidates` must be a whole concept group, as
/// [`Statements::same_concept`] and [`Statements::about`] give it).
fn nearest_of<'a>(
    ix: &Statements<'a>,
    index: usize,
    candidates: &[u32],
    kind: ValueKind,
    years: Years,
) -> Option<&'a Statement> {
    nearest_position_of(ix, index, candidates, kind, years).map(|position| &ix.all[position])
}

/// [`nearest_of`]'s statement by its position among all statements. Words the model has no
/// concept for are taken only in the section of the statement at `index`: the same words may
/// name different things in different places (`收入总计` under each fund of a government's
/// report), while a concept of the model is one thing wherever it is stated.
fn nearest_position_of(
    ix: &Statements<'_>,
    index: usize,
    candidates: &[u32],
    kind: ValueKind,
    years: Years,
) -> Option<usize> {
    let group = ix.group_of_positions(candidates)?;
    let found = ix.nearest_of(index, group, kind, years)?;
    let (here, there) = (ix.all.get(index)?, &ix.all[found]);
    let elsewhere = matches!(there.concept, Concept::Other(_))
        && there.location.section != here.location.section;
    (!elsewhere).then_some(found)
}

/// An amount of the year `year` (`None`: the report's), among statements about one concept.
fn is_amount_in(year: Option<u16>) -> impl Fn(&Statement) -> bool {
    move |s| s.year == year && matches!(s.value, StatedValue::Amount(_))
}

/// The amount of a concept in the year of the statement at `index`: a statement nearby among
/// `about` (the positions of the statements about it), else, for the report's year, the table.
fn current_amount<'a>(
    c: &Checker<'a>,
    ix: &Statements<'a>,
    index: usize,
    concept: &Concept,
    about: &[u32],
) -> Option<Operand<'a>> {
    let year = ix.all.get(index)?.year;
    nearest_of(ix, index, about, ValueKind::Amount, Years::Of(year))
        .and_then(|s| amount_of(c, s))
        .or_else(|| year.is_none().then(|| table_operand(c, concept)).flatten())
}

/// What the amount set beside a budget is called in the disclosure's own words: 决算数 in
/// final accounts; in a budget (which has no final figures of its own) the 执行数 of a year
/// it looks back on.
pub(super) fn actual_word(c: &Checker<'_>) -> &'static str {
    if c.disclosure.entity.kind.is_budget() {
        "执行数"
    } else {
        "决算数"
    }
}

/// The concept groups of the totals the document's own sum claims cover.
fn claimed_totals(ix: &Statements<'_>, claims: &[Claim]) -> Vec<u32> {
    claims
        .iter()
        .filter_map(|claim| match claim {
            Claim::Sum { total, .. }
            | Claim::SubsetSum { total, .. }
            | Claim::CountSum { total, .. } => ix.position_of(total).and_then(|i| ix.group_of(i)),
            _ => None,
        })
        .collect()
}
