/**
 * Link counts, degrees, representatives and edges of src/constellation/links/linkTopology.ts, counted by hand
 * from the rules of its header (P planes, S slots, phasing F):
 * - in-plane: S links per plane for S ≥ 3 (a ring), 1 for S = 2, none for S = 1; degree 2, 1, 0;
 * - cross-plane: S links between each of the P − 1 adjacent plane pairs, plus S seam links (P−1, s)–(0, s+F)
 *   when the planes close the circle of RAAN (Walker delta, or an sso-ltan band of 24 h) and P ≥ 3; degree 2
 *   for P ≥ 3, 1 for P = 2;
 * - diagonal (mesh, S ≥ 2): as cross-plane with the slot advanced by one;
 * - representatives: every stride-th base slot, stride = ⌈S / max⌉, each weighted by the links it stands for.
 */
import { describe, expect, it } from 'vitest';
import type { ClusterFormation } from '../../../src/constellation/geometry/clusterFormation.js';
import { linkTopology, type LinkTopology, type LinkClass } from '../../../src/constellation/links/linkTopology.js';
import type { ConstellationTopology, ShellGeometrySpec } from '../../../src/constellation/design/types.js';
import { shell as shellSpec } from '../../helpers/shellSpec.js';
import { edgesOf } from '../../helpers/shellEdges.js';

const shell = (P: number, S: number, F: number, o: Partial<ShellGeometrySpec> = {}): ShellGeometrySpec =>
  shellSpec({ name: 'w', inclination_rad: 0.93, planes: P, satsPerPlane: S, phasing: F, ...o });
const topo = (
  sh: ShellGeometrySpec,
  topology: ConstellationTopology,
  max = 1000,
  explicitEdges = true,
  clusterFormation?: ClusterFormation,
): LinkTopology =>
  linkTopology({
    shell: sh,
    topology,
    clusterLinkRange_m: 2000,
    maxRepresentativesPerClass: max,
    explicitEdges,
    ...(clusterFormation ? { clusterFormation } : {}),
  });
/** A representative written out: link class, ends [plane, slot], weight, seam, cutoff. */
const rep = (linkClass: LinkClass, [pa, sa]: number[], [pb, sb]: number[], weight: number, seam = false) => ({
  linkClass,
  a: { plane: pa, slot: sa },
  b: { plane: pb, slot: sb },
  weight,
  seam,
  cutoffApplies: seam,
});
/** Link counts and degrees [in-plane, cross-plane, diagonal] of a shell without cluster links. */
function expectLinks(t: LinkTopology, counts: number[], degree: number[]): void {
  const [inPlane, crossPlane, diagonal] = counts;
  expect(t.counts).toEqual({ inPlane, crossPlane, diagonal, cluster: 0 });
  expect(t.degree).toEqual({ inPlane: degree[0], crossPlane: degree[1], diagonal: degree[2], cluster: 0 });
}
const weightSum = (t: LinkTopology, c: string): number =>
  t.representatives.filter((r) => r.linkClass === c).reduce((a, r) => a + r.weight, 0);

describe('linkTopology: counts and degrees by hand', () => {
  it('ring, 3 planes: S = 5 gives 15 in-plane links (degree 2), S = 2 gives 3 (degree 1), S = 1 none', () => {
    const t5 = topo(shell(3, 5, 1), 'ring');
    expectLinks(t5, [15, 0, 0], [2, 0, 0]);
    const t2 = topo(shell(3, 2, 1), 'ring');
    expect(t2.counts.inPlane).toBe(3);
    expect(t2.degree.inPlane).toBe(1);
    expect(edgesOf(t2)).toEqual([
      { u: 0, v: 1, linkClass: 'inPlane', representative: 0 },
      { u: 2, v: 3, linkClass: 'inPlane', representative: 0 },
      { u: 4, v: 5, linkClass: 'inPlane', representative: 0 },
    ]);
    const t1 = topo(shell(3, 1, 0), 'mesh');
    // 2 pairs + seam, 1 slot
    expectLinks(t1, [0, 3, 0], [0, 2, 0]);
  });

  it('ring of 3 slots: 3 links per plane, degree 2; mesh of 2 slots: one diagonal family, seam included', () => {
    const t3 = topo(shell(2, 3, 0), 'ring');
    expect(t3.counts.inPlane).toBe(6);
    expect(t3.degree.inPlane).toBe(2);
    // P = 3, S = 2, Walker delta: 2 diagonal pairs of planes × 2 slots + 2 seam diagonals
    const m = topo(shell(3, 2, 1), 'mesh');
    expectLinks(m, [3, 6, 6], [1, 2, 2]);
  });

  it('grid, Walker delta 4 × 5: 20 in-plane, 3·5 + 5 seam = 20 cross-plane links, degree 2 each', () => {
    const t = topo(shell(4, 5, 1), 'grid');
    expectLinks(t, [20, 20, 0], [2, 2, 0]);
    const seam = t.representatives.filter((r) => r.seam);
    expect(seam).toHaveLength(5);
    // b: slot s + F; a seam link has the cutoff applied
    expect(seam[2]).toEqual(rep('crossPlane', [3, 2], [0, 3], 1, true));
    // representatives 0–4 in-plane, 5–9 cross-plane (0, s)–(1, s), 10–14 the seam
    expect(edgesOf(t).filter((e) => e.linkClass === 'crossPlane' && e.u >= 15)).toEqual(
      [0, 1, 2, 3, 4].map((s) => ({ u: 15 + s, v: (s + 1) % 5, linkClass: 'crossPlane', representative: 10 + s })),
    );
  });

  it('no seam: Walker star, a 23.9 h sso-ltan band, and 2 planes; a 24 h band closes it', () => {
    expect(topo(shell(4, 5, 1, { pattern: 'walker-star' }), 'grid').counts.crossPlane).toBe(15);
    // the band is an sso-ltan field: a star shell that carries 24 h in it has no seam either
    expect(topo(shell(4, 5, 1, { pattern: 'walker-star', ltanBand_h: 24 }), 'grid').counts.crossPlane).toBe(15);
    const sso = (band: number): ShellGeometrySpec =>
      shell(4, 5, 1, { pattern: 'sso-ltan', sunSynchronous: true, ltan_h: 10, ltanBand_h: band });
    expect(topo(sso(23.9), 'grid').counts.crossPlane).toBe(15);
    expect(topo(sso(24), 'grid').counts.crossPlane).toBe(20);
    const two = topo(shell(2, 5, 1), 'mesh');
    expectLinks(two, [10, 5, 5], [2, 1, 1]);
    expect(two.representatives.some((r) => r.seam)).toBe(false);
    const one = topo(shell(1, 5, 0), 'mesh');
    expectLinks(one, [5, 0, 0], [2, 0, 0]);
  });

  it('mesh, Walker delta 3 × 4, F = 2: diagonals (p, s)–(p+1, s+1) and seam (2, s)–(0, s+3)', () => {
    const t = topo(shell(3, 4, 2), 'mesh');
    expect(t.counts).toEqual({ inPlane: 12, crossPlane: 12, diagonal: 12, cluster: 0 });
    expect(t.degree.diagonal).toBe(2);
    const diag = edgesOf(t)
      .filter((e) => e.linkClass === 'diagonal')
      .map((e) => [e.u, e.v]);
    expect(diag).toEqual([
      [0, 5],
      [1, 6],
      [2, 7],
      [3, 4], // plane 0 → 1
      [4, 9],
      [5, 10],
      [6, 11],
      [7, 8], // plane 1 → 2
      [8, 3],
      [9, 0],
      [10, 1],
      [11, 2], // seam: plane 2 → 0, slot s + F + 1
    ]);
  });

  it('none: nothing; a cluster topology on a Walker shell, or a Walker one on a cluster shell, is refused', () => {
    const t = topo(shell(4, 5, 1), 'none');
    expect(t.counts).toEqual({ inPlane: 0, crossPlane: 0, diagonal: 0, cluster: 0 });
    expect(t.representatives).toEqual([]);
    expect(edgesOf(t)).toEqual([]);
    expect(() => topo(shell(4, 5, 1), 'cluster')).toThrow(
      "topology 'cluster' does not fit pattern 'walker-delta' (cluster topology ⇔ cluster pattern)",
    );
    expect(() => topo(shell(4, 5, 1, { pattern: 'cluster' }), 'grid')).toThrow(RangeError);
    // 'none' fits every pattern, cluster included
    expect(topo(shell(4, 5, 1, { pattern: 'cluster' }), 'none').counts.cluster).toBe(0);
  });
});

describe('linkTopology: representatives', () => {
  it('S = 5, at most 2 per class: stride ⌈5/2⌉ = 3, base slots 0 and 3, weights 3·P and 2·P', () => {
    const t = topo(shell(4, 5, 1), 'grid', 2);
    const inPlane = t.representatives.filter((r) => r.linkClass === 'inPlane');
    expect(inPlane).toEqual([rep('inPlane', [0, 0], [0, 1], 12), rep('inPlane', [0, 3], [0, 4], 8)]);
    // every class's weights add up to its count; cross-plane: (0,s)–(1,s) weights 3·3, 2·3, seam 3, 2
    for (const c of ['inPlane', 'crossPlane']) expect(weightSum(t, c)).toBe(t.counts[c as 'inPlane']);
    expect(t.representatives.filter((r) => r.linkClass === 'crossPlane').map((r) => r.weight)).toEqual([9, 6, 3, 2]);
    // edges point at the representative of their base slot: slots 0–2 → the first, 3–4 → the second
    expect(
      edgesOf(t)
        .filter((e) => e.linkClass === 'inPlane' && e.u < 5)
        .map((e) => e.representative),
    ).toEqual([0, 0, 0, 1, 1]);
  });

  it('without explicit edges the edge list is null and the counts are unchanged', () => {
    const t = topo(shell(4, 5, 1), 'mesh', 1000, false);
    expect(t.forEachEdge).toBeNull();
    expect(t.counts).toEqual({ inPlane: 20, crossPlane: 20, diagonal: 20, cluster: 0 });
  });
});

describe('linkTopology: cluster shells', () => {
  // a made-up formation of 3 members in a row: neighbours (0, 1) and (1, 2)
  const formation = (maxNeighbour_m: number): ClusterFormation =>
    ({
      orbits: [{}, {}, {}],
      neighbours: [
        [0, 1],
        [1, 2],
      ],
      neighbourDistance_m: { min: 500, mean: 700, max: maxNeighbour_m },
    }) as unknown as ClusterFormation;
  const clusters = shell(4, 3, 0, { pattern: 'cluster', clusterRadius_m: 1000 });

  it('neighbours within the link range (2,000 m): 2 links per cluster, 8 in all; the middle member has degree 2', () => {
    const t = topo(clusters, 'cluster', 1000, true, formation(2000));
    expect(t.counts).toEqual({ inPlane: 0, crossPlane: 0, diagonal: 0, cluster: 8 });
    expect(t.degree.cluster).toBe(2);
    expect(t.representatives).toEqual([rep('cluster', [0, 0], [0, 1], 4), rep('cluster', [0, 1], [0, 2], 4)]);
    expect(
      edgesOf(t)
        .filter((e) => e.representative === 1)
        .map((e) => [e.u, e.v]),
    ).toEqual([
      [1, 2],
      [4, 5],
      [7, 8],
      [10, 11],
    ]);
  });

  it('cluster edges carry the cluster class; without explicit edges the list is null and the counts stand', () => {
    const t = topo(clusters, 'cluster', 1000, true, formation(2000));
    expect(new Set(edgesOf(t).map((e) => e.linkClass))).toEqual(new Set(['cluster']));
    const bare = topo(clusters, 'cluster', 1000, false, formation(2000));
    expect(bare.forEachEdge).toBeNull();
    expect(bare.counts.cluster).toBe(8);
  });

  it('neighbours farther than the range at some point of the orbit: no links, degree 0', () => {
    const t = topo(clusters, 'cluster', 1000, true, formation(2000.001));
    expect(t.counts.cluster).toBe(0);
    expect(t.degree.cluster).toBe(0);
    expect(edgesOf(t)).toEqual([]);
  });

  it('a formation with a different member count is refused', () => {
    expect(() => topo(shell(4, 4, 0, { pattern: 'cluster' }), 'cluster', 1000, true, formation(10))).toThrow(
      'cluster topology needs one relative orbit per member',
    );
    expect(() => topo(clusters, 'cluster')).toThrow(RangeError);
  });
});

describe('seam', () => {
  /**
   * Link topology across the seam (src/constellation/links/linkTopology.ts). Oracle: the Walker-delta geometry itself.
   * Plane p has RAAN 2πp/P and slot s argument of latitude u = 2πs/S + 2πFp/(PS) (Walker 1984), so every link of a
   * class, seam links included, must join two satellites with the same (ΔRAAN, Δu) modulo 2π:
   * in-plane (0, 2π/S), cross-plane (2π/P, 2πF/(PS)), diagonal (2π/P, 2π/S + 2πF/(PS)).
   */
  const TWO_PI = 2 * Math.PI;
  const mod2pi = (x: number): number => ((x % TWO_PI) + TWO_PI) % TWO_PI;

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
        const sh = shell(P, S, F);
        const t = topo(sh, 'mesh');
        expectLinks(t, [P * S, P * S, P * S], [2, 2, 2]);
        expect(edgesOf(t)).toHaveLength(3 * P * S);
        const degree = new Array<number>(P * S).fill(0);
        for (const e of edgesOf(t)) {
          const [dRaan, du] = offsets(sh, e.u, e.v);
          const [wantRaan, wantU] = expected(sh, e.linkClass);
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
      const t = topo(shell(4, 10, 1), 'mesh', 3); // stride ⌈10/3⌉ = 4: base slots 0, 4, 8 covering 4, 4, 2 slots
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
      for (const e of edgesOf(t)) expect(t.representatives[e.representative]!.linkClass).toBe(e.linkClass);
    });
  });

  describe('shells without a seam, and degenerate shells', () => {
    it('Walker star and a partial LTAN band are cylinders: P − 1 plane pairs, no seam link', () => {
      for (const sh of [
        shell(4, 6, 1, { pattern: 'walker-star' }),
        shell(4, 6, 1, { pattern: 'sso-ltan', ltanBand_h: 12 }),
      ]) {
        const t = topo(sh, 'mesh');
        expect(t.counts).toEqual({ inPlane: 24, crossPlane: 18, diagonal: 18, cluster: 0 });
        expect(t.representatives.some((r) => r.seam)).toBe(false);
        expect(t.degree.crossPlane).toBe(2); // interior planes still have two neighbours
      }
      // a full 24 h LTAN band closes the seam
      expect(topo(shell(4, 6, 1, { pattern: 'sso-ltan', ltanBand_h: 24 }), 'grid').counts.crossPlane).toBe(24);
    });

    it('grid has no diagonals; ring has in-plane links only; none has nothing', () => {
      expect(topo(shell(4, 6, 1), 'grid').counts).toEqual({ inPlane: 24, crossPlane: 24, diagonal: 0, cluster: 0 });
      expect(topo(shell(4, 6, 1), 'ring').counts).toEqual({ inPlane: 24, crossPlane: 0, diagonal: 0, cluster: 0 });
      const none = topo(shell(4, 6, 1), 'none');
      expect([none.counts, none.representatives, edgesOf(none)]).toEqual([
        { inPlane: 0, crossPlane: 0, diagonal: 0, cluster: 0 },
        [],
        [],
      ]);
    });

    it('S = 2: one in-plane link per plane; S = 1: none; P = 2: one cross-plane link per slot, no seam; P = 1: none', () => {
      expect(topo(shell(3, 2, 0), 'ring')).toMatchObject({ counts: { inPlane: 3 }, degree: { inPlane: 1 } });
      expect(topo(shell(3, 1, 0), 'mesh')).toMatchObject({
        counts: { inPlane: 0, diagonal: 0 },
        degree: { inPlane: 0, diagonal: 0 },
      });
      expect(topo(shell(2, 5, 1), 'mesh')).toMatchObject({
        counts: { crossPlane: 5, diagonal: 5 },
        degree: { crossPlane: 1, diagonal: 1 },
      });
      expect(topo(shell(1, 5, 0), 'mesh')).toMatchObject({
        counts: { inPlane: 5, crossPlane: 0, diagonal: 0 },
        degree: { crossPlane: 0 },
      });
    });

    it('explicit edges only when asked; cluster topology only with the cluster pattern', () => {
      const implicit = linkTopology({
        shell: shell(3, 4, 1),
        topology: 'mesh',
        clusterLinkRange_m: 0,
        maxRepresentativesPerClass: 8,
        explicitEdges: false,
      });
      expect(implicit.forEachEdge).toBeNull();
      expect(() => topo(shell(3, 4, 1), 'cluster')).toThrow(/does not fit pattern/);
    });
  });
});
