import { describe, expect, it } from 'vitest';
import {
  radiatorPanel,
  tubeFinEfficiency,
  type RadiatorPanelParams,
} from '../../../src/models/thermal/radiatorPanel.js';
import { EARTH_RADIUS_m, SIGMA } from '../../helpers/constants.js';

// Oracles written here, independent of the model's closed form:
// - the panel integrated by hand: Simpson's rule over the coolant temperature, A = ṁc_p ∫ dT / q(T), where q(T) at each
//   temperature comes from the NONLINEAR radiating fin (k t T'' = ε σ (T⁴ − T_s⁴) − absorbed per face, adiabatic at
//   mid-pitch) solved by RK4 and shooting, not from the linearised tanh(mL)/(mL) the model uses;
// - the adiabatic-tip fin tanh(mL)/(mL) evaluated by hand (Incropera & DeWitt 6th ed. 2007, Table 3.4 case B);
// - the isothermal, no-environment limit Q = A η 2 ε σ T⁴.

const geometry = { finThickness_m: 5e-4, finConductivity_W_mK: 167, tubePitch_m: 0.1, tubeDiameter_m: 0.006 };
// Hot case without direct Sun (θ_inc = 0) so both faces carry the same load: albedo and Earth IR at 600 km.
const flagship: RadiatorPanelParams = {
  heatLoad_W: 150e3,
  inletTemp_K: 328,
  outletTemp_K: 308,
  geometry,
  solarAbsorptance: 0.1,
  irEmittance: 0.77,
  altitude_m: 600e3,
  solarIncidence_rad: 0,
  arealDensity_kg_m2: 7,
  pumpPower_W_per_W: 0.01,
};

/** Vertical-plate Earth view factor at 600 km (Howell, planar element to sphere, tilt 90°), written out here. */
const H = (EARTH_RADIUS_m + 600e3) / EARTH_RADIUS_m;
const F = (Math.atan(1 / Math.sqrt(H * H - 1)) - Math.sqrt(H * H - 1) / (H * H)) / Math.PI;
/** Absorbed per face [W/m²]: albedo 0.35 × 1,406 W/m² × α + OLR 260 W/m² × ε, each × F. */
const absorbedPerFace = (0.1 * 0.35 * 1406 + 0.77 * 260) * F;

/** Net heat per metre of tube over one pitch: the nonlinear fin by RK4 from the tip, shooting on its temperature. */
function finHeatPerLength_W_m(rootTemp_K: number, g = geometry, emittance = 0.77, absorbed = absorbedPerFace): number {
  const kt = g.finConductivity_W_mK * g.finThickness_m;
  const L = (g.tubePitch_m - g.tubeDiameter_m) / 2;
  const qFace = (T: number) => emittance * SIGMA * (T ** 4 - 3 ** 4) - absorbed;
  const shoot = (tip: number): { T: number; dT: number } => {
    // march from the tip (T' = 0) back to the root: T'' = q(T)/(k t), x from L down to 0
    const n = 400;
    const h = L / n;
    let T = tip;
    let d = 0; // dT/dx with x measured from the tip toward the root
    const f = (T_: number) => qFace(T_) / kt;
    for (let i = 0; i < n; i++) {
      const k1T = d;
      const k1d = f(T);
      const k2T = d + (h / 2) * k1d;
      const k2d = f(T + (h / 2) * k1T);
      const k3T = d + (h / 2) * k2d;
      const k3d = f(T + (h / 2) * k2T);
      const k4T = d + h * k3d;
      const k4d = f(T + h * k3T);
      T += (h / 6) * (k1T + 2 * k2T + 2 * k3T + k4T);
      d += (h / 6) * (k1d + 2 * k2d + 2 * k3d + k4d);
    }
    return { T, dT: d };
  };
  let lo = rootTemp_K - 80;
  let hi = rootTemp_K;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (shoot(mid).T > rootTemp_K) hi = mid;
    else lo = mid;
  }
  const fin = 2 * kt * shoot((lo + hi) / 2).dT; // two half-fins per pitch
  return fin + g.tubeDiameter_m * qFace(rootTemp_K); // plus the strip over the tube
}

/** Net flux per m² of planform at coolant temperature T, both faces. */
const hand_q = (T: number) => (2 * finHeatPerLength_W_m(T)) / geometry.tubePitch_m;

/** Simpson over T of ṁc_p/q and ṁc_p T/q: the panel's area and area-weighted mean temperature. */
function handPanel(Q: number, Tin: number, Tout: number): { area: number; mean: number } {
  const n = 40;
  const h = (Tin - Tout) / n;
  const C = Q / (Tin - Tout);
  let a = 0;
  let m = 0;
  for (let i = 0; i <= n; i++) {
    const T = Tout + i * h;
    const w = i === 0 || i === n ? 1 : i % 2 === 1 ? 4 : 2;
    const q = hand_q(T);
    a += (w * C) / q;
    m += (w * C * T) / q;
  }
  return { area: (a * h) / 3, mean: m / a };
}

describe('tubeFinEfficiency: the adiabatic-tip fin linearised at the root', () => {
  it('0.5 mm aluminium, 100 mm pitch, 6 mm tubes, ε 0.77 at 318 K: fin 0.9552, panel 0.9579 (by hand)', () => {
    // h_r = 4 × 0.77 × σ × 318³ = 5.6173 W/(m²K); m = √(5.6173/(167 × 5e-4)) = 8.2023 /m; L = 0.047 m; mL = 0.38551
    // tanh(0.38551)/0.38551 = 0.36754/0.38551 = 0.95338; panel (0.006 + 0.094 × 0.95338)/0.1 = 0.95618
    const h = 4 * 0.77 * SIGMA * 318 ** 3;
    const mL = Math.sqrt(h / (167 * 5e-4)) * 0.047;
    const r = tubeFinEfficiency({ ...geometry, irEmittance: 0.77, rootTemp_K: 318 });
    expect(r.mL).toBeCloseTo(mL, 12);
    expect(r.finEfficiency).toBeCloseTo(Math.tanh(mL) / mL, 12);
    expect(r.finEfficiency).toBeGreaterThan(0.95);
    expect(r.finEfficiency).toBeLessThan(0.96);
    expect(r.panelEfficiency).toBeCloseTo(0.06 + 0.94 * r.finEfficiency, 12);
  });
  it('falls with a thinner, worse-conducting sheet or a wider pitch; a graphite sheet is nearly isothermal', () => {
    const at = (g: Partial<typeof geometry>) =>
      tubeFinEfficiency({ ...geometry, ...g, irEmittance: 0.77, rootTemp_K: 318 }).panelEfficiency;
    const base = at({});
    expect(at({ finThickness_m: 2e-4 })).toBeLessThan(base);
    expect(at({ finConductivity_W_mK: 20 })).toBeLessThan(0.8); // a composite sheet: mL ≈ 1.1
    expect(at({ tubePitch_m: 0.3 })).toBeLessThan(base);
    expect(at({ finConductivity_W_mK: 1500 })).toBeGreaterThan(0.99);
  });
  it('against the nonlinear fin: the linearised efficiency is within 0.5 % of the exact one at 318 K', () => {
    // exact: the RK4 fin's net heat over the pitch / the pitch at root temperature, both faces
    const exact = hand_q(318) / (2 * (0.77 * SIGMA * (318 ** 4 - 3 ** 4) - absorbedPerFace));
    const r = tubeFinEfficiency({ ...geometry, irEmittance: 0.77, rootTemp_K: 318 });
    expect(r.panelEfficiency / exact).toBeGreaterThan(0.995);
    expect(r.panelEfficiency / exact).toBeLessThan(1.005);
  });
  it('refuses a pitch no wider than the tube and a sheet outside 0.05–5 mm', () => {
    expect(() => tubeFinEfficiency({ ...geometry, tubePitch_m: 0.006, irEmittance: 0.77, rootTemp_K: 300 })).toThrow(
      /tubePitch_m = 0.006 must exceed tubeDiameter_m/,
    );
    expect(() => tubeFinEfficiency({ ...geometry, finThickness_m: 1e-5, irEmittance: 0.77, rootTemp_K: 300 })).toThrow(
      /finThickness_m/,
    );
  });
});

describe('radiatorPanel: the coolant cooling along the panel', () => {
  it('150 kW, coolant 328 → 308 K: area and mean temperature within 0.5 % and 0.2 K of the hand-integrated panel', () => {
    const r = radiatorPanel(flagship);
    const hand = handPanel(150e3, 328, 308);
    expect(r.requiredRadiatorArea_m2 / hand.area).toBeGreaterThan(0.995);
    expect(r.requiredRadiatorArea_m2 / hand.area).toBeLessThan(1.005);
    expect(Math.abs(r.radiatorTemp_K - hand.mean)).toBeLessThan(0.2);
    // the mean leans to the cold end: the cold coolant needs more area per kelvin
    expect(r.radiatorTemp_K).toBeLessThan(318);
    expect(r.radiatorTemp_K).toBeGreaterThan(308);
    expect([r.inletTemp_K, r.outletTemp_K]).toEqual([328, 308]);
    expect(r.netFlux_W_m2).toBeCloseTo(150e3 / r.requiredRadiatorArea_m2, 9);
    expect(r.radiatorMass_kg).toBeCloseTo(7 * r.requiredRadiatorArea_m2, 9);
  });
  it('a 60 K drop along the panel (340 → 280 K) still agrees with the hand integration within 1 %', () => {
    const r = radiatorPanel({ ...flagship, inletTemp_K: 340, outletTemp_K: 280 });
    const hand = handPanel(150e3, 340, 280);
    expect(r.requiredRadiatorArea_m2 / hand.area).toBeGreaterThan(0.99);
    expect(r.requiredRadiatorArea_m2 / hand.area).toBeLessThan(1.01);
    expect(Math.abs(r.radiatorTemp_K - hand.mean)).toBeLessThan(0.5);
  });
  it('needs more area than an isothermal plate at the inlet and less than one at the outlet', () => {
    const r = radiatorPanel(flagship).requiredRadiatorArea_m2;
    const iso = (T: number) => radiatorPanel({ ...flagship, inletTemp_K: T, outletTemp_K: T }).requiredRadiatorArea_m2;
    expect(r).toBeGreaterThan(iso(328));
    expect(r).toBeLessThan(iso(308));
  });
  it('isothermal, no environment, fin efficiency 0.9: A = Q/(0.9 × 2 ε σ T⁴) = 100 kW/(0.9 × 2 × 0.9 σ 300⁴) = 134.39 m²', () => {
    // a 100 kW panel at fin efficiency 0.9 with no environment and a 0 K sink, between the given temperatures
    const darkPanel = (inletTemp_K: number, outletTemp_K: number) =>
      radiatorPanel({
        heatLoad_W: 100e3,
        inletTemp_K,
        outletTemp_K,
        finEfficiency: 0.9,
        solarAbsorptance: 0.2,
        irEmittance: 0.9,
        altitude_m: 550e3,
        environment: { solarIrradiance_W_m2: 0, albedo: 0, earthIR_W_m2: 0 },
        sinkTemp_K: 0,
        arealDensity_kg_m2: 5,
        pumpPower_W_per_W: 0,
      });
    const r = darkPanel(300, 300);
    const expected = 100e3 / (0.9 * 2 * 0.9 * SIGMA * 300 ** 4);
    expect(r.requiredRadiatorArea_m2).toBeCloseTo(expected, 6);
    expect(expected).toBeCloseTo(134.39, 1);
    // with a drop and a 0 K sink the integral is −1/(3T³): A = (Q/ΔT)/(a) × (1/(3·290³) − 1/(3·310³))
    const drop = darkPanel(310, 290);
    const a = 0.9 * 2 * 0.9 * SIGMA;
    expect(drop.requiredRadiatorArea_m2).toBeCloseTo((100e3 / 20 / a) * (1 / (3 * 290 ** 3) - 1 / (3 * 310 ** 3)), 6);
  });
  it('refuses an outlet at or below the environmental equilibrium, naming it, and an inlet below the outlet', () => {
    // equilibrium: (absorbed/(ε σ) + 3⁴)^¼ = (62.11/(0.77 σ))^¼ = 194.2 K
    const c = (absorbedPerFace / (0.77 * SIGMA) + 81) ** 0.25;
    expect(c).toBeCloseTo(194.2, 1);
    expect(() => radiatorPanel({ ...flagship, outletTemp_K: 190, inletTemp_K: 200 })).toThrow(
      /coolant leaving at 190.0 K cannot reject heat below the panel's environmental equilibrium of 194.2 K/,
    );
    const justAbove = radiatorPanel({ ...flagship, outletTemp_K: 200, inletTemp_K: 210 });
    expect(justAbove.requiredRadiatorArea_m2).toBeGreaterThan(0);
    expect(() => radiatorPanel({ ...flagship, outletTemp_K: 330 })).toThrow(/outlet 330 K ≤ inlet 328 K/);
  });
});
