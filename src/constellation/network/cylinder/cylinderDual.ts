/**
 * Upper bound on the uniform all-to-all maximum concurrent flow of an open cylinder (a band of planes, cylinder.ts) at
 * one instant, from LP duality on the instant's own links: it counts the in-plane hops of the detours to the columns
 * whose cross-plane links are on, which the in-plane volume bound of cylinder.ts does not.
 *
 * For every length function l ≥ 0 on the arcs (Shahrokhi & Matula, J. ACM 37(2) 318–334, 1990, §2; Leighton & Rao,
 * J. ACM 46(6) 787–832, 1999, §1):  λ* ≤ Σ_a c_a·l_a / Σ_{s≠t} dist_l(s, t).  Here l is 1 on the in-plane links at
 * a set K of slot positions (hops, polar, pattern or dark; the smallest bound kept) and 0 elsewhere; distances over the
 * segments' merged nodes from the junctions (Dijkstra on the graph of the junctions), and along the chains between.
 * Validity: P ≥ 1, S ≥ 3 (a ring of S links per plane); any capacities ≥ 0 (Infinity when no set applies). An
 * in-plane link off inside a segment (l = 0) is taken as on: distances on that supergraph are no longer, so the bound
 * only weakens and stays a bound.
 * Derivation, evidence and costs: docs/constellations.md §"Open-cylinder LP-duality bound".
 */

import { distanceSum, type Contracted } from './contractedDistances.js';
import { addCopies } from '../torus/torusClassStats.js';

/** The length functions tried (header). */
export const CYLINDER_DUAL_FAMILIES = ['hops', 'polar', 'pattern', 'dark'] as const;
export type CylinderDualFamily = (typeof CYLINDER_DUAL_FAMILIES)[number];

export interface CylinderDualBound {
  /** Smallest bound over the families [b/s per node]; Infinity when none applies. */
  readonly rate_bps: number;
  /** Family that gives it (null when none applies). */
  readonly family: CylinderDualFamily | null;
}

/**
 * The K sets of the families (null where a family gives no link or repeats an earlier one): every slot (hops), the
 * edges of the columns whose cross-plane links are all on (polar), the changes of a column's pattern of them (pattern),
 * the edges of the columns with none on (dark: the detours into them are in-plane hops alone), from the instant's codes
 * (linkCodes: a column's cross-plane links on are its codes' odd bits, so a column is read a code of seven gaps at a
 * time).
 */
export function familySets(P: number, S: number, codes: Uint16Array): (Uint8Array | null)[] {
  const W = codes.length / S;
  // the cross-plane bits of code w when every gap is on: the gaps of its planes, plane P − 1 having none
  const full = new Uint16Array(W);
  for (let g = 0; g < P - 1; g++) full[1 + Math.floor(g / 7)]! |= 2 << (2 * (g % 7));
  const fullyOn = new Uint8Array(S), // whether every gap is on in the column
    anyOn = new Uint8Array(S); // whether some gap is
  for (let s = 0; s < S; s++) {
    let all = 1;
    for (let w = 1; w < W && all === 1; w++) if ((codes[s * W + w]! & full[w]!) !== full[w]) all = 0;
    fullyOn[s] = all;
    for (let w = 1; w < W && anyOn[s] === 0; w++) if ((codes[s * W + w]! & CROSS_PLANE_BITS) !== 0) anyOn[s] = 1;
  }
  const hops = new Uint8Array(S).fill(1),
    polar = new Uint8Array(S),
    pattern = new Uint8Array(S),
    dark = new Uint8Array(S);
  for (let s = 0; s < S; s++) {
    const t = (s + 1) % S;
    polar[s] = fullyOn[s] !== fullyOn[t] ? 1 : 0;
    dark[s] = anyOn[s] !== anyOn[t] ? 1 : 0;
    for (let w = 1; w < W && pattern[s] === 0; w++)
      if (((codes[s * W + w]! ^ codes[t * W + w]!) & CROSS_PLANE_BITS) !== 0) pattern[s] = 1;
  }
  const same = (a: Uint8Array, b: Uint8Array): boolean => {
    for (let s = 0; s < S; s++) if (a[s] !== b[s]) return false;
    return true;
  };
  const repeats = (k: Uint8Array): boolean => k.indexOf(1) < 0 || k.indexOf(0) < 0; // no link, or hops again
  return [
    hops,
    repeats(polar) ? null : polar,
    repeats(pattern) || same(pattern, polar) ? null : pattern,
    repeats(dark) || same(dark, polar) || same(dark, pattern) ? null : dark,
  ];
}

/** Work arrays of contract for n segments of P planes, grown on demand (a memo miss allocates only its result). */
interface ContractScratch {
  readonly nodes: number;
  /** Node of (segment j, plane q) at [j·P + q], and each node's size. */
  readonly nodeOf: Int32Array;
  readonly size: Float64Array;
  /** Each edge's ends, once per direction (two per segment and plane at most). */
  readonly from: Int32Array;
  readonly to: Int32Array;
}
let contractScratch: ContractScratch | null = null;
function contractScratchFor(nodes: number): ContractScratch {
  if (contractScratch === null || contractScratch.nodes < nodes)
    contractScratch = {
      nodes,
      nodeOf: new Int32Array(nodes),
      size: new Float64Array(nodes),
      from: new Int32Array(2 * nodes),
      to: new Int32Array(2 * nodes),
    };
  return contractScratch;
}

/**
 * Contract the band for K (header) from its segments' codes (segmentCodes): nodes are (segment, run of planes joined
 * by a cross-plane link in one of its columns), edges the K links that are on.
 */
function contract(P: number, seg: Uint16Array, W: number): Contracted {
  const n = seg.length / W;
  const { nodeOf, size, from, to } = contractScratchFor(n * P);
  let M = 0;
  for (let j = 0; j < n; j++) {
    let runStart = 0;
    for (let q = 0, c = j * W + 1, bit = 0; q < P; q++, bit += 2) {
      if (bit === 14) {
        c++;
        bit = 0;
      }
      if (q < P - 1 && ((seg[c]! >> (bit + 1)) & 1) === 1) continue;
      for (let r = runStart; r <= q; r++) nodeOf[j * P + r] = M;
      size[M++] = seg[j * W]! * (q - runStart + 1);
      runStart = q + 1;
    }
  }
  // Edges: the K link closing segment j joins (j, q) to (j + 1, q) in every plane where it is on.
  let E = 0;
  for (let j = 0; j < n; j++) {
    const next = (j + 1) % n;
    let lu = -1,
      lv = -1;
    for (let q = 0, c = j * W + 1, bit = 0; q < P; q++, bit += 2) {
      if (bit === 14) {
        c++;
        bit = 0;
      }
      if (((seg[c]! >> bit) & 1) === 0) continue;
      const u = nodeOf[j * P + q]!,
        v = nodeOf[next * P + q]!;
      if (u === v || (u === lu && v === lv)) continue;
      from[E] = u;
      to[E++] = v;
      from[E] = v;
      to[E++] = u;
      lu = u;
      lv = v;
    }
  }
  const start = new Int32Array(M + 1);
  for (let e = 0; e < E; e++) start[from[e]! + 1]!++;
  for (let u = 0; u < M; u++) start[u + 1]! += start[u]!;
  const adj = new Int32Array(E);
  for (let e = 0; e < E; e++) adj[start[from[e]!]!++] = to[e]!;
  for (let u = M; u > 0; u--) start[u] = start[u - 1]!; // each start moved on to the next's: back one place
  start[0] = 0;
  return { size: size.slice(0, M), start, adj };
}

/**
 * Σ dist by contracted graph: it depends on the segments (contract), not on the links' rates nor on which links inside
 * a segment are on, and is the same for the segments turned round the ring or the band turned over (turnedOver; sizes
 * and distances are integers, so the sum is exact in any order). A study meets the same structures again and again
 * (shells of one geometry at the same instants, the pattern carried round the ring between instants: ~65 % of the
 * shipped constellation study's bounds; turned over, ~15 % of the rest), while the sum costs a search per junction
 * and a pass over the chains per junction and per pair of chain ends.
 */
const distanceMemo = new Map<string, number>();
const DISTANCE_MEMO_LIMIT = 8192;

/** Bits of the seven planes' in-plane links (even bits) and cross-plane links (odd bits) in a 14-bit code. */
const IN_PLANE_BITS = 0x1555,
  CROSS_PLANE_BITS = 0x2aaa;

/**
 * Per column, a first code left free (segmentCodes puts a segment's length there), then each plane's in-plane (bit 0)
 * and cross-plane (bit 1) link on, seven planes to a 14-bit code (W = 1 + ⌈P/7⌉ codes a column; below the UTF-16
 * surrogates, so every code is one character of a key).
 */
export function linkCodes(P: number, S: number, inPlane_bps: Float64Array, cross_bps: Float64Array): Uint16Array {
  const W = 1 + Math.ceil(P / 7);
  const codes = new Uint16Array(W * S);
  for (let q = 0, c = 1, bit = 0; q < P; q++, bit += 2) {
    if (bit === 14) {
      c++;
      bit = 0;
    }
    for (let s = 0, i = q * S; s < S; s++, i++) {
      const bits = (inPlane_bps[i]! > 0 ? 1 : 0) + (q < P - 1 && cross_bps[i]! > 0 ? 2 : 0);
      codes[s * W + c]! |= bits << bit;
    }
  }
  return codes;
}

/**
 * The segments of K (contract) from the first after a K link, W codes each as a column's (linkCodes): its length,
 * then the cross-plane bits or-ed over its columns and the in-plane bits of its closing column (the K link).
 */
export function segmentCodes(S: number, codes: Uint16Array, K: Uint8Array): Uint16Array {
  const W = codes.length / S;
  const seg = new Uint16Array(codes.length);
  const first = K.indexOf(1);
  let n = 0;
  for (let i = 0; i < S; n++) {
    const s0 = (first + 1 + i) % S;
    let len = 1;
    while (K[(s0 + len - 1) % S] === 0) len++;
    seg[n * W] = len;
    const close = ((s0 + len - 1) % S) * W;
    for (let k = 0; k < len; k++)
      for (let w = 1, c = ((s0 + k) % S) * W; w < W; w++) seg[n * W + w]! |= codes[c + w]! & CROSS_PLANE_BITS;
    for (let w = 1; w < W; w++) seg[n * W + w]! |= codes[close + w]! & IN_PLANE_BITS;
    i += len;
  }
  return seg.subarray(0, n * W);
}

const utf16 = new TextDecoder('utf-16le');

/**
 * The structure a distance sum depends on, as a string: P, S, then the segments' codes (segmentCodes) from their
 * least rotation, each code one UTF-16 character.
 */
function structureKey(P: number, S: number, seg: Uint16Array, W: number): string {
  const n = seg.length / W;
  const r = leastRotation(seg, W, n);
  const rotated = new Uint16Array(W * n);
  rotated.set(seg.subarray(r * W));
  rotated.set(seg.subarray(0, r * W), (n - r) * W);
  return `${P},${S}:` + utf16.decode(rotated);
}

/**
 * The segments' codes (segmentCodes) of the band turned over, its ring and its planes both in reverse order:
 * segment i is segment n − 1 − i with plane q as P − 1 − q and gap g as P − 2 − g, closed by the K link that closed
 * segment n − 2 − i (the one between them). Its contracted graph (contract) is the original's with the nodes renamed,
 * so its distance sum is the same integer (the shipped constellation study meets ~15 % of its memo misses that way).
 */
export function turnedOver(P: number, seg: Uint16Array, W: number): Uint16Array {
  const n = seg.length / W;
  const out = new Uint16Array(seg.length);
  for (let i = 0; i < n; i++) {
    const a = (n - 1 - i) * W,
      b = ((2 * n - 2 - i) % n) * W,
      o = i * W;
    out[o] = seg[a]!;
    // plane q's bits at code cq, bit bq (even: in-plane, odd: cross-plane) go to plane P − 1 − q's (cr, br) and to
    // gap P − 2 − q's (cg, bg), one step back for each step on
    let cq = 1,
      bq = 0,
      cr = 1 + Math.floor((P - 1) / 7),
      br = 2 * ((P - 1) % 7),
      cg = 1 + Math.floor((P - 2) / 7),
      bg = 2 * ((P - 2) % 7);
    for (let q = 0; q < P; q++) {
      out[o + cr]! |= ((seg[b + cq]! >> bq) & 1) << br;
      if (q < P - 1) out[o + cg]! |= ((seg[a + cq]! >> (bq + 1)) & 1) << (bg + 1);
      bq += 2;
      if (bq === 14) {
        cq++;
        bq = 0;
      }
      br -= 2;
      if (br < 0) {
        cr--;
        br = 12;
      }
      bg -= 2;
      if (bg < 0) {
        cg--;
        bg = 12;
      }
    }
  }
  return out;
}

/** Smallest p dividing S with the S groups of W codes equal under a turn by p groups. */
function period(codes: Uint16Array, W: number, S: number): number {
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
  // both directions of every K link, plane by plane, slot by slot: a run of equal rates (between links not in K) added
  // at once where that is exact (torusClassStats.ts addCopies), so the sum is the in-order loop's to the bit
  let lengthCapacity = 0;
  for (let q = 0; q < P; q++)
    for (let s = 0; s < S;) {
      if (K[s] !== 1) {
        s++;
        continue;
      }
      const x = inPlane_bps[q * S + s]!;
      let k = 1;
      for (s++; s < S && (K[s] !== 1 || inPlane_bps[q * S + s] === x); s++) k += K[s]!;
      lengthCapacity = k === 1 ? lengthCapacity + 2 * x : addCopies(lengthCapacity, 2 * x, k);
    }
  const W = codes.length / S,
    seg = segmentCodes(S, codes, K),
    n = seg.length / W;
  const key = structureKey(P, S, seg, W);
  let d = distanceMemo.get(key);
  if (d === undefined) {
    // the band turned over has the same sum (turnedOver): a structure met turned over is not searched again
    d =
      distanceMemo.get(structureKey(P, S, turnedOver(P, seg, W), W)) ??
      distanceSum(contract(P, seg, W), n / period(seg, W, n));
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
  familySets(P, S, codes).forEach((K, i) => {
    if (K === null) return;
    const rate_bps = cylinderDualRate(P, S, inPlane_bps, cross_bps, K, codes);
    if (rate_bps < best.rate_bps) best = { rate_bps, family: CYLINDER_DUAL_FAMILIES[i]! };
  });
  return best;
}
