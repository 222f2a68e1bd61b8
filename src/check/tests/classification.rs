//! The examples of the rules on the classification codes of the tables (C001–C003: codes in
//! the catalog, their names, their parent lines).

use super::*;

/// (passing, failing) for a rule code of this family (the other codes are not asked for).
pub(super) fn examples(code: RuleCode) -> (Disclosure, Disclosure) {
    use Column as C;
    let codes = |rows: Vec<Row>| tables_only(vec![gbe(rows)]);
    match code {
        RuleCode::C001 => (
            codes(vec![row(f("213"), "农林水支出", &[(C::Total, "1")])]),
            codes(vec![row(f("299"), "其他支出", &[(C::Total, "1")])]),
        ),
        RuleCode::C002 => (
            codes(vec![row(f("213"), "农林水", &[(C::Total, "1")])]),
            codes(vec![row(f("213"), "农业支出", &[(C::Total, "1")])]),
        ),
        RuleCode::C003 => (
            codes(vec![
                row(f("221"), "住房保障支出", &[(C::Total, "1")]),
                row(f("22102"), "住房改革支出", &[(C::Total, "1")]),
            ]),
            codes(vec![row(f("22102"), "住房改革支出", &[(C::Total, "1")])]),
        ),
        _ => unreachable!("{code} is not a classification rule"),
    }
}
