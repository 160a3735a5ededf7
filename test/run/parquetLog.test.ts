/**
 * The Parquet evaluation log (src/run/parquetLog.ts), the default: every value back bit for bit, read by an independent
 * reader (DuckDB's C++ Parquet reader, @duckdb/node-api), a resumed run after a cut write or a full disk equal to an
 * uninterrupted one, the explorer reading a log still being written, evaluations.csv from it byte for byte as a CSV
 * run writes it, and every reader of the log (src/run/logRead.ts) giving from it what it gives from the CSV run's:
 * the report's sample, the infeasibility and achievability diagnoses, the explorer's columns and CSV, the warm start.
 */
import {
  appendFileSync,
  cpSync,
  existsSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  truncateSync,
  writeSync,
} from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { parquetMetadata } from 'hyparquet';
import { ByteWriter, ParquetWriter } from 'hyparquet-writer';
import { createRng } from '../../src/base/rng.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportLogCsv, loadRun, runStudy } from '../../src/index.js';
import { atomicWriteTestHooks } from '../../src/run/atomic.js';
import { logAchievability } from '../../src/run/decision/achievable.js';
import { loadStudyProblem } from '../../src/run/problem.js';
import { EvaluationLog, type LoggedEvaluation } from '../../src/run/log.js';
import { forEachLogRow, runLogFile } from '../../src/run/logRead.js';
import { bytesSource, forEachParquetGroup } from '../../src/run/parquetLog.js';
import { doubleDictionary } from '../../src/run/logDictionaries.js';
import { useDictionary } from 'hyparquet-writer/src/dictionary.js';
import type { Problem } from '../../src/optimize/types.js';
import { ServedRun } from '../../src/serve/runData.js';
import { odc } from '../helpers/cli.js';
import { tempDir, writeFile } from '../helpers/tmp.js';
import { row } from './logRows.js';

const dir = tempDir('odc-parquet-');

const problem: Problem = {
  name: 'extremes',
  variables: [
    { kind: 'real', name: 'a', lower: -Infinity, upper: Infinity },
    { kind: 'choice', name: 'pick', options: ['=cmd', 'plain, "quoted"', 42] },
    { kind: 'int', name: 'n', lower: 0, upper: 2 ** 60 },
  ],
  objectives: [
    { name: 'cost', sense: 'minimize' },
    { name: 'gain', sense: 'maximize' },
  ],
  constraints: [{ name: 'g1' }, { name: 'g2' }] as Problem['constraints'],
  evaluate: () => ({ status: 'failed', reason: 'not evaluated here' }),
};

// f is minimized (a maximized objective negated): the file holds the user's sense
const rows = [
  row(0, 0, [1e308, 0, 2 ** 53 + 2], [Infinity, -Number.MAX_VALUE], [-0, 5e-324]),
  row(1, 0, [-0, 1, 2 ** 62], [-Infinity, 0.1 + 0.2], [NaN, -1e-308]),
  row(2, 1, [NaN, 2, 0], [NaN, NaN], [NaN, NaN], 'ENOENT: "x", y\nnext line'),
  row(3, 1, [-1e308, 0, 1], [1e-300, -0], [1, 2]),
  row(Number.MAX_SAFE_INTEGER, 2, [0.1, 2, 3], [Number.MIN_VALUE, 1], [0, 0], '=HYPERLINK("x")'),
];

/** Writes `rs` as a Parquet log (two row groups: a flush between) and returns its bytes. */
function writeLog(name: string, rs = rows): string {
  const path = join(dir, name);
  const log = new EvaluationLog(path, problem, undefined, undefined, undefined, 'parquet');
  log.append(rs.slice(0, 2));
  log.flush();
  log.append(rs.slice(2));
  log.close();
  return path;
}

/** Every number of a row compared with Object.is (NaN equals NaN, -0 differs from 0). */
function expectSameRow(got: (typeof rows)[number], want: (typeof rows)[number]): void {
  expect(got.index).toBe(want.index);
  expect(got.generation).toBe(want.generation);
  expect(got.failure).toBe(want.failure);
  expect(Object.is(got.cv, want.cv), `cv ${got.cv} vs ${want.cv}`).toBe(true);
  for (const k of ['x', 'f', 'g'] as const)
    want[k].forEach((v, i) =>
      expect(Object.is(got[k][i], v), `${k}[${i}] of row ${want.index}: ${got[k][i]}`).toBe(true),
    );
}

describe('Parquet evaluation log', () => {
  it('gives back every value exactly: NaN, ±Infinity, ±1e308, -0, subnormals, integers past 2^53 as doubles', () => {
    const path = writeLog('extremes.parquet');
    const back: LoggedEvaluation[] = [];
    forEachLogRow(path, problem, (r) => back.push(r));
    expect(back).toHaveLength(rows.length);
    back.forEach((r, i) => expectSameRow(r, rows[i]!));
  });

  it('keeps the sign of zero where a column of few values holds both 0 and -0 (a dictionary keyed by value would not)', () => {
    // 64 rows of few values each: the writer's dictionary trial takes every double column; -0 and 0 interleaved
    const zeros = Array.from({ length: 64 }, (_, i) =>
      row(i, 0, [i % 2 ? -0 : 0, i % 3, 1], [i % 4 < 2 ? 0 : -0, 1], [-0, i % 2 ? 0 : -0]),
    );
    const path = writeLog('zeros.parquet', zeros);
    const back: LoggedEvaluation[] = [];
    forEachLogRow(path, problem, (r) => back.push(r));
    expect(back).toHaveLength(zeros.length);
    back.forEach((r, i) => expectSameRow(r, zeros[i]!));
  });

  it('each checkpoint leaves a whole file of the rows so far, its sha256 what the log reports; the rows are the same whenever the checkpoints come', () => {
    const write = (name: string, checkpointsAfter: readonly number[]): LoggedEvaluation[] => {
      const path = join(dir, name);
      const log = new EvaluationLog(path, problem, undefined, undefined, undefined, 'parquet');
      rows.forEach((r, i) => {
        log.append([r]);
        if (!checkpointsAfter.includes(i)) return;
        log.flush();
        const back: LoggedEvaluation[] = [];
        forEachLogRow(path, problem, (x) => back.push(x), { maxBytes: log.byteLength });
        expect(back.map((x) => x.index)).toEqual(rows.slice(0, i + 1).map((x) => x.index));
        expect(log.sha256).toBe(createHash('sha256').update(readFileSync(path)).digest('hex'));
      });
      log.close();
      const back: LoggedEvaluation[] = [];
      forEachLogRow(path, problem, (x) => back.push(x));
      return back;
    };
    for (const checkpoints of [[], [1, 3], [0, 2, 4]]) {
      const back = write(`checkpoints-${checkpoints.join('-')}.parquet`, checkpoints);
      expect(back).toHaveLength(rows.length);
      back.forEach((r, i) => expectSameRow(r, rows[i]!));
    }
  });

  it('refuses an evaluation index past 2^53 (it would not come back as written)', () => {
    const log = new EvaluationLog(join(dir, 'big.parquet'), problem, undefined, undefined, undefined, 'parquet');
    expect(() => log.append([row(2 ** 53, 0, [0, 0, 0], [0, 0], [0, 0])])).toThrow(/2\^53/);
    log.close();
  });

  it('a log past a row group and the 1 MiB write buffer: its rows back by DuckDB and the log reader, the next log alike', async () => {
    // 70,000 rows: row groups of 65,536 rows at most, each drained to the file in pieces; a column of three
    // values (g1: dictionary-encoded), one of 70,000 (cost: over the dictionary cap, PLAIN), a reason per 1,000 rows
    const many = Array.from({ length: 70_000 }, (_, i) =>
      row(
        i,
        Math.floor(i / 100),
        [i / 7, i % 3, i % 5],
        [i * 0.5, -i],
        [(i % 3) - 1, -1],
        i % 1000 === 999 ? `r${i % 7}` : null,
      ),
    );
    const db = await DuckDBInstance.create(':memory:');
    const c = await db.connect();
    for (const name of ['many-1.parquet', 'many-2.parquet']) {
      const path = writeLog(name, many);
      const back: LoggedEvaluation[] = [];
      forEachLogRow(path, problem, (r) => back.push(r));
      expect(back).toHaveLength(many.length);
      const same = (a: LoggedEvaluation, b: LoggedEvaluation): boolean =>
        a.index === b.index &&
        a.generation === b.generation &&
        a.failure === b.failure &&
        Object.is(a.cv, b.cv) &&
        (['x', 'f', 'g'] as const).every((k) => b[k].every((v, j) => Object.is(a[k][j], v)));
      expect(back.findIndex((r, i) => !same(r, many[i]!))).toBe(-1);
      const sums = (
        await c.runAndReadAll(
          `SELECT count(*) AS n, sum(eval) AS e, sum("g[g1]") AS g, sum(cost) AS cost, count(reason) AS failed, count(DISTINCT pick) AS picks FROM read_parquet('${path}')`,
        )
      ).getRowObjects()[0]!;
      // independent sums: eval 0..69,999; g1 cycles -1, 0, 1; cost i / 2; a reason every 1,000th row; three options
      expect(sums).toEqual({
        n: 70_000n,
        e: BigInt((69_999 * 70_000) / 2),
        g: -1, // 23,333 cycles of -1, 0, 1, then row 69,999's -1
        cost: (69_999 * 70_000) / 4,
        failed: 70n,
        picks: 3n,
      });
      const groups = (
        await c.runAndReadAll(`SELECT count(DISTINCT row_group_id) AS groups FROM parquet_metadata('${path}')`)
      ).getRowObjects()[0]!;
      // writeLog's flush after 2 rows, then 65,536 and 4,462
      expect(groups['groups']).toBe(3n);
    }
    c.closeSync();
  });

  it.each([
    ['failed rows in the second row group', 97],
    ['no failed row (every reason null)', 0],
  ])("is the file hyparquet-writer's ParquetWriter.write makes of the same columns, byte for byte: %s", (_, every) => {
    // columns of every kind the log writes: continuous doubles (PLAIN), few values (a dictionary), a -0 beside 0 (PLAIN
    // though few values), NaN and ±Infinity of failed rows, delta-coded eval and generation, a choice, the reasons (a
    // column of nulls where no row failed: the first row group's two rows, both groups of a log without failures)
    const failed = (i: number): boolean => every > 0 && i % every === 5;
    const mixed = Array.from({ length: 3000 }, (_, i) =>
      row(
        i * 3,
        Math.floor(i / 40),
        [Math.sin(i) * 1e3, i % 3, i % 7],
        failed(i) ? [NaN, NaN] : [i * 0.37, i % 11],
        failed(i) ? [NaN, NaN] : [i % 2 ? -0 : 0, (i % 4) - 2],
        failed(i) ? `r${i % 5}` : null,
      ),
    );
    const bytes = readFileSync(writeLog(`oracle-${every}.parquet`, mixed));
    const metadata = parquetMetadata(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    // the library's generic path: every column through ParquetWriter.write, one write per row group as read back
    const writer = new ByteWriter();
    const pw = new ParquetWriter({
      writer,
      schema: metadata.schema,
      codec: 'UNCOMPRESSED',
      statistics: false,
      createdBy: 'odc',
    });
    const utf8 = new TextEncoder();
    const chunks: Uint8Array[] = [];
    forEachParquetGroup(
      bytesSource(bytes),
      (names) => names,
      (group) => {
        pw.write({
          rowGroupSize: group.rows,
          dictionarySize: 16_384,
          columnData: [...group.columns].map(([name, values]) => {
            if (values instanceof Float64Array) {
              const int = name === 'eval' || name === 'generation';
              const negativeZero = values.some((v) => Object.is(v, -0));
              const encoding = int ? 'DELTA_BINARY_PACKED' : negativeZero ? 'PLAIN' : undefined;
              return { name, data: values, offsetIndex: false, ...(encoding !== undefined ? { encoding } : {}) };
            }
            const data = values.map((v) => (v === null ? null : utf8.encode(v)));
            return { name, data, offsetIndex: false, ...(name !== 'reason' ? { encoding: 'RLE_DICTIONARY' } : {}) };
          }),
        });
        void pw.finish();
        pw.pendingIndexes = [];
        chunks.push(writer.getBytes().slice());
        writer.index = 0;
      },
    );
    expect(metadata.row_groups).toHaveLength(2); // writeLog flushes after the first two rows
    expect(Buffer.concat(chunks).equals(bytes)).toBe(true);
  });

  it("a number column's dictionary is the writer's own trial's: the same refusal, values and indexes", () => {
    // the writer's useDictionary as the oracle, over columns on both sides of each of its thresholds: the sample's 90 %
    // of distinct values, the 2,048 values of DICTIONARY_BYTES, the halving of the PLAIN bytes; NaN of several payloads
    // (one value in its Map), ±Infinity, values whose hashes collide in a small table
    const rng = createRng(98);
    const nanBits = new Float64Array(new Uint32Array([1, 0x7ff80000, 5, 0x7ff00000]).buffer); // two other NaNs
    const pick = (pool: readonly number[]) => pool[rng.int(pool.length)]!;
    const columns: Float64Array[] = [new Float64Array(1).fill(3), new Float64Array(2), new Float64Array(7).fill(NaN)];
    for (const n of [1000, 1001, 5000, 50_000])
      for (const distinct of [1, 2, 3, 17, 255, 256, 899, 900, 901, 2047, 2048, 2049, 5000]) {
        const pool = Array.from({ length: distinct }, (_, i) =>
          i === 0 ? NaN : i === 1 ? Infinity : i === 2 ? -Infinity : i % 2 ? i * 4096 : rng.next() * 1e6,
        );
        pool.push(nanBits[0]!, nanBits[1]!);
        columns.push(Float64Array.from({ length: n }, () => pick(pool)));
        // each value in one run, so the sample (1,000 spread points) sees each distinct value as often as the column
        columns.push(Float64Array.from({ length: n }, (_, i) => pool[Math.floor((i * pool.length) / n)]!));
      }
    let kept = 0;
    for (const values of columns) {
      const want = useDictionary(values, 'DOUBLE', undefined, undefined, 16_384, true);
      const got = doubleDictionary(values);
      if (want.dictionary === undefined) {
        expect(got).toBeNull();
        continue;
      }
      kept++;
      expect(got).not.toBeNull();
      expect(got!.dictionary.length).toBe(want.dictionary.length);
      for (let i = 0; i < want.dictionary.length; i++)
        expect(Object.is(got!.dictionary[i], want.dictionary[i])).toBe(true);
      expect(Array.from(got!.indexes)).toEqual(want.indexes);
    }
    // both sides of the thresholds were met
    expect(kept).toBeGreaterThan(10);
    expect(columns.length - kept).toBeGreaterThan(10);
  });

  it('is read by DuckDB with its types: eval as BIGINT, doubles bit for bit, reason null unless failed', async () => {
    const path = writeLog('duck.parquet');
    const db = await DuckDBInstance.create(':memory:');
    const c = await db.connect();
    const types = (await c.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet('${path}')`)).getRowObjects();
    expect(Object.fromEntries(types.map((t) => [t['column_name'], t['column_type']]))).toEqual({
      eval: 'BIGINT',
      generation: 'BIGINT',
      status: 'VARCHAR',
      a: 'DOUBLE',
      pick: 'VARCHAR',
      n: 'DOUBLE',
      cost: 'DOUBLE',
      gain: 'DOUBLE',
      'g[g1]': 'DOUBLE',
      'g[g2]': 'DOUBLE',
      violation: 'DOUBLE',
      reason: 'VARCHAR',
    });
    const got = (await c.runAndReadAll(`SELECT * FROM read_parquet('${path}')`)).getRowObjects();
    c.closeSync();
    expect(got).toHaveLength(rows.length);
    got.forEach((r, i) => {
      const want = rows[i]!;
      expect(r['eval']).toBe(BigInt(want.index));
      expect(r['status']).toBe(want.failure !== null ? 'failed' : want.cv > 0 ? 'infeasible' : 'feasible');
      expect(r['pick']).toBe(
        String(problem.variables[1]!.kind === 'choice' && problem.variables[1]!.options[want.x[1]!]),
      );
      expect(r['reason']).toBe(want.failure);
      const same = (v: unknown, w: number, what: string): void =>
        expect(Object.is(v, w), `${what} of row ${want.index}: ${String(v)} vs ${w}`).toBe(true);
      same(r['a'], want.x[0]!, 'a');
      same(r['n'], want.x[2]!, 'n');
      same(r['cost'], want.f[0]!, 'cost');
      same(r['gain'], -want.f[1]!, 'gain');
      same(r['g[g1]'], want.g[0]!, 'g1');
      same(r['g[g2]'], want.g[1]!, 'g2');
      same(r['violation'], want.cv, 'violation');
    });
  });
});

describe('a run with the Parquet log', () => {
  const flagship = readFileSync(new URL('../../designs/flagship-study.yaml', import.meta.url), 'utf8');
  // 12 generations of 40, checkpoints at 5 and 10
  const small = writeFile(
    dir,
    'small.yaml',
    flagship.replace(
      /^algorithm:.*$/m,
      'algorithm: { name: nsga3, population: 40, generations: 12, seed: 7, checkpointEvery: 5 }',
    ),
  );
  const quiet = { afterResults: () => undefined };
  let csvRun: string;
  let parquetRun: string;
  beforeAll(async () => {
    csvRun = (await runStudy({ studyPath: small, outDir: join(dir, 'csv'), logFormat: 'csv', ...quiet })).runDir;
    // the default log
    parquetRun = (await runStudy({ studyPath: small, outDir: join(dir, 'pq'), ...quiet })).runDir;
  });

  it('finds the same front as the CSV run, and exports evaluations.csv with its bytes', async () => {
    expect(existsSync(join(parquetRun, 'evaluations.csv'))).toBe(false);
    expect(readFileSync(join(parquetRun, 'pareto.json'), 'utf8')).toBe(
      readFileSync(join(csvRun, 'pareto.json'), 'utf8'),
    );
    const out = join(dir, 'exported.csv');
    expect((await exportLogCsv(parquetRun, out)).rows).toBe(480);
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(join(csvRun, 'evaluations.csv'), 'utf8'));
  });

  it('odc: run (Parquet by default), export --format evaluations-csv; --log with --resume and an unknown format refused', async () => {
    const runDir = join(dir, 'cli');
    const run = await odc('run', small, '--out', runDir, '--quiet');
    // 3: no feasible design in 480 evaluations of the flagship (NO_FEASIBLE_EXIT), as the CSV run: the log is whole
    expect(run.code, run.err).toBe(3);
    expect(existsSync(join(runDir, 'evaluations.parquet'))).toBe(true);
    expect(existsSync(join(runDir, 'evaluations.csv'))).toBe(false);
    const out = join(dir, 'cli.csv');
    const exported = await odc('export', runDir, '--format', 'evaluations-csv', '-o', out);
    expect(exported.code, exported.err).toBe(0);
    expect(exported.err).toContain('wrote 480 evaluations');
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(join(csvRun, 'evaluations.csv'), 'utf8'));
    const resume = await odc('run', '--resume', runDir, '--log', 'csv');
    expect(resume.code).toBe(2);
    expect(resume.err).toContain('drop --log csv');
    const bad = await odc('run', small, '--log', 'arrow');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('csv or parquet');
    const noLog = await odc('export', csvRun, '--format', 'evaluations-csv');
    expect(noLog.code).toBe(2);
    expect(noLog.err).toContain('this run logged as CSV: evaluations.csv is already there');
  });

  it('resumes after a write cut mid row group as the uninterrupted run, the explorer reading it meanwhile', async () => {
    const runDir = join(dir, 'cut');
    const stopped = await runStudy({
      studyPath: small,
      outDir: runDir,
      stopAfterGenerations: 7,
      ...quiet,
    });
    expect(stopped.status).toBe('interrupted');
    const partial = join(runDir, 'evaluations.parquet.partial');
    // what a kill while a row group is being appended leaves: bytes after the last footer
    appendFileSync(partial, Buffer.from('PAR1 half a row group, then the process died'));
    const served = new ServedRun(0, runDir);
    served.refresh();
    // the 7 generations written (the interruption flushed them), not the cut tail
    expect(served.rows).toBe(7 * 40);
    expect(Array.from(served.column(0))).toEqual(Array.from({ length: 280 }, (_, i) => i));
    expect(served.info().damaged).toEqual([]);
    // its CSV as the explorer exports it: the header and the 280 rows read, not the cut tail
    expect(served.logCsv().toString('utf8').trimEnd().split('\n')).toHaveLength(281);

    const resumed = await runStudy({ resumeDir: runDir, ...quiet });
    expect(resumed.status).toBe('complete');
    for (const f of ['evaluations.parquet', 'pareto.json', 'pareto.csv'])
      expect(readFileSync(join(runDir, f)).equals(readFileSync(join(parquetRun, f))), f).toBe(true);
    served.refresh();
    expect(served.rows).toBe(480);
  });

  it('names a finished evaluations.parquet cut short as damaged in the explorer, instead of reading a footer inside', async () => {
    const runDir = join(dir, 'cut-final');
    cpSync(parquetRun, runDir, { recursive: true });
    const path = join(runDir, 'evaluations.parquet');
    truncateSync(path, readFileSync(path).length - 10);
    const served = new ServedRun(0, runDir);
    served.refresh();
    expect(served.info().damaged).toEqual([expect.stringMatching(/evaluations\.parquet: cut/)]);
    expect(served.rows).toBe(0);
  });

  it('every reader gives from it what it gives from the CSV log: diagnosis, report sample, achievability, explorer', async () => {
    const meta = (d: string): { result: { infeasibility?: unknown } } =>
      JSON.parse(readFileSync(join(d, 'run.json'), 'utf8')) as { result: { infeasibility?: unknown } };
    // no feasible design in 480 evaluations: the diagnosis run.json records is read from the log at the run's end
    expect(meta(parquetRun).result.infeasibility).toBeDefined();
    expect(meta(parquetRun).result).toEqual(meta(csvRun).result);
    // the report's sample as odc report reads it later (the file, not the run's memory)
    const [pq, csv] = [loadRun(parquetRun), loadRun(csvRun)];
    expect(pq.evaluatedCount).toBeGreaterThan(0);
    expect(pq.evaluatedCount).toBe(csv.evaluatedCount);
    expect(pq.evaluations).toEqual(csv.evaluations);
    // a select rule's achievability over the evaluated designs (here every one that did not fail)
    const achievable = (d: string): unknown =>
      logAchievability(
        runLogFile(d)!,
        () => true,
        0.05,
        new Set(),
        (status) => status !== 'failed',
      );
    expect(runLogFile(parquetRun)).toMatch(/evaluations\.parquet$/);
    expect(achievable(parquetRun)).not.toBeNull();
    expect(achievable(parquetRun)).toEqual(achievable(csvRun));
    // the explorer: the same typed columns, and the CSV route gives the CSV run's bytes
    const [a, b] = [new ServedRun(0, parquetRun), new ServedRun(1, csvRun)];
    expect(a.rows).toBe(480);
    a.columns.forEach((c, j) => expect(Array.from(a.column(j)), c.name).toEqual(Array.from(b.column(j))));
    expect(a.logCsv().equals(readFileSync(join(csvRun, 'evaluations.csv')))).toBe(true);
    // odc report rendered again later: the same report
    for (const d of [parquetRun, csvRun]) expect((await odc('report', d)).code).toBe(0);
    // (the folder's name, the clock and the timings aside)
    const report = (d: string): string =>
      readFileSync(join(d, 'report.md'), 'utf8')
        .split(d)
        .join('RUN')
        .replace(/^\| (runtime|started \/ finished) \|.*$/gm, '');
    expect(report(parquetRun)).toContain('objective');
    expect(report(parquetRun)).toBe(report(csvRun));
  });

  it('a full disk while the log is written: a clear error, and --resume then gives the uninterrupted run', async () => {
    const runDir = join(dir, 'enospc');
    // the third write to the log (the row group and footer flushed at the checkpoint of generation 10) gets half
    // its bytes on the disk, then ENOSPC: the file ends inside a row group, after the checkpoint of generation 5
    let logWrites = 0;
    let cut = false;
    atomicWriteTestHooks.write = (fd, buf, off, len) => {
      if (!readlinkSync(`/proc/self/fd/${fd}`).endsWith('evaluations.parquet.partial'))
        return writeSync(fd, buf, off, len);
      if (cut) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      if (off === 0 && ++logWrites === 3) {
        cut = true;
        return writeSync(fd, buf, off, Math.floor(len / 2));
      }
      return writeSync(fd, buf, off, len);
    };
    const e = await runStudy({ studyPath: small, outDir: runDir, ...quiet }).catch((x: unknown) => x as Error);
    atomicWriteTestHooks.write = undefined;
    expect(cut).toBe(true);
    expect((e as Error).message).toMatch(/evaluations\.parquet\.partial.*is full|is full.*ENOSPC/);
    expect(existsSync(join(runDir, 'run.lock'))).toBe(false);
    const resumed = await runStudy({ resumeDir: runDir, ...quiet });
    expect(resumed.status).toBe('complete');
    for (const f of ['evaluations.parquet', 'pareto.json', 'pareto.csv'])
      expect(readFileSync(join(runDir, f)).equals(readFileSync(join(parquetRun, f))), f).toBe(true);
  });
});

describe('the default Parquet log of a warm start and of a multi-seed run', () => {
  const quiet = { afterResults: () => undefined };
  const zdt = (name: string, extra = ''): string =>
    writeFile(
      dir,
      `${name}.yaml`,
      `name: ${name}\nkind: benchmark\nproblem: zdt1\nvariables: 4\nalgorithm:\n  name: nsga2\n  population: 8\n  generations: 3\n  seed: 3\n${extra}`,
    );

  it('a warm start from a Parquet run inherits every one of its evaluations, as the first rows of its own log', async () => {
    const earlier = (await runStudy({ studyPath: zdt('earlier'), outDir: join(dir, 'earlier'), ...quiet })).runDir;
    const warm = zdt('warm', `  initial:\n    from: ${earlier}\n`);
    const later = (await runStudy({ studyPath: warm, outDir: join(dir, 'warm'), ...quiet })).runDir;
    const warmStart = (JSON.parse(readFileSync(join(later, 'run.json'), 'utf8')) as { warmStart: unknown }).warmStart;
    expect(warmStart).toMatchObject({ mode: 'inherited', designs: 24 });
    const { problem: zdtProblem } = loadStudyProblem(warm);
    const rows = (d: string): number[][] => {
      const out: number[][] = [];
      forEachLogRow(join(d, 'evaluations.parquet'), zdtProblem, (r) => out.push([...r.x, ...r.f]));
      return out;
    };
    expect(rows(later).slice(0, 24)).toEqual(rows(earlier));
  });

  it('odc run --seeds writes each seed its evaluations.parquet (no CSV unless --log csv)', async () => {
    const out = join(dir, 'seeds');
    const r = await odc('run', zdt('seeded'), '--seeds', '2', '--out', out, '--quiet');
    expect(r.code, r.err).toBe(0);
    const seeds = readdirSync(out).filter((f) => f.startsWith('seed-'));
    expect(seeds).toHaveLength(2);
    for (const s of seeds) {
      expect(existsSync(join(out, s, 'evaluations.parquet')), s).toBe(true);
      expect(existsSync(join(out, s, 'evaluations.csv')), s).toBe(false);
    }
    const csv = join(dir, 'seeds-csv');
    expect((await odc('run', zdt('seeded'), '--seeds', '2', '--log', 'csv', '--out', csv, '--quiet')).code).toBe(0);
    for (const s of seeds) expect(existsSync(join(csv, s, 'evaluations.csv')), s).toBe(true);
  });
});
