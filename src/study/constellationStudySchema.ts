/**
 * The study sections of a constellation study (variables, objectives, constraints, algorithm), the same
 * forms as a node study's; the constellation sections are validated by the constellation file schema.
 */
import * as z from 'zod';
import { lazy } from '../base/lazy.js';
import { algorithmSchema, objectiveSchema, variableDomainSchema } from '../node/design/schema.js';

export const constellationStudySectionsSchema = lazy(() =>
  z.strictObject({
    variables: z.record(z.string(), variableDomainSchema()),
    objectives: z.array(objectiveSchema()).min(1, 'a study needs at least one objective'),
    constraints: z.array(z.string()).default([]),
    algorithm: algorithmSchema().prefault({}),
  }),
);

/** `node: { from: <node run folder> }` (and, in a run's own study.yaml, the designs copied from it). */
export const nodeFromRunSchema = lazy(() =>
  z.strictObject({
    from: z
      .string()
      .min(1)
      .describe(
        'A node study run folder (results/<study>/<run-id>): the constellation picks among its Pareto designs.',
      ),
    candidates: z
      .array(z.record(z.string(), z.unknown()))
      .optional()
      .describe('Written by odc into a run folder: the node designs copied from that run.'),
  }),
);
