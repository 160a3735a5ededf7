/**
 * Upper bound on the uniform all-to-all maximum concurrent flow of an open cylinder (a band of planes, cylinder.ts) at
 * one instant, from LP duality on the instant's own links: it counts the in-plane hops of the detours to the columns
 * whose cross-plane links are on, which the in-plane volume bound of cylinder.ts does not.
 *
 * For every length function l ≥ 0 on the arcs (Shahrokhi & Matula, J. ACM 37(2) 318–334, 1990, §2; Leighton & Rao,
 * J. ACM 46(6) 787–832, 1999, §1):  λ* ≤ Σ_a c_a·l_a / Σ_{s≠t} dist_l(s, t).  Here l is 1 on the in-plane links at
 * a set K of slot positions (hops, polar or pattern; the smallest bound kept) and 0 elsewhere; distances over the
 * segments' merged nodes by breadth-first search from the junctions, and along the chains between them.
 * Validity: P ≥ 1, S ≥ 3 (a ring of S links per plane); any capacities ≥ 0 (Infinity when no set applies). An
 * in-plane link off inside a segment (l = 0) is taken as on: distances on that supergraph are no longer, so the bound
 * only weakens and stays a bound.
 * Derivation, evidence and costs: docs/constellations.md §"Open-cylinder LP-duality bound".
 */

/** The length functions tried (header). */
export const CYLINDER_DUAL_FAMILIES = ['hops', 'polar', 'pattern'] as const;
export type CylinderDualFamily = (typeof CYLINDER_DUAL_FAMILIES)[number];

export interface CylinderDualBound {
  /** Smallest bound over the families [b/s per node]; Infinity when none applies. */
  readonly rate_bps: number;
  /** Family that gives it (null when none applies). */
  readonly family: CylinderDualFamily | null;
}

/** Contracted graph of one K: node sizes and undirected adjacency (CSR). */
export interface Contracted {
  readonly size: Float64Array;
  readonly start: Int32Array;
  readonly adj: Int32Array;
}

/** Per column: a key of its on gaps (equal keys ⇔ equal sets, by direct comparison) and whether every gap is on. */
function columnPatterns(P: number, S: number, cross_bps: Float64Array) {
  const fullyOn = new Uint8Array(S);
  for (let s = 0; s < S; s++) {
    let all = 1;
    for (let g = 0; g < P - 1 && all === 1; g++) if (!(cross_bps[g * S + s]! > 0)) all = 0;
    fullyOn[s] = all;
  }
  const samePattern = (a: number, b: number): boolean => {
    for (let g = 0; g < P - 1; g++) if (cross_bps[g * S + a]! > 0 !== cross_bps[g * S + b]! > 0) return false;
    return true;
  };
  return { fullyOn, samePattern };
}

/** The K sets of the families (null where a family gives no link or repeats an earlier one). */
function familySets(P: number, S: number, cross_bps: Float64Array): (Uint8Array | null)[] {
  const { fullyOn, samePattern } = columnPatterns(P, S, cross_bps);
  const hops = new Uint8Array(S).fill(1);
  const polar = Uint8Array.from({ length: S }, (_, s) => (fullyOn[s] !== fullyOn[(s + 1) % S] ? 1 : 0));
  const pattern = Uint8Array.from({ length: S }, (_, s) => (samePattern(s, (s + 1) % S) ? 0 : 1));
  const same = (a: Uint8Array, b: Uint8Array): boolean => a.every((x, i) => x === b[i]);
  const sets: (Uint8Array | null)[] = [hops, polar, pattern];
  return sets.map((k, i) =>
    k === null || k.every((x) => x === 0) || sets.slice(0, i).some((e) => e !== null && same(e, k)) ? null : k,
  );
}

/** Contract the band for K (header): nodes are (segment, run of planes), edges the K links that are on. */
function contract(P: number, S: number, inPlane_bps: Float64Array, cross_bps: Float64Array, K: Uint8Array): Contracted {
  const first = K.indexOf(1); // segments start after a K link: the first at column first + 1
  const nodeOf = new Int32Array(S * P); // node of (segment of column s, plane q) at [segment·P + q]
  const sizes: number[] = [];
  const segStart: number[] = [],
    segLen: number[] = [];
  for (let i = 0, seg = 0; i < S; seg++) {
    const s0 = (first + 1 + i) % S;
    let len = 1;
    while (K[(s0 + len - 1) % S] === 0) len++;
    segStart.push(s0);
    segLen.push(len);
    let runStart = 0;
    for (let q = 0; q < P; q++) {
      let joined = false;
      for (let k = 0; k < len && q < P - 1 && !joined; k++) joined = cross_bps[q * S + ((s0 + k) % S)]! > 0;
      if (!joined) {
        for (let r = runStart; r <= q; r++) nodeOf[seg * P + r] = sizes.length;
        sizes.push(len * (q - runStart + 1));
        runStart = q + 1;
      }
    }
    i += len;
  }
  // Edges: the K link closing segment j joins (j, q) to (j + 1, q) in every plane where it is on.
  const J = segStart.length;
  const from: number[] = [],
    to: number[] = [];
  for (let j = 0; j < J; j++) {
    const s = (segStart[j]! + segLen[j]! - 1) % S,
      next = (j + 1) % J;
    let lu = -1,
      lv = -1;
    for (let q = 0; q < P; q++) {
      if (!(inPlane_bps[q * S + s]! > 0)) continue;
      const u = nodeOf[j * P + q]!,
        v = nodeOf[next * P + q]!;
      if (u === v || (u === lu && v === lv)) continue;
      from.push(u, v);
      to.push(v, u);
      [lu, lv] = [u, v];
    }
  }
  const M = sizes.length;
  const start = new Int32Array(M + 1);
  for (const u of from) start[u + 1]!++;
  for (let u = 0; u < M; u++) start[u + 1]! += start[u]!;
  const fill = start.slice(0, M);
  const adj = new Int32Array(from.length);
  from.forEach((u, e) => (adj[fill[u]!++] = to[e]!));
  return { size: Float64Array.from(sizes), start, adj };
}

/** Breadth-first distances from x into `dist` (−1 where unreached); returns how many nodes it reached. */
function breadthFirst(g: Contracted, x: number, dist: Int32Array, queue: Int32Array): number {
  dist.fill(-1);
  dist[x] = 0;
  queue[0] = x;
  let head = 0,
    tail = 1;
  while (head < tail) {
    const u = queue[head++]!;
    for (let e = g.start[u]!; e < g.start[u + 1]!; e++) {
      const v = g.adj[e]!;
      if (dist[v]! < 0) {
        dist[v] = dist[u]! + 1;
        queue[tail++] = v;
      }
    }
  }
  return tail;
}

/** A maximal path of nodes of two distinct neighbours (in order from u) between junctions u and v (maybe equal). */
interface Chain {
  readonly u: number;
  readonly v: number;
  readonly inner: readonly number[];
}

/**
 * The junctions (nodes without exactly two distinct neighbours; node 0 when every node has two, a ring) and the
 * chains between them. An inner node's paths leave its chain through u or v, which is what makes the sum cheap.
 */
function chainsOf(g: Contracted): { junction: Uint8Array; chains: Chain[] } {
  const M = g.size.length;
  const junction = new Uint8Array(M);
  let any = false;
  for (let u = 0; u < M; u++) {
    const e = g.start[u]!;
    if (g.start[u + 1]! - e !== 2 || g.adj[e] === g.adj[e + 1]) junction[u] = 1;
    any ||= junction[u] === 1;
  }
  if (!any && M > 0) junction[0] = 1;
  const seen = new Uint8Array(M);
  const chains: Chain[] = [];
  for (let u = 0; u < M; u++) {
    if (junction[u] !== 1) continue;
    for (let e = g.start[u]!; e < g.start[u + 1]!; e++) {
      let prev = u,
        cur = g.adj[e]!;
      if (junction[cur] === 1 || seen[cur] === 1) continue;
      const inner: number[] = [];
      while (junction[cur] !== 1) {
        seen[cur] = 1;
        inner.push(cur);
        const a = g.adj[g.start[cur]!]!,
          next = a === prev ? g.adj[g.start[cur]! + 1]! : a;
        prev = cur;
        cur = next;
      }
      chains.push({ u, v: cur, inner });
    }
  }
  return { junction, chains };
}

/**
 * Σ over ordered node pairs of size·size·dist (header); Infinity if disconnected. A breadth-first search from every
 * junction; an inner node x of a chain at a hops from u (L from u to v) is at min(a + d_u(y), L − a + d_v(y)) from
 * any y off its chain (its paths leave through u or v), so with every y binned by d_u(y) − d_v(y) ∈ [−d(u,v), d(u,v)]
 * (once per pair u, v) its sum is two prefix sums; pairs inside one chain are corrected directly. A band's polar
 * columns, where each plane is a chain, cost a few searches instead of one per node. Exact: sizes and distances are
 * integers below 2^53 in sum.
 */
export function distanceSum(g: Contracted): number {
  const M = g.size.length;
  const { junction, chains } = chainsOf(g);
  const queue = new Int32Array(M);
  const row = new Int32Array(M).fill(-1); // each chain end's row of distances in `ends`
  let rowCount = 0;
  for (const c of chains) for (const j of [c.u, c.v]) if (row[j]! < 0) row[j] = rowCount++;
  const ends = new Int32Array((rowCount + 1) * M); // the last row: scratch for junctions that end no chain
  let total = 0;
  for (let x = 0; x < M; x++) {
    if (junction[x] !== 1) continue;
    const dist = ends.subarray((row[x]! < 0 ? rowCount : row[x]!) * M, (row[x]! < 0 ? rowCount + 1 : row[x]! + 1) * M);
    if (breadthFirst(g, x, dist, queue) < M) return Infinity;
    let sum = 0;
    for (let y = 0; y < M; y++) sum += g.size[y]! * dist[y]!;
    total += g.size[x]! * sum;
  }
  // chains grouped by their ends: one binning per pair, in arrays kept across pairs (|δ| ≤ d(u, v) < M)
  chains.sort((a, b) => a.u - b.u || a.v - b.v);
  const bins = {
    D: 0,
    count: new Float64Array(2 * M + 2),
    viaU: new Float64Array(2 * M + 2),
    viaV: new Float64Array(2 * M + 2),
  };
  chains.forEach((c, n) => {
    const du = ends.subarray(row[c.u]! * M, (row[c.u]! + 1) * M),
      dv = ends.subarray(row[c.v]! * M, (row[c.v]! + 1) * M);
    if (n === 0 || chains[n - 1]!.u !== c.u || chains[n - 1]!.v !== c.v)
      binByDifference(g.size, du, dv, du[c.v]!, bins);
    const { D, count, viaU, viaV } = bins;
    const L = c.inner.length + 1;
    const viaEnds = (a: number, y: number) => Math.min(a + du[y]!, L - a + dv[y]!);
    c.inner.forEach((x, i) => {
      const a = i + 1;
      const t = Math.max(-D - 1, Math.min(D, L - 2 * a)) + D; // bins 0..t leave through u
      let sum = a * count[t + 1]! + viaU[t + 1]! + (L - a) * (count[2 * D + 1]! - count[t + 1]!);
      sum += viaV[2 * D + 1]! - viaV[t + 1]!;
      c.inner.forEach((y, k) => (sum += g.size[y]! * (Math.min(Math.abs(k - i), viaEnds(a, y)) - viaEnds(a, y))));
      total += g.size[x]! * sum;
    });
  });
  return total;
}

/**
 * Prefix sums over the bins of δ = d_u(y) − d_v(y) + D, D = d(u, v) ≥ |d_u − d_v| (triangle inequality): Σ size,
 * Σ size·d_u, Σ size·d_v (entry i: bins below i), written into `out`.
 */
function binByDifference(
  size: Float64Array,
  du: Int32Array,
  dv: Int32Array,
  D: number,
  out: { D: number; count: Float64Array; viaU: Float64Array; viaV: Float64Array },
): void {
  const n = 2 * D + 1;
  const { count, viaU, viaV } = out;
  out.D = D;
  count.fill(0, 0, n + 1);
  viaU.fill(0, 0, n + 1);
  viaV.fill(0, 0, n + 1);
  for (let y = 0; y < size.length; y++) {
    const i = du[y]! - dv[y]! + D + 1;
    count[i]! += size[y]!;
    viaU[i]! += size[y]! * du[y]!;
    viaV[i]! += size[y]! * dv[y]!;
  }
  for (let i = 1; i <= n; i++) {
    count[i]! += count[i - 1]!;
    viaU[i]! += viaU[i - 1]!;
    viaV[i]! += viaV[i - 1]!;
  }
}

/**
 * Σ dist by link structure: it depends on which links are on and on K, not on their rates, and is the same for the
 * structure turned by whole columns (the segments close into the same ring; sizes and distances are integers, so the
 * sum is exact in any order). A study meets the same structures again and again (shells of one geometry at the same
 * instants, the pattern carried round the ring between instants: ~85 % of the shipped constellation study's bounds),
 * while the sum costs a search per junction.
 */
const distanceMemo = new Map<string, number>();
const DISTANCE_MEMO_LIMIT = 8192;

/**
 * The structure a distance sum depends on, as a string: P, S, then column by column from the least rotation, K and
 * each plane's in-plane (bit 0) and cross-plane (bit 1) link on, eight planes to a 16-bit code.
 */
function structureKey(P: number, S: number, inPlane_bps: Float64Array, cross_bps: Float64Array, K: Uint8Array): string {
  const W = 1 + Math.ceil(P / 8);
  const codes = new Uint16Array(W * S);
  for (let s = 0; s < S; s++) {
    codes[s * W] = K[s]!;
    for (let q = 0; q < P; q++) {
      const i = q * S + s;
      const bits = (inPlane_bps[i]! > 0 ? 1 : 0) + (q < P - 1 && cross_bps[i]! > 0 ? 2 : 0);
      codes[s * W + 1 + (q >> 3)]! |= bits << (2 * (q & 7));
    }
  }
  const r = leastRotation(codes, W, S);
  const rotated = new Uint16Array(W * S);
  rotated.set(codes.subarray(r * W));
  rotated.set(codes.subarray(0, r * W), (S - r) * W);
  let key = `${P},${S}:`;
  for (let i = 0; i < rotated.length; i += 4096) key += String.fromCharCode(...rotated.subarray(i, i + 4096));
  return key;
}

/** Start of the lexicographically least rotation of S columns of W codes (two-pointer minimum expression, O(S·W)). */
function leastRotation(codes: Uint16Array, W: number, S: number): number {
  const compare = (a: number, b: number): number => {
    for (let w = 0; w < W; w++) {
      const d = codes[a * W + w]! - codes[b * W + w]!;
      if (d !== 0) return d;
    }
    return 0;
  };
  let i = 0,
    j = 1,
    k = 0;
  while (i < S && j < S && k < S) {
    const c = compare((i + k) % S, (j + k) % S);
    if (c === 0) {
      k++;
      continue;
    }
    if (c > 0) i += k + 1;
    else j += k + 1;
    if (i === j) j++;
    k = 0;
  }
  return Math.min(i, j) % S;
}

/** The bound of one K [b/s per node]: Σ_a c_a·l_a / Σ dist · (N − 1); 0 when the graph is disconnected. */
export function cylinderDualRate(
  P: number,
  S: number,
  inPlane_bps: Float64Array,
  cross_bps: Float64Array,
  K: Uint8Array,
): number {
  let lengthCapacity = 0; // both directions of every K link
  for (let q = 0; q < P; q++) for (let s = 0; s < S; s++) if (K[s] === 1) lengthCapacity += 2 * inPlane_bps[q * S + s]!;
  const key = structureKey(P, S, inPlane_bps, cross_bps, K);
  let d = distanceMemo.get(key);
  if (d === undefined) {
    d = distanceSum(contract(P, S, inPlane_bps, cross_bps, K));
    if (distanceMemo.size >= DISTANCE_MEMO_LIMIT) distanceMemo.clear();
    distanceMemo.set(key, d);
  }
  if (!(d > 0)) return Infinity;
  return (lengthCapacity / d) * (P * S - 1);
}

/** The smallest bound of the families (header) on the instant's links (torusInstant.ts numbering, no seam). */
export function cylinderDualBound(
  P: number,
  S: number,
  inPlane_bps: Float64Array,
  cross_bps: Float64Array,
): CylinderDualBound {
  let best: CylinderDualBound = { rate_bps: Infinity, family: null };
  if (S < 3) return best;
  familySets(P, S, cross_bps).forEach((K, i) => {
    if (K === null) return;
    const rate_bps = cylinderDualRate(P, S, inPlane_bps, cross_bps, K);
    if (rate_bps < best.rate_bps) best = { rate_bps, family: CYLINDER_DUAL_FAMILIES[i]! };
  });
  return best;
}
