/**
 * The numeric leaves of a zod object schema by dotted path, with each leaf's `.describe()` text: what
 * `odc metrics` lists and what constellation studies may name. Lists and unions are not descended (a
 * metric names one number, not an element of a list).
 */
import * as z from 'zod';

export interface NumericLeaf {
  readonly path: string;
  readonly description: string;
}

/** `nullable`: also list numbers that may be null (a record's `orbit.ltan_h`), described by the nullable's text. */
export function numericLeaves(schema: unknown, prefix = '', nullable = false): NumericLeaf[] {
  const s = schema as z.ZodType;
  if (s instanceof z.ZodNumber) return [{ path: prefix, description: s.description ?? '' }];
  if (nullable && s instanceof z.ZodNullable && s.unwrap() instanceof z.ZodNumber)
    return [{ path: prefix, description: s.description ?? '' }];
  if (s instanceof z.ZodObject) {
    return Object.entries(s.shape as Record<string, unknown>).flatMap(([k, v]) =>
      numericLeaves(v, prefix ? `${prefix}.${k}` : k, nullable),
    );
  }
  return [];
}
