/**
 * src/models/drag/decaySolarCycle.ts on made-up cycles whose decay stays inside one 20 km density segment (560 → 540
 * km),
 * where the decay has a closed form: with ρ(h) = ρ₅₄₀·e^{−(h − 540 km)/H} inside the segment and √(μ a) taken at its
 * middle (550 km, as the model's header says), S(x) = ∫₀ˣ dh/(ρ √(μ a)) = H·(e^{x/H} − 1)/(ρ₅₄₀ √(μ a)), a bin of
 * constant density lowers S by Δt/B, and the altitude after it is x = H·ln(1 + S·ρ₅₄₀ √(μ a)/H). The oracle below
 * steps through the bins with that closed form; it shares no code with the model (no grid, no cumulative integrals,
 * no bin search). Densities: the published cira-2012.dat rows at 540 and 560 km (norabolig/SDCRE-NS), log-linear in
 * F10.7 between the columns at 65 / 140 / 250 sfu and held at the end columns outside (SDCRENS.py `setDenatm`).
 * The tests are fast (one segment, a few bins), so a scoped mutation run over decaySolarCycle.ts can use them.
 */
import { describe, expect, it } from 'vitest';
import { solarCycleDecay, type SolarCycleDecayParams } from '../../../src/models/drag/decaySolarCycle.js';

const MU_m3_s2 = 3.986004418e14; // WGS-84
const RE_m = 6378137; // WGS-84
const YEAR_s = 365.25 * 86400;
const km = (x: number) => x * 1000;
const SEGMENT_m = km(20);
/** √(μ a) at the middle of the 540–560 km segment. */
const ROOT_MU_A = Math.sqrt(MU_m3_s2 * (RE_m + km(550)));
/** cira-2012.dat: density [kg/m³] at 540 and 560 km, columns low / med / high-long. */
const ROWS = {
  low: [2.68e-14, 1.96e-14],
  moderate: [4.77e-13, 3.58e-13],
  high: [1.91e-12, 1.52e-12],
} as const;
type Pair = readonly [number, number];

/** The (ρ₅₄₀, ρ₅₆₀) pair at F10.7 f: log-linear between the columns, held outside 65–250 sfu. */
function rowsAt(f: number): Pair {
  const g = Math.min(250, Math.max(65, f));
  const [a, b, w] = g <= 140 ? [ROWS.low, ROWS.moderate, (g - 65) / 75] : [ROWS.moderate, ROWS.high, (g - 140) / 110];
  return [a[0] ** (1 - w) * b[0] ** w, a[1] ** (1 - w) * b[1] ** w];
}

/** S(x) [s·m²/kg] of the segment for densities `rho` and its inverse. */
const scaleHeight = (rho: Pair) => SEGMENT_m / Math.log(rho[0] / rho[1]);
const S = (rho: Pair, x: number) => (scaleHeight(rho) * Math.expm1(x / scaleHeight(rho))) / (rho[0] * ROOT_MU_A);
const Sinverse = (rho: Pair, s: number) => scaleHeight(rho) * Math.log1p((s * rho[0] * ROOT_MU_A) / scaleHeight(rho));

/**
 * Decay time [yr] from 560 to 540 km through bins of `binYears` each with densities `bins[k]`, repeated, starting
 * `phase_yr` into the cycle: the closed form of the header, bin by bin.
 */
function oracle_yr(bins: readonly Pair[], binYears: number, B: number, phase_yr: number): number {
  const period = bins.length * binYears;
  const ph = ((phase_yr % period) + period) % period;
  let k = Math.floor(ph / binYears);
  let left = (k + 1) * binYears - ph;
  let [x, t] = [SEGMENT_m, 0];
  for (;;) {
    const need = (B * S(bins[k]!, x)) / YEAR_s;
    if (need <= left) return t + need;
    x = Sinverse(bins[k]!, S(bins[k]!, x) - (left * YEAR_s) / B);
    [t, k, left] = [t + left, (k + 1) % bins.length, binYears];
  }
}

/** Decay time [yr] from x metres above 540 km to 540 km at constant densities `rho`. */
const constantDecay_yr = (rho: Pair, B: number, x: number) => (B * S(rho, x)) / YEAR_s;

const base = { altitude_m: km(560), endAltitude_m: km(540) };
const decay = (p: Partial<SolarCycleDecayParams> & Pick<SolarCycleDecayParams, 'ballisticCoefficient_kg_m2'>) =>
  solarCycleDecay({ mode: 'phase', ...base, ...p });
const rel = (a: number, b: number) => Math.abs(a / b - 1);
/** √(μ a) at mid-segment and exp/log rounding: the model and the oracle agree to far better than this. */
const closedForm = 1e-9;

describe('constant activity: one segment in closed form', () => {
  it('between the columns ln ρ is linear in F10.7: 102.5 sfu is the geometric mean of low and moderate', () => {
    // B = 100: ρ₅₄₀ = √(2.68e-14·4.77e-13) = 1.131e-13, ρ₅₆₀ = √(1.96e-14·3.58e-13) = 8.377e-14 kg/m³.
    const mid: Pair = [Math.sqrt(2.68e-14 * 4.77e-13), Math.sqrt(1.96e-14 * 3.58e-13)];
    const t = decay({ ballisticCoefficient_kg_m2: 100, cycle: { f107_sfu: [102.5], period_yr: 11 } }).decay_yr;
    expect(rel(t, constantDecay_yr(mid, 100, SEGMENT_m))).toBeLessThan(closedForm);
    const upper = decay({ ballisticCoefficient_kg_m2: 100, cycle: { f107_sfu: [195], period_yr: 11 } }).decay_yr;
    const upperRows: Pair = [Math.sqrt(4.77e-13 * 1.91e-12), Math.sqrt(3.58e-13 * 1.52e-12)];
    expect(rel(upper, constantDecay_yr(upperRows, 100, SEGMENT_m))).toBeLessThan(closedForm);
    // off the midpoints: 120 sfu is 55/75 of the way from low to moderate, 200 sfu 60/110 from moderate to high
    for (const f of [120, 200]) {
      const t = decay({ ballisticCoefficient_kg_m2: 100, cycle: { f107_sfu: [f], period_yr: 11 } }).decay_yr;
      expect(rel(t, constantDecay_yr(rowsAt(f), 100, SEGMENT_m))).toBeLessThan(closedForm);
    }
  });

  it('the columns apply at 65, 140 and 250 sfu and are held outside 65–250 sfu', () => {
    for (const [f, rows] of [
      [30, ROWS.low],
      [65, ROWS.low],
      [140, ROWS.moderate],
      [250, ROWS.high],
      [400, ROWS.high],
    ] as const) {
      const t = decay({ ballisticCoefficient_kg_m2: 100, cycle: { f107_sfu: [f], period_yr: 11 } }).decay_yr;
      expect(rel(t, constantDecay_yr(rows, 100, SEGMENT_m))).toBeLessThan(closedForm);
    }
  });

  it('a start at the end altitude decays in 0 yr, with nothing integrated', () => {
    for (const mode of ['phase', 'mean', 'worst'] as const) {
      const r = solarCycleDecay({ mode, altitude_m: km(540), endAltitude_m: km(540), ballisticCoefficient_kg_m2: 1 });
      expect(r).toEqual({
        decay_yr: 0,
        overCap: false,
        startPhase_yr: mode === 'mean' ? null : 0,
        phasesEvaluated: 0,
        tabulated: false,
      });
    }
  });
});

/**
 * A two-year cycle: one year at 65 sfu (low), one at 250 sfu (high). At B = 4 kg/m² the whole segment takes 2.11 yr at
 * low activity and 0.0284 yr at high, so a decay started in the low year always ends in the high one.
 */
const lowHigh = { f107_sfu: [65, 250], period_yr: 2 };
const LOW_HIGH: readonly Pair[] = [ROWS.low, ROWS.high];
const B4 = 4;

describe('a low year then a high year (B = 4 kg/m²)', () => {
  it('the hand figures: 2.11 yr at low, 0.0284 yr at high for the whole segment', () => {
    // low: H = 20 km/ln(2.68/1.96) = 63.98 km, t = 4 × 63,980 × (2.68/1.96 − 1)/(2.68e-14 × √(μ·6,928,137 m)) s
    expect(constantDecay_yr(ROWS.low, B4, SEGMENT_m)).toBeCloseTo(2.113, 3);
    expect(constantDecay_yr(ROWS.high, B4, SEGMENT_m)).toBeCloseTo(0.0284, 4);
  });

  it('started at the minimum: one low year, then the rest at high activity', () => {
    const r = decay({ ballisticCoefficient_kg_m2: B4, cycle: lowHigh });
    const want = oracle_yr(LOW_HIGH, 1, B4, 0);
    expect(want).toBeGreaterThan(1);
    expect(want).toBeLessThan(1 + 0.0284);
    expect(rel(r.decay_yr, want)).toBeLessThan(closedForm);
    expect([r.startPhase_yr, r.phasesEvaluated, r.overCap, r.tabulated]).toEqual([0, 1, false, false]);
  });

  it("'max' starts in the high year (phase 1 yr): the whole segment at high activity", () => {
    const r = decay({ ballisticCoefficient_kg_m2: B4, cycle: lowHigh, startPhase: 'max' });
    expect(r.startPhase_yr).toBe(1);
    expect(rel(r.decay_yr, constantDecay_yr(ROWS.high, B4, SEGMENT_m))).toBeLessThan(closedForm);
  });

  it('phases wrap around the period: 2.5 yr and −1.5 yr are both half way through the low year', () => {
    const want = oracle_yr(LOW_HIGH, 1, B4, 0.5);
    expect(want).toBeGreaterThan(0.5);
    for (const startPhase of [0.5, 2.5, -1.5]) {
      const r = decay({ ballisticCoefficient_kg_m2: B4, cycle: lowHigh, startPhase });
      expect(rel(r.decay_yr, want)).toBeLessThan(closedForm);
      expect(r.startPhase_yr).toBe(startPhase);
    }
  });

  it("'mean' and 'worst' over the 12 phases k/6 yr: the average, and the longest (phase 0)", () => {
    const each = Array.from({ length: 12 }, (_, k) => oracle_yr(LOW_HIGH, 1, B4, k / 6));
    const mean = solarCycleDecay({ ...base, ballisticCoefficient_kg_m2: B4, cycle: lowHigh, mode: 'mean' });
    const worst = solarCycleDecay({ ...base, ballisticCoefficient_kg_m2: B4, cycle: lowHigh, mode: 'worst' });
    expect(rel(mean.decay_yr, each.reduce((s, t) => s + t, 0) / 12)).toBeLessThan(closedForm);
    expect(rel(worst.decay_yr, Math.max(...each))).toBeLessThan(closedForm);
    expect([mean.startPhase_yr, mean.phasesEvaluated, mean.overCap]).toEqual([null, 12, false]);
    expect([worst.startPhase_yr, worst.phasesEvaluated, worst.overCap, worst.tabulated]).toEqual([0, 12, false, false]);
  });
});

describe('the cap: past it, the rest of the decay at the cycle-mean density', () => {
  /** The cycle-mean grid: the time mean of ρ at each node, here (ρ_low + ρ_high)/2, exponential between nodes. */
  const meanRows: Pair = [(ROWS.low[0] + ROWS.high[0]) / 2, (ROWS.low[1] + ROWS.high[1]) / 2];
  /** Altitude above 540 km [m] after one year at low activity from 560 km. */
  const afterLowYear = Sinverse(ROWS.low, S(ROWS.low, SEGMENT_m) - YEAR_s / B4);

  it('a 0.5-yr cap is checked at the end of the first (one-year) bin: 1 yr + the rest at the mean density', () => {
    const r = decay({ ballisticCoefficient_kg_m2: B4, cycle: lowHigh, cap_yr: 0.5 });
    expect(rel(r.decay_yr, 1 + constantDecay_yr(meanRows, B4, afterLowYear))).toBeLessThan(closedForm);
    expect(r.overCap).toBe(true);
  });

  it('a cap below even the all-high decay (0.01 < 0.0284 yr): the whole decay at the mean density, nothing integrated', () => {
    for (const mode of ['phase', 'mean', 'worst'] as const) {
      const r = solarCycleDecay({ ...base, ballisticCoefficient_kg_m2: B4, cycle: lowHigh, cap_yr: 0.01, mode });
      expect(rel(r.decay_yr, constantDecay_yr(meanRows, B4, SEGMENT_m))).toBeLessThan(closedForm);
      expect([r.overCap, r.startPhase_yr, r.phasesEvaluated, r.tabulated]).toEqual([true, null, 0, false]);
    }
  });

  it('the sweep stops at the first phase past the cap and names it (high year first: phases 0…5 end in it)', () => {
    // Cycle [250, 65]: phases k/6 < 1 start in the high year and end within 0.0284 yr; phase 1 (k = 6) starts in the
    // low year, whose bin ends past the 0.5-yr cap.
    const highLow = { f107_sfu: [250, 65], period_yr: 2 };
    const want = 1 + constantDecay_yr(meanRows, B4, afterLowYear);
    for (const mode of ['mean', 'worst'] as const) {
      const r = solarCycleDecay({ ...base, ballisticCoefficient_kg_m2: B4, cycle: highLow, cap_yr: 0.5, mode });
      expect(rel(r.decay_yr, want)).toBeLessThan(closedForm);
      expect([r.overCap, r.startPhase_yr, r.phasesEvaluated, r.tabulated]).toEqual([
        true,
        mode === 'worst' ? 1 : null,
        7,
        false,
      ]);
    }
  });
});

describe('input errors', () => {
  it('a cycle with a value that is not a finite F10.7 > 0 sfu, a period ≤ 0, a cap ≤ 0, an unknown mode or phase', () => {
    const message = 'cycle.f107_sfu must be a non-empty list of finite F10.7 values > 0 sfu';
    for (const bad of [0, -5, Number.NaN, Infinity])
      expect(() => decay({ ballisticCoefficient_kg_m2: B4, cycle: { f107_sfu: [100, bad], period_yr: 2 } })).toThrow(
        new RangeError(message),
      );
    expect(() => decay({ ballisticCoefficient_kg_m2: B4, cycle: { f107_sfu: [100], period_yr: 0 } })).toThrow(
      /cycle\.period_yr/,
    );
    expect(() => decay({ ballisticCoefficient_kg_m2: 0 })).toThrow(
      new RangeError('ballisticCoefficient_kg_m2 must be a finite number > 0, got 0'),
    );
    expect(() => decay({ ballisticCoefficient_kg_m2: B4, cap_yr: 0 })).toThrow(/cap_yr/);
    expect(() => decay({ ballisticCoefficient_kg_m2: B4, mode: 'best' as 'worst' })).toThrow(
      new RangeError("mode must be 'phase', 'mean' or 'worst', got best"),
    );
    expect(() => decay({ ballisticCoefficient_kg_m2: B4, startPhase: Infinity })).toThrow(
      new RangeError("startPhase must be a finite number of years, 'min' or 'max', got Infinity"),
    );
  });
});

describe('the CIRA-2012 template: end altitudes and the shipped worst-phase table', () => {
  const at550 = { altitude_m: km(550), ballisticCoefficient_kg_m2: 100 };
  const oneWeek_yr = 7 / 365.25;

  it('a decay is the sum of its two legs: 550 → 300 km from the minimum, then 300 → 200 km from where it got to', () => {
    // The orbit's state is its altitude and the date: the second leg starts at 300 km, T₁ into the cycle. The legs
    // bin the cycle differently (6-month bins while the decay outlasts two of them), so they agree within the
    // header's week, not exactly. Asked in between, the whole decay is the same number again: the end integrals kept
    // for the 200 km end are not those of another end.
    const whole = solarCycleDecay({ ...at550, mode: 'phase' }).decay_yr;
    const first = solarCycleDecay({ ...at550, mode: 'phase', endAltitude_m: km(300) }).decay_yr;
    const second = solarCycleDecay({
      altitude_m: km(300),
      ballisticCoefficient_kg_m2: 100,
      mode: 'phase',
      startPhase: first,
    }).decay_yr;
    expect(first).toBeGreaterThan(1);
    expect(Math.abs(first + second - whole)).toBeLessThan(oneWeek_yr);
    expect(solarCycleDecay({ ...at550, mode: 'phase' }).decay_yr).toBe(whole);
    expect(solarCycleDecay({ ...at550, mode: 'phase', endAltitude_m: km(300) }).decay_yr).toBe(first);
  });

  it("'worst' reads the table only with the default end (200 km) and cap (200 yr), inside 220–1,500 km", () => {
    const table = solarCycleDecay({ ...at550, mode: 'worst' });
    const integrated = solarCycleDecay({ ...at550, mode: 'worst', table: false });
    expect([table.tabulated, table.startPhase_yr, table.phasesEvaluated]).toEqual([true, null, 0]);
    expect([integrated.tabulated, integrated.phasesEvaluated]).toEqual([false, 12]);
    expect(rel(table.decay_yr, integrated.decay_yr)).toBeLessThan(0.01); // DECAY_TABLE_MAX_RELATIVE_ERROR
    // near the table's low edge the 200 km end is a large share of the all-high decay the table is entered with
    const low = { altitude_m: km(240), ballisticCoefficient_kg_m2: 1000 };
    const lowTable = solarCycleDecay({ ...low, mode: 'worst' });
    expect(lowTable.tabulated).toBe(true);
    expect(rel(lowTable.decay_yr, solarCycleDecay({ ...low, mode: 'worst', table: false }).decay_yr)).toBeLessThan(
      0.01,
    );
    for (const other of [
      { endAltitude_m: km(250) },
      { cap_yr: 150 },
      { altitude_m: km(210) },
      { cycle: { f107_sfu: [...Array<number>(6).fill(70), ...Array<number>(6).fill(200)], period_yr: 12 } },
    ]) {
      const r = solarCycleDecay({ ...at550, mode: 'worst', ...other });
      expect([r.tabulated, r.phasesEvaluated]).toEqual([false, 12]);
    }
  });
});
