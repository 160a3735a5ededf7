/**
 * The interpolation and extrapolation rules of src/models/launch/launchPerformance.ts on made-up vehicles, each case a
 * hand
 * calculation: Hohmann ΔV from vis-viva (Vallado 2013 §6.3.1, written here in its own form), the Earth-rotation
 * ΔV v⊕(cos i_c − cos i) with v⊕ = ω⊕R⊕ = 7.292115e-5 × 6,378,137 = 465.10 m/s (IERS 2010, WGS-84), and the rocket
 * equation m_B = (m_A + m_d)·exp(−Δv/(g₀ Isp)) − m_d (Sutton & Biblarz §4.1), g₀ = 9.80665 m/s².
 */
import { describe, expect, it } from 'vitest';
import {
  hohmannDeltaV_m_s,
  payloadToOrbit,
  rocketEquationPayload_kg,
  vehiclePayloadToOrbit,
  type PayloadToOrbitParams,
  type PerformancePoint,
} from '../../../src/models/launch/launchPerformance.js';
import { sunSynchronousInclination } from '../../../src/models/orbit/orbit.js';
import { rad } from '../../helpers/units.js';

const MU = 3.986004418e14; // m³/s²
const RE = 6378137; // m
const G0 = 9.80665; // m/s²
const V_EARTH_m_s = 7.292115e-5 * RE;

/** Hohmann ΔV between circular radii r1 → r2 from vis-viva: |v_p − v₁| + |v₂ − v_a| on the transfer ellipse. */
function hohmannByVisViva(h1_m: number, h2_m: number): number {
  const [r1, r2] = [RE + h1_m, RE + h2_m];
  const at = (r1 + r2) / 2;
  const visViva = (r: number) => Math.sqrt(MU * (2 / r - 1 / at));
  return Math.abs(visViva(r1) - Math.sqrt(MU / r1)) + Math.abs(Math.sqrt(MU / r2) - visViva(r2));
}
const rocket = (m: number, dv: number, dry: number, isp: number): number =>
  (m + dry) * Math.exp(-dv / (G0 * isp)) - dry;

const stage = { dryMass_kg: 1000, isp_s: 300 };
const reference = { altitude_m: 200e3, inclination_rad: rad(28.5), payload_kg: 1000 };
const curve = (inc: number, pts: [number, number][]): PerformancePoint[] =>
  pts.map(([h_km, m]) => ({ altitude_m: h_km * 1e3, inclination: rad(inc), payload_kg: m }));
const vehicle = (points: PerformancePoint[]) => (altitude_m: number, inclination_rad: number) =>
  payloadToOrbit({ points, reference, upperStage: stage, altitude_m, inclination_rad });

describe('along one inclination curve', () => {
  const three = vehicle(
    curve(53, [
      [500, 800],
      [300, 1000],
      [700, 500],
    ]),
  );
  it('points listed in any order: linear between the bracketing pair, the middle point exact', () => {
    // (500, 800)–(700, 500): 600 km is halfway → 650 kg; (300, 1000)–(500, 800): 350 km → 950 kg
    expect(three(600e3, rad(53))).toEqual({ payload_kg: 650, basis: 'interpolated', extrapolationDeltaV_m_s: 0 });
    expect(three(350e3, rad(53)).payload_kg).toBeCloseTo(950, 9);
    expect(three(500e3, rad(53))).toEqual({ payload_kg: 800, basis: 'published', extrapolationDeltaV_m_s: 0 });
    expect(three(700e3, rad(53))).toEqual({ payload_kg: 500, basis: 'published', extrapolationDeltaV_m_s: 0 });
  });

  it('above the last point: Hohmann raise from it; below the first: Hohmann lowering gains payload', () => {
    const up = three(900e3, rad(53));
    const dvUp = hohmannByVisViva(700e3, 900e3);
    // first order v·Δr/(2r̄) = 7,504 m/s × 200 km / (2 × 7,178 km) = 104.5 m/s
    expect(dvUp).toBeCloseTo(103.8, 1);
    expect(up.extrapolationDeltaV_m_s).toBeCloseTo(dvUp, 6);
    expect(up.payload_kg).toBeCloseTo(rocket(500, dvUp, 1000, 300), 6);
    expect(up.basis).toBe('extrapolated');
    const down = three(200e3, rad(53));
    const dvDown = hohmannByVisViva(300e3, 200e3);
    expect(down.extrapolationDeltaV_m_s).toBeCloseTo(dvDown, 6); // reported as a positive ΔV
    expect(down.payload_kg).toBeCloseTo(rocket(1000, -dvDown, 1000, 300), 6);
    expect(down.payload_kg).toBeGreaterThan(1000);
  });

  it('Hohmann ΔV is signed by direction and 0 between equal orbits', () => {
    expect(hohmannDeltaV_m_s(400e3, 900e3)).toBeCloseTo(hohmannByVisViva(400e3, 900e3), 6);
    expect(hohmannDeltaV_m_s(900e3, 400e3)).toBeCloseTo(-hohmannByVisViva(400e3, 900e3), 6);
    expect(hohmannDeltaV_m_s(500e3, 500e3)).toBe(0);
  });
});

describe('across inclination curves', () => {
  const twoCurves = vehicle([...curve(50, [[400, 1000]]), ...curve(60, [[400, 700]])]);
  it('below the lowest curve the launch gains v⊕(cos 40° − cos 50°) of Earth rotation', () => {
    const r = twoCurves(400e3, rad(40));
    const dv = V_EARTH_m_s * (Math.cos(rad(50)) - Math.cos(rad(40)));
    expect(dv).toBeCloseTo(-57.3, 1); // 465.10 × (0.642788 − 0.766044)
    expect(r.payload_kg).toBeCloseTo(rocket(1000, dv, 1000, 300), 6);
    expect(r.extrapolationDeltaV_m_s).toBeCloseTo(-dv, 9);
    expect(r.basis).toBe('extrapolated');
  });

  it('above the highest curve the launch pays v⊕(cos 60° − cos 90°) = 232.6 m/s', () => {
    const r = twoCurves(400e3, rad(90));
    expect(r.extrapolationDeltaV_m_s).toBeCloseTo(V_EARTH_m_s * 0.5, 6);
    expect(r.payload_kg).toBeCloseTo(rocket(700, V_EARTH_m_s * 0.5, 1000, 300), 6);
  });

  it('within 1e-6 rad of a curve is that curve (published), beyond it the rule applies', () => {
    expect(twoCurves(400e3, rad(60) + 0.9e-6)).toEqual({
      payload_kg: 700,
      basis: 'published',
      extrapolationDeltaV_m_s: 0,
    });
    expect(twoCurves(400e3, rad(50) - 0.9e-6).payload_kg).toBe(1000);
    expect(twoCurves(400e3, rad(60) + 2e-6).basis).toBe('extrapolated');
    expect(twoCurves(400e3, rad(50) - 2e-6).basis).toBe('extrapolated');
  });

  it('exactly 1e-6 rad below the lowest curve (rounding puts it just outside the tolerance) is still priced', () => {
    // |50° − (50° − 1e-6)| evaluates to 1.00000000003e-6 > 1e-6: neither the curve nor below its band. The rule
    // then applies with Δv = v⊕·(cos 50° − cos(50° − 1e-6)) = −465.1 × sin 50° × 1e-6 = −3.6e-4 m/s: 1000 kg.
    const r = twoCurves(400e3, rad(50) - 1e-6);
    expect(r.payload_kg).toBeCloseTo(1000, 3);
    expect(r.extrapolationDeltaV_m_s).toBeCloseTo(V_EARTH_m_s * Math.sin(rad(50)) * 1e-6, 9);
  });

  it('between curves, one of them extrapolated in altitude: linear in inclination, labelled with the larger ΔV', () => {
    // 50° curve has 400 km only (raise to 500 km by Hohmann); 60° curve has 300 and 600 km (linear: 500 km → 700)
    const v = vehicle([
      ...curve(50, [[400, 1000]]),
      ...curve(60, [
        [300, 900],
        [600, 600],
      ]),
    ]);
    const dv = hohmannByVisViva(400e3, 500e3);
    const at50 = rocket(1000, dv, 1000, 300);
    const r = v(500e3, rad(55));
    expect(r.payload_kg).toBeCloseTo((at50 + 700) / 2, 6);
    expect(r.extrapolationDeltaV_m_s).toBeCloseTo(dv, 6);
    expect(r.basis).toBe('extrapolated');
    // at 400 km the 50° curve is exact and the 60° one interpolates (300–600 km → 800 kg): interpolated, no ΔV
    const mid = v(400e3, rad(55));
    expect(mid.payload_kg).toBeCloseTo((1000 + 800) / 2, 9);
    expect(mid.basis).toBe('interpolated');
    expect(mid.extrapolationDeltaV_m_s).toBe(0);
  });

  it('a sun-synchronous curve below 300 km is placed at the 300 km SSO inclination', () => {
    const v = vehicle([{ altitude_m: 500e3, inclination: 'sso', payload_kg: 400 }]);
    const i300 = sunSynchronousInclination({ altitude_m: 300e3 }).inclination_rad;
    const r = v(250e3, i300);
    const dv = hohmannByVisViva(500e3, 250e3);
    expect(r.extrapolationDeltaV_m_s).toBeCloseTo(dv, 6); // altitude only: no inclination ΔV
    expect(r.payload_kg).toBeCloseTo(rocket(400, -dv, 1000, 300), 6);
  });
});

describe('rocket equation, defaults and refusals', () => {
  it('a ΔV beyond the stage’s reach delivers 0 kg, never a negative payload', () => {
    expect(rocketEquationPayload_kg(1000, 5000, stage)).toBe(0);
  });

  it('default upper stage: Isp 340 s and dry mass 20 % of the reference payload', () => {
    const p: PayloadToOrbitParams = { points: [], reference, altitude_m: 200e3, inclination_rad: rad(90) };
    const dv = V_EARTH_m_s * Math.cos(rad(28.5));
    // (1000 + 200)·exp(−408.7/(9.80665 × 340)) − 200
    expect(payloadToOrbit(p).payload_kg).toBeCloseTo(rocket(1000, dv, 200, 340), 6);
  });

  it('a catalog row: km and degrees converted, reference inclination 28.5° when unstated, its own upper stage', () => {
    const row = { payloadLeo_kg: 1000, referenceAltitude_km: 200, upperStage: stage };
    expect(vehiclePayloadToOrbit(row, 200e3, rad(28.5))).toEqual({
      payload_kg: 1000,
      basis: 'estimate',
      extrapolationDeltaV_m_s: 0,
    });
    const dv = V_EARTH_m_s * Math.cos(rad(28.5));
    expect(vehiclePayloadToOrbit(row, 200e3, rad(90)).payload_kg).toBeCloseTo(rocket(1000, dv, 1000, 300), 6);
    const withPoints = {
      ...row,
      referenceInclination_deg: 40,
      performance: [{ altitude_km: 400, inclination_deg: 53, payload_kg: 700 }],
    };
    expect(vehiclePayloadToOrbit(withPoints, 400e3, rad(53))).toEqual({
      payload_kg: 700,
      basis: 'published',
      extrapolationDeltaV_m_s: 0,
    });
  });

  it('refuses a target at or below the surface and a non-finite inclination', () => {
    const v = vehicle(curve(53, [[400, 1000]]));
    expect(() => v(0, rad(53))).toThrow(/payloadToOrbit: bad target orbit \(0 m, /);
    expect(() => v(400e3, Number.NaN)).toThrow(/bad target orbit/);
  });
});
