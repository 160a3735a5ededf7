/**
 * `--set key=value` edits of a YAML input file (odc evaluate --set, odc run --set): each puts a value at a dotted key
 * path (`orbit.altitude_km=600`, `shells.0.planes=12`) into the parsed document before any validation, so the edited
 * file meets every check the file itself meets, with the same messages (an unknown key's "did you mean", a key's
 * unit); an error about an edited key names the `--set` that made it. The value is read as YAML: `600` a number,
 * `b200` a string, `true` a boolean, `[1, 2]` a list. The file's other values keep their line:column in messages.
 */
import type { Document } from 'yaml';
import { isStudyError, StudyError } from './errors.js';
import { sha256 } from './sha256.js';
import { parseYamlText, yamlToJS, type ParsedFile } from './yaml.js';

export interface YamlSet {
  /** As given: `orbit.altitude_km=600`. */
  readonly text: string;
  /** The dotted key: `orbit.altitude_km`. */
  readonly key: string;
  readonly value: unknown;
}

const EXAMPLE = 'e.g. --set orbit.altitude_km=600 or --set compute.chip=b200';

/** One `key=value`, its value read as YAML; a malformed one is BAD_ARGUMENT naming it and the form. */
export function parseSet(text: string): YamlSet {
  const eq = text.indexOf('=');
  const key = eq < 0 ? '' : text.slice(0, eq).trim();
  if (eq < 0 || key === '' || key.split('.').some((p) => p === ''))
    throw new StudyError(
      'BAD_ARGUMENT',
      `--set ${JSON.stringify(text)}: expected key=value with a dotted key, ${EXAMPLE}`,
      {
        field: 'set',
      },
    );
  const at = `--set ${key}`;
  try {
    return { text, key, value: yamlToJS(parseYamlText(text.slice(eq + 1), at).doc, at) };
  } catch (e) {
    // the value's own YAML is wrong: the --set is named, never the file it edits
    if (!isStudyError(e)) throw e;
    const why = e.message.startsWith(at) ? e.message.slice(at.length).replace(/^(:\d+:\d+)?: /, '') : e.message;
    throw new StudyError('BAD_ARGUMENT', `--set ${text}: the value: ${why}`, { field: key });
  }
}

/** The first part of `key` that is not a section of `raw` to write into (a value, or a list index past the end). */
function blockedAt(raw: unknown, parts: readonly string[]): string | undefined {
  let node = raw;
  for (let i = 0; i < parts.length - 1; i++) {
    // the file's own keys only: `constructor`, `toString` or `__proto__` name no section of it (validation names them)
    const next = Array.isArray(node)
      ? node[Number(parts[i])]
      : Object.hasOwn(node as object, parts[i]!)
        ? (node as Record<string, unknown>)[parts[i]!]
        : undefined;
    if (next === undefined) return undefined; // a new section: validation says whether it may be there
    const here = parts.slice(0, i + 1).join('.');
    if (next === null || typeof next !== 'object') return `${here} is a value (${JSON.stringify(next)}), not a section`;
    if (Array.isArray(next) && !(Number(parts[i + 1]) < next.length && /^\d+$/.test(parts[i + 1]!)))
      return `${here} is a list of ${next.length}: the next part must be an index from 0 to ${next.length - 1}`;
    node = next;
  }
  return undefined;
}

/** The file with each edit applied in order (a later edit of a key wins); `sets` as given on the command line. */
export function applySets(file: ParsedFile, sets: readonly string[]): ParsedFile {
  if (sets.length === 0) return file;
  // a clone of a parsed document keeps its directives: still a Document.Parsed
  const doc = file.src.doc.clone() as Document.Parsed;
  const edits = sets.map(parseSet);
  for (const s of edits) {
    const parts = s.key.split('.');
    const blocked = blockedAt(yamlToJS(doc, file.src.file), parts);
    if (blocked !== undefined)
      throw new StudyError('BAD_ARGUMENT', `--set ${s.text}: ${blocked} in ${file.src.file}`, {
        file: file.src.file,
        field: s.key,
      });
    doc.setIn(parts, s.value);
  }
  const text = doc.toString({ lineWidth: 0 });
  const raw = yamlToJS(doc, file.src.file);
  const hash = sha256(text);
  const origins = [...(file.src.sets ?? []), ...edits.map((s) => ({ path: s.key.split('.'), text: s.text }))];
  return { src: { ...file.src, doc, sets: origins }, raw, text, hash };
}

const escaped = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whether an input error is about the key an edit set: its field, the key in the message, or an unknown part of it. */
function isAbout(e: StudyError, key: string): boolean {
  if (e.field === key || new RegExp(`\\b${escaped(key)}\\b`).test(e.message)) return true;
  const parts = key.split('.');
  return parts.some((_, i) =>
    new RegExp(`unknown key ${escaped(parts.slice(0, i + 1).join('.'))}(?![\\w.])`).test(e.message),
  );
}

/**
 * Runs `evaluate`; an input error about a key an edit set names that edit:
 * `designs/ai1.yaml, --set orbit.altitude_m=600: unknown key orbit.altitude_m …`.
 */
export async function namingSets<T>(file: string, sets: readonly string[], evaluate: () => T | Promise<T>): Promise<T> {
  try {
    return await evaluate();
  } catch (e) {
    throw namingSet(file, sets, e);
  }
}

/** `namingSets` for a synchronous `load` (a study loaded for a run). */
export function namingSetsSync<T>(file: string, sets: readonly string[], load: () => T): T {
  try {
    return load();
  } catch (e) {
    throw namingSet(file, sets, e);
  }
}

/** The error `e` of a file edited by `sets`, naming the edit it is about (else `e` itself). */
function namingSet(file: string, sets: readonly string[], e: unknown): unknown {
  // already located at its edit (issues.ts locate): named once
  if (!isStudyError(e) || e.code === 'BAD_ARGUMENT' || e.message.startsWith(`${file}, --set `)) return e;
  const s = sets
    .map(parseSet)
    .reverse()
    .find((x) => isAbout(e, x.key));
  if (s === undefined) return e;
  // the edited value's place in the file says nothing more than the --set
  const rest = e.message.replace(new RegExp(`^${escaped(file)}(:\\d+:\\d+)?: `), '');
  return new StudyError(e.code, `${file}, --set ${s.text}: ${rest}`, { file, field: e.field });
}
