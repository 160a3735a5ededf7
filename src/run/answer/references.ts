/**
 * Reference designs drawn in the objective space of node studies: the shipped designs of announced
 * orbital data centers, evaluated with the same models as the study. A missing file or a design the
 * models cannot evaluate is skipped with a note (the report never fails because of a reference).
 * `referenceStatus` says in one line why a reference is not on the front: a Pareto design dominates it, or it
 * violates one of the study's constraints (evaluated on its record as the study evaluates its designs), or one
 * of its variables lies outside the study's bounds or choices; a reference that is none of these is one the
 * search missed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pathInside } from '../../base/paths.js';
import { evaluateDesignFile } from '../../node/evaluator.js';
import { metricValue } from '../../node/record/metrics.js';
import type { DesignRecord } from '../../node/record/record.js';
import type { ParetoFile } from '../paretoFile.js';
import { PROJECT_ROOT } from '../versions.js';
import { scaledViolation } from '../../study/nodeStudy.js';
import { evaluateExpr, parseConstraint } from '../../study/expression.js';
import { fmt } from '../../base/numberFormat.js';

export const REFERENCE_DESIGN_FILES = ['ai1.yaml', 'starcloud-3.yaml', 'suncatcher.yaml', 'three-body.yaml'] as const;

/** Default reference design paths (designs/ of the odc installation). */
export function defaultReferencePaths(): string[] {
  return REFERENCE_DESIGN_FILES.map((f) => join(PROJECT_ROOT, 'designs', f));
}

/**
 * A reference's file as the answer names it: a file of the odc installation (the shipped references) relative to it,
 * `designs/ai1.yaml`, so an answer does not depend on where odc is installed; any other file as given.
 */
export function referenceFileName(file: string): string {
  return pathInside(PROJECT_ROOT, file) ?? file;
}

export interface ReferenceDesign {
  /** File name without extension, e.g. `ai1`. */
  readonly label: string;
  readonly file: string;
  readonly record: DesignRecord;
  /** The design file's values by section (`orbit.altitude_km` is design.orbit.altitude_km). */
  readonly design: Readonly<Record<string, unknown>>;
  /** Objective values in the user's sense, by objective name. */
  readonly objectives: Record<string, number>;
  /** Names of the record's constraints it violates. */
  readonly violated: readonly string[];
}

/**
 * A reference file's evaluation, kept by its path and text for the life of the process: a multi-seed run builds an
 * answer per seed and one for the union, each drawing the same files (a file edited since is read and evaluated again).
 */
const evaluatedFiles = new Map<string, { text: string; value: ReturnType<typeof evaluateDesignFile> }>();
function evaluatedFile(file: string): ReturnType<typeof evaluateDesignFile> {
  const text = readFileSync(file, 'utf8');
  const kept = evaluatedFiles.get(file);
  if (kept?.text === text) return kept.value;
  const value = evaluateDesignFile(file);
  evaluatedFiles.set(file, { text, value });
  return value;
}

export function evaluateReferences(
  paths: readonly string[],
  objectives: readonly string[],
): { designs: ReferenceDesign[]; notes: string[] } {
  const designs: ReferenceDesign[] = [];
  const notes: string[] = [];
  for (const file of paths) {
    const label = basename(file).replace(/\.ya?ml$/, '');
    if (!existsSync(file)) {
      notes.push(`reference design ${basename(file)} not found in ${join(file, '..')}: not drawn`);
      continue;
    }
    try {
      const { record, design } = evaluatedFile(file);
      const values: Record<string, number> = {};
      for (const o of objectives) values[o] = metricValue(record, o) ?? NaN;
      designs.push({
        label,
        file,
        record,
        design,
        objectives: values,
        violated: record.constraints.filter((c) => !c.satisfied).map((c) => c.name),
      });
    } catch (e) {
      notes.push(`reference design ${basename(file)} could not be evaluated (${(e as Error).message}): not drawn`);
    }
  }
  return { designs, notes };
}

/**
 * The design's value at a study variable's path (`section.key`); undefined for catalog-row variables and absent keys.
 */
function designValue(design: Readonly<Record<string, unknown>>, path: string): unknown {
  const [section, key, ...rest] = path.split('.');
  if (rest.length > 0 || key === undefined) return undefined;
  const sec = design[section!];
  return sec !== null && typeof sec === 'object' ? (sec as Record<string, unknown>)[key] : undefined;
}

/**
 * Variables of the study whose reference value lies outside its bounds or choices: "orbit.altitude_km = 325 (study: 400
 * … 1500)".
 */
function outsideBounds(ref: ReferenceDesign, variables: ParetoFile['variables']): string[] {
  const out: string[] = [];
  for (const v of variables) {
    const x = designValue(ref.design, v.name);
    if (x === undefined) continue;
    if (v.kind === 'choice') {
      if (!v.options.some((o) => String(o) === String(x)))
        out.push(`${v.name} = ${String(x)} (study: ${v.options.join(', ')})`);
    } else if (typeof x === 'number' && (x < v.lower || x > v.upper)) {
      out.push(`${v.name} = ${fmt(x)} (study: ${fmt(v.lower)} … ${fmt(v.upper)})`);
    } else if (typeof x !== 'number') {
      out.push(`${v.name} = ${String(x)} (study: ${fmt(v.lower)} … ${fmt(v.upper)})`);
    }
  }
  return out;
}

/**
 * The study's constraints the reference violates: physical checks the study enforces, then the study's own constraints.
 */
function violatedConstraints(ref: ReferenceDesign, study: Readonly<Record<string, unknown>>): string[] {
  const relaxed = Array.isArray(study.relax) ? (study.relax as unknown[]).map(String) : [];
  const out = ref.record.constraints
    .filter((c) => c.enforced && !relaxed.includes(c.name) && !c.satisfied)
    .map((c) => `${c.name} (${fmt(c.value)} ${c.unit}, limit ${c.sense} ${fmt(c.limit)})`);
  const texts = Array.isArray(study.constraints) ? (study.constraints as unknown[]).map(String) : [];
  for (const text of texts) {
    try {
      const c = parseConstraint(text);
      const lookup = (p: string): number => metricValue(ref.record, p) ?? NaN;
      const lhs = evaluateExpr(c.lhs, lookup);
      const g = scaledViolation(lhs, c.sense, evaluateExpr(c.rhs, lookup));
      if (!(g <= 0))
        out.push(`${text} (${Number.isFinite(g) ? `${fmt(lhs)}, off by ${fmt(100 * g)} %` : 'not evaluable'})`);
    } catch {
      // statistics over uncertainty samples: robust studies draw no references
    }
  }
  return out;
}

/**
 * One line on why a reference design is or is not on the study's front (see the header). `pareto.designs`' objectives
 * and `ref.objectives` are in the user's sense; a reference is dominated when a Pareto design is no worse in every
 * objective and better in one.
 */
export function referenceStatus(
  ref: ReferenceDesign,
  pareto: Pick<ParetoFile, 'designs' | 'objectives' | 'variables'>,
  study: Readonly<Record<string, unknown>>,
): string {
  const worse = (a: number, b: number, sense: 'minimize' | 'maximize'): boolean =>
    sense === 'minimize' ? a > b : a < b;
  const by = pareto.designs.find(
    (d) =>
      pareto.objectives.every((o) => !worse(d.objectives[o.name]!, ref.objectives[o.name]!, o.sense)) &&
      pareto.objectives.some((o) => worse(ref.objectives[o.name]!, d.objectives[o.name]!, o.sense)),
  );
  const violated = violatedConstraints(ref, study);
  const outside = outsideBounds(ref, pareto.variables);
  const why = [
    ...(violated.length ? [`infeasible in this study: violates ${violated.join('; ')}`] : []),
    ...(outside.length ? [`outside the study's bounds: ${outside.join('; ')}`] : []),
  ];
  if (by !== undefined) return `dominated by Pareto design ${by.index}${why.length ? `; also ${why.join('; ')}` : ''}`;
  if (why.length) return `not dominated by the front, but ${why.join('; ')}`;
  return 'feasible, inside the bounds and not dominated by the front: the search did not reach it (run longer, or widen the population)';
}
