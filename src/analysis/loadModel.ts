/**
 * The analysis model of a file, by its kind: a node design or node study (./model.ts), or a constellation file or
 * constellation study (./constellationModel.ts). Constellations need an LP solver: the caller passes one, or a
 * factory that makes one (src/index.ts passes its `createLpSolver`; this layer never imports solvers/ itself).
 */
import { StudyError } from '../base/errors.js';
import type { LpSolver } from '../optimize/lp.js';
import { readYaml } from '../base/yaml.js';
import {
  constellationSampleModel,
  loadConstellationDesign,
  type ConstellationSampleModel,
} from './constellationModel.js';
import { loadDesign, sampleModel, type SampleModel } from './model.js';

/** The model of a node design or of a constellation (both AnalysisModel, ./analysisModel.ts); `kind` tells which. */
export type FileModel = SampleModel | ConstellationSampleModel;

/** The LP solver a constellation is evaluated with, or a factory that makes one (node designs never solve an LP). */
export interface LpSource {
  readonly lpSolver?: LpSolver;
  readonly createLpSolver?: () => Promise<LpSolver>;
}

async function lpSolverOf(path: string, lp: LpSource): Promise<LpSolver> {
  if (lp.lpSolver !== undefined) return lp.lpSolver;
  if (lp.createLpSolver !== undefined) return lp.createLpSolver();
  throw new Error(`${path}: a constellation needs an LP solver: pass lpSolver or createLpSolver (src/index.ts does)`);
}

export const isConstellationFile = (path: string): boolean =>
  (readYaml(path).raw as Record<string, unknown>)['kind'] === 'constellation';

/** The model of a node design, node study, constellation or constellation study file. */
export async function loadAnalysisModel(path: string, lp: LpSource = {}): Promise<FileModel> {
  if (isConstellationFile(path))
    return constellationSampleModel(loadConstellationDesign(path), await lpSolverOf(path, lp));
  return sampleModel(loadDesign(path));
}

/** The model of a file, refusing one without uncertain inputs. */
export async function modelWithInputs(path: string, lp: LpSource = {}): Promise<FileModel> {
  const model = await loadAnalysisModel(path, lp);
  if (model.inputs.length === 0) {
    const what =
      model.kind === 'constellation'
        ? 'the constellation has no uncertain inputs: the catalog rows it uses carry no uncertainty: entries and neither it nor its node file has an uncertainty: section; ' +
          'add one, e.g. uncertainty: { economics.learningRate: { kind: triangular, min: 0.85, mode: 0.9, max: 0.95 } }'
        : 'the design has no uncertain inputs: its catalog rows carry no uncertainty: entries and the file has no uncertainty: section; ' +
          'add one, e.g. uncertainty: { economics.launchCost_USD_per_kg: { kind: triangular, min: 200, mode: 900, max: 3000 } }';
    throw new StudyError('MISSING_FIELD', `${path}: ${what}`, { file: path, field: 'uncertainty' });
  }
  return model;
}
