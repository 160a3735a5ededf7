/**
 * Which rows of a set A some row of another set B dominates (Pareto dominance, minimized), through first fronts
 * instead of comparing every pair (`odc compare`'s "not dominated by others": two 5-objective fronts of ~40,000
 * designs took 25 s pair by pair).
 *
 * - A row of B that dominates a has a non-dominated dominator in B (follow dominators up: the relation is a strict
 *   partial order on a finite set), so B can be cut to its first front B*.
 * - A's first front A0 holds no dominated pair, so a in A0 is dominated by B* exactly when a is not in the first
 *   front of A0 ∪ B*. Identical rows do not dominate each other, here as in `dominates`.
 * - A's other rows (none when A is a Pareto front) are the same question one front further: compared with B* pair
 *   by pair when that is cheap, else peeled again.
 * Rows with a NaN have no order for the fronts' sorts: with one, every pair is compared (`dominates`).
 */
import { hasNaN, nonDominatedMask, rowDominates } from './dominance.js';

/** Pairs compared directly rather than through another front (a few tens of ms). */
const DIRECT_PAIRS = 1 << 24;

/**
 * result[i] = 1 when some row of B (nB rows of m columns) dominates row i of A (nA rows), else 0. `directPairs`: the
 * most pairs compared one by one instead of through another front (tests set 0 to take the fronts everywhere).
 */
export function dominatedByMask(
  A: Float64Array,
  nA: number,
  B: Float64Array,
  nB: number,
  m: number,
  directPairs = DIRECT_PAIRS,
): Uint8Array {
  const out = new Uint8Array(nA);
  if (nA === 0 || nB === 0) return out;
  if (hasNaN(A, nA * m) || hasNaN(B, nB * m)) {
    direct(A, allRows(nA), B, nB, m, out);
    return out;
  }
  const frontB = nonDominatedMask(B, nB, m);
  const Bs = rowsOf(B, m, indicesOf(frontB, 1));
  dominatedByFront(A, allRows(nA), Bs, Bs.length / m, m, directPairs, out);
  return out;
}

/** Sets out[rows[t]] for the rows of A that a row of the antichain Bs (nBs rows) dominates. */
function dominatedByFront(
  A: Float64Array,
  rows: Int32Array,
  Bs: Float64Array,
  nBs: number,
  m: number,
  directPairs: number,
  out: Uint8Array,
): void {
  if (rows.length === 0) return;
  if (rows.length * nBs <= directPairs) {
    direct(A, rows, Bs, nBs, m, out);
    return;
  }
  const sub = rowsOf(A, m, rows);
  const own = nonDominatedMask(sub, rows.length, m);
  const front = indicesOf(own, 1);
  // A0 first, then B*: the rows of A0 not in the union's front are dominated by B*
  const U = new Float64Array((front.length + nBs) * m);
  U.set(rowsOf(sub, m, front));
  U.set(Bs, front.length * m);
  const inUnion = nonDominatedMask(U, front.length + nBs, m);
  for (let t = 0; t < front.length; t++) if (inUnion[t] === 0) out[rows[front[t]!]!] = 1;
  const rest = indicesOf(own, 0);
  dominatedByFront(
    A,
    Int32Array.from(rest, (t) => rows[t]!),
    Bs,
    nBs,
    m,
    directPairs,
    out,
  );
}

/** out[rows[t]] = 1 when a row of B dominates it, every pair compared. */
function direct(A: Float64Array, rows: Int32Array, B: Float64Array, nB: number, m: number, out: Uint8Array): void {
  // A's rows and B's in one matrix for rowDominates: B's rows first, then the row of A at nB
  const F = new Float64Array((nB + 1) * m);
  F.set(B.subarray(0, nB * m));
  for (const i of rows) {
    F.set(A.subarray(i * m, i * m + m), nB * m);
    for (let j = 0; j < nB; j++) {
      if (rowDominates(F, m, j, nB)) {
        out[i] = 1;
        break;
      }
    }
  }
}

const allRows = (n: number): Int32Array => Int32Array.from({ length: n }, (_, i) => i);

/** Positions t with mask[t] === value, ascending. */
function indicesOf(mask: Uint8Array, value: number): Int32Array {
  let count = 0;
  for (let t = 0; t < mask.length; t++) if (mask[t] === value) count++;
  const out = new Int32Array(count);
  for (let t = 0, c = 0; t < mask.length; t++) if (mask[t] === value) out[c++] = t;
  return out;
}

/** The rows `rows` of F (m columns), in that order, as a new matrix. */
function rowsOf(F: Float64Array, m: number, rows: Int32Array): Float64Array {
  const out = new Float64Array(rows.length * m);
  for (let t = 0; t < rows.length; t++) out.set(F.subarray(rows[t]! * m, rows[t]! * m + m), t * m);
  return out;
}
