/**
 * Test fixture: plane tracks of a Walker delta (or star) shell on exact circular orbits (no SGP4), so positions,
 * latitudes and link lengths can be worked out by hand. Plane q has RAAN Ω = Σ·q/P (Σ = 2π, star π); slot s of plane q
 * is at argument of latitude u = u0 + 2πs/S + 2πqF/(PS) (Walker 1984), i.e. at a·(cosΩ cos u − sinΩ sin u cos i,
 * sinΩ cos u + cosΩ sin u cos i, sin u sin i), with orbit normal (sinΩ sin i, −cosΩ sin i, cos i).
 */
import type { PlaneTrack } from '../../../src/constellation/geometry/propagate.js';

export interface CircularShell {
  readonly planes: number;
  readonly satsPerPlane: number;
  readonly phasing: number;
  readonly radius_m: number;
  readonly inclination_rad: number;
  /** The planes' spread of RAAN Σ [rad]: 2π (Walker delta, the default) or π (Walker star). */
  readonly raanSpread_rad?: number;
}

const raan = (sh: CircularShell, q: number): number => ((sh.raanSpread_rad ?? 2 * Math.PI) * q) / sh.planes;

export function circularPosition(sh: CircularShell, u0: number, q: number, s: number): [number, number, number] {
  const { planes: P, satsPerPlane: S, phasing: F, radius_m: a, inclination_rad: i } = sh;
  const O = raan(sh, q),
    u = u0 + (2 * Math.PI * s) / S + (2 * Math.PI * q * F) / (P * S);
  return [
    a * (Math.cos(O) * Math.cos(u) - Math.sin(O) * Math.sin(u) * Math.cos(i)),
    a * (Math.sin(O) * Math.cos(u) + Math.cos(O) * Math.sin(u) * Math.cos(i)),
    a * Math.sin(u) * Math.sin(i),
  ];
}

/** One track per plane whose representative (slot 0) is at u0s[j] at sample j. */
export function circularTracks(sh: CircularShell, u0s: readonly number[]): PlaneTrack[] {
  const i = sh.inclination_rad;
  return Array.from({ length: sh.planes }, (_, q) => {
    const O = raan(sh, q);
    const normal = [Math.sin(O) * Math.sin(i), -Math.cos(O) * Math.sin(i), Math.cos(i)];
    return {
      elements: {} as PlaneTrack['elements'],
      times_s: Float64Array.from(u0s, (_, j) => 60 * j),
      r_m: Float64Array.from(u0s.flatMap((u0) => circularPosition(sh, u0, q, 0))),
      normal: Float64Array.from(u0s.flatMap(() => normal)),
      gmst_rad: new Float64Array(u0s.length),
    };
  });
}
