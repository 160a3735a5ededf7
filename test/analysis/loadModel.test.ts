import { describe, expect, it } from 'vitest';
import type { LpSolver } from '../../src/optimize/lp.js';
import { isConstellationFile, loadAnalysisModel, modelWithInputs } from '../../src/analysis/loadModel.js';
import { loadDesign, sampleModel } from '../../src/analysis/model.js';
import { tempDir } from '../helpers/tmp.js';
import { AI1, designFile, threeBodyLight } from './fixtures.js';

const dir = tempDir('odc-load-model-');

describe('the analysis model of a file', () => {
  it('a node design is a node model; a file with kind: constellation is a constellation', async () => {
    const node = designFile(dir, 'node', AI1);
    expect(isConstellationFile(node)).toBe(false);
    expect((await loadAnalysisModel(node)).kind).toBe('node');
    expect(isConstellationFile(threeBodyLight(dir, 'tb'))).toBe(true);
  });

  it('a constellation takes the given LP solver, else makes one, else says how to pass one', async () => {
    const file = threeBodyLight(dir, 'tb-lp');
    await expect(loadAnalysisModel(file)).rejects.toThrow(
      `${file}: a constellation needs an LP solver: pass lpSolver or createLpSolver (src/index.ts does)`,
    );
    const made = new Error('createLpSolver was called');
    await expect(loadAnalysisModel(file, { createLpSolver: () => Promise.reject(made) })).rejects.toBe(made);
    // a given solver wins over the factory: the factory is never called (whatever the stand-in solver then does)
    const given = { solve: () => Promise.reject(new Error('stand-in solver')) } as unknown as LpSolver;
    const outcome = await loadAnalysisModel(file, { lpSolver: given, createLpSolver: () => Promise.reject(made) }).then(
      () => 'loaded',
      (e: unknown) => e,
    );
    expect(outcome).not.toBe(made);
  });

  it('a node design without uncertain inputs is refused with an example of an uncertainty: section', async () => {
    const inputs = sampleModel(loadDesign(designFile(dir, 'ai1', AI1))).inputs.map((x) => x.path);
    const none = designFile(dir, 'none', [...AI1, 'uncertainty:', ...inputs.map((p) => `  ${p}: fixed`)]);
    const e = await modelWithInputs(none).catch((x: unknown) => x);
    expect(e).toMatchObject({
      code: 'MISSING_FIELD',
      file: none,
      field: 'uncertainty',
      message:
        `${none}: the design has no uncertain inputs: its catalog rows carry no uncertainty: entries and the file has ` +
        'no uncertainty: section; add one, e.g. uncertainty: { economics.launchCost_USD_per_kg: { kind: triangular, ' +
        'min: 200, mode: 900, max: 3000 } }',
    });
    expect((await modelWithInputs(designFile(dir, 'ai1', AI1))).inputs.length).toBe(inputs.length);
  });
});
