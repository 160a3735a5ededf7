/**
 * The cost where the verdict stands, on a run report's first screen: the knee's cost breakdown, $/W and $/chip-hour
 * beside the ground's and the three inputs that move its verdict most — src/report/budget/costBreakdown.ts for a node
 * study, src/report/budget/constellationCost.ts for a constellation study. The knee's design is rebuilt from the run's
 * study.yaml and its variables (as the robustness and constellation sections do); its record is the run's. A design
 * that cannot be rebuilt gives a note, never a failed report.
 */
import { join } from 'node:path';
import { loadStudyProblem, type LoadedStudy } from '../../run/problem.js';
import type { Pick } from '../../run/decision/decision.js';
import { nodeEvaluator } from '../../node/evaluator.js';
import type { BudgetSection } from '../budget/budget.js';
import { nodeCostBreakdown } from '../budget/costBreakdown.js';
import { constellationCostBreakdown } from '../budget/constellationCost.js';
import type { LoadedRun } from '../document/load.js';

/** The decision vector of a Pareto design in the study's encoding (a choice by its option's index). */
function vectorOf(loaded: LoadedStudy, pick: Pick): Float64Array {
  return Float64Array.from(loaded.problem.variables, (v) =>
    v.kind === 'choice'
      ? v.options.findIndex((o) => o === pick.design.variables[v.name])
      : Number(pick.design.variables[v.name]),
  );
}

/** The knee's cost breakdown, or null with a note saying why there is none. */
export function kneeCostBreakdown(run: LoadedRun, knee: Pick | undefined, notes: string[]): BudgetSection | null {
  const record = knee?.design.record ?? null;
  if (knee === undefined || record === null || run.pareto.kind === 'benchmark') return null;
  try {
    // without an LP solver: a constellation's specification and its nodes need none (no network is evaluated)
    const loaded = loadStudyProblem(join(run.dir, 'study.yaml'));
    const x = vectorOf(loaded, knee);
    if (record.kind === 'constellation') return constellationCostBreakdown(loaded.constellation!.spec(x), record);
    const design = loaded.compiled!.design(x);
    return nodeCostBreakdown(design, record, nodeEvaluator(undefined, design.catalogs));
  } catch (e) {
    notes.push(
      `no cost breakdown of the knee: its design could not be rebuilt from the run's study.yaml (${e instanceof Error ? e.message : String(e)})`,
    );
    return null;
  }
}
