//! The examples of the rules over several statements together and against the tables
//! (N013–N022, N024, N025: years, shares of one whole, the changes and budgets of the parts,
//! wording, changes against last year's table, line names).

use super::*;

/// (passing, failing) for a rule code of this family (the other codes are not asked for).
pub(super) fn examples(code: RuleCode) -> (Disclosure, Disclosure) {
    use Column as C;
    let gpb = FundType::GeneralPublicBudget;
    // The 三公 total labelled `year` with a completion rate of that year, beside its parts for
    // the report year (2024); the failing one drops the label from the parts' statement.
    let labelled = |year: u16, rate_year: Option<u16>| {
        let mut total = s("a", Concept::ThreePublicTotal, amount("3.00万元"));
        total.year = Some(year);
        let mut rate = s(
            "b",
            Concept::ThreePublicTotal,
            StatedValue::Completion { rate: pct("100%") },
        );
        rate.year = rate_year;
        let reception = Concept::ThreePublicCategory(ThreePublicCategory::OfficialReception);
        statements_only(vec![total, rate, s("c", reception, amount("3.00万元"))])
    };
    // The 三公 total of 3.00 moves by `total`; its parts: 出国 0 and unchanged, 接待 1.00 and
    // down 1.00, vehicles 2.00 with no change stated, so up by at most 2.00: the total rose by
    // at most 1.00.
    let moved = |total: &str| {
        let change = |text: &str| {
            let (word, figure) = text.split_at(6);
            StatedValue::Change {
                amount: figure.parse().unwrap(),
                direction: word.parse().unwrap(),
            }
        };
        let cat = |k| Concept::ThreePublicCategory(k);
        statements_only(vec![
            s("a", Concept::ThreePublicTotal, amount("3.00万元")),
            s("b", Concept::ThreePublicTotal, change(total)),
            s(
                "c",
                cat(ThreePublicCategory::OverseasTravel),
                amount("0万元"),
            ),
            s(
                "d",
                cat(ThreePublicCategory::OverseasTravel),
                change("持平0万元"),
            ),
            s(
                "e",
                cat(ThreePublicCategory::OfficialReception),
                amount("1.00万元"),
            ),
            s(
                "f",
                cat(ThreePublicCategory::OfficialReception),
                change("减少1.00万元"),
            ),
            s(
                "g",
                cat(ThreePublicCategory::OfficialVehicles),
                amount("2.00万元"),
            ),
        ])
    };
    // A 三公 budget of `budget`: 接待 spent 1.00 at 50% (a budget of 2.00), vehicles 1.00 at
    // 100% (1.00), 出国 nothing at 0%: at 3.00 no budget is left for 出国.
    let left_over = |budget: &str| {
        let cat = |k| Concept::ThreePublicCategory(k);
        let done = |rate: &str| StatedValue::Completion { rate: pct(rate) };
        statements_only(vec![
            s(
                "a",
                Concept::ThreePublicTotal,
                StatedValue::Budget(budget.parse().unwrap()),
            ),
            s(
                "b",
                cat(ThreePublicCategory::OfficialReception),
                amount("1.00万元"),
            ),
            s(
                "c",
                cat(ThreePublicCategory::OfficialReception),
                done("50%"),
            ),
            s(
                "d",
                cat(ThreePublicCategory::OfficialVehicles),
                amount("1.00万元"),
            ),
            s(
                "e",
                cat(ThreePublicCategory::OfficialVehicles),
                done("100%"),
            ),
            s(
                "f",
                cat(ThreePublicCategory::OverseasTravel),
                amount("0万元"),
            ),
            s("g", cat(ThreePublicCategory::OverseasTravel), done("0%")),
        ])
    };
    let worded = || {
        statements_only(vec![s(
            "a",
            Concept::ThreePublicTotal,
            StatedValue::Wording(crate::report::WordingFlaw::TemplateAlternatives),
        )])
    };
    // 支出总计 of `total`, then 其中 three 类 of 50, 30 and 20.
    let by_class_listing = |total: &str| {
        let class = |code: &str| Concept::FunctionExpenditure(code.parse().unwrap());
        let mut d = statements_only(vec![
            s("a", Concept::ExpenditureGrandTotal, amount(total)),
            s("b", class("201"), amount("50.00万元")),
            s("c", class("208"), amount("30.00万元")),
            s("d", class("213"), amount("20.00万元")),
        ]);
        let refer = |id: &str| crate::report::FigureRef::Statement(id.into());
        d.claims.push(crate::report::Claim::SubsetSum {
            total: refer("a"),
            parts: vec![refer("b"), refer("c"), refer("d")],
        });
        d
    };
    // The 三公 total spent 3.00 at 50% (a budget of 6.00); its categories 1.00 each, at 50%
    // but 出国 at `travel` (a budget of 1.67 at 60%: 5.67 in all, not 6.00).
    let budgeted = |travel: &str| {
        let cat = |k| Concept::ThreePublicCategory(k);
        let done = |rate: &str| StatedValue::Completion { rate: pct(rate) };
        statements_only(vec![
            s("a", Concept::ThreePublicTotal, amount("3.00万元")),
            s("b", Concept::ThreePublicTotal, done("50%")),
            s(
                "c",
                cat(ThreePublicCategory::OverseasTravel),
                amount("1.00万元"),
            ),
            s("d", cat(ThreePublicCategory::OverseasTravel), done(travel)),
            s(
                "e",
                cat(ThreePublicCategory::OfficialVehicles),
                amount("1.00万元"),
            ),
            s("f", cat(ThreePublicCategory::OfficialVehicles), done("50%")),
            s(
                "g",
                cat(ThreePublicCategory::OfficialReception),
                amount("1.00万元"),
            ),
            s(
                "h",
                cat(ThreePublicCategory::OfficialReception),
                done("50%"),
            ),
        ])
    };
    let body_year =
        |year: u64| statements_only(vec![s("a", Concept::ReportYear, StatedValue::Count(year))]);
    let halves = |basic: &str, project: &str| {
        let of = Concept::FundExpenditure(gpb);
        let share = |rate: &str| StatedValue::Share {
            rate: pct(rate),
            of: of.clone(),
        };
        statements_only(vec![
            s("w", of.clone(), amount("100.00万元")),
            s("a", Concept::FundBasicExpenditure(gpb), share(basic)),
            s("b", Concept::FundProjectExpenditure(gpb), share(project)),
        ])
    };
    // Both totals 1282.73 this year: both rose by 39.39 or the totals did not balance last year.
    let balanced = |expenditure_change: &str| {
        let up = |amount: &str| StatedValue::Change {
            amount: amount.parse().unwrap(),
            direction: Direction::Increase,
        };
        statements_only(vec![
            s("a", Concept::IncomeGrandTotal, amount("1282.73万元")),
            s("b", Concept::IncomeGrandTotal, up("39.39万元")),
            s("c", Concept::ExpenditureGrandTotal, amount("1282.73万元")),
            s("d", Concept::ExpenditureGrandTotal, up(expenditure_change)),
        ])
    };
    match code {
        RuleCode::N013 => (labelled(2023, None), labelled(2023, Some(2023))),
        RuleCode::N015 => (moved("减少1.00万元"), moved("增加3.00万元")),
        RuleCode::N016 => (left_over("4.00万元"), left_over("3.00万元")),
        RuleCode::N017 => (statements_only(vec![]), worded()),
        RuleCode::N018 => (
            by_class_listing("100.00万元"),
            by_class_listing("110.00万元"),
        ),
        RuleCode::N019 => (budgeted("50%"), budgeted("60%")),
        RuleCode::N020 => (body_year(2024), body_year(2023)),
        RuleCode::N024 => (balanced("39.39万元"), balanced("130.95万元")),
        RuleCode::N025 => {
            let totals = |expenditure: &str| {
                statements_only(vec![
                    s(
                        "a",
                        Concept::AppropriationIncomeGrandTotal,
                        amount("1282.73万元"),
                    ),
                    s(
                        "b",
                        Concept::AppropriationExpenditureGrandTotal,
                        amount(expenditure),
                    ),
                ])
            };
            (totals("1282.73万元"), totals("1282.37万元"))
        }
        RuleCode::N021 => {
            let stated = |amount: &str| {
                let mut d = against_last_year("-1.00");
                d.statements.push(s(
                    "c",
                    Concept::ThreePublicTotal,
                    StatedValue::Change {
                        amount: amount.parse().unwrap(),
                        direction: Direction::Decrease,
                    },
                ));
                d
            };
            (stated("1.00万元"), stated("2.00万元"))
        }
        RuleCode::N014 => (halves("84.06%", "15.94%"), halves("84.06%", "19.62%")),
        RuleCode::N022 => {
            let named = |printed: &str| {
                let line = Concept::FundFunctionExpenditure {
                    fund: gpb,
                    code: "2010101".parse().unwrap(),
                };
                let mut statement = s("a", line, amount("10.00万元"));
                statement.location.quote = format!("2.2010101{printed}10.00万元");
                let rows = vec![
                    row(f("201"), "一般公共服务支出", &[(C::Amount, "10.00")]),
                    row(f("20101"), "人大事务", &[(C::Amount, "10.00")]),
                    row(f("2010101"), "行政运行", &[(C::Amount, "10.00")]),
                ];
                disclosure(vec![gbe(rows)], vec![statement])
            };
            (named("行政运行"), named("机关运行"))
        }
        _ => unreachable!("{code} is not a rule on relations among statements"),
    }
}

/// A government's grand totals need not balance: N025's and N024's failing examples, as a
/// government's report, give neither.
#[test]
fn a_governments_totals_are_not_held_to_balance() {
    let policy = Policy::default();
    for code in [RuleCode::N025, RuleCode::N024] {
        let (_, mut failing) = examples(code);
        assert!(violations(&check(&failing, &policy), code).next().is_some());
        failing.entity.kind = DisclosureKind::GovernmentFinalAccounts;
        assert!(violations(&check(&failing, &policy), code).next().is_none());
    }
}
