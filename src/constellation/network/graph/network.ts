/**
 * ISL network model on an explicit link graph: the maximum concurrent flow a constellation's inter-satellite links
 * carry for a traffic pattern, the saturated (bottleneck) links, and hop/latency statistics of the traffic's paths.
 *
 * Method: maximum concurrent multicommodity flow (Shahrokhi & Matula, J. ACM 37(2) 318–334, 1990; Leighton & Rao,
 * J. ACM 46(6) 787–832, 1999) in the arc-flow form of Ahuja, Magnanti & Orlin, Network Flows (1993) ch. 17, an LP on
 * the injected `LpSolver` (networkFlowLp.ts); every edge full duplex. Traffic uniform (throughputPerNode = λ·(g − 1)),
 * downlink (λ) or pairs. A ring of n ≥ 3 alike links c has the closed form λ = 2c / Σ_t dist(s, t), Σ_t dist = ⌊n²/4⌋.
 * Assumptions: one snapshot, fluid flows split arbitrarily over paths (an upper bound on a real routing), no
 * queueing; the per-hop delay default is a stated design assumption (DEFAULT_PER_HOP_DELAY_s).
 * Validity: explicit graphs of up to a few hundred nodes (N·2E + 1 LP columns); torus.ts for large +Grid shells.
 * Derivation, evidence and costs: docs/constellations.md §"Network flow on an explicit link graph".
 */
import type { LpResult, LpSolveOptions, LpSolver } from '../../../optimize/lp.js';
import { arcLoads, buildConcurrentFlowLp } from './networkFlowLp.js';
import { downlinkLp, pairsLp, uniformLp } from './networkTraffic.js';
import { buildAdjacency, pathStatistics, type PathStatistics } from './networkPaths.js';
import { checkGraph, checkTraffic, connectedForTraffic, type LinkGraph, type NetworkTraffic } from './networkCheck.js';

export type { PathStatistics } from './networkPaths.js';
export type {
  DownlinkTraffic,
  GatewayAccess,
  LinkEdge,
  LinkGraph,
  NetworkTraffic,
  PairDemand,
  PairsTraffic,
  UniformTraffic,
} from './networkCheck.js';

/**
 * Default switching/forwarding delay per ISL hop [s]: 100 µs. A design assumption for a store-and-
 * forward onboard packet router (serialising a 1500-byte frame at 10 Gb/s alone takes 1.2 µs; lookup,
 * queueing and FEC framing add tens of µs) — order of magnitude only; pass `perHopDelay_s` to override.
 */
export const DEFAULT_PER_HOP_DELAY_s = 100e-6;
/** Sources searched for path statistics before sampling every k-th one. */
export const DEFAULT_MAX_PATH_SOURCES = 64;
/** Refuse LPs larger than this many columns (use the reduced torus model instead). */
export const DEFAULT_MAX_LP_COLUMNS = 4_000_000;
/** Utilisation at or above which a link counts as saturated. */
export const SATURATION_THRESHOLD = 1 - 1e-6;

export interface NetworkParams {
  readonly graph: LinkGraph;
  readonly traffic: NetworkTraffic;
  readonly lpSolver: LpSolver;
  readonly lpOptions?: LpSolveOptions;
  readonly perHopDelay_s?: number;
  readonly maxPathSources?: number;
  readonly maxLpColumns?: number;
}

export interface NetworkResult {
  readonly reducedModel: false;
  /** Some demanded pair has no path of positive capacity: throughput is 0 and no LP was solved. */
  readonly disconnected: boolean;
  readonly throughputPerNode_bps: number;
  /** Concurrent-flow rate λ (per ordered pair, per satellite, or per unit demand; see header). */
  readonly lambda_bps: number;
  /** Per-edge utilisation at the optimum: max of the two directions' load / capacity. */
  readonly edgeUtilization: Float64Array;
  readonly bottleneckEdges: readonly number[];
  readonly lp: { readonly rows: number; readonly cols: number; readonly solver: string };
  readonly paths: PathStatistics;
}

/** Demand / throughput (∞ when the throughput is 0 and there is demand). */
export function bottleneckUtilization(demand_bps: number, throughput_bps: number): number {
  if (throughput_bps > 0) return demand_bps / throughput_bps;
  return demand_bps > 0 ? Infinity : 0;
}

/**
 * The common capacity of a ring (header) carrying uniform traffic in one group: n ≥ 3 nodes joined by n links of one
 * positive capacity into a single cycle; null for any other graph.
 */
function uniformRing(graph: LinkGraph, group: Int32Array | undefined): { capacity_bps: number } | null {
  const n = graph.nodes,
    edges = graph.edges;
  if (n < 3 || edges.length !== n || group?.some((g) => g !== group[0]) === true) return null;
  const c = edges[0]!.capacity_bps;
  const next = new Int32Array(2 * n).fill(-1);
  for (const e of edges) {
    if (!(e.capacity_bps === c && c > 0) || e.u === e.v) return null;
    for (const [a, b] of [
      [e.u, e.v],
      [e.v, e.u],
    ] as const) {
      if (next[2 * a] === -1) next[2 * a] = b;
      else if (next[2 * a + 1] === -1 && next[2 * a] !== b) next[2 * a + 1] = b;
      else return null; // a third link at a, or a second link between the same two nodes
    }
  }
  // Every node has two distinct neighbours: the graph is disjoint cycles; one cycle when a walk covers n nodes.
  let prev = -1,
    v = 0,
    steps = 0;
  do {
    const w = next[2 * v] === prev ? next[2 * v + 1]! : next[2 * v]!;
    prev = v;
    v = w;
    steps++;
  } while (v !== 0 && steps <= n);
  return steps === n ? { capacity_bps: c } : null;
}

/** The ring's optimum (header): λ = 2c/⌊n²/4⌋, every link saturated. */
function ringOptimum(
  graph: LinkGraph,
  capacity_bps: number,
  throughputPerLambda: number,
): Omit<NetworkResult, 'reducedModel' | 'paths'> {
  const lambda_bps = (2 * capacity_bps) / Math.floor((graph.nodes * graph.nodes) / 4);
  return {
    disconnected: false,
    throughputPerNode_bps: lambda_bps * throughputPerLambda,
    lambda_bps,
    edgeUtilization: new Float64Array(graph.edges.length).fill(1),
    bottleneckEdges: graph.edges.map((_, i) => i),
    lp: { rows: 0, cols: 0, solver: 'closed-form ring' },
  };
}

/** The flow LP solved to optimality by the caller's solver (a RangeError above the column limit). */
function solveFlowLp(p: Readonly<NetworkParams>, lp: ReturnType<typeof buildConcurrentFlowLp>): LpResult {
  const maxCols = p.maxLpColumns ?? DEFAULT_MAX_LP_COLUMNS;
  if (lp.model.cost.length > maxCols) {
    throw new RangeError(
      `network LP would have ${lp.model.cost.length} columns (> ${maxCols}); use the reduced torus model for large shells`,
    );
  }
  const r = p.lpSolver(lp.model, p.lpOptions);
  if (r.status !== 'optimal')
    throw new Error(
      `network LP not solved (${r.status}${r.message !== undefined ? `: ${r.message}` : ''}) by ${r.solver}`,
    );
  return r;
}

/** Maximum concurrent flow, bottleneck links and path statistics of a traffic pattern on a link graph. */
export function networkThroughput(p: Readonly<NetworkParams>): NetworkResult {
  const { graph, traffic } = p;
  checkGraph(graph);
  checkTraffic(graph, traffic);
  const perHopDelay_s = p.perHopDelay_s ?? DEFAULT_PER_HOP_DELAY_s;
  if (!(perHopDelay_s >= 0 && Number.isFinite(perHopDelay_s)))
    throw new RangeError('perHopDelay_s must be a finite number ≥ 0');
  const maxSources = Math.max(1, Math.floor(p.maxPathSources ?? DEFAULT_MAX_PATH_SOURCES));
  const t =
    traffic.kind === 'uniform'
      ? uniformLp(graph, traffic.group)
      : traffic.kind === 'downlink'
        ? downlinkLp(graph, traffic)
        : pairsLp(graph, traffic);

  const stride = traffic.kind === 'downlink' ? 1 : Math.max(1, Math.ceil(t.queries.length / maxSources));
  const sampled = t.queries.filter((_, i) => i % stride === 0);
  const stats = pathStatistics(buildAdjacency(graph.nodes, graph.edges, perHopDelay_s), sampled, stride);
  const paths = traffic.kind === 'downlink' ? { ...stats, sampledSources: graph.nodes } : stats;

  const edgeUtilization = new Float64Array(graph.edges.length);
  const none = {
    reducedModel: false as const,
    throughputPerNode_bps: 0,
    lambda_bps: 0,
    edgeUtilization,
    bottleneckEdges: [],
    paths,
  };
  const disconnected = !connectedForTraffic(graph, traffic);
  if (disconnected || t.commodities.length === 0)
    return { ...none, disconnected, lp: { rows: 0, cols: 0, solver: 'none' } };

  const ring = traffic.kind === 'uniform' ? uniformRing(graph, traffic.group) : null;
  if (ring !== null) return { ...none, ...ringOptimum(graph, ring.capacity_bps, t.throughputPerLambda) };
  const lp = buildConcurrentFlowLp(t.nodes, t.arcs, t.commodities);
  const r = solveFlowLp(p, lp);
  const lambda_bps = Math.max(0, r.x[lp.muCol] ?? 0) * lp.capacityScale * t.lambdaPerMu;
  const load = arcLoads(lp, r.x);
  const bottleneckEdges: number[] = [];
  graph.edges.forEach((e, i) => {
    const worst = Math.max(load[2 * i]!, load[2 * i + 1]!);
    const u = e.capacity_bps > 0 ? worst / e.capacity_bps : 0;
    edgeUtilization[i] = u;
    if (e.capacity_bps > 0 && u >= SATURATION_THRESHOLD) bottleneckEdges.push(i);
  });
  return {
    ...none,
    disconnected: false,
    throughputPerNode_bps: lambda_bps * t.throughputPerLambda,
    lambda_bps,
    bottleneckEdges,
    lp: { rows: r.rows, cols: r.cols, solver: r.solver },
  };
}
