//! The rules on changes and growth rates:
//!
//! - N004: a growth rate against the change and the current amount; a change against last
//!   year's amount;
//! - N006: the direction words of a change and its rate agree (持平 is no change);
//! - N012: no growth rate is stated when last year's figure is zero (N007 when the year's own
//!   budget is);
//! - N023: N004 against the year's own budget.

use std::borrow::Cow;

use rust_decimal::Decimal;

use crate::money::Percent;
use crate::report::{Concept, Direction, StatedValue, Statement};

use crate::check::engine::{Checker, Operand, RateForm, StatedRate, SumWords, statement_ref};
use crate::check::registry::RuleCode;
use crate::check::statements::{ClaimKind, Statements, ValueKind, Years};

use super::{
    amount_of, current_amount, is_amount_in, nearest_of, nearest_position_of, percent,
    rate_amounts, subject, write_subject,
};

/// What a change and its rate are against: last year's figure, or the year's own budget in
/// final accounts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Against {
    LastYear,
    OwnBudget,
}

impl Against {
    /// The kind of the changes it pairs a rate with, the rule checking the rate, and the words
    /// naming the change and the rate in messages.
    fn terms(self) -> (ValueKind, RuleCode, &'static str, &'static str) {
        match self {
            Against::LastYear => (ValueKind::Change, RuleCode::N004, "增减额", "增长率"),
            Against::OwnBudget => (
                ValueKind::ChangeAgainstBudget,
                RuleCode::N023,
                "与预算相比的增减额",
                "与预算相比的增减率",
            ),
        }
    }
}

/// N004/N006 (N023/N006 against the year's own budget): a rate of change against the change
/// and the current amount (the base being the amount less the change); the direction words of
/// the change and the rate agree. Which budget (年初 or 调整) a rate against the budget is of
/// does not matter: the change stated says it.
pub(super) fn growth<'a>(
    c: &mut Checker<'a>,
    ix: &Statements<'a>,
    index: usize,
    s: &Statement,
    (rate, direction): (Percent, Direction),
    against: Against,
) {
    let kind = c.disclosure.entity.kind;
    let (change_kind, code, change_words, rate_words) = against.terms();
    let own = ix.same_concept(index);
    // Words that describe what the model has no concept for may name different things in
    // different places (`六县完成8.8亿元，增收1.2亿元。…六县完成1.6亿元，同比下降22.7%`, of two
    // funds): a level of them stated between a change and the rate begins another account,
    // which the change is not of. A concept of the model is one thing wherever it is stated.
    let described = matches!(s.concept, Concept::Other(_));
    let change = nearest_position_of(ix, index, own, change_kind, Years::Of(s.year))
        .filter(|&at| {
            if !described {
                return true;
            }
            let (from, to) = (at.min(index), at.max(index));
            let between = &own[own.partition_point(|&p| p as usize <= from)
                ..own.partition_point(|&p| (p as usize) < to)];
            !between
                .iter()
                .any(|&p| is_amount_in(s.year)(&ix.all[p as usize]))
        })
        .map(|at| &ix.all[at])
        .filter(|e| e.location.section == s.location.section);
    if let Some(change) = change
        && let StatedValue::Change {
            direction: word, ..
        }
        | StatedValue::ChangeAgainstBudget {
            direction: word, ..
        } = change.value
        && direction_conflict(word, direction)
    {
        let (a, b) = (statement_ref(change), statement_ref(s));
        c.plain(
            RuleCode::N006,
            Some(b.clone()),
            vec![a, b],
            Some(s),
            format!(
                "{}：{change_words}用“{word}”，{rate_words}却用“{direction}”，方向矛盾",
                subject(kind, s)
            ),
        );
    }
    if direction == Direction::Flat && !rate.points().is_zero() {
        let me = statement_ref(s);
        c.plain(
            RuleCode::N006,
            Some(me.clone()),
            vec![me],
            Some(s),
            format!("{}：写“持平”，{rate_words}却为 {rate}", subject(kind, s)),
        );
    }
    if ix.is_claimed(ClaimKind::Growth, index) {
        return;
    }
    // The stated change and level, also in a unit the currency cannot hold (`支出164.6亿元，增加
    // 10.7亿元，增长6.95%` in a text counting in 万元); else the tables'.
    let stated = change
        .zip(nearest_of(
            ix,
            index,
            own,
            ValueKind::Amount,
            Years::Of(s.year),
        ))
        .and_then(|(change, current)| rate_amounts(c, change, current));
    let (Some(change), Some(current)) = stated.map_or_else(
        || {
            (
                change.and_then(|e| amount_of(c, e)),
                current_amount(c, ix, index, &s.concept, own),
            )
        },
        |(change, current)| (Some(change), Some(current)),
    ) else {
        return;
    };
    let zero = match against {
        Against::LastYear => zero_base(
            c,
            s,
            PriorYear::Implied {
                current: &current,
                change: &change,
            },
        ),
        // A budget of 0 gives no rate: one stated against it is N007's warning, as a
        // completion rate of it would be.
        Against::OwnBudget => match current.value.value().checked_sub(change.value.value()) {
            Some(budget) if budget.is_zero() => {
                let me = statement_ref(s);
                c.plain(
                    RuleCode::N007,
                    Some(me.clone()),
                    vec![change.figure.to_ref(), current.figure.to_ref(), me],
                    Some(s),
                    format!(
                        "{}：本年 {} 减去与预算相比的增减额 {} 得预算数为 0，增减率没有意义，却写作“{}”；应写“—”或说明未安排预算",
                        subject(kind, s),
                        shown(current.value.value()),
                        shown(change.value.value()),
                        s.value
                    ),
                );
                true
            }
            Some(_) => false,
            None => true,
        },
    };
    if zero {
        return;
    }
    let rate = c.statement_operand(s, percent(rate, Some(direction)));
    let subject = |_: &Checker<'_>| match against {
        Against::LastYear => format!("{}的{rate_words}", subject(kind, s)),
        Against::OwnBudget => format!("{}{rate_words}", subject(kind, s)),
    };
    c.rate_identity(
        code,
        StatedRate {
            rate,
            a: change,
            b: current,
            form: RateForm::Growth,
        },
        subject,
        Some(s),
    );
}

fn direction_conflict(a: Direction, b: Direction) -> bool {
    matches!(
        (a, b),
        (Direction::Increase, Direction::Decrease) | (Direction::Decrease, Direction::Increase)
    )
}

/// N004: a stated change against a stated prior-year amount (this = prior + change); N023: a
/// difference from the year's own budget against the budget compared with in the same clause
/// (`较预算数1237万元减少103万元`: this = budget + difference). A budget stated elsewhere may be
/// another one (年初 or 调整) than the clause compares with, and is not used.
pub(super) fn change_against_base<'a>(
    c: &mut Checker<'a>,
    ix: &Statements<'a>,
    index: usize,
    s: &Statement,
    against: Against,
) {
    let kind = c.disclosure.entity.kind;
    let (_, code, _, _) = against.terms();
    let own = ix.same_concept(index);
    let (base, base_words) = match against {
        Against::LastYear => {
            let prior_year = s.year.unwrap_or(c.disclosure.entity.year).checked_sub(1);
            (
                nearest_of(ix, index, own, ValueKind::Amount, Years::Of(prior_year)),
                "上年数与增减额之和",
            )
        }
        Against::OwnBudget => (
            nearest_of(ix, index, own, ValueKind::Budget, Years::Of(s.year)).filter(|b| {
                b.location.section == s.location.section && b.location.quote == s.location.quote
            }),
            "预算数与增减额之和",
        ),
    };
    let (Some(base), Some(change), Some(current)) = (
        base.and_then(|b| amount_of(c, b)),
        amount_of(c, s),
        current_amount(c, ix, index, &s.concept, own),
    ) else {
        return;
    };
    let words = |_: &Checker<'_>, out: &mut String| {
        write_subject(kind, s, out);
        SumWords {
            left: "本年数",
            right: Cow::Borrowed(base_words),
            single: None,
        }
    };
    c.sum_identity(code, &[current], &[base, change], words, Some(s));
}

/// Last year's figure, as a growth rate's check knows it.
pub(super) enum PriorYear<'o, 'a> {
    /// This year's less the stated change.
    Implied {
        current: &'o Operand<'a>,
        change: &'o Operand<'a>,
    },
    /// Printed, beside this year's.
    Printed {
        current: &'o Operand<'a>,
        prior: &'o Operand<'a>,
    },
}

/// `d` as a message shows it: a decrease of 0 is −0 in `Decimal`, shown 0.
fn shown(d: Decimal) -> Decimal {
    if d.is_zero() { Decimal::ZERO } else { d }
}

/// N012: a growth rate `s` stated when last year's figure is zero, so that no rate exists.
/// Returns whether it found one (the rate is then not checked as a number).
pub(super) fn zero_base(c: &mut Checker<'_>, s: &Statement, prior: PriorYear<'_, '_>) -> bool {
    let kind = c.disclosure.entity.kind;
    let StatedValue::Growth { .. } = s.value else {
        return false;
    };
    let (prior_value, how, mut involves) = match prior {
        PriorYear::Printed { current, prior } => (
            prior.value.value(),
            format!("上年为 {}", prior.value.value()),
            vec![current.figure.to_ref(), prior.figure.to_ref()],
        ),
        PriorYear::Implied { current, change } => (
            match current.value.value().checked_sub(change.value.value()) {
                Some(prior) => prior,
                None => return false,
            },
            format!(
                "本年 {} 减去增减额 {} 得上年为 0",
                shown(current.value.value()),
                shown(change.value.value())
            ),
            vec![change.figure.to_ref(), current.figure.to_ref()],
        ),
    };
    if !prior_value.is_zero() {
        return false;
    }
    let me = statement_ref(s);
    involves.push(me.clone());
    c.plain(
        RuleCode::N012,
        Some(me),
        involves,
        Some(s),
        format!(
            "{}：{how}，增长率没有定义，却写作“{}”；应写“—”或“不可比”",
            subject(kind, s),
            s.value
        ),
    );
    true
}
