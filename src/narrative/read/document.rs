//! What a text is: its title, the department or government it speaks for, the kind of
//! disclosure (final accounts, a department's budget, a government's) and its year.

use super::before_any;
use crate::narrative::scan::{Chars, Figure, FigureKind, Numbering, figures, split_numbering};
use crate::report::DisclosureKind;
use crate::vocabulary::words::{
    COLLECTIVE_TITLE_WORDS, COLLECTIVE_WORDS, COMPARISON_WORDS, DEPARTMENT_TITLE_WORDS,
    DEPARTMENT_WORDS, DRAFT_ACCOUNTS_WORDS, FINANCE_SUMMARY_WORDS, GOVERNMENT_TITLE_WORDS,
    GOVERNMENT_WORDS, SELF_EVALUATION_WORDS, STANDARD_WORDS, TITLE_WORDS, without_budget_names,
};

pub(super) struct Title {
    pub(super) line: (usize, usize),
    pub(super) year: u16,
    pub(super) name: String,
    /// The title as printed (normalised).
    pub(super) text: String,
}

/// Line ranges `[a, b)` of the text.
pub(super) fn lines(chars: &Chars) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in 0..chars.len() {
        if matches!(chars.at(i), '\n' | '\r' | '\u{2028}' | '\u{2029}') {
            out.push((start, i));
            start = i + 1;
        }
    }
    out.push((start, chars.len()));
    out
}

/// The title: among the first lines, one that names a year and a kind of disclosure
/// (`2024年度…部门决算公开编制说明`, `…2023年部门预算`), and reads as a title, not a sentence
/// of the body: no figure other than the year, no clause punctuation, no numbering of a
/// heading.
pub(super) fn find_title(chars: &Chars) -> Option<Title> {
    let all = lines(chars);
    for (k, &(a, first_end)) in all.iter().enumerate().take(40) {
        // `关于长宁区2023年财政决算及⏎2024年上半年预算执行情况的报告`: a title broken after a
        // joining word goes on on the next line.
        let first = chars.normalized(a, first_end);
        let first = first.trim();
        let unfinished = TITLE_JOINS.iter().any(|w| first.ends_with(w))
            || first.starts_with("关于") && !TITLE_ENDINGS.iter().any(|w| first.ends_with(w));
        let b = match all.get(k + 1) {
            Some(&(next, next_end))
                if unfinished
                    && split_numbering(chars.normalized(next, next_end).trim()).0
                        == Numbering::None =>
            {
                next_end
            }
            _ => first_end,
        };
        let line: String = chars
            .normalized(a, b)
            .chars()
            .filter(|c| !matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}'))
            .collect();
        // `2024年…“三公”经费预算财政拨款情况统计表 | ||||`: a table's title flattened with its
        // empty cells.
        let line = line.trim().trim_end_matches(['|', ' ']);
        if line.is_empty()
            || line.chars().count() > 80
            || is_breadcrumb(line)
            || line.contains(['，', '。', '；', ',', ';'])
            || !(line.contains("决算") || line.contains("预算"))
            || !matches!(split_numbering(line).0, Numbering::None | Numbering::Part)
            || figures(chars, a, b)
                .iter()
                .any(|f| !matches!(f.kind, FigureKind::Year(_)))
        {
            continue;
        }
        let Some((year, before, after)) = year_in(line) else {
            continue;
        };
        // `2024年预算执行情况和2025年预算草案的报告`: the report of a budget is of the year it
        // drafts; the year executed is the one before.
        let year = drafted_year(after).unwrap_or(year);
        let (_, before) = split_numbering(before);
        let before = before.trim_start_matches("关于");
        // A title names its kind of report, or names its department before the year and
        // ends as titles do.
        // `关于2018年中央国有资本经营决算的说明`: a report's title opens with 关于 (one on two
        // years, `关于2010年…支出和2011年…预算情况的说明`, gives no one year).
        let about_one_year = line.starts_with("关于") && year_in(after).is_none();
        // A table's title heading a text of tables (`2024年某镇“三公”经费预算…统计表`) names the
        // text when it names one year.
        let table_of_one_year = line.ends_with('表') && year_in(after).is_none();
        let titled = TITLE_WORDS.iter().any(|w| line.contains(w))
            || table_of_one_year
            || (before.trim().chars().count() >= 2 || about_one_year)
                && ["决算", "预算", "说明", "报告", "公开"]
                    .iter()
                    .any(|w| line.ends_with(w));
        if !titled {
            continue;
        }
        // `部门预算项目支出绩效自评表（2023年度）`: words of a kind of report before the year
        // name no department.
        let name = if ["预算", "决算", "自评", "报告"]
            .iter()
            .any(|w| before.contains(w))
        {
            ""
        } else if before.trim().is_empty() {
            // The name runs up to the first word of what the report is about.
            let kinds = [
                "政府预算",
                "财政预算",
                "部门决算",
                "部门预算",
                "单位决算",
                "单位预算",
                "决算",
                "预算",
            ];
            // Both are prefixes of `after`: the shorter ends at the first such word.
            let (kind, about) = (before_any(after, &kinds), before_any(after, REPORTED_ON));
            if kind.len() <= about.len() {
                kind
            } else {
                about
            }
        } else {
            // `绵阳市游仙区审计局财政拨款“三公”经费2022年预算…`: so does a name before the year.
            before_any(before, REPORTED_ON)
        };
        let name = department_line(chars).unwrap_or_else(|| name.trim().to_owned());
        return Some(Title {
            line: (a, b),
            year,
            name,
            text: line.to_owned(),
        });
    }
    None
}

/// The words that join two things a title names (`…决算及…执行情况`, `…执行情况和…预算草案`).
const TITLE_JOINS: &[&str] = &["和", "及", "与", "、"];

/// Words of what a report is about (a fund, 三公经费, a classification), which end the name of
/// the department before them in a title.
const REPORTED_ON: &[&str] = &[
    "一般公共预算",
    "政府性基金",
    "国有资本经营",
    "财政拨款",
    "“三公”",
    "三公经费",
    "经济分类",
    "功能分类",
];

/// The endings of a whole title: a title opened by `关于` without one of them
/// (`关于彭水苗族土家族自治县2024年预算执行⏎情况和2025年预算草案的报告`) goes on on the next line.
const TITLE_ENDINGS: &[&str] = &["报告", "说明", "决算", "预算", "公开", "草案", "情况"];

/// Parts of a year a report of its execution covers (`关于2025年上半年托克逊县预算执行情况报告`).
const PERIOD_WORDS: &[&str] = &["上半年", "下半年", "前三季度", "第一季度", "一季度", "全年"];

/// The year of a draft budget named after a year executed (`…执行情况和2025年预算草案`,
/// `…和2026年预算（草案）`): a later year whose own words, up to the next joining word, name
/// a draft budget.
fn drafted_year(mut rest: &str) -> Option<u16> {
    while let Some((year, _, after)) = year_in(rest) {
        let own = before_any(after, TITLE_JOINS);
        if own.contains("预算") && own.contains("草案") {
            return Some(year);
        }
        rest = after;
    }
    None
}

/// Whether a line is a web page's trail of where the page stands (`当前位置：首页>>…>>2018年
/// 预决算>>2017年部门决算`): its years are the site's folders, not the report's title.
fn is_breadcrumb(line: &str) -> bool {
    line.contains("当前位置") || line.contains("首页") && line.contains(['>', '＞', '›', '»', '/'])
}

/// The department a `主管部门：…` (`预算主管部门`, `编制部门`, `编制单位`) line names near the
/// top: titles that name the region's whole set of budgets (`…区2026年区级部门预算`) leave
/// the department to such a line.
fn department_line(chars: &Chars) -> Option<String> {
    lines(chars).into_iter().take(40).find_map(|(a, b)| {
        let line = chars.normalized(a, b);
        let (label, name) = line.trim().split_once('：')?;
        let name = name.trim();
        let labelled = ["主管部门", "编制部门", "编制单位", "单位名称", "部门名称"]
            .iter()
            .any(|w| label.trim().ends_with(w));
        (labelled && !name.is_empty() && name.chars().count() <= 40 && !name.contains(' '))
            .then(|| name.to_owned())
    })
}

/// The kind of disclosure `text` is. A title says it in a word (决算, or 预算 with or
/// without a government's words); a body without a title is final accounts when it speaks of
/// 决算 more than once (budgets never state 决算 figures; `预决算` is the name of a rule),
/// a budget when it speaks of 预算, and a government's when it uses words only a government's
/// budget or final accounts use (one such word with no 决算 in the text, or two): its final
/// accounts when it speaks of 决算 at least as often as of 预算 or names a draft of final
/// accounts ([`DRAFT_ACCOUNTS_WORDS`], itself a government's word), its budget otherwise; a
/// finance bureau's summary ([`FINANCE_SUMMARY_WORDS`]) counts as two such words. A
/// department's text that speaks of itself as a performance self-evaluation
/// ([`evaluates_itself`]) is one. A title that
/// names a department's disclosure (`部门预算`) is never a government's; a body that speaks of
/// itself as a department (`本单位`) needs two government's words; a government's word after
/// 按 (`按市本级公用经费开支标准`) names a standard and does not count. `None` when nothing
/// says.
pub(super) fn kind_of(text: &str, title: bool) -> Option<DisclosureKind> {
    // A word counts where the text uses it of itself: not as a standard (`按市本级…标准`) nor in
    // a glossary's definition (`一般公共预算拨款收入：指市本级财政当年拨付的资金`).
    let own_at = |at: usize| {
        let before = &text[..at];
        let line = &before[before.rfind('\n').map_or(0, |n| n + 1)..];
        !STANDARD_WORDS.iter().any(|w| before.ends_with(w))
            && !["：指", ":指", "是指", "系指"]
                .iter()
                .any(|w| line.contains(w))
    };
    let own = |word: &str| text.match_indices(word).any(|(at, _)| own_at(at));
    // `负责编制…预决算草案`: a finance bureau's duty names both drafts, and no report.
    let draft_accounts = DRAFT_ACCOUNTS_WORDS.iter().any(|w| {
        text.match_indices(w)
            .any(|(at, _)| !text[..at].ends_with('预') && own_at(at))
    });
    let finance_summary = FINANCE_SUMMARY_WORDS.iter().any(|w| own(w));
    let mut government = GOVERNMENT_WORDS.iter().filter(|w| own(w)).count()
        + usize::from(draft_accounts)
        + 2 * usize::from(finance_summary);
    let departmental = if title {
        // `伙牌镇政府预算公开`: a town's government as a budget unit, which its body tells.
        let town_unit = ["镇政府预算", "乡政府预算", "镇政府决算", "乡政府决算"]
            .iter()
            .any(|w| text.contains(w));
        government += GOVERNMENT_TITLE_WORDS
            .iter()
            .filter(|w| text.contains(*w) && !town_unit)
            .count();
        government += usize::from(names_a_government(text));
        DEPARTMENT_TITLE_WORDS.iter().any(|w| text.contains(w))
    } else {
        DEPARTMENT_WORDS.iter().any(|w| text.contains(w))
    };
    // The names of laws and documents cited (`《中华人民共和国预算法》`, `《…预算管理制度改革
    // 的决定》`) say nothing of what the text is.
    let uncited = without_citations(text);
    let text = uncited.as_ref();
    let finals = text.matches("决算").count() - text.matches("预决算").count();
    // 预算 inside names that final accounts use as much as budgets (一般公共预算, 年初预算,
    // 预算单位) says nothing of which the text is. The names are taken out one after the other,
    // so that a 预算 two of them hold (`政府性基金预算` holds `基金预算`) is taken out once.
    let budgets = NAMES_WITH_BUDGET
        .iter()
        .fold(without_budget_names(text), |rest, name| {
            if rest.contains(name) {
                std::borrow::Cow::Owned(rest.replace(name, ""))
            } else {
                rest
            }
        })
        .matches("预算")
        .count();
    // A title, or the first line of a text without one, that speaks of many departments.
    let first_line = if title {
        text
    } else {
        text.lines()
            .find(|l| !l.trim().is_empty())
            .unwrap_or_default()
    };
    // An untitled text under a government's report heading (one naming no 决算 or 预算) is
    // the government's, whatever else it says: the heading counts as two words.
    if !title && a_government_reports(first_line) {
        government += 2;
    }
    let collective = COLLECTIVE_TITLE_WORDS
        .iter()
        .any(|w| first_line.contains(w))
        || !title && COLLECTIVE_WORDS.iter().any(|w| text.contains(w));
    let government = if collective {
        true
    } else if title && departmental {
        false
    } else if departmental {
        government >= 2
    } else {
        government >= 2 || government >= 1 && (title || finals == 0)
    };
    if government {
        // A government's final accounts (`2023年全县财政决算`, `关于2022年决算和2023年上半年预算
        // 执行情况的报告`) speak of 决算 at least as often as of 预算, or say so first
        // (`现将2018年财政决算情况如下`, before many `为预算的101.7%`); a budget's execution
        // report and draft (`预算执行情况和预算草案`) hardly at all.
        let says_first = || {
            // `按照《预算法》…要求，现将…决算情况如下`: a law's name says nothing of the text.
            let own: String = first_line
                .split('《')
                .map(|piece| piece.split_once('》').map_or(piece, |(_, after)| after))
                .collect();
            own.contains("决算") && !own.contains("预算")
        };
        let final_accounts = draft_accounts
            || finals >= 1 && finals >= budgets && (title || finals >= 2)
            || !title && says_first();
        Some(if final_accounts {
            DisclosureKind::GovernmentFinalAccounts
        } else {
            DisclosureKind::GovernmentBudget
        })
    } else if evaluates_itself(text, title) {
        Some(DisclosureKind::PerformanceSelfEvaluation)
    } else if finals >= 1 && (title || finals >= 2 || finals >= budgets) {
        Some(DisclosureKind::FinalAccounts)
    } else if budgets >= 1 {
        Some(DisclosureKind::Budget)
    } else {
        None
    }
}

/// `text` without what it cites in `《…》` (a title never closed is kept); borrowed when it
/// cites nothing.
fn without_citations(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains('《') {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('《') {
        out.push_str(&rest[..open]);
        match rest[open..].find('》') {
            Some(close) => rest = &rest[open + close + '》'.len_utf8()..],
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

/// Whether a text is a performance self-evaluation (`…项目支出绩效自评报告`): a first line that
/// says so without naming a department's disclosure (whatever the body quotes of the
/// department's 部门决算), or a title or a body that speaks of its self-evaluation (a body
/// twice), naming no department's final accounts or budget (whose 绩效 sections speak of 自评
/// as much). A
/// department's budget named as what a project's form evaluates (`部门预算项目支出绩效自评表`)
/// is no such name.
fn evaluates_itself(text: &str, title: bool) -> bool {
    let said_in = |text: &str| {
        SELF_EVALUATION_WORDS
            .iter()
            .map(|w| text.matches(w).count())
            .sum::<usize>()
    };
    let first_line = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    // `部门整体支出绩效评价报告` heading a body that quotes the department's 部门决算: the text
    // says what it is before it says what it evaluates.
    if said_in(first_line) > 0
        && !DEPARTMENT_TITLE_WORDS
            .iter()
            .any(|w| first_line.contains(w))
    {
        return true;
    }
    let names_a_department = DEPARTMENT_TITLE_WORDS.iter().any(|w| {
        text.match_indices(w).any(|(at, _)| {
            let after = &text[at + w.len()..];
            !(after.starts_with("项目支出绩效自评") || after.starts_with("项目绩效自评"))
        })
    });
    if names_a_department {
        return false;
    }
    said_in(text) >= if title { 1 } else { 2 }
}

/// Words holding 预算 that final accounts use as much as budgets: the names that name no
/// budget figure, the year's own budget that final accounts compare with, and the words of
/// its execution (`预算执行比例`, `完成预算`).
const NAMES_WITH_BUDGET: &[&str] = &[
    "年初预算",
    "调整预算",
    "调整后预算",
    "预算执行",
    "执行预算",
    "完成预算",
    "预算完成",
];

/// Whether a title is a region's own report: the name before its year is a province, city,
/// district or county, with nothing after it (`重庆市永川区2024年决算报告`, `某县2025年预算`),
/// or a government reporting (`某市人民政府关于2023年度…的报告`); a department follows its
/// region's name (`某区财政局2024年决算`). A 镇 or 乡 is left out:
/// towns publish their own 部门决算 under their names as well.
fn names_a_government(title: &str) -> bool {
    let Some((_, before, _)) = year_in(title) else {
        return false;
    };
    let name = before
        .rsplit(['|', '：', ':'])
        .next()
        .unwrap_or(before)
        .trim();
    (["省", "市", "区", "县", "自治州", "旗"]
        .iter()
        .any(|w| name.ends_with(w))
        || a_government_reports(title))
        && !["部门", "单位", "街道", "学校", "医院"]
            .iter()
            .any(|w| title.contains(w))
}

/// Whether `line` opens a government's report to its people's congress
/// (`武汉市人民政府关于2023年度国有资产管理情况的综合报告`), which a department never writes.
fn a_government_reports(line: &str) -> bool {
    year_in(line).is_some_and(|(_, before, _)| {
        before
            .trim()
            .strip_suffix("关于")
            .is_some_and(|by| by.trim_end().ends_with("政府"))
    })
}

/// The first `YYYY年度`/`YYYY年` in `line`: the year, the text before and after it.
pub(super) fn year_in(line: &str) -> Option<(u16, &str, &str)> {
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    for (k, &(offset, c)) in chars.iter().enumerate() {
        if !c.is_ascii_digit() || (k > 0 && chars[k - 1].1.is_ascii_digit()) {
            continue;
        }
        let digits: String = line[offset..]
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        let rest = line[offset + digits.len()..].trim_start();
        let Some(after) = rest
            .strip_prefix("年度")
            .or_else(|| rest.strip_prefix('年'))
        else {
            continue;
        };
        if let Ok(year) = digits.parse::<u16>()
            && digits.len() == 4
            && (1900..=2100).contains(&year)
        {
            return Some((year, &line[..offset], after));
        }
    }
    None
}

/// The report's year when no title gives it: the year the text speaks of most, not counting
/// the years it compares with (`较2022年度`, `比上年`), `YYYY年度` counting double; a tie goes to
/// the later year.
/// A text that names no year but those it compares with (`2020年无此项预算`, `较2020年增加`)
/// is of the year after the latest of them.
pub(super) fn voted_year(chars: &Chars) -> Option<u16> {
    year_votes(chars, None)
        .into_iter()
        .max_by_key(|&(y, v, _)| (v, y))
        .map(|(y, _, _)| y)
        .or_else(|| {
            compared_years(chars)
                .into_iter()
                .max()
                .and_then(|y| y.checked_add(1))
        })
}

/// Whether the year `figure` is one a figure is compared with: after a word of comparison
/// (`较2022年度`, `与2022年`), or before 无 (`2020年无此项预算`: the year that had none).
fn is_compared_year(chars: &Chars, figure: &Figure, end: usize) -> bool {
    let before = chars.normalized(figure.start.saturating_sub(3), figure.start);
    let before = before.trim_end();
    let after = chars.normalized(figure.end, (figure.end + 3).min(end));
    COMPARISON_WORDS.iter().any(|w| before.ends_with(w))
        || before.ends_with('与')
        || after.trim_start().starts_with('无')
}

/// The years the text (its first 20,000 characters) compares with.
fn compared_years(chars: &Chars) -> Vec<u16> {
    let end = chars.len().min(20_000);
    figures(chars, 0, end)
        .iter()
        .filter_map(|figure| match figure.kind {
            FigureKind::Year(year) if is_compared_year(chars, figure, end) => Some(year),
            _ => None,
        })
        .collect()
}

/// The years the text (its first 20,000 characters, less the line `skip`) speaks of, with
/// their votes as [`voted_year`] counts them and where each is first named.
fn year_votes(chars: &Chars, skip: Option<(usize, usize)>) -> Vec<(u16, u32, usize)> {
    let end = chars.len().min(20_000);
    let mut votes: Vec<(u16, u32, usize)> = Vec::new();
    for figure in figures(chars, 0, end) {
        if skip.is_some_and(|(a, b)| (a..b).contains(&figure.start)) {
            continue;
        }
        let FigureKind::Year(year) = figure.kind else {
            continue;
        };
        if is_compared_year(chars, &figure, end) {
            continue;
        }
        let weight = if chars.at(figure.end.saturating_sub(1)) == '度' {
            2
        } else {
            1
        };
        match votes.iter_mut().find(|(y, _, _)| *y == year) {
            Some((_, v, _)) => *v += weight,
            None => votes.push((year, weight, figure.start)),
        }
    }
    votes
}

/// The year the body of the text speaks of when its title names another, with where it is
/// first named: the year of the disclosure whose scope the body states ([`scope_year`]), or
/// the body's own year by a wide margin (at least four votes, and twice the title year's and
/// two more). A report's body names its own year again and again; a title whose year the body
/// hardly names was most likely left from another year's report.
pub(super) fn body_year_against_title(chars: &Chars, title: &Title) -> Option<(u16, usize)> {
    scope_year(chars)
        .filter(|(year, _)| *year != title.year)
        .or_else(|| voted_against_title(chars, title))
}

/// The year of the disclosure whose scope the text states (`纳入2024年度部门预算编制范围的单位
/// 包括…`, `纳入本部门2023年部门决算编制范围的…`), and where: the units the disclosure covers
/// are stated of its own year, so another year there is a slip of the text or of its title
/// (a template kept from last year). The first such statement in the text's first 20,000
/// characters.
fn scope_year(chars: &Chars) -> Option<(u16, usize)> {
    let end = chars.len().min(20_000);
    let starts =
        (0..end.saturating_sub(1)).filter(|&i| chars.at(i) == '纳' && chars.at(i + 1) == '入');
    for start in starts {
        // The clause the scope is stated in, up to 40 characters.
        let stop = (start..end.min(start + 40))
            .find(|&i| matches!(chars.at(i), '。' | '；' | '\n'))
            .unwrap_or(end.min(start + 40));
        let clause = chars.normalized(start, stop);
        if !clause.contains("范围") {
            continue;
        }
        for (at, _) in clause.match_indices("部门") {
            let after = &clause[at + "部门".len()..];
            let before = &clause[..at];
            let Some(before) = before
                .strip_suffix("年度")
                .or_else(|| before.strip_suffix('年'))
                .filter(|_| after.starts_with("预算") || after.starts_with("决算"))
            else {
                continue;
            };
            let digits = before.len() - before.trim_end_matches(|c: char| c.is_ascii_digit()).len();
            if digits == 4
                && let Ok(year) = before[before.len() - 4..].parse::<u16>()
            {
                return Some((year, start));
            }
        }
    }
    None
}

/// The year most of the body speaks of, when it is not the title's and outvotes it.
fn voted_against_title(chars: &Chars, title: &Title) -> Option<(u16, usize)> {
    let votes = year_votes(chars, Some(title.line));
    let of_title = votes
        .iter()
        .find(|(y, _, _)| *y == title.year)
        .map_or(0, |(_, v, _)| *v);
    let (year, top, at) = votes.into_iter().max_by_key(|&(y, v, _)| (v, y))?;
    (year != title.year && top >= 4 && top >= 2 * of_title + 2).then_some((year, at))
}

/// The department's name as the text names it: without what a page's layout put around it
/// (`标题： | 中庄镇`, `名称： | 关于…`, a table's `|`), a code before it (`411001-衡山县贯塘乡人民政府`), or a word
/// of kind after it (`怀远县水利局单位`, `…卫生院部门`); empty when only such words are left
/// (`政府` of `2023年政府决算公开`). `四川省中共乐山市金口河区委组织部` →
/// `中共乐山市金口河区委组织部` when the text also names the department without the province.
/// An attachment's label (`附件1：`) is no part of a name, nor is a government's level alone
/// (`区本级`). A title's issuer before `关于` names the region it governs (`西安市新城区人民政府关于新城区…`
/// → `西安市新城区`), or the department itself when nothing follows `关于`; a period after the
/// year (`上半年托克逊县`) is no part of a name.
pub(super) fn shorten_name(name: &str, text: &str) -> String {
    let name = name.trim().trim_start_matches(['|', ' ']);
    // `附件1：肥西县政协办…`: an attachment's label, numbered or not.
    let name = match name.strip_prefix("附件") {
        Some(rest) => rest.trim_start_matches(|c: char| c.is_ascii_digit()),
        None => name,
    };
    let name = ["标题", "名称"]
        .iter()
        .find_map(|label| name.strip_prefix(label))
        .unwrap_or(name)
        .trim_start_matches(['：', ':', '|', ' '])
        .trim_start_matches("关于")
        .trim_end_matches(['|', ' ']);
    let name = match name.split_once("关于") {
        Some((issuer, about)) => ["人民政府", "政府"]
            .iter()
            .find_map(|w| issuer.strip_suffix(w))
            .filter(|region| region.chars().count() >= 2)
            .unwrap_or(if about.trim().is_empty() {
                issuer
            } else {
                about
            })
            .trim(),
        None => name,
    };
    let name = PERIOD_WORDS
        .iter()
        .find_map(|w| name.strip_prefix(w))
        .unwrap_or(name);
    let name = match name.split_once(['-', '－']) {
        Some((code, rest)) if !code.is_empty() && code.chars().all(|c| c.is_ascii_digit()) => rest,
        _ => name,
    };
    let name = ["部门", "单位"]
        .iter()
        .find_map(|w| name.strip_suffix(w))
        .filter(|rest| rest.chars().count() >= 2)
        .unwrap_or(name);
    // `区本级`: the level of a government, naming none.
    let level_only = name
        .strip_suffix("本级")
        .is_some_and(|level| level.chars().count() <= 1);
    if level_only || ["政府", "人民政府", "部门", "单位"].contains(&name) {
        return String::new();
    }
    // Only a department of a lower government (`…市…`, `…县…`) drops its province: `广东省财政厅`
    // is the province's own.
    if let Some((province, rest)) = name.split_once('省')
        && province.chars().count() <= 4
        && rest.chars().count() >= 2
        && rest
            .chars()
            .take(10)
            .any(|c| matches!(c, '市' | '县' | '区' | '州' | '盟' | '旗'))
        && text
            .match_indices(rest)
            .any(|(at, _)| !text[..at].ends_with('省'))
    {
        return rest.to_owned();
    }
    name.to_owned()
}
