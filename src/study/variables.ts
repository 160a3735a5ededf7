/**
 * A study's variables, node or constellation alike: each `variables:` entry ([lower, upper], { int: [lower, upper] }
 * or { choice: [...] }) checked against the key it names and compiled into the optimizer's VariableSpec, with
 * file:line errors. Which keys a study may vary, and how (whole numbers, wrapping around), is declared once, on the
 * design schemas with `varies()` (src/node/design/fields.ts):
 * - a node study may vary every key of a design section (`<section>.<key>`) and a catalog row's numeric field
 *   (./nodeStudy.ts);
 * - a constellation study a shell's declared keys (`shells.<name>.<key>`), the declared keys of its isl, ground,
 *   traffic and sky sections, the node's keys (`node.<section>.<key>`), and the keys its compiler writes itself
 *   (COMPILER_KEYS: ./constellationStudy.ts `setVariable`).
 * An enumeration or a catalog id is categorical: a study varies it by { choice: [...] } only.
 */
import * as z from 'zod';
import { didYouMean, StudyError } from '../base/errors.js';
import { locate } from '../base/issues.js';
import type { ParsedFile } from '../base/yaml.js';
import type { VariableSpec } from '../optimize/types.js';
import { CATALOG_FIELDS } from '../node/design/load.js';
import {
  DESIGN_SECTIONS,
  designSectionFields,
  studyVariableKinds,
  type StudyVariableKind,
} from '../node/design/schema.js';
import { constellationIslSchema, groundSchema, shellSchema, trafficSchema } from '../constellation/design/schema.js';
import { skySchema } from '../constellation/design/skySchema.js';
import type { VariableDomain } from './studySchema.js';

/** A key a study may vary, as its schema declares it. */
export interface VariableKey extends StudyVariableKind {
  /** An enumeration or a catalog id: varied by { choice: [...] } only. */
  readonly categorical?: boolean;
  /** What is wrong with a bound or option (`label` says which, `index` the option's), or null; none: unchecked here. */
  readonly check?: (value: unknown, label: string, index: number) => string | null;
}

/** The declaration on a key's schema or on one it wraps (a default, an optional), and whether it is categorical. */
function declaredKey(schema: z.ZodType | undefined, always: boolean): VariableKey | undefined {
  let kind: StudyVariableKind | undefined;
  type Wrapper = { def?: { innerType?: Wrapper } };
  let cur = schema as unknown as Wrapper | undefined;
  for (; cur !== undefined; cur = cur.def?.innerType) {
    kind ??= studyVariableKinds.get(cur as unknown as z.ZodType);
    if (cur.def?.innerType === undefined) break;
  }
  if (schema === undefined || (kind === undefined && !always)) return undefined;
  return { ...kind, categorical: cur instanceof z.ZodEnum };
}

/** A node design key `section.key` as a variable (every key of a design section is one), or undefined. */
export function nodeVariableKey(path: string): VariableKey | undefined {
  const [section, key, more] = path.split('.');
  const fields = designSectionFields(section!);
  if (key === undefined || more !== undefined || !Object.hasOwn(fields, key)) return undefined;
  const schema = fields[key]!;
  const found = declaredKey(schema, true)!;
  return {
    ...found,
    categorical: found.categorical || Object.hasOwn(CATALOG_FIELDS, path),
    check: (v) => {
      const r = schema.safeParse(v);
      return r.success ? null : `is not a valid value: ${r.error.issues[0]?.message ?? 'invalid'}`;
    },
  };
}

/** Every node design key, `section.key`. */
export const nodeVariablePaths = (): string[] =>
  DESIGN_SECTIONS.flatMap((section) => Object.keys(designSectionFields(section)).map((key) => `${section}.${key}`));

/** Constellation sections whose declared keys a study may vary (`<section>.<key>`). */
const CONSTELLATION_SECTIONS = {
  isl: constellationIslSchema,
  ground: groundSchema,
  traffic: trafficSchema,
  sky: skySchema,
} as const;
/** Keys a constellation study writes itself (./constellationStudy.ts `setVariable`), not keys of the file. */
const COMPILER_KEYS: Readonly<Record<string, VariableKey>> = {
  'ground.stationCount': { int: true },
  'launch.vehicle': { categorical: true },
};
const shapeOf = (schema: z.ZodType): Record<string, z.ZodType> => (schema as z.ZodObject).shape;

/** A constellation study's variable path as a key (shells named `shellNames`), or undefined. */
export function constellationVariableKey(path: string, shellNames: readonly string[]): VariableKey | undefined {
  const parts = path.split('.');
  if (parts[0] === 'shells')
    return parts.length === 3 && shellNames.includes(parts[1]!)
      ? declaredKey(shapeOf(shellSchema())[parts[2]!], false)
      : undefined;
  if (parts[0] === 'node') {
    const key = parts.length === 3 ? nodeVariableKey(`${parts[1]}.${parts[2]}`) : undefined;
    if (key === undefined) return path === 'node.design' ? { categorical: true } : undefined;
    const { check: _byTheLoader, ...kind } = key; // the loader checks the node at every bound
    return kind;
  }
  const section = (CONSTELLATION_SECTIONS as Record<string, () => z.ZodType>)[parts[0]!];
  if (COMPILER_KEYS[path] !== undefined) return COMPILER_KEYS[path];
  return section && parts.length === 2 ? declaredKey(shapeOf(section())[parts[1]!], false) : undefined;
}

/** The variable paths of a constellation study with these shells (node keys as `node.<section>.<key>`). */
export function constellationVariablePaths(shellNames: readonly string[]): string[] {
  const declared = (schema: z.ZodType): string[] =>
    Object.keys(shapeOf(schema)).filter((k) => declaredKey(shapeOf(schema)[k], false) !== undefined);
  return [
    ...Object.entries(CONSTELLATION_SECTIONS).flatMap(([section, schema]) =>
      declared(schema()).map((k) => `${section}.${k}`),
    ),
    ...Object.keys(COMPILER_KEYS),
    ...shellNames.flatMap((n) => declared(shellSchema()).map((k) => `shells.${n}.${k}`)),
    'node.<section>.<key>',
  ];
}

const wraps = new Map<string, boolean>();
/** Whether a study variable wraps around (a Walker phasing, a RAAN): its bounds never bind (decision/binding.ts). */
export function wrapsAround(name: string): boolean {
  let w = wraps.get(name);
  if (w === undefined) {
    const shell = name.startsWith('shells.') ? [name.split('.')[1]!] : [];
    w = (constellationVariableKey(name, shell) ?? nodeVariableKey(name))?.wraps === true;
    wraps.set(name, w);
  }
  return w;
}

/** Throws BAD_VARIABLE at the study's `variables.<path>` entry, with its line. */
export function variableFailure(src: ParsedFile['src'], path: string): (msg: string) => never {
  const where = locate(src, ['variables', path]);
  return (msg) => {
    throw new StudyError('BAD_VARIABLE', `${where}: variables.${path}: ${msg}`, {
      file: src.file,
      field: `variables.${path}`,
    });
  };
}

/** An unknown variable path: the nearest known one and the forms a study may name. */
export function unknownVariable(path: string, known: readonly string[], forms: string): string {
  const guess = didYouMean(path, known);
  return `unknown variable${guess ? `: did you mean ${guess}?` : ''} (${forms})`;
}

/**
 * The study's variables in file order, each compiled against the key `keyOf` finds for its path (which fails on an
 * unknown one); BAD_VARIABLE with file:line for a study without variables.
 */
export function compileVariables(
  entries: readonly (readonly [string, VariableDomain])[],
  src: ParsedFile['src'],
  keyOf: (path: string, fail: (msg: string) => never, domain: VariableDomain) => VariableKey,
): VariableSpec[] {
  if (entries.length === 0)
    throw new StudyError('BAD_VARIABLE', `${locate(src, ['variables'])}: a study needs at least one variable`, {
      file: src.file,
      field: 'variables',
    });
  return entries.map(([path, domain]) => {
    const fail = variableFailure(src, path);
    return compileVariable(path, domain, keyOf(path, fail, domain), fail);
  });
}

/** One variable: its options distinct and valid, or its bounds increasing, valid and (for an integer) whole. */
function compileVariable(
  path: string,
  domain: VariableDomain,
  key: VariableKey,
  fail: (msg: string) => never,
): VariableSpec {
  const checkValue = (v: unknown, label: string, index = 0): void => {
    const wrong = key.check?.(v, label, index) ?? null;
    if (wrong !== null) fail(`${label} ${JSON.stringify(v)} ${wrong}`);
  };
  if (!Array.isArray(domain) && 'choice' in domain) {
    const options = domain.choice;
    if (new Set(options).size !== options.length) fail('choice lists an option twice');
    options.forEach((o, i) => checkValue(o, 'choice', i));
    return { kind: 'choice', name: path, options };
  }
  const [lo, hi] = Array.isArray(domain) ? domain : domain.int;
  if (key.categorical) fail('a catalog id or an enumeration is categorical: write { choice: [...] }');
  if (lo > hi) fail(`bounds are reversed ([${lo}, ${hi}]): did you swap them? write [${hi}, ${lo}]`);
  if (lo === hi)
    fail(`the range [${lo}, ${hi}] is empty: widen it, or fix the value in the design instead of making it a variable`);
  checkValue(lo, 'lower bound');
  checkValue(hi, 'upper bound');
  const isInt = !Array.isArray(domain) || key.int === true;
  if (isInt && (!Number.isInteger(lo) || !Number.isInteger(hi)))
    fail(`integer bounds must be whole numbers, got [${lo}, ${hi}]`);
  return { kind: isInt ? 'int' : 'real', name: path, lower: lo, upper: hi };
}

/**
 * The value a design takes from its variable's coordinate x: a choice's option, an int variable's value as a small
 * integer (read from the optimizer's Float64Array it is a boxed double, and a record field that once holds one is a
 * double field in every record of its shape, so code compiled for small integers deoptimizes on it; −0 stays −0),
 * a continuous variable's x itself.
 */
export function variableValue(v: VariableSpec, x: number): string | number {
  if (v.kind === 'choice') return v.options[x]!;
  if (v.kind !== 'int') return x;
  const i = x | 0;
  return i === x && !Object.is(x, -0) ? i : x;
}
