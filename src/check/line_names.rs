//! N022: a 功能分类 line the narrative prints with its code (`2010199其他人大事务支出`) or as a
//! path (`…（类）…（款）…（项）`) under another name than the disclosure's own table prints for
//! that code. One disclosure names one line one way; which of the two is wrong the check does
//! not say (the catalog may be a part of the edition, and the table's name is the one the
//! department filed).

use rustc_hash::FxHashMap;

use crate::classification::{FunctionCode, NamePath};
use crate::narrative::{coded_line, function_path_in, names_agree};
use crate::report::{Concept, Disclosure, RowKey};

use super::engine::{Checker, statement_ref};
use super::narrative::concept_name;
use super::registry::RuleCode;

pub(crate) fn run(c: &mut Checker<'_>) {
    let disclosure = c.disclosure;
    // Gathered when a statement about a 功能分类 line first asks: most disclosures have none.
    let mut table_names: Option<FxHashMap<FunctionCode, &str>> = None;
    let mut reported: Vec<FunctionCode> = Vec::new();
    // The statements of one sentence share its quote: each quote is read once.
    let mut read: Option<(&str, PrintedLine)> = None;
    for s in &disclosure.statements {
        let (Concept::FunctionExpenditure(code) | Concept::FundFunctionExpenditure { code, .. }) =
            s.concept
        else {
            continue;
        };
        if reported.contains(&code) {
            continue;
        }
        let names = table_names.get_or_insert_with(|| function_row_names(disclosure));
        let Some(&table_name) = names.get(&code) else {
            continue;
        };
        let quote = s.location.quote.as_str();
        let line = match &read {
            Some((read_quote, line)) if *read_quote == quote => line,
            _ => &read.insert((quote, PrintedLine::read(quote))).1,
        };
        let Some(printed) = line.other_name(c, code, table_name) else {
            continue;
        };
        reported.push(code);
        let me = statement_ref(s);
        c.plain(
            RuleCode::N022,
            Some(me.clone()),
            vec![me],
            Some(s),
            format!(
                "{}：说明中写作“{printed}”，表中编码 {code} 的科目名称为“{table_name}”，同一科目在本公开中应使用同一名称（“{}”）",
                concept_name(disclosure.entity.kind, &s.concept),
                s.location.quote
            ),
        );
    }
}

/// The name each 功能分类 code's row prints with, the first table's where several print it.
fn function_row_names(disclosure: &Disclosure) -> FxHashMap<FunctionCode, &str> {
    let mut names = FxHashMap::default();
    for table in &disclosure.tables {
        for row in &table.rows {
            if let RowKey::Function(code) = row.key
                && !row.name.trim().is_empty()
            {
                names.entry(code).or_insert(row.name.trim());
            }
        }
    }
    names
}

/// What a quote prints of a 功能分类 line: a code with its name, or a path of names.
struct PrintedLine {
    coded: Option<(FunctionCode, String)>,
    path: Option<NamePath>,
}

impl PrintedLine {
    fn read(quote: &str) -> Self {
        PrintedLine {
            coded: coded_line(quote),
            path: function_path_in(quote).and_then(|p| p.parse().ok()),
        }
    }

    /// The name the quote prints line `code` with — beside the code, or as the last segment
    /// of a path the catalog resolves to the code — when it is not `table_name`.
    fn other_name(&self, c: &Checker<'_>, code: FunctionCode, table_name: &str) -> Option<String> {
        let agrees =
            |printed: &str| names_agree(table_name, printed) || names_agree(printed, table_name);
        if let Some((coded, name)) = &self.coded
            && *coded == code
        {
            return (!agrees(name)).then(|| name.clone());
        }
        let path = self.path.as_ref()?;
        // The catalog is asked only about a name that disagrees: resolving is the costly part.
        if agrees(path.leaf()) {
            return None;
        }
        (c.catalog.resolve(path).ok()? == code).then(|| path.leaf().to_owned())
    }
}
