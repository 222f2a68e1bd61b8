//! Placing a read figure in its sentence: the parts of a `其中` listing within its whole, and
//! unqualified totals and kinds of expenditure in the sentence's scope (财政拨款, a fund).

use super::labels::described;
use super::{Read, Reader, Scope, SentenceState, ValueKind};
use crate::dimensions::ExpenditureKind;
use crate::narrative::UnparsedReason;
use crate::narrative::scan::{Chars, Numbering, split_numbering};
use crate::report::{Concept, Countable, ProcurementLine, StatedValue};
use crate::vocabulary::names::fund_named_in;
use crate::vocabulary::sections::SectionKind;
use crate::vocabulary::{is_part, whole_of, wholes_of};

impl Reader<'_> {
    /// Places the concepts a figure's own words named within the sentence: the parts of a
    /// `其中` listing belong to its whole, and unqualified totals take the sentence's scope.
    pub(super) fn place(
        &self,
        read: Read,
        label: &str,
        state: &mut SentenceState,
    ) -> std::result::Result<Read, UnparsedReason> {
        let mut read = if read.named {
            self.place_named(read, label, state)?
        } else {
            read
        };
        // `包括：一般公共预算当年拨款收入740198.73万元、上年结转117817.33万元`: beside a fund's
        // appropriation of the year (`当年拨款`), what was carried in is that appropriation's,
        // not the department's whole carry-over.
        if read.concepts == [Concept::OpeningBalance]
            && let Some(fund) = self.statements[state.first_statement..]
                .iter()
                .rev()
                .find_map(|s| match &s.concept {
                    Concept::Income(source)
                        if {
                            // The quote as printed, normalised (`當(dāng)年撥款`).
                            let printed = Chars::new(&s.location.quote);
                            let quote = printed.normalized(0, printed.len());
                            ["当年拨款", "当年财政拨款"]
                                .iter()
                                .any(|w| quote.contains(w))
                        } =>
                    {
                        source.fund_type()
                    }
                    _ => None,
                })
        {
            return Err(UnparsedReason::CarriedInOfAFund {
                words: label
                    .trim()
                    .trim_start_matches(['、', '，', '和', '及'])
                    .to_owned(),
                fund,
            });
        }
        // `基本支出预算X元，占一般公共预算支出的y%`: a part of a fund's expenditure is the
        // fund's, and so are the figures the sentence gave it before.
        if let ValueKind::Share(_, Some(whole)) = &read.value
            && let Some(scope) = scope_of(whole)
        {
            for concept in &mut read.concepts {
                if let Some(scoped) = rescope(concept, scope).filter(|s| is_part(whole, s)) {
                    state.rescoped.push((concept.clone(), scoped.clone()));
                    *concept = scoped;
                }
            }
        }
        // `工资福利支出…占基本支出预算81.25%` of a fund's 基本支出: a whole written without a
        // scope is, in the scope of its part, the one the part belongs to.
        if let ValueKind::Share(_, Some(whole)) = &mut read.value
            && scope_of(whole).is_none()
            && let [part] = read.concepts.as_slice()
            && let Some(scoped) = scope_of(part)
                .and_then(|scope| rescope(whole, scope))
                .filter(|scoped| is_part(scoped, part))
        {
            *whole = scoped;
        }
        if let ValueKind::Share(_, of @ None) = &mut read.value {
            // In a listing whose whole was not understood, the share is of that unknown whole.
            if state.breakdown.as_ref().is_some_and(Vec::is_empty) {
                return Err(UnparsedReason::ShareOfAnUnreadListing);
            }
            let listing_whole = state
                .breakdown
                .iter()
                .flatten()
                .find(|whole| read.concepts.iter().all(|part| is_part(whole, part)));
            *of = listing_whole
                .cloned()
                .or_else(|| self.default_whole(&read.concepts));
            if of.is_none() {
                return Err(UnparsedReason::ShareOfNothingNamed);
            }
        }
        Ok(read)
    }

    fn place_named(
        &self,
        mut read: Read,
        label: &str,
        state: &mut SentenceState,
    ) -> std::result::Result<Read, UnparsedReason> {
        // `…其中：基本支出A。项目支出B，比上年减少C。`: a sentence opening with a sibling of the
        // parts the previous sentence's listing named goes on with that listing, of its whole
        // (one the model has it a part of, or one not understood). A numbered sentence
        // (`2.上级补助收入…`) is an item of its own enumeration.
        if state.breakdown.is_none()
            && !state.head_placed
            && split_numbering(self.sentence_text.trim_start()).0 == Numbering::None
            && let Some((whole, parts)) = &self.previous_listing
            && let [concept] = read.concepts.as_slice()
            && !parts.contains(concept)
            && nearest_whole(concept).is_some_and(|of| {
                parts
                    .iter()
                    .any(|part| nearest_whole(part).as_ref() == Some(&of))
            })
            && (whole.is_empty() || part_within(whole, concept, !names_scope(label)).is_some())
        {
            state.breakdown = Some(whole.clone());
            state.continues_listing = true;
        }
        if !of_basic_expenditure(&read, label, state.breakdown.as_ref(), &self.kind) {
            read.concepts = vec![described(label, "")?];
        }
        if let Some(parent) = &state.breakdown {
            state.listed_parts.extend(read.concepts.iter().cloned());
            if parent.is_empty() {
                return Err(UnparsedReason::PartsOfAnUnreadItem);
            }
            let mut placed = Vec::with_capacity(read.concepts.len());
            let mut restored = None;
            for concept in &read.concepts {
                if parent.contains(concept) {
                    return Err(UnparsedReason::PartAsItsWhole {
                        part: concept.clone(),
                    });
                }
                let enclosing = state.enclosing_breakdown.as_ref().and_then(|outer| {
                    part_within(outer, concept, !names_scope(label)).map(|p| (outer, p))
                });
                match part_within(parent, concept, !names_scope(label)) {
                    Some(part) => placed.push(part),
                    None if enclosing.is_some() => {
                        let (outer, part) = enclosing.expect("checked just above");
                        restored = Some(outer.clone());
                        placed.push(part);
                    }
                    // A part the model has no concept for (a 类 of all funds) is still a part.
                    None if matches!(concept, Concept::Other(_)) => placed.push(concept.clone()),
                    // `车辆2辆，其中…；单价100万元以上设备0台（套）`: a count of another kind of
                    // thing than the listing's whole counts is no part of it; the listing is
                    // over.
                    None if parent
                        .iter()
                        .all(|whole| counts_another_thing(whole, concept)) =>
                    {
                        state.breakdown = None;
                        placed = read.concepts.clone();
                        break;
                    }
                    None if parent.iter().any(has_no_named_parts) || is_relative(concept) => {
                        return Err(UnparsedReason::PartWithoutConcept {
                            part: concept.clone(),
                            whole: parent[0].clone(),
                        });
                    }
                    // A concept that is not part of the listing's whole ends the listing.
                    None => {
                        state.breakdown = None;
                        placed = read.concepts.clone();
                        break;
                    }
                }
            }
            read.concepts = placed;
            if let Some(outer) = restored {
                state.breakdown = Some(outer);
                state.enclosing_breakdown = None;
            }
            if let Some(parent) = &state.breakdown {
                self.basic_class_of_a_fund(&read, label, parent.iter().find_map(scope_of))?;
                return Ok(read);
            }
        }
        let scope = state
            .scope
            .or_else(|| self.kind.scope())
            .filter(|_| !names_scope(label));
        if let Some(scope) = scope {
            for concept in &mut read.concepts {
                if let Some(scoped) = rescope(concept, scope) {
                    *concept = scoped;
                } else if matches!(concept, Concept::OpeningBalance | Concept::ClosingBalance) {
                    // `一般公共预算收入总计A，本年支出B，年末结转和结余C`: the scope's own
                    // balance, which the model has no concept for, not the department's.
                    return Err(UnparsedReason::BalanceOfAScope {
                        concept: concept.clone(),
                        fund: match scope {
                            Scope::Appropriation => None,
                            Scope::Fund(fund) => Some(fund),
                        },
                    });
                } else if let Scope::Fund(fund) = scope
                    && matches!(
                        concept,
                        Concept::IncomeGrandTotal
                            | Concept::ExpenditureGrandTotal
                            | Concept::CurrentIncomeTotal
                            | Concept::CurrentExpenditureTotal
                    )
                {
                    // `（二）政府性基金预算收支情况…收入总计0万元`: one fund's totals, which
                    // the model has no concept for, not the disclosure's.
                    return Err(UnparsedReason::TotalOfAFund {
                        concept: concept.clone(),
                        fund,
                    });
                }
            }
        }
        self.basic_class_of_a_fund(&read, label, scope)?;
        if !state.head_placed {
            state.head_placed = true;
            state.scope = read.concepts.first().and_then(scope_of);
        }
        Ok(read)
    }

    /// `Err` for personnel or public costs of no fund named, outside a fund's 基本支出 section
    /// and any fund's `scope` (of the sentence, the section or the listing's whole): they are
    /// the department's over every fund (`支出799.12万元。其中：人员经费434.89万元`), which
    /// no concept stands for. The vocabulary reads them as 一般公共预算's, as the standard
    /// tables print them; only the words around can confirm it.
    fn basic_class_of_a_fund(
        &self,
        read: &Read,
        label: &str,
        scope: Option<Scope>,
    ) -> std::result::Result<(), UnparsedReason> {
        let unscoped =
            scope.is_none() && self.kind != SectionKind::Basic && fund_named_in(label).is_none();
        match read
            .concepts
            .iter()
            .find(|c| matches!(c, Concept::FundBasicClass { .. }))
        {
            Some(Concept::FundBasicClass { class, .. }) if unscoped => {
                Err(UnparsedReason::UnscopedBasicClass { class: *class })
            }
            _ => Ok(()),
        }
    }

    /// The whole a share is of when the text does not name it.
    fn default_whole(&self, parts: &[Concept]) -> Option<Concept> {
        let part = parts.first()?;
        // The side's whole the section last stated: `收入合计A，…。其中：财政拨款收入B，占x%`.
        let stated_whole = |wholes: [Concept; 2]| {
            self.statements
                .iter()
                .rev()
                .take_while(|s| s.location.section == self.section)
                .find(|s| matches!(s.value, StatedValue::Amount(_)) && wholes.contains(&s.concept))
                .map(|s| s.concept.clone())
        };
        Some(match part {
            Concept::Income(_) | Concept::AppropriationIncome => {
                match stated_whole([Concept::IncomeGrandTotal, Concept::CurrentIncomeTotal]) {
                    Some(whole) => whole,
                    None if self.kind == SectionKind::Income => Concept::CurrentIncomeTotal,
                    // 收入总计 or 本年收入合计: they differ by the opening balance.
                    None => return None,
                }
            }
            Concept::OpeningBalance => Concept::IncomeGrandTotal,
            Concept::Expenditure(_) => Concept::CurrentExpenditureTotal,
            Concept::FundFunctionExpenditure { fund, .. } => Concept::FundExpenditure(*fund),
            Concept::FundExpenditure(_) => Concept::CurrentExpenditureTotal,
            Concept::FundBasicExpenditure(f) | Concept::FundProjectExpenditure(f) => {
                Concept::FundExpenditure(*f)
            }
            Concept::FundBasicClass { fund, .. }
            | Concept::BasicEconomicClass {
                fund: Some(fund), ..
            } => Concept::FundBasicExpenditure(*fund),
            Concept::BasicEconomicClass { fund: None, .. } => {
                Concept::Expenditure(ExpenditureKind::Basic)
            }
            Concept::ThreePublicCategory(_) | Concept::ThreePublicItem(_) => {
                Concept::ThreePublicTotal
            }
            Concept::Procurement(_) => Concept::Procurement(ProcurementLine::Total),
            _ => return None,
        })
    }
}

/// Whether a class of the economic classification (`工资福利支出`) the figure's words name is
/// of basic expenditure: listed under a 基本支出, 人员经费 or 公用经费 (`whole`), in a section
/// about 基本支出, or in words that say so (`基本支出中的工资福利支出`). A fund's or a
/// department's expenditure by economic class holds its 项目支出 too, which the model has no
/// concept for: such a figure is known by its words only. `true` when the words name no class.
fn of_basic_expenditure(
    read: &Read,
    label: &str,
    whole: Option<&Vec<Concept>>,
    section: &SectionKind,
) -> bool {
    if !read
        .concepts
        .iter()
        .any(|c| matches!(c, Concept::BasicEconomicClass { .. }))
    {
        return true;
    }
    match whole {
        Some(whole) => whole.iter().any(|c| {
            matches!(
                c,
                Concept::FundBasicExpenditure(_)
                    | Concept::Expenditure(ExpenditureKind::Basic)
                    | Concept::FundBasicClass { .. }
            )
        }),
        None => *section == SectionKind::Basic || label.contains(ExpenditureKind::Basic.name()),
    }
}

/// The whole a concept is first a part of: its partition's ([`whole_of`]), else the first
/// whole the vocabulary has it directly in (a class of the economic classification, in no
/// partition, is of its 基本支出).
fn nearest_whole(concept: &Concept) -> Option<Concept> {
    whole_of(concept)
        .cloned()
        .or_else(|| wholes_of(concept).into_iter().next())
}

/// Whether `label` names a scope of its own (财政拨款, a fund).
fn names_scope(label: &str) -> bool {
    label.contains("财政拨款") || fund_named_in(label).is_some()
}

/// The scope a concept is stated in, when it has one.
fn scope_of(concept: &Concept) -> Option<Scope> {
    use Concept as C;
    match concept {
        C::AppropriationIncomeGrandTotal
        | C::AppropriationExpenditureGrandTotal
        | C::AppropriationIncome
        | C::AppropriationExpenditure => Some(Scope::Appropriation),
        C::FundExpenditure(f)
        | C::FundBasicExpenditure(f)
        | C::FundProjectExpenditure(f)
        | C::FundFunctionExpenditure { fund: f, .. }
        | C::FundBasicClass { fund: f, .. }
        | C::BasicEconomicClass { fund: Some(f), .. } => Some(Scope::Fund(*f)),
        _ => None,
    }
}

/// An unqualified total or kind of expenditure in `scope` (`支出总计` said of 财政拨款,
/// `基本支出` said of 一般公共预算); `None` when the concept has no scoped form.
fn rescope(concept: &Concept, scope: Scope) -> Option<Concept> {
    use Concept as C;
    Some(match (scope, concept) {
        (Scope::Appropriation, C::IncomeGrandTotal) => C::AppropriationIncomeGrandTotal,
        (Scope::Appropriation, C::ExpenditureGrandTotal) => C::AppropriationExpenditureGrandTotal,
        (Scope::Appropriation, C::CurrentIncomeTotal) => C::AppropriationIncome,
        (Scope::Appropriation, C::CurrentExpenditureTotal) => C::AppropriationExpenditure,
        (Scope::Fund(f), C::Expenditure(ExpenditureKind::Basic)) => C::FundBasicExpenditure(f),
        (Scope::Fund(f), C::Expenditure(ExpenditureKind::Project)) => C::FundProjectExpenditure(f),
        // Words that name no fund read 人员经费 as 一般公共预算's; in another fund's scope
        // they are that fund's.
        (Scope::Fund(f), C::FundBasicClass { fund, class }) if *fund != f => C::FundBasicClass {
            fund: f,
            class: *class,
        },
        (Scope::Fund(f), C::BasicEconomicClass { fund, code }) if *fund != Some(f) => {
            C::BasicEconomicClass {
                fund: Some(f),
                code: *code,
            }
        }
        _ => return None,
    })
}

/// The concept a part named in a `其中` listing stands for within one of the listing's
/// wholes: itself, or itself in the whole's scope (`基本支出` of 一般公共预算财政拨款支出).
/// `unscoped`: the part's words name no scope of their own, so it may take the whole's.
fn part_within(wholes: &[Concept], part: &Concept, unscoped: bool) -> Option<Concept> {
    for whole in wholes {
        if unscoped
            && let Some(scoped) = scope_of(whole).and_then(|scope| rescope(part, scope))
            && is_part(whole, &scoped)
        {
            return Some(scoped);
        }
        if is_part(whole, part) {
            return Some(part.clone());
        }
    }
    None
}

/// Whether a concept is a part whose whole the words around it must say: a kind of
/// expenditure, an income source, a 三公 item, a count by type. Named in a `其中` listing
/// of another whole, it is declined rather than read as the department's.
fn is_relative(concept: &Concept) -> bool {
    !wholes_of(concept).is_empty()
        && !matches!(
            concept,
            Concept::CurrentIncomeTotal
                | Concept::CurrentExpenditureTotal
                | Concept::FundExpenditure(_)
                | Concept::AppropriationIncome
        )
}

/// Whether `whole` and `part` are counts of different kinds of things (vehicles, receptions,
/// groups and persons abroad, large equipment, projects).
fn counts_another_thing(whole: &Concept, part: &Concept) -> bool {
    use Countable as N;
    let kind = |concept: &Concept| match concept {
        Concept::Count(N::VehiclesPurchased(_) | N::VehiclesHeld(_) | N::VehiclesByUse(_)) => {
            Some(0)
        }
        Concept::Count(N::ReceptionBatches(_) | N::ReceptionPersons(_)) => Some(1),
        Concept::Count(N::OverseasGroups | N::OverseasPersons) => Some(2),
        Concept::Count(N::LargeEquipment) => Some(3),
        Concept::Count(N::Projects) => Some(4),
        _ => None,
    };
    matches!((kind(whole), kind(part)), (Some(a), Some(b)) if a != b)
}

/// Whether a concept's parts have no concepts of their own in the model (a 功能分类 line's
/// 基本支出, a project's 其中 items): a listing of its parts cannot be placed.
fn has_no_named_parts(concept: &Concept) -> bool {
    matches!(
        concept,
        Concept::Other(_)
            | Concept::Project(_)
            | Concept::FundFunctionExpenditure { .. }
            | Concept::OperatingFunds
            | Concept::Count(_)
    )
}
