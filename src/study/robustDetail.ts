/**
 * The per-design part of a robust study's pareto.json (its designs' `robust` field, src/run/paretoFile.ts), in a
 * file of its own so that readers of pareto.json do not load the robust study.
 */
import * as z from 'zod';
import { lazy } from '../base/lazy.js';
import { numberRecord } from '../base/zodRecordOf.js';

/**
 * What pareto.json records of a robust study's design (its `robust` field, src/run/paretoFile.ts): the nominal
 * design's objective values in the user's sense, by objective name (the metric inside the statistic; sd: 0, the
 * nominal design has no spread), the design's sample counts and how many uncertain inputs it has.
 */
export const robustDetailSchema = lazy(() =>
  z.object({
    nominal: numberRecord(),
    samples: z.number(),
    failedSamples: z.number(),
    inputs: z.number(),
  }),
);
export type RobustDetail = Readonly<z.output<ReturnType<typeof robustDetailSchema>>>;
