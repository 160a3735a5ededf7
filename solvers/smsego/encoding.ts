/**
 * Surrogate inputs with unordered categories: reals and integers become one coordinate in [0, 1]
 * ((x − lower) / (upper − lower), an integer on its value, i.e. ordered), and a choice of k options becomes k one-hot
 * coordinates, 1/√2 at the chosen option and 0 elsewhere. Two different options are then at squared distance 1 (the
 * same as the two ends of a real variable's range) whichever their indices: the Matérn kernel on this encoding sees a
 * choice as a set of categories, not as ordered indices (the one-hot kernel of Garrido-Merchán & Hernández-Lobato,
 * Neurocomputing 380, 2020, without their rounding step, which is not needed here because the infill search moves on
 * valid designs only). Each one-hot coordinate has its own length scale (ARD). A choice with one option adds nothing.
 */
import { KIND_CHOICE, type VariableLayout } from '../operators/layout.js';

const ONE_HOT = Math.SQRT1_2;

export interface SurrogateEncoding {
  /** Number of surrogate coordinates. */
  readonly d: number;
  /** First coordinate of each variable. */
  readonly offset: Int32Array;
}

export function compileEncoding(layout: VariableLayout): SurrogateEncoding {
  const offset = new Int32Array(layout.n);
  let d = 0;
  for (let j = 0; j < layout.n; j++) {
    offset[j] = d;
    d += layout.kind[j] === KIND_CHOICE ? layout.upper[j]! + 1 : 1;
  }
  return { d, offset };
}

/** A design's surrogate coordinates, written at out[at … at + d). */
export function encode(
  layout: VariableLayout,
  enc: SurrogateEncoding,
  x: Float64Array,
  out: Float64Array,
  at = 0,
): void {
  for (let j = 0; j < layout.n; j++) {
    const o = at + enc.offset[j]!;
    const lo = layout.lower[j]!;
    const hi = layout.upper[j]!;
    if (layout.kind[j] === KIND_CHOICE) {
      for (let c = 0; c <= hi; c++) out[o + c] = c === x[j] ? ONE_HOT : 0;
    } else out[o] = hi > lo ? (x[j]! - lo) / (hi - lo) : 0.5;
  }
}

/** Row-major matrix of the surrogate coordinates of designs. */
export function encodeAll(layout: VariableLayout, enc: SurrogateEncoding, xs: readonly Float64Array[]): Float64Array {
  const X = new Float64Array(xs.length * enc.d);
  xs.forEach((x, i) => encode(layout, enc, x, X, i * enc.d));
  return X;
}
