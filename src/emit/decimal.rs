//! Numbers with a fixed count of decimals, written exactly as `format!("{:.N$}")` writes them
//! but without the formatting machinery: the exact binary value rounded half to even, a `-` for
//! any negative value (negative zero and values that round to zero included).

use std::fmt::Write;

/// The most decimals [`push_fixed`] writes itself; more go through `core::fmt`.
const MAX_DECIMALS: usize = 9;

/// Appends `value` with `decimals` decimals, byte for byte as `{value:.decimals$}` formats it.
pub fn push_fixed(text: &mut String, value: f64, decimals: usize) {
    match scaled(value, decimals) {
        Some(units) => push_units(text, value.is_sign_negative(), units, decimals),
        None => {
            // Writing into a String cannot fail.
            let _ = write!(text, "{value:.decimals$}");
        }
    }
}

/// `|value| × 10^decimals` rounded half to even, for finite values below 2^53 and at most
/// [`MAX_DECIMALS`] decimals; `None` for anything else.
fn scaled(value: f64, decimals: usize) -> Option<u128> {
    if !value.is_finite() || decimals > MAX_DECIMALS {
        return None;
    }
    let bits = value.to_bits();
    let stored_exponent = ((bits >> 52) & 0x7ff) as i32;
    let fraction = bits & ((1 << 52) - 1);
    // |value| = mantissa × 2^exponent exactly.
    let (mantissa, exponent) = match stored_exponent {
        0 => (fraction, -1074),
        _ => (fraction | (1 << 52), stored_exponent - 1075),
    };
    if exponent >= 0 {
        return None;
    }
    let scale = 10u128.pow(decimals as u32);
    // Below 2^83, as mantissa < 2^53 and scale < 2^30.
    let product = u128::from(mantissa) * scale;
    let shift = exponent.unsigned_abs();
    if shift >= 100 {
        // The product is below half of 2^shift, so it rounds down to zero.
        return Some(0);
    }
    let whole = product >> shift;
    let rest = product & ((1u128 << shift) - 1);
    let half = 1u128 << (shift - 1);
    let round_up = rest > half || (rest == half && whole % 2 == 1);
    Some(whole + u128::from(round_up))
}

/// Appends `units` / 10^decimals as decimal digits with exactly `decimals` decimals.
fn push_units(text: &mut String, negative: bool, units: u128, decimals: usize) {
    // 2^83 has 26 digits; one more for the point.
    let mut digits = [b'0'; 48];
    let mut at = digits.len();
    let mut rest = units;
    let mut written = 0;
    while rest > 0 || written <= decimals {
        if written == decimals && decimals > 0 {
            at -= 1;
            digits[at] = b'.';
        }
        at -= 1;
        digits[at] = b'0' + (rest % 10) as u8;
        rest /= 10;
        written += 1;
    }
    if negative {
        text.push('-');
    }
    // Only ASCII digits and a point were written.
    text.push_str(std::str::from_utf8(&digits[at..]).unwrap_or_default());
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn fixed(value: f64, decimals: usize) -> String {
        let mut text = String::new();
        push_fixed(&mut text, value, decimals);
        text
    }

    fn assert_as_format(value: f64) {
        for decimals in 0..=MAX_DECIMALS + 1 {
            let expected = format!("{value:.decimals$}");
            assert_eq!(fixed(value, decimals), expected, "{value:e} .{decimals}");
        }
    }

    #[test]
    fn ties_round_to_even_on_the_exact_value() {
        assert_eq!(fixed(0.125, 2), "0.12");
        assert_eq!(fixed(0.375, 2), "0.38");
        assert_eq!(fixed(2.5, 0), "2");
        assert_eq!(fixed(3.5, 0), "4");
        assert_eq!(fixed(2.675, 2), "2.67");
        assert_eq!(fixed(1.005, 2), "1.00");
        assert_eq!(fixed(-0.001, 2), "-0.00");
        assert_eq!(fixed(-0.0, 2), "-0.00");
        assert_eq!(fixed(0.99996, 4), "1.0000");
        assert_eq!(fixed(-12.0, 2), "-12.00");
    }

    #[test]
    fn edge_values_are_written_as_format_writes_them() {
        let values = [
            0.0,
            -0.0,
            f64::MIN_POSITIVE,
            -f64::MIN_POSITIVE,
            5e-324,
            -5e-324,
            f64::EPSILON,
            0.5,
            -0.5,
            0.005,
            0.00005,
            0.995,
            9.995,
            99.995,
            1e15 + 0.5,
            4503599627370495.5,
            4503599627370496.0,
            9007199254740991.0,
            9007199254740993.0,
            1e300,
            -1e300,
            f64::MAX,
            f64::MIN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NAN,
            -f64::NAN,
        ];
        values.into_iter().for_each(assert_as_format);
        for k in -4000..4000 {
            // Every multiple of 1/1024 around zero: all the ties of a few decimals.
            assert_as_format(f64::from(k) / 1024.0);
            assert_as_format(f64::from(k) / 1000.0);
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20_000))]

        #[test]
        fn any_bit_pattern_is_written_as_format_writes_it(bits in any::<u64>()) {
            let value = f64::from_bits(bits);
            for decimals in 0..=MAX_DECIMALS + 1 {
                prop_assert_eq!(fixed(value, decimals), format!("{value:.decimals$}"));
            }
        }

        #[test]
        fn scores_are_written_as_format_writes_them(value in -1e4f64..1e4) {
            for decimals in 0..=MAX_DECIMALS + 1 {
                prop_assert_eq!(fixed(value, decimals), format!("{value:.decimals$}"));
            }
        }

        #[test]
        fn halves_are_written_as_format_writes_them(k in -1i64 << 40..1i64 << 40, p in 1u32..40) {
            let value = k as f64 / f64::from(1u32 << (p % 31)) / f64::from(1u32 << (p / 31 * 9));
            for decimals in 0..=MAX_DECIMALS + 1 {
                prop_assert_eq!(fixed(value, decimals), format!("{value:.decimals$}"));
            }
        }
    }
}
