import { describe, expect, it } from 'vitest';
import { DuplicateFilter } from '../../../solvers/operators/duplicates.js';

describe('DuplicateFilter', () => {
  it('DuplicateFilter detects exact duplicates only (and folds -0 into 0)', () => {
    const f = new DuplicateFilter();
    expect(f.add(Float64Array.of(1, 2))).toBe(true);
    expect(f.add(Float64Array.of(1, 2))).toBe(false);
    expect(f.add(Float64Array.of(1, 2 + 1e-15))).toBe(true);
    expect(f.add(Float64Array.of(0, 1))).toBe(true);
    expect(f.has(Float64Array.of(-0, 1))).toBe(true);
  });

  it('DuplicateFilter: growth keeps every vector, clear() forgets them all', () => {
    const f = new DuplicateFilter();
    const vs = Array.from({ length: 5000 }, (_, i) => Float64Array.of(i % 71, Math.floor(i / 71), i === 0 ? -0 : 0.5));
    for (const v of vs) expect(f.add(v)).toBe(true);
    for (const v of vs) expect(f.add(Float64Array.from(v))).toBe(false);
    expect(f.add(Float64Array.of(0, 0, 0))).toBe(false); // -0 equals 0
    f.clear();
    for (const v of vs.slice(0, 100)) expect(f.has(v)).toBe(false);
    expect(f.add(vs[0]!)).toBe(true);
  });

  it('DuplicateFilter.indexOf: the order an equal vector was added in, −1 for one never added', () => {
    const f = new DuplicateFilter();
    const vs = Array.from({ length: 300 }, (_, i) => Float64Array.of(i % 17, Math.floor(i / 17)));
    for (const v of vs) f.add(v);
    f.add(Float64Array.of(3, 0)); // equal to vs[3]: not added again, keeps index 3
    for (const i of [0, 3, 17, 150, 299]) expect(f.indexOf(Float64Array.from(vs[i]!))).toBe(i);
    expect(f.indexOf(Float64Array.of(-0, 0))).toBe(0);
    expect(f.indexOf(Float64Array.of(0.5, 0))).toBe(-1);
  });
});
