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
 * disagrees, the model's value is checked against a HAND CALCULATION from the catalog rows and textbook
 * formulas (arithmetic in the test's comment, tolerance stated), and the size of the gap to the published
 * figure is asserted, so a model change that moves either is noticed (see CALIBRATION.md for the cause).
 *
 * Hand-calculation inputs used below (catalog rows in designs/catalogs/): σ = 5.670374e-8, μ = 3.986004e14,
 * R⊕ = 6,378.137 km, S = 1,361 W/m² (hot case 1,406), g0 = 9.80665, 1 yr = 365.25 d. 600 km dawn-dusk SSO:
 * i = 97.79° (J2), β_min = 90° − 23.44° − 7.79° = 58.77°, period 96.69 min, longest eclipse
 * acos(√(h² + 2R⊕h) / (r·cos β_min))/π × P = acos(2,830.8 / 3,618.5)/π × 96.69 = 20.69 min (the cylindrical
 * shadow of Vallado 2013 §5.3), sunlit T_d = 76.00 min.
 */
import { describe, expect, it } from 'vitest';
import { evaluateDesignFile } from '../../src/node/evaluator.js';
import type { DesignRecord } from '../../src/node/record/record.js';
import { SIGMA as STEFAN_BOLTZMANN_W_m2K4 } from '../helpers/constants.js';

const ai1 = evaluateDesignFile('designs/ai1.yaml').record;
const sc3 = evaluateDesignFile('designs/starcloud-3.yaml').record;
const sun = evaluateDesignFile('designs/suncatcher.yaml').record;
const tb = evaluateDesignFile('designs/three-body.yaml').record;

/** |value/centre − 1| ≤ tol. */
function expectRel(value: number, centre: number, tol: number, what: string): void {
  expect(Math.abs(value / centre - 1), `${what}: ${value} vs ${centre} ± ${tol * 100} %`).toBeLessThanOrEqual(tol);
}
/** |value − centre| ≤ tol. */
function expectNear(value: number, centre: number, tol: number, what: string): void {
  expect(Math.abs(value - centre), `${what}: ${value} vs ${centre} ± ${tol}`).toBeLessThanOrEqual(tol);
}
/** lo ≤ value ≤ hi. */
function expectBetween(value: number, lo: number, hi: number, what: string): void {
  expect(value, `${what} = ${value} should be ≥ ${lo}`).toBeGreaterThanOrEqual(lo);
  expect(value, `${what} = ${value} should be ≤ ${hi}`).toBeLessThanOrEqual(hi);
}
const violated = (r: DesignRecord) =>
  r.constraints
    .filter((c) => !c.satisfied)
    .map((c) => c.name)
    .sort();

// Tolerance of hand calculations that go through the eclipse length: the hand value uses the mean obliquity
// 23.44° and the J2 SSO inclination, the model its own Sun ephemeris (0.08 % on the eclipse, 0.03 % on areas).
const eclipseHand = 0.005;
// Tolerance of hand calculations that do not involve the orbit (catalog arithmetic, 5 significant figures).
const arithmeticHand = 1e-4;

describe('AI1 vs its published figures [AI1]', () => {
  it('IT power: 120 kW average agrees; the model peak (GB300 rack row, 140 kW) is within 10 % below the quoted 150 kW', () => {
    const tolerance_W = 2e3;
    expectNear(ai1.compute.itPowerAvg_W, 120e3, tolerance_W, 'IT average');
    expect(ai1.compute.itPowerPeak_W).toBeLessThan(150e3);
    expectBetween(ai1.compute.itPowerPeak_W / 150e3, 0.9, 1, 'model peak / quoted 150 kW');
  });

  it('array output per m²: BOL 250.12 W/m² by hand, the stated 250 W/m²; EOL 237.86 W/m², 5 % below', () => {
    // ai1-flex: 1,361 × η 0.30 × packing 0.775 × (1 − 0.0022 × (333 − 301.15) = 0.92993) × I_d 0.85 = 250.12 W/m²;
    // EOL × 0.99⁵ = 0.95099 → 237.86 W/m². Catches: temperature loss dropped (268.97 W/m²), I_d applied twice,
    // degradation compounded over the wrong life, the row's rated figure taken for its BOL.
    const statedFlux_W_m2 = 150e3 / 600; // [AI1] 150 kW arrays at 250 W/m² → 600 m²
    const bol = ai1.power.bolPower_W / ai1.power.arrayArea_m2;
    const eol = ai1.power.eolPower_W / ai1.power.arrayArea_m2;
    expectRel(bol, 250.12, arithmeticHand, 'BOL W/m²');
    expectRel(eol, 237.86, arithmeticHand, 'EOL W/m²');
    expectRel(bol / statedFlux_W_m2, 1.0005, 0.001, 'model BOL W/m² / 250');
  });

  it('array area DISAGREES: the SMAD sizing needs ~1.5× the 600 m² (path efficiencies + eclipse recharge)', () => {
    // CALIBRATION.md AI1 row "array area needed". Hand (SMAD eq. 11-5): demand = IT avg 72 × 1,940 × (0.3 + 0.7 × 0.8)
    // = 120,124.8 + bus (0.03 × 139,680 + 500 = 4,690.4) + ISL 4 × 200 + pumps 0.01 × 139,680 = 127,012 W;
    // P_sa = 127,012 × (20.69 / (0.60 × 76.00) + 1 / 0.80) = 216.4 kW; / 237.86 W/m² EOL = 909.7 m².
    // Catches: eclipse recharge left out (667 m²), BOL instead of EOL flux (865 m²), mean instead of worst eclipse.
    expectRel(ai1.power.requiredArrayArea_m2, 909.7, eclipseHand, 'required array area');
    expectBetween(ai1.power.requiredArrayArea_m2 / 600, 1.5, 1.53, 'required / published 600 m²');
  });

  it('radiator: the ideal two-sided ε = 0.9 flux at 340 K is the quoted ~1,364 W/m² [DF]; the model runs 20 K colder', () => {
    const ideal_W_m2 = 2 * 0.9 * STEFAN_BOLTZMANN_W_m2K4 * 340 ** 4;
    expectNear(ideal_W_m2, 150e3 / 110, 0.005 * ideal_W_m2, 'ideal flux vs 150 kW / 110 m²');
    // GB300: coolant supply 360 − 0.03 K/W × 1,400 W = 318 K (the 45 °C rack inlet allows 318.15), radiator outlet
    // 318 − 3 = 315 K, inlet 315 + 10 = 325 K; the area-weighted mean sits just below the 320 K midpoint.
    const halfKelvin = 0.5;
    expectNear(ai1.thermal.radiatorOutletTemp_K, 315, 1e-9, 'radiator outlet');
    expectNear(ai1.thermal.radiatorInletTemp_K, 325, 1e-9, 'radiator inlet');
    expectNear(ai1.thermal.radiatorTemp_K, 319.9, halfKelvin, 'mean panel temperature');
  });

  it('radiator flux DISAGREES: hot-case net 743 W/m² by hand is 1.88× below the claimed ~1,400 W/m² (coolant, fins, environment)', () => {
    // CALIBRATION.md AI1 row "radiator net flux". Hand, OSR EOL ε 0.77 / α 0.10, vertical plate at 600 km:
    // H = r/R⊕ = 1.09407, s = √(H² − 1) = 0.44370, F = (atan(1/s) − s/H²)/π = 0.24901 per face.
    //   absorbed: Sun 0.10 × 1,406 × sin 5° = 12.25; albedo 2 × 0.10 × 0.35 × 1,406 × F = 24.51;
    //             Earth IR 2 × 0.77 × 260 × F = 99.70 → 136.46 W/m²
    //   fin: 0.5 mm aluminium (k 167), 100 mm pitch, 6 mm tubes at 320 K: h = 4 × 0.77 σ 320³ = 5.7240 W/(m²K),
    //   mL = √(5.7240/0.0835) × 0.047 = 0.38910, tanh(mL)/mL = 0.95241, panel 0.06 + 0.94 × 0.95241 = 0.95527
    //   q(T) = 0.95527 × (2 × 0.77 σ (T⁴ − 3⁴) − 136.46); coolant 325 → 315 K, ṁc_p = Q/10 K;
    //   area = ṁc_p ∫₃₁₅³²⁵ dT/q(T) (Simpson, 100 intervals) = 201.93 m², net 150,123.2/201.93 = 743.43 W/m².
    // Heat (all of it): IT peak 139,680 + bus 0.03 × 139,680 + 500 = 4,690.4 + ISL 4 × 200 = 800
    //   + battery charge loss: eclipse load (120,124.8 + 4,690.4 + 800) × 20.6698 min × (1 − 0.9) / (0.9 × 76.0174 min)
    //   = 3,795.10 W; pumps, PG/water 50 %: k = Δp / (ρ c_p ΔT η) = 1e5 / (1,041 × 3,559 × 10 × 0.35) = 0.0077118,
    //   Q = 148,965.5 / (1 − k) = 150,123.2 W.
    // Catches: BOL ε, albedo or Earth IR on one face only, the rack inlet or the cold plate left out of the chain,
    // an isothermal panel at the inlet (−6 % area), fin efficiency 1 (−4.5 %), pump heat left out of the load.
    expectRel(ai1.thermal.netFlux_W_m2, 743.43, arithmeticHand, 'model hot-case net flux');
    expectRel(ai1.thermal.heatLoad_W, 150123.2, arithmeticHand, 'all heat to reject');
    expectRel(ai1.thermal.finEfficiency, 0.95527, arithmeticHand, 'panel fin efficiency');
    expectRel(ai1.thermal.requiredRadiatorArea_m2, 201.93, arithmeticHand, 'required radiator area');
    expectBetween(1400 / ai1.thermal.netFlux_W_m2, 1.87, 1.89, 'claimed 1,400 / model');
    expectBetween(ai1.thermal.requiredRadiatorArea_m2 / 110, 1.83, 1.84, 'required / published 110 m²');
  });

  it('specific power DISAGREES: model kW/t is 2.5–5× below the claimed ~70 kW/t', () => {
    // CALIBRATION.md AI1 rows "launch mass" and "kW per tonne". Hand roll-up:
    //   compute 72 × 9 = 648; array 600 × 2.4 = 1,440; battery (li-ion-cots) 127,012 W × 20.69 min / (DOD 0.25 ×
    //   0.9) = 194.66 kWh / 160 Wh/kg = 1,216.6; radiator 110 × 7 = 770; shielding 5 mm × 2.70 kg/m²/mm ×
    //   6·(648/500)^⅔ m² = 96.28; ISL 4 × 20 = 80 → sized 4,250.9 kg; × 1.25 × 1.20 = 6,376.3 kg dry.
    //   propellant: drag area (2/π)(600 + 110) + (6,376.3/200)^⅔ = 462.05 m², B = 6,376.3/(2.2 × 462.05) = 6.273;
    //   ρ(600 km) = 2.06e-13 → ½ρv²/B × 1 yr = 29.60 m/s/yr × 5 = 148.0 m/s (no orbit raise: the vehicle inserts
    //   directly into the node's orbit, its payload taken there, src/models/launch/launchPerformance.ts);
    //   6,376.3 × (e^(148.0/14,710) − 1) = 64.48 kg → launch 6,440.8 kg; 120.125 kW / 6.4408 t = 18.65 kW/t.
    // Catches: bus/margin applied to propellant, the worst eclipse replaced by the mean, an orbit raise budgeted twice.
    expectRel(ai1.mass.launch_kg, 6440.8, eclipseHand, 'model launch mass');
    expectRel(ai1.mass.kW_per_t, 18.65, eclipseHand, 'model kW/t (IT average)');
    expectRel(ai1.mass.propellant_kg, 64.48, eclipseHand, 'propellant');
    expectBetween(70 / ai1.mass.kW_per_t, 3.7, 3.8, 'claimed 70 kW/t / model'); // 70 / 18.65 = 3.75 by hand
    expect(ai1.mass.launch_kg / 2100).toBeGreaterThan(3.05); // 6,440.8 / 2,100 = 3.07 by hand
  });

  it('the published AI1 point violates exactly the array, radiator and mass-closure constraints in the model', () => {
    // drag.fccDisposal is a check (not enforced): tumbling through the worst solar-cycle phase takes 7.4 yr from 600 km
    expect(violated(ai1)).toEqual([
      'drag.fccDisposal',
      'mass.launchClosure',
      'power.arrayArea',
      'thermal.radiatorArea',
    ]);
  });
});

describe('Starcloud-3 vs its published figures [SC3]', () => {
  it('200 kW: 112 B200 give 200 kW peak IT within 1 %', () => {
    expectNear(sc3.compute.itPowerPeak_W, 200e3, 0.01 * 200e3, 'peak IT');
  });

  it('sunlit fraction of the dawn-dusk orbit agrees with ">95 % capacity factor"', () => {
    expect(1 - sc3.orbit.eclipseFraction).toBeGreaterThan(0.95);
  });

  it('specific power DISAGREES: 26.0 W/kg by hand, 2.6× below the published 67 W/kg (200 kW / 3 t)', () => {
    // CALIBRATION.md Starcloud-3 rows. Hand roll-up (as for AI1; b200, thin-film, li-ion-cots, pumped-two-phase):
    //   IT peak 112 × 1,790 = 200,480 W, avg × (0.25 + 0.75 × 0.8) = 170,408 W; demand + bus 6,514.4 + ISL 200
    //   + pumps 150.8 (two-phase ammonia: k = 1e5 / (638.6 × 1.262e6 × 0.5 × 0.35) = 7.0904e-4 of the 212,696 W
    // carried)
    //   = 177,273.2 W; battery 177,273.2 × 20.67 min / (0.25 × 0.9) = 271.4 kWh / 160 = 1,696.4 kg;
    //   compute 1,120 + array 1,620 × 0.6 = 972 + radiator 180 × 6 = 1,080 + shielding 138.67 + ISL 30
    //   → sized 5,037.1 kg × 1.5 = 7,555.6 kg dry; drag area (2/π)(1,800) + (7,555.6/200)^⅔ = 1,157.2 m², B ≈ 2.968,
    //   ≈ 62.6 m/s/yr × 5 ≈ 313 m/s (direct insertion, no orbit raise) → ≈ 162.5 kg propellant → 7,718.1 kg launch.
    //   200,480 / 7,718.1 = 25.98 W/kg; 170.408 / 7.7181 = 22.08 kW/t.
    // Catches the same slips as the AI1 mass test, on a design whose battery (not array) dominates.
    const peakWPerKg = sc3.compute.itPowerPeak_W / sc3.mass.launch_kg;
    expectRel(sc3.mass.launch_kg, 7718.1, eclipseHand, 'model launch mass');
    expectRel(peakWPerKg, 25.98, eclipseHand, 'model peak IT W/kg');
    expectRel(sc3.mass.kW_per_t, 22.08, eclipseHand, 'model kW/t (IT average)');
    expectBetween(200e3 / 3000 / peakWPerKg, 2.55, 2.65, 'published 67 W/kg / model');
    // 180 m² installed no longer covers all the heat (185.9 m² needed, see below)
    expect(violated(sc3)).toEqual(['drag.fccDisposal', 'mass.launchClosure', 'thermal.radiatorArea']);
  });

  it('the ~$500/kg parity price is the launch price used', () => {
    expect(sc3.cost.launchPrice_USD_per_kg).toBe(500);
  });

  it('radiator-to-array area DISAGREES with the white paper\'s "roughly half": the model needs 0.191 (315 K vs 293 K radiator)', () => {
    // Hand: B200 supply 360 − 0.042 K/W × 1,000 W = 318 K, two-phase loop 3 K below: an isothermal 315 K condenser.
    // Fin at 315 K: h = 4 × 0.77 σ 315³ = 5.4601, mL = √(5.4601/0.0835) × 0.047 = 0.38007, panel 0.06 + 0.94 ×
    // tanh(mL)/mL = 0.95722; net 0.95722 × (2 × 0.77 σ (315⁴ − 3⁴) − 136.46) = 692.35 W/m². All heat: IT 200,480 + bus
    // 6,514.4 + ISL 200 + battery charge loss (170,408 + 6,514.4 + 200) × 20.6698 × 0.1 / (0.9 × 76.0174) = 5,351.24,
    // / (1 − 7.0904e-4) = 212,696.5 W → 307.21 m². Array: 177,273.2 × (20.67/(0.6 × 76.02) + 1/0.8) / 187.81 W/m² EOL
    // thin film (1,361 × 0.20 × 0.92 × (1 − 0.0036 × 28.85) × 0.88 × 0.99⁵) = 1,607.7 m². Ratio 0.19109.
    const ratio = sc3.thermal.requiredRadiatorArea_m2 / sc3.power.requiredArrayArea_m2;
    expectRel(sc3.thermal.heatLoad_W, 212696.5, arithmeticHand, 'all heat to reject');
    expectRel(sc3.thermal.requiredRadiatorArea_m2, 307.21, arithmeticHand, 'required radiator area');
    expectRel(sc3.power.requiredArrayArea_m2, 1607.7, eclipseHand, 'required array area');
    expectRel(ratio, 0.19109, eclipseHand, 'model required radiator / required array');
  });
});

describe('Suncatcher vs its published figures [SUN]', () => {
  it('650 km dawn-dusk SSO: annual eclipse fraction 3.9 % ± 0.5 pt, max eclipse 19.7 min, β_min 58.6° [DF]', () => {
    expectNear(sun.orbit.eclipseFraction, 0.039, 0.005, 'annual eclipse fraction');
    const halfMinute_min = 0.5;
    expectNear(sun.orbit.maxEclipse_min, 19.7, halfMinute_min, 'longest eclipse');
    const halfDegree_deg = 0.5;
    expectNear(
      Math.min(Math.abs(sun.orbit.betaMin_deg), Math.abs(sun.orbit.betaMax_deg)),
      58.6,
      halfDegree_deg,
      '|β| minimum',
    );
  });

  it('"~98 % sunlit" DISAGREES: the model is ~96 % sunlit, i.e. about twice the shadow time', () => {
    // The ideal dawn-dusk plane reaches β ≈ 58.6° < β* = 65.2° around one solstice: eclipses of up to ~20 min
    // for a few months. A cylindrical shadow is the optimistic case (penumbra lengthens eclipses), so "~98 %"
    // (2 % shadow) is reproduced only near ~900 km in this model, not at 650 km (CALIBRATION.md).
    const sunlit = 1 - sun.orbit.eclipseFraction;
    expectBetween(sunlit, 0.955, 0.97, 'model sunlit fraction');
    expectBetween(sun.orbit.eclipseFraction / 0.02, 1.6, 2.3, 'model shadow / 2 % implied by "~98 % sunlit"');
  });

  it('TPU v6e: 5-yr trapped dose with ×2 margin is 4.76 krad(Si) by hand; with solar protons below the 15 krad(Si) tested, above the ~2 krad(Si) HBM onset', () => {
    // Hand: SSO-column rows of src/models/radiation/tid-ap8ae8-shieldose2.csv at 5 mm: 600 km 382.0, 700 km 593.2
    // rad/yr;
    // log-linear midpoint √(382.0 × 593.2) = 476.0 rad/yr × 5 yr × 2 = 4,760 rad (±1 %: the 650 km SSO
    // inclination lies between the two columns'). The table agrees with SPENVIS to ×0.94–1.11 (TID-PROVENANCE.md),
    // so the published-physics range is 4.47–5.28 krad, still inside 2–15 krad. Catches: margin dropped
    // (2.38 krad), linear altitude interpolation (4.88 krad, +2.4 %), the 5 mm row replaced by 3 mm (×3).
    // Solar protons add to the trapped dose at SSO (src/models/radiation/solarProtonDose.ts; its own tests hold it
    // against SPENVIS); the margin applies to the sum.
    expect(sun.radiation.tolerance_rad).toBe(15000);
    expectRel(sun.radiation.trappedDoseRate_rad_per_yr * 5 * 2, 4760, 0.01, 'trapped mission dose with margin');
    const sep = sun.radiation.solarProtonDoseRate_rad_per_yr;
    expect(sep).toBeGreaterThan(0);
    expectRel(sun.radiation.missionDose_rad, (sun.radiation.trappedDoseRate_rad_per_yr + sep) * 5 * 2, 1e-12, 'sum');
    expect(sun.radiation.missionDose_rad / 1.11).toBeGreaterThan(2000);
    expect(sun.radiation.missionDose_rad / 0.94).toBeLessThan(15000);
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

  it('mass DISAGREES with the flown manifest: 149 kg built up against a 121.8 kg share of one LM-2D into 500 km SSO', () => {
    // The allocation is the LM-2D payload into the node's orbit ÷ the 12 it carried (launch.nodesPerLaunch): CASC's
    // 1.3 t to 700 km SSO (China Daily, 29 Sep 2025) lowered to 500 km SSO by the rule (launch-vehicles.yaml upper
    // stage 3,000 kg dry, 300 s): Hohmann 700 → 500 km = 108.32 m/s; (1,300 + 3,000) × e^(108.32/2,942.0) − 3,000 =
    // 1,461.3 kg → 121.8 kg each. The modelled node is 149 kg (designs/CALIBRATION.md), so it does not close.
    expect(tb.mass.allocated_kg).toBeCloseTo(1461.3 / 12, 1);
    expect(tb.mass.launch_kg).toBeGreaterThan(1461.3 / 12);
    expect(violated(tb)).toEqual(['mass.launchClosure']);
  });

  it('nodes per launch DISAGREES: ⌊1,461.3 / 149.1⌋ = 9 per LM-2D into 500 km SSO; the batch flew 12', () => {
    // Launch cost follows the larger of allocated and built-up mass per node, and the vehicle's payload into the
    // node's orbit (flagged extrapolated: the SSO curve has the 700 km point only).
    expect(tb.cost.nodesPerLaunch).toBe(9);
    expect(tb.cost.launchPayloadBasis).toBe('extrapolated');
    expect(tb.cost.launchPrice_USD_per_kg).toBeCloseTo(30e6 / 1461.3, -1);
    expect(tb.cost.launch_USD).toBeCloseTo(30e6 / 9, -3);
  });
});
