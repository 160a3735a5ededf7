import { describe, expect, it } from 'vitest';
import { solarArrayOutput, type SolarArrayParams } from '../../../src/models/power/solarArray.js';
import { deg } from '../../helpers/units.js';
import { SOLAR_CONSTANT_W_m2 } from '../../helpers/constants.js';

// Sources:
// [SMAD] Wertz & Larson, SMAD 3rd ed. (1999) §11.4: P_BOL = P_0 I_d cos θ, P_EOL = P_BOL (1 − d)^years; FireSat example
//        worst-case Sun incidence 23.5°; GaAs/MJ degradation 2.75 %/yr (docs/sources.md §4).
// [KL]   Kopp & Lean, GRL 38 L01706 (2011): TSI 1360.8 ± 0.5 W/m² at 1 AU; seasonal ±3.3 % → 1316–1406 W/m²
// (domain-facts §4). [J2000] Earth orbit eccentricity e = 0.0167086; irradiance ∝ 1/r², r_aphelion = 1 + e AU.
// Every expected value below is a hand calculation written out next to it.

const tolerance_W_m2 = 0.01;

/**
 * Triple-junction array: η 0.30 at 28 °C; the model's defaults for the rest (packing 0.85, γ −0.0022/K, 333.15 K, I_d
 * 0.90).
 */
const tj: SolarArrayParams = { cellEfficiency: 0.3, missionLife_yr: 5 };

describe('solarArrayOutput: the chain by hand', () => {
  it('BOL and EOL W/m² of a TJ array with a 5° pointing error [SMAD]', () => {
    const r = solarArrayOutput({ ...tj, pointingError_rad: 5 * deg });
    // rated = 1361 × 0.30 × 0.85 = 347.055; k_T = 1 − 0.0022 × (333.15 − 301.15) = 0.9296; cos 5° = 0.9961947
    // BOL = 347.055 × 0.9296 × 0.90 × 0.9961947 = 289.2552 W/m²
    expect(Math.abs(r.bol_W_m2 - 289.2552)).toBeLessThan(tolerance_W_m2);
    // EOL = BOL × 0.9725⁵ = 289.2552 × 0.8698574 = 251.6108 W/m²
    expect(Math.abs(r.eol_W_m2 - 251.6108)).toBeLessThan(tolerance_W_m2);
  });

  it('every factor of the waterfall is named with its hand value', () => {
    const r = solarArrayOutput({ ...tj, pointingError_rad: 5 * deg });
    expect(r.solarIrradiance_W_m2).toBe(SOLAR_CONSTANT_W_m2);
    expect(r.cellEfficiency).toBe(0.3);
    expect(r.packingFactor).toBe(0.85);
    expect(Math.abs(r.rated_W_m2 - 347.055)).toBeLessThan(tolerance_W_m2);
    expect(r.irradianceCaseFactor).toBe(1);
    expect(r.temperatureFactor).toBeCloseTo(0.9296, 12);
    expect(r.inherentDegradation).toBe(0.9);
    expect(r.pointingCosine).toBeCloseTo(0.9961947, 7);
    expect(r.incidenceCosine).toBe(1);
    expect(r.lifeDegradation).toBeCloseTo(0.8698574, 7);
  });

  it('the product of the named factors is the BOL and EOL output', () => {
    const r = solarArrayOutput({
      ...tj,
      pointingError_rad: 0.03,
      sunIncidenceAngle_rad: 0.2,
      irradianceCase: 'aphelion',
    });
    const product =
      r.rated_W_m2 *
      r.irradianceCaseFactor *
      r.temperatureFactor *
      r.inherentDegradation *
      r.pointingCosine *
      r.incidenceCosine;
    expect(r.bol_W_m2).toBeCloseTo(product, 10);
    expect(r.eol_W_m2).toBeCloseTo(product * r.lifeDegradation, 10);
  });

  it('aphelion irradiance is 1316 W/m² on the 1361 baseline [KL, J2000]', () => {
    const mean = solarArrayOutput(tj);
    const aph = solarArrayOutput({ ...tj, irradianceCase: 'aphelion' });
    // 1/(1.0167086)² = 0.9674021 → 1361 × 0.9674021 = 1316.63 W/m², the published low end 1316 W/m² within 1 W/m².
    expect(aph.irradianceCaseFactor).toBeCloseTo(0.9674021, 7);
    expect(Math.abs(SOLAR_CONSTANT_W_m2 * (aph.bol_W_m2 / mean.bol_W_m2) - 1316)).toBeLessThan(1);
    expect(aph.eol_W_m2 / mean.eol_W_m2).toBeCloseTo(1316.634 / SOLAR_CONSTANT_W_m2, 5);
  });

  it('the seasonal cosine of a 23.5° worst-case incidence is cos 23.5° = 0.91706 [SMAD]', () => {
    const r = solarArrayOutput({ ...tj, sunIncidenceAngle_rad: 23.5 * deg });
    expect(r.incidenceCosine).toBeCloseTo(0.9170601, 7);
    expect(r.bol_W_m2 / solarArrayOutput(tj).bol_W_m2).toBeCloseTo(0.9170601, 7);
  });

  it('defaults are the sun-tracking, mean-irradiance chain of today (explicit defaults change nothing)', () => {
    const explicit = solarArrayOutput({
      ...tj,
      solarIrradiance_W_m2: SOLAR_CONSTANT_W_m2,
      irradianceCase: 'mean',
      packingFactor: 0.85,
      pointingError_rad: 0,
      sunIncidenceAngle_rad: 0,
      tempCoefficient_per_K: -0.0022,
      cellTemp_K: 333.15,
      cellReferenceTemp_K: 301.15,
      inherentDegradation: 0.9,
      degradationRate_per_yr: 0.0275,
    });
    expect(explicit).toEqual(solarArrayOutput(tj));
  });

  it('a 25 °C rating derates over 35 K instead of 32 K: k_T = 1 − 0.0022 × 35 = 0.923', () => {
    expect(solarArrayOutput({ ...tj, cellReferenceTemp_K: 298.15 }).temperatureFactor).toBeCloseTo(0.923, 12);
  });

  it('rejects values outside the validity range with RangeError naming the parameter', () => {
    const bad: [Partial<SolarArrayParams>, RegExp][] = [
      [{ cellEfficiency: 0 }, /cellEfficiency/],
      [{ cellEfficiency: 30 }, /cellEfficiency/],
      [{ packingFactor: 1.2 }, /packingFactor/],
      [{ pointingError_rad: Math.PI / 2 }, /pointingError_rad/],
      [{ sunIncidenceAngle_rad: -Math.PI / 2 }, /sunIncidenceAngle_rad/],
      [{ cellTemp_K: 450 }, /cellTemp_K/],
      [{ cellReferenceTemp_K: 0 }, /cellReferenceTemp_K/],
      [{ tempCoefficient_per_K: -0.45 }, /tempCoefficient_per_K/],
      [{ inherentDegradation: 0 }, /inherentDegradation/],
      [{ degradationRate_per_yr: 1 }, /degradationRate_per_yr/],
      [{ missionLife_yr: 31 }, /missionLife_yr/],
      [{ solarIrradiance_W_m2: 0 }, /solarIrradiance_W_m2/],
      [{ irradianceCase: 'perihelion' as unknown as 'mean' }, /irradianceCase/],
    ];
    for (const [patch, message] of bad) {
      expect(() => solarArrayOutput({ ...tj, ...patch }), message.source).toThrow(RangeError);
      expect(() => solarArrayOutput({ ...tj, ...patch }), message.source).toThrow(message);
    }
  });
});
