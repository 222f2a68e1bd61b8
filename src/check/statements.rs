//! Look-ups over a disclosure's statements that the narrative rules build once per check (and
//! drop with it): statements by id, by concept, and which ones an explicit claim covers.
//!
//! They exist for speed only: every look-up answers what the scan it replaces would answer.

use std::ops::Range;

use crate::report::{Claim, Concept, Disclosure, FigureRef, StatedValue, Statement};

use super::index::{PositionTable, fast_hash};

/// The kinds of explicit claim that replace an inferred comparison.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ClaimKind {
    Ratio = 1,
    Growth = 2,
    Same = 4,
}

/// Marks a statement without an id in [`Statements::first_with_id`].
const NO_ID: u32 = u32::MAX;

pub(crate) struct Statements<'a> {
    pub all: &'a [Statement],
    /// Statement positions by id (the first with each id), so claims resolve without a scan.
    by_id: PositionTable,
    /// For each statement, the position of the first statement with its id (itself, mostly),
    /// or [`NO_ID`].
    first_with_id: Vec<u32>,
    /// For each first statement of an id, the [`ClaimKind`]s of the explicit claims naming the
    /// id, as bits.
    claimed: Vec<u8>,
    /// The first statement about each concept, whose group ([`Statements::group_of`]) is the
    /// concept's: its positions are `positions[groups[group]]`.
    by_concept: PositionTable,
    /// Each statement's concept group, so a statement's own concept needs no look-up.
    group_of: Vec<u32>,
    groups: Vec<Range<u32>>,
    /// Statement positions grouped by concept, each group in document order: one buffer
    /// instead of a `Vec` per concept.
    positions: Vec<u32>,
    /// The statements by concept group, kind of value and year: see [`ByKind`].
    by_kind: ByKind,
}

impl<'a> Statements<'a> {
    pub fn new(disclosure: &'a Disclosure) -> Self {
        let all = disclosure.statements.as_slice();
        let mut by_id = PositionTable::with_capacity(all.len());
        let mut first_with_id = Vec::with_capacity(all.len());
        // Each statement's concept group (numbered in order of first appearance), then the
        // positions sorted by group with a counting sort: stable, so document order within.
        let mut by_concept = PositionTable::with_capacity(all.len());
        let mut group_of: Vec<u32> = Vec::with_capacity(all.len());
        // Sized for a group per statement, so pushing a new group never reallocates.
        let mut sizes: Vec<u32> = Vec::with_capacity(all.len());
        for (index, statement) in (0..).zip(all) {
            first_with_id.push(match &statement.id {
                Some(id) => by_id.find_or_insert(id_hash(id), index, |i| {
                    all[i as usize].id.as_deref() == Some(id.as_str())
                }),
                None => NO_ID,
            });
            let concept = &statement.concept;
            let first = by_concept.find_or_insert(concept_hash(concept), index, |i| {
                all[i as usize].concept == *concept
            });
            let group = if first == index {
                sizes.push(0);
                sizes.len() as u32 - 1
            } else {
                group_of[first as usize]
            };
            sizes[group as usize] += 1;
            group_of.push(group);
        }
        let mut groups = Vec::with_capacity(sizes.len());
        let mut end = 0;
        for size in &sizes {
            groups.push(end..end + size);
            end += size;
        }
        let mut positions = vec![0; all.len()];
        let mut fill: Vec<u32> = groups.iter().map(|g| g.start).collect();
        for (index, &group) in (0..).zip(&group_of) {
            let slot = &mut fill[group as usize];
            positions[*slot as usize] = index;
            *slot += 1;
        }
        let by_kind = ByKind::new(all, &group_of);
        let mut statements = Statements {
            all,
            by_id,
            first_with_id,
            claimed: vec![0; all.len()],
            by_concept,
            group_of,
            groups,
            positions,
            by_kind,
        };
        for claim in &disclosure.claims {
            match claim {
                Claim::Ratio { rate, .. } => statements.claim(ClaimKind::Ratio, rate),
                Claim::Growth {
                    rate: Some(rate), ..
                } => statements.claim(ClaimKind::Growth, rate),
                Claim::Same { a, b } => {
                    statements.claim(ClaimKind::Same, a);
                    statements.claim(ClaimKind::Same, b);
                }
                _ => {}
            }
        }
        statements
    }

    fn claim(&mut self, kind: ClaimKind, figure: &FigureRef) {
        if let Some(first) = self.position_of(figure) {
            self.claimed[first] |= kind as u8;
        }
    }

    /// The position of the statement `figure` names (the first with its id); `None` for a cell
    /// or an unknown id.
    pub fn position_of(&self, figure: &FigureRef) -> Option<usize> {
        match figure {
            FigureRef::Statement(id) => {
                let all = self.all;
                self.by_id
                    .find(id_hash(id), |i| {
                        all[i as usize].id.as_deref() == Some(id.as_str())
                    })
                    .map(|i| i as usize)
            }
            FigureRef::Cell { .. } => None,
        }
    }

    /// The statement `figure` names.
    pub fn by_ref(&self, figure: &FigureRef) -> Option<&'a Statement> {
        self.all.get(self.position_of(figure)?)
    }

    /// Whether an explicit claim of `kind` names the statement at `index` (by its id).
    pub fn is_claimed(&self, kind: ClaimKind, index: usize) -> bool {
        match self.first_with_id.get(index) {
            Some(&first) if first != NO_ID => self.claimed[first as usize] & kind as u8 != 0,
            _ => false,
        }
    }

    /// The positions of the statements about the concept of the statement at `index`
    /// (itself included), in document order.
    pub fn same_concept(&self, index: usize) -> &[u32] {
        self.group_of
            .get(index)
            .map_or(&[], |&group| self.group(group))
    }

    /// The positions of the statements about `concept`, in document order.
    pub fn about(&self, concept: &Concept) -> &[u32] {
        self.group_about(concept)
            .map_or(&[], |group| self.group(group))
    }

    /// The concept group of `concept`, when a statement is about it.
    pub fn group_about(&self, concept: &Concept) -> Option<u32> {
        let all = self.all;
        let first = self.by_concept.find(concept_hash(concept), |i| {
            all[i as usize].concept == *concept
        })?;
        Some(self.group_of[first as usize])
    }

    /// The concept group of the statement at `index`.
    pub fn group_of(&self, index: usize) -> Option<u32> {
        self.group_of.get(index).copied()
    }

    /// The positions of a concept group's statements, in document order.
    pub fn group(&self, group: u32) -> &[u32] {
        let range = &self.groups[group as usize];
        &self.positions[range.start as usize..range.end as usize]
    }

    /// The statements at `positions`.
    pub fn at<'p>(
        &self,
        positions: &'p [u32],
    ) -> impl DoubleEndedIterator<Item = &'a Statement> + use<'a, 'p> {
        let all = self.all;
        positions.iter().map(move |&i| &all[i as usize])
    }
}

/// The kinds of stated value the look-ups by kind ([`Statements::nearest_of`]) know.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ValueKind {
    Amount = 1,
    Change = 2,
    Budget = 3,
    Completion = 4,
    Count = 5,
}

impl ValueKind {
    /// The kind of `value`, when it is one of these.
    pub fn of(value: &StatedValue) -> Option<ValueKind> {
        match value {
            StatedValue::Amount(_) => Some(ValueKind::Amount),
            StatedValue::Change { .. } => Some(ValueKind::Change),
            StatedValue::Budget(_) => Some(ValueKind::Budget),
            StatedValue::Completion { .. } => Some(ValueKind::Completion),
            StatedValue::Count(_) => Some(ValueKind::Count),
            _ => None,
        }
    }
}

/// The years a look-up by kind takes: any, or one (`None`: the report's).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Years {
    Any,
    Of(Option<u16>),
}

impl Years {
    /// `Any` is 0, the report's year 1, a year `y` is `y + 2`: below 2²⁴.
    fn code(self) -> u64 {
        match self {
            Years::Any => 0,
            Years::Of(None) => 1,
            Years::Of(Some(y)) => u64::from(y) + 2,
        }
    }
}

/// The statements by concept group, kind of value ([`ValueKind`]) and year ([`Years`]),
/// sorted once, so that the rules that look for the first, the nearest or an earlier
/// statement of a kind among a concept's statements search (`O(log n)`) instead of scanning
/// the concept's statements (which made a check quadratic in the statements about one
/// concept).
///
/// Each statement of a known kind is entered twice, under its year and under
/// [`Years::Any`]: as `key << 64 | position` in `in_order`, and as
/// `key << 64 | section << 32 | position` in `by_section`, where `key` packs the group, the
/// kind and the years, and `section` is the position of the first statement of the section.
struct ByKind {
    in_order: Vec<u128>,
    by_section: Vec<u128>,
    /// Each statement's section (the position of the first statement of its section).
    section_of: Vec<u32>,
    /// For each (concept group, year) of count statements, in `counts_at` order: the position
    /// and value of its first count, and the position of its first count of another value.
    counts: PositionTable,
    counts_at: Vec<(u32, u64, Option<u32>)>,
}

fn kind_key(group: u32, kind: ValueKind, years: Years) -> u64 {
    (u64::from(group) << 32) | ((kind as u64) << 24) | years.code()
}

/// The range of `sorted` whose entries' top bits (above `shift`) are `prefix`.
fn range_of(sorted: &[u128], prefix: u128, shift: u32) -> &[u128] {
    let start = sorted.partition_point(|&e| (e >> shift) < prefix);
    let end = start + sorted[start..].partition_point(|&e| (e >> shift) == prefix);
    &sorted[start..end]
}

impl ByKind {
    fn new(all: &[Statement], group_of: &[u32]) -> ByKind {
        let mut sections = PositionTable::with_capacity(all.len());
        let mut section_of = Vec::with_capacity(all.len());
        let mut in_order = Vec::new();
        let mut by_section = Vec::new();
        let mut counts = PositionTable::with_capacity(all.len());
        let mut counts_at: Vec<(u32, u64, Option<u32>)> = Vec::new();
        for (index, s) in (0_u32..).zip(all) {
            let name = s.location.section.as_str();
            let section = sections.find_or_insert(fast_hash(name), index, |i| {
                all[i as usize].location.section == name
            });
            section_of.push(section);
            let Some(kind) = ValueKind::of(&s.value) else {
                continue;
            };
            let group = group_of[index as usize];
            for years in [Years::Of(s.year), Years::Any] {
                let key = u128::from(kind_key(group, kind, years)) << 64;
                in_order.push(key | u128::from(index));
                by_section.push(key | (u128::from(section) << 32) | u128::from(index));
            }
            if let StatedValue::Count(n) = s.value {
                let key = kind_key(group, kind, Years::Of(s.year));
                let slot = counts_at.len() as u32;
                let at = counts.find_or_insert(fast_hash(key), slot, |i| {
                    let (first, _, _) = counts_at[i as usize];
                    let f = &all[first as usize];
                    group_of[first as usize] == group && f.year == s.year
                });
                if at == slot {
                    counts_at.push((index, n, None));
                } else {
                    let entry = &mut counts_at[at as usize];
                    if entry.1 != n && entry.2.is_none() {
                        entry.2 = Some(index);
                    }
                }
            }
        }
        in_order.sort_unstable();
        by_section.sort_unstable();
        ByKind {
            in_order,
            by_section,
            section_of,
            counts,
            counts_at,
        }
    }
}

impl Statements<'_> {
    /// The group of a concept group's positions (`candidates`, as [`Statements::group`],
    /// [`Statements::same_concept`] or [`Statements::about`] give them).
    pub fn group_of_positions(&self, candidates: &[u32]) -> Option<u32> {
        self.group_of(*candidates.first()? as usize)
    }

    /// The position of the first statement of `kind` in `years` in concept group `group`.
    pub fn first_of(&self, group: u32, kind: ValueKind, years: Years) -> Option<usize> {
        let key = u128::from(kind_key(group, kind, years));
        range_of(&self.by_kind.in_order, key, 64)
            .first()
            .map(|&e| e as u32 as usize)
    }

    /// The nearest statement of `kind` in `years` in concept group `group` before `index`
    /// (else after it) in the section of the statement at `index`; then the first anywhere in
    /// the document. What a scan of the group's positions finds (the narrative rules'
    /// `nearest`).
    pub fn nearest_of(
        &self,
        index: usize,
        group: u32,
        kind: ValueKind,
        years: Years,
    ) -> Option<usize> {
        let section = *self.by_kind.section_of.get(index)?;
        let key = (u128::from(kind_key(group, kind, years)) << 32) | u128::from(section);
        let here = range_of(&self.by_kind.by_section, key, 32);
        let split = here.partition_point(|&e| (e as u32 as usize) < index);
        let position = |e: &u128| *e as u32 as usize;
        here[..split]
            .last()
            .map(position)
            .or_else(|| here[split..].iter().map(position).find(|&i| i != index))
            .or_else(|| self.first_of(group, kind, years))
    }

    /// The first count statement of the year `year` before `index` in concept group `group`
    /// whose count is not `n`.
    pub fn earlier_other_count(
        &self,
        index: usize,
        group: u32,
        year: Option<u16>,
        n: u64,
    ) -> Option<usize> {
        let key = kind_key(group, ValueKind::Count, Years::Of(year));
        let all = self.all;
        let at = self.by_kind.counts.find(fast_hash(key), |i| {
            let (first, _, _) = self.by_kind.counts_at[i as usize];
            self.group_of[first as usize] == group && all[first as usize].year == year
        })?;
        let (first, value, other) = self.by_kind.counts_at[at as usize];
        let earliest = if value == n { other? } else { first };
        ((earliest as usize) < index).then_some(earliest as usize)
    }
}

fn id_hash(id: &str) -> u64 {
    fast_hash(id)
}

fn concept_hash(concept: &Concept) -> u64 {
    fast_hash(concept)
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::IncomeSource;
    use crate::money::{Amount, Percent};
    use crate::report::{DisclosureKind, Entity, Location};

    /// A statement of one of three concepts, five kinds of value, three years and three
    /// sections: few enough that every look-up meets many alike.
    fn statement(concept: u8, value: u8, year: u8, section: u8) -> Statement {
        let amount: Amount = "1万元".parse().unwrap();
        let rate: Percent = "90%".parse().unwrap();
        let concept = match concept % 3 {
            0 => Concept::CurrentIncomeTotal,
            1 => Concept::Income(IncomeSource::Other),
            _ => Concept::OperatingFunds,
        };
        let value = match value % 7 {
            0 => StatedValue::Amount(amount),
            1 => StatedValue::Change {
                amount,
                direction: crate::report::Direction::Increase,
            },
            2 => StatedValue::Budget(amount),
            3 => StatedValue::Completion { rate },
            4 => StatedValue::Count(1),
            5 => StatedValue::Count(2),
            _ => StatedValue::Score(1.into()),
        };
        let mut s = Statement::new(
            concept,
            value,
            Location {
                section: format!("第{}节", section % 3),
                quote: String::new(),
                page: None,
            },
        );
        s.year = match year % 3 {
            0 => None,
            y => Some(2022 + u16::from(y)),
        };
        s
    }

    fn matches(s: &Statement, kind: ValueKind, years: Years) -> bool {
        ValueKind::of(&s.value) == Some(kind)
            && match years {
                Years::Any => true,
                Years::Of(y) => s.year == y,
            }
    }

    /// The narrative rules' scan, as it was: the nearest before in the section, else after it,
    /// else the first anywhere.
    fn scan_nearest(
        all: &[Statement],
        index: usize,
        candidates: &[u32],
        wanted: impl Fn(&Statement) -> bool,
    ) -> Option<usize> {
        let section = &all[index].location.section;
        let same =
            |i: u32| &all[i as usize].location.section == section && wanted(&all[i as usize]);
        let split = candidates.partition_point(|&i| (i as usize) < index);
        let (before, after) = candidates.split_at(split);
        before
            .iter()
            .rev()
            .copied()
            .find(|&i| same(i))
            .or_else(|| {
                after
                    .iter()
                    .copied()
                    .find(|&i| i as usize != index && same(i))
            })
            .or_else(|| {
                candidates
                    .iter()
                    .copied()
                    .find(|&i| wanted(&all[i as usize]))
            })
            .map(|i| i as usize)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// Every look-up by kind answers what the scan of the concept's statements answers.
        #[test]
        fn look_ups_by_kind_answer_as_the_scans(
            spec in proptest::collection::vec((0_u8..3, 0_u8..7, 0_u8..3, 0_u8..3), 0..60)
        ) {
            let mut d = Disclosure::new(Entity::new("单位", 2024, DisclosureKind::FinalAccounts));
            d.statements = spec.iter().map(|&(c, v, y, s)| statement(c, v, y, s)).collect();
            let ix = Statements::new(&d);
            let all = d.statements.as_slice();
            let kinds = [
                ValueKind::Amount,
                ValueKind::Change,
                ValueKind::Budget,
                ValueKind::Completion,
                ValueKind::Count,
            ];
            let years = [Years::Any, Years::Of(None), Years::Of(Some(2023)), Years::Of(Some(2024))];
            for index in 0..all.len() {
                for group_of in [index, 0, all.len() - 1] {
                    let candidates = ix.same_concept(group_of);
                    let group = ix.group_of_positions(candidates).unwrap();
                    for kind in kinds {
                        for years in years {
                            let wanted = |s: &Statement| matches(s, kind, years);
                            prop_assert_eq!(
                                ix.nearest_of(index, group, kind, years),
                                scan_nearest(all, index, candidates, wanted)
                            );
                            prop_assert_eq!(
                                ix.first_of(group, kind, years),
                                candidates.iter().map(|&i| i as usize).find(|&i| wanted(&all[i]))
                            );
                        }
                    }
                    for year in [None, Some(2023), Some(2024)] {
                        for n in [1, 2, 3] {
                            let scanned = candidates
                                .iter()
                                .map(|&i| i as usize)
                                .take_while(|&i| i < index)
                                .find(|&i| {
                                    all[i].year == year
                                        && matches!(all[i].value, StatedValue::Count(m) if m != n)
                                });
                            prop_assert_eq!(
                                ix.earlier_other_count(index, group, year, n),
                                scanned
                            );
                        }
                    }
                }
            }
        }
    }
}
