/**
 * Launch performance against published figures: every catalogued point reproduced, the rocket-equation rule checked
 * against a held-out published point, and the Starship estimate against the Users Guide's stated envelope.
 * Figures are transcribed here from their sources, independently of designs/catalogs/launch-vehicles.yaml.
 */
import { describe, expect, it } from 'vitest';
import { findRow, loadCatalogs } from '../../../src/catalog/load.js';
import type { LaunchVehicleRow } from '../../../src/catalog/schema.js';
import { vehiclePayloadToOrbit } from '../../../src/models/launch/launchPerformance.js';
import { sunSynchronousInclination } from '../../../src/models/orbit/orbit.js';
import { rad } from '../../helpers/units.js';

const ssoInclination = (altitude_km: number): number =>
  sunSynchronousInclination({ altitude_m: altitude_km * 1e3 }).inclination_rad;
const inclinationOf = (i: number | 'sso', altitude_km: number): number =>
  i === 'sso' ? ssoInclination(altitude_km) : rad(i);

interface Published {
  readonly row: string;
  readonly altitude_km: number;
  readonly inclination: number | 'sso';
  readonly payload_kg: number;
  readonly source: string;
}

const PUBLISHED: readonly Published[] = [
  {
    row: 'falcon-9',
    altitude_km: 300,
    inclination: 53,
    payload_kg: 17400,
    source: 'Starlink V2-mini stack (spacecost, 2026); orbit assumed',
  },
  {
    row: 'falcon-9-expendable',
    altitude_km: 200,
    inclination: 28.5,
    payload_kg: 22800,
    source: 'SpaceX Falcon 9 page (2024); orbit assumed',
  },
  {
    row: 'new-glenn',
    altitude_km: 200,
    inclination: 28.5,
    payload_kg: 45000,
    source: "New Glenn Payload User's Guide rev C (2020); orbit assumed",
  },
  {
    row: 'long-march-2d',
    altitude_km: 700,
    inclination: 'sso',
    payload_kg: 1300,
    source: 'CASC via China Daily (29 Sep 2025)',
  },
  {
    row: 'long-march-2d',
    altitude_km: 200,
    inclination: 41,
    payload_kg: 4000,
    source: 'CASC via China Daily (29 Sep 2025); orbit assumed',
  },
  {
    row: 'long-march-5',
    altitude_km: 200,
    inclination: 41.5,
    payload_kg: 22000,
    source: 'CASC/CMSA via Xinhua (5 May 2020); inclination assumed',
  },
  {
    row: 'electron',
    altitude_km: 500,
    inclination: 'sso',
    payload_kg: 200,
    source: 'Rocket Lab capacity announcement (Aug 2020)',
  },
  {
    row: 'electron',
    altitude_km: 185,
    inclination: 45,
    payload_kg: 300,
    source: 'Rocket Lab capacity announcement (Aug 2020); orbit assumed',
  },
];

const cat = loadCatalogs();
const row = (id: string): LaunchVehicleRow => findRow(cat, 'launchVehicles', id, 'test');
const withOnly = (r: LaunchVehicleRow, keep: (inc: number | 'sso') => boolean): LaunchVehicleRow => ({
  ...r,
  performance: r.performance!.filter((p) => keep(p.inclination_deg)),
});

describe('every published point is reproduced exactly', () => {
  for (const p of PUBLISHED) {
    it(`${p.row}: ${p.payload_kg} kg to ${p.altitude_km} km × ${p.inclination} (${p.source})`, () => {
      const r = vehiclePayloadToOrbit(row(p.row), p.altitude_km * 1e3, inclinationOf(p.inclination, p.altitude_km));
      expect(r.payload_kg).toBe(p.payload_kg);
      expect(r.basis).toBe('published');
      expect(r.extrapolationDeltaV_m_s).toBe(0);
    });
  }
  it('the list above holds every point of the catalog (a new point needs its transcription here)', () => {
    const key = (id: string, h: number, i: number | 'sso'): string => `${id}|${h}|${i}`;
    const catalogued = cat.launchVehicles.flatMap((r) =>
      (r.performance ?? []).map((p) => key(r.id, p.altitude_km, p.inclination_deg)),
    );
    expect(new Set(catalogued)).toEqual(new Set(PUBLISHED.map((p) => key(p.row, p.altitude_km, p.inclination))));
    for (const p of PUBLISHED) {
      const pt = row(p.row).performance!.find(
        (q) => q.altitude_km === p.altitude_km && q.inclination_deg === p.inclination,
      )!;
      expect(pt.payload_kg).toBe(p.payload_kg);
    }
  });
  it('rows without points are estimates at any orbit', () => {
    for (const id of ['falcon-heavy', 'falcon-heavy-expendable', 'starship', 'starship-v2']) {
      expect(row(id).performance).toBeUndefined();
      expect(vehiclePayloadToOrbit(row(id), 550e3, ssoInclination(550)).basis).toBe('estimate');
    }
  });
});

/**
 * Held-out check of the rocket-equation rule (Hohmann + Earth-rotation ΔV): predict each of a row's two published
 * points from the other alone. Tolerance, as the model header states: the rule may be optimistic by up to +100 % when
 * moving to the harder orbit (higher, sun-synchronous) and pessimistic by up to −45 % when moving to the easier one,
 * never the other way round. Both LEO points carry an assumed orbit, which is part of the measured error.
 */
describe('rocket-equation rule against a held-out published point', () => {
  const cases = [
    { id: 'electron', sso: { h: 500, m: 200 }, leo: { h: 185, i: 45, m: 300 } },
    { id: 'long-march-2d', sso: { h: 700, m: 1300 }, leo: { h: 200, i: 41, m: 4000 } },
  ];
  for (const c of cases) {
    it(`${c.id}: LEO point → ${c.sso.h} km SSO is optimistic by at most 100 %`, () => {
      const r = vehiclePayloadToOrbit(
        withOnly(row(c.id), (i) => i !== 'sso'),
        c.sso.h * 1e3,
        ssoInclination(c.sso.h),
      );
      const err = r.payload_kg / c.sso.m - 1;
      expect(r.basis).toBe('extrapolated');
      expect(err).toBeGreaterThan(0);
      expect(err).toBeLessThanOrEqual(1.0);
    });
    it(`${c.id}: SSO point → ${c.leo.h} km × ${c.leo.i}° is pessimistic by at most 45 %`, () => {
      const r = vehiclePayloadToOrbit(
        withOnly(row(c.id), (i) => i === 'sso'),
        c.leo.h * 1e3,
        rad(c.leo.i),
      );
      const err = r.payload_kg / c.leo.m - 1;
      expect(r.basis).toBe('extrapolated');
      expect(err).toBeLessThan(0);
      expect(err).toBeGreaterThanOrEqual(-0.45);
    });
  }
});

describe('Starship: the Users Guide bound (rev 1.0, March 2020, Table 3 note 1)', () => {
  // '100+ t to LEO', note 1: 'up to 500-km circular orbit at up to 98.9-deg inclination'.
  const ship = row('starship');
  it('reproduces 100 t at the bound’s hardest corner, 500 km × 98.9°', () => {
    expect(vehiclePayloadToOrbit(ship, 500e3, rad(98.9)).payload_kg).toBeCloseTo(100000, 6);
  });
  it('gives at least 100 t at every orbit inside the envelope (≤ 500 km, ≤ 98.9°), labelled an estimate', () => {
    for (const h of [200, 300, 400, 500]) {
      const incs = [28.5, 53, 70, 90, 98.9].map(rad).concat(h >= 300 ? [ssoInclination(h)] : []);
      for (const i of incs) {
        const r = vehiclePayloadToOrbit(ship, h * 1e3, i);
        expect(r.payload_kg).toBeGreaterThanOrEqual(100000 - 1e-6);
        expect(r.basis).toBe('estimate');
      }
    }
  });
});
