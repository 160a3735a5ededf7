/**
 * Satellite export (src/constellation/export/exportSatellites.ts, tleFormat.ts). Expectations come from a
 * published TLE (CelesTrak "NORAD Two-Line Element Set Format", T.S. Kelso: the ISS example set), the
 * format's column definitions, the Alpha-5 rule (A = 10 … Z = 33 without I and O), hand geometry, and
 * independent paths through satellite.js: `circularSatrec` of pattern.ts elements and `slotPosition`
 * of a propagated reference track — never the writer under test.
 */
import { json2satrec, sgp4, twoline2satrec, type OMMJsonObject, type SatRec } from 'satellite.js';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, afterEach } from 'vitest';
import { loadCatalogs } from '../../../src/catalog/load.js';
import { loadConstellationSpec } from '../../../src/constellation/evaluator.js';
import {
  clusterMemberElements,
  clusterMotion,
  shellFormation,
} from '../../../src/constellation/geometry/clusterFormation.js';
import {
  internationalDesignator,
  writeOmmJson,
  writeSatelliteCsv,
  writeTle,
  type ExportableConstellation,
  epochMs,
  satelliteCount,
  satelliteRecords,
} from '../../../src/constellation/export/exportSatellites.js';
import { planeElements, satelliteElements } from '../../../src/constellation/geometry/pattern.js';
import { circularSatrec, propagatePlane, slotPosition } from '../../../src/constellation/geometry/propagate.js';
import { alpha5, tleChecksum, tleLines } from '../../../src/constellation/export/tleFormat.js';
import type { CircularElements, ShellGeometrySpec } from '../../../src/constellation/design/types.js';
import { shell as shellSpec } from '../../helpers/shellSpec.js';
import { deg } from '../../helpers/units.js';
import { EARTH_RADIUS_m } from '../../helpers/constants.js';

const EPOCH = '2026-03-20T00:00:00Z';
const shell = (o: Partial<ShellGeometrySpec> & { name: string }): ShellGeometrySpec =>
  shellSpec({ planes: 6, satsPerPlane: 4, raan0_rad: 10 * deg, ...o });
const spec = (name: string, shells: ShellGeometrySpec[], epochIso = EPOCH): ExportableConstellation => ({
  name,
  window: { epochIso },
  shells: shells.map((geometry) => ({ geometry })),
});
const collect = (write: (sink: (c: string) => void) => void): string[] => {
  const out: string[] = [];
  write((c) => out.push(c));
  return out;
};
// 7 per plane (51.43° apart) and a non-round RAAN so the TLE's 1e-4° rounding is exercised.
const walker = shell({ name: 'w550', satsPerPlane: 7, raan0_rad: 12.3456789 * deg });
// SSO 500 km: i = 97.40° (J2 nodal rate = 360°/365.2422 d, Vallado 2013 §11.4), LTAN band 9–12 h.
const sso = shell({
  name: 'sso500',
  altitude_m: 500e3,
  inclination_rad: 97.4 * deg,
  sunSynchronous: true,
  ltan_h: 10.5,
  planes: 4,
  satsPerPlane: 5,
  pattern: 'sso-ltan',
  ltanBand_h: 3,
});
const small = spec('odc', [walker, sso]);

type V3 = [number, number, number];
const pos_m = (sr: SatRec, t_min: number): V3 => {
  const pv = sgp4(sr, t_min);
  if (pv === null) throw new Error('sgp4 failed');
  return [pv.position.x * 1e3, pv.position.y * 1e3, pv.position.z * 1e3];
};
const dist = (a: ArrayLike<number>, b: ArrayLike<number>): number =>
  Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!, a[2]! - b[2]!);
// Independent checksum (format rule): digits their value, '-' = 1, anything else 0, modulo 10.
const refChecksum = (l: string): number =>
  [...l.slice(0, 68)].reduce((s, c) => s + (c === '-' ? 1 : /\d/.test(c) ? Number(c) : 0), 0) % 10;
const tleSets = (text: string): { name: string; l1: string; l2: string }[] => {
  const lines = text.split('\n').filter((l) => l.length > 0);
  return Array.from({ length: lines.length / 3 }, (_, k) => ({
    name: lines[3 * k]!,
    l1: lines[3 * k + 1]!,
    l2: lines[3 * k + 2]!,
  }));
};

describe('TLE fields', () => {
  // CelesTrak TLE format page example (ISS, epoch 2008 day 264.51782528).
  const ISS1 = '1 25544U 98067A   08264.51782528 -.00002182  00000-0 -11606-4 0  2927';
  const ISS2 = '2 25544  51.6416 247.4627 0006703 130.5360 325.0288 15.72125391563537';

  it('the checksum of the published ISS lines is their last digit (7 and 7)', () => {
    expect(tleChecksum(ISS1)).toBe(7);
    expect(tleChecksum(ISS2)).toBe(7);
  });

  it('tleLines rebuilds the published ISS set byte for byte (columns, exponent fields, ṅ sign)', () => {
    // Day 264 of leap year 2008 = 20 Sep; 0.51782528 d = 44,740.104 s = 12:25:40.104 (rounds back to 0.51782528).
    const lines = tleLines({
      catalogNumber: 25544,
      classification: 'U',
      internationalDesignator: '98067A',
      epoch_ms: Date.parse('2008-09-20T12:25:40.104Z'),
      meanMotionDot_rev_per_day2: -0.00002182,
      meanMotionDdot_rev_per_day3: 0,
      bstar_per_earth_radius: -0.11606e-4,
      elementSetNumber: 292,
      inclination_deg: 51.6416,
      raan_deg: 247.4627,
      eccentricity: 0.0006703,
      argOfPerigee_deg: 130.536,
      meanAnomaly_deg: 325.0288,
      meanMotion_rev_per_day: 15.72125391,
      revolutionNumber: 56353,
    });
    expect(lines).toEqual([ISS1, ISS2]);
  });

  it('Alpha-5: A0000 = 100,000, J = 18 (no I), Q = 24 (no O), Z9999 = 339,999, beyond throws', () => {
    expect(alpha5(25544)).toBe('25544');
    expect(alpha5(7)).toBe('00007');
    expect(alpha5(99999)).toBe('99999');
    expect(alpha5(100000)).toBe('A0000');
    expect(alpha5(180000)).toBe('J0000');
    expect(alpha5(240123)).toBe('Q0123');
    expect(alpha5(339999)).toBe('Z9999');
    expect(() => alpha5(340000)).toThrow(RangeError);
  });

  it('writeTle refuses catalog numbers past 339,999 before writing anything', () => {
    const ten = spec('c', [shell({ name: 's', planes: 2, satsPerPlane: 5 })]);
    const sets = tleSets(collect((s) => writeTle(ten, s, { catalogBase: 339_990 })).join(''));
    expect(sets.map((t) => t.l1.slice(2, 7))).toEqual([
      'Z9990',
      'Z9991',
      'Z9992',
      'Z9993',
      'Z9994',
      'Z9995',
      'Z9996',
      'Z9997',
      'Z9998',
      'Z9999',
    ]);
    const eleven = spec('c', [shell({ name: 's', planes: 1, satsPerPlane: 11 })]);
    const calls: string[] = [];
    expect(() => writeTle(eleven, (c) => calls.push(c), { catalogBase: 339_990 })).toThrow(/339999/);
    // 240,001 satellites from the default base 100,000 overflow Z9999 too.
    expect(() =>
      writeTle(spec('c', [shell({ name: 's', planes: 1, satsPerPlane: 240_001 })]), (c) => calls.push(c)),
    ).toThrow(RangeError);
    expect(calls).toHaveLength(0);
  });

  it('international designators: pieces A…Z, AA…ZZ, AAA…ZZZ without I or O, 14,424 per launch number', () => {
    expect(internationalDesignator(0, 2026)).toEqual({ objectId: '2026-900A', tleField: '26900A' });
    expect(internationalDesignator(23, 2026).objectId).toBe('2026-900Z');
    expect(internationalDesignator(24, 2026).objectId).toBe('2026-900AA');
    expect(internationalDesignator(599, 2026).objectId).toBe('2026-900ZZ'); // 24 + 576 − 1
    expect(internationalDesignator(600, 2026).objectId).toBe('2026-900AAA');
    expect(internationalDesignator(14423, 2026).objectId).toBe('2026-900ZZZ');
    expect(internationalDesignator(14424, 2026).objectId).toBe('2026-901A');
    for (let k = 0; k < 700; k++) expect(internationalDesignator(k, 2026).objectId).not.toMatch(/[IO]/);
  });
});

describe('written TLEs and OMMs', () => {
  // Written in beforeAll, not while the describes are collected (docs/mutation.md, "Running it").
  let tle: { name: string; l1: string; l2: string }[];
  let omm: OMMJsonObject[];
  let expected: (CircularElements & { plane: number; slot: number })[];
  beforeAll(() => {
    tle = tleSets(collect((s) => writeTle(small, s)).join(''));
    omm = JSON.parse(collect((s) => writeOmmJson(small, s)).join('')) as OMMJsonObject[];
    expected = [walker, sso].flatMap((g) => [...satelliteElements(g, EPOCH)]);
  });

  it('every line is 69 characters with a valid checksum; fixed fields sit in their columns', () => {
    expect(tle).toHaveLength(42 + 20);
    for (const { l1, l2 } of tle) {
      for (const l of [l1, l2]) {
        expect(l).toHaveLength(69);
        expect(Number(l[68])).toBe(refChecksum(l));
      }
      expect(l1.slice(2, 7)).toBe(l2.slice(2, 7));
      expect(l1.slice(18, 32)).toBe('26079.00000000'); // 2026-03-20 = day 31 + 28 + 20 = 79, 0h
      expect(l1.slice(33, 43)).toBe(' .00000000');
      expect(l1.slice(44, 52)).toBe(' 00000-0');
      expect(l1.slice(53, 61)).toBe(' 00000-0');
      expect(l2.slice(26, 33)).toBe('0000001');
      expect(l2.slice(34, 42)).toBe('  0.0000');
    }
    expect(tle[0]!.l1.slice(2, 17)).toBe('70000U 26900A  ');
    // 550 km: n = 86400/(2π√(a³/μ)), a = 6928.137 km, μ = 398600.4418 km³/s² → 15.05490646 rev/day.
    expect(tle[0]!.l2.slice(52, 63)).toBe('15.05490646');
    expect(tle[0]!.l2.slice(8, 16)).toBe(' 53.0000');
  });

  it('the OMM has one object per satellite, unique names and catalog numbers from 70,000', () => {
    expect(omm).toHaveLength(62);
    expect(new Set(omm.map((o) => o.OBJECT_NAME)).size).toBe(62);
    expect(omm[0]!.OBJECT_NAME).toBe('odc-w550-P0-S0');
    expect(omm.map((o) => o.NORAD_CAT_ID)).toEqual(Array.from({ length: 62 }, (_, k) => 70000 + k));
    expect(omm[0]!.EPOCH).toBe('2026-03-20T00:00:00.000');
  });

  it('a satellite has the same catalog number in the OMM, the TLE and the CSV', () => {
    // Alpha-5 above 99,999: 'A' = 10, so A0000 = 100,000 (space-track.org Alpha-5 documentation); 70,000… are digits.
    const fromAlpha5 = (f: string): number =>
      f.charCodeAt(0) >= 65
        ? ('ABCDEFGHJKLMNPQRSTUVWXYZ'.indexOf(f[0]!) + 10) * 10_000 + Number(f.slice(1))
        : Number(f);
    const csvRows = collect((s) => writeSatelliteCsv(small, s))
      .join('')
      .split('\r\n')
      .slice(1, -1);
    expect(csvRows).toHaveLength(62);
    for (let k = 0; k < 62; k++) {
      const name = omm[k]!.OBJECT_NAME;
      expect(tle[k]!.name).toBe(name);
      expect(fromAlpha5(tle[k]!.l1.slice(2, 7))).toBe(omm[k]!.NORAD_CAT_ID);
      expect(Number(csvRows[k]!.split(',')[4])).toBe(omm[k]!.NORAD_CAT_ID);
    }
  });

  it('TLE and OMM round trips propagate within metres of circularSatrec at t = 0 and 90 min', () => {
    // TLE rounding: i, Ω, M to 1e-4° (≤ 0.5e-4° = 8.7e-7 rad each → ≤ 6.0 m at r ≈ 6930 km, ≤ 18 m for all
    // three), n to 1e-8 rev/day (Δn/n ≤ 3.3e-10 → < 1 mm after 90 min), epoch exact (0h): observed 7.0 m.
    // The OMM JSON carries the doubles losslessly: observed 0 m.
    let tleMax = 0,
      ommMax = 0;
    expected.forEach((e, k) => {
      const ref = circularSatrec(e, EPOCH);
      const fromTle = twoline2satrec(tle[k]!.l1, tle[k]!.l2),
        fromOmm = json2satrec(omm[k]!);
      for (const t of [0, 90]) {
        tleMax = Math.max(tleMax, dist(pos_m(fromTle, t), pos_m(ref, t)));
        ommMax = Math.max(ommMax, dist(pos_m(fromOmm, t), pos_m(ref, t)));
      }
    });
    expect(tleMax).toBeLessThan(18);
    expect(ommMax).toBeLessThan(1e-3);
  });
});

describe('cluster members', () => {
  // 4 clusters with phasing 3 put the reference orbits at u = p·3·2π/28: 0°, 38.6°, 77.1°, 115.7°.
  const cl = shell({
    name: 'cl',
    altitude_m: 650e3,
    inclination_rad: 97.98 * deg,
    pattern: 'cluster',
    planes: 4,
    satsPerPlane: 7,
    phasing: 3,
    clusterRadius_m: 1000,
  });
  const big = shell({
    name: 'big',
    altitude_m: 650e3,
    inclination_rad: 97.98 * deg,
    pattern: 'cluster',
    planes: 1,
    satsPerPlane: 81,
    phasing: 0,
    clusterRadius_m: 1000,
  });
  const circ = shell({ ...cl, name: 'circ', clusterFormation: 'circular' });

  /**
   * Largest distance between each exported member (SGP4 of its OMM and TLE) and reference + HCW offset over [0,
   * duration].
   */
  function worstMemberError(g: ShellGeometrySpec, duration_s: number): { omm: number; tle: number } {
    const c = spec('x', [g]);
    const omm = JSON.parse(collect((s) => writeOmmJson(c, s)).join('')) as OMMJsonObject[];
    const tle = tleSets(collect((s) => writeTle(c, s)).join(''));
    const motion = clusterMotion(g),
      off = new Float64Array(3),
      want = new Float64Array(3);
    let worst = 0,
      worstTle = 0;
    for (let p = 0; p < g.planes; p++) {
      const track = propagatePlane(planeElements(g, p, EPOCH), { epochIso: EPOCH, duration_s, step_s: 300 });
      for (let s = 0; s < g.satsPerPlane; s++) {
        const k = p * g.satsPerPlane + s;
        const om = json2satrec(omm[k]!),
          tl = twoline2satrec(tle[k]!.l1, tle[k]!.l2);
        track.times_s.forEach((t, j) => {
          const o = motion.offset(s, t, off);
          slotPosition(track, j, 0, want, o[1]!, o[2]!, o[0]!);
          worst = Math.max(worst, dist(pos_m(om, t / 60), [want[0]!, want[1]!, want[2]!]));
          worstTle = Math.max(worstTle, dist(pos_m(tl, t / 60), [want[0]!, want[1]!, want[2]!]));
        });
      }
    }
    return { omm: worst, tle: worstTle };
  }

  it('each member gets its own near-circular elements: equal mean motion, |e − e_ref| = |c|/a (ellipse x-amplitude / a)', () => {
    // e_ref: the circular reference as SGP4 flies it, e = 1e-6 along ω = 0 (SGP4's floor on eccentricity).
    const f = shellFormation(big);
    const ref = planeElements(big, 0, EPOCH);
    const a = EARTH_RADIUS_m + 650e3;
    f.orbits.forEach((o, k) => {
      const e = clusterMemberElements(ref, f, k);
      expect(e.altitude_m).toBe(ref.altitude_m);
      const ex = e.eccentricity! * Math.cos(e.argumentOfPerigee_rad!) - 1e-6,
        ey = e.eccentricity! * Math.sin(e.argumentOfPerigee_rad!);
      expect(Math.hypot(ex, ey)).toBeCloseTo(Math.hypot(o.c1_m, o.c2_m) / a, 12);
      expect(e.inclination_rad).toBe(ref.inclination_rad); // in-plane: no cross-track motion
    });
    expect(clusterMemberElements(ref, f, 0)).toEqual({ ...ref, eccentricity: 1e-6, argumentOfPerigee_rad: 0 });
  });

  it('SGP4 of the exported in-plane members follows reference + HCW relative orbit over one orbit', () => {
    const { omm, tle } = worstMemberError(big, 5940);
    // OMM: linearisation (ρ²/a ≈ 0.14 m) and SGP4's differential J2 short-period terms for δe ≈ 1.4e-4 (~1 m).
    expect(omm).toBeLessThan(5);
    // TLE: plus the 1e-4° rounding of i, Ω, ω, M (up to ~12 m each at 650 km), ≪ the 109 m closest approach.
    expect(tle).toBeLessThan(5 + 25);
  });

  it('circular members (δi, δΩ) sit at reference + HCW offset at epoch', () => {
    for (const g of [cl, circ]) expect(worstMemberError(g, 300).omm).toBeLessThan(5);
  });
});

describe('streaming and tables', () => {
  it('100,000 satellites: many bounded chunks; the concatenation parses as one JSON array', () => {
    const huge = spec('mega', [shell({ name: 'a', planes: 500, satsPerPlane: 200 })]);
    const chunks = collect((s) => writeOmmJson(huge, s));
    const longest = Math.max(...chunks.map((c) => c.length));
    expect(chunks.length).toBeGreaterThan(100);
    expect(longest).toBeLessThanOrEqual(1 << 16);
    const parsed = JSON.parse(chunks.join('')) as OMMJsonObject[];
    expect(parsed).toHaveLength(100_000);
    expect(parsed[99_999]!.OBJECT_NAME).toBe('mega-a-P499-S199');
    expect(parsed[99_999]!.NORAD_CAT_ID).toBe(700_099_999); // 100,000 satellites: base 700,000,000 + index 99,999
    const tleChunks = collect((s) => writeTle(huge, s, { chunkChars: 10_000, catalogBase: 100_000 }));
    expect(Math.max(...tleChunks.map((c) => c.length))).toBeLessThanOrEqual(10_000);
    expect(tleChunks.join('').split('\n')).toHaveLength(300_001); // 3 lines each + final empty
  });

  it('CSV: header, one row per satellite, RFC 4180 quoting of a shell name with a comma', () => {
    const c = spec('c', [shell({ name: 'core, "inner"', planes: 1, satsPerPlane: 2 })]);
    const rows = collect((s) => writeSatelliteCsv(c, s))
      .join('')
      .split('\r\n');
    expect(rows).toHaveLength(4);
    expect(rows[0]).toBe(
      'shell,plane,slot,name,catalog_number,object_id,altitude_km,inclination_deg,raan_deg,argument_of_latitude_deg,mean_motion_rev_per_day,epoch,eccentricity,argument_of_perigee_deg',
    );
    expect(rows[3]).toBe('');
    // Slot 1 of 2: u = 180°; RAAN = raan0 = 10°; n = √(μ/a³)·86400/2π, a = 6,928,137 m = 15.0549064592 rev/day
    // (30-digit arithmetic).
    expect(rows[2]).toBe(
      '"core, ""inner""",0,1,"c-core, ""inner""-P0-S1",70001,2026-900B,550.000000,53.00000000,10.00000000,180.00000000,15.0549064592,2026-03-20T00:00:00.000Z,0.000000e+0,0.00000000',
    );
  });

  it('three-body-2800: 2,800 records with unique names and catalog numbers', () => {
    const ts = loadConstellationSpec(
      join(process.cwd(), 'designs/constellations/three-body-2800.yaml'),
      loadCatalogs(),
    );
    const recs = [...satelliteRecords(ts)];
    expect(recs).toHaveLength(2800);
    expect(new Set(recs.map((r) => r.name)).size).toBe(2800);
    expect(recs[2799]!.name).toBe('three-body-2800-sso-500-P39-S69');
    expect(recs[2799]!.catalogNumber).toBe(72_799); // base 70,000 + index 2,799
  });
});

describe('edges', () => {
  /**
   * Edges of the satellite writers (exportSatellites.ts) on constellations of a few satellites: designator limits,
   * epochs with and without a zone, refused inputs, catalog bases, chunk boundaries and the cluster columns of the
   * CSV. Expectations are worked by hand from the formats (COSPAR designators, Alpha-5, RFC 4180, JSON).
   */
  /** The file's shell with 2 planes of 2. */
  const tiny = (o: Partial<ShellGeometrySpec> & { name: string }): ShellGeometrySpec =>
    shell({ planes: 2, satsPerPlane: 2, ...o });

  describe('international designators and epochs', () => {
    it('the last designator is 2026-999ZZZ (100 launch numbers of 14,424 pieces); one more throws', () => {
      // 100·14,424 = 1,442,400 satellites: indices 0 … 1,442,399.
      expect(internationalDesignator(1_442_399, 2026)).toEqual({ objectId: '2026-999ZZZ', tleField: '26999ZZZ' });
      expect(() => internationalDesignator(1_442_400, 2026)).toThrow(
        new RangeError('synthetic international designators cover 1442400 satellites'),
      );
      // Second launch number, second piece: 14,424 + 1 → 901B; 14,424 + 24 → 901AA.
      expect(internationalDesignator(14_425, 2026).objectId).toBe('2026-901B');
      expect(internationalDesignator(14_448, 2026).objectId).toBe('2026-901AA');
    });

    it('the TLE field carries the year in two digits, zero-padded (2005 → 05, 2100 → 00)', () => {
      expect(internationalDesignator(0, 2005).tleField).toBe('05900A');
      expect(internationalDesignator(0, 2100).tleField).toBe('00900A');
      expect(internationalDesignator(25, 2005)).toEqual({ objectId: '2005-900AB', tleField: '05900AB' });
    });

    it('an epoch without a zone is UTC; an offset is honoured; a date that does not parse is refused', () => {
      const t0 = Date.UTC(2026, 2, 20, 0, 0, 0);
      expect(epochMs('2026-03-20T00:00:00')).toBe(t0);
      expect(epochMs('2026-03-20T00:00:00Z')).toBe(t0);
      expect(epochMs('2026-03-20T02:00:00+02:00')).toBe(t0);
      expect(epochMs('2026-03-19T18:30:00-05:30')).toBe(t0);
      expect(() => epochMs('2026-13-45T00:00:00')).toThrow(
        new RangeError(
          "epoch '2026-13-45T00:00:00' is not an ISO 8601 date (UTC): month 13 does not exist (01–12); give e.g. 2026-03-20T00:00:00Z or 2026-03-20 (ISO 8601 UTC, ASCII digits, years 0001–9999; a leap second only as 23:59:60 of the last day of a month)",
        ),
      );
    });
  });

  describe('epochs on a machine 14 h east of Greenwich', () => {
    const savedTz = process.env['TZ'];
    afterEach(() => {
      if (savedTz === undefined) delete process.env['TZ'];
      else process.env['TZ'] = savedTz;
    });
    it('an epoch without a zone is still UTC (as patternEpoch.test.ts for pattern.ts)', (ctx) => {
      // Date.parse reads a date-time without a zone as local time: at UTC+14 (Line Islands) local midnight is 14 h
      // before UTC midnight. A worker thread (StrykerJS's vitest pool) cannot change its zone: skip there.
      process.env['TZ'] = 'Pacific/Kiritimati';
      if (Date.parse('2026-03-20T00:00:00') !== Date.UTC(2026, 2, 20) - 14 * 3600e3) ctx.skip();
      expect(epochMs('2026-03-20T00:00:00')).toBe(Date.UTC(2026, 2, 20));
      expect(epochMs('2026-03-20T10:00:00+05:00')).toBe(Date.UTC(2026, 2, 20, 5));
      // The written epochs are UTC too: day 79.00000000 in the TLE, midnight in the CSV.
      const c = spec('z', [tiny({ name: 's', planes: 1, satsPerPlane: 1 })], '2026-03-20T00:00:00');
      expect(
        collect((s) => writeTle(c, s))
          .join('')
          .split('\n')[1]!
          .slice(18, 32),
      ).toBe('26079.00000000');
      expect(collect((s) => writeSatelliteCsv(c, s)).join('')).toContain(',2026-03-20T00:00:00.000Z,');
    });
  });

  describe('satellite records', () => {
    it('two shells: count, order, names, catalog numbers from the base, no cluster orbit', () => {
      const c = spec('k', [tiny({ name: 'a', planes: 2, satsPerPlane: 3 }), tiny({ name: 'b', planes: 1 })]);
      expect(satelliteCount(c)).toBe(2 * 3 + 1 * 2);
      const recs = [...satelliteRecords(c, 7)];
      expect(recs.map((r) => `${r.index}:${r.shell}:${r.plane}:${r.slot}:${r.catalogNumber}`)).toEqual([
        '0:a:0:0:7',
        '1:a:0:1:8',
        '2:a:0:2:9',
        '3:a:1:0:10',
        '4:a:1:1:11',
        '5:a:1:2:12',
        '6:b:0:0:13',
        '7:b:0:1:14',
      ]);
      expect(recs[5]!.name).toBe('k-a-P1-S2');
      expect(recs[7]!.objectId).toBe('2026-900H');
      expect(recs.every((r) => r.clusterOrbit === null)).toBe(true);
      // Walker-delta 2/3 slot 2 of plane 1: RAAN 10° + 180°, u = 2·120° + 1·360°/6 = 300°.
      expect(recs[5]!.elements.raan_rad / deg).toBeCloseTo(190, 9);
      expect(recs[5]!.elements.argumentOfLatitude_rad / deg).toBeCloseTo(300, 9);
    });

    it('cluster members carry their own relative orbit', () => {
      const g = tiny({ name: 'cl', altitude_m: 650e3, pattern: 'cluster', planes: 1, satsPerPlane: 7, phasing: 0 });
      const cl = { ...g, clusterRadius_m: 1000 };
      const f = shellFormation(cl);
      const recs = [...satelliteRecords(spec('x', [cl]))];
      recs.forEach((r, k) => expect(r.clusterOrbit).toEqual(f.orbits[k]));
      expect(new Set(recs.map((r) => JSON.stringify(r.clusterOrbit))).size).toBe(7);
    });

    it('shell names that repeat are refused (satellite names would repeat)', () => {
      const c = spec('dup', [tiny({ name: 'a' }), tiny({ name: 'a', altitude_m: 600e3 })]);
      expect(() => [...satelliteRecords(c)]).toThrow(
        new RangeError('shell names must be unique to name satellites uniquely (dup)'),
      );
    });
  });

  describe('chunks', () => {
    const four = spec('c', [tiny({ name: 's' })]);

    it('every TLE set is 3 + 2·69 + the name characters; a limit of exactly two sets gives two per chunk', () => {
      // Name 'c-s-P0-S0' (9 characters) + 3 LF + 2 lines of 69: 150 characters a set.
      const whole = collect((s) => writeTle(four, s)).join('');
      expect(whole.length).toBe(4 * 150);
      const chunks = collect((s) => writeTle(four, s, { chunkChars: 300 }));
      expect(chunks.map((c) => c.length)).toEqual([300, 300]);
      expect(chunks.join('')).toBe(whole);
      const smaller = collect((s) => writeTle(four, s, { chunkChars: 299 }));
      expect(smaller.map((c) => c.length)).toEqual([150, 150, 150, 150]);
    });

    it('a limit of 1: every piece goes alone, none is empty; the OMM array has no leading comma', () => {
      const two = spec('c', [tiny({ name: 's', planes: 1 })]);
      const chunks = collect((s) => writeOmmJson(two, s, { chunkChars: 1 }));
      expect(chunks).toHaveLength(4); // '[', first object, ',' + second object, closing
      expect(chunks[0]).toBe('[');
      expect(chunks[1]!.startsWith('\n{')).toBe(true);
      expect(chunks[2]!.startsWith(',\n{')).toBe(true);
      expect(chunks[3]).toBe('\n]\n');
      const omm = JSON.parse(chunks.join('')) as { NORAD_CAT_ID: number }[];
      expect(omm.map((o) => o.NORAD_CAT_ID)).toEqual([70_000, 70_001]);
    });

    it('limits below 1 or not a number are refused', () => {
      for (const bad of [0, 0.5, -1, NaN])
        expect(() => writeTle(four, () => undefined, { chunkChars: bad })).toThrow(
          new RangeError(`chunkChars must be ≥ 1, got ${bad}`),
        );
    });

    it('an empty constellation: an empty OMM array, a header-only CSV, no TLE chunk at all', () => {
      const none = spec('e', []);
      expect(collect((s) => writeOmmJson(none, s)).join('')).toBe('[\n]\n');
      expect(collect((s) => writeSatelliteCsv(none, s))).toHaveLength(1);
      expect(collect((s) => writeTle(none, s))).toEqual([]);
      // With nothing to number, any base is accepted (the Alpha-5 limit applies to numbers written).
      expect(collect((s) => writeTle(none, s, { catalogBase: 400_000 }))).toEqual([]);
    });
  });

  describe('catalog bases', () => {
    const four = spec('c', [tiny({ name: 's' })]);
    // the room a valid base leaves: 339,999 − 339,997 + 1 = 3 satellites; a negative or fractional base leaves none
    const msg = (base: number, room = ''): RangeError =>
      new RangeError(
        `4 satellites from catalog number ${base} exceed the TLE limit 339999 (Alpha-5); export OMM instead, any ` +
          `number of satellites: odc export <source> --format omm (JSON) or --format omm-xml (CCSDS XML), or csv ` +
          `(no magnitudes)${room}`,
      );

    it('TLE: base 0 numbers from 00000; negative or fractional bases are refused with the limit named', () => {
      const sets = collect((s) => writeTle(four, s, { catalogBase: 0 }))
        .join('')
        .split('\n');
      expect([sets[1]!.slice(2, 7), sets[10]!.slice(2, 7)]).toEqual(['00000', '00003']);
      expect(() => writeTle(four, () => undefined, { catalogBase: -1 })).toThrow(msg(-1));
      expect(() => writeTle(four, () => undefined, { catalogBase: 1.5 })).toThrow(msg(1.5));
      // The last number allowed is 339,999: base 339,996 fits 4 satellites, 339,997 does not.
      expect(collect((s) => writeTle(four, s, { catalogBase: 339_996 })).join('')).toContain('\n1 Z9999U');
      expect(() => writeTle(four, () => undefined, { catalogBase: 339_997 })).toThrow(
        msg(339_997, ", or a design of at most 3 satellites for a planetarium's TLE and qs.mag files"),
      );
    });

    it('a design of 80,000 refused at its default base 700,000,000 is told the base that fits: 260,000', () => {
      // 80,000 satellites fit neither 70,000–99,999 (30,000) nor 270,000–339,999 (70,000): the default base is
      // 700,000,000, past Alpha-5; the highest base within it is 339,999 − 80,000 + 1 = 260,000
      const big = spec('big', [tiny({ name: 's', planes: 200, satsPerPlane: 400 })]);
      expect(() => writeTle(big, () => undefined)).toThrow(
        '80000 satellites from catalog number 700000000 exceed the TLE limit 339999 (Alpha-5)',
      );
      expect(() => writeTle(big, () => undefined)).toThrow('--catalog-base 260000 numbers them within it');
      // a base the user gave is not second-guessed; a design past 339,999 is told nothing of a base
      expect(() => writeTle(big, () => undefined, { catalogBase: 260_001 })).not.toThrow(/--catalog-base \d/);
      const huge = spec('huge', [tiny({ name: 's', planes: 1000, satsPerPlane: 400 })]);
      expect(() => writeTle(huge, () => undefined)).not.toThrow(/--catalog-base \d/);
      let last = '';
      writeTle(big, (c) => void (last = c), { catalogBase: 260_000 });
      expect(last.trimEnd().split('\n').at(-2)!.slice(2, 7)).toBe('Z9999'); // 339,999 in Alpha-5
    });

    it('OMM and CSV take the same base', () => {
      const omm = JSON.parse(collect((s) => writeOmmJson(four, s, { catalogBase: 5 })).join('')) as {
        NORAD_CAT_ID: number;
      }[];
      expect(omm.map((o) => o.NORAD_CAT_ID)).toEqual([5, 6, 7, 8]);
      const rows = collect((s) => writeSatelliteCsv(four, s, { catalogBase: 5 }))
        .join('')
        .split('\r\n');
      expect(rows.slice(1, 5).map((r) => r.split(',')[4])).toEqual(['5', '6', '7', '8']);
    });
  });

  describe('CSV columns of a cluster member', () => {
    it("the reference member: SGP4's eccentricity floor 1e-6 along ω = 0, written in both columns", () => {
      const cl = tiny({
        name: 'cl',
        altitude_m: 650e3,
        pattern: 'cluster',
        planes: 1,
        satsPerPlane: 7,
        phasing: 0,
        clusterRadius_m: 1000,
      });
      const rows = collect((s) => writeSatelliteCsv(spec('x', [cl]), s))
        .join('')
        .split('\r\n');
      const r0 = rows[1]!.split(',');
      expect(r0.slice(0, 3)).toEqual(['cl', '0', '0']);
      expect(r0[6]).toBe('650.000000');
      expect(r0[12]).toBe('1.000000e-6');
      expect(r0[13]).toBe('0.00000000');
      // The other members have an eccentricity of about |c|/a ≈ 1000 m / 7028 km ≈ 1.4e-4 ≫ 1e-6.
      for (const r of rows.slice(2, 8)) expect(Number(r.split(',')[12])).toBeGreaterThan(1e-5);
    });
  });
});
