import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { keyedParser } from '../../src/base/keyedParse.js';
import { readYaml } from '../../src/base/yaml.js';
import { nodeDesignSchema } from '../../src/node/design/schema.js';

// The oracle is zod's own parse of the whole object: the keyed parser must give exactly its data (values, defaults,
// key order, absent optional keys) or null.
const same = (a: unknown, b: unknown) => isDeepStrictEqual(a, b) && JSON.stringify(a) === JSON.stringify(b);

describe('keyedParser', () => {
  const schema = z.strictObject({
    name: z.string(),
    note: z.string().optional(),
    size: z.number().default(3),
    part: z.strictObject({ a: z.number().min(0).default(0), b: z.string().default('x') }).prefault({}),
    tags: z.array(z.string()).optional(),
  });
  const parse = keyedParser(schema);

  it("gives the full parse's data, absent optional keys left out and defaults filled in", () => {
    for (const v of [
      { name: 'n', part: { a: 1 } },
      { name: 'n' },
      { part: { a: 2 }, name: 'n', note: 't', tags: ['p'] },
      { name: 'n', note: undefined, part: { b: 'y', a: 0 } },
    ])
      expect(same(parse(v), schema.parse(v))).toBe(true);
  });

  it('a changed section is parsed again, not taken from an earlier result', () => {
    expect(parse({ name: 'n', part: { a: 1 } })!['part']).toEqual({ a: 1, b: 'x' });
    expect(parse({ name: 'n', part: { a: 5 } })!['part']).toEqual({ a: 5, b: 'x' });
    expect(parse({ name: 'n', part: { a: 1, b: 'z' } })!['part']).toEqual({ a: 1, b: 'z' });
  });

  it('gives null (the caller runs the full parse) for an unknown key, a refused value or a missing field', () => {
    expect(parse({ name: 'n', part: { a: 1 }, extra: 1 })).toBeNull();
    expect(parse({ name: 'n', part: { a: -1 } })).toBeNull();
    expect(parse({ part: { a: 1 } })).toBeNull();
    expect(parse({ name: 'n', part: { a: 1, c: 2 } })).toBeNull();
  });

  it('a kept result is not changed by a later change to the input it came from', () => {
    const input = { name: 'n', part: { a: 7 } };
    parse(input);
    input.part.a = 8;
    expect(parse({ name: 'n', part: { a: 7 } })!['part']).toEqual({ a: 7, b: 'x' });
    expect(parse(input)!['part']).toEqual({ a: 8, b: 'x' });
  });

  it('a scalar gives the full parse of its own value: -0 apart from 0, an absent section its defaults', () => {
    const signed = z.strictObject({
      x: z.number().transform((v) => (Object.is(v, -0) ? 'negative zero' : 'other')),
      part: z.strictObject({ a: z.number().default(1) }).prefault({}),
    });
    const p = keyedParser(signed);
    for (const x of [0, -0, 0, -0]) expect(p({ x })).toStrictEqual(signed.parse({ x }));
    expect(p({ x: 2 })!['part']).toStrictEqual({ a: 1 });
    expect(p({ x: 2, part: undefined })!['part']).toStrictEqual({ a: 1 });
  });

  it('a list of objects is parsed element by element, its own checks left to `accepts`', () => {
    const item = z.strictObject({ name: z.string(), n: z.number().default(1) });
    const unique = (xs: readonly unknown[]) => new Set(xs.map((x) => (x as { name: string }).name)).size === xs.length;
    const listed = z.strictObject({ items: z.array(item).refine(unique) });
    const p = keyedParser(listed, {}, { items: { element: item, accepts: unique } });
    for (const v of [{ items: [{ name: 'a' }, { name: 'b', n: 2 }] }, { items: [{ name: 'a', n: 3 }] }, { items: [] }])
      expect(same(p(v), listed.parse(v))).toBe(true);
    expect(p({ items: [{ name: 'a' }, { name: 'a' }] })).toBeNull();
    expect(p({ items: [{ name: 'a', extra: 1 }] })).toBeNull();
  });

  it('a schema with checks of its own is left to the full parse', () => {
    const checked = schema.refine((v) => v.size > 0);
    expect(keyedParser(checked as unknown as z.ZodObject)({ name: 'n', part: { a: 1 } })).toBeNull();
  });

  it("gives a shipped node design's data as the node schema's full parse does", () => {
    const raw = readYaml('designs/ai1.yaml').raw as Record<string, unknown>;
    const node = keyedParser(nodeDesignSchema());
    expect(same(node(raw), nodeDesignSchema().parse(raw))).toBe(true);
    const changed = { ...raw, power: { ...(raw['power'] as object), eclipseComputeFraction: 0.25 } };
    expect(same(node(changed), nodeDesignSchema().parse(changed))).toBe(true);
  });
});
