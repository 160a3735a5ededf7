/**
 * Traffic patterns of the ISL network model (network.ts) as concurrent-flow commodities: the arc list,
 * the supply vectors b_k and the factors that turn the LP's μ back into λ and per-node throughput.
 * - uniform: one commodity per source s of a group of size g, b(s) = (g−1)/G, b(t) = −1/G at the g−1
 *   other members (G = largest group − 1), so λ = μ·scale/G (source aggregation, Ahuja et al. 1993 §17.2).
 * - downlink: satellites → access arcs → stations → super-sink; b = 1/N at every satellite, −1 at the
 *   super-sink, λ = μ·scale/N.
 * - pairs: one commodity per pair, b = ±demand/maxDemand, λ = μ·scale/maxDemand.
 * Scaling keeps μ of order one whatever N and the demand weights are.
 */
import type { ArcList, Commodity } from './networkFlowLp.js';
import type { PathQuery } from './networkPaths.js';
import type { DownlinkTraffic, LinkGraph, PairsTraffic } from './networkCheck.js';

export interface TrafficLp {
  readonly nodes: number;
  readonly arcs: ArcList;
  readonly commodities: Commodity[];
  /** λ = μ · capacityScale · lambdaPerMu. */
  readonly lambdaPerMu: number;
  readonly throughputPerLambda: number;
  readonly queries: PathQuery[];
}

function islArcs(graph: LinkGraph, extra: number): { from: Int32Array; to: Int32Array; capacity: Float64Array } {
  const n = 2 * graph.edges.length;
  const from = new Int32Array(n + extra);
  const to = new Int32Array(n + extra);
  const capacity = new Float64Array(n + extra);
  graph.edges.forEach((e, i) => {
    from[2 * i] = e.u;
    to[2 * i] = e.v;
    capacity[2 * i] = e.capacity_bps;
    from[2 * i + 1] = e.v;
    to[2 * i + 1] = e.u;
    capacity[2 * i + 1] = e.capacity_bps;
  });
  return { from, to, capacity };
}

export function uniformLp(graph: LinkGraph, group: Int32Array | undefined): TrafficLp {
  const members = new Map<number, number[]>();
  for (let v = 0; v < graph.nodes; v++) {
    const g = group?.[v] ?? 0;
    const list = members.get(g) ?? [];
    list.push(v);
    members.set(g, list);
  }
  let gMax = 1;
  for (const m of members.values()) gMax = Math.max(gMax, m.length);
  const scale = Math.max(1, gMax - 1);
  const commodities: Commodity[] = [];
  const queries: PathQuery[] = [];
  let sendSum = 0;
  for (const m of members.values()) {
    if (m.length < 2) continue;
    for (const s of m) {
      const nodes = Int32Array.from(m);
      const coeff = new Float64Array(m.length).fill(-1 / scale);
      coeff[m.indexOf(s)] = (m.length - 1) / scale;
      commodities.push({ nodes, coeff });
      queries.push({ origins: [s], destinations: m.filter((t) => t !== s) });
      sendSum += m.length - 1;
    }
  }
  const perLambda = commodities.length > 0 ? sendSum / commodities.length : 0;
  return {
    nodes: graph.nodes,
    arcs: islArcs(graph, 0),
    commodities,
    lambdaPerMu: 1 / scale,
    throughputPerLambda: perLambda,
    queries,
  };
}

export function downlinkLp(graph: LinkGraph, t: DownlinkTraffic): TrafficLp {
  const n = graph.nodes;
  const stations = t.stationCapacity_bps.length;
  const sink = n + stations;
  const arcs = islArcs(graph, t.sinks.length + stations);
  let a = 2 * graph.edges.length;
  for (const s of t.sinks) {
    arcs.from[a] = s.node;
    arcs.to[a] = n + s.station;
    arcs.capacity[a++] = s.capacity_bps;
  }
  for (let j = 0; j < stations; j++) {
    arcs.from[a] = n + j;
    arcs.to[a] = sink;
    arcs.capacity[a++] = t.stationCapacity_bps[j]!;
  }
  const nodes = new Int32Array(n + 1);
  const coeff = new Float64Array(n + 1).fill(1 / n);
  for (let v = 0; v < n; v++) nodes[v] = v;
  nodes[n] = sink;
  coeff[n] = -1;
  const origins = t.sinks.filter((s) => s.capacity_bps > 0 && t.stationCapacity_bps[s.station]! > 0).map((s) => s.node);
  const all = Array.from({ length: n }, (_, v) => v);
  return {
    nodes: n + stations + 1,
    arcs,
    commodities: [{ nodes, coeff }],
    lambdaPerMu: 1 / n,
    throughputPerLambda: 1,
    queries: [{ origins, destinations: all }],
  };
}

export function pairsLp(graph: LinkGraph, t: PairsTraffic): TrafficLp {
  const live = t.commodities.filter((c) => c.demand > 0);
  const dMax = live.reduce((m, c) => Math.max(m, c.demand), 0) || 1;
  const bySource = new Map<number, number[]>();
  let demandSum = 0;
  for (const c of live) {
    bySource.set(c.source, [...(bySource.get(c.source) ?? []), c.sink]);
    demandSum += c.demand;
  }
  const commodities = live.map((c) => ({
    nodes: Int32Array.of(c.source, c.sink),
    coeff: Float64Array.of(c.demand / dMax, -c.demand / dMax),
  }));
  const queries = [...bySource].map(([s, sinks]) => ({ origins: [s], destinations: sinks }));
  return {
    nodes: graph.nodes,
    arcs: islArcs(graph, 0),
    commodities,
    lambdaPerMu: 1 / dMax,
    throughputPerLambda: bySource.size > 0 ? demandSum / bySource.size : 0,
    queries,
  };
}
