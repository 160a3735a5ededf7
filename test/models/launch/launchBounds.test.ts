/**
 * Launch performance where a row's published data is a bound or a flown floor: Starship's Users Guide envelope
 * (rev 1.0, March 2020, Table 3 note 1) and Falcon 9's near-polar Iridium NEXT point, each moved by the derated
 * rocket-equation rule of src/models/launch/launchPerformance.ts and checked by hand.
 */
import { describe, expect, it } from 'vitest';
import { findRow, loadCatalogs } from '../../../src/catalog/load.js';
import { vehiclePayloadToOrbit } from '../../../src/models/launch/launchPerformance.js';
import { sunSynchronousInclination } from '../../../src/models/orbit/orbit.js';
import { rad } from '../../helpers/units.js';
import { STANDARD_GRAVITY_m_s2 as G0 } from '../../helpers/constants.js';

const ssoInclination = (altitude_km: number): number =>
  sunSynchronousInclination({ altitude_m: altitude_km * 1e3 }).inclination_rad;
/** The derating the model header states, by hand: 1 − ΔV⁺/1,400 m/s. */
const derate = (harder_m_s: number): number => 1 - harder_m_s / 1400;
const cat = loadCatalogs();
const row = (id: string) => findRow(cat, 'launchVehicles', id, 'test');

describe('Starship: the Users Guide bound (rev 1.0, March 2020, Table 3 note 1)', () => {
  // '100+ t to LEO', note 1: 'up to 500-km circular orbit at up to 98.9-deg inclination'.
  const ship = row('starship');
  it('reproduces 100 t at the bound’s hardest corner, 500 km × 98.9°', () => {
    expect(vehiclePayloadToOrbit(ship, 500e3, rad(98.9)).payload_kg).toBeCloseTo(100000, 6);
  });
  it('gives exactly 100 t (the bound, never more) at every orbit inside the envelope (≤ 500 km, ≤ 98.9°)', () => {
    for (const h of [200, 300, 400, 500]) {
      const incs = [28.5, 53, 70, 90, 98.9].map(rad).concat(h >= 300 ? [ssoInclination(h)] : []);
      for (const i of incs) {
        expect(vehiclePayloadToOrbit(ship, h * 1e3, i)).toEqual({
          payload_kg: 100000,
          basis: 'published',
          extrapolationDeltaV_m_s: 0,
          derating: 1,
        });
      }
    }
  });
  it('550 km × 53° is extrapolated from the 500 km edge by Hohmann alone: 96.4 t, not 120–130 t', () => {
    // Hohmann 500 → 550 km (vis-viva, as in "rules" above) = 27.47 m/s; ship 120 t dry, 380 s:
    // (100 + 120) t × e^(−27.47/(9.80665 × 380)) − 120 t = 98.38 t, derated × (1 − 27.47/1400) = 96.45 t.
    const r = vehiclePayloadToOrbit(ship, 550e3, rad(53));
    expect(r.basis).toBe('extrapolated');
    expect(r.extrapolationDeltaV_m_s).toBeCloseTo(27.47, 1);
    expect(r.payload_kg).toBeCloseTo((220000 * Math.exp(-27.47 / (G0 * 380)) - 120000) * derate(27.47), -2);
    expect(r.payload_kg).toBeLessThan(100000);
  });
  it('650 km SSO: the corner 500 km × 98.9° raised and turned to 97.99°, below the bound', () => {
    const r = vehiclePayloadToOrbit(ship, 650e3, ssoInclination(650));
    expect(r.basis).toBe('extrapolated');
    expect(r.payload_kg).toBeLessThan(100000);
    // Hohmann 500 → 650 km 81.6 m/s toward the harder orbit, the turn to 97.99° easier: ~95 t × (1 − 81.6/1400)
    expect(r.payload_kg).toBeGreaterThan(85000);
  });
});

describe('Falcon 9: the flown Iridium NEXT and Starlink 3-1 points (floors)', () => {
  const f9 = row('falcon-9');
  it('Starlink 3-1 (46 × ≥ 260 kg to 308 × 320 km, 97.6°): at least the flown 11,960 kg there', () => {
    // a flown mass is a floor of the capability: odc's payload into that orbit must be at least it
    const r = vehiclePayloadToOrbit(f9, 314e3, rad(97.6));
    expect(r.payload_kg).toBeGreaterThanOrEqual(46 * 260);
    expect(r.basis).toBe('published');
  });

  it("Starlink's polar shell, 560 km × 97.6°: the 3-1 point raised by Hohmann, derated", () => {
    // by hand: vis-viva Hohmann 314 → 560 km 138.04 m/s; (11,960 + 4,000) × e^(−138.04/(9.80665 × 348)) − 4,000 =
    // 11,327.3 kg, derated × (1 − 138.04/1400) = 10,210.4 kg (7.85 t before, moved from the 86.4° Iridium point)
    const r = vehiclePayloadToOrbit(f9, 560e3, rad(97.6));
    expect(r.extrapolationDeltaV_m_s).toBeCloseTo(138.04, 1);
    expect(r.payload_kg).toBeCloseTo(10210.4, 0);
  });

  it('near-polar 1,015–1,100 km: moved from the flown points by hand', () => {
    // The row's stage (4,000 kg dry, 348 s). 1,015 km × 99° lies past the 97.6° curve: Hohmann 314 → 1,015 km
    // 374.76 m/s + Earth rotation 465.10 × (cos 97.6° − cos 99°) 11.25 m/s = 386.01 m/s; rule (11,960 + 4,000) ×
    // e^(−386.01/(9.80665 × 348)) − 4,000 = 10,253.1 kg, derated × (1 − 386.01/1400) = 7,426.1 kg (5,895 kg from the
    // Iridium point alone). 1,100 km × 89° lies between the curves: 86.4° raised 625 → 1,100 km (243.47 m/s) gives
    // 7,732.4 kg, 97.6° raised 314 → 1,100 km (416.52 m/s) 10,126.2 kg; each derated by its own ΔV, × (1 − 243.47/1400)
    // = 6,387.7 kg and × (1 − 416.52/1400) = 7,113.5 kg. The harder orbit's floor carries more, and a floor at 97.6° is
    // one at 89° too (less plane to turn, more of the Earth's rotation): the payload holds at the 97.6° curve's
    // 7,113.5 kg, ΔV 416.52 m/s, at every inclination up to 97.6° (issue 99: never rising with inclination).
    const a = vehiclePayloadToOrbit(f9, 1015e3, rad(99));
    expect(a.basis).toBe('extrapolated');
    expect(a.extrapolationDeltaV_m_s).toBeCloseTo(386.01, 1);
    expect(a.payload_kg).toBeCloseTo(7426.1, 0);
    for (const inc of [86.4, 89, 92, 97.6]) {
      const b = vehiclePayloadToOrbit(f9, 1100e3, rad(inc));
      expect(b.extrapolationDeltaV_m_s).toBeCloseTo(416.52, 1);
      expect(b.payload_kg).toBeCloseTo(7113.5, 0);
    }
  });

  it('Iridium NEXT itself, 625 km × 86.4°: at least the flown 8,600 kg; the 97.6° floor raised gives more', () => {
    // Hohmann 314 → 625 km by vis-viva: 173.29 m/s; (11,960 + 4,000) × e^(−173.29/(9.80665 × 348)) − 4,000 =
    // 11,169.8 kg, derated × (1 − 173.29/1400) = 9,787.2 kg > 8,600 kg flown: a harder orbit's floor is one here too.
    const r = vehiclePayloadToOrbit(f9, 625e3, rad(86.4));
    expect(r.payload_kg).toBeGreaterThanOrEqual(8600);
    expect(r.extrapolationDeltaV_m_s).toBeCloseTo(173.29, 1);
    expect(r.payload_kg).toBeCloseTo(9787.2, 0);
  });

  it('never rises with inclination at a fixed altitude (300–1,200 km, 53–110°)', () => {
    for (const h of [300, 450, 552, 625, 800, 1200]) {
      let last = Infinity;
      for (let inc = 53; inc <= 110; inc += 0.25) {
        const p = vehiclePayloadToOrbit(f9, h * 1e3, rad(inc)).payload_kg;
        expect(p).toBeLessThanOrEqual(last + 1e-6);
        last = p;
      }
    }
  });
});
