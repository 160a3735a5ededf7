/**
 * `mixed1`: the project's own constrained mixed-integer benchmark with an analytic front (ZDT-style, in
 * the spirit of Deb 2001 §9.6's problem construction): a real position x, two real distance variables z,
 * an integer n and a categorical shape, three constraints, roughly a third of the box feasible (like the
 * flagship study).
 *   x ∈ [0, 1] (real), z1, z2 ∈ [-1, 1] (real), n ∈ {0, …, 6} (int), shape ∈ {convex, linear, concave} (choice)
 *   g(z, n) = 1 + z1² + z2² + 0.1 (n - 3)²
 *   h(x) = 1 - √x (convex), 1 - x (linear), 1 - x² (concave)
 *   min f1 = x,  min f2 = g h(x)
 *   s.t. c1 = [shape = convex] (0.25 - x) <= 0     (the convex shape needs x >= 0.25)
 *        c2 = z1 + z2 - 0.5 <= 0
 *        c3 = n - 2 - 2x <= 0                        (n = 3 needs x >= 0.5)
 * Front: three disconnected pieces, f1 ∈ [0, 1], f2 ∈ [0, 1.1]; feasible share of the box 0.334.
 * Derivation of the front and the feasible share: docs/algorithms.md §"mixed1".
 */
import type { Evaluation, Problem, VariableSpec } from '../types.js';
import {
  constraintsSpec,
  fixedVariables,
  halfOpen,
  linspace,
  objectivesSpec,
  ok,
  thin2d,
  twoObjectives,
  type FrontBounds,
  type SizeOptions,
} from './common.js';

export const MIXED_NAMES = ['mixed1'] as const;
export type MixedName = (typeof MIXED_NAMES)[number];

export const MIXED1_SHAPES = ['convex', 'linear', 'concave'] as const;

const VARIABLES: readonly VariableSpec[] = [
  { kind: 'real', name: 'x', lower: 0, upper: 1 },
  { kind: 'real', name: 'z1', lower: -1, upper: 1 },
  { kind: 'real', name: 'z2', lower: -1, upper: 1 },
  { kind: 'int', name: 'n', lower: 0, upper: 6 },
  { kind: 'choice', name: 'shape', options: MIXED1_SHAPES },
];

function shapeValue(shape: number, x: number): number {
  return shape === 0 ? 1 - Math.sqrt(x) : shape === 1 ? 1 - x : 1 - x * x;
}

export function createMixed(name: MixedName, options: SizeOptions): Problem {
  twoObjectives(name, options.objectives);
  fixedVariables(name, options.variables, VARIABLES.length);
  const evaluate = (v: Float64Array): Evaluation => {
    const [x, z1, z2, n, shape] = [v[0]!, v[1]!, v[2]!, v[3]!, v[4]!];
    if (!Number.isInteger(shape) || shape < 0 || shape > 2)
      return { status: 'failed', reason: `shape index ${shape} is not 0, 1 or 2` };
    const g = 1 + z1 * z1 + z2 * z2 + 0.1 * (n - 3) ** 2;
    return ok(
      Float64Array.of(x, g * shapeValue(shape, x)),
      Float64Array.of(shape === 0 ? 0.25 - x : 0, z1 + z2 - 0.5, n - 2 - 2 * x),
    );
  };
  return {
    name,
    variables: VARIABLES,
    objectives: objectivesSpec(2),
    constraints: constraintsSpec(['shape = convex needs x >= 0.25', 'z1 + z2 <= 0.5', 'n <= 2 + 2x']),
    evaluate,
  };
}

/** The three analytic pieces (see the header), about `points` points (default 1000). */
export function mixedFront(name: MixedName, m = 2, points = 1000): Float64Array[] {
  if (m !== 2) throw new RangeError(`${name} has 2 objectives, got m = ${m}`);
  const n = Math.max(1000, 10 * points);
  const pts: Float64Array[] = [];
  for (const x of halfOpen(0, 0.25, n)) pts.push(Float64Array.of(x, 1.1 * (1 - x)));
  for (const x of halfOpen(0.25, 0.5, n)) pts.push(Float64Array.of(x, 1.1 * (1 - Math.sqrt(x))));
  for (const x of linspace(0.5, 1, 2 * n)) pts.push(Float64Array.of(x, 1 - Math.sqrt(x)));
  return thin2d(pts, points);
}

export function mixedNormalization(): FrontBounds {
  return { ideal: [0, 0], nadir: [1, 1.1] };
}
