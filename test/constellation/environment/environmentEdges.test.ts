/**
 * environment.ts at its edges, each case worked by hand: plane pairs whose mutual node is a pole, coplanar cluster
 * orbits (co- and counter-rotating), the pair-evaluation cap, shells touching the ground, and the input messages.
 */
import { describe, expect, it } from 'vitest';
import {
  closestApproach,
  planePairGeometry,
  shellDensity,
  shellOverlaps,
  shellVolume_m3,
} from '../../../src/constellation/environment/environment.js';
import { EARTH_RADIUS_m } from '../../../src/base/constants.js';
import { shell } from '../../helpers/shellSpec.js';
import { deg } from '../../helpers/units.js';

const EPOCH = '2026-03-20T00:00:00Z';

describe('plane-pair geometry', () => {
  it('polar planes at RAAN 0° and 90° meet at 90° over the pole, 90° of latitude past each node', () => {
    // ĥ_A = (0, −1, 0), ĥ_B = (1, 0, 0): ĥ_A × ĥ_B = (0, 0, 1), the north pole, at u = 90° in either polar plane.
    const g = planePairGeometry(90 * deg, 0, 90 * deg, 90 * deg);
    expect(g.planeAngle_rad / deg).toBeCloseTo(90, 12);
    expect(g.nodeArgLatA_rad / deg).toBeCloseTo(90, 12);
    expect(g.nodeArgLatB_rad / deg).toBeCloseTo(90, 12);
  });

  it("coplanar planes take plane A's ascending node: an equatorial plane of RAAN 180° has it at u = 180°", () => {
    const g = planePairGeometry(0, 0, 0, Math.PI);
    expect(g.planeAngle_rad).toBe(0);
    expect(g.nodeArgLatA_rad).toBe(0);
    expect(Math.abs(g.nodeArgLatB_rad) / deg).toBeCloseTo(180, 12);
  });
});

describe('closest approach of cluster reference orbits and small shells', () => {
  const r = EARTH_RADIUS_m + 550e3;
  const cluster = (over: Parameters<typeof shell>[0]) =>
    shell({ pattern: 'cluster', planes: 2, satsPerPlane: 7, clusterRadius_m: 1000, ...over });

  it('two equatorial clusters half an orbit apart (F = 0): 2r less the two cluster radii', () => {
    // RAANs 0 and π, both at u = 0: positions at 0° and 180° of the same circle, 2r apart for all time.
    const c = closestApproach({ shell: cluster({ inclination_rad: 0, phasing: 0 }), epochIso: EPOCH });
    expect(c.minCrossPlaneDistance_m).toBeCloseTo(2 * r - 2000, 3);
    expect(c.pair).toEqual({ planeA: 0, slotA: 0, planeB: 1, slotB: 0 });
    expect(c.pairsEvaluated).toBe(1);
  });

  it('clusters that meet (F = 1 in one plane, or counter-rotating polar planes) are 0 apart, never negative', () => {
    expect(
      closestApproach({ shell: cluster({ inclination_rad: 0, phasing: 1 }), epochIso: EPOCH }).minCrossPlaneDistance_m,
    ).toBe(0);
    const polar = closestApproach({ shell: cluster({ inclination_rad: 90 * deg, phasing: 0 }), epochIso: EPOCH });
    expect(polar.minCrossPlaneDistance_m).toBe(0);
    expect(polar.planeAngle_rad).toBeCloseTo(Math.PI, 12);
  });

  it('in-plane spacing: none with one slot, the diameter 2r with two', () => {
    expect(
      closestApproach({ shell: shell({ planes: 2, satsPerPlane: 1 }), epochIso: EPOCH }).inPlaneSpacing_m,
    ).toBeNull();
    expect(
      closestApproach({ shell: shell({ planes: 1, satsPerPlane: 2 }), epochIso: EPOCH }).inPlaneSpacing_m,
    ).toBeCloseTo(2 * r, 3);
  });

  it('a Walker star takes every plane pair: 3 planes of 2 give 3 pairs × 2 slots; the cap is checked first', () => {
    const star = closestApproach({
      shell: shell({ pattern: 'walker-star', planes: 3, satsPerPlane: 2, inclination_rad: 86 * deg }),
      epochIso: EPOCH,
    });
    expect(star.pairsEvaluated).toBe(6);
    expect(star.walkerSymmetry).toBe(false);
    // (P − 1)·S = 100 × 100,001 > 10⁷ for a Walker delta; P(P − 1)/2·S for a star.
    expect(() => closestApproach({ shell: shell({ planes: 101, satsPerPlane: 100_001 }), epochIso: EPOCH })).toThrow(
      /needs 10000100 pair evaluations \(limit 10000000\)/,
    );
    expect(() =>
      closestApproach({ shell: shell({ pattern: 'walker-star', planes: 201, satsPerPlane: 500 }), epochIso: EPOCH }),
    ).toThrow(/needs 10050000 pair evaluations/);
    expect(() => closestApproach({ shell: shell({ altitude_m: 0 }), epochIso: EPOCH })).toThrow(/altitude_m/);
  });
});

describe('volume, density and overlap checks', () => {
  it('a shell whose lower face touches the ground is refused; 1 m higher it is not', () => {
    expect(() => shellVolume_m3(5000, 10_000)).toThrow(/reaches the surface/);
    expect(shellVolume_m3(5001, 10_000)).toBeGreaterThan(0);
    expect(() => shellVolume_m3(550e3, -1)).toThrow(/thickness_m/);
  });

  it('satellites: finite and ≥ 0 (0 gives density 0)', () => {
    expect(() => shellDensity({ satellites: -1, altitude_m: 550e3 })).toThrow(/satellites must be ≥ 0, got -1/);
    expect(() => shellDensity({ satellites: NaN, altitude_m: 550e3 })).toThrow(/satellites/);
    expect(() => shellDensity({ satellites: Infinity, altitude_m: 550e3 })).toThrow(/satellites/);
    expect(shellDensity({ satellites: 0, altitude_m: 550e3 }).density_per_km3).toBe(0);
  });

  it('overlap with a given filed list and thicknesses; a bad thickness names its shell', () => {
    const o = shellOverlaps({
      shells: [{ name: 'a', altitude_m: 600e3, thickness_m: 30e3 }],
      filedShells: [
        { name: 'f1', altitude_m: 620e3 },
        { name: 'f2', altitude_m: 621e3, thickness_m: 10e3 },
      ],
    });
    // (30 + 10)/2 = 20 km half-widths: 20 km apart touches (no overlap), so f1 at 20 km does not; f2 at 21 km neither.
    expect(o.filed).toEqual([]);
    const close = shellOverlaps({
      shells: [{ name: 'a', altitude_m: 600e3, thickness_m: 30e3 }],
      filedShells: [{ name: 'f', altitude_m: 619e3 }],
    });
    expect(close.filed).toEqual([{ a: 'a', b: 'f', separation_m: 19e3, overlap_m: 1e3 }]);
    expect(() =>
      shellOverlaps({
        shells: [{ name: 'bad', altitude_m: 600e3, thickness_m: 0 }],
        filedShells: [{ name: 'f', altitude_m: 900e3 }],
      }),
    ).toThrow(/bad\.thickness_m/);
    expect(() =>
      shellOverlaps({
        shells: [{ name: 'a', altitude_m: 600e3 }],
        filedShells: [{ name: 'worse', altitude_m: 1, thickness_m: -1 }],
      }),
    ).toThrow(/worse\.thickness_m/);
  });
});
