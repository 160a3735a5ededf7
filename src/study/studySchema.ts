/**
 * The study-file schemas: the sections a study adds to a node design (variables, objectives, constraints, relaxed
 * checks, algorithm, robust samples, knee choice), the node and benchmark study files, and the study sections of a
 * constellation file. The design sections stay in src/node/design/, which names the study sections only (so it can
 * read a study's base design); the algorithm section is ./algorithmSettings.ts.
 */
import * as z from 'zod';
import { lazy } from '../base/lazy.js';
import { PICK_BOUNDS } from './pickBounds.js';
import { PRINTABLE, PRINTABLE_MESSAGE } from '../base/names.js';
import { designFields, type StudySection } from '../node/design/schema.js';
import { algorithmSchema } from './algorithmSettings.js';

const variableRange = lazy(() => z.tuple([z.number(), z.number()]));
export const variableDomainSchema = lazy(() =>
  z.union([
    variableRange().describe('Continuous range [lower, upper] in the unit of the key.'),
    z.strictObject({ int: variableRange() }).describe('Integer range.'),
    z.strictObject({ choice: z.array(z.union([z.string(), z.number()])).min(1) }).describe('Categorical choice.'),
  ]),
);
export type VariableDomain = z.infer<ReturnType<typeof variableDomainSchema>>;

const OBJECTIVE_TEXT =
  'A metric path (cost.lcoc_USD_per_PFLOP_day; odc metrics lists them); in node studies also a statistic of one over the uncertainty samples: ' +
  'mean(m), sd(m), min(m), max(m), p1(m) … p99(m), e.g. p90(cost.lcoc_USD_per_PFLOP_day) (see robust:).';
export const objectiveSchema = lazy(() =>
  z.union([
    z.strictObject({ minimize: z.string().min(1).describe(OBJECTIVE_TEXT) }),
    z.strictObject({ maximize: z.string().min(1).describe(OBJECTIVE_TEXT) }),
  ]),
);

export const robustSchema = lazy(() =>
  z
    .strictObject({
      samples: z
        .number()
        .int('must be a whole number of samples')
        .min(4, 'must be at least 4 samples')
        .max(10000, 'at most 10000 samples (each costs one model evaluation per design)')
        .default(32)
        .describe('Uncertainty samples per design (each design is evaluated N + 1 times: nominal and N samples).'),
      method: z
        .enum(['lhs', 'mc'])
        .default('lhs')
        .describe('Sampling of the unit hypercube: lhs (Latin hypercube, default) or mc (plain Monte Carlo).'),
      seed: z
        .number()
        .int('must be a whole number from 0 to 4294967295')
        .min(0, 'must be a whole number from 0 to 4294967295')
        .max(4294967295, 'must be a whole number from 0 to 4294967295')
        .optional()
        .describe('Seed of the common sample set, drawn once when the study is loaded; default algorithm.seed.'),
      maxFailedShare: z
        .number()
        .min(0, 'must be from 0 to 0.5')
        .max(0.5, 'must be from 0 to 0.5 (at least half the samples must be evaluable)')
        .default(0.1)
        .describe(
          "A design whose share of failed samples (not evaluable, or outside a field's range) exceeds this is a failed evaluation; below it, statistics use the other samples and prob(...) counts a failed sample as not holding.",
        ),
    })
    .describe(
      'Robust optimization (objectives and constraints naming mean, sd, min, max, p1…p99 or prob(...) of metrics): the common uncertainty samples every design is evaluated on.',
    ),
);
export type RobustSettings = z.infer<ReturnType<typeof robustSchema>>;

/** select:'s pick among the qualifying designs (src/run/decision/picks.ts), checked against the objectives later. */
const pickFields = lazy(() => ({
  pick: z
    .enum(['knee', 'topsis', 'lexicographic'])
    .optional()
    .describe(
      'Which design among the qualifying Pareto designs is recommended: knee (default), topsis (needs weights:) or lexicographic (needs order:).',
    ),
  weights: z
    .record(z.string(), z.number().min(PICK_BOUNDS.weight.min, PICK_BOUNDS.weight.message))
    .optional()
    .describe(
      'pick: topsis: a weight for each objective, by its name as objectives: writes it (an objective not named weighs 0; scaled to sum to 1).',
    ),
  order: z
    .array(z.string())
    .min(1, 'name at least one objective')
    .optional()
    .describe('pick: lexicographic: objectives by name, most important first.'),
  tolerance: z
    .number()
    .min(PICK_BOUNDS.tolerance.min, PICK_BOUNDS.tolerance.message)
    .max(PICK_BOUNDS.tolerance.max, PICK_BOUNDS.tolerance.message)
    .optional()
    .describe(
      'pick: lexicographic: designs within this share of an objective’s range over the front of its best count as equal on it (default 0).',
    ),
}));

export const selectSchema = lazy(() =>
  z
    .strictObject({
      minMargin: z
        .number()
        .min(0, 'must be from 0 to 0.9 (a relative margin: 0.05 keeps every constraint 5 % inside its limit)')
        .max(0.9, 'must be from 0 to 0.9 (a relative margin: 0.05 keeps every constraint 5 % inside its limit)')
        .optional()
        .describe(
          'The recommended (knee) design is chosen among the Pareto designs whose every enforced constraint keeps at least this relative margin, ' +
            '(limit − value)/|limit|; e.g. 0.05.',
        ),
      minProbability: z
        .number()
        .gt(
          0,
          'must be above 0 and at most 1 (e.g. 0.9: all constraints hold together in 90 % of the uncertainty samples)',
        )
        .max(
          1,
          'must be above 0 and at most 1 (e.g. 0.9: all constraints hold together in 90 % of the uncertainty samples)',
        )
        .optional()
        .describe(
          'The knee is chosen among the Pareto designs whose enforced constraints all hold together in at least this share of the uncertainty ' +
            "samples (catalog rows' and the study's uncertainty:); needs uncertain inputs.",
        ),
      ...pickFields(),
      samples: z
        .number()
        .int('must be a whole number of samples')
        .min(16, 'must be at least 16 samples')
        .max(10000, 'at most 10000 samples (each costs one model evaluation per design checked)')
        .default(256)
        .describe(
          'Uncertainty samples per design for minProbability and for the report\'s P(all hold) of the recommended designs (the compliance inputs; docs/runs.md §"Two kinds of uncertain input").',
        ),
    })
    .describe(
      'How the recommended design is chosen: the pick (knee by default, or TOPSIS or a lexicographic order) among the Pareto designs that keep a margin or a joint probability of meeting every constraint.',
    ),
);
export type SelectSettings = z.infer<ReturnType<typeof selectSchema>>;

/** Uncertainty samples per design of a constellation study's select: by default (each a constellation evaluation). */
export const CONSTELLATION_SELECT_SAMPLES = 64;

/** A constellation study's select: the node's, with fewer samples by default (an evaluation costs ~20–40 ms). */
export const constellationSelectSchema = lazy(() =>
  selectSchema().extend({
    samples: z
      .number()
      .int('must be a whole number of samples')
      .min(16, 'must be at least 16 samples')
      .max(10000, 'at most 10000 samples (each costs one constellation evaluation per design checked)')
      .default(CONSTELLATION_SELECT_SAMPLES)
      .describe(
        'Uncertainty samples per design for minProbability and for P(all constraints hold) of the recommended design (each a constellation evaluation, ~20–40 ms).',
      ),
  }),
);

/** The sections a node study adds to its design, in file order; exactly the names src/node/design declares. */
const studySections = lazy(
  () =>
    ({
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
    }) satisfies Record<StudySection, z.ZodType>,
);

/** A node study file: a node design and its study sections. */
export const nodeStudySchema = lazy(() =>
  z.strictObject({ ...designFields(), kind: z.literal('node').default('node'), ...studySections() }),
);
export type NodeStudy = z.infer<ReturnType<typeof nodeStudySchema>>;
/** The study sections of a node study file alone (its design is read by src/node/design/load.ts). */
export const nodeStudySectionsSchema = lazy(() => z.strictObject(studySections()));

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
/** The study sections of a constellation file (its constellation sections: the constellation file schema). */
export const constellationStudySectionsSchema = lazy(() =>
  z.strictObject({
    variables: z.record(z.string(), variableDomainSchema()),
    objectives: z.array(objectiveSchema()).min(1, 'a study needs at least one objective'),
    constraints: z.array(z.string()).default([]),
    algorithm: algorithmSchema().prefault({}),
    select: constellationSelectSchema().optional(),
  }),
);
export type ConstellationStudySections = z.infer<ReturnType<typeof constellationStudySectionsSchema>>;
