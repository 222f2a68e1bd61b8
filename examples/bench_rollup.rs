//! Times ingest, roll-up and group-by of a CSV file in one process and prints the timings as
//! JSON. Ingest is timed from the file (`ingest_csv_path`: read and parse), as the DuckDB and
//! polars sides of `benches/compare_duckdb.py` read theirs; run it once before timing so the
//! file is in the page cache.
//!
//! ```text
//! cargo run --release --features csv --example bench_rollup -- --csv /tmp/ledger.csv [--repeat 5] [--threads 0] [--sums FILE]
//! ```
//!
//! Each timing is the best of `--repeat` runs, in milliseconds; `plain_sum_ms` is the floor the
//! roll-up is held to, one thread summing as many bytes as it reads. `--sums FILE` writes every
//! roll-up group as `code,amount` (and `total,amount`) so a driver can compare them with
//! another engine's.

use std::io::Write;
use std::time::Instant;

use fiscal_cn::{
    bulk::{CsvOptions, IngestMode, ingest_csv_path},
    money::Unit,
};

fn best<T>(repeat: usize, mut job: impl FnMut() -> T) -> (f64, T) {
    let mut best = f64::INFINITY;
    let mut last = None;
    for _ in 0..repeat.max(1) {
        let start = Instant::now();
        let value = job();
        best = best.min(start.elapsed().as_secs_f64() * 1e3);
        last = Some(value);
    }
    (best, last.expect("at least one run"))
}

/// The floor the roll-up is measured against: one thread summing, in order, as many bytes as
/// the roll-up reads (a 16-bit function id and a 64-bit amount a line). Only the time of the
/// summing loop counts; the columns are filled before.
fn plain_sequential_sum(rows: usize) -> std::time::Duration {
    let ids: Vec<u16> = (0..rows).map(|i| (i % 200) as u16).collect();
    let cents: Vec<i64> = (0..rows).map(|i| (i % 1_000_003) as i64).collect();
    let (ids, cents) = (std::hint::black_box(ids), std::hint::black_box(cents));
    let start = Instant::now();
    let (mut id_sum, mut cent_sum) = (0_u64, 0_i128);
    for (&id, &c) in ids.iter().zip(&cents) {
        id_sum += u64::from(id);
        cent_sum += i128::from(c);
    }
    std::hint::black_box((id_sum, cent_sum));
    start.elapsed()
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut csv = None;
    let mut repeat = 5;
    let mut threads = 0;
    let mut sums_path = None;
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let value = args.next().ok_or(format!("{flag} needs a value"))?;
        match flag.as_str() {
            "--csv" => csv = Some(value),
            "--repeat" => repeat = value.parse()?,
            "--threads" => threads = value.parse()?,
            "--sums" => sums_path = Some(value),
            _ => return Err(format!("unknown flag {flag}").into()),
        }
    }
    let path = csv.ok_or("--csv FILE is required")?;
    let bytes = std::fs::metadata(&path)?.len();
    let options = CsvOptions {
        unit: Unit::Yuan,
        mode: IngestMode::FailFast,
    };
    let (ingest_ms, ingest) = best(repeat, || ingest_csv_path(&path, options));
    let ingest = ingest?;
    let bulk = ingest.ledger.with_threads(threads);
    let (rollup_ms, rollup) = best(repeat, || bulk.rollup());
    let rollup = rollup?;
    let plain_sum_ms = (0..repeat.max(1))
        .map(|_| plain_sequential_sum(bulk.len()).as_secs_f64() * 1e3)
        .fold(f64::INFINITY, f64::min);
    let (by_unit_ms, by_unit) = best(repeat, || bulk.by_unit());
    let (by_source_ms, _) = best(repeat, || bulk.by_source());
    let (by_kind_ms, _) = best(repeat, || bulk.by_kind());
    if let Some(out) = sums_path {
        let mut file = std::io::BufWriter::new(std::fs::File::create(out)?);
        for (code, amount) in &rollup.by_code {
            writeln!(file, "{code},{amount}")?;
        }
        writeln!(file, "total,{}", rollup.total())?;
        file.flush()?;
    }
    println!(
        "{{\"rows\": {}, \"bytes\": {}, \"threads\": {}, \"ingest_ms\": {ingest_ms:.3}, \"rollup_ms\": {rollup_ms:.3}, \"plain_sum_ms\": {plain_sum_ms:.3}, \
         \"by_unit_ms\": {by_unit_ms:.3}, \"by_source_ms\": {by_source_ms:.3}, \"by_kind_ms\": {by_kind_ms:.3}, \
         \"groups\": {}, \"units\": {}, \"total\": \"{}\"}}",
        bulk.len(),
        bytes,
        if threads == 0 {
            std::thread::available_parallelism().map_or(1, |n| n.get())
        } else {
            threads
        },
        rollup.by_code.len(),
        by_unit?.len(),
        rollup.total()
    );
    Ok(())
}
