/**
 * Where a command writes, checked once before anything is written: an output folder (odc run, compare,
 * uncertainty, sensitivity, a folder export) is created or must already be a folder odc can write into, and an output
 * file (odc export --out) must be a name in a writable folder. Every way this can fail — a file or device where the
 * folder should be, a dangling link, a path through a file, a name too long, no permission, a read-only or full
 * disk, a folder no file can be created in, a path into the kernel's /proc, /sys or /dev, a symbolic-link loop —
 * is a StudyError naming the path and the fix (exit 2), never an internal error from the first write nor a hang:
 * folders are created one level at a time (Node's recursive mkdir retries for ever where /proc answers ENOENT).
 * A folder reached through a symbolic link is a folder (stat, not lstat); an output file that is itself a link is not.
 * Nor may a target be what the command reads, or a file an odc result folder keeps (`checkOutputTarget`): the inputs
 * are the ones named plus every file the command's loaders opened (guardedFile.ts `filesRead`), compared by device
 * and inode (so a link, a hard link, `./o/../o/pareto.json` or a relative path all count). One rule for every folder
 * writer: an existing folder that is not empty must hold an earlier result of this writer (`FolderRule`), so no file
 * of the user's is replaced. Folders made for a command that then fails are removed again (`removeMadeFolders`).
 */
import {
  closeSync,
  existsSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  realpathSync,
  rmdirSync,
  rmSync,
  statSync,
  type Stats,
} from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { StudyError, WRITE_LIMITS } from './errors.js';
import { filesRead } from './guardedFile.js';

const lstatOrNull = (path: string): Stats | null => {
  try {
    return lstatSync(path);
  } catch {
    return null;
  }
};

const statOrNull = (path: string): Stats | null => {
  try {
    return statSync(path);
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

/** The folders this command made, outermost first: removed again, when still empty, if the command fails. */
const madeFolders: string[] = ((globalThis as Record<symbol, unknown>)[Symbol.for('odc.madeFolders')] ??=
  []) as string[]; // one list for every bundled copy of this module, as guardedFile.ts's input set

/**
 * Removes the folders made for this command's output that are still empty, innermost first (rmdir refuses a folder
 * with anything in it, so nothing written is lost): a refused or failed command leaves no empty --out behind.
 */
export function removeMadeFolders(): void {
  for (const d of madeFolders.splice(0).reverse()) {
    try {
      rmdirSync(d);
    } catch {
      // not empty, or gone: kept as it is
    }
  }
}

/**
 * Removes `path` again if this command made it and it is still empty (a writer that creates the folder whole by a
 * rename, src/run/atomic.ts writeFolderAtomic, so that a kill before the rename leaves no empty folder behind).
 */
export function unmakeFolder(path: string): void {
  const i = madeFolders.indexOf(resolve(path));
  if (i < 0) return;
  try {
    rmdirSync(path);
    madeFolders.splice(i, 1);
  } catch {
    // not empty, or gone: kept as it is
  }
}

/** Forgets the folders made so far (a command that finished keeps them). */
export function keepMadeFolders(): void {
  madeFolders.length = 0;
}

/** One folder, whose parent exists; one made meanwhile by another process is fine. */
function makeFolder(path: string): void {
  try {
    mkdirSync(path);
    madeFolders.push(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || !statSync(path).isDirectory()) throw e;
  }
}

/** Creates `dir` (and its parents) or checks an existing one, then proves a file can be created in it. */
function prepareOutputFolder(dir: string, option = '--out'): void {
  const link = lstatOrNull(dir)?.isSymbolicLink() === true;
  const st = statOrNull(dir);
  if (link && st === null) {
    throw new StudyError(
      'BAD_ARGUMENT',
      `${option} ${dir} is a symbolic link to nothing; give an existing folder or a new name`,
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
  const parent = statOrNull(dir);
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
  /^(run\.json|run\.lock|study\.yaml|pareto\.(json|csv)|evaluations\.(csv|parquet)(\.partial)?|checkpoint(\.prev|\.damaged)?\.json|notes\.json|seeds\.json|answer\.json|attainment\.json|summary\.json|samples\.csv|(report|compare)\.(html|md)|[^/]+\.svg|seed-\d+)(\.tmp-[0-9a-f]{12})?$/;

/** Files only an odc result folder holds: a folder with one of them is one. */
const RESULT_MARKERS = [
  'run.json',
  'run.lock',
  'pareto.json',
  'checkpoint.json',
  'evaluations.csv.partial',
  'evaluations.parquet.partial',
  'seeds.json',
  'summary.json',
  'compare.html',
];

const realOrNull = (path: string): string | null => {
  try {
    return realpathSync(path);
  } catch {
    return null;
  }
};
/** A file or folder the command reads: named by its caller, or opened by a loader (guardedFile.ts). */
interface Input {
  readonly path: string;
  readonly dev: number;
  readonly ino: number;
  readonly isFile: boolean;
}

/** The command's input set: the inputs named and every file its loaders opened, each once. */
function inputSet(named: readonly string[]): Input[] {
  const all = new Map<string, Input>();
  for (const path of named) {
    const st = statOrNull(path);
    if (st !== null) all.set(`${st.dev}:${st.ino}`, { path, dev: st.dev, ino: st.ino, isFile: st.isFile() });
  }
  for (const f of filesRead()) {
    const key = `${f.dev}:${f.ino}`;
    if (!all.has(key)) all.set(key, { ...f, isFile: true });
  }
  return [...all.values()];
}

const inputAt = (inputs: readonly Input[], path: string): Input | undefined => {
  const st = statOrNull(path);
  return st === null ? undefined : inputs.find((i) => i.dev === st.dev && i.ino === st.ino);
};

const entriesOf = (dir: string): string[] => {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
};

/** Refuses a target that is an input, holds one, or is a file an odc result folder keeps (see the header). */
function refuseOwnTarget(path: string, kind: 'file' | 'folder', named: readonly string[], option: string): void {
  const refuse = (why: string): never => {
    throw new StudyError('BAD_ARGUMENT', `${option} ${path} ${why}`, { field: option });
  };
  const inputs = inputSet(named);
  const same = inputAt(inputs, path);
  if (same !== undefined)
    refuse(
      kind === 'file'
        ? `is ${same.path}, which this command reads: writing it would replace its own input; give another file name`
        : `is ${same.path}, which this command reads: odc does not write its results into its own input; give another folder`,
    );
  if (kind === 'folder') {
    for (const name of entriesOf(path)) {
      const held = inputAt(inputs, join(path, name));
      if (held?.isFile === true)
        refuse(`holds ${held.path}, which this command reads and would overwrite there; give another folder`);
    }
    return;
  }
  const folder = realOrNull(dirname(path));
  const name = basename(path);
  if (folder !== null && RESULT_FILE.test(name) && RESULT_MARKERS.some((m) => existsSync(join(folder, m))))
    refuse(
      `is the ${name} of the odc result folder ${dirname(path)}, which odc keeps there (replacing it damages the folder); give a file outside the folder, or another name`,
    );
}

/**
 * What an existing folder may already hold for a folder writer: an earlier result of this writer (and study), which it
 * continues or replaces. A folder holding anything else is refused, so a user's file that happens to carry one of
 * odc's names (report.html, study.yaml) is never replaced.
 */
export interface FolderRule {
  /** The writer, for the message: "odc run", "odc compare", "odc export --format network". */
  readonly writer: string;
  /** True when `dir` holds an earlier result of this writer. */
  readonly holdsOwnResult?: (dir: string) => boolean;
  /**
   * The names this writer writes: a folder holding exactly these (an earlier complete result; interrupted atomic
   * writes aside) is its own. A folder holding some of them only may be a user's files that share a name.
   */
  readonly names?: readonly string[];
}

/** An atomic write a kill interrupted (src/run/atomic.ts): the writer's own, whatever the file. */
const TEMPORARY = /\.tmp-[0-9a-f]{12}$/;

function refuseForeignFolder(dir: string, rule: FolderRule, option: string): void {
  const st = statOrNull(dir);
  if (st === null || !st.isDirectory()) return;
  const entries = entriesOf(dir).filter((e) => !TEMPORARY.test(e));
  if (entries.length === 0) return;
  const names = rule.names;
  if (names !== undefined && entries.length === names.length && names.every((n) => entries.includes(n))) return;
  if (rule.holdsOwnResult?.(dir) === true) return;
  throw new StudyError(
    'BAD_RUN_DIR',
    `${option} ${dir} is not empty and holds no earlier ${rule.writer} result; choose a new or empty folder (odc writes only its own result folders)`,
    { field: option },
  );
}

export interface OutputTargetOptions {
  /** The option naming the target in messages (default --out). */
  readonly option?: string;
  /** A folder target: what it may already hold. */
  readonly folder?: FolderRule;
}

/**
 * Checks where a command writes, before anything is written (see the header): a `file` target (`--out` of odc export)
 * or a `folder` it creates if missing (odc run, compare, uncertainty, sensitivity, a folder export) under the writer's
 * `FolderRule`; `inputs` are the files and folders the command was given, to which every file its loaders opened is
 * added: the target may be none of them, nor overwrite one. Every writer calls this one check.
 */
export function checkOutputTarget(
  path: string,
  kind: 'file' | 'folder',
  inputs: readonly string[],
  opts: OutputTargetOptions = {},
): void {
  const option = opts.option ?? '--out';
  if (kind === 'file') checkOutputFile(path, option);
  refuseOwnTarget(path, kind, inputs, option);
  if (kind === 'file') return;
  prepareOutputFolder(path, option); // what cannot be written at all first (a file, /proc), then whose the folder is
  refuseForeignFolder(path, opts.folder ?? { writer: 'odc' }, option);
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
