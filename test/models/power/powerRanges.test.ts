import { describe, expect, it } from 'vitest';
import { powerSystem, type PowerSystemParams } from '../../../src/models/power/power.js';
import { solarArrayOutput, type SolarArrayParams } from '../../../src/models/power/solarArray.js';

/**
 * The solar-array chain and the SMAD power sizing (Wertz & Larson, SMAD 3rd ed. §11.4) at the ends of their
 * stated validity ranges, on round numbers worked by hand: S = 1000 W/m², η = 0.5, packing 1, no temperature,
 * pointing or life loss, so the array gives 500 W/m² at BOL and EOL.
 */
const cell: SolarArrayParams = {
  cellEfficiency: 0.5,
  missionLife_yr: 0,
  solarIrradiance_W_m2: 1000,
  packingFactor: 1,
  tempCoefficient_per_K: 0,
  inherentDegradation: 1,
};
// period 100 s, eclipse 20 s (T_d 80 s); daylight load 100 W, eclipse load 50 W (compute throttled to a half)
const node: PowerSystemParams = {
  ...cell,
  arrayArea_m2: 2,
  orbitPeriod_s: 100,
  eclipseDuration_s: 20,
  eclipseFractionMean: 0.2,
  computePower_W: 100,
  busPower_W: 0,
  islPower_W: 0,
  pumpPower_W: 0,
  eclipseComputeFraction: 0.5,
  depthOfDischarge: 0.5,
  batterySpecificEnergy_J_per_kg: 1000,
  arrayArealDensity_kg_m2: 3,
  pathEfficiencyEclipse: 0.5,
  pathEfficiencyDaylight: 1,
  batteryToLoadEfficiency: 1,
};

describe('solar array chain: validity ends', () => {
  it('accepts η = 0.5, packing 1, I_d 1, d = 0, 30 years, 200 K and 420 K cells, 250 K and 320 K ratings', () => {
    expect(solarArrayOutput(cell).bol_W_m2).toBe(500);
    expect(solarArrayOutput({ ...cell, missionLife_yr: 30, degradationRate_per_yr: 0 }).eol_W_m2).toBe(500);
    // γ = −0.001/K over 420 − 320 = 100 K: k_T = 0.9; 200 − 250 = −50 K: k_T = 1.05
    const hot = solarArrayOutput({ ...cell, tempCoefficient_per_K: -0.001, cellTemp_K: 420, cellReferenceTemp_K: 320 });
    expect(hot.temperatureFactor).toBeCloseTo(0.9, 15);
    const cold = solarArrayOutput({
      ...cell,
      tempCoefficient_per_K: -0.001,
      cellTemp_K: 200,
      cellReferenceTemp_K: 250,
    });
    expect(cold.temperatureFactor).toBeCloseTo(1.05, 15);
    // |γ| = 0.05 is the last accepted coefficient
    expect(solarArrayOutput({ ...cell, tempCoefficient_per_K: 0.05, cellTemp_K: 301.15 }).temperatureFactor).toBe(1);
  });

  it('refuses each value beyond its range, naming it', () => {
    const refused: [Partial<SolarArrayParams>, RegExp][] = [
      [{ solarIrradiance_W_m2: 0 }, /solarArrayOutput: solarIrradiance_W_m2 = 0 must be finite and > 0/],
      [{ solarIrradiance_W_m2: Infinity }, /solarIrradiance_W_m2 = Infinity/],
      [{ irradianceCase: 'perihelion' as never }, /irradianceCase = 'perihelion' must be 'mean' or 'aphelion'/],
      [{ cellEfficiency: 0 }, /cellEfficiency = 0 must be in \(0, 0.5\]/],
      [{ cellEfficiency: 0.51 }, /cellEfficiency = 0.51/],
      [{ packingFactor: 0 }, /packingFactor = 0 must be in \(0, 1\]/],
      [{ packingFactor: 1.01 }, /packingFactor = 1.01/],
      [{ pointingError_rad: Math.PI / 2 }, /pointingError_rad = .* must be within ±π\/2/],
      [{ pointingError_rad: -Math.PI / 2 }, /pointingError_rad/],
      [{ sunIncidenceAngle_rad: -Math.PI / 2 }, /sunIncidenceAngle_rad = .* must be within ±π\/2/],
      [{ tempCoefficient_per_K: 0.051 }, /tempCoefficient_per_K = 0.051 must be within ±0.05 \/K/],
      [{ tempCoefficient_per_K: NaN }, /tempCoefficient_per_K = NaN/],
      [{ cellTemp_K: 199 }, /cellTemp_K = 199 outside 200–420 K/],
      [{ cellTemp_K: 421 }, /cellTemp_K = 421/],
      [{ cellReferenceTemp_K: 249 }, /cellReferenceTemp_K = 249 outside 250–320 K/],
      [{ cellReferenceTemp_K: 321 }, /cellReferenceTemp_K = 321/],
      [{ inherentDegradation: 0 }, /inherentDegradation = 0 must be in \(0, 1\]/],
      [{ inherentDegradation: 1.01 }, /inherentDegradation = 1.01/],
      [{ degradationRate_per_yr: 1 }, /degradationRate_per_yr = 1 must be in \[0, 1\)/],
      [{ degradationRate_per_yr: -0.01 }, /degradationRate_per_yr = -0.01/],
      [{ missionLife_yr: -1 }, /missionLife_yr = -1 outside 0–30 yr/],
      [{ missionLife_yr: 31 }, /missionLife_yr = 31/],
    ];
    for (const [change, message] of refused) expect(() => solarArrayOutput({ ...cell, ...change })).toThrow(message);
    // γ = −0.05/K over +20 K: k_T = 0 is refused (no power)
    expect(() =>
      solarArrayOutput({ ...cell, tempCoefficient_per_K: -0.05, cellTemp_K: 321.15, cellReferenceTemp_K: 301.15 }),
    ).toThrow(/temperature factor 1 \+ γ\(T − T_ref\) = .* must be > 0/);
  });
});

describe('SMAD power sizing by hand', () => {
  it('P_sa = (P_e T_e/X_e + P_d T_d/X_d)/T_d = (50·20/0.5 + 100·80/1)/80 = 125 W; battery and masses', () => {
    const r = powerSystem(node);
    expect([r.demandDaylight_W, r.demandEclipse_W]).toEqual([100, 50]);
    expect(r.requiredArrayPower_W).toBeCloseTo(125, 12);
    expect(r.requiredArrayArea_m2).toBeCloseTo(0.25, 14);
    // (100·80 + 50·20)/100 = 90 W averaged over the orbit
    expect(r.demandAvg_W).toBeCloseTo(90, 12);
    // 2 m² × 500 W/m² = 1000 W: margin 875 W = 7× P_sa
    expect([r.bolPower_W, r.eolPower_W]).toEqual([1000, 1000]);
    expect(r.powerMargin_W).toBeCloseTo(875, 12);
    expect(r.powerMargin).toBeCloseTo(7, 12);
    // supportable constant load: 1000·80/(20/0.5 + 80/1) = 80000/120
    expect(r.supportableLoad_W).toBeCloseTo(80000 / 120, 10);
    expect(r.orbitAverageArrayPower_W).toBeCloseTo(800, 12);
    // E = P_e T_e/(DOD η_b) = 50·20/0.5 = 2000 J, 2 kg at 1000 J/kg; array 2 m² × 3 kg/m²
    expect([r.batteryEnergy_J, r.batteryMass_kg, r.arrayMass_kg]).toEqual([2000, 2, 6]);
    // one eclipse per 100 s orbit: 31,557,600 s / 100 s cycles per Julian year
    expect(r.chargeCyclesPerYearMax).toBeCloseTo(315576, 9);
  });

  it('the eclipse load adds bus, ISL, pumps and the heater; the daylight load has no heater', () => {
    const r = powerSystem({ ...node, busPower_W: 10, islPower_W: 5, pumpPower_W: 3, eclipseHeaterPower_W: 7 });
    expect([r.demandDaylight_W, r.demandEclipse_W]).toEqual([118, 75]);
  });

  it('accepts the closed ends: DOD 1, eclipse fraction 0, no eclipse, full compute in eclipse, no array', () => {
    const sunlit = powerSystem({ ...node, eclipseDuration_s: 0, eclipseFractionMean: 0, depthOfDischarge: 1 });
    expect([sunlit.batteryEnergy_J, sunlit.chargeCyclesPerYearMax]).toEqual([0, 0]);
    expect(sunlit.requiredArrayPower_W).toBe(100);
    expect(powerSystem({ ...node, eclipseComputeFraction: 1 }).demandEclipse_W).toBe(100);
    expect(powerSystem({ ...node, eclipseComputeFraction: 0 }).demandEclipse_W).toBe(0);
    expect(powerSystem({ ...node, arrayArea_m2: 0 }).powerMargin).toBe(-1);
    expect(powerSystem({ ...node, arrayArealDensity_kg_m2: 0 }).arrayMass_kg).toBe(0);
  });

  it('defaults: X_e 0.60, X_d 0.80, η_b 0.90, full compute in eclipse, EOL sizing', () => {
    const { pathEfficiencyEclipse: _e, pathEfficiencyDaylight: _d, batteryToLoadEfficiency: _b, ...rest } = node;
    const { eclipseComputeFraction: _k, ...bare } = rest;
    const r = powerSystem({ ...bare, missionLife_yr: 10, degradationRate_per_yr: 0.1 });
    // (100·20/0.6 + 100·80/0.8)/80; EOL output 500·0.9¹⁰; battery 100·20/(0.5·0.9)
    expect(r.requiredArrayPower_W).toBeCloseTo((2000 / 0.6 + 10000) / 80, 10);
    expect(r.sizing).toBe('eol');
    expect(r.sizingOutput_W_m2).toBeCloseTo(500 * 0.9 ** 10, 10);
    expect(r.batteryEnergy_J).toBeCloseTo(2000 / 0.45, 9);
  });

  it('refuses values beyond the range, naming them', () => {
    const refused: [Partial<PowerSystemParams>, RegExp][] = [
      [{ arrayArea_m2: -1 }, /powerSystem: arrayArea_m2 = -1 must be ≥ 0/],
      [{ arrayArea_m2: Infinity }, /arrayArea_m2 = Infinity/],
      [{ orbitPeriod_s: 0, eclipseDuration_s: 0 }, /powerSystem: need 0 ≤ eclipseDuration_s < orbitPeriod_s/],
      [{ eclipseDuration_s: -1 }, /need 0 ≤ eclipseDuration_s/],
      [{ eclipseFractionMean: 1 }, /powerSystem: eclipseFractionMean must be in \[0, 1\)/],
      [{ eclipseFractionMean: -0.01 }, /eclipseFractionMean must be/],
      [{ depthOfDischarge: 1.01 }, /powerSystem: depthOfDischarge = 1.01 must be in \(0, 1\]/],
      [{ batterySpecificEnergy_J_per_kg: 0 }, /batterySpecificEnergy_J_per_kg must be > 0/],
      [{ arrayArealDensity_kg_m2: -1 }, /arrayArealDensity_kg_m2 ≥ 0/],
      [{ batteryToLoadEfficiency: 1.01 }, /powerSystem: batteryToLoadEfficiency = 1.01 must be in \(0, 1\]/],
      [{ eclipseComputeFraction: 1.01 }, /powerSystem: eclipseComputeFraction = 1.01 must be in \[0, 1\]/],
      [{ eclipseComputeFraction: -0.01 }, /eclipseComputeFraction = -0.01/],
      [{ busPower_W: -1 }, /loads \(compute, bus, ISL, pump, heater\) must be finite and ≥ 0/],
      [{ eclipseHeaterPower_W: Infinity }, /loads \(compute, bus, ISL, pump, heater\)/],
      [{ computePower_W: 0 }, /powerSystem: total daylight load must be > 0 W/],
    ];
    for (const [change, message] of refused) expect(() => powerSystem({ ...node, ...change })).toThrow(message);
    expect(() => powerSystem({ ...node, sizing: 'mol' as never })).toThrow(
      "powerSystem: sizing = 'mol' must be 'bol' or 'eol'",
    );
  });
});
