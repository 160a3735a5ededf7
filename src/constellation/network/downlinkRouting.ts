/**
 * A feasible routing of a shell's downlink traffic at one instant (every satellite sends the same rate λ to any
 * gateway), hence a lower bound on the per-satellite downlink rate, for shells too large for the explicit LP.
 *
 * Forest: a breadth-first search from every satellite that sees a gateway at once, on the links up at the instant
 * (capacity > 0), gives each other satellite a parent one hop nearer the nearest visible one; every satellite sends its
 * λ up its tree, so the arc from v to its parent carries λ·T(v), T(v) the satellites of v's subtree, and λ ≤ c / T(v).
 * Up to MAX_FLOW_SATELLITES the rate returned is the exact one, a maximum flow (downlinkMaxFlow.ts), never below the
 * forest's.
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
import { downlinkMaxFlowRate_bps } from './downlinkMaxFlow.js';

/** Largest λ [b/s per satellite] of the routing (header); 0 when some satellite cannot reach a gateway. */
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
  const forest = accessSplit(sinks, T, stationCapacity_bps, lambdaLinks, lp);
  // up to MAX_FLOW_SATELLITES the exact rate (downlinkMaxFlow.ts), never below the forest's
  return Math.max(forest, downlinkMaxFlowRate_bps(N, { c, start, to, edge }, sinks, stationCapacity_bps));
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
