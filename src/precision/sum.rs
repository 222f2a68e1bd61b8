//! Sums and balances of published figures ([`check_sum`], [`check_balance`]): the definition
//! in `Decimal` intervals, and two integer paths that give the same answer to the bit for the
//! figures tables hold, tried first by [`check_balance_of`].

use std::cmp::Ordering;

use rust_decimal::Decimal;

use super::interval::ends_meet;
use super::powers::POW10;
use super::{Consistency, Interval, Printed, RoundingMode};
use crate::error::{Error, Operation, Result};

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
///
/// The one way in to the balance: [`balance_uniform`], else [`balance_in_integers`], else the
/// definition [`balance_in_decimals`]; each path that answers gives the definition's answer to
/// the bit.
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

/// The Minkowski sum of the preimages of `side` under `mode` (the closed `[0, 0]` when empty).
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
        decimal_of_sum(self.mantissa, self.scale, self.negative_zero)
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

/// The running sum `mantissa × 10⁻ˢᶜᵃˡᵉ` as `Decimal` addition leaves it: `-0` when it is zero
/// and `negative_zero` (see [`SideSum::add`]), for a mantissa below 2⁹⁶ and a scale to 28.
fn decimal_of_sum(mantissa: i128, scale: u32, negative_zero: bool) -> Decimal {
    let mut sum = decimal_from_parts(mantissa.unsigned_abs(), mantissa < 0, scale);
    if negative_zero && mantissa == 0 {
        sum.set_sign_negative(true);
    }
    sum
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
        decimal_of_sum(i128::from(self.mantissa), self.scale, self.negative_zero)
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
        ends_meet(a.0, a.2, b.1, b.3) && ends_meet(b.0, b.2, a.1, a.3)
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
/// It spares the `Decimal` sums and interval sums, which rescale at every step. It gives the
/// same answer to the bit, scales and signs of
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
        ends_meet(a.0, a.2, b.1, b.3)
            && ends_meet(b.0, b.2, a.1, a.3)
            && ends_meet(a.0, a.2, a.1, a.3)
            && ends_meet(b.0, b.2, b.1, b.3)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::money::round_half_up;
    use crate::precision::testing::{grid, p, printed, tenth};
    use proptest::prelude::*;

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

    proptest! {
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
