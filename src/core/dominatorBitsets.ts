/**
 * Non-dominated ranks for 4 or more objectives from dominator bitsets (the idea of the dominance-degree
 * and merge sorts: Zhou et al., "Ranking vectors by means of the dominance degree matrix", IEEE TEVC 21(1),
 * 2017; Moreno et al., "Merge non-dominated sorting algorithm for many-objective optimization", IEEE
 * Trans. Cybern. 51(12), 2021), for the populations where ENS-BS compares each point with most of a large
 * first front (NSGA-III at 5 objectives: 12,800 points in a handful of fronts).
 *
 * Each objective j gives an order of the points in which every dominator of a point comes before it: order 0 is the
 * lexicographic order of the rows, order j > 0 sorts by a bucket of f_j (a monotone quantization, see
 * `objectiveOrders`), ties by lexicographic position (q dominating p has f_j(q) <= f_j(p), so a bucket no later than
 * p's, and comes lexicographically before p). For each order j and each other objective k, snapshot b is the bitset
 * (numbered by positions in order j) of the points among the first B b of order k. The points are ranked in
 * lexicographic order (every dominator of p is ranked before p). For p, the order j in which p comes earliest
 * is taken: the AND of the m - 1 snapshots that hold p's block of every other objective, cut to positions
 * below p's, holds all of p's dominators (and possibly a few more from p's blocks and buckets, each checked with the
 * definition; points not ranked yet cannot dominate p). rank(p) = 1 + the largest rank of a dominator (0
 * without one), the rank ENS-BS and front peeling give.
 *
 * Why m orders: a point of a mostly non-dominated set scans every word below its position. With the
 * lexicographic order alone that is n / 2 positions on average; with the earliest of m orders it is the
 * smallest of its m ranks (12,800 points of 5-objective DTLZ2 under NSGA-III: 0.16 n on average). Measured
 * against the single order, same process and inputs (test/bench/nsga3-large.ts and 5-D sphere sets): NSGA-III's
 * 12,800 merged points 20-31 -> 14-21 ms, 20,000 points 64 -> 41 ms, 60,000 points 555 -> 268 ms. The
 * orders pay from MULTI_ORDER_MIN_POINTS points on; below, the lexicographic order is the only one. The
 * memory is orders (m - 1) (n / B) (n / 32) words; the block is as small as DOMINATOR_BITSETS_MAX_WORDS allows,
 * and at least MIN_SNAPSHOT_BLOCK points with m orders (a coarser block only adds candidates from p's own blocks, each
 * still checked by the definition, so the ranks are the same).
 */

import { type Helper, type HelperTask, helperChunks, onSharedMemory, runChunked, sharedInt32 } from './helperThread.js';
import { lexicographicOrder } from './lexicographicOrder.js';

/** Largest snapshot store (32-bit words, 16 MB) this method allocates: larger inputs get coarser snapshot blocks. */
export const DOMINATOR_BITSETS_MAX_WORDS = 1 << 22;
/**
 * Largest input this method takes; larger ones use ENS-BS (sorting) or the ND-tree (the archive). Its time grows as
 * n^2 and its blocks coarsen beyond ~12,000 points (the memory bound), yet at this size it still beats both, measured
 * on the reference machine: full ranks of 100,000 points, uniform in 4-D (40 fronts) 3.4 s against ENS-BS's 8.3 s,
 * uniform in 5-D (22 fronts) 2.3 s against 15.4 s, near a 5-D sphere (2 fronts) 0.52 s against 93 s; the first front
 * of 131,072 points near a 5-D sphere 0.59 s, where the ND-tree takes ~100 µs per design offered (150,000 offers to
 * a 5-objective archive, read every 6,400: 14 s).
 */
export const DOMINATOR_BITSETS_MAX_POINTS = 1 << 17;
/**
 * Smallest default block. Finer blocks cost more to build than they save in candidate checks: 12,800 points
 * of 5-objective DTLZ2, blocks of 32 / 128 / 512 points, build + scan (ms) 13.4 + 6.8 / 7.3 + 5.4 / 7.4 + 7.5.
 */
export const MIN_SNAPSHOT_BLOCK = 128;
/**
 * Fewest points for which the m orders are used; below, the lexicographic order alone with blocks of 32 (building
 * m (m - 1) snapshot sets costs more than the shorter scans save: 5-D sphere sets, µs per call, one order
 * against m, 424 points 155 / 244, 2,000 points 869 / 1,147, 4,000 points 2,577 / 2,698, 8,000 points 7,056 / 6,244).
 */
export const MULTI_ORDER_MIN_POINTS = 4096;

/**
 * Working arrays kept between calls (their contents are always written before they are read): a fresh array of a
 * few hundred kB to a few MB is new memory to the process, zeroed page by page on first touch, which cost ~1 ms per
 * sort of 12,800 points in 5 objectives. Arrays above SCRATCH_MAX_WORDS are allocated per call and not kept.
 */
const SCRATCH_MAX_WORDS = 1 << 20;
const [RANK_AT, ORD, POS, BLOCK, BUCKET, COUNTS, SNAPSHOTS] = [0, 1, 2, 3, 4, 5, 6];
const scratchArrays: Int32Array[] = Array.from({ length: 7 }, () => new Int32Array(0));

/**
 * The working array `slot` with `length` words (not cleared). On shared memory, so a helper thread can build and
 * read shares of the orders and snapshots (./helperThread.ts); typed arrays on a SharedArrayBuffer read and write
 * as fast as any.
 */
function scratch(slot: number, length: number): Int32Array {
  if (length > SCRATCH_MAX_WORDS) return sharedInt32(length);
  const kept = scratchArrays[slot]!;
  if (kept.length < length) scratchArrays[slot] = sharedInt32(Math.min(SCRATCH_MAX_WORDS, Math.max(length, 2 * kept.length)));
  return scratchArrays[slot]!.subarray(0, length);
}

/** Orders used for n points in m objectives: m from MULTI_ORDER_MIN_POINTS on, else 1 (the lexicographic). */
export const snapshotOrders = (n: number, m: number): number => (n >= MULTI_ORDER_MIN_POINTS ? m : 1);

/**
 * Points per snapshot block for n points in m objectives: the smallest multiple of 32 (at least MIN_SNAPSHOT_BLOCK
 * with m orders) whose orders (m - 1) ceil(n / B) W words (W = ceil(n / 32)) fit DOMINATOR_BITSETS_MAX_WORDS.
 */
export function snapshotBlock(n: number, m: number): number {
  const W = (n + 31) >>> 5;
  const orders = snapshotOrders(n, m);
  const maxSnapshots = Math.max(1, Math.floor(DOMINATOR_BITSETS_MAX_WORDS / (orders * (m - 1) * W)));
  return Math.max(orders > 1 ? MIN_SNAPSHOT_BLOCK : 32, 32 * Math.ceil(W / maxSnapshots));
}

/**
 * Sets ranks[row] for the n rows of F (m >= 2 columns, no NaN) given their lexicographic order
 * (`order[t]` = row at position t, ties by row); returns the number of fronts. With `firstFrontOnly`
 * a row's search stops at its first dominator: ranks are 0 (non-dominated) or 1. With `maxRanked` < n only the
 * first K fronts holding at least maxRanked rows are ranked (pymoo's n_stop_if_ranked; K is returned) and the other
 * rows get rank K: K is known once enough rows have ranks below it, and as ranks never change and a row's rank is
 * one more than its dominators' highest, every later row whose search meets a dominator of rank K - 1 or more
 * stops there (early NSGA-III generations at population 6,400 and 5 objectives: 4 of 12 fronts are needed).
 */
export function dominatorBitsetRanks(
  F: Float64Array, n: number, m: number, order: Int32Array, ranks: Int32Array, firstFrontOnly = false,
  /** Points per snapshot block, a multiple of 32 (tests set it; default snapshotBlock(n, m)). */
  B = snapshotBlock(n, m),
  /** Orders used, 1 (the lexicographic alone) or m (tests set it; default snapshotOrders(n, m)). */
  orders = snapshotOrders(n, m),
  maxRanked = n,
  /**
   * A helper thread (./helperThread.ts) for shares of the orders, the snapshots, a first-front scan (each row's
   * search for any dominator is independent of the others') and, under a cut, up to MAX_SHARED_PEELS more fronts;
   * used only when ready. The ranks are the same with it or without it.
   */
  maybeHelper: Helper | null = null,
): number {
  if (B % 32 !== 0 || B < 32) throw new RangeError(`snapshot block must be a positive multiple of 32, got ${B}`);
  if (orders !== 1 && orders !== m) throw new RangeError(`orders must be 1 or m = ${m}, got ${orders}`);
  // a helper still starting (or busy) is no help: the shared scan and peels do more work in all than the loop below
  const helper = maybeHelper !== null && maybeHelper.ready ? maybeHelper : null;
  const x = buildIndex(F, n, m, order, B, orders, helper);
  const pos = x.pos;
  const J = m - 1;
  // with a helper, the first front is found first, on both threads: those rows' searches (the longest, to the first
  // position: no dominator stops them) are then skipped, and when they are enough, nothing else is searched; under a
  // cut, the next fronts are peeled on both threads too (MAX_SHARED_PEELS)
  let known: Int32Array | null = null;
  const limited = !firstFrontOnly && maxRanked >= 1 && maxRanked < n;
  if (helper !== null) {
    const rankOf = sharedInt32(n).fill(-1);
    const mask = new Uint8Array(new SharedArrayBuffer(n));
    const chunks = Math.ceil(n / SCAN_CHUNK_ROWS);
    runChunked(helper, { kind: SCAN_TASK, index: x, mask, left: null }, chunks, (c) => scanChunk(x, c, mask, null));
    let ranked = 0;
    for (let i = 0; i < n; i++) {
      if (mask[i] === 0) continue;
      rankOf[i] = 0;
      ranked++;
    }
    if (firstFrontOnly || (limited && ranked >= maxRanked)) {
      // (see the end of this function: with a cap of 1, the other rows get rank 1)
      for (let i = 0; i < n; i++) ranks[i] = rankOf[i] === 0 ? 0 : 1;
      return firstFrontOnly && ranked < n ? 2 : 1;
    }
    let fronts = 1;
    if (limited) {
      const left: Unranked = { rankOf, bits: sharedInt32(orders * x.W) };
      for (let i = 0; i < n; i++) if (rankOf[i]! < 0) for (let j = 0; j < orders; j++) setBit(left.bits, j * x.W, pos[j * n + i]!);
      for (; ranked < maxRanked && fronts <= MAX_SHARED_PEELS; fronts++) {
        runChunked(helper, { kind: SCAN_TASK, index: x, mask, left }, chunks, (c) => scanChunk(x, c, mask, left));
        // the front's rows leave only now: within a peel every row is searched against the same rows left
        for (let i = 0; i < n; i++) {
          if (rankOf[i]! >= 0 || mask[i] === 0) continue;
          rankOf[i] = fronts;
          ranked++;
          for (let j = 0; j < orders; j++) clearBit(left.bits, j * x.W, pos[j * n + i]!);
        }
      }
      if (ranked >= maxRanked) {
        // fronts 0 .. fronts - 1 hold maxRanked rows (the fewest that do); the others get rank `fronts`
        for (let i = 0; i < n; i++) ranks[i] = rankOf[i]! >= 0 ? rankOf[i]! : fronts;
        return fronts;
      }
    }
    known = rankOf;
  }
  // rank by position in each order used (rankAt[j n + s]), -1 until ranked: a candidate's rank is read next to
  // its bit, before its row is looked up
  const rankAt = scratch(RANK_AT, orders * n).fill(-1);
  // the search's snapshot offsets and (last) its order: see searchStart
  const offsets = new Int32Array(J + 1);
  let maxRank = -1;
  // ranks from `cap` on are not told apart (stored values at or above it, assigned before it came down, mean "cap")
  let cap = firstFrontOnly ? 1 : n + 1;
  // rows ranked below cap, per rank; their count
  const perRank = limited ? new Int32Array(n + 2) : null;
  let belowCap = 0;
  for (let t = 0; t < n; t++) {
    const p = order[t]!;
    const best = known !== null && known[p]! >= 0 ? known[p]! - 1 : highestDominatorRank(x, rankAt, offsets, p, t, Math.min(maxRank, cap - 1));
    const rank = Math.min(best + 1, cap);
    for (let j = 0; j < orders; j++) rankAt[j * n + pos[j * n + p]!] = rank;
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
 * Where row p's search starts (p at position t of the lexicographic order): the order jp in which p comes earliest
 * (the lowest j on a tie), stored in offsets[m - 1]; offsets[c] = the snapshot of the c-th other objective holding
 * p's block, in order jp; returns p's position tp in order jp (the search runs over the positions below it).
 */
function searchStart(x: BitsetIndex, offsets: Int32Array, p: number, t: number): number {
  const { n, m, orders, W, S, pos, block } = x;
  const J = m - 1;
  let jp = 0;
  let tp = t;
  for (let j = 1; j < orders; j++) {
    const at = pos[j * n + p]!;
    if (at < tp) {
      tp = at;
      jp = j;
    }
  }
  for (let k = 0, c = 0; k < m; k++) if (k !== jp) offsets[c] = ((jp * J + c++) * S + block[k * n + p]! - 1) * W;
  offsets[J] = jp;
  return tp;
}

/**
 * The highest rank among the ranked dominators of row p (at position t of the lexicographic order), -1 without one;
 * the search stops once it reaches `ceiling` (no dominator can matter beyond it).
 */
function highestDominatorRank(x: BitsetIndex, rankAt: Int32Array, offsets: Int32Array, p: number, t: number, ceiling: number): number {
  const { F, n, m, ord, snapshots } = x;
  const J = m - 1;
  const tp = searchStart(x, offsets, p, t);
  const jp = offsets[J]!;
  // the first four snapshot offsets (repeated when m < 5; an AND with itself is harmless)
  const a = offsets[0]!;
  const b = offsets[1]!;
  const c = J > 2 ? offsets[2]! : b;
  const e = J > 3 ? offsets[3]! : c;
  const base = jp * n;
  // later positions first: they tend to hold the higher ranks, so the search often stops early. The word holding
  // p's own position is cut below it; the words under it are ANDed in a tight loop until one is not zero.
  let best = -1;
  let w = tp >>> 5;
  let d = (tp & 31) === 0 ? 0 : snapshots[a + w]! & snapshots[b + w]! & snapshots[c + w]! & snapshots[e + w]! & ((1 << (tp & 31)) - 1);
  for (;;) {
    for (let j = 4; j < J && d !== 0; j++) d &= snapshots[offsets[j]! + w]!;
    while (d !== 0 && best < ceiling) {
      const bit = 31 - Math.clz32(d);
      d ^= 1 << bit;
      const s = base + ((w << 5) | bit);
      if (rankAt[s]! > best && rowDominatesRow(F, m, ord[s]!, p)) best = rankAt[s]!;
    }
    if (w === 0 || best >= ceiling) break;
    while ((d = snapshots[a + --w]! & snapshots[b + w]! & snapshots[c + w]! & snapshots[e + w]!) === 0 && w > 0);
  }
  return best;
}

/** The orders and snapshots over n rows of F (see columnRange and snapshotRange), on shared memory. */
export interface BitsetIndex {
  readonly F: Float64Array;
  readonly n: number;
  readonly m: number;
  /** The lexicographic order of the rows. */
  readonly order: Int32Array;
  /** Points per snapshot block, orders used, words per snapshot, snapshots per (order, objective). */
  readonly B: number;
  readonly orders: number;
  readonly W: number;
  readonly S: number;
  readonly ord: Int32Array;
  readonly pos: Int32Array;
  readonly block: Int32Array;
  readonly snapshots: Int32Array;
}

const COLUMNS_TASK = 'bitsets.columns';
const SNAPSHOTS_TASK = 'bitsets.snapshots';
const SCAN_TASK = 'bitsets.scan';
/** Rows per chunk of the shared first-front scan (a chunk costs ~0.1 ms at 12,800 rows in 5 objectives). */
const SCAN_CHUNK_ROWS = 256;

function scanChunk(x: BitsetIndex, c: number, mask: Uint8Array, left: Unranked | null): void {
  frontScan(x, c * SCAN_CHUNK_ROWS, Math.min(x.n, (c + 1) * SCAN_CHUNK_ROWS), mask, left);
}

/** The rows not ranked yet during the shared peels: rankOf[row] (-1: not yet), and per order their positions' bits. */
interface Unranked {
  readonly rankOf: Int32Array;
  readonly bits: Int32Array;
}

/**
 * Fronts peeled on both threads after the first (each a scan of the rows left against the rows left) while a cut
 * (maxRanked) is not reached, at most this many: a run's early generations need a handful of fronts (NSGA-III at
 * population 6,400, 5 objectives: 4 of 12); the rest are ranked by the single-thread loop.
 */
const MAX_SHARED_PEELS = 8;

/**
 * The orders and snapshots; with a helper, column 0 (the lexicographic order, which the others' crowded buckets read)
 * first, then the other columns one chunk each, then the (order, objective) pairs one chunk each (./helperThread.ts,
 * runChunked).
 */
function buildIndex(F: Float64Array, n: number, m: number, order: Int32Array, B: number, orders: number, helper: Helper | null): BitsetIndex {
  const W = (n + 31) >>> 5;
  const S = Math.ceil(n / B);
  const x: BitsetIndex = {
    F: helper === null ? F : onSharedMemory(F), n, m, order: helper === null ? order : onSharedMemory(order), B, orders, W, S,
    ord: scratch(ORD, m * n), pos: scratch(POS, orders * n), block: scratch(BLOCK, m * n), snapshots: scratch(SNAPSHOTS, orders * (m - 1) * S * W),
  };
  if (helper === null) {
    columnRange(x, 0, m);
    snapshotRange(x, 0, orders * (m - 1));
    return x;
  }
  columnRange(x, 0, 1);
  runChunked(helper, { kind: COLUMNS_TASK, index: x }, m - 1, (c) => columnRange(x, 1 + c, 2 + c));
  runChunked(helper, { kind: SNAPSHOTS_TASK, index: x }, orders * (m - 1), (c) => snapshotRange(x, c, c + 1));
  return x;
}

/**
 * mask[p] = 1 for the rows p at lexicographic positions from .. to - 1 that no row dominates, else 0: the search of
 * `highestDominatorRank` for any dominator (every candidate is checked, ranked or not), so rows are independent.
 * With `left` (a peel: the next front of the rows not ranked yet), only the rows p with left.rankOf[p] < 0 are
 * searched, and only among the rows not ranked yet (left.bits, per order: their positions).
 */
function frontScan(x: BitsetIndex, from: number, to: number, mask: Uint8Array, left: Unranked | null): void {
  const { F, n, m, order, W, ord, snapshots } = x;
  const J = m - 1;
  const offsets = new Int32Array(J + 1);
  const rankOf = left === null ? null : left.rankOf;
  const bits = left === null ? null : left.bits;
  for (let t = from; t < to; t++) {
    const p = order[t]!;
    if (rankOf !== null && rankOf[p]! >= 0) continue;
    const tp = searchStart(x, offsets, p, t);
    const jp = offsets[J]!;
    const a = offsets[0]!;
    const b = offsets[1]!;
    const c = J > 2 ? offsets[2]! : b;
    const e = J > 3 ? offsets[3]! : c;
    const base = jp * n;
    let dominated = false;
    let w = tp >>> 5;
    let d = (tp & 31) === 0 ? 0 : snapshots[a + w]! & snapshots[b + w]! & snapshots[c + w]! & snapshots[e + w]! & ((1 << (tp & 31)) - 1);
    for (;;) {
      for (let j = 4; j < J && d !== 0; j++) d &= snapshots[offsets[j]! + w]!;
      // the rows ranked by earlier peels are out (a filter past the tight loop below, as the fifth snapshot and on)
      if (bits !== null && d !== 0) d &= bits[jp * W + w]!;
      while (d !== 0) {
        const bit = 31 - Math.clz32(d);
        d ^= 1 << bit;
        if (rowDominatesRow(F, m, ord[base + ((w << 5) | bit)]!, p)) {
          dominated = true;
          break;
        }
      }
      if (dominated || w === 0) break;
      while ((d = snapshots[a + --w]! & snapshots[b + w]! & snapshots[c + w]! & snapshots[e + w]!) === 0 && w > 0);
    }
    mask[p] = dominated ? 0 : 1;
  }
}

/**
 * The helper's side of each bitsets task, run `rounds` times on the n rows of F (no NaN): a helper thread runs this
 * before it takes tasks, so that its first shares run compiled code (interpreted, a share took several times this
 * thread's whole task and held the caller up in a run's first generations).
 */
export function warmUpBitsetTasks(F: Float64Array, n: number, m: number, rounds: number): void {
  const orders = snapshotOrders(n, m);
  for (let r = 0; r < rounds; r++) {
    const x = buildIndex(F, n, m, onSharedMemory(lexicographicOrder(F, n, m)), snapshotBlock(n, m), orders, null);
    const mask = new Uint8Array(new SharedArrayBuffer(n));
    for (const [kind, chunks] of [[COLUMNS_TASK, m - 1], [SNAPSHOTS_TASK, orders * (m - 1)], [SCAN_TASK, Math.ceil(n / SCAN_CHUNK_ROWS)]] as const) {
      runBitsetTask({ kind, index: x, mask, left: null, claims: sharedInt32(1), done: new Uint8Array(new SharedArrayBuffer(chunks)), chunks });
    }
  }
}

/** A helper thread's share of the bitsets' work (the chunks of `runChunked` above): false when `task` is another kind. */
export function runBitsetTask(task: HelperTask): boolean {
  const { index: x, mask } = task as unknown as { index: BitsetIndex; mask: Uint8Array };
  if (task.kind === COLUMNS_TASK) helperChunks(task, (c) => columnRange(x, 1 + c, 2 + c));
  else if (task.kind === SNAPSHOTS_TASK) helperChunks(task, (c) => snapshotRange(x, c, c + 1));
  else if (task.kind === SCAN_TASK) {
    const left = (task as unknown as { left: Unranked | null }).left;
    helperChunks(task, (c) => scanChunk(x, c, mask, left));
  }
  else return false;
  return true;
}

function setBit(bits: Int32Array, base: number, position: number): void {
  bits[base + (position >>> 5)] = bits[base + (position >>> 5)]! | (1 << (position & 31));
}

function clearBit(bits: Int32Array, base: number, position: number): void {
  bits[base + (position >>> 5)] = bits[base + (position >>> 5)]! & ~(1 << (position & 31));
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
 * Buckets per point of the quantized objective orders, and the most points one bucket may hold as they come (within a
 * bucket the order is lexicographic, not by f_j, so a crowded bucket would put many non-dominators into the snapshots:
 * correct ranks, more candidates to check). A crowded bucket is sorted by f_j itself, ties by lexicographic position,
 * unless the crowded buckets hold more than 1 / MAX_CROWDED_SHARE of the points: then the whole order is taken by f_j.
 * Near-zero objectives crowd the first buckets (5-objective DTLZ2 under NSGA-III: 88-295 points in a bucket, most
 * of 11,000-12,800 points spread below 64); sorting those few buckets replaced a full sort of the column.
 */
const BUCKETS_PER_POINT = 2;
const MAX_BUCKET_POINTS = 64;
const MAX_CROWDED_SHARE = 8;

/**
 * For each objective j: ord[j n + s] = the row at position s of order j, block[j n + row] = 1 + ⌊(its position in
 * order j) / B⌋, and for the orders scanned (j < orders) pos[j n + row] = the row's position in order j. Order 0 is
 * `order` (the lexicographic). Order j > 0 sorts the rows by a bucket of f_j, ⌊(f_j - min) K / (max - min)⌋
 * (K = BUCKETS_PER_POINT n buckets), ties by lexicographic position: one counting-sort pass instead of a sort by f_j
 * (12,800 points of 5-objective DTLZ2: the four orders 4.8 -> 2.0 ms). The bucket never decreases as f_j grows (a
 * rounded subtraction, product and floor are monotone), so a dominator of p still comes before p; so does a bucket of
 * more than MAX_BUCKET_POINTS points sorted by f_j, ties by lexicographic position. A column that is constant, not
 * finite, or whose crowded buckets hold more than 1 / MAX_CROWDED_SHARE of the points takes that exact order whole.
 * With one order, objective 0's blocks are not needed (no snapshot is cut by f_0). Here for the objectives j0 .. j1 - 1;
 * j > 0 reads order 0's positions (pos[row], the ties of a crowded bucket), so column 0 is done first.
 */
function columnRange(x: BitsetIndex, j0: number, j1: number): void {
  const { F, n, m, order, B, orders, ord, pos, block } = x;
  const bucket = scratch(BUCKET, n);
  const counts = scratch(COUNTS, BUCKETS_PER_POINT * n + 1);
  let values: Float64Array | null = null;
  for (let j = j0; j < j1; j++) {
    const base = j * n;
    if (j === 0) ord.set(order);
    else if (!bucketOrder(F, n, m, j, order, pos, ord, base, bucket, counts)) {
      values ??= new Float64Array(n);
      for (let t = 0; t < n; t++) values[t] = F[order[t]! * m + j]!;
      // positions t of `order` by f_j, ties by t
      const sorted = lexicographicOrder(values, n, 1);
      for (let s = 0; s < n; s++) ord[base + s] = order[sorted[s]!]!;
    }
    if (j < orders) for (let s = 0; s < n; s++) pos[base + ord[base + s]!] = s;
    if (j > 0 || orders > 1) for (let s = 0; s < n; s++) block[base + ord[base + s]!] = Math.floor(s / B) + 1;
  }
}

/**
 * Order j by bucket of f_j, ties by lexicographic position (lexPos[row]), a crowded bucket by f_j itself, into
 * ord[base ..]; or false (nothing written to ord) for a constant or non-finite column, or one whose crowded buckets
 * hold too many points (see objectiveOrders). bucket: working space for n rows.
 */
function bucketOrder(
  F: Float64Array, n: number, m: number, j: number, order: Int32Array, lexPos: Int32Array,
  ord: Int32Array, base: number, bucket: Int32Array, counts: Int32Array,
): boolean {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < n; i++) {
    const x = F[i * m + j]!;
    if (x < lo) lo = x;
    if (x > hi) hi = x;
  }
  const K = counts.length - 1;
  const scale = K / (hi - lo);
  if (!(scale > 0 && scale < Infinity && lo > -Infinity && hi < Infinity)) return false;
  counts.fill(0);
  for (let i = 0; i < n; i++) {
    const b = Math.min(K - 1, Math.floor((F[i * m + j]! - lo) * scale));
    bucket[i] = b;
    counts[b + 1]!++;
  }
  let crowded = 0;
  for (let b = 0; b < K; b++) {
    const size = counts[b + 1]!;
    if (size > MAX_BUCKET_POINTS) crowded += size;
    counts[b + 1] = size + counts[b]!;
  }
  if (crowded * MAX_CROWDED_SHARE > n) return false;
  for (let t = 0; t < n; t++) {
    const row = order[t]!;
    ord[base + counts[bucket[row]!]!++] = row;
  }
  // counts[b] is now the end of bucket b
  for (let b = 0, start = 0; crowded > 0 && b < K; b++) {
    const end = counts[b]!;
    if (end - start > MAX_BUCKET_POINTS) {
      ord.subarray(base + start, base + end).sort((p, q) => F[p * m + j]! - F[q * m + j]! || lexPos[p]! - lexPos[q]!);
      crowded -= end - start;
    }
    start = end;
  }
  return true;
}

/**
 * Snapshot b (1-based) of order j < orders and objective k != j, at ((j (m - 1) + c) S + b - 1) W with
 * c = k - (k > j): the positions in order j of the rows whose block of objective k is <= b. Here for the pairs
 * (j, k) numbered q0 .. q1 - 1 (q = j (m - 1) + c), after every column's order and blocks are known.
 */
function snapshotRange(x: BitsetIndex, q0: number, q1: number): void {
  const { n, m, ord, pos, block, W, S, snapshots } = x;
  const J = m - 1;
  const running = new Int32Array(W);
  for (let q = q0; q < q1; q++) {
    // pair q = j (m - 1) + c: order j, objective k (c = k - (k > j))
    const j = Math.floor(q / J);
    const c = q - j * J;
    const posJ = j * n;
    const baseK = (c < j ? c : c + 1) * n;
    running.fill(0);
    // blocks grow along order k: snapshot b adds the rows up to the last of block b
    let s = 0;
    for (let b = 1; b <= S; b++) {
      for (; s < n && block[baseK + ord[baseK + s]!]! <= b; s++) {
        const t = pos[posJ + ord[baseK + s]!]!;
        running[t >>> 5] = running[t >>> 5]! | (1 << (t & 31));
      }
      snapshots.set(running, (q * S + b - 1) * W);
    }
  }
}
