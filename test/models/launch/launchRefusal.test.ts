/**
 * The refusals the launch catalog states (designs/catalogs/launch-vehicles.yaml,
 * src/models/launch/launchPerformance.ts)
 * against hand-computed ΔV from the catalog's own points.
 */
import { describe, expect, it } from 'vitest';
import { findRow, loadCatalogs } from '../../../src/catalog/load.js';
import {
  MEASURED_EXTRAPOLATION_DELTA_V_m_s,
  vehiclePayloadToOrbit,
} from '../../../src/models/launch/launchPerformance.js';
import { sunSynchronousInclination } from '../../../src/models/orbit/orbit.js';
import { rad } from '../../helpers/units.js';
import { STANDARD_GRAVITY_m_s2 as G0 } from '../../helpers/constants.js';

const sso = (altitude_km: number): number =>
  sunSynchronousInclination({ altitude_m: altitude_km * 1e3 }).inclination_rad;

/**
 * Refusals the catalog states (designs/catalogs/launch-vehicles.yaml): beyond 700 m/s of extrapolation, and a
 * sun-synchronous orbit for a row marked ssoNotOffered. ΔV hand-computed (vis-viva Hohmann, Vallado 2013 §6.3.1; the
 * Earth-rotation ΔV 465.1 m/s × (cos i_c − cos i), IERS 2010 rate × WGS-84 radius; J2 SSO inclination) from the
 * New Glenn row's one point, 45 t to 200 km × 28.5°:
 *   600 km SSO (97.788°): Hohmann 200 → 600 km 226.35 m/s + 465.1 × (cos 28.5° − cos 97.788°) 471.76 = 698.1 m/s;
 *   610 km SSO (97.827°): 231.75 + 472.08 = 703.8 m/s.
 */
describe('refusals stated by the catalog', () => {
  const cat = loadCatalogs();
  const ng = findRow(cat, 'launchVehicles', 'new-glenn', 't');
  it('New Glenn to 600 km SSO needs 698.1 m/s (inside the 700 m/s limit): kept, extrapolated', () => {
    const r = vehiclePayloadToOrbit(ng, 600e3, sso(600));
    expect(r.basis).toBe('extrapolated');
    expect(r.extrapolationDeltaV_m_s).toBeCloseTo(698.1, 0);
    // default stage (row has none): dry 20 % × 45 t = 9 t, 340 s
    expect(r.payload_kg).toBeCloseTo(54000 * Math.exp(-698.1 / (G0 * 340)) - 9000, -1);
  });
  it('New Glenn to 610 km SSO needs 703.8 m/s (past the limit): refused, payload 0, the ΔV and why stated', () => {
    const r = vehiclePayloadToOrbit(ng, 610e3, sso(610));
    expect(r.basis).toBe('refused');
    expect(r.payload_kg).toBe(0);
    expect(r.extrapolationDeltaV_m_s).toBeCloseTo(703.8, 0);
    expect(r.refusal).toMatch(/needs 704 m\/s of extrapolation .* past the 700 m\/s limit/);
  });
  it('the limit is the measured range the model header names', () => {
    expect(MEASURED_EXTRAPOLATION_DELTA_V_m_s).toBe(700);
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
