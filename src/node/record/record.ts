/**
 * The evaluated design record: what `odc evaluate --json` prints, what objectives and constraints of a
 * study refer to by dotted path (e.g. `cost.lcoc_USD_per_PFLOP_day`), and what reports show.
 * Units are in the key names; user-facing units (km, min, kW where named) are converted once, at the
 * boundary (fields.ts). The record is defined once, by its zod schema (recordSchema.ts), built from its field table
 * (fields.ts, costFields.ts) where each field is documented; these types are inferred from it, read-only at every
 * depth. Type imports only: typing a record builds no schema.
 */
import type * as z from 'zod';
import type { DeepReadonly } from '../../base/deepReadonly.js';
import type { constraintResultSchema, designRecordSchema } from './recordSchema.js';

export type DesignRecord = DeepReadonly<z.output<ReturnType<typeof designRecordSchema>>>;

/** One checked constraint: a node's physical closure or check, or a study constraint. */
export type ConstraintResult = DeepReadonly<z.output<ReturnType<typeof constraintResultSchema>>>;

/** A plausibility warning (not a failure). */
export type RecordWarning = DesignRecord['warnings'][number];
