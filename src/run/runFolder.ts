/**
 * The run folder of `odc run`: a new one (study.yaml copy and a "running" run.json), or an interrupted one
 * reopened by `--resume` — its run.json and checkpoint.json validated (src/run/schemas.ts) before anything
 * is trusted, so a truncated, empty, `null` or foreign file stops with an exit-2 StudyError naming it.
 */
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { StudyError } from '../core/errors.js';
import type { AlgorithmSnapshot } from '../problem/algorithm.js';
import type { LpSolver } from '../problem/lp.js';
import { redactRedisUrl } from '../parallel/redisConnection.js';
import { writeFileAtomic } from './atomic.js';
import type { Normalization } from './history.js';
import { loadStudyProblem, type LoadedStudy } from './problem.js';
import type { RunMeta } from './results.js';
import { checkpointSchema, readJsonFile, RUN_FORMAT_VERSION, runMetaSchema, validatedJson } from './schemas.js';
import { packageVersions, ODC_VERSION } from './versions.js';

export interface Checkpoint {
  readonly formatVersion: 1;
  readonly studyHash: string;
  readonly generation: number;
  readonly evaluations: number;
  readonly logBytes: number;
  /** Hypervolume per generation on the current front's normalization (the stagnation rule reads it). */
  readonly liveHypervolume: readonly number[];
  /** Fixed normalization of the progress display's hypervolume, once the run has a feasible front. */
  readonly liveNormalization?: Normalization;
  readonly elapsed_s: number;
  readonly snapshot: AlgorithmSnapshot;
}

export const CHECKPOINT = 'checkpoint.json';
export const LOG_PARTIAL = 'evaluations.csv.partial';

/** A run folder ready for the generation loop. */
export interface OpenRun {
  readonly runDir: string;
  readonly loaded: LoadedStudy;
  readonly meta: RunMeta;
  /** The last checkpoint when resuming one (undefined for a new run, or one killed before its first checkpoint). */
  readonly checkpoint: Checkpoint | undefined;
}

export interface RunFolderOptions {
  readonly studyPath?: string | undefined;
  readonly resumeDir?: string | undefined;
  readonly outDir?: string | undefined;
  readonly workers?: number | undefined;
  readonly redis?: { readonly url: string; readonly queue: string } | undefined;
  readonly lpSolver?: LpSolver | undefined;
}

/** Creates a new run folder (`opts.studyPath`) or reopens an interrupted one (`opts.resumeDir`). */
export function openRunFolder(opts: RunFolderOptions, now: () => Date): OpenRun {
  if (opts.resumeDir !== undefined) return resumeRunFolder(opts.resumeDir, opts.lpSolver);
  if (opts.studyPath === undefined) throw new StudyError('BAD_ARGUMENT', 'odc run needs a study file, or --resume <run-dir>');
  return createRunFolder(opts.studyPath, opts, now);
}

function defaultRunDir(loaded: LoadedStudy, now: Date): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z').replace('T', '-');
  const base = join('results', loaded.name.replace(/[^A-Za-z0-9._-]+/g, '-'), `${stamp}-seed${loaded.algorithm.seed}`);
  let dir = base;
  for (let k = 2; existsSync(dir); k++) dir = `${base}-${k}`;
  return dir;
}

function createRunFolder(studyPath: string, opts: RunFolderOptions, now: () => Date): OpenRun {
  const loaded = loadStudyProblem(studyPath, opts.lpSolver);
  const runDir = opts.outDir ?? defaultRunDir(loaded, now());
  if (existsSync(join(runDir, 'run.json'))) throw new StudyError('BAD_RUN_DIR', `${runDir} already holds a run; choose another --out folder or resume it with --resume ${runDir}`);
  mkdirSync(runDir, { recursive: true });
  writeFileAtomic(join(runDir, 'study.yaml'), loaded.studyText);
  const meta: RunMeta = {
    formatVersion: 1, odcVersion: ODC_VERSION, status: 'running', study: { name: loaded.name, kind: loaded.kind, file: studyPath, hash: loaded.hash },
    algorithm: loaded.algorithm, workers: opts.workers ?? 0, startedAt: now().toISOString(), packageVersions: packageVersions(),
    ...(opts.redis !== undefined ? { distributed: { redis: redactRedisUrl(opts.redis.url), queue: opts.redis.queue } } : {}),
  };
  writeFileAtomic(join(runDir, 'run.json'), `${JSON.stringify(meta, null, 2)}\n`);
  return { runDir, loaded, meta, checkpoint: undefined };
}

function resumeRunFolder(runDir: string, lpSolver: LpSolver | undefined): OpenRun {
  const metaPath = join(runDir, 'run.json');
  if (!existsSync(metaPath) || !existsSync(join(runDir, 'study.yaml'))) {
    throw new StudyError('BAD_RUN_DIR', `${runDir}: not a run folder (no run.json and study.yaml); pass the folder that odc run created, e.g. results/<study>/<run-id>`);
  }
  const meta = readRunMeta(metaPath);
  if (meta.status === 'complete') throw new StudyError('BAD_RUN_DIR', `${runDir}: this run is already complete; nothing to resume (start a new run with odc run <study.yaml>)`);
  const loaded = loadStudyProblem(join(runDir, 'study.yaml'), lpSolver);
  if (meta.study.hash !== loaded.hash) {
    throw new StudyError('INCOMPATIBLE_RUN', `${metaPath}: written for another study (study hash ${short(meta.study.hash)}, but study.yaml in this folder hashes to ${short(loaded.hash)}); start a new run`, { file: metaPath, field: 'study.hash' });
  }
  const cpPath = join(runDir, CHECKPOINT);
  const checkpoint = existsSync(cpPath) ? readCheckpoint(cpPath, runDir, loaded.hash) : undefined;
  return { runDir, loaded, meta, checkpoint };
}

const short = (hash: string): string => `${hash.slice(0, 12)}…`;

const DAMAGED = 'the run folder is damaged or was not written by odc run: start a new run with odc run <study.yaml>';

/** run.json of a run to resume: valid JSON, the fields the driver relies on, a formatVersion this odc writes. */
function readRunMeta(path: string): RunMeta {
  const raw = readJsonFile(path, 'BAD_RUN_DIR', DAMAGED);
  const v = (raw as { formatVersion?: unknown } | null)?.formatVersion;
  if (typeof v === 'number' && v !== RUN_FORMAT_VERSION) {
    throw new StudyError('INCOMPATIBLE_RUN', `${path}: formatVersion ${JSON.stringify(v)} is not supported (odc ${ODC_VERSION} resumes runs of formatVersion ${RUN_FORMAT_VERSION}); start a new run`, { file: path, field: 'formatVersion' });
  }
  return validatedJson<RunMeta>(runMetaSchema, raw, path, 'BAD_RUN_DIR', DAMAGED);
}

/** checkpoint.json: valid JSON and schema, written for this study, and its log offset within the partial log. */
function readCheckpoint(path: string, runDir: string, studyHash: string): Checkpoint {
  const cp = validatedJson<Checkpoint>(checkpointSchema, readJsonFile(path, 'BAD_RUN_DIR', DAMAGED), path, 'BAD_RUN_DIR', DAMAGED);
  if (cp.studyHash !== studyHash) {
    throw new StudyError('INCOMPATIBLE_RUN', `${path}: written for another study (study hash ${short(cp.studyHash)}, but study.yaml in ${runDir} hashes to ${short(studyHash)}); start a new run`, { file: path, field: 'studyHash' });
  }
  const logPath = join(runDir, LOG_PARTIAL);
  const size = existsSync(logPath) ? statSync(logPath).size : -1;
  if (size < cp.logBytes) {
    throw new StudyError('BAD_RUN_DIR', `${path}: refers to ${cp.logBytes} bytes of ${logPath}, which ${size < 0 ? 'is missing' : `holds only ${size}`}; ${DAMAGED}`, { file: path, field: 'logBytes' });
  }
  return cp;
}

export function writeCheckpoint(runDir: string, cp: Checkpoint): void {
  writeFileAtomic(join(runDir, CHECKPOINT), JSON.stringify(cp));
}
