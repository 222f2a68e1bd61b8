//! The units a text speaks of: what reads as a unit's name (`商务部`, `市公安局`), the unit a
//! sentence opens with, whether two names are of one unit, and the department's name written in
//! another form.

use super::document::year_in;
use crate::narrative::scan::is_han;
use crate::vocabulary::words::DEPARTMENT_WORDS;

/// The words unit names end in, longest first where one ends another.
const UNIT_NAME_ENDINGS: &[&str] = &[
    "委员会",
    "办公室",
    "总局",
    "银行",
    "中心",
    "部",
    "局",
    "委",
    "署",
    "院",
    "厅",
    "办",
];

/// The unit a sentence opens with, after its date (`2012年，商务部“三公经费”…`,
/// `中国人民银行2011年度…`, `商务部19日发布…`, `国家税务总局去年…`): a [unit's name](is_unit_name)
/// followed by a year, a date, `去年`/`今年` or the quoted name of what it discloses.
pub(super) fn unit_named_first(sentence: &str) -> Option<&str> {
    let mut text = sentence.trim_start();
    // `例如，上海市商委今年的…`: a unit given as an example is named first all the same.
    if let Some(rest) = ["例如", "比如", "譬如"]
        .iter()
        .find_map(|w| text.strip_prefix(w))
    {
        text = rest.trim_start_matches(['，', ',', '：', ' ']);
    }
    if let Some((_, before, after)) = year_in(text)
        && before.trim().is_empty()
    {
        text = after.trim_start_matches(['，', ',', ' ']);
    }
    // A name is at most fourteen characters: a longer run of them is looked into no further.
    let han = text.chars().take(14).take_while(|c| is_han(*c)).count();
    text.char_indices()
        .take(han)
        .map(|(at, c)| text.split_at(at + c.len_utf8()))
        .find(|(name, rest)| {
            is_unit_name(name)
                && (rest.starts_with(|c: char| c.is_ascii_digit())
                    || ["去年", "今年", "“三公", "三公"]
                        .iter()
                        .any(|w| rest.starts_with(w)))
        })
        .map(|(name, _)| name)
}

/// Whether `name` reads as a unit's name: two to fourteen characters of Chinese ending as unit
/// names do (`商务部`, `市公安局`), and not the words a unit says of itself (`本部门`, `本局`,
/// `我院`).
pub(super) fn is_unit_name(name: &str) -> bool {
    let count = name.chars().count();
    // `本局`, `我院`, `本中心`: the unit speaking of itself (`本溪市…` is a city's).
    let itself = count <= 3 && name.starts_with(['本', '我']);
    (2..=14).contains(&count)
        && name.chars().all(is_han)
        && UNIT_NAME_ENDINGS.iter().any(|w| name.ends_with(w))
        && !DEPARTMENT_WORDS.contains(&name)
        && !itself
}

/// Whether two names are of one unit: one holds the other, or they share four characters
/// in a row (`寻甸县农业农村局` and `寻甸回族彝族自治县农业农村局`, `海南省交通运输部门` and
/// `交通运输厅`).
pub(super) fn same_unit(a: &str, b: &str) -> bool {
    if a.contains(b) || b.contains(a) {
        return true;
    }
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    a.windows(4).any(|w| b.windows(4).any(|v| v == w))
}

/// The department's name written in another form in `text`: the same name with one of its
/// conjunctions (`和`, `与`, `及`, `、`) swapped for another (`规划与自然资源局` in the report of
/// the 规划和自然资源局). Names of four characters or fewer are not looked for.
pub(super) fn name_variant<'t>(text: &'t str, name: &str) -> Option<&'t str> {
    const CONJUNCTIONS: [char; 4] = ['和', '与', '及', '、'];
    let name: Vec<char> = name.chars().collect();
    let at = name.iter().position(|c| CONJUNCTIONS.contains(c))?;
    // A name opening with a conjunction has nothing before it to join (and an empty `before`
    // would be found everywhere, forever).
    if name.len() <= 4 || at == 0 {
        return None;
    }
    let (before, after): (String, String) =
        (name[..at].iter().collect(), name[at + 1..].iter().collect());
    let mut rest = text;
    while let Some(found) = rest.find(&before) {
        let tail = &rest[found + before.len()..];
        let mut chars = tail.chars();
        if let Some(c) = chars.next()
            && c != name[at]
            && CONJUNCTIONS.contains(&c)
            && chars.as_str().starts_with(&after)
        {
            let end = found + before.len() + c.len_utf8() + after.len();
            return Some(&rest[found..end]);
        }
        rest = &rest[found + before.len()..];
    }
    None
}
