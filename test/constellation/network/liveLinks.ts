/**
 * Test oracles of the per-instant network models, built from the instant's own live links on exact circular orbits
 * (circularShell.ts), independent of the models' capacity code:
 * - the live links: in-plane (q, s)–(q, s+1); cross-plane (q, s)–(q+1, s), seam (P−1, s)–(0, s+F); diagonal
 *   (q, s)–(q+1, s+1), seam (P−1, s)–(0, s+F+1). A link is live when its line of sight clears R⊕ + 80 km and,
 *   cross-plane and diagonal, both ends are within the latitude cutoff; its capacity is rangeRate(1e13) at its length
 *   (bandShell.ts);
 * - a feasible routing: every ordered pair sends λ along one fewest-hop path (BFS on the live links, ties to the first
 *   neighbour found), λ the least capacity / load over the arcs; no maximum concurrent flow is below it;
 * - a cut: the least cut through the planes (test/helpers/planeCut.ts), cross-plane and diagonal links both counted.
 */
import { expect } from 'vitest';
import type { LinkEdge } from '../../../src/constellation/network/graph/network.js';
import type { InstantNetwork } from '../../../src/constellation/network/networkSeries.js';
import { leastPlaneCut_bps } from '../../helpers/planeCut.js';
import { linkRate_bps } from '../../../src/models/links/linkBudget.js';
import { circularPosition, circularTracks, type CircularShell } from './circularShell.js';
import { rangeRate, SERIES_LINKS } from './bandShell.js';
import { EARTH_RADIUS_m } from '../../helpers/constants.js';

const GRAZING_m = 80e3;
const RATE = rangeRate(1e13);

type V = [number, number, number];
const sub = (a: V, b: V): V => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
const dot = (a: V, b: V): number => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
function losAltitude_m(a: V, b: V): number {
  const d = sub(b, a);
  const k = Math.min(1, Math.max(0, -dot(a, d) / dot(d, d)));
  const c: V = [a[0] + k * d[0], a[1] + k * d[1], a[2] + k * d[2]];
  return Math.sqrt(dot(c, c)) - EARTH_RADIUS_m;
}

/**
 * The live links of the shell at u0 (header) and each plane gap's crossing capacity (cross-plane + diagonal); no link
 * from the last plane to the first when `seam` is false (an open cylinder: gap P − 1 then carries 0).
 */
export function liveLinks(sh: CircularShell, u0: number, cutoff_rad: number | null, mesh: boolean, seam = true) {
  const { planes: P, satsPerPlane: S, phasing: F } = sh;
  const edges: LinkEdge[] = [];
  const gap = new Array<number>(P).fill(0);
  const pos = (q: number, s: number): V => circularPosition(sh, u0, q, s);
  const within = (p: V): boolean =>
    cutoff_rad === null || Math.abs(Math.asin(p[2] / Math.sqrt(dot(p, p)))) <= cutoff_rad;
  const add = (qa: number, sa: number, qb: number, sb: number, across: boolean): void => {
    const a = pos(qa, sa),
      b = pos(qb, sb);
    const d = Math.sqrt(dot(sub(b, a), sub(b, a)));
    const live = losAltitude_m(a, b) >= GRAZING_m && (!across || (within(a) && within(b)));
    const c = live ? linkRate_bps(RATE, d) : 0;
    edges.push({ u: qa * S + sa, v: qb * S + sb, capacity_bps: c, length_m: d });
    if (across) gap[qa]! += c;
  };
  for (let q = 0; q < P; q++)
    for (let s = 0; s < S; s++) {
      add(q, s, q, (s + 1) % S, false);
      if (q === P - 1 && !seam) continue;
      add(q, s, ...(q < P - 1 ? ([q + 1, s] as const) : ([0, (s + F) % S] as const)), true);
      if (mesh) add(q, s, ...(q < P - 1 ? ([q + 1, (s + 1) % S] as const) : ([0, (s + F + 1) % S] as const)), true);
    }
  return { edges, gap };
}

/** Rate per node of the fewest-hop routing (header) on the live links; 0 when some pair has no path. */
export function shortestPathRouting_bps(n: number, edges: readonly LinkEdge[]): number {
  const adj: { to: number; arc: number }[][] = Array.from({ length: n }, () => []);
  const cap: number[] = [];
  for (const e of edges) {
    if (!(e.capacity_bps > 0)) continue;
    adj[e.u]!.push({ to: e.v, arc: cap.length });
    cap.push(e.capacity_bps);
    adj[e.v]!.push({ to: e.u, arc: cap.length });
    cap.push(e.capacity_bps);
  }
  const load = new Float64Array(cap.length);
  const parentArc = new Int32Array(n),
    order: number[] = [],
    seen = new Uint8Array(n),
    below = new Float64Array(n);
  for (let src = 0; src < n; src++) {
    seen.fill(0);
    order.length = 0;
    seen[src] = 1;
    order.push(src);
    const parent = new Int32Array(n).fill(-1);
    for (let h = 0; h < order.length; h++) {
      const v = order[h]!;
      for (const { to, arc } of adj[v]!) {
        if (seen[to]) continue;
        seen[to] = 1;
        parent[to] = v;
        parentArc[to] = arc;
        order.push(to);
      }
    }
    if (order.length < n) return 0;
    // each destination's unit of demand crosses every arc on its path: an arc's load is the size of the subtree below
    below.fill(1);
    for (let h = n - 1; h > 0; h--) {
      const v = order[h]!;
      load[parentArc[v]!]! += below[v]!;
      below[parent[v]!]! += below[v]!;
    }
  }
  let lambda = Infinity;
  load.forEach((l, a) => {
    if (l > 0) lambda = Math.min(lambda, cap[a]! / l);
  });
  return lambda * (n - 1);
}

/**
 * The +Grid and mesh bounds of one instant at u0 against the feasible routing and the least plane cut on their own
 * live links: the upper bound at least the routing, the figure (the lower bound, a routing of the model's) above 0 and
 * at most the cut, and the mesh's figure at least the +Grid's.
 */
export function expectBetweenRoutingAndCut(
  sh: CircularShell,
  u0: number,
  cutoff_rad: number | null,
  grid: InstantNetwork,
  mesh: InstantNetwork,
  seam: boolean,
): void {
  const { planes: P, satsPerPlane: S } = sh;
  for (const [diagonals, r] of [
    [false, grid],
    [true, mesh],
  ] as const) {
    const live = liveLinks(sh, u0, cutoff_rad, diagonals, seam);
    const routed = shortestPathRouting_bps(P * S, live.edges);
    const cut = leastPlaneCut_bps(P, S, live.gap);
    expect(routed).toBeGreaterThan(0);
    expect(r.upperBound_bps).toBeGreaterThanOrEqual(routed * (1 - 1e-9));
    expect(r.throughputPerNode_bps).toBeGreaterThan(0);
    expect(r.throughputPerNode_bps).toBeLessThanOrEqual(cut * (1 + 1e-9));
    expect(r.lowerBound_bps).toBe(r.throughputPerNode_bps);
  }
  expect(mesh.throughputPerNode_bps).toBeGreaterThanOrEqual(grid.throughputPerNode_bps);
}

/**
 * Adding a link class never lowers the worst instant: ring ≤ +Grid ≤ mesh, `worst` giving a series' least
 * throughput per node with the classes changed as asked.
 */
export function expectMonotoneInClasses(
  worst: (over: { crossPlaneUsable?: boolean; diagonalUsable?: boolean }) => number,
): void {
  const ring = worst({ crossPlaneUsable: false });
  const grid = worst({});
  const mesh = worst({ diagonalUsable: true });
  expect(grid).toBeGreaterThanOrEqual(ring);
  expect(mesh).toBeGreaterThanOrEqual(grid * (1 - 1e-12));
}

/** A reduced series' inputs for the shell at the instants u0s, its links as liveLinks lays them (header). */
export const liveSeriesInputs = (sh: CircularShell, cutoff_rad: number | null, u0s: readonly number[]) => ({
  planes: sh.planes,
  satsPerPlane: sh.satsPerPlane,
  phasing: sh.phasing,
  tracks: circularTracks(sh, u0s),
  instants: u0s.map((_, j) => j),
  ...SERIES_LINKS,
  rate: RATE,
  grazingHeight_m: GRAZING_m,
  latitudeCutoff_rad: cutoff_rad,
});
