/**
 * Shell patterns (src/constellation/geometry/pattern.ts). Every expected value is a hand calculation from the
 * defining formulas of the pattern (Walker 1984; Vallado 2013 §11.4), a published almanac figure, or a
 * lattice count done by hand — never the function under test.
 */
import { describe, expect, it, afterEach } from 'vitest';
import {
  julianDate,
  planeElements,
  planeLtan_h,
  planeRaan_rad,
  raanFromLtan_rad,
  satelliteElements,
  slotPhase_rad,
  slotPhases_rad,
  utcMs,
  wrapAngle_rad,
} from '../../../src/constellation/geometry/pattern.js';
import { createRng } from '../../../src/base/rng.js';
import type { ShellGeometrySpec } from '../../../src/constellation/design/types.js';
import { shell as shellSpec } from '../../helpers/shellSpec.js';
import { deg } from '../../helpers/units.js';

/** One satellite (one plane of one slot, phasing 0) unless overridden. */
const shell = (o: Partial<ShellGeometrySpec>): ShellGeometrySpec =>
  shellSpec({ name: 't', planes: 1, satsPerPlane: 1, phasing: 0, ...o });
/** Smallest angular distance between two angles [deg] (so 359.99° and 0.01° are 0.02° apart). */
const angleDiff_deg = (a_rad: number, b_deg: number): number => {
  const d = ((((a_rad / deg - b_deg) % 360) + 540) % 360) - 180;
  return Math.abs(d);
};
/** Every returned angle must lie in [0, 2π). */
const inRange = (a: number): boolean => a >= 0 && a < 2 * Math.PI;

// March equinox 2026: 20 March 2026, 14:46 UTC (USNO Astronomical Applications Dept., "Earth's Seasons";
// The Astronomical Almanac 2026). At that instant the apparent Sun has ecliptic longitude 0, hence right
// ascension α☉ = 0.
const EQUINOX_2026 = '2026-03-20T14:46:00Z';
// June solstice 2026: 21 June 2026, 08:24 UTC (same source): apparent λ☉ = 90°, so α☉ = 90° (6 h).
const SOLSTICE_2026 = '2026-06-21T08:24:00Z';

describe('Walker delta i:T/P/F', () => {
  // GPS-like 55°:24/6/2 — P = 6, S = T/P = 4, F = 2, Ω0 = 0.
  //   RAAN spacing 360°/6 = 60°; in-plane spacing 360°/4 = 90°; inter-plane phase F·360°/T = 2·360/24 = 30°.
  //   u(p, s) = 90°·s + 30°·p (mod 360°).
  const gps = shell({ inclination_rad: 55 * deg, planes: 6, satsPerPlane: 4, phasing: 2 });

  it('55°:24/6/2: RAAN of plane p = 60°·p (catches a spread over π instead of 2π, or P·S in the denominator)', () => {
    const expected = [0, 60, 120, 180, 240, 300];
    for (let p = 0; p < 6; p++)
      expect(angleDiff_deg(planeRaan_rad(gps, p, EQUINOX_2026), expected[p]!)).toBeLessThan(1e-9);
  });

  it('55°:24/6/2: u(p,s) = 90°·s + 30°·p, wrapped past 360° (catches F·2π/P instead of F·2π/T, or no wrap)', () => {
    // (p, s) → hand value: (0,0) 0; (1,0) 30; (0,1) 90; (2,3) 270+60 = 330; (3,2) 180+90 = 270;
    // (5,3) 270+150 = 420 → 60; (4,3) 270+120 = 390 → 30.
    const cases: [number, number, number][] = [
      [0, 0, 0],
      [1, 0, 30],
      [0, 1, 90],
      [2, 3, 330],
      [3, 2, 270],
      [5, 3, 60],
      [4, 3, 30],
    ];
    for (const [p, s, u] of cases) {
      const got = slotPhase_rad(gps, p, s);
      expect(inRange(got), `(${p},${s}) in [0, 2π)`).toBe(true);
      expect(angleDiff_deg(got, u), `(${p},${s})`).toBeLessThan(1e-9);
    }
  });

  it("Walker's 53°:1584/72/39 (Starlink shell 1): far planes and slots (catches integer/rounding errors in large T)", () => {
    // P = 72, S = 22, F = 39, Ω0 = 10°. RAAN_p = 10° + 5°·p. u(p,s) = 360°·(72·s + 39·p)/1584.
    //   p = 71: RAAN = 10 + 355 = 365 → 5°.
    //   (71, 21): 72·21 + 39·71 = 1512 + 2769 = 4281; 4281 − 2·1584 = 1113 → 360·1113/1584 = 252.9545°.
    //   (1, 0): 39 → 360·39/1584 = 8.8636°.  (36, 11): 792 + 1404 = 2196 − 1584 = 612 → 139.0909°.
    const s1 = shell({ planes: 72, satsPerPlane: 22, phasing: 39, raan0_rad: 10 * deg });
    expect(angleDiff_deg(planeRaan_rad(s1, 71, EQUINOX_2026), 5)).toBeLessThan(1e-9);
    expect(inRange(planeRaan_rad(s1, 71, EQUINOX_2026))).toBe(true);
    expect(angleDiff_deg(planeRaan_rad(s1, 36, EQUINOX_2026), 190)).toBeLessThan(1e-9);
    expect(angleDiff_deg(slotPhase_rad(s1, 71, 21), 252.95454545454547)).toBeLessThan(1e-9);
    expect(angleDiff_deg(slotPhase_rad(s1, 1, 0), 8.863636363636363)).toBeLessThan(1e-9);
    expect(angleDiff_deg(slotPhase_rad(s1, 36, 11), 139.0909090909091)).toBeLessThan(1e-9);
  });

  it('satelliteElements enumerates all T = P·S satellites, plane by plane, with the shell altitude and inclination (catches a missing or duplicated slot)', () => {
    // 55°:24/6/2 → 24 satellites; slot (p, s) is the (4p + s)-th; its u is the hand value 90s + 30p.
    const all = [...satelliteElements(gps, EQUINOX_2026)];
    expect(all).toHaveLength(24);
    all.forEach((e, k) => {
      expect(e.plane).toBe(Math.floor(k / 4));
      expect(e.slot).toBe(k % 4);
      expect(e.altitude_m).toBe(550e3);
      expect(e.inclination_rad).toBe(55 * deg);
      expect(angleDiff_deg(e.raan_rad, 60 * e.plane)).toBeLessThan(1e-9);
      expect(angleDiff_deg(e.argumentOfLatitude_rad, 90 * e.slot + 30 * e.plane)).toBeLessThan(1e-9);
    });
    // Distinct (RAAN, u) pairs: no two satellites coincide.
    const keys = new Set(
      all.map((e) => `${(e.raan_rad / deg).toFixed(6)}/${(e.argumentOfLatitude_rad / deg).toFixed(6)}`),
    );
    expect(keys.size).toBe(24);
  });

  it('planeElements is slot 0 of the plane (catches returning slot phase without the plane phasing)', () => {
    // Plane 3 of 55°:24/6/2: RAAN 180°, u(3,0) = 90°.
    const e = planeElements(gps, 3, EQUINOX_2026);
    expect(angleDiff_deg(e.raan_rad, 180)).toBeLessThan(1e-9);
    expect(angleDiff_deg(e.argumentOfLatitude_rad, 90)).toBeLessThan(1e-9);
    expect(e.altitude_m).toBe(550e3);
    expect(e.inclination_rad).toBe(55 * deg);
  });
});

describe('Walker star', () => {
  it('Iridium-like 86.4°:66/6/2 spreads RAAN over 180°: Ω_p = 30°·p (catches using the 2π delta spread)', () => {
    // RAAN spacing 180°/6 = 30° → 0, 30, …, 150°; all planes in [0°, 180°). In-plane 360/11 = 32.727°,
    // inter-plane phase 2·360/66 = 10.909°: u(5, 10) = 327.27 + 54.55 = 381.82 → 21.818°.
    const iri = shell({
      pattern: 'walker-star',
      inclination_rad: 86.4 * deg,
      planes: 6,
      satsPerPlane: 11,
      phasing: 2,
      raan0_rad: 0,
    });
    for (let p = 0; p < 6; p++) {
      const r = planeRaan_rad(iri, p, EQUINOX_2026);
      expect(angleDiff_deg(r, 30 * p)).toBeLessThan(1e-9);
      expect(r / deg).toBeLessThan(180);
    }
    expect(angleDiff_deg(slotPhase_rad(iri, 5, 10), 21.818181818181817)).toBeLessThan(1e-9);
  });
});

describe('sun-synchronous RAAN from LTAN (Ω = α_mean☉ + (LTAN − 12 h)·15°/h, LTAN in mean local solar time)', () => {
  /** sso-ltan, LTAN 10.5 h in a 2 h band, 4 planes of 10 at 97.6°. */
  const band4 = (o: Partial<ShellGeometrySpec> = {}): ShellGeometrySpec =>
    shell({
      pattern: 'sso-ltan',
      sunSynchronous: true,
      ltan_h: 10.5,
      ltanBand_h: 2,
      planes: 4,
      satsPerPlane: 10,
      inclination_rad: 97.6 * deg,
      ...o,
    });

  // LTAN is mean local solar time (the SSO convention, e.g. ESA Sentinel-2 "10:30 mean local solar time"),
  // so the node is placed with the MEAN Sun: α_mean☉ = α☉ + EoT·15°/h, EoT = apparent − mean solar time.
  // Published equation of time (USNO / NOAA tables): −7.4 min on 20 March (α_mean = α☉ − 1.85°) and
  // −1.7 min on 21 June (α_mean = α☉ − 0.43°). Tolerance 0.3°: the almanac instants are to the minute (the
  // Sun moves 0.04°/h in RA), the tabulated EoT to ~0.1 min (0.03°); a node placed with the apparent Sun
  // would be 1.85° off at the equinox and fail.
  const MEAN_MINUS_TRUE_EQUINOX_deg = (-7.4 * 15) / 60;
  const MEAN_MINUS_TRUE_SOLSTICE_deg = (-1.7 * 15) / 60;
  const TOL_deg = 0.3;
  const eq = (deg_: number): number => deg_ + MEAN_MINUS_TRUE_EQUINOX_deg;

  it('6 h LTAN at the 2026 March equinox: RAAN ≈ 270° − 1.85° (catches a sign error on LTAN − 12, hours not ×15°, or the apparent Sun)', () => {
    // α☉ = 0, α_mean = −1.85° → Ω = −1.85° + (6 − 12)·15° = 268.15°.
    const r = raanFromLtan_rad(6, EQUINOX_2026);
    expect(inRange(r)).toBe(true);
    expect(angleDiff_deg(r, eq(270))).toBeLessThan(TOL_deg);
  });

  it('18 h LTAN at the equinox: RAAN ≈ 88.15°; 12 h: RAAN ≈ α_mean ≈ 358.15° (catches the 12 h offset missing)', () => {
    expect(angleDiff_deg(raanFromLtan_rad(18, EQUINOX_2026), eq(90))).toBeLessThan(TOL_deg);
    expect(angleDiff_deg(raanFromLtan_rad(12, EQUINOX_2026), eq(0))).toBeLessThan(TOL_deg);
  });

  it('noon LTAN at the 2026 June solstice: RAAN ≈ α_mean ≈ 89.57° (catches ignoring the epoch / a fixed α☉)', () => {
    // α☉ = 90° at the solstice, α_mean = 90° − 0.43°.
    expect(angleDiff_deg(raanFromLtan_rad(12, SOLSTICE_2026), 90 + MEAN_MINUS_TRUE_SOLSTICE_deg)).toBeLessThan(TOL_deg);
  });

  it('SSO Walker planes advance LTAN by the RAAN spread: delta 24 h/P, star 12 h/P, wrapped to [0, 24) (catches a dawn-dusk label on a 24 h spread)', () => {
    // LTAN 6 h, P = 3: delta 6, 14, 22 h; star 6, 10, 14 h. LTAN 20 h, P = 2 delta: 20, 8 h (32 wraps to 8).
    const delta = shell({ sunSynchronous: true, ltan_h: 6, planes: 3, inclination_rad: 97.6 * deg });
    [6, 14, 22].forEach((h, p) => expect(planeLtan_h(delta, p)).toBeCloseTo(h, 12));
    const star = shell({
      sunSynchronous: true,
      ltan_h: 6,
      planes: 3,
      pattern: 'walker-star',
      inclination_rad: 97.6 * deg,
    });
    [6, 10, 14].forEach((h, p) => expect(planeLtan_h(star, p)).toBeCloseTo(h, 12));
    const late = shell({ sunSynchronous: true, ltan_h: 20, planes: 2, inclination_rad: 97.6 * deg });
    [20, 8].forEach((h, p) => expect(planeLtan_h(late, p)).toBeCloseTo(h, 12));
  });

  it('sso-ltan: plane LTANs at centre − band/2 + band·(p + ½)/P (catches planes at the band edges or at p/P)', () => {
    // LTAN 10.5 h, band 2 h, P = 4: 9.5 + 2·(0.5, 1.5, 2.5, 3.5)/4 = 9.75, 10.25, 10.75, 11.25 h.
    const s = band4();
    const expected = [9.75, 10.25, 10.75, 11.25];
    for (let p = 0; p < 4; p++) expect(planeLtan_h(s, p)).toBeCloseTo(expected[p]!, 12);
    // Mean of the plane LTANs is the centre: (9.75 + 11.25)/2 = 10.5 h.
    expect((planeLtan_h(s, 0) + planeLtan_h(s, 3)) / 2).toBeCloseTo(10.5, 12);
  });

  it('sso-ltan: each plane RAAN follows its own LTAN at the equinox (catches a Walker 2π/P spread applied on top)', () => {
    // Ω = (LTAN − 12)·15°: 9.75 → −33.75 → 326.25°; 10.25 → 333.75°; 10.75 → 341.25°; 11.25 → 348.75°.
    const s = band4({ raan0_rad: 1 });
    const expected = [326.25, 333.75, 341.25, 348.75];
    for (let p = 0; p < 4; p++)
      expect(angleDiff_deg(planeRaan_rad(s, p, EQUINOX_2026), eq(expected[p]!))).toBeLessThan(TOL_deg);
  });

  it('sso-ltan with one plane sits at the centre LTAN, whatever the band (catches (p+½)/P off by one)', () => {
    // P = 1: 6 − 1 + 2·0.5/1 = 6 h.
    const s = shell({ pattern: 'sso-ltan', sunSynchronous: true, ltan_h: 6, ltanBand_h: 2, planes: 1 });
    expect(planeLtan_h(s, 0)).toBe(6);
    expect(angleDiff_deg(planeRaan_rad(s, 0, EQUINOX_2026), eq(270))).toBeLessThan(TOL_deg);
  });

  it('an SSO walker-delta takes plane 0 from LTAN (raan0 ignored) and spreads the rest by 360°/P (catches using raan0 for SSO shells)', () => {
    // LTAN 6 h at the equinox → Ω0 = 270° (− 1.85° mean Sun); P = 3 → 270, 30, 150°. raan0 = 1 rad (57.3°) must be
    // ignored.
    const s = shell({
      sunSynchronous: true,
      ltan_h: 6,
      planes: 3,
      satsPerPlane: 5,
      raan0_rad: 1,
      inclination_rad: 97.6 * deg,
    });
    const expected = [270, 30, 150];
    for (let p = 0; p < 3; p++)
      expect(angleDiff_deg(planeRaan_rad(s, p, EQUINOX_2026), eq(expected[p]!))).toBeLessThan(TOL_deg);
  });

  it('a non-SSO shell ignores the epoch and uses raan0 (catches deriving every RAAN from the Sun)', () => {
    // raan0 = 20°, P = 4: 20, 110, 200, 290° at both epochs.
    const s = shell({ planes: 4, satsPerPlane: 2, raan0_rad: 20 * deg });
    for (const ep of [EQUINOX_2026, SOLSTICE_2026]) {
      [20, 110, 200, 290].forEach((r, p) => expect(angleDiff_deg(planeRaan_rad(s, p, ep), r)).toBeLessThan(1e-9));
    }
  });
});

describe('cluster pattern', () => {
  it('all members of a cluster share the reference orbit phase (slot ignored), clusters spread as Walker delta', () => {
    // P = 4 clusters, S = 7 members, F = 1, raan0 0: RAAN 0, 90, 180, 270°; one reference orbit per cluster,
    // so Walker's T = P = 4 and u(p) = p·1·360/4 = 90°·p (p = 3: 270°). Catches a cluster member placed at
    // s·360°/S around the orbit, and phasing divided by the member count.
    const s = shell({ pattern: 'cluster', planes: 4, satsPerPlane: 7, phasing: 1, clusterRadius_m: 1000 });
    for (let slot = 0; slot < 7; slot++) expect(angleDiff_deg(slotPhase_rad(s, 3, slot), 270)).toBeLessThan(1e-9);
    expect(angleDiff_deg(planeRaan_rad(s, 3, EQUINOX_2026), 270)).toBeLessThan(1e-9);
  });
});

describe('julianDate', () => {
  it('2000-01-01T12:00:00Z is JD 2451545.0 (the J2000.0 epoch by definition, IAU 1976)', () => {
    expect(julianDate('2000-01-01T12:00:00Z')).toBeCloseTo(2451545.0, 9);
  });

  it('a bare date-time is UTC and an explicit offset is honoured (catches reading it as local time)', () => {
    // Same instant three ways: 12:00Z, 12:00 (no zone → UTC), 14:00+02:00.
    expect(julianDate('2000-01-01T12:00:00')).toBeCloseTo(2451545.0, 9);
    expect(julianDate('2000-01-01T14:00:00+02:00')).toBeCloseTo(2451545.0, 9);
  });

  it('2026-03-20T00:00Z = JD 2461119.5 (hand count from J2000)', () => {
    // 2000-01-01 → 2026-01-01: 26·365 + 7 leap days (2000, 04, …, 24) = 9497 d; + Jan 31 + Feb 28 + 19 = 9575 d.
    // JD(2000-01-01 0h) = 2451544.5 → 2451544.5 + 9575 = 2461119.5. The equinox at 14:46 adds 14.7667/24 = 0.61528 d.
    expect(julianDate('2026-03-20T00:00:00Z')).toBeCloseTo(2461119.5, 9);
    expect(julianDate(EQUINOX_2026)).toBeCloseTo(2461120.1152778, 6);
  });

  it('invalid input throws RangeError (catches NaN leaking into the Sun position)', () => {
    expect(() => julianDate('not a date')).toThrow(RangeError);
    expect(() => julianDate('2026-13-45T99:00:00Z')).toThrow(RangeError);
  });
});

describe('epoch', () => {
  /**
   * Epoch parsing of the shell patterns (src/constellation/geometry/pattern.ts `utcMs`): an ISO 8601 instant
   * that names no zone is UTC, whatever the machine's time zone; one that names a zone keeps it.
   */
  const savedTz = process.env['TZ'];
  afterEach(() => {
    if (savedTz === undefined) delete process.env['TZ'];
    else process.env['TZ'] = savedTz;
  });

  describe('utcMs', () => {
    it('a date-time without a zone is UTC even on a machine 14 h east of Greenwich', (ctx) => {
      // Date.parse reads '2026-03-20T00:00:00' as LOCAL time; on a UTC machine the two readings agree, so the
      // test moves the process to UTC+14 (Line Islands), where local midnight is 14 h earlier than UTC midnight.
      // A worker thread (StrykerJS's vitest pool) cannot change its time zone: the test skips itself there.
      process.env['TZ'] = 'Pacific/Kiritimati';
      if (Date.parse('2026-03-20T00:00:00') !== Date.UTC(2026, 2, 20) - 14 * 3600e3) ctx.skip();
      expect(utcMs('2026-03-20T00:00:00')).toBe(Date.UTC(2026, 2, 20));
      expect(utcMs('2026-03-20T06:30:15.250')).toBe(Date.UTC(2026, 2, 20, 6, 30, 15, 250));
    });

    it('an instant with Z or an offset keeps its zone: 10:00+05:00 is 05:00 UTC, 10:00-03:30 is 13:30 UTC', () => {
      process.env['TZ'] = 'Pacific/Kiritimati';
      expect(utcMs('2026-03-20T10:00:00Z')).toBe(Date.UTC(2026, 2, 20, 10));
      expect(utcMs('2026-03-20T10:00:00+05:00')).toBe(Date.UTC(2026, 2, 20, 5));
      expect(utcMs('2026-03-20T10:00:00-03:30')).toBe(Date.UTC(2026, 2, 20, 13, 30));
    });

    it('a string that is no date throws a RangeError that quotes it', () => {
      expect(() => utcMs('next Tuesday')).toThrow(RangeError);
      expect(() => utcMs('next Tuesday')).toThrow("epoch 'next Tuesday' is not an ISO 8601 date");
    });
  });
});

describe('wrapAngle_rad: ((a % 2π) + 2π) % 2π bit for bit', () => {
  // The remainders it skips are exact subtractions only inside [−2π, 4π): a bound off by one ulp, or b − 2π taken at
  // b = 4π (where the remainder is 0), differs from the definition at some of these values.
  const TWO_PI = 2 * Math.PI;
  const reference = (a: number): number => ((a % TWO_PI) + TWO_PI) % TWO_PI;
  const edges = [0, -0, TWO_PI, -TWO_PI, 2 * TWO_PI, -2 * TWO_PI, Math.PI, 1e-300, -1e-300, 1e-17, -1e-17];
  const near = edges.flatMap((x) => [x, x * (1 + 2 ** -52), x * (1 - 2 ** -52), x + 1e-15, x - 1e-15]);
  const rng = createRng(11);
  const random = Array.from({ length: 20000 }, (_, i) => (rng.next() - 0.5) * 10 ** ((i % 6) - 1) * TWO_PI);
  it.each([
    ['edges', near],
    ['random', random],
    ['special', [NaN, Infinity, -Infinity, 1e300, -1e300]],
  ] as const)('%s', (_label, values) => {
    for (const a of values) expect([a, Object.is(wrapAngle_rad(a), reference(a))]).toEqual([a, true]);
  });
});

describe('slotPhases_rad: slotPhase_rad of every slot, bit for bit', () => {
  it('random shells of every pattern (1–60 planes, 1–90 slots, any phasing)', () => {
    // Bug caught: a slot term or a plane phasing hoisted with another grouping of its operations (the last bits move),
    // a plane-major / slot-major mix-up, or a cluster given one phase per member. Oracle: slotPhase_rad slot by slot.
    const rng = createRng(31);
    const patterns = ['walker-delta', 'walker-star', 'sso-ltan', 'cluster'] as const;
    let bad = 0,
      compared = 0;
    for (let i = 0; i < 200; i++) {
      const planes = 1 + Math.floor(rng.next() * 60);
      const s = shell({
        pattern: patterns[i % 4]!,
        planes,
        satsPerPlane: 1 + Math.floor(rng.next() * 90),
        phasing: Math.floor(rng.next() * planes),
      });
      const all = slotPhases_rad(s);
      const slots = s.pattern === 'cluster' ? 1 : s.satsPerPlane;
      expect(all.length).toBe(s.planes * slots);
      for (let p = 0; p < s.planes; p++)
        for (let k = 0; k < slots; k++, compared++) if (!Object.is(all[p * slots + k], slotPhase_rad(s, p, k))) bad++;
    }
    expect(compared).toBeGreaterThan(10_000);
    expect(bad).toBe(0);
  });
});
