import { describe, expect, it } from 'vitest';
import {
  TID_DOSE_FLOOR_rad_per_yr,
  type TidComponentTable,
  type TidTable,
} from '../../../src/models/radiation/tidTable.js';
import { radiationDose, type RadiationDoseParams } from '../../../src/models/radiation/radiation.js';
import { deg_to_rad } from '../../../src/base/convert.js';

/**
 * radiationDose on a synthetic table whose ln(dose) is linear in altitude, inclination and thickness: linear
 * interpolation of ln(dose) (the method of src/models/radiation/radiation.ts) is then exact, so every result is the
 * closed
 * form exp(L(h, i′, t)) with i′ = min(i, 180° − i), held at each row's SSO column (stored at its SSO inclination,
 * which stands for 180° − it). Each component has its own coefficients, so a swapped column shows.
 */
const ALTS = [300e3, 1000e3, 2000e3];
const THS = [5e-4, 1e-3, 2e-2];
const SSO_DEG = [97, 99, 104];
const COLS = ALTS.map((_, a) => [0, 30, 53, 70, SSO_DEG[a]!].map(deg_to_rad));

type Coeff = readonly [c: number, perMm: number, perRad: number, perMetre: number];
const TOTAL: Coeff = [2, 1.5, 0.4, -120];
const PROTON: Coeff = [1, 2, 0.3, -80];
const ELECTRON: Coeff = [1.5, 0.5, -0.2, -200];
const BREMS: Coeff = [-1, 0.25, 0.1, -10];
/** ln(dose): h in m (per 1000 km), i′ in rad, t in m. */
const L = (k: Coeff, h: number, iEff: number, t: number): number => k[0] + k[1] * (h / 1e6) + k[2] * iEff + k[3] * t;

function component(k: Coeff): TidComponentTable {
  const logValue: number[] = [];
  ALTS.forEach((h, a) =>
    COLS[a]!.forEach((inc, j) => {
      const iEff = j === COLS[a]!.length - 1 ? Math.PI - inc : inc;
      for (const t of THS) logValue.push(L(k, h, iEff, t));
    }),
  );
  return { logValue, value_rad_per_yr: logValue.map(Math.exp) };
}
const table: TidTable = {
  altitudes_m: ALTS,
  thicknesses_m: THS,
  inclinations_rad: COLS,
  total: component(TOTAL),
  proton: component(PROTON),
  electron: component(ELECTRON),
  bremsstrahlung: component(BREMS),
};

const base: RadiationDoseParams = {
  altitude_m: 650e3,
  inclination_rad: deg_to_rad(40),
  shieldThickness_m: 3e-3,
  missionLife_yr: 5,
  shieldedArea_m2: 2,
  designMargin: 1.5,
  table,
};
const rel = (a: number, b: number): number => Math.abs(a / b - 1);

describe('radiationDose interpolation on a log-linear table (exact)', () => {
  it('inside every cell: exp(L) for each component; mission dose and shield mass by hand', () => {
    const r = radiationDose(base);
    const iEff = deg_to_rad(40);
    expect(rel(r.doseRate_rad_per_yr, Math.exp(L(TOTAL, 650e3, iEff, 3e-3)))).toBeLessThan(1e-12);
    expect(rel(r.protonDoseRate_rad_per_yr, Math.exp(L(PROTON, 650e3, iEff, 3e-3)))).toBeLessThan(1e-12);
    expect(rel(r.electronDoseRate_rad_per_yr, Math.exp(L(ELECTRON, 650e3, iEff, 3e-3)))).toBeLessThan(1e-12);
    expect(rel(r.bremsstrahlungDoseRate_rad_per_yr, Math.exp(L(BREMS, 650e3, iEff, 3e-3)))).toBeLessThan(1e-12);
    // 5 yr × margin 1.5; 2700 kg/m³ × 3 mm = 8.1 kg/m², × 2 m²
    expect(rel(r.missionDose_rad, r.doseRate_rad_per_yr * 7.5)).toBeLessThan(1e-15);
    expect(r.shieldArealDensity_kg_m2).toBeCloseTo(8.1, 12);
    expect(r.shieldingMass_kg).toBeCloseTo(16.2, 12);
  });

  it('at a grid corner, in the upper cells and at the table ends', () => {
    for (const [h, iDeg, t] of [
      [300e3, 0, 5e-4],
      [1000e3, 53, 1e-3],
      [1500e3, 60, 1e-2],
      [2000e3, 65, 2e-2],
      [1999e3, 1, 1.9e-2],
    ] as const) {
      const r = radiationDose({ ...base, altitude_m: h, inclination_rad: deg_to_rad(iDeg), shieldThickness_m: t });
      expect(rel(r.doseRate_rad_per_yr, Math.exp(L(TOTAL, h, deg_to_rad(iDeg), t)))).toBeLessThan(1e-12);
    }
  });

  it('between 70° and a row’s SSO column the SSO value stands at 180° − i_SSO; beyond it the value is held', () => {
    // row 300 km: SSO 97° → 83°; row 1000 km: SSO 99° → 81°. At 80° both rows interpolate (exact).
    const at80 = radiationDose({ ...base, altitude_m: 650e3, inclination_rad: deg_to_rad(80) });
    expect(rel(at80.doseRate_rad_per_yr, Math.exp(L(TOTAL, 650e3, deg_to_rad(80), 3e-3)))).toBeLessThan(1e-12);
    // at 82°: the 1000 km row holds its 81° value, the 300 km row interpolates to 82°; altitude weight 0.5
    const at82 = radiationDose({ ...base, altitude_m: 650e3, inclination_rad: deg_to_rad(82) });
    const held = 0.5 * L(TOTAL, 300e3, deg_to_rad(82), 3e-3) + 0.5 * L(TOTAL, 1000e3, deg_to_rad(81), 3e-3);
    expect(rel(at82.doseRate_rad_per_yr, Math.exp(held))).toBeLessThan(1e-12);
    // near polar (90°): both rows held at their SSO columns
    const polar = radiationDose({ ...base, altitude_m: 650e3, inclination_rad: deg_to_rad(90) });
    const both = 0.5 * L(TOTAL, 300e3, deg_to_rad(83), 3e-3) + 0.5 * L(TOTAL, 1000e3, deg_to_rad(81), 3e-3);
    expect(rel(polar.doseRate_rad_per_yr, Math.exp(both))).toBeLessThan(1e-12);
  });

  it('an inclination above 90° is its mirror 180° − i; 110° is the last accepted', () => {
    const mirror = (iDeg: number): number =>
      radiationDose({ ...base, inclination_rad: deg_to_rad(iDeg) }).doseRate_rad_per_yr;
    expect(rel(mirror(100), mirror(80))).toBeLessThan(1e-12);
    expect(rel(mirror(110), Math.exp(L(TOTAL, 650e3, deg_to_rad(70), 3e-3)))).toBeLessThan(1e-12);
    expect(() => mirror(110.01)).toThrow(/inclination_rad = .* outside the validity range 0–110°/);
    expect(() => mirror(-0.01)).toThrow(/inclination_rad/);
  });

  it('doses at the floor read as 0; just above it they are kept', () => {
    const flat = (v: number): TidComponentTable => ({
      logValue: Array.from({ length: 3 * 5 * 3 }, () => Math.log(v)),
      value_rad_per_yr: Array.from({ length: 3 * 5 * 3 }, () => v),
    });
    const floor = flat(TID_DOSE_FLOOR_rad_per_yr);
    const zero = { ...table, total: floor, proton: floor, electron: floor, bremsstrahlung: floor };
    const r = radiationDose({ ...base, table: zero });
    expect([r.doseRate_rad_per_yr, r.protonDoseRate_rad_per_yr, r.missionDose_rad]).toEqual([0, 0, 0]);
    const above = radiationDose({ ...base, table: { ...zero, total: flat(2e-9) } });
    expect(above.doseRate_rad_per_yr).toBeCloseTo(2e-9, 20);
  });

  it('validity: the table’s altitude and thickness ends are accepted, beyond refused; life, area, margin', () => {
    expect(() => radiationDose({ ...base, altitude_m: 300e3 })).not.toThrow();
    expect(() => radiationDose({ ...base, altitude_m: 2000e3 })).not.toThrow();
    expect(() => radiationDose({ ...base, altitude_m: 299e3 })).toThrow(
      'radiationDose: altitude_m = 299000 outside the table',
    );
    expect(() => radiationDose({ ...base, altitude_m: 2001e3 })).toThrow(/altitude_m = 2001000/);
    expect(() => radiationDose({ ...base, shieldThickness_m: 5e-4 })).not.toThrow();
    expect(() => radiationDose({ ...base, shieldThickness_m: 2e-2 })).not.toThrow();
    expect(() => radiationDose({ ...base, shieldThickness_m: 4.9e-4 })).toThrow(
      /shieldThickness_m = 0.00049 outside the table's validity range 0.5–20 mm Al/,
    );
    expect(() => radiationDose({ ...base, shieldThickness_m: 2.01e-2 })).toThrow(/shieldThickness_m = 0.0201/);
    expect(radiationDose({ ...base, missionLife_yr: 0, shieldedArea_m2: 0, designMargin: 1 }).missionDose_rad).toBe(0);
    expect(() => radiationDose({ ...base, missionLife_yr: -1 })).toThrow('radiationDose: missionLife_yr must be ≥ 0');
    expect(() => radiationDose({ ...base, missionLife_yr: Infinity })).toThrow(/missionLife_yr/);
    expect(() => radiationDose({ ...base, shieldedArea_m2: -1 })).toThrow('radiationDose: shieldedArea_m2 must be ≥ 0');
    expect(() => radiationDose({ ...base, shieldedArea_m2: Infinity })).toThrow(/shieldedArea_m2/);
    expect(() => radiationDose({ ...base, designMargin: 0.99 })).toThrow(
      'radiationDose: designMargin = 0.99 must be ≥ 1',
    );
    expect(() => radiationDose({ ...base, designMargin: Infinity })).toThrow(/designMargin = Infinity/);
  });

  it('the default margin is 2 (TID-PROVENANCE "×2 common")', () => {
    const { designMargin: _m, ...bare } = base;
    const r = radiationDose(bare);
    expect(rel(r.missionDose_rad, r.doseRate_rad_per_yr * 10)).toBeLessThan(1e-15);
  });
});
