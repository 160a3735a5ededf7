/**
 * One design of a served run, for the budget panel and the export button: its record (pareto.json's when the design
 * is on the reported front, else the study's model evaluated again at the logged decision vector — the log keeps
 * every number at full precision, so this is the record the run computed), the budget tables `odc evaluate` prints
 * (the same section builders: src/report/budget/budget.ts, constellationBudget.ts), the design file `odc export
 * --format
 * yaml` writes, and the `odc evaluate` command line for it.
 */
import { formatBudget, budgetSections, type BudgetSection } from '../report/budget/budget.js';
import {
  constellationSections,
  formatConstellationBudget,
  shellTableRows,
} from '../report/budget/constellationBudget.js';
import { designYaml } from '../run/export/export.js';
import type { DesignRecord } from '../node/record/record.js';
import type { ConstellationRecord } from '../constellation/record/record.js';
import { stringify } from 'yaml';
import { fmt, percentText } from '../base/numberFormat.js';
import { LOG_STATUSES, type LogStatus } from '../run/logColumns.js';
import type { ServedRun } from './runData.js';

export interface DesignView {
  readonly run: number;
  readonly index: number;
  readonly kind: 'node' | 'benchmark' | 'constellation';
  readonly status: LogStatus;
  /** Where the record came from. */
  readonly source: 'pareto.json' | 'evaluated again' | 'none';
  readonly variables: Record<string, string | number>;
  readonly objectives: Record<string, number>;
  /** The design's record title (`<name> — node budget` …). */
  readonly title: string;
  readonly sections: readonly BudgetSection[];
  readonly constraints: readonly {
    name: string;
    value: string;
    limit: string;
    unit: string;
    margin: string;
    satisfied: boolean;
  }[];
  readonly shells?: readonly (readonly string[])[];
  readonly notes: readonly string[];
  readonly warnings: readonly string[];
  /** What `odc evaluate` prints for the record (plain text), for the copy button's neighbour. */
  readonly text: string;
  readonly failure?: string;
}

/** The design's variables and objectives as the log holds them (choices as their option). */
function loggedValues(
  run: ServedRun,
  row: number,
): { variables: Record<string, string | number>; objectives: Record<string, number> } {
  const variables: Record<string, string | number> = {};
  const objectives: Record<string, number> = {};
  run.columns.forEach((c, k) => {
    const v = run.column(k)[row]!;
    if (c.role === 'variable') variables[c.name] = c.options !== undefined ? c.options[v]! : v;
    else if (c.role === 'objective') objectives[c.name] = v;
  });
  return { variables, objectives };
}

/** The record of a logged design, or null (benchmark, failed, or the model refuses it). */
async function recordOf(
  run: ServedRun,
  index: number,
  row: number,
): Promise<{ record: DesignRecord | ConstellationRecord | null; source: DesignView['source'] }> {
  const onFront = run.paretoDesign(index);
  if (onFront?.record) return { record: onFront.record, source: 'pareto.json' };
  if (run.loaded.record === null) return { record: null, source: 'none' };
  try {
    return { record: await run.loaded.record(run.decisionVector(row)), source: 'evaluated again' };
  } catch {
    return { record: null, source: 'none' };
  }
}

/** The record of evaluation `index` as the budget panel shows it; null without one (no row, failed, benchmark). */
export async function designRecord(run: ServedRun, index: number): Promise<DesignRecord | ConstellationRecord | null> {
  run.refresh();
  const row = run.rowOf(index);
  return row < 0 ? null : (await recordOf(run, index, row)).record;
}

/** The design of evaluation `index`, or undefined when the run has no such row. */
export async function designView(run: ServedRun, index: number): Promise<DesignView | undefined> {
  run.refresh();
  const row = run.rowOf(index);
  if (row < 0) return undefined;
  const status = LOG_STATUSES[run.column(run.columns.findIndex((c) => c.role === 'status'))[row]!] ?? 'failed';
  const { variables, objectives } = loggedValues(run, row);
  const base = { run: run.id, index, kind: run.loaded.kind, status, variables, objectives };
  const { record: r, source } =
    status === 'failed' ? { record: null, source: 'none' as const } : await recordOf(run, index, row);
  if (r === null) {
    return {
      ...base,
      source,
      title: `design ${index}`,
      sections: [],
      constraints: [],
      notes: [],
      warnings: [],
      text: '',
    };
  }
  if (r.kind === 'constellation') {
    return {
      ...base,
      source,
      title: `${r.name} — constellation budget (${r.satellites} satellites)`,
      sections: constellationSections(r),
      constraints: constraintRows(r.constraints),
      notes: [...r.notes],
      warnings: [],
      text: formatConstellationBudget(r),
      shells: shellTableRows(r),
    };
  }
  return {
    ...base,
    source,
    title: `${r.name} — node budget`,
    sections: budgetSections(r),
    constraints: constraintRows(r.constraints),
    notes: [...r.notes],
    warnings: r.warnings.map((w) => `${w.code}: ${w.message}`),
    text: formatBudget(r),
  };
}

function constraintRows(cs: DesignRecord['constraints']): DesignView['constraints'] {
  return cs.map((c) => ({
    name: c.name,
    value: fmt(c.value),
    limit: `${c.sense} ${fmt(c.limit)}`,
    unit: c.unit,
    margin: percentText(c.margin),
    satisfied: c.satisfied,
  }));
}

/**
 * The design file of evaluation `index` (what `odc export --format yaml` writes), or undefined (no row, or a benchmark
 * run).
 */
export function designFile(run: ServedRun, index: number): string | undefined {
  run.refresh();
  const row = run.rowOf(index);
  if (row < 0 || run.loaded.kind === 'benchmark') return undefined;
  const x = run.decisionVector(row);
  if (run.loaded.kind === 'constellation') {
    const c = run.loaded.constellation!;
    return `# Exported by odc from run ${run.shown}: design ${index}.\n# Evaluate it with: odc evaluate <this file>\n${stringify(c.file(x), { lineWidth: 0 })}`;
  }
  const { variables, objectives } = loggedValues(run, row);
  const onFront = Array.from(run.front()).includes(index);
  const [selector, what] = onFront ? ['on the front', 'Pareto design'] : ['off the front', 'design'];
  return designYaml(run.loaded.studyText, { index, variables, objectives }, run.shown, selector, what);
}
