/**
 * The explorer's /api/compare against `odc compare` (compareRuns) on the same run folders: the same hypervolume,
 * IGD+, dominance shares and union, to the last bit. Over two short seeded flagship runs (3 objectives, one
 * maximized: the explorer reads the log, odc compare pareto.json) and two 5-objective DTLZ2 runs whose fronts hold
 * 2,100 designs (where the explorer used to estimate the hypervolume and odc compare computed it exactly), each set
 * served by a real server on loopback. The 5-objective hypervolume is also checked against a Monte Carlo estimate of
 * its own (500,000 samples, within 4 standard errors): the figure both give is the exact one.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareRuns } from '../../src/report/compare/compare.js';
import type { Comparison } from '../../src/serve/compare.js';
import { startServer, type RunningServer } from '../../src/serve/server.js';
import { hypervolumeEstimate } from '../../src/optimize/indicators/hypervolumeEstimate.js';
import { FLAGSHIP, tempDir, tinyRun } from '../report/helpers.js';
import { writeDtlz2Run } from './syntheticRun.js';

let dir = '';
let flagship: string[] = [];
let dtlz2: string[] = [];
let dtlz2Objectives: number[][][] = [];
const servers: RunningServer[] = [];

beforeAll(async () => {
  dir = tempDir('serve-compare');
  flagship = [
    await tinyRun(dir, FLAGSHIP, '{ name: nsga3, population: 24, generations: 30, seed: 42 }', { out: 'f42' }),
    await tinyRun(dir, FLAGSHIP, '{ name: nsga3, population: 24, generations: 30, seed: 8 }', { out: 'f8' }),
  ];
  // distance variables at 0.5: every design on the front
  dtlz2 = ['d1', 'd2'].map((d) => join(dir, d));
  dtlz2Objectives = dtlz2.map((d, k) =>
    writeDtlz2Run(d, { evaluations: 2100, objectives: 5, variables: 7, spread: 0, seed: 11 + k }),
  );
});
afterAll(async () => {
  for (const s of servers) await s.close();
});

async function served(runDirs: readonly string[]): Promise<Comparison> {
  const server = await startServer({ runDirs, port: 0, host: '127.0.0.1' });
  servers.push(server);
  const res = await fetch(new URL('/api/compare', server.url));
  expect(res.status).toBe(200);
  return (await res.json()) as Comparison;
}

async function sameFigures(runDirs: readonly string[], out: string): Promise<Comparison> {
  const api = await served(runDirs);
  const cli = await compareRuns(runDirs, join(dir, out), { hypervolumeThreads: 1 });
  expect(api.note).toBeUndefined();
  expect(api.normalization).toEqual(cli.normalization);
  expect(api.union.length).toBe(cli.unionSize);
  expect(api.runs.map((r) => r.run)).toEqual([0, 1]);
  const figures = (r: {
    frontSize: number;
    hypervolume: number;
    hypervolumeStandardError: number | null;
    igdPlus: number;
    nonDominatedShare: number;
    paretoNonDominatedShare: number;
    unionShare: number;
  }): (number | null)[] => [
    r.frontSize,
    r.hypervolume,
    r.hypervolumeStandardError,
    r.igdPlus,
    r.nonDominatedShare,
    r.paretoNonDominatedShare,
    r.unionShare,
  ];
  expect(api.runs.map(figures)).toEqual(cli.rows.map(figures));
  return api;
}

describe('the explorer and odc compare', () => {
  it('give the same figures for two short seeded flagship runs', async () => {
    const api = await sameFigures(flagship, 'compare-flagship');
    expect(api.objectives).toEqual([
      'cost.lcocDiscounted_USD_per_PFLOP_day',
      'compute.deliveredPFLOPS',
      'mass.launch_kg',
    ]);
    expect(api.runs.every((r) => r.frontSize > 0 && r.hypervolume > 0)).toBe(true);
  });

  it('with vs: the same sides, dominance shares and EAF difference as odc compare --vs', async () => {
    const server = await startServer({ runDirs: flagship, port: 0, host: '127.0.0.1' });
    servers.push(server);
    const api = (await (await fetch(new URL('/api/compare?vs=1', server.url))).json()) as Comparison;
    const cli = await compareRuns([flagship[0]!], join(dir, 'compare-vs'), {
      hypervolumeThreads: 1,
      vs: [flagship[1]!],
    });
    expect(api.sides).toEqual(['A', 'B']);
    expect(api.runs.map((r) => r.nonDominatedShare)).toEqual(cli.rows.map((r) => r.nonDominatedShare));
    expect(api.attainmentDifference).toEqual(JSON.parse(JSON.stringify(cli.attainmentDifference)));
    expect(api.attainmentDifference!.pairs).toHaveLength(3);
    const bad = await fetch(new URL('/api/compare?vs=0,1', server.url));
    expect([bad.status, ((await bad.json()) as { error: string }).error]).toEqual([
      400,
      'vs=0,1: side A would be empty; leave some runs out of vs',
    ]);
    expect((await fetch(new URL('/api/compare?vs=7', server.url))).status).toBe(400);
  });

  it('with vs: a run against itself attains equally everywhere (no difference either way)', async () => {
    const server = await startServer({ runDirs: [flagship[0]!, flagship[0]!], port: 0, host: '127.0.0.1' });
    servers.push(server);
    const api = (await (await fetch(new URL('/api/compare?vs=1', server.url))).json()) as Comparison;
    for (const p of api.attainmentDifference!.pairs) {
      expect([p.aShare, p.bShare, p.aMax, p.bMax, p.rectangles.length]).toEqual([0, 0, 0, 0, 0]);
      expect(p.medianA).toEqual(p.medianB);
    }
  });

  it('give the same exact hypervolume for 5-objective fronts of 2,100 designs', async () => {
    const api = await sameFigures(dtlz2, 'compare-dtlz2');
    expect(api.runs.map((r) => r.frontSize)).toEqual([2100, 2100]);
    const { ideal, nadir, reference } = api.normalization;
    dtlz2Objectives.forEach((F, k) => {
      const normalized = F.map((f) => f.map((v, j) => (v - ideal[j]!) / (nadir[j]! - ideal[j]!)));
      const est = hypervolumeEstimate(normalized, reference, { samples: 500_000, seed: 3 });
      expect(Math.abs(api.runs[k]!.hypervolume - est.value)).toBeLessThan(4 * est.standardError);
    });
  });
});
