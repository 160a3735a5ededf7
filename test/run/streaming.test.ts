/**
 * Bounded-memory reading of run logs: the chunked CSV reader and the evaluation log's formula guard and its exact
 * round trip (the history replayed from the log: historyReplay.test.ts).
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/base/rng.js';
import { forEachCsvRecord } from '../../src/run/csvStream.js';
import { EvaluationLog, logHeader, logRow, type LoggedEvaluation } from '../../src/run/log.js';
import { forEachLogRow } from '../../src/run/logRead.js';
import type { Problem } from '../../src/optimize/types.js';
import { tempDir } from '../helpers/tmp.js';
import { row } from './logRows.js';

const dir = tempDir('odc-stream-');

/** A CSV log's text read back through the log reader (from a file: the reader streams files). */
function parseLog(text: string, problem: Problem): LoggedEvaluation[] {
  const path = join(dir, `parsed-${Math.random().toString(36).slice(2)}.csv`);
  writeFileSync(path, text);
  const out: LoggedEvaluation[] = [];
  forEachLogRow(path, problem, (r) => out.push(r));
  return out;
}

/** RFC 4180 encoding written independently of the reader: quote when needed, double quotes. */
const encode = (field: string): string => (/[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field);

describe('forEachCsvRecord', () => {
  it('gives back every record whatever the chunk size: quoted commas, quotes, newlines, CRLF and multi-byte characters cut by chunk edges', () => {
    const rng = createRng(7);
    const alphabet = ['a', 'b', ',', '"', '\n', 'é', '€', '𝄞', '1', ' '];
    const records: string[][] = [];
    for (let r = 0; r < 400; r++) {
      const width = 1 + rng.int(5);
      const row: string[] = [];
      for (let c = 0; c < width; c++) {
        let field = '';
        const len = rng.int(8);
        for (let k = 0; k < len; k++) field += alphabet[rng.int(alphabet.length)];
        row.push(field);
      }
      records.push(row);
    }
    // CRLF line ends on odd records; the last record has no final newline
    const text = records
      .map((row, r) => row.map(encode).join(',') + (r === records.length - 1 ? '' : r % 2 ? '\r\n' : '\n'))
      .join('');
    const path = join(dir, 'fuzz.csv');
    writeFileSync(path, text);
    for (const chunk of [1, 2, 3, 7, 64, 4096]) {
      const got: string[][] = [];
      forEachCsvRecord(path, (fields) => got.push(fields), Infinity, chunk);
      expect(got, `chunk ${chunk}`).toEqual(records);
      // picked columns (any order, past the end of short rows): the header whole, then only those fields
      const picked: string[][] = [];
      forEachCsvRecord(path, (fields) => picked.push(fields), Infinity, chunk, { columns: [3, 0, 1] });
      expect(picked, `chunk ${chunk}, picked`).toEqual(
        records.map((row, r) => (r === 0 ? row : [row[3] ?? '', row[0] ?? '', row[1] ?? ''])),
      );
    }
  });

  it('stops at maxBytes: only whole records before it, the cut one delivered as read', () => {
    const path = join(dir, 'cut.csv');
    writeFileSync(path, 'h1,h2\n1,2\n3,4\n5,6\n');
    const got: string[][] = [];
    forEachCsvRecord(path, (f) => got.push(f), 'h1,h2\n1,2\n3,4\n'.length, 4);
    expect(got).toEqual([
      ['h1', 'h2'],
      ['1', '2'],
      ['3', '4'],
    ]);
  });
});

const problem: Problem = {
  name: 'guard',
  variables: [
    { kind: 'real', name: 'x', lower: 0, upper: 1 },
    { kind: 'choice', name: 'chip', options: ["=cmd|' /C calc'!A0", "'quoted", '-5', 'plain', '@SUM(A1)', '+1+1'] },
  ],
  objectives: [
    { name: 'f1', sense: 'minimize' },
    { name: 'f2', sense: 'maximize' },
  ],
  constraints: [{ name: 'c' }],
  evaluate: () => ({ status: 'failed', reason: 'unused' }),
} as unknown as Problem;

describe('evaluation log text cells', () => {
  it('neutralise formula prefixes (OWASP) in choice and reason cells, and read back exactly', () => {
    const rows = [0, 1, 2, 3, 4, 5].map((k) => row(k, 0, [0.1 * k, k], [k, -k], [-1]));
    rows.push(row(6, 1, [0.5, 3], [NaN, NaN], [NaN], '=HYPERLINK("http://x")'));
    const text = logHeader(problem) + rows.map((r) => logRow(problem, r)).join('');
    const lines = text.split('\n');
    // choice cells: the dangerous ones start with the guard quote; "-5" is a plain number and stays
    expect(lines[1]).toContain(",'=cmd|' /C calc'!A0,");
    expect(lines[2]).toContain(",''quoted,");
    expect(lines[3]).toContain(',-5,');
    expect(lines[5]).toContain(",'@SUM(A1),");
    expect(lines[6]).toContain(",'+1+1,");
    expect(lines[7]).toMatch(/,"'=HYPERLINK\(""http:\/\/x""\)"$/);
    for (const line of lines.slice(1, -1)) for (const cell of line.split(',')) expect(cell).not.toMatch(/^[=+@\t\r]/);
    const back = parseLog(text, problem);
    expect(back.map((r) => r.x[1])).toEqual([0, 1, 2, 3, 4, 5, 3]);
    expect(back[6]!.failure).toBe('=HYPERLINK("http://x")');
    expect(back[2]!.f[1]).toBe(-2); // maximized: written as +2, minimized again on reading
  });

  it('writes every number as String() does, with and without choice variables, on awkward doubles and failed or infinite rows', () => {
    const numeric: Problem = {
      ...problem,
      name: 'numeric',
      variables: [
        { kind: 'real', name: 'a', lower: -1e30, upper: 1e30 },
        { kind: 'real', name: 'b', lower: -1e30, upper: 1e30 },
      ],
    };
    const mixed: Problem = {
      ...problem,
      name: 'mixed',
      variables: [
        { kind: 'choice', name: 'inc', options: ['sso', 53, 'a,"b'] },
        { kind: 'real', name: 'a', lower: -1e30, upper: 1e30 },
        { kind: 'choice', name: 'top', options: ['ring', '=x'] },
      ],
    } as unknown as Problem;
    const awkward = [
      0,
      -0,
      5e-324,
      1e-7,
      1e-6,
      0.1 + 0.2,
      1 / 3,
      -2.5,
      123456789012345680000,
      1e21,
      -1.7976931348623157e308,
      2 ** 53 + 2,
    ];
    const rng = createRng(5);
    const pick = (): number =>
      rng.int(3) === 0 ? awkward[rng.int(awkward.length)]! : (rng.next() - 0.5) * 10 ** (rng.int(40) - 20);
    // the expected line, cell by cell from String(), as the CSV layout says: NaN and a failed row's violation empty
    const cell = (v: number): string => (Number.isNaN(v) ? '' : String(v));
    for (let k = 0; k < 2000; k++) {
      const failed = k % 50 === 0;
      const g = [k % 37 === 0 ? Infinity : pick()];
      const r = row(
        k,
        0,
        [pick(), failed ? 0 : rng.int(6)],
        failed ? [NaN, NaN] : [pick(), pick()],
        failed ? [NaN] : g,
        failed ? 'model failed' : null,
      );
      const status = failed ? 'failed' : r.cv > 0 ? 'infeasible' : 'feasible';
      const tail = [
        cell(r.f[0]!),
        cell(-r.f[1]!),
        cell(r.g[0]!),
        failed ? '' : cell(r.cv),
        failed ? 'model failed' : '',
      ];
      const numericX = [cell(r.x[0]!), cell(r.x[1]!)];
      expect(logRow(numeric, r)).toBe(`${[k, 0, status, ...numericX, ...tail].join(',')}\n`);
      // the choice cells as the guard writes them (see the test above)
      const guardedOptions = ["'=cmd|' /C calc'!A0", "''quoted", '-5', 'plain', "'@SUM(A1)", "'+1+1"];
      if (!failed)
        expect(logRow(problem, r)).toBe(
          `${[k, 0, status, cell(r.x[0]!), guardedOptions[r.x[1]!], ...tail].join(',')}\n`,
        );
      // choices first and last around a number, an option with a comma and a quote (quoted as RFC 4180 says)
      const mixedX = Float64Array.from([k % 3, r.x[0]!, k % 2]);
      expect(logRow(mixed, { ...r, x: mixedX })).toBe(
        `${[k, 0, status, ['sso', '53', '"a,""b"'][k % 3], cell(r.x[0]!), ['ring', "'=x"][k % 2], ...tail].join(',')}\n`,
      );
    }
  });

  it('streams a log file back with the same rows as the whole-text parser, and keeps counts without holding rows', () => {
    const path = join(dir, 'evaluations.csv.partial');
    const log = new EvaluationLog(path, problem);
    const rows = Array.from({ length: 50 }, (_, k) =>
      k % 7 === 0
        ? row(
            k,
            Math.floor(k / 10),
            [0.01 * k, k % 6],
            [NaN, NaN],
            [NaN],
            k % 14 === 0 ? 'model A failed' : 'model B, "quoted"\nfailed',
          )
        : row(k, Math.floor(k / 10), [0.01 * k, k % 6], [k, -2 * k], [k % 3 === 0 ? 1 : -1]),
    );
    log.append(rows.slice(0, 20));
    log.append(rows.slice(20));
    // counts by hand: failures k ≡ 0 (mod 7) → 8 rows (0, 7, …, 49); of the others, feasible when k % 3 ≠ 0
    expect(log.counts.evaluations).toBe(50);
    expect(log.counts.failures).toBe(8);
    const others = rows.filter((r) => r.failure === null);
    expect(log.counts.feasible).toBe(others.filter((r) => r.index % 3 !== 0).length);
    expect([...log.counts.failureReasons].sort()).toEqual([
      ['model A failed', 4],
      ['model B, "quoted"\nfailed', 4],
    ]);
    const streamed: LoggedEvaluation[] = [];
    log.replay((r) => streamed.push(r));
    const light: LoggedEvaluation[] = [];
    log.replay((r) => light.push(r), true);
    log.close();
    // objectives only: the same rows without decision vector and constraint values
    expect(light.map((r) => [r.index, r.cv, r.failure, Array.from(r.f), r.x.length, r.g.length])).toEqual(
      streamed.map((r) => [r.index, r.cv, r.failure, Array.from(r.f), 0, 0]),
    );
    expect(streamed.map((r) => [r.index, r.generation, r.failure, Array.from(r.x), Array.from(r.f)])).toEqual(
      rows.map((r) => [
        r.index,
        r.generation,
        r.failure,
        Array.from(r.x),
        r.failure !== null ? [NaN, NaN] : Array.from(r.f),
      ]),
    );
    const resumedRows: number[] = [];
    const resumed = new EvaluationLog(path, problem, { bytes: log.byteLength, sha256: log.sha256 }, (r) =>
      resumedRows.push(r.index),
    );
    expect(log.sha256).toBe(createHash('sha256').update(readFileSync(path).subarray(0, log.byteLength)).digest('hex'));
    expect(resumed.counts).toEqual(log.counts);
    expect(resumedRows).toEqual(rows.map((r) => r.index));
    resumed.close();
    const viaFile: number[] = [];
    forEachLogRow(path, problem, (r) => viaFile.push(r.index));
    expect(viaFile).toHaveLength(50);
  });

  it('replays the light rows from memory exactly as the file gives them back (signed zeros, maximized objectives, failures), and from the file past its memory budget', () => {
    // f2 is maximized: logged as -f2, read back negated, so +0 comes back as -0 and -0 as +0; a violation of -0 as +0
    const rows = [
      row(0, 0, [0.1, 1], [0, 0], [-1]),
      row(1, 0, [0.2, 2], [-0, -0], [-1]),
      row(2, 1, [0.3, 3], [1e-300, -7.25], [0.5]),
      row(3, 1, [0.4, 4], [NaN, NaN], [NaN], 'model failed, "why"'),
      { ...row(4, 2, [0.5, 5], [0.1 + 0.2, 1 / 3], [-1]), cv: -0 },
    ];
    const fromFile = (log: EvaluationLog, path: string): unknown[] => {
      const out: unknown[] = [];
      forEachLogRow(path, problem, (r) => out.push(r), { maxBytes: log.byteLength, objectivesOnly: true });
      return out;
    };
    const light = (log: EvaluationLog): unknown[] => {
      const out: unknown[] = [];
      log.replay((r) => out.push(r), true);
      return out;
    };
    const sameBits = (a: unknown[], b: unknown[]): void => {
      // toEqual treats 0 and -0 alike only with Object.is semantics off: compare each number with Object.is
      expect(a.length).toBe(b.length);
      a.forEach((ra, i) => {
        const x = ra as LoggedEvaluation;
        const y = b[i] as LoggedEvaluation;
        for (const [u, v] of [
          [x.index, y.index],
          [x.generation, y.generation],
          [x.cv, y.cv],
          ...Array.from(x.f, (f, j) => [f, y.f[j]!]),
        ]) {
          expect(Object.is(u, v), `row ${i}: ${String(u)} vs ${String(v)}`).toBe(true);
        }
        expect([x.failure, x.x.length, x.g.length, x.f.length]).toEqual([y.failure, 0, 0, 2]);
      });
    };
    const path = join(dir, 'light.csv.partial');
    const log = new EvaluationLog(path, problem);
    log.append(rows);
    const mem = light(log);
    // transient replay (the history's, with recorded fronts): one row object and one f, refilled per row; copied out
    // here, the same numbers bit for bit
    const seen = new Set<unknown>();
    const transient: unknown[] = [];
    log.replay(
      (r) => {
        seen.add(r);
        seen.add(r.f);
        transient.push({ ...r, f: r.f.slice() });
      },
      true,
      true,
    );
    expect(seen.size).toBe(2);
    sameBits(transient, mem);
    expect(Object.is((mem[0] as LoggedEvaluation).f[1], -0)).toBe(true);
    expect(Object.is((mem[1] as LoggedEvaluation).f[0], 0)).toBe(true);
    expect(Object.is((mem[4] as LoggedEvaluation).cv, 0)).toBe(true);
    sameBits(mem, fromFile(log, path));
    log.close();
    // a budget of 2 rows (5 numbers each): the rows past it come from the file, the same rows
    const small = new EvaluationLog(join(dir, 'small.csv.partial'), problem, undefined, undefined, 10);
    small.append(rows);
    sameBits(light(small), fromFile(small, join(dir, 'small.csv.partial')));
    // resumed: the rows already in the file are kept in memory too
    const resumed = new EvaluationLog(path, problem, { bytes: log.byteLength, sha256: log.sha256 });
    resumed.append([row(5, 3, [0.6, 0], [2, 3], [-2])]);
    const all = light(resumed);
    expect(all.map((r) => (r as LoggedEvaluation).index)).toEqual([0, 1, 2, 3, 4, 5]);
    sameBits(all, fromFile(resumed, path));
    resumed.close();
    small.close();
  });
});
