import { describe, expect, it } from 'vitest';
import { loadCatalogs } from '../../../src/catalog/load.js';
import {
  linkRate_bps,
  linkRateCoefficients,
  opticalLinkBudget,
  opticalTerminalFromRow,
  type OpticalTerminal,
} from '../../../src/models/links/linkBudget.js';

// Tesat SCOT80 as catalogued: 80 mm aperture (DLR), 10 Gbps up to 8,000 km (satellitetoday 2024);
// 1 W, 1550 nm, 40 photons/bit are catalog estimates.
const scot80: OpticalTerminal = {
  transmitPower_W: 1,
  apertureDiameter_m: 0.08,
  wavelength_m: 1550e-9,
  sensitivity_photonsPerBit: 40,
  capacity_bps: 10e9,
};

describe('opticalLinkBudget', () => {
  it('reproduces a hand-computed budget (SCOT80 figures at 8,000 km)', () => {
    // hν = 6.62607015e-34 × 299792458 / 1.55e-6 = 1.28161e-19 J
    // f = (π D² / 4λd)² = (π × 0.0064 / (4 × 1.55e-6 × 8e6))² = (4.05367e-4)² = 1.64322e-7
    // η = 0.65 × 0.65 × 0.8 = 0.338 → P_r = 1 W × 0.338 × 1.64322e-7 = 5.55408e-8 W (−42.6 dBm)
    // R = P_r / (40 × hν) = 5.55408e-8 / 5.12644e-18 = 1.08342e10 bit/s → capped at 10 Gbps
    const r = opticalLinkBudget({ terminal: scot80, range_m: 8e6 });
    expect(r.photonEnergy_J).toBeCloseTo(1.28161e-19, 23);
    expect(r.collectedFraction / 1.64322e-7).toBeCloseTo(1, 4);
    expect(r.receivedPower_W / 5.55408e-8).toBeCloseTo(1, 4);
    expect(r.uncappedRate_bps / 1.08342e10).toBeCloseTo(1, 4);
    expect(r.rate_bps).toBe(10e9);
    expect(r.capacityLimited).toBe(true);
    expect(r.nearFieldCapped).toBe(false);
  });

  it('beyond the near field the uncapped rate falls as 1/d²: doubling d quarters it', () => {
    const a = opticalLinkBudget({ terminal: scot80, range_m: 10e6 });
    const b = opticalLinkBudget({ terminal: scot80, range_m: 20e6 });
    expect(a.uncappedRate_bps / b.uncappedRate_bps).toBeCloseTo(4, 10);
    expect(b.rate_bps).toBe(b.uncappedRate_bps); // below the 10 Gbps rating: not capped
    expect(b.rate_bps).toBeLessThan(10e9);
  });

  it('caps the rate at the terminal rating at short range', () => {
    const r = opticalLinkBudget({ terminal: scot80, range_m: 1e6 });
    expect(r.uncappedRate_bps).toBeGreaterThan(10 * 10e9);
    expect(r.rate_bps).toBe(10e9);
  });

  it('inside the Fresnel range the receiver collects at most the whole beam (P_r ≤ P_t)', () => {
    // 10 cm at 1550 nm: Fresnel range D²/λ = 6.45 km; the far-field fraction at 10 m would be ~2.6e5.
    const t: OpticalTerminal = { ...scot80, apertureDiameter_m: 0.1, capacity_bps: 1e18 };
    const r = opticalLinkBudget({ terminal: t, range_m: 10 });
    expect(r.nearFieldCapped).toBe(true);
    expect(r.collectedFraction).toBe(1);
    expect(r.receivedPower_W).toBeCloseTo(0.338, 12);
    expect(r.receivedPower_W).toBeLessThanOrEqual(t.transmitPower_W);
    expect(linkRateCoefficients({ terminal: t }).fresnelRange_m).toBeCloseTo(6451.6, 1);
    // No 1/d² gain below the limit: 10 m and 100 m give the same rate.
    expect(opticalLinkBudget({ terminal: t, range_m: 100 }).rate_bps).toBe(r.rate_bps);
  });

  it('fast path linkRate_bps equals the full budget', () => {
    const c = linkRateCoefficients({ terminal: scot80 });
    for (const d of [50, 5e5, 8e6, 2e7])
      expect(linkRate_bps(c, d)).toBeCloseTo(opticalLinkBudget({ terminal: scot80, range_m: d }).rate_bps, 0);
  });

  it('throws RangeError for invalid input', () => {
    expect(() => opticalLinkBudget({ terminal: scot80, range_m: 0 })).toThrow(RangeError);
    expect(() => opticalLinkBudget({ terminal: { ...scot80, apertureDiameter_m: -1 }, range_m: 1e6 })).toThrow(
      RangeError,
    );
    expect(() => opticalLinkBudget({ terminal: scot80, range_m: 1e6, pointingLoss: 1.5 })).toThrow(RangeError);
  });
});

describe('catalog terminals reproduce their own ratings', () => {
  const rows = loadCatalogs().islTerminals;
  const rateAt = (id: string, range_m: number) => {
    const row = rows.find((r) => r.id === id)!;
    return opticalLinkBudget({ terminal: opticalTerminalFromRow(row), range_m });
  };

  it('SCOT80 (published anchor): 10 Gbps at 8,000 km within a factor 1.2', () => {
    const r = rateAt('tesat-scot80', 8e6);
    expect(r.uncappedRate_bps / 10e9).toBeGreaterThanOrEqual(1);
    expect(r.uncappedRate_bps / 10e9).toBeLessThan(1.2);
  });

  it('every long-range row closes its capacity at its range_km with < 1.5× (1.8 dB) excess', () => {
    for (const row of rows.filter((r) => r.range_km >= 100)) {
      const r = rateAt(row.id, row.range_km * 1e3);
      const ratio = r.uncappedRate_bps / (row.capacity_Gbps * 1e9);
      expect(ratio, row.id).toBeGreaterThanOrEqual(1);
      expect(ratio, row.id).toBeLessThan(1.5);
    }
  });

  it('Suncatcher-class DWDM: 9.6 Tbps (capped) at the 1 km formation scale, near field; rating lost near ~6 km', () => {
    const r = rateAt('suncatcher-dwdm', 1e3);
    expect(r.nearFieldCapped).toBe(true);
    expect(r.rate_bps).toBe(9.6e12);
    expect(rateAt('suncatcher-dwdm', 5.5e3).rate_bps).toBe(9.6e12);
    expect(rateAt('suncatcher-dwdm', 6.5e3).rate_bps).toBeLessThan(9.6e12);
  });
});

describe('edges', () => {
  /**
   * Edges of the optical link budget (src/models/links/linkBudget.ts) that the SCOT80 cases leave open: the efficiency
   * range (0, 1], the field each refusal names, the exact far-field/near-field join and the capacity cap at equality.
   */
  const PLANCK_J_s = 6.62607015e-34; // exact, SI 2019
  const LIGHT_SPEED_m_s = 299792458; // exact

  const terminal: OpticalTerminal = {
    transmitPower_W: 1,
    apertureDiameter_m: 0.1,
    wavelength_m: 1550e-9,
    sensitivity_photonsPerBit: 40,
    capacity_bps: 1e18,
  };

  describe('efficiencies', () => {
    it('1 is a valid efficiency (lossless) and 0 is not', () => {
      // Near field (10 m ≪ D²/λ = 6.45 km), lossless: the whole 1 W is received.
      const lossless = { transmitEfficiency: 1, receiveEfficiency: 1, pointingLoss: 1 };
      expect(opticalLinkBudget({ terminal, range_m: 10, ...lossless }).receivedPower_W).toBe(1);
      for (const name of ['transmitEfficiency', 'receiveEfficiency', 'pointingLoss']) {
        expect(() => opticalLinkBudget({ terminal, range_m: 10, ...lossless, [name]: 0 })).toThrow(
          new RangeError(`${name} must be in (0, 1], got 0`),
        );
        expect(() => opticalLinkBudget({ terminal, range_m: 10, ...lossless, [name]: 1.01 })).toThrow(name);
      }
    });

    it('each efficiency multiplies the received power: 0.5 × 0.4 × 0.25 = 0.05 W of 1 W in the near field', () => {
      const r = opticalLinkBudget({
        terminal,
        range_m: 10,
        transmitEfficiency: 0.5,
        receiveEfficiency: 0.4,
        pointingLoss: 0.25,
      });
      expect(r.receivedPower_W).toBeCloseTo(0.05, 15);
    });
  });

  describe('refusals name the field', () => {
    it('range and every terminal field', () => {
      expect(() => opticalLinkBudget({ terminal, range_m: -1 })).toThrow(/^range_m must be/);
      const fields: (keyof OpticalTerminal)[] = [
        'transmitPower_W',
        'apertureDiameter_m',
        'wavelength_m',
        'sensitivity_photonsPerBit',
        'capacity_bps',
      ];
      for (const f of fields)
        expect(() => linkRateCoefficients({ terminal: { ...terminal, [f]: 0 } })).toThrow(
          new RangeError(`terminal.${f} must be a finite number > 0, got 0`),
        );
    });
  });

  describe('the joins', () => {
    it('at d = πD²/(4λ) the far-field fraction is exactly 1: collected 1, not flagged as capped', () => {
      // f = (πD²/(4λd))² = 1 at d = πD²/(4λ) = π × 0.01 / 6.2e-6 = 5,067 m
      const d = (Math.PI * 0.1 * 0.1) / (4 * 1550e-9);
      expect(d).toBeCloseTo(5067.1, 1);
      const r = opticalLinkBudget({ terminal, range_m: d });
      expect(r.collectedFraction).toBe(1);
      expect(r.nearFieldCapped).toBe(false);
      expect(opticalLinkBudget({ terminal, range_m: d * 0.999 }).nearFieldCapped).toBe(true);
    });

    it('a terminal rated exactly at its uncapped rate is not capacity-limited', () => {
      // Near field, lossless: R = P_t / (N·hν) = 1 W / (40 × hc/λ); hc = 1.98644586e-25 J m, hν = 1.2815780e-19 J,
      // R = 1 / 5.126312e-18 = 1.950720e17 bit/s
      const rate_bps = 1 / (40 * ((PLANCK_J_s * LIGHT_SPEED_m_s) / 1550e-9));
      expect(rate_bps / 1.95072e17).toBeCloseTo(1, 5);
      const r = opticalLinkBudget({
        terminal: { ...terminal, capacity_bps: rate_bps },
        range_m: 10,
        transmitEfficiency: 1,
        receiveEfficiency: 1,
        pointingLoss: 1,
      });
      expect(r.uncappedRate_bps).toBe(rate_bps);
      expect(r.rate_bps).toBe(rate_bps);
      expect(r.capacityLimited).toBe(false);
    });
  });
});
