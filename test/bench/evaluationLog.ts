/**
 * The evaluation log's two formats at scale (a script, not a vitest test): `npm run bench:log [-- --rows 1000000]`.
 * Each format runs in a child process of its own (its peak resident set is its own): rows of the flagship study's
 * columns (its 10 variables, 3 objectives and 12 constraints, values drawn in their bounds, 2 % failed rows) appended a
 * generation of 200 at a time by EvaluationLog, as a run appends them, then read back by forEachLogRow
 * (src/run/logRead.ts: what a resume, the history, the warm start and the export read), and the Parquet log's typed
 * columns as the explorer reads them (forEachParquetGroup). CPU of the process (process.cpuUsage), the file's size,
 * the peak RSS.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EvaluationLog, type LoggedEvaluation } from '../../src/run/log.js';
import { forEachLogRow } from '../../src/run/logRead.js';
import { fileSource, forEachParquetGroup } from '../../src/run/parquetLog.js';
import { loadStudyProblem } from '../../src/run/problem.js';
import { PROJECT_ROOT } from '../../src/run/versions.js';

const args = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const rows = Number(flag('--rows') ?? 1_000_000);
const cpu_s = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

function child(format: 'csv' | 'parquet'): void {
  const { problem } = loadStudyProblem(join(PROJECT_ROOT, 'designs/flagship-study.yaml'));
  const dir = mkdtempSync(join(tmpdir(), 'odc-bench-log-'));
  const path = join(dir, `evaluations.${format}.partial`);
  // a fixed linear congruential sequence: the same rows for both formats
  let s = 12345;
  const draw = (): number => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const { variables, objectives, constraints } = problem;
  const generation = (g: number): LoggedEvaluation[] =>
    Array.from({ length: 200 }, (_, i) => {
      const x = Float64Array.from(variables, (v) =>
        v.kind === 'choice'
          ? Math.floor(draw() * v.options.length)
          : v.kind === 'int'
            ? v.lower + Math.floor(draw() * (v.upper - v.lower + 1))
            : v.lower + draw() * (v.upper - v.lower),
      );
      const failed = draw() < 0.02;
      const f = Float64Array.from(objectives, () => (failed ? NaN : draw() * 1e4));
      const gv = Float64Array.from(constraints, () => (failed ? NaN : draw() - 0.7));
      const cv = failed ? Infinity : gv.reduce((a, b) => a + Math.max(0, b), 0);
      return { index: g * 200 + i, generation: g, x, f, g: gv, cv, failure: failed ? 'model failed' : null };
    });
  let rowsByGeneration = Array.from({ length: Math.ceil(rows / 200) }, (_, g) => generation(g));
  const t0 = cpu_s();
  const log = new EvaluationLog(path, problem, undefined, undefined, undefined, format);
  for (const gen of rowsByGeneration) log.append(gen);
  log.close();
  const write_s = cpu_s() - t0;
  // released: a million rows kept alive would be marked by every collection of the reads below
  rowsByGeneration = [];
  const bytes = statSync(path).size;
  // the explorer's typed columns first: the rows read after them leave a million objects for the collector
  const t1 = cpu_s();
  let typed = 0;
  if (format === 'parquet') {
    const fd = openSync(path, 'r');
    forEachParquetGroup(
      fileSource(fd, bytes),
      (names) => names,
      (g) => (typed += g.rows),
    );
    closeSync(fd);
  }
  const columns_s = format === 'parquet' ? cpu_s() - t1 : NaN;
  const t2 = cpu_s();
  let back = 0;
  forEachLogRow(path, problem, () => back++);
  const rows_s = cpu_s() - t2;
  rmSync(dir, { recursive: true, force: true });
  const peak_MB = process.resourceUsage().maxRSS / 1e3;
  process.stdout.write(JSON.stringify({ format, back, write_s, bytes, rows_s, columns_s, peak_MB }) + '\n');
}

function main(): void {
  const self = fileURLToPath(import.meta.url);
  const lines = [
    '| format | write CPU s | file MB | rows back CPU s | typed columns CPU s | peak RSS MB |',
    '|---|---:|---:|---:|---:|---:|',
  ];
  for (const format of ['csv', 'parquet'] as const) {
    const r = spawnSync(process.execPath, [self, '--child', format, '--rows', String(rows)], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${format}: ${r.stderr}`);
    const m = JSON.parse(r.stdout.trim().split('\n').pop()!) as Record<string, number | null>;
    if (m['back'] !== rows) throw new Error(`${format}: ${m['back']} rows back of ${rows}`);
    const f = (v: number | null | undefined, d = 2): string =>
      typeof v !== 'number' || Number.isNaN(v) ? '–' : v.toFixed(d);
    lines.push(
      `| ${format} | ${f(m['write_s'])} | ${f(m['bytes']! / 1e6, 0)} | ${f(m['rows_s'])} | ${f(m['columns_s'])} | ${f(m['peak_MB'], 0)} |`,
    );
  }
  lines.push('', `${rows.toLocaleString('en-US')} rows; load average (1 min) ${loadavg()[0]!.toFixed(1)}.`);
  process.stdout.write(`${lines.join('\n')}\n`);
}

if (args[0] === '--child') await child(args[1] as 'csv' | 'parquet');
else main();
