/**
 * Warm start from design files (`algorithm.initial.designs`): each listed YAML file (relative to the study file; a
 * design, or a study whose base design is used) gives one design, the value of each study variable read at the
 * variable's path in the file (`orbit.altitude_km`; in a list of named items such as `shells`, the item whose `name`
 * is the path segment: `shells.low.planes`). Every variable must have a value there, of its kind, inside this study's
 * bounds or options; otherwise the run stops with exit 2 naming the file, the field and the fix. The designs are
 * evaluated first, as with `algorithm.initial.from`; design files carry no evaluations for a surrogate to learn from.
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { StudyError } from '../base/errors.js';
import { readYaml } from '../base/yaml.js';
import type { WarmStart } from '../optimize/algorithm.js';
import type { Problem, VariableSpec } from '../optimize/types.js';

const FIX = 'list design files that set every variable of this study, or remove algorithm.initial';

/** The value at a dotted path, stepping into a list by the `name` of its items; undefined when absent. */
export function valueAtPath(raw: unknown, path: string): unknown {
  let cur: unknown = raw;
  for (const seg of path.split('.')) {
    if (Array.isArray(cur)) cur = cur.find((item) => (item as Record<string, unknown> | null)?.['name'] === seg);
    else if (cur !== null && typeof cur === 'object') cur = (cur as Record<string, unknown>)[seg];
    else return undefined;
  }
  return cur;
}

function checkedValue(file: string, v: VariableSpec, value: unknown): number {
  const bad = (what: string): never => {
    throw new StudyError(
      'INCOMPATIBLE_RUN',
      `${file}: ${v.name} ${what}; ${FIX} (or widen this study's variables.${v.name})`,
      { file, field: v.name },
    );
  };
  if (value === undefined) return bad('is not set in this design file');
  if (v.kind === 'choice') {
    const i = v.options.findIndex((o) => o === value);
    return i >= 0
      ? i
      : bad(`= ${JSON.stringify(value)} is not one of this study's options ${JSON.stringify(v.options)}`);
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) return bad(`= ${JSON.stringify(value)} is not a number`);
  if (v.kind === 'int' && !Number.isInteger(value)) return bad(`= ${value} is not a whole number`);
  return value >= v.lower && value <= v.upper
    ? value
    : bad(`= ${value} is outside this study's range [${v.lower}, ${v.upper}]`);
}

/** The warm start of a study file's `algorithm.initial.designs`. */
export function loadDesignWarmStart(studyFile: string, files: readonly string[], problem: Problem): WarmStart {
  const designs = files.map((name, i) => {
    const file = resolve(dirname(studyFile), name);
    if (!existsSync(file)) {
      throw new StudyError(
        'FILE_NOT_FOUND',
        `${studyFile}: algorithm.initial.designs[${i}]: ${file} does not exist; ${FIX}`,
        { file: studyFile, field: `algorithm.initial.designs[${i}]` },
      );
    }
    const { raw } = readYaml(file);
    return Float64Array.from(problem.variables, (v) => checkedValue(file, v, valueAtPath(raw, v.name)));
  });
  return { designs };
}
