//! A department's budget end to end (部门预算): derived from a small ledger of budget lines,
//! printed with last year's budget beside it, its narrative written, read back and checked,
//! and, once the year is over, set against the year's final accounts.
//!
//! The department (示例区文化旅游局, two units: the bureau and its 文化馆) and its figures are
//! made up for the example; every table and sentence is what the crate derives from them.
//!
//! Run with `cargo run --example budget_2025`. The exit status is 1 when the check finds an
//! error (it should not: the budget is derived, printed at 万元 and read back from its own
//! narrative), 0 otherwise.

use std::error::Error;
use std::process::ExitCode;

use fiscal_cn::{
    Decimal,
    check::{Policy, Severity, check},
    derive::{Publication, derive_disclosure},
    dimensions::{ExpenditureKind, IncomeSource},
    ledger::{ExpenditureItem, IncomeItem, Ledger, OpeningBalance, UnitId},
    metrics::{budget_execution, with_prior_year},
    money::round_half_up,
    narrative::{ReadOptions, read_narrative, render_narrative},
    report::{Align, Column, DisclosureKind, Entity, TableKind, render_columns},
};

const DEPARTMENT: &str = "示例区文化旅游局";

/// One budget line: unit, 功能分类 项, 经济分类 款, 基本/项目, source, amount in 元.
type Line = (
    u32,
    &'static str,
    &'static str,
    ExpenditureKind,
    IncomeSource,
    i64,
);

use ExpenditureKind::{Basic, Project};
use IncomeSource::{GeneralBudgetAppropriation as Gpb, InstitutionRevenue as Fees};

/// The 2025 budget lines.
const LINES_2025: &[Line] = &[
    (1, "2070101", "30101", Basic, Gpb, 1_236_000),
    (1, "2070101", "30102", Basic, Gpb, 494_400),
    (1, "2070101", "30201", Basic, Gpb, 58_000),
    (1, "2070101", "30217", Basic, Gpb, 10_000),
    (1, "2070101", "30231", Basic, Gpb, 36_000),
    (1, "2070109", "30227", Project, Gpb, 760_000),
    (1, "2080505", "30108", Basic, Gpb, 197_760),
    (1, "2101101", "30110", Basic, Gpb, 98_880),
    (1, "2210201", "30113", Basic, Gpb, 148_320),
    (2, "2070109", "30227", Project, Fees, 150_000),
];

/// The 2024 budget lines (last year's, for the comparison).
const LINES_2024: &[Line] = &[
    (1, "2070101", "30101", Basic, Gpb, 1_200_000),
    (1, "2070101", "30102", Basic, Gpb, 480_000),
    (1, "2070101", "30201", Basic, Gpb, 60_000),
    (1, "2070101", "30217", Basic, Gpb, 12_000),
    (1, "2070101", "30231", Basic, Gpb, 36_000),
    (1, "2070109", "30227", Project, Gpb, 900_000),
    (1, "2080505", "30108", Basic, Gpb, 192_000),
    (1, "2101101", "30110", Basic, Gpb, 96_000),
    (1, "2210201", "30113", Basic, Gpb, 144_000),
    (2, "2070109", "30227", Project, Fees, 120_000),
];

/// Last year's appropriation carried over (上年结转) into the 2025 budget, in 元.
const CARRIED_INTO_2025: i64 = 200_000;

/// A budget ledger: the lines, funded by this year's income except what `carried` (of the
/// bureau's 一般公共预算 appropriation) pays for the first lines.
fn ledger(lines: &[Line], carried: i64) -> Result<Ledger, Box<dyn Error>> {
    let yuan = |amount: i64| Decimal::new(amount, 0);
    let mut expenditures = Vec::new();
    let mut incomes = Vec::new();
    let mut left = carried;
    for &(unit, function, economic, kind, source, amount) in lines {
        expenditures.push(ExpenditureItem {
            unit: UnitId(unit),
            function: function.parse()?,
            economic: Some(economic.parse()?),
            kind,
            source,
            amount: yuan(amount),
        });
        let paid_by_carry = if unit == 1 && source == Gpb {
            left.min(amount)
        } else {
            0
        };
        left -= paid_by_carry;
        if amount > paid_by_carry {
            incomes.push(IncomeItem {
                unit: UnitId(unit),
                function: function.parse()?,
                source,
                amount: yuan(amount - paid_by_carry),
            });
        }
    }
    let opening = (carried > 0)
        .then(|| OpeningBalance {
            unit: UnitId(1),
            source: Gpb,
            amount: yuan(carried),
        })
        .into_iter()
        .collect();
    Ok(Ledger::new(expenditures, incomes, opening)?)
}

fn main() -> Result<ExitCode, Box<dyn Error>> {
    let entity = |year, kind| Entity::new(DEPARTMENT, year, kind);
    let publication = Publication::default(); // 万元, 2 decimals, 四舍五入
    let last_year = derive_disclosure(
        &ledger(LINES_2024, 0)?,
        entity(2024, DisclosureKind::Budget),
        publication,
    )?;
    let this_year = derive_disclosure(
        &ledger(LINES_2025, CARRIED_INTO_2025)?,
        entity(2025, DisclosureKind::Budget),
        publication,
    )?;
    let budget = with_prior_year(&this_year, &last_year)?;

    println!("==== {DEPARTMENT} 2025年部门预算：表 ====\n");
    for table in &budget.tables {
        println!("{}\n", table.render());
    }

    let text = render_narrative(&budget);
    println!("==== 编制说明（由表生成） ====\n\n{text}");

    let reading = read_narrative(&text, &ReadOptions::default())?;
    let mut read = reading.disclosure;
    println!(
        "==== 读回 ====\n\n读作：{} {}年{}；{} 条陈述，{} 处未读懂\n",
        read.entity.name,
        read.entity.year,
        read.entity.kind,
        read.statements.len(),
        reading.unparsed.len()
    );

    read.tables = budget.tables.clone();
    let report = check(&read, &Policy::default());
    println!("==== 检查（说明与表） ====\n");
    for severity in [Severity::Error, Severity::Warning, Severity::Info] {
        let findings: Vec<_> = report
            .findings
            .iter()
            .filter(|f| f.severity == severity)
            .collect();
        println!("{severity}：{} 条", findings.len());
        for finding in findings.iter().take(5) {
            println!("  {} {}", finding.rule, finding.message());
        }
        if findings.len() > 5 {
            println!("  ……");
        }
    }

    // Once the year is over: the bureau spent 90% of the 群众文化 project and the rest as
    // budgeted. The final accounts come from the ledger of what was spent.
    let spent: Vec<Line> = LINES_2025
        .iter()
        .map(|&(unit, function, economic, kind, source, amount)| {
            let amount = if kind == Project && source == Gpb {
                amount / 10 * 9
            } else {
                amount
            };
            (unit, function, economic, kind, source, amount)
        })
        .collect();
    let accounts_ledger = {
        let budgeted = ledger(LINES_2025, CARRIED_INTO_2025)?;
        let spent_lines = ledger(&spent, 0)?;
        Ledger::new(
            spent_lines.expenditures().to_vec(),
            budgeted.incomes().to_vec(),
            budgeted.opening_balances().to_vec(),
        )?
    };
    let accounts = derive_disclosure(
        &accounts_ledger,
        entity(2025, DisclosureKind::FinalAccounts),
        publication,
    )?;
    println!("\n==== 2025年预算执行（支出预算表与同年支出决算表，万元） ====\n");
    let rows: Vec<Vec<String>> = budget_execution(&this_year, &accounts)?
        .iter()
        .filter(|l| l.table == TableKind::Expenditure && l.column == Column::Total)
        .map(|line| {
            let rate = line
                .completion_rate
                .map_or_else(|| "—".to_owned(), |r| format!("{}%", round_half_up(r, 2)));
            vec![
                line.row.to_string(),
                line.budget.to_string(),
                line.actual.to_string(),
                rate,
            ]
        })
        .collect();
    let right = Align::Right;
    print!(
        "{}",
        render_columns(
            &["科目", "预算数", "决算数", "完成预算"],
            &rows,
            &[Align::Left, right, right, right]
        )
    );

    let errors = report.count(Severity::Error);
    Ok(if errors > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}
