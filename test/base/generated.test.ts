import { describe, expect, it } from 'vitest';
import { generatedFunction } from '../../src/base/generated.js';

describe('generatedFunction', () => {
  it('binds each constant by its name and takes the parameters in order', () => {
    const scale = (v: number) => 10 * v;
    const shift = (v: number) => v + 1;
    const f = generatedFunction<(a: number, b: number) => number[]>(
      { scale, shift, offset: 100 },
      ['a', 'b'],
      'return [scale(a), shift(b), offset - a];',
    );
    // a swapped binding or parameter order gives other numbers
    expect(f(2, 7)).toEqual([20, 8, 98]);
  });

  it('sees the bound objects themselves, so stores reach them', () => {
    const section = { altitude_km: 0 };
    const write = generatedFunction<(x: number) => void>({ s0: section }, ['x'], 's0["altitude_km"] = x;');
    write(550);
    expect(section.altitude_km).toBe(550);
  });

  it('runs in strict mode: a store to an undeclared name throws', () => {
    const f = generatedFunction<() => void>({}, [], 'undeclared = 1;');
    expect(() => f()).toThrow(ReferenceError);
  });
});
