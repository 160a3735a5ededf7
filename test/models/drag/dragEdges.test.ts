/**
 * Edges of src/models/drag/drag.ts and src/models/drag/atmosphere.ts that drag.test.ts leaves open: the orbit-averaged
 * drag area by hand, the range checks on both sides with their messages, the model ranges' end points, and the
 * exponential tail above the CIRA-2012 table worked from the header (the scale height of the 880–900 km interval
 * kept up to 2,000 km).
 */
import { describe, expect, it } from 'vitest';
import { cira2012Density, valladoExponentialDensity } from '../../../src/models/drag/atmosphere.js';
import { solarCycleDecay } from '../../../src/models/drag/decaySolarCycle.js';
import { dragBudget, orbitAverageDragArea_m2, type DragParams } from '../../../src/models/drag/drag.js';

describe('orbit-averaged drag area, by hand', () => {
  it('array and radiator at the default 2/π, the bus whole; the bus alone is the minimum', () => {
    const r = orbitAverageDragArea_m2({ arrayArea_m2: 10, radiatorArea_m2: 4, busArea_m2: 2 });
    expect(r.dragArea_m2).toBeCloseTo((2 / Math.PI) * 14 + 2, 12);
    expect(r.minimumDragArea_m2).toBe(2);
    const edge = orbitAverageDragArea_m2({
      arrayArea_m2: 10,
      radiatorArea_m2: 4,
      busArea_m2: 2,
      arrayProjectionFactor: 1,
      radiatorProjectionFactor: 0,
    });
    expect(edge.dragArea_m2).toBe(12);
    const edge2 = { arrayArea_m2: 10, radiatorArea_m2: 4, busArea_m2: 2, arrayProjectionFactor: 0 };
    expect(orbitAverageDragArea_m2({ ...edge2, radiatorProjectionFactor: 1 }).dragArea_m2).toBe(6);
  });

  it('refuses a negative or infinite area, naming the three, and a factor outside [0, 1]', () => {
    const ok = { arrayArea_m2: 1, radiatorArea_m2: 1, busArea_m2: 1 };
    const msg = (a: number, r: number, b: number) =>
      `arrayArea_m2, radiatorArea_m2 and busArea_m2 must be finite and ≥ 0, got ${a}, ${r}, ${b}`;
    expect(() => orbitAverageDragArea_m2({ ...ok, arrayArea_m2: -1 })).toThrow(msg(-1, 1, 1));
    expect(() => orbitAverageDragArea_m2({ ...ok, radiatorArea_m2: -1 })).toThrow(msg(1, -1, 1));
    expect(() => orbitAverageDragArea_m2({ ...ok, busArea_m2: -1 })).toThrow(msg(1, 1, -1));
    expect(() => orbitAverageDragArea_m2({ ...ok, busArea_m2: Infinity })).toThrow(msg(1, 1, Infinity));
    expect(orbitAverageDragArea_m2({ arrayArea_m2: 0, radiatorArea_m2: 0, busArea_m2: 0 }).dragArea_m2).toBe(0);
    for (const f of [
      { arrayProjectionFactor: -0.1 },
      { arrayProjectionFactor: 1.1 },
      { radiatorProjectionFactor: -0.1 },
      { radiatorProjectionFactor: 1.1 },
    ])
      expect(() => orbitAverageDragArea_m2({ ...ok, ...f })).toThrow(
        new RangeError('projection factors must be in [0, 1]'),
      );
  });
});

describe('atmosphere model ranges', () => {
  it('CIRA-2012: 100 km is the first table row; 99 km is refused with a message in km', () => {
    expect(cira2012Density({ altitude_m: 100e3, solarActivity: 'low' }).density_kg_m3).toBeCloseTo(5.31e-7, 18);
    expect(() => cira2012Density({ altitude_m: 99e3, solarActivity: 'low' })).toThrow(
      'altitude 99 km is outside the atmosphere model range 100–2000 km',
    );
  });

  it('CIRA-2012 above 900 km: the 880–900 km scale height kept, ρ(2000) = ρ900·(ρ900/ρ880)^55', () => {
    // moderate: ρ880 = 9.27e-15, ρ900 = 8.01e-15 kg/m³ (the table's last two rows)
    const r = cira2012Density({ altitude_m: 2000e3, solarActivity: 'moderate' });
    expect(r.density_kg_m3 / (8.01e-15 * (8.01e-15 / 9.27e-15) ** 55) - 1).toBeCloseTo(0, 9);
    expect(r.fromTable).toBe(false);
    expect(cira2012Density({ altitude_m: 900e3, solarActivity: 'moderate' }).fromTable).toBe(true);
  });

  it('Vallado exponential model: 0 km is 1.225 kg/m³, 2,000 km is accepted, outside 0–2,000 km is refused', () => {
    expect(valladoExponentialDensity({ altitude_m: 0 }).density_kg_m3).toBe(1.225);
    expect(valladoExponentialDensity({ altitude_m: 2000e3 }).fromTable).toBe(false);
    expect(valladoExponentialDensity({ altitude_m: 1000e3 }).fromTable).toBe(true);
    expect(valladoExponentialDensity({ altitude_m: 1001e3 }).fromTable).toBe(false);
    expect(() => valladoExponentialDensity({ altitude_m: -1000 })).toThrow(
      new RangeError('altitude -1 km is outside the exponential model range 0–2000 km'),
    );
    expect(() => valladoExponentialDensity({ altitude_m: 2001e3 })).toThrow(
      'altitude 2001 km is outside the exponential model range 0–2000 km',
    );
  });
});

/** 500 km, B = 100 kg/m² (2,200 kg, C_D 2.2, 10 m²). */
const at500: DragParams = {
  altitude_m: 500e3,
  solarActivity: 'moderate',
  dryMass_kg: 2200,
  dragArea_m2: 10,
  lifetime_yr: 5,
};

describe('dragBudget: input ranges and their messages', () => {
  it('each positive input is named when refused', () => {
    for (const [field, change] of [
      ['dryMass_kg', { dryMass_kg: 0 }],
      ['dragArea_m2', { dragArea_m2: 0 }],
      ['dragCoefficient', { dragCoefficient: 0 }],
      ['isp_s', { isp_s: 0 }],
      ['disposalDragArea_m2', { disposalDragArea_m2: 0 }],
    ] as const)
      expect(() => dragBudget({ ...at500, ...change })).toThrow(`${field} must be a finite number > 0, got 0`);
  });

  it('the lifetime may be 0 or 100 yr, not more, and the message says so', () => {
    expect(dragBudget({ ...at500, lifetime_yr: 0 }).totalDeltaV_m_s).toBe(0);
    expect(dragBudget({ ...at500, lifetime_yr: 100 }).totalDeltaV_m_s).toBeGreaterThan(0);
    expect(() => dragBudget({ ...at500, lifetime_yr: 100.5 })).toThrow(
      new RangeError('lifetime_yr must be in [0, 100], got 100.5'),
    );
    expect(() => dragBudget({ ...at500, extraDeltaV_m_s_per_yr: -2 })).toThrow(
      new RangeError('extraDeltaV_m_s_per_yr must be a finite Δv ≥ 0, got -2'),
    );
  });

  it('the insertion altitude lies in 100–2,000 km; at either end the raise is |v(h₁) − v(550 km)| by hand', () => {
    // v = √(μ/(R⊕ + h)), μ = 3.986004418e14 m³/s², R⊕ = 6,378,137 m: v(100 km) = 7,844.113, v(550 km) = 7,585.089,
    // v(2,000 km) = 6,897.555 m/s.
    const at550 = { ...at500, altitude_m: 550e3 };
    expect(dragBudget({ ...at550, insertionAltitude_m: 100e3 }).orbitRaiseDeltaV_m_s).toBeCloseTo(259.024, 3);
    expect(dragBudget({ ...at550, insertionAltitude_m: 2000e3 }).orbitRaiseDeltaV_m_s).toBeCloseTo(687.534, 3);
    expect(() => dragBudget({ ...at550, insertionAltitude_m: 99e3 })).toThrow(
      new RangeError('insertionAltitude_m must be within 100–2000 km, got 99 km'),
    );
    expect(() => dragBudget({ ...at550, insertionAltitude_m: 2001e3 })).toThrow(
      'insertionAltitude_m must be within 100–2000 km, got 2001 km',
    );
  });

  it('an unknown disposal model is refused with the list of the known ones', () => {
    expect(() => dragBudget({ ...at500, disposalSolarCycle: 'cycle' as 'fixed' })).toThrow(
      new RangeError("disposalSolarCycle must be 'fixed', cycle-phase, cycle-mean, cycle-worst; got cycle"),
    );
  });

  it('a node already at the disposal altitude decays in 0 yr and meets even a 0-yr limit (≤, not <)', () => {
    const r = dragBudget({ ...at500, disposalAltitude_m: 500e3, disposalLimit_yr: 0 });
    expect([r.passiveDecay_yr, r.fccCompliant]).toEqual([0, true]);
  });
});

describe('dragBudget: the disposal note names the model, the decay ends, the area and B', () => {
  const area = 'orbit-average area 10.0 m², B = 100 kg/m²';
  const template = 'passive decay 500→200 km through the CIRA-2012 solar-cycle template';

  it("'cycle-phase' starts at the minimum unless told: the decay of phase 'min', and the note says 0.0 yr", () => {
    const r = dragBudget({ ...at500, disposalSolarCycle: 'cycle-phase' });
    const min = solarCycleDecay({
      altitude_m: 500e3,
      ballisticCoefficient_kg_m2: 100,
      mode: 'phase',
      startPhase: 'min',
    });
    expect(r.passiveDecay_yr).toBe(min.decay_yr);
    expect(r.disposalModel).toBe(`${template}, one start phase (start 0.0 yr after solar minimum); ${area}`);
  });

  it("'cycle-mean' and 'cycle-worst' name the statistic of the 12 phases, and 'worst' its table", () => {
    expect(dragBudget({ ...at500, disposalSolarCycle: 'cycle-mean' }).disposalModel).toBe(
      `${template}, mean of 12 start phases; ${area}`,
    );
    expect(dragBudget({ ...at500, disposalSolarCycle: 'cycle-worst' }).disposalModel).toBe(
      `${template}, worst of 12 start phases (tabulated: within 1 % of the integration); ${area}`,
    );
  });

  it('past the 200-yr cap the note says the decay is a cycle-mean estimate (800 km, B = 100)', () => {
    const r = dragBudget({ ...at500, altitude_m: 800e3, disposalSolarCycle: 'cycle-mean', disposalAltitude_m: 250e3 });
    expect(r.passiveDecayOverCap).toBe(true);
    expect(r.disposalModel).toBe(
      'passive decay 800→250 km through the CIRA-2012 solar-cycle template, mean of 12 start phases; ' +
        `beyond the 200-yr integration cap, a cycle-mean estimate; ${area}`,
    );
  });
});
