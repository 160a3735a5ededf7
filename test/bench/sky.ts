/**
 * Benchmark (prints figures, asserts nothing): naked-eye counts of the 500,000-satellite filing layout
 * (test/constellation/environment/skyFiling.ts) at sunset and 30, 60 and 90 minutes after, from 37° N at the
 * March 2026 equinox, with the unmitigated (Lambertian ζ = 0.2 over 800 m²) and the mitigated (Gen2 Mini function
 * scaled to 710 m²) models; the fast path (skyCount.ts) against the brute-force oracle measured in the same run.
 * `npm run bench:sky`; `-- --docs` writes the timings into docs/performance.md (./markedSection.ts).
 */
import { magnitudeFunction, type PhotometricModel } from '../../src/constellation/environment/skyPhotometry.js';
import { jdToIso, skyCount, sunsetJd, type SkyCountParams } from '../../src/constellation/environment/skyCount.js';
import { bruteForceSkyCount } from '../constellation/environment/skyBruteForce.js';
import { filingPlanes } from '../constellation/environment/skyFiling.js';
import { docsRequested, loadLine, mdTable, writeMarkedSections } from './markedSection.js';

const RAD_PER_DEG = Math.PI / 180;
const MINUTES = [0, 30, 60, 90];
const MODELS: Record<string, PhotometricModel> = {
  unmitigated: { kind: 'lambertian', albedo: 0.2, area_m2: 800 },
  mitigated: { kind: 'measured', phaseFunction: 'starlink-gen2-mini', area_m2: 710 },
};

const observer = { latitude_rad: 37 * RAD_PER_DEG, longitude_rad: 0 };
const sunset = sunsetJd(observer, '2026-03-20');
const planes = filingPlanes(jdToIso(sunset));
const instantsJd = MINUTES.map((m) => sunset + m / 1440);
console.log(`sunset ${jdToIso(sunset)} at 37° N, 0° E; ${planes.reduce((s, p) => s + p.satellites, 0)} satellites`);
const rows: string[][] = [];
for (const [name, model] of Object.entries(MODELS)) {
  const p: SkyCountParams = {
    planes,
    referenceJd: sunset,
    observer,
    instantsJd,
    limits_mag: [6, 7],
    minElevation_rad: 0,
    magnitude: magnitudeFunction(model),
  };
  let t = performance.now();
  const fast = skyCount(p);
  const fast_ms = performance.now() - t;
  t = performance.now();
  const brute = bruteForceSkyCount(p);
  const brute_ms = performance.now() - t;
  rows.push([name, `${fast_ms.toFixed(0)} ms`, `${brute_ms.toFixed(0)} ms`, `×${(brute_ms / fast_ms).toFixed(1)}`]);
  console.log(
    `\n${name}: fast path ${fast_ms.toFixed(0)} ms, brute force ${brute_ms.toFixed(0)} ms (×${(brute_ms / fast_ms).toFixed(1)})`,
  );
  MINUTES.forEach((m, i) => {
    console.log(
      `  +${m} min: Sun ${fast.sunElevation_deg[i]!.toFixed(1)}°, above horizon ${fast.aboveHorizon[i]}, sunlit ${fast.sunlit[i]}, ` +
        `V<6 ${fast.counts[i]![0]} (brute ${brute[i]![0]}), V<7 ${fast.counts[i]![1]} (brute ${brute[i]![1]})`,
    );
  });
}
const table = mdTable(['model', 'fast path', 'brute force', 'ratio'], rows, [1, 2, 3]);
if (docsRequested())
  writeMarkedSections('docs/performance.md', [
    { name: 'bench-sky', command: 'npm run bench:sky -- --docs', body: `${table}\n\n${loadLine()}` },
  ]);
