//! The three code newtypes and the trait they share.

use std::cmp::Ordering;
use std::fmt;
use std::hash::Hash;
use std::str::FromStr;

use super::{Catalog, Level};
use crate::Error;

mod sealed {
    pub trait Sealed {}
}

/// What the three classification code types have in common, so that [`Catalog`] and
/// [`NamePath`](crate::classification::NamePath) resolution work for each of them.
///
/// The trait is sealed: the crate implements it for [`FunctionCode`], [`DepartmentEconomicCode`]
/// and [`GovernmentEconomicCode`] only. Each type also has the same methods as inherent methods,
/// so the trait needs importing only in generic code.
pub trait ClassificationCode:
    sealed::Sealed
    + Copy
    + Ord
    + Hash
    + fmt::Debug
    + fmt::Display
    + FromStr<Err = Error>
    + Send
    + Sync
    + 'static
{
    /// The name of the code family, e.g. `支出功能分类`; used in error messages.
    const KIND: &'static str;
    /// The innermost level codes of this family have (项 for functional, 款 for economic codes).
    const MAX_LEVEL: Level;
    /// The code with this integer value, if it is a valid code of this family.
    fn from_u32(value: u32) -> Option<Self>;
    /// The code as an integer, e.g. `2013201`.
    fn as_u32(self) -> u32;
    /// The level, from the number of digits.
    fn level(self) -> Level;
    /// The code one level up (`2013201` → `20132` → `201`), or `None` for a 类.
    fn parent(self) -> Option<Self>;
    /// The catalog embedded in the crate for this family (see [`Catalog::embedded`]).
    fn embedded_catalog() -> &'static Catalog<Self>;

    /// The strict ancestors, nearest first (项 → 款 → 类); empty for a 类.
    fn ancestors(self) -> impl Iterator<Item = Self> + Clone {
        std::iter::successors(self.parent(), |c| c.parent())
    }

    /// Whether `self` is a strict ancestor of `other` (a code is not its own ancestor).
    fn is_ancestor_of(self, other: Self) -> bool {
        other.ancestors().any(|a| a == self)
    }
}

/// Number of decimal digits of a valid code value, or `None` outside 100..=9_999_999.
const fn digit_count(value: u32) -> Option<usize> {
    match value {
        100..=999 => Some(3),
        10_000..=99_999 => Some(5),
        1_000_000..=9_999_999 => Some(7),
        _ => None,
    }
}

/// The sort key that makes integer codes compare like their digit strings: pad to 7 digits, then
/// shorter first. This puts every parent right before its children (201 < 20101 < 2010101 <
/// 20102), which plain integer order does not (20102 < 2010101).
///
/// One integer rather than a (padded, digits) pair, so that a comparison is one instruction: the
/// padded value (at most `u32::MAX`) shifted past the digit count's rank (0, 1, 2 for 3, 5, 7
/// digits), which orders exactly like the pair.
pub(crate) fn prefix_key(value: u32) -> u64 {
    // The pad 10^(7 − digits) spelt out: codes are compared in every sort and catalog search.
    let (rank, pad) = match digit_count(value) {
        Some(3) => (0, 10_000),
        Some(5) => (1, 100),
        _ => (2, 1),
    };
    (u64::from(value.saturating_mul(pad)) << 2) | rank
}

pub(super) fn prefix_cmp(a: u32, b: u32) -> Ordering {
    prefix_key(a).cmp(&prefix_key(b))
}

/// Strict parsing shared by the three types: ASCII digits only, an allowed length, no leading 0.
fn parse_strict(kind: &'static str, max: Level, s: &str) -> Result<u32, Error> {
    let fail = |reason: &'static str| Error::InvalidCode {
        kind,
        input: s.to_owned(),
        reason,
    };
    if s.is_empty() {
        return Err(fail("为空"));
    }
    if !s.bytes().all(|b| b.is_ascii_digit()) {
        return Err(fail("只能由数字 0–9 组成"));
    }
    if s.starts_with('0') {
        return Err(fail("不能以 0 开头"));
    }
    match Level::from_digits(s.len()) {
        Some(level) if level <= max => {}
        _ if max == Level::Xiang => return Err(fail("位数应为 3、5 或 7")),
        _ => return Err(fail("位数应为 3 或 5")),
    }
    // At most 7 digits, so this cannot overflow.
    Ok(s.bytes()
        .fold(0u32, |acc, b| acc * 10 + u32::from(b - b'0')))
}

/// Lenient parsing shared by the three types; see `FunctionCode::parse_lenient`.
fn parse_lenient(kind: &'static str, max: Level, s: &str) -> Result<u32, Error> {
    let fail = |reason: &'static str| Error::InvalidCode {
        kind,
        input: s.to_owned(),
        reason,
    };
    let mut groups: Vec<String> = Vec::new();
    let mut current = String::new();
    for c in s.chars() {
        match c {
            '0'..='9' => current.push(c),
            // Full-width digits ０–９ as typed by Chinese input methods.
            '０'..='９' => {
                current.push(char::from(b'0' + (u32::from(c) - u32::from('０')) as u8))
            }
            c if c.is_whitespace() || matches!(c, '-' | '－' | '‐' | '—') => {
                if !current.is_empty() {
                    groups.push(std::mem::take(&mut current));
                }
            }
            _ => return Err(fail("含数字、空格和连字符以外的字符")),
        }
    }
    if !current.is_empty() {
        groups.push(current);
    }
    match groups.as_slice() {
        [] => Err(fail("为空")),
        [whole] => parse_strict(kind, max, whole).map_err(|e| match e {
            Error::InvalidCode { reason, .. } => fail(reason),
            other => other,
        }),
        [first, rest @ ..] => {
            if first.len() != 3 || rest.iter().any(|g| g.len() != 2) {
                return Err(fail("分段应为 3 位、2 位、2 位"));
            }
            if rest.len() > max.depth() {
                return Err(fail("分段过多"));
            }
            let joined: String = groups.concat();
            parse_strict(kind, max, &joined).map_err(|e| match e {
                Error::InvalidCode { reason, .. } => fail(reason),
                other => other,
            })
        }
    }
}

macro_rules! classification_code {
    (
        $(#[$meta:meta])*
        $name:ident, kind = $kind:literal, max = $max:expr, catalog = $catalog:path,
        example = $example:literal, example_parent = $example_parent:literal,
        example_split = $example_split:literal
    ) => {
        $(#[$meta])*
        ///
        /// A `Copy` integer newtype: the level follows from the number of digits, codes never
        /// start with 0, and `Ord` is the order of the digit strings, so a parent sorts right
        /// before its children. `Display` writes the plain digits and round-trips with the strict
        /// `FromStr`; with the `serde` feature the code is (de)serialized as that digit string.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub struct $name(pub(super) u32);

        impl $name {
            /// The name of this code family, used in error messages.
            pub const KIND: &'static str = $kind;

            /// The code with this integer value, or `None` if it has the wrong number of digits
            #[doc = concat!("for ", $kind, ".")]
            ///
            /// ```
            #[doc = concat!("use fiscal_cn::classification::", stringify!($name), ";")]
            #[doc = concat!("let code = ", stringify!($name), "::from_u32(", $example, ").unwrap();")]
            #[doc = concat!("assert_eq!(code.as_u32(), ", $example, ");")]
            #[doc = concat!("assert_eq!(", stringify!($name), "::from_u32(12), None);")]
            /// ```
            #[must_use]
            pub const fn from_u32(value: u32) -> Option<Self> {
                match digit_count(value) {
                    Some(digits) if digits <= $max.digits() => Some(Self(value)),
                    _ => None,
                }
            }

            /// The code as an integer.
            #[must_use]
            pub const fn as_u32(self) -> u32 {
                self.0
            }

            /// The level, from the number of digits.
            #[must_use]
            pub const fn level(self) -> Level {
                match digit_count(self.0) {
                    Some(5) => Level::Kuan,
                    Some(7) => Level::Xiang,
                    _ => Level::Lei,
                }
            }

            /// The code one level up, or `None` for a 类.
            ///
            /// ```
            #[doc = concat!("use fiscal_cn::classification::", stringify!($name), ";")]
            #[doc = concat!("let code: ", stringify!($name), " = \"", $example, "\".parse()?;")]
            #[doc = concat!("assert_eq!(code.parent().map(|p| p.to_string()).as_deref(), Some(\"", $example_parent, "\"));")]
            /// # Ok::<(), fiscal_cn::Error>(())
            /// ```
            #[must_use]
            pub const fn parent(self) -> Option<Self> {
                match self.level() {
                    Level::Lei => None,
                    _ => Some(Self(self.0 / 100)),
                }
            }

            /// The strict ancestors, nearest first (项 → 款 → 类); empty for a 类.
            pub fn ancestors(self) -> impl Iterator<Item = Self> + Clone {
                ClassificationCode::ancestors(self)
            }

            /// Whether `self` is a strict ancestor of `other` (a code is not its own ancestor).
            #[must_use]
            pub fn is_ancestor_of(self, other: Self) -> bool {
                ClassificationCode::is_ancestor_of(self, other)
            }

            /// The 类 this code belongs to (itself for a 类).
            #[must_use]
            pub fn lei(self) -> Self {
                self.ancestors().last().unwrap_or(self)
            }

            /// The 款 this code belongs to (itself for a 款), or `None` for a 类.
            #[must_use]
            pub fn kuan(self) -> Option<Self> {
                match self.level() {
                    Level::Lei => None,
                    Level::Kuan => Some(self),
                    Level::Xiang => self.parent(),
                }
            }

            /// Reads the split forms that tables print as well as the plain digits: groups of 3,
            /// then 2, then 2 digits separated by spaces (ASCII or full-width) or hyphens, with
            /// full-width digits allowed. Errors are [`Error::InvalidCode`](crate::Error::InvalidCode).
            ///
            /// ```
            #[doc = concat!("use fiscal_cn::classification::", stringify!($name), ";")]
            #[doc = concat!("let code = ", stringify!($name), "::parse_lenient(\"", $example_split, "\")?;")]
            #[doc = concat!("assert_eq!(code.to_string(), \"", $example, "\");")]
            #[doc = concat!("assert!(", stringify!($name), "::parse_lenient(\"20 13 2\").is_err());")]
            /// # Ok::<(), fiscal_cn::Error>(())
            /// ```
            ///
            /// # Errors
            /// [`Error::InvalidCode`](crate::Error::InvalidCode) when what remains after the
            /// separators is not a code of this family.
            pub fn parse_lenient(s: &str) -> Result<Self, Error> {
                parse_lenient($kind, $max, s).map(Self)
            }
        }

        impl sealed::Sealed for $name {}

        impl ClassificationCode for $name {
            const KIND: &'static str = $kind;
            const MAX_LEVEL: Level = $max;
            fn from_u32(value: u32) -> Option<Self> {
                Self::from_u32(value)
            }
            fn as_u32(self) -> u32 {
                self.0
            }
            fn level(self) -> Level {
                Self::level(self)
            }
            fn parent(self) -> Option<Self> {
                Self::parent(self)
            }
            fn embedded_catalog() -> &'static Catalog<Self> {
                &$catalog
            }
        }

        impl Ord for $name {
            fn cmp(&self, other: &Self) -> Ordering {
                prefix_cmp(self.0, other.0)
            }
        }

        impl PartialOrd for $name {
            fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
                Some(self.cmp(other))
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                fmt::Display::fmt(&self.0, f)
            }
        }

        /// Strict: exactly the ASCII digits of a code of an allowed length, nothing else.
        impl FromStr for $name {
            type Err = Error;
            fn from_str(s: &str) -> Result<Self, Error> {
                parse_strict($kind, $max, s).map(Self)
            }
        }

        impl TryFrom<u32> for $name {
            type Error = Error;
            fn try_from(value: u32) -> Result<Self, Error> {
                value.to_string().parse()
            }
        }

        impl From<$name> for u32 {
            fn from(code: $name) -> u32 {
                code.0
            }
        }

        #[cfg(feature = "serde")]
        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_str(self)
            }
        }

        #[cfg(feature = "serde")]
        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
                text.parse().map_err(serde::de::Error::custom)
            }
        }
    };
}

classification_code! {
    /// A 支出功能分类 code: 类 (3 digits), 款 (5) or 项 (7), e.g. `2013201` 一般公共服务支出 /
    /// 组织事务 / 行政运行.
    FunctionCode, kind = "支出功能分类", max = Level::Xiang, catalog = super::generated::FUNCTIONAL,
    example = "2013201", example_parent = "20132", example_split = "201 32 01"
}

classification_code! {
    /// A 部门预算支出经济分类 code: 类 (3 digits) or 款 (5), e.g. `30108`
    /// 机关事业单位基本养老保险缴费.
    DepartmentEconomicCode, kind = "部门预算支出经济分类", max = Level::Kuan,
    catalog = super::generated::ECONOMIC_DEPARTMENT,
    example = "30108", example_parent = "301", example_split = "301 08"
}

classification_code! {
    /// A 政府预算支出经济分类 code: 类 (3 digits) or 款 (5), e.g. `50101` 工资奖金津补贴.
    GovernmentEconomicCode, kind = "政府预算支出经济分类", max = Level::Kuan,
    catalog = super::generated::ECONOMIC_GOVERNMENT,
    example = "50101", example_parent = "501", example_split = "501-01"
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(s: &str) -> FunctionCode {
        s.parse().unwrap()
    }

    #[test]
    fn prefix_order_not_integer_order() {
        let sorted = [
            "201", "20101", "2010101", "2010199", "20102", "2010201", "202", "999",
        ];
        let mut codes: Vec<FunctionCode> = sorted.iter().rev().map(|s| f(s)).collect();
        codes.sort();
        let back: Vec<String> = codes.iter().map(ToString::to_string).collect();
        assert_eq!(back, sorted);
        assert!(f("20102") > f("2010101"));
    }

    #[test]
    fn strict_parse_rejects() {
        for (input, reason) in [
            ("", "为空"),
            ("2013", "位数应为 3、5 或 7"),
            ("20132011", "位数应为 3、5 或 7"),
            ("0132011", "不能以 0 开头"),
            (" 201", "只能由数字 0–9 组成"),
            ("２０１", "只能由数字 0–9 组成"),
            ("+201", "只能由数字 0–9 组成"),
        ] {
            match input.parse::<FunctionCode>() {
                Err(Error::InvalidCode {
                    kind,
                    input: got,
                    reason: r,
                }) => {
                    assert_eq!((kind, got.as_str(), r), ("支出功能分类", input, reason));
                }
                other => panic!("{input:?}: {other:?}"),
            }
        }
        assert!("2013201".parse::<DepartmentEconomicCode>().is_err());
    }

    #[test]
    fn lenient_forms() {
        for s in [
            "201 32 01",
            "201-32-01",
            "２０１ ３２ ０１",
            "201　32　01",
            " 2013201 ",
        ] {
            assert_eq!(FunctionCode::parse_lenient(s).unwrap(), f("2013201"), "{s}");
        }
        assert_eq!(FunctionCode::parse_lenient("201 06").unwrap(), f("20106"));
        assert_eq!(
            DepartmentEconomicCode::parse_lenient("301 08")
                .unwrap()
                .as_u32(),
            30108
        );
        for s in [
            "2013 201",
            "201 3 201",
            "201 32 01 01",
            "201x32",
            "",
            "  ",
            "20 132",
        ] {
            assert!(FunctionCode::parse_lenient(s).is_err(), "{s}");
        }
        assert!(DepartmentEconomicCode::parse_lenient("301 08 01").is_err());
    }

    #[test]
    fn hierarchy() {
        let c = f("2013201");
        assert_eq!(c.ancestors().collect::<Vec<_>>(), [f("20132"), f("201")]);
        assert_eq!(c.lei(), f("201"));
        assert_eq!(c.kuan(), Some(f("20132")));
        assert_eq!(f("201").kuan(), None);
        assert!(f("201").is_ancestor_of(c));
        assert!(!c.is_ancestor_of(c));
        assert!(!f("202").is_ancestor_of(c));
        assert_eq!(FunctionCode::try_from(2013201).unwrap(), c);
        assert!(FunctionCode::try_from(1234).is_err());
    }
}
