/** The benchmark tests' shared steps: build a problem by name and sizes, evaluate it at a point, compare vectors. */
import { expect } from 'vitest';
import { createBenchmarkProblem } from '../../../src/optimize/benchmarks/benchmarks.js';
import { constraintViolation, type Problem } from '../../../src/optimize/types.js';

/** The registry's problem `problem` with the given sizes (the defaults where omitted). */
export const P = (problem: string, objectives?: number, variables?: number): Problem =>
  createBenchmarkProblem({
    problem,
    ...(objectives !== undefined ? { objectives } : {}),
    ...(variables !== undefined ? { variables } : {}),
  });

/** Objectives, constraints and total violation at x; throws when the evaluation fails. */
export function run(problem: Problem, x: ArrayLike<number>): { f: number[]; g: number[]; cv: number } {
  const e = problem.evaluate(Float64Array.from(x));
  if (e.status !== 'ok') throw new Error(`evaluation failed: ${e.reason}`);
  return { f: Array.from(e.f), g: Array.from(e.g), cv: constraintViolation(e) };
}

/** Component-wise toBeCloseTo, same length. */
export function close(actual: readonly number[], expected: readonly number[], digits = 10): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((v, i) => expect(v, `component ${i}`).toBeCloseTo(expected[i]!, digits));
}

/** n values of 0.5 (the distance variables' optimum of the DTLZ-based problems). */
export const half = (n: number): number[] => new Array<number>(n).fill(0.5);
