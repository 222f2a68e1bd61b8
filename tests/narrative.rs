//! Reading and writing narratives: the seed's figures against values typed here from the text,
//! synthetic narratives in other wordings, units and numberings, golden output, round trips and
//! robustness on arbitrary input.

use fiscal_cn::{
    Decimal,
    derive::{Publication, derive_disclosure},
    dimensions::{BasicExpenditureClass, ExpenditureKind, FundType, IncomeSource, UnitKind},
    ledger::generate_ledger,
    money::Unit,
    narrative::{ReadOptions, UnparsedReason, read_narrative, render_narrative},
    report::{
        Claim, Concept, Countable, Direction, Disclosure, DisclosureKind, Entity, Location,
        ProcurementLine, ReceptionKind, StatedValue, Statement, VehicleType, VehicleUse,
    },
    three_public::{ThreePublicCategory, ThreePublicItem},
};
use proptest::prelude::*;

const SEED: &str = include_str!("../examples/data/jinkouhe_2024.txt");
const GPB: FundType = FundType::GeneralPublicBudget;

fn read(text: &str) -> fiscal_cn::narrative::NarrativeReading {
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
    // “2800余人次” included (as the count 2800 of the 主体培训班 it follows), and one change
    // in words (因公出国（境）支出决算与2023年度持平), except the three standards per head
    // (`按每人每天50元`, twice, and `每个驻村工作队员1.5万元`), which are no figures of the
    // disclosure.
    assert_eq!(r.disclosure.statements.len(), 223);
    let declined: Vec<(&str, &UnparsedReason)> = r
        .unparsed
        .iter()
        .map(|u| (u.text.as_str(), &u.reason))
        .collect();
    assert_eq!(declined.len(), 3, "{declined:?}");
    assert!(
        declined
            .iter()
            .all(|(text, reason)| text.contains('每') && **reason == UnparsedReason::PerHeadOrItem),
        "{declined:?}"
    );
    assert!(r.disclosure.notes[0].contains("3 处"));
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
    // Equipment above another value is a count of its own.
    let other = text.replace("单价100万元（含）以上设备", "单位价值200万元以上大型设备");
    let r = read(&other);
    assert!(
        values(&r.disclosure, &Concept::Count(Countable::LargeEquipment)).is_empty(),
        "{:?}",
        r.disclosure.statements
    );
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
    assert_eq!(r.unparsed[0].reason, UnparsedReason::UnknownSubject);
    assert_eq!(r.unparsed[0].reason.to_string(), "未能识别金额所指的项目");
    // A share of a total has no whole to be a share of.
    assert_eq!(r.unparsed[1].text, "占5%");
    // The catalog's error is kept, to match on and as the reason's source.
    let UnparsedReason::UnresolvedPath { error } = &r.unparsed[2].reason else {
        panic!("{:?}", r.unparsed[2].reason)
    };
    let Some(fiscal_cn::Error::InvalidPath {
        position,
        segment,
        reason,
        ..
    }) = error.error()
    else {
        panic!("{error:?}")
    };
    assert_eq!((*position, segment.as_str()), (2, "不存在的款"));
    assert!(matches!(**reason, fiscal_cn::PathProblem::NotFound { .. }));
    let source = std::error::Error::source(&r.unparsed[2].reason).map(ToString::to_string);
    assert_eq!(source, Some(error.to_string()));
    assert!(text[r.unparsed[2].offset..].starts_with("一般公共服务"));
    assert!(r.disclosure.notes[0].contains("3 处"));
}

#[test]
fn no_year_is_an_error_and_options_supply_it() {
    assert!(read_narrative("", &ReadOptions::default()).is_err());
    let options = ReadOptions::default()
        .with_year(2024)
        .with_entity_name("甲");
    let r = read_narrative("机关运行经费支出5万元。", &options).unwrap();
    assert_eq!(r.disclosure.entity.name, "甲");
    assert_eq!(values(&r.disclosure, &Concept::OperatingFunds), ["5万元"]);
}

// ---- 类 listings, orphan shares, attached reports, approximate counts (issue 7) ----

#[test]
fn lei_listing_inside_the_overview_sub_section() {
    let text = "2024年度示例局部门决算\n五、一般公共预算财政拨款支出决算情况说明\n（一）一般公共预算财政拨款支出决算总体情况\n2024年度一般公共预算财政拨款支出729.25万元，主要用于以下方面：农林水支出81.05万元，占11.11%。";
    let r = read(text);
    assert!(r.unparsed.is_empty(), "{:?}", r.unparsed);
    let d = &r.disclosure;
    assert_eq!(values(d, &Concept::FundExpenditure(GPB)), ["729.25万元"]);
    assert_eq!(
        values(d, &line("213")),
        ["81.05万元", "占11.11%（一般公共预算财政拨款支出）"]
    );
}

#[test]
fn lei_listing_without_any_heading_and_in_other_wordings() {
    // No heading at all: the listing is recognised by its total and its words.
    for (words, names) in [
        ("其中：", ["一般公共服务支出", "住房保障支出"]),
        ("主要用于", ["一般公共服务", "住房保障"]),
        ("包括", ["一般公共服务（类）", "住房保障支出（类）"]),
        ("主要用于以下方面:", ["一般公共服务支出（类）", "住房保障"]),
    ] {
        let text = format!(
            "2024年度示例局部门决算\n2024年度一般公共预算财政拨款支出100万元，{words}{}60万元，占60%；{}40万元，占40%。",
            names[0], names[1]
        );
        let r = read(&text);
        assert!(r.unparsed.is_empty(), "{words}: {:?}", r.unparsed);
        let d = &r.disclosure;
        assert_eq!(
            values(d, &line("201")),
            ["60万元", "占60%（一般公共预算财政拨款支出）"],
            "{words}"
        );
        assert_eq!(
            values(d, &line("221")),
            ["40万元", "占40%（一般公共预算财政拨款支出）"],
            "{words}"
        );
        assert_eq!(values(d, &Concept::FundExpenditure(GPB)), ["100万元"]);
        assert!(
            d.claims
                .iter()
                .any(|c| matches!(c, Claim::Sum { parts, .. } if parts.len() == 2)),
            "{words}"
        );
    }
}

#[test]
fn government_fund_listing_is_that_funds_lines() {
    let text = "2024年度示例局部门决算\n八、政府性基金预算支出决算情况说明\n2024年度政府性基金预算财政拨款支出30万元，主要用于城乡社区支出30万元，占100%。";
    let r = read(text);
    assert!(r.unparsed.is_empty(), "{:?}", r.unparsed);
    let concept = Concept::FundFunctionExpenditure {
        fund: FundType::GovernmentFund,
        code: "212".parse().unwrap(),
    };
    assert_eq!(
        values(&r.disclosure, &concept),
        ["30万元", "占100%（政府性基金预算财政拨款支出）"]
    );
}

#[test]
fn a_share_after_an_unread_item_is_unparsed_not_misattributed() {
    let text = "2024年度示例局部门决算\n（一）一般公共预算财政拨款支出决算总体情况\n2024年度一般公共预算财政拨款支出729.25万元，主要用于以下方面：不存在的科目81.05万元，占11.11%；增长2%。";
    let r = read(text);
    let d = &r.disclosure;
    // The total keeps only its own amount: no share, no growth borrowed from the unread item.
    assert_eq!(values(d, &Concept::FundExpenditure(GPB)), ["729.25万元"]);
    let texts: Vec<&str> = r.unparsed.iter().map(|u| u.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "主要用于以下方面：不存在的科目81.05万元",
            "占11.11%",
            "增长2%"
        ]
    );
    let UnparsedReason::AfterAnUnreadFigure { reason } = &r.unparsed[1].reason else {
        panic!("{:?}", r.unparsed[1].reason);
    };
    assert_eq!(
        **reason,
        UnparsedReason::RateOfNothingNamed {
            what: "占比".to_owned()
        }
    );
    assert_eq!(
        r.unparsed[1].reason.to_string(),
        "说了占比，但看不出是哪一项的占比（前面的数字未能读懂，不把它归到更早的项目上）"
    );
    assert_eq!(d.statements.len(), 1);
}

#[test]
fn headings_numbered_differently_or_missing() {
    for heading in [
        "（二）一般公共预算财政拨款支出决算结构情况",
        "(二)一般公共预算财政拨款支出决算结构情况",
        "2、一般公共预算财政拨款支出决算结构情况",
        "五、一般公共预算财政拨款支出决算情况说明",
        "第五部分 一般公共预算财政拨款支出决算情况",
        "",
    ] {
        let text = format!(
            "2024年度示例局部门决算\n{heading}\n2024年度一般公共预算财政拨款支出50万元，其中：教育支出20万元，占40%；科学技术支出30万元，占60%。"
        );
        let r = read(&text);
        assert!(r.unparsed.is_empty(), "{heading}: {:?}", r.unparsed);
        assert_eq!(
            values(&r.disclosure, &line("205")),
            ["20万元", "占40%（一般公共预算财政拨款支出）"],
            "{heading}"
        );
        assert_eq!(
            values(&r.disclosure, &line("206")),
            ["30万元", "占60%（一般公共预算财政拨款支出）"],
            "{heading}"
        );
    }
}

#[test]
fn yuan_with_thousands_separators_in_a_listing() {
    let text = "2024年度示例局部门决算\n（二）一般公共预算财政拨款支出决算结构情况\n2024年度一般公共预算财政拨款支出1,234,567.89元，主要用于以下方面：一般公共服务支出1,000,000.00元，占81.00%；住房保障支出234,567.89元，占19.00%。";
    let r = read(text);
    assert!(r.unparsed.is_empty(), "{:?}", r.unparsed);
    let d = &r.disclosure;
    assert_eq!(d.currency, Unit::Yuan);
    assert_eq!(values(d, &Concept::FundExpenditure(GPB)), ["1234567.89元"]);
    assert_eq!(
        values(d, &line("201")),
        ["1000000.00元", "占81.00%（一般公共预算财政拨款支出）"]
    );
    assert_eq!(
        values(d, &line("221")),
        ["234567.89元", "占19.00%（一般公共预算财政拨款支出）"]
    );
}

#[test]
fn sentences_split_across_lines() {
    let text = "2024年度示例局部门决算\n收入决算情况说明\n2024年度本年收入合计100万元，其中：\n一般公共预算财政拨款收入90万元，\n占90%；其他收入10万元，占10%。\n（二）一般公共预算财政拨款支出决算结构情况\n2024年度一般公共预算财政拨款支出80万元，主要用于以下方面：\n农林水支出80万元，占100%。";
    let r = read(text);
    assert!(r.unparsed.is_empty(), "{:?}", r.unparsed);
    let d = &r.disclosure;
    assert_eq!(
        values(
            d,
            &Concept::Income(IncomeSource::GeneralBudgetAppropriation)
        ),
        ["90万元", "占90%（本年收入合计）"]
    );
    assert_eq!(
        values(d, &Concept::Income(IncomeSource::Other)),
        ["10万元", "占10%（本年收入合计）"]
    );
    assert_eq!(
        values(d, &line("213")),
        ["80万元", "占100%（一般公共预算财政拨款支出）"]
    );
    // The two income sources are one listing of the total.
    assert!(
        d.claims
            .iter()
            .any(|c| matches!(c, Claim::SubsetSum { parts, .. } if parts.len() == 2))
    );
}

#[test]
fn attached_project_reports_take_the_report_title_as_section() {
    let text = "2024年度示例局部门决算公开编制说明\n第四部分 附件\n附件1\n部门整体支出绩效自评报告\n（一）部门财政资金收入情况。\n2024年收入总额100万元。\n附件2\n甲项目支出2024年绩效自评报告\n一、项目概况\n（一）设立背景及基本情况。\n项目年初预算安排20万元。年度实际执行18.52万元。\n乙项目支出2024年绩效自评报告\n一、项目概况\n（一）设立背景及基本情况。\n根据财政规定，按每人每天50元申报资金。\n项目资金年初预算安排每个队员1.5万元。实际上项目资金产生了1.06万元。\n三、绩效分析\n（一）通用指标绩效分析。\n该项目2024年度收、支总计1.06万元。";
    let r = read(text);
    // In final accounts `收入总额` may be the 收入总计 or the 本年收入合计; with neither stated
    // before it, the reader cannot tell which.
    // Standards per head are no figures of the project: declined too.
    let declined: Vec<&str> = r.unparsed.iter().map(|u| u.text.as_str()).collect();
    assert_eq!(
        declined,
        [
            "2024年收入总额100万元",
            "按每人每天50元申报资金",
            "项目资金年初预算安排每个队员1.5万元"
        ]
    );
    let d = &r.disclosure;
    let sections: Vec<(&str, String)> = d
        .statements
        .iter()
        .map(|s| (s.location.section.as_str(), s.value.to_string()))
        .collect();
    assert_eq!(
        sections,
        [
            ("甲项目支出2024年绩效自评报告", "预算20万元".to_owned()),
            ("甲项目支出2024年绩效自评报告", "18.52万元".to_owned()),
            ("乙项目支出2024年绩效自评报告", "1.06万元".to_owned()),
            ("乙项目支出2024年绩效自评报告", "1.06万元".to_owned()),
        ]
    );
    assert_eq!(
        values(d, &Concept::Project("甲".into())),
        ["预算20万元", "18.52万元"]
    );
    assert_eq!(
        values(d, &Concept::Project("乙".into())),
        ["1.06万元", "1.06万元"]
    );
}

#[test]
fn approximate_counts_are_read() {
    let text = "2024年度示例局部门决算\n（四）预算绩效管理情况\n举办主体培训班29期2800余人次，开展活动200多场次。";
    let r = read(text);
    assert!(r.unparsed.is_empty(), "{:?}", r.unparsed);
    let read: Vec<(String, String)> = r
        .disclosure
        .statements
        .iter()
        .map(|s| (s.concept.to_string(), s.value.to_string()))
        .collect();
    assert_eq!(
        read,
        [
            ("举办主体培训班数".to_owned(), "29".to_owned()),
            ("举办主体培训班人次（2800余）".to_owned(), "2800".to_owned()),
            ("开展活动数（200多）".to_owned(), "200".to_owned()),
        ]
    );
}

#[test]
fn central_form_structure_listing_like_putuo() {
    let text = "第三部分上海市某某局2024年度部门决算情况说明\n五、一般公共预算财政拨款支出决算情况说明\n（二）一般公共预算财政拨款支出决算结构情况\n一般公共预算财政拨款支出2940.05万元，主要用于以下方面：一般公共服务支出（类）2106.66万元，占71.73%；社会保障和就业支出（类）326.72万元，占11.11%；卫生健康支出（类）60.99万元，占2.07%；住房保障支出（类）445.69万元，占15.16%。\n（二）政府采购支出情况\n2024年度政府采购金额为251.25万元，其中：货物采购金额4.79万元、工程采购金额0万元、服务采购金额246.47万元。在面向中小企业预留份额的项目中，由中小企业供应商中标或成交的，采购金额246.47万元。";
    let r = read(text);
    let d = &r.disclosure;
    for (code, amount, share) in [
        ("201", "2106.66万元", "71.73%"),
        ("208", "326.72万元", "11.11%"),
        ("210", "60.99万元", "2.07%"),
        ("221", "445.69万元", "15.16%"),
    ] {
        assert_eq!(
            values(d, &line(code)),
            [
                amount.to_owned(),
                format!("占{share}（一般公共预算财政拨款支出）")
            ]
        );
    }
    assert!(
        d.claims
            .iter()
            .any(|c| matches!(c, Claim::Sum { parts, .. } if parts.len() == 4))
    );
    // A 中标 amount is not the procurement total: unparsed, not a second total.
    assert_eq!(
        values(d, &Concept::Procurement(ProcurementLine::Total)),
        ["251.25万元"]
    );
    assert_eq!(
        values(d, &Concept::Procurement(ProcurementLine::Services)),
        ["246.47万元"]
    );
    assert_eq!(r.unparsed.len(), 1, "{:?}", r.unparsed);
    assert_eq!(r.unparsed[0].text, "采购金额246.47万元");
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
    let mut d = Disclosure::new(Entity::new("示例局", 2024, DisclosureKind::FinalAccounts));
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
1.公务接待费支出0.00万元。
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
        let entity = Entity::new("示例局", 2024, DisclosureKind::FinalAccounts);
        let d = derive_disclosure(&ledger, entity, Publication::default()).unwrap();
        let text = render_narrative(&d);
        let back = read(&text);
        prop_assert!(back.unparsed.is_empty(), "{:?}", back.unparsed);
        let read_back = back.disclosure;
        // Every amount read equals the table's printed cell.
        let tables = |concept: &Concept| -> Option<Decimal> {
            use fiscal_cn::report::{Column, Line, RowKey, TableKind as K};
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
        // A path that does not name one code (two 项 named alike under one 款) cannot
        // round-trip; the embedded catalog has none, but the test must not rely on that.
        let catalog = fiscal_cn::classification::Catalog::<fiscal_cn::classification::FunctionCode>::embedded();
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
                let computed = fiscal_cn::money::Percent::from_ratio(part.unwrap(), whole.unwrap(), 2);
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
        let _ = read_narrative(&text, &ReadOptions::default().with_year(2024));
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
        let _ = read_narrative(&text, &ReadOptions::default().with_year(2024));
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

fn wan(v: &str) -> Decimal {
    v.parse().unwrap()
}

/// A small report with a 三公 table (budget and actual columns, zero budgets among them),
/// prior-year figures, counts (held vehicles that do not add up: written as held) and two
/// projects, one with a zero budget.
fn three_public_report() -> Disclosure {
    use fiscal_cn::report::{Column, Line, Row, RowKey, Table, TableKind};
    let mut d = Disclosure::new(Entity::new("示例局", 2024, DisclosureKind::FinalAccounts));
    let mut table = Table::new(TableKind::ThreePublic, Unit::WanYuan);
    let row = |key: RowKey, name: &str, budget: &str, actual: &str| {
        Row::new(key, name)
            .with(Column::Budget, wan(budget))
            .with(Column::Amount, wan(actual))
    };
    let cat = RowKey::ThreePublicCategory;
    let item = RowKey::ThreePublicItem;
    table.rows = vec![
        row(RowKey::Line(Line::Total), "合计", "10", "7.5"),
        row(
            cat(ThreePublicCategory::OverseasTravel),
            "因公出国（境）费",
            "0",
            "0",
        ),
        row(
            cat(ThreePublicCategory::OfficialVehicles),
            "公务用车购置及运行维护费",
            "6",
            "4.5",
        ),
        row(
            item(ThreePublicItem::VehiclePurchase),
            "公务用车购置费",
            "0",
            "0",
        ),
        row(
            item(ThreePublicItem::VehicleOperation),
            "公务用车运行维护费",
            "6",
            "4.5",
        ),
        row(
            cat(ThreePublicCategory::OfficialReception),
            "公务接待费",
            "4",
            "3",
        ),
        row(
            item(ThreePublicItem::DomesticReception),
            "国内公务接待费",
            "4",
            "2.5",
        ),
        row(
            item(ThreePublicItem::ForeignReception),
            "外事接待费",
            "0",
            "0.5",
        ),
    ];
    d.tables.push(table);
    let count = |c: Countable, n: u64| statement(Concept::Count(c), StatedValue::Count(n), None);
    let change = StatedValue::Change {
        amount: "1万元".parse().unwrap(),
        direction: Direction::Increase,
    };
    let project = |name: &str| Concept::Project(name.into());
    d.statements = vec![
        statement(Concept::ThreePublicTotal, amount("8万元"), Some(2023)),
        statement(
            Concept::ThreePublicCategory(ThreePublicCategory::OfficialReception),
            change,
            None,
        ),
        count(Countable::OverseasGroups, 0),
        count(Countable::OverseasPersons, 0),
        count(Countable::VehiclesPurchased(None), 0),
        count(Countable::VehiclesHeld(None), 3),
        count(Countable::VehiclesHeld(Some(VehicleType::Sedan)), 1),
        count(Countable::VehiclesHeld(Some(VehicleType::OffRoad)), 1),
        count(Countable::ReceptionBatches(ReceptionKind::Domestic), 3),
        count(Countable::ReceptionPersons(ReceptionKind::Domestic), 20),
        count(Countable::ReceptionBatches(ReceptionKind::Foreign), 1),
        count(Countable::ReceptionPersons(ReceptionKind::Foreign), 4),
        statement(Concept::OperatingFunds, amount("12.345万元"), None),
        statement(Concept::OperatingFunds, amount("10万元"), Some(2023)),
        count(Countable::Projects, 2),
        statement(
            project("春节走访慰问工作资金"),
            StatedValue::Budget("50万元".parse().unwrap()),
            None,
        ),
        statement(project("春节走访慰问工作资金"), amount("19.1万元"), None),
        statement(
            project("临时任务经费"),
            StatedValue::Budget("0万元".parse().unwrap()),
            None,
        ),
        statement(project("临时任务经费"), amount("2万元"), None),
    ];
    d
}

#[test]
fn golden_three_public_section_with_zero_budgets() {
    let d = three_public_report();
    let expected = "\
2024年度示例局部门决算公开编制说明
第二部分 2024年度部门决算情况说明
一、财政拨款“三公”经费支出决算情况说明
（一）“三公”经费财政拨款支出决算总体情况说明
2024年度“三公”经费财政拨款支出决算为7.50万元，完成预算75.00%。与2023年度相比，“三公”经费财政拨款支出减少0.50万元，下降6.25%。
（二）“三公”经费财政拨款支出决算具体情况说明
2024年度“三公”经费财政拨款支出决算中，因公出国（境）费支出决算0.00万元，占0.00%；公务用车购置及运行维护费支出决算4.50万元，占60.00%；公务接待费支出决算3.00万元，占40.00%。
1.因公出国（境）经费支出0.00万元，未安排预算（预算数为0），完成率—。
全年安排因公出国（境）团组0次，出国（境）0人。
2.公务用车购置及运行维护费支出4.50万元，完成预算75.00%。
其中：公务用车购置支出0.00万元，未安排预算（预算数为0），完成率—。
全年按规定更新购置公务用车0辆。
截至2024年12月31日，单位共有公务用车3辆，其中：轿车1辆、越野车1辆。
公务用车运行维护费支出4.50万元，完成预算75.00%。
3.公务接待费支出3.00万元，完成预算75.00%。与2023年度相比，公务接待费支出增加1.00万元，增长50.00%。
国内公务接待3批次，20人次（不包括陪同人员），共计支出2.50万元，完成预算62.50%。
外事接待1批次，4人次（不包括陪同人员），共计支出0.50万元，未安排预算（预算数为0），完成率—。
二、其他重要事项的情况说明
（一）机关运行经费支出情况
2024年度机关运行经费支出12.35万元。与2023年度相比，机关运行经费支出增加2.35万元，增长23.50%。
（二）预算绩效管理情况
根据预算绩效管理要求，本单位组织对2个项目开展绩效自评，主要项目情况如下。
项目1：春节走访慰问工作资金
年初预算资金50.00万元，实际使用19.10万元，预算执行率38.20%。
项目2：临时任务经费
年初预算资金0.00万元，实际使用2.00万元，年初预算为0，预算执行率—。
";
    let text = render_narrative(&d);
    assert_eq!(text, expected, "\n{text}");
    // Read back: the same figures; no rate is invented for a zero budget.
    let back = read(&text);
    assert!(back.unparsed.is_empty(), "{:?}", back.unparsed);
    let b = &back.disclosure;
    let cat = |c| Concept::ThreePublicCategory(c);
    assert_eq!(
        values(b, &Concept::ThreePublicTotal),
        ["7.50万元", "完成预算75.00%", "减少0.50万元", "下降6.25%"]
    );
    assert_eq!(
        values(b, &cat(ThreePublicCategory::OverseasTravel)),
        ["0.00万元", "占0.00%（“三公”经费合计）", "0.00万元"]
    );
    assert_eq!(
        values(
            b,
            &Concept::ThreePublicItem(ThreePublicItem::ForeignReception)
        ),
        ["0.50万元"]
    );
    let count = |c| values(b, &Concept::Count(c));
    assert_eq!(count(Countable::VehiclesHeld(None)), ["3"]);
    assert_eq!(
        count(Countable::VehiclesHeld(Some(VehicleType::Sedan))),
        ["1"]
    );
    assert_eq!(
        count(Countable::VehiclesHeld(Some(VehicleType::Passenger))),
        Vec::<String>::new()
    );
    assert_eq!(
        count(Countable::ReceptionPersons(ReceptionKind::Foreign)),
        ["4"]
    );
    assert_eq!(count(Countable::Projects), ["2"]);
    assert_eq!(
        values(b, &Concept::Project("临时任务经费".into())),
        ["预算0.00万元", "2.00万元"]
    );
    assert_eq!(
        values(b, &Concept::OperatingFunds),
        ["12.35万元", "增加2.35万元", "增长23.50%"]
    );
}

/// The hand transcription of the seed (`examples/data/jinkouhe_2024.json`, statements only)
/// rendered and read back: every 三公 amount and count, 机关运行经费 and the project figures
/// come back equal, statement by statement (concept and value; `22万元` equals `22.00万元`).
/// Rates are computed, not copied: they come back equal where the seed rounded them half up,
/// and the writer's own where the seed truncated (机关运行经费 增长26.72% → 26.73%) or printed a
/// completion without any budget in the data (not written at all).
#[test]
#[cfg(feature = "serde")]
fn seed_transcription_renders_and_reads_back() {
    let d: Disclosure =
        serde_json::from_str(include_str!("../examples/data/jinkouhe_2024.json")).unwrap();
    let text = render_narrative(&d);
    let back = read(&text);
    assert!(back.unparsed.is_empty(), "{:?}", back.unparsed);
    let b = &back.disclosure;
    let in_scope = |c: &Concept| {
        matches!(
            c,
            Concept::ThreePublicTotal
                | Concept::ThreePublicCategory(_)
                | Concept::ThreePublicItem(_)
                | Concept::VehiclePurchaseAmount(_)
                | Concept::OperatingFunds
                | Concept::Project(_)
                | Concept::Count(_)
        )
    };
    let mut checked = 0;
    for s in d
        .statements
        .iter()
        .filter(|s| s.year.is_none() && in_scope(&s.concept))
    {
        let found = || b.statements_about(&s.concept).any(|r| r.value == s.value);
        match &s.value {
            StatedValue::Amount(_)
            | StatedValue::Budget(_)
            | StatedValue::Count(_)
            | StatedValue::Change { .. } => {
                assert!(found(), "{} {} not read back", s.concept, s.value);
                checked += 1;
            }
            StatedValue::Share { .. } | StatedValue::Growth { .. } => {
                let truncated = s.concept == Concept::OperatingFunds;
                assert_eq!(found(), !truncated, "{} {}", s.concept, s.value);
                checked += 1;
            }
            StatedValue::Completion { .. } if matches!(s.concept, Concept::Project(_)) => {
                assert!(found(), "{} {} not read back", s.concept, s.value);
                checked += 1;
            }
            _ => {}
        }
    }
    assert_eq!(checked, 69);
    // What the seed states without data behind it is not invented: no 三公 budget is in the
    // transcription, so no completion rate is written for 三公.
    assert!(
        b.statements
            .iter()
            .all(|s| !matches!(s.value, StatedValue::Completion { .. })
                || matches!(s.concept, Concept::Project(_)))
    );
    assert_eq!(
        values(b, &Concept::OperatingFunds),
        ["40.35万元", "增加8.51万元", "增长26.73%"]
    );
    assert_eq!(
        values(b, &Concept::Project("离退休干部活动特需费".into())),
        ["预算20.00万元", "18.52万元", "完成预算92.60%"]
    );
}

/// Completion of the 一般公共预算 total and its 项 lines from the table's budget columns:
/// 全年预算数 where printed, else 预算数; “—” wording for a zero budget.
#[test]
fn general_budget_completion_from_the_tables_budget_columns() {
    use fiscal_cn::report::{Column, Line, Row, RowKey, Table, TableKind};
    let mut d = Disclosure::new(Entity::new("示例局", 2024, DisclosureKind::FinalAccounts));
    let mut table = Table::new(TableKind::GeneralBudgetExpenditure, Unit::WanYuan);
    let f = |code: &str| RowKey::Function(code.parse().unwrap());
    table.rows = vec![
        Row::new(RowKey::Line(Line::Total), "合计")
            .with(Column::Budget, wan("300"))
            .with(Column::Total, wan("250")),
        Row::new(f("2013201"), "行政运行")
            .with(Column::Budget, wan("100"))
            .with(Column::AdjustedBudget, wan("240"))
            .with(Column::Total, wan("240")),
        Row::new(f("2013202"), "一般行政管理事务")
            .with(Column::Budget, wan("0"))
            .with(Column::Total, wan("10")),
    ];
    d.tables.push(table);
    let text = render_narrative(&d);
    assert!(
        text.contains(
            "2024年度一般公共预算财政拨款支出决算数为250.00万元，完成预算83.33%。其中：\n"
        ),
        "{text}"
    );
    assert!(
        text.contains("行政运行（项）：支出决算为240.00万元，完成预算100.00%。"),
        "{text}"
    );
    assert!(
        text.contains(
            "一般行政管理事务（项）：支出决算为10.00万元，未安排预算（预算数为0），完成率—。"
        ),
        "{text}"
    );
    let back = read(&text);
    assert!(back.unparsed.is_empty(), "{:?}", back.unparsed);
    assert_eq!(
        values(&back.disclosure, &line("2013201")),
        ["240.00万元", "完成预算100.00%"]
    );
    assert_eq!(values(&back.disclosure, &line("2013202")), ["10.00万元"]);
}

/// A clause is declined with a reason a program can match: its kind and what it names (the
/// year compared against), and the reader's message as its `Display`.
#[test]
fn unparsed_clauses_say_why_as_a_closed_set() {
    let text = "2024年度示例局部门决算说明\n一、收入支出决算总体情况说明\n\
                2024年度收入总计100万元，比2023年增加5万元。支出总计90万元，比2021年增加3万元。\
                一般公共预算财政拨款支出约20万元。";
    let r = read(text);
    let reason_of = |quote: &str| {
        r.unparsed
            .iter()
            .find(|u| u.text.contains(quote))
            .map(|u| u.reason.clone())
    };
    // Against last year: read, not declined.
    assert_eq!(reason_of("增加5万元"), None, "{:?}", r.unparsed);
    assert_eq!(
        reason_of("增加3万元"),
        Some(UnparsedReason::AgainstAnotherYear { year: 2021 })
    );
    assert_eq!(
        reason_of("20万元"),
        Some(UnparsedReason::Approximate {
            word: "约".to_owned()
        })
    );
    assert!(
        UnparsedReason::AgainstAnotherYear { year: 2021 }.is_declined_comparison()
            && !UnparsedReason::NoWords.is_declined_comparison()
    );
}

/// In JSON a reason is its kind, its fields and its message; read back, it is the same reason.
#[cfg(feature = "serde")]
#[test]
fn unparsed_reasons_round_trip_through_json_with_their_message() {
    let reason = UnparsedReason::AfterAnUnreadFigure {
        reason: Box::new(UnparsedReason::AgainstAnotherYear { year: 2021 }),
    };
    let json = serde_json::to_value(&reason).unwrap();
    assert_eq!(json["kind"], "after_an_unread_figure");
    assert_eq!(json["reason"]["kind"], "against_another_year");
    assert_eq!(json["reason"]["year"], 2021);
    assert_eq!(json["message"], reason.to_string());
    assert_eq!(
        serde_json::from_value::<UnparsedReason>(json).unwrap(),
        reason
    );
    // A whole reading, as `examples/check.rs --json` prints it.
    let r = read(
        "2024年度示例局部门决算说明\n收入决算情况说明\n本年收入合计10万元，其中：奇怪的款项3万元。",
    );
    assert!(!r.unparsed.is_empty());
    let json = serde_json::to_string(&r).unwrap();
    assert!(json.contains("\"kind\":\"unknown_subject\""), "{json}");
    assert!(json.contains("未能识别金额所指的项目"), "{json}");
    let back: fiscal_cn::narrative::NarrativeReading = serde_json::from_str(&json).unwrap();
    assert_eq!(back, r);
}
