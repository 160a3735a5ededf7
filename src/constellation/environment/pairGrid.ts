/**
 * Every pair of points closer than a cutoff, by a cubic grid (the fixed-radius near-neighbour search of
 * Bentley, Stanat & Williams, Inf. Process. Lett. 6(6) 209–212, 1977): with cells at least the cutoff wide,
 * two points closer than it lie in the same cell or in adjacent ones, so each occupied cell is compared with
 * itself and with 13 of its 26 neighbours (the other 13 see it as their neighbour).
 *
 * Layout: each point's cell key k = x + M·(y + M·z) (integers, exact in a double below 2^52); points are put in
 * key order, ties in index order (LSD radix sort, Knuth TAOCP vol. 3 §5.2.5); a
 * neighbour's key is k + (dx + M·(dy + M·dz)), and since that offset is the same for every cell, one pointer per
 * offset walks the ascending distinct keys once (a merge join), in place of a hash lookup per cell and offset.
 * Pairs are visited in a fixed order (cells ascending; within a cell, then each forward neighbour in turn), so
 * callers that keep the first pair of a class get the same pair on every run.
 *
 * Validity: points within a ball of `radius_m` around the origin (orbit positions); the cell is at least
 * radius·2^-16 so the packed key stays below 2^52 (M ≤ 2^17 + 5, M³ < 2^52).
 */

/** Finest grid cell relative to the radius: keeps the packed cell key below 2^52. */
const MIN_CELL_PER_RADIUS = 2 ** -16;

/** Half of the 26 neighbouring cells: (dx, dy, dz) > 0 lexicographically, z major. */
const FORWARD: readonly (readonly [number, number, number])[] = ((): [number, number, number][] => {
  const out: [number, number, number][] = [];
  for (let dz = -1; dz <= 1; dz++) {
    for (let dy = -1; dy <= 1; dy++) {
      for (let dx = -1; dx <= 1; dx++)
        if (dz > 0 || (dz === 0 && (dy > 0 || (dy === 0 && dx > 0)))) out.push([dx, dy, dz]);
    }
  }
  return out;
})();

const DIGIT_BITS = 13;
const DIGIT = 1 << DIGIT_BITS;
const LOW = 2 ** (2 * DIGIT_BITS);

/**
 * Indices 0 … n−1 in ascending `key` order, ties in index order: LSD radix sort on four 13-bit digits (keys are
 * integers below 2^52), each pass a stable counting sort.
 */
function sortByKey(key: Float64Array): Int32Array {
  const n = key.length;
  let order = new Int32Array(n),
    spare = new Int32Array(n);
  for (let k = 0; k < n; k++) order[k] = k;
  const lo = new Int32Array(n),
    hi = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    lo[k] = key[k]! % LOW;
    hi[k] = Math.floor(key[k]! / LOW);
  }
  const count = new Int32Array(DIGIT + 1);
  for (let pass = 0; pass < 4; pass++) {
    const src = pass < 2 ? lo : hi,
      shift = (pass % 2) * DIGIT_BITS;
    count.fill(0);
    for (let k = 0; k < n; k++) count[((src[k]! >>> shift) & (DIGIT - 1)) + 1]!++;
    if (count[1] === n) continue; // one digit value throughout: the order stands
    for (let d = 0; d < DIGIT; d++) count[d + 1]! += count[d]!;
    for (let j = 0; j < n; j++) {
      const k = order[j]!;
      spare[count[(src[k]! >>> shift) & (DIGIT - 1)]!++] = k;
    }
    [order, spare] = [spare, order];
  }
  return order;
}

/**
 * The points (xyz interleaved) grouped by cell: `order` in key order, cell c holding order[start[c] … start[c + 1]).
 */
function cells(
  pos: Float64Array,
  cell: number,
  off: number,
  M: number,
): { keys: Float64Array; count: number; start: Int32Array; order: Int32Array } {
  const n = pos.length / 3;
  const key = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    key[k] =
      Math.floor(pos[3 * k]! / cell) +
      off +
      M * (Math.floor(pos[3 * k + 1]! / cell) + off + M * (Math.floor(pos[3 * k + 2]! / cell) + off));
  }
  const order = sortByKey(key);
  const keys = new Float64Array(n);
  const start = new Int32Array(n + 1);
  let count = 0;
  for (let j = 0; j < n; j++) {
    const k = key[order[j]!]!;
    if (count === 0 || keys[count - 1] !== k) {
      keys[count] = k;
      start[count++] = j;
    }
  }
  start[count] = n;
  return { keys, count, start, order };
}

/**
 * Every pair closer than `cutoff` among the points `pos` (xyz interleaved, within `radius_m` of the origin),
 * handed to `visit(a, b, distance)` once per pair with a < b, in the order of the header.
 */
export function pairsWithin(
  pos: Float64Array,
  radius_m: number,
  cutoff: number,
  visit: (a: number, b: number, d: number) => void,
): void {
  const cell = Math.max(cutoff, radius_m * MIN_CELL_PER_RADIUS);
  const off = Math.ceil(radius_m / cell) + 2,
    M = 2 * off + 1;
  const { keys, count, start, order } = cells(pos, cell, off, M);
  const forward = FORWARD.map(([dx, dy, dz]) => dx + M * (dy + M * dz));
  const at = new Int32Array(forward.length);
  const c2 = cutoff * cutoff;
  const test = (a: number, b: number): void => {
    const ex = pos[3 * a]! - pos[3 * b]!,
      ey = pos[3 * a + 1]! - pos[3 * b + 1]!,
      ez = pos[3 * a + 2]! - pos[3 * b + 2]!;
    const d2 = ex * ex + ey * ey + ez * ez;
    if (d2 < c2) visit(Math.min(a, b), Math.max(a, b), Math.sqrt(d2));
  };
  for (let c = 0; c < count; c++) {
    const lo = start[c]!,
      hi = start[c + 1]!;
    for (let i = lo; i < hi; i++) for (let j = i + 1; j < hi; j++) test(order[i]!, order[j]!);
    const ka = keys[c]!;
    for (let f = 0; f < forward.length; f++) {
      const kb = ka + forward[f]!;
      let b = at[f]!;
      while (b < count && keys[b]! < kb) b++;
      at[f] = b;
      if (b === count || keys[b] !== kb) continue;
      for (let j = start[b]!; j < start[b + 1]!; j++) for (let i = lo; i < hi; i++) test(order[i]!, order[j]!);
    }
  }
}
