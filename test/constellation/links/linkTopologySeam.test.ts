/**
 * Link topology across the seam (src/constellation/links/linkTopology.ts). Oracle: the Walker-delta geometry itself.
 * Plane p has RAAN 2πp/P and slot s argument of latitude u = 2πs/S + 2πFp/(PS) (Walker 1984), so every link of a
 * class, seam links included, must join two satellites with the same (ΔRAAN, Δu) modulo 2π:
 * in-plane (0, 2π/S), cross-plane (2π/P, 2πF/(PS)), diagonal (2π/P, 2π/S + 2πF/(PS)).
 */
import { describe, expect, it } from 'vitest';
import { linkTopology, type LinkClass, type LinkTopology } from '../../../src/constellation/links/linkTopology.js';
import type { ConstellationTopology, ShellGeometrySpec } from '../../../src/constellation/design/types.js';
import { shell as shellSpec } from '../../helpers/shellSpec.js';

const TWO_PI = 2 * Math.PI;
const mod2pi = (x: number): number => ((x % TWO_PI) + TWO_PI) % TWO_PI;

function walker(P: number, S: number, F: number, o: Partial<ShellGeometrySpec> = {}): ShellGeometrySpec {
  return shellSpec({ name: 'w', inclination_rad: 0.93, planes: P, satsPerPlane: S, phasing: F, ...o });
}

const topo = (
  shell: ShellGeometrySpec,
  topology: ConstellationTopology,
  maxRepresentativesPerClass = 1000,
): LinkTopology =>
  linkTopology({ shell, topology, clusterLinkRange_m: 0, maxRepresentativesPerClass, explicitEdges: true });

/** (ΔRAAN, Δu) mod 2π of the link from node index a to node index b. */
function offsets(shell: ShellGeometrySpec, a: number, b: number): [number, number] {
  const { planes: P, satsPerPlane: S, phasing: F } = shell;
  const raan = (n: number): number => (TWO_PI * Math.floor(n / S)) / P;
  const u = (n: number): number => (TWO_PI * (n % S)) / S + (TWO_PI * F * Math.floor(n / S)) / (P * S);
  return [mod2pi(raan(b) - raan(a)), mod2pi(u(b) - u(a))];
}

function expected(shell: ShellGeometrySpec, c: LinkClass): [number, number] {
  const { planes: P, satsPerPlane: S, phasing: F } = shell;
  if (c === 'inPlane') return [0, TWO_PI / S];
  if (c === 'crossPlane') return [TWO_PI / P, (TWO_PI * F) / (P * S)];
  return [TWO_PI / P, TWO_PI / S + (TWO_PI * F) / (P * S)];
}

describe('Walker-delta mesh: every link, seam included, has its class geometry', () => {
  for (const [P, S, F] of [
    [4, 6, 1],
    [5, 7, 3],
    [3, 4, 2],
    [6, 5, 0],
  ] as const) {
    it(`P = ${P}, S = ${S}, F = ${F}: P·S links per class, 6 per satellite, each with the class (ΔRAAN, Δu)`, () => {
      const shell = walker(P, S, F);
      const t = topo(shell, 'mesh');
      expect(t.counts).toEqual({ inPlane: P * S, crossPlane: P * S, diagonal: P * S, cluster: 0 });
      expect(t.degree).toEqual({ inPlane: 2, crossPlane: 2, diagonal: 2, cluster: 0 });
      expect(t.edges).toHaveLength(3 * P * S);
      const degree = new Array<number>(P * S).fill(0);
      for (const e of t.edges!) {
        const [dRaan, du] = offsets(shell, e.u, e.v);
        const [wantRaan, wantU] = expected(shell, e.linkClass);
        expect(dRaan, `${e.linkClass} ${e.u}–${e.v}`).toBeCloseTo(wantRaan, 9);
        expect(du, `${e.linkClass} ${e.u}–${e.v}`).toBeCloseTo(wantU, 9);
        degree[e.u]!++;
        degree[e.v]!++;
      }
      expect(new Set(degree)).toEqual(new Set([6]));
      // seam representatives: plane P−1 → plane 0, slot shifted by F (cross-plane) and F + 1 (diagonal)
      const seam = t.representatives.filter((r) => r.seam);
      expect(seam.map((r) => [r.linkClass, r.a.plane, r.b.plane, r.b.slot])).toEqual([
        ...Array.from({ length: S }, (_, s) => ['crossPlane', P - 1, 0, (s + F) % S]),
        ...Array.from({ length: S }, (_, s) => ['diagonal', P - 1, 0, (s + F + 1) % S]),
      ]);
    });
  }

  it('representatives every stride-th slot carry the links they stand for: weights sum to the class counts', () => {
    const t = topo(walker(4, 10, 1), 'mesh', 3); // stride ⌈10/3⌉ = 4: base slots 0, 4, 8 covering 4, 4, 2 slots
    for (const c of ['inPlane', 'crossPlane', 'diagonal'] as const) {
      expect(t.representatives.filter((r) => r.linkClass === c).reduce((s, r) => s + r.weight, 0)).toBe(t.counts[c]);
    }
    const inPlane = t.representatives.filter((r) => r.linkClass === 'inPlane');
    expect(inPlane.map((r) => [r.a.slot, r.b.slot, r.weight])).toEqual([
      [0, 1, 16],
      [4, 5, 16],
      [8, 9, 8],
    ]);
    expect(inPlane.every((r) => !r.cutoffApplies && !r.seam)).toBe(true);
    expect(t.representatives.filter((r) => r.linkClass !== 'inPlane').every((r) => r.cutoffApplies)).toBe(true);
    // each edge points at the representative of its own block of slots
    for (const e of t.edges!) expect(t.representatives[e.representative]!.linkClass).toBe(e.linkClass);
  });
});

describe('shells without a seam, and degenerate shells', () => {
  it('Walker star and a partial LTAN band are cylinders: P − 1 plane pairs, no seam link', () => {
    for (const shell of [
      walker(4, 6, 1, { pattern: 'walker-star' }),
      walker(4, 6, 1, { pattern: 'sso-ltan', ltanBand_h: 12 }),
    ]) {
      const t = topo(shell, 'mesh');
      expect(t.counts).toEqual({ inPlane: 24, crossPlane: 18, diagonal: 18, cluster: 0 });
      expect(t.representatives.some((r) => r.seam)).toBe(false);
      expect(t.degree.crossPlane).toBe(2); // interior planes still have two neighbours
    }
    // a full 24 h LTAN band closes the seam
    expect(topo(walker(4, 6, 1, { pattern: 'sso-ltan', ltanBand_h: 24 }), 'grid').counts.crossPlane).toBe(24);
  });

  it('grid has no diagonals; ring has in-plane links only; none has nothing', () => {
    expect(topo(walker(4, 6, 1), 'grid').counts).toEqual({ inPlane: 24, crossPlane: 24, diagonal: 0, cluster: 0 });
    expect(topo(walker(4, 6, 1), 'ring').counts).toEqual({ inPlane: 24, crossPlane: 0, diagonal: 0, cluster: 0 });
    const none = topo(walker(4, 6, 1), 'none');
    expect([none.counts, none.representatives, none.edges]).toEqual([
      { inPlane: 0, crossPlane: 0, diagonal: 0, cluster: 0 },
      [],
      [],
    ]);
  });

  it('S = 2: one in-plane link per plane; S = 1: none; P = 2: one cross-plane link per slot, no seam; P = 1: none', () => {
    expect(topo(walker(3, 2, 0), 'ring')).toMatchObject({ counts: { inPlane: 3 }, degree: { inPlane: 1 } });
    expect(topo(walker(3, 1, 0), 'mesh')).toMatchObject({
      counts: { inPlane: 0, diagonal: 0 },
      degree: { inPlane: 0, diagonal: 0 },
    });
    expect(topo(walker(2, 5, 1), 'mesh')).toMatchObject({
      counts: { crossPlane: 5, diagonal: 5 },
      degree: { crossPlane: 1, diagonal: 1 },
    });
    expect(topo(walker(1, 5, 0), 'mesh')).toMatchObject({
      counts: { inPlane: 5, crossPlane: 0, diagonal: 0 },
      degree: { crossPlane: 0 },
    });
  });

  it('explicit edges only when asked; cluster topology only with the cluster pattern', () => {
    const implicit = linkTopology({
      shell: walker(3, 4, 1),
      topology: 'mesh',
      clusterLinkRange_m: 0,
      maxRepresentativesPerClass: 8,
      explicitEdges: false,
    });
    expect(implicit.edges).toBeNull();
    expect(() => topo(walker(3, 4, 1), 'cluster')).toThrow(/does not fit pattern/);
  });
});
