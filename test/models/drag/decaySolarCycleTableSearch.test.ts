/**
 * The column search of worstDecayFromTable (src/models/drag/decaySolarCycleTable.ts) on a table whose u* is curved in
 * the
 * column index, u*_k = g(L_k) = L_k + 0.05·L_k² (rising for L > −10; L_k = ln 0.05 + k/64 ∈ [−3.0, 5.3]): the look-up
 * is the exact inverse of the piecewise-linear interpolant, so u = g(L_k) gives exp(L_k) and the midpoint of
 * g(L_k), g(L_{k+1}) gives exp((L_k + L_{k+1})/2), which a search that stopped at the wrong column pair (and
 * extrapolated its line) would miss. Also the refusal of an oracle already at the first column's decay.
 */
import { describe, expect, it } from 'vitest';
import {
  DECAY_TABLE_COLUMNS,
  DECAY_TABLE_MIN_LN_T,
  DECAY_TABLE_ROWS,
  worstDecayFromTable,
  worstDecayTableRow,
} from '../../../src/models/drag/decaySolarCycleTable.js';

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
