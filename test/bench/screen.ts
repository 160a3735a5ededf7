/**
 * Benchmark (prints figures, asserts nothing): `odc screen`'s core against the shipped catalogue snapshot (18,718
 * objects) for 7 days at 5 km: one node at 552 km sun-synchronous, and a Walker shell of `ODC_BENCH_SCREEN_SATS`
 * satellites (default 10,000: 100 planes of 100 at 552 km, 53°), each beside its peer measured in the same run:
 * satellite.js propagation alone of the same objects at the same 60 s step (the floor any SGP4 screen pays).
 * CPU seconds (process.cpuUsage) and peak resident memory are printed. `npm run bench:screen`.
 */
import { cpus, loadavg } from 'node:os';
import { sgp4 } from 'satellite.js';
import { loadCatalogue } from '../../src/constellation/catalogue/catalogue.js';
import type { ElementSet } from '../../src/constellation/catalogue/elementSets.js';
import { prepare, screenPrepared, type Prepared } from '../../src/constellation/catalogue/screen.js';
import { circularElementSet } from '../helpers/circularElementSet.js';

const START_ms = Date.UTC(2026, 7, 22, 1, 0, 0);
const SPAN_s = 7 * 86400;
const STEP_s = 60;

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

const window = { start_ms: START_ms, span_s: SPAN_s };
let t = cpu();
const catalogue = loadCatalogue();
const cat = catalogue.sets.map((s) => prepare(s, window)).filter((p): p is Prepared => p !== null);
console.log(
  `catalogue: ${cat.length} objects propagable over 7 days, read and prepared in ${(cpu() - t).toFixed(1)} CPU-s`,
);
console.log(`load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores`);

const size = Number(process.env['ODC_BENCH_SCREEN_SATS'] ?? 10_000);
const planes = Math.round(Math.sqrt(size));
const cases: [string, ElementSet[]][] = [
  ['one node, 552 km SSO', [circular(900_000, 552, 97.6, 150, 0)]],
  [
    `${size}-satellite Walker shell, 552 km, 53°`,
    Array.from({ length: size }, (_, i) =>
      circular(
        1_000_000 + i,
        552,
        53,
        (360 * (i % planes)) / planes,
        (360 * Math.floor(i / planes)) / Math.ceil(size / planes),
      ),
    ),
  ],
];
for (const [name, sets] of cases) {
  const own = sets.map((s) => prepare(s, window)!);
  t = cpu();
  const events = screenPrepared(own, cat, { ...window, threshold_km: 5, step_s: STEP_s });
  const screen_s = cpu() - t;
  // the peer: propagation alone of the own satellites and the catalogue objects the screen propagated
  const used = cat.filter((c) => own.some((o) => o.rLo_km - 5 <= c.rHi_km && c.rLo_km - 5 <= o.rHi_km));
  t = cpu();
  propagationOnly([...own, ...used]);
  const peer_s = cpu() - t;
  console.log(
    `\n${name}: ${events.length} approaches < 5 km in 7 days (${((events.length / own.length / 7) * 365.25).toFixed(1)} per satellite-year)\n` +
      `  screen ${screen_s.toFixed(1)} CPU-s; satellite.js propagation alone of the ${own.length} + ${used.length} objects it propagates: ` +
      `${peer_s.toFixed(1)} CPU-s (ratio ${(screen_s / peer_s).toFixed(2)}); whole catalogue + own propagation alone would be ` +
      `${((peer_s * (own.length + cat.length)) / (own.length + used.length)).toFixed(1)} CPU-s`,
  );
}
console.log(`\npeak resident memory ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
