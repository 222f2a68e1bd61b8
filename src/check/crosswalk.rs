//! T009: a table that prints both economic classifications holds them to the crosswalk.
//!
//! Some basic-expenditure tables print 政府预算支出经济分类 lines (501, 50101, 502, …) next to the
//! 部门预算支出经济分类 lines (301, 30101, …) they summarise. Each government 款 printed must be
//! the sum of the department 款 the crosswalk ([`EconomicCrosswalk`]) reports under it, and each
//! government 类 the sum of the department 款 reported under any of its 款, decided with the
//! rounding-aware sum identity of the other table rules.
//!
//! A department 款 the crosswalk does not list may belong to any government 款, so where the
//! table prints one with a non-zero amount in a column, the government 类 its department 类 is
//! known to feed (some listed 款 of that 类 goes there) is not checked in that column, nor are
//! that 类's 款: the crosswalk cannot say what they should add up to. Nothing is guessed.

use std::borrow::Cow;
use std::collections::BTreeSet;

use rust_decimal::Decimal;

use crate::classification::{
    Catalog, DepartmentEconomicCode, EconomicCrosswalk, GovernmentEconomicCode, Level,
};
use crate::report::{Row, RowKey, Table};

use super::engine::{Checker, Operand, SumWords, push_decimal};
use super::registry::RuleCode;
use super::tables;

const CODE: RuleCode = RuleCode::T009;

pub(crate) fn run(c: &mut Checker<'_>) {
    if !c.enabled(CODE) {
        return;
    }
    for table in &c.disclosure.tables {
        both_classifications(c, table);
    }
}

/// The first row of each code, in printed order (a code printed twice counts once, as
/// [`Table::row`] finds it).
fn first_rows<C: Ord + Copy>(
    table: &Table,
    code_of: impl Fn(&RowKey) -> Option<C>,
) -> Vec<(C, &Row)> {
    let mut seen = BTreeSet::new();
    table
        .rows
        .iter()
        .filter_map(|row| {
            let code = code_of(&row.key)?;
            seen.insert(code).then_some((code, row))
        })
        .collect()
}

fn both_classifications(c: &mut Checker<'_>, table: &Table) {
    let governments = first_rows(table, |key| match key {
        RowKey::GovernmentEconomic(code) => Some(*code),
        _ => None,
    });
    if governments.is_empty() {
        return;
    }
    let departments = first_rows(table, |key| match key {
        RowKey::Economic(code) if code.level() == Level::Kuan => Some(*code),
        _ => None,
    });
    if departments.is_empty() {
        return;
    }
    let Some(info) = c.tables.info(table) else {
        return;
    };
    let crosswalk: &EconomicCrosswalk = c.crosswalk;
    // Each department 款 with the government 款 it is reported under, if the crosswalk lists it.
    let departments: Vec<(DepartmentEconomicCode, Option<GovernmentEconomicCode>, &Row)> =
        departments
            .into_iter()
            .map(|(code, row)| (code, crosswalk.government_of(code), row))
            .collect();
    let mut parts: Vec<Operand<'_>> = Vec::new();
    let mut codes: Vec<DepartmentEconomicCode> = Vec::new();
    for column in info
        .printed
        .iter()
        .filter(|column| !tables::derived(*column))
    {
        // The department 类 with a 款 the crosswalk does not place that has an amount here.
        let unplaced: BTreeSet<DepartmentEconomicCode> = departments
            .iter()
            .filter(|(_, government, row)| {
                government.is_none() && row.get(column).is_some_and(|v| !v.is_zero())
            })
            .map(|(code, _, _)| code.lei())
            .collect();
        for &(government, row) in &governments {
            // A government line that leaves the column blank states nothing there.
            if row.get(column).is_none() {
                continue;
            }
            let lei = government.lei();
            // A department 类 that feeds this government 类 has a 款 of unknown place.
            let undecided = crosswalk.iter().any(|pair| {
                pair.government().lei() == lei && unplaced.contains(&pair.department().lei())
            });
            if undecided {
                continue;
            }
            let reported_here = |placed: GovernmentEconomicCode| match government.level() {
                Level::Lei => placed.lei() == government,
                _ => placed == government,
            };
            parts.clear();
            codes.clear();
            for (code, placed, department_row) in &departments {
                if placed.is_some_and(reported_here)
                    && department_row.get(column).is_some()
                    && let Some(part) = c.cell_in_row(table, department_row, column)
                {
                    parts.push(part);
                    codes.push(*code);
                }
            }
            // Department rows that print nothing here do not break the line down.
            if parts.is_empty() {
                continue;
            }
            let Some(total) = c.cell_in_row(table, row, column) else {
                continue;
            };
            let words = |_: &Checker<'_>, out: &mut String| {
                write_label(out, government, row);
                for piece in ["（", table.kind.name(), "·", column.name(), "）"] {
                    out.push_str(piece);
                }
                sum_words(government.level(), &codes)
            };
            c.sum_identity(CODE, &[total], &parts, words, None);
        }
    }
}

/// `工资奖金津补贴（50101）`: the printed name, or the embedded catalog's, with the code.
fn write_label(out: &mut String, code: GovernmentEconomicCode, row: &Row) {
    let name = if row.name.is_empty() {
        Catalog::<GovernmentEconomicCode>::embedded()
            .name(code)
            .unwrap_or_default()
    } else {
        &row.name
    };
    out.push_str(name);
    out.push('（');
    push_decimal(out, Decimal::from(code.as_u32()));
    out.push('）');
}

/// The words of a government line against the department 款 the crosswalk reports under it.
fn sum_words(level: Level, codes: &[DepartmentEconomicCode]) -> SumWords<'static> {
    let mut right = String::from("对照表对应的部门预算支出经济分类款（");
    for (i, code) in codes.iter().enumerate() {
        if i > 0 {
            right.push('、');
        }
        push_decimal(&mut right, Decimal::from(code.as_u32()));
    }
    right.push_str("）之和");
    SumWords {
        left: match level {
            Level::Lei => "政府预算支出经济分类类",
            _ => "政府预算支出经济分类款",
        },
        right: Cow::Owned(right),
        single: Some("只对应一个部门经济分类款时二者必须相等"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::{Severity, check, check_with_classifications};
    use crate::report::{Column, Disclosure, DisclosureKind, Entity, TableKind};
    use crate::{check::Policy, money::Unit};

    fn row(key: RowKey, name: &str, cells: &[(Column, &str)]) -> Row {
        cells.iter().fold(Row::new(key, name), |r, (c, v)| {
            r.with(*c, Decimal::from_str_exact(v).unwrap())
        })
    }

    fn d(code: &str) -> RowKey {
        RowKey::Economic(code.parse().unwrap())
    }

    fn g(code: &str) -> RowKey {
        RowKey::GovernmentEconomic(code.parse().unwrap())
    }

    fn disclosure(rows: Vec<Row>) -> Disclosure {
        let mut t = Table::new(TableKind::BasicExpenditure, Unit::WanYuan);
        t.rows = rows;
        let mut d = Disclosure::new(Entity::new("示例单位", 2024, DisclosureKind::FinalAccounts));
        d.tables.push(t);
        d
    }

    fn t008(d: &Disclosure) -> Vec<(Severity, String)> {
        check(d, &Policy::default())
            .findings
            .into_iter()
            .filter(|f| f.rule == CODE)
            .map(|f| (f.severity, f.message().into_owned()))
            .collect()
    }

    /// A table printed like a Hunan basic-expenditure table: 301 with its 款, and 501 with its.
    fn wages(g50101: &str, g501: &str) -> Disclosure {
        use Column::Amount as A;
        disclosure(vec![
            row(d("301"), "工资福利支出", &[(A, "60.00")]),
            row(d("30101"), "基本工资", &[(A, "20.00")]),
            row(d("30102"), "津贴补贴", &[(A, "15.00")]),
            row(d("30103"), "奖金", &[(A, "5.00")]),
            row(d("30108"), "机关事业单位基本养老保险缴费", &[(A, "8.00")]),
            row(d("30112"), "其他社会保障缴费", &[(A, "1.00")]),
            row(d("30113"), "住房公积金", &[(A, "11.00")]),
            row(g("501"), "机关工资福利支出", &[(A, g501)]),
            row(g("50101"), "工资奖金津补贴", &[(A, g50101)]),
            row(g("50102"), "社会保障缴费", &[(A, "9.00")]),
            row(g("50103"), "住房公积金", &[(A, "11.00")]),
        ])
    }

    #[test]
    fn government_lines_match_the_department_lines() {
        assert!(t008(&wages("40.00", "60.00")).is_empty());
    }

    #[test]
    fn a_kuan_that_does_not_add_up_names_the_codes_and_figures() {
        let found = t008(&wages("41.00", "60.00"));
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, Severity::Error);
        assert_eq!(
            found[0].1,
            "工资奖金津补贴（50101）（一般公共预算财政拨款基本支出决算表·决算数）：\
             政府预算支出经济分类款 41.00 万元，对照表对应的部门预算支出经济分类款（30101、30102、30103）之和 \
             40.00 万元，相差 1.00 万元，超出四舍五入允许的 0.020 万元"
        );
    }

    #[test]
    fn a_lei_is_the_sum_of_every_department_kuan_under_its_kuan() {
        let found = t008(&wages("40.00", "61.00"));
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].1.starts_with("机关工资福利支出（501）"),
            "{}",
            found[0].1
        );
        assert!(
            found[0]
                .1
                .contains("（30101、30102、30103、30108、30112、30113）之和 60.00 万元"),
            "{}",
            found[0].1
        );
    }

    #[test]
    fn a_tail_difference_is_info() {
        use Column::Amount as A;
        // Three 款 printed to two decimals may round to 0.01 less than their printed 501 line.
        let d = disclosure(vec![
            row(d("30101"), "", &[(A, "0.33")]),
            row(d("30102"), "", &[(A, "0.33")]),
            row(d("30103"), "", &[(A, "0.33")]),
            row(g("50101"), "", &[(A, "1.00")]),
        ]);
        let found = t008(&d);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, Severity::Info);
    }

    #[test]
    fn an_unlisted_department_kuan_leaves_its_lei_undecided() {
        use Column::Amount as A;
        // 30107 绩效工资 is not in the embedded crosswalk: 501 and its 款 cannot be decided, while
        // 502 (fed by 302 only) still is.
        let rows = |g50201: &str| {
            disclosure(vec![
                row(d("30101"), "", &[(A, "20.00")]),
                row(d("30107"), "绩效工资", &[(A, "3.00")]),
                row(d("30201"), "", &[(A, "2.00")]),
                row(d("30211"), "", &[(A, "1.00")]),
                row(g("501"), "", &[(A, "23.00")]),
                row(g("50101"), "", &[(A, "20.50")]),
                row(g("50201"), "", &[(A, g50201)]),
            ])
        };
        assert!(t008(&rows("3.00")).is_empty());
        let found = t008(&rows("3.50"));
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].1.starts_with("办公经费（50201）"),
            "{}",
            found[0].1
        );
        // A zero amount places nothing anywhere: the 501 lines are decided again.
        let zero = disclosure(vec![
            row(d("30101"), "", &[(A, "20.00")]),
            row(d("30107"), "绩效工资", &[(A, "0.00")]),
            row(g("50101"), "", &[(A, "20.50")]),
        ]);
        assert_eq!(t008(&zero).len(), 1);
    }

    #[test]
    fn every_printed_column_is_checked_and_blank_rows_break_nothing_down() {
        use Column::{Personnel as P, Total as T};
        let d = disclosure(vec![
            row(d("30101"), "", &[(T, "20.00"), (P, "20.00")]),
            row(d("30102"), "", &[(T, "5.00")]),
            row(g("50101"), "", &[(T, "25.00"), (P, "21.00")]),
            // No department 款 of 50103 is printed: nothing to compare.
            row(g("50103"), "", &[(T, "4.00")]),
        ]);
        let found = t008(&d);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].1.contains("·人员经费）"), "{}", found[0].1);
        assert!(
            found[0]
                .1
                .contains("只对应一个部门经济分类款时二者必须相等"),
            "{}",
            found[0].1
        );
    }

    #[test]
    fn a_budget_table_is_held_to_the_crosswalk_too() {
        use Column::Budget as B;
        let mut t = Table::new(TableKind::BudgetBasicExpenditure, Unit::WanYuan);
        t.rows = vec![
            row(d("30201"), "办公费", &[(B, "2.00")]),
            row(d("30211"), "差旅费", &[(B, "1.50")]),
            row(d("30215"), "会议费", &[(B, "0.40")]),
            row(g("502"), "机关商品和服务支出", &[(B, "3.90")]),
            row(g("50201"), "办公经费", &[(B, "3.60")]),
            row(g("50202"), "会议费", &[(B, "0.40")]),
        ];
        // Rates of change do not add up: a government line's 增减率 is not its 款's sum.
        t.rows[0] = row(
            d("30201"),
            "办公费",
            &[(B, "2.00"), (Column::ChangeRate, "10.00")],
        );
        t.rows[4] = row(
            g("50201"),
            "办公经费",
            &[(B, "3.60"), (Column::ChangeRate, "5.00")],
        );
        let mut budget = Disclosure::new(Entity::new("示例单位", 2025, DisclosureKind::Budget));
        budget.tables.push(t);
        let found = t008(&budget);
        // 50201 is 2.00 + 1.50 = 3.50, not 3.60; 502 = 3.90 holds.
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0]
                .1
                .starts_with("办公经费（50201）（一般公共预算基本支出预算表·预算数）"),
            "{}",
            found[0].1
        );
    }

    #[test]
    fn a_government_lei_against_its_kuan_is_the_hierarchy_rule() {
        use Column::Amount as A;
        let d = disclosure(vec![
            row(g("502"), "机关商品和服务支出", &[(A, "5.00")]),
            row(g("50201"), "办公经费", &[(A, "3.00")]),
            row(g("50202"), "会议费", &[(A, "1.00")]),
        ]);
        let report = check(&d, &Policy::default());
        let found: Vec<String> = report
            .findings
            .iter()
            .filter(|f| f.rule == RuleCode::T002)
            .map(|f| f.message().into_owned())
            .collect();
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].starts_with("机关商品和服务支出（502）"),
            "{}",
            found[0]
        );
    }

    #[test]
    fn a_table_with_one_classification_is_not_read() {
        use Column::Amount as A;
        let only_government = disclosure(vec![row(g("50101"), "", &[(A, "1.00")])]);
        assert!(t008(&only_government).is_empty());
        let only_department = disclosure(vec![row(d("30101"), "", &[(A, "1.00")])]);
        assert!(t008(&only_department).is_empty());
    }

    #[test]
    fn a_loaded_crosswalk_decides_what_the_embedded_one_cannot() {
        use Column::Amount as A;
        let d = disclosure(vec![
            row(d("30107"), "绩效工资", &[(A, "3.00")]),
            row(g("50501"), "工资福利支出", &[(A, "3.10")]),
        ]);
        assert!(t008(&d).is_empty());
        let institutions = EconomicCrosswalk::from_csv(
            "department_code,government_code\n30107,50501\n",
            "事业单位对照",
        )
        .unwrap();
        let report =
            check_with_classifications(&d, &Policy::default(), Catalog::embedded(), &institutions);
        let found: Vec<_> = report.findings.iter().filter(|f| f.rule == CODE).collect();
        assert_eq!(found.len(), 1, "{found:?}");
        // No catalog name for 50501: the printed one is used.
        assert!(
            found[0].message().starts_with("工资福利支出（50501）"),
            "{}",
            found[0].message()
        );
    }
}
