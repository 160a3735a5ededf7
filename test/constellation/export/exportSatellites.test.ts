/**
 * Satellite export (src/constellation/export/exportSatellites.ts, tleFormat.ts). Expectations come from a
 * published TLE (CelesTrak "NORAD Two-Line Element Set Format", T.S. Kelso: the ISS example set), the
 * format's column definitions, the Alpha-5 rule (A = 10 … Z = 33 without I and O), hand geometry, and
 * independent paths through satellite.js: `circularSatrec` of pattern.ts elements and `slotPosition`
 * of a propagated reference track — never the writer under test.
 */
import { json2satrec, sgp4, twoline2satrec, type OMMJsonObject, type SatRec } from 'satellite.js';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogs } from '../../../src/catalog/load.js';
import { loadConstellationSpec } from '../../../src/constellation/evaluator.js';
import {
  clusterMemberElements,
  clusterMotion,
  shellFormation,
} from '../../../src/constellation/geometry/clusterFormation.js';
import {
  internationalDesignator,
  satelliteRecords,
  writeOmmJson,
  writeSatelliteCsv,
  writeTle,
  type ExportableConstellation,
} from '../../../src/constellation/export/exportSatellites.js';
import { planeElements, satelliteElements } from '../../../src/constellation/geometry/pattern.js';
import { circularSatrec, propagatePlane, slotPosition } from '../../../src/constellation/geometry/propagate.js';
import { alpha5, tleChecksum, tleLines } from '../../../src/constellation/export/tleFormat.js';
import type { CircularElements, ShellGeometrySpec } from '../../../src/constellation/design/types.js';
import { deg } from '../../helpers/units.js';

const EPOCH = '2026-03-20T00:00:00Z';
const shell = (o: Partial<ShellGeometrySpec> & { name: string }): ShellGeometrySpec => ({
  altitude_m: 550e3,
  inclination_rad: 53 * deg,
  sunSynchronous: false,
  ltan_h: null,
  planes: 6,
  satsPerPlane: 4,
  pattern: 'walker-delta',
  phasing: 1,
  ltanBand_h: 0,
  raan0_rad: 10 * deg,
  clusterRadius_m: 0,
  ...o,
});
const spec = (name: string, shells: ShellGeometrySpec[]): ExportableConstellation => ({
  name,
  window: { epochIso: EPOCH },
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
    expect(tle[0]!.l1.slice(2, 17)).toBe('A0000U 26900A  ');
    // 550 km: n = 86400/(2π√(a³/μ)), a = 6928.137 km, μ = 398600.4418 km³/s² → 15.05490646 rev/day.
    expect(tle[0]!.l2.slice(52, 63)).toBe('15.05490646');
    expect(tle[0]!.l2.slice(8, 16)).toBe(' 53.0000');
  });

  it('the OMM has one object per satellite, unique names and catalog numbers from 100,000', () => {
    expect(omm).toHaveLength(62);
    expect(new Set(omm.map((o) => o.OBJECT_NAME)).size).toBe(62);
    expect(omm[0]!.OBJECT_NAME).toBe('odc-w550-P0-S0');
    expect(omm.map((o) => o.NORAD_CAT_ID)).toEqual(Array.from({ length: 62 }, (_, k) => 100000 + k));
    expect(omm[0]!.EPOCH).toBe('2026-03-20T00:00:00.000');
  });

  it('a satellite has the same catalog number in the OMM, the TLE and the CSV', () => {
    // Alpha-5: 'A' = 10, so A0000 = 100,000 and A0061 = 100,061 (space-track.org Alpha-5 documentation).
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
    const a = 6378137 + 650e3;
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
    expect(parsed[99_999]!.NORAD_CAT_ID).toBe(199_999); // base 100,000 + index 99,999
    const tleChunks = collect((s) => writeTle(huge, s, { chunkChars: 10_000 }));
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
      '"core, ""inner""",0,1,"c-core, ""inner""-P0-S1",100001,2026-900B,550.000000,53.00000000,10.00000000,180.00000000,15.0549064592,2026-03-20T00:00:00.000Z,0.000000e+0,0.00000000',
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
    expect(recs[2799]!.catalogNumber).toBe(102_799);
  });
});
