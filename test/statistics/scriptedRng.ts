import type { Rng } from '../../src/base/rng.js';

/**
 * An Rng that replays the given draws and records the bound of every int(n) call: int(n) takes the next of `ints`,
 * next() the next of `doubles` (0.5 every time without them); running out of a list is an error.
 */
export function scripted(ints: number[], doubles?: number[]): Rng & { bounds: number[] } {
  const bounds: number[] = [];
  const rng = {
    bounds,
    next: () => {
      if (doubles === undefined) return 0.5;
      const u = doubles.shift();
      if (u === undefined) throw new Error('no scripted double left');
      return u;
    },
    int: (n: number) => {
      bounds.push(n);
      const k = ints.shift();
      if (k === undefined) throw new Error('no scripted integer left');
      return k;
    },
    normal: () => 0,
    clone: () => rng,
    state: () => [],
  };
  return rng;
}
