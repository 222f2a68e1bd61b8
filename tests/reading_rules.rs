//! One test per reading rule, on sentences written for it (in the forms real narratives use,
//! but not taken from any one report): what each figure is bound to, and which figures the
//! reader declines to bind.

use fiscal_cn::{
    check::{Policy, Severity, check},
    dimensions::{BasicExpenditureClass, ExpenditureKind, FundType},
    narrative::{ReadOptions, UnparsedReason, read_narrative},
    report::{Concept, Direction, DisclosureKind, StatedValue},
};

const GPB: FundType = FundType::GeneralPublicBudget;

/// Every statement as `concept = value`, in text order.
fn bound(text: &str) -> Vec<String> {
    let reading = read_narrative(text, &ReadOptions::default()).expect("reads");
    reading
        .disclosure
        .statements
        .iter()
        .map(|s| format!("{} = {}", s.concept, s.value))
        .collect()
}

/// The clauses the reader declined, as printed.
fn declined(text: &str) -> Vec<String> {
    let reading = read_narrative(text, &ReadOptions::default()).expect("reads");
    reading.unparsed.into_iter().map(|u| u.text).collect()
}

/// Why the reader declined each clause it declined, in text order.
fn declined_reasons(text: &str) -> Vec<UnparsedReason> {
    let reading = read_narrative(text, &ReadOptions::default()).expect("reads");
    reading.unparsed.into_iter().map(|u| u.reason).collect()
}

/// Every statement's value with the year it is dated (`None`: the report's), in text order.
fn dated_values(text: &str) -> Vec<(String, Option<u16>)> {
    let reading = read_narrative(text, &ReadOptions::default()).expect("reads");
    reading
        .disclosure
        .statements
        .iter()
        .map(|s| (s.value.to_string(), s.year))
        .collect()
}

fn about(text: &str, concept: &Concept) -> Vec<String> {
    let reading = read_narrative(text, &ReadOptions::default()).expect("reads");
    reading
        .disclosure
        .statements_about(concept)
        .map(|s| s.value.to_string())
        .collect()
}

const TITLE: &str = "2023年度示例局部门决算公开说明\n";

/// `其中` lists parts of the subject of its own clause: 基本支出 of a fund's expenditure is
/// that fund's 基本支出, not the department's.
#[test]
fn parts_after_qizhong_belong_to_their_whole() {
    let text = format!(
        "{TITLE}一、支出情况\n2023年度一般公共预算财政拨款支出500万元，其中：基本支出320万元，项目支出180万元。"
    );
    assert_eq!(
        about(&text, &Concept::FundBasicExpenditure(GPB)),
        ["320万元"]
    );
    assert_eq!(
        about(&text, &Concept::FundProjectExpenditure(GPB)),
        ["180万元"]
    );
    assert!(about(&text, &Concept::Expenditure(ExpenditureKind::Basic)).is_empty());
    // The same in a sentence of its own after the whole's.
    let text = format!(
        "{TITLE}一、支出情况\n政府性基金预算财政拨款支出80万元，比上年减少5万元。其中：基本支出30万元，项目支出50万元。"
    );
    assert_eq!(
        about(
            &text,
            &Concept::FundBasicExpenditure(FundType::GovernmentFund)
        ),
        ["30万元"]
    );
    // 人员经费 under a fund's 基本支出 is that fund's.
    let text = format!(
        "{TITLE}一、基本支出情况\n国有资本经营预算财政拨款基本支出12万元，其中：人员经费10万元，公用经费2万元。"
    );
    let personnel = Concept::FundBasicClass {
        fund: FundType::StateCapitalOperation,
        class: BasicExpenditureClass::Personnel,
    };
    assert_eq!(about(&text, &personnel), ["10万元"]);
}

/// A `其中` listing of a whole that was not understood is not bound to anything.
#[test]
fn parts_of_an_unknown_whole_are_declined() {
    let text = format!(
        "{TITLE}一、支出情况\n城市道路养护经费 88万元，其中：基本支出 88万元，项目支出 0万元。"
    );
    let statements = bound(&text);
    assert!(
        statements.iter().all(|s| !s.contains("基本支出")),
        "{statements:?}"
    );
    let declined = declined(&text);
    assert!(
        declined.iter().any(|d| d.contains("基本支出 88万元")),
        "{declined:?}"
    );
    assert!(declined.iter().any(|d| d.contains("项目支出 0万元")));
}

/// Parts of a thing the model has no sub-concepts for (a named project) are declined.
#[test]
fn parts_of_a_leaf_are_declined() {
    let text = format!("{TITLE}附件\n其他收入12万元，其中：基本支出12万元。");
    assert!(about(&text, &Concept::Expenditure(ExpenditureKind::Basic)).is_empty());
}

/// Later totals of a sentence share the scope of its first: `财政拨款收入总计A，支出总计B`.
#[test]
fn scope_carries_to_later_totals_of_the_sentence() {
    let text =
        format!("{TITLE}一、总体情况\n2023年度财政拨款收入总计612.40万元，支出总计612.40万元。");
    assert_eq!(
        bound(&text),
        [
            "财政拨款收入总计 = 612.40万元",
            "财政拨款支出总计 = 612.40万元"
        ]
    );
    // Without a scope, the totals are the department's.
    let text = format!("{TITLE}一、总体情况\n2023年度收入总计700万元，支出总计700万元。");
    assert_eq!(bound(&text), ["收入总计 = 700万元", "支出总计 = 700万元"]);
    // A section about 财政拨款 scopes its unqualified totals.
    let text = format!("{TITLE}三、财政拨款收入支出决算总体情况说明\n2023年度收入总计90万元。");
    assert_eq!(bound(&text), ["财政拨款收入总计 = 90万元"]);
}

/// Words that say only `支出` after an income figure mean the mirroring expenditure, or
/// nothing.
#[test]
fn bare_expenditure_after_income_is_the_mirror_or_nothing() {
    let text = format!("{TITLE}一、总体情况\n本年一般公共预算财政拨款收入300万元，支出300万元。");
    assert_eq!(
        bound(&text),
        [
            "收入·一般公共预算财政拨款收入 = 300万元",
            "一般公共预算财政拨款财政拨款支出 = 300万元"
        ]
        .map(|s| s.replace("财政拨款财政拨款", "财政拨款"))
    );
    let text = format!("{TITLE}一、总体情况\n本年其他收入5万元，支出5万元。");
    assert_eq!(bound(&text), ["收入·其他收入 = 5万元"]);
    assert_eq!(declined(&text), ["支出5万元"]);
}

/// A change is a change wherever its direction word stands after a word of comparison.
#[test]
fn changes_are_never_levels() {
    let project = Concept::Expenditure(ExpenditureKind::Project);
    let text = format!("{TITLE}一、支出情况\n项目支出较上一年度增加45.5万元。");
    assert_eq!(about(&text, &project), ["增加45.5万元"]);
    let text = format!("{TITLE}一、支出情况\n与上年相比，本年项目支出增加了12万元。");
    assert_eq!(about(&text, &project), ["增加12万元"]);
    let text = format!("{TITLE}一、支出情况\n本年比上年减少项目支出7万元。");
    assert_eq!(about(&text, &project), ["减少7万元"]);
    // The change's own words name what changed; words that name nothing known are declined.
    let text = format!("{TITLE}一、支出情况\n项目支出60万元，比上年增加会议培训8万元。");
    assert_eq!(about(&text, &project), ["60万元"]);
    assert_eq!(declined(&text), ["比上年增加会议培训8万元"]);
    let reading = read_narrative(
        &format!("{TITLE}一、支出情况\n基本支出90万元，同比下降3.2%。"),
        &ReadOptions::default(),
    )
    .unwrap();
    let growth = &reading.disclosure.statements[1];
    assert!(matches!(
        growth.value,
        StatedValue::Growth {
            direction: Direction::Decrease,
            ..
        }
    ));
}

/// A share's whole is the one written; an unknown written whole is declined, never replaced
/// by a default; an unwritten whole inside a `其中` listing is the listing's whole.
#[test]
fn shares_take_the_written_or_the_listing_whole() {
    let text = format!(
        "{TITLE}一、支出情况\n一般公共预算财政拨款支出500万元，其中：基本支出320万元，占64%。"
    );
    assert_eq!(
        about(&text, &Concept::FundBasicExpenditure(GPB)),
        ["320万元", "占64%（一般公共预算财政拨款支出）"]
    );
    let text = format!("{TITLE}一、支出情况\n基本支出320万元，占全部开销的比重为64%。");
    assert_eq!(
        about(&text, &Concept::Expenditure(ExpenditureKind::Basic)),
        ["320万元"]
    );
    assert_eq!(declined(&text), ["占全部开销的比重为64%"]);
}

fn entity(text: &str) -> (String, u16, DisclosureKind) {
    let e = read_narrative(text, &ReadOptions::default())
        .expect("reads")
        .disclosure
        .entity;
    (e.name, e.year, e.kind)
}

/// The title names the department, the year and the kind; a sentence of the body is never
/// taken for the title.
#[test]
fn titles_and_what_they_say() {
    assert_eq!(
        entity("关于某县教育局2024年部门预算的说明\n一、收入预算\n收入预算总额300万元。"),
        ("某县教育局".into(), 2024, DisclosureKind::Budget)
    );
    assert_eq!(
        entity("第二部分 某市统计局2025年度部门决算情况说明\n一、总体情况\n收入总计20万元。"),
        ("某市统计局".into(), 2025, DisclosureKind::FinalAccounts)
    );
    // Years spelt in numerals, as official titles write them.
    assert_eq!(
        entity("某县水利局二〇二四年部门预算公开说明\n一、收入预算\n收入预算总额300万元。"),
        ("某县水利局".into(), 2024, DisclosureKind::Budget)
    );
    assert_eq!(
        entity("某市文化馆二零二三年度部门决算\n一、总体情况\n收入总计20万元。"),
        ("某市文化馆".into(), 2023, DisclosureKind::FinalAccounts)
    );
    // The words of what a report is about end a name before the year too.
    assert_eq!(
        entity(
            "某县审计局财政拨款“三公”经费2022年预算情况的说明\n一、总体情况\n“三公”经费预算5万元。"
        ),
        ("某县审计局".into(), 2022, DisclosureKind::Budget)
    );
    // A table's title heading a text of tables names it, without the empty cells flattened
    // after it, an attachment's label or a government's level alone.
    assert_eq!(
        entity(
            "2024年某县某镇“三公”经费预算财政拨款情况统计表 | ||||\n单位:万元 | ||||\n项目 | 2023年预算数 | 2024年预算数 |\n合计 | 18.15 | 22.15 |"
        ),
        ("某县某镇".into(), 2024, DisclosureKind::Budget)
    );
    assert_eq!(
        entity("附件1：某县政协办2018年部门“三公”经费支出预算表\n单位：万元\n合计 | 3.5"),
        ("某县政协办".into(), 2018, DisclosureKind::Budget)
    );
    assert_eq!(
        entity("2021年区本级“三公”经费预算支出表\n单位：万元\n合计 | 3.5").0,
        ""
    );
    // A title opened by 关于 goes on on the next line until it ends as titles do; a
    // government's name before 关于 names its region; a part of the year is no part of a name.
    for (title, name) in [
        (
            "关于某某自治县2024年预算执行\n情况和2025年预算草案的报告",
            "某某自治县",
        ),
        (
            "某市某区人民政府关于某区2025年上半年财政预算执行情况的报告",
            "某市某区",
        ),
        ("关于2025年上半年某县预算执行情况报告", "某县"),
    ] {
        let text = format!("{title}\n一、预算执行情况\n全县一般公共预算收入5200万元。");
        assert_eq!(
            entity(&text),
            (name.into(), 2025, DisclosureKind::GovernmentBudget),
            "{title}"
        );
    }
    assert_eq!(
        entity("某县教育局关于2024年部门预算的说明\n一、收入预算\n收入预算总额300万元。"),
        ("某县教育局".into(), 2024, DisclosureKind::Budget)
    );
    // A title that names only the region's budgets leaves the department to its own line.
    assert_eq!(
        entity(
            "某某区2026年区级部门预算\n预算主管部门：某某区体育局\n一、收入预算\n收入预算总额40万元。"
        ),
        ("某某区体育局".into(), 2026, DisclosureKind::Budget)
    );
    // The first line is a sentence with figures: no title, and nothing of it becomes a name.
    let (name, year, kind) = entity(
        "2023年度本单位收入预算1200万元，比2022年预算增加5%。\n支出预算1200万元，比2022年预算增加5%。",
    );
    assert_eq!(
        (name.as_str(), year, kind),
        ("", 2023, DisclosureKind::Budget)
    );
    // A government reporting to its people's congress: no department's disclosure, so the
    // same words in two enterprises' paragraphs are two things, not one figure stated twice.
    let text = "某市人民政府关于2023年度国有资产管理情况的综合报告\n一、国有资产总体情况\n1.甲集团出资企业。国有资本经营预算支出3.96亿元。\n2.乙集团出资企业。国有资本经营预算支出0.06亿元。";
    assert_eq!(entity(text).2, DisclosureKind::GovernmentBudget);
    assert!(check_errors(text).is_empty(), "{:?}", check_errors(text));
}

/// Without a title, the year is the one the text speaks of, not the years it compares with,
/// and the kind follows from its words.
#[test]
fn year_and_kind_without_a_title() {
    let text = "本年收入合计80.5万元，较2021年度决算数增加1万元。其他收入0万元，较2021年度决算数增加0万元。\
                2022年度本年支出合计80.5万元，较2021年度决算数增加1万元。";
    let (_, year, kind) = entity(text);
    assert_eq!((year, kind), (2022, DisclosureKind::FinalAccounts));
    let text =
        "2024年一般公共预算拨款收入90万元，比上年预算减少2万元。一般公共预算拨款支出90万元。";
    assert_eq!(entity(text).2, DisclosureKind::Budget);
    let text = "2024年全县一般公共预算支出安排50000万元，其中：县本级预算支出42000万元，上解上级支出8000万元。";
    assert_eq!(entity(text).2, DisclosureKind::GovernmentBudget);
    // A town's own accounts: its revenue from the level above, its whole, its own level.
    let text = "一、全乡收支决算情况\n全乡一般公共预算收入3200万元，加上级转移支付收入900万元，收入合计4100万元；\
                本级财政一般公共预算支出合计4100万元。本乡2023年决算数较上年增长3%。";
    assert_eq!(entity(text).2, DisclosureKind::GovernmentFinalAccounts);
    // One whose first line says it is the 决算, however often its completion rates say 预算.
    let text = "按照《预算法》要求，现将2023年全县财政决算情况报告如下：\n一、一般公共预算\n全县一般公共预算收入完成52000万元，为预算的101.7%；\
                税收收入31000万元，为预算的100.3%；上解上级支出8000万元，为预算的100%。";
    assert_eq!(entity(text).2, DisclosureKind::GovernmentFinalAccounts);
    // A government's report on last year's 决算 and this year's execution so far is its
    // final accounts: it speaks of 决算 as often as of 预算.
    let text = "一、2023年全县决算情况\n全县一般公共预算收入完成52000万元，上解上级支出8000万元。\n\
                二、2024年上半年预算执行情况\n县本级决算数较上年增长3%。";
    assert_eq!(entity(text).2, DisclosureKind::GovernmentFinalAccounts);
    // A news report on a draft of final accounts (决算草案, laid before a people's congress)
    // with its level's totals: a government's.
    let text = "本报讯 昨日，《关于示例市本级2023年决算(草案)的报告》提交市人大常委会审议。\
                市本级收入总计320.5亿元，市本级支出总计301.2亿元。";
    assert_eq!(entity(text).2, DisclosureKind::GovernmentFinalAccounts);
    let text = "示例县2023年决算草案已经县人民政府同意，现将县本级决算情况报告如下：\
                县本级一般公共预算收入52000万元。";
    assert_eq!(entity(text).2, DisclosureKind::GovernmentFinalAccounts);
    // News of a city's report on its budget's execution and its draft budget.
    let text = "2月8日，在示例市人民代表大会会议上，市财政局局长提交了《关于示例市2025年预算执行情况和\
                2026年预算（草案）的报告》。2025年，全市财政收入完成220.6亿元，增长3.1%。";
    assert!(entity(text).2.is_government(), "{:?}", entity(text).2);
    // The budgets a region's congresses of every level passed are the government's to sum.
    let text = "（1）全市收支情况。汇总全市各级人代会批准的2024年政府性基金预算收入年初预算合计94800万元，\
                实际完成90200万元。";
    assert_eq!(entity(text).2, DisclosureKind::GovernmentBudget);
    // Every central unit's 三公 together, as a news report of the central final accounts gives
    // them, is no one department's.
    let text = "三公支出比预算减少12亿\n据报告，2014年，中央行政事业单位财政拨款“三公”经费支出合计58.8亿元，\
                比预算数减少12.71亿元。";
    assert!(entity(text).2.is_government(), "{:?}", entity(text).2);
    // A finance bureau's duty of drafting both (`预决算草案`) is no draft of its own.
    let text = "一、部门职责\n负责编制年度县本级预决算草案，并组织执行。\n二、收入预算\n\
                本部门2020年收入预算90万元，比2019年决算数增加2万元。";
    assert_eq!(entity(text).2, DisclosureKind::Budget);
    // A department's final accounts naming one of those words once are still its own.
    let text = "一、收入支出决算总体情况说明\n本单位2023年度收入合计80万元，较2022年决算数增加2万元，\
                主要是上级转移支付收入增加。2023年度支出合计80万元。";
    assert_eq!(entity(text).2, DisclosureKind::FinalAccounts);
    // 决算 once, and 预算 only inside names final accounts use as much (年初预算, 一般公共预算,
    // 预算绩效): final accounts.
    let text = "1、机关运行经费支出情况。2019年决算机关运行经费支出30万元，完成年初预算的95%。\
                2、绩效管理情况。本单位开展预算绩效管理，一般公共预算项目均编报绩效目标。";
    assert_eq!(entity(text).2, DisclosureKind::FinalAccounts);
    // A budget that names last year's 决算 once is still a budget.
    let text = "一、收入预算\n2024年收入预算90万元，比上年预算减少2万元；支出预算90万元，\
                比2023年决算数增加1万元。";
    assert_eq!(entity(text).2, DisclosureKind::Budget);
}

/// A title naming a region and a year's accounts or budget and nothing else is the region's
/// own report; a department after the region's name makes it the department's.
#[test]
fn a_region_titled_report_is_a_governments() {
    for (title, kind) in [
        (
            "示例市示例区2024年决算报告",
            DisclosureKind::GovernmentFinalAccounts,
        ),
        ("示例县2025年预算", DisclosureKind::GovernmentBudget),
        (
            "示例自治州2023年决算",
            DisclosureKind::GovernmentFinalAccounts,
        ),
        (
            "关于示例县2023年决算和2024年上半年预算执行情况的报告",
            DisclosureKind::GovernmentFinalAccounts,
        ),
        (
            "关于示例县2024年预算执行情况和2025年预算草案的报告",
            DisclosureKind::GovernmentBudget,
        ),
    ] {
        let text = format!("{title}\n一、总体情况\n2024年一般公共预算收入5200万元。");
        assert_eq!(entity(&text).2, kind, "{title}");
    }
    for title in [
        "2025年示例县示例镇政府预算公开说明",
        "示例区财政局2024年决算",
        "示例区2024年部门决算",
        "示例县人民医院2024年决算报告",
        "示例镇2024年决算",
    ] {
        let text = format!("{title}\n一、总体情况\n2024年收入合计5200万元。");
        assert!(!entity(&text).2.is_government(), "{title}");
    }
}

/// A text whose first line names it a performance evaluation is one, though its body quotes the
/// department's 部门决算.
#[test]
fn an_evaluation_that_quotes_the_final_accounts_is_an_evaluation() {
    let text = "部门整体支出绩效评价报告\n一、基本情况\n（一）部门整体支出概况。2021年部门决算收入总计300万元，支出总计300万元。";
    assert_eq!(entity(text).2, DisclosureKind::PerformanceSelfEvaluation);
    let text =
        "2021年度部门决算\n一、基本情况\n本部门开展绩效评价，绩效评价报告已公开。收入总计300万元。";
    assert_eq!(entity(text).2, DisclosureKind::FinalAccounts);
}

/// A title that says only 决算 (its issuer on the line above, or none) leaves it to the body
/// whether the accounts are a government's, as one that says only 预算 does; a title naming a
/// whole region (`全区`) is the region's; a finance bureau's summary of its departments is a
/// government's, where a department summing its own units is not.
#[test]
fn whose_final_accounts_the_words_tell() {
    let body = "一、一般公共预算收支决算情况\n全镇本级一般公共预算收入120万元，其中税收收入100万元。\
                上解上级支出10万元，安排预算稳定调节基金5万元。";
    for (text, kind) in [
        (
            format!("某县某镇人民政府\n2023年决算报告\n{body}"),
            DisclosureKind::GovernmentFinalAccounts,
        ),
        (
            "某县教育局2023年决算公开说明\n一、收入支出决算总体情况\n本单位2023年度收入决算总计300万元，支出决算总计300万元。".to_owned(),
            DisclosureKind::FinalAccounts,
        ),
        (
            "关于2023年全区“三公”经费决算的说明\n“三公”经费决算支出500万元，比上年下降2%。".to_owned(),
            DisclosureKind::GovernmentFinalAccounts,
        ),
        (
            "关于2023年“三公”经费决算的说明\n“三公”经费决算支出500万元，比上年下降2%。".to_owned(),
            DisclosureKind::FinalAccounts,
        ),
        (
            "经某县财政局汇总，2022年某县行政单位、事业单位使用财政拨款安排的“三公”经费决算总额为500万元，比上年决算下降2%。".to_owned(),
            DisclosureKind::GovernmentFinalAccounts,
        ),
        (
            "经某区财政金融局汇总，某区2022年区级预算部门“三公”经费预算50万元，比上年预算下降2%。".to_owned(),
            DisclosureKind::GovernmentBudget,
        ),
        (
            "经汇总，本部门及所属3个单位2023年度“三公”经费决算支出50万元，比上年决算下降2%。".to_owned(),
            DisclosureKind::FinalAccounts,
        ),
    ] {
        assert_eq!(entity(&text).2, kind, "{text}");
    }
}

/// A government's budget speaks of the jurisdiction: none of its figures is read as a
/// department's, but each sentence's own arithmetic (a level, its change and its growth) is.
#[test]
fn a_government_budget_is_not_read_as_a_department() {
    let text = "某县2024年预算执行情况和2025年预算草案的报告\n一、2024年预算执行情况\n\
                全县一般公共预算收入完成52000万元，其中：税收收入31000万元。\n\
                县本级一般公共预算支出45000万元，较上年增加1200万元，增长2.7%。";
    let reading = read_narrative(text, &ReadOptions::default()).unwrap();
    assert_eq!(
        reading.disclosure.entity.kind,
        DisclosureKind::GovernmentBudget
    );
    let statements = &reading.disclosure.statements;
    assert!(
        statements
            .iter()
            .all(|s| matches!(s.concept, Concept::Other(_))),
        "{statements:?}"
    );
    // 1200 / (45000 − 1200) = 2.74%: the growth holds, and nothing else is compared.
    let report = check(&reading.disclosure, &Policy::default());
    assert_eq!(report.count(Severity::Error), 0, "{report}");
    // A growth that does not hold is still found.
    let wrong = text.replace("增长2.7%", "增长9.7%");
    let reading = read_narrative(&wrong, &ReadOptions::default()).unwrap();
    let report = check(&reading.disclosure, &Policy::default());
    let rules: Vec<&str> = report.findings.iter().map(|f| f.rule.as_str()).collect();
    assert_eq!(rules, ["N004"]);
}

/// Figures the reader could only describe in the text's words are not compared across the
/// document: two descriptions that read alike may be different things.
#[test]
fn described_figures_are_not_compared_across_sentences() {
    let text =
        format!("{TITLE}附件\n（一）项目一\n专项资金12万元。\n（二）项目二\n专项资金30万元。");
    let reading = read_narrative(&text, &ReadOptions::default()).unwrap();
    let described = reading
        .disclosure
        .statements
        .iter()
        .filter(|s| matches!(s.concept, Concept::Other(_)))
        .count();
    assert_eq!(described, 2);
    let report = check(&reading.disclosure, &Policy::default());
    assert_eq!(report.count(Severity::Error), 0, "{report}");
}

/// A 功能分类 line named without its code is recognised through the catalog when the catalog
/// has that name once; a name several lines share (`行政运行`) is declined, never picked.
#[test]
fn function_lines_named_without_codes() {
    let line = |code: &str| Concept::FundFunctionExpenditure {
        fund: GPB,
        code: code.parse().unwrap(),
    };
    let text = format!(
        "{TITLE}五、一般公共预算财政拨款支出决算情况说明\n初中教育支出 64.2万元，占一般公共预算财政拨款支出的10%。\n教育支出类科目 70万元。"
    );
    assert_eq!(
        about(&text, &line("2050203")),
        ["64.2万元", "占10%（一般公共预算财政拨款支出）"]
    );
    assert_eq!(about(&text, &line("205")), ["70万元"]);
    let text = format!(
        "{TITLE}五、一般公共预算财政拨款支出决算情况说明\n行政运行 30万元，其中：基本支出30万元。"
    );
    assert!(bound(&text).is_empty(), "{:?}", bound(&text));
    let declined = declined(&text);
    assert_eq!(declined.len(), 2, "{declined:?}");
    // A name marked with a level is a line of that level only: 市场监督管理事务 is a 款, and
    // `其他⏎市场监督管理事务（项）` wrapped from a line before is no line of it.
    let text = format!(
        "{TITLE}五、一般公共预算财政拨款支出决算情况说明\n市场监督管理事务（款）30万元。\n市场监督管理事务（项）4.19万元。"
    );
    assert_eq!(about(&text, &line("20138")), ["30万元"]);
    assert_eq!(crate::declined(&text), ["市场监督管理事务（项）4.19万元"]);
    // A numbered line that breaks off inside its path goes on in the next one.
    let text = format!(
        "{TITLE}五、一般公共预算财政拨款支出决算情况说明\n1、一般公共服务支出（类）市场监督管理事务（款）其他\n市场监督管理事务（项）4.19万元。"
    );
    assert_eq!(about(&text, &line("2013899")), ["4.19万元"]);
}

/// Traditional script reads like simplified (萬元, 億元, 財政撥款, 一般公共預算), and a
/// percentage may carry thousands separators.
#[test]
fn traditional_script_and_grouped_percentages() {
    let text = "某局2023年度部門決算公開說明\n一、收入支出決算總體情況說明\n\
                2023年度一般公共預算財政撥款支出1,250.5萬元，較上年增加1,154.3萬元，增長1,199.9%。";
    let reading = read_narrative(text, &ReadOptions::default()).unwrap();
    assert_eq!(reading.disclosure.entity.year, 2023);
    assert_eq!(
        reading.disclosure.entity.kind,
        DisclosureKind::FinalAccounts
    );
    assert_eq!(
        about(text, &Concept::FundExpenditure(GPB)),
        ["1250.5万元", "增加1154.3万元", "增长1199.9%"]
    );
    // 1154.3 / (1250.5 − 1154.3) = 1199.9%: nothing to find; 1,099.9% would be.
    let report = check(&reading.disclosure, &Policy::default());
    assert_eq!(report.count(Severity::Error), 0, "{report}");
    let wrong = text.replace("1,199.9%", "1,099.9%");
    let reading = read_narrative(&wrong, &ReadOptions::default()).unwrap();
    let report = check(&reading.disclosure, &Policy::default());
    assert_eq!(report.count(Severity::Error), 1, "{report}");
}

/// Subjects listed for figures listed in the same order are paired one to one; a listing whose
/// counts differ is declined.
#[test]
fn paired_listings() {
    let text = format!("{TITLE}一、总体情况\n2023年度收、支总计各是812.5、806.25万元。");
    assert_eq!(
        bound(&text),
        ["收入总计 = 812.5万元", "支出总计 = 806.25万元"]
    );
    let text = format!(
        "{TITLE}一、支出情况\n本年基本支出、项目支出分别为300万元、200万元，占比分别为60%、40%。"
    );
    assert_eq!(
        bound(&text),
        [
            "支出·基本支出 = 300万元",
            "支出·项目支出 = 200万元",
            "支出·基本支出 = 占60%（本年支出合计）",
            "支出·项目支出 = 占40%（本年支出合计）",
        ]
    );
    // One figure for both: each has it.
    let text = format!("{TITLE}一、总体情况\n2023年度收入、支出总计均为90万元。");
    assert_eq!(bound(&text), ["收入总计 = 90万元", "支出总计 = 90万元"]);
    // Two subjects, three figures: nothing is paired.
    let text = format!("{TITLE}一、支出情况\n基本支出、项目支出分别为3万元、2万元、1万元。");
    assert!(bound(&text).is_empty(), "{:?}", bound(&text));
}

/// A bare 支出 after money provided (a described …资金 or …拨款: `其他资金859.6万元，2023年支出
/// 2310.4万元`) is what was spent of it, another quantity than the money: declined, never a
/// second value of the money. After a spending item (`培训费`) it is that item's spending.
#[test]
fn spending_after_money_provided_is_another_quantity() {
    let text = format!(
        "{TITLE}一、项目支出情况\n2023年收到专项资金共2330.9万元，其中：中央资金1372.7万元，\
         其他资金958.2万元，2023年支出2310.4万元。"
    );
    assert!(
        !bound(&text).iter().any(|b| b.contains("2310.4")),
        "{:?}",
        bound(&text)
    );
    assert!(declined(&text).iter().any(|d| d.contains("2310.4")));
    // After a balance described, the same.
    let text = format!("{TITLE}一、结余情况\n往来款项余额3.5万元，支出1.2万元。");
    assert!(
        !bound(&text).iter().any(|b| b.contains("1.2万元")),
        "{:?}",
        bound(&text)
    );
    let text = format!("{TITLE}一、项目支出情况\n培训费：年初预算10万元，支出8万元。");
    assert!(
        bound(&text).iter().any(|b| b.ends_with("= 8万元")),
        "{:?}",
        bound(&text)
    );
}

/// A listing opening a sentence lists the parts of a whole whose latest change was against its
/// budget (`…合计30万元，比预算数减少6万元。…。其中：…公务接待费10万元，减少1万元`): the parts'
/// changes in no words of comparison are against their budgets too, not against last year.
/// After a change against last year they are against last year.
#[test]
fn parts_listed_after_a_change_against_the_budget_change_against_theirs() {
    let text = |compared: &str| {
        format!(
            "{TITLE}七、“三公”经费支出情况说明\n2023年度“三公”经费支出合计30万元，{compared}减少6万元。\
             主要是厉行节约。其中：公务接待费10万元，减少1万元；公务用车购置及运行维护费20万元，减少5万元。"
        )
    };
    let against_budget = bound(&text("比预算数"));
    assert!(
        against_budget.contains(&"“三公”经费·公务接待费 = 较预算减少1万元".to_owned()),
        "{against_budget:?}"
    );
    let against_last_year = bound(&text("比上年"));
    assert!(
        against_last_year.contains(&"“三公”经费·公务接待费 = 减少1万元".to_owned()),
        "{against_last_year:?}"
    );
}

/// Beside a fund's appropriation of the year (`一般公共预算当年拨款收入`), a carry-over listed
/// is that appropriation's (the central template's 财政拨款 income), not the department's
/// 年初结转和结余: declined. Beside the department's sources it is the department's.
#[test]
fn a_carry_over_beside_a_years_appropriation_is_the_appropriations() {
    let title = "示例部2020年部门预算情况说明\n";
    let appropriation = format!(
        "{title}收入全部为一般公共预算拨款，包括：一般公共预算当年拨款收入740.2万元、上年结转117.8万元。"
    );
    assert_eq!(
        bound(&appropriation),
        ["收入·一般公共预算财政拨款收入 = 740.2万元"]
    );
    assert!(declined(&appropriation).iter().any(|d| d.contains("117.8")));
    let department =
        format!("{title}收入预算包括：一般公共预算拨款收入740.2万元、上年结转117.8万元。");
    assert!(
        bound(&department).contains(&"年初结转和结余 = 117.8万元".to_owned()),
        "{:?}",
        bound(&department)
    );
}

/// A department naming itself and its year before an item (`财政部2020年财政拨款收支总预算`, a
/// year spaced from its 年) names nothing more: the item is read as without them. Another
/// unit's name is no such prefix.
#[test]
fn the_departments_own_name_before_an_item() {
    let title = "示例局2020年部门预算情况说明\n一、收支预算总体情况\n";
    for body in [
        "示例局2020年财政拨款收支总预算950万元。",
        "预算显示，示例局 2020 年财政拨款收支总预算950万元。",
    ] {
        assert_eq!(
            bound(&format!("{title}{body}")),
            ["财政拨款收入总计 = 950万元", "财政拨款支出总计 = 950万元"],
            "{body}"
        );
    }
    assert!(bound(&format!("{title}示例中心2020年财政拨款收支总预算950万元。")).is_empty());
}

/// A figure compared with a five-year plan's period (`比“十三五”…`) is five years', and so are
/// the change and the rate after it; a yearly average over several years (`年均增长`) is no
/// change against last year. Each is declined, its subject kept for what follows.
#[test]
fn plan_periods_and_yearly_averages_are_no_last_year() {
    let text = format!(
        "{TITLE}一、收入支出决算总体情况说明\n本年收入合计920万元，比“十三五”末650万元增加270万元，\
         年均增长7.2%；比上年增加30万元。"
    );
    assert_eq!(
        bound(&text),
        ["本年收入合计 = 920万元", "本年收入合计 = 增加30万元"]
    );
    assert_eq!(
        declined_reasons(&text),
        [
            UnparsedReason::AgainstAPlanPeriod,
            UnparsedReason::AgainstAPlanPeriod,
            UnparsedReason::AveragedOverYears,
        ]
    );
    let text = format!("{TITLE}一、收入支出决算总体情况说明\n本年支出合计500万元，年均增长8.5%。");
    assert_eq!(bound(&text), ["本年支出合计 = 500万元"]);
    assert_eq!(declined_reasons(&text), [UnparsedReason::AveragedOverYears]);
    // `十` and a numeral that are no plan (`比十月增加`) are compared as before.
    let text =
        format!("{TITLE}一、收入支出决算总体情况说明\n本年支出合计500万元，比上年增长8.5%。");
    assert_eq!(
        bound(&text),
        ["本年支出合计 = 500万元", "本年支出合计 = 增长8.5%"]
    );
}

/// `各` before a word of change hands a listing of changes out one to each subject listed, as
/// `分别` does (`收入、支出总计各增加A、B，增长x%、y%`); one change after it is each subject's;
/// changes not as many as the subjects are declined.
#[test]
fn changes_listed_after_each_are_paired() {
    let text = format!(
        "{TITLE}一、总体情况\n与上年相比，收入、支出总计各增加120.5万元、98.25万元，增长12.05%、9.83%。"
    );
    assert_eq!(
        bound(&text),
        [
            "收入总计 = 增加120.5万元",
            "支出总计 = 增加98.25万元",
            "收入总计 = 增长12.05%",
            "支出总计 = 增长9.83%",
        ]
    );
    let text = format!("{TITLE}一、总体情况\n基本支出、项目支出各减少3万元、2万元。");
    assert_eq!(
        bound(&text),
        ["支出·基本支出 = 减少3万元", "支出·项目支出 = 减少2万元"]
    );
    let text = format!("{TITLE}一、总体情况\n与上年相比，收、支总计各增加1.5万元，增长1.23%。");
    assert_eq!(
        bound(&text),
        [
            "收入总计 = 增加1.5万元",
            "支出总计 = 增加1.5万元",
            "收入总计 = 增长1.23%",
            "支出总计 = 增长1.23%",
        ]
    );
    let text = format!("{TITLE}一、总体情况\n收入、支出总计各增加3万元、2万元、1万元。");
    assert!(bound(&text).is_empty(), "{:?}", bound(&text));
}

/// A statement's id follows from where it is, so inserting a sentence elsewhere does not
/// change the ids of the others (and a suppression keyed by one stays attached to its figure).
#[test]
fn statement_ids_do_not_move() {
    let ids = |text: &str| -> Vec<(String, String)> {
        read_narrative(text, &ReadOptions::default())
            .unwrap()
            .disclosure
            .statements
            .into_iter()
            .map(|s| (s.location.quote, s.id.unwrap_or_default()))
            .collect()
    };
    let before = ids(&format!(
        "{TITLE}一、收入情况\n本年收入合计100万元，其中：其他收入10万元。\n二、支出情况\n本年支出合计90万元。"
    ));
    let after = ids(&format!(
        "{TITLE}一、收入情况\n收入总计120万元。本年收入合计100万元，其中：其他收入10万元。\n二、支出情况\n基本支出50万元。本年支出合计90万元。"
    ));
    assert_eq!(before.len(), 3);
    for pair in &before {
        assert!(after.contains(pair), "{pair:?} moved: {after:?}");
    }
    let mut unique: Vec<&String> = after.iter().map(|(_, id)| id).collect();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), after.len(), "ids are unique");
}

/// An unqualified reception count in a sentence that also counts foreign receptions is the
/// total of both, for which the model has no count: declined, not read as the domestic one.
#[test]
fn reception_counts_next_to_foreign_ones() {
    let text = format!(
        "{TITLE}七、“三公”经费情况说明\n全年共接待来访团组15批次、320人次（其中外事接待2批次、30人次）。\n国内公务接待13批次，290人次。"
    );
    assert_eq!(
        bound(&text),
        ["国内公务接待批次 = 13", "国内公务接待人次 = 290"]
    );
    let report = check(
        &read_narrative(&text, &ReadOptions::default())
            .unwrap()
            .disclosure,
        &Policy::default(),
    );
    assert_eq!(report.count(Severity::Error), 0, "{report}");
    // Without foreign receptions in the sentence, 接待 counts are the domestic ones.
    let text = format!("{TITLE}七、“三公”经费情况说明\n全年共接待来访团组15批次、320人次。");
    assert_eq!(
        bound(&text),
        ["国内公务接待批次 = 15", "国内公务接待人次 = 320"]
    );
}

/// A listing with a part that was not understood claims only that the parts read do not
/// exceed the total: no error for the part that could not be read.
#[test]
fn a_listing_with_a_declined_part_is_not_claimed_complete() {
    let text = format!(
        "{TITLE}五、一般公共预算财政拨款支出决算情况说明\n一般公共预算财政拨款支出100万元，主要用于：\n- 3 -\n城市维护费 60万元、社会保障和就业支出 25万元、住房保障支出 15万元。"
    );
    let reading = read_narrative(&text, &ReadOptions::default()).unwrap();
    assert_eq!(reading.unparsed.len(), 1, "{:?}", reading.unparsed);
    let report = check(&reading.disclosure, &Policy::default());
    assert_eq!(report.count(Severity::Error), 0, "{report}");
    // With every part understood, a listing that does not add up is an error.
    let text = format!(
        "{TITLE}五、一般公共预算财政拨款支出决算情况说明\n一般公共预算财政拨款支出100万元，主要用于：\n- 3 -\n教育支出 50万元、社会保障和就业支出 25万元、住房保障支出 15万元。"
    );
    let reading = read_narrative(&text, &ReadOptions::default()).unwrap();
    assert!(reading.unparsed.is_empty(), "{:?}", reading.unparsed);
    let report = check(&reading.disclosure, &Policy::default());
    assert_eq!(report.count(Severity::Error), 1, "{report}");
}

/// A loose word for a total (`总收入`, `支出总额`) is the 总计 in a budget; in final accounts it is
/// the total of the two (总计, 本年合计) already stated nearest to its figure, and declined when
/// neither is stated.
#[test]
fn loose_totals() {
    let text = "某局2024年部门预算\n一、收入预算\n2024年收入总额300万元，其中：一般公共预算拨款收入300万元。";
    assert_eq!(about(text, &Concept::IncomeGrandTotal), ["300万元"]);
    let text = format!(
        "{TITLE}一、支出情况\n（二）本单位2023年度总支出581.45万元，其中本年支出480.71万元。"
    );
    assert!(about(&text, &Concept::CurrentExpenditureTotal).is_empty());
    assert!(about(&text, &Concept::ExpenditureGrandTotal).is_empty());
    let text = format!(
        "{TITLE}一、总体情况\n2023年度收入总计120万元。本年收入合计100万元。\n二、附件\n2023年收入总额120万元，支出总额100.01万元。"
    );
    assert_eq!(
        about(&text, &Concept::IncomeGrandTotal),
        ["120万元", "120万元"]
    );
    let reading = read_narrative(&text, &ReadOptions::default()).unwrap();
    // 支出总额 has no stated meaning to resolve to: declined.
    assert_eq!(reading.unparsed.len(), 1, "{:?}", reading.unparsed);
}

/// A total after the amounts it adds up is their whole (`基本支出A，项目支出B，合计C`), never
/// the last of them; when they have no common whole it is declined.
#[test]
fn a_total_after_its_parts() {
    let text = format!(
        "{TITLE}一、支出情况\n2023年度本单位基本支出400万元，项目支出80.71万元，合计480.71万元。"
    );
    assert_eq!(
        about(&text, &Concept::CurrentExpenditureTotal),
        ["480.71万元"]
    );
    assert_eq!(
        about(&text, &Concept::Expenditure(ExpenditureKind::Project)),
        ["80.71万元"]
    );
    // 运行维护费 is part of 公务用车, not directly of the 三公 total: declined.
    let text = format!(
        "{TITLE}七、“三公”经费情况说明\n“三公”经费支出：因公出国（境）费0万元，公务用车运行维护费3.98万元，公务接待费1.5万元，合计5.48万元。"
    );
    assert!(about(&text, &Concept::ThreePublicTotal).is_empty());
    assert_eq!(declined(&text), ["合计5.48万元"]);
    // A total after amounts of one thing restates it.
    let text = format!("{TITLE}七、“三公”经费情况说明\n国内公务接待支出2.1万元，共计费用2.1万元。");
    let reception =
        Concept::ThreePublicItem(fiscal_cn::three_public::ThreePublicItem::DomesticReception);
    assert_eq!(about(&text, &reception), ["2.1万元", "2.1万元"]);
}

/// Words that name a scope or a total are taken at their word: a fund's 支出总计, several 三公
/// categories with 合计, a change against the year's own budget (declined: the model's changes
/// are against last year), foreign receptions, `负增长`.
#[test]
fn scoped_words_at_their_word() {
    let text = format!(
        "{TITLE}三、一般公共预算财政拨款支出情况\n本单位一般公共预算财政拨款支出总计1741.75万元。"
    );
    assert_eq!(
        about(&text, &Concept::FundExpenditure(GPB)),
        ["1741.75万元"]
    );
    let text = format!(
        "{TITLE}七、“三公”经费情况说明\n出国（境）经费、车辆购置及运行费、公务接待费（简称“三公”经费）支出合计24.75万元。"
    );
    assert_eq!(about(&text, &Concept::ThreePublicTotal), ["24.75万元"]);
    let text = format!(
        "{TITLE}七、“三公”经费情况说明\n“三公”经费决算1023万元，比上年减少77万元，较年初预算减少32%。"
    );
    assert_eq!(
        about(&text, &Concept::ThreePublicTotal),
        ["1023万元", "减少77万元", "较预算下降32%"]
    );
    // Budgets compare with last year's budget: a change like any other.
    let text =
        "某局2024年部门预算\n一、收入预算\n2024年收入预算总额300万元，比2023年预算增加12万元。";
    assert_eq!(
        about(text, &Concept::IncomeGrandTotal),
        ["300万元", "增加12万元"]
    );
    let text = format!(
        "{TITLE}七、“三公”经费情况说明\n国内公务接待批次40个，接待人次500人；国（境）外公务接待批次2个，接待人次14人。"
    );
    let foreign = Concept::Count(fiscal_cn::report::Countable::ReceptionPersons(
        fiscal_cn::report::ReceptionKind::Foreign,
    ));
    assert_eq!(about(&text, &foreign), ["14"]);
    let text = format!(
        "{TITLE}七、“三公”经费情况说明\n“三公”经费支出4.77万元，比上年减少0.61万元，负增长11.3%。"
    );
    assert_eq!(about(&text, &Concept::ThreePublicTotal)[2], "下降11.3%");
}

/// The amount a comparison is made with is the earlier year's level, not this year's.
#[test]
fn the_amount_compared_with_is_last_years() {
    let text = "某局2025年部门预算\n四、“三公”经费预算情况说明\n2025年“三公”经费预算总额为1969万元，较2024年的2190万元减少221万元，下降10.1%。";
    assert_eq!(
        dated_values(text),
        [
            ("1969万元".to_owned(), None),
            ("2190万元".to_owned(), Some(2024)),
            ("减少221万元".to_owned(), None),
            ("下降10.1%".to_owned(), None),
        ]
    );
    // 221 / 2190 = 10.09%: consistent.
    assert!(check_errors(text).is_empty(), "{:?}", check_errors(text));
}

/// A change against 上年 right after last year's level is of the report's year when the
/// sentence stated an amount of the report's year before (undated), not a change of last
/// year's level against the year before it; a sentence about last year alone keeps its year.
#[test]
fn a_change_after_last_years_level_is_this_years() {
    let text = "某中心2025年部门预算\n一、收入预算情况\n一般公共预算拨款收入180万元，2024年收入预算总计200万元，比上年减少20万元，下降10%。其中：一般公共预算拨款180万元，比上年减少20万元。";
    assert_eq!(
        dated_values(text)[..4],
        [
            ("180万元".to_owned(), None),
            ("200万元".to_owned(), Some(2024)),
            ("减少20万元".to_owned(), None),
            ("下降10%".to_owned(), None),
        ]
    );
    assert_eq!(
        about(text, &Concept::IncomeGrandTotal),
        ["200万元", "减少20万元", "下降10%"]
    );
    // 20 / 200 = 10%, and 180 = 200 − 20: no error.
    assert!(check_errors(text).is_empty(), "{:?}", check_errors(text));
    let text =
        "某中心2025年部门预算\n一、收入预算情况\n2024年收入预算总计200万元，比上年减少20万元。";
    assert_eq!(
        dated_values(text),
        [
            ("200万元".to_owned(), Some(2024)),
            ("减少20万元".to_owned(), Some(2024)),
        ]
    );
}

/// A budget's own words for its totals and its appropriation.
#[test]
fn budget_words() {
    let text = "某局2024年部门预算\n二、收支预算总体情况\n2024年收入预算300万元，其中：一般公共预算当年拨款280万元，上年结转20万元。支出预算300万元。";
    assert_eq!(about(text, &Concept::IncomeGrandTotal), ["300万元"]);
    assert_eq!(about(text, &Concept::ExpenditureGrandTotal), ["300万元"]);
    assert_eq!(
        about(
            text,
            &Concept::Income(fiscal_cn::dimensions::IncomeSource::GeneralBudgetAppropriation)
        ),
        ["280万元"]
    );
}

/// A growth rate stated when last year's figure is zero is a warning of its own (N012); the
/// forms that say so (`增长--（基数为0，不可比）`) raise nothing.
#[test]
fn growth_against_a_zero_base() {
    let rules = |text: &str| -> Vec<(String, Severity)> {
        let reading = read_narrative(text, &ReadOptions::default()).unwrap();
        check(&reading.disclosure, &Policy::default())
            .findings
            .iter()
            .map(|f| (f.rule.to_string(), f.severity))
            .collect()
    };
    let text =
        format!("{TITLE}二、收入决算情况说明\n其他收入0.00万元，较上年增加0.00万元，增长0%。");
    assert_eq!(rules(&text), [("N012".to_owned(), Severity::Warning)]);
    // A unit founded this year: all of this year's amount is the change.
    let text = format!(
        "{TITLE}一、总体情况\n2023年度支出总计307.82万元，比上年增加307.82万元，增长100.00%。"
    );
    assert_eq!(rules(&text), [("N012".to_owned(), Severity::Warning)]);
    let text = format!(
        "{TITLE}一、总体情况\n2023年度支出总计307.82万元，比上年增加307.82万元，增长--（基数为0，不可比）。"
    );
    assert!(rules(&text).is_empty(), "{:?}", rules(&text));
    // A real base: the rate is checked as a number.
    let text = format!(
        "{TITLE}一、总体情况\n2023年度支出总计307.82万元，比上年增加153.91万元，增长100.00%。"
    );
    assert!(rules(&text).is_empty(), "{:?}", rules(&text));
}

/// A heading-like head before a colon names the subject when the words after it do not
/// (`（二）支出预算：2023年年初预算数…`); after a `其中` listing the topic is its whole, so a later
/// sentence's bare change is the whole's, not the last part's.
#[test]
fn colon_heads_and_the_topic_after_a_listing() {
    let text = "某乡2023年部门预算\n二、部门收支总体情况\n（一）收入预算：2023年年初预算数1643.29万元，其中：一般公共预算拨款1643.29万元。\n\
                （二）支出预算：2023年年初预算数1643.29万元，其中：一般公共服务支出1147.08万元，农林水支出496.21万元。支出较去年增加105.77万元。";
    assert_eq!(about(text, &Concept::IncomeGrandTotal), ["1643.29万元"]);
    assert_eq!(
        about(text, &Concept::ExpenditureGrandTotal),
        ["1643.29万元", "增加105.77万元"]
    );
    // A budget's 财政拨款 totals.
    let text = "某会2023年部门预算\n三、部门预算安排情况\n2023年财政拨款收支总预算60.65万元，比2022年预算增加10.18万元。包括：一般公共预算拨款60.65万元。";
    assert_eq!(
        about(text, &Concept::AppropriationExpenditureGrandTotal),
        ["60.65万元", "增加10.18万元"]
    );
    assert_eq!(
        about(
            text,
            &Concept::Income(fiscal_cn::dimensions::IncomeSource::GeneralBudgetAppropriation)
        ),
        ["60.65万元"]
    );
}

/// Words comparing with the budget are read only when they say one thing: a negated word
/// (`未超过`) is not, and a template's alternatives left unedited (`小于预算数（或与预算数持平）`)
/// are read as the flaw of wording they are, not as a comparison.
#[test]
fn budget_comparison_words_that_say_one_thing() {
    let compared = |sentence: &str| -> Vec<String> {
        let text = format!("{TITLE}七、“三公”经费情况说明\n“三公”经费支出决算3万元。{sentence}");
        about(&text, &Concept::ThreePublicTotal)
    };
    assert_eq!(
        compared("决算数小于预算数的主要原因是节约。"),
        ["3万元", "小于预算"]
    );
    assert_eq!(compared("决算数与预算数持平。"), ["3万元", "与预算持平"]);
    assert_eq!(
        compared("决算数小于预算数（或与预算数持平）的主要原因是节约。"),
        ["3万元", "（措辞）保留了模板中的备选说法"]
    );
    assert_eq!(compared("决算数未超过预算数。"), ["3万元"]);
}

/// A change against the year's own budget is no change against last year but one against the
/// budget, however the budget is named (`年初预算`, the report's own year `2023年度预算`) and
/// wherever the comparison stands (before the change in its own clause:
/// `与年初预算相比，减少3万元`); the rate after it is against the budget too. A comparison
/// with last year (`与上年相比`, the year before by number) is read again after it.
#[test]
fn changes_against_the_years_own_budget() {
    let text = format!(
        "{TITLE}七、“三公”经费情况说明\n“三公”经费支出决算12万元，与2023年度预算相比，减少3万元，下降20%；\
         与2022年相比，增加2万元，增长20%。"
    );
    assert_eq!(
        about(&text, &Concept::ThreePublicTotal),
        [
            "12万元",
            "较预算减少3万元",
            "较预算下降20%",
            "增加2万元",
            "增长20%"
        ]
    );
    assert!(declined(&text).is_empty());
    assert!(check_errors(&text).is_empty(), "{:?}", check_errors(&text));
    // 3 below a budget of 15 is 20% of it, not 25%.
    let wrong = text.replace("下降20%；", "下降25%；");
    assert_eq!(check_errors(&wrong).len(), 1, "{:?}", check_errors(&wrong));
    let text = format!(
        "{TITLE}八、机关运行经费情况说明\n机关运行经费支出30万元，与年初预算相比减少2万元，下降6.3%，比上年决算减少3万元。"
    );
    assert_eq!(
        about(&text, &Concept::OperatingFunds),
        ["30万元", "较预算减少2万元", "较预算下降6.3%", "减少3万元"]
    );
    // A budget compares with last year's budget, named by its year.
    let text = "某局2024年部门预算\n四、机关运行经费\n2024年机关运行经费预算30万元，与2023年预算相比减少2万元。";
    assert_eq!(
        about(text, &Concept::OperatingFunds),
        ["30万元", "减少2万元"]
    );
}

/// In a sentence or section about one fund or about 财政拨款, `年初/年末结转和结余` are that
/// scope's balances, which the model has no concept for: declined, never the department's.
/// A fund's `收入总计` holds its opening balance and is not its year's income either.
#[test]
fn balances_and_totals_of_a_scope_are_not_the_departments() {
    let text = format!(
        "{TITLE}二、一般公共预算财政拨款收入支出决算情况\n一般公共预算财政拨款收入总计300万元，本年支出280万元，年末结转和结余20万元。"
    );
    assert_eq!(about(&text, &Concept::ClosingBalance), Vec::<String>::new());
    assert_eq!(
        about(&text, &Concept::Income(GPB.income_source())),
        Vec::<String>::new()
    );
    let declined = declined(&text);
    assert!(
        declined.contains(&"年末结转和结余20万元".to_owned()),
        "{declined:?}"
    );
    assert!(
        declined.iter().any(|d| d.contains("收入总计300万元")),
        "{declined:?}"
    );
    let text = format!(
        "{TITLE}一、财政拨款收入支出决算总体情况说明\n财政拨款收入总计300万元，其中：本年收入280万元，年初结转和结余20万元。"
    );
    assert_eq!(about(&text, &Concept::OpeningBalance), Vec::<String>::new());
    assert_eq!(
        about(&text, &Concept::AppropriationIncomeGrandTotal),
        ["300万元"]
    );
    // The department's own balances are read as before.
    let text = format!(
        "{TITLE}一、收入支出决算总体情况说明\n2023年度收入总计300万元，其中：本年收入合计280万元，年初结转和结余20万元。"
    );
    assert_eq!(about(&text, &Concept::OpeningBalance), ["20万元"]);
}

/// `…比上年增加X元。其中：a增加…；b Y元，增长…`: a listing after a sentence that gave only a
/// change of its whole lists changes; once a part was a change, a part printed without words of
/// change may be its change or its level, and is declined. Parts of a listing after a sentence
/// that gave the whole's level, or with no change among them, are read as levels.
#[test]
fn parts_of_a_change_printed_without_words_of_change() {
    let text = format!(
        "{TITLE}七、“三公”经费情况说明\n“三公”经费支出30万元。“三公”经费支出比上年增加12万元，增长66.7%。\
         其中：公务接待费增加2万元，增长25%；公务用车购置及运行维护费10万元，增长100%。"
    );
    let vehicles = Concept::ThreePublicCategory(
        fiscal_cn::three_public::ThreePublicCategory::OfficialVehicles,
    );
    assert_eq!(about(&text, &vehicles), Vec::<String>::new());
    assert!(declined(&text).iter().any(|d| d.contains("10万元")));
    // The level first: the listing is of levels.
    let text = format!(
        "{TITLE}七、“三公”经费情况说明\n“三公”经费支出30万元，比上年增加12万元，增长66.7%。\
         其中：公务接待费增加2万元；公务用车购置及运行维护费10万元。"
    );
    assert_eq!(about(&text, &vehicles), ["10万元"]);
    // No change among the parts: levels.
    let text = format!(
        "{TITLE}七、“三公”经费情况说明\n“三公”经费支出比上年增加12万元，增长66.7%。\
         其中：公务用车购置及运行维护费10万元，公务接待费20万元。"
    );
    assert_eq!(about(&text, &vehicles), ["10万元"]);
}

/// Amounts inside a reason (`主要原因是：（1）增加1人，公用经费2万元；（2）…`) are what the
/// reason speaks of, not the department's figures for what they name; the reason goes on
/// through its numbered items and ends at a `；` before anything else.
#[test]
fn amounts_inside_a_reason() {
    let public = Concept::FundBasicClass {
        fund: GPB,
        class: BasicExpenditureClass::Public,
    };
    let text = format!(
        "{TITLE}八、机关运行经费情况说明\n机关运行经费支出50万元，比上年增加8万元，主要原因是：（1）人员增加2人，公用经费3万元，取暖费1万元；（2）新增办公设备购置公用经费补助4万元。"
    );
    assert_eq!(about(&text, &public), Vec::<String>::new());
    assert_eq!(
        about(&text, &Concept::OperatingFunds),
        ["50万元", "增加8万元"]
    );
    let text = format!(
        "{TITLE}三、一般公共预算财政拨款基本支出决算情况说明\n基本支出400万元，比上年增加10万元，主要原因是人员增加；公用经费60万元，比上年减少2万元。"
    );
    assert_eq!(about(&text, &public), ["60万元", "减少2万元"]);
    // In the clause of the reason itself: a count of what the reason speaks of.
    let text = format!(
        "{TITLE}七、“三公”经费情况说明\n公务用车购置费40万元，比上年增加27万元，主要原因是预计淘汰更新执法车辆5辆。"
    );
    let held = Concept::Count(fiscal_cn::report::Countable::VehiclesByUse(None));
    assert_eq!(about(&text, &held), Vec::<String>::new());
    assert!(declined(&text).iter().any(|d| d.contains("5辆")));
}

/// A change against a year by number is not of that year: after `X年为A，` the change
/// `较X年增加B` is of the year dated before X (the report's own here), and so is the rate after it.
#[test]
fn a_change_against_the_year_just_dated() {
    let text = "2023年度示例局部门决算\n八、机关运行经费情况说明\n2023年机关运行经费支出60万元，2022年为50万元，较2022年增加10万元，增长20%。";
    let reading = read_narrative(text, &ReadOptions::default()).expect("reads");
    let dated: Vec<(String, Option<u16>)> = reading
        .disclosure
        .statements_about(&Concept::OperatingFunds)
        .map(|s| (s.value.to_string(), s.year))
        .collect();
    assert_eq!(
        dated,
        [
            ("60万元".to_owned(), None),
            ("50万元".to_owned(), Some(2022)),
            ("增加10万元".to_owned(), None),
            ("增长20%".to_owned(), None),
        ]
    );
    let report = check(&reading.disclosure, &Policy::default());
    assert_eq!(report.count(Severity::Error), 0, "{report}");
}

/// A change against a year other than the one before its own (`较2015年下降2.3%` in a report of
/// 2017, or after a clause `与2015年相比`) is no year-on-year change: declined, and so is the
/// rate after it until words compare anew.
#[test]
fn changes_against_an_earlier_year() {
    let text = "2017年度示例局部门决算\n七、“三公”经费情况说明\n2017年“三公”经费支出50万元，较2015年下降2.3%；较上年下降1%。";
    assert_eq!(
        about(text, &Concept::ThreePublicTotal),
        ["50万元", "下降1%"]
    );
    assert_eq!(declined(text), ["较2015年下降2.3%"]);
    let text = "2017年度示例局部门决算\n七、“三公”经费情况说明\n2017年“三公”经费支出50万元，与2015年相比，减少5万元，下降9.1%。";
    assert_eq!(about(text, &Concept::ThreePublicTotal), ["50万元"]);
    assert_eq!(declined(text), ["减少5万元", "下降9.1%"]);
    // The year before, by number, is last year.
    let text = "2017年度示例局部门决算\n七、“三公”经费情况说明\n2017年“三公”经费支出50万元，与2016年相比，减少5万元。";
    assert_eq!(
        about(text, &Concept::ThreePublicTotal),
        ["50万元", "减少5万元"]
    );
}

/// In a section about one fund's expenditure (and not its income), the fund's bare name
/// (`与上年相比，一般公共预算财政拨款增加X万元`) is that expenditure; elsewhere it is the
/// fund's appropriation received.
#[test]
fn a_funds_bare_name_in_a_section_on_its_expenditure() {
    let text = format!(
        "{TITLE}五、一般公共预算财政拨款支出决算情况说明\n一般公共预算财政拨款支出1264.92万元。与上年相比，一般公共预算财政拨款增加27.44万元，增长2.22%。"
    );
    assert_eq!(
        about(&text, &Concept::FundExpenditure(GPB)),
        ["1264.92万元", "增加27.44万元", "增长2.22%"]
    );
    let text = format!(
        "{TITLE}一、收入决算情况说明\n本年收入合计300万元，其中：一般公共预算财政拨款200万元。"
    );
    assert_eq!(
        about(&text, &Concept::Income(GPB.income_source())),
        ["200万元"]
    );
}

/// A direction left in brackets by a template (`较上年（减）6万元`) is a change like any other;
/// a figure of two things joined (`上级补助收入及其他收入10万元`) is neither of them, while a
/// distributed listing (`基本支出和项目支出分别为A、B`) gives each its own.
#[test]
fn bracketed_directions_and_joined_names() {
    let text = "某局2018年部门预算\n二、支出预算\n2018年支出预算100万元，其中：项目支出20万元。\
                2018年项目支出预算较上年(减)6万元。";
    assert_eq!(
        about(text, &Concept::Expenditure(ExpenditureKind::Project)),
        ["20万元", "减少6万元"]
    );
    // A bracketed direction after another is a template's alternative: no direction at all.
    let text = "某局2018年部门预算\n二、支出预算\n2018年支出预算100万元，其中：项目支出20万元。\
                2018年项目支出预算较上年减少(增加)6万元。";
    assert_eq!(
        about(text, &Concept::Expenditure(ExpenditureKind::Project)),
        ["20万元"]
    );
    assert_eq!(declined(text), ["2018年项目支出预算较上年减少(增加)6万元"]);
    let text = "某局2018年部门预算\n一、收入预算\n2018年收入预算100万元，其中：一般公共预算拨款收入90万元，上级补助收入及其他收入10万元。";
    let subsidy = Concept::Income(fiscal_cn::dimensions::IncomeSource::HigherLevelSubsidy);
    assert_eq!(about(text, &subsidy), Vec::<String>::new());
    assert_eq!(declined(text), ["上级补助收入及其他收入10万元"]);
    let text = "某局2018年部门预算\n二、支出预算\n2018年支出预算100万元，基本支出和项目支出分别为80万元、20万元。";
    assert_eq!(
        about(text, &Concept::Expenditure(ExpenditureKind::Project)),
        ["20万元"]
    );
}

/// A share of an income source with no whole written and no listing open is of the income
/// whole the section last stated (`收入合计A…。其中：财政拨款收入B，占x%` after a reason
/// that broke the listing off); with none stated it is declined outside an income section,
/// since 收入总计 and 本年收入合计 differ by the opening balance. Amounts and changes inside
/// the reason are the reason's.
#[test]
fn shares_of_income_after_a_reason() {
    let text = format!(
        "{TITLE}一、收入支出决算总体情况说明\n2.收入情况。2023年度收入合计500万元，较上年减少40万元，主要原因是补贴较上年减少50万元，基本支出较上年增加10万元。\
         其中：财政拨款收入450万元，占90%；事业收入50万元，占10%。"
    );
    let appropriation = Concept::AppropriationIncome;
    assert_eq!(
        about(&text, &appropriation),
        ["450万元", "占90%（本年收入合计）"]
    );
    assert_eq!(
        about(&text, &Concept::Expenditure(ExpenditureKind::Basic)),
        Vec::<String>::new()
    );
    let text = format!("{TITLE}一、收入支出决算总体情况说明\n财政拨款收入450万元，占90%。");
    assert_eq!(about(&text, &appropriation), ["450万元"]);
}

/// A heading naming 基本支出 but no fund (`（一）基本支出预算收支增减情况`) scopes nothing; a
/// share whose written whole is a fund's expenditure (`占一般公共预算支出的84.06%`) makes its
/// part, and the figures the sentence gave that part before, the fund's.
#[test]
fn the_scope_of_basic_expenditure() {
    let text = "某局2018年部门预算\n（一）基本支出预算收支增减情况\n2018年基本支出预算80万元，较上年增加5万元。";
    assert_eq!(
        about(text, &Concept::Expenditure(ExpenditureKind::Basic)),
        ["80万元", "增加5万元"]
    );
    let text = "某局2018年部门预算\n（一）一般公共预算财政拨款基本支出情况\n2018年基本支出预算80万元，较上年增加5万元。";
    assert_eq!(
        about(text, &Concept::FundBasicExpenditure(GPB)),
        ["80万元", "增加5万元"]
    );
    let text = "某局2018年部门预算\n（二）支出结构\n1.基本支出预算80万元，占一般公共预算支出的80%，同比减少5万元。";
    assert_eq!(
        about(text, &Concept::FundBasicExpenditure(GPB)),
        ["80万元", "占80%（一般公共预算财政拨款支出）", "减少5万元"]
    );
    assert_eq!(
        about(text, &Concept::Expenditure(ExpenditureKind::Basic)),
        Vec::<String>::new()
    );
}

/// Counts of some of a kind, singled out by a clause (`参加其他单位组织的出国团组0个`), are
/// counts of their own; the department's own (`本单位的出国团组`) is its count.
#[test]
fn counts_of_a_kind() {
    let groups = Concept::Count(fiscal_cn::report::Countable::OverseasGroups);
    let text = format!(
        "{TITLE}七、“三公”经费情况说明\n全年使用财政拨款安排出国团组2个，参加其他单位组织的出国团组3个。"
    );
    assert_eq!(about(&text, &groups), ["2"]);
    assert!(
        bound(&text)
            .iter()
            .any(|b| b.starts_with("参加其他单位组织的出国团组数 = 3"))
    );
    let text = format!("{TITLE}七、“三公”经费情况说明\n2023年本单位的出国团组2个。");
    assert_eq!(about(&text, &groups), ["2"]);
}

/// `减少为0万元` says what the figure fell to: a level. `减少了“三公”经费X万元` says by how much,
/// against a time it does not name: declined, with its listing. The parts of a budget just
/// stated (`预算为20万元，其中：…`) are budgets. A budget compared with (`较预算数1237万元减少
/// 103万元`) makes the change after it one against the budget; final accounts compared with last
/// year's budget (`比上年预算数下降35.45%`) are no year-on-year change either.
#[test]
fn levels_reached_budgets_listed_and_changes_against_budgets() {
    let hosting = Concept::ThreePublicCategory(
        fiscal_cn::three_public::ThreePublicCategory::OfficialReception,
    );
    let text = format!("{TITLE}七、“三公”经费情况说明\n公务接待费支出决算减少为0.00万元。");
    assert_eq!(about(&text, &hosting), ["0.00万元"]);
    let text = format!(
        "{TITLE}七、“三公”经费情况说明\n2023年减少了“三公”经费342.74万元，其中公务接待费30.87万元。"
    );
    assert!(bound(&text).is_empty(), "{:?}", bound(&text));
    let text = format!(
        "{TITLE}七、“三公”经费情况说明\n“三公”经费支出18万元，预算为20万元，其中：公务接待费9万元，公务用车购置及运行维护费11万元。"
    );
    assert_eq!(about(&text, &hosting), ["预算9万元"]);
    // A budget compared with is no budget listed: the parts after it are the actual amounts.
    let text = format!(
        "{TITLE}七、“三公”经费情况说明\n公务用车购置及运行维护费支出1012万元，较预算数898万元增加114万元，增长13%（其中：公务用车购置费209万元，公务用车运行维护费803万元）。"
    );
    let purchase =
        Concept::ThreePublicItem(fiscal_cn::three_public::ThreePublicItem::VehiclePurchase);
    assert_eq!(about(&text, &purchase), ["209万元"]);
    let text = format!(
        "{TITLE}七、“三公”经费情况说明\n“三公”经费支出1134万元，较上年1174万元减少40万元，下降3%，较预算数1237万元减少103万元，下降8%。"
    );
    assert_eq!(
        about(&text, &Concept::ThreePublicTotal),
        [
            "1134万元",
            "1174万元",
            "减少40万元",
            "下降3%",
            "预算1237万元",
            "较预算减少103万元",
            "较预算下降8%"
        ]
    );
    assert!(check_errors(&text).is_empty(), "{:?}", check_errors(&text));
    let text = format!(
        "{TITLE}七、“三公”经费情况说明\n“三公”经费支出100万元，比上年决算数下降34.26%，比上年预算数下降35.45%。"
    );
    assert_eq!(
        about(&text, &Concept::ThreePublicTotal),
        ["100万元", "下降34.26%"]
    );
}

/// `完成全年预算X万元的Y%`: the amount is the subject's budget and the rate its completion. A
/// listing opened inside a listing without brackets (`其中：A…，其中：a1，a2；B…`) gives B back
/// to the listing A was in.
#[test]
fn budgets_completed_and_listings_within_listings() {
    use fiscal_cn::three_public::ThreePublicCategory;
    let text = format!(
        "{TITLE}七、“三公”经费情况说明\n“三公”经费支出决算为34.08万元，完成全年预算50.74万元的67.2%，比上年决算数减少1.55万元。\
         其中：因公出国（境）费支出决算为0.94万元；公务用车购置及运行维护费支出决算为33.13万元，其中：公务用车购置支出决算为17.98万元，\
         公务用车运行维护费支出决算为15.15万元；公务接待费支出决算为0.01万元。"
    );
    assert_eq!(
        about(&text, &Concept::ThreePublicTotal),
        [
            "34.08万元",
            "预算50.74万元",
            "完成预算67.2%",
            "减少1.55万元"
        ]
    );
    assert_eq!(
        about(
            &text,
            &Concept::ThreePublicCategory(ThreePublicCategory::OfficialReception)
        ),
        ["0.01万元"]
    );
    assert!(declined(&text).is_empty(), "{:?}", declined(&text));
    assert!(check_errors(&text).is_empty(), "{:?}", check_errors(&text));
    // A 。 just before its bracket closes ends no sentence: the change after the bracket is of
    // the figure before it, not of the sentence before.
    let vehicles = Concept::ThreePublicCategory(ThreePublicCategory::OfficialVehicles);
    let text = format!(
        "{TITLE}七、“三公”经费情况说明\n“三公”经费支出502.4万元，比上年减少14.6万元。其中：公务用车购置及运行维护费500.00万元（公务用车购置费100.00万元，比上年增加0万元；公务用车运行维护费400.00万元，比上年增加0万元。）比上年增加0万元，增长0%。"
    );
    assert_eq!(
        about(&text, &Concept::ThreePublicTotal),
        ["502.4万元", "减少14.6万元"]
    );
    assert_eq!(
        about(&text, &vehicles),
        ["500.00万元", "增加0万元", "增长0%"]
    );
}

/// More forms real texts take, each with its reading: the year compared with named by its kind
/// of figure (`较2022年决算数X万元增加Y`); a figure with no words; a budget set beside an
/// amount already stated; a numbered caption naming the next sentences' subject; amounts all
/// printed as whole numbers; figures of only some units; one fund's totals.
#[test]
fn more_forms_of_real_texts() {
    // The year compared with, named with its kind of figure: that year's level.
    let text = format!(
        "{TITLE}七、“三公”经费情况说明\n“三公”经费预算数为832.05万元，决算支出数为820.33万元，较2022年决算数688.84万元增加131.49万元，增长19.09%。"
    );
    let reading = read_narrative(&text, &ReadOptions::default()).unwrap();
    let prior: Vec<(String, Option<u16>)> = reading
        .disclosure
        .statements
        .iter()
        .filter(|s| s.value.to_string() == "688.84万元")
        .map(|s| (s.concept.to_string(), s.year))
        .collect();
    assert_eq!(prior, [("“三公”经费合计".to_owned(), Some(2022))]);
    let report = check(&reading.disclosure, &Policy::default());
    assert_eq!(report.count(Severity::Error), 0, "{report}");
    // A figure with no words says nothing.
    let text = format!(
        "{TITLE}七、“三公”经费情况说明\n“三公”经费决算820.33万元，较2022年决算数688.84万元131.49万元。"
    );
    assert_eq!(declined(&text), ["较2022年决算数688.84万元131.49万元"]);
    // In a budget, a budget set beside an amount already stated is a budget.
    let text =
        "某局部门预算说明\n一、“三公”经费\n2018年度“三公”经费支出2.05万元，年初预算为2.95万元。";
    assert_eq!(
        about(text, &Concept::ThreePublicTotal),
        ["2.05万元", "预算2.95万元"]
    );
    // A numbered caption names the subject of the sentences under it.
    let text = "某中学2021年部门预算\n二、“三公”经费预算情况说明\n“三公”经费支出预算为11.77万元。\n（一）因公出国费用。2021年预算支出为0万元。\n（二）公务接待费。2021年预算支出11.77万元。";
    assert_eq!(
        about(
            text,
            &Concept::ThreePublicCategory(
                fiscal_cn::three_public::ThreePublicCategory::OfficialReception
            )
        ),
        ["11.77万元"]
    );
    // Amounts all printed as whole numbers are whole units: 332 / (3923 + 332) may be 7.81%.
    let reading = read_narrative(
        "某市2024年部门预算\n一、“三公”经费预算\n“三公”经费支出共计3923万元，比2023年预算数减少332万元，下降7.81%。",
        &ReadOptions::default(),
    )
    .unwrap();
    assert_eq!(reading.disclosure.amount_decimals, 0);
    let report = check(&reading.disclosure, &Policy::default());
    assert_eq!(report.count(Severity::Error), 0, "{report}");
    // Printed with one decimal at most, 328 is [327.95, 328.05) and 75.2 is [75.15, 75.25):
    // 75.25 / (327.95 - 75.25) = 29.778%, which may be printed 29.8%; at two decimals (and
    // 328.00 exact) it could not.
    let reading = read_narrative(
        "某市2024年部门决算\n一、支出决算情况\n一般公共预算财政拨款支出328亿元，比上年增加75.2亿元，增长29.8%。",
        &ReadOptions::default(),
    )
    .unwrap();
    assert_eq!(reading.disclosure.amount_decimals, 1);
    let report = check(&reading.disclosure, &Policy::default());
    assert_eq!(report.count(Severity::Error), 0, "{report}");
    let reading = read_narrative(
        "某市2024年部门决算\n一、支出决算情况\n一般公共预算财政拨款支出328.00亿元，比上年增加75.20亿元，增长29.8%。",
        &ReadOptions::default(),
    )
    .unwrap();
    assert_eq!(reading.disclosure.amount_decimals, 2);
    let report = check(&reading.disclosure, &Policy::default());
    assert_eq!(report.count(Severity::Error), 1, "{report}");
    // Figures of only some of the units are not the disclosure's.
    let text = format!(
        "{TITLE}七、“三公”经费情况说明\n区直财政拨款资金安排“三公”经费决算数为736.40万元。"
    );
    assert!(bound(&text).is_empty(), "{:?}", bound(&text));
    // One fund's totals, in a section about that fund, are not the disclosure's totals.
    let text = format!("{TITLE}（二）政府性基金预算收支情况\n政府性基金收入0万元，收入总计0万元。");
    assert!(about(&text, &Concept::IncomeGrandTotal).is_empty());
}

/// Whether the amounts were above or below the budget is read from the amounts when they are
/// printed; a completion rate against a zero budget says nothing of it.
#[test]
fn budget_comparison_against_a_zero_budget() {
    let text = format!(
        "{TITLE}七、“三公”经费情况说明\n1. 因公出国（境）费预算为0万元，支出决算为0万元，完成预算的0%。决算数与预算数持平的主要原因是未安排因公出国。"
    );
    let reading = read_narrative(&text, &ReadOptions::default()).unwrap();
    let rules: Vec<String> = check(&reading.disclosure, &Policy::default())
        .findings
        .iter()
        .map(|f| f.rule.to_string())
        .collect();
    // The rate against a zero budget is a finding (N007); 持平 is right.
    assert_eq!(rules, ["N007"]);
}

/// A listing opened inside brackets ends with them (`A（其中：a，b），C`: C is A's sibling), and
/// inside a 公务用车 listing `购置费`/`运行维护费` are its items.
#[test]
fn bracketed_listings() {
    let text = format!(
        "{TITLE}七、“三公”经费情况说明\n2023年“三公”经费支出8237.23万元，其中：因公出国（境）费0万元，公务用车购置及运行维护费7634.75万元（其中：购置费500.00万元，运行维护费7134.75万元），公务接待费602.47万元。"
    );
    assert_eq!(
        bound(&text),
        [
            "“三公”经费合计 = 8237.23万元",
            "“三公”经费·因公出国（境）费 = 0万元",
            "“三公”经费·公务用车购置及运行维护费 = 7634.75万元",
            "“三公”经费·公务用车购置费 = 500.00万元",
            "“三公”经费·公务用车运行维护费 = 7134.75万元",
            "“三公”经费·公务接待费 = 602.47万元",
        ]
    );
    // 0 + 7634.75 + 602.47 = 8237.22 against 8237.23: a tail difference, no error.
    let reading = read_narrative(&text, &ReadOptions::default()).unwrap();
    let report = check(&reading.disclosure, &Policy::default());
    assert_eq!(report.count(Severity::Error), 0, "{report}");
    // Outside a 公务用车 listing, `购置费` names nothing known.
    let text = format!("{TITLE}七、其他\n设备支出10万元，其中：购置费8万元。");
    assert!(
        bound(&text).iter().all(|b| !b.contains("公务用车购置费")),
        "{:?}",
        bound(&text)
    );
}

/// Figures handed out in order to subjects that cannot be told are not read: each would take
/// the first one's words.
#[test]
fn distributed_figures_without_their_subjects() {
    let text =
        format!("{TITLE}七、“三公”经费情况说明\n2023年公务用车购置数及保有量分别为1辆和130辆。");
    assert!(bound(&text).is_empty(), "{:?}", bound(&text));
    assert_eq!(declined(&text).len(), 1);
}

/// Parts and remainders are not their whole: a procurement part (`分散采购`), a remainder
/// (`其他人员经费`, `其他项目`), a masked name (`********支出`), a change of a count, visiting
/// delegations received (not sent abroad).
#[test]
fn parts_and_remainders_are_not_their_whole() {
    let text = format!(
        "{TITLE}八、政府采购情况\n政府采购支出总额64.3万元，其中：分散采购30.5万元，占政府采购预算的47.45%。"
    );
    assert_eq!(
        about(
            &text,
            &Concept::Procurement(fiscal_cn::report::ProcurementLine::Total)
        ),
        ["64.3万元"]
    );
    let text = format!(
        "{TITLE}六、一般公共预算财政拨款基本支出情况\n人员经费5836.98万元，其中：工资福利支出5659.50万元；——其它人员经费177.48万元。"
    );
    let personnel = Concept::FundBasicClass {
        fund: GPB,
        class: BasicExpenditureClass::Personnel,
    };
    assert_eq!(about(&text, &personnel), ["5836.98万元"]);
    let text = format!(
        "{TITLE}五、一般公共预算财政拨款支出情况\n一般公共预算财政拨款支出4603.07万元。其中：按功能分类科目，********支出2万元。"
    );
    assert_eq!(
        about(&text, &Concept::FundExpenditure(GPB)),
        ["4603.07万元"]
    );
    let text =
        format!("{TITLE}九、项目情况\n本年项目3个，其中：1.经济社会发展项目1个。3.其他项目0个。");
    let reading = read_narrative(&text, &ReadOptions::default()).unwrap();
    let report = check(&reading.disclosure, &Policy::default());
    assert_eq!(report.count(Severity::Error), 0, "{report}");
    let text = format!("{TITLE}一、机构情况\n在职职工246人，比上年减少10人。");
    assert_eq!(declined(&text), ["比上年减少10人"]);
    let text = format!("{TITLE}七、“三公”经费情况说明\n全年接待国外来访团组24个。");
    assert!(
        about(
            &text,
            &Concept::Count(fiscal_cn::report::Countable::OverseasGroups)
        )
        .is_empty()
    );
}

/// A government's final accounts are a government's too (two of its words suffice, 决算 or
/// not), and its final accounts when its first line says so; a traditional 轎車 is a 轿车.
#[test]
fn government_final_accounts_and_traditional_vehicle_types() {
    let text = "一、2020年全区收支决算\n全区一般公共预算总收入410338万元，其中地方一般公共预算收入271630万元，加上级补助收入120846万元。";
    assert_eq!(
        read_narrative(text, &ReadOptions::default())
            .unwrap()
            .disclosure
            .entity
            .kind,
        DisclosureKind::GovernmentFinalAccounts
    );
    let text = format!(
        "{TITLE}七、“三公”经费情况说明\n本年購置公務用車2輛，其中：購置轎車1輛，越野車1輛。"
    );
    let sedan = Concept::Count(fiscal_cn::report::Countable::VehiclesPurchased(Some(
        fiscal_cn::report::VehicleType::Sedan,
    )));
    assert_eq!(about(&text, &sedan), ["1"]);
}

/// A figure known only by its words keeps the words that name it, not a year's filler.
#[test]
fn descriptions_keep_the_naming_words() {
    let text =
        "2016年度示例局部门决算公开说明\n附件\n公务车辆运行2016年预算25万元。2016年度培训费3万元。";
    assert_eq!(
        bound(text),
        ["公务车辆运行2016年预算 = 预算25万元", "培训费 = 3万元"]
    );
}

/// A clause without a figure that says its subject did not change against last year
/// (`较上年无增减`, `与上年持平`, `同比无变化`) is a change of nothing; one against the budget, or
/// only about the same (`基本持平`), is not.
#[test]
fn unchanged_since_last_year_is_a_change_of_nothing() {
    for words in [
        "较上年无增减",
        "与上年持平",
        "同比无变化",
        "与2022年相比没有变化",
    ] {
        let text = format!("{TITLE}七、“三公”经费\n公务接待费1.20万元，{words}。");
        assert_eq!(
            bound(&text),
            [
                "“三公”经费·公务接待费 = 1.20万元",
                "“三公”经费·公务接待费 = 持平"
            ],
            "{words}"
        );
    }
    for words in ["与预算持平", "较上年基本持平", "主要原因是与上年持平"] {
        let text = format!("{TITLE}七、“三公”经费\n公务接待费1.20万元，{words}。");
        assert!(
            !bound(&text).iter().any(|b| b.ends_with("= 持平")),
            "{words}: {:?}",
            bound(&text)
        );
    }
}

/// A table flattened one cell a line (`预 算 数 |`, a lone `|` a blank cell) under a title that
/// names its kind is read as that table, and its lines are not read as prose; cells that do
/// not make whole rows are left to the text.
#[test]
fn a_table_flattened_one_cell_a_line() {
    let text = format!(
        "{TITLE}七、“三公”经费\n2023年度“三公”经费支出决算表\n单位:万元\n项 目 |\n预 算 数 |\n决 算 数 |\n合 计 |\n4 |\n3.50 |\n公务接待费 |\n1 |\n0.50 |\n公务用车购置及运行维护费 |\n3 |\n3.00 |\n“三公”经费支出决算3.50万元。"
    );
    let reading = read_narrative(&text, &ReadOptions::default()).expect("reads");
    let table = reading
        .disclosure
        .table(fiscal_cn::report::TableKind::ThreePublic)
        .expect("the 三公 table");
    assert_eq!(table.rows.len(), 3);
    assert_eq!(
        table.cell(
            &fiscal_cn::report::RowKey::ThreePublicCategory(
                fiscal_cn::three_public::ThreePublicCategory::OfficialReception
            ),
            fiscal_cn::report::Column::Budget
        ),
        Some(rust_decimal::Decimal::from(1))
    );
    assert!(reading.unparsed.is_empty(), "{:?}", reading.unparsed);
    assert_eq!(bound(&text), ["“三公”经费合计 = 3.50万元"]);
    // One cell short of whole rows: no table, the lines stay text.
    let short = text.replace("3.00 |\n", "");
    let reading = read_narrative(&short, &ReadOptions::default()).expect("reads");
    assert!(reading.disclosure.tables.is_empty());
}

/// Which budget a text is: a department's (部门预算) or a government's own (本级预算, a
/// finance bureau's summary of its departments). A title that names a department's
/// disclosure is a department's; a title that says only 预算 leaves it to the body; a body that
/// speaks of itself as a unit needs more than one government's word, and a government's word
/// that names a standard (`按市本级…标准`) is none.
#[test]
fn department_budget_or_government_budget() {
    // A title in a government's words.
    let kind = |text: &str| entity(text).2;
    assert_eq!(
        kind(
            "某县2025年政府预算公开\n一、收入安排\n地方一般公共预算收入9000万元，较上年增加300万元。"
        ),
        DisclosureKind::GovernmentBudget
    );
    assert_eq!(
        kind(
            "关于某区2025年预算执行情况和2026年预算（草案）的报告\n各位代表：\n全区收入总计40亿元。"
        ),
        DisclosureKind::GovernmentBudget
    );
    assert_eq!(
        kind(
            "某市市级2025年“三公”经费预算汇总情况\n市级部门“三公”经费预算3.2亿元，较上年减少0.1亿元。"
        ),
        DisclosureKind::GovernmentBudget
    );
    // A title that says only 预算, over a body that summarises the departments.
    assert_eq!(
        kind(
            "2025年某镇“三公”经费预算说明\n经汇总，本级2025年“三公”经费预算数为20万元，比上年预算数减少1万元。"
        ),
        DisclosureKind::GovernmentBudget
    );
    // A title that names a department's budget, whatever the body says.
    assert_eq!(
        kind("某区2025年区级部门预算\n预算主管部门：某区档案馆\n经汇总，2025年收入预算80万元。"),
        DisclosureKind::Budget
    );
    assert_eq!(
        kind("某局2025年部门预算执行情况说明\n一、收入预算\n收入预算总额60万元。"),
        DisclosureKind::Budget
    );
    // A department reports its own execution too.
    assert_eq!(
        kind(
            "某县档案馆2025年预算执行情况说明\n一、收入预算\n收入预算总额60万元，比上年预算增加2万元。"
        ),
        DisclosureKind::Budget
    );
    // A body without a title: a government's word that names a standard is no government's.
    assert_eq!(
        kind(
            "二、机关运行经费\n2025年机关运行经费预算12万元，按县本级公用经费开支标准安排，比上年预算增加1万元。"
        ),
        DisclosureKind::Budget
    );
    // The words of kind in traditional script are the same words.
    assert_eq!(
        kind("2025年收入預算總額80萬元，比上年預算增加2萬元。支出預算80萬元。"),
        DisclosureKind::Budget
    );
    // The central government's own (中央本级) budget is a government's.
    assert_eq!(
        kind("2025年中央本级“三公”经费财政拨款预算50亿元，比上年执行数减少1亿元。"),
        DisclosureKind::GovernmentBudget
    );
    // A unit that speaks of itself, with one government's word, is a unit.
    assert_eq!(
        kind("本单位2025年收入预算70万元，其中市本级财政拨款70万元。支出预算70万元。"),
        DisclosureKind::Budget
    );
}

/// A text whose only years are the ones it compares with (`2023年无此项预算`) is of the year
/// after them; such a year is never the text's own.
#[test]
fn a_year_compared_with_is_not_the_texts_own() {
    let text = "对个人和家庭的补助支出预算5000元，同比增加5000元，2023年无此项预算，增长率不可比。";
    assert_eq!(entity(text).1, 2024);
    let text = "2025年收入预算300万元。公务用车购置费0万元，2024年无此项预算。支出预算300万元。";
    assert_eq!(entity(text).1, 2025);
    // A year a space after its word of comparison (`与 2022 年持平`) dates nothing after it.
    let text = format!(
        "{TITLE}七、“三公”经费情况说明\n因公出国（境）费与 2022 年持平；公务接待费支出决算增加 1.00 万元，增长 10.00%。"
    );
    let reading = read_narrative(&text, &ReadOptions::default()).expect("reads");
    let years: Vec<Option<u16>> = reading
        .disclosure
        .statements
        .iter()
        .map(|s| s.year)
        .collect();
    assert!(
        !years.is_empty() && years.iter().all(Option::is_none),
        "{years:?}"
    );
}

/// `较2024年年初预算的X万元`: the amount compared with is that year's budget as first passed,
/// a level of the year named, of the subject before it.
#[test]
fn the_initial_budget_compared_with_is_that_years() {
    let reading = read_narrative(
        "某局2025年部门预算\n四、“三公”经费预算情况说明\n2025年“三公”经费预算总额为90万元，较2024年年初预算的100万元减少10万元，下降10%。",
        &ReadOptions::default(),
    )
    .unwrap();
    let years: Vec<(String, String, Option<u16>)> = reading
        .disclosure
        .statements
        .iter()
        .map(|s| (s.concept.to_string(), s.value.to_string(), s.year))
        .collect();
    let total = Concept::ThreePublicTotal.to_string();
    assert_eq!(
        years,
        [
            (total.clone(), "90万元".to_owned(), None),
            (total.clone(), "100万元".to_owned(), Some(2024)),
            (total.clone(), "减少10万元".to_owned(), None),
            (total, "下降10%".to_owned(), None),
        ]
    );
}

/// `；支出较上年增加X万元` after the parts of the expenditure: a change whose own words name
/// only a side in general is of that side's total — the whole of the sentence's `其中`, or the
/// total stated just before — never of the last part listed; with no such total in view it is
/// declined.
#[test]
fn a_change_of_the_side_is_of_its_total() {
    let text = "某局2025年部门预算\n二、收支总体情况\n支出预算：2025年预算数300万元，其中：教育支出200万元，住房保障支出100万元；支出较上年增加30万元。";
    assert_eq!(
        about(text, &Concept::ExpenditureGrandTotal),
        ["300万元", "增加30万元"]
    );
    let education = "205".parse().unwrap();
    assert_eq!(
        about(text, &Concept::FunctionExpenditure(education)),
        ["200万元"]
    );
    // The parts alone, with no total: the change is declined, not the last part's.
    let text = "某局2025年部门预算\n二、收支总体情况\n支出包括教育支出200万元，住房保障支出100万元；支出较上年增加30万元。";
    assert!(
        bound(text).iter().all(|b| !b.contains("增加30万元")),
        "{:?}",
        bound(text)
    );
    assert!(
        declined(text)
            .iter()
            .any(|d| d.contains("支出较上年增加30万元"))
    );
    // Said right after the total, the change is the total's.
    let text =
        "某局2025年部门预算\n二、收支总体情况\n2025年支出预算300万元，支出较上年增加30万元。";
    assert_eq!(
        about(text, &Concept::ExpenditureGrandTotal),
        ["300万元", "增加30万元"]
    );
    // A change of 收入 is never the expenditure's.
    let text =
        "某局2025年部门预算\n二、收支总体情况\n2025年支出预算300万元，收入较上年增加30万元。";
    assert_eq!(about(text, &Concept::ExpenditureGrandTotal), ["300万元"]);
}

/// `比上年增加X万元，主要原因是…，共计增加Y万元`: once a reason is given, a change without
/// words of its own is the reason's amount, not a second change of the subject; a figure that
/// names its subject again is read as usual.
#[test]
fn the_amount_of_a_reason_is_not_the_subjects_change() {
    let text = "某局2025年部门预算\n三、支出预算\n基本支出800万元，比上年增加60万元，主要原因是新增人员纳入预算，共计增加45万元；项目支出200万元，比上年减少10万元。";
    assert_eq!(
        about(text, &Concept::Expenditure(ExpenditureKind::Basic)),
        ["800万元", "增加60万元"]
    );
    assert_eq!(
        about(text, &Concept::Expenditure(ExpenditureKind::Project)),
        ["200万元", "减少10万元"]
    );
    assert!(declined(text).iter().any(|d| d.contains("共计增加45万元")));
}

/// In a section on purchases, assets, 三公 or 机关运行经费, an amount named by a source of
/// money (`按资金来源划分，一般公共预算拨款X元`) is what that item is paid from, never the
/// department's income.
#[test]
fn sources_of_a_sections_item_are_no_income() {
    let text = "某局2025年部门预算\n一、收入预算\n2025年收入预算总额500万元，其中：一般公共预算拨款收入500万元。\n\
                七、政府采购预算情况说明\n2025年政府采购预算30万元。按资金来源划分，一般公共预算拨款20万元，上年结转10万元。";
    let gpb = Concept::Income(fiscal_cn::dimensions::IncomeSource::GeneralBudgetAppropriation);
    assert_eq!(about(text, &gpb), ["500万元"]);
    assert!(about(text, &Concept::OpeningBalance).is_empty());
    let declined = declined(text);
    assert!(
        declined
            .iter()
            .any(|d| d.contains("一般公共预算拨款20万元")),
        "{declined:?}"
    );
    // No N002 between the department's 500 and the purchases' 20.
    let reading = read_narrative(text, &ReadOptions::default()).unwrap();
    let report = check(&reading.disclosure, &Policy::default());
    assert_eq!(report.count(Severity::Error), 0, "{report}");
}

/// `本部门收入预算X万元`, `2025年本单位支出预算X万元`: the department speaking of itself
/// names its own totals.
#[test]
fn the_department_speaking_of_itself() {
    let text = "某局2025年部门预算\n二、部门收支总体情况\n2025年本部门收入预算80万元，其中：一般公共预算拨款80万元。本单位支出预算80万元。";
    assert_eq!(about(text, &Concept::IncomeGrandTotal), ["80万元"]);
    assert_eq!(about(text, &Concept::ExpenditureGrandTotal), ["80万元"]);
}

/// `（一）收入预算` over `2025年初预算数X万元，其中：…`: a figure called only by budget words
/// under a heading that names a budget's total and nothing else is that total; under any
/// other heading it stays unread.
#[test]
fn a_budget_total_named_by_its_heading() {
    let text = "某局2025年部门预算\n二、部门收支总体情况\n（一）收入预算\n2025年初预算数90万元，其中：一般公共预算拨款85万元，事业收入5万元。\n\
                （二）支出预算\n2025年初预算数90万元。";
    assert_eq!(about(text, &Concept::IncomeGrandTotal), ["90万元"]);
    assert_eq!(about(text, &Concept::ExpenditureGrandTotal), ["90万元"]);
    assert_eq!(
        about(
            text,
            &Concept::Income(fiscal_cn::dimensions::IncomeSource::InstitutionRevenue)
        ),
        ["5万元"]
    );
    let text = "某局2025年部门预算\n五、其他说明\n2025年初预算数90万元。";
    assert!(about(text, &Concept::IncomeGrandTotal).is_empty());
    assert!(about(text, &Concept::ExpenditureGrandTotal).is_empty());
}

/// `高于预算数X万元`, `超出年初预算X万元`: the amount is by how much one figure exceeds
/// another, the level of neither; it is declined.
#[test]
fn a_difference_between_two_figures_is_no_level() {
    let text = "某局2025年部门预算\n四、“三公”经费\n2024年“三公”经费执行数为21万元，高于预算数1万元。2025年“三公”经费预算20万元。";
    let values = bound(text);
    assert!(values.iter().all(|b| !b.ends_with("= 1万元")), "{values:?}");
    assert!(declined(text).iter().any(|d| d.contains("高于预算数1万元")));
    // Last year's 执行数 in a budget is declined too: a budget's changes are against last
    // year's budget, which that figure is not.
    assert_eq!(about(text, &Concept::ThreePublicTotal), ["20万元"]);
}

/// In a budget, last year's 执行数 is no base of its changes (they are against last year's
/// budget): read as last year's level, it would make every change look wrong.
#[test]
fn last_years_execution_in_a_budget_is_no_base() {
    let text = "2025年示例县“三公”经费预算数2005.41万元，较上年预算数减少94.91万元，下降4.52%。2024年示例县“三公”经费执行数2010.95万元。";
    assert_eq!(
        about(text, &Concept::ThreePublicTotal),
        ["2005.41万元", "减少94.91万元", "下降4.52%"]
    );
    assert!(check_errors(text).is_empty(), "{:?}", check_errors(text));
    // 财政拨款总收入 in a budget is the 财政拨款 total, not the department's.
    let text = "某小学2025年单位预算公开
一、单位收支总体情况说明
我单位总收入400万元，总支出400万元。
四、财政拨款收支总体情况说明
我单位财政拨款总收入326万元，总支出326万元。";
    assert!(check_errors(text).is_empty(), "{:?}", check_errors(text));
    assert_eq!(
        about(text, &Concept::AppropriationIncomeGrandTotal),
        ["326万元"]
    );
}

/// The standard phrasing of a budget narrative (as a writer renders it): totals against last
/// year's budget with amount and rate, parts with their share of the budget's total and their
/// own changes, 上年无该预算 for a part new this year. Every figure is read, and all of it holds.
#[test]
fn standard_budget_phrasing() {
    let text = "2025年度示例局部门预算编制说明\n一、收入预算情况说明\n\
        2025年收入预算总额300万元，比上年预算增加12万元，增长4.17%。其中：一般公共预算拨款收入270万元，\
        占收入预算总额的90%，比上年预算增加15万元，增长5.88%；上年结转30万元，占收入预算总额的10%，\
        上年无该预算，增长率无可比性。\n二、支出预算情况说明\n\
        2025年支出预算总额300万元，比上年预算增加12万元，增长4.17%。其中：基本支出240万元，\
        占支出预算总额的80%，比上年预算减少6万元，下降2.44%；项目支出60万元，占支出预算总额的20%。";
    let reading = read_narrative(text, &ReadOptions::default()).unwrap();
    assert!(reading.unparsed.is_empty(), "{:?}", reading.unparsed);
    assert_eq!(
        about(text, &Concept::IncomeGrandTotal),
        ["300万元", "增加12万元", "增长4.17%"]
    );
    assert_eq!(
        about(text, &Concept::Expenditure(ExpenditureKind::Basic)),
        ["240万元", "占80%（支出总计）", "减少6万元", "下降2.44%"]
    );
    let report = check(&reading.disclosure, &Policy::default());
    assert!(report.findings.is_empty(), "{report}");
    // A rate against last year's budget that does not hold is found.
    let wrong = text.replace("下降2.44%", "下降2.5%");
    let reading = read_narrative(&wrong, &ReadOptions::default()).unwrap();
    let report = check(&reading.disclosure, &Policy::default());
    let rules: Vec<&str> = report.findings.iter().map(|f| f.rule.as_str()).collect();
    assert_eq!(rules, ["N004"], "{report}");
}

/// `支出预算1000万元。支出包括：教育支出600万元、…`: a sentence that opens by listing the
/// expenditure the one before totalled lists the department's expenditure by 类; a listing
/// that opens so after any other figure stays unread.
#[test]
fn classes_listed_after_the_expenditure_total() {
    let text = "某局2025年部门预算\n三、支出预算情况说明\n2025年支出预算1000万元。支出包括：教育支出600万元、住房保障支出400万元。";
    let reading = read_narrative(text, &ReadOptions::default()).unwrap();
    assert!(reading.unparsed.is_empty(), "{:?}", reading.unparsed);
    let education = "205".parse().unwrap();
    assert_eq!(
        about(text, &Concept::FunctionExpenditure(education)),
        ["600万元"]
    );
    // Listed parts above their total are found.
    let wrong = text.replace("600万元", "700万元");
    let reading = read_narrative(&wrong, &ReadOptions::default()).unwrap();
    let report = check(&reading.disclosure, &Policy::default());
    let rules: Vec<&str> = report.findings.iter().map(|f| f.rule.as_str()).collect();
    assert_eq!(rules, ["N008"], "{report}");
    // After the total income, the same words list nothing known.
    let text = "某局2025年部门预算\n三、收支预算情况说明\n2025年收入预算1000万元。支出包括：教育支出600万元。";
    assert!(about(text, &Concept::FunctionExpenditure(education)).is_empty());
}

/// A budget states no completion rate of its own year: `完成预算的100%` beside this year's
/// budget is declined; a rate of a year it looks back on (`2024年…执行数…，完成年初预算的90%`)
/// is that year's.
#[test]
fn a_budget_has_no_completion_rate_of_its_own_year() {
    let text = "某局2025年部门预算\n四、“三公”经费预算情况说明\n2025年“三公”经费预算10万元，完成预算的100%。\
                2024年“三公”经费执行数9万元，完成年初预算的90%。";
    let reading = read_narrative(text, &ReadOptions::default()).unwrap();
    let rates: Vec<(String, Option<u16>)> = reading
        .disclosure
        .statements
        .iter()
        .filter(|s| matches!(s.value, StatedValue::Completion { .. }))
        .map(|s| (s.value.to_string(), s.year))
        .collect();
    assert_eq!(rates, [("完成预算90%".to_owned(), Some(2024))]);
    assert!(declined(text).iter().any(|d| d.contains("完成预算的100%")));
}

/// `A万元，其中，a万元，b万元`: the opener of a listing in a clause of its own (a comma after
/// 其中) opens it as `其中：` does; the topic after the sentence is the whole, so a change of the
/// side in the next sentence is the whole's.
#[test]
fn qizhong_followed_by_a_comma() {
    let text = "某局2025年部门预算\n三、部门收支总体情况\n2025年本部门收入预算200万元，其中，一般公共预算拨款180万元，事业收入20万元。收入较上年增加20万元，增长11.11%。";
    assert_eq!(
        about(text, &Concept::IncomeGrandTotal),
        ["200万元", "增加20万元", "增长11.11%"]
    );
    let reading = read_narrative(text, &ReadOptions::default()).unwrap();
    let report = check(&reading.disclosure, &Policy::default());
    assert!(report.findings.is_empty(), "{report}");
    // 20 / 180 = 11.11%: a rate on this year's amount instead (10%) is found.
    let wrong = text.replace("11.11%", "10%");
    let reading = read_narrative(&wrong, &ReadOptions::default()).unwrap();
    let report = check(&reading.disclosure, &Policy::default());
    let rules: Vec<&str> = report.findings.iter().map(|f| f.rule.as_str()).collect();
    assert_eq!(rules, ["N004"], "{report}");
}

/// A 功能分类 line printed with its code — before the name (`2010101 行政运行`,
/// `20103-政府办公厅（室）及相关机构事务`, glued to a list number as `3.2080505…`) or in brackets
/// after it — is that code's line, whatever the catalog knows of the code. A code whose name
/// is not the catalog's is left unread, and is a flaw of the words when the catalog's name
/// was in force for the report's year (N017); a shortened name is the same line.
#[test]
fn lines_printed_with_their_codes() {
    let text = |lines: &str| {
        format!("2024年度示例局部门决算公开说明\n五、一般公共预算财政拨款支出决算情况说明\n{lines}")
    };
    let line = |code: &str| Concept::FundFunctionExpenditure {
        fund: GPB,
        code: code.parse().unwrap(),
    };
    let read = text(
        "1.2010101 行政运行120.00万元。\n2、20103-政府办公厅(室)及相关机构事务35.50万元，较上年增加5.50万元。\n3.2080505机关事业单位基本养老保险缴费30.00万元。\n4.档案馆（2012604）8.00万元。",
    );
    assert_eq!(about(&read, &line("2010101")), ["120.00万元"]);
    assert_eq!(about(&read, &line("20103")), ["35.50万元", "增加5.50万元"]);
    assert_eq!(about(&read, &line("2080505")), ["30.00万元"]);
    assert_eq!(about(&read, &line("2012604")), ["8.00万元"]);
    assert!(declined(&read).is_empty(), "{:?}", declined(&read));

    // 2200199 is 其他自然资源事务支出 in the catalog: the figure is declined, the name warned of.
    let renamed = text("1.2200199其他国土资源事务支出10.00万元。");
    assert!(
        about(&renamed, &line("2200199"))
            .iter()
            .all(|v| !v.contains("万元"))
    );
    let reading = read_narrative(&renamed, &ReadOptions::default()).unwrap();
    let report = check(&reading.disclosure, &Policy::default());
    assert!(
        report
            .findings
            .iter()
            .any(|f| f.rule == "N017" && f.severity == Severity::Warning),
        "{:?}",
        report.findings
    );
    // The catalog's name jumbled with a neighbouring cell's, or cut short by a wrapped cell, is
    // no other name: nothing to warn of.
    for misprinted in [
        "1.2080506 险机缴关费事支业出单位职业年金缴10.00万元。",
        "1.2080506 机关事业单位职业年金缴费支10.00万元。",
    ] {
        let reading = read_narrative(&text(misprinted), &ReadOptions::default()).unwrap();
        let report = check(&reading.disclosure, &Policy::default());
        assert!(
            !report.findings.iter().any(|f| f.rule == "N017"),
            "{misprinted}: {:?}",
            report.findings
        );
    }
    // A 款's remainder is its 项 99 whatever it is called: the old name in a path is warned of.
    let path = text(
        "1.自然资源海洋气象等支出（类）自然资源事务（款）其他国土资源事务支出（项）10.00万元。",
    );
    let reading = read_narrative(&path, &ReadOptions::default()).unwrap();
    let report = check(&reading.disclosure, &Policy::default());
    assert!(
        report
            .findings
            .iter()
            .any(|f| f.rule == "N017" && f.message().contains("2200199")),
        "{:?}",
        report.findings
    );
    // Not a code: amounts, counts and years.
    let plain = text("一般公共预算财政拨款支出201.00万元，其中：基本支出201万元。");
    assert_eq!(
        about(&plain, &Concept::FundExpenditure(GPB)),
        ["201.00万元"]
    );
}

/// The amount a comparison is made with is that year's level: of the item its words name
/// (`较2022年度“三公”经费合计…`, `较上年公务接待费…`), or of the sentence's subject when they
/// name nothing more than the figure (`比上年累计支出…`). Words that finish the comparison
/// (`与上年相比`) leave the amount this year's.
#[test]
fn a_comparison_base_is_last_years_level_of_the_item_it_names() {
    use fiscal_cn::three_public::ThreePublicCategory;
    let total = Concept::ThreePublicTotal;
    let reception = Concept::ThreePublicCategory(ThreePublicCategory::OfficialReception);
    let section = "七、“三公”经费支出决算情况说明\n";
    let years = |text: &str, concept: &Concept| -> Vec<(Option<u16>, String)> {
        let reading = read_narrative(text, &ReadOptions::default()).expect("reads");
        reading
            .disclosure
            .statements_about(concept)
            .map(|s| (s.year, s.value.to_string()))
            .collect()
    };
    let text = format!(
        "{TITLE}{section}2023年“三公”经费合计40.00万元，较2022年度部门决算公开“三公”经费合计32.00万元增加8.00万元。"
    );
    assert_eq!(
        years(&text, &total),
        [
            (None, "40.00万元".to_owned()),
            (Some(2022), "32.00万元".to_owned()),
            (None, "增加8.00万元".to_owned())
        ]
    );
    let text = format!(
        "{TITLE}{section}“三公”经费合计40.00万元，其中：公务接待费3.50万元，较上年公务接待费4.00万元减少0.50万元。"
    );
    assert_eq!(
        years(&text, &reception),
        [
            (None, "3.50万元".to_owned()),
            (Some(2022), "4.00万元".to_owned()),
            (None, "减少0.50万元".to_owned())
        ]
    );
    let text =
        format!("{TITLE}{section}“三公”经费支出40.00万元，比上年累计支出42.00万元减少2.00万元。");
    assert_eq!(
        years(&text, &total)[1],
        (Some(2022), "42.00万元".to_owned())
    );
    let text = format!("{TITLE}{section}与上年相比公务接待费3.50万元，减少0.50万元。");
    assert_eq!(years(&text, &reception)[0], (None, "3.50万元".to_owned()));
    assert!(check_errors(&text).is_empty());
}

/// A count's `其中` listing with a part the reader could not name (`商务车`) claims only that
/// the parts it did name are within the total, never that they make it up.
#[test]
fn a_count_listing_with_an_unread_part_is_not_complete() {
    let text = format!(
        "{TITLE}七、“三公”经费支出决算情况说明\n单位现有公务用车2辆，其中：轿车1辆，商务车1辆。"
    );
    assert!(check_errors(&text).is_empty(), "{:?}", check_errors(&text));
    // What it does claim still holds the parts to the total.
    let more = text.replace("轿车1辆", "轿车3辆");
    let reading = read_narrative(&more, &ReadOptions::default()).expect("reads");
    let rules: Vec<String> = check(&reading.disclosure, &Policy::default())
        .findings
        .iter()
        .map(|f| format!("{} {:?}", f.rule, f.severity))
        .collect();
    assert_eq!(rules, ["N009 Error"]);
}

/// The errors the checker finds in `text`, as their messages.
fn check_errors(text: &str) -> Vec<String> {
    let reading = read_narrative(text, &ReadOptions::default()).expect("reads");
    check(&reading.disclosure, &Policy::default())
        .findings
        .into_iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| f.message().into_owned())
        .collect()
}

/// A reason's later clauses only mention things (`主要原因是工资福利支出同比增长，商品和服务支出
/// 同比减少。`): the `其中` after them lists the parts of the total before, not of a thing the
/// reason named.
#[test]
fn a_reasons_clauses_name_no_subject() {
    let text = format!(
        "{TITLE}三、支出决算情况说明\n本年支出合计1000.00万元，比上年增加100万元，主要原因是工资福利支出同比增长，商品和服务支出同比减少。其中：基本支出700.00万元，占70%；项目支出300.00万元，占30%。"
    );
    assert_eq!(
        about(&text, &Concept::Expenditure(ExpenditureKind::Basic)),
        ["700.00万元", "占70%（本年支出合计）"]
    );
    assert!(declined(&text).is_empty(), "{:?}", declined(&text));
}

/// An integer after the noun of a count takes that count's unit (`编制人数42，其中：行政编制人数19、
/// …`): each is a count of its own words, not one count named after the whole list.
#[test]
fn a_count_nouns_unit_is_the_numbers_after_it() {
    let text = "某乡人民政府2022年部门预算\n一、基本情况\n人员情况：编制人数42，其中：行政编制人数19、全部补助事业编制人数23人。项目个数为5。";
    let counts: Vec<String> = dated_values(text).into_iter().map(|(v, _)| v).collect();
    assert_eq!(counts, ["42", "19", "23", "5"], "{:?}", dated_values(text));
    // A number after other words is no count (a code, a year), and a decimal never.
    let text = "某乡人民政府2022年部门预算\n一、基本情况\n单位编码42，人数比为1.5。";
    assert!(dated_values(text).is_empty(), "{:?}", dated_values(text));
}

/// A rate named as such (`增长率为10%`, `减少率10%`) is the change's rate, as `增幅` and `降幅`
/// are; a rate of saving against a plan (`节约率`) is not.
#[test]
fn rates_named_as_such() {
    let text = "某局2023年度部门决算\n一、收入支出决算总体情况说明\n2023年度收入总计110万元，比上年增加10万元，增长率为10%。本年收入合计90万元，比上年减少10万元，减少率10%。";
    assert_eq!(
        about(text, &Concept::IncomeGrandTotal),
        ["110万元", "增加10万元", "增长10%"]
    );
    assert_eq!(
        about(text, &Concept::CurrentIncomeTotal),
        ["90万元", "减少10万元", "下降10%"]
    );
    let wrong = text.replace("增长率为10%", "增长率为12%");
    assert_eq!(check_errors(&wrong).len(), 1, "{:?}", check_errors(&wrong));
    let saving = "某局2023年度部门决算\n六、政府采购支出情况\n政府采购支出总额38.23万元，较采购计划节约资金5.51万元，节约率14.41%。";
    assert!(check_errors(saving).is_empty());
    assert!(
        declined(saving).iter().any(|d| d.contains("14.41%")),
        "{:?}",
        declined(saving)
    );
}

/// Last year's totals written inline before the comparison (`2023年度收入总计A，支出总计B，2022年度
/// 收入总计C，支出总计D，与2022年度相比，…各增加E`): a total its own words name is no listing's
/// sum, and a comparison with the year the sentence dated last makes the changes after it the
/// report year's.
#[test]
fn last_years_totals_written_inline_before_the_comparison() {
    let text = "某幼儿园2023年度部门决算\n一、收入支出决算总体情况说明\n2023年度收入总计453.13万元，支出总计453.13万元，2022年度收入总计400.22万元，支出总计400.22万元，与2022年度相比，收入、支出总计各增加52.91万元，增长13.22%。";
    assert_eq!(
        dated_values(text)
            .into_iter()
            .filter(|(v, _)| v.contains("400.22") || v.contains("52.91") || v.contains("13.22"))
            .collect::<Vec<_>>(),
        [
            ("400.22万元".to_owned(), Some(2022)),
            ("400.22万元".to_owned(), Some(2022)),
            ("增加52.91万元".to_owned(), None),
            ("增加52.91万元".to_owned(), None),
            ("增长13.22%".to_owned(), None),
            ("增长13.22%".to_owned(), None),
        ]
    );
    assert!(declined(text).is_empty(), "{:?}", declined(text));
    assert!(check_errors(text).is_empty(), "{:?}", check_errors(text));
    let wrong = text.replace("增长13.22%", "增长15.22%");
    assert!(!check_errors(&wrong).is_empty());
}

/// `各` before a direction hands a run of changes out to the things the sentence stated just
/// before, in order, as `分别` does (`收入总计A，支出总计B，…各减少C万元和D万元，下降p%和q%`).
#[test]
fn each_before_a_direction_hands_changes_out() {
    let text = format!(
        "{TITLE}一、收入支出决算总体情况说明\n2023年度收入总计2110.45万元，支出总计2100.45万元，与2022年度相比，各减少1752.06万元和1762.06万元，下降45.36%和45.62%。"
    );
    assert_eq!(
        about(&text, &Concept::IncomeGrandTotal),
        ["2110.45万元", "减少1752.06万元", "下降45.36%"]
    );
    assert_eq!(
        about(&text, &Concept::ExpenditureGrandTotal),
        ["2100.45万元", "减少1762.06万元", "下降45.62%"]
    );
    assert!(check_errors(&text).is_empty(), "{:?}", check_errors(&text));
}

/// `收入` alone, changing, after a total whose listing holds a carry-over from last year, may
/// be this year's income without it: declined, so the two sides' changes are not held to one
/// another; without a carry-over listed it is the total's.
#[test]
fn income_beside_a_carry_over_is_not_surely_the_total() {
    let text = "某中学2025年部门预算\n二、单位收支总体情况\n(一)收入预算：2025年年初预算数1165.79万元，其中：一般公共预算拨款本年收入1144.25万元，上年结转21.54万元。收入较去年减少59.04万元。\n\
                (二)支出预算：2025年年初预算数1165.79万元。支出较去年减少92.43万元。";
    assert!(check_errors(text).is_empty(), "{:?}", check_errors(text));
    assert!(
        declined_reasons(text).contains(&UnparsedReason::IncomeBesideCarryOver),
        "{:?}",
        declined_reasons(text)
    );
    let without = text.replace("，上年结转21.54万元", "");
    let without = without.replace("1144.25", "1165.79");
    assert_eq!(
        check_errors(&without).len(),
        1,
        "{:?}",
        check_errors(&without)
    );
}

/// A listing's later statement that is the whole of a part already listed
/// (`其中：一般公共预算收入100万元…。财政拨款收入预算100万元`) restates that part's whole, and is
/// no further part of the total: the parts add up.
#[test]
fn a_parts_own_whole_stated_later_is_no_further_part() {
    let text = "某单位2023年部门预算\n一、收支预算总体情况\n2023年收入预算总计300万元，其中：一般公共预算收入100万元；事业收入预算200万元。\
                2023年支出预算合计300万元，其中：基本支出预算200万元；项目支出预算100万元。\
                2023年财政拨款收入预算100万元，财政拨款支出预算100万元。";
    assert!(check_errors(text).is_empty(), "{:?}", check_errors(text));
    // Parts that do exceed their total are still found.
    let wrong = text.replace("事业收入预算200万元", "事业收入预算260万元");
    assert_eq!(check_errors(&wrong).len(), 1, "{:?}", check_errors(&wrong));
}

/// A comparison that ends just before a figure's own words does not date the figure: the
/// figure's year is the last one its words name outside a comparison.
#[test]
fn a_comparison_before_a_figure_does_not_date_it() {
    use fiscal_cn::three_public::ThreePublicCategory;
    let abroad = Concept::ThreePublicCategory(ThreePublicCategory::OverseasTravel);
    let text = "2025年示例局部门预算\n三、“三公”经费预算情况说明\n“三公”经费预算安排60万元，与2024年预算持平：一、2025年因公出国（境）费预算17万元，与2024年预算持平。";
    let reading = read_narrative(text, &ReadOptions::default()).expect("reads");
    let years: Vec<Option<u16>> = reading
        .disclosure
        .statements_about(&abroad)
        .map(|s| s.year)
        .collect();
    assert_eq!(years.first(), Some(&None), "{years:?}");
}

/// The size of a change said of a rate (`增幅`, `减幅`, `降幅`, `涨幅`) is a growth rate.
#[test]
fn rates_of_change_by_their_size() {
    let text = format!(
        "{TITLE}七、“三公”经费支出决算情况说明\n“三公”经费支出2.70万元，比上年减少0.06万元，减幅2.17%。"
    );
    assert_eq!(
        about(&text, &Concept::ThreePublicTotal),
        ["2.70万元", "减少0.06万元", "下降2.17%"]
    );
    assert!(check_errors(&text).is_empty());
    let wrong = text.replace("减幅2.17%", "减幅0.02%");
    assert_eq!(check_errors(&wrong).len(), 1, "{:?}", check_errors(&wrong));
    let up = format!(
        "{TITLE}七、“三公”经费支出决算情况说明\n“三公”经费支出2.76万元，比上年增加0.06万元，增幅为2.22%。"
    );
    assert_eq!(about(&up, &Concept::ThreePublicTotal)[2], "增长2.22%");
}

/// Words that name a vehicle item only inside a listing of 三公经费 or of its vehicles
/// (`车辆运行费`, `公车购置费`; `运行费` only under the vehicles): outside one they name
/// nothing the reader knows.
#[test]
fn vehicle_items_named_in_a_listing() {
    use fiscal_cn::three_public::ThreePublicItem;
    let operation = Concept::ThreePublicItem(ThreePublicItem::VehicleOperation);
    let purchase = Concept::ThreePublicItem(ThreePublicItem::VehiclePurchase);
    let section = "七、“三公”经费支出决算情况说明\n";
    let text = format!(
        "{TITLE}{section}“三公”经费支出12.00万元，其中：公务接待费2.00万元，车辆运行费9.00万元，公车购置费1.00万元。"
    );
    assert_eq!(about(&text, &operation), ["9.00万元"]);
    assert_eq!(about(&text, &purchase), ["1.00万元"]);
    // `运行费` alone names the vehicles' item only under the vehicles category.
    let text = format!(
        "{TITLE}{section}“三公”经费支出12.00万元，其中：公务接待费2.00万元，运行费9.00万元。"
    );
    assert!(about(&text, &operation).is_empty());
    let text = format!(
        "{TITLE}{section}公务用车购置及运行维护费10.00万元（其中：购置费1.00万元，运行费9.00万元）。"
    );
    assert_eq!(about(&text, &operation), ["9.00万元"]);
    // Outside a listing, vehicles' running costs may be of any vehicle.
    let text = format!(
        "{TITLE}八、机关运行经费支出说明\n机关运行经费20.00万元，主要用于办公费、车辆运行费9.00万元等。"
    );
    assert!(about(&text, &operation).is_empty());
}

/// A part listed after `其中` without words of its own (`其中：30万元用于设备购置`) is a part of
/// the subject, never the subject itself: it is declined, not read as a second value of the
/// whole.
#[test]
fn an_unnamed_part_is_not_its_whole() {
    let text = format!(
        "{TITLE}五、一般公共预算财政拨款支出决算情况说明\n一般公共预算财政拨款项目支出100.00万元，其中：30.00万元用于设备购置，70.00万元用于信息化建设。"
    );
    assert_eq!(
        about(&text, &Concept::FundProjectExpenditure(GPB)),
        ["100.00万元"]
    );
    assert!(check_errors(&text).is_empty(), "{:?}", check_errors(&text));
    assert_eq!(declined(&text).len(), 2);
}

/// A share whose own words name something the reader does not know (`全市教育经费占…`) is
/// declined, not given to the sentence's subject; nor is the change said after it.
#[test]
fn a_share_of_an_unknown_part_is_declined() {
    let text = format!(
        "{TITLE}一、收入支出决算总体情况说明\n2023年度收入总计500.00万元，比上年增长2.00%。全市教育经费占一般公共预算支出的比例为19.84%，比去年增长0.51%。"
    );
    assert_eq!(
        about(&text, &Concept::IncomeGrandTotal),
        ["500.00万元", "增长2.00%"]
    );
    assert_eq!(declined(&text).len(), 2);
}

/// The marks an item can score (`预算执行情况（10分）`, `分值20分`, `权重为30分`) are not what
/// it scored; a score bracketed after `得分` is.
#[test]
fn full_marks_are_not_scores() {
    let scores = |text: &str| -> Vec<String> {
        let reading = read_narrative(text, &ReadOptions::default()).expect("reads");
        reading
            .disclosure
            .statements
            .iter()
            .filter(|s| matches!(s.value, StatedValue::Score(_)))
            .map(|s| s.value.to_string())
            .collect()
    };
    let title = "2023年度示例项目支出绩效自评报告\n";
    for words in [
        "预算执行情况（10分）。",
        "产出指标分值50分。",
        "效益指标权重为30分。",
    ] {
        assert!(scores(&format!("{title}{words}")).is_empty(), "{words}");
    }
    assert_eq!(scores(&format!("{title}项目自评得分（95分）。")).len(), 1);
}

/// Money of a kind of project (`含1个年初结转结余项目50万元`) or of one project (`本项目共申请
/// 预算资金90万元`, under a heading run on into it) is none of the department's totals.
#[test]
fn a_projects_money_is_not_the_departments() {
    let text =
        format!("{TITLE}一、基本情况\n年初批复预算8个项目985万元（含1个年初结转结余项目50万元）。");
    assert!(about(&text, &Concept::OpeningBalance).is_empty());
    let text = "项目支出绩效自评表（2023年度）\n本项目共申请预算资金90万元。";
    assert!(about(text, &Concept::Expenditure(ExpenditureKind::Project)).is_empty());
}

/// `收入总计A。本年收入合计B，其中：…`: the parts listed of a part of the total are within that
/// part, not further parts of the total.
#[test]
fn parts_of_a_part_are_not_parts_of_the_whole() {
    let text = format!(
        "{TITLE}一、收入支出决算总体情况说明\n2023年度收入总计100.00万元。2023年本年收入合计90.00万元，其中：一般公共预算财政拨款收入80.00万元，事业收入10.00万元。"
    );
    assert!(check_errors(&text).is_empty(), "{:?}", check_errors(&text));
    let wrong = text.replace("事业收入10.00万元", "事业收入12.00万元");
    assert_eq!(check_errors(&wrong).len(), 1, "{:?}", check_errors(&wrong));
}

/// A path names what follows it: the line it resolves to — a level mark may carry the code
/// (`高等教育（项，2050205）`) — or, when it does not resolve, nothing an earlier line stands in
/// for.
#[test]
fn a_path_names_what_follows_it() {
    let higher = Concept::FundFunctionExpenditure {
        fund: GPB,
        code: "2050205".parse().unwrap(),
    };
    let text = "2024年示例大学部门预算\n三、一般公共预算支出预算情况\n教育支出（类）普通教育（款）高等教育（项，2050205），2024年预算数为1,000.00万元，比2023年执行数减少20.00万元。\n示例支出（类）示例事务（款）示例设施（项），2024年预算数为300.00万元，比2023年执行数减少10.00万元。";
    assert_eq!(about(text, &higher), ["1000.00万元", "减少20.00万元"]);
    assert!(check_errors(text).is_empty(), "{:?}", check_errors(text));
}

/// Counts the reader can only describe in the text's words (`实有人数` after 行政编制 and after
/// 事业编制) are never taken for one count stated twice.
#[test]
fn counts_described_alike_may_differ() {
    let text =
        format!("{TITLE}二、机构设置\n行政编制0人，实有人数0人；事业编制334人，实有人数301人。");
    assert!(check_errors(&text).is_empty(), "{:?}", check_errors(&text));
}

/// A text across many departments — a title that says so (`2012年各部委“三公经费”决算情况`,
/// `…中央单位部门预算…`), or a body speaking of 部委 or 中央部门 — is no one department's:
/// its figures, counts included, are never compared as one department's.
#[test]
fn a_text_across_departments_is_no_departments() {
    for text in [
        "2017年中央单位部门预算车辆购置情况\n2017年中央单位购置或更新车辆1190辆。\n示例部2017年部门预算安排购置车辆155辆。",
        "截至7月24日，已有95家部委公布了2012年“三公经费”情况。\n示例总局共购置5辆公务用车，支出207.32万元。示例会共购置公务用车3辆，支出112.24万元。",
    ] {
        assert_eq!(entity(text).2, DisclosureKind::GovernmentBudget, "{text}");
        assert!(check_errors(text).is_empty(), "{:?}", check_errors(text));
    }
}

/// `项目支出包括委员活动经费36.3万元`: the figure is what the listing names, not the whole it
/// lists the parts of.
#[test]
fn a_figure_after_baokuo_is_a_part() {
    let text = format!(
        "{TITLE}三、支出决算情况说明\n本年项目支出42.30万元。项目支出包括委员活动经费36.30万元，信息网络运行经费6.00万元。"
    );
    assert_eq!(
        about(&text, &Concept::Expenditure(ExpenditureKind::Project)),
        ["42.30万元"]
    );
    assert!(check_errors(&text).is_empty(), "{:?}", check_errors(&text));
}

/// A year's own 收入合计 or 支出合计 (`2024年度收入合计`) is its 本年 total, which the shares of
/// its sources are of — not 收入总计, which also holds the carry-over.
#[test]
fn a_years_own_total_is_its_current_total() {
    let text = format!(
        "{TITLE}一、收入支出决算总体情况说明\n2023年度收、支总计均为6315.69万元。2023年度收入合计6149.38万元，其中：财政拨款收入5561.35万元，占90.4%；事业收入534.85万元，占8.7%；其他收入53.18万元，占0.9%。此外，年初结转和结余166.31万元。"
    );
    assert_eq!(about(&text, &Concept::CurrentIncomeTotal), ["6149.38万元"]);
    assert!(check_errors(&text).is_empty(), "{:?}", check_errors(&text));
    let text = format!("{TITLE}一、收入支出决算总体情况说明\n本年度支出合计80.00万元。");
    assert_eq!(
        about(&text, &Concept::CurrentExpenditureTotal),
        ["80.00万元"]
    );
}

/// A total whose parts are not all stated is at least the parts stated: the others are
/// unknown, not nothing (支出总计 beside only 结余分配 and 年末结转和结余).
#[test]
fn unstated_parts_are_unknown_not_zero() {
    let text = format!(
        "{TITLE}一、收入支出决算总体情况说明\n2023年度支出总计697.38万元。此外，结余分配0.00万元。2023年度年末结转和结余0.00万元。"
    );
    assert!(check_errors(&text).is_empty(), "{:?}", check_errors(&text));
    let over = text.replace("年末结转和结余0.00万元", "年末结转和结余700.00万元");
    assert_eq!(check_errors(&over).len(), 1, "{:?}", check_errors(&over));
}

/// `上年年初结转资金1475.63万元` is last year's figure; `上年结转` is this year's carry-in.
#[test]
fn last_year_named_in_words_dates_a_figure() {
    let reading = |text: &str| {
        read_narrative(text, &ReadOptions::default())
            .expect("reads")
            .disclosure
            .statements_about(&Concept::OpeningBalance)
            .map(|s| s.year)
            .collect::<Vec<_>>()
    };
    let text = format!(
        "{TITLE}一、收入支出决算总体情况说明\n年初结转和结余减少1475.63万元。上年年初结转资金1475.63万元。"
    );
    assert_eq!(reading(&text), [None, Some(2022)]);
    let budget = "2024年示例局部门预算\n一、收支预算总体情况\n上年结转30.00万元。";
    assert_eq!(reading(budget), [None]);
}

/// A government's word in a glossary's definition (`一般公共预算拨款收入：指市本级财政当年拨付
/// 的资金`) says nothing of what the text is.
#[test]
fn a_definition_does_not_make_a_government() {
    let text = "十一、其他重要事项的情况说明\n2023年，本单位的机关运行经费财政拨款预算为46.80万元，较2022年预算增加15.60万元，增长50.00%。\n名词解释：\n1.一般公共预算拨款收入：指市本级财政当年拨付的资金。";
    assert_eq!(entity(text).2, DisclosureKind::Budget);
}

/// What a figure holds, in `（含…）` brackets after it, is neither what a following `其中`
/// lists the parts of nor a further part of a listing.
#[test]
fn what_a_figure_holds_is_not_a_part_beside_it() {
    let text = "2023年示例小学部门预算\n二、单位收支总体情况\n（一）收入预算：2023年年初预算数761.21万元（含上年结转5.01万元），其中：一般公共预算拨款761.21万元（含上年结转5.01万元），政府性基金预算拨款0万元，事业收入0万元，其他收入0万元。";
    assert_eq!(about(text, &Concept::IncomeGrandTotal), ["761.21万元"]);
    // An appropriation that holds last year's carry-over is more than the year's income.
    let appropriation =
        Concept::Income(fiscal_cn::dimensions::IncomeSource::GeneralBudgetAppropriation);
    assert!(about(text, &appropriation).is_empty());
    assert!(check_errors(text).is_empty(), "{:?}", check_errors(text));
}

/// A path in a section on the department's whole expenditure (`支出预算总表的说明`) names the
/// department's line of every source of funds, not one fund's.
#[test]
fn a_path_in_the_whole_expenditure_is_of_every_fund() {
    let text = "2021年示例中心部门预算\n三、2021年支出预算总表的说明\n本单位2021年支出预算11654.33万元。\n（一）按支出功能分类，包括卫生健康支出（类）11654.33万元。";
    let health = "210".parse().unwrap();
    assert_eq!(
        about(text, &Concept::FunctionExpenditure(health)),
        ["11654.33万元"]
    );
    assert!(
        about(
            text,
            &Concept::FundFunctionExpenditure {
                fund: GPB,
                code: health
            }
        )
        .is_empty()
    );
}

/// A path broken before its last level mark (`…住房公积金⏎（项），主要用于…`) goes on in the
/// next line: no heading, and its figures are its line's. Lines a text happens to state are
/// within their 类, not all of it.
#[test]
fn a_path_broken_across_lines_is_one_path() {
    let text = "2025年度示例局部门决算情况说明\n（三）一般公共预算财政拨款支出决算具体情况\n一般公共预算财政拨款支出年初预算为387.53万元，支出决算为409.89万元，完成年初预算的105.77%。其中：\n19.住房保障支出（类）住房改革支出（款）住房公积金\n（项），主要用于支付住房公积金。年初预算为203.69万元，支出决算为207.69万元。\n20.住房保障支出（类）住房改革支出（款）购房补贴（项），主要用于支付购房补贴。年初预算为183.84万元，支出决算为202.20万元。";
    let line = |code: &str| Concept::FundFunctionExpenditure {
        fund: GPB,
        code: code.parse().unwrap(),
    };
    assert_eq!(
        about(text, &line("2210201")),
        ["预算203.69万元", "207.69万元"]
    );
    assert!(check_errors(text).is_empty(), "{:?}", check_errors(text));
}

/// Projects of a kind (`绩效评级为“良”的项目0个`) are a count of their own, not the projects'.
#[test]
fn projects_of_a_kind_are_a_count_of_their_own() {
    let text = "2025年度示例局部门决算情况说明\n十、预算绩效管理情况\n编报绩效目标的项目28个，绩效自评的项目28个（其中，绩效评级为“优”的项目28个；绩效评级为“良”的项目0个）。";
    assert!(check_errors(text).is_empty(), "{:?}", check_errors(text));
}

/// Words after 拨款 that name what it pays for (`财政拨款运行经费`), and money some things
/// involve (`涉及…财政拨款`), are not the fund's appropriation received.
#[test]
fn what_an_appropriation_pays_for_is_not_the_appropriation() {
    let income = Concept::Income(fiscal_cn::dimensions::IncomeSource::GeneralBudgetAppropriation);
    let text = "2018年示例委部门预算情况说明\n二、部门预算情况说明\n2018年一般公共预算财政拨款收入3249.32万元。\n四、其他重要事项的情况说明\n2018年一般公共预算财政拨款运行经费162.11万元。项目支出均实行了绩效目标管理，涉及一般公共预算当年财政拨款2639.28万元。";
    assert_eq!(about(text, &income), ["3249.32万元"]);
    assert!(check_errors(text).is_empty(), "{:?}", check_errors(text));
}

/// A line no fund is named for (`财政拨款支出主要内容如下：` lists lines of three funds) is no one
/// fund's; and after a line that could not be read, the next sentence's figures are not the
/// line before's.
#[test]
fn lines_without_their_fund_or_after_an_unread_one_are_declined() {
    let text = "2026年部门预算编制说明\n2026年，示例委支出预算328,661万元，其中：一般公共预算拨款支出预算49,376万元；政府性基金拨款支出预算279,285.70万元。\n财政拨款支出主要内容如下：\n1.“城乡社区支出（类）城乡社区管理事务（款）其他城乡社区管理事务支出（项）”26,588.44万元。\n2.“城乡社区支出（类）国有土地使用权出让收入安排的支出（款）城市建设支出（项）”279,285.70万元。";
    assert!(check_errors(text).is_empty(), "{:?}", check_errors(text));
    let text = "2025年度示例街道部门决算情况说明\n（三）一般公共预算财政拨款支出决算具体情况\n“城乡社区支出（类）城乡社区管理事务（款）城管执法（项）”1,289.35万元。年初预算为1,280.01万元，支出决算为1,289.35万元。\n“城乡社区支出（类）城乡社区管理事务（款）示例事务（项）”7,682.11万元。年初预算为8,064.54万元，支出决算为7,682.11万元。";
    let enforcement = Concept::FundFunctionExpenditure {
        fund: GPB,
        code: "2120104".parse().unwrap(),
    };
    assert_eq!(
        about(text, &enforcement),
        ["1289.35万元", "预算1280.01万元", "1289.35万元"]
    );
    assert!(check_errors(text).is_empty(), "{:?}", check_errors(text));
}

/// A change against the year's own budget, and the rate after it, are against the budget; the
/// change against last year later in the sentence is still the subject's and is checked.
#[test]
fn a_change_against_the_budget_leaves_the_subject_known() {
    let text = format!(
        "{TITLE}七、“三公”经费支出决算情况说明\n2023年“三公”经费支出共计9.07万元，较年初预算数减少10.93万元，下降54.65%，较上年支出数减少0.71万元，下降7.26%。"
    );
    assert_eq!(
        about(&text, &Concept::ThreePublicTotal),
        [
            "9.07万元",
            "较预算减少10.93万元",
            "较预算下降54.65%",
            "减少0.71万元",
            "下降7.26%"
        ]
    );
    assert!(check_errors(&text).is_empty(), "{:?}", check_errors(&text));
    let wrong = text.replace("下降7.26%", "下降7.83%");
    assert_eq!(check_errors(&wrong).len(), 1, "{:?}", check_errors(&wrong));
}

/// Path segments joined by dashes (`…（类）-住房改革支出（款）-住房公积金（项）`) are one path.
#[test]
fn a_path_joined_by_dashes_is_one_path() {
    let text = "2026年示例街道单位预算编制说明\n三、一般公共预算财政拨款支出预算情况\n“住房保障支出（类）-住房改革支出（款）-住房公积金（项）”2026年度预算8.61万元。";
    let line = Concept::FundFunctionExpenditure {
        fund: GPB,
        code: "2210201".parse().unwrap(),
    };
    assert_eq!(about(text, &line), ["8.61万元"]);
}

/// A minus sign right before an amount is its sign: a part printed negative keeps its sum
/// (100 = −82 + 182); a signed change is declined, its direction being unclear.
#[test]
fn a_minus_sign_makes_an_amount_negative() {
    let text = format!(
        "{TITLE}一、收入支出决算总体情况\n2023年本年收入合计100万元，其中：财政拨款收入182万元，其他收入-82万元。"
    );
    assert_eq!(
        bound(&text),
        [
            "本年收入合计 = 100万元",
            "本年财政拨款收入 = 182万元",
            "收入·其他收入 = -82万元"
        ]
    );
    assert!(check_errors(&text).is_empty(), "{:?}", check_errors(&text));
    let text = format!("{TITLE}一、总体情况\n2023年支出合计90万元，比上年减少－2万元。");
    assert_eq!(bound(&text), ["本年支出合计 = 90万元"]);
    assert_eq!(declined(&text), ["比上年减少－2万元"]);
}

/// Pinyin a web page prints after characters (`公務(wù)`) does not hide the names it annotates.
#[test]
fn pinyin_after_characters_is_read_through() {
    let text = "2021年示例局部門預(yù)算說(shuō)明\n“三公”經(jīng)費(fèi)預(yù)算合計30萬(wàn)元。其中：公務(wù)接待費(fèi)4萬(wàn)元，比上年減少2萬(wàn)元。";
    assert_eq!(
        bound(text),
        [
            "“三公”经费合计 = 30万元",
            "“三公”经费·公务接待费 = 4万元",
            "“三公”经费·公务接待费 = 减少2万元"
        ]
    );
    let reading = read_narrative(text, &ReadOptions::default()).expect("reads");
    assert_eq!(reading.disclosure.entity.kind, DisclosureKind::Budget);
}

/// The two vehicle items named together, in any order and with any joining word, are the
/// vehicle category, not the last item named.
#[test]
fn two_vehicle_items_joined_are_their_category() {
    let text = format!(
        "{TITLE}七、“三公”经费支出情况\n公务用车运行维护费及公务用车购置费20万元，比上年增加2万元（其中，公务用车运行维护费15万元；公务用车购置费5万元）。"
    );
    assert_eq!(
        bound(&text),
        [
            "“三公”经费·公务用车购置及运行维护费 = 20万元",
            "“三公”经费·公务用车购置及运行维护费 = 增加2万元",
            "“三公”经费·公务用车运行维护费 = 15万元",
            "“三公”经费·公务用车购置费 = 5万元"
        ]
    );
    assert!(check_errors(&text).is_empty(), "{:?}", check_errors(&text));
}

/// Names holding 预算 that are funds or money of the budget (`公共财政预算收入`,
/// `预算内投资`) name actual amounts in final accounts, not budgets.
#[test]
fn fund_names_holding_budget_are_no_budgets() {
    let text = format!(
        "{TITLE}一、收入情况\n2023年本单位基金预算收入30万元，中央预算内投资12万元，公共财政预算收入50万元。"
    );
    let statements = bound(&text);
    assert!(
        statements
            .iter()
            .all(|s| !s.contains("预算3") && !s.contains("预算5") && !s.contains("预算1")),
        "{statements:?}"
    );
}

/// A difference from the budget (`比预算节约`) is a change against the budget, never read as
/// the budget; `节约`, `增收`, `减支` are directions of change.
#[test]
fn differences_from_a_budget_and_words_of_income_change() {
    let text = format!(
        "{TITLE}一、支出情况\n2023年项目支出200万元，比预算节约5万元。2023年本年收入合计300万元，同比增收15万元，增长5.26%。"
    );
    assert!(declined(&text).is_empty(), "{:?}", declined(&text));
    assert_eq!(
        about(&text, &Concept::Expenditure(ExpenditureKind::Project)),
        ["200万元", "较预算减少5万元"]
    );
    assert_eq!(
        about(&text, &Concept::CurrentIncomeTotal),
        ["300万元", "增加15万元", "增长5.26%"]
    );
}

/// How far an amount fell short of or went past its budget (`短收`, `超支`) is a difference,
/// declined, and what follows it is not attached to it.
#[test]
fn a_shortfall_against_the_budget_is_a_difference() {
    let text = format!(
        "{TITLE}一、收入情况\n2023年本年收入合计200万元，短收10万元，同比减收5万元，下降2.44%。"
    );
    assert_eq!(about(&text, &Concept::CurrentIncomeTotal), ["200万元"]);
    assert_eq!(bound(&text).len(), 1, "{:?}", bound(&text));
    assert!(check_errors(&text).is_empty());
}

/// A rate after words that set an amount against its budget (`占年初预算X的`, `为调整预算数的`)
/// is the budget's completion, and the amount in them is the subject's budget.
#[test]
fn shares_of_a_budget_are_completions() {
    let text = format!(
        "{TITLE}一、支出情况\n2023年本年支出合计90万元，占年初预算100万元的90%。2023年本年收入合计200万元，为调整预算数的95%。"
    );
    assert_eq!(
        about(&text, &Concept::CurrentExpenditureTotal),
        ["90万元", "预算100万元", "完成预算90%"]
    );
    assert_eq!(
        about(&text, &Concept::CurrentIncomeTotal),
        ["200万元", "完成预算95%"]
    );
    let wrong = text.replace("的90%", "的80%");
    assert_eq!(check_errors(&wrong).len(), 1, "{:?}", check_errors(&wrong));
}

/// In a government's report, whose lines are described in the text's own words, a generic
/// label of the other side (`支出合计` after `收入合计`) or a total after a part
/// (`加上转移性支出A，支出合计B`) is not the figure before it.
#[test]
fn generic_totals_do_not_inherit_a_described_subject() {
    let text = "2023年示例县财政决算报告\n一、全县财政收支情况\n全县一般公共预算收入35万元，上级补助收入11万元，收入合计46万元，支出合计40万元。一般公共预算支出30万元，加上转移性支出10万元，支出合计40万元。";
    let statements = bound(text);
    assert!(
        statements.iter().all(|s| !s.ends_with("= 40万元")),
        "{statements:?}"
    );
    assert!(
        statements.contains(&"收入合计 = 46万元".to_owned()),
        "{statements:?}"
    );
    assert_eq!(declined(text), ["支出合计40万元", "支出合计40万元"]);
}

/// 人员经费 and 公用经费 of no fund named are a fund's only where the words around say which
/// (a fund's 基本支出 section, listing or sentence); in a section on all expenditure they are
/// the department's over every fund, which no concept stands for, and are declined.
#[test]
fn personnel_costs_of_no_fund_need_a_fund_around_them() {
    let personnel = Concept::FundBasicClass {
        fund: GPB,
        class: BasicExpenditureClass::Personnel,
    };
    let text = format!(
        "{TITLE}二、支出决算情况说明\n2023年本年支出合计799.12万元。其中：人员经费434.89万元，公用经费77.40万元，项目支出286.83万元。"
    );
    assert!(about(&text, &personnel).is_empty(), "{:?}", bound(&text));
    assert!(
        declined(&text)
            .iter()
            .any(|d| d.contains("人员经费434.89万元"))
    );
    let text = format!(
        "{TITLE}二、基本支出情况\n一般公共预算财政拨款基本支出500万元，其中：人员经费434.89万元，公用经费65.11万元。"
    );
    assert_eq!(about(&text, &personnel), ["434.89万元"]);
    let text = format!(
        "{TITLE}五、一般公共预算财政拨款基本支出决算情况说明\n人员经费434.89万元，公用经费65.11万元。"
    );
    assert_eq!(about(&text, &personnel), ["434.89万元"]);
}

/// A difference from the budget compared with in its own clause (`较预算数4万元减少0.14万元`)
/// must close: amount = budget + difference; a budget stated in another clause may be
/// another budget (年初 or 调整) and is not used.
#[test]
fn a_difference_from_the_budget_in_its_clause_closes() {
    let text = format!(
        "{TITLE}七、“三公”经费支出决算情况说明\n公务用车运行维护费3.86万元，较预算数4万元减少0.14万元，下降3.5%。"
    );
    assert!(check_errors(&text).is_empty(), "{:?}", check_errors(&text));
    let wrong = text.replace("减少0.14万元", "减少0.24万元");
    let errors = check_errors(&wrong);
    // 3.86 ≠ 4 − 0.24, and 0.24 of the budget 3.86 + 0.24 is 5.85%, not 3.5%.
    assert_eq!(errors.len(), 2, "{errors:?}");
    let elsewhere = format!(
        "{TITLE}七、“三公”经费支出决算情况说明\n公务用车运行维护费3.86万元，调整预算为5万元。较年初预算减少0.14万元。"
    );
    assert!(
        check_errors(&elsewhere).is_empty(),
        "{:?}",
        check_errors(&elsewhere)
    );
}

/// A round or bounding number (`约`, `超`, `近`, `逾`) is declined, never checked as exact.
#[test]
fn approximate_figures_are_declined() {
    let text = format!(
        "{TITLE}一、收入支出决算总体情况\n2023年本年收入合计约为3326万元，本年支出合计超3095万元，其中基本支出近1185万元，项目支出逾1000万元。"
    );
    assert!(bound(&text).is_empty(), "{:?}", bound(&text));
    assert_eq!(declined(&text).len(), 4);
    // A word of direction that ends in `约` (`节约`) bounds nothing: the saving is exact.
    let text = format!(
        "{TITLE}三、“三公”经费支出决算情况说明\n2023年“三公”经费支出10万元，比年初预算节约2万元。"
    );
    assert_eq!(
        about(&text, &Concept::ThreePublicTotal),
        ["10万元", "较预算减少2万元"]
    );
}

/// Words naming something the vocabulary does not know before a completion rate, or before a
/// comparison of 决算 with 预算, are no words for the sentence's subject.
#[test]
fn completions_of_unknown_things_are_not_the_subjects() {
    let text = format!(
        "{TITLE}三、支出决算情况说明\n2023年本年支出合计3326万元，完成年初预算的102%。小学教育完成年初预算的100.4%，高中教育决算大于预算。"
    );
    assert_eq!(
        about(&text, &Concept::CurrentExpenditureTotal),
        ["3326万元", "完成预算102%"]
    );
    assert!(declined(&text).iter().any(|d| d.contains("小学教育")));
}

/// A heading naming one year other than the report's dates the figures of its section whose
/// sentences date nothing themselves; a sentence naming the report's year says the heading's
/// year is a slip, and the section's later figures are the report's again.
#[test]
fn a_heading_year_dates_its_section() {
    let text = "关于2023年“三公”经费支出和2024年“三公”经费预算情况的说明\n一、2023年“三公”经费支出情况\n“三公”经费支出总额为761.33万元。\n二、2024年“三公”经费预算情况\n“三公”经费预算总额575.48万元，比2023年实际支出761.33万元，减少185.85万元，降低24.41%。";
    // The report is the 2024 budget; the first section's total is 2023's.
    assert_eq!(
        dated_values(text)[..2],
        [
            ("761.33万元".to_owned(), Some(2023)),
            ("575.48万元".to_owned(), None)
        ]
    );
    assert!(check_errors(text).is_empty(), "{:?}", check_errors(text));
    // A heading's year contradicted by its sentences is the heading's slip.
    let text = "2021年度示例州三公经费决算支出情况说明\n一、示例州2020年度“三公”经费决算支出情况说明\n2021年，“三公”经费支出决算汇总数为1134万元，较上年1174万元减少40万元。其中：公务接待费144万元，较上年122万元增加22万元。";
    assert_eq!(
        dated_values(text),
        [
            ("1134万元".to_owned(), None),
            ("1174万元".to_owned(), Some(2020)),
            ("减少40万元".to_owned(), None),
            ("144万元".to_owned(), None),
            ("122万元".to_owned(), Some(2020)),
            ("增加22万元".to_owned(), None),
        ]
    );
}

/// What a bracket of inclusion holds (`（含…年初结转和结余）`) is said of the figure before it:
/// the next figure is named by the words after the bracket.
#[test]
fn words_after_a_bracket_of_inclusion_name_the_next_figure() {
    let text = format!(
        "{TITLE}一、收入支出决算总体情况说明\n2023年度收入总计500.00万元（含使用非财政拨款结转结余、年初结转和结余）、支出总计500.00万元（含结余分配、年末结转和结余）。"
    );
    assert_eq!(
        bound(&text),
        ["收入总计 = 500.00万元", "支出总计 = 500.00万元"]
    );
    assert!(check_errors(&text).is_empty(), "{:?}", check_errors(&text));
}

/// The parts of a `其中` listing take the year and the budget of their whole, also when the
/// listing opens the next sentence (`…2024年“三公”经费预算数合计为100万元。其中，因公出国
/// （境）费10万元…`).
#[test]
fn parts_take_the_year_and_budget_of_their_whole() {
    let text = "关于2023年“三公”经费支出和2024年“三公”经费预算情况的说明\n示例局2024年“三公”经费预算数合计为100.00万元。其中，因公出国（境）费10.00万元，公务接待费30.00万元。\n2023年“三公”经费决算数为90.00万元。其中，因公出国（境）费决算数为12.00万元。";
    let reading = read_narrative(text, &ReadOptions::default()).expect("reads");
    let abroad =
        Concept::ThreePublicCategory(fiscal_cn::three_public::ThreePublicCategory::OverseasTravel);
    let of_abroad: Vec<(String, Option<u16>)> = reading
        .disclosure
        .statements_about(&abroad)
        .map(|s| (s.value.to_string(), s.year))
        .collect();
    let year = reading.disclosure.entity.year;
    let dated = |y: u16| (y != year).then_some(y);
    assert_eq!(
        of_abroad,
        [
            ("预算10.00万元".to_owned(), dated(2024)),
            ("12.00万元".to_owned(), dated(2023))
        ]
    );
    assert!(check_errors(text).is_empty(), "{:?}", check_errors(text));
}

/// A web page's article: its headline and date lines above the text, each a paragraph of its
/// own without a clause's punctuation, are no statements (a headline rounds: `仅8万元` over a
/// body's 8.27万元); an empty line ends a paragraph without a 。; `预算执行比例` is a
/// completion, and `预算执行` says nothing of a budget's being the kind of the text.
#[test]
fn a_press_article_over_a_disclosure() {
    let text = "示例部去年公务接待费仅8万元 预算执行比例不到3%\n\n18.07.2015  13:38\n\n  中新网7月18日电 示例部2014年度部门决算近日公布，2014年示例部“三公”经费支出100.00万元，预算执行比例为80.00%\n\n  2014年示例部“三公”经费预算125.00万元，其中：公务接待费10.00万元。\n";
    let reading = read_narrative(text, &ReadOptions::default()).expect("reads");
    assert_eq!(
        reading.disclosure.entity.kind,
        DisclosureKind::FinalAccounts
    );
    assert_eq!(
        about(text, &Concept::ThreePublicTotal),
        ["100.00万元", "完成预算80.00%", "预算125.00万元"]
    );
    let hosting = Concept::ThreePublicCategory(
        fiscal_cn::three_public::ThreePublicCategory::OfficialReception,
    );
    assert_eq!(about(text, &hosting), ["预算10.00万元"]);
    assert!(check_errors(text).is_empty(), "{:?}", check_errors(text));
}

/// A news item on several units: a sentence opening with another unit's name (after its date)
/// speaks of that unit, and so does the rest of its paragraph; the text's own unit is the
/// first one named, and its name in a longer or shorter form (`示例县农业农村局`,
/// `示例回族自治县农业农村局`) is still its own.
#[test]
fn sentences_about_other_units_are_theirs() {
    let text = "示例网北京7月19日电 有关部门19日公布了“三公经费”情况。\n\n示例税务局2011年“三公经费”财政拨款支出决算203.15万元。\n\n示例银行2011年度“三公经费”全年支出决算24.37万元。其中，因公出国（境）费19.70万元。\n\n2011年，示例税务局“三公经费”中因公出国（境）费1.34万元。\n";
    let reading = read_narrative(text, &ReadOptions::default()).expect("reads");
    let total: Vec<String> = reading
        .disclosure
        .statements_about(&Concept::ThreePublicTotal)
        .map(|s| s.value.to_string())
        .collect();
    assert_eq!(total, ["203.15万元"]);
    let declined: Vec<&str> = reading.unparsed.iter().map(|u| u.text.as_str()).collect();
    assert_eq!(declined, ["24.37万元", "19.70万元"]);
    assert!(check_errors(text).is_empty(), "{:?}", check_errors(text));
    let text = "寻甸县农业农村局2022年度“三公”经费决算情况说明\n寻甸回族彝族自治县农业农村局2022年度“三公”经费支出决算为39.10万元。";
    assert_eq!(about(text, &Concept::ThreePublicTotal), ["39.10万元"]);
}

/// A fund's 收入总量 holds last year's carry-over, and 结转下年支出 is money carried into next
/// year: neither is the fund's income or expenditure of the year.
#[test]
fn a_funds_income_in_all_and_its_carry_forward_are_no_years_figures() {
    let text = format!(
        "{TITLE}三、国有资本经营预算财政拨款收支情况\n2023年国有资本经营预算收入决算数为1326.38万元。加上上年结转收入113.59万元，国有资本经营预算收入总量为1439.97万元。国有资本经营预算支出决算数为1111.73万元，国有资本经营预算结转下年支出6.70万元。"
    );
    let statements = bound(&text);
    assert!(
        statements
            .iter()
            .all(|s| !s.contains("1439.97") && !s.contains("6.70")),
        "{statements:?}"
    );
    assert!(check_errors(&text).is_empty(), "{:?}", check_errors(&text));
}

/// Thresholds (`首次突破900万元`), the ends of a range (`在234万元至322万元之间`) and the level
/// before a change (`由100万元增加到120万元`) are no levels; generic words after a figure not
/// understood describe nothing of their own.
#[test]
fn thresholds_ranges_and_starting_levels_are_declined() {
    let text = format!(
        "{TITLE}一、支出决算情况\n2023年本年支出合计首次突破900万元，项目支出在234万元至322万元之间，基本支出由100万元增加到120万元。"
    );
    let statements = bound(&text);
    assert!(
        statements.iter().all(|s| !["900", "234", "322", "100万元"]
            .iter()
            .any(|n| s.contains(n))),
        "{statements:?}"
    );
    assert_eq!(declined(&text).len(), 5, "{:?}", declined(&text));
    let text = "2026年示例街道单位预算编制说明\n其他说明\n“一般公共服务支出(类）-示例事务（款）-示例管理（项）”2026年度预算0.12万元，2025年度预算3.84万元。2026年预算安排9万元，比2025年预算执行数增加16.43%。";
    assert!(check_errors(text).is_empty(), "{:?}", check_errors(text));
}

/// An amount after a count (`接待74批次813人次，同比去年1.05万元增加2.95万元`) is never the
/// count's: a change or a last year's level of money is of the money the counts are about.
#[test]
fn amounts_after_a_count_are_not_the_counts() {
    let text = format!(
        "{TITLE}七、“三公”经费支出情况\n公务接待费4万元，接待74批次813人次，同比去年1.05万元增加2.95万元。"
    );
    let persons = Concept::Count(fiscal_cn::report::Countable::ReceptionPersons(
        fiscal_cn::report::ReceptionKind::Domestic,
    ));
    assert_eq!(about(&text, &persons), ["813"]);
    assert!(check_errors(&text).is_empty(), "{:?}", check_errors(&text));
}

/// Words after 其中 that say only a year and a budget (`其中2023年预算安排5000万元`) name no part:
/// the figure is a part of the whole before, never its budget.
#[test]
fn a_part_named_only_by_a_budget_is_declined() {
    let text = format!(
        "{TITLE}一、支出情况\n2023年本年支出合计10000万元，其中2023年预算安排5000万元，完成预算的100%。"
    );
    assert_eq!(
        about(&text, &Concept::CurrentExpenditureTotal),
        ["10000万元"]
    );
    assert!(check_errors(&text).is_empty(), "{:?}", check_errors(&text));
}

/// A sentence that opens by giving a reason (`主要是…`, `主要由于…`) is the reason's account: a
/// figure it cites of the same item for another year is not the item's level.
#[test]
fn a_sentence_giving_a_reason_is_the_reasons() {
    let text = "2019年示例局部门预算\n（二）公务接待费\n安排公务接待费64000元，比上年预算减15600元，同比下降19.60%。主要是2018年严格执行厉行节约公务接待费支出49865元与上年比减少30431元，因此2019年预算比上年预算减少15600元。";
    let hosting = Concept::ThreePublicCategory(
        fiscal_cn::three_public::ThreePublicCategory::OfficialReception,
    );
    assert_eq!(
        about(text, &hosting),
        ["64000元", "减少15600元", "下降19.60%"]
    );
    assert!(check_errors(text).is_empty(), "{:?}", check_errors(text));
}

/// A news page on several units: a spending cut before its item (`共压缩“三公”经费50.79万元`) is
/// a change, no level; a ranking of units (`支出最多的是…`) speaks of the ranked units; a unit's
/// name on a line of its own gives the unit of the lines below it.
#[test]
fn cuts_rankings_and_unit_lines_on_a_page_about_many_units() {
    let text = "示例市2013年“三公”经费预算公开\n\n和去年相比，88个单位共压缩“三公”经费50.79万元。去年，各单位“三公”经费总支出数额为79830.67万元。";
    assert!(check_errors(text).is_empty(), "{:?}", check_errors(text));
    assert!(!about(text, &Concept::ThreePublicTotal).contains(&"50.79万元".to_owned()));
    let text = "示例省2023年“三公”经费决算公开\n\n省级部门“三公”经费支出7.27亿元。支出最多的是省交通运输厅，为1421.31万元；支出最少的是省行政学院，为164万元。";
    assert!(check_errors(text).is_empty(), "{:?}", check_errors(text));
    let text = "示例市2017年“三公”经费决算公开\n\n近日，我市20个市直部门陆续公布2017年“三公”经费决算。\n我市公务用车购置及运行维护费3371.9万元。\n市公安局\n公务用车购置及运行费为1124.05万元，比2016年减少了455.96万元。\n";
    assert!(check_errors(text).is_empty(), "{:?}", check_errors(text));
    let declined = declined(text);
    assert!(
        declined.iter().any(|d| d.contains("1124.05")),
        "{declined:?}"
    );
}

/// A listing printed one item a line (an infographic or a table flattened to text): a change on
/// a line of its own after the parts names no item, so it is declined, and so is the rate after
/// it; the same change after a comma, in a sentence, is the last part's.
#[test]
fn a_change_on_its_own_line_after_listed_parts_is_declined() {
    let text = format!(
        "{TITLE}三、“三公”经费情况\n公务用车购置及运行维护费50万元\n其中，公务用车购置费 10万元\n公务用车运行维护费 40万元\n比上年减少8万元,下降13.79%。"
    );
    let running = bound(&text);
    assert!(
        running
            .iter()
            .all(|b| !b.contains("减少") && !b.contains("下降")),
        "{running:?}"
    );
    let refused = declined(&text);
    assert!(
        refused.iter().any(|d| d.contains("减少8万元")),
        "{refused:?}"
    );
    // Wrapped after its comma, the change continues the last part's clause.
    let text = format!(
        "{TITLE}三、“三公”经费情况\n公务用车购置及运行维护费50万元，其中：公务用车购置费10万元，公务用车运行维护费40万元，\n比上年减少8万元。"
    );
    let vehicles_running = bound(&text)
        .into_iter()
        .filter(|b| b.contains("减少8万元"))
        .collect::<Vec<_>>();
    assert_eq!(vehicles_running.len(), 1, "{vehicles_running:?}");
    assert!(
        vehicles_running[0].contains("运行维护费"),
        "{vehicles_running:?}"
    );
}

/// `其中` left at the end of a line after the whole's figure (`…50万元⏎其中，…`) opens the
/// listing of the clauses after it, as it does at the head of their own clause: words that name
/// a vehicle item only in a listing of the vehicles are read as that item.
#[test]
fn qizhong_after_the_wholes_figure_opens_the_listing() {
    let text = format!(
        "{TITLE}三、“三公”经费情况\n公务用车购置及运行维护费50万元\n其中，购置费10万元，运行维护费40万元。"
    );
    assert_eq!(
        bound(&text),
        [
            "“三公”经费·公务用车购置及运行维护费 = 50万元",
            "“三公”经费·公务用车购置费 = 10万元",
            "“三公”经费·公务用车运行维护费 = 40万元"
        ]
    );
}

/// 去年 counts from when a text was written. Final accounts come out the year after theirs, so
/// in them a level dated by 去年 (and its change) may be the report's year or the one before,
/// and is declined;
/// 上年 counts from the report's year, and in a budget (published in its own year) 去年 is the
/// year before.
#[test]
fn last_year_by_the_calendar_is_declined_in_final_accounts() {
    let text = format!(
        "{TITLE}三、“三公”经费情况\n去年，本局“三公”经费支出12万元，比上年减少2万元。上年“三公”经费支出14万元。"
    );
    assert_eq!(dated_values(&text), [("14万元".to_owned(), Some(2022))]);
    let refused = declined(&text);
    assert!(refused.iter().any(|d| d.contains("12万元")), "{refused:?}");
    assert!(
        refused.iter().any(|d| d.contains("减少2万元")),
        "{refused:?}"
    );
    // Dated in its own words, and so is a change said in the same clause.
    let text = format!("{TITLE}三、“三公”经费情况\n本局去年公务接待费3万元，比上年增加1万元。");
    assert!(bound(&text).is_empty(), "{:?}", bound(&text));
    let text = "2024年示例局部门预算说明\n三、“三公”经费预算情况\n2024年“三公”经费预算15万元，去年“三公”经费预算16万元。";
    assert_eq!(
        dated_values(text),
        [
            ("15万元".to_owned(), None),
            ("预算16万元".to_owned(), Some(2023))
        ]
    );
}

/// A region's revenue and spending (`全县…`, `该县…`, `地方一般公共预算收入`, `区金库…`,
/// `…一般公共预算本级支出`) is no concept of a department's: such figures are described in
/// their own words, so two of different scope never read as one figure stated twice.
#[test]
fn a_regions_revenue_is_not_a_departments_income() {
    let appropriation = Concept::Income(GPB.income_source());
    let text = format!(
        "{TITLE}一、收入情况\n本部门一般公共预算财政拨款收入100万元。2023年，该县公共财政预算收入完成143938万元，地方公共财政预算收入完成117546万元，全县一般公共预算收入238965万元，区金库一般公共预算收入279964万元，中央一般公共预算本级支出19914万元。"
    );
    assert_eq!(about(&text, &appropriation), ["100万元"]);
    assert_eq!(
        about(&text, &Concept::FundExpenditure(GPB)),
        Vec::<String>::new()
    );
    assert!(check_errors(&text).is_empty(), "{:?}", check_errors(&text));
    let described = bound(&text);
    assert!(
        described
            .iter()
            .any(|b| b.contains("地方公共财政预算收入") && b.contains("117546")),
        "{described:?}"
    );
}

/// A bracket opened after a clause's last figure (`财政拨款收入300万元（其中，a…，b…），占X%`)
/// holds that figure's parts; when it closes, what follows is about the figure again, not
/// about the last part inside it. Brackets of either width.
#[test]
fn a_share_after_a_bracketed_listing_is_the_wholes() {
    for (open, close) in [("（", "）"), ("(", ")")] {
        let text = format!(
            "{TITLE}一、概况\n本年收入合计400万元；包括财政拨款收入300万元{open}其中,一般公共预算280万元,政府性基金预算20万元,国有资本经营预算0万元{close},占收入合计75%；其他收入100万元，占收入合计25%。"
        );
        let shares: Vec<String> = bound(&text)
            .into_iter()
            .filter(|b| b.contains("占"))
            .collect();
        assert_eq!(
            shares,
            [
                "本年财政拨款收入 = 占75%（本年收入合计）",
                "收入·其他收入 = 占25%（本年收入合计）"
            ]
        );
        assert!(check_errors(&text).is_empty(), "{:?}", check_errors(&text));
    }
}

/// A change on an adjusted base (`扣除…因素，比上年增长X%`, `剔除…后同口径增长X%`, `可比增长`)
/// is not the change between the printed amounts: it is declined, and so is every change after
/// the adjustment in its sentence, while the unadjusted ones before it are read.
#[test]
fn changes_on_an_adjusted_base_are_declined() {
    let text = format!(
        "{TITLE}二、支出情况\n一般公共预算财政拨款支出120万元，比上年增加20万元，增长20%，扣除一次性项目因素，比上年增长8%，增加8万元。"
    );
    let subject = Concept::FundExpenditure(GPB);
    assert_eq!(about(&text, &subject), ["120万元", "增加20万元", "增长20%"]);
    let refused = declined(&text);
    assert!(refused.iter().any(|d| d.contains("增长8%")), "{refused:?}");
    assert!(
        refused.iter().any(|d| d.contains("增加8万元")),
        "{refused:?}"
    );
    assert!(check_errors(&text).is_empty(), "{:?}", check_errors(&text));
    let text = format!(
        "{TITLE}二、支出情况\n一般公共预算财政拨款支出120万元，剔除人员划转因素后同口径增长5%。"
    );
    assert_eq!(about(&text, &subject), ["120万元"]);
    // A level named anew after the adjustment starts changes of its own.
    let text = format!(
        "{TITLE}二、支出情况\n一般公共预算财政拨款支出120万元，扣除一次性因素，可比增长8%；政府性基金预算财政拨款支出30万元，增长50%。"
    );
    assert_eq!(about(&text, &subject), ["120万元"]);
    assert_eq!(
        about(&text, &Concept::FundExpenditure(FundType::GovernmentFund)),
        ["30万元", "增长50%"]
    );
}

/// Text a PDF gave letter by letter (`各  位  代  表`) reads as its words: the title names the
/// department and year, and the figures bind as in the same text unspaced.
#[test]
fn letter_spaced_text_reads_as_its_words() {
    let spaced = "某  县  教  育  局  2024  年  部  门  决  算  说  明\n一  、  支  出  情  况\n一  般  公  共  预  算  财  政  拨  款  支  出  120.5  万  元  ，  比  上  年  增  加  20.5  万  元  ，  增  长  20.5  %  。";
    let plain = "某县教育局2024年部门决算说明\n一、支出情况\n一般公共预算财政拨款支出120.5万元，比上年增加20.5万元，增长20.5%。";
    assert_eq!(
        entity(spaced),
        ("某县教育局".into(), 2024, DisclosureKind::FinalAccounts)
    );
    assert_eq!(bound(spaced), bound(plain));
    assert_eq!(bound(spaced).len(), 3);
}

/// A verb of change or of a budget's adjustment before the first name (`增加了A 23万元、B 2万元`,
/// `调增A 2.73万元和基本支出6.04万元`) is said of every item listed after it: none of them is
/// a level. An adjusted budget (`调整为120万元`) is neither a level nor a change either.
#[test]
fn a_verb_before_a_listing_is_said_of_every_item() {
    let text = format!(
        "{TITLE}二、支出情况\n基本支出100万元，项目支出50万元。本年调增专项业务费2.73万元和基本支出6.04万元。"
    );
    assert_eq!(
        about(&text, &Concept::Expenditure(ExpenditureKind::Basic)),
        ["100万元"]
    );
    let refused = declined(&text);
    assert!(
        refused.iter().any(|d| d.contains("6.04万元")),
        "{refused:?}"
    );
    let text =
        format!("{TITLE}二、支出情况\n项目支出50万元。本年增加了设备购置费23万元、基本支出2万元。");
    assert!(about(&text, &Concept::Expenditure(ExpenditureKind::Basic)).is_empty());
    let text =
        format!("{TITLE}二、支出情况\n基本支出年初预算100万元，调整为120万元，决算110万元。");
    let refused = declined(&text);
    assert!(refused.iter().any(|d| d.contains("120万元")), "{refused:?}");
    assert!(check_errors(&text).is_empty(), "{:?}", check_errors(&text));
}

/// A clause opening by giving a reason (`…，主要是…`) speaks of what the reason is about: an
/// amount of it is that (one office's share), not its subject's figure stated again; the
/// changes it splits a change into are its parts' changes.
#[test]
fn a_clause_giving_a_reason_is_the_reasons() {
    let text = format!(
        "{TITLE}三、“三公”经费情况\n公务用车购置费预算50万元，主要是办公室应急公务用车购置费30万元，其他车辆20万元。"
    );
    let purchase =
        Concept::ThreePublicItem(fiscal_cn::dimensions::ThreePublicItem::VehiclePurchase);
    assert_eq!(about(&text, &purchase), ["预算50万元"]);
    let refused = declined(&text);
    assert!(refused.iter().any(|d| d.contains("30万元")), "{refused:?}");
    let text = format!(
        "{TITLE}二、支出情况\n支出总计150万元，比上年增加20万元，主要是基本支出增加25万元，项目支出减少5万元。"
    );
    assert_eq!(
        about(&text, &Concept::Expenditure(ExpenditureKind::Basic)),
        ["增加25万元"]
    );
}

/// A text that states two budgets of one thing (年初预算 and 调整预算) may give a completion
/// against either: a rate one of them gives is no error, whichever was stated nearer; a rate
/// neither gives still is.
#[test]
fn a_completion_against_either_of_two_budgets_holds() {
    let text = format!(
        "{TITLE}二、支出情况\n一般公共预算财政拨款支出年初预算100万元，调整预算125万元，决算120万元，为年初预算的120%，完成调整预算的96%。"
    );
    assert!(check_errors(&text).is_empty(), "{:?}", check_errors(&text));
    let text = format!(
        "{TITLE}二、支出情况\n一般公共预算财政拨款支出年初预算100万元，调整预算125万元，决算120万元，为年初预算的110%。"
    );
    let errors = check_errors(&text);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].starts_with("N005") || errors[0].contains("完成率"),
        "{errors:?}"
    );
}

/// A year inside `与…相比` is the one compared with, however many words come between `与` and
/// it (`与市人大审议的2024年执行数相比`): a change against the report's own year is no change
/// against last year, and the year dates nothing.
#[test]
fn a_year_inside_yu_xiangbi_is_compared_with() {
    let text = "2024年度示例局部门决算公开说明\n一、收入情况\n收入总计120万元。与市人大审议的2024年执行数相比，收入总计增加0.2万元，增长0.17%。";
    assert_eq!(about(text, &Concept::IncomeGrandTotal), ["120万元"]);
    let refused = declined(text);
    assert!(refused.iter().any(|d| d.contains("0.2万元")), "{refused:?}");
    let text = "2024年度示例局部门决算公开说明\n一、收入情况\n收入总计120万元，与经审议的2023年决算数相比，增加20万元。";
    assert_eq!(
        about(text, &Concept::IncomeGrandTotal),
        ["120万元", "增加20万元"]
    );
}

/// A thing named between a fund and 支出 (`一般公共预算拨款安排的会议费预算支出`) is what the
/// figure is of, not the fund's expenditure: two such figures of different things are never one
/// figure stated twice.
#[test]
fn a_thing_between_the_fund_and_spending_is_not_the_funds_expenditure() {
    let text = format!(
        "{TITLE}五、其他重要事项\n一般公共预算拨款安排的会议费支出0万元，一般公共预算拨款安排的培训费支出1.63万元。一般公共预算财政拨款总支出120万元。"
    );
    assert_eq!(about(&text, &Concept::FundExpenditure(GPB)), ["120万元"]);
    assert!(check_errors(&text).is_empty(), "{:?}", check_errors(&text));
}

/// A change with no words of its own after the only part a `其中` listing gives so far may be
/// the part's or the whole's, so it is declined (and the rate after it), even when another part
/// follows without a change of its own; when the next part has its own change, each is its
/// part's.
#[test]
fn a_change_after_the_only_listed_part_is_declined() {
    let text = format!(
        "{TITLE}一、收入情况\n收入总计300万元，其中年初结转和结余100万元，较上年增加20万元，增长7.1%。"
    );
    assert_eq!(about(&text, &Concept::IncomeGrandTotal), ["300万元"]);
    let refused = declined(&text);
    assert!(refused.iter().any(|d| d.contains("20万元")), "{refused:?}");
    assert!(check_errors(&text).is_empty(), "{:?}", check_errors(&text));
    // Another part after it, with no change of its own, does not tell whose the change is:
    // 20 is 收入总计's (20 ÷ 280 = 7.1%), not 年初结转和结余's (20 ÷ 80 = 25%).
    let text = format!(
        "{TITLE}一、收入情况\n收入总计300万元，其中年初结转和结余100万元，较上年增加20万元，增长7.1%；本年收入合计200万元。"
    );
    let refused = declined(&text);
    assert!(refused.iter().any(|d| d.contains("20万元")), "{refused:?}");
    assert_eq!(about(&text, &Concept::CurrentIncomeTotal), ["200万元"]);
    assert!(check_errors(&text).is_empty(), "{:?}", check_errors(&text));
    let text = format!(
        "{TITLE}二、支出情况\n本年支出合计300万元，其中：基本支出200万元，比上年增加20万元；项目支出100万元，比上年减少10万元。"
    );
    assert_eq!(
        about(&text, &Concept::Expenditure(ExpenditureKind::Basic)),
        ["200万元", "增加20万元"]
    );
    assert_eq!(
        about(&text, &Concept::Expenditure(ExpenditureKind::Project)),
        ["100万元", "减少10万元"]
    );
    // So it is after the whole's own change, and in a listing that opens a sentence of its own.
    let text = format!(
        "{TITLE}二、支出情况\n本年支出合计300万元，比上年增加30万元，其中基本支出200万元，比上年增加20万元。其中：项目支出100万元，比上年增加10万元。"
    );
    assert_eq!(
        about(&text, &Concept::Expenditure(ExpenditureKind::Basic)),
        ["200万元", "增加20万元"]
    );
    assert_eq!(
        about(&text, &Concept::Expenditure(ExpenditureKind::Project)),
        ["100万元", "增加10万元"]
    );
}

/// An average or a standard per head or item (`人均…费用2.4万元`, `每辆车…1.5万元`,
/// `标准为260元/辆`) is not the thing's total: declined, so no false contradiction with the
/// total and no unit slip.
#[test]
fn averages_and_standards_per_item_are_declined() {
    let text = format!(
        "{TITLE}三、“三公”经费情况\n因公出国（境）费12万元，人均因公出国（境）费用2.4万元。公务用车运行维护费8万元，燃油补贴标准为260元/辆。"
    );
    let abroad =
        Concept::ThreePublicCategory(fiscal_cn::three_public::ThreePublicCategory::OverseasTravel);
    assert_eq!(about(&text, &abroad), ["12万元"]);
    let refused = declined(&text);
    assert!(refused.iter().any(|d| d.contains("2.4万元")), "{refused:?}");
    assert!(refused.iter().any(|d| d.contains("260元")), "{refused:?}");
    let reading = read_narrative(&text, &ReadOptions::default()).expect("reads");
    let report = check(&reading.disclosure, &Policy::default());
    assert_eq!(report.findings.len(), 0, "{report}");
}

/// `在…X中` frames the total its parts are then given of (`在支出合计218万元中，基本支出…`):
/// the figure is the total's.
#[test]
fn a_framed_total_is_the_total() {
    let text = format!(
        "{TITLE}二、支出情况\n在支出合计200万元中，基本支出150万元，占75%；项目支出50万元，占25%。"
    );
    assert_eq!(about(&text, &Concept::CurrentExpenditureTotal), ["200万元"]);
    assert_eq!(
        about(&text, &Concept::Expenditure(ExpenditureKind::Basic)),
        ["150万元", "占75%（本年支出合计）"]
    );
    assert!(check_errors(&text).is_empty(), "{:?}", check_errors(&text));
    // `在职人员` is no frame.
    let text = format!("{TITLE}一、机构情况\n在职人员10人。");
    assert_eq!(bound(&text).len(), 1, "{:?}", bound(&text));
}

/// An ordinal (`第14次会议`, `第3批`) numbers one thing: it is no count.
#[test]
fn ordinals_are_no_counts() {
    let text = format!(
        "{TITLE}一、机构情况\n经区人大常委会第14次会议审议，本单位共有内设机构5个，第3批次接待已完成。"
    );
    let counts: Vec<String> = bound(&text);
    assert_eq!(counts.len(), 1, "{counts:?}");
    assert!(counts[0].ends_with("= 5"), "{counts:?}");
}

/// A listing of one part claims only that the part is within its whole, which it must be; a
/// fund's expenditure lists its 基本支出 and 项目支出 (all of it) or its 功能分类 lines, never
/// both in one sum.
#[test]
fn one_listed_part_is_within_its_whole() {
    let text = format!(
        "{TITLE}二、支出情况\n一般公共预算财政拨款支出629.31万元，其中：基本支出768.93万元。"
    );
    let errors = check_errors(&text);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].contains("768.93"), "{errors:?}");
    let text =
        format!("{TITLE}二、支出情况\n一般公共预算财政拨款支出629.31万元，其中：基本支出500万元。");
    assert!(check_errors(&text).is_empty(), "{:?}", check_errors(&text));
    // 基本 and 项目 together are the whole: 500 + 100 is not 629.31.
    let text = format!(
        "{TITLE}二、支出情况\n一般公共预算财政拨款支出629.31万元，其中：基本支出500万元，项目支出100万元。"
    );
    assert_eq!(check_errors(&text).len(), 1, "{:?}", check_errors(&text));
    // The same expenditure by 类 after its 基本/项目 split is another breakdown, not more parts.
    let text = format!(
        "{TITLE}二、支出情况\n一般公共预算财政拨款支出600万元，其中：基本支出500万元，项目支出100万元；教育支出（类）400万元，社会保障和就业支出（类）200万元。"
    );
    assert!(check_errors(&text).is_empty(), "{:?}", check_errors(&text));
}

/// A change against a plan or target (`较采购计划节约资金5.51万元`) is no change against last
/// year; a level on an adjusted base (`剔除…后，服务类采购同口径规模为…`) is not the thing's
/// own amount; a count in ten thousands (`1.2万人次`) is declined and stops what follows from
/// falling back on an earlier subject.
#[test]
fn plans_adjusted_levels_and_counts_in_ten_thousands_are_declined() {
    let text = format!(
        "{TITLE}六、政府采购情况\n政府采购支出总额38.23万元，较采购计划节约资金5.51万元，节约率14.41%。"
    );
    let refused = declined(&text);
    assert!(
        refused.iter().any(|d| d.contains("5.51万元")),
        "{refused:?}"
    );
    let text = format!(
        "{TITLE}六、政府采购情况\n服务类采购规模为102.19万元；剔除物业费后，服务类采购同口径规模为48.61万元。"
    );
    let refused = declined(&text);
    assert!(
        refused.iter().any(|d| d.contains("48.61万元")),
        "{refused:?}"
    );
    assert!(check_errors(&text).is_empty(), "{:?}", check_errors(&text));
    let text = format!(
        "{TITLE}四、项目支出情况\n项目支出120万元，增长28.8%。全年培训农民1.2万人次，比上年增长20%。"
    );
    assert_eq!(
        about(&text, &Concept::Expenditure(ExpenditureKind::Project)),
        ["120万元", "增长28.8%"]
    );
}

/// Procurement lines listed in sentences of their own (`服务类采购项目148个，…，实际采购金额共计…`)
/// are the lines', not the total's: an amount naming no line after a clause that named one is
/// declined, and procurements counted are no count of the department's projects.
#[test]
fn a_procurement_lines_amount_is_not_the_total() {
    let text = format!(
        "{TITLE}六、政府采购情况\n本年度共采购项目120个，实际采购金额共计500.00万元，节约率为5%，其中货物类采购项目70个，实际采购金额共计300.00万元。\
         服务类采购项目50个，实际采购金额共计200.00万元。\n七、预算绩效管理情况\n本单位开展绩效自评的项目共8个。"
    );
    let total = Concept::Procurement(fiscal_cn::report::ProcurementLine::Total);
    assert_eq!(about(&text, &total), ["500.00万元"]);
    let refused = declined(&text);
    assert!(
        refused.iter().any(|d| d.contains("200.00万元")),
        "{refused:?}"
    );
    assert!(check_errors(&text).is_empty(), "{:?}", check_errors(&text));
    // Each line named in its own words is still that line's, and the total after them, named
    // again as 政府采购, the total's.
    let text = format!(
        "{TITLE}六、政府采购情况\n货物类采购300.00万元，服务类采购200.00万元，政府采购支出总额500.00万元。"
    );
    assert_eq!(about(&text, &total), ["500.00万元"]);
    let services = Concept::Procurement(fiscal_cn::report::ProcurementLine::Services);
    assert_eq!(about(&text, &services), ["200.00万元"]);
}

/// One class of a kind of expenditure (`人员类项目支出`, `运转类项目支出`) is not all of it: the
/// classes listed side by side are never one figure stated three times.
#[test]
fn a_class_of_project_expenditure_is_not_all_of_it() {
    let text = format!(
        "{TITLE}二、支出情况\n项目支出200万元，其中：人员类项目支出50万元，运转类项目支出30万元，特定目标类项目支出120万元。"
    );
    assert_eq!(
        about(&text, &Concept::Expenditure(ExpenditureKind::Project)),
        ["200万元"]
    );
    assert!(check_errors(&text).is_empty(), "{:?}", check_errors(&text));
}

/// A change against 上年 right after last year's level is of the year before it in the
/// sentence (`2024年…300万元，2023年…250万元，较上年增加50万元` is 2024 against 2023), as one
/// against a year by number is.
#[test]
fn a_change_against_last_year_after_its_level_is_the_report_years() {
    let text = "2024年度示例局部门决算公开说明\n一、收入支出情况\n2024年收入总计300万元，2023年收入总计250万元，较上年增加50万元。";
    assert_eq!(
        dated_values(text),
        [
            ("300万元".to_owned(), None),
            ("250万元".to_owned(), Some(2023)),
            ("增加50万元".to_owned(), None),
        ]
    );
    assert!(check_errors(text).is_empty(), "{:?}", check_errors(text));
}

/// A unit given as an example (`例如，某市商务委员会今年的…`) is another unit all the same: its
/// figures are not the text's own.
#[test]
fn a_unit_given_as_an_example_is_another_unit() {
    let text = "示例市财政局2015年部门预算\n一、“三公”经费预算\n本局“三公”经费预算20万元。\n\n例如，示例市商务委员会今年的“三公”经费预算是1542.6万元，比上年减少5%。\n";
    assert_eq!(about(text, &Concept::ThreePublicTotal), ["20万元"]);
    assert!(check_errors(text).is_empty(), "{:?}", check_errors(text));
}

/// A template's fill-in left as printed (`XX（单位名称）`, `20XX年`) is a wording flaw (N017),
/// in the title as in the body.
#[test]
fn template_placeholders_are_flagged() {
    let text = "XX（单位名称）2023年度单位决算情况说明\n一、收入情况\n本年收入合计100万元，较20XX年增加5万元。";
    let reading = read_narrative(text, &ReadOptions::default()).expect("reads");
    let report = check(&reading.disclosure, &Policy::default());
    let flaws: Vec<String> = report
        .findings
        .iter()
        .filter(|f| f.rule == "N017")
        .map(|f| f.message().into_owned())
        .collect();
    assert_eq!(flaws.len(), 2, "{flaws:?}");
    assert!(flaws.iter().all(|m| m.contains("待填写")), "{flaws:?}");
    let text = format!("{TITLE}一、资产情况\n购置X光机2台。");
    let reading = read_narrative(&text, &ReadOptions::default()).expect("reads");
    let report = check(&reading.disclosure, &Policy::default());
    assert!(report.findings.iter().all(|f| f.rule != "N017"), "{report}");
}

/// A count whose measure word comes before what it counts (`下设4个内设机构`) counts the thing
/// named after it, not the words before; two such counts in a row (`2个直属事业单位5个派出机构`)
/// each count their own, the second not named by the first's words.
#[test]
fn a_count_counts_what_follows_its_measure_word() {
    let text = format!(
        "{TITLE}一、部门基本情况\n本局下设4个内设机构，另有2个直属事业单位5个派出机构，现有3所学校。"
    );
    assert_eq!(
        bound(&text),
        [
            "内设机构数 = 4",
            "直属事业单位数 = 2",
            "派出机构数 = 5",
            "学校数 = 3"
        ]
    );
    // The name ends with the thing: a verb after it is no part of it.
    let text = format!("{TITLE}一、部门基本情况\n全局共有6个科室参与预算编制。");
    assert_eq!(bound(&text), ["科室数 = 6"]);
    // `N个X的Y`: the count only says whose Y is; it is not read as a count of X.
    let text = format!("{TITLE}一、部门基本情况\n本局3个科室的人员经费由财政保障。");
    assert!(bound(&text).iter().all(|s| !s.starts_with("科室数")));
    // Words after the measure word that name no organisation, place or project (`从3个增至5个`)
    // name nothing counted.
    let text = format!("{TITLE}一、部门基本情况\n预算超百万元的科室从3个增至5个。");
    assert!(!bound(&text).contains(&"增至数 = 3".to_owned()));
}

/// A bare `财政拨款支出` in final accounts is the year's appropriation expenditure (the three
/// funds together, the 本年支出合计 of 财政拨款收入支出决算总表), with its share, change,
/// budget and completion; so is `本年支出合计` in the 财政拨款 overview. A fund's own
/// (`一般公共预算财政拨款支出`), the grand total (`财政拨款支出总计`) and what is not 财政拨款
/// (`非财政拨款支出`) stay what they were.
#[test]
fn bare_appropriation_expenditure_is_the_years() {
    let text = format!(
        "{TITLE}四、财政拨款支出决算情况说明\n2023年度财政拨款支出1250万元，占本年支出合计的92.59%。与2022年度相比，财政拨款支出增加50万元，增长4.17%。年初预算为1200万元，支出决算完成年初预算的104.17%。"
    );
    assert_eq!(
        about(&text, &Concept::AppropriationExpenditure),
        [
            "1250万元",
            "占92.59%（本年支出合计）",
            "增加50万元",
            "增长4.17%",
            "预算1200万元",
            "完成预算104.17%"
        ]
    );
    assert!(check_errors(&text).is_empty(), "{:?}", check_errors(&text));
    // A wrong rate of it is an error: 50 ÷ 1200 = 4.17%, not 4.71%.
    let wrong = text.replace("增长4.17%", "增长4.71%");
    assert!(
        check_errors(&wrong)
            .iter()
            .any(|e| e.starts_with("本年财政拨款支出的增长率")),
        "{:?}",
        check_errors(&wrong)
    );
    let text = format!(
        "{TITLE}三、财政拨款收入支出决算总体情况说明\n财政拨款收入支出总计均为900万元。本年支出合计850万元，年末结转和结余50万元。其中一般公共预算财政拨款支出800万元，非财政拨款支出60万元。"
    );
    assert_eq!(
        about(&text, &Concept::AppropriationExpenditure),
        ["850万元"]
    );
    assert_eq!(
        about(&text, &Concept::AppropriationExpenditureGrandTotal),
        ["900万元"]
    );
    assert_eq!(about(&text, &Concept::FundExpenditure(GPB)), ["800万元"]);
    assert!(!bound(&text).contains(&"本年财政拨款支出 = 60万元".to_owned()));
    // A part named after `中`/`的` is the part's.
    let text = format!("{TITLE}三、支出决算情况说明\n财政拨款支出中的项目支出300万元。");
    assert!(about(&text, &Concept::AppropriationExpenditure).is_empty());
    // A budget carries nothing into the next year: its 财政拨款支出 is its 财政拨款支出总计.
    let text = "2025年示例局部门预算公开说明\n一、收支预算总体情况\n2025年财政拨款支出4748.35万元，比2024年预算减少19.79万元。";
    assert_eq!(
        about(text, &Concept::AppropriationExpenditureGrandTotal),
        ["4748.35万元", "减少19.79万元"]
    );
}

/// Shares, rates or changes handed out with `分别` and no names of their own (`基本支出A，项目
/// 支出B，分别占x%和y%`) go, in order, to the things whose amounts the sentence has just
/// stated; a run of rates with only a direction after such a hand-out (`分别减少A和B，下降x%和
/// y%`) goes on to the same things. Counts are not handed to amounts, and figures that cannot
/// be paired stay declined.
#[test]
fn figures_handed_out_go_to_the_amounts_just_stated() {
    let text = format!(
        "{TITLE}三、支出决算情况说明\n本年支出合计1350万元，其中：基本支出1000万元，项目支出350万元，分别占74.07%和25.93%。"
    );
    assert_eq!(
        about(&text, &Concept::Expenditure(ExpenditureKind::Basic)),
        ["1000万元", "占74.07%（本年支出合计）"]
    );
    assert_eq!(
        about(&text, &Concept::Expenditure(ExpenditureKind::Project)),
        ["350万元", "占25.93%（本年支出合计）"]
    );
    assert!(check_errors(&text).is_empty(), "{:?}", check_errors(&text));
    let text = format!(
        "{TITLE}三、“三公”经费支出决算情况说明\n公务用车购置及运行维护费30万元，包括公务用车购置费10万元和公务用车运行维护费20万元，与上年相比，分别减少10万元和5万元，下降50%和20%。"
    );
    let purchase =
        Concept::ThreePublicItem(fiscal_cn::three_public::ThreePublicItem::VehiclePurchase);
    let upkeep =
        Concept::ThreePublicItem(fiscal_cn::three_public::ThreePublicItem::VehicleOperation);
    assert_eq!(about(&text, &purchase), ["10万元", "减少10万元", "下降50%"]);
    assert_eq!(about(&text, &upkeep), ["20万元", "减少5万元", "下降20%"]);
    assert!(check_errors(&text).is_empty(), "{:?}", check_errors(&text));
    // Counts after amounts are no shares of them: declined.
    let text = format!(
        "{TITLE}三、“三公”经费支出决算情况说明\n公务用车购置费10万元，公务用车运行维护费20万元，公务用车购置数及保有量分别为1辆和5辆。"
    );
    assert_eq!(about(&text, &purchase), ["10万元"]);
    assert!(declined(&text).iter().any(|d| d.contains("1辆和5辆")));
}

/// A count of another kind of thing than a listing's whole counts ends the listing
/// (`车辆2辆，其中…；单价100万元以上设备0台（套）`): it is read on its own, not declined as an
/// unknown part of the vehicles.
#[test]
fn a_count_of_another_thing_ends_a_listing_of_counts() {
    let text = format!(
        "{TITLE}五、国有资产占用情况\n截至2023年12月31日，共有车辆2辆，其中机要通信用车1辆、应急保障用车1辆；单价100万元以上设备3台（套）。"
    );
    assert_eq!(
        about(
            &text,
            &Concept::Count(fiscal_cn::report::Countable::LargeEquipment)
        ),
        ["3"]
    );
    assert!(declined(&text).is_empty(), "{:?}", declined(&text));
}

/// A fund's money carried in from the year before (`上年结转一般公共预算拨款收入`) is no income
/// of the year: listed beside the year's own, it is declined, not taken for a second figure of
/// the same income; `含上年结转` only says the income includes it.
#[test]
fn a_funds_carried_in_money_is_not_its_income() {
    let text = "一、收入预算\n2025年收入包括：本年政府性基金拨款收入56.10万元、年初结转政府性基金拨款收入12.00万元，\
                上年结余一般公共预算拨款3.40万元。";
    assert_eq!(bound(text), ["收入·政府性基金预算财政拨款收入 = 56.10万元"]);
    assert_eq!(declined(text).len(), 2, "{:?}", declined(text));
    assert!(check_errors(text).is_empty());
    let text = "一、收入决算\n2024年一般公共预算拨款收入（含上年结转）120.50万元。";
    assert!(bound(text).is_empty(), "{:?}", bound(text));
}

/// Words the model has no concept for may name different things in different places: a
/// level of them stated between a change and a rate begins another account (the same words
/// under another fund), whose rate the earlier change says nothing of. A concept of the model
/// is one thing wherever it is stated, so its change and rate still disagree across sentences.
#[test]
fn a_restated_level_of_described_words_begins_another_account() {
    let paragraph = |second: &str| {
        format!(
            "某市2025年1月财政收支情况\n一、财政收入情况\n一般公共预算收入：六县（市）完成8.8亿元，增收1.2亿元，\
             同比增长15.6%。\n政府性基金预算收入：六县（市）完成1.6亿元，{second}。"
        )
    };
    assert!(check_errors(&paragraph("同比下降22.7%")).is_empty());
    // Within one account the change and the rate still meet.
    let errors = check_errors(&paragraph("减收0.5亿元，同比增长22.7%"));
    assert!(errors.iter().any(|e| e.contains("方向矛盾")), "{errors:?}");
    let text = "一、收入支出决算总体情况\n2024年度收入总计500.00万元，比上年增加50.00万元。\
                本年收入合计450.00万元。收入总计500.00万元，比上年下降25.0%。";
    let errors = check_errors(text);
    assert!(errors.iter().any(|e| e.contains("方向矛盾")), "{errors:?}");
}

/// A change against a figure reported earlier for the same year (`比向人代会报告数据增加`,
/// `较预计执行数减少`, `比快报数`) is no change against last year: declined. Last year's
/// execution (`比上年执行数`, a year named before the report's) is last year's actual.
#[test]
fn a_change_against_an_earlier_estimate_is_declined() {
    let text = "关于某县2023年财政决算的报告\n一、一般公共预算收支决算情况\n\
                全县一般公共预算收入完成52000万元，比向县人代会报告数增加800万元，比上年增长5.0%。\n\
                税收收入31000万元，较预计执行数减少120万元。";
    assert_eq!(
        declined_reasons(text),
        [
            UnparsedReason::AgainstAnEstimate,
            UnparsedReason::AgainstAnEstimate
        ]
    );
    assert!(check_errors(text).is_empty(), "{:?}", check_errors(text));
    let text = "某局2025年部门预算公开说明\n一、收支预算总体情况\n2025年收入预算300.00万元，比2024年执行数增加20.00万元；\
                支出预算300.00万元，比上年执行数增加20.00万元。";
    assert!(
        declined_reasons(text).is_empty(),
        "{:?}",
        declined_reasons(text)
    );
}

/// A figure whose unit is lost (`70,734,万元`) is declined, and so are the rates after it in
/// its sentence: they never fall back on a subject of an earlier sentence.
#[test]
fn rates_after_a_figure_without_its_unit_find_no_earlier_subject() {
    let text = "一、收入支出决算总体情况\n2024年度收入总计500.00万元。\
                支出：全区政府性基金预算支出70,734,万元，为预算的100%，比上年下降25.8%。";
    assert_eq!(bound(text), ["收入总计 = 500.00万元"]);
    assert_eq!(declined(text).len(), 3, "{:?}", declined(text));
}

/// A sentence opening with a sibling of the parts the previous sentence's `其中` listing named
/// goes on with that listing: its figure is a part of the listing's whole (declined with a
/// whole not understood), a change of the side in general opening the sentence after is the
/// whole's, and a change without words is the sibling's. A numbered sentence is an item of its
/// own enumeration.
#[test]
fn a_sibling_opening_the_next_sentence_goes_on_with_the_listing() {
    let unread = "某局2024年部门预算公开说明\n三、支出预算情况\n城乡社区公共设施维护费938.35万元；其中：基本支出402.46万元；\
                  比2023年减少4.41万元。项目支出535.89万元，比2023年减少115.5万元。";
    assert!(bound(unread).is_empty(), "{:?}", bound(unread));
    let understood = |last: &str| {
        bound(&format!(
            "某局2024年部门决算公开说明\n三、财政拨款支出决算情况\n2024年度一般公共预算财政拨款支出500.00万元，\
             其中：基本支出320.00万元。项目支出180.00万元。{last}"
        ))
    };
    let listed = [
        "一般公共预算财政拨款支出 = 500.00万元",
        "一般公共预算财政拨款基本支出 = 320.00万元",
        "一般公共预算财政拨款项目支出 = 180.00万元",
    ];
    assert_eq!(
        understood("较上年减少15.50万元。"),
        [
            &listed[..],
            &["一般公共预算财政拨款项目支出 = 减少15.50万元"]
        ]
        .concat()
    );
    assert_eq!(
        understood("支出较上年增加40.00万元。"),
        [&listed[..], &["一般公共预算财政拨款支出 = 增加40.00万元"]].concat()
    );
    let numbered = "某中学2022年度部门决算说明\n一、收入支出决算总体情况说明\n（一）收入总计7178.87万元，包括：\n\
                    1.财政拨款收入5951.32万元。其中：一般公共预算财政拨款收入5951.32万元，政府性基金预算财政拨款收入0万元。\n\
                    2.事业收入120.00万元。";
    assert!(
        bound(numbered).contains(&"收入·事业收入 = 120.00万元".to_owned()),
        "{:?}",
        bound(numbered)
    );
}

/// A figure of one unit under the disclosure's (`下属区军休中心公务用车保有量2辆`) is that unit's,
/// declined, not a second figure of the department's; a count of such units (`下属事业单位4个`)
/// and the units all together (`所属各预算单位共有车辆`) are not one unit's.
#[test]
fn a_subordinate_units_figure_is_not_the_departments() {
    let text = "某区退役军人事务局2023年度部门决算说明\n一、“三公”经费情况说明\n2023年末公务用车保有量5辆。\
                下属区军休中心公务用车保有量2辆，所属示范小学公务接待费0.50万元。";
    assert_eq!(bound(text), ["年末公务用车数 = 5"]);
    assert!(check_errors(text).is_empty(), "{:?}", check_errors(text));
    let text = "某区退役军人事务局2023年度部门决算说明\n一、部门基本情况\n本局下属事业单位4个。\n\
                二、“三公”经费情况说明\n本局所属各预算单位共有公务用车5辆。";
    assert_eq!(
        bound(text),
        ["本局下属事业单位数 = 4", "年末公务用车数 = 5"]
    );
}

/// The budget as the year's plan or task (`完成年初预算计划X万元的Y%`, `完成全年预算任务的Y%`)
/// is the subject's budget and its completion, as `完成预算X万元的Y%` is; the older fund name
/// `公共预算` (`公共预算收入`, `公共财政预算收入`) names the fund, not a budget, so its amount
/// is what was collected.
#[test]
fn budget_as_a_plan_and_the_older_fund_name() {
    let text = "关于某乡2021年财政预算执行情况的报告\n一、收入情况\n全乡公共预算收入完成2310万元，完成年初预算计划2800万元的82.5%。\
                非税收入450万元，完成全年预算任务的90.0%。\n二、支出情况\n全乡公共财政预算支出3100万元，其中公共预算支出2950万元。";
    assert_eq!(
        bound(text),
        [
            "全乡公共预算收入完成 = 2310万元",
            "全乡公共预算收入完成 = 预算2800万元",
            "全乡公共预算收入完成 = 完成预算82.5%",
            "非税收入 = 450万元",
            "非税收入 = 完成预算90.0%",
            "全乡公共财政预算支出 = 3100万元",
            "公共预算支出 = 2950万元",
        ]
    );
    // 2310 / 2800 = 82.5%: the completion holds; stated as 85.2% it does not.
    assert!(check_errors(text).is_empty(), "{:?}", check_errors(text));
    let wrong = text.replace("82.5%", "85.2%");
    let errors = check_errors(&wrong);
    assert!(
        errors.len() == 1 && errors[0].contains("公布 85.2%"),
        "{errors:?}"
    );
}

/// Counts of staff and of the things a count's words name:
/// - `实有人数` right after a count of one kind of posts, up to a `；`, is that kind's
///   (`行政编制6人，实有人数5人；事业编制20人，实有人数18人`), not one figure stated twice;
///   after posts of no kind, or after a `；`, it stays the unit's;
/// - persons counted under a thing's name are its people (`办事科2人`, `脱贫户25人`), not a
///   number of such things;
/// - `N个X、M个Y` counts each X and Y by the noun after its measure word, and a project's
///   indicators (`本项目设置绩效指标6个`) are no count of projects.
#[test]
fn staff_by_kind_persons_of_a_thing_and_listed_counts() {
    let text = "某县文化馆2022年度部门决算说明\n一、部门基本情况\n本馆行政编制6人，实有人数5人；事业编制20人，实有人数18人。\
                办事科2人。编制人数26人，实有人数23人。";
    assert_eq!(
        bound(text),
        [
            "本馆行政编制数 = 6",
            "行政编制实有人数 = 5",
            "事业编制数 = 20",
            "事业编制实有人数 = 18",
            "办事科人数 = 2",
            "编制人数 = 26",
            "实有人数 = 23",
        ]
    );
    let text = "某项目2022年度绩效自评报告\n一、绩效目标完成情况\n本项目设置绩效指标6个，包括2个产出指标、3个效益指标和1个满意度指标。\
                全年带动12户脱贫户25人增收。";
    assert_eq!(
        bound(text),
        [
            "本项目设置绩效指标数 = 6",
            "产出指标数 = 2",
            "效益指标数 = 3",
            "满意度指标数 = 1",
            "脱贫户数 = 12",
            "脱贫户人数 = 25",
        ]
    );
}

/// A performance self-evaluation (`…绩效自评报告`, or a body that speaks of its 自评 twice) is
/// what it is, not a budget because it speaks of 预算数 and 执行率: its amounts were spent,
/// and its completion rates are read. A department's final accounts keep their kind however
/// much their 绩效 section speaks of 自评. A score is no subject of the amounts after it.
#[test]
fn a_self_evaluation_is_neither_a_budget_nor_final_accounts() {
    let text = "某县农业农村局关于2023年度耕地地力保护补贴资金绩效自评报告\n一、基本情况\n\
                本项目自评得分为92分。全年预算数为300万元，执行数为288万元，预算执行率为96%。";
    assert_eq!(entity(text).2, DisclosureKind::PerformanceSelfEvaluation);
    let statements = bound(text);
    assert_eq!(statements.len(), 4, "{statements:?}");
    assert_eq!(statements[0], "本项目自评得分 = 92分");
    // The three figures after the score share a subject of their own, not the score's.
    let subject = statements[1].split(" = ").next().unwrap_or_default();
    assert!(!subject.contains("得分"), "{statements:?}");
    assert_eq!(
        statements[1..],
        [
            format!("{subject} = 预算300万元"),
            format!("{subject} = 288万元"),
            format!("{subject} = 完成预算96%"),
        ]
    );
    // 288 / 300 = 96%: the rate holds; stated as 90% it does not.
    assert!(check_errors(text).is_empty(), "{:?}", check_errors(text));
    assert_eq!(check_errors(&text.replace("96%", "90%")).len(), 1);
    let untitled = "一、自评结论\n2022年度项目自评得分88分。\n二、项目执行情况\n全年预算数为50万元，执行数为45万元。\n三、自评发现的问题\n无。";
    assert_eq!(
        entity(untitled).2,
        DisclosureKind::PerformanceSelfEvaluation
    );
    let final_accounts = "某县农业农村局2023年度部门决算\n七、预算绩效情况说明\n本部门组织对12个项目开展绩效自评，自评覆盖率100%。\
                          自评结果显示项目执行良好。";
    assert_eq!(entity(final_accounts).2, DisclosureKind::FinalAccounts);
}

/// A budget's `本年收入预算`, `本年支出预算` are the year's own income and expenditure (本年收入
/// 合计, 本年支出合计), without what is carried in; `收入预算` and `本年度收入预算` are the totals.
#[test]
fn a_budgets_own_year_totals() {
    let text = "某县第二中学2025年部门预算\n一、收入预算\n本年收入预算860.00万元，上年结转结余40.00万元，收入预算900.00万元。\
                本年度支出预算900.00万元。";
    assert_eq!(
        bound(text),
        [
            "本年收入合计 = 860.00万元",
            "年初结转和结余 = 40.00万元",
            "收入总计 = 900.00万元",
            "支出总计 = 900.00万元",
        ]
    );
}

/// A government's report balances each budget by adding to its revenue what else came in:
/// `收入A，加上B、C和D，收入总计T` claims T = A + B + C + D, also when `加上` opens the sentence
/// after the paragraph's first (`收入A，同比增长x%。加上…`). Not after a part of A
/// (`其中：…a。加上…`), nor when more than one amount comes before `加上`, nor when the addition
/// lists parts of its items (`（其中…）`). The items are described without the words joining
/// them (`加上`, `以及`, `和`; `加上年结余` adds `上年结余`).
#[test]
fn additions_claim_their_total() {
    let heading = "关于某县2024年预算执行情况的报告\n一、一般公共预算\n";
    let holds = format!(
        "{heading}全县一般公共预算收入20.5亿元，加上上级补助收入30.2亿元、债务转贷收入4.3亿元以及调入资金1.0亿元和上年结余收入0.8亿元，收入总计56.8亿元。"
    );
    assert_eq!(
        bound(&holds)[1..],
        [
            "上级补助收入 = 30.2亿元",
            "债务转贷收入 = 4.3亿元",
            "调入资金 = 1.0亿元",
            "上年结余收入 = 0.8亿元",
            "收入总计 = 56.8亿元",
        ]
    );
    assert!(
        check_errors(&holds).is_empty(),
        "{:?}",
        check_errors(&holds)
    );
    // 20.5 + 30.2 + 4.3 + 1.0 + 0.8 = 56.8, at most 57.05 with rounding: 58.0 cannot be.
    let wrong = holds.replace("56.8亿元", "58.0亿元");
    assert_eq!(check_errors(&wrong).len(), 1, "{:?}", check_errors(&wrong));
    let next_sentence = format!(
        "{heading}全县一般公共预算收入20.5亿元，同比增长5.2%。加上级补助收入30.2亿元，收入总计52.0亿元。"
    );
    // 20.5 + 30.2 = 50.7, not 52.0.
    assert_eq!(check_errors(&next_sentence).len(), 1);
    for not_added in [
        // 52.0 is 20.5 + 30.2 + 1.3: the 1.3 is a part of 20.5's, not what was added to.
        format!(
            "{heading}全县一般公共预算收入21.8亿元，同比增长5.2%。其中：税收收入20.5亿元。加上上级补助收入30.2亿元，收入总计52.0亿元。"
        ),
        format!(
            "{heading}全县税收收入15.0亿元，非税收入5.5亿元，加上上级补助收入30.2亿元，收入总计52.0亿元。"
        ),
        format!(
            "{heading}全县一般公共预算收入20.5亿元，加上上级补助收入31.5亿元（其中一般性转移支付25.0亿元），收入总计52.0亿元。"
        ),
        // A total of the other side is no sum of what was added to the revenue.
        format!(
            "{heading}全县一般公共预算收入20.5亿元，加上上级补助收入30.2亿元，支出合计48.0亿元。"
        ),
    ] {
        assert!(
            check_errors(&not_added).is_empty(),
            "{:?}",
            check_errors(&not_added)
        );
    }
}

/// A numbered heading the layout left on its body's line, a run of spaces apart
/// (`二、收入预算情况说明     本单位收入预算…`), is a heading: its words do not become the
/// subject of the body's first figure.
#[test]
fn a_heading_spaces_apart_from_its_body() {
    let text = "某社区卫生服务中心2022年部门预算\n二、收入预算情况说明     本单位2022年收入预算5000.00万元，其中：财政拨款收入4800.00万元，其他收入200.00万元，占4.00%。\n\
                三、支出预算情况说明\n本单位2022年支出预算5000.00万元。";
    assert_eq!(
        bound(text),
        [
            "收入总计 = 5000.00万元",
            "本年财政拨款收入 = 4800.00万元",
            "收入·其他收入 = 200.00万元",
            "收入·其他收入 = 占4.00%（收入总计）",
            "支出总计 = 5000.00万元",
        ]
    );
    // 200 / 5000 = 4.00%; stated 4.10% it is wrong, and found.
    assert_eq!(check_errors(&text.replace("4.00%", "4.10%")).len(), 1);
}

/// A count at the end of a range (`给予2-12个月`, `培训3至5次`) or a round one (`约50人`) is
/// declined like such an amount; in a government's report a count names what follows its
/// measure word (`172个部门（单位）整体和579个项目`), not the words before it.
#[test]
fn counts_in_ranges_and_a_governments_counts() {
    let text = "某局2023年度部门决算\n一、部门基本情况\n给予2-12个月补助。培训3至5次。参训约50人。全年接待12批次。";
    assert_eq!(bound(text), ["国内公务接待批次 = 12"]);
    assert_eq!(declined(text).len(), 3, "{:?}", declined(text));
    let text = "关于某市2024年预算执行情况的报告\n一、预算绩效管理\n对172个部门（单位）整体和579个项目开展绩效自评。";
    assert_eq!(bound(text), ["部门数 = 172", "项目数 = 579"]);
}

/// Things counted in some state are some of them (`1个项目已完工，3个项目已开工`), not the
/// department's count stated three times; an amount after a count the text describes in its
/// own words is no amount of that count; a work target's completion (`完成目标任务154.4%`)
/// is no budget's.
#[test]
fn counts_in_a_state_and_what_follows_counts() {
    let text = "某局2023年度部门决算\n一、重点工作\n全年实施项目8个。截至年底，1个项目已完工，3个项目已开工，4个项目正在积极推进。";
    assert_eq!(bound(text), ["项目数 = 8"]);
    assert!(check_errors(text).is_empty(), "{:?}", check_errors(text));
    assert_eq!(
        declined_reasons(text)
            .iter()
            .filter(|r| matches!(r, UnparsedReason::CountInAState { .. }))
            .count(),
        3
    );
    // In a government's text too; `已有` after the things counted begins what they have.
    let text = "关于某市2024年“三公”经费预算的说明\n一、总体情况\n98个市级部门已有42个部门公开预算，其中2个部门无出国计划，18家单位没有公车。";
    assert_eq!(bound(text), ["市级部门数 = 98", "部门数 = 42"]);
    let text = "某局2023年度部门决算\n一、重点工作\n对118家企业研发投入进行补助。安排资金2111万元，支持人才计划。\
                争取水利资金3.59亿元，完成目标任务154.4%，同比增长12.0%。";
    let statements = bound(text);
    // The target's completion is declined; the growth after it is still the funds'.
    assert!(
        statements.contains(&"争取水利资金 = 增长12.0%".to_owned()),
        "{statements:?}"
    );
    assert!(
        statements.iter().all(|s| !s.starts_with("企业数 = 2111")),
        "{statements:?}"
    );
    assert!(
        declined_reasons(text)
            .iter()
            .any(|r| matches!(r, UnparsedReason::CompletionOfATarget { .. })),
        "{:?}",
        declined_reasons(text)
    );
    // Revenue's target is its budget: its completion is read.
    let revenue = "关于某旗2023年上半年预算执行情况的报告\n一、收入\n旗本级一般公共预算收入完成19.8亿元，完成年初目标任务的55.6%。";
    assert!(
        bound(revenue)
            .iter()
            .any(|s| s.ends_with("= 完成预算55.6%")),
        "{:?}",
        bound(revenue)
    );
}

/// An audit office's report on a government's budget (`审计查出问题的整改情况`, `现将审计情况
/// 报告如下`) is read as a government's text, not a department's: its counts of units and
/// projects are the ones audited.
#[test]
fn an_audit_report_is_no_departments_text() {
    let text = "一、2021年度省级预算执行审计查出问题的整改情况\n省审计厅对28个单位开展了审计，3个项目已整改。";
    assert!(entity(text).2.is_government(), "{:?}", entity(text));
    let text = "受县人民政府委托，现将2022年度县级预算执行和其他财政收支的审计情况报告如下：\n\
                一、县级财政管理审计情况\n县本级一般公共预算收入12.5亿元。";
    assert!(entity(text).2.is_government(), "{:?}", entity(text));
}

/// A budget's heading running on into its figure's dated words without a colon
/// (`(一)收入预算2026年年初预算数1200.00万元`) names its total, as with a colon.
#[test]
fn a_budget_heading_run_on_into_its_figure() {
    let text = "某镇2026年部门预算\n二、收支预算总体情况\n(一)收入预算2026年年初预算数1200.00万元，其中：一般公共预算拨款1100.00万元，政府性基金预算拨款100.00万元。\n\
                (二)支出预算2026年年初预算数1200.00万元。";
    assert_eq!(
        bound(text),
        [
            "收入总计 = 1200.00万元",
            "收入·一般公共预算财政拨款收入 = 1100.00万元",
            "收入·政府性基金预算财政拨款收入 = 100.00万元",
            "支出总计 = 1200.00万元",
        ]
    );
}

/// A web page's trail of where it stands (`当前位置：首页>>…>>2018年预决算>>2017年部门决算`) is
/// no title: the report's year and name are its own title's below it.
#[test]
fn a_breadcrumb_is_no_title() {
    let text = "当前位置:首页>>政务公开>>财政信息>>预算决算>>2018年预决算>>2017年部门决算\n\
                某市水务局2017年部门决算编制说明\n一、收入支出决算总体情况\n2017年度收入总计500.00万元。";
    assert_eq!(
        entity(text),
        ("某市水务局".into(), 2017, DisclosureKind::FinalAccounts)
    );
    assert_eq!(dated_values(text), [("500.00万元".to_owned(), None)]);
}

/// A rate between amounts in a unit coarser than the text's (`164.6亿元` beside figures in
/// 万元, which 万元 cannot hold at 0.1亿元) is checked in the unit they share, as printed:
/// completions, shares and growth rates, whether the reader paired them or the rules did.
#[test]
fn rates_between_amounts_of_a_coarser_unit() {
    let text = "关于某市2019年预算执行情况的报告\n一、国有资本经营预算\n国有资本经营预算收入328万元。\n\
                二、社会保险基金预算\n社会保险基金预算收入年初预算为153.8亿元，实际完成164.6亿元，为预算的107.0%。\
                社会保险基金预算支出158.2亿元，比上年增加10.2亿元，增长6.9%。";
    assert!(check_errors(text).is_empty(), "{:?}", check_errors(text));
    // 164.6 / 153.8 = 107.02%: 107.2% is wrong whatever the unit.
    let completion = text.replace("107.0%", "107.2%");
    assert_eq!(
        check_errors(&completion).len(),
        1,
        "{:?}",
        check_errors(&completion)
    );
    // 10.2 / (158.2 − 10.2) = 6.89%: 7.9% is wrong.
    let growth = text.replace("6.9%", "7.9%");
    assert_eq!(
        check_errors(&growth).len(),
        1,
        "{:?}",
        check_errors(&growth)
    );
    let department = "某医院2021年度单位决算\n一、支出决算情况\n本年支出合计218.78亿元，其中：基本支出188.89亿元，占86.34%；\
                      项目支出29.89亿元，占13.66%。上年结转0.50万元。";
    assert!(
        check_errors(department).is_empty(),
        "{:?}",
        check_errors(department)
    );
    let share = department.replace("86.34%", "90.66%");
    assert_eq!(check_errors(&share).len(), 1, "{:?}", check_errors(&share));
}

/// Words the model has no concept for name what they name in their own section only: a
/// government's `收入总计` under one fund is not the one under the next, so a completion rate
/// under the second is not checked against the first's budget.
#[test]
fn described_words_pair_within_their_section() {
    let text = "关于某县2023年预算执行情况的报告\n一、一般公共预算\n收入总计100亿元，年初预算90亿元，完成预算111.1%。\n\
                二、政府性基金预算\n收入总计50亿元，完成预算80%。";
    assert!(check_errors(text).is_empty(), "{:?}", check_errors(text));
    // Within its section the completion is still checked: 100 / 90 = 111.1%, not 121.1%.
    assert_eq!(check_errors(&text.replace("111.1%", "121.1%")).len(), 1);
}

/// A year after `是`/`为` that a `的` follows (`是2018年的3倍`, `为2022年的85%`) is the base of
/// a comparison, not the year of what the sentence goes on to state.
#[test]
fn the_year_of_a_multiple_dates_nothing() {
    let text = "某局2019年度部门决算\n一、工作情况\n安排贴息资金3亿元，是2018年的3倍，累计拨付贴息资金2.2亿元。";
    assert_eq!(
        dated_values(text),
        [("3亿元".to_owned(), None), ("2.2亿元".to_owned(), None)]
    );
}

/// A clause without a figure that says nothing was spent on a 三公 item this year
/// (`未购置公务用车`, `未发生…费`, `无新购车辆`) states that item as zero; one that names another
/// year, an exception, a plan or a rule states nothing.
#[test]
fn nothing_spent_on_an_item_is_a_zero() {
    let purchase =
        Concept::ThreePublicItem(fiscal_cn::dimensions::ThreePublicItem::VehiclePurchase);
    let reception =
        Concept::ThreePublicCategory(fiscal_cn::dimensions::ThreePublicCategory::OfficialReception);
    let overseas =
        Concept::ThreePublicCategory(fiscal_cn::dimensions::ThreePublicCategory::OverseasTravel);
    let zero = |text: &str, concept: &Concept| about(&format!("{TITLE}{text}"), concept);
    for text in [
        "公务用车运行维护费3.2万元，本年度未购置公务用车。",
        "2023年无新购车辆，公务用车运行维护费3.2万元。",
        "公务用车运行维护费3.2万元，未发生公务用车购置费支出。",
        "公务用车运行维护费3.2万元；当年未新购置公务用车。",
    ] {
        assert_eq!(zero(text, &purchase), ["0万元"], "{text}");
    }
    assert_eq!(
        zero("全年未发生因公出国（境）费、公务接待费支出。", &overseas),
        ["0万元"]
    );
    assert_eq!(
        zero("全年未发生因公出国（境）费、公务接待费支出。", &reception),
        ["0万元"]
    );
    for (text, concept) in [
        (
            "上年未购置公务用车，本年公务用车运行维护费3.2万元。",
            &purchase,
        ),
        (
            "2022年未购置公务用车，公务用车运行维护费3.2万元。",
            &purchase,
        ),
        ("严格控制公务用车，未经批准不得购置公务用车。", &purchase),
        ("本年度无因公出国（境）计划。", &overseas),
        ("除公务接待费外，未发生其他“三公”经费支出。", &reception),
        ("未发生其他支出。", &reception),
    ] {
        assert!(zero(text, concept).is_empty(), "{text}");
    }
}

/// A 三公 total joined to other expenses by its name (`“三公”经费及会议费、培训费合计`), or
/// listed with them as parts (`…其中：…公务接待费a、会议费b`), is a larger sum than 三公经费:
/// no figure of it is the 三公 total.
#[test]
fn three_public_with_other_expenses_is_no_three_public_total() {
    let text = format!("{TITLE}“三公”经费和会议费、培训费支出合计86.4万元，比上年减少7.2万元。");
    assert!(about(&text, &Concept::ThreePublicTotal).is_empty());
    assert!(matches!(
        declined_reasons(&text)[0],
        UnparsedReason::JoinedToMore { .. }
    ));
    let text = format!(
        "{TITLE}本年三公经费支出合计为64.5万元，其中：公务用车运行维护费30万元、公务接待费12.5万元、培训费22万元。2022年三公经费支出合计为40万元。三公经费支出比上年增加2.5万元。"
    );
    // 30 + 12.5 − 40 = 2.5: the change is of 三公 proper, not of the 64.5 that holds 培训费.
    assert_eq!(
        about(&text, &Concept::ThreePublicTotal),
        ["40万元", "增加2.5万元"]
    );
    assert_eq!(
        about(&text, &Concept::Other("“三公”经费及培训费等".to_owned())),
        ["64.5万元"]
    );
    assert!(check_errors(&text).is_empty(), "{:?}", check_errors(&text));
}

/// A government's report on one year's execution and the next year's draft budget is of the
/// year drafted; a title broken after a joining word goes on on the next line; words of a
/// kind of report before the year name no department; a self-evaluation form is one even
/// when it names the department budget it evaluates; what a text cites in `《…》` does not
/// say what it is.
#[test]
fn report_years_kinds_and_names_from_their_titles() {
    let (_, year, kind) =
        entity("关于示例县2025年预算执行情况和2026年预算草案的报告\n各位代表：\n全县收入40亿元。");
    assert_eq!((year, kind), (2026, DisclosureKind::GovernmentBudget));
    let (_, year, kind) = entity(
        "示例区2024年预算执行情况和\n2025年预算（草案）的报告\n各位代表：\n全区收入40亿元。",
    );
    assert_eq!((year, kind), (2025, DisclosureKind::GovernmentBudget));
    let (name, year, kind) = entity(
        "关于示例区2024年财政决算及\n2025年上半年预算执行情况的报告\n全区一般公共预算收入40亿元。",
    );
    assert_eq!(
        (name.as_str(), year, kind),
        ("示例区", 2024, DisclosureKind::GovernmentFinalAccounts)
    );
    let (name, year, kind) = entity(
        "部门预算项目支出绩效自评表（2024年度）\n项目名称\n办公运行经费\n年度资金总额：12万元",
    );
    assert_eq!(
        (name.as_str(), year, kind),
        ("", 2024, DisclosureKind::PerformanceSelfEvaluation)
    );
    let (_, _, kind) = entity(
        "附件：项目支出绩效自评表（2023年度） 项目名称 设备购置项目 主管部门 示例局 年度资金总额：8万元",
    );
    assert_eq!(kind, DisclosureKind::PerformanceSelfEvaluation);
    let (_, _, kind) = entity(
        "按照《中华人民共和国预算法》和《预算管理办法》要求，现将2023年度决算情况说明如下：收入合计100万元。",
    );
    assert_eq!(kind, DisclosureKind::FinalAccounts);
}

/// A paired listing whose figures a comma separates (`收、支总计各是A,B万元`, as texts in ASCII
/// punctuation print it) hands them out in order, as `、` does.
#[test]
fn a_listing_separated_by_commas_is_handed_out_in_order() {
    let text = format!(
        "{TITLE}一、收入支出决算总体情况说明\n2023年度收、支总计各是512.36,498.02万元。与2022年相比,收、支总计各增加12.36,8.02万元,各增长2.47%、1.64%。"
    );
    assert_eq!(
        about(&text, &Concept::IncomeGrandTotal),
        ["512.36万元", "增加12.36万元", "增长2.47%"]
    );
    assert_eq!(
        about(&text, &Concept::ExpenditureGrandTotal),
        ["498.02万元", "增加8.02万元", "增长1.64%"]
    );
}

/// A department's name as the text names it: without a page's label and table rules around it,
/// a code before it or a word of kind after it; none when only such words are left; with its
/// province when the text never names it without.
#[test]
fn department_names_without_what_the_page_put_around_them() {
    let name = |title: &str| entity(&format!("{title}\n一、总体情况\n收入合计52万元。")).0;
    assert_eq!(name("示例县水利局单位2025年部门预算"), "示例县水利局");
    assert_eq!(name("示例市某卫生院部门2023年度决算公开"), "示例市某卫生院");
    assert_eq!(name("标题： | 示例镇2024年部门预算 |"), "示例镇");
    assert_eq!(
        name("| 名称: | 关于示例旗2024年预算执行情况和2025年预算草案的报告 |"),
        "示例旗"
    );
    assert_eq!(name("2023年政府决算公开"), "");
    assert_eq!(name("关于2024年中央本级经济分类支出决算的说明"), "中央本级");
    // The province stays when every mention carries it (`徽州` is no county).
    assert_eq!(
        name("示例省徽州师范学校2022年度部门决算"),
        "示例省徽州师范学校"
    );
    let coded = "部门预算项目支出绩效自评表（2023年度）\n主管部门：411001-示例县示例乡人民政府\n年度资金总额：12万元";
    assert_eq!(entity(coded).0, "示例县示例乡人民政府");
}

/// The classes of the economic classification (`工资福利支出`, `商品和服务支出`, by the
/// catalog's names) are read as parts of basic expenditure where the text says they are of it:
/// listed under a 基本支出, in a section about it, or in their own words. Elsewhere (under a
/// 项目支出, or in a fund's expenditure by economic class, which holds project spending too)
/// they are known by their words only.
#[test]
fn economic_classes_of_basic_expenditure() {
    use fiscal_cn::classification::DepartmentEconomicCode;
    let class = |code: &str| Concept::BasicEconomicClass {
        fund: Some(GPB),
        code: code.parse::<DepartmentEconomicCode>().unwrap(),
    };
    let text = "2024年度示例中心部门预算\n三、一般公共预算基本支出情况\n2024年一般公共预算基本支出预算400万元，其中：工资福利支出300万元，占基本支出预算的75%；商品和服务支出70万元，占17.5%；对个人和家庭的补助30万元，占7.5%。";
    assert_eq!(
        about(text, &class("301")),
        ["300万元", "占75%（一般公共预算财政拨款基本支出）"]
    );
    assert_eq!(
        about(text, &class("302")),
        ["70万元", "占17.5%（一般公共预算财政拨款基本支出）"]
    );
    assert_eq!(
        about(text, &class("303")),
        ["30万元", "占7.5%（一般公共预算财政拨款基本支出）"]
    );
    assert!(check_errors(text).is_empty(), "{:?}", check_errors(text));
    // 70 / 400 = 17.5%, not 18.5%.
    let wrong = text.replace("占17.5%", "占18.5%");
    assert!(
        check_errors(&wrong)
            .iter()
            .any(|e| e.contains("公布 18.5%，按公布金额计算为 17.5%")),
        "{:?}",
        check_errors(&wrong)
    );
    // A class opening the next sentence goes on with the listing.
    let text = "2024年度示例中心部门预算\n二、支出预算情况\n基本支出预算500万元。其中：工资福利支出预算420万元。商品和服务支出预算80万元，占基本支出预算16%。";
    let department = |code: &str| Concept::BasicEconomicClass {
        fund: None,
        code: code.parse::<DepartmentEconomicCode>().unwrap(),
    };
    assert_eq!(about(text, &department("301")), ["420万元"]);
    assert_eq!(
        about(text, &department("302")),
        ["80万元", "占16%（支出·基本支出）"]
    );
    // Under a 项目支出, or in a section about a fund's whole expenditure: words only.
    let text = "2024年度示例中心部门预算\n二、支出预算情况\n项目支出预算50万元，其中：商品和服务支出预算50万元，占项目支出预算100%。\n四、一般公共预算支出经济分类情况\n工资福利支出320万元，资本性支出80万元。";
    let reading = read_narrative(text, &ReadOptions::default()).unwrap();
    assert!(
        reading
            .disclosure
            .statements
            .iter()
            .all(|s| !matches!(s.concept, Concept::BasicEconomicClass { .. })),
        "{:?}",
        bound(text)
    );
    assert!(
        bound(text)
            .iter()
            .any(|b| b.starts_with("工资福利支出 = 320万元")),
        "{:?}",
        bound(text)
    );
}

/// `本年收入`, `本年支出` name the year's totals as the whole of a share (`占本年收入63%`).
#[test]
fn the_years_income_as_a_shares_whole() {
    let text = format!(
        "{TITLE}一、收入决算情况说明\n本年收入合计300万元，其中：财政拨款收入270万元，占本年收入90%。"
    );
    assert_eq!(
        about(&text, &Concept::AppropriationIncome),
        ["270万元", "占90%（本年收入合计）"]
    );
}
