//! Budgets end to end (部门预算): derived from a ledger of budget lines, published at 万元,
//! checked; identities against an oracle computed from the ledger in 分; corruptions found.

use std::collections::BTreeMap;

use fiscal_cn::{
    Decimal, Error, Mismatch,
    check::{Policy, Severity, check},
    derive::{Publication, derive_disclosure},
    dimensions::{ExpenditureKind, FundType, IncomeSource},
    ledger::{ExpenditureItem, Ledger, OpeningBalance, UnitId, generate_budget_ledger},
    metrics::with_prior_year,
    money::Percent,
    narrative::{ReadOptions, read_narrative, render_narrative},
    report::{
        Column, Concept, Disclosure, DisclosureKind, Entity, FigureRef, Line, RowKey, StatedValue,
        TableKind,
    },
};
use proptest::prelude::*;

mod common;
use common::{below, corrupted_cells_found, error_covers};
use proptest::test_runner::{RngAlgorithm, TestRng};

fn entity() -> Entity {
    Entity::new("生成单位", 2025, DisclosureKind::Budget)
}

fn budget(seed: u64, units: usize, items: usize, publication: Publication) -> Disclosure {
    derive_disclosure(
        &generate_budget_ledger(seed, units, items),
        entity(),
        publication,
    )
    .expect("generated budget ledgers balance")
}

/// This year's budget at 万元 with last year's (another ledger) printed beside it.
fn with_last_year(seed: u64, units: usize, items: usize) -> Disclosure {
    let last = Entity::new("生成单位", 2024, DisclosureKind::Budget);
    let prior = derive_disclosure(
        &generate_budget_ledger(seed.wrapping_add(1), units, items),
        last,
        Publication::default(),
    )
    .unwrap();
    with_prior_year(&budget(seed, units, items, Publication::default()), &prior).unwrap()
}

/// The narrative written from `d`, read back, with `d`'s tables attached.
fn rendered_and_read(d: &Disclosure) -> Disclosure {
    let text = render_narrative(d);
    let mut read = read_narrative(&text, &ReadOptions::default())
        .unwrap_or_else(|e| panic!("{e}\n{text}"))
        .disclosure;
    read.tables = d.tables.clone();
    read
}

fn cents(amount: Decimal) -> i128 {
    (amount * Decimal::ONE_HUNDRED)
        .normalize()
        .to_string()
        .parse()
        .unwrap()
}

/// What the ledger says, in 分, summed by hand (no library aggregation).
struct Oracle {
    income_by_source: BTreeMap<IncomeSource, i128>,
    carried: i128,
    spent_by_lei: BTreeMap<u32, i128>,
    spent: i128,
    basic: i128,
    project: i128,
}

fn oracle(ledger: &Ledger) -> Oracle {
    let mut o = Oracle {
        income_by_source: BTreeMap::new(),
        carried: 0,
        spent_by_lei: BTreeMap::new(),
        spent: 0,
        basic: 0,
        project: 0,
    };
    for i in ledger.incomes() {
        *o.income_by_source.entry(i.source).or_default() += cents(i.amount);
    }
    for b in ledger.opening_balances() {
        o.carried += cents(b.amount);
    }
    for e in ledger.expenditures() {
        let c = cents(e.amount);
        *o.spent_by_lei
            .entry(e.function.as_u32() / 10_000)
            .or_default() += c;
        o.spent += c;
        match e.kind {
            ExpenditureKind::Basic => o.basic += c,
            ExpenditureKind::Project => o.project += c,
            _ => {}
        }
    }
    o
}

fn cell(d: &Disclosure, kind: TableKind, row: RowKey, column: Column) -> i128 {
    let table = d.table(kind).unwrap_or_else(|| panic!("{kind} printed"));
    cents(
        table
            .cell(&row, column)
            .unwrap_or_else(|| panic!("{kind} {row} {column}")),
    )
}

#[test]
fn a_budget_has_its_own_tables_named_as_budgets() {
    let d = budget(3, 2, 200, Publication::default());
    assert!(!d.tables.is_empty());
    for table in &d.tables {
        assert_eq!(
            table.kind.disclosure(),
            DisclosureKind::Budget,
            "{}",
            table.kind
        );
        assert!(!table.kind.name().contains("决算"), "{}", table.kind);
        for column in &table.columns {
            assert!(!column.name().contains("决算"), "{} {column}", table.kind);
        }
        for row in &table.rows {
            assert!(!row.name.contains("决算"), "{} {}", table.kind, row.name);
            // Nothing is carried out of a budget.
            assert_ne!(
                row.key,
                RowKey::Line(Line::ClosingBalance),
                "{}",
                table.kind
            );
        }
    }
    let summary = d.table(TableKind::BudgetSummary).unwrap();
    assert_eq!(summary.columns, vec![Column::Budget]);
    let carried = summary.row(&RowKey::Line(Line::OpeningBalance)).unwrap();
    assert_eq!(carried.name, "上年结转");
    assert!(
        summary
            .row(&RowKey::Income(IncomeSource::FiscalSpecialAccount))
            .is_some()
    );
}

#[test]
fn an_unbalanced_ledger_is_refused_with_the_figures() {
    let item = ExpenditureItem {
        unit: UnitId(1),
        function: "2013201".parse().unwrap(),
        economic: Some("30101".parse().unwrap()),
        kind: ExpenditureKind::Basic,
        source: IncomeSource::GeneralBudgetAppropriation,
        amount: Decimal::new(100_000, 2),
    };
    let carried = OpeningBalance {
        unit: UnitId(1),
        source: IncomeSource::GeneralBudgetAppropriation,
        amount: Decimal::new(40_000, 2),
    };
    let ledger = Ledger::new(vec![item], vec![], vec![carried]).unwrap();
    let err = derive_disclosure(&ledger, entity(), Publication::default()).unwrap_err();
    let Error::UnbalancedBudget {
        source_name,
        income,
        opening,
        spent,
        difference,
    } = &err
    else {
        panic!("{err:?}");
    };
    assert_eq!(*source_name, "一般公共预算财政拨款收入");
    assert_eq!(
        (*income, *opening, *spent, *difference),
        (
            Decimal::ZERO,
            Decimal::new(40_000, 2),
            Decimal::new(100_000, 2),
            Decimal::new(-60_000, 2)
        )
    );
    let message = err.to_string();
    assert!(
        message.contains("400.00") && message.contains("1000.00"),
        "{message}"
    );
    // The same ledger as final accounts is fine: what is not spent is carried out.
    let final_accounts = Entity::new("生成单位", 2025, DisclosureKind::FinalAccounts);
    assert!(derive_disclosure(&ledger, final_accounts, Publication::default()).is_ok());
}

#[test]
fn a_government_budget_is_not_derived_from_a_department_ledger() {
    let government = Entity::new("某区", 2025, DisclosureKind::GovernmentBudget);
    let err = derive_disclosure(&Ledger::default(), government, Publication::default());
    let Err(Error::GovernmentBudgetFromLedger { disclosure }) = &err else {
        panic!("{err:?}");
    };
    assert_eq!(
        (disclosure.name.as_str(), disclosure.year, disclosure.kind),
        ("某区", 2025, "政府预算")
    );
    let evaluation = Entity::new("某局", 2024, DisclosureKind::PerformanceSelfEvaluation);
    let err = derive_disclosure(&Ledger::default(), evaluation, Publication::default());
    let Err(Error::SelfEvaluationFromLedger { disclosure }) = &err else {
        panic!("{err:?}");
    };
    assert_eq!(disclosure.kind, "绩效自评");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn budget_tables_at_yuan_equal_the_oracle(seed in any::<u64>(), units in 1_usize..6, items in 20_usize..300) {
        let ledger = generate_budget_ledger(seed, units, items);
        let d = derive_disclosure(&ledger, entity(), Publication::EXACT).unwrap();
        let o = oracle(&ledger);
        let line = |l| RowKey::Line(l);
        use TableKind as K;
        let income: i128 = o.income_by_source.values().sum();
        // A budget balances: 收入总计 = 本年收入 + 上年结转 = 支出总计.
        prop_assert_eq!(income + o.carried, o.spent);
        prop_assert_eq!(cell(&d, K::BudgetSummary, line(Line::CurrentIncomeTotal), Column::Budget), income);
        prop_assert_eq!(cell(&d, K::BudgetSummary, line(Line::OpeningBalance), Column::Budget), o.carried);
        prop_assert_eq!(cell(&d, K::BudgetSummary, line(Line::IncomeGrandTotal), Column::Budget), o.spent);
        prop_assert_eq!(cell(&d, K::BudgetSummary, line(Line::ExpenditureGrandTotal), Column::Budget), o.spent);
        for (source, amount) in &o.income_by_source {
            prop_assert_eq!(cell(&d, K::BudgetSummary, RowKey::Income(*source), Column::Budget), *amount);
            prop_assert_eq!(cell(&d, K::BudgetIncome, line(Line::Total), Column::of_income_source(*source)), *amount);
        }
        for (lei, amount) in &o.spent_by_lei {
            let key = RowKey::Function(lei.to_string().parse().unwrap());
            prop_assert_eq!(cell(&d, K::BudgetSummary, key.clone(), Column::Budget), *amount);
            prop_assert_eq!(cell(&d, K::BudgetExpenditure, key, Column::Total), *amount);
        }
        prop_assert_eq!(cell(&d, K::BudgetExpenditure, line(Line::Total), Column::Basic), o.basic);
        prop_assert_eq!(cell(&d, K::BudgetExpenditure, line(Line::Total), Column::Project), o.project);
    }

    #[test]
    fn published_budgets_give_no_error_or_warning(seed in any::<u64>(), units in 1_usize..6, items in 20_usize..300) {
        let report = check(&budget(seed, units, items, Publication::default()), &Policy::default());
        let serious: Vec<_> = report.findings.iter().filter(|f| f.severity != Severity::Info).collect();
        prop_assert!(serious.is_empty(), "{serious:#?}");
        // Even the notes on tail differences speak of a budget.
        for finding in &report.findings {
            prop_assert!(!finding.message().contains("决算") && !finding.message().contains("年末"), "{}", finding.message());
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(16))]

    #[test]
    fn a_rendered_budget_reads_back_as_its_tables_and_checks_clean(seed in any::<u64>(), units in 1_usize..5, items in 20_usize..200) {
        let d = with_last_year(seed, units, items);
        let read = rendered_and_read(&d);
        prop_assert_eq!(read.entity.kind, DisclosureKind::Budget);
        prop_assert_eq!(read.entity.year, 2025);
        // The totals read back are the printed cells.
        let printed = |kind, row: RowKey, column| d.table(kind).unwrap().cell(&row, column).unwrap();
        let stated = |concept: &Concept| read.statements.iter().find_map(|s| match &s.value {
            StatedValue::Amount(a) if &s.concept == concept && s.year.is_none() => Some(a.value()),
            _ => None,
        });
        let line = |l| RowKey::Line(l);
        use TableKind as K;
        prop_assert_eq!(stated(&Concept::IncomeGrandTotal), Some(printed(K::BudgetSummary, line(Line::IncomeGrandTotal), Column::Budget)));
        prop_assert_eq!(stated(&Concept::CurrentIncomeTotal), Some(printed(K::BudgetSummary, line(Line::CurrentIncomeTotal), Column::Budget)));
        prop_assert_eq!(stated(&Concept::CurrentExpenditureTotal), Some(printed(K::BudgetSummary, line(Line::CurrentExpenditureTotal), Column::Budget)));
        prop_assert_eq!(
            stated(&Concept::FundExpenditure(FundType::GeneralPublicBudget)),
            Some(printed(K::BudgetGeneralBudgetExpenditure, line(Line::Total), Column::Total))
        );
        // Changes against last year's budget are read as changes, none as a level.
        let changes = read.statements.iter().filter(|s| matches!(s.value, StatedValue::Change { .. })).count();
        let completions = read.statements.iter().filter(|s| matches!(s.value, StatedValue::Completion { .. })).count();
        prop_assert!(changes > 0);
        prop_assert_eq!(completions, 0);
        let report = check(&read, &Policy::default());
        let serious: Vec<_> = report.findings.iter().filter(|f| f.severity != Severity::Info).collect();
        prop_assert!(serious.is_empty(), "{serious:#?}");
    }
}

#[test]
fn a_corrupted_rate_in_a_budget_narrative_is_found() {
    let mut rng = TestRng::deterministic_rng(RngAlgorithm::ChaCha);
    let (mut cases, mut found, mut missed) = (0_u32, 0_u32, Vec::new());
    for seed in 0..12 {
        let units = 1 + below(&mut rng, 4);
        let items = 40 + below(&mut rng, 160);
        let clean = rendered_and_read(&with_last_year(seed, units, items));
        let rates: Vec<usize> = clean
            .statements
            .iter()
            .enumerate()
            .filter(|(_, s)| {
                matches!(
                    s.value,
                    StatedValue::Share { .. } | StatedValue::Change { .. }
                )
            })
            .map(|(i, _)| i)
            .collect();
        for _ in 0..5 {
            let i = rates[below(&mut rng, rates.len())];
            if !beyond_rounding(&clean, i) {
                continue;
            }
            let mut corrupted = clean.clone();
            let statement = &mut corrupted.statements[i];
            // A share one percentage point off, or a change 1万元 off: beyond any rounding of
            // two decimals. (A growth rate is not corrupted: against a base of a few 百元 its
            // rounding interval is wide enough to hold it.)
            match &mut statement.value {
                StatedValue::Share { rate, .. } => {
                    *rate = Percent::new(rate.points() + Decimal::ONE)
                }
                StatedValue::Change { amount, .. } => {
                    *amount =
                        fiscal_cn::money::Amount::new(amount.value() + Decimal::ONE, amount.unit());
                }
                _ => unreachable!(),
            }
            let target = FigureRef::Statement(statement.id.clone().unwrap());
            cases += 1;
            if error_covers(&corrupted, &target) {
                found += 1;
            } else {
                missed.push(format!(
                    "{} {}",
                    corrupted.statements[i].concept, corrupted.statements[i].value
                ));
            }
        }
    }
    assert!(cases >= 40, "only {cases} corruptions beyond rounding");
    assert_eq!(found, cases, "missed: {missed:#?}");
}

/// Whether the corruption of statement `i` (a share one point more, a change 1万元 more) is
/// beyond what rounding allows, worked out here from the amounts the text states (a change
/// of 1万元 is, against amounts printed to 0.01万元).
fn beyond_rounding(d: &Disclosure, i: usize) -> bool {
    let statement = &d.statements[i];
    let StatedValue::Share { rate, of } = &statement.value else {
        return true;
    };
    let amount = |concept: &Concept| {
        d.statements.iter().find_map(|s| match &s.value {
            StatedValue::Amount(a) if &s.concept == concept && s.year.is_none() => Some(a.value()),
            _ => None,
        })
    };
    let (Some(part), Some(whole)) = (amount(&statement.concept), amount(of)) else {
        return false;
    };
    rate_beyond_rounding(part, whole, rate.points() + Decimal::ONE)
}

/// Whether `rate` (percentage points) cannot be `part / whole` of two amounts printed to 0.01
/// under any rounding: printed 四舍五入 they are within h = 0.005 of their value, truncated
/// below it by up to 2h, so the ratio lies in [(a − h) / (b + 2h), (a + 2h) / (b − h)] × 100,
/// widened by the rate's own rounding.
fn rate_beyond_rounding(part: Decimal, whole: Decimal, rate: Decimal) -> bool {
    let h = Decimal::new(5, 3);
    if whole <= h {
        return false;
    }
    let hundred = Decimal::ONE_HUNDRED;
    let lowest = (part - h).max(Decimal::ZERO) / (whole + h + h) * hundred - h - h;
    let highest = (part + h + h) / (whole - h) * hundred + h + h;
    rate < lowest || rate > highest
}

#[test]
fn a_corrupted_budget_cell_is_found_by_an_error_that_covers_it() {
    let mut rng = TestRng::deterministic_rng(RngAlgorithm::ChaCha);
    let (mut cases, mut found, mut missed) = (0_u32, 0_u32, Vec::new());
    for seed in 0..20 {
        let clean = budget(
            seed,
            1 + below(&mut rng, 5),
            40 + below(&mut rng, 260),
            Publication::default(),
        );
        let (hits, misses) = corrupted_cells_found(&clean, &mut rng, 10);
        cases += 10;
        found += u32::try_from(hits).unwrap();
        missed.extend(misses);
    }
    let rate = f64::from(found) / f64::from(cases);
    assert!(
        rate >= 0.99,
        "detection rate {rate:.4}; missed: {missed:#?}"
    );
}

#[test]
fn last_years_budget_is_printed_beside_this_years_and_nothing_of_it_is_lost() {
    let year = |y| Entity::new("生成单位", y, DisclosureKind::Budget);
    let prior = derive_disclosure(
        &generate_budget_ledger(11, 2, 80),
        year(2024),
        Publication::default(),
    )
    .unwrap();
    let current = budget(12, 2, 80, Publication::default());
    let both = with_prior_year(&current, &prior).unwrap();
    let summary = both.table(TableKind::BudgetSummary).unwrap();
    let before = prior.table(TableKind::BudgetSummary).unwrap();
    for row in &before.rows {
        // Every figure of last year's summary is printed as 上年预算数 of its row.
        let last = row.get(Column::Budget).unwrap();
        let printed = summary.row(&row.key).unwrap();
        assert_eq!(printed.get(Column::PriorBudget), Some(last), "{}", row.name);
        let this = printed.get(Column::Budget).unwrap_or_default();
        assert_eq!(
            printed.get(Column::Change),
            Some(this - last),
            "{}",
            row.name
        );
    }
    // A line budgeted this year only has 0 last year.
    for row in &summary.rows {
        if before.row(&row.key).is_none() {
            assert_eq!(row.get(Column::PriorBudget), Some(Decimal::ZERO));
        }
    }
    // Not two years of one department, or not budgets: refused.
    let other = Entity::new("另一单位", 2024, DisclosureKind::Budget);
    let mut stranger = prior.clone();
    stranger.entity = other;
    assert!(matches!(
        with_prior_year(&current, &stranger),
        Err(Error::DisclosureMismatch {
            need: Mismatch::NotSameEntity,
            ..
        })
    ));
    assert!(matches!(
        with_prior_year(&prior, &current),
        Err(Error::DisclosureMismatch {
            need: Mismatch::NotConsecutive,
            ..
        })
    ));
    let mut accounts = prior.clone();
    accounts.entity.kind = DisclosureKind::FinalAccounts;
    assert!(matches!(
        with_prior_year(&current, &accounts),
        Err(Error::DisclosureMismatch {
            need: Mismatch::NotBudgets,
            ..
        })
    ));
    // Printed and checked: the change column adds up row by row (T007) and nothing else breaks.
    let report = check(&both, &Policy::default());
    assert!(
        report.findings.iter().all(|f| f.severity == Severity::Info),
        "{:#?}",
        report.findings
    );
}

#[test]
fn a_budget_against_the_same_years_final_accounts() {
    let name = |kind| Entity::new("生成单位", 2025, kind);
    let planned = budget(21, 2, 120, Publication::default());
    let accounts = derive_disclosure(
        &fiscal_cn::ledger::generate_ledger(22, 2, 120),
        name(DisclosureKind::FinalAccounts),
        Publication::default(),
    )
    .unwrap();
    let lines = fiscal_cn::metrics::budget_execution(&planned, &accounts).unwrap();
    let total = RowKey::Line(Line::CurrentExpenditureTotal);
    let budgeted = planned
        .table(TableKind::BudgetSummary)
        .unwrap()
        .cell(&total, Column::Budget)
        .unwrap();
    let spent = accounts
        .table(TableKind::Summary)
        .unwrap()
        .cell(&total, Column::Amount)
        .unwrap();
    let line = lines
        .iter()
        .find(|l| l.table == TableKind::Summary && l.row == total && l.column == Column::Amount)
        .unwrap();
    assert_eq!((line.budget, line.actual), (budgeted, spent));
    assert_eq!(
        line.completion_rate,
        Some(spent * Decimal::ONE_HUNDRED / budgeted)
    );
    // Every line is a budget figure against the same place in the final accounts.
    for l in &lines {
        assert!(l.table.disclosure() == DisclosureKind::FinalAccounts);
        assert!(!matches!(
            l.column,
            Column::Budget | Column::PriorBudget | Column::Change
        ));
        match l.completion_rate {
            Some(rate) => assert_eq!(rate, l.actual * Decimal::ONE_HUNDRED / l.budget),
            None => assert!(l.budget.is_zero()),
        }
    }
    // Another year, another department, or the two the wrong way round: refused.
    let mut other_year = accounts.clone();
    other_year.entity.year = 2024;
    assert!(fiscal_cn::metrics::budget_execution(&planned, &other_year).is_err());
    assert!(fiscal_cn::metrics::budget_execution(&accounts, &planned).is_err());
}

#[test]
fn the_three_public_view_of_a_budget_holds_budgets() {
    let d = rendered_and_read(&with_last_year(5, 2, 200));
    let view = fiscal_cn::three_public::ThreePublicExpenditure::from_disclosure(&d).unwrap();
    let table = d
        .table(TableKind::BudgetThreePublic)
        .expect("三公 lines in the ledger");
    let total = RowKey::Line(Line::Total);
    assert_eq!(view.total.budget, table.cell(&total, Column::Budget));
    assert_eq!(
        view.total.prior_year,
        table.cell(&total, Column::PriorBudget)
    );
    assert_eq!(view.total.actual, None, "a budget states nothing spent");
}

#[test]
fn a_budget_that_does_not_balance_is_an_error_named_as_a_budget() {
    let mut d = budget(8, 2, 60, Publication::default());
    let summary = d
        .tables
        .iter_mut()
        .find(|t| t.kind == TableKind::BudgetSummary)
        .unwrap();
    let row = summary
        .rows
        .iter_mut()
        .find(|r| r.key == RowKey::Line(Line::IncomeGrandTotal))
        .unwrap();
    let value = row.values[Column::Budget];
    row.values.insert(Column::Budget, value + Decimal::ONE);
    let report = check(&d, &Policy::default());
    let balance = report
        .findings
        .iter()
        .find(|f| f.rule == "S003")
        .expect("收入总计 ≠ 支出总计 is found");
    assert_eq!(balance.severity, Severity::Error);
    assert!(
        balance.message().starts_with("收支预算总表"),
        "{}",
        balance.message()
    );
    // The printed table says 上年结转, in its key column and its name column alike.
    let text = d.table(TableKind::BudgetSummary).unwrap().render();
    assert!(
        text.contains("上年结转") && !text.contains("年初") && !text.contains("决算"),
        "{text}"
    );
}

#[test]
fn a_procurement_budget_adds_up_and_the_narrative_repeats_it() {
    let procurement = |total: &str| {
        let mut table =
            fiscal_cn::report::Table::new(TableKind::Procurement, fiscal_cn::money::Unit::WanYuan);
        let d = |v: &str| Decimal::from_str_exact(v).unwrap();
        table.rows.push(
            fiscal_cn::report::Row::new(RowKey::Line(Line::Total), "合计")
                .with(Column::Total, d(total))
                .with(Column::ProcurementGoods, d("12.00"))
                .with(Column::ProcurementWorks, d("0.00"))
                .with(Column::ProcurementServices, d("30.50")),
        );
        let mut disclosure = fiscal_cn::report::Disclosure::new(entity());
        disclosure.tables.push(table);
        disclosure
    };
    let rules = |d: &Disclosure| -> Vec<String> {
        check(d, &Policy::default())
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .map(|f| f.rule.to_string())
            .collect()
    };
    assert!(rules(&procurement("42.50")).is_empty());
    assert_eq!(rules(&procurement("43.50")), ["T001"]);
    // The narrative's total is compared with the table's 合计.
    let mut stated = procurement("42.50");
    let amount: fiscal_cn::money::Amount = "45.00万元".parse().unwrap();
    let mut statement = fiscal_cn::report::Statement::new(
        Concept::Procurement(fiscal_cn::report::ProcurementLine::Total),
        StatedValue::Amount(amount),
        fiscal_cn::report::Location::default(),
    );
    statement.id = Some("p".into());
    stated.statements.push(statement);
    assert_eq!(rules(&stated), ["N001"]);
}

/// The year's final accounts with the budget beside them: the budget ledger's lines spent at
/// 90%–100% each (whatever is left is carried out), published at 万元.
fn executed(seed: u64, units: usize, items: usize) -> Disclosure {
    let ledger = generate_budget_ledger(seed, units, items);
    let name = |kind| Entity::new("生成单位", 2025, kind);
    let planned = derive_disclosure(
        &ledger,
        name(DisclosureKind::Budget),
        Publication::default(),
    )
    .unwrap();
    let spent: Vec<ExpenditureItem> = ledger
        .expenditures()
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let share = Decimal::new(90 + i64::try_from(i % 11).unwrap(), 2);
            ExpenditureItem {
                amount: (item.amount * share).round_dp(2),
                ..*item
            }
        })
        .collect();
    let spent = Ledger::new(
        spent,
        ledger.incomes().to_vec(),
        ledger.opening_balances().to_vec(),
    )
    .unwrap();
    let accounts = derive_disclosure(
        &spent,
        name(DisclosureKind::FinalAccounts),
        Publication::default(),
    )
    .unwrap();
    fiscal_cn::metrics::with_budget(&accounts, &planned).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(12))]

    #[test]
    fn final_accounts_with_their_budget_state_completion_rates_that_check_clean(seed in any::<u64>(), units in 1_usize..4, items in 20_usize..150) {
        let d = executed(seed, units, items);
        let read = rendered_and_read(&d);
        prop_assert_eq!(read.entity.kind, DisclosureKind::FinalAccounts);
        let completions = read.statements.iter().filter(|s| matches!(s.value, StatedValue::Completion { .. })).count();
        prop_assert!(completions > 0);
        let report = check(&read, &Policy::default());
        let serious: Vec<_> = report.findings.iter().filter(|f| f.severity != Severity::Info).collect();
        prop_assert!(serious.is_empty(), "{serious:#?}");
    }
}

#[test]
fn a_corrupted_completion_rate_is_found() {
    let mut rng = TestRng::deterministic_rng(RngAlgorithm::ChaCha);
    let (mut cases, mut missed) = (0, Vec::new());
    for seed in 0..10 {
        let units = 1 + below(&mut rng, 3);
        let items = 30 + below(&mut rng, 120);
        let clean = rendered_and_read(&executed(seed, units, items));
        // The budget and amount each rate was worked out from, as the tables print them.
        let table = clean
            .table(TableKind::GeneralBudgetExpenditure)
            .unwrap()
            .clone();
        for (i, statement) in clean.statements.iter().enumerate() {
            let StatedValue::Completion { rate } = &statement.value else {
                continue;
            };
            let Concept::FundFunctionExpenditure { code, .. } = &statement.concept else {
                continue;
            };
            let row = RowKey::Function(*code);
            let (Some(spent), Some(planned)) = (
                table.cell(&row, Column::Total),
                table.cell(&row, Column::Budget),
            ) else {
                continue;
            };
            let corrupted = rate.points() + Decimal::ONE;
            if !rate_beyond_rounding(spent, planned, corrupted) {
                continue;
            }
            let mut bad = clean.clone();
            bad.statements[i].value = StatedValue::Completion {
                rate: Percent::new(corrupted),
            };
            let target = FigureRef::Statement(statement.id.clone().unwrap());
            cases += 1;
            if !error_covers(&bad, &target) {
                missed.push(format!(
                    "{} {corrupted}% of {spent}/{planned}",
                    statement.concept
                ));
            }
        }
    }
    assert!(
        cases >= 40,
        "only {cases} completion rates corrupted beyond rounding"
    );
    assert!(missed.is_empty(), "{missed:#?}");
}
