//! 科目级次: 类, 款, 项.

use std::str::FromStr;

use crate::Error;

/// The level of a classification code: 类 (3 digits), 款 (5 digits) or 项 (7 digits).
///
/// `Display` writes the Chinese name; `FromStr` reads the Chinese name or the word used in the
/// catalog CSV files (`lei`/`kuan`/`xiang`). Levels order from the outermost: 类 < 款 < 项.
///
/// ```
/// use fiscal_cn::classification::Level;
///
/// let level: Level = "款".parse()?;
/// assert_eq!(level, Level::Kuan);
/// assert_eq!(level.to_string(), "款");
/// assert_eq!(level.digits(), 5);
/// assert_eq!("xiang".parse::<Level>()?, Level::Xiang);
/// assert!("目".parse::<Level>().is_err());
/// # Ok::<(), fiscal_cn::Error>(())
/// ```
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, strum::Display, strum::IntoStaticStr,
)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
pub enum Level {
    /// 类: the outermost level, 3 digits (e.g. `201` 一般公共服务支出).
    #[strum(to_string = "类")]
    Lei,
    /// 款: the middle level, 5 digits (e.g. `20132` 组织事务).
    #[strum(to_string = "款")]
    Kuan,
    /// 项: the innermost level, 7 digits (e.g. `2013201` 行政运行); functional codes only.
    #[strum(to_string = "项")]
    Xiang,
}

impl Level {
    /// All levels, outermost first.
    pub const ALL: [Level; 3] = [Level::Lei, Level::Kuan, Level::Xiang];

    /// Number of digits of a code at this level: 3, 5 or 7.
    #[must_use]
    pub const fn digits(self) -> usize {
        match self {
            Level::Lei => 3,
            Level::Kuan => 5,
            Level::Xiang => 7,
        }
    }

    /// The level whose codes have `digits` digits, if any.
    ///
    /// ```
    /// use fiscal_cn::classification::Level;
    /// assert_eq!(Level::from_digits(7), Some(Level::Xiang));
    /// assert_eq!(Level::from_digits(4), None);
    /// ```
    #[must_use]
    pub const fn from_digits(digits: usize) -> Option<Level> {
        match digits {
            3 => Some(Level::Lei),
            5 => Some(Level::Kuan),
            7 => Some(Level::Xiang),
            _ => None,
        }
    }

    /// 0 for 类, 1 for 款, 2 for 项: the position of this level in a name path.
    #[must_use]
    pub const fn depth(self) -> usize {
        match self {
            Level::Lei => 0,
            Level::Kuan => 1,
            Level::Xiang => 2,
        }
    }

    /// The word the catalog CSV files use: `lei`, `kuan` or `xiang`.
    #[must_use]
    pub const fn csv_word(self) -> &'static str {
        match self {
            Level::Lei => "lei",
            Level::Kuan => "kuan",
            Level::Xiang => "xiang",
        }
    }
}

impl FromStr for Level {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self, Error> {
        match s.trim() {
            "类" | "lei" | "类级" | "1" => Ok(Level::Lei),
            "款" | "kuan" | "款级" | "2" => Ok(Level::Kuan),
            "项" | "xiang" | "项级" | "3" => Ok(Level::Xiang),
            _ => Err(Error::UnknownName {
                kind: "科目级次",
                input: s.to_owned(),
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_display_round_trip() {
        for level in Level::ALL {
            assert_eq!(level.to_string().parse::<Level>(), Ok(level));
            assert_eq!(level.csv_word().parse::<Level>(), Ok(level));
            assert_eq!(Level::from_digits(level.digits()), Some(level));
            assert_eq!(Level::ALL.get(level.depth()), Some(&level));
        }
    }

    #[test]
    fn unknown_level_is_our_error() {
        let err = "目".parse::<Level>().unwrap_err();
        assert_eq!(
            err,
            Error::UnknownName {
                kind: "科目级次",
                input: "目".into()
            }
        );
        assert_eq!(err.to_string(), "无法识别的科目级次：“目”");
    }
}
