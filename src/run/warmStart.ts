/**
 * Warm start (`algorithm.initial.from`) from an earlier run folder. When the earlier run studied the same problem
 * (equal problem keys, ./problemKey.ts: same study design, variables, objectives, constraints and model version), its
 * evaluations are this run's too: they are inherited as its generation 0, answered from the earlier log (or, when that
 * log is too large to read, its front from pareto.json) and not spent from the budget, and the algorithm's own survival
 * picks its population among them. Otherwise its Pareto designs are evaluated first, in spread order (iterated
 * crowding-distance pruning on the earlier objectives, src/optimize/pareto/spreadOrder.ts), so any head of the list a
 * population takes is spread over the earlier front; when the earlier log has this study's columns its evaluations
 * are also passed as model data for a surrogate. The earlier run must share this study's variables — the same names
 * and kinds, every value inside this study's bounds or options — or the run stops with exit 2 naming the file, the
 * field and the fix; inherited rows are checked as the run's own (`priorEvaluations`, `checkedAgainstModel`). A
 * multi-seed folder stands for its seeds' folders. docs/algorithms.md, "Warm starts".
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { StudyError } from '../base/errors.js';
import { minOf } from '../base/arrays.js';
import type { WarmStart } from '../optimize/algorithm.js';
import { spreadOrder } from '../optimize/pareto/spreadOrder.js';
import { constraintViolation, safeEvaluate, type Evaluation, type Problem } from '../optimize/types.js';
import { nonDominatedIndices } from '../optimize/pareto/dominance.js';
import { logColumns, type LoggedEvaluation } from './logColumns.js';
import { forEachLogBatch, forEachLogRow, runLogFile } from './logRead.js';
import { readParetoFile, type ParetoFile } from './paretoFile.js';
import { fieldOf, readJsonFile, type RunMeta } from './schemas.js';

/**
 * Evaluation logs larger than this are not read for surrogate data (a surrogate conditions on a few hundred designs).
 */
const MAX_LOG_BYTES = 64 * 2 ** 20;
const FIX =
  'point algorithm.initial.from at a finished run of a study with the same variables, or remove algorithm.initial';

/** How many of a run's evaluations an earlier run of the same problem made (a warm start), as the summaries say it. */
export const inheritedText = (inherited: number): string =>
  `of which ${inherited} inherited from the warm-start run (same problem: taken from its log as generation 0, not evaluated again, not spent from the budget)`;

/** A warm start with what run.json records of it. */
export interface LoadedWarmStart {
  readonly start: WarmStart;
  readonly summary: NonNullable<RunMeta['warmStart']>;
}

/** A path as messages show it: relative to the working folder (where the user typed the command). */
const shown = (path: string): string => relative(process.cwd(), path) || '.';

/**
 * The run folders of `dir`: itself, or the seed folders (seed-<s>/, by seed) of a multi-seed run (`odc run --seeds`),
 * whose fronts and logs are one problem's, all inherited or evaluated again together.
 */
function runFoldersOf(dir: string): string[] {
  if (existsSync(join(dir, 'pareto.json')) || existsSync(join(dir, 'run.json'))) return [dir];
  let seeds: string[] = [];
  try {
    seeds = readdirSync(dir)
      .filter((e) => /^seed-\d+$/.test(e))
      .sort((a, b) => Number(a.slice(5)) - Number(b.slice(5)));
  } catch {
    // not a folder: named below
  }
  return seeds.length > 0 ? seeds.map((e) => join(dir, e)) : [dir];
}

/**
 * The warm start of a study file's `algorithm.initial.from` (a run folder, or a multi-seed run's folder, relative to
 * the study file); `key` is the new run's problem key (./problemKey.ts), compared with the earlier run's. Every row
 * inherited is checked as this run's own (`inheritedRows`).
 */
export function loadWarmStart(studyFile: string, from: string, problem: Problem, key: string): LoadedWarmStart {
  const dir = resolve(dirname(studyFile), from);
  const where = { file: studyFile, field: 'algorithm.initial.from' };
  if (!existsSync(dir))
    throw new StudyError(
      'BAD_RUN_DIR',
      `${studyFile}: algorithm.initial.from: ${shown(dir)} does not exist; ${FIX}`,
      where,
    );
  const runs = runFoldersOf(dir).map((runDir) => {
    const path = join(runDir, 'pareto.json');
    if (!existsSync(path)) {
      throw new StudyError(
        'BAD_RUN_DIR',
        `${studyFile}: algorithm.initial.from: ${shown(runDir)} holds no pareto.json (not a finished run); ${FIX}`,
        where,
      );
    }
    const file = readParetoFile(path, 'BAD_RUN_DIR', FIX);
    checkVariables(shown(path), file, problem);
    const designs = file.designs.map((d, i) => designVector(shown(path), i, d.variables, problem));
    return { runDir, file, designs };
  });
  const file: ParetoFile = { ...runs[0]!.file, designs: runs.flatMap((r) => r.file.designs) };
  const designs = runs.flatMap((r) => r.designs);
  const front = designs.length;
  if (runs.every((r) => sameProblem(r.runDir, key))) {
    const rows = runs.flatMap((r) => priorEvaluations(r.runDir, problem, true));
    const inherited = checkedAgainstModel(
      rows.length > 0 ? rows : frontEvaluations(file, designs, problem),
      problem,
      rows.length > 0 ? basename(runLogFile(runs[0]!.runDir) ?? 'evaluations') : 'pareto.json',
      shown(dir),
    );
    return {
      start: {
        designs: inherited.map((r) => r.x),
        inherited: inherited.map((r): Evaluation => ({ status: 'ok', f: r.f, g: r.g })),
      },
      summary: { mode: 'inherited', designs: inherited.length, front },
    };
  }
  const spread = spreadOrder(minimizedObjectives(file), front, file.objectives.length);
  const ordered = Array.from(spread, (i) => designs[i]!);
  const evaluations = runs.flatMap((r) => priorEvaluations(r.runDir, problem, false));
  return {
    start: evaluations.length > 0 ? { designs: ordered, evaluations } : { designs: ordered },
    summary: { mode: 'reevaluated', designs: ordered.length, front },
  };
}

/** Relative tolerance of a logged value against the model's: the log writes numbers that read back exactly. */
const MODEL_TOLERANCE = 1e-9;

const agrees = (logged: number, model: number): boolean =>
  logged === model || Math.abs(logged - model) <= MODEL_TOLERANCE * Math.max(Math.abs(logged), Math.abs(model), 1e-300);

/**
 * The inherited rows that could make this run's front or knee — the feasible non-dominated ones, or without a feasible
 * row the least violating — evaluated again by this study's model: a row whose objectives or constraints are not
 * what the model gives for its design (a log edited, or written by another model under the same key) makes the warm
 * start refused by name, so no value the model cannot produce enters the front. Rows no front can hold are
 * dominated by rows checked here, so they cannot change the answer.
 */
function checkedAgainstModel<R extends { x: Float64Array; f: Float64Array; g: Float64Array; cv: number }>(
  rows: readonly R[],
  problem: Problem,
  source: string,
  where: string,
): readonly R[] {
  const feasible = rows.filter((r) => r.cv <= 0);
  const m = problem.objectives.length;
  let candidates: readonly R[];
  if (feasible.length > 0) {
    const F = new Float64Array(feasible.length * m);
    feasible.forEach((r, i) => F.set(r.f, i * m));
    candidates = Array.from(nonDominatedIndices(F, feasible.length, m), (i) => feasible[i]!);
  } else {
    const least = minOf(rows.map((r) => r.cv));
    candidates = rows.filter((r) => r.cv === least);
  }
  for (const r of candidates) {
    const e = safeEvaluate(problem, r.x);
    const design = problem.variables
      .map((v, i) => `${v.name}=${v.kind === 'choice' ? String(v.options[r.x[i]!]) : r.x[i]}`)
      .join(', ');
    const refuse = (what: string): never => {
      throw new StudyError(
        'INCOMPATIBLE_RUN',
        `${where}: its ${source} ${what} for the design ${design}: an inherited value must be one this study's model gives (the file was altered, or written by another model); ${FIX}`,
        { file: where },
      );
    };
    if (e.status === 'failed') refuse(`holds an evaluation where this study's model fails (${e.reason})`);
    if (e.status !== 'ok') continue;
    problem.objectives.forEach((o, k) => {
      const sign = o.sense === 'maximize' ? -1 : 1;
      if (!agrees(r.f[k]!, e.f[k]!))
        refuse(`gives ${o.name} = ${sign * r.f[k]!}, where the model gives ${sign * e.f[k]!},`);
    });
    problem.constraints.forEach((c, k) => {
      if (!agrees(r.g[k]!, e.g[k]!))
        refuse(`gives constraint ${c.name} = ${r.g[k]!}, where the model gives ${e.g[k]!},`);
    });
  }
  return rows;
}

/** Whether the earlier run's run.json records this study's problem key. */
function sameProblem(dir: string, key: string): boolean {
  const metaPath = join(dir, 'run.json');
  if (!existsSync(metaPath)) return false;
  const theirs = fieldOf(readJsonFile(metaPath, 'BAD_RUN_DIR', FIX), 'problemKey');
  return typeof theirs === 'string' && theirs === key;
}

/** The earlier front's objective vectors, each minimized (a maximized objective negated), row-major. */
function minimizedObjectives(file: ParetoFile): Float64Array {
  const m = file.objectives.length;
  const F = new Float64Array(file.designs.length * m);
  file.designs.forEach((d, i) =>
    file.objectives.forEach((o, k) => {
      const v = d.objectives[o.name] ?? NaN;
      F[i * m + k] = o.sense === 'maximize' ? -v : v;
    }),
  );
  return F;
}

/** The earlier front as evaluations of this problem (its objectives and constraints as pareto.json gives them). */
function frontEvaluations(
  file: ParetoFile,
  designs: readonly Float64Array[],
  problem: Problem,
): NonNullable<WarmStart['evaluations']> {
  return file.designs.map((d, i) => {
    const f = Float64Array.from(problem.objectives, (o) => {
      const v = d.objectives[o.name] ?? NaN;
      return o.sense === 'maximize' ? -v : v;
    });
    const g = Float64Array.from(problem.constraints, (c) => d.constraints[c.name] ?? NaN);
    return { x: designs[i]!, f, g, cv: constraintViolation({ status: 'ok', f, g }) };
  });
}

function checkVariables(path: string, file: ParetoFile, problem: Problem): void {
  const theirs = new Map(file.variables.map((v) => [v.name, v.kind]));
  for (const v of problem.variables) {
    const kind = theirs.get(v.name);
    if (kind === undefined) {
      throw new StudyError(
        'INCOMPATIBLE_RUN',
        `${path}: variables: no variable ${v.name}, which this study has; ${FIX}`,
        { file: path, field: 'variables' },
      );
    }
    if (kind !== v.kind) {
      throw new StudyError(
        'INCOMPATIBLE_RUN',
        `${path}: variables.${v.name} is ${kind} there but ${v.kind} in this study; ${FIX}`,
        { file: path, field: `variables.${v.name}` },
      );
    }
  }
  const ours = new Set(problem.variables.map((v) => v.name));
  const extra = file.variables.find((v) => !ours.has(v.name));
  if (extra !== undefined) {
    throw new StudyError(
      'INCOMPATIBLE_RUN',
      `${path}: variables: ${extra.name} is not a variable of this study; ${FIX}`,
      { file: path, field: `variables.${extra.name}` },
    );
  }
}

/** One design's values in this problem's encoding, each checked against this study's bounds or options. */
function designVector(
  path: string,
  index: number,
  values: Record<string, string | number>,
  problem: Problem,
): Float64Array {
  return Float64Array.from(problem.variables, (v) => {
    const field = `designs[${index}].variables.${v.name}`;
    const value = values[v.name];
    const bad = (what: string): never => {
      throw new StudyError(
        'INCOMPATIBLE_RUN',
        `${path}: ${field} = ${JSON.stringify(value)} ${what}; widen this study's variables.${v.name} or ${FIX}`,
        { file: path, field },
      );
    };
    if (v.kind === 'choice') {
      const i = v.options.findIndex((o) => o === value);
      return i >= 0 ? i : bad(`is not one of this study's options ${JSON.stringify(v.options)}`);
    }
    if (typeof value !== 'number' || !Number.isFinite(value)) return bad('is not a number');
    if (v.kind === 'int' && !Number.isInteger(value)) return bad('is not a whole number');
    return value >= v.lower && value <= v.upper ? value : bad(`is outside this study's range [${v.lower}, ${v.upper}]`);
  });
}

/**
 * The earlier run's evaluations when its log has this study's columns; failed rows are left out. `inherited`: the run
 * is of this very problem, so its log must be this problem's (its header exactly, every row whole): a log that is
 * not (cut, emptied, a column renamed) or a row that is not a valid evaluation of this study (a number that is not
 * one, a value outside the study's bounds or options, a fractional integer) is refused by name, never set aside in
 * silence. Otherwise (another problem) a log without this study's columns is only not used as model data.
 */
function priorEvaluations(dir: string, problem: Problem, inherited: boolean): NonNullable<WarmStart['evaluations']> {
  const path = runLogFile(dir);
  if (path === undefined) return [];
  // read by the path as shown (relative to the working folder when shorter): the errors name it so
  const name = shown(path);
  const damaged = (why: string): never => {
    throw new StudyError('BAD_RUN_DIR', `${name}: ${why}; ${FIX}`, { file: name });
  };
  if (statSync(path).size > MAX_LOG_BYTES) return []; // too large to be worth reading: no model data
  const want = logColumns(problem).map((c) => c.name);
  let header: readonly string[] = [];
  forEachLogBatch(
    name,
    (h) => ((header = h), null),
    () => undefined,
    { fix: FIX },
  );
  if (header.length !== want.length || header.some((h, i) => h !== want[i])) {
    if (!inherited) return [];
    damaged(
      header.length === 0
        ? 'is empty, though the run of this same problem wrote its evaluations there'
        : `its header is not this problem's (${header.length < want.length && header.every((h, i) => h === want[i] || (i === header.length - 1 && want[i]!.startsWith(h))) ? 'cut short' : 'a column renamed, added or missing'}), though run.json records the same problem`,
    );
  }
  // a cut log (a CSV row without its line end, a Parquet file without its footer) is refused by the reader, by name
  const rows: { x: Float64Array; f: Float64Array; g: Float64Array; cv: number }[] = [];
  forEachLogRow(
    name,
    problem,
    (r) => {
      if (r.failure !== null) return;
      const why = rowProblem(r, problem);
      if (why !== null) damaged(`row ${Number.isFinite(r.index) ? r.index : '?'} ${why}`);
      rows.push({ x: r.x, f: r.f, g: r.g, cv: r.cv });
    },
    { fix: FIX },
  );
  return rows;
}

/** Why a logged evaluation is not one of this study's (its parsed values, whatever the log's layout), or null. */
function rowProblem(r: LoggedEvaluation, problem: Problem): string | null {
  for (const [i, v] of problem.variables.entries()) {
    const x = r.x[i]!;
    if (v.kind === 'choice') {
      if (!(Number.isInteger(x) && x >= 0 && x < v.options.length))
        return `has ${v.name} outside this study's options ${JSON.stringify(v.options)}`;
      continue;
    }
    if (!Number.isFinite(x)) return `has ${v.name} = ${x}, not a number`;
    if (v.kind === 'int' && !Number.isInteger(x)) return `has ${v.name} = ${x}, not a whole number`;
    if (x < v.lower || x > v.upper) return `has ${v.name} = ${x}, outside this study's range [${v.lower}, ${v.upper}]`;
  }
  for (const [k, o] of problem.objectives.entries())
    if (!Number.isFinite(r.f[k]!)) return `has ${o.name} = ${r.f[k]}, not a finite number`;
  for (const [k, c] of problem.constraints.entries())
    if (Number.isNaN(r.g[k]!)) return `has constraint ${c.name} not a number`;
  if (!(r.cv >= 0)) return 'has a violation that is not a number ≥ 0';
  return null;
}
