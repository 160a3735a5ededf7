/**
 * Time series and graphs behind a constellation record, for reports (the record keeps only statistics):
 * the life's deployment curve, the gateway contact timeline, one shell's link graph with the utilisation
 * each link carries at the maximum concurrent flow, and every shell's network instant by instant with its
 * per-class link utilisation (`networkInstants`). Produced by
 * `evaluateConstellationWithDetails`; never written into pareto.json.
 */
import type { ConstellationSpec } from '../design/compile.js';
import { visibleCountsBySample, type GroundContactParams } from '../ground/ground.js';
import type { LifePlan } from '../economics/lifePlan.js';
import { deployedBy, type LaunchCampaignResult } from '../launch/launch.js';
import type { ClassUtilization, InstantModel } from '../network/networkSeries.js';
import type { ShellNetworkResult } from '../network/shellNetwork.js';

export interface DeploymentPointDetail {
  readonly time_yr: number;
  /** Satellites in orbit at that time (cumulative). */
  readonly satellites: number;
}

export interface MilestoneDetail {
  readonly fraction: number;
  readonly within_yr: number;
  /** Satellites required by the deadline. */
  readonly required: number;
  readonly achieved: number;
  readonly met: boolean;
}

export interface StationTimeline {
  readonly name: string;
  /** 1 where the station sees at least one satellite at that sample, else 0. */
  readonly inContact: Uint8Array;
}

export interface LinkGraphDetail {
  readonly shell: string;
  readonly planes: number;
  readonly satsPerPlane: number;
  /** Node index = plane · satsPerPlane + slot. */
  readonly edges: readonly {
    readonly u: number;
    readonly v: number;
    readonly linkClass: string;
    readonly utilization: number;
    readonly capacity_Gbps: number;
  }[];
  /**
   * The graph (or, reduced model, the class utilisations) is the worst instant at this sample.
   */
  readonly sampleIndex: number;
  /** True when utilisations come from the reduced torus model (one value per link class). */
  readonly reducedModel: boolean;
}

/**
 * One shell's network at each snapshot instant, for reports: the rate per node and, per link class, how much
 * of its capacity the flow solved uses. Shape: `instants[k].classes[c]` = { linkClass ('inPlane', 'crossPlane',
 * 'diagonal', 'cluster'), links, off (zero capacity then), meanUtilization and maxUtilization over the links
 * that are on }. Utilisation is load / capacity of the larger direction, from the flow whose rate is reported:
 * the LP optimum where exact, the explicit routing of the lower bound where bounded (torusRouting.ts). A downlink
 * instant on a large shell (a forest routing, downlinkRouting.ts) has no classes.
 */
export interface NetworkInstantsDetail {
  readonly shell: string;
  readonly instants: readonly {
    readonly sampleIndex: number;
    /** Seconds from the window's epoch. */
    readonly time_s: number;
    /** 'exact' | 'bounds' (networkSeries.ts InstantModel). */
    readonly model: InstantModel;
    readonly throughputPerNode_Gbps: number;
    readonly lowerBound_Gbps: number;
    readonly upperBound_Gbps: number;
    readonly classes: readonly ClassUtilization[];
  }[];
}

export interface ConstellationDetails {
  readonly deployment: readonly DeploymentPointDetail[];
  readonly milestones: readonly MilestoneDetail[];
  /** Sample step of the contact timeline [s]. */
  readonly step_s: number;
  readonly stations: readonly StationTimeline[];
  /** Link graph of the first shell that has links, or null. Large shells give a window of at most 12 × 12 nodes. */
  readonly linkGraph: LinkGraphDetail | null;
  /** Every shell's network instant by instant, with per-class link utilisation. */
  readonly networkInstants: readonly NetworkInstantsDetail[];
}

/** Largest link-graph window drawn (plane × slot). */
export const MAX_GRAPH_WINDOW = 12;

export interface DetailInputs {
  readonly spec: ConstellationSpec;
  readonly ground: GroundContactParams | null;
  readonly campaign: LaunchCampaignResult;
  readonly networks: readonly ShellNetworkResult[];
  readonly life: LifePlan;
}

/** One shell's link graph with utilisation: the LP's edges, or a window of the torus with its class utilisations. */
function linkGraphDetail(spec: ConstellationSpec, networks: readonly ShellNetworkResult[]): LinkGraphDetail | null {
  const i = networks.findIndex((n) => n.utilization !== null);
  if (i < 0) return null;
  const u = networks[i]!.utilization!;
  const g = spec.shells[i]!.geometry;
  if (u.kind === 'graph') {
    const P = g.pattern === 'cluster' ? 1 : g.planes;
    const S = Math.max(1, Math.round(u.graph.nodes / P));
    const edges = u.graph.edges.map((e, k) => ({
      u: e.u,
      v: e.v,
      linkClass: u.classes[k] ?? 'link',
      utilization: u.edge[k] ?? 0,
      capacity_Gbps: e.capacity_bps / 1e9,
    }));
    const inWindow = (n: number): boolean => Math.floor(n / S) < MAX_GRAPH_WINDOW && n % S < MAX_GRAPH_WINDOW;
    return {
      shell: g.name,
      planes: Math.min(P, MAX_GRAPH_WINDOW),
      satsPerPlane: Math.min(S, MAX_GRAPH_WINDOW),
      edges: edges
        .filter((e) => inWindow(e.u) && inWindow(e.v))
        .map((e) => ({
          ...e,
          u: Math.floor(e.u / S) * Math.min(S, MAX_GRAPH_WINDOW) + (e.u % S),
          v: Math.floor(e.v / S) * Math.min(S, MAX_GRAPH_WINDOW) + (e.v % S),
        })),
      sampleIndex: u.sampleIndex,
      reducedModel: false,
    };
  }
  // Torus: every in-plane link carries the in-plane utilisation, every cross-plane link the cross-plane one.
  const P = Math.min(g.planes, MAX_GRAPH_WINDOW),
    S = Math.min(g.satsPerPlane, MAX_GRAPH_WINDOW);
  const edges: LinkGraphDetail['edges'][number][] = [];
  for (let p = 0; p < P; p++) {
    for (let s = 0; s < S; s++) {
      if (s + 1 < S)
        edges.push({ u: p * S + s, v: p * S + s + 1, linkClass: 'inPlane', utilization: u.inPlane, capacity_Gbps: 0 });
      if (p + 1 < P)
        edges.push({
          u: p * S + s,
          v: (p + 1) * S + s,
          linkClass: 'crossPlane',
          utilization: u.crossPlane,
          capacity_Gbps: 0,
        });
    }
  }
  return { shell: g.name, planes: P, satsPerPlane: S, edges, sampleIndex: u.sampleIndex, reducedModel: true };
}

export function constellationDetails(d: DetailInputs): ConstellationDetails {
  const counts = d.ground === null ? null : visibleCountsBySample(d.ground);
  const stations = d.spec.stations.map((st, j) => {
    const inContact = new Uint8Array(counts?.samples ?? 0);
    for (let k = 0; k < inContact.length; k++)
      inContact[k] = (counts!.perStation[j * counts!.samples + k] ?? 0) > 0 ? 1 : 0;
    return { name: st.name, inContact };
  });
  return {
    // the life's first deployment: the campaign's schedule as the factory allows it (economics/life.ts)
    deployment: d.life.deployment.map((p) => ({ time_yr: p.time_yr, satellites: p.satellites })),
    milestones: d.campaign.milestones.map((m) => {
      const achieved = deployedBy(d.life.deployment, m.within_yr);
      return {
        fraction: m.fraction,
        within_yr: m.within_yr,
        required: m.required,
        achieved,
        met: achieved >= m.required,
      };
    }),
    step_s: counts?.step_s ?? d.spec.window.step_s,
    stations,
    linkGraph: linkGraphDetail(d.spec, d.networks),
    networkInstants: d.networks.map((n, i) => ({
      shell: d.spec.shells[i]!.geometry.name,
      instants: n.instants.map((x) => ({
        sampleIndex: x.sampleIndex,
        time_s: x.sampleIndex * d.spec.window.step_s,
        model: x.model,
        throughputPerNode_Gbps: x.throughputPerNode_bps / 1e9,
        lowerBound_Gbps: x.lowerBound_bps / 1e9,
        upperBound_Gbps: x.upperBound_bps / 1e9,
        classes: x.classes,
      })),
    })),
  };
}
