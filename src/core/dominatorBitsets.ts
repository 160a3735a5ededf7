/**
 * Non-dominated ranks for 4 or more objectives from dominator bitsets (the idea of the dominance-degree
 * and merge sorts: Zhou et al., "Ranking vectors by means of the dominance degree matrix", IEEE TEVC 21(1),
 * 2017; Moreno et al., "Merge non-dominated sorting algorithm for many-objective optimization", IEEE
 * Trans. Cybern. 51(12), 2021), for the populations where ENS-BS compares each point with most of a large
 * first front (NSGA-III at 5 objectives: 12,800 points in a handful of fronts).
 *
 * Points are numbered by lexicographic position t, so every dominator of the point at t lies below t.
 * For objective j >= 1 the points are sorted by f_j and cut into blocks of 32; snapshot b of objective j
 * is the bitset of the points whose value first appears before position 32 b of that order. The
 * snapshot chosen for p holds every point with f_j <= p_j (and possibly a few more of p's block), so the
 * AND of the m - 1 snapshots, cut to positions below t, holds all of p's dominators; each candidate is
 * then checked with the definition. rank(p) = 1 + the largest rank of a dominator (0 without one),
 * which is the rank ENS-BS and front peeling give. The cost is about (m - 1) n^2 / 64 word operations
 * whatever the fronts, and (m - 1) (n / B) (n / 32) words of memory for blocks of B points: B = 32 while
 * that fits DOMINATOR_BITSETS_MAX_WORDS, else the smallest multiple of 32 that does (a coarser block only
 * adds candidates from p's own block, each still checked by the definition, so the ranks are the same).
 */

import { lexicographicOrder } from './lexicographicOrder.js';

/** Largest snapshot store (32-bit words, 16 MB) this method allocates: larger inputs get coarser snapshot blocks. */
export const DOMINATOR_BITSETS_MAX_WORDS = 1 << 22;
/**
 * Largest input this method takes (its time grows as n^2: ~0.5 s at this size in 5-D on the reference machine);
 * larger ones use ENS-BS (sorting) or the ND-tree (the archive).
 */
export const DOMINATOR_BITSETS_MAX_POINTS = 1 << 16;

/** Points per snapshot block for n points in m objectives: the smallest multiple of 32 within DOMINATOR_BITSETS_MAX_WORDS. */
export function snapshotBlock(n: number, m: number): number {
  const W = (n + 31) >>> 5;
  const maxSnapshots = Math.max(1, Math.floor(DOMINATOR_BITSETS_MAX_WORDS / ((m - 1) * W)));
  return 32 * Math.ceil(W / maxSnapshots);
}

/**
 * Sets ranks[row] for the n rows of F (m >= 2 columns, no NaN) given their lexicographic order
 * (`order[t]` = row at position t, ties by row); returns the number of fronts. With `firstFrontOnly`
 * a row's search stops at its first dominator: ranks are 0 (non-dominated) or 1.
 */
export function dominatorBitsetRanks(
  F: Float64Array, n: number, m: number, order: Int32Array, ranks: Int32Array, firstFrontOnly = false,
  /** Points per snapshot block, a multiple of 32 (tests set it; the default is the finest within the memory bound). */
  B = snapshotBlock(n, m),
): number {
  if (B % 32 !== 0 || B < 32) throw new RangeError(`snapshot block must be a positive multiple of 32, got ${B}`);
  const W = (n + 31) >>> 5;
  const J = m - 1;
  // snapshots per objective
  const S = Math.ceil(n / B);
  const { snapshots, block } = buildSnapshots(F, n, m, order, W, B, S);
  const rankAt = new Int32Array(n);
  let maxRank = -1;
  for (let t = 0; t < n; t++) {
    const p = order[t]!;
    // the snapshot offsets of the first four objectives (repeated when m < 5; an AND with itself is harmless)
    const a = (block[t]! - 1) * W;
    const b = J > 1 ? (S + block[n + t]! - 1) * W : a;
    const c = J > 2 ? (2 * S + block[2 * n + t]! - 1) * W : b;
    const e = J > 3 ? (3 * S + block[3 * n + t]! - 1) * W : c;
    const last = t >>> 5;
    const lastMask = (1 << (t & 31)) - 1;
    // no dominator can raise the rank beyond the highest so far (or, for the first front only, beyond any)
    const ceiling = firstFrontOnly ? Math.min(0, maxRank) : maxRank;
    // later positions first: they tend to hold the higher ranks, so the search often stops early
    let best = -1;
    for (let w = (t + 31) >>> 5; --w >= 0 && best < ceiling; ) {
      let d = snapshots[a + w]! & snapshots[b + w]! & snapshots[c + w]! & snapshots[e + w]!;
      for (let j = 4; j < J && d !== 0; j++) d &= snapshots[(j * S + block[j * n + t]! - 1) * W + w]!;
      if (w === last) d &= lastMask;
      while (d !== 0) {
        const bit = 31 - Math.clz32(d);
        d ^= 1 << bit;
        const q = (w << 5) | bit;
        if (rankAt[q]! > best && rowDominatesRow(F, m, order[q]!, p)) {
          best = rankAt[q]!;
          if (best >= ceiling) break;
        }
      }
    }
    const rank = firstFrontOnly ? (best >= 0 ? 1 : 0) : best + 1;
    rankAt[t] = rank;
    ranks[p] = rank;
    if (rank > maxRank) maxRank = rank;
  }
  return maxRank + 1;
}

function rowDominatesRow(F: Float64Array, m: number, i: number, j: number): boolean {
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

/**
 * block[j' n + t] (j' = j - 1) = 1 + ⌊(first position of p_j in the sorted f_j) / B⌋ for the point at
 * lexicographic position t; snapshot b (1-based, at (j' S + b - 1) W) = the points with block <= b.
 */
function buildSnapshots(
  F: Float64Array, n: number, m: number, order: Int32Array, W: number, B: number, S: number,
): { snapshots: Int32Array; block: Int32Array } {
  const J = m - 1;
  const snapshots = new Int32Array(J * S * W);
  const block = new Int32Array(J * n);
  const values = new Float64Array(n);
  const running = new Int32Array(W);
  for (let j = 0; j < J; j++) {
    for (let t = 0; t < n; t++) values[t] = F[order[t]! * m + j + 1]!;
    const sorted = lexicographicOrder(values, n, 1);
    const base = j * n;
    let groupStart = 0;
    for (let s = 0; s < n; s++) {
      if (s > 0 && values[sorted[s]!] !== values[sorted[s - 1]!]) groupStart = s;
      block[base + sorted[s]!] = Math.floor(groupStart / B) + 1;
    }
    // blocks grow along the sorted order: snapshot b adds the entries up to the last of block b
    running.fill(0);
    let s = 0;
    for (let b = 1; b <= S; b++) {
      for (; s < n && block[base + sorted[s]!]! <= b; s++) {
        const t = sorted[s]!;
        running[t >>> 5] = running[t >>> 5]! | (1 << (t & 31));
      }
      snapshots.set(running, (j * S + b - 1) * W);
    }
  }
  return { snapshots, block };
}
