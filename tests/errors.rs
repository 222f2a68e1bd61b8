//! Each way a caller's input is refused has its own `Error` variant, with the figures involved as
//! fields and a Chinese message that states them.

use fiscal_cn::{
    Decimal, Error,
    bulk::{BulkLedger, DepartmentId, RegionId, UnitHierarchy},
    check::Policy,
    ledger::{UnitId, generate_ledger},
    money::{Amount, Unit},
    narrative::{ReadOptions, read_narrative},
    performance::{
        PrintedTarget, QualitativeOutcome, WeightSplit, rescale_weights, score_at_least,
        score_qualitative,
    },
    precision::{Printed, check_ratio},
    vocabulary::indicator_of_row,
};

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

#[test]
fn decimals_beyond_a_decimal_and_figures_that_cannot_be_printed_so() {
    let amount = Amount::new(d("1.5"), Unit::WanYuan);
    let err = amount.value_in(Unit::Yuan, 29).unwrap_err();
    assert_eq!(err, Error::TooManyDecimals { decimals: 29 });
    assert_eq!(
        err.to_string(),
        "小数位数 29 无效：最多 28 位小数（Decimal 的精度）"
    );
    assert_eq!(
        Printed::new(d("1"), 29),
        Err(Error::TooManyDecimals { decimals: 29 })
    );
    let err = Printed::new(d("1.25"), 1).unwrap_err();
    assert_eq!(
        err,
        Error::NotRounded {
            value: d("1.25"),
            decimals: 1
        }
    );
    assert_eq!(err.to_string(), "公开数 1.25 不可能是保留 1 位小数的结果");
    // `1.250` at 2 decimals shows a trailing zero only: it can have been printed so.
    assert!(Printed::new(d("1.250"), 2).is_ok());
    let fine = Printed::parse_amount("1", 28).unwrap();
    let rate = Printed::parse_percent("100%").unwrap();
    assert_eq!(
        check_ratio(rate, fine, fine),
        Err(Error::Uncheckable {
            value: d("1"),
            decimals: 28
        })
    );
}

#[test]
fn a_unit_hierarchy_that_misses_a_unit_or_a_region_says_which() {
    let ledger = generate_ledger(1, 2, 20);
    let bulk = BulkLedger::from_ledger(&ledger).unwrap();
    let err = bulk.consolidate(&UnitHierarchy::new()).unwrap_err();
    let Error::UnitWithoutDepartment { unit } = err else {
        panic!("{err:?}");
    };
    assert!(ledger.expenditures().iter().any(|e| e.unit == UnitId(unit)));
    let mut hierarchy = UnitHierarchy::new();
    for item in ledger.expenditures() {
        hierarchy.add_unit(item.unit, DepartmentId(7));
    }
    let err = bulk.consolidate(&hierarchy).unwrap_err();
    assert_eq!(err, Error::DepartmentWithoutRegion { department: 7 });
    assert_eq!(err.to_string(), "部门7无效：未指定所属地区");
    hierarchy.add_department(DepartmentId(7), RegionId(1));
    assert!(bulk.consolidate(&hierarchy).is_ok());
}

#[test]
fn performance_inputs_are_refused_with_their_figures() {
    let err = score_at_least(d("1"), d("2"), d("-3")).unwrap_err();
    assert_eq!(
        err,
        Error::NegativeWeight {
            part: None,
            weight: d("-3")
        }
    );
    assert_eq!(err.to_string(), "分值无效：分值不能为负数（-3）");

    let split = WeightSplit {
        output: d("-50"),
        ..WeightSplit::central()
    };
    assert_eq!(
        split.validate(),
        Err(Error::NegativeWeight {
            part: Some("产出指标"),
            weight: d("-50")
        })
    );
    let split = WeightSplit {
        cost: d("5"),
        ..WeightSplit::central()
    };
    let Err(Error::WeightsNotHundred { total, .. }) = split.validate() else {
        panic!()
    };
    assert_eq!(total, d("105"));

    let err = rescale_weights(&[(d("0"), true), (d("20"), false)]).unwrap_err();
    assert_eq!(err, Error::NoApplicableWeight { total: d("20") });

    let err =
        score_qualitative(QualitativeOutcome::PartlyAchieved, d("10"), Some(d("85"))).unwrap_err();
    assert_eq!(
        err,
        Error::OutsideBand {
            outcome: "部分达成",
            low: d("60"),
            high: d("80"),
            percent: d("85")
        }
    );
    assert_eq!(
        err.to_string(),
        "“部分达成”的得分比例无效：应在 (60%, 80%] 之内，给出 85%"
    );

    let err = "≥".parse::<PrintedTarget>().unwrap_err();
    assert_eq!(
        err,
        Error::InvalidTarget {
            input: "≥".to_owned(),
            reason: "比较符号后缺少数值"
        }
    );

    let row = [("一级指标", "产出指标"), ("三级指标", "培训人次")];
    assert_eq!(
        indicator_of_row(None, &row),
        Err(Error::MissingIndicatorField {
            field: "二级指标"
        })
    );
}

#[test]
fn a_suppression_without_a_reason_names_its_rule() {
    let mut policy = Policy::default();
    let err = policy.suppress("T001", None, "  ").unwrap_err();
    assert_eq!(
        err,
        Error::MissingSuppressionReason {
            rule: "T001".to_owned()
        }
    );
    assert_eq!(err.to_string(), "规则 T001 的豁免无效：必须说明豁免理由");
}

#[test]
fn a_narrative_without_a_year_is_undated() {
    let err = read_narrative("收入总计775.38万元。", &ReadOptions::default()).unwrap_err();
    assert_eq!(err, Error::UndatedNarrative);
}
