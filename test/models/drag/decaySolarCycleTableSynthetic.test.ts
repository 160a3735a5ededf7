/**
 * The table machinery of src/models/drag/decaySolarCycleTable.ts on synthetic oracles whose inverse is known in closed
 * form, so every expectation is exact: with T_worst(h, u) = exp(u − c(h)) the stored u* of column k is
 * L_k + c(h) (L_k = ln 0.05 + k/64), and the look-up must return exp(u − c̄) with c̄ blended linearly between rows.
 * The shipped table against the real integration is decaySolarCycleTable.test.ts.
 */
import { describe, expect, it } from 'vitest';
import {
  DECAY_TABLE_COLUMNS,
  DECAY_TABLE_MIN_LN_T,
  DECAY_TABLE_ROWS,
  decodeDecayTable,
  encodeDecayTable,
  worstDecayFromTable,
  worstDecayTableRow,
} from '../../../src/models/drag/decaySolarCycleTable.js';

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
