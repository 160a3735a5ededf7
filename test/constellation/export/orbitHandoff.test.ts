/**
 * Orbit hand-off (src/constellation/export/orbitHandoff.ts and its use by the OMM/TLE writers): B* from the ballistic
 * coefficient (Spacetrack Report #3 reference density and density profile, hand calculation), an exported satellite
 * that satellite.js's SGP4 decays at odc's own CIRA-2012 rate (src/models/drag), the J2–J3 frozen eccentricity (hand
 * calculation for a Starlink-like 550 km, 53° shell), and the exported SGP4 mean elements flying it: SGP4 holds the
 * osculating eccentricity vector at e_f, ω = 90° for months.
 */
import { json2satrec, sgp4, twoline2satrec, type OMMJsonObject, type SatRec } from 'satellite.js';
import { describe, expect, it } from 'vitest';
import {
  bstar_per_earth_radius,
  EARTH_J3,
  frozenEccentricity,
  sgp4Density_kg_m3,
  shellBstar,
} from '../../../src/constellation/export/orbitHandoff.js';
import {
  writeOmmJson,
  writeSatelliteCsv,
  writeTle,
  type ExportableConstellation,
} from '../../../src/constellation/export/exportSatellites.js';
import { cira2012Density, decayIntegral_s_m2_per_kg } from '../../../src/models/drag/atmosphere.js';
import { shell as shellSpec } from '../../helpers/shellSpec.js';
import { deg } from '../../helpers/units.js';
import { EARTH_MU_km3_s2 as MU_km3_s2 } from '../../helpers/constants.js';

const starlink = shellSpec({ name: 's550', altitude_m: 550e3, inclination_rad: 53 * deg, planes: 2, satsPerPlane: 2 });
const spec: ExportableConstellation = {
  name: 'h',
  window: { epochIso: '2026-03-20T00:00:00Z' },
  shells: [{ geometry: starlink }],
};
const text = (write: (sink: (c: string) => void) => void): string => {
  const out: string[] = [];
  write((c) => out.push(c));
  return out.join('');
};

describe('B* from the ballistic coefficient', () => {
  it('B = 100 kg/m²: B* = 0.15696615 / 200 = 7.8483e-4 per Earth radius', () => {
    // ρ₀ = 2.461e-8 kg/m³ × 6,378,135 m/ER = 0.156966 kg/m²/ER (Spacetrack Report #3); B* = ρ₀·(C_D A/m)/2
    expect(2.461e-8 * 6378135).toBeCloseTo(0.15696615, 6);
    expect(bstar_per_earth_radius(100)).toBeCloseTo(7.8483075e-4, 11);
    expect(bstar_per_earth_radius(50) / bstar_per_earth_radius(100)).toBeCloseTo(2, 12);
    expect(() => bstar_per_earth_radius(0)).toThrow(/ballistic coefficient/);
  });

  it('the TLE carries it in BSTAR columns 54–61 and the OMM in BSTAR; without B both are 0', () => {
    const tle = text((s) => writeTle(spec, s, { bstar_per_earth_radius: [bstar_per_earth_radius(100)] })).split('\n');
    expect(tle[1]!.slice(53, 61)).toBe(' 78483-3');
    expect(twoline2satrec(tle[1]!, tle[2]!).bstar).toBeCloseTo(7.8483e-4, 9);
    const omm = JSON.parse(
      text((s) => writeOmmJson(spec, s, { bstar_per_earth_radius: [bstar_per_earth_radius(100)] })),
    ) as OMMJsonObject[];
    expect(omm[0]!.BSTAR).toBeCloseTo(7.8483075e-4, 11);
    const none = JSON.parse(text((s) => writeOmmJson(spec, s))) as OMMJsonObject[];
    expect(none[0]!.BSTAR).toBe(0);
    expect(
      text((s) => writeTle(spec, s))
        .split('\n')[1]!
        .slice(53, 61),
    ).toBe(' 00000-0');
  });
});

/** Orbit-averaged osculating semi-major axis [km] over one period from `t0_min` (vis-viva on 360 samples). */
function meanSemiMajorAxis_km(satrec: SatRec, t0_min: number): number {
  const period_min = (2 * Math.PI) / satrec.no; // satrec.no in rad/min
  let sum = 0;
  const n = 360;
  for (let k = 0; k < n; k++) {
    const pv = sgp4(satrec, t0_min + (k * period_min) / n);
    if (!pv) throw new Error('SGP4 failed');
    const { x, y, z } = pv.position;
    const v = pv.velocity;
    const r = Math.hypot(x, y, z);
    sum += 1 / (2 / r - (v.x * v.x + v.y * v.y + v.z * v.z) / MU_km3_s2);
  }
  return sum / n;
}

describe('an exported satellite decays in SGP4 at odc’s rate', () => {
  it('SGP4 density ρ₀·((q₀ − s)/(h − s))⁴: 1.54291e-12 kg/m³ at 550 km by hand', () => {
    // ρ₀ = 0.15696615 / 6,378,135 m = 2.4610039e-8 kg/m³; (120 − 78)/(550 − 78) = 42/472; (42/472)⁴ = 6.269446e-5
    expect(sgp4Density_kg_m3(550e3)).toBeCloseTo(1.5429131e-12, 18);
    // 200 km: (42/122)⁴ = 1.4046167e-2 → 3.4567672e-10 kg/m³
    expect(sgp4Density_kg_m3(200e3)).toBeCloseTo(3.4567672e-10, 16);
    // Exported B* = physical B* × ρ_odc/ρ_SGP4: at 550 km, moderate activity, SGP4's density is 3–5× odc's.
    const rho = cira2012Density({ altitude_m: 550e3, solarActivity: 'moderate' }).density_kg_m3;
    expect(shellBstar(100, rho, 550e3) / bstar_per_earth_radius(100)).toBeCloseTo(rho / 1.5429131e-12, 6);
    expect(sgp4Density_kg_m3(550e3) / rho).toBeGreaterThan(3);
    expect(sgp4Density_kg_m3(550e3) / rho).toBeLessThan(5);
  });

  // odc: time to fall from h to h − 1 km is B·(S(h) − S(h − 1 km)) (models/drag/atmosphere.ts), rate = 1 km / that.
  const odcRate_m_per_day = (h_m: number, B: number, activity: 'low' | 'moderate' | 'high'): number =>
    1000 / ((B * (decayIntegral_s_m2_per_kg(h_m, activity) - decayIntegral_s_m2_per_kg(h_m - 1000, activity))) / 86400);

  it.each([
    [400e3, 100, 'moderate', 2],
    [553e3, 20, 'moderate', 1],
    [553e3, 20, 'high', 1],
    [700e3, 10, 'low', 30],
  ] as const)('%d m, B = %d kg/m², %s activity: SGP4 decays the export within 10 %% of odc', (h, B, activity, days) => {
    const rho = cira2012Density({ altitude_m: h, solarActivity: activity }).density_kg_m3;
    const sh = shellSpec({ name: 's', altitude_m: h, inclination_rad: 53 * deg, planes: 1, satsPerPlane: 1 });
    const one: ExportableConstellation = { ...spec, shells: [{ geometry: sh }] };
    const omm = JSON.parse(
      text((s) => writeOmmJson(one, s, { bstar_per_earth_radius: [shellBstar(B, rho, h)] })),
    ) as OMMJsonObject[];
    const satrec = json2satrec(omm[0]!);
    const rate = ((meanSemiMajorAxis_km(satrec, 0) - meanSemiMajorAxis_km(satrec, days * 1440)) * 1000) / days;
    // Left over: SGP4's drag terms beyond the leading one (C2's η terms, the density's (r − s)⁻⁴ slope across the
    // 1 km band) and odc's density slope over the same band: a few per cent.
    expect(rate / odcRate_m_per_day(h, B, activity)).toBeGreaterThan(0.9);
    expect(rate / odcRate_m_per_day(h, B, activity)).toBeLessThan(1.1);
  });

  it('without B* the same satellite keeps its semi-major axis (to the averaging, < 1 m/day)', () => {
    const still = json2satrec((JSON.parse(text((s) => writeOmmJson(spec, s))) as OMMJsonObject[])[0]!);
    expect(Math.abs(meanSemiMajorAxis_km(still, 0) - meanSemiMajorAxis_km(still, 10 * 1440)) * 1000).toBeLessThan(10);
  });
});

describe('frozen eccentricity', () => {
  it('Starlink-like 550 km, 53°: e_f = −(J3/2J2)(R⊕/a) sin i = 8.5999e-4 by hand', () => {
    // −J3/(2J2) = 2.53266e-6 / (2 × 1.0826267e-3) = 1.169680e-3; R⊕/a = 6,378,137 / 6,928,137 = 0.9206135;
    // sin 53° = 0.7986355 → e_f = 1.169680e-3 × 0.9206135 × 0.7986355 = 8.59990e-4
    expect(EARTH_J3).toBe(-2.53266e-6);
    expect(frozenEccentricity(6928137, 53 * deg)).toBeCloseTo(8.5999e-4, 8);
    // Polar 800 km (sin 90° = 1): 1.169680e-3 × 6,378,137/7,178,137 = 1.039320e-3
    expect(frozenEccentricity(7178137, 90 * deg)).toBeCloseTo(1.03932e-3, 8);
  });

  it('csv writes e = e_f, ω = 90°, same u; omm and tle refuse it (their SGP4 mean elements already fly e_f)', () => {
    const rows = text((s) => writeSatelliteCsv(spec, s, { frozenEccentricity: true }))
      .trim()
      .split('\r\n')
      .slice(1)
      .map((r) => r.split(','));
    for (const r of rows) {
      expect(Number(r[12])).toBeCloseTo(8.5999e-4, 8);
      expect(Number(r[13])).toBe(90);
    }
    expect(() => text((s) => writeOmmJson(spec, s, { frozenEccentricity: true }))).toThrow(/SGP4 mean elements/);
    expect(() => text((s) => writeTle(spec, s, { frozenEccentricity: true }))).toThrow(/drop --frozen-eccentricity/);
  });

  /**
   * Osculating eccentricity vector over one orbit from `t0_min`: the first harmonic of r(u) in the argument of latitude
   * u (r ≈ a − a·e·cos(u − ω)), u from the position and the orbit normal. Returns e and ω [deg].
   */
  function eccentricityVector(satrec: SatRec, t0_min: number): { e: number; omega_deg: number } {
    // One period of SGP4's mean argument of latitude (its secular rates [rad/min]), so the samples cover u once.
    const period_min = (2 * Math.PI) / (satrec.mdot + satrec.argpdot);
    const n = 720;
    let c = 0,
      s = 0,
      cu = 0,
      su = 0,
      mean = 0;
    for (let k = 0; k < n; k++) {
      const pv = sgp4(satrec, t0_min + (k * period_min) / n)!;
      const { x, y, z } = pv.position;
      const v = pv.velocity;
      const h = [y * v.z - z * v.y, z * v.x - x * v.z, x * v.y - y * v.x];
      const node = [-h[1]!, h[0]!, 0]; // ẑ × h
      const nn = Math.hypot(node[0]!, node[1]!);
      const hn = Math.hypot(h[0]!, h[1]!, h[2]!);
      // ĥ × n̂: 90° ahead of the node in the plane
      const q = [
        (h[1]! * 0 - h[2]! * node[1]!) / (hn * nn),
        (h[2]! * node[0]! - h[0]! * 0) / (hn * nn),
        (h[0]! * node[1]! - h[1]! * node[0]!) / (hn * nn),
      ];
      const u = Math.atan2(x * q[0]! + y * q[1]! + z * q[2]!, (x * node[0]! + y * node[1]!) / nn);
      const r = Math.hypot(x, y, z);
      mean += r / n;
      c += (2 * r * Math.cos(u)) / n;
      s += (2 * r * Math.sin(u)) / n;
      cu += (2 * Math.cos(u)) / n;
      su += (2 * Math.sin(u)) / n;
    }
    // r = a − a·e·(cos u cos ω + sin u sin ω): c = −a·e·cos ω, s = −a·e·sin ω, less the mean radius's share (samples
    // even in time are uneven in u on an eccentric orbit: ⟨sin u⟩ is of order e).
    c -= mean * cu;
    s -= mean * su;
    return { e: Math.hypot(c, s) / mean, omega_deg: (Math.atan2(-s, -c) * 180) / Math.PI };
  }

  it('SGP4 on the exported omm flies e_f at ω = 90° for 90 days; e_f written as SGP4 mean e would not', () => {
    const omm = JSON.parse(text((s) => writeOmmJson(spec, s))) as OMMJsonObject[];
    const exported = json2satrec(omm[0]!);
    // Hand: e_f = 8.5999e-4 at 550 km, 53° (above); ω̇ = 3/4·n·J2·(R⊕/a)²·(5cos²i − 1) ≈ 3.4°/day here, so a
    // non-frozen eccentricity vector turns by ~300° in 90 days.
    for (const day of [0, 30, 60, 90]) {
      const ev = eccentricityVector(exported, day * 1440);
      expect(ev.e / 8.5999e-4).toBeGreaterThan(0.95);
      expect(ev.e / 8.5999e-4).toBeLessThan(1.05);
      expect(Math.abs(ev.omega_deg - 90)).toBeLessThan(3);
    }
    // The same orbit written with e = e_f as its SGP4 mean eccentricity: SGP4 adds its own e_f, so it starts at
    // 2·e_f and circles (0, e_f) with the secular ω̇: after ~half a turn (day 55) e is near 0.
    const doubled = json2satrec({ ...omm[0]!, ECCENTRICITY: 8.5999e-4, ARG_OF_PERICENTER: 90, MEAN_ANOMALY: 270 });
    expect(eccentricityVector(doubled, 0).e / 8.5999e-4).toBeGreaterThan(1.9);
    expect(eccentricityVector(doubled, 55 * 1440).e / 8.5999e-4).toBeLessThan(0.3);
  });
});
