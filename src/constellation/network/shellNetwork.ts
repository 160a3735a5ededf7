/**
 * Which network model answers for one shell, solved at each of the K snapshot instants spread over the window
 * (`simulation.snapshots`); the shell's result is the series (mean, nearest-rank p5 and worst instant,
 * networkSeries.ts), never a time average presented as an instant.
 *
 * Small shells (≤ maxGraphNodes, not seamed +Grid/ring): the full arc-flow LP of `network.ts` on each instant's
 * link graph. Shells whose last plane links to the first (linkTopology `closesSeam`: Walker delta or a 24 h sso-ltan
 * band, three planes or more), +Grid and ring at any size and mesh when large: the reduced torus model per instant
 * (shellNetworkTorus.ts). Large open-cylinder shells: shellNetworkCylinder.ts, never the torus. Large downlink
 * shells: a forest routing (downlinkRouting.ts, reported) and the upper bound of `torusDownlinkBound`; all flagged
 * `reducedModel`. Each shell sees every station's full
 * capacity (an optimistic simplification for multi-shell constellations, stated in the record notes).
 * Derivation, evidence and costs: docs/constellations.md §"Network model per shell".
 */
import type { LpSolver } from '../../optimize/lp.js';
import { linkRateCoefficients, opticalTerminalFromRow } from '../../models/links/linkBudget.js';
import type { CompiledShell, ConstellationSpec } from '../design/compile.js';
import { groundLinksAtSample, type GroundContactParams } from '../ground/ground.js';
import { DEFAULT_GRAZING_HEIGHT_m, shellLinks, slewLimit_rad_s, type ShellLinksResult } from '../links/links.js';
import { closesSeam } from '../links/linkTopology.js';
import {
  networkThroughput,
  type LinkGraph,
  type NetworkResult,
  type NetworkTraffic,
  type PathStatistics,
} from './graph/network.js';
import { SolverMemo } from '../memo.js';
import { boundGap, graphClassUtilization, seriesStats, type InstantNetwork } from './networkSeries.js';
import type { PlaneTrack } from '../geometry/propagate.js';
import { torusSeries } from './torus/shellNetworkTorus.js';
import { torusDownlinkBound } from './torus/torus.js';
import { boundsInForce, cylinderSeries } from './cylinder/shellNetworkCylinder.js';
import { torusInstantCapacities, type ReducedSeriesParams } from './torus/torusInstant.js';
import { downlinkForestRate_bps } from './downlinkRouting.js';

export interface ShellNetworkResult {
  /**
   * Mean over the snapshot instants of the rate per node [b/s] (each instant's reported value, see InstantNetwork: an
   * achievable rate, the lower bound where an instant has a bound pair).
   */
  readonly throughputPerNode_bps: number;
  /** Mean over the instants of the upper bound on the rate per node [b/s] (the rate where every instant is exact). */
  readonly upperThroughputPerNode_bps: number;
  /** Nearest-rank 5th percentile over the instants [b/s]. */
  readonly p5ThroughputPerNode_bps: number;
  /** Worst instant's rate per node [b/s]: the sustainable rate. */
  readonly minThroughputPerNode_bps: number;
  /**
   * Largest relative gap between an instant's upper and lower bound (0: every instant exact; 1: no lower bound
   * computed).
   */
  readonly boundGap: number;
  /** One entry per instant solved. */
  readonly instants: readonly InstantNetwork[];
  readonly reducedModel: boolean;
  readonly upperBound: boolean;
  readonly paths: PathStatistics | null;
  readonly solver: string;
  readonly lpRows: number;
  readonly lpCols: number;
  readonly note: string | null;
  /**
   * Link utilisation at the maximum concurrent flow: per edge of the worst instant's graph, or per class (torus, worst
   * instant's class means).
   */
  readonly utilization:
    | {
        readonly kind: 'graph';
        readonly graph: LinkGraph;
        readonly classes: readonly string[];
        readonly edge: Float64Array;
        readonly sampleIndex: number;
      }
    | {
        readonly kind: 'torus';
        readonly inPlane: number;
        readonly crossPlane: number;
        readonly sampleIndex: number;
      }
    | null;
}

export interface ShellNetworkParams {
  readonly spec: ConstellationSpec;
  readonly shellIndex: number;
  readonly links: ShellLinksResult;
  /** Link-layer parameters, to rebuild the snapshot graph at other instants. */
  readonly linkParams: Parameters<typeof shellLinks>[0];
  /** The shell's plane tracks over the window (one per plane), for the per-instant link capacities of large shells. */
  readonly tracks: readonly PlaneTrack[];
  readonly ground: GroundContactParams | null;
  readonly lp: LpSolver;
  /**
   * The optimizer's lean evaluation (evaluate.ts): the reduced models compute no path statistics (paths null) and no
   * routing lower bound where the upper bound is the reported rate (lowerBound_bps NaN); the rates are the same.
   */
  readonly lean?: boolean;
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
    sinks: links.map((g) => ({
      node: g.plane * S + g.slot,
      capacity_bps: p.spec.gatewayLinkRate_bps,
      station: g.station,
    })),
    stationCapacity_bps: Float64Array.from(p.spec.stations.map((s) => s.capacity_bps)),
  };
}

/**
 * Full arc-flow LPs for all-to-all traffic grow as N·2E columns; above `simulation.maxFullLpColumns` the reduced models
 * answer.
 */
function useFullUniformLp(shell: CompiledShell, links: ShellLinksResult, maxColumns: number): boolean {
  if (shell.geometry.pattern === 'cluster') return true;
  // Seamed +Grid / ring shells (Walker delta, a 24 h sso-ltan band: planes evenly spread over 360° of RAAN, slots
  // phased as Walker's) are twisted tori: the reduced LP is exact there and far smaller.
  if (closesSeam(shell.geometry) && (shell.topology === 'grid' || shell.topology === 'ring')) return false;
  const n = links.graphNodes ?? Infinity;
  return n * 2 * links.links <= maxColumns;
}

/** The subgraph of cluster 0 (nodes 0 … S−1). */
function firstCluster(graph: LinkGraph, members: number): LinkGraph {
  return { nodes: members, edges: graph.edges.filter((e) => e.u < members && e.v < members) };
}

function disconnectedPlanes(shell: CompiledShell): ShellNetworkResult {
  const why =
    shell.topology === 'none'
      ? 'no links'
      : shell.geometry.pattern === 'cluster'
        ? 'no links between clusters'
        : 'separate in-plane rings';
  return {
    throughputPerNode_bps: 0,
    upperThroughputPerNode_bps: 0,
    p5ThroughputPerNode_bps: 0,
    minThroughputPerNode_bps: 0,
    boundGap: 0,
    instants: [],
    reducedModel: false,
    upperBound: false,
    paths: null,
    solver: 'none',
    lpRows: 0,
    lpCols: 0,
    utilization: null,
    note: `shell ${shell.geometry.name}: ${why}: all-to-all traffic has no path between planes`,
  };
}

/** Mean, p5, worst and gap of a shell's instants, over the rest of its result. */
type SeriesFields =
  | 'throughputPerNode_bps'
  | 'upperThroughputPerNode_bps'
  | 'p5ThroughputPerNode_bps'
  | 'minThroughputPerNode_bps'
  | 'boundGap'
  | 'instants';
function withSeries(
  instants: readonly InstantNetwork[],
  rest: Omit<ShellNetworkResult, SeriesFields>,
): ShellNetworkResult {
  const st = seriesStats(instants.map((i) => i.throughputPerNode_bps));
  return {
    ...rest,
    instants,
    throughputPerNode_bps: st.mean,
    upperThroughputPerNode_bps: seriesStats(instants.map((i) => i.upperBound_bps)).mean,
    p5ThroughputPerNode_bps: st.p5,
    minThroughputPerNode_bps: st.worst,
    boundGap: boundGap(instants),
  };
}

/**
 * Explicit-graph LPs kept across instants and evaluations (entries: a small shell's arc-flow LP takes seconds,
 * its result a few kB). Keyed by everything the LP reads, so a hit returns exactly what solving would.
 */
const GRAPH_LPS = new SolverMemo<NetworkResult>(64);

/** What an instant's LP depends on: its links (ends and capacities) and its traffic. */
function instantKey(graph: LinkGraph, traffic: NetworkTraffic): string {
  return `${graph.nodes}|${graph.edges.map((e) => `${e.u},${e.v},${e.capacity_bps}`).join(';')}|${JSON.stringify(traffic)}`;
}

/** Full arc-flow LP on the explicit graph at each instant (small shells, and downlink traffic on them). */
function graphSeries(p: ShellNetworkParams, instants: readonly number[], uniform: boolean): ShellNetworkResult {
  const g = p.spec.shells[p.shellIndex]!.geometry;
  const series: InstantNetwork[] = [];
  let worst: { value: number; u: Extract<ShellNetworkResult['utilization'], { kind: 'graph' }> } | null = null;
  let disconnected = 0;
  let lpSize = { rows: 0, cols: 0, solver: 'none' };
  let paths: PathStatistics | null = null;
  // Clusters fly the same free relative orbits: one cluster stands for all, but its members' distances (and the
  // link rates) change over the orbit, so every instant is solved.
  const cluster = g.pattern === 'cluster' && uniform;
  for (const j of instants) {
    const full =
      j === p.linkParams.snapshotIndex ? p.links.graph! : shellLinks({ ...p.linkParams, snapshotIndex: j }).graph!;
    const graph = cluster ? firstCluster(full, g.satsPerPlane) : full;
    const traffic: NetworkTraffic = uniform ? { kind: 'uniform' } : gatewaySinks(p, j);
    // An instant whose graph and traffic equal an earlier one's has its answer (a cluster whose links stay at
    // full rate as its members breathe; the same small shell in another design): each distinct LP is solved once.
    const r = GRAPH_LPS.for(p.lp).get(instantKey(graph, traffic), () =>
      networkThroughput({ graph, traffic, lpSolver: p.lp }),
    );
    const v = r.throughputPerNode_bps;
    const edges = graph.edges as readonly { capacity_bps: number; class?: string }[];
    series.push({
      sampleIndex: j,
      model: 'exact',
      throughputPerNode_bps: v,
      lowerBound_bps: v,
      upperBound_bps: v,
      classes: graphClassUtilization(edges, r.edgeUtilization),
    });
    if (r.disconnected) disconnected++;
    // Report the largest LP solved (a disconnected instant solves none).
    if (r.lp.cols > lpSize.cols) lpSize = r.lp;
    // Path statistics of the best-connected instant (a disconnected instant routes nothing).
    if (paths === null || r.paths.pairs > paths.pairs) paths = r.paths;
    if (worst === null || v < worst.value) {
      worst = {
        value: v,
        u: {
          kind: 'graph',
          graph,
          classes: edges.map((e) => e.class ?? 'link'),
          edge: r.edgeUtilization,
          sampleIndex: j,
        },
      };
    }
  }
  const note = disconnectedNote(p, disconnected, series.length);
  return withSeries(series, {
    reducedModel: false,
    upperBound: false,
    paths,
    solver: lpSize.solver,
    lpRows: lpSize.rows,
    lpCols: lpSize.cols,
    note,
    utilization: worst!.u,
  });
}

/** The note of a shell some of whose instants are disconnected (null when none is). */
function disconnectedNote(p: ShellNetworkParams, disconnected: number, instants: number): string | null {
  const g = p.spec.shells[p.shellIndex]!.geometry;
  const why =
    p.spec.traffic.pattern === 'downlink'
      ? 'no satellite of the shell sees a gateway, or some cannot reach one'
      : 'some traffic has no usable path';
  return disconnected > 0
    ? `shell ${g.name}: at ${disconnected} of ${instants} snapshot instants ${why} (throughput 0 then)`
    : null;
}

/**
 * Downlink traffic on a large shell at each instant: the upper bound of `torusDownlinkBound` (ISL capacities at their
 * largest over the window) and a feasible forest routing on the instant's links (downlinkRouting.ts), reported.
 */
function downlinkBoundSeries(p: ShellNetworkParams, instants: readonly number[]): ShellNetworkResult {
  const g = p.spec.shells[p.shellIndex]!.geometry;
  const cls = p.links.classes;
  const series: InstantNetwork[] = [];
  const limits = new Set<string>();
  const inputs = reducedSeriesInputs(p, instants);
  const seam = closesSeam(g);
  for (const j of instants) {
    const sinks = gatewaySinks(p, j) as Extract<NetworkTraffic, { kind: 'downlink' }>;
    const visible = new Set(sinks.sinks.map((s) => s.node)).size;
    const b = torusDownlinkBound({
      satellites: g.planes * g.satsPerPlane,
      visibleSatellites: visible,
      stationCapacity_bps: p.spec.stations.reduce((a, s) => a + s.capacity_bps, 0),
      accessCapacity_bps: visible * p.spec.gatewayLinkRate_bps,
      // The cut term needs every ISL arc's capacity bounded at that instant: the class's largest rate over the window.
      inPlaneCapacity_bps: cls.inPlane.rate_bps.max,
      crossPlaneCapacity_bps: cls.crossPlane.rate_bps.max,
    });
    limits.add(b.limitedBy);
    const upper = b.throughputPerNodeUpperBound_bps;
    // a cluster's links are not numbered as a shell's (no forest: lower bound 0)
    const links =
      g.pattern === 'cluster' ? null : torusInstantCapacities({ ...inputs, sampleIndex: j, seam, lengths: false });
    const routed =
      links === null
        ? 0
        : downlinkForestRate_bps({ ...inputs, seam, ...links }, sinks.sinks, sinks.stationCapacity_bps, p.lp);
    const lower = Math.min(routed, upper);
    series.push({
      sampleIndex: j,
      model: lower >= upper * (1 - 1e-9) ? 'exact' : 'bounds',
      throughputPerNode_bps: lower,
      lowerBound_bps: lower,
      upperBound_bps: upper,
      classes: [],
    });
  }
  return withSeries(series, {
    reducedModel: true,
    upperBound: series.some((i) => i.model === 'bounds'),
    paths: null,
    solver: 'forest routing + closed-form bound',
    lpRows: 0,
    lpCols: 0,
    utilization: null,
    note: `shell ${g.name}: downlink on a large shell: the rate reported is a forest routing's on each instant's links (every satellite to its nearest visible one, a lower bound); the upper bound is closed-form (${[...limits].join('/')} limit); the rate is at least ${(100 * (1 - boundGap(series))).toFixed(0)} % of the upper bound at every instant`,
  });
}

/**
 * Open-cylinder model at each instant (no seam link) or reduced torus model at each instant (the seam closes: Walker
 * delta or a 24 h sso-ltan band, the same twisted torus).
 */
function reducedModelSeries(p: ShellNetworkParams, instants: readonly number[]): ShellNetworkResult {
  const g = p.spec.shells[p.shellIndex]!.geometry;
  return closesSeam(g) ? seamedTorusSeries(p, instants) : bandCylinderSeries(p, instants);
}

/**
 * What the reduced models (torus, open cylinder) take of a shell at its instants: geometry, link rate, slew limit, the
 * classes laid (each link's Earth blockage, cutoff and pointing are decided at each instant, torusInstant.ts).
 */
function reducedSeriesInputs(p: ShellNetworkParams, instants: readonly number[]): ReducedSeriesParams {
  const shell = p.spec.shells[p.shellIndex]!;
  const g = shell.geometry;
  return {
    planes: g.planes,
    satsPerPlane: g.satsPerPlane,
    phasing: g.phasing,
    tracks: p.tracks,
    instants,
    rate: linkRateCoefficients({ terminal: opticalTerminalFromRow(shell.terminal) }),
    grazingHeight_m: p.linkParams.grazingHeight_m ?? DEFAULT_GRAZING_HEIGHT_m,
    latitudeCutoff_rad: shell.crossPlaneCutoffLatitude_rad,
    slewLimit_rad_s: slewLimit_rad_s(shell.terminal),
    inPlaneUsable: true,
    crossPlaneUsable: shell.topology !== 'ring',
    diagonalUsable: shell.topology === 'mesh',
    lean: p.lean === true,
  };
}

/** The mean utilization of each link class at the instant of least throughput per node (the first on a tie). */
function worstInstantUtilization(
  instants: readonly {
    readonly throughputPerNode_bps: number;
    readonly sampleIndex: number;
    readonly classes: readonly { readonly linkClass: string; readonly meanUtilization: number }[];
  }[],
) {
  const worst = instants.reduce((a, i) => (i.throughputPerNode_bps < a.throughputPerNode_bps ? i : a), instants[0]!);
  const util = (c: string): number => worst.classes.find((x) => x.linkClass === c)?.meanUtilization ?? 0;
  return {
    kind: 'torus' as const,
    inPlane: util('inPlane'),
    crossPlane: util('crossPlane'),
    sampleIndex: worst.sampleIndex,
  };
}

/** Open-cylinder model at each instant of a shell whose last plane has no link to the first. */
function bandCylinderSeries(p: ShellNetworkParams, instants: readonly number[]): ShellNetworkResult {
  const shell = p.spec.shells[p.shellIndex]!;
  const g = shell.geometry;
  const r = cylinderSeries(reducedSeriesInputs(p, instants));
  const bounded = r.instants.some((i) => i.model === 'bounds');
  const achieved = `is at least ${(100 * (1 - boundGap(r.instants))).toFixed(0)} % of the upper bound at every instant`;
  const how =
    shell.topology === 'mesh'
      ? `mesh: the rate reported is an explicit routing's (a lower bound: the best of the +Grid links' routing and, on shells small enough, the fewest-hop routing of the links up); the upper bound is the least of the instant's gap cuts counting the diagonals, an LP-duality bound with one length per link class, where the in-plane hops bind the +Grid's LP-duality bounds with the diagonals (${boundsInForce(r.upperBounds)}) and on shells small enough the unit-length bound on the links up; the rate ${achieved}`
      : !bounded
        ? 'every link of an orbit alike at each instant: exact'
        : `links of a gap differ at some instants (latitude cutoff or range): the rate reported is an explicit routing's on the instant's links (a lower bound); the upper bound is the least of the instant's gap cut, the in-plane volume bound on its plane means, where the in-plane hops bind LP-duality bounds on its own links (${boundsInForce(r.upperBounds)}) and on shells small enough the unit-length bound on the links up; the rate ${achieved}`;
  return withSeries(r.instants, {
    reducedModel: true,
    upperBound: bounded,
    paths: r.paths,
    solver: 'closed-form cylinder',
    lpRows: 0,
    lpCols: 0,
    utilization: worstInstantUtilization(r.instants),
    note: `shell ${g.name}: open cylinder (no link between its last and first plane), cut and in-plane bounds at each of ${instants.length} instants; ${how}`,
  });
}

/** Reduced torus model at each instant of a shell whose seam closes. */
function seamedTorusSeries(p: ShellNetworkParams, instants: readonly number[]): ShellNetworkResult {
  const shell = p.spec.shells[p.shellIndex]!;
  const g = shell.geometry;
  const r = torusSeries({ ...reducedSeriesInputs(p, instants), lp: p.lp });
  const bounded = r.instants.some((i) => i.model === 'bounds');
  const mesh =
    shell.topology === 'mesh'
      ? " (mesh: the upper bound is the least of a class-length LP-duality bound and the plane cuts with the diagonals, the lower bound the best of the +Grid part's flow and the live mesh graph's routing)"
      : '';
  const how = !bounded
    ? 'every link of a class alike at each instant: exact'
    : `links of a class differ at some instants (latitude cutoff, range or Earth blockage): the rate reported is the best explicit routing found on the instant's links (a lower bound); the upper bound is the least of the reduced LP on the instant's class means, the instant's own plane cuts (a cut at ${r.cutBound} of ${instants.length} instants) and on shells small enough the unit-length bound on the links up; the rate is at least ${(100 * (1 - boundGap(r.instants))).toFixed(0)} % of the upper bound at every instant`;
  return withSeries(r.instants, {
    reducedModel: true,
    upperBound: bounded,
    paths: r.paths,
    solver: r.lp.solver,
    lpRows: r.lp.rows,
    lpCols: r.lp.cols,
    utilization: worstInstantUtilization(r.instants),
    note: `shell ${g.name}: reduced torus model at each of ${instants.length} instants; ${how}${mesh}`,
  });
}

export function shellNetwork(p: ShellNetworkParams): ShellNetworkResult {
  const shell = p.spec.shells[p.shellIndex]!;
  const g = shell.geometry;
  const instants = snapshotSamples(p.links.samples, p.spec.snapshots);
  const uniform = p.spec.traffic.pattern !== 'downlink';
  const separatePlanes =
    (shell.topology === 'ring' && g.planes > 1) ||
    (g.pattern === 'cluster' && g.planes > 1 && p.spec.traffic.pattern === 'uniform');
  if (uniform && (separatePlanes || shell.topology === 'none')) return disconnectedPlanes(shell);
  if (p.links.graphNodes !== null && (!uniform || useFullUniformLp(shell, p.links, p.spec.maxFullLpColumns)))
    return graphSeries(p, instants, uniform);
  if (!uniform) return downlinkBoundSeries(p, instants);
  return reducedModelSeries(p, instants);
}
