//! Splitting work over the machine's cores with `std::thread::scope`, and [`check_many`].

use std::num::NonZeroUsize;
use std::ops::Range;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::check::{CheckReport, Policy, check};
use crate::report::Disclosure;

/// `requested` threads, or as many as the machine has when `requested` is 0.
pub(crate) fn threads(requested: usize) -> usize {
    if requested > 0 {
        return requested;
    }
    std::thread::available_parallelism().map_or(1, NonZeroUsize::get)
}

/// `len` items split into at most `threads` contiguous ranges of at least `min_per_thread`
/// items each (one range when there is little work; none when there is none).
pub(crate) fn chunks(len: usize, threads: usize, min_per_thread: usize) -> Vec<Range<usize>> {
    let n = threads.min(len / min_per_thread.max(1)).max(1);
    let size = len.div_ceil(n).max(1);
    (0..n)
        .map(|t| (t * size).min(len)..((t + 1) * size).min(len))
        .collect()
}

/// `job` over every range, each on its own thread (the last on the calling thread), results in
/// range order.
pub(crate) fn map<R: Send>(
    ranges: Vec<Range<usize>>,
    job: impl Fn(Range<usize>) -> R + Sync,
) -> Vec<R> {
    let mut ranges = ranges;
    let Some(last) = ranges.pop() else {
        return vec![];
    };
    if ranges.is_empty() {
        return vec![job(last)];
    }
    let job = &job;
    std::thread::scope(|scope| {
        let handles: Vec<_> = ranges
            .into_iter()
            .map(|range| scope.spawn(move || job(range)))
            .collect();
        let mine = job(last);
        let mut results: Vec<R> = handles
            .into_iter()
            // A job that panicked passes its panic on unchanged; jobs here do not panic.
            .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect();
        results.push(mine);
        results
    })
}

/// Checks many disclosures against one policy on every core: the same reports as calling
/// [`check`] on each in turn, in the same order.
///
/// ```
/// use fiscal_cn::bulk::check_many;
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
/// use fiscal_cn::bulk::check_each;
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

/// `job` over `0..len` in blocks of 8 items, on `threads` threads (0: every core), each
/// result with its block's number (block `b` is items `8b..8b + 8`), in no order.
///
/// Items differ in cost and a core may be busy with other work, so the threads take blocks in
/// turn from a shared counter rather than a fixed share each: none sits idle while another
/// still has a backlog.
pub(crate) fn blocks_in_turn<R: Send>(
    len: usize,
    threads: usize,
    job: impl Fn(Range<usize>) -> R + Sync,
) -> Vec<(usize, R)> {
    const BLOCK: usize = 8;
    let blocks = len.div_ceil(BLOCK);
    let next = AtomicUsize::new(0);
    let worker = || {
        let mut done = Vec::new();
        loop {
            let block = next.fetch_add(1, Ordering::Relaxed);
            let Some(first) = block.checked_mul(BLOCK).filter(|&i| i < len) else {
                return done;
            };
            done.push((block, job(first..(first + BLOCK).min(len))));
        }
    };
    let workers = self::threads(threads).min(blocks).max(1);
    // One (unused) range per worker: `map` runs each on its own thread.
    map((0..workers).map(|w| w..w + 1).collect(), |_| worker())
        .into_iter()
        .flatten()
        .collect()
}
