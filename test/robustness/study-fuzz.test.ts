/**
 * Property-based fuzz of study loading: the shipped studies mutated at the text level — lines
 * deleted, duplicated or swapped, numbers replaced by random strings, NaN, huge or non-finite values, random
 * keys and YAML punctuation inserted — either load or fail with one StudyError (the CLI's exit 2 with one
 * message), never another error type, a stack trace or a hang. Bounded: 200 + 100 runs, seeded.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { StudyError } from '../../src/base/errors.js';
import { loadStudyProblem } from '../../src/run/problem.js';
import { tempDir } from '../helpers/tmp.js';

const dir = tempDir('odc-fuzz-');
copyFileSync('designs/ai1.yaml', join(dir, 'ai1.yaml')); // the constellation study's node: ai1.yaml

const weird = fc.oneof(
  fc.constantFrom(
    'NaN',
    '.nan',
    '.inf',
    '-.inf',
    '1e400',
    '-1e400',
    '1e20',
    '-0',
    '0',
    '-1',
    '9007199254740993',
    '0x1F',
    '1_000',
    '~',
    'null',
    'true',
    '""',
    "''",
    '[]',
    '{}',
    '[1, 2]',
    '{ int: [1, 2] }',
    '{ choice: [] }',
    '*alias',
    '&anchor 3',
    '!!set {a}',
    '!!js/function "f"',
    '__proto__',
    'constructor',
    '"=cmd|\' /C calc\'!A0"',
    '|',
    '>',
    '%YAML 1.1',
    '---',
    '...',
    '#',
    ': :',
    '- -',
  ),
  fc.string({ maxLength: 12 }),
  fc.double().map(String),
  fc.integer().map(String),
);
const key = fc.oneof(
  fc.constantFrom(
    '__proto__',
    'constructor',
    'prototype',
    'name',
    'kind',
    'algorithm',
    'variables',
    'objectives',
    'partitions',
    'seed',
    'population',
  ),
  fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_.]{0,12}$/),
);

type Mutation = (lines: string[]) => string[];
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.nat().map(
    (i): Mutation =>
      (l) =>
        l.filter((_, k) => k !== i % l.length),
  ),
  fc.nat().map((i): Mutation => (l) => {
    const k = i % l.length;
    return [...l.slice(0, k + 1), l[k]!, ...l.slice(k + 1)];
  }),
  fc.tuple(fc.nat(), fc.nat()).map(([i, j]): Mutation => (l) => {
    const a = i % l.length;
    const b = j % l.length;
    const c = [...l];
    [c[a], c[b]] = [c[b]!, c[a]!];
    return c;
  }),
  // Replace the n-th number of a line (or of the file) with a weird value.
  fc.tuple(fc.nat(), fc.nat(), weird).map(([i, n, w]): Mutation => (l) => {
    const k = i % l.length;
    const nums = [...l[k]!.matchAll(/-?\d+(\.\d+)?(e[-+]?\d+)?/gi)];
    if (nums.length === 0) return l;
    const m = nums[n % nums.length]!;
    const c = [...l];
    c[k] = l[k]!.slice(0, m.index) + w + l[k]!.slice(m.index + m[0].length);
    return c;
  }),
  // Replace a value after "key:" with a weird one.
  fc.tuple(fc.nat(), weird).map(([i, w]): Mutation => (l) => {
    const k = i % l.length;
    const c = [...l];
    c[k] = l[k]!.replace(/:\s*[^,{}[\]\n]+/, `: ${w}`);
    return c;
  }),
  // Insert a random key (top level or indented) with a weird value.
  fc.tuple(fc.nat(), fc.constantFrom('', '  ', '    '), key, weird).map(([i, indent, k, w]): Mutation => (l) => {
    const at = i % (l.length + 1);
    return [...l.slice(0, at), `${indent}${k}: ${w}`, ...l.slice(at)];
  }),
  // Insert a YAML punctuation character somewhere.
  fc
    .tuple(
      fc.nat(),
      fc.nat(),
      fc.constantFrom('&', '*', '!', '%', '|', '>', '{', '}', '[', ']', ',', ':', '-', '"', "'", '#', '\t', '@', '`'),
    )
    .map(([i, j, ch]): Mutation => (l) => {
      const k = i % l.length;
      const c = [...l];
      const p = j % (l[k]!.length + 1);
      c[k] = l[k]!.slice(0, p) + ch + l[k]!.slice(p);
      return c;
    }),
);

/** Loads `text` as a study; returns 'ok', or the StudyError; anything else thrown fails the property. */
function load(name: string, text: string): 'ok' | StudyError {
  const f = join(dir, name);
  writeFileSync(f, text);
  try {
    loadStudyProblem(f);
    return 'ok';
  } catch (e) {
    if (e instanceof StudyError) return e;
    throw new Error(
      `not a StudyError for this study text:\n${text}\n---\n${e instanceof Error ? (e.stack ?? e.message) : String(e)}`,
    );
  }
}

function fuzz(source: string, name: string, numRuns: number): void {
  const lines = readFileSync(source, 'utf8').split('\n');
  let errors = 0;
  fc.assert(
    fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (ms) => {
      const text = ms.reduce((l, m) => m(l), lines).join('\n');
      const r = load(name, text);
      if (r === 'ok') return;
      errors++;
      expect(r.message.length).toBeGreaterThan(0);
      expect(r.message).not.toMatch(/\n\s+at .*:\d+:\d+\)?$/m); // no stack frames in the message
      expect(r.message).not.toMatch(/internal error|Maximum call stack|undefined is not|Cannot read properties/);
    }),
    // ODC_FUZZ_SEED / ODC_FUZZ_RUNS explore further (CI: the fixed seed and run count).
    {
      numRuns: Number(process.env.ODC_FUZZ_RUNS ?? numRuns),
      seed: Number(process.env.ODC_FUZZ_SEED ?? 13),
      endOnFailure: true,
    },
  );
  expect(errors).toBeGreaterThan(0); // the mutations do break files
}

describe('study loading fuzz (fast-check)', () => {
  it('mutated flagship studies load or fail with one StudyError', () => {
    fuzz('designs/flagship-study.yaml', 'flagship.yaml', 200);
  });

  it('mutated constellation studies parse and compile or fail with one StudyError', () => {
    fuzz('designs/constellation-study.yaml', 'constellation.yaml', 100);
  });
});
