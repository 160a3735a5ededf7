/**
 * What relaxing each binding constraint of the knee by 10 % would buy, by re-selection among the run's evaluated
 * designs (evaluations.csv).
 * Method: a constraint's g is the study's g ≤ 0 form scaled by |limit| (src/study/objectives.ts `scaledViolation`);
 * moving the limit outward by RELAXATION (10 %) of |limit| turns g ≤ 0 into g ≤ RELAXATION, for either sense.
 * Constraints on one quantity with one limit (binding.ts `also`) are relaxed together. For each objective, the gain
 * is the best value among the designs meeting the relaxed constraint (and every other as stated) no worse than the
 * knee in every other objective, less the knee's own (never a loss).
 * Validity: an approximation, said wherever it is shown: each gain is a lower bound on what the relaxation buys (the
 * search sampled the unrelaxed problem). Variables at a bound are not relaxed.
 * `relaxationGains` is pure; `kneeRelaxation` streams the log file.
 * Derivation and caveats: docs/runs.md §"Constraint relaxation".
 */
import { existsSync } from 'node:fs';
import { forEachCsvRecord } from '../csvStream.js';
import { columnConstraint, LOG_COLUMN } from '../log.js';
import { constraintLabel } from './binding.js';
import type { ParetoDesign, ParetoFile } from '../paretoFile.js';
import type { ConstraintMargin, KneeRelaxation, RelaxedObjective } from '../schemas.js';

/** A binding constraint's limit is moved outward by this fraction of |limit|. */
export const RELAXATION = 0.1;

export const RELAXATION_METHOD =
  `re-selection among the run's evaluated designs (evaluations.csv): each binding constraint's limit moved outward by ${100 * RELAXATION} % of |limit| ` +
  "(g ≤ 0.1 in the study's scaled form), every other constraint held; per objective, the best value among the designs no worse than the knee in every other objective. " +
  'An approximation: the search sampled the unrelaxed problem, so each gain is a lower bound on what a re-run with the relaxed limit would find; variables at a bound are not relaxed';

/** One evaluated design: objectives in the study's order and sense, g in the constraints' order. */
export interface RelaxationRow {
  readonly index: number;
  readonly f: readonly number[];
  readonly g: readonly number[];
}

export interface RelaxationInput {
  readonly objectives: readonly {
    readonly name: string;
    readonly sense: 'minimize' | 'maximize';
    readonly unit: string;
  }[];
  /** Constraint names in the order of each row's g. */
  readonly constraints: readonly string[];
  readonly knee: { readonly index: number; readonly objectives: Readonly<Record<string, number>> };
  /** The knee's binding constraints (binding.ts `DesignBinding.constraints`). */
  readonly binding: readonly ConstraintMargin[];
}

interface Group {
  readonly label: string;
  /** Per constraint position: its allowed g (RELAXATION for the relaxed ones, 0 otherwise). */
  readonly allowed: Float64Array;
  /** Per objective: best minimized value and its design. */
  readonly best: Float64Array;
  readonly at: Float64Array;
  pastLimit: number;
}

/** An accumulator over the rows: `add` each evaluated design, then `result`. */
export function relaxationGains(input: RelaxationInput): {
  add(row: RelaxationRow): void;
  result(): KneeRelaxation;
} {
  const m = input.objectives.length;
  const sign = input.objectives.map((o) => (o.sense === 'maximize' ? -1 : 1));
  const kneeMin = input.objectives.map((o, j) => sign[j]! * input.knee.objectives[o.name]!);
  const groups: Group[] = input.binding.flatMap((c) => {
    const names = [c.name, ...(c.also ?? [])];
    const allowed = new Float64Array(input.constraints.length);
    let found = false;
    input.constraints.forEach((n, i) => {
      if (names.includes(n)) [allowed[i], found] = [RELAXATION, true];
    });
    if (!found) return [];
    const best = Float64Array.from(kneeMin);
    const at = new Float64Array(m).fill(input.knee.index);
    return [{ label: constraintLabel(c), allowed, best, at, pastLimit: 0 }];
  });
  let evaluated = 0;
  const fMin = new Float64Array(m);
  const add = (row: RelaxationRow): void => {
    for (let j = 0; j < m; j++) fMin[j] = sign[j]! * row.f[j]!;
    if (!fMin.every(Number.isFinite)) return;
    evaluated++;
    for (const grp of groups) {
      if (!row.g.every((g, i) => g <= grp.allowed[i]!)) continue;
      if (row.g.some((g) => g > 0)) grp.pastLimit++;
      for (let j = 0; j < m; j++) {
        if (!(fMin[j]! < grp.best[j]!)) continue;
        if (!fMin.every((v, k) => k === j || v <= kneeMin[k]!)) continue;
        grp.best[j] = fMin[j]!;
        grp.at[j] = row.index;
      }
    }
  };
  const result = (): KneeRelaxation => ({
    relaxation: RELAXATION,
    evaluated,
    gains: groups.map((grp) => ({
      constraint: grp.label,
      pastLimit: grp.pastLimit,
      objectives: input.objectives.map((o, j) => {
        const knee = input.knee.objectives[o.name]!;
        const best = sign[j]! * grp.best[j]!;
        return { objective: o.name, unit: o.unit, knee, best, change: best - knee, design: grp.at[j]! };
      }),
    })),
  });
  return { add, result };
}

/**
 * The relaxation table of `knee` (binding constraints `binding`) from the log file at `logPath`; null when the knee
 * has no binding constraint or the log is absent.
 */
export function kneeRelaxation(
  logPath: string,
  pareto: Pick<ParetoFile, 'objectives'>,
  knee: ParetoDesign,
  binding: readonly ConstraintMargin[],
): KneeRelaxation | null {
  if (binding.length === 0 || !existsSync(logPath)) return null;
  let acc: ReturnType<typeof relaxationGains> | null = null;
  let fCols: number[] = [];
  let gCols: number[] = [];
  let [iIndex, iStatus] = [0, 0];
  forEachCsvRecord(logPath, (fields, record) => {
    if (record === 0) {
      fCols = pareto.objectives.map((o) => fields.indexOf(o.name));
      const named = fields.map(columnConstraint);
      gCols = named.flatMap((n, i) => (n === null ? [] : [i]));
      const constraints = gCols.map((i) => named[i]!);
      [iIndex, iStatus] = [fields.indexOf(LOG_COLUMN.index), fields.indexOf(LOG_COLUMN.status)];
      if (fCols.some((i) => i < 0) || iIndex < 0 || iStatus < 0) return;
      acc = relaxationGains({ objectives: pareto.objectives, constraints, knee, binding });
      return;
    }
    if (acc === null || fields[iStatus] === 'failed') return;
    const cell = (i: number): number => (fields[i] === '' || fields[i] === undefined ? NaN : Number(fields[i]));
    acc.add({ index: Number(fields[iIndex]), f: fCols.map(cell), g: gCols.map(cell) });
  });
  const done = acc as ReturnType<typeof relaxationGains> | null;
  return done === null ? null : done.result();
}

/** "−12.3 (−4.1 %), design 812", or "none found" when no evaluated design improves the knee. */
function changeCell(o: RelaxedObjective, fmt: (v: number) => string): string {
  if (o.change === 0) return 'none found';
  const rel = o.knee !== 0 ? ` (${o.change > 0 ? '+' : ''}${((100 * o.change) / Math.abs(o.knee)).toFixed(1)} %)` : '';
  return `${o.change > 0 ? '+' : ''}${fmt(o.change)}${rel}, design ${o.design}`;
}

/**
 * The relaxation table: one row per binding constraint (with how many evaluated designs lie past its limit, within the
 * relaxation), one column per objective ("name [unit]"), each cell the change the relaxation buys. The one table the
 * terminal, the reports and the explorer show.
 */
export function relaxationTable(
  r: KneeRelaxation,
  fmt: (v: number) => string,
): { headers: string[]; rows: string[][] } {
  const unit = (u: string): string => (u !== '' && u !== '-' ? ` [${u}]` : '');
  const first = r.gains[0]?.objectives ?? [];
  return {
    headers: [`limit relaxed by ${100 * r.relaxation} %`, ...first.map((o) => `${o.objective}${unit(o.unit)}`)],
    rows: r.gains.map((g) => [
      `${g.constraint} (${g.pastLimit} design${g.pastLimit === 1 ? '' : 's'} past the limit)`,
      ...g.objectives.map((o) => changeCell(o, fmt)),
    ]),
  };
}

/** The sentence under the table: the method and how many designs it looked through. */
export const relaxationNote = (r: KneeRelaxation): string =>
  `Change in each objective if the constraint's limit were relaxed by ${100 * r.relaxation} %: ${RELAXATION_METHOD} (${r.evaluated} evaluated designs).`;
