/**
 * The SVG primitives of src/chart/svg.ts (the constellation maps draw with them): tick rules against d3-array's
 * published examples, symbol areas and pixel rounding worked out by hand.
 */
import { describe, expect, it } from 'vitest';
import { px, symbolPath, tickFormat, ticks, tickStep } from '../../src/chart/svg.js';

describe('ticks (1-2-5 rule)', () => {
  it('matches d3-array: ticks(0, 1, 10) = 0, 0.1, …, 1 printed without float noise; ticks(0, 10, 5) steps by 2; ticks(-0.3, 0.97, 5) by 0.2', () => {
    // d3-array README: d3.ticks(0, 1, 10) → [0, 0.1, 0.2, …, 1]
    const t = ticks(0, 1, 10);
    expect(t.values.map(tickFormat(t.step))).toEqual([
      '0.0',
      '0.1',
      '0.2',
      '0.3',
      '0.4',
      '0.5',
      '0.6',
      '0.7',
      '0.8',
      '0.9',
      '1.0',
    ]);
    expect(t.values[3]).toBe(0.3); // 3 / 10, not 3 · 0.1 = 0.30000000000000004
    expect(ticks(0, 10, 5).values).toEqual([0, 2, 4, 6, 8, 10]);
    expect(ticks(-0.3, 0.97, 5).values).toEqual([-0.2, 0, 0.2, 0.4, 0.6, 0.8]);
    // span 7,000 over 5 ticks: raw step 1,400 → 10^3 · 1 (1.4 < √2)
    expect(tickStep(8000, 15000, 5)).toBe(1000);
    expect(tickFormat(1000)(12000)).toBe('12,000');
    expect(tickFormat(0.05)(-0.35)).toBe('−0.35');
  });

  it('symbol paths enclose the requested area: circle radius √(A/π), cross and diamond half-width √A/2', () => {
    expect(symbolPath('circle', 100 * Math.PI)).toBe('M10,0A10,10,0,1,1,-10,0A10,10,0,1,1,10,0Z');
    expect(symbolPath('diamond', 400)).toBe('M-10,0L0,-10L10,0L0,10Z');
    expect(symbolPath('cross', 400)).toContain('M-10,-4H-4V-10');
    // a square of 400 px²: side 20; a triangle of 100·√3 px²: side 20, height 10·√3 = 17.32, centroid 5.77 above
    // the base
    expect(symbolPath('square', 400)).toBe('M-10,-10H10V10H-10Z');
    expect(symbolPath('triangle-up', 100 * Math.sqrt(3))).toBe('M0,-11.5L10,5.8L-10,5.8Z');
    expect(symbolPath('triangle-down', 100 * Math.sqrt(3))).toBe('M0,11.5L10,-5.8L-10,-5.8Z');
    // tenths of a pixel, as Math.round(v · 10) / 10 would print them
    expect([12.34, -0.04, -0.06, -12.35, 7, 0.96, 1e6 + 0.25].map(px)).toEqual([
      '12.3',
      '0',
      '-0.1',
      '-12.3',
      '7',
      '1',
      '1000000.3',
    ]);
  });
});
