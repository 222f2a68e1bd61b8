//! Scores a complete 项目支出绩效自评表 and prints it with the computed scores, total and grade.
//!
//! The form is ILLUSTRATIVE: its funds block is the seed's 离退休干部活动特需费 (年初预算 20万元,
//! 执行 18.52万元); the indicator rows, weights and stated scores are made up to show the
//! scoring. Run with `cargo run --example performance_self_eval`.

use fiscal_cn::{
    Decimal,
    performance::{
        FundLine, FundsBlock, Indicator, IndicatorActual, IndicatorNature, IndicatorSubcategory,
        IndicatorTarget, PrintedTarget, ProjectSelfEvaluation, QualitativeOutcome, ScoringPolicy,
        WeightScheme, round_score_for_display,
    },
    report::{Align, render_columns},
};

fn d(text: &str) -> Decimal {
    text.parse().expect("a literal decimal")
}

fn quantitative(
    name: &str,
    sub: IndicatorSubcategory,
    printed: &str,
    actual: &str,
    weight: &str,
    stated: &str,
) -> Indicator {
    let target: PrintedTarget = printed.parse().expect("a literal target");
    Indicator::new(
        name,
        sub,
        target.nature.unwrap_or(IndicatorNature::AtLeast),
        target.target,
        IndicatorActual::Quantitative { value: d(actual) },
        d(weight),
    )
    .with_stated_score(d(stated))
}

fn qualitative(name: &str, sub: IndicatorSubcategory, weight: &str, stated: &str) -> Indicator {
    Indicator::new(
        name,
        sub,
        IndicatorNature::Qualitative,
        IndicatorTarget::Qualitative {
            text: "有效提升".into(),
        },
        IndicatorActual::Qualitative {
            outcome: QualitativeOutcome::Achieved,
            percent_of_weight: None,
        },
        d(weight),
    )
    .with_stated_score(d(stated))
}

fn form() -> ProjectSelfEvaluation {
    use IndicatorSubcategory::*;
    let line = FundLine {
        initial_budget: Some(d("20")),
        full_year_budget: Some(d("20")),
        executed: Some(d("18.52")),
    };
    let funds = FundsBlock::new(line.clone(), d("10"))
        .with_fiscal(line)
        .with_stated(Some(d("92.6")), Some(d("9.26")));
    ProjectSelfEvaluation::new(
        "离退休干部活动特需费",
        "中共乐山市金口河区委组织部",
        2024,
        funds,
        vec![
            quantitative(
                "走访慰问离退休县级干部",
                Quantity,
                "≥40人次",
                "38",
                "20",
                "19",
            ),
            quantitative("重阳节活动参与率", Quality, "≥90%", "95", "15", "15"),
            quantitative("春节慰问按时完成率", Timeliness, "=100%", "100", "15", "15"),
            quantitative("人均慰问成本", OutputCost, "≤500元", "480", "10", "10"),
            qualitative("老干部作用发挥", SocialBenefit, "20", "20"),
            quantitative(
                "离退休干部满意度",
                ServiceRecipientSatisfaction,
                "≥95%",
                "96",
                "10",
                "10",
            ),
        ],
    )
    .with_stated_total(d("98.26"))
}

fn show(value: Option<Decimal>) -> String {
    value.map_or_else(
        || "—".to_owned(),
        |v| round_score_for_display(v).to_string(),
    )
}

fn main() {
    let form = form();
    let policy = ScoringPolicy::default().with_weights(WeightScheme::Sichuan);
    let scored = match form.score(&policy) {
        Ok(scored) => scored,
        Err(e) => {
            eprintln!("无法评分：{e}");
            std::process::exit(1);
        }
    };
    println!(
        "【示例表格，仅作演示】项目支出绩效自评表（{}年度）",
        form.year
    );
    println!(
        "项目名称：{}（资金数据取自种子文件；指标、分值和填列得分为虚构）",
        form.project_name
    );
    println!("主管部门：{}", form.department);
    println!();
    let funds = &form.funds.total;
    let rows = vec![vec![
        "年度资金总额（万元）".to_owned(),
        show(funds.initial_budget),
        show(funds.full_year_budget),
        show(funds.executed),
        format!("{}%", show(scored.execution.computed.rate)),
        show(Some(form.funds.weight)),
        show(scored.execution.computed.score),
        show(form.funds.stated_score),
    ]];
    print!(
        "{}",
        render_columns(
            &[
                "资金",
                "年初预算数",
                "全年预算数",
                "全年执行数",
                "执行率",
                "分值",
                "计算得分",
                "填列得分"
            ],
            &rows,
            &[
                Align::Left,
                Align::Right,
                Align::Right,
                Align::Right,
                Align::Right,
                Align::Right,
                Align::Right,
                Align::Right
            ],
        )
    );
    println!();
    let rows: Vec<Vec<String>> = form
        .indicators
        .iter()
        .zip(&scored.indicators)
        .map(|(row, score)| {
            let target = match &row.target {
                IndicatorTarget::Quantitative { value, unit } => {
                    format!("{}{value}{unit}", row.nature)
                }
                IndicatorTarget::Qualitative { text } => text.clone(),
            };
            let actual = match &row.actual {
                IndicatorActual::Quantitative { value } => value.to_string(),
                IndicatorActual::Qualitative { outcome, .. } => outcome.to_string(),
            };
            vec![
                row.category.to_string(),
                row.subcategory.to_string(),
                row.name.clone(),
                target,
                actual,
                show(score.weight),
                show(score.score),
                show(score.stated_score),
            ]
        })
        .collect();
    print!(
        "{}",
        render_columns(
            &[
                "一级指标",
                "二级指标",
                "三级指标",
                "年度指标值",
                "完成值",
                "分值",
                "计算得分",
                "填列得分"
            ],
            &rows,
            &[
                Align::Left,
                Align::Left,
                Align::Left,
                Align::Left,
                Align::Right,
                Align::Right,
                Align::Right,
                Align::Right
            ],
        )
    );
    println!();
    println!(
        "总分：计算 {} 分，填列 {} 分；评价等级：{}",
        scored.total_for_display,
        show(scored.stated_total),
        scored.grade
    );
    for note in &scored.notes {
        println!("提示：{note}");
    }
}
