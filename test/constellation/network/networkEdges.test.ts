import { beforeAll, describe, expect, it } from 'vitest';
import type { LpResult, LpSolver } from '../../../src/optimize/lp.js';
import { createLpSolver } from '../../../solvers/lp/index.js';
import {
  bottleneckUtilization,
  DEFAULT_MAX_LP_COLUMNS,
  DEFAULT_MAX_PATH_SOURCES,
  DEFAULT_PER_HOP_DELAY_s,
  networkThroughput,
  SATURATION_THRESHOLD,
  type LinkGraph,
} from '../../../src/constellation/network/network.js';

let lpSolver: LpSolver;
beforeAll(async () => {
  lpSolver = await createLpSolver();
});

const C = 299_792_458;
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
      (): LpResult => ({
        status: 'error',
        objective: NaN,
        x: new Float64Array(0),
        solver: 'stub 2.0',
        rows: 1,
        cols: 1,
        ...(message === undefined ? {} : { message }),
      });
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
