//! 政府收支分类科目: functional and economic classification codes and the catalog.
//!
//! (Being built: see issue 2.)

use std::fmt;

/// One problem found while loading a catalog file (see [`crate::Error::Catalog`]).
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct CatalogProblem {
    /// 1-based line number in the file, when the problem belongs to a line.
    pub line: Option<usize>,
    /// The code the problem is about, as text, when there is one.
    pub code: Option<String>,
    /// What is wrong, in Chinese.
    pub message: String,
}

impl fmt::Display for CatalogProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(line) = self.line {
            write!(f, "第 {line} 行：")?;
        }
        if let Some(code) = &self.code {
            write!(f, "{code}：")?;
        }
        f.write_str(&self.message)
    }
}
