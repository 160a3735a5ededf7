/**
 * A node or constellation design file's `requirements:` (what `odc export` carries over from the study's
 * constraints): each is parsed as a study constraint is (expression.ts; statistics are refused, as one evaluation has
 * no uncertainty samples), its metrics checked against the record (the node's or the constellation's), and evaluated
 * on the design's record into a constraint result beside the physical checks, so `odc evaluate` reports a requirement
 * the design misses as VIOLATED. The value is the left side, the limit the right side (a `<` or `>` reads as `<=` or
 * `>=`), the margin as for every constraint.
 */
import type { ParsedFile } from '../base/yaml.js';
import { evaluateLoadedDesign } from '../node/evaluator.js';
import type { NodeDesign } from '../node/design/schema.js';
import { constraintResult } from '../node/record/constraints.js';
import { isMetricPath, metricValue, unitOf, unknownMetricHint } from '../node/record/metrics.js';
import type { ConstraintResult, DesignRecord } from '../node/record/record.js';
import { evaluateExpr, type Expr } from './expression.js';
import { compileConstraints } from './objectives.js';
import { parseStudyFile } from './studyFile.js';
import { readInput, type YamlInput } from '../base/yaml.js';
import type { ConstellationRecord } from '../constellation/record/record.js';
import { isConstellationMetric, pathGetter, unknownConstellationMetricHint } from '../constellation/record/metrics.js';
import type { MetricSet } from './objectives.js';

/** What a requirement's result says it is (the record's constraint `description`). */
export const REQUIREMENT_DESCRIPTION =
  "requirement of the design file (its requirements: list, e.g. an export's study constraints)";

/** The unit of a side that is one metric, else '-'. */
const unitOfSide = (e: Expr): string | null => (e.op === 'ref' ? unitOf(e.path) : null);

/** Each requirement evaluated on `record`: value = left side, limit = right side. */
export function requirementResults(
  texts: readonly string[],
  src: ParsedFile['src'],
  record: DesignRecord,
): ConstraintResult[] {
  const metrics = { has: isMetricPath, hint: unknownMetricHint, record: 'the design record' };
  return checkRequirements(texts, src, metrics, (path) => metricValue(record, path) ?? NaN);
}

/** Each requirement of a constellation file evaluated on its record (metrics of the constellation record). */
export function constellationRequirementResults(
  texts: readonly string[],
  src: ParsedFile['src'],
  record: ConstellationRecord,
): ConstraintResult[] {
  const metrics = {
    has: isConstellationMetric,
    hint: unknownConstellationMetricHint,
    record: 'the constellation record',
  };
  return checkRequirements(texts, src, metrics, (path) => pathGetter(path)(record));
}

function checkRequirements(
  texts: readonly string[],
  src: ParsedFile['src'],
  metrics: MetricSet,
  lookup: (path: string) => number,
): ConstraintResult[] {
  return compileConstraints(texts, src, metrics, 'requirements').map((c) => {
    const value = evaluateExpr(c.lhs, lookup);
    const limit = evaluateExpr(c.rhs, lookup);
    const result = constraintResult(
      c.text,
      value,
      c.sense,
      limit,
      unitOfSide(c.lhs) ?? unitOfSide(c.rhs) ?? '-',
      true,
      REQUIREMENT_DESCRIPTION,
    );
    if (Number.isFinite(value) && Number.isFinite(limit)) return result;
    // an infinite side must not pass (x/0 >= 1 would hold with an infinite margin): the requirement cannot be judged
    const side = Number.isFinite(value) ? 'right' : 'left';
    return {
      ...result,
      satisfied: false,
      description: `n/a: the ${side} side of ${c.text} is not a finite number (a division by zero, or a metric without a value in this record); not met until the expression is fixed`,
    };
  });
}

/**
 * `odc evaluate` of a node design or study file: the node evaluation (node/evaluator.ts) with the design's
 * requirements appended to the record's constraints.
 */
export function evaluateNodeFile(input: YamlInput): { design: NodeDesign; record: DesignRecord } {
  // a study file is read whole, its study sections checked too, as `odc run` would
  const loaded = parseStudyFile(input);
  const out = evaluateLoadedDesign(loaded);
  const texts = out.design.requirements ?? [];
  if (texts.length === 0) return out;
  const { src } = loaded.file;
  return {
    design: out.design,
    record: { ...out.record, constraints: [...out.record.constraints, ...requirementResults(texts, src, out.record)] },
  };
}

/**
 * `odc evaluate` of a constellation file: its record with the file's requirements appended to the record's
 * constraints (the file is read again for them and their locations).
 */
export function withConstellationRequirements<T extends { readonly record: ConstellationRecord }>(
  input: YamlInput,
  out: T,
): T {
  const file = readInput(input);
  const texts = (file.raw as { requirements?: unknown }).requirements;
  if (!Array.isArray(texts) || texts.length === 0) return out;
  const results = constellationRequirementResults(texts.map(String), file.src, out.record);
  return { ...out, record: { ...out.record, constraints: [...out.record.constraints, ...results] } };
}
