/**
 * piscina worker entry: build the Problem once per thread, then evaluate batches of plain data. Like the
 * library root, it is a composition root: it loads the LP solvers (HiGHS is asynchronous to load) that
 * constellation studies inject into their models.
 */
import { workerData } from 'node:worker_threads';
import { createLpSolver } from '../../solvers/lp/index.js';
import { loadStudyProblem } from '../run/problem.js';
import { evaluateBatch, type BatchResult, type BatchTask } from './evaluator.js';

const { studyPath, studyHash } = workerData as { studyPath: string; studyHash: string };
const loaded = loadStudyProblem(studyPath, await createLpSolver());
if (loaded.hash !== studyHash) throw new Error(`${studyPath} changed during the run (hash mismatch); start a new run`);

export default function run(task: BatchTask): BatchResult {
  return evaluateBatch(loaded.problem, task);
}
