//! Every rule code the crate's sources, docs and examples name is a rule of the registry, and
//! every rule of the registry is raised somewhere in the checker: a code cannot drift from the
//! registry (a renamed rule still named in a message or a doc, a rule registered and never
//! raised).
//!
//! In code the compiler holds codes to the registry (a [`RuleCode`] names only a registered
//! rule); this test holds the text to it, and the checker to every rule.

mod common;
use common::files;
use std::collections::BTreeSet;
use std::path::Path;

use fiscal_cn::check::{RULES, RuleCode, rule};

/// The rule codes written in `text`: a quoted letter of a rule family followed by three digits
/// (`"T007"`, or in docs and messages a bare `T007` between non-alphanumerics).
fn codes_in(text: &str) -> BTreeSet<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut codes = BTreeSet::new();
    for i in 0..chars.len() {
        let family = chars[i];
        if !"CNPSTX".contains(family) {
            continue;
        }
        let digits: String = chars[i + 1..].iter().take(3).collect();
        if digits.chars().count() != 3 || !digits.chars().all(|c| c.is_ascii_digit()) {
            continue;
        }
        let before = i.checked_sub(1).map(|j| chars[j]);
        let after = chars.get(i + 4);
        let boundary = |c: Option<&char>| c.is_none_or(|c| !c.is_ascii_alphanumeric() && *c != '_');
        if boundary(before.as_ref()) && boundary(after) {
            codes.insert(format!("{family}{digits}"));
        }
    }
    codes
}

/// The codes `text` names as Rust constants: `RuleCode::T007`.
fn typed_codes_in(text: &str) -> BTreeSet<String> {
    text.split("RuleCode::")
        .skip(1)
        .filter_map(|after| {
            let code: String = after
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            codes_in(&code).into_iter().next().filter(|c| *c == code)
        })
        .collect()
}

#[test]
fn every_rule_code_named_is_registered_and_every_registered_rule_is_raised() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut paths = Vec::new();
    for dir in ["src", "examples", "tests", "docs"] {
        files(&root.join(dir), &mut paths);
    }
    for file in ["README.md", "CHANGELOG.md"] {
        paths.push(root.join(file));
    }
    // The registry declares every code and the rules' examples name every one: neither
    // raises anything.
    let not_raising = |path: &Path| {
        *path == root.join("src/check/registry.rs")
            || path.starts_with(root.join("src/check/tests"))
    };
    let mut unknown = Vec::new();
    let mut raised_in_src = BTreeSet::new();
    for path in &paths {
        let text = std::fs::read_to_string(path).unwrap();
        for code in codes_in(&text) {
            if rule(&code).is_none() {
                unknown.push(format!("{}: {code}", path.display()));
            }
        }
        if path.starts_with(root.join("src/check")) && !not_raising(path) {
            raised_in_src.extend(typed_codes_in(&text));
        }
    }
    assert!(
        unknown.is_empty(),
        "codes not in the registry: {unknown:#?}"
    );
    let never: Vec<RuleCode> = RULES
        .iter()
        .map(|r| r.code)
        .filter(|c| !raised_in_src.contains(c.as_str()))
        .collect();
    assert!(
        never.is_empty(),
        "registered but never raised in src/check: {never:?}"
    );
}

#[test]
fn typed_codes_are_found_only_as_whole_constants() {
    let found = typed_codes_in(
        "c.plain(RuleCode::N009, …); RuleCode::T0070; RuleCode::ALL; code: RuleCode,",
    );
    assert_eq!(found.into_iter().collect::<Vec<_>>(), ["N009"]);
}

#[test]
fn codes_are_found_only_as_codes() {
    let found = codes_in("规则 T007、\"N021\" 与 X001；not T0070, AT007 or T00");
    assert_eq!(
        found.into_iter().collect::<Vec<_>>(),
        ["N021", "T007", "X001"]
    );
}
