/**
 * Passive orbital decay through the solar cycle: the density follows the 10.7 cm solar flux (F10.7) as it
 * varies over an 11–12 year cycle, instead of one activity level held for the whole decay.
 *
 * Equation: circular orbit, da/dt = −ρ(h, t)·√(μ a)/B, B = m/(C_D·A) [kg/m²] (as in atmosphere.ts); ln ρ(h, F)
 * linear in F10.7 between the CIRA-2012 columns at 65, 140 and 250 sfu (SDCRENS.py `setDenatm`, github
 * norabolig/SDCRE-NS). Cycle: the CIRA-2012 monthly F10.7 template (`solar_cycle_table36_cira2012.dat`, 144 months).
 * Method: closed-form segment integrals over time bins; start phase 'phase', 'mean' (12 phases) or 'worst' (the
 * longest of 12, read from decaySolarCycleTable.ts where it covers the design); stops at `cap_yr` (default 200 yr).
 * Validity: 100–2,000 km; circular orbit; no geomagnetic storms; one template cycle repeated.
 * Derivation, evidence and costs: docs/models.md §"Decay through the solar cycle".
 */
import { EARTH_MU_m3_s2, EARTH_RADIUS_m, JULIAN_YEAR_s } from '../../base/constants.js';
import { km_to_m } from '../../base/convert.js';
import {
  ATMOSPHERE_GRID_STEP_m as STEP_m,
  ATMOSPHERE_MAX_ALTITUDE_m,
  ATMOSPHERE_MIN_ALTITUDE_m,
  cira2012LnDensityGrid,
  decayIntegral_s_m2_per_kg,
  type SolarActivity,
} from './atmosphere.js';
import { positive } from '../validate.js';
import { decodeDecayTable, shippedDecayTableText, worstDecayFromTable } from './decaySolarCycleTable.js';

/** F10.7 [sfu] at which each CIRA-2012 column applies (SDCRENS.py `setDenatm`). */
export const CIRA2012_ACTIVITY_F107_sfu: Readonly<Record<SolarActivity, number>> = {
  low: 65,
  moderate: 140,
  high: 250,
};
/** Number of equally spaced start phases evaluated by the 'mean' and 'worst' modes. */
export const START_PHASES_PER_CYCLE = 12;
/** Default cap on the integrated decay time [yr]. */
export const DEFAULT_DECAY_CAP_yr = 200;
/** Default end altitude of the decay [m]. */
export const DEFAULT_END_ALTITUDE_m = km_to_m(200);

export interface SolarCycleProfile {
  /** F10.7 [sfu] at equally spaced times over one cycle; sample k holds for [k, k+1)·period/n. */
  readonly f107_sfu: readonly number[];
  /** Cycle period [yr] (> 0). */
  readonly period_yr: number;
}

/**
 * CIRA-2012 monthly solar-cycle template (SDCRE-NS solar_cycle_table36_cira2012.dat, column 3); month 0 = solar
 * minimum.
 */
export const CIRA2012_SOLAR_CYCLE: SolarCycleProfile = {
  period_yr: 12,
  f107_sfu: [
    74, 74, 73, 74, 75, 72, 71, 79, 96, 85, 100, 99, 93, 93, 109, 108, 107, 108, 114, 136, 138, 117, 140, 150, 141, 142,
    126, 117, 149, 170, 166, 171, 136, 165, 192, 170, 158, 173, 208, 184, 185, 180, 202, 163, 182, 168, 179, 174, 167,
    147, 178, 178, 148, 174, 131, 163, 234, 208, 213, 236, 227, 205, 179, 190, 178, 149, 174, 184, 176, 167, 169, 157,
    144, 125, 132, 126, 116, 129, 128, 122, 112, 151, 141, 115, 114, 107, 112, 101, 100, 97, 119, 110, 103, 106, 114,
    95, 102, 97, 90, 86, 100, 94, 96, 91, 91, 77, 86, 91, 83, 77, 75, 89, 81, 77, 76, 79, 78, 74, 86, 84, 83, 78, 72,
    72, 74, 74, 72, 69, 67, 68, 70, 79, 74, 71, 73, 70, 68, 66, 66, 66, 67, 68, 69, 69,
  ],
};

export type SolarCycleDecayMode = 'phase' | 'mean' | 'worst';

export interface SolarCycleDecayParams {
  /** Start altitude [m], 100–2,000 km. */
  readonly altitude_m: number;
  /** Ballistic coefficient m/(C_D·A) [kg/m²] (> 0). */
  readonly ballisticCoefficient_kg_m2: number;
  /** 'phase': one start phase; 'mean': mean over 12 start phases; 'worst': the longest of the 12. */
  readonly mode: SolarCycleDecayMode;
  /**
   * For 'phase': years after the cycle start (solar minimum), 'min' (0) or 'max' (6-month bin of highest F10.7);
   * default 'min'.
   */
  readonly startPhase?: number | 'min' | 'max';
  /** End altitude [m]; default 200 km. */
  readonly endAltitude_m?: number;
  /** Solar-cycle F10.7 profile; default CIRA2012_SOLAR_CYCLE. */
  readonly cycle?: SolarCycleProfile;
  /** Cap on the integrated time [yr] (> 0); default 200. */
  readonly cap_yr?: number;
  /**
   * 'worst' with the default cycle, end altitude and cap: read the shipped table (decaySolarCycleTable.ts, within
   * DECAY_TABLE_MAX_RELATIVE_ERROR of the integration) where it covers the design; false always integrates. Default
   * true.
   */
  readonly table?: boolean;
}

export interface SolarCycleDecayResult {
  /** Decay time to the end altitude [yr]; past the cap, a cycle-mean estimate. */
  readonly decay_yr: number;
  readonly overCap: boolean;
  /**
   * Start phase of the reported decay [yr after minimum]; null for 'mean', when every phase is over the cap and when
   * tabulated.
   */
  readonly startPhase_yr: number | null;
  /**
   * Start phases integrated: 1, up to 12 (the loop stops at the first one over the cap), 0 if all-high activity is over
   * it or tabulated.
   */
  readonly phasesEvaluated: number;
  /** True when read from the table (decaySolarCycleTable.ts): startPhase_yr is then null. */
  readonly tabulated: boolean;
}

const NODES = Math.round((ATMOSPHERE_MAX_ALTITUDE_m - ATMOSPHERE_MIN_ALTITUDE_m) / STEP_m) + 1;
const LN_RHO = {
  low: cira2012LnDensityGrid('low'),
  moderate: cira2012LnDensityGrid('moderate'),
  high: cira2012LnDensityGrid('high'),
};
const F = CIRA2012_ACTIVITY_F107_sfu;
/** Template months per coarse bin, and the coarse bins the decay must still outlast to keep using them. */
const COARSE_MONTHS = 6;
const FINE_END_COARSE_BINS = 2;
/** √(μ a) at the middle of each 20 km segment [m²/s]: one value per segment makes S and its inverse exact inverses. */
const ROOT_MU_A = Float64Array.from({ length: NODES }, (_, i) =>
  Math.sqrt(EARTH_MU_m3_s2 * (EARTH_RADIUS_m + ATMOSPHERE_MIN_ALTITUDE_m + (i + 0.5) * STEP_m)),
);

function densityAtNode(i: number, f107_sfu: number): number {
  const f = Math.min(F.high, Math.max(F.low, f107_sfu));
  const [a, b, w] =
    f <= F.moderate
      ? [LN_RHO.low, LN_RHO.moderate, (f - F.low) / (F.moderate - F.low)]
      : [LN_RHO.moderate, LN_RHO.high, (f - F.moderate) / (F.high - F.moderate)];
  return Math.exp((1 - w) * a[i]! + w * b[i]!);
}

/**
 * One binning of the cycle: grid g < bins is bin g (time-mean density), g = bins the whole-cycle mean; NODES values
 * each.
 */
interface Level {
  readonly bins: number;
  readonly dt_s: number;
  readonly maxBin: number;
  readonly rho: Float64Array;
  readonly invH: Float64Array;
  readonly cumS: Float64Array;
}
interface Cycle {
  readonly fine: Level;
  readonly coarse: Level;
  readonly ratio: number;
}

/** ∫ over the first x metres of segment i of dh/(ρ √(μ a)), ρ = ρ_i e^{−x/H}: H·(e^{x/H} − 1)/(ρ_i √(μ a_mid)). */
function partialS(invH: number, rho_i: number, i: number, x: number): number {
  const z = invH * x;
  return (z > 1e-12 ? Math.exp(z) - 1 : z) / (invH * rho_i * ROOT_MU_A[i]!);
}

/**
 * densityAtNode(i, f) at every node for each sample of the profile; samples of one F10.7 value share one row (the
 * template's 144 months hold ~100 distinct values, and both levels read the same rows).
 */
function densityRows(f107_sfu: readonly number[]): Float64Array[] {
  const byValue = new Map<number, Float64Array>();
  return f107_sfu.map((f) => {
    let row = byValue.get(f);
    if (row === undefined) {
      row = new Float64Array(NODES);
      for (let i = 0; i < NODES; i++) row[i] = densityAtNode(i, f);
      byValue.set(f, row);
    }
    return row;
  });
}

/** Mean of values[from … to − 1], summed in order. */
function meanOf(values: readonly number[], from: number, to: number): number {
  let sum = 0;
  for (let k = from; k < to; k++) sum += values[k]!;
  return sum / (to - from);
}

/** Bin g's time-mean density at every node into rho[o …], summed over its samples in order. */
function binDensity(rows: readonly Float64Array[], from: number, to: number, rho: Float64Array, o: number): void {
  for (let i = 0; i < NODES; i++) {
    let sum = 0;
    for (let k = from; k < to; k++) sum += rows[k]![i]!;
    rho[o + i] = sum / (to - from);
  }
}

function buildLevel(
  f107_sfu: readonly number[],
  rows: readonly Float64Array[],
  period_yr: number,
  perBin: number,
): Level {
  const bins = f107_sfu.length / perBin;
  const [rho, invH, cumS] = [0, 1, 2].map(() => new Float64Array((bins + 1) * NODES)) as [
    Float64Array,
    Float64Array,
    Float64Array,
  ];
  // Bin g < bins holds samples [g·perBin, (g + 1)·perBin); g = bins is the whole cycle.
  const from = (g: number) => (g < bins ? g * perBin : 0);
  const to = (g: number) => (g < bins ? (g + 1) * perBin : f107_sfu.length);
  let maxBin = 0;
  for (let g = 0; g <= bins; g++) {
    if (g < bins && meanOf(f107_sfu, from(g), to(g)) > meanOf(f107_sfu, from(maxBin), to(maxBin))) maxBin = g;
    const o = g * NODES;
    binDensity(rows, from(g), to(g), rho, o);
    for (let i = 0; i < NODES - 1; i++) invH[o + i] = Math.log(rho[o + i]! / rho[o + i + 1]!) / STEP_m;
    invH[o + NODES - 1] = invH[o + NODES - 2]!;
    for (let i = 1; i < NODES; i++)
      cumS[o + i] = cumS[o + i - 1]! + partialS(invH[o + i - 1]!, rho[o + i - 1]!, i - 1, STEP_m);
  }
  return { bins, dt_s: (period_yr * JULIAN_YEAR_s) / bins, maxBin, rho, invH, cumS };
}

function buildCycle(cycle: SolarCycleProfile, ratio: number): Cycle {
  positive('cycle.period_yr', cycle.period_yr);
  const n = cycle.f107_sfu.length;
  if (n === 0 || n % ratio !== 0 || !cycle.f107_sfu.every((f) => f > 0 && Number.isFinite(f))) {
    throw new RangeError('cycle.f107_sfu must be a non-empty list of finite F10.7 values > 0 sfu');
  }
  const rows = densityRows(cycle.f107_sfu);
  const fine = buildLevel(cycle.f107_sfu, rows, cycle.period_yr, 1);
  return { fine, coarse: ratio === 1 ? fine : buildLevel(cycle.f107_sfu, rows, cycle.period_yr, ratio), ratio };
}

/** The shipped 'worst' decay table (decaySolarCycleTable.ts), decoded on first use. */
let worstTable: Float64Array | undefined;
interface EndIntegrals {
  readonly hEnd: number;
  readonly fine: Float64Array;
  readonly coarse: Float64Array;
}
/**
 * The default cycle's tables, built on the first call that integrates (decays the shipped table answers never need
 * them).
 */
let template: Cycle | undefined;
/**
 * S_g(h_end) on every grid of the default cycle's levels (NaN until first needed), for the last h_end used: one value
 * in practice (the 200-km disposal altitude), so the ~90 end integrals a 'worst' call needs are computed once, not
 * once per call. Same function of (grid, h_end) whichever call fills them: the results do not depend on the cache.
 */
let templateEnds: EndIntegrals | undefined;

const segment = (h: number) => Math.min(NODES - 2, Math.floor((h - ATMOSPHERE_MIN_ALTITUDE_m) / STEP_m));

/**
 * SEGMENT_FROM_m[i]: the lowest altitude (double) with segment(h) ≥ i, i = 0…NODES − 2. segment() is non-decreasing
 * in h (a correctly rounded subtraction and division by constants, then floor), so for h ≥ SEGMENT_FROM_m[0] it is the
 * last i with h ≥ SEGMENT_FROM_m[i]: the integration loop finds it by comparisons next to the previous one, which
 * keeps a division and a floor off its chain of dependent operations (and gives the same index).
 */
const SEGMENT_FROM_m = ((): Float64Array => {
  const from = new Float64Array(NODES - 1);
  const x = new Float64Array(1);
  const bits = new BigUint64Array(x.buffer);
  for (let i = 0; i < NODES - 1; i++) {
    let h = ATMOSPHERE_MIN_ALTITUDE_m + i * STEP_m; // exact: segment(h) = i
    for (;;) {
      x[0] = h;
      bits[0]! -= 1n; // the next double below h (> 0)
      if (segment(x[0]!) < i) break;
      h = x[0]!;
    }
    from[i] = h;
  }
  return from;
})();

/**
 * segment(h) from n, a segment at or below h's (the one the inverse ended in); segment(h) itself when h is below n's.
 */
function segmentAbove(h: number, n: number): number {
  if (!(h >= SEGMENT_FROM_m[n]!)) return segment(h);
  while (n < NODES - 2 && h >= SEGMENT_FROM_m[n + 1]!) n++;
  return n;
}

/** S_g(h) = ∫_{100 km}^{h} dh'/(ρ_g √(μ a)) [s·m²/kg] on grid g of a level. */
function integralS(l: Level, g: number, h: number): number {
  const i = segment(h);
  const k = g * NODES + i;
  return l.cumS[k]! + partialS(l.invH[k]!, l.rho[k]!, i, h - (ATMOSPHERE_MIN_ALTITUDE_m + i * STEP_m));
}

/** S_g(h_end) of every grid of a level, filled on first use (NaN = not yet computed). */
function endIntegral(l: Level, cache: Float64Array, g: number, hEnd: number): number {
  const e = cache[g]!;
  return Number.isNaN(e) ? (cache[g] = integralS(l, g, hEnd)) : e;
}

/**
 * Decay time [s] from h0 starting phase_s into the cycle (coarse bins, then fine ones; past cap_s the cycle-mean grid).
 * Each bin: s = S_g(h) (integralS), then the new h where S_g = s − Δt/B (the closed-form inverse, inlined below).
 * This is the hot loop of 'worst' (12 phases × ~2 bins per simulated year): a bin is one chain of dependent operations
 * (exp, a division, log, a division), so the loop keeps everything else off that chain while doing every floating-point
 * operation of the plain form, in the same order (results bit for bit those of integralS then its inverse per bin):
 * h's segment is found once per bin and shared by S and its inverse, the next one by comparisons (segmentAbove);
 * lookups and constants are hoisted; the end integrals are plain array reads; the bin index wraps without a modulo.
 */
// eslint-disable-next-line max-lines-per-function -- the hot loop, kept whole: a split would add calls per bin
function decayFromPhase(
  c: Cycle,
  B: number,
  h0: number,
  hEnd: number,
  endFine: Float64Array,
  endCoarse: Float64Array,
  phase_s: number,
  cap_s: number,
): number {
  const { fine, coarse, ratio } = c;
  const bins = fine.bins;
  const dt_s = fine.dt_s;
  const coarseDt_s = coarse.dt_s;
  const fullBin_s = dt_s * (1 - 1e-9);
  const coarseDrop = coarseDt_s / B;
  const keepCoarse_s = FINE_END_COARSE_BINS * coarseDt_s;
  const period_s = dt_s * bins;
  const ph = ((phase_s % period_s) + period_s) % period_s;
  let j = Math.min(bins - 1, Math.floor(ph / dt_s));
  let tau = (j + 1) * dt_s - ph;
  let useCoarse = true;
  // Number(h0) is h0 itself; typing it as a number keeps h unboxed in a register through the loop (else one heap
  // number is allocated per bin).
  let h = Number(h0);
  let i = segment(h);
  let t = 0;
  for (;;) {
    if (t >= cap_s) return t + B * (integralS(fine, bins, h) - endIntegral(fine, endFine, bins, hEnd));
    const x = h - (ATMOSPHERE_MIN_ALTITUDE_m + i * STEP_m);
    let coarseBin = false;
    let l = coarse;
    let o = 0;
    let target = 0;
    if (useCoarse && j % ratio === 0 && tau > fullBin_s) {
      const G = j / ratio;
      o = G * NODES;
      const k = o + i;
      const s = coarse.cumS[k]! + partialS(coarse.invH[k]!, coarse.rho[k]!, i, x);
      coarseBin = useCoarse = B * (s - endIntegral(coarse, endCoarse, G, hEnd)) > keepCoarse_s;
      if (coarseBin) {
        target = s - coarseDrop;
        t += coarseDt_s;
        j += ratio;
        if (j >= bins) j -= bins;
      }
    }
    if (!coarseBin) {
      l = fine;
      o = j * NODES;
      const k = o + i;
      const s = fine.cumS[k]! + partialS(fine.invH[k]!, fine.rho[k]!, i, x);
      const need = B * (s - endIntegral(fine, endFine, j, hEnd));
      if (need <= tau) return t + need;
      target = s - tau / B;
      t += tau;
      j = j + 1 === bins ? 0 : j + 1;
      tau = dt_s;
    }
    // The altitude below h where S_g = target (< S_g(h)): the closed-form inverse of integralS on grid o/NODES of l.
    const { cumS, invH, rho } = l;
    let n = i;
    while (n > 0 && cumS[o + n]! > target) n--;
    const k = o + n;
    const z = invH[k]! * (target - cumS[k]!) * rho[k]! * ROOT_MU_A[n]!;
    h = ATMOSPHERE_MIN_ALTITUDE_m + n * STEP_m + Math.min(STEP_m, (z > 1e-12 ? Math.log(1 + z) : z) / invH[k]!);
    i = segmentAbove(h, n);
  }
}

/** Passive decay time through the solar cycle (see the file header). Throws RangeError on invalid input. */
export function solarCycleDecay(p: Readonly<SolarCycleDecayParams>): SolarCycleDecayResult {
  const B = p.ballisticCoefficient_kg_m2;
  positive('ballisticCoefficient_kg_m2', B);
  const cap_yr = p.cap_yr ?? DEFAULT_DECAY_CAP_yr;
  positive('cap_yr', cap_yr);
  if (p.mode !== 'phase' && p.mode !== 'mean' && p.mode !== 'worst')
    throw new RangeError(`mode must be 'phase', 'mean' or 'worst', got ${String(p.mode)}`);
  // A given cycle is built (and checked) at once; the template's tables on the first call the shipped table does not
  // answer.
  const custom = p.cycle === undefined ? undefined : buildCycle(p.cycle, 1);
  const cycle = (): Cycle => custom ?? (template ??= buildCycle(CIRA2012_SOLAR_CYCLE, COARSE_MONTHS));
  const hEnd = p.endAltitude_m ?? DEFAULT_END_ALTITUDE_m;
  const high_s = B * (decayIntegral_s_m2_per_kg(p.altitude_m, 'high') - decayIntegral_s_m2_per_kg(hEnd, 'high')); // also range-checks
  if (p.altitude_m <= hEnd)
    return {
      decay_yr: 0,
      overCap: false,
      startPhase_yr: p.mode === 'mean' ? null : 0,
      phasesEvaluated: 0,
      tabulated: false,
    };
  const cap_s = cap_yr * JULIAN_YEAR_s;
  if (high_s > cap_s) {
    // Every start phase is slower than all-high activity, so every one is over the cap: cycle-mean estimate.
    const l = cycle().fine;
    const decay_s = B * (integralS(l, l.bins, p.altitude_m) - integralS(l, l.bins, hEnd));
    return {
      decay_yr: decay_s / JULIAN_YEAR_s,
      overCap: true,
      startPhase_yr: null,
      phasesEvaluated: 0,
      tabulated: false,
    };
  }
  if (p.mode === 'worst' && p.table !== false && p.cycle === undefined) {
    const decay_yr = tabulatedWorst(p.altitude_m, hEnd, cap_yr, high_s);
    if (!Number.isNaN(decay_yr))
      return { decay_yr, overCap: false, startPhase_yr: null, phasesEvaluated: 0, tabulated: true };
  }
  const c = cycle();
  const l = c.fine;
  const { fine: endFine, coarse: endCoarse } = endIntegrals(c, hEnd, p.cycle === undefined);
  const period_yr = (l.dt_s * l.bins) / JULIAN_YEAR_s;
  if (p.mode === 'phase') {
    const start = p.startPhase ?? 'min';
    const phase_yr = start === 'min' ? 0 : start === 'max' ? (c.coarse.maxBin * period_yr) / c.coarse.bins : start;
    if (!Number.isFinite(phase_yr))
      throw new RangeError(`startPhase must be a finite number of years, 'min' or 'max', got ${String(start)}`);
    const decay_yr =
      decayFromPhase(c, B, p.altitude_m, hEnd, endFine, endCoarse, phase_yr * JULIAN_YEAR_s, cap_s) / JULIAN_YEAR_s;
    return { decay_yr, overCap: decay_yr > cap_yr, startPhase_yr: phase_yr, phasesEvaluated: 1, tabulated: false };
  }
  return sweepStartPhases(p.mode, c, B, p.altitude_m, hEnd, endFine, endCoarse, cap_s, cap_yr, period_yr);
}

/**
 * The shipped worst-phase table's decay time [yr], or NaN where it does not apply (end altitude or cap other than
 * the defaults the table was built for, or a point the table leaves to the simulation).
 */
function tabulatedWorst(h0: number, hEnd: number, cap_yr: number, high_s: number): number {
  if (hEnd !== DEFAULT_END_ALTITUDE_m || cap_yr !== DEFAULT_DECAY_CAP_yr) return Number.NaN;
  return worstDecayFromTable((worstTable ??= decodeDecayTable(shippedDecayTableText())), h0, high_s);
}

/** The end-altitude integral caches (NaN until read); the template cycle's are kept across calls for one hEnd. */
function endIntegrals(c: Cycle, hEnd: number, isTemplate: boolean): EndIntegrals {
  const l = c.fine;
  let ends = isTemplate ? templateEnds : undefined;
  if (ends?.hEnd !== hEnd) {
    const fine = new Float64Array(l.bins + 1).fill(Number.NaN);
    ends = { hEnd, fine, coarse: c.coarse === l ? fine : new Float64Array(c.coarse.bins + 1).fill(Number.NaN) };
    if (isTemplate) templateEnds = ends;
  }
  return ends;
}

/** Decay from START_PHASES_PER_CYCLE start phases: the worst or the mean, or the first one past the cap. */
function sweepStartPhases(
  mode: 'mean' | 'worst',
  c: Cycle,
  B: number,
  h0: number,
  hEnd: number,
  endFine: Float64Array,
  endCoarse: Float64Array,
  cap_s: number,
  cap_yr: number,
  period_yr: number,
): SolarCycleDecayResult {
  let [sum, worst, worstPhase] = [0, -Infinity, 0];
  for (let k = 0; k < START_PHASES_PER_CYCLE; k++) {
    const phase_yr = (k * period_yr) / START_PHASES_PER_CYCLE;
    const d = decayFromPhase(c, B, h0, hEnd, endFine, endCoarse, phase_yr * JULIAN_YEAR_s, cap_s) / JULIAN_YEAR_s;
    // Past the cap the value is an estimate whatever the phase: stop at the first phase there.
    if (d > cap_yr)
      return {
        decay_yr: d,
        overCap: true,
        startPhase_yr: mode === 'worst' ? phase_yr : null,
        phasesEvaluated: k + 1,
        tabulated: false,
      };
    sum += d;
    if (d > worst) {
      worst = d;
      worstPhase = phase_yr;
    }
  }
  const decay_yr = mode === 'worst' ? worst : sum / START_PHASES_PER_CYCLE;
  return {
    decay_yr,
    overCap: false,
    startPhase_yr: mode === 'worst' ? worstPhase : null,
    phasesEvaluated: START_PHASES_PER_CYCLE,
    tabulated: false,
  };
}
