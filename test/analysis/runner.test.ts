import { describe, expect, it } from 'vitest';
import { evaluateTask, serialRunner, withRunner, chunkSize, packTasks, unpack } from '../../src/analysis/runner.js';
import { linearStandIn } from './linearStandIn.js';

/** The runner on the stand-in of ./linearStandIn.ts: output 0 is lcoc = a + 2b, evaluations with a > 0.9 fail. */
describe('sample runner', () => {
  const model = linearStandIn({ failAbove: 0.9 });

  it('a worker task: vectors unpacked from one flat array, outputs at i·width, failures with their reason', () => {
    const x = Float64Array.from([0.2, 1, 0.95, 1, 0.5, 0.3]); // three (a, b) vectors
    const r = evaluateTask(model, { x, count: 3, dims: 2 });
    expect(Array.from(r.ok)).toEqual([1, 0, 1]);
    expect(r.reasons).toEqual([null, 'too hot', null]);
    expect(r.y).toHaveLength(3 * model.width);
    expect(r.y[0]).toBeCloseTo(0.2 + 2 * 1, 12);
    expect(Array.from(r.y.subarray(model.width, 2 * model.width))).toEqual(new Array(model.width).fill(0));
    expect(r.y[2 * model.width]).toBeCloseTo(0.5 + 2 * 0.3, 12);
    // the columns set the inputs named by `specs` (a break-even scan of b alone; a stays at 0.5)
    const b = evaluateTask(model, { x: Float64Array.from([0.25, 1.5]), count: 2, dims: 1, specs: ['economics.b'] });
    expect([b.y[0], b.y[model.width]]).toEqual([0.5 + 0.5, 0.5 + 3]);
  });

  it('serially: outcomes in input order, onDone after each chunk of max(8, ⌈n/8⌉) vectors', async () => {
    const runner = serialRunner(model);
    expect(runner.workers).toBe(0);
    const rows = Array.from({ length: 200 }, (_, i) => [0.1 + (0.8 * i) / 199, 1]);
    const done: number[] = [];
    const out = await runner.run(rows, (d) => done.push(d));
    expect(done).toEqual([25, 50, 75, 100, 125, 150, 175, 200]); // ⌈200/8⌉ = 25
    expect(out.map((o) => (o.status === 'ok' ? o.y[0]! : NaN))).toEqual(rows.map(([a]) => expect.closeTo(a! + 2)));
    const few: number[] = [];
    await runner.run(rows.slice(0, 20), (d) => few.push(d));
    expect(few).toEqual([8, 16, 20]); // at least 8 a chunk
    const byPath = await runner.run([[0.25]], undefined, ['economics.b']);
    expect(byPath[0]!.status === 'ok' && byPath[0]!.y[0]).toBe(1); // a as written (0.5) + 2·0.25
    const closed = runner.close();
    expect(closed).toBeInstanceOf(Promise); // SampleRunner.close(): awaitable, as withRunner awaits it
    await closed;
  });

  it('withRunner evaluates in this thread without workers, and with no inputs even when workers are asked', async () => {
    const noInputs = { ...linearStandIn(), inputs: [] } as unknown as typeof model;
    expect(await withRunner(model, 0, (r) => Promise.resolve(r.workers))).toBe(0);
    expect(await withRunner(noInputs, 4, (r) => Promise.resolve(r.workers))).toBe(0);
  });
});

describe('pack', () => {
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
      const r = {
        ok: Uint8Array.from([1, 0, 1]),
        y: Float64Array.from([1, 2, 0, 0, 5, 6]),
        reasons: [null, null, null],
      };
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
});
