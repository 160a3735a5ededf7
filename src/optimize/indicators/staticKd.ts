/**
 * A static k-d tree over the rows of a matrix, in heap layout, with each node's bounding box: the index of a sweep
 * level's set S in the exact hypervolume (`RowTree`, ./hypervolume.ts) and of the points in the Monte Carlo estimate
 * (./hypervolumeEstimate.ts). Leaves hold at most LEAF_ROWS rows, all at the same depth; nodes split at the median of
 * their widest coordinate (Friedman, Bentley & Finkel, ACM TOMS 3(3), 1977).
 */

/** Rows per leaf. */
const LEAF_ROWS = 16;

/**
 * Rearranges perm[a..b) so that perm[kth] holds the row of that rank by (P[row * d + col], row), with
 * no larger row before it and no smaller one after (Hoare's quickselect, median-of-three pivot).
 */
function selectRows(
  perm: Int32Array,
  a: number,
  b: number,
  kth: number,
  P: Float64Array,
  d: number,
  col: number,
): void {
  const before = (x: number, y: number): boolean => {
    const vx = P[x * d + col]!;
    const vy = P[y * d + col]!;
    return vx < vy || (vx === vy && x < y);
  };
  let lo = a;
  let hi = b - 1;
  while (hi > lo) {
    const m = (lo + hi) >>> 1;
    // median of three in perm[lo], perm[m], perm[hi]
    if (before(perm[m]!, perm[lo]!)) swap(perm, m, lo);
    if (before(perm[hi]!, perm[lo]!)) swap(perm, hi, lo);
    if (before(perm[hi]!, perm[m]!)) swap(perm, hi, m);
    const pivot = perm[m]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (before(perm[i]!, pivot)) i++;
      while (before(pivot, perm[j]!)) j--;
      if (i <= j) {
        swap(perm, i, j);
        i++;
        j--;
      }
    }
    if (kth <= j) hi = j;
    else if (kth >= i) lo = i;
    else return;
  }
}

function swap(a: Int32Array, i: number, j: number): void {
  const t = a[i]!;
  a[i] = a[j]!;
  a[j] = t;
}

/** Depth of the static k-d tree over n rows: leaves of at most LEAF_ROWS rows, all at this depth. */
export function kdDepth(n: number): number {
  let depth = 0;
  while (Math.ceil(n / 2 ** depth) > LEAF_ROWS) depth++;
  return depth;
}

/**
 * Static k-d tree in heap layout (node k has children 2k + 1 and 2k + 2; the node over positions
 * [a, b) splits at (a + b) >>> 1): arranges perm[a..b) (ids of rows of P, d columns) and stores each
 * node's bounding box over the first e coordinates in lo/hi (node x e). Splits at the median of the
 * widest coordinate.
 */
export function buildKd(
  P: Float64Array,
  d: number,
  e: number,
  perm: Int32Array,
  lo: Float64Array,
  hi: Float64Array,
  node: number,
  a: number,
  b: number,
  level: number,
  depth: number,
): void {
  const no = node * e;
  for (let j = 0; j < e; j++) {
    lo[no + j] = Infinity;
    hi[no + j] = -Infinity;
  }
  for (let i = a; i < b; i++) {
    const ro = perm[i]! * d;
    for (let j = 0; j < e; j++) {
      const v = P[ro + j]!;
      if (v < lo[no + j]!) lo[no + j] = v;
      if (v > hi[no + j]!) hi[no + j] = v;
    }
  }
  if (level === depth) return;
  let k = 0;
  for (let j = 1; j < e; j++) if (hi[no + j]! - lo[no + j]! > hi[no + k]! - lo[no + k]!) k = j;
  const mid = (a + b) >>> 1;
  selectRows(perm, a, b, mid, P, d, k);
  buildKd(P, d, e, perm, lo, hi, 2 * node + 1, a, mid, level + 1, depth);
  buildKd(P, d, e, perm, lo, hi, 2 * node + 2, mid, b, level + 1, depth);
}
