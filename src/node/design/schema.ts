/**
 * One schema for design and study files (designs/*.yaml). Every field declares its type, unit (in its
 * name), validity range and description; the JSON Schema in schemas/ is generated from it for editors.
 * Validity ranges are those of the models: e.g. 300–2000 km is the span of the shipped AP-8/AE-8 dose
 * table; 0.5–20 mm Al its shielding span.
 * This file composes the node design from the sections in the sibling files (fields, missionSchemas, thermalSchemas,
 * vehicleSchemas, costSchemas, economicsSchemas) and re-exports them, so importers need only this module. The study
 * sections a study file adds are src/study/'s (studySchema.ts); this layer knows their names only.
 */
import * as z from 'zod';
import { catalogOverridesSchema } from '../../catalog/overrides.js';
import { lazy } from '../../base/lazy.js';
import { PRINTABLE, PRINTABLE_MESSAGE } from '../../base/names.js';
import { designUncertaintySchema } from '../../statistics/uncertainValue.js';
import { costSchema, economicsSchema } from './costSchemas.js';
import { inferenceSchema } from './economicsSchemas.js';
import { computeSchema, missionSchema, orbitSchema, powerSchema } from './missionSchemas.js';
import { radiationSchema, thermalSchema } from './thermalSchemas.js';
import { dragSchema, islSchema, launchSchema, massSchema } from './vehicleSchemas.js';

export { costSchema, economicsSchema } from './costSchemas.js';
export { id, range, SOLAR_ACTIVITY, studyVariableKinds, TOPOLOGIES, varies, type StudyVariableKind } from './fields.js';
export { computeSchema, missionSchema, orbitSchema, powerSchema } from './missionSchemas.js';
export { radiationSchema, thermalSchema } from './thermalSchemas.js';
export { dragSchema, islSchema, launchSchema, massSchema } from './vehicleSchemas.js';

/** The fields of a node design file, shared with the node study file (src/study/studySchema.ts). */
export const designFields = lazy(() => ({
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

/**
 * The top-level sections a study file adds to a node design, in file order. Their schemas are src/study/'s
 * (studySchema.ts, which checks it declares exactly these); reading a study's base design needs only their names.
 */
export const STUDY_SECTIONS = [
  'variables',
  'objectives',
  'constraints',
  'relax',
  'algorithm',
  'robust',
  'select',
] as const;
export type StudySection = (typeof STUDY_SECTIONS)[number];

/** A node study file as this layer reads it: its design checked, its study sections left to src/study/. */
export const nodeStudyBaseSchema = lazy(() =>
  z.strictObject({
    ...designFields(),
    kind: z.literal('node').default('node'),
    ...(Object.fromEntries(STUDY_SECTIONS.map((k) => [k, z.unknown().optional()])) as Record<
      StudySection,
      z.ZodOptional<z.ZodUnknown>
    >),
  }),
);
