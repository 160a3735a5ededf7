/**
 * A satellite's own raise from its insertion orbit (src/models/launch/orbitRaising.ts) against hand calculations:
 * vis-viva Hohmann ΔV (Vallado 2013 §6.3.1), Edelbaum's coplanar spiral ΔV (the difference of circular speeds,
 * Edelbaum 1961), the rocket equation with the station mass as the final mass, and the burn time m_p g₀ Isp / (F d) of
 * a thrust F firing a fraction d of the time. μ = 3.986004418e14 m³/s², R⊕ = 6,378,137 m, g₀ = 9.80665 m/s².
 */
import { describe, expect, it } from 'vitest';
import { edelbaumDeltaV_m_s, orbitRaising } from '../../../src/models/launch/orbitRaising.js';
import { raisingPower, THRUSTERS } from '../../../src/models/launch/thrusters.js';
import { EARTH_MU_m3_s2 as MU, EARTH_RADIUS_m as RE, STANDARD_GRAVITY_m_s2 as G0 } from '../../helpers/constants.js';

const circular = (h_m: number): number => Math.sqrt(MU / (RE + h_m));

describe('orbit raising from the insertion orbit', () => {
  it('Iridium NEXT-like: 625 → 780 km by Hohmann, hydrazine 220 s, 860 kg on station', () => {
    // By hand: r1 = 7,003.137 km, r2 = 7,158.137 km; v1 = 7,544.35 m/s, v2 = 7,462.19 m/s; transfer a = 7,080.637 km:
    // perigee speed √(μ(2/r1 − 1/a)) − v1 = 41.34 m/s, v2 − apogee speed = 40.79 m/s: ΔV = 82.13 m/s.
    const r = orbitRaising({
      insertionAltitude_m: 625e3,
      stationAltitude_m: 780e3,
      transfer: 'hohmann',
      isp_s: 220,
      stationMass_kg: 860,
      thrust_N: 0,
      dutyCycle: 1,
    });
    expect(r.deltaV_m_s).toBeCloseTo(82.13, 1);
    // m_p = 860 × (e^(82.13/(9.80665 × 220)) − 1) = 860 × 0.03878 = 33.35 kg
    expect(r.propellant_kg).toBeCloseTo(860 * (Math.exp(82.13 / (G0 * 220)) - 1), 0);
    expect(r.propellant_kg).toBeCloseTo(33.35, 0);
    expect(r.insertionMass_kg).toBeCloseTo(860 + r.propellant_kg, 9);
    // half the transfer ellipse's period: π √(a³/μ) = 2,968 s (49.5 min)
    expect(r.timeToStation_s).toBeCloseTo(Math.PI * Math.sqrt((RE + 702.5e3) ** 3 / MU), 3);
    expect(r.timeToStation_s / 60).toBeCloseTo(49.5, 0);
    expect(r.thrust_N).toBe(0);
  });

  it('a Starlink-like electric spiral 350 → 550 km: Edelbaum ΔV, propellant and days by hand, firing in sunlight', () => {
    // Edelbaum without plane change: |v(350) − v(550)| = 7,697.00 − 7,585.09 = 111.91 m/s
    const dv = circular(350e3) - circular(550e3);
    expect(dv).toBeCloseTo(111.91, 1);
    expect(edelbaumDeltaV_m_s(350e3, 550e3)).toBeCloseTo(dv, 9);
    // 7 t raised 350 → 550 km at Isp 1,500 s on 4.5 kW (F = 2η P/(g₀ Isp), η = 0.5), firing `dutyCycle` of the time
    const spiral = (dutyCycle: number) =>
      orbitRaising({
        insertionAltitude_m: 350e3,
        stationAltitude_m: 550e3,
        transfer: 'low-thrust',
        isp_s: 1500,
        stationMass_kg: 7000,
        thrust_N: 4500 / (G0 * 1500),
        dutyCycle,
      });
    const r = spiral(1);
    expect(r.deltaV_m_s).toBeCloseTo(dv, 9);
    // F = 2 × 0.5 × 4,500 / (9.80665 × 1,500) = 0.3059 N (an SPT-140 gives ~0.29 N at 4.5 kW)
    expect(r.thrust_N).toBeCloseTo(4500 / (G0 * 1500), 9);
    // m_p = 7,000 × (e^(111.91/14,710) − 1) = 53.46 kg; burn m_p g₀ Isp / F = 53.46 × 14,710 / 0.3059 s = 29.75 d
    const mp = 7000 * Math.expm1(dv / (G0 * 1500));
    expect(r.propellant_kg).toBeCloseTo(mp, 6);
    expect(r.propellant_kg).toBeCloseTo(53.46, 1);
    expect(r.timeToStation_s).toBeCloseTo((mp * G0 * 1500) / (4500 / (G0 * 1500)), 0);
    expect(r.timeToStation_s / 86400).toBeCloseTo(29.75, 1);
    // firing only in sunlight, 60 % of the time: 29.75 / 0.6 = 49.6 d
    const sunlit = spiral(0.6);
    expect(sunlit.timeToStation_s / 86400).toBeCloseTo(29.75 / 0.6, 1);
  });

  it('a shell at or below the insertion altitude is inserted directly: no ΔV, propellant or time', () => {
    for (const transfer of ['hohmann', 'low-thrust'] as const) {
      const r = orbitRaising({
        insertionAltitude_m: 600e3,
        stationAltitude_m: 550e3,
        transfer,
        isp_s: 1500,
        stationMass_kg: 1000,
        thrust_N: 0.3,
        dutyCycle: 1,
      });
      expect([r.deltaV_m_s, r.propellant_kg, r.timeToStation_s]).toEqual([0, 0, 0]);
    }
  });

  it('refuses a non-positive Isp, thrust or duty cycle with the field named', () => {
    const base = {
      insertionAltitude_m: 350e3,
      stationAltitude_m: 550e3,
      transfer: 'low-thrust' as const,
      isp_s: 1500,
      stationMass_kg: 1000,
      thrust_N: 0.3,
      dutyCycle: 1,
    };
    expect(() => orbitRaising({ ...base, isp_s: 0 })).toThrow(/isp_s/);
    expect(() => orbitRaising({ ...base, thrust_N: 0 })).toThrow(/thrust_N/);
    expect(() => orbitRaising({ ...base, dutyCycle: 0 })).toThrow(/dutyCycle/);
  });
});

describe("thrusters on the node's own power", () => {
  const hall = THRUSTERS['spt-100']!; // 1.35 kW, 83 mN, 1,600 s
  it('the power is the least of the spare power, the rating and the cap; thrust at the row thrust per watt', () => {
    // 5 kW array, 4 kW bus: 1 kW spare < 1.35 kW rating → 1 kW, 83 × 1,000 / 1,350 = 61.48 mN
    const a = raisingPower({ thruster: hall, thrusters: 1, arrayPower_W: 5000, housekeeping_W: 4000 });
    expect(a).toMatchObject({ power_W: 1000, available_W: 1000, limitedBy: 'node power' });
    expect(a.thrust_N).toBeCloseTo(0.06148, 5);
    // 10 kW spare, two thrusters: 2.7 kW, 166 mN
    const b = raisingPower({ thruster: hall, thrusters: 2, arrayPower_W: 12000, housekeeping_W: 2000 });
    expect(b).toMatchObject({ power_W: 2700, limitedBy: 'thrusters' });
    expect(b.thrust_N).toBeCloseTo(0.166, 9);
    const c = raisingPower({
      thruster: hall,
      thrusters: 2,
      arrayPower_W: 12000,
      housekeeping_W: 2000,
      maxPower_W: 500,
    });
    expect(c).toMatchObject({ power_W: 500, limitedBy: 'power cap' });
  });
  it('refuses a node with nothing to spare and a chemical row', () => {
    expect(() => raisingPower({ thruster: hall, thrusters: 1, arrayPower_W: 1000, housekeeping_W: 1000 })).toThrow(
      /no power to spare/,
    );
    expect(() =>
      raisingPower({ thruster: THRUSTERS['hydrazine']!, thrusters: 1, arrayPower_W: 1e4, housekeeping_W: 0 }),
    ).toThrow(/not an electric thruster/);
  });
  it('every row states its source and a physical operating point: jet power ½·F·g₀·Isp below the input power', () => {
    for (const t of Object.values(THRUSTERS)) {
      expect(t.source.length).toBeGreaterThan(20);
      if (t.kind === 'chemical') continue;
      const efficiency = (0.5 * t.thrust_N * G0 * t.isp_s) / t.power_W; // Hall 0.36–0.55, gridded 0.6–0.67
      expect(efficiency).toBeGreaterThan(0.3);
      expect(efficiency).toBeLessThan(0.75);
    }
  });
});
