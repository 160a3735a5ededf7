/**
 * Reads odc's YAML input files (designs, studies, constellations, catalogs): a regular file of bounded size,
 * YAML syntax errors with file:line:column, duplicate keys, `__proto__` and non-core tags refused, aliases
 * bounded, and a zod schema applied with every issue turned into a StudyError that names the file, the field
 * and the fix (./issues.ts). Knows nothing of what the file describes: any layer may read its files here.
 */
import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import type * as z from 'zod';
import { readRegularText } from './guardedFile.js';
import { sha256 } from './sha256.js';
import { StudyError, didYouMean } from './errors.js';
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
 * Deepest nesting of lists and mappings one file may hold. The shipped files nest at most 6 levels; the yaml parser
 * recurses per level and overflows the stack somewhere near 1,000 levels of flow collections, so a file is refused
 * with this limit named, well before that.
 */
export const MAX_YAML_DEPTH = 64;

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
  const near = existsSync(file) ? undefined : nearestInputFile(file);
  const fix = 'check the path (shipped designs and studies are in designs/)';
  return readRegularText(file, {
    what,
    maxBytes: MAX_INPUT_BYTES,
    followLinks: true,
    fix: near === undefined ? fix : `did you mean ${near}?`,
  });
}

/**
 * The existing YAML file whose name is nearest a missing path's (a plausible typo, errors.ts didYouMean): in the
 * path's folder, else one folder down; the same name one folder down first (designs/suncatcher-81.yaml →
 * designs/constellations/suncatcher-81.yaml).
 */
export function nearestInputFile(file: string): string | undefined {
  const yamlIn = (dir: string): string[] => {
    try {
      return readdirSync(dir, { withFileTypes: true })
        .filter((e) => e.isFile() && ['.yaml', '.yml'].includes(extname(e.name)))
        .map((e) => join(dir, e.name));
    } catch {
      return [];
    }
  };
  const dir = dirname(file);
  const pick = (paths: string[]): string | undefined => {
    const name = didYouMean(
      basename(file),
      paths.map((p) => basename(p)),
    );
    return paths.find((p) => basename(p) === name);
  };
  const down = (): string[] => {
    try {
      return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? yamlIn(join(dir, e.name)) : [],
      );
    } catch {
      return [];
    }
  };
  const below = down();
  return below.find((p) => basename(p) === basename(file)) ?? pick(yamlIn(dir)) ?? pick(below);
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
  if (err && /call stack/i.test(err.message)) throw tooDeep(at(err.pos[0]), file);
  if (err) {
    const what = err.message.split('\n')[0]!.replace(/ at line \d+, column \d+.*$/, '');
    // yaml reports an unclosed { or [ where the next construct starts; the reader's fix is where it opened
    const closer = /^Flow (?:map|sequence) .*end with an? ([}\]])/.exec(what)?.[1];
    const opened = closer === undefined ? undefined : unclosedFlowOpener(text, err.pos[0], closer === '}' ? '{' : '[');
    if (opened !== undefined)
      throw new StudyError(
        'YAML_SYNTAX',
        `${at(opened)}: YAML syntax error: this ${closer === '}' ? '{' : '['} is never closed: end it with ${closer} on its ` +
          `line, or continue it on lines indented past its key (${what})`,
        { file },
      );
    throw new StudyError('YAML_SYNTAX', `${at(err.pos[0])}: YAML syntax error: ${what}`, { file });
  }
  const problem = firstStructuralProblem(doc);
  if (problem !== undefined) throw structuralError(problem, at, lines, file);
  return { doc, lines };
}

/**
 * The offset of the innermost `opener` ({ or [) still open before `end`, outside quoted strings and comments; undefined
 * when every one is closed.
 */
function unclosedFlowOpener(text: string, end: number, opener: '{' | '['): number | undefined {
  const open: { c: string; at: number }[] = [];
  for (let i = 0; i < end; i++) {
    const c = text[i]!;
    if (c === '"' || c === "'") {
      // a quoted scalar: skip to its closing quote (\" escapes in double quotes, '' in single ones)
      for (i++; i < end && text[i] !== c; i++) if (c === '"' && text[i] === '\\') i++;
    } else if (c === '#' && (i === 0 || /\s/.test(text[i - 1]!))) {
      while (i < end && text[i] !== '\n') i++;
    } else if (c === '{' || c === '[') open.push({ c, at: i });
    else if (c === '}' || c === ']') open.pop();
  }
  return open.findLast((o) => o.c === opener)?.at;
}

/** The message of a problem the walk over the parsed document found, at its line and column. */
function structuralError(
  problem: StructuralProblem,
  at: (offset: number) => string,
  lines: LineCounter,
  file: string,
): StudyError {
  const error = (text: string): StudyError => new StudyError('YAML_SYNTAX', `${at(problem.offset)}: ${text}`, { file });
  switch (problem.kind) {
    case 'duplicate': {
      const first = lines.linePos(problem.firstOffset);
      return error(
        `YAML syntax error: duplicate key ${JSON.stringify(problem.key)} (first at line ${first.line}:${first.col}); keys must be unique`,
      );
    }
    case 'proto':
      return error(
        'the key "__proto__" is not allowed (JavaScript reserves it; no odc field or variable has that name): rename or remove it',
      );
    case 'tag':
      return error(
        `the YAML tag ${problem.tag} is not read by odc (odc files are plain YAML: maps, lists, strings, numbers, booleans, null): remove the tag`,
      );
    case 'depth':
      return tooDeep(at(problem.offset), file);
    case 'alias':
      return error(
        `YAML alias *${problem.name} refers to no anchor: no &${problem.name} is defined before it in the file; define the anchor first (&${problem.name} on a value above), fix the name, or write the value out`,
      );
    case 'selfAlias':
      return error(
        `YAML alias *${problem.name} refers to the value that holds it (&${problem.name}): a value that contains itself, which no odc field holds; write the value out`,
      );
  }
}

const tooDeep = (where: string, file: string): StudyError =>
  new StudyError(
    'YAML_SYNTAX',
    `${where}: lists and mappings nest deeper than the ${MAX_YAML_DEPTH} levels odc reads (odc files nest a few levels): check how the file was generated`,
    { file },
  );

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
  | { readonly kind: 'tag'; readonly tag: string; readonly offset: number }
  | { readonly kind: 'depth'; readonly offset: number }
  | { readonly kind: 'alias' | 'selfAlias'; readonly name: string; readonly offset: number };

/**
 * The first key that repeats a key of the same mapping (scalar keys by value), key named `__proto__`, explicit
 * non-core tag, collection nested deeper than MAX_YAML_DEPTH or alias without an anchor before it, walking the tree
 * without recursion.
 */
function firstStructuralProblem(doc: Document.Parsed): StructuralProblem | undefined {
  const stack: unknown[] = [doc.contents];
  const depths: number[] = [0];
  const push = (node: unknown, depth: number): void => {
    stack.push(node);
    depths.push(depth);
  };
  // each resolve() scans the document, so only as many aliases are checked as toJS will expand
  let aliases = 0;
  while (stack.length > 0) {
    const node = stack.pop();
    const depth = depths.pop()!;
    const offsetOf = (): number => (node as { range?: [number] } | null)?.range?.[0] ?? 0;
    if (depth > MAX_YAML_DEPTH) return { kind: 'depth', offset: offsetOf() };
    if (isAlias(node) && ++aliases <= MAX_YAML_ALIASES) {
      const target = node.resolve(doc);
      if (target === undefined) return { kind: 'alias', name: node.source, offset: offsetOf() };
      // an alias inside the value its anchor names: a value that contains itself, which no odc field can hold
      const [from, to] = target.range ?? [0, -1];
      if (offsetOf() >= from && offsetOf() < to) return { kind: 'selfAlias', name: node.source, offset: offsetOf() };
    }
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
        push(k, depth + 1);
        push(pair.value, depth + 1);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) push(item, depth + 1);
    } else if (isPair(node)) {
      push(node.key, depth + 1);
      push(node.value, depth + 1);
    }
  }
  return undefined;
}

/**
 * A YAML text parsed and turned to plain data (parseYamlText, yamlToJS), each call's values its own copy. The last few
 * small texts are kept by file and text: a multi-seed run reads its study ~15 times (the command, each seed's run
 * folder, LP solver choice, answer and spread), ~9 ms each. The document is shared: no caller edits one
 * (yamlSet.ts edits a clone); the values are cloned, since callers may edit theirs.
 */
export function parseYamlValues(
  text: string,
  file: string,
): { doc: Document.Parsed; lines: LineCounter; raw: unknown } {
  const key = `${file}\u0000${text}`;
  let kept = keptParses.get(key);
  if (kept === undefined) {
    const { doc, lines } = parseYamlText(text, file);
    kept = { doc, lines, raw: yamlToJS(doc, file) };
    if (text.length <= KEPT_PARSE_CHARS) {
      if (keptParses.size >= KEPT_PARSES) keptParses.delete(keptParses.keys().next().value!);
      keptParses.set(key, kept);
    }
  }
  return { doc: kept.doc, lines: kept.lines, raw: structuredClone(kept.raw) };
}
/** Parses kept (oldest dropped first) and the longest text kept: a study or design is a few kB. */
const KEPT_PARSES = 8;
const KEPT_PARSE_CHARS = 64 * 1024;
const keptParses = new Map<string, { doc: Document.Parsed; lines: LineCounter; raw: unknown }>();

export function readYaml(file: string): ParsedFile {
  const text = readInputFile(file);
  const { doc, lines, raw } = parseYamlValues(text, file);
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new StudyError(
      'WRONG_TYPE',
      `${file}: expected a mapping of keys (name:, kind:, orbit:, ...) at the top level`,
      { file },
    );
  }
  const hash = sha256(text);
  return { src: { file, doc, lines }, raw, text, hash };
}

/** A YAML input: a path to read, or a file already read (and perhaps edited, ./yamlSet.ts). */
export type YamlInput = string | ParsedFile;
export const readInput = (input: YamlInput): ParsedFile => (typeof input === 'string' ? readYaml(input) : input);
export const inputPath = (input: YamlInput): string => (typeof input === 'string' ? input : input.src.file);

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
