/**
 * Where a command writes, checked once before anything is written: an output folder (odc run, compare,
 * uncertainty, sensitivity) is created or must already be a folder odc can write into, and an output file
 * (odc export --out) must be a name in a writable folder. Every way this can fail — a file or device where the
 * folder should be, a symbolic link, a path through a file, a name too long, no permission, a read-only or full
 * disk, a folder no file can be created in, a path into the kernel's /proc, /sys or /dev, a symbolic-link loop —
 * is a StudyError naming the path and the fix (exit 2), never an internal error from the first write nor a hang:
 * folders are created one level at a time (Node's recursive mkdir retries for ever where /proc answers ENOENT).
 * Nor may a target be what the command reads, or a file an odc result folder keeps (`checkOutputTarget`): the same file
 * by inode (so a link, a hard link, `./o/../o/pareto.json` or a relative path all count), a folder that is one of the
 * inputs, an input a folder writer would overwrite, or a name of RESULT_FILE in a folder that holds an odc result.
 */
import {
  closeSync,
  existsSync,
  lstatSync,
  mkdirSync,
  openSync,
  realpathSync,
  rmSync,
  statSync,
  type Stats,
} from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { StudyError, WRITE_LIMITS } from './errors.js';

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
    ...WRITE_LIMITS,
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

/** Kernel file systems: they hold no user files, and writing or creating folders there misbehaves. */
const SPECIAL_ROOTS = ['/proc', '/sys', '/dev'];

/**
 * The folders of `dir` that do not exist yet, outermost first, and the real path (links resolved) of its nearest
 * existing ancestor; a link loop there is a StudyError (ELOOP).
 */
function missingFolders(dir: string, option: string): { missing: string[]; nearest: string; existing: string } {
  const missing: string[] = [];
  let d = resolve(dir);
  // bounded by the path's own depth: dirname of the root is the root
  while (lstatOrNull(d) === null && dirname(d) !== d) {
    missing.push(d);
    d = dirname(d);
  }
  let existing: string;
  try {
    existing = realpathSync(d);
  } catch (e) {
    throw refusal(option, dir, e as NodeJS.ErrnoException);
  }
  return { missing: missing.reverse(), nearest: d, existing };
}

function refuseSpecial(option: string, dir: string, nearest: string, real: string): void {
  const root = SPECIAL_ROOTS.find((r) => real === r || real.startsWith(r + sep));
  if (root !== undefined)
    throw new StudyError(
      'BAD_ARGUMENT',
      `${option} ${dir} is in ${root}${real !== nearest ? ` (through a link, to ${real})` : ''}, a kernel file system that holds no results: give a folder on a disk`,
      { field: option },
    );
}

/** One folder, whose parent exists; one made meanwhile by another process is fine. */
function makeFolder(path: string): void {
  try {
    mkdirSync(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || !lstatSync(path).isDirectory()) throw e;
  }
}

/** Creates `dir` (and its parents) or checks an existing one, then proves a file can be created in it. */
function prepareOutputFolder(dir: string, option = '--out'): void {
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
  const { missing, nearest, existing } = missingFolders(dir, option);
  refuseSpecial(option, dir, nearest, existing);
  try {
    for (const m of missing) makeFolder(m);
    const probe = join(dir, `.odc-write-check-${process.pid}`);
    closeSync(openSync(probe, 'wx'));
    rmSync(probe, { force: true });
  } catch (e) {
    throw refusal(option, dir, e as NodeJS.ErrnoException);
  }
}

/** An output file: not a folder or link, in a folder that exists and takes files. */
function checkOutputFile(path: string, option = '--out'): void {
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
 * The names odc writes into its result folders (a run, a multi-seed run, an uncertainty or sensitivity result, a
 * comparison), with the atomic writer's temporary names; test/base/outputTarget.test.ts checks every file of real
 * result folders against it.
 */
export const RESULT_FILE =
  /^(run\.json|run\.lock|study\.yaml|pareto\.(json|csv)|evaluations\.csv(\.partial)?|checkpoint(\.prev|\.damaged)?\.json|notes\.json|seeds\.json|summary\.json|samples\.csv|(report|compare)\.(html|md)|[^/]+\.svg|seed-\d+)(\.tmp-[0-9a-f]{12})?$/;

/** Files only an odc result folder holds: a folder with one of them is one. */
const RESULT_MARKERS = [
  'run.json',
  'run.lock',
  'pareto.json',
  'checkpoint.json',
  'evaluations.csv.partial',
  'seeds.json',
  'summary.json',
  'compare.html',
];

const statOrNull = (path: string): Stats | null => {
  try {
    return statSync(path);
  } catch {
    return null;
  }
};
const realOrNull = (path: string): string | null => {
  try {
    return realpathSync(path);
  } catch {
    return null;
  }
};
const sameFile = (a: Stats, b: Stats): boolean => a.dev === b.dev && a.ino === b.ino;

/** Refuses a target that is an input, or a file of an odc result folder (see the header). */
function refuseOwnTarget(path: string, kind: 'file' | 'folder', inputs: readonly string[], option: string): void {
  const refuse = (why: string): never => {
    throw new StudyError('BAD_ARGUMENT', `${option} ${path} ${why}`, { field: option });
  };
  const target = statOrNull(path);
  const realTarget = kind === 'folder' ? realOrNull(path) : null;
  for (const input of inputs) {
    const st = statOrNull(input);
    if (st === null) continue;
    if (target !== null && sameFile(st, target))
      refuse(
        kind === 'file'
          ? `is ${input}, which this command reads: writing it would replace its own input; give another file name`
          : `is ${input}, which this command reads: odc does not write its results into its own input; give another folder`,
      );
    if (
      realTarget !== null &&
      st.isFile() &&
      realOrNull(dirname(input)) === realTarget &&
      RESULT_FILE.test(basename(input))
    )
      refuse(`holds ${input}, which this command reads and would overwrite there; give another folder`);
  }
  if (kind === 'file') {
    const folder = realOrNull(dirname(path));
    const name = basename(path);
    if (folder !== null && RESULT_FILE.test(name) && RESULT_MARKERS.some((m) => existsSync(join(folder, m))))
      refuse(
        `is the ${name} of the odc result folder ${dirname(path)}, which odc keeps there (replacing it damages the folder); give a file outside the folder, or another name`,
      );
  }
}

/**
 * Checks where a command writes, before anything is written (see the header): a `file` target (`--out` of odc export)
 * or a `folder` it creates if missing (odc run, compare, uncertainty, sensitivity); `inputs` are every file and folder
 * the command reads, none of which the target may be or overwrite. Every writer calls this one check.
 */
export function checkOutputTarget(
  path: string,
  kind: 'file' | 'folder',
  inputs: readonly string[],
  option = '--out',
): void {
  if (kind === 'file') checkOutputFile(path, option);
  refuseOwnTarget(path, kind, inputs, option);
  if (kind === 'folder') prepareOutputFolder(path, option);
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
