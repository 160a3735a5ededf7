/**
 * pareto.json as written by ./results.ts: the reported front with each design's variables, objectives, constraint
 * values and record. `readParetoFile` is the one way to read it back (the reports, the explorer, warm starts): guarded
 * like every run file (./schemas.ts) and checked against `paretoFileSchema`, which holds what the readers rely on.
 */
import * as z from 'zod';
import { lazy } from '../base/lazy.js';
import type { StudyErrorCode } from '../base/errors.js';
import type { ConstellationRecord } from '../constellation/record/record.js';
import type { DesignRecord } from '../node/record/record.js';
import type { Problem } from '../optimize/types.js';
import type { ResolvedRobustSettings, RobustDetail } from '../study/robust.js';
import { checkFormatVersion, readJsonFile, validatedJson } from './schemas.js';

export interface ParetoDesign {
  readonly index: number;
  readonly variables: Record<string, string | number>;
  /** In the user's sense: a maximized objective is positive. */
  readonly objectives: Record<string, number>;
  /** Constraint values g (≤ 0 satisfied), by constraint name. */
  readonly constraints: Record<string, number>;
  readonly record: DesignRecord | ConstellationRecord | null;
  /** Robust studies: the nominal design's objective values and the design's sample counts (src/study/robust.ts). */
  readonly robust?: RobustDetail;
}

export interface ParetoFile {
  readonly formatVersion: 1;
  readonly study: string;
  readonly kind: 'node' | 'benchmark' | 'constellation';
  readonly objectives: readonly { name: string; sense: 'minimize' | 'maximize'; unit: string }[];
  readonly variables: Problem['variables'];
  /** How near-duplicates were collapsed (absent in runs of older odc). */
  readonly duplicates?: DuplicatePolicy;
  /** Robust studies: the common sample set (samples, method, seed, maxFailedShare) and its input columns. */
  readonly robust?: ResolvedRobustSettings & { readonly columns: readonly string[] };
  readonly designs: readonly ParetoDesign[];
}

/** The duplicate tolerance a reported front was written with. */
export interface DuplicatePolicy {
  /**
   * Box size of the ε-box rule as a fraction of the archive's range in each objective (see `reportedFront`,
   * ./results.ts).
   */
  readonly relativeTolerance: number;
  /** Designs in the archive; `designs.length` of them were reported. */
  readonly archiveSize: number;
}

const variableSchema = lazy(() =>
  z.union([
    z.looseObject({ kind: z.enum(['real', 'int']), name: z.string(), lower: z.number(), upper: z.number() }),
    z.looseObject({ kind: z.literal('choice'), name: z.string(), options: z.array(z.union([z.string(), z.number()])) }),
  ]),
);

/**
 * An object whose values all pass `ok`: one check per design, several times cheaper than zod's record-of-union parse
 * per entry. JSON gives only finite numbers, so `typeof` is z.number()'s test here.
 */
const recordOf = <T>(what: string, ok: (v: unknown) => v is T): z.ZodType<Record<string, T>> =>
  z.custom<Record<string, T>>(
    (v) => typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every(ok),
    { message: `expected an object of ${what}` },
  );
const numbers = lazy(() => recordOf('numbers', (v): v is number => typeof v === 'number'));

/** What readers of pareto.json rely on (extra fields pass through). */
export const paretoFileSchema = lazy(() =>
  z.looseObject({
    formatVersion: z.number(),
    study: z.string(),
    kind: z.enum(['node', 'benchmark', 'constellation']),
    objectives: z
      .array(z.looseObject({ name: z.string(), sense: z.enum(['minimize', 'maximize']), unit: z.string() }))
      .min(1),
    variables: z.array(variableSchema()),
    designs: z.array(
      z.looseObject({
        index: z.number(),
        variables: recordOf(
          'numbers and strings',
          (v): v is string | number => typeof v === 'string' || typeof v === 'number',
        ),
        objectives: numbers(),
        constraints: numbers(),
        record: z.looseObject({ schemaVersion: z.number(), name: z.string() }).nullable(),
        robust: z
          .looseObject({ nominal: numbers(), samples: z.number(), failedSamples: z.number(), inputs: z.number() })
          .optional(),
      }),
    ),
    robust: z
      .looseObject({
        samples: z.number(),
        method: z.enum(['lhs', 'mc']),
        seed: z.number(),
        maxFailedShare: z.number(),
        columns: z.array(z.string()),
      })
      .optional(),
  }),
);

/**
 * pareto.json at `path`, read and validated; otherwise a StudyError with `code` naming the file, the field and `fix`
 * (INCOMPATIBLE_RUN for another format version, naming `writer`, the odc that wrote the run, when known).
 */
export function readParetoFile(path: string, code: StudyErrorCode, fix: string, writer?: string): ParetoFile {
  const raw = readJsonFile(path, code, fix);
  checkFormatVersion(path, raw, writer);
  return validatedJson<ParetoFile>(paretoFileSchema(), raw, path, code, fix);
}
