import { describe, expect, it } from 'vitest';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { createRng, rngFromState } from '../../src/base/rng.js';

/** The draws as src/base/rng.ts defines them, one generator step pair per double (no buffering). */
function reference(seed: number): () => number {
  const gen = xoroshiro128plus(seed | 0);
  for (let i = 0; i < 16; i++) gen.next();
  return () => {
    const hi = (gen.next() >>> 0) >>> 5;
    const lo = (gen.next() >>> 0) >>> 6;
    return (hi * 67108864 + lo) / 9007199254740992;
  };
}

describe('Rng (draws made a block at a time)', () => {
  it('draws the same doubles as one generator step pair per draw', () => {
    for (const seed of [0, 1, 7, 123456789]) {
      const want = reference(seed);
      const rng = createRng(seed);
      for (let i = 0; i < 1000; i++) expect(rng.next()).toBe(want());
    }
  });

  it('state(), rngFromState() and clone() continue exactly where the draws stopped, inside a block or at its end', () => {
    for (const consumed of [0, 1, 63, 64, 65, 200]) {
      const rng = createRng(42);
      for (let i = 0; i < consumed; i++) rng.next();
      const resumed = rngFromState(JSON.parse(JSON.stringify(rng.state())) as number[]);
      const copy = rng.clone();
      const want = reference(42);
      for (let i = 0; i < consumed; i++) want();
      for (let i = 0; i < 100; i++) {
        const x = want();
        expect(rng.next()).toBe(x);
        expect(resumed.next()).toBe(x);
        expect(copy.next()).toBe(x);
      }
    }
  });
});
