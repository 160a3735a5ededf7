import type { InstantNetwork } from '../../../src/constellation/network/networkSeries.js';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LpSolver } from '../../../src/optimize/lp.js';
import { createLpSolver } from '../../../solvers/lp/index.js';
import { cylinderSeries, type CylinderSeriesParams } from '../../../src/constellation/network/shellNetworkCylinder.js';
import { torusInstantCapacities } from '../../../src/constellation/network/torusInstant.js';
import { networkThroughput, type LinkEdge } from '../../../src/constellation/network/network.js';
import type { PlaneTrack } from '../../../src/constellation/geometry/propagate.js';
import type { LinkRateCoefficients } from '../../../src/models/links/linkBudget.js';
import { deg } from '../../helpers/units.js';

let lp: LpSolver;
beforeAll(async () => {
  lp = await createLpSolver();
});

/** rate = 1e11 b/s · (1 − exp(−ff/d²)) (a beam with no Rayleigh range): range-dependent beyond √ff. */
const rate = (ff: number): LinkRateCoefficients =>
  ({
    farFieldFraction_m2: ff,
    rayleighRange_m: 0,
    fullCollectionRate_bps: 1e11,
    photonEnergy_J: 1e-19,
    deliverablePower_W: 1,
    capacity_bps: 1e15,
  }) as LinkRateCoefficients;

/**
 * A band of P planes on exact circular orbits (radius 7,000 km, inclination i), RAAN Ω_q = q·ΔΩ (a gap of RAAN after
 * the last plane), slot s at u = u0 + 2πs/S + 2πqF/(PS); positions a·(cosΩ cos u − sinΩ sin u cos i, sinΩ cos u +
 * cosΩ sin u cos i, sin u sin i), orbit normal (sinΩ sin i, −cosΩ sin i, cos i).
 */
function bandTracks(P: number, S: number, dRaan: number, inc: number, u0s: readonly number[]): PlaneTrack[] {
  const a = 7e6;
  return Array.from({ length: P }, (_, q) => {
    const O = q * dRaan;
    const pos = (u0: number): number[] => {
      const u = u0 + (2 * Math.PI * q) / (P * S);
      return [
        a * (Math.cos(O) * Math.cos(u) - Math.sin(O) * Math.sin(u) * Math.cos(inc)),
        a * (Math.sin(O) * Math.cos(u) + Math.cos(O) * Math.sin(u) * Math.cos(inc)),
        a * Math.sin(u) * Math.sin(inc),
      ];
    };
    const normal = [Math.sin(O) * Math.sin(inc), -Math.cos(O) * Math.sin(inc), Math.cos(inc)];
    return {
      elements: {} as PlaneTrack['elements'],
      times_s: Float64Array.from(u0s, (_, j) => 60 * j),
      r_m: Float64Array.from(u0s.flatMap(pos)),
      normal: Float64Array.from(u0s.flatMap(() => normal)),
      gmst_rad: new Float64Array(u0s.length),
    };
  });
}

function params(P: number, S: number, over: Partial<CylinderSeriesParams> = {}): CylinderSeriesParams {
  const u0s = [0.1, 0.5, 1.3];
  return {
    planes: P,
    satsPerPlane: S,
    phasing: 1,
    tracks: bandTracks(P, S, 4 * deg, 97.6 * deg, u0s),
    instants: [0, 1, 2],
    rate: rate(1e13),
    grazingHeight_m: 80e3,
    latitudeCutoff_rad: 70 * deg,
    inPlaneUsable: true,
    crossPlaneUsable: true,
    meshIgnored: false,
    ...over,
  };
}

/** The instant's link graph exactly as laid (no seam link), every link at its own capacity: the full LP's input. */
function instantGraph(p: CylinderSeriesParams, j: number) {
  const { planes: P, satsPerPlane: S } = p;
  const c = torusInstantCapacities({ ...p, sampleIndex: j, seam: false });
  const edges: LinkEdge[] = [];
  for (let q = 0; q < P; q++)
    for (let s = 0; s < S; s++) {
      const v = q * S + s;
      edges.push({ u: v, v: q * S + ((s + 1) % S), capacity_bps: c.inPlane_bps[v]!, length_m: 1 });
      if (q < P - 1) edges.push({ u: v, v: v + S, capacity_bps: c.cross_bps[v]!, length_m: 1 });
    }
  return { graph: { nodes: P * S, edges }, c };
}

/** A series' instants as a lean series gives them: no class utilisation. */
const withoutClasses = (instants: readonly InstantNetwork[]) => instants.map((i) => ({ ...i, classes: [] }));

describe('cylinderSeries: a band at each instant against the full LP on its instant graph', () => {
  // Sun-synchronous inclination, 70° cutoff: 22–29 % of the cross-plane links off (polar), each gap's links differ.
  // The reported rate is an upper bound (concavity, slot rotation); how far the full LP sits below it was measured:
  // where the gap cut binds the instant's own cut is achieved (9 × 8 with in-plane links near full collection: +0.0 %;
  // 10 × 12: +0.0 %, a 50 s LP left out here); where the in-plane volume binds, traffic detouring to the columns whose
  // cross-plane links are on costs in-plane hops the bound does not see (6 × 10: +4.4 %, 9 × 8 with weaker in-plane
  // links: +6.1 %, 5 × 12: +8.0 %; docs/approximations.md).
  it.each([
    [9, 8, 'cross-plane', 0.05, 1e14],
    [6, 10, 'in-plane', 0.05, 1e13],
    [5, 12, 'in-plane', 0.1, 1e13],
  ] as const)(
    '%i × %i band with polar outages (%s bound): upper bound, full LP within %f below (far-field area %d m²)',
    (P, S, binds, tol, farField_m2) => {
      const p = params(P, S, { instants: [0], rate: rate(farField_m2) });
      const inst = cylinderSeries(p).instants[0]!;
      const { graph, c } = instantGraph(p, 0);
      expect(c.cross_bps.subarray(0, (P - 1) * S).some((x) => x === 0)).toBe(true); // outages at this instant
      const full = networkThroughput({ graph, traffic: { kind: 'uniform' }, lpSolver: lp }).throughputPerNode_bps;
      expect(inst.model).toBe('bounds');
      const cls = inst.classes.find((k) => k.linkClass === (binds === 'cross-plane' ? 'crossPlane' : 'inPlane'))!;
      expect(cls.maxUtilization).toBeGreaterThanOrEqual(1 - 1e-9);
      expect(inst.throughputPerNode_bps).toBeGreaterThanOrEqual(full * (1 - 1e-6));
      expect(inst.throughputPerNode_bps).toBeLessThanOrEqual(full * (1 + tol));
      // The routing's rate is achievable: at most the full LP; how far below it was measured (printed).
      expect(inst.lowerBound_bps).toBeGreaterThan(0);
      expect(inst.lowerBound_bps).toBeLessThanOrEqual(full * (1 + 1e-6));
      console.log(
        `${P} × ${S}: lower/full ${(inst.lowerBound_bps / full).toFixed(4)}, upper/full ${(inst.throughputPerNode_bps / full).toFixed(4)}`,
      );
    },
  );

  it('no cutoff and short links (every link at the terminal rate): exact, equal to the full LP', () => {
    const p = params(4, 9, { latitudeCutoff_rad: null, rate: rate(1e20) });
    const r = cylinderSeries(p);
    const { graph } = instantGraph(p, 0);
    const full = networkThroughput({ graph, traffic: { kind: 'uniform' }, lpSolver: lp }).throughputPerNode_bps;
    expect(r.instants[0]!.model).toBe('exact');
    expect(r.instants[0]!.throughputPerNode_bps).toBeCloseTo(full, 0);
    expect(Math.abs(r.instants[0]!.throughputPerNode_bps / full - 1)).toBeLessThan(1e-6);
    // Hand figure: every link 1e11 b/s; the middle cut (2 planes each side) gives λ = 1e11/(2·2·9) = 2.78e9, the
    // in-plane volume (D = ⌊81/4⌋ = 20) λ = 2·9·1e11·4/(9·16·20) = 2.5e9: the in-plane volume binds; × 35 nodes.
    expect(r.instants[0]!.throughputPerNode_bps).toBeCloseTo(2.5e9 * 35, -3);
  });

  it('a lean series: the same rates, no paths or class loads, no routing bound unless it is the rate (mesh)', () => {
    const full = cylinderSeries(params(6, 10));
    const lean = cylinderSeries(params(6, 10, { lean: true }));
    expect(lean.paths).toBeNull();
    expect(lean.instants.every((i) => i.classes.length === 0)).toBe(true);
    expect(full.instants.some((i) => i.model === 'bounds')).toBe(true);
    lean.instants.forEach((i, j) => {
      const f = full.instants[j]!;
      expect([i.model, i.throughputPerNode_bps, i.upperBound_bps]).toEqual([
        f.model,
        f.throughputPerNode_bps,
        f.upperBound_bps,
      ]);
      if (i.model === 'bounds') expect(i.lowerBound_bps).toBeNaN();
      else expect(i.lowerBound_bps).toBe(f.lowerBound_bps);
    });
    const mesh = params(6, 10, { meshIgnored: true });
    expect(cylinderSeries({ ...mesh, lean: true }).instants).toEqual(withoutClasses(cylinderSeries(mesh).instants));
  });

  it('mesh shell: the routing rate as a lower bound', () => {
    const r = cylinderSeries(params(6, 10, { meshIgnored: true }));
    for (const i of r.instants) {
      expect(i.model).toBe('lower-bound');
      expect(i.upperBound_bps).toBeNull();
      expect(i.throughputPerNode_bps).toBeGreaterThan(0);
      expect(i.throughputPerNode_bps).toBe(i.lowerBound_bps);
    }
  });
});
