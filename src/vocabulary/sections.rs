//! What a narrative section is about, from the words of its heading.
//!
//! A section's topic scopes the figures under it: under `一般公共预算财政拨款支出决算情况说明`
//! an unqualified 支出合计 is the 一般公共预算 fund's, under `“三公”经费支出情况说明` the words
//! 因公出国（境）费 name a 三公 category. [`HEADING_WORDS`] holds the words as rows, tried in
//! order; the first row one of whose word sets the heading holds in full gives the topic.

/// What a section is about, from its heading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum SectionKind {
    /// 收入支出决算（预算）总体情况: the department's totals.
    Overview,
    /// 收入决算（预算）情况.
    Income,
    /// 支出决算（预算）情况.
    Expenditure,
    /// 财政拨款收入支出决算总体情况: the three funds together.
    AppropriationOverview,
    /// 一般公共预算财政拨款支出情况.
    GeneralBudget,
    /// Its 结构 (by 类).
    GeneralBudgetStructure,
    /// Its 具体情况 / 明细 (by 项).
    GeneralBudgetDetail,
    /// 一般公共预算财政拨款基本支出情况.
    Basic,
    /// 三公 经费.
    ThreePublic,
    /// 政府性基金预算.
    GovernmentFund,
    /// 国有资本经营预算.
    StateCapital,
    /// 机关运行经费.
    OperatingFunds,
    /// 政府采购.
    Procurement,
    /// 国有资产占用.
    Assets,
    /// 绩效 (management, evaluation).
    Performance,
    /// 机构设置, 主要职责, 部门概况.
    Organization,
    /// One project's section or self-evaluation report, by the project's name.
    Project(String),
    /// Anything else (parts, attachments, glossaries).
    Free,
}

/// The heading words of each topic, in the order they are tried: a row holds when the
/// heading contains every word of one of its sets. Order decides where topics share words:
/// a fund's 基本支出, structure and detail come before the fund; the three funds before the
/// 财政拨款 overview; attachments and glossaries first, whatever they name.
pub(crate) static HEADING_WORDS: &[(SectionKind, &[&[&str]])] = &[
    // A glossary names every topic; a project's self-evaluation report is read as one
    // project's (see the reader) or as free text.
    (
        SectionKind::Free,
        &[&["附件"], &["名词解释"], &["绩效自评报告"]],
    ),
    (SectionKind::ThreePublic, &[&["三公"]]),
    (SectionKind::OperatingFunds, &[&["机关运行经费"]]),
    (SectionKind::Procurement, &[&["政府采购"]]),
    (SectionKind::Assets, &[&["国有资产"]]),
    // `一般公共预算财政拨款基本支出决算情况说明`; a heading naming 基本支出 and no fund
    // (`基本支出预算收支增减情况`) scopes nothing.
    (
        SectionKind::Basic,
        &[&["基本支出", "一般公共预算"], &["基本支出", "财政拨款"]],
    ),
    (
        SectionKind::GeneralBudgetStructure,
        &[&["一般公共预算", "结构"]],
    ),
    (
        SectionKind::GeneralBudgetDetail,
        &[&["一般公共预算", "具体"], &["一般公共预算", "明细"]],
    ),
    (SectionKind::GeneralBudget, &[&["一般公共预算"]]),
    (SectionKind::GovernmentFund, &[&["政府性基金"]]),
    (SectionKind::StateCapital, &[&["国有资本经营"]]),
    (
        SectionKind::AppropriationOverview,
        &[&["财政拨款收入支出"], &["财政拨款收支"]],
    ),
    // `收入支出决算总体情况`, `收支预算总体情况`: 收支 and 收入支出, with or without the kind.
    (
        SectionKind::Overview,
        &[
            &["收入支出决算总体"],
            &["收入支出预算总体"],
            &["收入支出总体"],
            &["收支决算总体"],
            &["收支预算总体"],
            &["收支总体"],
        ],
    ),
    (SectionKind::Income, &[&["收入决算"], &["收入预算"]]),
    (SectionKind::Expenditure, &[&["支出决算"], &["支出预算"]]),
    (SectionKind::Performance, &[&["绩效"]]),
    (
        SectionKind::Organization,
        &[&["机构设置"], &["部门概况"], &["机构组成"], &["主要职责"]],
    ),
];

/// The topic of a heading by its words alone ([`SectionKind::Free`] when no row holds); the
/// heading comes without its numbering and quotes.
pub(crate) fn section_of_heading_words(heading: &str) -> SectionKind {
    HEADING_WORDS
        .iter()
        .find(|(_, sets)| {
            sets.iter()
                .any(|set| set.iter().all(|word| heading.contains(word)))
        })
        .map_or(SectionKind::Free, |(kind, _)| kind.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_of_each_topic() {
        // Headings as department narratives print them (numbering and quotes already off).
        for (heading, kind) in [
            ("部门收支预算总体情况", SectionKind::Overview),
            ("2025年收入支出决算总体情况说明", SectionKind::Overview),
            ("收入预算情况说明", SectionKind::Income),
            ("支出决算情况", SectionKind::Expenditure),
            (
                "财政拨款收支预算总体情况",
                SectionKind::AppropriationOverview,
            ),
            ("一般公共预算财政拨款基本支出预算情况", SectionKind::Basic),
            ("财政拨款基本支出决算情况说明", SectionKind::Basic),
            (
                "一般公共预算财政拨款支出决算结构情况",
                SectionKind::GeneralBudgetStructure,
            ),
            (
                "一般公共预算财政拨款支出明细",
                SectionKind::GeneralBudgetDetail,
            ),
            (
                "一般公共预算当年拨款规模变化情况",
                SectionKind::GeneralBudget,
            ),
            ("政府性基金预算支出情况说明", SectionKind::GovernmentFund),
            (
                "国有资本经营预算财政拨款支出情况",
                SectionKind::StateCapital,
            ),
            ("三公经费财政拨款支出预算情况说明", SectionKind::ThreePublic),
            ("机关运行经费支出情况", SectionKind::OperatingFunds),
            ("政府采购支出情况", SectionKind::Procurement),
            ("国有资产占有使用情况", SectionKind::Assets),
            ("预算绩效管理工作开展情况", SectionKind::Performance),
            ("部门主要职责及机构设置", SectionKind::Organization),
            ("名词解释", SectionKind::Free),
            ("附件：一般公共预算财政拨款支出决算表", SectionKind::Free),
            ("其他重要事项的情况说明", SectionKind::Free),
            // 基本支出 without a fund is not one fund's 基本支出.
            ("基本支出预算收支增减情况", SectionKind::Expenditure),
        ] {
            assert_eq!(section_of_heading_words(heading), kind, "{heading}");
        }
    }

    #[test]
    fn rows_that_share_words_come_in_an_order_that_lets_each_be_reached() {
        // A row tried after another that holds for all its word sets could never be reached.
        for (i, (kind, sets)) in HEADING_WORDS.iter().enumerate() {
            for set in *sets {
                let heading = set.concat();
                let first = section_of_heading_words(&heading);
                assert_eq!(
                    &first, kind,
                    "“{heading}” of row {i} is taken by an earlier row"
                );
            }
        }
    }
}
