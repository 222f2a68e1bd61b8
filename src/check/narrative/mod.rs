//! Rules over what the narrative states (N001–N011): stated figures against the tables and
//! against each other, shares, changes, growth and completion rates, direction words, counts.

use std::borrow::Cow;

use rust_decimal::Decimal;

use crate::classification::{Catalog, FunctionCode, Level};
use crate::dimensions::FundType;
use crate::money::Percent;
use crate::precision::{Consistency, Printed, RateCheck, check_rate, rate_is_rounded};
use crate::report::{
    Claim, Column, Concept, Countable, Direction, DisclosureKind, FigureRef, StatedValue,
    Statement, TableKind, VehicleType, VehicleUse,
};
use crate::vocabulary::{cells_of, partitions, parts_of};

use super::engine::{Checker, NewFinding, Operand, RateForm, StatedRate, SumWords, statement_ref};
use super::finding::{Comparison, FigureUnit};
use super::finding::{FindingKind, show};
use super::registry::RuleCode;
use super::relations::checked_sum;
use super::statements::{ClaimKind, Statements, ValueKind, Years};

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

/// A concept's name in the disclosure's own words: what final accounts call 年初结转和结余 is a
/// budget's 上年结转 (a budget has no 年初 balance of its own year), and a 功能分类 line is
/// named with its code (`一般公共服务支出（201）`) when the embedded catalog knows it.
pub(super) fn concept_name(kind: DisclosureKind, concept: &Concept) -> Cow<'static, str> {
    let line_name = |code: FunctionCode| {
        let name = Catalog::embedded().name(code)?;
        Some(format!("{name}（{code}）"))
    };
    let named_line = match concept {
        Concept::FunctionExpenditure(code) => line_name(*code).map(|n| format!("支出·{n}")),
        Concept::FundFunctionExpenditure { fund, code } => {
            line_name(*code).map(|n| format!("{fund}财政拨款支出·{n}"))
        }
        _ => None,
    };
    match concept {
        Concept::OpeningBalance if kind.is_budget() => Cow::Borrowed("上年结转"),
        _ => Cow::Owned(named_line.unwrap_or_else(|| concept.to_string())),
    }
}

/// N001: an amount stated in the text equals the table's figure.
fn against_tables(c: &mut Checker<'_>, ix: &Statements<'_>, index: usize, s: &Statement) {
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
fn against_earlier(c: &mut Checker<'_>, ix: &Statements<'_>, index: usize, s: &Statement) {
    let kind = c.disclosure.entity.kind;
    if matches!(s.concept, Concept::Other(_)) {
        return;
    }
    // The first amount of its concept and year, when it comes before (a search, not a scan of
    // the concept's statements).
    let earlier = ix
        .group_of(index)
        .and_then(|group| ix.first_of(group, ValueKind::Amount, Years::Of(s.year)))
        .filter(|&first| first < index)
        .map(|first| &ix.all[first]);
    let Some(earlier) = earlier else {
        return;
    };
    let Some(stated) = amount_of(c, s) else {
        return;
    };
    let Some(first) = amount_of(c, earlier) else {
        return;
    };
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

/// One figure against another (`a = b`). Equal printed values hold before anything else is
/// looked at (the identity's own first test: `0 + a = 0 + b` in `Decimal` is exact), so they
/// skip building it.
fn one_figure<'s, 'w>(
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
fn unit_slip(c: &mut Checker<'_>, s: &Statement) {
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
    let group = ix.group_of_positions(candidates)?;
    ix.nearest_of(index, group, kind, years)
        .map(|position| &ix.all[position])
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

/// N003: 占X% against the part and the whole.
fn share<'a>(
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
    let Some(part) = current_amount(c, ix, index, &s.concept, own) else {
        return;
    };
    // A whole that is not printed is its parts together, when the part is one of two.
    let (whole, form) = match current_amount(c, ix, index, of, ix.about(of)) {
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
    let Some(parts) = parts_of(whole).filter(|parts| parts.contains(&s.concept)) else {
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
    let parts = parts_of(whole)?;
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

/// What a change and its rate are against: last year's figure, or the year's own budget in
/// final accounts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Against {
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
fn growth<'a>(
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
    let change = ix
        .group_of_positions(own)
        .and_then(|group| ix.nearest_of(index, group, change_kind, Years::Of(s.year)))
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
    let (Some(change), Some(current)) = (
        change.and_then(|e| amount_of(c, e)),
        current_amount(c, ix, index, &s.concept, own),
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
        // A budget of 0 gives no rate; whether one was stated is N007's matter.
        Against::OwnBudget => current
            .value
            .value()
            .checked_sub(change.value.value())
            .is_none_or(|budget| budget.is_zero()),
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
fn change_against_base<'a>(
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
fn completion<'a>(
    c: &mut Checker<'a>,
    ix: &Statements<'a>,
    index: usize,
    s: &Statement,
    rate: Percent,
) {
    let kind = c.disclosure.entity.kind;
    let own = ix.same_concept(index);
    let Some(budget) = budget_of(c, ix, index, &s.concept, own) else {
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
    let Some(actual) = current_amount(c, ix, index, &s.concept, own) else {
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
fn unspent_share_hint(
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
fn budget_comparison<'a>(
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

/// N009: the same count stated twice must agree exactly.
fn same_count(c: &mut Checker<'_>, ix: &Statements<'_>, index: usize, s: &Statement) {
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

/// A claim's figure: the statement it names (none for a cell) and its value as an operand.
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
fn explicit_claim<'a>(c: &mut Checker<'a>, ix: &Statements<'a>, claim: &Claim) {
    match claim {
        Claim::Ratio { rate, part, whole } => {
            let rate = resolve(c, ix, rate);
            let context = rate.statement;
            let (Some(r), Some(p), Some(w)) =
                (rate.operand, operand(c, ix, part), operand(c, ix, whole))
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
            let (r, ch) = (operand(rate), operand(change));
            let (cur, pri) = (operand(get(current)), operand(get(prior)));
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

/// N008 (N009 for counts): parts that are some of a total's add up to no more than it, within
/// the rounding of each (counts are exact).
fn parts_within(
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

fn count_sum(
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
fn inferred_sums<'a>(c: &mut Checker<'a>, ix: &Statements<'a>, claimed: &[u32]) {
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
        stated.extend(
            parts
                .iter()
                .filter_map(|part| first_amount(ix, ix.about(part))),
        );
        if stated.len() == parts.len() && stated.len() >= 2 {
            stated_sum(c, total, &stated);
        } else if stated.len() >= 2 {
            within(c, total, &stated);
        }
    };
    for partition in partitions() {
        listed(c, &partition.whole, &partition.parts);
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
fn total_and_parts<'a>(
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
fn inferred_counts<'a>(c: &mut Checker<'a>, ix: &Statements<'a>, claimed: &[u32]) {
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

/// Last year's figure, as a growth rate's check knows it.
enum PriorYear<'o, 'a> {
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

/// N012: a growth rate `s` stated when last year's figure is zero, so that no rate exists.
/// Returns whether it found one (the rate is then not checked as a number).
fn zero_base(c: &mut Checker<'_>, s: &Statement, prior: PriorYear<'_, '_>) -> bool {
    let kind = c.disclosure.entity.kind;
    let StatedValue::Growth { .. } = s.value else {
        return false;
    };
    // A decrease of 0 is printed −0 by `Decimal`: say 0.
    let shown = |d: Decimal| if d.is_zero() { Decimal::ZERO } else { d };
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
