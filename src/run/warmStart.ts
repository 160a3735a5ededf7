/**
 * Warm start (`algorithm.initial.from`): the Pareto designs of an earlier run, read from its pareto.json, become the
 * first designs the new run evaluates; when the earlier run's evaluation log has this study's columns (same variables,
 * objectives and constraints, so its values mean the same), its evaluations are passed too, for a surrogate to learn
 * from (they are model data only: the new run's results hold its own evaluations). The earlier run must share this
 * study's variables — the same names and kinds, every value inside this study's bounds or options — or the run stops
 * with exit 2 naming the file, the field and the fix.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { isStudyError, StudyError } from '../base/errors.js';
import { readRegularText } from '../base/guardedFile.js';
import type { WarmStart } from '../optimize/algorithm.js';
import type { Problem } from '../optimize/types.js';
import { logHeader, parseLog } from './log.js';
import { readParetoFile, type ParetoFile } from './paretoFile.js';

/**
 * Evaluation logs larger than this are not read for surrogate data (a surrogate conditions on a few hundred designs).
 */
const MAX_LOG_BYTES = 64 * 2 ** 20;
const FIX =
  'point algorithm.initial.from at a finished run of a study with the same variables, or remove algorithm.initial';

/** The warm start of a study file's `algorithm.initial.from` (a run folder relative to the study file). */
export function loadWarmStart(studyFile: string, from: string, problem: Problem): WarmStart {
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
  const evaluations = priorEvaluations(dir, problem);
  return evaluations.length > 0 ? { designs, evaluations } : { designs };
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
