/**
 * /api/diff?a=<run>:<index>&b=<run>:<index>: two designs of the served runs side by side, compared as `odc diff`
 * compares them (src/report/compare/designDiff.ts): every budget line with B − A and the relative difference, every
 * constraint with values and verdicts, as the tables `odc diff` prints (those that differ, and all of them).
 */
import { diffDesigns, diffSummary, diffTables, type DiffTable } from '../report/compare/designDiff.js';
import { designRecord } from './designData.js';
import type { ServedRun } from './runData.js';

export interface DesignPair {
  readonly a: string;
  readonly b: string;
  readonly summary: string;
  readonly changed: readonly DiffTable[];
  readonly all: readonly DiffTable[];
}

/** The two designs compared, or why not (a message for a 404). */
export async function designPair(runs: readonly ServedRun[], a: string, b: string): Promise<DesignPair | string> {
  const sides = [];
  for (const side of [a, b]) {
    const m = /^(\d{1,4}):(\d{1,12})$/.exec(side);
    const run = m ? runs[Number(m[1])] : undefined;
    if (!m || run === undefined) return `no design ${JSON.stringify(side)}: give <run>:<evaluation index>`;
    const record = await designRecord(run, Number(m[2]));
    if (record === null) return `run ${run.id}, evaluation ${m[2]}: no record to compare (failed, or a benchmark run)`;
    sides.push({ name: `run ${run.id}, design ${m[2]}`, record });
  }
  const [x, y] = sides as [(typeof sides)[0], (typeof sides)[0]];
  const d = diffDesigns(x.name, x.record, y.name, y.record);
  return { a: d.a, b: d.b, summary: diffSummary(d), changed: diffTables(d, true), all: diffTables(d) };
}
