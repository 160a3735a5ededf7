/**
 * Fronts of any size: a real run folder whose Pareto front holds 150,000 designs (DTLZ2 with two objectives, every
 * design on the front, test/serve/syntheticRun.ts) goes through `odc report`, `odc export --design knee` (and a
 * TOPSIS and a lexicographic pick) and the explorer's server data path with no "Maximum call stack size exceeded":
 * no list of a front's size is spread into a call's arguments (eslint.config.js forbids the forms).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/serve/server.js';
import { pickAmong } from '../../src/run/decision/picks.js';
import { odc } from '../helpers/cli.js';
import { tempDir } from '../helpers/tmp.js';
import { writeDtlz2Run } from '../serve/syntheticRun.js';

const DESIGNS = 150_000;
const dir = tempDir('odc-huge-front-');
const run = join(dir, 'run');
let F: number[][] = [];

beforeAll(() => {
  F = writeDtlz2Run(run, { evaluations: DESIGNS, objectives: 2, variables: 3, spread: 0, seed: 5 });
}, 300_000);

describe(`a front of ${DESIGNS.toLocaleString('en-US')} designs`, () => {
  it('is one: every evaluation is on it', () => {
    expect(JSON.parse(readFileSync(join(run, 'pareto.json'), 'utf8')).designs).toHaveLength(DESIGNS);
  });

  it('odc report writes the report', { timeout: 600_000 }, async () => {
    const r = await odc('report', run);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(readFileSync(join(run, 'report.md'), 'utf8')).toMatch(/The 150,?000 Pareto designs/);
  });

  it('odc export --design knee and best:<objective> answer with a front design', { timeout: 600_000 }, async () => {
    for (const design of ['knee', 'best:f1']) {
      const r = await odc('export', run, '--design', design, '--format', 'json');
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
      const d = JSON.parse(r.out) as { index: number; objectives: { f1: number; f2: number } };
      // DTLZ2 with g = 0: every design lies on the quarter circle f1² + f2² = 1
      expect(Math.hypot(d.objectives.f1, d.objectives.f2)).toBeCloseTo(1, 9);
    }
  });

  it('TOPSIS and lexicographic picks over the whole front (what the pick bar runs)', () => {
    const names = ['f1', 'f2'];
    const t = pickAmong(F, names, { pick: 'topsis', weights: { f1: 1, f2: 1 } }, () => true);
    // equal weights on the quarter circle, both columns of norm c: an end (0, 1) has closeness c / (c + c) = 1/2, the
    // 45° point (√½, √½) c·(√2 − 1) / (c + c·(√2 − 1)) ≈ 0.29: TOPSIS picks an end
    expect(Math.min(F[t]![0]!, F[t]![1]!)).toBeLessThan(1e-3);
    const l = pickAmong(F, names, { pick: 'lexicographic', order: ['f1'] }, () => true);
    let lowest = Infinity;
    for (const f of F) lowest = f[0]! < lowest ? f[0]! : lowest;
    expect(F[l]![0]).toBe(lowest);
  });

  describe('the explorer server', () => {
    let server: RunningServer;
    beforeAll(async () => {
      server = await startServer({ runDirs: [run], port: 0, host: '127.0.0.1' });
    }, 300_000);
    afterAll(async () => server?.close());

    it('serves the run, its front and its columns', { timeout: 600_000 }, async () => {
      const get = (path: string): Promise<Response> => fetch(new URL(path, server.url));
      const runs = (await (await get('/api/runs')).json()) as { evaluations?: number }[];
      expect(runs).toHaveLength(1);
      const front = (await (await get('/api/runs/0/front')).json()) as { indices: number[] };
      expect(front.indices).toHaveLength(DESIGNS);
      const columns = await get('/api/runs/0/columns');
      expect(columns.status).toBe(200);
      expect((await columns.arrayBuffer()).byteLength).toBeGreaterThan(DESIGNS * 8);
      expect((await get('/api/compare')).status).toBe(200);
    });
  });
});
