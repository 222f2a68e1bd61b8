//! A small, careful scanner over narrative text: width normalisation char by char (so offsets
//! stay aligned with the original), printed figures with their units, headings and numbering.
//!
//! Everything works on `Vec<char>` indices; nothing slices a `str` at a computed byte offset.

use crate::money::Unit;
use crate::report::MeasureUnit;

/// The text as characters, each with its byte offset in the input and its normalised form.
///
/// Pinyin a web page prints after a character (`根據(jù)`, `預(yù)算`) is not among the characters:
/// names read through it, and a quote of the original, taken from the input by byte offsets,
/// still holds it.
pub(crate) struct Chars {
    /// The input.
    text: String,
    /// Byte offset of each character in the input.
    pub offsets: Vec<usize>,
    /// The characters normalised one for one: full-width digits and `．％：；（）` to the forms
    /// the scanner expects, ideographic space to a space, traditional characters to simplified;
    /// pinyin annotations and the spaces of a line spaced letter by letter are left out.
    pub norm: Vec<char>,
}

impl Chars {
    pub fn new(text: &str) -> Chars {
        let mut offsets = Vec::with_capacity(text.len() / 2);
        let mut norm = Vec::with_capacity(text.len() / 2);
        let mut rest = text.char_indices().peekable();
        let mut spaced_until = 0;
        while let Some((offset, c)) = rest.next() {
            if offset >= spaced_until && (offset == 0 || text[..offset].ends_with('\n')) {
                let line_end = text[offset..].find('\n').map_or(text.len(), |n| offset + n);
                if letter_spaced(&text[offset..line_end]) {
                    spaced_until = line_end;
                }
            }
            // `预  算  执  行  情  况`: in a line spaced letter by letter, the spaces are no
            // separators, except between two numbers or words in Latin letters.
            if offset < spaced_until && is_space(c) {
                let before = norm.last().copied().unwrap_or(' ');
                let after = text[offset..spaced_until]
                    .chars()
                    .find(|c| !is_space(*c))
                    .unwrap_or(' ');
                if !(before.is_ascii_alphanumeric() && after.is_ascii_alphanumeric()) {
                    continue;
                }
            }
            if matches!(c, '(' | '（')
                && norm.last().copied().is_some_and(is_han)
                && let Some(length) = pinyin_annotation(&text[offset + c.len_utf8()..])
            {
                // Skip the annotation and its closing bracket.
                while rest
                    .peek()
                    .is_some_and(|(at, _)| *at < offset + c.len_utf8() + length)
                {
                    rest.next();
                }
                continue;
            }
            offsets.push(offset);
            norm.push(normalize_char(c));
        }
        spell_numeral_years(&mut norm);
        Chars {
            text: text.to_owned(),
            offsets,
            norm,
        }
    }

    /// The normalised character at `i`, or `'\0'` outside the text.
    pub fn at(&self, i: usize) -> char {
        self.norm.get(i).copied().unwrap_or('\0')
    }

    pub fn len(&self) -> usize {
        self.norm.len()
    }

    /// The original text of `[a, b)` (clamped), as printed.
    pub fn original(&self, a: usize, b: usize) -> String {
        let b = b.min(self.norm.len());
        let a = a.min(b);
        self.text[self.byte_offset(a)..self.byte_offset(b)].to_owned()
    }

    /// The normalised text of `[a, b)` (clamped).
    pub fn normalized(&self, a: usize, b: usize) -> String {
        let b = b.min(self.norm.len());
        let a = a.min(b);
        self.norm[a..b].iter().collect()
    }

    /// Blanks `[a, b)` in the normalised text (to spaces), leaving the original as printed: for
    /// lines that are not part of the text, such as a page number a PDF left between two lines
    /// of one sentence.
    pub fn blank(&mut self, a: usize, b: usize) {
        let b = b.min(self.norm.len());
        for c in &mut self.norm[a.min(b)..b] {
            *c = ' ';
        }
    }

    /// Whether the normalised text at `i` starts with `word`.
    pub fn starts_with(&self, i: usize, word: &str) -> bool {
        word.chars().enumerate().all(|(k, c)| self.at(i + k) == c)
    }

    /// The byte offset of character `i` (the text's length past the end).
    pub fn byte_offset(&self, i: usize) -> usize {
        self.offsets.get(i).copied().unwrap_or(self.text.len())
    }
}

/// A space within a line: ASCII, ideographic or a tab.
fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\u{3000}' | '\t' | '\u{a0}')
}

/// `二〇二四年` (also with `零`, `○` or `O` for the zero) reads as `2024年`, one character for one,
/// as titles and dates of official documents write years. Only four numerals spelling 19xx or
/// 20xx, before `年` and not within a longer run of numerals, are years: `二〇二四` alone, or
/// `十二` in `二十二年`, is no year.
fn spell_numeral_years(norm: &mut [char]) {
    fn digit(c: char) -> Option<char> {
        Some(match c {
            '〇' | '○' | '零' | 'O' | 'Ｏ' | '0' => '0',
            '一' => '1',
            '二' => '2',
            '三' => '3',
            '四' => '4',
            '五' => '5',
            '六' => '6',
            '七' => '7',
            '八' => '8',
            '九' => '9',
            _ => return None,
        })
    }
    let mut i = 0;
    while i + 4 < norm.len() {
        let spelt = || -> Option<[char; 4]> {
            let mut digits = ['0'; 4];
            for (d, c) in digits.iter_mut().zip(&norm[i..i + 4]) {
                *d = digit(*c)?;
            }
            Some(digits)
        };
        if norm[i + 4] == '年'
            && (i == 0 || digit(norm[i - 1]).is_none())
            && let Some(digits) = spelt()
            && matches!(digits[..2], ['1', '9'] | ['2', '0'])
        {
            norm[i..i + 4].copy_from_slice(&digits);
            i += 5;
        } else {
            i += 1;
        }
    }
}

/// Whether a line is spaced letter by letter, as text taken from some PDFs is
/// (`各  位  代  表  ：`): of at least four Chinese characters, more than half are followed by
/// a space. Words a line separates by spaces (`单位 名称 金额`) leave most characters unspaced.
fn letter_spaced(line: &str) -> bool {
    let mut han = 0;
    let mut spaced = 0;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        if is_han(c) {
            han += 1;
            spaced += usize::from(chars.peek().copied().is_some_and(is_space));
        }
    }
    han >= 4 && spaced * 2 > han
}

/// Whether `c` is a Chinese character (the CJK Unified Ideographs block).
pub(crate) fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// The length in bytes, closing bracket included, of a pinyin annotation opening `text` (just
/// after its opening bracket): one syllable of lowercase Latin letters carrying a tone mark
/// (`jù)`, `wàn）`). Neutral-tone syllables carry none and are not recognised: a bracket of
/// plain letters may be anything.
fn pinyin_annotation(text: &str) -> Option<usize> {
    const TONED: &str = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ";
    let close = text.find([')', '）'])?;
    let syllable = &text[..close];
    let letters = syllable.chars().count();
    ((1..=6).contains(&letters)
        && syllable
            .chars()
            .all(|c| c.is_ascii_lowercase() || c == 'ü' || TONED.contains(c))
        && syllable.chars().any(|c| TONED.contains(c)))
    .then(|| close + text[close..].chars().next().map_or(0, char::len_utf8))
}

/// Normalises one character: full-width ASCII to ASCII for digits and `.%`, half-width
/// brackets and colons/semicolons to the full-width forms names use, traditional characters
/// of the domain's words to simplified ones.
pub(crate) fn normalize_char(c: char) -> char {
    match c {
        '０'..='９' => {
            char::from_u32(u32::from(c) - u32::from('０') + u32::from('0')).unwrap_or(c)
        }
        '．' => '.',
        '％' | '﹪' => '%',
        '(' => '（',
        ')' => '）',
        ':' => '：',
        ';' => '；',
        '\u{3000}' | '\t' | '\u{a0}' => ' ',
        '－' | '−' => '-',
        '！' | '!' | '？' | '?' => '。',
        '﹐' => '，',
        other => super::traditional::simplified(other),
    }
}

/// What follows a printed number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum FigureKind {
    /// An amount in a currency unit.
    Amount(Unit),
    /// A percentage.
    Percent,
    /// A count with its unit word (`批次`, `辆`, `台（套）`, `个`…).
    Count(&'static str),
    /// A measured quantity with its unit (`平方米`, `亩`…).
    Measure(MeasureUnit),
    /// A score in 分.
    Score,
    /// A year (`2023年度`, `2024年`).
    Year(u16),
    /// A number with decimals and no unit: a figure the reader cannot place.
    Bare,
}

/// A printed number and what follows it.
#[derive(Debug, Clone)]
pub(crate) struct Figure {
    /// First character of the number.
    pub start: usize,
    /// Just past the unit word.
    pub end: usize,
    /// The number as ASCII text (thousands separators kept for the strict parser).
    pub number: String,
    /// What kind of figure.
    pub kind: FigureKind,
    /// The word that makes a count approximate (`余` in `2800余人次`, `多` in `200多场次`).
    pub approximate: Option<char>,
}

const COUNT_UNITS: &[&str] = &[
    "台（套）",
    "批次",
    "人次",
    "场次",
    "个",
    "辆",
    "次",
    "人",
    "名",
    "项",
    "期",
    "所",
    "家",
    "台",
    "套",
    "户",
    "场",
    "条",
    "件",
];

/// The figures in `[a, b)`, in order. Ordinals, dates, thresholds (`100万元以上`) and numbers
/// glued to Latin letters are not figures.
pub(crate) fn figures(chars: &Chars, a: usize, b: usize) -> Vec<Figure> {
    let mut out = Vec::new();
    let mut i = a;
    while i < b {
        let c = chars.at(i);
        let prev = if i > a { chars.at(i - 1) } else { '\0' };
        if !c.is_ascii_digit() || prev.is_ascii_digit() || prev == '.' || prev.is_ascii_alphabetic()
        {
            i += 1;
            continue;
        }
        let start = i;
        let mut j = i;
        while j < b && chars.at(j).is_ascii_digit() {
            j += 1;
        }
        // A text layer may put a space after a separator (`1, 537.4`, `575. 48万元`): the
        // separator still joins the digits around it.
        let gap = |at: usize| usize::from(chars.at(at) == ' ');
        // Thousands separators: `,` followed by exactly three digits.
        while chars.at(j) == ',' && {
            let digits = j + 1 + gap(j + 1);
            (0..3).all(|k| digits + k < b && chars.at(digits + k).is_ascii_digit())
                && !(digits + 3 < b && chars.at(digits + 3).is_ascii_digit())
        } {
            j += 4 + gap(j + 1);
        }
        let mut has_point = false;
        if chars.at(j) == '.'
            && j + 1 + gap(j + 1) < b
            && chars.at(j + 1 + gap(j + 1)).is_ascii_digit()
        {
            has_point = true;
            j += 1 + gap(j + 1);
            while j < b && chars.at(j).is_ascii_digit() {
                j += 1;
            }
        }
        let number_end = j;
        let number = chars.normalized(start, number_end).replace(' ', "");
        // A unit may follow after a space or on the next line (`0.00⏎万元`).
        let mut k = j;
        while k < b && matches!(chars.at(k), ' ' | '\n' | '\r') {
            k += 1;
        }
        // An amount whose unit a stray comma cut off (`70,734,万元`) is a figure the reader
        // must see and decline: which amount it is, the comma leaves in doubt. The unit may
        // stand past `b`, where a reader splitting at commas ends the clause.
        let unit_cut_off = || {
            matches!(chars.at(k), ',' | '，') && {
                let end = chars.len();
                let mut u = k + 1;
                while u < end && chars.at(u) == ' ' {
                    u += 1;
                }
                matches!(
                    classify_suffix(chars, u, end, &number, has_point),
                    Some((FigureKind::Amount(_), _))
                )
            }
        };
        let kind_end = classify_suffix(chars, k, b, &number, has_point)
            .filter(|(kind, _)| !matches!(kind, FigureKind::Bare))
            .or_else(|| {
                listed_before(chars, number_end, b, has_point).map(|kind| (kind, number_end))
            })
            .or_else(|| classify_suffix(chars, k, b, &number, has_point))
            .or_else(|| unit_cut_off().then_some((FigureKind::Bare, number_end)))
            .or_else(|| {
                (!has_point)
                    .then(|| counted_before(chars, a, start))
                    .flatten()
                    .map(|unit| (FigureKind::Count(unit), number_end))
            });
        i = number_end.max(i + 1);
        let Some((kind, end)) = kind_end else {
            continue;
        };
        // A threshold such as `单价100万元以上` describes, it is not a figure.
        if matches!(kind, FigureKind::Amount(_)) && is_threshold(chars, a, start, end, b) {
            i = end;
            continue;
        }
        let approximate =
            (matches!(kind, FigureKind::Count(_)) && matches!(chars.at(k), '余' | '多') && k < end)
                .then(|| chars.at(k));
        // `转贷收入-82万元`: a minus sign right before an amount or a rate makes it negative;
        // not the dash of a range or a date (`2023-2025年`, `1-3月`), which follows a digit.
        let signed = matches!(kind, FigureKind::Amount(_) | FigureKind::Percent)
            && start > a
            && chars.at(start - 1) == '-'
            && !(start > a + 1
                && (chars.at(start - 2).is_ascii_alphanumeric() || chars.at(start - 2) == '-'));
        let (start, number) = if signed {
            (start - 1, format!("-{number}"))
        } else {
            (start, number)
        };
        out.push(Figure {
            start,
            end,
            number,
            kind,
            approximate,
        });
        i = end.max(i);
    }
    out
}

/// The nouns of a count whose unit a number after them leaves out (`编制人数42`, `项目个数5`),
/// and that unit.
const COUNT_NOUNS: &[(&str, &str)] = &[
    ("人数", "人"),
    ("人次", "人次"),
    ("个数", "个"),
    ("车辆数", "辆"),
];

/// The unit of a count an integer printed without one takes from the noun right before it
/// (`编制人数42，其中：行政编制人数19、…`), up to a `为`, `是` or `：` between them.
fn counted_before(chars: &Chars, a: usize, start: usize) -> Option<&'static str> {
    let mut end = start;
    while end > a && matches!(chars.at(end - 1), '为' | '是' | '：' | ':' | ' ') {
        end -= 1;
    }
    COUNT_NOUNS
        .iter()
        .find(|(noun, _)| {
            let len = noun.chars().count();
            end >= a + len && chars.starts_with(end - len, noun)
        })
        .map(|(_, unit)| *unit)
}

/// The unit a number printed without one takes from the list it stands in: `各是775.38、
/// 775.38万元`, `分别为12、8、5万元`, `占60、40%` — numbers joined by `、` up to the first that
/// carries an amount's or a percentage's unit. So does an ASCII comma the number did not take
/// as a thousands separator (`各是4125.49,4143.91万元`, `4125,4143.91万元`), and a full-width
/// one after decimals. `None` when `k` (just after the number) is not such a list.
fn listed_before(chars: &Chars, mut k: usize, b: usize, mut has_point: bool) -> Option<FigureKind> {
    let joins = |k: usize, has_point: bool| match chars.at(k) {
        '、' | ',' => true,
        '，' => has_point,
        _ => false,
    };
    while k < b && joins(k, has_point) && chars.at(k + 1).is_ascii_digit() {
        let mut j = k + 1;
        has_point = false;
        while j < b && (chars.at(j).is_ascii_digit() || chars.at(j) == ',') {
            j += 1;
        }
        if chars.at(j) == '.' && chars.at(j + 1).is_ascii_digit() {
            has_point = true;
            j += 1;
            while j < b && chars.at(j).is_ascii_digit() {
                j += 1;
            }
        }
        let mut u = j;
        while u < b && chars.at(u) == ' ' {
            u += 1;
        }
        let number = chars.normalized(k + 1, j);
        match classify_suffix(chars, u, b, &number, has_point) {
            Some((kind @ (FigureKind::Amount(_) | FigureKind::Percent), _)) => return Some(kind),
            Some((FigureKind::Bare, _)) | None => k = j,
            Some(_) => return None,
        }
    }
    None
}

fn classify_suffix(
    chars: &Chars,
    k: usize,
    b: usize,
    number: &str,
    has_point: bool,
) -> Option<(FigureKind, usize)> {
    let within = |word: &str| k + word.chars().count() <= b && chars.starts_with(k, word);
    let len = |word: &str| word.chars().count();
    if within("%") {
        return Some((FigureKind::Percent, k + 1));
    }
    for (word, unit) in [
        ("万元", Unit::WanYuan),
        ("亿元", Unit::YiYuan),
        ("元", Unit::Yuan),
    ] {
        if within(word) {
            return Some((FigureKind::Amount(unit), k + len(word)));
        }
    }
    // `1.5万⏎元`: the unit broken over two lines.
    for (word, unit) in [("万", Unit::WanYuan), ("亿", Unit::YiYuan)] {
        let mut e = k + 1;
        while within(word) && e < b && matches!(chars.at(e), '\n' | '\r' | ' ') {
            e += 1;
        }
        if within(word) && e > k + 1 && e < b && chars.at(e) == '元' {
            return Some((FigureKind::Amount(unit), e + 1));
        }
    }
    // `0.00 万，`: an amount printed to the cent with its unit cut short.
    if (within("万") || within("亿"))
        && number.split_once('.').is_some_and(|(_, d)| d.len() == 2)
        && matches!(chars.at(k + 1), '，' | ',' | '。' | '；' | '、')
    {
        let unit = if within("万") {
            Unit::WanYuan
        } else {
            Unit::YiYuan
        };
        return Some((FigureKind::Amount(unit), k + 1));
    }
    if within("万") || within("亿") {
        // `接待游客1.2万人次`: a count in ten thousands, a figure the reader must see (and
        // decline), so that nothing after it falls back on an earlier subject.
        if COUNT_UNITS
            .iter()
            .any(|unit| k + 1 + len(unit) <= b && chars.starts_with(k + 1, unit))
        {
            return Some((FigureKind::Bare, k));
        }
        // `50万以上`: a threshold or an approximate number, never a stated amount here.
        return None;
    }
    if within("年") {
        let year: Option<u16> = number.parse().ok().filter(|y| (1900..=2100).contains(y));
        return year.map(|y| {
            let end = if within("年度") { k + 2 } else { k + 1 };
            (FigureKind::Year(y), end)
        });
    }
    if within("月") || within("日") || within("号") || within("岁") || within("分钟") {
        return None;
    }
    if within("分") && !within("分之") {
        return Some((FigureKind::Score, k + 1));
    }
    for (word, unit) in MeasureUnit::WORDS {
        if within(word) {
            return Some((FigureKind::Measure(*unit), k + len(word)));
        }
    }
    let mut u = k;
    if (within("余") || within("多")) && !has_point {
        u += 1;
    }
    for unit in COUNT_UNITS {
        if u + len(unit) <= b && chars.starts_with(u, unit) {
            if has_point {
                return Some((FigureKind::Bare, u + len(unit)));
            }
            return Some((FigureKind::Count(unit), u + len(unit)));
        }
    }
    if has_point {
        return Some((FigureKind::Bare, k));
    }
    None
}

fn is_threshold(chars: &Chars, a: usize, start: usize, end: usize, b: usize) -> bool {
    let mut k = end;
    if chars.starts_with(k, "（含）") {
        k += 3;
    }
    let after = k + 2 <= b && (chars.starts_with(k, "以上") || chars.starts_with(k, "以下"));
    let before = start >= a + 2 && chars.starts_with(start - 2, "单价");
    after || before
}

/// The numbering in front of a heading or list item and how it ranks: `第二部分` and `一、`
/// are top-level, `（一）`, `1.`, `1、` are sub-levels, `（1）` is a list item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Numbering {
    None,
    Part,
    Chinese,
    ChineseParen,
    Arabic,
    ArabicParen,
}

const CHINESE_NUMERALS: &str = "一二三四五六七八九十百零〇两";

/// The numbering at the start of `text` (already normalised) and the text after it.
pub(crate) fn split_numbering(text: &str) -> (Numbering, &str) {
    let t = text.trim_start();
    if let Some(rest) = t.strip_prefix('第')
        && let Some((number, after)) = rest.split_once("部分")
        && !number.is_empty()
        && number.chars().count() <= 3
        && number
            .chars()
            .all(|c| CHINESE_NUMERALS.contains(c) || c.is_ascii_digit())
    {
        return (Numbering::Part, after.trim_start());
    }
    if let Some(rest) = t.strip_prefix('（')
        && let Some((number, after)) = rest.split_once('）')
        && !number.is_empty()
        && number.chars().count() <= 3
    {
        if number.chars().all(|c| CHINESE_NUMERALS.contains(c)) {
            return (Numbering::ChineseParen, after.trim_start());
        }
        if number.chars().all(|c| c.is_ascii_digit()) {
            return (Numbering::ArabicParen, after.trim_start());
        }
    }
    let lead: String = t
        .chars()
        .take_while(|c| CHINESE_NUMERALS.contains(*c))
        .collect();
    if !lead.is_empty() && lead.chars().count() <= 3 {
        let rest = &t[lead.len()..];
        if let Some(after) = rest.strip_prefix('、') {
            return (Numbering::Chinese, after.trim_start());
        }
    }
    let digits: String = t.chars().take_while(char::is_ascii_digit).collect();
    if !digits.is_empty() && digits.len() <= 3 {
        let rest = &t[digits.len()..];
        for sep in ['.', '、', '，'] {
            if let Some(after) = rest.strip_prefix(sep) {
                // `1.5万元` is a figure, not numbering.
                if sep == '.' && after.starts_with(|c: char| c.is_ascii_digit()) {
                    break;
                }
                return (Numbering::Arabic, after.trim_start());
            }
        }
    }
    (Numbering::None, t)
}

/// Words a heading ends with.
const HEADING_ENDINGS: &[&str] = &[
    "说明", "情况", "概况", "设置", "职责", "部分", "报告", "解释", "组成", "分析", "目标", "结论",
    "建议", "问题", "实施", "附件",
];

/// Whether a line (normalised, trimmed) is a heading: short, no figures, not a sentence.
pub(crate) fn is_heading(line: &str, has_figures: bool) -> bool {
    let count = line.chars().count();
    if has_figures || count == 0 || count > 50 {
        return false;
    }
    let body = line.strip_suffix('。').unwrap_or(line);
    if body.contains('。') || body.ends_with(['，', '；', '：', '、']) {
        return false;
    }
    let (numbering, rest) = split_numbering(body);
    if rest.is_empty() {
        return false;
    }
    match numbering {
        Numbering::ArabicParen => false,
        Numbering::Part | Numbering::Chinese | Numbering::ChineseParen => true,
        // `6、一般公共服务支出（类）市场监督管理事务（款）其他`: a numbered line that breaks off
        // inside a 功能分类 path goes on in the next line, and is no heading.
        Numbering::Arabic => !rest.contains('，') && count <= 30 && !breaks_off_in_a_path(rest),
        Numbering::None => {
            let unquoted = rest.trim_end_matches(|c: char| c.is_ascii_digit());
            rest.starts_with("附件")
                || is_project_heading(rest).is_some()
                || (!rest.contains('，') && HEADING_ENDINGS.iter().any(|w| unquoted.ends_with(w)))
        }
    }
}

/// Whether `text` names a 功能分类 path that goes on past its line: it holds a 类 or 款 mark,
/// and words after the last mark that no mark closes.
fn breaks_off_in_a_path(text: &str) -> bool {
    let Some(end) = ["（类）", "（款）"]
        .iter()
        .filter_map(|m| text.rfind(m).map(|at| at + m.len()))
        .max()
    else {
        return false;
    };
    let after = &text[end..];
    !after.trim().is_empty() && !after.contains("（项）")
}

/// `项目1：春节走访慰问工作资金` → the project's name.
pub(crate) fn is_project_heading(text: &str) -> Option<String> {
    let rest = text.strip_prefix("项目")?;
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    if digits.is_empty() {
        return None;
    }
    let name = rest[digits.len()..].strip_prefix('：')?.trim();
    (!name.is_empty()).then(|| name.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(String, FigureKind)> {
        let chars = Chars::new(text);
        figures(&chars, 0, chars.len())
            .into_iter()
            .map(|f| (f.number, f.kind))
            .collect()
    }

    /// Numbers listed with a comma the first did not take as a thousands separator share the
    /// unit of the last; a full-width comma lists only after decimals (`编号2019，1,200人`
    /// lists nothing).
    #[test]
    fn numbers_listed_with_commas_share_their_unit() {
        let wan = || FigureKind::Amount(Unit::WanYuan);
        assert_eq!(
            kinds("各是4125.49,4143.91万元，各为12,3456.5万元，分别为8.5，9.25万元"),
            vec![
                ("4125.49".into(), wan()),
                ("4143.91".into(), wan()),
                ("12".into(), wan()),
                ("3456.5".into(), wan()),
                ("8.5".into(), wan()),
                ("9.25".into(), wan()),
            ]
        );
        assert_eq!(
            kinds("编号2019，1,200人；合计1,234.5万元"),
            vec![
                ("1,200".into(), FigureKind::Count("人")),
                ("1,234.5".into(), wan()),
            ]
        );
    }

    #[test]
    fn figures_and_non_figures() {
        assert_eq!(
            kinds("收入775.38万元，占94.05%；26批次，225人次"),
            vec![
                ("775.38".into(), FigureKind::Amount(Unit::WanYuan)),
                ("94.05".into(), FigureKind::Percent),
                ("26".into(), FigureKind::Count("批次")),
                ("225".into(), FigureKind::Count("人次")),
            ]
        );
        assert!(kinds("单价100万元以上设备").is_empty());
        assert!(kinds("单价100万元（含）以上设备").is_empty());
        assert_eq!(
            kinds("截至2024年12月31日"),
            vec![("2024".into(), FigureKind::Year(2024))]
        );
        assert_eq!(
            kinds("０台（套）９１,０１６.５元"),
            vec![
                ("0".into(), FigureKind::Count("台（套）")),
                ("91,016.5".into(), FigureKind::Amount(Unit::Yuan)),
            ]
        );
        assert!(kinds("（图1：收入）附件2、项目1：").is_empty());
    }

    /// A space after a decimal point or a thousands separator does not split the number.
    #[test]
    fn a_space_after_a_separator_joins_the_digits() {
        assert_eq!(
            kinds("预算总额575. 48万元，占1, 537.4%"),
            vec![
                ("575.48".into(), FigureKind::Amount(Unit::WanYuan)),
                ("1,537.4".into(), FigureKind::Percent),
            ]
        );
        // A list separator followed by a space is no thousands separator.
        assert_eq!(
            kinds("分别为12, 8万元"),
            vec![("8".into(), FigureKind::Amount(Unit::WanYuan))]
        );
    }

    /// Pinyin printed after a character is skipped, so names read through it; the original
    /// keeps it.
    #[test]
    fn pinyin_annotations() {
        let text = "公務(wù)用車購置費(jīng)13.5萬(wàn)元（含車輛(a)）";
        let chars = Chars::new(text);
        let norm: String = chars.norm.iter().collect();
        assert_eq!(norm, "公务用车购置费13.5万元（含车辆（a））");
        assert_eq!(chars.original(0, chars.len()), text);
        assert_eq!(chars.original(0, 2), "公務(wù)");
        assert_eq!(
            kinds(text),
            vec![("13.5".into(), FigureKind::Amount(Unit::WanYuan))]
        );
    }

    /// Years spelt in numerals read as digits, one character for one; other runs of numerals,
    /// and the original text, are left as they are.
    #[test]
    fn numeral_years() {
        let normalized = |text: &str| {
            let chars = Chars::new(text);
            (
                chars.normalized(0, chars.len()),
                chars.original(0, chars.len()),
            )
        };
        for (text, read) in [
            ("二〇二四年部门预算", "2024年部门预算"),
            ("二零二三年度决算", "2023年度决算"),
            ("二○二五年一月", "2025年一月"),
            ("二O二二年", "2022年"),
            ("一九九八年", "1998年"),
            ("截至二〇二四年底", "截至2024年底"),
            // Not 19xx or 20xx, or part of a longer run, or no 年 after it.
            ("三〇二四年", "三〇二四年"),
            ("一二三四五年", "一二三四五年"),
            ("二〇二四", "二〇二四"),
            ("二十二年", "二十二年"),
        ] {
            assert_eq!(
                normalized(text),
                (read.to_owned(), text.to_owned()),
                "{text}"
            );
        }
    }

    /// A line spaced letter by letter reads as its words; numbers stay apart, the original
    /// keeps the spaces, and lines whose spaces separate words keep them.
    #[test]
    fn letter_spaced_lines() {
        let text = "关  于  某  市  2025  年  预  算  执  行  情  况\n总  收  入  1902.51亿  元 100 200\n单位 名称 金额 100";
        let chars = Chars::new(text);
        let norm: String = chars.norm.iter().collect();
        assert_eq!(
            norm,
            "关于某市2025年预算执行情况\n总收入1902.51亿元100 200\n单位 名称 金额 100"
        );
        assert_eq!(chars.original(0, 9), "关  于  某  市  2025  年  ");
        assert_eq!(
            kinds("总  收  入  1902.51亿  元 ， 增  长  5  %"),
            vec![
                ("1902.51".into(), FigureKind::Amount(Unit::YiYuan)),
                ("5".into(), FigureKind::Percent),
            ]
        );
    }

    /// A count in ten thousands (`1.2万人次`) is a figure without a unit of its own, so the
    /// reader sees it; `50万以上` is none.
    #[test]
    fn counts_in_ten_thousands() {
        assert_eq!(
            kinds("接待游客1.2万人次，增长20%；50万以上"),
            vec![
                ("1.2".into(), FigureKind::Bare),
                ("20".into(), FigureKind::Percent)
            ]
        );
    }

    /// An amount whose unit a stray comma cut off (`70,734,万元`, `5，亿元`) is a figure the
    /// reader sees; a number with no unit after its comma (`编号2019，`, a table's cells) is
    /// none.
    #[test]
    fn amounts_whose_unit_a_comma_cut_off() {
        assert_eq!(
            kinds(
                "支出70,734,万元，收入5， 亿元，编号2019，1,200人，合计 3,296,600 438,300，为预算的100%"
            ),
            vec![
                ("70,734".into(), FigureKind::Bare),
                ("5".into(), FigureKind::Bare),
                ("1,200".into(), FigureKind::Count("人")),
                ("100".into(), FigureKind::Percent),
            ]
        );
    }

    /// A minus sign right before an amount or a rate is its sign; a dash after a digit or a
    /// letter joins a range or a code.
    #[test]
    fn minus_signs() {
        assert_eq!(
            kinds("转贷收入-82万元，结余－5.2万元，增长-3%"),
            vec![
                ("-82".into(), FigureKind::Amount(Unit::WanYuan)),
                ("-5.2".into(), FigureKind::Amount(Unit::WanYuan)),
                ("-3".into(), FigureKind::Percent),
            ]
        );
        assert_eq!(
            kinds("2023-2025年投入10-20万元，A-5万元"),
            vec![
                ("2025".into(), FigureKind::Year(2025)),
                ("20".into(), FigureKind::Amount(Unit::WanYuan)),
                ("5".into(), FigureKind::Amount(Unit::WanYuan)),
            ]
        );
    }

    #[test]
    fn numbers_listed_before_their_unit_take_it() {
        assert_eq!(
            kinds("收、支总计各是1,200.5、1200万元"),
            vec![
                ("1,200.5".into(), FigureKind::Amount(Unit::WanYuan)),
                ("1200".into(), FigureKind::Amount(Unit::WanYuan)),
            ]
        );
        assert_eq!(
            kinds("占比分别为60、30.5、9.5%"),
            vec![
                ("60".into(), FigureKind::Percent),
                ("30.5".into(), FigureKind::Percent),
                ("9.5".into(), FigureKind::Percent),
            ]
        );
        // A list's numbering is no figure, and a count's unit is not lent.
        assert_eq!(
            kinds("1、一般公共服务支出5万元"),
            vec![("5".into(), FigureKind::Amount(Unit::WanYuan))]
        );
        assert_eq!(kinds("2、3辆"), vec![("3".into(), FigureKind::Count("辆"))]);
        assert_eq!(
            kinds("增加 0.00\n万元，支出1.5万\n元"),
            vec![
                ("0.00".into(), FigureKind::Amount(Unit::WanYuan)),
                ("1.5".into(), FigureKind::Amount(Unit::WanYuan)),
            ]
        );
        assert_eq!(
            kinds("经营收入 0.00 万，增长0%；约5万，共2.5万人次"),
            vec![
                ("0.00".into(), FigureKind::Amount(Unit::WanYuan)),
                ("0".into(), FigureKind::Percent),
                // A count in ten thousands, which the reader declines.
                ("2.5".into(), FigureKind::Bare),
            ]
        );
    }

    #[test]
    fn headings() {
        assert!(is_heading("收入决算情况说明", false));
        assert!(is_heading("四、财政拨款收入支出决算总体情况说明", false));
        assert!(is_heading("（一）机关运行经费支出情况", false));
        assert!(is_heading("1.整体情况", false));
        assert!(is_heading("项目1：春节走访慰问工作资金", false));
        assert!(!is_heading("（1）负责党员、干部的来信来访工作。", false));
        assert!(!is_heading("开支内容包括：无。", false));
        assert!(!is_heading("其中：", false));
        // A numbered line breaking off inside a path goes on in the next line.
        assert!(!is_heading(
            "6、一般公共服务支出（类）市场监督管理事务（款）其他",
            false
        ));
        assert!(is_heading(
            "6、一般公共服务支出（类）市场监督管理事务（款）",
            false
        ));
        assert_eq!(split_numbering("第二部分 2024年度").0, Numbering::Part);
        assert_eq!(split_numbering("1.5万元").0, Numbering::None);
    }
}

/// Whether a line is only a page number, as text extracted from a PDF leaves them between the
/// lines of a sentence: `5`, `- 12 -`, `—3—`, `第4页`, `第4页 共20页`, `4/20`.
pub(crate) fn is_page_number(line: &str) -> bool {
    let t: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    let t = t.trim_matches(['-', '—', '–', '－']);
    if t.is_empty() {
        return false;
    }
    let digits = |s: &str| !s.is_empty() && s.len() <= 3 && s.chars().all(|c| c.is_ascii_digit());
    if digits(t) {
        return true;
    }
    if let Some((page, total)) = t.split_once('/') {
        return digits(page) && digits(total);
    }
    let Some(rest) = t.strip_prefix('第') else {
        return false;
    };
    let Some((page, rest)) = rest.split_once('页') else {
        return false;
    };
    digits(page)
        && (rest.is_empty()
            || rest
                .strip_prefix('共')
                .and_then(|r| r.strip_suffix('页'))
                .is_some_and(digits))
}

#[cfg(test)]
mod page_tests {
    use super::is_page_number;

    #[test]
    fn page_numbers() {
        for line in [
            "5",
            " 12 ",
            "- 12 -",
            "—3—",
            "第4页",
            "第4页 共20页",
            "4/20",
        ] {
            assert!(is_page_number(line), "{line}");
        }
        for line in [
            "",
            "2023",
            "12万元",
            "第4项",
            "一、",
            "5、科学技术支出",
            "12345",
        ] {
            assert!(!is_page_number(line), "{line}");
        }
    }
}
