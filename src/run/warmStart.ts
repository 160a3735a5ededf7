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
 * field and the fix. docs/algorithms.md, "Warm starts".
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { isStudyError, StudyError } from '../base/errors.js';
import { readRegularText } from '../base/guardedFile.js';
import type { WarmStart } from '../optimize/algorithm.js';
import { spreadOrder } from '../optimize/pareto/spreadOrder.js';
import { constraintViolation, type Evaluation, type Problem } from '../optimize/types.js';
import { logHeader, parseLog } from './log.js';
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

/**
 * The warm start of a study file's `algorithm.initial.from` (a run folder relative to the study file); `key` is the
 * new run's problem key (./problemKey.ts), compared with the earlier run's.
 */
export function loadWarmStart(studyFile: string, from: string, problem: Problem, key: string): LoadedWarmStart {
  const dir = resolve(dirname(studyFile), from);
  const where = { file: studyFile, field: 'algorithm.initial.from' };
  if (!existsSync(dir))
    throw new StudyError('BAD_RUN_DIR', `${studyFile}: algorithm.initial.from: ${dir} does not exist; ${FIX}`, where);
  const path = join(dir, 'pareto.json');
  if (!existsSync(path)) {
    throw new StudyError(
      'BAD_RUN_DIR',
      `${studyFile}: algorithm.initial.from: ${dir} holds no pareto.json (not a finished run); ${FIX}`,
      where,
    );
  }
  const file = readParetoFile(path, 'BAD_RUN_DIR', FIX);
  checkVariables(path, file, problem);
  const designs = file.designs.map((d, i) => designVector(path, i, d.variables, problem));
  const front = designs.length;
  if (sameProblem(dir, key)) {
    const rows = priorEvaluations(dir, problem);
    const inherited = rows.length > 0 ? rows : frontEvaluations(file, designs, problem);
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
  const evaluations = priorEvaluations(dir, problem);
  return {
    start: evaluations.length > 0 ? { designs: ordered, evaluations } : { designs: ordered },
    summary: { mode: 'reevaluated', designs: ordered.length, front },
  };
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

/** The earlier run's evaluations when its log has this study's columns (else none); failed rows are left out. */
function priorEvaluations(dir: string, problem: Problem): NonNullable<WarmStart['evaluations']> {
  const path = join(dir, 'evaluations.csv');
  if (!existsSync(path)) return [];
  let text: string;
  try {
    text = readRegularText(path, { what: 'run log', maxBytes: MAX_LOG_BYTES, fix: FIX });
  } catch (e) {
    if (isStudyError(e) && e.code === 'OUT_OF_RANGE') return []; // too large to be worth reading: no model data
    throw e;
  }
  if (!text.startsWith(logHeader(problem))) return [];
  // odc ends every row with a line end: a last row without one was cut (a copy or a disk that stopped mid-write)
  if (!text.endsWith('\n'))
    throw new StudyError(
      'BAD_RUN_DIR',
      `${path}: ends mid-row (its last row has no line end: the file was cut, and that row is not model data); ${FIX}`,
      { file: path },
    );
  const inRange = (x: Float64Array): boolean =>
    problem.variables.every((v, i) => v.kind === 'choice' || (x[i]! >= v.lower && x[i]! <= v.upper));
  return parseLog(text, problem)
    .filter((r) => r.failure === null && r.f.every(Number.isFinite) && inRange(r.x))
    .map((r) => ({ x: r.x, f: r.f, g: r.g, cv: r.cv }));
}
