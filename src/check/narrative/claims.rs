//! The arithmetic claims the document makes explicitly ([`Claim`]), each checked by the rule of
//! its kind:
//!
//! - N002: two printings of one quantity agree;
//! - N003, N005: a ratio (a share, or a completion rate);
//! - N004: a growth rate and a change (N012 where last year's figure is zero);
//! - N008: a sum, or parts listed within a total (其中); N009: counts that add up;
//! - N010: 大于/小于/持平 comparing an actual amount with its budget.

use std::borrow::Cow;

use crate::report::{Claim, Direction, FigureRef, StatedValue, Statement};

use crate::check::engine::{Checker, Operand, RateForm, StatedRate, SumWords};
use crate::check::finding::show;
use crate::check::registry::RuleCode;
use crate::check::statements::Statements;

use super::amounts::one_figure;
use super::completion::unspent_share_hint;
use super::counts::count_sum;
use super::growth::{PriorYear, zero_base};
use super::sums::parts_within;
use super::{actual_word, amount_of, percent, rate_amounts, subject, write_subject};

/// A claim's figure: the statement it names (none for a cell) and its value as an operand.
#[derive(Clone, Copy)]
struct Resolved<'a> {
    statement: Option<&'a Statement>,
    operand: Option<Operand<'a>>,
}

/// Resolves a claim's figure once: its statement (the context of a finding) and operand.
fn resolve<'a>(c: &Checker<'a>, ix: &Statements<'a>, figure: &FigureRef) -> Resolved<'a> {
    match figure {
        FigureRef::Statement(_) => {
            let statement = ix.by_ref(figure);
            let operand = statement.and_then(|s| match &s.value {
                StatedValue::Share { rate, .. } | StatedValue::Completion { rate } => {
                    Some(c.statement_operand(s, percent(*rate, None)))
                }
                StatedValue::Growth { rate, direction } => {
                    Some(c.statement_operand(s, percent(*rate, Some(*direction))))
                }
                _ => amount_of(c, s),
            });
            Resolved { statement, operand }
        }
        FigureRef::Cell { table, row, column } => Resolved {
            statement: None,
            operand: c.cell_of(*table, row, *column),
        },
    }
}

fn operand<'a>(c: &Checker<'a>, ix: &Statements<'a>, figure: &FigureRef) -> Option<Operand<'a>> {
    resolve(c, ix, figure).operand
}

/// Two figures a rate compares: as the claim resolved them (a cell's, or amounts the currency
/// holds), or, for two statements, [`rate_amounts`].
fn shared_or_held<'a>(
    c: &Checker<'a>,
    (a, b): (Resolved<'a>, Resolved<'a>),
) -> Option<(Operand<'a>, Operand<'a>)> {
    match (a.operand, b.operand) {
        (Some(a), Some(b)) => Some((a, b)),
        _ => rate_amounts(c, a.statement?, b.statement?),
    }
}

fn label(ix: &Statements<'_>, figure: &FigureRef) -> String {
    let mut label = String::new();
    write_label(ix, figure, &mut label);
    label
}

/// [`label`], written into `out`.
fn write_label(ix: &Statements<'_>, figure: &FigureRef, out: &mut String) {
    match ix.by_ref(figure) {
        Some(s) => {
            write_subject(ix.kind, s, out);
            if matches!(s.value, StatedValue::Budget(_)) {
                out.push_str("预算数");
            }
        }
        None => out.push_str(&super::finding::describe(figure)),
    }
}

/// Claims the document makes explicitly.
pub(super) fn explicit_claim<'a>(c: &mut Checker<'a>, ix: &Statements<'a>, claim: &Claim) {
    match claim {
        Claim::Ratio { rate, part, whole } => {
            let rate = resolve(c, ix, rate);
            let context = rate.statement;
            let (part_figure, whole_figure) = (resolve(c, ix, part), resolve(c, ix, whole));
            let (Some(r), Some((p, w))) =
                (rate.operand, shared_or_held(c, (part_figure, whole_figure)))
            else {
                return;
            };
            let is_completion = matches!(
                context.map(|s| &s.value),
                Some(StatedValue::Completion { .. })
            );
            let (code, what) = if is_completion {
                (RuleCode::N005, "完成率")
            } else {
                (RuleCode::N003, "比重")
            };
            let slip = if is_completion {
                unspent_share_hint(&r, &p, &w)
            } else {
                ""
            };
            let subject = |_: &Checker<'_>| {
                format!("{}占{}的{what}{slip}", label(ix, part), label(ix, whole))
            };
            c.rate_identity(
                code,
                StatedRate {
                    rate: r,
                    a: p,
                    b: w,
                    form: RateForm::Ratio,
                },
                subject,
                context,
            );
        }
        Claim::Growth {
            rate,
            change,
            current,
            prior,
        } => {
            let get = |f: &Option<FigureRef>| f.as_ref().map(|f| resolve(c, ix, f));
            let (rate, change) = (get(rate), get(change));
            // The rate's statement; the change's when no rate is named.
            let context = match (&rate, &change) {
                (Some(rate), _) => rate.statement,
                (None, change) => change.as_ref().and_then(|change| change.statement),
            };
            let operand = |figure: Option<Resolved<'a>>| figure.and_then(|f| f.operand);
            let current = get(current);
            let (ch, cur) = match change.zip(current) {
                Some(pair) => shared_or_held(c, pair).unzip(),
                None => (operand(change), operand(current)),
            };
            let (r, pri) = (operand(rate), operand(get(prior)));
            let subject = move |_: &Checker<'_>| {
                format!(
                    "{}的增长率",
                    context.map(|s| subject(ix.kind, s)).unwrap_or_default()
                )
            };
            let against_zero = match (context, &ch, &cur, &pri) {
                (Some(s), Some(ch), Some(cur), _) => zero_base(
                    c,
                    s,
                    PriorYear::Implied {
                        current: cur,
                        change: ch,
                    },
                ),
                (Some(s), None, Some(cur), Some(pri)) => zero_base(
                    c,
                    s,
                    PriorYear::Printed {
                        current: cur,
                        prior: pri,
                    },
                ),
                _ => false,
            };
            match (&r, &ch, &cur, &pri) {
                _ if against_zero => {}
                (Some(r), Some(ch), Some(cur), _) => {
                    c.rate_identity(
                        RuleCode::N004,
                        StatedRate {
                            rate: *r,
                            a: *ch,
                            b: *cur,
                            form: RateForm::Growth,
                        },
                        subject,
                        context,
                    );
                }
                (Some(r), None, Some(cur), Some(pri)) => {
                    c.rate_identity(
                        RuleCode::N004,
                        StatedRate {
                            rate: *r,
                            a: *cur,
                            b: *pri,
                            form: RateForm::GrowthFromPrior,
                        },
                        subject,
                        context,
                    );
                }
                _ => {}
            }
            if let (Some(ch), Some(cur), Some(pri)) = (ch, cur, pri) {
                let words = |c: &Checker<'_>, out: &mut String| {
                    out.push_str(&subject(c));
                    SumWords {
                        left: "本年数",
                        right: Cow::Borrowed("上年数与增减额之和"),
                        single: None,
                    }
                };
                c.sum_identity(RuleCode::N004, &[cur], &[pri, ch], words, context);
            }
        }
        Claim::Sum {
            total,
            parts,
            minus,
        } => {
            let total_figure = resolve(c, ix, total);
            let context = total_figure.statement;
            let (Some(t), Some(p), Some(m)) =
                (total_figure.operand, all(c, ix, parts), all(c, ix, minus))
            else {
                return;
            };
            let words = |_: &Checker<'_>, out: &mut String| {
                write_label(ix, total, out);
                SumWords {
                    left: "合计",
                    right: Cow::Borrowed("所列分项之和"),
                    single: None,
                }
            };
            let mut left = m;
            left.insert(0, t);
            c.sum_identity(RuleCode::N008, &left, &p, words, context);
        }
        Claim::SubsetSum { total, parts } => {
            let total_figure = resolve(c, ix, total);
            let (Some(t), Some(p)) = (total_figure.operand, all(c, ix, parts)) else {
                return;
            };
            parts_within(c, &t, &p, total_figure.statement, || label(ix, total));
        }
        Claim::CountSum { total, parts } => {
            let total_figure = resolve(c, ix, total);
            let (Some(t), Some(p)) = (total_figure.operand, all(c, ix, parts)) else {
                return;
            };
            count_sum(c, &t, &p, || label(ix, total), total_figure.statement);
        }
        Claim::Same { a, b } => {
            let (x, y) = (resolve(c, ix, a), resolve(c, ix, b));
            let context = x.statement.or(y.statement);
            let (Some(x), Some(y)) = (x.operand, y.operand) else {
                return;
            };
            let words = |_: &Checker<'_>, out: &mut String| {
                write_label(ix, a, out);
                SumWords {
                    left: "此处",
                    right: Cow::Owned(format!("{}处", super::finding::describe(b))),
                    single: Some("同一数字前后必须一致"),
                }
            };
            one_figure(c, RuleCode::N002, x, y, words, context);
        }
        Claim::Compare {
            actual,
            budget,
            stated,
        } => {
            let actual_figure = resolve(c, ix, actual);
            let (Some(a), Some(b)) = (actual_figure.operand, operand(c, ix, budget)) else {
                return;
            };
            let Some(difference) = a.value.value().checked_sub(b.value.value()) else {
                return;
            };
            let implied = Direction::of_change(difference);
            if implied != *stated {
                let context = actual_figure.statement;
                c.plain(
                    RuleCode::N010,
                    Some(a.figure.to_ref()),
                    vec![a.figure.to_ref(), b.figure.to_ref()],
                    context,
                    format!(
                        "{}：{} {}，预算数 {}，文中却说“{stated}”",
                        label(ix, actual),
                        actual_word(c),
                        show(a.value.value()),
                        show(b.value.value())
                    ),
                );
            }
        }
    }
}

fn all<'a>(
    c: &Checker<'a>,
    ix: &Statements<'a>,
    figures: &[FigureRef],
) -> Option<Vec<Operand<'a>>> {
    figures.iter().map(|f| operand(c, ix, f)).collect()
}
