import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { radiationDose, type RadiationDoseParams } from '../../../src/models/radiation/radiation.js';
import { sunSynchronousInclination } from '../../../src/models/orbit/orbit.js';
import {
  tidIndex,
  tidTable,
  TID_DOSE_FLOOR_rad_per_yr,
  type TidComponentTable,
  type TidTable,
} from '../../../src/models/radiation/tidTable.js';
import { deg_to_rad, km_to_m, mm_to_m } from '../../../src/base/convert.js';

// Sources:
// [TID]  src/models/radiation/tid-ap8ae8-shieldose2.csv (AP-8 MIN / AE-8 MAX + SHIELDOSE-2 via IRBEM b9f60df) and
//        src/models/radiation/TID-PROVENANCE.md (SPENVIS 4.6.11 validation) and docs/sources.md §5 (3 mm values).
// [SPENVIS] SPENVIS 4.6.11 5-year totals at 550 km quoted in src/models/radiation/TID-PROVENANCE.md.

const relExact = 1e-12; // grid points must be reproduced exactly (up to exp(log(x)) rounding)
const base: RadiationDoseParams = {
  altitude_m: 550e3,
  inclination_rad: deg_to_rad(97.59),
  shieldThickness_m: mm_to_m(3),
  missionLife_yr: 5,
  shieldedArea_m2: 4,
};
const dose = (h_km: number, i_deg: number, mm: number): number =>
  radiationDose({
    ...base,
    altitude_m: km_to_m(h_km),
    inclination_rad: deg_to_rad(i_deg),
    shieldThickness_m: mm_to_m(mm),
  }).doseRate_rad_per_yr;

describe('radiationDose: table reproduction', () => {
  it('reproduces every grid point of the shipped CSV (all four dose columns)', () => {
    const t = tidTable();
    const csv = readFileSync(
      new URL('../../../src/models/radiation/tid-ap8ae8-shieldose2.csv', import.meta.url),
      'utf8',
    );
    const rows = csv.split('\n').filter((l) => l && !l.startsWith('#') && !l.startsWith('altitude'));
    expect(rows.length).toBe(605);
    for (const line of rows) {
      const f = line.split(',').map(Number);
      const [h, i, mm, p, e, b, tot] = [f[0]!, f[1]!, f[3]!, f[5]!, f[6]!, f[7]!, f[8]!];
      const r = radiationDose({
        ...base,
        altitude_m: km_to_m(h),
        inclination_rad: deg_to_rad(i),
        shieldThickness_m: mm_to_m(mm),
      });
      const close = (got: number, want: number): void =>
        expect(Math.abs(got - want)).toBeLessThanOrEqual(relExact * want);
      close(r.doseRate_rad_per_yr, tot);
      close(r.protonDoseRate_rad_per_yr, p);
      close(r.electronDoseRate_rad_per_yr, e);
      close(r.bremsstrahlungDoseRate_rad_per_yr, b);
    }
    expect(t.total.value_rad_per_yr[tidIndex(t, 3, 4, 4)]).toBe(987.7); // 550 km, SSO, 3 mm
  });
  it('550 km SSO at 3 mm ≈ 988 rad/yr using the orbit model’s SSO inclination [TID notes summary]', () => {
    const i = sunSynchronousInclination({ altitude_m: 550e3 }).inclination_rad;
    const r = radiationDose({ ...base, inclination_rad: i });
    expect(Math.abs(r.doseRate_rad_per_yr - 988)).toBeLessThan(1);
  });
  it('equatorial orbits at or below 550 km are below the AP-8/AE-8 floor: dose 0, never NaN', () => {
    expect(dose(550, 0, 3)).toBe(0);
    expect(dose(425, 0, 7.5)).toBe(0);
  });
});

describe('radiationDose: SPENVIS comparison (550 km, 95°, 5-year totals) [SPENVIS]', () => {
  // 95° is not a table column: it is mirrored to 85°, beyond the 550 km SSO column (97.59° → 82.41° mirrored), where
  // ln D is the even quadratic in (i − 90°) through the 70° and SSO columns. The provenance's own direct 95° IRBEM run
  // (TID-PROVENANCE.md, Validation) gives 29.4 / 7.02 / 1.47 / 0.617 krad; by hand from the CSV, 1 mm: 6,091 rad/yr ×
  // exp(−0.0952 × ln(7,685 / 6,091)) × 5 yr = 29.79 krad (+1.3 %),
  // 10 mm: 124.4 × exp(−0.0952 × ln(135.1 / 124.4)) × 5 = 0.617 krad. Holding the SSO column instead would be
  // +3.6 % at 1 mm, which the 1.5 % bound rejects.
  const cases: [number, number, number][] = [
    [1, 30.6, 29.4],
    [2.5, 7.08, 7.02],
    [5, 1.4, 1.47],
    [10, 0.56, 0.617],
  ];
  for (const [mm, spenvis_krad, direct_krad] of cases) {
    it(`${mm} mm: 5-year dose within the notes' band of SPENVIS ${spenvis_krad} krad(Si) and ±1.5 % of the direct 95° run`, () => {
      const r = radiationDose({
        ...base,
        inclination_rad: deg_to_rad(95),
        shieldThickness_m: mm_to_m(mm),
        designMargin: 1,
      });
      const krad = r.missionDose_rad / 1000;
      expect(krad / spenvis_krad).toBeGreaterThanOrEqual(0.94);
      expect(krad / spenvis_krad).toBeLessThanOrEqual(1.11);
      expect(krad / direct_krad).toBeWithinRelative(1, 0.015);
    });
  }
  it('55° and 30° at 2.5 mm stay within ×0.94–1.11 of SPENVIS (6.54, 2.01 krad)', () => {
    const r55 = radiationDose({
      ...base,
      inclination_rad: deg_to_rad(55),
      shieldThickness_m: mm_to_m(2.5),
      designMargin: 1,
    });
    const r30 = radiationDose({
      ...base,
      inclination_rad: deg_to_rad(30),
      shieldThickness_m: mm_to_m(2.5),
      designMargin: 1,
    });
    for (const [got, want] of [
      [r55.missionDose_rad / 1000, 6.54],
      [r30.missionDose_rad / 1000, 2.01],
    ] as const) {
      expect(got / want).toBeGreaterThanOrEqual(0.94);
      expect(got / want).toBeLessThanOrEqual(1.11);
    }
  });
});

describe('radiationDose: properties', () => {
  it('doseRate_rad_per_yr decreases monotonically with shielding (every altitude, 53° and SSO)', () => {
    for (const h of [300, 475, 550, 900, 1350, 2000]) {
      for (const inc of [53, 97.8]) {
        let prev = Infinity;
        for (let mm = 0.5; mm <= 20; mm += 0.25) {
          const d = dose(h, inc, mm);
          expect(d).toBeLessThanOrEqual(prev);
          prev = d;
        }
      }
    }
  });
  it('dose rises steeply with altitude above 1000 km (inner proton belt): 53°, 3 mm, 2,000 / 1,000 km = 12.5× [TID]', () => {
    // CSV rows (53°, 3 mm): 1,000 km 4,387 rad/yr, 2,000 km 5.486e4 rad/yr → 12.51×. Catches a swapped or
    // mis-indexed altitude axis (the ratio collapses or inverts) that the grid-point test would not isolate.
    expect(dose(1000, 53, 3)).toBeCloseTo(4387, 6);
    expect(dose(2000, 53, 3) / dose(1000, 53, 3)).toBeCloseTo(54860 / 4387, 6);
  });
  it('interpolated values lie between their grid neighbours', () => {
    const d = dose(575, 61.5, 3.5);
    const corners = [
      dose(550, 53, 3),
      dose(550, 70, 4),
      dose(600, 53, 4),
      dose(600, 70, 3),
      dose(550, 53, 4),
      dose(600, 70, 4),
    ];
    expect(d).toBeGreaterThan(Math.min(...corners));
    expect(d).toBeLessThan(Math.max(...corners));
  });
  it('retrograde i and 180° − i give the same dose (mirror symmetry of the long-run average)', () => {
    expect(dose(800, 110, 3)).toBeCloseTo(dose(800, 70, 3), 9);
  });
  it('missionDose_rad = rate × life × margin; shieldingMass_kg = 2.70 kg/m² per mm × area (hand calculation)', () => {
    // 550 km SSO 3 mm: 987.7 rad/yr (CSV) × 5 yr × margin 2 = 9,877 rad. Aluminium 2.70 g/cm³ → 2.70 kg/m² per mm:
    // 3 mm = 8.1 kg/m² × 4 m² = 32.4 kg. Catches: margin or lifetime dropped, a 2.7 g/cm³ slip by 10×.
    const r = radiationDose({ ...base, designMargin: 2 });
    expect(Math.abs(r.missionDose_rad - 9877)).toBeLessThan(1e-6);
    expect(r.shieldArealDensity_kg_m2).toBeCloseTo(8.1, 12);
    expect(r.shieldingMass_kg).toBeCloseTo(32.4, 12);
  });
  it('throws RangeError naming the validity range outside 300–2000 km, 0.5–20 mm, 0–110°', () => {
    expect(() => dose(250, 53, 3)).toThrow(/300–2000 km/);
    expect(() => dose(550, 53, 0.4)).toThrow(/0\.5–20 mm/);
    expect(() => dose(550, 53, 25)).toThrow(/0\.5–20 mm/);
    expect(() => dose(550, 120, 3)).toThrow(/0–110°/);
  });
});

describe('log-linear', () => {
  /**
   * radiationDose on a synthetic table whose ln(dose) is linear in altitude, inclination and thickness: linear
   * interpolation of ln(dose) (the method of src/models/radiation/radiation.ts) is then exact, so every result is the
   * closed form exp(L(h, i′, t)) with i′ = min(i, 180° − i), held at each row's SSO column (stored at its SSO
   * inclination, which stands for 180° − it). Each component has its own coefficients, so a swapped column shows.
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

  describe('radiationDose interpolation on a log-linear table (exact)', () => {
    it('inside every cell: exp(L) for each component; mission dose and shield mass by hand', () => {
      const r = radiationDose(base);
      const iEff = deg_to_rad(40);
      expect(r.doseRate_rad_per_yr).toBeWithinRelative(Math.exp(L(TOTAL, 650e3, iEff, 3e-3)), 1e-12);
      expect(r.protonDoseRate_rad_per_yr).toBeWithinRelative(Math.exp(L(PROTON, 650e3, iEff, 3e-3)), 1e-12);
      expect(r.electronDoseRate_rad_per_yr).toBeWithinRelative(Math.exp(L(ELECTRON, 650e3, iEff, 3e-3)), 1e-12);
      expect(r.bremsstrahlungDoseRate_rad_per_yr).toBeWithinRelative(Math.exp(L(BREMS, 650e3, iEff, 3e-3)), 1e-12);
      // 5 yr × margin 1.5; 2700 kg/m³ × 3 mm = 8.1 kg/m², × 2 m²
      expect(r.missionDose_rad).toBeWithinRelative(r.doseRate_rad_per_yr * 7.5, 1e-15);
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
        expect(r.doseRate_rad_per_yr).toBeWithinRelative(Math.exp(L(TOTAL, h, deg_to_rad(iDeg), t)), 1e-12);
      }
    });

    it('between 70° and a row’s SSO column the SSO value stands at 180° − i_SSO; beyond it, even about 90°', () => {
      // row 300 km: SSO 97° → 83°; row 1000 km: SSO 99° → 81°. At 80° both rows interpolate (exact).
      const at80 = radiationDose({ ...base, altitude_m: 650e3, inclination_rad: deg_to_rad(80) });
      expect(at80.doseRate_rad_per_yr).toBeWithinRelative(Math.exp(L(TOTAL, 650e3, deg_to_rad(80), 3e-3)), 1e-12);
      // Beyond the SSO column: ln D = ln D_70 + w (ln D_S − ln D_70), w = (d_70² − d²)/(d_70² − d_S²), d = 90° − i'.
      const row = (h: number, sso: number, i: number): number => {
        const w = (20 ** 2 - (90 - i) ** 2) / (20 ** 2 - (90 - sso) ** 2);
        const l70 = L(TOTAL, h, deg_to_rad(70), 3e-3);
        return l70 + w * (L(TOTAL, h, deg_to_rad(sso), 3e-3) - l70);
      };
      // at 82°: the 1000 km row is past its 81° column (w = 336/319), the 300 km row interpolates; altitude weight 0.5
      const at82 = radiationDose({ ...base, altitude_m: 650e3, inclination_rad: deg_to_rad(82) });
      const mixed = 0.5 * L(TOTAL, 300e3, deg_to_rad(82), 3e-3) + 0.5 * row(1000e3, 81, 82);
      expect(at82.doseRate_rad_per_yr).toBeWithinRelative(Math.exp(mixed), 1e-12);
      // near polar (90°): w = 400/351 and 400/319
      const polar = radiationDose({ ...base, altitude_m: 650e3, inclination_rad: deg_to_rad(90) });
      const both = 0.5 * row(300e3, 83, 90) + 0.5 * row(1000e3, 81, 90);
      expect(polar.doseRate_rad_per_yr).toBeWithinRelative(Math.exp(both), 1e-12);
      // 87.9° and its mirror 92.1° agree (the symmetry the quadratic is built on)
      const at = (i: number) => radiationDose({ ...base, inclination_rad: deg_to_rad(i) }).doseRate_rad_per_yr;
      expect(at(87.9)).toBeWithinRelative(at(92.1), 1e-12);
    });

    it('an inclination above 90° is its mirror 180° − i; 110° is the last accepted', () => {
      const mirror = (iDeg: number): number =>
        radiationDose({ ...base, inclination_rad: deg_to_rad(iDeg) }).doseRate_rad_per_yr;
      expect(mirror(100)).toBeWithinRelative(mirror(80), 1e-12);
      expect(mirror(110)).toBeWithinRelative(Math.exp(L(TOTAL, 650e3, deg_to_rad(70), 3e-3)), 1e-12);
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
      expect(radiationDose({ ...base, missionLife_yr: 0, shieldedArea_m2: 0, designMargin: 1 }).missionDose_rad).toBe(
        0,
      );
      expect(() => radiationDose({ ...base, missionLife_yr: -1 })).toThrow('radiationDose: missionLife_yr must be ≥ 0');
      expect(() => radiationDose({ ...base, missionLife_yr: Infinity })).toThrow(/missionLife_yr/);
      expect(() => radiationDose({ ...base, shieldedArea_m2: -1 })).toThrow(
        'radiationDose: shieldedArea_m2 must be ≥ 0',
      );
      expect(() => radiationDose({ ...base, shieldedArea_m2: Infinity })).toThrow(/shieldedArea_m2/);
      expect(() => radiationDose({ ...base, designMargin: 0.99 })).toThrow(
        'radiationDose: designMargin = 0.99 must be ≥ 1',
      );
      expect(() => radiationDose({ ...base, designMargin: Infinity })).toThrow(/designMargin = Infinity/);
    });

    it('the default margin is 2 (TID-PROVENANCE "×2 common")', () => {
      const { designMargin: _m, ...bare } = base;
      const r = radiationDose(bare);
      expect(r.missionDose_rad).toBeWithinRelative(r.doseRate_rad_per_yr * 10, 1e-15);
    });
  });
});

describe('radiationDose: field-epoch factor (radiation.trappedDoseFactor)', () => {
  it('multiplies the table rate and each component; the mission dose follows', () => {
    // 550 km SSO 3 mm: 987.7 rad/yr (CSV); × 2.5 = 2,469.25 rad/yr; × 5 yr × margin 2 = 24,692.5 rad
    const p = { ...base, inclination_rad: deg_to_rad(97.59), shieldThickness_m: mm_to_m(3), designMargin: 2 };
    const one = radiationDose(p);
    const k = radiationDose({ ...p, trappedDoseFactor: 2.5 });
    expect(k.doseRate_rad_per_yr).toBeCloseTo(2469.25, 1);
    expect(k.missionDose_rad).toBeCloseTo(24692.5, 0);
    expect(k.protonDoseRate_rad_per_yr).toBeCloseTo(2.5 * one.protonDoseRate_rad_per_yr, 9);
    expect(k.electronDoseRate_rad_per_yr).toBeCloseTo(2.5 * one.electronDoseRate_rad_per_yr, 9);
    expect(k.shieldingMass_kg).toBe(one.shieldingMass_kg);
    expect(() => radiationDose({ ...p, trappedDoseFactor: 0.9 })).toThrow(/trappedDoseFactor/);
  });
});
