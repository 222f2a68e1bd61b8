//! The words of a figure's label, read on their own: whether they compare, with which year,
//! whether they call the figure a budget, a difference or a change, what they describe.

use super::document::year_in;
use crate::dimensions::ThreePublicItem;
use crate::narrative::UnparsedReason;
use crate::narrative::scan::split_numbering;
use crate::report::{Concept, Countable, Direction, ReceptionKind};
use crate::vocabulary::words::{
    ADJUSTMENT_WORDS, APPROXIMATION_WORDS, BUDGET_DIFFERENCE_WORDS, DIRECTION_WORDS, is_generic,
    without_budget_names,
};
pub(super) use crate::vocabulary::words::{after_year, focus};
/// `每个驻村工作队员`, `按每人每天`: a figure per head, day or item.
fn is_per_unit(label: &str) -> bool {
    let mut chars = label.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '每'
            && chars
                .peek()
                .is_some_and(|n| "个人名位户天日月年次件辆台套项".contains(*n))
        {
            return true;
        }
    }
    false
}

/// Whether an amount is per head or item: its words say an average or `每人` (`人均…费用`,
/// `车均`, `每辆`), or a `/` and a unit follow it (`260元/辆`).
pub(super) fn per_head_or_item(label: &str, after: &str) -> bool {
    is_per_unit(label)
        || AVERAGE_WORDS.iter().any(|w| label.contains(w))
        || after.trim_start().starts_with(['/', '／'])
}

/// The words that compare with a plan or a plan's period (`较`, `比`, `与`, `对比`).
const PLAN_COMPARISON_MARKS: [&str; 4] = ["较", "比", "与", "对比"];

/// Whether a label compares with a plan or a target (`较采购计划节约`, `比目标多`): a change
/// against it is no change against last year.
pub(super) fn compared_with_a_plan(label: &str) -> bool {
    PLAN_COMPARISON_MARKS.iter().any(|mark| {
        label.find(mark).is_some_and(|at| {
            ["计划", "目标", "任务数"]
                .iter()
                .any(|w| label[at..].contains(w))
        })
    })
}

/// Whether a label compares with a five-year plan's period (`比“十三五”`, `较十三五末`,
/// `与“十二五”时期相比`): the comparison word, then `十`, a numeral and `五` before any other
/// name. Such a period is five years, which no figure of the model is dated by.
pub(super) fn compared_with_a_plan_period(label: &str) -> bool {
    PLAN_COMPARISON_MARKS.iter().any(|mark| {
        label.rfind(mark).is_some_and(|at| {
            let rest = label[at + mark.len()..].trim_start_matches(['“', '"', '《', ' ']);
            let mut chars = rest.chars();
            chars.next() == Some('十')
                && chars
                    .next()
                    .is_some_and(|c| "一二三四五六七八九".contains(c))
                && chars.next() == Some('五')
        })
    })
}

/// Words that make an amount an average (`人均`, `车均`, `平均`).
const AVERAGE_WORDS: &[&str] = &[
    "人均", "车均", "户均", "平均", "年均", "月均", "日均", "单价",
];

/// The marks between the two ends of a range (`234亿至322亿元`, `10-20万元`).
const RANGE_MARKS: [char; 6] = ['至', '到', '~', '～', '-', '—'];

/// The word right before a figure that makes it a round or bounding number (`约为3326万元`,
/// `超3095亿元`), if any.
pub(super) fn approximation_before(label: &str) -> Option<&'static str> {
    let trimmed = label.trim_end().trim_end_matches(['为', '是']).trim_end();
    // `在234亿至322亿元之间`: the end of a range, after the number starting it.
    if let Some(rest) = trimmed.strip_suffix(RANGE_MARKS)
        && rest
            .trim_end()
            .ends_with(|c: char| c.is_ascii_digit() || "亿万元%".contains(c))
    {
        return Some("至");
    }
    // `节约2万元`: a word of direction that ends in one of approximation says no bound.
    APPROXIMATION_WORDS
        .iter()
        .find(|w| {
            trimmed.ends_with(*w)
                && !DIRECTION_WORDS
                    .iter()
                    .any(|(d, _)| d.len() > w.len() && d.ends_with(*w) && trimmed.ends_with(d))
        })
        .copied()
}

/// The direction word immediately before a figure (`减少0.2万元`, `增长26.72%`); none when
/// the words say what the figure changed to (`减少为0万元`, `下降到3万元`): a level.
pub(super) fn direction_before(label: &str) -> Option<Direction> {
    if changed_to(label) {
        return None;
    }
    let trimmed = label
        .trim_end()
        .trim_end_matches(['为', '约', '达'])
        .trim_end();
    DIRECTION_WORDS
        .iter()
        .find(|(w, _)| trimmed.ends_with(w))
        .map(|(_, d)| *d)
}

/// A word of change standing before what a label names (`2023年减少了“三公”经费`), the amount
/// after the name being the change; not a word that only ends the label, which
/// [`direction_before`] reads, nor one after a comparison.
pub(super) fn change_before_the_name(label: &str) -> Option<&'static str> {
    let label = label.trim_end();
    // Every word of direction holds the first character of one: most labels hold none.
    static FIRSTS: std::sync::OnceLock<Vec<char>> = std::sync::OnceLock::new();
    let firsts = FIRSTS.get_or_init(|| {
        let mut firsts: Vec<char> = DIRECTION_WORDS
            .iter()
            .filter_map(|(w, _)| w.chars().next())
            .collect();
        firsts.sort_unstable();
        firsts.dedup();
        firsts
    });
    if !label.contains(|c| firsts.binary_search(&c).is_ok()) {
        return None;
    }
    DIRECTION_WORDS
        .iter()
        .filter(|(w, _)| w.chars().count() > 1 && !w.starts_with('（'))
        .find(|(w, _)| {
            label.find(w).is_some_and(|at| {
                !label[at + w.len()..]
                    .trim()
                    .trim_start_matches(TO_WORDS)
                    .is_empty()
            })
        })
        .map(|(w, _)| *w)
}

/// The word of a budget's adjustment in `label` (`调增一般专项支出`, `调整为`, `追加预算`).
pub(super) fn adjustment_in(label: &str) -> Option<&'static str> {
    ADJUSTMENT_WORDS.iter().copied().find(|w| label.contains(w))
}

/// `label` without the words saying its figure is the level a change reached (`基本支出增加到`
/// → `基本支出`, `减少为` → ``): what is left names what changed.
pub(super) fn without_change_to(label: &str) -> &str {
    if !changed_to(label) {
        return label;
    }
    let rest = label.trim_end().trim_end_matches(TO_WORDS);
    DIRECTION_WORDS
        .iter()
        .find_map(|(w, _)| rest.strip_suffix(w))
        .unwrap_or(rest)
        .trim_end()
}

/// Whether the words after a figure start a range's second end (`234亿至322亿元`,
/// `10-20万元`): the figure is the range's first end, no level.
pub(super) fn starts_a_range(after: &str) -> bool {
    after
        .strip_prefix(RANGE_MARKS)
        .is_some_and(|rest| rest.trim_start().starts_with(|c: char| c.is_ascii_digit()))
}

/// The words after a direction that say what a figure changed to (`减少为`, `下降到`, `增至`).
const TO_WORDS: [char; 3] = ['为', '到', '至'];

/// Whether `label` ends in a verb of direction and a word of `to` (`减少为`): the figure is the
/// level reached, not the change. The size or rate of a change (`增幅为2.22%`, `增长率为5%`)
/// is not a verb.
fn changed_to(label: &str) -> bool {
    let label = label.trim_end();
    label.strip_suffix(TO_WORDS).is_some_and(|rest| {
        DIRECTION_WORDS
            .iter()
            .any(|(w, _)| !w.ends_with(['幅', '率']) && rest.ends_with(w))
    })
}

pub(super) fn strip_direction(label: &str) -> &str {
    let mut t = label
        .trim_end()
        .trim_end_matches(['为', '约', '达'])
        .trim_end();
    for (w, _) in DIRECTION_WORDS {
        if let Some(rest) = t.strip_suffix(w) {
            t = rest;
            break;
        }
    }
    t.trim_end_matches('各').trim_end_matches("同比")
}

pub(super) fn is_comparison(clause: &str) -> bool {
    clause.contains("相比")
        || clause.contains("同比")
        || clause.contains("比上年")
        || clause.contains("较上年")
        || clause.contains("较")
        || clause.contains('比')
}

/// The year a label names for its own figure (`2023年度收入…`): the last year it names
/// outside a comparison, so that a comparison ending just before (`与2022年预算持平：2023年
/// 因公出国（境）费预算`, `与2021年预算持平⏎公务用车运行维护费预算安排`) does not date it.
/// The year by number that `label` compares with (`较2014年`, `与2022年相比`), if any.
pub(super) fn compared_year(label: &str) -> Option<u16> {
    let mut rest = label;
    let mut seen = 0;
    while let Some((year, before, after)) = year_in(rest) {
        if is_compared(&label[..seen + before.len()], after) {
            return Some(year);
        }
        seen = label.len() - after.len();
        rest = after;
    }
    None
}

/// The words before a year that make it the year compared with.
const COMPARED_YEAR_MARKS: &[&str] = &["与", "较", "比", "同", "对"];

/// Whether the year between `before` and `after` (all of the label before it, the rest after)
/// is the one compared with: a mark right before it (`较2023年`), or inside `与…相比`
/// (`与市人大审议的2024年执行数相比`).
fn is_compared(before: &str, after: &str) -> bool {
    COMPARED_YEAR_MARKS
        .iter()
        .any(|w| before.trim_end().ends_with(w))
        || after.contains("相比")
            && before
                .rfind(['与', '同'])
                .is_some_and(|at| !before[at..].contains("相比"))
}

pub(super) fn label_year(label: &str) -> Option<u16> {
    let mut rest = label;
    let mut seen = 0;
    let mut named = None;
    while let Some((year, before, after)) = year_in(rest) {
        if !is_compared(&label[..seen + before.len()], after) {
            named = Some(year);
        }
        seen = label.len() - after.len();
        rest = after;
    }
    named
}

/// The words by which a label dates its figure to the year before (`上年年初结转资金`,
/// `去年支出`), outside a comparison (`较上年`, `比去年`, `与上年`, `同上年`). `上年结转` is
/// the carry-over into this year, a line of this year's accounts.
pub(super) fn last_year_word(label: &str) -> Option<&'static str> {
    ["上一年", "上年", "去年"].into_iter().find(|w| {
        label.match_indices(w).any(|(at, _)| {
            let before = label[..at].trim_end();
            let after = &label[at + w.len()..];
            let compared = ["较", "比", "与", "同", "对", "相比"]
                .iter()
                .any(|c| before.ends_with(c));
            let carried_in = ["结转", "结余", "度结转", "度结余"]
                .iter()
                .any(|w| after.starts_with(w));
            !compared && !carried_in && !after.starts_with('同')
        })
    })
}

/// Whether `label` ends in words comparing an amount with the budget it completes
/// (`完成全年预算`, `占年初预算`, `为调整预算数的`, and the budget as the year's plan or task:
/// `完成年初预算计划`, `完成全年预算任务`): a rate after them is the budget's completion, an
/// amount after them the budget.
pub(super) fn completes_a_budget(label: &str) -> bool {
    let t = without_budget_names(label);
    let mut rest = t.trim_end().trim_end_matches(['的', '为', '：', ' ']);
    let Some(before) = ["预算数", "预算计划", "预算任务", "预算目标", "预算"]
        .iter()
        .find_map(|w| rest.strip_suffix(w))
    else {
        return false;
    };
    rest = before;
    for which in ["年初", "调整", "全年", "年度"] {
        rest = rest.strip_suffix(which).unwrap_or(rest);
    }
    ["完成", "完成了", "占", "为"]
        .iter()
        .any(|w| rest.ends_with(w))
}

pub(super) fn is_budget_label(label: &str) -> bool {
    let t = without_budget_names(label);
    let t = t.as_ref();
    if !t.contains("预算") {
        return false;
    }
    // `完成全年预算50.74万元的67.2%`: the amount after the words is the budget completed.
    (t.contains("预算") && !t.contains("决算") && !t.contains("执行") && !t.contains("完成"))
        || completes_a_budget(label)
        || t.ends_with("预算数为")
        || t.ends_with("预算为")
}

/// Whether `label` calls a figure only by budget words and its year (`2025年初预算数`,
/// `年初预算为`, `预算总额`, `2023年预算安排`).
pub(super) fn says_only_budget(label: &str) -> bool {
    let mut rest: String = label
        .chars()
        .filter(|c| !c.is_ascii_digit() && !matches!(c, '：' | '，' | ' ' | ':'))
        .collect();
    if !rest.contains("预算") {
        return false;
    }
    for w in [
        "年初预算数",
        "预算总额",
        "预算数",
        "年初预算",
        "预算安排",
        "预算",
        "年度",
        "年初",
        "年",
        "为",
        "是",
    ] {
        rest = rest.replace(w, "");
    }
    rest.is_empty()
}

/// The concepts an amount inherits from the sentence's subject.
pub(super) fn amount_subject(subject: &[Concept]) -> Vec<Concept> {
    subject
        .iter()
        .filter_map(|c| match c {
            Concept::Count(Countable::ReceptionBatches(k) | Countable::ReceptionPersons(k)) => {
                Some(Concept::ThreePublicItem(match k {
                    ReceptionKind::Domestic => ThreePublicItem::DomesticReception,
                    ReceptionKind::Foreign => ThreePublicItem::ForeignReception,
                }))
            }
            Concept::Count(Countable::VehiclesPurchased(t)) => {
                Some(Concept::VehiclePurchaseAmount(*t))
            }
            Concept::Count(_) => None,
            other => Some(other.clone()),
        })
        .collect()
}

/// Whether the words before an amount say by how much one figure exceeds or falls short of
/// another (`高于预算数`, `超出年初预算`, `低于上年`): the amount is their difference.
pub(super) fn states_a_difference(label: &str) -> bool {
    let mut rest = label.trim_end_matches([' ', '：', '了', '的']);
    for w in [
        "预算数",
        "年初预算",
        "预算",
        "上年",
        "去年",
        "年初",
        "执行数",
        "决算数",
    ] {
        rest = rest.trim_end_matches(w);
    }
    [
        "高于", "低于", "超过", "超出", "多于", "少于", "大于", "小于",
    ]
    .iter()
    .chain(BUDGET_DIFFERENCE_WORDS)
    .any(|w| rest.ends_with(w))
}

/// The words after a comparison with a budget that ends `label` (`比预算节约`,
/// `较年初预算数镌汰` → `节约`, `镌汰`); none when the label compares with no budget. What a
/// budget is compared with is never a year's figure (see the reader's comparison base).
pub(super) fn after_budget_comparison(label: &str) -> Option<&str> {
    const BUDGET_WORDS: [&str; 9] = [
        "年初预算数",
        "调整预算数",
        "全年预算数",
        "预算数",
        "年初预算",
        "调整预算",
        "全年预算",
        "预算",
        "计划数",
    ];
    let (at, word) = ["比", "较"]
        .iter()
        .filter_map(|w| label.rfind(w).map(|p| (p, *w)))
        .max_by_key(|(p, _)| *p)?;
    let rest = label[at + word.len()..].trim_start();
    let after = BUDGET_WORDS.iter().find_map(|w| rest.strip_prefix(w))?;
    Some(after.trim_start_matches(['的', '数']).trim())
}

/// `决算数与预算数持平`, `决算数小于预算数`, `决算数大于预算数`.
pub(super) fn budget_comparison(clause: &str) -> Option<Direction> {
    let (_, rest) = clause.split_once("决算")?;
    if !rest.contains("预算") {
        return None;
    }
    // `未超过`, `没有超出`: a negated comparison says less than it seems (≤, not <).
    let negated = |at: usize| {
        let before = &rest[..at];
        ["未", "没有", "不", "无"]
            .iter()
            .any(|n| before.ends_with(n))
    };
    let mut said = None;
    for (words, direction) in [
        (
            &["持平", "一致", "相等", "相同", "无增减", "无变化"][..],
            Direction::Flat,
        ),
        (&["小于", "低于", "少于"][..], Direction::Decrease),
        (
            &["大于", "高于", "超过", "超出", "多于"][..],
            Direction::Increase,
        ),
    ] {
        if let Some(at) = words.iter().find_map(|w| rest.find(w)) {
            // A template's alternatives left unedited (`小于预算数（或与预算数持平）`) say
            // nothing.
            if said.is_some() || negated(at) && direction != Direction::Flat {
                return None;
            }
            said = Some(direction);
        }
    }
    said
}

/// A description for [`Concept::Other`]: the label without numbering, years and filler.
/// The words of `label` that describe what a figure is, ending in `suffix` (`数` for counts).
fn describe(label: &str, suffix: &str) -> String {
    let (_, text) = split_numbering(label);
    let mut text: String = text.to_owned();
    // `2024年度培训费` → `培训费`; but `公务车辆运行2016年预算` keeps what comes before the year
    // when what follows it names nothing.
    if let Some((_, after)) = year_in(&text).map(|(_, _, a)| ((), a.to_owned()))
        && !after.trim().is_empty()
        && !is_generic(&after)
    {
        text = after;
    }
    let text = text.rsplit('：').next().unwrap_or("").to_owned();
    let mut text = without_linking_words(without_connective(
        text.trim_start_matches("其中")
            .trim_start_matches("其中有")
            .trim_start_matches('有'),
    ))
    .trim()
    .to_owned();
    let count = text.chars().count();
    if count > 30 {
        text = text.chars().skip(count - 30).collect();
    }
    if !suffix.is_empty() && !text.ends_with(suffix) {
        text.push_str(suffix);
    }
    text
}

/// `text` without the word joining it to what was listed before (`加上上级补助收入`, `以及调入
/// 资金`, `及上年结转收入`, `和滚存结余`), so that an item is described alike wherever it stands
/// in a listing. `加上年结余收入`, `加上级补助收入` add `上年…`, `上级…` (`加` alone joins);
/// words that begin with such a character (`和平`, `及时`) keep it.
fn without_connective(text: &str) -> &str {
    const CONNECTIVES: &[&str] = &["再加上", "加上", "以及", "另外", "此外", "及", "和"];
    const WORDS_BEGINNING_ALIKE: &[&str] = &["和平", "和谐", "及时"];
    if WORDS_BEGINNING_ALIKE.iter().any(|w| text.starts_with(w)) {
        return text;
    }
    let Some((connective, rest)) = CONNECTIVES
        .iter()
        .find_map(|c| text.strip_prefix(c).map(|rest| (*c, rest)))
    else {
        return text;
    };
    // `加上年结余`: `加` + `上年结余`.
    let rest = match connective.strip_suffix('上') {
        Some(_) if rest.starts_with(['年', '级', '解']) => {
            &text[connective.len() - '上'.len_utf8()..]
        }
        _ => rest,
    };
    if rest.chars().count() >= 2 {
        rest
    } else {
        text
    }
}

/// `text` without the words that link it to its figure (`为`, `共计`, `约`, `达`, the `余` of
/// `100余人`), but with the words of a name that end alike (`合计`, `结余`).
pub(super) fn without_linking_words(mut text: &str) -> &str {
    const NAME_ENDINGS: &[&str] = &[
        "合计", "总计", "累计", "小计", "结余", "节余", "盈余", "剩余",
    ];
    loop {
        if NAME_ENDINGS.iter().any(|w| text.ends_with(w)) {
            return text;
        }
        let trimmed = text
            .trim_end_matches("共计")
            .trim_end_matches(['为', '是', '共', '达', '约', '余', '计']);
        if trimmed.len() == text.len() {
            return text;
        }
        text = trimmed;
    }
}

/// A figure known only by the words before it, as [`Concept::Other`]; an error when those
/// words name nothing (fewer than two characters of Chinese once numbering, years and filler
/// are gone: `的`, `数`, a page number), since such a figure's subject cannot be told.
pub(super) fn described(label: &str, suffix: &str) -> std::result::Result<Concept, UnparsedReason> {
    let description = describe(label, suffix);
    let words = description.strip_suffix(suffix).unwrap_or(&description);
    let meaningful = words
        .chars()
        .filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c))
        .count();
    if meaningful < 2 {
        return Err(UnparsedReason::Undescribed {
            words: label.trim().to_owned(),
        });
    }
    Ok(Concept::Other(description))
}
