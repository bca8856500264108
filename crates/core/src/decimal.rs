//! Numbers as short decimal text for people and for CSS.
//!
//! Owns: turning an `f64` into text with a fixed number of decimals, from integers alone. The
//! page formats sizes, densities and pixel positions this way rather than with `{:.1}` on a
//! float: the page holds no float printer at all (Rust's is several KB of gzip), so one
//! `{}` of an `f64` anywhere in the page brings it back. Must never: be used where a program
//! reads the number back (exports go through serde).

/// `value` rounded to `places` decimals (half away from zero), with no exponent and no
/// trailing `.`: `fixed(2.345, 1) == "2.3"`, `fixed(-0.04, 1) == "0"`, `fixed(7.0, 0) == "7"`.
/// Non-finite values read `0`, since nothing in the app should show them.
pub fn fixed(value: f64, places: u32) -> String {
    let places = places.min(9);
    let scale = 10u64.pow(places);
    let scaled = (value.abs() * scale as f64).round();
    if !scaled.is_finite() {
        return "0".into();
    }
    // `as` saturates, which is plenty for sizes and coordinates.
    let n = scaled as u64;
    let sign = if value < 0.0 && n != 0 { "-" } else { "" };
    if places == 0 {
        return format!("{sign}{n}");
    }
    format!("{sign}{}.{:0width$}", n / scale, n % scale, width = places as usize)
}

#[cfg(test)]
mod tests {
    use super::fixed;

    #[test]
    fn rounds_to_the_places_asked_for() {
        assert_eq!(fixed(2.345, 1), "2.3");
        assert_eq!(fixed(2.35, 1), "2.4");
        assert_eq!(fixed(5.0, 1), "5.0");
        assert_eq!(fixed(9.0, 0), "9");
        assert_eq!(fixed(0.14, 2), "0.14");
        assert_eq!(fixed(1234.5678, 3), "1234.568");
        assert_eq!(fixed(0.0625, 3), "0.063");
        assert_eq!(fixed(0.5, 0), "1");
    }

    #[test]
    fn negatives_keep_their_sign_unless_they_round_to_zero() {
        assert_eq!(fixed(-12.25, 1), "-12.3");
        assert_eq!(fixed(-0.04, 1), "0.0");
        assert_eq!(fixed(-3.0, 0), "-3");
    }

    #[test]
    fn non_finite_values_read_zero() {
        assert_eq!(fixed(f64::NAN, 1), "0");
        assert_eq!(fixed(f64::INFINITY, 2), "0");
    }

    #[test]
    fn matches_rusts_own_formatting_away_from_ties() {
        for i in -2000..2000 {
            let v = f64::from(i) * 0.37 + 0.013;
            assert_eq!(fixed(v, 2), format!("{v:.2}"), "{v}");
        }
    }
}
