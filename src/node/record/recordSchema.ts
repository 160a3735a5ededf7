/**
 * Schema of the design record (`odc evaluate --json`, `pareto.json` designs[].record): the one definition of the
 * record. Its sections are built from the record's field table (fields.ts, costFields.ts), where each field is declared
 * once with its unit, label and meaning; the TypeScript types (record.ts) are inferred from it, the published JSON
 * Schema designs/schema/design-record.schema.json is generated from it (`odc schema record`), and `odc metrics` lists
 * its numeric leaves with their descriptions. Units are in the key names; a description ends with the unit in brackets.
 */
import * as z from 'zod';
import { lazy } from '../../base/lazy.js';
import { shapeOf, type FieldTable } from '../../base/recordFields.js';
import { RECORD_FIELDS } from './fields.js';

/** Plausibility warnings a design record may carry (warnings.ts). */
export const RECORD_WARNING_CODES = [
  'specific-power-above-anchors',
  'zero-bus-power',
  'array-beyond-flight-proven',
  'radiator-beyond-flight-proven',
  'eclipse-power-gating',
] as const;

export const constraintResultSchema = lazy(() =>
  z.strictObject({
    name: z
      .string()
      .describe('Stable name, e.g. `power.balance` or a study constraint `compute.itPowerAvg_W >= 120000`.'),
    value: z.number().describe('The constrained quantity, in the unit of `unit`.'),
    limit: z.number().describe('The bound it is compared with, same unit.'),
    sense: z.enum(['<=', '>=']),
    unit: z.string(),
    satisfied: z.boolean(),
    margin: z
      .number()
      .describe(
        'Relative margin (limit − value)/|limit| for `<=`, (value − limit)/|limit| for `>=`; negative when violated.',
      ),
    enforced: z
      .boolean()
      .describe('Always applied by the optimizer (physical closure), or a check reported for studies to constrain.'),
    description: z.string().describe('What the constraint protects, in words.'),
  }),
);

/** The record of a node whose sections are the field table `fields`. */
export function designRecordSchemaOf<T extends FieldTable<never>>(fields: T) {
  return z.strictObject({
    schemaVersion: z.literal(1),
    name: z.string(),
    kind: z.literal('node'),
    ...shapeOf(fields),
    constraints: z.array(constraintResultSchema()),
    notes: z.array(z.string()).describe('Approximations in force for this design, stated in words.'),
    warnings: z
      .array(z.strictObject({ code: z.enum(RECORD_WARNING_CODES), message: z.string() }))
      .describe(
        'Plausibility warnings (not failures): the design lies outside what anything flown or published reaches.',
      ),
  });
}

export const designRecordSchema = lazy(() => designRecordSchemaOf(RECORD_FIELDS));

export function designRecordJsonSchema(): object {
  return {
    $id: 'https://odc.invalid/schema/design-record.schema.json',
    title: 'odc design record',
    ...z.toJSONSchema(designRecordSchema()),
  };
}
