//! Rules over relations among several statements at once: a figure labelled with a year that
//! the text around it contradicts (N013), the shares of one whole taken together (N014), the
//! changes of the parts against the change of their whole (N015), completion rates of parts
//! whose budget the other parts' leave at zero (N016), words that contradict themselves (N017),
//! listings by 类 that fall short of their total (N018), the budgets of the parts against the
//! whole's (N019), the body's year against the title's (N020), the changes of the income and
//! expenditure grand totals that balance, and their changes (N025, N024).

use std::borrow::Cow;
use std::cell::RefCell;

use rust_decimal::Decimal;
use rustc_hash::FxHashMap;

use crate::precision::{Consistency, Interval, Printed, RoundingMode, half_unit_of};
use crate::report::{
    Claim, Column, Concept, Disclosure, FigureRef, StatedValue, Statement, WordingFlaw,
};
use crate::vocabulary::{Balance, balances, cells_of, parts_in, whole_of};

use super::engine::{Checker, NewFinding, SumWords, statement_ref};
use super::finding::FindingKind;
use super::finding::{Comparison, FigureUnit};
use super::narrative::concept_name;
use super::registry::RuleCode;
use super::statements::Statements;

/// The sum of `values`, `None` past what a `Decimal` holds (a hostile document's figures).
pub(crate) fn checked_sum(values: impl IntoIterator<Item = Decimal>) -> Option<Decimal> {
    values
        .into_iter()
        .try_fold(Decimal::ZERO, |sum, v| sum.checked_add(v))
}

pub(crate) fn run<'a>(c: &mut Checker<'a>, ix: &Statements<'a>) {
    let levels = Levels::default();
    shares_total(c, ix, &levels);
    changes_of_parts(c, ix, &levels);
    implied_zero_budgets(c, ix);
    wording(c);
    listings_of_classes(c, ix);
    report_year(c);
    grand_total_changes(c, ix);
}

/// N025 and N024 on the vocabulary's [`balances`]: the income and expenditure grand totals
/// balance every year (and so do 财政拨款's). The totals the text states for the year are equal
/// (N025: `收入总计1282.73万元，支出总计1282.37万元` cannot both hold); where they are stated
/// alike, the changes stated of them against last year are alike too (N024:
/// `收入总计1282.73万元，比上年增加39.39万元；支出总计1282.73万元，比上年增加130.95万元`).
///
/// A government's totals need not balance (what it carries into next year is no part of its
/// 支出总计), so neither rule reads a government's text.
fn grand_total_changes<'a>(c: &mut Checker<'a>, ix: &Statements<'a>) {
    let kind = c.disclosure.entity.kind;
    if kind.is_government() {
        return;
    }
    for Balance {
        income,
        expenditure,
    } in balances()
    {
        let (Some((income_at, income_level)), Some((expenditure_at, expenditure_level))) = (
            first_stated(c, ix, income, level_value),
            first_stated(c, ix, expenditure, level_value),
        ) else {
            continue;
        };
        if income_level.value() != expenditure_level.value() {
            let sides = (
                (income_at, income_level),
                (expenditure_at, expenditure_level),
            );
            let words = ["收入方", "支出方", "收支总计必须相等"];
            balance_identity(c, RuleCode::N025, (income, expenditure), sides, words);
            continue;
        }
        let (Some((income_at, income_change)), Some((expenditure_at, expenditure_change))) = (
            first_stated(c, ix, income, change_value),
            first_stated(c, ix, expenditure, change_value),
        ) else {
            continue;
        };
        let sides = (
            (income_at, income_change),
            (expenditure_at, expenditure_change),
        );
        let words = [
            "收入方较上年的增减额",
            "支出方较上年的增减额",
            "两者本年相等，上年也相等，增减额必须相等",
        ];
        balance_identity(c, RuleCode::N024, (income, expenditure), sides, words);
    }
}

/// `rule` on a balance's two sides as stated (each side's statement and figure), worded after
/// the two totals' names and `[left, right, single]`.
fn balance_identity<'a>(
    c: &mut Checker<'a>,
    rule: RuleCode,
    (income, expenditure): (&Concept, &Concept),
    ((income_at, income_figure), (expenditure_at, expenditure_figure)): (
        (&'a Statement, Printed),
        (&'a Statement, Printed),
    ),
    [left, right, single]: [&'static str; 3],
) {
    let kind = c.disclosure.entity.kind;
    let left_operand = c.statement_operand(income_at, income_figure);
    let right_operand = c.statement_operand(expenditure_at, expenditure_figure);
    let words = |_: &Checker<'_>, out: &mut String| {
        out.push_str(&concept_name(kind, income));
        out.push('与');
        out.push_str(&concept_name(kind, expenditure));
        SumWords {
            left,
            right: Cow::Borrowed(right),
            single: Some(single),
        }
    };
    c.sum_identity(
        rule,
        &[left_operand],
        &[right_operand],
        words,
        Some(expenditure_at),
    );
}

/// N020: the report's year as the text states it (the year its body speaks of) against the
/// year of the report (its title's).
fn report_year(c: &mut Checker<'_>) {
    let year = c.disclosure.entity.year;
    for s in &c.disclosure.statements {
        let (Concept::ReportYear, StatedValue::Count(stated)) = (&s.concept, &s.value) else {
            continue;
        };
        if *stated == u64::from(year) {
            continue;
        }
        let me = statement_ref(s);
        c.plain(
            RuleCode::N020,
            Some(me.clone()),
            vec![me],
            Some(s),
            format!(
                "报告年度为 {year} 年（标题），正文却以 {stated} 年为本年（“{}”）；标题或正文的年份有误",
                s.location.quote
            ),
        );
    }
}

/// N018: a `其中` listing of three or more 类 of the 功能分类 that falls short of its total by
/// more than rounding allows. A listing under `其中` need not be complete, so this is no error;
/// but a listing by 类 usually is the whole breakdown, and a shortfall means a 类 left out or a
/// figure wrong.
fn listings_of_classes(c: &mut Checker<'_>, ix: &Statements<'_>) {
    let is_class = |s: &Statement| match &s.concept {
        Concept::FunctionExpenditure(code) | Concept::FundFunctionExpenditure { code, .. } => {
            code.level() == crate::classification::Level::Lei
        }
        _ => false,
    };
    let listings: Vec<(&FigureRef, &Vec<FigureRef>)> = c
        .disclosure
        .claims
        .iter()
        .filter_map(|claim| match claim {
            Claim::SubsetSum { total, parts } if parts.len() >= 3 => Some((total, parts)),
            _ => None,
        })
        .collect();
    let statement = |figure: &FigureRef| ix.by_ref(figure);
    for (total, parts) in listings {
        let Some(total) = statement(total) else {
            continue;
        };
        let Some(parts) = parts.iter().map(statement).collect::<Option<Vec<_>>>() else {
            continue;
        };
        if !parts.iter().all(|p| is_class(p)) {
            continue;
        }
        let amount = |s: &Statement| level_value(c, &s.value);
        let (Some(t), Some(p)) = (
            amount(total),
            parts.iter().map(|s| amount(s)).collect::<Option<Vec<_>>>(),
        ) else {
            continue;
        };
        let listed = p.iter().fold(ZERO, |sum, x| sum.add(Bounds::of(*x)));
        let Some(listed_hi) = listed.hi else {
            continue;
        };
        let Some(total_lo) = Bounds::of(t).lo else {
            continue;
        };
        if listed_hi >= total_lo {
            continue;
        }
        let Some((sum, short)) = checked_sum(p.iter().map(|x| x.value()))
            .and_then(|sum| Some((sum, t.value().checked_sub(sum)?)))
        else {
            continue;
        };
        // What rounding allows: the parts printed as low, the total as high as they may be.
        let allowance = listed_hi
            .checked_sub(sum)
            .zip(t.value().checked_sub(total_lo))
            .and_then(|(parts, total)| parts.checked_add(total));
        let me = statement_ref(total);
        let mut involves = vec![me.clone()];
        involves.extend(parts.iter().map(|s| statement_ref(s)));
        c.push(NewFinding {
            rule: RuleCode::N018,
            kind: FindingKind::Violation,
            at: Some(me),
            involves,
            context: Some(total),
            comparison: allowance.map(|allowance| Comparison {
                published: t.value(),
                expected: sum,
                difference: short,
                allowance,
                unit: FigureUnit::Money(c.currency()),
            }),
            message: format!(
                "{}：合计 {}，其后所列 {} 个类之和为 {}，少 {}（{}）；可能漏列了某一类，或某个数字有误",
                total.concept,
                t.value(),
                parts.len(),
                sum,
                short,
                c.currency()
            ),
        });
    }
}

/// N017: words that contradict themselves or were left from a template.
fn wording(c: &mut Checker<'_>) {
    for s in &c.disclosure.statements {
        let StatedValue::Wording(flaw) = s.value else {
            continue;
        };
        let advice = match flaw {
            WordingFlaw::ContradictoryDirections(..) => "二者不能同时成立，应只留与数字相符的一个",
            WordingFlaw::TemplateAlternatives => {
                "未按实际情况删去不适用的说法，读者无从知道哪一种成立"
            }
            WordingFlaw::MisplacedItemNames => {
                "应按支出功能分类科目的类、款、项名称填写（名称在目录中属于另一层级）"
            }
            WordingFlaw::NameVariant => "同一单位在本报告中应使用同一规范名称",
            WordingFlaw::LastYearsPlan => "本年度预算应以本年度的安排说明原因，疑为沿用上年文本",
            WordingFlaw::CodeNameMismatch => {
                "应使用该编码在本年度《政府收支分类科目》中的名称（文中名称为旧称或另一科目的名称）"
            }
            WordingFlaw::ReasonOutsideItem => {
                "一个科目只含其下的款、项，其他类科目的增减不能使它增减，原因或所列科目有误"
            }
            WordingFlaw::Placeholder => "应填入实际内容",
        };
        let me = statement_ref(s);
        c.plain(
            RuleCode::N017,
            Some(me.clone()),
            vec![me],
            Some(s),
            format!(
                "{}：{flaw}，{advice}（“{}”）",
                concept_name(c.disclosure.entity.kind, &s.concept),
                s.location.quote
            ),
        );
    }
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
fn shares_total<'a>(c: &mut Checker<'a>, ix: &Statements<'_>, levels: &Levels<'a>) {
    let mut groups: Vec<Shares<'_>> = Vec::new();
    for s in &c.disclosure.statements {
        let StatedValue::Share { rate, of } = &s.value else {
            continue;
        };
        if !c
            .parts_of(of)
            .is_some_and(|parts| parts.contains(&s.concept))
        {
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
        let complete = c
            .parts_of(group.whole)
            .is_some_and(|parts| parts.len() == group.shares.len());
        // Shares are worked out from printed amounts, and parts rounded each on its own need
        // not add up to their rounded whole: the shares may miss 100% by up to (n + 1) half
        // units of an amount over the whole. Without the whole's amount that is unbounded.
        let Some(slack) = share_slack(c, ix, levels, group.whole, group.shares.len()) else {
            continue;
        };
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
        let (most, least) = (Decimal::ONE_HUNDRED + slack, Decimal::ONE_HUNDRED - slack);
        let holds = |sum: Interval| {
            let below_most = sum.lo < most || (sum.lo == most && sum.lo_closed);
            let above_least = sum.hi > least || (sum.hi == least && sum.hi_closed);
            below_most && (!complete || above_least)
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
        let (Some(stated), Some(allowance)) = (
            checked_sum(group.shares.iter().map(|(_, r)| r.value())),
            checked_sum(group.shares.iter().map(|(_, r)| r.half_unit())),
        ) else {
            continue;
        };
        let mut listing = String::new();
        for (k, (s, rate)) in group.shares.iter().enumerate() {
            if k > 0 {
                listing.push_str(" + ");
            }
            listing.push_str(&format!(
                "{} {}%",
                concept_name(c.disclosure.entity.kind, &s.concept),
                rate.value()
            ));
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
        c.push(NewFinding {
            rule: RuleCode::N014,
            kind,
            at: Some(statement_ref(last)),
            involves,
            context: Some(last),
            comparison: Comparison::of(
                stated,
                Decimal::ONE_HUNDRED,
                allowance,
                FigureUnit::Percent,
            ),
            message,
        });
    }
}

/// How far (in percentage points) the shares of `parts` parts of `whole` may miss 100% because
/// the amounts they were worked out from were rounded: (parts + 1) half units of an amount
/// (at the document's decimals) over the smallest the whole can be — its own figure, else
/// its parts' together ([`level`]), else its table cell. `None` when nothing bounds the
/// whole away from 0.
fn share_slack<'k>(
    c: &Checker<'_>,
    ix: &Statements<'_>,
    levels: &Levels<'k>,
    whole: &'k Concept,
    parts: usize,
) -> Option<Decimal> {
    let from_text = level(c, ix, levels, whole)
        .lo
        .filter(|lo| *lo > Decimal::ZERO);
    let smallest = from_text.or_else(|| {
        let printed = cells_of(whole)
            .find_map(|(kind, row, column)| c.cell_of(kind, &row, column))?
            .value;
        Some(printed.preimage(RoundingMode::HalfUp).lo)
    })?;
    if smallest <= Decimal::ZERO {
        return None;
    }
    half_unit_of(c.disclosure.amount_decimals)?
        .checked_mul(Decimal::from(parts + 1))?
        .checked_mul(Decimal::ONE_HUNDRED)?
        .checked_div(smallest)
}

/// A figure labelled with a year that is not the report's, which the text says is the
/// report's own: the statement at `level` and those after it about the same concept
/// (`level + 1 .. end`), all labelled `year`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Mislabelled {
    level: usize,
    end: usize,
    year: u16,
}

/// The figures whose year label the text contradicts (N013). A level `L` labelled with a year
/// `Y'` other than the report's `Y` is taken for `Y`'s when all of these hold:
/// - the statements right after it about the same thing, with the same label, give it what only
///   the report's own figure has: a completion rate, or a change against the year before
///   (`2022年“三公”经费支出3.46万元，完成预算100%，较上年增加2.4万元` in a 2023 report);
/// - the document states no amount of the same thing for `Y`, in the text or in a table, so
///   the label is not telling two years apart;
/// - a part of it, or the whole it is a part of, is stated for `Y` (the breakdown of the same
///   total is dated `Y`).
pub(crate) fn mislabelled_years(disclosure: &Disclosure) -> Vec<Mislabelled> {
    let statements = &disclosure.statements;
    let report_year = disclosure.entity.year;
    // The concepts stated for the report's year, gathered once (only if a candidate needs it).
    let mut current: Option<std::collections::HashSet<&Concept>> = None;
    let printed_in_tables = |concept: &Concept| {
        cells_of(concept).any(|(kind, row, column)| {
            disclosure
                .table(kind)
                .and_then(|t| t.row(&row))
                .is_some_and(|r| r.get(column).is_some())
        })
    };
    let mut found = Vec::new();
    // One pass over the runs of statements about one concept in one section.
    let mut start = 0;
    while start < statements.len() {
        let s = &statements[start];
        let end = statements[start + 1..]
            .iter()
            .position(|e| e.concept != s.concept || e.location.section != s.location.section)
            .map_or(statements.len(), |k| start + 1 + k);
        let level = start;
        start = end;
        let (Some(year), StatedValue::Amount(_)) = (s.year, &s.value) else {
            continue;
        };
        if year == report_year {
            continue;
        }
        // Words (a flaw of the text) date nothing.
        let run: Vec<&Statement> = statements[level + 1..end]
            .iter()
            .filter(|e| !matches!(e.value, StatedValue::Wording(_)))
            .collect();
        let own_year_words = run.iter().any(|e| {
            e.year == Some(year)
                && matches!(
                    e.value,
                    StatedValue::Completion { .. }
                        | StatedValue::Change { .. }
                        | StatedValue::Growth { .. }
                )
        });
        if !own_year_words || run.iter().any(|e| e.year != Some(year)) {
            continue;
        }
        let current = current.get_or_insert_with(|| {
            statements
                .iter()
                .filter(|e| e.year.is_none() && matches!(e.value, StatedValue::Amount(_)))
                .map(|e| &e.concept)
                .collect()
        });
        if current.contains(&s.concept) || printed_in_tables(&s.concept) {
            continue;
        }
        let related = parts_in(disclosure.entity.kind, &s.concept)
            .unwrap_or_default()
            .iter()
            .chain(whole_of(&s.concept))
            .any(|r| current.contains(r));
        if related {
            found.push(Mislabelled { level, end, year });
        }
    }
    found
}

/// `disclosure` with the figures of `mislabelled` taken for the report's year.
pub(crate) fn relabel<'d>(
    disclosure: &'d Disclosure,
    mislabelled: &[Mislabelled],
) -> Cow<'d, Disclosure> {
    if mislabelled.is_empty() {
        return Cow::Borrowed(disclosure);
    }
    let mut corrected = disclosure.clone();
    for m in mislabelled {
        for s in &mut corrected.statements[m.level..m.end] {
            s.year = None;
        }
    }
    Cow::Owned(corrected)
}

/// N013: one warning per mislabelled figure, at the figure.
pub(crate) fn year_labels(c: &mut Checker<'_>, mislabelled: &[Mislabelled]) {
    let report_year = c.disclosure.entity.year;
    // A budget states no completion rate: what dates its figure is the change against last year.
    let own_year_words = if c.disclosure.entity.kind.is_budget() {
        "它较上年的增减"
    } else {
        "它的完成率或较上年增减"
    };
    for m in mislabelled {
        let s = &c.disclosure.statements[m.level];
        let me = statement_ref(s);
        c.plain(
            RuleCode::N013,
            Some(me.clone()),
            vec![me],
            Some(s),
            format!(
                "{}标为{}年，但本报告是{report_year}年度的：同一处给出了{own_year_words}，\
                 其组成部分（或所属合计）按{report_year}年列示，文中也没有{report_year}年的这一数字；\
                 年份疑为误写，以下按{report_year}年核对",
                concept_name(c.disclosure.entity.kind, &s.concept),
                m.year
            ),
        );
    }
}

/// What an unprinted figure can be, from the figures printed around it: a range whose ends
/// are `None` where nothing bounds it. Ends are taken as closed, which can only widen it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Bounds {
    lo: Option<Decimal>,
    hi: Option<Decimal>,
}

impl Bounds {
    const NON_NEGATIVE: Bounds = Bounds {
        lo: Some(Decimal::ZERO),
        hi: None,
    };

    fn of(printed: Printed) -> Bounds {
        let i = printed.preimage(RoundingMode::HalfUp);
        Bounds {
            lo: Some(i.lo),
            hi: Some(i.hi),
        }
    }

    fn add(self, other: Bounds) -> Bounds {
        let end = |a: Option<Decimal>, b: Option<Decimal>| a?.checked_add(b?);
        Bounds {
            lo: end(self.lo, other.lo),
            hi: end(self.hi, other.hi),
        }
    }

    fn meet(self, other: Bounds) -> Bounds {
        let pick =
            |a: Option<Decimal>, b: Option<Decimal>, f: fn(Decimal, Decimal) -> Decimal| match (
                a, b,
            ) {
                (Some(a), Some(b)) => Some(f(a, b)),
                (a, b) => a.or(b),
            };
        Bounds {
            lo: pick(self.lo, other.lo, Decimal::max),
            hi: pick(self.hi, other.hi, Decimal::min),
        }
    }

    /// Whether no value lies in both.
    fn apart(self, other: Bounds) -> bool {
        let below =
            |hi: Option<Decimal>, lo: Option<Decimal>| hi.zip(lo).is_some_and(|(h, l)| h < l);
        below(self.hi, other.lo) || below(other.hi, self.lo)
    }
}

/// Exactly zero: the empty sum.
const ZERO: Bounds = Bounds {
    lo: Some(Decimal::ZERO),
    hi: Some(Decimal::ZERO),
};

/// The report year's first statement about `concept` whose value `pick` takes.
fn first_stated<'s>(
    c: &Checker<'_>,
    ix: &Statements<'s>,
    concept: &Concept,
    pick: impl Fn(&Checker<'_>, &StatedValue) -> Option<Printed>,
) -> Option<(&'s Statement, Printed)> {
    ix.at(ix.about(concept))
        .filter(|s| s.year.is_none())
        .find_map(|s| pick(c, &s.value).map(|p| (s, p)))
}

fn level_value(c: &Checker<'_>, value: &StatedValue) -> Option<Printed> {
    match value {
        StatedValue::Amount(a) => c.in_currency(*a),
        _ => None,
    }
}

fn change_value(c: &Checker<'_>, value: &StatedValue) -> Option<Printed> {
    match value {
        StatedValue::Change { amount, direction } => {
            let p = c.in_currency(*amount)?;
            Printed::new(direction.signed(p.value()), p.decimals()).ok()
        }
        _ => None,
    }
}

/// This year's level of `concept` from its own figure, else from its parts' (amounts are
/// never negative).
fn own_level<'k>(
    c: &Checker<'_>,
    ix: &Statements<'_>,
    levels: &Levels<'k>,
    concept: &'k Concept,
) -> Bounds {
    Levels::remembered(&levels.own, concept, || {
        if let Some((_, printed)) = first_stated(c, ix, concept, level_value) {
            return Bounds::of(printed);
        }
        match c.parts_of(concept) {
            Some(parts) => parts
                .iter()
                .fold(ZERO, |sum, part| sum.add(own_level(c, ix, levels, part)))
                .meet(Bounds::NON_NEGATIVE),
            None => Bounds::NON_NEGATIVE,
        }
    })
}

/// The bounds [`own_level`] and [`level`] found, by concept, for one check: they recurse
/// through wholes and parts, and the rules ask about the same concepts again and again.
#[derive(Default)]
struct Levels<'k> {
    own: RefCell<FxHashMap<&'k Concept, Bounds>>,
    whole: RefCell<FxHashMap<&'k Concept, Bounds>>,
}

impl<'k> Levels<'k> {
    /// The bounds `map` holds for `concept`, else those `find` finds (then kept).
    fn remembered(
        map: &RefCell<FxHashMap<&'k Concept, Bounds>>,
        concept: &'k Concept,
        find: impl FnOnce() -> Bounds,
    ) -> Bounds {
        let known = map.borrow().get(concept).copied();
        known.unwrap_or_else(|| {
            let found = find();
            map.borrow_mut().insert(concept, found);
            found
        })
    }
}

/// This year's level of `concept`, also from its whole less its siblings (a part is at most
/// what its whole leaves once the other parts are taken).
fn level<'k>(
    c: &Checker<'_>,
    ix: &Statements<'_>,
    levels: &Levels<'k>,
    concept: &'k Concept,
) -> Bounds {
    Levels::remembered(&levels.whole, concept, || {
        let own = own_level(c, ix, levels, concept);
        let Some(whole) = whole_of(concept) else {
            return own;
        };
        let Some(parts) = c.parts_of(whole) else {
            return own;
        };
        let siblings = parts
            .iter()
            .filter(|p| *p != concept)
            .fold(ZERO, |sum, p| sum.add(own_level(c, ix, levels, p)));
        let whole = level(c, ix, levels, whole);
        let minus = |a: Option<Decimal>, b: Option<Decimal>| a?.checked_sub(b?);
        let left = Bounds {
            lo: minus(whole.lo, siblings.hi),
            hi: minus(whole.hi, siblings.lo),
        };
        // Figures that already contradict one another (the parts exceed their whole: a
        // finding of its own) say nothing more about one part.
        if own.apart(left) {
            return own;
        }
        own.meet(left)
    })
}

/// The change of `concept` against last year: its own stated change, else its parts' changes
/// together and at most this year's level (last year's was not negative). `stated` collects
/// the statements of change it was built from.
fn change<'a, 'k>(
    c: &Checker<'_>,
    ix: &Statements<'a>,
    levels: &Levels<'k>,
    concept: &'k Concept,
    stated: &mut Vec<&'a Statement>,
) -> Bounds {
    if let Some((s, printed)) = first_stated(c, ix, concept, change_value) {
        stated.push(s);
        return Bounds::of(printed);
    }
    let at_most_level = Bounds {
        lo: None,
        hi: level(c, ix, levels, concept).hi,
    };
    match c.parts_of(concept) {
        Some(parts) => parts
            .iter()
            .fold(ZERO, |sum, part| {
                sum.add(change(c, ix, levels, part, stated))
            })
            .meet(at_most_level),
        None => at_most_level,
    }
}

/// N015: the change of a whole against last year cannot differ from what its parts' changes
/// allow: their stated changes, and for a part whose change is not stated, at most its level
/// this year.
fn changes_of_parts<'a>(c: &mut Checker<'a>, ix: &Statements<'a>, levels: &Levels<'a>) {
    for (whole, parts) in c.partitions() {
        let Some((s, printed)) = first_stated(c, ix, whole, change_value) else {
            continue;
        };
        let mut stated = Vec::new();
        let all_parts = parts;
        let parts = all_parts.iter().fold(ZERO, |sum, part| {
            sum.add(change(c, ix, levels, part, &mut stated))
        });
        if stated.is_empty() || !Bounds::of(printed).apart(parts) {
            continue;
        }
        let mut listing = String::new();
        for (k, part) in stated.iter().enumerate() {
            if k > 0 {
                listing.push('；');
            }
            listing.push_str(&format!(
                "{} {}",
                concept_name(c.disclosure.entity.kind, &part.concept),
                part.value
            ));
        }
        let range = match (parts.lo, parts.hi) {
            (Some(lo), Some(hi)) => format!("在 {} 与 {} 之间", lo.normalize(), hi.normalize()),
            (None, Some(hi)) => format!("至多为 {}", hi.normalize()),
            (Some(lo), None) => format!("至少为 {}", lo.normalize()),
            (None, None) => continue,
        };
        let unstated = if stated.len() < all_parts.len() {
            "；未说明增减的部分，其增减至多为其本年数"
        } else {
            ""
        };
        let message = format!(
            "{}较上年{}，但各组成部分的增减（{listing}{unstated}）合计{range}（{}），二者不能同时成立",
            whole,
            s.value,
            c.currency()
        );
        let me = statement_ref(s);
        let mut involves = vec![me.clone()];
        involves.extend(stated.iter().map(|p| statement_ref(p)));
        c.plain(RuleCode::N015, Some(me), involves, Some(s), message);
    }
}

fn budget_value(c: &Checker<'_>, value: &StatedValue) -> Option<Printed> {
    match value {
        StatedValue::Budget(a) => c.in_currency(*a),
        _ => None,
    }
}

fn completion_value(_: &Checker<'_>, value: &StatedValue) -> Option<Printed> {
    match value {
        StatedValue::Completion { rate } => Some(Printed::from(*rate)),
        _ => None,
    }
}

/// A budget the text gives or implies: its point value and its range.
#[derive(Clone, Copy)]
struct ImpliedBudget {
    point: Decimal,
    bounds: Bounds,
}

/// The budget of `concept` as stated, or as its actual amount over its stated completion
/// rate (`支出决算34000元，完成预算的100%` → 34000).
fn implied_budget(
    c: &Checker<'_>,
    ix: &Statements<'_>,
    concept: &Concept,
) -> Option<ImpliedBudget> {
    if let Some((_, budget)) = first_stated(c, ix, concept, budget_value) {
        return Some(ImpliedBudget {
            point: budget.value(),
            bounds: Bounds::of(budget),
        });
    }
    let (_, rate) = first_stated(c, ix, concept, completion_value)?;
    let (_, actual) = first_stated(c, ix, concept, level_value)?;
    let (r, a) = (
        rate.preimage(RoundingMode::HalfUp),
        actual.preimage(RoundingMode::HalfUp),
    );
    if r.lo <= Decimal::ZERO || a.lo < Decimal::ZERO {
        return None;
    }
    let per_cent = |x: Decimal, y: Decimal| x.checked_mul(Decimal::ONE_HUNDRED)?.checked_div(y);
    Some(ImpliedBudget {
        point: per_cent(actual.value(), rate.value())?,
        bounds: Bounds {
            lo: per_cent(a.lo, r.hi),
            hi: per_cent(a.hi, r.lo),
        },
    })
}

/// The budgets under `concept`: the sum of those the text gives or implies, and the parts
/// (as deep as need be) whose budget it does not.
fn split_budget(
    c: &Checker<'_>,
    ix: &Statements<'_>,
    concept: &Concept,
    known: &mut Vec<(Concept, ImpliedBudget)>,
    unknown: &mut Vec<Concept>,
) {
    if let Some(budget) = implied_budget(c, ix, concept) {
        known.push((concept.clone(), budget));
        return;
    }
    // A rate stated of a budget that is not said (`完成预算0%` of nothing spent) is the
    // concept's own, whatever its parts.
    if first_stated(c, ix, concept, completion_value).is_some() {
        unknown.push(concept.clone());
        return;
    }
    match c.parts_of(concept) {
        Some(parts) => {
            for part in parts {
                split_budget(c, ix, part, known, unknown);
            }
        }
        None => unknown.push(concept.clone()),
    }
}

/// The budgets given or implied, as a message lists them: `公务接待费 200000、…`.
fn listed_budgets(known: &[(Concept, ImpliedBudget)]) -> String {
    known
        .iter()
        .map(|(concept, b)| format!("{concept} {}", b.point.round_dp(2).normalize()))
        .collect::<Vec<_>>()
        .join("、")
}

/// Whether a table prints a budget of `concept`: then the table, not an inference, gives it.
fn budget_in_tables(c: &Checker<'_>, concept: &Concept) -> bool {
    cells_of(concept).any(|(kind, row, _)| {
        c.table(kind).is_some_and(|t| {
            [Column::Budget, Column::AdjustedBudget]
                .into_iter()
                .any(|column| c.printed(t, &row, column).is_some())
        })
    })
}

/// N019: the budgets of all the parts of a whole, stated or implied (an actual amount over its
/// completion rate), add up to the whole's budget, stated or implied, within what the rounding
/// of every figure allows.
fn parts_budgets(
    c: &mut Checker<'_>,
    ix: &Statements<'_>,
    whole: &Concept,
    budget: ImpliedBudget,
    known: &[(Concept, ImpliedBudget)],
    given: Bounds,
) {
    if !budget.bounds.apart(given) {
        return;
    }
    let Some((at, _)) = first_stated(c, ix, whole, completion_value)
        .or_else(|| first_stated(c, ix, whole, budget_value))
    else {
        return;
    };
    let Some(sum) = checked_sum(known.iter().map(|(_, b)| b.point)) else {
        return;
    };
    let listing = listed_budgets(known);
    let actual = super::narrative::actual_word(c);
    // What rounding allows on the side the two are apart: the whole's budget and the parts'
    // as far towards each other as their bounds go.
    let minus = |a: Option<Decimal>, b: Option<Decimal>| a?.checked_sub(b?);
    let (whole_slack, parts_slack) = if budget.point > sum {
        (
            minus(Some(budget.point), budget.bounds.lo),
            minus(given.hi, Some(sum)),
        )
    } else {
        (
            minus(budget.bounds.hi, Some(budget.point)),
            minus(Some(sum), given.lo),
        )
    };
    let comparison = whole_slack
        .zip(parts_slack)
        .and_then(|(whole, parts)| whole.checked_add(parts))
        .and_then(|allowance| {
            Comparison::of(
                budget.point.round_dp(6),
                sum.round_dp(6),
                allowance.round_dp(6),
                FigureUnit::Money(c.currency()),
            )
        });
    let me = statement_ref(at);
    c.push(NewFinding {
        rule: RuleCode::N019,
        kind: FindingKind::Violation,
        at: Some(me.clone()),
        involves: vec![me],
        context: Some(at),
        comparison,
        message: format!(
            "{whole}的预算为 {}（写明的或按{actual}与完成率推得），各组成部分的预算（{listing}，\
             写明的或按各自的{actual}与完成率推得）之和为 {}，无论各数如何四舍五入都对不上（{}）",
            budget.point.round_dp(2).normalize(),
            sum.round_dp(2).normalize(),
            c.currency()
        ),
    });
}

/// N016: a whole's budget less the budgets its other parts are given or implied (an actual
/// amount over its completion rate) leaves nothing for the parts whose budget is not said; a
/// completion rate stated for one of them is stated against nothing. A warning: the implied
/// budgets rest on rounded rates, so the remainder is zero at the printed figures' face value
/// and within what their rounding allows, not exactly.
fn implied_zero_budgets<'a>(c: &mut Checker<'a>, ix: &Statements<'a>) {
    for (whole, parts) in c.partitions() {
        let Some(budget) = implied_budget(c, ix, whole) else {
            continue;
        };
        let (mut known, mut unknown) = (Vec::new(), Vec::new());
        for part in parts {
            split_budget(c, ix, part, &mut known, &mut unknown);
        }
        let given = known.iter().fold(ZERO, |sum, (_, b)| sum.add(b.bounds));
        if unknown.is_empty() && known.len() >= 2 {
            parts_budgets(c, ix, whole, budget, &known, given);
            continue;
        }
        if known.is_empty() || unknown.is_empty() {
            continue;
        }
        let point = checked_sum(known.iter().map(|(_, b)| b.point));
        let Some(left) = point.and_then(|p| budget.point.checked_sub(p)) else {
            continue;
        };
        let minus = |a: Option<Decimal>, b: Option<Decimal>| a?.checked_sub(b?);
        let remainder = Bounds {
            lo: minus(budget.bounds.lo, given.hi),
            hi: minus(budget.bounds.hi, given.lo),
        };
        // Nothing left at face value (to a two-hundredth of the whole), and nothing is a
        // value the rounding allows.
        let face_value_nothing = left
            .abs()
            .checked_mul(Decimal::from(200))
            .is_some_and(|l| l <= budget.point.abs());
        if !face_value_nothing || remainder.apart(ZERO) {
            continue;
        }
        let others = listed_budgets(&known);
        let actual = super::narrative::actual_word(c);
        for part in &unknown {
            if budget_in_tables(c, part) {
                continue;
            }
            let Some((rate, _)) = first_stated(c, ix, part, completion_value) else {
                continue;
            };
            let me = statement_ref(rate);
            let message = format!(
                "{part}：{}的预算 {} 减去其他部分的预算（{others}，写明的或按{actual}与完成率推得）后为 0，\
                 其预算为 0，完成率没有意义，却写作“{}”；应写“—”或说明未安排预算",
                whole,
                budget.point.round_dp(2).normalize(),
                rate.value
            );
            c.push(NewFinding {
                rule: RuleCode::N016,
                kind: FindingKind::Violation,
                at: Some(me.clone()),
                involves: vec![me],
                context: Some(rate),
                comparison: None,
                message,
            });
        }
    }
}
