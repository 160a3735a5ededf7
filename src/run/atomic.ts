/**
 * Atomic file writes: write a temporary file beside the target (created exclusively, random name), every byte
 * (looping over short writes), fsync, rename over the target. On any error the temporary file is removed and the
 * target left as it was; a full disk, a quota, a read-only file system or a missing permission is a StudyError
 * (exit 2) naming the folder and the fix. A target that is a symbolic link is refused, never written through. A
 * folder of many files (writeFolderAtomic) is written beside its target, fsynced together and renamed whole.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  fsyncSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  realpathSync,
  renameSync,
  rmSync,
  statfsSync,
  writeSync,
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { StudyError, WRITE_LIMITS } from '../base/errors.js';

/**
 * Test seams (test/run/atomic.test.ts, test/run/data-safety.test.ts). Production code never sets them.
 * - `beforeRename` is called with the temporary file and the target once the temporary file is complete (written,
 *   fsynced, closed) and before it is renamed over the target, so a test can check what a crash at that moment
 *   would leave, or inject a failure there.
 * - `write` replaces `fs.writeSync(fd, buffer, offset, length)` for the atomic writers (and `writeAllSync`), so a
 *   test can make a write report fewer bytes than asked (a short write) or fail with ENOSPC.
 * - `syncedDirectory` is called with each folder after its fsync, so a test can count them and see what was renamed
 *   by then.
 */
export const atomicWriteTestHooks: {
  beforeRename: ((tmp: string, target: string) => void) | undefined;
  write: ((fd: number, buffer: Uint8Array, offset: number, length: number) => number) | undefined;
  syncedDirectory: ((dir: string) => void) | undefined;
} = { beforeRename: undefined, write: undefined, syncedDirectory: undefined };

/** Writes all of `bytes` to `fd`, looping over short writes (a write that makes no progress is a full disk). */
export function writeAllSync(fd: number, bytes: Uint8Array): void {
  for (let off = 0; off < bytes.length;) {
    const n = atomicWriteTestHooks.write
      ? atomicWriteTestHooks.write(fd, bytes, off, bytes.length - off)
      : writeSync(fd, bytes, off, bytes.length - off);
    if (!(n > 0))
      throw Object.assign(
        new Error(`ENOSPC: no space left on device, write (wrote 0 of ${bytes.length - off} bytes)`),
        { code: 'ENOSPC' },
      );
    off += n;
  }
}

/** The error's errno code ("ENOENT"), if it has one. */
export const errnoOf = (e: unknown): string | undefined => {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
};

/** Whether `path` exists, a link counted as itself (lstat). */
export const lexists = (path: string): boolean => {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
};

const human = (bytes: number): string =>
  bytes >= 1 << 30
    ? `${(bytes / (1 << 30)).toFixed(1)} GB`
    : bytes >= 1 << 20
      ? `${(bytes / (1 << 20)).toFixed(1)} MB`
      : `${Math.round(bytes / 1024)} KB`;

/** "; 12 KB free of 64 KB" for the file system holding `dir`, or '' when it cannot be asked. */
function spaceOf(dir: string): string {
  try {
    const s = statfsSync(dir);
    return `; ${human(s.bavail * s.bsize)} free of ${human(s.blocks * s.bsize)}`;
  } catch {
    return '';
  }
}

/**
 * The StudyError for a write to `path` that failed because of the disk, a limit or the folder (ENOSPC, EDQUOT,
 * EFBIG, EROFS, EACCES, EPERM), naming the folder and the fix; undefined for any other error (a bug: rethrow it).
 */
export function diskWriteError(e: unknown, path: string): StudyError | undefined {
  if (e instanceof StudyError) return undefined;
  const code = errnoOf(e);
  const dir = resolve(dirname(path));
  const retry = 'then run the command again (an interrupted odc run continues with odc run --resume <run-dir>)';
  switch (code) {
    case 'ENOSPC':
      return new StudyError(
        'BAD_RUN_DIR',
        `cannot write ${path}: the disk holding ${dir} is full (ENOSPC${spaceOf(dir)}); free space on it or write to another disk (--out), ${retry}`,
        { file: path },
      );
    case 'EDQUOT':
      return new StudyError(
        'BAD_RUN_DIR',
        `cannot write ${path}: your disk quota on the file system holding ${dir} is used up (EDQUOT); free space or write to another disk (--out), ${retry}`,
        { file: path },
      );
    case 'EFBIG':
      return new StudyError(
        'BAD_RUN_DIR',
        `cannot write ${path}: ${WRITE_LIMITS['EFBIG']} (EFBIG); raise the limit (ulimit -f unlimited) or write to another disk (--out), ${retry}`,
        { file: path },
      );
    case 'EROFS':
      return new StudyError(
        'BAD_RUN_DIR',
        `cannot write ${path}: ${dir} is on a read-only file system (EROFS); write to a writable folder (--out), ${retry}`,
        { file: path },
      );
    case 'EACCES':
    case 'EPERM':
      return new StudyError(
        'BAD_RUN_DIR',
        `cannot write ${path}: no permission to write in ${dir} (${code}); write to a folder you own (--out) or fix its permissions, ${retry}`,
        { file: path },
      );
    default:
      return undefined;
  }
}

/** Refuses a target that is a symbolic link (rename would replace the link; odc does not write through links). */
function refuseSymlink(path: string): void {
  let isLink = false;
  try {
    isLink = lstatSync(path).isSymbolicLink();
  } catch {
    return; // absent (or unreadable: the write itself reports it)
  }
  if (isLink) {
    throw new StudyError(
      'BAD_RUN_DIR',
      `${path} is a symbolic link; odc does not write through links: remove it (or write to another folder with --out) and run the command again`,
      { file: path },
    );
  }
}

/** A new temporary file beside `path`, created exclusively (O_EXCL: never an existing file or a planted link). */
function openTemp(path: string): { tmp: string; fd: number } {
  for (let attempt = 0; ; attempt++) {
    const tmp = `${path}.tmp-${randomBytes(6).toString('hex')}`;
    try {
      return { tmp, fd: openSync(tmp, 'wx', 0o644) };
    } catch (e) {
      if (errnoOf(e) !== 'EEXIST' || attempt >= 8) throw e;
    }
  }
}

/**
 * Writes a temporary file with `fill`, fsyncs it and renames it over `path`. Any failure (the producer, a write,
 * the test seam) removes the temporary file and leaves `path` as it was; disk and permission failures become a
 * StudyError (see `diskWriteError`).
 */
function atomically(path: string, fill: (fd: number) => void, syncDir = true, onTemp?: (tmp: string) => void): void {
  let tmp: string | undefined;
  try {
    refuseSymlink(path);
    const opened = openTemp(path);
    tmp = opened.tmp;
    onTemp?.(tmp);
    try {
      fill(opened.fd);
      fsyncSync(opened.fd);
    } finally {
      closeSync(opened.fd);
    }
    atomicWriteTestHooks.beforeRename?.(tmp, path);
    renameSync(tmp, path);
    tmp = undefined;
    if (syncDir) syncDirectory(dirname(path));
  } catch (e) {
    if (tmp !== undefined) rmSync(tmp, { force: true });
    throw diskWriteError(e, path) ?? e;
  }
}

/**
 * fsync of the folder after a rename, so the new name itself survives a power loss (POSIX leaves the directory
 * entry in the page cache until then). Platforms that cannot open or sync a folder (EISDIR, EINVAL, EPERM) skip it.
 */
function syncDirectory(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
    atomicWriteTestHooks.syncedDirectory?.(dir);
  } catch (e) {
    if (!['EISDIR', 'EINVAL', 'EPERM', 'EACCES', 'ENOTSUP'].includes(errnoOf(e) ?? '')) throw e;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Temporary files of the atomic writer: `<target>.tmp-<12 hex digits>`. */
const TEMP_NAME = /\.tmp-[0-9a-f]{12}$/;

/**
 * Removes the atomic writer's temporary files left in `dir` by a killed process (SIGKILL gives it no chance to).
 * Call only while no other process can be writing there (the run folder's lock is held).
 */
export function removeStrayTemps(dir: string): string[] {
  const removed: string[] = [];
  for (const name of readdirSync(dir)) {
    if (!TEMP_NAME.test(name)) continue;
    rmSync(join(dir, name), { force: true });
    removed.push(name);
  }
  return removed;
}

/** The fill of a file that holds exactly `data` (a string as UTF-8). */
const writingAll =
  (data: string | Uint8Array) =>
  (fd: number): void =>
    writeAllSync(fd, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);

export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  atomically(path, writingAll(data));
}

/**
 * Writes several files, each atomically as `writeFileAtomic` does (a reader, or a crash, finds each file whole: the
 * old one or the new one), then fsyncs each folder once after the last rename instead of once per file: a folder's
 * fsync makes every rename done in it before it durable, so one per folder gives the batch the same durability at the
 * end. Until then a power loss may keep some files old and others new; use it for files that are consistent that way
 * (a report's pages and plots, which `odc report` writes again).
 */
export function writeFilesAtomic(
  files: readonly { readonly path: string; readonly data: string | Uint8Array }[],
): void {
  const dirs = new Set<string>();
  for (const { path, data } of files) {
    atomically(path, writingAll(data), false);
    dirs.add(dirname(path));
  }
  for (const dir of dirs) {
    try {
      syncDirectory(dir);
    } catch (e) {
      throw diskWriteError(e, dir) ?? e;
    }
  }
}

/** Bytes of the streaming writer's encoding buffer (writeStreamAtomic). */
const STREAM_BYTES = 1 << 20;

/**
 * The streaming writer's encoding buffer, kept for the process while no stream holds it: fresh memory costs a page
 * fault per 4 KiB on first touch (~15–20 µs each on this project's 2-core VM), reused memory none.
 */
let streamScratch: Buffer | undefined;

/**
 * Streams a large file atomically: `produce` calls `sink` with chunks, written to a temporary file beside
 * the target (every byte, looping over short writes), fsynced and renamed over the target; on any error the
 * temporary file is removed and the target left untouched. `onTemp` hears the temporary file's name once it exists
 * (so a caller can have it removed should the process be killed while writing). The chunks are encoded to UTF-8
 * into one reused buffer, written when the next chunk might not fit (a chunk past a third of it: encoded alone), so
 * a file of many small chunks takes neither a fresh buffer per chunk nor one string of the whole file.
 */
export function writeStreamAtomic(
  path: string,
  produce: (sink: (chunk: string) => void) => void,
  onTemp?: (tmp: string) => void,
): void {
  // a stream opened inside another's producer takes a buffer of its own
  const buffer = streamScratch ?? Buffer.allocUnsafeSlow(STREAM_BYTES);
  streamScratch = undefined;
  try {
    atomically(
      path,
      (fd) => {
        let used = 0;
        produce((chunk) => {
          // a UTF-16 code unit takes at most 3 bytes of UTF-8
          if (used + 3 * chunk.length > buffer.length && used > 0) {
            writeAllSync(fd, buffer.subarray(0, used));
            used = 0;
          }
          if (3 * chunk.length > buffer.length) writeAllSync(fd, Buffer.from(chunk, 'utf8'));
          else used += buffer.write(chunk, used, 'utf8');
        });
        if (used > 0) writeAllSync(fd, buffer.subarray(0, used));
      },
      true,
      onTemp,
    );
  } finally {
    streamScratch = buffer;
  }
}

/** Folders past this many files are fsynced by a helper process with many in flight (writeFolderAtomic). */
const PARALLEL_SYNC_FILES = 256;

/**
 * fsyncs every file of `dir` from a helper Node process holding SYNC_THREADS fsyncs in flight (libuv's pool, sized by
 * UV_THREADPOOL_SIZE): a journaling file system commits concurrent fsyncs together, where one at a time each waits
 * for its own commit (~100 files/s on a loaded disk, against ~1,000–2,000 so). A failed fsync is rethrown with its
 * errno code, so a full disk is still named as one.
 */
const SYNC_THREADS = 64;
const SYNC_ALL =
  "const fs=require('fs/promises'),p=require('path'),d=process.argv[1];(async()=>{const dir=await fs.opendir(d);" +
  `await Promise.all(Array.from({length:${SYNC_THREADS}},async()=>{for(let e;(e=await dir.read())!==null;){` +
  "const h=await fs.open(p.join(d,e.name),'r');try{await h.sync()}finally{await h.close()}}}));await dir.close()})()" +
  '.catch(e=>{process.stderr.write(String(e.code||e.message));process.exit(1)})';

/** fsyncs the `count` files of `dir` (names streamed from the folder, never a list of a million in memory). */
function syncFiles(dir: string, count: number): void {
  if (count > PARALLEL_SYNC_FILES) {
    const r = spawnSync(process.execPath, ['-e', SYNC_ALL, dir], {
      env: { ...process.env, UV_THREADPOOL_SIZE: String(SYNC_THREADS) },
      stdio: ['ignore', 'ignore', 'pipe'],
      encoding: 'utf8',
    });
    if (r.error === undefined && r.status === 0) return;
    const code = r.stderr?.trim();
    if (r.error === undefined && code) throw Object.assign(new Error(`${code}: fsync of a file in ${dir}`), { code });
    // no helper process (spawn refused): one at a time below
  }
  for (const n of readdirSync(dir)) {
    const fd = openSync(join(dir, n), 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }
}

/**
 * Writes a folder of any number of files all at once or not at all: each file streamed into a staging folder beside
 * the target (`<target>.tmp-<12 hex digits>`; `beforeStaging` hears the target's real path before that folder exists,
 * so a watcher can remove it should the process be killed), every file then fsynced together (syncFiles), the
 * staging folder fsynced and renamed to the target, the parent fsynced. A reader, or a crash, finds the old folder
 * or the whole new one, never a part. An existing target (an empty folder, or an earlier result the caller has judged
 * its own) is replaced whole; a link to a folder is followed, the folder it names replaced. Any failure removes the
 * staging folder and leaves the target as it was; disk and permission failures become a StudyError (diskWriteError).
 */
export function writeFolderAtomic(
  target: string,
  files: Iterable<readonly [string, (sink: (chunk: string) => void) => void]>,
  beforeStaging?: (dir: string) => void,
): void {
  const dir = lexists(target) ? realpathSync(target) : resolve(target);
  const parent = dirname(dir);
  let staging: string | undefined;
  try {
    beforeStaging?.(dir);
    for (let attempt = 0; staging === undefined; attempt++) {
      const name = `${dir}.tmp-${randomBytes(6).toString('hex')}`;
      try {
        mkdirSync(name, 0o755);
        staging = name;
      } catch (e) {
        if (errnoOf(e) !== 'EEXIST' || attempt >= 8) throw e;
      }
    }
    let count = 0;
    for (const [name, produce] of files) {
      const fd = openSync(join(staging, name), 'wx', 0o644);
      try {
        produce((chunk) => writeAllSync(fd, Buffer.from(chunk, 'utf8')));
      } finally {
        closeSync(fd);
      }
      count++;
    }
    syncFiles(staging, count);
    syncDirectory(staging);
    atomicWriteTestHooks.beforeRename?.(staging, dir);
    // rename(2) replaces an empty folder; an earlier result is moved aside first, then removed
    let old: string | undefined;
    if (lexists(dir) && readdirSync(dir).length > 0) {
      old = `${dir}.old-${randomBytes(6).toString('hex')}`;
      renameSync(dir, old);
    }
    renameSync(staging, dir);
    staging = undefined;
    syncDirectory(parent);
    if (old !== undefined) rmSync(old, { recursive: true, force: true });
  } catch (e) {
    if (staging !== undefined) rmSync(staging, { recursive: true, force: true });
    throw diskWriteError(e, target) ?? e;
  }
}
