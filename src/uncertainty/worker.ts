/**
 * piscina worker entry of odc uncertainty / odc sensitivity: builds the sampled model once per thread from the
 * design file (checked against the main thread's hash), then evaluates batches of input vectors (./runner.ts).
 */
import { workerData } from 'node:worker_threads';
import { loadDesign, sampleModel } from './model.js';
import { evaluateTask, type SampleTask, type SampleTaskResult } from './runner.js';

const { designPath, designHash } = workerData as { designPath: string; designHash: string };
const model = sampleModel(loadDesign(designPath));
if (model.loaded.hash !== designHash) throw new Error(`${designPath} changed during the analysis (hash mismatch); run it again`);

export default function run(task: SampleTask): SampleTaskResult {
  return evaluateTask(model, task);
}
