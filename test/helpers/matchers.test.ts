import { describe, expect, it } from 'vitest';

describe('toBeWithinRelative', () => {
  it('passes strictly inside the relative tolerance, on either side and for negative values', () => {
    expect(100.9).toBeWithinRelative(100, 0.01);
    expect(99.1).toBeWithinRelative(100, 0.01);
    expect(-2.001).toBeWithinRelative(-2, 1e-3);
    expect(1.5e9).toBeWithinRelative(1.5e9, 1e-12);
  });

  it('fails at and past the tolerance, with both values in the message', () => {
    // 101 / 100 − 1 = 0.01 in floating point is 0.010000000000000009: past 0.01, like every value beyond it
    expect(() => expect(101).toBeWithinRelative(100, 0.01)).toThrow(/expected 101 to be within 0.01 of 100/);
    expect(() => expect(1.0001).toBeWithinRelative(1, 1e-5)).toThrow(/relative error 1.00e-4/);
    expect(101).not.toBeWithinRelative(100, 0.005);
    expect(() => expect(100).not.toBeWithinRelative(100, 0.005)).toThrow(/not to be within/);
  });

  it('refuses a zero or non-finite reference and a non-number', () => {
    expect(() => expect(0).toBeWithinRelative(0, 0.1)).toThrow(/want must be finite and ≠ 0, got 0/);
    expect(() => expect(1).toBeWithinRelative(Infinity, 0.1)).toThrow(RangeError);
    expect(() => expect('1').toBeWithinRelative(1, 0.1)).toThrow(/expected a number, got string/);
  });

  it('NaN never passes', () => {
    expect(NaN).not.toBeWithinRelative(1, 1);
  });
});
