/**
 * Snapshot link graphs of a small shell (src/constellation/links/linkGraph.ts) against positions
 * worked out by hand from the Walker elements: satellite (p, s) at RAAN 2πp/P and argument of latitude
 * u = 2πs/S + 2πpF/(PS) + n·t (two-body; SGP4's short-period terms move a satellite by ~0.1 %, inside the
 * tolerances and the ≥ 2° latitude margins used below). A snapshot link carries capacity only if, at that instant,
 * its line of sight clears the grazing height (the chord's closest point to Earth's centre is r·cos(θ/2) for two
 * satellites θ apart) and, for cross-plane links, both ends are within the latitude cutoff; what its representative
 * met at other samples does not enter; it only decides whether the link needs a terminal (maxLinkDegree).
 */
import { describe, expect, it } from 'vitest';
import { buildSnapshotGraph, maxLinkDegree, type GraphContext } from '../../../src/constellation/links/linkGraph.js';
import type { RepresentativeStats } from '../../../src/constellation/links/linkSampling.js';
import { linkTopology } from '../../../src/constellation/links/linkTopology.js';
import { planeElements } from '../../../src/constellation/geometry/pattern.js';
import { propagatePlane } from '../../../src/constellation/geometry/propagate.js';
import type { ShellGeometrySpec } from '../../../src/constellation/design/types.js';
import { shell as shellSpec } from '../../helpers/shellSpec.js';
import { beamRate } from '../../helpers/linkTerminals.js';
import { deg } from '../../helpers/units.js';
import { EARTH_MU_m3_s2 as MU_m3_s2, EARTH_RADIUS_m } from '../../helpers/constants.js';
import { edgesOf } from '../../helpers/shellEdges.js';

const [P, S, F] = [3, 4, 1];
const INC = 53 * deg;
const ALT_m = 550e3;
const R = EARTH_RADIUS_m + ALT_m;
const shell: ShellGeometrySpec = shellSpec({
  name: 'g',
  altitude_m: ALT_m,
  inclination_rad: INC,
  planes: P,
  satsPerPlane: S,
  phasing: F,
});
const window = { epochIso: '2026-03-20T00:00:00Z', duration_s: 600, step_s: 60 }; // 11 samples
// Far field at every range (ff/d² ≤ 1e-14): 1e24 · (1 − exp(−1e-2/d²)) = 1e22/d² to 1e-14.
const rate = beamRate(1e-2, 1e24, 1e30);
const topology = linkTopology({
  shell,
  topology: 'grid',
  clusterLinkRange_m: 0,
  maxRepresentativesPerClass: 1000,
  explicitEdges: true,
});
/** Representative i's window statistics: on at `up(i)` of 11 samples at rate 1e9 + 1e7·i, blocked at the others. */
const stats = (up: (rep: number) => number): RepresentativeStats[] =>
  topology.representatives.map(
    (_, i) =>
      ({
        rangeSum_m: 11 * (3e6 + 1e5 * i),
        rateSum_bps: up(i) * (1e9 + 1e7 * i),
        upSamples: up(i),
        blockedSamples: 11 - up(i),
      }) as RepresentativeStats,
  );
const context = (o: Partial<GraphContext>): GraphContext => ({
  shell,
  window,
  tracks: new Map(),
  slotPhase_rad: (s) => (2 * Math.PI * s) / S,
  motion: null,
  grazingHeight_m: 100e3,
  slewLimit_rad_s: Infinity,
  cutoff: null,
  k: 0,
  rate,
  ...o,
});

/** Hand position of node q = p·S + s at time t. */
function position(q: number, t_s: number): [number, number, number] {
  const p = Math.floor(q / S),
    s = q % S;
  const raan = (2 * Math.PI * p) / P;
  const u = (2 * Math.PI * s) / S + (2 * Math.PI * p * F) / (P * S) + Math.sqrt(MU_m3_s2 / R ** 3) * t_s;
  return [
    R * (Math.cos(raan) * Math.cos(u) - Math.sin(raan) * Math.sin(u) * Math.cos(INC)),
    R * (Math.sin(raan) * Math.cos(u) + Math.cos(raan) * Math.sin(u) * Math.cos(INC)),
    R * Math.sin(u) * Math.sin(INC),
  ];
}
const latitude = (v: number[]): number => Math.abs(Math.asin(v[2]! / R));
interface Hand {
  length_m: number;
  /** Lowest altitude of the line of sight [m]. */
  losAltitude_m: number;
  latA: number;
  latB: number;
}
function hand(u: number, v: number, t_s: number): Hand {
  const a = position(u, t_s),
    b = position(v, t_s);
  const length_m = Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
  const theta = 2 * Math.asin(length_m / (2 * R));
  return { length_m, losAltitude_m: R * Math.cos(theta / 2) - EARTH_RADIUS_m, latA: latitude(a), latB: latitude(b) };
}

describe('buildSnapshotGraph', () => {
  it('no cutoff, nothing blocked: a link carries K/d² exactly when its line of sight clears the grazing height', () => {
    // in-plane chord of S = 4: θ = 90°, closest point r·cos 45° = 4,899 km from the centre, 1,479 km below the
    // surface. The grazing height is put between two of the links' hand-worked line-of-sight altitudes, at the
    // widest gap, so some links clear it and some do not.
    const alt = edgesOf(topology)
      .map((e) => hand(e.u, e.v, 0).losAltitude_m)
      .sort((a, b) => a - b);
    let g = 1;
    for (let j = 1; j < alt.length; j++) if (alt[j]! - alt[j - 1]! > alt[g]! - alt[g - 1]!) g = j;
    const grazing_m = (alt[g]! + alt[g - 1]!) / 2;
    expect(alt[g]! - alt[g - 1]!).toBeGreaterThan(100e3);
    const snapshot = buildSnapshotGraph(topology.forEachEdge!, context({ grazingHeight_m: grazing_m }));
    expect(snapshot.nodes).toBe(12);
    expect(snapshot.sampleIndex).toBe(0);
    expect(snapshot.edges).toHaveLength(edgesOf(topology).length);
    let clear = 0;
    for (const e of snapshot.edges) {
      const h = hand(e.u, e.v, 0);
      expect(e.length_m / h.length_m - 1).toBeCloseTo(0, 2);
      if (e.class === 'inPlane') expect(e.length_m / (Math.SQRT2 * R) - 1).toBeCloseTo(0, 2);
      const on = h.losAltitude_m >= grazing_m;
      if (on) clear++;
      if (on) expect(e.capacity_bps / (1e22 / e.length_m ** 2) - 1).toBeCloseTo(0, 12);
      else expect(e.capacity_bps).toBe(0);
    }
    expect(clear).toBeGreaterThan(0);
    expect(clear).toBeLessThan(snapshot.edges.length);
  });

  it('latitude cutoff 35°: a cross-plane link with either end beyond it carries nothing; in-plane links ignore it', () => {
    for (const k of [0, 5]) {
      const t_s = k * 60;
      const snapshot = buildSnapshotGraph(
        topology.forEachEdge!,
        context({ cutoff: 35 * deg, grazingHeight_m: -EARTH_RADIUS_m, k }),
      );
      let decided = 0,
        cut = 0;
      for (const e of snapshot.edges) {
        const h = hand(e.u, e.v, t_s);
        if (e.class === 'inPlane') {
          expect(e.capacity_bps).toBeGreaterThan(0); // no grazing limit here, no cutoff for in-plane links
          continue;
        }
        if (Math.abs(h.latA - 35 * deg) < 2 * deg || Math.abs(h.latB - 35 * deg) < 2 * deg) continue;
        decided++;
        const beyond = h.latA > 35 * deg || h.latB > 35 * deg;
        if (beyond) cut++;
        expect(e.capacity_bps === 0).toBe(beyond);
      }
      expect(decided).toBeGreaterThanOrEqual(8);
      expect(cut).toBeGreaterThanOrEqual(2);
      expect(cut).toBeLessThan(decided);
    }
  });

  it('at sample 5 (300 s) the satellites have moved 18.8° along their orbits; tracks given or not, the same graph', () => {
    const full = new Map([[1, propagatePlane(planeElements(shell, 1, window.epochIso), window)]]);
    for (const tracks of [new Map(), full]) {
      const snapshot = buildSnapshotGraph(topology.forEachEdge!, context({ k: 5, tracks }));
      expect(snapshot.sampleIndex).toBe(5);
      for (const e of snapshot.edges) expect(e.length_m / hand(e.u, e.v, 300).length_m - 1).toBeCloseTo(0, 2);
    }
  });

  it('a link blocked at other samples is on in the snapshot where it clears, and needs its terminals', () => {
    // Cross-plane representatives blocked at 2 of the 11 samples, every line of sight clear at the snapshot (grazing
    // height at the Earth's centre): the snapshot reads its own instant only, so every cross-plane link is on, and
    // each node keeps its 4 links.
    const cross = (i: number): boolean => topology.representatives[i]!.linkClass === 'crossPlane';
    const snapshot = buildSnapshotGraph(topology.forEachEdge!, context({ grazingHeight_m: -EARTH_RADIUS_m }));
    expect(snapshot.edges.filter((e) => e.class === 'crossPlane' && e.capacity_bps > 0)).toHaveLength(
      edgesOf(topology).filter((e) => e.linkClass === 'crossPlane').length,
    );
    expect(
      maxLinkDegree(
        topology.forEachEdge!,
        stats((i) => (cross(i) ? 9 : 11)),
        12,
      ),
    ).toBe(4);
  });

  it('a link never on adds no terminal', () => {
    const cross = (i: number): boolean => topology.representatives[i]!.linkClass === 'crossPlane';
    expect(
      maxLinkDegree(
        topology.forEachEdge!,
        stats((i) => (cross(i) ? 0 : 11)),
        12,
      ),
    ).toBe(2); // the in-plane ring only
    expect(
      maxLinkDegree(
        topology.forEachEdge!,
        stats(() => 0),
        12,
      ),
    ).toBe(0);
  });
});
