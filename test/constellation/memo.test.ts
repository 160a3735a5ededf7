/**
 * The bounded memo (src/constellation/memo.ts): least recently used first, by cost, on made-up values. Fast: no
 * constellation is evaluated, so a scoped mutation run can use this file alone.
 */
import { describe, expect, it } from 'vitest';
import { Memo, RunMemo, SolverMemo } from '../../src/constellation/memo.js';

describe('Memo: least recently used entries go first once the cost budget is spent', () => {
  it('a hit returns the stored value without computing; hits and misses are counted', () => {
    const m = new Memo<number>(3);
    let calls = 0;
    const compute = () => ++calls;
    expect([m.get('a', compute), m.get('a', compute), m.get('b', compute), m.get('a', compute)]).toEqual([1, 1, 2, 1]);
    expect([calls, m.hits, m.misses]).toEqual([2, 2, 2]);
  });

  it('a used entry moves to the back: with room for two, a b (use a) c evicts b, then d evicts a', () => {
    const m = new Memo<string>(2);
    const seen: string[] = [];
    const get = (k: string) => m.get(k, () => (seen.push(k), k));
    for (const k of ['a', 'b', 'a', 'c', 'a', 'b']) get(k);
    expect(seen).toEqual(['a', 'b', 'c', 'b']); // a was still held at its third use; b had gone
    get('d'); // holds a, b → evicts a (least recently used), keeps b
    get('b');
    get('a');
    expect(seen).toEqual(['a', 'b', 'c', 'b', 'd', 'a']);
  });

  it('costs: an entry dearer than the budget is returned but not kept; eviction frees what each entry cost', () => {
    const m = new Memo<number>(5);
    let calls = 0;
    const value = (v: number) => () => (calls++, v);
    const cost = (v: number) => v;
    m.get('six', value(6), cost);
    m.get('six', value(6), cost);
    expect(calls).toBe(2); // never kept
    m.get('three', value(3), cost);
    m.get('two', value(2), cost); // 3 + 2 = 5: both kept
    m.get('three', value(3), cost);
    m.get('two', value(2), cost);
    expect(calls).toBe(4);
    m.get('four', value(4), cost); // needs 4: evicts three (oldest use), then two
    m.get('one', value(1), cost); // 4 + 1 = 5: kept with four
    m.get('four', value(4), cost);
    m.get('one', value(1), cost);
    expect(calls).toBe(6);
    m.get('two', value(2), cost);
    expect(calls).toBe(7);
  });

  it('an entry that costs exactly the budget is kept (alone)', () => {
    const m = new Memo<number>(5);
    let calls = 0;
    const five = () => (calls++, 5);
    m.get('five', five, (v) => v);
    m.get('five', five, (v) => v);
    expect(calls).toBe(1);
  });

  it('the default cost is 1 per entry', () => {
    const m = new Memo<number>(2);
    let calls = 0;
    for (const k of ['a', 'b', 'a', 'b']) m.get(k, () => ++calls);
    expect(calls).toBe(2);
  });

  it('SolverMemo keeps one memo per solver object, each with the budget', () => {
    const s = new SolverMemo<number>(1);
    const [one, two] = [{}, {}];
    expect(s.for(one)).toBe(s.for(one));
    expect(s.for(one)).not.toBe(s.for(two));
    const m = s.for(two);
    m.get('a', () => 1);
    m.get('b', () => 2);
    let again = false;
    m.get('a', () => ((again = true), 1));
    expect(again).toBe(true); // budget 1: b pushed a out
  });
});

describe('RunMemo: numbers keyed by the exact contents of arrays', () => {
  it('a hit for the same contents (another array, entries past n unread); a miss for any entry changed', () => {
    // Bug caught: a key that rounds values or folds −0 into 0 (two bands a bit apart would share a memoised bound), a
    // hash trusted without confirming the runs, a key without the arrays' lengths, or one that reads past n (every
    // band would miss).
    const m = new RunMemo(1e6);
    let calls = 0;
    const get = (a: Float64Array, b: Float64Array, n = 6): number => m.get([a, b], [n, 3], () => ++calls);
    const a = Float64Array.from([1e12, 1e12, 1e12, 0, 0, 1e12, 7.5, 99]),
      b = Float64Array.from([0, 0, 1e11]);
    expect(get(a, b)).toBe(1);
    expect(get(Float64Array.from([...a.subarray(0, 6), 1, 2]), Float64Array.from(b))).toBe(1); // a hit
    const changed = (i: number, x: number): Float64Array => {
      const c = Float64Array.from(a);
      c[i] = x;
      return c;
    };
    expect(get(changed(3, -0), b)).toBe(2);
    expect(get(changed(0, 1e12 * (1 + Number.EPSILON)), b)).toBe(3);
    expect(get(changed(5, NaN), b)).toBe(4);
    expect(get(changed(4, 1e12), b)).toBe(5); // the runs' boundary moved, same values
    expect(get(a, Float64Array.from([0, -0, 1e11]))).toBe(6);
    expect(get(a, b, 5)).toBe(7); // a shorter first array
    expect(get(a, b)).toBe(1); // still held
    expect(m.hits).toBe(2);
  });
});
