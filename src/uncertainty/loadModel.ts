/**
 * The analysis model of a file, by its kind: a node design or node study (./model.ts), or a constellation file or
 * constellation study (./constellationModel.ts). Constellations need an LP solver; without one passed in, the
 * library's composition root (src/index.ts `createLpSolver`) makes one, once per thread.
 */
import { StudyError } from '../core/errors.js';
import type { LpSolver } from '../problem/lp.js';
import { readYaml } from '../study/load.js';
import { constellationSampleModel, loadConstellationDesign, type ConstellationSampleModel } from './constellationModel.js';
import { loadDesign, sampleModel, type SampleModel } from './model.js';

/** The model of a node design or of a constellation (both AnalysisModel, ./analysisModel.ts); `kind` tells which. */
export type FileModel = SampleModel | ConstellationSampleModel;

/** The project's LP solver, from the composition root (imported lazily: src/index.ts imports this layer). */
export async function defaultLpSolver(): Promise<LpSolver> {
  const { createLpSolver } = await import('../index.js');
  return createLpSolver();
}

export const isConstellationFile = (path: string): boolean => (readYaml(path).raw as Record<string, unknown>)['kind'] === 'constellation';

/** The model of a node design, node study, constellation or constellation study file. */
export async function loadAnalysisModel(path: string, lp?: LpSolver): Promise<FileModel> {
  if (isConstellationFile(path)) return constellationSampleModel(loadConstellationDesign(path), lp ?? (await defaultLpSolver()));
  return sampleModel(loadDesign(path));
}

/** The model of a file, refusing one without uncertain inputs. */
export async function modelWithInputs(path: string, lp?: LpSolver): Promise<FileModel> {
  const model = await loadAnalysisModel(path, lp);
  if (model.inputs.length === 0) {
    const what = model.kind === 'constellation'
      ? 'the constellation has no uncertain inputs: the catalog rows it uses carry no uncertainty: entries and neither it nor its node file has an uncertainty: section; '
        + 'add one, e.g. uncertainty: { economics.learningRate: { kind: triangular, min: 0.85, mode: 0.9, max: 0.95 } }'
      : 'the design has no uncertain inputs: its catalog rows carry no uncertainty: entries and the file has no uncertainty: section; '
        + 'add one, e.g. uncertainty: { economics.launchCost_USD_per_kg: { kind: triangular, min: 200, mode: 900, max: 3000 } }';
    throw new StudyError('MISSING_FIELD', `${path}: ${what}`, { file: path, field: 'uncertainty' });
  }
  return model;
}
