/**
 * The explorer's pick over its dataset (src/serve/app/pickPanel.ts `pickedRow`): which designs it weighs and in which
 * sense. The front is A = (1, 4), B = (2, 2), C = (4, 1) in the minimized sense, the second objective maximized (its
 * column holds −4, −2, −1 as the log does). By the hand calculation of test/serve/browserPick.test.ts, TOPSIS at equal
 * weights gives closeness A 0.5, B 2/3, C 0.5: B, and with B infeasible A and C tie, the lower position (A) winning.
 * Taken as given (not negated) the maximized column would put A at the ideal point (closeness 1).
 */
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/serve/app/data.js';
import { pickedRow } from '../../src/serve/app/pickPanel.js';
import { dim } from './dims.js';

/** Rows: a dominated design, A, B, C, a design of another run without the second objective. */
function dataset(status: readonly number[]): Dataset {
  const f1 = dim([5, 1, 2, 4, 0.5], { name: 'f1', sense: 'minimize' });
  const f2 = dim([-5, -4, -2, -1, NaN], { name: 'f2', sense: 'maximize' });
  return {
    runs: [],
    n: 5,
    failed: 0,
    dims: [f1, f2],
    run: Uint8Array.from([0, 0, 0, 0, 1]),
    index: Float64Array.from([10, 11, 12, 13, 0]),
    status: Uint8Array.from(status),
    front: Uint8Array.from([0, 1, 1, 1, 1]),
    union: Uint8Array.from([0, 1, 1, 1, 1]),
  };
}

describe('pickedRow', () => {
  it('weighs the front with every objective known, maximized ones negated', () => {
    expect(pickedRow(dataset([0, 0, 0, 0, 0]), { pick: 'topsis', weights: { f1: 1, f2: 1 } })).toBe(2);
  });

  it('admits feasible designs only, scales still set by the whole front', () => {
    expect(pickedRow(dataset([0, 0, 1, 0, 0]), { pick: 'topsis', weights: { f1: 1, f2: 1 } })).toBe(1);
    // lexicographic f2 first: the highest f2 (C, −1)
    expect(pickedRow(dataset([0, 0, 0, 0, 0]), { pick: 'lexicographic', order: ['f2', 'f1'] })).toBe(3);
  });

  it('picks nothing without a rule or without a feasible front design', () => {
    expect(pickedRow(dataset([0, 0, 0, 0, 0]), null)).toBe(-1);
    expect(pickedRow(dataset([0, 1, 1, 1, 0]), { pick: 'knee' })).toBe(-1);
  });
});
