//! Rules over relations among several statements at once: the shares of one whole taken
//! together (N014).

use rust_decimal::Decimal;

use crate::precision::{Consistency, Interval, Printed, RoundingMode};
use crate::report::{Concept, StatedValue, Statement};
use crate::vocabulary::parts_of;

use super::engine::{Checker, statement_ref};
use super::finding::FindingKind;

pub(crate) fn run(c: &mut Checker<'_>) {
    shares_total(c);
}

/// The shares stated in one section, for one year, of the parts of one whole.
struct Shares<'a> {
    whole: &'a Concept,
    year: Option<u16>,
    section: &'a str,
    /// One share per part, in document order (a part stated twice keeps its first share).
    shares: Vec<(&'a Statement, Printed)>,
}

/// N014: the shares of the parts of one whole cannot add up to more than 100%, and when every
/// part of the whole has its share they add up to 100% (within what rounding each allows).
fn shares_total(c: &mut Checker<'_>) {
    let mut groups: Vec<Shares<'_>> = Vec::new();
    for s in &c.disclosure.statements {
        let StatedValue::Share { rate, of } = &s.value else {
            continue;
        };
        if !parts_of(of).is_some_and(|parts| parts.contains(&s.concept)) {
            continue;
        }
        let section = s.location.section.as_str();
        let at = groups
            .iter()
            .position(|g| g.whole == of && g.year == s.year && g.section == section);
        let at = at.unwrap_or_else(|| {
            groups.push(Shares {
                whole: of,
                year: s.year,
                section,
                shares: Vec::new(),
            });
            groups.len() - 1
        });
        let group = &mut groups[at];
        if !group.shares.iter().any(|(e, _)| e.concept == s.concept) {
            group.shares.push((s, Printed::from(*rate)));
        }
    }
    for group in groups.iter().filter(|g| g.shares.len() >= 2) {
        let complete = parts_of(group.whole).is_some_and(|parts| parts.len() == group.shares.len());
        let sum_under = |mode| {
            group.shares.iter().try_fold(
                Interval {
                    lo: Decimal::ZERO,
                    hi: Decimal::ZERO,
                    lo_closed: true,
                    hi_closed: true,
                },
                |sum, (_, rate)| sum.checked_add(&rate.preimage(mode)).ok(),
            )
        };
        let holds = |sum: Interval| {
            if complete {
                sum.contains(Decimal::ONE_HUNDRED)
            } else {
                sum.lo < Decimal::ONE_HUNDRED || (sum.lo == Decimal::ONE_HUNDRED && sum.lo_closed)
            }
        };
        let (Some(half_up), Some(truncated)) = (
            sum_under(RoundingMode::HalfUp),
            sum_under(RoundingMode::Truncate),
        ) else {
            continue;
        };
        let verdict = if holds(half_up) {
            Consistency::Consistent
        } else if holds(truncated) {
            Consistency::TruncationOnly
        } else {
            Consistency::Inconsistent
        };
        let Some(kind) = FindingKind::of(verdict, true) else {
            continue;
        };
        let stated: Decimal = group.shares.iter().map(|(_, r)| r.value()).sum();
        let allowance: Decimal = group.shares.iter().map(|(_, r)| r.half_unit()).sum();
        let mut listing = String::new();
        for (k, (s, rate)) in group.shares.iter().enumerate() {
            if k > 0 {
                listing.push_str(" + ");
            }
            listing.push_str(&format!("{} {}%", s.concept, rate.value()));
        }
        let should = if complete {
            "各组成部分齐全，占比之和应为 100%"
        } else {
            "各部分互不重叠，占比之和不能超过 100%"
        };
        let truncation = if kind == FindingKind::Truncation {
            "；只有按截尾而非四舍五入取数才说得通"
        } else {
            ""
        };
        let message = format!(
            "{}的各部分占比之和为 {stated}%（{listing}），{should}{truncation}",
            group.whole
        );
        let (last, _) = group.shares[group.shares.len() - 1];
        let involves = group.shares.iter().map(|(s, _)| statement_ref(s)).collect();
        c.push(
            "N014",
            kind,
            Some(statement_ref(last)),
            involves,
            Some(last),
            [
                Some(stated),
                Some(Decimal::ONE_HUNDRED),
                Some(stated - Decimal::ONE_HUNDRED),
                Some(allowance),
            ],
            message,
        );
    }
}
