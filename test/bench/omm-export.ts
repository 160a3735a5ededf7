/**
 * Benchmark (prints figures, asserts nothing): every satellite of the 1,000,000-satellite filing
 * (designs/constellations/spacex-odc-1m.yaml) exported straight from the design file as CCSDS OMM JSON and OMM XML,
 * and its default CZML scene (1,000 satellites) and OEM (the first of each shell), each in its own `odc export`
 * process streaming to a file; its wall time, file size and peak resident memory
 * (process.resourceUsage().maxRSS at exit), beside two peers measured in the same run: the CSV export of the same
 * satellites (the streamed table) and `odc --version` (the process's floor). `-- --oem-all` adds the forced OEM of
 * every satellite (`--satellites all --force`, two states each: 1,000,000 files, ~0.9 GB, written into a staging
 * folder, fsynced together and renamed whole: src/run/atomic.ts writeFolderAtomic), with its files per second;
 * `-- --czml-full` the forced whole scene (`--full --force`: 1,000,000 satellites and their links at the epoch,
 * ~4.9 GB).
 * `npm run bench:omm`; `-- --docs` writes the table into docs/performance.md (./markedSection.ts).
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { odcPeakRss_MB } from '../helpers/peakRss.js';
import { docsRequested, loadLine, mdTable, writeMarkedSections } from './markedSection.js';

const DESIGN = 'designs/constellations/spacex-odc-1m.yaml';

function run(args: readonly string[]): { wall_s: number; rss_MB: number } {
  const t = performance.now();
  const rss_MB = odcPeakRss_MB(args);
  return { wall_s: (performance.now() - t) / 1000, rss_MB };
}

/** Bytes of a file, or of a folder's files (oem writes one file per satellite). */
const sizeOf = (path: string): number =>
  statSync(path).isDirectory()
    ? readdirSync(path).reduce((n, f) => n + statSync(join(path, f)).size, 0)
    : statSync(path).size;

const OEM_ALL = ['--satellites', 'all', '--force', '--span-h', '1', '--step-s', '3600'];
const dir = mkdtempSync(join(tmpdir(), 'odc-bench-omm-'));
const rows: string[][] = [];
try {
  const floor = run(['--version']);
  rows.push(['odc --version (floor)', '-', `${floor.wall_s.toFixed(1)} s`, `${floor.rss_MB.toFixed(0)} MB`]);
  console.log(`odc --version: ${floor.rss_MB.toFixed(0)} MB peak`);
  const cases: [string, string, readonly string[]][] = [
    ['omm', 'sats.json', []],
    ['omm-xml', 'sats.xml', []],
    ['czml', 'scene.czml', []],
    ['oem', 'oem', []],
    ['csv', 'sats.csv', []],
  ];
  if (process.argv.includes('--oem-all')) cases.push(['oem', 'oem-all', OEM_ALL]);
  if (process.argv.includes('--czml-full')) cases.push(['czml', 'scene-full.czml', ['--full', '--force']]);
  for (const [format, file, extra] of cases) {
    const out = join(dir, file);
    const r = run(['export', DESIGN, '--format', format, ...extra, '--out', out]);
    const size_MB = sizeOf(out) / 2 ** 20;
    const files = statSync(out).isDirectory() ? readdirSync(out).length : 1;
    rmSync(out, { recursive: true });
    const perSecond = files / r.wall_s;
    const rate =
      files > 1
        ? ` (${files.toLocaleString('en-US')} files, ${perSecond < 10 ? perSecond.toFixed(1) : Math.round(perSecond)}/s)`
        : '';
    rows.push([
      `${format}${extra.length > 0 ? ` ${extra.join(' ')}` : ''}${format === 'csv' ? ' (peer)' : ''}${rate}`,
      `${size_MB.toFixed(0)} MB`,
      `${r.wall_s.toFixed(1)} s`,
      `${r.rss_MB.toFixed(0)} MB`,
    ]);
    console.log(
      `${format}${rate}: ${size_MB.toFixed(0)} MB in ${r.wall_s.toFixed(1)} s, peak ${r.rss_MB.toFixed(0)} MB`,
    );
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
