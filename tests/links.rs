//! The crate's docs stand alone: every relative link of the README, the CHANGELOG, `docs/` and
//! the doc comments of `src/` and `examples/` names a file of the repository, and none of them
//! points at files beside the checkout.

mod common;
use common::files;
use std::path::{Component, Path, PathBuf};

/// The targets of the Markdown links `[text](target)` in `text`.
fn link_targets(text: &str) -> Vec<&str> {
    let mut targets = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find("](") {
        let after = &rest[at + 2..];
        let Some(end) = after.find(')') else {
            break;
        };
        targets.push(after[..end].trim());
        rest = &after[end..];
    }
    targets
}

/// `path` without `.` and `..` components (no file system access).
fn normalized(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

#[test]
fn no_doc_link_leaves_the_repository() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut paths = vec![root.join("README.md"), root.join("CHANGELOG.md")];
    for dir in ["docs", "src", "examples"] {
        files(&root.join(dir), &mut paths);
    }
    let mut bad = Vec::new();
    for path in &paths {
        let text = std::fs::read_to_string(path).unwrap();
        // Only what a reader sees: a source file's doc comments.
        let docs: String = if path.extension().is_some_and(|e| e == "rs") {
            text.lines()
                .map(str::trim_start)
                .filter(|l| l.starts_with("///") || l.starts_with("//!"))
                .collect::<Vec<_>>()
                .join("\n")
        } else {
            text
        };
        if docs.contains("../shared") {
            bad.push(format!("{}: names ../shared", path.display()));
        }
        for target in link_targets(&docs) {
            let file = target.split('#').next().unwrap_or_default();
            if file.is_empty()
                || target.starts_with("http://")
                || target.starts_with("https://")
                || !file.contains(['.', '/'])
            {
                continue; // An anchor, a web page, or a rustdoc item link.
            }
            let base = path.parent().unwrap_or(root);
            let resolved = normalized(&base.join(file));
            if !resolved.starts_with(normalized(root)) || !resolved.exists() {
                bad.push(format!("{}: {target}", path.display()));
            }
        }
    }
    assert!(
        bad.is_empty(),
        "links that leave the repository or name no file: {bad:#?}"
    );
}

#[test]
fn link_targets_are_read_from_markdown() {
    assert_eq!(
        link_targets("see [RULES](docs/RULES.md#n001) and [x](https://a.b) or [`T`](crate::T)"),
        ["docs/RULES.md#n001", "https://a.b", "crate::T"]
    );
}
