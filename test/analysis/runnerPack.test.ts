import { describe, expect, it } from 'vitest';
import { chunkSize, evaluateTask, packTasks, serialRunner, unpack } from '../../src/analysis/runner.js';
import { linearStandIn } from './linearStandIn.js';

/**
 * What the worker pool does around the threads, run in this thread (the pool itself runs dist/ and is tested by
 * the pooled-vs-serial tests outside the mutation set): chunking, flattening the vectors into one array per task,
 * and unpacking a worker's answer. Stand-in of ./linearStandIn.ts: output 0 is a + 2b, a > 0.9 fails ('too hot').
 */
describe('worker tasks, in this thread', () => {
  const model = linearStandIn({ failAbove: 0.9 });

  it('chunks of ⌈n / (8·workers)⌉ vectors, at least 8; no workers counts as one', () => {
    expect(chunkSize(1000, 4)).toBe(32); // ⌈1000/32⌉
    expect(chunkSize(1000, 1)).toBe(125);
    expect(chunkSize(1000, 0)).toBe(125);
    expect(chunkSize(20, 4)).toBe(8);
  });

  it('each task holds its chunk flattened row after row; specs only when the columns are named', () => {
    const rows = Array.from({ length: 20 }, (_, i) => [i / 100, 1 + i / 10]);
    const tasks = packTasks(model, rows, 2); // chunk max(8, ⌈20/16⌉) = 8
    expect(tasks.map((t) => [t.count, t.dims, t.x.length])).toEqual([
      [8, 2, 16],
      [8, 2, 16],
      [4, 2, 8],
    ]);
    expect(Array.from(tasks[1]!.x)).toEqual(rows.slice(8, 16).flat());
    expect(tasks.every((t) => !('specs' in t))).toBe(true);
    // 16 rows are two full chunks: no third, empty task
    expect(packTasks(model, rows.slice(0, 16), 2).map((t) => t.count)).toEqual([8, 8]);
    const named = packTasks(model, [[0.25], [1.5]], 2, ['economics.b']);
    expect(named).toHaveLength(1);
    expect([named[0]!.dims, Array.from(named[0]!.x), named[0]!.specs]).toEqual([1, [0.25, 1.5], ['economics.b']]);
  });

  it('packed, evaluated as a worker does and unpacked: the serial outcomes, in order, failures with their reason', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => [0.1 + (0.85 * i) / 29, 0.5]);
    const pooled = packTasks(model, rows, 3).flatMap((t) => unpack(evaluateTask(model, t), model.width));
    const serial = await serialRunner(model).run(rows);
    expect(pooled).toEqual(serial);
    // a = 0.1 + 0.85·i/29 exceeds 0.9 for i = 28 and 29 only
    expect(pooled.map((o, i) => (o.status === 'failed' ? `${i} ${o.reason}` : '')).filter((s) => s)).toEqual([
      '28 too hot',
      '29 too hot',
    ]);
    expect(pooled.every((o) => o.status === 'failed' || o.y.length === model.width)).toBe(true);
  });

  it('a failure the worker gave no reason for is an unknown failure; each outcome owns its slice', () => {
    const r = { ok: Uint8Array.from([1, 0, 1]), y: Float64Array.from([1, 2, 0, 0, 5, 6]), reasons: [null, null, null] };
    const out = unpack(r, 2);
    expect(out).toEqual([
      { status: 'ok', y: Float64Array.from([1, 2]) },
      { status: 'failed', reason: 'unknown failure' },
      { status: 'ok', y: Float64Array.from([5, 6]) },
    ]);
    r.y[0] = 99;
    expect(out[0]!.status === 'ok' && out[0]!.y[0]).toBe(1);
  });
});
