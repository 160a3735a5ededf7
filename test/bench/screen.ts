/**
 * Benchmark (prints figures, asserts nothing): `odc screen`'s core against the shipped catalogue snapshot (18,718
 * objects) for 7 days at 5 km: one node at 552 km sun-synchronous, and a Walker shell of `ODC_BENCH_SCREEN_SATS`
 * satellites (default 10,000: 100 planes of 100 at 552 km, 53°), each beside its peer measured in the same process:
 * satellite.js propagation alone of the same objects at the same 60 s step (the floor any SGP4 screen pays).
 * Each case runs in a fresh process of this file (`--case N`), so its peak resident memory is its own. CPU seconds
 * (process.cpuUsage) and peak resident memory are printed; `--docs` writes them into docs/performance.md
 * (./markedSection.ts). `npm run bench:screen`.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { sgp4 } from 'satellite.js';
import { loadCatalogue } from '../../src/constellation/catalogue/catalogue.js';
import type { ElementSet } from '../../src/constellation/catalogue/elementSets.js';
import { bandsMeet, prepare, type Prepared } from '../../src/constellation/catalogue/screen.js';
import { runScreen } from '../../src/analysis/screen/screen.js';
import { circularElementSet } from '../helpers/circularElementSet.js';
import { docsRequested, loadLine, mdTable, writeMarkedSections } from './markedSection.js';

const START_ms = Date.UTC(2026, 7, 22, 1, 0, 0);
const SPAN_s = 7 * 86400;
const STEP_s = 60;
const THRESHOLD_km = 5;

/** A circular orbit at the start (test/helpers/circularElementSet.ts), named by its catalogue number. */
const circular = (norad: number, alt_km: number, inc_deg: number, raan_deg: number, m_deg: number): ElementSet =>
  circularElementSet(`OWN-${norad}`, norad, { alt_km, inc_deg, raan_deg, m_deg }, START_ms);

const cpu = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

/** satellite.js alone: every object of `objs` at every 60 s step of the window. */
function propagationOnly(objs: readonly Prepared[]): number {
  let sink = 0;
  for (let t = 0; t <= SPAN_s; t += STEP_s)
    for (const o of objs) sink += sgp4(o.satrec, o.tsince0_min + t / 60)?.position ? 1 : 0;
  return sink;
}

const size = Number(process.env['ODC_BENCH_SCREEN_SATS'] ?? 10_000);
/** Worker threads of the shell's case (the node's runs on one thread). */
const THREADS = 2;
const CASES: readonly { name: string; threads: number; own: () => ElementSet[] }[] = [
  { name: 'one node, 552 km SSO', threads: 0, own: () => [circular(900_000, 552, 97.6, 150, 0)] },
  {
    name: `${size.toLocaleString('en-US')}-satellite Walker shell, 552 km, 53°`,
    threads: THREADS,
    own: () => {
      const planes = Math.round(Math.sqrt(size));
      return Array.from({ length: size }, (_, i) =>
        circular(
          1_000_000 + i,
          552,
          53,
          (360 * (i % planes)) / planes,
          (360 * Math.floor(i / planes)) / Math.ceil(size / planes),
        ),
      );
    },
  },
];

interface CaseResult {
  readonly name: string;
  readonly own: number;
  readonly catalogue: number;
  readonly propagated: number;
  readonly events: number;
  readonly threads: number;
  /** Reading the catalogue and preparing its sets [CPU s]. */
  readonly read_s: number;
  readonly screen_s: number;
  readonly wall_s: number;
  readonly peer_s: number;
  readonly peakRss_MB: number;
}

/**
 * One case, in this process: the catalogue read and prepared, the screen (on `threads` worker threads, their CPU
 * counted with this process's), then its peer; printed as one JSON line.
 */
async function runCase(index: number): Promise<void> {
  const window = { start_ms: START_ms, span_s: SPAN_s };
  let t = cpu();
  const cat = loadCatalogue()
    .sets.map((s) => prepare(s, window))
    .filter((p): p is Prepared => p !== null);
  const read_s = cpu() - t;
  const c = CASES[index]!;
  const own = c.own().map((s) => prepare(s, window)!);
  t = cpu();
  const wall0 = performance.now();
  const events = await runScreen(own, cat, { ...window, threshold_km: THRESHOLD_km, step_s: STEP_s }, c.threads);
  const screen_s = cpu() - t;
  const wall_s = (performance.now() - wall0) / 1000;
  const peakRss_MB = process.resourceUsage().maxRSS / 1024;
  // the peer: propagation alone of the own satellites and the catalogue objects whose shells meet theirs
  const used = cat.filter((o) => own.some((x) => bandsMeet(x, o, THRESHOLD_km)));
  t = cpu();
  propagationOnly([...own, ...used]);
  const peer_s = cpu() - t;
  const r: CaseResult = {
    name: c.name,
    own: own.length,
    catalogue: cat.length,
    propagated: used.length,
    events: events.length,
    threads: c.threads,
    read_s,
    screen_s,
    wall_s,
    peer_s,
    peakRss_MB,
  };
  console.log(JSON.stringify(r));
}

const caseArg = process.argv.indexOf('--case');
if (caseArg >= 0) await runCase(Number(process.argv[caseArg + 1]));
else {
  const results: CaseResult[] = [];
  for (let i = 0; i < CASES.length; i++) {
    const run = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--case', String(i)], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 1 << 20,
    });
    if (run.status !== 0) throw new Error(`case ${CASES[i]!.name} failed (exit ${run.status})`);
    const r = JSON.parse(run.stdout.trim().split('\n').at(-1)!) as CaseResult;
    results.push(r);
    const perYear = (r.events / r.own / 7) * 365.25;
    console.log(
      `${r.name}: ${r.events} approaches < ${THRESHOLD_km} km in 7 days (${perYear.toFixed(1)} per satellite-year); ` +
        `${r.propagated} of ${r.catalogue} catalogue objects' shells meet the own ones\n` +
        `  catalogue read and prepared ${r.read_s.toFixed(1)} CPU-s; screen ${r.screen_s.toFixed(1)} CPU-s on ` +
        `${Math.max(1, r.threads)} thread(s) (${r.wall_s.toFixed(0)} s wall); satellite.js propagation alone of those ` +
        `${r.own} + ${r.propagated} objects ${r.peer_s.toFixed(1)} CPU-s (ratio ${(r.screen_s / r.peer_s).toFixed(2)}); ` +
        `peak RSS ${r.peakRss_MB.toFixed(0)} MB`,
    );
  }
  console.log(loadLine());
  if (docsRequested()) {
    const rows = results.map((r) => [
      r.name,
      r.events.toLocaleString('en-US'),
      ((r.events / r.own / 7) * 365.25).toFixed(1),
      `${r.propagated.toLocaleString('en-US')} of ${r.catalogue.toLocaleString('en-US')}`,
      r.read_s.toFixed(1),
      `${r.screen_s.toFixed(1)} (${Math.max(1, r.threads)} thread${r.threads > 1 ? 's' : ''})`,
      r.peer_s.toFixed(1),
      (r.screen_s / r.peer_s).toFixed(2),
      r.peakRss_MB.toFixed(0),
    ]);
    const table = mdTable(
      [
        'own satellites',
        `events < ${THRESHOLD_km} km, 7 days`,
        'per satellite-year',
        'catalogue shells meeting the own',
        'catalogue read CPU s',
        'screen CPU s',
        'satellite.js alone CPU s',
        'ratio',
        'peak RSS MB',
      ],
      rows,
      [1, 2, 4, 5, 6, 7, 8],
    );
    writeMarkedSections('docs/performance.md', [
      { name: 'bench-screen', command: 'npm run bench:screen -- --docs', body: `${table}\n\n${loadLine()}` },
    ]);
  }
}
