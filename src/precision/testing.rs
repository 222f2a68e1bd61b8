//! Figures and strategies the tests of the precision modules share.

use proptest::prelude::*;
use rust_decimal::Decimal;

use super::{Printed, RoundingMode};

pub(super) fn p(s: &str) -> Printed {
    Printed::parse_amount(s, 2).unwrap()
}
pub(super) fn pct(s: &str) -> Printed {
    Printed::parse_percent(s).unwrap()
}

/// Any printed figure: small and huge mantissas (to 96 bits), 0 to 28 decimals, values
/// that show more zeros than their decimals (`1.250` at 2).
pub(super) fn printed() -> impl Strategy<Value = Printed> {
    let mantissa = prop_oneof![
        -1_000_i128..1_000,
        -10_000_000_000_i128..10_000_000_000,
        -(1_i128 << 96) + 1..(1_i128 << 96),
    ];
    (mantissa, 0_u32..=28, 0_u32..=28, any::<bool>()).prop_map(|(m, decimals, scale, padded)| {
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
    })
}

/// Values with one decimal, printed under half-up from exact values on a grid of 0.01.
pub(super) fn tenth() -> impl Strategy<Value = Decimal> {
    (0_i64..60).prop_map(|m| Decimal::new(m, 1))
}

/// All exact values of the preimage on a grid of 10⁻⁽ᵈ⁺¹⁾ (its ends lie on that grid).
pub(super) fn grid(printed: Printed, mode: RoundingMode) -> Vec<Decimal> {
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
