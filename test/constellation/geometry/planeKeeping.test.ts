/**
 * Plane keeping of sun-synchronous shells (src/constellation/geometry/planeKeeping.ts) against hand calculations:
 * the differential J2 nodal drift per inclination error (the 0.47°/yr per 0.01° at the knee's 553 km), the
 * inclination tolerance that holds neighbouring planes within half their spacing over the life, and the plane-change
 * Δv 2v·sin(δi/2) of the trim; and its place in the node's station-keeping Δv (clusterKeeping.ts).
 */
import { describe, expect, it } from 'vitest';
import { planeKeeping } from '../../../src/constellation/geometry/planeKeeping.js';
import { planeKeepingRecord, withFormationKeeping } from '../../../src/constellation/geometry/clusterKeeping.js';
import type { NodeDesign } from '../../../src/node/design/schema.js';
import { clusterShell, shell, ssoShell } from '../../helpers/shellSpec.js';
import { deg } from '../../helpers/units.js';

// The knee-like dawn–dusk band: 553 km, 97.6°, 5 planes 0.205° apart in RAAN (LTAN band 0.205°·5 / 15°/h).
const band = ssoShell({ altitude_m: 553e3, inclination_rad: 97.6 * deg, planes: 5, ltanBand_h: (0.205 * 5) / 15 });

describe('plane keeping of a sun-synchronous band', () => {
  it('553 km, 97.6°: nodes drift 0.4706°/yr per 0.01° of inclination (hand)', () => {
    // a = 6,931,137 m; n = √(μ/a³) = 1.094113e-3 rad/s; (R⊕/a)² = 0.846789; sin 97.6° = 0.991216;
    // (3/2)·n·J2·(R⊕/a)²·sin i = 1.5 × 1.094113e-3 × 1.0826267e-3 × 0.846789 × 0.991216 = 1.491348e-6 rad/s per rad;
    // × 0.01° (1.745329e-4 rad) × 31,557,600 s = 8.21408e-3 rad/yr = 0.47063°/yr.
    const k = planeKeeping(band, 5)!;
    expect(k.driftPerInclination_per_s).toBeCloseTo(1.491348e-6, 11);
    expect((k.driftPerInclination_per_s * 0.01 * deg * 31_557_600) / deg).toBeCloseTo(0.47063, 4);
    expect(k.planeSpacing_rad / deg).toBeCloseTo(0.205, 10);
  });

  it('5 yr: tolerance 4.356e-4°, trim 0.09956° of the 0.1° dispersion, Δv 13.18 m/s per satellite (hand)', () => {
    // δi_tol = ½ × 0.205° / (47.063°/yr per degree × 5 yr) = 4.3558e-4°; trim = 0.1° − δi_tol = 0.0995644°;
    // v = √(μ/a) = 7,583.447 m/s; Δv = 2v·sin(trim/2) = 2 × 7,583.447 × sin(0.0497822°) = 13.1780 m/s.
    const k = planeKeeping(band, 5)!;
    expect(k.tolerance_rad / deg).toBeCloseTo(4.3558e-4, 7);
    expect(k.trim_rad / deg).toBeCloseTo(0.0995644, 6);
    expect(k.deltaV_m_s).toBeCloseTo(13.178, 2);
    // A longer life tightens the tolerance: more trim, more Δv (bounded by the whole dispersion, 13.235 m/s).
    expect(planeKeeping(band, 10)!.deltaV_m_s).toBeGreaterThan(k.deltaV_m_s);
    expect(planeKeeping(band, 10)!.deltaV_m_s).toBeLessThan(2 * 7583.447 * Math.sin(0.05 * deg));
  });

  it('planes 60° apart (6-plane Walker delta SSO at 650 km) tolerate more than the dispersion: no trim', () => {
    // δi_tol = ½ × 60° / (drift × 5 yr) = 0.134° > 0.1°.
    const k = planeKeeping(ssoShell({ pattern: 'walker-delta', planes: 6 }), 5)!;
    expect(k.tolerance_rad / deg).toBeCloseTo(0.134, 3);
    expect(k.trim_rad).toBe(0);
    expect(k.deltaV_m_s).toBe(0);
  });

  it('not budgeted for non-SSO shells, one plane or clusters', () => {
    expect(planeKeeping(shell({}), 5)).toBeNull();
    expect(planeKeeping({ ...band, planes: 1 }, 5)).toBeNull();
    expect(planeKeeping(clusterShell({}), 5)).toBeNull();
  });

  it("joins the node's station keeping as Δv per year of life, and the shell record in degrees", () => {
    const node = {
      mission: { lifetime_yr: 5 },
      drag: { formationKeepingDeltaV_m_s_per_yr: 1 },
    } as unknown as NodeDesign;
    const kept = withFormationKeeping(node, band);
    expect(kept.drag.formationKeepingDeltaV_m_s_per_yr).toBeCloseTo(1 + 13.178 / 5, 3);
    expect(withFormationKeeping(node, shell({}))).toBe(node);
    const r = planeKeepingRecord(band, node)!;
    expect(r.nodalDriftPerHundredthDegree_deg_per_yr).toBeCloseTo(0.47063, 4);
    expect(r.injectionDispersion_deg).toBeCloseTo(0.1, 12);
    expect(r.deltaV_m_s).toBeCloseTo(13.178, 2);
    expect(planeKeepingRecord(shell({}), node)).toBeNull();
  });
});
