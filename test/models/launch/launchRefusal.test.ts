/**
 * The refusals the launch catalog states (designs/catalogs/launch-vehicles.yaml,
 * src/models/launch/launchPerformance.ts)
 * against hand-computed ΔV from the catalog's own points.
 */
import { describe, expect, it } from 'vitest';
import { findRow, loadCatalogs } from '../../../src/catalog/load.js';
import {
  EXTRAPOLATION_LIMIT_DELTA_V_m_s,
  MEASURED_EXTRAPOLATION_DELTA_V_m_s,
  vehiclePayloadToOrbit,
  type PayloadToOrbitResult,
} from '../../../src/models/launch/launchPerformance.js';
import { sunSynchronousInclination } from '../../../src/models/orbit/orbit.js';
import { rad } from '../../helpers/units.js';
import { STANDARD_GRAVITY_m_s2 as G0 } from '../../helpers/constants.js';

const sso = (altitude_km: number): number =>
  sunSynchronousInclination({ altitude_m: altitude_km * 1e3 }).inclination_rad;

/**
 * The derating and refusals the catalog states (designs/catalogs/launch-vehicles.yaml): the rule's payload × (1 −
 * ΔV⁺/1,400 m/s), refused beyond 1,400 m/s of extrapolation, and a sun-synchronous orbit for a row marked
 * ssoNotOffered. ΔV hand-computed (vis-viva Hohmann, Vallado 2013 §6.3.1; the Earth-rotation ΔV 465.1 m/s × (cos i_c −
 * cos i), IERS 2010 rate × WGS-84 radius; J2 SSO inclination) from the New Glenn row's one point, 45 t to 200 km ×
 * 28.5°:
 *   600 km SSO (97.788°): Hohmann 200 → 600 km 226.35 m/s + 465.1 × (cos 28.5° − cos 97.788°) 471.76 = 698.1 m/s;
 *   610 km SSO (97.827°): 231.75 + 472.08 = 703.8 m/s.
 */
describe('derating and refusals stated by the catalog', () => {
  const cat = loadCatalogs();
  const ng = findRow(cat, 'launchVehicles', 'new-glenn', 't');
  // default stage (row has none): dry 20 % × 45 t = 9 t, 340 s; all of the ΔV is toward the harder orbit
  const byHand = (dv: number): number => (54000 * Math.exp(-dv / (G0 * 340)) - 9000) * (1 - dv / 1400);
  it('New Glenn to 600 km SSO needs 698.1 m/s: extrapolated, the rule derated to about half', () => {
    const r = vehiclePayloadToOrbit(ng, 600e3, sso(600));
    expect(r.basis).toBe('extrapolated');
    expect(r.extrapolationDeltaV_m_s).toBeCloseTo(698.1, 0);
    expect(r.derating).toBeCloseTo(1 - 698.1 / 1400, 3);
    expect(r.payload_kg).toBeCloseTo(byHand(698.1), -1);
  });
  it('New Glenn to 610 km SSO needs 703.8 m/s (past the old 700 m/s cliff): kept, derated as at 600 km', () => {
    const r = vehiclePayloadToOrbit(ng, 610e3, sso(610));
    expect(r.basis).toBe('extrapolated');
    expect(r.extrapolationDeltaV_m_s).toBeCloseTo(703.8, 0);
    expect(r.payload_kg).toBeCloseTo(byHand(703.8), -1);
  });
  it('no cliff across 700 m/s: the payloads at 699 and 701 m/s of extrapolation differ by < 1 %', () => {
    // the SSO altitude where New Glenn's extrapolation reaches a given ΔV (it grows with altitude), by bisection
    const at = (dv: number): PayloadToOrbitResult => {
      let [lo, hi] = [600, 620];
      for (let k = 0; k < 60; k++) {
        const mid = (lo + hi) / 2;
        if (vehiclePayloadToOrbit(ng, mid * 1e3, sso(mid)).extrapolationDeltaV_m_s < dv) lo = mid;
        else hi = mid;
      }
      return vehiclePayloadToOrbit(ng, lo * 1e3, sso(lo));
    };
    const [a, b] = [at(699), at(701)];
    expect(a.extrapolationDeltaV_m_s).toBeCloseTo(699, 3);
    expect(b.extrapolationDeltaV_m_s).toBeCloseTo(701, 3);
    expect(b.basis).toBe('extrapolated');
    // the derated rule's slope by hand: d ln P/dΔV ≈ (P + m_d)/(P g₀ Isp) + 1/(1400 − ΔV) ≈ 2.1e-3 per m/s → ~0.4 %
    expect(Math.abs(b.payload_kg / a.payload_kg - 1)).toBeLessThan(0.01);
    expect(Math.abs(b.payload_kg / a.payload_kg - 1)).toBeGreaterThan(0.001);
  });
  it('refused past the 1,400 m/s limit, naming it; just inside it the derated payload is near zero (no cliff)', () => {
    expect(EXTRAPOLATION_LIMIT_DELTA_V_m_s).toBe(2 * MEASURED_EXTRAPOLATION_DELTA_V_m_s);
    expect(MEASURED_EXTRAPOLATION_DELTA_V_m_s).toBe(700);
    // 300 km × 28.5° published by a made-up row; to 300 km × 180° − 28.5° (retrograde) needs
    // 465.1 × 2 cos 28.5° = 817.5 m/s; to 1,500 km × 151.5° adds Hohmann 300 → 1,500 km (611.6 m/s): 1,429 m/s,
    // refused; to 1,400 km, 566.3 m/s more: 1,383.8 m/s, kept with 1 − 1383.8/1400 = 1.2 % of the rule's payload
    const row = {
      upperStage: { dryMass_kg: 4000, isp_s: 348 },
      performance: [{ altitude_km: 300, inclination_deg: 28.5, payload_kg: 20000 }],
    };
    const retro = vehiclePayloadToOrbit(row, 300e3, rad(151.5));
    expect(retro.extrapolationDeltaV_m_s).toBeCloseTo(2 * 465.1 * Math.cos(rad(28.5)), 0);
    const far = vehiclePayloadToOrbit(row, 1500e3, rad(151.5));
    expect(far).toMatchObject({ basis: 'refused', payload_kg: 0, derating: 0 });
    expect(far.extrapolationDeltaV_m_s).toBeCloseTo(1429.1, 0);
    expect(far.refusal).toMatch(
      /needs 14\d\d m\/s of extrapolation beyond its published points, past the 1400 m\/s limit/,
    );
    const near = vehiclePayloadToOrbit(row, 1400e3, rad(151.5));
    expect(near.basis).toBe('extrapolated');
    expect(near.extrapolationDeltaV_m_s).toBeCloseTo(1383.8, 0);
    expect(near.derating).toBeCloseTo(1 - 1383.8 / 1400, 3);
    const rule = 24000 * Math.exp(-1383.8 / (G0 * 348)) - 4000;
    expect(near.payload_kg).toBeCloseTo(rule * (1 - 1383.8 / 1400), -1);
    expect(near.payload_kg).toBeLessThan(0.02 * 20000);
  });
  it('Long March 5B (no upper stage, ssoNotOffered) is refused for 500 km SSO, though the rule would need ~580 m/s', () => {
    const lm5 = findRow(cat, 'launchVehicles', 'long-march-5', 't');
    expect(lm5.ssoNotOffered).toMatch(/no sun-synchronous flight/);
    const r = vehiclePayloadToOrbit(lm5, 500e3, sso(500));
    expect(r).toMatchObject({ payload_kg: 0, basis: 'refused' });
    expect(r.refusal).toMatch(/^not offered for sun-synchronous orbits: no sun-synchronous flight/);
    // without the mark the rule gives an extrapolated payload within the limit (Hohmann 200 → 500 km 171.6 m/s +
    // 465.1 × (cos 41.5° − cos 97.40°) 408.2 m/s = 579.9 m/s)
    const { ssoNotOffered: _, ...unmarked } = lm5;
    const u = vehiclePayloadToOrbit(unmarked, 500e3, sso(500));
    expect(u.basis).toBe('extrapolated');
    expect(u.extrapolationDeltaV_m_s).toBeCloseTo(579.9, 0);
  });
  it('Long March 5B is kept for a non-SSO LEO within the limit: 400 km × 41.5° (Hohmann 200 → 400 km)', () => {
    const r = vehiclePayloadToOrbit(findRow(cat, 'launchVehicles', 'long-march-5', 't'), 400e3, rad(41.5));
    expect(r.basis).toBe('extrapolated');
    expect(r.payload_kg).toBeGreaterThan(0);
  });
});
