/**
 * The numeric leaves of a zod object schema by dotted path, with each leaf's `.describe()` text and title: what
 * `odc metrics` lists, what constellation studies may name and what the budget tables label. Lists and unions are not
 * descended (a metric names one number, not an element of a list).
 */
import * as z from 'zod';

export interface NumericLeaf {
  readonly path: string;
  readonly description: string;
  /** The short label a table shows (the schema's `title`), when the schema gives one. */
  readonly title?: string;
}

const leaf = (path: string, s: z.ZodType): NumericLeaf => {
  const title = s.meta()?.title;
  return { path, description: s.description ?? '', ...(title === undefined ? {} : { title }) };
};

/** `nullable`: also list numbers that may be null (a record's `orbit.ltan_h`), described by the nullable's text. */
export function numericLeaves(schema: unknown, prefix = '', nullable = false): NumericLeaf[] {
  const s = schema as z.ZodType;
  if (s instanceof z.ZodNumber || (nullable && s instanceof z.ZodNullable && s.unwrap() instanceof z.ZodNumber))
    return [leaf(prefix, s)];
  if (s instanceof z.ZodObject) {
    return Object.entries(s.shape as Record<string, unknown>).flatMap(([k, v]) =>
      numericLeaves(v, prefix ? `${prefix}.${k}` : k, nullable),
    );
  }
  return [];
}
