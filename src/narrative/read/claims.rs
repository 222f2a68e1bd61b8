//! The sums a text claims: its `其中` listings, complete or not, turned into claims over the
//! statements read, and the clauses declined around them that keep a listing from being whole.

use crate::classification::Level;
use crate::report::{Claim, Concept, FigureRef, StatedValue, Statement};
use crate::vocabulary::{complete, is_child, wholes_of};
/// Where a statement was read: its chapter, its sentence, and how many clauses had been
/// declined before it.
pub(super) type Place = (usize, usize, usize);

/// The clauses declined around the statements, indexed once so that asking about any stretch
/// of them costs a binary search (a listing asks for each of its parts).
struct Declined<'a> {
    places: &'a [Place],
    /// The chapter of each declined clause, in text order (so in chapter order).
    chapters: &'a [usize],
    /// For each statement, how many clauses had been declined by the end of its sentence.
    by_sentence_end: Vec<usize>,
}

impl<'a> Declined<'a> {
    fn new(places: &'a [Place], chapters: &'a [usize]) -> Self {
        let mut by_sentence_end = vec![chapters.len(); places.len()];
        for j in (0..places.len().saturating_sub(1)).rev() {
            by_sentence_end[j] = if places[j + 1].1 == places[j].1 {
                by_sentence_end[j + 1]
            } else {
                places[j + 1].2
            };
        }
        Declined {
            places,
            chapters,
            by_sentence_end,
        }
    }

    /// Whether a clause of statement `from`'s chapter was declined after it and before the
    /// end of statement `to`'s sentence.
    fn any_between(&self, from: usize, to: usize) -> bool {
        let chapter = self.places[from].0;
        let (start, end) = (self.places[from].2, self.by_sentence_end[to]);
        // The chapter's declined clauses are one run of the sorted list.
        let first = self.chapters.partition_point(|&c| c < chapter);
        let last = self.chapters.partition_point(|&c| c <= chapter);
        first.max(start) < last.min(end)
    }
}

/// Explicit claims the sentences make: shares with their part and whole, growth with change
/// and current, 其中 listings, vehicle counts.
pub(super) fn build_claims(
    statements: &[Statement],
    places: &[Place],
    declined_chapters: &[usize],
    included: &[usize],
    report_year: u16,
) -> Vec<Claim> {
    let refer = |i: usize| FigureRef::Statement(statements[i].id.clone().unwrap_or_default());
    // An amount of the year the statement at `i` is about.
    let is_amount = |j: usize, i: usize| {
        matches!(statements[j].value, StatedValue::Amount(_))
            && statements[j].year == statements[i].year
    };
    // The latest amount of `concept` before `i`, of its year: same chapter first, then anywhere.
    let latest_amount = |i: usize, concept: &Concept, same_chapter: bool| -> Option<usize> {
        (0..i).rev().take(400).find(|&j| {
            is_amount(j, i)
                && &statements[j].concept == concept
                && (!same_chapter || places[j].0 == places[i].0)
        })
    };
    let declined = Declined::new(places, declined_chapters);
    let mut claims = Vec::new();
    for (i, s) in statements.iter().enumerate() {
        match &s.value {
            StatedValue::Share { of, .. } => {
                let part = (0..i).rev().take(8).find(|&j| {
                    places[j].1 == places[i].1
                        && is_amount(j, i)
                        && statements[j].concept == s.concept
                });
                let whole = latest_amount(i, of, true).or_else(|| latest_amount(i, of, false));
                if let (Some(part), Some(whole)) = (part, whole) {
                    claims.push(Claim::Ratio {
                        rate: refer(i),
                        part: refer(part),
                        whole: refer(whole),
                    });
                }
            }
            StatedValue::Growth { .. } => {
                let change = (0..i).rev().take(8).find(|&j| {
                    places[j].1 == places[i].1
                        && statements[j].concept == s.concept
                        && matches!(statements[j].value, StatedValue::Change { .. })
                });
                let current = latest_amount(i, &s.concept, true);
                // `较2022年的100万元增长12%`: last year's amount, when the sentence gives it and
                // no change.
                let last_year = s.year.unwrap_or(report_year).checked_sub(1);
                let prior = change.is_none().then(|| {
                    (0..i).rev().take(8).find(|&j| {
                        places[j].1 == places[i].1
                            && statements[j].concept == s.concept
                            && statements[j].year == last_year
                            && matches!(statements[j].value, StatedValue::Amount(_))
                    })
                });
                if change.is_some() || current.is_some() {
                    claims.push(Claim::Growth {
                        rate: Some(refer(i)),
                        change: change.map(refer),
                        current: current.map(refer),
                        prior: prior.flatten().map(refer),
                    });
                }
            }
            StatedValue::Completion { .. } => {
                let mut budgets = (0..i).rev().take(8).filter(|&j| {
                    places[j].1 == places[i].1
                        && statements[j].concept == s.concept
                        && matches!(statements[j].value, StatedValue::Budget(_))
                });
                // `年初预算100万元，调整预算125万元，…为年初预算的120%`: of two budgets the
                // sentence states, the nearer need not be the one the rate is of.
                let budget = budgets.next().filter(|&nearest| {
                    budgets.all(|j| statements[j].value == statements[nearest].value)
                });
                let actual = latest_amount(i, &s.concept, true)
                    .filter(|&j| budget.is_some_and(|b| j > b) && places[j].1 == places[i].1);
                if let (Some(budget), Some(actual)) = (budget, actual) {
                    claims.push(Claim::Ratio {
                        rate: refer(i),
                        part: refer(actual),
                        whole: refer(budget),
                    });
                }
            }
            StatedValue::Amount(_) | StatedValue::Count(_) if s.year.is_none() => {
                claims.extend(listing(statements, places, &declined, included, i, &refer));
            }
            _ => {}
        }
    }
    claims
}

/// Whether `part` is directly a part of `whole`: a child in a listing ([`is_child`]), or a
/// part of it in the model (`一般公共预算财政拨款收入` of `本年财政拨款收入`).
fn directly_within(part: &Concept, whole: &Concept) -> bool {
    is_child(whole, part) || wholes_of(part).contains(whole)
}

/// The children a total lists after it (`其中：…`), as a sum claim.
///
/// When a figure after the total in its chapter was not understood, the listing may miss a
/// part: the claim is then only that the parts stated do not exceed the total (a subset sum,
/// made even for one part, so that the checker does not infer a complete sum either), and a
/// 功能分类 line's stated sub-lines count as its parts.
fn listing(
    statements: &[Statement],
    places: &[Place],
    declined: &Declined<'_>,
    included: &[usize],
    i: usize,
    refer: &dyn Fn(usize) -> FigureRef,
) -> Vec<Claim> {
    let total = &statements[i];
    let counting = matches!(total.value, StatedValue::Count(_));
    // Clauses declined between the total and the end of the sentences of its parts.
    let declined_between = |last: usize| declined.any_between(i, last);
    let mut declined_after = declined_between(i);
    // `“三公”经费X，其中：公务接待费a，公务用车运行维护费b，…`: a part's own part stands in
    // for it when the part itself is not listed (not a 功能分类 line's, whose levels a listing
    // keeps apart).
    let grandchild = |child: &Concept, seen: &[Concept]| {
        !matches!(
            child,
            Concept::FunctionExpenditure(_) | Concept::FundFunctionExpenditure { .. }
        ) && wholes_of(child)
            .iter()
            .any(|mid| is_child(&total.concept, mid) && !seen.contains(mid))
    };
    let part_of = |child: &Concept, declined_after: bool| {
        is_child(&total.concept, child)
            || declined_after
                && matches!(
                    (&total.concept, child),
                    (
                        Concept::FundFunctionExpenditure { fund: f, code: p },
                        Concept::FundFunctionExpenditure { fund, code },
                    ) if f == fund && p.is_ancestor_of(*code)
                )
    };
    let mut parts: Vec<usize> = Vec::new();
    let mut seen: Vec<Concept> = Vec::new();
    // A fund's expenditure is broken down by 功能分类 (at one level) or into 基本/项目支出: a
    // listing is one of these, the first part's.
    let mut breakdown: Option<Option<Level>> = None;
    for j in (i + 1..statements.len()).take(200) {
        let s = &statements[j];
        if places[j].0 != places[i].0 {
            break;
        }
        let same_kind = matches!(
            (&s.value, counting),
            (StatedValue::Amount(_), false) | (StatedValue::Count(_), true)
        );
        if !same_kind || s.year.is_some() {
            continue;
        }
        if s.concept == total.concept {
            break;
        }
        // `收入总计A。本年收入合计B，其中：…`: the parts of a part listed are within it; so is
        // what a figure holds (`（含上年结转5.01万元）`).
        if included.contains(&j)
            || seen.contains(&s.concept)
            || !(part_of(&s.concept, declined_after) || grandchild(&s.concept, &seen))
            || seen.iter().any(|part| directly_within(&s.concept, part))
            // A part after its own parts were listed is their sum, not one more part
            // (`其中：一般公共预算收入A…。财政拨款收入A`).
            || seen.iter().any(|part| directly_within(part, &s.concept))
        {
            continue;
        }
        let by = match &s.concept {
            Concept::FundFunctionExpenditure { code, .. } => Some(Some(code.level())),
            Concept::FundBasicExpenditure(_) | Concept::FundProjectExpenditure(_) => Some(None),
            _ => None,
        };
        if let Some(by) = by
            && *breakdown.get_or_insert(by) != by
        {
            continue;
        }
        seen.push(s.concept.clone());
        parts.push(j);
        declined_after = declined_between(j);
    }
    // One part listed claims only that it is within the total (`支出629.31万元，其中：基本
    // 支出768.93万元` is wrong whatever else the total holds).
    let incomplete = declined_after || parts.len() == 1;
    if parts.is_empty() {
        return Vec::new();
    }
    // A listing by 类 reads as the whole breakdown (N018 warns when it falls short): one that
    // missed a 类 the reader could not name claims of each 类 only that it is within the
    // total, not that together they are all of it.
    let by_class = parts.iter().all(|&j| match &statements[j].concept {
        Concept::FunctionExpenditure(code) | Concept::FundFunctionExpenditure { code, .. } => {
            code.level() == Level::Lei
        }
        _ => false,
    });
    if incomplete && by_class {
        return parts
            .iter()
            .map(|&j| Claim::SubsetSum {
                total: refer(i),
                parts: vec![refer(j)],
            })
            .collect();
    }
    let refs: Vec<FigureRef> = parts.iter().map(|&j| refer(j)).collect();
    if counting && !incomplete {
        return vec![Claim::CountSum {
            total: refer(i),
            parts: refs,
        }];
    }
    if !incomplete && complete(&total.concept, &seen) {
        vec![Claim::Sum {
            total: refer(i),
            parts: refs,
            minus: Vec::new(),
        }]
    } else {
        vec![Claim::SubsetSum {
            total: refer(i),
            parts: refs,
        }]
    }
}
