import { expect } from 'vitest';
import { runStudy } from '../../src/index.js';

/**
 * Runs a study until `stopAfterGenerations`, then resumes that folder to the end, expecting the first run
 * interrupted and the resumed one complete. The caller compares the folder with an uninterrupted run.
 */
export async function interruptedAndResumed(
  studyPath: string,
  outDir: string,
  stopAfterGenerations: number,
): Promise<void> {
  const first = await runStudy({ studyPath, outDir, stopAfterGenerations });
  expect(first.status).toBe('interrupted');
  const second = await runStudy({ resumeDir: outDir });
  expect(second.status).toBe('complete');
}
