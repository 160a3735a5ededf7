/**
 * Plane tracks from one reference orbit (src/constellation/geometry/shellTracks.ts) against the oracle: SGP4 run on
 * each plane's own elements (satellite.js through propagate.ts `propagatePlane`, one SGP4 call per plane and sample,
 * no symmetry used). Tolerances are the documented bound (docs/approximations.md, "Plane tracks"): the copies agree
 * with direct propagation to ≤ 0.25 m in position and ≤ 1e-9 rad in the orbit normal over a day (measured:
 * 0.05–0.17 m, ≤ 2e-10 rad).
 */
import { describe, expect, it } from 'vitest';
import { planeElements } from '../../../src/constellation/geometry/pattern.js';
import { circularSatrec, propagatePlane } from '../../../src/constellation/geometry/propagate.js';
import { satelliteJs } from '../../../src/base/satelliteJs.js';
import {
  planeTrackFromReference,
  REFERENCE_STEP_s,
  referenceOrbit,
} from '../../../src/constellation/geometry/shellTracks.js';
import type { ShellGeometrySpec } from '../../../src/constellation/design/types.js';
import { shell as shellSpec } from '../../helpers/shellSpec.js';
import { deg } from '../../helpers/units.js';

/** The helper's shell (550 km, 53°) with 60 planes of 70. */
const shell = (over: Partial<ShellGeometrySpec>): ShellGeometrySpec =>
  shellSpec({ planes: 60, satsPerPlane: 70, ...over });

const day = { epochIso: '2026-03-20T00:00:00Z', duration_s: 86400, step_s: 60 };

/** Largest position [m] and normal [rad] difference over every sample of the given planes. */
function worstError(s: ShellGeometrySpec, planes: readonly number[], w = day): { pos_m: number; normal: number } {
  const ref = referenceOrbit(s.altitude_m, s.inclination_rad, w);
  let pos_m = 0,
    normal = 0;
  for (const p of planes) {
    const e = planeElements(s, p, w.epochIso);
    const direct = propagatePlane(e, w);
    const copy = planeTrackFromReference(ref, e, w, direct.gmst_rad);
    for (let k = 0; k < direct.r_m.length; k += 3) {
      const d = Math.hypot(
        copy.r_m[k]! - direct.r_m[k]!,
        copy.r_m[k + 1]! - direct.r_m[k + 1]!,
        copy.r_m[k + 2]! - direct.r_m[k + 2]!,
      );
      const n = Math.hypot(
        copy.normal[k]! - direct.normal[k]!,
        copy.normal[k + 1]! - direct.normal[k + 1]!,
        copy.normal[k + 2]! - direct.normal[k + 2]!,
      );
      pos_m = Math.max(pos_m, d);
      normal = Math.max(normal, n);
    }
  }
  return { pos_m, normal };
}

describe('plane tracks from one reference orbit', () => {
  it.each([
    ['Walker delta 60 × 70, 550 km, 53°, F = 1', shell({}), [0, 1, 17, 30, 59]],
    [
      'Walker delta 40 × 25, 650 km SSO (97.98°), F = 1',
      shell({ altitude_m: 650e3, inclination_rad: 97.98 * deg, planes: 40, satsPerPlane: 25 }),
      [0, 13, 39],
    ],
    [
      'Walker star 6 × 11, 780 km, 86.4° (Iridium-like), F = 2',
      shell({
        altitude_m: 780e3,
        inclination_rad: 86.4 * deg,
        planes: 6,
        satsPerPlane: 11,
        pattern: 'walker-star',
        phasing: 2,
      }),
      [0, 3, 5],
    ],
    [
      'Walker delta 12 × 10, 300 km, 30°, F = 5',
      shell({ altitude_m: 300e3, inclination_rad: 30 * deg, planes: 12, satsPerPlane: 10, phasing: 5 }),
      [1, 6, 11],
    ],
  ])('%s: every sample of a day within 0.25 m and 1e-9 rad of direct SGP4', (_label, s, planes) => {
    const e = worstError(s, planes);
    expect(e.pos_m).toBeLessThan(0.25);
    expect(e.normal).toBeLessThan(1e-9);
  });

  it('a plane equal to the reference (Ω = 0, u = 0) is the reference sampled on its own grid', () => {
    // Bug caught: a sign error in the time shift or the RAAN-drift correction (zero here, so this isolates the
    // interpolation: at the reference's own sample times Hermite returns the samples).
    const w = { epochIso: day.epochIso, duration_s: 600, step_s: 30 };
    const s = shell({ planes: 1, phasing: 0 });
    expect(worstError(s, [0], w).pos_m).toBeLessThan(1e-6);
  });

  it("samples the reference with satellite.js's own SGP4 numbers, bit for bit, in any order of reading", () => {
    // Bug caught: the trimmed evaluator (sgp4Circular.ts) fed another record's mean anomaly or RAAN, minutes taken for
    // seconds, or km for m; a sample propagated when first read written at another sample's offset, propagated twice
    // into a neighbour, or depending on which samples were read before it: the oracle is satellite.js's sgp4 on the
    // same record, one call per sample in time order, and the reference is read backwards, then in overlapping runs.
    const w = { epochIso: day.epochIso, duration_s: 1800, step_s: 60 };
    for (const [altitude_m, inclination_deg] of [
      [550e3, 53],
      [650e3, 97.98],
    ] as const) {
      const ref = referenceOrbit(altitude_m, inclination_deg * deg, w);
      const n = ref.r_m.length / 3;
      for (let k = n - 1; k >= 0; k -= 7) ref.ensure(k, k);
      for (let k = -3; k < n + 3; k += 3) ref.ensure(k, k + 3);
      const rec = circularSatrec(
        { altitude_m, inclination_rad: inclination_deg * deg, raan_rad: 0, argumentOfLatitude_rad: 0 },
        w.epochIso,
      );
      for (let k = 0; k < ref.r_m.length / 3; k++) {
        const pv = satelliteJs().sgp4(rec, ((k - 1) * REFERENCE_STEP_s) / 60)!;
        const direct = [pv.position.x, pv.position.y, pv.position.z].map((x) => x * 1000);
        const velocity = [pv.velocity.x, pv.velocity.y, pv.velocity.z].map((x) => x * 1000);
        expect([...ref.r_m.subarray(3 * k, 3 * k + 3)]).toEqual(direct);
        expect([...ref.v_m_s.subarray(3 * k, 3 * k + 3)]).toEqual(velocity);
      }
    }
  });

  it('propagates a deep-space reference (satellite.js, no trimmed evaluator) whole, in time order, at once', () => {
    // Bug caught: samples of a record outside the trimmed evaluator's family left unpropagated (zeros) or propagated
    // out of time order (satellite.js's deep-space integrator restarts by the previous time): nothing is read through
    // `ensure` here; the oracle is satellite.js's sgp4 on one record, sample by sample in time order.
    const w = { epochIso: day.epochIso, duration_s: 3600, step_s: 600 };
    const altitude_m = 35_786e3,
      inclination_rad = 0.1 * deg;
    const ref = referenceOrbit(altitude_m, inclination_rad, w);
    const rec = circularSatrec({ altitude_m, inclination_rad, raan_rad: 0, argumentOfLatitude_rad: 0 }, w.epochIso);
    expect(rec.method).toBe('d');
    for (let k = 0; k < ref.r_m.length / 3; k++) {
      const pv = satelliteJs().sgp4(rec, ((k - 1) * REFERENCE_STEP_s) / 60)!;
      expect([...ref.r_m.subarray(3 * k, 3 * k + 3)]).toEqual(
        [pv.position.x, pv.position.y, pv.position.z].map((x) => x * 1000),
      );
    }
  });

  it('given samples, computes those (within 0.25 m of direct SGP4) and leaves the others NaN', () => {
    // Bug caught: a sample written at another sample's offset, or left unset (0), which a reader would take as a place.
    const s = shell({});
    const w = { epochIso: day.epochIso, duration_s: 7200, step_s: 120 };
    const e = planeElements(s, 17, w.epochIso);
    const direct = propagatePlane(e, w);
    const some = planeTrackFromReference(
      referenceOrbit(s.altitude_m, s.inclination_rad, w),
      e,
      w,
      direct.gmst_rad,
      [0, 5, 60],
    );
    for (let j = 0; j < 61; j++) {
      const at = (a: Float64Array) => [a[3 * j]!, a[3 * j + 1]!, a[3 * j + 2]!];
      if (j === 0 || j === 5 || j === 60) {
        const [x, y, z] = at(some.r_m),
          [dx, dy, dz] = at(direct.r_m);
        expect(Math.hypot(x! - dx!, y! - dy!, z! - dz!)).toBeLessThan(0.25);
        expect(Math.hypot(...at(some.normal))).toBeCloseTo(1, 12);
      } else expect([...at(some.r_m), ...at(some.normal)].every(Number.isNaN)).toBe(true);
    }
  });

  it('refuses a plane of another altitude', () => {
    const s = shell({});
    const ref = referenceOrbit(s.altitude_m, s.inclination_rad, day);
    const e = { ...planeElements(s, 3, day.epochIso), altitude_m: 560e3 };
    expect(() => planeTrackFromReference(ref, e, day, new Float64Array(1441))).toThrow(/not a circular copy/);
  });
});
