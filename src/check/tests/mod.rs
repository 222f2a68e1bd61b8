//! One passing and one failing example per registered rule, and the generated rule docs.
//!
//! Each family of rules has its examples and its own tests in a file: `tables` (S…, T…,
//! X001), `classification` (C…), `narrative` (N001–N012, N023: the rules of
//! `check::narrative`), `relations` (N013–N022, N024: relations among statements, last year's
//! figures, line names) and `performance` (P…). This file holds the builders they share, the
//! tests every rule's examples pass, and the rules doc.

mod classification;
mod narrative;
mod performance;
mod relations;
mod tables;

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

/// The project the examples of completion rates and of projects are about.
fn project() -> Concept {
    Concept::Project("春节走访慰问工作资金".into())
}

/// A budget's 三公 table with last year's budget and the change (4.00 − 5.00 = −1.00).
fn against_last_year(change: &str) -> Disclosure {
    use Column as C;
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
}

/// (passing, failing) for a rule code: the match has an arm for every rule, so a rule cannot
/// be registered without its examples (each family's in its file).
fn examples(code: RuleCode) -> (Disclosure, Disclosure) {
    use RuleCode as R;
    match code {
        R::C001 | R::C002 | R::C003 => classification::examples(code),
        R::N001
        | R::N002
        | R::N003
        | R::N004
        | R::N005
        | R::N006
        | R::N007
        | R::N008
        | R::N009
        | R::N010
        | R::N011
        | R::N012
        | R::N023 => narrative::examples(code),
        R::N013
        | R::N014
        | R::N015
        | R::N016
        | R::N017
        | R::N018
        | R::N019
        | R::N020
        | R::N021
        | R::N022
        | R::N024
        | R::N025 => relations::examples(code),
        R::P001 | R::P002 | R::P003 | R::P004 | R::P005 | R::P006 | R::P007 | R::P008 => {
            performance::examples(code)
        }
        R::S001
        | R::S002
        | R::S003
        | R::S004
        | R::S005
        | R::S006
        | R::S007
        | R::S008
        | R::T001
        | R::T002
        | R::T003
        | R::T004
        | R::T005
        | R::T006
        | R::T007
        | R::T008
        | R::T009
        | R::X001 => tables::examples(code),
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
            assert!(!f.message().contains("决算"), "{}: {}", f.rule, f.message());
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
         passing and a failing example in `src/check/tests/`; the message shown is what the \
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
            .map(|f| f.message().into_owned())
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
