/**
 * TEME → EME2000 (mean equator and equinox of J2000.0, the dynamical frame GCRS is tied to by the frame bias):
 * r_EME2000 = Pᵀ · Nᵀ · R3(−(GAST − GMST82)) · r_TEME (velocity by the same matrix: its rotation rate, precession and
 * nutation, adds < 1e-10 of |r| per second). TEME is true equator, mean equinox: its x axis sits GMST82 (IAU-82, the
 * angle SGP4's TEME is tied to Earth by; Vallado, Crawford, Hujsak & Kelso, "Revisiting Spacetrack Report #3", AIAA
 * 2006-6753, App. C; satellite.js `gstime`) east of Greenwich, the true equinox GAST east of it. GAST, the IAU 2006
 * precession (ζ_A, z_A, θ_A, ε_A) and the Earth rotation angle: IERS Conventions 2010 (Petit & Luzum, IERS TN 36)
 * eqs 5.14, 5.32, 5.39–5.40; the equation of the equinoxes Δψ cos ε_A plus its two largest complementary terms
 * (table 5.2e; the rest < 30 µas); nutation IAU 2000B (McCarthy & Luzum 2003, Cel. Mech. Dyn. Astron. 85, 37: the 77
 * luni-solar terms of IERS table 5.3a with the fixed planetary offsets −0.135 / +0.388 mas).
 * Accuracy: ~1 mas (IAU 2000B's pole; 3.5 cm at 7,000 km, 20 cm at GEO) without the observed celestial pole offsets
 * (≤ 0.3 mas since 2000). UT1 = UTC (GAST − GMST82 moves < 1 µas per second of UT1), TT = UTC + 69.184 s (the
 * leap seconds since 2017; a second off moves the matrix < 1 µas). Valid 1900–2100 (the series' range).
 * EME2000 ≠ GCRS/ICRF: they differ by the frame bias (IERS 2010 eq 5.21, ~23 mas: 0.8 m at 7,000 km).
 * Derivation: docs/constellations.md §"Satellite export".
 */
import { satelliteJs } from '../../base/satelliteJs.js';

const ARCSEC_rad = Math.PI / 648_000;
/** J2000.0 (2000-01-01T12:00 TT as UTC ms, the TT − UTC offset applied by the caller) and TT − UTC [ms]. */
const J2000_ms = Date.UTC(2000, 0, 1, 12);
const TT_MINUS_UTC_ms = 69_184;

/** 3×3 matrix, row-major. */
type Mat3 = readonly [number, number, number, number, number, number, number, number, number];

/** Frame rotation about x (R1), y (R2) or z (R3) by `a` [rad] (Vallado's: a vector's coordinates in the new axes). */
const r1 = (a: number): Mat3 => {
  const [c, s] = [Math.cos(a), Math.sin(a)];
  return [1, 0, 0, 0, c, s, 0, -s, c];
};
const r2 = (a: number): Mat3 => {
  const [c, s] = [Math.cos(a), Math.sin(a)];
  return [c, 0, -s, 0, 1, 0, s, 0, c];
};
const r3 = (a: number): Mat3 => {
  const [c, s] = [Math.cos(a), Math.sin(a)];
  return [c, s, 0, -s, c, 0, 0, 0, 1];
};
const mul = (a: Mat3, b: Mat3): Mat3 => {
  const m = new Array<number>(9);
  for (let i = 0; i < 3; i++)
    for (let j = 0; j < 3; j++)
      m[3 * i + j] = a[3 * i]! * b[j]! + a[3 * i + 1]! * b[3 + j]! + a[3 * i + 2]! * b[6 + j]!;
  return m as unknown as Mat3;
};
const poly = (t: number, c: readonly number[]): number => c.reduceRight((acc, k) => acc * t + k, 0);

/**
 * IAU 2000B luni-solar terms (IERS Conventions 2010 table 5.3a, the 77 of McCarthy & Luzum 2003): multipliers of
 * l, l′, F, D, Ω; Δψ: sin, t·sin, cos; Δε: cos, t·cos, sin [0.1 µas].
 */
// prettier-ignore
const NUTATION_2000B: readonly (readonly number[])[] = [
  [0, 0, 0, 0, 1, -172064161, -174666, 33386, 92052331, 9086, 15377],
  [0, 0, 2, -2, 2, -13170906, -1675, -13696, 5730336, -3015, -4587],
  [0, 0, 2, 0, 2, -2276413, -234, 2796, 978459, -485, 1374],
  [0, 0, 0, 0, 2, 2074554, 207, -698, -897492, 470, -291],
  [0, 1, 0, 0, 0, 1475877, -3633, 11817, 73871, -184, -1924],
  [0, 1, 2, -2, 2, -516821, 1226, -524, 224386, -677, -174],
  [1, 0, 0, 0, 0, 711159, 73, -872, -6750, 0, 358],
  [0, 0, 2, 0, 1, -387298, -367, 380, 200728, 18, 318],
  [1, 0, 2, 0, 2, -301461, -36, 816, 129025, -63, 367],
  [0, -1, 2, -2, 2, 215829, -494, 111, -95929, 299, 132],
  [0, 0, 2, -2, 1, 128227, 137, 181, -68982, -9, 39],
  [-1, 0, 2, 0, 2, 123457, 11, 19, -53311, 32, -4],
  [-1, 0, 0, 2, 0, 156994, 10, -168, -1235, 0, 82],
  [1, 0, 0, 0, 1, 63110, 63, 27, -33228, 0, -9],
  [-1, 0, 0, 0, 1, -57976, -63, -189, 31429, 0, -75],
  [-1, 0, 2, 2, 2, -59641, -11, 149, 25543, -11, 66],
  [1, 0, 2, 0, 1, -51613, -42, 129, 26366, 0, 78],
  [-2, 0, 2, 0, 1, 45893, 50, 31, -24236, -10, 20],
  [0, 0, 0, 2, 0, 63384, 11, -150, -1220, 0, 29],
  [0, 0, 2, 2, 2, -38571, -1, 158, 16452, -11, 68],
  [0, -2, 2, -2, 2, 32481, 0, 0, -13870, 0, 0],
  [-2, 0, 0, 2, 0, -47722, 0, -18, 477, 0, -25],
  [2, 0, 2, 0, 2, -31046, -1, 131, 13238, -11, 59],
  [1, 0, 2, -2, 2, 28593, 0, -1, -12338, 10, -3],
  [-1, 0, 2, 0, 1, 20441, 21, 10, -10758, 0, -3],
  [2, 0, 0, 0, 0, 29243, 0, -74, -609, 0, 13],
  [0, 0, 2, 0, 0, 25887, 0, -66, -550, 0, 11],
  [0, 1, 0, 0, 1, -14053, -25, 79, 8551, -2, -45],
  [-1, 0, 0, 2, 1, 15164, 10, 11, -8001, 0, -1],
  [0, 2, 2, -2, 2, -15794, 72, -16, 6850, -42, -5],
  [0, 0, -2, 2, 0, 21783, 0, 13, -167, 0, 13],
  [1, 0, 0, -2, 1, -12873, -10, -37, 6953, 0, -14],
  [0, -1, 0, 0, 1, -12654, 11, 63, 6415, 0, 26],
  [-1, 0, 2, 2, 1, -10204, 0, 25, 5222, 0, 15],
  [0, 2, 0, 0, 0, 16707, -85, -10, 168, -1, 10],
  [1, 0, 2, 2, 2, -7691, 0, 44, 3268, 0, 19],
  [-2, 0, 2, 0, 0, -11024, 0, -14, 104, 0, 2],
  [0, 1, 2, 0, 2, 7566, -21, -11, -3250, 0, -5],
  [0, 0, 2, 2, 1, -6637, -11, 25, 3353, 0, 14],
  [0, -1, 2, 0, 2, -7141, 21, 8, 3070, 0, 4],
  [0, 0, 0, 2, 1, -6302, -11, 2, 3272, 0, 4],
  [1, 0, 2, -2, 1, 5800, 10, 2, -3045, 0, -1],
  [2, 0, 2, -2, 2, 6443, 0, -7, -2768, 0, -4],
  [-2, 0, 0, 2, 1, -5774, -11, -15, 3041, 0, -5],
  [2, 0, 2, 0, 1, -5350, 0, 21, 2695, 0, 12],
  [0, -1, 2, -2, 1, -4752, -11, -3, 2719, 0, -3],
  [0, 0, 0, -2, 1, -4940, -11, -21, 2720, 0, -9],
  [-1, -1, 0, 2, 0, 7350, 0, -8, -51, 0, 4],
  [2, 0, 0, -2, 1, 4065, 0, 6, -2206, 0, 1],
  [1, 0, 0, 2, 0, 6579, 0, -24, -199, 0, 2],
  [0, 1, 2, -2, 1, 3579, 0, 5, -1900, 0, 1],
  [1, -1, 0, 0, 0, 4725, 0, -6, -41, 0, 3],
  [-2, 0, 2, 0, 2, -3075, 0, -2, 1313, 0, -1],
  [3, 0, 2, 0, 2, -2904, 0, 15, 1233, 0, 7],
  [0, -1, 0, 2, 0, 4348, 0, -10, -81, 0, 2],
  [1, -1, 2, 0, 2, -2878, 0, 8, 1232, 0, 4],
  [0, 0, 0, 1, 0, -4230, 0, 5, -20, 0, -2],
  [-1, -1, 2, 2, 2, -2819, 0, 7, 1207, 0, 3],
  [-1, 0, 2, 0, 0, -4056, 0, 5, 40, 0, -2],
  [0, -1, 2, 2, 2, -2647, 0, 11, 1129, 0, 5],
  [-2, 0, 0, 0, 1, -2294, 0, -10, 1266, 0, -4],
  [1, 1, 2, 0, 2, 2481, 0, -7, -1062, 0, -3],
  [2, 0, 0, 0, 1, 2179, 0, -2, -1129, 0, -2],
  [-1, 1, 0, 1, 0, 3276, 0, 1, -9, 0, 0],
  [1, 1, 0, 0, 0, -3389, 0, 5, 35, 0, -2],
  [1, 0, 2, 0, 0, 3339, 0, -13, -107, 0, 1],
  [-1, 0, 2, -2, 1, -1987, 0, -6, 1073, 0, -2],
  [1, 0, 0, 0, 2, -1981, 0, 0, 854, 0, 0],
  [-1, 0, 0, 1, 0, 4026, 0, -353, -553, 0, -139],
  [0, 0, 2, 1, 2, 1660, 0, -5, -710, 0, -2],
  [-1, 0, 2, 4, 2, -1521, 0, 9, 647, 0, 4],
  [-1, 1, 0, 1, 1, 1314, 0, 0, -700, 0, 0],
  [0, -2, 2, -2, 1, -1283, 0, 0, 672, 0, 0],
  [1, 0, 2, 2, 1, -1331, 0, 8, 663, 0, 4],
  [-2, 0, 2, 2, 2, 1383, 0, -2, -594, 0, -2],
  [-1, 0, 0, 0, 2, 1405, 0, 4, -610, 0, 2],
  [1, 1, 2, -2, 2, 1290, 0, 0, -556, 0, 0],
];

/** Delaunay arguments l, l′, F, D, Ω [rad] at TT centuries `t` (Simon et al. 1994, linear terms as IAU 2000B). */
const delaunay = (t: number): number[] =>
  [
    [485868.249036, 1717915923.2178],
    [1287104.79305, 129596581.0481],
    [335779.526232, 1739527262.8478],
    [1072260.70369, 1602961601.209],
    [450160.398036, -6962890.5431],
  ].map(([a, b]) => ((a! + b! * t) % 1_296_000) * ARCSEC_rad);

/** Nutation in longitude and obliquity [rad], IAU 2000B, at TT centuries `t`. */
export function nutation2000B(t: number): { dpsi_rad: number; deps_rad: number } {
  const f = delaunay(t);
  let dp = 0;
  let de = 0;
  for (let i = NUTATION_2000B.length - 1; i >= 0; i--) {
    const k = NUTATION_2000B[i]!;
    const arg = k[0]! * f[0]! + k[1]! * f[1]! + k[2]! * f[2]! + k[3]! * f[3]! + k[4]! * f[4]!;
    const [s, c] = [Math.sin(arg), Math.cos(arg)];
    dp += (k[5]! + k[6]! * t) * s + k[7]! * c;
    de += (k[8]! + k[9]! * t) * c + k[10]! * s;
  }
  const unit = ARCSEC_rad * 1e-7;
  return { dpsi_rad: dp * unit - 0.135e-3 * ARCSEC_rad, deps_rad: de * unit + 0.388e-3 * ARCSEC_rad };
}

/** The matrix taking TEME coordinates at UTC instant `utc_ms` to EME2000. */
export function temeToEme2000Matrix(utc_ms: number): Mat3 {
  const t = (utc_ms + TT_MINUS_UTC_ms - J2000_ms) / 86_400_000 / 36_525;
  const du = (utc_ms - J2000_ms) / 86_400_000; // UT1 days from J2000.0 (UT1 = UTC)
  // IAU 2006 precession angles and mean obliquity [arcsec], IERS 2010 eqs 5.39–5.40
  const zeta = poly(t, [2.650545, 2306.083227, 0.2988499, 0.01801828, -0.000005971, -0.0000003173]) * ARCSEC_rad;
  const z = poly(t, [-2.650545, 2306.077181, 1.0927348, 0.01826837, -0.000028596, -0.0000002904]) * ARCSEC_rad;
  const theta = poly(t, [0, 2004.191903, -0.4294934, -0.04182264, -0.000007089, -0.0000001274]) * ARCSEC_rad;
  const epsA = poly(t, [84381.406, -46.836769, -0.0001831, 0.0020034, -0.000000576, -0.0000000434]) * ARCSEC_rad;
  const { dpsi_rad, deps_rad } = nutation2000B(t);
  // GAST = ERA + GMST06 polynomial + equation of the equinoxes (IERS 2010 eqs 5.14, 5.32, 5.30 and table 5.2e)
  const era = 2 * Math.PI * ((0.779057273264 + 0.00273781191135448 * du + du) % 1);
  const om = delaunay(t)[4]!;
  const ee = dpsi_rad * Math.cos(epsA) + (0.00264096 * Math.sin(om) + 0.00006352 * Math.sin(2 * om)) * ARCSEC_rad;
  const gmst06 = poly(t, [0.014506, 4612.156534, 1.3915817, -0.00000044, -0.000029956, -0.0000000368]) * ARCSEC_rad;
  const gast = era + gmst06 + ee;
  const gmst82 = satelliteJs().gstime(utc_ms / 86_400_000 + 2_440_587.5);
  // TEME → true of date: R3(GMST82 − GAST); true → mean of date: Nᵀ; mean of date → J2000: Pᵀ (P = R3(−z)R2(θ)R3(−ζ))
  const teme2tod = r3(gmst82 - gast);
  const tod2mod = mul(r1(-epsA), mul(r3(dpsi_rad), r1(epsA + deps_rad)));
  const mod2j2000 = mul(r3(zeta), mul(r2(-theta), r3(z)));
  return mul(mod2j2000, mul(tod2mod, teme2tod));
}

/** `m` · v. */
export const rotate = (m: Mat3, v: readonly [number, number, number]): [number, number, number] => [
  m[0] * v[0] + m[1] * v[1] + m[2] * v[2],
  m[3] * v[0] + m[4] * v[1] + m[5] * v[2],
  m[6] * v[0] + m[7] * v[1] + m[8] * v[2],
];
