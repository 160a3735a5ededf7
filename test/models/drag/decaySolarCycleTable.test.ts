import { describe, expect, it } from 'vitest';
import { decayIntegral_s_m2_per_kg } from '../../../src/models/drag/atmosphere.js';
import { DEFAULT_END_ALTITUDE_m, solarCycleDecay } from '../../../src/models/drag/decaySolarCycle.js';
import {
  DECAY_TABLE_COLUMNS,
  DECAY_TABLE_MAX_ALTITUDE_m,
  DECAY_TABLE_MAX_RELATIVE_ERROR,
  DECAY_TABLE_MIN_ALTITUDE_m,
  DECAY_TABLE_ROW_STEP_m,
  decodeDecayTable,
  encodeDecayTable,
  worstDecayTableRow,
  DECAY_TABLE_MIN_LN_T,
  DECAY_TABLE_ROWS,
  worstDecayFromTable,
  shippedDecayTableText,
} from '../../../src/models/drag/decaySolarCycleTable.js';
import { integratedWorst } from '../../generate/decay-table.js';
import { km } from '../../helpers/units.js';

// The oracle is the full integration of decaySolarCycle.ts (`table: false`), itself checked against an independent RK4
// integration and published decay times in dragSolarCycle.test.ts.

const year_s = 365.25 * 86400;
/** The stored 16-bit values of a base64 table. */
function stored16(base64: string): number[] {
  const b = Buffer.from(base64, 'base64');
  return Array.from({ length: b.length / 2 }, (_, i) => b.readUInt16LE(2 * i));
}
/** Seeded uniform numbers in [0, 1) (Park–Miller): the sample is the same on every run. */
function uniform(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 16807) % 2147483647) / 2147483647;
}
const worst = (altitude_m: number, B: number, table: boolean) =>
  solarCycleDecay({ altitude_m, ballisticCoefficient_kg_m2: B, mode: 'worst', table });

/** Largest relative error of the table over `n` points drawn by `draw`, counting those the table covers. */
function tableError(
  n: number,
  draw: () => { altitude_m: number; B: number },
): { max: number; covered: number; at: string } {
  let [max, covered, at] = [0, 0, ''];
  for (let i = 0; i < n; i++) {
    const { altitude_m, B } = draw();
    const t = worst(altitude_m, B, true);
    const oracle = worst(altitude_m, B, false);
    if (!t.tabulated) continue;
    covered++;
    const e = Math.abs(t.decay_yr / oracle.decay_yr - 1);
    if (e > max)
      [max, at] = [
        e,
        `${(altitude_m / 1000).toFixed(1)} km, B ${B.toFixed(2)} kg/m²: ${t.decay_yr} vs ${oracle.decay_yr} yr`,
      ];
  }
  return { max, covered, at };
}

describe('tabulated worst-phase disposal decay against the full integration', () => {
  it(`flagship study box (400–1,500 km, B 2–60 kg/m² around the 3.6–42 kg/m² its designs reach): within ${DECAY_TABLE_MAX_RELATIVE_ERROR}`, () => {
    const r = uniform(33);
    const e = tableError(3000, () => ({ altitude_m: km(400 + 1100 * r()), B: 2 * 30 ** r() }));
    expect(e.covered).toBeGreaterThan(1000); // the rest decays in over 199 yr (or under 0.05 yr) and is integrated
    expect(e.max, e.at).toBeLessThanOrEqual(DECAY_TABLE_MAX_RELATIVE_ERROR);
  });

  it('whole table domain (220–1,500 km, every B the table covers): within the same bound', () => {
    const r = uniform(7);
    const e = tableError(2000, () => {
      const altitude_m = km(220 + 1280 * r());
      const high_s =
        decayIntegral_s_m2_per_kg(altitude_m, 'high') - decayIntegral_s_m2_per_kg(DEFAULT_END_ALTITUDE_m, 'high');
      // u = ln(T_high / 1 yr) from well below the table's first column to its cap
      return { altitude_m, B: (Math.exp(-8 + 13.3 * r()) * year_s) / high_s };
    });
    expect(e.covered).toBeGreaterThan(800);
    expect(e.max, e.at).toBeLessThanOrEqual(DECAY_TABLE_MAX_RELATIVE_ERROR);
  });

  it('outside the table (below 220 km, above 1,500 km, other modes, table: false) the integration runs', () => {
    expect(worst(km(210), 50, true).tabulated).toBe(false);
    expect(worst(km(1600), 0.05, true).tabulated).toBe(false);
    expect(solarCycleDecay({ altitude_m: km(550), ballisticCoefficient_kg_m2: 100, mode: 'mean' }).tabulated).toBe(
      false,
    );
    expect(worst(km(550), 100, false).tabulated).toBe(false);
    const custom = solarCycleDecay({
      altitude_m: km(550),
      ballisticCoefficient_kg_m2: 100,
      mode: 'worst',
      endAltitude_m: km(250),
    });
    expect(custom.tabulated).toBe(false);
    expect(worst(km(550), 100, true).tabulated).toBe(true);
  });

  it('the tabulated decay rises with B at fixed altitude, like the integration', () => {
    let prev = 0;
    for (let B = 3; B <= 60; B *= 1.01) {
      const t = worst(km(620), B, true);
      expect(t.decay_yr).toBeGreaterThan(prev);
      prev = t.decay_yr;
    }
  });

  it('the shipped data is what the generator writes (the 700 km row rebuilt from the integration)', () => {
    const shipped = decodeDecayTable(shippedDecayTableText());
    const stored = stored16(shippedDecayTableText());
    expect(shipped.length % DECAY_TABLE_COLUMNS).toBe(0);
    const rows = (DECAY_TABLE_MAX_ALTITUDE_m - DECAY_TABLE_MIN_ALTITUDE_m) / DECAY_TABLE_ROW_STEP_m + 1;
    const all: Float64Array[] = Array.from({ length: rows }, () => new Float64Array(DECAY_TABLE_COLUMNS));
    for (const h_km of [700]) {
      const i = (km(h_km) - DECAY_TABLE_MIN_ALTITUDE_m) / DECAY_TABLE_ROW_STEP_m;
      all[i] = worstDecayTableRow(km(h_km), integratedWorst);
      const rebuilt = stored16(encodeDecayTable(all));
      const o = i * DECAY_TABLE_COLUMNS;
      expect(rebuilt.slice(o, o + DECAY_TABLE_COLUMNS)).toEqual(stored.slice(o, o + DECAY_TABLE_COLUMNS));
    }
  });
});

describe('search', () => {
  /**
   * The column search of worstDecayFromTable (src/models/drag/decaySolarCycleTable.ts) on a table whose u* is curved in
   * the column index, u*_k = g(L_k) = L_k + 0.05·L_k² (rising for L > −10; L_k = ln 0.05 + k/64 ∈ [−3.0, 5.3]): the
   * look-up is the exact inverse of the piecewise-linear interpolant, so u = g(L_k) gives exp(L_k) and the midpoint of
   * g(L_k), g(L_{k+1}) gives exp((L_k + L_{k+1})/2), which a search that stopped at the wrong column pair (and
   * extrapolated its line) would miss. Also the refusal of an oracle already at the first column's decay.
   */
  const YEAR_s = 365.25 * 86400;
  const L = (k: number): number => Math.log(0.05) + k / 64;
  const g = (l: number): number => l + 0.05 * l * l;

  function curvedTable(): Float64Array {
    const t = new Float64Array(DECAY_TABLE_ROWS * DECAY_TABLE_COLUMNS);
    for (let i = 0; i < DECAY_TABLE_ROWS; i++)
      for (let k = 0; k < DECAY_TABLE_COLUMNS; k++) t[i * DECAY_TABLE_COLUMNS + k] = g(L(k));
    return t;
  }

  describe('column search on a curved table', () => {
    it('u on a column gives that column’s decay, u halfway between two gives their geometric mean', () => {
      const t = curvedTable();
      for (const k of [1, 37, 200, 264, 265, 529]) {
        const atColumn = worstDecayFromTable(t, 700e3, Math.exp(g(L(k))) * YEAR_s);
        expect(atColumn / Math.exp(L(k))).toBeCloseTo(1, 10);
        const between = worstDecayFromTable(t, 700e3, Math.exp((g(L(k)) + g(L(k + 1))) / 2) * YEAR_s);
        expect(between / Math.exp((L(k) + L(k + 1)) / 2)).toBeCloseTo(1, 10);
      }
    });
  });

  describe('worstDecayTableRow refuses a march that does not start below the first column', () => {
    it('an oracle equal to the first column’s decay everywhere', () => {
      const first = Math.exp(DECAY_TABLE_MIN_LN_T);
      expect(() => worstDecayTableRow(700e3, () => first)).toThrow(/the march starts above the first column/);
    });
  });
});

describe('synthetic', () => {
  /**
   * The table machinery of src/models/drag/decaySolarCycleTable.ts on synthetic oracles whose inverse is known in
   * closed form, so every expectation is exact: with T_worst(h, u) = exp(u − c(h)) the stored u* of column k is
   * L_k + c(h) (L_k = ln 0.05 + k/64), and the look-up must return exp(u − c̄) with c̄ blended linearly between rows.
   * The shipped table against the real integration is decaySolarCycleTable.test.ts.
   */
  const YEAR_s = 365.25 * 86400;
  const L = (k: number): number => Math.log(0.05) + k / 64;
  /** Row offset c_i [ln yr] of the synthetic table: 0.01 per 20 km row. */
  const c = (i: number): number => 0.01 * i;
  const synthetic = (): Float64Array => {
    const t = new Float64Array(DECAY_TABLE_ROWS * DECAY_TABLE_COLUMNS);
    for (let i = 0; i < DECAY_TABLE_ROWS; i++)
      for (let k = 0; k < DECAY_TABLE_COLUMNS; k++) t[i * DECAY_TABLE_COLUMNS + k] = L(k) + c(i);
    return t;
  };
  const rowAltitude_m = (i: number): number => 220e3 + 20e3 * i;
  /** The look-up for T_high = e^u years. */
  const lookUp = (t: Float64Array, h_m: number, u: number): number => worstDecayFromTable(t, h_m, Math.exp(u) * YEAR_s);

  describe('grid', () => {
    it('65 rows (220–1,500 km every 20 km) and 531 columns (ln 0.05 to ln 199 in steps of 1/64)', () => {
      // (ln 199 − ln 0.05)·64 = 8.28890 × 64 = 530.49 → 531 columns
      expect(DECAY_TABLE_ROWS).toBe(65);
      expect(DECAY_TABLE_COLUMNS).toBe(531);
      expect(DECAY_TABLE_MIN_LN_T).toBe(Math.log(0.05));
    });
  });

  describe('worstDecayFromTable on T_worst = exp(u − c(h))', () => {
    const t = synthetic();
    it('on a row: T = exp(u − c_i) wherever u falls between columns', () => {
      // row 24 (700 km), c = 0.24; u = ln 3 + 0.24 + 0.003 → T = 3·e^0.003
      expect(lookUp(t, rowAltitude_m(24), Math.log(3) + 0.243) / (3 * Math.exp(0.003))).toBeCloseTo(1, 12);
      expect(lookUp(t, rowAltitude_m(0), Math.log(10)) / 10).toBeCloseTo(1, 12);
    });

    it('between rows: c blended linearly (710 km is halfway from c 0.24 to 0.25)', () => {
      expect(lookUp(t, 710e3, Math.log(3) + 0.245) / 3).toBeCloseTo(1, 12);
      // a quarter of the way from 700 to 720 km: c = 0.2425
      expect(lookUp(t, 705e3, Math.log(3) + 0.2425) / 3).toBeCloseTo(1, 12);
    });

    it('the altitude ends 220 and 1,500 km are inside; beyond them NaN (the caller integrates)', () => {
      expect(lookUp(t, 220e3, Math.log(2)) / 2).toBeCloseTo(1, 12);
      expect(lookUp(t, 1500e3, Math.log(2) + 0.64) / 2).toBeCloseTo(1, 12);
      expect(lookUp(t, 219e3, Math.log(2))).toBeNaN();
      expect(lookUp(t, 1501e3, Math.log(2) + 0.64)).toBeNaN();
    });

    it('the decay ends 0.05 yr and the last column are inside; beyond them NaN', () => {
      const lastT = Math.exp(L(DECAY_TABLE_COLUMNS - 1)); // ≈ 198.3 yr
      expect(lookUp(t, 220e3, L(0))).toBeCloseTo(0.05, 12);
      expect(lookUp(t, 220e3, L(DECAY_TABLE_COLUMNS - 1)) / lastT).toBeCloseTo(1, 12);
      expect(lookUp(t, 220e3, L(0) - 1e-6)).toBeNaN();
      expect(lookUp(t, 220e3, L(DECAY_TABLE_COLUMNS - 1) + 1e-6)).toBeNaN();
    });

    it('two equal last columns (a flat stretch of u*) give the lower column’s decay, not NaN', () => {
      const flat = synthetic();
      for (let i = 0; i < DECAY_TABLE_ROWS; i++)
        flat[i * DECAY_TABLE_COLUMNS + DECAY_TABLE_COLUMNS - 1] =
          flat[i * DECAY_TABLE_COLUMNS + DECAY_TABLE_COLUMNS - 2]!;
      const u = L(DECAY_TABLE_COLUMNS - 2);
      expect(lookUp(flat, 220e3, u) / Math.exp(L(DECAY_TABLE_COLUMNS - 2))).toBeCloseTo(1, 12);
    });
  });

  describe('storage', () => {
    it('16-bit round trip within half a quantum (1/8192), clamped to [−8, 8)', () => {
      const rows = Array.from({ length: DECAY_TABLE_ROWS }, (_, i) =>
        Float64Array.from({ length: DECAY_TABLE_COLUMNS }, (_, k) => L(k) + c(i)),
      );
      rows[0]![0] = 9; // beyond the range: the largest code, 65535/4096 − 8
      rows[0]![1] = -9; // below: code 0, −8
      const back = decodeDecayTable(encodeDecayTable(rows));
      expect(back[0]).toBe(65535 / 4096 - 8);
      expect(back[1]).toBe(-8);
      let worst = 0;
      for (let i = 0; i < DECAY_TABLE_ROWS; i++)
        for (let k = i === 0 ? 2 : 0; k < DECAY_TABLE_COLUMNS; k++)
          worst = Math.max(worst, Math.abs(back[i * DECAY_TABLE_COLUMNS + k]! - (L(k) + c(i))));
      expect(worst).toBeLessThanOrEqual(1 / 8192);
      expect(worst).toBeGreaterThan(0);
    });

    it('data of the wrong size is refused', () => {
      expect(() => decodeDecayTable(Buffer.alloc(10).toString('base64'))).toThrow(
        /decay table: stored data does not match the table grid \(regenerate it\)/,
      );
    });
  });

  describe('worstDecayTableRow on a closed-form oracle', () => {
    it('recovers u*_k = L_k + c by bisection (to the 0.02/2²⁴ bracket)', () => {
      const row = worstDecayTableRow(700e3, (_h, u) => Math.exp(u - 0.24));
      expect(row.length).toBe(DECAY_TABLE_COLUMNS);
      for (const k of [0, 1, 100, 530]) expect(Math.abs(row[k]! - (L(k) + 0.24))).toBeLessThan(1e-8);
    });

    it('the altitude reaches the oracle', () => {
      const row = worstDecayTableRow(900e3, (h, u) => Math.exp(u - h / 1e7));
      expect(Math.abs(row[0]! - (L(0) + 0.09))).toBeLessThan(1e-8);
    });

    it('refuses an oracle whose decay at the start of the march already exceeds the first column', () => {
      // the march starts at ln 0.05 − 4.6: T = exp(u + 5) is above 0.05 yr there
      expect(() => worstDecayTableRow(700e3, (_h, u) => Math.exp(u + 5))).toThrow(
        /decay table: the march starts above the first column at 700000 m/,
      );
    });
  });
});
