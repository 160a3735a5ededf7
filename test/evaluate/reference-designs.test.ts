/**
 * Reference designs vs their published figures (designs/CALIBRATION.md has the table and the decomposition).
 *
 * Sources (confidence tags as in docs/sources.md):
 * [AI1]  SpaceX AI1 reveal, 8 Jun 2026, secondary reporting (techstoriess, digg, peregrinations, ai.blab,
 *        Tom's Hardware), docs/sources.md §3 [S]: 120 kW avg / 150 kW peak, ~600 m² at 250 W/m², ~110 m²
 *        radiator at ~1,400 W/m², ~70 kW per tonne.
 * [SC3]  Starcloud-3, TechCrunch via teleo-codex note on the Starcloud white paper, docs/sources.md §2 [S]:
 *        200 kW / 3 t (≈67 W/kg), Starship, parity at ~$500/kg; ">95 % capacity factor" [S].
 * [SUN]  Google Suncatcher, arXiv:2511.19468, docs/sources.md §1: 650 km dawn-dusk SSO [P/S], ≲$200/kg [P],
 *        "~98 % sunlit" [S], TPU v6e no hard failures to 15 krad(Si), HBM irregularities from ~2 krad(Si) [P/S],
 *        ~9.6–12.8 Tbps per aperture [T].
 * [TB]   ADA Space Three-Body constellation, docs/sources.md §3 [S]: 744 TOPS and 100 Gbps ISL per satellite,
 *        12 per Long March 2D, batch "5 POPS".
 * [DF]   docs/sources.md §4 derived values [D]: ideal two-sided ε = 0.9 flux at 340 K = 1,364 W/m²; 650 km
 *        dawn-dusk SSO: β_min ≈ 58.6°, max eclipse ≈ 19.7 min, annual eclipse fraction ≈ 3.9 % (±0.5 pt).
 *
 * Where the model agrees with a published figure within a physical tolerance, it is asserted. Where it
 * disagrees, the model's own value is pinned in a band around today's value AND the direction and size of
 * the gap are asserted, so a model change that moves either is noticed (see CALIBRATION.md for the cause).
 */
import { describe, expect, it } from 'vitest';
import { evaluateDesignFile } from '../../src/evaluate/evaluator.js';
import type { DesignRecord } from '../../src/evaluate/record.js';
import { STEFAN_BOLTZMANN_W_m2K4 } from '../../src/units/constants.js';

const ai1 = evaluateDesignFile('designs/ai1.yaml').record;
const sc3 = evaluateDesignFile('designs/starcloud-3.yaml').record;
const sun = evaluateDesignFile('designs/suncatcher.yaml').record;
const tb = evaluateDesignFile('designs/three-body.yaml').record;

/** |value − centre| ≤ tol. */
function expectNear(value: number, centre: number, tol: number, what: string): void {
  expect(Math.abs(value - centre), `${what}: ${value} vs ${centre} ± ${tol}`).toBeLessThanOrEqual(tol);
}
/** lo ≤ value ≤ hi. */
function expectBetween(value: number, lo: number, hi: number, what: string): void {
  expect(value, `${what} = ${value} should be ≥ ${lo}`).toBeGreaterThanOrEqual(lo);
  expect(value, `${what} = ${value} should be ≤ ${hi}`).toBeLessThanOrEqual(hi);
}
const violated = (r: DesignRecord) => r.constraints.filter((c) => !c.satisfied).map((c) => c.name).sort();

// Bands around today's model values for quantities that depend on the whole mass roll-up (bus fraction,
// margin, propellant and cost models are still being calibrated): ±10 %.
const modelBand = 0.1;

describe('AI1 vs its published figures [AI1]', () => {
  it('IT power: 120 kW average agrees; the model peak (GB300 rack row, 140 kW) is within 10 % below the quoted 150 kW', () => {
    const tolerance_W = 2e3;
    expectNear(ai1.compute.itPowerAvg_W, 120e3, tolerance_W, 'IT average');
    expect(ai1.compute.itPowerPeak_W).toBeLessThan(150e3);
    expectBetween(ai1.compute.itPowerPeak_W / 150e3, 0.9, 1, 'model peak / quoted 150 kW');
  });

  it('array output per m²: model BOL is ~10 % above the stated 250 W/m² and EOL agrees within 10 %', () => {
    const statedFlux_W_m2 = 150e3 / 600; // [AI1] 150 kW arrays at 250 W/m² → 600 m²
    const bol = ai1.power.bolPower_W / ai1.power.arrayArea_m2;
    const eol = ai1.power.eolPower_W / ai1.power.arrayArea_m2;
    expectBetween(bol / statedFlux_W_m2, 1.05, 1.15, 'model BOL W/m² / 250');
    expectBetween(eol / statedFlux_W_m2, 0.95, 1.1, 'model EOL W/m² / 250');
  });

  it('array area DISAGREES: the SMAD sizing needs ~1.4× the 600 m² (path efficiencies + eclipse recharge)', () => {
    // CALIBRATION.md AI1 row "array area needed": X_d = 0.80 and the worst-eclipse recharge through X_e = 0.60.
    expectBetween(ai1.power.requiredArrayArea_m2, 829 * (1 - modelBand), 829 * (1 + modelBand), 'required array area');
    expectBetween(ai1.power.requiredArrayArea_m2 / 600, 1.2, 1.6, 'required / published 600 m²');
  });

  it('radiator: the ideal two-sided ε = 0.9 flux at 340 K is the quoted ~1,364 W/m² [DF]; the model runs at that temperature', () => {
    const ideal_W_m2 = 2 * 0.9 * STEFAN_BOLTZMANN_W_m2K4 * 340 ** 4;
    expectNear(ideal_W_m2, 150e3 / 110, 0.005 * ideal_W_m2, 'ideal flux vs 150 kW / 110 m²');
    const oneKelvin = 1;
    expectNear(ai1.thermal.radiatorTemp_K, 340, oneKelvin, 'model radiator temperature (Tj 360 K − ΔT 20 K)');
  });

  it('radiator flux DISAGREES: hot-case net ~1,060 W/m² is 1.25–1.45× below the claimed ~1,400 W/m² (OSR ε, Earth IR, albedo)', () => {
    // CALIBRATION.md AI1 row "radiator net flux": ε 0.79 vs 0.9 and ~139 W/m² absorbed in the hot case.
    const tolerance_W_m2 = 30;
    expectNear(ai1.thermal.netFlux_W_m2, 1058, tolerance_W_m2, 'model hot-case net flux');
    expectBetween(1400 / ai1.thermal.netFlux_W_m2, 1.25, 1.45, 'claimed 1,400 / model');
    expectBetween(ai1.thermal.requiredRadiatorArea_m2 / 110, 1.1, 1.35, 'required / published 110 m²');
  });

  it('specific power DISAGREES: model kW/t is 2.5–5× below the claimed ~70 kW/t', () => {
    // CALIBRATION.md AI1 rows "launch mass" and "kW per tonne": battery for full compute through the worst
    // eclipse, 2.4 kg/m² ROSA array, radiator, then ×1.5 for 25 % bus + 20 % margin.
    expectBetween(ai1.mass.kW_per_t, 18.3 * (1 - modelBand), 18.3 * (1 + modelBand), 'model kW/t (IT average)');
    expectBetween(70 / ai1.mass.kW_per_t, 2.5, 5, 'claimed 70 kW/t / model');
    expectBetween(ai1.mass.launch_kg, 6570 * (1 - modelBand), 6570 * (1 + modelBand), 'model launch mass');
    expect(ai1.mass.launch_kg / 2100).toBeGreaterThan(2.5);
  });

  it('the published AI1 point violates exactly the array, radiator and mass-closure constraints in the model', () => {
    expect(violated(ai1)).toEqual(['mass.launchClosure', 'power.arrayArea', 'thermal.radiatorArea']);
  });
});

describe('Starcloud-3 vs its published figures [SC3]', () => {
  it('200 kW: 112 B200 give 200 kW peak IT within 1 %', () => {
    expectNear(sc3.compute.itPowerPeak_W, 200e3, 0.01 * 200e3, 'peak IT');
  });

  it('sunlit fraction of the dawn-dusk orbit agrees with ">95 % capacity factor"', () => {
    expect(1 - sc3.orbit.eclipseFraction).toBeGreaterThan(0.95);
  });

  it('specific power DISAGREES: model 2–4× below the published 67 W/kg (200 kW / 3 t)', () => {
    // CALIBRATION.md Starcloud-3 rows: battery for the worst eclipse, compute at 10 kg per B200, ×1.5 bus + margin.
    const peakWPerKg = sc3.compute.itPowerPeak_W / sc3.mass.launch_kg;
    expectBetween(peakWPerKg, 25.7 * (1 - modelBand), 25.7 * (1 + modelBand), 'model peak IT W/kg');
    expectBetween(200e3 / 3000 / peakWPerKg, 2, 4, 'published 67 W/kg / model');
    expectBetween(sc3.mass.kW_per_t, 21.9 * (1 - modelBand), 21.9 * (1 + modelBand), 'model kW/t (IT average)');
    expect(violated(sc3)).toEqual(['mass.launchClosure']);
  });

  it('the ~$500/kg parity price is the launch price used', () => {
    expect(sc3.cost.launchPrice_USD_per_kg).toBe(500);
  });

  it('radiator-to-array area DISAGREES with the white paper\'s "roughly half": the model needs ~0.1 (348 K vs 293 K radiator)', () => {
    const ratio = sc3.thermal.requiredRadiatorArea_m2 / sc3.power.requiredArrayArea_m2;
    expectBetween(ratio, 0.08, 0.14, 'model required radiator / required array');
  });
});

describe('Suncatcher vs its published figures [SUN]', () => {
  it('650 km dawn-dusk SSO: annual eclipse fraction 3.9 % ± 0.5 pt, max eclipse 19.7 min, β_min 58.6° [DF]', () => {
    expectNear(sun.orbit.eclipseFraction, 0.039, 0.005, 'annual eclipse fraction');
    const halfMinute_min = 0.5;
    expectNear(sun.orbit.maxEclipse_min, 19.7, halfMinute_min, 'longest eclipse');
    const halfDegree_deg = 0.5;
    expectNear(Math.min(Math.abs(sun.orbit.betaMin_deg), Math.abs(sun.orbit.betaMax_deg)), 58.6, halfDegree_deg, '|β| minimum');
  });

  it('"~98 % sunlit" DISAGREES: the model is ~96 % sunlit, i.e. about twice the shadow time', () => {
    // The ideal dawn-dusk plane reaches β ≈ 58.6° < β* = 65.2° around one solstice: eclipses of up to ~20 min
    // for a few months. A cylindrical shadow is the optimistic case (penumbra lengthens eclipses), so "~98 %"
    // (2 % shadow) is reproduced only near ~900 km in this model, not at 650 km (CALIBRATION.md).
    const sunlit = 1 - sun.orbit.eclipseFraction;
    expectBetween(sunlit, 0.955, 0.97, 'model sunlit fraction');
    expectBetween(sun.orbit.eclipseFraction / 0.02, 1.6, 2.3, 'model shadow / 2 % implied by "~98 % sunlit"');
  });

  it('TPU v6e: 5-yr dose with ×2 margin stays below the 15 krad(Si) tested, above the ~2 krad(Si) HBM threshold', () => {
    expect(sun.radiation.tolerance_rad).toBe(15000);
    expectBetween(sun.radiation.missionDose_rad, 2000, 15000, 'mission dose with margin');
  });

  it('launch at the ≲ $200/kg threshold and DWDM apertures at the modeled ~9.6–12.8 Tbps', () => {
    expect(sun.cost.launchPrice_USD_per_kg).toBe(200);
    expectBetween(sun.isl.capacity_Gbps / sun.isl.terminals, 9600, 12800, 'Gbps per aperture');
  });
});

describe('Three-Body vs its published figures [TB]', () => {
  it('744 TOPS (INT8) per satellite', () => {
    const oneTops = 1e-9;
    expectNear(tb.compute.peakPFLOPS * 1000, 744, oneTops, 'TOPS per satellite');
    expect(tb.compute.precision).toBe('INT8');
  });

  it('the published "5 POPS" batch total is 0.56× of 12 × 744 TOPS (precision unspecified, docs/sources.md §3)', () => {
    expectBetween((12 * tb.compute.peakPFLOPS) / 5, 1.7, 1.9, '12 × 744 TOPS / 5 POPS');
  });

  it('100 Gbps per laser ISL terminal', () => {
    expect(tb.isl.capacity_Gbps / tb.isl.terminals).toBe(100);
  });

  it('mass closes within the 3,500 kg / 12 Long March 2D share', () => {
    expect(tb.mass.launch_kg).toBeLessThanOrEqual(291);
    expect(violated(tb)).toEqual([]);
  });

  it('nodes per launch: the allocation of 3,500 kg / 12 gives the 12 satellites the first LM-2D batch flew', () => {
    // Launch cost follows the mass allocated per node (launch.mass_kg), as a real manifest does.
    expect(tb.cost.nodesPerLaunch).toBe(12);
    expect(tb.cost.launch_USD).toBeCloseTo(30e6 / 12, -3);
  });
});
