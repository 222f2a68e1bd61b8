//! The 三公 and 机关运行经费 views of the seed (金口河区委组织部 2024 部门决算), through the public API.

use fiscal_cn::{
    Decimal,
    check::{Policy, check},
    dimensions::UnitKind,
    money::round_half_up,
    report::{Disclosure, ReceptionKind, VehicleType},
    three_public::{OperatingFunds, ThreePublicCategory, ThreePublicExpenditure, ThreePublicItem},
};

fn seed() -> Disclosure {
    serde_json::from_str(include_str!("../examples/data/jinkouhe_2024.json")).unwrap()
}

fn d(text: &str) -> Decimal {
    text.parse().unwrap()
}

#[test]
fn three_public_view_of_the_seed() {
    let view = ThreePublicExpenditure::from_disclosure(&seed()).unwrap();
    assert_eq!(view.total.actual, Some(d("2.14")));
    assert_eq!(view.total.change().unwrap(), Some(d("-1.23")));
    // prior = 2.14 + 1.23 = 3.37; growth = −1.23 / 3.37 = −36.4985…% → 36.5% as printed.
    assert_eq!(view.total.prior_year_or_implied().unwrap(), Some(d("3.37")));
    let growth = view.total.growth_rate().unwrap().unwrap();
    assert_eq!(round_half_up(growth, 1), d("-36.5"));
    // No budget amount is printed (only “完成预算100%”): no completion is computed.
    assert_eq!(view.total.completion_rate().unwrap(), None);
    assert_eq!(view.categories_actual_sum().unwrap(), Some(d("2.14")));
    let reception = view
        .category(ThreePublicCategory::OfficialReception)
        .unwrap();
    assert_eq!(reception.actual, Some(d("2.14")));
    assert_eq!(
        view.item(ThreePublicItem::DomesticReception)
            .unwrap()
            .actual,
        Some(d("2.14"))
    );
    assert_eq!(view.domestic_reception.batches, Some(26));
    assert_eq!(view.domestic_reception.persons, Some(225));
    // 2.14万元 / 225人次 = 0.00951111…万元 = 95.11元 per person.
    let per_person = view
        .cost_per_reception_person(ReceptionKind::Domestic)
        .unwrap();
    assert_eq!(
        round_half_up(per_person * Decimal::from(10_000), 2),
        d("95.11")
    );
    // 外事接待 0 人次: no cost per person, not 0.
    assert_eq!(view.cost_per_reception_person(ReceptionKind::Foreign), None);
    // The seed prints 0 vehicles held, but 越野车 1 among the types (N009 reports it).
    assert_eq!(view.vehicles_held.total, Some(0));
    assert_eq!(
        view.vehicles_held.by_type.get(&VehicleType::OffRoad),
        Some(&1)
    );
    assert_eq!(view.vehicles_held.sum_of_types(), Some(1));
    assert_eq!(view.vehicles_by_use.total, Some(0));
    assert_eq!(view.vehicles_purchased.counts.total, Some(0));
    assert_eq!(
        view.vehicles_purchased
            .amount_by_type
            .get(&VehicleType::Sedan),
        Some(&d("0"))
    );
    assert_eq!(view.overseas_groups, Some(0));
}

#[test]
fn operating_funds_of_the_seed_equal_public_funds() {
    let seed = seed();
    assert_eq!(seed.entity.unit_kind, Some(UnitKind::Administrative));
    let funds = OperatingFunds::from_disclosure(&seed).unwrap();
    assert_eq!(funds.amounts.actual, Some(d("40.35")));
    assert_eq!(funds.public_funds, Some(d("40.35")));
    assert_eq!(funds.within_public_funds(), Some(true));
    assert_eq!(
        funds.amounts.prior_year_or_implied().unwrap(),
        Some(d("31.84"))
    );
    let report = check(&seed, &Policy::default());
    assert!(
        report
            .findings
            .iter()
            .all(|f| f.rule != "P002" && f.rule != "P001")
    );
}

#[test]
fn the_seed_projects_outside_90_to_100_percent_give_p006_warnings() {
    let report = check(&seed(), &Policy::default());
    let p006: Vec<String> = report
        .findings
        .iter()
        .filter(|f| f.rule == "P006")
        .map(|f| f.message().into_owned())
        .collect();
    // 春节走访慰问 38.2% and 干部人才 118.74%: neither paragraph gives a reason.
    assert_eq!(p006.len(), 2, "{p006:#?}");
    assert!(p006[0].contains("38.2%"));
    assert!(p006[1].contains("118.74%"));
    // The listed projects (205.59万元) stay within 项目支出 415.28万元.
    assert!(report.findings.iter().all(|f| f.rule != "P007"));
}
