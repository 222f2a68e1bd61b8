//! The rule on counts:
//!
//! - N009: the same count stated twice agrees; vehicles by type and by use add up to their
//!   totals; the 三公 section's vehicles are some of those the 国有资产 section holds.

use rust_decimal::Decimal;

use crate::report::{Concept, Countable, StatedValue, Statement, VehicleType, VehicleUse};

use crate::check::engine::{Checker, Operand, statement_ref};
use crate::check::finding::show;
use crate::check::registry::RuleCode;
use crate::check::statements::Statements;

use super::sums::{parts_within, total_and_parts};
use super::{amount_of, subject};

/// N009: the same count stated twice must agree exactly.
pub(super) fn same_count(c: &mut Checker<'_>, ix: &Statements<'_>, index: usize, s: &Statement) {
    let kind = c.disclosure.entity.kind;
    let StatedValue::Count(n) = s.value else {
        return;
    };
    // Counts the reader could only describe in the text's words (`实有人数` of 行政编制 and of
    // 事业编制) may be of different things however alike the words read (as for N002).
    if matches!(s.concept, Concept::Other(_)) {
        return;
    }
    let earlier = ix
        .group_of(index)
        .and_then(|group| ix.earlier_other_count(index, group, s.year, n))
        .map(|position| &ix.all[position]);
    if let Some(earlier) = earlier {
        let (a, b) = (statement_ref(earlier), statement_ref(s));
        let StatedValue::Count(m) = earlier.value else {
            return;
        };
        c.plain(
            RuleCode::N009,
            Some(b.clone()),
            vec![a, b],
            Some(s),
            format!(
                "{}：此处为 {n}，前文（{}）为 {m}，同一数量必须一致",
                subject(kind, s),
                earlier.location.section
            ),
        );
    }
}

pub(super) fn count_sum(
    c: &mut Checker<'_>,
    total: &Operand,
    parts: &[Operand],
    subject: impl FnOnce() -> String,
    context: Option<&Statement>,
) {
    let sum: Decimal = parts.iter().map(|o| o.value.value()).sum();
    if total.value.value() != sum {
        let involves = [total.figure.to_ref()]
            .into_iter()
            .chain(parts.iter().map(|o| o.figure.to_ref()))
            .collect();
        c.plain(
            RuleCode::N009,
            Some(total.figure.to_ref()),
            involves,
            context,
            format!(
                "{}：合计 {}，分项之和 {}，计数必须精确相等",
                subject(),
                show(total.value.value()),
                show(sum)
            ),
        );
    }
}

/// The first count statement of the report year among `about`.
fn first_count<'a>(ix: &Statements<'a>, about: &[u32]) -> Option<&'a Statement> {
    ix.at(about)
        .find(|s| s.year.is_none() && matches!(s.value, StatedValue::Count(_)))
}

/// The first count statement of the report year about `what`.
fn count<'a>(ix: &Statements<'a>, what: Countable) -> Option<&'a Statement> {
    first_count(ix, ix.about(&Concept::Count(what)))
}

/// N009 without explicit claims: vehicles by type and by use add up to their totals, and the
/// 三公 section's count is at most the 国有资产 section's.
pub(super) fn inferred_counts<'a>(c: &mut Checker<'a>, ix: &Statements<'a>, claimed: &[u32]) {
    let kind = c.disclosure.entity.kind;
    let mut stated: Vec<&'a Statement> = Vec::new();
    let mut group =
        |c: &mut Checker<'a>, total: Countable, parts: &mut dyn Iterator<Item = Countable>| {
            let Some(group) = ix.group_about(&Concept::Count(total)) else {
                return;
            };
            if claimed.contains(&group) {
                return;
            }
            let Some(total_statement) = first_count(ix, ix.group(group)) else {
                return;
            };
            stated.clear();
            let mut all = 0;
            stated.extend(parts.inspect(|_| all += 1).filter_map(|p| count(ix, p)));
            if stated.is_empty() {
                return;
            }
            let Some((t, p)) = total_and_parts(c, total_statement, &stated) else {
                return;
            };
            let subject = || subject(kind, total_statement);
            // `共有公务用车40辆，其中：轿车3辆`: a listing of some of the kinds is no claim
            // that the others are none; only every kind stated must add up.
            if stated.len() == all {
                count_sum(c, &t, &p, subject, Some(total_statement));
            } else {
                parts_within(c, &t, &p, Some(total_statement), subject);
            }
        };
    for f in [Countable::VehiclesHeld, Countable::VehiclesPurchased] {
        group(
            c,
            f(None),
            &mut VehicleType::ALL.iter().map(|t| f(Some(*t))),
        );
    }
    group(
        c,
        Countable::VehiclesByUse(None),
        &mut VehicleUse::ALL
            .iter()
            .map(|u| Countable::VehiclesByUse(Some(*u))),
    );
    if let (Some(held), Some(by_use)) = (
        count(ix, Countable::VehiclesHeld(None)),
        count(ix, Countable::VehiclesByUse(None)),
    ) && let (Some(a), Some(b)) = (amount_of(c, held), amount_of(c, by_use))
    {
        // The 三公 section counts the vehicles run on 财政拨款, the 国有资产 section every
        // vehicle held: the first are some of the second, not necessarily all.
        parts_within(c, &b, &[a], Some(held), || {
            "国有资产部分的车辆数与“三公”部分开支财政拨款的公务用车数".to_owned()
        });
    }
}
