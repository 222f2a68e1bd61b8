//! The examples of the rules on the tables (S001–S008: the summary tables's totals; T001–T009:
//! each table's rows, lines and columns; X001: the same figure in two tables), and the message
//! documented for T002.

use super::*;

/// (passing, failing) for a rule code of this family (the other codes are not asked for).
pub(super) fn examples(code: RuleCode) -> (Disclosure, Disclosure) {
    use Column as C;
    let gpb = FundType::GeneralPublicBudget;
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
    match code {
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
        RuleCode::S008 => {
            let by_fund = |fund_income: &str| {
                tables_only(vec![table(
                    TableKind::AppropriationSummary,
                    vec![
                        row(RowKey::Fund(gpb), "", &[(C::Amount, "729.25")]),
                        row(
                            RowKey::Fund(FundType::GovernmentFund),
                            "",
                            &[(C::Amount, fund_income)],
                        ),
                        row(l(Line::CurrentIncomeTotal), "", &[(C::Amount, "741.25")]),
                    ],
                )])
            };
            (by_fund("12.00"), by_fund("12.10"))
        }
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
        _ => unreachable!("{code} is not a table rule"),
    }
}

#[test]
fn the_documented_message_for_a_class_with_one_item() {
    let (_, failing) = examples(RuleCode::T002);
    let report = check(&failing, &Policy::default());
    let messages: Vec<String> = violations(&report, RuleCode::T002)
        .map(|f| f.message().into_owned())
        .collect();
    assert!(
        messages.iter().any(|m| m
            == "农林水支出（213）（一般公共预算财政拨款支出决算表·合计）：类合计 81.05 万元，所属款合计 81.06 万元，相差 0.01 万元；只有一个款时二者必须相等"),
        "{messages:#?}"
    );
}

/// The messages of `code`'s violations in `d`, under the default policy.
fn violation_messages(d: &Disclosure, code: RuleCode) -> Vec<String> {
    let report = check(d, &Policy::default());
    violations(&report, code)
        .map(|f| f.message().into_owned())
        .collect()
}

/// S001, S002 and S004 word a finding with the vocabulary's names of the whole and its parts:
/// a budget's 年初结转和结余 is its 上年结转, and its 支出总计 has one part, 本年支出合计.
#[test]
fn summary_sums_name_the_partition_of_the_vocabulary() {
    let message = |code: RuleCode, kind: DisclosureKind| {
        let (_, mut failing) = examples(code);
        if kind == DisclosureKind::Budget {
            // The same figures as a budget prints them: its 收支预算总表's 预算数.
            failing.entity.kind = kind;
            let summary = &mut failing.tables[0];
            summary.kind = TableKind::BudgetSummary;
            for row in &mut summary.rows {
                let amount = row.get(Column::Amount).expect("an amount");
                *row = Row::new(row.key.clone(), "").with(Column::Budget, amount);
            }
        }
        let found = violation_messages(&failing, code);
        assert_eq!(found.len(), 1, "{code}");
        found[0].clone()
    };
    let (accounts, budget) = (DisclosureKind::FinalAccounts, DisclosureKind::Budget);
    for (code, kind, words) in [
        (
            RuleCode::S001,
            accounts,
            "收入总计 775.48 万元，本年收入合计、使用非财政拨款结余（含专用结余）、年初结转和结余之和",
        ),
        (
            RuleCode::S001,
            budget,
            "收入总计 775.48 万元，本年收入合计、使用非财政拨款结余（含专用结余）、上年结转之和",
        ),
        (
            RuleCode::S002,
            accounts,
            "支出总计 775.48 万元，本年支出合计、结余分配、年末结转和结余之和",
        ),
        (
            RuleCode::S004,
            accounts,
            "本年收入合计 775.31 万元，各项收入之和",
        ),
    ] {
        let message = message(code, kind);
        assert!(message.contains(words), "{code}: {message}");
    }
}

/// A budget's 支出总计 is its 本年支出合计 alone (nothing is carried out of a budget's year):
/// a 年末结转和结余 line in a budget's summary table is no part of it.
#[test]
fn a_budget_expenditure_total_is_its_current_expenditure() {
    let budget_summary = |grand: &str| {
        let mut d = tables_only(vec![table(
            TableKind::BudgetSummary,
            [
                (l(Line::CurrentExpenditureTotal), "775.25"),
                (l(Line::ClosingBalance), "0.13"),
                (l(Line::ExpenditureGrandTotal), grand),
            ]
            .into_iter()
            .map(|(key, v)| row(key, "", &[(Column::Budget, v)]))
            .collect(),
        )]);
        d.entity.kind = DisclosureKind::Budget;
        d
    };
    let s002 = |d: &Disclosure| violation_messages(d, RuleCode::S002);
    assert!(s002(&budget_summary("775.25")).is_empty());
    let found = s002(&budget_summary("775.38"));
    assert_eq!(found.len(), 1);
    assert!(
        found[0].contains("支出总计 775.38 万元，本年支出合计 775.25 万元"),
        "{}",
        found[0]
    );
}

/// T005 words a 三公 sum with the vocabulary's names: the whole as the table prints it, its
/// parts by their names beside each other (not `“三公”经费·…` each); T006 names the whole alike.
#[test]
fn three_public_sums_name_the_partition_of_the_vocabulary() {
    use crate::three_public::ThreePublicItem;

    let (_, total) = examples(RuleCode::T005);
    assert_eq!(
        violation_messages(&total, RuleCode::T005),
        [
            "财政拨款“三公”经费支出决算表（决算数）：“三公”经费合计 2.24 万元，\
          因公出国（境）费、公务用车购置及运行维护费、公务接待费之和 2.14 万元，\
          相差 0.10 万元，超出四舍五入允许的 0.020 万元"
        ]
    );
    let (_, mut vehicles) = examples(RuleCode::T006);
    let rows = &mut vehicles.tables[0].rows;
    for (item, amount) in [
        (ThreePublicItem::VehiclePurchase, "0.30"),
        (ThreePublicItem::VehicleOperation, "0.05"),
    ] {
        let at = rows
            .iter()
            .position(|r| r.key == RowKey::ThreePublicItem(item))
            .expect("the item's row");
        rows[at] = row(
            RowKey::ThreePublicItem(item),
            "",
            &[(Column::Amount, amount)],
        );
    }
    assert_eq!(
        violation_messages(&vehicles, RuleCode::T005),
        [
            "财政拨款“三公”经费支出决算表（决算数）：公务用车购置及运行维护费 0.40 万元，\
          公务用车购置费、公务用车运行维护费之和 0.35 万元，相差 0.05 万元，超出四舍五入允许的 0.015 万元"
        ]
    );
    let (_, unfilled) = examples(RuleCode::T006);
    assert_eq!(
        violation_messages(&unfilled, RuleCode::T006),
        [
            "财政拨款“三公”经费支出决算表（决算数）：公务用车购置及运行维护费 0.40 万元，\
          其分项各行均为空白，未填写分项"
        ]
    );
}

/// 一般公共预算财政拨款支出决算表 with a 基本支出 of 90.00, and the basic expenditure table of `rows`.
fn beside_basic_of_90(rows: Vec<Row>) -> Disclosure {
    tables_only(vec![
        gbe(vec![row(
            l(Line::Total),
            "合计",
            &[(Column::Basic, "90.00")],
        )]),
        table(TableKind::BasicExpenditure, rows),
    ])
}

/// X001 holds the 基本支出 of 一般公共预算财政拨款支出决算表 to the vocabulary's partition of it,
/// 人员经费 and 公用经费 as the basic expenditure table prints them, and names them by their
/// concepts.
#[test]
fn basic_expenditure_across_tables_is_the_partition_of_the_vocabulary() {
    let across = |public: &str| {
        beside_basic_of_90(vec![
            row(l(Line::PersonnelTotal), "", &[(Column::Amount, "60.00")]),
            row(l(Line::PublicTotal), "", &[(Column::Amount, public)]),
        ])
    };
    let passing = violation_messages(&across("30.00"), RuleCode::X001);
    assert!(passing.is_empty(), "{passing:?}");
    let found = violation_messages(&across("20.00"), RuleCode::X001);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].starts_with(
            "一般公共预算财政拨款支出决算表与一般公共预算财政拨款基本支出决算表：\
             一般公共预算财政拨款基本支出 90.00 万元，人员经费、公用经费之和 80.00 万元"
        ),
        "{}",
        found[0]
    );
}

/// X001 holds every concept the vocabulary prints in two places to one figure, each place
/// against the first the report prints: 政府性基金预算财政拨款收入 in 财政拨款收入支出决算总表 and
/// in the fund's own table (with no 收支总表 printed), 一般公共预算财政拨款基本支出 in
/// 一般公共预算财政拨款支出决算表 and in the basic expenditure table's 合计, and a 类 of the
/// department's expenditure in 收入支出决算总表 and 支出决算表.
#[test]
fn every_concept_printed_twice_is_one_figure() {
    let gf = FundType::GovernmentFund;
    let fund_income = |own: &str| {
        tables_only(vec![
            table(
                TableKind::AppropriationSummary,
                vec![row(RowKey::Fund(gf), "", &[(Column::Amount, "12.00")])],
            ),
            table(
                TableKind::GovernmentFund,
                vec![row(l(Line::Total), "合计", &[(Column::CurrentIncome, own)])],
            ),
        ])
    };
    assert!(violation_messages(&fund_income("12.00"), RuleCode::X001).is_empty());
    let found = violation_messages(&fund_income("10.00"), RuleCode::X001);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].contains("12.00") && found[0].contains("10.00"),
        "{}",
        found[0]
    );
    let basic = |total: &str| {
        beside_basic_of_90(vec![row(
            l(Line::Total),
            "合计",
            &[(Column::Amount, total)],
        )])
    };
    assert!(violation_messages(&basic("90.00"), RuleCode::X001).is_empty());
    assert_eq!(violation_messages(&basic("80.00"), RuleCode::X001).len(), 1);
    let by_class = |spent: &str| {
        tables_only(vec![
            table(
                TableKind::Summary,
                vec![row(
                    f("201"),
                    "一般公共服务支出",
                    &[(Column::Amount, "40.00")],
                )],
            ),
            table(
                TableKind::Expenditure,
                vec![row(f("201"), "一般公共服务支出", &[(Column::Total, spent)])],
            ),
        ])
    };
    assert!(violation_messages(&by_class("40.00"), RuleCode::X001).is_empty());
    assert_eq!(
        violation_messages(&by_class("41.00"), RuleCode::X001).len(),
        1
    );
}

/// T004 holds the basic expenditure table's own 合计 to its 人员经费合计 and 公用经费合计, the
/// vocabulary's partition of 一般公共预算财政拨款基本支出, named by it.
#[test]
fn the_basic_expenditure_tables_total_is_its_two_classes() {
    let basic = |total: &str| {
        tables_only(vec![table(
            TableKind::BasicExpenditure,
            vec![
                row(l(Line::Total), "合计", &[(Column::Amount, total)]),
                row(l(Line::PersonnelTotal), "", &[(Column::Amount, "60.00")]),
                row(l(Line::PublicTotal), "", &[(Column::Amount, "30.00")]),
            ],
        )])
    };
    assert!(violation_messages(&basic("90.00"), RuleCode::T004).is_empty());
    let found = violation_messages(&basic("91.00"), RuleCode::T004);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].starts_with(
            "一般公共预算财政拨款基本支出决算表：一般公共预算财政拨款基本支出 91.00 万元，\
             人员经费、公用经费之和 90.00 万元"
        ),
        "{}",
        found[0]
    );
}
