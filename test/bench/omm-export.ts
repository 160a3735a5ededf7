/**
 * Benchmark (prints figures, asserts nothing): every satellite of the 1,000,000-satellite filing
 * (designs/constellations/spacex-odc-1m.yaml) exported straight from the design file as CCSDS OMM JSON and OMM XML,
 * and its default CZML scene (1,000 satellites) and OEM (the first of each shell), each in its own `odc export`
 * process streaming to a file; its wall time, file size and peak resident memory
 * (process.resourceUsage().maxRSS at exit), beside two peers measured in the same run: the CSV export of the same
 * satellites (the streamed table) and `odc --version` (the process's floor).
 * `npm run bench:omm`; `-- --docs` writes the table into docs/performance.md (./markedSection.ts).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { docsRequested, loadLine, mdTable, writeMarkedSections } from './markedSection.js';

const BIN = resolve('dist/src/entries/cli/bin.js');
const DESIGN = 'designs/constellations/spacex-odc-1m.yaml';
// Runs odc with `args` in a fresh process and reports its peak resident set at exit.
const CHILD = `
const bin = process.argv[1];
process.on('exit', () => process.stderr.write('\\nODC_MAXRSS_KB ' + process.resourceUsage().maxRSS + '\\n'));
process.argv = [process.argv[0], bin, ...process.argv.slice(2)];
await import(bin);
`;

function run(args: readonly string[]): { wall_s: number; rss_MB: number } {
  const t = performance.now();
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', CHILD, BIN, ...args], { encoding: 'utf8' });
  const wall_s = (performance.now() - t) / 1000;
  const m = /ODC_MAXRSS_KB (\d+)/.exec(r.stderr);
  if (r.status !== 0 || m === null) throw new Error(`odc ${args.join(' ')} failed: ${r.stderr}`);
  return { wall_s, rss_MB: Number(m[1]) / 1024 };
}

const dir = mkdtempSync(join(tmpdir(), 'odc-bench-omm-'));
const rows: string[][] = [];
try {
  const floor = run(['--version']);
  rows.push(['odc --version (floor)', '-', `${floor.wall_s.toFixed(1)} s`, `${floor.rss_MB.toFixed(0)} MB`]);
  console.log(`odc --version: ${floor.rss_MB.toFixed(0)} MB peak`);
  for (const [format, file] of [
    ['omm', 'sats.json'],
    ['omm-xml', 'sats.xml'],
    ['czml', 'scene.czml'],
    ['oem', 'sats.oem'],
    ['csv', 'sats.csv'],
  ] as const) {
    const out = join(dir, file);
    const r = run(['export', DESIGN, '--format', format, '--out', out]);
    const size_MB = statSync(out).size / 2 ** 20;
    rmSync(out);
    rows.push([
      `${format}${format === 'csv' ? ' (peer)' : ''}`,
      `${size_MB.toFixed(0)} MB`,
      `${r.wall_s.toFixed(1)} s`,
      `${r.rss_MB.toFixed(0)} MB`,
    ]);
    console.log(`${format}: ${size_MB.toFixed(0)} MB file in ${r.wall_s.toFixed(1)} s, peak ${r.rss_MB.toFixed(0)} MB`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const table = mdTable(['odc export spacex-odc-1m.yaml --format', 'file', 'wall', 'peak memory (RSS)'], rows, [1, 2, 3]);
console.log(`\n${table}\n\n${loadLine()}`);
if (docsRequested())
  writeMarkedSections('docs/performance.md', [
    { name: 'bench-omm', command: 'npm run bench:omm -- --docs', body: `${table}\n\n${loadLine()}` },
  ]);
