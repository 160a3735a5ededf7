/** Node evaluation with the shipped catalogs: what the CLI, the study compiler and the workers use. */
import { loadCatalogs } from '../catalog/load.js';
import { findBaseline, loadTerrestrialBaselines } from '../catalog/baselines.js';
import { locate, type SourceMap } from '../base/issues.js';
import { mergeCatalogs, type CatalogOverrides } from '../catalog/overrides.js';
import { catalogIds, rowResolver } from './record/rows.js';
import type { Catalogs } from '../catalog/schema.js';
import { StudyError } from '../base/errors.js';
import { checkCatalogIds, parseDesignFile, type CatalogIds, type LoadedFile } from './design/load.js';
import type { NodeDesign } from './design/schema.js';
import { evaluateNode, nodeMetricsEvaluator, type NodeOutputs } from './evaluate.js';
import { PHYSICAL_CONSTRAINTS, RELAXABLE_CONSTRAINTS } from './record/constraints.js';
import type { DesignRecord } from './record/record.js';

export interface NodeEvaluator {
  readonly catalogs: CatalogIds;
  readonly rows: Catalogs;
  readonly evaluate: (design: NodeDesign) => DesignRecord;
  /**
   * The lean evaluation of `out` (node.ts nodeMetricsEvaluator): metric values, then each constraint's value and limit;
   * null if unavailable.
   */
  readonly lean: (
    out: NodeOutputs,
  ) => { readonly run: (design: NodeDesign) => Float64Array; readonly senses: readonly ('<=' | '>=')[] } | null;
  readonly physicalConstraints: readonly string[];
  /** Physical constraints a study may relax with `relax:`. */
  readonly relaxableConstraints: readonly string[];
}

/** Evaluator over the shipped catalogs (of `catalogDir`), with a design's own `catalogs:` rows added or overriding. */
export function nodeEvaluator(catalogDir?: string, overrides?: CatalogOverrides): NodeEvaluator {
  const catalogs = mergeCatalogs(loadCatalogs(catalogDir), overrides);
  const resolve = rowResolver(catalogs);
  return {
    catalogs: catalogIds(catalogs),
    rows: catalogs,
    evaluate: (d) => evaluateNode(d, resolve(d)),
    lean: (out) => {
      const f = nodeMetricsEvaluator(out);
      return f === null ? null : { run: (d) => f.run(d, resolve(d)), senses: f.senses };
    },
    physicalConstraints: PHYSICAL_CONSTRAINTS,
    relaxableConstraints: RELAXABLE_CONSTRAINTS,
  };
}

/** economics.baseline names a terrestrial scenario; else UNKNOWN_CATALOG_ID with the file and a suggestion. */
export function checkBaseline(design: NodeDesign, src: SourceMap): void {
  try {
    findBaseline(loadTerrestrialBaselines(), design.economics.baseline, 'economics.baseline');
  } catch (e) {
    if (e instanceof StudyError)
      throw new StudyError(e.code, `${locate(src, ['economics', 'baseline'])}: ${e.message}`, {
        file: src.file,
        field: 'economics.baseline',
      });
    throw e;
  }
}

/**
 * Evaluates a design file (or a study's base design). A design the models cannot evaluate (outside a
 * model's validity) is reported as a user error naming the file, since there is no optimizer to absorb it.
 */
export function evaluateDesignFile(path: string): { design: NodeDesign; record: DesignRecord } {
  return evaluateLoadedDesign(parseDesignFile(path));
}

/** `evaluateDesignFile` of a file already read (src/study/studyFile.ts reads a study whole, then evaluates it here). */
export function evaluateLoadedDesign(loaded: LoadedFile): { design: NodeDesign; record: DesignRecord } {
  const path = loaded.file.src.file;
  if (loaded.kind === 'benchmark-study')
    throw new StudyError(
      'WRONG_TYPE',
      `${path}: a benchmark study has no node design to evaluate; use odc run ${path}`,
      { file: path },
    );
  const ev = nodeEvaluator(undefined, loaded.design.catalogs);
  checkCatalogIds(loaded.design, ev.catalogs, loaded.file.src);
  checkBaseline(loaded.design, loaded.file.src);
  try {
    return { design: loaded.design, record: ev.evaluate(loaded.design) };
  } catch (e) {
    if (e instanceof RangeError)
      throw new StudyError('OUT_OF_RANGE', `${path}: the models cannot evaluate this design: ${e.message}`, {
        file: path,
      });
    throw e;
  }
}
