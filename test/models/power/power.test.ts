import { describe, expect, it } from 'vitest';
import { powerSystem, type PowerSystemParams } from '../../../src/models/power/power.js';
import { orbitGeometry } from '../../../src/models/orbit/orbit.js';
import { Wh_to_J } from '../../../src/base/convert.js';
import { solarArrayOutput, type SolarArrayParams } from '../../../src/models/power/solarArray.js';
import { SOLAR_CONSTANT_W_m2 } from '../../helpers/constants.js';

// Sources:
// [SMAD] Wertz & Larson, SMAD 3rd ed. §11.4: P_sa = (P_e T_e/X_e + P_d T_d/X_d)/T_d, X_e 0.60 / X_d 0.80 (peak-power
//        tracking); L_d = (1 − d)^years; C = P_e T_e/(DOD n), n ≈ 0.9 — as quoted in docs/sources.md §4.
// [AI1]  SpaceX AI1 (docs/sources.md §3): 150 kW arrays, 250 W/m² array-level assumption → ~600 m².
// [ISS]  ISS arrays (docs/sources.md §4): 8 wings ~240 kW in sunlight, 84–120 kW orbit average.

const oneWatt_W = 1;

/** AI1-class node at 550 km dawn-dusk SSO: worst orbit from orbit.ts. */
const orbit = orbitGeometry({ altitude_m: 550e3, inclination: { kind: 'sso', ltan_h: 18 } });
const node: PowerSystemParams = {
  arrayArea_m2: 600,
  cellEfficiency: 0.3,
  missionLife_yr: 5,
  orbitPeriod_s: orbit.period_s,
  eclipseDuration_s: orbit.maxEclipse_s,
  eclipseFractionMean: orbit.eclipseFractionMean,
  computePower_W: 120e3,
  busPower_W: 3e3,
  islPower_W: 0.5e3,
  pumpPower_W: 2.4e3,
  depthOfDischarge: 0.25,
  batterySpecificEnergy_J_per_kg: Wh_to_J(140),
  arrayArealDensity_kg_m2: 2,
};

describe('powerSystem: array output', () => {
  it('AI1: 600 m² at an array-level 250 W/m² gives 150 kW at BOL [AI1]', () => {
    const r = powerSystem({
      ...node,
      cellEfficiency: 250 / SOLAR_CONSTANT_W_m2,
      packingFactor: 1,
      tempCoefficient_per_K: 0,
      inherentDegradation: 1,
      solarIrradiance_W_m2: SOLAR_CONSTANT_W_m2,
    });
    expect(Math.abs(r.bolPower_W - 150e3)).toBeLessThan(oneWatt_W);
  });
  it('EOL = BOL × (1 − d)^years [SMAD]', () => {
    const r = powerSystem(node);
    expect(r.eolPower_W / r.bolPower_W).toBeCloseTo(0.9725 ** 5, 12);
  });
  it('hotter cells and larger pointing errors give less power', () => {
    const base = powerSystem(node).bolPower_W;
    expect(powerSystem({ ...node, cellTemp_K: 353.15 }).bolPower_W).toBeLessThan(base);
    expect(powerSystem({ ...node, pointingError_rad: 0.1 }).bolPower_W).toBeCloseTo(base * Math.cos(0.1), 6);
  });
});

/** A 100 min orbit with a 36 min eclipse, 100 W of compute and 10 W of bus ([SMAD]'s round numbers). */
const smadOrbit = {
  orbitPeriod_s: 6000,
  eclipseDuration_s: 2160,
  computePower_W: 100,
  busPower_W: 10,
  islPower_W: 0,
  pumpPower_W: 0,
};

describe('powerSystem: SMAD sizing', () => {
  it('P_sa reproduces the SMAD formula by hand for a 100 min orbit with a 36 min eclipse [SMAD]', () => {
    const r = powerSystem({ ...node, ...smadOrbit });
    // (110·36/0.6 + 110·64/0.8)/64 = 240.625 W
    expect(Math.abs(r.requiredArrayPower_W - 240.625)).toBeLessThan(1e-9);
    // C = 110 W × 36 min /(0.25 × 0.9) = 17,600 W·min = 293.3 Wh
    expect(r.batteryEnergy_J / 3600).toBeCloseTo(293.333, 3);
  });
  it('ISS-like orbit: 240 kW of sunlit array supports 84–120 kW orbit-average load [ISS]', () => {
    const iss = orbitGeometry({
      altitude_m: 400e3,
      inclination: { kind: 'fixed', inclination_rad: (51.6 * Math.PI) / 180 },
    });
    const r = powerSystem({
      ...node,
      cellEfficiency: 0.2,
      arrayArea_m2: 240e3 / (SOLAR_CONSTANT_W_m2 * 0.2 * 0.85 * (1 - 0.0022 * 32) * 0.9),
      missionLife_yr: 0,
      orbitPeriod_s: iss.period_s,
      eclipseDuration_s: iss.maxEclipse_s,
      eclipseFractionMean: iss.eclipseFractionMean,
    });
    expect(Math.abs(r.eolPower_W - 240e3)).toBeLessThan(oneWatt_W);
    expect(r.supportableLoad_W).toBeGreaterThan(84e3);
    expect(r.supportableLoad_W).toBeLessThan(120e3);
  });
  it('requiredArrayArea_m2 grows with compute load and with eclipse duration', () => {
    const base = powerSystem(node).requiredArrayArea_m2;
    expect(powerSystem({ ...node, computePower_W: 150e3 }).requiredArrayArea_m2).toBeGreaterThan(base);
    expect(powerSystem({ ...node, eclipseDuration_s: 35 * 60 }).requiredArrayArea_m2).toBeGreaterThan(base);
  });
  it('supportableLoad_W equals the demand exactly when the array has the required area', () => {
    const sized = powerSystem(node);
    const r = powerSystem({ ...node, arrayArea_m2: sized.requiredArrayArea_m2 });
    expect(Math.abs(r.supportableLoad_W - r.demandDaylight_W)).toBeLessThan(1e-6);
    expect(Math.abs(r.powerMargin)).toBeLessThan(1e-12);
  });
  it('an eclipse-free orbit needs no battery and sizes the array on daylight losses only', () => {
    const r = powerSystem({ ...node, eclipseDuration_s: 0, eclipseFractionMean: 0 });
    expect(r.batteryEnergy_J).toBe(0);
    expect(r.requiredArrayPower_W).toBeCloseTo(r.demandDaylight_W / 0.8, 9);
  });
  it('batteryMass_kg = energy / specific energy; batteryEnergy_J grows as DOD shrinks', () => {
    const r = powerSystem(node);
    expect(r.batteryMass_kg).toBeCloseTo(r.batteryEnergy_J / Wh_to_J(140), 9);
    expect(powerSystem({ ...node, depthOfDischarge: 0.2 }).batteryEnergy_J).toBeGreaterThan(r.batteryEnergy_J);
    expect(r.arrayMass_kg).toBe(1200);
  });
  it('throttling compute in eclipse shrinks the battery', () => {
    expect(powerSystem({ ...node, eclipseComputeFraction: 0.2 }).batteryEnergy_J).toBeLessThan(
      powerSystem(node).batteryEnergy_J,
    );
  });
  it('rejects inputs outside the validity range with RangeError', () => {
    expect(() => powerSystem({ ...node, depthOfDischarge: 0 })).toThrow(RangeError);
    expect(() => powerSystem({ ...node, eclipseDuration_s: node.orbitPeriod_s })).toThrow(RangeError);
    expect(() => powerSystem({ ...node, cellEfficiency: 0.9 })).toThrow(/cellEfficiency/);
  });
  it('rejects path efficiencies outside (0, 1] and an unknown sizing point, naming the parameter', () => {
    for (const x of [0, -0.1, 1.2, Number.NaN]) {
      expect(() => powerSystem({ ...node, pathEfficiencyDaylight: x })).toThrow(/pathEfficiencyDaylight/);
      expect(() => powerSystem({ ...node, pathEfficiencyEclipse: x })).toThrow(/pathEfficiencyEclipse/);
      expect(() => powerSystem({ ...node, batteryToLoadEfficiency: x })).toThrow(RangeError);
    }
    expect(() => powerSystem({ ...node, pathEfficiencyDaylight: 1, pathEfficiencyEclipse: 1 })).not.toThrow();
    expect(() => powerSystem({ ...node, sizing: 'mol' as unknown as 'eol' })).toThrow(/sizing/);
    expect(() => powerSystem({ ...node, sunIncidenceAngle_rad: 2 })).toThrow(RangeError);
  });
});

describe('powerSystem: efficiency chain and sizing point', () => {
  it('direct energy transfer X_e 0.65, X_d 0.85: P_sa by hand [SMAD p. 415]', () => {
    const r = powerSystem({ ...node, ...smadOrbit, pathEfficiencyEclipse: 0.65, pathEfficiencyDaylight: 0.85 });
    // (110·36/0.65 + 110·64/0.85)/64 = (6,092.31 + 8,282.35)/64 = 224.604 W
    expect(Math.abs(r.requiredArrayPower_W - 224.604)).toBeLessThan(0.001);
    // Area at EOL with the default chain: EOL = 1361 × 0.30 × 0.85 × 0.9296 × 0.90 × 0.9725⁵ = 252.5719 W/m²
    expect(r.requiredArrayArea_m2).toBeCloseTo(224.604 / 252.5719, 5);
  });

  it("sizing 'bol' needs (1 − d)^years less area than 'eol': 0.9725⁵ = 0.86986 [SMAD]", () => {
    const eol = powerSystem(node);
    const bol = powerSystem({ ...node, sizing: 'bol' });
    expect(bol.requiredArrayArea_m2 / eol.requiredArrayArea_m2).toBeCloseTo(0.8698574, 7);
    expect(bol.requiredArrayPower_W).toBe(eol.requiredArrayPower_W);
    expect(bol.sizing).toBe('bol');
    expect(bol.sizingOutput_W_m2).toBe(bol.arrayOutputBol_W_m2);
    // Margin and supportable load follow the sizing point: BOL power against the same P_sa.
    expect(bol.powerMargin_W).toBeCloseTo(bol.bolPower_W - bol.requiredArrayPower_W, 6);
    expect(bol.supportableLoad_W / eol.supportableLoad_W).toBeCloseTo(1 / 0.8698574, 7);
  });

  it("the default sizing point is 'eol' (today's behaviour)", () => {
    const r = powerSystem(node);
    expect(r.sizing).toBe('eol');
    expect(r).toEqual(powerSystem({ ...node, sizing: 'eol' }));
    expect(r.requiredArrayArea_m2).toBe(r.requiredArrayPower_W / r.arrayOutputEol_W_m2);
    expect(r.powerMargin_W).toBe(r.eolPower_W - r.requiredArrayPower_W);
  });

  it('sizing at aphelion needs 1361/1316.6 = 1.0337 × the area of the mean-irradiance case [KL]', () => {
    const mean = powerSystem(node);
    const aph = powerSystem({ ...node, irradianceCase: 'aphelion' });
    expect(aph.requiredArrayArea_m2 / mean.requiredArrayArea_m2).toBeCloseTo(1.0336964, 6);
  });

  it('the result carries the named chain whose BOL/EOL are the array outputs', () => {
    const r = powerSystem({ ...node, pointingError_rad: 0.05, sunIncidenceAngle_rad: 0.1 });
    expect(r.array.bol_W_m2).toBe(r.arrayOutputBol_W_m2);
    expect(r.array.eol_W_m2).toBe(r.arrayOutputEol_W_m2);
    expect(r.array.pointingCosine).toBeCloseTo(Math.cos(0.05), 12);
    expect(r.array.incidenceCosine).toBeCloseTo(Math.cos(0.1), 12);
    expect(r.bolPower_W).toBeCloseTo(r.array.bol_W_m2 * 600, 6);
  });
});

describe('ranges', () => {
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
      /** γ = −0.001/K, the cell at cellTemp_K against its rating at cellReferenceTemp_K. */
      const at = (cellTemp_K: number, cellReferenceTemp_K: number) =>
        solarArrayOutput({ ...cell, tempCoefficient_per_K: -0.001, cellTemp_K, cellReferenceTemp_K });
      const hot = at(420, 320);
      expect(hot.temperatureFactor).toBeCloseTo(0.9, 15);
      const cold = at(200, 250);
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
});
