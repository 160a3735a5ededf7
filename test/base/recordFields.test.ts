import * as z from 'zod';
import { describe, expect, it } from 'vitest';
import {
  fieldAt,
  leanOmittedPaths,
  omittedWhenLean,
  recordFields,
  shapeOf,
  tableBuilder,
} from '../../src/base/recordFields.js';
import { numericLeaves } from '../../src/base/zodPaths.js';

/** A fixture "stage": a cube of some material, sampled a few times. */
interface Cube {
  readonly side_m: number;
  readonly density_kg_m3: number;
  readonly samples_s: readonly number[];
}
const { num, numOrNull, value, list, section } = recordFields<Cube>();
let slowReads = 0;
const TABLE = {
  volume_m3: num('Cube volume [m³]', 'volume', (c) => c.side_m ** 3),
  mass: section(
    {
      mass_kg: num('[kg]', (c) => c.density_kg_m3 * c.side_m ** 3),
      material: value(
        () => z.enum(['light', 'heavy']).describe('Heavier than water or not.'),
        (c) => (c.density_kg_m3 > 1000 ? 'heavy' : 'light'),
      ),
    },
    'What the cube weighs.',
  ),
  timing: section({
    first_s: numOrNull('First sample, if any [s]', (c) => c.samples_s[0] ?? null),
    slow_s: omittedWhenLean(
      num('A figure the lean evaluation skips [s]', (c) => {
        slowReads++;
        return c.samples_s.reduce((a, b) => a + b, 0);
      }),
    ),
    samples_s: list(
      () => z.array(z.number()),
      (c) => [...c.samples_s],
    ),
  }),
};
const cube: Cube = { side_m: 2, density_kg_m3: 2700, samples_s: [3, 4] };
const schema = z.strictObject(shapeOf(TABLE));

describe('record fields declared once', () => {
  it('the schema: each number described by its meaning and unit, titled by its label', () => {
    expect(numericLeaves(schema, '', true)).toEqual([
      { path: 'volume_m3', description: 'Cube volume [m³].', title: 'volume' },
      { path: 'mass.mass_kg', description: '[kg]' },
      { path: 'timing.first_s', description: 'First sample, if any [s].' },
      { path: 'timing.slow_s', description: 'A figure the lean evaluation skips [s].' },
    ]);
    const json = z.toJSONSchema(schema) as { properties: Record<string, { description?: string }> };
    expect(json.properties['mass']!.description).toBe('What the cube weighs.');
  });

  it('the record: every field read from the stage, in declaration order, valid against the schema', () => {
    const built = tableBuilder<Cube, typeof TABLE>(TABLE)(false, cube);
    expect(built).toEqual({
      volume_m3: 8,
      mass: { mass_kg: 21_600, material: 'heavy' },
      timing: { first_s: 3, slow_s: 7, samples_s: [3, 4] },
    });
    expect(Object.keys(built.timing)).toEqual(['first_s', 'slow_s', 'samples_s']);
    expect(schema.parse(built)).toEqual(built);
    expect(tableBuilder<Cube, typeof TABLE>(TABLE)(false, { ...cube, samples_s: [] }).timing.first_s).toBeNull();
  });

  it('the lean record: no lists, and the fields declared omittedWhenLean NaN and never read', () => {
    slowReads = 0;
    const lean = tableBuilder<Cube, typeof TABLE>(TABLE)(true, cube);
    expect(lean).toEqual({
      volume_m3: 8,
      mass: { mass_kg: 21_600, material: 'heavy' },
      timing: { first_s: 3, slow_s: NaN, samples_s: [] },
    });
    expect(slowReads).toBe(0);
    expect(leanOmittedPaths(TABLE)).toEqual(['timing.slow_s']);
  });

  it('a number declares its unit, in brackets at the end of its description', () => {
    expect(() => num('Cube volume', (c) => c.side_m ** 3)).toThrow(/'What it is \[unit\]' or '\[unit\]'/);
    expect(() => num('Cube volume [m³].', (c) => c.side_m ** 3)).toThrow(); // the schema adds the full stop
    expect(() => numOrNull('Cube volume [m³] of the first', (c) => c.side_m)).toThrow();
  });

  it('a field by its dotted path: the function the record reads', () => {
    expect(fieldAt(TABLE, 'mass.mass_kg')!.read(cube)).toBe(21_600);
    expect(fieldAt(TABLE, 'mass.mass_kg')).toBe(TABLE.mass.fields.mass_kg);
    expect(fieldAt(TABLE, 'timing.samples_s')!.kind).toBe('list');
    expect(fieldAt(TABLE, 'mass')).toBeUndefined(); // a section, not a field
    expect(fieldAt(TABLE, 'mass.nothing')).toBeUndefined();
    expect(fieldAt(TABLE, 'volume_m3.x')).toBeUndefined();
    expect(fieldAt(TABLE, 'toString')).toBeUndefined(); // only the table's own keys
  });
});
