/**
 * The one way odc opens a file it reads: run files (run.json, pareto.json, checkpoints, evaluations.csv, notes.json,
 * study.yaml) and input files (designs, studies, catalogs). Only a regular file is opened, and its size is known
 * before a byte is read:
 * - lstat first: a folder, FIFO, socket or device (/dev/zero) is refused unread; in a run folder a symbolic link is
 *   refused too (odc never writes one there, so a link was planted: it could point at /etc/passwd or a FIFO);
 * - open(2) with O_NOFOLLOW (run files) and O_NONBLOCK, so a FIFO swapped in after the lstat cannot block the open,
 *   then fstat on the open descriptor: what is read is what was checked;
 * - the size checked against the caller's cap before reading, and no more than that size read (a file that grows
 *   while read is read to the size it had when opened).
 * Reads are synchronous reads of a regular file, so they end: the refusal of FIFOs and devices is what stands in for
 * a deadline (a read of a local regular file cannot wait on another process). Errors are StudyErrors naming the file
 * and what to do (exit 2 on the CLI, a 4xx JSON error on the server).
 * Every file opened is remembered by device and inode (`filesRead`): the command's one input set, which the output
 * guard (./outputTarget.ts) refuses as a target under any spelling, whichever loader opened it.
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, type Stats } from 'node:fs';
import { StudyError, type StudyErrorCode } from './errors.js';

export interface FileGuard {
  /** What the file is, for messages: "design file", "notes file", "run log". */
  readonly what: string;
  /** Largest size read [bytes]. */
  readonly maxBytes: number;
  /** Error code of a refusal (default FILE_NOT_FOUND for a missing file, OUT_OF_RANGE for an oversized one). */
  readonly code?: StudyErrorCode;
  /** What to do, appended to every message. */
  readonly fix: string;
  /** Follow a symbolic link to a regular file (input files a user may link); run files refuse links. */
  readonly followLinks?: boolean;
  /** Read to decide whether an output folder may be written (an earlier result's summary): not an input. */
  readonly probe?: boolean;
}

/** A file this command opened: the path as given and what fstat saw. */
export interface FileRead {
  readonly path: string;
  readonly dev: number;
  readonly ino: number;
}

/**
 * Process-wide, one map for every copy of this module: the CLI's chunks each bundle their own copy
 * (esbuild.config.mjs), and the command line clears the set its command's chunk fills.
 */
const inputs: Map<string, FileRead> = ((globalThis as Record<symbol, unknown>)[Symbol.for('odc.filesRead')] ??= new Map<
  string,
  FileRead
>()) as Map<string, FileRead>;

/** The files opened since the command began (`forgetFilesRead`), each once. */
export const filesRead = (): readonly FileRead[] => [...inputs.values()];

/** Starts a command's input set afresh (the CLI calls it once per command; a test process runs many). */
export function forgetFilesRead(): void {
  inputs.clear();
}

const NOFOLLOW = constants.O_NOFOLLOW ?? 0;
const NONBLOCK = constants.O_NONBLOCK ?? 0;

function kindOf(st: Stats): string {
  if (st.isSymbolicLink()) return 'a symbolic link';
  if (st.isDirectory()) return 'a folder';
  if (st.isFIFO()) return 'a pipe (FIFO)';
  if (st.isSocket()) return 'a socket';
  return 'a device';
}

const sizeText = (bytes: number): string =>
  bytes >= 2 ** 20 ? `${(bytes / 2 ** 20).toLocaleString('en-US')} MB` : `${bytes.toLocaleString('en-US')} bytes`;

function refuse(path: string, guard: FileGuard, code: StudyErrorCode, why: string): never {
  throw new StudyError(guard.code ?? code, `${path}: ${why}; ${guard.fix}`, { file: path });
}

/** An open descriptor of the regular file at `path` and its size; the caller closes it. */
export function openRegularFile(path: string, guard: FileGuard): { fd: number; size: number } {
  let st: Stats;
  try {
    st = lstatSync(path);
  } catch {
    return refuse(path, guard, 'FILE_NOT_FOUND', 'file not found');
  }
  const linkAllowed = guard.followLinks === true && st.isSymbolicLink();
  if (!st.isFile() && !linkAllowed)
    refuse(
      path,
      guard,
      'FILE_NOT_FOUND',
      `is ${kindOf(st)}, not a regular file: odc reads a ${guard.what} only from a regular file`,
    );
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | NONBLOCK | (guard.followLinks === true ? 0 : NOFOLLOW));
  } catch (e) {
    return refuse(path, guard, 'FILE_NOT_FOUND', `cannot be opened (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const opened = fstatSync(fd);
  if (!opened.isFile()) {
    closeSync(fd);
    refuse(
      path,
      guard,
      'FILE_NOT_FOUND',
      `is ${kindOf(opened)}, not a regular file: odc reads a ${guard.what} only from a regular file`,
    );
  }
  const key = `${opened.dev}:${opened.ino}`;
  if (guard.probe !== true && !inputs.has(key)) inputs.set(key, { path, dev: opened.dev, ino: opened.ino });
  if (opened.size > guard.maxBytes) {
    closeSync(fd);
    refuse(
      path,
      guard,
      'OUT_OF_RANGE',
      `${opened.size} bytes, larger than ${sizeText(guard.maxBytes)}, the limit for a ${guard.what}`,
    );
  }
  return { fd, size: opened.size };
}

/**
 * The regular file at `path` (see the header), as many bytes as fstat saw (at most `guard.maxBytes`): a file that
 * grows while read, such as a running run's log, is read to the size it had when opened.
 */
export function readRegularFile(path: string, guard: FileGuard): Buffer {
  const { fd, size } = openRegularFile(path, guard);
  try {
    const buf = Buffer.allocUnsafe(size);
    let n = 0;
    while (n < size) {
      const k = readSync(fd, buf, n, size - n, n);
      if (k === 0) break;
      n += k;
    }
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

/** The regular file at `path` as UTF-8 text (see readRegularFile). */
export function readRegularText(path: string, guard: FileGuard): string {
  return readRegularFile(path, guard).toString('utf8');
}
