/** The evaluation log's rows and columns, the one list of them (evaluations.csv's header, the Parquet log's schema). */
import type { ObjectiveSpec, Problem, VariableSpec } from '../optimize/types.js';

export interface LoggedEvaluation {
  readonly index: number;
  readonly generation: number;
  readonly x: Float64Array;
  /** Minimized objectives (NaN-filled when failed). */
  readonly f: Float64Array;
  readonly g: Float64Array;
  readonly cv: number;
  readonly failure: string | null;
}

/** A column of evaluations.csv: what it holds, and the variable or objective it is. */
export type LogColumn = { readonly name: string } & (
  | { readonly role: 'index' | 'generation' | 'status' | 'constraint' | 'violation' | 'reason' }
  | { readonly role: 'variable'; readonly variable: VariableSpec }
  | { readonly role: 'objective'; readonly objective: ObjectiveSpec }
);

/** The status column's values, in the order the explorer codes them (0, 1, 2). */
export const LOG_STATUSES = ['feasible', 'infeasible', 'failed'] as const;
export type LogStatus = (typeof LOG_STATUSES)[number];

/** A row's status as its code, its place in LOG_STATUSES: failed (a failure), infeasible (violation > 0), feasible. */
export const statusCodeOf = (failure: string | null, cv: number): number => (failure !== null ? 2 : cv > 0 ? 1 : 0);

/** A row's status (statusCodeOf) by name. */
export const statusOf = (failure: string | null, cv: number): LogStatus => LOG_STATUSES[statusCodeOf(failure, cv)]!;

/** The names of evaluations.csv's fixed columns, for readers that have the pareto file rather than the Problem. */
export const LOG_COLUMN = {
  index: 'eval',
  generation: 'generation',
  status: 'status',
  violation: 'violation',
  reason: 'reason',
} as const;

/**
 * evaluations.csv's columns in order, the one list of them: the header written here and the explorer's columns
 * (src/serve/runData.ts). A constraint's column `g[<name>]` holds its g (≤ 0 satisfied).
 */
export function logColumns(problem: Problem): LogColumn[] {
  const c = LOG_COLUMN;
  return [
    { name: c.index, role: 'index' },
    { name: c.generation, role: 'generation' },
    { name: c.status, role: 'status' },
    ...problem.variables.map((v): LogColumn => ({ name: v.name, role: 'variable', variable: v })),
    ...problem.objectives.map((o): LogColumn => ({ name: o.name, role: 'objective', objective: o })),
    ...problem.constraints.map((k): LogColumn => ({ name: constraintColumn(k.name), role: 'constraint' })),
    { name: c.violation, role: 'violation' },
    { name: c.reason, role: 'reason' },
  ];
}

/** A constraint's column name, `g[<name>]`. */
export const constraintColumn = (constraint: string): string => `g[${constraint}]`;

/** The evaluation log's file format: CSV (evaluations.csv) or Parquet (evaluations.parquet, src/run/parquetLog.ts). */
export type LogFormat = 'csv' | 'parquet';
