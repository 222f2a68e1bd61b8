//! Reading and checking a narrative (编制说明) as it grows, to show that time grows linearly
//! with the text (issue #17): the seed text (`examples/data/jinkouhe_2024.txt`) repeated 1, 10
//! and 100 times; one long sentence of N clauses (`其他收入1万元，` × N) and one long clause of
//! N figures (`其他收入1万元` × N) for N = 10³, 10⁴, 10⁵; and checking N statements about one
//! concept of the kinds the narrative rules look for near each other.
//!
//! `FISCAL_CN_BENCH_MAX_ROWS` caps N (and the seed's repeats) as for the other benches.

use std::cell::OnceCell;

use criterion::{BenchmarkId, Throughput, criterion_group, criterion_main};
use fiscal_cn::{
    check::{Policy, check},
    money::{Amount, Percent},
    narrative::{ReadOptions, read_narrative},
    report::{
        Concept, Countable, Direction, Disclosure, DisclosureKind, Entity, Location, StatedValue,
        Statement,
    },
};

mod common;

const SEED: &str = include_str!("../examples/data/jinkouhe_2024.txt");

/// The seed text `times` over.
fn seed_times(times: usize) -> String {
    let mut text = String::with_capacity(SEED.len() * times + times);
    for _ in 0..times {
        text.push_str(SEED);
        text.push('\n');
    }
    text
}

/// A report's title and one section of `n` times `figure` followed by `separator`, in one
/// sentence.
fn one_sentence(n: usize, figure: &str, separator: &str) -> String {
    let mut text = String::from("某局2024年度部门决算说明\n一、收入决算情况说明\n");
    for _ in 0..n {
        text.push_str(figure);
        text.push_str(separator);
    }
    text.push_str("。\n");
    text
}

fn read(text: &str) -> Disclosure {
    read_narrative(text, &ReadOptions::default())
        .expect("the text reads")
        .disclosure
}

/// `n` statements about one concept and `n` about one count, in two sections: completion
/// rates (one zero budget after them all), growth rates with no change, prior-year amounts and
/// counts stated alike (as in `tests/robustness.rs`).
fn statements_about_one_concept(n: usize) -> Disclosure {
    let at = |i: usize| Location::new(format!("第{}部分", i % 2), format!("第{i}句"));
    let rate: Percent = "95%".parse().expect("a rate");
    let amount: Amount = "1万元".parse().expect("an amount");
    let mut d = Disclosure::new(Entity::new("示例局", 2024, DisclosureKind::FinalAccounts));
    for i in 0..n {
        let concept = Concept::OperatingFunds;
        d.statements.push(Statement::new(
            concept.clone(),
            StatedValue::Completion { rate },
            at(i),
        ));
        d.statements.push(Statement::new(
            concept.clone(),
            StatedValue::Growth {
                rate,
                direction: Direction::Increase,
            },
            at(i),
        ));
        let mut prior = Statement::new(concept, StatedValue::Amount(amount), at(i));
        prior.year = Some(2000 + (i % 20) as u16);
        d.statements.push(prior);
        d.statements.push(Statement::new(
            Concept::Count(Countable::Projects),
            StatedValue::Count(7),
            at(i),
        ));
    }
    d.statements.push(Statement::new(
        Concept::OperatingFunds,
        StatedValue::Budget("0万元".parse().expect("an amount")),
        at(n),
    ));
    d
}

fn narrative(c: &mut criterion::Criterion) {
    let policy = Policy::default();
    // Inputs are made when a bench first runs (so that a filter on the command line skips
    // the reading of those it leaves out), once.
    let mut group = c.benchmark_group("narrative_seed");
    for times in common::sizes(&[1, 10, 100], 1) {
        let text = seed_times(times);
        let disclosure = OnceCell::new();
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(BenchmarkId::new("read", times), |b| {
            b.iter(|| read(&text));
        });
        group.bench_function(BenchmarkId::new("check", times), |b| {
            let disclosure = disclosure.get_or_init(|| read(&text));
            b.iter(|| check(disclosure, &policy));
        });
    }
    group.finish();

    let mut group = c.benchmark_group("narrative_long");
    for n in common::sizes(&[1_000, 10_000, 100_000], 1) {
        group.throughput(Throughput::Elements(n as u64));
        for (shape, separator) in [("sentence", "，"), ("clause", "")] {
            let text = one_sentence(n, "其他收入1万元", separator);
            let disclosure = OnceCell::new();
            group.bench_function(BenchmarkId::new(format!("read_{shape}"), n), |b| {
                b.iter(|| read(&text));
            });
            group.bench_function(BenchmarkId::new(format!("check_{shape}"), n), |b| {
                let disclosure = disclosure.get_or_init(|| read(&text));
                b.iter(|| check(disclosure, &policy));
            });
        }
        let disclosure = OnceCell::new();
        group.bench_function(BenchmarkId::new("check_one_concept", n), |b| {
            let disclosure = disclosure.get_or_init(|| statements_about_one_concept(n));
            b.iter(|| check(disclosure, &policy));
        });
    }
    group.finish();
}

criterion_group! { name = benches; config = common::criterion(); targets = narrative }
criterion_main!(benches);
