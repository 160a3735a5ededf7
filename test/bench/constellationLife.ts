/**
 * Benchmark (prints figures, asserts nothing): SpaceX's 1,000,000-satellite filing (designs/constellations/
 * spacex-odc-1m.yaml) evaluated end to end with its life and its sky (the complete record: every field, sky counts
 * and map included), cold and warm, in wall and CPU time; the life stage alone (src/constellation/economics/
 * lifePlan.ts) and the sky stage alone (src/constellation/environment/skyFigures.ts) against their peer in the same
 * run, the generation economics on the same inputs; and the life's figures under the shipped keys, AI1's factory
 * (≈ 6,700 a year) and the no-spares policy. Run with `npm run bench:life` (builds first); `-- --docs` writes the
 * figures into docs/performance.md (./markedSection.ts). Target (issue 72): the filing with its life and its sky in
 * under 15 s on 2 cores.
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
import { skyFigures } from '../../src/constellation/environment/skyFigures.js';
import { cpu_ms } from './constellationStages.js';
import { docsRequested, loadLine, mdTable, writeMarkedSections } from './markedSection.js';

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

const doc: string[] = [];
/** Prints a line and keeps it for the generated section of docs/performance.md. */
const say = (line: string): void => {
  console.log(line);
  doc.push(line);
};

const runs: string[][] = [];
for (const run of ['cold', 'warm'] as const) {
  const t = timed(() => evaluateConstellation(spec, lp));
  const { life: l, sky } = t.value;
  runs.push([
    run === 'cold' ? 'cold (first evaluation in the process)' : 'warm (memos filled)',
    `${t.wall_s.toFixed(1)} s`,
    `${t.cpu_s.toFixed(1)} s`,
    `${l.fullCapability_yr.toFixed(1)} yr, ${l.years.length} years`,
    `${sky.nakedEyeCount.toLocaleString('en-US')} (V < ${sky.limit_mag}: ${sky.limitCount.toLocaleString('en-US')})`,
  ]);
}
say('spacex-odc-1m (1,000,000 satellites, 10 shells), evaluateConstellation with its life and its sky:\n');
say(
  mdTable(['run', 'wall', 'CPU', 'full capability (life)', 'most naked-eye satellites (sky)'], runs, [1, 2]) +
    `\n\n${loadLine()}`,
);

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
const areas = stages.nodes.map((n) => n.power.arrayArea_m2);
const SKY_REPEAT = 3;
const c0 = cpu_ms();
for (let i = 0; i < SKY_REPEAT; i++) skyFigures(spec, areas);
const tSky = ((cpu_ms() - c0) * 1e3) / SKY_REPEAT;
say(
  `\nlife stage alone: ${tLife.toFixed(0)} µs CPU per call; sky stage alone (four times after sunset and the map's ` +
    `one, 1,000,000 satellites): ${(tSky / 1e3).toFixed(0)} ms; their peer, the generation economics: ` +
    `${tEcon.toFixed(0)} µs (life / economics = ${(tLife / tEcon).toFixed(2)}, sky / economics = ` +
    `${(tSky / tEcon).toFixed(0)})`,
);

const variants: [string, ConstellationSpec][] = [
  ['shipped keys', spec],
  ["AI1's factory, 6,700 a year", { ...spec, life: { ...spec.life, factory_per_yr: 6700 } }],
  ['replace-at-end-of-life', { ...spec, life: { ...spec.life, policy: 'replace-at-end-of-life' } }],
];
const rows = variants.map(([name, s]) => {
  const l = life(s)();
  return [
    name,
    `${l.fullCapability_yr.toFixed(1)} yr`,
    l.minDeliveredFraction.toFixed(3),
    l.peakAnnualLaunches.toFixed(0),
    `$${(l.total_USD / 1e12).toFixed(2)}T`,
  ];
});
say(
  '\n' +
    mdTable(
      ['life keys', 'full capability', 'least delivered', 'peak launches/yr', 'spend over life'],
      rows,
      [1, 2, 3, 4],
    ),
);
if (docsRequested())
  writeMarkedSections('docs/performance.md', [
    { name: 'bench-life', command: 'npm run bench:life -- --docs', body: doc.join('\n') },
  ]);
