/**
 * Constellation evaluation with the shipped catalogs: file → spec → record. The LP solver is injected
 * (the composition root, src/index.ts, passes the solvers/lp one), so this layer never imports solvers/.
 * A constellation the models cannot evaluate (outside a model's validity) is reported as a user error
 * naming the file, since there is no optimizer to absorb it.
 */
import { loadCatalogs } from '../catalog/load.js';
import type { Catalogs } from '../catalog/schema.js';
import { StudyError } from '../base/errors.js';
import { inputPath, type YamlInput } from '../base/yaml.js';
import type { LpSolver } from '../optimize/lp.js';
import { compileConstellation, type ConstellationSpec } from './design/compile.js';
import { evaluateConstellation } from './evaluate.js';
import { parseConstellationFile } from './design/load.js';
import type { ConstellationRecord } from './record/record.js';

export interface ConstellationEvaluator {
  readonly catalogs: Catalogs;
  readonly evaluate: (spec: ConstellationSpec) => ConstellationRecord;
}

export function constellationEvaluator(lp: LpSolver, catalogDir?: string): ConstellationEvaluator {
  return { catalogs: loadCatalogs(catalogDir), evaluate: (spec) => evaluateConstellation(spec, lp) };
}

export function loadConstellationSpec(input: YamlInput, catalogs: Catalogs): ConstellationSpec {
  return compileConstellation(parseConstellationFile(input), catalogs);
}

export function evaluateConstellationFileWith(
  input: YamlInput,
  lp: LpSolver,
): { spec: ConstellationSpec; record: ConstellationRecord } {
  const ev = constellationEvaluator(lp);
  const spec = loadConstellationSpec(input, ev.catalogs);
  const path = inputPath(input);
  try {
    return { spec, record: ev.evaluate(spec) };
  } catch (e) {
    if (e instanceof RangeError)
      throw new StudyError('OUT_OF_RANGE', `${path}: the models cannot evaluate this constellation: ${e.message}`, {
        file: path,
      });
    throw e;
  }
}
