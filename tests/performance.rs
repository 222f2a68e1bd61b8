//! Self-evaluation forms through the public API only: scoring, notes, errors and JSON.
//!
//! Amounts come from the seed (a Sichuan 2024 部门决算 narrative); the seed prints no indicator
//! rows, so targets and actuals below are made up for the tests and say so.

use fiscal_cn::performance::*;
use fiscal_cn::prelude::*;
use proptest::prelude::*;

fn d(text: &str) -> Decimal {
    text.parse().expect("test literal")
}

fn quantitative(
    name: &str,
    sub: IndicatorSubcategory,
    printed: &str,
    actual: &str,
    weight: &str,
) -> Indicator {
    let printed: PrintedTarget = printed.parse().expect("printed target");
    Indicator::new(
        name,
        sub,
        printed.nature.unwrap_or(IndicatorNature::AtLeast),
        printed.target,
        IndicatorActual::Quantitative { value: d(actual) },
        d(weight),
    )
}

fn qualitative(
    name: &str,
    sub: IndicatorSubcategory,
    outcome: QualitativeOutcome,
    weight: &str,
) -> Indicator {
    Indicator::new(
        name,
        sub,
        IndicatorNature::Qualitative,
        IndicatorTarget::Qualitative {
            text: "有效提升".into(),
        },
        IndicatorActual::Qualitative {
            outcome,
            percent_of_weight: None,
        },
        d(weight),
    )
}

/// 干部人才工作经费: 年初预算 80 万元, 实际使用 94.99 万元 (seed); indicator rows made up.
fn cadre_project() -> ProjectSelfEvaluation {
    use IndicatorSubcategory::*;
    let mut satisfaction = quantitative(
        "参训干部满意度",
        ServiceRecipientSatisfaction,
        "≥95%",
        "90",
        "10",
    );
    satisfaction.stated_score = Some(d("10"));
    satisfaction.deviation_reason = Some("部分学员对课程安排有意见".into());
    let line = FundLine {
        initial_budget: Some(d("80")),
        full_year_budget: None,
        executed: Some(d("94.99")),
    };
    let funds = FundsBlock::new(line.clone(), d("10"))
        .with_fiscal(line)
        .with_stated(Some(d("118.74")), Some(d("10")))
        .with_deviation_reason("培训任务增加，追加了培训经费");
    ProjectSelfEvaluation::new(
        "干部人才工作经费",
        "中共乐山市金口河区委组织部",
        2024,
        funds,
        vec![
            quantitative("主体培训班人次", Quantity, "≥2800人次", "2800", "20"),
            quantitative("招录公务员（参公人员）", Quantity, "≥30名", "31", "20"),
            quantitative("培训按期完成率", Timeliness, "=100%", "100", "10"),
            qualitative(
                "干部能力提升",
                SocialBenefit,
                QualitativeOutcome::Achieved,
                "30",
            ),
            satisfaction,
        ],
    )
    .with_stated_total(d("100"))
    .with_conclusion("完成年度目标")
}

#[test]
fn project_form_scores_beside_what_was_stated() {
    let scored = cadre_project().score(&ScoringPolicy::default()).unwrap();
    // Execution: 94.99 / 80 = 118.7375% (printed 118.74%), above 100% → full 10, reported.
    assert_eq!(scored.execution.computed.rate, Some(d("118.7375")));
    assert_eq!(scored.execution.computed.score, Some(d("10")));
    assert!(scored.execution.computed.above_budget);
    assert_eq!(scored.execution.stated_rate, Some(d("118.74")));
    // Rows: 20, 20, 10, 30 full; satisfaction 90 / 95 × 10 = 9.473684…, stated 10.
    let rows: Vec<Decimal> = scored
        .indicators
        .iter()
        .map(|r| round_score_for_display(r.score.unwrap()))
        .collect();
    assert_eq!(rows, [d("20"), d("20"), d("10"), d("30"), d("9.47")]);
    assert_eq!(scored.indicators[4].stated_score, Some(d("10")));
    // Total 99.473684…: displayed 99.47, 优; the stated 100 is kept for a checker to compare.
    assert_eq!(scored.total_for_display, d("99.47"));
    assert_eq!(scored.grade, PerformanceGrade::Excellent);
    assert_eq!(scored.stated_total, Some(d("100")));
    assert_eq!(scored.weights, WeightSplit::central());
    assert_eq!(
        scored.notes,
        [
            PerformanceNote::InitialBudgetUsedAsBase,
            PerformanceNote::ExecutionAboveBudget {
                rate: d("118.7375")
            },
        ]
    );
    assert_eq!(
        scored.notes[1].to_string(),
        "预算执行率 118.74% 超过 100%，按满分计分；执行数大于全年预算数，应核实是否调整预算"
    );
}

#[test]
fn department_form_with_not_applicable_row_and_sichuan_weights() {
    use IndicatorSubcategory::*;
    let mut not_applicable = quantitative("基础设施建设", Quantity, "≥1个", "0", "20");
    not_applicable.not_applicable = true;
    let mut mismatched = qualitative(
        "基层党建品牌",
        Quality,
        QualitativeOutcome::PartlyAchieved,
        "20",
    );
    mismatched.category = IndicatorCategory::Outcome; // 质量指标 belongs to 产出, printed under 效益
    let form = DepartmentSelfEvaluation {
        department: "中共乐山市金口河区委组织部".into(),
        year: 2024,
        // 收入总额 775.37 万元, 支出总额 775.25 万元 (seed), used as budget and execution.
        funds: FundsBlock::new(
            FundLine {
                initial_budget: None,
                full_year_budget: Some(d("775.37")),
                executed: Some(d("775.25")),
            },
            d("10"),
        ),
        basic_expenditure: None,
        project_expenditure: None,
        indicators: vec![
            quantitative("调整干部", Quantity, "≥100名", "110", "20"),
            quantitative("整顿完成率", Quality, "=100%", "100", "20"),
            not_applicable,
            mismatched,
            quantitative(
                "群众满意度",
                ServiceRecipientSatisfaction,
                "≥95%",
                "98",
                "10",
            ),
        ],
        stated_total: None,
        conclusion: None,
    };
    let sichuan = ScoringPolicy::default().with_weights(WeightScheme::Sichuan);
    let scored = form.score(&sichuan).unwrap();
    // 20 of 100 points dropped: the other 80 scale by 100 / 80 = 1.25.
    let weights: Vec<Option<Decimal>> = scored.indicators.iter().map(|r| r.weight).collect();
    assert_eq!(
        weights,
        [
            Some(d("25")),
            Some(d("25")),
            None,
            Some(d("25")),
            Some(d("12.5"))
        ]
    );
    assert_eq!(scored.execution.computed.weight, d("12.5"));
    // 25 + 25 + 25 × 80% + 12.5 = 82.5; execution 12.5 × 775.25 / 775.37 = 12.49806…; 94.998… → 95.00.
    assert_eq!(scored.indicators[3].score, Some(d("20")));
    let execution = scored.execution.computed.score.unwrap();
    assert!(execution > d("12.498") && execution < d("12.499"));
    assert_eq!(scored.total, d("82.5") + execution);
    assert_eq!(scored.total_for_display, d("95.00"));
    assert_eq!(scored.grade, PerformanceGrade::Excellent);
    assert_eq!(scored.notes.len(), 2, "{:?}", scored.notes);
    assert!(matches!(
        scored.notes[0],
        PerformanceNote::WeightsRescaled { .. }
    ));
    assert!(matches!(
        scored.notes[1],
        PerformanceNote::SubcategoryMismatch { .. }
    ));
    // The same split under the central default is a warning, never a failure.
    let central = form.score(&ScoringPolicy::default()).unwrap();
    assert!(matches!(
        central.notes[0],
        PerformanceNote::NonDefaultWeights { .. }
    ));
    assert_eq!(central.total, scored.total);
}

#[test]
fn zero_budget_drops_the_execution_item() {
    let mut form = cadre_project();
    form.funds.total = FundLine {
        initial_budget: Some(Decimal::ZERO),
        full_year_budget: Some(Decimal::ZERO),
        executed: Some(Decimal::ZERO),
    };
    let scored = form.score(&ScoringPolicy::default()).unwrap();
    assert_eq!(scored.execution.computed.rate, None);
    assert_eq!(scored.execution.computed.score, None);
    assert!(
        scored
            .notes
            .contains(&PerformanceNote::ExecutionRateUndefined)
    );
    // The rows' 90 points scale to 100: 20 → 22.22…; the total stays within 100.
    assert_eq!(
        round_score_for_display(scored.indicators[0].weight.unwrap()),
        d("22.22")
    );
    assert!(scored.total <= Decimal::ONE_HUNDRED);
}

#[test]
fn invalid_weights_and_unscorable_rows_are_errors() {
    let mut form = cadre_project();
    form.indicators[0].weight = d("15");
    let err = form.score(&ScoringPolicy::default()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "权重分配无效：预算执行率 10 + 产出指标 45 + 效益指标 30 + 满意度指标 10 + 成本指标 0，合计 95，应为 100"
    );
    let mut form = cadre_project();
    form.indicators[3].actual = IndicatorActual::Quantitative { value: d("1") };
    assert!(matches!(
        form.score(&ScoringPolicy::default()),
        Err(Error::NumberForWords { .. })
    ));
}

#[test]
fn names_parse_to_the_crate_error() {
    assert_eq!(
        "产出指标".parse::<IndicatorCategory>(),
        Ok(IndicatorCategory::Output)
    );
    assert_eq!(
        "生态环境成本".parse::<IndicatorSubcategory>(),
        Ok(IndicatorSubcategory::EnvironmentalCost)
    );
    assert_eq!("<=".parse::<IndicatorNature>(), Ok(IndicatorNature::AtMost));
    assert_eq!(
        "部分达成".parse::<QualitativeOutcome>(),
        Ok(QualitativeOutcome::PartlyAchieved)
    );
    assert_eq!(
        "优良".parse::<PerformanceGrade>().unwrap_err().to_string(),
        "无法识别的评价等级：“优良”"
    );
}

#[cfg(feature = "serde")]
#[test]
fn json_round_trip_keeps_every_digit() {
    let form = cadre_project();
    let json = serde_json::to_string(&form).unwrap();
    assert!(json.contains(r#""executed":"94.99""#), "{json}");
    assert!(json.contains(r#""category":"output""#), "{json}");
    assert_eq!(
        serde_json::from_str::<ProjectSelfEvaluation>(&json).unwrap(),
        form
    );

    let scored = form.score(&ScoringPolicy::default()).unwrap();
    let json = serde_json::to_string(&scored).unwrap();
    assert_eq!(
        serde_json::from_str::<SelfEvaluationScore>(&json).unwrap(),
        scored
    );

    // Optional fields may be left out of hand-written JSON.
    let row: Indicator = serde_json::from_str(
        r#"{"name":"慰问人数","category":"output","subcategory":"quantity","nature":"at_least",
            "target":{"quantitative":{"value":"300","unit":"人"}},
            "actual":{"quantitative":{"value":"320"}},"weight":"20"}"#,
    )
    .unwrap();
    assert_eq!(
        row.score(EqualTargetRule::default()).unwrap(),
        Some(d("20"))
    );
}

/// A random form whose weights sum to 100: cut points in 0..=100 split it into 1 + n parts.
fn any_form() -> impl Strategy<Value = ProjectSelfEvaluation> {
    let row = (0u8..4, -50i64..500, -50i64..500, any::<bool>(), 0usize..12);
    (
        prop::collection::vec(0u8..=100, 1..8),
        prop::collection::vec(row, 8),
        0i64..1000,
        0i64..1000,
    )
        .prop_map(|(mut cuts, rows, budget, executed)| {
            cuts.sort_unstable();
            let bounds: Vec<u8> = std::iter::once(0)
                .chain(cuts)
                .chain(std::iter::once(100))
                .collect();
            let parts: Vec<Decimal> = bounds
                .windows(2)
                .map(|w| Decimal::from(w[1] - w[0]))
                .collect();
            let subcategories: Vec<IndicatorSubcategory> = IndicatorSubcategory::ALL.to_vec();
            let indicators = parts[1..]
                .iter()
                .zip(rows)
                .map(|(weight, (kind, target, actual, not_applicable, sub))| {
                    let nature = [
                        IndicatorNature::AtLeast,
                        IndicatorNature::AtMost,
                        IndicatorNature::Equal,
                    ][usize::from(kind % 3)];
                    let mut row = quantitative("指标", subcategories[sub], "1", "0", "0");
                    row.nature = nature;
                    row.target = IndicatorTarget::Quantitative {
                        value: Decimal::from(target),
                        unit: String::new(),
                    };
                    row.actual = if kind == 3 {
                        IndicatorActual::Qualitative {
                            outcome: QualitativeOutcome::Achieved,
                            percent_of_weight: None,
                        }
                    } else {
                        IndicatorActual::Quantitative {
                            value: Decimal::from(actual),
                        }
                    };
                    row.weight = *weight;
                    row.not_applicable = not_applicable;
                    row
                })
                .collect();
            let mut form = cadre_project();
            form.funds.weight = parts[0];
            form.funds.total = FundLine {
                initial_budget: None,
                full_year_budget: Some(Decimal::from(budget)),
                executed: Some(Decimal::from(executed)),
            };
            form.indicators = indicators;
            form
        })
}

proptest! {
    #[test]
    fn a_form_total_never_exceeds_100(form in any_form()) {
        let policy = ScoringPolicy::default().with_weights(WeightScheme::Sichuan);
        match form.score(&policy) {
            Ok(scored) => {
                prop_assert!(scored.total >= Decimal::ZERO && scored.total <= Decimal::ONE_HUNDRED);
                prop_assert_eq!(scored.grade, PerformanceGrade::from_score(scored.total_for_display));
                for row in &scored.indicators {
                    prop_assert!(row.score <= row.weight);
                }
            }
            // Only when every applicable item weighs 0 while dropped ones do not.
            Err(err) => prop_assert!(matches!(err, Error::NoApplicableWeight { .. }), "{err}"),
        }
    }
}
