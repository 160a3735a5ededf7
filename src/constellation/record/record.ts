/**
 * The evaluated constellation record: what `odc evaluate <constellation> --json` prints and what
 * constellation studies name by dotted path (`totals.lcoc_USD_per_PFLOP_day`, `network.p99Latency_ms`).
 * User-facing units (km, Gbps, min, ms, TB/day) are converted at the boundary and named in the keys.
 * The record is defined once, by its zod schema (recordSchema.ts), built from its field table (fields.ts) where each
 * field is documented; these types are inferred from it, read-only at every depth. Type imports only: typing a
 * record builds no schema.
 */
import type * as z from 'zod';
import type { DeepReadonly } from '../../base/deepReadonly.js';
import type { constellationRecordSchema } from './recordSchema.js';

export type ConstellationRecord = DeepReadonly<z.output<ReturnType<typeof constellationRecordSchema>>>;

/** Min / mean / max of a sampled quantity. */
export type StatsRecord = ConstellationRecord['isl']['linkRange_km'];
