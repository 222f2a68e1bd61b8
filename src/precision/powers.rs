//! The tables of powers of ten the integer paths look up rather than compute per figure.

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
