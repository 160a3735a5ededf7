import { describe, expect, it } from 'vitest';
import { ai1, withChange } from './ai1.js';
import { EARTH_RADIUS_km, SIGMA } from '../helpers/constants.js';

// The thermal chain as design inputs, checked at the design level by hand.
// Sources: ISS PVR 14 kW, 740.7 kg, 3.12 m × 13.6 m and HRS ORU 11.7 kW, 1,122.6 kg, 79 m² (NASA ATCS overview via the
// spacedc-mdao thermal deep-dive; SAE 951651); EATCS ammonia supply 37 °F ± 2 °F = 275.9 K (NASA, "The International
// Space Station: Operating an Outpost in the New Frontier", 2018, ch. 11); radiator-wing command environment −51 °C =
// 222 K (SAE 981738, "Radiator Wing Rotation Algorithm Overview for the ISS EATCS", ICES 1998); Z-93-class white paint
// ε 0.90 (Fortescue et al., Spacecraft Systems Engineering 4th ed., Table 11.3).
const issCase = (radiator: string) =>
  withChange((d) => {
    d.thermal.radiator = radiator;
    d.thermal.coating = 'white-paint';
    d.thermal.radiatorTemp_K = 275.9;
    d.thermal.hotCase = { solarIrradiance_W_m2: 0, albedo: 0, earthIR_W_m2: 0 };
    d.thermal.sinkTemp_K = 222;
  });

describe('ISS radiators as catalog rows at their real temperature', () => {
  // Hand: the mean panel at 275.9 K (ammonia 280.9 → 270.9 K, the default 10 K drop), fin efficiency of the rows'
  // 0.5 mm aluminium sheet at 275.9 K: h = 4 × 0.90 σ 275.9³ = 4.2873 W/(m²K), mL = √(4.2873/(167 × 5e-4)) × 0.047 =
  // 0.33677, tanh(mL)/mL = 0.96413, panel 0.06 + 0.94 × 0.96413 = 0.96628; flux ≈ 0.96628 × 2 × 0.90 σ (275.9⁴ − 222⁴)
  // = 331.9 W/m² at a uniform 275.9 K. The 10 K drop along the panel lowers the mean flux a little (the cold end
  // needs more area per kelvin): within 1 % below.
  const h = 4 * 0.9 * SIGMA * 275.9 ** 3;
  const mL = Math.sqrt(h / (167 * 5e-4)) * 0.047;
  const eta = 0.06 + 0.94 * (Math.tanh(mL) / mL);
  const flux = eta * 2 * 0.9 * SIGMA * (275.9 ** 4 - 222 ** 4);
  it('PVR: ~332 W/m² at 275.9 K against a 222 K sink, within 2 % of the published 14 kW / 42.4 m² = 330 W/m²', () => {
    const r = issCase('iss-pvr');
    expect(r.thermal.radiatorTemp_K).toBeCloseTo(275.9, 0);
    expect([r.thermal.radiatorInletTemp_K, r.thermal.radiatorOutletTemp_K]).toEqual([280.9, 270.9]);
    expect(r.thermal.finEfficiency).toBeCloseTo(eta, 3);
    expect(r.thermal.netFlux_W_m2 / flux).toBeGreaterThan(0.99);
    expect(r.thermal.netFlux_W_m2 / flux).toBeLessThan(1);
    expect(r.thermal.netFlux_W_m2).toBeWithinRelative(14000 / 42.4, 0.02);
  });
  it('HRS ORU DISAGREES: the same conditions give 44 % of its published 96 kg/kW (147 W/m²)', () => {
    // The HRS figure is 11.7 kW per ORU (70 kW / 6) over 79 m²: 147 W/m², 44 % of the ~332 W/m² the ammonia supply
    // temperature allows against the command environment. The rotating wings' rated 11.7 kW is a system allocation
    // (two 35 kW loops over six ORUs) at their hot design environment and inlet/outlet conditions, which the corpus
    // does not give (SAE 951651 full text unavailable); the PVR, a fixed radiator rated by itself, agrees. Not tuned:
    // a user reproduces 147 W/m² only by stating those conditions (a colder panel: the pump module's valve mixes cold
    // radiator return with bypass flow to hold the 275.9 K supply, EATCS overview).
    const r = issCase('iss-hrs');
    const kgPerKW = (14.2 / r.thermal.netFlux_W_m2) * 1000;
    expect(kgPerKW).toBeWithinRelative((14.2 / flux) * 1000, 0.01);
    expect(kgPerKW / (1122.6 / 11.7)).toBeGreaterThan(0.43);
    expect(kgPerKW / (1122.6 / 11.7)).toBeLessThan(0.46);
  });
});

describe('a fixed radiator temperature runs the chain upward', () => {
  it('AI1 with a 345 K mean panel: outlet 340, supply 343 K (3 K loop), junction 343 + 0.03 × 1,400 = 385 K > 360 K', () => {
    const r = withChange((d) => {
      d.thermal.radiatorTemp_K = 345;
    });
    const c = r.constraints.find((x) => x.name === 'thermal.junctionTemp')!;
    expect(r.thermal.radiatorOutletTemp_K).toBeCloseTo(340, 9);
    expect(r.thermal.junctionTemp_K).toBeCloseTo(385, 9);
    expect(r.thermal.coolantSupplySetBy).toBe('radiator');
    expect(c.enforced).toBe(true);
    expect(c.satisfied).toBe(false);
  });
});

describe('junction → cold plate → coolant → radiator from the catalog rows', () => {
  it("GB300: supply 360 − 0.03 K/W × 1,400 W = 318 K (under the rack's 318.15 K inlet), radiator 315 → 325 K", () => {
    const t = ai1.record.thermal;
    expect(t.coolantSupplyTemp_K).toBeCloseTo(318, 9);
    expect(t.coolantSupplySetBy).toBe('junction');
    expect(t.radiatorOutletTemp_K).toBeCloseTo(315, 9); // − 3 K film and saddle (deployable-pumped-cots)
    expect(t.radiatorInletTemp_K).toBeCloseTo(325, 9); // + the 10 K the coolant gains in the cold plates
    expect(t.junctionTemp_K).toBeCloseTo(360, 9);
    expect(t.radiatorTemp_K).toBeGreaterThan(315);
    expect(t.radiatorTemp_K).toBeLessThan(320); // the area-weighted mean leans to the cold end
  });
  it('a better cold plate (0.005 K/W) leaves the supply at the 45 °C (318.15 K) inlet limit, junction 325.15 K', () => {
    const r = withChange((d) => {
      d.thermal.junctionToCoolant_K_per_W = 0.005;
    });
    expect(r.thermal.coolantSupplyTemp_K).toBeCloseTo(318.15, 9);
    expect(r.thermal.coolantSupplySetBy).toBe('inlet limit');
    expect(r.thermal.junctionTemp_K).toBeCloseTo(318.15 + 7, 9);
  });
});

describe('what the radiator rejects', () => {
  it('rejects: it carries peak IT plus its own pumps only: 139,680 / (1 − 7.71176e-3) = 140,765.5 W', () => {
    const r = withChange((d) => {
      d.thermal.rejects = 'it';
    });
    expect(r.thermal.heatLoad_W).toBeCloseTo(140765.5, 0);
    expect(r.notes.join(' ')).toMatch(/thermal.rejects: it/);
  });
});

describe('cold case: heater power in eclipse enters the battery', () => {
  it('AI1 with a water loop and compute idled in eclipse needs a 47.94 kW heater, and its battery carries it', () => {
    // Hand: loss at 283.15 K, OSR BOL ε 0.79, F = 0.24901 per face (600 km vertical plate), 110 m²:
    //   110 × (2 × 0.79 σ (283.15⁴ − 3⁴) − 0.79 × 206 × 2 × 0.24901) = 110 × (575.884 − 81.048) = 54,432.0 W.
    // Eclipse dissipation: IT 0 + bus 4,690.4 + ISL 800 + pumps 1,003.04 (water k = 1e5/(997 × 4,181 × 10 × 0.35)
    // = 6.8542e-3 × Q, Q = (139,680 + 4,690.4 + 800 + 165.88 battery loss) / (1 − k) = 146,339.3 W) → heater 47,938.6
    // W. Battery (li-ion-cots): (6,493.4 + 47,938.6) W × 20.6698 min / (DOD 0.25 × 0.9) = 83,340.6 Wh.
    const r = withChange((d) => {
      d.thermal.coolant = 'water';
      d.thermal.finEfficiency = 1; // the hand figures below for an isothermal panel
      d.power.eclipseComputeFraction = 0;
    });
    expect(r.thermal.coolant).toBe('water');
    expect(r.thermal.pumpPower_W).toBeCloseTo(1003.04, 1);
    expect(r.power.heaterPower_W).toBeCloseTo(47938.6, 0);
    expect(r.power.batteryEnergy_Wh / 83340.6 - 1).toBeLessThan(5e-4); // eclipse length through the model's ephemeris
    expect(r.power.batteryEnergy_Wh / 83340.6 - 1).toBeGreaterThan(-5e-4);
  });
  it('the default (PG/water to 249.3 K, full compute in eclipse) needs no heater', () => {
    expect(ai1.record.power.heaterPower_W).toBe(0);
  });
});

describe('flight-proven range warnings', () => {
  it("AI1's 600 m² on rosa-flex is 5.1× the largest flown iROSA wing (117 m²): a warning, not a failure", () => {
    // ai1.yaml's own row (ai1-flex) cites no flown wing: no warning; the rosa-flex row cites the iROSA wing
    expect(ai1.record.warnings.some((x) => x.code === 'array-beyond-flight-proven')).toBe(false);
    const rosa = withChange((d) => {
      d.power.array = 'rosa-flex';
    });
    const w = rosa.warnings.find((x) => x.code === 'array-beyond-flight-proven');
    expect(w?.message).toMatch(/600 m² is 5\.1× the largest flown rosa-flex system \(117 m²\)/);
    expect(rosa.warnings.some((x) => x.code === 'radiator-beyond-flight-proven')).toBe(false); // deployable-pumped has no flown figure
  });
  it('an ISS PVR sized within its flown 42.4 m² carries no radiator warning; 110 m² does', () => {
    const small = withChange((d) => {
      d.thermal.radiator = 'iss-pvr';
      d.thermal.radiatorArea_m2 = 40;
    });
    expect(small.warnings.some((x) => x.code === 'radiator-beyond-flight-proven')).toBe(false);
    expect(issCase('iss-pvr').warnings.some((x) => x.code === 'radiator-beyond-flight-proven')).toBe(true);
  });
});

describe('radiator attitude and array sizing keys at the design level', () => {
  it('horizontal radiator: the nadir face sees the Earth with F = 1/H² = 0.83542 at 600 km, the zenith face not at all', () => {
    // H = (6,378.137 + 600)/6,378.137 = 1.094071; Earth IR absorbed = ε_EOL 0.77 × 260 × (0.83542 + 0) = 167.25 W/m²
    const r = withChange((d) => {
      d.thermal.attitude = 'horizontal';
    });
    const H = (EARTH_RADIUS_km + 600) / EARTH_RADIUS_km;
    expect(r.thermal.netFlux_W_m2).toBeLessThan(ai1.record.thermal.netFlux_W_m2);
    // net = emitted − (Sun + albedo + IR): only the Earth terms change with the view factors
    const vertical = 2 * 0.24901;
    const dAbsorbed = (0.77 * 260 + 0.1 * 0.35 * 1406) * (1 / H ** 2 - vertical);
    // the fin efficiency scales the net flux; the coolant's 10 K drop bends the mean by well under 1 %
    const dNet = ai1.record.thermal.netFlux_W_m2 - r.thermal.netFlux_W_m2;
    expect(dNet).toBeWithinRelative(ai1.record.thermal.finEfficiency * dAbsorbed, 0.01);
  });
  it('power.sizing bol needs (1 − d)^L less array than eol: 0.99⁵ = 0.95099 for rosa-flex (1 %/yr)', () => {
    const bol = withChange((d) => {
      d.power.sizing = 'bol';
    });
    expect(bol.power.requiredArrayArea_m2 / ai1.record.power.requiredArrayArea_m2).toBeCloseTo(0.99 ** 5, 9);
  });
  it('power.irradianceCase aphelion needs (1 + e)² = 1.03370 more array (e = 0.0167086)', () => {
    const aph = withChange((d) => {
      d.power.irradianceCase = 'aphelion';
    });
    expect(aph.power.requiredArrayArea_m2 / ai1.record.power.requiredArrayArea_m2).toBeCloseTo(1.0167086 ** 2, 6);
  });
});
