//! The rule on shares:
//!
//! - N003: 占X% against the part and the whole (at most the part over the parts stated, when
//!   the whole is not printed).

use rust_decimal::Decimal;

use crate::money::Percent;
use crate::precision::Printed;
use crate::report::{Concept, StatedValue, Statement};

use crate::check::engine::{Checker, NewFinding, Operand, RateForm, StatedRate, statement_ref};
use crate::check::finding::{Comparison, FigureUnit, FindingKind};
use crate::check::registry::RuleCode;
use crate::check::relations::checked_sum;
use crate::check::statements::{ClaimKind, Statements, ValueKind, Years};

use super::{amount_of, current_amount, nearest_of, percent, rate_amounts, subject};

/// N003: 占X% against the part and the whole.
pub(super) fn share<'a>(
    c: &mut Checker<'a>,
    ix: &Statements<'a>,
    index: usize,
    s: &Statement,
    rate: Percent,
    of: &Concept,
) {
    let kind = c.disclosure.entity.kind;
    if ix.is_claimed(ClaimKind::Ratio, index) {
        return;
    }
    let own = ix.same_concept(index);
    // The stated part and whole, also in a unit the currency cannot hold (`支出158.2亿元，…占
    // 21.5%` of a whole in 亿元 in a text counting in 万元); else the tables'.
    let amount_of_year = |about| nearest_of(ix, index, about, ValueKind::Amount, Years::Of(s.year));
    let stated = amount_of_year(own)
        .zip(amount_of_year(ix.about(of)))
        .and_then(|(part, whole)| rate_amounts(c, part, whole));
    let Some(part) = stated
        .map(|(part, _)| part)
        .or_else(|| current_amount(c, ix, index, &s.concept, own))
    else {
        return;
    };
    // A whole printed in a unit the currency cannot hold is no whole left unprinted.
    if stated.is_none()
        && amount_of_year(ix.about(of)).is_some_and(|whole| amount_of(c, whole).is_none())
    {
        return;
    }
    // A whole that is not printed is its parts together, when the part is one of two.
    let whole = stated
        .map(|(_, whole)| whole)
        .or_else(|| current_amount(c, ix, index, of, ix.about(of)));
    let (whole, form) = match whole {
        Some(whole) => (whole, RateForm::Ratio),
        None => match other_part(c, ix, index, &s.concept, of) {
            Some(other) => (other, RateForm::ShareOfSum),
            None => {
                share_at_most(c, ix, index, s, &part, of);
                return;
            }
        },
    };
    let rate = c.statement_operand(s, percent(rate, None));
    let subject = |_: &Checker<'_>| match form {
        RateForm::ShareOfSum => {
            format!("{}占{}（按其两部分之和）的比重", subject(kind, s), of)
        }
        _ => format!("{}占{}的比重", subject(kind, s), of),
    };
    c.rate_identity(
        RuleCode::N003,
        StatedRate {
            rate,
            a: part,
            b: whole,
            form,
        },
        subject,
        Some(s),
    );
}

/// N003 where the whole is not printed and has more parts than two: the whole is at least the
/// part and the other parts stated beside it, so the share is at most the part over that sum
/// (`项目支出762.91万元，占99.98%` beside 基本支出 3.69: at most 99.52%).
fn share_at_most<'a>(
    c: &mut Checker<'a>,
    ix: &Statements<'a>,
    index: usize,
    s: &Statement,
    part: &Operand<'a>,
    whole: &Concept,
) {
    let StatedValue::Share { rate, .. } = s.value else {
        return;
    };
    let kind = c.disclosure.entity.kind;
    // Only a part of the whole's partition is disjoint from the others.
    let Some(parts) = c.parts_of(whole).filter(|parts| parts.contains(&s.concept)) else {
        return;
    };
    let others: Vec<Operand<'a>> = parts
        .iter()
        .filter(|p| *p != &s.concept)
        .filter_map(|p| current_amount(c, ix, index, p, ix.about(p)))
        .collect();
    if others.is_empty() {
        return;
    }
    let low = |o: &Operand<'_>| o.value.value().checked_sub(o.value.half_unit());
    let high = |o: &Operand<'_>| o.value.value().checked_add(o.value.half_unit());
    let Some(others_low) = others.iter().try_fold(Decimal::ZERO, |sum, o| {
        sum.checked_add(low(o)?.max(Decimal::ZERO))
    }) else {
        return;
    };
    let (Some(part_high), rate) = (high(part), Printed::from(rate)) else {
        return;
    };
    let Some(at_least) = part_high
        .checked_add(others_low)
        .filter(|w| *w > Decimal::ZERO)
    else {
        return;
    };
    let Some(most) = part_high
        .checked_mul(Decimal::ONE_HUNDRED)
        .and_then(|x| x.checked_div(at_least))
    else {
        return;
    };
    let Some(rate_low) = rate.value().checked_sub(rate.half_unit()) else {
        return;
    };
    if rate_low <= most {
        return;
    }
    let me = statement_ref(s);
    let mut involves = vec![me.clone(), part.figure.to_ref()];
    involves.extend(others.iter().map(|o| o.figure.to_ref()));
    let most = most.round_dp(2);
    c.push(NewFinding {
        rule: RuleCode::N003,
        kind: FindingKind::Violation,
        at: Some(me),
        involves,
        context: Some(s),
        comparison: Comparison::of(rate.value(), most, rate.half_unit(), FigureUnit::Percent),
        message: format!(
            "{}占{whole}的比重：公布 {}%，但{whole}至少是它与文中所列其他部分之和（约 {}），\
             比重至多约为 {most}%",
            subject(kind, s),
            rate.value(),
            checked_sum(
                std::iter::once(part.value.value()).chain(others.iter().map(|o| o.value.value()))
            )
            .unwrap_or_default()
            .normalize()
        ),
    });
}

/// The amount of the other part of `whole` when `whole` is exactly `part` and one other
/// concept ([`parts_of`]), stated for the report year.
fn other_part<'a>(
    c: &Checker<'a>,
    ix: &Statements<'a>,
    index: usize,
    part: &Concept,
    whole: &Concept,
) -> Option<Operand<'a>> {
    let parts = c.parts_of(whole)?;
    let [a, b] = parts else {
        return None;
    };
    let other = if a == part {
        b
    } else if b == part {
        a
    } else {
        return None;
    };
    current_amount(c, ix, index, other, ix.about(other))
}
