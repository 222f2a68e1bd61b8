//! Writing: the standard narrative sections from a disclosure.

use std::fmt::Write as _;

use rust_decimal::Decimal;

use crate::classification::{Catalog, FunctionCode, Level};
use crate::dimensions::{BasicExpenditureClass, ExpenditureKind, FundType, IncomeSource};
use crate::dimensions::{ThreePublicCategory, ThreePublicItem};
use crate::metrics::headline_column;
use crate::money::{Amount, Percent, Unit, format_fixed};
use crate::report::{
    Column, Concept, Countable, Disclosure, DisclosureKind, ProcurementLine, ReceptionKind, RowKey,
    StatedValue, Table, TableKind, VehicleType, VehicleUse,
};
use crate::vocabulary::cells_of;

const GPB: FundType = FundType::GeneralPublicBudget;

/// Writes the standard narrative (the Sichuan 10-section skeleton of 第二部分) of a disclosure.
///
/// Figures come from the tables where the disclosure has them and from its current-year
/// statements otherwise; prior-year statements (`year` = the report's year − 1), or else a
/// stated change, give the changes and growth rates. Budgets (completion rates) come from the
/// tables' 全年预算数/预算数 columns (一般公共预算 total and 项 lines, 三公 lines) or stated
/// budgets. The 三公 section gives each category with its sub-items and the counts (出国团组
/// and 人次, vehicles bought and held by type, 接待批次 and 人次) exactly as held; 其他重要事项
/// ends with 预算绩效管理情况 when there are project figures or a count of projects. Every amount is written in the disclosure's currency, 四舍五入 to
/// `amount_decimals`; every share and growth rate is computed from the amounts (2 decimals,
/// 四舍五入), never copied, and written as “—” when its base is zero; direction words follow
/// the sign. Sections without any figure are left out. Reading the result with
/// [`read_narrative`](crate::narrative::read_narrative) gives the same figures back.
///
/// ```
/// use fiscal_cn::dimensions::IncomeSource;
/// use fiscal_cn::narrative::render_narrative;
/// use fiscal_cn::report::{Concept, Disclosure, DisclosureKind, Entity, Location, StatedValue, Statement};
///
/// let mut d = Disclosure::new(Entity::new("示例局", 2024, DisclosureKind::FinalAccounts));
/// let amount = |c: Concept, v: &str| Statement::new(c, StatedValue::Amount(v.parse().unwrap()), Location::default());
/// d.statements.push(amount(Concept::CurrentIncomeTotal, "300万元"));
/// d.statements.push(amount(Concept::Income(IncomeSource::GeneralBudgetAppropriation), "200万元"));
/// d.statements.push(amount(Concept::Income(IncomeSource::Other), "100万元"));
/// let text = render_narrative(&d);
/// assert!(text.contains("2024年度本年收入合计300.00万元，其中：一般公共预算财政拨款收入200.00万元，占66.67%；其他收入100.00万元，占33.33%。"));
/// ```
#[must_use]
pub fn render_narrative(disclosure: &Disclosure) -> String {
    let w = Writer {
        d: disclosure,
        budget: disclosure.entity.kind == DisclosureKind::Budget,
    };
    let f = w.figure();
    let mut out = String::new();
    let year = disclosure.entity.year;
    let _ = writeln!(
        out,
        "{year}年度{}{}公开编制说明",
        disclosure.entity.name, disclosure.entity.kind
    );
    let _ = writeln!(out, "第二部分 {year}年度{}情况说明", disclosure.entity.kind);
    let mut chapter = 0;
    let mut section = |out: &mut String, title: &str, body: String| {
        if body.is_empty() {
            return;
        }
        chapter += 1;
        let _ = writeln!(out, "{}、{title}", numeral(chapter));
        out.push_str(&body);
    };
    section(&mut out, &format!("收入支出{f}总体情况说明"), w.overview());
    section(&mut out, &format!("收入{f}情况说明"), w.income());
    section(&mut out, &format!("支出{f}情况说明"), w.expenditure());
    section(
        &mut out,
        &format!("财政拨款收入支出{f}总体情况说明"),
        w.appropriation(),
    );
    section(
        &mut out,
        &format!("一般公共预算财政拨款支出{f}情况说明"),
        w.general_budget(),
    );
    section(
        &mut out,
        &format!("一般公共预算财政拨款基本支出{f}情况说明"),
        w.basic(),
    );
    section(
        &mut out,
        &format!("财政拨款“三公”经费支出{f}情况说明"),
        w.three_public(),
    );
    section(
        &mut out,
        &format!("政府性基金预算支出{f}情况说明"),
        w.fund(FundType::GovernmentFund),
    );
    section(
        &mut out,
        &format!("国有资本经营预算支出{f}情况说明"),
        w.fund(FundType::StateCapitalOperation),
    );
    section(&mut out, "其他重要事项的情况说明", w.other_matters());
    out
}

fn numeral(n: usize) -> String {
    const DIGITS: [&str; 10] = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0..=9 => DIGITS[n].to_owned(),
        10 => "十".to_owned(),
        11..=19 => format!("十{}", DIGITS[n % 10]),
        _ => n.to_string(),
    }
}

struct Writer<'a> {
    d: &'a Disclosure,
    /// A department's budget: its figures are this year's budget, changes are against last
    /// year's budget, and it states no completion rate.
    budget: bool,
}

impl Writer<'_> {
    /// What the disclosure's figures are: 决算 or 预算.
    fn figure(&self) -> &'static str {
        if self.budget { "预算" } else { "决算" }
    }

    fn year(&self) -> u16 {
        self.d.entity.year
    }

    fn unit(&self) -> Unit {
        self.d.currency
    }

    /// The first table with the layout of `kind` (a budget's counterpart table).
    fn table(&self, kind: TableKind) -> Option<&Table> {
        self.d.tables.iter().find(|t| t.kind.layout() == kind)
    }

    /// A table cell in the document's currency.
    fn cell(&self, kind: TableKind, row: &RowKey, column: Column) -> Option<Decimal> {
        self.cell_of(self.table(kind)?, row, column)
    }

    /// A cell of `table` (`column` as in the final-accounts layout) in the document's
    /// currency.
    fn cell_of(&self, table: &Table, row: &RowKey, column: Column) -> Option<Decimal> {
        let value = table.cell(row, table.kind.in_layout(column))?;
        Amount::new(value, table.unit)
            .to_unit(self.unit())
            .ok()
            .map(Amount::value)
    }

    /// The first printed cell of the places the vocabulary lists for `concept`.
    fn table_value(&self, concept: &Concept) -> Option<Decimal> {
        cells_of(concept).find_map(|(kind, row, column)| self.cell(kind, &row, column))
    }

    /// A stated amount (or budget, with `budget`) of `concept` for `year` (`None`: this year).
    fn stated(&self, concept: &Concept, year: Option<u16>, budget: bool) -> Option<Decimal> {
        self.d.statements.iter().find_map(|s| {
            if &s.concept != concept || s.year.filter(|y| *y != self.year()) != year {
                return None;
            }
            let amount = match (&s.value, budget) {
                (StatedValue::Amount(a), false) | (StatedValue::Budget(a), true) => *a,
                _ => return None,
            };
            amount.to_unit(self.unit()).ok().map(Amount::value)
        })
    }

    fn value(&self, concept: &Concept) -> Option<Decimal> {
        self.table_value(concept)
            .or_else(|| self.stated(concept, None, false))
    }

    fn count(&self, countable: Countable) -> Option<u64> {
        self.d.statements.iter().find_map(|s| match s.value {
            StatedValue::Count(n) if s.concept == Concept::Count(countable) => Some(n),
            _ => None,
        })
    }

    fn money(&self, value: Decimal) -> String {
        format!(
            "{}{}",
            format_fixed(value, self.d.amount_decimals),
            self.unit()
        )
    }

    /// `占P%`, computed from the printed amounts; `占—` when the whole is zero.
    fn share(&self, part: Decimal, whole: Decimal) -> String {
        let round = |v| crate::money::round_half_up(v, self.d.amount_decimals);
        match Percent::from_ratio(round(part), round(whole), 2) {
            Some(p) => format!("占{p}"),
            None => "占比—（合计为0）".to_owned(),
        }
    }

    /// `，占{base}的P%`, computed from the printed amounts; `，{base}为0，占比—` when the
    /// whole is zero.
    fn share_of(&self, part: Decimal, whole: Decimal, base: &str) -> String {
        let round = |v| crate::money::round_half_up(v, self.d.amount_decimals);
        match Percent::from_ratio(round(part), round(whole), 2) {
            Some(p) => format!("，占{base}的{p}"),
            None => format!("，{base}为0，占比—"),
        }
    }

    /// The prior year's amount of `concept`: in a budget, the 上年预算数 its table prints
    /// beside it; else stated (a statement of the report's year − 1), else implied by a
    /// stated change of this year (this year − change).
    fn prior(&self, concept: &Concept, current: Decimal) -> Option<Decimal> {
        let prior_year = self.year().checked_sub(1)?;
        if self.budget
            && let Some(prior) = self.printed_prior_budget(concept)
        {
            return Some(prior);
        }
        if let Some(prior) = self.stated(concept, Some(prior_year), false) {
            return Some(prior);
        }
        self.d.statements.iter().find_map(|s| {
            if &s.concept != concept || s.year.is_some_and(|y| y != self.year()) {
                return None;
            }
            let StatedValue::Change { amount, direction } = &s.value else {
                return None;
            };
            let change = direction.signed(amount.to_unit(self.unit()).ok()?.value());
            current.checked_sub(change)
        })
    }

    /// Last year's budget of `concept` where a budget table prints it (上年预算数): only
    /// beside the concept's own cell, that is when the concept is printed in the table's
    /// headline column.
    fn printed_prior_budget(&self, concept: &Concept) -> Option<Decimal> {
        cells_of(concept).find_map(|(kind, key, column)| {
            let table = self.table(kind)?;
            let row = table.row(&key)?;
            (headline_column(table.kind, row) == Some(table.kind.in_layout(column)))
                .then(|| self.cell_of(table, &key, Column::PriorBudget))
                .flatten()
        })
    }

    /// `与2023年度相比，{subject}增加X万元，增长Y%。` when the prior year is known (in a
    /// budget, `与2023年预算相比，…`).
    fn change(&self, concept: &Concept, subject: &str, current: Decimal) -> String {
        let prior_year = self.year().saturating_sub(1);
        let Some(prior) = self.prior(concept, current) else {
            return String::new();
        };
        let round = |v| crate::money::round_half_up(v, self.d.amount_decimals);
        let (current, prior) = (round(current), round(prior));
        let diff = current - prior;
        // A budget compares with last year's budget, final accounts with last year's.
        let against = if self.budget {
            format!("与{prior_year}年预算相比")
        } else {
            format!("与{prior_year}年度相比")
        };
        if diff.is_zero() {
            return format!("{against}，{subject}持平。");
        }
        let (more, rise) = if diff > Decimal::ZERO {
            ("增加", "增长")
        } else {
            ("减少", "下降")
        };
        let magnitude = self.money(diff.abs());
        // 2 decimals; more (up to 4) when 2 would print a non-zero change as 0.00%.
        let rate = (2..=4)
            .filter_map(|d| Percent::from_ratio(diff.abs(), prior, d))
            .find(|p| !p.points().is_zero())
            .or_else(|| Percent::from_ratio(diff.abs(), prior, 2));
        match rate {
            Some(rate) => {
                format!("{against}，{subject}{more}{magnitude}，{rise}{rate}。")
            }
            None => {
                format!("{against}，{subject}{more}{magnitude}（{prior_year}年度为0，{rise}率—）。")
            }
        }
    }

    /// [`Writer::change`] with the concept's own name as the subject.
    fn change_named(&self, concept: &Concept, current: Decimal) -> String {
        self.change(concept, &concept.to_string(), current)
    }

    /// `{head}X，其中：A a，占p%；B b，占q%。`
    fn listing(
        &self,
        head: &str,
        total: Decimal,
        parts: &[(String, Decimal)],
        shares: bool,
    ) -> String {
        let mut text = format!("{}年度{head}{}", self.year(), self.money(total));
        if parts.is_empty() {
            text.push('。');
            return text;
        }
        text.push_str("，其中：");
        let items: Vec<String> = parts
            .iter()
            .map(|(name, v)| {
                if shares {
                    format!("{name}{}，{}", self.money(*v), self.share(*v, total))
                } else {
                    format!("{name}{}", self.money(*v))
                }
            })
            .collect();
        text.push_str(&items.join("；"));
        text.push('。');
        text
    }

    fn overview(&self) -> String {
        let income = self.value(&Concept::IncomeGrandTotal);
        let expenditure = self.value(&Concept::ExpenditureGrandTotal);
        let y = self.year();
        let mut out = match (income, expenditure) {
            (Some(i), Some(e)) if i == e => {
                format!("{y}年度收入、支出总计均为{}。", self.money(i))
            }
            (Some(i), Some(e)) => format!(
                "{y}年度收入总计{}，支出总计{}。",
                self.money(i),
                self.money(e)
            ),
            (Some(i), None) => format!("{y}年度收入总计{}。", self.money(i)),
            (None, Some(e)) => format!("{y}年度支出总计{}。", self.money(e)),
            (None, None) => return String::new(),
        };
        if let Some(i) = income {
            out.push_str(&self.change_named(&Concept::IncomeGrandTotal, i));
        }
        if let Some(e) = expenditure {
            out.push_str(&self.change_named(&Concept::ExpenditureGrandTotal, e));
        }
        out.push('\n');
        out
    }

    fn income(&self) -> String {
        let Some(total) = self.value(&Concept::CurrentIncomeTotal) else {
            return String::new();
        };
        let parts: Vec<(String, Decimal)> = IncomeSource::ALL
            .iter()
            .filter_map(|s| {
                self.value(&Concept::Income(*s))
                    .map(|v| (s.name().to_owned(), v))
            })
            .collect();
        format!(
            "{}\n",
            self.listing(
                &Concept::CurrentIncomeTotal.to_string(),
                total,
                &parts,
                true
            )
        )
    }

    fn expenditure(&self) -> String {
        let Some(total) = self.value(&Concept::CurrentExpenditureTotal) else {
            return String::new();
        };
        let parts: Vec<(String, Decimal)> = ExpenditureKind::ALL
            .iter()
            .filter_map(|k| {
                self.value(&Concept::Expenditure(*k))
                    .map(|v| (k.name().to_owned(), v))
            })
            .collect();
        format!(
            "{}\n",
            self.listing(
                &Concept::CurrentExpenditureTotal.to_string(),
                total,
                &parts,
                true
            )
        )
    }

    fn appropriation(&self) -> String {
        let income = self.value(&Concept::AppropriationIncomeGrandTotal);
        let expenditure = self.value(&Concept::AppropriationExpenditureGrandTotal);
        let y = self.year();
        let mut out = match (income, expenditure) {
            (Some(i), Some(e)) if i == e => {
                format!("{y}年度财政拨款收入、支出总计均为{}。", self.money(i))
            }
            (Some(i), Some(e)) => format!(
                "{y}年度财政拨款收入总计{}，财政拨款支出总计{}。",
                self.money(i),
                self.money(e)
            ),
            (Some(i), None) => format!("{y}年度财政拨款收入总计{}。", self.money(i)),
            (None, Some(e)) => format!("{y}年度财政拨款支出总计{}。", self.money(e)),
            (None, None) => return String::new(),
        };
        if let Some(e) = expenditure {
            out.push_str(&self.change_named(&Concept::AppropriationExpenditureGrandTotal, e));
        }
        out.push('\n');
        out
    }

    /// The 功能分类 lines of 一般公共预算财政拨款支出 at `level`, in code order.
    fn function_lines(&self, level: Level) -> Vec<(FunctionCode, Decimal)> {
        let mut lines: Vec<(FunctionCode, Decimal)> = Vec::new();
        if let Some(table) = self.table(TableKind::GeneralBudgetExpenditure) {
            for (code, _) in table.function_rows() {
                if code.level() == level
                    && let Some(v) =
                        self.table_value(&Concept::FundFunctionExpenditure { fund: GPB, code })
                {
                    lines.push((code, v));
                }
            }
        }
        if lines.is_empty() {
            for s in &self.d.statements {
                if let (
                    Concept::FundFunctionExpenditure { fund: GPB, code },
                    StatedValue::Amount(a),
                ) = (&s.concept, &s.value)
                    && code.level() == level
                    && s.year.is_none()
                    && !lines.iter().any(|(c, _)| c == code)
                    && let Ok(a) = a.to_unit(self.unit())
                {
                    lines.push((*code, a.value()));
                }
            }
        }
        lines.sort_by_key(|(code, _)| *code);
        lines
    }

    fn general_budget(&self) -> String {
        let concept = Concept::FundExpenditure(GPB);
        let Some(total) = self.value(&concept) else {
            return String::new();
        };
        let y = self.year();
        let catalog = Catalog::<FunctionCode>::embedded();
        let f = self.figure();
        let mut out = format!("（一）一般公共预算财政拨款支出{f}总体情况\n");
        let _ = write!(out, "{y}年度一般公共预算财政拨款支出{}", self.money(total));
        let all_concept = Concept::CurrentExpenditureTotal;
        if let Some(all) = self.value(&all_concept) {
            out.push_str(&self.share_of(total, all, &all_concept.to_string()));
        }
        out.push('。');
        out.push_str(&self.change_named(&concept, total));
        out.push('\n');
        let leis = self.function_lines(Level::Lei);
        if !leis.is_empty() {
            let _ = writeln!(out, "（二）一般公共预算财政拨款支出{f}结构情况");
            let parts: Vec<String> = leis
                .iter()
                .map(|(code, v)| {
                    let name = catalog
                        .name(*code)
                        .map_or_else(|| code.to_string(), |n| format!("{n}（类）"));
                    format!("{name}{}，{}", self.money(*v), self.share(*v, total))
                })
                .collect();
            let _ = writeln!(
                out,
                "{y}年度一般公共预算财政拨款支出{}，主要用于以下方面：{}。",
                self.money(total),
                parts.join("；")
            );
        }
        let xiangs = self.function_lines(Level::Xiang);
        if !xiangs.is_empty() {
            let _ = writeln!(out, "（三）一般公共预算财政拨款支出{f}具体情况");
            let _ = write!(
                out,
                "{y}年度一般公共预算财政拨款支出{f}数为{}",
                self.money(total)
            );
            out.push_str(&self.completion_of(&concept, total));
            out.push_str("。其中：\n");
            for (index, (code, v)) in xiangs.iter().enumerate() {
                let path = catalog
                    .path_of(*code)
                    .map_or_else(|_| format!("科目{code}"), |p| p.to_string());
                let _ = write!(out, "{}.{path}：支出{f}为{}", index + 1, self.money(*v));
                let line = Concept::FundFunctionExpenditure {
                    fund: GPB,
                    code: *code,
                };
                out.push_str(&self.completion_of(&line, *v));
                out.push_str("。\n");
            }
        }
        out
    }

    /// `，完成预算P%` (computed from the printed amounts); `，未安排预算（预算数为0），完成率—`
    /// when the budget is zero: never 0% or 100% (I-17).
    fn completion(&self, actual: Decimal, budget: Decimal) -> String {
        let round = |v| crate::money::round_half_up(v, self.d.amount_decimals);
        match Percent::from_ratio(round(actual), round(budget), 2) {
            Some(p) => format!("，完成预算{p}"),
            None => "，未安排预算（预算数为0），完成率—".to_owned(),
        }
    }

    /// The completion clause of `concept` when its budget is known, else nothing (always in a
    /// budget, which states no completion rate).
    fn completion_of(&self, concept: &Concept, actual: Decimal) -> String {
        if self.budget {
            return String::new();
        }
        self.budget_of(concept)
            .map(|budget| self.completion(actual, budget))
            .unwrap_or_default()
    }

    /// The budget of `concept`: the 全年预算数 (where printed) or 预算数 column of the row of its
    /// first place in the tables, else a stated budget.
    fn budget_of(&self, concept: &Concept) -> Option<Decimal> {
        let from_table = cells_of(concept).next().and_then(|(kind, row, _)| {
            self.d
                .tables
                .iter()
                .filter(|t| t.kind.layout() == kind)
                .find_map(|t| {
                    [Column::AdjustedBudget, Column::Budget]
                        .into_iter()
                        .find_map(|column| self.cell_of(t, &row, column))
                })
        });
        from_table.or_else(|| self.stated(concept, None, true))
    }

    fn basic(&self) -> String {
        let Some(total) = self.value(&Concept::FundBasicExpenditure(GPB)) else {
            return String::new();
        };
        let parts: Vec<(String, Decimal)> = BasicExpenditureClass::ALL
            .iter()
            .filter_map(|class| {
                self.value(&Concept::FundBasicClass {
                    fund: GPB,
                    class: *class,
                })
                .map(|v| (class.name().to_owned(), v))
            })
            .collect();
        format!(
            "{}\n",
            self.listing(
                &Concept::FundBasicExpenditure(GPB).to_string(),
                total,
                &parts,
                false
            )
        )
    }

    fn three_public(&self) -> String {
        let y = self.year();
        let mut out = String::new();
        let total = self.value(&Concept::ThreePublicTotal);
        let f = self.figure();
        if let Some(total) = total {
            let _ = writeln!(out, "（一）“三公”经费财政拨款支出{f}总体情况说明");
            let _ = write!(
                out,
                "{y}年度“三公”经费财政拨款支出{f}为{}",
                self.money(total)
            );
            out.push_str(&self.completion_of(&Concept::ThreePublicTotal, total));
            out.push('。');
            out.push_str(&self.change(&Concept::ThreePublicTotal, "“三公”经费财政拨款支出", total));
            out.push('\n');
        }
        let mut details = String::new();
        let mut number = 0;
        for category in ThreePublicCategory::ALL {
            let body = self.three_public_category(*category);
            if !body.is_empty() {
                number += 1;
                let _ = write!(details, "{number}.{body}");
            }
        }
        let categories: Vec<String> = ThreePublicCategory::ALL
            .iter()
            .filter_map(|c| {
                let v = self.value(&Concept::ThreePublicCategory(*c))?;
                Some(match total {
                    Some(total) => {
                        format!("{c}支出{f}{}，{}", self.money(v), self.share(v, total))
                    }
                    None => format!("{c}支出{f}{}", self.money(v)),
                })
            })
            .collect();
        if !categories.is_empty() || !details.is_empty() {
            let _ = writeln!(out, "（二）“三公”经费财政拨款支出{f}具体情况说明");
        }
        if !categories.is_empty() {
            let _ = writeln!(
                out,
                "{y}年度“三公”经费财政拨款支出{f}中，{}。",
                categories.join("；")
            );
        }
        out.push_str(&details);
        out
    }

    /// One category's paragraph of 三公 (without its number): amount, completion, change, its
    /// sub-items and counts; empty when the disclosure has nothing on it.
    fn three_public_category(&self, category: ThreePublicCategory) -> String {
        let concept = Concept::ThreePublicCategory(category);
        let mut out = String::new();
        if let Some(v) = self.value(&concept) {
            let name = match category {
                ThreePublicCategory::OverseasTravel => "因公出国（境）经费",
                ThreePublicCategory::OfficialVehicles => "公务用车购置及运行维护费",
                ThreePublicCategory::OfficialReception => "公务接待费",
            };
            let _ = write!(out, "{name}支出{}", self.money(v));
            out.push_str(&self.completion_of(&concept, v));
            out.push('。');
            out.push_str(&self.change(&concept, &format!("{name}支出"), v));
            out.push('\n');
        }
        match category {
            ThreePublicCategory::OverseasTravel => {
                let groups = self.count(Countable::OverseasGroups);
                let persons = self.count(Countable::OverseasPersons);
                let text = match (groups, persons) {
                    (Some(g), Some(p)) => {
                        format!("全年安排因公出国（境）团组{g}次，出国（境）{p}人。")
                    }
                    (Some(g), None) => format!("全年安排因公出国（境）团组{g}次。"),
                    (None, Some(p)) => format!("全年因公出国（境）{p}人。"),
                    (None, None) => String::new(),
                };
                if !text.is_empty() {
                    let _ = writeln!(out, "{text}");
                }
            }
            ThreePublicCategory::OfficialVehicles => {
                out.push_str(
                    &self.three_public_item(
                        ThreePublicItem::VehiclePurchase,
                        "其中：公务用车购置支出",
                    ),
                );
                out.push_str(&self.vehicles_purchased());
                out.push_str(&self.vehicles_held());
                out.push_str(&self.three_public_item(
                    ThreePublicItem::VehicleOperation,
                    "公务用车运行维护费支出",
                ));
            }
            ThreePublicCategory::OfficialReception => {
                out.push_str(&self.reception(ReceptionKind::Domestic));
                out.push_str(&self.reception(ReceptionKind::Foreign));
            }
        }
        out
    }

    /// `{words}X万元，完成预算P%。与2023年度相比，…` for a 三公 sub-item when its amount is known.
    fn three_public_item(&self, item: ThreePublicItem, words: &str) -> String {
        let concept = Concept::ThreePublicItem(item);
        let Some(v) = self.value(&concept) else {
            return String::new();
        };
        let subject = words.strip_prefix("其中：").unwrap_or(words);
        format!(
            "{words}{}{}。{}\n",
            self.money(v),
            self.completion_of(&concept, v),
            self.change(&concept, subject, v)
        )
    }

    /// `全年按规定更新购置公务用车N辆、金额X万元，其中：轿车a辆、金额x万元，…。`
    fn vehicles_purchased(&self) -> String {
        let total = self.count(Countable::VehiclesPurchased(None));
        let amount = self.stated(&Concept::VehiclePurchaseAmount(None), None, false);
        let types: Vec<String> = VEHICLE_TYPES
            .iter()
            .filter_map(|t| {
                let n = self.count(Countable::VehiclesPurchased(Some(*t)));
                let a = self.stated(&Concept::VehiclePurchaseAmount(Some(*t)), None, false);
                // Without the total before it, each type says it was bought.
                let verb = if total.is_some() { "" } else { "购置" };
                match (n, a) {
                    (Some(n), Some(a)) => Some(format!("{verb}{t}{n}辆、金额{}", self.money(a))),
                    (Some(n), None) => Some(format!("{verb}{t}{n}辆")),
                    (None, Some(a)) => Some(format!("购置{t}金额{}", self.money(a))),
                    (None, None) => None,
                }
            })
            .collect();
        if total.is_none() && amount.is_none() && types.is_empty() {
            return String::new();
        }
        let mut out = String::from("全年按规定更新购置公务用车");
        if let Some(n) = total {
            let _ = write!(out, "{n}辆");
        }
        if let Some(a) = amount {
            let _ = write!(out, "、金额{}", self.money(a));
        }
        if !types.is_empty() {
            out.push_str(if total.is_some() || amount.is_some() {
                "，其中："
            } else {
                "中，"
            });
            out.push_str(&types.join("，"));
        }
        out.push_str("。\n");
        out
    }

    /// `截至2024年12月31日，单位共有公务用车N辆，其中：轿车a辆、越野车b辆、载客汽车c辆。`
    fn vehicles_held(&self) -> String {
        let total = self.count(Countable::VehiclesHeld(None));
        let verb = if total.is_some() { "" } else { "共有" };
        let types: Vec<String> = VEHICLE_TYPES
            .iter()
            .filter_map(|t| {
                self.count(Countable::VehiclesHeld(Some(*t)))
                    .map(|n| format!("{verb}{t}{n}辆"))
            })
            .collect();
        let mut out = format!("截至{}年12月31日，单位", self.year());
        match total {
            Some(n) if types.is_empty() => {
                let _ = write!(out, "共有公务用车{n}辆");
            }
            Some(n) => {
                let _ = write!(out, "共有公务用车{n}辆，其中：{}", types.join("、"));
            }
            None if types.is_empty() => return String::new(),
            None => out.push_str(&types.join("、")),
        }
        out.push_str("。\n");
        out
    }

    /// `国内公务接待N批次，M人次（不包括陪同人员），共计支出X万元。` (or `外事接待…`).
    fn reception(&self, kind: ReceptionKind) -> String {
        let (name, item) = match kind {
            ReceptionKind::Domestic => ("国内公务接待", ThreePublicItem::DomesticReception),
            ReceptionKind::Foreign => ("外事接待", ThreePublicItem::ForeignReception),
        };
        let batches = self.count(Countable::ReceptionBatches(kind));
        let persons = self.count(Countable::ReceptionPersons(kind));
        let counts = match (batches, persons) {
            (Some(b), Some(p)) => format!("{b}批次，{p}人次（不包括陪同人员）"),
            (Some(b), None) => format!("{b}批次"),
            (None, Some(p)) => format!("{p}人次（不包括陪同人员）"),
            (None, None) => return self.three_public_item(item, &format!("{name}支出")),
        };
        let concept = Concept::ThreePublicItem(item);
        match self.value(&concept) {
            Some(v) => format!(
                "{name}{counts}，共计支出{}{}。{}\n",
                self.money(v),
                self.completion_of(&concept, v),
                self.change(&concept, &format!("{name}支出"), v)
            ),
            None => format!("{name}{counts}。\n"),
        }
    }

    fn fund(&self, fund: FundType) -> String {
        match self.value(&Concept::FundExpenditure(fund)) {
            Some(v) => format!("{}年度{fund}财政拨款支出{}。\n", self.year(), self.money(v)),
            None => String::new(),
        }
    }

    fn other_matters(&self) -> String {
        let y = self.year();
        let mut out = String::new();
        let mut sub = 0;
        let mut heading = |out: &mut String, title: &str| {
            sub += 1;
            let _ = writeln!(out, "（{}）{title}", numeral(sub));
        };
        if let Some(v) = self.value(&Concept::OperatingFunds) {
            heading(&mut out, "机关运行经费支出情况");
            let _ = write!(out, "{y}年度机关运行经费支出{}。", self.money(v));
            out.push_str(&self.change(&Concept::OperatingFunds, "机关运行经费支出", v));
            out.push('\n');
        }
        if let Some(total) = self.value(&Concept::Procurement(ProcurementLine::Total)) {
            heading(&mut out, "政府采购支出情况");
            let parts: Vec<(String, Decimal)> = [
                ProcurementLine::Goods,
                ProcurementLine::Works,
                ProcurementLine::Services,
            ]
            .iter()
            .filter_map(|l| {
                self.value(&Concept::Procurement(*l))
                    .map(|v| (l.name().to_owned(), v))
            })
            .collect();
            let mut text = self.listing("政府采购支出总额", total, &parts, false);
            for line in [
                ProcurementLine::AwardedToSme,
                ProcurementLine::AwardedToSmallMicro,
            ] {
                if let Some(v) = self.value(&Concept::Procurement(line)) {
                    let _ = write!(
                        text,
                        "{line}{}{}。",
                        self.money(v),
                        self.share_of(v, total, "政府采购支出总额")
                    );
                }
            }
            let _ = writeln!(out, "{text}");
        }
        if let Some(n) = self.count(Countable::VehiclesByUse(None)) {
            heading(&mut out, "国有资产占有使用情况");
            let uses: Vec<String> = VehicleUse::ALL
                .iter()
                .filter_map(|u| {
                    self.count(Countable::VehiclesByUse(Some(*u)))
                        .map(|k| format!("{u}{k}辆"))
                })
                .collect();
            let _ = write!(out, "截至{y}年12月31日，共有车辆{n}辆");
            if !uses.is_empty() {
                let _ = write!(out, "，其中：{}", uses.join("、"));
            }
            out.push('。');
            if let Some(k) = self.count(Countable::LargeEquipment) {
                let _ = write!(out, "单价100万元以上设备（不含车辆）{k}台（套）。");
            }
            out.push('\n');
        }
        let performance = self.performance();
        if !performance.is_empty() {
            heading(&mut out, "预算绩效管理情况");
            out.push_str(&performance);
        }
        out
    }

    /// 预算绩效管理情况: how many projects were self-evaluated and, per project with figures,
    /// `项目1：名称` then `年初预算资金X万元，实际使用Y万元，预算执行率P%。` (the rate computed from
    /// the printed amounts; “—” for a zero budget).
    fn performance(&self) -> String {
        let mut names: Vec<&str> = Vec::new();
        for s in &self.d.statements {
            if let Concept::Project(name) = &s.concept
                && s.year.is_none()
                && matches!(s.value, StatedValue::Amount(_) | StatedValue::Budget(_))
                && !names.contains(&name.as_str())
            {
                names.push(name);
            }
        }
        let count = self.count(Countable::Projects);
        if names.is_empty() && count.is_none() {
            return String::new();
        }
        let mut out = String::from("根据预算绩效管理要求，本单位");
        // A budget sets targets; final accounts evaluate what was done.
        let work = if self.budget {
            "编制绩效目标"
        } else {
            "开展绩效自评"
        };
        match count {
            Some(n) => {
                let _ = write!(out, "组织对{n}个项目{work}");
            }
            None => {
                let _ = write!(out, "组织对项目{work}");
            }
        }
        out.push_str(if names.is_empty() {
            "。\n"
        } else {
            "，主要项目情况如下。\n"
        });
        for (index, name) in names.iter().enumerate() {
            let concept = Concept::Project((*name).to_owned());
            let budget = self.stated(&concept, None, true);
            let actual = self.stated(&concept, None, false);
            let mut parts: Vec<String> = Vec::new();
            if let Some(b) = budget {
                parts.push(format!("年初预算资金{}", self.money(b)));
            }
            if let Some(a) = actual {
                parts.push(format!("实际使用{}", self.money(a)));
            }
            if let (Some(b), Some(a)) = (budget, actual) {
                let round = |v| crate::money::round_half_up(v, self.d.amount_decimals);
                parts.push(match Percent::from_ratio(round(a), round(b), 2) {
                    Some(rate) => format!("预算执行率{rate}"),
                    None => "年初预算为0，预算执行率—".to_owned(),
                });
            }
            let _ = writeln!(out, "项目{}：{name}\n{}。", index + 1, parts.join("，"));
        }
        out
    }
}

/// The vehicle types a narrative lists (轿车, 越野车, 载客汽车).
const VEHICLE_TYPES: [VehicleType; 3] = [
    VehicleType::Sedan,
    VehicleType::OffRoad,
    VehicleType::Passenger,
];
