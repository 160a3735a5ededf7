/**
 * Mixed variables for the surrogate: the GP sees every variable relaxed to a continuous coordinate in [0, 1]
 *   real: (x − lower) / (upper − lower);  int: the same on the integer value;  choice: index / (options − 1),
 * so integers and choices are treated as ordered (a choice's options are assumed ordered by their index: an
 * approximation for unordered categories, where a one-hot or categorical kernel would be exact). Designs are never
 * relaxed: the infill search and the space-filling start propose only valid designs (integers whole, choice indices
 * in range), rounding where they map from [0, 1] back to a variable (`fromUnit`).
 */
import { KIND_REAL, type VariableLayout } from '../operators/layout.js';

/** x (a design) → its relaxed coordinates in [0, 1]^n, written at out[offset …]. */
export function toUnit(layout: VariableLayout, x: Float64Array, out: Float64Array, offset = 0): void {
  for (let j = 0; j < layout.n; j++) {
    const lo = layout.lower[j]!;
    const hi = layout.upper[j]!;
    out[offset + j] = hi > lo ? (x[j]! - lo) / (hi - lo) : 0.5;
  }
}

/**
 * u ∈ [0, 1)^n → a valid design: reals scaled; ints and choices take the value of the stratum u falls in (rounding).
 */
export function fromUnit(layout: VariableLayout, u: ArrayLike<number>): Float64Array {
  const x = new Float64Array(layout.n);
  for (let j = 0; j < layout.n; j++) {
    const lo = layout.lower[j]!;
    const hi = layout.upper[j]!;
    const v = Math.min(Math.max(u[j]!, 0), 1);
    x[j] = layout.kind[j] === KIND_REAL ? lo + v * (hi - lo) : Math.min(hi, lo + Math.floor(v * (hi - lo + 1)));
  }
  return x;
}

/** Row-major matrix of the relaxed coordinates of designs. */
export function unitMatrix(layout: VariableLayout, xs: readonly Float64Array[]): Float64Array {
  const X = new Float64Array(xs.length * layout.n);
  xs.forEach((x, i) => toUnit(layout, x, X, i * layout.n));
  return X;
}
