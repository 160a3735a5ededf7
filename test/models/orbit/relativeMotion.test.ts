/**
 * Relative motion of formation members (src/models/orbit/relativeMotion.ts). Oracles written here, independent
 * of the code under test: a fourth-order Runge–Kutta integration of the two-body equations r̈ = −μr/|r|³
 * for the reference and the member (their relative position in the reference's radial / along-track /
 * normal frame compared with the HCW closed form); Kepler's equation solved by Newton iteration for the
 * member's mean elements; the published sun-synchronous node rate; hand derivatives of the J2 node rate.
 */
import { describe, expect, it } from 'vitest';
import {
  differentialElements,
  formationKeeping,
  hcwState,
  j2SecularRates,
  meanMotion_rad_s,
  type RelativeOrbit,
  type DifferentialElements,
} from '../../../src/models/orbit/relativeMotion.js';
import { deg } from '../../helpers/units.js';
import { EARTH_J2 as J2, EARTH_MU_m3_s2 as MU, EARTH_RADIUS_m as RE } from '../../helpers/constants.js';

const YEAR_s = 365.25 * 86400;

type V = [number, number, number];
const add = (a: V, b: V, k = 1): V => [a[0] + k * b[0], a[1] + k * b[1], a[2] + k * b[2]];
const dot = (a: V, b: V): number => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
const cross = (a: V, b: V): V => [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
const unit = (a: V): V => {
  const n = Math.sqrt(dot(a, a));
  return [a[0] / n, a[1] / n, a[2] / n];
};

/** One RK4 step of the two-body equations; state [r, v]. */
function rk4(r: V, v: V, h: number): [V, V] {
  const acc = (p: V): V => {
    const d = Math.sqrt(dot(p, p)) ** 3;
    return [(-MU * p[0]) / d, (-MU * p[1]) / d, (-MU * p[2]) / d];
  };
  const k1v = acc(r),
    k1r = v;
  const k2v = acc(add(r, k1r, h / 2)),
    k2r = add(v, k1v, h / 2);
  const k3v = acc(add(r, k2r, h / 2)),
    k3r = add(v, k2v, h / 2);
  const k4v = acc(add(r, k3r, h)),
    k4r = add(v, k3v, h);
  const rn = add(add(add(add(r, k1r, h / 6), k2r, h / 3), k3r, h / 3), k4r, h / 6);
  const vn = add(add(add(add(v, k1v, h / 6), k2v, h / 3), k3v, h / 3), k4v, h / 6);
  return [rn, vn];
}

/** Circular reference orbit state at argument of latitude u (RAAN Ω, inclination i). */
function circularState(a: number, i: number, raan: number, u: number): [V, V] {
  const P: V = [Math.cos(raan), Math.sin(raan), 0];
  const Q: V = [-Math.cos(i) * Math.sin(raan), Math.cos(i) * Math.cos(raan), Math.sin(i)];
  const v = Math.sqrt(MU / a),
    c = Math.cos(u),
    s = Math.sin(u);
  return [add(add([0, 0, 0], P, a * c), Q, a * s), add(add([0, 0, 0], P, -v * s), Q, v * c)];
}

/** Radial / along-track / normal frame of state (r, v). */
const frame = (r: V, v: V): [V, V, V] => {
  const x = unit(r),
    z = unit(cross(r, v));
  return [x, cross(z, x), z];
};

/**
 * Largest |RK4 relative position − HCW| over `orbits` orbits, both started from the HCW state at t = 0 [m];
 * `extraAlongTrack_m_s` perturbs the member's initial along-track velocity (to break the no-drift condition).
 */
function hcwAgainstTwoBody(o: RelativeOrbit, orbits: number, extraAlongTrack_m_s = 0): number {
  const a = RE + 650e3,
    n = Math.sqrt(MU / a ** 3),
    i = 98 * deg,
    raan = 0.7;
  let [r, v] = circularState(a, i, raan, 0.3);
  const [x, y, z] = frame(r, v);
  const s0 = hcwState(o, 0, n);
  // Inertial relative velocity = the rotating frame's velocity + ω × ρ, ω = n ẑ.
  const rho: V = add(add(add([0, 0, 0], x, s0.x_m), y, s0.y_m), z, s0.z_m);
  const vrel: V = add(
    add(add(add([0, 0, 0], x, s0.vx_m_s), y, s0.vy_m_s + extraAlongTrack_m_s), z, s0.vz_m_s),
    cross(z, rho),
    n,
  );
  let rm = add(r, rho),
    vm = add(v, vrel);
  const h = 2,
    T = (2 * Math.PI) / n,
    steps = Math.round((orbits * T) / h);
  let worst = 0;
  for (let k = 1; k <= steps; k++) {
    [r, v] = rk4(r, v, h);
    [rm, vm] = rk4(rm, vm, h);
    const [fx, fy, fz] = frame(r, v);
    const d = add(rm, r, -1);
    const want = hcwState(o, n * k * h, n);
    worst = Math.max(worst, Math.hypot(dot(d, fx) - want.x_m, dot(d, fy) - want.y_m, dot(d, fz) - want.z_m));
  }
  return worst;
}

describe('HCW bounded relative orbits against a numerical two-body propagation (RK4, 2 s step)', () => {
  it('an in-plane 2:1 ellipse of 500 m × 1 km stays within 2 m of the closed form over one orbit', () => {
    // Linearisation error ~ (3/2)·ρ²/a per radian of phase plus a second-order δa drift 3π·δa per orbit,
    // δa ~ ρ²/a ≈ 0.14 m at 1 km: about a metre over one orbit at this size (0.2 % of the ellipse).
    expect(hcwAgainstTwoBody({ c1_m: 300, c2_m: -400, alongTrackOffset_m: 0, d1_m: 0, d2_m: 0 }, 1)).toBeLessThan(2);
  });

  it('a circular (cross-track √3·x) member of 1 km radius and a 200 m along-track offset: within 4 m over one orbit', () => {
    // Up to 1.2 km from the reference: the quadratic error grows as (1.2)² ≈ 1.44 × that of the 1 km ellipse (observed
    // 3.0 m).
    const err = hcwAgainstTwoBody(
      { c1_m: 250, c2_m: 433, alongTrackOffset_m: 200, d1_m: 250 * Math.sqrt(3), d2_m: 433 * Math.sqrt(3) },
      1,
    );
    expect(err).toBeLessThan(4);
  });

  it('a 100 m ellipse (Suncatcher neighbour scale) matches to 5 cm; the error shrinks as ρ² (catches a wrong linear term)', () => {
    const small = hcwAgainstTwoBody({ c1_m: 30, c2_m: -40, alongTrackOffset_m: 0, d1_m: 0, d2_m: 0 }, 1);
    const large = hcwAgainstTwoBody({ c1_m: 300, c2_m: -400, alongTrackOffset_m: 0, d1_m: 0, d2_m: 0 }, 1);
    expect(small).toBeLessThan(0.05);
    // Quadratic in size: 10× the size gives ~100× the error (well above 20×, which a linear error term would give).
    expect(large / small).toBeGreaterThan(30);
  });

  it('no along-track drift over five orbits (ẏ₀ = −2n·x₀); with ẏ₀ = 0 instead the member drifts 12π·x₀ per orbit', () => {
    const o: RelativeOrbit = { c1_m: 200, c2_m: 0, alongTrackOffset_m: 0, d1_m: 0, d2_m: 0 };
    expect(hcwAgainstTwoBody(o, 5)).toBeLessThan(3);
    // General HCW solution (Vallado 2013 §6.8): y carries the secular term −(6n·x₀ + 3ẏ₀)·t, zero only for
    // ẏ₀ = −2n·x₀. With ẏ₀ = 0 the member slips 6n·x₀·T = 12π·x₀ = 7.54 km per orbit; the largest deviation
    // from the bounded orbit, adding the periodic part 1600 sin θ, is 7.73 km at cos θ = 3/4 (hand calculation).
    // Catches a sign or factor error in the no-drift condition of the closed form.
    const n = meanMotion_rad_s(RE + 650e3);
    const drifted = hcwAgainstTwoBody(o, 1, 2 * n * 200);
    expect(drifted / 7734).toBeCloseTo(1, 2);
  });
});

describe("differentialElements: the member's own mean elements reproduce its relative orbit", () => {
  /** Inertial position from Keplerian elements (Kepler's equation by Newton iteration). */
  function keplerPosition(a: number, e: number, i: number, raan: number, w: number, M: number): V {
    let E = M;
    for (let k = 0; k < 20; k++) E -= (E - e * Math.sin(E) - M) / (1 - e * Math.cos(E));
    const nu = 2 * Math.atan2(Math.sqrt(1 + e) * Math.sin(E / 2), Math.sqrt(1 - e) * Math.cos(E / 2));
    const r = a * (1 - e * Math.cos(E)),
      u = w + nu;
    return [
      r * (Math.cos(raan) * Math.cos(u) - Math.sin(raan) * Math.sin(u) * Math.cos(i)),
      r * (Math.sin(raan) * Math.cos(u) + Math.cos(raan) * Math.sin(u) * Math.cos(i)),
      r * Math.sin(u) * Math.sin(i),
    ];
  }

  it('two-body positions of reference and member differ by the HCW offset within 0.5 m over an orbit (1 km formation)', () => {
    const a = RE + 650e3,
      n = Math.sqrt(MU / a ** 3),
      i = 97.98 * deg,
      raan = 1.1,
      u0 = 0.4;
    const o: RelativeOrbit = {
      c1_m: 250,
      c2_m: 433,
      alongTrackOffset_m: 0,
      d1_m: 250 * Math.sqrt(3),
      d2_m: 433 * Math.sqrt(3),
    };
    const d = differentialElements({ orbit: o, semiMajorAxis_m: a, inclination_rad: i, argumentOfLatitude_rad: u0 });
    const e = Math.hypot(d.deltaEx, d.deltaEy),
      w = Math.atan2(d.deltaEy, d.deltaEx);
    let worst = 0;
    for (let k = 0; k <= 200; k++) {
      const t = (k / 200) * ((2 * Math.PI) / n);
      const [r, v] = circularState(a, i, raan, u0 + n * t);
      const rm = keplerPosition(
        a,
        e,
        i + d.deltaInclination_rad,
        raan + d.deltaRaan_rad,
        w,
        u0 + d.deltaArgumentOfLatitude_rad - w + n * t,
      );
      const [fx, fy, fz] = frame(r, v);
      const rel = add(rm, r, -1),
        want = hcwState(o, n * t, n);
      worst = Math.max(worst, Math.hypot(dot(rel, fx) - want.x_m, dot(rel, fy) - want.y_m, dot(rel, fz) - want.z_m));
    }
    // Second-order terms a·e² and a·δi·δΩ ≈ 7·10⁶ m × (1.4·10⁻⁴)² ≈ 0.14 m.
    expect(worst).toBeLessThan(0.5);
  });

  it('a cross-track oscillation in phase with the node needs an inclined orbit (RangeError at i = 0)', () => {
    const orbit: RelativeOrbit = { c1_m: 0, c2_m: 0, alongTrackOffset_m: 0, d1_m: 100, d2_m: 0 };
    expect(() =>
      differentialElements({ orbit, semiMajorAxis_m: RE + 650e3, inclination_rad: 0, argumentOfLatitude_rad: 0 }),
    ).toThrow(RangeError);
  });
});

describe('J2 secular rates and formation keeping', () => {
  it('the node of an 800 km, 98.6° orbit turns at the sun-synchronous 0.9856°/day (Vallado 2013 §11.4; SMAD SSO table) within 1 %', () => {
    const r = j2SecularRates({ semiMajorAxis_m: RE + 800e3, eccentricity: 0, inclination_rad: 98.6 * deg });
    expect((r.raan * 86400) / deg / 0.9856).toBeCloseTo(1, 2);
  });

  it('in-plane members (δe only) need no out-of-plane keeping: < 0.01 m/s per yr (J2 node rate depends on e only at second order)', () => {
    const a = RE + 650e3;
    const k = formationKeeping({
      semiMajorAxis_m: a,
      inclination_rad: 97.98 * deg,
      elements: {
        deltaEx: 500 / a,
        deltaEy: 0,
        deltaInclination_rad: 0,
        deltaRaan_rad: 0,
        deltaArgumentOfLatitude_rad: 0,
      },
    });
    expect(k.deltaV_m_s_per_yr).toBeLessThan(0.01);
  });

  it('an inclination offset δi costs v·sin i·|∂Ω̇/∂i|·δi per year, ∂Ω̇/∂i = (3/2)n·J2·(R⊕/a)²·sin i (hand derivative)', () => {
    const a = RE + 650e3,
      i = 97.98 * deg,
      di = 866 / a;
    const n = Math.sqrt(MU / a ** 3),
      v = n * a;
    const byHand = v * Math.sin(i) * 1.5 * n * J2 * (RE / a) ** 2 * Math.sin(i) * di * YEAR_s;
    const elements = {
      deltaEx: 0,
      deltaEy: 0,
      deltaInclination_rad: di,
      deltaRaan_rad: 0,
      deltaArgumentOfLatitude_rad: 0,
    };
    const k = formationKeeping({ semiMajorAxis_m: a, inclination_rad: i, elements });
    expect(k.deltaV_m_s_per_yr / byHand).toBeCloseTo(1, 3);
    // ≈ 41 m/s per yr for an 866 m cross-track amplitude at 650 km: the price of a circular formation.
    expect(byHand).toBeGreaterThan(35);
    expect(byHand).toBeLessThan(45);
  });
});

describe('rates', () => {
  /**
   * The parts of src/models/orbit/relativeMotion.ts the two-body oracles of relativeMotion.test.ts do not reach: HCW
   * velocities away from θ = 0, the analytic zeros and eccentricity scaling of the J2 secular rates (Vallado 2013
   * Eq. 9-41), the along-track drift and its semi-major-axis bias, and the input checks.
   */
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
      expect(j2SecularRates({ semiMajorAxis_m: a, eccentricity: 0, inclination_rad: 90 * deg }).raan).toBeCloseTo(
        0,
        20,
      );
      expect(j2SecularRates({ semiMajorAxis_m: a, eccentricity: 0, inclination_rad: 0 }).raan).toBeCloseTo(
        -1.5 * k,
        18,
      );
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
      expect(j2SecularRates({ semiMajorAxis_m: a, eccentricity: 0, inclination_rad: i0 }).meanAnomaly).toBeCloseTo(
        n,
        18,
      );
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
});
