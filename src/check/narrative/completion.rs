//! The rules on completion rates and the budget:
//!
//! - N005: a completion rate against the actual amount and the budget;
//! - N007: no completion rate is stated for a zero budget;
//! - N010: 持平/大于/小于预算 against the completion rate or the budget.

use rust_decimal::Decimal;

use crate::money::Percent;
use crate::precision::{Consistency, Printed, RateCheck, check_rate, rate_is_rounded};
use crate::report::{Column, Concept, Direction, StatedValue, Statement, TableKind};
use crate::vocabulary::cells_of;

use crate::check::engine::{Checker, Operand, RateForm, StatedRate, statement_ref};
use crate::check::registry::RuleCode;
use crate::check::statements::{ClaimKind, Statements, ValueKind, Years};

use super::{actual_word, amount_of, current_amount, nearest_of, percent, rate_amounts, subject};

/// The budget of a concept: a stated budget nearby among `about` (the positions of the
/// statements about it), else a budget column of the tables.
fn budget_of<'a>(
    c: &Checker<'a>,
    ix: &Statements<'a>,
    index: usize,
    concept: &Concept,
    about: &[u32],
) -> Option<Operand<'a>> {
    nearest_of(ix, index, about, ValueKind::Budget, Years::Any)
        .and_then(|e| amount_of(c, e))
        .or_else(|| {
            // A blank cell of a printed row reads as 0; a 全年预算数 column that is not printed
            // at all must not make every budget 0, so it is taken only where a cell is printed.
            cells_of(concept).find_map(|(kind, row, _)| {
                let adjusted_printed = c
                    .table(kind)
                    .and_then(|t| c.printed(t, &row, Column::AdjustedBudget))
                    .is_some();
                adjusted_printed
                    .then(|| c.cell_of(kind, &row, Column::AdjustedBudget))
                    .flatten()
                    .or_else(|| c.cell_of(kind, &row, Column::Budget))
            })
        })
        .or_else(|| three_public_budget(c, ix, index, concept))
}

/// The budget of a 三公 line from any 三公 table (a separate budget table such as T7B
/// included), else a zero inferred from its parent: budgets are never negative, so when the
/// 三公 total (or a category) is budgeted at 0, so is every part of it. Nothing else is
/// inferred (a completion rate of the total does not fix the categories' budgets).
fn three_public_budget<'a>(
    c: &Checker<'a>,
    ix: &Statements<'a>,
    index: usize,
    concept: &Concept,
) -> Option<Operand<'a>> {
    let parent = match concept {
        Concept::ThreePublicTotal => None,
        Concept::ThreePublicCategory(_) => Some(Concept::ThreePublicTotal),
        Concept::ThreePublicItem(item) => Some(Concept::ThreePublicCategory(item.category())),
        _ => return None,
    };
    let (_, row, _) = cells_of(concept).find(|(kind, _, _)| *kind == TableKind::ThreePublic)?;
    // The same for every statement about the line: worked out once per check, not once per
    // statement over every 三公 table.
    let printed = ix.three_public_budget(&row, || {
        c.disclosure
            .tables
            .iter()
            .filter(|t| t.kind.layout() == TableKind::ThreePublic)
            .find_map(|table| {
                [Column::AdjustedBudget, Column::Budget]
                    .into_iter()
                    .find(|column| c.printed(table, &row, *column).is_some())
                    .and_then(|column| c.cell(table, &row, column))
            })
    });
    printed.or_else(|| {
        parent
            .and_then(|parent| budget_of(c, ix, index, &parent, ix.about(&parent)))
            .filter(|budget| budget.value.value().is_zero())
    })
}

/// N005/N007: a completion rate against actual and budget; none may be stated for a zero budget.
pub(super) fn completion<'a>(
    c: &mut Checker<'a>,
    ix: &Statements<'a>,
    index: usize,
    s: &Statement,
    rate: Percent,
) {
    let kind = c.disclosure.entity.kind;
    let own = ix.same_concept(index);
    // The stated actual and budget, also in a unit the currency cannot hold (`年初预算为153.8
    // 亿元，实际完成164.6亿元，为预算的107.2%` in a text counting in 万元); else the tables'.
    let stated = nearest_of(ix, index, own, ValueKind::Amount, Years::Of(s.year))
        .zip(nearest_of(ix, index, own, ValueKind::Budget, Years::Any))
        .and_then(|(actual, budget)| rate_amounts(c, actual, budget));
    let Some(budget) = stated
        .map(|(_, budget)| budget)
        .or_else(|| budget_of(c, ix, index, &s.concept, own))
    else {
        return;
    };
    let me = statement_ref(s);
    if budget.value.value().is_zero() {
        c.plain(
            RuleCode::N007,
            Some(me.clone()),
            vec![me, budget.figure.to_ref()],
            Some(s),
            format!(
                "{}：预算数为 0，完成率没有意义，却写作“完成预算{rate}”；应写“—”或说明未安排预算",
                subject(kind, s)
            ),
        );
        return;
    }
    if ix.is_claimed(ClaimKind::Ratio, index) {
        return;
    }
    let Some(actual) = stated
        .map(|(actual, _)| actual)
        .or_else(|| current_amount(c, ix, index, &s.concept, own))
    else {
        return;
    };
    let rate = c.statement_operand(s, percent(rate, None));
    // `年初预算100万元，调整预算120万元，…为年初预算的120%`: a text that states two budgets of
    // the concept may give a completion against either; the nearest is not necessarily the
    // one its words name, so a rate one of them gives is no error.
    if !holds_as_ratio(rate.value, actual.value, budget.value)
        && other_budgets(c, ix, own, s.year, budget.value)
            .any(|other| holds_as_ratio(rate.value, actual.value, other))
    {
        return;
    }
    let slip = unspent_share_hint(&rate, &actual, &budget);
    let subject = |_: &Checker<'_>| format!("{}的预算完成率{slip}", subject(kind, s));
    c.rate_identity(
        RuleCode::N005,
        StatedRate {
            rate,
            a: actual,
            b: budget,
            form: RateForm::Ratio,
        },
        subject,
        Some(s),
    );
}

/// Whether `rate` may be `part / whole` rounded (or only truncated): what
/// [`Checker::rate_identity`] reports no error for.
fn holds_as_ratio(rate: Printed, part: Printed, whole: Printed) -> bool {
    rate_is_rounded(RateForm::Ratio, rate, part.value(), whole.value())
        || !matches!(
            check_rate(RateForm::Ratio, rate, part, whole),
            Ok(Some(RateCheck {
                verdict: Consistency::Inconsistent,
                ..
            }))
        )
}

/// The budgets stated of a concept in `year` other than `nearest`: distinct ones among the
/// first few (a bound, so that checking stays linear in the statements).
fn other_budgets<'a>(
    c: &'a Checker<'_>,
    ix: &'a Statements<'_>,
    about: &[u32],
    year: Option<u16>,
    nearest: Printed,
) -> impl Iterator<Item = Printed> + 'a {
    const LOOKED_AT: usize = 8;
    let budgets = ix
        .group_of_positions(about)
        .into_iter()
        .flat_map(move |group| ix.all_of(group, ValueKind::Budget, Years::Of(year)))
        .take(LOOKED_AT)
        .filter_map(move |position| match ix.all[position].value {
            StatedValue::Budget(amount) => c.in_currency(amount),
            _ => None,
        });
    let mut seen = Vec::with_capacity(LOOKED_AT);
    budgets.filter(move |budget| {
        let new = *budget != nearest && !seen.contains(budget);
        seen.push(*budget);
        new
    })
}

/// What a completion rate's message adds when the rate printed is the share left unspent
/// (100% less the rate the amounts give: 43% for 1.71 of 3, which is 57%), a common slip.
pub(super) fn unspent_share_hint(
    rate: &Operand<'_>,
    actual: &Operand<'_>,
    budget: &Operand<'_>,
) -> &'static str {
    let printed = rate.value;
    let unspent = Printed::new(Decimal::ONE_HUNDRED - printed.value(), printed.decimals());
    let is_unspent = unspent.is_ok_and(|unspent| {
        rate_is_rounded(
            RateForm::Ratio,
            unspent,
            actual.value.value(),
            budget.value.value(),
        )
    });
    if is_unspent {
        "（公布数恰是未使用部分的比例，即 100% 减去完成率，常见笔误）"
    } else {
        ""
    }
}

/// N010: 持平/大于/小于预算 against the completion rate or the budget.
pub(super) fn budget_comparison<'a>(
    c: &mut Checker<'a>,
    ix: &Statements<'a>,
    index: usize,
    s: &Statement,
    word: Direction,
) {
    let kind = c.disclosure.entity.kind;
    let own = ix.same_concept(index);
    let rate = nearest_of(ix, index, own, ValueKind::Completion, Years::Any);
    // The amounts decide where they are printed; a completion rate only where they are not
    // (a rate against a zero budget says nothing of the comparison).
    // Only a direction every value behind the printed figures agrees on decides: 决算数大于
    // 预算数 beside `完成预算100%` (99.5% to 100.5%), or beside two amounts printed alike, may
    // well be true.
    let implied = match (
        budget_of(c, ix, index, &s.concept, own),
        current_amount(c, ix, index, &s.concept, own),
    ) {
        (Some(budget), Some(actual)) => certain_direction(actual.value, budget.value),
        _ => match rate.map(|e| &e.value) {
            Some(StatedValue::Completion { rate }) => rate_direction(Printed::from(*rate)),
            _ => None,
        },
    };
    if let Some(implied) = implied.filter(|d| *d != word) {
        let me = statement_ref(s);
        c.plain(
            RuleCode::N010,
            Some(me.clone()),
            vec![me],
            Some(s),
            format!(
                "{}：文中说{}与预算数相比“{word}”，但按所列数字应为“{implied}”",
                subject(kind, s),
                actual_word(c)
            ),
        );
    }
}

/// The direction from `base` to `figure` that every pair of values the two printed figures
/// may stand for agrees on; `None` when rounding leaves it open, or the figures are beyond
/// what a difference can be taken of. Each value lies in `[printed − h, printed + h)`, so the
/// difference lies in `(d − h₁ − h₂, d + h₁ + h₂)` around the printed difference `d`.
fn certain_direction(figure: Printed, base: Printed) -> Option<Direction> {
    let difference = figure.value().checked_sub(base.value())?;
    let slack = figure
        .checked_half_unit()?
        .checked_add(base.checked_half_unit()?)?;
    if difference >= slack {
        Some(Direction::Increase)
    } else if -difference >= slack {
        Some(Direction::Decrease)
    } else {
        None
    }
}

/// The direction from 100% to a completion rate that every value the printed rate may stand
/// for (`[rate − h, rate + h)`) agrees on: `完成预算100%` leaves it open.
fn rate_direction(rate: Printed) -> Option<Direction> {
    let difference = rate.value().checked_sub(Decimal::ONE_HUNDRED)?;
    let half = rate.checked_half_unit()?;
    if difference > half {
        Some(Direction::Increase)
    } else if -difference >= half {
        Some(Direction::Decrease)
    } else {
        None
    }
}
