import { beforeAll, describe, expect, it } from 'vitest';
import type { LpSolver } from '../../../src/optimize/lp.js';
import { createLpSolver } from '../../../solvers/lp/index.js';
import { torusThroughput, twistedTorusGraph } from '../../../src/constellation/network/torus.js';

let lpSolver: LpSolver;
beforeAll(async () => {
  lpSolver = await createLpSolver();
});

const G = 1e9;
const C = 299_792_458;
const links = (capIn: number, capCross: number, lenIn = 1e6, lenCross = 1e6) => ({
  inPlaneCapacity_bps: capIn,
  crossPlaneCapacity_bps: capCross,
  inPlaneLength_m: lenIn,
  crossPlaneLength_m: lenCross,
});

describe('reduced torus model: classes, bottleneck, unreachable pairs, checks', () => {
  it('the explicit graph gives each class its capacity and length', () => {
    const g = twistedTorusGraph({ planes: 3, satsPerPlane: 4, phasing: 1, ...links(7, 5, 100, 200) });
    expect(g.nodes).toBe(12);
    expect(g.edges).toHaveLength(24);
    for (const e of g.edges) {
      const inPlane = Math.floor(e.u / 4) === Math.floor(e.v / 4);
      expect([e.capacity_bps, e.length_m]).toEqual(inPlane ? [7, 100] : [5, 200]);
    }
  });

  // Untwisted 4×4: a source needs X = S·P²/4 = 16 cross-plane and Y = P·S²/4 = 16 in-plane hops (torus.test.ts),
  // λ* = min(2·capCross/X, 2·capIn/Y); utilisation of a class = hops·λ/(2·cap).
  it.each([
    [G, G, 'both', 1, 1],
    [G / 2, G, 'in-plane', 1, 0.5],
    [G, G / 4, 'cross-plane', 0.25, 1],
  ] as const)('4×4 F=0, capIn %d, capCross %d: bottleneck %s', (capIn, capCross, bottleneck, uIn, uCross) => {
    const r = torusThroughput({ planes: 4, satsPerPlane: 4, phasing: 0, ...links(capIn, capCross), lpSolver });
    const lambda = Math.min((2 * capCross) / 16, (2 * capIn) / 16);
    expect(r.lambda_bps / lambda).toBeCloseTo(1, 9);
    expect(r.throughputPerNode_bps / (15 * lambda)).toBeCloseTo(1, 9);
    expect(r.bottleneck).toBe(bottleneck);
    expect(r.inPlaneUtilization).toBeCloseTo(uIn, 9);
    expect(r.crossPlaneUtilization).toBeCloseTo(uCross, 9);
    expect(r.disconnected).toBe(false);
    // F = 0, both even: one path type per destination, no hull step.
    expect(r.hullSteps).toBe(0);
    expect(r.steps).toEqual([]);
    expect(r.paths.pairs).toBe(16 * 15);
    expect(r.paths.unreachablePairs).toBe(0);
    expect(r.paths.sampledSources).toBe(16);
    expect(r.paths.sourceStride).toBe(1);
  });

  // 3×4, F = 1, cross-plane links off: a source reaches only the 3 other slots of its plane (1, 2 and 1 hops), so
  // 12·3 ordered pairs are reachable and 12·8 are not. In-plane hops of 1 ms (no hop delay): latencies 1, 1, 2 ms.
  it('a shell split by its cross-plane links: no throughput, statistics over the reachable pairs only', () => {
    const r = torusThroughput({
      planes: 3,
      satsPerPlane: 4,
      phasing: 1,
      ...links(G, 0, 1e-3 * C, 5e-3 * C),
      lpSolver,
      perHopDelay_s: 0,
    });
    expect(r.disconnected).toBe(true);
    expect(r.throughputPerNode_bps).toBe(0);
    expect(r.lambda_bps).toBe(0);
    expect(r.bottleneck).toBe('none');
    expect(r.lp.solver).toBe('none');
    expect(r.paths.pairs).toBe(36);
    expect(r.paths.unreachablePairs).toBe(96);
    expect(Array.from(r.hopHistogram)).toEqual([0, 2, 1]);
    expect(r.paths.meanHops).toBeCloseTo(4 / 3, 12);
    expect(r.paths.maxHops).toBe(2);
    expect(r.paths.meanLatency_s).toBeCloseTo(4e-3 / 3, 12);
    expect(r.paths.p50Latency_s).toBeCloseTo(1e-3, 12);
    expect(r.paths.p99Latency_s).toBeCloseTo(2e-3, 12);
  });

  it('hop delay: the default 100 µs a hop, a given one, and a refused one', () => {
    const shape = { planes: 2, satsPerPlane: 2, phasing: 0, ...links(G, G, 0, 0), lpSolver };
    // 2×2: destinations at 1, 1 and 2 hops; zero link lengths, so latency is hops × delay.
    expect(torusThroughput(shape).paths.meanLatency_s).toBeCloseTo((4 / 3) * 100e-6, 15);
    expect(torusThroughput({ ...shape, perHopDelay_s: 1 }).paths.meanLatency_s).toBeCloseTo(4 / 3, 12);
    expect(torusThroughput({ ...shape, perHopDelay_s: 0 }).paths.meanLatency_s).toBe(0);
    expect(() => torusThroughput({ ...shape, perHopDelay_s: -1e-6 })).toThrow(
      new RangeError('perHopDelay_s must be a finite number ≥ 0'),
    );
    expect(() => torusThroughput({ ...shape, perHopDelay_s: Infinity })).toThrow(RangeError);
  });

  it('refuses shells that are not one, naming what is wrong', () => {
    const ok = { planes: 3, satsPerPlane: 4, phasing: 0, ...links(G, G), lpSolver };
    const shapeMsg = /^planes 1 × satsPerPlane 1 must be integers ≥ 1 with at least 2 nodes$/;
    expect(() => torusThroughput({ ...ok, planes: 1, satsPerPlane: 1 })).toThrow(shapeMsg);
    expect(() => torusThroughput({ ...ok, satsPerPlane: 0 })).toThrow(/satsPerPlane 0/);
    expect(() => torusThroughput({ ...ok, satsPerPlane: 2.5 })).toThrow(/satsPerPlane 2\.5/);
    expect(() => torusThroughput({ ...ok, planes: 1.5 })).toThrow(/planes 1\.5/);
    expect(() => torusThroughput({ ...ok, phasing: -1 })).toThrow(
      new RangeError('phasing must be an integer ≥ 0, got -1'),
    );
    for (const k of ['inPlaneCapacity_bps', 'crossPlaneCapacity_bps', 'inPlaneLength_m', 'crossPlaneLength_m']) {
      expect(() => torusThroughput({ ...ok, [k]: -1 })).toThrow(new RangeError(`${k} must be finite and ≥ 0, got -1`));
      expect(() => torusThroughput({ ...ok, [k]: NaN })).toThrow(RangeError);
    }
    // The smallest shells accepted: 1 × 2 and 2 × 1 (one link class only), and F = 0 with zero capacities.
    expect(torusThroughput({ ...ok, planes: 1, satsPerPlane: 2 }).paths.pairs).toBe(2);
    expect(torusThroughput({ ...ok, planes: 2, satsPerPlane: 1 }).paths.pairs).toBe(2);
    expect(torusThroughput({ ...ok, ...links(0, 0) }).disconnected).toBe(true);
  });
});
