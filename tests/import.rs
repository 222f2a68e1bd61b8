//! The `import_transcription` example on the Putuo fixture (`peer-fa-v1`) and on small
//! hand-made files for the schema's extensions and errors.
//!
//! The committed output `examples/data/putuo_finance_bureau_2024.json` must equal a fresh
//! conversion; run with `FISCAL_CN_BLESS=1` to rewrite it after an intended change.

#[path = "../examples/import_transcription/convert.rs"]
mod convert;

use std::path::{Path, PathBuf};

use fiscal_cn::{
    Decimal,
    classification::FunctionCode,
    dimensions::{FundType, IncomeSource},
    money::Unit,
    report::{
        Claim, Column, Concept, Countable, Direction, Disclosure, FigureRef, Line, RowKey,
        StatedValue, TableKind,
    },
    three_public::{ThreePublicCategory, ThreePublicItem},
};

const OUTPUT: &str = "examples/data/putuo_finance_bureau_2024.json";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The committed copy first, so the test never depends on the sibling `shared/` checkout.
fn fixture_path() -> PathBuf {
    let copy = root().join("tests/data/putuo-finance-bureau-2024.json");
    if copy.exists() {
        copy
    } else {
        root().join("../shared/fixtures/putuo-finance-bureau-2024.json")
    }
}

fn fixture() -> convert::Conversion {
    let text = std::fs::read_to_string(fixture_path()).expect("fixture readable");
    convert::convert(&text).expect("fixture converts")
}

fn d(text: &str) -> Decimal {
    text.parse().expect("decimal literal")
}

fn statement<'a>(disclosure: &'a Disclosure, id: &str) -> &'a fiscal_cn::report::Statement {
    disclosure
        .statements
        .iter()
        .find(|s| s.id.as_deref() == Some(id))
        .unwrap_or_else(|| panic!("statement {id}"))
}

fn cell(disclosure: &Disclosure, kind: TableKind, row: RowKey, column: Column) -> Option<Decimal> {
    disclosure.table(kind)?.cell(&row, column)
}

#[test]
fn committed_output_equals_a_fresh_conversion() {
    let fresh = serde_json::to_string_pretty(&fixture().disclosure).unwrap() + "\n";
    let path = root().join(OUTPUT);
    if std::env::var_os("FISCAL_CN_BLESS").is_some_and(|v| v == "1") {
        std::fs::write(&path, &fresh).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == fresh,
        "{OUTPUT} differs from a fresh conversion; rerun with FISCAL_CN_BLESS=1 if intended"
    );
}

#[test]
fn the_committed_fixture_copy_is_the_shared_fixture() {
    let shared = root().join("../shared/fixtures/putuo-finance-bureau-2024.json");
    let copy = root().join("tests/data/putuo-finance-bureau-2024.json");
    if let (Ok(shared), Ok(copy)) = (
        std::fs::read_to_string(shared),
        std::fs::read_to_string(copy),
    ) {
        assert_eq!(shared, copy, "tests/data copy is stale");
    }
}

#[test]
fn nothing_is_unplaced_for_the_fixture() {
    let unplaced: Vec<String> = fixture().unplaced.iter().map(ToString::to_string).collect();
    assert_eq!(unplaced, Vec::<String>::new());
}

#[test]
fn output_round_trips_through_json() {
    let disclosure = fixture().disclosure;
    let json = serde_json::to_string_pretty(&disclosure).unwrap();
    let back: Disclosure = serde_json::from_str(&json).unwrap();
    assert_eq!(back, disclosure);
    assert_eq!(serde_json::to_string_pretty(&back).unwrap(), json);
    // The committed file deserializes too.
    let committed = std::fs::read_to_string(root().join(OUTPUT)).unwrap();
    let committed: Disclosure = serde_json::from_str(&committed).unwrap();
    assert_eq!(committed, disclosure);
}

#[test]
fn entity_and_tables() {
    let disclosure = fixture().disclosure;
    assert_eq!(disclosure.entity.name, "上海市普陀区财政局");
    assert_eq!(disclosure.entity.year, 2024);
    assert_eq!(disclosure.currency, Unit::WanYuan);
    let kinds: Vec<TableKind> = disclosure.tables.iter().map(|t| t.kind).collect();
    assert_eq!(
        kinds,
        [
            TableKind::Summary,
            TableKind::Income,
            TableKind::Expenditure,
            TableKind::AppropriationSummary,
            TableKind::GeneralBudgetExpenditure,
            TableKind::BasicExpenditure,
            TableKind::ThreePublic,
            TableKind::GovernmentFund,
            TableKind::StateCapital,
        ]
    );
    // 209 printed rows; T7's one row of 12 cells becomes 6 rows × 2 columns.
    let rows: usize = disclosure.tables.iter().map(|t| t.rows.len()).sum();
    assert_eq!(rows, 209 - 1 + 6);
}

#[test]
fn sample_cells_by_value() {
    let x = fixture().disclosure;
    let code = |c: &str| RowKey::Function(c.parse::<FunctionCode>().unwrap());
    use TableKind as K;
    let summary = |row| cell(&x, K::Summary, row, Column::Amount);
    assert_eq!(
        summary(RowKey::Line(Line::IncomeGrandTotal)),
        Some(d("2995.39"))
    );
    assert_eq!(
        summary(RowKey::Income(IncomeSource::GeneralBudgetAppropriation)),
        Some(d("2940.05"))
    );
    assert_eq!(
        summary(RowKey::Income(IncomeSource::Other)),
        Some(d("6.20"))
    );
    assert_eq!(summary(RowKey::Income(IncomeSource::BusinessRevenue)), None);
    assert_eq!(summary(code("208")), Some(d("326.71")));
    assert_eq!(
        summary(RowKey::Line(Line::ClosingBalance)),
        Some(d("55.34"))
    );
    assert_eq!(
        cell(
            &x,
            K::Income,
            RowKey::Line(Line::Total),
            Column::Appropriation
        ),
        Some(d("2940.05"))
    );
    assert_eq!(
        cell(&x, K::Income, code("2010602"), Column::OtherIncome),
        Some(d("6.19"))
    );
    assert_eq!(
        cell(&x, K::Expenditure, code("2010601"), Column::Project),
        Some(d("8.37"))
    );
    assert_eq!(
        cell(
            &x,
            K::AppropriationSummary,
            RowKey::FundOpeningBalance(FundType::GeneralPublicBudget),
            Column::Amount
        ),
        Some(d("21.63"))
    );
    assert_eq!(
        cell(
            &x,
            K::AppropriationSummary,
            RowKey::Line(Line::ExpenditureGrandTotal),
            Column::GeneralBudget
        ),
        Some(d("2961.68"))
    );
    assert_eq!(
        cell(
            &x,
            K::GeneralBudgetExpenditure,
            code("2010601"),
            Column::Total
        ),
        Some(d("1511.89"))
    );
    let economic = RowKey::Economic("30239".parse().unwrap());
    assert_eq!(
        cell(&x, K::BasicExpenditure, economic, Column::Amount),
        Some(d("48.49"))
    );
    assert_eq!(
        cell(
            &x,
            K::BasicExpenditure,
            RowKey::Line(Line::PersonnelTotal),
            Column::Amount
        ),
        Some(d("2152.26"))
    );
    assert_eq!(
        cell(
            &x,
            K::ThreePublic,
            RowKey::Line(Line::Total),
            Column::Budget
        ),
        Some(d("0.95"))
    );
    assert_eq!(
        cell(
            &x,
            K::ThreePublic,
            RowKey::ThreePublicCategory(ThreePublicCategory::OfficialReception),
            Column::Budget
        ),
        Some(d("0.95"))
    );
    assert_eq!(
        cell(
            &x,
            K::ThreePublic,
            RowKey::ThreePublicItem(ThreePublicItem::VehiclePurchase),
            Column::Amount
        ),
        None
    );
    // Scale is kept as printed.
    assert_eq!(
        cell(
            &x,
            K::GeneralBudgetExpenditure,
            code("2010602"),
            Column::Total
        )
        .map(|v| v.to_string()),
        Some("10.00".to_owned())
    );
}

#[test]
fn sample_statements_by_value() {
    let x = fixture().disclosure;
    assert_eq!(x.statements.len(), 79 + 3); // 79 figures + 3 headings that print the year
    let f7 = statement(&x, "f7");
    assert_eq!(f7.concept, Concept::AppropriationIncome);
    assert_eq!(
        f7.value,
        StatedValue::Share {
            rate: "99.79%".parse().unwrap(),
            of: Concept::CurrentIncomeTotal
        }
    );
    assert_eq!(f7.location.section, "二、收入决算情况说明");
    assert_eq!(f7.location.page, Some(21));
    assert!(f7.location.quote.contains("占99.79%"));

    let f8 = statement(&x, "f8");
    assert_eq!(f8.concept, Concept::Income(IncomeSource::Other));
    assert_eq!(f8.value, StatedValue::Amount("6.2万元".parse().unwrap()));

    assert_eq!(
        statement(&x, "f4").value,
        StatedValue::Growth {
            rate: "1.87%".parse().unwrap(),
            direction: Direction::Decrease
        }
    );
    assert_eq!(
        statement(&x, "f68").value,
        StatedValue::Change {
            amount: "2.55万元".parse().unwrap(),
            direction: Direction::Increase
        }
    );
    let f29 = statement(&x, "f29");
    assert_eq!(
        f29.concept,
        Concept::FundExpenditure(FundType::GeneralPublicBudget)
    );
    assert_eq!(
        f29.value,
        StatedValue::Budget("2993.92万元".parse().unwrap())
    );
    let f33 = statement(&x, "f33");
    assert_eq!(
        f33.concept,
        Concept::FundFunctionExpenditure {
            fund: FundType::GeneralPublicBudget,
            code: "2010601".parse().unwrap()
        }
    );
    assert_eq!(
        f33.value,
        StatedValue::Amount("1511.89万元".parse().unwrap())
    );
    assert_eq!(
        statement(&x, "f15").concept,
        Concept::AppropriationIncomeGrandTotal
    );
    assert_eq!(statement(&x, "f57").concept, Concept::ThreePublicTotal);
    assert_eq!(
        statement(&x, "f59").value,
        StatedValue::Completion {
            rate: "0%".parse().unwrap()
        }
    );
    assert_eq!(statement(&x, "f66").value, StatedValue::Score(d("99.43")));
    assert_eq!(statement(&x, "f67").concept, Concept::OperatingFunds);
    assert_eq!(
        statement(&x, "f78").concept,
        Concept::Count(Countable::VehiclesByUse(None))
    );
    assert_eq!(statement(&x, "f78").value, StatedValue::Count(0));
    for id in ["f1", "f77", "heading1"] {
        assert_eq!(statement(&x, id).concept, Concept::ReportYear);
        assert_eq!(statement(&x, id).value, StatedValue::Count(2024));
    }
    assert_eq!(
        statement(&x, "f63").concept,
        Concept::Other("编报绩效目标 涉及预算金额".to_owned())
    );
}

#[test]
fn relations_and_equals_become_claims() {
    let x = fixture().disclosure;
    let s = |id: &str| FigureRef::Statement(id.to_owned());
    assert!(x.claims.contains(&Claim::Ratio {
        rate: s("f7"),
        part: s("f6"),
        whole: s("f5")
    }));
    assert!(x.claims.contains(&Claim::Ratio {
        rate: s("f17"),
        part: s("f16"),
        whole: FigureRef::Cell {
            table: TableKind::Summary,
            row: RowKey::Line(Line::CurrentExpenditureTotal),
            column: Column::Amount
        }
    }));
    assert!(x.claims.contains(&Claim::Growth {
        rate: Some(s("f4")),
        change: Some(s("f3")),
        current: Some(s("f2")),
        prior: None
    }));
    assert!(x.claims.contains(&Claim::Compare {
        actual: s("f35"),
        budget: s("f34"),
        stated: Direction::Flat
    }));
    assert!(x.claims.contains(&Claim::Sum {
        total: s("f70"),
        parts: vec![s("f71"), s("f72"), s("f73")],
        minus: vec![]
    }));
    // f15 “0.3万元” states the T4 totals (printed 2,961.68): kept as claims for a checker.
    assert!(x.claims.contains(&Claim::Same {
        a: s("f15"),
        b: FigureRef::Cell {
            table: TableKind::AppropriationSummary,
            row: RowKey::Line(Line::IncomeGrandTotal),
            column: Column::Amount
        }
    }));
    assert!(x.claims.contains(&Claim::Same {
        a: s("f58"),
        b: FigureRef::Cell {
            table: TableKind::ThreePublic,
            row: RowKey::Line(Line::Total),
            column: Column::Amount
        }
    }));
    // 44 relations − 11 names − 2 year (placed as notes and concepts) + 39 equals references.
    assert_eq!(x.claims.len(), 44 - 11 - 2 + 39);
    // Every statement a claim names exists.
    for claim in &x.claims {
        let json = serde_json::to_value(claim).unwrap().to_string();
        for id in json.split("\"statement\":\"").skip(1) {
            let id = &id[..id.find('"').unwrap()];
            statement(&x, id);
        }
    }
    let names = x.notes.iter().filter(|n| n.starts_with("科目名称")).count();
    assert_eq!(names, 11);
    assert!(x.notes.iter().any(|n| n.contains("故本表无数据")));
}

#[test]
fn bad_files_are_errors_with_reasons() {
    let err = |text: &str| convert::convert(text).expect_err("an error").to_string();
    assert!(err("not json").contains("JSON"));
    assert!(err("[]").contains("对象"));
    assert!(err(r#"{"schema": "other-v2"}"#).contains("other-v2"));
    assert!(err(r#"{"report": {}}"#).contains("schema"));
    assert!(err(r#"{"schema": "peer-fa-v1", "report": {"department": "x"}}"#).contains("year"));
    assert!(
        err(r#"{"schema": "peer-fa-v1", "report": {"department": "x", "year": "2024"}, "tables": {}}"#)
            .contains("tables")
    );
    assert_eq!(
        convert::convert(r#"{"schema": "other-v2"}"#).unwrap_err(),
        convert::Refusal::OtherSchema("other-v2".to_owned())
    );
    let minimal = r#"{"schema": "peer-fa-v1", "report": {"department": "x", "year": 2024}}"#;
    assert!(convert::convert(minimal).unwrap().unplaced.is_empty());
}

/// The schema's extensions, and what the model cannot hold, in a small hand-made file.
#[test]
fn extensions_and_unplaced_items() {
    let text = r#"{
      "schema": "peer-fa-v1",
      "report": {"department": "某局", "year": "2025", "kind": "部门预算", "currency_unit": "元",
                 "amount_decimals": 2, "partial": true},
      "tables": [
        {"id": "T7B", "title": "财政拨款“三公”经费支出预算表", "layout": "sangong_budget", "unit": "元",
         "columns": {"all": ["合计", "因公出国（境）费", "公务用车购置及运行费/小计", "…/公务用车购置费",
                             "…/公务用车运行费", "公务接待费"]},
         "rows": [{"key": "三公", "name": "三公", "values": {"合计": "1,200.00", "因公出国（境）费": null,
                  "公务用车购置及运行费/小计": "1,000.00", "…/公务用车购置费": null,
                  "…/公务用车运行费": "1,000.00", "公务接待费": "200.00"}}]},
        {"id": "T5", "title": "一般公共预算支出预算表", "layout": "functional", "unit": "元",
         "columns": {"all": ["合计", "基本支出", "项目支出"]},
         "rows": [{"code": "2010601", "code_printed": "201 06 01", "key": "2010601", "name": "行政运行",
                   "values": {"合计": "—", "基本支出": "1.5万元", "项目支出": "1e5"}},
                  {"code": null, "key": "小计行", "name": "小计行", "values": {"合计": "1"}}]},
        {"id": "P1", "layout": "perf_budget", "title": "项目支出绩效自评表", "project": "信息化运维",
         "columns": {"all": ["年初预算", "全年预算", "执行数", "执行率", "分值", "得分"]},
         "rows": [{"key": "年度资金总额", "values": {"年初预算": "100", "全年预算": "120", "执行数": "114",
                   "执行率": "95%", "分值": "10", "得分": "9.5"}},
                  {"key": "其中：财政拨款", "values": {"年初预算": "100", "全年预算": "120", "执行数": "114"}}]},
        {"id": "P2", "layout": "perf_indicators",
         "columns": {"all": ["一级", "二级", "三级", "指标性质", "年度指标值", "度量单位", "完成值", "分值", "得分"]},
         "rows": [{"values": {"一级": "产出指标", "二级": "数量指标", "三级": "系统可用率", "年度指标值": "≥95",
                   "度量单位": "%", "完成值": "99", "分值": "50", "得分": "50"}},
                  {"values": {"一级": "满意度指标", "二级": "服务对象满意度指标", "三级": "用户满意度",
                   "指标性质": "定性", "年度指标值": "满意", "完成值": "达成", "分值": "40", "得分": "40"}},
                  {"name": "合计", "values": {"三级": "合计", "分值": "100", "得分": "99.5"}}]}
      ],
      "narrative": [{"id": "s1", "section": "一", "page": null,
        "text": "三公经费预算1200元，比上年增加200元；其中接待10批次；评分为高。",
        "figures": [
          {"id": "a", "text": "1200元", "value": "1200", "unit": "元", "kind": "amount", "about": "三公",
           "equals": ["T7B|三公|合计", "T7B|三公|不存在"]},
          {"id": "b", "text": "增加200元", "value": "200", "unit": "元", "kind": "amount", "about": "三公 change"},
          {"id": "c", "text": "10批次", "value": "10", "unit": "批次", "kind": "count", "about": "接待批次"},
          {"id": "g", "text": "0.2元", "value": "0.2", "unit": "元", "kind": "amount", "about": "x", "decimals": 1},
          {"id": "e", "text": "高", "value": "高", "unit": "级", "kind": "amount", "about": "评级"}
        ]}],
      "implied": [{"id": "i1", "type": "difference", "a": "a", "b": "b"}],
      "relations": [
        {"type": "growth", "change": "b", "current": "a"},
        {"type": "same", "a": "a", "b": "i1"},
        {"type": "score", "score": "a", "weight": "b", "pct": "c"},
        {"type": "count_sum", "total": "c", "parts": ["c"]},
        {"type": "mystery"}
      ],
      "transcriber_notes": ["hand-made"]
    }"#;
    let conversion = convert::convert(text).unwrap();
    let x = &conversion.disclosure;
    assert_eq!(x.entity.kind, fiscal_cn::report::DisclosureKind::Budget);
    assert_eq!(x.currency, Unit::Yuan);

    let three = x.table(TableKind::ThreePublic).unwrap();
    assert_eq!(three.columns, [Column::Budget]);
    assert_eq!(
        three.cell(
            &RowKey::ThreePublicItem(ThreePublicItem::VehicleOperation),
            Column::Budget
        ),
        Some(d("1000.00"))
    );
    assert_eq!(
        three.cell(&RowKey::Line(Line::Total), Column::Budget),
        Some(d("1200.00"))
    );

    let evaluation = &x.project_evaluations[0];
    assert_eq!(evaluation.project_name, "信息化运维");
    assert_eq!(evaluation.funds.total.full_year_budget, Some(d("120")));
    assert_eq!(evaluation.funds.stated_rate, Some(d("95")));
    assert_eq!(evaluation.funds.weight, d("10"));
    assert!(evaluation.funds.fiscal.is_some());
    assert_eq!(evaluation.indicators.len(), 2);
    assert_eq!(evaluation.indicators[1].weight, d("40"));
    assert_eq!(evaluation.stated_total, Some(d("99.5")));

    assert_eq!(
        statement(x, "a").value,
        StatedValue::Budget("1200元".parse().unwrap())
    );
    assert_eq!(
        statement(x, "b").value,
        StatedValue::Change {
            amount: "200元".parse().unwrap(),
            direction: Direction::Increase
        }
    );
    assert_eq!(
        statement(x, "c").concept,
        Concept::Count(Countable::ReceptionBatches(
            fiscal_cn::report::ReceptionKind::Domestic
        ))
    );
    assert!(
        x.notes
            .iter()
            .any(|n| n.starts_with("数字 g 的金额按 1 位小数印制"))
    );
    assert!(x.claims.contains(&Claim::CountSum {
        total: FigureRef::Statement("c".into()),
        parts: vec![FigureRef::Statement("c".into())]
    }));

    let unplaced: Vec<&str> = conversion
        .unplaced
        .iter()
        .map(|u| u.what.as_str())
        .collect();
    assert_eq!(
        unplaced,
        [
            "T5|2010601|合计",     // “—” printed: the model has no placeholder cell
            "T5|2010601|基本支出", // a unit inside a cell that differs from the table's
            "T5|2010601|项目支出", // not an amount
            "表 T5 行“小计行”",    // neither code nor known line
            "数字 e",              // neither amount, percent, score nor count
            "关系 2 same",         // refers to an implied quantity
            "关系 3 score",        // no claim for scores
            "关系 5 mystery",      // unknown relation type
            "数字 a 的 equals “T7B|三公|不存在”",
            "推定量 i1（{\"a\":\"a\",\"b\":\"b\",\"id\":\"i1\",\"type\":\"difference\"}）",
        ]
    );
    assert!(
        conversion
            .unplaced
            .iter()
            .all(|u| u.to_string().contains(&u.what))
    );
    // Each reason names what it is about.
    use convert::Reason as R;
    let reasons: Vec<&R> = conversion.unplaced.iter().map(|u| &u.reason).collect();
    assert_eq!(reasons[0], &R::Placeholder("—".to_owned()));
    assert_eq!(
        reasons[1],
        &R::CellUnit {
            text: "1.5万元".to_owned(),
            unit: Unit::Yuan
        }
    );
    assert!(
        matches!(reasons[2], R::Model(fiscal_cn::Error::InvalidAmount { input, .. }) if input == "1e5"),
        "{:?}",
        reasons[2]
    );
    assert!(matches!(reasons[3], R::Model(_)), "{:?}", reasons[3]);
    assert_eq!(
        reasons[4..],
        [
            &R::UnknownUnit {
                unit: "级".to_owned(),
                value: "高".to_owned()
            },
            &R::ImpliedReference("i1".to_owned()),
            &R::ScoreOfNoRow,
            &R::UnknownRelation("mystery".to_owned()),
            &R::EqualsNoCell,
            &R::ImpliedQuantity,
        ]
    );
    assert_eq!(
        reasons[1].to_string(),
        "单元格“1.5万元”的单位与表格单位 元 不同"
    );
}

/// T7B joins T7; a `score` relation fills a form row's stated score; a P1 `execution` is the
/// form's own and is not a claim.
#[test]
fn budget_tables_scores_and_executions_reach_the_model() {
    let text = r#"{
      "schema": "peer-fa-v1",
      "report": {"department": "某局", "year": 2024, "kind": "部门决算"},
      "tables": [
        {"id": "T7", "layout": "sangong", "unit": "万元",
         "columns": {"all": ["合计/决算数", "因公出国（境）费/决算数", "公务接待费/决算数"]},
         "rows": [{"key": "三公", "values": {"合计/决算数": "2.14", "因公出国（境）费/决算数": "0.00",
                  "公务接待费/决算数": "2.14"}}]},
        {"id": "T7B", "layout": "sangong_budget", "unit": "万元",
         "columns": {"all": ["合计", "因公出国（境）费", "公务接待费"]},
         "rows": [{"key": "三公", "values": {"合计": "2.14", "因公出国（境）费": "0.00", "公务接待费": "2.14"}}]},
        {"id": "P1", "layout": "perf_budget", "project": "信息化运维",
         "columns": {"all": ["年初预算", "执行数", "执行率", "分值", "得分", "偏差原因"]},
         "rows": [{"key": "年度资金总额", "values": {"年初预算": "100", "执行数": "80", "执行率": "80%",
                   "分值": "10", "得分": "8", "偏差原因": "项目延期"}}]},
        {"id": "P2", "layout": "perf_indicators",
         "columns": {"all": ["一级", "二级", "三级", "年度指标值", "完成值", "分值"]},
         "rows": [{"key": "可用率", "values": {"一级": "产出指标", "二级": "数量指标", "三级": "系统可用率",
                   "年度指标值": "≥95%", "完成值": "99", "分值": "90"}}]}
      ],
      "narrative": [{"id": "s1", "section": "一", "page": null, "text": "系统可用率得分90分。",
        "figures": [{"id": "f", "text": "90分", "value": "90", "unit": "分", "kind": "amount", "about": "得分"}]}],
      "relations": [
        {"type": "score", "score": "f", "weight": "P2|可用率|分值", "actual": "P2|可用率|完成值"},
        {"type": "execution", "pct": "P1|年度资金总额|执行率", "actual": "P1|年度资金总额|执行数",
         "budget": "P1|年度资金总额|年初预算"}
      ]
    }"#;
    let conversion = convert::convert(text).unwrap();
    assert!(conversion.unplaced.is_empty(), "{:#?}", conversion.unplaced);
    let x = &conversion.disclosure;
    let three: Vec<_> = x
        .tables
        .iter()
        .filter(|t| t.kind == TableKind::ThreePublic)
        .collect();
    assert_eq!(three.len(), 1);
    let overseas =
        RowKey::ThreePublicCategory(fiscal_cn::three_public::ThreePublicCategory::OverseasTravel);
    assert_eq!(three[0].cell(&overseas, Column::Budget), Some(d("0.00")));
    assert_eq!(three[0].cell(&overseas, Column::Amount), Some(d("0.00")));
    let form = &x.project_evaluations[0];
    assert_eq!(form.indicators[0].stated_score, Some(d("90")));
    assert_eq!(form.funds.deviation_reason.as_deref(), Some("项目延期"));
    let report = fiscal_cn::check::check(x, &fiscal_cn::check::Policy::default());
    let p: Vec<&str> = report
        .findings
        .iter()
        .filter(|f| f.rule.as_str().starts_with('P'))
        .map(|f| f.rule.as_str())
        .collect();
    assert_eq!(p, Vec::<&str>::new(), "{:#?}", report.findings);
}
