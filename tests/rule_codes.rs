//! Every rule code the crate's sources, docs and examples name is a rule of the registry, and
//! every rule of the registry is raised somewhere in the sources: a code cannot drift from the
//! registry (two rules given one code, a renamed rule still named in a message or a doc).

mod common;
use common::files;
use std::collections::BTreeSet;
use std::path::Path;

use fiscal_cn::check::{RULES, rule};

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
    let mut unknown = Vec::new();
    let mut raised_in_src = BTreeSet::new();
    for path in &paths {
        let text = std::fs::read_to_string(path).unwrap();
        for code in codes_in(&text) {
            if rule(&code).is_none() {
                unknown.push(format!("{}: {code}", path.display()));
            }
            if path.starts_with(root.join("src")) && text.contains(&format!("\"{code}\"")) {
                raised_in_src.insert(code);
            }
        }
    }
    assert!(
        unknown.is_empty(),
        "codes not in the registry: {unknown:#?}"
    );
    let never: Vec<&str> = RULES
        .iter()
        .map(|r| r.code)
        .filter(|c| !raised_in_src.contains(*c))
        .collect();
    assert!(
        never.is_empty(),
        "registered but never named in src: {never:?}"
    );
}

#[test]
fn codes_are_found_only_as_codes() {
    let found = codes_in("规则 T007、\"N021\" 与 X001；not T0070, AT007 or T00");
    assert_eq!(
        found.into_iter().collect::<Vec<_>>(),
        ["N021", "T007", "X001"]
    );
}
