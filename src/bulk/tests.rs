use crate::error::Operation;
use std::collections::BTreeMap;

use proptest::prelude::*;

use super::*;
use crate::ledger::generate_ledger;

fn item(unit: u32, code: u32, cents: i64) -> ExpenditureItem {
    ExpenditureItem {
        unit: UnitId(unit),
        function: FunctionCode::from_u32(code).unwrap(),
        economic: None,
        kind: ExpenditureKind::Business,
        source: IncomeSource::BusinessRevenue,
        amount: Decimal::new(cents, 2),
    }
}

fn assert_same_as_decimal_path(ledger: &Ledger, threads: usize) {
    let bulk = BulkLedger::from_ledger(ledger)
        .unwrap()
        .with_threads(threads);
    assert_eq!(bulk.rollup().unwrap(), ledger.rollup().unwrap());
    assert_eq!(bulk.total().unwrap(), ledger.rollup().unwrap().total());
    assert_eq!(
        bulk.by_unit().unwrap(),
        ledger.expenditure_by_unit().unwrap()
    );
    assert_eq!(
        bulk.by_source().unwrap(),
        ledger.expenditure_by_source().unwrap()
    );
    assert_eq!(
        bulk.by_kind().unwrap(),
        ledger.expenditure_by_kind().unwrap()
    );
    assert_eq!(
        bulk.by_economic().unwrap(),
        ledger.expenditure_by_economic().unwrap()
    );
    assert_eq!(
        bulk.by_fund_type().unwrap(),
        ledger.expenditure_by_fund_type().unwrap()
    );
    assert_eq!(bulk.to_items(), ledger.expenditures());
    assert_eq!(
        bulk.to_ledger().unwrap().expenditures(),
        ledger.expenditures()
    );
}

#[test]
fn a_line_takes_at_most_24_bytes() {
    assert_eq!(BulkLedger::BYTES_PER_ITEM, 17);
    const { assert!(BulkLedger::BYTES_PER_ITEM <= 24) };
    let mut bulk = BulkLedger::from_ledger(&generate_ledger(1, 50, 20_000)).unwrap();
    bulk.shrink_to_fit();
    // Columns plus interning tables, measured.
    let per_item = bulk.heap_bytes() as f64 / bulk.len() as f64;
    assert!(per_item <= 24.0, "{per_item} bytes per line");
}

#[test]
fn cents_are_exact_and_out_of_range_is_an_error() {
    assert_eq!(to_cents(12345, 2, 0), Ok(12345));
    assert_eq!(to_cents(125, 1, 4), Ok(12_500_000)); // 12.5 万元
    assert_eq!(to_cents(1, 6, 4), Ok(1));
    assert_eq!(to_cents(1, 7, 4), Err(CentsError::TooPrecise));
    assert_eq!(to_cents(1500, 3, 0), Ok(150));
    assert_eq!(to_cents(1, 3, 0), Err(CentsError::TooPrecise));
    assert_eq!(to_cents(0, 60, 0), Ok(0));
    assert_eq!(to_cents(1, 60, 0), Err(CentsError::TooPrecise));
    assert_eq!(to_cents(i128::from(i64::MAX), 2, 0), Ok(i64::MAX));
    assert_eq!(
        to_cents(i128::from(i64::MAX), 1, 0),
        Err(CentsError::Overflow)
    );
    assert_eq!(to_cents(i128::MAX, 0, 8), Err(CentsError::Overflow));
    assert!(matches!(
        cents_of(Decimal::MAX),
        Err(Error::Overflow { .. })
    ));
    let err = cents_of(Decimal::new(1005, 3)).unwrap_err().to_string();
    assert!(err.contains("1.005") && err.contains("2 位小数"), "{err}");
}

#[test]
fn sums_beyond_decimal_are_overflow_not_wraps() {
    assert!(matches!(
        to_decimal(i128::MAX, Operation::BulkSum),
        Err(Error::Overflow { .. })
    ));
    assert!(matches!(
        to_decimal(1 << 96, Operation::BulkSum),
        Err(Error::Overflow { .. })
    ));
    assert_eq!(
        to_decimal((1 << 96) - 1, Operation::BulkSum)
            .unwrap()
            .mantissa(),
        (1 << 96) - 1
    );
    let huge = [(2013201, 1_i128 << 95), (2013202, 1 << 95)];
    assert!(matches!(rollup_of(huge), Err(Error::Overflow { .. })));
    let too_big = [(2013201, i128::MAX), (2013202, i128::MAX)];
    assert!(matches!(rollup_of(too_big), Err(Error::Overflow { .. })));
}

#[test]
fn groups_summing_to_zero_are_still_reported() {
    let lines = [item(1, 2013201, 5), item(2, 2013201, -5)];
    let ledger = Ledger::new(lines.to_vec(), vec![], vec![]).unwrap();
    assert_same_as_decimal_path(&ledger, 1);
    let bulk = BulkLedger::from_items(&lines).unwrap();
    assert_eq!(bulk.by_kind().unwrap().len(), 1);
    assert_eq!(bulk.rollup().unwrap().by_code.len(), 3);
}

#[test]
fn a_full_code_table_is_an_error_and_adds_nothing() {
    let mut bulk = BulkLedger::new();
    for i in 0..MAX_DISTINCT_CODES as u32 {
        bulk.push(&item(1, 1_000_000 + i, 1)).unwrap();
    }
    let err = bulk.push(&item(1, 9_999_999, 1)).unwrap_err();
    let Error::Ledger { problems } = &err else {
        panic!("{err:?}")
    };
    assert_eq!(
        (problems[0].line, &problems[0].reason),
        (
            65537,
            &LedgerReason::Full {
                what: Distinct::FunctionCodes
            }
        )
    );
    let err = err.to_string();
    assert!(
        err.contains("65536") && err.contains("第 65537 行"),
        "{err}"
    );
    assert_eq!(bulk.len(), MAX_DISTINCT_CODES);
    bulk.push(&item(2, 1_000_000, 1)).unwrap();
    assert_eq!(bulk.unit_count(), 2);
    let mut other = BulkLedger::new();
    other.push(&item(1, 9_999_999, 1)).unwrap();
    assert!(bulk.append(&other).is_err());
    assert_eq!(bulk.len(), MAX_DISTINCT_CODES + 1);
}

#[test]
fn invalid_lines_are_rejected_like_the_ledger_does() {
    let mut bad = item(1, 2013201, 1);
    bad.kind = ExpenditureKind::Business;
    bad.source = IncomeSource::GeneralBudgetAppropriation;
    let err = BulkLedger::from_items(&[item(1, 2013201, 1), bad]).unwrap_err();
    let expected = Ledger::new(vec![item(1, 2013201, 1), bad], vec![], vec![]).unwrap_err();
    assert_eq!(err, expected);
}

#[test]
fn chunks_cover_every_row_once() {
    for len in [0, 1, 7, 8, 100, 1001] {
        for threads in [1, 2, 3, 16] {
            let ranges = crate::parallel::chunks(len, threads, 8);
            let covered: Vec<usize> = ranges.iter().flat_map(|r| r.clone()).collect();
            assert_eq!(covered, (0..len).collect::<Vec<_>>());
            assert!(ranges.len() <= threads.max(1));
        }
    }
}

fn hierarchy(units: u32, per_department: u32) -> UnitHierarchy {
    let mut h = UnitHierarchy::new();
    for unit in 1..=units {
        let department = DepartmentId(1 + (unit - 1) / per_department);
        h.add_unit(UnitId(unit), department);
        h.add_department(department, RegionId(department.0 % 2));
    }
    h
}

fn consolidation_by_decimal_path(ledger: &Ledger, h: &UnitHierarchy) -> Consolidation {
    let mut departments: BTreeMap<DepartmentId, Vec<ExpenditureItem>> = BTreeMap::new();
    let mut regions: BTreeMap<RegionId, Vec<ExpenditureItem>> = BTreeMap::new();
    for i in ledger.expenditures() {
        let d = h.department_of(i.unit).unwrap();
        departments.entry(d).or_default().push(*i);
        regions.entry(h.region_of(d).unwrap()).or_default().push(*i);
    }
    let roll = |items: Vec<ExpenditureItem>| {
        crate::ledger::rollup(items.iter().map(|i| (i.function, i.amount))).unwrap()
    };
    Consolidation {
        departments: departments.into_iter().map(|(k, v)| (k, roll(v))).collect(),
        regions: regions.into_iter().map(|(k, v)| (k, roll(v))).collect(),
    }
}

#[test]
fn consolidation_needs_every_unit_and_department_placed() {
    let bulk = BulkLedger::from_ledger(&generate_ledger(1, 5, 100)).unwrap();
    let mut h = hierarchy(4, 2);
    let err = bulk.consolidate(&h).unwrap_err().to_string();
    assert!(err.contains("单位5"), "{err}");
    h.add_unit(UnitId(5), DepartmentId(99));
    let err = bulk.consolidate(&h).unwrap_err().to_string();
    assert!(err.contains("部门99"), "{err}");
    h.add_department(DepartmentId(99), RegionId(0));
    assert!(bulk.consolidate(&h).is_ok());
}

#[test]
fn sparse_consolidation_equals_dense() {
    // More (department × 项) cells than the dense limit: one unit per department.
    let units = 30_000;
    let lines: Vec<ExpenditureItem> = (0..units)
        .map(|u| item(u + 1, 2013201 + (u % 150), i64::from(u) - 100))
        .collect();
    let ledger = Ledger::new(lines.clone(), vec![], vec![]).unwrap();
    let h = hierarchy(units, 1);
    let bulk = BulkLedger::from_items(&lines).unwrap();
    assert!(bulk.units.keys.len() * bulk.functions.keys.len() > super::hierarchy::MAX_DENSE_CELLS);
    assert_eq!(
        bulk.consolidate(&h).unwrap(),
        consolidation_by_decimal_path(&ledger, &h)
    );
}

fn amounts() -> impl Strategy<Value = i64> {
    prop_oneof![
        -100_000_i64..100_000,
        any::<i64>().prop_map(|c| c / 1_000_000),
        Just(0),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn bulk_equals_the_decimal_path(seed in any::<u64>(), units in 1_usize..20, items in 0_usize..400, threads in 1_usize..5) {
        assert_same_as_decimal_path(&generate_ledger(seed, units, items), threads);
    }

    #[test]
    fn bulk_equals_the_decimal_path_for_any_amounts(
        lines in prop::collection::vec((1_u32..6, 0_u32..12, amounts()), 0..200),
        threads in 1_usize..4,
    ) {
        let items: Vec<ExpenditureItem> = lines
            .iter()
            .map(|&(u, c, cents)| item(u, [2013201, 2013202, 2013299, 2080501, 2130101, 2050101][c as usize % 6] + c / 6, cents))
            .collect();
        let ledger = Ledger::new(items, vec![], vec![]).unwrap();
        assert_same_as_decimal_path(&ledger, threads);
    }

    #[test]
    fn consolidation_equals_the_decimal_path(seed in any::<u64>(), units in 1_u32..40, items in 0_usize..400, per in 1_u32..6) {
        let ledger = generate_ledger(seed, units as usize, items);
        let h = hierarchy(units, per);
        let bulk = BulkLedger::from_ledger(&ledger).unwrap().with_threads(2);
        prop_assert_eq!(bulk.consolidate(&h).unwrap(), consolidation_by_decimal_path(&ledger, &h));
    }

    #[test]
    fn appending_equals_building_from_both(a in any::<u64>(), b in any::<u64>(), n in 0_usize..200, m in 0_usize..200) {
        let (x, y) = (generate_ledger(a, 3, n), generate_ledger(b, 5, m));
        let mut bulk = BulkLedger::from_ledger(&x).unwrap();
        bulk.append(&BulkLedger::from_ledger(&y).unwrap()).unwrap();
        let both = [x.expenditures(), y.expenditures()].concat();
        prop_assert_eq!(&bulk, &BulkLedger::from_items(&both).unwrap());
        prop_assert_eq!(bulk.rollup().unwrap(), crate::ledger::consolidate([&x, &y]).unwrap().rollup().unwrap());
    }

    #[test]
    fn interner_ids_equal_a_plain_map(keys in prop::collection::vec(prop_oneof![0_u32..64, 0_u32..5_000, any::<u32>()], 0..600)) {
        let mut interner = Interner::default();
        let mut plain: BTreeMap<u32, usize> = BTreeMap::new();
        for &k in &keys {
            let next = plain.len();
            let expected = *plain.entry(k).or_insert(next);
            prop_assert_eq!(interner.intern(k), expected);
        }
        for &k in &keys {
            prop_assert_eq!(interner.get(k), plain.get(&k).copied());
        }
        prop_assert_eq!(interner.get(u32::MAX - 1), plain.get(&(u32::MAX - 1)).copied());
        prop_assert_eq!(interner.keys.len(), plain.len());
    }

    #[cfg(feature = "csv")]
    #[test]
    fn concat_equals_appending_one_by_one(seeds in prop::collection::vec(any::<u64>(), 1..5), n in 0_usize..300, threads in 1_usize..4) {
        let parts: Vec<BulkLedger> = seeds.iter().enumerate()
            .map(|(i, &s)| BulkLedger::from_ledger(&generate_ledger(s, 2 + i * 3, n / (i + 1))).unwrap())
            .collect();
        let mut appended = parts[0].clone();
        for p in &parts[1..] {
            appended.append(p).unwrap();
        }
        let mut rest = parts;
        let first = rest.remove(0);
        let concatenated = first.concat(rest, threads).unwrap();
        prop_assert_eq!(&concatenated, &appended);
        prop_assert_eq!(concatenated.rollup().unwrap(), appended.rollup().unwrap());
        prop_assert_eq!(concatenated.by_unit().unwrap(), appended.by_unit().unwrap());
    }

    #[test]
    fn overflow_is_detected_never_wrapped(mantissa in any::<i128>(), scale in 0_u32..=28) {
        let Ok(amount) = Decimal::try_from_i128_with_scale(mantissa, scale) else { return Ok(()); };
        let line = ExpenditureItem { amount, ..item(1, 2013201, 0) };
        let exact_cents = amount.checked_mul(Decimal::ONE_HUNDRED);
        match BulkLedger::from_items(&[line, line]) {
            Ok(bulk) => {
                let cents = exact_cents.unwrap();
                prop_assert!(cents.fract().is_zero());
                prop_assert!(cents.abs() <= Decimal::from(i64::MAX));
                prop_assert_eq!(bulk.total().unwrap(), amount * Decimal::TWO);
            }
            Err(Error::Overflow { .. }) => {
                prop_assert!(exact_cents.is_none_or(|c| c.abs() > Decimal::from(i64::MAX)));
            }
            Err(Error::FinerThanFen { amount: finer }) => {
                prop_assert_eq!(finer, amount);
                prop_assert!(amount.normalize().scale() > 2);
            }
            Err(other) => prop_assert!(false, "{other}"),
        }
    }
}

#[cfg(feature = "csv")]
mod csv_tests {
    use super::csv::{
        CsvOptions, IngestMode, MAX_COLUMNS, fast_amount, ingest_csv, ingest_csv_path, ingest_on,
        row_problem, scan_line, split_fields,
    };
    use super::*;
    use crate::money::{Unit, parse_amount};

    const HEADER: &str = "unit,function,economic,kind,source,amount\n";

    fn row(i: &ExpenditureItem) -> String {
        let economic = i.economic.map(|c| c.to_string()).unwrap_or_default();
        format!(
            "{},{},{economic},{},{},{}\n",
            i.unit.0, i.function, i.kind, i.source, i.amount
        )
    }

    const SKIP: CsvOptions = CsvOptions {
        unit: Unit::Yuan,
        mode: IngestMode::SkipAndReport,
    };

    #[test]
    fn chinese_headers_any_order_quotes_crlf_and_wan_yuan() {
        let text = "\u{feff}金额,单位,功能分类,支出类型,资金来源\r\n\
                    \"1,234.5\",7,2013201,经营支出,经营收入\r\n\
                    \r\n\
                    0.000001, 单位8 ,2013202,项目支出,事业收入\r\n\
                    3元,9,2013299,项目支出,其他收入";
        let options = CsvOptions {
            unit: Unit::WanYuan,
            mode: IngestMode::FailFast,
        };
        let ingest = ingest_on(text.as_bytes(), options, 1).unwrap();
        assert!(ingest.rejected.is_empty());
        let items = ingest.ledger.to_items();
        assert_eq!(items.len(), 3);
        assert_eq!(items[0].amount, Decimal::new(1_234_500_000, 2));
        assert_eq!(items[1].amount, Decimal::new(1, 2));
        assert_eq!(items[1].unit, UnitId(8));
        assert_eq!(items[2].amount, Decimal::new(300, 2));
    }

    #[test]
    fn header_problems_are_errors_in_either_mode() {
        use crate::{CsvHeaderProblem as P, RowRejection};
        for (header, problem) in [
            ("unit,function,kind,source\n", P::MissingColumn("金额")),
            (
                "unit,function,kind,source,amount,amount\n",
                P::DuplicateColumn("amount".to_owned()),
            ),
            (
                "unit,function,kind,source,amount,color\n",
                P::UnknownColumn("color".to_owned()),
            ),
            (
                "unit,function,kind,source,金额（万元）\n",
                P::UnitDisagrees {
                    stated: "万元",
                    given: "元",
                },
            ),
            (
                "unit,\"function,kind\n",
                P::Fields(RowRejection::UnclosedQuote { field: 2 }),
            ),
            ("", P::UnknownColumn(String::new())),
        ] {
            let err = ingest_on(header.as_bytes(), SKIP, 1).unwrap_err();
            assert!(err.to_string().starts_with("CSV 表头"), "{err}");
            assert_eq!(err, Error::CsvHeader { problem }, "{header}");
        }
    }

    #[test]
    fn every_bad_row_is_reported_with_its_line() {
        let good = row(&item(1, 2013201, 150));
        let text = format!(
            "{HEADER}{good}x,2013201,,经营支出,经营收入,1\n{good}1,20132,,经营支出,经营收入,1\n\
             1,2013201,,经营支出,经营收入,1e5\n1,2013201,30101,基本支出,一般公共预算财政拨款收入\n\
             1,2013201,,经营支出,经营收入,0.001\n1,2013201,,经营支出,经营收入,\"1\"2\n\
             1,2013201,,经营支出,一般公共预算财政拨款收入,1\n1,2013201,,经营支出,经营收入,99999999999999999\n\
             1,2013201,,经营支出,经营收入,\"1\n1,2013201,,支出,经营收入,1\n{good}"
        );
        let ingest = ingest_on(text.as_bytes(), SKIP, 1).unwrap();
        let lines: Vec<usize> = ingest.rejected.iter().map(|r| r.line).collect();
        assert_eq!(lines, [3, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
        assert_eq!(ingest.ledger.len(), 3);
        let reasons: Vec<String> = ingest
            .rejected
            .iter()
            .map(|r| r.reason.to_string())
            .collect();
        for (reason, expected) in reasons.iter().zip([
            "单位",
            "项级",
            "金额格式错误",
            "字段",
            "精度超过分",
            "引号",
            "财政拨款",
            "超出",
            "引号",
            "支出类型",
        ]) {
            assert!(reason.contains(expected), "{reason} lacks {expected}");
        }
        use crate::RowRejection as R;
        let reason = |i: usize| &ingest.rejected[i].reason;
        let owned = |t: &str| t.to_owned();
        assert_eq!(reason(0), &R::BadUnit { text: owned("x") });
        let code = |c: u32| crate::classification::FunctionCode::from_u32(c).unwrap();
        assert_eq!(
            reason(1),
            &R::LedgerRule {
                reason: LedgerReason::FunctionNotXiang { code: code(20132) }
            }
        );
        // The parser's own error, kept to match on and as the source.
        let R::BadField { error } = reason(2) else {
            panic!("{:?}", reason(2))
        };
        assert!(
            matches!(error.error(), Some(Error::InvalidAmount { input, .. }) if input == "1e5"),
            "{error:?}"
        );
        assert_eq!(
            std::error::Error::source(reason(2)).map(ToString::to_string),
            Some(error.to_string())
        );
        assert_eq!(
            reason(3),
            &R::FieldCount {
                found: 5,
                header: 6
            }
        );
        assert_eq!(
            reason(4),
            &R::FinerThanFen {
                text: owned("0.001")
            }
        );
        assert_eq!(reason(5), &R::TextAfterQuote { field: 6 });
        assert_eq!(
            reason(6),
            &R::LedgerRule {
                reason: LedgerReason::AppropriationForKind {
                    spent_on: ExpenditureKind::Business
                }
            }
        );
        let huge = owned("99999999999999999");
        assert_eq!(reason(7), &R::AmountOutOfRange { text: huge });
        assert_eq!(reason(8), &R::UnclosedQuote { field: 6 });
        let R::BadField { error } = reason(9) else {
            panic!("{:?}", reason(9))
        };
        assert!(
            matches!(error.error(), Some(Error::UnknownName { kind: "支出类型", input }) if input == "支出"),
            "{error:?}"
        );
        let err = ingest_on(text.as_bytes(), CsvOptions::default(), 1).unwrap_err();
        assert!(err.to_string().starts_with("CSV 第 3 行无效"), "{err}");
        assert_eq!(
            err,
            Error::CsvLine {
                line: 3,
                reason: R::BadUnit { text: owned("x") }
            }
        );
    }

    fn csv_of(items: &[ExpenditureItem], bad: &[bool]) -> String {
        let mut text = HEADER.to_owned();
        for (i, b) in items.iter().zip(bad) {
            if *b {
                text.push_str("1,2013201,,经营支出,经营收入,1.2.3\n");
            } else {
                text.push_str(&row(i));
            }
        }
        text
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]

        #[test]
        fn ingest_reads_back_what_was_written_and_reports_every_bad_row(
            seed in any::<u64>(),
            items in 0_usize..300,
            bad in prop::collection::vec(prop::bool::weighted(0.1), 300),
            threads in 1_usize..4,
        ) {
            let ledger = generate_ledger(seed, 4, items);
            let text = csv_of(ledger.expenditures(), &bad);
            let ingest = ingest_on(text.as_bytes(), SKIP, threads).unwrap();
            let expected_lines: Vec<usize> =
                (0..items).filter(|&i| bad[i]).map(|i| i + 2).collect();
            let lines: Vec<usize> = ingest.rejected.iter().map(|r| r.line).collect();
            prop_assert_eq!(&lines, &expected_lines);
            let good: Vec<ExpenditureItem> = ledger.expenditures().iter().zip(&bad)
                .filter(|(_, b)| !**b).map(|(i, _)| *i).collect();
            prop_assert_eq!(ingest.ledger.to_items(), good);
            let strict = ingest_on(text.as_bytes(), CsvOptions::default(), threads);
            match expected_lines.first() {
                None => prop_assert!(strict.is_ok()),
                Some(line) => {
                    let err = strict.unwrap_err().to_string();
                    prop_assert!(err.starts_with(&format!("CSV 第 {line} 行")), "{}", err);
                }
            }
        }

        #[test]
        fn random_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400), threads in 1_usize..4) {
            let _ = ingest_on(&bytes, SKIP, threads);
            let mut with_header = HEADER.as_bytes().to_vec();
            with_header.extend(&bytes);
            let result = ingest_on(&with_header, SKIP, threads).unwrap();
            // Every non-empty line is either a row or a rejected row.
            let lines = with_header[HEADER.len()..]
                .split(|&b| b == b'\n')
                .filter(|l| !l.is_empty() && *l != b"\r")
                .count();
            prop_assert_eq!(result.ledger.len() + result.rejected.len(), lines);
        }

        #[test]
        fn csv_like_noise_never_panics(text in "[0-9,\"\\n\\r.\\-+ 单位万元基本项目支出经营收入]{0,300}", threads in 1_usize..4) {
            let input = format!("{HEADER}{text}");
            let _ = ingest_on(input.as_bytes(), SKIP, threads).unwrap();
        }

        #[test]
        fn reading_a_file_in_pieces_equals_reading_its_bytes(
            seed in any::<u64>(),
            items in 0_usize..120,
            bad in prop::collection::vec(prop::bool::weighted(0.1), 120),
            noise in "[0-9,\"\n\r.单位基本支出]{0,40}",
            bom in any::<bool>(),
            crlf in any::<bool>(),
            fail_fast in any::<bool>(),
        ) {
            static FILES: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
            let ledger = generate_ledger(seed, 4, items);
            let mut text = csv_of(ledger.expenditures(), &bad);
            text.push_str(&noise);
            if crlf {
                text = text.replace('\n', "\r\n");
            }
            let mut bytes = if bom { b"\xEF\xBB\xBF".to_vec() } else { vec![] };
            bytes.extend(text.as_bytes());
            let n = FILES.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            let path = std::env::temp_dir().join(format!("fiscal_cn_pieces_{}_{n}.csv", std::process::id()));
            std::fs::write(&path, &bytes).unwrap();
            let options = if fail_fast { CsvOptions::default() } else { SKIP };
            let from_file = ingest_csv_path(&path, options);
            let _ = std::fs::remove_file(&path);
            let from_bytes = ingest_csv(&bytes, options);
            match (from_file, from_bytes) {
                (Ok(a), Ok(b)) => prop_assert_eq!(a, b),
                (a, b) => prop_assert_eq!(a.map(|_| ()).unwrap_err().to_string(), b.map(|_| ()).unwrap_err().to_string()),
            }
        }

        #[test]
        fn scan_line_splits_as_split_fields_does(text in "[0-9a,\"\n\r 单]{0,120}") {
            // Every line as `split` cuts it, the fast scan against the exact definition.
            let bytes = text.as_bytes();
            let mut start = 0;
            for line in bytes.split(|&b| b == b'\n') {
                let mut fast = [&[][..]; MAX_COLUMNS];
                let (end, count) = scan_line(bytes, start, &mut fast);
                prop_assert_eq!(&bytes[start..end], line);
                let line = line.strip_suffix(b"\r").unwrap_or(line);
                let mut exact = [&[][..]; MAX_COLUMNS];
                let expected = split_fields(line, &mut exact);
                if let Some(count) = count {
                    prop_assert_eq!(Ok(count), expected);
                    prop_assert_eq!(&fast[..count], &exact[..count]);
                }
                start = end + 1;
            }
        }

        #[test]
        fn row_problem_equals_expenditure_problem(
            cents in any::<i64>(),
            kind in 0_usize..5,
            source in 0_usize..10,
            economic in prop::option::of(prop::sample::select(vec![301_u32, 30101, 30201, 31002, 39999, 50101, 9])),
            function in prop::sample::select(vec![201_u32, 20101, 2010101, 2080501, 2130101]),
        ) {
            let item = ExpenditureItem {
                unit: UnitId(1),
                function: FunctionCode::from_u32(function).unwrap(),
                economic: economic.and_then(DepartmentEconomicCode::from_u32),
                kind: ExpenditureKind::ALL[kind % ExpenditureKind::ALL.len()],
                source: IncomeSource::ALL[source % IncomeSource::ALL.len()],
                amount: Decimal::new(cents, 2),
            };
            prop_assert_eq!(
                row_problem(LineKeys::of(&item)),
                expenditure_problem(&item)
            );
        }

        #[test]
        fn fast_amount_agrees_with_parse_amount(text in "[+\\-]?[0-9]{0,20}(\\.[0-9]{0,20})?|[0-9,. +\\-]{0,12}") {
            if let Some((mantissa, scale)) = fast_amount(text.as_bytes()) {
                let printed = parse_amount(&text).unwrap();
                prop_assert_eq!(printed.unit, None);
                prop_assert_eq!(printed.value.mantissa(), i128::from(mantissa));
                prop_assert_eq!(printed.value.scale(), scale);
            }
        }
    }
}
