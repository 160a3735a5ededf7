import { describe, expect, it } from 'vitest';
import { findRow, loadCatalogs } from '../../../src/catalog/load.js';
import {
  EARTH_ROTATION_SPEED_m_s,
  hohmannDeltaV_m_s,
  payloadToOrbit,
  rocketEquationPayload_kg,
  vehiclePayloadToOrbit,
} from '../../../src/models/launch/launchPerformance.js';
import { sunSynchronousInclination } from '../../../src/models/orbit/orbit.js';
import { rad } from '../../helpers/units.js';

const sso = (altitude_km: number): number =>
  sunSynchronousInclination({ altitude_m: altitude_km * 1e3 }).inclination_rad;
const oneKg = 1;

describe('published performance points are reproduced (designs/catalogs/launch-vehicles.yaml)', () => {
  const cat = loadCatalogs();
  it('Long March 2D: 1.3 t to 700 km SSO (CASC via China Daily, 29 Sep 2025)', () => {
    const r = vehiclePayloadToOrbit(findRow(cat, 'launchVehicles', 'long-march-2d', 't'), 700e3, sso(700));
    expect(r.payload_kg).toBeCloseTo(1300, 6);
    expect(r.basis).toBe('published');
  });
  it('Electron: 200 kg to 500 km SSO (Rocket Lab, Aug 2020)', () => {
    const r = vehiclePayloadToOrbit(findRow(cat, 'launchVehicles', 'electron', 't'), 500e3, sso(500));
    expect(r.payload_kg).toBeCloseTo(200, 6);
    expect(r.basis).toBe('published');
  });
  it('Falcon 9 expendable: 22.8 t to LEO (SpaceX vehicle page; 200 km × 28.5° as the row states)', () => {
    const r = vehiclePayloadToOrbit(findRow(cat, 'launchVehicles', 'falcon-9-expendable', 't'), 200e3, rad(28.5));
    expect(r.payload_kg).toBeCloseTo(22800, 6);
    expect(r.basis).toBe('published');
  });
  it('Long March 2D at 500 km SSO is about the published SSO figure, far below its 3.5–4 t LEO quote', () => {
    const r = vehiclePayloadToOrbit(findRow(cat, 'launchVehicles', 'long-march-2d', 't'), 500e3, sso(500));
    // between the 700 km SSO point (1.3 t) and the 200 km LEO point (4 t), linear in inclination at 500 km
    expect(r.payload_kg).toBeGreaterThan(1300);
    expect(r.payload_kg).toBeLessThan(2000);
    expect(r.basis).toBe('extrapolated');
  });
  it('a row without points is an estimate (Falcon Heavy)', () => {
    expect(vehiclePayloadToOrbit(findRow(cat, 'launchVehicles', 'falcon-heavy', 't'), 550e3, rad(53)).basis).toBe(
      'estimate',
    );
  });
});

describe('interpolation (hand calculations)', () => {
  const stage = { dryMass_kg: 1000, isp_s: 300 };
  const reference = { altitude_m: 200e3, inclination_rad: rad(28.5), payload_kg: 1000 };
  const curve = (inc: number, pts: [number, number][]) =>
    pts.map(([h, m]) => ({ altitude_m: h * 1e3, inclination: rad(inc), payload_kg: m }));
  it('linear in altitude along one curve: (300 km, 1000 kg)–(500 km, 800 kg) → 900 kg at 400 km', () => {
    const r = payloadToOrbit({
      points: curve(53, [
        [300, 1000],
        [500, 800],
      ]),
      reference,
      upperStage: stage,
      altitude_m: 400e3,
      inclination_rad: rad(53),
    });
    expect(r.payload_kg).toBeCloseTo(900, 9);
    expect(r.basis).toBe('interpolated');
  });
  it('linear in inclination between curves: 1000 kg at 30°, 700 kg at 60° → 850 kg at 45°', () => {
    const points = [...curve(30, [[400, 1000]]), ...curve(60, [[400, 700]])];
    const r = payloadToOrbit({ points, reference, upperStage: stage, altitude_m: 400e3, inclination_rad: rad(45) });
    expect(r.payload_kg).toBeCloseTo(850, 9);
  });
  it('beyond the published inclinations: Earth-rotation ΔV v⊕(cos i_c − cos i) through the rocket equation', () => {
    // From 28.5° to 90°: Δv = 465.1 × cos 28.5° = 408.7 m/s; (1000 + 1000)·exp(−408.7/(9.80665·300)) − 1000
    const r = payloadToOrbit({ points: [], reference, upperStage: stage, altitude_m: 200e3, inclination_rad: rad(90) });
    const dv = 465.1 * Math.cos(rad(28.5));
    expect(r.extrapolationDeltaV_m_s).toBeCloseTo(dv, 0);
    expect(r.payload_kg).toBeCloseTo(2000 * Math.exp(-dv / (9.80665 * 300)) - 1000, 0);
    expect(r.basis).toBe('estimate');
    expect(EARTH_ROTATION_SPEED_m_s).toBeCloseTo(465.1, 1);
  });
  it('rocket equation: Δv = g₀·Isp·ln 2 halves payload + dry mass (1000 + 1000 kg → 0 payload)', () => {
    expect(rocketEquationPayload_kg(1000, 9.80665 * 300 * Math.LN2, stage)).toBeCloseTo(0, 6);
    expect(rocketEquationPayload_kg(1000, 0, stage)).toBe(1000);
  });
  it('Hohmann ΔV: Vallado 4th ed. Example 6-1, 191.344 km → GEO (35,781.349 km) = 3.935224 km/s', () => {
    expect(hohmannDeltaV_m_s(191.34411e3, 35781.34857e3)).toBeCloseTo(3935.224, 0);
    expect(hohmannDeltaV_m_s(35781.34857e3, 191.34411e3)).toBeCloseTo(-3935.224, 0);
  });
  it('the rule alone is optimistic far from a published point (stated in the header): LM-2D 4 t LEO → > 1.3 t at 700 km SSO', () => {
    const cat = loadCatalogs();
    const lm2d = findRow(cat, 'launchVehicles', 'long-march-2d', 't');
    const ruleOnly = vehiclePayloadToOrbit(
      { ...lm2d, performance: undefined, payloadLeo_kg: 4000, referenceAltitude_km: 200 },
      700e3,
      sso(700),
    );
    expect(ruleOnly.payload_kg).toBeGreaterThan(1300 + oneKg);
  });
});
