/**
 * The parts of src/models/orbit/relativeMotion.ts the two-body oracles of relativeMotion.test.ts do not reach: HCW
 * velocities away from θ = 0, the analytic zeros and eccentricity scaling of the J2 secular rates (Vallado 2013
 * Eq. 9-41), the along-track drift and its semi-major-axis bias, and the input checks.
 */
import { describe, expect, it } from 'vitest';
import {
  differentialElements,
  formationKeeping,
  hcwState,
  j2SecularRates,
  meanMotion_rad_s,
  type DifferentialElements,
  type RelativeOrbit,
} from '../../../src/models/orbit/relativeMotion.js';
import { deg } from '../../helpers/units.js';

const MU = 3.986004418e14; // m³/s², WGS-84 GM
const RE = 6378137; // m
const J2 = 1.0826267e-3;
const a = RE + 650e3;
const none: DifferentialElements = {
  deltaEx: 0,
  deltaEy: 0,
  deltaInclination_rad: 0,
  deltaRaan_rad: 0,
  deltaArgumentOfLatitude_rad: 0,
};

describe('hcwState velocities are the time derivatives of its positions', () => {
  it('central differences of x, y, z over ±0.01 s match vx, vy, vz at several phases', () => {
    const o: RelativeOrbit = { c1_m: 300, c2_m: -400, alongTrackOffset_m: 50, d1_m: 120, d2_m: -70 };
    const n = meanMotion_rad_s(a);
    const h_s = 0.01;
    for (const theta of [0.3, 1.9, 4]) {
      const s = hcwState(o, theta, n);
      const fwd = hcwState(o, theta + n * h_s, n),
        back = hcwState(o, theta - n * h_s, n);
      // truncation error of a central difference: (h²/6)·|x'''| ≈ 1.7e-5 × 500 m × n³ — far below 1e-9 m/s
      expect((fwd.x_m - back.x_m) / (2 * h_s)).toBeCloseTo(s.vx_m_s, 8);
      expect((fwd.y_m - back.y_m) / (2 * h_s)).toBeCloseTo(s.vy_m_s, 8);
      expect((fwd.z_m - back.z_m) / (2 * h_s)).toBeCloseTo(s.vz_m_s, 8);
    }
  });

  it('mean motion of a 650 km orbit: √(μ/a³) = 1.0554e-3 rad/s (period 97.7 min)', () => {
    // a = 7,028,137 m; a³ = 3.4715e20 m³; μ/a³ = 1.14821e-6 s⁻²
    expect(meanMotion_rad_s(a)).toBeCloseTo(Math.sqrt(MU / a ** 3), 15);
    expect((2 * Math.PI) / meanMotion_rad_s(a) / 60).toBeCloseTo(97.73, 2);
  });
});

describe('J2 secular rates: analytic zeros and eccentricity scaling (Vallado 2013 Eq. 9-41)', () => {
  const n = Math.sqrt(MU / a ** 3);
  const k = n * J2 * (RE / a) ** 2; // e = 0: p = a
  it('the node does not move at 90°, and regresses at 1.5·n·J2·(R⊕/a)²·cos i otherwise', () => {
    expect(j2SecularRates({ semiMajorAxis_m: a, eccentricity: 0, inclination_rad: 90 * deg }).raan).toBeCloseTo(0, 20);
    expect(j2SecularRates({ semiMajorAxis_m: a, eccentricity: 0, inclination_rad: 0 }).raan).toBeCloseTo(-1.5 * k, 18);
  });

  it('perigee is frozen at the critical inclination 63.435° (sin² i = 4/5) and turns at 3k at the equator', () => {
    const critical = Math.asin(Math.sqrt(0.8));
    expect(critical / deg).toBeCloseTo(63.435, 3);
    const r = j2SecularRates({ semiMajorAxis_m: a, eccentricity: 0, inclination_rad: critical });
    expect(r.argumentOfPerigee).toBeCloseTo(0, 18);
    // 0.75·k·(4 − 0) = 3k
    expect(j2SecularRates({ semiMajorAxis_m: a, eccentricity: 0, inclination_rad: 0 }).argumentOfPerigee).toBeCloseTo(
      3 * k,
      18,
    );
  });

  it('the mean anomaly runs at n exactly where sin² i = 2/3 (54.74°) and at n + 1.5k at the equator', () => {
    const i0 = Math.asin(Math.sqrt(2 / 3));
    expect(j2SecularRates({ semiMajorAxis_m: a, eccentricity: 0, inclination_rad: i0 }).meanAnomaly).toBeCloseTo(n, 18);
    expect(j2SecularRates({ semiMajorAxis_m: a, eccentricity: 0, inclination_rad: 0 }).meanAnomaly).toBeCloseTo(
      n + 1.5 * k,
      18,
    );
  });

  it('at e = 0.5 the node and perigee rates grow by (1 − e²)⁻² = 16/9 and the J2 part of Ṁ by (1 − e²)^−3/2', () => {
    const at = (e: number) => j2SecularRates({ semiMajorAxis_m: a, eccentricity: e, inclination_rad: 30 * deg });
    const [c, e5] = [at(0), at(0.5)];
    expect(e5.raan / c.raan).toBeCloseTo(16 / 9, 12);
    expect(e5.argumentOfPerigee / c.argumentOfPerigee).toBeCloseTo(16 / 9, 12);
    // (16/9)·√(0.75) = 1.539601
    expect((e5.meanAnomaly - n) / (c.meanAnomaly - n)).toBeCloseTo((16 / 9) * Math.sqrt(0.75), 12);
  });
});

describe('formation keeping: along-track drift, its a-bias, and the node drift', () => {
  it('an inclination offset drifts along track at −9k·sin i·cos i·δi and is trimmed by δa = 2a·δu̇/(3n)', () => {
    // δu̇ = δ(ω̇ + Ṁ + cos i·Ω̇) at e = 0, with ω̇ + Ṁ + cos i·Ω̇ = n + k(3 − 4.5 sin² i) (hand sum of Eq. 9-41):
    // ∂/∂i = −9k·sin i·cos i. At 53°, δi = 1e-4 rad the second-order term is ~δi relative to it (1e-4).
    const n = Math.sqrt(MU / a ** 3),
      k = n * J2 * (RE / a) ** 2,
      i = 53 * deg,
      di = 1e-4;
    const r = formationKeeping({
      semiMajorAxis_m: a,
      inclination_rad: i,
      elements: { ...none, deltaInclination_rad: di },
    });
    const byHand = -9 * k * Math.sin(i) * Math.cos(i) * di;
    expect(r.alongTrackDriftRate_rad_s / byHand).toBeCloseTo(1, 3);
    expect(r.semiMajorAxisBias_m / ((2 * a * byHand) / (3 * n))).toBeCloseTo(1, 3);
    // node drift ∂Ω̇/∂i·δi = 1.5k·sin i·δi, Δv per year v·sin i·|δΩ̇|
    expect(r.nodalDriftRate_rad_s / (1.5 * k * Math.sin(i) * di)).toBeCloseTo(1, 3);
  });

  it('a negative inclination offset costs the same Δv as a positive one (|δΩ̇|)', () => {
    const at = (di: number) =>
      formationKeeping({
        semiMajorAxis_m: a,
        inclination_rad: 53 * deg,
        elements: { ...none, deltaInclination_rad: di },
      });
    const [up, down] = [at(1e-4), at(-1e-4)];
    expect(down.nodalDriftRate_rad_s).toBeLessThan(0);
    expect(down.deltaV_m_s_per_yr).toBeGreaterThan(0);
    expect(down.deltaV_m_s_per_yr / up.deltaV_m_s_per_yr).toBeCloseTo(1, 3);
  });

  it('identical members need nothing, and the reference must be above the Earth’s surface', () => {
    const r = formationKeeping({ semiMajorAxis_m: a, inclination_rad: 53 * deg, elements: none });
    expect(r).toEqual({
      nodalDriftRate_rad_s: 0,
      alongTrackDriftRate_rad_s: 0,
      semiMajorAxisBias_m: 0,
      deltaV_m_s_per_yr: 0,
    });
    expect(() => formationKeeping({ semiMajorAxis_m: RE, inclination_rad: 0, elements: none })).toThrow(
      /semiMajorAxis_m must exceed the Earth radius, got 6378137/,
    );
  });
});

describe('differentialElements: closed-form cases', () => {
  const base = { semiMajorAxis_m: a, inclination_rad: 53 * deg, argumentOfLatitude_rad: 0 };
  it('at u₀ = 0: δex = −c1/a, δey = −c2/a, δi = d2/a, δΩ = −d1/(a sin i), δu = y₀/a − cos i·δΩ', () => {
    const o: RelativeOrbit = { c1_m: 100, c2_m: 200, alongTrackOffset_m: 300, d1_m: 400, d2_m: 500 };
    const d = differentialElements({ ...base, orbit: o });
    const dRaan = -400 / (a * Math.sin(53 * deg));
    expect(d.deltaEx).toBeCloseTo(-100 / a, 18);
    expect(d.deltaEy).toBeCloseTo(-200 / a, 18);
    expect(d.deltaInclination_rad).toBeCloseTo(500 / a, 18);
    expect(d.deltaRaan_rad).toBeCloseTo(dRaan, 18);
    expect(d.deltaArgumentOfLatitude_rad).toBeCloseTo(300 / a - Math.cos(53 * deg) * dRaan, 18);
  });

  it('at u₀ = 90° the radial and cross-track pairs rotate: x = c1 cos θ + c2 sin θ = −c2 cos u + c1 sin u', () => {
    const o: RelativeOrbit = { c1_m: 100, c2_m: 200, alongTrackOffset_m: 0, d1_m: 400, d2_m: 500 };
    const d = differentialElements({ ...base, orbit: o, argumentOfLatitude_rad: Math.PI / 2 });
    // A = −c2, B = c1, C = −d2, D = d1
    expect(d.deltaEx).toBeCloseTo(200 / a, 16);
    expect(d.deltaEy).toBeCloseTo(-100 / a, 16);
    expect(d.deltaInclination_rad).toBeCloseTo(400 / a, 16);
    expect(d.deltaRaan_rad).toBeCloseTo(500 / (a * Math.sin(53 * deg)), 16);
  });

  it('an equatorial reference is fine for motion in quadrature with the node (C = 0), refused at sin i < 1e-3', () => {
    const quad: RelativeOrbit = { c1_m: 100, c2_m: 0, alongTrackOffset_m: 0, d1_m: 0, d2_m: 300 };
    const d = differentialElements({ ...base, orbit: quad, inclination_rad: 0 });
    expect(d.deltaRaan_rad).toBe(0);
    expect(d.deltaInclination_rad).toBeCloseTo(300 / a, 18);
    const inPhase: RelativeOrbit = { ...quad, d1_m: 300 };
    expect(() => differentialElements({ ...base, orbit: inPhase, inclination_rad: 0.9e-3 })).toThrow(
      /needs an inclined reference orbit/,
    );
    expect(() => differentialElements({ ...base, orbit: inPhase, inclination_rad: 1.1e-3 })).not.toThrow();
  });
});
