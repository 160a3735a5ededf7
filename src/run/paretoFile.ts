/**
 * pareto.json as written by ./results.ts: the reported front with each design's variables, objectives, constraint
 * values and record. `paretoFileSchema` is the one definition of the format (ParetoFile is inferred from it), and
 * `readParetoFile` the one way to read it back (the reports, the explorer, warm starts): guarded like every run file
 * (./schemas.ts) and validated with that schema.
 */
import * as z from 'zod';
import { lazy } from '../base/lazy.js';
import { numberRecord, recordOf } from '../base/zodRecordOf.js';
import type { DeepReadonly } from '../base/deepReadonly.js';
import type { StudyErrorCode } from '../base/errors.js';
import type { ConstellationRecord } from '../constellation/record/record.js';
import type { DesignRecord } from '../node/record/record.js';
import { robustDetailSchema } from '../study/robustDetail.js';
import { checkFormatVersion, readJsonFile, RUN_FORMAT_VERSION, validatedJson } from './schemas.js';

/** A study variable as the Problem declares it (src/optimize/types.ts VariableSpec). */
const variableSchema = lazy(() =>
  z.union([
    z.object({
      kind: z.enum(['real', 'int']),
      name: z.string(),
      lower: z.number(),
      upper: z.number(),
      unit: z.string().exactOptional(),
    }),
    z.object({ kind: z.literal('choice'), name: z.string(), options: z.array(z.union([z.string(), z.number()])) }),
  ]),
);

/** A design's record, checked by its schema version and name only (a full record parse per design is slow). */
const recordSchema = lazy(() =>
  z.custom<DesignRecord | ConstellationRecord>(
    (v) =>
      typeof v === 'object' &&
      v !== null &&
      typeof Reflect.get(v, 'schemaVersion') === 'number' &&
      typeof Reflect.get(v, 'name') === 'string',
    { message: 'expected a record with a schemaVersion and a name' },
  ),
);

/** One reported design: in the user's sense (a maximized objective is positive). */
const paretoDesignSchema = lazy(() =>
  z.object({
    /** Evaluation index. */
    index: z.number(),
    variables: recordOf(
      'numbers and strings',
      (v): v is string | number => typeof v === 'string' || typeof v === 'number',
    ),
    objectives: numberRecord(),
    /** Constraint values g (≤ 0 satisfied), by constraint name. */
    constraints: numberRecord(),
    record: recordSchema().nullable(),
    /** Robust studies: the nominal design's objective values and the design's sample counts. */
    robust: robustDetailSchema().exactOptional(),
  }),
);

/** pareto.json, the one definition of its format (fields other odc versions add pass unchecked). */
export const paretoFileSchema = lazy(() =>
  z.object({
    formatVersion: z.literal(RUN_FORMAT_VERSION),
    study: z.string(),
    kind: z.enum(['node', 'benchmark', 'constellation']),
    objectives: z
      .array(z.object({ name: z.string(), sense: z.enum(['minimize', 'maximize']), unit: z.string() }))
      .min(1),
    variables: z.array(variableSchema()),
    /**
     * How near-duplicates were collapsed (absent in runs of older odc): the ε-box size as a fraction of the archive's
     * range in each objective (see `reportedFront`, ./results.ts), and the designs in the archive.
     */
    duplicates: z.object({ relativeTolerance: z.number(), archiveSize: z.number() }).exactOptional(),
    /** Robust studies: the common sample set and its input columns. */
    robust: z
      .object({
        samples: z.number(),
        method: z.enum(['lhs', 'mc']),
        seed: z.number(),
        maxFailedShare: z.number(),
        columns: z.array(z.string()),
      })
      .exactOptional(),
    designs: z.array(paretoDesignSchema()),
  }),
);
export type ParetoFile = DeepReadonly<z.output<ReturnType<typeof paretoFileSchema>>>;
export type ParetoDesign = ParetoFile['designs'][number];
export type DuplicatePolicy = NonNullable<ParetoFile['duplicates']>;

/**
 * pareto.json at `path`, read and validated; otherwise a StudyError with `code` naming the file, the field and `fix`
 * (INCOMPATIBLE_RUN for another format version, naming `writer`, the odc that wrote the run, when known).
 */
export function readParetoFile(path: string, code: StudyErrorCode, fix: string, writer?: string): ParetoFile {
  const raw = readJsonFile(path, code, fix);
  checkFormatVersion(path, raw, writer);
  return validatedJson(paretoFileSchema(), raw, path, code, fix);
}
