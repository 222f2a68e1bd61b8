//! Rules over what the narrative states (N001–N011): stated figures against the tables and
//! against each other, shares, changes, growth and completion rates, direction words, counts.

use rust_decimal::Decimal;

use crate::classification::Level;
use crate::dimensions::{BasicExpenditureClass, ExpenditureKind, FundType, IncomeSource};
use crate::money::Percent;
use crate::precision::Printed;
use crate::report::{
    Claim, Column, Concept, Countable, Direction, FigureRef, Line, ProcurementLine, RowKey,
    StatedValue, Statement, TableKind, VehicleType, VehicleUse,
};
use crate::three_public::ThreePublicCategory;

use super::engine::{Checker, ClaimKind, Operand, RateForm, SumWords, statement_ref};
use super::finding::show;

pub(crate) fn run(c: &mut Checker<'_>) {
    let statements = &c.disclosure.statements;
    for (index, s) in statements.iter().enumerate() {
        match &s.value {
            StatedValue::Amount(_) => {
                against_tables(c, s);
                against_earlier(c, index, s);
                unit_slip(c, s);
            }
            StatedValue::Share { rate, of } => share(c, index, s, *rate, of),
            StatedValue::Growth { rate, direction } => growth(c, index, s, *rate, *direction),
            StatedValue::Change { .. } => change_against_prior(c, index, s),
            StatedValue::Completion { rate } => completion(c, index, s, *rate),
            StatedValue::BudgetComparison(word) => budget_comparison(c, index, s, *word),
            StatedValue::Count(_) => same_count(c, index, s),
            StatedValue::Budget(_) | StatedValue::Score(_) => {}
        }
    }
    for claim in &c.disclosure.claims {
        explicit_claim(c, claim);
    }
    inferred_sums(c);
    inferred_counts(c);
}

/// The statement's amount in the document's currency.
fn amount_of<'s>(c: &Checker<'_>, s: &'s Statement) -> Option<Operand<'s>> {
    match &s.value {
        StatedValue::Amount(a) | StatedValue::Budget(a) => {
            Some(c.statement_operand(s, c.in_currency(*a)?))
        }
        StatedValue::Change { amount, direction } => {
            let printed = c.in_currency(*amount)?;
            let signed =
                Printed::new(direction.signed(printed.value()), printed.decimals()).ok()?;
            Some(c.statement_operand(s, signed))
        }
        StatedValue::Count(n) => Some(c.statement_operand(s, Printed::as_shown(Decimal::from(*n)))),
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

/// Where a concept's figure is printed in the tables (first match wins).
fn cells_for(concept: &Concept) -> Vec<(TableKind, RowKey, Column)> {
    use TableKind as K;
    let line = RowKey::Line;
    let total = || line(Line::Total);
    match concept {
        Concept::IncomeGrandTotal => {
            vec![(K::Summary, line(Line::IncomeGrandTotal), Column::Amount)]
        }
        Concept::ExpenditureGrandTotal => {
            vec![(
                K::Summary,
                line(Line::ExpenditureGrandTotal),
                Column::Amount,
            )]
        }
        Concept::CurrentIncomeTotal => vec![
            (K::Summary, line(Line::CurrentIncomeTotal), Column::Amount),
            (K::Income, total(), Column::Total),
        ],
        Concept::CurrentExpenditureTotal => vec![
            (
                K::Summary,
                line(Line::CurrentExpenditureTotal),
                Column::Amount,
            ),
            (K::Expenditure, total(), Column::Total),
        ],
        Concept::Income(source) => vec![
            (K::Summary, RowKey::Income(*source), Column::Amount),
            (K::Income, total(), Column::of_income_source(*source)),
        ],
        Concept::Expenditure(kind) => {
            vec![(K::Expenditure, total(), Column::of_expenditure_kind(*kind))]
        }
        Concept::OpeningBalance => vec![(K::Summary, line(Line::OpeningBalance), Column::Amount)],
        Concept::ClosingBalance => vec![(K::Summary, line(Line::ClosingBalance), Column::Amount)],
        Concept::AppropriationIncomeGrandTotal => {
            vec![(
                K::AppropriationSummary,
                line(Line::IncomeGrandTotal),
                Column::Amount,
            )]
        }
        Concept::AppropriationExpenditureGrandTotal => {
            vec![(
                K::AppropriationSummary,
                line(Line::ExpenditureGrandTotal),
                Column::Total,
            )]
        }
        Concept::FundExpenditure(FundType::GeneralPublicBudget) => vec![
            (K::GeneralBudgetExpenditure, total(), Column::Total),
            (
                K::AppropriationSummary,
                line(Line::CurrentExpenditureTotal),
                Column::GeneralBudget,
            ),
        ],
        Concept::FundFunctionExpenditure {
            fund: FundType::GeneralPublicBudget,
            code,
        } => {
            vec![(
                K::GeneralBudgetExpenditure,
                RowKey::Function(*code),
                Column::Total,
            )]
        }
        Concept::FundBasicExpenditure(FundType::GeneralPublicBudget) => {
            vec![(K::GeneralBudgetExpenditure, total(), Column::Basic)]
        }
        Concept::FundProjectExpenditure(FundType::GeneralPublicBudget) => {
            vec![(K::GeneralBudgetExpenditure, total(), Column::Project)]
        }
        Concept::FundBasicClass {
            fund: FundType::GeneralPublicBudget,
            class,
        } => {
            let total_line = match class {
                BasicExpenditureClass::Personnel => Line::PersonnelTotal,
                BasicExpenditureClass::Public => Line::PublicTotal,
            };
            vec![(K::BasicExpenditure, line(total_line), Column::Amount)]
        }
        Concept::ThreePublicTotal => vec![(K::ThreePublic, total(), Column::Amount)],
        Concept::ThreePublicCategory(cat) => {
            vec![(
                K::ThreePublic,
                RowKey::ThreePublicCategory(*cat),
                Column::Amount,
            )]
        }
        Concept::ThreePublicItem(item) => {
            vec![(
                K::ThreePublic,
                RowKey::ThreePublicItem(*item),
                Column::Amount,
            )]
        }
        _ => Vec::new(),
    }
}

fn table_operand<'a>(c: &Checker<'a>, concept: &Concept) -> Option<Operand<'a>> {
    cells_for(concept)
        .into_iter()
        .find_map(|(kind, row, column)| c.cell_of(kind, &row, column))
}

fn subject(s: &Statement) -> String {
    s.concept.to_string()
}

/// N001: an amount stated in the text equals the table's figure.
fn against_tables(c: &mut Checker<'_>, s: &Statement) {
    // An explicit claim that the statement prints a cell says which cell: it is checked there.
    if s.year.is_some() || c.is_claimed(ClaimKind::Same, s) {
        return;
    }
    let (Some(stated), Some(cell)) = (amount_of(c, s), table_operand(c, &s.concept)) else {
        return;
    };
    let words = |_: &Checker<'_>| SumWords {
        subject: subject(s),
        left: "文中数",
        right: "表中数".to_owned(),
        single: Some("文中数字与表中同一数字必须相等".to_owned()),
    };
    c.sum_identity("N001", &[stated], &[cell], words, Some(s));
}

/// N002: the same concept stated earlier with another amount.
fn against_earlier(c: &mut Checker<'_>, index: usize, s: &Statement) {
    let earlier = c
        .about(&s.concept)
        .take_while(|(i, _)| *i < index)
        .map(|(_, e)| e)
        .find(|e| e.year == s.year && matches!(e.value, StatedValue::Amount(_)));
    let (Some(earlier), Some(stated)) = (earlier, amount_of(c, s)) else {
        return;
    };
    let Some(first) = amount_of(c, earlier) else {
        return;
    };
    let words = |_: &Checker<'_>| SumWords {
        subject: subject(s),
        left: "此处陈述",
        right: format!("前文（{}）陈述", earlier.location.section),
        single: Some("同一数字前后必须一致".to_owned()),
    };
    c.sum_identity("N002", &[stated], &[first], words, Some(s));
}

/// N011: an amount in another unit than the document's that would vanish in its tables.
fn unit_slip(c: &mut Checker<'_>, s: &Statement) {
    let StatedValue::Amount(amount) = &s.value else {
        return;
    };
    if amount.unit() == c.currency() || amount.value().is_zero() {
        return;
    }
    let Some(printed) = c.in_currency(*amount) else {
        return;
    };
    let smallest = Printed::as_shown(Decimal::new(5, c.disclosure.amount_decimals + 1)).value();
    if printed.value().abs() < smallest {
        let figure = statement_ref(s);
        c.plain(
            "N011",
            Some(figure.clone()),
            vec![figure],
            Some(s),
            format!(
                "{}：写作“{amount}”，折合 {} {}，小于表中最小单位，疑似把“{}”写成了“{}”",
                subject(s),
                show(printed.value()),
                c.currency(),
                c.currency(),
                amount.unit()
            ),
        );
    }
}

/// The nearest statement about `concept` before `index` (else after it) in the same section
/// that satisfies `wanted`; then the first anywhere in the document.
fn nearest<'a>(
    c: &Checker<'a>,
    index: usize,
    concept: &Concept,
    wanted: impl Fn(&Statement) -> bool,
) -> Option<&'a Statement> {
    let statements: &'a [Statement] = &c.disclosure.statements;
    let candidates = c.positions_about(concept)?;
    let section = &statements.get(index)?.location.section;
    let ok = |i: usize| statements.get(i).is_some_and(&wanted);
    let same = |i: usize| {
        statements
            .get(i)
            .is_some_and(|s| &s.location.section == section)
            && ok(i)
    };
    let split = candidates.partition_point(|&i| i < index);
    let (before, after) = candidates.split_at(split);
    before
        .iter()
        .rev()
        .copied()
        .find(|&i| same(i))
        .or_else(|| after.iter().copied().find(|&i| i != index && same(i)))
        .or_else(|| candidates.iter().copied().find(|&i| ok(i)))
        .and_then(|i| statements.get(i))
}

fn is_amount_of(concept: &Concept, year: Option<u16>) -> impl Fn(&Statement) -> bool + '_ {
    move |s| &s.concept == concept && s.year == year && matches!(s.value, StatedValue::Amount(_))
}

/// The current amount of a concept: a statement nearby, else the table.
fn current_amount<'a>(c: &Checker<'a>, index: usize, concept: &Concept) -> Option<Operand<'a>> {
    nearest(c, index, concept, is_amount_of(concept, None))
        .and_then(|s| amount_of(c, s))
        .or_else(|| table_operand(c, concept))
}

/// N003: 占X% against the part and the whole.
fn share(c: &mut Checker<'_>, index: usize, s: &Statement, rate: Percent, of: &Concept) {
    if has_explicit_ratio(c, s) {
        return;
    }
    let (Some(part), Some(whole)) = (
        current_amount(c, index, &s.concept),
        current_amount(c, index, of),
    ) else {
        return;
    };
    let rate = c.statement_operand(s, percent(rate, None));
    let subject = |_: &Checker<'_>| format!("{}占{}的比重", subject(s), of);
    c.rate_identity(
        "N003",
        &rate,
        &part,
        &whole,
        RateForm::Ratio,
        subject,
        Some(s),
    );
}

fn has_explicit_ratio(c: &Checker<'_>, s: &Statement) -> bool {
    c.is_claimed(ClaimKind::Ratio, s)
}

/// N004/N006: a growth rate against the change and the current amount; the direction words
/// of the change and the rate agree.
fn growth(c: &mut Checker<'_>, index: usize, s: &Statement, rate: Percent, direction: Direction) {
    let change = nearest(c, index, &s.concept, |e| {
        e.year == s.year && matches!(e.value, StatedValue::Change { .. })
    })
    .filter(|e| e.location.section == s.location.section);
    if let Some(change) = change
        && let StatedValue::Change {
            direction: word, ..
        } = change.value
        && direction_conflict(word, direction)
    {
        let (a, b) = (statement_ref(change), statement_ref(s));
        c.plain(
            "N006",
            Some(b.clone()),
            vec![a, b],
            Some(s),
            format!(
                "{}：增减额用“{word}”，增长率却用“{direction}”，方向矛盾",
                subject(s)
            ),
        );
    }
    if direction == Direction::Flat && !rate.points().is_zero() {
        let me = statement_ref(s);
        c.plain(
            "N006",
            Some(me.clone()),
            vec![me],
            Some(s),
            format!("{}：写“持平”，增长率却为 {rate}", subject(s)),
        );
    }
    if has_explicit_growth(c, s) {
        return;
    }
    let (Some(change), Some(current)) = (
        change.and_then(|e| amount_of(c, e)),
        current_amount(c, index, &s.concept),
    ) else {
        return;
    };
    let rate = c.statement_operand(s, percent(rate, Some(direction)));
    let subject = |_: &Checker<'_>| format!("{}的增长率", subject(s));
    c.rate_identity(
        "N004",
        &rate,
        &change,
        &current,
        RateForm::Growth,
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

fn has_explicit_growth(c: &Checker<'_>, s: &Statement) -> bool {
    c.is_claimed(ClaimKind::Growth, s)
}

/// N004: a stated change against a stated prior-year amount (this − prior).
fn change_against_prior(c: &mut Checker<'_>, index: usize, s: &Statement) {
    let prior_year = c.disclosure.entity.year.checked_sub(1);
    let prior = nearest(c, index, &s.concept, is_amount_of(&s.concept, prior_year));
    let (Some(prior), Some(change), Some(current)) = (
        prior.and_then(|p| amount_of(c, p)),
        amount_of(c, s),
        current_amount(c, index, &s.concept),
    ) else {
        return;
    };
    let words = |_: &Checker<'_>| SumWords {
        subject: subject(s),
        left: "本年数",
        right: "上年数与增减额之和".to_owned(),
        single: None,
    };
    c.sum_identity("N004", &[current], &[prior, change], words, Some(s));
}

/// The budget of a concept: a stated budget nearby, else a budget column of the tables.
fn budget_of<'a>(c: &Checker<'a>, index: usize, concept: &Concept) -> Option<Operand<'a>> {
    nearest(c, index, concept, |e| {
        matches!(e.value, StatedValue::Budget(_))
    })
    .and_then(|e| amount_of(c, e))
    .or_else(|| {
        // A blank cell of a printed row reads as 0; a 全年预算数 column that is not printed at
        // all must not make every budget 0, so it is taken only where a cell is printed.
        cells_for(concept).into_iter().find_map(|(kind, row, _)| {
            let adjusted_printed = c
                .disclosure
                .table(kind)
                .and_then(|t| t.cell(&row, Column::AdjustedBudget))
                .is_some();
            adjusted_printed
                .then(|| c.cell_of(kind, &row, Column::AdjustedBudget))
                .flatten()
                .or_else(|| c.cell_of(kind, &row, Column::Budget))
        })
    })
    .or_else(|| three_public_budget(c, index, concept))
}

/// The budget of a 三公 line from any 三公 table (a separate budget table such as T7B
/// included), else a zero inferred from its parent: budgets are never negative, so when the
/// 三公 total (or a category) is budgeted at 0, so is every part of it. Nothing else is
/// inferred (a completion rate of the total does not fix the categories' budgets).
fn three_public_budget<'a>(
    c: &Checker<'a>,
    index: usize,
    concept: &Concept,
) -> Option<Operand<'a>> {
    let (row, parents) = match concept {
        Concept::ThreePublicTotal => (RowKey::Line(Line::Total), vec![]),
        Concept::ThreePublicCategory(category) => (
            RowKey::ThreePublicCategory(*category),
            vec![Concept::ThreePublicTotal],
        ),
        Concept::ThreePublicItem(item) => (
            RowKey::ThreePublicItem(*item),
            vec![Concept::ThreePublicCategory(item.category())],
        ),
        _ => return None,
    };
    let printed = c
        .disclosure
        .tables
        .iter()
        .filter(|t| t.kind == TableKind::ThreePublic)
        .find_map(|table| {
            [Column::AdjustedBudget, Column::Budget]
                .into_iter()
                .find(|column| table.cell(&row, *column).is_some())
                .and_then(|column| c.cell(table, &row, column))
        });
    printed.or_else(|| {
        parents
            .iter()
            .filter_map(|parent| budget_of(c, index, parent))
            .find(|budget| budget.value.value().is_zero())
    })
}

/// N005/N007: a completion rate against actual and budget; none may be stated for a zero budget.
fn completion(c: &mut Checker<'_>, index: usize, s: &Statement, rate: Percent) {
    let Some(budget) = budget_of(c, index, &s.concept) else {
        return;
    };
    let me = statement_ref(s);
    if budget.value.value().is_zero() {
        c.plain(
            "N007",
            Some(me.clone()),
            vec![me, budget.figure.to_ref()],
            Some(s),
            format!(
                "{}：预算数为 0，完成率没有意义，却写作“完成预算{rate}”；应写“—”或说明未安排预算",
                subject(s)
            ),
        );
        return;
    }
    if has_explicit_ratio(c, s) {
        return;
    }
    let Some(actual) = current_amount(c, index, &s.concept) else {
        return;
    };
    let rate = c.statement_operand(s, percent(rate, None));
    let subject = |_: &Checker<'_>| format!("{}的预算完成率", subject(s));
    c.rate_identity(
        "N005",
        &rate,
        &actual,
        &budget,
        RateForm::Ratio,
        subject,
        Some(s),
    );
}

/// N010: 持平/大于/小于预算 against the completion rate or the budget.
fn budget_comparison(c: &mut Checker<'_>, index: usize, s: &Statement, word: Direction) {
    let rate = nearest(c, index, &s.concept, |e| {
        matches!(e.value, StatedValue::Completion { .. })
    });
    let implied = match rate.map(|e| &e.value) {
        Some(StatedValue::Completion { rate }) => {
            Some(Direction::of_change(rate.points() - Decimal::ONE_HUNDRED))
        }
        _ => match (
            budget_of(c, index, &s.concept),
            current_amount(c, index, &s.concept),
        ) {
            (Some(budget), Some(actual)) => Some(Direction::of_change(
                actual.value.value() - budget.value.value(),
            )),
            _ => None,
        },
    };
    if let Some(implied) = implied.filter(|d| *d != word) {
        let me = statement_ref(s);
        c.plain(
            "N010",
            Some(me.clone()),
            vec![me],
            Some(s),
            format!(
                "{}：文中说决算数与预算数相比“{word}”，但按所列数字应为“{implied}”",
                subject(s)
            ),
        );
    }
}

/// N009: the same count stated twice must agree exactly.
fn same_count(c: &mut Checker<'_>, index: usize, s: &Statement) {
    let StatedValue::Count(n) = s.value else {
        return;
    };
    let earlier = c
        .about(&s.concept)
        .take_while(|(i, _)| *i < index)
        .map(|(_, e)| e)
        .find(|e| e.year == s.year && matches!(e.value, StatedValue::Count(m) if m != n));
    if let Some(earlier) = earlier {
        let (a, b) = (statement_ref(earlier), statement_ref(s));
        let StatedValue::Count(m) = earlier.value else {
            return;
        };
        c.plain(
            "N009",
            Some(b.clone()),
            vec![a, b],
            Some(s),
            format!(
                "{}：此处为 {n}，前文（{}）为 {m}，同一数量必须一致",
                subject(s),
                earlier.location.section
            ),
        );
    }
}

fn resolve<'a>(c: &Checker<'a>, figure: &FigureRef) -> Option<Operand<'a>> {
    match figure {
        FigureRef::Statement(_) => {
            let s = statement_by_ref(c, figure)?;
            match &s.value {
                StatedValue::Share { rate, .. } | StatedValue::Completion { rate } => {
                    Some(c.statement_operand(s, percent(*rate, None)))
                }
                StatedValue::Growth { rate, direction } => {
                    Some(c.statement_operand(s, percent(*rate, Some(*direction))))
                }
                _ => amount_of(c, s),
            }
        }
        FigureRef::Cell { table, row, column } => c.cell_of(*table, row, *column),
    }
}

fn statement_by_ref<'a>(c: &Checker<'a>, figure: &FigureRef) -> Option<&'a Statement> {
    match figure {
        FigureRef::Statement(id) => c
            .by_id
            .get(id.as_str())
            .and_then(|&i| c.disclosure.statements.get(i)),
        FigureRef::Cell { .. } => None,
    }
}

fn label(c: &Checker<'_>, figure: &FigureRef) -> String {
    match statement_by_ref(c, figure) {
        Some(s) if matches!(s.value, StatedValue::Budget(_)) => format!("{}预算数", subject(s)),
        Some(s) => subject(s),
        None => super::finding::describe(figure),
    }
}

/// Claims the document makes explicitly.
fn explicit_claim(c: &mut Checker<'_>, claim: &Claim) {
    match claim {
        Claim::Ratio { rate, part, whole } => {
            let context = statement_by_ref(c, rate);
            let (Some(r), Some(p), Some(w)) =
                (resolve(c, rate), resolve(c, part), resolve(c, whole))
            else {
                return;
            };
            let is_completion = matches!(
                context.map(|s| &s.value),
                Some(StatedValue::Completion { .. })
            );
            let (code, what) = if is_completion {
                ("N005", "完成率")
            } else {
                ("N003", "比重")
            };
            let subject =
                |c: &Checker<'_>| format!("{}占{}的{what}", label(c, part), label(c, whole));
            c.rate_identity(code, &r, &p, &w, RateForm::Ratio, subject, context);
        }
        Claim::Growth {
            rate,
            change,
            current,
            prior,
        } => {
            let context = rate
                .as_ref()
                .or(change.as_ref())
                .and_then(|f| statement_by_ref(c, f));
            let get = |f: &Option<FigureRef>| f.as_ref().and_then(|f| resolve(c, f));
            let (r, ch, cur, pri) = (get(rate), get(change), get(current), get(prior));
            let subject = move |_: &Checker<'_>| {
                format!("{}的增长率", context.map(subject).unwrap_or_default())
            };
            match (&r, &ch, &cur, &pri) {
                (Some(r), Some(ch), Some(cur), _) => {
                    c.rate_identity("N004", r, ch, cur, RateForm::Growth, subject, context);
                }
                (Some(r), None, Some(cur), Some(pri)) => {
                    c.rate_identity(
                        "N004",
                        r,
                        cur,
                        pri,
                        RateForm::GrowthFromPrior,
                        subject,
                        context,
                    );
                }
                _ => {}
            }
            if let (Some(ch), Some(cur), Some(pri)) = (ch, cur, pri) {
                let words = |c: &Checker<'_>| SumWords {
                    subject: subject(c),
                    left: "本年数",
                    right: "上年数与增减额之和".to_owned(),
                    single: None,
                };
                c.sum_identity("N004", &[cur], &[pri, ch], words, context);
            }
        }
        Claim::Sum {
            total,
            parts,
            minus,
        } => {
            let context = statement_by_ref(c, total);
            let (Some(t), Some(p), Some(m)) = (resolve(c, total), all(c, parts), all(c, minus))
            else {
                return;
            };
            let words = |c: &Checker<'_>| SumWords {
                subject: label(c, total),
                left: "合计",
                right: "所列分项之和".to_owned(),
                single: None,
            };
            c.sum_identity(
                "N008",
                &[t].into_iter().chain(m).collect::<Vec<_>>(),
                &p,
                words,
                context,
            );
        }
        Claim::SubsetSum { total, parts } => {
            let (Some(t), Some(p)) = (resolve(c, total), all(c, parts)) else {
                return;
            };
            let sum: Decimal = p.iter().map(|o| o.value.value()).sum();
            let allowance: Decimal = p.iter().chain([&t]).map(|o| o.value.half_unit()).sum();
            if t.value.value() + allowance < sum {
                let context = statement_by_ref(c, total);
                let involves = [t.figure.to_ref()]
                    .into_iter()
                    .chain(p.iter().map(|o| o.figure.to_ref()))
                    .collect();
                c.plain(
                    "N008",
                    Some(t.figure.to_ref()),
                    involves,
                    context,
                    format!(
                        "{}：合计 {}，其中所列分项之和 {} 已超过合计",
                        label(c, total),
                        show(t.value.value()),
                        show(sum)
                    ),
                );
            }
        }
        Claim::CountSum { total, parts } => {
            let (Some(t), Some(p)) = (resolve(c, total), all(c, parts)) else {
                return;
            };
            count_sum(c, &t, &p, &label(c, total), statement_by_ref(c, total));
        }
        Claim::Same { a, b } => {
            let (Some(x), Some(y)) = (resolve(c, a), resolve(c, b)) else {
                return;
            };
            let context = statement_by_ref(c, a).or_else(|| statement_by_ref(c, b));
            let words = |c: &Checker<'_>| SumWords {
                subject: label(c, a),
                left: "此处",
                right: format!("{}处", super::finding::describe(b)),
                single: Some("同一数字前后必须一致".to_owned()),
            };
            c.sum_identity("N002", &[x], &[y], words, context);
        }
        Claim::Compare {
            actual,
            budget,
            stated,
        } => {
            let (Some(a), Some(b)) = (resolve(c, actual), resolve(c, budget)) else {
                return;
            };
            let implied = Direction::of_change(a.value.value() - b.value.value());
            if implied != *stated {
                let context = statement_by_ref(c, actual);
                c.plain(
                    "N010",
                    Some(a.figure.to_ref()),
                    vec![a.figure.to_ref(), b.figure.to_ref()],
                    context,
                    format!(
                        "{}：决算数 {}，预算数 {}，文中却说“{stated}”",
                        label(c, actual),
                        show(a.value.value()),
                        show(b.value.value())
                    ),
                );
            }
        }
    }
}

fn all<'a>(c: &Checker<'a>, figures: &[FigureRef]) -> Option<Vec<Operand<'a>>> {
    figures.iter().map(|f| resolve(c, f)).collect()
}

fn count_sum(
    c: &mut Checker<'_>,
    total: &Operand,
    parts: &[Operand],
    subject: &str,
    context: Option<&Statement>,
) {
    let sum: Decimal = parts.iter().map(|o| o.value.value()).sum();
    if total.value.value() != sum {
        let involves = [total.figure.to_ref()]
            .into_iter()
            .chain(parts.iter().map(|o| o.figure.to_ref()))
            .collect();
        c.plain(
            "N009",
            Some(total.figure.to_ref()),
            involves,
            context,
            format!(
                "{subject}：合计 {}，分项之和 {}，计数必须精确相等",
                show(total.value.value()),
                show(sum)
            ),
        );
    }
}

/// The concepts whose totals the document's own sum claims cover.
fn claimed_totals(c: &Checker<'_>) -> Vec<Concept> {
    c.disclosure
        .claims
        .iter()
        .filter_map(|claim| match claim {
            Claim::Sum { total, .. }
            | Claim::SubsetSum { total, .. }
            | Claim::CountSum { total, .. } => {
                statement_by_ref(c, total).map(|s| s.concept.clone())
            }
            _ => None,
        })
        .collect()
}

/// The first amount statement of the report year about `concept`.
fn first_amount<'a>(c: &Checker<'a>, concept: &Concept) -> Option<&'a Statement> {
    let wanted = is_amount_of(concept, None);
    c.about(concept).map(|(_, s)| s).find(|s| wanted(s))
}

/// N008 without explicit claims: totals the model knows against the parts stated.
fn inferred_sums(c: &mut Checker<'_>) {
    // Where the document claims a sum itself, its claim says what adds up: no guessing on top.
    let mut done = claimed_totals(c);
    let gpb = FundType::GeneralPublicBudget;
    let mut groups: Vec<(Concept, Vec<Concept>)> = vec![
        (
            Concept::CurrentIncomeTotal,
            IncomeSource::ALL
                .iter()
                .map(|s| Concept::Income(*s))
                .collect(),
        ),
        (
            Concept::CurrentExpenditureTotal,
            ExpenditureKind::ALL
                .iter()
                .map(|k| Concept::Expenditure(*k))
                .collect(),
        ),
        (
            Concept::FundBasicExpenditure(gpb),
            BasicExpenditureClass::ALL
                .iter()
                .map(|class| Concept::FundBasicClass {
                    fund: gpb,
                    class: *class,
                })
                .collect(),
        ),
        (
            Concept::ThreePublicTotal,
            ThreePublicCategory::ALL
                .iter()
                .map(|k| Concept::ThreePublicCategory(*k))
                .collect(),
        ),
        (
            Concept::Procurement(ProcurementLine::Total),
            [
                ProcurementLine::Goods,
                ProcurementLine::Works,
                ProcurementLine::Services,
            ]
            .iter()
            .map(|l| Concept::Procurement(*l))
            .collect(),
        ),
        (
            Concept::ExpenditureGrandTotal,
            vec![
                Concept::CurrentExpenditureTotal,
                Concept::BalanceDistribution,
                Concept::ClosingBalance,
            ],
        ),
        (
            Concept::IncomeGrandTotal,
            vec![
                Concept::CurrentIncomeTotal,
                Concept::UseOfNonAppropriationBalance,
                Concept::OpeningBalance,
            ],
        ),
    ];
    for category in ThreePublicCategory::ALL {
        if category.items().len() > 1 {
            groups.push((
                Concept::ThreePublicCategory(*category),
                category
                    .items()
                    .iter()
                    .map(|i| Concept::ThreePublicItem(*i))
                    .collect(),
            ));
        }
    }
    // 一般公共预算财政拨款支出: the total against its 类, and each 类/款 against its children.
    let functions: Vec<(crate::classification::FunctionCode, Concept)> = c
        .disclosure
        .statements
        .iter()
        .filter_map(|s| match &s.concept {
            Concept::FundFunctionExpenditure { fund, code } if *fund == gpb && s.year.is_none() => {
                Some((*code, s.concept.clone()))
            }
            _ => None,
        })
        .collect();
    let leis: Vec<Concept> = functions
        .iter()
        .filter(|(code, _)| code.level() == Level::Lei)
        .map(|(_, concept)| concept.clone())
        .collect();
    groups.push((Concept::FundExpenditure(gpb), dedup(leis)));
    for (parent, parent_concept) in &functions {
        let descendants: Vec<_> = functions
            .iter()
            .filter(|(child, _)| parent.is_ancestor_of(*child))
            .collect();
        let nearest = descendants.iter().map(|(child, _)| child.level()).min();
        let children = descendants
            .iter()
            .filter(|(child, _)| Some(child.level()) == nearest)
            .map(|(_, concept)| concept.clone())
            .collect();
        groups.push((parent_concept.clone(), dedup(children)));
    }
    for (total, parts) in groups {
        if done.contains(&total) {
            continue;
        }
        done.push(total.clone());
        let Some(total_statement) = first_amount(c, &total) else {
            continue;
        };
        let stated: Vec<&Statement> = parts.iter().filter_map(|p| first_amount(c, p)).collect();
        // A total with fewer than two stated parts is a listing, not a sum — except a single
        // child of the hierarchy, which must equal its parent.
        let hierarchy = matches!(total, Concept::FundFunctionExpenditure { .. });
        if stated.is_empty() || (stated.len() < 2 && !hierarchy) {
            continue;
        }
        let Some((t, p)) = total_and_parts(c, total_statement, &stated) else {
            continue;
        };
        let words = match &total {
            Concept::FundFunctionExpenditure { code, .. } => {
                let child = stated
                    .first()
                    .and_then(|s| match &s.concept {
                        Concept::FundFunctionExpenditure { code: child, .. } => Some(child.level()),
                        _ => None,
                    })
                    .unwrap_or(code.level());
                SumWords {
                    subject: subject(total_statement),
                    left: super::tables::level_total(code.level()),
                    right: format!("所属{child}合计"),
                    single: Some(format!("只有一个{child}时二者必须相等")),
                }
            }
            _ => SumWords {
                subject: subject(total_statement),
                left: "合计",
                right: "文中所列分项之和".to_owned(),
                single: None,
            },
        };
        c.sum_identity(
            "N008",
            &[t],
            &p,
            |_: &Checker<'_>| words,
            Some(total_statement),
        );
    }
}

fn dedup(mut concepts: Vec<Concept>) -> Vec<Concept> {
    let mut seen = Vec::new();
    concepts.retain(|c| {
        let new = !seen.contains(c);
        if new {
            seen.push(c.clone());
        }
        new
    });
    concepts
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

/// The first count statement of the report year about `what`.
fn count<'a>(c: &Checker<'a>, what: Countable) -> Option<&'a Statement> {
    c.about(&Concept::Count(what))
        .map(|(_, s)| s)
        .find(|s| s.year.is_none() && matches!(s.value, StatedValue::Count(_)))
}

/// N009 without explicit claims: vehicles by type and by use add up to their totals, and the
/// 三公 section's count equals the 国有资产 section's.
fn inferred_counts(c: &mut Checker<'_>) {
    let claimed = claimed_totals(c);
    let by_type = |f: fn(Option<VehicleType>) -> Countable| {
        (
            f(None),
            VehicleType::ALL
                .iter()
                .map(|t| f(Some(*t)))
                .collect::<Vec<_>>(),
        )
    };
    let groups = [
        by_type(Countable::VehiclesHeld),
        by_type(Countable::VehiclesPurchased),
        (
            Countable::VehiclesByUse(None),
            VehicleUse::ALL
                .iter()
                .map(|u| Countable::VehiclesByUse(Some(*u)))
                .collect(),
        ),
    ];
    for (total, parts) in groups {
        if claimed.contains(&Concept::Count(total)) {
            continue;
        }
        let Some(total_statement) = count(c, total) else {
            continue;
        };
        let stated: Vec<&Statement> = parts.iter().filter_map(|p| count(c, *p)).collect();
        if stated.is_empty() {
            continue;
        }
        let Some((t, p)) = total_and_parts(c, total_statement, &stated) else {
            continue;
        };
        count_sum(c, &t, &p, &subject(total_statement), Some(total_statement));
    }
    if let (Some(held), Some(by_use)) = (
        count(c, Countable::VehiclesHeld(None)),
        count(c, Countable::VehiclesByUse(None)),
    ) && let (Some(a), Some(b)) = (amount_of(c, held), amount_of(c, by_use))
    {
        count_sum(
            c,
            &a,
            &[b],
            "“三公”部分的公用车辆数与国有资产部分的车辆数",
            Some(held),
        );
    }
}
