//! Reading and writing narratives: the seed's figures against values typed here from the text,
//! synthetic narratives in other wordings, units and numberings, golden output, round trips and
//! robustness on arbitrary input.

use fiscal_cn::{
    BasicExpenditureClass, Claim, Concept, Countable, Decimal, Direction, Disclosure,
    DisclosureKind, Entity, ExpenditureKind, FundType, IncomeSource, Location, ProcurementLine,
    Publication, ReadOptions, ReceptionKind, StatedValue, Statement, ThreePublicCategory,
    ThreePublicItem, Unit, UnitKind, VehicleType, VehicleUse, derive_disclosure, generate_ledger,
    read_narrative, render_narrative,
};
use proptest::prelude::*;

const SEED: &str = include_str!("../examples/data/jinkouhe_2024.txt");
const GPB: FundType = FundType::GeneralPublicBudget;

fn read(text: &str) -> fiscal_cn::NarrativeReading {
    read_narrative(text, &ReadOptions::default()).expect("reads")
}

/// The values stated about `concept`, as displayed (`22万元`, `占94.05%（本年收入合计）`).
fn values(d: &Disclosure, concept: &Concept) -> Vec<String> {
    d.statements_about(concept)
        .map(|s| s.value.to_string())
        .collect()
}

fn line(code: &str) -> Concept {
    Concept::FundFunctionExpenditure {
        fund: GPB,
        code: code.parse().unwrap(),
    }
}

#[test]
fn seed_entity() {
    let r = read(SEED);
    let e = &r.disclosure.entity;
    assert_eq!(e.name, "中共乐山市金口河区委组织部");
    assert_eq!(e.year, 2024);
    assert_eq!(e.kind, DisclosureKind::FinalAccounts);
    assert_eq!(e.unit_kind, Some(UnitKind::Administrative));
    assert_eq!(e.units.len(), 5);
    assert_eq!(r.disclosure.currency, Unit::WanYuan);
    assert_eq!(r.disclosure.amount_decimals, 2);
}

#[test]
fn seed_totals_changes_and_growth() {
    let d = read(SEED).disclosure;
    for c in [Concept::IncomeGrandTotal, Concept::ExpenditureGrandTotal] {
        assert_eq!(
            &values(&d, &c)[..3],
            ["775.38万元", "减少0.2万元", "下降0.02%"]
        );
    }
    for c in [
        Concept::AppropriationIncomeGrandTotal,
        Concept::AppropriationExpenditureGrandTotal,
    ] {
        assert_eq!(values(&d, &c), ["729.25万元", "增加0.03万元", "增长0.004%"]);
    }
    assert_eq!(values(&d, &Concept::CurrentIncomeTotal), ["775.31万元"]);
    assert_eq!(
        values(&d, &Concept::CurrentExpenditureTotal)[0],
        "775.25万元"
    );
}

#[test]
fn seed_eight_income_sources_with_shares() {
    let d = read(SEED).disclosure;
    let expected = [
        (
            IncomeSource::GeneralBudgetAppropriation,
            "729.25万元",
            "94.05%",
        ),
        (IncomeSource::GovernmentFundAppropriation, "0万元", "0%"),
        (IncomeSource::StateCapitalAppropriation, "0万元", "0%"),
        (IncomeSource::HigherLevelSubsidy, "0万元", "0%"),
        (IncomeSource::InstitutionRevenue, "0万元", "0%"),
        (IncomeSource::BusinessRevenue, "0万元", "0%"),
        (IncomeSource::SubordinateRemittance, "0万元", "0%"),
        (IncomeSource::Other, "46.06万元", "5.94%"),
    ];
    for (source, amount, share) in expected {
        let v = values(&d, &Concept::Income(source));
        assert_eq!(v[0], amount, "{source}");
        assert_eq!(v[1], format!("占{share}（本年收入合计）"), "{source}");
    }
    // The income listing is one explicit sum of the 8 sources.
    assert!(
        d.claims
            .iter()
            .any(|c| matches!(c, Claim::Sum { parts, .. } if parts.len() == 8))
    );
    let kinds = [
        (ExpenditureKind::Basic, "359.97万元", "46.43%"),
        (ExpenditureKind::Project, "415.28万元", "53.56%"),
        (ExpenditureKind::RemittanceToHigher, "0万元", "0%"),
        (ExpenditureKind::Business, "0万元", "0%"),
        (ExpenditureKind::SubsidyToSubordinate, "0万元", "0%"),
    ];
    for (kind, amount, share) in kinds {
        let v = values(&d, &Concept::Expenditure(kind));
        assert_eq!(v, [amount.to_owned(), format!("占{share}（本年支出合计）")]);
    }
}

#[test]
fn seed_general_budget_lei_and_fourteen_xiang() {
    let d = read(SEED).disclosure;
    let gpb = values(&d, &Concept::FundExpenditure(GPB));
    assert_eq!(
        gpb,
        [
            "729.25万元",
            "占94.06%（本年支出合计）",
            "增加0.03万元",
            "增长0.004%",
            "729.25万元",
            "729.25万元",
            "完成预算100%"
        ]
    );
    for (code, amount, share) in [
        ("201", "550.13万元", "75.44%"),
        ("208", "63.72万元", "8.74%"),
        ("210", "9.21万元", "1.26%"),
        ("213", "81.05万元", "11.11%"),
        ("221", "25.14万元", "3.45%"),
    ] {
        assert_eq!(
            values(&d, &line(code)),
            [
                amount.to_owned(),
                format!("占{share}（一般公共预算财政拨款支出）")
            ]
        );
    }
    let xiang = [
        ("2013201", "237.25万元"),
        ("2013202", "22万元"),
        ("2013250", "24.65万元"),
        ("2013299", "266.22万元"),
        ("2080505", "29.22万元"),
        ("2080506", "14.61万元"),
        ("2080599", "16.95万元"),
        ("2081105", "2.46万元"),
        ("2089999", "0.47万元"),
        ("2101101", "7.29万元"),
        ("2101102", "0.9万元"),
        ("2101103", "1.02万元"),
        ("2130599", "81.06万元"),
        ("2210201", "25.14万元"),
    ];
    for (code, amount) in xiang {
        assert_eq!(values(&d, &line(code)), [amount, "完成预算100%"], "{code}");
    }
    assert!(
        d.claims
            .iter()
            .any(|c| matches!(c, Claim::Sum { parts, .. } if parts.len() == 14))
    );
    let class = |class| Concept::FundBasicClass { fund: GPB, class };
    assert_eq!(
        values(&d, &Concept::FundBasicExpenditure(GPB)),
        ["359.97万元"]
    );
    assert_eq!(
        values(&d, &class(BasicExpenditureClass::Personnel)),
        ["319.62万元"]
    );
    assert_eq!(
        values(&d, &class(BasicExpenditureClass::Public)),
        ["40.35万元"]
    );
}

#[test]
fn seed_three_public() {
    let d = read(SEED).disclosure;
    assert_eq!(
        values(&d, &Concept::ThreePublicTotal),
        [
            "2.14万元",
            "完成预算100%",
            "减少1.23万元",
            "下降36.5%",
            "与预算持平"
        ]
    );
    let cat = |c| Concept::ThreePublicCategory(c);
    assert_eq!(
        values(&d, &cat(ThreePublicCategory::OfficialReception)),
        [
            "2.14万元",
            "占100%（“三公”经费合计）",
            "2.14万元",
            "完成预算100%",
            "减少0.98万元",
            "下降31.41%"
        ]
    );
    assert_eq!(
        values(&d, &cat(ThreePublicCategory::OfficialVehicles))[4..],
        ["减少0.25万元", "下降100%"]
    );
    let item = |i| Concept::ThreePublicItem(i);
    assert_eq!(
        values(&d, &item(ThreePublicItem::DomesticReception)),
        ["2.14万元", "2.14万元", "2.14万元"]
    );
    assert_eq!(
        values(&d, &item(ThreePublicItem::ForeignReception)),
        ["0万元", "0万元"]
    );
    let count = |c| values(&d, &Concept::Count(c));
    assert_eq!(
        count(Countable::ReceptionBatches(ReceptionKind::Domestic)),
        ["26"]
    );
    assert_eq!(
        count(Countable::ReceptionPersons(ReceptionKind::Domestic)),
        ["225"]
    );
    assert_eq!(
        count(Countable::ReceptionBatches(ReceptionKind::Foreign)),
        ["0"]
    );
    assert_eq!(count(Countable::OverseasGroups), ["0"]);
    assert_eq!(count(Countable::OverseasPersons), ["0"]);
    assert_eq!(count(Countable::VehiclesPurchased(None)), ["0"]);
    assert_eq!(count(Countable::VehiclesHeld(None)), ["0"]);
    assert_eq!(
        count(Countable::VehiclesHeld(Some(VehicleType::OffRoad))),
        ["1"]
    );
    assert_eq!(
        values(
            &d,
            &Concept::VehiclePurchaseAmount(Some(VehicleType::Passenger))
        ),
        ["0万元"]
    );
    let count_sums = d
        .claims
        .iter()
        .filter(|c| matches!(c, Claim::CountSum { .. }))
        .count();
    assert_eq!(count_sums, 3);
}

#[test]
fn seed_other_matters() {
    let d = read(SEED).disclosure;
    assert_eq!(
        values(&d, &Concept::OperatingFunds),
        ["40.35万元", "增加8.51万元", "增长26.72%"]
    );
    let p = |l| values(&d, &Concept::Procurement(l));
    assert_eq!(p(ProcurementLine::Total), ["0.8万元"]);
    assert_eq!(p(ProcurementLine::Goods), ["0.8万元"]);
    assert_eq!(p(ProcurementLine::Works), ["0万元"]);
    assert_eq!(
        p(ProcurementLine::AwardedToSme),
        ["0万元", "占0%（政府采购支出总额）"]
    );
    let count = |c| values(&d, &Concept::Count(c));
    assert_eq!(count(Countable::VehiclesByUse(None)), ["0"]);
    assert_eq!(
        count(Countable::VehiclesByUse(Some(VehicleUse::Emergency))),
        ["0"]
    );
    assert_eq!(count(Countable::LargeEquipment), ["0"]);
    assert_eq!(count(Countable::Projects)[..4], ["11", "11", "11", "11"]);
    let project = Concept::Project("春节走访慰问工作资金".into());
    assert_eq!(
        values(&d, &project),
        ["预算50万元", "19.1万元", "完成预算38.2%"]
    );
}

#[test]
fn seed_counts_and_unparsed() {
    let r = read(SEED);
    // 225 figures in the hand transcription; the reader reads them all, the two approximate
    // “2800余人次” included (as the count 2800 of the 主体培训班 it follows).
    assert_eq!(r.disclosure.statements.len(), 225);
    assert!(r.unparsed.is_empty(), "{:?}", r.unparsed);
    assert!(r.disclosure.notes[0].contains("0 处"));
    let approximate: Vec<String> = r
        .disclosure
        .statements
        .iter()
        .filter(|s| s.location.quote.contains("2800余人次"))
        .map(|s| s.value.to_string())
        .collect();
    assert_eq!(approximate, ["29", "2800", "29", "2800"]);
    assert!(r.disclosure.statements.iter().any(
        |s| matches!(&s.concept, Concept::Other(w) if w.ends_with("主体培训班人次（2800余）"))
    ));
    for s in &r.disclosure.statements {
        assert!(!s.location.quote.is_empty() && !s.location.section.is_empty());
    }
}

// ---- synthetic narratives in other wordings ----

fn one(text: &str, concept: &Concept) -> Vec<String> {
    let r = read(text);
    assert!(r.unparsed.is_empty(), "{:?}", r.unparsed);
    values(&r.disclosure, concept)
}

#[test]
fn yuan_units_and_currency() {
    let text = "2023年度某某县财政局部门决算公开编制说明\n二、收入决算情况说明\n2023年度本年收入合计12,345,678.90元，其中：一般公共预算财政拨款收入12,000,000.00元，占97.2%；其他收入345,678.90元，占2.8%。";
    let r = read(text);
    assert_eq!(r.disclosure.currency, Unit::Yuan);
    assert_eq!(r.disclosure.entity.year, 2023);
    assert_eq!(
        values(&r.disclosure, &Concept::Income(IncomeSource::Other)),
        ["345678.90元", "占2.8%（本年收入合计）"]
    );
}

#[test]
fn full_width_digits() {
    let text = "２０２４年度示例局部门决算\n收入支出决算总体情况说明\n２０２４年度收入、支出总计均为１２３．４５万元。与２０２３年度相比，收、支总计各增加１．５万元，增长１．２３％。";
    assert_eq!(
        one(text, &Concept::IncomeGrandTotal),
        ["123.45万元", "增加1.5万元", "增长1.23%"]
    );
}

#[test]
fn verbs_shi_gongji_and_ascii_commas() {
    let text = "2024年度示例局部门决算\n（一）机关运行经费支出情况\n2024年度本部门机关运行经费支出是12.5万元,比2023年度降低1.2万元,下降8.76%。";
    assert_eq!(
        one(text, &Concept::OperatingFunds),
        ["12.5万元", "减少1.2万元", "下降8.76%"]
    );
    let text = "2024年度示例局部门决算\n（二）政府采购支出情况\n2024年度政府采购支出总额共计3万元，其中：政府采购货物支出1万元、政府采购服务支出2万元。";
    assert_eq!(
        one(text, &Concept::Procurement(ProcurementLine::Services)),
        ["2万元"]
    );
}

#[test]
fn rising_and_share_of_named_base() {
    let text = "2024年度示例局部门决算\n五、一般公共预算财政拨款支出决算情况说明\n（一）一般公共预算财政拨款支出决算总体情况\n2024年度一般公共预算财政拨款支出为80万元，占本年支出合计的80%。与2023年度相比，一般公共预算财政拨款支出上升10万元，上升14.29%。";
    assert_eq!(
        one(text, &Concept::FundExpenditure(GPB)),
        [
            "80万元",
            "占80%（本年支出合计）",
            "增加10万元",
            "增长14.29%"
        ]
    );
}

#[test]
fn headings_without_and_with_numbering_styles() {
    for heading in [
        "收入决算情况说明",
        "二、收入决算情况说明",
        "2.收入决算情况说明",
        "（二）收入决算情况说明",
    ] {
        let text = format!(
            "2024年度示例局部门决算\n{heading}\n2024年度本年收入合计10万元，其中：事业收入10万元，占100%。"
        );
        let r = read(&text);
        assert_eq!(r.disclosure.statements[0].location.section, heading);
        assert_eq!(
            values(
                &r.disclosure,
                &Concept::Income(IncomeSource::InstitutionRevenue)
            ),
            ["10万元", "占100%（本年收入合计）"]
        );
    }
}

#[test]
fn central_form_like_putuo() {
    let text = "第三部分上海市某某局2024年度部门决算情况说明\n一、收入支出决算总体情况说明\n上海市某某局2024年度收入支出总计2995.39万元。与2023年度相比，收入支出总计减少56.95万元，下降1.87%。\n二、收入决算情况说明\n本年收入合计2946.25万元，其中： 财政拨款收入2940.05万元，占99.79%；其他收入6.2万元，占0.21%；\n五、（三）一般公共预算财政拨款支出决算具体情况\n1、一般公共服务支出（类）财政事务（款）行政运行（项）。年初预算为1560.05万元，支出决算为1511.89万元。决算数小于预算数的主要原因：人员调整。";
    let r = read(text);
    assert!(r.unparsed.is_empty(), "{:?}", r.unparsed);
    let d = &r.disclosure;
    assert_eq!(
        (d.entity.name.as_str(), d.entity.year),
        ("上海市某某局", 2024)
    );
    assert_eq!(
        values(d, &Concept::ExpenditureGrandTotal),
        ["2995.39万元", "减少56.95万元", "下降1.87%"]
    );
    assert_eq!(
        values(d, &Concept::AppropriationIncome),
        ["2940.05万元", "占99.79%（本年收入合计）"]
    );
    assert_eq!(
        values(d, &line("2010601")),
        ["预算1560.05万元", "1511.89万元", "小于预算"]
    );
}

#[test]
fn central_three_public_with_budget() {
    let text = "2024年度示例局部门决算\n七、（一）“三公”经费财政拨款支出决算总体情况说明\n“三公”经费财政拨款支出年初预算为0.95万元，支出决算为0.00万元，完成预算的0%，其中：因公出国（境）费决算为0.00万元，完成预算的0%；公务接待费支出决算为0.00万元，完成预算的0%。";
    let r = read(text);
    assert!(r.unparsed.is_empty(), "{:?}", r.unparsed);
    assert_eq!(
        values(&r.disclosure, &Concept::ThreePublicTotal),
        ["预算0.95万元", "0.00万元", "完成预算0%"]
    );
    assert!(
        r.disclosure
            .claims
            .iter()
            .any(|c| matches!(c, Claim::Ratio { .. }))
    );
}

#[test]
fn prior_year_amounts_get_their_year() {
    let text = "2024年度示例局部门决算\n（一）机关运行经费支出情况\n2023年度机关运行经费支出10万元。2024年度机关运行经费支出12万元。";
    let r = read(text);
    let years: Vec<Option<u16>> = r.disclosure.statements.iter().map(|s| s.year).collect();
    assert_eq!(years, [Some(2023), None]);
}

#[test]
fn vehicles_and_equipment() {
    let text = "2024年度示例局部门决算\n（三）国有资产占有使用情况\n截至2024年12月31日，本部门共有车辆3辆，其中：主要领导干部用车1辆、应急保障用车2辆。单价100万元（含）以上设备（不含车辆）2台（套）。";
    let r = read(text);
    assert!(r.unparsed.is_empty(), "{:?}", r.unparsed);
    let d = &r.disclosure;
    assert_eq!(
        values(d, &Concept::Count(Countable::VehiclesByUse(None))),
        ["3"]
    );
    assert_eq!(values(d, &Concept::Count(Countable::LargeEquipment)), ["2"]);
    assert!(
        d.claims
            .iter()
            .any(|c| matches!(c, Claim::CountSum { parts, .. } if parts.len() == 2))
    );
}

#[test]
fn unparsed_sentences_are_reported() {
    let text = "2024年度示例局部门决算\n收入决算情况说明\n本年收入合计10万元，其中：奇怪的款项3万元；占5%。\n（三）一般公共预算财政拨款支出决算具体情况\n一般公共服务（类）不存在的款（款）行政运行（项）：支出决算为1万元。";
    let r = read(text);
    assert_eq!(r.unparsed.len(), 3, "{:?}", r.unparsed);
    assert_eq!(r.unparsed[0].section, "收入决算情况说明");
    assert_eq!(r.unparsed[0].reason, "未能识别金额所指的项目");
    // A share of a total has no whole to be a share of.
    assert_eq!(r.unparsed[1].text, "占5%");
    assert!(r.unparsed[2].reason.contains("不存在的款"));
    assert!(text[r.unparsed[2].offset..].starts_with("一般公共服务"));
    assert!(r.disclosure.notes[0].contains("3 处"));
}

#[test]
fn no_year_is_an_error_and_options_supply_it() {
    assert!(read_narrative("", &ReadOptions::default()).is_err());
    let options = ReadOptions {
        year: Some(2024),
        entity_name: Some("甲".into()),
        ..ReadOptions::default()
    };
    let r = read_narrative("机关运行经费支出5万元。", &options).unwrap();
    assert_eq!(r.disclosure.entity.name, "甲");
    assert_eq!(values(&r.disclosure, &Concept::OperatingFunds), ["5万元"]);
}

// ---- writing ----

fn statement(concept: Concept, value: StatedValue, year: Option<u16>) -> Statement {
    let mut s = Statement::new(concept, value, Location::default());
    s.year = year;
    s
}

fn amount(v: &str) -> StatedValue {
    StatedValue::Amount(v.parse().unwrap())
}

#[test]
fn golden_small_report() {
    let mut d = Disclosure::new(Entity {
        name: "示例局".into(),
        year: 2024,
        kind: DisclosureKind::FinalAccounts,
        unit_kind: None,
        units: vec![],
    });
    d.statements = vec![
        statement(Concept::IncomeGrandTotal, amount("100.005万元"), None),
        statement(Concept::ExpenditureGrandTotal, amount("100.005万元"), None),
        statement(Concept::IncomeGrandTotal, amount("120万元"), Some(2023)),
        statement(Concept::CurrentExpenditureTotal, amount("100万元"), None),
        statement(
            Concept::Expenditure(ExpenditureKind::Basic),
            amount("66.666万元"),
            None,
        ),
        statement(
            Concept::Expenditure(ExpenditureKind::Project),
            amount("33.334万元"),
            None,
        ),
        statement(Concept::ThreePublicTotal, amount("0万元"), None),
        statement(
            Concept::ThreePublicCategory(ThreePublicCategory::OfficialReception),
            amount("0万元"),
            None,
        ),
        statement(Concept::OperatingFunds, amount("5万元"), None),
        statement(Concept::OperatingFunds, amount("0万元"), Some(2023)),
    ];
    let expected = "\
2024年度示例局部门决算公开编制说明
第二部分 2024年度部门决算情况说明
一、收入支出决算总体情况说明
2024年度收入、支出总计均为100.01万元。与2023年度相比，收入总计减少19.99万元，下降16.66%。
二、支出决算情况说明
2024年度本年支出合计100.00万元，其中：基本支出66.67万元，占66.67%；项目支出33.33万元，占33.33%。
三、财政拨款“三公”经费支出决算情况说明
（一）“三公”经费财政拨款支出决算总体情况说明
2024年度“三公”经费财政拨款支出决算为0.00万元。
（二）“三公”经费财政拨款支出决算具体情况说明
2024年度“三公”经费财政拨款支出决算中，公务接待费支出决算0.00万元，占比—（合计为0）。
四、其他重要事项的情况说明
（一）机关运行经费支出情况
2024年度机关运行经费支出5.00万元。与2023年度相比，机关运行经费支出增加5.00万元（2023年度为0，增长率—）。
";
    assert_eq!(render_narrative(&d), expected);
    // Read back: the same figures, the undefined rates not invented.
    let back = read(expected);
    assert!(back.unparsed.is_empty(), "{:?}", back.unparsed);
    assert_eq!(
        values(&back.disclosure, &Concept::OperatingFunds),
        ["5.00万元", "增加5.00万元"]
    );
    assert_eq!(
        values(&back.disclosure, &Concept::IncomeGrandTotal),
        ["100.01万元", "减少19.99万元", "下降16.66%"]
    );
}

/// The (concept, value) pairs of a reading that carry amounts or shares, for comparison.
fn figures(d: &Disclosure) -> Vec<(Concept, String)> {
    d.statements
        .iter()
        .map(|s| (s.concept.clone(), s.value.to_string()))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    /// render ∘ read: every table figure the narrative states comes back with the printed
    /// value, and every share equals the one computed from the printed amounts.
    #[test]
    fn render_then_read_round_trips(seed in 0u64..10_000, units in 1usize..4, items in 5usize..80) {
        let ledger = generate_ledger(seed, units, items);
        let entity = Entity { name: "示例局".into(), year: 2024, kind: DisclosureKind::FinalAccounts, unit_kind: None, units: vec![] };
        let d = derive_disclosure(&ledger, entity, Publication::default()).unwrap();
        let text = render_narrative(&d);
        let back = read(&text);
        prop_assert!(back.unparsed.is_empty(), "{:?}", back.unparsed);
        let read_back = back.disclosure;
        // Every amount read equals the table's printed cell.
        let tables = |concept: &Concept| -> Option<Decimal> {
            use fiscal_cn::{Column, Line, RowKey, TableKind as K};
            let cell = |k, row: RowKey, col| d.table(k).and_then(|t| t.cell(&row, col));
            match concept {
                Concept::IncomeGrandTotal => cell(K::Summary, RowKey::Line(Line::IncomeGrandTotal), Column::Amount),
                Concept::CurrentIncomeTotal => cell(K::Summary, RowKey::Line(Line::CurrentIncomeTotal), Column::Amount),
                Concept::Income(s) => cell(K::Summary, RowKey::Income(*s), Column::Amount),
                Concept::Expenditure(k) => cell(K::Expenditure, RowKey::Line(Line::Total), Column::of_expenditure_kind(*k)),
                Concept::FundFunctionExpenditure { code, .. } => cell(K::GeneralBudgetExpenditure, RowKey::Function(*code), Column::Total),
                Concept::FundBasicClass { class: BasicExpenditureClass::Personnel, .. } => cell(K::BasicExpenditure, RowKey::Line(Line::PersonnelTotal), Column::Amount),
                _ => None,
            }
        };
        // The embedded catalog names two 项 alike (2089901 and 2089999 are both
        // 其他社会保障和就业支出 under 20899): a path that does not name one code cannot round-trip.
        let catalog = fiscal_cn::Catalog::<fiscal_cn::FunctionCode>::embedded();
        let ambiguous = |concept: &Concept| match concept {
            Concept::FundFunctionExpenditure { code, .. } => {
                let path = catalog.path_of(*code).ok();
                catalog
                    .iter()
                    .filter(|e| e.code() != *code && catalog.path_of(e.code()).ok() == path)
                    .count()
                    > 0
            }
            _ => false,
        };
        let mut checked = 0;
        for s in &read_back.statements {
            if ambiguous(&s.concept) {
                continue;
            }
            if let (StatedValue::Amount(a), Some(cell)) = (&s.value, tables(&s.concept)) {
                prop_assert_eq!(a.value(), cell, "{}", s.concept);
                checked += 1;
            }
            if let StatedValue::Share { rate, of } = &s.value {
                let part = read_back.statements_about(&s.concept).find_map(|p| match p.value { StatedValue::Amount(a) => Some(a.value()), _ => None });
                let whole = read_back.statements_about(of).find_map(|p| match p.value { StatedValue::Amount(a) => Some(a.value()), _ => None });
                let computed = fiscal_cn::Percent::from_ratio(part.unwrap(), whole.unwrap(), 2);
                prop_assert_eq!(Some(*rate), computed);
            }
        }
        prop_assert!(checked >= 10);
        // Rendering what was read gives the same text's figures again.
        let again = read(&render_narrative(&read_back));
        prop_assert_eq!(figures(&again.disclosure).len() >= figures(&read_back).len() - 20, true);
    }

    /// Arbitrary text: a result or an error, never a panic.
    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,400}") {
        let _ = read_narrative(&text, &ReadOptions::default());
        let _ = read_narrative(&text, &ReadOptions { year: Some(2024), ..ReadOptions::default() });
    }

    /// Text built from the narrative's own vocabulary, digits and punctuation.
    #[test]
    fn narrative_like_text_never_panics(parts in proptest::collection::vec(prop_oneof![
        Just("（类）"), Just("（款）"), Just("（项）"), Just("万元"), Just("元"), Just("%"), Just("占"),
        Just("增加"), Just("下降"), Just("，"), Just("。"), Just("："), Just("\n"), Just("一、"),
        Just("（一）"), Just("1."), Just("2024年度"), Just("收入"), Just("支出"), Just("三公"),
        Just("辆"), Just("批次"), Just("人次"), Just("12.5"), Just("0"), Just("３"), Just("．"),
        Just("其中"), Just("决算数与预算数持平"), Just("公务用车"), Just("轿车"), Just(",")
    ], 0..80)) {
        let text: String = parts.concat();
        let _ = read_narrative(&text, &ReadOptions { year: Some(2024), ..ReadOptions::default() });
    }

    /// The seed with random deletions, insertions and truncation.
    #[test]
    fn mutated_seed_never_panics(
        cut in 0usize..12_000,
        edits in proptest::collection::vec((0usize..12_000, any::<char>(), any::<bool>()), 0..30),
    ) {
        let mut chars: Vec<char> = SEED.chars().collect();
        for (at, c, insert) in edits {
            let at = at % (chars.len() + 1);
            if insert { chars.insert(at, c) } else if at < chars.len() { chars.remove(at); }
        }
        chars.truncate(cut.min(chars.len()));
        let text: String = chars.into_iter().collect();
        if let Ok(r) = read_narrative(&text, &ReadOptions::default()) {
            let _ = render_narrative(&r.disclosure);
        }
    }
}

#[test]
fn huge_and_binary_looking_input() {
    let big = SEED.repeat(20);
    let r = read(&big);
    assert!(r.disclosure.statements.len() > 4000);
    let binary: String = (0u32..3000)
        .filter_map(|i| char::from_u32((i * 7919) % 0x2_0000))
        .collect();
    let _ = read_narrative(&binary, &ReadOptions::default());
    let _ = Direction::Flat;
}
