/**
 * Turns zod issues into user messages that name the file (with line:column), the field and the fix.
 * Unknown keys get a "did you mean"; a key written without its unit suffix (`altitude` for
 * `altitude_km`) gets a MISSING_UNIT message that names the unit, one in another unit (`altitude_m`) the key in the
 * unit the field takes.
 */
import type { Document, LineCounter } from 'yaml';
import { isMap, isScalar, isSeq } from 'yaml';
import type * as z from 'zod';
import { didYouMean, StudyError, type StudyErrorCode } from './errors.js';

export type Path = readonly (string | number)[];

const UNIT_WORDS: Record<string, string> = {
  km: 'kilometres',
  m2: 'square metres',
  kg: 'kilograms',
  yr: 'years',
  deg: 'degrees',
  h: 'hours',
  W: 'watts',
  mm_al: 'millimetres of aluminium',
  USD_per_kg: 'US dollars per kilogram',
  USD_per_kWh: 'US dollars per kWh',
};

export interface SourceMap {
  readonly file: string;
  readonly doc: Document.Parsed;
  readonly lines: LineCounter;
  /** The `--set` edits applied to the document (./yamlSet.ts): where their values came from, in order. */
  readonly sets?: readonly { readonly path: readonly string[]; readonly text: string }[];
}

/** Whether one key path lies within the other (or they are equal), as dotted keys (a variable's key holds dots). */
const nested = (a: readonly string[], b: readonly string[]): boolean => {
  const [x, y] = [a.join('.'), b.join('.')];
  return x === y || x.startsWith(`${y}.`) || y.startsWith(`${x}.`);
};

/**
 * line:column of the value (or, with `key`, of that key) at `path`, if it can be found; a value a `--set` edit wrote
 * (or a field of a section holding one) is located at that edit, `file, --set key=value`, not at the file's line.
 */
export function locate(src: SourceMap, path: Path, key?: string): string {
  const at = [...path, ...(key !== undefined ? [key] : [])].map(String);
  // a whole section (`variables`) is not "at" an edit of one of its fields
  const edit = src.sets?.findLast((s) => nested(s.path, at) && (s.path.length <= at.length || at.length >= 2));
  if (edit !== undefined) return `${src.file}, --set ${edit.text}`;
  let node: unknown = src.doc.contents;
  for (const p of path) {
    if (!isMap(node) && !isSeq(node)) break;
    const next: unknown = node.get(p, true);
    if (next === undefined) break;
    node = next;
  }
  let offset: number | undefined;
  if (key !== undefined && isMap(node)) {
    const item = node.items.find((it) => isScalar(it.key) && it.key.value === key);
    offset = isScalar(item?.key) ? item.key.range?.[0] : undefined;
  } else if (node && typeof node === 'object' && 'range' in node) {
    offset = (node as { range?: [number, number, number] }).range?.[0];
  }
  if (offset === undefined) return src.file;
  const pos = src.lines.linePos(offset);
  return `${src.file}:${pos.line}:${pos.col}`;
}

const dotted = (path: Path): string => path.map(String).join('.');

function describeInput(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  return String(v);
}

function valueAt(root: unknown, path: Path): unknown {
  let v = root;
  for (const p of path)
    v = v && typeof v === 'object' && Object.hasOwn(v, p) ? (v as Record<string | number, unknown>)[p] : undefined;
  return v;
}

/** Known keys of the strict object at `path` (one level of nesting is all a design has). */
export type KnownKeys = (path: Path) => readonly string[];

const showNumber = (v: unknown): string =>
  typeof v === 'number' && Number.isNaN(v)
    ? '.nan'
    : typeof v === 'number'
      ? v > 0
        ? '.inf'
        : '-.inf'
      : describeInput(v);

/** What is wrong with a study variable's domain (`variables.<key>`), said precisely; undefined when not one. */
function variableDomainProblem(path: Path, input: unknown): string | undefined {
  if (path.length !== 2 || path[0] !== 'variables') return undefined;
  const field = dotted(path);
  const forms = 'a variable is [lower, upper], { int: [lower, upper] } or { choice: [a, b, ...] }';
  const rangeProblem = (r: unknown, where: string): string | undefined => {
    if (!Array.isArray(r) || r.length !== 2)
      return `${where} must be a list of two numbers [lower, upper], got ${describeInput(r)}${Array.isArray(r) ? ` of ${r.length}` : ''}`;
    const bad = r.findIndex((v) => typeof v !== 'number' || !Number.isFinite(v));
    if (bad >= 0) return `${where}[${bad}] must be a finite number, got ${showNumber(r[bad])}`;
    return undefined;
  };
  if (Array.isArray(input)) return rangeProblem(input, field);
  if (input && typeof input === 'object') {
    const keys = Object.keys(input);
    if (keys.includes('int') && keys.includes('choice'))
      return `${field} has both int: and choice: — ${forms}: keep one (a choice list of whole numbers also works)`;
    if (keys.length === 1 && keys[0] === 'int') return rangeProblem((input as { int: unknown }).int, `${field}.int`);
    if (keys.length === 1 && keys[0] === 'choice')
      return `${field}.choice must be a non-empty list of catalog ids or numbers`;
    return `${field} has key(s) ${keys.join(', ') || '(none)'}: ${forms}`;
  }
  return `${field} is ${describeInput(input)}: ${forms}`;
}

/** A key the schema does not know: a unit-less spelling of a known key, or a typo with a suggestion. */
function unknownKeyMessage(
  path: Path,
  field: string,
  key: string,
  candidates: readonly string[],
  value: unknown,
): { code: StudyErrorCode; msg: string } {
  const full = path.length ? `${field}.${key}` : key;
  const withUnit = candidates.find((c) => c.startsWith(`${key}_`));
  if (withUnit) {
    const unit = withUnit.slice(key.length + 1);
    return {
      code: 'MISSING_UNIT',
      msg: `${full} has no unit: keys carry their unit, write ${path.length ? `${field}.` : ''}${withUnit} (${UNIT_WORDS[unit] ?? unit})`,
    };
  }
  // a key in another unit (altitude_m for altitude_km): the key with the unit the field takes
  const stem = key.slice(0, key.indexOf('_'));
  const sameStem = key.includes('_') ? candidates.filter((c) => c.startsWith(`${stem}_`)) : [];
  if (sameStem.length === 1) {
    const [other, unit] = [sameStem[0]!, sameStem[0]!.slice(stem.length + 1)];
    const at = path.length ? `${field}.` : '';
    return {
      code: 'UNKNOWN_KEY',
      msg: `unknown key ${full}: keys carry their unit, and ${stem} is given in ${UNIT_WORDS[unit] ?? unit}: did you mean ${at}${other}? (give the value in ${unit})`,
    };
  }
  const guess = didYouMean(key, candidates);
  // a key renamed to its plural when it became a list (sky.latitude_deg → latitudes_deg, sky.date → dates)
  const plural = candidates.find(
    (c) => c === `${key}s` || (key.includes('_') && c === `${stem}s${key.slice(stem.length)}`),
  );
  if (plural !== undefined && !Array.isArray(value)) {
    const at = path.length ? `${field}.` : '';
    return {
      code: 'UNKNOWN_KEY',
      msg: `unknown key ${full}: did you mean ${at}${plural}? It takes a list: write ${plural}: [${JSON.stringify(value) ?? '…'}]`,
    };
  }
  return {
    code: 'UNKNOWN_KEY',
    msg: `unknown key ${full}${guess ? `: did you mean ${guess}?` : ''} (valid keys${path.length ? ` in ${field}` : ''}: ${candidates.join(', ')})`,
  };
}

/** A value no union alternative accepts: the variable-domain problem, else the list of accepted forms. */
function unionMessage(path: Path, field: string, input: unknown, errors: z.core.$ZodIssue[][]): string {
  const alternatives = errors
    .flat()
    .map((e) =>
      e.code === 'invalid_value'
        ? e.values.map((v) => JSON.stringify(v)).join(' | ')
        : e.code === 'invalid_type'
          ? `a ${e.expected}`
          : '',
    )
    .filter((a) => a !== '');
  return (
    variableDomainProblem(path, input) ??
    misspeltAlternativeKey(field, input, errors) ??
    `${field} must be ${[...new Set(alternatives)].join(' or ') || 'a valid value'}, got ${describeInput(input)}`
  );
}

/**
 * A mapping whose key no alternative knows while each alternative misses its own key (`- maximise: x` against
 * `minimize:` | `maximize:`): that key, the one it most resembles, and the keys the alternatives take.
 */
function misspeltAlternativeKey(field: string, input: unknown, errors: z.core.$ZodIssue[][]): string | undefined {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) return undefined;
  const issues = errors.flat();
  const wanted = [
    ...new Set(
      issues
        .filter((e) => e.code === 'invalid_type' && e.path.length === 1 && !Object.hasOwn(input, e.path[0]!))
        .map((e) => String(e.path[0])),
    ),
  ];
  const unknown = issues.flatMap((e) => (e.code === 'unrecognized_keys' ? e.keys : []))[0];
  if (wanted.length === 0 || unknown === undefined) return undefined;
  const guess = didYouMean(unknown, wanted);
  return `${field} has key ${unknown}${guess ? `: did you mean ${guess}?` : ''} (it takes one of: ${wanted.join(', ')})`;
}

export function issueToError(src: SourceMap, raw: unknown, issue: z.core.$ZodIssue, known: KnownKeys): StudyError {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  const field = dotted(path);
  let code: StudyErrorCode = 'WRONG_TYPE';
  let msg: string;
  let where = locate(src, path);
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0]!;
    where = locate(src, path, key);
    ({ code, msg } = unknownKeyMessage(path, field, key, known(path), valueAt(raw, [...path, key])));
  } else if (issue.code === 'invalid_type') {
    const input = valueAt(raw, path);
    if (input === undefined) {
      code = 'MISSING_FIELD';
      msg = `${field} is required`;
    } else {
      const unitHint =
        typeof input === 'string' && /\d/.test(input) ? ' (write the bare number; the unit is in the key name)' : '';
      msg = `${field} must be ${issue.expected === 'number' ? 'a number' : `of type ${issue.expected}`}, got ${describeInput(input)}${unitHint}`;
    }
  } else if (issue.code === 'invalid_value') {
    const input = valueAt(raw, path);
    const options = issue.values.map((v) => JSON.stringify(v)).join(' | ');
    if (input === undefined) {
      // a required choice left out: the field's own message when it has one (zod's own begins "Invalid")
      code = 'MISSING_FIELD';
      const key = String(path[path.length - 1] ?? '');
      // the field's own message names its key: the whole path stands for it, so the message says where in the file
      const own = issue.message.startsWith(key)
        ? `${field}${issue.message.slice(key.length)}`
        : `${field}: ${issue.message}`;
      msg = /^Invalid\b/.test(issue.message) ? `${field} must be stated: one of ${options}` : own;
    } else msg = `${field} must be one of ${options}, got ${describeInput(input)}`;
  } else if (issue.code === 'invalid_union') {
    const inner = issue.errors.flat().find((e) => e.code === 'custom');
    msg = inner ? inner.message : unionMessage(path, field, valueAt(raw, path), issue.errors);
    if (inner?.message.includes('validity range')) code = 'OUT_OF_RANGE';
  } else if (issue.code === 'custom') {
    msg = issue.message;
    if (msg.includes('validity range')) code = 'OUT_OF_RANGE';
  } else if (issue.code === 'too_small' || issue.code === 'too_big') {
    code = 'OUT_OF_RANGE';
    msg = `${field}: ${issue.message}`;
  } else {
    msg = `${field || '(top level)'}: ${issue.message}`;
  }
  return new StudyError(code, `${where}: ${msg}`, { file: src.file, field });
}
