/**
 * Which network model answers for one shell, and its worst case over the snapshot instants.
 *
 * - Small shells (link graph materialised, ≤ maxGraphNodes): the full arc-flow LP of `network.ts` on the
 *   link graph as it stands at each of K instants spread over the window (links down at an instant —
 *   Earth blockage, range, latitude cutoff — carry nothing then); the throughput reported is the worst
 *   mean over the instants is the sustained rate, the worst instant's is reported beside it. Downlink sinks are the satellites that see a gateway at
 *   that instant (`groundLinksAtSample`).
 * - Large Walker +Grid (and ring) shells with uniform traffic: the reduced symmetric torus LP of
 *   `torus.ts` on time-averaged link capacities (rate × availability): exact for the torus, an
 *   approximation where the latitude cutoff breaks the symmetry at an instant; mesh diagonals are
 *   ignored there (a lower bound). Flagged `reducedModel`.
 * - Large shells with downlink traffic: the upper bound of `torusDownlinkBound` (station, access and
 *   cut limits) at each instant; flagged `reducedModel` and stated as a bound in the notes.
 * Gateway capacity is shared: each shell's LP sees every station's full capacity (an optimistic
 * simplification for multi-shell constellations, stated in the record notes).
 */
import type { LpSolver } from '../problem/lp.js';
import type { CompiledShell, ConstellationSpec } from './compile.js';
import { groundLinksAtSample, type GroundContactParams } from './ground.js';
import { shellLinks, type ShellLinksResult } from './links.js';
import { networkThroughput, type LinkGraph, type NetworkTraffic, type PathStatistics } from './network.js';
import { torusDownlinkBound, torusThroughput } from './torus.js';

export interface ShellNetworkResult {
  /** Mean over the snapshot instants of the sustainable rate per node [b/s]. */
  readonly throughputPerNode_bps: number;
  /** Worst instant's sustainable rate per node [b/s]. */
  readonly minThroughputPerNode_bps: number;
  readonly reducedModel: boolean;
  readonly upperBound: boolean;
  readonly paths: PathStatistics | null;
  readonly solver: string;
  readonly lpRows: number;
  readonly lpCols: number;
  readonly note: string | null;
  /** Link utilisation at the maximum concurrent flow: per edge of the worst instant's graph, or per class (torus). */
  readonly utilization:
    | { readonly kind: 'graph'; readonly graph: LinkGraph; readonly classes: readonly string[]; readonly edge: Float64Array; readonly sampleIndex: number }
    | { readonly kind: 'torus'; readonly inPlane: number; readonly crossPlane: number }
    | null;
}

export interface ShellNetworkParams {
  readonly spec: ConstellationSpec;
  readonly shellIndex: number;
  readonly links: ShellLinksResult;
  /** Link-layer parameters, to rebuild the snapshot graph at other instants. */
  readonly linkParams: Parameters<typeof shellLinks>[0];
  readonly ground: GroundContactParams | null;
  readonly lp: LpSolver;
}

/** Sample indices of K instants spread evenly over n samples (the first one at 0). */
export function snapshotSamples(samples: number, k: number): number[] {
  const count = Math.min(k, samples);
  return Array.from({ length: count }, (_, i) => Math.floor((i * samples) / count));
}

function gatewaySinks(p: ShellNetworkParams, sample: number): NetworkTraffic {
  const shell = p.spec.shells[p.shellIndex]!;
  const S = shell.geometry.satsPerPlane;
  const links = p.ground === null ? [] : groundLinksAtSample(p.ground, sample).filter((g) => g.shell === p.shellIndex);
  return {
    kind: 'downlink',
    sinks: links.map((g) => ({ node: g.plane * S + g.slot, capacity_bps: p.spec.gatewayLinkRate_bps, station: g.station })),
    stationCapacity_bps: Float64Array.from(p.spec.stations.map((s) => s.capacity_bps)),
  };
}

/** Full arc-flow LPs for all-to-all traffic grow as N·2E columns; above this the reduced torus model answers. */
export const MAX_FULL_UNIFORM_LP_COLUMNS = 250_000;

function useFullUniformLp(shell: CompiledShell, links: ShellLinksResult): boolean {
  if (shell.geometry.pattern === 'cluster') return true;
  // Walker delta +Grid / ring shells are twisted tori: the reduced LP is exact there and far smaller.
  if (shell.geometry.pattern === 'walker-delta' && (shell.topology === 'grid' || shell.topology === 'ring')) return false;
  const n = links.graph?.nodes ?? Infinity;
  return n * 2 * links.links <= MAX_FULL_UNIFORM_LP_COLUMNS;
}

/** The subgraph of cluster 0 (nodes 0 … S−1). */
function firstCluster(graph: LinkGraph, members: number): LinkGraph {
  return { nodes: members, edges: graph.edges.filter((e) => e.u < members && e.v < members) };
}

function disconnectedPlanes(shell: CompiledShell): ShellNetworkResult {
  const why = shell.topology === 'none' ? 'no links' : shell.geometry.pattern === 'cluster' ? 'no links between clusters' : 'separate in-plane rings';
  return {
    throughputPerNode_bps: 0, minThroughputPerNode_bps: 0, reducedModel: false, upperBound: false, paths: null, solver: 'none', lpRows: 0, lpCols: 0, utilization: null,
    note: `shell ${shell.geometry.name}: ${why}: all-to-all traffic has no path between planes`,
  };
}

export function shellNetwork(p: ShellNetworkParams): ShellNetworkResult {
  const shell = p.spec.shells[p.shellIndex]!;
  const g = shell.geometry;
  const samples = p.links.samples;
  const instants = snapshotSamples(samples, p.spec.snapshots);

  const uniform = p.spec.traffic.pattern !== 'downlink';
  const separatePlanes = (shell.topology === 'ring' && g.planes > 1) || (g.pattern === 'cluster' && g.planes > 1 && p.spec.traffic.pattern === 'uniform');
  if (uniform && (separatePlanes || shell.topology === 'none')) return disconnectedPlanes(shell);
  if (p.links.graph !== null && (!uniform || useFullUniformLp(shell, p.links))) {
    let worst: ShellNetworkResult | null = null;
    let sum = 0;
    let disconnected = 0;
    let lpSize = { rows: 0, cols: 0, solver: 'none' };
    let paths: PathStatistics | null = null;
    // A cluster's lattice is held fixed (formation keeping): one instant and one cluster stand for all.
    const cluster = g.pattern === 'cluster';
    for (const j of cluster && uniform ? [0] : instants) {
      const full = j === p.linkParams.snapshotIndex ? p.links.graph : shellLinks({ ...p.linkParams, snapshotIndex: j }).graph!;
      const graph = cluster && uniform ? firstCluster(full, g.satsPerPlane) : full;
      const traffic: NetworkTraffic = uniform ? { kind: 'uniform' } : gatewaySinks(p, j);
      const r = networkThroughput({ graph, traffic, lpSolver: p.lp });
      sum += r.throughputPerNode_bps;
      if (r.disconnected) disconnected++;
      // Report the largest LP solved (a disconnected instant solves none).
      if (r.lp.cols > lpSize.cols) lpSize = r.lp;
      // Path statistics of the best-connected instant (a disconnected instant routes nothing).
      if (paths === null || r.paths.pairs > paths.pairs) paths = r.paths;
      if (worst === null || r.throughputPerNode_bps < worst.minThroughputPerNode_bps) {
        worst = {
          throughputPerNode_bps: 0, minThroughputPerNode_bps: r.throughputPerNode_bps, reducedModel: false, upperBound: false,
          paths: r.paths, solver: r.lp.solver, lpRows: r.lp.rows, lpCols: r.lp.cols, note: null,
          utilization: { kind: 'graph', graph, classes: (graph.edges as readonly { class?: string }[]).map((e) => e.class ?? 'link'), edge: r.edgeUtilization, sampleIndex: j },
        };
      }
    }
    const why = p.spec.traffic.pattern === 'downlink' ? 'no satellite of the shell sees a gateway, or some cannot reach one' : 'some traffic has no usable path';
    const note = disconnected > 0 ? `shell ${g.name}: at ${disconnected} of ${instants.length} snapshot instants ${why} (throughput 0 then)` : null;
    return {
      ...worst!, throughputPerNode_bps: sum / (cluster && uniform ? 1 : instants.length),
      paths, solver: lpSize.solver, lpRows: lpSize.rows, lpCols: lpSize.cols, note,
    };
  }

  const t = p.links.torus;
  if (p.spec.traffic.pattern === 'downlink') {
    let worst = Infinity;
    let sum = 0;
    let limitedBy = '';
    for (const j of instants) {
      const sinks = gatewaySinks(p, j) as Extract<NetworkTraffic, { kind: 'downlink' }>;
      const visible = new Set(sinks.sinks.map((s) => s.node)).size;
      const b = torusDownlinkBound({
        satellites: g.planes * g.satsPerPlane, visibleSatellites: visible,
        stationCapacity_bps: p.spec.stations.reduce((a, s) => a + s.capacity_bps, 0), accessCapacity_bps: visible * p.spec.gatewayLinkRate_bps,
        inPlaneCapacity_bps: t.capIn_bps, crossPlaneCapacity_bps: t.capCross_bps,
      });
      sum += b.throughputPerNodeUpperBound_bps;
      if (b.throughputPerNodeUpperBound_bps < worst) { worst = b.throughputPerNodeUpperBound_bps; limitedBy = b.limitedBy; }
    }
    return { throughputPerNode_bps: sum / instants.length, minThroughputPerNode_bps: worst, reducedModel: true, upperBound: true, paths: null, solver: 'closed-form bound', lpRows: 0, lpCols: 0, utilization: null, note: `shell ${g.name}: downlink throughput is an upper bound (${limitedBy} limit), not an LP solution` };
  }

  const torus = torusThroughput({
    planes: g.planes, satsPerPlane: g.satsPerPlane, phasing: g.phasing,
    inPlaneCapacity_bps: t.capIn_bps, crossPlaneCapacity_bps: shell.topology === 'ring' ? 0 : t.capCross_bps,
    inPlaneLength_m: t.inPlaneLength_m, crossPlaneLength_m: t.crossPlaneMeanLength_m, lpSolver: p.lp,
  });
  const approx = shell.crossPlaneCutoffLatitude_rad !== null || p.links.blockedLinks > 0 ? ' (latitude cutoff or blocked links averaged over time: approximate)' : shell.topology === 'mesh' ? ' (mesh diagonals ignored: a lower bound)' : shell.geometry.pattern !== 'walker-delta' ? ' (pattern is not Walker delta: torus symmetry assumed)' : '';
  return {
    throughputPerNode_bps: torus.throughputPerNode_bps, minThroughputPerNode_bps: torus.throughputPerNode_bps, reducedModel: true, upperBound: false,
    paths: torus.paths, solver: torus.lp.solver,
    lpRows: torus.lp.rows, lpCols: torus.lp.cols, utilization: { kind: 'torus', inPlane: torus.inPlaneUtilization, crossPlane: torus.crossPlaneUtilization }, note: `shell ${g.name}: reduced symmetric torus LP on time-averaged link capacities${approx}`,
  };
}
