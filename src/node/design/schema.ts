/**
 * One schema for design and study files (designs/*.yaml). Every field declares its type, unit (in its
 * name), validity range and description; the JSON Schema in schemas/ is generated from it for editors.
 * Validity ranges are those of the models: e.g. 300–2000 km is the span of the shipped AP-8/AE-8 dose
 * table; 0.5–20 mm Al its shielding span.
 * This file composes the node design, node study and benchmark study from the sections in the sibling files
 * (fields, missionSchemas, thermalSchemas, vehicleSchemas, costSchemas, economicsSchemas, studySettings) and
 * re-exports them, so importers need only this module.
 */
import * as z from 'zod';
import { catalogOverridesSchema } from '../../catalog/overrides.js';
import { lazy } from '../../base/lazy.js';
import { PRINTABLE, PRINTABLE_MESSAGE } from '../../base/names.js';
import { designUncertaintySchema } from '../../statistics/uncertainValue.js';
import { costSchema, economicsSchema } from './costSchemas.js';
import { inferenceSchema } from './economicsSchemas.js';
import { computeSchema, missionSchema, orbitSchema, powerSchema } from './missionSchemas.js';
import { algorithmSchema, objectiveSchema, robustSchema, selectSchema, variableDomainSchema } from './studySettings.js';
import { radiationSchema, thermalSchema } from './thermalSchemas.js';
import { dragSchema, islSchema, launchSchema, massSchema } from './vehicleSchemas.js';

export { costSchema, economicsSchema } from './costSchemas.js';
export { id, range, SOLAR_ACTIVITY, TOPOLOGIES } from './fields.js';
export { computeSchema, missionSchema, orbitSchema, powerSchema } from './missionSchemas.js';
export {
  algorithmSchema,
  objectiveSchema,
  robustSchema,
  selectSchema,
  variableDomainSchema,
  type AlgorithmSettings,
  type RobustSettings,
  type SelectSettings,
  type VariableDomain,
} from './studySettings.js';
export { radiationSchema, thermalSchema } from './thermalSchemas.js';
export { dragSchema, islSchema, launchSchema, massSchema } from './vehicleSchemas.js';

const designFields = lazy(() => ({
  name: z
    .string({ error: 'name is required: a short identifier for the design' })
    .min(1)
    .regex(PRINTABLE, PRINTABLE_MESSAGE)
    .describe('Design name.'),
  description: z.string().optional().describe('Free text.'),
  note: z
    .string()
    .optional()
    .describe(
      'What a reader of the evaluation must know, printed by `odc evaluate` under the title: e.g. which checks a reference design fails and why.',
    ),
  mission: missionSchema().prefault({}),
  orbit: orbitSchema().prefault({}),
  compute: computeSchema().prefault({}),
  power: powerSchema().prefault({}),
  thermal: thermalSchema().prefault({}),
  radiation: radiationSchema().prefault({}),
  isl: islSchema().prefault({}),
  launch: launchSchema().prefault({}),
  mass: massSchema().prefault({}),
  drag: dragSchema().prefault({}),
  cost: costSchema().prefault({}),
  economics: economicsSchema().prefault({}),
  inference: inferenceSchema().prefault({}),
  catalogs: catalogOverridesSchema().optional(),
  uncertainty: designUncertaintySchema().optional(),
}));

/** The sections of a node design file that hold model inputs, in file order. */
export const DESIGN_SECTIONS = [
  'mission',
  'orbit',
  'compute',
  'power',
  'thermal',
  'radiation',
  'isl',
  'launch',
  'mass',
  'drag',
  'cost',
  'economics',
  'inference',
] as const;

/** The field schemas of one design section (its object schema under the `.prefault({})`); {} for an unknown one. */
export function designSectionFields(section: string): Readonly<Record<string, z.ZodType>> {
  const sec = (nodeDesignSchema().shape as Record<string, unknown>)[section] as
    { def?: { innerType?: { shape?: Record<string, z.ZodType> } } } | undefined;
  return sec?.def?.innerType?.shape ?? {};
}

export const nodeDesignSchema = lazy(() =>
  z.strictObject({
    ...designFields(),
    kind: z.literal('node').default('node'),
    requirements: z
      .array(z.string())
      .optional()
      .describe(
        'What the design must meet beyond the physical checks, as study constraints are written (compute.itPowerAvg_W >= 120000); ' +
          '`odc evaluate` checks each beside the physical constraints. `odc export` writes the study constraints here.',
      ),
  }),
);
export type NodeDesign = z.infer<ReturnType<typeof nodeDesignSchema>>;

export const nodeStudySchema = lazy(() =>
  z.strictObject({
    ...designFields(),
    kind: z.literal('node').default('node'),
    variables: z.record(z.string(), variableDomainSchema()),
    objectives: z.array(objectiveSchema()).min(1, 'a study needs at least one objective'),
    constraints: z
      .array(
        z
          .string()
          .describe(
            'A comparison of metric expressions, e.g. compute.itPowerAvg_W >= 120000; statistics over the uncertainty samples ' +
              '(p95(mass.launch_kg) <= 8000) and prob(<comparison>) >= <probability> make the study robust (see robust:).',
          ),
      )
      .default([]),
    relax: z
      .array(z.string())
      .default([])
      .describe(
        'Physical checks this study does not enforce (only radiation.dose and radiation.softDose may be relaxed; the closures always hold).',
      ),
    algorithm: algorithmSchema().prefault({}),
    robust: robustSchema().optional(),
    select: selectSchema().optional(),
  }),
);
export type NodeStudy = z.infer<ReturnType<typeof nodeStudySchema>>;

export const benchmarkStudySchema = lazy(() =>
  z.strictObject({
    name: z.string().min(1).regex(PRINTABLE, PRINTABLE_MESSAGE),
    description: z.string().optional(),
    kind: z.literal('benchmark'),
    problem: z
      .string()
      .min(1)
      .describe(
        'Benchmark problem (src/optimize/benchmarks/benchmarks.ts): zdt1 | zdt2 | zdt3 | zdt4 | zdt6 | dtlz1 | dtlz2 | dtlz3 | dtlz4 | dtlz7 | dtlz5 | dtlz6 | idtlz1 | sdtlz1 | sdtlz2 | c1dtlz1 | c2dtlz2 | c3dtlz4 | mw1 | mw2 | mw3 | bnh | osy | tnk | srn | ctp1 | wfg1 | wfg2 | wfg3 | wfg4 | wfg5 | wfg6 | wfg7 | wfg8 | wfg9 | mixed1',
      ),
    variables: z.number().int().min(1).optional(),
    objectives: z.number().int().min(2).optional(),
    algorithm: algorithmSchema().prefault({}),
  }),
);
export type BenchmarkStudy = z.infer<ReturnType<typeof benchmarkStudySchema>>;
