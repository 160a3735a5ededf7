/**
 * Mesh path statistics in closed form (src/constellation/network/meshPaths.ts) against breadth-first search and
 * Dijkstra on the explicit graph linkTopology.ts lays for the same shell (every link, the seam and its twist
 * included), each edge given its class's length: fewest hops and least latency from every source, their pair
 * means, maximum and nearest-rank percentiles worked out here over all ordered pairs. And one count by hand.
 */
import { describe, expect, it } from 'vitest';
import { linkTopology } from '../../../src/constellation/links/linkTopology.js';
import {
  bfsHops,
  buildAdjacency,
  destinationPathStatistics,
  dijkstraLatency,
  rowPathStatistics,
} from '../../../src/constellation/network/graph/networkPaths.js';
import {
  cylinderMeshRows,
  meshHopLatency,
  torusMeshDestinations,
} from '../../../src/constellation/network/meshPaths.js';
import type { ShellGeometrySpec } from '../../../src/constellation/design/types.js';
import { shell as shellSpec, ssoShell } from '../../helpers/shellSpec.js';
import { SPEED_OF_LIGHT_m_s } from '../../helpers/constants.js';
import { edgesOf } from '../../helpers/shellEdges.js';

const LENGTHS = { inPlane_m: 1_000e3, crossPlane_m: 800e3, diagonal_m: 1_300e3 };
const DELAY_s = 1e-3;

/** Statistics over every ordered pair by graph search on the shell's own mesh links. */
function searched(g: ShellGeometrySpec) {
  const topo = linkTopology({
    shell: g,
    topology: 'mesh',
    clusterLinkRange_m: 0,
    maxRepresentativesPerClass: 1_000,
    explicitEdges: true,
  });
  const length = { inPlane: LENGTHS.inPlane_m, crossPlane: LENGTHS.crossPlane_m, diagonal: LENGTHS.diagonal_m };
  const edges = edgesOf(topo).map((e) => ({
    u: e.u,
    v: e.v,
    capacity_bps: 1,
    length_m: length[e.linkClass as keyof typeof length],
  }));
  const n = g.planes * g.satsPerPlane;
  const adj = buildAdjacency(n, edges, DELAY_s);
  const hops: number[] = [],
    lat: number[] = [];
  for (let o = 0; o < n; o++) {
    const h = bfsHops(adj, [o]),
      l = dijkstraLatency(adj, [o]);
    for (let d = 0; d < n; d++)
      if (d !== o) {
        hops.push(h[d]!);
        lat.push(l[d]!);
      }
  }
  lat.sort((a, b) => a - b);
  const rank = (q: number) => lat[Math.ceil(q * lat.length) - 1]!;
  return {
    meanHops: hops.reduce((a, b) => a + b, 0) / hops.length,
    maxHops: Math.max(...hops),
    meanLatency_s: lat.reduce((a, b) => a + b, 0) / lat.length,
    p50Latency_s: rank(0.5),
    p99Latency_s: rank(0.99),
    pairs: hops.length,
  };
}

function expectSame(closed: ReturnType<typeof rowPathStatistics>, oracle: ReturnType<typeof searched>) {
  expect(closed.meanHops).toBeCloseTo(oracle.meanHops, 12);
  expect(closed.maxHops).toBe(oracle.maxHops);
  expect(closed.meanLatency_s / oracle.meanLatency_s).toBeCloseTo(1, 12);
  expect(closed.p50Latency_s / oracle.p50Latency_s).toBeCloseTo(1, 12);
  expect(closed.p99Latency_s / oracle.p99Latency_s).toBeCloseTo(1, 12);
  expect(closed.pairs).toBe(oracle.pairs);
  expect(closed.unreachablePairs).toBe(0);
}

const h = meshHopLatency(LENGTHS, DELAY_s);

describe('mesh paths on the twisted torus (Walker delta, 24 h sso-ltan band)', () => {
  // S ≫ P (3 × 20, 4 × 17) makes paths around the plane ring pay; F = 0 and F = P − 1 bound the twist.
  for (const [P, S, F] of [
    [5, 7, 2],
    [6, 10, 1],
    [3, 20, 1],
    [4, 17, 3],
    [8, 4, 0],
    [7, 6, 6],
    [4, 2, 1],
  ] as const)
    it(`${P} × ${S}, F = ${F}: the closed form equals graph search over every pair`, () => {
      const g = shellSpec({ planes: P, satsPerPlane: S, phasing: F });
      const d = torusMeshDestinations(P, S, F, h);
      expectSame(destinationPathStatistics(d.minHops, d.latency_s), searched(g));
    });

  it('a 24 h sso-ltan band lays the same torus', () => {
    const g = ssoShell({ planes: 6, satsPerPlane: 10, ltanBand_h: 24, phasing: 1 });
    const d = torusMeshDestinations(6, 10, 1, h);
    expectSame(destinationPathStatistics(d.minHops, d.latency_s), searched(g));
  });
});

describe('mesh paths on the open cylinder (sso-ltan band narrower than 24 h, Walker star)', () => {
  for (const [P, S] of [
    [4, 6],
    [7, 5],
    [2, 9],
    [3, 16],
    [5, 2],
  ] as const)
    it(`${P} × ${S} band: the closed form equals graph search over every pair`, () => {
      const g = ssoShell({ planes: P, satsPerPlane: S, ltanBand_h: 1 });
      expectSame(rowPathStatistics(cylinderMeshRows(P, S, h), P * S), searched(g));
    });

  // 2 × 3 band: in-plane pairs (2 planes × 3 × 2 = 12) 1 hop; from (0, s) to plane 1: (1, s) cross and (1, s+1)
  // diagonal 1 hop, (1, s+2) 2 hops; the reverse the same: 12 pairs at 1 hop and 6 at 2. Mean (24 + 12)/30 = 1.2.
  // Least latency of (0, s)→(1, s+2) = (1, s−1): cross + in-plane (800 + 1,000 km) beats a diagonal + in-plane.
  it('2 × 3 band by hand: mean 1.2 hops, max 2', () => {
    const s = rowPathStatistics(cylinderMeshRows(2, 3, h), 6);
    expect(s.pairs).toBe(30);
    expect(s.meanHops).toBeCloseTo(1.2, 12);
    expect(s.maxHops).toBe(2);
    const w = (m: number) => m / SPEED_OF_LIGHT_m_s + DELAY_s;
    const mean = (6 * w(1_000e3) + 6 * w(1_000e3) + 6 * w(800e3) + 6 * w(1_300e3) + 6 * (w(800e3) + w(1_000e3))) / 30;
    expect(s.meanLatency_s / mean).toBeCloseTo(1, 12);
  });
});
