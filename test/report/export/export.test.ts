import { describe, expect, it } from 'vitest';
import { flattenRecord } from '../../../src/report/export/export.js';

describe('flattenRecord (one CSV row of a record)', () => {
  it('writes a warning list as its codes and messages, never [object Object]', () => {
    const flat = new Map(
      flattenRecord({
        warnings: [
          { code: 'POWER_DENSITY', message: 'above anything flown' },
          { code: 'MASS', message: 'light' },
        ],
      }),
    );
    expect(flat.get('warnings')).toBe('POWER_DENSITY: above anything flown | MASS: light');
  });

  it('writes other unnamed objects in a list as JSON, primitives as text', () => {
    const flat = new Map(flattenRecord({ notes: ['a', 'b'], pairs: [{ a: 1 }, { b: 'x' }], empty: [] }));
    expect(flat.get('notes')).toBe('a | b');
    expect(flat.get('pairs')).toBe('{"a":1} | {"b":"x"}');
    expect(flat.get('empty')).toBe('');
  });

  it('keys named lists by name and nests objects with dots', () => {
    const flat = flattenRecord({
      orbit: { altitude_km: 550 },
      constraints: [{ name: 'power.arrayArea', margin: 0.1 }],
    });
    expect(flat).toEqual([
      ['orbit.altitude_km', 550],
      ['constraints[power.arrayArea].margin', 0.1],
    ]);
  });
});
