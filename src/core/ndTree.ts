/**
 * ND-tree: a dynamic set of mutually non-dominated points (objectives minimized) updated online.
 *
 * Method and source: A. Jaszkiewicz, T. Lust, "ND-Tree-Based Update: A Fast Algorithm for the Dynamic
 * Nondominance Problem", IEEE Trans. Evol. Comput. 22(5):778–791, 2018 (arXiv:1603.04798), Algorithms 1–5.
 * Each node holds an approximate local ideal point zI and nadir point zN: componentwise min and max of every
 * point ever inserted below it. They are widened on insertion and never shrunk on removal, so zI ≤ every
 * point of the node ≤ zN always holds, and the tests below stay exact. Updating with a candidate y:
 * - zN ≤ y (and zN ≠ y): every point of the node weakly dominates y, so y is rejected;
 * - y ≤ zI (and y ≠ zI): y dominates every point of the node, so the whole subtree is removed;
 * - neither y ≤ zN nor zI ≤ y: no point of the node can dominate, equal or be dominated by y, so the node is
 *   skipped; otherwise a leaf compares y with its points and an internal node recurses into its children
 *   (children left empty are removed; a node left with a single child is replaced by it).
 * A y that survives is inserted along the path of the child whose midpoint (zI + zN) / 2 is nearest
 * (Euclidean); a leaf holding more than `maxLeafSize` points is split: the point with the largest average
 * distance to the others seeds the first child, each next seed has the largest average distance to the seeds
 * already chosen, until `children` seeds; the other points go, in order, to the child with the nearest
 * midpoint. Parameters: those of the paper's computational experiments, maximum leaf size 20 and number of
 * children m + 1 (number of objectives plus one).
 *
 * Departures from the paper, both for equal objective vectors (the paper rejects a y equal to a point):
 * the two box tests use strict dominance (zN = y or y = zI descends instead), so a point equal to y is always
 * found in a leaf, and there `preferEqual(y, z)` decides whether y replaces it (the default keeps z).
 * Everything is deterministic: ties in the split and in the nearest-midpoint choice go to the lowest index.
 * Valid for finite objective values (NaN compares false everywhere and is not supported).
 */

/** Tuning and hooks; the defaults are the paper's. */
export interface NdTreeOptions<T> {
  /** Largest leaf before a split (paper: 20). */
  readonly maxLeafSize?: number;
  /** Children created by a split (paper: number of objectives + 1). */
  readonly children?: number;
  /** For a candidate y whose f equals the stored z's: true when y replaces z (default: never). */
  readonly preferEqual?: (y: T, z: T) => boolean;
  /** Called with every point that leaves the tree (dominated by, or replaced by, an update's candidate). */
  readonly onRemove?: (z: T) => void;
}

const REJECTED = 0;
const KEPT = 1;
const REPLACED = 2;
type Outcome = typeof REJECTED | typeof KEPT | typeof REPLACED;

interface Node<T> {
  ideal: Float64Array;
  nadir: Float64Array;
  /** Leaf: its points; internal node: empty. */
  points: T[];
  /** Internal node: its children; leaf: null. */
  children: Node<T>[] | null;
}

function newNode<T>(m: number): Node<T> {
  return { ideal: new Float64Array(m).fill(Infinity), nadir: new Float64Array(m).fill(-Infinity), points: [], children: null };
}

function isEmpty<T>(n: Node<T>): boolean {
  return n.children === null ? n.points.length === 0 : n.children.length === 0;
}

export class NdTree<T extends { readonly f: Float64Array }> {
  readonly maxLeafSize: number;
  readonly childCount: number;
  private root: Node<T>;
  private count = 0;
  private readonly preferEqual: (y: T, z: T) => boolean;
  private readonly onRemove: ((z: T) => void) | undefined;

  /** `m`: number of objectives. */
  constructor(readonly m: number, options: NdTreeOptions<T> = {}) {
    this.maxLeafSize = options.maxLeafSize ?? 20;
    this.childCount = options.children ?? m + 1;
    if (!(this.maxLeafSize >= 1) || !(this.childCount >= 2)) throw new RangeError('ND-tree: maxLeafSize >= 1 and children >= 2');
    this.preferEqual = options.preferEqual ?? ((): boolean => false);
    this.onRemove = options.onRemove;
    this.root = newNode(m);
  }

  get size(): number {
    return this.count;
  }

  /**
   * Offers y (Algorithm 1): rejected when a stored point weakly dominates it (an equal one unless
   * `preferEqual`); otherwise the points it dominates leave and y enters. True when y entered.
   */
  update(y: T): boolean {
    if (this.count > 0) {
      const r = this.updateNode(this.root, y);
      if (r === REJECTED) return false;
      if (r === REPLACED) return true;
      if (isEmpty(this.root)) this.root = newNode(this.m);
    }
    this.insert(y);
    return true;
  }

  /** Inserts y without any dominance test (Algorithm 3): for loading points known to be mutually non-dominated. */
  insert(y: T): void {
    const f = y.f;
    const m = this.m;
    let n = this.root;
    for (;;) {
      const lo = n.ideal;
      const hi = n.nadir;
      for (let k = 0; k < m; k++) {
        const v = f[k]!;
        if (v < lo[k]!) lo[k] = v;
        if (v > hi[k]!) hi[k] = v;
      }
      if (n.children === null) {
        n.points.push(y);
        if (n.points.length > this.maxLeafSize) this.split(n);
        break;
      }
      n = this.nearest(n.children, f);
    }
    this.count++;
  }

  /** Every stored point (tree order, not sorted). */
  toArray(): T[] {
    const out: T[] = [];
    const stack = [this.root];
    while (stack.length > 0) {
      const n = stack.pop()!;
      if (n.children === null) for (const p of n.points) out.push(p);
      else for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
    }
    return out;
  }

  /** Algorithm 2 (UpdateNode), with the equal-vector departure described in the header. */
  private updateNode(n: Node<T>, y: T): Outcome {
    const f = y.f;
    const m = this.m;
    const lo = n.ideal;
    const hi = n.nadir;
    let nadirLeY = true; // zN ≤ y
    let yLeIdeal = true; // y ≤ zI
    let yLeNadir = true; // y ≤ zN
    let idealLeY = true; // zI ≤ y
    for (let k = 0; k < m; k++) {
      const v = f[k]!;
      const a = lo[k]!;
      const b = hi[k]!;
      if (b > v) nadirLeY = false;
      else if (b < v) yLeNadir = false;
      if (a < v) yLeIdeal = false;
      else if (a > v) idealLeY = false;
      if (!yLeNadir && !idealLeY) return KEPT; // skipped (zI ≤ zN, so neither of the tests below can hold)
    }
    if (nadirLeY && !yLeNadir) return REJECTED; // zN ≤ y and zN ≠ y
    if (yLeIdeal && !idealLeY) {
      this.clear(n); // y ≤ zI and y ≠ zI
      return KEPT;
    }
    if (n.children === null) return this.updateLeaf(n, y);
    const ch = n.children;
    let w = 0;
    for (let i = 0; i < ch.length; i++) {
      const c = ch[i]!;
      const r = this.updateNode(c, y);
      if (r !== KEPT) {
        // y is weakly dominated by (or equal to) a point, so it dominated none: nothing was removed before
        if (w < i) {
          while (i < ch.length) ch[w++] = ch[i++]!;
          ch.length = w;
        }
        return r;
      }
      if (!isEmpty(c)) ch[w++] = c;
    }
    if (w === ch.length) return KEPT;
    ch.length = w;
    if (w === 1) {
      const c = ch[0]!;
      n.ideal = c.ideal;
      n.nadir = c.nadir;
      n.points = c.points;
      n.children = c.children;
    }
    return KEPT;
  }

  private updateLeaf(n: Node<T>, y: T): Outcome {
    const f = y.f;
    const m = this.m;
    const pts = n.points;
    let w = 0;
    for (let i = 0; i < pts.length; i++) {
      const z = pts[i]!;
      const g = z.f;
      let zLeY = true;
      let yLeZ = true;
      for (let k = 0; k < m; k++) {
        const a = g[k]!;
        const b = f[k]!;
        if (a > b) {
          zLeY = false;
          if (!yLeZ) break;
        } else if (a < b) {
          yLeZ = false;
          if (!zLeY) break;
        }
      }
      if (zLeY) {
        // z weakly dominates y, so (the points being mutually non-dominated) y dominated none before it
        let r: Outcome = REJECTED;
        if (yLeZ && this.preferEqual(y, z)) {
          pts[i] = y;
          this.onRemove?.(z);
          r = REPLACED;
        }
        if (w < i) {
          while (i < pts.length) pts[w++] = pts[i++]!;
          pts.length = w;
        }
        return r;
      }
      if (yLeZ) {
        this.count--;
        this.onRemove?.(z);
        continue;
      }
      pts[w++] = z;
    }
    if (w < pts.length) pts.length = w;
    return KEPT;
  }

  /** Removes every point below n (leaves n an empty leaf, which its parent then drops). */
  private clear(n: Node<T>): void {
    const stack = [n];
    while (stack.length > 0) {
      const c = stack.pop()!;
      if (c.children === null) {
        this.count -= c.points.length;
        if (this.onRemove !== undefined) for (const p of c.points) this.onRemove(p);
      } else for (let i = c.children.length - 1; i >= 0; i--) stack.push(c.children[i]!);
    }
    n.children = null;
    n.points = [];
  }

  /** The child whose midpoint (zI + zN) / 2 is nearest to f (first on ties). */
  private nearest(children: readonly Node<T>[], f: Float64Array): Node<T> {
    const m = this.m;
    let best = children[0]!;
    let bestD = Infinity;
    for (const c of children) {
      let d = 0;
      for (let k = 0; k < m; k++) {
        const e = f[k]! - 0.5 * (c.ideal[k]! + c.nadir[k]!);
        d += e * e;
        if (d >= bestD) break;
      }
      if (d < bestD) {
        bestD = d;
        best = c;
      }
    }
    return best;
  }

  /** Algorithm 4 (Split): seeds by largest average distance, the rest to the nearest midpoint in order. */
  private split(n: Node<T>): void {
    const m = this.m;
    const pts = n.points;
    const L = pts.length;
    const D = new Float64Array(L * L);
    for (let i = 0; i < L; i++) {
      const a = pts[i]!.f;
      for (let j = i + 1; j < L; j++) {
        const b = pts[j]!.f;
        let s = 0;
        for (let k = 0; k < m; k++) s += (a[k]! - b[k]!) ** 2;
        D[i * L + j] = D[j * L + i] = Math.sqrt(s);
      }
    }
    const taken = new Uint8Array(L);
    const sum = new Float64Array(L); // distance to the points of the children (first seed: to all others)
    for (let i = 0; i < L; i++) for (let j = 0; j < L; j++) sum[i]! += D[i * L + j]!;
    const children: Node<T>[] = [];
    const C = Math.min(this.childCount, L);
    while (children.length < C) {
      let s = -1;
      for (let i = 0; i < L; i++) if (!taken[i] && (s < 0 || sum[i]! > sum[s]!)) s = i;
      taken[s] = 1;
      const c = newNode<T>(m);
      c.ideal.set(pts[s]!.f);
      c.nadir.set(pts[s]!.f);
      c.points.push(pts[s]!);
      children.push(c);
      if (children.length === 1) sum.fill(0);
      for (let i = 0; i < L; i++) sum[i]! += D[i * L + s]!;
    }
    for (let i = 0; i < L; i++) {
      if (taken[i]) continue;
      const p = pts[i]!;
      const c = this.nearest(children, p.f);
      for (let k = 0; k < m; k++) {
        const v = p.f[k]!;
        if (v < c.ideal[k]!) c.ideal[k] = v;
        if (v > c.nadir[k]!) c.nadir[k] = v;
      }
      c.points.push(p);
    }
    n.points = [];
    n.children = children;
  }
}
