/**
 * Checkpoints of a run folder: checkpoint.json (the latest) and checkpoint.prev.json (the one before it),
 * each sealed with a sha256 of its own JSON text and carrying the sha256 of the evaluation-log prefix it
 * vouches for. The log only grows between checkpoints, so the previous checkpoint's shorter prefix stays
 * checkable after a newer one is written.
 *
 * Writing: the current checkpoint is hard-linked (or copied) to a temporary name and renamed over
 * checkpoint.prev.json, then the new one is written atomically over checkpoint.json: at every instant
 * checkpoint.json holds a whole checkpoint, and a kill between the two steps leaves two equal files.
 *
 * Resuming: both files and both log prefixes are checked in one pass over the log. A damaged current
 * checkpoint (or a log prefix that differs from what it vouches for) stops the resume with exit 2, naming the
 * file and saying whether the previous one verifies; `--from-previous-checkpoint` resumes from the previous one
 * on the user's word only. A resume is deterministic, so the previous checkpoint gives the same run, byte for
 * byte, with the generations after it evaluated again.
 */
import { createHash, randomBytes, type Hash } from 'node:crypto';
import {
  closeSync,
  copyFileSync,
  linkSync,
  lstatSync,
  openSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
} from 'node:fs';
import { join } from 'node:path';
import { StudyError } from '../base/errors.js';
import { errnoOf, lexists, writeFileAtomic } from './atomic.js';
import { checkpointSchema, readJsonFile, validatedJson, type Checkpoint, type SealedCheckpoint } from './schemas.js';

export const CHECKPOINT = 'checkpoint.json';
export const CHECKPOINT_PREVIOUS = 'checkpoint.prev.json';
/** Where a damaged checkpoint.json is set aside when the run resumes from the previous one. */
export const CHECKPOINT_SET_ASIDE = 'checkpoint.damaged.json';
export const RESUME_FROM_PREVIOUS = '--from-previous-checkpoint';

/** sha256 (hex) of the checkpoint's JSON text: JSON.parse then JSON.stringify gives the same text back. */
function checkpointChecksum(cp: Checkpoint): string {
  return createHash('sha256').update(JSON.stringify(cp)).digest('hex');
}

/** Keeps the current checkpoint as the previous one, then writes `cp` as the current one (see the header). */
export function writeCheckpoint(runDir: string, cp: Checkpoint): void {
  const current = join(runDir, CHECKPOINT);
  if (lexists(current) && lstatSync(current).isFile()) keepAsPrevious(current, join(runDir, CHECKPOINT_PREVIOUS));
  const sealed: SealedCheckpoint = { ...cp, checksum: checkpointChecksum(cp) };
  writeFileAtomic(current, JSON.stringify(sealed));
}

/**
 * `current` under the name `previous`, replaced in one rename: a hard link when the file system has them (no
 * bytes copied), else a copy. The temporary name is the atomic writer's, so a killed run's leftover is removed
 * on resume; the folder is synced by the atomic write of the new checkpoint that follows.
 */
function keepAsPrevious(current: string, previous: string): void {
  const tmp = `${previous}.tmp-${randomBytes(6).toString('hex')}`;
  try {
    try {
      linkSync(current, tmp);
    } catch (e) {
      if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'EXDEV', 'EMLINK', 'ENOSYS'].includes(errnoOf(e) ?? '')) throw e;
      copyFileSync(current, tmp);
    }
    renameSync(tmp, previous);
  } catch (e) {
    rmSync(tmp, { force: true });
    // the new checkpoint still goes to checkpoint.json; a folder that refuses this write refuses that one too
    if (errnoOf(e) === undefined) throw e;
  }
}

/** One checkpoint file, read and checked on its own (without the log). */
type FileCheck = { readonly ok: true; readonly cp: Checkpoint } | { readonly ok: false; readonly error: StudyError };

const DAMAGED = 'the run folder is damaged or was not written by odc run';

function checkFile(path: string, studyHash: string, runDir: string): FileCheck {
  try {
    if (!lexists(path)) throw new StudyError('BAD_RUN_DIR', `${path}: missing`, { file: path });
    const raw = readJsonFile(path, 'BAD_RUN_DIR', DAMAGED);
    const { checksum, ...cp } = validatedJson(checkpointSchema(), raw, path, 'BAD_RUN_DIR', DAMAGED);
    // The checksum covers every field (log length, RNG state, population): a checkpoint changed after odc wrote it
    // would resume into a different run, or one with rows missing.
    if (checkpointChecksum(cp) !== checksum) {
      throw new StudyError(
        'BAD_RUN_DIR',
        `${path}: fails its checksum (it was changed after odc wrote it, or damaged)`,
        { file: path, field: 'checksum' },
      );
    }
    if (cp.studyHash !== studyHash) {
      throw new StudyError(
        'INCOMPATIBLE_RUN',
        `${path}: written for another study (study hash ${short(cp.studyHash)}, but study.yaml in ${runDir} hashes to ${short(studyHash)})`,
        { file: path, field: 'studyHash' },
      );
    }
    return { ok: true, cp };
  } catch (e) {
    if (e instanceof StudyError) return { ok: false, error: e };
    throw e;
  }
}

const short = (hash: string): string => `${hash.slice(0, 12)}…`;

/**
 * sha256 states of the log's first `lengths[i]` bytes, in one pass of 1 MB reads (a log of gigabytes is never
 * held); a length past the end of the file gets undefined.
 */
function prefixHashes(path: string, lengths: readonly number[]): Map<number, Hash> {
  const out = new Map<number, Hash>();
  const wanted = [...new Set(lengths)].sort((a, b) => a - b);
  if (wanted.length === 0) return out;
  let fd: number;
  try {
    if (!lstatSync(path).isFile()) return out;
    fd = openSync(path, 'r');
  } catch {
    return out;
  }
  const hash = createHash('sha256');
  try {
    const buf = Buffer.allocUnsafe(1 << 20);
    let at = 0;
    for (const end of wanted) {
      while (at < end) {
        const n = readSync(fd, buf, 0, Math.min(buf.length, end - at), at);
        if (n <= 0) return out;
        hash.update(buf.subarray(0, n));
        at += n;
      }
      out.set(end, hash.copy());
    }
    return out;
  } finally {
    closeSync(fd);
  }
}

/** Whether the log prefix `cp` vouches for is there and hashes to its logSha256; the error says what differs. */
function checkLog(cp: Checkpoint, cpPath: string, logPath: string, hashes: Map<number, Hash>): StudyError | undefined {
  const h = hashes.get(cp.logBytes);
  if (h === undefined) {
    let size = -1;
    try {
      const st = lstatSync(logPath);
      if (st.isSymbolicLink()) {
        return new StudyError(
          'BAD_RUN_DIR',
          `${logPath} is a symbolic link; odc does not read or write through links: put the log odc wrote back in its place`,
          { file: logPath },
        );
      }
      size = st.isFile() ? st.size : -2;
    } catch {
      // missing
    }
    const what = size === -1 ? 'is missing' : size === -2 ? 'is not a regular file' : `holds only ${size}`;
    return new StudyError('BAD_RUN_DIR', `${cpPath}: refers to ${cp.logBytes} bytes of ${logPath}, which ${what}`, {
      file: cpPath,
      field: 'logBytes',
    });
  }
  if (h.copy().digest('hex') !== cp.logSha256) {
    return new StudyError(
      'BAD_RUN_DIR',
      `${logPath}: its first ${cp.logBytes} bytes are not the ones ${cpPath.endsWith(CHECKPOINT_PREVIOUS) ? CHECKPOINT_PREVIOUS : CHECKPOINT} vouches for (sha256 differs: edited or damaged after the checkpoint)`,
      { file: logPath },
    );
  }
  return undefined;
}

/** The checkpoint a resume starts from, and the log's hash state after the prefix it vouches for. */
export interface ResumePoint {
  readonly checkpoint: Checkpoint;
  /** sha256 state of the log prefix, already checked against the checkpoint (the log goes on hashing from it). */
  readonly logHash: Hash;
  /** Said to the user when the run resumes from the previous checkpoint. */
  readonly note?: string;
}

/** The current checkpoint does not verify: its error, with what to do next (the previous one, or a new run). */
function damagedCurrentError(
  curError: StudyError,
  runDir: string,
  prevPath: string,
  prev: FileCheck | undefined,
  prevError: StudyError | undefined,
  prevOk: Extract<FileCheck, { ok: true }> | undefined,
): StudyError {
  const advice =
    prevOk !== undefined
      ? `the previous checkpoint ${prevPath} verifies (generation ${prevOk.cp.generation}, ${prevOk.cp.evaluations} evaluations): ` +
        `continue from it with odc run --resume ${runDir} ${RESUME_FROM_PREVIOUS} (the generations after it are evaluated again; the result is the ` +
        'same as an uninterrupted run), or start a new run with odc run <study.yaml>'
      : `${prev === undefined ? 'there is no previous checkpoint' : `the previous checkpoint does not verify either (${prevError?.message ?? (prev.ok ? '' : prev.error.message)})`}; ` +
        `${DAMAGED}: start a new run with odc run <study.yaml>`;
  return new StudyError(curError.code, `${curError.message}; ${advice}`, {
    ...(curError.file !== undefined ? { file: curError.file } : {}),
    ...(curError.field !== undefined ? { field: curError.field } : {}),
  });
}

/**
 * Makes the folder consistent before the run goes on: the current checkpoint set aside, the previous one copied over
 * it (the next checkpoint rotates this copy into the previous slot). Returns why the current one was replaced.
 */
function restorePrevious(
  runDir: string,
  curPath: string,
  prevPath: string,
  hasCur: boolean,
  curError: StudyError | undefined,
): string {
  const text = readFileSync(prevPath);
  const aside = join(runDir, CHECKPOINT_SET_ASIDE);
  if (hasCur) {
    rmSync(aside, { recursive: true, force: true });
    renameSync(curPath, aside);
  }
  writeFileAtomic(curPath, text);
  return curError === undefined ? 'on request' : `set aside as ${aside}: ${curError.message}`;
}

/**
 * The checkpoint to resume `runDir` from: the current one when it and its log prefix verify, the previous one
 * when `fromPrevious` (the damaged current one is set aside as checkpoint.damaged.json and the previous one copied
 * over it, so the folder is consistent again), undefined when the run never wrote one. Anything else is an exit-2
 * StudyError naming the file, whether the previous checkpoint verifies, and the command to use.
 */
export function resumePoint(
  runDir: string,
  studyHash: string,
  logPath: string,
  fromPrevious: boolean,
): ResumePoint | undefined {
  const curPath = join(runDir, CHECKPOINT);
  const prevPath = join(runDir, CHECKPOINT_PREVIOUS);
  const hasCur = lexists(curPath);
  const hasPrev = lexists(prevPath);
  if (!hasCur && !hasPrev) {
    if (fromPrevious)
      throw new StudyError(
        'BAD_ARGUMENT',
        `${RESUME_FROM_PREVIOUS}: ${runDir} holds no checkpoint (the run stopped before its first); resume without it`,
      );
    return undefined;
  }
  const cur = hasCur ? checkFile(curPath, studyHash, runDir) : undefined;
  const prev = hasPrev ? checkFile(prevPath, studyHash, runDir) : undefined;
  const hashes = prefixHashes(
    logPath,
    [cur, prev].flatMap((c) => (c?.ok ? [c.cp.logBytes] : [])),
  );
  const curError =
    cur === undefined
      ? new StudyError('BAD_RUN_DIR', `${curPath}: missing, while ${CHECKPOINT_PREVIOUS} is there (removed by hand?)`, {
          file: curPath,
        })
      : cur.ok
        ? checkLog(cur.cp, curPath, logPath, hashes)
        : cur.error;
  const prevError =
    prev === undefined ? undefined : prev.ok ? checkLog(prev.cp, prevPath, logPath, hashes) : prev.error;
  const prevOk = prev?.ok === true && prevError === undefined ? prev : undefined;

  if (!fromPrevious) {
    if (curError === undefined && cur?.ok === true)
      return { checkpoint: cur.cp, logHash: hashes.get(cur.cp.logBytes)! };
    throw damagedCurrentError(curError!, runDir, prevPath, prev, prevError, prevOk);
  }
  if (prevOk === undefined) {
    const why =
      prev === undefined
        ? `${prevPath}: missing (a run keeps one once it has written two checkpoints)`
        : (prevError ?? (prev.ok ? undefined : prev.error))!.message;
    throw new StudyError(
      'BAD_RUN_DIR',
      `${RESUME_FROM_PREVIOUS}: ${why}; the run cannot resume from it: start a new run with odc run <study.yaml>`,
      { file: prevPath },
    );
  }
  const reason = restorePrevious(runDir, curPath, prevPath, hasCur, curError);
  return {
    checkpoint: prevOk.cp,
    logHash: hashes.get(prevOk.cp.logBytes)!,
    note: `resumed from the previous checkpoint (generation ${prevOk.cp.generation}); the current one was ${reason}`,
  };
}
