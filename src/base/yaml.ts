/**
 * Reads odc's YAML input files (designs, studies, constellations, catalogs): a regular file of bounded size,
 * YAML syntax errors with file:line:column, duplicate keys, `__proto__` and non-core tags refused, aliases
 * bounded, and a zod schema applied with every issue turned into a StudyError that names the file, the field
 * and the fix (./issues.ts). Knows nothing of what the file describes: any layer may read its files here.
 */
import { createHash } from 'node:crypto';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import type * as z from 'zod';
import { readRegularText } from './guardedFile.js';
import { StudyError } from './errors.js';
import { issueToError, type Path, type SourceMap } from './issues.js';

export interface ParsedFile {
  readonly src: SourceMap;
  readonly raw: unknown;
  readonly text: string;
  /** sha256 of the file bytes, hex. */
  readonly hash: string;
}

/** Largest design, study or catalog file odc reads: 10 MB (the shipped files are a few kB). */
export const MAX_INPUT_BYTES = 10 * 1024 * 1024;
/** YAML aliases (`*name`) one file may use; more is refused as an alias bomb ("billion laughs"). */
export const MAX_YAML_ALIASES = 100;
/**
 * Most YAML entries (keys, values, list items) one file may hold. A parsed node costs ~1 kB in the yaml
 * package's document model, so a 10 MB flow list of single digits (5 million nodes) took over 4 GB; at this
 * cap a file parses in a few hundred MB. Shipped files hold a few hundred entries.
 */
export const MAX_YAML_NODES = 200_000;

/**
 * An upper bound on a YAML text's node count, without parsing: every node but the root and a block root's
 * first key is preceded by one of the separators a node needs (',' in flow collections, a line break or '- ' in
 * block ones, ':' between a key and its value, '[' or '{' opening a collection). Separators inside quoted
 * strings or comments count too, so the bound can only be high, never low.
 */
export function yamlNodeBound(text: string): number {
  let n = 2;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // , \n - : [ {
    if (c === 44 || c === 10 || c === 45 || c === 58 || c === 91 || c === 123) n++;
  }
  return n;
}

/**
 * The text of an input file: a regular file (a link to one is followed) of at most MAX_INPUT_BYTES; a FIFO, a
 * device such as /dev/zero, a folder or an oversized file is refused unread (guardedFile.ts).
 */
export function readInputFile(file: string, what = 'design file'): string {
  return readRegularText(file, {
    what,
    maxBytes: MAX_INPUT_BYTES,
    followLinks: true,
    fix: 'check the path (shipped designs and studies are in designs/)',
  });
}

/**
 * Parses YAML text: syntax errors and duplicate keys as YAML_SYNTAX with file:line:col. Duplicate keys are
 * found in one pass over the document (yaml's own `uniqueKeys` check is quadratic in the keys of a map).
 */
export function parseYamlText(text: string, file: string): { doc: Document.Parsed; lines: LineCounter } {
  const nodes = yamlNodeBound(text);
  if (nodes > MAX_YAML_NODES) {
    throw new StudyError(
      'OUT_OF_RANGE',
      `${file}: the file holds up to ${nodes.toLocaleString('en-US')} YAML entries (keys, values, list items), more than the ${MAX_YAML_NODES.toLocaleString('en-US')} odc reads from one file to bound its memory; odc files hold hundreds: check how it was generated, or split it`,
      { file },
    );
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: false });
  const at = (offset: number): string => {
    const pos = lines.linePos(offset);
    return `${file}:${pos.line}:${pos.col}`;
  };
  const err = doc.errors[0];
  if (err?.code === 'MULTIPLE_DOCS') {
    throw new StudyError(
      'YAML_SYNTAX',
      `${at(err.pos[0])}: the file holds more than one YAML document (a \`---\` line starts another here); an odc file is one document: remove the separator and what follows, or split the file`,
      { file },
    );
  }
  if (err) {
    const what = err.message.split('\n')[0]!.replace(/ at line \d+, column \d+.*$/, '');
    throw new StudyError('YAML_SYNTAX', `${at(err.pos[0])}: YAML syntax error: ${what}`, { file });
  }
  const problem = firstStructuralProblem(doc);
  if (problem?.kind === 'duplicate') {
    const first = lines.linePos(problem.firstOffset);
    throw new StudyError(
      'YAML_SYNTAX',
      `${at(problem.offset)}: YAML syntax error: duplicate key ${JSON.stringify(problem.key)} (first at line ${first.line}:${first.col}); keys must be unique`,
      { file },
    );
  }
  if (problem?.kind === 'proto') {
    throw new StudyError(
      'YAML_SYNTAX',
      `${at(problem.offset)}: the key "__proto__" is not allowed (JavaScript reserves it; no odc field or variable has that name): rename or remove it`,
      { file },
    );
  }
  if (problem?.kind === 'tag') {
    throw new StudyError(
      'YAML_SYNTAX',
      `${at(problem.offset)}: the YAML tag ${problem.tag} is not read by odc (odc files are plain YAML: maps, lists, strings, numbers, booleans, null): remove the tag`,
      { file },
    );
  }
  return { doc, lines };
}

/** The document as plain data, aliases limited to MAX_YAML_ALIASES (an alias bomb is YAML_SYNTAX). */
export function yamlToJS(doc: Document.Parsed, file: string): unknown {
  try {
    return doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (e) {
    if (e instanceof ReferenceError && /alias/i.test(e.message)) {
      throw new StudyError(
        'YAML_SYNTAX',
        `${file}: YAML aliases expand too far (more than ${MAX_YAML_ALIASES} alias uses): refused as an alias bomb ("billion laughs"); write the values out`,
        { file },
      );
    }
    if (e instanceof RangeError || e instanceof ReferenceError) {
      throw new StudyError('YAML_SYNTAX', `${file}: YAML cannot be read: ${e.message.split('\n')[0]}`, { file });
    }
    throw e;
  }
}

/**
 * Core-schema tags a file may spell out explicitly (`!!str 5`); any other tag (`!!set`, `!!js/function`, `!custom`) is
 * refused.
 */
const PLAIN_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => `tag:yaml.org,2002:${t}`));

type StructuralProblem =
  | { readonly kind: 'duplicate'; readonly key: string; readonly offset: number; readonly firstOffset: number }
  | { readonly kind: 'proto'; readonly offset: number }
  | { readonly kind: 'tag'; readonly tag: string; readonly offset: number };

/**
 * The first key that repeats a key of the same mapping (scalar keys by value), key named `__proto__`, or
 * explicit non-core tag, walking the tree without recursion.
 */
function firstStructuralProblem(doc: Document.Parsed): StructuralProblem | undefined {
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    const tag = (node as { tag?: unknown } | null)?.tag;
    if (typeof tag === 'string' && !PLAIN_TAGS.has(tag)) {
      const offset = (node as { range?: [number] }).range?.[0] ?? 0;
      return { kind: 'tag', tag: tag.replace(/^tag:yaml\.org,2002:/, '!!'), offset };
    }
    if (isMap(node)) {
      const seen = new Map<string, number>();
      for (const pair of node.items) {
        const k = pair.key;
        if (k === null || isScalar(k)) {
          const v: unknown = k === null ? null : k.value;
          const id = `${typeof v}:${String(v)}`;
          const offset = (k !== null ? k.range?.[0] : undefined) ?? node.range?.[0] ?? 0;
          if (v === '__proto__') return { kind: 'proto', offset };
          const prev = seen.get(id);
          if (prev !== undefined) return { kind: 'duplicate', key: String(v), offset, firstOffset: prev };
          seen.set(id, offset);
        }
        stack.push(k);
        stack.push(pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) stack.push(item);
    } else if (isPair(node)) {
      stack.push(node.key, node.value);
    }
  }
  return undefined;
}

export function readYaml(file: string): ParsedFile {
  const text = readInputFile(file);
  const { doc, lines } = parseYamlText(text, file);
  const raw: unknown = yamlToJS(doc, file);
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new StudyError(
      'WRONG_TYPE',
      `${file}: expected a mapping of keys (name:, kind:, orbit:, ...) at the top level`,
      { file },
    );
  }
  const hash = createHash('sha256').update(text).digest('hex');
  return { src: { file, doc, lines }, raw, text, hash };
}

/** Keys of the strict object at a path, for "did you mean". */
function knownKeys(schema: z.ZodType): (path: Path) => readonly string[] {
  return (path) => {
    let s: unknown = schema;
    for (const p of path) {
      s = unwrap(s);
      // A list index steps into the list's element schema (shells[2] → the shell schema).
      if (typeof p === 'number') {
        s = (s as { def?: { element?: unknown } } | undefined)?.def?.element;
        continue;
      }
      const shape = (s as { shape?: Record<string, unknown> }).shape;
      s = shape?.[String(p)];
    }
    const shape = (unwrap(s) as { shape?: Record<string, unknown> } | undefined)?.shape;
    return shape ? Object.keys(shape) : [];
  };
}

function unwrap(s: unknown): unknown {
  let cur = s as { def?: { innerType?: unknown } } | undefined;
  while (cur?.def?.innerType) cur = cur.def.innerType as typeof cur;
  return cur;
}

export function parseWith<T>(schema: z.ZodType<T>, f: ParsedFile): T {
  const r = schema.safeParse(f.raw);
  if (r.success) return r.data;
  const known = knownKeys(schema);
  // A misspelt key shows up both as an unknown key and as a missing field: report the typo first.
  const issues = [...r.error.issues].sort(
    (a, b) => Number(b.code === 'unrecognized_keys') - Number(a.code === 'unrecognized_keys'),
  );
  // one message per distinct text (a value failing two checks that say the same thing is reported once)
  const errors = [
    ...new Map(issues.map((iss) => issueToError(f.src, f.raw, iss, known)).map((e) => [e.message, e])).values(),
  ];
  const first = errors[0]!;
  if (errors.length === 1) throw first;
  const more = errors
    .slice(1, 4)
    .map((e) => `\n  also: ${e.message}`)
    .join('');
  throw new StudyError(first.code, `${first.message}${more}`, { file: first.file, field: first.field });
}
