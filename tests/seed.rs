//! The seed as data: `examples/data/jinkouhe_2024.json` against figures typed here from the
//! narrative (`examples/data/jinkouhe_2024.txt`), independently of the JSON.
#![cfg(feature = "serde")]

use fiscal_cn::{
    Decimal,
    classification::{Catalog, FunctionCode},
    dimensions::{BasicExpenditureClass, ExpenditureKind, FundType, IncomeSource, UnitKind},
    money::Unit,
    report::{
        Claim, Concept, Countable, Direction, Disclosure, DisclosureKind, FigureRef,
        ProcurementLine, ReceptionKind, StatedValue, Statement, VehicleType, display_width,
    },
    three_public::ThreePublicCategory,
};

const SEED_JSON: &str = include_str!("../examples/data/jinkouhe_2024.json");
const SEED_TEXT: &str = include_str!("../examples/data/jinkouhe_2024.txt");
const GPB: FundType = FundType::GeneralPublicBudget;

fn seed() -> Disclosure {
    serde_json::from_str(SEED_JSON).expect("the seed JSON deserializes")
}

fn by_id<'a>(d: &'a Disclosure, id: &str) -> &'a Statement {
    d.statements
        .iter()
        .find(|s| s.id.as_deref() == Some(id))
        .unwrap_or_else(|| panic!("no statement {id}"))
}

/// The printed amounts stated about `concept`, in order, as text (`"22万元"`).
fn amounts(d: &Disclosure, concept: &Concept) -> Vec<String> {
    d.statements_about(concept)
        .filter_map(|s| match &s.value {
            StatedValue::Amount(a) => Some(a.to_string()),
            _ => None,
        })
        .collect()
}

/// The shares stated about `concept`: (rate, base).
fn shares(d: &Disclosure, concept: &Concept) -> Vec<(String, Concept)> {
    d.statements_about(concept)
        .filter_map(|s| match &s.value {
            StatedValue::Share { rate, of } => Some((rate.to_string(), of.clone())),
            _ => None,
        })
        .collect()
}

fn completions(d: &Disclosure, concept: &Concept) -> Vec<String> {
    d.statements_about(concept)
        .filter_map(|s| match &s.value {
            StatedValue::Completion { rate } => Some(rate.to_string()),
            _ => None,
        })
        .collect()
}

fn counts(d: &Disclosure, countable: Countable) -> Vec<u64> {
    d.statements_about(&Concept::Count(countable))
        .filter_map(|s| match s.value {
            StatedValue::Count(n) => Some(n),
            _ => None,
        })
        .collect()
}

/// The value of the statement with `id`, as text.
fn value(d: &Disclosure, id: &str) -> String {
    by_id(d, id).value.to_string()
}

fn dec(s: &str) -> Decimal {
    Decimal::from_str_exact(s).unwrap()
}

fn function(code: &str) -> Concept {
    Concept::FundFunctionExpenditure {
        fund: GPB,
        code: code.parse().unwrap(),
    }
}

fn refs(ids: &[&str]) -> Vec<FigureRef> {
    ids.iter()
        .map(|id| FigureRef::Statement((*id).to_owned()))
        .collect()
}

/// The id of the single statement about `concept` with an amount value in `section`.
fn amount_id(d: &Disclosure, concept: &Concept, section: &str) -> String {
    let found: Vec<&Statement> = d
        .statements_about(concept)
        .filter(|s| s.location.section == section && matches!(s.value, StatedValue::Amount(_)))
        .collect();
    assert_eq!(found.len(), 1, "{concept} in {section}");
    found[0].id.clone().unwrap()
}

#[test]
fn json_round_trips_exactly() {
    let d = seed();
    let text = serde_json::to_string_pretty(&d).unwrap();
    let again: Disclosure = serde_json::from_str(&text).unwrap();
    assert_eq!(again, d);
    // The file is exactly the model's own pretty JSON: nothing in it the model drops or reorders.
    assert_eq!(format!("{text}\n"), SEED_JSON);
}

#[test]
fn entity_and_document_settings() {
    let d = seed();
    assert_eq!(d.entity.name, "中共乐山市金口河区委组织部");
    assert_eq!(d.entity.year, 2024);
    assert_eq!(d.entity.kind, DisclosureKind::FinalAccounts);
    assert_eq!(d.entity.unit_kind, Some(UnitKind::Administrative));
    let units: Vec<&str> = d.entity.units.iter().map(|u| u.name.as_str()).collect();
    assert_eq!(
        units,
        [
            "区直属机关工委",
            "区委老干部局",
            "区公务员局",
            "区委党员教育中心",
            "区老干部活动中心"
        ]
    );
    assert!(
        d.notes
            .iter()
            .any(|n| n.contains("区委非公有制经济组织和社会组织党工委"))
    );
    assert_eq!(d.currency, Unit::WanYuan);
    assert_eq!(d.amount_decimals, 2);
    assert!(d.tables.is_empty(), "the seed prints no tables");
    // Unit counts differ between the main text (3 + 1 + 1) and 附件1 (4 + 1 + 1).
    let admin = Concept::Other("归口管理行政单位数".into());
    let stated: Vec<u64> = d
        .statements_about(&admin)
        .filter_map(|s| match s.value {
            StatedValue::Count(n) => Some(n),
            _ => None,
        })
        .collect();
    assert_eq!(stated, [3, 4]);
}

#[test]
fn ids_are_unique_and_claims_refer_to_statements() {
    let d = seed();
    let mut ids: Vec<&str> = d
        .statements
        .iter()
        .map(|s| s.id.as_deref().unwrap())
        .collect();
    let n = ids.len();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), n, "statement ids are unique");
    let exists = |r: &FigureRef| match r {
        FigureRef::Statement(id) => ids.binary_search(&id.as_str()).is_ok(),
        FigureRef::Cell { .. } => false,
    };
    for claim in &d.claims {
        let operands: Vec<&FigureRef> = match claim {
            Claim::Ratio { rate, part, whole } => vec![rate, part, whole],
            Claim::Growth {
                rate,
                change,
                current,
                prior,
            } => [rate, change, current, prior]
                .into_iter()
                .flatten()
                .collect(),
            Claim::Sum {
                total,
                parts,
                minus,
            } => std::iter::once(total).chain(parts).chain(minus).collect(),
            Claim::SubsetSum { total, parts } | Claim::CountSum { total, parts } => {
                std::iter::once(total).chain(parts).collect()
            }
            Claim::Compare { actual, budget, .. } => vec![actual, budget],
            Claim::Same { a, b } => vec![a, b],
            _ => vec![],
        };
        assert!(operands.iter().all(|r| exists(r)), "{claim:?}");
    }
}

#[test]
fn every_heading_and_quote_is_verbatim_and_shows_its_figure() {
    let d = seed();
    for s in &d.statements {
        let id = s.id.as_deref().unwrap_or_default();
        assert!(SEED_TEXT.contains(&s.location.section), "{id}: section");
        assert!(SEED_TEXT.contains(&s.location.quote), "{id}: quote");
        let figure = match &s.value {
            StatedValue::Amount(a)
            | StatedValue::Budget(a)
            | StatedValue::Change { amount: a, .. } => Some(a.to_string()),
            StatedValue::Count(n) => Some(n.to_string()),
            StatedValue::Growth { rate, .. }
            | StatedValue::Share { rate, .. }
            | StatedValue::Completion { rate } => Some(rate.to_string()),
            _ => None,
        };
        if let Some(figure) = figure {
            assert!(
                s.location.quote.contains(&figure),
                "{id}: {figure} not in quote"
            );
        }
    }
}

/// Section 五（三）: the 14 项 lines, typed from the text.
const XIANG: [(&str, &str, &str); 14] = [
    (
        "一般公共服务（类）组织事务（款）行政运行（项）",
        "2013201",
        "237.25万元",
    ),
    (
        "一般公共服务（类）组织事务（款）一般行政管理事务（项）",
        "2013202",
        "22万元",
    ),
    (
        "一般公共服务（类）组织事务（款）事业运行（项）",
        "2013250",
        "24.65万元",
    ),
    (
        "一般公共服务（类）组织事务（款）其他组织事务支出（项）",
        "2013299",
        "266.22万元",
    ),
    (
        "社会保障和就业（类）行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出（项）",
        "2080505",
        "29.22万元",
    ),
    (
        "社会保障和就业（类）行政事业单位养老支出（款）机关事业单位职业年金缴费支出（项）",
        "2080506",
        "14.61万元",
    ),
    (
        "社会保障和就业（类）行政事业单位养老支出（款）其他行政事业单位养老支出（项）",
        "2080599",
        "16.95万元",
    ),
    (
        "社会保障和就业（类）残疾人事业（款）残疾人就业（项）",
        "2081105",
        "2.46万元",
    ),
    (
        "社会保障和就业（类）其他社会保障和就业支出（款）其他社会保障和就业支出（项）",
        "2089999",
        "0.47万元",
    ),
    (
        "卫生健康支出（类）行政事业单位医疗（款）行政单位医疗（项）",
        "2101101",
        "7.29万元",
    ),
    (
        "卫生健康支出（类）行政事业单位医疗（款）事业单位医疗（项）",
        "2101102",
        "0.9万元",
    ),
    (
        "卫生健康支出（类）行政事业单位医疗（款）公务员医疗补助（项）",
        "2101103",
        "1.02万元",
    ),
    (
        "农林水支出（类）巩固脱贫攻坚成果衔接乡村振兴（款）其他巩固脱贫攻坚成果衔接乡村振兴支出（项）",
        "2130599",
        "81.06万元",
    ),
    (
        "住房保障支出（类）住房改革支出（款）住房公积金（项）",
        "2210201",
        "25.14万元",
    ),
];

#[test]
fn the_fourteen_xiang_lines() {
    let d = seed();
    let catalog = Catalog::<FunctionCode>::embedded();
    let section = "（三）一般公共预算财政拨款支出决算具体情况";
    let mut parts = Vec::new();
    for (path, code, amount) in XIANG {
        assert_eq!(
            catalog.resolve_str(path).unwrap().to_string(),
            code,
            "{path}"
        );
        let concept = function(code);
        assert_eq!(amounts(&d, &concept), [amount], "{code}");
        assert_eq!(completions(&d, &concept), ["100%"], "{code}");
        parts.push(amount_id(&d, &concept, section));
    }
    // Printed digits are kept: 22 and 0.9, not 22.00 and 0.90.
    let concept = function("2013202");
    let line = d.statements_about(&concept).next().unwrap();
    assert!(matches!(&line.value, StatedValue::Amount(a) if a.value().scale() == 0));
    // The total of the section and the sum the 其中 listing claims.
    let total = amount_id(&d, &Concept::FundExpenditure(GPB), section);
    let parts: Vec<&str> = parts.iter().map(String::as_str).collect();
    assert!(d.claims.contains(&Claim::Sum {
        total: FigureRef::Statement(total.clone()),
        parts: refs(&parts),
        minus: vec![],
    }));
    assert_eq!(value(&d, &total), "729.25万元");
}

#[test]
fn the_five_lei_of_the_structure_section() {
    let d = seed();
    let whole = Concept::FundExpenditure(GPB);
    for (code, amount, share) in [
        ("201", "550.13万元", "75.44%"),
        ("208", "63.72万元", "8.74%"),
        ("210", "9.21万元", "1.26%"),
        ("213", "81.05万元", "11.11%"),
        ("221", "25.14万元", "3.45%"),
    ] {
        let concept = function(code);
        assert_eq!(amounts(&d, &concept), [amount]);
        assert_eq!(shares(&d, &concept), [(share.to_owned(), whole.clone())]);
    }
    // 一般公共预算财政拨款支出 is stated three times (五（一）, （二）, （三）), all 729.25.
    assert_eq!(amounts(&d, &whole), ["729.25万元"; 3]);
    assert_eq!(
        shares(&d, &whole),
        [("94.06%".to_owned(), Concept::CurrentExpenditureTotal)]
    );
}

#[test]
fn income_total_and_its_eight_sources() {
    let d = seed();
    let total = by_id(&d, "s2-1");
    assert_eq!(total.concept, Concept::CurrentIncomeTotal);
    assert_eq!(total.value.to_string(), "775.31万元");
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
    let section = "收入决算情况说明";
    let mut parts = Vec::new();
    for (source, amount, share) in expected {
        let concept = Concept::Income(source);
        let id = amount_id(&d, &concept, section);
        assert_eq!(value(&d, &id), amount, "{source}");
        let stated: Vec<_> = d
            .statements_about(&concept)
            .filter(|s| s.location.section == section)
            .filter_map(|s| match &s.value {
                StatedValue::Share { rate, of } => Some((rate.to_string(), of.clone())),
                _ => None,
            })
            .collect();
        assert_eq!(stated, [(share.to_owned(), Concept::CurrentIncomeTotal)]);
        parts.push(id);
    }
    let parts: Vec<&str> = parts.iter().map(String::as_str).collect();
    assert!(d.claims.contains(&Claim::Sum {
        total: FigureRef::Statement("s2-1".into()),
        parts: refs(&parts),
        minus: vec![],
    }));
}

#[test]
fn expenditure_total_is_basic_plus_project() {
    let d = seed();
    assert_eq!(
        amounts(&d, &Concept::CurrentExpenditureTotal),
        ["775.25万元", "775.25万元"]
    );
    let basic = Concept::Expenditure(ExpenditureKind::Basic);
    let project = Concept::Expenditure(ExpenditureKind::Project);
    assert_eq!(amounts(&d, &basic), ["359.97万元"]);
    assert_eq!(amounts(&d, &project), ["415.28万元"]);
    assert_eq!(shares(&d, &basic)[0].0, "46.43%");
    assert_eq!(shares(&d, &project)[0].0, "53.56%");
    let section = "支出决算情况说明";
    let total = amount_id(&d, &Concept::CurrentExpenditureTotal, section);
    let Some(Claim::Sum { parts, .. }) = d
        .claims
        .iter()
        .find(|c| matches!(c, Claim::Sum { total: FigureRef::Statement(t), .. } if *t == total))
    else {
        panic!("no sum claim for 本年支出合计");
    };
    assert_eq!(parts.len(), 5);
    let b = amount_id(&d, &basic, section);
    let p = amount_id(&d, &project, section);
    assert_eq!(&parts[..2], refs(&[&b, &p]).as_slice());
    // 359.97 + 415.28 = 775.25 exactly.
    assert_eq!(dec("359.97") + dec("415.28"), dec("775.25"));
    // 基本支出 = 人员经费 + 公用经费 in section 六.
    let personnel = Concept::FundBasicClass {
        fund: GPB,
        class: BasicExpenditureClass::Personnel,
    };
    let public = Concept::FundBasicClass {
        fund: GPB,
        class: BasicExpenditureClass::Public,
    };
    assert_eq!(
        amounts(&d, &Concept::FundBasicExpenditure(GPB)),
        ["359.97万元"]
    );
    assert_eq!(amounts(&d, &personnel), ["319.62万元"]);
    assert_eq!(amounts(&d, &public), ["40.35万元"]);
}

#[test]
fn three_public_total_change_growth_and_split() {
    let d = seed();
    let total = Concept::ThreePublicTotal;
    let stated: Vec<&StatedValue> = d.statements_about(&total).map(|s| &s.value).collect();
    let amount = stated.iter().find_map(|v| match v {
        StatedValue::Amount(a) => Some(a.to_string()),
        _ => None,
    });
    assert_eq!(amount.as_deref(), Some("2.14万元"));
    let change = stated.iter().find_map(|v| match v {
        StatedValue::Change { amount, direction } => Some(direction.signed(amount.value())),
        _ => None,
    });
    assert_eq!(change, Some(dec("-1.23")));
    let growth = stated.iter().find_map(|v| match v {
        StatedValue::Growth { rate, direction } => Some(direction.signed(rate.points())),
        _ => None,
    });
    assert_eq!(growth, Some(dec("-36.5")));
    assert!(stated.contains(&&StatedValue::BudgetComparison(Direction::Flat)));
    assert_eq!(completions(&d, &total), ["100%"]);
    // The category split: 0 + 0 + 2.14, each share of the total.
    let categories = [
        (ThreePublicCategory::OverseasTravel, "0万元", "0%"),
        (ThreePublicCategory::OfficialVehicles, "0万元", "0%"),
        (ThreePublicCategory::OfficialReception, "2.14万元", "100%"),
    ];
    let section = "（二）“三公”经费财政拨款支出决算具体情况说明";
    let mut parts = Vec::new();
    for (category, amount, share) in categories {
        let concept = Concept::ThreePublicCategory(category);
        assert_eq!(amounts(&d, &concept)[0], amount);
        assert_eq!(
            shares(&d, &concept),
            [(share.to_owned(), Concept::ThreePublicTotal)]
        );
        let first = d
            .statements_about(&concept)
            .find(|s| s.location.section == section && matches!(s.value, StatedValue::Amount(_)))
            .unwrap();
        parts.push(first.id.clone().unwrap());
    }
    let total_id = d
        .statements_about(&total)
        .find(|s| matches!(s.value, StatedValue::Amount(_)))
        .and_then(|s| s.id.clone())
        .unwrap();
    let parts: Vec<&str> = parts.iter().map(String::as_str).collect();
    assert!(d.claims.contains(&Claim::Sum {
        total: FigureRef::Statement(total_id),
        parts: refs(&parts),
        minus: vec![],
    }));
    // 公务接待: 减少0.98万元，下降31.41%; 公务用车: 减少0.25万元，下降100%.
    let reception = Concept::ThreePublicCategory(ThreePublicCategory::OfficialReception);
    let words: Vec<String> = d
        .statements_about(&reception)
        .map(|s| s.value.to_string())
        .collect();
    assert!(words.contains(&"减少0.98万元".to_owned()));
    assert!(words.contains(&"下降31.41%".to_owned()));
    let vehicles = Concept::ThreePublicCategory(ThreePublicCategory::OfficialVehicles);
    let words: Vec<String> = d
        .statements_about(&vehicles)
        .map(|s| s.value.to_string())
        .collect();
    assert!(words.contains(&"减少0.25万元".to_owned()));
    assert!(words.contains(&"下降100%".to_owned()));
    assert_eq!(completions(&d, &vehicles), ["0%"]);
}

#[test]
fn operating_funds() {
    let d = seed();
    let words: Vec<String> = d
        .statements_about(&Concept::OperatingFunds)
        .map(|s| s.value.to_string())
        .collect();
    assert_eq!(words, ["40.35万元", "增加8.51万元", "增长26.72%"]);
}

#[test]
fn counts_of_receptions_and_vehicles() {
    let d = seed();
    assert_eq!(
        counts(&d, Countable::ReceptionBatches(ReceptionKind::Domestic)),
        [26]
    );
    assert_eq!(
        counts(&d, Countable::ReceptionPersons(ReceptionKind::Domestic)),
        [225]
    );
    assert_eq!(
        counts(&d, Countable::ReceptionBatches(ReceptionKind::Foreign)),
        [0]
    );
    assert_eq!(
        counts(&d, Countable::ReceptionPersons(ReceptionKind::Foreign)),
        [0]
    );
    assert_eq!(counts(&d, Countable::OverseasGroups), [0]);
    assert_eq!(counts(&d, Countable::OverseasPersons), [0]);
    // Held at year end: 0 in total, yet 越野车1 — transcribed as printed.
    assert_eq!(counts(&d, Countable::VehiclesHeld(None)), [0]);
    assert_eq!(
        counts(&d, Countable::VehiclesHeld(Some(VehicleType::Sedan))),
        [0]
    );
    assert_eq!(
        counts(&d, Countable::VehiclesHeld(Some(VehicleType::OffRoad))),
        [1]
    );
    assert_eq!(
        counts(&d, Countable::VehiclesHeld(Some(VehicleType::Passenger))),
        [0]
    );
    assert_eq!(counts(&d, Countable::VehiclesPurchased(None)), [0]);
    assert_eq!(counts(&d, Countable::VehiclesByUse(None)), [0]);
    assert_eq!(counts(&d, Countable::LargeEquipment), [0]);
    let held = |t: Option<VehicleType>| {
        d.statements_about(&Concept::Count(Countable::VehiclesHeld(t)))
            .next()
            .and_then(|s| s.id.clone())
            .unwrap()
    };
    let parts = [
        held(Some(VehicleType::Sedan)),
        held(Some(VehicleType::OffRoad)),
        held(Some(VehicleType::Passenger)),
    ];
    let parts: Vec<&str> = parts.iter().map(String::as_str).collect();
    assert!(d.claims.contains(&Claim::CountSum {
        total: FigureRef::Statement(held(None)),
        parts: refs(&parts),
    }));
    // 11 projects, stated four times in the main text and twice in 附件1.
    assert_eq!(counts(&d, Countable::Projects), [11; 6]);
}

#[test]
fn income_totals_differ_between_main_text_and_attachment() {
    let d = seed();
    // Main text: 本年收入合计 775.31 and 收入总计 775.38.
    assert_eq!(amounts(&d, &Concept::CurrentIncomeTotal), ["775.31万元"]);
    // 附件1: 收入总额 775.37 = 729.25 + 0.07 (年初结转和结余) + 46.05, a 收入总计.
    assert_eq!(
        amounts(&d, &Concept::IncomeGrandTotal),
        ["775.38万元", "775.37万元"]
    );
    let main = by_id(&d, "s2-1");
    let attachment = by_id(&d, "a1-4");
    assert_eq!(attachment.value.to_string(), "775.37万元");
    assert_ne!(main.value, attachment.value);
    assert_ne!(main.location.section, attachment.location.section);
    // 其他收入 is 46.06 in the main text, 46.05 in 附件1.
    assert_eq!(
        amounts(&d, &Concept::Income(IncomeSource::Other)),
        ["46.06万元", "46.05万元"]
    );
    assert!(d.claims.contains(&Claim::Sum {
        total: FigureRef::Statement("a1-4".into()),
        parts: refs(&["a1-5", "a1-7", "a1-9"]),
        minus: vec![],
    }));
}

#[test]
fn closing_balance_keeps_its_printed_yuan() {
    let d = seed();
    let closing: Vec<&Statement> = d.statements_about(&Concept::ClosingBalance).collect();
    assert_eq!(closing.len(), 1);
    let StatedValue::Amount(a) = &closing[0].value else {
        panic!("an amount");
    };
    assert_eq!((a.value(), a.unit()), (dec("0.12"), Unit::Yuan));
    assert_eq!(a.to_string(), "0.12元");
    assert_eq!(
        amounts(&d, &Concept::OpeningBalance),
        ["0.07万元", "0.07万元"]
    );
}

#[test]
fn projects_budget_actual_and_rate() {
    let d = seed();
    let project = |name: &str| {
        let concept = Concept::Project(name.to_owned());
        let mut budget = Vec::new();
        let mut actual = Vec::new();
        let mut rate = Vec::new();
        for s in d.statements_about(&concept) {
            match &s.value {
                StatedValue::Budget(a) => budget.push(a.to_string()),
                StatedValue::Amount(a) => actual.push(a.to_string()),
                StatedValue::Completion { rate: r } => rate.push(r.to_string()),
                other => panic!("{name}: unexpected {other}"),
            }
        }
        (budget, actual, rate)
    };
    let v = |s: &[&str]| s.iter().map(|x| (*x).to_owned()).collect::<Vec<_>>();
    assert_eq!(
        project("春节走访慰问工作资金"),
        (v(&["50万元"]), v(&["19.1万元"]), v(&["38.2%"]))
    );
    assert_eq!(
        project("党建工作经费"),
        (v(&["72万元"]), v(&["71.92万元"]), v(&["99.89%"]))
    );
    assert_eq!(
        project("干部人才工作经费"),
        (v(&["80万元"]), v(&["94.99万元"]), v(&["118.74%"]))
    );
    assert_eq!(
        project("离退休干部活动特需费"),
        (v(&["20万元"]), v(&["18.52万元", "18.52万元"]), v(&[]))
    );
    assert_eq!(
        project("脱贫攻坚工作队员工作专项经费"),
        (v(&[]), v(&["1.06万元", "1.06万元"]), v(&[]))
    );
    for (rate, actual, budget) in [
        ("a1-46", "a1-45", "a1-44"),
        ("a1-49", "a1-48", "a1-47"),
        ("a1-52", "a1-51", "a1-50"),
    ] {
        assert!(d.claims.contains(&Claim::Ratio {
            rate: FigureRef::Statement(rate.into()),
            part: FigureRef::Statement(actual.into()),
            whole: FigureRef::Statement(budget.into()),
        }));
    }
}

#[test]
fn figures_without_a_concept_are_kept_as_other() {
    let d = seed();
    assert_eq!(
        amounts(&d, &Concept::Other("特定目标类项目涉及资金".into())),
        ["343.5万元"]
    );
    assert_eq!(
        amounts(&d, &Concept::Other("发放创业贴息贷款、奖补等资金".into())),
        ["142万元"]
    );
    assert_eq!(
        amounts(
            &d,
            &Concept::Other("本年支出（全部资金）·201 一般公共服务支出".into())
        ),
        ["596.13万元"]
    );
    assert_eq!(
        amounts(&d, &Concept::Procurement(ProcurementLine::Total)),
        ["0.8万元"]
    );
    assert_eq!(
        amounts(&d, &Concept::Procurement(ProcurementLine::Goods)),
        ["0.8万元"]
    );
    // No figure is about another year than the report's.
    assert!(d.statements.iter().all(|s| s.year.is_none()));
}

#[test]
fn rendered_statements_are_grouped_and_aligned() {
    let d = seed();
    let text = d.render_statements();
    // Sections in printed order, each once.
    let headings: Vec<&str> = text
        .lines()
        .filter_map(|l| l.strip_prefix('【').and_then(|l| l.strip_suffix('】')))
        .collect();
    let mut sections: Vec<&str> = Vec::new();
    for s in &d.statements {
        if sections.last() != Some(&s.location.section.as_str()) {
            sections.push(&s.location.section);
        }
    }
    assert_eq!(headings, sections);
    assert_eq!(headings.first(), Some(&"机构设置"));
    // Every statement line puts its quote at the same display column.
    let mut quote_columns = Vec::new();
    for s in &d.statements {
        let id = s.id.as_deref().unwrap();
        let line = text
            .lines()
            .find(|l| l.starts_with(&format!("{id} ")))
            .unwrap_or_else(|| panic!("{id} not rendered"));
        let prefix = line.strip_suffix(&s.location.quote).unwrap();
        assert!(prefix.contains(&s.value.to_string()), "{line}");
        assert!(prefix.contains(&s.concept.to_string()), "{line}");
        quote_columns.push(display_width(prefix));
    }
    assert!(quote_columns.windows(2).all(|w| w[0] == w[1]));
    let entity = d.render_entity();
    assert!(entity.starts_with("中共乐山市金口河区委组织部 2024年度部门决算\n"));
    assert!(entity.contains("单位性质：行政单位"));
}
