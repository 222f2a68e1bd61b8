//! Budgets end to end (部门预算): derived from a ledger of budget lines, published at 万元,
//! checked; identities against an oracle computed from the ledger in 分; corruptions found.

use std::collections::BTreeMap;

use fiscal_cn::{
    Column, Decimal, Disclosure, DisclosureKind, Entity, Error, ExpenditureItem, ExpenditureKind,
    FigureRef, IncomeSource, Ledger, Line, OpeningBalance, Policy, Publication, RowKey, Severity,
    TableKind, UnitId, check, derive_disclosure, generate_budget_ledger,
};
use proptest::prelude::*;
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
    let Error::InvalidInput { reason, .. } = &err else {
        panic!("{err:?}");
    };
    assert!(reason.contains("一般公共预算财政拨款收入"), "{reason}");
    assert!(
        reason.contains("400.00") && reason.contains("1000.00"),
        "{reason}"
    );
    // The same ledger as final accounts is fine: what is not spent is carried out.
    let final_accounts = Entity::new("生成单位", 2025, DisclosureKind::FinalAccounts);
    assert!(derive_disclosure(&ledger, final_accounts, Publication::default()).is_ok());
}

#[test]
fn a_government_budget_is_not_derived_from_a_department_ledger() {
    let government = Entity::new("某区", 2025, DisclosureKind::GovernmentBudget);
    let err = derive_disclosure(&Ledger::default(), government, Publication::default());
    assert!(matches!(err, Err(Error::InvalidInput { .. })), "{err:?}");
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
            prop_assert!(!finding.message.contains("决算") && !finding.message.contains("年末"), "{}", finding.message);
        }
    }
}

/// Indices from proptest's deterministic RNG, so the corruption test is the same every run.
fn below(rng: &mut TestRng, n: usize) -> usize {
    usize::try_from(rng.next_u64() % u64::try_from(n.max(1)).unwrap_or(1)).unwrap_or(0)
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
        let most_rows = clean.tables.iter().map(|t| t.rows.len()).max().unwrap_or(0);
        let beyond = i64::try_from(most_rows / 2 + 2).unwrap();
        let cells: Vec<(usize, usize, Column)> = clean
            .tables
            .iter()
            .enumerate()
            .flat_map(|(t, table)| {
                table.rows.iter().enumerate().flat_map(move |(r, row)| {
                    row.values.columns().map(move |column| (t, r, column))
                })
            })
            .collect();
        for _ in 0..10 {
            let (t, r, column) = cells[below(&mut rng, cells.len())];
            let sign = if below(&mut rng, 2) == 0 { 1 } else { -1 };
            let mut corrupted = clean.clone();
            let table = &mut corrupted.tables[t];
            let row = &mut table.rows[r];
            let value = row.values[column];
            row.values
                .insert(column, value + Decimal::new(sign * beyond, 2));
            let target = FigureRef::Cell {
                table: table.kind,
                row: row.key.clone(),
                column,
            };
            let report = check(&corrupted, &Policy::default());
            cases += 1;
            if report
                .findings
                .iter()
                .any(|f| f.severity == Severity::Error && f.covers(&target))
            {
                found += 1;
            } else {
                missed.push(target);
            }
        }
    }
    let rate = f64::from(found) / f64::from(cases);
    assert!(
        rate >= 0.99,
        "detection rate {rate:.4}; missed: {missed:#?}"
    );
}
