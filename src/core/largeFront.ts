/**
 * The first front of more points than the dominator bitsets take (DOMINATOR_BITSETS_MAX_POINTS), m >= 4, no NaN, by
 * divide and conquer over the bitsets (./dominatorBitsets.ts), instead of ENS-BS, which compares each point with most
 * of a large first front (100,000 points near a 5-D sphere: 93 s).
 *
 * - A point is in the front of S1 ∪ S2 iff it is in the front of its own half and no point of the other half's front
 *   dominates it: a dominator in the other half is itself in that half's front or dominated by a point of it, which
 *   then dominates the point too (transitivity).
 * - The fronts of two antichains X and Y are checked against each other in pairs of pieces X_i ∪ Y_j, each pair at
 *   most `limit` points: neither set holds a dominated pair, so a row the bitsets mark dominated in a pair is
 *   dominated by the other set. A row found dominated drops out of the later pairs: it dominates no row of the
 *   other set (its dominator there would then dominate that row, inside an antichain).
 * - Identical rows do not dominate each other, so all copies stay, as in the bitsets and ENS-BS.
 *
 * Work: each pair costs what the bitsets cost for `limit` points; a front of n points needs ~(2 n / limit)^2 pairs,
 * the same quadratic order as one call on all of them would be. The unbounded archive of a long many-objective run
 * is where this runs (NSGA-III at population 6,400 on 5-objective DTLZ2: an archive of 103,000 designs merging a batch
 * of 201,000 after 87 generations, which ENS-BS and the ND-tree took 30 s over).
 */
import { DOMINATOR_BITSETS_MAX_POINTS, dominatorBitsetRanks, snapshotBlock, snapshotOrders } from './dominatorBitsets.js';
import { type Helper, sharedFloat64 } from './helperThread.js';
import { lexicographicOrder } from './lexicographicOrder.js';

/**
 * 1 for the rows of F (n rows, m >= 4 columns, no NaN) no other row dominates, 0 for the others. `antichain`: the
 * first rows known to be mutually non-dominated (an archive's entries), whose comparisons among each other are
 * skipped. `limit`: the most points one bitsets call takes (tests set it small).
 */
export function largeFrontMask(
  F: Float64Array, n: number, m: number, antichain = 0, limit = DOMINATOR_BITSETS_MAX_POINTS,
  /** A helper thread for each bitsets call (./helperThread.ts): the same mask, sooner. */
  helper: Helper | null = null,
): Uint8Array {
  if (!(limit >= 2)) throw new RangeError(`limit must be at least 2, got ${limit}`);
  if (antichain < 0 || antichain > n) throw new RangeError(`antichain must be within 0..${n}, got ${antichain}`);
  const range = (from: number, to: number): Int32Array => Int32Array.from({ length: to - from }, (_, t) => from + t);
  const rest = frontOf(F, m, range(antichain, n), limit, helper);
  const front = antichain > 0 ? cross(F, m, range(0, antichain), rest, limit, helper) : rest;
  const mask = new Uint8Array(n);
  for (const i of front) mask[i] = 1;
  return mask;
}

/** The rows of `rows` (indices into F) that no other of them dominates, in the order given. */
function frontOf(F: Float64Array, m: number, rows: Int32Array, limit: number, helper: Helper | null): Int32Array {
  if (rows.length <= limit) {
    const dominated = bitsetsDominated(F, m, rows, helper);
    return rows.filter((_, t) => dominated[t] === 0);
  }
  const half = rows.length >>> 1;
  return cross(F, m, frontOf(F, m, rows.subarray(0, half), limit, helper), frontOf(F, m, rows.subarray(half), limit, helper), limit, helper);
}

/** The rows of the antichains X and Y that no row of the other dominates (X's, then Y's, in their orders). */
function cross(F: Float64Array, m: number, X: Int32Array, Y: Int32Array, limit: number, helper: Helper | null): Int32Array {
  const deadX = new Uint8Array(X.length);
  const deadY = new Uint8Array(Y.length);
  // pieces of X and Y, each pair within the limit
  const pieceX = Math.max(1, Math.min(X.length, limit - Math.min(Y.length, limit >>> 1)));
  const pieceY = Math.max(1, limit - pieceX);
  const rows = new Int32Array(limit);
  // each row's set and position within it
  const from = new Int32Array(limit);
  for (let x0 = 0; x0 < X.length; x0 += pieceX) {
    for (let y0 = 0; y0 < Y.length; y0 += pieceY) {
      let k = 0;
      for (let t = x0; t < Math.min(X.length, x0 + pieceX); t++) {
        if (deadX[t]) continue;
        rows[k] = X[t]!;
        from[k++] = t;
      }
      const xs = k;
      for (let t = y0; t < Math.min(Y.length, y0 + pieceY); t++) {
        if (deadY[t]) continue;
        rows[k] = Y[t]!;
        from[k++] = t;
      }
      if (xs === 0 || xs === k) continue;
      const dominated = bitsetsDominated(F, m, rows.subarray(0, k), helper);
      for (let s = 0; s < k; s++) if (dominated[s]) (s < xs ? deadX : deadY)[from[s]!] = 1;
    }
  }
  const out = new Int32Array(X.length + Y.length - count(deadX) - count(deadY));
  let w = 0;
  for (let t = 0; t < X.length; t++) if (!deadX[t]) out[w++] = X[t]!;
  for (let t = 0; t < Y.length; t++) if (!deadY[t]) out[w++] = Y[t]!;
  return out;
}

function count(flags: Uint8Array): number {
  let c = 0;
  for (let i = 0; i < flags.length; i++) c += flags[i]!;
  return c;
}

/** 1 for each of `rows` another of them dominates (the bitsets' first-front search on their gathered rows). */
function bitsetsDominated(F: Float64Array, m: number, rows: Int32Array, helper: Helper | null): Int32Array {
  const k = rows.length;
  const sub = helper === null ? new Float64Array(k * m) : sharedFloat64(k * m);
  for (let t = 0; t < k; t++) sub.set(F.subarray(rows[t]! * m, rows[t]! * m + m), t * m);
  const ranks = new Int32Array(k);
  dominatorBitsetRanks(sub, k, m, lexicographicOrder(sub, k, m), ranks, true, snapshotBlock(k, m), snapshotOrders(k, m), k, helper);
  return ranks;
}
