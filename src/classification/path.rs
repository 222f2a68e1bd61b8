//! Name paths: the narrative form `一般公共服务（类）组织事务（款）行政运行（项）`.

use std::fmt;
use std::str::FromStr;

use super::Level;
use crate::{Error, PathProblem};

/// A line of a classification named by its names, as narratives print it:
/// `一般公共服务（类）组织事务（款）行政运行（项）`.
///
/// A path has a 类 segment, optionally followed by a 款 and then a 项 segment, each a name
/// followed by its level marker. Parsing accepts full- or half-width brackets in the markers
/// (`（类）`, `(类)`) and whitespace around names; names may contain brackets of their own
/// (`政府办公厅（室）及相关机构事务（款）`). A malformed path is [`Error::InvalidPath`] naming
/// the failing segment and its 1-based position. `Display` writes the full-width form, which
/// parses back to the same path. Resolve a path to a code with
/// [`Catalog::resolve`](crate::classification::Catalog::resolve).
///
/// ```
/// use fiscal_cn::classification::{Level, NamePath};
///
/// let path: NamePath = " 一般公共服务(类) 组织事务（款）行政运行（项）".parse()?;
/// assert_eq!(path.level(), Level::Xiang);
/// assert_eq!(path.name(Level::Kuan), Some("组织事务"));
/// assert_eq!(path.to_string(), "一般公共服务（类）组织事务（款）行政运行（项）");
///
/// let err = "一般公共服务（类）行政运行（项）".parse::<NamePath>().unwrap_err();
/// assert_eq!(
///     err.to_string(),
///     "科目路径“一般公共服务（类）行政运行（项）”无法解析：第 2 段“行政运行”应标为（款），实为（项）"
/// );
/// # Ok::<(), fiscal_cn::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(into = "String", try_from = "String"))]
pub struct NamePath {
    /// One to three non-empty names, 类 first.
    names: Vec<String>,
}

impl NamePath {
    /// A path from its names, 类 first (one to three non-empty names).
    ///
    /// ```
    /// use fiscal_cn::classification::NamePath;
    /// let path = NamePath::from_names(["卫生健康支出", "行政事业单位医疗"])?;
    /// assert_eq!(path.to_string(), "卫生健康支出（类）行政事业单位医疗（款）");
    /// assert!(NamePath::from_names(Vec::<String>::new()).is_err());
    /// # Ok::<(), fiscal_cn::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidPath`](crate::Error::InvalidPath) when there are no names, more than three,
    /// or an empty one.
    pub fn from_names<S: Into<String>>(names: impl IntoIterator<Item = S>) -> Result<Self, Error> {
        let names: Vec<String> = names
            .into_iter()
            .map(|n| n.into().trim().to_owned())
            .collect();
        let shown = names
            .iter()
            .zip(Level::ALL)
            .map(|(n, l)| format!("{n}（{l}）"))
            .collect::<String>();
        let fail = |position: usize, segment: &str, reason| Error::InvalidPath {
            path: shown.clone(),
            position,
            segment: segment.to_owned(),
            reason: Box::new(reason),
        };
        if names.is_empty() {
            return Err(fail(1, "", PathProblem::Empty));
        }
        if let Some(extra) = names.get(Level::ALL.len()) {
            return Err(fail(Level::ALL.len() + 1, extra, PathProblem::Extra));
        }
        if let Some(i) = names.iter().position(String::is_empty) {
            return Err(fail(i + 1, "", PathProblem::EmptyName { level: None }));
        }
        Ok(NamePath { names })
    }

    /// The names, 类 first.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.names.iter().map(String::as_str)
    }

    /// The level of the last segment: the level of the line the path names.
    #[must_use]
    pub fn level(&self) -> Level {
        Level::ALL
            .get(self.names.len().saturating_sub(1))
            .copied()
            .unwrap_or(Level::Lei)
    }

    /// The name at `level`, if the path goes that deep.
    #[must_use]
    pub fn name(&self, level: Level) -> Option<&str> {
        self.names.get(level.depth()).map(String::as_str)
    }

    /// The name of the last segment.
    #[must_use]
    pub fn leaf(&self) -> &str {
        self.names.last().map_or("", String::as_str)
    }
}

impl fmt::Display for NamePath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (name, level) in self.names.iter().zip(Level::ALL) {
            write!(f, "{name}（{level}）")?;
        }
        Ok(())
    }
}

impl FromStr for NamePath {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self, Error> {
        let fail = |position: usize, segment: &str, reason| Error::InvalidPath {
            path: s.to_owned(),
            position,
            segment: segment.to_owned(),
            reason: Box::new(reason),
        };
        let mut names = Vec::new();
        let mut rest = s;
        loop {
            let position = names.len() + 1;
            let Some((name, level, after)) = next_marker(rest) else {
                let tail = rest.trim();
                if tail.is_empty() && !names.is_empty() {
                    break;
                }
                let reason = if names.is_empty() && tail.is_empty() {
                    PathProblem::Empty
                } else {
                    PathProblem::NoMarker
                };
                return Err(fail(position, tail, reason));
            };
            let name = name.trim();
            let expected = Level::ALL.get(names.len()).copied();
            if expected != Some(level) {
                let reason = match expected {
                    Some(e) => PathProblem::WrongLevel {
                        expected: e.into(),
                        found: level.into(),
                    },
                    None => PathProblem::Extra,
                };
                return Err(fail(position, name, reason));
            }
            if name.is_empty() {
                return Err(fail(
                    position,
                    name,
                    PathProblem::EmptyName {
                        level: Some(level.into()),
                    },
                ));
            }
            names.push(name.to_owned());
            rest = after;
        }
        Ok(NamePath { names })
    }
}

/// Finds the next level marker (`（类）`, `(款)`, any bracket widths) in `s`: the text before
/// it, its level and the text after it.
fn next_marker(s: &str) -> Option<(&str, Level, &str)> {
    for (start, c) in s.char_indices() {
        if !matches!(c, '（' | '(') {
            continue;
        }
        let mut look = s.get(start + c.len_utf8()..)?.chars();
        let level = match look.next() {
            Some('类') => Level::Lei,
            Some('款') => Level::Kuan,
            Some('项') => Level::Xiang,
            _ => continue,
        };
        let close = look.next();
        if let Some(close @ ('）' | ')')) = close {
            let end = start + c.len_utf8() + '类'.len_utf8() + close.len_utf8();
            return Some((s.get(..start)?, level, s.get(end..)?));
        }
    }
    None
}

impl From<NamePath> for String {
    fn from(path: NamePath) -> String {
        path.to_string()
    }
}

impl TryFrom<String> for NamePath {
    type Error = Error;
    fn try_from(s: String) -> Result<Self, Error> {
        s.parse()
    }
}

/// The characters a name is compared by: no white space, full-width brackets.
pub(crate) fn name_chars(name: &str) -> impl Iterator<Item = char> + '_ {
    name.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '(' => '（',
            ')' => '）',
            other => other,
        })
}

/// A normalized name less a closing `支出` (the loose comparison of [`names_match`]).
pub(super) fn without_expenditure(name: &str) -> &str {
    name.strip_suffix("支出").unwrap_or(name)
}

/// Whether a catalog name and a name from a path stand for the same line: equal after unifying
/// bracket width and dropping whitespace, and with `loose`, also after dropping a trailing `支出`.
pub(super) fn names_match(catalog: &str, given: &str, loose: bool) -> bool {
    let norm = |s: &str| -> String { name_chars(s).collect() };
    let (a, b) = (norm(catalog), norm(given));
    if loose {
        without_expenditure(&a) == without_expenditure(&b)
    } else {
        a == b
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> Result<NamePath, Error> {
        s.parse()
    }

    #[test]
    fn names_with_brackets_and_half_width_markers() {
        let p = parse("一般公共服务支出(类)政府办公厅（室）及相关机构事务(款)  事业运行 （项） ")
            .unwrap();
        assert_eq!(
            p.names().collect::<Vec<_>>(),
            [
                "一般公共服务支出",
                "政府办公厅（室）及相关机构事务",
                "事业运行"
            ]
        );
        assert_eq!(parse(&p.to_string()), Ok(p));
        assert_eq!(parse("国防支出（类）").unwrap().level(), Level::Lei);
    }

    #[test]
    fn errors_name_segment_and_position() {
        let pos = |s: &str| match parse(s) {
            Err(Error::InvalidPath {
                position,
                segment,
                reason,
                ..
            }) => (position, segment, *reason),
            other => panic!("{s}: {other:?}"),
        };
        assert_eq!(pos("").0, 1);
        assert_eq!(
            pos("一般公共服务"),
            (1, "一般公共服务".into(), PathProblem::NoMarker)
        );
        assert_eq!(pos("一般公共服务（款）").0, 1);
        assert_eq!(pos("a（类）b（款）c（项）d（项）").0, 4);
        assert_eq!(pos("a（类）（款）").1, "");
        assert_eq!(
            pos("a（类）b（款）尾巴"),
            (3, "尾巴".into(), PathProblem::NoMarker)
        );
    }

    #[test]
    fn matching() {
        assert!(names_match("一般公共服务支出", "一般公共服务", true));
        assert!(!names_match("一般公共服务支出", "一般公共服务", false));
        assert!(names_match("维修（护）费", "维修(护)费", false));
        assert!(names_match("卫生健康支出", "卫生健康支出", true));
    }
}
