//! A deterministic, bounded run of every fuzz target (see `FUZZING.md`): each target's body
//! (`fuzz/bodies.rs`, the code libFuzzer runs) over the files of `fuzz/regressions/TARGET/`
//! (every crash found, kept as it was), its seeds, and a fixed set of mutations of the seeds
//! drawn from a seeded generator. A regression is caught by `cargo test` on every change.
//!
//! An input that panics is written to `target/fuzz-smoke/TARGET-N` and the test fails with
//! its path: copy it into `fuzz/regressions/TARGET/` once fixed.
//!
//! `FUZZ_SMOKE_SCALE=N` runs N times as many mutations (a longer search by hand),
//! `FUZZ_SMOKE_SEED=S` another set of them, and `FUZZ_SMOKE_KEEP=1` writes each input to
//! `target/fuzz-smoke/TARGET-current` before running it (what an abort leaves behind).

#[path = "../fuzz/bodies.rs"]
mod bodies;

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// The smallest generator that will do: SplitMix64.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number below `n` (`n` > 0).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Tokens that go where a number or a word was: edges of the number types, units, and the
/// words that steer the readers.
const TOKENS: &[&str] = &[
    "0",
    "-",
    "28",
    "29",
    "27",
    "100",
    "4294967295",
    "4294967292",
    "18446744073709551615",
    "79228162514264337593543950335",
    "-79228162514264337593543950335",
    "0.0000000000000000000000000001",
    "9999999999999999999999999999",
    "1e400",
    "-0",
    "0.5",
    "%",
    "元",
    "万元",
    "亿元",
    "\"yuan\"",
    "\"万元\"",
    "\"亿元\"",
    "null",
    "[]",
    "{}",
    "\"\"",
    ",",
    "增长",
    "减少",
    "下降",
    "占",
    "完成预算",
    "执行率",
    "合计",
    "其中",
    "。",
    "\n",
    "（",
    "）",
    "2013201",
    "201",
    "30201",
];

/// One mutation of `input`: a few byte-level edits, token substitutions and splices from
/// `others`, the result at most `limit` bytes.
fn mutate(rng: &mut Rng, input: &[u8], others: &[Vec<u8>], limit: usize) -> Vec<u8> {
    let mut out = input.to_vec();
    for _ in 0..=rng.below(4) {
        let len = out.len().max(1);
        match rng.below(9) {
            // Flip a bit.
            0 if !out.is_empty() => {
                let at = rng.below(out.len());
                out[at] ^= 1 << rng.below(8);
            }
            // Overwrite a byte with an interesting one.
            1 if !out.is_empty() => {
                let at = rng.below(out.len());
                out[at] = *b"0123456789-.,\"{}[]:% \n\xff\x00"
                    .get(rng.below(24))
                    .unwrap_or(&b'0');
            }
            // Insert a token.
            2 => {
                let at = rng.below(len).min(out.len());
                let token = TOKENS[rng.below(TOKENS.len())].as_bytes();
                out.splice(at..at, token.iter().copied());
            }
            // Replace a run of digits with a token: numbers stay where the format wants one.
            3 | 4 => {
                let digits: Vec<usize> = (0..out.len().min(1 << 20))
                    .filter(|&i| out[i].is_ascii_digit())
                    .collect();
                if let Some(&start) = digits.get(rng.below(digits.len().max(1))) {
                    let end = (start..out.len())
                        .find(|&i| !out[i].is_ascii_digit())
                        .unwrap_or(out.len());
                    let token = TOKENS[rng.below(12)].as_bytes();
                    out.splice(start..end, token.iter().copied());
                }
            }
            // Delete a range.
            5 if !out.is_empty() => {
                let start = rng.below(out.len());
                let end = (start + 1 + rng.below(64)).min(out.len());
                out.drain(start..end);
            }
            // Repeat a range in place (long repeats: many rows, long sentences).
            6 if !out.is_empty() => {
                let start = rng.below(out.len());
                let end = (start + 1 + rng.below(256)).min(out.len());
                let piece = out[start..end].to_vec();
                for _ in 0..=rng.below(8) {
                    out.splice(end..end, piece.iter().copied());
                }
            }
            // Splice in a range of another seed.
            7 if !others.is_empty() => {
                let other = &others[rng.below(others.len())];
                if !other.is_empty() {
                    let start = rng.below(other.len());
                    let end = (start + 1 + rng.below(512)).min(other.len());
                    let at = rng.below(len).min(out.len());
                    out.splice(at..at, other[start..end].iter().copied());
                }
            }
            // Cut the input short.
            _ => {
                let keep = rng.below(len + 1);
                out.truncate(keep);
            }
        }
    }
    out.truncate(limit);
    out
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The files of `dir` (relative to the crate) whose name ends with one of `suffixes`, in name
/// order.
fn files(dir: &str, suffixes: &[&str]) -> Vec<Vec<u8>> {
    let Ok(entries) = std::fs::read_dir(root().join(dir)) else {
        return Vec::new();
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            suffixes.is_empty() || suffixes.iter().any(|s| name.ends_with(s))
        })
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| std::fs::read(p).expect("a seed file"))
        .collect()
}

/// The seeds of a target: the crate's data and examples, and `fuzz/seeds/`.
fn seeds(target: &str) -> Vec<Vec<u8>> {
    let json = || {
        let mut seeds = files("examples/data", &[".json"]);
        seeds.extend(files("fuzz/seeds/disclosure", &[".json"]));
        seeds
    };
    match target {
        "numbers" | "printed" => files("fuzz/seeds/numbers", &[]),
        "catalog_csv" => files("data", &[".csv"]),
        "ledger_csv" | "ledger_check" => files("fuzz/seeds/ledger_csv", &[]),
        "narrative" => files("examples/data", &[".txt"]),
        // Texts and JSON disclosures alike: the body audits every input as both.
        "audit" => files("examples/data", &[".txt", ".json"]),
        "disclosure_check" | "render" | "score" => json(),
        // Arrays of reports too: each seed with the next, and all of them.
        "consolidate" => {
            let single = json();
            let array = |reports: &[&Vec<u8>]| {
                let mut out = b"[".to_vec();
                for (i, report) in reports.iter().enumerate() {
                    if i > 0 {
                        out.push(b',');
                    }
                    out.extend_from_slice(report);
                }
                out.push(b']');
                out
            };
            let mut seeds: Vec<Vec<u8>> = (0..single.len())
                .map(|i| array(&[&single[i], &single[(i + 1) % single.len()]]))
                .collect();
            seeds.push(array(&single.iter().collect::<Vec<_>>()));
            seeds.extend(single);
            seeds
        }
        other => panic!("no seeds for {other}"),
    }
}

/// Mutations per target: about a second or two each in a debug build.
fn budget(target: &str) -> usize {
    match target {
        "numbers" | "printed" => 4000,
        "catalog_csv" => 1000,
        "ledger_csv" => 1000,
        "ledger_check" => 100,
        "narrative" => 30,
        "audit" => 20,
        "consolidate" => 80,
        _ => 150,
    }
}

fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// Runs `body` on `input`; a panic is saved and reported.
fn run_one(target: &str, body: fn(&[u8]), input: &[u8], n: usize, failures: &mut Vec<String>) {
    // In a longer search by hand, the input about to run is kept first: an abort (out of
    // memory) or a hang leaves it behind.
    if std::env::var_os("FUZZ_SMOKE_KEEP").is_some() {
        let dir = root().join("target/fuzz-smoke");
        let _ = std::fs::create_dir_all(&dir);
        let _ = std::fs::write(dir.join(format!("{target}-current")), input);
    }
    let started = Instant::now();
    let outcome = catch_unwind(AssertUnwindSafe(|| body(input)));
    let slow = started.elapsed() > Duration::from_secs(20);
    if outcome.is_err() || slow {
        let dir = root().join("target/fuzz-smoke");
        let _ = std::fs::create_dir_all(&dir);
        let path = dir.join(format!("{target}-{n}"));
        let _ = std::fs::write(&path, input);
        let what = if slow { "took over 20 s" } else { "panicked" };
        failures.push(format!("{target}: input {} {what}", path.display()));
    }
}

fn smoke(target: &str) {
    let (_, body) = *bodies::TARGETS
        .iter()
        .find(|(name, _)| *name == target)
        .expect("a target");
    let mut failures = Vec::new();
    let regressions = files(&format!("fuzz/regressions/{target}"), &[]);
    let seeds = seeds(target);
    assert!(!seeds.is_empty(), "{target} has seeds");
    for (n, input) in regressions.iter().chain(&seeds).enumerate() {
        run_one(target, body, input, n, &mut failures);
    }
    let limit = seeds.iter().map(Vec::len).max().unwrap_or(0) * 2 + 4096;
    let seed = env_number("FUZZ_SMOKE_SEED", 17);
    let count = budget(target) * env_number("FUZZ_SMOKE_SCALE", 1) as usize;
    // One generator per target, so adding a target changes no other's inputs.
    let mut rng = Rng(seed
        ^ target
            .bytes()
            .fold(0, |h: u64, b| h.wrapping_mul(31).wrapping_add(u64::from(b))));
    for n in 0..count {
        let input = &seeds[rng.below(seeds.len())];
        let mutated = mutate(&mut rng, input, &seeds, limit);
        run_one(target, body, &mutated, n + 1_000_000, &mut failures);
        if failures.len() >= 5 {
            break;
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_target_has_a_smoke_test_and_a_cargo_fuzz_target() {
    let tests = include_str!("fuzz_smoke.rs");
    for (name, _) in bodies::TARGETS {
        assert!(
            tests.contains(&format!("fn {name}() {{")),
            "no smoke test for {name}"
        );
        let target = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("fuzz/fuzz_targets")
            .join(format!("{name}.rs"));
        assert!(target.exists(), "no fuzz target {}", target.display());
    }
}

#[test]
fn numbers() {
    smoke("numbers");
}

#[test]
fn printed() {
    smoke("printed");
}

#[test]
fn catalog_csv() {
    smoke("catalog_csv");
}

#[cfg(feature = "csv")]
#[test]
fn ledger_csv() {
    smoke("ledger_csv");
}

#[cfg(feature = "csv")]
#[test]
fn ledger_check() {
    smoke("ledger_check");
}

#[test]
fn disclosure_check() {
    smoke("disclosure_check");
}

#[test]
fn narrative() {
    smoke("narrative");
}

#[test]
fn render() {
    smoke("render");
}

#[test]
fn consolidate() {
    smoke("consolidate");
}

#[test]
fn score() {
    smoke("score");
}

#[test]
fn audit() {
    smoke("audit");
}
