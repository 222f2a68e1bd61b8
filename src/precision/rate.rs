//! Rates computed from published amounts (share, completion, growth: [`check_ratio`],
//! [`check_growth`], [`check_growth_from_prior`]): the definition over the corners of the
//! amounts' preimages in `Decimal`, an integer path that decides the same for figures of
//! ordinary size, and the test whether a rate is exactly the rounded quotient.

use std::cmp::Ordering;

use rust_decimal::Decimal;

use super::powers::TEN_TO;
use super::{Consistency, Interval, Printed, RoundingMode};
use crate::error::{Error, Operation, Result};
use crate::money::{ratio_points, round_half_up};

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
///
/// The one way in to the rate checks: [`rate_verdict_fast`] decides where it can, else the
/// definition [`rate_verdict`]; both give the same verdict and bounding corners.
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
/// It spares the `Decimal` corners and cross products. It decides the same: every preimage end of `a` and `b` is an integer at one scale `s`
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
    use crate::precision::testing::{grid, p, pct, printed, tenth};
    use proptest::prelude::*;

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

    proptest! {
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

    }
}
