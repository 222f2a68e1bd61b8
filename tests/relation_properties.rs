//! The relation rules' laws over generated narratives: a 三公 section written from exact
//! figures (levels, changes, growth rates, shares and completion rates, each rounded 四舍五入
//! as a report prints it) gives no error or warning; a unit founded this year written with the
//! correct zero-base wording gives nothing, and with a stated rate exactly the zero-base
//! warning; and any single stated rate moved beyond what rounding allows is found, at it.

use fiscal_cn::{Decimal, Policy, ReadOptions, Severity, check, read_narrative, round_half_up};
use proptest::prelude::*;

/// One line of the section: this year, last year and the budget, in 分 (0.01万元).
#[derive(Debug, Clone, Copy)]
struct Line {
    actual: i64,
    prior: i64,
    budget: i64,
}

fn wan(cents: i64) -> Decimal {
    Decimal::new(cents, 2)
}

/// `100 · a / b`, rounded 四舍五入 to two decimals.
fn rate(a: i64, b: i64) -> Decimal {
    round_half_up(
        Decimal::from(a) * Decimal::ONE_HUNDRED / Decimal::from(b),
        2,
    )
}

/// Which stated rate a test moves: (line, kind) with kind 0 share, 1 growth, 2 completion;
/// line 3 is the total (which has no share).
type Moved = Option<(usize, usize)>;

/// The clauses of one line: amount, share of the total (parts only), change and growth
/// against last year, completion of the budget.
fn clauses(name: &str, line: Line, total: Option<i64>, moved: [Decimal; 3]) -> String {
    let mut out = format!("{name}{}万元", wan(line.actual));
    if let Some(total) = total {
        out.push_str(&format!("，占{}%", rate(line.actual, total) + moved[0]));
    }
    let change = line.actual - line.prior;
    let growth = rate(change.abs(), line.prior) + moved[1];
    match change.signum() {
        1 => out.push_str(&format!("，较上年增加{}万元，增长{growth}%", wan(change))),
        -1 => out.push_str(&format!("，较上年减少{}万元，下降{growth}%", wan(-change))),
        _ => out.push_str("，与上年持平"),
    }
    out.push_str(&format!(
        "，完成预算的{}%",
        rate(line.actual, line.budget) + moved[2]
    ));
    out
}

fn section(parts: [Line; 3], moved: Moved) -> String {
    let total = Line {
        actual: parts.iter().map(|l| l.actual).sum(),
        prior: parts.iter().map(|l| l.prior).sum(),
        budget: parts.iter().map(|l| l.budget).sum(),
    };
    let shift = |line: usize| {
        let mut shift = [Decimal::ZERO; 3];
        if let Some((at, kind)) = moved
            && at == line
        {
            shift[kind] = Decimal::from(5);
        }
        shift
    };
    let names = [
        "因公出国（境）费支出决算",
        "公务用车购置及运行维护费支出决算",
        "公务接待费支出决算",
    ];
    let listed: Vec<String> = parts
        .iter()
        .zip(names)
        .enumerate()
        .map(|(k, (line, name))| clauses(name, *line, Some(total.actual), shift(k)))
        .collect();
    format!(
        "2024年度示例局部门决算公开说明\n七、“三公”经费支出决算情况说明\n{}。其中：{}。",
        clauses("2024年度“三公”经费支出决算", total, None, shift(3)),
        listed.join("；")
    )
}

fn found(text: &str) -> Vec<(String, Severity, String)> {
    let reading = read_narrative(text, &ReadOptions::default()).expect("reads");
    check(&reading.disclosure, &Policy::default())
        .findings
        .iter()
        .map(|f| {
            (
                f.rule.to_string(),
                f.severity,
                f.quote.clone().unwrap_or_default(),
            )
        })
        .collect()
}

/// A line of at least 1.00万元 this year and last, spent at 50–100% of its budget.
fn line() -> impl Strategy<Value = Line> {
    (100_i64..500_000, 100_i64..500_000, 50_i64..=100).prop_map(|(actual, prior, percent)| Line {
        actual,
        prior,
        budget: (actual * 100 + percent - 1) / percent,
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn a_section_written_from_exact_figures_gives_nothing(a in line(), b in line(), c in line()) {
        let text = section([a, b, c], None);
        let found = found(&text);
        prop_assert!(
            found.iter().all(|(_, s, _)| *s == Severity::Info),
            "{text}\n{found:?}"
        );
    }

    #[test]
    fn a_rate_moved_beyond_rounding_is_found_at_it(
        a in line(),
        b in line(),
        c in line(),
        at in 0_usize..4,
        kind in 0_usize..3,
    ) {
        // The total has no share; a line unchanged from last year has no growth rate.
        let parts = [a, b, c];
        let unchanged = at < 3 && parts[at].actual == parts[at].prior;
        let no_such_rate = (at == 3 && kind == 0) || (kind == 1 && unchanged);
        prop_assume!(!no_such_rate);
        let text = section(parts, Some((at, kind)));
        let found = found(&text);
        prop_assert!(
            found.iter().any(|(_, s, q)| *s == Severity::Error
                && ["占", "增长", "下降", "完成预算"].iter().any(|w| q.contains(w))),
            "{text}\n{found:?}"
        );
    }
}

/// A unit founded this year: all of this year's amount is the change. Written with the
/// zero-base wording it gives nothing; with a stated rate, exactly the zero-base warning.
#[test]
fn a_unit_founded_this_year() {
    let text = |growth: &str| {
        format!(
            "2024年度示例局部门决算公开说明\n一、收入支出决算总体情况说明\n2024年度收入总计307.82万元，比上年增加307.82万元，{growth}。"
        )
    };
    assert!(found(&text("增长--（上年为0，不可比）")).is_empty());
    let rated = found(&text("增长100.00%"));
    let rules: Vec<(&str, Severity)> = rated.iter().map(|(r, s, _)| (r.as_str(), *s)).collect();
    assert_eq!(rules, [("N012", Severity::Warning)]);
}
