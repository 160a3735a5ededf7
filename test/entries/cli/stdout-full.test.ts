/**
 * A command whose standard output cannot be written (a full disk; /dev/full answers every write with ENOSPC)
 * stops with exit 2 and one line naming the cause, not an internal error with a stack trace.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const bin = resolve('dist/src/entries/cli/bin.js');

describe.skipIf(!existsSync('/dev/full'))('standard output on a full device', () => {
  it.each([['evaluate', 'designs/ai1.yaml'], ['catalog', 'chips'], ['export', '--help'], ['metrics']])(
    'odc %s %s',
    (...args) => {
      const full = openSync('/dev/full', 'w');
      try {
        const r = spawnSync(process.execPath, [bin, ...args], { stdio: ['ignore', full, 'pipe'], encoding: 'utf8' });
        expect(r.status).toBe(2);
        expect(r.stderr.trim()).toBe(
          'odc: cannot write to standard output: no space left on the device (ENOSPC); send it to a file on a disk with space',
        );
      } finally {
        closeSync(full);
      }
    },
  );
});
