//! The words a narrative names a concept with, where the words alone tell which concept
//! (no fund, section or listing needs to be known): `本年收入合计`, `公务接待费`,
//! `机关运行经费`, `年初结转和结余`, … The reader tries the groups at fixed points of its
//! reading, each group's rows in order, and takes the first row one of whose words the text
//! contains; so a longer phrase comes before a shorter one it contains (`国内公务接待` before
//! `公务接待`). Adding a wording is adding a word to a row.

use crate::dimensions::{
    BasicExpenditureClass, ExpenditureKind, FundType, IncomeSource,
    ThreePublicCategory as Category, ThreePublicItem as Item,
};
use std::borrow::Cow;

use crate::classification::{Catalog, DepartmentEconomicCode, FunctionCode};
use crate::report::{Concept, DisclosureKind, ProcurementLine};
use crate::vocabulary::reason::UnparsedReason;
use crate::vocabulary::words::{COMPARISON_WORDS, is_generic, strip_quotes};

/// A concept and the words that name it.
pub(crate) type NamedConcept = (&'static [&'static str], Concept);

/// The year's totals, named before anything more specific is looked for.
pub(crate) static YEAR_TOTALS: &[NamedConcept] = &[
    (
        &["本年收入合计", "本年收入总计"],
        Concept::CurrentIncomeTotal,
    ),
    (
        &["本年支出合计", "本年支出总计"],
        Concept::CurrentExpenditureTotal,
    ),
];

/// The 三公 categories and items (one at a time: several named together are read before
/// these), 机关运行经费, and the 政府采购 amounts awarded to small firms.
pub(crate) static OTHER_MATTERS: &[NamedConcept] = &[
    (
        &["因公出国", "出国（境）"],
        Concept::ThreePublicCategory(Category::OverseasTravel),
    ),
    (
        &[
            "公务用车购置及运行",
            "公务用车购置及运维",
            "公务用车运行维护及购置",
            "公务用车运行及购置",
            "公车购置及运行",
            "公车购置及运维",
            "公车运行维护及购置",
        ],
        Concept::ThreePublicCategory(Category::OfficialVehicles),
    ),
    (
        &["公务用车购置", "购置公务用车"],
        Concept::ThreePublicItem(Item::VehiclePurchase),
    ),
    (
        &["公务用车运行"],
        Concept::ThreePublicItem(Item::VehicleOperation),
    ),
    (
        &["国内公务接待", "国内接待"],
        Concept::ThreePublicItem(Item::DomesticReception),
    ),
    (
        &["外事接待", "外宾接待"],
        Concept::ThreePublicItem(Item::ForeignReception),
    ),
    (
        &["公务接待"],
        Concept::ThreePublicCategory(Category::OfficialReception),
    ),
    (&["三公"], Concept::ThreePublicTotal),
    (&["机关运行经费", "机关运行费"], Concept::OperatingFunds),
    (
        &["授予中小企业"],
        Concept::Procurement(ProcurementLine::AwardedToSme),
    ),
    (
        &["授予小微企业"],
        Concept::Procurement(ProcurementLine::AwardedToSmallMicro),
    ),
];

/// The words that name a vehicle item of 三公经费 only inside a listing of the 公务用车购置及运行
/// 维护费 category, where what is bought or run is known to be its vehicles
/// (`公务用车购置及运行维护费X（其中：购置费a，运行维护费b）`). Matched whole, not contained.
pub(crate) static VEHICLE_ITEMS_OF_THE_CATEGORY: &[NamedConcept] = &[
    (
        &["购置费", "购置", "车辆购置费", "公车购置费"],
        Concept::ThreePublicItem(Item::VehiclePurchase),
    ),
    (
        &[
            "运行维护费",
            "运行费",
            "运行维护",
            "车辆运行维护费",
            "车辆运行费",
            "公车运行维护费",
            "公车运行费",
        ],
        Concept::ThreePublicItem(Item::VehicleOperation),
    ),
];

/// The words that name a vehicle item inside a listing of 三公经费 itself
/// (`“三公”经费合计31.23万元，其中：公务接待费1.58万元，车辆运行费28.91万元`): the words of
/// [`VEHICLE_ITEMS_OF_THE_CATEGORY`] that say they are of vehicles. Matched whole.
pub(crate) static VEHICLE_ITEMS_OF_THE_TOTAL: &[NamedConcept] = &[
    (
        &["车辆购置费", "公车购置费"],
        Concept::ThreePublicItem(Item::VehiclePurchase),
    ),
    (
        &[
            "车辆运行维护费",
            "车辆运行费",
            "公车运行维护费",
            "公车运行费",
        ],
        Concept::ThreePublicItem(Item::VehicleOperation),
    ),
];

/// Words that say nothing was spent on what follows them in a clause without a figure
/// (`本年度未购置公务用车`, `未发生公务接待费支出`, `无因公出国（境）费用`), longest first.
const NOTHING_SPENT_WORDS: &[&str] = &[
    "未发生",
    "没有发生",
    "未产生",
    "未安排",
    "没有安排",
    "未列支",
    "无",
    "没有",
    "未",
];

/// Words naming the act of buying an official vehicle, which say what was not spent after a
/// word of [`NOTHING_SPENT_WORDS`] without a word of money (`未购置公务用车`, `无新购车辆`).
const VEHICLE_PURCHASE_ACTS: &[&str] = &[
    "购置公务用车",
    "公务用车购置",
    "购买公务用车",
    "购置公车",
    "公车购置",
    "购置车辆",
    "车辆购置",
    "新购车辆",
    "新购公务用车",
    "新购置公务用车",
    "新购置车辆",
];

/// Words after an item's name that make it no amount of money: a plan, a task, a count.
const NOT_MONEY_AFTER_ITEM: &[&str] = &["计划", "任务", "团组", "人次", "批次", "辆", "次"];

/// The 三公 items a clause without a figure says nothing was spent on, with the words before
/// the word of nothing (for the caller to hold to the report's year): `本年度未购置公务用车`
/// (公务用车购置费), `未发生因公出国（境）费、公务接待费支出` (both). The words after the word of
/// nothing must be the items alone, separated by `、`: each begins with an item's name of
/// [`OTHER_MATTERS`] and goes on to money (`费`, `支出`), or names buying a vehicle
/// ([`VEHICLE_PURCHASE_ACTS`]). `未经批准不得购置公务用车` (a rule), `无因公出国（境）计划` (a
/// plan) and `未发生其他支出` (no item) say nothing of an item's amount. `clause` is as the
/// reader holds it, without quotation marks ([`strip_quotes`]).
pub(crate) fn nothing_spent_on(clause: &str) -> Option<(&str, Vec<Concept>)> {
    let (at, word) = NOTHING_SPENT_WORDS
        .iter()
        .filter_map(|w| clause.find(w).map(|at| (at, *w)))
        .min_by_key(|&(at, w)| (at, std::cmp::Reverse(w.len())))?;
    let before = &clause[..at];
    let rest = clause[at + word.len()..].trim_end_matches(['。', '；', '，', ' ']);
    let not_money = |after: &str| NOT_MONEY_AFTER_ITEM.iter().any(|w| after.contains(w));
    let is_money =
        |after: &str| (after.contains('费') || after.contains("支出")) && !not_money(after);
    let three_public = |concept: &Concept| {
        matches!(
            concept,
            Concept::ThreePublicTotal
                | Concept::ThreePublicCategory(_)
                | Concept::ThreePublicItem(_)
        )
    };
    let purchase = Concept::ThreePublicItem(Item::VehiclePurchase);
    let mut concepts = Vec::new();
    for piece in rest.split('、') {
        let named = OTHER_MATTERS
            .iter()
            .filter(|(_, concept)| three_public(concept))
            .find_map(|(words, concept)| {
                let word = words.iter().find(|w| piece.starts_with(*w))?;
                Some((&piece[word.len()..], concept))
            });
        let bought = VEHICLE_PURCHASE_ACTS
            .iter()
            .find(|w| piece.starts_with(*w))
            .is_some_and(|w| !not_money(&piece[w.len()..]));
        match named {
            Some((after, concept)) if is_money(after) => concepts.push(concept.clone()),
            None if bought => concepts.push(purchase.clone()),
            Some((_, concept)) if bought && *concept == purchase => concepts.push(purchase.clone()),
            _ => return None,
        }
    }
    (!concepts.is_empty()).then_some((before, concepts))
}

/// Words that name a year's total only as the whole a share is of (`占本年收入63%`): elsewhere
/// `本年收入` begins many a longer name (`本年收入中…`). Matched whole.
pub(crate) static SHARE_WHOLES: &[NamedConcept] = &[
    (&["本年收入"], Concept::CurrentIncomeTotal),
    (&["本年支出"], Concept::CurrentExpenditureTotal),
];

/// The concept of the row one of whose words is the whole of `words`.
pub(crate) fn named_exactly(
    group: &'static [NamedConcept],
    words: &str,
) -> Option<&'static Concept> {
    group
        .iter()
        .find(|(names, _)| names.contains(&words))
        .map(|(_, concept)| concept)
}

/// The balances and lines of the summary table, named after the income sources.
pub(crate) static SUMMARY_LINES: &[NamedConcept] = &[
    (&["年初结转", "上年结转"], Concept::OpeningBalance),
    (&["年末结转", "年末结余"], Concept::ClosingBalance),
    (
        &["使用非财政拨款结余"],
        Concept::UseOfNonAppropriationBalance,
    ),
    (&["结余分配"], Concept::BalanceDistribution),
    (&["财政拨款收入"], Concept::AppropriationIncome),
    (&["财政拨款支出"], Concept::AppropriationExpenditure),
];

/// The grand totals, named after the kinds of expenditure.
pub(crate) static GRAND_TOTALS: &[NamedConcept] = &[
    (&["收入总计"], Concept::IncomeGrandTotal),
    (&["支出总计"], Concept::ExpenditureGrandTotal),
];

/// The concept of the first row of `group` one of whose words `text` contains.
pub(crate) fn named_in(group: &'static [NamedConcept], text: &str) -> Option<&'static Concept> {
    group
        .iter()
        .find(|(words, _)| words.iter().any(|w| text.contains(w)))
        .map(|(_, concept)| concept)
}

/// The words that name a fund, which qualify the items named with them
/// (`一般公共预算财政拨款基本支出` is that fund's 基本支出).
static FUND_WORDS: &[(&str, FundType)] = &[
    ("一般公共预算", FundType::GeneralPublicBudget),
    // The name before 2015 (`公共财政预算`, `一般公共财政拨款收入`).
    ("公共财政", FundType::GeneralPublicBudget),
    ("政府性基金", FundType::GovernmentFund),
    ("国有资本经营", FundType::StateCapitalOperation),
];

/// The words between a fund's name and `支出` that name a thing of their own
/// (`一般公共预算拨款安排的会议费预算支出` → `会议费`), once the words any fund's expenditure
/// is named with (`财政拨款`, `安排的`, `资金`, `预算`) are set aside.
fn thing_before_spending(t: &str) -> Option<&str> {
    const NAMING: &[&str] = &[
        "财政拨款",
        "拨款",
        "安排的",
        "安排",
        "用于",
        "资金",
        "经费",
        "当年",
        "本年",
        "年度",
        "预算",
        "决算",
        "总",
        "的",
        "“",
        "”",
        " ",
    ];
    let fund_end = FUND_WORDS
        .iter()
        .filter_map(|(w, _)| t.find(w).map(|at| at + w.len()))
        .max()?;
    let rest = &t[fund_end..];
    let mut between = &rest[..rest.find("支出")?];
    loop {
        let trimmed = NAMING
            .iter()
            .fold(between, |b, w| b.trim_start_matches(w).trim_end_matches(w));
        if trimmed.len() == between.len() {
            break;
        }
        between = trimmed;
    }
    (!between.is_empty() && !is_generic(between)).then_some(between)
}

/// The fund the words name, if any.
pub(crate) fn fund_named_in(text: &str) -> Option<FundType> {
    FUND_WORDS
        .iter()
        .find(|(w, _)| text.contains(w))
        .map(|(_, fund)| *fund)
}

/// The words that name both grand totals at once (`收、支总计各为A万元`).
static BOTH_GRAND_TOTALS: &[&str] = &[
    "收、支总计",
    "收入、支出总计",
    "收入支出总计",
    "收支总计",
    "收入和支出总计",
];

/// The 财政拨款 grand totals, named after the words for both at once.
static APPROPRIATION_GRAND_TOTALS: &[NamedConcept] = &[
    (
        &["财政拨款收入总计"],
        Concept::AppropriationIncomeGrandTotal,
    ),
    (
        &["财政拨款支出总计"],
        Concept::AppropriationExpenditureGrandTotal,
    ),
];

/// The 政府采购 lines, named where the words (or the section) speak of 采购.
static PROCUREMENT_LINES: &[NamedConcept] = &[
    (&["货物"], Concept::Procurement(ProcurementLine::Goods)),
    (&["工程"], Concept::Procurement(ProcurementLine::Works)),
    (&["服务"], Concept::Procurement(ProcurementLine::Services)),
];

/// Words that make a procurement amount a part of a line, or of none (预留 / 中标 / 成交
/// amounts, the amounts set aside for small firms), even in an earlier clause of the sentence.
static PROCUREMENT_RESTRICTING_WORDS: &[&str] = &["预留", "中标", "成交", "面向"];

/// Words that say nothing beyond 采购 of a procurement total (`政府采购支出总额`).
static PROCUREMENT_TOTAL_WORDS: &[&str] = &[
    "支出总额",
    "预算总额",
    "总额",
    "规模",
    "合同金额",
    "金额",
    "预算",
    "支出",
];

/// The 基本支出 classes, named under whichever fund the words name (the 一般公共预算 when
/// they name none, which is the fund whose 基本支出 narratives break down).
static BASIC_CLASSES: &[(&str, BasicExpenditureClass)] = &[
    ("人员经费", BasicExpenditureClass::Personnel),
    ("公用经费", BasicExpenditureClass::Public),
];

/// The class of the 部门预算支出经济分类 that basic expenditure is made of, named by the
/// catalog's name of its 类 (`工资福利支出`, `商品和服务支出`, `对个人和家庭的补助`,
/// `资本性支出（基本建设）` before `资本性支出`). `其他支出` (399) names nothing on its own: every
/// classification has one.
fn basic_economic_class_named(t: &str) -> Option<DepartmentEconomicCode> {
    Catalog::<DepartmentEconomicCode>::embedded()
        .leis()
        .filter(|lei| BasicExpenditureClass::from_economic_code(lei.code()).is_some())
        .filter(|lei| lei.name() != "其他支出" && t.contains(lei.name()))
        .max_by_key(|lei| lei.name().len())
        .map(|lei| lei.code())
}

/// What a figure's surroundings tell its naming beyond the words themselves.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct NamingContext<'a> {
    /// The figure stands in a section about 政府采购.
    pub(crate) procurement_section: bool,
    /// The clause before the figure's, whose words may restrict a procurement amount.
    pub(crate) earlier_clause: &'a str,
    /// The department's name, which says nothing of what a figure is.
    pub(crate) entity_name: &'a str,
    /// The fund of a section about 基本支出, whose `基本支出` is that fund's.
    pub(crate) basic_section_fund: Option<FundType>,
    /// The fund of a section about that fund's expenditure and not its income
    /// (`一般公共预算财政拨款支出决算情况`), where the fund's bare name
    /// (`与上年相比，一般公共预算财政拨款增加X万元`) is its expenditure.
    pub(crate) expenditure_section_fund: Option<FundType>,
    /// The text is a budget, which carries nothing into the next year: its 财政拨款支出 is its
    /// 财政拨款支出总计.
    pub(crate) budget: bool,
}

/// The concepts that `t` names by the vocabulary's rows, most specific first: `Ok(None)` when
/// it names none, `Err` (with the reason) when its words name a thing no concept stands for.
/// The narrative reader calls this after its contextual rules (funds of a listing, 功能分类
/// lines); the importers call it through [`concept_named`].
pub(crate) fn concepts_named(
    t: &str,
    context: &NamingContext<'_>,
) -> std::result::Result<Option<Vec<Concept>>, UnparsedReason> {
    let has = |w: &str| t.contains(w);
    let one = |c: &Concept| Ok(Some(vec![c.clone()]));
    let fund_named = fund_named_in(t);
    let both = BOTH_GRAND_TOTALS.iter().any(|w| has(w));
    // `一般公共预算收入总计`, `一般公共预算财政拨款收支总计`: one fund's income with its opening
    // balance, which no concept stands for (the fund's 收入 is the year's alone).
    let fund_total = |fund: FundType| {
        Err(UnparsedReason::GrandTotalOfAFund {
            words: t.to_owned(),
            fund,
        })
    };
    if let Some(fund) = fund_named
        && (both || has("收入总计") || has("收入总量"))
    {
        return fund_total(fund);
    }
    // `上年结转一般公共预算拨款收入`, `年初结转的政府性基金拨款`: the fund's balance carried in,
    // not its income of the year (which `含上年结转` only says is included).
    if let Some(fund) = fund_named
        && CARRIED_IN_WORDS.iter().any(|w| {
            t.match_indices(w)
                .any(|(at, _)| !t[..at].ends_with(['含', '括']))
        })
    {
        return Err(UnparsedReason::CarriedInOfAFund {
            words: t.to_owned(),
            fund,
        });
    }
    // `结转下年支出6.7亿元`: money carried into next year, a part of the closing balance and
    // no expenditure.
    if has("结转下年") || has("结转到下年") {
        return Err(UnparsedReason::CarriedIntoNextYear {
            words: t.to_owned(),
        });
    }
    if has("财政拨款") && both {
        return Ok(Some(vec![
            Concept::AppropriationIncomeGrandTotal,
            Concept::AppropriationExpenditureGrandTotal,
        ]));
    }
    if let Some(total) = named_in(APPROPRIATION_GRAND_TOTALS, t) {
        // `一般公共预算财政拨款支出总计` is that fund's expenditure.
        return match fund_named {
            Some(fund) => one(&Concept::FundExpenditure(fund)),
            None => one(total),
        };
    }
    if both {
        return Ok(Some(vec![
            Concept::IncomeGrandTotal,
            Concept::ExpenditureGrandTotal,
        ]));
    }
    if let Some(total) = named_in(YEAR_TOTALS, t) {
        return one(total);
    }
    // `“三公”经费及会议费、培训费支出合计`: 三公经费 with more, which no concept stands for.
    if has("三公") && joined_to_more(&strip_quotes(t), "三公经费") {
        return Err(UnparsedReason::JoinedToMore {
            words: t.to_owned(),
            line: "“三公”经费".to_owned(),
        });
    }
    // Several 三公 categories named together (`出国（境）经费、车辆购置及运行费、公务接待费
    // （简称“三公”经费）支出合计`) are their total, or nothing that can be told.
    let categories = [
        has("出国"),
        has("公务用车") || has("车辆购置") || has("车辆运行"),
        has("接待"),
    ]
    .iter()
    .filter(|named| **named)
    .count();
    if categories >= 2 {
        return if has("三公") || has("合计") || has("总") {
            one(&Concept::ThreePublicTotal)
        } else {
            Err(UnparsedReason::SeveralThreePublicCategories)
        };
    }
    // The two vehicle items named together, in whatever words and order
    // (`公务用车运行维护费及公务用车购置费`, `公车购置和运维费`), are their category.
    if (has("公务用车") || has("公车")) && has("购置") && (has("运行") || has("运维")) {
        return one(&Concept::ThreePublicCategory(Category::OfficialVehicles));
    }
    if let Some(named) = named_in(OTHER_MATTERS, t) {
        return one(named);
    }
    if has("采购") || context.procurement_section {
        let restricted = |text: &str| {
            PROCUREMENT_RESTRICTING_WORDS
                .iter()
                .any(|w| text.contains(w))
        };
        if restricted(t) || restricted(context.earlier_clause) {
            return Ok(None);
        }
        if let Some(line) = named_in(PROCUREMENT_LINES, t) {
            return one(line);
        }
        // `服务类采购项目148个，…，实际采购金额共计16973.33万元`: an amount naming no line, after
        // a clause of its sentence that named one, is that line's (or a line's named later):
        // no total, and not surely the line's either. `政府采购` names the whole again.
        if !has("政府采购") && named_in(PROCUREMENT_LINES, context.earlier_clause).is_some() {
            return Ok(None);
        }
        // The total only when nothing else qualifies it (`分散采购`, `中央预算单位的政府采购`
        // are parts of it).
        let mut rest = t.replace("政府采购", "").replace("采购", "");
        if !context.entity_name.is_empty() {
            rest = rest.replace(context.entity_name, "");
        }
        let rest = PROCUREMENT_TOTAL_WORDS
            .iter()
            .fold(rest, |r, w| r.replace(w, ""));
        if has("采购") && is_generic(&rest) {
            return one(&Concept::Procurement(ProcurementLine::Total));
        }
        if has("采购") {
            return Ok(None);
        }
    }
    if let Some((_, class)) = BASIC_CLASSES.iter().find(|(w, _)| has(w)) {
        return one(&Concept::FundBasicClass {
            fund: fund_named.unwrap_or(FundType::GeneralPublicBudget),
            class: *class,
        });
    }
    if let Some(code) = basic_economic_class_named(t) {
        return one(&Concept::BasicEconomicClass {
            fund: fund_named,
            code,
        });
    }
    if let Some(fund) = fund_named {
        if has(ExpenditureKind::Basic.name()) {
            return one(&Concept::FundBasicExpenditure(fund));
        }
        if has(ExpenditureKind::Project.name()) {
            return one(&Concept::FundProjectExpenditure(fund));
        }
        // `一般公共预算拨款`, `一般公共预算当年拨款`: the fund's appropriation received —
        // unless words after 拨款 name what it pays for (`财政拨款运行经费`).
        let names_a_use = t.rfind("拨款").is_some_and(|at| {
            let after = t[at + "拨款".len()..].trim_end_matches(['为', '是', '共', '计']);
            !after.trim().is_empty() && !after.starts_with("收入") && !is_generic(after)
        });
        if has("收入") || has("拨款") && !has("支出") && !names_a_use {
            if !has("收入") && context.expenditure_section_fund == Some(fund) {
                return one(&Concept::FundExpenditure(fund));
            }
            return one(&Concept::Income(fund.income_source()));
        }
        if names_a_use && !has("支出") {
            return Ok(None);
        }
        // `一般公共预算拨款安排的会议费预算支出`: a thing named between the fund and 支出 is
        // what the figure is of, not the fund's expenditure.
        if let Some(thing) = thing_before_spending(t) {
            return Err(UnparsedReason::ThingAFundPaysFor {
                thing: thing.to_owned(),
                fund,
            });
        }
        if has("支出") || has("决算") {
            return one(&Concept::FundExpenditure(fund));
        }
    }
    if let Some(source) = IncomeSource::ALL.iter().find(|s| has(s.name())) {
        if joined_to_more(t, source.name()) {
            return Err(UnparsedReason::JoinedToMore {
                words: t.to_owned(),
                line: source.name().to_owned(),
            });
        }
        return one(&Concept::Income(*source));
    }
    // `财政拨款支出预算中的项目支出`: what is named after `中`/`的` is a part of the line.
    let line = named_in(SUMMARY_LINES, t).filter(|line| {
        **line != Concept::AppropriationExpenditure
            || t.split_once("财政拨款支出")
                .is_none_or(|(_, after)| !after.contains(['中', '的']))
    });
    if let Some(line) = line {
        // `非财政拨款收入`, `非财政拨款支出`: what is not 财政拨款, no line of the tables.
        if has("非财政拨款")
            && matches!(
                line,
                Concept::AppropriationIncome | Concept::AppropriationExpenditure
            )
        {
            return Ok(None);
        }
        if context.budget && line == &Concept::AppropriationExpenditure {
            return one(&Concept::AppropriationExpenditureGrandTotal);
        }
        // `年初结转结余项目50万元`: projects carried over, not the department's balance.
        if t.trim_end().ends_with("项目") {
            return Err(UnparsedReason::ProjectsOfALine {
                words: t.to_owned(),
                line: line.clone(),
            });
        }
        return one(line);
    }
    if let Some(kind) = ExpenditureKind::ALL.iter().find(|k| has(k.name())) {
        // `人员类项目支出`, `特定目标类项目支出`: one class of it, not all of it.
        if t.split(kind.name())
            .next()
            .is_some_and(|before| before.ends_with('类'))
        {
            return Err(UnparsedReason::ClassOfAKind {
                words: t.to_owned(),
                expenditure: *kind,
            });
        }
        if joined_to_more(t, kind.name()) {
            return Err(UnparsedReason::JoinedToMore {
                words: t.to_owned(),
                line: kind.name().to_owned(),
            });
        }
        return one(&match (kind, context.basic_section_fund) {
            (ExpenditureKind::Basic, Some(fund)) => Concept::FundBasicExpenditure(fund),
            _ => Concept::Expenditure(*kind),
        });
    }
    if let Some(total) = named_in(GRAND_TOTALS, t) {
        return one(total);
    }
    Ok(None)
}

/// The words that say money was carried in from the year before.
static CARRIED_IN_WORDS: &[&str] = &["上年结转", "年初结转", "上年结余", "年初结余", "上年度结转"];

/// The words that join one named thing to another into a figure of both (`上级补助收入及其他
/// 收入10万元`).
static JOINING_WORDS: &[&str] = &["以及", "及", "和", "与", "加"];

/// Whether `name` in `t` is joined to something more by a word of [`JOINING_WORDS`]
/// (`上级补助收入及镇级非税收入`), so that the figure after them is of both; a distributed
/// listing (`基本支出和项目支出分别为`) gives each its own figure and is not joined.
fn joined_to_more(t: &str, name: &str) -> bool {
    if ["分别", "各"].iter().any(|w| t.contains(w)) {
        return false;
    }
    t.match_indices(name).any(|(at, _)| {
        let after = &t[at + name.len()..];
        JOINING_WORDS.iter().any(|w| {
            // `事业收入与上年相比`: a comparison, not a second thing.
            after.strip_prefix(w).is_some_and(|more| {
                !more.trim().is_empty()
                    && !is_generic(more)
                    && !COMPARISON_WORDS.iter().any(|c| more.contains(c))
            })
        })
    })
}

/// The concept that `words` name on their own, with nothing around them to qualify them: the
/// same rows the narrative reader names figures by, for a program that has a figure's label and
/// nothing else (an importer, a form). `None` when the words name no concept, name two at once
/// (`收、支总计`), or name a thing no concept stands for (several 三公 categories without
/// their total, an amount 预留 for small firms).
///
/// ```
/// use fiscal_cn::vocabulary::concept_named;
/// use fiscal_cn::report::Concept;
/// use fiscal_cn::dimensions::{FundType, ThreePublicItem};
///
/// assert_eq!(concept_named("机关运行经费支出"), Some(Concept::OperatingFunds));
/// assert_eq!(
///     concept_named("国内公务接待费"),
///     Some(Concept::ThreePublicItem(ThreePublicItem::DomesticReception))
/// );
/// assert_eq!(
///     concept_named("一般公共预算财政拨款项目支出"),
///     Some(Concept::FundProjectExpenditure(FundType::GeneralPublicBudget))
/// );
/// assert_eq!(concept_named("收、支总计"), None);
/// assert_eq!(concept_named("今年的工作"), None);
/// ```
#[must_use]
pub fn concept_named(words: &str) -> Option<Concept> {
    match concepts_named(words, &NamingContext::default()) {
        Ok(Some(concepts)) if concepts.len() == 1 => concepts.into_iter().next(),
        _ => None,
    }
}

/// A concept's name in the disclosure's own words: what final accounts call 年初结转和结余 is a
/// budget's 上年结转 (a budget has no 年初 balance of its own year), and a 功能分类 line is
/// named with its code (`一般公共服务支出（201）`) when the embedded catalog knows it.
pub(crate) fn concept_name(kind: DisclosureKind, concept: &Concept) -> Cow<'static, str> {
    let line_name = |code: FunctionCode| {
        let name = Catalog::embedded().name(code)?;
        Some(format!("{name}（{code}）"))
    };
    let named_line = match concept {
        Concept::FunctionExpenditure(code) => line_name(*code).map(|n| format!("支出·{n}")),
        Concept::FundFunctionExpenditure { fund, code } => {
            line_name(*code).map(|n| format!("{fund}财政拨款支出·{n}"))
        }
        _ => None,
    };
    match concept {
        Concept::OpeningBalance if kind.is_budget() => Cow::Borrowed("上年结转"),
        _ => Cow::Owned(named_line.unwrap_or_else(|| concept.to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Within a group a word never contains a later row's word unless its row comes first, so
    /// no row is shadowed by a shorter one before it.
    #[test]
    fn a_longer_wording_comes_before_a_shorter_one_it_contains() {
        for group in [YEAR_TOTALS, OTHER_MATTERS, SUMMARY_LINES, GRAND_TOTALS] {
            for (i, (words, _)) in group.iter().enumerate() {
                for (earlier, _) in &group[..i] {
                    for word in *words {
                        assert!(
                            !earlier.iter().any(|e| word.contains(e)),
                            "“{word}” is shadowed by an earlier row"
                        );
                    }
                }
            }
        }
    }

    /// `concept_named` on labels of every kind of row, written for this test: the row that
    /// names them, and `None` where the words name two things, a part of a line or nothing.
    #[test]
    fn labels_name_their_concepts_without_context() {
        use crate::dimensions::{BasicExpenditureClass, ExpenditureKind, FundType, IncomeSource};
        let gpb = FundType::GeneralPublicBudget;
        let cases: &[(&str, Option<Concept>)] = &[
            ("2024年收入总计", Some(Concept::IncomeGrandTotal)),
            ("本年支出合计为", Some(Concept::CurrentExpenditureTotal)),
            (
                "财政拨款收入总计",
                Some(Concept::AppropriationIncomeGrandTotal),
            ),
            (
                "一般公共预算财政拨款支出总计",
                Some(Concept::FundExpenditure(gpb)),
            ),
            (
                "政府性基金预算财政拨款基本支出",
                Some(Concept::FundBasicExpenditure(FundType::GovernmentFund)),
            ),
            // One class of a kind of expenditure is not all of it.
            ("运转类项目支出", None),
            ("特定目标类项目支出", None),
            // A thing named between the fund and 支出 is that thing's, not the fund's.
            ("一般公共预算拨款安排的会议费预算支出", None),
            ("一般公共预算总支出", Some(Concept::FundExpenditure(gpb))),
            (
                "政府性基金预算财政拨款安排的支出",
                Some(Concept::FundExpenditure(FundType::GovernmentFund)),
            ),
            (
                "日常公用经费",
                Some(Concept::FundBasicClass {
                    fund: gpb,
                    class: BasicExpenditureClass::Public,
                }),
            ),
            (
                "货物采购金额",
                Some(Concept::Procurement(ProcurementLine::Goods)),
            ),
            (
                "政府采购支出总额",
                Some(Concept::Procurement(ProcurementLine::Total)),
            ),
            ("预留给中小企业的采购金额", None),
            ("分散采购金额", None),
            ("出国和接待费用", None),
            (
                "出国、接待、公务用车费用合计",
                Some(Concept::ThreePublicTotal),
            ),
            ("上年结转", Some(Concept::OpeningBalance)),
            ("国有资本经营预算收入总量", None),
            ("一般公共预算结转下年支出", None),
            ("年初结转结余项目", None),
            (
                IncomeSource::Other.name(),
                Some(Concept::Income(IncomeSource::Other)),
            ),
            (
                "项目支出",
                Some(Concept::Expenditure(ExpenditureKind::Project)),
            ),
            ("收、支总计", None),
            ("2018年度一般公共预算收入总计", None),
            ("一般公共预算财政拨款收入总计", None),
            ("政府性基金预算财政拨款收支总计", None),
            ("单位的职能", None),
            (
                "一般公共财政拨款收入",
                Some(Concept::Income(IncomeSource::GeneralBudgetAppropriation)),
            ),
            ("上级补助收入及其他收入", None),
            ("事业收入和经营收入合计", None),
            (
                "基本支出和项目支出分别为",
                Some(Concept::Expenditure(ExpenditureKind::Basic)),
            ),
            (
                "事业收入及",
                Some(Concept::Income(IncomeSource::InstitutionRevenue)),
            ),
            (
                "事业收入与上年相比增加",
                Some(Concept::Income(IncomeSource::InstitutionRevenue)),
            ),
        ];
        for (words, expected) in cases {
            assert_eq!(&concept_named(words), expected, "{words}");
        }
    }

    /// The vehicle category however its two items are joined; each item alone is an item.
    #[test]
    fn the_vehicle_category_in_its_wordings() {
        let category = Some(&Concept::ThreePublicCategory(Category::OfficialVehicles));
        for words in [
            "公务用车购置及运行维护费",
            "公务用车购置及运维费",
            "公务用车运行维护及购置费",
            "公车购置及运行费",
        ] {
            assert_eq!(named_in(OTHER_MATTERS, words), category, "{words}");
        }
        assert_eq!(
            named_in(OTHER_MATTERS, "公务用车运行维护费"),
            Some(&Concept::ThreePublicItem(Item::VehicleOperation))
        );
        // The two items joined by a word of their own, in either order.
        for words in [
            "公务用车运行维护费及公务用车购置费",
            "公务用车购置费和运行维护费",
            "公车运维费与公车购置费",
        ] {
            assert_eq!(concept_named(words).as_ref(), category, "{words}");
        }
        assert_eq!(
            concept_named("公务用车购置费"),
            Some(Concept::ThreePublicItem(Item::VehiclePurchase))
        );
    }

    #[test]
    fn words_name_their_concepts() {
        assert_eq!(
            named_in(OTHER_MATTERS, "2024年国内公务接待费支出"),
            Some(&Concept::ThreePublicItem(Item::DomesticReception))
        );
        assert_eq!(
            named_in(OTHER_MATTERS, "公务接待费"),
            Some(&Concept::ThreePublicCategory(Category::OfficialReception))
        );
        assert_eq!(
            named_in(SUMMARY_LINES, "上年结转"),
            Some(&Concept::OpeningBalance)
        );
        assert_eq!(named_in(GRAND_TOTALS, "本年收入合计"), None);
    }
}
