//! The one logarithm we need, written out so the binary does not link
//! libm: loading one more shared library costs a lookup more start-up time
//! than everything else it does.

const LN_2: f64 = std::f64::consts::LN_2;
const LN_10: f64 = std::f64::consts::LN_10;

/// Natural logarithm of a positive, finite `x` (NaN otherwise), to about
/// 1e-15 relative error.
pub fn ln(x: f64) -> f64 {
    if x.is_nan() || x <= 0.0 || x.is_infinite() {
        return f64::NAN;
    }
    // x = m * 2^e with m in [1, 2); subnormals are scaled up first.
    let (x, bias) = if x < f64::MIN_POSITIVE {
        (x * 2f64.powi(54), -54)
    } else {
        (x, 0)
    };
    let bits = x.to_bits();
    let exponent = ((bits >> 52) & 0x7ff) as i64 - 1023 + bias;
    let mut m = f64::from_bits((bits & 0x000f_ffff_ffff_ffff) | 0x3ff0_0000_0000_0000);
    let mut e = exponent as f64;
    // Keep m near 1 so the series converges fast: m in [0.707, 1.414).
    if m > std::f64::consts::SQRT_2 {
        m /= 2.0;
        e += 1.0;
    }
    // ln(m) = 2 atanh(z), z = (m - 1) / (m + 1), |z| < 0.172.
    let z = (m - 1.0) / (m + 1.0);
    let z2 = z * z;
    let mut term = z;
    let mut sum: f64 = 0.0;
    let mut k = 1.0;
    while term.abs() > 1e-17 * sum.abs().max(1e-300) {
        sum += term / k;
        term *= z2;
        k += 2.0;
    }
    e * LN_2 + 2.0 * sum
}

pub fn log10(x: f64) -> f64 {
    ln(x) / LN_10
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agrees_with_the_standard_library() {
        for x in [
            1e-300_f64, 1e-10, 0.001, 0.5, 0.999, 1.0, 1.5, 2.0, 10.0, 229.0, 1e10, 1e300,
        ] {
            let want = x.ln();
            assert!(
                (ln(x) - want).abs() <= 1e-14 * want.abs().max(1.0),
                "ln({x})"
            );
        }
        assert!((log10(1000.0) - 3.0).abs() < 1e-14);
        assert!(ln(0.0).is_nan() && ln(-1.0).is_nan() && ln(f64::INFINITY).is_nan());
    }
}
