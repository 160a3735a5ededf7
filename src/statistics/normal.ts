/**
 * Standard normal special functions: density φ, distribution Φ (and its upper tail 1 − Φ, computed without
 * cancellation), and the quantile Φ⁻¹.
 *
 * - Φ⁻¹: Wichura, M. J. (1988), "Algorithm AS 241: The percentage points of the normal distribution",
 *   Applied Statistics 37(3):477–484, function PPND16: three rational approximations (|p − ½| ≤ 0.425;
 *   r = √(−ln min(p, 1 − p)) ≤ 5; r > 5). Relative accuracy about 1e-16 for p in [1e-300, 1 − 1e-16].
 * - erfc: Cody, W. J. (1969), "Rational Chebyshev approximations for the error function", Math. Comp.
 *   23(107):631–637, as coded in SPECFUN CALERF (Cody 1990): |x| ≤ 0.46875, 0.46875 < |x| ≤ 4 and |x| > 4,
 *   with exp(−x²) split as exp(−y²)·exp(−(x − y)(x + y)), y = ⌊16x⌋/16, to keep full relative accuracy in the
 *   tail. About 1e-16 relative; erfc(x) underflows to 0 for x ≥ 26.543.
 *
 * Validity: every finite argument; Φ⁻¹(0) = −∞ and Φ⁻¹(1) = +∞; NaN or p outside [0, 1] throws RangeError
 * (a programming error, not a user error).
 */

const SQRT1_2PI = 0.3989422804014327; // 1/√(2π)
const SQRT_PI_INV = 0.5641895835477563; // 1/√π

const poly = (c: readonly number[], x: number): number => {
  let s = 0;
  for (let i = c.length - 1; i >= 0; i--) s = s * x + c[i]!;
  return s;
};

// AS 241 PPND16 coefficients, ascending powers (numerators a, c, e; denominators b, d, f with leading 1). Here and
// below the published 18–20 digit constants are written as the nearest double (shortest round-trip form).
const A = [
  3.3871328727963665, 133.14166789178438, 1971.5909503065513, 13731.69376550946, 45921.95393154987, 67265.7709270087,
  33430.57558358813, 2509.0809287301227,
];
const B = [
  1, 42.31333070160091, 687.1870074920579, 5394.196021424751, 21213.794301586597, 39307.89580009271, 28729.085735721943,
  5226.495278852854,
];
const C = [
  1.4234371107496835, 4.630337846156546, 5.769497221460691, 3.6478483247632045, 1.2704582524523684, 0.2417807251774506,
  0.022723844989269184, 0.0007745450142783414,
];
const D = [
  1, 2.053191626637759, 1.6763848301838038, 0.6897673349851, 0.14810397642748008, 0.015198666563616457,
  0.0005475938084995345, 1.0507500716444169e-9,
];
const E = [
  6.657904643501103, 5.463784911164114, 1.7848265399172913, 0.29656057182850487, 0.026532189526576124,
  0.0012426609473880784, 0.000027115555687434876, 2.0103343992922881e-7,
];
const F = [
  1, 0.599832206555888, 0.1369298809227358, 0.014875361290850615, 0.0007868691311456133, 0.000018463183175100548,
  1.421511758316446e-7, 2.0442631033899397e-15,
];

/** Φ⁻¹(p): the standard normal quantile (AS 241 PPND16). */
export function standardNormalQuantile(p: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`standardNormalQuantile needs p in [0, 1], got ${p}`);
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (q * poly(A, r)) / poly(B, r);
  }
  const tail = q < 0 ? p : 1 - p;
  if (tail === 0) return q < 0 ? -Infinity : Infinity;
  let r = Math.sqrt(-Math.log(tail));
  let z: number;
  if (r <= 5) {
    r -= 1.6;
    z = poly(C, r) / poly(D, r);
  } else {
    r -= 5;
    z = poly(E, r) / poly(F, r);
  }
  return q < 0 ? -z : z;
}

// Cody (1969) / CALERF coefficients, in CALERF's order (see the evaluation loops below).
const CA = [3.1611237438705655, 113.86415415105016, 377.485237685302, 3209.3775891384694, 0.18577770618460315];
const CB = [23.601290952344122, 244.02463793444417, 1282.6165260773723, 2844.236833439171];
const CC = [
  0.5641884969886701, 8.883149794388377, 66.11919063714163, 298.6351381974001, 881.952221241769, 1712.0476126340707,
  2051.0783778260716, 1230.3393547979972, 2.1531153547440383e-8,
];
const CD = [
  15.744926110709835, 117.6939508913125, 537.1811018620099, 1621.3895745666903, 3290.7992357334597, 4362.619090143247,
  3439.3676741437216, 1230.3393548037495,
];
const CP = [
  0.30532663496123236, 0.36034489994980445, 0.12578172611122926, 0.016083785148742275, 0.0006587491615298378,
  0.016315387137302097,
];
const CQ = [2.568520192289822, 1.8729528499234604, 0.5279051029514285, 0.06051834131244132, 0.0023352049762686918];

/** exp(−y²) without the rounding loss of squaring a large y (CALERF). */
const expMinusSquare = (y: number): number => {
  const y16 = Math.trunc(y * 16) / 16;
  return Math.exp(-y16 * y16) * Math.exp(-(y - y16) * (y + y16));
};

/** The complementary error function erfc(x) = 1 − erf(x) (Cody 1969). */
export function erfc(x: number): number {
  if (Number.isNaN(x)) throw new RangeError('erfc needs a number, got NaN');
  const y = Math.abs(x);
  let r: number;
  if (y <= 0.46875) {
    const ysq = y > 1.11e-16 ? y * y : 0;
    let num = CA[4]! * ysq;
    let den = ysq;
    for (let i = 0; i < 3; i++) {
      num = (num + CA[i]!) * ysq;
      den = (den + CB[i]!) * ysq;
    }
    return 1 - (x * (num + CA[3]!)) / (den + CB[3]!);
  } else if (y <= 4) {
    let num = CC[8]! * y;
    let den = y;
    for (let i = 0; i < 7; i++) {
      num = (num + CC[i]!) * y;
      den = (den + CD[i]!) * y;
    }
    r = expMinusSquare(y) * ((num + CC[7]!) / (den + CD[7]!));
  } else if (y >= 26.543) {
    r = 0;
  } else {
    const ysq = 1 / (y * y);
    let num = CP[5]! * ysq;
    let den = ysq;
    for (let i = 0; i < 4; i++) {
      num = (num + CP[i]!) * ysq;
      den = (den + CQ[i]!) * ysq;
    }
    r = (expMinusSquare(y) * (SQRT_PI_INV - (ysq * (num + CP[4]!)) / (den + CQ[4]!))) / y;
  }
  return x < 0 ? 2 - r : r;
}

/** φ(x), the standard normal density. φ(±∞) = 0. */
export const standardNormalPdf = (x: number): number => SQRT1_2PI * Math.exp(-0.5 * x * x);

/** Φ(x) = P(Z ≤ x), accurate in relative terms for x → −∞. */
export const standardNormalCdf = (x: number): number => 0.5 * erfc(-x / Math.SQRT2);

/** 1 − Φ(x) = P(Z > x), accurate in relative terms for x → +∞. */
export const standardNormalUpperTail = (x: number): number => 0.5 * erfc(x / Math.SQRT2);

/** P(lo < Z < hi) for standard-normal bounds (±∞ allowed), computed on the side that avoids cancellation. */
export function standardNormalMass(lo: number, hi: number): number {
  if (lo > 0) return standardNormalUpperTail(lo) - standardNormalUpperTail(hi);
  if (hi < 0) return standardNormalCdf(hi) - standardNormalCdf(lo);
  return 1 - standardNormalUpperTail(hi) - standardNormalCdf(lo);
}

/**
 * Quantile of the standard normal truncated to (lo, hi): Φ⁻¹(Φ(lo) + u (Φ(hi) − Φ(lo))), evaluated through the
 * upper tail when lo ≥ 0 so bounds far out in either tail, and u near 1 on [0, hi), keep their accuracy.
 * Untruncated (−∞, ∞) gives Φ⁻¹(u) exactly. The result is clamped to [lo, hi] against rounding.
 */
export function truncatedStandardNormalQuantile(lo: number, hi: number, u: number): number {
  let z: number;
  if (lo >= 0) {
    const qLo = standardNormalUpperTail(lo);
    z = -standardNormalQuantile(qLo - u * (qLo - standardNormalUpperTail(hi)));
  } else {
    const pLo = standardNormalCdf(lo);
    z = standardNormalQuantile(pLo + u * (standardNormalCdf(hi) - pLo));
  }
  return Math.min(hi, Math.max(lo, z));
}
