//! The examples and tests of the performance rules (P001–P008: 机关运行经费, the 项目支出绩效
//! 自评表, the projects listed against 项目支出).

use super::*;

/// (passing, failing) for a rule code of this family (the other codes are not asked for).
pub(super) fn examples(code: RuleCode) -> (Disclosure, Disclosure) {
    let gpb = FundType::GeneralPublicBudget;
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
    match code {
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
        _ => unreachable!("{code} is not a performance rule"),
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

#[test]
fn form_scores_above_weight_and_rates_off_the_amounts_are_p004() {
    let mut d = statements_only(vec![]);
    let mut form = self_evaluation("10", "12", "100", Some("节约"));
    form.funds.stated_rate = Some(Decimal::new(90, 0));
    d.project_evaluations.push(form);
    let report = check(&d, &Policy::default());
    let messages: Vec<String> = violations(&report, RuleCode::P004)
        .map(|f| f.message().into_owned())
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
