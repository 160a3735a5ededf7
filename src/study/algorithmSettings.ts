/**
 * A study's `algorithm:` section, derived from the algorithm registry (solvers/index.ts `ALGORITHMS`): the name, the
 * options every algorithm takes, the settings each algorithm declares in its folder (refused for the others) and the
 * run's own. What the run passes to the algorithm and what the algorithm needs of the problem derive from it too.
 * Serves node, constellation and benchmark studies, and run.json (src/run/schemas.ts).
 */
import * as z from 'zod';
import { StudyError } from '../base/errors.js';
import { locate, type SourceMap } from '../base/issues.js';
import { lazy } from '../base/lazy.js';
import { ALGORITHMS, type AlgorithmOptions, type SettingFieldsOf } from '../../solvers/index.js';
import type { AlgorithmEntry } from '../optimize/algorithm.js';

/** A registry as the schema reads it: solvers/index.ts `ALGORITHMS` (a test may add a fixture entry). */
type Registry = readonly AlgorithmEntry<never>[];

const SEED_MESSAGE = 'must be a whole number from 0 to 4294967295 (the generator takes a 32-bit seed)';

/** What every algorithm takes: population, evaluation budget, seed and archive bound. */
const optionFields = lazy(() => ({
  population: z.number().int('must be a whole number').min(4, 'must be at least 4').max(100000).default(100),
  evaluations: z.number().int().min(1).optional().describe('Stop after this many evaluations.'),
  seed: z
    .number()
    .int(SEED_MESSAGE)
    .min(0, SEED_MESSAGE)
    .max(4294967295, SEED_MESSAGE)
    .default(1)
    .describe('Seed of the random generator, 0 to 2^32 − 1; the same seed gives the same run.'),
  archiveLimit: z
    .number()
    .int('must be a whole number of designs')
    .min(100, 'must be at least 100 designs')
    .optional()
    .describe(
      'Bound on the Pareto archive: above it (+10 %) the most crowded designs are dropped (crowding distance). Default: unbounded (every non-dominated design kept; memory grows with it).',
    ),
}));

/** What the run reads itself and never passes to the algorithm: stop rules, seeds, warm start, checkpoints. */
const runFields = lazy(() => ({
  generations: z.number().int().min(1).max(1000000).optional().describe('Stop after this many generations.'),
  seeds: z
    .number()
    .int('must be a whole number of seeds')
    .min(1, 'must be at least 1 (one run)')
    .max(1000, 'at most 1000 seeds')
    .optional()
    .describe(
      '`odc run` runs the study once per seed, seed, seed + 1, …, seed + seeds − 1, and says whether their knees agree (as `odc run --seeds N`, which overrides it; 1 = one run). Default: one run.',
    ),
  initial: z
    .strictObject({
      from: z
        .string()
        .min(1)
        .optional()
        .describe(
          'An earlier run folder (relative to this file). Same problem (equal problem keys in run.json): its evaluations are inherited as generation 0, not evaluated again nor spent from the budget. Another problem: its Pareto designs are evaluated first, in spread order; parego and smsego also learn from its evaluations.',
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
}));

/** The settings the registered algorithms declare, in registry order; a setting two of them read is one field. */
function settingFields(registry: Registry): Readonly<Record<string, z.ZodType>> {
  const fields: Record<string, z.ZodType> = {};
  const taken = new Set(['name', ...Object.keys(optionFields()), ...Object.keys(runFields())]);
  for (const entry of registry) {
    for (const [key, field] of Object.entries(entry.settings?.() ?? {})) {
      if (taken.has(key) || (fields[key] !== undefined && fields[key] !== field))
        throw new Error(`${entry.name} declares algorithm.${key}, which another setting already defines`);
      fields[key] = field;
    }
  }
  return fields;
}

/** Every field of the section, in the order the JSON Schema lists them (designs/schema/design.schema.json). */
function fieldsOf<R extends Registry>(registry: R) {
  const names = registry.map((a) => a.name) as unknown as readonly [R[number]['name'], ...R[number]['name'][]];
  const { population, evaluations, seed, archiveLimit } = optionFields();
  const { generations, seeds, initial, stagnation, checkpointEvery } = runFields();
  return {
    name: z
      .enum(names)
      .default(names[0])
      .describe(`${registry.map((a) => a.summary).join('; ')} (docs/algorithms.md).`),
    population,
    generations,
    evaluations,
    seed,
    seeds,
    ...(settingFields(registry) as SettingFieldsOf<R> & object),
    initial,
    archiveLimit,
    stagnation,
    checkpointEvery,
  };
}

/** "a and b", "a, b and c". */
const listed = (names: readonly string[]): string => names.join(', ').replace(/, ([^,]*)$/, ' and $1');

/** The section for the algorithms of `registry`: a setting only some declare is refused for the others. */
export function algorithmSchemaOf<R extends Registry>(registry: R) {
  const namesWith = (pick: (e: Registry[number]) => boolean): string[] => registry.filter(pick).map((e) => e.name);
  const owners = Object.keys(settingFields(registry)).map(
    (key) => [key, namesWith((e) => e.settings !== undefined && key in e.settings())] as const,
  );
  const surrogates = listed(namesWith((e) => e.surrogate));
  return z
    .strictObject(fieldsOf(registry))
    .superRefine((a: Readonly<Record<string, unknown>>, ctx) => {
      for (const [key, names] of owners) {
        if (a[key] === undefined || names.includes(a['name'] as string)) continue;
        ctx.addIssue({
          code: 'custom',
          message: `algorithm.${key} is a setting of ${listed(names)} only: remove it, or set name: ${names[0]}`,
          path: [key],
        });
      }
      if (registry.find((e) => e.name === a['name'])!.surrogate && a['evaluations'] === undefined)
        ctx.addIssue({
          code: 'custom',
          message: `${surrogates} need a budget: set evaluations (e.g. 200; it sizes their start and stops the run)`,
          path: ['evaluations'],
        });
    })
    .describe('Algorithm, seed and termination.');
}

/** Every field of the section for the registered algorithms (run.json keeps a study's, src/run/schemas.ts). */
export const algorithmFields = lazy(() => fieldsOf(ALGORITHMS));

export const algorithmSchema = lazy(() => algorithmSchemaOf(ALGORITHMS));
export type AlgorithmSettings = z.infer<ReturnType<typeof algorithmSchema>>;

/** The settings a run passes to the algorithm: every key the study set but the name and the run's own. */
export function algorithmOptions(settings: Readonly<Record<string, unknown>>): AlgorithmOptions {
  const runOwn = new Set(['name', ...Object.keys(runFields())]);
  const options = Object.fromEntries(Object.entries(settings).filter(([key]) => !runOwn.has(key)));
  // the study schema gives population and seed their defaults and each setting its algorithm's type
  return options as unknown as AlgorithmOptions;
}

const COUNT_WORDS = ['no', 'one', 'two', 'three', 'four'];

/**
 * The algorithm against the problem it is given: at least its fewest objectives, and settings the problem allows
 * (NSGA-III's lattice for this many objectives); BAD_ALGORITHM at the study's key otherwise, before a run folder
 * exists.
 */
export function checkAlgorithmFits(settings: AlgorithmSettings, objectives: number, src: SourceMap): void {
  const entries = ALGORITHMS as readonly AlgorithmEntry<AlgorithmOptions>[];
  const entry = entries.find((e) => e.name === settings.name)!;
  const fewest = entry.minObjectives ?? 1;
  const fail = (key: string, message: string): never => {
    throw new StudyError('BAD_ALGORITHM', `${locate(src, ['algorithm', key])}: ${message}`, {
      file: src.file,
      field: `algorithm.${key}`,
    });
  };
  if (objectives < fewest) {
    const usable = entries.find((e) => (e.minObjectives ?? 1) <= objectives)!;
    fail('name', `${entry.name} needs at least ${COUNT_WORDS[fewest] ?? fewest} objectives; use ${usable.name}`);
  }
  const problem = entry.checkSettings?.(algorithmOptions(settings), objectives) ?? null;
  if (problem !== null) fail(problem.key, `algorithm.${problem.key}: ${problem.message}`);
}
