//! Checking many disclosures on every core: [`check_many`] keeps the reports, [`check_each`]
//! hands each over as it is made.

use crate::parallel::blocks_in_turn;
use crate::report::Disclosure;

use super::{CheckReport, Policy, check};

/// Checks many disclosures against one policy on every core: the same reports as calling
/// [`check`] on each in turn, in the same order.
///
/// ```
/// use fiscal_cn::check::check_many;
/// use fiscal_cn::check::{check, Policy};
/// use fiscal_cn::derive::{derive_disclosure, Publication};
/// use fiscal_cn::ledger::generate_ledger;
/// use fiscal_cn::report::{Disclosure, DisclosureKind, Entity};
///
/// let entity = Entity::new("测试部门", 2024, DisclosureKind::FinalAccounts);
/// let reports: Vec<Disclosure> = (0..8)
///     .map(|seed| derive_disclosure(&generate_ledger(seed, 1, 150), entity.clone(), Publication::default()))
///     .collect::<fiscal_cn::Result<_>>()?;
/// let policy = Policy::default();
/// let checked = check_many(&reports, &policy);
/// assert_eq!(checked.len(), 8);
/// assert_eq!(checked[3], check(&reports[3], &policy));
/// # Ok::<(), fiscal_cn::Error>(())
/// ```
#[must_use]
pub fn check_many(disclosures: &[Disclosure], policy: &Policy) -> Vec<CheckReport> {
    check_many_on(disclosures, policy, 0)
}

/// [`check_many`] on `threads` threads (0: every core).
pub(crate) fn check_many_on(
    disclosures: &[Disclosure],
    policy: &Policy,
    threads: usize,
) -> Vec<CheckReport> {
    let mut checked = blocks_in_turn(disclosures.len(), threads, |range| {
        disclosures[range]
            .iter()
            .map(|d| check(d, policy))
            .collect::<Vec<_>>()
    });
    checked.sort_unstable_by_key(|(block, _)| *block);
    checked
        .into_iter()
        .flat_map(|(_, reports)| reports)
        .collect()
}

/// Checks many disclosures against one policy on every core, handing each report to `visit`
/// with its disclosure's index as soon as it is made: the same reports as [`check`] on each.
///
/// Where [`check_many`] keeps every report until the last is done, this keeps none, so
/// memory stays flat however many disclosures are checked (a national batch of a few hundred
/// thousand reports holds gigabytes of findings). `visit` runs on the checking threads,
/// a report at a time per thread, in no particular order across threads; collect what you
/// need through something `Sync` (an atomic, a `Mutex`, a channel).
///
/// ```
/// use std::sync::atomic::{AtomicUsize, Ordering};
/// use fiscal_cn::check::check_each;
/// use fiscal_cn::check::{Policy, Severity};
/// use fiscal_cn::derive::{derive_disclosure, Publication};
/// use fiscal_cn::ledger::generate_ledger;
/// use fiscal_cn::report::{Disclosure, DisclosureKind, Entity};
///
/// let entity = Entity::new("测试部门", 2024, DisclosureKind::FinalAccounts);
/// let reports: Vec<Disclosure> = (0..20)
///     .map(|seed| derive_disclosure(&generate_ledger(seed, 1, 40), entity.clone(), Publication::default()))
///     .collect::<fiscal_cn::Result<_>>()?;
/// let (checked, with_errors) = (AtomicUsize::new(0), AtomicUsize::new(0));
/// check_each(&reports, &Policy::default(), |_index, report| {
///     checked.fetch_add(1, Ordering::Relaxed);
///     if report.with_severity(Severity::Error).next().is_some() {
///         with_errors.fetch_add(1, Ordering::Relaxed);
///     }
/// });
/// assert_eq!(checked.into_inner(), 20);
/// // Generated reports are rounded correctly: tail differences at most, no errors.
/// assert_eq!(with_errors.into_inner(), 0);
/// # Ok::<(), fiscal_cn::Error>(())
/// ```
pub fn check_each(
    disclosures: &[Disclosure],
    policy: &Policy,
    visit: impl Fn(usize, CheckReport) + Sync,
) {
    check_each_on(disclosures, policy, 0, visit);
}

/// [`check_each`] on `threads` threads (0: every core).
pub(crate) fn check_each_on(
    disclosures: &[Disclosure],
    policy: &Policy,
    threads: usize,
    visit: impl Fn(usize, CheckReport) + Sync,
) {
    blocks_in_turn(disclosures.len(), threads, |range| {
        for index in range {
            visit(index, check(&disclosures[index], policy));
        }
    });
}

#[cfg(test)]
mod tests {
    use std::sync::Mutex;

    use super::*;
    use crate::derive::{Publication, derive_disclosure};
    use crate::ledger::generate_ledger;
    use crate::report::{DisclosureKind, Entity};

    fn entity() -> Entity {
        Entity::new("测试部门", 2024, DisclosureKind::FinalAccounts)
    }

    /// Enough reports for several blocks per thread, and a last block that is not full; with
    /// their reports checked one by one.
    fn reports_and_checks() -> (Vec<Disclosure>, Vec<CheckReport>) {
        let reports: Vec<_> = (0..37)
            .map(|s| {
                derive_disclosure(&generate_ledger(s, 1, 20), entity(), Publication::default())
                    .unwrap()
            })
            .collect();
        let policy = Policy::default();
        let one_by_one = reports.iter().map(|r| check(r, &policy)).collect();
        (reports, one_by_one)
    }

    #[test]
    fn check_many_keeps_order_and_equals_check() {
        let (reports, one_by_one) = reports_and_checks();
        let policy = Policy::default();
        for threads in [1, 2, 3, 8] {
            assert_eq!(check_many_on(&reports, &policy, threads), one_by_one);
        }
        assert!(check_many(&[], &policy).is_empty());
    }

    #[test]
    fn check_each_hands_over_every_report_once_as_check_makes_it() {
        let (reports, one_by_one) = reports_and_checks();
        let policy = Policy::default();
        for threads in [1, 2, 3, 8] {
            let seen: Mutex<Vec<Option<CheckReport>>> = Mutex::new(vec![None; reports.len()]);
            check_each_on(&reports, &policy, threads, |index, report| {
                let previous = seen.lock().unwrap()[index].replace(report);
                assert!(previous.is_none(), "report {index} handed over twice");
            });
            let seen: Vec<CheckReport> = seen.into_inner().unwrap().into_iter().flatten().collect();
            assert_eq!(seen, one_by_one);
        }
        check_each(&[], &policy, |_, _| panic!("no disclosure, no report"));
    }
}
