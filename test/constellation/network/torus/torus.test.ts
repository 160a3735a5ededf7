import { beforeAll, describe, expect, it } from 'vitest';
import type { LpSolver } from '../../../../src/optimize/lp.js';
import { createLpSolver } from '../../../../solvers/lp/index.js';
import {
  networkThroughput,
  type LinkEdge,
  type LinkGraph,
} from '../../../../src/constellation/network/graph/network.js';
import {
  torusDownlinkBound,
  torusThroughput,
  twistedTorusGraph,
} from '../../../../src/constellation/network/torus/torus.js';
import { SPEED_OF_LIGHT_m_s as C_m_s } from '../../../helpers/constants.js';

let lpSolver: LpSolver;
beforeAll(async () => {
  lpSolver = await createLpSolver();
});

const G = 1e9;

/**
 * Independent explicit twisted torus, node p·S + s: in-plane (p,s)–(p,s+1), cross-plane (p,s)–(p+1,s)
 * and across the seam (P−1,s)–(0,s+F) — Walker phasing puts slot s of "plane P" at slot s+F of plane 0.
 */
function explicitTorus(
  P: number,
  S: number,
  F: number,
  capIn: number,
  capCross: number,
  lenIn = 1e6,
  lenCross = 1e6,
): LinkGraph {
  const edges: LinkEdge[] = [];
  const id = (p: number, s: number): number => p * S + (((s % S) + S) % S);
  for (let p = 0; p < P; p++)
    for (let s = 0; s < S; s++) {
      edges.push({ u: id(p, s), v: id(p, s + 1), capacity_bps: capIn, length_m: lenIn });
      edges.push(
        p < P - 1
          ? { u: id(p, s), v: id(p + 1, s), capacity_bps: capCross, length_m: lenCross }
          : { u: id(p, s), v: id(0, s + F), capacity_bps: capCross, length_m: lenCross },
      );
    }
  return { nodes: P * S, edges };
}

const links = (capIn: number, capCross: number, lenIn = 1e6, lenCross = 1e6) => ({
  inPlaneCapacity_bps: capIn,
  crossPlaneCapacity_bps: capCross,
  inPlaneLength_m: lenIn,
  crossPlaneLength_m: lenCross,
});

describe('torusThroughput (reduced symmetric model)', () => {
  it('builds the seam with the Walker twist (P−1, s)–(0, s+F)', () => {
    const g = twistedTorusGraph({ planes: 3, satsPerPlane: 5, phasing: 2, ...links(G, G) });
    const key = (e: LinkEdge): string => [Math.min(e.u, e.v), Math.max(e.u, e.v)].join('-');
    expect(new Set(g.edges.map(key))).toEqual(new Set(explicitTorus(3, 5, 2, G, G).edges.map(key)));
    expect(g.edges.some((e) => key(e) === '1-14')).toBe(true); // (2,4)=14 – (0,(4+2) mod 5 = 1)=1
  });

  // Two independent formulations: the full arc-flow LP on the explicit graph (N·2E + 1 columns) and the
  // aggregated path-type LP of the reduced model must give the same maximum concurrent flow, and the
  // BFS/Dijkstra path statistics must equal the analytic ones (every source searched).
  it.each([
    [4, 5, 1, 10, 4],
    [5, 4, 2, 3, 10],
    [6, 6, 0, 10, 7],
    [3, 7, 2, 5, 5],
    [5, 6, 3, 2, 9],
  ])('%i×%i F=%i, capIn %i, capCross %i Gbps: reduced = full LP', (P, S, F, cin, ccross) => {
    const lenIn = 2e6;
    const lenCross = 3.5e6;
    const full = networkThroughput({
      graph: explicitTorus(P, S, F, cin * G, ccross * G, lenIn, lenCross),
      traffic: { kind: 'uniform' },
      lpSolver,
      maxPathSources: 1000,
      perHopDelay_s: 1e-4,
    });
    const red = torusThroughput({
      planes: P,
      satsPerPlane: S,
      phasing: F,
      ...links(cin * G, ccross * G, lenIn, lenCross),
      lpSolver,
      perHopDelay_s: 1e-4,
    });
    expect(red.reducedModel).toBe(true);
    expect(red.throughputPerNode_bps / full.throughputPerNode_bps).toBeCloseTo(1, 6);
    expect(red.lambda_bps / full.lambda_bps).toBeCloseTo(1, 6);
    expect(red.paths.meanHops).toBeCloseTo(full.paths.meanHops, 10);
    expect(red.paths.maxHops).toBe(full.paths.maxHops);
    expect(red.paths.p50Latency_s).toBeCloseTo(full.paths.p50Latency_s, 12);
    expect(red.paths.p99Latency_s).toBeCloseTo(full.paths.p99Latency_s, 12);
    expect(red.paths.meanLatency_s).toBeCloseTo(full.paths.meanLatency_s, 12);
    // Both solvers agree on the reduced LP.
    const via = (solver: 'highs' | 'jslp') =>
      torusThroughput({
        planes: P,
        satsPerPlane: S,
        phasing: F,
        ...links(cin * G, ccross * G),
        lpSolver,
        lpOptions: { solver },
      });
    const [viaHighs, viaJsLp] = [via('highs'), via('jslp')];
    expect(viaJsLp.throughputPerNode_bps / viaHighs.throughputPerNode_bps).toBeCloseTo(1, 7);
  });

  // Untwisted 4×4: per dimension C4 distances {0:1, 1:2, 2:1}; their sum convolves to hop counts
  // {0:1, 1:4, 2:6, 3:4, 4:1}, mean over the 15 destinations (4 + 12 + 12 + 4)/15 = 32/15.
  // With 2 ms cross-plane and 1 ms in-plane hops (no switching delay) the latencies 2a + b ms, a, b the
  // per-dimension distances, sort to 1,1,2,2,2,3,3,3,3,4,4,4,5,5,6: nearest-rank p50 = 8th = 3 ms,
  // p99 = 15th = 6 ms, mean 48/15 = 3.2 ms.
  it('hop and latency distribution of a 4×4 torus by hand', () => {
    const r = torusThroughput({
      planes: 4,
      satsPerPlane: 4,
      phasing: 0,
      ...links(G, G, 1e-3 * C_m_s, 2e-3 * C_m_s),
      lpSolver,
      perHopDelay_s: 0,
    });
    expect(Array.from(r.hopHistogram)).toEqual([0, 4, 6, 4, 1]);
    expect(r.paths.meanHops).toBeCloseTo(32 / 15, 12);
    expect(r.paths.p50Latency_s).toBeCloseTo(3e-3, 12);
    expect(r.paths.p99Latency_s).toBeCloseTo(6e-3, 12);
    expect(r.paths.meanLatency_s).toBeCloseTo(3.2e-3, 12);
  });

  // 2×4, F=1: neighbours of (0,0) are (0,1), (0,3), (1,0) and, across the seam, (1,3) [(1,3)→(0,3+1≡0)].
  // (0,2), (1,1), (1,2) are 2 hops away ((1,2) via (1,3)). Histogram [0,4,3], mean 10/7.
  it('hop distribution of a twisted 2×4 F=1 shell by hand', () => {
    const r = torusThroughput({ planes: 2, satsPerPlane: 4, phasing: 1, ...links(G, G), lpSolver });
    expect(Array.from(r.hopHistogram)).toEqual([0, 4, 3]);
    expect(r.paths.meanHops).toBeCloseTo(10 / 7, 12);
  });

  // Untwisted P×S, both even: every destination has one path type (cyclic distance per dimension);
  // one source needs X = S·Σ_p cyc(p) = S·P²/4 cross hops and Y = P·S²/4 in-plane hops, so
  // λ* = min(2·capCross/X, 2·capIn/Y). 100×100, capIn 100, capCross 50 Gbps: X = Y = 250,000 →
  // λ* = 100 Gbps / 250,000 = 400 kb/s, per node 400 kb/s × 9,999.
  it('10,000-node shell: analytic answer for F = 0, and a twisted shell solves with a reduced LP', () => {
    const flat = torusThroughput({ planes: 100, satsPerPlane: 100, phasing: 0, ...links(100 * G, 50 * G), lpSolver });
    expect(flat.lambda_bps / 400e3).toBeCloseTo(1, 9);
    expect(flat.throughputPerNode_bps / (400e3 * 9999)).toBeCloseTo(1, 9);
    expect(flat.bottleneck).toBe('cross-plane');
    expect(flat.crossPlaneUtilization).toBeCloseTo(1, 9);
    expect(flat.inPlaneUtilization).toBeCloseTo(0.5, 9);
    const twisted = torusThroughput({
      planes: 100,
      satsPerPlane: 100,
      phasing: 1,
      ...links(100 * G, 50 * G),
      lpSolver,
    });
    expect(twisted.disconnected).toBe(false);
    expect(twisted.throughputPerNode_bps).toBeGreaterThan(0);
    expect(twisted.lp.rows).toBeLessThan(10_000);
  });

  it('zero-capacity cross-plane links disconnect the shell (both models agree)', () => {
    const red = torusThroughput({ planes: 3, satsPerPlane: 4, phasing: 1, ...links(G, 0), lpSolver });
    const full = networkThroughput({ graph: explicitTorus(3, 4, 1, G, 0), traffic: { kind: 'uniform' }, lpSolver });
    expect(red.disconnected).toBe(true);
    expect(full.disconnected).toBe(true);
    expect(red.throughputPerNode_bps).toBe(0);
    // In-plane capacity 0 but gcd(F, S) = 1: cross-plane links alone (winding through the seam) connect all.
    const cross = torusThroughput({ planes: 3, satsPerPlane: 4, phasing: 1, ...links(0, G), lpSolver });
    const crossFull = networkThroughput({
      graph: explicitTorus(3, 4, 1, 0, G),
      traffic: { kind: 'uniform' },
      lpSolver,
    });
    expect(cross.disconnected).toBe(false);
    expect(cross.throughputPerNode_bps / crossFull.throughputPerNode_bps).toBeCloseTo(1, 6);
  });

  // N = 1000 satellites. (a) 20 visible, access 20 × 10 Gbps, stations 500 Gbps, ISLs 100 Gbps:
  // station 0.5, access 0.2, cut 20·2·200/980 = 8.16 Gbps per satellite → 0.2 (access).
  // (b) 2 visible, access 2 × 1000 Gbps, stations 5000 Gbps: station 5, access 2, cut 2·400/998 = 0.8016.
  it('downlink upper bound by hand', () => {
    const a = torusDownlinkBound({
      satellites: 1000,
      visibleSatellites: 20,
      accessCapacity_bps: 200 * G,
      stationCapacity_bps: 500 * G,
      inPlaneCapacity_bps: 100 * G,
      crossPlaneCapacity_bps: 100 * G,
    });
    expect(a.upperBound).toBe(true);
    expect(a.limitedBy).toBe('access');
    expect(a.lambdaUpperBound_bps / G).toBeCloseTo(0.2, 12);
    const b = torusDownlinkBound({
      satellites: 1000,
      visibleSatellites: 2,
      accessCapacity_bps: 2000 * G,
      stationCapacity_bps: 5000 * G,
      inPlaneCapacity_bps: 100 * G,
      crossPlaneCapacity_bps: 100 * G,
    });
    expect(b.limitedBy).toBe('cut');
    expect(b.lambdaUpperBound_bps / G).toBeCloseTo(800 / 998, 12);
  });

  it('rejects invalid shells with RangeError', () => {
    expect(() => torusThroughput({ planes: 0, satsPerPlane: 4, phasing: 0, ...links(G, G), lpSolver })).toThrow(
      RangeError,
    );
    expect(() => torusThroughput({ planes: 3, satsPerPlane: 4, phasing: 0.5, ...links(G, G), lpSolver })).toThrow(
      RangeError,
    );
    expect(() => torusThroughput({ planes: 3, satsPerPlane: 4, phasing: 0, ...links(-1, G), lpSolver })).toThrow(
      RangeError,
    );
    expect(() =>
      torusDownlinkBound({
        satellites: 10,
        visibleSatellites: 11,
        accessCapacity_bps: 1,
        stationCapacity_bps: 1,
        inPlaneCapacity_bps: 1,
        crossPlaneCapacity_bps: 1,
      }),
    ).toThrow(RangeError);
  });
});

describe('checks', () => {
  beforeAll(async () => {
    lpSolver = await createLpSolver();
  });
  const C = C_m_s;

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
        expect(() => torusThroughput({ ...ok, [k]: -1 })).toThrow(
          new RangeError(`${k} must be finite and ≥ 0, got -1`),
        );
        expect(() => torusThroughput({ ...ok, [k]: NaN })).toThrow(RangeError);
      }
      // The smallest shells accepted: 1 × 2 and 2 × 1 (one link class only), and F = 0 with zero capacities.
      expect(torusThroughput({ ...ok, planes: 1, satsPerPlane: 2 }).paths.pairs).toBe(2);
      expect(torusThroughput({ ...ok, planes: 2, satsPerPlane: 1 }).paths.pairs).toBe(2);
      expect(torusThroughput({ ...ok, ...links(0, 0) }).disconnected).toBe(true);
    });
  });
});
