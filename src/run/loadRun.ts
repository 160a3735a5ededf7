/**
 * Reads and validates a run folder written by `odc run` (run.json, pareto.json, study.yaml and
 * the evaluation log; see src/run/results.ts). Everything that can be wrong with the folder is reported
 * here as a StudyError naming the folder or file and the fix, so the report writers trust what they get:
 * - not a folder, or no run.json / pareto.json / study.yaml → BAD_RUN_DIR;
 * - a formatVersion this odc does not read → INCOMPATIBLE_RUN;
 * - a run that has not finished (status "running") → BAD_RUN_DIR (resume it first);
 * - a run another live process is still writing (it holds the folder's run.lock) → BAD_RUN_DIR (wait for it).
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { StudyError } from '../base/errors.js';
import { readRegularText } from '../base/guardedFile.js';
import { MAX_INPUT_BYTES, parseYamlValues } from '../base/yaml.js';
import type { WrittenResults } from './results.js';
import { readParetoFile, type ParetoFile } from './paretoFile.js';
import { fieldOf, readJsonFile, type RunMeta } from './schemas.js';
import { readRunMeta, runLockHolder } from './runFolder.js';
import { forEachLogBatch, runLogFile } from './logRead.js';
import { EvaluationSampler, type RunEvaluation, type SampledEvaluations } from './evaluationSample.js';
import { LOG_COLUMN } from './log.js';

export interface LoadedRun {
  readonly dir: string;
  readonly meta: RunMeta;
  readonly pareto: ParetoFile;
  readonly studyText: string;
  /** study.yaml as plain data (no validation beyond YAML: the run already validated it). */
  readonly study: Record<string, unknown>;
  /**
   * Evaluated designs (not failed, finite objectives) evenly sampled in evaluation order (at most
   * 2 × EVALUATION_SAMPLE), or null when the evaluation log is absent (or not asked for).
   */
  readonly evaluations: readonly RunEvaluation[] | null;
  /** How many evaluated designs the evaluation log holds (the sample's population); 0 when absent. */
  readonly evaluatedCount: number;
}

/**
 * The evaluated designs of the evaluation log (evaluations.parquet or .csv), sampled by the rule of
 * src/run/evaluationSample.ts (streamed, never read whole).
 */
export function readEvaluations(
  path: string,
  pareto: { readonly objectives: readonly { readonly name: string }[] },
): SampledEvaluations {
  const sampler = new EvaluationSampler();
  const { index, generation, status, violation } = LOG_COLUMN;
  const objectives = pareto.objectives.map((o) => o.name);
  let hasViolation = false;
  forEachLogBatch(
    path,
    (header) => {
      const missing = [index, generation, status, ...objectives].filter((n) => !header.includes(n));
      if (missing.length) {
        throw new StudyError(
          'BAD_RUN_DIR',
          `${path}: missing column(s) ${missing.join(', ')}; the run folder is damaged: run the study again`,
          { file: path },
        );
      }
      hasViolation = header.includes(violation);
      return [index, generation, status, ...objectives, ...(hasViolation ? [violation] : [])];
    },
    (b) => {
      const [ix, gen, st] = [b.numbers(index), b.numbers(generation), b.texts(status)];
      const f = objectives.map((o) => b.numbers(o));
      const cv = hasViolation ? b.numbers(violation) : undefined;
      for (let i = 0; i < b.rows; i++) {
        // a row whose status is not one of the two (failed, or cut short) is not an evaluated design
        const s = st[i] === 'feasible' ? 'feasible' : st[i] === 'infeasible' ? 'infeasible' : 'failed';
        if (s === 'failed') continue;
        const values = new Float64Array(f.length);
        for (let k = 0; k < f.length; k++) values[k] = f[k]![i]!;
        sampler.offer(ix[i]!, gen[i]!, s, values, cv?.[i] ?? NaN);
      }
    },
    { fix: DAMAGED },
  );
  return sampler.result();
}

const DAMAGED = 'the run folder is damaged or was not written by odc run: run the study again';

function checkFinished(dir: string, meta: unknown): void {
  if (fieldOf(meta, 'status') === 'running') {
    throw new StudyError(
      'BAD_RUN_DIR',
      `${dir}: the run has not finished (run.json status "running"); finish it with odc run --resume ${dir}`,
      { file: join(dir, 'run.json'), field: 'status' },
    );
  }
}

/** run.json and pareto.json of a finished run, read and validated. */
function readResults(dir: string): { meta: RunMeta; pareto: ParetoFile } {
  const meta = readRunMeta(join(dir, 'run.json'), DAMAGED);
  checkFinished(dir, meta);
  return { meta, pareto: readParetoFile(join(dir, 'pareto.json'), 'BAD_RUN_DIR', DAMAGED, meta.odcVersion) };
}

/** A complete, finished run folder: it exists, no process holds its lock, and its result files are there. */
function checkRunFolder(dir: string): void {
  const fix = 'pass a folder written by odc run, e.g. results/<study>/<run-id>';
  if (!existsSync(dir)) throw new StudyError('BAD_RUN_DIR', `${dir}: no such folder; ${fix}`, { file: dir });
  if (!statSync(dir).isDirectory())
    throw new StudyError('BAD_RUN_DIR', `${dir}: is a file, not a run folder; ${fix}`, { file: dir });
  const holder = runLockHolder(dir);
  if (holder !== undefined) {
    throw new StudyError(
      'BAD_RUN_DIR',
      `${dir}: the run is still running (${holder} holds ${join(dir, 'run.lock')}); wait for it to finish, then run the command again`,
      { file: join(dir, 'run.lock') },
    );
  }
  const absent = ['run.json', 'pareto.json', 'study.yaml'].filter((f) => !existsSync(join(dir, f)));
  // A run stopped before (or inside) its final commit has run.json "running" and no pareto.json yet: say so.
  if (absent.length === 1 && absent[0] === 'pareto.json')
    checkFinished(dir, readJsonFile(join(dir, 'run.json'), 'BAD_RUN_DIR', DAMAGED));
  if (absent.length)
    throw new StudyError('BAD_RUN_DIR', `${dir}: not a run folder (no ${absent.join(', ')}); ${fix}`, { file: dir });
}

/** Every Pareto design has a value for every objective (else the folder is damaged). */
function checkParetoObjectives(dir: string, pareto: ParetoFile): void {
  pareto.designs.forEach((d, i) => {
    for (const o of pareto.objectives) {
      if (typeof d.objectives[o.name] !== 'number') {
        throw new StudyError(
          'BAD_RUN_DIR',
          `${join(dir, 'pareto.json')}: designs[${i}].objectives has no "${o.name}"; the run folder is damaged: run the study again`,
          { file: join(dir, 'pareto.json'), field: `designs[${i}].objectives` },
        );
      }
    }
  });
}

/**
 * The run's copy of its study file as a record ({} when it is not a mapping). base/yaml.ts keeps the last few parses:
 * a multi-seed run's finishing loads each seed's run two or three times (its answer, the seeds' answer, its report).
 */
function parseStudyText(dir: string, studyText: string): Record<string, unknown> {
  try {
    const s = parseYamlValues(studyText, join(dir, 'study.yaml')).raw;
    return s && typeof s === 'object' && !Array.isArray(s) ? (s as Record<string, unknown>) : {};
  } catch (e) {
    throw new StudyError(
      'BAD_RUN_DIR',
      `${join(dir, 'study.yaml')}: not valid YAML (${(e as Error).message.split('\n')[0]}); the run folder is damaged`,
      { file: join(dir, 'study.yaml') },
    );
  }
}

/**
 * Reads a complete run folder; `evaluations: false` skips the evaluation log (compare, export); `sampledEvaluations`:
 * the run's own sample of its log, from memory (src/run/log.ts `EvaluationLog.sample`), instead of reading the file.
 */
export function loadRun(
  dir: string,
  opts: {
    readonly evaluations?: boolean;
    readonly sampledEvaluations?: SampledEvaluations;
    readonly written?: WrittenResults;
  } = {},
): LoadedRun {
  checkRunFolder(dir);
  const { meta, pareto } = opts.written ?? readResults(dir);
  checkParetoObjectives(dir, pareto);
  const studyText = readRegularText(join(dir, 'study.yaml'), {
    what: 'study file',
    maxBytes: MAX_INPUT_BYTES,
    code: 'BAD_RUN_DIR',
    fix: DAMAGED,
  });
  const study = parseStudyText(dir, studyText);
  const evPath = opts.evaluations === false || opts.sampledEvaluations ? undefined : runLogFile(dir);
  // the run's own sample when given (read from memory at the run's end)
  const read =
    opts.evaluations === false
      ? null
      : (opts.sampledEvaluations ?? (evPath !== undefined ? readEvaluations(evPath, pareto) : null));
  return {
    dir,
    meta,
    pareto,
    studyText,
    study,
    evaluations: read?.sample ?? null,
    evaluatedCount: read?.evaluated ?? 0,
  };
}
