import { describe, expect, it } from 'vitest';

import { createLpSolver } from '../../../solvers/lp/index.js';
import { networkThroughput, type LinkEdge, type LinkGraph } from '../../../src/constellation/network/graph/network.js';
import { torusThroughput } from '../../../src/constellation/network/torus/torus.js';
import { torusRoutingBound } from '../../../src/constellation/network/torus/torusRouting.js';
import { boundGap, seriesStats, type InstantNetwork } from '../../../src/constellation/network/networkSeries.js';
import { constellationSeries } from '../../../src/constellation/evaluate.js';
import { torusSeries } from '../../../src/constellation/network/torus/shellNetworkTorus.js';
import { planeElements } from '../../../src/constellation/geometry/pattern.js';
import { propagatePlane } from '../../../src/constellation/geometry/propagate.js';
import type { LinkRateCoefficients } from '../../../src/models/links/linkBudget.js';
import { deg } from '../../helpers/units.js';
import { shell as shellSpec } from '../../helpers/shellSpec.js';

const lpSolver = await createLpSolver();

const G = 1e9;
/** The reduced torus LP on uniform capacities (links 1,000 km long). */
const reducedLp = (P: number, S: number, F: number, inPlane_bps: number, crossPlane_bps: number) =>
  torusThroughput({
    planes: P,
    satsPerPlane: S,
    phasing: F,
    inPlaneCapacity_bps: inPlane_bps,
    crossPlaneCapacity_bps: crossPlane_bps,
    inPlaneLength_m: 1e6,
    crossPlaneLength_m: 1e6,
    lpSolver,
  });
/** The routing bound on per-link capacities, along the reduced LP's path steps. */
const routingBound = (
  P: number,
  S: number,
  F: number,
  cross_bps: Float64Array,
  inPlane_bps: Float64Array,
  lp: ReturnType<typeof torusThroughput>,
) =>
  torusRoutingBound({
    planes: P,
    satsPerPlane: S,
    phasing: F,
    cross_bps,
    inPlane_bps,
    steps: lp.steps,
    stepUse: lp.stepUse,
  });

/**
 * Walker delta phase of node (p, s) in units of 2π/N: u = 2π(s·P + p·F)/N (Walker 1984), so the geocentric
 * latitude of a circular orbit of inclination i is asin(sin i · sin u) (spherical trigonometry).
 */
function latitude(P: number, S: number, F: number, p: number, s: number, i_rad: number, u0_rad: number): number {
  const u = u0_rad + (2 * Math.PI * (s * P + p * F)) / (P * S);
  return Math.abs(Math.asin(Math.sin(i_rad) * Math.sin(u)));
}

/** Per-edge capacities of a twisted torus at one instant: cross-plane links off poleward of the cutoff. */
function cutTorus(
  P: number,
  S: number,
  F: number,
  capIn: number,
  capCross: number,
  i_rad: number,
  cutoff_rad: number,
  u0_rad: number,
) {
  const cross = new Float64Array(P * S),
    inPlane = new Float64Array(P * S).fill(capIn);
  const edges: LinkEdge[] = [];
  for (let p = 0; p < P; p++)
    for (let s = 0; s < S; s++) {
      const [q, t] = p < P - 1 ? [p + 1, s] : [0, (s + F) % S];
      const on =
        latitude(P, S, F, p, s, i_rad, u0_rad) <= cutoff_rad && latitude(P, S, F, q, t, i_rad, u0_rad) <= cutoff_rad;
      cross[p * S + s] = on ? capCross : 0;
      edges.push({ u: p * S + s, v: p * S + ((s + 1) % S), capacity_bps: capIn, length_m: 1e6 });
      edges.push({ u: p * S + s, v: q * S + t, capacity_bps: cross[p * S + s]!, length_m: 1e6 });
    }
  const graph: LinkGraph = { nodes: P * S, edges };
  return { cross, inPlane, graph };
}

const mean = (a: Float64Array): number => a.reduce((x, y) => x + y, 0) / a.length;

describe('per-instant torus bounds against the full arc-flow LP', () => {
  it.each([
    [6, 8, 1, 10, 10, 98, 70, 0.1],
    [6, 8, 1, 10, 10, 98, 70, 1.3],
    [5, 9, 2, 10, 6, 98, 60, 0.4],
    [4, 10, 0, 10, 10, 98, 70, 0.7],
  ])(
    '%i×%i F=%i capIn %i capCross %i, i=%i°, cutoff %i°, u0 %f rad: lower ≤ LP ≤ upper',
    (P, S, F, cin, cx, inc, cut, u0) => {
      const c = cutTorus(P, S, F, cin * G, cx * G, inc * deg, cut * deg, u0);
      const off = c.cross.filter((x) => x === 0).length;
      expect(off).toBeGreaterThan(0); // the cutoff bites at this instant
      const oracle = networkThroughput({
        graph: c.graph,
        traffic: { kind: 'uniform' },
        lpSolver,
      }).throughputPerNode_bps;
      const upper = reducedLp(P, S, F, mean(c.inPlane), mean(c.cross));
      const lower = routingBound(P, S, F, c.cross, c.inPlane, upper);
      expect(lower.unroutable).toBeNull();
      expect(lower.throughputPerNode_bps).toBeGreaterThan(0);
      expect(lower.throughputPerNode_bps).toBeLessThanOrEqual(oracle * (1 + 1e-6));
      expect(oracle).toBeLessThanOrEqual(upper.throughputPerNode_bps * (1 + 1e-6));
    },
  );
});

describe('per-instant torus model where every link of a class is alike', () => {
  // Untwisted P×S, both even: one path type per destination, a source needs X = S·P²/4 cross-plane and
  // Y = P·S²/4 in-plane hops, λ* = min(2·capCross/X, 2·capIn/Y) (torus.test.ts). 8×6, capIn 10, capCross
  // 4 Gbps: X = 96, Y = 72, λ* = min(8/96, 20/72) Gbps = 1/12 Gbps; per node λ*·47.
  it('the routing bound reaches the analytic optimum of an untwisted torus', () => {
    const P = 8,
      S = 6;
    const lp = reducedLp(P, S, 0, 10 * G, 4 * G);
    const b = routingBound(P, S, 0, new Float64Array(P * S).fill(4 * G), new Float64Array(P * S).fill(10 * G), lp);
    expect(b.lambda_bps / (G / 12)).toBeCloseTo(1, 9);
    expect(b.throughputPerNode_bps / ((47 * G) / 12)).toBeCloseTo(1, 9);
    expect(b.handedOver).toBe(0);
    expect(b.crossPlane.maxUtilization).toBeCloseTo(1, 9);
    expect(b.inPlane.meanUtilization).toBeCloseTo((72 * G) / 12 / 2 / (10 * G), 9); // Y·λ/2 per arc over capIn
  });

  it('twisted shells: the routing bound equals the reduced LP when capacities are uniform', () => {
    for (const [P, S, F, cin, cx] of [
      [6, 8, 1, 10, 10],
      [5, 9, 2, 10, 6],
      [7, 7, 3, 5, 10],
    ] as const) {
      const lp = reducedLp(P, S, F, cin * G, cx * G);
      const b = routingBound(P, S, F, new Float64Array(P * S).fill(cx * G), new Float64Array(P * S).fill(cin * G), lp);
      expect(b.throughputPerNode_bps / lp.throughputPerNode_bps).toBeCloseTo(1, 6);
    }
  });

  // A 53° shell never reaches a 75° cutoff; 12 planes (30° apart) × 10 slots at 550 km keep every line of sight
  // above 100 km (equator chord: r·cos 15° − R⊕ ≈ 314 km; in-plane r·cos 18° − R⊕ ≈ 211 km), and the rate
  // coefficients below cap every link at the 100 Gb/s terminal rating: every instant is the uniform torus with
  // capIn = capCross = 100 Gb/s, the same as the reduced LP on time-averaged capacities (availability 1).
  it('a shell the cutoff never touches: every instant equals the time-averaged reduced LP', () => {
    const shell = shellSpec({ name: 't', planes: 12, satsPerPlane: 10, ltanBand_h: 24 });
    const window = { epochIso: '2026-03-20T00:00:00Z', duration_s: 5400, step_s: 600 };
    const tracks = Array.from({ length: 12 }, (_, q) =>
      propagatePlane(planeElements(shell, q, window.epochIso), window),
    );
    const rate: LinkRateCoefficients = {
      farFieldFraction_m2: 1e30,
      rayleighRange_m: 0,
      fullCollectionRate_bps: 1e15,
      photonEnergy_J: 1e-19,
      deliverablePower_W: 1,
      capacity_bps: 100 * G,
    } as LinkRateCoefficients;
    const r = torusSeries({
      planes: 12,
      satsPerPlane: 10,
      phasing: 1,
      tracks,
      instants: [0, 3, 6, 9],
      rate,
      grazingHeight_m: 100e3,
      latitudeCutoff_rad: 75 * deg,
      slewLimit_rad_s: Infinity,
      inPlaneUsable: true,
      crossPlaneUsable: true,
      lp: lpSolver,
    });
    const avg = reducedLp(12, 10, 1, 100 * G, 100 * G);
    expect(r.instants).toHaveLength(4);
    for (const i of r.instants) {
      expect(i.model).toBe('exact');
      expect(i.throughputPerNode_bps / avg.throughputPerNode_bps).toBeCloseTo(1, 9);
      expect(i.lowerBound_bps).toBe(i.upperBound_bps);
      expect(i.classes.map((c) => c.off)).toEqual([0, 0]);
    }
  });
});

describe('series statistics', () => {
  // [5, 3, 9, 1, 7]: mean 25/5 = 5; nearest rank ⌈0.05·5⌉ = 1 → the smallest, 1; worst 1.
  // 1 … 40: mean 20.5; rank ⌈0.05·40⌉ = 2 → 2; worst 1. 1 … 41: rank ⌈2.05⌉ = 3 → 3.
  it('mean, nearest-rank p5 and worst by hand', () => {
    expect(seriesStats([5, 3, 9, 1, 7])).toEqual({ mean: 5, p5: 1, worst: 1 });
    const forty = Array.from({ length: 40 }, (_, i) => i + 1);
    expect(seriesStats(forty)).toEqual({ mean: 20.5, p5: 2, worst: 1 });
    expect(seriesStats([...forty, 41]).p5).toBe(3);
    expect(seriesStats([])).toEqual({ mean: 0, p5: 0, worst: 0 });
  });

  // Gaps (10 − 6)/10 = 0.4, (8 − 8)/8 = 0 and (5 − 3)/5 = 0.4: the largest, 0.4.
  it('bound gap and the constellation series (worst shell per instant) by hand', () => {
    const at = (v: number, lo: number, up: number): InstantNetwork => ({
      sampleIndex: 0,
      model: 'bounds',
      throughputPerNode_bps: v,
      lowerBound_bps: lo,
      upperBound_bps: up,
      classes: [],
    });
    expect(boundGap([at(10, 6, 10), at(8, 8, 8), at(5, 3, 5)])).toBeCloseTo(0.4, 12);
    // Shell A over 3 instants [4, 2, 6]; shell B at one instant (a fixed cluster), 3: min per instant [3, 2, 3].
    const series = constellationSeries([
      { instants: [at(4, 4, 4), at(2, 2, 2), at(6, 6, 6)] },
      { instants: [at(3, 3, 3)] },
    ]);
    expect(series).toEqual([3, 2, 3]);
    // A shell with no path between its planes has no instants: 0 throughout.
    expect(constellationSeries([{ instants: [at(4, 4, 4)] }, { instants: [] }])).toEqual([0]);
  });
});
