/**
 * The algorithms' helper thread (src/core/helperThread.ts) for their own work per generation at large populations:
 * the survival's non-dominated sort in 4 or more objectives and NSGA-III's niche association, split in two shares
 * whose results do not depend on the split (a run gives the same bytes with the helper or without it).
 *
 * What it saves on two cores (NSGA-III, population 6,400, 5-objective DTLZ2, test/bench/nsga3-large.ts) is in
 * docs/performance.md. Off with `threads: 1` in the algorithm's options or ODC_HELPER_THREAD=0.
 */
import { firstExistingFile, HelperThread } from '../src/core/helperThread.js';

/** Smallest population whose survival uses the helper (below, a share's round trip costs more than it saves). */
export const HELPER_MIN_POPULATION = 2048;

let workerFile: string | null | undefined;

/**
 * The helper for an algorithm with `population` members and `threads` (default 2) threads of its own, or null:
 * one thread asked for, a small population, or no helper to be had (see HelperThread.shared).
 */
export function algorithmHelper(population: number, threads = 2): HelperThread | null {
  if (!(threads >= 2) || population < HELPER_MIN_POPULATION) return null;
  // the compiled entry beside this file (dist/solvers/), from the bundled CLI (dist/src/cli/), or from the build
  // when running from the TypeScript sources (vitest)
  workerFile ??= firstExistingFile(import.meta.url, ['./helperWorker.js', '../../solvers/helperWorker.js', '../dist/solvers/helperWorker.js']);
  return HelperThread.shared(workerFile);
}
