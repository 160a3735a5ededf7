/**
 * Schema of the constellation record (`odc evaluate <constellation> --json`): the one definition of the record.
 * Built from the record's field table (fields.ts), where each field is declared once with its unit, label and meaning,
 * and from the schemas of its lists (entrySchemas.ts). The TypeScript types (record.ts) are inferred from it,
 * designs/schema/constellation-record.schema.json is generated from it (`odc schema constellation-record`), and the
 * metric paths of constellation studies are its numeric leaves (metrics.ts).
 */
import * as z from 'zod';
import { lazy } from '../../base/lazy.js';
import { shapeOf, type FieldTable } from '../../base/recordFields.js';
import { constraintResultSchema } from '../../node/record/recordSchema.js';
import { CONSTELLATION_FIELDS } from './fields.js';

/** The record of a constellation whose fields are the table `fields`. */
export function constellationRecordSchemaOf<T extends FieldTable<never>>(fields: T) {
  return z.strictObject({
    schemaVersion: z.literal(1),
    name: z.string(),
    kind: z.literal('constellation'),
    ...shapeOf(fields),
    constraints: z.array(constraintResultSchema()),
    notes: z.array(z.string()),
  });
}

export const constellationRecordSchema = lazy(() => constellationRecordSchemaOf(CONSTELLATION_FIELDS));

export function constellationRecordJsonSchema(): object {
  return {
    $id: 'https://odc.invalid/schema/constellation-record.schema.json',
    title: 'odc constellation record',
    ...z.toJSONSchema(constellationRecordSchema()),
  };
}
