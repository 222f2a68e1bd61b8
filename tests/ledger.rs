//! Ledgers through the public API: the laws of consolidation and rollup against an
//! integer-cents oracle, and the docs/DOMAIN.md §3 identities of derived tables, checked here with
//! plain sums independently of the derivation code.

use std::collections::BTreeMap;

use fiscal_cn::{
    Decimal,
    derive::{Publication, derive_disclosure},
    dimensions::{ExpenditureKind, FundType, IncomeSource},
    ledger::{ExpenditureItem, Ledger, UnitId, consolidate, generate_ledger, group_by},
    money::Unit,
    precision::{Consistency, Printed, RoundingMode, check_balance},
    report::{Cells, Column, Disclosure, DisclosureKind, Entity, Line, RowKey, Table, TableKind},
};
use proptest::prelude::*;

fn entity() -> Entity {
    Entity::new("测试部门", 2024, DisclosureKind::FinalAccounts)
}

fn ledgers() -> impl Strategy<Value = Ledger> {
    (any::<u64>(), 1_usize..12, 50_usize..=500)
        .prop_map(|(seed, units, items)| generate_ledger(seed, units, items))
}

// ---------------------------------------------------------------------------------------------
// The oracle: amounts as i128 cents, codes as integers, ancestors by integer division.

fn cents(amount: Decimal) -> i128 {
    let mut exact = amount;
    exact.rescale(2);
    assert_eq!(exact, amount, "more than 2 decimals in {amount}");
    exact.mantissa()
}

/// Expenditure per code (项, 款 = 项/100, 类 = 项/10000) and the total, in cents.
fn oracle_rollup(ledger: &Ledger) -> (BTreeMap<u32, i128>, i128) {
    let mut by_code = BTreeMap::new();
    let mut total = 0;
    for item in ledger.expenditures() {
        let code = item.function.as_u32();
        for c in [code, code / 100, code / 10_000] {
            *by_code.entry(c).or_insert(0) += cents(item.amount);
        }
        total += cents(item.amount);
    }
    (by_code, total)
}

fn library_rollup(ledger: &Ledger) -> (BTreeMap<u32, i128>, i128) {
    let rollup = ledger.rollup().unwrap();
    let by_code = rollup
        .by_code
        .iter()
        .map(|(code, amount)| (code.as_u32(), cents(*amount)))
        .collect();
    (by_code, cents(rollup.total()))
}

fn add_maps<K: Ord + Copy>(a: &BTreeMap<K, i128>, b: &BTreeMap<K, i128>) -> BTreeMap<K, i128> {
    let mut sum = a.clone();
    for (k, v) in b {
        *sum.entry(*k).or_insert(0) += v;
    }
    sum
}

fn totals(ledger: &Ledger) -> [i128; 3] {
    [
        ledger.expenditures().iter().map(|i| cents(i.amount)).sum(),
        ledger.incomes().iter().map(|i| cents(i.amount)).sum(),
        ledger
            .opening_balances()
            .iter()
            .map(|i| cents(i.amount))
            .sum(),
    ]
}

// ---------------------------------------------------------------------------------------------
// The identities a derived disclosure must satisfy: (name, left side, right side), meaning
// Σ left = Σ right. Built from the printed cells only.

struct Identity {
    name: String,
    left: Vec<Decimal>,
    right: Vec<Decimal>,
}

struct Identities(Vec<Identity>);

impl Identities {
    fn eq(&mut self, name: impl Into<String>, left: &[Decimal], right: &[Decimal]) {
        self.0.push(Identity {
            name: name.into(),
            left: left.to_vec(),
            right: right.to_vec(),
        });
    }
}

fn table(d: &Disclosure, kind: TableKind) -> &Table {
    d.table(kind)
        .unwrap_or_else(|| panic!("{kind} not derived"))
}

fn cell(t: &Table, key: RowKey, column: Column) -> Decimal {
    t.cell(&key, column)
        .unwrap_or_else(|| panic!("{}: {key} × {column} is blank", t.kind))
}

fn line(t: &Table, line: Line, column: Column) -> Decimal {
    cell(t, RowKey::Line(line), column)
}

/// The function rows as (code as integer, row cells).
fn function_rows(t: &Table) -> Vec<(u32, &Cells)> {
    t.function_rows()
        .map(|(code, row)| (code.as_u32(), &row.values))
        .collect()
}

/// I-7 in one column: 合计 = Σ 类 and, in tables that go down to 项, 类 = Σ 款 and 款 = Σ 项
/// (children found by integer division).
fn hierarchy(ids: &mut Identities, t: &Table, column: Column, total: Option<Decimal>) {
    let rows = function_rows(t);
    let value = |cells: &Cells| cells.get(column).unwrap_or_default();
    let leis: Vec<Decimal> = rows
        .iter()
        .filter(|(c, _)| *c < 1000)
        .map(|(_, v)| value(v))
        .collect();
    if let Some(total) = total {
        ids.eq(format!("I-7 {} 合计 × {column}", t.kind), &[total], &leis);
    }
    let deep = rows.iter().any(|(c, _)| *c >= 1_000_000);
    for (code, cells) in &rows {
        if *code >= 100_000 || !deep {
            continue;
        }
        let children: Vec<Decimal> = rows
            .iter()
            .filter(|(c, _)| c / 100 == *code)
            .map(|(_, v)| value(v))
            .collect();
        ids.eq(
            format!("I-7 {} {code} × {column}", t.kind),
            &[value(cells)],
            &children,
        );
    }
}

/// I-6 on every row that has `total`: total = Σ `parts`.
fn per_row(ids: &mut Identities, t: &Table, rule: &str, total: Column, parts: &[Column]) {
    for row in t.rows.iter().filter(|r| r.get(total).is_some()) {
        let values: Vec<Decimal> = parts
            .iter()
            .map(|c| row.get(*c).unwrap_or_default())
            .collect();
        ids.eq(
            format!("{rule} {} {}", t.kind, row.key),
            &[row.get(total).unwrap_or_default()],
            &values,
        );
    }
}

fn identities(d: &Disclosure) -> Vec<Identity> {
    use Column as C;
    let mut ids = Identities(Vec::new());
    let sources: Vec<Column> = IncomeSource::FINAL_ACCOUNTS
        .iter()
        .map(|s| C::of_income_source(*s))
        .collect();
    let kinds: Vec<Column> = ExpenditureKind::ALL
        .iter()
        .map(|k| C::of_expenditure_kind(*k))
        .collect();
    let funds: Vec<Column> = FundType::ALL.iter().map(|f| C::of_fund_type(*f)).collect();

    // 收入支出决算总表.
    let s = table(d, TableKind::Summary);
    let sl = |l| line(s, l, C::Amount);
    ids.eq(
        "I-1",
        &[sl(Line::IncomeGrandTotal)],
        &[
            sl(Line::CurrentIncomeTotal),
            sl(Line::UseOfNonAppropriationBalance),
            sl(Line::OpeningBalance),
        ],
    );
    ids.eq(
        "I-2",
        &[sl(Line::ExpenditureGrandTotal)],
        &[
            sl(Line::CurrentExpenditureTotal),
            sl(Line::BalanceDistribution),
            sl(Line::ClosingBalance),
        ],
    );
    ids.eq(
        "I-3",
        &[sl(Line::IncomeGrandTotal)],
        &[sl(Line::ExpenditureGrandTotal)],
    );
    let by_source: Vec<Decimal> = IncomeSource::FINAL_ACCOUNTS
        .iter()
        .map(|x| cell(s, RowKey::Income(*x), C::Amount))
        .collect();
    ids.eq("I-4", &[sl(Line::CurrentIncomeTotal)], &by_source);
    hierarchy(
        &mut ids,
        s,
        C::Amount,
        Some(sl(Line::CurrentExpenditureTotal)),
    );

    // 收入决算表.
    let i = table(d, TableKind::Income);
    per_row(&mut ids, i, "I-6", C::Total, &sources);
    for &column in sources.iter().chain([&C::Total]) {
        hierarchy(&mut ids, i, column, Some(line(i, Line::Total, column)));
    }
    ids.eq(
        "I-8 收入合计",
        &[line(i, Line::Total, C::Total)],
        &[sl(Line::CurrentIncomeTotal)],
    );
    for (&source, &column) in IncomeSource::FINAL_ACCOUNTS.iter().zip(&sources) {
        ids.eq(
            format!("I-8 {source}"),
            &[line(i, Line::Total, column)],
            &[cell(s, RowKey::Income(source), C::Amount)],
        );
    }

    // 支出决算表.
    let e = table(d, TableKind::Expenditure);
    let e_total: Vec<Decimal> = kinds.iter().map(|k| line(e, Line::Total, *k)).collect();
    ids.eq("I-5", &[sl(Line::CurrentExpenditureTotal)], &e_total);
    per_row(&mut ids, e, "I-6", C::Total, &kinds);
    for &column in kinds.iter().chain([&C::Total]) {
        hierarchy(&mut ids, e, column, Some(line(e, Line::Total, column)));
    }
    ids.eq(
        "I-8 支出合计",
        &[line(e, Line::Total, C::Total)],
        &[sl(Line::CurrentExpenditureTotal)],
    );
    let summary_leis: BTreeMap<u32, Decimal> = function_rows(s)
        .into_iter()
        .map(|(c, v)| (c, v[C::Amount]))
        .collect();
    let detail_leis: BTreeMap<u32, Decimal> = function_rows(e)
        .into_iter()
        .filter(|(c, _)| *c < 1000)
        .map(|(c, v)| (c, v[C::Total]))
        .collect();
    assert_eq!(
        summary_leis.keys().collect::<Vec<_>>(),
        detail_leis.keys().collect::<Vec<_>>(),
        "I-8 类 rows"
    );
    for (code, amount) in &summary_leis {
        ids.eq(format!("I-8 类 {code}"), &[*amount], &[detail_leis[code]]);
    }

    // 财政拨款收入支出决算总表.
    let a = table(d, TableKind::AppropriationSummary);
    let al = |l, c| line(a, l, c);
    for (&fund, &column) in FundType::ALL.iter().zip(&funds) {
        ids.eq(
            format!("I-9 {fund}"),
            &[
                cell(a, RowKey::FundOpeningBalance(fund), C::Amount),
                cell(a, RowKey::Fund(fund), C::Amount),
            ],
            &[
                al(Line::CurrentExpenditureTotal, column),
                al(Line::ClosingBalance, column),
            ],
        );
        ids.eq(
            format!("I-11 {fund}"),
            &[cell(a, RowKey::Fund(fund), C::Amount)],
            &[cell(s, RowKey::Income(fund.income_source()), C::Amount)],
        );
    }
    let fund_income: Vec<Decimal> = FundType::ALL
        .iter()
        .map(|f| cell(a, RowKey::Fund(*f), C::Amount))
        .collect();
    let fund_opening: Vec<Decimal> = FundType::ALL
        .iter()
        .map(|f| cell(a, RowKey::FundOpeningBalance(*f), C::Amount))
        .collect();
    ids.eq(
        "I-4 财政拨款",
        &[al(Line::CurrentIncomeTotal, C::Amount)],
        &fund_income,
    );
    ids.eq(
        "I-1 财政拨款 年初",
        &[al(Line::OpeningBalance, C::Amount)],
        &fund_opening,
    );
    ids.eq(
        "I-1 财政拨款",
        &[al(Line::IncomeGrandTotal, C::Amount)],
        &[
            al(Line::CurrentIncomeTotal, C::Amount),
            al(Line::OpeningBalance, C::Amount),
        ],
    );
    ids.eq(
        "I-3 财政拨款",
        &[al(Line::IncomeGrandTotal, C::Amount)],
        &[al(Line::ExpenditureGrandTotal, C::Total)],
    );
    per_row(&mut ids, a, "I-6", C::Total, &funds);
    for &column in funds.iter().chain([&C::Total]) {
        hierarchy(
            &mut ids,
            a,
            column,
            Some(al(Line::CurrentExpenditureTotal, column)),
        );
        ids.eq(
            format!("I-2 财政拨款 × {column}"),
            &[al(Line::ExpenditureGrandTotal, column)],
            &[
                al(Line::CurrentExpenditureTotal, column),
                al(Line::ClosingBalance, column),
            ],
        );
    }

    // 一般公共预算财政拨款支出决算表.
    let g = table(d, TableKind::GeneralBudgetExpenditure);
    per_row(&mut ids, g, "I-10", C::Total, &[C::Basic, C::Project]);
    for column in [C::Total, C::Basic, C::Project] {
        hierarchy(&mut ids, g, column, Some(line(g, Line::Total, column)));
    }
    ids.eq(
        "I-8 一般公共预算",
        &[line(g, Line::Total, C::Total)],
        &[al(Line::CurrentExpenditureTotal, C::GeneralBudget)],
    );
    let approp_leis: BTreeMap<u32, Decimal> = function_rows(a)
        .into_iter()
        .map(|(c, v)| (c, v[C::GeneralBudget]))
        .filter(|(_, v)| !v.is_zero())
        .collect();
    for (code, cells) in function_rows(g).into_iter().filter(|(c, _)| *c < 1000) {
        let approp = approp_leis.get(&code).copied().unwrap_or_default();
        ids.eq(
            format!("I-8 一般公共预算 类 {code}"),
            &[cells[C::Total]],
            &[approp],
        );
    }

    // 一般公共预算财政拨款基本支出决算表.
    let b = table(d, TableKind::BasicExpenditure);
    let bl = |l| line(b, l, C::Amount);
    ids.eq(
        "I-13",
        &[line(g, Line::Total, C::Basic)],
        &[bl(Line::PersonnelTotal), bl(Line::PublicTotal)],
    );
    ids.eq(
        "I-13 合计",
        &[bl(Line::Total)],
        &[bl(Line::PersonnelTotal), bl(Line::PublicTotal)],
    );
    let economic: Vec<(u32, Decimal)> = b
        .rows
        .iter()
        .filter_map(|r| Some((r.key.economic_code()?.as_u32(), r.get(C::Amount)?)))
        .collect();
    let class_sum = |personnel: bool| -> Vec<Decimal> {
        economic
            .iter()
            .filter(|(c, _)| *c < 1000 && matches!(c, 301 | 303) == personnel)
            .map(|(_, v)| *v)
            .collect()
    };
    ids.eq(
        "I-7 人员经费",
        &[bl(Line::PersonnelTotal)],
        &class_sum(true),
    );
    ids.eq("I-7 公用经费", &[bl(Line::PublicTotal)], &class_sum(false));
    for (lei, amount) in economic.iter().filter(|(c, _)| *c < 1000) {
        let kuans: Vec<Decimal> = economic
            .iter()
            .filter(|(c, _)| c / 100 == *lei)
            .map(|(_, v)| *v)
            .collect();
        ids.eq(format!("I-7 经济分类 {lei}"), &[*amount], &kuans);
    }

    // 政府性基金 and 国有资本经营.
    for (kind, fund, column) in [
        (
            TableKind::GovernmentFund,
            FundType::GovernmentFund,
            C::GovernmentFund,
        ),
        (
            TableKind::StateCapital,
            FundType::StateCapitalOperation,
            C::StateCapital,
        ),
    ] {
        let f = table(d, kind);
        let fl = |c| line(f, Line::Total, c);
        ids.eq(
            format!("I-9 {kind}"),
            &[fl(C::OpeningBalance), fl(C::CurrentIncome)],
            &[fl(C::CurrentExpenditure), fl(C::ClosingBalance)],
        );
        per_row(
            &mut ids,
            f,
            "I-6",
            C::CurrentExpenditure,
            &[C::Basic, C::Project],
        );
        for c in [
            C::CurrentIncome,
            C::CurrentExpenditure,
            C::Basic,
            C::Project,
        ] {
            hierarchy(&mut ids, f, c, Some(fl(c)));
        }
        ids.eq(
            format!("I-8 {kind} 收入"),
            &[fl(C::CurrentIncome)],
            &[cell(a, RowKey::Fund(fund), C::Amount)],
        );
        ids.eq(
            format!("I-8 {kind} 年初"),
            &[fl(C::OpeningBalance)],
            &[cell(a, RowKey::FundOpeningBalance(fund), C::Amount)],
        );
        ids.eq(
            format!("I-8 {kind} 支出"),
            &[fl(C::CurrentExpenditure)],
            &[al(Line::CurrentExpenditureTotal, column)],
        );
        ids.eq(
            format!("I-8 {kind} 年末"),
            &[fl(C::ClosingBalance)],
            &[al(Line::ClosingBalance, column)],
        );
    }

    // 三公 (I-14, actual column), when derived.
    if let Some(t) = d.table(TableKind::ThreePublic) {
        use fiscal_cn::three_public::{ThreePublicCategory as Cat, ThreePublicItem as Item};
        let categories: Vec<Decimal> = Cat::ALL
            .iter()
            .map(|c| cell(t, RowKey::ThreePublicCategory(*c), C::Amount))
            .collect();
        ids.eq("I-14", &[line(t, Line::Total, C::Amount)], &categories);
        ids.eq(
            "I-14 公务用车",
            &[cell(
                t,
                RowKey::ThreePublicCategory(Cat::OfficialVehicles),
                C::Amount,
            )],
            &[
                cell(t, RowKey::ThreePublicItem(Item::VehiclePurchase), C::Amount),
                cell(
                    t,
                    RowKey::ThreePublicItem(Item::VehicleOperation),
                    C::Amount,
                ),
            ],
        );
    }
    ids.0
}

fn assert_exact(d: &Disclosure) {
    for id in identities(d) {
        let (l, r): (Decimal, Decimal) = (id.left.iter().sum(), id.right.iter().sum());
        assert_eq!(l, r, "{}: {:?} vs {:?}", id.name, id.left, id.right);
    }
}

fn assert_consistent(d: &Disclosure) {
    let printed = |side: &[Decimal]| -> Vec<Printed> {
        side.iter()
            .map(|v| Printed::new(*v, d.amount_decimals).unwrap())
            .collect()
    };
    for id in identities(d) {
        let check = check_balance(&printed(&id.left), &printed(&id.right)).unwrap();
        assert_eq!(
            check.verdict,
            Consistency::Consistent,
            "{}: {check:?}",
            id.name
        );
    }
}

// ---------------------------------------------------------------------------------------------

#[test]
fn generator_is_deterministic_and_realistic() {
    let ledger = generate_ledger(2024, 8, 500);
    assert_eq!(ledger, generate_ledger(2024, 8, 500));
    assert_ne!(ledger, generate_ledger(2025, 8, 500));
    assert_eq!(ledger.expenditures().len(), 500);
    for item in ledger.expenditures() {
        assert!((Decimal::new(100, 0)..=Decimal::new(5_000_000, 0)).contains(&item.amount));
    }
    // A few 类 dominate: the largest three hold most of the money.
    let mut by_lei: Vec<Decimal> = group_by(ledger.expenditures(), |i| i.function.lei())
        .unwrap()
        .into_values()
        .collect();
    by_lei.sort_unstable_by(|a, b| b.cmp(a));
    let top: Decimal = by_lei.iter().take(3).sum();
    assert!(
        top * Decimal::from(2) > ledger.rollup().unwrap().total(),
        "{by_lei:?}"
    );
    // Every unit appears, and 三公 codes are drawn now and then.
    assert_eq!(ledger.expenditure_by_unit().unwrap().len(), 8);
    let d = derive_disclosure(&ledger, entity(), Publication::EXACT).unwrap();
    assert!(d.table(TableKind::ThreePublic).is_some());
}

#[test]
fn a_hand_worked_tail_difference() {
    // Three 项 of 14,950 元 each print 1.50 万元 (1.495 rounds up); the 款 and 类 of
    // 44,850 元 print 4.49 (4.485 rounds up to 4.49): 尾差 of 0.01, within the allowance.
    let code = |c: &str| c.parse().unwrap();
    let item = |function| ExpenditureItem {
        unit: UnitId(1),
        function: code(function),
        economic: Some("30201".parse().unwrap()),
        kind: ExpenditureKind::Basic,
        source: IncomeSource::GeneralBudgetAppropriation,
        amount: Decimal::new(14_950, 0),
    };
    let ledger = Ledger::new(
        vec![item("2013201"), item("2013202"), item("2013299")],
        vec![],
        vec![],
    )
    .unwrap();
    let d = derive_disclosure(&ledger, entity(), Publication::default()).unwrap();
    let e = table(&d, TableKind::Expenditure);
    assert_eq!(
        cell(e, RowKey::Function(code("2013201")), Column::Total).to_string(),
        "1.50"
    );
    assert_eq!(
        cell(e, RowKey::Function(code("20132")), Column::Total).to_string(),
        "4.49"
    );
    assert_eq!(
        e.row(&RowKey::Function(code("20132"))).unwrap().name,
        "组织事务"
    );
    assert_consistent(&d);
    // No income and no opening balance: the closing balance is negative, exactly.
    let s = table(&d, TableKind::Summary);
    assert_eq!(
        line(s, Line::ClosingBalance, Column::Amount).to_string(),
        "-4.49"
    );
    // Without 三公 codes there is no 三公 table.
    assert!(d.table(TableKind::ThreePublic).is_none());
}

#[test]
fn the_identity_checks_catch_corruption_and_see_tails() {
    let ledger = generate_ledger(7, 4, 400);
    let mut d = derive_disclosure(&ledger, entity(), Publication::EXACT).unwrap();
    assert!(identities(&d).len() > 200, "{}", identities(&d).len());
    let failing = |d: &Disclosure| {
        identities(d)
            .into_iter()
            .filter(|id| id.left.iter().sum::<Decimal>() != id.right.iter().sum::<Decimal>())
            .map(|id| id.name)
            .collect::<Vec<_>>()
    };
    assert!(failing(&d).is_empty());
    // One 分 more on one 项 of 支出决算表 breaks its row (I-6) and its 款 (I-7).
    let e = d
        .tables
        .iter_mut()
        .find(|t| t.kind == TableKind::Expenditure)
        .unwrap();
    let row = e
        .rows
        .iter_mut()
        .rev()
        .find(|r| r.key.function_code().is_some())
        .unwrap();
    *row.values.get_mut(Column::Total).unwrap() += Decimal::new(1, 2);
    let broken = failing(&d);
    assert_eq!(broken.len(), 2, "{broken:?}");
    // Published in 万元, independent rounding leaves tail differences (尾差) somewhere.
    let wan = derive_disclosure(&ledger, entity(), Publication::default()).unwrap();
    assert!(!failing(&wan).is_empty());
    assert_consistent(&wan);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn consolidation_is_commutative_and_associative(a in ledgers(), b in ledgers(), c in ledgers()) {
        let ab = consolidate([&a, &b]).unwrap();
        prop_assert_eq!(&ab, &consolidate([&b, &a]).unwrap());
        let left = consolidate([&ab, &c]).unwrap();
        let right = consolidate([&a, &consolidate([&b, &c]).unwrap()]).unwrap();
        prop_assert_eq!(&left, &right);
        prop_assert_eq!(left, consolidate([&a, &b, &c]).unwrap());
    }

    #[test]
    fn rollup_of_consolidation_is_the_sum_of_rollups(a in ledgers(), b in ledgers()) {
        let merged = consolidate([&a, &b]).unwrap();
        let (ra, ta) = library_rollup(&a);
        let (rb, tb) = library_rollup(&b);
        prop_assert_eq!(library_rollup(&merged), (add_maps(&ra, &rb), ta + tb));
        let expected: Vec<i128> = totals(&a).iter().zip(totals(&b)).map(|(x, y)| x + y).collect();
        prop_assert_eq!(totals(&merged).to_vec(), expected);
        let by_unit = |l: &Ledger| -> BTreeMap<UnitId, i128> {
            l.expenditure_by_unit().unwrap().into_iter().map(|(k, v)| (k, cents(v))).collect()
        };
        prop_assert_eq!(by_unit(&merged), add_maps(&by_unit(&a), &by_unit(&b)));
    }

    #[test]
    fn decimal_results_equal_the_cents_oracle(ledger in ledgers()) {
        prop_assert_eq!(library_rollup(&ledger), oracle_rollup(&ledger));
        let mut by_source: BTreeMap<IncomeSource, i128> = BTreeMap::new();
        for item in ledger.expenditures() {
            *by_source.entry(item.source).or_insert(0) += cents(item.amount);
        }
        let library: BTreeMap<_, _> =
            ledger.expenditure_by_source().unwrap().into_iter().map(|(k, v)| (k, cents(v))).collect();
        prop_assert_eq!(library, by_source);
    }

    #[test]
    fn input_order_does_not_matter(
        (ledger, expenditures, incomes) in ledgers().prop_flat_map(|l| {
            let e = Just(l.expenditures().to_vec()).prop_shuffle();
            let i = Just(l.incomes().to_vec()).prop_shuffle();
            (Just(l), e, i)
        })
    ) {
        let shuffled = Ledger::new(expenditures, incomes, ledger.opening_balances().iter().rev().copied().collect()).unwrap();
        prop_assert_eq!(ledger.rollup().unwrap(), shuffled.rollup().unwrap());
        prop_assert_eq!(consolidate([&ledger]).unwrap(), consolidate([&shuffled]).unwrap());
        let derive = |l: &Ledger| derive_disclosure(l, entity(), Publication::default()).unwrap();
        prop_assert_eq!(derive(&ledger), derive(&shuffled));
    }

    #[test]
    fn tables_at_yuan_satisfy_every_identity_exactly(ledger in ledgers()) {
        let d = derive_disclosure(&ledger, entity(), Publication::EXACT).unwrap();
        assert_exact(&d);
        // Consistent with the ledger itself, too.
        let s = table(&d, TableKind::Summary);
        prop_assert_eq!(line(s, Line::CurrentExpenditureTotal, Column::Amount), ledger.rollup().unwrap().total());
    }

    #[test]
    fn tables_in_wan_yuan_are_consistent_up_to_tails(ledger in ledgers()) {
        let d = derive_disclosure(&ledger, entity(), Publication::default()).unwrap();
        prop_assert_eq!((d.currency, d.amount_decimals), (Unit::WanYuan, 2));
        assert_consistent(&d);
    }

    #[test]
    fn truncated_tables_are_never_inconsistent(ledger in ledgers()) {
        let publication = Publication { rounding: RoundingMode::Truncate, ..Publication::default() };
        let d = derive_disclosure(&ledger, entity(), publication).unwrap();
        let printed = |side: &[Decimal]| -> Vec<Printed> {
            side.iter().map(|v| Printed::new(*v, 2).unwrap()).collect()
        };
        for id in identities(&d) {
            let check = check_balance(&printed(&id.left), &printed(&id.right)).unwrap();
            prop_assert_ne!(check.verdict, Consistency::Inconsistent, "{}", id.name);
        }
    }
}

#[cfg(feature = "serde")]
#[test]
fn ledgers_and_rollups_round_trip_through_json_and_are_validated() {
    let ledger = generate_ledger(3, 2, 60);
    let json = serde_json::to_string(&ledger).unwrap();
    assert_eq!(serde_json::from_str::<Ledger>(&json).unwrap(), ledger);
    let rollup = ledger.rollup().unwrap();
    let back: fiscal_cn::ledger::Rollup =
        serde_json::from_str(&serde_json::to_string(&rollup).unwrap()).unwrap();
    assert_eq!(back, rollup);
    let bad = r#"{"expenditures":[],"incomes":[{"unit":1,"function":"2013201","source":"other","amount":"1.005"}],"opening_balances":[]}"#;
    let err = serde_json::from_str::<Ledger>(bad).unwrap_err().to_string();
    assert!(err.contains("超过 2 位小数"), "{err}");
}
