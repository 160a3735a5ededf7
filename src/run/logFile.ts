/** The log file's guards: no writing through a symbolic link, and its bytes hashed without holding them. */
import type { Hash } from 'node:crypto';
import { closeSync, constants, lstatSync, openSync, readSync } from 'node:fs';
import { openRegularFile } from '../base/guardedFile.js';
import { StudyError } from '../base/errors.js';

/** open(2) flags that refuse a symbolic link as the last path component (ELOOP), where the platform has it. */
const NOFOLLOW = constants.O_NOFOLLOW ?? 0;

/** The log is never written (or truncated) through a symbolic link planted in the run folder. */
export function refuseSymlink(path: string): void {
  let link = false;
  try {
    link = lstatSync(path).isSymbolicLink();
  } catch {
    // absent: nothing to refuse
  }
  if (link) throw symlinkError(path);
}

export function openNoFollow(path: string, flags: number): number {
  refuseSymlink(path);
  try {
    return openSync(path, flags | NOFOLLOW, 0o644);
  } catch (e) {
    throw (e as { code?: unknown }).code === 'ELOOP' ? symlinkError(path) : e;
  }
}

const symlinkError = (path: string): StudyError =>
  new StudyError(
    'BAD_RUN_DIR',
    `${path} is a symbolic link; odc does not write through links: remove it (or use another --out folder) and run the command again`,
    { file: path },
  );

/** Feeds a file's bytes to `hash` in 1 MB reads (a log of gigabytes is never held). */
export function hashFile(path: string, hash: Hash): void {
  const { fd } = openRegularFile(path, {
    what: 'run log',
    maxBytes: Number.MAX_SAFE_INTEGER,
    code: 'BAD_RUN_DIR',
    fix: 'the run folder is damaged: run the study again',
  });
  try {
    const buf = Buffer.allocUnsafe(1 << 20);
    for (let n = readSync(fd, buf, 0, buf.length, null); n > 0; n = readSync(fd, buf, 0, buf.length, null))
      hash.update(buf.subarray(0, n));
  } finally {
    closeSync(fd);
  }
}
