//! Look-ups over a disclosure's statements that the narrative rules build once per check (and
//! drop with it): statements by id, by concept, and which ones an explicit claim covers.
//!
//! They exist for speed only: every look-up answers what the scan it replaces would answer.

use std::ops::Range;

use crate::report::{Claim, Concept, Disclosure, FigureRef, Statement};

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
        let mut statements = Statements {
            all,
            by_id,
            first_with_id,
            claimed: vec![0; all.len()],
            by_concept,
            group_of,
            groups,
            positions,
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

fn id_hash(id: &str) -> u64 {
    fast_hash(id)
}

fn concept_hash(concept: &Concept) -> u64 {
    fast_hash(concept)
}
