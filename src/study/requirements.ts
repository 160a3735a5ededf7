/**
 * A node design file's `requirements:` (what `odc export` carries over from the study's constraints): each is
 * parsed as a study constraint is (expression.ts; statistics are refused, as one evaluation has no uncertainty
 * samples), its metrics checked against the record, and evaluated on the design's record into a constraint result
 * beside the physical checks, so `odc evaluate` reports a requirement the design misses as VIOLATED. The value is the
 * left side, the limit the right side (a `<` or `>` reads as `<=` or `>=`), the margin as for every constraint.
 */
import type { ParsedFile } from '../base/yaml.js';
import { evaluateDesignFile } from '../node/evaluator.js';
import type { NodeDesign } from '../node/design/schema.js';
import { constraintResult } from '../node/record/constraints.js';
import { isMetricPath, metricValue, unitOf, unknownMetricHint } from '../node/record/metrics.js';
import type { ConstraintResult, DesignRecord } from '../node/record/record.js';
import { evaluateExpr, type Expr } from './expression.js';
import { compileConstraints } from './objectives.js';
import { parseDesignFile } from '../node/design/load.js';

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
  const lookup = (path: string): number => metricValue(record, path) ?? NaN;
  return compileConstraints(texts, src, metrics, 'requirements').map((c) =>
    constraintResult(
      c.text,
      evaluateExpr(c.lhs, lookup),
      c.sense,
      evaluateExpr(c.rhs, lookup),
      unitOfSide(c.lhs) ?? unitOfSide(c.rhs) ?? '-',
      true,
      REQUIREMENT_DESCRIPTION,
    ),
  );
}

/**
 * `odc evaluate` of a node design or study file: the node evaluation (node/evaluator.ts) with the design's
 * requirements appended to the record's constraints.
 */
export function evaluateNodeFile(path: string): { design: NodeDesign; record: DesignRecord } {
  const out = evaluateDesignFile(path);
  const texts = out.design.requirements ?? [];
  if (texts.length === 0) return out;
  const { src } = parseDesignFile(path).file;
  return {
    design: out.design,
    record: { ...out.record, constraints: [...out.record.constraints, ...requirementResults(texts, src, out.record)] },
  };
}
