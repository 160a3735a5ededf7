/**
 * The run folder of `odc run`: a new one (study.yaml copy and a "running" run.json), or an interrupted one
 * reopened by `--resume` — its run.json and checkpoint.json validated (src/run/schemas.ts) before anything
 * is trusted, so a truncated, empty, `null` or foreign file stops with an exit-2 StudyError naming it.
 * One writer at a time: the process writing a run folder holds its `run.lock` (see `acquireRunLock`).
 */
import { checkOutputTarget, freshStampedFolder } from '../base/outputTarget.js';
import { createHash, randomBytes, type Hash } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, lstatSync, openSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { StudyError } from '../base/errors.js';
import { readYaml } from '../base/yaml.js';
import { applySets, namingSetsSync } from '../base/yamlSet.js';
import type { WarmStart } from '../optimize/algorithm.js';
import { loadWarmStart } from './warmStart.js';
import { problemKey } from './problemKey.js';
import { loadDesignWarmStart } from './warmStartDesigns.js';
import type { LpSolver } from '../optimize/lp.js';
import { redactRedisUrl } from './evaluators/redisUrl.js';
import { diskWriteError, errnoOf, lexists, removeStrayTemps, writeAllSync, writeFileAtomic } from './atomic.js';
import { loadStudyProblem, type LoadedStudy } from './problem.js';
import * as z from 'zod';
import { lazy } from '../base/lazy.js';
import {
  checkFormatVersion,
  fieldOf,
  readJsonFile,
  runMetaSchema,
  validatedJson,
  type Checkpoint,
  type RunMeta,
} from './schemas.js';
import { RESUME_FROM_PREVIOUS, resumePoint } from './checkpoint.js';
import { packageVersions, ODC_VERSION } from './versions.js';
import type { LogFormat } from './logColumns.js';
import { DEFAULT_LOG_FORMAT, LOG_FILES, runLogFormat } from './logRead.js';

/** A log format's file names: while the run writes it (partial) and once the run is complete (final). */
export const logFiles = (format: LogFormat): { readonly final: string; readonly partial: string } => LOG_FILES[format];
export const RUN_LOCK = 'run.lock';
/** A multi-seed run's summary in its folder (./multiSeed.ts). */
export const SEEDS_FILE = 'seeds.json';

/** A run folder ready for the generation loop. */
export interface OpenRun {
  readonly runDir: string;
  readonly loaded: LoadedStudy;
  readonly meta: RunMeta;
  /** The last checkpoint when resuming one (undefined for a new run, or one killed before its first checkpoint). */
  readonly checkpoint: Checkpoint | undefined;
  /** With `checkpoint`: sha256 state of the log prefix it vouches for, already checked (the log hashes on from it). */
  readonly logHash?: Hash;
  /** This process's lock on the folder: released when the run ends (complete, interrupted or failed). */
  readonly lock: RunLock;
  /** What the user should know about how the folder was opened (a stale lock taken over, a commit finished). */
  readonly notes: readonly string[];
  /** The evaluation log's format: a new run's choice (odc run --log), a resumed run's from the file it left. */
  readonly logFormat: LogFormat;
  /**
   * The warm start (algorithm.initial) of a run that has not evaluated yet: a new run's, read and checked before the
   * folder was made, or read again for a run resumed before its first checkpoint.
   */
  readonly initial?: WarmStart;
}

export interface RunFolderOptions {
  readonly studyPath?: string | undefined;
  readonly resumeDir?: string | undefined;
  readonly outDir?: string | undefined;
  readonly workers?: number | undefined;
  readonly redis?: { readonly url: string; readonly queue: string } | undefined;
  readonly lpSolver?: LpSolver | undefined;
  /** Replaces the study's `algorithm.seed` (odc run --seed): the run folder's study.yaml records the seed used. */
  readonly seed?: number | undefined;
  /** `key=value` edits of the study (odc run --set, src/base/yamlSet.ts): the run folder's study.yaml records them. */
  readonly sets?: readonly string[] | undefined;
  /** With resumeDir: resume from checkpoint.prev.json (the user's answer to a damaged checkpoint.json). */
  readonly fromPreviousCheckpoint?: boolean | undefined;
  /** A new run's evaluation log format (default CSV). */
  readonly logFormat?: LogFormat | undefined;
}

/** Creates a new run folder (`opts.studyPath`) or reopens an interrupted one (`opts.resumeDir`). */
export function openRunFolder(opts: RunFolderOptions, now: () => Date): OpenRun {
  if (opts.resumeDir !== undefined)
    return resumeRunFolder(opts.resumeDir, opts.lpSolver, opts.fromPreviousCheckpoint === true);
  if (opts.fromPreviousCheckpoint === true)
    throw new StudyError(
      'BAD_ARGUMENT',
      `${RESUME_FROM_PREVIOUS} goes with --resume <run-dir>: it picks the checkpoint a resumed run starts from`,
    );
  if (opts.studyPath === undefined)
    throw new StudyError('BAD_ARGUMENT', 'odc run needs a study file, or --resume <run-dir>');
  return createRunFolder(opts.studyPath, opts, now);
}

/** Longest study-name slug in a default run folder name (file systems allow 255 bytes per name). */
export const SLUG_MAX = 80;

/**
 * A study name as one safe folder name: letters, digits, `.`, `_` and `-` only (runs of anything else become
 * `-`), no leading or trailing dots or dashes (so never `.` or `..`), `study` when nothing is left, and at most
 * SLUG_MAX characters — a longer slug is cut and ends with 8 hex digits of the name's SHA-256, so two long
 * names that share a prefix still get different folders.
 */
export function studySlug(name: string): string {
  const slug = name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[.-]+|[.-]+$/g, '') || 'study';
  if (slug.length <= SLUG_MAX) return slug;
  const hash = createHash('sha256').update(name).digest('hex').slice(0, 8);
  return `${slug.slice(0, SLUG_MAX - 9).replace(/[.-]+$/, '')}-${hash}`;
}

/** results/<study slug>/<UTC stamp>-seed<seed>[-k], the first that does not exist yet. */
export function defaultRunDir(studyName: string, seed: number, now: Date): string {
  return freshStampedFolder((stamp) => join('results', studySlug(studyName), `${stamp}-seed${seed}`), now);
}

/**
 * The study a run runs: the file with its `--set` edits applied, validated (every error names the file, line:column
 * and field, or the edit) before any folder is looked at.
 */
export function loadRunStudy(studyPath: string, sets: readonly string[] = [], lp?: LpSolver): LoadedStudy {
  if (sets.length === 0) return loadStudyProblem(studyPath, lp);
  return namingSetsSync(studyPath, sets, () => loadStudyProblem(applySets(readYaml(studyPath), sets), lp));
}

function createRunFolder(studyPath: string, opts: RunFolderOptions, now: () => Date): OpenRun {
  let loaded = loadRunStudy(studyPath, opts.sets, opts.lpSolver);
  // Checked before anything is written: a warm start that does not fit leaves no run folder behind.
  const key = problemKey(loaded.studyText);
  const warm = warmStartOf(studyPath, loaded, key);
  const seed = opts.seed ?? loaded.algorithm.seed;
  const runDir = opts.outDir ?? defaultRunDir(loaded.name, seed, now());
  checkOutputTarget(runDir, 'folder', [studyPath], {
    folder: { writer: 'odc run', holdsOwnResult: (d) => lexists(join(d, 'run.json')) || lexists(join(d, RUN_LOCK)) },
  });
  // The lock first: a second run into a folder still being written is told who writes it.
  const lock = acquireRunLock(runDir);
  try {
    if (existsSync(join(runDir, 'run.json')))
      throw new StudyError(
        'BAD_RUN_DIR',
        `${runDir} already holds a run; choose another --out folder or resume it with --resume ${runDir}`,
      );
    const stored = join(runDir, 'study.yaml');
    if (seed === loaded.algorithm.seed) writeFileAtomic(stored, loaded.studyText);
    else {
      // The folder's study.yaml is what ran (the --set edits already in its text): the seed is written into it, and
      // the run loads it from there (as a resume does).
      writeFileAtomic(stored, withSeed(loaded.studyText, seed));
      loaded = loadStudyProblem(stored, opts.lpSolver);
    }
    const meta: RunMeta = {
      formatVersion: 1,
      odcVersion: ODC_VERSION,
      status: 'running',
      study: {
        name: loaded.name,
        kind: loaded.kind,
        file: studyPath,
        hash: loaded.hash,
        ...(opts.sets !== undefined && opts.sets.length > 0 ? { sets: [...opts.sets] } : {}),
      },
      algorithm: loaded.algorithm,
      workers: opts.workers ?? 0,
      startedAt: now().toISOString(),
      packageVersions: packageVersions(),
      problemKey: key,
      ...(warm?.summary !== undefined ? { warmStart: warm.summary } : {}),
      ...(opts.redis !== undefined
        ? { distributed: { redis: redactRedisUrl(opts.redis.url), queue: opts.redis.queue } }
        : {}),
    };
    writeFileAtomic(join(runDir, 'run.json'), `${JSON.stringify(meta, null, 2)}\n`);
    const notes = lock.note !== undefined ? [lock.note] : [];
    const initial = warm?.start;
    const logFormat = opts.logFormat ?? DEFAULT_LOG_FORMAT;
    const opened = { runDir, loaded, meta, checkpoint: undefined, lock, notes, logFormat };
    return initial !== undefined ? { ...opened, initial } : opened;
  } catch (e) {
    lock.release();
    throw e;
  }
}

/**
 * The study's warm start (algorithm.initial), with what run.json records of one from a run folder; `studyPath` is the
 * file `from` and `designs` are relative to (the study as the user gave it, also for a resumed run: run.json keeps it);
 * `key` the study's problem key (./problemKey.ts).
 */
function warmStartOf(
  studyPath: string,
  loaded: LoadedStudy,
  key: string,
): { start: WarmStart; summary?: NonNullable<RunMeta['warmStart']> } | undefined {
  const { from, designs } = loaded.algorithm.initial ?? {};
  if (from !== undefined) return loadWarmStart(studyPath, from, loaded.problem, key);
  if (designs !== undefined) return { start: loadDesignWarmStart(studyPath, designs, loaded.problem) };
  return undefined;
}

/** The study text with `algorithm.seed` set (comments and layout kept). */
export function withSeed(studyText: string, seed: number): string {
  const doc = parseDocument(studyText);
  doc.setIn(['algorithm', 'seed'], seed);
  return doc.toString();
}

function resumeRunFolder(runDir: string, lpSolver: LpSolver | undefined, fromPrevious: boolean): OpenRun {
  const metaPath = join(runDir, 'run.json');
  if (!existsSync(metaPath) || !existsSync(join(runDir, 'study.yaml'))) {
    throw new StudyError(
      'BAD_RUN_DIR',
      `${runDir}: not a run folder (no run.json and study.yaml); pass the folder that odc run created, e.g. results/<study>/<run-id>`,
    );
  }
  const lock = acquireRunLock(runDir);
  try {
    const notes = lock.note !== undefined ? [lock.note] : [];
    // the lock is ours: temporary files in the folder are a killed writer's leftovers
    const strays = removeStrayTemps(runDir);
    if (strays.length > 0)
      notes.push(
        `removed ${strays.length} temporary file(s) left by an interrupted write (${strays.slice(0, 3).join(', ')}${strays.length > 3 ? ', …' : ''})`,
      );
    const meta = readRunMeta(metaPath);
    if (meta.status === 'complete')
      throw new StudyError(
        'BAD_RUN_DIR',
        `${runDir}: this run is already complete; nothing to resume (start a new run with odc run <study.yaml>)`,
      );
    const loaded = loadStudyProblem(join(runDir, 'study.yaml'), lpSolver);
    if (meta.study.hash !== loaded.hash) {
      throw new StudyError(
        'INCOMPATIBLE_RUN',
        `${metaPath}: written for another study (study hash ${short(meta.study.hash)}, but study.yaml in this folder hashes to ${short(loaded.hash)}); start a new run`,
        { file: metaPath, field: 'study.hash' },
      );
    }
    // the log's files tell its format (a run killed before its first generation has none: the default)
    const logFormat = runLogFormat(runDir) ?? DEFAULT_LOG_FORMAT;
    const reopened = reopenFinalLog(runDir, logFormat);
    if (reopened !== undefined) notes.push(reopened);
    const point = resumePoint(runDir, loaded.hash, join(runDir, logFiles(logFormat).partial), fromPrevious);
    if (point?.note !== undefined) notes.push(point.note);
    // killed before its first checkpoint: the run starts again, from its warm start as it first did
    const initial =
      point?.checkpoint === undefined
        ? warmStartOf(meta.study.file, loaded, meta.problemKey ?? problemKey(loaded.studyText))?.start
        : undefined;
    return {
      runDir,
      loaded,
      meta,
      ...(initial !== undefined ? { initial } : {}),
      checkpoint: point?.checkpoint,
      ...(point !== undefined ? { logHash: point.logHash } : {}),
      lock,
      notes,
      logFormat,
    };
  } catch (e) {
    lock.release();
    throw e;
  }
}

/**
 * A run stopped inside its final commit (the log already renamed from its .partial name, run.json
 * not yet "complete") is finished by resuming it: the complete log goes back to its partial name — its first
 * `logBytes` bytes are exactly the checkpointed ones, as the log is append-only — and the resumed run redoes
 * the generations after the last checkpoint (deterministically: the same bytes) and commits again.
 */
function reopenFinalLog(runDir: string, format: LogFormat): string | undefined {
  const names = logFiles(format);
  const partial = join(runDir, names.partial);
  const final = join(runDir, names.final);
  if (lexists(partial) || !lexists(final)) return undefined;
  if (lstatSync(final).isSymbolicLink()) {
    throw new StudyError(
      'BAD_RUN_DIR',
      `${final} is a symbolic link; odc does not write through links: remove it and run the command again`,
      { file: final },
    );
  }
  renameSync(final, partial);
  return `the run was stopped while writing its results; finishing it (${names.final} reopened, generations after the last checkpoint redone)`;
}

// ---- the run-folder lock -------------------------------------------------------------------------------

/** run.lock: who writes the folder (the token tells two processes of one pid apart, see takeRunLock). */
const lockHolderSchema = lazy(() =>
  z.object({
    pid: z.number().int(),
    hostname: z.string(),
    startedAt: z.string().exactOptional(),
    token: z.string().exactOptional(),
  }),
);
type LockHolder = z.output<ReturnType<typeof lockHolderSchema>>;

export interface RunLock {
  readonly path: string;
  /** Set when a stale lock (a killed run's) was taken over. */
  readonly note: string | undefined;
  /** Removes run.lock if it is still this lock (idempotent). */
  release(): void;
}

/** Tokens of the locks this process holds (its own report of a run it is finishing is not refused). */
const heldLockTokens = new Set<string>();

/** The holder run.lock at `path` names; undefined when it is missing, unreadable or not a lock. */
export function readLock(path: string): LockHolder | undefined {
  try {
    return lockHolderSchema().safeParse(JSON.parse(readFileSync(path, 'utf8'))).data;
  } catch {
    return undefined;
  }
}

/** Whether process `pid` on this host is alive (EPERM: it exists but belongs to another user). */
function pidAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return errnoOf(e) === 'EPERM';
  }
}

const isStale = (h: LockHolder): boolean => h.hostname === hostname() && !pidAlive(h.pid);

const holderText = (h: LockHolder): string =>
  `odc process ${h.pid} on host ${h.hostname}${h.startedAt !== undefined ? `, since ${h.startedAt}` : ''}`;

function lockedError(runDir: string, path: string, h: LockHolder | undefined): StudyError {
  if (h === undefined) {
    return new StudyError(
      'BAD_RUN_DIR',
      `${runDir} is locked by ${path}, which is not a lock odc can read; if no odc process is writing this folder, delete ${path} and run the command again`,
      { file: path },
    );
  }
  return new StudyError(
    'BAD_RUN_DIR',
    `${runDir} is being written by another run (${holderText(h)}, see ${path}); two runs cannot share a folder: wait for it to finish (then resume or report it), ` +
      `or choose another --out folder${h.hostname !== hostname() ? `; if that process is gone, delete ${path}` : ''}`,
    { file: path },
  );
}

/**
 * Takes the exclusive lock on a run folder: `run.lock`, created with O_EXCL, holding this process's pid, host and
 * a random token. A lock left by a process of this host that has ended (a killed run) is taken over, with a note;
 * any other lock — a live process here, or a process on another host (which cannot be checked) — is a StudyError
 * naming the holder. Two processes taking over the same stale lock at once: each re-reads the lock after
 * creating it, and the one whose token is not there refuses.
 */
export function acquireRunLock(runDir: string): RunLock {
  const path = join(runDir, RUN_LOCK);
  const token = randomBytes(8).toString('hex');
  const me: LockHolder = { pid: process.pid, hostname: hostname(), startedAt: new Date().toISOString(), token };
  let note: string | undefined;
  for (let attempt = 0; attempt < 3; attempt++) {
    let fd: number;
    try {
      fd = openSync(path, 'wx', 0o644);
    } catch (e) {
      if (errnoOf(e) !== 'EEXIST') throw diskWriteError(e, path) ?? e;
      const other = readLock(path);
      if (other === undefined || !isStale(other)) throw lockedError(runDir, path, other);
      if (readLock(path)?.token === other.token) rmSync(path, { force: true });
      note = `took over ${path}, left by ${holderText(other)}, which has ended (a killed or crashed run)`;
      continue;
    }
    try {
      writeAllSync(fd, Buffer.from(`${JSON.stringify(me)}\n`, 'utf8'));
      fsyncSync(fd);
    } catch (e) {
      closeSync(fd);
      rmSync(path, { force: true });
      throw diskWriteError(e, path) ?? e;
    }
    closeSync(fd);
    const now = readLock(path);
    if (now?.token !== token) throw lockedError(runDir, path, now);
    heldLockTokens.add(token);
    return {
      path,
      note,
      release: () => {
        if (!heldLockTokens.delete(token)) return;
        if (readLock(path)?.token === token) rmSync(path, { force: true });
      },
    };
  }
  throw lockedError(runDir, path, readLock(path));
}

/**
 * Who is writing `runDir` now, when another live process holds its run.lock: e.g. "odc process 123 on host h,
 * since …"; undefined when there is no lock, it is this process's own, or it is stale (its process has ended).
 */
export function runLockHolder(runDir: string): string | undefined {
  const path = join(runDir, RUN_LOCK);
  if (!lexists(path)) return undefined;
  const h = readLock(path);
  if (h === undefined) return undefined; // not a lock a live odc writes (those are complete before they count)
  if ((h.token !== undefined && heldLockTokens.has(h.token)) || isStale(h)) return undefined;
  return holderText(h);
}

const short = (hash: string): string => `${hash.slice(0, 12)}…`;

const DAMAGED = 'the run folder is damaged or was not written by odc run: start a new run with odc run <study.yaml>';

/**
 * run.json at `path`, the one reader (resume, reports, the explorer, multi-seed summaries): valid JSON, the fields
 * readers rely on, a formatVersion this odc writes (else naming the odc that wrote it); else BAD_RUN_DIR, `fix`.
 */
export function readRunMeta(path: string, fix = DAMAGED): RunMeta {
  const raw = readJsonFile(path, 'BAD_RUN_DIR', fix);
  const writer = fieldOf(raw, 'odcVersion');
  checkFormatVersion(path, raw, typeof writer === 'string' ? writer : undefined);
  return validatedJson(runMetaSchema(), raw, path, 'BAD_RUN_DIR', fix);
}
