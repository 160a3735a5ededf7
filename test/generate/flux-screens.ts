/**
 * Generates test/models/orbit/flux-screens.json: the expectation for the approach-flux metric
 * (src/models/orbit/catalogueFlux.ts), from the full SGP4 screen (src/constellation/catalogue/screen.ts, the core of
 * `odc screen`) of circular shells across 450–1,300 km against the shipped catalogue snapshot, 7 days from the
 * snapshot's median epoch, approaches closer than 5 km. Each shell spreads its satellites over node and phase
 * (RAAN 360°·k/N, argument of latitude by the golden angle) so a week samples the geometry the flux averages over;
 * its size is chosen so the screen counts tens of events. The own satellites carry the elements `odc export` writes
 * (ommRecord). Run with `npm run gen:flux-screens` (builds first; many CPU-minutes). Deterministic. It then writes the
 * comparison with the shipped flux table into docs/constellations.md (`--docs-only`: that step alone).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { epochSummary, loadCatalogue } from '../../src/constellation/catalogue/catalogue.js';
import type { ElementSet } from '../../src/constellation/catalogue/elementSets.js';
import { prepare, screenPrepared, type Prepared } from '../../src/constellation/catalogue/screen.js';
import { MAX_AGE_d } from '../../src/analysis/screen/screen.js';
import { ommRecord } from '../../src/constellation/geometry/propagate.js';
import { writeFileAtomic } from '../../src/run/atomic.js';
import { PROJECT_ROOT } from '../../src/run/versions.js';
import { catalogueApproaches_per_sat_yr } from '../../src/models/orbit/catalogueFlux.js';
import { mdTable, writeMarkedSections } from '../bench/markedSection.js';

export const FLUX_SCREENS_PATH = 'test/models/orbit/flux-screens.json';
const SPAN_s = 7 * 86400;
const THRESHOLD_km = 5;

/** The shells screened: altitude [km], inclination [deg], satellites. */
export const FLUX_SCREEN_CASES: readonly { altitude_km: number; inclination_deg: number; satellites: number }[] = [
  { altitude_km: 450, inclination_deg: 53, satellites: 12 },
  { altitude_km: 480, inclination_deg: 53, satellites: 1 },
  { altitude_km: 530, inclination_deg: 43, satellites: 8 },
  { altitude_km: 552, inclination_deg: 53, satellites: 6 },
  { altitude_km: 552, inclination_deg: 97.6, satellites: 6 },
  { altitude_km: 570, inclination_deg: 70, satellites: 3 },
  { altitude_km: 700, inclination_deg: 98, satellites: 12 },
  { altitude_km: 800, inclination_deg: 98, satellites: 12 },
  { altitude_km: 1000, inclination_deg: 98, satellites: 50 },
  { altitude_km: 1100, inclination_deg: 53, satellites: 60 },
  { altitude_km: 1200, inclination_deg: 87, satellites: 12 },
  { altitude_km: 1300, inclination_deg: 60, satellites: 250 },
];

const GOLDEN_rad = Math.PI * (3 - Math.sqrt(5));

type Case = (typeof FLUX_SCREEN_CASES)[number];

function shell(c: Case, start_ms: number, base: number): ElementSet[] {
  const epochIso = new Date(start_ms).toISOString();
  return Array.from({ length: c.satellites }, (_, k) => {
    const norad = base + k;
    const omm = ommRecord(
      {
        altitude_m: c.altitude_km * 1000,
        inclination_rad: (c.inclination_deg * Math.PI) / 180,
        raan_rad: (2 * Math.PI * k) / c.satellites,
        argumentOfLatitude_rad: (GOLDEN_rad * k) % (2 * Math.PI),
      },
      epochIso,
      { name: `OWN-${norad}`, objectId: '2026-000A', noradId: norad },
    );
    return {
      norad,
      name: `OWN-${norad}`,
      epoch_ms: start_ms,
      source: { omm: omm as unknown as Record<string, unknown> },
    };
  }) as ElementSet[];
}

function main(): void {
  const catalogue = loadCatalogue();
  const start_ms = epochSummary(catalogue.sets).median_ms;
  const window = { start_ms, span_s: SPAN_s };
  const cat = catalogue.sets
    .filter((s) => Math.abs(s.epoch_ms - start_ms) <= MAX_AGE_d * 86_400_000)
    .map((s) => prepare(s, window))
    .filter((p): p is Prepared => p !== null);
  // `--cases 0,3,5` screens those cases only, keeping the stored results of the others (to split the work)
  const arg = process.argv.indexOf('--cases');
  const only = arg >= 0 ? new Set(process.argv[arg + 1]!.split(',').map(Number)) : null;
  const path = join(PROJECT_ROOT, FLUX_SCREENS_PATH);
  const fresh = FLUX_SCREEN_CASES.map((c, n) => {
    if (only !== null && !only.has(n)) return null;
    const own = shell(c, start_ms, 800_000 + 1000 * n).map((s) => prepare(s, window)!);
    const events = screenPrepared(own, cat, { ...window, threshold_km: THRESHOLD_km }).length;
    const perSatYr = events / ((c.satellites * SPAN_s) / (365.25 * 86400));
    console.log(
      `${c.altitude_km} km ${c.inclination_deg}° × ${c.satellites}: ${events} events, ${perSatYr.toFixed(0)}/sat-yr`,
    );
    return { ...c, events, perSatYr: Math.round(perSatYr * 10) / 10 };
  });
  // the stored results of the cases not screened now, read after the screens (another part may have written them)
  const before = existsSync(path)
    ? (JSON.parse(readFileSync(path, 'utf8')) as { results: (Case & { events: number; perSatYr: number })[] }).results
    : [];
  const same = (a: Case, b: Case) =>
    a.altitude_km === b.altitude_km && a.inclination_deg === b.inclination_deg && a.satellites === b.satellites;
  const results = FLUX_SCREEN_CASES.map((c, n) => fresh[n] ?? before.find((b) => same(b, c)) ?? null).filter(
    (r) => r !== null,
  );
  const file = {
    about:
      'Full SGP4 screens (odc screen core) of circular shells against the shipped catalogue, 7 days from start, approaches < 5 km: the expectation of test/models/orbit/catalogueFlux.test.ts. Generated by npm run gen:flux-screens (test/generate/flux-screens.ts).',
    start: new Date(start_ms).toISOString(),
    days: SPAN_s / 86400,
    threshold_km: THRESHOLD_km,
    catalogueObjects: cat.length,
    results,
  };
  writeFileAtomic(path, JSON.stringify(file, null, 2) + '\n');
}

interface Stored {
  readonly results: readonly (Case & { events: number; perSatYr: number })[];
}

/** The stored screens beside the shipped table's estimate, as the marked table of docs/constellations.md. */
function writeDocs(): void {
  const stored = JSON.parse(readFileSync(join(PROJECT_ROOT, FLUX_SCREENS_PATH), 'utf8')) as Stored;
  const rows = stored.results.map((r) => {
    const est = catalogueApproaches_per_sat_yr(r.altitude_km, r.inclination_deg);
    return [
      `${r.altitude_km} km, ${r.inclination_deg}°`,
      String(r.satellites),
      String(r.events),
      r.perSatYr.toLocaleString('en-US'),
      Math.round(est).toLocaleString('en-US'),
      r.events >= 30 ? (est / r.perSatYr).toFixed(2) : `(${(est / r.perSatYr).toFixed(2)}: < 30 events)`,
    ];
  });
  const table = mdTable(
    ['shell', 'satellites', 'screen events, 7 days', 'screen per sat-yr', 'flux estimate per sat-yr', 'ratio'],
    rows,
    [1, 2, 3, 4, 5],
  );
  writeMarkedSections('docs/constellations.md', [
    { name: 'flux-vs-screen', command: 'npm run gen:flux-screens', body: table },
  ]);
}

if (process.argv[1]?.endsWith('flux-screens.js')) {
  if (!process.argv.includes('--docs-only')) main();
  writeDocs();
}
