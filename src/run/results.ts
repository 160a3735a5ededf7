/**
 * Result files of a run: pareto.json (deterministic: no timestamps, so equal runs give equal bytes),
 * pareto.csv and run.json (settings, versions, timings, history). All written atomically.
 * The reported front is the algorithm's archive with near-duplicates collapsed (`reportedFront`); the
 * archive itself (and the run's normalization, taken from it) is unchanged.
 */
import { join } from 'node:path';
import type { Individual } from '../optimize/algorithm.js';
import { unitOf } from '../node/record/metrics.js';
import { nonDominatedIndices } from '../optimize/pareto/dominance.js';
import { writeFileAtomic, writeStreamAtomic } from './atomic.js';
import { csvCell as sharedCsvCell } from '../base/csv.js';
import type { LoadedStudy } from './problem.js';
import { decisionSummary, withShadowPrices } from './decision/recommend.js';
import { shadowPrices, type ReoptimizeSource } from './decision/relaxation.js';
import type { DuplicatePolicy, ParetoDesign, ParetoFile } from './paretoFile.js';
import {
  jointSource,
  kneeStanding,
  selectRuleOf,
  selectSamples,
  studyValues,
  type JointSource,
} from './decision/select.js';
import type { DecisionSummary, KneeStanding, RunMeta } from './schemas.js';
import { runLogFile } from './logRead.js';
import { variableValue } from '../study/variables.js';

/** Relative duplicate tolerance of reported fronts: boxes of 0.1 % of the front's range in each objective. */
export const FRONT_DUPLICATE_TOLERANCE = 1e-3;

/**
 * The archive as reported in pareto.json, near-duplicates collapsed by ε-box dominance (Laumanns, Thiele,
 * Deb & Zitzler, Evolutionary Computation 10(3), 2002): each (minimized) objective is cut into boxes of
 * `tolerance` × the archive's range, from the archive's best value. A design is not reported when
 *  - another design's box dominates its box (no worse in every objective, better in one): it is at best a
 *    tolerance better somewhere and clearly worse elsewhere — e.g. 1 g lighter but 1 % dearer; or
 *  - another design shares its box (all objectives agree within the tolerance) and has a lower evaluation index.
 * At least one design survives per non-dominated box, so the reported front spans the archive. Like any
 * box rule it can keep both of a near-duplicate pair that straddles a box edge (e.g. a design at the
 * archive's extreme in one objective sits alone in the last box). Returned in
 * archive order; depends only on the archive (not on timing or worker count): same seed ⇒ same front.
 */
export function reportedFront(archive: readonly Individual[], tolerance = FRONT_DUPLICATE_TOLERANCE): Individual[] {
  if (archive.length < 2) return [...archive];
  const m = archive[0]!.f.length;
  const lo = new Array<number>(m).fill(Infinity);
  const hi = new Array<number>(m).fill(-Infinity);
  for (const ind of archive) {
    for (let j = 0; j < m; j++) {
      lo[j] = Math.min(lo[j]!, ind.f[j]!);
      hi[j] = Math.max(hi[j]!, ind.f[j]!);
    }
  }
  // One representative per box (lowest evaluation index), then the boxes no other box dominates: O(A log A)
  // for m ≤ 3 (non-dominated sort of the distinct boxes) instead of comparing every pair (179k designs after a
  // million ZDT1 evaluations).
  const boxOf = (ind: Individual): number[] =>
    Array.from({ length: m }, (_, j) => {
      const width = tolerance * (hi[j]! - lo[j]!);
      return width > 0 ? Math.floor((ind.f[j]! - lo[j]!) / width) : 0;
    });
  const firstInBox = new Map<string, number>();
  const boxes: number[][] = [];
  const keys: string[] = [];
  archive.forEach((ind, i) => {
    const box = boxOf(ind);
    const key = box.join(',');
    const seen = firstInBox.get(key);
    if (seen === undefined) {
      firstInBox.set(key, i);
      boxes.push(box);
      keys.push(key);
    } else if (ind.evalIndex < archive[seen]!.evalIndex) firstInBox.set(key, i);
  });
  const B = new Float64Array(boxes.length * m);
  boxes.forEach((box, b) => B.set(box, b * m));
  const keep = new Set<number>();
  for (const b of nonDominatedIndices(B, boxes.length, m)) keep.add(firstInBox.get(keys[b]!)!);
  return archive.filter((_, i) => keep.has(i));
}

/** pareto.csv cells: numbers stay numbers, text is quoted and its formula prefixes neutralised (src/base/csv.ts). */
const csvCell = sharedCsvCell;

export function paretoDesigns(
  loaded: LoadedStudy,
  archive: readonly Individual[],
  records?: readonly unknown[],
): ParetoDesign[] {
  const { problem } = loaded;
  return archive.map((ind, k) => {
    const variables: Record<string, string | number> = {};
    problem.variables.forEach((v, i) => {
      variables[v.name] = variableValue(v, ind.x[i]!);
    });
    const objectives: Record<string, number> = {};
    problem.objectives.forEach((o, i) => {
      objectives[o.name] = o.sense === 'maximize' ? -ind.f[i]! : ind.f[i]!;
    });
    const constraints: Record<string, number> = {};
    problem.constraints.forEach((c, i) => {
      constraints[c.name] = ind.g[i]!;
    });
    const record =
      records !== undefined ? (records[k] as ParetoDesign['record']) : loaded.record ? loaded.record(ind.x) : null;
    const robust = loaded.compiled?.robust?.detail(ind.x) ?? undefined;
    return {
      index: ind.evalIndex,
      variables,
      objectives,
      constraints,
      record,
      ...(robust !== undefined ? { robust } : {}),
    };
  });
}

export function paretoFile(
  loaded: LoadedStudy,
  designs: readonly ParetoDesign[],
  duplicates?: DuplicatePolicy,
): ParetoFile {
  return {
    formatVersion: 1,
    study: loaded.name,
    kind: loaded.kind,
    objectives: loaded.problem.objectives.map((o) => ({ name: o.name, sense: o.sense, unit: unitOf(o.name) })),
    variables: loaded.problem.variables,
    ...(duplicates !== undefined ? { duplicates } : {}),
    ...(loaded.compiled?.robust
      ? { robust: { ...loaded.compiled.robust.settings, columns: loaded.compiled.robust.columns } }
      : {}),
    designs,
  };
}

/**
 * Whether every cell is a finite number: JSON then writes the row as csvCell would (each number as String() does, -0
 * as 0), in one native call instead of a string per cell (pareto.csv of a 5-objective front of 6,670 designs).
 */
function allFiniteNumbers(cells: readonly unknown[]): cells is number[] {
  for (const v of cells) if (typeof v !== 'number' || !Number.isFinite(v)) return false;
  return true;
}

/** Rows per JSON call in paretoCsv (a bounded string, whatever the front's size). */
const CSV_BLOCK_ROWS = 4096;

export function paretoCsv(file: ParetoFile): string {
  const varNames = file.variables.map((v) => v.name);
  const objNames = file.objectives.map((o) => o.name);
  const extra =
    file.kind === 'node'
      ? ['compute.itPowerAvg_W', 'power.arrayArea_m2', 'thermal.radiatorArea_m2', 'mass.launch_kg', 'cost.total_USD']
      : file.kind === 'constellation'
        ? ['totals.satellites', 'totals.itPowerAvg_W', 'totals.launchMass_kg', 'totals.cost_USD', 'launch.campaign_yr']
        : [];
  // a record column already written as a variable or an objective is not repeated
  const extraCols = extra.filter((e) => !objNames.includes(e) && !varNames.includes(e));
  // robust studies: the nominal design's value of each statistic objective's metric follows the objectives
  const nominalNames = file.robust !== undefined ? objNames.filter((n) => n.includes('(')) : [];
  const head = [
    'index',
    ...varNames,
    ...objNames.map((n) => `${n} [${unitOf(n)}]`),
    ...nominalNames.map((n) => `nominal ${n} [${unitOf(n)}]`),
    ...extraCols,
  ];
  const extraPaths = extraCols.map((e) => e.split('.') as [string, string]);
  const lines = [head.map(csvCell).join(',')];
  // Rows of finite numbers are gathered and written by one JSON call per block ("[[1,2],[3,4]]" with "],[" turned
  // into line breaks): the same text as one call per row, without a native call and a slice per design.
  const numeric: number[][] = [];
  const flush = (): void => {
    if (numeric.length === 0) return;
    lines.push(JSON.stringify(numeric).slice(2, -2).replaceAll('],[', '\n'));
    numeric.length = 0;
  };
  for (const d of file.designs) {
    const rec = d.record as unknown as Record<string, Record<string, unknown>> | null;
    const cells: unknown[] = [d.index];
    for (const n of varNames) cells.push(d.variables[n]);
    for (const n of objNames) cells.push(d.objectives[n]);
    for (const n of nominalNames) cells.push(d.robust?.nominal[n]);
    for (const [s, k] of extraPaths) cells.push(rec?.[s]?.[k]);
    if (allFiniteNumbers(cells)) {
      numeric.push(cells);
      if (numeric.length >= CSV_BLOCK_ROWS) flush();
    } else {
      flush();
      lines.push(cells.map(csvCell).join(','));
    }
  }
  flush();
  return `${lines.join('\n')}\n`;
}

/**
 * How the recommended knee stands (src/run/decision/select.ts): the study's select: rule and its joint samples, with
 * the samples' source (`joint`: each front position sampled once, kept for the answer built after, ./answer/).
 */
export function kneeStandingOf(
  loaded: LoadedStudy,
  file: ParetoFile,
  logPath?: string,
): { standing: KneeStanding | null; joint: JointSource | string } {
  const study = studyValues(loaded);
  const rule = selectRuleOf(study);
  const joint = jointSource(loaded, study, file, selectSamples(loaded.kind, rule));
  return { standing: kneeStanding(file, rule, joint, logPath), joint };
}

/**
 * run.json and pareto.json as a reader gets them back from the files just written, for the report rendered right
 * after the run (it then equals `odc report`'s without reading the files again).
 */
export interface WrittenResults {
  readonly meta: RunMeta;
  readonly pareto: ParetoFile;
}

/** What writeResults decided besides the files: the front's decision and the samples its knee's P(all hold) drew. */
export interface WrittenDecision {
  readonly decision: DecisionSummary;
  /** The joint samples of the front's positions (or why there are none), for the answer: not drawn twice. */
  readonly joint: JointSource | string;
}

/**
 * `text` (JSON.stringify of a `T`) parsed back. Not validated: the value was a `T` this process built, and what the
 * round trip changes (non-finite numbers become null) is what the file schemas accept and type as numbers
 * (src/run/schemas.ts jsonNumber); checking it again costs ~50 ms of schema compilation per run.
 */
const reread = <T>(text: string): T => JSON.parse(text) as T;

/**
 * Writes pareto.json and pareto.csv (the `reported` front, see `reportedFront`) and the finished run.json, with the
 * front's decision summary (`decision`, also returned for the run's terminal summary).
 * `records`: the reported designs' records when the evaluator computed them (else they are computed here).
 * `reoptimize`: what the knee's shadow prices re-optimize from (src/run/decision/relaxation.ts); null: none.
 */
export function writeResults(
  runDir: string,
  loaded: LoadedStudy,
  reported: readonly Individual[],
  archiveSize: number,
  meta: RunMeta,
  reoptimize: ReoptimizeSource | null,
  records?: readonly unknown[],
): WrittenResults & WrittenDecision {
  const file = paretoFile(loaded, paretoDesigns(loaded, reported, records), {
    relativeTolerance: FRONT_DUPLICATE_TOLERANCE,
    archiveSize,
  });
  const { standing, joint } = kneeStandingOf(loaded, file, runLogFile(runDir));
  const decision = withShadowPrices(decisionSummary(file, standing), file, (knee, binding) =>
    reoptimize === null ? null : shadowPrices(reoptimize, file, knee, binding),
  );
  const runJson = `${JSON.stringify({ ...meta, decision }, null, 2)}\n`;
  const pareto = writeParetoJson(join(runDir, 'pareto.json'), file);
  writeFileAtomic(join(runDir, 'pareto.csv'), paretoCsv(file));
  writeFileAtomic(join(runDir, 'run.json'), runJson);
  return { meta: reread<RunMeta>(runJson), pareto, decision, joint };
}

/** The designs' key in `JSON.stringify(file, null, 1)` of a file whose designs are `[]` (a key at depth 1). */
const EMPTY_DESIGNS = '\n "designs": []';

/**
 * Writes `file` at `path` as `${JSON.stringify(file, null, 1)}\n`, byte for byte, a design at a time, and returns it
 * as JSON.parse of that text gives it (`reread`). One call over the whole front gives a rope of ~3.6 M characters a
 * seed of the flagship, two-byte once a note holds a dash, which the UTF-8 encoder first flattens into a fresh 7 MB
 * string and then encodes into a fresh 3.6 MB buffer (~2,900 page faults a seed); a design's text (`[[design]]`
 * stringified at the file's indent, less its brackets: the design as it sits at depth 2) is flattened and parsed in
 * the young generation and encoded into writeStreamAtomic's reused buffer.
 */
export function writeParetoJson(path: string, file: ParetoFile): ParetoFile {
  const head = JSON.stringify({ ...file, designs: [] }, null, 1);
  // a string's line breaks are escaped, so only the file's own key begins a line with it
  const open = head.indexOf(EMPTY_DESIGNS) + EMPTY_DESIGNS.length - 1;
  const back = JSON.parse(head) as { designs: ParetoDesign[] };
  writeStreamAtomic(path, (sink) => {
    const { designs } = file;
    if (designs.length === 0) return sink(`${head}\n`);
    sink(head.slice(0, open));
    for (let i = 0; i < designs.length; i++) {
      const text = JSON.stringify([[designs[i]]], null, 1).slice(5, -5);
      sink(i === 0 ? '\n' : ',\n');
      sink(text);
      back.designs.push(JSON.parse(text) as ParetoDesign);
    }
    sink(`\n ${head.slice(open)}\n`);
  });
  return back as unknown as ParetoFile;
}
