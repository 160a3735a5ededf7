/**
 * `odc serve` on a multi-seed run's folder, as a real process: it serves every seed's run (each named by its seed
 * folder), and neither its run list nor an exported design names a machine path.
 */
import { existsSync, readFileSync } from 'node:fs';
import { ATTAINMENT_FILE, writeAttainmentFile } from '../../src/run/attainmentFile.js';
import { readParetoFile } from '../../src/run/paretoFile.js';
import { loadStudyProblem } from '../../src/run/problem.js';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runShortFlagshipSeeds } from '../helpers/shortFlagshipSeeds.js';
import { tempDir } from '../helpers/tmp.js';
import { startServe, type ServeProcess } from './helpers.js';

describe('odc serve <multi-seed folder>', () => {
  const dir = tempDir('odc-serve-seeds-');
  const out = join(dir, 'multi');
  let serve: ServeProcess;

  beforeAll(async () => {
    const run = runShortFlagshipSeeds(dir);
    expect(run.status, run.stderr).toBe(0);
    serve = await startServe([out]);
  });
  afterAll(async () => {
    await serve?.stop();
  });

  it('serves each seed, and no API response or exported design names a machine path', async () => {
    const runs = (await (await fetch(new URL('/api/runs', serve.url))).json()) as { key: string; id: number }[];
    expect(runs.map((r) => r.key)).toEqual(['seed-43', 'seed-44']);
    const text = JSON.stringify(runs);
    expect(text).not.toContain(dir);
    expect(text).not.toMatch(/"dir"/);
    // an exported design's header names the run as the page does, not by its absolute path
    const front = JSON.parse(readFileSync(join(out, 'seed-43', 'pareto.json'), 'utf8')) as {
      designs: { index: number }[];
    };
    const yaml = await (
      await fetch(new URL(`/api/runs/0/designs/${front.designs[0]!.index}/design.yaml`, serve.url))
    ).text();
    expect(yaml).toMatch(/^# Exported by odc from run seed-43: Pareto design \d+/);
    expect(yaml).not.toContain(dir);
  });

  it("/api/attainment: the run's bands over its seeds, its knee by served run and index, no machine path", async () => {
    // seed 44 found no design at this budget, so the run wrote no attainment.json: none served
    expect(existsSync(join(out, ATTAINMENT_FILE))).toBe(false);
    expect(await (await fetch(new URL('/api/attainment', serve.url))).json()).toEqual([]);
    // one written from seed 43's front taken twice (the served bands are read, never computed, by the server)
    const pareto = readParetoFile(join(out, 'seed-43', 'pareto.json'), 'BAD_RUN_DIR', 'run it again');
    const fronts = [43, 44].map((seed) => ({ seed, pareto }));
    const union = { pareto, seeds: pareto.designs.map(() => 43) };
    writeAttainmentFile(out, loadStudyProblem('designs/benchmarks/zdt1.yaml'), fronts, union, -1);
    const text = await (await fetch(new URL('/api/attainment', serve.url))).text();
    expect(text).not.toContain(dir);
    const [b, ...rest] = JSON.parse(text) as {
      source: string;
      runs: number[];
      seeds: { x: string; y: string; median: unknown[] }[];
      knee: { run: number; index: number } | null;
      spread: string;
    }[];
    expect(rest).toEqual([]);
    expect([b!.source, b!.runs]).toEqual(['multi', [0, 1]]);
    // three objectives: a band on each of their three pairs
    expect(b!.seeds.map((p) => [p.x, p.y])).toHaveLength(3);
    expect(b!.seeds.every((p) => p.median.length > 0)).toBe(true);
    const seedsFile = JSON.parse(readFileSync(join(out, 'seeds.json'), 'utf8')) as {
      decision: { designs: { seed: number; index: number }[] };
    };
    const knee = seedsFile.decision.designs[0];
    expect(b!.knee).toEqual(knee === undefined ? null : { run: knee.seed === 43 ? 0 : 1, index: knee.index });
    expect(b!.spread).toMatch(/^Spread: every seed attains \d+ %/);
  });
});
