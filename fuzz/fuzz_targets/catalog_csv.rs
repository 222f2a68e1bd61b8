//! `cargo +nightly fuzz run catalog_csv`: see `FUZZING.md` and the body in `fuzz/bodies.rs`.
#![no_main]

#[path = "../bodies.rs"]
mod bodies;

libfuzzer_sys::fuzz_target!(|data: &[u8]| bodies::catalog_csv(data));
