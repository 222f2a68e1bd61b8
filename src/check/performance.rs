//! Rules over 机关运行经费, the performance self-evaluation forms and the projects the narrative
//! lists (P001–P007).
//!
//! Forms ([`ProjectSelfEvaluation`], [`DepartmentSelfEvaluation`]) are not printed figures a
//! [`FigureRef`] can point at, so their findings carry no `at`; the message names the form (the
//! project) and the row.
//!
//! **What counts as a stated reason (P006).** On a form: a non-empty
//! [`FundsBlock::deviation_reason`](crate::performance::FundsBlock::deviation_reason). In the narrative: a
//! causal marker ([`REASON_MARKERS`]: 原因, 由于, 因为, 系因, 导致, 致使, 所致) in the sentence that
//! states the rate or in any sentence of the same section. A reason elsewhere in the document
//! (a general 存在问题 paragraph) does not count: the reader of the project's paragraph does not
//! see it. The rule is a warning: the marker test cannot judge whether the reason is a good one.

use std::collections::{HashMap, HashSet};

use rust_decimal::Decimal;

use crate::dimensions::{BasicExpenditureClass, ExpenditureKind, FundType, UnitKind};
use crate::performance::{
    DepartmentSelfEvaluation, FundsBlock, Indicator, ProjectSelfEvaluation, ScoringPolicy,
    execution_rate,
};
use crate::precision::{Consistency, Printed, check_ratio, check_sum};
use crate::report::{Column, Concept, FigureRef, Line, RowKey, StatedValue, Statement, TableKind};

use super::engine::{Checker, NewFinding, Operand};
use super::finding::{Comparison, FigureUnit};
use super::finding::{FindingKind, show};
use super::registry::RuleCode;

/// Words that mark a stated cause in a narrative sentence (P006).
pub(crate) const REASON_MARKERS: [&str; 7] =
    ["原因", "由于", "因为", "系因", "导致", "致使", "所致"];

pub(crate) fn run(c: &mut Checker<'_>) {
    operating_funds_applicability(c);
    operating_funds_bound(c);
    let forms = forms(c);
    for form in &forms {
        // A form given without its indicator rows (an excerpt, a transcription of its first
        // table) is not checked as if complete: its weights and total cannot be, and P008 says
        // so; its 预算执行率 row still is.
        if form.indicators.is_empty() {
            indicators_not_given(c, form);
        } else {
            weights(c, form);
            total(c, form);
        }
        scores(c, form);
        form_execution(c, form);
    }
    project_statements(c);
    projects_within_total(c);
}

/// A form of either kind, as the rules read it.
struct Form<'a> {
    label: String,
    funds: &'a FundsBlock,
    indicators: &'a [Indicator],
    stated_total: Option<Decimal>,
    project: Option<&'a ProjectSelfEvaluation>,
    department: Option<&'a DepartmentSelfEvaluation>,
}

fn forms<'a>(c: &Checker<'a>) -> Vec<Form<'a>> {
    let d = c.disclosure;
    let projects = d.project_evaluations.iter().map(|p| Form {
        label: format!("项目支出绩效自评表（{}）", p.project_name),
        funds: &p.funds,
        indicators: &p.indicators,
        stated_total: p.stated_total,
        project: Some(p),
        department: None,
    });
    let department = d.department_evaluation.iter().map(|e| Form {
        label: format!("部门整体支出绩效自评表（{}）", e.department),
        funds: &e.funds,
        indicators: &e.indicators,
        stated_total: e.stated_total,
        project: None,
        department: Some(e),
    });
    projects.chain(department).collect()
}

/// A figure with the decimals it was printed with.
fn printed(value: Decimal) -> Printed {
    Printed::as_shown(value)
}

fn amount_statement<'a>(c: &Checker<'a>, concept: &Concept) -> Option<&'a Statement> {
    c.disclosure.statements.iter().find(|s| {
        &s.concept == concept && s.year.is_none() && matches!(s.value, StatedValue::Amount(_))
    })
}

fn statement_amount<'s>(c: &Checker<'_>, s: &'s Statement) -> Option<Operand<'s>> {
    match &s.value {
        StatedValue::Amount(a) => Some(c.statement_operand(s, c.in_currency(*a)?)),
        _ => None,
    }
}

/// P001: 机关运行经费 stated by a 事业单位.
fn operating_funds_applicability(c: &mut Checker<'_>) {
    let Some(kind) = c.disclosure.entity.unit_kind else {
        return;
    };
    if kind.has_operating_funds() {
        return;
    }
    let Some(s) = amount_statement(c, &Concept::OperatingFunds) else {
        return;
    };
    let Some(op) = statement_amount(c, s) else {
        return;
    };
    // A 事业单位 that states 0 (or “无机关运行经费”) says it right.
    if op.value.value().is_zero() {
        return;
    }
    let unit = c.currency();
    let message = format!(
        "机关运行经费：本单位为{kind}，却陈述机关运行经费 {} {unit}；机关运行经费只适用于{}和{}，\
         事业单位应说明“不适用”或不填列",
        show(op.value.value()),
        UnitKind::Administrative,
        UnitKind::CivilServantManagedInstitution,
    );
    let at = op.figure.to_ref();
    c.push(NewFinding {
        rule: RuleCode::P001,
        kind: FindingKind::Violation,
        at: Some(at.clone()),
        involves: vec![at],
        context: Some(s),
        // What a 事业单位 should state: none.
        comparison: Comparison::of(
            op.value.value(),
            Decimal::ZERO,
            op.value.half_unit(),
            FigureUnit::Money(unit),
        ),
        message,
    });
}

/// The 一般公共预算 公用经费: the narrative's figure, else the basic expenditure table's.
fn public_funds<'a>(c: &Checker<'a>) -> Option<(Operand<'a>, Option<&'a Statement>)> {
    let concept = Concept::FundBasicClass {
        fund: FundType::GeneralPublicBudget,
        class: BasicExpenditureClass::Public,
    };
    if let Some(s) = amount_statement(c, &concept)
        && let Some(op) = statement_amount(c, s)
    {
        return Some((op, Some(s)));
    }
    let key = RowKey::Line(Line::PublicTotal);
    [Column::Amount, Column::Total, Column::Public]
        .into_iter()
        .find_map(|column| {
            let table = c.table(TableKind::BasicExpenditure)?;
            c.printed(table, &key, column)?;
            c.cell(table, &key, column)
        })
        .map(|op| (op, None))
}

/// P002: 机关运行经费 ≤ 一般公共预算 公用经费, beyond what rounding allows.
fn operating_funds_bound(c: &mut Checker<'_>) {
    let Some(s) = amount_statement(c, &Concept::OperatingFunds) else {
        return;
    };
    let (Some(funds), Some((public, _))) = (statement_amount(c, s), public_funds(c)) else {
        return;
    };
    let allowance = funds.value.half_unit() + public.value.half_unit();
    let Some(difference) = funds.value.value().checked_sub(public.value.value()) else {
        return;
    };
    if difference <= allowance {
        return;
    }
    let unit = c.currency();
    let message = format!(
        "机关运行经费 {} {unit}，高于一般公共预算财政拨款基本支出中的公用经费 {} {unit}，相差 {} {unit}，\
         超出四舍五入允许的 {} {unit}；机关运行经费是公用经费的一部分，不应超过公用经费",
        show(funds.value.value()),
        show(public.value.value()),
        show(difference),
        show(allowance),
    );
    c.push(NewFinding {
        rule: RuleCode::P002,
        kind: FindingKind::Violation,
        at: Some(funds.figure.to_ref()),
        involves: vec![funds.figure.to_ref(), public.figure.to_ref()],
        context: Some(s),
        comparison: Some(Comparison {
            published: funds.value.value(),
            expected: public.value.value(),
            difference,
            allowance,
            unit: FigureUnit::Money(unit),
        }),
        message,
    });
}

/// P008: a form whose indicator rows were not given.
fn indicators_not_given(c: &mut Checker<'_>, form: &Form<'_>) {
    c.push(NewFinding {
        rule: RuleCode::P008,
        kind: FindingKind::Violation,
        at: None,
        involves: Vec::new(),
        context: None,
        comparison: None,
        message: format!(
            "{}：未列出绩效指标，分值合计（应为 100 分）与总分无从核对，只核对了预算执行率一行",
            form.label
        ),
    });
}

/// P003: 预算执行率's weight + the indicators' weights = 100.
fn weights(c: &mut Checker<'_>, form: &Form<'_>) {
    let sum = form
        .indicators
        .iter()
        .try_fold(form.funds.weight, |sum, row| sum.checked_add(row.weight));
    if sum == Some(Decimal::ONE_HUNDRED) {
        return;
    }
    // Weights near `Decimal`'s limits (a hostile file) may leave a sum or difference that no
    // `Decimal` holds: the finding says so instead of a number.
    let indicators = sum.and_then(|sum| sum.checked_sub(form.funds.weight));
    let excess = sum.and_then(|sum| sum.checked_sub(Decimal::ONE_HUNDRED));
    let text = |value: Option<Decimal>| value.map_or_else(|| "超出数值范围".to_owned(), show);
    let message = format!(
        "{}：预算执行率分值 {} 分，绩效指标分值合计 {} 分，共 {} 分，总分值应为 100 分{}",
        form.label,
        show(form.funds.weight),
        text(indicators),
        text(sum),
        excess.map_or_else(String::new, |e| format!("（相差 {} 分）", show(e.abs()))),
    );
    c.push(NewFinding {
        rule: RuleCode::P003,
        kind: FindingKind::Violation,
        at: None,
        involves: Vec::new(),
        context: None,
        comparison: sum.zip(excess).map(|(sum, excess)| Comparison {
            published: sum,
            expected: Decimal::ONE_HUNDRED,
            difference: excess,
            allowance: Decimal::ZERO,
            unit: FigureUnit::Score,
        }),
        message,
    });
}

/// P004: stated scores within their weight and equal to the computed ones within the printed
/// precision; the stated 执行率 consistent with the printed amounts.
fn scores(c: &mut Checker<'_>, form: &Form<'_>) {
    let mut out = Vec::new();
    let execution_row = ("预算执行率", form.funds.stated_score, form.funds.weight);
    let rows = std::iter::once(execution_row).chain(
        form.indicators
            .iter()
            .map(|r| (r.name.as_str(), r.stated_score, r.weight)),
    );
    for (name, stated, weight) in rows {
        if let Some(stated) = stated
            && stated > weight
        {
            out.push((
                format!(
                    "{}：“{name}”得分 {} 分，超过其分值 {} 分；得分不能高于分值",
                    form.label,
                    show(stated),
                    show(weight)
                ),
                Comparison::of(stated, weight, Decimal::ZERO, FigureUnit::Score),
            ));
        }
    }
    let policy = ScoringPolicy::default();
    let scored = match (form.project, form.department) {
        (Some(p), _) => p.score(&policy),
        (None, Some(d)) => d.score(&policy),
        (None, None) => return,
    };
    // A form that cannot be scored (weights not summing to 100: P003) is not compared here.
    if let Ok(scored) = scored {
        let execution = (
            "预算执行率",
            scored.execution.stated_score,
            scored.execution.computed.score,
            scored.execution.computed.weight,
        );
        let rows = std::iter::once(execution).chain(scored.indicators.iter().map(|r| {
            (
                r.name.as_str(),
                r.stated_score,
                r.score,
                r.weight.unwrap_or_default(),
            )
        }));
        for (name, stated, computed, weight) in rows {
            let (Some(stated), Some(computed)) = (stated, computed) else {
                continue;
            };
            if stated > weight {
                continue; // reported above
            }
            let allowance = printed(stated).half_unit();
            let Some(difference) = stated.checked_sub(computed) else {
                continue;
            };
            if difference.abs() > allowance {
                out.push((
                    format!(
                        "{}：“{name}”填列得分 {} 分，按填列的完成值和分值计算应为 {} 分，相差 {} 分，\
                         超出得分印制精度允许的 {} 分",
                        form.label,
                        show(stated),
                        show(crate::performance::round_score_for_display(computed)),
                        show(crate::performance::round_score_for_display(difference.abs())),
                        show(allowance)
                    ),
                    Some(Comparison {
                        published: stated,
                        expected: computed,
                        difference,
                        allowance,
                        unit: FigureUnit::Score,
                    }),
                ));
            }
        }
    }
    // The stated rate against the printed amounts (their rounding propagated).
    let line = &form.funds.total;
    let budget = line.full_year_budget.or(line.initial_budget);
    if let (Some(rate), Some(budget), Some(executed)) =
        (form.funds.stated_rate, budget, line.executed)
        && let Ok(Some(check)) = check_ratio(printed(rate), printed(executed), printed(budget))
        && check.verdict == Consistency::Inconsistent
    {
        out.push((
            format!(
                "{}：预算执行率填列 {}%，按执行数 {} ÷ 预算数 {} 计算为 {}%，相差 {} 个百分点，\
                 超出四舍五入允许的 {} 个百分点",
                form.label,
                show(rate),
                show(executed),
                show(budget),
                show(crate::performance::round_score_for_display(check.computed)),
                show(crate::performance::round_score_for_display(
                    check.difference.abs()
                )),
                show(check.allowance)
            ),
            Some(Comparison {
                published: check.published,
                expected: check.computed,
                difference: check.difference,
                allowance: check.allowance,
                unit: FigureUnit::Percent,
            }),
        ));
    }
    for (message, comparison) in out {
        c.push(NewFinding {
            rule: RuleCode::P004,
            kind: FindingKind::Violation,
            at: None,
            involves: Vec::new(),
            context: None,
            comparison,
            message,
        });
    }
}

/// P005: the stated 总分 = Σ the rows' stated 得分 (each printed with its own decimals).
fn total(c: &mut Checker<'_>, form: &Form<'_>) {
    let Some(total) = form.stated_total else {
        return;
    };
    let execution_applies = form.funds.weight > Decimal::ZERO;
    let mut parts = Vec::new();
    if execution_applies {
        match form.funds.stated_score {
            Some(score) => parts.push(printed(score)),
            None => return,
        }
    }
    for row in form.indicators.iter().filter(|r| !r.not_applicable) {
        match row.stated_score {
            Some(score) => parts.push(printed(score)),
            None => return, // not every row has a stated score: nothing to add up
        }
    }
    if parts.is_empty() {
        return;
    }
    let Ok(check) = check_sum(printed(total), &parts) else {
        return;
    };
    let Some(kind) = FindingKind::of(check.verdict, check.is_exact()) else {
        return;
    };
    let tail = match kind {
        FindingKind::Violation => format!("，超出四舍五入允许的 {} 分", show(check.allowance)),
        FindingKind::Truncation => "，仅在截尾（而非四舍五入）时成立".to_owned(),
        FindingKind::TailDifference => {
            format!("，在四舍五入尾差允许范围（{} 分）内", show(check.allowance))
        }
    };
    let message = format!(
        "{}：总分填列 {} 分，各项得分之和 {} 分，相差 {} 分{tail}",
        form.label,
        show(check.left),
        show(check.right),
        show(check.difference.abs()),
    );
    c.push(NewFinding {
        rule: RuleCode::P005,
        kind,
        at: None,
        involves: Vec::new(),
        context: None,
        comparison: Some(Comparison {
            published: check.left,
            expected: check.right,
            difference: check.difference,
            allowance: check.allowance,
            unit: FigureUnit::Score,
        }),
        message,
    });
}

/// Each section's sentences (a sentence's statements share its quote: each is kept once).
fn sentences_by_section(statements: &[Statement]) -> HashMap<&str, Vec<&str>> {
    let mut by_section: HashMap<&str, Vec<&str>> = HashMap::new();
    // A section's statements mostly follow one another: its name is hashed once per run.
    let mut run: Option<(&str, &mut Vec<&str>)> = None;
    for s in statements {
        let (section, quote) = (s.location.section.as_str(), s.location.quote.as_str());
        let quotes = match run {
            Some((name, quotes)) if name == section => quotes,
            _ => by_section.entry(section).or_default(),
        };
        if quotes.last() != Some(&quote) {
            quotes.push(quote);
        }
        run = Some((section, quotes));
    }
    by_section
}

fn has_reason(text: &str) -> bool {
    REASON_MARKERS.iter().any(|m| text.contains(m))
}

/// The words of an abnormal rate, or `None` for a rate within [90%, 100%].
fn abnormal(rate: Decimal) -> Option<&'static str> {
    if rate > Decimal::ONE_HUNDRED {
        Some("超过 100%，执行数大于预算数")
    } else if rate < Decimal::from(90) {
        Some("低于 90%")
    } else {
        None
    }
}

/// P006 on forms: a computed 执行率 outside [90%, 100%] with no 偏差原因.
fn form_execution(c: &mut Checker<'_>, form: &Form<'_>) {
    let line = &form.funds.total;
    let budget = line.full_year_budget.or(line.initial_budget);
    let (Some(budget), Some(executed)) = (budget, line.executed) else {
        return;
    };
    let Ok(rate) = execution_rate(executed, budget) else {
        return;
    };
    let Some(words) = abnormal(rate) else {
        return;
    };
    if form
        .funds
        .deviation_reason
        .as_deref()
        .is_some_and(|r| !r.trim().is_empty())
    {
        return;
    }
    let adjusted = if rate > Decimal::ONE_HUNDRED && line.full_year_budget.is_none() {
        "；未填列调整后（全年）预算数，应核实是否调整了预算"
    } else {
        ""
    };
    let message = format!(
        "{}：预算执行率 {}%（执行数 {} ÷ 预算数 {}），{words}，未说明偏差原因{adjusted}",
        form.label,
        show(crate::performance::round_score_for_display(rate)),
        show(executed),
        show(budget),
    );
    c.push(NewFinding {
        rule: RuleCode::P006,
        kind: FindingKind::Violation,
        at: None,
        involves: Vec::new(),
        context: None,
        comparison: None,
        message,
    });
}

/// P006 in the narrative: a project's stated 执行率 outside [90%, 100%] with no reason in its
/// sentence or section.
fn project_statements(c: &mut Checker<'_>) {
    let statements = &c.disclosure.statements;
    let mut found = Vec::new();
    // Whether a section gives a reason somewhere, decided once per section an abnormal rate
    // stands in, over that section's sentences alone (grouped once, when first asked).
    let mut quotes_by_section: Option<HashMap<&str, Vec<&str>>> = None;
    let mut explained_sections: HashMap<&str, bool> = HashMap::new();
    for s in statements {
        let (Concept::Project(name), StatedValue::Completion { rate }) = (&s.concept, &s.value)
        else {
            continue;
        };
        if s.year.is_some() {
            continue;
        }
        let Some(words) = abnormal(rate.points()) else {
            continue;
        };
        let section = s.location.section.as_str();
        let explained = has_reason(&s.location.quote)
            || *explained_sections.entry(section).or_insert_with(|| {
                quotes_by_section
                    .get_or_insert_with(|| sentences_by_section(statements))
                    .get(section)
                    .is_some_and(|quotes| quotes.iter().any(|q| has_reason(q)))
            });
        if explained {
            continue;
        }
        found.push((
            s,
            format!(
                "项目“{name}”：预算执行率 {rate}，{words}，所在段落（{}）未说明原因",
                s.location.section
            ),
        ));
    }
    for (s, message) in found {
        let at = super::engine::statement_ref(s);
        c.push(NewFinding {
            rule: RuleCode::P006,
            kind: FindingKind::Violation,
            at: Some(at.clone()),
            involves: vec![at],
            context: Some(s),
            comparison: None,
            message,
        });
    }
}

/// The total of 项目支出 the listed projects fall within: all funds first, then 一般公共预算.
fn project_total<'a>(
    c: &Checker<'a>,
) -> Option<(Operand<'a>, Option<&'a Statement>, &'static str)> {
    let gpb = FundType::GeneralPublicBudget;
    let total = RowKey::Line(Line::Total);
    if let Some(s) = amount_statement(c, &Concept::Expenditure(ExpenditureKind::Project))
        && let Some(op) = statement_amount(c, s)
    {
        return Some((op, Some(s), "项目支出"));
    }
    if let Some(op) = c.cell_of(TableKind::Expenditure, &total, Column::Project) {
        return Some((op, None, "项目支出"));
    }
    if let Some(s) = amount_statement(c, &Concept::FundProjectExpenditure(gpb))
        && let Some(op) = statement_amount(c, s)
    {
        return Some((op, Some(s), "一般公共预算财政拨款项目支出"));
    }
    c.cell_of(TableKind::GeneralBudgetExpenditure, &total, Column::Project)
        .map(|op| (op, None, "一般公共预算财政拨款项目支出"))
}

/// P007: Σ the listed projects' actual amounts ≤ total 项目支出 (beyond rounding).
fn projects_within_total(c: &mut Checker<'_>) {
    let Some((total, context, what)) = project_total(c) else {
        return;
    };
    // Each project once: its first stated actual, else its row of the 项目支出决算表.
    let mut names: Vec<&str> = Vec::new();
    // `names` as a set: a membership test per statement and row, not a scan of the list.
    let mut listed: HashSet<&str> = HashSet::new();
    let mut parts: Vec<Operand> = Vec::new();
    for s in &c.disclosure.statements {
        if let (Concept::Project(name), StatedValue::Amount(_), None) =
            (&s.concept, &s.value, s.year)
            && !listed.contains(name.as_str())
            && let Some(op) = statement_amount(c, s)
        {
            listed.insert(name);
            names.push(name);
            parts.push(op);
        }
    }
    if let Some(table) = c.table(TableKind::ProjectExpenditure) {
        for row in &table.rows {
            if let RowKey::Project(name) = &row.key
                && !listed.contains(name.as_str())
                && let Some(op) = [Column::Amount, Column::Total]
                    .into_iter()
                    .find(|col| row.get(*col).is_some())
                    .and_then(|col| c.cell(table, &row.key, col))
            {
                listed.insert(name);
                names.push(name);
                parts.push(op);
            }
        }
    }
    if parts.is_empty() {
        return;
    }
    let Some(sum) = parts
        .iter()
        .try_fold(Decimal::ZERO, |sum, p| sum.checked_add(p.value.value()))
    else {
        return;
    };
    let Some(allowance) = parts
        .iter()
        .chain([&total])
        .try_fold(Decimal::ZERO, |sum, o| sum.checked_add(o.value.half_unit()))
    else {
        return;
    };
    let Some(difference) = sum.checked_sub(total.value.value()) else {
        return;
    };
    if difference <= allowance {
        return;
    }
    let unit = c.currency();
    let message = format!(
        "文中所列 {} 个项目的实际支出合计 {} {unit}，高于{what} {} {unit}，相差 {} {unit}，\
         超出四舍五入允许的 {} {unit}；所列项目（{}）不可能比项目支出总额还多",
        parts.len(),
        show(sum),
        show(total.value.value()),
        show(difference),
        show(allowance),
        names.join("、"),
    );
    let involves: Vec<FigureRef> = [total.figure.to_ref()]
        .into_iter()
        .chain(parts.iter().map(|p| p.figure.to_ref()))
        .collect();
    c.push(NewFinding {
        rule: RuleCode::P007,
        kind: FindingKind::Violation,
        at: Some(total.figure.to_ref()),
        involves,
        context,
        comparison: Some(Comparison {
            published: sum,
            expected: total.value.value(),
            difference,
            allowance,
            unit: FigureUnit::Money(unit),
        }),
        message,
    });
}
