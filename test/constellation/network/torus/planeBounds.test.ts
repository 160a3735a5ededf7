import { describe, expect, it } from 'vitest';
import { inPlaneLengthBound_m } from '../../../../src/constellation/network/torus/planeBounds.js';

/** A plane frame (r, û, t̂) at offset 0: radius r, û = x̂, t̂ = ŷ. */
const frame = (r: number): Float64Array => Float64Array.from([r, 1, 0, 0, 0, 1, 0]);

describe('inPlaneLengthBound_m: the chord 2r·sin(π/S) widened by 1e-9 and 1 mm', () => {
  it('by hand for S = 6 (sin 30° = 1/2) and S = 4 (sin 45° = √2/2), each S asked again after the other', () => {
    // the sine is kept for the last S asked: a change of S, or back, must not read the other's
    const six = (r: number): number => r * (1 + 1e-9) + 1e-3;
    const four = (r: number): number => 2 * r * Math.SQRT1_2 * (1 + 1e-9) + 1e-3;
    expect(inPlaneLengthBound_m(frame(7e6), 0, 6)).toBeCloseTo(six(7e6), 6);
    expect(inPlaneLengthBound_m(frame(7e6), 0, 4)).toBeCloseTo(four(7e6), 6);
    expect(inPlaneLengthBound_m(frame(7e6), 0, 6)).toBeCloseTo(six(7e6), 6);
    // the radius is read at every call
    expect(inPlaneLengthBound_m(frame(6.9e6), 0, 6)).toBeCloseTo(six(6.9e6), 6);
  });
});
