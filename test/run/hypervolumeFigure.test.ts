/**
 * One run, one hypervolume: the figure run.json, report.md, the explorer's /api/runs and `odc compare` give for a run
 * is one number on one named normalization, and it is the hypervolume worked out here from the run's log alone: the
 * non-dominated feasible evaluations (maximized objectives negated), scaled so that their ideal → 0 and nadir → 1,
 * against the reference point 1.1 in every objective, by slicing the 3-objective volume along the third objective
 * into slabs, each slab's area a 2-D staircase (a hand algorithm, not the sweep of src/optimize/indicators).
 * A bug it catches: one output measuring on another normalization (the common one of a comparison, the progress
 * line's), on the collapsed reported front, or rounding the figure differently.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareRuns } from '../../src/report/compare/compare.js';
import { startServer, type RunningServer } from '../../src/serve/server.js';
import { FLAGSHIP, tempDir, tinyRun } from '../report/helpers.js';
import { readLog } from '../serve/helpers.js';

let dir = '';
let runs: string[] = [];
let server: RunningServer | undefined;

beforeAll(async () => {
  dir = tempDir('one-hv');
  runs = [
    await tinyRun(dir, FLAGSHIP, '{ name: nsga3, population: 24, generations: 30, seed: 42 }', {
      out: 'r42',
      log: 'csv',
    }),
    await tinyRun(dir, FLAGSHIP, '{ name: nsga3, population: 24, generations: 30, seed: 7 }', {
      out: 'r7',
      log: 'csv',
    }),
  ];
});
afterAll(async () => {
  await server?.close();
});

/** Area dominated by 2-D points (minimized) below the reference (rx, ry): a staircase over x sorted ascending. */
function area2d(points: readonly (readonly [number, number])[], rx: number, ry: number): number {
  const inside = points.filter(([x, y]) => x < rx && y < ry).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let total = 0;
  let lowestY = ry;
  for (let i = 0; i < inside.length; i++) {
    const [x, y] = inside[i]!;
    lowestY = Math.min(lowestY, y);
    const nextX = i + 1 < inside.length ? inside[i + 1]![0] : rx;
    total += (nextX - x) * (ry - lowestY);
  }
  return total;
}

/** The run's hypervolume from its log: the feasible non-dominated set, normalized by its own ideal and nadir. */
function hypervolumeFromLog(runDir: string): { value: number; frontSize: number } {
  const log = readLog(runDir);
  const col = (name: string): number => log.header.indexOf(name);
  // the flagship's objectives: minimize cost, maximize delivered compute, minimize launch mass
  const objectives = [
    { k: col('cost.lcocDiscounted_USD_per_PFLOP_day'), sign: 1 },
    { k: col('compute.deliveredPFLOPS'), sign: -1 },
    { k: col('mass.launch_kg'), sign: 1 },
  ];
  const feasible = log.rows
    .filter((r) => r[col('status')] === 'feasible')
    .map((r) => objectives.map((o) => o.sign * Number(r[o.k])));
  const dominates = (a: number[], b: number[]): boolean => a.every((v, j) => v <= b[j]!) && a.some((v, j) => v < b[j]!);
  const distinct = [...new Map(feasible.map((f) => [f.join(','), f])).values()];
  const front = distinct.filter((b) => !distinct.some((a) => dominates(a, b)));
  const ideal = [0, 1, 2].map((j) => Math.min(...front.map((f) => f[j]!)));
  const nadir = [0, 1, 2].map((j) => Math.max(...front.map((f) => f[j]!)));
  const z = front.map((f) => f.map((v, j) => (v - ideal[j]!) / (nadir[j]! - ideal[j]!)));
  // slabs between consecutive third-objective values: area of the points at or below the slab's bottom
  const cuts = [...new Set(z.map((p) => p[2]!))].sort((a, b) => a - b);
  let volume = 0;
  cuts.forEach((c, i) => {
    const top = i + 1 < cuts.length ? cuts[i + 1]! : 1.1;
    const below = z.filter((p) => p[2]! <= c).map((p) => [p[0]!, p[1]!] as const);
    volume += (top - c) * area2d(below, 1.1, 1.1);
  });
  return { value: volume, frontSize: front.length };
}

describe("a run's one hypervolume", () => {
  it('is the same number, on the same named normalization, in run.json, report.md, the explorer and odc compare', async () => {
    server = await startServer({ runDirs: runs, port: 0, host: '127.0.0.1' });
    const api = (await (await fetch(new URL('/api/runs', server.url))).json()) as {
      hypervolume: string | null;
      hypervolumeValue: string | null;
    }[];
    const cmp = await compareRuns(runs, join(dir, 'cmp'), { hypervolumeThreads: 1 });
    const cmpMd = readFileSync(join(dir, 'cmp', 'compare.md'), 'utf8').replaceAll('\\', '');
    runs.forEach((runDir, k) => {
      const hand = hypervolumeFromLog(runDir);
      const meta = JSON.parse(readFileSync(join(runDir, 'run.json'), 'utf8')) as {
        history: { hypervolume: number; frontSize: number }[];
      };
      const last = meta.history[meta.history.length - 1]!;
      expect(last.frontSize).toBe(hand.frontSize);
      expect(last.hypervolume).toBeCloseTo(hand.value, 10);
      const printed = hand.value.toFixed(4);
      const normalization = `(final front of ${hand.frontSize} designs; objectives minimized`;
      const named = `hypervolume ${printed} ${normalization}`;
      // report.md escapes Markdown's punctuation: compared without the backslashes
      expect(readFileSync(join(runDir, 'report.md'), 'utf8').replaceAll('\\', '')).toContain(
        `| hypervolume | ${printed} ${normalization}`,
      );
      expect(api[k]!.hypervolumeValue).toBe(printed);
      expect(api[k]!.hypervolume!.startsWith(named)).toBe(true);
      expect(cmp.rows[k]!.runHypervolume!.value).toBe(last.hypervolume);
      expect(cmpMd).toMatch(
        new RegExp(`\\| ${cmp.rows[k]!.label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\|.*\\| ${printed} \\|`),
      );
    });
  });
});
