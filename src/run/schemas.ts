/**
 * Schemas of the JSON files a run folder holds (run.json, checkpoint.json), so nothing read back from a
 * run folder is trusted on a cast: `odc run --resume` (src/run/runFolder.ts) and the report loader
 * (src/report/document/load.ts) validate with these, the same discipline as study files.
 */
import * as z from 'zod';
import { readRegularText } from '../base/guardedFile.js';
import { lazy } from '../base/lazy.js';
import { StudyError, type StudyErrorCode } from '../base/errors.js';
import { ODC_VERSION } from './versions.js';

/** The run-folder format this odc reads and writes (run.json, pareto.json and checkpoint.json `formatVersion`). */
export const RUN_FORMAT_VERSION = 1;

/** A number written by JSON.stringify: NaN and ±Infinity become null. */
const jsonNumber = lazy(() => z.number().nullable());

/** run.json `decision.relaxation` (src/run/relaxation.ts KneeRelaxation). */
const relaxationSchema = lazy(() =>
  z.looseObject({
    relaxation: z.number(),
    evaluated: z.number(),
    gains: z.array(
      z.looseObject({
        constraint: z.string(),
        pastLimit: z.number(),
        objectives: z.array(
          z.looseObject({
            objective: z.string(),
            unit: z.string(),
            knee: jsonNumber(),
            best: jsonNumber(),
            change: jsonNumber(),
            design: z.number(),
          }),
        ),
      }),
    ),
  }),
);

/** run.json `decision` (src/run/recommend.ts DecisionSummary): what the terminal summary and the reports lead with. */
export const decisionSchema = lazy(() => {
  const margin = z.looseObject({ name: z.string(), margin: jsonNumber() });
  const bound = z.looseObject({
    variable: z.string(),
    bound: z.enum(['lower', 'upper']),
    limit: z.number(),
    floor: z.boolean().optional(),
  });
  return z.looseObject({
    bindingMargin: z.number(),
    boundTolerance: z.number(),
    nominalFigures: z.boolean(),
    designs: z.array(
      z.looseObject({
        roles: z.array(z.string()),
        selectors: z.array(z.string()),
        index: z.number(),
        configuration: z.string(),
        figures: z.array(z.looseObject({ label: z.string(), metric: z.string(), value: z.number(), unit: z.string() })),
        verdicts: z.array(
          z.looseObject({
            baseline: z.string(),
            space_USD_per_PFLOP_day: jsonNumber(),
            terrestrial_USD_per_PFLOP_day: jsonNumber(),
            spaceToTerrestrial: jsonNumber(),
            basis: z.enum(['discounted', 'undiscounted']),
          }),
        ),
        shells: z
          .array(
            z.looseObject({ name: z.string(), altitude_km: z.number(), planes: z.number(), satsPerPlane: z.number() }),
          )
          .optional(),
        binding: z.looseObject({ constraints: z.array(margin), bounds: z.array(bound), tightest: z.array(margin) }),
      }),
    ),
    front: z.looseObject({
      designs: z.number(),
      constraints: z.array(z.looseObject({ name: z.string(), count: z.number(), share: z.number() })),
      bounds: z.array(bound.extend({ count: z.number(), share: z.number() })),
    }),
    standing: z
      .looseObject({
        position: z.number(),
        rule: z.string().nullable(),
        qualified: z.boolean(),
        minMargin: jsonNumber(),
        tightest: z.array(z.string()),
        joint: z.looseObject({ estimate: z.number(), lower: z.number(), upper: z.number() }).nullable(),
        jointNone: z.string().nullable(),
      })
      .nullable()
      .optional(),
    relaxation: relaxationSchema().nullable().optional(),
  });
});

/** run.json: the fields every reader relies on (extra fields pass through). */
export const runMetaSchema = lazy(() =>
  z.looseObject({
    formatVersion: z.number(),
    odcVersion: z.string(),
    status: z.enum(['running', 'complete']),
    study: z.looseObject({
      name: z.string(),
      kind: z.enum(['node', 'benchmark', 'constellation']),
      file: z.string(),
      hash: z.string(),
    }),
    algorithm: z.looseObject({ name: z.string(), population: z.number(), seed: z.number() }),
    workers: z.number(),
    startedAt: z.string(),
    packageVersions: z.record(z.string(), z.string()),
    /** Absent in runs of older odc and in runs not finished. */
    decision: decisionSchema().optional(),
  }),
);

const normalizationSchema = lazy(() =>
  z.object({ ideal: z.array(z.number()), nadir: z.array(z.number()), reference: z.array(z.number()) }),
);

/**
 * checkpoint.json, written every `checkpointEvery` generations (default: every 10 s, CHECKPOINT_INTERVAL_MS) by the run
 * driver.
 */
export const checkpointSchema = lazy(() =>
  z.looseObject({
    formatVersion: z.literal(RUN_FORMAT_VERSION),
    studyHash: z.string().min(1),
    generation: z.number().int().nonnegative(),
    evaluations: z.number().int().nonnegative(),
    logBytes: z.number().int().nonnegative(),
    liveHypervolume: z.array(z.number()),
    /** Fixed normalization of the progress display's hypervolume (absent in checkpoints of older odc). */
    liveNormalization: normalizationSchema().optional(),
    elapsed_s: z.number().nonnegative(),
    snapshot: z.looseObject({ algorithm: z.string() }),
    /** sha256 of the log prefix the checkpoint covers, and of the checkpoint's own text (src/run/runFolder.ts). */
    logSha256: z.string().regex(/^[0-9a-f]{64}$/),
    checksum: z.string().regex(/^[0-9a-f]{64}$/),
  }),
);

/**
 * Largest run.json, pareto.json or checkpoint.json read back [bytes] (a 5-objective front of 100,000 designs is ~60
 * MB).
 */
const MAX_RUN_JSON_BYTES = 512 * 2 ** 20;

/** Parsed JSON of `path`, or a StudyError naming the file (truncated, empty, not JSON). */
export function readJsonFile(path: string, code: StudyErrorCode, fix: string): unknown {
  // Only a regular file of bounded size is read (guardedFile.ts): a folder, a FIFO or a link to /dev/zero put in its
  // place would crash the read or never end it.
  const text = readRegularText(path, { what: 'file odc wrote', maxBytes: MAX_RUN_JSON_BYTES, code, fix });
  try {
    return JSON.parse(text);
  } catch (e) {
    // V8's message quotes the text around the error, line breaks included: one line, shortened
    const why = (e as Error).message.replace(/\s+/g, ' ').slice(0, 200);
    const what = text.trim() === '' ? 'empty' : `not valid JSON, perhaps truncated (${why})`;
    throw new StudyError(code, `${path}: ${what}; ${fix}`, { file: path });
  }
}

/**
 * `raw` checked against `schema`, returned as it was read (the schema only checks: key order and extra
 * fields stay as written); otherwise a StudyError naming the file, the first bad field and what is wrong.
 */
export function validatedJson<T>(schema: z.ZodType, raw: unknown, path: string, code: StudyErrorCode, fix: string): T {
  const r = schema.safeParse(raw);
  if (r.success) return raw as T;
  const iss = r.error.issues[0]!;
  const field = iss.path.map(String).join('.');
  const what = raw === null ? 'holds null, not an object' : `${field || '(top level)'}: ${iss.message}`;
  throw new StudyError(code, `${path}: ${what}; ${fix}`, { file: path, field });
}

/**
 * A run file's numeric `formatVersion` other than the one this odc reads is INCOMPATIBLE_RUN, naming `writer` (the
 * odc that wrote the run) when known; a missing or non-numeric one is left to the file's schema (a damaged file).
 */
export function checkFormatVersion(path: string, raw: unknown, writer?: string): void {
  const v = (raw as { formatVersion?: unknown } | null)?.formatVersion;
  if (typeof v !== 'number' || v === RUN_FORMAT_VERSION) return;
  throw new StudyError(
    'INCOMPATIBLE_RUN',
    `${path}: formatVersion ${v} is not supported (odc ${ODC_VERSION} reads run folders of formatVersion ` +
      `${RUN_FORMAT_VERSION}); run the study again with this odc${writer ? `, or use odc ${writer} that wrote it` : ''}`,
    { file: path, field: 'formatVersion' },
  );
}
