/**
 * Reference designs drawn in the objective space of node studies: the shipped designs of announced
 * orbital data centers, evaluated with the same models as the study. A missing file or a design the
 * models cannot evaluate is skipped with a note (the report never fails because of a reference).
 */
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { evaluateDesignFile } from '../evaluate/evaluator.js';
import { metricValue } from '../evaluate/metrics.js';
import type { DesignRecord } from '../evaluate/record.js';
import { PROJECT_ROOT } from '../run/versions.js';

export const REFERENCE_DESIGN_FILES = ['ai1.yaml', 'starcloud-3.yaml', 'suncatcher.yaml', 'three-body.yaml'] as const;

/** Default reference design paths (designs/ of the odc installation). */
export function defaultReferencePaths(): string[] {
  return REFERENCE_DESIGN_FILES.map((f) => join(PROJECT_ROOT, 'designs', f));
}

export interface ReferenceDesign {
  /** File name without extension, e.g. `ai1`. */
  readonly label: string;
  readonly file: string;
  readonly record: DesignRecord;
  /** Objective values in the user's sense, by objective name. */
  readonly objectives: Record<string, number>;
  /** Names of the record's constraints it violates. */
  readonly violated: readonly string[];
}

export function evaluateReferences(paths: readonly string[], objectives: readonly string[]): { designs: ReferenceDesign[]; notes: string[] } {
  const designs: ReferenceDesign[] = [];
  const notes: string[] = [];
  for (const file of paths) {
    const label = basename(file).replace(/\.ya?ml$/, '');
    if (!existsSync(file)) {
      notes.push(`reference design ${basename(file)} not found in ${join(file, '..')}: not drawn`);
      continue;
    }
    try {
      const { record } = evaluateDesignFile(file);
      const values: Record<string, number> = {};
      for (const o of objectives) values[o] = metricValue(record, o) ?? NaN;
      designs.push({ label, file, record, objectives: values, violated: record.constraints.filter((c) => !c.satisfied).map((c) => c.name) });
    } catch (e) {
      notes.push(`reference design ${basename(file)} could not be evaluated (${(e as Error).message}): not drawn`);
    }
  }
  return { designs, notes };
}
