/**
 * Σ over ordered node pairs of size·size·hops on a band's contracted graph (cylinderDual.ts): the denominator of the
 * LP-duality bound. Distances from the junctions (nodes without exactly two neighbours) by Dijkstra on the graph of
 * the junctions (Dial, Commun. ACM 12(11) 632–633, 1969), and along the chains of two-neighbour nodes between them in
 * closed form: a node of a chain leaves it through one of its two ends.
 * Validity: any undirected graph (Infinity when disconnected) whose sizes are whole numbers with Σ size² · M < 2^53
 * (M nodes): then every partial sum is an exact integer and the order of the sums does not matter.
 * Derivation, evidence and costs: docs/constellations.md §"Open-cylinder LP-duality bound".
 */

/** Contracted graph of one K: node sizes and undirected adjacency (CSR). */
export interface Contracted {
  readonly size: Float64Array;
  readonly start: Int32Array;
  readonly adj: Int32Array;
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
  /** Σ size (sizeSum) and Σ a·size (posSum) over chain c's first a inner nodes at [innerStart[c] + c + a]. */
  readonly sizeSum: Float64Array;
  readonly posSum: Float64Array;
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
  const us = new Int32Array(M), // a chain has an inner node of its own: M at most
    vs = new Int32Array(M),
    innerStart = new Int32Array(M + 1),
    inner = new Int32Array(M);
  let n = 0,
    C = 0;
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
      us[C] = u;
      vs[C++] = cur;
      innerStart[C] = n;
    }
  }
  const sizeSum = new Float64Array(n + C),
    posSum = new Float64Array(n + C);
  for (let c = 0; c < C; c++)
    for (let i = innerStart[c]!, o = i + c; i < innerStart[c + 1]!; i++, o++) {
      sizeSum[o + 1] = sizeSum[o]! + g.size[inner[i]!]!;
      posSum[o + 1] = posSum[o]! + (o + 1 - innerStart[c]! - c) * g.size[inner[i]!]!;
    }
  return {
    junction,
    u: us.subarray(0, C),
    v: vs.subarray(0, C),
    innerStart: innerStart.subarray(0, C + 1),
    inner: inner.subarray(0, n),
    sizeSum,
    posSum,
  };
}

/**
 * The junction graph (CSR over junction numbers): a link between two junctions is an edge of length 1, a chain
 * between two distinct junctions one of its length (a chain back to its own junction shortens nothing).
 */
function junctionGraph(g: Contracted, ch: Chains, id: Int32Array, J: number) {
  const { junction, u: cu, v: cv, innerStart } = ch;
  const most = g.adj.length + 2 * cu.length;
  const from = new Int32Array(most),
    to = new Int32Array(most),
    length = new Int32Array(most);
  let E = 0;
  for (let u = 0; u < g.size.length; u++) {
    if (junction[u] !== 1) continue;
    for (let e = g.start[u]!; e < g.start[u + 1]!; e++)
      if (junction[g.adj[e]!] === 1) {
        from[E] = id[u]!;
        to[E] = id[g.adj[e]!]!;
        length[E++] = 1;
      }
  }
  for (let c = 0; c < cu.length; c++) {
    const a = id[cu[c]!]!,
      b = id[cv[c]!]!,
      L = innerStart[c + 1]! - innerStart[c]! + 1;
    if (a === b) continue;
    from[E] = a;
    to[E] = b;
    length[E++] = L;
    from[E] = b;
    to[E] = a;
    length[E++] = L;
  }
  const start = new Int32Array(J + 1);
  for (let e = 0; e < E; e++) start[from[e]! + 1]!++;
  for (let a = 0; a < J; a++) start[a + 1]! += start[a]!;
  const adj = new Int32Array(E),
    len = new Int32Array(E);
  for (let e = 0; e < E; e++) {
    adj[start[from[e]!]!] = to[e]!;
    len[start[from[e]!]!++] = length[e]!;
  }
  for (let a = J; a > 0; a--) start[a] = start[a - 1]!; // each start moved on to the next's: back one place
  start[0] = 0;
  return { start, adj, len };
}

/** Work arrays of junctionDistances: a bucket queue of W + 1 buckets (W the longest edge), an entry per improvement. */
interface Buckets {
  readonly head: Int32Array;
  readonly next: Int32Array;
  readonly node: Int32Array;
}

function bucketsFor(jg: ReturnType<typeof junctionGraph>): Buckets {
  const W = jg.len.reduce((a, b) => Math.max(a, b), 0);
  const entries = jg.adj.length + 1;
  return {
    head: new Int32Array(W + 1),
    next: new Int32Array(entries),
    node: new Int32Array(entries),
  };
}

/**
 * Distances from junction x to every junction into dJ[r, r + J) (Dijkstra with a bucket queue, Dial, Commun. ACM 12(11)
 * 632–633, 1969: the lengths are integers ≤ W, so every entry pending at distance d lies in [d, d + W] and bucket
 * d mod (W + 1) holds those at d); false when one is unreached.
 */
function junctionDistances(
  jg: ReturnType<typeof junctionGraph>,
  x: number,
  dJ: Int32Array,
  r: number,
  J: number,
  q: Buckets,
): boolean {
  const B = q.head.length;
  const { head, next, node } = q;
  dJ.fill(-1, r, r + J);
  head.fill(-1);
  dJ[r + x] = 0;
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
      if (dJ[r + u] !== d) continue; // an entry is settled once: a later one at d would not have been made
      reached++;
      for (let f: number = jg.start[u]!; f < jg.start[u + 1]!; f++) {
        const w = jg.adj[f]!,
          dw = d + jg.len[f]!;
        if (dJ[r + w]! >= 0 && dJ[r + w]! <= dw) continue;
        dJ[r + w] = dw;
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
 * the junctions by Dijkstra on the junction graph (chains as edges of their length), to an inner node at a hops from u
 * of a chain (L from u to v) as min(a + d_u, L − a + d_v), so a chain's sum is two runs of prefix sums (chainsOf),
 * split where the nearer end changes. The same holds from x to any y off its chain (its paths leave through u or v),
 * so with every y binned by d_u(y) − d_v(y) ∈ [−d(u,v), d(u,v)] (once per pair u, v; a chain's nodes fill one bin
 * while d_u and d_v both rise or both fall along it) its sum is two prefix sums; pairs inside one chain are corrected
 * directly. A band's polar columns, where each plane is a chain, cost a few searches of the few junctions instead of
 * one per node. `copies` m: the structure repeats m times round the ring (cylinderDualRate), so σ(u) = u + M/m (mod
 * M) may be an automorphism (checked, else m = 1): then d(σx, σy) = d(x, y), the sum is m times that from the nodes
 * below M/m, and a junction's row is its image's row turned. Exact in any order: sizes and distances are integers,
 * and the sum (at most N²·M, N = P·S nodes of the band) stays below 2^53.
 */
export function distanceSum(g: Contracted, copies = 1): number {
  const M = g.size.length;
  const ch = chainsOf(g);
  const id = new Int32Array(M).fill(-1);
  const junctions: number[] = [];
  for (let x = 0; x < M; x++) if (ch.junction[x] === 1) id[x] = junctions.push(x) - 1;
  if (junctions.length + ch.inner.length < M) return Infinity; // a ring of its own, apart from the junctions
  const B = copies > 1 && isShiftAutomorphism(g, ch, M / copies) ? M / copies : M;
  const J = junctions.length;
  const dJ = new Int32Array(J * J); // junction k's distances to the junctions at [k·J, (k + 1)·J)
  const fromJunctions = junctionSums(g, ch, junctions, id, dJ, B);
  return Number.isFinite(fromJunctions) ? (M / B) * (fromJunctions + chainSums(g, ch, junctions, id, dJ, B)) : Infinity;
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

/** Σ size·min(a + du, L − a + dv) over the inner nodes a = 1 … L − 1 of chain c, from its prefix sums (chainsOf). */
function chainDistanceSum(ch: Chains, c: number, du: number, dv: number): number {
  const { sizeSum, posSum } = ch;
  const o = ch.innerStart[c]! + c,
    L = ch.innerStart[c + 1]! - ch.innerStart[c]! + 1;
  const t = o + Math.min(L - 1, (L + dv - du) >> 1), // nodes up to t leave through u (|du − dv| ≤ d(u, v) ≤ L)
    end = o + L - 1;
  return posSum[t]! + du * sizeSum[t]! + (L + dv) * (sizeSum[end]! - sizeSum[t]!) - (posSum[end]! - posSum[t]!);
}

/**
 * Σ over the junctions x < B and every y of size·size·dist (Infinity if disconnected), writing every junction's row
 * of `dJ`: a row of x = x₀ + t·B from that of x₀ (distanceSum), d(x, y) = d(x₀, y − t·B mod M), and the junctions
 * of one repeat are a run of J·B/M numbers, so the row is x₀'s turned by t·J·B/M.
 */
function junctionSums(
  g: Contracted,
  ch: Chains,
  junctions: readonly number[],
  id: Int32Array,
  dJ: Int32Array,
  B: number,
): number {
  const { u: cu, v: cv } = ch;
  const M = g.size.length,
    J = junctions.length,
    repeat = (J * B) / M;
  const jg = junctionGraph(g, ch, id, J);
  const queue = bucketsFor(jg);
  let total = 0;
  for (let k = 0; k < J; k++) {
    const x = junctions[k]!,
      r = k * J;
    if (x >= B) {
      const shift = ((x - (x % B)) / B) * repeat,
        image = r - shift * J;
      dJ.copyWithin(r, image + J - shift, image + J);
      dJ.copyWithin(r + shift, image, image + J - shift);
      continue;
    }
    if (!junctionDistances(jg, k, dJ, r, J, queue)) return Infinity;
    let sum = 0;
    for (let i = 0; i < J; i++) sum += g.size[junctions[i]!]! * dJ[r + i]!;
    for (let c = 0; c < cu.length; c++) sum += chainDistanceSum(ch, c, dJ[r + id[cu[c]!]!]!, dJ[r + id[cv[c]!]!]!);
    total += g.size[x]! * sum;
  }
  return total;
}

/** Σ over the chains' inner nodes x < B and every y of size·size·dist, from the junctions' rows (distanceSum). */
function chainSums(
  g: Contracted,
  ch: Chains,
  junctions: readonly number[],
  id: Int32Array,
  dJ: Int32Array,
  B: number,
): number {
  const { u: cu, v: cv, innerStart, inner } = ch;
  const M = g.size.length,
    J = junctions.length;
  // chains grouped by their ends: one binning per pair, in arrays kept across pairs (|δ| ≤ d(u, v) < M)
  const C = cu.length,
    order = new Float64Array(C); // (u·M + v)·C + c, sorted as numbers: below 2^53
  for (let c = 0; c < C; c++) order[c] = (cu[c]! * M + cv[c]!) * C + c;
  order.sort();
  const bins = binsFor(M);
  let total = 0,
    binned = -1; // the chain whose ends the bins hold
  for (const key of order) {
    const c = key % C,
      i0 = innerStart[c]!,
      L = innerStart[c + 1]! - i0 + 1;
    let any = false;
    for (let i = i0; i < i0 + L - 1 && !any; i++) any = inner[i]! < B;
    if (!any) continue;
    const ru = id[cu[c]!]! * J,
      rv = id[cv[c]!]! * J, // the ends' rows in `dJ`
      D = dJ[ru + id[cv[c]!]!]!;
    if (binned < 0 || cu[binned] !== cu[c] || cv[binned] !== cv[c])
      binByDifference(g.size, ch, junctions, id, dJ, ru, rv, D, bins);
    binned = c;
    const { count, viaU, viaV } = bins;
    for (let i = 0; i < L - 1; i++) {
      const x = inner[i0 + i]!,
        a = i + 1;
      if (x >= B) continue;
      const t = Math.max(-D - 1, Math.min(D, L - 2 * a)) + D; // bins 0..t leave through u
      let sum = a * count[t + 1]! + viaU[t + 1]! + (L - a) * (count[2 * D + 1]! - count[t + 1]!);
      sum += viaV[2 * D + 1]! - viaV[t + 1]!;
      for (let k = 0; k < L - 1; k++) {
        // y at b = k + 1 hops from u: d_u(y) = min(b, L − b + D), d_v(y) = min(b + D, L − b)
        const y = inner[i0 + k]!,
          viaEnds = Math.min(a + Math.min(k + 1, L - k - 1 + D), L - a + Math.min(k + 1 + D, L - k - 1));
        sum += g.size[y]! * (Math.min(Math.abs(k - i), viaEnds) - viaEnds);
      }
      total += g.size[x]! * sum;
    }
  }
  return total;
}

/** Bins of δ (binByDifference), 2·M + 2 entries each at least, kept across pairs of chain ends and calls. */
interface Bins {
  D: number;
  readonly count: Float64Array;
  readonly viaU: Float64Array;
  readonly viaV: Float64Array;
}
let bins: Bins | null = null;
function binsFor(M: number): Bins {
  if (bins === null || bins.count.length < 2 * M + 2) {
    const n = 2 * M + 2;
    bins = { D: 0, count: new Float64Array(n), viaU: new Float64Array(n), viaV: new Float64Array(n) };
  }
  return bins;
}

/**
 * Prefix sums over the bins of δ = d_u(y) − d_v(y) + D, D = d(u, v) ≥ |d_u − d_v| (triangle inequality), d_u and d_v
 * the rows at ru and rv of `dJ` (binChain along the chains): Σ size, Σ size·d_u, Σ size·d_v (entry i: bins below i;
 * a bin's Σ size·d_v is its Σ size·d_u − δ·Σ size, exact in integers), written into `out`.
 */
function binByDifference(
  size: Float64Array,
  ch: Chains,
  junctions: readonly number[],
  id: Int32Array,
  dJ: Int32Array,
  ru: number,
  rv: number,
  D: number,
  out: Bins,
): void {
  const n = 2 * D + 1;
  const { count, viaU, viaV } = out;
  out.D = D;
  count.fill(0, 0, n + 1);
  viaU.fill(0, 0, n + 1);
  viaV[0] = 0;
  for (let j = 0; j < junctions.length; j++) {
    const du = dJ[ru + j]!,
      i = du - dJ[rv + j]! + D + 1,
      s = size[junctions[j]!]!;
    count[i]! += s;
    viaU[i]! += s * du;
  }
  for (let c = 0; c < ch.u.length; c++) {
    const p = id[ch.u[c]!]!,
      q = id[ch.v[c]!]!;
    binChain(size, ch, c, dJ[ru + p]!, dJ[ru + q]!, dJ[rv + p]!, dJ[rv + q]!, out);
  }
  for (let i = 1; i <= n; i++) {
    viaV[i] = viaV[i - 1]! + viaU[i]! - (i - D - 1) * count[i]!;
    count[i]! += count[i - 1]!;
    viaU[i]! += viaU[i - 1]!;
  }
}

/**
 * The inner nodes of chain c (ends p, q) into the bins (binByDifference), up = d(u, p), uq = d(u, q), vp, vq likewise:
 * d_u(b) = min(b + up, L − b + uq) at b hops from p, d_v(b) alike. Where both rise (b up to the smaller turn) or both
 * fall (beyond the larger) δ is constant and the run fills one bin from chainsOf's prefix sums; between them δ moves
 * by 2 a node.
 */
function binChain(
  size: Float64Array,
  ch: Chains,
  c: number,
  up: number,
  uq: number,
  vp: number,
  vq: number,
  { D, count, viaU }: Bins,
): void {
  const { innerStart, inner, sizeSum, posSum } = ch;
  const i0 = innerStart[c]!,
    L = innerStart[c + 1]! - i0 + 1,
    o = i0 + c;
  // nodes b ≤ tu are nearer u through p, b ≤ tv nearer v through p
  const tu = Math.min(L - 1, (L + uq - up) >> 1),
    tv = Math.min(L - 1, (L + vq - vp) >> 1);
  const lo = Math.min(tu, tv),
    hi = Math.max(tu, tv);
  if (lo > 0) {
    const i = up - vp + D + 1;
    count[i]! += sizeSum[o + lo]!;
    viaU[i]! += posSum[o + lo]! + up * sizeSum[o + lo]!;
  }
  for (let b = lo + 1; b <= hi; b++) {
    const du = b <= tu ? b + up : L - b + uq,
      i = du - (b <= tv ? b + vp : L - b + vq) + D + 1,
      s = size[inner[i0 + b - 1]!]!;
    count[i]! += s;
    viaU[i]! += s * du;
  }
  if (hi < L - 1) {
    const i = uq - vq + D + 1,
      s0 = sizeSum[o + L - 1]! - sizeSum[o + hi]!;
    count[i]! += s0;
    viaU[i]! += (L + uq) * s0 - (posSum[o + L - 1]! - posSum[o + hi]!);
  }
}
