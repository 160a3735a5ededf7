/**
 * Per-sample link geometry (src/constellation/links/linkSampling.ts) on exact circular polar orbits (no SGP4), with
 * every expectation worked by hand.
 *
 * Polar shell (i = 90°, F = 0), radius a, plane q at RAAN Ω_q = q·30°. Satellite A (plane 0) at argument of latitude
 * u is a(cos u, 0, sin u); B (plane 1, same u) is a(cos Ω cos u, sin Ω cos u, sin u). Then
 * - range d = |B − A| = 2a·cos u·sin(Ω/2), central angle θ with sin(θ/2) = d/2a, so the line of sight's lowest
 *   point is a·cos(θ/2) from the centre;
 * - latitude = u (polar orbit);
 * - in A's frame (r̂, t̂ = ĥ×r̂, n̂ = r̂×t̂; ĥ = (0, −1, 0)) the line of sight is
 *   (−sin(Ω/2)·cos u, sin(Ω/2)·sin u, −cos(Ω/2)): it turns about n̂ with u on a cone, its derivative in u of length
 *   sin(Ω/2), so at u̇ = n = √(μ/a³) it turns at n·sin(Ω/2) at every u; B's view is the mirror image (the same rate).
 * The rate is K/d² below the cap (linkBudget.ts: full-collection rate × far-field fraction / d²).
 */
import { describe, expect, it } from 'vitest';
import { lineOfSightAltitude_m, pointingRate_rad_s } from '../../../src/constellation/links/linkGeometry.js';
import {
  sampleRepresentativeLinks,
  satellitePosition,
  satelliteState,
  STATE_FIELDS,
  type LinkSamplingParams,
} from '../../../src/constellation/links/linkSampling.js';
import type { LinkClass, RepresentativeLink } from '../../../src/constellation/links/linkTopology.js';
import type { ClusterMotion } from '../../../src/constellation/geometry/clusterFormation.js';
import { EARTH_MU_m3_s2, EARTH_RADIUS_m } from '../../helpers/constants.js';
import { circularTracks, type CircularShell } from '../network/circularShell.js';
import { beamRate } from '../../helpers/linkTerminals.js';
import { deg } from '../../helpers/units.js';

const a = EARTH_RADIUS_m + 550e3;
const sh: CircularShell = { planes: 12, satsPerPlane: 8, phasing: 0, radius_m: a, inclination_rad: 90 * deg };
const U = [0, 50, 10, 30]; // argument of latitude of slot 0 at the four samples, 60 s apart [deg]
const tracks = new Map(
  circularTracks(
    sh,
    U.map((u) => u * deg),
  ).map((t, q) => [q, t] as const),
);
// Far field at every range (ff/d² ≤ 1e-14): 1e24 · (1 − exp(−1e-2/d²)) = 1e22/d² to 1e-14.
const rate = beamRate(1e-2, 1e24, 1e30);
const K = 1e22; // rate = K/d² for d > 1e6 m
const half = 15 * deg; // Ω/2

const rep = (
  linkClass: LinkClass,
  pa: number,
  sa: number,
  pb: number,
  sb: number,
  cutoffApplies: boolean,
): RepresentativeLink => ({
  linkClass,
  a: { plane: pa, slot: sa },
  b: { plane: pb, slot: sb },
  weight: 1,
  seam: false,
  cutoffApplies,
});
const params = (o: Partial<LinkSamplingParams>): LinkSamplingParams => ({
  tracks,
  representatives: [],
  slotPhase_rad: (s) => (2 * Math.PI * s) / 8,
  clusterMotion: null,
  grazingHeight_m: 100e3,
  latitudeCutoff_rad: null,
  rate,
  slewLimit_rad_s: Infinity,
  ...o,
});
const crossRange = (u: number): number => 2 * a * Math.cos(u * deg) * Math.sin(half);
const n = Math.sqrt(EARTH_MU_m3_s2 / a ** 3);
const polarRate = n * Math.sin(half); // the pair's pointing rate at every u [rad/s]

describe('sampleRepresentativeLinks: a cross-plane pair of a polar shell', () => {
  it('no cutoff: range, rate and pointing rate over every sample, by hand', () => {
    const [s] = sampleRepresentativeLinks(params({ representatives: [rep('crossPlane', 0, 0, 1, 0, true)] }));
    const d = U.map(crossRange);
    expect(s!.upSamples).toBe(4);
    expect(s!.blockedSamples).toBe(0);
    expect(s!.rangeMin_m).toBeCloseTo(crossRange(50), 3);
    expect(s!.rangeMax_m).toBeCloseTo(crossRange(0), 3);
    expect(s!.rangeSum_m).toBeCloseTo(
      d.reduce((x, y) => x + y, 0),
      3,
    );
    expect(s!.rateMin_bps / (K / crossRange(0) ** 2)).toBeCloseTo(1, 12);
    expect(s!.rateMax_bps / (K / crossRange(50) ** 2)).toBeCloseTo(1, 12);
    expect(s!.rateSum_bps / d.reduce((x, y) => x + K / y ** 2, 0)).toBeCloseTo(1, 12);
    expect(s!.maxPointingRate_rad_s / polarRate).toBeCloseTo(1, 9);
    expect(s!.pointingSamples).toBe(0);
    // The lowest line of sight is the longest chord's (u = 0): θ/2 = 15°.
    expect(s!.minLineOfSightAltitude_m).toBeCloseTo(a * Math.cos(half) - EARTH_RADIUS_m, 3);
    // The highest is the shortest chord's (u = 50°): its midpoint √(a² − (d/2)²) from the centre.
    expect(s!.maxLineOfSightAltitude_m).toBeCloseTo(Math.sqrt(a ** 2 - (crossRange(50) / 2) ** 2) - EARTH_RADIUS_m, 3);
  });

  it('a 40° cutoff switches the link off at u = 50°; the rate is that of the samples it is on', () => {
    const r = rep('crossPlane', 0, 0, 1, 0, true);
    const [s] = sampleRepresentativeLinks(params({ representatives: [r], latitudeCutoff_rad: 40 * deg }));
    expect(s!.upSamples).toBe(3);
    expect(s!.blockedSamples).toBe(0);
    expect(s!.rateMax_bps / (K / crossRange(30) ** 2)).toBeCloseTo(1, 12);
    expect(s!.rateMin_bps / (K / crossRange(0) ** 2)).toBeCloseTo(1, 12);
    expect(s!.rateSum_bps / [0, 10, 30].reduce((x, u) => x + K / crossRange(u) ** 2, 0)).toBeCloseTo(1, 12);
    expect(s!.maxPointingRate_rad_s / polarRate).toBeCloseTo(1, 9);
    // Range statistics cover every sample, up or not.
    expect(s!.rangeMin_m).toBeCloseTo(crossRange(50), 3);
    // A link the cutoff does not apply to stays up.
    const [free] = sampleRepresentativeLinks(
      params({ representatives: [{ ...r, cutoffApplies: false }], latitudeCutoff_rad: 40 * deg }),
    );
    expect(free!.upSamples).toBe(4);
  });

  it('a slew limit below the pair’s rate switches it off at every sample; just above, never', () => {
    const r = [rep('crossPlane', 0, 0, 1, 0, true)];
    const [slow] = sampleRepresentativeLinks(params({ representatives: r, slewLimit_rad_s: polarRate * (1 - 1e-6) }));
    expect([slow!.upSamples, slow!.pointingSamples, slow!.rateSum_bps, slow!.rateMax_bps]).toEqual([0, 4, 0, 0]);
    // The rate it could not follow is still reported.
    expect(slow!.maxPointingRate_rad_s / polarRate).toBeCloseTo(1, 9);
    const [fast] = sampleRepresentativeLinks(params({ representatives: r, slewLimit_rad_s: polarRate * (1 + 1e-6) }));
    expect([fast!.upSamples, fast!.pointingSamples]).toEqual([4, 0]);
    // Blocked or cut samples are not pointing losses: with a 40° cutoff, 3 of the 4 samples are lost to pointing.
    const [cut] = sampleRepresentativeLinks(
      params({ representatives: r, slewLimit_rad_s: polarRate / 2, latitudeCutoff_rad: 40 * deg }),
    );
    expect([cut!.upSamples, cut!.pointingSamples]).toEqual([0, 3]);
  });

  it('the cutoff applies at either end: B alone beyond it switches the link off, and so does A alone', () => {
    // Slot 1 is 10° ahead: B's latitude is u + 10°. Cutoff 35°: samples u = 0 (0°, 10°) and 10 (10°, 20°) up;
    // u = 50 both beyond; u = 30 (30°, 40°) only one end beyond.
    const p = { slotPhase_rad: (s: number) => s * 10 * deg, latitudeCutoff_rad: 35 * deg };
    const [ab, ba] = sampleRepresentativeLinks(
      params({ ...p, representatives: [rep('diagonal', 0, 0, 1, 1, true), rep('diagonal', 1, 1, 0, 0, true)] }),
    );
    expect(ab!.upSamples).toBe(2);
    expect(ba!.upSamples).toBe(2);
    expect(ab!.blockedSamples + ba!.blockedSamples).toBe(0);
  });
});

describe('sampleRepresentativeLinks: an inclined shell against a direct computation', () => {
  // 53° shell, F = 1: no symmetry makes terms vanish. The oracle builds each end's frame from its velocity
  // direction (t̂ = dr/du / |dr/du| of the circular orbit, n̂ = r̂ × t̂) and differences the line of sight in it over
  // ±δ in u (central, δ = 1e-3°, time 2δ/n; the angle by atan2 of |x × y| and x·y); the code uses the ends'
  // velocities (ω × r) and no difference. The pointing rate is the larger of the two ends' rates, the worst over the
  // samples.
  const inc: CircularShell = { planes: 12, satsPerPlane: 8, phasing: 1, radius_m: a, inclination_rad: 53 * deg };
  const Ui = [0, 7, 14, 21, 28]; // u of slot 0 of plane 0 [deg]
  const incTracks = new Map(
    circularTracks(
      inc,
      Ui.map((u) => u * deg),
    ).map((t, q) => [q, t] as const),
  );
  const phase = (s: number) => s * 10 * deg;
  const at = (q: number, s: number, u0: number): { r: number[]; t: number[] } => {
    const O = (2 * Math.PI * q) / 12,
      u = u0 * deg + phase(s) + (2 * Math.PI * q) / (12 * 8),
      i = 53 * deg;
    const r = [
      a * (Math.cos(O) * Math.cos(u) - Math.sin(O) * Math.sin(u) * Math.cos(i)),
      a * (Math.sin(O) * Math.cos(u) + Math.cos(O) * Math.sin(u) * Math.cos(i)),
      a * Math.sin(u) * Math.sin(i),
    ];
    const t = [
      -Math.cos(O) * Math.sin(u) - Math.sin(O) * Math.cos(u) * Math.cos(i),
      -Math.sin(O) * Math.sin(u) + Math.cos(O) * Math.cos(u) * Math.cos(i),
      Math.cos(u) * Math.sin(i),
    ];
    return { r, t };
  };
  const dot = (x: number[], y: number[]) => x[0]! * y[0]! + x[1]! * y[1]! + x[2]! * y[2]!;
  const cross = (x: number[], y: number[]) => [
    x[1]! * y[2]! - x[2]! * y[1]!,
    x[2]! * y[0]! - x[0]! * y[2]!,
    x[0]! * y[1]! - x[1]! * y[0]!,
  ];
  const unit = (x: number[]) => x.map((c) => c / Math.sqrt(dot(x, x)));
  /** Line of sight towards `to` in the frame (r̂, t̂, n̂) of `from`. */
  const los = (from: { r: number[]; t: number[] }, to: { r: number[] }) => {
    const l = unit(to.r.map((c, k) => c - from.r[k]!));
    const rh = unit(from.r),
      th = unit(from.t);
    return [dot(l, rh), dot(l, th), dot(l, cross(rh, th))];
  };
  const turn = (x: number[], y: number[]) => Math.atan2(Math.sqrt(dot(cross(x, y), cross(x, y))), dot(x, y));
  const du = 1e-3; // [deg]
  /** Rates [rad/s] of the line of sight (qa, sa)–(qb, sb) at u0 in A's and in B's frame, by central difference. */
  const rates = (qa: number, sa: number, qb: number, sb: number, u0: number): [number, number] => {
    const [a0, b0, a1, b1] = [at(qa, sa, u0 - du), at(qb, sb, u0 - du), at(qa, sa, u0 + du), at(qb, sb, u0 + du)];
    const dt = (2 * du * deg) / n;
    return [turn(los(a0, b0), los(a1, b1)) / dt, turn(los(b0, a0), los(b1, a1)) / dt];
  };

  it('a diagonal link (0,0)–(1,1): the larger of the two ends’ turns, which differ', () => {
    const [s] = sampleRepresentativeLinks(
      params({ tracks: incTracks, slotPhase_rad: phase, representatives: [rep('diagonal', 0, 0, 1, 1, true)] }),
    );
    let worst = 0,
      endsDiffer = 0;
    for (const u of Ui) {
      const [ta, tb] = rates(0, 0, 1, 1, u);
      worst = Math.max(worst, ta, tb);
      endsDiffer = Math.max(endsDiffer, Math.abs(ta - tb) / Math.max(ta, tb));
    }
    expect(endsDiffer).toBeGreaterThan(0.01);
    expect(s!.upSamples).toBe(5);
    expect(s!.maxPointingRate_rad_s / worst).toBeCloseTo(1, 6);
    const d0 = Math.sqrt(
      at(1, 1, 0)
        .r.map((c, k) => c - at(0, 0, 0).r[k]!)
        .reduce((x, c) => x + c * c, 0),
    );
    expect(s!.rangeSum_m).toBeGreaterThan(0);
    expect(s!.rateMin_bps).toBeGreaterThan(0);
    expect(Math.min(s!.rangeMin_m, d0)).toBe(s!.rangeMin_m);
  });

  it('a cross-plane link (0,0)–(1,0) and its reverse: the same turns, as the oracle', () => {
    const [ab, ba] = sampleRepresentativeLinks(
      params({
        tracks: incTracks,
        slotPhase_rad: phase,
        representatives: [rep('crossPlane', 0, 0, 1, 0, true), rep('crossPlane', 1, 0, 0, 0, true)],
      }),
    );
    const worst = Math.max(...Ui.flatMap((u) => rates(0, 0, 1, 0, u)));
    expect(ab!.maxPointingRate_rad_s / worst).toBeCloseTo(1, 6);
    expect(ba!.maxPointingRate_rad_s / worst).toBeCloseTo(1, 6);
  });
});

describe('sampleRepresentativeLinks: limits at equality', () => {
  it('an equatorial shell with a cutoff of 0: every latitude is exactly 0, not beyond the cutoff, so up', () => {
    const eq: CircularShell = { planes: 1, satsPerPlane: 8, phasing: 0, radius_m: a, inclination_rad: 0 };
    const eqTracks = new Map(circularTracks(eq, [0, 0.3, 0.6]).map((t, q) => [q, t] as const));
    const [s] = sampleRepresentativeLinks(
      params({
        tracks: eqTracks,
        slotPhase_rad: (k) => k * 20 * deg,
        representatives: [rep('inPlane', 0, 0, 0, 1, true)],
        latitudeCutoff_rad: 0,
      }),
    );
    expect(s!.upSamples).toBe(3);
  });
});

describe('sampleRepresentativeLinks: in-plane pairs', () => {
  it('neighbours 20° apart: constant chord 2a·sin 10°, fixed in the frame, never cut', () => {
    const [s] = sampleRepresentativeLinks(
      params({
        representatives: [rep('inPlane', 0, 0, 0, 1, false)],
        slotPhase_rad: (k) => k * 20 * deg,
        latitudeCutoff_rad: 0,
      }),
    );
    const d = 2 * a * Math.sin(10 * deg);
    expect(s!.upSamples).toBe(4);
    expect(s!.rangeMin_m).toBeCloseTo(d, 3);
    expect(s!.rangeMax_m).toBeCloseTo(d, 3);
    expect(s!.rangeSum_m).toBeCloseTo(4 * d, 3);
    expect(s!.maxPointingRate_rad_s).toBeLessThan(1e-9);
    expect(s!.minLineOfSightAltitude_m).toBeCloseTo(a * Math.cos(10 * deg) - EARTH_RADIUS_m, 3);
    expect(s!.rateSum_bps / ((4 * K) / d ** 2)).toBeCloseTo(1, 12);
  });

  it('slots 90° apart: the chord passes a·cos 45° = 4,899 km from the centre, blocked at every sample', () => {
    const [s] = sampleRepresentativeLinks(params({ representatives: [rep('inPlane', 0, 0, 0, 2, false)] }));
    expect(s!.blockedSamples).toBe(4);
    expect(s!.upSamples).toBe(0);
    expect([s!.rateMin_bps, s!.rateMax_bps, s!.rateSum_bps, s!.maxPointingRate_rad_s]).toEqual([0, 0, 0, 0]);
    expect(s!.minLineOfSightAltitude_m).toBeCloseTo(a * Math.cos(45 * deg) - EARTH_RADIUS_m, 3);
    expect(s!.rangeMax_m).toBeCloseTo(a * Math.SQRT2, 3);
  });

  it('the grazing height decides: a line of sight 1 m above it is up, 1 m below it is blocked', () => {
    const h = a * Math.cos(22.5 * deg) - EARTH_RADIUS_m;
    const r = [rep('inPlane', 0, 0, 0, 1, false)];
    expect(sampleRepresentativeLinks(params({ representatives: r, grazingHeight_m: h - 1 }))[0]!.upSamples).toBe(4);
    expect(sampleRepresentativeLinks(params({ representatives: r, grazingHeight_m: h + 1 }))[0]!.blockedSamples).toBe(
      4,
    );
  });

  it('no samples: the initial statistics, with the rate minimum 0 (nothing was up)', () => {
    const [s] = sampleRepresentativeLinks(
      params({ tracks: new Map(), representatives: [rep('inPlane', 0, 0, 0, 1, false)] }),
    );
    expect(s).toEqual({
      rangeMin_m: Infinity,
      rangeMax_m: 0,
      rangeSum_m: 0,
      upSamples: 0,
      blockedSamples: 0,
      pointingSamples: 0,
      rateMin_bps: 0,
      rateMax_bps: 0,
      rateSum_bps: 0,
      maxPointingRate_rad_s: 0,
      minLineOfSightAltitude_m: Infinity,
      maxLineOfSightAltitude_m: -Infinity,
    });
  });

  it('a link whose ends share a satellite with another link: each node is positioned once, correctly', () => {
    // (0,0)–(0,1) and (0,1)–(0,2): both 45° chords.
    const st = sampleRepresentativeLinks(
      params({ representatives: [rep('inPlane', 0, 0, 0, 1, false), rep('inPlane', 0, 1, 0, 2, false)] }),
    );
    for (const s of st) expect(s.rangeMax_m).toBeCloseTo(2 * a * Math.sin(22.5 * deg), 3);
  });
});

describe('satellitePosition and lineOfSightAltitude_m', () => {
  it('a cluster member sits at (a + radial)·r̂ + along·t̂ + cross·ĥ of its sample time', () => {
    const seen: [number, number][] = [];
    const motion: ClusterMotion = {
      offset(slot, t_s, out) {
        seen.push([slot, t_s]);
        out[0] = 100;
        out[1] = 200;
        out[2] = 300;
        return out;
      },
      rate: (_slot, _t_s, out) => out.fill(0),
    };
    const out = new Float64Array(3);
    // Sample 2: u = 10°. r̂ = (cos u, 0, sin u), t̂ = (−sin u, 0, cos u), ĥ = (0, −1, 0).
    satellitePosition(tracks.get(0)!, 2, 3, () => 0, motion, out);
    const u = 10 * deg;
    expect(seen).toEqual([[3, 120]]);
    expect(out[0]).toBeCloseTo((a + 100) * Math.cos(u) - 200 * Math.sin(u), 6);
    expect(out[1]).toBeCloseTo(-300, 6);
    expect(out[2]).toBeCloseTo((a + 100) * Math.sin(u) + 200 * Math.cos(u), 6);
    // Without a cluster: the slot's phase, on the circle.
    satellitePosition(tracks.get(0)!, 2, 1, (s) => s * 90 * deg, null, out);
    expect([...out].map((x) => x / a)).toEqual([
      expect.closeTo(Math.cos(u + Math.PI / 2), 12),
      expect.closeTo(0, 12),
      expect.closeTo(Math.sin(u + Math.PI / 2), 12),
    ]);
  });

  it('a cluster member’s state: velocity ω × r plus its offset’s rate along r̂, t̂ and ĥ; ω = n·ĥ', () => {
    const motion: ClusterMotion = {
      offset: (_slot, _t_s, out) => out.fill(0).fill(100, 0, 1).fill(200, 1, 2).fill(300, 2, 3),
      rate: (_slot, _t_s, out) => out.fill(1, 0, 1).fill(2, 1, 2).fill(3, 2, 3),
    };
    const st = new Float64Array(2 * STATE_FIELDS);
    satelliteState(tracks.get(0)!, 2, 3, () => 0, motion, st, STATE_FIELDS);
    // Sample 2: u = 10°; r̂ = (cos u, 0, sin u), t̂ = (−sin u, 0, cos u), ĥ = (0, −1, 0); ĥ × r̂ = t̂, ĥ × t̂ = −r̂.
    // P = (a + 100) r̂ + 200 t̂ + 300 ĥ, so ω × P = n((a + 100) t̂ − 200 r̂); the offset adds 1 r̂ + 2 t̂ + 3 ĥ.
    const u = 10 * deg;
    const rh = [Math.cos(u), 0, Math.sin(u)],
      th = [-Math.sin(u), 0, Math.cos(u)],
      hh = [0, -1, 0];
    const v = [0, 1, 2].map((k) => n * ((a + 100) * th[k]! - 200 * rh[k]!) + rh[k]! + 2 * th[k]! + 3 * hh[k]!);
    for (let k = 0; k < 3; k++) {
      expect(st[STATE_FIELDS + 3 + k]).toBeCloseTo(v[k]!, 6);
      expect(st[STATE_FIELDS + 6 + k]).toBeCloseTo(n * hh[k]!, 15);
    }
    // Two members at rest in the frame (no offset rates) keep their line of sight fixed in it: pointing rate 0.
    const still: ClusterMotion = { ...motion, rate: (_slot, _t_s, out) => out.fill(0) };
    satelliteState(tracks.get(0)!, 2, 3, () => 0, still, st, 0);
    satelliteState(
      tracks.get(0)!,
      2,
      3,
      () => 0.01,
      { ...still, offset: (_s, _t, out) => out.fill(0) },
      st,
      STATE_FIELDS,
    );
    expect(pointingRate_rad_s(st, 0, STATE_FIELDS)).toBeLessThan(1e-15);
  });

  it('the lowest point of a segment: its middle, or an end when the closest point lies outside it', () => {
    const r = EARTH_RADIUS_m + 1000e3;
    expect(lineOfSightAltitude_m(r, 0, 0, 0, r, 0)).toBeCloseTo(r / Math.SQRT2 - EARTH_RADIUS_m, 6);
    // Radially aligned: the closest point is the lower end, whichever end it is.
    const lo = EARTH_RADIUS_m + 500e3;
    expect(lineOfSightAltitude_m(r, 0, 0, lo, 0, 0)).toBeCloseTo(500e3, 6);
    expect(lineOfSightAltitude_m(lo, 0, 0, r, 0, 0)).toBeCloseTo(500e3, 6);
    expect(lineOfSightAltitude_m(0, 0, lo, 0, 0, r)).toBeCloseTo(500e3, 6);
    expect(lineOfSightAltitude_m(0, lo, 0, 0, r, 0)).toBeCloseTo(500e3, 6);
    // A segment of length 0: the point itself.
    expect(lineOfSightAltitude_m(0, 0, r, 0, 0, r)).toBeCloseTo(1000e3, 6);
    // Off-axis: A = (r, 0, 0), B = (r, 2r, 0)·… the closest point is A (t = 0), not past it.
    expect(lineOfSightAltitude_m(r, 0, 0, r, r, 0)).toBeCloseTo(1000e3, 6);
  });
});
