//! 功能分类 lines named in a text: paths of 类/款/项 names with their level marks, lines
//! printed with their codes, and how a printed name is compared with the catalog's.

use crate::classification::{FunctionCode, Level, name_chars};
use crate::narrative::scan::{Numbering, split_numbering};
use crate::vocabulary::words::LISTING_WORDS;

/// A 功能分类 line written with its code in the words before a figure: the code first
/// (`20103-政府办公厅(室)及相关机构事务`, `2010101 行政运行`, `2.2200101行政运行` glued to a list
/// number) or in brackets after the name (`行政运行（2010101）`). Returns the code and the name
/// as printed, without trailing level marks or words of amount. A number that is no code of
/// three, five or seven digits, or has no name, is not one.
pub(crate) fn coded_line(text: &str) -> Option<(FunctionCode, String)> {
    let text = text.trim();
    // The runs of digits that can be a code (3, 5 or 7 digits, not led by 0), found in one pass
    // over the bytes: most numbers of a text are amounts, and a failed parse costs an error.
    let bytes = text.as_bytes();
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            i += 1;
        }
        if matches!(i - start, 3 | 5 | 7) && bytes[start] != b'0' {
            runs.push((start, i));
        }
    }
    // The last number that is a code printed with a name (a clause quoted whole ends in its
    // amount: `2010101 行政运行120.00万元`).
    runs.iter()
        .rev()
        .find_map(|&(start, end)| line_at(text, start, end))
}

/// The code at `text[start..end]` and the name printed with it, if the code is one
/// ([`coded_line`]).
fn line_at(text: &str, start: usize, end: usize) -> Option<(FunctionCode, String)> {
    const SEPARATORS: [char; 6] = ['-', '－', '—', '–', ' ', '　'];
    let code: FunctionCode = text[start..end].parse().ok()?;
    let before = &text[..start];
    let after = &text[end..];
    let bracketed = ["（", "(", "[", "【"].iter().any(|o| before.ends_with(o))
        && ["）", ")", "]", "】"].iter().any(|c| after.starts_with(c));
    let name = if bracketed {
        let open = before.char_indices().last().map_or(0, |(i, _)| i);
        let head = &before[..open];
        let segment = head
            .rsplit(['：', '，', '、', '；', ' ', '\n', '\r'])
            .next()
            .unwrap_or(head);
        split_numbering(segment.trim()).1
    } else {
        // What precedes the code is a list number at most (`1、`, `（一）`, `2.`).
        let lead = before.trim();
        let lead = lead.strip_suffix(['.', '．']).unwrap_or(lead);
        let numbered = lead.is_empty()
            || split_numbering(&format!("{lead} ")).0 != Numbering::None
            || (lead.len() <= 2 && lead.chars().all(|c| c.is_ascii_digit()));
        if !numbered || !after.starts_with(|c: char| SEPARATORS.contains(&c) || !c.is_ascii()) {
            return None;
        }
        let name = after.trim_start_matches(SEPARATORS);
        // The name ends where the figure begins.
        let figure = name
            .find(|c: char| c.is_ascii_digit())
            .unwrap_or(name.len());
        &name[..figure]
    };
    let name = without_trailing_words(name);
    let cjk = name.chars().filter(|c| !c.is_ascii()).count();
    (cjk >= 2).then(|| (code, name.to_owned()))
}

/// A 功能分类 line's name without the words that follow it in a sentence (`（项）`, `科目`,
/// `预算数`, `为`…), however many.
/// The level a name's own mark gives it (`行政运行（项）`, `教育支出类科目`), if any; a name
/// that merely ends in the character (`奇怪的款项`) has none.
pub(super) fn marked_level(name: &str) -> Option<Level> {
    let name = name.trim_end();
    [
        ("类", Level::Lei),
        ("款", Level::Kuan),
        ("项", Level::Xiang),
    ]
    .into_iter()
    .find(|(mark, _)| {
        [
            format!("（{mark}）"),
            format!("({mark})"),
            format!("{mark}科目"),
        ]
        .iter()
        .any(|m| name.ends_with(m.as_str()))
    })
    .map(|(_, level)| level)
}

pub(super) fn without_trailing_words(name: &str) -> &str {
    // Longest first where one ends another.
    const TRAILING: &[&str] = &[
        "类科目",
        "款科目",
        "项科目",
        "（类）",
        "（款）",
        "（项）",
        "(类)",
        "(款)",
        "(项)",
        "科目",
        "决算数",
        "预算数",
        "共计",
        "合计",
        "决算",
        "预算",
        "安排",
        "为",
        "是",
    ];
    let mut name = name.trim();
    while let Some(rest) = TRAILING.iter().find_map(|w| name.strip_suffix(w)) {
        name = rest.trim_end();
    }
    name
}

/// Whether a name printed with a code is the catalog's name for it: the same after white
/// space, bracket widths, level marks and a closing `支出` are set aside, or a shortening of
/// it from the start (`机关事业单位基本养老保险缴费` for `机关事业单位基本养老保险缴费支出`).
pub(crate) fn names_agree(catalog: &str, printed: &str) -> bool {
    // A name as compared, without building it: its characters less white space, ASCII
    // brackets as full-width ones, and a closing `支出` (after white space) left out.
    fn plain(name: &str) -> impl Iterator<Item = char> + '_ {
        let mut last_two = name
            .char_indices()
            .rev()
            .filter(|(_, c)| !c.is_whitespace());
        let end = match (last_two.next(), last_two.next()) {
            (Some((_, '出')), Some((at, '支'))) => at,
            _ => name.len(),
        };
        name_chars(&name[..end])
    }
    let (catalog, printed) = (plain(catalog), plain(printed));
    let mut rest = catalog;
    let mut matched = 0;
    for p in printed {
        if rest.next() != Some(p) {
            return false;
        }
        matched += 1;
    }
    // The printed name is the catalog's or, of four characters or more, its beginning.
    rest.next().is_none() || matched >= 4
}

/// The 功能分类 path a text names with its levels (`一般公共服务支出（类）人大事务（款）行政运行
/// （项）`), without numbering or listing words before it. A level mark may carry the line's
/// code (`高等教育（项，2050205）`), which the path leaves out: its names say the line.
pub(crate) fn function_path_in(text: &str) -> Option<String> {
    // Every path carries a level mark; most texts carry none.
    if !LEVEL_MARKS.iter().any(|m| text.contains(m)) {
        return None;
    }
    let text = without_level_codes(text);
    // `社会保障和就业支出（类）-红十字事业（款）-一般行政管理事务（项）`: segments joined by dashes.
    let joined = ["）-", "）－", "）—", "）–"];
    let text = if joined.iter().any(|j| text.contains(j)) {
        std::borrow::Cow::Owned(
            joined
                .iter()
                .fold(text.into_owned(), |t, j| t.replace(j, "）")),
        )
    } else {
        text
    };
    let text = text.as_ref();
    let markers = ["（项）", "（款）", "（类）"];
    let end = markers
        .iter()
        .filter_map(|m| text.rfind(m).map(|p| p + m.len()))
        .max()?;
    let head = &text[..end];
    // The path starts after the last separator that precedes its 类 segment.
    let lei_at = head.find("（类）").unwrap_or(0);
    let begin = head[..lei_at]
        .rfind(['：', '，', '；', '。', '、', ' '])
        .map_or(0, |p| {
            p + head[p..].chars().next().map_or(1, char::len_utf8)
        });
    let (_, path) = split_numbering(&head[begin..]);
    let mut path = path.trim();
    for word in LISTING_WORDS {
        path = path
            .strip_prefix(word)
            .unwrap_or(path)
            .trim_start_matches('：');
    }
    Some(path.to_owned())
}

/// The opening of a level mark (`（类）`, `（款，20502）`, `（项）`), each the same length.
const LEVEL_MARKS: [&str; 3] = ["（类", "（款", "（项"];

/// `text` with the codes inside level marks left out: `（项，2050205）` → `（项）`.
fn without_level_codes(text: &str) -> std::borrow::Cow<'_, str> {
    let coded = |after: &str| -> Option<usize> {
        let rest = after.strip_prefix(['，', ',', ' '])?;
        let digits = rest
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(rest.len());
        (digits > 0 && rest[digits..].starts_with('）')).then(|| after.len() - rest.len() + digits)
    };
    let mut out = String::new();
    let mut rest = text;
    let mut changed = false;
    // One scan: each `（` found is a mark or is passed over.
    while let Some(open) = rest.find('（') {
        if !LEVEL_MARKS.iter().any(|m| rest[open..].starts_with(m)) {
            let next = open + '（'.len_utf8();
            out.push_str(&rest[..next]);
            rest = &rest[next..];
            continue;
        }
        let mark_end = open + "（项".len();
        out.push_str(&rest[..mark_end]);
        rest = &rest[mark_end..];
        if let Some(skip) = coded(rest) {
            rest = &rest[skip..];
            changed = true;
        }
    }
    if !changed {
        return std::borrow::Cow::Borrowed(text);
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

/// Whether `printed` holds every character of `name` (each as often) and more, though not as
/// `name`: the name with another's characters mixed in, as a PDF's text layer interleaves two
/// table cells (`险机缴关费事支业出单位职业年金缴` for 机关事业单位职业年金缴费支出). Another
/// line's name, or an old one, lacks some of them (`其他国土资源事务支出`).
pub(super) fn jumbled(name: &str, printed: &str) -> bool {
    let mut left: Vec<char> = printed.chars().filter(|c| !c.is_whitespace()).collect();
    let wanted: Vec<char> = name.chars().filter(|c| !c.is_whitespace()).collect();
    if left.len() <= wanted.len() {
        return false;
    }
    wanted
        .iter()
        .all(|c| match left.iter().position(|l| l == c) {
            Some(at) => {
                left.swap_remove(at);
                true
            }
            None => false,
        })
}

#[cfg(test)]
mod tests {
    use super::{name_chars, names_agree};
    use proptest::prelude::*;

    /// `names_agree` as first written, building both names: the oracle.
    fn names_agree_built(catalog: &str, printed: &str) -> bool {
        let plain = |s: &str| -> String {
            let s: String = name_chars(s).collect();
            s.strip_suffix("支出").map(str::to_owned).unwrap_or(s)
        };
        let (catalog, printed) = (plain(catalog), plain(printed));
        catalog == printed || (printed.chars().count() >= 4 && catalog.starts_with(&printed))
    }

    #[test]
    fn jumbled_names() {
        assert!(super::jumbled(
            "机关事业单位职业年金缴费支出",
            "险机缴关费事支业出单位职业年金缴"
        ));
        assert!(!super::jumbled(
            "其他自然资源事务支出",
            "其他国土资源事务支出"
        ));
        assert!(!super::jumbled("行政运行", "行政运行"));
    }

    #[test]
    fn names_agree_on_written_names() {
        assert!(names_agree("其他人大事务支出", "其他人大事务"));
        assert!(names_agree(
            "机关事业单位基本养老保险缴费支出",
            "机关事业单位基本养老保险缴费"
        ));
        assert!(names_agree("其他(一般)支出", "其他（一般） 支 出"));
        assert!(!names_agree("行政运行", "行政"));
        assert!(!names_agree("行政运行", "一般行政管理事务"));
    }

    proptest! {
        #[test]
        fn names_agree_as_built(
            catalog in "[支出行政运 ()（）]{0,8}",
            printed in "[支出行政运 ()（）]{0,8}",
        ) {
            prop_assert_eq!(names_agree(&catalog, &printed), names_agree_built(&catalog, &printed));
        }
    }
}
