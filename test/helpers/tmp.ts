import { StudyError } from '../../src/core/errors.js';
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

/** The StudyError `fn` throws (fails the test if it throws something else or nothing). */
export function studyErrorOf(fn: () => unknown): StudyError {
  try {
    fn();
  } catch (e) {
    if (e instanceof StudyError) return e;
    throw e;
  }
  throw new Error('expected a StudyError');
}
