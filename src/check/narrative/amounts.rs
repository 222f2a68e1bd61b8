//! The rules on an amount stated in the text:
//!
//! - N001: it equals the table's figure;
//! - N002: it equals the same figure stated earlier;
//! - N011: in another unit than the document's, it does not vanish in its tables.

use std::borrow::Cow;

use crate::report::{Concept, StatedValue, Statement};

use crate::check::engine::{Checker, Operand, SumWords, statement_ref};
use crate::check::finding::show;
use crate::check::registry::RuleCode;
use crate::check::statements::{ClaimKind, Statements, ValueKind, Years};

use super::{amount_of, subject, table_operand, write_subject};

/// N001: an amount stated in the text equals the table's figure.
pub(super) fn against_tables(
    c: &mut Checker<'_>,
    ix: &Statements<'_>,
    index: usize,
    s: &Statement,
) {
    let kind = c.disclosure.entity.kind;
    // An explicit claim that the statement prints a cell says which cell: it is checked there.
    if s.year.is_some() || ix.is_claimed(ClaimKind::Same, index) {
        return;
    }
    let Some(cell) = table_operand(c, &s.concept) else {
        return;
    };
    let Some(stated) = amount_of(c, s) else {
        return;
    };
    let words = |_: &Checker<'_>, out: &mut String| {
        write_subject(kind, s, out);
        SumWords {
            left: "文中数",
            right: Cow::Borrowed("表中数"),
            single: Some("文中数字与表中同一数字必须相等"),
        }
    };
    one_figure(c, RuleCode::N001, stated, cell, words, Some(s));
}

/// N002: the same concept stated earlier with another amount. A [`Concept::Other`] is what
/// the reader could only describe in the text's words: two such descriptions that read alike
/// may still be different things, so they are never compared.
pub(super) fn against_earlier(
    c: &mut Checker<'_>,
    ix: &Statements<'_>,
    index: usize,
    s: &Statement,
) {
    let kind = c.disclosure.entity.kind;
    if matches!(s.concept, Concept::Other(_)) {
        return;
    }
    // The first amount of its concept and year, when it comes before (a search, not a scan of
    // the concept's statements).
    let Some(group) = ix.group_of(index) else {
        return;
    };
    let Some(first_at) = ix
        .first_of(group, ValueKind::Amount, Years::Of(s.year))
        .filter(|&first| first < index)
    else {
        return;
    };
    let earlier = &ix.all[first_at];
    let Some(stated) = amount_of(c, s) else {
        return;
    };
    let Some(first) = amount_of(c, earlier) else {
        return;
    };
    if stated.value.value() == first.value.value()
        || differ_by_the_carry_over(c, ix, s, &stated, &first)
    {
        return;
    }
    // `公务接待费…决算为1.53万元`, then `公务接待费支出决算0万元` three times: when every later
    // statement agrees with the others and not with the first, the first is the odd one out,
    // and the one finding is at it.
    let (mut restated, mut agreeing, mut first_later) = (0, true, None);
    for at in ix
        .all_of(group, ValueKind::Amount, Years::Of(s.year))
        .filter(|&at| at > first_at)
    {
        restated += 1;
        first_later.get_or_insert(at);
        agreeing &=
            amount_of(c, &ix.all[at]).is_some_and(|o| o.value.value() == stated.value.value());
    }
    if restated >= 2 && agreeing {
        if first_later == Some(index) {
            let words = |_: &Checker<'_>, out: &mut String| {
                write_subject(kind, earlier, out);
                SumWords {
                    left: "此处陈述",
                    right: Cow::Owned(format!(
                        "后文（{}）等 {restated} 处一致陈述",
                        s.location.section
                    )),
                    single: Some("同一数字前后必须一致"),
                }
            };
            one_figure(c, RuleCode::N002, first, stated, words, Some(earlier));
        }
        return;
    }
    let words = |_: &Checker<'_>, out: &mut String| {
        write_subject(kind, s, out);
        SumWords {
            left: "此处陈述",
            right: Cow::Owned(format!("前文（{}）陈述", earlier.location.section)),
            single: Some("同一数字前后必须一致"),
        }
    };
    one_figure(c, RuleCode::N002, stated, first, words, Some(s));
}

/// Whether two statements of a fund's income differ by exactly the balance the text says was
/// carried in (`一般公共预算拨款478.66万元，…上年结转收入18.96万元`, then in the 财政拨款
/// section `一般公共预算财政拨款收入497.62万元`): the later one counts the carry-over in, as a
/// fund's 收支 are often stated, which no concept stands for. No contradiction can be told.
fn differ_by_the_carry_over(
    c: &Checker<'_>,
    ix: &Statements<'_>,
    s: &Statement,
    stated: &Operand<'_>,
    first: &Operand<'_>,
) -> bool {
    let Concept::Income(source) = &s.concept else {
        return false;
    };
    if source.fund_type().is_none() {
        return false;
    }
    let difference = (stated.value.value() - first.value.value()).abs();
    ix.at(ix.about(&Concept::OpeningBalance))
        .filter(|o| o.year == s.year)
        .filter_map(|o| amount_of(c, o))
        .any(|carried| carried.value.value() == difference)
}

/// One figure against another (`a = b`). Equal printed values hold before anything else is
/// looked at (the identity's own first test: `0 + a = 0 + b` in `Decimal` is exact), so they
/// skip building it.
pub(super) fn one_figure<'s, 'w>(
    c: &mut Checker<'_>,
    code: RuleCode,
    a: Operand<'s>,
    b: Operand<'s>,
    words: impl FnOnce(&Checker<'_>, &mut String) -> SumWords<'w>,
    context: Option<&Statement>,
) {
    if a.value.value() != b.value.value() {
        c.sum_identity(code, &[a], &[b], words, context);
    }
}

/// N011: an amount in another unit than the document's that would vanish in its tables.
pub(super) fn unit_slip(c: &mut Checker<'_>, s: &Statement) {
    let kind = c.disclosure.entity.kind;
    let StatedValue::Amount(amount) = &s.value else {
        return;
    };
    if amount.unit() == c.currency() || amount.value().is_zero() {
        return;
    }
    let Some(printed) = c.in_currency(*amount) else {
        return;
    };
    // Past 27 decimals the half unit is below every nonzero `Decimal`: nothing vanishes.
    let Some(smallest) = crate::precision::half_unit_of(c.disclosure.amount_decimals) else {
        return;
    };
    if printed.value().abs() < smallest {
        let figure = statement_ref(s);
        c.plain(
            RuleCode::N011,
            Some(figure.clone()),
            vec![figure],
            Some(s),
            format!(
                "{}：写作“{amount}”，折合 {} {}，小于表中最小单位，疑似把“{}”写成了“{}”",
                subject(kind, s),
                show(printed.value()),
                c.currency(),
                c.currency(),
                amount.unit()
            ),
        );
    }
}
