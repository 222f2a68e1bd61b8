//! One passing and one failing example per registered rule, and the generated rule docs.

use super::*;
use crate::money::Amount;
use crate::report::{
    Column, Concept, Countable, Direction, DisclosureKind, Entity, Line, Location, Row, RowKey,
    StatedValue, Statement, Table, TableKind, VehicleType,
};
use crate::{
    Decimal,
    dimensions::{BasicExpenditureClass, FundType, IncomeSource},
    money::Unit,
    three_public::ThreePublicCategory,
};

fn disclosure(tables: Vec<Table>, statements: Vec<Statement>) -> Disclosure {
    let mut d = Disclosure::new(Entity::new("示例单位", 2024, DisclosureKind::FinalAccounts));
    d.tables = tables;
    d.statements = statements;
    d
}

fn table(kind: TableKind, rows: Vec<Row>) -> Table {
    let mut t = Table::new(kind, Unit::WanYuan);
    t.rows = rows;
    t
}

fn row(key: RowKey, name: &str, cells: &[(Column, &str)]) -> Row {
    cells.iter().fold(Row::new(key, name), |r, (c, v)| {
        r.with(*c, Decimal::from_str_exact(v).unwrap())
    })
}

fn f(code: &str) -> RowKey {
    RowKey::Function(code.parse().unwrap())
}

fn e(code: &str) -> RowKey {
    RowKey::Economic(code.parse().unwrap())
}

fn l(line: Line) -> RowKey {
    RowKey::Line(line)
}

fn s(id: &str, concept: Concept, value: StatedValue) -> Statement {
    let mut st = Statement::new(
        concept,
        value,
        Location {
            section: "一、示例".into(),
            quote: id.into(),
            page: None,
        },
    );
    st.id = Some(id.into());
    st
}

fn amount(text: &str) -> StatedValue {
    StatedValue::Amount(text.parse::<Amount>().unwrap())
}

fn pct(text: &str) -> crate::money::Percent {
    text.parse().unwrap()
}

fn gbe(rows: Vec<Row>) -> Table {
    table(TableKind::GeneralBudgetExpenditure, rows)
}

fn summary(cells: &[(RowKey, &str)]) -> Table {
    table(
        TableKind::Summary,
        cells
            .iter()
            .map(|(k, v)| row(k.clone(), "", &[(Column::Amount, v)]))
            .collect(),
    )
}

fn tables_only(tables: Vec<Table>) -> Disclosure {
    disclosure(tables, vec![])
}

fn statements_only(statements: Vec<Statement>) -> Disclosure {
    disclosure(vec![], statements)
}

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

/// (passing, failing) for a rule code: the match has an arm for every rule, so a rule cannot
/// be registered without its examples.
fn examples(code: RuleCode) -> (Disclosure, Disclosure) {
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
    let summary_income = |grand: &str| {
        tables_only(vec![summary(&[
            (l(Line::CurrentIncomeTotal), "775.31"),
            (l(Line::OpeningBalance), "0.07"),
            (l(Line::IncomeGrandTotal), grand),
        ])])
    };
    let summary_expenditure = |grand: &str| {
        tables_only(vec![summary(&[
            (l(Line::CurrentExpenditureTotal), "775.25"),
            (l(Line::ClosingBalance), "0.13"),
            (l(Line::ExpenditureGrandTotal), grand),
        ])])
    };
    let grand_totals = |expenditure: &str| {
        tables_only(vec![summary(&[
            (l(Line::IncomeGrandTotal), "775.38"),
            (l(Line::ExpenditureGrandTotal), expenditure),
        ])])
    };
    let by_source = |other: &str| {
        tables_only(vec![summary(&[
            (
                RowKey::Income(IncomeSource::GeneralBudgetAppropriation),
                "729.25",
            ),
            (RowKey::Income(IncomeSource::Other), other),
            (l(Line::CurrentIncomeTotal), "775.31"),
        ])])
    };
    let by_class = |housing: &str| {
        tables_only(vec![summary(&[
            (f("201"), "550.13"),
            (f("221"), housing),
            (l(Line::CurrentExpenditureTotal), "575.27"),
        ])])
    };
    let appropriation = |closing: &str, expenditure_total: &str| {
        tables_only(vec![table(
            TableKind::AppropriationSummary,
            vec![
                row(RowKey::Fund(gpb), "", &[(C::Amount, "729.25")]),
                row(RowKey::FundOpeningBalance(gpb), "", &[(C::Amount, "0.10")]),
                row(l(Line::IncomeGrandTotal), "", &[(C::Amount, "729.35")]),
                row(
                    l(Line::CurrentExpenditureTotal),
                    "",
                    &[(C::Total, "729.25"), (C::GeneralBudget, "729.25")],
                ),
                row(
                    l(Line::ClosingBalance),
                    "",
                    &[(C::Total, closing), (C::GeneralBudget, closing)],
                ),
                row(
                    l(Line::ExpenditureGrandTotal),
                    "",
                    &[(C::Total, expenditure_total)],
                ),
            ],
        )])
    };
    let row_total = |project: &str| {
        tables_only(vec![gbe(vec![row(
            f("213"),
            "农林水支出",
            &[
                (C::Total, "81.05"),
                (C::Basic, "50.00"),
                (C::Project, project),
            ],
        )])])
    };
    let hierarchy = |child: &str| {
        tables_only(vec![gbe(vec![
            row(f("213"), "农林水支出", &[(C::Total, "81.05")]),
            row(
                f("21305"),
                "巩固脱贫攻坚成果衔接乡村振兴",
                &[(C::Total, child)],
            ),
            row(
                f("2130599"),
                "其他巩固脱贫攻坚成果衔接乡村振兴支出",
                &[(C::Total, child)],
            ),
        ])])
    };
    let total_row = |total: &str| {
        tables_only(vec![gbe(vec![
            row(l(Line::Total), "合计", &[(C::Total, total)]),
            row(f("213"), "农林水支出", &[(C::Total, "81.05")]),
            row(f("221"), "住房保障支出", &[(C::Total, "25.14")]),
        ])])
    };
    let basic = |personnel: &str| {
        tables_only(vec![table(
            TableKind::BasicExpenditure,
            vec![
                row(e("301"), "工资福利支出", &[(C::Amount, "300.00")]),
                row(e("303"), "对个人和家庭的补助", &[(C::Amount, "19.62")]),
                row(e("302"), "商品和服务支出", &[(C::Amount, "40.35")]),
                row(
                    l(Line::PersonnelTotal),
                    "人员经费合计",
                    &[(C::Amount, personnel)],
                ),
                row(
                    l(Line::PublicTotal),
                    "公用经费合计",
                    &[(C::Amount, "40.35")],
                ),
            ],
        )])
    };
    // A basic-expenditure table printing the government lines next to the department ones.
    let both = |wages: &str| {
        let g = |code: &str| RowKey::GovernmentEconomic(code.parse().unwrap());
        tables_only(vec![table(
            TableKind::BasicExpenditure,
            vec![
                row(e("301"), "工资福利支出", &[(C::Amount, "300.00")]),
                row(e("30101"), "基本工资", &[(C::Amount, "120.00")]),
                row(e("30102"), "津贴补贴", &[(C::Amount, "90.00")]),
                row(e("30103"), "奖金", &[(C::Amount, "30.00")]),
                row(e("30113"), "住房公积金", &[(C::Amount, "60.00")]),
                row(g("501"), "机关工资福利支出", &[(C::Amount, "300.00")]),
                row(g("50101"), "工资奖金津补贴", &[(C::Amount, wages)]),
                row(g("50103"), "住房公积金", &[(C::Amount, "60.00")]),
            ],
        )])
    };
    let three_table = |total: &str| {
        let cat = |c| RowKey::ThreePublicCategory(c);
        tables_only(vec![table(
            TableKind::ThreePublic,
            vec![
                row(
                    l(Line::Total),
                    "合计",
                    &[(C::Amount, total), (C::Budget, "2.14")],
                ),
                row(
                    cat(ThreePublicCategory::OverseasTravel),
                    "",
                    &[(C::Amount, "0"), (C::Budget, "0")],
                ),
                row(
                    cat(ThreePublicCategory::OfficialVehicles),
                    "",
                    &[(C::Amount, "0"), (C::Budget, "0")],
                ),
                row(
                    cat(ThreePublicCategory::OfficialReception),
                    "",
                    &[(C::Amount, "2.14"), (C::Budget, "2.14")],
                ),
            ],
        )])
    };
    // 公务用车 at 0.40 with its two item rows printed, the purchase one with `purchase`.
    let unfilled = |purchase: &[(Column, &str)]| {
        let vehicles = ThreePublicCategory::OfficialVehicles;
        tables_only(vec![table(
            TableKind::ThreePublic,
            vec![
                row(
                    RowKey::ThreePublicCategory(vehicles),
                    "",
                    &[(C::Amount, "0.40")],
                ),
                row(
                    RowKey::ThreePublicItem(crate::three_public::ThreePublicItem::VehiclePurchase),
                    "",
                    purchase,
                ),
                row(
                    RowKey::ThreePublicItem(crate::three_public::ThreePublicItem::VehicleOperation),
                    "",
                    &[],
                ),
            ],
        )])
    };
    // A budget's 三公 table with last year's budget and the change (4.00 − 5.00 = −1.00).
    let against_last_year = |change: &str| {
        tables_only(vec![table(
            TableKind::BudgetThreePublic,
            vec![row(
                l(Line::Total),
                "合计",
                &[
                    (C::Budget, "4.00"),
                    (C::PriorBudget, "5.00"),
                    (C::Change, change),
                ],
            )],
        )])
    };
    // Projects with targets of 60 and 30 (or 70) against 项目支出 of 91.00.
    let targeted = |second: &str| {
        tables_only(vec![
            table(
                TableKind::BudgetExpenditure,
                vec![row(l(Line::Total), "合计", &[(C::Project, "91.00")])],
            ),
            table(
                TableKind::PerformanceTargets,
                vec![
                    row(
                        RowKey::Project("群众文化活动".into()),
                        "",
                        &[(C::Budget, "60.00")],
                    ),
                    row(
                        RowKey::Project("文物保护".into()),
                        "",
                        &[(C::Budget, second)],
                    ),
                ],
            ),
        ])
    };
    let cross = |detail: &str| {
        tables_only(vec![
            summary(&[(l(Line::CurrentExpenditureTotal), "775.25")]),
            table(
                TableKind::Expenditure,
                vec![row(l(Line::Total), "合计", &[(C::Total, detail)])],
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
    let project = || Concept::Project("春节走访慰问工作资金".into());
    let completion = |budget: &str, rate: &str| {
        statements_only(vec![
            s("a", project(), StatedValue::Budget(budget.parse().unwrap())),
            s("b", project(), amount("19.1万元")),
            s("c", project(), StatedValue::Completion { rate: pct(rate) }),
        ])
    };
    let compared = |rate: &str| compared_with_budget(rate, Direction::Flat);
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
    let operating = |kind: crate::dimensions::UnitKind, funds: &str| {
        let mut d = statements_only(vec![
            s(
                "a",
                Concept::FundBasicClass {
                    fund: gpb,
                    class: BasicExpenditureClass::Public,
                },
                amount("40.35万元"),
            ),
            s("b", Concept::OperatingFunds, amount(funds)),
        ]);
        d.entity.unit_kind = Some(kind);
        d
    };
    let form = |execution_weight: &str, row_score: &str, total: &str, reason: Option<&str>| {
        let mut d = statements_only(vec![]);
        d.project_evaluations
            .push(self_evaluation(execution_weight, row_score, total, reason));
        d
    };
    let project_listing = |actual: &str| {
        statements_only(vec![
            s(
                "a",
                Concept::Expenditure(crate::dimensions::ExpenditureKind::Project),
                amount("415.28万元"),
            ),
            s("b", project(), amount(actual)),
            s(
                "c",
                Concept::Project("党建工作经费".into()),
                amount("71.92万元"),
            ),
        ])
    };
    let executed = |quote: &str| {
        let mut st = s(
            "c",
            project(),
            StatedValue::Completion { rate: pct("38.2%") },
        );
        st.location.quote = quote.into();
        statements_only(vec![st])
    };
    let codes = |rows: Vec<Row>| tables_only(vec![gbe(rows)]);
    match code {
        RuleCode::C001 => (
            codes(vec![row(f("213"), "农林水支出", &[(C::Total, "1")])]),
            codes(vec![row(f("299"), "其他支出", &[(C::Total, "1")])]),
        ),
        RuleCode::C002 => (
            codes(vec![row(f("213"), "农林水", &[(C::Total, "1")])]),
            codes(vec![row(f("213"), "农业支出", &[(C::Total, "1")])]),
        ),
        RuleCode::C003 => (
            codes(vec![
                row(f("221"), "住房保障支出", &[(C::Total, "1")]),
                row(f("22102"), "住房改革支出", &[(C::Total, "1")]),
            ]),
            codes(vec![row(f("22102"), "住房改革支出", &[(C::Total, "1")])]),
        ),
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
        RuleCode::N023 => (against_budget("54.65%"), against_budget("10.93%")),
        RuleCode::N024 => (balanced("39.39万元"), balanced("130.95万元")),
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
        RuleCode::P001 => (
            operating(
                crate::dimensions::UnitKind::CivilServantManagedInstitution,
                "40.35万元",
            ),
            operating(crate::dimensions::UnitKind::PublicInstitution, "40.35万元"),
        ),
        RuleCode::P002 => (
            operating(crate::dimensions::UnitKind::Administrative, "40.35万元"),
            operating(crate::dimensions::UnitKind::Administrative, "40.37万元"),
        ),
        RuleCode::P003 => (
            form("10", "9", "97", Some("节约支出")),
            form("20", "9", "97", Some("节约支出")),
        ),
        RuleCode::P004 => (
            form("10", "9", "97", Some("节约支出")),
            form("10", "8", "96", Some("节约支出")),
        ),
        RuleCode::P005 => (
            form("10", "9", "97", Some("节约支出")),
            form("10", "9", "100", Some("节约支出")),
        ),
        RuleCode::P006 => (
            executed("预算执行率38.2%，主要原因是部分慰问对象未到位"),
            form("10", "9", "97", None),
        ),
        RuleCode::P007 => (project_listing("19.1万元"), project_listing("349.1万元")),
        RuleCode::P008 => (form("10", "9", "97", Some("节约支出")), {
            let mut d = form("10", "9", "97", Some("节约支出"));
            d.project_evaluations[0].indicators.clear();
            d
        }),
        RuleCode::S001 => (summary_income("775.38"), summary_income("775.48")),
        RuleCode::S002 => (summary_expenditure("775.38"), summary_expenditure("775.48")),
        RuleCode::S003 => (grand_totals("775.38"), grand_totals("775.37")),
        RuleCode::S004 => (by_source("46.06"), by_source("46.16")),
        RuleCode::S005 => (by_class("25.14"), by_class("25.24")),
        RuleCode::S006 => (
            appropriation("0.10", "729.35"),
            appropriation("0.20", "729.45"),
        ),
        RuleCode::S007 => (
            appropriation("0.10", "729.35"),
            appropriation("0.10", "729.45"),
        ),
        RuleCode::T001 => (row_total("31.05"), row_total("31.15")),
        RuleCode::T002 => (hierarchy("81.05"), hierarchy("81.06")),
        RuleCode::T003 => (total_row("106.19"), total_row("106.29")),
        RuleCode::T004 => (basic("319.62"), basic("319.72")),
        RuleCode::T005 => (three_table("2.14"), three_table("2.24")),
        RuleCode::T006 => (unfilled(&[(C::Amount, "0.40")]), unfilled(&[])),
        RuleCode::T007 => (against_last_year("-1.00"), against_last_year("1.00")),
        RuleCode::T008 => (targeted("30.00"), targeted("31.02")),
        RuleCode::T009 => (both("240.00"), both("204.00")),
        RuleCode::X001 => (cross("775.25"), cross("775.26")),
    }
}

/// An illustrative 项目支出绩效自评表: 预算 20, 执行 16 (80%, below 90%: `reason` says why), so
/// the execution item scores 8 of 10; a quantity row (≥ 100, actual 90, weight 10 → 9, stated
/// `row_score`) and a 满意度 row at full marks (weight 80 → 80): 97 in all.
fn self_evaluation(
    execution_weight: &str,
    row_score: &str,
    total: &str,
    reason: Option<&str>,
) -> crate::performance::ProjectSelfEvaluation {
    use crate::performance::{
        FundLine, FundsBlock, Indicator, IndicatorActual, IndicatorNature, IndicatorSubcategory,
        IndicatorTarget, QualitativeOutcome,
    };
    let d = |v: &str| Decimal::from_str_exact(v).unwrap();
    let quantity = Indicator {
        name: "慰问人次".into(),
        category: IndicatorSubcategory::Quantity.category(),
        subcategory: IndicatorSubcategory::Quantity,
        nature: IndicatorNature::AtLeast,
        target: IndicatorTarget::Quantitative {
            value: d("100"),
            unit: "人次".into(),
        },
        actual: IndicatorActual::Quantitative { value: d("90") },
        weight: d("10"),
        stated_score: Some(d(row_score)),
        deviation_reason: None,
        not_applicable: false,
    };
    let satisfaction = Indicator {
        name: "老干部满意度".into(),
        category: IndicatorSubcategory::ServiceRecipientSatisfaction.category(),
        subcategory: IndicatorSubcategory::ServiceRecipientSatisfaction,
        nature: IndicatorNature::Qualitative,
        target: IndicatorTarget::Qualitative {
            text: "满意".into(),
        },
        actual: IndicatorActual::Qualitative {
            outcome: QualitativeOutcome::Achieved,
            percent_of_weight: None,
        },
        weight: d("80"),
        stated_score: Some(d("80")),
        deviation_reason: None,
        not_applicable: false,
    };
    crate::performance::ProjectSelfEvaluation {
        project_name: "离退休干部活动特需费（示例）".into(),
        department: "示例单位".into(),
        year: 2024,
        funds: FundsBlock {
            total: FundLine {
                initial_budget: Some(d("20")),
                full_year_budget: None,
                executed: Some(d("16.00")),
            },
            weight: d(execution_weight),
            stated_rate: Some(d("80")),
            stated_score: Some(d("8")),
            deviation_reason: reason.map(Into::into),
            ..FundsBlock::default()
        },
        indicators: vec![quantity, satisfaction],
        stated_total: Some(d(total)),
        conclusion: None,
    }
}

fn violations(report: &CheckReport, code: RuleCode) -> impl Iterator<Item = &Finding> {
    report
        .findings
        .iter()
        .filter(move |f| f.rule == code && f.kind == FindingKind::Violation)
}

#[test]
fn every_rule_has_a_passing_and_a_failing_example() {
    let policy = Policy::default();
    for rule in RULES {
        let (passing, failing) = examples(rule.code);
        let report = check(&passing, &policy);
        assert!(
            report.findings.iter().all(|f| f.rule != rule.code),
            "{}: the passing example gave {:#?}",
            rule.code,
            report.findings
        );
        let report = check(&failing, &policy);
        assert!(
            violations(&report, rule.code).next().is_some(),
            "{}: the failing example gave no violation: {:#?}",
            rule.code,
            report.findings
        );
    }
}

/// A budget's findings speak of its figures in a budget's words: whatever a narrative rule
/// finds, its message never calls a figure 决算 (a budget has none; a year it looks back on
/// has its 执行数).
#[test]
fn messages_on_a_budget_never_speak_of_final_accounts() {
    let policy = Policy::default();
    for rule in RULES.iter().filter(|r| r.code.as_str().starts_with('N')) {
        let (_, mut failing) = examples(rule.code);
        failing.entity.kind = DisclosureKind::Budget;
        let report = check(&failing, &policy);
        for f in &report.findings {
            assert!(!f.message.contains("决算"), "{}: {}", f.rule, f.message);
        }
    }
}

#[test]
fn rule_codes_are_unique_sorted_and_documented() {
    for pair in RULES.windows(2) {
        assert!(
            pair[0].code < pair[1].code,
            "{} / {}",
            pair[0].code,
            pair[1].code
        );
    }
    for rule in RULES {
        assert!(!rule.identity.is_empty() && !rule.title.is_empty() && !rule.reads.is_empty());
    }
}

/// `docs/RULES.md`, generated from the registry and the failing examples' messages.
fn rules_doc() -> String {
    let mut out = String::from(
        "# Rules of the fiscal-cn checker\n\n\
         Generated from the rule registry (`src/check/registry.rs`) by `cargo test`; do not edit \
         by hand (`FISCAL_CN_BLESS=1 cargo test --lib rules_doc` rewrites it). Every rule has a \
         passing and a failing example in `src/check/tests.rs`; the message shown is what the \
         failing example produces.\n\n\
         Whatever the rule, a difference within what 四舍五入 allows is reported as a tail \
         difference (尾差, 提示), and a figure that is right only if the author truncated as a \
         truncation warning (截尾, 警告).\n\n\
         | code | name | title | severity |\n|---|---|---|---|\n",
    );
    for rule in RULES {
        out.push_str(&format!(
            "| [{0}](#{1}) | `{2}` | {3} | {4} |\n",
            rule.code,
            rule.code.as_str().to_lowercase(),
            rule.name,
            rule.title,
            rule.severity
        ));
    }
    for rule in RULES {
        let (_, failing) = examples(rule.code);
        let report = check(&failing, &Policy::default());
        let example = violations(&report, rule.code)
            .next()
            .map(|f| f.message.clone())
            .unwrap_or_default();
        out.push_str(&format!(
            "\n## {}\n\n**{}** (`{}`) — default severity {}; [DOMAIN.md](DOMAIN.md) {}.\n\n\
             - Asserts: {}\n- Reads: {}\n- Example finding: `{}`\n",
            rule.code,
            rule.title,
            rule.name,
            rule.severity,
            rule.domain,
            rule.identity,
            rule.reads,
            example
        ));
    }
    out
}

#[test]
fn rules_doc_is_current() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/RULES.md");
    let fresh = rules_doc();
    if std::env::var_os("FISCAL_CN_BLESS").is_some() {
        std::fs::write(path, &fresh).unwrap();
    }
    let committed = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        committed == fresh,
        "docs/RULES.md is out of date: run FISCAL_CN_BLESS=1 cargo test --lib rules_doc"
    );
}

#[test]
fn policy_overrides_suppresses_and_reports_stale_suppressions() {
    let (_, failing) = examples(RuleCode::T002);
    let mut policy = Policy::default();
    policy.set_severity("T002", Severity::Warning).unwrap();
    let report = check(&failing, &policy);
    assert!(
        report
            .findings
            .iter()
            .any(|f| f.rule == RuleCode::T002 && f.severity == Severity::Warning)
    );

    let at = violations(&check(&failing, &Policy::default()), RuleCode::T002)
        .next()
        .and_then(|f| f.at.clone());
    let mut policy = Policy::default();
    policy.suppress("T002", at, "已向财政部门说明").unwrap();
    policy.suppress("S001", None, "本表不适用").unwrap();
    let report = check(&failing, &policy);
    assert!(
        report
            .findings
            .iter()
            .all(|f| f.rule != RuleCode::T002 || f.kind != FindingKind::Violation)
    );
    assert_eq!(report.suppressed.len(), 1);
    assert_eq!(report.suppressed[0].reason, "已向财政部门说明");
    assert_eq!(report.unused_suppressions.len(), 1);
    assert_eq!(report.unused_suppressions[0].rule, RuleCode::S001);
    assert!(policy.set_severity("Z999", Severity::Info).is_err());

    let mut policy = Policy::default();
    policy.disable("T002").unwrap();
    assert!(
        check(&failing, &policy)
            .findings
            .iter()
            .all(|f| f.rule != RuleCode::T002)
    );
}

#[test]
fn the_documented_message_for_a_class_with_one_item() {
    let (_, failing) = examples(RuleCode::T002);
    let report = check(&failing, &Policy::default());
    let messages: Vec<&str> = violations(&report, RuleCode::T002)
        .map(|f| f.message.as_str())
        .collect();
    assert!(
        messages.contains(
            &"农林水支出（213）（一般公共预算财政拨款支出决算表·合计）：类合计 81.05 万元，所属款合计 81.06 万元，相差 0.01 万元；只有一个款时二者必须相等"
        ),
        "{messages:#?}"
    );
}

#[test]
fn tails_are_info_and_truncation_is_a_warning() {
    let tail = tables_only(vec![gbe(vec![
        row(f("201"), "一般公共服务支出", &[(Column::Total, "550.13")]),
        row(f("20132"), "组织事务", &[(Column::Total, "550.12")]),
        row(f("2013201"), "行政运行", &[(Column::Total, "237.25")]),
        row(
            f("2013202"),
            "一般行政管理事务",
            &[(Column::Total, "22.00")],
        ),
        row(f("2013250"), "事业运行", &[(Column::Total, "24.65")]),
        row(
            f("2013299"),
            "其他组织事务支出",
            &[(Column::Total, "266.22")],
        ),
    ])]);
    let report = check(&tail, &Policy::default());
    // 201 vs its only 款 20132: 550.13 vs 550.12 is an error (one child);
    // 20132 vs its four 项 (Σ 550.12) is exact.
    assert_eq!(violations(&report, RuleCode::T002).count(), 1);

    let statements = statements_only(vec![
        s("a", Concept::CurrentIncomeTotal, amount("775.31万元")),
        s(
            "b",
            Concept::Income(IncomeSource::GeneralBudgetAppropriation),
            amount("729.25万元"),
        ),
        s(
            "c",
            Concept::Income(IncomeSource::GeneralBudgetAppropriation),
            StatedValue::Share {
                rate: pct("94.05%"),
                of: Concept::CurrentIncomeTotal,
            },
        ),
    ]);
    let report = check(&statements, &Policy::default());
    let truncated: Vec<&Finding> = report
        .findings
        .iter()
        .filter(|f| f.kind == FindingKind::Truncation)
        .collect();
    assert_eq!(truncated.len(), 1, "{:#?}", report.findings);
    assert_eq!(truncated[0].severity, Severity::Warning);
    let policy = Policy {
        accept_truncation: true,
        ..Policy::default()
    };
    assert!(check(&statements, &policy).findings.is_empty());

    let four_items = statements_only(vec![
        s(
            "a",
            Concept::FundFunctionExpenditure {
                fund: FundType::GeneralPublicBudget,
                code: "201".parse().unwrap(),
            },
            amount("550.13万元"),
        ),
        s(
            "b",
            Concept::FundFunctionExpenditure {
                fund: FundType::GeneralPublicBudget,
                code: "2013201".parse().unwrap(),
            },
            amount("237.25万元"),
        ),
        s(
            "c",
            Concept::FundFunctionExpenditure {
                fund: FundType::GeneralPublicBudget,
                code: "2013202".parse().unwrap(),
            },
            amount("22万元"),
        ),
        s(
            "d",
            Concept::FundFunctionExpenditure {
                fund: FundType::GeneralPublicBudget,
                code: "2013250".parse().unwrap(),
            },
            amount("24.65万元"),
        ),
        s(
            "e",
            Concept::FundFunctionExpenditure {
                fund: FundType::GeneralPublicBudget,
                code: "2013299".parse().unwrap(),
            },
            amount("266.22万元"),
        ),
    ]);
    // Lines a text happens to state are within their 类; claimed whole (`其中：…`), they are
    // its sum, and four 项 printed to 分 may miss it by their rounding.
    assert!(check(&four_items, &Policy::default()).findings.is_empty());
    let mut four_items = four_items;
    let refer = |id: &str| crate::report::FigureRef::Statement(id.to_owned());
    four_items.claims.push(crate::report::Claim::Sum {
        total: refer("a"),
        parts: ["b", "c", "d", "e"].map(refer).to_vec(),
        minus: Vec::new(),
    });
    let report = check(&four_items, &Policy::default());
    assert_eq!(report.findings.len(), 1, "{:#?}", report.findings);
    assert_eq!(report.findings[0].kind, FindingKind::TailDifference);
    assert_eq!(report.findings[0].severity, Severity::Info);
    assert_eq!(
        report.findings[0].comparison.map(|c| (c.allowance, c.unit)),
        Some((Decimal::new(25, 3), FigureUnit::Money(Unit::WanYuan)))
    );
    let _ = BasicExpenditureClass::Personnel;
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

#[test]
fn form_scores_above_weight_and_rates_off_the_amounts_are_p004() {
    let mut d = statements_only(vec![]);
    let mut form = self_evaluation("10", "12", "100", Some("节约"));
    form.funds.stated_rate = Some(Decimal::new(90, 0));
    d.project_evaluations.push(form);
    let report = check(&d, &Policy::default());
    let messages: Vec<&str> = violations(&report, RuleCode::P004)
        .map(|f| f.message.as_str())
        .collect();
    assert_eq!(messages.len(), 2, "{messages:#?}");
    assert!(messages[0].contains("超过其分值 10 分"), "{}", messages[0]);
    assert!(
        messages[1].contains("预算执行率填列 90%"),
        "{}",
        messages[1]
    );
    // The reason given, the 80% rate is not P006.
    assert_eq!(violations(&report, RuleCode::P006).count(), 0);
}

mod decimal_text {
    use proptest::prelude::*;
    use rust_decimal::Decimal;

    use super::super::engine::push_decimal;

    fn pushed(value: Decimal) -> String {
        let mut out = String::from("前");
        push_decimal(&mut out, value);
        out
    }

    #[test]
    fn corner_cases_print_as_display_does() {
        for value in [
            Decimal::ZERO,
            Decimal::new(0, 2),
            -Decimal::new(0, 2),
            Decimal::new(5, 2),
            Decimal::new(-5, 28),
            Decimal::new(1200, 0),
            Decimal::MAX,
            Decimal::MIN,
            Decimal::from_i128_with_scale((1 << 96) - 1, 28),
            Decimal::from(u64::MAX),
            Decimal::from_i128_with_scale(i128::from(u64::MAX) + 1, 3),
            Decimal::new(-9, 0),
            Decimal::new(10, 0),
            Decimal::new(99, 1),
            Decimal::new(100, 2),
            Decimal::new(101, 28),
        ] {
            assert_eq!(pushed(value), format!("前{value}"));
        }
    }

    proptest! {
        #[test]
        fn pushed_decimals_are_their_display(
            mantissa in prop_oneof![
                -100_000_i128..100_000,
                -10_000_000_000_i128..10_000_000_000,
                -(1_i128 << 65)..(1_i128 << 65),
                -(1_i128 << 96) + 1..(1_i128 << 96),
            ],
            scale in 0_u32..=28,
            negative_zero in any::<bool>(),
        ) {
            let mut value = Decimal::from_i128_with_scale(mantissa, scale);
            if negative_zero && mantissa == 0 {
                value.set_sign_negative(true);
            }
            prop_assert_eq!(pushed(value), format!("前{value}"));
        }
    }
}

/// Messages push these names where they used to format the values: the same text.
#[test]
fn names_in_messages_are_what_display_prints() {
    use crate::classification::Level;
    for kind in TableKind::ALL {
        assert_eq!(kind.name(), kind.to_string());
    }
    for column in Column::ALL {
        assert_eq!(column.name(), column.to_string());
    }
    for level in [Level::Lei, Level::Kuan, Level::Xiang] {
        assert_eq!(<&str>::from(level), level.to_string());
    }
}

/// A form given without its indicators is not checked as if complete: no P003 (weights) or
/// P005 (total) error, only P008 saying what could not be checked.
#[test]
fn a_form_without_indicators_is_not_checked_as_complete() {
    let (_, without) = examples(RuleCode::P008);
    let report = check(&without, &Policy::default());
    let rules: Vec<RuleCode> = report.findings.iter().map(|f| f.rule).collect();
    assert_eq!(rules, [RuleCode::P008], "{report}");
    assert_eq!(report.findings[0].severity, crate::check::Severity::Info);
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
