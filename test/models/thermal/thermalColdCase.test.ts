import { describe, expect, it } from 'vitest';
import { coldCaseHeater, type ColdCaseParams } from '../../../src/models/thermal/thermalColdCase.js';
import { SIGMA } from '../../helpers/constants.js';

// The cold-case heater (src/models/thermal/thermalColdCase.ts): Q_loss = A [n η_fin ε σ (T_min⁴ − T_sink⁴) − ε OLR ΣF],
// P_heater = max(0, Q_loss − Q_eclipse); hand calculations with σ CODATA 2018, 206 W/m² cold-case OLR, 3 K sink.

describe('coldCaseHeater: eclipse heater holding the loop at its minimum temperature', () => {
  const cold = {
    radiatorArea_m2: 100,
    minLoopTemp_K: 283.15,
    irEmittance: 0.85,
    earthViewFactors: [0.25, 0.25] as const,
    finEfficiency: 1,
    eclipseDissipation_W: 0,
  };
  it('water loop, 100 m², ε 0.85, idle in eclipse: loss 100 × (2 × 0.85 σ (283.15⁴ − 3⁴) − 0.85 × 206 × 0.5) = 53,207 W', () => {
    const r = coldCaseHeater(cold);
    const hand = 100 * (2 * 0.85 * SIGMA * (283.15 ** 4 - 3 ** 4) - 0.85 * 206 * 0.5);
    expect(r.radiatorLossAtMin_W).toBeCloseTo(hand, 3);
    expect(r.heaterPower_W).toBeCloseTo(hand, 3);
  });
  it('dissipation in eclipse offsets the heater, which never goes negative', () => {
    expect(coldCaseHeater({ ...cold, eclipseDissipation_W: 50e3 }).heaterPower_W).toBeCloseTo(3207.2, 0);
    expect(coldCaseHeater({ ...cold, eclipseDissipation_W: 1e6 }).heaterPower_W).toBe(0);
  });
  it('an ammonia loop (205.5 K minimum) loses far less: 2 × 0.85 σ 205.5⁴ − 87.55 = 84.36 W/m²', () => {
    const r = coldCaseHeater({ ...cold, minLoopTemp_K: 205.5 });
    expect(r.radiatorLossAtMin_W / 100).toBeCloseTo(84.363, 2);
  });
  it('rejects a minimum temperature outside 150–350 K', () => {
    expect(() => coldCaseHeater({ ...cold, minLoopTemp_K: 100 })).toThrow(RangeError);
  });
});

describe('coldCaseHeater validity range', () => {
  // 1 m², ε = 1, η_fin = 1, no Earth view, sink 0 K: the loss is n σ T⁴
  const plate: ColdCaseParams = {
    radiatorArea_m2: 1,
    minLoopTemp_K: 200,
    irEmittance: 1,
    earthViewFactors: [0, 0],
    finEfficiency: 1,
    eclipseDissipation_W: 0,
    sinkTemp_K: 0,
  };

  it('accepts 150 K and 350 K, refuses just beyond; ε, η_fin in (0, 1], dissipation ≥ 0', () => {
    expect(coldCaseHeater({ ...plate, minLoopTemp_K: 150 }).radiatorLossAtMin_W).toBeCloseTo(2 * SIGMA * 150 ** 4, 9);
    expect(coldCaseHeater({ ...plate, minLoopTemp_K: 350 }).radiatorLossAtMin_W).toBeCloseTo(2 * SIGMA * 350 ** 4, 9);
    expect(() => coldCaseHeater({ ...plate, minLoopTemp_K: 149.9 })).toThrow(
      /coldCaseHeater: minLoopTemp_K = 149.9 outside 150–350 K/,
    );
    expect(() => coldCaseHeater({ ...plate, minLoopTemp_K: 350.1 })).toThrow(/minLoopTemp_K = 350.1/);
    expect(() => coldCaseHeater({ ...plate, irEmittance: 0 })).toThrow('coldCaseHeater: irEmittance must be in (0, 1]');
    expect(() => coldCaseHeater({ ...plate, irEmittance: 1.01 })).toThrow(/irEmittance must be in/);
    expect(() => coldCaseHeater({ ...plate, finEfficiency: 0 })).toThrow(
      'coldCaseHeater: finEfficiency must be in (0, 1]',
    );
    expect(() => coldCaseHeater({ ...plate, finEfficiency: 1.01 })).toThrow(/finEfficiency must be in/);
    expect(() => coldCaseHeater({ ...plate, eclipseDissipation_W: -1 })).toThrow(
      'coldCaseHeater: eclipseDissipation_W must be ≥ 0',
    );
    expect(() => coldCaseHeater({ ...plate, radiatorArea_m2: 0 })).toThrow(/coldCaseHeater: radiatorArea_m2 must/);
  });

  it('one face emits half of two; the Earth IR enters through F₁ alone for one face, F₁ + F₂ for two', () => {
    const two = coldCaseHeater({ ...plate, earthIR_W_m2: 100, earthViewFactors: [0.3, 0.2] });
    // 2σ 200⁴ − 100 · (0.3 + 0.2)
    expect(two.radiatorLossAtMin_W).toBeCloseTo(2 * SIGMA * 200 ** 4 - 50, 9);
    const one = coldCaseHeater({ ...plate, earthIR_W_m2: 100, earthViewFactors: [0.3, 0.2], radiatingFaces: 1 });
    expect(one.radiatorLossAtMin_W).toBeCloseTo(SIGMA * 200 ** 4 - 30, 9);
  });

  it('the fin efficiency scales the emitted flux: η_fin = 0.5 halves 2σT⁴', () => {
    expect(coldCaseHeater({ ...plate, finEfficiency: 0.5 }).radiatorLossAtMin_W).toBeCloseTo(SIGMA * 200 ** 4, 9);
  });

  it('defaults: the 3 K sink and the 206 W/m² cold-case OLR', () => {
    const { sinkTemp_K: _s, ...bare } = plate;
    const r = coldCaseHeater({ ...bare, earthViewFactors: [0.5, 0] });
    expect(r.radiatorLossAtMin_W).toBeCloseTo(2 * SIGMA * (200 ** 4 - 3 ** 4) - 206 * 0.5, 9);
  });

  it('a radiator that absorbs more than it emits loses nothing, and needs no heater', () => {
    // 150 K: 2σ 150⁴ = 57.4 W/m² < 206 · 1 W/m² absorbed
    const r = coldCaseHeater({ ...plate, minLoopTemp_K: 150, earthIR_W_m2: 206, earthViewFactors: [0.5, 0.5] });
    expect(r).toEqual({ radiatorLossAtMin_W: 0, heaterPower_W: 0 });
    // a loss of 2σ 200⁴ = 181.5 W less 100 W dissipated
    const h = coldCaseHeater({ ...plate, eclipseDissipation_W: 100 });
    expect(h.heaterPower_W).toBeCloseTo(2 * SIGMA * 200 ** 4 - 100, 9);
  });
});
