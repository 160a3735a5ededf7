/**
 * The downlink forest routing (downlinkRouting.ts) is a feasible flow: on small shells of the kinds the large downlink
 * shells fly (a 53° Walker delta torus with a 40° cutoff, an open sun-synchronous band with a 70° cutoff, a single
 * ring; +Grid and mesh), at sampled instants, its rate is positive and never above the exact downlink LP on the
 * instant's live links (networkFlowLp.ts through networkThroughput, solved here), and the closed-form upper bound
 * (torusDownlinkBound, ISL capacities at their largest) is never below that LP. Oracles: liveLinks.ts (the instant's
 * links on exact circular orbits, independent of the models' capacity code); a hand case (a 4-satellite ring with one
 * gateway), whose rate is the least of the two arcs into the gateway satellite over the two satellites each carries.
 */
import { describe, expect, it } from 'vitest';
import { createLpSolver } from '../../../solvers/lp/index.js';
import { downlinkForestRate_bps } from '../../../src/constellation/network/downlinkRouting.js';
import { downlinkMaxFlowRate_bps } from '../../../src/constellation/network/downlinkMaxFlow.js';
import { liveAdjacency } from '../../../src/constellation/network/liveGraphBounds.js';
import { networkThroughput, type LinkEdge } from '../../../src/constellation/network/graph/network.js';
import type { GatewayAccess } from '../../../src/constellation/network/graph/networkCheck.js';
import { torusDownlinkBound } from '../../../src/constellation/network/torus/torus.js';
import type { LiveGraphArrays } from '../../../src/constellation/network/liveGraphBounds.js';
import { liveLinks } from './liveLinks.js';
import type { CircularShell } from './circularShell.js';
import { EARTH_RADIUS_m } from '../../helpers/constants.js';
import { deg } from '../../helpers/units.js';

const lp = await createLpSolver();

/** liveLinks' edges (per satellite: in-plane, then cross-plane, then diagonal) as the arrays the routing reads. */
function arrays(sh: CircularShell, edges: readonly LinkEdge[], mesh: boolean, seam: boolean): LiveGraphArrays {
  const { planes: P, satsPerPlane: S } = sh;
  const n = P * S;
  const inPlane = new Float64Array(n),
    cross = new Float64Array(n),
    diagonal = mesh ? new Float64Array(n) : null;
  let k = 0;
  for (let q = 0; q < P; q++)
    for (let s = 0; s < S; s++) {
      const v = q * S + s;
      inPlane[v] = edges[k++]!.capacity_bps;
      if (q === P - 1 && !seam) continue;
      cross[v] = edges[k++]!.capacity_bps;
      if (diagonal !== null) diagonal[v] = edges[k++]!.capacity_bps;
    }
  expect(k).toBe(edges.length);
  return {
    planes: P,
    satsPerPlane: S,
    phasing: sh.phasing,
    seam,
    cross_bps: cross,
    inPlane_bps: inPlane,
    diagonal_bps: diagonal,
  };
}

/**
 * Gateways: station m sees every satellite v with (v + 5m) mod `every` = 0, access links of `access` b/s; stations of
 * the given capacities (chosen so stations, access links or the ISLs bind).
 */
function gateways(n: number, every: number, access: number, stations: readonly number[]): GatewayAccess[] {
  const sinks: GatewayAccess[] = [];
  stations.forEach((_, m) => {
    for (let v = 0; v < n; v++)
      if ((v + 5 * m) % every === 0) sinks.push({ node: v, station: m, capacity_bps: access });
  });
  return sinks;
}

function shell(kind: 'delta' | 'band' | 'ring', P: number, S: number): CircularShell {
  return {
    planes: P,
    satsPerPlane: S,
    phasing: 1,
    radius_m: EARTH_RADIUS_m + 1100e3,
    inclination_rad: (kind === 'delta' ? 53 : 97.6) * deg,
    raanSpread_rad: kind === 'band' ? P * 4 * deg : 2 * Math.PI,
  };
}

/** A ring of four satellites, every link 10 Gb/s. */
const RING: LiveGraphArrays = {
  planes: 1,
  satsPerPlane: 4,
  phasing: 0,
  seam: false,
  cross_bps: new Float64Array(4),
  inPlane_bps: Float64Array.from([10e9, 10e9, 10e9, 10e9]),
  diagonal_bps: null,
};

describe('downlink forest routing', () => {
  it('a 4-satellite ring with one gateway: λ = the two arcs into it / 3, exact (a maximum flow below 20,000)', () => {
    // ring 0–1–2–3–0, gateway at 0: satellites 1 and 3 each reach it in one hop, 2 in two. The forest sends 2 via 1
    // (the first found): arc 1→0 carries 2λ ≤ 10 Gb/s, λ = 5 Gb/s. Exact: the two arcs into 0 (20 Gb/s) carry 3λ,
    // λ = 20/3 Gb/s, half of 2's traffic each way.
    const g = RING;
    const sinks = [{ node: 0, station: 0, capacity_bps: 1e12 }];
    // the station (40 Gb/s) carries 4λ = 26.7 Gb/s: the arcs bind
    expect(downlinkForestRate_bps(g, sinks, Float64Array.from([40e9]), lp)).toBeCloseTo(20e9 / 3, -3);
    // a station of 8 Gb/s binds: λ = 8/4 = 2 Gb/s
    expect(downlinkForestRate_bps(g, sinks, Float64Array.from([8e9]), lp)).toBeCloseTo(2e9, -3);
    // a link down isolates nothing on a ring; two down cut satellite 2 off: 0
    const cut = { ...g, inPlane_bps: Float64Array.from([10e9, 0, 0, 10e9]) };
    expect(downlinkForestRate_bps(cut, sinks, Float64Array.from([40e9]), lp)).toBe(0);
  });

  it('the maximum flow alone on the ring: 20/3 Gb/s, 2 Gb/s under an 8 Gb/s station, 0 with satellite 2 cut off', () => {
    // Dinkelbach from the access/station bound: at 40 Gb/s stations λ starts at 10 Gb/s; the cut around {1, 2, 3}
    // leaves 20 Gb/s for 3 satellites: 20/3, which saturates. At 8 Gb/s it starts at 2 and saturates at once.
    const g = RING;
    const sinks = [{ node: 0, station: 0, capacity_bps: 1e12 }];
    const rate = (x: LiveGraphArrays, station: number): number =>
      downlinkMaxFlowRate_bps(4, liveAdjacency(x), sinks, Float64Array.from([station]));
    expect(rate(g, 40e9)).toBeCloseTo(20e9 / 3, -3);
    expect(rate(g, 8e9)).toBeCloseTo(2e9, -3);
    expect(rate({ ...g, inPlane_bps: Float64Array.from([10e9, 0, 0, 10e9]) }, 40e9)).toBe(0);
  });

  const cases = [
    ['delta', 6, 8, true, 40, false],
    ['delta', 6, 8, true, 40, true],
    ['band', 6, 8, false, 70, false],
    ['band', 6, 8, false, 70, true],
    ['ring', 1, 24, false, 90, false],
  ] as const;
  const budgets = [
    { label: 'stations bind', every: 5, access: 20e9, stations: [4e9, 4e9, 2e9] },
    { label: 'access links bind', every: 7, access: 1e9, stations: [1e12, 1e12, 1e12] },
    { label: 'ISLs bind', every: 11, access: 1e13, stations: [1e14, 1e14, 1e14] },
  ];
  for (const [kind, P, S, seam, cutoff, mesh] of cases)
    for (const b of budgets)
      it(`${kind} ${P} × ${S}, cutoff ${cutoff}°, ${mesh ? 'mesh' : '+Grid'}, ${b.label}: 0 < routing ≤ LP ≤ upper`, () => {
        const sh = shell(kind, P, S);
        const n = P * S;
        for (const u0 of [0.3, 1.2]) {
          const live = liveLinks(sh, u0, cutoff * deg, mesh, seam);
          const sinks = gateways(n, b.every, b.access, b.stations);
          const stationCapacity_bps = Float64Array.from(b.stations);
          const lower = downlinkForestRate_bps(arrays(sh, live.edges, mesh, seam), sinks, stationCapacity_bps, lp);
          const exact = networkThroughput({
            graph: { nodes: n, edges: live.edges },
            traffic: { kind: 'downlink', sinks, stationCapacity_bps },
            lpSolver: lp,
          }).throughputPerNode_bps;
          const visible = new Set(sinks.map((s) => s.node)).size;
          const largest = (f: (e: LinkEdge, i: number) => boolean): number =>
            Math.max(0, ...live.edges.filter(f).map((e) => e.capacity_bps));
          const upper = torusDownlinkBound({
            satellites: n,
            visibleSatellites: visible,
            stationCapacity_bps: b.stations.reduce((a, c) => a + c, 0),
            accessCapacity_bps: visible * b.access,
            inPlaneCapacity_bps: largest((e) => Math.floor(e.u / S) === Math.floor(e.v / S)),
            crossPlaneCapacity_bps: largest((e) => Math.floor(e.u / S) !== Math.floor(e.v / S)),
          }).throughputPerNodeUpperBound_bps;
          expect(lower).toBeGreaterThan(0);
          expect(lower).toBeLessThanOrEqual(exact * (1 + 1e-6)); // the LP solver's tolerance
          // below MAX_FLOW_SATELLITES the maximum flow makes it exact: one commodity, so the LP's own optimum
          expect(lower).toBeGreaterThanOrEqual(exact * (1 - 1e-6));
          expect(upper).toBeGreaterThanOrEqual(exact * (1 - 1e-6));
        }
      });
});
