import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh temporary folder for one test file. */
export function tempDir(prefix = 'odc-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Writes `text` to `name` inside `dir` and returns its path. */
export function writeFile(dir: string, name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}
