/**
 * src/models/drag/atmosphere.ts on its own (this file imports nothing else of the models, so a broken module-level grid
 * shows as failed tests here rather than as a module that cannot load): the activity levels, the ln-density grid
 * against the rows of cira-2012.dat (norabolig/SDCRE-NS), and the decay integral S(h) over part of one 20 km
 * segment by hand: with ρ = ρ_i·e^{−x/H} and √(μ a) at the middle of the integrated part (the model's header),
 * S(h_i + x) − S(h_i) = H·(e^{x/H} − 1)/(ρ_i·√(μ (R⊕ + h_i + x/2))).
 */
import { describe, expect, it } from 'vitest';
import {
  cira2012Density,
  cira2012LnDensityGrid,
  decayIntegral_s_m2_per_kg,
  type SolarActivity,
} from '../../../src/models/drag/atmosphere.js';
import { EARTH_MU_m3_s2, EARTH_RADIUS_m } from '../../helpers/constants.js';

describe('CIRA-2012 activity levels and grid', () => {
  it('an unknown activity level is refused with the list of the known ones', () => {
    const message = "solar activity 'extreme' is not one of low, moderate, high";
    const extreme = 'extreme' as SolarActivity;
    expect(() => cira2012Density({ altitude_m: 500e3, solarActivity: extreme })).toThrow(new RangeError(message));
    expect(() => decayIntegral_s_m2_per_kg(500e3, extreme)).toThrow(new RangeError(message));
    expect(() => cira2012LnDensityGrid(extreme)).toThrow(new RangeError(message));
  });

  it('the ln ρ grid has the 96 nodes 100, 120, …, 2,000 km: the table rows, then the tail', () => {
    const grid = cira2012LnDensityGrid('high');
    expect(grid).toHaveLength((2000 - 100) / 20 + 1);
    expect(Math.exp(grid[0]!) / 5.44e-7 - 1).toBeCloseTo(0, 12); // cira-2012.dat, 100 km, high-long
    expect(Math.exp(grid[40]!) / 5.49e-14 - 1).toBeCloseTo(0, 12); // 900 km
    // the tail keeps the 880–900 km step: ln(6.50e-14/5.49e-14) per node
    expect(grid[95]! - grid[40]!).toBeCloseTo(-55 * Math.log(6.5e-14 / 5.49e-14), 9);
  });
});

describe('decay integral S(h) = ∫ from 100 km of dh/(ρ √(μ a))', () => {
  // moderate rows of cira-2012.dat: ρ(400 km) = 4.22e-12, ρ(420 km) = 3.02e-12 kg/m³ → H = 20 km/ln(4.22/3.02)
  // = 59,776.7 m; μ = 3.986004418e14 m³/s², R⊕ = 6,378,137 m.
  const S = (h_km: number) => decayIntegral_s_m2_per_kg(h_km * 1000, 'moderate');
  const H = 20e3 / Math.log(4.22 / 3.02);
  const rootMuA = (h_km: number) => Math.sqrt(EARTH_MU_m3_s2 * (EARTH_RADIUS_m + h_km * 1000));

  it('starts at 0 at 100 km', () => {
    expect(S(100)).toBe(0);
  });

  it('over the whole 400–420 km segment: H·(ρ₄₀₀/ρ₄₂₀ − 1)/(ρ₄₀₀ √(μ a₄₁₀)) = 108,205.6 s·m²/kg', () => {
    const want = (H * (4.22 / 3.02 - 1)) / (4.22e-12 * rootMuA(410));
    expect(want).toBeCloseTo(108205.6, 1);
    expect((S(420) - S(400)) / want - 1).toBeCloseTo(0, 9);
  });

  it('over its lower half, 400–410 km: H·(e^{10 km/H} − 1)/(ρ₄₀₀ √(μ a₄₀₅)) = 49,606.2 s·m²/kg', () => {
    const want = (H * Math.expm1(10e3 / H)) / (4.22e-12 * rootMuA(405));
    expect(want).toBeCloseTo(49606.2, 1);
    expect((S(410) - S(400)) / want - 1).toBeCloseTo(0, 9);
  });
});
