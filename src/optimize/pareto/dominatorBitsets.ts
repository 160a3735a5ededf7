/**
 * Non-dominated ranks for 4 or more objectives from dominator bitsets (the idea of the dominance-degree
 * and merge sorts: Zhou et al., "Ranking vectors by means of the dominance degree matrix", IEEE TEVC 21(1),
 * 2017; Moreno et al., "Merge non-dominated sorting algorithm for many-objective optimization", IEEE
 * Trans. Cybern. 51(12), 2021), where ENS-BS compares each point with most of a large first front (in 4+
 * objectives most points of a population or an archive are mutually non-dominated).
 * Method: points ranked in lexicographic order; per objective k >= 1, sorted by f_k and cut into blocks of B, with a
 * bitset snapshot per block prefix; the AND of p's m - 1 snapshots, cut below p's position, holds all of p's
 * dominators (plus a few checked by the definition). rank(p) = 1 + the largest rank of a dominator (0 without one),
 * the rank ENS-BS and front peeling give.
 * Derivation, evidence and costs: docs/algorithms.md §"Dominator bitsets".
 */

import { lexicographicOrder } from './lexicographicOrder.js';

/** Largest snapshot store (32-bit words, 16 MB) this method allocates: larger inputs get coarser snapshot blocks. */
export const DOMINATOR_BITSETS_MAX_WORDS = 1 << 22;
/**
 * Largest input this method takes; larger ones use ENS-BS. Its time grows as n^2 and its blocks coarsen beyond
 * ~12,000 points (the memory bound).
 */
export const DOMINATOR_BITSETS_MAX_POINTS = 1 << 17;

/**
 * Smallest block from LARGE_INPUT_POINTS points on (below, 32): finer blocks cost more to build than they save in
 * candidate checks there (12,800 points of 5-objective DTLZ2, blocks of 32 / 128 / 512 points, build + scan, ms:
 * 13.4 + 6.8 / 7.3 + 5.4 / 7.4 + 7.5).
 */
const LARGE_INPUT_BLOCK = 128;
const LARGE_INPUT_POINTS = 4096;

/**
 * Points per snapshot block for n points in m objectives: the smallest multiple of 32 (at least LARGE_INPUT_BLOCK
 * from LARGE_INPUT_POINTS points on) whose (m - 1) ceil(n / B) W words (W = ceil(n / 32)) fit
 * DOMINATOR_BITSETS_MAX_WORDS.
 */
export function snapshotBlock(n: number, m: number): number {
  const W = (n + 31) >>> 5;
  const maxSnapshots = Math.max(1, Math.floor(DOMINATOR_BITSETS_MAX_WORDS / ((m - 1) * W)));
  return Math.max(n >= LARGE_INPUT_POINTS ? LARGE_INPUT_BLOCK : 32, 32 * Math.ceil(W / maxSnapshots));
}

/** The snapshots over n rows of F and each row's block of each objective k >= 1 (see the header). */
interface BitsetIndex {
  readonly W: number;
  readonly S: number;
  /** block[(k - 1) n + row] = 1 + ⌊(the row's position in the order by f_k) / B⌋. */
  readonly block: Int32Array;
  /** Snapshot b of objective k at ((k - 1) S + b - 1) W. */
  readonly snapshots: Int32Array;
}

function buildIndex(F: Float64Array, n: number, m: number, order: Int32Array, B: number): BitsetIndex {
  const W = (n + 31) >>> 5;
  const S = Math.ceil(n / B);
  const block = new Int32Array((m - 1) * n);
  const snapshots = new Int32Array((m - 1) * S * W);
  const values = new Float64Array(n);
  const running = new Int32Array(W);
  for (let k = 1; k < m; k++) {
    for (let t = 0; t < n; t++) values[t] = F[order[t]! * m + k]!;
    // lexicographic positions t by f_k, ties by t
    const byValue = lexicographicOrder(values, n, 1);
    const base = (k - 1) * n;
    running.fill(0);
    for (let s = 0; s < n; s++) {
      const t = byValue[s]!;
      block[base + order[t]!] = Math.floor(s / B) + 1;
      running[t >>> 5] = running[t >>> 5]! | (1 << (t & 31));
      if (s % B === B - 1 || s === n - 1) snapshots.set(running, ((k - 1) * S + Math.floor(s / B)) * W);
    }
  }
  return { W, S, block, snapshots };
}

/**
 * Sets ranks[row] for the n rows of F (m >= 2 columns, no NaN) given their lexicographic order
 * (`order[t]` = row at position t, ties by row); returns the number of fronts. With `firstFrontOnly`
 * a row's search stops at its first dominator: ranks are 0 (non-dominated) or 1. With `maxRanked` < n only the
 * first K fronts holding at least maxRanked rows are ranked (pymoo's n_stop_if_ranked; K is returned) and the other
 * rows get rank K: K is known once enough rows have ranks below it, and as ranks never change and a row's rank is
 * one more than its dominators' highest, every later row whose search meets a dominator of rank K - 1 or more
 * stops there.
 */
export function dominatorBitsetRanks(
  F: Float64Array,
  n: number,
  m: number,
  order: Int32Array,
  ranks: Int32Array,
  firstFrontOnly = false,
  /** Points per snapshot block, a multiple of 32 (tests set it; default snapshotBlock(n, m)). */
  B = snapshotBlock(n, m),
  maxRanked = n,
): number {
  if (B % 32 !== 0 || B < 32) throw new RangeError(`snapshot block must be a positive multiple of 32, got ${B}`);
  const x = buildIndex(F, n, m, order, B);
  const limited = !firstFrontOnly && maxRanked >= 1 && maxRanked < n;
  // rank by lexicographic position, -1 until ranked: a candidate's rank is read next to its bit
  const rankAt = new Int32Array(n).fill(-1);
  const offsets = new Int32Array(m - 1);
  let maxRank = -1;
  // ranks from `cap` on are not told apart (stored values at or above it, assigned before it came down, mean "cap")
  let cap = firstFrontOnly ? 1 : n + 1;
  // rows ranked below cap, per rank; their count
  const perRank = limited ? new Int32Array(n + 2) : null;
  let belowCap = 0;
  for (let t = 0; t < n; t++) {
    const p = order[t]!;
    for (let c = 0; c < m - 1; c++) offsets[c] = (c * x.S + x.block[c * n + p]! - 1) * x.W;
    const best = highestDominatorRank(F, m, order, x.snapshots, rankAt, offsets, p, t, Math.min(maxRank, cap - 1));
    const rank = Math.min(best + 1, cap);
    rankAt[t] = rank;
    ranks[p] = rank;
    if (rank > maxRank) maxRank = rank;
    if (perRank !== null && rank < cap) {
      perRank[rank]!++;
      belowCap++;
      // the fewest fronts that hold maxRanked rows so far (cap only comes down)
      while (belowCap - perRank[cap - 1]! >= maxRanked) belowCap -= perRank[--cap]!;
    }
  }
  if (firstFrontOnly) return maxRank + 1;
  if (cap <= maxRank) for (let i = 0; i < n; i++) if (ranks[i]! > cap) ranks[i] = cap;
  return Math.min(maxRank + 1, cap);
}

/**
 * The highest rank among the ranked dominators of row p (at lexicographic position t), -1 without one; the search
 * stops once it reaches `ceiling` (no dominator can matter beyond it). offsets: p's snapshot of each objective k >= 1.
 */
function highestDominatorRank(
  F: Float64Array,
  m: number,
  order: Int32Array,
  snapshots: Int32Array,
  rankAt: Int32Array,
  offsets: Int32Array,
  p: number,
  t: number,
  ceiling: number,
): number {
  const J = m - 1;
  // the first three snapshot offsets (repeated when m < 4: an AND with itself is harmless)
  const a = offsets[0]!;
  const b = J > 1 ? offsets[1]! : a;
  const c = J > 2 ? offsets[2]! : b;
  // later positions first: they tend to hold the higher ranks, so the search often stops early. The word holding
  // p's own position is cut below it; the words under it are ANDed in a tight loop until one is not zero.
  let best = -1;
  let w = t >>> 5;
  let d = (t & 31) === 0 ? 0 : snapshots[a + w]! & snapshots[b + w]! & snapshots[c + w]! & ((1 << (t & 31)) - 1);
  for (;;) {
    for (let j = 3; j < J && d !== 0; j++) d &= snapshots[offsets[j]! + w]!;
    while (d !== 0 && best < ceiling) {
      const bit = 31 - Math.clz32(d);
      d ^= 1 << bit;
      const s = (w << 5) | bit;
      if (rankAt[s]! > best && rowDominates(F, m, order[s]!, p)) best = rankAt[s]!;
    }
    if (w === 0 || best >= ceiling) break;
    while ((d = snapshots[a + --w]! & snapshots[b + w]! & snapshots[c + w]!) === 0 && w > 0);
  }
  return best;
}

/** Row i dominates row j of the flat matrix F with m columns. */
export function rowDominates(F: Float64Array, m: number, i: number, j: number): boolean {
  const oi = i * m;
  const oj = j * m;
  let better = false;
  for (let k = 0; k < m; k++) {
    const a = F[oi + k]!;
    const b = F[oj + k]!;
    if (a > b) return false;
    if (a < b) better = true;
  }
  return better;
}
