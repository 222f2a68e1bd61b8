//! Scoring against hand-worked figures (the seed's where they fit) and the laws, by proptest.

use super::*;
use proptest::prelude::*;

fn d(text: &str) -> Decimal {
    text.parse().expect("test literal")
}

#[test]
fn seed_execution_rates_and_scores() {
    // 春节走访慰问工作资金: 19.1 / 50 = 0.382 → 38.2%; 0.382 × 10 = 3.82.
    let spring = score_execution(d("19.1"), d("50"), d("10")).unwrap();
    assert_eq!(spring.rate, Some(d("38.2")));
    assert_eq!(spring.score, Some(d("3.82")));
    assert!(!spring.above_budget);

    // 党建工作经费: 71.92 / 72 = 0.99888… → 99.888…%, printed 99.89%; score 9.9888… → 9.99.
    let party = score_execution(d("71.92"), d("72"), d("10")).unwrap();
    let rate = party.rate.unwrap();
    assert!(rate > d("99.8888888888") && rate < d("99.8888888889"));
    assert_eq!(round_score_for_display(rate), d("99.89"));
    assert_eq!(round_score_for_display(party.score.unwrap()), d("9.99"));

    // 干部人才工作经费: 94.99 / 80 = 1.187375 → 118.7375%, printed 118.74%; capped: full 10.
    let cadre = score_execution(d("94.99"), d("80"), d("10")).unwrap();
    assert_eq!(cadre.rate, Some(d("118.7375")));
    assert_eq!(round_score_for_display(d("118.7375")), d("118.74"));
    assert_eq!(cadre.score, Some(d("10")));
    assert!(cadre.above_budget);

    // 离退休干部活动特需费 (附件2): 18.52 / 20 = 92.6%; 0.926 × 10 = 9.26.
    assert_eq!(
        score_execution(d("18.52"), d("20"), d("10")).unwrap().score,
        Some(d("9.26"))
    );

    // A zero budget has no rate and no score: never 0% or 100%.
    let none = score_execution(d("5"), Decimal::ZERO, d("10")).unwrap();
    assert_eq!(
        (none.rate, none.score, none.above_budget),
        (None, None, false)
    );
}

#[test]
fn quantitative_rules_by_hand() {
    // ≥2800人次 with 2800余人次 done: full. With 2100: 2100 / 2800 = 0.75 → 15 of 20.
    assert_eq!(
        score_at_least(d("2800"), d("2800"), d("20")).unwrap(),
        d("20")
    );
    assert_eq!(
        score_at_least(d("2100"), d("2800"), d("20")).unwrap(),
        d("15")
    );
    // Target 0: any actual ≥ 0 is full; below a non-positive target scores 0.
    assert_eq!(score_at_least(d("0"), d("0"), d("5")).unwrap(), d("5"));
    assert_eq!(score_at_least(d("-1"), d("0"), d("5")).unwrap(), d("0"));
    assert_eq!(score_at_least(d("-1"), d("10"), d("5")).unwrap(), d("0"));
    // ≤3天: 2 days full; 4 days: 3 / 4 = 0.75 → 6 of 8; actual 0 full; above a 0 target: 0.
    assert_eq!(score_at_most(d("2"), d("3"), d("8")).unwrap(), d("8"));
    assert_eq!(score_at_most(d("4"), d("3"), d("8")).unwrap(), d("6"));
    assert_eq!(score_at_most(d("0"), d("3"), d("8")).unwrap(), d("8"));
    assert_eq!(score_at_most(d("1"), d("0"), d("8")).unwrap(), d("0"));
    // =100%: 110 or 90 deviate by 10% → 0.9 × 10 = 9; 250 deviates 150% → 0; target 0 needs 0.
    let rule = EqualTargetRule::ProportionalDeviation;
    assert_eq!(
        score_equal(d("110"), d("100"), d("10"), rule).unwrap(),
        d("9")
    );
    assert_eq!(
        score_equal(d("90"), d("100"), d("10"), rule).unwrap(),
        d("9")
    );
    assert_eq!(
        score_equal(d("250"), d("100"), d("10"), rule).unwrap(),
        d("0")
    );
    assert_eq!(score_equal(d("0"), d("0"), d("10"), rule).unwrap(), d("10"));
    assert_eq!(score_equal(d("1"), d("0"), d("10"), rule).unwrap(), d("0"));
    assert_eq!(
        score_equal(d("100.0"), d("100"), d("10"), EqualTargetRule::ExactOnly).unwrap(),
        d("10")
    );
    // A negative weight is refused with the figure.
    let err = score_at_least(d("1"), d("1"), d("-2")).unwrap_err();
    assert_eq!(err.to_string(), "分值无效：分值不能为负数（-2）");
}

#[test]
fn qualitative_bands() {
    use QualitativeOutcome::*;
    // Top of band by default: 100%, 80%, 60% of 10.
    assert_eq!(score_qualitative(Achieved, d("10"), None).unwrap(), d("10"));
    assert_eq!(
        score_qualitative(PartlyAchieved, d("10"), None).unwrap(),
        d("8")
    );
    assert_eq!(
        score_qualitative(NotAchieved, d("10"), None).unwrap(),
        d("6")
    );
    // Caller's point: 90% of 10 = 9; 0 is allowed for 未达成 only.
    assert_eq!(
        score_qualitative(Achieved, d("10"), Some(d("90"))).unwrap(),
        d("9")
    );
    assert_eq!(
        score_qualitative(NotAchieved, d("10"), Some(d("0"))).unwrap(),
        d("0")
    );
    for (outcome, percent) in [
        (Achieved, "80"),
        (Achieved, "100.01"),
        (PartlyAchieved, "60"),
        (NotAchieved, "-1"),
    ] {
        assert!(
            score_qualitative(outcome, d("10"), Some(d(percent))).is_err(),
            "{outcome} {percent}"
        );
    }
    let message = score_qualitative(Achieved, d("10"), Some(d("80")))
        .unwrap_err()
        .to_string();
    assert_eq!(
        message,
        "“达成”的得分比例无效：应在 (80%, 100%] 之内，给出 80%"
    );
}

#[test]
fn rescaling_by_hand() {
    // 10 + 30 + 30 + 30, the last not applicable: 100 / 70 each; 30 × 100 / 70 = 42.857142…
    let rescaled = rescale_weights(&[
        (d("10"), true),
        (d("30"), true),
        (d("30"), true),
        (d("30"), false),
    ])
    .unwrap();
    assert_eq!(rescaled[3], None);
    assert_eq!(round_score_for_display(rescaled[0].unwrap()), d("14.29"));
    assert_eq!(round_score_for_display(rescaled[1].unwrap()), d("42.86"));
    assert_eq!(rescaled[1], rescaled[2]);
    // Nothing dropped: unchanged, exactly.
    assert_eq!(
        rescale_weights(&[(d("10"), true), (d("90"), true)]).unwrap(),
        [Some(d("10")), Some(d("90"))]
    );
    // Weight cannot move onto items that weigh nothing.
    assert!(rescale_weights(&[(d("0"), true), (d("10"), false)]).is_err());
    assert_eq!(rescale_weights(&[]).unwrap(), []);
}

#[test]
fn grades_and_weight_schemes() {
    use PerformanceGrade::*;
    for (score, grade) in [
        ("100", Excellent),
        ("90", Excellent),
        ("89.99", Good),
        ("80", Good),
        ("60", Fair),
        ("59.99", Poor),
        ("-1", Poor),
    ] {
        assert_eq!(PerformanceGrade::from_score(d(score)), grade, "{score}");
    }
    let sichuan = WeightSplit {
        execution: d("10"),
        output: d("40"),
        outcome: d("40"),
        satisfaction: d("10"),
        cost: d("0"),
    };
    assert_eq!(WeightScheme::Sichuan.check(&sichuan).unwrap(), None);
    assert_eq!(
        WeightScheme::Custom(sichuan.clone())
            .check(&sichuan)
            .unwrap(),
        None
    );
    let note = WeightScheme::Central.check(&sichuan).unwrap().unwrap();
    assert_eq!(
        note.to_string(),
        "权重分配（预算执行率 10 + 产出指标 40 + 效益指标 40 + 满意度指标 10 + 成本指标 0）与中央部门默认权重（预算执行率 10 + 产出指标 50 + 效益指标 30 + 满意度指标 10 + 成本指标 0）不同"
    );
    let short = WeightSplit {
        satisfaction: d("5"),
        ..WeightSplit::central()
    };
    assert_eq!(
        WeightScheme::Sichuan.check(&short).unwrap_err().to_string(),
        "权重分配无效：预算执行率 10 + 产出指标 50 + 效益指标 30 + 满意度指标 5 + 成本指标 0，合计 95，应为 100"
    );
    let negative = WeightSplit {
        cost: d("-5"),
        output: d("55"),
        ..WeightSplit::central()
    };
    assert_eq!(
        negative.validate().unwrap_err().to_string(),
        "权重分配无效：成本指标权重不能为负数（-5）"
    );
}

/// Any Decimal at all: arbitrary mantissa and scale, plus the edges.
fn any_decimal() -> impl Strategy<Value = Decimal> {
    prop_oneof![
        (
            any::<u32>(),
            any::<u32>(),
            any::<u32>(),
            any::<bool>(),
            0u32..=28
        )
            .prop_map(|(lo, mid, hi, negative, scale)| Decimal::from_parts(
                lo, mid, hi, negative, scale
            )),
        (-1_000_000i64..1_000_000, 0u32..4).prop_map(|(m, s)| Decimal::new(m, s)),
        Just(Decimal::ZERO),
        Just(Decimal::MAX),
        Just(Decimal::MIN),
        Just(Decimal::new(1, 28)),
    ]
}

fn weight() -> impl Strategy<Value = Decimal> {
    any_decimal().prop_map(|w| w.abs())
}

proptest! {
    #[test]
    fn scores_lie_between_zero_and_weight(actual in any_decimal(), target in any_decimal(), w in weight(), exact in any::<bool>()) {
        let rule = if exact { EqualTargetRule::ExactOnly } else { EqualTargetRule::ProportionalDeviation };
        let scores = [
            score_at_least(actual, target, w),
            score_at_most(actual, target, w),
            score_equal(actual, target, w, rule),
        ];
        for score in scores {
            let score = score.unwrap();
            prop_assert!(score >= Decimal::ZERO && score <= w, "{score} vs {w}");
        }
        if let Ok(scored) = score_execution(actual, target, w) {
            prop_assert!(scored.score.is_none_or(|s| s >= Decimal::ZERO && s <= w));
            prop_assert_eq!(scored.rate.is_none(), target.is_zero());
        }
    }

    #[test]
    fn nothing_panics_on_any_input(a in any_decimal(), b in any_decimal(), c in any_decimal(), text in "\\PC{0,12}") {
        let _ = execution_rate(a, b);
        let _ = score_execution(a, b, c);
        let _ = score_at_least(a, b, c);
        let _ = score_at_most(a, b, c);
        let _ = score_equal(a, b, c, EqualTargetRule::default());
        let _ = score_qualitative(QualitativeOutcome::PartlyAchieved, a, Some(b));
        let _ = rescale_weights(&[(a, true), (b, false), (c, true)]);
        let _ = PerformanceGrade::from_score(a);
        let _ = round_score_for_display(a);
        let _ = text.parse::<PrintedTarget>();
        let _ = text.parse::<IndicatorNature>();
        let split = WeightSplit { execution: a, output: b, outcome: c, satisfaction: a, cost: b };
        let _ = WeightScheme::Central.check(&split);
    }

    #[test]
    fn at_least_is_non_decreasing_and_at_most_non_increasing(a in any_decimal(), b in any_decimal(), target in any_decimal(), w in weight()) {
        let (low, high) = if a <= b { (a, b) } else { (b, a) };
        prop_assert!(score_at_least(low, target, w).unwrap() <= score_at_least(high, target, w).unwrap());
        prop_assert!(score_at_most(low, target, w).unwrap() >= score_at_most(high, target, w).unwrap());
    }

    #[test]
    fn rescaling_preserves_proportions_and_total(items in prop::collection::vec((0u32..=100, 0u32..3, any::<bool>()), 1..12)) {
        let weights: Vec<(Decimal, bool)> = items.iter().map(|&(m, s, a)| (Decimal::new(m.into(), s), a)).collect();
        let Ok(rescaled) = rescale_weights(&weights) else {
            // Only refused when weight would move onto items weighing nothing.
            let kept: Decimal = weights.iter().filter(|(_, a)| *a).map(|(w, _)| *w).sum();
            prop_assert!(kept.is_zero());
            return Ok(());
        };
        let total: Decimal = weights.iter().map(|(w, _)| *w).sum();
        let kept: Vec<(Decimal, Decimal)> = weights.iter().zip(&rescaled)
            .filter_map(|((w, _), r)| r.map(|r| (*w, r))).collect();
        prop_assert_eq!(kept.len(), weights.iter().filter(|(_, a)| *a).count());
        let tolerance = Decimal::new(1, 20);
        let sum: Decimal = kept.iter().map(|(_, r)| *r).sum();
        prop_assert!((sum - total).abs() <= tolerance, "{sum} vs {total}");
        for (wi, ri) in &kept {
            for (wj, rj) in &kept {
                prop_assert!((*ri * *wj - *rj * *wi).abs() <= tolerance * Decimal::ONE_HUNDRED);
            }
        }
    }
}
