//! Printed precision and rounding-aware comparison (docs/DOMAIN.md §2).
//!
//! A published figure is a rounded image of an exact value. Printed with `d` decimals under
//! 四舍五入 (half away from zero), `v > 0` stands for every exact value in its *preimage*
//! `[v − ½·10⁻ᵈ, v + ½·10⁻ᵈ)`; under truncation (截尾) for `[v, v + 10⁻ᵈ)`. Negative values and
//! zero mirror that (see [`Printed::preimage`]).
//!
//! An identity between published figures holds when **some** exact values, one from each
//! preimage, satisfy it exactly. That gives the three answers of [`Consistency`]:
//!
//! - a parent with four 项 printed `550.13` against parts summing to `550.12` is
//!   [`Consistency::Consistent`]: five half-cents of rounding allow up to 0.025 (a tail
//!   difference, 尾差);
//! - a 类 printed `81.05` against its only 项 `81.06` is [`Consistency::Inconsistent`]: one
//!   exact value cannot round to two different figures;
//! - `729.25 / 775.31` printed as `94.05%` is [`Consistency::TruncationOnly`]: the exact share
//!   is 94.0591…%, which 四舍五入 prints as 94.06%.
//!
//! ```
//! use fiscal_cn::precision::{check_ratio, check_sum, Consistency, Printed};
//!
//! let p = |s: &str| Printed::parse_amount(s, 2);
//! let tail = check_sum(p("550.13")?, &[p("237.25")?, p("22")?, p("24.65")?, p("266.22")?])?;
//! assert_eq!(tail.verdict, Consistency::Consistent);
//! assert_eq!(tail.difference.to_string(), "0.01");
//! assert_eq!(tail.allowance.to_string(), "0.025");
//!
//! let single = check_sum(p("81.05")?, &[p("81.06")?])?;
//! assert_eq!(single.verdict, Consistency::Inconsistent);
//!
//! let share = check_ratio(Printed::parse_percent("94.05%")?, p("729.25")?, p("775.31")?)?
//!     .expect("the whole is not zero");
//! assert_eq!(share.verdict, Consistency::TruncationOnly);
//! assert_eq!(share.expected.to_string(), "94.06");
//! # Ok::<(), fiscal_cn::Error>(())
//! ```

use std::cmp::Ordering;

use rust_decimal::Decimal;

use crate::error::Operation;
use crate::error::{Error, Result};
use crate::money::{Percent, parse_amount, ratio_points, round_half_up};

/// How an author turned exact values into printed ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, strum::Display)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum RoundingMode {
    /// 四舍五入: half away from zero, the rule.
    #[strum(to_string = "四舍五入")]
    HalfUp,
    /// 截尾: toward zero, observed in real narratives.
    #[strum(to_string = "截尾")]
    Truncate,
}

/// A value as printed: its exact digits and the number of decimals it was rounded to.
///
/// The decimals may exceed the digits shown: prose drops trailing zeros (`22万元` in a document
/// that prints amounts to 2 decimals stands for 22.00), so the document's convention is given
/// when the figure is made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "PrintedFields"))]
pub struct Printed {
    #[cfg_attr(feature = "serde", serde(with = "rust_decimal::serde::str"))]
    value: Decimal,
    decimals: u32,
}

/// The serialized form of [`Printed`], checked by [`Printed::new`] on the way in.
#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
struct PrintedFields {
    #[serde(with = "rust_decimal::serde::str")]
    value: Decimal,
    decimals: u32,
}

#[cfg(feature = "serde")]
impl TryFrom<PrintedFields> for Printed {
    type Error = Error;

    fn try_from(fields: PrintedFields) -> Result<Self> {
        Printed::new(fields.value, fields.decimals)
    }
}

impl Printed {
    /// A value printed with `decimals` decimals.
    ///
    /// Fails when `value` has more decimals than `decimals` (it cannot have been printed so)
    /// or `decimals` exceeds 28.
    ///
    /// # Errors
    /// [`Error::TooManyDecimals`] when `decimals` is beyond what is
    /// printed ([`MAX_DECIMALS`](crate::money::MAX_DECIMALS)); [`Error::NotRounded`] when `value`
    /// has more decimals than `decimals`.
    pub fn new(value: Decimal, decimals: u32) -> Result<Self> {
        // Only a value showing more decimals than allowed needs normalizing (`1.250` at 2).
        if decimals > 28 || (value.scale() > decimals && value.normalize().scale() > decimals) {
            return Err(if decimals > 28 {
                Error::TooManyDecimals { decimals }
            } else {
                Error::NotRounded { value, decimals }
            });
        }
        Ok(Printed { value, decimals })
    }

    /// The value printed with `min_decimals` decimals, or with those it shows when it shows
    /// more: [`Printed::new`] of `value.scale().max(min_decimals).min(28)` decimals, which
    /// cannot fail (never fewer decimals than the value shows, at most 28), without its checks.
    /// The checker makes every table cell an operand so.
    #[must_use]
    pub(crate) fn at_least(value: Decimal, min_decimals: u32) -> Self {
        Printed {
            value,
            decimals: value.scale().max(min_decimals).min(28),
        }
    }

    /// The value with exactly the decimals it shows (`36.5` → 1 decimal).
    #[must_use]
    pub fn as_shown(value: Decimal) -> Self {
        Printed {
            value,
            decimals: value.scale(),
        }
    }

    /// Parses a printed number of a table cell (see [`parse_amount`]: `22`, `1,055.40`) and
    /// takes at least `min_decimals` decimals: the document's convention for amounts whose
    /// trailing zeros were dropped.
    ///
    /// A `Printed` has no unit, so text that names one (`22万元`) is an error rather than a
    /// unit silently dropped: parse it as an [`Amount`](crate::money::Amount) and take its value in
    /// the unit wanted.
    ///
    /// ```
    /// use fiscal_cn::precision::Printed;
    ///
    /// assert_eq!(Printed::parse_amount("22", 2)?.decimals(), 2);
    /// assert_eq!(Printed::parse_amount("0.125", 2)?.decimals(), 3);
    /// assert!(Printed::parse_amount("22万元", 2).is_err());
    /// # Ok::<(), fiscal_cn::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidAmount`] when the text is no printed amount or names a unit;
    /// [`Error::TooManyDecimals`] for more than 28 decimals.
    pub fn parse_amount(input: &str, min_decimals: u32) -> Result<Self> {
        let printed = parse_amount(input)?;
        if printed.unit.is_some() {
            return Err(Error::InvalidAmount {
                input: input.to_owned(),
                reason: "带有金额单位：Printed 不带单位，请按 Amount 解析",
            });
        }
        let value = printed.value;
        Printed::new(value, value.scale().max(min_decimals))
    }

    /// Parses a printed percentage; its precision is what was printed (`36.5%` → 1 decimal).
    ///
    /// # Errors
    /// [`Error::InvalidPercent`] when the text is no percentage as
    /// disclosures print one.
    pub fn parse_percent(input: &str) -> Result<Self> {
        Ok(Printed::from(input.parse::<Percent>()?))
    }

    /// The printed number.
    #[must_use]
    pub fn value(self) -> Decimal {
        self.value
    }

    /// How many decimals it was rounded to.
    #[must_use]
    pub fn decimals(self) -> u32 {
        self.decimals
    }

    /// One unit in the last printed place: `10⁻ᵈ`.
    #[must_use]
    pub fn unit_in_last_place(self) -> Decimal {
        Decimal::new(1, self.decimals)
    }

    /// Half a unit in the last printed place: how far 四舍五入 may have moved the value.
    ///
    /// Exact for figures of at most [`Printed::MAX_CHECKED_DECIMALS`] (27) decimals. For a
    /// figure of 28 decimals the half unit `5·10⁻²⁹` is finer than a `Decimal` holds: this
    /// gives the next `Decimal` above it, `10⁻²⁸` ([`Printed::checked_half_unit`] tells the
    /// cases apart; the checks refuse such figures with an error rather than use it).
    #[must_use]
    pub fn half_unit(self) -> Decimal {
        self.checked_half_unit()
            .unwrap_or(Decimal::from_parts(1, 0, 0, false, 28))
    }

    /// Half a unit in the last printed place when a `Decimal` holds it exactly (at most
    /// [`Printed::MAX_CHECKED_DECIMALS`] decimals); `None` for a figure of 28 decimals.
    ///
    /// ```
    /// use fiscal_cn::precision::Printed;
    ///
    /// assert_eq!(Printed::parse_amount("1.5", 2)?.checked_half_unit().map(|h| h.to_string()), Some("0.005".into()));
    /// assert_eq!(Printed::parse_amount("1", 28)?.checked_half_unit(), None);
    /// # Ok::<(), fiscal_cn::Error>(())
    /// ```
    #[must_use]
    pub fn checked_half_unit(self) -> Option<Decimal> {
        half_unit_of(self.decimals)
    }

    /// The most decimals a figure may have for the rounding-aware checks ([`check_sum`],
    /// [`check_balance`], [`check_ratio`], [`check_growth`], [`check_growth_from_prior`] and
    /// the checker's identities): 27, so that half a unit in its last place, `5·10⁻²⁸`, is a
    /// `Decimal`. A [`Printed`] itself holds up to 28 decimals (a `Decimal`'s most); the
    /// checks answer a figure of 28 with [`Error::Uncheckable`].
    pub const MAX_CHECKED_DECIMALS: u32 = 27;

    /// `Err` when this figure has more decimals than the checks take
    /// ([`Printed::MAX_CHECKED_DECIMALS`]).
    fn checkable(self) -> Result<Self> {
        if self.decimals > Printed::MAX_CHECKED_DECIMALS {
            return Err(Error::Uncheckable {
                value: self.value,
                decimals: self.decimals,
            });
        }
        Ok(self)
    }

    /// Every exact value that prints as this one under `mode`.
    ///
    /// | printed | 四舍五入 | 截尾 |
    /// |---|---|---|
    /// | `v > 0` | `[v − h, v + h)` | `[v, v + u)` |
    /// | `v < 0` | `(v − h, v + h]` | `(v − u, v]` |
    /// | `0` | `(−h, h)` | `(−u, u)` |
    ///
    /// with `u = 10⁻ᵈ` and `h = u / 2`. For a figure of 28 decimals, whose `h` a `Decimal`
    /// cannot hold, the 四舍五入 interval is widened to `h = 10⁻²⁸` (see
    /// [`Printed::half_unit`]).
    ///
    /// ```
    /// use fiscal_cn::{Decimal, precision::{Printed, RoundingMode}};
    ///
    /// let p = Printed::parse_amount("81.05", 2)?.preimage(RoundingMode::HalfUp);
    /// assert!(p.contains(Decimal::new(81045, 3)));
    /// assert!(!p.contains(Decimal::new(81055, 3)));
    /// # Ok::<(), fiscal_cn::Error>(())
    /// ```
    #[must_use]
    pub fn preimage(self, mode: RoundingMode) -> Interval {
        let v = self.value;
        let (below, above) = match mode {
            RoundingMode::HalfUp => (self.half_unit(), self.half_unit()),
            RoundingMode::Truncate => match v.cmp(&Decimal::ZERO) {
                Ordering::Greater => (Decimal::ZERO, self.unit_in_last_place()),
                Ordering::Less => (self.unit_in_last_place(), Decimal::ZERO),
                Ordering::Equal => (self.unit_in_last_place(), self.unit_in_last_place()),
            },
        };
        // Printed values have at most 28 decimals and few digits, so these cannot overflow in
        // practice; saturate rather than panic if they ever do.
        let lo = v.checked_sub(below).unwrap_or(Decimal::MIN);
        let hi = v.checked_add(above).unwrap_or(Decimal::MAX);
        let (lo_closed, hi_closed) = match v.cmp(&Decimal::ZERO) {
            Ordering::Greater => (true, false),
            Ordering::Less => (false, true),
            Ordering::Equal => (false, false),
        };
        Interval {
            lo,
            hi,
            lo_closed,
            hi_closed,
        }
    }
}

impl From<Percent> for Printed {
    fn from(p: Percent) -> Self {
        Printed::as_shown(p.points())
    }
}

/// An interval of exact values, each end open or closed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Interval {
    /// Lower end.
    #[cfg_attr(feature = "serde", serde(with = "rust_decimal::serde::str"))]
    pub lo: Decimal,
    /// Upper end.
    #[cfg_attr(feature = "serde", serde(with = "rust_decimal::serde::str"))]
    pub hi: Decimal,
    /// Whether `lo` itself belongs to the interval.
    pub lo_closed: bool,
    /// Whether `hi` itself belongs to the interval.
    pub hi_closed: bool,
}

impl Interval {
    /// Whether `x` lies in the interval.
    #[must_use]
    pub fn contains(&self, x: Decimal) -> bool {
        let above = x > self.lo || (x == self.lo && self.lo_closed);
        let below = x < self.hi || (x == self.hi && self.hi_closed);
        above && below
    }

    /// Whether the two intervals share a point.
    #[must_use]
    pub fn intersects(&self, other: &Interval) -> bool {
        let meets = |lo: Decimal, lo_closed: bool, hi: Decimal, hi_closed: bool| {
            lo < hi || (lo == hi && lo_closed && hi_closed)
        };
        meets(self.lo, self.lo_closed, other.hi, other.hi_closed)
            && meets(other.lo, other.lo_closed, self.hi, self.hi_closed)
            && meets(self.lo, self.lo_closed, self.hi, self.hi_closed)
            && meets(other.lo, other.lo_closed, other.hi, other.hi_closed)
    }

    /// The Minkowski sum `{a + b}`: every value a sum of one exact value from each can take.
    ///
    /// # Errors
    /// [`Error::Overflow`] when a bound exceeds what `Decimal` holds.
    pub fn checked_add(&self, other: &Interval) -> Result<Interval> {
        let overflow = || Error::Overflow {
            operation: Operation::IntervalSum,
        };
        Ok(Interval {
            lo: self.lo.checked_add(other.lo).ok_or_else(overflow)?,
            hi: self.hi.checked_add(other.hi).ok_or_else(overflow)?,
            lo_closed: self.lo_closed && other.lo_closed,
            hi_closed: self.hi_closed && other.hi_closed,
        })
    }

    /// `{−a}`.
    #[must_use]
    pub fn negate(&self) -> Interval {
        Interval {
            lo: -self.hi,
            hi: -self.lo,
            lo_closed: self.hi_closed,
            hi_closed: self.lo_closed,
        }
    }
}

/// The answer to "can these published figures come from exact values that satisfy the
/// identity?".
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, strum::Display)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Consistency {
    /// Some exact values rounded 四舍五入 print as published and satisfy the identity. A
    /// nonzero difference is then a tail difference (尾差), not an error.
    #[strum(to_string = "一致")]
    Consistent,
    /// Only if the author truncated (截尾) instead of rounding can the figures be right.
    #[strum(to_string = "仅在截尾时一致")]
    TruncationOnly,
    /// No exact values that print as published satisfy the identity.
    #[strum(to_string = "不一致")]
    Inconsistent,
}

/// The outcome of comparing a published total with its published parts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct SumCheck {
    /// The answer.
    pub verdict: Consistency,
    /// Σ of the left side as published (for [`check_sum`], the total).
    #[cfg_attr(feature = "serde", serde(with = "rust_decimal::serde::str"))]
    pub left: Decimal,
    /// Σ of the right side as published (for [`check_sum`], the sum of the parts).
    #[cfg_attr(feature = "serde", serde(with = "rust_decimal::serde::str"))]
    pub right: Decimal,
    /// `left − right`.
    #[cfg_attr(feature = "serde", serde(with = "rust_decimal::serde::str"))]
    pub difference: Decimal,
    /// The largest |difference| that 四舍五入 of every figure involved can explain: half a unit
    /// in the last place of each. A difference equal to the allowance is still inconsistent
    /// (the preimages are half-open), which is why a single child must match its parent.
    #[cfg_attr(feature = "serde", serde(with = "rust_decimal::serde::str"))]
    pub allowance: Decimal,
}

impl SumCheck {
    /// Whether the published figures agree to the last digit.
    #[must_use]
    pub fn is_exact(&self) -> bool {
        self.difference.is_zero()
    }
}

/// Whether a published `total` can equal the sum of published `parts` (docs/DOMAIN.md §2).
///
/// ```
/// use fiscal_cn::precision::{check_sum, Consistency, Printed};
///
/// let p = |s: &str| Printed::parse_amount(s, 2).unwrap();
/// // 本年收入合计 = Σ 8 income sources, from the seed.
/// let check = check_sum(p("775.31"), &[p("729.25"), p("0"), p("46.06")])?;
/// assert_eq!(check.verdict, Consistency::Consistent);
/// assert!(check.is_exact());
/// # Ok::<(), fiscal_cn::Error>(())
/// ```
///
/// # Errors
/// [`Error::Uncheckable`] for a figure of more than [`Printed::MAX_CHECKED_DECIMALS`]
/// decimals; [`Error::Overflow`] when a bound of the sum exceeds what `Decimal`
/// holds.
pub fn check_sum(total: Printed, parts: &[Printed]) -> Result<SumCheck> {
    check_balance(&[total], parts)
}

/// Whether Σ`left` can equal Σ`right` for published figures, as in
/// 年初结转和结余 + 本年收入 = 本年支出 + 年末结转和结余.
///
/// Both sides may be empty (an empty side is exactly 0).
///
/// # Errors
/// [`Error::Uncheckable`] for a figure of more than [`Printed::MAX_CHECKED_DECIMALS`]
/// decimals; [`Error::Overflow`] when a bound of a side's sum exceeds what
/// `Decimal` holds.
pub fn check_balance(left: &[Printed], right: &[Printed]) -> Result<SumCheck> {
    check_balance_of(left, right, |p| *p)
}

/// [`check_balance`] over anything that carries a printed figure (the checker's operands),
/// without copying the figures out first.
pub(crate) fn check_balance_of<T>(
    left: &[T],
    right: &[T],
    printed: impl Fn(&T) -> Printed + Copy,
) -> Result<SumCheck> {
    if let Some(check) =
        balance_uniform(left, right, printed).or_else(|| balance_in_integers(left, right, printed))
    {
        return Ok(check);
    }
    let figures = |side: &[T]| side.iter().map(printed).collect::<Vec<_>>();
    balance_in_decimals(&figures(left), &figures(right))
}

/// [`check_balance`] by `Decimal` arithmetic: the definition, which [`balance_in_integers`]
/// reproduces for figures of ordinary size.
fn balance_in_decimals(left: &[Printed], right: &[Printed]) -> Result<SumCheck> {
    let overflow = || Error::Overflow {
        operation: Operation::AmountSum,
    };
    // The integer paths take figures of at most 27 decimals only; here the others are refused.
    for p in left.iter().chain(right) {
        p.checkable()?;
    }
    let sum = |side: &[Printed]| -> Result<Decimal> {
        side.iter()
            .try_fold(Decimal::ZERO, |acc, p| acc.checked_add(p.value))
            .ok_or_else(overflow)
    };
    let (left_sum, right_sum) = (sum(left)?, sum(right)?);
    let allowance = left
        .iter()
        .chain(right)
        .try_fold(Decimal::ZERO, |acc, p| acc.checked_add(p.half_unit()))
        .ok_or_else(overflow)?;
    Ok(SumCheck {
        verdict: balance_verdict(left, right)?,
        left: left_sum,
        right: right_sum,
        difference: left_sum.checked_sub(right_sum).ok_or_else(overflow)?,
        allowance,
    })
}

/// The verdict of [`check_balance`]: do the sides' preimage sums meet under 四舍五入, else
/// under 截尾.
fn balance_verdict(left: &[Printed], right: &[Printed]) -> Result<Consistency> {
    let balances = |mode| -> Result<bool> {
        Ok(preimage_sum(left, mode)?.intersects(&preimage_sum(right, mode)?))
    };
    Ok(if balances(RoundingMode::HalfUp)? {
        Consistency::Consistent
    } else if balances(RoundingMode::Truncate)? {
        Consistency::TruncationOnly
    } else {
        Consistency::Inconsistent
    })
}

/// The verdict from whether the sides' preimage sums meet: under 四舍五入 consistent, else
/// under 截尾 consistent only by truncation, else inconsistent.
#[inline]
fn verdict_by(meet: impl Fn(RoundingMode) -> bool) -> Consistency {
    if meet(RoundingMode::HalfUp) {
        Consistency::Consistent
    } else if meet(RoundingMode::Truncate) {
        Consistency::TruncationOnly
    } else {
        Consistency::Inconsistent
    }
}

impl SumCheck {
    /// The outcome for sides summing to `left` and `right`: their difference is one `Decimal`
    /// subtraction, as the definition takes it (`None` when it overflows).
    #[inline]
    fn of_sums(
        verdict: Consistency,
        left: Decimal,
        right: Decimal,
        allowance: Decimal,
    ) -> Option<SumCheck> {
        Some(SumCheck {
            verdict,
            left,
            right,
            difference: left.checked_sub(right)?,
            allowance,
        })
    }
}

/// Half a unit in the last place of a figure printed with `decimals` decimals, `5·10⁻⁽ᵈ⁺¹⁾`,
/// when a `Decimal` holds it (`decimals` ≤ 27); `None` otherwise.
pub(crate) fn half_unit_of(decimals: u32) -> Option<Decimal> {
    (decimals <= Printed::MAX_CHECKED_DECIMALS)
        .then(|| Decimal::from_parts(5, 0, 0, false, decimals + 1))
}

/// Powers of ten to 10²⁸, looked up rather than computed per figure.
const POW10: [i128; 29] = {
    let mut table = [1_i128; 29];
    let mut i = 1;
    while i < table.len() {
        table[i] = table[i - 1] * 10;
        i += 1;
    }
    table
};

/// `10^exponent` (`None` beyond 10²⁸, more than any two `Decimal` scales differ by), by table:
/// consolidation rescales a sum per cell whose scale differs, where `checked_pow`'s loop was a
/// fifth of the work.
pub(crate) fn power_of_ten(exponent: u32) -> Option<i128> {
    POW10.get(exponent as usize).copied()
}

/// One side of a balance, summed in integers by [`balance_in_integers`].
struct SideSum {
    /// Σ values as `Decimal` adds them: the mantissa at `scale`, and whether a zero sum is
    /// `-0` (see [`SideSum::add`]).
    mantissa: i128,
    scale: u32,
    negative_zero: bool,
    /// Σ units in the last place at the common scale: of all figures, of the negative ones
    /// and of the zeros (the preimages' widths).
    units: i128,
    units_negative: i128,
    units_zero: i128,
    /// Whether every figure is > 0 (then the preimage sum is closed below) or < 0 (closed
    /// above); both for the empty sum, the closed `[0, 0]`.
    all_positive: bool,
    all_negative: bool,
}

impl SideSum {
    fn new<T>(side: &[T], printed: impl Fn(&T) -> Printed, common_scale: u32) -> SideSum {
        let mut sum = SideSum {
            mantissa: 0,
            scale: 0,
            negative_zero: false,
            units: 0,
            units_negative: 0,
            units_zero: 0,
            all_positive: true,
            all_negative: true,
        };
        for p in side.iter().map(printed) {
            let unit = POW10[(common_scale - p.decimals) as usize];
            sum.units += unit;
            let mantissa = p.value.mantissa();
            match mantissa.cmp(&0) {
                Ordering::Greater => sum.all_negative = false,
                Ordering::Less => {
                    sum.all_positive = false;
                    sum.units_negative += unit;
                }
                Ordering::Equal => {
                    sum.all_positive = false;
                    sum.all_negative = false;
                    sum.units_zero += unit;
                }
            }
            sum.add(p.value, mantissa);
        }
        sum
    }

    /// `Decimal::checked_add` of the running sum (from `Decimal::ZERO`) and `value`, to the
    /// bit: a zero operand leaves the other as it is, scale and sign included (`0 + 0.0` is
    /// `0.0`, `1.5 + 0.00` is `1.5`, `0 + -0.00` is `-0.00`); two nonzero operands add at the
    /// larger scale, and a zero result is `+0` (rust_decimal's `add_sub_internal`). Exact
    /// because the caller bounds every sum below 10²⁸.
    fn add(&mut self, value: Decimal, mantissa: i128) {
        let scale = value.scale();
        if self.mantissa == 0 {
            self.mantissa = mantissa;
            self.scale = scale;
            self.negative_zero = value.is_sign_negative();
        } else if mantissa != 0 {
            if scale > self.scale {
                self.mantissa = self.mantissa * POW10[(scale - self.scale) as usize] + mantissa;
                self.scale = scale;
            } else {
                self.mantissa += mantissa * POW10[(self.scale - scale) as usize];
            }
            self.negative_zero = false;
        }
    }

    /// The sum as `Decimal` addition gives it.
    fn decimal(&self) -> Decimal {
        let mut sum =
            decimal_from_parts(self.mantissa.unsigned_abs(), self.mantissa < 0, self.scale);
        if self.negative_zero && self.mantissa == 0 {
            sum.set_sign_negative(true);
        }
        sum
    }

    /// (lo, hi, lo closed, hi closed) at the common scale of the preimage sum under `mode`, as
    /// [`preimage_sum`] (each figure's preimage is read off [`Printed::preimage`]).
    fn preimage(&self, common_scale: u32, mode: RoundingMode) -> (i128, i128, bool, bool) {
        let value = self.mantissa * POW10[(common_scale - self.scale) as usize];
        let (below, above) = match mode {
            RoundingMode::HalfUp => (self.units / 2, self.units / 2),
            RoundingMode::Truncate => (
                self.units_negative + self.units_zero,
                self.units - self.units_negative,
            ),
        };
        (
            value - below,
            value + above,
            self.all_positive,
            self.all_negative,
        )
    }
}

/// The `Decimal` `±magnitude × 10⁻ˢᶜᵃˡᵉ` (`+0` for a zero magnitude), for a magnitude below 2⁹⁶
/// and a scale to 28.
fn decimal_from_parts(magnitude: u128, negative: bool, scale: u32) -> Decimal {
    Decimal::from_parts(
        magnitude as u32,
        (magnitude >> 32) as u32,
        (magnitude >> 64) as u32,
        negative,
        scale,
    )
}

/// One side of a balance of figures that share their decimals, summed by [`balance_uniform`].
struct UniformSum {
    /// Σ values as `Decimal` adds them, as in [`SideSum`]: a nonzero sum is at the shared
    /// decimals, a zero one at the scale of the figure that made it (`0 + 0.000` is `0.000`).
    mantissa: i64,
    scale: u32,
    negative_zero: bool,
    /// How many figures, how many of them negative, how many zero.
    count: i64,
    negative: i64,
    zero: i64,
}

impl UniformSum {
    /// Mantissas stay below this, so that with fewer than [`UniformSum::MAX_FIGURES`] figures
    /// every sum and preimage end fits an `i64`.
    const MANTISSA_LIMIT: u32 = 1 << 18;
    /// Figures on both sides together: at most 2¹¹.
    const MAX_FIGURES: usize = 1 << 11;

    /// The side's sum, or `None` when a figure has other decimals, shows fewer or more than
    /// it has (only a zero may), or has a mantissa of 2⁵⁰ or more.
    fn new<T>(side: &[T], printed: impl Fn(&T) -> Printed, decimals: u32) -> Option<UniformSum> {
        let mut sum = UniformSum {
            mantissa: 0,
            scale: 0,
            negative_zero: false,
            count: side.len() as i64,
            negative: 0,
            zero: 0,
        };
        for p in side.iter().map(printed) {
            let parts = p.value.unpack();
            if p.decimals != decimals || parts.hi != 0 || parts.mid >= Self::MANTISSA_LIMIT {
                return None;
            }
            let magnitude = (i64::from(parts.mid) << 32) | i64::from(parts.lo);
            // `SideSum::add`, every nonzero figure at one scale: a zero figure is the sum
            // (its scale and sign) only while the sum is zero; a nonzero one makes the sum
            // nonzero at the shared scale (where it stays until it cancels to a `+0`).
            if magnitude == 0 {
                sum.zero += 1;
                if sum.mantissa == 0 {
                    sum.scale = parts.scale;
                    sum.negative_zero = parts.negative;
                }
            } else {
                if parts.scale != decimals {
                    return None;
                }
                sum.negative += i64::from(parts.negative);
                sum.mantissa += if parts.negative {
                    -magnitude
                } else {
                    magnitude
                };
                sum.scale = decimals;
                sum.negative_zero = false;
            }
        }
        Some(sum)
    }

    /// The sum as `Decimal` addition gives it.
    fn decimal(&self) -> Decimal {
        let mut sum = decimal_from_parts(
            u128::from(self.mantissa.unsigned_abs()),
            self.mantissa < 0,
            self.scale,
        );
        if self.negative_zero && self.mantissa == 0 {
            sum.set_sign_negative(true);
        }
        sum
    }

    /// (lo, hi, lo closed, hi closed) of the side's preimage sum under `mode`, in units of
    /// half the last place under 四舍五入 and of the last place under 截尾.
    fn preimage(&self, mode: RoundingMode) -> (i64, i64, bool, bool) {
        let (lo, hi) = match mode {
            RoundingMode::HalfUp => (
                2 * self.mantissa - self.count,
                2 * self.mantissa + self.count,
            ),
            RoundingMode::Truncate => (
                self.mantissa - self.negative - self.zero,
                self.mantissa + self.count - self.negative,
            ),
        };
        // Closed below when every figure is > 0, above when every one is < 0.
        (
            lo,
            hi,
            self.negative + self.zero == 0,
            self.negative == self.count,
        )
    }
}

/// [`balance_in_decimals`] for the figures a table holds: nonempty sides of at most 2¹¹
/// figures, all printed with the same decimals `d` (at most 27) and showing exactly those (a
/// zero may show any number), mantissas below 2⁵⁰; `None` otherwise ([`balance_in_integers`]
/// then decides).
///
/// Why it is the definition to the bit (a proptest holds it to that). Σ of at most 2¹¹
/// mantissas below 2⁵⁰ stays below 2⁶¹: every `Decimal` sum is exact, at scale `d` once
/// nonzero (no rescaling, so the `i64` sums are the `Decimal` ones, zeros' scales and signs
/// tracked as [`SideSum::add`] does). Every figure's half unit is `5·10⁻⁽ᵈ⁺¹⁾`, so the
/// allowance is `5n` at scale `d + 1`. Measured in half units of `10⁻ᵈ`, a side of `n` figures
/// summing to `m` has the 四舍五入 preimage sum `[2m − n, 2m + n]` (ends open or closed as in
/// [`Printed::preimage`]), and in whole units the 截尾 one `[m − negatives − zeros,
/// m + n − negatives]`: the definition's ends times a power of ten, which keeps every
/// comparison between them. Neither side is empty, so each interval is nonempty.
fn balance_uniform<T>(
    left: &[T],
    right: &[T],
    printed: impl Fn(&T) -> Printed + Copy,
) -> Option<SumCheck> {
    let decimals = printed(left.first()?).decimals;
    if decimals > 27 || right.is_empty() || left.len() + right.len() > UniformSum::MAX_FIGURES {
        return None;
    }
    let left_sum = UniformSum::new(left, printed, decimals)?;
    let right_sum = UniformSum::new(right, printed, decimals)?;
    let intersects = |mode| {
        let (a, b) = (left_sum.preimage(mode), right_sum.preimage(mode));
        // As `Interval::intersects`, for intervals that are not empty.
        let meets = |lo: i64, lo_closed: bool, hi: i64, hi_closed: bool| {
            lo < hi || (lo == hi && lo_closed && hi_closed)
        };
        meets(a.0, a.2, b.1, b.3) && meets(b.0, b.2, a.1, a.3)
    };
    let halves = 5 * (left_sum.count + right_sum.count) as u128;
    SumCheck::of_sums(
        verdict_by(intersects),
        left_sum.decimal(),
        right_sum.decimal(),
        decimal_from_parts(halves, false, decimals + 1),
    )
}

/// [`balance_in_decimals`] in `i128`, for figures of ordinary size; `None` when a figure is
/// too large or too fine for that (the `Decimal` path then decides).
///
/// It exists because the `Decimal` sums and interval sums (rescaling at every step) were
/// most of the cost of a finding. It gives the same answer to the bit, scales and signs of
/// zero included (a proptest holds it to that): every figure, unit and half unit is an exact
/// integer at the common scale `s` (one more than the largest decimals or value scale, the
/// scale of a half unit), and when Σ(|value| + unit) at that scale stays below 10²⁸ (< 2⁹⁶),
/// every `Decimal` sum and difference the definition takes fits a `Decimal` mantissa at its
/// scale, so none is rounded: each is the integer one.
fn balance_in_integers<T>(
    left: &[T],
    right: &[T],
    printed: impl Fn(&T) -> Printed + Copy,
) -> Option<SumCheck> {
    // A value may show more (zero) decimals than it was printed with (`1.250` at 2).
    let (mut finest, mut coarsest, mut max_decimals, mut largest) = (0, u32::MAX, 0, 0_u128);
    for p in left.iter().chain(right).map(printed) {
        let scale = p.value.scale();
        finest = finest.max(p.decimals.max(scale));
        coarsest = coarsest.min(p.decimals.min(scale));
        max_decimals = max_decimals.max(p.decimals);
        largest = largest.max(p.value.mantissa().unsigned_abs());
    }
    let common_scale = finest + 1;
    if common_scale > 28 {
        return None;
    }
    // Each figure's |value| + unit at the common scale is at most (largest + 1)·10^(s − c),
    // c the coarsest of all decimals and scales.
    let count = (left.len() + right.len()) as u128;
    let bound = count
        .checked_mul(largest + 1)?
        .checked_mul(POW10[(common_scale - coarsest.min(finest)) as usize] as u128)?;
    if bound >= POW10[28] as u128 {
        return None;
    }
    let left_sum = SideSum::new(left, printed, common_scale);
    let right_sum = SideSum::new(right, printed, common_scale);
    let intersects = |mode| {
        let (a, b) = (
            left_sum.preimage(common_scale, mode),
            right_sum.preimage(common_scale, mode),
        );
        // As `Interval::intersects`.
        let meets = |lo: i128, lo_closed: bool, hi: i128, hi_closed: bool| {
            lo < hi || (lo == hi && lo_closed && hi_closed)
        };
        meets(a.0, a.2, b.1, b.3)
            && meets(b.0, b.2, a.1, a.3)
            && meets(a.0, a.2, a.1, a.3)
            && meets(b.0, b.2, b.1, b.3)
    };
    let verdict = verdict_by(intersects);
    // Σ half units: every one is nonzero, so `Decimal` adds them at the largest scale, that
    // of the finest half unit; with no figures it is `Decimal::ZERO` itself.
    let allowance = if count == 0 {
        Decimal::ZERO
    } else {
        let scale = max_decimals + 1;
        let mut halves = ((left_sum.units + right_sum.units) / 2) as u128;
        // Only a value showing more decimals than it was printed with makes the scales differ.
        if scale < common_scale {
            halves /= POW10[(common_scale - scale) as usize] as u128;
        }
        decimal_from_parts(halves, false, scale)
    };
    SumCheck::of_sums(verdict, left_sum.decimal(), right_sum.decimal(), allowance)
}

fn preimage_sum(side: &[Printed], mode: RoundingMode) -> Result<Interval> {
    let zero = Interval {
        lo: Decimal::ZERO,
        hi: Decimal::ZERO,
        lo_closed: true,
        hi_closed: true,
    };
    side.iter()
        .try_fold(zero, |acc, p| acc.checked_add(&p.preimage(mode)))
}

/// The outcome of comparing a published rate (share, completion, growth) with the published
/// amounts it is computed from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct RateCheck {
    /// The answer.
    pub verdict: Consistency,
    /// The rate as published, in percentage points.
    #[cfg_attr(feature = "serde", serde(with = "rust_decimal::serde::str"))]
    pub published: Decimal,
    /// The rate computed from the published amounts, in percentage points, to 6 decimals.
    #[cfg_attr(feature = "serde", serde(with = "rust_decimal::serde::str"))]
    pub computed: Decimal,
    /// The computed rate as it should have been printed: 四舍五入 to the published decimals.
    #[cfg_attr(feature = "serde", serde(with = "rust_decimal::serde::str"))]
    pub expected: Decimal,
    /// `published − computed`, to 6 decimals.
    #[cfg_attr(feature = "serde", serde(with = "rust_decimal::serde::str"))]
    pub difference: Decimal,
    /// The largest |difference| that 四舍五入 of every figure involved can explain, to 6
    /// decimals (rounded up): the spread of the rate over the amounts' preimages plus half a
    /// unit in the rate's last place.
    #[cfg_attr(feature = "serde", serde(with = "rust_decimal::serde::str"))]
    pub allowance: Decimal,
}

/// Whether a published share / completion rate / execution rate `rate` (percentage points) can
/// equal `part / whole × 100` for the published amounts.
///
/// Returns `Ok(None)` when the rate is undefined: the whole may be zero or negative. The
/// `Option` is a verdict that there is nothing to check; the errors are figures the check
/// cannot take, which a checker reports rather than skips.
///
/// ```
/// use fiscal_cn::precision::{check_ratio, Consistency, Printed};
///
/// let p = |s: &str| Printed::parse_amount(s, 2).unwrap();
/// // 其他收入 46.06 of 775.31, printed 5.94%.
/// let share = check_ratio(Printed::parse_percent("5.94%")?, p("46.06"), p("775.31"))?.unwrap();
/// assert_eq!(share.verdict, Consistency::Consistent);
/// assert_eq!(check_ratio(Printed::parse_percent("0%")?, p("0"), p("0"))?, None);
/// # Ok::<(), fiscal_cn::Error>(())
/// ```
///
/// # Errors
/// [`Error::Uncheckable`] for a figure of more than [`Printed::MAX_CHECKED_DECIMALS`]
/// decimals; [`Error::Overflow`] when a bound of the ratio exceeds what
/// `Decimal` holds.
pub fn check_ratio(rate: Printed, part: Printed, whole: Printed) -> Result<Option<RateCheck>> {
    check_rate(RateForm::Ratio, rate, part, whole)
}

/// Whether a published growth rate `rate` (percentage points, negative for 下降) can equal
/// `change / (current − change) × 100`, where the prior-year value is `current − change` and
/// `change` is negative for 减少.
///
/// Returns `Ok(None)` when the prior-year value may be zero or negative (growth undefined);
/// the `Option` and the errors mean what they mean for [`check_ratio`].
///
/// ```
/// use fiscal_cn::precision::{check_growth, Consistency, Printed};
///
/// let p = |s: &str| Printed::parse_amount(s, 2).unwrap();
/// // 三公经费 2.14万元，较上年度减少1.23万元，下降36.5%.
/// let g = check_growth(Printed::parse_percent("-36.5%")?, p("-1.23"), p("2.14"))?.unwrap();
/// assert_eq!(g.verdict, Consistency::Consistent);
/// // 收支总计 775.38万元，减少0.2万元，下降0.02%: the exact rate is −0.0258%.
/// let g = check_growth(Printed::parse_percent("-0.02%")?, p("-0.2"), p("775.38"))?.unwrap();
/// assert_eq!(g.verdict, Consistency::TruncationOnly);
/// # Ok::<(), fiscal_cn::Error>(())
/// ```
///
/// # Errors
/// [`Error::Uncheckable`] for a figure of more than [`Printed::MAX_CHECKED_DECIMALS`]
/// decimals; [`Error::Overflow`] when a bound of the rate exceeds what
/// `Decimal` holds.
pub fn check_growth(rate: Printed, change: Printed, current: Printed) -> Result<Option<RateCheck>> {
    check_rate(RateForm::Growth, rate, change, current)
}

/// Whether a published growth rate `rate` can equal `(current − prior) / prior × 100`.
///
/// Returns `Ok(None)` when the prior-year value may be zero or negative, as for
/// [`check_growth`].
///
/// # Errors
/// [`Error::Uncheckable`] for a figure of more than [`Printed::MAX_CHECKED_DECIMALS`]
/// decimals; [`Error::Overflow`] when a bound of the rate exceeds what
/// `Decimal` holds.
pub fn check_growth_from_prior(
    rate: Printed,
    current: Printed,
    prior: Printed,
) -> Result<Option<RateCheck>> {
    check_rate(RateForm::GrowthFromPrior, rate, current, prior)
}

/// Which rate a rate identity computes from its two operands `a` and `b`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RateForm {
    /// `a / b × 100` (share, completion).
    Ratio,
    /// `a / (b − a) × 100`: `a` the change, `b` this year's value.
    Growth,
    /// `(a − b) / b × 100`: `a` this year's value, `b` the prior year's.
    GrowthFromPrior,
    /// `a / (a + b) × 100`: the share of `a` in a whole that is not printed but is known to
    /// be `a` and `b` together (基本支出 in 财政拨款支出 = 基本支出 + 项目支出).
    ShareOfSum,
}

impl RateForm {
    /// The rate's numerator and denominator (it is `100 · num / den`) from `a` and `b`; `None`
    /// on overflow.
    fn quotient(self, a: Decimal, b: Decimal) -> Option<(Decimal, Decimal)> {
        match self {
            RateForm::Ratio => Some((a, b)),
            RateForm::Growth => Some((a, b.checked_sub(a)?)),
            RateForm::GrowthFromPrior => Some((a.checked_sub(b)?, b)),
            RateForm::ShareOfSum => Some((a, a.checked_add(b)?)),
        }
    }

    /// [`RateForm::quotient`] of integers small enough not to overflow.
    fn quotient_units(self, a: i128, b: i128) -> (i128, i128) {
        match self {
            RateForm::Ratio => (a, b),
            RateForm::Growth => (a, b - a),
            RateForm::GrowthFromPrior => (a - b, b),
            RateForm::ShareOfSum => (a, a + b),
        }
    }
}

/// Whether `rate` is the rate `form` computes from `a` and `b` rounded 四舍五入 to the rate's
/// decimals, the quotient taken in `Decimal` ([`ratio_points`]): a rate that is holds, with no
/// intervals to build. Decided in integers where [`rate_rounds_from`] can.
pub(crate) fn rate_is_rounded(form: RateForm, rate: Printed, a: Decimal, b: Decimal) -> bool {
    rate_is_rounded_fast(form, rate, a, b)
        .unwrap_or_else(|| rate_is_rounded_decimal(form, rate, a, b))
}

/// [`rate_is_rounded`] in integers; `None` when undecided. The differences are exact in both
/// (the mantissas are below 10¹⁵), so each form hands [`rate_rounds_from`] the operands of the
/// quotient the `Decimal` test takes.
fn rate_is_rounded_fast(form: RateForm, rate: Printed, a: Decimal, b: Decimal) -> Option<bool> {
    let (a, b) = aligned_mantissas(a, b)?;
    match form {
        RateForm::Ratio => rate_rounds_from(a, b, rate),
        RateForm::Growth if b - a > 0 => rate_rounds_from(a, b - a, rate),
        RateForm::GrowthFromPrior if b > 0 => rate_rounds_from(a - b, b, rate),
        RateForm::ShareOfSum if a + b > 0 => rate_rounds_from(a, a + b, rate),
        // No prior-year value or whole to divide by: the `Decimal` test has no quotient either.
        RateForm::Growth | RateForm::GrowthFromPrior | RateForm::ShareOfSum => Some(false),
    }
}

fn rate_is_rounded_decimal(form: RateForm, rate: Printed, a: Decimal, b: Decimal) -> bool {
    let points = match form {
        RateForm::Ratio => ratio_points(a, b),
        RateForm::Growth => b
            .checked_sub(a)
            .filter(|prior| *prior > Decimal::ZERO)
            .and_then(|prior| ratio_points(a, prior)),
        RateForm::GrowthFromPrior => (b > Decimal::ZERO)
            .then(|| a.checked_sub(b))
            .flatten()
            .and_then(|change| ratio_points(change, b)),
        RateForm::ShareOfSum => a
            .checked_add(b)
            .filter(|whole| *whole > Decimal::ZERO)
            .and_then(|whole| ratio_points(a, whole)),
    };
    points.is_some_and(|points| round_half_up(points, rate.decimals) == rate.value)
}

/// Powers of ten to 10¹⁸, for the integer paths of the rate checks and the checker's grid.
pub(crate) const TEN_TO: [i64; 19] = {
    let mut table = [1_i64; 19];
    let mut i = 1;
    while i < table.len() {
        table[i] = table[i - 1] * 10;
        i += 1;
    }
    table
};

/// Operands of the integer rate test stay below this (in magnitude, at their common scale).
const RATE_OPERAND_LIMIT: i64 = TEN_TO[15];

/// The mantissas of `a` and `b` brought to one scale (the larger of theirs), when both stay
/// below 10¹⁵ there; `None` otherwise.
fn aligned_mantissas(a: Decimal, b: Decimal) -> Option<(i64, i64)> {
    let scale = a.scale().max(b.scale());
    let at_scale = |x: Decimal| {
        i64::try_from(x.mantissa())
            .ok()?
            .checked_mul(*TEN_TO.get((scale - x.scale()) as usize)?)
            .filter(|m| m.unsigned_abs() < RATE_OPERAND_LIMIT.unsigned_abs())
    };
    Some((at_scale(a)?, at_scale(b)?))
}

/// Whether `round_half_up(ratio_points(num, den)?, rate.decimals()) == rate.value()` for `num`
/// and `den` given as mantissas at one scale (below 2·10¹⁵ in magnitude), decided in integers
/// without dividing: `None` when it cannot be decided so (the `Decimal` test then decides).
///
/// Why it answers as the `Decimal` test does. Let `q = 100·num/den` exactly and `u = 10⁻ᵈ`.
/// 四舍五入 to `d` decimals gives `r` iff `r` is a multiple of `u` and `q` lies in
/// `[r − u/2, r + u/2)` (`(r − u/2, r + u/2]` for `q < 0`); with `den > 0` (signs flipped
/// otherwise) that compares `2·10ᵈ·100·num` with `(2·r·10ᵈ ± 1)·den`, all integers. The
/// `Decimal` quotient `q'` is `q` rounded in its last place (28 digits): within
/// `10⁻²⁸·(1 + |q|)` of `q`. When `q` is not an end point, it is at least `1 / (2·10ᵈ·den)`
/// from both, more than that error since `10ᵈ·(|100·num| + den) < 10²⁴` here: `q'` lies on the
/// same side of each end point as `q` and rounds the same. An end point is left undecided.
fn rate_rounds_from(num: i64, den: i64, rate: Printed) -> Option<bool> {
    if den == 0 {
        // `ratio_points` has no quotient: the test fails.
        return Some(false);
    }
    let (num, den) = if den < 0 { (-num, -den) } else { (num, den) };
    // Six decimals at most keep every product below in `i128` (and the bound above).
    let decimals = rate.decimals as usize;
    if decimals > 6 {
        return None;
    }
    let ten_to_d = TEN_TO[decimals];
    // The rate in units of its last printed place, below 10¹⁸; a rate showing more (nonzero)
    // decimals than it was rounded to is never a rounded value.
    let mantissa = i64::try_from(rate.value.mantissa())
        .ok()
        .filter(|m| m.unsigned_abs() < TEN_TO[12].unsigned_abs())?;
    let shown = rate.value.scale() as usize;
    let rate_units = if shown <= decimals {
        mantissa * TEN_TO[decimals - shown]
    } else {
        let excess = *TEN_TO.get(shown - decimals)?;
        if mantissa % excess != 0 {
            return Some(false);
        }
        mantissa / excess
    };
    let doubled = i128::from(num) * i128::from(200 * ten_to_d);
    let lo = i128::from(2 * rate_units - 1) * i128::from(den);
    let hi = i128::from(2 * rate_units + 1) * i128::from(den);
    if doubled == lo || doubled == hi {
        return None;
    }
    Some(lo < doubled && doubled < hi)
}

/// A fraction `num / den` with `den > 0`, and whether the value is attained (closed end).
#[derive(Clone, Copy)]
struct Fraction {
    num: Decimal,
    den: Decimal,
    closed: bool,
}

fn compare_fractions(a: Fraction, b: Fraction) -> Result<Ordering> {
    let overflow = || Error::Overflow {
        operation: Operation::Ratio,
    };
    let left = a.num.checked_mul(b.den).ok_or_else(overflow)?;
    let right = b.num.checked_mul(a.den).ok_or_else(overflow)?;
    Ok(left.cmp(&right))
}

/// The corners of the box of two preimages in the order a rate's range scans them: whether
/// each takes `a`'s high end, then `b`'s.
const CORNERS: [(bool, bool); 4] = [(false, false), (false, true), (true, false), (true, true)];

/// The rate's fraction `100 · num / den` at corner `index` of [`CORNERS`], `den` unchecked.
fn corner(form: RateForm, ia: &Interval, ib: &Interval, index: usize) -> Result<Fraction> {
    let overflow = || Error::Overflow {
        operation: Operation::Ratio,
    };
    let (a_high, b_high) = CORNERS[index];
    let end = |i: &Interval, high: bool| {
        if high {
            (i.hi, i.hi_closed)
        } else {
            (i.lo, i.lo_closed)
        }
    };
    let ((x, x_closed), (y, y_closed)) = (end(ia, a_high), end(ib, b_high));
    let (num, den) = form.quotient(x, y).ok_or_else(overflow)?;
    Ok(Fraction {
        num: num.checked_mul(Decimal::ONE_HUNDRED).ok_or_else(overflow)?,
        den,
        closed: x_closed && y_closed,
    })
}

/// The common shape of every rate check: `rate = 100 · num(a, b) / den(a, b)` with `num` and
/// `den` affine in `a` and `b`, so the rate is monotone in each variable along every edge of the
/// box of preimages and its extremes lie at the corners.
pub(crate) fn check_rate(
    form: RateForm,
    rate: Printed,
    a: Printed,
    b: Printed,
) -> Result<Option<RateCheck>> {
    let overflow = || Error::Overflow {
        operation: Operation::Ratio,
    };
    for p in [rate, a, b] {
        p.checkable()?;
    }
    let Some((num, den)) = form.quotient(a.value, b.value) else {
        return Err(overflow());
    };
    if den <= Decimal::ZERO {
        return Ok(None);
    }
    let computed_exact = ratio_points(num, den).ok_or_else(overflow)?;
    let (verdict, low, high) = match rate_verdict_fast(form, rate, a, b) {
        Some(Some((verdict, low, high))) => {
            // The bounding corners' fractions, as the `Decimal` range takes them.
            let (ia, ib) = (
                a.preimage(RoundingMode::HalfUp),
                b.preimage(RoundingMode::HalfUp),
            );
            (
                verdict,
                corner(form, &ia, &ib, low)?,
                corner(form, &ia, &ib, high)?,
            )
        }
        Some(None) => return Ok(None),
        None => match rate_verdict(form, rate, a, b)? {
            Some(decided) => decided,
            None => return Ok(None),
        },
    };
    let points = |f: Fraction| f.num.checked_div(f.den).ok_or_else(overflow);
    let below = computed_exact
        .checked_sub(points(low)?)
        .ok_or_else(overflow)?;
    let above = points(high)?
        .checked_sub(computed_exact)
        .ok_or_else(overflow)?;
    let spread = below.max(above);
    let difference = rate
        .value
        .checked_sub(computed_exact)
        .ok_or_else(overflow)?;
    let allowance = spread
        .checked_add(rate.half_unit())
        .ok_or_else(overflow)?
        .round_dp_with_strategy(6, rust_decimal::RoundingStrategy::AwayFromZero);
    Ok(Some(RateCheck {
        verdict,
        published: rate.value,
        computed: round_half_up(computed_exact, 6).normalize(),
        expected: round_half_up(computed_exact, rate.decimals),
        difference: round_half_up(difference, 6).normalize(),
        allowance: allowance.normalize(),
    }))
}

/// The verdict of [`check_rate`] and the ends of the rate's range under 四舍五入 (`low`,
/// `high`); `None` when the range's denominator may be ≤ 0 (the rate is undefined).
fn rate_verdict(
    form: RateForm,
    rate: Printed,
    a: Printed,
    b: Printed,
) -> Result<Option<(Consistency, Fraction, Fraction)>> {
    // Range of 100·num/den over the preimages under a mode, or None if den may be ≤ 0.
    let range = |mode| -> Result<Option<(Fraction, Fraction)>> {
        let (ia, ib) = (a.preimage(mode), b.preimage(mode));
        let mut low: Option<Fraction> = None;
        let mut high: Option<Fraction> = None;
        for index in 0..CORNERS.len() {
            let corner = corner(form, &ia, &ib, index)?;
            if corner.den <= Decimal::ZERO {
                return Ok(None);
            }
            low = Some(match low {
                Some(l) => pick(l, corner, Ordering::Less)?,
                None => corner,
            });
            high = Some(match high {
                Some(h) => pick(h, corner, Ordering::Greater)?,
                None => corner,
            });
        }
        Ok(low.zip(high))
    };
    // The range under 四舍五入 serves three of the four questions below: computed once.
    let half_up_range = range(RoundingMode::HalfUp)?;
    let range_under = |mode| match mode {
        RoundingMode::HalfUp => Ok(half_up_range),
        RoundingMode::Truncate => range(mode),
    };
    // The rate's preimage [lo, hi] meets the range [low, high] iff low ≤ hi and lo ≤ high,
    // strictly where an end is open.
    let meets = |rate_mode, inputs_mode| -> Result<Option<bool>> {
        let Some((low, high)) = range_under(inputs_mode)? else {
            return Ok(None);
        };
        let r = rate.preimage(rate_mode);
        let as_fraction = |value, closed| Fraction {
            num: value,
            den: Decimal::ONE,
            closed,
        };
        let below_top = compare_fractions(low, as_fraction(r.hi, r.hi_closed))?;
        let above_bottom = compare_fractions(as_fraction(r.lo, r.lo_closed), high)?;
        let ok = |ord: Ordering, closed: bool| {
            ord == Ordering::Less || (ord == Ordering::Equal && closed)
        };
        Ok(Some(
            ok(below_top, low.closed && r.hi_closed)
                && ok(above_bottom, r.lo_closed && high.closed),
        ))
    };
    let Some(half_up) = meets(RoundingMode::HalfUp, RoundingMode::HalfUp)? else {
        return Ok(None);
    };
    let verdict = if half_up {
        Consistency::Consistent
    } else if meets(RoundingMode::Truncate, RoundingMode::HalfUp)? == Some(true)
        || meets(RoundingMode::Truncate, RoundingMode::Truncate)? == Some(true)
    {
        Consistency::TruncationOnly
    } else {
        Consistency::Inconsistent
    };
    Ok(half_up_range.map(|(low, high)| (verdict, low, high)))
}

fn pick(current: Fraction, candidate: Fraction, want: Ordering) -> Result<Fraction> {
    Ok(match compare_fractions(candidate, current)? {
        ord if ord == want => candidate,
        // Equal values: the end is attained if either corner attains it.
        Ordering::Equal => Fraction {
            closed: current.closed || candidate.closed,
            ..current
        },
        _ => current,
    })
}

/// [`rate_verdict`] in `i128`, for figures of ordinary size: the verdict and the indices in
/// [`CORNERS`] of the range's ends under 四舍五入; `Some(None)` when the rate is undefined,
/// `None` when a figure is too large or too fine (the `Decimal` path then decides).
///
/// It exists because the `Decimal` corners and cross products were most of a rate finding's
/// cost. It decides the same: every preimage end of `a` and `b` is an integer at one scale `s`
/// (one more than their largest decimals or value scale), every end of the rate's at one scale
/// `t`, each below 10¹² there with `s, t ≤ 12`. So every `Decimal` the other path forms is exact
/// (the differences and `×100` stay below 2·10¹⁴, the cross products below 4·10²⁶ < 2⁹⁶ at a
/// scale ≤ 24), and the integers here are those values times a power of ten, positive and the
/// same on both sides of each comparison: they compare the same, and ties (which keep the
/// earlier corner) fall the same.
fn rate_verdict_fast(
    form: RateForm,
    rate: Printed,
    a: Printed,
    b: Printed,
) -> Option<Option<(Consistency, usize, usize)>> {
    const LIMIT: i128 = TEN_TO[12] as i128;
    const MAX_SCALE: u32 = 12;
    /// A preimage at one scale: (lo, hi, lo closed, hi closed).
    type Ends = (i128, i128, bool, bool);
    /// The preimages of `p` under 四舍五入 and 截尾 at `scale` (above its decimals), as
    /// [`Printed::preimage`] gives them.
    fn preimages(p: Printed, scale: u32) -> Option<[Ends; 2]> {
        let value = p
            .value
            .mantissa()
            .checked_mul(i128::from(TEN_TO[(scale - p.value.scale()) as usize]))?;
        let unit = i128::from(TEN_TO[(scale - p.decimals) as usize]);
        if value.checked_abs()? >= LIMIT - unit {
            return None;
        }
        let half = unit / 2;
        let (truncate_below, truncate_above, closed) = match value.cmp(&0) {
            Ordering::Greater => (0, unit, (true, false)),
            Ordering::Less => (unit, 0, (false, true)),
            Ordering::Equal => (unit, unit, (false, false)),
        };
        Some([
            (value - half, value + half, closed.0, closed.1),
            (
                value - truncate_below,
                value + truncate_above,
                closed.0,
                closed.1,
            ),
        ])
    }
    let scale = a
        .decimals
        .max(a.value.scale())
        .max(b.decimals)
        .max(b.value.scale())
        + 1;
    let rate_scale = rate.decimals.max(rate.value.scale()) + 1;
    if scale > MAX_SCALE || rate_scale > MAX_SCALE {
        return None;
    }
    let [a_half_up, a_truncate] = preimages(a, scale)?;
    let [b_half_up, b_truncate] = preimages(b, scale)?;
    let [rate_half_up, rate_truncate] = preimages(rate, rate_scale)?;
    let rate_unit = i128::from(TEN_TO[rate_scale as usize]);

    /// `100 · num / den` with `den > 0`, whether attained, and its corner.
    #[derive(Clone, Copy)]
    struct Corner {
        num: i128,
        den: i128,
        closed: bool,
        index: usize,
    }
    let compare = |x: &Corner, y: &Corner| (x.num * y.den).cmp(&(y.num * x.den));
    // As `pick`: a strictly better corner replaces, an equal one only closes the end.
    let pick =
        |current: Corner, candidate: Corner, want: Ordering| match compare(&candidate, &current) {
            ord if ord == want => candidate,
            Ordering::Equal => Corner {
                closed: current.closed || candidate.closed,
                ..current
            },
            _ => current,
        };
    let range = |ia: Ends, ib: Ends| -> Option<(Corner, Corner)> {
        let mut ends: Option<(Corner, Corner)> = None;
        for (index, &(a_high, b_high)) in CORNERS.iter().enumerate() {
            let (x, x_closed) = if a_high { (ia.1, ia.3) } else { (ia.0, ia.2) };
            let (y, y_closed) = if b_high { (ib.1, ib.3) } else { (ib.0, ib.2) };
            let (num, den) = form.quotient_units(x, y);
            if den <= 0 {
                return None;
            }
            let corner = Corner {
                num: 100 * num,
                den,
                closed: x_closed && y_closed,
                index,
            };
            ends = Some(match ends {
                Some((low, high)) => (
                    pick(low, corner, Ordering::Less),
                    pick(high, corner, Ordering::Greater),
                ),
                None => (corner, corner),
            });
        }
        ends
    };
    // As `rate_verdict`'s `meets`, the rate's ends being `end / rate_unit`.
    let meets = |r: Ends, (low, high): (Corner, Corner)| {
        let below_top = (low.num * rate_unit).cmp(&(r.1 * low.den));
        let above_bottom = (r.0 * high.den).cmp(&(high.num * rate_unit));
        let ok = |ord: Ordering, closed: bool| {
            ord == Ordering::Less || (ord == Ordering::Equal && closed)
        };
        ok(below_top, low.closed && r.3) && ok(above_bottom, r.2 && high.closed)
    };
    let Some(half_up_range) = range(a_half_up, b_half_up) else {
        return Some(None);
    };
    let verdict = if meets(rate_half_up, half_up_range) {
        Consistency::Consistent
    } else if meets(rate_truncate, half_up_range)
        || range(a_truncate, b_truncate).is_some_and(|r| meets(rate_truncate, r))
    {
        Consistency::TruncationOnly
    } else {
        Consistency::Inconsistent
    };
    Some(Some((
        verdict,
        half_up_range.0.index,
        half_up_range.1.index,
    )))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn p(s: &str) -> Printed {
        Printed::parse_amount(s, 2).unwrap()
    }
    fn pct(s: &str) -> Printed {
        Printed::parse_percent(s).unwrap()
    }

    #[test]
    fn preimages_follow_the_table() {
        let h = |s| p(s).preimage(RoundingMode::HalfUp);
        let t = |s| p(s).preimage(RoundingMode::Truncate);
        let d = |s| Decimal::from_str_exact(s).unwrap();
        assert_eq!(
            h("1.00"),
            Interval {
                lo: d("0.995"),
                hi: d("1.005"),
                lo_closed: true,
                hi_closed: false
            }
        );
        assert_eq!(
            h("-1.00"),
            Interval {
                lo: d("-1.005"),
                hi: d("-0.995"),
                lo_closed: false,
                hi_closed: true
            }
        );
        assert_eq!(
            h("0"),
            Interval {
                lo: d("-0.005"),
                hi: d("0.005"),
                lo_closed: false,
                hi_closed: false
            }
        );
        assert_eq!(
            t("1.00"),
            Interval {
                lo: d("1.00"),
                hi: d("1.01"),
                lo_closed: true,
                hi_closed: false
            }
        );
        assert_eq!(
            t("-1.00"),
            Interval {
                lo: d("-1.01"),
                hi: d("-1.00"),
                lo_closed: false,
                hi_closed: true
            }
        );
    }

    #[test]
    fn printed_rejects_impossible_precision() {
        assert!(Printed::new(Decimal::new(125, 3), 2).is_err());
        assert!(Printed::new(Decimal::new(1250, 3), 2).is_ok());
        assert!(Printed::new(Decimal::ONE, 29).is_err());
    }

    #[test]
    fn seed_sums() {
        // 一般公共服务支出 550.13 against its four 项: a tail difference within the bound.
        let c = check_sum(
            p("550.13"),
            &[p("237.25"), p("22"), p("24.65"), p("266.22")],
        )
        .unwrap();
        assert_eq!(
            (c.verdict, c.difference),
            (Consistency::Consistent, Decimal::new(1, 2))
        );
        // 农林水支出 81.05 against its only 项 81.06.
        let c = check_sum(p("81.05"), &[p("81.06")]).unwrap();
        assert_eq!(c.verdict, Consistency::Inconsistent);
        assert_eq!(c.allowance, Decimal::new(1, 2));
        // 基本 + 项目 = 359.97 + 415.28 = 775.25 本年支出合计.
        assert!(
            check_sum(p("775.25"), &[p("359.97"), p("415.28")])
                .unwrap()
                .is_exact()
        );
        // 收入总计 775.38 = 本年收入 775.31 + 年初结转 0.07.
        assert!(
            check_sum(p("775.38"), &[p("775.31"), p("0.07")])
                .unwrap()
                .is_exact()
        );
        // 收入总计 ≠ 支出总计 775.38 vs 本年支出 775.25 + 年末 0.12元 (=0.000012万元).
        let c = check_balance(
            &[p("775.38")],
            &[p("775.25"), Printed::parse_amount("0.000012", 2).unwrap()],
        )
        .unwrap();
        assert_eq!(c.verdict, Consistency::Inconsistent);
    }

    #[test]
    fn truncated_tables_are_a_warning_not_an_error() {
        // Exact 3 × 1.009 = 3.027: truncated prints 1.00 + 1.00 + 1.00 = 3.02.
        let c = check_sum(p("3.02"), &[p("1.00"), p("1.00"), p("1.00")]).unwrap();
        assert_eq!(c.verdict, Consistency::TruncationOnly);
    }

    #[test]
    fn seed_rates() {
        let share = |r, a, b| check_ratio(pct(r), p(a), p(b)).unwrap().unwrap();
        assert_eq!(
            share("94.05%", "729.25", "775.31").verdict,
            Consistency::TruncationOnly
        );
        // 729.25 / 775.25 = 94.0664…%: the seed prints 94.06, truncated again.
        assert_eq!(
            share("94.06%", "729.25", "775.25").verdict,
            Consistency::TruncationOnly
        );
        assert_eq!(
            share("94.07%", "729.25", "775.25").verdict,
            Consistency::Consistent
        );
        assert_eq!(
            share("53.56%", "415.28", "775.25").verdict,
            Consistency::TruncationOnly
        );
        assert_eq!(
            share("46.43%", "359.97", "775.25").verdict,
            Consistency::Consistent
        );
        assert_eq!(
            share("75.44%", "550.13", "729.25").verdict,
            Consistency::Consistent
        );
        assert_eq!(
            share("11.11%", "81.05", "729.25").verdict,
            Consistency::Consistent
        );
        assert_eq!(
            share("100%", "2.14", "2.14").verdict,
            Consistency::Consistent
        );
        assert_eq!(
            share("38.2%", "19.1", "50").verdict,
            Consistency::Consistent
        );
        assert_eq!(
            share("118.74%", "94.99", "80").verdict,
            Consistency::Consistent
        );
        assert_eq!(share("50%", "1", "3").verdict, Consistency::Inconsistent);

        let growth = |r, c, x| check_growth(pct(r), p(c), p(x)).unwrap().unwrap();
        assert_eq!(
            growth("0.004%", "0.03", "729.25").verdict,
            Consistency::Consistent
        );
        assert_eq!(
            growth("26.72%", "8.51", "40.35").verdict,
            Consistency::Consistent
        );
        assert_eq!(
            growth("-31.41%", "-0.98", "2.14").verdict,
            Consistency::Consistent
        );
        assert_eq!(
            growth("-100%", "-0.25", "0").verdict,
            Consistency::Consistent
        );
        assert_eq!(
            growth("-36.5%", "-1.23", "2.14").verdict,
            Consistency::Consistent
        );
        assert_eq!(
            growth("-0.02%", "-0.2", "775.38").verdict,
            Consistency::TruncationOnly
        );
        assert_eq!(growth("20%", "1", "3").verdict, Consistency::Inconsistent);
        assert_eq!(check_growth(pct("5%"), p("1"), p("1")).unwrap(), None);
        let g = check_growth_from_prior(pct("-36.5%"), p("2.14"), p("3.37"))
            .unwrap()
            .unwrap();
        assert_eq!(g.verdict, Consistency::Consistent);
    }

    #[test]
    fn rate_report_fields() {
        let c = check_ratio(pct("94.05%"), p("729.25"), p("775.31"))
            .unwrap()
            .unwrap();
        assert_eq!(c.computed, Decimal::from_str_exact("94.059151").unwrap());
        assert_eq!(c.expected, Decimal::from_str_exact("94.06").unwrap());
        assert_eq!(c.difference, Decimal::from_str_exact("-0.009151").unwrap());
        assert!(c.allowance > Decimal::new(5, 3) && c.allowance < Decimal::new(7, 3));
    }

    /// Values with one decimal, printed under half-up from exact values on a grid of 0.01.
    /// Any printed figure: small and huge mantissas (to 96 bits), 0 to 28 decimals, values
    /// that show more zeros than their decimals (`1.250` at 2).
    fn printed() -> impl Strategy<Value = Printed> {
        let mantissa = prop_oneof![
            -1_000_i128..1_000,
            -10_000_000_000_i128..10_000_000_000,
            -(1_i128 << 96) + 1..(1_i128 << 96),
        ];
        (mantissa, 0_u32..=28, 0_u32..=28, any::<bool>()).prop_map(
            |(m, decimals, scale, padded)| {
                let scale = scale.min(decimals);
                let value = Decimal::from_i128_with_scale(m, scale);
                if padded && scale < 28 {
                    // The same value with one more (zero) decimal shown.
                    if let Some(m10) = m.checked_mul(10).filter(|m| m.abs() < (1 << 96)) {
                        let value = Decimal::from_i128_with_scale(m10, scale + 1);
                        return Printed::new(value, decimals).unwrap();
                    }
                }
                Printed::new(value, decimals).unwrap()
            },
        )
    }

    #[test]
    fn ordinary_balances_take_the_integer_path() {
        let p = |s: &str| Printed::parse_amount(s, 2).unwrap();
        let left = [p("81.05"), p("-0.01"), p("1.250"), p("0")];
        let by_value = |p: &Printed| *p;
        assert!(balance_in_integers(&left, &[p("82.29")], by_value).is_some());
        assert!(balance_in_integers(&[p("99999999999999.99")], &[p("1")], by_value).is_some());
        assert!(balance_in_integers(&[], &[], by_value).is_some());
    }

    /// Zeros of every scale, `-0` among them: `Decimal` sums keep their scale and sign.
    fn zero() -> impl Strategy<Value = Printed> {
        (0_u32..=28, 0_u32..=28, any::<bool>()).prop_map(|(decimals, scale, negative)| {
            let mut value = Decimal::new(0, scale.min(decimals));
            value.set_sign_negative(negative);
            Printed::new(value, decimals).unwrap()
        })
    }

    /// Small figures of mixed scales, so partial sums often cancel to zero.
    fn small() -> impl Strategy<Value = Printed> {
        (-3_i64..=3, 0_u32..4, 0_u32..4, any::<bool>()).prop_map(
            |(m, decimals, scale, negative)| {
                let mut value = Decimal::new(m, scale.min(decimals));
                if m == 0 {
                    value.set_sign_negative(negative);
                }
                Printed::new(value, decimals).unwrap()
            },
        )
    }

    /// Figures printed with `decimals` decimals and showing them, or zeros showing any number
    /// (either sign): the figures [`balance_uniform`] takes, and some too large for it.
    fn uniform(decimals: u32) -> impl Strategy<Value = Printed> {
        let mantissa = prop_oneof![
            -3_i128..=3,
            -10_000_000_000_i128..10_000_000_000,
            -(1_i128 << 51)..(1_i128 << 51),
            -(1_i128 << 64)..(1_i128 << 64),
        ];
        (mantissa, 0_u32..=28, any::<bool>(), 0_u8..4).prop_map(
            move |(m, zero_scale, negative, zero)| {
                let value = if zero == 0 {
                    let mut value = Decimal::new(0, zero_scale);
                    value.set_sign_negative(negative);
                    value
                } else {
                    Decimal::from_i128_with_scale(m, decimals)
                };
                Printed::new(value, decimals).unwrap()
            },
        )
    }

    /// The integer balance, when it answers, is the `Decimal` one to the bit.
    fn assert_same_balance(left: &[Printed], right: &[Printed]) -> Result<(), TestCaseError> {
        let by_value = |p: &Printed| *p;
        let fast_paths = [
            balance_uniform(left, right, by_value),
            balance_in_integers(left, right, by_value),
        ];
        for fast in fast_paths.into_iter().flatten() {
            let slow = balance_in_decimals(left, right);
            prop_assert!(slow.is_ok(), "{left:?} {right:?}: {slow:?}");
            let slow = slow.unwrap();
            prop_assert_eq!(fast.verdict, slow.verdict);
            for (a, b) in [
                (fast.left, slow.left),
                (fast.right, slow.right),
                (fast.difference, slow.difference),
                (fast.allowance, slow.allowance),
            ] {
                prop_assert_eq!(a.serialize(), b.serialize(), "{} vs {}", a, b);
            }
        }
        Ok(())
    }

    /// The integer rate verdict, where it decides, against the `Decimal` one: the same verdict
    /// and the same bounding corners (their fractions digit for digit, scales included).
    fn assert_same_rate_verdict(
        form: RateForm,
        rate: Printed,
        a: Printed,
        b: Printed,
    ) -> std::result::Result<(), TestCaseError> {
        let Some(fast) = rate_verdict_fast(form, rate, a, b) else {
            return Ok(());
        };
        let slow = rate_verdict(form, rate, a, b).expect("ordinary figures do not overflow");
        match (fast, slow) {
            (None, None) => {}
            (Some((verdict, low, high)), Some((slow_verdict, slow_low, slow_high))) => {
                prop_assert_eq!(verdict, slow_verdict);
                let (ia, ib) = (
                    a.preimage(RoundingMode::HalfUp),
                    b.preimage(RoundingMode::HalfUp),
                );
                for (index, slow) in [(low, slow_low), (high, slow_high)] {
                    let fast = corner(form, &ia, &ib, index).unwrap();
                    prop_assert_eq!(
                        (fast.num.to_string(), fast.den.to_string()),
                        (slow.num.to_string(), slow.den.to_string())
                    );
                }
            }
            (fast, slow) => prop_assert!(
                false,
                "defined: fast {}, slow {}",
                fast.is_some(),
                slow.is_some()
            ),
        }
        Ok(())
    }

    /// Small printed amounts of either sign, 0 to 3 decimals, some showing a padded zero.
    fn small_printed() -> impl Strategy<Value = Printed> {
        (-60_i64..60, 0_u32..4, 0_u32..4, any::<bool>()).prop_map(|(m, decimals, scale, pad)| {
            let scale = scale.min(decimals);
            let value = if pad {
                Decimal::new(m * 10, scale + 1)
            } else {
                Decimal::new(m, scale)
            };
            Printed::new(value, decimals.max(value.normalize().scale())).unwrap()
        })
    }

    /// Amounts of every size the rate checks meet, to 8 decimals.
    fn rate_operand() -> impl Strategy<Value = Decimal> {
        let mantissa = prop_oneof![
            -1_000_i128..1_000,
            -10_000_000_000_i128..10_000_000_000,
            -(1_i128 << 80)..(1_i128 << 80),
        ];
        (mantissa, 0_u32..9).prop_map(|(m, scale)| Decimal::from_i128_with_scale(m, scale))
    }

    fn tenth() -> impl Strategy<Value = Decimal> {
        (0_i64..60).prop_map(|m| Decimal::new(m, 1))
    }

    /// All exact values of the preimage on a grid of 10⁻⁽ᵈ⁺¹⁾ (its ends lie on that grid).
    fn grid(printed: Printed, mode: RoundingMode) -> Vec<Decimal> {
        let i = printed.preimage(mode);
        let step = Decimal::new(1, printed.decimals() + 1);
        let mut out = Vec::new();
        let mut x = i.lo;
        while x <= i.hi {
            if i.contains(x) {
                out.push(x);
            }
            x += step;
        }
        out
    }

    proptest! {
        #[test]
        fn at_least_is_new_with_at_least_the_decimals_shown(
            mantissa in prop_oneof![-1_000_i128..1_000, -(1_i128 << 96) + 1..(1_i128 << 96)],
            scale in 0_u32..=28,
            min_decimals in prop_oneof![0_u32..=30, any::<u32>()],
        ) {
            let value = Decimal::from_i128_with_scale(mantissa, scale);
            let decimals = value.scale().max(min_decimals).min(28);
            prop_assert_eq!(Printed::new(value, decimals).ok(), Some(Printed::at_least(value, min_decimals)));
        }

        #[test]
        fn sum_answers_agree_with_brute_force(total in tenth(), a in tenth(), b in tenth(), c in tenth()) {
            let (total, parts) = (Printed::as_shown(total), [a, b, c].map(Printed::as_shown));
            let brute = |mode| {
                let target = total.preimage(mode);
                let (ga, gb, gc) = (grid(parts[0], mode), grid(parts[1], mode), grid(parts[2], mode));
                ga.iter().any(|x| gb.iter().any(|y| gc.iter().any(|z| target.contains(x + y + z))))
            };
            let expected = if brute(RoundingMode::HalfUp) {
                Consistency::Consistent
            } else if brute(RoundingMode::Truncate) {
                Consistency::TruncationOnly
            } else {
                Consistency::Inconsistent
            };
            prop_assert_eq!(check_sum(total, &parts).unwrap().verdict, expected);
        }

        #[test]
        fn a_ratio_witness_means_consistent(rate in 0_i64..2000, a in tenth(), b in (1_i64..60).prop_map(|m| Decimal::new(m, 1))) {
            let rate = Printed::as_shown(Decimal::new(rate, 0));
            let (a, b) = (Printed::as_shown(a), Printed::as_shown(b));
            let target = rate.preimage(RoundingMode::HalfUp);
            // A witness on the grid: 100·x/y inside the rate's preimage, compared exactly.
            let witness = grid(a, RoundingMode::HalfUp).iter().any(|x| {
                grid(b, RoundingMode::HalfUp).iter().any(|y| {
                    let lo_ok = if target.lo_closed { target.lo * y <= x * Decimal::ONE_HUNDRED } else { target.lo * y < x * Decimal::ONE_HUNDRED };
                    let hi_ok = x * Decimal::ONE_HUNDRED < target.hi * y;
                    lo_ok && hi_ok
                })
            });
            let check = check_ratio(rate, a, b).unwrap().unwrap();
            if witness {
                prop_assert_eq!(check.verdict, Consistency::Consistent);
            }
        }

        #[test]
        fn the_integer_rate_test_is_the_decimal_one(
            a in printed(),
            b in printed(),
            rate in printed(),
            form in 0_usize..4,
        ) {
            let form = [RateForm::Ratio, RateForm::Growth, RateForm::GrowthFromPrior, RateForm::ShareOfSum][form];
            let (a, b) = (a.value, b.value);
            if let Some(fast) = rate_is_rounded_fast(form, rate, a, b) {
                prop_assert_eq!(fast, rate_is_rounded_decimal(form, rate, a, b));
            }
        }

        #[test]
        fn the_integer_rate_test_is_the_decimal_one_near_the_rounded_rate(
            a in rate_operand(),
            b in rate_operand(),
            decimals in 0_u32..7,
            units in -2_i64..3,
            padding in 0_u32..3,
            form in 0_usize..4,
        ) {
            let form = [RateForm::Ratio, RateForm::Growth, RateForm::GrowthFromPrior, RateForm::ShareOfSum][form];
            let (num, den) = match form {
                RateForm::Ratio => (a, b),
                RateForm::Growth => (a, b - a),
                RateForm::GrowthFromPrior => (a - b, b),
                RateForm::ShareOfSum => (a, a + b),
            };
            let Some(points) = crate::money::ratio_points(num, den) else {
                return Ok(());
            };
            // The rounded rate, a unit or two off, shown with `padding` more decimals (zeros,
            // or a stray nonzero digit when off).
            let rate = round_half_up(points, decimals) + Decimal::new(units, decimals);
            let shown = if units == 0 {
                let mut padded = rate;
                padded.rescale(decimals + padding);
                padded
            } else {
                rate + Decimal::new(i64::from(padding), decimals + 3)
            };
            let rate = Printed { value: shown, decimals };
            if let Some(fast) = rate_is_rounded_fast(form, rate, a, b) {
                prop_assert_eq!(fast, rate_is_rounded_decimal(form, rate, a, b));
            }
        }

        #[test]
        fn the_integer_rate_test_is_the_decimal_one_at_and_beside_end_points(
            k in prop_oneof![1_i128..1_000, 1_i128..1_000_000_000_000_000],
            rate_units in -100_000_i128..100_000,
            decimals in 0_u32..5,
            scale in 0_u32..6,
            beside in -1_i128..2,
            negative_whole in any::<bool>(),
        ) {
            // 100·a/b = (2·rate_units + 1) / (2·10ᵈ) exactly, then a moved by one unit.
            let ten_to_d = 10_i128.pow(decimals);
            let a = k * (2 * rate_units + 1) + beside;
            let b = 2 * 100 * ten_to_d * k * if negative_whole { -1 } else { 1 };
            let a = if negative_whole { -a } else { a };
            let (a, b) = (Decimal::from_i128_with_scale(a, scale), Decimal::from_i128_with_scale(b, scale));
            for units in [rate_units, rate_units + 1] {
                let rate = Printed { value: Decimal::from_i128_with_scale(units, decimals), decimals };
                if let Some(fast) = rate_is_rounded_fast(RateForm::Ratio, rate, a, b) {
                    prop_assert_eq!(fast, rate_is_rounded_decimal(RateForm::Ratio, rate, a, b));
                }
            }
        }

        #[test]
        fn the_integer_rate_verdict_is_the_decimal_one(
            rate in printed(),
            a in printed(),
            b in printed(),
            form in 0_usize..4,
        ) {
            let form = [RateForm::Ratio, RateForm::Growth, RateForm::GrowthFromPrior, RateForm::ShareOfSum][form];
            assert_same_rate_verdict(form, rate, a, b)?;
        }

        #[test]
        fn the_integer_rate_verdict_is_the_decimal_one_near_the_range(
            a in small_printed(),
            b in small_printed(),
            corner_a in 0_usize..4,
            corner_b in 0_usize..4,
            decimals in 0_u32..4,
            units in -1_i64..2,
            padding in 0_u32..2,
            form in 0_usize..4,
        ) {
            // Rates at or beside the rate of one corner of either mode's box, so that the
            // range's ends and the rate's meet (and corners tie).
            let form = [RateForm::Ratio, RateForm::Growth, RateForm::GrowthFromPrior, RateForm::ShareOfSum][form];
            let end = |p: Printed, which: usize| {
                let i = p.preimage([RoundingMode::HalfUp, RoundingMode::Truncate][which / 2]);
                if which.is_multiple_of(2) { i.lo } else { i.hi }
            };
            let Some((num, den)) = form.quotient(end(a, corner_a), end(b, corner_b)) else {
                return Ok(());
            };
            let Some(points) = crate::money::ratio_points(num, den) else {
                return Ok(());
            };
            // A rate whose preimage under 四舍五入 ends at the corner's rate, where it can be
            // printed so (the corner's rate ends in 5 at `decimals + 1`).
            let mut shifted = points + Decimal::new(units * 5, decimals + 1);
            shifted.rescale(shifted.scale().max(decimals + padding).min(28));
            if let Ok(rate) = Printed::new(shifted, decimals) {
                assert_same_rate_verdict(form, rate, a, b)?;
            }
            // The corner's rate rounded (at a 截尾 end when it has no more decimals), or a unit
            // beside it.
            let mut rounded = round_half_up(points, decimals) + Decimal::new(units, decimals);
            rounded.rescale(decimals + padding);
            assert_same_rate_verdict(form, Printed::new(rounded, decimals).unwrap(), a, b)?;
        }

        #[test]
        fn the_integer_balance_is_the_decimal_one(
            left in prop::collection::vec(prop_oneof![printed(), zero(), small()], 0..6),
            right in prop::collection::vec(prop_oneof![printed(), zero(), small()], 0..6),
        ) {
            assert_same_balance(&left, &right)?;
        }

        #[test]
        fn the_integer_balance_is_the_decimal_one_for_cancelling_zeros(
            left in prop::collection::vec(prop_oneof![small(), zero()], 0..8),
            right in prop::collection::vec(prop_oneof![small(), zero()], 0..8),
        ) {
            assert_same_balance(&left, &right)?;
        }

        #[test]
        fn the_uniform_balance_is_the_decimal_one(
            (left, right, decimals) in (0_u32..=28).prop_flat_map(|d| (
                prop::collection::vec(uniform(d), 1..8),
                prop::collection::vec(uniform(d), 0..8),
                Just(d),
            )),
            units in -3_i64..4,
        ) {
            assert_same_balance(&left, &right)?;
            assert_same_balance(&right, &left)?;
            // A total close to the parts' sum, so every verdict occurs.
            let Some(sum) = left.iter().try_fold(Decimal::ZERO, |acc, p| acc.checked_add(p.value())) else {
                return Ok(());
            };
            let Some(total) = sum.checked_add(Decimal::new(units, decimals)) else {
                return Ok(());
            };
            let total = [Printed::new(total, decimals).unwrap()];
            assert_same_balance(&left, &total)?;
            assert_same_balance(&total, &left)?;
        }

        #[test]
        fn the_integer_balance_is_the_decimal_one_near_balance(
            left in prop::collection::vec(
                prop_oneof![printed(), zero(), small(), (-2_000_i64..2_000, 0_u32..4, 0_u32..4).prop_map(|(m, d, s)| {
                    Printed::new(Decimal::new(m, s.min(d)), d).unwrap()
                })],
                1..6,
            ),
            decimals in 0_u32..5,
            units in -4_i64..5,
        ) {
            // A total close to the parts' sum, so every verdict occurs.
            let Some(sum) = left.iter().try_fold(Decimal::ZERO, |acc, p| acc.checked_add(p.value())) else {
                return Ok(());
            };
            let Some(total) = sum.round_dp(decimals).checked_add(Decimal::new(units, decimals)) else {
                return Ok(());
            };
            let total = [Printed::new(total, decimals.max(total.scale())).unwrap()];
            assert_same_balance(&left, &total)?;
            assert_same_balance(&total, &left)?;
        }

        #[test]
        fn sums_of_rounded_parts_are_never_flagged(parts in prop::collection::vec(0_i64..10_000_000, 1..30)) {
            let exact: Vec<Decimal> = parts.iter().map(|&m| Decimal::new(m, 4)).collect();
            let total: Decimal = exact.iter().sum();
            let printed: Vec<Printed> = exact.iter().map(|&x| Printed::new(round_half_up(x, 2), 2).unwrap()).collect();
            let check = check_sum(Printed::new(round_half_up(total, 2), 2).unwrap(), &printed).unwrap();
            prop_assert_eq!(check.verdict, Consistency::Consistent);
            prop_assert!(check.difference.abs() < check.allowance);
            let truncated: Vec<Printed> = exact.iter().map(|&x| Printed::new(crate::money::truncate_to(x, 2), 2).unwrap()).collect();
            let check = check_sum(Printed::new(crate::money::truncate_to(total, 2), 2).unwrap(), &truncated).unwrap();
            prop_assert_ne!(check.verdict, Consistency::Inconsistent);
        }

        #[test]
        fn rates_of_rounded_amounts_are_never_flagged(x in 1_i64..10_000_000, y in 1_i64..10_000_000, decimals in 0_u32..4) {
            let (x, y) = (Decimal::new(x, 4), Decimal::new(y, 4));
            let rate = round_half_up(x * Decimal::ONE_HUNDRED / y, decimals);
            let (px, py) = (Printed::new(round_half_up(x, 2), 2).unwrap(), Printed::new(round_half_up(y, 2), 2).unwrap());
            if let Some(check) = check_ratio(Printed::new(rate, decimals).unwrap(), px, py).unwrap() {
                prop_assert_eq!(check.verdict, Consistency::Consistent);
            }
            // growth: current x, prior y, change x − y.
            let growth = round_half_up((x - y) * Decimal::ONE_HUNDRED / y, decimals);
            let change = Printed::new(round_half_up(x - y, 2), 2).unwrap();
            if let Some(check) = check_growth(Printed::new(growth, decimals).unwrap(), change, px).unwrap() {
                prop_assert_eq!(check.verdict, Consistency::Consistent);
            }
        }

        #[test]
        fn any_corruption_beyond_the_allowance_is_inconsistent(parts in prop::collection::vec(0_i64..1_000_000, 1..10), bump in 1_i64..100) {
            let printed: Vec<Printed> = parts.iter().map(|&m| Printed::new(Decimal::new(m, 2), 2).unwrap()).collect();
            let total: Decimal = printed.iter().map(|p| p.value()).sum();
            let allowance_units = i64::try_from(printed.len()).unwrap() / 2 + 1;
            let corrupted = Printed::new(total + Decimal::new(allowance_units + bump - 1, 2), 2).unwrap();
            let check = check_sum(corrupted, &printed).unwrap();
            // Half a cent per figure: n+1 figures allow strictly less than (n+1)/2 cents.
            prop_assert!(check.difference >= check.allowance);
            prop_assert_ne!(check.verdict, Consistency::Consistent);
        }
    }
}
