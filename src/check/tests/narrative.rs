//! The examples and tests of the rules over what the narrative states, as `check::narrative`
//! checks them (N001–N012, N023: amounts, shares, growth, completion, sums, counts).

use super::*;

/// 三公 spending of 2.14万元 with a completion rate and words comparing it with the budget.
fn compared_with_budget(rate: &str, word: Direction) -> Disclosure {
    statements_only(vec![
        s("a", Concept::ThreePublicTotal, amount("2.14万元")),
        s(
            "b",
            Concept::ThreePublicTotal,
            StatedValue::Completion { rate: pct(rate) },
        ),
        s(
            "c",
            Concept::ThreePublicTotal,
            StatedValue::BudgetComparison(word),
        ),
    ])
}

/// (passing, failing) for a rule code of this family (the other codes are not asked for).
pub(super) fn examples(code: RuleCode) -> (Disclosure, Disclosure) {
    use Column as C;
    let gpb = FundType::GeneralPublicBudget;
    let three = |travel: &str, cars: &str, reception: &str| {
        statements_only(vec![
            s("t", Concept::ThreePublicTotal, amount("2.14万元")),
            s(
                "a",
                Concept::ThreePublicCategory(ThreePublicCategory::OverseasTravel),
                amount(travel),
            ),
            s(
                "b",
                Concept::ThreePublicCategory(ThreePublicCategory::OfficialVehicles),
                amount(cars),
            ),
            s(
                "c",
                Concept::ThreePublicCategory(ThreePublicCategory::OfficialReception),
                amount(reception),
            ),
        ])
    };
    let stated_vs_table = |stated: &str| {
        disclosure(
            vec![gbe(vec![row(
                l(Line::Total),
                "合计",
                &[(C::Total, "729.25")],
            )])],
            vec![s("a", Concept::FundExpenditure(gpb), amount(stated))],
        )
    };
    let twice = |second: &str| {
        statements_only(vec![
            s("a", Concept::CurrentIncomeTotal, amount("775.31万元")),
            s("b", Concept::CurrentIncomeTotal, amount(second)),
        ])
    };
    let share = |rate: &str| {
        statements_only(vec![
            s("a", Concept::CurrentIncomeTotal, amount("775.31万元")),
            s(
                "b",
                Concept::Income(IncomeSource::Other),
                amount("46.06万元"),
            ),
            s(
                "c",
                Concept::Income(IncomeSource::Other),
                StatedValue::Share {
                    rate: pct(rate),
                    of: Concept::CurrentIncomeTotal,
                },
            ),
        ])
    };
    let growth = |rate: &str, word: Direction| {
        statements_only(vec![
            s("a", Concept::ThreePublicTotal, amount("2.14万元")),
            s(
                "b",
                Concept::ThreePublicTotal,
                StatedValue::Change {
                    amount: "1.23万元".parse().unwrap(),
                    direction: Direction::Decrease,
                },
            ),
            s(
                "c",
                Concept::ThreePublicTotal,
                StatedValue::Growth {
                    rate: pct(rate),
                    direction: word,
                },
            ),
        ])
    };
    // A unit founded this year: all of this year's amount is the change.
    let founded = |change: &str, rate: &str| {
        statements_only(vec![
            s("a", Concept::ThreePublicTotal, amount("2.14万元")),
            s(
                "b",
                Concept::ThreePublicTotal,
                StatedValue::Change {
                    amount: change.parse().unwrap(),
                    direction: Direction::Increase,
                },
            ),
            s(
                "c",
                Concept::ThreePublicTotal,
                StatedValue::Growth {
                    rate: pct(rate),
                    direction: Direction::Increase,
                },
            ),
        ])
    };
    let completion = |budget: &str, rate: &str| {
        statements_only(vec![
            s("a", project(), StatedValue::Budget(budget.parse().unwrap())),
            s("b", project(), amount("19.1万元")),
            s("c", project(), StatedValue::Completion { rate: pct(rate) }),
        ])
    };
    let compared = |rate: &str| compared_with_budget(rate, Direction::Flat);
    // 9.07 spent, 10.93 below the budget: the budget was 20, and 10.93 of it is 54.65%.
    let against_budget = |rate: &str| {
        statements_only(vec![
            s("a", Concept::ThreePublicTotal, amount("9.07万元")),
            s(
                "b",
                Concept::ThreePublicTotal,
                StatedValue::ChangeAgainstBudget {
                    amount: "10.93万元".parse().unwrap(),
                    direction: Direction::Decrease,
                },
            ),
            s(
                "c",
                Concept::ThreePublicTotal,
                StatedValue::GrowthAgainstBudget {
                    rate: pct(rate),
                    direction: Direction::Decrease,
                },
            ),
        ])
    };
    let vehicles = |total: u64| {
        let held = |t| Concept::Count(Countable::VehiclesHeld(t));
        statements_only(vec![
            s("a", held(None), StatedValue::Count(total)),
            s("b", held(Some(VehicleType::Sedan)), StatedValue::Count(0)),
            s("c", held(Some(VehicleType::OffRoad)), StatedValue::Count(1)),
        ])
    };
    let closing = |text: &str| statements_only(vec![s("a", Concept::ClosingBalance, amount(text))]);
    match code {
        RuleCode::N001 => (stated_vs_table("729.25万元"), stated_vs_table("729.26万元")),
        RuleCode::N002 => (twice("775.31万元"), twice("775.37万元")),
        RuleCode::N003 => (share("5.94%"), share("6.94%")),
        RuleCode::N004 => (
            growth("36.5%", Direction::Decrease),
            growth("30%", Direction::Decrease),
        ),
        RuleCode::N005 => (completion("50万元", "38.2%"), completion("50万元", "48.2%")),
        RuleCode::N006 => (
            growth("36.5%", Direction::Decrease),
            growth("36.5%", Direction::Increase),
        ),
        RuleCode::N007 => (completion("19.1万元", "100%"), completion("0万元", "0%")),
        RuleCode::N008 => (
            three("0万元", "0万元", "2.14万元"),
            three("0万元", "1万元", "2.14万元"),
        ),
        RuleCode::N009 => (vehicles(1), vehicles(0)),
        RuleCode::N010 => (compared("100%"), compared("90%")),
        RuleCode::N011 => (closing("0.12万元"), closing("0.12元")),
        RuleCode::N012 => (founded("1.07万元", "100%"), founded("2.14万元", "100%")),
        RuleCode::N023 => (against_budget("54.65%"), against_budget("10.93%")),
        _ => unreachable!("{code} is not a rule of `check::narrative`"),
    }
}

#[test]
fn zero_three_public_budgets_are_read_from_any_table_or_a_zero_parent() {
    let category = Concept::ThreePublicCategory(ThreePublicCategory::OverseasTravel);
    let rate = s(
        "r",
        category.clone(),
        StatedValue::Completion { rate: pct("0%") },
    );
    // The 三公 total budgeted at 0: every category is, budgets being never negative.
    let parent = disclosure(
        vec![table(
            TableKind::ThreePublic,
            vec![row(l(Line::Total), "合计", &[(Column::Budget, "0")])],
        )],
        vec![rate.clone()],
    );
    assert_eq!(
        violations(&check(&parent, &Policy::default()), RuleCode::N007).count(),
        1
    );
    // A separate budget table (T7B) after the actual table.
    let budget_table = disclosure(
        vec![
            table(
                TableKind::ThreePublic,
                vec![row(l(Line::Total), "合计", &[(Column::Amount, "2.14")])],
            ),
            table(
                TableKind::ThreePublic,
                vec![row(
                    RowKey::ThreePublicCategory(ThreePublicCategory::OverseasTravel),
                    "因公出国（境）费",
                    &[(Column::Budget, "0")],
                )],
            ),
        ],
        vec![rate.clone()],
    );
    assert_eq!(
        violations(&check(&budget_table, &Policy::default()), RuleCode::N007).count(),
        1
    );
    // A positive total budget says nothing about a category's: no guess.
    let unknown = disclosure(
        vec![table(
            TableKind::ThreePublic,
            vec![row(l(Line::Total), "合计", &[(Column::Budget, "2.14")])],
        )],
        vec![rate],
    );
    let report = check(&unknown, &Policy::default());
    assert_eq!(
        violations(&report, RuleCode::N007).count(),
        0,
        "{:#?}",
        report.findings
    );
}

/// N010 decides only from a direction every value behind the printed figures agrees on: a
/// completion rate printed as 100% (99.5% to 100.5%) or two amounts printed alike leave 大于,
/// 小于 and 持平 all possible; a rate or amounts beyond rounding still decide.
#[test]
fn budget_comparison_words_against_rounded_figures() {
    let with_rate = compared_with_budget;
    let n010 = |d: &Disclosure| violations(&check(d, &Policy::default()), RuleCode::N010).count();
    assert_eq!(n010(&with_rate("100%", Direction::Increase)), 0);
    assert_eq!(n010(&with_rate("100%", Direction::Decrease)), 0);
    assert_eq!(n010(&with_rate("100.0%", Direction::Flat)), 0);
    // 100.5% is at least 100.45%: more than the budget.
    assert_eq!(n010(&with_rate("100.5%", Direction::Decrease)), 1);
    assert_eq!(n010(&with_rate("100.5%", Direction::Flat)), 1);
    // 99.5% is below 99.55%.
    assert_eq!(n010(&with_rate("99.5%", Direction::Increase)), 1);
    let with_amounts = |actual: &str, budget: &str, word: Direction| {
        statements_only(vec![
            s("a", Concept::ThreePublicTotal, amount(actual)),
            s(
                "b",
                Concept::ThreePublicTotal,
                StatedValue::Budget(budget.parse().unwrap()),
            ),
            s(
                "c",
                Concept::ThreePublicTotal,
                StatedValue::BudgetComparison(word),
            ),
        ])
    };
    assert_eq!(
        n010(&with_amounts("2.14万元", "2.14万元", Direction::Increase)),
        0
    );
    assert_eq!(
        n010(&with_amounts("2.14万元", "2.14万元", Direction::Flat)),
        0
    );
    // One cent apart at two decimals: 2.135 ≤ actual < 2.145 ≤ budget.
    assert_eq!(
        n010(&with_amounts("2.14万元", "2.15万元", Direction::Increase)),
        1
    );
    assert_eq!(
        n010(&with_amounts("2.14万元", "2.15万元", Direction::Flat)),
        1
    );
}

/// A completion rate stated for a budget of zero is a rate against nothing: a warning, as
/// any rate stated against a zero base, whether the budget is printed or implied.
#[test]
fn a_completion_rate_of_a_zero_budget_is_a_warning() {
    let d = statements_only(vec![
        s("a", Concept::ThreePublicTotal, amount("0万元")),
        s(
            "b",
            Concept::ThreePublicTotal,
            StatedValue::Budget("0万元".parse().unwrap()),
        ),
        s(
            "c",
            Concept::ThreePublicTotal,
            StatedValue::Completion { rate: pct("0%") },
        ),
    ]);
    let report = check(&d, &Policy::default());
    let found: Vec<Severity> = report
        .findings
        .iter()
        .filter(|f| f.rule == RuleCode::N007)
        .map(|f| f.severity)
        .collect();
    assert_eq!(found, [Severity::Warning]);
}

/// The 三公 section counts the vehicles run on 财政拨款; the 国有资产 section every vehicle held.
/// Fewer of the first is no error; more is.
#[test]
fn vehicles_of_three_public_are_some_of_those_held() {
    let counts = |held: u64, by_use: u64| {
        statements_only(vec![
            s(
                "a",
                Concept::Count(Countable::VehiclesHeld(None)),
                StatedValue::Count(held),
            ),
            s(
                "b",
                Concept::Count(Countable::VehiclesByUse(None)),
                StatedValue::Count(by_use),
            ),
        ])
    };
    let n009 = |d: &Disclosure| violations(&check(d, &Policy::default()), RuleCode::N009).count();
    assert_eq!(n009(&counts(8, 10)), 0);
    assert_eq!(n009(&counts(10, 10)), 0);
    assert_eq!(n009(&counts(11, 10)), 1);
}

/// An amount in a larger unit than the document's is as precise as its own digits:
/// `1.2亿元` (1.15–1.25亿) is no exact 12000万元 and takes part in no identity; `1.2020亿元`
/// is 12020万元 to the 万元, which 12021.88万元 is not even if truncated.
#[test]
fn larger_units_keep_their_own_precision() {
    let twice = |first: &str| {
        statements_only(vec![
            s("a", Concept::ThreePublicTotal, amount(first)),
            s("b", Concept::ThreePublicTotal, amount("12021.88万元")),
        ])
    };
    let report = check(&twice("1.2亿元"), &Policy::default());
    assert_eq!(violations(&report, RuleCode::N002).count(), 0, "{report:?}");
    let report = check(&twice("1.2022亿元"), &Policy::default());
    assert_eq!(violations(&report, RuleCode::N002).count(), 0, "{report:?}");
    let report = check(&twice("1.2020亿元"), &Policy::default());
    assert_eq!(violations(&report, RuleCode::N002).count(), 1, "{report:?}");
}

/// Some vehicle types listed under a total are no claim that the others are none: they must
/// only fit within it; every type listed must add up to it.
#[test]
fn a_partial_listing_of_vehicle_types_fits_within_its_total() {
    let held = |t| Concept::Count(Countable::VehiclesHeld(t));
    let listed = |types: &[(VehicleType, u64)]| {
        let mut statements = vec![s("a", held(None), StatedValue::Count(40))];
        for (k, (t, n)) in types.iter().enumerate() {
            statements.push(s(&format!("p{k}"), held(Some(*t)), StatedValue::Count(*n)));
        }
        check(&statements_only(statements), &Policy::default())
    };
    assert_eq!(
        violations(&listed(&[(VehicleType::Sedan, 3)]), RuleCode::N009).count(),
        0
    );
    assert_eq!(
        violations(&listed(&[(VehicleType::Sedan, 41)]), RuleCode::N009).count(),
        1
    );
    let every = [
        (VehicleType::Sedan, 3),
        (VehicleType::OffRoad, 30),
        (VehicleType::Passenger, 6),
        (VehicleType::Other, 0),
    ];
    assert_eq!(violations(&listed(&every), RuleCode::N009).count(), 1);
}
