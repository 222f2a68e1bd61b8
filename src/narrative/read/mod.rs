//! Reading: sections, clauses, figures, concepts, statements and claims.

use crate::classification::{Catalog, FunctionCode};
use crate::dimensions::ThreePublicCategory;
use crate::dimensions::{FundType, UnitKind};
use crate::error::{Error, Result};
use crate::money::{Amount, Percent, Unit, parse_amount};
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
use crate::vocabulary::names::{
    VEHICLE_ITEMS_OF_THE_CATEGORY, VEHICLE_ITEMS_OF_THE_TOTAL, named_exactly,
};
use crate::vocabulary::sections::SectionKind;
use crate::vocabulary::words::{
    ADJUSTED_BASE_WORDS, COMPARISON_WORDS, DEPARTMENT_TITLE_WORDS, DISTRIBUTION_WORDS,
    LAST_YEAR_WORDS, is_generic, placeholder_in,
};
use crate::vocabulary::{VehicleCounting, counted_after};
use changes::{
    change_words, cites_last_years_plan, compared_with_a_budget, keeps_template_alternatives,
    moving_word, unchanged_since_last_year,
};
use claims::{Place, build_claims};
use document::{body_year_against_title, find_title, kind_of, lines, shorten_name, voted_year};
use figure::names_only_a_side;
use headings::strip_quotes;
use labels::{
    adjustment_in, budget_comparison, change_before_the_name, compared_year, completes_a_budget,
    focus, is_budget_label, is_comparison, label_year, last_year_word, strip_direction,
};
use listings::{
    common_whole, is_list_separator, names_distribution, names_inclusion, opens_breakdown,
    opens_inclusion, says_only_total,
};
pub(crate) use paths::{coded_line, function_path_in, names_agree};
use sentence::REASON_OPENERS;
use statements::figure_quote;
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
    /// The sums the `其中` breakdowns of measured quantities claim ([`Reader::measure_sums`]).
    measure_claims: Vec<Claim>,
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
    // A title that says only 预算 (`…2024年“三公”经费预算说明`) without naming a department's
    // disclosure leaves it to the body whether the budget is a government's.
    let by_title = title.as_ref().and_then(|t| {
        let kind = kind_of(&t.text, true)?;
        let departmental = DEPARTMENT_TITLE_WORDS.iter().any(|w| t.text.contains(w));
        Some(
            if kind == DisclosureKind::Budget
                && !departmental
                && kind_of(text, false).is_some_and(DisclosureKind::is_government)
            {
                DisclosureKind::GovernmentBudget
            } else {
                kind
            },
        )
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
        before_clause: (0, 0),
        government: kind.is_government(),
        report_kind: kind,
        entity_name: name.clone(),
        ids: std::collections::HashMap::new(),
        measure_claims: Vec::new(),
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
    claims.append(&mut reader.measure_claims);
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

impl Reader<'_> {
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
            if Some((a, b)) == title {
                continue;
            }
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

    fn clause(&mut self, a: usize, b: usize, state: &mut SentenceState) {
        self.count_object = None;
        // `2.2200101行政运行`: a list number glued to a 功能分类 code, not a number of its own.
        let found: Vec<Figure> = figures(&self.chars, a, b)
            .into_iter()
            .filter(|f| {
                let glued = f.kind == FigureKind::Bare
                    && !self.chars.at(f.end).is_ascii()
                    && f.number.split_once('.').is_some_and(|(list, code)| {
                        list.len() <= 2 && code.parse::<FunctionCode>().is_ok()
                    });
                !glued
            })
            .collect();
        let quote = self.chars.original(a, b).trim().to_owned();
        let whole = strip_quotes(&self.chars.normalized(a, b));
        let comparing = is_comparison(&whole);
        // `…60万元，主要是区委办应急公务用车购置经费60万元`: a clause opening by giving a
        // reason speaks of what the reason is about (the listing may go on after it).
        state.levels_in_reason = REASON_OPENERS
            .iter()
            .any(|w| whole.trim_start().starts_with(w));
        // Each figure's words: the text since the previous figure (a year is part of them).
        let mut cursor = a;
        // Whether a figure's words begin a line of their own after the figure before (see
        // `starts_a_line`); the labels lose their line breaks.
        let mut on_new_line = vec![false; found.len()];
        let mut labels: Vec<String> = found
            .iter()
            .zip(&mut on_new_line)
            .map(|(figure, new_line)| {
                if matches!(figure.kind, FigureKind::Year(_)) {
                    return String::new();
                }
                let words = self.chars.normalized(cursor, figure.start);
                *new_line = cursor > a && starts_a_line(&words);
                cursor = figure.end;
                strip_quotes(&words)
            })
            .collect();
        // `8个二级事业单位16个三级事业单位`: the words between two counts in one measure word
        // are what the first counts, when they are nothing else; the second's are after it.
        for k in 1..found.len() {
            if let (FigureKind::Count(unit), FigureKind::Count(next_unit)) =
                (&found[k - 1].kind, &found[k].kind)
                && unit == next_unit
                && counted_after(unit, &labels[k]) == Some(labels[k].as_str())
            {
                labels[k].clear();
            }
        }
        if let Some(code) = labels.iter().find_map(|l| self.coded_name_flaw(l)) {
            let concept = match self.lei_fund() {
                Some(fund) => Concept::FundFunctionExpenditure { fund, code },
                None => Concept::FunctionExpenditure(code),
            };
            let flaw = StatedValue::Wording(WordingFlaw::CodeNameMismatch);
            self.push_one(concept, flaw, None, &quote);
        }
        // Subjects listed for figures listed in the same order (`收、支总计各是A、B万元`,
        // `基本支出、项目支出分别为A、B万元`): what the next figures with no words of their
        // own are each about.
        let mut distributed: std::collections::VecDeque<Concept> = Default::default();
        let mut words_at = 0;
        let mut any_figure = false;
        // The verb of change or adjustment said before the clause's first name, if any.
        let mut verb_first: Option<&'static str> = None;
        for (k, figure) in found.iter().enumerate() {
            if let FigureKind::Year(y) = figure.kind {
                // `2022年…` opening a clause dates what follows; `与2022年持平` compares.
                // `与 2024 年持平`: the word of comparison may stand a space away.
                let before = (a..figure.start)
                    .rev()
                    .map(|i| self.chars.at(i))
                    .find(|c| !c.is_whitespace());
                let compared = matches!(before, Some('与' | '较' | '比' | '同'));
                if !comparing && !compared && figure.start <= a + 2 {
                    state.year = Some(y);
                    state.dated.push(y);
                }
                continue;
            }
            any_figure = true;
            let quote = figure_quote(&self.chars, (a, b), figure, &quote);
            // A figure listed after another (`60%、40%`) is read with the first one's words.
            if !is_list_separator(&labels[k]) {
                words_at = k;
            }
            // `完成全年预算50.74万元的67.2%`: a rate whose own words are only `的` is of the
            // figure before it, and takes that figure's words.
            let joined;
            let label = if k > 0
                && labels[k].trim() == "的"
                && matches!(figure.kind, FigureKind::Percent)
                && completes_a_budget(&labels[k - 1])
            {
                joined = format!("{}的", labels[k - 1]);
                &joined
            } else {
                &labels[words_at]
            };
            // `增加了身份证工本费23万元、培训经费2万元`, `调增专项支出2.73亿元和基本支出6038
            // 万元`: a verb of change before the first name is said of every item listed after
            // it, which are no levels either.
            let joins_the_list = label.starts_with(['、', '和', '及']);
            if let (true, Some(word)) = (joins_the_list, verb_first) {
                self.unparsed(
                    a,
                    &quote,
                    UnparsedReason::ChangeOfTheListed {
                        word: word.to_owned(),
                    },
                );
                continue;
            }
            if !joins_the_list {
                verb_first = change_before_the_name(label).or_else(|| adjustment_in(label));
            }
            // Enough for what a count counts when it follows (`8个二级事业单位`); the other
            // rules look only at how the words after begin.
            let after = self.chars.normalized(figure.end, (figure.end + 16).min(b));
            // `一般公共预算拨款761.21万元（含上年结转5.01万元）`, `…拨款收入（含上年结转）761.21
            // 万元`: more than the year's income.
            let holds_carry_over = {
                let carry_over = |inside: &str| {
                    names_inclusion(inside) && (inside.contains("结转") || inside.contains("结余"))
                };
                let next = self.chars.normalized(figure.end, (figure.end + 12).min(b));
                let next = next.trim_start();
                next.strip_prefix(['（', '(']).is_some_and(carry_over)
                    || label
                        .rsplit_once(['（', '('])
                        .is_some_and(|(_, inside)| carry_over(inside))
            };
            if label.contains('）') {
                state.close_bracket();
            }
            // `A500万元（a100万元，…）比上年增加0万元`: what follows the bracket is about A again.
            if label.rfind('（') > label.rfind('）') && state.subject_before_inclusion.is_none() {
                state.subject_before_inclusion = Some(state.subject.clone());
            }
            if opens_breakdown(label) {
                self.open_breakdown(label, state);
            }
            let mut listed = if is_list_separator(&labels[k]) {
                distributed.pop_front()
            } else {
                distributed.clear();
                None
            };
            // `基本支出A，项目支出B，合计C`: a total after the amounts it adds up is their
            // whole, never the last of them.
            // (A total after amounts of one thing restates it.)
            if listed.is_none()
                && says_only_total(label)
                && state.levels.iter().any(|c| c != &state.levels[0])
                && matches!(figure.kind, FigureKind::Amount(_))
            {
                match common_whole(&state.levels) {
                    Some(whole) => listed = Some(whole),
                    None => {
                        state.lost = true;
                        state.subject.clear();
                        self.unparsed(a, &quote, UnparsedReason::TotalOfUnknownParts);
                        continue;
                    }
                }
            }
            // `公务用车购置及运行维护费X（其中：购置费a，运行维护费b）`, `“三公”经费…其中：车辆
            // 运行费b`: words that name a vehicle item only in a listing of the vehicles or of
            // 三公经费.
            if listed.is_none()
                && let Some(whole) = &state.breakdown
            {
                let group = if whole.contains(&Concept::ThreePublicCategory(
                    ThreePublicCategory::OfficialVehicles,
                )) {
                    Some(VEHICLE_ITEMS_OF_THE_CATEGORY)
                } else if whole.contains(&Concept::ThreePublicTotal) {
                    Some(VEHICLE_ITEMS_OF_THE_TOTAL)
                } else {
                    None
                };
                let words = focus(label)
                    .trim_start_matches("其中")
                    .trim_matches(['：', '，']);
                listed = group.and_then(|g| named_exactly(g, words)).cloned();
            }
            let mut pairing = None;
            if listed.is_none() {
                let following = found[k + 1..]
                    .iter()
                    .zip(&labels[k + 1..])
                    .take_while(|(f, l)| f.kind == figure.kind && is_list_separator(l))
                    .count();
                let subjects = self
                    .paired_subjects(label)
                    .or_else(|| {
                        (names_distribution(label) && !state.listed.is_empty())
                            .then(|| state.listed.clone())
                    })
                    .or_else(|| {
                        // `基本支出A，项目支出B，分别占x%和y%`: as many shares, rates or changes
                        // handed out as the sentence has stated amounts of different things
                        // just before go to those things, in order.
                        let of_levels = matches!(figure.kind, FigureKind::Percent)
                            || matches!(figure.kind, FigureKind::Amount(_))
                                && change_words(label).is_some();
                        let last = state.levels.len().checked_sub(following + 1)?;
                        let things = &state.levels[last..];
                        let distinct = things
                            .iter()
                            .enumerate()
                            .all(|(i, c)| !things[..i].contains(c));
                        (names_distribution(label) && following > 0 && of_levels && distinct)
                            .then(|| things.to_vec())
                    })
                    .or_else(|| {
                        // `分别减少A和B，下降x%和y%`: a run of figures with no words but a
                        // direction, after figures handed out, goes on handing out to the same
                        // things.
                        (following > 0
                            && !state.listed.is_empty()
                            && strip_direction(label)
                                .trim_matches(['，', '、', '；', ' '])
                                .is_empty())
                        .then(|| state.listed.clone())
                    });
                // Figures handed out in order (`分别为1辆和130辆`) to subjects that cannot be
                // told, or are not as many, are not read: each would take the first's words.
                let listed_subjects = subjects.as_ref().map_or(0, Vec::len);
                if following + 1 == listed_subjects {
                    pairing = subjects;
                } else if following > 0 && (subjects.is_some() || names_distribution(label)) {
                    state.lost = true;
                    state.subject.clear();
                    let reason = match listed_subjects {
                        0 => UnparsedReason::UnpairedFigures {
                            figures: following + 1,
                        },
                        items => UnparsedReason::MismatchedListing {
                            items,
                            figures: following + 1,
                        },
                    };
                    self.unparsed(a, &quote, reason);
                    return;
                }
            }
            // `收入预算：A万元，其中：a万元；收入较去年增加X万元`: a change of the side in general
            // is of the listing's whole, not of its last part.
            // So is one opening the sentence after the listing (`其中：a。b。收入较上年增加X`).
            let side_whole = change_words(label)
                .and_then(|(_, candidates)| names_only_a_side(&candidates))
                .and(state.breakdown.as_ref().or_else(|| {
                    self.previous_listing
                        .as_ref()
                        .filter(|_| !state.head_placed)
                        .map(|(whole, _)| whole)
                }))
                .filter(|whole| !whole.is_empty())
                .cloned();
            // Figures handed out (`分别占x%和y%`) have their things from the pairing or the
            // listing: the word that hands them out names none.
            let without_distribution;
            let label = if pairing.is_some() || listed.is_some() && names_distribution(label) {
                without_distribution = DISTRIBUTION_WORDS
                    .iter()
                    .fold(label.to_owned(), |l, w| l.replace(w, ""));
                without_distribution.as_str()
            } else {
                label
            };
            let read = self
                .figure(
                    FigureInWords {
                        figure,
                        label,
                        after: &after,
                    },
                    side_whole.as_deref().unwrap_or(&state.subject),
                    &mut state.mode,
                    state.lost,
                )
                // An amount whose subject the listing already gave needs no words of its own.
                .or_else(|reason| match (&listed, &figure.kind) {
                    (Some(concept), FigureKind::Amount(unit)) => parse_amount(&figure.number)
                        .map(|printed| Read {
                            concepts: vec![concept.clone()],
                            value: ValueKind::Amount(Amount::new(printed.value, *unit)),
                            year: None,
                            named: true,
                        })
                        .map_err(|_| reason),
                    _ => Err(reason),
                })
                .map(|mut read| {
                    if let Some(concept) = listed {
                        read.concepts = vec![concept];
                        read.named = true;
                    } else if let Some(mut subjects) = pairing.take() {
                        state.listed.clone_from(&subjects);
                        read.concepts = vec![subjects.remove(0)];
                        read.named = true;
                        distributed = subjects.into();
                    }
                    read
                })
                .and_then(|read| {
                    // `主要原因是…预计淘汰更新执法车辆5辆`: a figure after the word of reason,
                    // in its clause or the clauses after it.
                    // A change it names (`主要原因是…基本支出较上年增加68.49万元`) is a part of
                    // the reason's account, in its scope, not the department's change.
                    let in_reason = state.in_reason || label.contains("原因");
                    // A reason given in a later clause (`支出增加X，主要是基本支出增加A，项目
                    // 支出减少B`) splits the change into its parts' changes, which are theirs;
                    // a level there is what the reason is about (one office's share).
                    let level = matches!(
                        read.value,
                        ValueKind::Amount(_) | ValueKind::Budget(_) | ValueKind::Count(_)
                    );
                    if in_reason
                        && (level
                            || matches!(read.value, ValueKind::Change(..) | ValueKind::Growth(..)))
                        || state.levels_in_reason && level
                    {
                        return Err(UnparsedReason::InAReason);
                    }
                    Ok(read)
                })
                .and_then(|read| {
                    // `…比上年增加X元。其中：出国费增加0元；公务用车费Y元，增长Z%`: the parts of
                    // a change; one printed without a word of change may be its change or its
                    // level, and the text does not say which.
                    if state.breakdown_of_changes && state.breakdown.is_some() {
                        match read.value {
                            ValueKind::Change(..) => state.breakdown_changed = true,
                            ValueKind::Amount(_) if state.breakdown_changed => {
                                return Err(UnparsedReason::LevelAmongChanges);
                            }
                            _ => {}
                        }
                    }
                    Ok(read)
                })
                .and_then(|read| self.place(read, label, state))
                .and_then(|read| {
                    if holds_carry_over
                        && read
                            .concepts
                            .iter()
                            .any(|c| matches!(c, Concept::Income(_)))
                    {
                        return Err(UnparsedReason::IncludesCarryOver);
                    }
                    Ok(read)
                })
                .and_then(|mut read| {
                    // `剔除留抵退税后同口径增长19.7%`: a change on an adjusted base.
                    if (state.adjusted_base
                        || ADJUSTED_BASE_WORDS.iter().any(|w| label.contains(w)))
                        && matches!(read.value, ValueKind::Change(..) | ValueKind::Growth(..))
                    {
                        return Err(UnparsedReason::OnAnAdjustedBase);
                    }
                    // `较年初预算数减少10.93万元，下降54.65%`: the rate after a change against
                    // the budget is of that comparison too, until words compare anew.
                    let compares = COMPARISON_WORDS.iter().any(|w| label.contains(w));
                    if let Some(reason) = &state.compared_elsewhere
                        && !compares
                        && let ValueKind::Change(.., base) | ValueKind::Growth(.., base) =
                            &mut read.value
                    {
                        if *reason == UnparsedReason::AgainstOwnBudget
                            && self.report_kind == DisclosureKind::FinalAccounts
                        {
                            *base = Base::OwnBudget;
                        } else {
                            return Err(reason.clone());
                        }
                    }
                    if compares {
                        state.compared_elsewhere = None;
                    }
                    if let ValueKind::Change(.., Base::OwnBudget)
                    | ValueKind::Growth(.., Base::OwnBudget) = read.value
                    {
                        state.compared_elsewhere = Some(UnparsedReason::AgainstOwnBudget);
                    }
                    Ok(read)
                })
                .and_then(|read| {
                    // `其中：一般公共预算拨款761.21万元（含上年结转5.01万元）`: what the figure
                    // before holds, not a further part of the listing.
                    if state.breakdown.is_some()
                        && opens_inclusion(label)
                        && matches!(read.value, ValueKind::Amount(_) | ValueKind::Budget(_))
                    {
                        return Err(UnparsedReason::InclusionInAListing);
                    }
                    Ok(read)
                })
                .and_then(|read| {
                    // `其中，购置费 2万元⏎运行维护费 30万元⏎比上年减少5万元`: in a listing printed
                    // one item a line, a change on a line of its own names no item; whether it
                    // is the last part's or the whole's, the layout does not say.
                    if state.breakdown.is_some()
                        && !read.named
                        && matches!(read.value, ValueKind::Change(..) | ValueKind::Growth(..))
                        && on_new_line[k]
                    {
                        Err(UnparsedReason::ChangeOnALineOfItsOwn)
                    } else {
                        Ok(read)
                    }
                })
                .and_then(|read| {
                    // `收入总计A，其中年初结转和结余B，较上年增加C，增长D%`: a change with no
                    // words of its own after the only part a listing gives so far may be the
                    // part's or the whole's, even when another part follows
                    // (`…；本年收入合计E`); it is the part's when the next part has its own
                    // change too (`其中：基本支出A，比上年增加B；项目支出C，比上年减少D`).
                    // (A listing in a sentence of its own, or after the whole's own change,
                    // gives its parts' changes.)
                    let of_a_part = !state.whole_changed
                        && state.breakdown.as_ref().is_some_and(|whole| {
                            !whole.is_empty() && !read.concepts.iter().any(|c| whole.contains(c))
                        });
                    if of_a_part
                        && state.listing_after_whole
                        && state.parts_listed == 1
                        && !read.named
                        && matches!(read.value, ValueKind::Change(..) | ValueKind::Growth(..))
                        && !self.next_level(figure.end).is_some_and(|next| next.changed)
                    {
                        Err(UnparsedReason::ChangeAfterTheOnlyPart)
                    } else {
                        Ok(read)
                    }
                })
                .and_then(|read| {
                    // `主要原因是…改革后…纳入预算，共计增加336.1万元`: the amount of a reason.
                    if state.reason
                        && !read.named
                        && matches!(read.value, ValueKind::Change(..) | ValueKind::Growth(..))
                    {
                        Err(UnparsedReason::ChangeInAReason)
                    } else {
                        Ok(read)
                    }
                });
            match read {
                Ok(mut read) => {
                    for (from, to) in std::mem::take(&mut state.rescoped) {
                        for statement in &mut self.statements[state.first_statement..] {
                            if statement.concept == from {
                                statement.concept = to.clone();
                            }
                        }
                        for subject in &mut state.subject {
                            if *subject == from {
                                *subject = to.clone();
                            }
                        }
                    }
                    if read.named {
                        state.reason = false;
                    }
                    // In a budget every amount is the budget, except one set beside an amount
                    // of the same thing already stated (`支出2.05万元，年初预算为2.95万元`).
                    // An amount compared with (`较2024年年初预算的100万元`) is that year's level.
                    if let ValueKind::Amount(amount) = read.value
                        && self.report_kind == DisclosureKind::Budget
                        && read.year.is_none()
                        && is_budget_label(label)
                        && read.concepts.iter().any(|c| state.levels.contains(c))
                    {
                        read.value = ValueKind::Budget(amount);
                    }
                    if let ValueKind::Amount(amount) = read.value
                        && state.breakdown_of_budget
                        && state.breakdown.is_some()
                    {
                        read.value = ValueKind::Budget(amount);
                    }
                    state.budget_just_stated = matches!(read.value, ValueKind::Budget(_))
                        && !COMPARISON_WORDS.iter().any(|w| label.contains(w));
                    self.last_budget_uncompared = state.budget_just_stated;
                    // `较预算数1237万元减少103万元`: the year's budget compared with, and the
                    // changes after it are against that budget.
                    if matches!(read.value, ValueKind::Budget(_))
                        && COMPARISON_WORDS.iter().any(|w| label.contains(w))
                        && let Some(reason) =
                            compared_with_a_budget(label, self.year, self.report_kind)
                    {
                        state.compared_elsewhere = Some(reason);
                    }
                    let printed_year = label_year(label);
                    let last_year = last_year_word(label);
                    let label_year =
                        printed_year.or_else(|| last_year.map(|_| self.year.saturating_sub(1)));
                    let is_change =
                        matches!(read.value, ValueKind::Change(..) | ValueKind::Growth(..));
                    // `去年“三公”经费总开支7497.98万元`: 去年 counts from when the text was
                    // written, and final accounts come out the year after theirs, so it may be
                    // the report's year or the one before (`上年` counts from the report's);
                    // so may a change of that year.
                    if (last_year == Some("去年") || state.calendar_last_year)
                        && printed_year.is_none()
                        && self.report_kind == DisclosureKind::FinalAccounts
                        && read.year.is_none()
                        && !comparing
                    {
                        // What follows must not take its subject, whose year is unknown.
                        state.lost = true;
                        state.subject.clear();
                        self.unparsed(a, &quote, UnparsedReason::AmbiguousLastYear);
                        continue;
                    }
                    if read.year.is_some() {
                        // A comparison's base (`较2022年的…`): of the year it was read with.
                    } else if !is_change && !comparing {
                        let listed_in = state.breakdown.as_ref().and(state.breakdown_year);
                        let year = label_year
                            .or(listed_in)
                            .or(state.year)
                            .or(self.undated_sentence_year());
                        read.year = year.filter(|y| *y != self.year);
                        // `2024年…执行数2010.95万元` in the budget of 2025: what last year spent,
                        // which is not what a budget's changes are against (last year's
                        // budget), and which the model has no concept for.
                        if self.report_kind == DisclosureKind::Budget
                            && read.year == self.year.checked_sub(1)
                            && matches!(read.value, ValueKind::Amount(_))
                            && ["执行数", "执行", "决算", "实际"]
                                .iter()
                                .any(|w| label.contains(w))
                        {
                            self.unparsed(a, &quote, UnparsedReason::LastYearsExecution);
                            continue;
                        }
                    } else {
                        // A change is of the year the sentence dates (`2022年…3.46万元，较上年
                        // 增加2.4万元`: 2022 against 2021); the years in its own words are the
                        // year compared with.
                        // A change against a year by number is not of that year: after
                        // `2015年…141.55万元，2014年为107.89万元，较2014年增加33.66万元` it is of
                        // the year dated before 2014.
                        // So is the rate after it, which dates nothing anew.
                        // So is one against 上年 right after last year's level, when the sentence
                        // also dated the report's year (`2026年…1291.68万元，2025年…846.48万元，
                        // 较上年增加445.20万元`).
                        let last_year = self.year.checked_sub(1);
                        let compared = compared_year(label).or_else(|| {
                            (is_comparison(label)
                                && LAST_YEAR_WORDS.iter().any(|w| label.contains(w))
                                && state.dated.contains(&self.year))
                            .then_some(last_year)
                            .flatten()
                        });
                        let year = match compared {
                            Some(compared) if state.year == Some(compared) => {
                                state.year =
                                    state.dated.iter().rev().find(|y| **y != compared).copied();
                                state.year
                            }
                            _ => state.year,
                        }
                        .or(self.undated_sentence_year());
                        read.year = year.filter(|y| *y != self.year);
                        // `较2015年下降2.3%` in a report of 2017: no change against last year.
                        if let Some(compared) =
                            compared_year(label).filter(|y| !self.is_last_year_of(*y, year))
                        {
                            let reason = UnparsedReason::AgainstAnotherYear { year: compared };
                            state.compared_elsewhere = Some(reason.clone());
                            self.unparsed(a, &quote, reason);
                            continue;
                        }
                    }
                    // A budget states no completion rate of its own year: a rate of one is of a
                    // year it looks back on, and the text must say which.
                    if matches!(read.value, ValueKind::Completion(_))
                        && self.report_kind == DisclosureKind::Budget
                        && read.year.is_none()
                    {
                        self.unparsed(a, &quote, UnparsedReason::UndatedCompletion);
                        continue;
                    }
                    if !read.concepts.is_empty() {
                        // `761.21万元（含上年结转5.01万元），其中：…`: the figure in brackets
                        // does not become what the sentence is about.
                        if opens_inclusion(label) {
                            if state.subject_before_inclusion.is_none() {
                                state.subject_before_inclusion = Some(state.subject.clone());
                            }
                            self.included.push(self.statements.len());
                        }
                        state.subject = read.concepts.clone();
                        state.lost = false;
                    }
                    if matches!(read.value, ValueKind::Amount(_) | ValueKind::Budget(_)) {
                        state.levels.extend(read.concepts.iter().cloned());
                        // `…可比下降4.9%；非税收入25.53亿元，增长118.7%`: a level named anew
                        // starts changes of its own.
                        state.adjusted_base &= !read.named;
                        state.parts_listed += usize::from(state.breakdown.is_some());
                    }
                    self.note_listing(&read);
                    if matches!(figure.kind, FigureKind::Count(_)) {
                        let object = label.trim_matches(['、', '：', '，', ' ', '\n', '\r']);
                        if !object.is_empty() && !is_generic(object) {
                            self.count_object = Some(object.to_owned());
                        }
                    }
                    self.push(read, &quote);
                }
                Err(reason) if reason.is_declined_comparison() => {
                    state.budget_just_stated = false;
                    self.last_budget_uncompared = false;
                    // Its subject is known: a later `较上年…` of the sentence is still its.
                    state.compared_elsewhere = Some(reason.clone());
                    self.unparsed(a, &quote, reason);
                }
                Err(reason) => {
                    state.budget_just_stated = false;
                    self.last_budget_uncompared = false;
                    // What follows must not fall back on an earlier subject, in this sentence
                    // or the next (`“…其他社区城乡管理事务支出（项）”7,682.11万元。年初预算为…`).
                    state.lost = true;
                    state.subject.clear();
                    self.section_subject.clear();
                    self.unparsed(a, &quote, reason);
                }
            }
        }
        if let Some(last) = found.last()
            && self.chars.normalized(last.end, b).contains('）')
        {
            state.close_bracket();
        }
        // `…50万元⏎其中，购置费…`, `…500万元（其中，a…，b…），占96%`: an opener after the
        // clause's last figure opens the listing of the clauses after it, and a bracket opened
        // there gives the subject back when it closes.
        if let Some(last) = found.last() {
            let rest = strip_quotes(&self.chars.normalized(last.end, b));
            let bracketed = rest.strip_prefix('（').filter(|r| !r.contains('）'));
            if bracketed.is_some() && state.subject_before_inclusion.is_none() {
                state.subject_before_inclusion = Some(state.subject.clone());
            }
            if ["其中", "其中："].contains(&bracketed.unwrap_or(&rest)) {
                self.open_breakdown(&rest, state);
            }
        }
        if !any_figure {
            // `与年初预算相比，减少3万元`: a comparison in a clause of its own says what the
            // changes after it are against, until a clause compares anew.
            if COMPARISON_WORDS.iter().any(|w| whole.contains(w)) {
                state.compared_elsewhere =
                    compared_with_a_budget(&whole, self.year, self.report_kind).or_else(|| {
                        compared_year(&whole)
                            .filter(|y| !self.is_last_year_of(*y, state.year))
                            .map(|year| UnparsedReason::AgainstAnotherYear { year })
                    });
            }
            // `…7018.511万元，其中，一般公共预算拨款…`: the opener in a clause of its own.
            if ["其中", "其中："].contains(&whole.trim()) {
                self.open_breakdown(whole.trim(), state);
            }
            state.calendar_last_year |= last_year_word(&whole) == Some("去年");
            // `扣除一次性因素，增长4.1%`: the base of the sentence's changes after it is adjusted.
            state.adjusted_base |= ADJUSTED_BASE_WORDS.iter().any(|w| whole.contains(w));
            self.figureless(&whole, &quote, &mut state.subject, &mut state.lost);
        }
        if whole.contains("原因") {
            state.reason = true;
            state.in_reason = true;
        }
        if let Some(code) = function_path_in(&whole).and_then(|p| self.renamed_remainder(&p)) {
            let concept = Concept::FundFunctionExpenditure {
                fund: self.listing.unwrap_or(self.kind.fund()),
                code,
            };
            let flaw = StatedValue::Wording(WordingFlaw::CodeNameMismatch);
            self.push_one(concept, flaw, None, &quote);
        }
        if let Some(lei) = function_path_in(&whole).and_then(|p| self.misplaced_names(&p)) {
            let concept = Concept::FundFunctionExpenditure {
                fund: self.listing.unwrap_or(self.kind.fund()),
                code: lei,
            };
            let flaw = StatedValue::Wording(WordingFlaw::MisplacedItemNames);
            self.push_one(concept, flaw, None, &quote);
        }
        // A figure said to be unchanged since last year's budget, for a reason that is last
        // year's plan: the reason is last year's text (a change could be explained by what last
        // year planned; no change cannot).
        let unchanged_just_now = self.places.last().is_some_and(|p| p.1 == self.sentence)
            && self.statements.last().is_some_and(|s| {
                matches!(
                    s.value,
                    StatedValue::Change {
                        direction: Direction::Flat,
                        ..
                    }
                )
            });
        if self.report_kind == DisclosureKind::Budget
            && unchanged_just_now
            && cites_last_years_plan(&whole, self.year)
        {
            let concept = [&state.subject, &self.section_subject]
                .into_iter()
                .find_map(|c| c.first().cloned())
                .unwrap_or_else(|| Concept::Other("文字表述".to_owned()));
            let flaw = StatedValue::Wording(WordingFlaw::LastYearsPlan);
            self.push_one(concept, flaw, None, &quote);
        }
        if let Some(subject) = self.change_explained_by_other_items(&whole) {
            // Quoted with the change it explains (`增长20%，增长的主要原因是…`), when short.
            let changed = state.figure_clause.unwrap_or(a);
            let both = self.chars.original(changed, b).trim().to_owned();
            let quote = if both.chars().count() <= 240 {
                both
            } else {
                quote.clone()
            };
            let flaw = StatedValue::Wording(WordingFlaw::ReasonOutsideItem);
            self.push_one(subject, flaw, None, &quote);
        }
        if any_figure {
            state.figure_clause = Some(a);
        }
        if keeps_template_alternatives(&whole) {
            let concept = [&state.subject, &self.section_subject]
                .into_iter()
                .find_map(|c| c.first().cloned())
                .unwrap_or_else(|| Concept::Other("文字表述".to_owned()));
            let flaw = StatedValue::Wording(WordingFlaw::TemplateAlternatives);
            self.push_one(concept, flaw, None, &quote);
        }
    }

    /// A clause without figures can still say something: a 功能分类 path that the next
    /// sentence's figures are about, or 决算数与预算数持平.
    fn figureless(
        &mut self,
        whole: &str,
        quote: &str,
        subject: &mut Vec<Concept>,
        lost: &mut bool,
    ) {
        if whole.contains("（类）") {
            // A path names what follows: the line it resolves to, or something the reader
            // cannot tell, which no earlier subject stands in for.
            if let Ok(Some(concept)) = self.function_path(whole) {
                *subject = vec![concept.clone()];
                *lost = false;
                self.section_subject = vec![concept];
            } else {
                subject.clear();
                *lost = true;
                self.section_subject.clear();
            }
            return;
        }
        // A clause that names what the next figures are about without a figure of its own
        // (`公务接待费支出决算比预算无增减变化，比去年增加0.5万元`) sets the subject; a clause
        // that gives a reason or a use only mentions things.
        let mentions_only = ["原因", "由于", "因为", "用于", "包括", "主要是"]
            .iter()
            .any(|w| whole.contains(w));
        // It must say something of the thing (compare it), not define or describe it — or be
        // a numbered caption (`（二）公务接待费。`) of the sentences after it.
        let compares = COMPARISON_WORDS.iter().any(|w| whole.contains(w)) || whole.contains('与');
        let (numbering, bare) = split_numbering(whole);
        let caption = numbering != Numbering::None && bare.chars().count() <= 16;
        if (caption || !mentions_only && compares)
            && let Ok(Some(named)) = self.concepts(focus(before_any(whole, COMPARISON_WORDS)))
        {
            *subject = named;
            *lost = false;
        }
        if *lost && subject.is_empty() {
            return;
        }
        // `较上年无增减`, `与上年持平`: a change of nothing against last year, of the subject.
        // A reason or a use (`主要原因是与上年持平的…`) only mentions it.
        if !*lost
            && !subject.is_empty()
            && !mentions_only
            && let Some(compared) = unchanged_since_last_year(whole, self.year, self.report_kind)
        {
            // `与2025年预算增加持平` says two things of one change: a flaw of the words.
            if let Some(moved) = moving_word(compared) {
                let flaw = WordingFlaw::ContradictoryDirections(moved, Direction::Flat);
                for concept in subject.clone() {
                    self.push_one(concept, StatedValue::Wording(flaw), None, quote);
                }
                return;
            }
            let unit = self
                .statements
                .iter()
                .rev()
                .find_map(|s| match s.value {
                    StatedValue::Amount(a) | StatedValue::Budget(a) => Some(a.unit()),
                    _ => None,
                })
                .unwrap_or(Unit::WanYuan);
            for concept in subject.clone() {
                let unchanged = StatedValue::Change {
                    amount: Amount::new(rust_decimal::Decimal::ZERO, unit),
                    direction: Direction::Flat,
                };
                self.push_one(concept, unchanged, None, quote);
            }
            return;
        }
        if let Some(direction) = budget_comparison(whole) {
            // `小学教育、普通高中教育决算都大于预算`: the things compared are named before
            // 决算; words naming nothing known are no word for the subject.
            let named = whole
                .split_once("决算")
                .map_or("", |(before, _)| before)
                .rsplit(['，', '；', '：'])
                .next()
                .unwrap_or_default();
            let concepts = match self.concepts(named) {
                Ok(Some(concepts)) => concepts,
                _ if self.names_something_unknown(named) => return,
                _ if subject.is_empty() => self.section_subject.clone(),
                _ => subject.clone(),
            };
            for concept in concepts {
                self.push_one(
                    concept,
                    StatedValue::BudgetComparison(direction),
                    None,
                    quote,
                );
            }
        }
    }
}

/// The text before the earliest of `words` (all of it when none occurs).
fn before_any<'t>(text: &'t str, words: &[&str]) -> &'t str {
    let cut = words.iter().filter_map(|w| text.find(w)).min();
    cut.map_or(text, |c| &text[..c])
}

/// Words after a figure of the same clause begin on a new line (`…30万元⏎比上年减少5万元`):
/// no punctuation closes the line before, so it is a layout of one item a line, not a
/// sentence wrapped after its comma.
fn starts_a_line(label: &str) -> bool {
    label
        .trim_start_matches([' ', '\t', '\u{3000}'])
        .starts_with(['\n', '\r'])
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
