import { describe, expect, it } from 'vitest';
import { evaluateTask, serialRunner, withRunner } from '../../src/analysis/runner.js';
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
