/**
 * Solar energetic proton (SEP) total ionizing dose behind aluminium on a circular LEO orbit: mission fluence at 1 AU,
 * attenuated by the geomagnetic cutoff and the Earth's shadow, transported to the centre of a solid Al sphere.
 * Fluence: ESP-PSYCHIC total fluence, 95 % confidence (Xapsos et al., IEEE TNS 47(3):486, 2000; 54(6):1985, 2007), as
 * the SPENVIS 4.6.13 run of a 7-year mission with 3 solar-maximum years computes it (2025; published in
 * github.com/tdloveless/me-radfx HW/HW_02_Solutions/polar_leo_spenvis_sef.txt): 1-AU differential fluence = the
 * run's orbit fluence ÷ its attenuation factor ÷ 3 per solar-maximum year. A mission spends 7/11 of its life in solar
 * maximum (ECSS-E-ST-10-04C §I.2.1) and its fluence scales linearly with those years.
 * Cutoff: Størmer vertical cutoff of the centred IGRF-13 2020 dipole (Alken et al., Earth Planets Space 73:49, 2021),
 * R_c = (c·B₀·a/4)·cos⁴λ_m·(a/r)²; transmission at rigidity R = orbit-averaged share of time with R > R_c (argument of
 * latitude × Earth-fixed node grid) × unshadowed sky (1 + cos θ)/2, sin θ = R⊕/r (as SPENVIS).
 * Transport: dose = ∫ φ(E) T(E) S_Si(E_res) dE, E_res the energy left after t of Al (CSDA; Bethe stopping power,
 * I_Al = 166 eV, I_Si = 173 eV, ICRU 49, 1993; flat below 1 MeV); no nuclear secondaries.
 * Validity: 300–2000 km, 0–110°, 0.5–20 mm Al, protons 5–500 MeV; quiet magnetosphere (storms lower the cutoff); a
 * solar-cycle average (a mission wholly in solar maximum sees up to 11/7 of it). The dipole has no open polar cap:
 * below 140 MeV it transmits 0.59–0.92 of SPENVIS's share at SSO (docs/approximations.md).
 * Derivation: docs/models.md §"Solar energetic protons".
 */
import { EARTH_RADIUS_m, SPEED_OF_LIGHT_m_s } from '../../base/constants.js';

/** Proton rest energy [MeV] (CODATA 2018). */
const PROTON_MASS_MeV = 938.272;
/** Electron rest energy [MeV] (CODATA 2018). */
const ELECTRON_MASS_MeV = 0.51099895;
/** IGRF-13 reference radius [m] and 2020 dipole coefficients g₁⁰, g₁¹, h₁¹ [T] (Alken et al. 2021). */
const IGRF_RADIUS_m = 6371.2e3;
const G10_T = -29404.8e-9;
const G11_T = -1450.9e-9;
const H11_T = 4652.5e-9;
const DIPOLE_B0_T = Math.hypot(G10_T, G11_T, H11_T);
/** Vertical Størmer cutoff at the surface on the dipole equator [V]: c·B₀·a/4 (14.2 GV in 2020). */
export const STORMER_VERTICAL_CUTOFF_V = (SPEED_OF_LIGHT_m_s * DIPOLE_B0_T * IGRF_RADIUS_m) / 4;
/** Unit vector of the dipole axis (geomagnetic north pole, 80.6° N 72.7° W in 2020), Earth-fixed. */
const POLE = [-G11_T / DIPOLE_B0_T, -H11_T / DIPOLE_B0_T, -G10_T / DIPOLE_B0_T] as const;
/** Share of a mission's life in solar maximum (7 of 11 years, ESP). */
export const SOLAR_MAXIMUM_SHARE = 7 / 11;
/** Energies [MeV] and 1-AU differential fluence per solar-maximum year at 95 % [cm⁻² MeV⁻¹] (header: SPENVIS run). */
const SEP_ENERGY_MeV = [5, 7.1, 10, 14, 20, 28, 40, 55, 80, 100, 140, 200, 280, 400, 500] as const;
/** The run's differential fluence [cm⁻² MeV⁻¹] and attenuation factor at those energies; 3 solar-maximum years. */
const RUN_DIFFERENTIAL = [
  6.5643e9, 3.8903e9, 2.2164e9, 1.2105e9, 6.138e8, 3.1132e8, 1.3768e8, 6.2676e7, 2.281e7, 1.172e7, 4.1513e6, 1.3062e6,
  4.4992e5, 1.2619e5, 4.8973e4,
] as const;
const RUN_ATTENUATION = [
  0.2138, 0.2138, 0.2138, 0.2138, 0.2138, 0.2138, 0.2138, 0.2138, 0.2138, 0.2138, 0.2138, 0.2225, 0.2364, 0.2524,
  0.2634,
] as const;
const RUN_SOLAR_MAXIMUM_YEARS = 3;
const SEP_EMAX_MeV = SEP_ENERGY_MeV[SEP_ENERGY_MeV.length - 1]!;
const LOG_E = SEP_ENERGY_MeV.map(Math.log);
const LOG_PHI = RUN_DIFFERENTIAL.map((d, k) => Math.log(d / RUN_ATTENUATION[k]! / RUN_SOLAR_MAXIMUM_YEARS));
/** rad per (MeV/g): 1.602176634e-13 J/MeV ÷ 1e-5 J/g per rad. */
const RAD_PER_MeV_g = 1.602176634e-8;

/** 1-AU differential fluence per solar-maximum year at E [cm⁻² MeV⁻¹]: log-log interpolation, 0 outside 5–500 MeV. */
export function sepDifferentialFluence(E_MeV: number): number {
  if (!(E_MeV >= SEP_ENERGY_MeV[0]! && E_MeV <= SEP_EMAX_MeV)) return 0;
  const x = Math.log(E_MeV);
  return fluenceIn(fluenceSegment(x, 0), x);
}

/** The fluence table's segment of log-energy x (≤ n − 2), searching forward from segment `from` (≤ it). */
function fluenceSegment(x: number, from: number): number {
  let k = from;
  while (k < SEP_ENERGY_MeV.length - 2 && x > LOG_E[k + 1]!) k++;
  return k;
}

/** Log-log interpolation of the fluence in segment k at log-energy x. */
function fluenceIn(k: number, x: number): number {
  const w = (x - LOG_E[k]!) / (LOG_E[k + 1]! - LOG_E[k]!);
  return Math.exp(LOG_PHI[k]! + w * (LOG_PHI[k + 1]! - LOG_PHI[k]!));
}

/** Bethe electronic mass stopping power [MeV cm² g⁻¹] of a proton of kinetic energy E (flat below 1 MeV). */
export function betheStoppingPower(E_MeV: number, ZoverA: number, I_eV: number): number {
  const E = Math.max(E_MeV, 1);
  const gamma = 1 + E / PROTON_MASS_MeV;
  const b2 = 1 - 1 / (gamma * gamma);
  const bg2 = b2 * gamma * gamma;
  const me = ELECTRON_MASS_MeV / PROTON_MASS_MeV;
  const tmax = (2 * ELECTRON_MASS_MeV * bg2) / (1 + 2 * gamma * me + me * me); // MeV
  const I = I_eV * 1e-6;
  // K = 4π N_A r_e² m_e c² = 0.307075 MeV cm² mol⁻¹ (PDG 2022, "Passage of particles through matter")
  return ((0.307075 * ZoverA) / b2) * (0.5 * Math.log((2 * ELECTRON_MASS_MeV * bg2 * tmax) / (I * I)) - b2);
}

/** Aluminium (Z/A = 13/26.98, I = 166 eV) and silicon (14/28.09, 173 eV), ICRU 49. */
const stoppingAl = (E: number): number => betheStoppingPower(E, 13 / 26.9815, 166);
const stoppingSi = (E: number): number => betheStoppingPower(E, 14 / 28.0855, 173);

/** Log energy grid [MeV] of the range table: 0.01–600 MeV, 60 points per decade. */
const GRID_PER_DECADE = 60;
const GRID_MIN_MeV = 0.01;
const GRID_N = Math.ceil(Math.log10(600 / GRID_MIN_MeV) * GRID_PER_DECADE) + 1;
let rangeTable: { E: Float64Array; R: Float64Array } | null = null;

/** CSDA range table of protons in Al [g cm⁻²] on the log grid (trapezoid on 1/S; computed once). */
function alRange(): { E: Float64Array; R: Float64Array } {
  if (rangeTable !== null) return rangeTable;
  const E = new Float64Array(GRID_N);
  const R = new Float64Array(GRID_N);
  for (let k = 0; k < GRID_N; k++) E[k] = GRID_MIN_MeV * 10 ** (k / GRID_PER_DECADE);
  R[0] = E[0]! / stoppingAl(E[0]!);
  for (let k = 1; k < GRID_N; k++)
    R[k] = R[k - 1]! + 0.5 * (E[k]! - E[k - 1]!) * (1 / stoppingAl(E[k]!) + 1 / stoppingAl(E[k - 1]!));
  rangeTable = { E, R };
  return rangeTable;
}

/** Linear interpolation of ys at x in ascending xs (clamped). */
function interp(xs: Float64Array, ys: Float64Array, x: number): number {
  let lo = 0,
    hi = xs.length - 1;
  if (x <= xs[0]!) return ys[0]!;
  if (x >= xs[hi]!) return ys[hi]!;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]! <= x) lo = mid;
    else hi = mid;
  }
  return lerpIn(xs, ys, lo, x);
}

/** ys at x between xs[lo] and xs[lo + 1], linearly. */
function lerpIn(xs: Float64Array, ys: Float64Array, lo: number, x: number): number {
  return ys[lo]! + ((x - xs[lo]!) / (xs[lo + 1]! - xs[lo]!)) * (ys[lo + 1]! - ys[lo]!);
}

/** CSDA range of a proton of energy E in Al [g cm⁻²]. */
export function aluminiumRange_g_cm2(E_MeV: number): number {
  const t = alRange();
  return interp(t.E, t.R, E_MeV);
}

/** Magnetic rigidity of a proton of kinetic energy E [V]. */
export function protonRigidity_V(E_MeV: number): number {
  return Math.sqrt(E_MeV * (E_MeV + 2 * PROTON_MASS_MeV)) * 1e6;
}

/** Orbit grid: argument of latitude × Earth-fixed node longitude. */
const N_U = 120;
const N_NODE = 72;

/**
 * The sorted cos⁴ lists by inclination, the inclination rounded to INCLINATION_STEP_deg: a study's sun-synchronous
 * inclination moves with every altitude, and building a list costs ~0.7 ms (most of a node evaluation). The rounding
 * (≤ 0.005°) is far below the grid's own 3° step in argument of latitude; lists are built at the rounded inclination,
 * so a figure does not depend on what was asked before.
 */
const INCLINATION_STEP_deg = 0.01;
const MEMO_LIMIT = 1024;
const cos4Memo = new Map<number, Float64Array>();

/** cos and sin of the orbit grid's arguments of latitude (the same for every inclination). */
let uGrid: { cosU: Float64Array; sinU: Float64Array } | null = null;
function argumentOfLatitudeGrid(): NonNullable<typeof uGrid> {
  if (uGrid !== null) return uGrid;
  const u = Float64Array.from({ length: N_U }, (_, b) => (2 * Math.PI * (b + 0.5)) / N_U);
  uGrid = { cosU: u.map(Math.cos), sinU: u.map(Math.sin) };
  return uGrid;
}

/**
 * cos⁴λ_m at the orbit grid's points, ascending: a circular orbit of inclination i, its node swept over every
 * Earth-fixed longitude (the orbit precesses under the field). The cutoff at a point is cos⁴λ_m times
 * STORMER_VERTICAL_CUTOFF_V·(a/r)², so one sorted list serves every altitude.
 */
function orbitCos4(inclination_rad: number): Float64Array {
  const key = Math.round((inclination_rad * 180) / Math.PI / INCLINATION_STEP_deg);
  const known = cos4Memo.get(key);
  if (known !== undefined) return known;
  const i_rad = (key * INCLINATION_STEP_deg * Math.PI) / 180;
  const out = new Float64Array(N_U * N_NODE);
  const ci = Math.cos(i_rad),
    si = Math.sin(i_rad);
  const { cosU, sinU } = argumentOfLatitudeGrid();
  let m = 0;
  for (let a = 0; a < N_NODE; a++) {
    const node = (2 * Math.PI * (a + 0.5)) / N_NODE;
    const cn = Math.cos(node),
      sn = Math.sin(node);
    for (let b = 0; b < N_U; b++) {
      const cu = cosU[b]!,
        su = sinU[b]!;
      const sinLat = (cn * cu - sn * su * ci) * POLE[0] + (sn * cu + cn * su * ci) * POLE[1] + su * si * POLE[2];
      const cos2 = 1 - sinLat * sinLat;
      out[m++] = cos2 * cos2;
    }
  }
  if (cos4Memo.size >= MEMO_LIMIT) cos4Memo.clear();
  cos4Memo.set(key, out.sort());
  return out;
}

/** Vertical Størmer cutoff rigidities [V] along the orbit (grid points, ascending). */
export function orbitCutoffs_V(radius_m: number, inclination_rad: number): Float64Array {
  const scale = cutoffScale_V(radius_m);
  return orbitCos4(inclination_rad).map((c) => c * scale);
}

/** The vertical cutoff at orbit radius r where cos⁴λ_m = 1 [V]: STORMER_VERTICAL_CUTOFF_V·(a/r)². */
function cutoffScale_V(radius_m: number): number {
  return STORMER_VERTICAL_CUTOFF_V * (IGRF_RADIUS_m / radius_m) ** 2;
}

/** Unshadowed share of the sky at orbit radius r: (1 + cos θ)/2, sin θ = R⊕/r. */
export function earthShadowFactor(radius_m: number): number {
  const s = EARTH_RADIUS_m / radius_m;
  return (1 + Math.sqrt(1 - s * s)) / 2;
}

/** Orbit-averaged transmission of protons of energy E: share of time above the cutoff × unshadowed sky. */
export function geomagneticTransmission(cutoffs_V: Float64Array, shadow: number, E_MeV: number): number {
  return shadow * shareBelow(cutoffs_V, protonRigidity_V(E_MeV));
}

/** Share of an ascending list below x. */
function shareBelow(ascending: Float64Array, x: number): number {
  return countBelowFrom(ascending, x, 0) / ascending.length;
}

export interface SolarProtonDoseParams {
  /** Circular-orbit altitude [m], 300–2000 km. */
  readonly altitude_m: number;
  /** Inclination [rad], 0–110°. */
  readonly inclination_rad: number;
  /** Al shield thickness (solid-sphere radius) [m], 0.5–20 mm. */
  readonly shieldThickness_m: number;
  /** Mission duration [yr]. */
  readonly missionLife_yr: number;
  /** Transmission at E [MeV] override (tests); default the orbit-averaged Størmer cutoff × Earth shadow. */
  readonly transmission?: (E_MeV: number) => number;
}

export interface SolarProtonDoseResult {
  /** Mission SEP dose ÷ mission life, no margin [rad(Si)/yr]. */
  readonly doseRate_rad_per_yr: number;
  /** Mission SEP dose, no margin [rad(Si)]. */
  readonly missionDose_rad: number;
  /** Orbit-averaged transmission at 100 MeV [-] (0: the cutoff shields the whole orbit). */
  readonly transmission100MeV: number;
}

/** Residual-energy steps of the dose integral per decade, from 0.01 MeV. */
const DOSE_STEPS_PER_DECADE = 40;
const AL_DENSITY_g_cm3 = 2.7;

/**
 * The dose integral's residual-energy grid (0.01 MeV up, DOSE_STEPS_PER_DECADE a decade) with what depends on the
 * residual energy alone: its Al range and S_Si/S_Al. Built once: every evaluation integrates on the same grid.
 */
let grid: { E_MeV: Float64Array; range_g_cm2: Float64Array; siOverAl: Float64Array } | null = null;
function residualGrid(): NonNullable<typeof grid> {
  if (grid !== null) return grid;
  const steps = Math.ceil(Math.log10(SEP_EMAX_MeV / 0.01) * DOSE_STEPS_PER_DECADE);
  const E_MeV = Float64Array.from({ length: steps + 1 }, (_, k) =>
    k === 0 ? 0.01 : 0.01 * 10 ** (k / DOSE_STEPS_PER_DECADE),
  );
  grid = {
    E_MeV,
    range_g_cm2: E_MeV.map(aluminiumRange_g_cm2),
    siOverAl: E_MeV.map((e) => stoppingSi(e) / stoppingAl(e)),
  };
  return grid;
}

/** The geomagnetic transmission's orbit: its ascending cos⁴λ_m list, cutoff scale [V] and unshadowed sky share. */
interface Orbit {
  readonly cos4: Float64Array;
  readonly scale: number;
  readonly shadow: number;
}

/**
 * ∫ φ(E) T(E) S_Si(E_res) dE over incident E behind t of Al, per solar-maximum year [rad(Si)]. With
 * dE = S_Al(E)/S_Al(E_res) dE_res the integrand in E_res is smooth down to E_res = 0: φ(E) T(E) S_Al(E) · S_Si/S_Al
 * (E_res); trapezoid on the residual grid. E rises with E_res, so the range-table bracket, the fluence segment and the
 * count of orbit points below the rigidity each move forward only: three walking pointers replace three searches.
 */
function doseIntegral(shieldThickness_m: number, transmission: Orbit | ((E: number) => number)): number {
  const t_g_cm2 = shieldThickness_m * 100 * AL_DENSITY_g_cm3;
  const g = residualGrid();
  const { E: tE, R: tR } = alRange();
  const Emax = SEP_EMAX_MeV;
  const Emin = SEP_ENERGY_MeV[0]!;
  const lastR = tR.length - 1;
  let j = 0; // range-table bracket: tR[j] <= x < tR[j + 1]
  let f = 0; // fluence segment
  let below = 0; // orbit points with cutoff below the rigidity
  let sum = 0;
  let f0 = 0;
  for (let k = 0; k < g.E_MeV.length; k++) {
    const x = g.range_g_cm2[k]! + t_g_cm2;
    let E: number;
    if (x <= tR[0]!) E = tE[0]!;
    else if (x >= tR[lastR]!) E = tE[lastR]!;
    else {
      while (j < lastR - 1 && tR[j + 1]! <= x) j++;
      E = lerpIn(tR, tE, j, x);
    }
    let f1 = 0;
    if (E <= Emax) {
      let T: number;
      if (typeof transmission === 'function') T = transmission(E);
      else {
        const { cos4, scale, shadow } = transmission;
        const u = protonRigidity_V(E) / scale;
        below = countBelowFrom(cos4, u, below);
        T = shadow * (below / cos4.length);
      }
      if (T !== 0) {
        let phi = 0;
        if (E >= Emin) {
          const lx = Math.log(E);
          f = fluenceSegment(lx, f);
          phi = fluenceIn(f, lx);
        }
        f1 = phi * T * stoppingAl(E) * g.siOverAl[k]!;
      }
    }
    if (k === 0)
      sum = 0.01 * f1; // 0 → 0.01 MeV
    else sum += 0.5 * (g.E_MeV[k]! - g.E_MeV[k - 1]!) * (f0 + f1);
    f0 = f1;
    if (k > 0 && f1 === 0 && E > Emax) break;
  }
  return sum * RAD_PER_MeV_g;
}

/** Count of an ascending list's entries below x, searching forward from a count already known to be below. */
function countBelowFrom(ascending: Float64Array, x: number, from: number): number {
  const n = ascending.length;
  if (from >= n || !(ascending[from]! < x)) return from;
  let step = 1;
  while (from + step < n && ascending[from + step]! < x) step *= 2;
  let lo = from + (step >> 1) + 1,
    hi = Math.min(from + step, n);
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ascending[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The circular orbit the geomagnetic transmission sees. */
function orbitOf(altitude_m: number, inclination_rad: number): Orbit {
  const r = EARTH_RADIUS_m + altitude_m;
  return { cos4: orbitCos4(inclination_rad), scale: cutoffScale_V(r), shadow: earthShadowFactor(r) };
}

/** The integral at one orbit and thickness: dose per solar-maximum year [rad(Si)]. */
function directPerSolarMaxYear_rad(altitude_m: number, inclination_rad: number, shieldThickness_m: number): number {
  return doseIntegral(shieldThickness_m, orbitOf(altitude_m, inclination_rad));
}

/**
 * The dose per solar-maximum year on a grid (altitude × inclination × log thickness), each node integrated once on
 * first use and read by interpolation: a study integrates (~10 µs) for nearly every design it evaluates, the grid
 * reads eight nodes. log(dose) is interpolated where every corner is > 0 (the dose falls about as a power of the
 * thickness), the dose itself where a corner is 0 (the cutoff shields the whole orbit). Measured against the
 * integral over the validity range: docs/approximations.md §"Solar energetic protons" and the model's test.
 */
export const SEP_GRID = {
  altitudeMin_m: 300e3,
  altitudeStep_m: 25e3,
  altitudes: 69, // 300–2000 km
  inclinationStep_deg: 0.5,
  inclinations: 221, // 0–110°
  thicknessMin_m: 0.5e-3,
  thicknessesPerDecade: 24,
  thicknesses: 40, // 0.5–21 mm
} as const;
let gridDose: Float64Array | null = null;
let gridLogDose: Float64Array | null = null;

/** Grid node (a, i, k)'s dose per solar-maximum year and its log (−∞ for 0), integrated on first use. */
function nodeIndex(a: number, i: number, k: number): number {
  const G = SEP_GRID;
  const idx = (a * G.inclinations + i) * G.thicknesses + k;
  gridDose ??= new Float64Array(G.altitudes * G.inclinations * G.thicknesses).fill(NaN);
  gridLogDose ??= new Float64Array(gridDose.length);
  if (Number.isNaN(gridDose[idx]!)) {
    const v = directPerSolarMaxYear_rad(
      G.altitudeMin_m + a * G.altitudeStep_m,
      (i * G.inclinationStep_deg * Math.PI) / 180,
      G.thicknessMin_m * 10 ** (k / G.thicknessesPerDecade),
    );
    gridDose[idx] = v;
    gridLogDose[idx] = Math.log(v);
  }
  return idx;
}

/** Lower node (≤ n − 2) of x on a uniform axis of n nodes, or −1 outside it; its weight is x − that node. */
function lowerNode(x: number, n: number): number {
  return x >= 0 && x <= n - 1 ? Math.min(Math.floor(x), n - 2) : -1;
}

/** Interpolated dose per solar-maximum year [rad(Si)], or null off the grid. */
function tabulatedPerSolarMaxYear_rad(altitude_m: number, inclination_rad: number, thickness_m: number): number | null {
  const G = SEP_GRID;
  const xa = (altitude_m - G.altitudeMin_m) / G.altitudeStep_m;
  const xi = (inclination_rad * 180) / Math.PI / G.inclinationStep_deg;
  const xk = Math.log10(thickness_m / G.thicknessMin_m) * G.thicknessesPerDecade;
  const a0 = lowerNode(xa, G.altitudes),
    i0 = lowerNode(xi, G.inclinations),
    k0 = lowerNode(xk, G.thicknesses);
  if (a0 < 0 || i0 < 0 || k0 < 0) return null;
  const wa = xa - a0,
    wi = xi - i0,
    wk = xk - k0;
  let logSum = 0,
    linSum = 0,
    zero = false;
  for (let c = 0; c < 8; c++) {
    const da = c >> 2,
      di = (c >> 1) & 1,
      dk = c & 1;
    const w = (da ? wa : 1 - wa) * (di ? wi : 1 - wi) * (dk ? wk : 1 - wk);
    const idx = nodeIndex(a0 + da, i0 + di, k0 + dk);
    const v = gridDose![idx]!;
    if (v > 0) logSum += w * gridLogDose![idx]!;
    else zero = true;
    linSum += w * v;
  }
  return zero ? linSum : Math.exp(logSum);
}

/** SEP dose behind t of Al over the mission, and its mission-average rate. */
export function solarProtonDose(p: Readonly<SolarProtonDoseParams>): SolarProtonDoseResult {
  if (!(p.missionLife_yr >= 0 && Number.isFinite(p.missionLife_yr)))
    throw new RangeError('solarProtonDose: missionLife_yr must be ≥ 0');
  let perSolarMaxYear_rad: number;
  if (p.transmission !== undefined) perSolarMaxYear_rad = doseIntegral(p.shieldThickness_m, p.transmission);
  else
    perSolarMaxYear_rad =
      tabulatedPerSolarMaxYear_rad(p.altitude_m, p.inclination_rad, p.shieldThickness_m) ??
      directPerSolarMaxYear_rad(p.altitude_m, p.inclination_rad, p.shieldThickness_m);
  return new SepDose(perSolarMaxYear_rad, p.missionLife_yr, p.altitude_m, p.inclination_rad);
}

/** solarProtonDose's result; its transmission is worked out when read (a class: a literal makes a getter per call). */
class SepDose implements SolarProtonDoseResult {
  readonly doseRate_rad_per_yr: number;
  readonly missionDose_rad: number;
  constructor(
    perSolarMaxYear_rad: number,
    missionLife_yr: number,
    private readonly altitude_m: number,
    private readonly inclination_rad: number,
  ) {
    this.doseRate_rad_per_yr = perSolarMaxYear_rad * SOLAR_MAXIMUM_SHARE;
    this.missionDose_rad = perSolarMaxYear_rad * SOLAR_MAXIMUM_SHARE * missionLife_yr;
  }
  get transmission100MeV(): number {
    const { cos4, scale, shadow } = orbitOf(this.altitude_m, this.inclination_rad);
    return shadow * shareBelow(cos4, protonRigidity_V(100) / scale);
  }
}

/** The integral itself, off the grid (tests measure the grid's interpolation against it). */
export function solarProtonDosePerSolarMaxYear_rad(
  p: Readonly<Omit<SolarProtonDoseParams, 'missionLife_yr' | 'transmission'>>,
): number {
  return directPerSolarMaxYear_rad(p.altitude_m, p.inclination_rad, p.shieldThickness_m);
}
