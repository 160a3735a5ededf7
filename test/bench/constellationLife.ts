/**
 * Benchmark (prints figures, asserts nothing): SpaceX's 1,000,000-satellite filing (designs/constellations/
 * spacex-odc-1m.yaml) evaluated end to end with its life, cold and warm, in wall and CPU time; the life stage alone
 * (src/constellation/economics/lifePlan.ts) against its peer in the same run, the generation economics on the same
 * inputs; and the life's figures under the shipped keys, AI1's factory (≈ 6,700 a year) and the no-spares policy.
 * Run with `npm run bench:life` (builds first). Target (issue 72): the filing with its life in under 15 s on 2 cores.
 */
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { createLpSolver } from '../../solvers/lp/index.js';
import { loadCatalogs } from '../../src/catalog/load.js';
import { constellationStages, evaluateConstellation } from '../../src/constellation/evaluate.js';
import { loadConstellationSpec } from '../../src/constellation/evaluator.js';
import type { ConstellationSpec } from '../../src/constellation/design/compile.js';
import { generationEconomics } from '../../src/constellation/economics/generation.js';
import { lifePlan } from '../../src/constellation/economics/lifePlan.js';
import { cpu_ms } from './constellationStages.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const lp = await createLpSolver();
const spec = loadConstellationSpec(`${root}designs/constellations/spacex-odc-1m.yaml`, loadCatalogs());
console.log(`cores ${availableParallelism()}, load average ${loadavg()[0]!.toFixed(1)} (1 min)\n`);

/** Wall and CPU seconds of one call. */
function timed<T>(f: () => T): { value: T; wall_s: number; cpu_s: number } {
  const [w, c] = [performance.now(), cpu_ms()];
  const value = f();
  return { value, wall_s: (performance.now() - w) / 1e3, cpu_s: (cpu_ms() - c) / 1e3 };
}

console.log('spacex-odc-1m (1,000,000 satellites, 10 shells), evaluateConstellation with its life:');
for (const run of ['cold', 'warm'] as const) {
  const t = timed(() => evaluateConstellation(spec, lp));
  const l = t.value.life;
  console.log(
    `  ${run}: ${t.wall_s.toFixed(2)} s wall, ${t.cpu_s.toFixed(2)} s CPU ` +
      `(full capability ${l.fullCapability_yr.toFixed(2)} yr, ${l.years.length} years)`,
  );
}

const { stages, campaign } = constellationStages(spec, lp, true);
const REPEAT = 200;
const per_us = (f: () => unknown): number => {
  const c = cpu_ms();
  for (let i = 0; i < REPEAT; i++) f();
  return ((cpu_ms() - c) * 1e3) / REPEAT;
};
const econ = () => generationEconomics(spec, stages.nodes, stages.sats, campaign.launch_USD, []);
const life = (s: ConstellationSpec) => () => lifePlan(s, stages.nodes, stages.sats, campaign, stages.econ);
const [tEcon, tLife] = [per_us(econ), per_us(life(spec))];
console.log(
  `\nlife stage alone: ${tLife.toFixed(0)} µs CPU per call; peer, the generation economics: ${tEcon.toFixed(0)} µs ` +
    `(life / economics = ${(tLife / tEcon).toFixed(2)})`,
);

const variants: [string, ConstellationSpec][] = [
  ['shipped keys', spec],
  ["AI1's factory, 6,700 a year", { ...spec, life: { ...spec.life, factory_per_yr: 6700 } }],
  ['replace-at-end-of-life', { ...spec, life: { ...spec.life, policy: 'replace-at-end-of-life' } }],
];
console.log('\nvariant                        full capability  least delivered  peak launches/yr  spend over life');
for (const [name, s] of variants) {
  const l = life(s)();
  console.log(
    `  ${name.padEnd(29)}${`${l.fullCapability_yr.toFixed(1)} yr`.padStart(15)}` +
      `${l.minDeliveredFraction.toFixed(3).padStart(17)}${l.peakAnnualLaunches.toFixed(0).padStart(18)}` +
      `${`$${(l.total_USD / 1e12).toFixed(2)}T`.padStart(17)}`,
  );
}
