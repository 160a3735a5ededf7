/**
 * Test fixture: a band of P planes on exact circular orbits (no SGP4), its range-dependent link rate, and the full
 * arc-flow LP on a band's link graph (the independent oracle of the open-cylinder models).
 *
 * Orbits: radius 7,000 km, inclination i, RAAN Ω_q = q·ΔΩ (a gap of RAAN after the last plane), slot s at
 * u = u0 + 2πs/S + 2πqF/(PS); position a·(cosΩ cos u − sinΩ sin u cos i, sinΩ cos u + cosΩ sin u cos i, sin u sin i),
 * orbit normal (sinΩ sin i, −cosΩ sin i, cos i).
 */
import type { PlaneTrack } from '../../../src/constellation/geometry/propagate.js';
import type { LinkRateCoefficients } from '../../../src/models/links/linkBudget.js';
import { networkThroughput, type LinkEdge } from '../../../src/constellation/network/graph/network.js';
import type { LpSolver } from '../../../src/optimize/lp.js';
import type { Rng } from '../../../src/base/rng.js';
import { beamRate } from '../../helpers/linkTerminals.js';
import { deg } from '../../helpers/units.js';

/** rate = min(cap, 1e11 b/s · (1 − exp(−ff/d²))) (a beam with no Rayleigh range): range-dependent beyond √ff. */
export const rangeRate = (ff: number, cap = 1e15): LinkRateCoefficients => beamRate(ff, 1e11, cap);

/**
 * The links of the shell-series tests unless a test says otherwise: rangeRate(1e13), links clear of 80 km, a 70°
 * latitude cut-off, no slew limit, both link classes usable, no mesh.
 */
export const SERIES_LINKS = {
  rate: rangeRate(1e13),
  grazingHeight_m: 80e3,
  latitudeCutoff_rad: 70 * deg,
  // No slew limit: these tests are about capacities and cuts (pointing: torusInstant.test.ts).
  slewLimit_rad_s: Infinity,
  inPlaneUsable: true,
  crossPlaneUsable: true,
} as const;

/**
 * A random band's size and orbit as the property tests draw them, in this order: 2 to 1 + maxPlanes planes, 8 to
 * 7 + maxSlots slots (fewer put the in-plane links at 7,000 km radius below the grazing height), a phasing below
 * the plane count, and at even odds a sun-synchronous 97.6° or an 80–90° inclination.
 */
export function randomBandOrbit(rng: Rng, maxPlanes: number, maxSlots: number) {
  const P = 2 + rng.int(maxPlanes),
    S = 8 + rng.int(maxSlots),
    F = rng.int(P);
  const inc = rng.next() < 0.5 ? 97.6 * deg : (80 + 10 * rng.next()) * deg;
  return { P, S, F, inc };
}

/** One track per plane (header) whose slot 0 is at u0s[j] at sample j; phasing F (default 1). */
export function bandTracks(
  P: number,
  S: number,
  dRaan: number,
  inc: number,
  u0s: readonly number[],
  F = 1,
): PlaneTrack[] {
  const a = 7e6;
  return Array.from({ length: P }, (_, q) => {
    const O = q * dRaan;
    const pos = (u0: number): number[] => {
      const u = u0 + (2 * Math.PI * q * F) / (P * S);
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

/**
 * The band's link graph exactly as laid (torusInstant.ts numbering: in-plane link q·S + s joins (q, s) to
 * (q, s + 1 mod S), cross-plane link g·S + s joins (g, s) to (g + 1, s); no link from the last plane to the first),
 * every link at its own capacity.
 */
export function bandEdges(P: number, S: number, inPlane: Float64Array, cross: Float64Array): LinkEdge[] {
  const edges: LinkEdge[] = [];
  for (let q = 0; q < P; q++)
    for (let s = 0; s < S; s++) {
      const v = q * S + s;
      edges.push({ u: v, v: q * S + ((s + 1) % S), capacity_bps: inPlane[v]!, length_m: 1 });
      if (q < P - 1) edges.push({ u: v, v: v + S, capacity_bps: cross[v]!, length_m: 1 });
    }
  return edges;
}

/** The full arc-flow LP's uniform all-to-all rate per node on the band's graph [b/s] (networkFlowLp.ts). */
export const bandFullLp = (P: number, S: number, inPlane: Float64Array, cross: Float64Array, lp: LpSolver): number =>
  networkThroughput({
    graph: { nodes: P * S, edges: bandEdges(P, S, inPlane, cross) },
    traffic: { kind: 'uniform' },
    lpSolver: lp,
  }).throughputPerNode_bps;
