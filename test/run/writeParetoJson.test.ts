import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeStreamAtomic } from '../../src/run/atomic.js';
import type { ParetoFile } from '../../src/run/paretoFile.js';
import { writeParetoJson } from '../../src/run/results.js';
import { tempDir } from '../helpers/tmp.js';

const dir = tempDir('odc-pareto-json-');

/** The bytes and the value of the whole file's JSON.stringify: what writeParetoJson must give, design by design. */
const whole = (file: unknown): { bytes: Buffer; value: unknown } => {
  const text = `${JSON.stringify(file, null, 1)}\n`;
  return { bytes: Buffer.from(text, 'utf8'), value: JSON.parse(text) as unknown };
};

/** Text no Latin-1 string holds: dashes, signs, superscripts, CJK, an astral symbol, lone surrogates, controls. */
const HOSTILE = [
  '8,511–10,964 kg ≥ 0.9 ± 2 %',
  'm² · °C · µs',
  '軌道 データセンター',
  'satellite 🛰 in orbit',
  'lone high \ud800 here',
  'lone low \udc00 here',
  'ends high \udbff',
  'quote " backslash \\ tab \t newline \n nul \u0000',
  '\n "designs": []',
  '],\n  {',
];

const design = (i: number, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  index: i,
  variables: { 'orbit.altitude_km': 500 + i / 7, 'compute.chip': i % 2 ? 'gb300' : 'h100', note: HOSTILE[i % 10] },
  objectives: { cost: 100 + i * 0.1, mass: -0, inf: Infinity, nan: NaN },
  constraints: [],
  record:
    i % 3 === 0 ? null : { warnings: [], notes: HOSTILE, nested: { empty: {}, list: [[], [1, [2]]], gone: undefined } },
  ...extra,
});

const fileOf = (designs: unknown[], after: Record<string, unknown> = {}): ParetoFile =>
  ({
    formatVersion: 1,
    study: 'hostile – “study”',
    kind: 'node',
    objectives: [{ name: 'cost', sense: 'minimize', unit: 'USD/PFLOP-day' }],
    variables: [{ kind: 'choice', name: 'compute.chip', options: ['gb300', 'h100'] }],
    designs,
    ...after,
  }) as unknown as ParetoFile;

const written = (name: string, file: ParetoFile): { bytes: Buffer; value: unknown } => {
  const path = join(dir, name);
  const value = writeParetoJson(path, file);
  return { bytes: readFileSync(path), value };
};

describe('writeParetoJson: a design at a time, the bytes and value of the whole JSON.stringify', () => {
  it('hostile text (non-Latin-1, astral, lone surrogates, escapes, the designs key inside a string), non-finite numbers, undefined', () => {
    const file = fileOf(Array.from({ length: 23 }, (_, i) => design(i)));
    const got = written('hostile.json', file);
    const want = whole(file);
    expect(got.bytes.equals(want.bytes)).toBe(true);
    expect(got.value).toEqual(want.value);
    // a lone surrogate is escaped, as JSON.stringify escapes it (never encoded as U+FFFD)
    expect(got.bytes.toString('utf8')).toContain('lone high \\ud800 here');
  });

  it('no design, one design, and a key after the designs', () => {
    for (const [name, file] of [
      ['empty.json', fileOf([])],
      ['one.json', fileOf([design(1)])],
      ['after.json', fileOf([design(1), design(2)], { tail: { text: HOSTILE, designs: [] } })],
      ['after-empty.json', fileOf([], { tail: 'x' })],
    ] as const) {
      const got = written(name, file);
      const want = whole(file);
      expect(got.bytes.toString('utf8')).toBe(want.bytes.toString('utf8'));
      expect(got.bytes.equals(want.bytes)).toBe(true);
      expect(got.value).toEqual(want.value);
    }
  });

  it('designs past the stream buffer (1 MiB), one of them alone past a third of it', () => {
    const big = 'x–'.repeat(300_000); // 600,000 code units: encoded alone
    const file = fileOf(
      Array.from({ length: 400 }, (_, i) => design(i, i === 200 ? { big } : { pad: HOSTILE.join('|').repeat(20) })),
    );
    const got = written('big.json', file);
    const want = whole(file);
    expect(want.bytes.length).toBeGreaterThan(3 << 20);
    expect(got.bytes.equals(want.bytes)).toBe(true);
    expect(got.value).toEqual(want.value);
  });
});

describe('writeStreamAtomic: chunks encoded into one reused buffer', () => {
  it('writes the UTF-8 of each chunk as Buffer.from does, lone surrogates and chunks split inside a pair included', () => {
    const text = `${HOSTILE.join('')}${'😀a–'.repeat(200_000)}`;
    // chunks of 1 to ~50,000 code units, some cutting a surrogate pair in two
    const chunks: string[] = [];
    for (let at = 0, k = 1; at < text.length; k = 1 + ((k * 7919) % 50_021)) chunks.push(text.slice(at, (at += k)));
    const path = join(dir, 'stream.txt');
    writeStreamAtomic(path, (sink) => chunks.forEach(sink));
    expect(readFileSync(path).equals(Buffer.concat(chunks.map((c) => Buffer.from(c, 'utf8'))))).toBe(true);
  });

  it('a stream opened inside another stream’s producer writes its own bytes', () => {
    const outer = join(dir, 'outer.txt');
    const inner = join(dir, 'inner.txt');
    writeStreamAtomic(outer, (sink) => {
      sink('outer – one\n');
      writeStreamAtomic(inner, (s) => s('inner – only\n'));
      sink('outer – two\n');
    });
    expect(readFileSync(outer, 'utf8')).toBe('outer – one\nouter – two\n');
    expect(readFileSync(inner, 'utf8')).toBe('inner – only\n');
    // and the buffer is back for the next stream
    writeStreamAtomic(inner, (s) => s('again\n'));
    expect(readFileSync(inner, 'utf8')).toBe('again\n');
  });
});
