/**
 * Empirical attainment function (EAF) of n sets of points, 2 or 3 objectives, all minimized (López-Ibáñez, Paquete &
 * Stützle 2010; Fonseca, Guerreiro, López-Ibáñez & Paquete 2011 for the 3-D case). A point z is attained by a set
 * when some point of the set weakly dominates it; the level-k attainment surface is the set of minimal points of
 * {z : at least k of the n sets attain z}, exactly the points R's eaf package (`eafs`) prints for that level.
 * Method, 3-D: one sweep along the last objective over x-strips (the distinct first coordinates); each strip keeps
 * every set's smallest second coordinate so far, sorted, so its k-th smallest is the level-k boundary in that strip.
 * A level-k point is a strip whose boundary dropped in this slice below the boundary of the strip to its left. 2-D:
 * one sweep along x keeping each set's smallest y so far, sorted (a point changes one value). Both sweeps integrate
 * the volume each level covers inside a reference box, which gives the Vorob'ev quantities (./vorobev.ts) without
 * another pass. Cost O(N·X·n) worst case in 3-D (N points, X strips, n sets), O(N·n + X·n) in 2-D.
 * Levels from percentages as R eaf maps them: k = ⌈n·p/100⌉ (an integral n·p/100 within √ε taken as is), at least 1.
 */

/** A set of points: each point an array of the same 2 or 3 objective values, all minimized. */
export type PointSet = readonly (readonly number[])[];

/** The attainment level (number of sets, 1..n) of a percentage, as R eaf's `eafs(percentiles =)` maps it. */
export function attainmentLevel(percent: number, sets: number): number {
  if (!(percent >= 0 && percent <= 100)) throw new RangeError(`level ${percent} % is outside 0–100`);
  const x = (sets * percent) / 100;
  const level = x - Math.floor(x) <= Math.sqrt(Number.EPSILON) ? Math.floor(x) : Math.ceil(x);
  return Math.min(sets, Math.max(1, level));
}

export interface AttainmentSweep {
  /** For each requested level (in the order given), its attainment surface: minimal points, sorted by the sweep. */
  readonly surfaces: number[][][];
  /** volumes[k − 1]: the volume inside the reference box attained by at least k sets (empty without a reference). */
  readonly volumes: number[];
}

function checkSets(sets: readonly PointSet[]): number {
  if (sets.length === 0) throw new RangeError('attainment needs at least one set of points');
  const m = sets.find((s) => s.length > 0)?.[0]?.length ?? 2;
  if (m !== 2 && m !== 3)
    throw new RangeError(`attainment surfaces are exact in 2 or 3 objectives; these points have ${m}`);
  for (const s of sets)
    for (const p of s) {
      if (p.length !== m) throw new RangeError(`a point has ${p.length} objectives, the first has ${m}`);
      if (!p.every(Number.isFinite)) throw new RangeError(`a point has a non-finite objective: [${p.join(', ')}]`);
    }
  return m;
}

/**
 * The attainment surfaces of `sets` at `levels` (counts of sets, 1..n) and, given a reference point, the volume each
 * level covers inside the box below it (every level 1..n).
 */
export function attainmentSweep(
  sets: readonly PointSet[],
  levels: readonly number[],
  reference?: readonly number[],
): AttainmentSweep {
  const m = checkSets(sets);
  const n = sets.length;
  for (const k of levels)
    if (!Number.isInteger(k) || k < 1 || k > n) throw new RangeError(`level ${k} is not a count of sets in 1..${n}`);
  if (reference !== undefined && reference.length !== m)
    throw new RangeError(`the reference point has ${reference.length} objectives, the points ${m}`);
  const pts: { x: number; y: number; z: number; s: number }[] = [];
  sets.forEach((set, s) => set.forEach((p) => pts.push({ x: p[0]!, y: p[1]!, z: m === 3 ? p[2]! : 0, s })));
  if (m === 2) return sweep2d(pts, n, levels, reference);
  const strips = new Strips(pts, n, reference);
  const volumes = new Array<number>(reference === undefined ? 0 : n).fill(0);
  const surfaces: number[][][] = levels.map(() => []);
  pts.sort((a, b) => a.z - b.z || a.y - b.y);
  let zPrev = pts[0]?.z ?? 0;
  for (let i = 0; i < pts.length;) {
    const z = pts[i]!.z;
    if (reference !== undefined) {
      const dz = Math.max(0, Math.min(z, reference[2]!) - Math.min(zPrev, reference[2]!));
      for (let k = 0; k < n; k++) volumes[k]! += strips.area[k]! * dz;
    }
    zPrev = z;
    strips.startSlice();
    for (; i < pts.length && pts[i]!.z === z; i++) strips.insert(pts[i]!.x, pts[i]!.y, pts[i]!.s);
    strips.settle();
    for (let d = 0; d < strips.dirtyCount; d++) {
      const j = strips.dirty[d]!;
      for (let l = 0; l < levels.length; l++) {
        const y = strips.corner(j, levels[l]!);
        if (y !== null) surfaces[l]!.push([strips.xs[j]!, y, z]);
      }
    }
  }
  if (reference !== undefined && zPrev < reference[2]!)
    for (let k = 0; k < n; k++) volumes[k]! += strips.area[k]! * (reference[2]! - zPrev);
  for (const s of surfaces) s.sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]! || a[2]! - b[2]!);
  return { surfaces, volumes };
}

/**
 * The 2-D sweep (see the header): strips in x order, each set's smallest y at x ≤ the strip's in `sorted` (ascending),
 * its k-th value the level-k boundary; a level's point where its boundary drops below the previous strip's.
 */
function sweep2d(
  pts: { x: number; y: number; s: number }[],
  n: number,
  levels: readonly number[],
  reference: readonly number[] | undefined,
): AttainmentSweep {
  pts.sort((a, b) => a.x - b.x || a.y - b.y);
  const best = new Float64Array(n).fill(Infinity);
  const sorted = new Float64Array(n).fill(Infinity);
  const previous = new Float64Array(levels.length).fill(Infinity);
  const volumes = new Array<number>(reference === undefined ? 0 : n).fill(0);
  const surfaces: number[][][] = levels.map(() => []);
  for (let i = 0; i < pts.length;) {
    const x = pts[i]!.x;
    for (; i < pts.length && pts[i]!.x === x; i++) {
      const { y, s } = pts[i]!;
      const old = best[s]!;
      if (!(y < old)) continue;
      best[s] = y;
      // the old value's place, then the values between y's place and it one step right
      let at = n - 1;
      while (sorted[at] !== old) at--;
      for (; at > 0 && sorted[at - 1]! > y; at--) sorted[at] = sorted[at - 1]!;
      sorted[at] = y;
    }
    for (let l = 0; l < levels.length; l++) {
      const y = sorted[levels[l]! - 1]!;
      if (y < previous[l]!) surfaces[l]!.push([x, y]);
      previous[l] = y;
    }
    if (reference === undefined) continue;
    const w = Math.max(0, Math.min(i < pts.length ? pts[i]!.x : Infinity, reference[0]!) - x);
    for (let k = 0; k < n && w > 0 && sorted[k]! !== Infinity; k++)
      volumes[k]! += w * Math.max(0, reference[1]! - sorted[k]!);
  }
  return { surfaces, volumes };
}

/** The x-strips of the current slice: every set's attainment boundary in each, sorted, and each level's area. */
class Strips {
  readonly xs: number[];
  readonly n: number;
  private readonly index: Map<number, number>;
  /** best[j·n + s]: set s's smallest y at x ≤ xs[j]; sorted[j·n + ·]: the same n values ascending. */
  private readonly best: Float64Array;
  private readonly sorted: Float64Array;
  /** area[k − 1]: the slice's area attained by ≥ k sets inside the reference box (none without one). */
  readonly area: Float64Array;
  /** The strips changed in this slice (the first `dirtyCount`), each one's sorted row before it in `before`. */
  readonly dirty: Int32Array;
  dirtyCount = 0;
  private readonly before: Float64Array;
  private readonly changedIn: Int32Array;
  private slice = 0;
  private readonly reference: readonly number[] | undefined;

  constructor(pts: readonly { x: number }[], n: number, reference: readonly number[] | undefined) {
    this.xs = [...new Set(pts.map((p) => p.x))].sort((a, b) => a - b);
    this.n = n;
    this.index = new Map(this.xs.map((x, j) => [x, j]));
    this.best = new Float64Array(this.xs.length * n).fill(Infinity);
    this.sorted = new Float64Array(this.xs.length * n).fill(Infinity);
    this.area = new Float64Array(n);
    this.reference = reference;
    this.dirty = new Int32Array(this.xs.length);
    this.before = new Float64Array(this.xs.length * n);
    this.changedIn = new Int32Array(this.xs.length);
  }

  startSlice(): void {
    this.slice++;
    this.dirtyCount = 0;
  }

  private width(j: number): number {
    const r = this.reference;
    if (r === undefined) return 0;
    return Math.max(0, Math.min(j + 1 < this.xs.length ? this.xs[j + 1]! : Infinity, r[0]!) - this.xs[j]!);
  }

  /** Adds `sign` times strip j's area above each level's boundary to `area`. */
  private addStrip(j: number, sign: number): void {
    const w = sign * this.width(j);
    if (w === 0) return;
    for (let k = 0; k < this.n; k++) {
      const y = this.sorted[j * this.n + k]!;
      if (y === Infinity) break;
      this.area[k]! += w * Math.max(0, this.reference![1]! - y);
    }
  }

  /** Point (x, y) of set s: lowers s's boundary in the strips from x on, until it is already below y. */
  insert(x: number, y: number, s: number): void {
    const { n, best, sorted } = this;
    for (let j = this.index.get(x)!; j < this.xs.length && best[j * n + s]! > y; j++) {
      const row = j * n;
      const old = best[row + s]!;
      best[row + s] = y;
      if (this.changedIn[j] !== this.slice) {
        this.changedIn[j] = this.slice;
        this.dirty[this.dirtyCount++] = j;
        this.before.set(sorted.subarray(row, row + n), row);
        // the strip's area leaves the slice's totals until its new boundaries are known (settle)
        this.addStrip(j, -1);
      }
      // the old value's place, then the values between y's place and it one step right
      let at = n - 1;
      while (sorted[row + at] !== old) at--;
      for (; at > 0 && sorted[row + at - 1]! > y; at--) sorted[row + at] = sorted[row + at - 1]!;
      sorted[row + at] = y;
    }
  }

  /** The changed strips' areas back into the totals, with their new boundaries. */
  settle(): void {
    for (let d = 0; d < this.dirtyCount; d++) this.addStrip(this.dirty[d]!, 1);
  }

  /** Strip j's level-k boundary when it is a new corner of the level's surface in this slice, else null. */
  corner(j: number, k: number): number | null {
    const y = this.sorted[j * this.n + k - 1]!;
    return y < this.before[j * this.n + k - 1]! && (j === 0 || y < this.sorted[(j - 1) * this.n + k - 1]!) ? y : null;
  }
}
