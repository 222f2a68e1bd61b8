//! Issue #17: no input panics, wraps silently or is decided at a wrong precision. One
//! regression test per defect found, and property tests that the numeric entry points take
//! the whole range they document.

use fiscal_cn::{
    Decimal, Error,
    check::{Policy, check},
    money::{Amount, MAX_DECIMALS, Unit, format_fixed, format_grouped, round_half_up, truncate_to},
    precision::{
        Consistency, Printed, check_balance, check_growth, check_growth_from_prior, check_ratio,
        check_sum,
    },
    report::Disclosure,
};
use proptest::prelude::*;

fn dec(s: &str) -> Decimal {
    Decimal::from_str_exact(s).unwrap()
}

/// The smallest disclosure with one narrative amount stated in `amount`.
fn disclosure_json(amount_decimals: &str, amount: &str) -> String {
    format!(
        r#"{{"entity": {{"name": "示例局", "year": 2024, "kind": "final_accounts"}},
            "currency": "万元", "amount_decimals": {amount_decimals},
            "statements": [
              {{"id": "s1", "concept": "income_grand_total", "value": {{"amount": "{amount}"}},
                "location": {{"section": "收入支出决算总体情况说明", "quote": "收入总计{amount}"}}}},
              {{"id": "s2", "concept": "income_grand_total", "value": {{"amount": "775.38万元"}},
                "location": {{"section": "收入支出决算总体情况说明", "quote": "收入总计775.38万元"}}}}
            ]}}"#
    )
}

#[test]
fn a_figure_of_28_decimals_is_refused_by_the_checks_not_a_panic() {
    // Was: `Scale exceeds the maximum precision allowed: 29 > 28` inside `half_unit`.
    let fine = Printed::parse_amount("1", 28).unwrap();
    assert_eq!(fine.decimals(), 28);
    assert_eq!(fine.checked_half_unit(), None);
    assert_eq!(fine.half_unit(), dec("0.0000000000000000000000000001"));
    let err = check_sum(fine, &[fine]).unwrap_err();
    assert!(
        matches!(&err, Error::Uncheckable { decimals: 28, .. })
            && err.to_string().contains("最多保留 27 位"),
        "{err}"
    );
    assert!(check_balance(&[fine], &[fine, fine]).is_err());
    // 27 decimals is the most the checks take, exactly.
    let p27 = Printed::parse_amount("1", 27).unwrap();
    assert_eq!(
        p27.checked_half_unit(),
        Some(dec("0.0000000000000000000000000005"))
    );
    assert_eq!(
        check_sum(p27, &[p27]).unwrap().verdict,
        Consistency::Consistent
    );
    // A share of 28 decimals (`占0.0000000000000000000000000001%`).
    let share = Printed::parse_percent("0.0000000000000000000000000001%").unwrap();
    let whole = Printed::parse_amount("1", 2).unwrap();
    assert!(check_ratio(share, whole, whole).is_err());
    assert!(check_growth(share, whole, whole).is_err());
    assert!(check_growth_from_prior(share, whole, whole).is_err());
    assert!(check_ratio(whole, fine, whole).is_err());
    // `preimage` does not panic either: the documented widening.
    let interval = fine.preimage(fiscal_cn::precision::RoundingMode::HalfUp);
    assert!(interval.contains(Decimal::ONE));
}

#[test]
fn formatting_past_28_decimals_is_capped_or_refused() {
    // Was: `CapacityError: insufficient capacity` in `Decimal`'s `Display`.
    let text = format_fixed(dec("0.000001"), 100);
    assert_eq!(text, format!("0.{}1{}", "0".repeat(5), "0".repeat(22)));
    assert_eq!(format_fixed(dec("0.000001"), u32::MAX), text);
    assert!(format_grouped(dec("1234.5"), 100).starts_with("1,234.5"));
    assert_eq!(round_half_up(dec("1.5"), 100).scale(), 28);
    assert_eq!(truncate_to(dec("1.5"), 100).scale(), 28);
    // Was: `10000.000000000000000000000000元`, 24 decimals for 100 asked, without a word.
    let amount = Amount::new(Decimal::ONE, Unit::WanYuan);
    let err = amount.format_in(Unit::Yuan, 100).unwrap_err();
    assert!(err.to_string().contains("100"), "{err}");
    assert!(amount.value_in(Unit::Yuan, 29).is_err());
    assert_eq!(
        amount.format_in(Unit::Yuan, 28).unwrap(),
        format!("10000.{}元", "0".repeat(28))
    );
}

#[test]
fn the_rate_check_subtracts_without_overflow() {
    // Was: `Subtraction overflowed` in `published − computed`.
    let rate = Printed::new(Decimal::MIN, 0).unwrap();
    let one = Printed::parse_amount("1", 0).unwrap();
    match check_ratio(rate, one, one) {
        Ok(Some(outcome)) => assert_eq!(outcome.verdict, Consistency::Inconsistent),
        Ok(None) => panic!("the whole is 1"),
        Err(err) => assert!(matches!(err, Error::Overflow { .. }), "{err}"),
    }
    let rate = Printed::new(Decimal::MAX, 0).unwrap();
    let minus = Printed::parse_amount("-1", 0).unwrap();
    assert!(check_ratio(rate, minus, one).is_err_and(|e| matches!(e, Error::Overflow { .. })));
}

#[test]
fn an_untrusted_amount_decimals_is_refused_where_the_disclosure_enters() {
    // Was: `amount_decimals + shift` wrapped in `u32` (4294967295 + 4 = 3) for a 元 figure
    // in a 万元 document, checked at 3 decimals in a release build.
    for decimals in ["4294967295", "4294967292", "28", "100"] {
        let err = serde_json::from_str::<Disclosure>(&disclosure_json(decimals, "0.12元"))
            .unwrap_err()
            .to_string();
        assert!(err.contains(decimals), "{err}");
    }
    assert!(serde_json::from_str::<Disclosure>(&disclosure_json("99999999999", "1元")).is_err());
    let ok: Disclosure = serde_json::from_str(&disclosure_json("27", "0.12元")).unwrap();
    assert_eq!(ok.amount_decimals, Disclosure::MAX_AMOUNT_DECIMALS);
}

#[test]
fn the_checker_takes_any_amount_decimals_set_in_code() {
    // The unit-slip rule (N011) built half a unit at `amount_decimals + 1` decimals.
    let mut disclosure: Disclosure = serde_json::from_str(&disclosure_json("2", "0.12元")).unwrap();
    let baseline = check(&disclosure, &Policy::default());
    assert!(baseline.findings.iter().any(|f| f.rule == "N011"));
    for decimals in [27, 28, 29, 100, u32::MAX - 3, u32::MAX] {
        disclosure.amount_decimals = decimals;
        let report = check(&disclosure, &Policy::default());
        // 0.12元 is 0.000012万元: at 27 decimals and more it vanishes in no table.
        assert!(
            !report.findings.iter().any(|f| f.rule == "N011"),
            "{decimals}"
        );
    }
}

/// Any `Decimal`: every mantissa, scale and sign.
fn any_decimal() -> impl Strategy<Value = Decimal> {
    (
        any::<u32>(),
        any::<u32>(),
        any::<u32>(),
        any::<bool>(),
        0_u32..=28,
    )
        .prop_map(|(lo, mid, hi, negative, scale)| {
            Decimal::from_parts(lo, mid, hi, negative, scale)
        })
}

/// Any figure a `Printed` documents: every `Decimal` with its decimals up to 28.
fn any_printed() -> impl Strategy<Value = Printed> {
    (any_decimal(), 0_u32..=28).prop_map(|(value, extra)| {
        Printed::new(value, value.scale().max(extra)).expect("decimals ≤ 28, at least the scale")
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// `Printed::new` takes every `Decimal` at every number of decimals from its scale to 28,
    /// and refuses more.
    #[test]
    fn printed_takes_its_whole_documented_range(value in any_decimal(), decimals in 0_u32..=40) {
        let made = Printed::new(value, decimals);
        if decimals > MAX_DECIMALS {
            prop_assert!(made.is_err());
        } else if decimals >= value.scale() {
            let p = made.unwrap();
            prop_assert_eq!(p.checked_half_unit().is_some(), decimals <= Printed::MAX_CHECKED_DECIMALS);
            let _ = (p.half_unit(), p.unit_in_last_place(), p.preimage(fiscal_cn::precision::RoundingMode::Truncate));
        }
    }

    /// The checks answer every pair of figures with a value or an error: never a panic.
    #[test]
    fn the_checks_never_panic(rate in any_printed(), a in any_printed(), b in any_printed()) {
        let _ = check_sum(a, &[b, rate]);
        let _ = check_balance(&[a, rate], &[b]);
        for outcome in [check_ratio(rate, a, b), check_growth(rate, a, b), check_growth_from_prior(rate, a, b)] {
            if let Ok(Some(outcome)) = outcome {
                prop_assert!(outcome.allowance >= Decimal::ZERO);
            }
        }
    }

    /// Checks of figures within the documented range (at most 27 decimals, ordinary sizes)
    /// always answer.
    #[test]
    fn the_checks_answer_in_range(
        m in -1_000_000_000_000_i64..1_000_000_000_000,
        n in 1_i64..1_000_000_000_000,
        decimals in 0_u32..=27,
    ) {
        let scale = decimals.min(12);
        let a = Printed::new(Decimal::new(m, scale), decimals).unwrap();
        let b = Printed::new(Decimal::new(n, scale), decimals).unwrap();
        prop_assert!(check_sum(a, &[b]).is_ok());
        let rate = Printed::parse_percent("50%").unwrap();
        prop_assert!(check_ratio(rate, a, b).is_ok());
    }

    /// The formats write exactly the decimals asked, up to 28, for every `Decimal`.
    #[test]
    fn formats_take_every_decimal_count(value in any_decimal(), decimals in any::<u32>()) {
        let text = format_fixed(value, decimals);
        let shown = text.split_once('.').map_or(0, |(_, f)| f.len());
        prop_assert_eq!(shown as u32, decimals.min(MAX_DECIMALS));
        let grouped = format_grouped(value, decimals);
        prop_assert_eq!(grouped.replace(',', ""), text);
        let amount = Amount::new(value, Unit::Yuan);
        prop_assert_eq!(amount.format_in(Unit::Yuan, decimals).is_ok(), decimals <= MAX_DECIMALS);
    }

    /// The amount parser takes every number of at most 28 significant digits, as documented.
    #[test]
    fn parse_amount_takes_every_decimal(
        mantissa in -(10_i128.pow(28) - 1)..10_i128.pow(28),
        scale in 0_u32..=28,
    ) {
        let value = Decimal::from_i128_with_scale(mantissa, scale);
        let text = value.to_string();
        let parsed = fiscal_cn::money::parse_amount(&text).unwrap();
        prop_assert_eq!(parsed.value, value);
        for min in [0, 2, 27, 28] {
            let p = Printed::parse_amount(&text, min).unwrap();
            prop_assert_eq!(p.decimals(), value.scale().max(min));
        }
        prop_assert!(Printed::parse_amount(&text, 29).is_err());
    }
}

/// A disclosure of `n` projects, each stated with an abnormal 执行率 (with no reason anywhere)
/// and with an amount, all in one section.
fn many_projects(n: usize) -> Disclosure {
    let mut statements = Vec::with_capacity(2 * n);
    for i in 0..n {
        statements.push(format!(
            r#"{{"id": "r{i}", "concept": {{"project": "项目{i}"}}, "value": {{"completion": {{"rate": "50%"}}}},
                "location": {{"section": "项目执行情况", "quote": "项目{i}预算执行率50%"}}}}"#
        ));
        statements.push(format!(
            r#"{{"id": "a{i}", "concept": {{"project": "项目{i}"}}, "value": {{"amount": "1.5万元"}},
                "location": {{"section": "项目执行情况", "quote": "项目{i}支出1.5万元"}}}}"#
        ));
    }
    let json = format!(
        r#"{{"entity": {{"name": "示例局", "year": 2024, "kind": "final_accounts"}},
            "currency": "万元", "amount_decimals": 2,
            "statements": [
              {{"id": "t", "concept": {{"expenditure": "project"}}, "value": {{"amount": "1万元"}},
                "location": {{"section": "支出", "quote": "项目支出1万元"}}}},
              {}]}}"#,
        statements.join(",")
    );
    serde_json::from_str(&json).unwrap()
}

#[test]
fn checking_many_statements_takes_linear_time() {
    // Was: the execution-rate rule (P006) read every statement's quote for each abnormal rate,
    // and the projects rule (P007) searched the projects listed so far for each statement.
    // 32 000 statements in one section took minutes; linear, about half a second in debug.
    let n = 16_000;
    let disclosure = many_projects(n);
    let started = std::time::Instant::now();
    let report = check(&disclosure, &Policy::default());
    let elapsed = started.elapsed();
    assert_eq!(
        report.findings.iter().filter(|f| f.rule == "P006").count(),
        n
    );
    let p007 = report.findings.iter().find(|f| f.rule == "P007").unwrap();
    assert_eq!(p007.involves.len(), n + 1);
    assert!(
        elapsed.as_secs() < 20,
        "{n} statements checked in {elapsed:?}"
    );
}

#[test]
fn a_table_that_repeats_a_column_renders_each_column_once() {
    // Was: every repeat printed again in every row, rows × repeats cells (quadratic text from
    // a linear file).
    use fiscal_cn::report::{Column, Line, Row, RowKey, Table, TableKind};
    let mut table = Table::new(TableKind::Expenditure, Unit::WanYuan);
    table.columns = [Column::Total, Column::Basic]
        .into_iter()
        .cycle()
        .take(4000)
        .collect();
    for i in 0..500 {
        table.rows.push(
            Row::new(RowKey::Line(Line::Total), format!("行{i}"))
                .with(Column::Total, Decimal::new(i, 2))
                .with(Column::Basic, Decimal::new(i, 2)),
        );
    }
    let text = table.render();
    assert!(text.len() < 40_000, "{} bytes", text.len());
    let header = text.lines().nth(1).unwrap();
    assert_eq!(header.matches("合计").count(), 1, "{header}");
}

#[test]
fn self_evaluation_weights_at_the_limits_of_decimal_are_checked_without_panic() {
    // Found by the fuzz smoke test: an indicator weighted −79228162514264337593543950335 made
    // P003's `Σ weights − 100` overflow.
    let seed = include_str!("../fuzz/seeds/disclosure/self_evaluation.json");
    let mut disclosure: Disclosure = serde_json::from_str(seed).unwrap();
    let form = &mut disclosure.project_evaluations[0];
    let last = form.indicators.len() - 1;
    form.indicators[last].weight = Decimal::MIN;
    let report = check(&disclosure, &Policy::default());
    let p003 = report.findings.iter().find(|f| f.rule == "P003").unwrap();
    assert!(
        p003.message()
            .contains("共 -79228162514264337593543950245 分"),
        "{}",
        p003.message()
    );
    // Weights whose sum no `Decimal` holds are not 100 either.
    let form = &mut disclosure.project_evaluations[0];
    form.indicators[0].weight = Decimal::MIN;
    let report = check(&disclosure, &Policy::default());
    let p003 = report.findings.iter().find(|f| f.rule == "P003").unwrap();
    assert!(
        p003.message().contains("超出数值范围"),
        "{}",
        p003.message()
    );
    // Stated scores far beyond their weights (P004) too.
    let form = &mut disclosure.project_evaluations[0];
    form.indicators[last].weight = Decimal::MIN;
    form.indicators[0].stated_score = Some(Decimal::MAX);
    let _ = check(&disclosure, &Policy::default());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    /// The scorers and metrics take every `Decimal` they document (any amount, any weight)
    /// and answer with a value or an error: never a panic.
    #[test]
    fn scorers_and_metrics_take_every_decimal(
        a in any_decimal(),
        b in any_decimal(),
        c in any_decimal(),
        applicable in proptest::collection::vec(any::<bool>(), 3),
    ) {
        use fiscal_cn::{metrics::{change, completion_rate, growth_rate, per_capita, share}, performance::{EqualTargetRule, QualitativeOutcome, execution_rate, rescale_weights, score_at_least, score_at_most, score_equal, score_execution, score_qualitative}};
        let _ = (share(a, b), change(a, b), growth_rate(a, b), completion_rate(a, b));
        let _ = (per_capita(a, 0), per_capita(a, u64::MAX), execution_rate(a, b));
        let _ = (score_at_least(a, b, c), score_at_most(a, b, c), score_execution(a, b, c));
        for rule in [EqualTargetRule::ProportionalDeviation, EqualTargetRule::ExactOnly] {
            let _ = score_equal(a, b, c, rule);
        }
        let _ = score_qualitative(QualitativeOutcome::Achieved, a, Some(b));
        let _ = score_qualitative(QualitativeOutcome::Achieved, a, None);
        let weights: Vec<(Decimal, bool)> = [a, b, c].into_iter().zip(applicable).collect();
        if let Ok(rescaled) = rescale_weights(&weights) {
            prop_assert_eq!(rescaled.len(), 3);
        }
        // Scores of a nonnegative weight lie within [0, weight] when they exist.
        if c >= Decimal::ZERO
            && let Ok(score) = score_at_least(a, b, c)
        {
            prop_assert!(score >= Decimal::ZERO && score <= c, "{score} of {c}");
        }
    }
}

/// `n` statements about one concept and one count, in two sections, of the kinds that the
/// narrative rules look for near each other: completion rates with one zero budget after
/// them all, growth rates with no change, prior-year amounts, and counts stated alike with
/// one different at the end.
fn many_statements_about_one_concept(n: usize) -> Disclosure {
    use fiscal_cn::report::{
        Concept, Countable, Direction, DisclosureKind, Entity, Location, Statement,
    };
    use fiscal_cn::{money::Percent, report::StatedValue};
    let at = |i: usize| Location::new(format!("第{}部分", i % 2), format!("第{i}句"));
    let rate: Percent = "95%".parse().unwrap();
    let amount: Amount = "1万元".parse().unwrap();
    let mut d = Disclosure::new(Entity::new("示例局", 2024, DisclosureKind::FinalAccounts));
    for i in 0..n {
        let concept = Concept::OperatingFunds;
        let completion = StatedValue::Completion { rate };
        d.statements
            .push(Statement::new(concept.clone(), completion, at(i)));
        let growth = StatedValue::Growth {
            rate,
            direction: Direction::Increase,
        };
        d.statements
            .push(Statement::new(concept.clone(), growth, at(i)));
        let mut prior = Statement::new(concept, StatedValue::Amount(amount), at(i));
        prior.year = Some(2000 + (i % 20) as u16);
        d.statements.push(prior);
        let count = Concept::Count(Countable::Projects);
        d.statements
            .push(Statement::new(count, StatedValue::Count(7), at(i)));
    }
    let zero: Amount = "0万元".parse().unwrap();
    d.statements.push(Statement::new(
        Concept::OperatingFunds,
        StatedValue::Budget(zero),
        at(n),
    ));
    d.statements.push(Statement::new(
        Concept::Count(fiscal_cn::report::Countable::Projects),
        StatedValue::Count(8),
        at(n),
    ));
    d
}

#[test]
fn many_statements_about_one_concept_are_checked_by_look_ups_not_scans() {
    // Was: each completion rate scanned the concept's statements for a budget, each growth
    // rate for a change, each amount for an earlier one and each count for an earlier other
    // count: quadratic in the statements about one concept. The findings are what they were
    // (the look-ups answer as the scans did); the time is in `benches/narrative.rs`.
    let n = 5_000;
    let report = check(&many_statements_about_one_concept(n), &Policy::default());
    let count = |rule: &str| report.findings.iter().filter(|f| f.rule == rule).count();
    // Every completion rate meets the zero budget stated after them all.
    assert_eq!(count("N007"), n);
    assert_eq!(count("N005"), 0);
    // Only the last count differs from the first.
    assert_eq!(count("N009"), 1);
    // Prior-year amounts of one year agree; no change is stated for a growth rate.
    assert_eq!(count("N002"), 0);
    assert_eq!(count("N004"), 0);
}

/// The narrative `某局2024年度部门决算说明` with one section of `n` figures `figure`, joined
/// by `separator` in one sentence.
fn many_figures(n: usize, figure: &str, separator: &str) -> String {
    let mut text = String::from("某局2024年度部门决算说明\n一、收入决算情况说明\n");
    for _ in 0..n {
        text.push_str(figure);
        text.push_str(separator);
    }
    text.push_str("。\n");
    text
}

/// The bytes of every statement's and every unread sentence's quote.
fn quoted_bytes(text: &str) -> usize {
    let reading = fiscal_cn::narrative::read_narrative(text, &Default::default()).unwrap();
    let statements: usize = reading
        .disclosure
        .statements
        .iter()
        .map(|s| s.location.quote.len())
        .sum();
    statements + reading.unparsed.iter().map(|u| u.text.len()).sum::<usize>()
}

#[test]
fn the_quotes_of_a_clause_of_many_figures_grow_with_the_text() {
    // Was: each figure's statement quoted its whole clause, so a clause of n figures kept n
    // copies of itself (112 KB of text took 1.76 GB). A long clause is now quoted around
    // each figure: the quotes grow as the text does, and each shows its figure.
    for (figure, separator) in [
        ("其他收入1万元", ""),
        ("其他收入1万元", "\n"),
        // One sentence of n clauses.
        ("其他收入1万元", "，"),
        // Figures that cannot be read keep their quote among the unread sentences.
        ("某某1万元", ""),
    ] {
        let small = many_figures(400, figure, separator);
        let large = many_figures(1_600, figure, separator);
        let (q_small, q_large) = (quoted_bytes(&small), quoted_bytes(&large));
        assert!(q_small > 0, "{figure:?}");
        // Four times the text: about four times the quotes (n² would be sixteen).
        assert!(q_large <= 5 * q_small, "{figure:?}: {q_small} → {q_large}");
        assert!(
            q_large <= 40 * large.len(),
            "{figure:?}: {q_large} bytes of quotes for {} of text",
            large.len()
        );
    }
    let reading = fiscal_cn::narrative::read_narrative(
        &many_figures(1_000, "其他收入1万元", ""),
        &Default::default(),
    )
    .unwrap();
    assert_eq!(reading.disclosure.statements.len(), 1_000);
    for s in &reading.disclosure.statements {
        assert!(s.location.quote.contains("1万元"), "{}", s.location.quote);
        assert!(s.location.quote.chars().count() <= 2 * 60 + 8);
    }
    // A clause of ordinary length is quoted whole, by each of its figures.
    let reading = fiscal_cn::narrative::read_narrative(
        &many_figures(3, "其他收入1万元", ""),
        &Default::default(),
    )
    .unwrap();
    for s in &reading.disclosure.statements {
        assert_eq!(s.location.quote, "其他收入1万元其他收入1万元其他收入1万元");
    }
}

/// A disclosure of one 项目支出 table: `rows` projects, and one more whose key and name are
/// `long` characters.
fn projects_with_one_long_name(rows: usize, long: usize) -> Disclosure {
    use fiscal_cn::report::{Column, DisclosureKind, Entity, Row, RowKey, Table, TableKind};
    let mut d = Disclosure::new(Entity::new("示例局", 2024, DisclosureKind::FinalAccounts));
    let mut table = Table::new(TableKind::ProjectExpenditure, Unit::WanYuan);
    table.columns = vec![Column::Total];
    for i in 0..rows {
        table.rows.push(
            Row::new(RowKey::Project(format!("项目{i}")), "").with(Column::Total, dec("1.00")),
        );
    }
    let name = "长".repeat(long);
    table
        .rows
        .push(Row::new(RowKey::Project(name.clone()), name));
    d.tables.push(table);
    d
}

#[test]
fn one_long_name_does_not_pad_every_row_of_a_consolidated_table() {
    // Was: a column was as wide as its widest cell, so one name of n characters padded every
    // row to n: rows × n bytes of text. The consolidate target, rendering what it
    // consolidated, grew past 2 GB on a 750 KB array of two reports
    // (`fuzz/regressions/consolidate/render-long-name.json`).
    let small = projects_with_one_long_name(100, 20_000);
    let large = projects_with_one_long_name(100, 80_000);
    let many = projects_with_one_long_name(400, 20_000);
    let size = |d: &Disclosure| {
        let merged =
            fiscal_cn::report::consolidate_disclosures(d.entity.clone(), std::slice::from_ref(d))
                .unwrap();
        let text = merged.tables[0].render();
        // The long cells are printed whole, once each.
        assert!(text.contains(&"长".repeat(1_000)));
        text.len()
    };
    let (s, l, m) = (size(&small), size(&large), size(&many));
    // Four times the long name: about four times the text (not rows × its width); four
    // times the rows: a few kilobytes more, not four times the long name per row.
    assert!(l <= 5 * s, "{s} → {l}");
    assert!(m <= s + 400 * 300, "{s} → {m}");
    assert!(s <= 3 * 2 * 3 * 20_000 + 100 * 300, "{s}");
}

#[test]
fn many_three_public_tables_are_searched_once_per_line_not_per_statement() {
    // Was: each completion rate of a 三公 line without a budget of its own searched every
    // 三公 table for one, and finding a table that is not the first of its kind scanned the
    // tables: statements × tables², for a JSON of thousands of small tables.
    use fiscal_cn::{
        money::Percent,
        report::{
            Column, Concept, DisclosureKind, Entity, Location, Row, RowKey, StatedValue, Statement,
            Table, TableKind,
        },
        three_public::ThreePublicItem,
    };
    let (tables, statements) = (2_000, 2_000);
    let item = ThreePublicItem::VehiclePurchase;
    let mut d = Disclosure::new(Entity::new("示例局", 2024, DisclosureKind::FinalAccounts));
    for _ in 0..tables {
        d.tables
            .push(Table::new(TableKind::ThreePublic, Unit::WanYuan));
    }
    // Only the last prints the line's budget: 0.
    d.tables.last_mut().unwrap().rows.push(
        Row::new(RowKey::ThreePublicItem(item), "公务用车购置费").with(Column::Budget, dec("0")),
    );
    let rate: Percent = "95%".parse().unwrap();
    for i in 0..statements {
        d.statements.push(Statement::new(
            Concept::ThreePublicItem(item),
            StatedValue::Completion { rate },
            Location::new("三公", format!("第{i}句")),
        ));
    }
    let report = check(&d, &Policy::default());
    // Every rate meets the zero budget of the last table.
    let n007 = report.findings.iter().filter(|f| f.rule == "N007").count();
    assert_eq!(n007, statements);
}

#[test]
fn many_stated_function_codes_are_summed_by_looking_up_children() {
    // Was: each stated 功能分类 code searched every code stated for its children, and every
    // code stated for itself: quadratic in the codes a narrative states. 30 类, 300 款 and
    // 3,000 项, each the sum of its children, except 款 20101 (9 for items of 10) and 类 201
    // (98 for 款 of 99): lines stated are within their parent, and these two are exceeded.
    use fiscal_cn::{
        dimensions::FundType,
        report::{Concept, DisclosureKind, Entity, Location, StatedValue, Statement},
    };
    let mut d = Disclosure::new(Entity::new("示例局", 2024, DisclosureKind::FinalAccounts));
    let mut push = |code: u32, amount: &str| {
        d.statements.push(Statement::new(
            Concept::FundFunctionExpenditure {
                fund: FundType::GeneralPublicBudget,
                code: code.to_string().parse().unwrap(),
            },
            StatedValue::Amount(amount.parse().unwrap()),
            Location::new("一般公共预算财政拨款支出", format!("{code}")),
        ));
    };
    for lei in 201..231 {
        push(lei, if lei == 201 { "98万元" } else { "100万元" });
        for kuan in 1..=10 {
            let kuan = lei * 100 + kuan;
            push(kuan, if kuan == 20101 { "9万元" } else { "10万元" });
            for xiang in 1..=10 {
                push(kuan * 100 + xiang, "1万元");
            }
        }
    }
    let report = check(&d, &Policy::default());
    let n008: Vec<String> = report
        .findings
        .iter()
        .filter(|f| f.rule == "N008")
        .map(|f| f.message().into_owned())
        .collect();
    assert_eq!(n008.len(), 2, "{n008:#?}");
    assert!(n008.iter().any(|m| m.contains("（201）：")), "{n008:#?}");
    assert!(n008.iter().any(|m| m.contains("（20101）：")), "{n008:#?}");
}

/// A loose word for a total (`收入总额`) is matched to the stated total nearest to it in 元: a
/// figure too large to convert to 元 is near nothing, not a multiplication that overflows
/// (found by the `narrative` fuzz target).
#[test]
fn a_loose_total_too_large_for_yuan_is_read_without_overflow() {
    let text = "某局2024年度部门决算说明\n一、收入决算情况说明\n\
                本年收入合计775.37万元。收入总额9999999999999999999999999999亿元。";
    let reading =
        fiscal_cn::narrative::read_narrative(text, &Default::default()).expect("the text reads");
    let total = reading
        .disclosure
        .statements
        .iter()
        .find(|s| s.location.quote.contains("775.37"))
        .expect("the stated total is read");
    assert_eq!(
        total.concept,
        fiscal_cn::report::Concept::CurrentIncomeTotal
    );
}

/// A department's name opening with a conjunction (`与示例局`, as a mangled title gives it)
/// has no variant joined by another conjunction: looking for one found the empty words before
/// the conjunction at the same place forever (a hang found by the `narrative` fuzz target).
#[test]
fn a_name_opening_with_a_conjunction_is_read_in_bounded_time() {
    let text = "与示例局和单位2024年度部门决算说明\n一、收入决算情况说明\n本年收入合计775.37万元，与示例局及单位相同。";
    let reading =
        fiscal_cn::narrative::read_narrative(text, &Default::default()).expect("the text reads");
    assert!(
        reading
            .disclosure
            .statements
            .iter()
            .any(|s| s.location.quote.contains("775.37"))
    );
}
