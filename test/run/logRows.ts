/** A logged evaluation from plain arrays, for the run-log tests (cv: the largest g above 0, Infinity when failed). */
import type { LoggedEvaluation } from '../../src/run/log.js';

export const row = (
  index: number,
  generation: number,
  x: number[],
  f: number[],
  g: number[],
  failure: string | null = null,
): LoggedEvaluation => ({
  index,
  generation,
  x: Float64Array.from(x),
  f: Float64Array.from(f),
  g: Float64Array.from(g),
  cv: failure !== null ? Infinity : Math.max(0, ...g),
  failure,
});
