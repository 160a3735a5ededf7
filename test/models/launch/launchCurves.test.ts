/**
 * Between two inclination curves (src/models/launch/launchPerformance.ts): each curve's payload at the target altitude
 * is derated by its own extrapolation, then interpolated in inclination, so the payload runs continuously into either
 * curve and a curve past the extrapolation limit weighs as 0, not as a refusal of the whole span. Expectations by hand:
 * vis-viva Hohmann ΔV, the rocket equation on the stated stage, the derating 1 − ΔV⁺/1,400 m/s.
 */
import { describe, expect, it } from 'vitest';
import { payloadToOrbit, type PerformancePoint } from '../../../src/models/launch/launchPerformance.js';
import { rad } from '../../helpers/units.js';
import { EARTH_MU_m3_s2 as MU, EARTH_RADIUS_m as RE, STANDARD_GRAVITY_m_s2 as G0 } from '../../helpers/constants.js';

const stage = { dryMass_kg: 1000, isp_s: 300 };
const point = (h_km: number, inc_deg: number, m: number): PerformancePoint => ({
  altitude_m: h_km * 1e3,
  inclination: rad(inc_deg),
  payload_kg: m,
});
const at = (points: PerformancePoint[], h_km: number, inc_rad: number) =>
  payloadToOrbit({ points, upperStage: stage, altitude_m: h_km * 1e3, inclination_rad: inc_rad });

/** Hohmann raise h1 → h2 [m/s] by vis-viva. */
function hohmann(h1_km: number, h2_km: number): number {
  const r1 = RE + h1_km * 1e3,
    r2 = RE + h2_km * 1e3,
    a = (r1 + r2) / 2;
  const transfer = (r: number) => Math.sqrt(MU * (2 / r - 1 / a));
  return Math.abs(transfer(r1) - Math.sqrt(MU / r1)) + Math.abs(Math.sqrt(MU / r2) - transfer(r2));
}
/** The rule's payload raised by dv (rocket equation), and derated. */
const rule = (m: number, dv: number): number =>
  (m + stage.dryMass_kg) * Math.exp(-dv / (G0 * stage.isp_s)) - stage.dryMass_kg;
const raised = (m: number, dv: number): number => rule(m, dv) * (1 - dv / 1400);

describe('between inclination curves', () => {
  // 50°: 1,000 kg at 400 km; 60°: 600 kg at 600 km. At 800 km both are raised: 400 → 800 km and 600 → 800 km.
  const points = [point(400, 50, 1000), point(600, 60, 600)];
  const on50 = raised(1000, hohmann(400, 800)),
    on60 = raised(600, hohmann(600, 800));

  it('each curve derated by its own raise, then linear: a quarter of the way from 50° to 60°', () => {
    const r = at(points, 800, rad(52.5));
    expect(r.basis).toBe('extrapolated');
    expect(r.payload_kg).toBeCloseTo(0.75 * on50 + 0.25 * on60, 6);
    expect(r.extrapolationDeltaV_m_s).toBeCloseTo(0.75 * hohmann(400, 800) + 0.25 * hohmann(600, 800), 6);
    const undated = 0.75 * rule(1000, hohmann(400, 800)) + 0.25 * rule(600, hohmann(600, 800));
    expect(r.derating).toBeCloseTo((0.75 * on50 + 0.25 * on60) / undated, 9);
  });

  it('runs continuously into either curve (no step at a curve’s inclination)', () => {
    for (const [inc, on] of [
      [50, on50],
      [60, on60],
    ] as const) {
      expect(at(points, 800, rad(inc)).payload_kg).toBeCloseTo(on, 6);
      const inside = inc === 50 ? rad(inc) + 1e-5 : rad(inc) - 1e-5;
      expect(Math.abs(at(points, 800, inside).payload_kg - on)).toBeLessThan(0.05); // 1e-5 rad of a 0.17 rad span
    }
  });

  // 50°: 200 km only; 60°: 4,000 and 6,000 km. At 5,000 km the 50° curve needs a 200 → 5,000 km raise of 1,834 m/s,
  // past the 1,400 m/s limit (0 from it); the 60° curve interpolates to (3,000 + 2,000)/2 = 2,500 kg, not extrapolated,
  // and a floor at 60° is one at every easier inclination: 2,500 kg from 50° to 60°, interpolated, never refused.
  it('a curve past the limit weighs 0; a harder curve within its data holds over the span', () => {
    const far = [point(200, 50, 20000), point(4000, 60, 3000), point(6000, 60, 2000)];
    expect(hohmann(200, 5000)).toBeGreaterThan(1400);
    for (const inc of [45, 50, 55, 60]) {
      const r = at(far, 5000, rad(inc));
      expect(r.payload_kg).toBeCloseTo(2500, 6);
      expect(r.basis).toBe('interpolated');
    }
    // both curves past the limit (the 60° curve cut to 200 km too): refused, naming the limit
    const both = at([point(200, 50, 20000), point(200, 60, 18000)], 5000, rad(55));
    expect(both.basis).toBe('refused');
    expect(both.refusal).toMatch(/1400 m\/s limit/);
  });
});

describe('two flown floors whose harder orbit carried more (Falcon 9: 86.4° at 625 km, 97.6° at 314 km)', () => {
  // 86.4°: 8,600 kg at 625 km (Iridium NEXT); 97.6°: 11,960 kg at 314 km (Starlink 3-1). At 450 km the 86.4° curve is
  // lowered (easier: not derated), the 97.6° curve raised 314 → 450 km. Each flown payload is a floor of the
  // capability, and a floor at 97.6° is one at every lower inclination (more of the Earth's rotation, less plane): the
  // payload holds at the 97.6° curve's from 86.4° up to 97.6°, and falls beyond it, never rising with inclination.
  const floors = [point(625, 86.4, 8600), point(314, 97.6, 11960)];
  it('never rises with inclination; the 97.6° floor holds below it; each floor is reached or exceeded', () => {
    const easier = at(floors, 450, rad(86.4)).payload_kg;
    const harder = raised(11960, hohmann(314, 450));
    expect(easier).toBeCloseTo(harder, 6); // held from the harder floor
    let last = Infinity;
    for (let inc = 80; inc < 110; inc += 0.5) {
      const p = at(floors, 450, rad(inc)).payload_kg;
      expect(p).toBeLessThanOrEqual(last + 1e-9);
      if (inc >= 86.4 && inc <= 97.6) expect(p).toBeCloseTo(harder, 6);
      last = p;
    }
    expect(at(floors, 625, rad(86.4)).payload_kg).toBeGreaterThan(8600);
    expect(at(floors, 625, rad(86.4)).payload_kg).toBeCloseTo(raised(11960, hohmann(314, 625)), 6);
    expect(at(floors, 314, rad(97.6))).toMatchObject({ payload_kg: 11960, basis: 'published' });
  });
});
