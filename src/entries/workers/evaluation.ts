/**
 * piscina worker entry: build the Problem once per thread, then evaluate batches of plain data. Like the
 * library root, it is a composition root: it loads the LP solvers (HiGHS is asynchronous to load) that
 * constellation studies inject into their models.
 */
import { workerData } from 'node:worker_threads';
import { createLpSolver } from '../../../solvers/lp/index.js';
import { loadStudyProblem } from '../../run/problem.js';
import { fileKind } from '../../node/design/load.js';
import { evaluateBatch, type BatchResult, type BatchTask } from '../../run/evaluators/evaluator.js';

const { studyPath, studyHash } = workerData as { studyPath: string; studyHash: string };
// HiGHS (WASM, ~65 ms per thread) only where the models solve LPs: constellation studies.
const loaded = loadStudyProblem(
  studyPath,
  fileKind(studyPath) === 'constellation' ? await createLpSolver() : undefined,
);
if (loaded.hash !== studyHash) throw new Error(`${studyPath} changed during the run (hash mismatch); start a new run`);

/**
 * Full records of decision vectors (the Pareto designs at the end of a run), computed here rather than serially in the
 * driver.
 */
export interface RecordTask extends BatchTask {
  readonly records: true;
}

export default function run(task: BatchTask | RecordTask): BatchResult | { records: unknown[] } {
  if ('records' in task) {
    const record = loaded.record;
    if (record === null) return { records: new Array<unknown>(task.count).fill(null) };
    return {
      records: Array.from({ length: task.count }, (_, i) =>
        record(task.x.subarray(i * task.dims, (i + 1) * task.dims)),
      ),
    };
  }
  return evaluateBatch(loaded.problem, task);
}
