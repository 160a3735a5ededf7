/**
 * Compiled view of a problem's decision variables for the operators: kind codes and bounds in
 * typed arrays, so the inner loops never touch the `VariableSpec` objects.
 * Encoding (see src/optimize/types.ts): real = value; int = integer value; choice = option index.
 */
import type { VariableSpec } from '../../src/optimize/types.js';

export const KIND_REAL = 0;
export const KIND_INT = 1;
export const KIND_CHOICE = 2;

export interface VariableLayout {
  readonly n: number;
  /** KIND_REAL, KIND_INT or KIND_CHOICE per variable. */
  readonly kind: Uint8Array;
  /** Lower bound (choice: 0; int: ceil(lower)). */
  readonly lower: Float64Array;
  /** Upper bound (choice: options - 1; int: floor(upper)). */
  readonly upper: Float64Array;
  /** True when some variable is an int or a choice. */
  readonly discrete: boolean;
}

export function compileLayout(variables: readonly VariableSpec[]): VariableLayout {
  const n = variables.length;
  if (n === 0) throw new RangeError('a problem needs at least one decision variable');
  const kind = new Uint8Array(n);
  const lower = new Float64Array(n);
  const upper = new Float64Array(n);
  let discrete = false;
  for (let i = 0; i < n; i++) {
    const v = variables[i]!;
    if (v.kind === 'choice') {
      if (v.options.length === 0) throw new RangeError(`variable ${v.name} has no options`);
      kind[i] = KIND_CHOICE;
      lower[i] = 0;
      upper[i] = v.options.length - 1;
      discrete = true;
    } else {
      const lo = v.kind === 'int' ? Math.ceil(v.lower) : v.lower;
      const hi = v.kind === 'int' ? Math.floor(v.upper) : v.upper;
      if (!(Number.isFinite(lo) && Number.isFinite(hi) && lo <= hi)) {
        throw new RangeError(`variable ${v.name} has invalid bounds [${v.lower}, ${v.upper}]`);
      }
      kind[i] = v.kind === 'int' ? KIND_INT : KIND_REAL;
      lower[i] = lo;
      upper[i] = hi;
      if (v.kind === 'int') discrete = true;
    }
  }
  return { n, kind, lower, upper, discrete };
}

/** Uniform random design: reals uniform in [lower, upper], ints and choices uniform over their values. */
export function randomDesign(layout: VariableLayout, rng: { next(): number; int(n: number): number }): Float64Array {
  const x = new Float64Array(layout.n);
  for (let i = 0; i < layout.n; i++) {
    const lo = layout.lower[i]!;
    const hi = layout.upper[i]!;
    if (layout.kind[i] === KIND_REAL) x[i] = lo + rng.next() * (hi - lo);
    else x[i] = lo + rng.int(hi - lo + 1);
  }
  return x;
}
