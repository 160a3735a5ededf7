import { describe, expect, it } from 'vitest';

import { createLpSolver } from '../../../../solvers/lp/index.js';
import { cylinderPathStatistics, cylinderThroughput } from '../../../../src/constellation/network/cylinder/cylinder.js';
import {
  networkThroughput,
  type LinkEdge,
  type LinkGraph,
} from '../../../../src/constellation/network/graph/network.js';
import { torusThroughput } from '../../../../src/constellation/network/torus/torus.js';

const lp = await createLpSolver();

/**
 * The open cylinder as the test states it (independent of the model): node p·S + s; in-plane ring per plane (one link
 * when S = 2), cross-plane links (p, s)–(p+1, s) for p < P−1, and nothing from the last plane to the first.
 */
function cylinderGraph(P: number, S: number, cIn: (q: number) => number, cCross: (g: number) => number): LinkGraph {
  const edges: LinkEdge[] = [];
  for (let q = 0; q < P; q++) {
    if (S === 2) edges.push({ u: q * S, v: q * S + 1, capacity_bps: cIn(q), length_m: 1 });
    if (S >= 3)
      for (let s = 0; s < S; s++)
        edges.push({ u: q * S + s, v: q * S + ((s + 1) % S), capacity_bps: cIn(q), length_m: 1 });
    if (q < P - 1)
      for (let s = 0; s < S; s++)
        edges.push({ u: q * S + s, v: (q + 1) * S + s, capacity_bps: cCross(q), length_m: 1 });
  }
  return { nodes: P * S, edges };
}

const fill = (n: number, f: (i: number) => number): Float64Array => Float64Array.from({ length: n }, (_, i) => f(i));

/**
 * Uniform concurrent-flow upper bound from brute force over every bipartition (A, B) of the nodes: each ordered pair
 * demands λ, so |A|·|B|·λ must cross the cut each way within its capacity: λ ≤ cap(A, B)/(|A||B|) (cut condition).
 */
function sparsestCutLambda(g: LinkGraph): number {
  let best = Infinity;
  for (let mask = 1; mask < 1 << (g.nodes - 1); mask++) {
    const inA = (v: number): boolean => v < g.nodes - 1 && ((mask >> v) & 1) === 1;
    let a = 0;
    for (let v = 0; v < g.nodes; v++) if (inA(v)) a++;
    let cap = 0;
    for (const e of g.edges) if (inA(e.u) !== inA(e.v)) cap += e.capacity_bps;
    best = Math.min(best, cap / (a * (g.nodes - a)));
  }
  return best;
}

describe('cylinderThroughput: open cylinder, closed form', () => {
  it('6 × 10 band, every link 1 b/s: the middle cut binds (hand calculation)', () => {
    // Middle gap g = 2: 3·10 satellites below, 3·10 above; λ ≤ 10 / (30·30) = 1/90 per direction.
    // In-plane volume: D = ⌊100/4⌋ = 25 hops per destination plane, λ ≤ 2·10·6 / (10·36·25) = 1/75: slack.
    // Throughput per node = λ·59 = 59/90.
    const r = cylinderThroughput({
      planes: 6,
      satsPerPlane: 10,
      inPlane_bps: fill(6, () => 1),
      crossGap_bps: fill(5, () => 1),
    });
    expect(r.upperBound_bps).toBeCloseTo(59 / 90, 12);
    expect(r.lowerBound_bps).toBeCloseTo(59 / 90, 12);
    expect(r.exact).toBe(true);
    expect(r.bottleneck).toBe('cross-plane');
    expect(r.bindingGap).toBe(2);
    expect(r.gapUtilization[2]).toBeCloseTo(1, 12);
    // Gap 0: 1·5·10·λ = 50/90 of its capacity.
    expect(r.gapUtilization[0]).toBeCloseTo(50 / 90, 12);
    expect(r.inPlaneUtilization).toBeCloseTo(75 / 90, 12);
    // The wrapped torus of the same shell (the wrap links a band does not have) carries 0.787 here: +20 %.
    const torus = torusThroughput({
      planes: 6,
      satsPerPlane: 10,
      phasing: 0,
      inPlaneCapacity_bps: 1,
      crossPlaneCapacity_bps: 1,
      inPlaneLength_m: 1,
      crossPlaneLength_m: 1,
      lpSolver: lp,
    });
    expect(torus.throughputPerNode_bps).toBeGreaterThan(1.15 * r.upperBound_bps);
  });

  it('a single ring (P = 1): λ = 2c/⌊S²/4⌋, the classic ring figure', () => {
    // C_7: the hops from one node sum to 1+1+2+2+3+3 = 12; 7·12·λ over 14 arcs of capacity 3 → λ = 0.5.
    const r = cylinderThroughput({
      planes: 1,
      satsPerPlane: 7,
      inPlane_bps: fill(1, () => 3),
      crossGap_bps: new Float64Array(0),
    });
    expect(r.upperBound_bps).toBeCloseTo(0.5 * 6, 12);
    expect(r.bottleneck).toBe('in-plane');
  });

  it('a gap or the in-plane class without capacity: disconnected, 0', () => {
    const r = cylinderThroughput({
      planes: 3,
      satsPerPlane: 4,
      inPlane_bps: fill(3, () => 1),
      crossGap_bps: Float64Array.of(1, 0),
    });
    expect(r.disconnected).toBe(true);
    expect(r.upperBound_bps).toBe(0);
    const s = cylinderThroughput({
      planes: 3,
      satsPerPlane: 4,
      inPlane_bps: fill(3, () => 0),
      crossGap_bps: fill(2, () => 1),
    });
    expect(s.disconnected).toBe(true);
  });

  // The full arc-flow LP of network.ts on the explicit cylinder: the closed form must equal it wherever it says exact.
  const bands: [number, number, number, number][] = [
    // P, S, in-plane, cross-plane capacity
    [2, 5, 1, 1],
    [3, 4, 1, 1],
    [4, 6, 1, 1],
    [5, 3, 1, 1],
    [6, 10, 1, 1],
    [3, 8, 0.2, 1], // in-plane bound binds
    [4, 7, 0.5, 1], // both near
    [3, 2, 1, 2], // S = 2: one in-plane link per plane
    [5, 1, 0, 1], // S = 1: a path of planes
  ];
  it.each(bands)('%i × %i band (in %f, cross %f): closed form = full LP on the link graph', (P, S, ci, cx) => {
    const g = cylinderGraph(
      P,
      S,
      () => ci,
      () => cx,
    );
    const full = networkThroughput({ graph: g, traffic: { kind: 'uniform' }, lpSolver: lp });
    const r = cylinderThroughput({
      planes: P,
      satsPerPlane: S,
      inPlane_bps: fill(P, () => ci),
      crossGap_bps: fill(P - 1, () => cx),
    });
    expect(r.exact).toBe(true);
    expect(r.upperBound_bps).toBeCloseTo(full.throughputPerNode_bps, 6);
  });

  it('planes and gaps of different capacity: lower ≤ full LP ≤ upper', () => {
    const cIn = (q: number): number => [1, 0.3, 1, 0.6][q]!;
    const cX = (g: number): number => [2, 1.2, 3][g]!;
    const g = cylinderGraph(4, 5, cIn, cX);
    const full = networkThroughput({ graph: g, traffic: { kind: 'uniform' }, lpSolver: lp }).throughputPerNode_bps;
    const r = cylinderThroughput({ planes: 4, satsPerPlane: 5, inPlane_bps: fill(4, cIn), crossGap_bps: fill(3, cX) });
    expect(r.lowerBound_bps).toBeLessThanOrEqual(full * (1 + 1e-6));
    expect(r.upperBound_bps).toBeGreaterThanOrEqual(full * (1 - 1e-6));
  });

  it('the model never exceeds the brute-force sparsest cut, and meets it where a cut binds', () => {
    for (const [P, S, ci, cx] of [
      [3, 3, 1, 1],
      [4, 3, 1, 0.5],
      [2, 5, 1, 1],
      [3, 4, 1, 1],
    ] as const) {
      const g = cylinderGraph(
        P,
        S,
        () => ci,
        () => cx,
      );
      const cut = sparsestCutLambda(g) * (P * S - 1);
      const r = cylinderThroughput({
        planes: P,
        satsPerPlane: S,
        inPlane_bps: fill(P, () => ci),
        crossGap_bps: fill(P - 1, () => cx),
      });
      expect(r.upperBound_bps).toBeLessThanOrEqual(cut * (1 + 1e-12));
      if (r.bottleneck === 'cross-plane') expect(r.upperBound_bps).toBeCloseTo(cut, 12);
    }
  });
});

describe('cylinderPathStatistics', () => {
  it('3 × 4 band: hop histogram by hand', () => {
    // From (p0, s0): d = 0,1,1,2 over the 4 slots (sum 4, mean 1); |Δp| over the 9 ordered plane pairs: 0×3, 1×4,
    // 2×2 (sum 8). Pairs: 12·11 = 132; Σ hops = 9·12... per source plane pair, Σ over (s0, s1) of |Δp| + d
    // = 16·|Δp| + 4·4 = 16|Δp| + 16; summed over plane pairs: 16·8 + 9·16 = 272; minus nothing (self has 0 hops).
    const st = cylinderPathStatistics(3, 4, { inPlane_m: 0, crossPlane_m: 0 }, 1e-3, {
      inPlane: true,
      crossPlane: true,
    });
    expect(st.pairs).toBe(132);
    expect(st.unreachablePairs).toBe(0);
    expect(st.meanHops).toBeCloseTo(272 / 132, 12);
    expect(st.maxHops).toBe(4);
    expect(st.meanLatency_s).toBeCloseTo((272 / 132) * 1e-3, 12);
  });
});
