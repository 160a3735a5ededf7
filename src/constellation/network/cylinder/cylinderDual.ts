/**
 * Upper bound on the uniform all-to-all maximum concurrent flow of an open cylinder (a band of planes, cylinder.ts) at
 * one instant, from LP duality on the instant's own links: it counts the in-plane hops of the detours to the columns
 * whose cross-plane links are on, which the in-plane volume bound of cylinder.ts does not.
 *
 * For every length function l ≥ 0 on the arcs (Shahrokhi & Matula, J. ACM 37(2) 318–334, 1990, §2; Leighton & Rao,
 * J. ACM 46(6) 787–832, 1999, §1):  λ* ≤ Σ_a c_a·l_a / Σ_{s≠t} dist_l(s, t).  Here l is 1 on the in-plane links at
 * a set K of slot positions (hops, polar or pattern; the smallest bound kept) and 0 elsewhere; distances over the
 * segments' merged nodes from the junctions (Dijkstra on the graph of the junctions), and along the chains between.
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

/**
 * Maximal paths of nodes of two distinct neighbours between junctions (nodes without exactly two; node 0 when every
 * node has two, a ring), flat: chain c runs from junction u[c] through inner[innerStart[c] .. innerStart[c + 1]) (in
 * order from u) to junction v[c] (maybe u[c]). An inner node's paths leave its chain through u or v, which is what
 * makes the sum cheap.
 */
interface Chains {
  readonly junction: Uint8Array;
  readonly u: Int32Array;
  readonly v: Int32Array;
  readonly innerStart: Int32Array;
  readonly inner: Int32Array;
}

function chainsOf(g: Contracted): Chains {
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
  const us: number[] = [],
    vs: number[] = [],
    innerStart = [0];
  const inner = new Int32Array(M);
  let n = 0;
  for (let u = 0; u < M; u++) {
    if (junction[u] !== 1) continue;
    for (let e = g.start[u]!; e < g.start[u + 1]!; e++) {
      let prev = u,
        cur = g.adj[e]!;
      if (junction[cur] === 1 || seen[cur] === 1) continue;
      while (junction[cur] !== 1) {
        seen[cur] = 1;
        inner[n++] = cur;
        const a = g.adj[g.start[cur]!]!,
          next = a === prev ? g.adj[g.start[cur]! + 1]! : a;
        prev = cur;
        cur = next;
      }
      us.push(u);
      vs.push(cur);
      innerStart.push(n);
    }
  }
  return {
    junction,
    u: Int32Array.from(us),
    v: Int32Array.from(vs),
    innerStart: Int32Array.from(innerStart),
    inner: inner.subarray(0, n),
  };
}

/**
 * The junction graph (CSR over junction numbers): a link between two junctions is an edge of length 1, a chain
 * between two distinct junctions one of its length (a chain back to its own junction shortens nothing).
 */
function junctionGraph(g: Contracted, ch: Chains, id: Int32Array, J: number) {
  const from: number[] = [],
    to: number[] = [],
    length: number[] = [];
  for (let u = 0; u < g.size.length; u++) {
    if (ch.junction[u] !== 1) continue;
    for (let e = g.start[u]!; e < g.start[u + 1]!; e++)
      if (ch.junction[g.adj[e]!] === 1) {
        from.push(id[u]!);
        to.push(id[g.adj[e]!]!);
        length.push(1);
      }
  }
  for (let c = 0; c < ch.u.length; c++) {
    const a = id[ch.u[c]!]!,
      b = id[ch.v[c]!]!,
      L = ch.innerStart[c + 1]! - ch.innerStart[c]! + 1;
    if (a === b) continue;
    from.push(a, b);
    to.push(b, a);
    length.push(L, L);
  }
  const start = new Int32Array(J + 1);
  for (const a of from) start[a + 1]!++;
  for (let a = 0; a < J; a++) start[a + 1]! += start[a]!;
  const fill = start.slice(0, J);
  const adj = new Int32Array(from.length),
    len = new Int32Array(from.length);
  from.forEach((a, e) => {
    adj[fill[a]!] = to[e]!;
    len[fill[a]!++] = length[e]!;
  });
  return { start, adj, len };
}

/** Work arrays of junctionDistances: a bucket queue of W + 1 buckets (W the longest edge), an entry per improvement. */
interface Buckets {
  readonly head: Int32Array;
  readonly next: Int32Array;
  readonly node: Int32Array;
  readonly done: Uint8Array;
}

function bucketsFor(jg: ReturnType<typeof junctionGraph>, J: number): Buckets {
  const W = jg.len.reduce((a, b) => Math.max(a, b), 0);
  const entries = jg.adj.length + 1;
  return {
    head: new Int32Array(W + 1),
    next: new Int32Array(entries),
    node: new Int32Array(entries),
    done: new Uint8Array(J),
  };
}

/**
 * Distances from junction x to every junction into `dist` (Dijkstra with a bucket queue, Dial, Commun. ACM 12(11)
 * 632–633, 1969: the lengths are integers ≤ W, so every entry pending at distance d lies in [d, d + W] and bucket
 * d mod (W + 1) holds those at d); false when one is unreached.
 */
function junctionDistances(jg: ReturnType<typeof junctionGraph>, x: number, dist: Int32Array, q: Buckets): boolean {
  const J = dist.length,
    B = q.head.length;
  const { head, next, node, done } = q;
  dist.fill(-1);
  done.fill(0);
  head.fill(-1);
  dist[x] = 0;
  node[0] = x;
  next[0] = -1;
  head[0] = 0;
  let entries = 1,
    pending = 1,
    reached = 0;
  for (let d = 0; pending > 0 && reached < J; d++) {
    const b = d % B;
    let e = head[b]!;
    head[b] = -1;
    while (e >= 0) {
      const u = node[e]!;
      e = next[e]!;
      pending--;
      if (done[u] === 1 || dist[u] !== d) continue;
      done[u] = 1;
      reached++;
      for (let f: number = jg.start[u]!; f < jg.start[u + 1]!; f++) {
        const w = jg.adj[f]!,
          dw = d + jg.len[f]!;
        if (dist[w]! >= 0 && dist[w]! <= dw) continue;
        dist[w] = dw;
        node[entries] = w;
        next[entries] = head[dw % B]!;
        head[dw % B] = entries++;
        pending++;
      }
    }
  }
  return reached === J;
}

/**
 * Σ over ordered node pairs of size·size·dist (header); Infinity if disconnected. Distances from every junction: to
 * the junctions by Dijkstra on the junction graph (chains as edges of their length), to an inner node x of a chain at
 * a hops from u (L from u to v) as min(a + d_u, L − a + d_v). The same holds from x to any y off its chain (its paths
 * leave through u or v), so with every y binned by d_u(y) − d_v(y) ∈ [−d(u,v), d(u,v)] (once per pair u, v) its sum
 * is two prefix sums; pairs inside one chain are corrected directly. A band's polar columns, where each plane is a
 * chain, cost a few searches of the few junctions instead of one per node. `copies` m: the structure repeats m times
 * round the ring (cylinderDualRate), so σ(u) = u + M/m (mod M) may be an automorphism (checked, else m = 1): then
 * d(σx, σy) = d(x, y), the sum is m times that from the nodes below M/m, and a chain end's row is its image's row
 * permuted. Exact: sizes and distances are integers below 2^53 in sum.
 */
export function distanceSum(g: Contracted, copies = 1): number {
  const M = g.size.length;
  const ch = chainsOf(g);
  const id = new Int32Array(M).fill(-1);
  const junctions: number[] = [];
  for (let x = 0; x < M; x++) if (ch.junction[x] === 1) id[x] = junctions.push(x) - 1;
  if (junctions.length + ch.inner.length < M) return Infinity; // a ring of its own, apart from the junctions
  const B = copies > 1 && isShiftAutomorphism(g, ch, M / copies) ? M / copies : M;
  const row = new Int32Array(M).fill(-1); // each chain end's row of distances in `ends`
  let rowCount = 0;
  for (let c = 0; c < ch.u.length; c++) for (const j of [ch.u[c]!, ch.v[c]!]) if (row[j]! < 0) row[j] = rowCount++;
  const ends = new Int32Array(rowCount * M);
  const fromJunctions = junctionSums(g, ch, junctions, id, row, ends, B);
  return Number.isFinite(fromJunctions) ? (M / B) * (fromJunctions + chainSums(g, ch, row, ends, B)) : Infinity;
}

/** Whether u ↦ u + B (mod M) keeps sizes, junctions and the adjacency (as multisets); B a whole divisor of M. */
function isShiftAutomorphism(g: Contracted, ch: Chains, B: number): boolean {
  const M = g.size.length;
  if (!Number.isInteger(B) || B <= 0 || B >= M) return false;
  const { start, adj } = g;
  const count = (from: number, w: number): number => {
    let n = 0;
    for (let e = start[from]!; e < start[from + 1]!; e++) if (adj[e] === w) n++;
    return n;
  };
  for (let u = 0; u < M; u++) {
    const v = (u + B) % M;
    if (g.size[v] !== g.size[u] || ch.junction[v] !== ch.junction[u]) return false;
    if (start[v + 1]! - start[v]! !== start[u + 1]! - start[u]!) return false;
    for (let e = start[u]!; e < start[u + 1]!; e++) if (count(v, (adj[e]! + B) % M) !== count(u, adj[e]!)) return false;
  }
  return true;
}

/**
 * Σ over the junctions x < B and every y of size·size·dist (Infinity if disconnected), writing the chain ends' rows:
 * a row of x = x₀ + t·B from that of x₀ (distanceSum): d(x, y) = d(x₀, y − t·B mod M).
 */
function junctionSums(
  g: Contracted,
  ch: Chains,
  junctions: readonly number[],
  id: Int32Array,
  row: Int32Array,
  ends: Int32Array,
  B: number,
): number {
  const { u: cu, v: cv, innerStart, inner } = ch;
  const M = g.size.length,
    J = junctions.length;
  const jg = junctionGraph(g, ch, id, J);
  const dj = new Int32Array(J),
    queue = bucketsFor(jg, J);
  let total = 0;
  for (let k = 0; k < J; k++) {
    const x = junctions[k]!;
    const r = row[x]!;
    if (x >= B) {
      if (r < 0) continue;
      const shift = x - (x % B), // t·B
        image = ends.subarray(row[x % B]! * M, (row[x % B]! + 1) * M);
      ends.set(image.subarray(M - shift), r * M);
      ends.set(image.subarray(0, M - shift), r * M + shift);
      continue;
    }
    if (!junctionDistances(jg, k, dj, queue)) return Infinity;
    let sum = 0;
    for (let i = 0; i < J; i++) sum += g.size[junctions[i]!]! * dj[i]!;
    const dist = r < 0 ? null : ends.subarray(r * M, (r + 1) * M);
    if (dist !== null) for (let i = 0; i < J; i++) dist[junctions[i]!] = dj[i]!;
    for (let c = 0; c < cu.length; c++) {
      const i0 = innerStart[c]!,
        L = innerStart[c + 1]! - i0 + 1,
        du = dj[id[cu[c]!]!]!,
        dv = dj[id[cv[c]!]!]!;
      for (let a = 1; a < L; a++) {
        const y = inner[i0 + a - 1]!,
          d = Math.min(a + du, L - a + dv);
        sum += g.size[y]! * d;
        if (dist !== null) dist[y] = d;
      }
    }
    total += g.size[x]! * sum;
  }
  return total;
}

/** Σ over the chains' inner nodes x < B and every y of size·size·dist, from the chain ends' rows (distanceSum). */
function chainSums(g: Contracted, ch: Chains, row: Int32Array, ends: Int32Array, B: number): number {
  const { u: cu, v: cv, innerStart, inner } = ch;
  const M = g.size.length;
  // chains grouped by their ends: one binning per pair, in arrays kept across pairs (|δ| ≤ d(u, v) < M)
  const order = Array.from({ length: cu.length }, (_, c) => c).sort((a, b) => cu[a]! - cu[b]! || cv[a]! - cv[b]!);
  const bins = {
    D: 0,
    count: new Float64Array(2 * M + 2),
    viaU: new Float64Array(2 * M + 2),
    viaV: new Float64Array(2 * M + 2),
  };
  let total = 0,
    binned = -1; // the chain whose ends the bins hold
  for (const c of order) {
    const i0 = innerStart[c]!,
      L = innerStart[c + 1]! - i0 + 1;
    let any = false;
    for (let i = i0; i < i0 + L - 1 && !any; i++) any = inner[i]! < B;
    if (!any) continue;
    const ou = row[cu[c]!]! * M,
      ov = row[cv[c]!]! * M; // the ends' rows in `ends`
    if (binned < 0 || cu[binned] !== cu[c] || cv[binned] !== cv[c])
      binByDifference(g.size, ends, ou, ov, ends[ou + cv[c]!]!, bins);
    binned = c;
    const { D, count, viaU, viaV } = bins;
    for (let i = 0; i < L - 1; i++) {
      const x = inner[i0 + i]!,
        a = i + 1;
      if (x >= B) continue;
      const t = Math.max(-D - 1, Math.min(D, L - 2 * a)) + D; // bins 0..t leave through u
      let sum = a * count[t + 1]! + viaU[t + 1]! + (L - a) * (count[2 * D + 1]! - count[t + 1]!);
      sum += viaV[2 * D + 1]! - viaV[t + 1]!;
      for (let k = 0; k < L - 1; k++) {
        const y = inner[i0 + k]!,
          viaEnds = Math.min(a + ends[ou + y]!, L - a + ends[ov + y]!);
        sum += g.size[y]! * (Math.min(Math.abs(k - i), viaEnds) - viaEnds);
      }
      total += g.size[x]! * sum;
    }
  }
  return total;
}

/**
 * Prefix sums over the bins of δ = d_u(y) − d_v(y) + D, D = d(u, v) ≥ |d_u − d_v| (triangle inequality), d_u and d_v
 * the rows at ou and ov of `ends`: Σ size, Σ size·d_u, Σ size·d_v (entry i: bins below i; a bin's Σ size·d_v is its
 * Σ size·d_u − δ·Σ size, exact in integers), written into `out`.
 */
function binByDifference(
  size: Float64Array,
  ends: Int32Array,
  ou: number,
  ov: number,
  D: number,
  out: { D: number; count: Float64Array; viaU: Float64Array; viaV: Float64Array },
): void {
  const n = 2 * D + 1;
  const { count, viaU, viaV } = out;
  out.D = D;
  count.fill(0, 0, n + 1);
  viaU.fill(0, 0, n + 1);
  viaV[0] = 0;
  for (let y = 0; y < size.length; y++) {
    const du = ends[ou + y]!,
      i = du - ends[ov + y]! + D + 1;
    count[i]! += size[y]!;
    viaU[i]! += size[y]! * du;
  }
  for (let i = 1; i <= n; i++) {
    viaV[i] = viaV[i - 1]! + viaU[i]! - (i - D - 1) * count[i]!;
    count[i]! += count[i - 1]!;
    viaU[i]! += viaU[i - 1]!;
  }
}

/**
 * Σ dist by link structure: it depends on which links are on and on K, not on their rates, and is the same for the
 * structure turned by whole columns (the segments close into the same ring; sizes and distances are integers, so the
 * sum is exact in any order). A study meets the same structures again and again (shells of one geometry at the same
 * instants, the pattern carried round the ring between instants: ~85 % of the shipped constellation study's bounds),
 * while the sum costs a search per junction and a pass over the nodes per junction and per pair of chain ends.
 */
const distanceMemo = new Map<string, number>();
const DISTANCE_MEMO_LIMIT = 8192;

/**
 * The links' part of a structure key: per column, a first code left for K, then each plane's in-plane (bit 0) and
 * cross-plane (bit 1) link on, seven planes to a 14-bit code (W = 1 + ⌈P/7⌉ codes a column; below the UTF-16
 * surrogates, so every code is one character of the key).
 */
function linkCodes(P: number, S: number, inPlane_bps: Float64Array, cross_bps: Float64Array): Uint16Array {
  const W = 1 + Math.ceil(P / 7);
  const codes = new Uint16Array(W * S);
  for (let s = 0; s < S; s++)
    for (let q = 0; q < P; q++) {
      const i = q * S + s;
      const bits = (inPlane_bps[i]! > 0 ? 1 : 0) + (q < P - 1 && cross_bps[i]! > 0 ? 2 : 0);
      codes[s * W + 1 + Math.floor(q / 7)]! |= bits << (2 * (q % 7));
    }
  return codes;
}

const utf16 = new TextDecoder('utf-16le');

/**
 * The structure a distance sum depends on, as a string: P, S, then column by column from the least rotation, K and
 * the column's link codes (linkCodes, whose K slots it writes), each code one UTF-16 character.
 */
function structureKey(P: number, S: number, codes: Uint16Array, K: Uint8Array): string {
  const W = codes.length / S;
  for (let s = 0; s < S; s++) codes[s * W] = K[s]!;
  const r = leastRotation(codes, W, S);
  const rotated = new Uint16Array(W * S);
  rotated.set(codes.subarray(r * W));
  rotated.set(codes.subarray(0, r * W), (S - r) * W);
  return `${P},${S}:` + utf16.decode(rotated);
}

/** Smallest p dividing S with the columns' codes (K slots written) equal under a turn by p columns. */
function period(codes: Uint16Array, S: number): number {
  const W = codes.length / S;
  for (let p = 1; p < S; p++) {
    if (S % p !== 0) continue;
    let same = true;
    for (let i = p * W; i < S * W && same; i++) same = codes[i] === codes[i - p * W];
    if (same) return p;
  }
  return S;
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

/**
 * The bound of one K [b/s per node]: Σ_a c_a·l_a / Σ dist · (N − 1); 0 when the graph is disconnected. `codes`: the
 * instant's linkCodes, shared by its families.
 */
export function cylinderDualRate(
  P: number,
  S: number,
  inPlane_bps: Float64Array,
  cross_bps: Float64Array,
  K: Uint8Array,
  codes = linkCodes(P, S, inPlane_bps, cross_bps),
): number {
  let lengthCapacity = 0; // both directions of every K link
  for (let q = 0; q < P; q++) for (let s = 0; s < S; s++) if (K[s] === 1) lengthCapacity += 2 * inPlane_bps[q * S + s]!;
  const key = structureKey(P, S, codes, K);
  let d = distanceMemo.get(key);
  if (d === undefined) {
    d = distanceSum(contract(P, S, inPlane_bps, cross_bps, K), S / period(codes, S));
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
  const codes = linkCodes(P, S, inPlane_bps, cross_bps); // one instant's links for every family
  familySets(P, S, cross_bps).forEach((K, i) => {
    if (K === null) return;
    const rate_bps = cylinderDualRate(P, S, inPlane_bps, cross_bps, K, codes);
    if (rate_bps < best.rate_bps) best = { rate_bps, family: CYLINDER_DUAL_FAMILIES[i]! };
  });
  return best;
}
