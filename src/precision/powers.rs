//! The one table of powers of ten, which the integer paths look up rather than compute per
//! figure, and its first entries as `i64`.

/// Powers of ten to 10²⁸, looked up rather than computed per figure.
pub(super) const POW10: [i128; 29] = {
    let mut table = [1_i128; 29];
    let mut i = 1;
    while i < table.len() {
        table[i] = table[i - 1] * 10;
        i += 1;
    }
    table
};

/// `10^exponent` (`None` beyond 10²⁸, more than any two `Decimal` scales differ by), from
/// [`POW10`]: consolidation rescales a sum per cell whose scale differs.
pub(crate) fn power_of_ten(exponent: u32) -> Option<i128> {
    POW10.get(exponent as usize).copied()
}

/// [`POW10`] to 10¹⁸, the powers an `i64` holds: for the integer paths of the rate checks and
/// the checker's grid.
pub(crate) const TEN_TO: [i64; 19] = {
    let mut table = [0_i64; 19];
    let mut i = 0;
    while i < table.len() {
        table[i] = POW10[i] as i64;
        i += 1;
    }
    table
};
