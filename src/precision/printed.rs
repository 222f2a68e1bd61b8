//! [`Printed`]: a figure as published, with the decimals it was rounded to, and its preimage,
//! every exact value that prints as it.

use std::cmp::Ordering;

use rust_decimal::Decimal;

use super::{Interval, RoundingMode};
use crate::error::{Error, Result};
use crate::money::{Percent, parse_amount};

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
    pub(super) value: Decimal,
    pub(super) decimals: u32,
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

    /// The most decimals a figure may have for the rounding-aware checks
    /// ([`check_sum`](super::check_sum), [`check_balance`](super::check_balance),
    /// [`check_ratio`](super::check_ratio), [`check_growth`](super::check_growth),
    /// [`check_growth_from_prior`](super::check_growth_from_prior) and the checker's
    /// identities): 27, so that half a unit in its last place, `5·10⁻²⁸`, is a
    /// `Decimal`. A [`Printed`] itself holds up to 28 decimals (a `Decimal`'s most); the
    /// checks answer a figure of 28 with [`Error::Uncheckable`].
    pub const MAX_CHECKED_DECIMALS: u32 = 27;

    /// `Err` when this figure has more decimals than the checks take
    /// ([`Printed::MAX_CHECKED_DECIMALS`]).
    pub(super) fn checkable(self) -> Result<Self> {
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

/// Half a unit in the last place of a figure printed with `decimals` decimals, `5·10⁻⁽ᵈ⁺¹⁾`,
/// when a `Decimal` holds it (`decimals` ≤ 27); `None` otherwise.
pub(crate) fn half_unit_of(decimals: u32) -> Option<Decimal> {
    (decimals <= Printed::MAX_CHECKED_DECIMALS)
        .then(|| Decimal::from_parts(5, 0, 0, false, decimals + 1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::precision::testing::p;
    use proptest::prelude::*;

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

    }
}
