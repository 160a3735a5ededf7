/**
 * Atomicity of run-folder writes (src/run/atomic.ts), checked deterministically: the `beforeRename` test seam runs
 * at the one moment a crash could leave a partial file — the new bytes are complete in the temporary file and the
 * target has not been replaced yet — and the tests look at the folder then, or inject a failure there. A reader
 * (or a resume after SIGKILL) must only ever see the old complete file or the new complete file.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  atomicWriteTestHooks,
  writeFileAtomic,
  writeFilesAtomic,
  writeFolderAtomic,
  writeStreamAtomic,
} from '../../src/run/atomic.js';
import { tempDir } from '../helpers/tmp.js';

const OLD = 'old complete content\n';
const NEW = `${'new line of a large results file\n'.repeat(50_000)}end\n`; // 1.6 MB

afterEach(() => {
  atomicWriteTestHooks.beforeRename = undefined;
  atomicWriteTestHooks.syncedDirectory = undefined;
});

/** A folder holding `target` with the OLD content. */
function folderWithTarget(): { dir: string; target: string } {
  const dir = tempDir('odc-atomic-');
  const target = join(dir, 'pareto.json');
  writeFileSync(target, OLD);
  return { dir, target };
}

const leftovers = (dir: string): string[] => readdirSync(dir).filter((f) => f.includes('.tmp-'));

describe('writeFilesAtomic', () => {
  it('writes each file whole through its own temp file, then fsyncs each folder once, after its last rename', () => {
    const { dir, target } = folderWithTarget();
    const other = tempDir('odc-atomic-');
    const files = [
      { path: target, data: NEW },
      { path: join(dir, 'report.md'), data: 'md\n' },
      { path: join(other, 'report.html'), data: 'html\n' },
      { path: join(dir, 'plot.svg'), data: new TextEncoder().encode('svg\n') },
    ];
    const text = new Map(files.map((f) => [f.path, typeof f.data === 'string' ? f.data : 'svg\n']));
    const renamed: string[] = [];
    atomicWriteTestHooks.beforeRename = (tmp, t) => {
      // complete in its temp file beside the target before the rename, as writeFileAtomic does it
      expect(dirname(tmp)).toBe(dirname(t));
      expect(readFileSync(tmp, 'utf8')).toBe(text.get(t));
      renamed.push(t);
    };
    // per folder: how many of its files were already in place when it was fsynced
    const synced: [string, number][] = [];
    atomicWriteTestHooks.syncedDirectory = (d) =>
      synced.push([d, files.filter((f) => dirname(f.path) === d && existsSync(f.path)).length]);
    writeFilesAtomic(files);
    expect(renamed).toEqual(files.map((f) => f.path));
    // one fsync per folder (not one per file), each after every file of its folder was renamed into place
    expect(synced).toEqual([
      [dir, 3],
      [other, 1],
    ]);
    expect(readFileSync(target, 'utf8')).toBe(NEW);
    expect(readFileSync(join(dir, 'plot.svg'), 'utf8')).toBe('svg\n');
    expect(readFileSync(join(other, 'report.html'), 'utf8')).toBe('html\n');
    expect([...leftovers(dir), ...leftovers(other)]).toEqual([]);
  });

  it('a failure on a later file leaves it old and no temp file behind, and the error reaches the caller', () => {
    const { dir, target } = folderWithTarget();
    const first = join(dir, 'report.md');
    atomicWriteTestHooks.beforeRename = (_tmp, t) => {
      if (t === target) throw new Error('injected crash before rename');
    };
    expect(() =>
      writeFilesAtomic([
        { path: first, data: 'md\n' },
        { path: target, data: NEW },
      ]),
    ).toThrow('injected crash before rename');
    expect(readFileSync(first, 'utf8')).toBe('md\n');
    expect(readFileSync(target, 'utf8')).toBe(OLD);
    expect(leftovers(dir)).toEqual([]);
  });
});

describe('writeFileAtomic', () => {
  it('until the rename, the target holds the old complete content and the new bytes sit complete in a temp file beside it', () => {
    const { dir, target } = folderWithTarget();
    const seen: { target: string; tmp: string; sameDir: boolean }[] = [];
    atomicWriteTestHooks.beforeRename = (tmp, t) => {
      expect(t).toBe(target);
      seen.push({
        target: readFileSync(target, 'utf8'),
        tmp: readFileSync(tmp, 'utf8'),
        sameDir: dirname(tmp) === dirname(target),
      });
    };
    writeFileAtomic(target, NEW);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.target).toBe(OLD);
    expect(seen[0]!.tmp).toBe(NEW);
    // rename(2) is atomic only within one file system: the temp file must be in the target's folder
    expect(seen[0]!.sameDir).toBe(true);
    expect(readFileSync(target, 'utf8')).toBe(NEW);
    expect(leftovers(dir)).toEqual([]);
  });

  it('a crash between write and rename (injected failure) leaves the old complete file', () => {
    const { target } = folderWithTarget();
    atomicWriteTestHooks.beforeRename = () => {
      throw new Error('injected crash before rename');
    };
    expect(() => writeFileAtomic(target, NEW)).toThrow('injected crash before rename');
    expect(readFileSync(target, 'utf8')).toBe(OLD);
  });

  it('a new target does not exist at all until it is complete; its folder is fsynced once the name is in it', () => {
    const dir = tempDir('odc-atomic-');
    const target = join(dir, 'run.json');
    let existedBeforeRename = true;
    atomicWriteTestHooks.beforeRename = () => void (existedBeforeRename = existsSync(target));
    const synced: [string, boolean][] = [];
    atomicWriteTestHooks.syncedDirectory = (d) => synced.push([d, existsSync(target)]);
    writeFileAtomic(target, NEW);
    expect(existedBeforeRename).toBe(false);
    expect(synced).toEqual([[dir, true]]);
    expect(readFileSync(target, 'utf8')).toBe(NEW);
  });
});

describe('writeStreamAtomic', () => {
  it('while the producer streams and until the rename, the target holds the old complete content', () => {
    const { dir, target } = folderWithTarget();
    const duringProduce: string[] = [];
    let atRename: { target: string; tmp: string } | undefined;
    atomicWriteTestHooks.beforeRename = (tmp) =>
      void (atRename = { target: readFileSync(target, 'utf8'), tmp: readFileSync(tmp, 'utf8') });
    const chunks = NEW.match(/[^]{1,100000}/g)!;
    expect(chunks.length).toBeGreaterThan(10);
    writeStreamAtomic(target, (sink) => {
      for (const c of chunks) {
        sink(c);
        duringProduce.push(readFileSync(target, 'utf8'));
      }
    });
    expect(new Set(duringProduce)).toEqual(new Set([OLD]));
    expect(atRename).toEqual({ target: OLD, tmp: NEW });
    expect(readFileSync(target, 'utf8')).toBe(NEW);
    expect(leftovers(dir)).toEqual([]);
  });

  it('a producer that fails half-way leaves the old content untouched and no temp file behind, and is not renamed', () => {
    const { dir, target } = folderWithTarget();
    let renamed = false;
    atomicWriteTestHooks.beforeRename = () => void (renamed = true);
    expect(() =>
      writeStreamAtomic(target, (sink) => {
        sink(NEW.slice(0, 500_000));
        throw new Error('producer failed');
      }),
    ).toThrow('producer failed');
    expect(renamed).toBe(false);
    expect(readFileSync(target, 'utf8')).toBe(OLD);
    expect(leftovers(dir)).toEqual([]);
  });
});

describe('writeFolderAtomic', () => {
  /** `n` files f0 … f(n−1), each holding its own name and `tag`. */
  const files = (n: number, tag: string) =>
    Array.from({ length: n }, (_, i) => [`f${i}`, (sink: (c: string) => void) => sink(`f${i} ${tag}\n`)] as const);

  it('until the rename the target holds its old files; then the new folder whole, the old files gone', () => {
    const dir = tempDir('odc-atomic-folder-');
    const target = join(dir, 'oem');
    mkdirSync(target);
    writeFileSync(join(target, 'stale'), OLD);
    let seen: { target: string[]; staged: string[] } | null = null;
    atomicWriteTestHooks.beforeRename = (staging, final) => {
      seen = { target: readdirSync(final).sort(), staged: readdirSync(staging).sort() };
    };
    // 300 files: past the count fsynced one at a time, so the helper process fsyncs them
    writeFolderAtomic(target, files(300, 'new'));
    expect(seen!.target).toEqual(['stale']);
    expect(seen!.staged).toHaveLength(300);
    expect(readdirSync(target)).toHaveLength(300);
    expect(readdirSync(target)).not.toContain('stale');
    expect(readFileSync(join(target, 'f299'), 'utf8')).toBe('f299 new\n');
    expect(readdirSync(dir)).toEqual(['oem']); // no staging folder, no moved-aside old one
  });

  it('a producer that fails half-way leaves the old folder as it was and no staging folder', () => {
    const dir = tempDir('odc-atomic-folder-');
    const target = join(dir, 'net');
    mkdirSync(target);
    writeFileSync(join(target, 'f0'), OLD);
    const failing = [
      ...files(3, 'new'),
      [
        'f3',
        () => {
          throw new RangeError('format limit met');
        },
      ] as const,
    ];
    expect(() => writeFolderAtomic(target, failing)).toThrow('format limit met');
    expect(readdirSync(dir)).toEqual(['net']);
    expect(readdirSync(target)).toEqual(['f0']);
    expect(readFileSync(join(target, 'f0'), 'utf8')).toBe(OLD);
  });

  it('a new target does not exist until complete; a link to a folder stays a link, the folder it names replaced', () => {
    const dir = tempDir('odc-atomic-folder-');
    const fresh = join(dir, 'fresh');
    atomicWriteTestHooks.beforeRename = (_staging, final) => expect(existsSync(final)).toBe(false);
    writeFolderAtomic(fresh, files(2, 'a'));
    atomicWriteTestHooks.beforeRename = undefined;
    expect(readdirSync(fresh).sort()).toEqual(['f0', 'f1']);
    const real = join(dir, 'real');
    mkdirSync(real);
    symlinkSync(real, join(dir, 'link'));
    writeFolderAtomic(join(dir, 'link'), files(1, 'b'));
    expect(readFileSync(join(dir, 'link', 'f0'), 'utf8')).toBe('f0 b\n');
    expect(readdirSync(real)).toEqual(['f0']);
    expect(readdirSync(dir).sort()).toEqual(['fresh', 'link', 'real']);
  });
});
