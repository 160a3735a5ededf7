/**
 * run.json and checkpoint.json: their schemas are the one definition of each format (the types are inferred from
 * them) and every reader validates with them, the same discipline as study files (pareto.json's is in
 * ./paretoFile.ts). Objects are plain z.object: fields another odc version added pass unchecked and are kept, since
 * a reader returns the file as it was read.
 */
import * as z from 'zod';
import { readRegularText } from '../base/guardedFile.js';
import { lazy } from '../base/lazy.js';
import type { DeepReadonly } from '../base/deepReadonly.js';
import { StudyError, type StudyErrorCode } from '../base/errors.js';
import { algorithmFields } from '../study/algorithmSettings.js';
import type { AlgorithmSnapshot } from '../optimize/algorithm.js';
import { ODC_VERSION } from './versions.js';

/** The run-folder format this odc reads and writes (run.json, pareto.json and checkpoint.json `formatVersion`). */
export const RUN_FORMAT_VERSION = 1;

/**
 * A number as JSON.stringify writes it: NaN and ±Infinity become null. Typed as the number it was (readers format it
 * as a non-finite number, as before writing).
 */
const jsonNumber = lazy(() =>
  z.custom<number>((v) => v === null || typeof v === 'number', { message: 'expected a number or null' }),
);

/**
 * run.json `decision.shadowPrices` (src/run/decision/relaxation.ts): what relaxing each binding constraint of the knee
 * by 10 % buys, from a short warm-started re-optimization per constraint.
 */
/** One objective of a re-optimization (a relaxed limit's, or the control's). */
const relaxedObjectiveSchema = lazy(() =>
  z.object({
    objective: z.string(),
    /** The objective's unit (pareto.json's). */
    unit: z.string(),
    /** The knee's value, in the objective's own sense. */
    knee: jsonNumber(),
    /** The best value among the re-optimization's front no worse than the knee in every other objective. */
    best: jsonNumber(),
    /**
     * A relaxed limit's: best − the control's best (≤ 0 for a minimized objective, ≥ 0 for a maximized one, never a
     * loss; best − knee in runs of older odc without a control). The control's: best − knee.
     */
    change: jsonNumber(),
  }),
);

const relaxationSchema = lazy(() =>
  z.object({
    relaxation: z.number(),
    /** Generations of each re-optimization, and the evaluations of all of them. */
    generations: z.number(),
    evaluations: z.number(),
    /** What the re-optimization started from besides the knee: absent, the run's final population. */
    warmStart: z.literal('union front').exactOptional(),
    /**
     * The control: the same re-optimization with no limit relaxed, per objective. A gain is counted beyond it (what
     * the relaxation buys, not what more search alone finds); absent in runs of older odc.
     */
    control: z.array(relaxedObjectiveSchema()).exactOptional(),
    gains: z.array(
      z.object({
        /** The binding constraint as binding.ts names it ("radiation.dose & radiation.softDose"). */
        constraint: z.string(),
        /** Designs of the re-optimization's front past the stated limit (within the relaxed one). */
        pastLimit: z.number(),
        objectives: z.array(relaxedObjectiveSchema()),
      }),
    ),
  }),
);
export type KneeRelaxation = DeepReadonly<z.output<ReturnType<typeof relaxationSchema>>>;
export type RelaxationGain = KneeRelaxation['gains'][number];
export type RelaxedObjective = RelaxationGain['objectives'][number];

/** A constraint's relative margin −g (≥ 0 satisfied; 0.004 = 0.4 % from the limit), src/run/decision/binding.ts. */
const marginSchema = lazy(() =>
  z.object({
    name: z.string(),
    margin: jsonNumber(),
    /** Constraints of the record on the same quantity with the same limit, listed under this one. */
    also: z.array(z.string()).exactOptional(),
  }),
);
export type ConstraintMargin = DeepReadonly<z.output<ReturnType<typeof marginSchema>>>;

/** A variable at a study bound (`limit`). */
const boundFields = () => ({
  variable: z.string(),
  bound: z.enum(['lower', 'upper']),
  limit: z.number(),
  /** Whether widening this bound is worth trying: not a floor, not a benchmark's (see widenable). Absent before. */
  widen: z.boolean().exactOptional(),
});

/** What binds a design (src/run/decision/binding.ts). */
const bindingSchema = lazy(() =>
  z.object({
    /** Constraints within BINDING_MARGIN, tightest first; sizing closures are in `sizedTo` instead. */
    constraints: z.array(marginSchema()),
    /**
     * Sizing closures at their limit (within BINDING_MARGIN), in SIZING_CLOSURES order: the record's value (absent when
     * the design has none, e.g. a constellation's worst-shell closure) and the requirement that sized it. Absent in
     * runs of older odc.
     */
    sizedTo: z
      .array(
        z.object({
          name: z.string(),
          value: z.number().exactOptional(),
          unit: z.string().exactOptional(),
          requirement: z.string(),
        }),
      )
      .exactOptional(),
    /** Variables at or near a bound; `floor`: a lower bound of 0 (see isFloor), absent in runs of older odc. */
    bounds: z.array(z.object({ ...boundFields(), value: z.number(), floor: z.boolean().exactOptional() })),
    /** The TIGHTEST_LISTED smallest margins, binding or not. */
    tightest: z.array(marginSchema()),
  }),
);
export type DesignBinding = DeepReadonly<z.output<ReturnType<typeof bindingSchema>>>;
export type BoundHit = DesignBinding['bounds'][number];
export type SizedTo = NonNullable<DesignBinding['sizedTo']>[number];

/** What the front as a whole presses against: constraints and bounds, most Pareto designs first. */
const frontPressureSchema = lazy(() => {
  const count = { count: z.number(), share: z.number() };
  return z.object({
    designs: z.number(),
    constraints: z.array(z.object({ name: z.string(), ...count })),
    /** `floor`: a lower bound of 0 (see isFloor), not one to widen. */
    bounds: z.array(z.object({ ...boundFields(), ...count, floor: z.boolean() })),
  });
});
export type FrontPressure = DeepReadonly<z.output<ReturnType<typeof frontPressureSchema>>>;

/** How the recommended design stands (src/run/decision/select.ts): the rule that chose it, margins, P(all hold). */
const standingSchema = lazy(() =>
  z.object({
    /** Front position of the recommended knee. */
    position: z.number(),
    /** The select.pick rule that chose it with its parameters ("TOPSIS (weights …)"); absent for the knee. */
    pick: z.string().exactOptional(),
    /** The study's select: rule in words ("every constraint ≥ 2 % margin"), or null when the study sets none. */
    rule: z.string().nullable(),
    /** Whether the knee meets the rule (true without one). */
    qualified: z.boolean(),
    /** How the rule went ("3 of 6 Pareto designs keep …"), or null without a rule. */
    selection: z.string().nullable(),
    /** The knee's smallest margin (sizing closures aside; null without such constraints), and the constraints at it. */
    minMargin: jsonNumber().nullable(),
    tightest: z.array(z.string()),
    /** Discrete requirements the knee meets within 2 % (src/run/decision/discrete.ts): no margin to keep. */
    exact: z.array(z.string()).optional(),
    /** P(all hold): the estimate, its interval, the samples, compliance inputs sampled and the seed. */
    joint: z
      .object({
        estimate: z.number(),
        lower: z.number(),
        upper: z.number(),
        samples: z.number(),
        inputs: z.number(),
        seed: z.number(),
      })
      .nullable(),
    /** Why there is no joint probability (e.g. the study declares no uncertain input), when there is none. */
    jointNone: z.string().nullable(),
    /**
     * When no Pareto design meets a select.minMargin rule: what the feasible evaluated designs can keep
     * (src/run/decision/achievable.ts); null otherwise or without the log.
     */
    achievable: z
      .object({
        feasible: z.number(),
        meeting: z.number(),
        bestMargin: z.number(),
        bestIndex: z.number(),
        conflict: z.array(z.string()),
        conflictMargin: z.number(),
      })
      .nullable()
      .optional(),
  }),
);
export type KneeStanding = DeepReadonly<z.output<ReturnType<typeof standingSchema>>>;
export type JointHold = NonNullable<KneeStanding['joint']>;

/** Each objective's spread over the front (src/run/decision/spread.ts): (max − min) / max(|min|, |max|), or 0. */
const spreadSchema = lazy(() =>
  z.object({
    objective: z.string(),
    unit: z.string(),
    min: jsonNumber(),
    max: jsonNumber(),
    relative: jsonNumber(),
    flat: z.boolean(),
  }),
);
export type ObjectiveSpread = DeepReadonly<z.output<ReturnType<typeof spreadSchema>>>;

/** A recommended design (src/run/decision/recommend.ts). */
const recommendedSchema = lazy(() =>
  z.object({
    /** "knee", "best cost.lcoc_USD_per_PFLOP_day (lowest)", …: every role this design has. */
    roles: z.array(z.string()),
    /** `odc export --design` selectors of those roles. */
    selectors: z.array(z.string()),
    /** Evaluation index (pareto.csv's index column). */
    index: z.number(),
    /** A multi-seed run's union decision (seeds.json): the seed whose run found the design, `index` being its own. */
    seed: z.number().exactOptional(),
    /** One line of what it is (node: chips, orbit, array and radiator; constellation: satellites and shells). */
    configuration: z.string(),
    /**
     * The cost bridge (src/base/verdictText.ts costBridgeText): the cost of delivered compute first unit → programme →
     * discounted → ratio to the ground; absent for a benchmark.
     */
    costBridge: z.string().exactOptional(),
    /** The scenario of the verdict (the design's economics.baseline): the ratio the answer line states. */
    baseline: z.string().exactOptional(),
    /** When the verdict reaches parity with that scenario, from the node record's parity search (absent: none run). */
    parity: z.string().exactOptional(),
    /** Key figures; `metric`: the record path (or objective) shown, `value` in `unit` (e.g. kW from W). */
    figures: z.array(z.object({ label: z.string(), metric: z.string(), value: z.number(), unit: z.string() })),
    /** Against each terrestrial scenario; spaceToTerrestrial: space / terrestrial (< 1: space is cheaper). */
    verdicts: z.array(
      z.object({
        baseline: z.string(),
        space_USD_per_PFLOP_day: jsonNumber(),
        terrestrial_USD_per_PFLOP_day: jsonNumber(),
        spaceToTerrestrial: jsonNumber(),
        basis: z.enum(['discounted', 'undiscounted']),
      }),
    ),
    shells: z
      .array(
        z.object({
          name: z.string(),
          altitude_km: z.number(),
          inclination_deg: z.number(),
          sunSynchronous: z.boolean(),
          planes: z.number(),
          satsPerPlane: z.number(),
          satellites: z.number(),
        }),
      )
      .exactOptional(),
    binding: bindingSchema(),
  }),
);
export type RecommendedDesign = DeepReadonly<z.output<ReturnType<typeof recommendedSchema>>>;
export type Figure = RecommendedDesign['figures'][number];
export type TerrestrialVerdict = RecommendedDesign['verdicts'][number];
export type ShellSummary = NonNullable<RecommendedDesign['shells']>[number];

/** run.json `decision` (src/run/decision/recommend.ts): what the terminal summary and the reports lead with. */
export const decisionSchema = lazy(() =>
  z.object({
    /** Relative constraint margin at or below which a constraint binds, and the bound tolerance (share of range). */
    bindingMargin: z.number(),
    boundTolerance: z.number(),
    /** Robust studies: figures and verdicts are the nominal design's. */
    nominalFigures: z.boolean(),
    /** Distinct designs, the knee first; empty when the run found no feasible design or none meets its requirements. */
    designs: z.array(recommendedSchema()),
    /**
     * Said instead of an answer when the front has designs but each misses a requirement (src/run/decision/decision.ts
     * `answerable`). Absent otherwise.
     */
    noAnswer: z.string().exactOptional(),
    front: frontPressureSchema(),
    /** How the knee stands; null without a feasible design. Absent in runs of older odc. */
    standing: standingSchema().nullable().exactOptional(),
    /** Each objective's spread across the front and whether it is flat. Absent in runs of older odc. */
    spread: z.array(spreadSchema()).exactOptional(),
    /**
     * Shadow prices: what relaxing each of the knee's binding constraints by 10 % buys; null when nothing binds it.
     * Absent in runs of older odc and in a multi-seed run's union decision whose knee is not its seed's knee.
     */
    shadowPrices: relaxationSchema().nullable().exactOptional(),
  }),
);
export type DecisionSummary = DeepReadonly<z.output<ReturnType<typeof decisionSchema>>>;

/** Objectives scaled so that `ideal` → 0 and `nadir` → 1, measured against `reference`. */
const normalizationSchema = lazy(() =>
  z.object({ ideal: z.array(z.number()), nadir: z.array(z.number()), reference: z.array(z.number()) }),
);
export type Normalization = DeepReadonly<z.output<ReturnType<typeof normalizationSchema>>>;

/** One row of run.json `history` (src/run/history.ts). */
const generationStatsSchema = lazy(() =>
  z.object({
    generation: z.number(),
    evaluations: z.number(),
    feasibleShare: jsonNumber(),
    failures: z.number(),
    frontSize: z.number(),
    hypervolume: jsonNumber(),
    /** Set when `hypervolume` is a Monte Carlo estimate (4+ objectives, large fronts: see runHypervolume). */
    hypervolumeStandardError: jsonNumber().exactOptional(),
    /** IGD+ of the front against the analytic Pareto front (benchmark studies only; raw objectives). */
    igdPlus: jsonNumber().exactOptional(),
  }),
);
export type GenerationStats = DeepReadonly<z.output<ReturnType<typeof generationStatsSchema>>>;

/** run.json `result`: what a finished run found. */
const runCountsSchema = lazy(() =>
  z.object({
    generations: z.number(),
    evaluations: z.number(),
    failures: z.number(),
    feasible: z.number(),
    /** Designs on the reported front (pareto.json); while interrupted, the archive size. */
    paretoSize: z.number(),
    stopReason: z.string(),
    /** Designs in the archive before near-duplicates were collapsed (absent in older runs, and when interrupted). */
    archiveSize: z.number().exactOptional(),
    /**
     * Evaluations taken over from an earlier run of the same problem (a warm start): the first rows of the log,
     * included in `evaluations` and `generations` (as generation 0) but not spent from the budget.
     */
    inherited: z.number().exactOptional(),
    failureReasons: z.array(z.object({ reason: z.string(), count: z.number() })),
    /** Set when nothing feasible was found: the least-infeasible designs and each violated constraint. */
    leastInfeasible: z.array(
      z.object({ index: z.number(), violations: z.array(z.object({ name: z.string(), g: jsonNumber() })) }),
    ),
    /** Set when nothing feasible was found: the constraints that conflict (src/run/decision/infeasible.ts). */
    infeasibility: z
      .object({
        /** Designs evaluated (not failed) and read. */
        evaluated: z.number(),
        /** The constraint no design meets, or the pair none meets together; empty when each pair is met by some. */
        conflict: z.array(z.string()),
        /** The conflict's best joint margin over the designs (negative: the closest misses by that share). */
        conflictMargin: jsonNumber(),
        /** The design closest to feasible (its worst margin the highest) and that margin. */
        closestIndex: z.number(),
        closestMargin: jsonNumber(),
        /** Each constraint no design meets alone, with the best margin any keeps on it (absent in older runs). */
        unmet: z.array(z.object({ name: z.string(), margin: jsonNumber() })).exactOptional(),
        /** Requirement pairs that cannot hold together by definition, each [floor, cap] (./decision/infeasible.ts). */
        impossible: z.array(z.array(z.string())).exactOptional(),
      })
      .exactOptional(),
  }),
);
export type RunCounts = DeepReadonly<z.output<ReturnType<typeof runCountsSchema>>>;

/** run.json `timings`: where the wall time of the process that finished the run went [s]. */
const runTimingsSchema = lazy(() =>
  z.object({
    wall_s: z.number(),
    /** Wall time evaluating designs (the pool's, with several workers), and the designs evaluated in it. */
    evaluate_s: z.number(),
    evaluated: z.number().exactOptional(),
    /** Wall time in the algorithm's ask() after its first batch, and the designs those asks proposed. */
    propose_s: z.number().exactOptional(),
    proposed: z.number().exactOptional(),
  }),
);
export type RunTimings = DeepReadonly<z.output<ReturnType<typeof runTimingsSchema>>>;

/** The study's algorithm settings as run.json keeps them (resolved: the settings a default fills are written). */
const runAlgorithmSchema = lazy(() => {
  const f = algorithmFields();
  return z.object({ ...f, name: f.name.unwrap(), population: f.population.unwrap(), seed: f.seed.unwrap() });
});

/** run.json, the one definition of its format (fields other odc versions add pass unchecked). */
export const runMetaSchema = lazy(() =>
  z.object({
    formatVersion: z.literal(RUN_FORMAT_VERSION),
    odcVersion: z.string(),
    status: z.enum(['running', 'complete']),
    study: z.object({
      name: z.string(),
      kind: z.enum(['node', 'benchmark', 'constellation']),
      file: z.string(),
      hash: z.string(),
      /** The `--set key=value` edits applied to the file (study.yaml holds the edited study). */
      sets: z.array(z.string()).exactOptional(),
    }),
    algorithm: runAlgorithmSchema(),
    workers: z.number(),
    /** Evaluated on Redis workers: the server (password redacted) and queue. */
    distributed: z.object({ redis: z.string(), queue: z.string() }).exactOptional(),
    startedAt: z.string(),
    finishedAt: z.string().exactOptional(),
    packageVersions: z.record(z.string(), z.string()),
    /** src/run/problemKey.ts: equal for two runs whose designs evaluate alike (absent in older runs). */
    problemKey: z.string().exactOptional(),
    /**
     * A warm start (algorithm.initial.from): `inherited`, the earlier run's evaluations of this same problem taken
     * over as this run's generation 0 (not spent from the budget); `reevaluated`, the earlier designs evaluated first
     * (another problem), a spread subset of its front in the order iterated crowding-distance pruning keeps them.
     * `designs`: how many; `front`: the earlier run's front size.
     */
    warmStart: z
      .object({ mode: z.enum(['inherited', 'reevaluated']), designs: z.number(), front: z.number() })
      .exactOptional(),
    result: runCountsSchema().exactOptional(),
    timings: runTimingsSchema().exactOptional(),
    normalization: normalizationSchema().exactOptional(),
    history: z.array(generationStatsSchema()).exactOptional(),
    /** Generations per history row (1, or ⌈generations / 500⌉ for longer runs: see historyStride in history.ts). */
    historyStride: z.number().exactOptional(),
    /** The recommended designs and what binds them and the front. Absent in older runs and runs not finished. */
    decision: decisionSchema().exactOptional(),
  }),
);
export type RunMeta = DeepReadonly<z.output<ReturnType<typeof runMetaSchema>>>;

/**
 * checkpoint.json, written every `checkpointEvery` generations (default: every 10 s, CHECKPOINT_INTERVAL_MS) by the run
 * driver (src/run/checkpoint.ts), sealed by `checksum`: the sha256 of its text without that field.
 */
export const checkpointSchema = lazy(() =>
  z.object({
    formatVersion: z.literal(RUN_FORMAT_VERSION),
    studyHash: z.string().min(1),
    generation: z.number().int().nonnegative(),
    evaluations: z.number().int().nonnegative(),
    logBytes: z.number().int().nonnegative(),
    /** Hypervolume per generation on the current front's normalization (the stagnation rule reads it). */
    liveHypervolume: z.array(z.number()),
    /** Fixed normalization of the progress display's hypervolume, once the run has a feasible front. */
    liveNormalization: normalizationSchema().exactOptional(),
    elapsed_s: z.number().nonnegative(),
    /** The algorithm's state; the algorithm checks the rest of it when it restores. */
    snapshot: z.custom<AlgorithmSnapshot>(
      (v) => typeof v === 'object' && v !== null && typeof Reflect.get(v, 'algorithm') === 'string',
      { message: 'expected an algorithm snapshot' },
    ),
    /** sha256 (hex) of the log's first `logBytes` bytes: the prefix this checkpoint vouches for. */
    logSha256: z.string().regex(/^[0-9a-f]{64}$/),
    checksum: z.string().regex(/^[0-9a-f]{64}$/),
  }),
);
export type SealedCheckpoint = DeepReadonly<z.output<ReturnType<typeof checkpointSchema>>>;
export type Checkpoint = Omit<SealedCheckpoint, 'checksum'>;

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
 * `raw` if it passes `schema`, otherwise a StudyError naming the file, the first bad field and what is wrong. The file
 * schemas transform nothing (and the defaults of run.json's algorithm settings are filled in what odc writes), so what
 * passes is already of the schema's type: it is returned as read, key order and extra fields as written (a
 * checkpoint's checksum is of its text).
 */
export function validatedJson<S extends z.ZodType>(
  schema: S,
  raw: unknown,
  path: string,
  code: StudyErrorCode,
  fix: string,
): z.output<S> {
  let issue: z.core.$ZodIssue | undefined;
  const passes = (v: unknown): v is z.output<S> => {
    issue = schema.safeParse(v).error?.issues[0];
    return issue === undefined;
  };
  if (passes(raw)) return raw;
  const field = issue!.path.map(String).join('.');
  const what = raw === null ? 'holds null, not an object' : `${field || '(top level)'}: ${issue!.message}`;
  throw new StudyError(code, `${path}: ${what}; ${fix}`, { file: path, field });
}

/** Field `key` of parsed JSON not yet validated (undefined when it is not an object). */
export const fieldOf = (raw: unknown, key: string): unknown =>
  typeof raw === 'object' && raw !== null ? Reflect.get(raw, key) : undefined;

/**
 * A run file's numeric `formatVersion` other than the one this odc reads is INCOMPATIBLE_RUN, naming `writer` (the
 * odc that wrote the run) when known; a missing or non-numeric one is left to the file's schema (a damaged file).
 */
export function checkFormatVersion(path: string, raw: unknown, writer?: string): void {
  const v = fieldOf(raw, 'formatVersion');
  if (typeof v !== 'number' || v === RUN_FORMAT_VERSION) return;
  throw new StudyError(
    'INCOMPATIBLE_RUN',
    `${path}: formatVersion ${v} is not supported (odc ${ODC_VERSION} reads run folders of formatVersion ` +
      `${RUN_FORMAT_VERSION}); run the study again with this odc${writer ? `, or use odc ${writer} that wrote it` : ''}`,
    { file: path, field: 'formatVersion' },
  );
}
