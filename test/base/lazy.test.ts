import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { lazy } from '../../src/base/lazy.js';

describe('lazy', () => {
  it('does not build until the getter is first called, then builds once', () => {
    let builds = 0;
    const get = lazy(() => ({ n: ++builds }));
    expect(builds).toBe(0);
    expect(get().n).toBe(1);
    expect(get().n).toBe(1);
    expect(builds).toBe(1);
  });

  it('returns the same instance on every call', () => {
    const schema = lazy(() => z.strictObject({ a: z.number() }));
    expect(schema()).toBe(schema());
  });

  it('keeps a built value that is falsy (undefined, 0) without building again', () => {
    let builds = 0;
    const none = lazy(() => {
      builds++;
      return undefined;
    });
    const zero = lazy(() => {
      builds++;
      return 0;
    });
    expect([none(), none(), zero(), zero()]).toEqual([undefined, undefined, 0, 0]);
    expect(builds).toBe(2);
  });

  it('builds again after a build that threw (nothing was memoized)', () => {
    let calls = 0;
    const get = lazy(() => {
      if (++calls === 1) throw new Error('first build fails');
      return calls;
    });
    expect(() => get()).toThrow('first build fails');
    expect(get()).toBe(2);
    expect(get()).toBe(2);
  });

  it('shares one instance between schemas composed from a getter (zod metadata is keyed by identity)', () => {
    const inner = lazy(() => z.number().describe('inner'));
    const outer = lazy(() => z.strictObject({ a: inner(), b: inner() }));
    expect(outer().shape.a).toBe(inner());
    expect(outer().shape.b).toBe(inner());
    expect(outer().shape.a.description).toBe('inner');
  });
});
