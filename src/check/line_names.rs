//! N022: a 功能分类 line the narrative prints with its code (`2010199其他人大事务支出`) or as a
//! path (`…（类）…（款）…（项）`) under another name than the disclosure's own table prints for
//! that code. One disclosure names one line one way; which of the two is wrong the check does
//! not say (the catalog may be a part of the edition, and the table's name is the one the
//! department filed).

use std::collections::HashMap;

use crate::classification::FunctionCode;
use crate::narrative::{coded_line, function_path_in, names_agree};
use crate::report::{Concept, RowKey};

use super::engine::{Checker, statement_ref};
use super::narrative::concept_name;

pub(crate) fn run(c: &mut Checker<'_>) {
    let mut table_names: HashMap<FunctionCode, &str> = HashMap::new();
    for table in &c.disclosure.tables {
        for row in &table.rows {
            if let RowKey::Function(code) = row.key
                && !row.name.trim().is_empty()
            {
                table_names.entry(code).or_insert(row.name.trim());
            }
        }
    }
    if table_names.is_empty() {
        return;
    }
    let mut reported: Vec<FunctionCode> = Vec::new();
    for s in &c.disclosure.statements {
        let (Concept::FunctionExpenditure(code) | Concept::FundFunctionExpenditure { code, .. }) =
            s.concept
        else {
            continue;
        };
        let Some(printed) = printed_name(c, &s.location.quote, code) else {
            continue;
        };
        let Some(table_name) = table_names.get(&code) else {
            continue;
        };
        if reported.contains(&code)
            || names_agree(table_name, &printed)
            || names_agree(&printed, table_name)
        {
            continue;
        }
        reported.push(code);
        let me = statement_ref(s);
        c.plain(
            "N022",
            Some(me.clone()),
            vec![me],
            Some(s),
            format!(
                "{}：说明中写作“{printed}”，表中编码 {code} 的科目名称为“{table_name}”，同一科目在本公开中应使用同一名称（“{}”）",
                concept_name(c.disclosure.entity.kind, &s.concept),
                s.location.quote
            ),
        );
    }
}

/// The name a quote prints line `code` with: beside the code, or as the last segment of a
/// path the catalog resolves to the code.
fn printed_name(c: &Checker<'_>, quote: &str, code: FunctionCode) -> Option<String> {
    if let Some((coded, name)) = coded_line(quote)
        && coded == code
    {
        return Some(name);
    }
    let path: crate::classification::NamePath = function_path_in(quote)?.parse().ok()?;
    (c.catalog.resolve(&path).ok()? == code).then(|| path.leaf().to_owned())
}
