/**
 * Where a command writes, checked once before anything is written: an output folder (odc run, compare,
 * uncertainty, sensitivity) is created or must already be a folder odc can write into, and an output file
 * (odc export --out) must be a name in a writable folder. Every way this can fail — a file or device where the
 * folder should be, a symbolic link, a path through a file, a name too long, no permission, a read-only or full
 * disk, a folder no file can be created in (/proc) — is a StudyError naming the path and the fix (exit 2), never
 * an internal error from the first write.
 */
import { closeSync, existsSync, lstatSync, mkdirSync, openSync, rmSync, type Stats } from 'node:fs';
import { dirname, join } from 'node:path';
import { StudyError } from './errors.js';

const lstatOrNull = (path: string): Stats | null => {
  try {
    return lstatSync(path);
  } catch {
    return null;
  }
};

/** One line on why the file system refused, and what to do. */
function refusal(option: string, path: string, e: NodeJS.ErrnoException): StudyError {
  const why: Record<string, string> = {
    ENOTDIR: 'a part of the path is a file, not a folder',
    ENAMETOOLONG: 'the name is too long for the file system (at most 255 bytes per name)',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EROFS: 'the file system is read-only',
    ENOSPC: 'no space left on the device',
    EDQUOT: 'disk quota exceeded',
    ELOOP: 'too many symbolic links',
    ENOENT: 'a part of the path does not exist or cannot hold files',
    EEXIST: 'something else already has that name',
  };
  return new StudyError(
    'BAD_ARGUMENT',
    `${option} ${path}: cannot write there: ${why[e.code ?? ''] ?? e.message}; give another ${option} path`,
    { field: option },
  );
}

/** Creates `dir` (and its parents) or checks an existing one, then proves a file can be created in it. */
export function prepareOutputFolder(dir: string, option = '--out'): void {
  const st = lstatOrNull(dir);
  if (st?.isSymbolicLink()) {
    throw new StudyError(
      'BAD_ARGUMENT',
      `${option} ${dir} is a symbolic link; odc does not write through links: give the folder it points to, or another name`,
      { field: option },
    );
  }
  if (st !== null && !st.isDirectory()) {
    throw new StudyError(
      'BAD_ARGUMENT',
      `${option} ${dir} is a ${st.isFile() ? 'file' : 'device, pipe or socket'}, not a folder: give a folder path (it is created if missing)`,
      { field: option },
    );
  }
  try {
    if (st === null) mkdirSync(dir, { recursive: true });
    const probe = join(dir, `.odc-write-check-${process.pid}`);
    closeSync(openSync(probe, 'wx'));
    rmSync(probe, { force: true });
  } catch (e) {
    throw refusal(option, dir, e as NodeJS.ErrnoException);
  }
}

/** An output file: not a folder or link, in a folder that exists and takes files. */
export function checkOutputFile(path: string, option = '--out'): void {
  const st = lstatOrNull(path);
  if (st?.isDirectory())
    throw new StudyError(
      'BAD_ARGUMENT',
      `${option} ${path} is a folder: give a file name (e.g. ${join(path, 'design.yaml')})`,
      { field: option },
    );
  if (st?.isSymbolicLink())
    throw new StudyError(
      'BAD_ARGUMENT',
      `${option} ${path} is a symbolic link; odc does not write through links: give another name`,
      { field: option },
    );
  if (st !== null && !st.isFile())
    throw new StudyError(
      'BAD_ARGUMENT',
      `${option} ${path} is a device, pipe or socket, not a file: give a file name`,
      { field: option },
    );
  const dir = dirname(path);
  const parent = lstatOrNull(dir);
  if (parent === null || !parent.isDirectory()) {
    throw new StudyError(
      'BAD_ARGUMENT',
      `${option} ${path}: the folder ${dir} ${parent === null ? 'does not exist' : 'is not a folder'}; create it first or give another path`,
      { field: option },
    );
  }
  try {
    // a new name is created once (its length and the folder's permissions both checked); an existing file's folder
    // is probed with a scratch name
    const probe = st === null ? path : join(dir, `.odc-write-check-${process.pid}`);
    closeSync(openSync(probe, 'wx'));
    rmSync(probe, { force: true });
  } catch (e) {
    throw refusal(option, path, e as NodeJS.ErrnoException);
  }
}

/**
 * The default output folder `folder(stamp)` (stamp: `now` in UTC as 20260320-101500Z), or with -2, -3, … appended the
 * first of those that does not exist yet.
 */
export function freshStampedFolder(folder: (stamp: string) => string, now: Date): string {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')
    .replace('T', '-');
  const base = folder(stamp);
  let dir = base;
  for (let k = 2; existsSync(dir); k++) dir = `${base}-${k}`;
  return dir;
}
