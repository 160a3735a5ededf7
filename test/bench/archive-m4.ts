/**
 * Pareto archive benchmark for m >= 4 (a script, not a vitest test): `npm run build`, then
 * `node dist/test/bench/archive-m4.js [--every 212] [--repeat 3]`.
 *
 * Times the archive's batch merges (src/optimize/pareto/paretoArchive.ts: the first front of entries and batch by
 * dominator
 * bitsets) against the former linear-scan archive (frozen copy in test/optimize/pareto/legacyParetoArchive.ts) on
 * seeded point
 * sets (test/optimize/pareto/points.ts): 20,000 points on the 5-D simplex front (all non-dominated), 20,000 on a 5-D
 * front
 * approached from behind (later points dominate earlier ones), 100,000 uniform random 4-D points, and the
 * 5-D converging set with a capacity of 1,000 (crowding-distance cuts). The archive is read every --every
 * offers (the run reads it once per generation, 212 offers for the 5-objective NSGA-III study) and at the end.
 * Prints the best process CPU time of --repeat runs, the archive sizes and whether both hold the same
 * designs in the same order. One unrecorded warm-up run of each implementation first.
 */
import { cpus, loadavg } from 'node:os';
import { ParetoArchive } from '../../src/optimize/pareto/paretoArchive.js';
import { LegacyParetoArchive } from '../optimize/pareto/legacyParetoArchive.js';
import { points, shuffled, type Kind, type Pt } from '../optimize/pareto/points.js';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1]! : fallback;
}
const EVERY = Number(arg('every', '212'));
const REPEAT = Number(arg('repeat', '3'));

interface Archive {
  add(p: Pt): void;
  items(): Pt[];
}

function run(make: () => Archive, seq: readonly Pt[]): { ms: number; items: Pt[] } {
  let best = Infinity;
  let items: Pt[] = [];
  for (let r = 0; r < REPEAT; r++) {
    const c0 = process.cpuUsage();
    const a = make();
    for (let t = 0; t < seq.length; t++) {
      a.add(seq[t]!);
      if (t % EVERY === EVERY - 1) a.items();
    }
    items = a.items();
    const c = process.cpuUsage(c0);
    best = Math.min(best, (c.user + c.system) / 1000);
  }
  return { ms: best, items };
}

const cases: { label: string; kind: Kind; m: number; n: number; capacity: number }[] = [
  { label: '5-D simplex front', kind: 'simplex', m: 5, n: 20_000, capacity: Infinity },
  { label: '5-D converging front', kind: 'converging', m: 5, n: 20_000, capacity: Infinity },
  { label: '4-D uniform random', kind: 'continuous', m: 4, n: 100_000, capacity: Infinity },
  { label: '5-D converging, capacity 1000', kind: 'converging', m: 5, n: 20_000, capacity: 1000 },
];

console.log(
  `node ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), load ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`,
);
console.log(`read every ${EVERY} offers; best CPU time of ${REPEAT}`);
{
  const warm = shuffled(points('simplex', 5, 3000, 1), 1);
  run(() => new ParetoArchive<Pt>(5), warm);
  run(() => new LegacyParetoArchive<Pt>(5), warm);
}
console.log('case                             points  old ms   new ms  speed-up  old size  new size  same');
for (const c of cases) {
  const seq = c.kind === 'converging' ? points(c.kind, c.m, c.n, 7) : shuffled(points(c.kind, c.m, c.n, 7), 7);
  const old = run(() => new LegacyParetoArchive<Pt>(c.m, c.capacity), seq);
  const neu = run(() => new ParetoArchive<Pt>(c.m, c.capacity), seq);
  const same = old.items.length === neu.items.length && old.items.every((p, i) => p === neu.items[i]);
  console.log(
    `${c.label.padEnd(31)} ${String(c.n).padStart(7)} ${old.ms.toFixed(0).padStart(7)} ${neu.ms.toFixed(0).padStart(8)} ${(old.ms / neu.ms).toFixed(1).padStart(8)}x` +
      ` ${String(old.items.length).padStart(9)} ${String(neu.items.length).padStart(9)}  ${same ? 'yes' : 'NO'}`,
  );
}
