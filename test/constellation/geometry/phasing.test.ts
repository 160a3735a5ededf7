/**
 * Walker phasing scan (src/constellation/geometry/phasing.ts) against a brute-force oracle: every satellite
 * placed from its elements (r = r·(cos Ω cos u − sin Ω sin u cos i, sin Ω cos u + cos Ω sin u cos i, sin u sin i)),
 * all advanced together by θ = n·t (equal altitude: equal mean motion), and every pair's distance minimised
 * over θ numerically (a 720-point scan, then golden-section refinement). No closed form of the code is used.
 */
import { describe, expect, it } from 'vitest';
import { MAX_PHASING_EVALUATIONS, phasingScan } from '../../../src/constellation/geometry/phasing.js';
import { planeRaan_rad } from '../../../src/constellation/geometry/pattern.js';
import type { ShellGeometrySpec } from '../../../src/constellation/design/types.js';
import { EARTH_RADIUS_m } from '../../helpers/constants.js';
import { shell as shellSpec } from '../../helpers/shellSpec.js';
import { deg } from '../../helpers/units.js';
import { periodicMinimum } from '../../helpers/periodicMinimum.js';

const EPOCH = '2026-03-20T00:00:00Z';
const shell = (o: Partial<ShellGeometrySpec>): ShellGeometrySpec =>
  shellSpec({ name: 't', inclination_rad: 53 * deg, planes: 5, satsPerPlane: 3, phasing: 0, raan0_rad: 0.3, ...o });

type Vec = [number, number, number];
const position = (r: number, raan: number, inc: number, u: number): Vec => [
  r * (Math.cos(raan) * Math.cos(u) - Math.sin(raan) * Math.sin(u) * Math.cos(inc)),
  r * (Math.sin(raan) * Math.cos(u) + Math.cos(raan) * Math.sin(u) * Math.cos(inc)),
  r * Math.sin(u) * Math.sin(inc),
];
const dist = (a: Vec, b: Vec): number => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);

/** Smallest distance over θ ∈ [0, 2π) of two satellites (RAAN, u at θ = 0) of one shell. */
function pairMinimum(r: number, inc: number, a: [number, number], b: [number, number]): number {
  const d = (th: number): number => dist(position(r, a[0], inc, a[1] + th), position(r, b[0], inc, b[1] + th));
  return periodicMinimum(d, 720, 100);
}

/** Closest approach of every satellite pair of the shell flown with phasing F (Walker: u = s·2π/S + p·F·2π/T). */
function bruteForce(g: ShellGeometrySpec, raans: readonly number[], F: number, members = g.satsPerPlane): number {
  const r = EARTH_RADIUS_m + g.altitude_m;
  const S = g.pattern === 'cluster' ? 1 : members;
  const T = g.planes * S;
  const sats: [number, number][] = [];
  for (let p = 0; p < g.planes; p++)
    for (let s = 0; s < S; s++) sats.push([raans[p]!, (s * 2 * Math.PI) / S + (p * F * 2 * Math.PI) / T]);
  let best = Infinity;
  for (let i = 0; i < sats.length; i++)
    for (let j = i + 1; j < sats.length; j++)
      best = Math.min(best, pairMinimum(r, g.inclination_rad, sats[i]!, sats[j]!));
  return Math.max(0, best - (g.pattern === 'cluster' ? 2 * g.clusterRadius_m : 0));
}

function expectScan(g: ShellGeometrySpec, raans: readonly number[]): void {
  const scan = phasingScan({ shell: g, epochIso: EPOCH })!;
  const brute = Array.from({ length: g.planes }, (_, F) => bruteForce(g, raans, F));
  expect(scan.separation_m).toHaveLength(g.planes);
  scan.separation_m.forEach((d, F) => expect(Math.abs(d - brute[F]!), `F = ${F}`).toBeLessThan(1e-3));
  // argmax, first on ties (the brute-force values differ from the scan's by rounding only)
  const best = brute.indexOf(Math.max(...brute));
  expect(scan.bestPhasing).toBe(best);
  expect(scan.bestSeparation_m).toBe(scan.separation_m[best]);
}

describe('phasingScan: closest approach for every F, against brute force over every pair and time', () => {
  it('Walker delta 53°: 15/5/F, RAAN₀ 0.3 rad: Ω_p = 0.3 + p·72° (only pairs with plane 0 evaluated)', () => {
    const g = shell({});
    expectScan(
      g,
      [0, 1, 2, 3, 4].map((p) => 0.3 + (p * 2 * Math.PI) / 5),
    );
  });

  it('Walker delta 70°: 24/4/F (S = 6, some F put satellites of two planes on one node)', () => {
    const g = shell({ planes: 4, satsPerPlane: 6, inclination_rad: 70 * deg, raan0_rad: 0 });
    expectScan(
      g,
      [0, 1, 2, 3].map((p) => (p * 2 * Math.PI) / 4),
    );
  });

  it('Walker star 86.4°: 12/4/F, Ω_p = p·45° (every plane pair, the counter-rotating seam included)', () => {
    const g = shell({ pattern: 'walker-star', planes: 4, inclination_rad: 86.4 * deg, raan0_rad: 0 });
    expectScan(
      g,
      [0, 1, 2, 3].map((p) => (p * Math.PI) / 4),
    );
  });

  it('sso-ltan: a 4 h band of 3 planes, every pair (uneven RAAN spacing is not Walker-symmetric)', () => {
    const g = shell({
      pattern: 'sso-ltan',
      sunSynchronous: true,
      ltan_h: 10.5,
      ltanBand_h: 4,
      planes: 3,
      satsPerPlane: 4,
      inclination_rad: 97.6 * deg,
    });
    expectScan(
      g,
      [0, 1, 2].map((p) => planeRaan_rad(g, p, EPOCH)),
    );
  });

  it('cluster shell: reference orbits phased as S = 1, T = P, less twice the cluster radius', () => {
    const g = shell({ pattern: 'cluster', planes: 4, satsPerPlane: 7, clusterRadius_m: 1000, raan0_rad: 0 });
    const raans = [0, 1, 2, 3].map((p) => (p * 2 * Math.PI) / 4);
    const scan = phasingScan({ shell: g, epochIso: EPOCH })!;
    scan.separation_m.forEach((d, F) => expect(Math.abs(d - bruteForce(g, raans, F)), `F = ${F}`).toBeLessThan(1e-3));
  });

  it('one plane: the in-plane chord 2r·sin(π/S); one satellite: nothing to approach (∞)', () => {
    const r = EARTH_RADIUS_m + 550e3;
    const ring = phasingScan({ shell: shell({ planes: 1, satsPerPlane: 4 }), epochIso: EPOCH })!;
    expect(ring.separation_m).toHaveLength(1);
    expect(ring.separation_m[0]! / (2 * r * Math.sin(Math.PI / 4)) - 1).toBeCloseTo(0, 12);
    expect(ring.bestPhasing).toBe(0);
    const lone = phasingScan({ shell: shell({ planes: 1, satsPerPlane: 1 }), epochIso: EPOCH })!;
    expect(lone.separation_m).toEqual([Infinity]);
  });

  it('clusters wider than their spacing: every F gives 0 (clamped, not negative), and the first F is kept on ties', () => {
    const g = shell({ pattern: 'cluster', planes: 3, satsPerPlane: 7, clusterRadius_m: 5e6 });
    const scan = phasingScan({ shell: g, epochIso: EPOCH })!;
    expect(scan.separation_m).toEqual([0, 0, 0]);
    expect(scan.bestPhasing).toBe(0);
    expect(scan.bestSeparation_m).toBe(0);
  });
});

describe('phasingScan: evaluation cap', () => {
  it(`Walker star: P²(P − 1)/2 plane-pair × F evaluations; 271 planes fit ${MAX_PHASING_EVALUATIONS}, 272 do not`, () => {
    // 271·270/2·271 = 9,914,535 ≤ 1e7 < 272·271/2·272 = 10,024,832
    const star = (planes: number): ShellGeometrySpec =>
      shell({ pattern: 'walker-star', planes, satsPerPlane: 1, inclination_rad: 86.4 * deg });
    expect(phasingScan({ shell: star(272), epochIso: EPOCH })).toBeNull();
    expect(phasingScan({ shell: star(271), epochIso: EPOCH })?.separation_m).toHaveLength(271);
  });

  it('Walker delta: (P − 1)·P evaluations; 3,163 planes exceed the cap (3,162·3,163 = 10,001,406)', () => {
    expect(phasingScan({ shell: shell({ planes: 3163, satsPerPlane: 1 }), epochIso: EPOCH })).toBeNull();
  });
});

describe('caps', () => {
  /**
   * Edges of the Walker phasing scan (src/constellation/geometry/phasing.ts) that the brute-force comparison of
   * phasing.test.ts does not reach: the evaluation cap of Walker delta and cluster shells, which take the (0, b)
   * plane pairs only (P − 1 pairs × P values of F), and a shell of one plane, whose only distance is in-plane.
   */
  const shell = (o: Partial<ShellGeometrySpec>): ShellGeometrySpec =>
    shellSpec({ name: 't', inclination_rad: 53 * deg, planes: 5, satsPerPlane: 1, phasing: 0, ...o });

  describe('phasingScan: evaluation cap of Walker delta and cluster shells, (P − 1)·P', () => {
    it(`3,162 planes fit ${MAX_PHASING_EVALUATIONS}, 3,163 do not`, () => {
      // 3161·3162 = 9,995,082 ≤ 1e7 < 3162·3163 = 10,001,406
      expect(phasingScan({ shell: shell({ planes: 3163 }), epochIso: EPOCH })).toBeNull();
      expect(phasingScan({ shell: shell({ planes: 3162 }), epochIso: EPOCH })?.separation_m).toHaveLength(3162);
    });

    it('272 planes: a delta and a cluster shell are scanned (a star shell of 272 planes is not: P²(P − 1)/2)', () => {
      // all plane pairs would be 272·271/2·272 = 10,024,832 > 1e7; the (0, b) pairs are 271·272 = 73,712
      expect(phasingScan({ shell: shell({ planes: 272 }), epochIso: EPOCH })?.separation_m).toHaveLength(272);
      const cluster = shell({ planes: 272, satsPerPlane: 7, pattern: 'cluster', clusterRadius_m: 1000 });
      expect(phasingScan({ shell: cluster, epochIso: EPOCH })?.separation_m).toHaveLength(272);
      expect(phasingScan({ shell: shell({ planes: 272, pattern: 'walker-star' }), epochIso: EPOCH })).toBeNull();
    });
  });

  describe('phasingScan: one plane', () => {
    it('two satellites half an orbit apart: the closest approach is the orbit diameter 2(R⊕ + h)', () => {
      const r = phasingScan({ shell: shell({ planes: 1, satsPerPlane: 2 }), epochIso: EPOCH });
      expect(r?.separation_m).toHaveLength(1);
      expect(r!.bestSeparation_m / (2 * (EARTH_RADIUS_m + 550e3)) - 1).toBeCloseTo(0, 12);
    });

    it('three satellites: the chord of 120°, 2r·sin(60°) = √3·r', () => {
      const r = phasingScan({ shell: shell({ planes: 1, satsPerPlane: 3 }), epochIso: EPOCH });
      expect(r!.bestSeparation_m / (Math.sqrt(3) * (EARTH_RADIUS_m + 550e3)) - 1).toBeCloseTo(0, 12);
    });
  });
});
