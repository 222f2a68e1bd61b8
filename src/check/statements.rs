//! Look-ups over a disclosure's statements that the narrative rules build once per check (and
//! drop with it): statements by id, by concept, and which ones an explicit claim covers.
//!
//! They exist for speed only: every look-up answers what the scan it replaces would answer.

use std::ops::Range;

use std::cell::RefCell;

use crate::report::{
    Claim, Concept, Disclosure, DisclosureKind, FigureRef, RowKey, StatedValue, Statement,
};

use super::engine::Operand;

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
    /// The disclosure's kind, which names some concepts in its own words (see
    /// [`concept_name`](super::narrative::concept_name)).
    pub kind: DisclosureKind,
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
    /// The budget printed for each 三公 row in some 三公 table, as worked out once
    /// ([`Statements::three_public_budget`]); a handful of rows at most.
    three_public: RefCell<Vec<(RowKey, Option<Operand<'a>>)>>,
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
        let by_kind = ByKind::new(all, &groups, &positions);
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
            three_public: RefCell::new(Vec::new()),
            kind: disclosure.entity.kind,
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
    ChangeAgainstBudget = 6,
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
            StatedValue::ChangeAgainstBudget { .. } => Some(ValueKind::ChangeAgainstBudget),
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

/// Whether `s` is of `kind` in `years`.
fn is_of(s: &Statement, kind: ValueKind, years: Years) -> bool {
    ValueKind::of(&s.value) == Some(kind)
        && match years {
            Years::Any => true,
            Years::Of(year) => s.year == year,
        }
}

/// The most statements about one concept that the look-ups by kind scan; a larger concept
/// group is indexed ([`ByKind`]). Scanning a few is cheaper than building an index for them,
/// and a scan of at most this many per look-up keeps a check linear.
const SCANNED_GROUP: usize = 16;

/// The statements of each concept group of more than [`SCANNED_GROUP`] statements by kind of
/// value ([`ValueKind`]) and year ([`Years`]), built once, so that the rules that look for
/// the first, the nearest or an earlier statement of a kind among a concept's statements
/// search (`O(log n)`) instead of scanning the concept's statements (which made a check
/// quadratic in the statements about one concept).
///
/// Each statement of a known kind is entered twice, under [`Years::Any`] and under its year,
/// in its concept group's chunk (`starts[group]..starts[group + 1]`) of two lists, each chunk
/// sorted on its own: `key << 32 | position` in `in_order`, and
/// `key << 64 | section << 32 | position` in `by_section`, where `key` packs the kind and the
/// years, and `section` is the position of the first statement of the section. Both are
/// empty when no group is that large.
struct ByKind {
    starts: Vec<u32>,
    in_order: Vec<u64>,
    by_section: Vec<u128>,
    /// Each statement's section (the position of the first statement of its section), when
    /// some group is indexed.
    section_of: Vec<u32>,
    /// For each entry of `in_order` that starts the counts of one concept and year when they
    /// are not all alike: the entry and the position of the first count of another value.
    other_count: Vec<(u32, u32)>,
}

/// A kind and years as one key, below 2²⁷.
fn kind_key(kind: ValueKind, years: Years) -> u64 {
    ((kind as u64) << 24) | years.code()
}

/// The entries of the sorted `chunk` whose top bits (above `shift`) are `prefix`, and where
/// they start.
fn range_of<T: Copy + Ord + std::ops::Shr<u32, Output = T>>(
    chunk: &[T],
    prefix: T,
    shift: u32,
) -> (usize, &[T]) {
    let start = chunk.partition_point(|&e| (e >> shift) < prefix);
    let end = start + chunk[start..].partition_point(|&e| (e >> shift) == prefix);
    (start, &chunk[start..end])
}

impl ByKind {
    fn new(all: &[Statement], groups: &[Range<u32>], positions: &[u32]) -> ByKind {
        let mut by_kind = ByKind {
            starts: Vec::new(),
            in_order: Vec::new(),
            by_section: Vec::new(),
            section_of: Vec::new(),
            other_count: Vec::new(),
        };
        if groups.iter().all(|g| g.len() <= SCANNED_GROUP) {
            return by_kind;
        }
        // Sections by name; most statements share the previous one's, compared without a
        // look-up.
        let mut sections = PositionTable::with_capacity(all.len());
        let mut section_of = Vec::with_capacity(all.len());
        let mut previous: Option<(&str, u32)> = None;
        for (index, s) in (0_u32..).zip(all) {
            let name = s.location.section.as_str();
            let section = match previous {
                Some((last, section)) if last == name => section,
                _ => sections.find_or_insert(fast_hash(name), index, |i| {
                    all[i as usize].location.section == name
                }),
            };
            previous = Some((name, section));
            section_of.push(section);
        }
        let ByKind {
            starts,
            in_order,
            by_section,
            other_count,
            ..
        } = &mut by_kind;
        starts.reserve(groups.len() + 1);
        for group in groups {
            let start = in_order.len();
            starts.push(start as u32);
            if group.len() <= SCANNED_GROUP {
                continue;
            }
            for &index in &positions[group.start as usize..group.end as usize] {
                let s = &all[index as usize];
                let Some(kind) = ValueKind::of(&s.value) else {
                    continue;
                };
                let section = u128::from(section_of[index as usize]);
                for years in [Years::Any, Years::Of(s.year)] {
                    let key = kind_key(kind, years);
                    in_order.push((key << 32) | u64::from(index));
                    by_section.push((u128::from(key) << 64) | (section << 32) | u128::from(index));
                }
            }
            in_order[start..].sort_unstable();
            by_section[start..].sort_unstable();
            // Counts of one year: where the first of another value than the first is.
            let chunk = &in_order[start..];
            let mut run = 0;
            while run < chunk.len() {
                let key = chunk[run] >> 32;
                let end = run + chunk[run..].partition_point(|&e| e >> 32 == key);
                if key >> 24 == ValueKind::Count as u64 && key & 0xff_ffff != 0 {
                    let value = |e: u64| match all[e as u32 as usize].value {
                        StatedValue::Count(n) => n,
                        _ => 0,
                    };
                    let first = value(chunk[run]);
                    if let Some(&other) = chunk[run..end].iter().find(|&&e| value(e) != first) {
                        other_count.push(((start + run) as u32, other as u32));
                    }
                }
                run = end;
            }
        }
        starts.push(in_order.len() as u32);
        by_kind.section_of = section_of;
        by_kind
    }
}

impl<'a> Statements<'a> {
    /// The budget of the 三公 row `row` as `find` works it out from the tables (the same for
    /// every statement), found once per check.
    pub fn three_public_budget(
        &self,
        row: &RowKey,
        find: impl FnOnce() -> Option<Operand<'a>>,
    ) -> Option<Operand<'a>> {
        if let Some((_, found)) = self.three_public.borrow().iter().find(|(r, _)| r == row) {
            return *found;
        }
        let found = find();
        self.three_public.borrow_mut().push((row.clone(), found));
        found
    }

    /// The group of a concept group's positions (`candidates`, as [`Statements::group`],
    /// [`Statements::same_concept`] or [`Statements::about`] give them).
    pub fn group_of_positions(&self, candidates: &[u32]) -> Option<u32> {
        self.group_of(*candidates.first()? as usize)
    }

    /// The group's positions when it is scanned, `None` when it is indexed.
    fn scanned(&self, group: u32) -> Option<&[u32]> {
        let positions = self.group(group);
        (positions.len() <= SCANNED_GROUP).then_some(positions)
    }

    /// The entry where the statements of `kind` in `years` of the indexed concept group
    /// `group` start in `in_order`, and their entries.
    fn run_of(&self, group: u32, kind: ValueKind, years: Years) -> (usize, &[u64]) {
        let g = group as usize;
        let (start, end) = (
            self.by_kind.starts[g] as usize,
            self.by_kind.starts[g + 1] as usize,
        );
        let (at, run) = range_of(
            &self.by_kind.in_order[start..end],
            kind_key(kind, years),
            32,
        );
        (start + at, run)
    }

    /// The positions of the statements of `kind` in `years` in concept group `group`, in
    /// document order.
    pub fn all_of(
        &self,
        group: u32,
        kind: ValueKind,
        years: Years,
    ) -> impl Iterator<Item = usize> + '_ {
        let (scanned, run): (&[u32], &[u64]) = match self.scanned(group) {
            Some(positions) => (positions, &[]),
            None => (&[], self.run_of(group, kind, years).1),
        };
        let all = self.all;
        scanned
            .iter()
            .filter(move |&&i| is_of(&all[i as usize], kind, years))
            .map(|&i| i as usize)
            .chain(run.iter().map(|&e| e as u32 as usize))
    }

    /// The position of the first statement of `kind` in `years` in concept group `group`.
    pub fn first_of(&self, group: u32, kind: ValueKind, years: Years) -> Option<usize> {
        if let Some(positions) = self.scanned(group) {
            return self
                .at(positions)
                .position(|s| is_of(s, kind, years))
                .map(|k| positions[k] as usize);
        }
        let (_, run) = self.run_of(group, kind, years);
        run.first().map(|&e| e as u32 as usize)
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
        let section = &self.all.get(index)?.location.section;
        if let Some(positions) = self.scanned(group) {
            let all = self.all;
            let here = |i: u32| {
                let s = &all[i as usize];
                &s.location.section == section && is_of(s, kind, years)
            };
            let split = positions.partition_point(|&i| (i as usize) < index);
            let (before, after) = positions.split_at(split);
            return before
                .iter()
                .rev()
                .copied()
                .find(|&i| here(i))
                .or_else(|| {
                    after
                        .iter()
                        .copied()
                        .find(|&i| i as usize != index && here(i))
                })
                .map(|i| i as usize)
                .or_else(|| self.first_of(group, kind, years));
        }
        let section = self.by_kind.section_of[index];
        let g = group as usize;
        let (start, end) = (
            self.by_kind.starts[g] as usize,
            self.by_kind.starts[g + 1] as usize,
        );
        let key = (u128::from(kind_key(kind, years)) << 32) | u128::from(section);
        let (_, here) = range_of(&self.by_kind.by_section[start..end], key, 32);
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
        if let Some(positions) = self.scanned(group) {
            return positions
                .iter()
                .map(|&i| i as usize)
                .take_while(|&i| i < index)
                .find(|&i| {
                    let s = &self.all[i];
                    s.year == year && matches!(s.value, StatedValue::Count(m) if m != n)
                });
        }
        let (at, run) = self.run_of(group, ValueKind::Count, Years::Of(year));
        let first = *run.first()? as u32;
        let earliest = match self.all[first as usize].value {
            StatedValue::Count(m) if m == n => {
                let other = &self.by_kind.other_count;
                let found = other.binary_search_by_key(&(at as u32), |&(entry, _)| entry);
                other[found.ok()?].1
            }
            _ => first,
        };
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
    use crate::dimensions::IncomeSource;
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
            spec in proptest::collection::vec((0_u8..3, 0_u8..7, 0_u8..3, 0_u8..3), 0..120)
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
                            prop_assert_eq!(
                                ix.all_of(group, kind, years).collect::<Vec<_>>(),
                                candidates
                                    .iter()
                                    .map(|&i| i as usize)
                                    .filter(|&i| wanted(&all[i]))
                                    .collect::<Vec<_>>()
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
