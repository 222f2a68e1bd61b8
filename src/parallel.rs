//! Splitting work over the machine's cores with `std::thread::scope`: the bulk ledger's sums,
//! CSV ingest, consolidation, auditing and batch checking share these helpers.

use std::num::NonZeroUsize;
use std::ops::Range;
use std::sync::atomic::{AtomicUsize, Ordering};

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
