/**
 * Edges of the optical link budget (src/models/links/linkBudget.ts) that the SCOT80 cases leave open: the efficiency
 * range (0, 1], the field each refusal names, the exact far-field/near-field join and the capacity cap at equality.
 */
import { describe, expect, it } from 'vitest';
import { linkRateCoefficients, opticalLinkBudget, type OpticalTerminal } from '../../../src/models/links/linkBudget.js';

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
