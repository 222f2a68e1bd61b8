//! The classification module through the public root API only.

use fiscal_cn::{
    Error, PathProblem,
    classification::{
        Catalog, CatalogProblemKind, ClassificationCode, DepartmentEconomicCode,
        EMBEDDED_CATALOG_EDITION, EconomicCrosswalk, Entry, Evidence, FunctionCode,
        GovernmentEconomicCode, Level, NamePath,
    },
};
use proptest::prelude::*;

fn func(s: &str) -> FunctionCode {
    s.parse().unwrap()
}

/// Section 五（三） of the seed narrative (`shared/seed/000_26440d1bd7a2313a.txt`), verbatim.
const SEED_SECTION: &str = "\
1.一般公共服务（类）组织事务（款）行政运行（项）：支出决算为237.25万元，完成预算100%；一般公共服务（类）组织事务（款）一般行政管理事务（项）：支出决算为22万元，完成预算100%；一般公共服务（类）组织事务（款）事业运行（项）：支出决算为24.65万元，完成预算100%；一般公共服务（类）组织事务（款）其他组织事务支出（项）：支出决算为266.22万元，完成预算100%。
2.社会保障和就业（类）行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出（项）：支出决算为29.22万元，完成预算100%；社会保障和就业（类）行政事业单位养老支出（款）机关事业单位职业年金缴费支出（项）：支出决算为14.61万元，完成预算100%；社会保障和就业（类）行政事业单位养老支出（款）其他行政事业单位养老支出（项）：支出决算为16.95万元，完成预算100%；社会保障和就业（类）残疾人事业（款）残疾人就业（项）：支出决算为2.46万元，完成预算100%；社会保障和就业（类）其他社会保障和就业支出（款）其他社会保障和就业支出（项）：支出决算为0.47万元，完成预算100%。
3.卫生健康支出（类）行政事业单位医疗（款）行政单位医疗（项）：支出决算为7.29万元，完成预算100%；卫生健康支出（类）行政事业单位医疗（款）事业单位医疗（项）：支出决算为0.9万元，完成预算100%；卫生健康支出（类）行政事业单位医疗（款）公务员医疗补助（项）：支出决算为1.02万元，完成预算100%。
4.农林水支出（类）巩固脱贫攻坚成果衔接乡村振兴（款）其他巩固脱贫攻坚成果衔接乡村振兴支出（项）支出决算为81.06万元，完成预算100%。
5.住房保障支出（类）住房改革支出（款）住房公积金（项）：支出决算为25.14万元，完成预算100%。";

/// The paths the section names: each piece between `；`/`。`/line breaks, up to its `（项）`,
/// without the list number.
fn seed_paths() -> Vec<&'static str> {
    SEED_SECTION
        .split(['；', '。', '\n'])
        .filter_map(|piece| {
            let end = piece.find("（项）")? + "（项）".len();
            let path = piece.get(..end)?;
            Some(path.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.'))
        })
        .collect()
}

#[test]
fn seed_paths_resolve_to_their_codes() {
    let catalog = Catalog::<FunctionCode>::embedded();
    let got: Vec<u32> = seed_paths()
        .iter()
        .map(|p| {
            catalog
                .resolve_str(p)
                .unwrap_or_else(|e| panic!("{e}"))
                .as_u32()
        })
        .collect();
    // The section names 14 lines.
    assert_eq!(
        got,
        [
            2013201, 2013202, 2013250, 2013299, 2080505, 2080506, 2080599, 2081105, 2089999,
            2101101, 2101102, 2101103, 2130599, 2210201
        ]
    );
}

#[test]
fn path_of_and_resolve_agree_on_the_whole_embedded_catalog() {
    let catalog = Catalog::<FunctionCode>::embedded();
    for entry in catalog {
        let path = catalog.path_of(entry.code()).unwrap();
        assert_eq!(path.level(), entry.level());
        let back = catalog.resolve(&path).unwrap();
        // No name is shared under one parent in the data, so every path names its own line.
        assert_eq!(back, entry.code(), "{path}");
    }
}

#[test]
fn path_errors_say_where() {
    let catalog = Catalog::<FunctionCode>::embedded();
    let err = catalog
        .resolve_str("一般公共服务（类）组织事物（款）行政运行（项）")
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "科目路径“一般公共服务（类）组织事物（款）行政运行（项）”无法解析：第 2 段“组织事物”在 一般公共服务支出（201）下找不到"
    );
    let Error::InvalidPath {
        position,
        segment,
        reason,
        ..
    } = catalog.resolve_str("不存在（类）").unwrap_err()
    else {
        panic!("expected InvalidPath");
    };
    assert_eq!((position, segment.as_str()), (1, "不存在"));
    assert!(
        matches!(&*reason, PathProblem::NotFound { parent: None, catalog } if catalog.starts_with("支出功能分类")),
        "{reason:?}"
    );
    let Err(Error::InvalidPath { reason, .. }) =
        catalog.resolve_str("一般公共服务（类）组织事物（款）")
    else {
        panic!("expected InvalidPath");
    };
    assert!(
        matches!(&*reason, PathProblem::NotFound { parent: Some(p), .. } if p == "一般公共服务支出（201）"),
        "{reason:?}"
    );
    assert!(matches!(
        catalog.path_of(func("2019901")),
        Err(Error::UnknownCode { .. })
    ));
}

#[test]
fn names_match_across_bracket_widths_and_a_dropped_zhichu() {
    let catalog = Catalog::<FunctionCode>::embedded();
    let code = catalog
        .resolve_str("一般公共服务(类)政府办公厅(室)及相关机构事务(款)其他政府办公厅(室)及相关机构事务支出(项)")
        .unwrap();
    assert_eq!(code, func("2010399"));
    assert_eq!(
        catalog.lei_by_name("卫生健康").map(Entry::code),
        Some(func("210"))
    );
    assert_eq!(
        catalog.lei_by_name("卫生健康支出").map(Entry::code),
        Some(func("210"))
    );
    let dept = Catalog::<DepartmentEconomicCode>::embedded();
    let kuan = dept
        .child_by_name("302".parse().unwrap(), "维修(护)费")
        .map(Entry::code);
    assert_eq!(kuan, Some("30213".parse().unwrap()));
}

#[test]
fn equally_evidenced_namesakes_are_ambiguous() {
    let csv = "code,name,level\n208,社会保障和就业支出,lei\n20899,其他,kuan\n2089901,其他,xiang\n2089999,其他,xiang\n";
    let catalog = Catalog::<FunctionCode>::from_csv(csv, "歧义").unwrap();
    let err = catalog
        .resolve_str("社会保障和就业（类）其他（款）其他（项）")
        .unwrap_err();
    assert!(
        err.to_string()
            .contains("有多个同名科目（2089901、2089999）"),
        "{err}"
    );
}

fn check_table<C: ClassificationCode>(counts: [usize; 3]) {
    let catalog = Catalog::<C>::embedded();
    let codes: Vec<C> = catalog.iter().map(Entry::code).collect();
    assert!(codes.windows(2).all(|w| w[0] < w[1]), "sorted and unique");
    let mut by_level = [0; 3];
    for entry in catalog {
        let code = entry.code();
        assert_eq!(
            Level::from_digits(code.to_string().len()),
            Some(entry.level())
        );
        assert!(entry.level() <= C::MAX_LEVEL);
        assert!(!entry.name().is_empty());
        assert_ne!(entry.evidence(), Evidence::Unspecified, "{code}");
        if let Some(parent) = code.parent() {
            assert!(catalog.contains(parent), "{code}: parent {parent} missing");
        }
        by_level[entry.level().depth()] += 1;
    }
    assert_eq!(by_level, counts);
    assert_eq!(catalog.len(), counts.iter().sum::<usize>());
    assert!(
        catalog
            .source_name()
            .contains(&EMBEDDED_CATALOG_EDITION.to_string())
    );
}

#[test]
fn embedded_tables_are_sorted_unique_and_closed() {
    check_table::<FunctionCode>([30, 63, 122]);
    check_table::<DepartmentEconomicCode>([10, 61, 0]);
    check_table::<GovernmentEconomicCode>([15, 10, 0]);
}

#[test]
fn lookups() {
    let catalog = Catalog::<FunctionCode>::embedded();
    assert_eq!(catalog.name(func("20139")), Some("社会工作事务"));
    assert_eq!(
        catalog.get(func("20139")).map(Entry::evidence),
        Some(Evidence::PublishedFinalAccounts { year: 2024 })
    );
    assert_eq!(catalog.name(func("20140")), None);
    let kuans: Vec<u32> = catalog
        .children(func("210"))
        .map(|e| e.code().as_u32())
        .collect();
    assert_eq!(kuans, [21004, 21007, 21011, 21099]);
    assert_eq!(catalog.descendants(func("21011")).len(), 3);
    assert_eq!(catalog.descendants(func("2101101")).len(), 0);
    assert_eq!(catalog.leis().count(), 30);
    let gov = Catalog::<GovernmentEconomicCode>::embedded();
    assert_eq!(
        gov.name("51301".parse().unwrap()),
        Some("上下级政府间转移性支出")
    );
    let err = gov.require("598".parse().unwrap()).unwrap_err();
    assert!(
        err.to_string()
            .starts_with("编码 598 不在政府预算支出经济分类目录"),
        "{err}"
    );
}

#[test]
fn csv_loading_reports_every_problem() {
    let text = "\u{feff}name,code,level,note\n\
                一般公共服务支出,201,类,x\n\
                \"组织事务, 含党建\",20132,kuan,y\n\
                行政运行,2013201,kuan,z\n\
                ,2013202,xiang,z\n\
                人大事务,20101\n\
                其他,2019999,xiang,z\n\
                组织事务,20132,kuan,y\n\
                坏,x01,lei,z\n";
    let Err(Error::Catalog {
        source_name,
        problems,
    }) = Catalog::<FunctionCode>::from_csv(text, "测试文件")
    else {
        panic!("expected a catalog error");
    };
    assert_eq!(source_name, "测试文件");
    let kinds: Vec<(Option<usize>, CatalogProblemKind)> =
        problems.iter().map(|p| (p.line, p.kind())).collect();
    use CatalogProblemKind as K;
    assert_eq!(
        kinds,
        [
            (Some(4), K::LevelMismatch),
            (Some(5), K::EmptyName),
            (Some(6), K::Row),
            (Some(7), K::MissingParent),
            (Some(8), K::DuplicateCode),
            (Some(9), K::InvalidCode),
        ]
    );
    let shown = Error::Catalog {
        source_name,
        problems,
    }
    .to_string();
    assert_eq!(
        shown,
        "分类目录“测试文件”有 6 处问题，第一处：第 4 行：2013201：级次为款，但 7 位编码是项"
    );

    let ok = Catalog::<FunctionCode>::from_csv(
        "code,name,level\r\n201,一般公共服务支出,lei\r\n20132,\"组织事务, 含党建\",kuan\r\n",
        "ok",
    )
    .unwrap();
    assert_eq!(ok.name(func("20132")), Some("组织事务, 含党建"));
    assert_eq!(
        ok.get(func("201")).map(Entry::evidence),
        Some(Evidence::Unspecified)
    );

    // Without a level column the digits say the level.
    let bare = Catalog::<FunctionCode>::from_csv("code,name\n201,x\n", "t").unwrap();
    assert_eq!(bare.name(func("201")), Some("x"));

    for (text, kind) in [
        ("", K::Empty),
        ("code,level\n201,lei\n", K::Header),
        ("code,name,level\n", K::Empty),
    ] {
        let Err(Error::Catalog { problems, .. }) = Catalog::<FunctionCode>::from_csv(text, "t")
        else {
            panic!("{text:?}");
        };
        assert_eq!(
            problems.iter().map(|p| p.kind()).collect::<Vec<_>>(),
            [kind],
            "{text:?}"
        );
    }
}

#[test]
fn csv_files_and_overlay() {
    let dir = std::env::temp_dir().join(format!("fiscal-cn-classification-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("gov.csv");
    std::fs::write(
        &path,
        // 501 is embedded too (the file's line wins); 502 and 50299 其他商品和服务支出 are new.
        "code,name,level\n501,机关工资福利支出,lei\n502,机关商品和服务支出,lei\n50299,其他商品和服务支出,kuan\n",
    )
    .unwrap();
    let loaded = Catalog::<GovernmentEconomicCode>::from_csv_path(&path).unwrap();
    assert_eq!(loaded.source_name(), path.display().to_string());
    let merged = Catalog::<GovernmentEconomicCode>::embedded()
        .overlay(&loaded)
        .unwrap();
    let embedded = Catalog::<GovernmentEconomicCode>::embedded();
    assert!(!embedded.contains("50299".parse().unwrap()));
    assert_eq!(merged.len(), embedded.len() + 1);
    assert_eq!(
        merged.get("501".parse().unwrap()).map(Entry::evidence),
        Some(Evidence::Unspecified)
    );
    std::fs::remove_dir_all(&dir).unwrap();
    assert!(matches!(
        Catalog::<GovernmentEconomicCode>::from_csv_path(dir.join("missing.csv")),
        Err(Error::Io { .. })
    ));
}

#[test]
fn level_and_code_errors() {
    assert_eq!("项".parse::<Level>(), Ok(Level::Xiang));
    assert!(matches!(
        "级".parse::<Level>(),
        Err(Error::UnknownName {
            kind: "科目级次",
            ..
        })
    ));
    let err = "2013201".parse::<DepartmentEconomicCode>().unwrap_err();
    assert_eq!(
        err.to_string(),
        "部门预算支出经济分类编码格式错误：“2013201”（位数应为 3 或 5）"
    );
    let err = "020".parse::<GovernmentEconomicCode>().unwrap_err();
    assert_eq!(
        err.to_string(),
        "政府预算支出经济分类编码格式错误：“020”（不能以 0 开头）"
    );
    assert_eq!(
        FunctionCode::parse_lenient("２０１　３２　０１").unwrap(),
        func("2013201")
    );
    assert_eq!(
        DepartmentEconomicCode::parse_lenient("301 08")
            .unwrap()
            .as_u32(),
        30108
    );
}

#[cfg(feature = "serde")]
#[test]
fn serde_forms() {
    let code = func("2013201");
    assert_eq!(serde_json::to_string(&code).unwrap(), "\"2013201\"");
    assert_eq!(
        serde_json::from_str::<FunctionCode>("\"2013201\"").unwrap(),
        code
    );
    assert!(serde_json::from_str::<FunctionCode>("\"02013\"").is_err());
    assert_eq!(serde_json::to_string(&Level::Kuan).unwrap(), "\"kuan\"");
    let e = Evidence::PublishedBudget { year: 2026 };
    assert_eq!(
        serde_json::to_string(&e).unwrap(),
        "\"published-2026-budget\""
    );
    let path: NamePath = "卫生健康支出（类）".parse().unwrap();
    assert_eq!(
        serde_json::to_string(&path).unwrap(),
        "\"卫生健康支出（类）\""
    );
    let catalog = Catalog::<GovernmentEconomicCode>::embedded();
    let json = serde_json::to_string(catalog).unwrap();
    assert_eq!(
        &serde_json::from_str::<Catalog<GovernmentEconomicCode>>(&json).unwrap(),
        catalog
    );
    let broken =
        r#"{"source_name":"x","entries":[{"code":"50101","name":"a","evidence":"unspecified"}]}"#;
    assert!(serde_json::from_str::<Catalog<GovernmentEconomicCode>>(broken).is_err());
}

fn any_function_code() -> impl Strategy<Value = FunctionCode> {
    prop_oneof![100u32..1000, 10_000u32..100_000, 1_000_000u32..10_000_000]
        .prop_map(|v| FunctionCode::from_u32(v).unwrap())
}

fn any_economic_value() -> impl Strategy<Value = u32> {
    prop_oneof![100u32..1000, 10_000u32..100_000]
}

/// Strings close to the grammars, where bugs hide, and arbitrary ones.
fn messy_string() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[0-9０-９ 　\\-－]{0,12}",
        "[类款项（）()一二 　支出]{0,16}",
    ]
}

proptest! {
    #[test]
    fn display_parse_round_trip(code in any_function_code(), v in any_economic_value()) {
        prop_assert_eq!(code.to_string().parse::<FunctionCode>().unwrap(), code);
        let dept = DepartmentEconomicCode::from_u32(v).unwrap();
        prop_assert_eq!(dept.to_string().parse::<DepartmentEconomicCode>().unwrap(), dept);
        let gov = GovernmentEconomicCode::from_u32(v).unwrap();
        prop_assert_eq!(gov.to_string().parse::<GovernmentEconomicCode>().unwrap(), gov);
        prop_assert_eq!(GovernmentEconomicCode::try_from(v).unwrap(), gov);
    }

    #[test]
    fn lenient_reads_the_split_form(code in any_function_code(), sep in "[ \\-　－]") {
        let s = code.to_string();
        let split = [s.get(..3), s.get(3..5), s.get(5..7)]
            .into_iter()
            .flatten()
            .filter(|g| !g.is_empty())
            .collect::<Vec<_>>()
            .join(&sep);
        prop_assert_eq!(FunctionCode::parse_lenient(&split).unwrap(), code);
    }

    #[test]
    fn parsers_never_panic(s in messy_string()) {
        let _ = s.parse::<FunctionCode>();
        let _ = s.parse::<DepartmentEconomicCode>();
        let _ = FunctionCode::parse_lenient(&s);
        let _ = GovernmentEconomicCode::parse_lenient(&s);
        let _ = s.parse::<Level>();
        let _ = s.parse::<Evidence>();
        if let Ok(path) = s.parse::<NamePath>() {
            prop_assert_eq!(path.to_string().parse::<NamePath>().unwrap(), path.clone());
            let _ = Catalog::<FunctionCode>::embedded().resolve(&path);
        }
        let _ = Catalog::<FunctionCode>::from_csv(&s, "fuzz");
    }

    #[test]
    fn order_is_digit_string_order(a in any_function_code(), b in any_function_code()) {
        prop_assert_eq!(a.cmp(&b), a.to_string().cmp(&b.to_string()));
    }

    #[test]
    fn parent_and_ancestor_laws(code in any_function_code(), other in any_function_code()) {
        let ancestors: Vec<FunctionCode> = code.ancestors().collect();
        prop_assert_eq!(ancestors.len(), code.level().depth());
        prop_assert_eq!(ancestors.first().copied(), code.parent());
        if let Some(parent) = code.parent() {
            prop_assert_eq!(parent.level().depth() + 1, code.level().depth());
            prop_assert!(code.to_string().starts_with(&parent.to_string()));
            prop_assert!(parent < code);
        }
        prop_assert_eq!(code.lei(), ancestors.last().copied().unwrap_or(code));
        prop_assert!(!code.is_ancestor_of(code));
        prop_assert_eq!(
            code.is_ancestor_of(other),
            other.to_string().starts_with(&code.to_string()) && code != other
        );
    }
}

#[test]
fn crosswalk_files() {
    let dir = std::env::temp_dir().join(format!("fiscal-cn-crosswalk-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("对照表.csv");
    std::fs::write(
        &path,
        "\u{feff}部门预算支出经济分类科目编码,部门预算支出经济分类科目名称,政府预算支出经济分类科目编码,政府预算支出经济分类科目名称\r\n\
         30217,公务接待费,50206,公务接待费\r\n\
         30231,公务用车运行维护费,50208,公务用车运行维护费\r\n",
    )
    .unwrap();
    let loaded = EconomicCrosswalk::from_csv_path(&path).unwrap();
    assert_eq!(loaded.source_name(), path.display().to_string());
    assert_eq!(loaded.len(), 2);
    let gov = |d: &str| loaded.government_of(d.parse().unwrap()).map(|g| g.as_u32());
    assert_eq!(
        (gov("30217"), gov("30231"), gov("30101")),
        (Some(50206), Some(50208), None)
    );
    assert!(loaded.iter().all(|p| p.evidence() == Evidence::Unspecified));

    std::fs::write(
        &path,
        "部门经济分类编码,政府经济分类编码\n30217,50206\n30217,50299\n302,502\n",
    )
    .unwrap();
    let err = EconomicCrosswalk::from_csv_path(&path).unwrap_err();
    let Error::Catalog { problems, .. } = &err else {
        panic!("{err:?}");
    };
    let kinds: Vec<_> = problems.iter().map(|p| (p.line, p.kind())).collect();
    assert_eq!(
        kinds,
        [
            (Some(3), CatalogProblemKind::DuplicateCode),
            (Some(4), CatalogProblemKind::NotKuan),
            (Some(4), CatalogProblemKind::NotKuan),
        ]
    );
    assert!(err.to_string().contains("有 3 处问题"), "{err}");
    std::fs::remove_dir_all(&dir).unwrap();
    assert!(matches!(
        EconomicCrosswalk::from_csv_path(dir.join("missing.csv")),
        Err(Error::Io { .. })
    ));
}
