/**
 * A run folder with a damaged file (issue 101): odc serve names the file and shows the rest of the run — a cut
 * pareto.json gives the log's front, a cut log its whole rows — through the same API the page reads
 * (/api/runs, /api/runs/<id>/front), never a 409 that left the page with "TypeError".
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunInfo } from '../../src/serve/runData.js';
import { startServer, type RunningServer } from '../../src/serve/server.js';
import { tempDir, tinyRun, ZDT1, ZDT1_ALGORITHM } from '../report/helpers.js';
import { readLog } from './helpers.js';

let server: RunningServer;
let good = '';
let cutPareto = '';
let cutLog = '';

beforeAll(async () => {
  const dir = tempDir('serve-damaged');
  good = await tinyRun(dir, ZDT1, ZDT1_ALGORITHM(1), { out: 'good', log: 'csv' });
  cutPareto = join(dir, 'cut-pareto');
  cutLog = join(dir, 'cut-log');
  cpSync(good, cutPareto, { recursive: true });
  cpSync(good, cutLog, { recursive: true });
  const pareto = readFileSync(join(cutPareto, 'pareto.json'), 'utf8');
  writeFileSync(join(cutPareto, 'pareto.json'), pareto.slice(0, Math.floor(pareto.length / 2)));
  const log = readFileSync(join(cutLog, 'evaluations.csv'), 'utf8');
  writeFileSync(join(cutLog, 'evaluations.csv'), log.slice(0, log.length - 7));
  server = await startServer({ runDirs: [good, cutPareto, cutLog], port: 0, host: '127.0.0.1' });
});
afterAll(async () => server?.close());

const get = async <T>(path: string): Promise<{ status: number; body: T }> => {
  const r = await fetch(new URL(path, server.url));
  return { status: r.status, body: (await r.json()) as T };
};

describe('odc serve with damaged run files', () => {
  it('lists every run; the damaged ones name their file, the good one names none', async () => {
    const { status, body } = await get<RunInfo[]>('/api/runs');
    expect(status).toBe(200);
    expect(body).toHaveLength(3);
    expect(body[0]!.damaged).toEqual([]);
    expect(body[1]!.damaged.join(' ')).toContain('pareto.json');
    expect(body[1]!.frontSource).toBe('log');
    expect(body[2]!.damaged.join(' ')).toContain('evaluations.csv');
    // the log's whole rows are still served: all of them but the cut last one
    expect(body[2]!.rows).toBe(readLog(good).rows.length - 1);
  });

  it("a cut pareto.json: the front is the log's non-dominated feasible designs", async () => {
    const { status, body } = await get<{ indices: number[] }>('/api/runs/1/front');
    expect(status).toBe(200);
    const log = readLog(good);
    const col = (name: string): number => log.header.indexOf(name);
    const feasible = log.rows
      .filter((r) => r[col('status')] === 'feasible')
      .map((r) => ({ index: Number(r[col('eval')]), f1: Number(r[col('f1')]), f2: Number(r[col('f2')]) }));
    const dominated = (a: (typeof feasible)[number]): boolean =>
      feasible.some((b) => b.f1 <= a.f1 && b.f2 <= a.f2 && (b.f1 < a.f1 || b.f2 < a.f2));
    const expected = feasible.filter((r) => !dominated(r)).map((r) => r.index);
    expect(expected.length).toBeGreaterThan(0);
    expect([...body.indices].sort((a, b) => a - b)).toEqual([...expected].sort((a, b) => a - b));
  });
});
