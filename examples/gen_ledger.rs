//! Writes a generated ledger's expenditure lines as CSV, for benchmarks and the DuckDB
//! comparison (`benches/compare_duckdb.py`).
//!
//! ```text
//! cargo run --release --features csv --example gen_ledger -- --rows 1000000 --seed 42 --out /tmp/ledger.csv
//! ```
//!
//! Columns: `unit,function,economic,kind,source,amount` (amount in 元 with 2 decimals).

use std::io::{BufWriter, Write};

use fiscal_cn::ledger::generate_ledger;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut rows = 100_000_usize;
    let mut seed = 42_u64;
    let mut units = None;
    let mut out = None;
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let value = args.next().ok_or(format!("{flag} needs a value"))?;
        match flag.as_str() {
            "--rows" => rows = value.parse()?,
            "--seed" => seed = value.parse()?,
            "--units" => units = Some(value.parse()?),
            "--out" => out = Some(value),
            _ => {
                return Err(format!(
                    "unknown flag {flag}; use --rows N --seed S [--units U] --out FILE"
                )
                .into());
            }
        }
    }
    let out = out.ok_or("--out FILE is required")?;
    // Generate in slices so memory stays bounded; each slice has its own seed.
    const SLICE: usize = 1_000_000;
    let units = units.unwrap_or((rows / 150).clamp(1, 100_000));
    let mut file = BufWriter::with_capacity(1 << 20, std::fs::File::create(&out)?);
    writeln!(file, "unit,function,economic,kind,source,amount")?;
    let mut written = 0;
    let mut slice = 0_u64;
    while written < rows {
        let n = SLICE.min(rows - written);
        let ledger = generate_ledger(seed.wrapping_add(slice), units, n);
        for item in ledger.expenditures() {
            let economic = item.economic.map(|c| c.to_string()).unwrap_or_default();
            writeln!(
                file,
                "{},{},{},{},{},{}",
                item.unit.0, item.function, economic, item.kind, item.source, item.amount
            )?;
        }
        written += n;
        slice += 1;
    }
    file.flush()?;
    eprintln!("wrote {written} rows to {out}");
    Ok(())
}
