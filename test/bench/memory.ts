/**
 * Memory benchmark (a script, not a vitest test): `npm run bench:memory [-- --evaluations 1000000,5000000]`.
 * Runs `odc run` (report included) on ZDT1 (30 variables, population 1000) for each budget, unbounded and
 * with `archiveLimit: 20000`, in a child process whose peak resident set size (getrusage maxRSS) it reads at
 * exit, and prints wall and CPU time, peak RSS, the evaluation log's size and the archive size. The goal:
 * flat memory, peak RSS under 500 MB at 5,000,000 evaluations with a report. An unbounded archive
 * grows with the run by definition (179k designs after 1M ZDT1 evaluations), so only bounded runs can be flat;
 * `--unbounded` adds the unbounded case at every budget (by default only at the smallest); `--docs` writes the table
 * into docs/performance.md (./markedSection.ts).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { runLogFile } from '../../src/run/logRead.js';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/run/versions.js';
import { docsRequested, loadLine, mdTable, writeMarkedSections } from './markedSection.js';

const args = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const budgets = (flag('--evaluations') ?? '1000000,5000000').split(',').map(Number);
const unboundedEverywhere = args.includes('--unbounded');
const ARCHIVE_LIMIT = 20_000;
const GOAL_MB = 500;

// Written to stderr when the child exits: its peak RSS [kB] and CPU time [µs], from getrusage(2).
const HOOK = `data:text/javascript,process.on('exit',()=>{const u=process.resourceUsage();process.stderr.write('ODC_BENCH_RUSAGE '+u.maxRSS+' '+(u.userCPUTime+u.systemCPUTime)+'\\n')})`;

interface Row {
  readonly evaluations: number;
  readonly archive: string;
  readonly wall_s: number;
  readonly cpu_s: number;
  readonly peakRss_MB: number;
  readonly log_MB: number;
  readonly archiveSize: number;
  readonly report: boolean;
}

function runCase(evaluations: number, archiveLimit: number | undefined): Row {
  const dir = mkdtempSync(join(tmpdir(), 'odc-bench-memory-'));
  try {
    const limit = archiveLimit !== undefined ? `, archiveLimit: ${archiveLimit}` : '';
    const study = join(dir, 'zdt1.yaml');
    writeFileSync(
      study,
      `name: zdt1-memory\nkind: benchmark\nproblem: zdt1\nvariables: 30\nalgorithm: { name: nsga2, population: 1000, evaluations: ${evaluations}, seed: 1, checkpointEvery: 50${limit} }\n`,
    );
    const out = join(dir, 'run');
    const t0 = Date.now();
    const r = spawnSync(
      process.execPath,
      ['--import', HOOK, join(PROJECT_ROOT, 'dist/src/entries/cli/bin.js'), 'run', study, '--out', out, '--quiet'],
      { encoding: 'utf8', maxBuffer: 1 << 26 },
    );
    const wall_s = (Date.now() - t0) / 1000;
    const usage = /ODC_BENCH_RUSAGE (\d+) (\d+)/.exec(r.stderr ?? '');
    if (r.status !== 0 || !usage)
      throw new Error(`odc run failed (exit ${r.status}): ${(r.stderr ?? '').slice(-2000)}`);
    const meta = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8')) as {
      result: { archiveSize?: number; paretoSize: number };
    };
    let report = false;
    try {
      report = statSync(join(out, 'report.html')).size > 0;
    } catch {
      report = false;
    }
    return {
      evaluations,
      archive: archiveLimit !== undefined ? `≤ ${archiveLimit}` : 'unbounded',
      wall_s,
      cpu_s: Number(usage[2]) / 1e6,
      peakRss_MB: Number(usage[1]) / 1024,
      log_MB: statSync(runLogFile(out)!).size / 1e6,
      archiveSize: meta.result.archiveSize ?? meta.result.paretoSize,
      report,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

console.log(
  `Machine: ${cpus()[0]?.model ?? '?'}, ${cpus().length} cores; load average at start ${loadavg()
    .map((v) => v.toFixed(2))
    .join(' / ')}`,
);
console.log('ZDT1, 30 variables, NSGA-II population 1000, odc run with its report, serial evaluation.');
console.log('| evaluations | archive | archive size | wall s | CPU s | peak RSS MB | log MB | report | < 500 MB |');
console.log('|---|---|---|---|---|---|---|---|---|');
const smallest = Math.min(...budgets);
const docRows: string[][] = [];
for (const n of budgets) {
  const cases: (number | undefined)[] =
    unboundedEverywhere || n === smallest ? [undefined, ARCHIVE_LIMIT] : [ARCHIVE_LIMIT];
  for (const limit of cases) {
    const r = runCase(n, limit);
    docRows.push([
      r.evaluations.toLocaleString('en-US'),
      limit === undefined ? 'unbounded' : `\`archiveLimit: ${limit}\``,
      r.archiveSize.toLocaleString('en-US'),
      r.wall_s.toFixed(1),
      r.cpu_s.toFixed(1),
      r.peakRss_MB.toFixed(0),
      Math.round(r.log_MB).toLocaleString('en-US'),
    ]);
    console.log(
      `| ${r.evaluations.toLocaleString('en-US')} | ${r.archive} | ${r.archiveSize} | ${r.wall_s.toFixed(1)} | ${r.cpu_s.toFixed(1)} | ${r.peakRss_MB.toFixed(0)} | ${r.log_MB.toFixed(0)} | ${r.report ? 'rendered' : 'missing'} | ${r.peakRss_MB < GOAL_MB ? 'yes' : 'no'} |`,
    );
  }
}
console.log(
  `Load average at end ${loadavg()
    .map((v) => v.toFixed(2))
    .join(' / ')}`,
);
if (docsRequested()) {
  const table = mdTable(
    ['evaluations', 'Pareto archive', 'archive size', 'wall s', 'CPU s', 'peak RSS MB', 'log MB'],
    docRows,
    [0, 2, 3, 4, 5, 6],
  );
  writeMarkedSections('docs/performance.md', [
    { name: 'bench-memory', command: 'npm run bench:memory', body: `${table}\n\n${loadLine()}` },
  ]);
}
