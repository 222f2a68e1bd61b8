//! The foundation through the public API only: money, precision, closed sets, errors.

use fiscal_cn::{
    Decimal, Error,
    classification::DepartmentEconomicCode,
    dimensions::{BasicExpenditureClass, ExpenditureKind, FundType, IncomeSource, UnitKind},
    money::{Amount, Percent, Unit, format_grouped, parse_amount, round_half_up},
    precision::{
        Consistency, Printed, RoundingMode, check_balance, check_growth, check_growth_from_prior,
        check_ratio, check_sum,
    },
    three_public::{ThreePublicCategory, ThreePublicItem},
};

fn dec(s: &str) -> Decimal {
    Decimal::from_str_exact(s).unwrap()
}

fn amount(s: &str) -> Printed {
    Printed::parse_amount(s, 2).unwrap()
}

fn percent(s: &str) -> Printed {
    Printed::parse_percent(s).unwrap()
}

#[test]
fn money_parses_converts_and_formats() {
    let a: Amount = "775.38万元".parse().unwrap();
    assert_eq!(a.value(), dec("775.38"));
    assert_eq!(a.to_unit(Unit::Yuan).unwrap().value(), dec("7753800"));
    assert_eq!(a.format_in(Unit::WanYuan, 2).unwrap(), "775.38万元");
    let yuan = Amount::parse_in("91,016,775.35", Unit::Yuan).unwrap();
    assert_eq!(yuan.format_in(Unit::WanYuan, 2).unwrap(), "9101.68万元");
    assert_eq!(format_grouped(yuan.value(), 2), "91,016,775.35");
    assert_eq!(round_half_up(dec("0.005"), 2), dec("0.01"));
    assert_eq!(parse_amount("０．１２元").unwrap().unit, Some(Unit::Yuan));
    let err = parse_amount("12,34万元").unwrap_err();
    assert!(matches!(err, Error::InvalidAmount { ref input, .. } if input == "12,34万元"));
    let p: Percent = "0.004%".parse().unwrap();
    assert_eq!((p.points(), p.decimals()), (dec("0.004"), 3));
}

#[test]
fn precision_answers_the_documented_seed_cases() {
    let tail = check_sum(
        amount("550.13"),
        &[
            amount("237.25"),
            amount("22"),
            amount("24.65"),
            amount("266.22"),
        ],
    )
    .unwrap();
    assert_eq!(tail.verdict, Consistency::Consistent);
    assert_eq!(
        (tail.difference, tail.allowance),
        (dec("0.01"), dec("0.025"))
    );

    let single = check_sum(amount("81.05"), &[amount("81.06")]).unwrap();
    assert_eq!(single.verdict, Consistency::Inconsistent);
    assert_eq!(single.to_owned().difference, dec("-0.01"));

    let share = check_ratio(percent("94.05%"), amount("729.25"), amount("775.31"))
        .unwrap()
        .unwrap();
    assert_eq!(share.verdict, Consistency::TruncationOnly);

    let balance = check_balance(
        &[amount("0.07"), amount("729.25")],
        &[amount("729.25"), amount("0.07")],
    )
    .unwrap();
    assert!(balance.is_exact());

    let growth = check_growth(percent("-31.41%"), amount("-0.98"), amount("2.14")).unwrap();
    assert_eq!(growth.unwrap().verdict, Consistency::Consistent);
    let from_prior = check_growth_from_prior(percent("0%"), amount("5"), amount("0")).unwrap();
    assert_eq!(
        from_prior, None,
        "growth from a zero prior year is undefined"
    );

    let pre = amount("1.00").preimage(RoundingMode::Truncate);
    assert!(pre.contains(dec("1.009")) && !pre.contains(dec("1.01")));
}

#[test]
fn closed_sets_parse_their_chinese_names() {
    assert_eq!(IncomeSource::ALL.len(), 10);
    assert_eq!(IncomeSource::FINAL_ACCOUNTS.len(), 8);
    assert_eq!(ExpenditureKind::ALL.len(), 5);
    assert_eq!(
        "国有资本经营预算".parse::<FundType>().unwrap(),
        FundType::StateCapitalOperation
    );
    assert_eq!(
        "其他收入".parse::<IncomeSource>().unwrap().fund_type(),
        None
    );
    assert!(UnitKind::Administrative.has_operating_funds());
    let code: DepartmentEconomicCode = "30217".parse().unwrap();
    assert_eq!(
        BasicExpenditureClass::from_economic_code(code),
        Some(BasicExpenditureClass::Public)
    );
    assert_eq!(
        ThreePublicCategory::from_economic_code(code),
        Some(ThreePublicCategory::OfficialReception)
    );
    assert_eq!(
        ThreePublicItem::ForeignReception.category(),
        ThreePublicCategory::OfficialReception
    );
    let err = "财政拨款".parse::<ExpenditureKind>().unwrap_err();
    assert_eq!(err.to_string(), "无法识别的支出类型：“财政拨款”");
}

#[cfg(feature = "serde")]
#[test]
fn money_serializes_as_strings() {
    let a: Amount = "0.80万元".parse().unwrap();
    assert_eq!(serde_json::to_string(&a).unwrap(), "\"0.80万元\"");
    let back: Amount = serde_json::from_str("\"0.80万元\"").unwrap();
    assert_eq!(back.value().scale(), 2);
    let p: Percent = serde_json::from_str("\"36.5%\"").unwrap();
    assert_eq!(p.decimals(), 1);
    assert!(
        serde_json::from_str::<Amount>("0.8").is_err(),
        "numbers are not amounts"
    );
    let printed = amount("22");
    let json = serde_json::to_string(&printed).unwrap();
    assert_eq!(json, r#"{"value":"22","decimals":2}"#);
    assert_eq!(serde_json::from_str::<Printed>(&json).unwrap(), printed);
    let impossible = r#"{"value":"0.125","decimals":2}"#;
    assert!(serde_json::from_str::<Printed>(impossible).is_err());
}
