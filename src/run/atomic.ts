/** Atomic file writes: write a temporary file beside the target, fsync, rename over it. */
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';

/**
 * Test seam (test/run/atomic.test.ts): `beforeRename` is called with the temporary file and the target once the
 * temporary file is complete (written, fsynced, closed) and before it is renamed over the target, so a test can
 * check what a crash at that moment would leave, or inject a failure there. Production code never sets it.
 */
export const atomicWriteTestHooks: { beforeRename: ((tmp: string, target: string) => void) | undefined } = { beforeRename: undefined };

export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  const tmp = `${path}.tmp-${process.pid}`;
  const fd = openSync(tmp, 'w');
  try {
    writeSync(fd, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  atomicWriteTestHooks.beforeRename?.(tmp, path);
  renameSync(tmp, path);
}

/**
 * Streams a large file atomically: `produce` calls `sink` with chunks, written to a temporary file beside
 * the target (every byte, looping over short writes), fsynced and renamed over the target; on any error the
 * temporary file is removed and the target left untouched.
 */
export function writeStreamAtomic(path: string, produce: (sink: (chunk: string) => void) => void): void {
  const tmp = `${path}.tmp-${process.pid}`;
  const fd = openSync(tmp, 'w');
  let ok = false;
  try {
    produce((chunk) => {
      const bytes = Buffer.from(chunk, 'utf8');
      for (let off = 0; off < bytes.length;) off += writeSync(fd, bytes, off, bytes.length - off);
    });
    fsyncSync(fd);
    ok = true;
  } finally {
    closeSync(fd);
    if (!ok) rmSync(tmp, { force: true });
  }
  atomicWriteTestHooks.beforeRename?.(tmp, path);
  renameSync(tmp, path);
}
