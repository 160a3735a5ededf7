/**
 * `odc serve` on a multi-seed run's folder, as a real process: it serves every seed's run (each named by its seed
 * folder), and neither its run list nor an exported design names a machine path.
 */
import { readFileSync } from 'node:fs';
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
});
