/**
 * Study-file sections shared by node and constellation studies: variable domains, objectives, the algorithm
 * with its seed and termination, robust-optimization samples and the choice of the recommended (knee) design.
 */
import * as z from 'zod';
import { lazy } from '../../base/lazy.js';
import { ALGORITHM_NAMES, ALGORITHMS, algorithmEntry, type AlgorithmOptions } from '../../../solvers/index.js';
import { ALGORITHM_SETTINGS, type AlgorithmEntry, type AlgorithmSetting } from '../../optimize/algorithm.js';

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

/** The algorithm, its population, budget, seed and partitions. */
const algorithmBudgetFields = () => ({
  name: z
    .enum(ALGORITHM_NAMES)
    .default(ALGORITHM_NAMES[0])
    .describe(`${ALGORITHMS.map((a) => a.summary).join('; ')} (docs/algorithms.md).`),
  population: z.number().int('must be a whole number').min(4, 'must be at least 4').max(100000).default(100),
  generations: z.number().int().min(1).max(1000000).optional().describe('Stop after this many generations.'),
  evaluations: z.number().int().min(1).optional().describe('Stop after this many evaluations.'),
  seed: z
    .number()
    .int('must be a whole number from 0 to 4294967295 (the generator takes a 32-bit seed)')
    .min(0, 'must be a whole number from 0 to 4294967295 (the generator takes a 32-bit seed)')
    .max(4294967295, 'must be a whole number from 0 to 4294967295 (the generator takes a 32-bit seed)')
    .default(1)
    .describe('Seed of the random generator, 0 to 2^32 − 1; the same seed gives the same run.'),
  seeds: z
    .number()
    .int('must be a whole number of seeds')
    .min(1, 'must be at least 1 (one run)')
    .max(1000, 'at most 1000 seeds')
    .optional()
    .describe(
      '`odc run` runs the study once per seed, seed, seed + 1, …, seed + seeds − 1, and says whether their knees agree (as `odc run --seeds N`, which overrides it; 1 = one run). Default: one run.',
    ),
  partitions: z.number().int().min(1).optional().describe('NSGA-III Das–Dennis partitions.'),
});

/** Surrogate batch, initial designs, archive bound, stagnation stop and checkpoints. */
const algorithmRunFields = () => ({
  batch: z
    .number()
    .int('must be a whole number of designs')
    .min(1, 'must be at least 1 design')
    .max(256, 'at most 256 designs per iteration')
    .optional()
    .describe(
      'parego, smsego: designs proposed per iteration (default 4). Set it to the number of workers to keep them all busy; the run depends on it, not on --workers.',
    ),
  trustRegion: z
    .union([z.literal('auto'), z.boolean()])
    .optional()
    .describe(
      'smsego: maximize the infill criterion inside an adaptive trust region around the front designs. auto (default): on for a problem without constraints, off with constraints (docs/algorithms.md).',
    ),
  initial: z
    .strictObject({
      from: z
        .string()
        .min(1)
        .optional()
        .describe(
          'An earlier run folder (relative to this file): its Pareto designs are evaluated first; parego and smsego also learn from its evaluations.',
        ),
      designs: z
        .array(z.string().min(1))
        .min(1, 'list at least one design file')
        .optional()
        .describe(
          'Design files (relative to this file) evaluated first: each sets every study variable at its path (orbit.altitude_km, shells.<name>.planes).',
        ),
    })
    .refine((i) => (i.from === undefined) !== (i.designs === undefined), {
      message: 'set either from (an earlier run folder) or designs (a list of design files), not both or neither',
    })
    .optional()
    .describe('Warm start from an earlier run, or from design files, of a study with the same variables.'),
  archiveLimit: z
    .number()
    .int('must be a whole number of designs')
    .min(100, 'must be at least 100 designs')
    .optional()
    .describe(
      'Bound on the Pareto archive: above it (+10 %) the most crowded designs are dropped (crowding distance). Default: unbounded (every non-dominated design kept; memory grows with it).',
    ),
  stagnation: z
    .strictObject({ window: z.number().int().min(2).default(20), tolerance: z.number().min(0).default(1e-4) })
    .optional()
    .describe('Stop when normalized hypervolume improves by less than `tolerance` over `window` generations.'),
  checkpointEvery: z
    .number()
    .int()
    .min(1)
    .optional()
    .describe(
      'Checkpoint every N generations. Default: at the first generation boundary 10 s (of wall time) after the previous checkpoint, or after the start of the process (a run shorter than that writes none; fsync per checkpoint is then saved).',
    ),
});

/** Every algorithm setting (run.json keeps a study's, src/run/schemas.ts). */
export const algorithmFields = () => ({ ...algorithmBudgetFields(), ...algorithmRunFields() });

/** The names of the registered algorithms that have `pick`. */
const namesWith = (pick: (a: AlgorithmEntry<AlgorithmOptions>) => boolean): string[] =>
  (ALGORITHMS as readonly AlgorithmEntry<AlgorithmOptions>[]).filter(pick).map((a) => a.name);
/** "a and b", "a, b and c". */
const listed = (names: readonly string[]): string => names.join(', ').replace(/, ([^,]*)$/, ' and $1');

/** A setting only some algorithms read is refused for the others; a surrogate needs an evaluation budget. */
function checkAlgorithmSettings(
  a: { name: string; evaluations?: number | undefined } & Partial<Record<AlgorithmSetting, unknown>>,
  ctx: z.RefinementCtx,
): void {
  const entry = algorithmEntry(a.name)!;
  for (const key of ALGORITHM_SETTINGS) {
    if (a[key] === undefined || entry.settings.includes(key)) continue;
    const owners = namesWith((o) => o.settings.includes(key));
    ctx.addIssue({
      code: 'custom',
      message: `algorithm.${key} is a setting of ${listed(owners)} only: remove it, or set name: ${owners[0]}`,
      path: [key],
    });
  }
  if (entry.surrogate && a.evaluations === undefined)
    ctx.addIssue({
      code: 'custom',
      message: `${listed(namesWith((o) => o.surrogate))} need a budget: set evaluations (e.g. 200; it sizes their start and stops the run)`,
      path: ['evaluations'],
    });
}

export const algorithmSchema = lazy(() =>
  z.strictObject(algorithmFields()).superRefine(checkAlgorithmSettings).describe('Algorithm, seed and termination.'),
);
export type AlgorithmSettings = z.infer<ReturnType<typeof algorithmSchema>>;

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
      samples: z
        .number()
        .int('must be a whole number of samples')
        .min(16, 'must be at least 16 samples')
        .max(10000, 'at most 10000 samples (each costs one model evaluation per design checked)')
        .default(256)
        .describe(
          "Uncertainty samples per design for minProbability and for the report's P(all constraints hold) of the recommended designs.",
        ),
    })
    .describe(
      'How the recommended (knee) design is chosen: among the Pareto designs that keep a margin or a joint probability of meeting every constraint.',
    ),
);
export type SelectSettings = z.infer<ReturnType<typeof selectSchema>>;
