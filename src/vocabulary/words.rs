//! The words of the narrative that are not names of concepts: words of direction and of
//! comparison, words that open or hand out a listing, words that mark a title, a government's
//! budget or a foreign reception. The reader goes through these lists; adding a wording is
//! adding a row.

use crate::narrative::scan::is_han;
use crate::report::Direction;

/// Words a disclosure's title names itself by.
pub(crate) const TITLE_WORDS: &[&str] = &[
    "部门决算",
    "部门预算",
    "单位决算",
    "单位预算",
    "决算公开",
    "预算公开",
    "决算说明",
    "预算说明",
    "决算情况说明",
    "预算情况说明",
    "预算执行情况",
    "预算草案",
    "决算报告",
    "预算报告",
    "预算汇总",
    "决算汇总",
];

/// Words only a government's own budget uses (a department's never does).
pub(crate) const GOVERNMENT_WORDS: &[&str] = &[
    "本级预算",
    "区本级",
    "县本级",
    "市本级",
    "省本级",
    "中央本级",
    "镇本级",
    "上解上级支出",
    "预算草案",
    "预算（草案）",
    "预算(草案)",
    // The budgets the congresses of a region's every level passed (`汇总全市各级人代会批准的
    // 2024年政府性基金预算`): only the region's government sums them.
    "各级人代会",
    "各级人大",
    "预算执行情况的报告",
    "税收收入",
    "地方一般公共预算收入",
    "预算稳定调节基金",
    "债务转贷",
    "全区一般公共预算",
    "全县一般公共预算",
    "全市一般公共预算",
    "全省一般公共预算",
    "全镇一般公共预算",
    "全乡一般公共预算",
    // The revenue a government receives from the level above; a department's is 上级补助收入.
    "转移支付收入",
    "本级财政一般公共预算",
    // A summary of a region's departments (`经汇总，2024年市级部门“三公”经费预算`); a department
    // may sum its own units too, so this alone does not decide ([`FINANCE_SUMMARY_WORDS`] do).
    "经汇总",
];

/// Words by which a finance bureau says it summed a region's departments
/// (`经井研县财政局汇总，2020年井研县行政单位…“三公”经费决算总额为1023万元`): the figures are the
/// region's, never one department's, so one of them decides that the text is a government's.
pub(crate) const FINANCE_SUMMARY_WORDS: &[&str] = &[
    "财政局汇总",
    "财政厅汇总",
    // Bureaus of finance joined with another office (`经高新区财政金融局汇总`).
    "财政金融局汇总",
    "财政税务局汇总",
];

/// Words naming a draft of final accounts, which is laid before a people's congress: only a
/// government's are (`《关于示例市本级2023年决算(草案)的报告》`; a department's accounts are no
/// draft), and a text that names one reports them, however often it says 预算.
pub(crate) const DRAFT_ACCOUNTS_WORDS: &[&str] = &["决算草案", "决算（草案）", "决算(草案)"];

/// Words by which a title names a government's own budget or final accounts
/// (`2024年政府预算公开`, `…2024年预算执行情况和2025年预算（草案）的报告`, `…“三公”经费预算汇总情况`);
/// `预算执行情况` alone is not among them (a department reports its own too).
/// A body uses some of them of a department too (`按政府预算经济分类`), so only a title counts.
pub(crate) const GOVERNMENT_TITLE_WORDS: &[&str] = &[
    // A whole region's figures (`2020年度全区“三公”经费决算情况`): a department's title names
    // the department.
    "全区",
    "全县",
    "全市",
    "全省",
    "全州",
    "全旗",
    "政府预算",
    "财政预算",
    "政府决算",
    "财政决算",
    "预算（草案）",
    "预算汇总",
    "决算汇总",
    // The central government's own accounts (`关于2018年中央国有资本经营决算的说明`).
    "中央决算",
    "中央一般公共预算",
    "中央政府性基金",
    "中央国有资本经营",
];

/// Words by which a title speaks of many departments at once (`2012年各部委“三公经费”决算情况`,
/// `2015年中央部门预算公开`): a summary or a news report across departments, whose figures are
/// no one department's, even when the title also says 部门预算.
pub(crate) const COLLECTIVE_TITLE_WORDS: &[&str] = &[
    "各部委",
    "中央部门",
    "中央单位",
    "各部门",
    "各单位",
    // An audit office's report on a government's budget and its departments.
    "审计工作报告",
    "审计查出问题",
    "审计结果",
];

/// Words by which a text anywhere speaks of many central departments at once (`已有95家部委
/// 公布了…`, `在94个公布2015年预算的中央政府部门中`), or an audit office reports on a
/// government's budget and the departments it audited (`审计查出问题的整改情况`, `现将审计情况
/// 报告如下`): a department's own report has no use for them.
pub(crate) const COLLECTIVE_WORDS: &[&str] = &[
    "部委",
    "中央部门",
    "中央政府部门",
    "中央单位",
    // `中央行政事业单位财政拨款…“三公”经费支出合计58.8亿元`: every central unit's together.
    "中央行政事业单位",
    "审计工作报告",
    "审计查出问题",
    "审计情况报告",
    "审计结果公告",
    "审计结果表明",
];

/// Words only a department's (or a unit's) own disclosure uses of itself: a body with one of
/// them that names a single government's word (`本单位…按市本级标准`) is a department's.
pub(crate) const DEPARTMENT_WORDS: &[&str] = &["本部门", "本单位", "我部门", "我单位"];

/// Words by which a title names a department's (or a unit's) disclosure: such a title is never
/// a government's, whatever else it says (`…区2026年区级部门预算`, `部门预算执行情况`).
pub(crate) const DEPARTMENT_TITLE_WORDS: &[&str] = &[
    "部门预算",
    "部门决算",
    "单位预算",
    "单位决算",
    "部门（单位）",
];

/// Words by which a text speaks of itself as a performance self-evaluation (`绩效自评报告`,
/// `项目支出绩效自评表`, `自评结论`, `绩效评价报告`); none holds another.
pub(crate) const SELF_EVALUATION_WORDS: &[&str] = &["自评", "绩效评价报告", "绩效评价表"];

/// Words before a government's word that make it the name of a standard, not the text's
/// subject (`按市本级公用经费开支标准`).
pub(crate) const STANDARD_WORDS: &[&str] = &["按", "参照", "执行"];

/// Words that open a listing of a total's parts, longest first.
pub(crate) const LISTING_WORDS: &[&str] = &[
    "主要用于以下几个方面",
    "主要用于以下方面",
    "主要用于",
    "主要包括",
    "具体包括",
    "其中",
    "包括",
    "用于",
];

/// Words of direction before a figure, longest first where one ends another (`负增长` before
/// `增长`).
pub(crate) const DIRECTION_WORDS: &[(&str, Direction)] = &[
    ("负增长", Direction::Decrease),
    // A direction set in brackets, as templates leave it (`较上年（减）6万元`).
    ("（减少）", Direction::Decrease),
    ("（增加）", Direction::Increase),
    ("（减）", Direction::Decrease),
    ("（增）", Direction::Increase),
    // The size of a change, said of a rate (`减幅0.02%`, `增幅为5%`).
    ("增幅", Direction::Increase),
    ("涨幅", Direction::Increase),
    ("减幅", Direction::Decrease),
    ("降幅", Direction::Decrease),
    // A rate named as such (`增长率为5%`, `减少率8.18%`); a rate of saving against a plan
    // (`节约率`) is none of these.
    ("增长率", Direction::Increase),
    ("增加率", Direction::Increase),
    ("减少率", Direction::Decrease),
    ("下降率", Direction::Decrease),
    ("降低率", Direction::Decrease),
    ("增加了", Direction::Increase),
    ("增长了", Direction::Increase),
    ("减少了", Direction::Decrease),
    ("下降了", Direction::Decrease),
    // Income or spending grown or shrunk (`同比增收5万元`, `减支3万元`).
    ("增收", Direction::Increase),
    ("减收", Direction::Decrease),
    ("增支", Direction::Increase),
    ("减支", Direction::Decrease),
    ("多支出", Direction::Increase),
    ("少支出", Direction::Decrease),
    // Spending cut (`共压缩“三公”经费50.79万元`, `压减5万元`).
    ("压缩", Direction::Decrease),
    ("压减", Direction::Decrease),
    ("缩减", Direction::Decrease),
    ("节约", Direction::Decrease),
    ("节省", Direction::Decrease),
    ("增加", Direction::Increase),
    ("增长", Direction::Increase),
    ("上升", Direction::Increase),
    ("提高", Direction::Increase),
    ("增多", Direction::Increase),
    ("减少", Direction::Decrease),
    ("下降", Direction::Decrease),
    ("降低", Direction::Decrease),
    ("减", Direction::Decrease),
    ("增", Direction::Increase),
];

/// Words naming how far an amount fell short of or went past its budget (`短收7431万元`,
/// `超支3万元`): a difference between two figures, neither of them.
pub(crate) const BUDGET_DIFFERENCE_WORDS: &[&str] = &["短收", "超收", "欠收", "超支", "节支"];

/// Words that make the figure after them a round or bounding number (`约3326万元`,
/// `超3095亿元`, `近20%`), which is not checked as if exact.
pub(crate) const APPROXIMATION_WORDS: &[&str] = &[
    "大约", "约合", "约", "将近", "接近", "近", "超过", "超", "逾", "不足", "不到", "突破", "首破",
];

/// Words that compare a figure with another year's or with the budget.
pub(crate) const COMPARISON_WORDS: &[&str] = &["同比", "相比", "较", "比"];

/// Words that say a change is measured on an adjusted base (`扣除一次性因素，增长4.1%`,
/// `剔除留抵退税后同口径增长19.7%`, `可比增长8.4%`): not the change between the amounts the
/// text prints. `自然口径` (the unadjusted change) is not among them, nor `不可比` (a rate
/// against nothing).
pub(crate) const ADJUSTED_BASE_WORDS: &[&str] = &[
    "扣除",
    "剔除",
    "扣减",
    "除去",
    "不考虑",
    "同口径",
    "可比口径",
    "按可比",
    "可比增",
    "可比减",
    "可比下降",
    "还原",
];

/// Words that adjust a budget (`调增一般专项支出2.73亿元`, `由100万元调整为120万元`, `追加预算`):
/// the figure after them is the adjustment or the adjusted budget, neither a level of the
/// year nor a change against last year.
pub(crate) const ADJUSTMENT_WORDS: &[&str] = &[
    "调增",
    "调减",
    "调整为",
    "调整至",
    "调整到",
    "追加",
    "追减",
    "调剂",
];

/// Words that name last year as what a figure is compared with (`较上年`, `同比`).
pub(crate) const LAST_YEAR_WORDS: &[&str] = &["上年", "去年", "上一年", "同期", "同比"];

/// Words that name a figure reported earlier for a year, an estimate of its final one
/// (`向人代会报告数据`, `预计执行数`, `快报数`): what a government's final accounts, or a budget
/// of the year they close, compare the final figures with (`执行数` covers `预计执行数`).
/// `执行数` of a year named as another (`上年执行数`, `2024年执行数` in a 2025 budget) is that
/// year's actual and not among them.
pub(crate) const ESTIMATE_WORDS: &[&str] = &["报告数", "预计数", "快报数", "执行数", "预计完成数"];

/// Words that say a figure did not change against what it is compared with (`较上年无增减`,
/// `与上年持平`). `基本持平` (about the same) is no exact zero and is not among them.
pub(crate) const NO_CHANGE_WORDS: &[&str] = &["无增减", "持平", "无变化", "没有变化", "未发生变化"];

/// `text` without quotation marks, spaces and line breaks (`“三公”经费` → `三公经费`), as the
/// reader compares words.
pub(crate) fn strip_quotes(text: &str) -> String {
    text.chars()
        .filter(|c| {
            !matches!(
                c,
                '“' | '”' | '"' | '‘' | '’' | '\'' | '「' | '」' | ' ' | '\n' | '\r'
            )
        })
        .collect()
}

/// The words of direction (and of no change) that `text` holds, in order, each where it starts;
/// at each place the longest word counts (`负增长` is one decrease, not an increase inside
/// one). A lone `增` or `减` is a direction only right before a figure, not in free text
/// (`增值税`), so only words of two characters or more are read here.
fn directions_in(text: &str) -> impl Iterator<Item = Direction> + '_ {
    let words = || {
        DIRECTION_WORDS
            .iter()
            .filter(|(w, _)| w.chars().count() > 1)
            .copied()
            .chain(NO_CHANGE_WORDS.iter().map(|w| (*w, Direction::Flat)))
            .chain([("基本持平", Direction::Flat)])
    };
    let mut at = 0;
    std::iter::from_fn(move || {
        while at < text.len() {
            let rest = &text[at..];
            if let Some((word, direction)) = words()
                .filter(|(w, _)| rest.starts_with(w))
                .max_by_key(|(w, _)| w.len())
            {
                at += word.len();
                return Some(direction);
            }
            at += rest.chars().next().map_or(1, char::len_utf8);
        }
        None
    })
}

/// The direction of the first word of direction or of no change in `text` (`比上年增加5万元`
/// → increase, `与上年持平` → flat), if any.
///
/// ```
/// use fiscal_cn::report::Direction;
/// use fiscal_cn::vocabulary::direction_in;
///
/// assert_eq!(direction_in("较上年负增长3%"), Some(Direction::Decrease));
/// assert_eq!(direction_in("与上年持平"), Some(Direction::Flat));
/// assert_eq!(direction_in("增值税"), None);
/// ```
pub fn direction_in(text: &str) -> Option<Direction> {
    directions_in(text).next()
}

/// The direction every word of direction in `text` agrees on; none when it holds none or
/// words of two directions (`一增一减`).
pub fn sole_direction_in(text: &str) -> Option<Direction> {
    let mut directions = directions_in(text);
    let first = directions.next()?;
    directions.all(|d| d == first).then_some(first)
}

/// Whether `text` calls its figure a budget (`年初预算为`, `预算数`): a 预算 outside the
/// names that hold one (一般公共预算, 预算单位, …) and no 决算.
///
/// ```
/// use fiscal_cn::vocabulary::names_a_budget;
///
/// assert!(names_a_budget("三公经费年初预算"));
/// assert!(!names_a_budget("一般公共预算财政拨款支出"));
/// assert!(!names_a_budget("三公经费决算数与预算数相比"));
/// ```
pub fn names_a_budget(text: &str) -> bool {
    let words = without_budget_names(text);
    words.contains("预算") && !words.contains("决算")
}

/// Pairs of words that split one whole into two halves with nothing left over
/// (`地上建筑面积` and `地下建筑面积` are the whole 建筑面积).
pub(crate) const COMPLEMENTARY_WORDS: &[(&str, &str)] = &[
    ("地上", "地下"),
    ("室内", "室外"),
    ("境内", "境外"),
    ("国内", "国外"),
    ("城镇", "农村"),
    ("男", "女"),
];

/// Words that hand listed figures out to listed subjects in order.
pub(crate) const DISTRIBUTION_WORDS: &[&str] = &["分别", "各是", "各为", "依次"];

/// Words that make a reception a foreign one (外事接待).
pub(crate) const FOREIGN_WORDS: &[&str] = &["外事", "外宾", "境外", "国外", "国（境）外"];

/// Words that say a figure covers only some of the units a disclosure reports on (`区直…“三公”
/// 经费`, `所属单位…`): such a figure is not the disclosure's own.
pub(crate) const PART_OF_UNITS_WORDS: &[&str] = &[
    "区直",
    "县直",
    "市直",
    "省直",
    "所属单位",
    "下属单位",
    "二级单位",
    "机关本级",
];

/// The nouns that end the name of a unit (`区军休中心`, `某某小学`, `综合执法大队`).
const UNIT_HEADS: &[&str] = &[
    "中心",
    "站",
    "所",
    "院",
    "队",
    "馆",
    "局",
    "学校",
    "小学",
    "中学",
    "幼儿园",
    "单位",
    "公司",
    "办公室",
];

/// The words that name one unit under the disclosure's (`下属区军休中心`, `所属某某小学`):
/// `下属`/`所属` and the name up to its first unit noun, followed by the thing the figure is of.
/// A figure they word is that unit's, a part of the disclosure's. `所属各预算单位` (each and
/// all of them) names none, and `下属事业单位4个` counts units rather than naming one.
pub(crate) fn subordinate_unit(label: &str) -> Option<&str> {
    ["下属", "所属"].iter().find_map(|marker| {
        label.match_indices(marker).find_map(|(at, _)| {
            let rest = &label[at + marker.len()..];
            if rest.starts_with(['各', '的']) {
                return None;
            }
            let run = han_prefix(rest);
            let end = name_end(run, UNIT_HEADS, 2..=12)?;
            // The unit's own thing must follow (`…中心公务用车保有量`): `下属事业单位4个` counts
            // such units, and `所属机构包括…` lists them.
            let thing = run[end..].trim_end_matches(['共', '为', '是', '数']);
            let lists = ["包括", "和", "及"].iter().any(|w| thing.contains(w))
                || thing.starts_with(['有', '共']);
            (!thing.is_empty() && !lists).then(|| &label[at..at + marker.len() + end])
        })
    })
}

/// The Chinese characters `text` begins with.
pub(crate) fn han_prefix(text: &str) -> &str {
    let end = text
        .char_indices()
        .find(|&(_, c)| !crate::narrative::scan::is_han(c))
        .map_or(text.len(), |(at, _)| at);
    &text[..end]
}

/// Where the shortest name at the start of `run` ends that ends with one of `heads` (where
/// that head first stands) and is `chars` characters long (`区军休中心`, `科室`).
pub(crate) fn name_end(
    run: &str,
    heads: &[&str],
    chars: std::ops::RangeInclusive<usize>,
) -> Option<usize> {
    heads
        .iter()
        .filter_map(|head| run.find(head).map(|at| at + head.len()))
        .filter(|&end| chars.contains(&run[..end].chars().count()))
        .min()
}

/// Words that make a figure a whole region's or its government's (`全县一般公共预算收入`,
/// `该县公共财政预算收入`, `地方一般公共预算收入`, `区金库…收入`, `全口径财政总收入`,
/// `中央一般公共预算本级支出`): a government's revenue and spending, never a department's
/// money, in whatever words follow; the reader describes such a figure in its words.
pub(crate) const REGION_WORDS: &[&str] = &[
    "全国",
    "全省",
    "全市",
    "全州",
    "全区",
    "全县",
    "全旗",
    "全镇",
    "全乡",
    "该省",
    "该市",
    "该区",
    "该县",
    "该镇",
    "该乡",
    "本省",
    "本市",
    "本区",
    "本县",
    "本镇",
    "本乡",
    "金库",
    "全口径",
    "地方一般公共预算",
    "地方公共财政",
    "地方财政",
    "地方级",
    "一般公共预算本级",
    "本级一般公共预算",
];

/// The fill-in instructions templates print in brackets (`XX（单位名称）`).
const FILL_IN_WORDS: &[&str] = &[
    "（单位名称）",
    "（部门名称）",
    "（单位全称）",
    "（项目名称）",
    "（请填写",
    "（填写",
];

/// A template's fill-in left in `line` (`XX（单位名称）`, `20XX年`, `××局`): the stretch of text
/// to quote, if any. A run of two or more `X`/`×` counts only beside a Chinese character or
/// before `年`, so codes and Latin words are not taken for one.
pub(crate) fn placeholder_in(line: &str) -> Option<&str> {
    let is_mark = |c: char| matches!(c, 'X' | 'x' | '×' | 'Ｘ' | 'ｘ');
    if let Some((at, word)) = FILL_IN_WORDS
        .iter()
        .find_map(|w| line.find(w).map(|at| (at, *w)))
    {
        // With the marks before it (`XX（单位名称）`), if any.
        let start = line[..at].trim_end_matches(is_mark).len();
        return Some(&line[start..at + word.len()]);
    }
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    let mut k = 0;
    while k < chars.len() {
        if !is_mark(chars[k].1) {
            k += 1;
            continue;
        }
        let run_end = (k..chars.len())
            .find(|&j| !is_mark(chars[j].1))
            .unwrap_or(chars.len());
        let before = k.checked_sub(1).map(|j| chars[j].1);
        let after = chars.get(run_end).map(|&(_, c)| c);
        let beside_han = before.is_some_and(is_han) || after.is_some_and(is_han);
        let latin_word = before.is_some_and(|c| c.is_ascii_alphabetic())
            || after.is_some_and(|c| c.is_ascii_alphabetic());
        if run_end - k >= 2 && beside_han && !latin_word {
            let start = chars[k.saturating_sub(2)].0;
            let end = chars.get(run_end + 4).map_or(line.len(), |&(i, _)| i);
            return Some(&line[start..end]);
        }
        k = run_end;
    }
    None
}

/// Words that say nothing about what a figure is: `支出决算为`, `共计支出`, `金额`.
pub(crate) fn is_generic(label: &str) -> bool {
    const WORDS: &[&str] = &[
        // The budget as the year's plan or task (`完成年初预算计划`), before the words it holds.
        "预算计划",
        "预算任务",
        "预算目标",
        "上一年度",
        "上年度",
        "上一年",
        "实际上",
        "支出决算数",
        "支出决算",
        "决算数",
        "年初预算",
        "全年预算",
        "调整预算",
        "预算数",
        "预算资金",
        "预算安排",
        "预算",
        "实际使用",
        "实际执行",
        "完成",
        "累计",
        "实际支出",
        "年度",
        "共计",
        "合计",
        "总计",
        "金额",
        "费用",
        "支出",
        "决算",
        "资金",
        "经费",
        "安排",
        "产生",
        "使用",
        "执行",
        "全年",
        "其中",
        "上年",
        "比",
        "较",
        "与",
        "相比",
        "同比",
        "共",
        "达",
        "为",
        "是",
        "了",
        "各",
        "实际",
        "数",
        "项目",
        "年初",
        "均",
        "年",
        // `占年初预算100万元的90%`: the budget an amount is a share of.
        "占",
    ];
    // `********支出`: a name masked out is a name, not filler.
    if label.contains(['*', '＊', '×', '□', '■', '○']) {
        return false;
    }
    let mut rest: String = label
        .chars()
        .filter(|c| !c.is_ascii_digit() && !matches!(c, '：' | '，' | '、' | ' ' | '.'))
        .collect();
    let is_han = |c: char| ('\u{4e00}'..='\u{9fff}').contains(&c);
    for w in WORDS {
        if !rest.chars().any(is_han) {
            break;
        }
        // A replacement builds a new string: only where the word stands.
        if rest.contains(w) {
            rest = rest.replace(w, "");
        }
    }
    !rest.chars().any(is_han)
}

/// The part of a label that names something: after the last `：` if that part is not empty.
pub(crate) fn focus(label: &str) -> &str {
    let label = label.trim();
    if label.contains("（类）") {
        return label;
    }
    let focused = match label.rsplit_once('：') {
        Some((_, after)) if !after.trim().is_empty() && !after.contains("（项）") => {
            after.trim()
        }
        Some((before, _)) if before.contains("（类）") => label,
        Some((_, after)) if after.trim().is_empty() => label.trim_end_matches('：'),
        _ => label,
    };
    // `（含…年初结转和结余）、支出总计6503.68万元`: what a closed bracket of inclusion holds
    // is said of the figure before it; the figure's own words come after it.
    if let Some((before, after)) = focused.rsplit_once('）')
        && let Some((_, inside)) = before.rsplit_once('（')
        && ["含", "包括", "包含", "其中"]
            .iter()
            .any(|w| inside.starts_with(w))
    {
        let after = after
            .trim_start_matches(['、', '，', '；', ',', ' '])
            .trim();
        if !after.is_empty() {
            return after;
        }
    }
    // `项目支出包括委员活动经费36.3万元`: what the listing names, not what it lists the parts of.
    match focused.rsplit_once("包括") {
        Some((_, after)) if !after.trim().is_empty() => after.trim(),
        _ => focused,
    }
}

/// `text` after a year it opens with (`2024年度…`, `2024年…`), or all of it.
pub(crate) fn after_year(text: &str) -> &str {
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    (digits == 4)
        .then(|| {
            // `2020 年`: a year spaced from its 年.
            let rest = text[digits..].trim_start();
            rest.strip_prefix("年度")
                .or_else(|| rest.strip_prefix('年'))
        })
        .flatten()
        .unwrap_or(text)
}

/// Names holding 预算 that name no budget figure: funds (一般公共预算, and their older or
/// shorter names 公共预算, 公共财政预算, 一般预算, 基金预算), money inside or outside the budget
/// (预算内投资, 预算外资金), kinds of unit (预算单位), practices (预算绩效管理) and the like
/// (预算稳定调节基金, 预算周转金). Longer names come before the shorter ones they hold.
pub(crate) const NAMES_HOLDING_BUDGET: &[&str] = &[
    "一般公共预算",
    "公共预算",
    "政府性基金预算",
    "国有资本经营预算",
    "社会保险基金预算",
    "公共财政预算",
    "一般预算",
    "基金预算",
    "预算内",
    "预算外",
    "预算周转金",
    "预算单位",
    "预算绩效",
    "预算管理",
    "预算法",
    "预算稳定调节基金",
];

/// `text` without the [`NAMES_HOLDING_BUDGET`], so that a 预算 left in it speaks of a budget;
/// borrowed when it holds none (most labels hold no 预算 at all).
pub(crate) fn without_budget_names(text: &str) -> std::borrow::Cow<'_, str> {
    let mut out = std::borrow::Cow::Borrowed(text);
    if !text.contains("预算") {
        return out;
    }
    for name in NAMES_HOLDING_BUDGET {
        if out.contains(name) {
            out = std::borrow::Cow::Owned(out.replace(name, ""));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One unit named under the disclosure's, with the thing its figure is of.
    #[test]
    fn subordinate_units() {
        assert_eq!(
            subordinate_unit("下属区军休中心公务用车保有量"),
            Some("下属区军休中心")
        );
        assert_eq!(
            subordinate_unit("所属示范小学公务接待费"),
            Some("所属示范小学")
        );
        assert_eq!(subordinate_unit("本局下属事业单位"), None);
        assert_eq!(subordinate_unit("所属各预算单位共有车辆"), None);
        assert_eq!(subordinate_unit("所属机构包括国家统计局本级和"), None);
    }

    /// A 预算 left after the names that hold one is a budget's; none is left of the names.
    #[test]
    fn budget_names_are_not_budgets() {
        assert!(!without_budget_names("动用预算稳定调节基金").contains("预算"));
        assert!(!without_budget_names("一般公共预算财政拨款支出").contains("预算"));
        assert!(!without_budget_names("全面实施预算绩效管理").contains("预算"));
        assert!(without_budget_names("一般公共预算拨款收入预算").contains("预算"));
        assert!(without_budget_names("年初预算数").contains("预算"));
        for fund_or_money in [
            "公共财政预算收入",
            "基金预算支出",
            "一般预算总收入",
            "中央预算内投资支出",
            "预算外资金",
            "补充预算周转金",
        ] {
            assert!(!names_a_budget(fund_or_money), "{fund_or_money}");
        }
        assert!(names_a_budget("基金预算收入预算数"));
    }

    /// Free text is read word by word, the longest word at each place, lone 增/减 ignored.
    #[test]
    fn directions_of_free_text() {
        assert_eq!(direction_in("主要是增值税减少"), Some(Direction::Decrease));
        assert_eq!(direction_in("减少(增加)"), Some(Direction::Decrease));
        assert_eq!(
            sole_direction_in("支出减少，主要是人员减少"),
            Some(Direction::Decrease)
        );
        assert_eq!(sole_direction_in("收入增加，支出减少"), None);
        assert_eq!(sole_direction_in("同比负增长5%"), Some(Direction::Decrease));
        assert_eq!(sole_direction_in("基本持平"), Some(Direction::Flat));
        assert_eq!(sole_direction_in("没有数字"), None);
    }

    /// A template's fill-in is found in the title or the body; codes, Latin words and a single
    /// `X` are none.
    #[test]
    fn template_placeholders() {
        assert_eq!(
            placeholder_in("（略） XX（单位名称）2023年度单位决算"),
            Some("XX（单位名称）")
        );
        assert_eq!(placeholder_in("（单位名称）决算"), Some("（单位名称）"));
        assert!(placeholder_in("本单位20XX年度收入").is_some());
        assert!(placeholder_in("××局部门决算").is_some());
        for none in ["购置X光机2台", "XXL-2型设备", "编号AXX-12", "收入100万元"] {
            assert_eq!(placeholder_in(none), None, "{none}");
        }
    }
}
