import { beforeAll, describe, expect, it } from 'vitest';
import type { LpSolver } from '../../../../src/optimize/lp.js';
import { createLpSolver } from '../../../../solvers/lp/index.js';
import {
  bottleneckUtilization,
  networkThroughput,
  type LinkEdge,
  type LinkGraph,
  DEFAULT_MAX_LP_COLUMNS,
  DEFAULT_MAX_PATH_SOURCES,
  DEFAULT_PER_HOP_DELAY_s,
  SATURATION_THRESHOLD,
} from '../../../../src/constellation/network/graph/network.js';
import { failedLp } from '../../../helpers/lp.js';
import { SPEED_OF_LIGHT_m_s as C_m_s } from '../../../helpers/constants.js';

let lpSolver: LpSolver;
beforeAll(async () => {
  lpSolver = await createLpSolver();
});

const G = 1e9;

/** P×S +Grid torus without twist (test-side builder), node p·S + s. */
function torus(P: number, S: number, cap_bps: number): LinkGraph {
  const edges: LinkEdge[] = [];
  for (let p = 0; p < P; p++)
    for (let s = 0; s < S; s++) {
      edges.push({ u: p * S + s, v: p * S + ((s + 1) % S), capacity_bps: cap_bps, length_m: 1e6 });
      edges.push({ u: p * S + s, v: ((p + 1) % P) * S + s, capacity_bps: cap_bps, length_m: 1e6 });
    }
  return { nodes: P * S, edges };
}

function ring(n: number, cap_bps: number): LinkGraph {
  return {
    nodes: n,
    edges: Array.from({ length: n }, (_, i) => ({ u: i, v: (i + 1) % n, capacity_bps: cap_bps, length_m: 1e6 })),
  };
}

describe('networkThroughput', () => {
  // Toolchain known answers (10×10 torus, 100 Gbps links): max s–t flow 400 Gbps (4 links leave the
  // source, 4-edge-connected torus); 4 sinks of one source share that 400 Gbps cut: λ = 100 Gbps.
  it.each(['jslp', 'highs'] as const)(
    '10×10 torus known answers: 400 Gbps s–t, λ = 100 Gbps for 4 sinks (%s)',
    (solver) => {
      const graph = torus(10, 10, 100 * G);
      const st = networkThroughput({
        graph,
        lpSolver,
        lpOptions: { solver },
        traffic: { kind: 'pairs', commodities: [{ source: 0, sink: 55, demand: 1 }] },
      });
      expect(st.lambda_bps / G).toBeCloseTo(400, 5);
      expect(st.disconnected).toBe(false);
      const sinks = [55, 5, 50, 99].map((sink) => ({ source: 0, sink, demand: 1 }));
      const four = networkThroughput({
        graph,
        lpSolver,
        lpOptions: { solver },
        traffic: { kind: 'pairs', commodities: sinks },
      });
      expect(four.lambda_bps / G).toBeCloseTo(100, 5);
      expect(four.throughputPerNode_bps / G).toBeCloseTo(400, 5); // one source sending 4 × 100
      // The 4 links at the source are saturated.
      const atSource = graph.edges.flatMap((e, i) => (e.u === 0 || e.v === 0 ? [i] : []));
      for (const i of atSource) expect(four.bottleneckEdges).toContain(i);
      expect(four.lp.solver).toMatch(solver === 'jslp' ? /^javascript-lp-solver/ : /^highs/);
    },
  );

  // Ring of N nodes, c per direction, uniform all-to-all at λ per ordered pair. Cut-free counting
  // argument: the 2N arcs offer 2Nc; every pair at ring distance h uses ≥ h arcs.
  // N = 2m+1 odd: per source, 2 destinations at each distance 1…m → Σh = m(m+1) = (N²−1)/4, so
  //   N·λ·(N²−1)/4 ≤ 2Nc → λ ≤ 8c/(N²−1); shortest-path routing loads every arc equally (rotation and
  //   reflection symmetry), so the bound is met: λ* = 8c/(N²−1).
  // N = 2m even: distances 1…m−1 twice and m once → Σh = m² = N²/4 → λ* = 8c/N² (antipode split ½–½).
  // networkThroughput answers a ring in this closed form (network.ts); the arc-flow LP of the same demand, written as
  // every ordered pair (pairs traffic, never the closed form), is the independent check.
  const everyPair = (n: number) =>
    Array.from({ length: n * n }, (_, k) => ({ source: Math.floor(k / n), sink: k % n, demand: 1 })).filter(
      (c) => c.source !== c.sink,
    );
  it.each([
    [9, 'highs'],
    [5, 'jslp'],
    [10, 'highs'],
    [6, 'jslp'],
  ] as const)('ring of %i: λ* = 8c/(N²−1) (odd) or 8c/N² (even); the LP agrees (%s)', (n, solver) => {
    const c = 10 * G;
    const r = networkThroughput({ graph: ring(n, c), lpSolver, traffic: { kind: 'uniform' } });
    const expected = n % 2 === 1 ? (8 * c) / (n * n - 1) : (8 * c) / (n * n);
    expect(r.lambda_bps / expected).toBeCloseTo(1, 12);
    expect(r.throughputPerNode_bps / (expected * (n - 1))).toBeCloseTo(1, 12);
    expect(r.lp).toEqual({ rows: 0, cols: 0, solver: 'closed-form ring' });
    expect(r.bottleneckEdges).toHaveLength(n); // every link saturated
    expect([...r.edgeUtilization]).toEqual(Array.from({ length: n }, () => 1));
    const lp = networkThroughput({
      graph: ring(n, c),
      lpSolver,
      lpOptions: { solver },
      traffic: { kind: 'pairs', commodities: everyPair(n) },
    });
    expect(lp.lp.cols).toBe(n * (n - 1) * 2 * n + 1); // N(N−1) pairs × 2E arcs + λ
    expect(lp.lambda_bps / expected).toBeCloseTo(1, 6);
    expect(lp.bottleneckEdges).toHaveLength(n);
  });

  it('a ring with one link of another capacity, or two traffic groups, is left to the LP', () => {
    // Bug caught: the closed form applied where the ring is not alike all round (its figure assumes every link's c).
    const c = 10 * G;
    const uneven = ring(8, c);
    const graph = { nodes: 8, edges: uneven.edges.map((e, i) => (i === 3 ? { ...e, capacity_bps: 2 * c } : e)) };
    const r = networkThroughput({ graph, lpSolver, traffic: { kind: 'uniform' } });
    expect(r.lp.solver).not.toBe('closed-form ring');
    const lp = networkThroughput({ graph, lpSolver, traffic: { kind: 'pairs', commodities: everyPair(8) } });
    expect(r.lambda_bps / lp.lambda_bps).toBeCloseTo(1, 6);
    const group = Int32Array.from({ length: 8 }, (_, v) => (v < 4 ? 0 : 1));
    const two = networkThroughput({ graph: ring(8, c), lpSolver, traffic: { kind: 'uniform', group } });
    expect(two.lp.solver).not.toBe('closed-form ring');
  });

  it('disconnected graph: throughput 0, flagged, no NaN; cluster traffic inside each component works', () => {
    const c = 10 * G;
    const tri = (o: number): LinkEdge[] =>
      [
        [0, 1],
        [1, 2],
        [2, 0],
      ].map(([a, b]) => ({ u: o + a!, v: o + b!, capacity_bps: c, length_m: 1e6 }));
    const graph: LinkGraph = { nodes: 6, edges: [...tri(0), ...tri(3)] };
    const all = networkThroughput({ graph, lpSolver, traffic: { kind: 'uniform' } });
    expect(all.disconnected).toBe(true);
    expect(all.throughputPerNode_bps).toBe(0);
    expect(all.lambda_bps).toBe(0);
    expect(all.paths.unreachablePairs).toBe(6 * 3);
    expect(Number.isNaN(all.paths.meanHops)).toBe(false);
    // Within a triangle (K3): 6 ordered pairs need ≥ 1 arc each, 6 arcs of c → λ = c, 2c per node.
    const cluster = networkThroughput({
      graph,
      lpSolver,
      traffic: { kind: 'uniform', group: Int32Array.of(0, 0, 0, 1, 1, 1) },
    });
    expect(cluster.disconnected).toBe(false);
    expect(cluster.lambda_bps / c).toBeCloseTo(1, 6);
    expect(cluster.throughputPerNode_bps / c).toBeCloseTo(2, 6);
  });

  // Path 0–1–2 of 10 Gbps links; satellite 2 reaches station 0 (25 Gbps) over a 100 Gbps access link.
  // Station: 3λ ≤ 25 → 8.33; link 1–2 carries the flow of satellites 0 and 1: 2λ ≤ 10 → λ* = 5 Gbps.
  it('downlink: λ limited by the ISL next to the gateway (hand calculation)', () => {
    const graph: LinkGraph = {
      nodes: 3,
      edges: [
        { u: 0, v: 1, capacity_bps: 10 * G, length_m: 1e6 },
        { u: 1, v: 2, capacity_bps: 10 * G, length_m: 1e6 },
      ],
    };
    /** All traffic down through node 2 (access 100 Gbps) to one station of the given capacity. */
    const downTo = (station_bps: number) =>
      networkThroughput({
        graph,
        lpSolver,
        traffic: {
          kind: 'downlink',
          sinks: [{ node: 2, capacity_bps: 100 * G, station: 0 }],
          stationCapacity_bps: Float64Array.of(station_bps),
        },
      });
    const r = downTo(25 * G);
    expect(r.lambda_bps / G).toBeCloseTo(5, 6);
    expect(r.throughputPerNode_bps / G).toBeCloseTo(5, 6);
    expect(r.bottleneckEdges).toEqual([1]);
    expect(r.edgeUtilization[0]).toBeCloseTo(0.5, 6);
    expect(r.paths.maxHops).toBe(2); // satellite 0 is 2 hops from the gateway satellite
    // Station capacity 12 Gbps instead: 3λ ≤ 12 → 4 Gbps, no ISL saturated.
    const s = downTo(12 * G);
    expect(s.lambda_bps / G).toBeCloseTo(4, 6);
    expect(s.bottleneckEdges).toEqual([]);
  });

  // Path 0–1–2 with 1 light-second links, 0.5 s per hop: pairs (0,1),(1,0),(1,2),(2,1) 1 hop, 1.5 s;
  // (0,2),(2,0) 2 hops, 3 s. Mean hops 8/6; nearest-rank p50 = 3rd of 6 = 1.5 s, p99 = 6th = 3 s.
  it('path statistics: hops and latency by hand; least-latency path beats fewest hops', () => {
    const graph: LinkGraph = {
      nodes: 3,
      edges: [
        { u: 0, v: 1, capacity_bps: G, length_m: C_m_s },
        { u: 1, v: 2, capacity_bps: G, length_m: C_m_s },
      ],
    };
    const r = networkThroughput({ graph, lpSolver, perHopDelay_s: 0.5, traffic: { kind: 'uniform' } });
    expect(r.paths.meanHops).toBeCloseTo(4 / 3, 12);
    expect(r.paths.maxHops).toBe(2);
    expect(r.paths.p50Latency_s).toBeCloseTo(1.5, 9);
    expect(r.paths.p99Latency_s).toBeCloseTo(3, 9);
    expect(r.paths.meanLatency_s).toBeCloseTo((4 * 1.5 + 2 * 3) / 6, 9);
    // Add a direct 0–2 link of 10 light-seconds: 1 hop but 10 s; the 2-hop path (2 s at zero delay) wins.
    const tri: LinkGraph = { nodes: 3, edges: [...graph.edges, { u: 0, v: 2, capacity_bps: G, length_m: 10 * C_m_s }] };
    const t = networkThroughput({
      graph: tri,
      lpSolver,
      perHopDelay_s: 0,
      traffic: { kind: 'pairs', commodities: [{ source: 0, sink: 2, demand: 1 }] },
    });
    expect(t.paths.maxHops).toBe(1);
    expect(t.paths.p50Latency_s).toBeCloseTo(2, 9);
    expect(t.lambda_bps / G).toBeCloseTo(2, 6); // two disjoint paths of 1 Gbps
  });

  it('samples every k-th source on large graphs', () => {
    const c = 10 * G;
    const r = networkThroughput({ graph: ring(40, c), lpSolver, maxPathSources: 10, traffic: { kind: 'uniform' } });
    expect(r.paths.sourceStride).toBe(4); // ceil(40 / 10)
    expect(r.paths.sampledSources).toBe(10); // sources 0, 4, …, 36
    // Ring of 40 from any node: distances 1…19 twice and 20 once, Σ = 400 over 39 destinations.
    expect(r.paths.meanHops).toBeCloseTo(400 / 39, 12);
    expect(r.paths.maxHops).toBe(20);
    expect(r.lambda_bps / ((8 * c) / (40 * 40))).toBeCloseTo(1, 6);
  });

  it('rejects invalid input with RangeError', () => {
    const ok = ring(4, G);
    expect(() =>
      networkThroughput({
        graph: { nodes: 3, edges: [{ u: 0, v: 3, capacity_bps: 1, length_m: 1 }] },
        lpSolver,
        traffic: { kind: 'uniform' },
      }),
    ).toThrow(RangeError);
    expect(() =>
      networkThroughput({
        graph: { nodes: 2, edges: [{ u: 0, v: 1, capacity_bps: -1, length_m: 1 }] },
        lpSolver,
        traffic: { kind: 'uniform' },
      }),
    ).toThrow(RangeError);
    expect(() =>
      networkThroughput({
        graph: ok,
        lpSolver,
        traffic: { kind: 'pairs', commodities: [{ source: 1, sink: 1, demand: 1 }] },
      }),
    ).toThrow(RangeError);
    expect(() =>
      networkThroughput({
        graph: ok,
        lpSolver,
        traffic: {
          kind: 'downlink',
          sinks: [{ node: 0, capacity_bps: 1, station: 2 }],
          stationCapacity_bps: Float64Array.of(1),
        },
      }),
    ).toThrow(RangeError);
    expect(() =>
      networkThroughput({ graph: ok, lpSolver, traffic: { kind: 'uniform', group: Int32Array.of(0) } }),
    ).toThrow(RangeError);
  });

  it('bottleneckUtilization = demand / throughput, ∞ at zero throughput', () => {
    expect(bottleneckUtilization(5, 10)).toBe(0.5);
    expect(bottleneckUtilization(5, 0)).toBe(Infinity);
    expect(bottleneckUtilization(0, 0)).toBe(0);
  });
});

describe('edges', () => {
  beforeAll(async () => {
    lpSolver = await createLpSolver();
  });

  const C = C_m_s;
  /** Path 0–1–…–(n−1), links of capacity 1 and 1 light-second long. */
  const path = (n: number): LinkGraph => ({
    nodes: n,
    edges: Array.from({ length: n - 1 }, (_, i) => ({ u: i, v: i + 1, capacity_bps: 1, length_m: C })),
  });

  describe('networkThroughput: options, limits and failures', () => {
    it('stated defaults', () => {
      expect(DEFAULT_PER_HOP_DELAY_s).toBe(100e-6);
      expect(DEFAULT_MAX_PATH_SOURCES).toBe(64);
      expect(DEFAULT_MAX_LP_COLUMNS).toBe(4_000_000);
      expect(SATURATION_THRESHOLD).toBe(1 - 1e-6);
    });

    it('the per-hop delay: 100 µs by default, refused when negative or not finite', () => {
      // Pair 0 → 1: one hop of 1 s light time.
      const pairs = { kind: 'pairs' as const, commodities: [{ source: 0, sink: 1, demand: 1 }] };
      expect(networkThroughput({ graph: path(2), lpSolver, traffic: pairs }).paths.meanLatency_s).toBeCloseTo(
        1 + 100e-6,
        12,
      );
      const zero = networkThroughput({ graph: path(2), lpSolver, traffic: pairs, perHopDelay_s: 0 });
      expect(zero.paths.meanLatency_s).toBeCloseTo(1, 12);
      for (const d of [-1e-9, NaN, Infinity])
        expect(() => networkThroughput({ graph: path(2), lpSolver, traffic: pairs, perHopDelay_s: d })).toThrow(
          new RangeError('perHopDelay_s must be a finite number ≥ 0'),
        );
    });

    it('path sources: every k-th of them, k = ⌈sources/max⌉, max taken as a whole number ≥ 1', () => {
      const uniform = { kind: 'uniform' as const };
      const run = (maxPathSources: number) =>
        networkThroughput({ graph: path(5), lpSolver, traffic: uniform, maxPathSources }).paths;
      expect([run(2).sourceStride, run(2).sampledSources]).toEqual([3, 2]); // sources 0, 3
      expect([run(2.9).sourceStride, run(2.9).sampledSources]).toEqual([3, 2]); // ⌊2.9⌋ = 2
      expect([run(0).sourceStride, run(0).sampledSources]).toEqual([5, 1]); // at least 1 source
      expect([run(5).sourceStride, run(5).sampledSources]).toEqual([1, 5]);
      // Sources 0 and 3 of the path: 1 + 2 + 3 + 4 hops from 0, 3 + 2 + 1 + 1 from 3: mean 17/8.
      expect(run(2).meanHops).toBe(17 / 8);
    });

    it('downlink traffic searches from every gateway at once, whatever the source limit', () => {
      const r = networkThroughput({
        graph: path(5),
        lpSolver,
        maxPathSources: 1,
        traffic: {
          kind: 'downlink',
          sinks: [{ node: 4, capacity_bps: 10, station: 0 }],
          stationCapacity_bps: Float64Array.of(10),
        },
      });
      expect([r.paths.sourceStride, r.paths.sampledSources, r.paths.pairs]).toEqual([1, 5, 5]);
    });

    it('no demand at all: nothing to solve, rate 0, not disconnected', () => {
      const r = networkThroughput({
        graph: path(3),
        lpSolver,
        traffic: { kind: 'pairs', commodities: [{ source: 0, sink: 2, demand: 0 }] },
      });
      expect([r.disconnected, r.throughputPerNode_bps, r.lambda_bps, r.lp.solver, r.lp.cols]).toEqual([
        false,
        0,
        0,
        'none',
        0,
      ]);
      expect([...r.edgeUtilization]).toEqual([0, 0]);
      expect(r.bottleneckEdges).toEqual([]);
      expect(r.reducedModel).toBe(false);
    });

    it('refuses an LP over the column limit, naming both numbers', () => {
      // Uniform on a path of 4: 4 sources × 6 arcs + μ = 25 columns.
      const run = (maxLpColumns: number) =>
        networkThroughput({ graph: path(4), lpSolver, traffic: { kind: 'uniform' }, maxLpColumns });
      expect(() => run(24)).toThrow(
        new RangeError('network LP would have 25 columns (> 24); use the reduced torus model for large shells'),
      );
      expect(run(25).lp.cols).toBe(25);
    });

    it('a solver that fails is reported with its status, message and name', () => {
      const failing =
        (message?: string): LpSolver =>
        () =>
          failedLp('error', 'stub 2.0', 1, 1, message);
      const run = (s: LpSolver) => networkThroughput({ graph: path(2), lpSolver: s, traffic: { kind: 'uniform' } });
      expect(() => run(failing('singular'))).toThrow(new Error('network LP not solved (error: singular) by stub 2.0'));
      expect(() => run(failing())).toThrow(new Error('network LP not solved (error) by stub 2.0'));
    });

    it('a link of zero capacity has utilisation 0 and is never a bottleneck', () => {
      // Path 0–1–2 plus an off link 0–2: all of 0 → 2 goes over the path, both links saturated.
      const graph: LinkGraph = { nodes: 3, edges: [...path(3).edges, { u: 0, v: 2, capacity_bps: 0, length_m: C }] };
      const r = networkThroughput({
        graph,
        lpSolver,
        traffic: { kind: 'pairs', commodities: [{ source: 0, sink: 2, demand: 1 }] },
      });
      expect(r.lambda_bps).toBeCloseTo(1, 9);
      expect([...r.edgeUtilization].map((u) => Math.round(u * 1e6) / 1e6)).toEqual([1, 1, 0]);
      expect(r.bottleneckEdges).toEqual([0, 1]);
    });

    it('bottleneck utilisation: demand over throughput; ∞ with demand and no throughput, 0 with neither', () => {
      expect(bottleneckUtilization(3, 4)).toBe(0.75);
      expect(bottleneckUtilization(1e-300, 0)).toBe(Infinity);
      expect(bottleneckUtilization(0, 0)).toBe(0);
      expect(bottleneckUtilization(0, 5)).toBe(0);
    });
  });
});
