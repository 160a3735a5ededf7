import type { LpResult } from '../../src/optimize/lp.js';

/** The result of an LP solver that did not solve: its status, name and model size, no solution, `message` if given. */
export const failedLp = (
  status: LpResult['status'],
  solver: string,
  rows: number,
  cols: number,
  message?: string,
): LpResult => ({
  status,
  objective: NaN,
  x: new Float64Array(0),
  solver,
  rows,
  cols,
  ...(message === undefined ? {} : { message }),
});
