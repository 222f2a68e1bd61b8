//! `cargo +nightly fuzz run audit`: see `FUZZING.md` and the body in `fuzz/bodies.rs`.
#![no_main]

#[path = "../bodies.rs"]
mod bodies;

libfuzzer_sys::fuzz_target!(|data: &[u8]| bodies::audit(data));
