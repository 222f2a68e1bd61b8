//! The rule on sums the statements imply:
//!
//! - N008: a total the model knows against all its parts stated (their sum) or some of them
//!   (within it), the 一般公共预算 功能分类 lines against their 类 and 款 included; N009 for
//!   counts listed within a total.

use std::borrow::Cow;

use rust_decimal::Decimal;

use crate::classification::{FunctionCode, Level};
use crate::dimensions::FundType;
use crate::report::{Concept, StatedValue, Statement};

use crate::check::engine::{Checker, Operand, SumWords};
use crate::check::finding::show;
use crate::check::registry::RuleCode;
use crate::check::relations::checked_sum;
use crate::check::statements::Statements;

use super::{amount_of, is_amount_in, subject, write_subject};

/// N008 (N009 for counts): parts that are some of a total's add up to no more than it, within
/// the rounding of each (counts are exact).
pub(super) fn parts_within(
    c: &mut Checker<'_>,
    total: &Operand,
    parts: &[Operand],
    context: Option<&Statement>,
    subject: impl FnOnce() -> String,
) {
    // Sums past what a `Decimal` holds decide nothing.
    let Some(sum) = checked_sum(parts.iter().map(|o| o.value.value())) else {
        return;
    };
    let counting = context.is_some_and(|s| matches!(s.value, StatedValue::Count(_)));
    let allowance = if counting {
        Some(Decimal::ZERO)
    } else {
        checked_sum(parts.iter().chain([total]).map(|o| o.value.half_unit()))
    };
    let Some(most) = allowance.and_then(|a| total.value.value().checked_add(a)) else {
        return;
    };
    if most < sum {
        let involves = [total.figure.to_ref()]
            .into_iter()
            .chain(parts.iter().map(|o| o.figure.to_ref()))
            .collect();
        c.plain(
            if counting {
                RuleCode::N009
            } else {
                RuleCode::N008
            },
            Some(total.figure.to_ref()),
            involves,
            context,
            format!(
                "{}：合计 {}，其中所列分项之和 {} 已超过合计",
                subject(),
                show(total.value.value()),
                show(sum)
            ),
        );
    }
}

/// The first amount statement of the report year among `about` (the positions of the
/// statements about one concept).
fn first_amount<'a>(ix: &Statements<'a>, about: &[u32]) -> Option<&'a Statement> {
    ix.at(about).find(|s| is_amount_in(None)(s))
}

/// A 一般公共预算 功能分类 code stated for the report year.
struct StatedCode<'a> {
    code: FunctionCode,
    /// Its strict ancestors (款, 类), nearest first.
    ancestors: [Option<FunctionCode>; 2],
    /// The concept group of its statements.
    group: u32,
    /// Its first amount statement.
    first_amount: Option<&'a Statement>,
}

/// The 一般公共预算 功能分类 codes the statements of the report year are about, in order of
/// first appearance.
fn stated_codes<'a>(ix: &Statements<'a>) -> Vec<StatedCode<'a>> {
    let mut codes: Vec<StatedCode<'a>> = Vec::new();
    // Each code's place in `codes`, by the concept group of its statements (one per code).
    let mut place: Vec<u32> = Vec::new();
    for (index, s) in ix.all.iter().enumerate() {
        let Concept::FundFunctionExpenditure { fund, code } = &s.concept else {
            continue;
        };
        if *fund != FundType::GeneralPublicBudget || s.year.is_some() {
            continue;
        }
        let amount = matches!(s.value, StatedValue::Amount(_)).then_some(s);
        let group = ix.group_of(index).unwrap_or(u32::MAX);
        match place.get(group as usize).filter(|&&at| at != u32::MAX) {
            Some(&at) => {
                let stated = &mut codes[at as usize];
                stated.first_amount = stated.first_amount.or(amount);
            }
            None => {
                let mut ancestors = code.ancestors();
                if let Some(slot) = group.checked_add(1) {
                    let slot = slot as usize;
                    if place.len() < slot {
                        place.resize(slot, u32::MAX);
                    }
                    place[slot - 1] = codes.len() as u32;
                }
                codes.push(StatedCode {
                    code: *code,
                    ancestors: [ancestors.next(), ancestors.next()],
                    group,
                    first_amount: amount,
                });
            }
        }
    }
    codes
}

/// N008 without explicit claims: totals the model knows against the parts stated.
pub(super) fn inferred_sums<'a>(c: &mut Checker<'a>, ix: &Statements<'a>, claimed: &[u32]) {
    // Where the document claims a sum itself, its claim says what adds up: no guessing on top.
    let gpb = FundType::GeneralPublicBudget;
    let total_of = |concept: &Concept| {
        let group = ix.group_about(concept)?;
        if claimed.contains(&group) {
            return None;
        }
        first_amount(ix, ix.group(group))
    };
    let mut stated: Vec<&'a Statement> = Vec::new();
    // Parts that may not be all of a total are only within it.
    let within = |c: &mut Checker<'a>, total: &'a Statement, parts: &[&'a Statement]| {
        if let Some((t, p)) = total_and_parts(c, total, parts) {
            parts_within(c, &t, &p, Some(total), || {
                subject(c.disclosure.entity.kind, total)
            });
        }
    };
    // A total with every part stated is their sum; with only some stated, the others are
    // unknown (not nothing), so the stated ones are only within it. One stated part is a
    // listing, not a sum.
    let mut listed = |c: &mut Checker<'a>, total: &Concept, parts: &[Concept]| {
        let Some(total) = total_of(total) else {
            return;
        };
        stated.clear();
        // A part not stated is its own parts where every one of them is (三公经费's vehicles
        // category as 公务用车购置费 and 公务用车运行维护费): the whole is still all stated.
        let mut complete = true;
        for part in parts {
            if let Some(amount) = first_amount(ix, ix.about(part)) {
                stated.push(amount);
                continue;
            }
            let before = stated.len();
            let own = c.parts_of(part).unwrap_or_default();
            stated.extend(own.iter().filter_map(|own| first_amount(ix, ix.about(own))));
            complete &= !own.is_empty() && stated.len() - before == own.len();
        }
        if complete && stated.len() >= 2 {
            stated_sum(c, total, &stated);
        } else if stated.len() >= 2 {
            within(c, total, &stated);
        }
    };
    for (whole, parts) in c.partitions() {
        listed(c, whole, parts);
    }
    // 一般公共预算财政拨款支出: the total against its 类, and each 类/款 against its children.
    // The lines a text happens to state are some of the lines, not all (a 类 with one 项
    // mentioned may have others): stated without a listing that claims them whole, they are
    // only within their total.
    let codes = stated_codes(ix);
    if let Some(total) = total_of(&Concept::FundExpenditure(gpb)) {
        stated.clear();
        stated.extend(
            codes
                .iter()
                .filter(|stated| stated.code.level() == Level::Lei)
                .filter_map(|stated| stated.first_amount),
        );
        if stated.len() >= 2 {
            within(c, total, &stated);
        }
    }
    // Each code's children (stated codes it is an ancestor of) as `(ancestor, child's place)`
    // sorted, so in order of first appearance for each ancestor, and the claimed groups
    // sorted: a search per code, not a scan of every code.
    let mut children: Vec<(u32, u32)> = codes
        .iter()
        .zip(0_u32..)
        .flat_map(|(child, at)| {
            child
                .ancestors
                .iter()
                .flatten()
                .map(move |ancestor| (ancestor.as_u32(), at))
        })
        .collect();
    children.sort_unstable();
    let mut claimed = claimed.to_vec();
    claimed.sort_unstable();
    for parent in &codes {
        if claimed.binary_search(&parent.group).is_ok() {
            continue;
        }
        let Some(total) = parent.first_amount else {
            continue;
        };
        let code = parent.code.as_u32();
        let from = children.partition_point(|&(ancestor, _)| ancestor < code);
        let to = from + children[from..].partition_point(|&(ancestor, _)| ancestor == code);
        let children = children[from..to]
            .iter()
            .map(|&(_, at)| &codes[at as usize]);
        let nearest = children.clone().map(|child| child.code.level()).min();
        stated.clear();
        stated.extend(
            children
                .filter(|child| Some(child.code.level()) == nearest)
                .filter_map(|child| child.first_amount),
        );
        if !stated.is_empty() {
            within(c, total, &stated);
        }
    }
}

/// N008 of a stated total against all its parts, stated.
fn stated_sum<'a>(c: &mut Checker<'a>, total: &'a Statement, parts: &[&'a Statement]) {
    let kind = c.disclosure.entity.kind;
    let Some((t, p)) = total_and_parts(c, total, parts) else {
        return;
    };
    let words = |_: &Checker<'_>, out: &mut String| {
        write_subject(kind, total, out);
        SumWords {
            left: "合计",
            right: Cow::Borrowed("文中所列分项之和"),
            single: None,
        }
    };
    c.sum_identity(RuleCode::N008, &[t], &p, words, Some(total));
}

/// The operands of a stated total and its stated parts, or `None` when one is not an amount.
pub(super) fn total_and_parts<'a>(
    c: &Checker<'a>,
    total: &'a Statement,
    parts: &[&'a Statement],
) -> Option<(Operand<'a>, Vec<Operand<'a>>)> {
    let parts = parts
        .iter()
        .map(|s| amount_of(c, s))
        .collect::<Option<Vec<_>>>()?;
    Some((amount_of(c, total)?, parts))
}
