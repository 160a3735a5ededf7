/**
 * Closest approach and neighbour distances of free-orbit cluster formations
 * (src/constellation/geometry/clusterFormation.ts) against a brute-force oracle: every pair of members, their HCW
 * offsets sampled over one orbit.
 */
import { describe, expect, it } from 'vitest';
import {
  clusterFormation,
  clusterMotion,
  type ClusterFormation,
} from '../../../src/constellation/geometry/clusterFormation.js';
import type { ShellGeometrySpec } from '../../../src/constellation/design/types.js';
import { deg } from '../../helpers/units.js';

const MU = 3.986004418e14,
  RE = 6378137;
const ALTITUDE_m = 650e3;
const shell = (members: number, radius_m: number): ShellGeometrySpec => ({
  name: 'c',
  altitude_m: ALTITUDE_m,
  inclination_rad: 97.98 * deg,
  sunSynchronous: true,
  ltan_h: 6,
  planes: 1,
  satsPerPlane: members,
  pattern: 'cluster',
  phasing: 0,
  ltanBand_h: 0,
  raan0_rad: 0,
  clusterRadius_m: radius_m,
});

/** Min, orbit-mean and max of each pair's distance over one orbit sampled at `steps` phases. */
function bruteForce(
  f: ClusterFormation,
  g: ShellGeometrySpec,
  steps = 2000,
): Map<string, { min: number; mean: number; max: number }> {
  const period_s = 2 * Math.PI * Math.sqrt((RE + ALTITUDE_m) ** 3 / MU);
  const motion = clusterMotion(g, f);
  const m = f.orbits.length;
  const at = Array.from({ length: steps }, (_, k) =>
    Array.from({ length: m }, (_, slot) =>
      Array.from(motion.offset(slot, (k * period_s) / steps, new Float64Array(3))),
    ),
  );
  const pairs = new Map<string, { min: number; mean: number; max: number }>();
  for (let i = 0; i < m; i++) {
    for (let j = i + 1; j < m; j++) {
      let [min, max, sum] = [Infinity, 0, 0];
      for (const pos of at) {
        const d = Math.hypot(pos[i]![0]! - pos[j]![0]!, pos[i]![1]! - pos[j]![1]!, pos[i]![2]! - pos[j]![2]!);
        [min, max, sum] = [Math.min(min, d), Math.max(max, d), sum + d];
      }
      pairs.set(`${i},${j}`, { min, mean: sum / steps, max });
    }
  }
  return pairs;
}

describe('cluster closest approach against every pair over one orbit', () => {
  for (const [members, kind] of [
    [7, 'in-plane'],
    [19, 'in-plane'],
    [7, 'circular'],
    [12, 'in-plane'],
  ] as const) {
    it(`${members} members, ${kind}: the smallest pair distance over the orbit is closestApproach_m`, () => {
      const g = { ...shell(members, 1000), clusterFormation: kind };
      const f = clusterFormation(members, 1000, kind);
      const pairs = bruteForce(f, g);
      const closest = Math.min(...[...pairs.values()].map((p) => p.min));
      expect(f.closestApproach_m / closest).toBeCloseTo(1, 4);
      // the formation's farthest member reaches the radius over the orbit
      const motion = clusterMotion(g, f);
      let far = 0;
      const period_s = 2 * Math.PI * Math.sqrt((RE + ALTITUDE_m) ** 3 / MU);
      for (let k = 0; k < 720; k++) {
        for (let s = 0; s < members; s++)
          far = Math.max(far, Math.hypot(...motion.offset(s, (k * period_s) / 720, new Float64Array(3))));
      }
      expect(far / 1000).toBeCloseTo(1, 4);
    });
  }

  it('neighbour pairs are exactly the pairs one lattice step apart; their distance statistics match the brute force', () => {
    const g = shell(19, 1000);
    const f = clusterFormation(19, 1000, 'in-plane');
    const pairs = bruteForce(f, g);
    // 19 members = the centred hexagon of k = 2 rings; its unit-step edges number 3k(3k + 1) = 42 (k = 1: 12)
    expect(f.neighbours).toHaveLength(42);
    const neighbourStats = f.neighbours.map(([i, j]) => pairs.get(`${i},${j}`)!);
    const mins = neighbourStats.map((s) => s.min),
      maxs = neighbourStats.map((s) => s.max),
      means = neighbourStats.map((s) => s.mean);
    expect(f.neighbourDistance_m.min / Math.min(...mins)).toBeCloseTo(1, 4);
    expect(f.neighbourDistance_m.max / Math.max(...maxs)).toBeCloseTo(1, 4);
    expect(f.neighbourDistance_m.mean / (means.reduce((a, b) => a + b, 0) / means.length)).toBeCloseTo(1, 3);
  });

  it('a single member has no neighbour and no approach; a cluster needs a positive radius', () => {
    const f = clusterFormation(1, 1000);
    expect(f.closestApproach_m).toBe(0);
    expect(f.neighbours).toEqual([]);
    expect(f.neighbourDistance_m).toEqual({ min: 0, mean: 0, max: 0 });
    expect(f.spacing_m).toBe(0);
    expect(() => clusterFormation(2, 0)).toThrow(/cluster radius must be > 0/);
    const two = clusterMotion(shell(2, 500), clusterFormation(2, 500));
    expect(() => two.offset(2, 0, new Float64Array(3))).toThrow(/slot 2 out of range 0…1/);
  });
});
