import { StudyError } from '../../src/base/errors.js';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Parent of the test temp folders: the per-run root made (and removed at the end of the run) by
 * test/helpers/globalSetup.ts, or the system temp directory outside vitest.
 */
export function tempRoot(): string {
  const root = process.env.ODC_TEST_TMPDIR;
  if (root === undefined || root === '') return tmpdir();
  mkdirSync(root, { recursive: true });
  return root;
}

/** A fresh temporary folder for one test file (removed with the run's temp root when the run ends). */
export function tempDir(prefix = 'odc-test-'): string {
  return mkdtempSync(join(tempRoot(), prefix));
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
