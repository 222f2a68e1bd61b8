//! Exact money: units, strict parsing of printed figures, 四舍五入 formatting, percentages.
//!
//! Disclosures print amounts in 万元 with 2 decimals (prose drops trailing zeros: `22万元`),
//! sometimes in 元, with thousands separators in tables and full-width characters in Chinese
//! text. Everything here is exact: values are [`Decimal`]s that keep the digits as printed (the
//! scale of `0.80` is 2, of `22` is 0), and the only rounding is 四舍五入
//! ([`RoundingStrategy::MidpointAwayFromZero`]), never banker's rounding.
//!
//! # Three types for one printed amount
//!
//! A figure such as `775.38万元` passes through three types, each for one job:
//!
//! - [`PrintedAmount`] is what the text says: the digits exactly as printed and the unit
//!   written after them, if any ([`parse_amount`] gives it; the unit is `None` in a table cell,
//!   whose unit is the table's).
//! - [`Amount`] is money to compute with: a value and its [`Unit`], never without one. It adds,
//!   subtracts and compares by value across units (`1万元 == 10000元`), exactly, and converts
//!   between 元, 万元 and 亿元.
//! - [`Printed`](crate::precision::Printed) is a number with the decimals it was printed to
//!   and no unit: what the rounding-aware checks need (its preimage under 四舍五入 or 截尾).
//!   Build it from an amount's value in the unit the identity is checked in.
//!
//! ```
//! use fiscal_cn::money::{Amount, Unit, parse_amount};
//! use fiscal_cn::precision::{Consistency, Printed, check_sum};
//!
//! let printed = parse_amount("775.38万元")?; // what the text says
//! assert_eq!(printed.unit, Some(Unit::WanYuan));
//! let amount = Amount::new(printed.value, Unit::WanYuan); // money
//! assert_eq!(amount, "7753800元".parse::<Amount>()?);
//! // Its digits as printed, for a rounding-aware check against its parts.
//! let total = Printed::as_shown(amount.value());
//! let parts = [Printed::as_shown("700.25".parse()?), Printed::as_shown("75.12".parse()?)];
//! assert_eq!(check_sum(total, &parts)?.verdict, Consistency::Consistent); // 775.37 + 尾差
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::fmt;
use std::str::FromStr;

use rust_decimal::{Decimal, RoundingStrategy};

use crate::error::Operation;
use crate::error::{Error, Result};

/// A currency unit of printed amounts.
///
/// ```
/// use fiscal_cn::{Decimal, money::Unit};
///
/// assert_eq!(Unit::WanYuan.to_string(), "万元");
/// assert_eq!("亿元".parse::<Unit>()?, Unit::YiYuan);
/// assert_eq!(Unit::WanYuan.yuan_per_unit(), Decimal::from(10_000));
/// # Ok::<(), fiscal_cn::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, strum::Display)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Unit {
    /// 元.
    #[strum(to_string = "元")]
    #[cfg_attr(feature = "serde", serde(rename = "元"))]
    Yuan,
    /// 万元 = 10,000 元, the unit of most disclosure tables.
    #[strum(to_string = "万元")]
    #[cfg_attr(feature = "serde", serde(rename = "万元"))]
    WanYuan,
    /// 亿元 = 100,000,000 元.
    #[strum(to_string = "亿元")]
    #[cfg_attr(feature = "serde", serde(rename = "亿元"))]
    YiYuan,
}

impl Unit {
    /// Every unit, smallest first.
    pub const ALL: &'static [Unit] = &[Unit::Yuan, Unit::WanYuan, Unit::YiYuan];

    /// How many 元 one of this unit is.
    #[must_use]
    pub fn yuan_per_unit(self) -> Decimal {
        Decimal::from(match self {
            Unit::Yuan => 1_u32,
            Unit::WanYuan => 10_000,
            Unit::YiYuan => 100_000_000,
        })
    }

    /// The power of ten of [`Unit::yuan_per_unit`]: 0, 4 or 8.
    #[must_use]
    pub fn yuan_exponent(self) -> u32 {
        match self {
            Unit::Yuan => 0,
            Unit::WanYuan => 4,
            Unit::YiYuan => 8,
        }
    }

    /// The unit as [`Display`](std::fmt::Display) prints it, without the formatter: checker
    /// messages name the unit several times each.
    pub(crate) fn symbol(self) -> &'static str {
        match self {
            Unit::Yuan => "元",
            Unit::WanYuan => "万元",
            Unit::YiYuan => "亿元",
        }
    }
}

impl FromStr for Unit {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self> {
        match s.trim() {
            "元" => Ok(Unit::Yuan),
            "万元" => Ok(Unit::WanYuan),
            "亿元" => Ok(Unit::YiYuan),
            _ => Err(Error::UnknownName {
                kind: "金额单位",
                input: s.to_owned(),
            }),
        }
    }
}

/// An exact amount of money in a unit.
///
/// The value keeps the scale it was made with, so an amount parsed from `0.80万元` displays as
/// `0.80万元`. Conversion between units is exact (a shift of the decimal point).
///
/// Amounts compare, hash and order **by value across units**: `1万元 == 10000元`, and
/// `0.80万元 == 0.8万元`. They add, subtract, negate and sum exactly; the result is in the
/// smaller unit of the operands (`1万元 + 1元` is `10001元`), so nothing is rounded. The
/// operators panic when the result has more digits than a [`Decimal`] holds, as `Decimal`'s
/// own do; [`Amount::checked_add`] and [`Amount::checked_sub`] return
/// [`Error::Overflow`] instead.
///
/// ```
/// use fiscal_cn::money::{Amount, Unit};
///
/// let a: Amount = "775.38万元".parse()?;
/// assert_eq!(a.to_unit(Unit::Yuan)?.to_string(), "7753800.00元");
/// assert_eq!(a.format_in(Unit::YiYuan, 2)?, "0.08亿元");
///
/// let wan: Amount = "1万元".parse()?;
/// let yuan: Amount = "10000元".parse()?;
/// assert_eq!(wan, yuan);
/// assert_eq!((wan + "1元".parse::<Amount>()?).to_string(), "10001元");
/// assert_eq!((wan - yuan).to_string(), "0元");
/// assert!(wan > "9999.99元".parse::<Amount>()?);
/// let total: Amount = [wan, yuan, -wan].into_iter().sum();
/// assert_eq!(total, yuan);
/// # Ok::<(), fiscal_cn::Error>(())
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Amount {
    value: Decimal,
    unit: Unit,
}

impl Amount {
    /// An amount of `value` in `unit`.
    #[must_use]
    pub fn new(value: Decimal, unit: Unit) -> Self {
        Amount { value, unit }
    }

    /// Zero in `unit`.
    #[must_use]
    pub fn zero(unit: Unit) -> Self {
        Amount::new(Decimal::ZERO, unit)
    }

    /// The number, in [`Amount::unit`].
    #[must_use]
    pub fn value(self) -> Decimal {
        self.value
    }

    /// The unit.
    #[must_use]
    pub fn unit(self) -> Unit {
        self.unit
    }

    /// Parses a printed amount, taking `default_unit` when the text names none (table cells,
    /// whose unit is in the header).
    ///
    /// ```
    /// use fiscal_cn::money::{Amount, Unit};
    ///
    /// let cell = Amount::parse_in("2,940.05", Unit::WanYuan)?;
    /// assert_eq!(cell.to_string(), "2940.05万元");
    /// // A unit in the text wins over the default.
    /// assert_eq!(Amount::parse_in("0.12元", Unit::WanYuan)?.unit(), Unit::Yuan);
    /// # Ok::<(), fiscal_cn::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidAmount`] when the text is no amount as
    /// [`parse_amount`] reads it.
    pub fn parse_in(input: &str, default_unit: Unit) -> Result<Self> {
        let printed = parse_amount(input)?;
        Ok(Amount::new(
            printed.value,
            printed.unit.unwrap_or(default_unit),
        ))
    }

    /// The same amount in another unit, exactly.
    ///
    /// Fails with [`Error::Overflow`] only when the result has more digits than a decimal holds.
    ///
    /// # Errors
    /// [`Error::Overflow`] when the value in `unit` exceeds what `Decimal`
    /// holds.
    pub fn to_unit(self, unit: Unit) -> Result<Self> {
        let from = self.unit.yuan_exponent();
        let to = unit.yuan_exponent();
        let value = if from >= to {
            shift_left(self.value, from - to)?
        } else {
            shift_right(self.value, to - from)?
        };
        Ok(Amount::new(value, unit))
    }

    /// The amount in `unit`, rounded 四舍五入 to `decimals` decimals, without the unit name:
    /// the number as a table in that unit prints it.
    ///
    /// Fails with [`Error::TooManyDecimals`] when `decimals` exceeds [`MAX_DECIMALS`] (28).
    ///
    /// # Errors
    /// [`Error::Overflow`] when the value in `unit` exceeds what `Decimal`
    /// holds; [`Error::TooManyDecimals`] when `decimals` is beyond
    /// [`MAX_DECIMALS`].
    pub fn value_in(self, unit: Unit, decimals: u32) -> Result<Decimal> {
        check_decimals(decimals)?;
        Ok(round_half_up(self.to_unit(unit)?.value, decimals))
    }

    /// Formats the amount in `unit` with exactly `decimals` decimals, 四舍五入, followed by the
    /// unit name: `775.38万元`.
    ///
    /// Fails with [`Error::TooManyDecimals`] when `decimals` exceeds [`MAX_DECIMALS`] (28).
    ///
    /// ```
    /// use fiscal_cn::{Decimal, money::{Amount, Unit}};
    ///
    /// let a = Amount::new(Decimal::new(77538, 2), Unit::WanYuan);
    /// assert_eq!(a.format_in(Unit::Yuan, 0)?, "7753800元");
    /// assert!(a.format_in(Unit::Yuan, 29).is_err());
    /// # Ok::<(), fiscal_cn::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`Amount::value_in`].
    pub fn format_in(self, unit: Unit, decimals: u32) -> Result<String> {
        Ok(format!(
            "{}{unit}",
            format_fixed(self.value_in(unit, decimals)?, decimals)
        ))
    }

    /// Adds two amounts exactly; the result is in the smaller of the two units, so nothing is
    /// rounded.
    ///
    /// # Errors
    /// [`Error::Overflow`] when the sum has more digits than a [`Decimal`] holds.
    pub fn checked_add(self, other: Amount) -> Result<Amount> {
        let unit = self.unit.min(other.unit);
        let (a, b) = (self.to_unit(unit)?, other.to_unit(unit)?);
        a.value
            .checked_add(b.value)
            .map(|value| Amount::new(value, unit))
            .ok_or(Error::Overflow {
                operation: Operation::AmountSum,
            })
    }

    /// `self − other` exactly, in the smaller of the two units.
    ///
    /// # Errors
    /// [`Error::Overflow`] when the difference has more digits than a [`Decimal`] holds.
    pub fn checked_sub(self, other: Amount) -> Result<Amount> {
        self.checked_add(-other)
    }

    /// Compares two amounts by value, across units (what `==` does).
    ///
    /// # Errors
    /// Never: kept for compatibility; use `==`.
    pub fn same_value(self, other: Amount) -> Result<bool> {
        Ok(self == other)
    }

    /// The value as `mantissa × 10^exponent` 元 with no trailing zero in the mantissa: one form
    /// for every way of writing the same amount, in any unit, so equality, hashing and order
    /// need no conversion (which could overflow).
    fn canonical(self) -> (i128, i64) {
        let mut mantissa = self.value.mantissa();
        if mantissa == 0 {
            return (0, 0);
        }
        let mut exponent = i64::from(self.unit.yuan_exponent()) - i64::from(self.value.scale());
        while mantissa % 10 == 0 {
            mantissa /= 10;
            exponent += 1;
        }
        (mantissa, exponent)
    }
}

impl PartialEq for Amount {
    fn eq(&self, other: &Amount) -> bool {
        self.canonical() == other.canonical()
    }
}

impl Eq for Amount {}

impl std::hash::Hash for Amount {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.canonical().hash(state);
    }
}

impl PartialOrd for Amount {
    fn partial_cmp(&self, other: &Amount) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Amount {
    /// By value across units, exactly.
    fn cmp(&self, other: &Amount) -> std::cmp::Ordering {
        use std::cmp::Ordering;
        let ((a, ea), (b, eb)) = (self.canonical(), other.canonical());
        match (a.signum(), b.signum()) {
            (x, y) if x != y => return x.cmp(&y),
            (0, _) => return Ordering::Equal,
            _ => {}
        }
        // Same sign, both non-zero: the one with more digits before the point is larger in
        // magnitude; with as many, aligning the exponents keeps both within 29 digits.
        let magnitude = |m: i128, e: i64| (m.unsigned_abs().ilog10() as i64) + e;
        let by_magnitude = magnitude(a, ea).cmp(&magnitude(b, eb)).then_with(|| {
            let (a, b) = (a.unsigned_abs(), b.unsigned_abs());
            let align = |m: u128, shift: i64| m * 10_u128.pow(u32::try_from(shift).unwrap_or(0));
            if ea >= eb {
                align(a, ea - eb).cmp(&b)
            } else {
                a.cmp(&align(b, eb - ea))
            }
        });
        if a < 0 {
            by_magnitude.reverse()
        } else {
            by_magnitude
        }
    }
}

impl std::ops::Neg for Amount {
    type Output = Amount;

    fn neg(self) -> Amount {
        Amount::new(-self.value, self.unit)
    }
}

impl std::ops::Add for Amount {
    type Output = Amount;

    /// `self + other` in the smaller unit.
    ///
    /// # Panics
    /// When the sum has more digits than a [`Decimal`] holds; see [`Amount::checked_add`].
    fn add(self, other: Amount) -> Amount {
        match self.checked_add(other) {
            Ok(sum) => sum,
            Err(e) => panic!("{e}"),
        }
    }
}

impl std::ops::Sub for Amount {
    type Output = Amount;

    /// `self − other` in the smaller unit.
    ///
    /// # Panics
    /// When the difference has more digits than a [`Decimal`] holds; see
    /// [`Amount::checked_sub`].
    fn sub(self, other: Amount) -> Amount {
        self + -other
    }
}

impl std::iter::Sum for Amount {
    /// The exact sum, in the smallest unit among the amounts; `0元` for none.
    ///
    /// # Panics
    /// As [`Add`](std::ops::Add): sum with [`Amount::checked_add`] when it may not fit.
    fn sum<I: Iterator<Item = Amount>>(iter: I) -> Amount {
        iter.reduce(|a, b| a + b)
            .unwrap_or_else(|| Amount::zero(Unit::Yuan))
    }
}

impl fmt::Display for Amount {
    /// The value as held (digits as printed, no thousands separators) and the unit.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}", self.value, self.unit)
    }
}

impl FromStr for Amount {
    type Err = Error;

    /// Parses a printed amount that names its unit (`775.38万元`); see [`parse_amount`] for the
    /// grammar and [`Amount::parse_in`] for bare numbers.
    fn from_str(s: &str) -> Result<Self> {
        let printed = parse_amount(s)?;
        match printed.unit {
            Some(unit) => Ok(Amount::new(printed.value, unit)),
            None => Err(Error::InvalidAmount {
                input: s.to_owned(),
                reason: "缺少金额单位（元、万元或亿元）",
            }),
        }
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Amount {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for Amount {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// A figure as printed: its exact digits and the unit written after it, if any.
///
/// The number of decimals printed is the scale of [`PrintedAmount::value`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PrintedAmount {
    /// The number, with the decimals as printed (`0.80` keeps scale 2).
    pub value: Decimal,
    /// The unit written after the number, if any.
    pub unit: Option<Unit>,
}

impl PrintedAmount {
    /// How many decimals were printed.
    #[must_use]
    pub fn decimals(self) -> u32 {
        self.value.scale()
    }
}

impl fmt::Display for PrintedAmount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.value)?;
        if let Some(unit) = self.unit {
            write!(f, "{unit}")?;
        }
        Ok(())
    }
}

/// Parses an amount exactly as disclosures print it.
///
/// The grammar, after turning full-width characters (`０`–`９`, `．`, `，`, `－`) into their
/// ASCII forms and trimming white space:
///
/// `[-|+] integer [. digits] [space] [元|万元|亿元]`
///
/// where `integer` is `0`, digits without a leading zero, or digits grouped in threes by commas
/// (`91,016,775.35`; a comma anywhere else is an error). At most 28 significant digits. There
/// are no exponents, underscores, or implied units; anything else is an [`Error::InvalidAmount`]
/// that quotes the input.
///
/// ```
/// use fiscal_cn::{Decimal, money::{parse_amount, Unit}};
///
/// let a = parse_amount("775.38万元")?;
/// assert_eq!((a.value, a.unit), (Decimal::new(77538, 2), Some(Unit::WanYuan)));
/// assert_eq!(parse_amount("９１，０１６，７７５．３５")?.value, Decimal::new(9101677535, 2));
/// assert_eq!(parse_amount("22万元")?.decimals(), 0);
/// assert!(parse_amount("1,23.4").is_err());
/// assert!(parse_amount("1e5").is_err());
/// # Ok::<(), fiscal_cn::Error>(())
/// ```
///
/// # Errors
/// [`Error::InvalidAmount`] saying what is wrong: no digits, a unit
/// cut short (`775.38万`), a negative in brackets, two decimal points, misplaced thousands
/// separators, trailing text.
pub fn parse_amount(input: &str) -> Result<PrintedAmount> {
    let fail = |reason| Error::InvalidAmount {
        input: input.to_owned(),
        reason,
    };
    let text = normalize_width(input);
    let text = text.trim();
    let (number, unit) = split_unit(text);
    let number = number.trim_end();
    if let Some(reason) = misprint(number) {
        return Err(fail(reason));
    }
    let value = parse_number(number).map_err(fail)?;
    Ok(PrintedAmount { value, unit })
}

/// What is wrong with a number that misprints an amount in a way readers meet: a unit cut
/// short, a negative in brackets (accounting style), two decimal points.
fn misprint(number: &str) -> Option<&'static str> {
    if number.ends_with('万') || number.ends_with('亿') || number.ends_with("千元") {
        return Some("金额单位不完整或不受支持：应为“元”“万元”或“亿元”");
    }
    let bracketed = (number.starts_with('(') && number.ends_with(')'))
        || (number.starts_with('（') && number.ends_with('）'));
    if bracketed {
        return Some("不接受以括号表示负数，请写负号（如 -0.20）");
    }
    if number.matches('.').count() > 1 {
        return Some("有多个小数点");
    }
    None
}

/// A percentage as printed, in percentage points, keeping the decimals it was printed with.
///
/// `36.5%` has one decimal, `0.004%` three, `125%` none: the precision of a published percentage
/// is whatever it was printed with, and [`Percent::decimals`] says it.
///
/// ```
/// use fiscal_cn::{Decimal, money::Percent};
///
/// let p: Percent = "36.5％".parse()?;
/// assert_eq!(p.points(), Decimal::new(365, 1));
/// assert_eq!(p.decimals(), 1);
/// assert_eq!(p.to_string(), "36.5%");
///
/// let share = Percent::from_ratio(Decimal::new(72925, 2), Decimal::new(77531, 2), 2).unwrap();
/// assert_eq!(share.to_string(), "94.06%");
/// # Ok::<(), fiscal_cn::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Percent {
    points: Decimal,
}

impl Percent {
    /// A percentage of `points` percentage points (`Decimal::new(365, 1)` is 36.5%); the scale of
    /// `points` is its printed precision.
    #[must_use]
    pub fn new(points: Decimal) -> Self {
        Percent { points }
    }

    /// `part / whole × 100`, rounded 四舍五入 to `decimals` decimals; `None` when `whole` is
    /// zero (a share of nothing is undefined, never 0% or 100%) or on overflow.
    #[must_use]
    pub fn from_ratio(part: Decimal, whole: Decimal, decimals: u32) -> Option<Percent> {
        ratio_points(part, whole).map(|points| Percent::new(round_half_up(points, decimals)))
    }

    /// The value in percentage points.
    #[must_use]
    pub fn points(self) -> Decimal {
        self.points
    }

    /// How many decimals were printed.
    #[must_use]
    pub fn decimals(self) -> u32 {
        self.points.scale()
    }
}

impl fmt::Display for Percent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}%", self.points)
    }
}

impl FromStr for Percent {
    type Err = Error;

    /// Parses `36.5%`, `0.004％`, `-2.5%`, `125%`: a number in the grammar of [`parse_amount`]
    /// (without thousands separators) followed by `%` or `％`.
    fn from_str(input: &str) -> Result<Self> {
        let fail = |reason| Error::InvalidPercent {
            input: input.to_owned(),
            reason,
        };
        let text = normalize_width(input);
        let number = text
            .trim()
            .strip_suffix('%')
            .ok_or_else(|| fail("缺少百分号"))?
            .trim_end();
        if number.contains(',') {
            return Err(fail("百分比不应有千分位分隔符"));
        }
        parse_number(number).map(Percent::new).map_err(fail)
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Percent {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for Percent {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// The most decimals a `Decimal` carries, and so the most any amount, rate or format of this
/// crate has: 28.
pub const MAX_DECIMALS: u32 = 28;

/// `Err` when `decimals` exceeds [`MAX_DECIMALS`].
pub(crate) fn check_decimals(decimals: u32) -> Result<u32> {
    if decimals > MAX_DECIMALS {
        return Err(Error::TooManyDecimals { decimals });
    }
    Ok(decimals)
}

/// Rounds 四舍五入 (half away from zero) to `decimals` decimals and fixes the scale there, so
/// `22` rounded to 2 decimals is `22.00`. `decimals` above [`MAX_DECIMALS`] act as 28 (a
/// `Decimal` holds no more); a value with too many digits for that many decimals keeps its
/// own scale (see [`format_fixed`] for text with every decimal).
///
/// ```
/// use fiscal_cn::{Decimal, money::round_half_up};
///
/// assert_eq!(round_half_up(Decimal::new(2345, 3), 2).to_string(), "2.35"); // banker's gives 2.34
/// assert_eq!(round_half_up(Decimal::new(-2345, 3), 2).to_string(), "-2.35");
/// assert_eq!(round_half_up(Decimal::from(22), 2).to_string(), "22.00");
/// ```
#[must_use]
pub fn round_half_up(value: Decimal, decimals: u32) -> Decimal {
    fix_scale(
        value.round_dp_with_strategy(decimals, RoundingStrategy::MidpointAwayFromZero),
        decimals,
    )
}

/// Truncates toward zero (截尾) to `decimals` decimals and fixes the scale there; `decimals`
/// above [`MAX_DECIMALS`] act as 28, as in [`round_half_up`].
///
/// ```
/// use fiscal_cn::{Decimal, money::truncate_to};
///
/// assert_eq!(truncate_to(Decimal::new(940591, 4), 2).to_string(), "94.05");
/// ```
#[must_use]
pub fn truncate_to(value: Decimal, decimals: u32) -> Decimal {
    fix_scale(
        value.round_dp_with_strategy(decimals, RoundingStrategy::ToZero),
        decimals,
    )
}

/// Writes `value` with exactly `decimals` decimals, 四舍五入, and no separators.
///
/// `decimals` is capped at [`MAX_DECIMALS`] (28), the most a `Decimal` has: a larger number
/// writes 28 decimals, so the text never grows with the argument.
///
/// ```
/// use fiscal_cn::{Decimal, money::format_fixed};
///
/// assert_eq!(format_fixed(Decimal::new(22, 0), 2), "22.00");
/// assert_eq!(format_fixed(Decimal::new(1, 6), 100).len(), "0.".len() + 28);
/// // Every decimal is written even when a `Decimal` of that scale would not hold the digits.
/// assert_eq!(format_fixed(Decimal::MAX, 2), "79228162514264337593543950335.00");
/// ```
#[must_use]
pub fn format_fixed(value: Decimal, decimals: u32) -> String {
    let decimals = decimals.min(MAX_DECIMALS);
    let rounded = round_half_up(value, decimals);
    let mut text = rounded.to_string();
    // `round_half_up` keeps a value whose digits do not fit at `decimals` at its own scale:
    // the missing zeros are written out.
    let shown = rounded.scale();
    if shown < decimals {
        if shown == 0 {
            text.push('.');
        }
        text.extend(std::iter::repeat_n('0', (decimals - shown) as usize));
    }
    text
}

/// Writes `value` with exactly `decimals` decimals, 四舍五入, with the integer part grouped in
/// threes by commas, as tables print: `2,940.05`.
///
/// ```
/// use fiscal_cn::{Decimal, money::format_grouped};
///
/// assert_eq!(format_grouped(Decimal::new(9101677535, 2), 2), "91,016,775.35");
/// assert_eq!(format_grouped(Decimal::new(-1234567, 3), 2), "-1,234.57");
/// ```
#[must_use]
pub fn format_grouped(value: Decimal, decimals: u32) -> String {
    let plain = format_fixed(value, decimals);
    let (sign, unsigned) = match plain.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", plain.as_str()),
    };
    let (integer, fraction) = match unsigned.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (unsigned, None),
    };
    let mut grouped = String::with_capacity(plain.len() + integer.len() / 3);
    for (i, digit) in integer.chars().enumerate() {
        if i > 0 && (integer.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    match fraction {
        Some(f) => format!("{sign}{grouped}.{f}"),
        None => format!("{sign}{grouped}"),
    }
}

/// `part / whole × 100` exactly (to the 28 digits a decimal holds); `None` when `whole` is
/// zero or on overflow.
pub(crate) fn ratio_points(part: Decimal, whole: Decimal) -> Option<Decimal> {
    if whole.is_zero() {
        return None;
    }
    part.checked_mul(Decimal::ONE_HUNDRED)?.checked_div(whole)
}

/// Sets the scale to exactly `decimals` without changing the value when that is representable.
fn fix_scale(mut value: Decimal, decimals: u32) -> Decimal {
    let decimals = decimals.min(MAX_DECIMALS);
    if value.scale() < decimals {
        // rescale only adds zeros here; when it cannot (too many digits) the value is kept.
        let mut widened = value;
        widened.rescale(decimals);
        if widened == value {
            value = widened;
        }
    }
    value
}

fn shift_left(value: Decimal, places: u32) -> Result<Decimal> {
    value
        .checked_mul(Decimal::from(10_u64.pow(places)))
        .ok_or(Error::Overflow {
            operation: Operation::UnitConversion,
        })
}

fn shift_right(value: Decimal, places: u32) -> Result<Decimal> {
    let scale = value.scale() + places;
    if scale > 28 {
        return Err(Error::Overflow {
            operation: Operation::UnitConversion,
        });
    }
    Decimal::try_from_i128_with_scale(value.mantissa(), scale).map_err(|_| Error::Overflow {
        operation: Operation::UnitConversion,
    })
}

/// Full-width digits and punctuation that Chinese texts use, turned into ASCII.
fn normalize_width(input: &str) -> String {
    input
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            '．' => '.',
            '，' => ',',
            '－' | '−' => '-',
            '＋' => '+',
            '％' => '%',
            '\u{3000}' => ' ',
            other => other,
        })
        .collect()
}

fn split_unit(text: &str) -> (&str, Option<Unit>) {
    for unit in [Unit::WanYuan, Unit::YiYuan, Unit::Yuan] {
        if let Some(number) = text.strip_suffix(unit.to_string().as_str()) {
            return (number, Some(unit));
        }
    }
    (text, None)
}

/// The strict number grammar shared by amounts and percentages (input already normalized).
fn parse_number(text: &str) -> std::result::Result<Decimal, &'static str> {
    let (negative, unsigned) = match text.as_bytes().first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    if unsigned.is_empty() {
        return Err("没有数字");
    }
    let (integer, fraction) = match unsigned.split_once('.') {
        Some((_, "")) => return Err("小数点后没有数字"),
        Some((i, f)) => (i, f),
        None => (unsigned, ""),
    };
    if integer.is_empty() {
        return Err("小数点前没有数字");
    }
    if !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return Err("小数部分含有非数字字符");
    }
    let digits = integer_digits(integer)?;
    let mut mantissa: i128 = 0;
    let mut significant = 0_u32;
    for b in digits.bytes().chain(fraction.bytes()) {
        mantissa = mantissa * 10 + i128::from(b - b'0');
        if mantissa != 0 {
            significant += 1;
        }
        if significant > 28 {
            return Err("有效数字超过 28 位");
        }
    }
    let scale = u32::try_from(fraction.len()).map_err(|_| "小数位数过多")?;
    if scale > 28 {
        return Err("小数位数超过 28 位");
    }
    if negative {
        mantissa = -mantissa;
    }
    Decimal::try_from_i128_with_scale(mantissa, scale).map_err(|_| "数值超出范围")
}

/// Checks the integer part (plain, or grouped in threes) and returns its digits.
fn integer_digits(integer: &str) -> std::result::Result<String, &'static str> {
    if !integer.contains(',') {
        if !integer.bytes().all(|b| b.is_ascii_digit()) {
            return Err("含有非数字字符");
        }
        if integer.len() > 1 && integer.starts_with('0') {
            return Err("整数部分有多余的前导零");
        }
        return Ok(integer.to_owned());
    }
    let mut groups = integer.split(',');
    let first = groups.next().unwrap_or_default();
    let first_ok = (1..=3).contains(&first.len())
        && first.bytes().all(|b| b.is_ascii_digit())
        && !first.starts_with('0');
    if !first_ok {
        return Err("千分位分隔符位置不正确");
    }
    let mut digits = first.to_owned();
    for group in groups {
        if group.len() != 3 || !group.bytes().all(|b| b.is_ascii_digit()) {
            return Err("千分位分隔符位置不正确");
        }
        digits.push_str(group);
    }
    Ok(digits)
}

/// Serializes a `BTreeMap<K, Decimal>` with the amounts as strings and reads them back with
/// the strict grammar of [`parse_amount`] (no unit), so no digit or trailing zero is lost and no
/// float is involved. Used with `#[serde(with = "crate::money::decimal_map")]`.
#[cfg(feature = "serde")]
pub(crate) mod decimal_map {
    use std::collections::BTreeMap;

    use rust_decimal::Decimal;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<K: Serialize, S: Serializer>(
        map: &BTreeMap<K, Decimal>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        serializer.collect_map(map.iter().map(|(k, v)| (k, v.to_string())))
    }

    pub fn deserialize<'de, K: Deserialize<'de> + Ord, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<BTreeMap<K, Decimal>, D::Error> {
        BTreeMap::<K, String>::deserialize(deserializer)?
            .into_iter()
            .map(|(key, text)| Ok((key, parse_cell(&text)?)))
            .collect()
    }

    /// One amount of such a map: the strict grammar, no unit.
    pub fn parse_cell<E: serde::de::Error>(text: &str) -> Result<Decimal, E> {
        let printed = super::parse_amount(text).map_err(E::custom)?;
        match printed.unit {
            None => Ok(printed.value),
            Some(_) => Err(E::custom(format!(
                "金额“{text}”不应带单位：单位由所在的表或字段给出"
            ))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn amounts() -> impl Strategy<Value = Amount> {
        (
            -10_i64.pow(15)..10_i64.pow(15),
            0_u32..8,
            prop::sample::select(vec![Unit::Yuan, Unit::WanYuan, Unit::YiYuan]),
        )
            .prop_map(|(mantissa, scale, unit)| Amount::new(Decimal::new(mantissa, scale), unit))
    }

    proptest! {
        /// Equality, order and hashing are those of the exact values in 元 (an oracle that
        /// converts both; these amounts are small enough to convert).
        #[test]
        fn amounts_compare_by_value_across_units(a in amounts(), b in amounts()) {
            use std::hash::{BuildHasher, RandomState};
            let yuan = |x: Amount| x.to_unit(Unit::Yuan).unwrap().value();
            prop_assert_eq!(a == b, yuan(a) == yuan(b));
            prop_assert_eq!(a.cmp(&b), yuan(a).cmp(&yuan(b)));
            let same_in_wan = Amount::new(yuan(a), Unit::Yuan).to_unit(Unit::WanYuan).unwrap();
            prop_assert_eq!(a, same_in_wan);
            let hasher = RandomState::new();
            prop_assert_eq!(hasher.hash_one(a), hasher.hash_one(same_in_wan));
            // Arithmetic is exact, in the smaller unit.
            let sum = a + b;
            prop_assert_eq!(yuan(sum), yuan(a) + yuan(b));
            prop_assert_eq!(sum.unit(), a.unit().min(b.unit()));
            prop_assert_eq!(yuan(a - b), yuan(a) - yuan(b));
            prop_assert_eq!(a - a, Amount::zero(Unit::Yuan));
        }
    }

    #[test]
    fn misprinted_amounts_say_what_is_wrong() {
        for (input, says) in [
            ("775.38万", "单位不完整"),
            ("12亿", "单位不完整"),
            ("(0.20)万元", "括号"),
            ("（0.20）万元", "括号"),
            ("1.2.3万元", "多个小数点"),
        ] {
            let Err(Error::InvalidAmount { reason, .. }) = parse_amount(input) else {
                panic!("{input} parsed");
            };
            assert!(reason.contains(says), "{input}: {reason}");
        }
        assert!(parse_amount("-0.20万元").is_ok());
    }

    #[test]
    fn arithmetic_that_does_not_fit_is_an_error_or_a_panic() {
        let huge = Amount::new(Decimal::MAX, Unit::Yuan);
        assert!(matches!(
            huge.checked_add(huge),
            Err(Error::Overflow { .. })
        ));
        assert!(std::panic::catch_unwind(|| huge + huge).is_err());
        // Comparing never converts, so it never fails: 1亿元 with 28 digits against 元.
        let big = Amount::new(Decimal::MAX, Unit::YiYuan);
        assert!(big > huge);
        assert!(-big < -huge);
        assert_ne!(big, huge);
        let none: Amount = std::iter::empty().sum();
        assert_eq!(none, Amount::zero(Unit::WanYuan));
    }

    #[test]
    fn unit_symbols_are_what_display_prints() {
        for &unit in Unit::ALL {
            assert_eq!(unit.symbol(), unit.to_string());
        }
    }

    fn dec(s: &str) -> Decimal {
        Decimal::from_str_exact(s).unwrap()
    }

    #[test]
    fn parses_the_forms_disclosures_print() {
        let cases = [
            ("775.38万元", "775.38", Some(Unit::WanYuan)),
            ("0.12元", "0.12", Some(Unit::Yuan)),
            ("22万元", "22", Some(Unit::WanYuan)),
            ("-1.23", "-1.23", None),
            ("91,016,775.35", "91016775.35", None),
            ("１２．５万元", "12.5", Some(Unit::WanYuan)),
            ("１，２３４．５", "1234.5", None),
            ("－3.4亿元", "-3.4", Some(Unit::YiYuan)),
            (" 0.80 万元 ", "0.80", Some(Unit::WanYuan)),
            ("0", "0", None),
            ("+7", "7", None),
        ];
        for (input, value, unit) in cases {
            let parsed = parse_amount(input).unwrap();
            assert_eq!(parsed.value.to_string(), value, "{input}");
            assert_eq!(parsed.unit, unit, "{input}");
        }
    }

    #[test]
    fn rejects_everything_else_quoting_the_input() {
        for input in [
            "",
            "万元",
            "1,23.4",
            "12,34",
            "1234,567",
            ",123",
            "0,123",
            "1.",
            ".5",
            "1e5",
            "1_000",
            "01.5",
            "1.2.3",
            "--1",
            "1-",
            "12万",
            "NaN",
            "1 2",
            "1,234.5,6",
            "1.5%",
            "12345678901234567890123456789",
        ] {
            let err = parse_amount(input).unwrap_err();
            assert!(
                matches!(&err, Error::InvalidAmount { input: i, .. } if i == input),
                "{input}: {err:?}"
            );
            assert!(err.to_string().contains(input));
        }
    }

    #[test]
    fn percent_keeps_printed_precision() {
        for (input, points, decimals) in [
            ("36.5%", "36.5", 1),
            ("0.004%", "0.004", 3),
            ("125%", "125", 0),
            ("94.05％", "94.05", 2),
            ("-2.50%", "-2.50", 2),
        ] {
            let p: Percent = input.parse().unwrap();
            assert_eq!(p.points(), dec(points));
            assert_eq!(p.decimals(), decimals);
        }
        for bad in ["36.5", "%", "1,000%", "3.%", "abc%"] {
            assert!(matches!(
                bad.parse::<Percent>(),
                Err(Error::InvalidPercent { .. })
            ));
        }
    }

    #[test]
    fn rounding_is_half_up_not_bankers() {
        assert_eq!(round_half_up(dec("0.125"), 2), dec("0.13"));
        assert_eq!(round_half_up(dec("0.135"), 2), dec("0.14"));
        assert_eq!(round_half_up(dec("-0.125"), 2), dec("-0.13"));
        assert_eq!(truncate_to(dec("0.129"), 2), dec("0.12"));
        assert_eq!(format_fixed(dec("0.8"), 2), "0.80");
        assert_eq!(format_grouped(dec("999.995"), 2), "1,000.00");
        assert_eq!(format_grouped(dec("12"), 0), "12");
    }

    #[test]
    fn the_seed_share_rounds_to_94_06_and_truncates_to_94_05() {
        let points = ratio_points(dec("729.25"), dec("775.31")).unwrap();
        assert_eq!(round_half_up(points, 2), dec("94.06"));
        assert_eq!(truncate_to(points, 2), dec("94.05"));
        assert_eq!(Percent::from_ratio(Decimal::ONE, Decimal::ZERO, 2), None);
    }

    #[test]
    fn unit_conversion_is_exact() {
        let a = Amount::new(dec("0.12"), Unit::Yuan);
        assert_eq!(a.to_unit(Unit::WanYuan).unwrap().value(), dec("0.000012"));
        assert_eq!(a.format_in(Unit::WanYuan, 2).unwrap(), "0.00万元");
        let b = Amount::new(dec("1.5"), Unit::WanYuan);
        assert_eq!(a.checked_add(b).unwrap().to_string(), "15000.12元");
        assert!(b.same_value(Amount::new(dec("15000"), Unit::Yuan)).unwrap());
        let huge = Amount::new(Decimal::MAX, Unit::YiYuan);
        assert!(matches!(
            huge.to_unit(Unit::Yuan),
            Err(Error::Overflow { .. })
        ));
    }

    fn decimal_strategy() -> impl Strategy<Value = Decimal> {
        (any::<i64>(), 0_u32..=6).prop_map(|(m, s)| Decimal::new(m, s))
    }

    proptest! {
        #[test]
        fn parse_display_round_trips(value in decimal_strategy(), unit in prop::sample::select(vec![Unit::Yuan, Unit::WanYuan, Unit::YiYuan])) {
            let amount = Amount::new(value, unit);
            let back: Amount = amount.to_string().parse().unwrap();
            prop_assert_eq!(back, amount);
            prop_assert_eq!(back.value().scale(), value.scale());
        }

        #[test]
        fn grouped_output_parses_back(value in decimal_strategy()) {
            let printed = format_grouped(value, 2);
            prop_assert_eq!(parse_amount(&printed).unwrap().value, round_half_up(value, 2));
        }

        #[test]
        fn percent_round_trips(value in decimal_strategy()) {
            let p = Percent::new(value);
            prop_assert_eq!(p.to_string().parse::<Percent>().unwrap(), p);
        }

        #[test]
        fn conversion_there_and_back_is_exact(value in decimal_strategy(), a in 0_usize..3, b in 0_usize..3) {
            let units = [Unit::Yuan, Unit::WanYuan, Unit::YiYuan];
            let amount = Amount::new(value, units[a]);
            let there = amount.to_unit(units[b]).unwrap();
            let back = there.to_unit(units[a]).unwrap();
            prop_assert_eq!(back.value(), value);
            prop_assert_eq!(there.value() * units[b].yuan_per_unit(), value * units[a].yuan_per_unit());
        }

        #[test]
        fn parsers_never_panic(input in ".{0,40}") {
            let _ = parse_amount(&input);
            let _ = input.parse::<Percent>();
            let _ = input.parse::<Amount>();
            let _ = input.parse::<Unit>();
        }

        #[test]
        fn parsers_never_panic_on_numberlike_text(input in "[-+0-9０-９.,，．万亿元%％ ]{0,30}") {
            let _ = parse_amount(&input);
            let _ = input.parse::<Percent>();
        }
    }
}
