//! Reading: sections, clauses, figures, concepts, statements and claims.

use crate::classification::{Catalog, FunctionCode};
use crate::dimensions::{FundType, UnitKind};
use crate::error::{Error, Result};
use crate::money::{Amount, Percent, Unit};
use crate::report::{
    Claim, Concept, Direction, Disclosure, DisclosureKind, Entity, MeasureUnit, ReportingUnit,
    StatedValue, Statement, WordingFlaw,
};

use super::scan::{
    Chars, Figure, FigureKind, Numbering, figures, is_han, is_heading, is_page_number,
    split_numbering,
};
mod changes;
mod claims;
mod clause;
mod concepts;
mod counts;
mod document;
mod figure;
mod headings;
mod labels;
mod listings;
mod paths;
mod place;
mod sentence;
mod statements;
mod units;

use super::{NarrativeReading, ReadOptions, UnparsedReason, UnparsedSentence};
use crate::vocabulary::VehicleCounting;
use crate::vocabulary::sections::SectionKind;
use crate::vocabulary::words::{DEPARTMENT_TITLE_WORDS, placeholder_in};
use claims::{Place, build_claims};
use document::{body_year_against_title, find_title, kind_of, lines, shorten_name, voted_year};
pub(crate) use paths::{coded_line, function_path_in, names_agree};
use units::{is_unit_name, same_unit};

/// A figure as the clause writes it: the words before it (`label`, from the end of the last
/// figure) and a few characters after it (`after`, where `万元中` or `以上` may stand).
#[derive(Clone, Copy)]
struct FigureInWords<'a> {
    figure: &'a Figure,
    label: &'a str,
    after: &'a str,
}

/// A figure read from a clause, before it becomes statements.
struct Read {
    concepts: Vec<Concept>,
    value: ValueKind,
    year: Option<u16>,
    /// Whether the figure's own words named its concepts (rather than the sentence's subject
    /// or the section's standing in for them).
    named: bool,
}

/// What the current sentence has established so far.
#[derive(Default)]
struct SentenceState {
    /// The concepts the sentence is talking about (the last figure's).
    subject: Vec<Concept>,
    /// A clause of its own said the base of the changes after it is adjusted (`扣除一次性因素，
    /// 增长4.1%`), until a level is named anew.
    adjusted_base: bool,
    /// The clause opens by giving a reason (`…，主要是…`): its levels are what the reason is
    /// about.
    levels_in_reason: bool,
    /// How many levels the open `其中` listing has given.
    parts_listed: usize,
    /// The open `其中` listing was opened after a figure of this sentence (its whole's).
    listing_after_whole: bool,
    /// The whole of the open `其中` listing was given a change in this sentence before it.
    whole_changed: bool,
    /// A clause of its own dated the sentence by `去年` (`去年，本局…`), which counts from when
    /// the text was written.
    calendar_last_year: bool,
    /// A figure of the sentence was not understood: what follows must not fall back on an
    /// earlier subject.
    lost: bool,
    mode: Option<VehicleCounting>,
    year: Option<u16>,
    /// The years that dated clauses of the sentence, in order (`year` is the last).
    dated: Vec<u16>,
    /// The index of the sentence's first statement.
    first_statement: usize,
    /// Concepts a share's written whole put in its scope (`基本支出…，占一般公共预算支出的x%`
    /// makes 基本支出 the fund's), to be put so in the sentence's statements already read.
    rescoped: Vec<(Concept, Concept)>,
    /// Inside a `其中` listing: the whole its parts belong to (empty when that whole was not
    /// understood, so that its parts are not either).
    breakdown: Option<Vec<Concept>>,
    /// The year the whole of the open `其中` listing was stated for (`科技部2012年…预算数X，
    /// 其中：因公出国（境）费预算Y`): its parts' year when their words name none.
    breakdown_year: Option<u16>,
    /// The listing was opened inside brackets (`A（其中：a，b）`): it ends at the closing one,
    /// and the listing it was opened in (kept here) goes on.
    breakdown_bracketed: bool,
    outer_breakdown: Option<Vec<Concept>>,
    /// The parts the open `其中` listing named, as their words name them (before they are
    /// placed in the listing's whole, or declined with it).
    listed_parts: Vec<Concept>,
    /// The sentence goes on with the previous sentence's listing: it speaks of the part it
    /// opens with, not of the listing's whole.
    continues_listing: bool,
    /// The `其中` listing follows a sentence that gave only changes of its whole, no level
    /// (`…比上年增加X元。其中：…`): its parts may be changes too.
    breakdown_of_changes: bool,
    /// A part of such a listing was a change: a later part printed without words of change
    /// may be its change or its level (`其中：出国费增加0元；公务用车费Y元，增长Z%`).
    breakdown_changed: bool,
    /// The listing an unbracketed `其中` listing was opened in, which a part of its whole
    /// (not of the inner one) goes back to.
    enclosing_breakdown: Option<Vec<Concept>>,
    /// The `其中` listing breaks down a budget the sentence just stated (`预算为20万元，其中：
    /// 公务接待费9万元…`): its parts are budgets too.
    breakdown_of_budget: bool,
    /// The last figure read was a budget stated in its own words (not one compared with).
    budget_just_stated: bool,
    /// The scope (财政拨款, or one fund) of the sentence's first subject, which later
    /// unqualified totals of the same sentence share (`财政拨款收入总计A，支出总计B`).
    scope: Option<Scope>,
    /// Whether a clause of the sentence has been read.
    started: bool,
    /// Whether the sentence's first named subject has been placed (it sets `scope`).
    head_placed: bool,
    /// The concepts of the amounts the sentence has stated, in order.
    levels: Vec<Concept>,
    /// The subjects of the sentence's last paired listing, which a later `分别` without
    /// names of its own refers to (`基本支出、项目支出分别为A、B，占比分别为x%、y%`).
    listed: Vec<Concept>,
    /// A clause gave a reason (`主要原因是…`) and no figure has named its subject since: a
    /// change without words of its own is of what the reason speaks of.
    reason: bool,
    /// A clause of the sentence gave a reason (`主要原因是…`), and no `；` has ended it since: an
    /// amount named here is what the reason speaks of (an increase, a purchase), not the
    /// department's figure for the thing it names.
    in_reason: bool,
    /// Where the latest clause with a figure begins.
    figure_clause: Option<usize>,
    /// The subject before a figure in `（含…）` brackets, which it gets back when they close.
    subject_before_inclusion: Option<Vec<Concept>>,
    /// The latest change was against something other than last year (the year's own budget,
    /// an earlier year), with the reason it is declined: rates after it without words that
    /// compare anew are of that comparison.
    compared_elsewhere: Option<UnparsedReason>,
}

impl SentenceState {
    /// The year the sentence's changes are of after a comparison with `compared`: when the
    /// sentence dated `compared` last (`2023年…A，2022年…B，与2022年相比…`), the year it dated
    /// before it, else the year it is of.
    fn year_compared_with(&mut self, compared: u16) -> Option<u16> {
        if self.year == Some(compared) {
            self.year = self.dated.iter().rev().find(|y| **y != compared).copied();
        }
        self.year
    }

    /// `A（其中：a，b），C`: a listing opened inside brackets ends with them, and what follows
    /// is about A's siblings again.
    fn close_bracket(&mut self) {
        if let Some(subject) = self.subject_before_inclusion.take() {
            self.subject = subject;
        }
        if !self.breakdown_bracketed {
            return;
        }
        if let Some(whole) = self.breakdown.take().filter(|w| !w.is_empty()) {
            self.subject = whole;
        }
        self.breakdown = self.outer_breakdown.take();
        self.breakdown_bracketed = false;
    }
}

/// What an amount or a rate of the current sentence is, for looking ahead.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum SentenceFigure {
    /// A level (an amount with words of its own and no change).
    Level,
    /// A change or a rate of change.
    Change,
}

/// The next level of the sentence after a figure ([`Reader::next_level`]).
struct NextLevel {
    /// The figure right after it is a change (of it).
    changed: bool,
}

/// A scope that qualifies totals and kinds of expenditure.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Scope {
    /// 财政拨款 (the three funds together).
    Appropriation,
    /// One fund type.
    Fund(FundType),
}

enum ValueKind {
    Amount(Amount),
    Budget(Amount),
    Count(u64),
    Change(Amount, Direction, Base),
    Growth(Percent, Direction, Base),
    /// A share of the whole written (`None`: not written, implied when placed).
    Share(Percent, Option<Concept>),
    Completion(Percent),
    Score(rust_decimal::Decimal),
    Measure(rust_decimal::Decimal, MeasureUnit),
}

/// What a change or a rate of change is against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Base {
    /// Last year's figure (`较上年`, `同比`).
    LastYear,
    /// The year's own budget, in final accounts (`较年初预算`, `与预算相比`).
    OwnBudget,
}

/// Reading state.
struct Reader<'a> {
    chars: Chars,
    catalog: &'a Catalog<FunctionCode>,
    year: u16,
    section: String,
    kind: SectionKind,
    /// The open headings' numbering and the kind each gave its section, outermost first. A
    /// sub-heading without a kind of its own takes its parent's (not an earlier sibling's:
    /// `（三）政府支出功能分类` after `（一）基本支出` is not about 基本支出).
    open_headings: Vec<(Numbering, SectionKind)>,
    /// The section's heading names the 功能分类 and no fund (`（三）政府支出功能分类指标`): the
    /// 类 it lists are the department's expenditure by function.
    function_heading: bool,
    /// The one year other than the report's that the section's heading names
    /// (`一、2010年“三公经费”支出情况` in a report of 2011): the year of the section's figures
    /// that date nothing themselves.
    section_year: Option<u16>,
    /// The last figure read was a budget and not one compared with: a `其中` listing opening
    /// the next sentence lists that budget's parts.
    last_budget_uncompared: bool,
    /// The unit the text speaks for: its title's, else the first a sentence opens with.
    own_unit: Option<String>,
    /// Another unit the paragraph's sentences speak of (a news item on several departments).
    other_unit: Option<String>,
    /// Another unit named on a line of its own, whose figures the lines below give.
    unit_heading: Option<String>,
    chapter: usize,
    /// The concepts the section last talked about (for 决算数与预算数持平 in a new sentence).
    section_subject: Vec<Concept>,
    /// The `其中` listing the previous sentence ended in: its whole (empty when not
    /// understood) and the parts it named, which a sibling part opening the next sentence
    /// goes on with (`其中：基本支出A。项目支出B。`).
    previous_listing: Option<(Vec<Concept>, Vec<Concept>)>,
    statements: Vec<Statement>,
    /// For each statement: the chapter and sentence it was read in.
    places: Vec<Place>,
    /// The chapter of each clause in `unparsed`, in order.
    declined_chapters: Vec<usize>,
    unparsed: Vec<UnparsedSentence>,
    unit_kind: Option<UnitKind>,
    units: Vec<ReportingUnit>,
    sentence: usize,
    /// The title of the attached project report being read (`…项目支出2024年绩效自评报告`):
    /// the section of its figures, whatever its template sub-headings.
    report_title: Option<String>,
    /// The fund whose expenditure the current sentence is listing (`一般公共预算财政拨款支出
    /// 729.25万元，主要用于以下方面：…`): 类 names in it are that fund's lines.
    listing: Option<FundType>,
    /// The words before the previous count of the current clause (`主体培训班` in
    /// `主体培训班29期2800余人次`), for a count that follows it without words of its own.
    count_object: Option<String>,
    /// The kind of posts (`行政` of `行政编制5人`) the current sentence last counted, up to a
    /// `；`: a count of the staff in post that follows (`，实有人数5人`) is that kind's.
    staff_kind: Option<&'static str>,
    /// Where the current sentence's text before the current clause is (read only when
    /// needed, so that a long sentence is not copied once per clause).
    before_clause: (usize, usize),
    /// The text is a government's budget: its 一般公共预算收入, 支出总计 and sections are
    /// the jurisdiction's, not a department's, so no department concept is read from it (its
    /// figures are kept in their own words, and checked only against their own sentence).
    government: bool,
    /// What the text is (a budget's loose totals are its 总计).
    report_kind: DisclosureKind,
    /// The department's name, when known (a label may begin with it).
    entity_name: String,
    /// The current sentence (normalised).
    sentence_text: String,
    /// Where the current sentence starts and ends.
    sentence_start: usize,
    sentence_end: usize,
    /// The current sentence's levels and changes, in order ([`Reader::next_level`]), found
    /// when first asked.
    levels_in_sentence: std::cell::OnceCell<Vec<(usize, SentenceFigure)>>,
    /// How many statements each (section, clause) place has given so far, for their ids.
    ids: std::collections::HashMap<u32, u32>,
    /// The sums a sentence's own words claim: its `其中` breakdowns of measured quantities
    /// ([`Reader::measure_sums`]) and its additions (`A，加上B、C，收入总计T`,
    /// [`Reader::additive_sums`]).
    sentence_claims: Vec<Claim>,
    /// The total a budget's heading names and nothing else (`（一）收入预算`): what a figure
    /// under it called only by budget words (`2025年初预算数2752.8万元`) is.
    heading_total: Option<Concept>,
    /// The statements read in `（含…）` brackets: what the figure before them holds, never a
    /// further part of a listing.
    included: Vec<usize>,
    /// The sentence lists the expenditure the one before it totalled (`支出预算1000万元。
    /// 支出包括：教育支出600万元、…`): its 类 are the department's expenditure by function.
    side_listing: bool,
}

/// Reads `text` (see [`super::read_narrative`]).
pub(crate) fn read(
    text: &str,
    options: &ReadOptions,
    catalog: &Catalog<FunctionCode>,
) -> Result<NarrativeReading> {
    let mut chars = Chars::new(text);
    for (a, b) in lines(&chars) {
        if is_page_number(&chars.normalized(a, b)) {
            chars.blank(a, b);
        }
    }
    // Tables flattened one cell a line are read as tables, and their lines are no prose.
    let tables = {
        let ranges = lines(&chars);
        let texts: Vec<String> = ranges
            .iter()
            .map(|&(a, b)| chars.normalized(a, b))
            .collect();
        let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
        let mut tables = Vec::new();
        for run in super::cells::cell_runs(&texts) {
            if let Some(table) = super::cells::table_of(&texts[..run.first], &run.cells) {
                tables.push(table);
                for &(a, b) in &ranges[run.first..run.end] {
                    chars.blank(a, b);
                }
            }
        }
        tables
    };
    let title = find_title(&chars);
    let year = options
        .year
        .or(title.as_ref().map(|t| t.year))
        .or_else(|| voted_year(&chars))
        .ok_or(Error::UndatedNarrative)?;
    let name = options
        .entity_name
        .clone()
        .or(title.as_ref().map(|t| t.name.clone()))
        .unwrap_or_default();
    // The words of kind are looked for in the simplified text (`預算` is 预算).
    let simplified = {
        let whole = Chars::new(text);
        whole.normalized(0, whole.len())
    };
    let text = simplified.as_str();
    // A title that says only 预算 or 决算 (`…2024年“三公”经费预算说明`, `2022年决算报告`) without
    // naming a department's disclosure leaves it to the body whether the budget or the final
    // accounts are a government's.
    let by_title = title.as_ref().and_then(|t| {
        let kind = kind_of(&t.text, true)?;
        let departmental = DEPARTMENT_TITLE_WORDS.iter().any(|w| t.text.contains(w));
        let governments =
            || !departmental && kind_of(text, false).is_some_and(DisclosureKind::is_government);
        Some(match kind {
            DisclosureKind::Budget if governments() => DisclosureKind::GovernmentBudget,
            DisclosureKind::FinalAccounts if governments() => {
                DisclosureKind::GovernmentFinalAccounts
            }
            kind => kind,
        })
    });
    let kind = options
        .kind
        .or(by_title)
        .or_else(|| kind_of(text, false))
        .unwrap_or(DisclosureKind::FinalAccounts);
    let name = shorten_name(&name, text);
    let mut reader = Reader {
        chars,
        catalog,
        year,
        section: String::new(),
        kind: SectionKind::Free,
        open_headings: Vec::new(),
        function_heading: false,
        section_year: None,
        last_budget_uncompared: false,
        own_unit: (!name.is_empty()).then(|| name.clone()),
        other_unit: None,
        unit_heading: None,
        chapter: 0,
        section_subject: Vec::new(),
        previous_listing: None,
        statements: Vec::new(),
        places: Vec::new(),
        declined_chapters: Vec::new(),
        unparsed: Vec::new(),
        unit_kind: None,
        units: Vec::new(),
        sentence: 0,
        report_title: None,
        listing: None,
        count_object: None,
        staff_kind: None,
        before_clause: (0, 0),
        government: kind.is_government(),
        report_kind: kind,
        entity_name: name.clone(),
        ids: std::collections::HashMap::new(),
        sentence_claims: Vec::new(),
        heading_total: None,
        side_listing: false,
        included: Vec::new(),
        sentence_text: String::new(),
        sentence_start: 0,
        sentence_end: 0,
        levels_in_sentence: std::cell::OnceCell::new(),
    };
    reader.read_lines(title.as_ref().map(|t| t.line));
    // A title year the body contradicts: the body's year, as a statement of the report year
    // (N020 compares it with the title's).
    // A government's report, or any on a year's execution and the next year's draft, speaks
    // of two years at once.
    if options.year.is_none()
        && !kind.is_government()
        && !text.contains("执行情况")
        && let Some(title) = &title
        && let Some((body_year, at)) = body_year_against_title(&reader.chars, title)
    {
        let line = lines(&reader.chars)
            .into_iter()
            .find(|&(a, b)| (a..b).contains(&at))
            .map(|(a, b)| reader.chars.original(a, b).trim().to_owned())
            .unwrap_or_default();
        reader.section = "标题与正文".to_owned();
        reader.push_one(
            Concept::ReportYear,
            StatedValue::Count(u64::from(body_year)),
            None,
            &line,
        );
    }
    let mut claims = build_claims(
        &reader.statements,
        &reader.places,
        &reader.declined_chapters,
        &reader.included,
        reader.year,
    );
    claims.append(&mut reader.sentence_claims);
    let mut disclosure = Disclosure::new(Entity {
        name,
        year,
        kind,
        unit_kind: reader.unit_kind,
        units: reader.units,
    });
    disclosure.amount_decimals = printed_decimals(&reader.statements, options.amount_decimals);
    disclosure.currency = currency_of(&reader.statements);
    disclosure.statements = reader.statements;
    disclosure.claims = claims;
    disclosure.tables = tables;
    disclosure.notes.push(format!(
        "由 read_narrative 从{}说明文本读出：{} 条陈述，{} 条文中关系；{} 处含数字的语句未能读懂（见 unparsed）。",
        if kind.is_budget() { "预算" } else { "决算" },
        disclosure.statements.len(),
        disclosure.claims.len(),
        reader.unparsed.len()
    ));
    let others = disclosure
        .statements
        .iter()
        .filter(|s| matches!(s.concept, Concept::Other(_)))
        .count();
    if others > 0 {
        disclosure.notes.push(format!(
            "其中 {others} 条陈述没有对应的概念，按原文用语记为 Concept::Other。"
        ));
    }
    Ok(NarrativeReading {
        disclosure,
        unparsed: reader.unparsed,
    })
}

/// The unit of a text's amounts when they all have one (a text all in 元 or all in 亿元),
/// else 万元.
fn currency_of(statements: &[Statement]) -> Unit {
    let mut units = statements.iter().filter_map(|s| match &s.value {
        StatedValue::Amount(a) | StatedValue::Budget(a) => Some(a.unit()),
        StatedValue::Change { amount, .. } | StatedValue::ChangeAgainstBudget { amount, .. } => {
            Some(amount.unit())
        }
        _ => None,
    });
    match units.next() {
        Some(first) if units.all(|u| u == first) => first,
        _ => Unit::WanYuan,
    }
}

fn is_sentence_end(c: char) -> bool {
    c == '。'
}

/// Whether a department's text of `kind` accounts for the year's spending once the year is
/// closed (its final accounts, or a self-evaluation of its performance): a change against the
/// budget is against the year's own, and `去年` may be the report's year.
fn accounts_for_spending(kind: DisclosureKind) -> bool {
    matches!(
        kind,
        DisclosureKind::FinalAccounts | DisclosureKind::PerformanceSelfEvaluation
    )
}

impl Reader<'_> {
    /// [`accounts_for_spending`] of the text being read.
    fn accounts_for_spending(&self) -> bool {
        accounts_for_spending(self.report_kind)
    }

    /// Where a numbered heading ends and its body begins on one line (`二、收入预算总表的说明
    /// 本单位收入预算…`): the first run of three spaces or more, after words that make a
    /// heading and before words of a body.
    fn heading_before_a_gap(&self, a: usize, b: usize) -> Option<(usize, usize)> {
        let is_space = |i: usize| matches!(self.chars.at(i), ' ' | '\u{3000}' | '\t');
        let start = (a..b).find(|&i| !is_space(i))?;
        let gap = (start..b).find(|&i| i + 3 <= b && (i..i + 3).all(is_space))?;
        let body = (gap..b).find(|&i| !is_space(i))?;
        let head = self.chars.normalized(start, gap);
        let head_has_figures = figures(&self.chars, start, gap)
            .iter()
            .any(|f| !matches!(f.kind, FigureKind::Year(_)));
        let numbered = matches!(
            split_numbering(head.trim()).0,
            Numbering::Part | Numbering::Chinese | Numbering::ChineseParen
        );
        let body_words = self.chars.normalized(body, b);
        (numbered && is_heading(head.trim(), head_has_figures) && body_words.chars().any(is_han))
            .then_some((gap, body))
    }

    fn read_lines(&mut self, title: Option<(usize, usize)>) {
        // A body line that does not end its sentence continues on the next body line
        // (`……主要用于以下方面：` / `农林水支出81.05万元，占11.11%。`), unless that line starts a
        // numbered item of its own.
        let mut pending: Option<(usize, usize)> = None;
        let all_lines = lines(&self.chars);
        // Nothing but the title (or lines of a page above the text) has been read yet.
        let mut at_top = true;
        for (k, &(a, b)) in all_lines.iter().enumerate() {
            let text = self.chars.normalized(a, b);
            // `XX（单位名称）2023年度单位决算`: a template's fill-in left as printed, in the
            // title or anywhere.
            if let Some(placeholder) = placeholder_in(&text) {
                let flaw = StatedValue::Wording(WordingFlaw::Placeholder);
                let quote = placeholder.to_owned();
                self.push_one(
                    Concept::Other("模板占位内容".to_owned()),
                    flaw,
                    None,
                    &quote,
                );
            }
            if title.is_some_and(|(ta, tb)| ta <= a && b <= tb) {
                continue;
            }
            // `二、收入预算总表的说明     本单位收入预算…`: a heading the layout left on its
            // body's line, a run of spaces apart.
            let (a, text) = match self.heading_before_a_gap(a, b) {
                Some((head_end, body_start)) => {
                    if let Some((pa, pb)) = pending.take() {
                        self.body(pa, pb);
                    }
                    let head = self.chars.normalized(a, head_end);
                    self.unit_heading = None;
                    self.heading(a, head_end, head.trim());
                    at_top = false;
                    (body_start, self.chars.normalized(body_start, b))
                }
                None => (a, text),
            };
            let trimmed = text.trim();
            let empty = |line: Option<&(usize, usize)>| {
                line.is_none_or(|&(c, d)| self.chars.normalized(c, d).trim().is_empty())
            };
            if trimmed.is_empty() {
                // An empty line ends a paragraph, with its 。 or without (a web page's lines
                // above its article); a single line break only wraps a sentence.
                if let Some((pa, pb)) = pending.take() {
                    self.body(pa, pb);
                }
                continue;
            }
            // `外交部去年公务接待费仅8万元 预算执行比例不到3%`: a line of its own above an
            // untitled text, without a clause's punctuation, is its headline (or a date line),
            // whose rounded figures are no statements of the disclosure.
            if at_top
                && title.is_none()
                && pending.is_none()
                && empty(all_lines.get(k + 1))
                && (!trimmed.chars().any(is_han)
                    || !trimmed.contains(['，', '。', '；', ',', ';', '：'])
                        && split_numbering(trimmed).0 == Numbering::None)
            {
                continue;
            }
            at_top = false;
            let found = figures(&self.chars, a, b);
            let has_figures = found.iter().any(|f| !matches!(f.kind, FigureKind::Year(_)));
            // `19.住房保障支出（类）住房改革支出（款）住房公积金⏎（项），主要用于…`: a path
            // broken before its last level mark goes on in the next line; it is no heading.
            let path_goes_on = all_lines.get(k + 1).is_some_and(|&(c, d)| {
                let next = self.chars.normalized(c, d);
                ["（项）", "（款）", "（类）"]
                    .iter()
                    .any(|m| next.trim_start().starts_with(m))
            });
            // `市公安局` on a line of its own in a page on several units: the unit whose figures
            // the lines below give, until the next heading or unit line.
            if !has_figures && is_unit_name(trimmed) {
                if let Some((pa, pb)) = pending.take() {
                    self.body(pa, pb);
                }
                // Below the text's top a unit's name never introduces the text's own unit.
                let own = self.own_unit.as_ref();
                self.unit_heading = own
                    .is_none_or(|own| !same_unit(own, trimmed))
                    .then(|| trimmed.to_owned());
                continue;
            }
            if is_heading(trimmed, has_figures) && !path_goes_on {
                self.unit_heading = None;
                if let Some((pa, pb)) = pending.take() {
                    self.body(pa, pb);
                }
                self.heading(a, b, trimmed);
                continue;
            }
            let caption = trimmed.starts_with('（') && trimmed.ends_with('）');
            let numbered = caption || split_numbering(trimmed).0 != Numbering::None;
            pending = match pending {
                Some((pa, _)) if !numbered => Some((pa, b)),
                Some((pa, pb)) => {
                    self.body(pa, pb);
                    Some((a, b))
                }
                None => Some((a, b)),
            };
            if (trimmed.ends_with('。') || caption)
                && let Some((pa, pb)) = pending.take()
            {
                self.body(pa, pb);
            }
        }
        if let Some((pa, pb)) = pending.take() {
            self.body(pa, pb);
        }
    }

    fn body(&mut self, a: usize, b: usize) {
        if self.kind == SectionKind::Organization {
            self.organization(a, b);
        }
        // Another unit a paragraph spoke of is not the next paragraph's; one a line of its own
        // named is.
        self.other_unit = self.unit_heading.clone();
        let mut start = a;
        for i in a..=b {
            // `（公务用车购置费100万元，比上年增加0万元。）比上年增加0万元`: a 。 just before the
            // bracket that holds it closes ends no sentence.
            let closes_bracket = || {
                (i + 1..b)
                    .map(|j| self.chars.at(j))
                    .find(|c| !c.is_whitespace())
                    .is_some_and(|c| matches!(c, '）' | ')'))
            };
            if i == b || is_sentence_end(self.chars.at(i)) && !closes_bracket() {
                if i > start {
                    self.sentence(start, i);
                }
                start = i + 1;
            }
        }
    }
}

/// The text before the earliest of `words` (all of it when none occurs).
fn before_any<'t>(text: &'t str, words: &[&str]) -> &'t str {
    let cut = words.iter().filter_map(|w| text.find(w)).min();
    cut.map_or(text, |c| &text[..c])
}

/// The decimals a text's amounts are printed to: `decimals`, unless the text prints every one
/// of at least two amounts with fewer (`3923万元`, `332万元`; `328亿元`, `75.2亿元`): then the
/// most any of them has, so that `332` stands for [331.5, 332.5) and not for 332.00 exactly,
/// and `328` beside `75.2` for [327.95, 328.05).
fn printed_decimals(statements: &[Statement], decimals: u32) -> u32 {
    let scales = statements.iter().filter_map(|s| match &s.value {
        StatedValue::Amount(a) | StatedValue::Budget(a) | StatedValue::Change { amount: a, .. } => {
            Some(a.value().scale())
        }
        _ => None,
    });
    let (count, most) = scales.fold((0, 0), |(n, most), scale| (n + 1, most.max(scale)));
    if count >= 2 {
        most.min(decimals)
    } else {
        decimals
    }
}
