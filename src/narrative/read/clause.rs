//! A clause: its figures read one after another in their words, and what a clause says without
//! a figure or in flawed words.

use super::changes::{
    change_words, cites_last_years_plan, compared_with_a_budget, keeps_template_alternatives,
    moving_word, names_another_year, opposite_directions_side_by_side, unchanged_since_last_year,
};
use super::figure::names_only_a_side;
use super::labels::{
    adjustment_in, budget_comparison, change_before_the_name, compared_year, completes_a_budget,
    focus, is_budget_label, is_comparison, label_year, last_year_word, strip_direction,
};
use super::listings::{
    common_whole, is_list_separator, names_distribution, names_inclusion, opens_breakdown,
    opens_inclusion, says_only_total,
};
use super::paths::function_path_in;
use super::sentence::REASON_OPENERS;
use super::statements::{QUOTE_WHOLE_UP_TO, figure_quote};
use super::{Base, FigureInWords, Read, Reader, SentenceState, ValueKind, before_any};
use crate::classification::FunctionCode;
use crate::dimensions::ThreePublicCategory;
use crate::money::{Amount, Unit, parse_amount};
use crate::narrative::UnparsedReason;
use crate::narrative::scan::{Figure, FigureKind, Numbering, figures, split_numbering};
use crate::report::{Concept, Direction, DisclosureKind, StatedValue, WordingFlaw};
use crate::vocabulary::counted_after;
use crate::vocabulary::counts::staff_kind;
use crate::vocabulary::names::{
    VEHICLE_ITEMS_OF_THE_CATEGORY, VEHICLE_ITEMS_OF_THE_TOTAL, named_exactly, nothing_spent_on,
};
use crate::vocabulary::words::{
    ADJUSTED_BASE_WORDS, COMPARISON_WORDS, DISTRIBUTION_WORDS, LAST_YEAR_WORDS, is_generic,
    strip_quotes,
};

impl Reader<'_> {
    pub(super) fn clause(&mut self, a: usize, b: usize, state: &mut SentenceState) {
        self.count_object = None;
        // `行政编制5人，实有人数5人；事业编制…`: a kind of posts is its clauses' up to a `；`.
        if a == self.sentence_start || a > 0 && self.chars.at(a - 1) == '；' {
            self.staff_kind = None;
        }
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
                // `2022年…` opening a clause dates what follows; `与2022年持平` compares, and so
                // does `是2018年的3倍` (a multiple or a share of that year's).
                // `与 2024 年持平`: the word of comparison may stand a space away.
                let before = (a..figure.start)
                    .rev()
                    .map(|i| self.chars.at(i))
                    .find(|c| !c.is_whitespace());
                let of_that_years =
                    matches!(before, Some('是' | '为')) && self.chars.at(figure.end) == '的';
                let compared = matches!(before, Some('与' | '较' | '比' | '同')) || of_that_years;
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
                    // `2023年度收入总计A，支出总计B，2022年度收入总计C，支出总计D`: amounts of
                    // no one whole before a total its own words name are no listing.
                    None if self
                        .concepts(focus(label))
                        .is_ok_and(|named| named.is_some_and(|c| !c.is_empty())) => {}
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
            // `其中：本年收入a万元，上年结转b万元。收入较去年减少X万元`: beside a carry-over the
            // total lists, `收入` alone may be this year's income without it (and last year's
            // total held last year's carry-over), and the text does not say which.
            let income_named = change_words(label)
                .and_then(|(_, candidates)| names_only_a_side(&candidates))
                .is_some_and(|side| side != Some(false));
            if income_named
                && side_whole
                    .as_deref()
                    .is_some_and(|whole| whole.contains(&Concept::IncomeGrandTotal))
                && self.carry_over_listed(state)
            {
                state.lost = true;
                self.unparsed(a, &quote, UnparsedReason::IncomeBesideCarryOver);
                return;
            }
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
                            && self.accounts_for_spending()
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
                    // `“三公”经费合计X，其中：…公务接待费a、会议费b`: an expense no 三公 item listed
                    // as a part says the total holds more than 三公经费; it and what the
                    // sentence said of it are of that larger sum, which no concept stands for.
                    if let Some(whole) = &mut state.breakdown
                        && whole.contains(&Concept::ThreePublicTotal)
                        && matches!(read.value, ValueKind::Amount(_))
                        && let [Concept::Other(name)] = read.concepts.as_slice()
                        && name.ends_with('费')
                    {
                        let more = Concept::Other(format!("“三公”经费及{name}等"));
                        for concept in whole.iter_mut() {
                            if *concept == Concept::ThreePublicTotal {
                                *concept = more.clone();
                            }
                        }
                        state.rescoped.push((Concept::ThreePublicTotal, more));
                    }
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
                        && self.accounts_for_spending()
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
                        // 较上年增加445.20万元`) or stated an amount of it without a date
                        // (`拨款收入240万元，2024年收入预算总计363.13万元，同比降低123.13万元`).
                        let last_year = self.year.checked_sub(1);
                        let compared = compared_year(label).or_else(|| {
                            (is_comparison(label)
                                && LAST_YEAR_WORDS.iter().any(|w| label.contains(w))
                                && (state.dated.contains(&self.year)
                                    || self.sentence_states_this_years_amount()))
                            .then_some(last_year)
                            .flatten()
                        });
                        let year = match compared {
                            Some(compared) => state.year_compared_with(compared),
                            None => state.year,
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
                        // The kind of posts the sentence's counts go on with, until another
                        // count of posts names another or none.
                        if label.contains("编制") {
                            self.staff_kind = staff_kind(label);
                        }
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
                Err(reason) if reason.keeps_the_subject() => {
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
                // `2023年度收入总计A，…，2022年度收入总计B，…，与2022年度相比，…增加C`: compared
                // with the year the sentence dated last, the changes after it are of the year
                // it dated before (as in a clause with its figure).
                if let Some(compared) = compared_year(&whole) {
                    state.year_compared_with(compared);
                }
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
            self.figureless(
                &whole,
                &quote,
                &mut state.subject,
                &mut state.lost,
                state.in_reason,
            );
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
            self.wording_flaw(WordingFlaw::LastYearsPlan, state, &quote);
        }
        if let Some(subject) = self.change_explained_by_other_items(&whole) {
            // Quoted with the change it explains (`增长20%，增长的主要原因是…`), when short.
            let changed = state.figure_clause.unwrap_or(a);
            let both = self.chars.original(changed, b).trim().to_owned();
            let quote = if both.chars().count() <= QUOTE_WHOLE_UP_TO {
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
            self.wording_flaw(WordingFlaw::TemplateAlternatives, state, &quote);
        }
        if let Some((said, then)) = opposite_directions_side_by_side(&whole) {
            let flaw = WordingFlaw::ContradictoryDirections(said, then);
            self.wording_flaw(flaw, state, &quote);
        }
    }

    /// A flaw of the clause's wording, stated of what the sentence (else the section) speaks
    /// of, or of its words when nothing is known.
    fn wording_flaw(&mut self, flaw: WordingFlaw, state: &SentenceState, quote: &str) {
        let concept = [&state.subject, &self.section_subject]
            .into_iter()
            .find_map(|c| c.first().cloned())
            .unwrap_or_else(|| Concept::Other("文字表述".to_owned()));
        self.push_one(concept, StatedValue::Wording(flaw), None, quote);
    }

    /// Whether the sentence read so far states an amount of the report's year.
    /// Whether the listing the clause goes on with (its sentence's, or the one the sentence
    /// before ended in) names a carry-over from last year (`上年结转21.54万元`): even one of
    /// nothing this year tells `收入` from what was carried over, and last year's may not
    /// have been nothing.
    fn carry_over_listed(&self, state: &SentenceState) -> bool {
        let parts = match (&state.breakdown, &self.previous_listing) {
            (Some(_), _) => &state.listed_parts,
            (None, Some((_, parts))) => parts,
            (None, None) => return false,
        };
        parts.contains(&Concept::OpeningBalance)
    }

    fn sentence_states_this_years_amount(&self) -> bool {
        self.places
            .iter()
            .rev()
            .zip(self.statements.iter().rev())
            .take_while(|(place, _)| place.1 == self.sentence)
            .any(|(_, s)| s.year.is_none() && matches!(s.value, StatedValue::Amount(_)))
    }

    /// The unit of the latest amount read, for a zero the words state (`万元` before any).
    fn last_amount_unit(&self) -> Unit {
        self.statements
            .iter()
            .rev()
            .find_map(|s| match s.value {
                StatedValue::Amount(a) | StatedValue::Budget(a) => Some(a.unit()),
                _ => None,
            })
            .unwrap_or(Unit::WanYuan)
    }

    /// A clause without figures can still say something: a 功能分类 path that the next
    /// sentence's figures are about, or 决算数与预算数持平.
    fn figureless(
        &mut self,
        whole: &str,
        quote: &str,
        subject: &mut Vec<Concept>,
        lost: &mut bool,
        in_reason: bool,
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
        // `本年度未购置公务用车`, `未发生公务接待费支出`: nothing spent on a 三公 item this year,
        // a zero of the report's year, which also names what the next figures are about. Words
        // before it that name another year (`上年未购置…`) or an exception (`除…外`) keep it
        // from being this year's.
        if let Some((before, concepts)) = nothing_spent_on(whole)
            && !names_another_year(before, self.year)
            && !before.contains('除')
        {
            let unit = self.last_amount_unit();
            for concept in &concepts {
                let zero = StatedValue::Amount(Amount::new(rust_decimal::Decimal::ZERO, unit));
                self.push_one(concept.clone(), zero, None, quote);
            }
            *subject = concepts;
            *lost = false;
            return;
        }
        // A clause that names what the next figures are about without a figure of its own
        // (`公务接待费支出决算比预算无增减变化，比去年增加0.5万元`) sets the subject; a clause
        // that gives a reason or a use, or goes on with a reason an earlier clause gave
        // (`主要原因是工资福利支出同比增长，商品和服务支出同比减少。其中：…`), only mentions
        // things.
        let mentions_only = in_reason
            || ["原因", "由于", "因为", "用于", "包括", "主要是"]
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
        // Not of a score, a measure or a described count (`18个部门压缩了…，…与去年持平`).
        if !*lost
            && !subject.is_empty()
            && !mentions_only
            && !self.is_not_money(subject)
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
            let unit = self.last_amount_unit();
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

/// Words after a figure of the same clause begin on a new line (`…30万元⏎比上年减少5万元`):
/// no punctuation closes the line before, so it is a layout of one item a line, not a
/// sentence wrapped after its comma.
fn starts_a_line(label: &str) -> bool {
    label
        .trim_start_matches([' ', '\t', '\u{3000}'])
        .starts_with(['\n', '\r'])
}
