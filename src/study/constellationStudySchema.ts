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
