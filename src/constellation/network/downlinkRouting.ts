/**
 * A feasible routing of a shell's downlink traffic at one instant (every satellite sends the same rate λ to any
 * gateway), hence a lower bound on the per-satellite downlink rate, for shells too large for the explicit LP.
 *
 * Two routings on a breadth-first search from every satellite that sees a gateway at once, on the links up at the instant
 * (capacity > 0), whose levels d(v) are hops to the nearest visible satellite; the better of the two is returned.
 * - Forest: each satellite has one parent one level nearer (the first found); every satellite sends its λ up its tree,
 *   so the arc from v to its parent carries λ·T(v), T(v) the satellites of v's subtree, and λ ≤ c / T(v).
 * - Split: each satellite forwards what it holds, F(v) = λ·(1 + what its lower neighbours send it), over every live link
 *   to a neighbour one level nearer, in proportion to the links' capacities, so each such arc carries λ·F(v)·c/ΣC(v),
 *   ΣC(v) the capacity of v's links toward the gateways, and λ ≤ ΣC(v)/F(v). Arcs only ever point one level down, so
 *   no link carries both directions. Where one visible satellite's tree would gather a large share of the shell, the
 *   split spreads it over every shortest path (forest on spacex-odc-1m 0.245 Mbps, split: docs/constellations.md).
 * Roots (visible satellites) gather T(r) (forest) or F(r) (split).
 * Each root r delivers λ·T(r) over its access links (one per station it sees, capacity `capacity_bps` each) to stations
 * of capacity C_s: the largest λ with such a split is a small LP (columns: access links and λ; rows: one per root and
 * per station), whose solution is then certified by hand (clipped to its bounds, scaled down until every root's
 * demand and every station's capacity hold), so the rate returned is a flow that meets every capacity. A satellite with
 * no live path to a visible one gives 0 (the traffic cannot be carried).
 * Validity: any shell whose links are numbered as liveGraphBounds.ts numbers them; stations at full capacity for the
 * shell, as the shell's network model assumes (shellNetwork.ts).
 * Derivation and evidence: docs/constellations.md §"Downlink routing lower bound".
 */
import type { LpSolver } from '../../optimize/lp.js';
import type { GatewayAccess } from './graph/networkCheck.js';
import { liveAdjacency, type LiveGraphArrays } from './liveGraphBounds.js';

/** Largest λ [b/s per satellite] of the better routing (header); 0 when some satellite cannot reach a gateway. */
export function downlinkForestRate_bps(
  g: Readonly<LiveGraphArrays>,
  sinks: readonly GatewayAccess[],
  stationCapacity_bps: Float64Array,
  lp: LpSolver,
): number {
  const N = g.planes * g.satsPerPlane;
  if (N < 1 || sinks.length === 0) return 0;
  const { c, start, to, edge } = liveAdjacency(g);
  // multi-source search from the visible satellites, in index order (deterministic parents)
  const dist = new Int32Array(N).fill(-1);
  const parentEdge = new Int32Array(N).fill(-1);
  const parent = new Int32Array(N).fill(-1);
  const order = new Int32Array(N);
  let tail = 0;
  for (const v of [...new Set(sinks.map((s) => s.node))].sort((a, b) => a - b)) {
    dist[v] = 0;
    order[tail++] = v;
  }
  const roots = tail;
  for (let head = 0; head < tail; head++) {
    const x = order[head]!;
    for (let k = start[x]!; k < start[x + 1]!; k++) {
      const y = to[k]!;
      if (dist[y] !== -1) continue;
      dist[y] = dist[x]! + 1;
      parent[y] = x;
      parentEdge[y] = edge[k]!;
      order[tail++] = y;
    }
  }
  if (tail < N) return 0;
  // subtree sizes, farthest first, and the links' limit on λ
  const T = new Float64Array(N).fill(1);
  let lambdaLinks = Infinity;
  for (let i = N - 1; i >= roots; i--) {
    const v = order[i]!;
    lambdaLinks = Math.min(lambdaLinks, c[parentEdge[v]!]! / T[v]!);
    T[parent[v]!]! += T[v]!;
  }
  let best = accessSplit(sinks, T, stationCapacity_bps, lambdaLinks, lp);
  // split, first from every visible satellite at level 0, then with the most loaded ones raised (header)
  const offset = new Int32Array(N);
  const access = new Float64Array(N);
  for (const s of sinks) access[s.node]! += s.capacity_bps;
  const visible = order.subarray(0, roots).slice();
  for (let round = 0, stale = 0; round < SPLIT_ROUNDS && stale < 3; round++) {
    const r = splitRouting({ N, c, start, to, edge }, visible, offset, sinks, stationCapacity_bps, lp);
    // three rounds in a row that gain under 1 % end the raising
    stale = r.lambda_bps > best * 1.01 ? 0 : stale + 1;
    best = Math.max(best, r.lambda_bps);
    // raise by one level every sink whose load per unit of access capacity is within half of the largest
    let worst = 0;
    for (const v of r.sinks) worst = Math.max(worst, r.F[v]! / access[v]!);
    if (!(worst > 0)) break;
    for (const v of r.sinks) if (r.F[v]! / access[v]! >= 0.5 * worst) offset[v]! += 1;
  }
  return best;
}

/** Most rounds of the split's raising (header): each a search, a pass and the access LP. */
const SPLIT_ROUNDS = 8;

interface Adjacency {
  readonly N: number;
  readonly c: Float64Array;
  readonly start: Int32Array;
  readonly to: Int32Array;
  readonly edge: Int32Array;
}

/**
 * The split routing with each visible satellite v entering the search at level offset[v] (header): levels
 * L(x) = min over visible v of offset[v] + hops(v, x), by a bucket queue; a visible satellite at its own offset is a sink,
 * every other satellite sends what it holds over its links to neighbours one level lower, by capacity. Returns the
 * certified rate, the sinks and what each holds.
 */
function splitRouting(
  g: Adjacency,
  visible: Int32Array,
  offset: Int32Array,
  sinks: readonly GatewayAccess[],
  stationCapacity_bps: Float64Array,
  lp: LpSolver,
): { lambda_bps: number; sinks: number[]; F: Float64Array } {
  const { N, c, start, to, edge } = g;
  const level = new Int32Array(N).fill(-1);
  const order = new Int32Array(N);
  // bucket queue over levels: visible satellites enter at their offsets, in index order within a level
  const byOffset = [...visible].sort((a, b) => offset[a]! - offset[b]! || a - b);
  let tail = 0,
    head = 0,
    next = 0;
  while (head < tail || next < byOffset.length) {
    // the next level to settle: the queue's front, or the next visible satellite's offset if it is lower
    const front = head < tail ? level[order[head]!]! : Infinity;
    if (next < byOffset.length && offset[byOffset[next]!]! <= front) {
      const v = byOffset[next++]!;
      if (level[v] === -1) {
        level[v] = offset[v]!;
        order[tail++] = v;
      }
      continue;
    }
    const x = order[head++]!;
    for (let k = start[x]!; k < start[x + 1]!; k++) {
      const y = to[k]!;
      if (level[y] !== -1) continue;
      level[y] = level[x]! + 1;
      order[tail++] = y;
    }
  }
  const isSink = new Uint8Array(N);
  const sinkList: number[] = [];
  for (const v of visible)
    if (level[v] === offset[v]) {
      isSink[v] = 1;
      sinkList.push(v);
    }
  const F = new Float64Array(N).fill(1);
  let lambda = Infinity;
  for (let i = tail - 1; i >= 0; i--) {
    const v = order[i]!;
    if (isSink[v] === 1) continue;
    let down = 0;
    for (let k = start[v]!; k < start[v + 1]!; k++) if (level[to[k]!] === level[v]! - 1) down += c[edge[k]!]!;
    lambda = Math.min(lambda, down / F[v]!);
    for (let k = start[v]!; k < start[v + 1]!; k++)
      if (level[to[k]!] === level[v]! - 1) F[to[k]!]! += (F[v]! * c[edge[k]!]!) / down;
  }
  const live = sinks.filter((s) => isSink[s.node] === 1);
  return { lambda_bps: accessSplit(live, F, stationCapacity_bps, lambda, lp), sinks: sinkList, F };
}

/**
 * Largest λ ≤ lambdaMax with which every root r (a visible satellite) delivers λ·T(r) over its access links within
 * their and the stations' capacities: the LP's split, certified (header).
 */
function accessSplit(
  sinks: readonly GatewayAccess[],
  T: Float64Array,
  stationCapacity_bps: Float64Array,
  lambdaMax: number,
  lp: LpSolver,
): number {
  const rootRow = new Map<number, number>();
  for (const s of sinks) if (!rootRow.has(s.node)) rootRow.set(s.node, rootRow.size);
  const R = rootRow.size,
    K = sinks.length,
    M = stationCapacity_bps.length;
  // columns 0 … K−1 the access links' flows, K the rate λ; rows 0 … R−1 the roots, R … R+M−1 the stations
  const entryRow: number[] = [],
    entryCol: number[] = [],
    entryValue: number[] = [];
  sinks.forEach((s, k) => {
    entryRow.push(rootRow.get(s.node)!, R + s.station);
    entryCol.push(k, k);
    entryValue.push(1, 1);
  });
  for (const [node, row] of rootRow) {
    entryRow.push(row);
    entryCol.push(K);
    entryValue.push(-T[node]!);
  }
  const cost = new Float64Array(K + 1);
  cost[K] = 1;
  const r = lp({
    sense: 'maximize',
    cost,
    colLower: new Float64Array(K + 1),
    colUpper: Float64Array.from([...sinks.map((s) => s.capacity_bps), Number.isFinite(lambdaMax) ? lambdaMax : 1e300]),
    rowLower: Float64Array.from([...new Array<number>(R).fill(0), ...new Array<number>(M).fill(-Infinity)]),
    rowUpper: Float64Array.from([...new Array<number>(R).fill(0), ...stationCapacity_bps]),
    entryRow: Int32Array.from(entryRow),
    entryCol: Int32Array.from(entryCol),
    entryValue: Float64Array.from(entryValue),
  });
  if (r.status !== 'optimal') return 0;
  // certify: the flows clipped to their links, each root's rate what it delivers, then scaled to the stations
  const x = sinks.map((s, k) => Math.min(Math.max(r.x[k] ?? 0, 0), s.capacity_bps));
  const delivered = new Float64Array(R);
  sinks.forEach((s, k) => (delivered[rootRow.get(s.node)!]! += x[k]!));
  let lambda = Math.min(lambdaMax, Math.max(r.x[K] ?? 0, 0));
  for (const [node, row] of rootRow) lambda = Math.min(lambda, delivered[row]! / T[node]!);
  if (!(lambda > 0)) return 0;
  const load = new Float64Array(M);
  sinks.forEach((s, k) => {
    const row = rootRow.get(s.node)!;
    load[s.station]! += (x[k]! * lambda * T[s.node]!) / delivered[row]!;
  });
  let scale = 1;
  for (let m = 0; m < M; m++)
    if (load[m]! > stationCapacity_bps[m]!) scale = Math.min(scale, stationCapacity_bps[m]! / load[m]!);
  return lambda * scale;
}
