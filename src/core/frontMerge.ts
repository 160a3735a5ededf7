/**
 * The first front of an antichain A (mutually non-dominated rows: a Pareto archive's entries) and a batch B, in work
 * linear in |A| for a small batch, where the dominator bitsets over A ∪ B (./dominatorBitsets.ts) cost ~(|A| + |B|)^2:
 * a run reads its archive every generation, so a many-objective archive of 100,000 designs would be re-sorted whole
 * for each generation's few thousand offers.
 *
 * - B' = the batch's own first front (the bitsets on B alone). A row of B dominated within B is out; a row of A or B'
 *   dominated by such a row is dominated by a row of B' too (transitivity), so only B' is compared with A.
 * - An index over B' (the idea of the dominator bitsets, with A's rows as queries): per objective j, B' sorted by f_j;
 *   snapshot (j, k, b) = the positions in order j of the rows among the first b·S of order k (S points per block).
 *   For a row a of A, u_k = #{b' in B': f_k(b') <= f_k(a)} and l_k = #{f_k(b') < f_k(a)} (binary searches).
 * - a is dominated by B' only through rows within u_k in every order: the AND over k != j of snapshot ⌈u_k / S⌉,
 *   cut to positions below u_j in the order j with the smallest u_j, holds all of them (and a few more, each checked
 *   with the definition).
 * - a dominates only rows at or past l_k in every order: the AND of the complements of snapshot ⌊l_k / S⌋, from
 *   position l_j on in the order j with the largest l_j; those a dominates are out. A row of A that B' dominates
 *   dominates no row of B' (that row of B' would dominate another, inside an antichain), so it is not asked.
 * - Identical rows do not dominate each other: all copies stay (the archive keeps one per objective vector itself).
 *
 * Work: |A| (m log |B'| + the words scanned) plus the index, m (m - 1) |B'|^2 / (32 S) words. Validity: no NaN.
 * Measured (NSGA-III on 5-objective DTLZ2, one merge): 88,398 entries + 5,328 offers 77 ms against the
 * bitsets' 200 ms on the union; with a batch as large as the entries it costs more than the bitsets (the archive
 * takes this path up to half the entries: src/core/paretoArchive.ts, MERGE_INDEX_RATIO).
 */
import { nonDominatedMask } from './dominance.js';
import { type Helper, type HelperTask, helperChunks, onSharedMemory, runChunked, sharedFloat64, sharedInt32 } from './helperThread.js';
import { lexicographicOrder } from './lexicographicOrder.js';

/** Buckets per row of the batch front in the lookup of a query's cuts (see BatchIndex.cuts). */
const BUCKETS_PER_ROW = 2;

/** Most 32-bit words the snapshot index may take (16 MB, as the dominator bitsets); larger batches get coarser blocks. */
const MAX_INDEX_WORDS = 1 << 22;

/**
 * 1 for the rows of F (n rows, m columns, no NaN) no other row dominates, given that rows 0 .. nA - 1 are mutually
 * non-dominated (not checked: a violated premise gives a wrong front). `indexWords`: the index's size bound (tests
 * set it small for coarse blocks).
 */
export function mergeFrontMask(
  F: Float64Array, nA: number, n: number, m: number, indexWords = MAX_INDEX_WORDS,
  /** A helper thread for the batch's own front and a share of the entries' queries (./helperThread.ts). */
  helper: Helper | null = null,
): Uint8Array {
  const mask = new Uint8Array(n);
  const inBatch = nonDominatedMask(F.subarray(nA * m, n * m), n - nA, m, 0, helper);
  // B' gathered into G (row t of G is row rowsB[t] of F)
  let k = 0;
  for (let t = 0; t < n - nA; t++) k += inBatch[t]!;
  const rowsB = new Int32Array(k);
  for (let t = 0, c = 0; t < n - nA; t++) if (inBatch[t]) rowsB[c++] = nA + t;
  mask.fill(1, 0, nA);
  if (k === 0) return mask;
  const G = sharedFloat64(k * m);
  for (let t = 0; t < k; t++) for (let j = 0; j < m; j++) G[t * m + j] = F[rowsB[t]! * m + j]!;
  const index = new BatchIndex(G, k, m, indexWords);
  // the entries' queries, in chunks the helper may share: each sets its own entries' flags, and marks the batch rows
  // it dominates (a flag only ever set to 1, whichever thread gets there first)
  const dominated = new Uint8Array(new SharedArrayBuffer(nA));
  const out = new Uint8Array(new SharedArrayBuffer(k));
  const task = { kind: QUERY_TASK, index: index.built(), X: helper === null ? F : onSharedMemory(F), nA, dominated, out };
  runChunked(helper, task, Math.ceil(nA / QUERY_CHUNK_ROWS), (c) => queryChunk(index, F, nA, c, dominated, out));
  for (let a = 0; a < nA; a++) if (dominated[a]) mask[a] = 0;
  for (let t = 0; t < k; t++) if (!out[t]) mask[rowsB[t]!] = 1;
  return mask;
}

const QUERY_TASK = 'frontMerge.queries';
/** Entries per chunk of the queries (~1 µs each at tens of thousands of entries in 5 objectives). */
const QUERY_CHUNK_ROWS = 1024;

function queryChunk(index: BatchIndex, X: Float64Array, nA: number, c: number, dominated: Uint8Array, out: Uint8Array): void {
  for (let a = c * QUERY_CHUNK_ROWS, end = Math.min(nA, a + QUERY_CHUNK_ROWS); a < end; a++) dominated[a] = index.offer(X, a, out) ? 1 : 0;
}

/** A helper thread's share of the queries (the chunks of mergeFrontMask): false when `task` is another kind. */
export function runMergeTask(task: HelperTask): boolean {
  if (task.kind !== QUERY_TASK) return false;
  const t = task as unknown as { index: BuiltIndex; X: Float64Array; nA: number; dominated: Uint8Array; out: Uint8Array };
  const index = new BatchIndex(t.index.G, t.index.k, t.index.m, 0, t.index);
  helperChunks(task, (c) => queryChunk(index, t.X, t.nA, c, t.dominated, t.out));
  return true;
}

/**
 * The helper's side of the queries, `rounds` times: the last quarter of the n rows of F indexed, the others as queries
 * (a helper thread warms its compiled code with it; see warmUpBitsetTasks in ./dominatorBitsets.ts).
 */
export function warmUpMergeTask(F: Float64Array, n: number, m: number, rounds: number): void {
  const nA = n - (n >>> 2);
  const G = F.slice(nA * m, n * m);
  const index = new BatchIndex(G, n - nA, m, MAX_INDEX_WORDS);
  const chunks = Math.ceil(nA / QUERY_CHUNK_ROWS);
  for (let r = 0; r < rounds; r++) {
    runMergeTask({
      kind: QUERY_TASK, index: index.built(), X: F, nA, dominated: new Uint8Array(nA), out: new Uint8Array(n - nA),
      claims: sharedInt32(1), done: new Uint8Array(chunks), chunks,
    });
  }
}

/** What a BatchIndex is built into (its arrays, on shared memory, and sizes). */
interface BuiltIndex {
  readonly G: Float64Array;
  readonly k: number;
  readonly m: number;
  readonly S: number;
  readonly blocks: number;
  readonly W: number;
  readonly order: Int32Array;
  readonly values: Float64Array;
  readonly snapshots: Int32Array;
  readonly bucketStart: Int32Array;
  readonly bucketLow: Float64Array;
  readonly bucketScale: Float64Array;
}

/** The snapshot index over the k rows of G (see the header); queries take a row of another matrix with m columns. */
class BatchIndex {
  /** order[j k + s] = row at position s of order j; values[j k + s] = its f_j. */
  private readonly order: Int32Array;
  private readonly values: Float64Array;
  /** Points per block, blocks per order, words per snapshot. */
  private readonly S: number;
  private readonly blocks: number;
  private readonly W: number;
  /** Snapshot (j, c, b), b = 0 .. blocks (0: empty), at ((j (m - 1) + c) (blocks + 1) + b) W; c = k' - (k' > j). */
  private readonly snapshots: Int32Array;
  private readonly upper: Int32Array;
  private readonly lower: Int32Array;
  private readonly offsets: Int32Array;
  /**
   * Per objective j, BUCKETS_PER_ROW k buckets over [min, max] of f_j: bucketStart[j (K + 1) + b] = the first position
   * of order j in bucket b or later; bucketScale[j] = 0 for a constant or non-finite column (a plain binary search).
   */
  private readonly bucketStart: Int32Array;
  private readonly bucketLow: Float64Array;
  private readonly bucketScale: Float64Array;

  constructor(
    private readonly G: Float64Array, private readonly k: number, private readonly m: number, indexWords: number,
    /** The arrays of an index built before (in another thread: a helper's view of the caller's index). */
    built?: BuiltIndex,
  ) {
    const W = (k + 31) >>> 5;
    const J = m - 1;
    this.upper = new Int32Array(m);
    this.lower = new Int32Array(m);
    this.offsets = new Int32Array(J);
    if (built !== undefined) {
      ({ S: this.S, blocks: this.blocks, W: this.W, order: this.order, values: this.values, snapshots: this.snapshots } = built);
      ({ bucketStart: this.bucketStart, bucketLow: this.bucketLow, bucketScale: this.bucketScale } = built);
      return;
    }
    // the finest block (a multiple of 32) whose snapshots fit MAX_INDEX_WORDS
    let S = 32;
    while (m * J * (Math.ceil(k / S) + 1) * W > indexWords && S < k) S += 32;
    const blocks = Math.ceil(k / S);
    this.S = S;
    this.blocks = blocks;
    this.W = W;
    // on shared memory: a helper thread answers some of the queries (mergeFrontMask)
    this.order = sharedInt32(m * k);
    this.values = sharedFloat64(m * k);
    // pos[j k + row] = the row's position in order j (for building the snapshots)
    const pos = new Int32Array(m * k);
    const column = new Float64Array(k);
    for (let j = 0; j < m; j++) {
      for (let t = 0; t < k; t++) column[t] = G[t * m + j]!;
      const sorted = lexicographicOrder(column, k, 1);
      for (let s = 0; s < k; s++) {
        const row = sorted[s]!;
        this.order[j * k + s] = row;
        this.values[j * k + s] = column[row]!;
        pos[j * k + row] = s;
      }
    }
    this.snapshots = sharedInt32(m * J * (blocks + 1) * W);
    const running = new Int32Array(W);
    for (let j = 0; j < m; j++) {
      for (let kk = 0, c = 0; kk < m; kk++) {
        if (kk === j) continue;
        running.fill(0);
        const base = (j * J + c++) * (blocks + 1);
        for (let b = 1, s = 0; b <= blocks; b++) {
          for (const end = Math.min(k, b * S); s < end; s++) {
            const q = pos[j * k + this.order[kk * k + s]!]!;
            running[q >>> 5] = running[q >>> 5]! | (1 << (q & 31));
          }
          this.snapshots.set(running, (base + b) * W);
        }
      }
    }
    const K = BUCKETS_PER_ROW * k;
    this.bucketStart = sharedInt32(m * (K + 1));
    this.bucketLow = sharedFloat64(m);
    this.bucketScale = sharedFloat64(m);
    for (let j = 0; j < m; j++) {
      const low = this.values[j * k]!;
      const scale = K / (this.values[j * k + k - 1]! - low);
      if (!(scale > 0 && scale < Infinity && low > -Infinity)) continue;
      this.bucketLow[j] = low;
      this.bucketScale[j] = scale;
      // bucketStart[b] = the first position whose bucket is >= b
      for (let s = 0, b = 0; b <= K; b++) {
        while (s < k && Math.min(K - 1, Math.floor((this.values[j * k + s]! - low) * scale)) < b) s++;
        this.bucketStart[j * (K + 1) + b] = s;
      }
    }
  }

  /** The index's arrays (on shared memory), for a view of it in another thread. */
  built(): BuiltIndex {
    const { G, k, m, S, blocks, W, order, values, snapshots, bucketStart, bucketLow, bucketScale } = this;
    return { G, k, m, S, blocks, W, order, values, snapshots, bucketStart, bucketLow, bucketScale };
  }

  /**
   * Row i of X against the index: true when a row of G dominates it; otherwise sets out[t] = 1 for each row t of G
   * it dominates.
   */
  offer(X: Float64Array, i: number, out: Uint8Array): boolean {
    this.cuts(X, i);
    if (this.dominated(X, i)) return true;
    this.markDominated(X, i, out);
    return false;
  }

  /**
   * Fills upper[j] = #{f_j <= x_j} and lower[j] = #{f_j < x_j} for row i of X: a binary search within x_j's bucket
   * of the sorted f_j (most hold 0-2 values; a whole binary search per objective was ~20 % of a merge).
   */
  private cuts(X: Float64Array, i: number): void {
    const { k, m, values, bucketStart, bucketLow, bucketScale } = this;
    const K = BUCKETS_PER_ROW * k;
    for (let j = 0; j < m; j++) {
      const x = X[i * m + j]!;
      const base = j * k;
      let lo = base;
      let hi = base + k;
      const scale = bucketScale[j]!;
      if (scale > 0) {
        // values in lower buckets are below x, in higher ones above (the bucket never decreases as the value grows)
        // the same bucket function as the values' (x above the largest value: the last bucket, searched to its end)
        const u = (x - bucketLow[j]!) * scale;
        if (u < 0) hi = lo;
        else {
          const b = Math.min(K - 1, Math.floor(u));
          lo = base + bucketStart[j * (K + 1) + b]!;
          hi = base + bucketStart[j * (K + 1) + b + 1]!;
        }
      }
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (values[mid]! < x) lo = mid + 1;
        else hi = mid;
      }
      let up = lo;
      while (up < base + k && values[up] === x) up++;
      this.lower[j] = lo - base;
      this.upper[j] = up - base;
    }
  }

  /** Whether a row of G dominates row i of X (cuts() run for it). */
  private dominated(X: Float64Array, i: number): boolean {
    const { m, k, W, S, blocks, snapshots, upper, G, order, offsets } = this;
    const J = m - 1;
    let jq = 0;
    for (let j = 1; j < m; j++) if (upper[j]! < upper[jq]!) jq = j;
    const cut = upper[jq]!;
    // no row of G is as good in objective jq
    if (cut === 0) return false;
    for (let kk = 0, c = 0; kk < m; kk++) if (kk !== jq) offsets[c] = ((jq * J + c++) * (blocks + 1) + Math.ceil(upper[kk]! / S)) * W;
    const words = (cut + 31) >>> 5;
    for (let w = 0; w < words; w++) {
      let d = -1;
      for (let c = 0; c < J && d !== 0; c++) d &= snapshots[offsets[c]! + w]!;
      if (w === words - 1 && (cut & 31) !== 0) d &= (1 << (cut & 31)) - 1;
      while (d !== 0) {
        const bit = 31 - Math.clz32(d);
        d ^= 1 << bit;
        if (dominatesAcross(G, order[jq * k + ((w << 5) | bit)]!, X, i, m)) return true;
      }
    }
    return false;
  }

  /** Sets out[t] = 1 for each row t of G that row i of X dominates (cuts() run for it). */
  private markDominated(X: Float64Array, i: number, out: Uint8Array): void {
    const { m, k, W, S, blocks, snapshots, lower, G, order, offsets } = this;
    const J = m - 1;
    let jq = 0;
    for (let j = 1; j < m; j++) if (lower[j]! > lower[jq]!) jq = j;
    const from = lower[jq]!;
    // every row of G is better in objective jq
    if (from === k) return;
    for (let kk = 0, c = 0; kk < m; kk++) if (kk !== jq) offsets[c] = ((jq * J + c++) * (blocks + 1) + Math.floor(lower[kk]! / S)) * W;
    for (let w = from >>> 5; w < W; w++) {
      let d = -1;
      for (let c = 0; c < J && d !== 0; c++) d &= ~snapshots[offsets[c]! + w]!;
      if (w === from >>> 5) d &= -1 << (from & 31);
      if (w === W - 1 && (k & 31) !== 0) d &= (1 << (k & 31)) - 1;
      while (d !== 0) {
        const bit = 31 - Math.clz32(d);
        d ^= 1 << bit;
        const row = order[jq * k + ((w << 5) | bit)]!;
        if (!out[row] && dominatesAcross(X, i, G, row, m)) out[row] = 1;
      }
    }
  }
}

/** Whether row i of P dominates row j of Q (m columns each). */
function dominatesAcross(P: Float64Array, i: number, Q: Float64Array, j: number, m: number): boolean {
  let better = false;
  for (let c = 0; c < m; c++) {
    const a = P[i * m + c]!;
    const b = Q[j * m + c]!;
    if (a > b) return false;
    if (a < b) better = true;
  }
  return better;
}
