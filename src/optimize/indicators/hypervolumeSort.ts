/**
 * The stable index sorts of the exact hypervolume (./hypervolume.ts): row indices ordered by one column, ties by index,
 * with the keys read from a typed array instead of a comparator (insertion sort on runs of 16, then bottom-up merging).
 */
/** Scratch of `sortByKeys` (grown on demand; the sort never re-enters itself). */
let sortKeys = new Float64Array(64);
let sortTmp = new Int32Array(64);

/** Sorts idx[0..n) (indices of rows of P with `stride` columns) by column `col` ascending, ties by index. */
export function sortRows(idx: Int32Array, n: number, P: Float64Array, stride: number, col: number): void {
  if (sortKeys.length < n) {
    sortKeys = new Float64Array(Math.max(n, 2 * sortKeys.length));
    sortTmp = new Int32Array(sortKeys.length);
  }
  const keys = sortKeys;
  for (let i = 0; i < n; i++) keys[i] = P[i * stride + col]!;
  sortByKeys(idx, n, keys);
}

/**
 * Sets idx[0..n) to 0..n-1 sorted by keys ascending, ties by index: insertion sort on runs of 16,
 * then bottom-up merging (stable), with the keys read from a typed array instead of a comparator.
 */
export function sortByKeys(idx: Int32Array, n: number, keys: Float64Array): void {
  for (let i = 0; i < n; i++) idx[i] = i;
  const RUN = 16;
  for (let a = 0; a < n; a += RUN) {
    const b = Math.min(n, a + RUN);
    for (let i = a + 1; i < b; i++) {
      const v = keys[i]!;
      let j = i - 1;
      while (j >= a && keys[idx[j]!]! > v) {
        idx[j + 1] = idx[j]!;
        j--;
      }
      idx[j + 1] = i;
    }
  }
  if (n <= RUN) return;
  if (sortTmp.length < n) sortTmp = new Int32Array(Math.max(n, 2 * sortTmp.length));
  let src: Int32Array = idx;
  let dst: Int32Array = sortTmp;
  for (let width = RUN; width < n; width *= 2) {
    for (let a = 0; a < n; a += 2 * width) {
      const mid = Math.min(n, a + width);
      const b = Math.min(n, a + 2 * width);
      let i = a;
      let j = mid;
      let k = a;
      while (i < mid && j < b) {
        // the left run holds the smaller indices: it wins ties
        if (keys[src[j]!]! < keys[src[i]!]!) dst[k++] = src[j++]!;
        else dst[k++] = src[i++]!;
      }
      while (i < mid) dst[k++] = src[i++]!;
      while (j < b) dst[k++] = src[j++]!;
    }
    const t = src;
    src = dst;
    dst = t;
  }
  if (src !== idx) idx.set(src.subarray(0, n));
}
