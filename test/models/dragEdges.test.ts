/**
 * Edges of src/models/drag.ts and src/models/atmosphere.ts that drag.test.ts leaves open: the orbit-averaged
 * drag area by hand, the range checks on both sides with their messages, the model ranges' end points, and the
 * exponential tail above the CIRA-2012 table worked from the header (the scale height of the 880–900 km interval
 * kept up to 2,000 km).
 */
import { describe, expect, it } from 'vitest';
import { cira2012Density, valladoExponentialDensity } from '../../src/models/atmosphere.js';
import { orbitAverageDragArea_m2 } from '../../src/models/drag.js';

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
