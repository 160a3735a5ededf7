import { describe, expect, it } from 'vitest';

import { createLpSolver } from '../../../../solvers/lp/index.js';
import {
  networkThroughput,
  type LinkEdge,
  type LinkGraph,
} from '../../../../src/constellation/network/graph/network.js';

const lpSolver = await createLpSolver();

const c = 10e9;
const edge = (u: number, v: number, capacity_bps = c): LinkEdge => ({ u, v, capacity_bps, length_m: 1e6 });
/** Path 0–1–…–(n−1) of links of capacity c. */
const path = (n: number): LinkGraph => ({ nodes: n, edges: Array.from({ length: n - 1 }, (_, i) => edge(i, i + 1)) });
type Traffic = Parameters<typeof networkThroughput>[0]['traffic'];
const throughput = (graph: LinkGraph, traffic: Traffic) => networkThroughput({ graph, lpSolver, traffic });
/** Commodities [source, sink, demand] over path(3). */
const pairs = (...commodities: [number, number, number][]) =>
  throughput(path(3), {
    kind: 'pairs',
    commodities: commodities.map(([source, sink, demand]) => ({ source, sink, demand })),
  });
/** Downlink over path(4): each station's capacity, then the sinks [node, access capacity, station]. */
const downlink = (stationCapacity_bps: number[], ...sinks: [number, number, number][]) =>
  throughput(path(4), {
    kind: 'downlink',
    sinks: sinks.map(([node, capacity_bps, station]) => ({ node, capacity_bps, station })),
    stationCapacity_bps: Float64Array.from(stationCapacity_bps),
  });

describe('traffic patterns of the network LP, by hand', () => {
  // Triangle {0, 1, 2} and link {3, 4}, node 5 alone in its group. Each group's ordered pairs have a direct link
  // of capacity c each way and need one arc each: λ = c in both groups at once. Per sending node λ·(g − 1),
  // averaged over the 5 sending nodes (node 5 sends nothing): λ·(3·2 + 2·1)/5 = 1.6c.
  it('uniform groups of different sizes: λ per ordered pair, per-node rate averaged over the senders', () => {
    const graph: LinkGraph = { nodes: 6, edges: [edge(0, 1), edge(1, 2), edge(2, 0), edge(3, 4)] };
    const r = throughput(graph, { kind: 'uniform', group: Int32Array.of(0, 0, 0, 1, 1, 2) });
    expect(r.disconnected).toBe(false);
    expect(r.lambda_bps / c).toBeCloseTo(1, 6);
    expect(r.throughputPerNode_bps / c).toBeCloseTo(1.6, 6);
    // Every link saturated; paths: 6 + 2 ordered pairs, all one hop.
    expect(r.bottleneckEdges).toEqual([0, 1, 2, 3]);
    expect(r.paths.pairs).toBe(8);
    expect(r.paths.meanHops).toBe(1);
    expect(r.paths.sampledSources).toBe(5);
  });

  // Triangle, no groups: every ordered pair (6) has its own link each way: λ = c, 2c per node.
  it('uniform without groups: all nodes one group', () => {
    const r = throughput({ nodes: 3, edges: [edge(0, 1), edge(1, 2), edge(2, 0)] }, { kind: 'uniform' });
    expect(r.lambda_bps / c).toBeCloseTo(1, 6);
    expect(r.throughputPerNode_bps / c).toBeCloseTo(2, 6);
    expect(r.paths.pairs).toBe(6);
  });

  // Path 0–1–2: commodities 0→2 with demand 2 and 1→2 with demand 1 (and a zero-demand 2→0, ignored). Link 1–2
  // carries 2λ + λ = 3λ ≤ c → λ = c/3; per source λ·Σ demand / 2 sources = c/2.
  it('pairs with unequal demands: λ per unit demand, zero demands ignored', () => {
    const r = pairs([0, 2, 2], [1, 2, 1], [2, 0, 0]);
    expect(r.lambda_bps / (c / 3)).toBeCloseTo(1, 6);
    expect(r.throughputPerNode_bps / (c / 2)).toBeCloseTo(1, 6);
    expect(r.bottleneckEdges).toEqual([1]);
    expect(r.edgeUtilization[0]).toBeCloseTo(2 / 3, 6);
    // Paths of the live pairs only: 0→2 two hops, 1→2 one hop.
    expect(r.paths.pairs).toBe(2);
    expect(r.paths.meanHops).toBe(1.5);
    expect(r.paths.maxHops).toBe(2);
    expect(r.paths.sampledSources).toBe(2);
  });

  it('pairs from one source to two sinks group into one path query', () => {
    const r = pairs([0, 1, 1], [0, 2, 1]);
    // Link 0–1 carries both: 2λ ≤ c → λ = c/2, one source sending 2λ = c.
    expect(r.lambda_bps / (c / 2)).toBeCloseTo(1, 6);
    expect(r.throughputPerNode_bps / c).toBeCloseTo(1, 6);
    expect(r.paths.sampledSources).toBe(1);
    expect(r.paths.pairs).toBe(2);
  });

  // Path 0–1–2–3. Node 3 reaches station 0 (capacity 100c) over a 100c access link; node 0 has an access link to
  // station 1, whose capacity is 0, and node 1 an access link of capacity 0 to station 0. All traffic leaves through
  // node 3: link 2–3 carries 3λ ≤ c → λ = c/3. Hop statistics from the one usable gateway satellite (node 3) to
  // every satellite: 3, 2, 1, 0 → mean 1.5, max 3.
  it('downlink: only access links of positive capacity to stations of positive capacity carry traffic', () => {
    const r = downlink([100 * c, 0], [3, 100 * c, 0], [0, 100 * c, 1], [1, 0, 0]);
    expect(r.lambda_bps / (c / 3)).toBeCloseTo(1, 6);
    expect(r.throughputPerNode_bps / (c / 3)).toBeCloseTo(1, 6);
    expect(r.bottleneckEdges).toEqual([2]);
    expect(r.paths.maxHops).toBe(3);
    expect(r.paths.meanHops).toBe(1.5);
    expect(r.paths.pairs).toBe(4);
    expect(r.paths.sampledSources).toBe(4);
    expect(r.paths.sourceStride).toBe(1);
  });

  // Two gateways, two stations: node 0 → station 0 (capacity 0.5c), node 3 → station 1 (capacity c), access 100c.
  // Every satellite's λ leaves through one of them: 4λ ≤ 1.5c. That is reachable: satellites 0 and 1 send 0.5c to
  // station 0 and 0.25c over link 1–2 to station 1, which also takes the 0.75c of satellites 2 and 3: λ = 0.375c.
  it('downlink: the stations together bound N·λ', () => {
    const r = downlink([0.5 * c, c], [0, 100 * c, 0], [3, 100 * c, 1]);
    expect(r.lambda_bps / (0.375 * c)).toBeCloseTo(1, 6);
    // From the nearer gateway: 0, 1, 1, 0 hops.
    expect(r.paths.meanHops).toBe(0.5);
    expect(r.paths.maxHops).toBe(1);
  });

  // The same two gateways with the station numbers swapped: node 3 → station 0 (capacity c), node 0 → station 1
  // (0.5c). The mirror image of the case above: λ = 1.5c/4 = 0.375c. Were station 1's capacity reached from node 3,
  // all traffic would cross link 2–3 (3λ ≤ c, λ = c/3).
  it('downlink: each station is reached through the satellites that see it', () => {
    const r = downlink([c, 0.5 * c], [3, 100 * c, 0], [0, 100 * c, 1]);
    expect(r.lambda_bps / (0.375 * c)).toBeCloseTo(1, 6);
  });
});
