/**
 * The cost where the verdict stands, for the answer record (./answer.ts) the report's first screen draws: the knee's
 * cost breakdown, $/W and $/chip-hour beside the ground's and the three inputs that move its verdict most —
 * ./costBreakdown.ts for a node study, ./constellationCost.ts for a constellation study. The knee's design is rebuilt
 * from the run's study (its study.yaml, or the run's compiled study when given) and its variables (as
 * ./robustness.ts does); its record is the run's. A design that cannot be rebuilt gives a note, never a failed run.
 */
import { join } from 'node:path';
import { loadStudyProblem, type LoadedStudy } from '../problem.js';
import type { Pick } from '../decision/decision.js';
import { nodeEvaluator } from '../../node/evaluator.js';
import type { BudgetSection } from './budgetRows.js';
import { nodeCostBreakdown } from './costBreakdown.js';
import { constellationCostBreakdown } from './constellationCost.js';
import type { LoadedRun } from '../loadRun.js';
import { lifeBasis, type LifeBasis } from './lifeBasis.js';

/** The decision vector of a Pareto design in the study's encoding (a choice by its option's index). */
function vectorOf(loaded: LoadedStudy, pick: Pick): Float64Array {
  return Float64Array.from(loaded.problem.variables, (v) =>
    v.kind === 'choice'
      ? v.options.findIndex((o) => o === pick.design.variables[v.name])
      : Number(pick.design.variables[v.name]),
  );
}

/**
 * The knee's cost breakdown (null with a note saying why there is none) and a constellation's life on its verdict's
 * basis (../lifeBasis.ts; null for a node).
 */
export function kneeCost(
  run: LoadedRun,
  knee: Pick | undefined,
  notes: string[],
  given?: LoadedStudy,
): { section: BudgetSection | null; lifeBasis: LifeBasis | null } {
  const none = { section: null, lifeBasis: null };
  const record = knee?.design.record ?? null;
  if (knee === undefined || record === null || run.pareto.kind === 'benchmark') return none;
  try {
    // without an LP solver: a constellation's specification and its nodes need none (no network is evaluated)
    const loaded = given ?? loadStudyProblem(join(run.dir, 'study.yaml'));
    const x = vectorOf(loaded, knee);
    if (record.kind === 'constellation') {
      const spec = loaded.constellation!.spec(x);
      return { section: constellationCostBreakdown(spec, record), lifeBasis: lifeBasis(spec, record) };
    }
    const design = loaded.compiled!.design(x);
    return { section: nodeCostBreakdown(design, record, nodeEvaluator(undefined, design.catalogs)), lifeBasis: null };
  } catch (e) {
    notes.push(
      `no cost breakdown of the knee: its design could not be rebuilt from the run's study.yaml (${e instanceof Error ? e.message : String(e)})`,
    );
    return none;
  }
}
