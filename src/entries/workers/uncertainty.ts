/**
 * piscina worker entry of odc uncertainty / odc sensitivity: builds the sampled model once per thread from the
 * design or constellation file (checked against the main thread's hash; a constellation's LP solver is made here,
 * once, and reused), then evaluates batches of input vectors (./runner.ts). A composition root like src/index.ts:
 * it may import solvers/.
 */
import { workerData } from 'node:worker_threads';
import type { AnalysisModel } from '../../analysis/analysisModel.js';
import { constellationSampleModel, loadConstellationDesign } from '../../analysis/constellationModel.js';
import { loadDesign, sampleModel } from '../../analysis/model.js';
import { evaluateTask, type SampleTask, type SampleTaskResult } from '../../analysis/runner.js';

const { kind, designPath, designHash } = workerData as AnalysisModel['workerData'];
const model: AnalysisModel =
  kind === 'constellation'
    ? constellationSampleModel(
        loadConstellationDesign(designPath),
        await (await import('../../../solvers/lp/index.js')).createLpSolver(),
      )
    : sampleModel(loadDesign(designPath));
if (model.loaded.hash !== designHash)
  throw new Error(`${designPath} changed during the analysis (hash mismatch); run it again`);

export default function run(task: SampleTask): SampleTaskResult {
  return evaluateTask(model, task);
}
