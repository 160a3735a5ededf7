/**
 * Orbit hand-off (src/constellation/export/orbitHandoff.ts and its use by the OMM/TLE writers): B* from the ballistic
 * coefficient (Spacetrack Report #3 reference density, hand calculation), the J2–J3 frozen eccentricity (hand
 * calculation for a Starlink-like 550 km, 53° shell), and an exported satellite that satellite.js's SGP4 decays at a
 * rate within a stated factor of odc's own CIRA-2012 drag model (src/models/drag).
 */
import { json2satrec, sgp4, twoline2satrec, type OMMJsonObject, type SatRec } from 'satellite.js';
import { describe, expect, it } from 'vitest';
import {
  bstar_per_earth_radius,
  EARTH_J3,
  frozenEccentricity,
} from '../../../src/constellation/export/orbitHandoff.js';
import {
  writeOmmJson,
  writeTle,
  type ExportableConstellation,
} from '../../../src/constellation/export/exportSatellites.js';
import { decayIntegral_s_m2_per_kg } from '../../../src/models/drag/atmosphere.js';
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
    const tle = text((s) => writeTle(spec, s, { ballisticCoefficients_kg_m2: [100] })).split('\n');
    expect(tle[1]!.slice(53, 61)).toBe(' 78483-3');
    expect(twoline2satrec(tle[1]!, tle[2]!).bstar).toBeCloseTo(7.8483e-4, 9);
    const omm = JSON.parse(
      text((s) => writeOmmJson(spec, s, { ballisticCoefficients_kg_m2: [100] })),
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

describe('an exported satellite decays in SGP4', () => {
  it('550 km, B = 100 kg/m²: the semi-major axis falls, at 1–5× odc’s CIRA-2012 moderate-activity rate', () => {
    const omm = JSON.parse(
      text((s) => writeOmmJson(spec, s, { ballisticCoefficients_kg_m2: [100] })),
    ) as OMMJsonObject[];
    const satrec = json2satrec(omm[0]!);
    const days = 10;
    const a0 = meanSemiMajorAxis_km(satrec, 0);
    const a1 = meanSemiMajorAxis_km(satrec, days * 1440);
    const sgp4Rate_m_per_day = ((a0 - a1) * 1000) / days;
    expect(sgp4Rate_m_per_day).toBeGreaterThan(0);
    // odc: time to fall 550 → 549 km is B·(S(550 km) − S(549 km)) (models/drag/atmosphere.ts), rate = 1 km / that.
    const odcRate = (activity: 'low' | 'moderate' | 'high'): number =>
      1000 /
      ((100 * (decayIntegral_s_m2_per_kg(550e3, activity) - decayIntegral_s_m2_per_kg(549e3, activity))) / 86400);
    const ratio = sgp4Rate_m_per_day / odcRate('moderate');
    expect(ratio).toBeGreaterThan(1);
    expect(ratio).toBeLessThan(5);
    // SGP4's fixed atmosphere sits inside odc's solar-activity range: between the low and high rates ×/÷ 2.
    expect(sgp4Rate_m_per_day).toBeGreaterThan(odcRate('low'));
    expect(sgp4Rate_m_per_day).toBeLessThan(2 * odcRate('high'));
    // Without B* the same satellite keeps its semi-major axis (to the averaging, < 1 m/day).
    const still = json2satrec((JSON.parse(text((s) => writeOmmJson(spec, s))) as OMMJsonObject[])[0]!);
    expect(Math.abs(meanSemiMajorAxis_km(still, 0) - meanSemiMajorAxis_km(still, days * 1440)) * 1000).toBeLessThan(
      days,
    );
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

  it('exported frozen: e = e_f, ω = 90°, M = u − 90°; the default stays circular', () => {
    const frozen = JSON.parse(text((s) => writeOmmJson(spec, s, { frozenEccentricity: true }))) as OMMJsonObject[];
    const circular = JSON.parse(text((s) => writeOmmJson(spec, s))) as OMMJsonObject[];
    for (let k = 0; k < frozen.length; k++) {
      expect(frozen[k]!.ECCENTRICITY).toBeCloseTo(8.5999e-4, 8);
      expect(frozen[k]!.ARG_OF_PERICENTER).toBe(90);
      const u = (circular[k]!.ARG_OF_PERICENTER as number) + (circular[k]!.MEAN_ANOMALY as number);
      expect(((((frozen[k]!.MEAN_ANOMALY as number) + 90 - u) % 360) + 360) % 360).toBeCloseTo(0, 9);
      expect(circular[k]!.ECCENTRICITY).toBe(1e-7);
    }
    const tle = text((s) => writeTle(spec, s, { frozenEccentricity: true })).split('\n');
    expect(tle[2]!.slice(26, 33)).toBe('0008600');
    expect(tle[2]!.slice(34, 42)).toBe(' 90.0000');
  });
});
