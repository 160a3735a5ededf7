/**
 * Plane propagation (src/constellation/geometry/propagate.ts). Expected values are hand calculations (two-body
 * mean motion, rotation matrices, chord lengths), published constants (IAU-82 GMST at J2000), or analytic
 * bounds from the SGP4 theory (Hoots & Roehrich, Spacetrack Report #3, 1980; Vallado, Crawford, Hujsak &
 * Kelso, AIAA 2006-6753) — never the function under test.
 */
import { json2satrec } from 'satellite.js';
import { satelliteJs } from '../../../src/base/satelliteJs.js';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  argumentOfPerigee_rad,
  circularFamily,
  circularSatrec,
  circularState,
  gmstSamples_rad,
  meanAnomaly_rad,
  meanMotion_rev_per_day,
  ommRecord,
  propagatePlane,
  slotPosition,
  temeToEarthFixed,
  windowTimes_s,
  type PlaneTrack,
} from '../../../src/constellation/geometry/propagate.js';
import type { CircularElements } from '../../../src/constellation/design/types.js';
import { deg } from '../../helpers/units.js';
import { EARTH_MU_km3_s2, EARTH_RADIUS_km as R_km } from '../../helpers/constants.js';

const elements: CircularElements = {
  altitude_m: 550e3,
  inclination_rad: 53 * deg,
  raan_rad: 40 * deg,
  argumentOfLatitude_rad: 10 * deg,
};
const day = { epochIso: '2026-03-20T00:00:00Z', duration_s: 86400, step_s: 60 };
// Propagated before each test (a few ms), not at module load or in beforeAll: a mutant that makes the propagation
// throw there skips every test, which StrykerJS counts as survived (docs/mutation.md, footnote 43).
let track: PlaneTrack;
beforeEach(() => {
  track = propagatePlane(elements, day);
});

type V3 = [number, number, number];
const at = (a: Float64Array, j: number): V3 => [a[3 * j]!, a[3 * j + 1]!, a[3 * j + 2]!];
const dot = (a: ArrayLike<number>, b: ArrayLike<number>) => a[0]! * b[0]! + a[1]! * b[1]! + a[2]! * b[2]!;
const norm = (a: ArrayLike<number>) => Math.sqrt(dot(a, a));
const sub = (a: ArrayLike<number>, b: ArrayLike<number>): V3 => [a[0]! - b[0]!, a[1]! - b[1]!, a[2]! - b[2]!];
const cross = (a: ArrayLike<number>, b: ArrayLike<number>): V3 => [
  a[1]! * b[2]! - a[2]! * b[1]!,
  a[2]! * b[0]! - a[0]! * b[2]!,
  a[0]! * b[1]! - a[1]! * b[0]!,
];
const slot = (t: PlaneTrack, j: number, phase: number, along = 0, cross_ = 0) =>
  slotPosition(t, j, phase, new Float64Array(3), along, cross_);
const samples = [0, 17, 333, 720, 1440]; // spread over the day, incl. both ends

// SGP4's J3 long-period term (Spacetrack Report #3: aycof = −½·(J3/J2)·sin i, added to e·sin ω with weight
// 1/(a(1−e²)) in Earth radii) gives a circular mean orbit an apparent eccentricity e₃ with
//   a·e₃ = ½·|J3/J2|·R⊕·sin i   (independent of a).
// With the WGS-72 constants SGP4 uses (J2 = 1.082616e-3, J3 = −2.53881e-6, R = 6378.135 km):
//   ½ · 2.34507e-3 · 6378.135 km = 7.4786 km; × sin 53° (0.79864) = 5.973 km.
const aE3_km = (inc_deg: number) => 0.5 * (2.53881e-6 / 1.082616e-3) * 6378.135 * Math.sin(inc_deg * deg);

describe('mean motion and the OMM record', () => {
  it('ω and M: circular orbits have ω = 0 and M = u; a member with e but no ω has ω = 0; M wraps into [0, 2π)', () => {
    expect(argumentOfPerigee_rad(elements)).toBe(0);
    expect(argumentOfPerigee_rad({ ...elements, argumentOfPerigee_rad: 1 })).toBe(0); // no e: circular
    expect(argumentOfPerigee_rad({ ...elements, eccentricity: 1e-4 })).toBe(0);
    expect(argumentOfPerigee_rad({ ...elements, eccentricity: 1e-4, argumentOfPerigee_rad: 0.5 })).toBe(0.5);
    expect(meanAnomaly_rad(elements)).toBeCloseTo(10 * deg, 15);
    // u = 10°, ω = 30°: M = −20° → 340°.
    expect(meanAnomaly_rad({ ...elements, eccentricity: 1e-4, argumentOfPerigee_rad: 30 * deg })).toBeCloseTo(
      340 * deg,
      12,
    );
    expect(meanAnomaly_rad({ ...elements, argumentOfLatitude_rad: 370 * deg })).toBeCloseTo(10 * deg, 12);
  });

  it('550 km: n = 86400 / (2π√(a³/μ)) = 15.0549 rev/day (catches R⊕ omitted, km/m mix or rad/s not /2π)', () => {
    // a = 6378.137 + 550 = 6928.137 km; a² = 47,999,082.29; a³ = 3.325442e11 km³;
    // a³/μ = 3.325442e11 / 398600.4418 = 834,279.6 s²; √ = 913.389 s; T = 2π·913.389 = 5738.993 s;
    // n = 86400 / 5738.993 = 15.05491 rev/day (the toolchain's value 15.05490646).
    expect(meanMotion_rev_per_day(550e3)).toBeCloseTo(15.05490646, 6);
    // 0 km: a = R⊕: 6378.137³ = 2.594666e11 km³; /μ = 650,944.2 s²; √ = 806.811 s; T = 5069.34 s → 17.0436 rev/day.
    expect(meanMotion_rev_per_day(0)).toBeCloseTo(86400 / (2 * Math.PI * Math.sqrt(R_km ** 3 / EARTH_MU_km3_s2)), 9);
    expect(meanMotion_rev_per_day(0)).toBeCloseTo(17.0436, 3);
  });

  it('ommRecord uses the CelesTrak/CCSDS OMM JSON names, degrees, and an EPOCH without the Z (catches radians in the OMM)', () => {
    const omm = ommRecord(elements, day.epochIso, { name: 'ODC-1', objectId: '2026-001A', noradId: 12345 });
    // Field names as in CelesTrak's GP JSON (FORMAT=JSON) / CCSDS 502.0-B-3 OMM keywords.
    for (const k of [
      'OBJECT_NAME',
      'OBJECT_ID',
      'EPOCH',
      'MEAN_MOTION',
      'ECCENTRICITY',
      'INCLINATION',
      'RA_OF_ASC_NODE',
      'ARG_OF_PERICENTER',
      'MEAN_ANOMALY',
      'EPHEMERIS_TYPE',
      'CLASSIFICATION_TYPE',
      'NORAD_CAT_ID',
      'ELEMENT_SET_NO',
      'REV_AT_EPOCH',
      'BSTAR',
      'MEAN_MOTION_DOT',
      'MEAN_MOTION_DDOT',
    ]) {
      expect(omm, k).toHaveProperty(k);
    }
    expect(omm.OBJECT_NAME).toBe('ODC-1');
    expect(omm.OBJECT_ID).toBe('2026-001A');
    expect(omm.NORAD_CAT_ID).toBe(12345);
    // CelesTrak writes UTC epochs without a zone, with fractional seconds (e.g. 2026-03-20T00:00:00.000000).
    expect(omm.EPOCH).toBe('2026-03-20T00:00:00.000');
    // An epoch with a UTC offset names the same instant: 02:00+02:00 is 00:00 UTC (a pass-through would break
    // json2satrec).
    expect(
      ommRecord(elements, '2026-03-20T02:00:00+02:00', { name: 'X', objectId: '2026-001A', noradId: 1 }).EPOCH,
    ).toBe('2026-03-20T00:00:00.000');
    expect(omm.INCLINATION).toBeCloseTo(53, 12);
    expect(omm.RA_OF_ASC_NODE).toBeCloseTo(40, 12);
    expect(omm.MEAN_ANOMALY).toBeCloseTo(10, 12);
    expect(omm.ARG_OF_PERICENTER).toBe(0);
    expect(omm.BSTAR).toBe(0);
    expect(omm.ECCENTRICITY).toBeGreaterThanOrEqual(0);
    expect(omm.ECCENTRICITY).toBeLessThan(1e-4);
    expect(omm.MEAN_MOTION).toBeCloseTo(15.05490646, 6);
  });

  it('the OMM loads in satellite.js json2satrec with the elements in radians (catches a degree/radian or name mismatch)', () => {
    const sr = json2satrec(ommRecord(elements, day.epochIso, { name: 'ODC-1', objectId: '2026-001A', noradId: 12345 }));
    expect(sr.error).toBe(0);
    expect(sr.inclo).toBeCloseTo(53 * deg, 12); // 0.925025 rad
    expect(sr.nodeo).toBeCloseTo(40 * deg, 12); // 0.698132 rad
    expect(sr.mo).toBeCloseTo(10 * deg, 12); //     0.174533 rad
    expect(sr.argpo).toBe(0);
    // Epoch 2026-03-20 0h UTC = JD 2461119.5 (9575 days after JD 2451544.5 = 2000-01-01 0h, see pattern.test.ts).
    expect(sr.jdsatepoch).toBeCloseTo(2461119.5, 8);
    // Kozai n = 15.05490646 · 2π / 1440 = 0.0656893 rad/min. json2satrec stores the Brouwer (un-Kozai'd)
    // value, smaller by δ ≈ 1.5·(J2/2)·(3cos²i − 1)/a² ≈ 6e-5 at 53° (Spacetrack Report #3) → tolerance 2e-4.
    expect(sr.no).toBeWithinRelative(0.0656893, 2e-4);
  });
});

describe('windowTimes_s', () => {
  it('includes both ends when the duration is a multiple of the step (catches an off-by-one at the end)', () => {
    // 86400 / 60 = 1440 steps → 1441 samples, last = 86400.
    const t = windowTimes_s(day);
    expect(t.length).toBe(1441);
    expect(t[0]).toBe(0);
    expect(t[1440]).toBe(86400);
    // Steps where floating point bites: 0.3·3600 / (0.1·3600) is not exactly 3 in binary → must still give 0, 360, 720,
    // 1080.
    const t2 = windowTimes_s({ epochIso: day.epochIso, duration_s: 0.3 * 3600, step_s: 0.1 * 3600 });
    expect(Array.from(t2)).toEqual([0, 360, 720, 1080]);
  });

  it('stops at the last grid point below a non-multiple duration (100 s / 30 s → 0, 30, 60, 90)', () => {
    expect(Array.from(windowTimes_s({ epochIso: day.epochIso, duration_s: 100, step_s: 30 }))).toEqual([0, 30, 60, 90]);
  });

  it('throws RangeError for non-positive or NaN duration/step (catches an infinite or empty grid)', () => {
    for (const [duration_s, step_s] of [
      [0, 60],
      [-10, 60],
      [3600, 0],
      [3600, -1],
      [Number.NaN, 60],
      [3600, Number.NaN],
    ] as const) {
      expect(() => windowTimes_s({ epochIso: day.epochIso, duration_s, step_s }), `${duration_s}/${step_s}`).toThrow(
        new RangeError('sampling window needs duration_s > 0 and step_s > 0'),
      );
    }
  });
});

describe('circularState (one record family per altitude, inclination and epoch)', () => {
  it("is satellite.js's sgp4 of each elements' own record, bit for bit, as altitude, inclination or epoch change", () => {
    // Bug caught: a family kept across calls that ignores one of its three inputs (the evaluator of another altitude,
    // inclination or epoch), or the elements' RAAN and phase not given to it. Oracle: satellite.js on each own OMM.
    const { sgp4 } = satelliteJs();
    const base = { ...elements, raan_rad: 200 * deg, argumentOfLatitude_rad: 300 * deg };
    const cases: [CircularElements, string][] = [
      [base, day.epochIso],
      [{ ...base, altitude_m: base.altitude_m + 1 }, day.epochIso],
      [base, day.epochIso],
      [{ ...base, inclination_rad: base.inclination_rad + 1e-9 }, day.epochIso],
      [base, '2026-03-21T00:00:00Z'],
      [{ ...base, raan_rad: 1, argumentOfLatitude_rad: 2 }, day.epochIso],
      [base, day.epochIso],
    ];
    const out = new Float64Array(6);
    for (const [e, epochIso] of cases) {
      const rec = json2satrec(ommRecord(e, epochIso, { name: 'ODC', objectId: '2026-000A', noradId: 99999 }));
      const state = circularState(e, epochIso);
      for (const t_min of [0, 17.25, -3.5, 1440]) {
        state(t_min, out);
        const pv = sgp4(rec, t_min)!;
        const want = [pv.position.x, pv.position.y, pv.position.z, pv.velocity.x, pv.velocity.y, pv.velocity.z];
        want.forEach((w, i) => expect([i, out[i]]).toEqual([i, w]));
      }
    }
  });

  it("the family's template is the record of RAAN 0 and phase 0, and a changed input gives another family", () => {
    const { epochIso } = day;
    const f = circularFamily(elements.altitude_m, elements.inclination_rad, epochIso);
    const own = circularSatrec({ ...elements, raan_rad: 0, argumentOfLatitude_rad: 0 }, epochIso);
    expect(f.template).toEqual(own);
    expect(circularFamily(elements.altitude_m, elements.inclination_rad, epochIso)).toBe(f);
    expect(circularFamily(elements.altitude_m + 1, elements.inclination_rad, epochIso).template.no).not.toBe(own.no);
    expect(circularFamily(elements.altitude_m, elements.inclination_rad + 1e-6, epochIso).template.inclo).not.toBe(
      own.inclo,
    );
    expect(
      circularFamily(elements.altitude_m, elements.inclination_rad, '2026-03-21T00:00:00Z').template.jdsatepoch,
    ).toBe(own.jdsatepoch + 1);
  });
});

describe('propagatePlane', () => {
  it("positions are satellite.js's sgp4 of the plane's own record, bit for bit (×1000: km → m)", () => {
    // Bug caught: the trimmed evaluator (sgp4Circular.ts) given the template's mean anomaly or RAAN instead of the
    // plane's (40°, 10° here), or seconds for minutes. Oracle: satellite.js on the same OMM, one call per sample.
    const { sgp4 } = satelliteJs();
    const rec = json2satrec(ommRecord(elements, day.epochIso, { name: 'ODC', objectId: '2026-000A', noradId: 99999 }));
    for (let j = 0; j < track.times_s.length; j += 37) {
      const p = sgp4(rec, track.times_s[j]! / 60)!.position;
      expect(at(track.r_m, j)).toEqual([p.x * 1000, p.y * 1000, p.z * 1000]);
    }
  });

  it('radius stays within R⊕ + h ± 10 km over a day (catches km/m scaling or a wrong mean motion)', () => {
    // R⊕ + h = 6928.137 km. Offsets SGP4 adds to a circular two-body orbit: Kozai→Brouwer mean motion and
    // the constant short-period J2 term (≈ ±1 km, inclination-dependent), the periodic short-period J2 term
    // ¼·J2·R²/a·sin²i·cos 2u ≈ 1.0 km, and the J3 long-period eccentricity a·e₃ = 5.97 km at 53° (above).
    // Sum ≈ 8 km < 10 km. A 2-body a off by even 0.1 % (7 km) on top would be caught by the next test.
    expect(track.times_s.length).toBe(1441);
    // Without a GMST grid given, the track carries the window's own (IAU-82, tested below).
    expect([...track.gmst_rad]).toEqual([...gmstSamples_rad(day.epochIso, track.times_s)]);
    for (let j = 0; j < track.times_s.length; j++) {
      const r_km = norm(at(track.r_m, j)) / 1000;
      expect(Math.abs(r_km - 6928.137)).toBeLessThan(10);
    }
  });

  it("the once-per-orbit radius swing equals SGP4's J3 eccentricity a·e₃ = 7.4786 km·sin i (analytic; ±0.5 km for J2 short-period terms)", () => {
    // Half the (max − min) radius over a day: 53° → 5.97 km, 97.6° → 7.41 km, 30° → 3.74 km. Catches a
    // propagator that does not carry the given eccentricity/argument of perigee, or a wrong inclination.
    for (const inc of [30, 53, 97.6]) {
      const t = inc === 53 ? track : propagatePlane({ ...elements, inclination_rad: inc * deg }, day);
      let lo = Infinity,
        hi = 0;
      for (let j = 0; j < t.times_s.length; j++) {
        const r = norm(at(t.r_m, j)) / 1000;
        lo = Math.min(lo, r);
        hi = Math.max(hi, r);
      }
      expect(Math.abs((hi - lo) / 2 - aE3_km(inc)), `i = ${inc}°`).toBeLessThan(0.5);
    }
  });

  it('orbit normal is a unit vector ⟂ r, at the inclination from z (±0.05°) (catches ĥ = v × r or an unnormalised ĥ)', () => {
    // cos∠(ĥ, ẑ) = cos i. Short-period J2 moves the osculating i by ≈ (3/8)·J2(R/a)²·sin 2i ≈ 0.02°, within 0.05°.
    for (let j = 0; j < track.times_s.length; j += 7) {
      const h = at(track.normal, j),
        r = at(track.r_m, j);
      expect(Math.abs(norm(h) - 1)).toBeLessThan(1e-12);
      expect(Math.abs(dot(h, r)) / norm(r)).toBeLessThan(1e-12);
      expect(Math.abs(Math.acos(h[2]) / deg - 53)).toBeLessThan(0.05);
    }
  });

  it('at epoch ĥ and r̂ match the elements: ĥ = (sinΩ sin i, −cosΩ sin i, cos i), r̂ from Ω, i, u (catches swapped RAAN / anomaly)', () => {
    // Perifocal→inertial rotation R3(−Ω)·R1(−i)·R3(−u) (Vallado 2013 §2.6): with Ω = 40°, i = 53°, u = 10°:
    //   ĥ = (0.6428·0.7986, −0.7660·0.7986, 0.6018) = (0.5133, −0.6118, 0.6018)
    //   r̂ = (cosΩ cos u − sinΩ sin u cos i, sinΩ cos u + cosΩ sin u cos i, sin u sin i)
    // Tolerance 0.2°: the J3 eccentricity displaces the along-track position by up to 2e₃ = 0.1° and the
    // short-period terms by a few hundredths of a degree.
    const O = 40 * deg,
      i = 53 * deg,
      u = 10 * deg;
    const hExp: V3 = [Math.sin(O) * Math.sin(i), -Math.cos(O) * Math.sin(i), Math.cos(i)];
    const rExp: V3 = [
      Math.cos(O) * Math.cos(u) - Math.sin(O) * Math.sin(u) * Math.cos(i),
      Math.sin(O) * Math.cos(u) + Math.cos(O) * Math.sin(u) * Math.cos(i),
      Math.sin(u) * Math.sin(i),
    ];
    const h0 = at(track.normal, 0),
      r0 = at(track.r_m, 0);
    expect(Math.acos(Math.min(1, dot(h0, hExp))) / deg).toBeLessThan(0.05);
    expect(Math.acos(Math.min(1, dot(r0, rExp) / norm(r0))) / deg).toBeLessThan(0.2);
  });

  it('GMST at J2000.0 (2000-01-01 12:00 UT1) is 280.46061837° and advances 360.98564736629°/day (IAU-82; Vallado eq. 3-45)', () => {
    // Catches GMST in hours/degrees or measured from the wrong epoch. UTC = UT1 here (|DUT1| < 0.9 s → < 0.004°).
    const g = gmstSamples_rad('2000-01-01T12:00:00Z', new Float64Array([0, 86400]));
    expect(g[0]! / deg).toBeCloseTo(280.46061837, 6);
    // 280.46061837 + 360.98564736629 − 360 = 281.44626574° (mod 360).
    expect((((g[1]! / deg) % 360) + 360) % 360).toBeCloseTo(281.44626574, 5);
  });
});

describe('slotPosition (rotation about ĥ)', () => {
  it('phase π gives the antipodal point: |r_a + r_b| ≈ 0 (catches a rotation about the wrong axis)', () => {
    for (const j of samples) {
      const ra = at(track.r_m, j),
        rb = slot(track, j, Math.PI);
      expect(norm([ra[0] + rb[0]!, ra[1] + rb[1]!, ra[2] + rb[2]!])).toBeLessThan(1e-6);
    }
  });

  it('phase Δ gives the chord 2r·sin(Δ/2) and the same radius (catches a rotation by Δ/2 or a scaled vector)', () => {
    // Δ = 60° → chord = r; Δ = 2π/22 (a 22-slot plane) → chord = 2r·sin(π/22) = 0.28463·r ≈ 1,972 km at 6928 km.
    for (const j of samples) {
      const ra = at(track.r_m, j),
        r = norm(ra);
      for (const [d, f] of [
        [60 * deg, 1],
        [(2 * Math.PI) / 22, 2 * Math.sin(Math.PI / 22)],
        [200 * deg, 2 * Math.sin(100 * deg)],
      ] as const) {
        const rb = slot(track, j, d);
        expect(Math.abs(norm(sub(rb, ra)) - f * r)).toBeLessThan(1e-6);
        expect(Math.abs(norm(rb) - r)).toBeLessThan(1e-6);
      }
    }
  });

  it('the rotated slot stays in the orbit plane (r·ĥ ≈ 0) and leads in the direction of motion (catches a rotation sense error)', () => {
    // A slot a small phase Δ ahead is where the representative will be Δ/n later: (r_b − r_a) points along
    // the velocity, i.e. along ĥ × r̂, and that is the same side as r(t + 60 s) − r(t).
    for (const j of samples.filter((x) => x < 1440)) {
      const h = at(track.normal, j);
      for (const d of [0.3, 1.7, 4]) expect(Math.abs(dot(slot(track, j, d), h))).toBeLessThan(1e-6);
      const ahead = sub(slot(track, j, 1 * deg), at(track.r_m, j));
      const moved = sub(at(track.r_m, j + 1), at(track.r_m, j));
      expect(dot(ahead, moved)).toBeGreaterThan(0);
    }
  });

  it("cluster along-track 100 m: 100 m from the slot, ⟂ to its r and ĥ, forward (catches using the representative's t̂ for a rotated slot)", () => {
    // At phase 90° the representative's along-track direction is the slot's radial direction; using it would
    // move the member 100 m up, not forward.
    for (const j of samples) {
      for (const phase of [0, Math.PI / 2, 2.5]) {
        const base = slot(track, j, phase),
          off = slot(track, j, phase, 100, 0);
        const d = sub(off, base),
          h = at(track.normal, j);
        expect(Math.abs(norm(d) - 100)).toBeLessThan(1e-6);
        expect(Math.abs(dot(d, base) / norm(base))).toBeLessThan(1e-6);
        expect(Math.abs(dot(d, h))).toBeLessThan(1e-6);
        // Forward: along ĥ × r̂_slot.
        const fwd = cross(h, base);
        expect(dot(d, fwd) / norm(fwd)).toBeCloseTo(100, 6);
      }
    }
  });

  it('cluster cross-track offset is along ĥ: (p − p₀)/c = ĥ (catches cross-track along r or t̂)', () => {
    for (const j of samples) {
      const base = slot(track, j, 1.1),
        off = slot(track, j, 1.1, 0, -250),
        h = at(track.normal, j);
      const d = sub(off, base);
      for (let k = 0; k < 3; k++) expect(d[k]! / -250).toBeCloseTo(h[k]!, 9);
    }
  });

  it("cluster radial offset is along the slot's own r̂: (p − p₀)/c = r̂_slot (catches radial along the representative's r̂)", () => {
    const out = new Float64Array(3);
    for (const j of samples) {
      const base = slot(track, j, 2.2),
        off = slotPosition(track, j, 2.2, out, 0, 0, 75);
      const d = sub(off, base);
      for (let k = 0; k < 3; k++) expect(d[k]! / 75).toBeCloseTo(base[k]! / norm(base), 9);
    }
  });

  it('rotation vs direct SGP4 of the slot (u + k·2π/S) agree within the analytic J3 + short-period bound', () => {
    // The rotation copies the representative's radius to every slot, while SGP4 puts each slot on the
    // J3-eccentric ellipse (a·e₃ = 5.97 km at 53°). For two points Δ apart on a near-circular ellipse the
    // radial and along-track differences are ≤ a·e·2sin(Δ/2) and ≤ 2a·e·2sin(Δ/2), so
    //   |Δr| ≤ √5 · 2 sin(Δ/2) · a·e₃ + 2 km (short-period J2 terms ≈ 1 km each, depend on 2u).
    // S = 22: k = 1 (Δ = 16.4°): 0.6365·5.97 + 2 = 5.8 km; k = 11 (Δ = 180°): 2√5·5.97 + 2 = 28.7 km.
    // Catches a slot rotated the wrong way (errors of ~2r·sin Δ ≈ 3,900 km for k = 1) or by the wrong angle.
    const S = 22;
    const out = new Float64Array(3);
    for (const k of [1, 2, 5, 11, 21]) {
      const dU = (k * 2 * Math.PI) / S;
      const direct = propagatePlane({ ...elements, argumentOfLatitude_rad: elements.argumentOfLatitude_rad + dU }, day);
      const bound_m = (Math.sqrt(5) * 2 * Math.abs(Math.sin(dU / 2)) * aE3_km(53) + 2) * 1000;
      let worst = 0;
      for (let j = 0; j < track.times_s.length; j += 5) {
        slotPosition(track, j, dU, out);
        worst = Math.max(worst, norm(sub(out, at(direct.r_m, j))));
      }
      expect(worst, `k = ${k}`).toBeLessThan(bound_m);
    }
  });
});

describe('temeToEarthFixed (rotation R3(GMST): x_ef = R3(θ)·x_TEME)', () => {
  // R3(θ) = [[cos θ, sin θ, 0], [−sin θ, cos θ, 0], [0, 0, 1]] (rotation of the frame by +θ, i.e. of the
  // vector by −θ about z; Vallado 2013 §3.7).
  it('GMST = 90°: x̂ → −ŷ, ŷ → x̂, ẑ → ẑ (catches the transpose, i.e. rotating the wrong way)', () => {
    const out = new Float64Array(3);
    const check = (v: V3, e: V3) => {
      temeToEarthFixed(new Float64Array(v), Math.PI / 2, out);
      for (let k = 0; k < 3; k++) expect(out[k]!).toBeCloseTo(e[k]!, 12);
    };
    check([1, 0, 0], [0, -1, 0]);
    check([0, 1, 0], [1, 0, 0]);
    check([0, 0, 1], [0, 0, 1]);
  });

  it('GMST = 30°, vector (7000, 1000, 300) km → (cos30·7000 + sin30·1000, −sin30·7000 + cos30·1000, 300) = (6562.2, −2633.97, 300)', () => {
    // 0.8660254·7000 + 0.5·1000 = 6062.18 + 500 = 6562.18; −0.5·7000 + 0.8660254·1000 = −3500 + 866.03 = −2633.97.
    const out = temeToEarthFixed(new Float64Array([7000, 1000, 300]), 30 * deg, new Float64Array(3));
    expect(out[0]!).toBeCloseTo(6562.178, 3);
    expect(out[1]!).toBeCloseTo(-2633.975, 3);
    expect(out[2]!).toBe(300);
  });

  it('works in place (out === v) (catches overwriting x before y is read)', () => {
    const v = new Float64Array([1, 0, 5]);
    temeToEarthFixed(v, Math.PI / 2, v);
    expect(v[0]!).toBeCloseTo(0, 12);
    expect(v[1]!).toBeCloseTo(-1, 12);
    expect(v[2]!).toBe(5);
  });
});
