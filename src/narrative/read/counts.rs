//! Counts and measures: what a count counts (`公务用车3辆`, `接待12批次`), and the sums that
//! `其中` breakdowns of measured quantities claim (`建筑面积…，其中地上…，地下…`).

use super::Reader;
use super::labels::{described, focus};
use crate::dimensions::ThreePublicItem;
use crate::narrative::UnparsedReason;
use crate::narrative::scan::{Figure, FigureKind, figures};
use crate::report::{Claim, Concept, Countable, FigureRef, ReceptionKind, StatedValue};
use crate::vocabulary::counts::{counts_actual_staff, in_a_state, persons_of_a_thing};
use crate::vocabulary::sections::SectionKind;
use crate::vocabulary::words::{COMPLEMENTARY_WORDS, is_generic};
use crate::vocabulary::{CountNaming, CountSetting, VehicleCounting, count_named, counted_after};

impl Reader<'_> {
    pub(super) fn count_concept(
        &self,
        label: &str,
        unit: &str,
        after: &str,
        subject: &[Concept],
        vehicles: &mut Option<VehicleCounting>,
    ) -> std::result::Result<Concept, UnparsedReason> {
        // A government's report (or one across departments) counts the region's things, none
        // of which is a department's count: described in its words only.
        // What follows a measure word is what is counted (`172个部门（单位）整体和579个项目`).
        if self.government {
            if let Some(reason) = in_a_state(unit, after) {
                return Err(reason);
            }
            return match counted_after(unit, after) {
                Some(counted) => described(counted, "数"),
                None => described(&format!("{label}{unit}"), "数"),
            };
        }
        // `行政编制5人，实有人数5人；事业编制30人，实有人数25人`: each 实有人数 is its kind's.
        if let Some(kind) = self.staff_kind
            && counts_actual_staff(label)
        {
            return described(&format!("{kind}编制实有人数"), "");
        }
        let subject_reception = subject.iter().find_map(|c| match c {
            Concept::Count(Countable::ReceptionBatches(k) | Countable::ReceptionPersons(k)) => {
                Some(*k)
            }
            Concept::ThreePublicItem(ThreePublicItem::DomesticReception) => {
                Some(ReceptionKind::Domestic)
            }
            Concept::ThreePublicItem(ThreePublicItem::ForeignReception) => {
                Some(ReceptionKind::Foreign)
            }
            _ => None,
        });
        let mut setting = CountSetting {
            subject_reception,
            after_overseas_groups: subject == [Concept::Count(Countable::OverseasGroups)],
            vehicles: *vehicles,
            ..CountSetting::new()
                .with_words_after(after)
                .with_sentence(&self.sentence_text)
                .in_assets_section(self.kind == SectionKind::Assets)
                .in_performance_section(self.kind == SectionKind::Performance)
        };
        let naming = count_named(label, unit, &mut setting);
        *vehicles = setting.vehicles;
        let label_focus = focus(label);
        match naming {
            CountNaming::Count(countable) => return Ok(Concept::Count(countable)),
            CountNaming::Undecided(reason) => return Err(reason),
            CountNaming::OfItsOwn => return described(label, "数"),
            CountNaming::Unnamed => {}
        }
        // `下设3个内设机构`: what follows the measure word is what is counted, whatever the
        // words before say.
        if self.kind.allows_other()
            && let Some(counted) = counted_after(unit, after)
        {
            return described(counted, "数");
        }
        if self.kind.allows_other() && !label_focus.trim().is_empty() && !is_generic(label_focus) {
            // `综合科1人`: the section's people, not a number of sections.
            let counted = if persons_of_a_thing(label, unit) {
                "人数"
            } else {
                "数"
            };
            return described(label, counted);
        }
        // `主体培训班29期2800余人次`: the second count is of the same object as the first.
        if self.kind.allows_other()
            && let Some(object) = &self.count_object
        {
            return described(object, unit);
        }
        if self.kind.allows_other() && !label_focus.trim().is_empty() {
            return described(label, "数");
        }
        Err(UnparsedReason::UnknownCounted {
            unit: unit.to_owned(),
        })
    }

    /// The sums a sentence's `其中` breakdowns of measured quantities claim: `建筑面积13459平方米，
    /// 其中地上8013平方米（其中计容7998平方米，不计容105平方米），地下5356平方米` makes 8013 the
    /// total of 7998 and 105, and 13459 that of 8013 and 5356. A breakdown opens with `其中`
    /// (in brackets or not) after its total; the figures after it at the same bracket depth
    /// are its parts until one at a shallower depth. It is complete (a sum) when its two parts
    /// are complementary (`地上`/`地下`, `计容`/`不计容`), else the parts are a subset. Only
    /// measures of one unit, read one statement per figure, are taken.
    pub(super) fn measure_sums(&mut self, a: usize, b: usize, first_statement: usize) {
        let found: Vec<Figure> = figures(&self.chars, a, b)
            .into_iter()
            .filter(|f| matches!(f.kind, FigureKind::Measure(_)))
            .collect();
        let read: Vec<usize> = (first_statement..self.statements.len())
            .filter(|&i| matches!(self.statements[i].value, StatedValue::Measure { .. }))
            .collect();
        if found.len() < 2 || found.len() != read.len() {
            return;
        }
        // Each figure's bracket depth, whether its words open a breakdown and at which depth,
        // and its own words.
        let mut depth = 0_i32;
        let mut cursor = a;
        let mut items: Vec<(i32, Option<i32>, String)> = Vec::new();
        for figure in &found {
            let words = self.chars.normalized(cursor, figure.start);
            let mut opens = None;
            for (at, c) in words.char_indices() {
                match c {
                    '（' | '(' => depth += 1,
                    '）' | ')' => depth -= 1,
                    '其' if words[at..].starts_with("其中") => opens = Some(depth),
                    _ => {}
                }
            }
            cursor = figure.end;
            let own = words
                .rsplit(['，', '；', '、', '（', '）', '(', ')', '：'])
                .next()
                .unwrap_or_default()
                .trim_start_matches("其中")
                .trim_end_matches(['为', '是', '约'])
                .trim()
                .to_owned();
            items.push((depth, opens, own));
        }
        let mut parent: Vec<Option<usize>> = Vec::with_capacity(items.len());
        for (k, (depth, opens, _)) in items.iter().enumerate() {
            let latest = |at_most: i32| (0..k).rev().find(|&j| items[j].0 <= at_most);
            let p = match opens {
                // `X，其中Y` and `X（其中Y`: the latest figure at or above the 其中's depth.
                Some(at) => latest(*at),
                // A further part of the latest figure's breakdown at this depth.
                None => latest(*depth)
                    .filter(|&j| items[j].0 == *depth)
                    .and_then(|j| parent[j]),
            };
            parent.push(p);
        }
        let same_unit = found.iter().all(|f| f.kind == found[0].kind);
        if !same_unit {
            return;
        }
        let refer = |k: usize| {
            FigureRef::Statement(self.statements[read[k]].id.clone().unwrap_or_default())
        };
        for total in 0..items.len() {
            let parts: Vec<usize> = (0..items.len())
                .filter(|&k| parent[k] == Some(total))
                .collect();
            if parts.is_empty() {
                continue;
            }
            let refs = parts.iter().map(|&k| refer(k)).collect();
            let complete =
                matches!(parts.as_slice(), [x, y] if complementary(&items[*x].2, &items[*y].2));
            self.sentence_claims.push(if complete {
                Claim::Sum {
                    total: refer(total),
                    parts: refs,
                    minus: Vec::new(),
                }
            } else {
                Claim::SubsetSum {
                    total: refer(total),
                    parts: refs,
                }
            });
        }
    }
}

/// Whether two parts' words name complementary halves of one whole: the same words with one
/// of a pair of opposites (`地上建筑面积`/`地下建筑面积`) or with a negation (`计容面积`/`不计容面积`).
fn complementary(a: &str, b: &str) -> bool {
    let (a, b) = if a.chars().count() <= b.chars().count() {
        (a, b)
    } else {
        (b, a)
    };
    let negated = ["不", "非", "未"].iter().any(|no| {
        (0..=a.len())
            .filter(|&i| a.is_char_boundary(i))
            .any(|i| b == format!("{}{no}{}", &a[..i], &a[i..]))
    });
    negated
        || COMPLEMENTARY_WORDS
            .iter()
            .any(|(x, y)| !a.is_empty() && a.replacen(x, y, 1) == b || a.replacen(y, x, 1) == b)
}
