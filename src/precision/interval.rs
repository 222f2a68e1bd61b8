//! [`Interval`]: a set of exact values between two ends, each open or closed, as a preimage
//! and a sum of preimages are.

use rust_decimal::Decimal;

use crate::error::{Error, Operation, Result};

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
        ends_meet(self.lo, self.lo_closed, other.hi, other.hi_closed)
            && ends_meet(other.lo, other.lo_closed, self.hi, self.hi_closed)
            && ends_meet(self.lo, self.lo_closed, self.hi, self.hi_closed)
            && ends_meet(other.lo, other.lo_closed, other.hi, other.hi_closed)
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

/// Whether the ends `lo` and `hi` enclose a point: `lo < hi`, or `lo == hi` with both closed.
/// Two intervals share a point iff each one's lower end meets the other's upper end (and each
/// is nonempty); the integer paths compare their ends in integers so.
#[inline]
pub(super) fn ends_meet<T: Ord>(lo: T, lo_closed: bool, hi: T, hi_closed: bool) -> bool {
    lo < hi || (lo == hi && lo_closed && hi_closed)
}
