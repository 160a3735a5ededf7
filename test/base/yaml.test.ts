/**
 * The YAML reader's limits: a file under the byte cap but with millions of entries is refused before the yaml
 * package builds its document model (which took over 4 GB for a 9.9 MB flow list), and the cheap bound it uses is
 * never below the real node count (counted here by walking the parsed document); an alias without an anchor and
 * nesting past the depth limit are refused with their line. A text read again (kept parses) gives the values a fresh
 * parse gives, each call its own copy, named by its own file.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isMap, isPair, isScalar, isSeq, parseDocument } from 'yaml';
import { StudyError } from '../../src/base/errors.js';
import { MAX_INPUT_BYTES, MAX_YAML_NODES, parseYamlValues, readYaml, yamlNodeBound } from '../../src/base/yaml.js';
import { tempDir, writeFile } from '../helpers/tmp.js';

const dir = tempDir('odc-yaml-nodes-');

/** Nodes of a parsed document: every scalar, map and sequence (pairs are not nodes). */
function countNodes(text: string): number {
  let n = 0;
  const stack: unknown[] = [parseDocument(text).contents];
  while (stack.length) {
    const node = stack.pop();
    if (isScalar(node)) n++;
    else if (isMap(node) || isSeq(node)) {
      n++;
      for (const item of node.items) stack.push(item);
    } else if (isPair(node)) stack.push(node.key, node.value);
  }
  return n;
}

describe('YAML node cap', () => {
  it('a 9.9 MB flow list of single digits is refused without building the document', () => {
    const items = Math.floor((MAX_INPUT_BYTES * 0.99 - 20) / 2);
    const f = writeFile(dir, 'flow.yaml', `name: t\nlist: [${Array.from({ length: items }, () => '0').join(',')}]\n`);
    const heap0 = process.memoryUsage().heapUsed;
    let err: unknown;
    try {
      readYaml(f);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(StudyError);
    expect((err as StudyError).code).toBe('OUT_OF_RANGE');
    expect((err as StudyError).message).toMatch(/more than the 200,000 odc reads from one file/);
    // The text itself is ~10 MB (20 MB as UTF-16); parsing it took gigabytes.
    expect(process.memoryUsage().heapUsed - heap0).toBeLessThan(200 * 2 ** 20);
  });

  it('a file just under the cap still loads (e.g. 80,000 keys)', () => {
    const f = writeFile(
      dir,
      'keys.yaml',
      `name: t\n${Array.from({ length: 80_000 }, (_, i) => `k${i}: ${i}`).join('\n')}\n`,
    );
    expect(yamlNodeBound(`name: t\n${'k: 1\n'.repeat(80_000)}`)).toBeLessThan(MAX_YAML_NODES);
    expect(Object.keys(readYaml(f).raw as object)).toHaveLength(80_001);
  });

  it('the bound is never below the real node count (shipped designs and catalogs, and dense cases)', () => {
    const texts = ['designs', 'designs/catalogs', 'designs/constellations', 'designs/calibration']
      .flatMap((d) =>
        readdirSync(d)
          .filter((f) => f.endsWith('.yaml'))
          .map((f) => join(d, f)),
      )
      .map((p) => readFileSync(p, 'utf8'));
    texts.push('[1,[2,[3,{a: 4, b: [5,6]}]]]', '- - - 1\n- {x: y}\n', 'a: {b: {c: {d: e}}}', '"a,b": "c:d"');
    expect(texts.length).toBeGreaterThan(20);
    for (const t of texts) expect(yamlNodeBound(t)).toBeGreaterThanOrEqual(countNodes(t));
  });
});

describe('YAML aliases and nesting', () => {
  const refused = (name: string, text: string): StudyError => {
    const path = writeFile(dir, name, text);
    try {
      readYaml(path);
    } catch (e) {
      expect(e).toBeInstanceOf(StudyError);
      return e as StudyError;
    }
    throw new Error(`${name} was read`);
  };

  it('an alias with no anchor is named with its line and column, not taken for an alias bomb', () => {
    const e = refused('typo.yaml', 'name: x\nkind: node\nnote: *typo\n');
    expect(e.code).toBe('YAML_SYNTAX');
    expect(e.message).toContain('typo.yaml:3:7: YAML alias *typo refers to no anchor');
    expect(e.message).toContain('no &typo is defined before it');
    expect(e.message).not.toMatch(/bomb|billion/);
  });

  it('an alias used before its anchor is refused the same way; after it, it reads', () => {
    expect(refused('late.yaml', 'a: *x\nb: &x 1\n').message).toContain(
      'late.yaml:1:4: YAML alias *x refers to no anchor',
    );
    expect(readYaml(writeFile(dir, 'ok.yaml', 'a: &x 1\nb: *x\n')).raw).toEqual({ a: 1, b: 1 });
  });

  it('nesting beyond 64 levels is refused with the limit named (1,000 levels used to overflow the stack)', () => {
    for (const levels of [65, 1000, 5000]) {
      const e = refused(`deep-${levels}.yaml`, `name: x\nnote: ${'['.repeat(levels)}${']'.repeat(levels)}\n`);
      expect(e.code).toBe('YAML_SYNTAX');
      expect(e.message).toMatch(/^.*deep-\d+\.yaml:2:\d+: lists and mappings nest deeper than the 64 levels odc reads/);
      expect(e.message).not.toMatch(/call stack/);
    }
    // block mappings count the same way: 70 levels of `k:` indented one more each
    const block = Array.from({ length: 70 }, (_, i) => `${' '.repeat(i)}k:`).join('\n');
    expect(refused('block.yaml', `${block}\n`).message).toMatch(/nest deeper than the 64 levels/);
  });

  it('nesting of 20 levels reads', () => {
    expect(readYaml(writeFile(dir, 'twenty.yaml', `a: ${'['.repeat(20)}1${']'.repeat(20)}\n`)).raw).toBeTruthy();
  });
});

describe('an unclosed flow collection is reported where it opens', () => {
  const dir = tempDir('odc-yaml-open-');
  const read = (name: string, text: string): string => {
    try {
      readYaml(writeFile(dir, name, text));
    } catch (e) {
      return (e as Error).message;
    }
    throw new Error('expected a YAML syntax error');
  };

  it('an unclosed { on line 3 is named at its own line and column, not the next key', () => {
    // `orbit: {` — the brace is the 8th character of line 3; yaml itself reports line 4, where compute: starts
    const text = 'name: x\nkind: node\norbit: { altitude_km: 550, inclination_deg: 53\ncompute: { chip: gb300 }\n';
    expect(read('brace.yaml', text)).toMatch(/brace\.yaml:3:8: YAML syntax error: this \{ is never closed/);
  });

  it('an unclosed [ after a closed one and a quoted "{" is found past them', () => {
    const text = 'a: [1, 2]\nb: "{not a brace"  # nor is this {\nc: [3, 4\nd: 5\n';
    expect(read('bracket.yaml', text)).toMatch(/bracket\.yaml:3:4: YAML syntax error: this \[ is never closed/);
  });
});

describe('a text read again (kept parses)', () => {
  const dir = tempDir('odc-yaml-kept-');
  const text =
    'name: kept\nkind: node\norbit: { altitude_km: 550, inclination_deg: sso }\nlist: [1, -0, .nan, {a: 2}]\n';

  it('gives the values a fresh parse gives, and each call its own copy', () => {
    const fresh = parseDocument(text).toJS() as Record<string, unknown>;
    const first = parseYamlValues(text, 'a.yaml').raw as Record<string, unknown>;
    expect(first).toEqual(fresh);
    // a caller editing its values (a kept parse handed out by reference would carry this to the next reader)
    (first['orbit'] as Record<string, unknown>)['altitude_km'] = 1;
    (first['list'] as unknown[]).push('extra');
    const again = parseYamlValues(text, 'a.yaml').raw;
    expect(again).toEqual(fresh);
    expect(Object.is((again as { list: unknown[] }).list[1], -0)).toBe(true);
  });

  it('a file read twice names itself, and a changed file is read anew', () => {
    const a = writeFile(dir, 'one.yaml', text);
    const b = writeFile(dir, 'two.yaml', text);
    expect(readYaml(a).src.file).toBe(a);
    expect(readYaml(b).src.file).toBe(b);
    writeFile(dir, 'one.yaml', text.replace('550', '600'));
    expect((readYaml(a).raw as { orbit: { altitude_km: number } }).orbit.altitude_km).toBe(600);
  });

  it('a refused text is refused on every read', () => {
    const bad = 'a: 1\na: 2\n';
    for (let i = 0; i < 2; i++)
      expect(() => parseYamlValues(bad, 'dup.yaml')).toThrow(/dup\.yaml:2:1: .*duplicate key/);
  });
});
