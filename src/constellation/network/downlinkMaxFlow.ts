/**
 * The exact downlink rate of one instant's live graph when every satellite sends the same λ to any gateway: one
 * commodity (all traffic ends at the super-sink), so λ* is the largest λ for which a maximum flow from a super-source
 * (λ into every satellite) through the live ISLs (capacity c each way, an undirected link: opposite flows cancel),
 * the access links (satellite → station, their capacities) and the stations (→ super-sink, C_s) saturates every source
 * arc. λ* = min over source sides S of (capacity leaving S, source arcs aside) / (satellites in S), found by
 * Dinkelbach's iteration (Dinkelbach, Management Science 13(7), 1967): start at an upper bound, solve the maximum flow
 * (Dinic, Soviet Math. Doklady 11, 1970), and while it falls short set λ to the ratio of the minimum cut's source
 * side, which strictly decreases to λ*. The flow at the last λ saturates its sources: a routing, hence the rate
 * returned (reduced by 1e-9 relative for floating-point rounding) is a lower bound, and equal to λ* to that tolerance.
 * Validity: shells up to MAX_FLOW_SATELLITES (a maximum flow per iteration; larger shells keep the routings of
 * downlinkRouting.ts); positive capacities.
 */
import type { GatewayAccess } from './graph/networkCheck.js';

/** Largest shell solved exactly (downlinkRouting.ts takes larger ones alone). */
export const MAX_FLOW_SATELLITES = 20000;
const MAX_ITERATIONS = 30;
const ROUNDING = 1e-9;

/** Live ISLs as an adjacency (liveGraphBounds.ts liveAdjacency): slot k of node x joins x and to[k] by edge[k]. */
export interface IslAdjacency {
  readonly c: Float64Array;
  readonly start: Int32Array;
  readonly to: Int32Array;
  readonly edge: Int32Array;
}

class FlowNetwork {
  readonly head: Int32Array;
  readonly next: number[] = [];
  readonly to: number[] = [];
  readonly cap: number[] = [];
  /** Each arc's capacity before any flow. */
  readonly orig: number[] = [];
  readonly level: Int32Array;
  readonly iter: Int32Array;
  constructor(readonly nodes: number) {
    this.head = new Int32Array(nodes).fill(-1);
    this.level = new Int32Array(nodes);
    this.iter = new Int32Array(nodes);
  }
  /** An arc u → v of capacity a and its reverse of capacity b (b = a for an undirected link). */
  add(u: number, v: number, a: number, b: number): number {
    const k = this.to.length;
    this.to.push(v, u);
    this.cap.push(a, b);
    this.orig.push(a, b);
    this.next.push(this.head[u]!, this.head[v]!);
    this.head[u] = k;
    this.head[v] = k + 1;
    return k;
  }
  private bfs(s: number, t: number, eps: number): boolean {
    this.level.fill(-1);
    const queue = new Int32Array(this.nodes);
    let qh = 0,
      qt = 0;
    queue[qt++] = s;
    this.level[s] = 0;
    while (qh < qt) {
      const x = queue[qh++]!;
      for (let a = this.head[x]!; a !== -1; a = this.next[a]!)
        if (this.cap[a]! > eps && this.level[this.to[a]!] === -1) {
          this.level[this.to[a]!] = this.level[x]! + 1;
          queue[qt++] = this.to[a]!;
        }
    }
    return this.level[t] !== -1;
  }
  private dfs(x: number, t: number, f: number, eps: number): number {
    if (x === t) return f;
    for (; this.iter[x] !== -1; this.iter[x] = this.next[this.iter[x]!]!) {
      const a = this.iter[x]!,
        y = this.to[a]!;
      if (this.cap[a]! <= eps || this.level[y] !== this.level[x]! + 1) continue;
      const d = this.dfs(y, t, Math.min(f, this.cap[a]!), eps);
      if (d > 0) {
        this.cap[a]! -= d;
        this.cap[a ^ 1]! += d;
        return d;
      }
    }
    return 0;
  }
  /** Maximum flow s → t (Dinic); arcs with residual ≤ eps count as full. */
  maxFlow(s: number, t: number, eps: number): number {
    let total = 0;
    while (this.bfs(s, t, eps)) {
      this.iter.set(this.head);
      for (let f = this.dfs(s, t, Infinity, eps); f > 0; f = this.dfs(s, t, Infinity, eps)) total += f;
    }
    return total;
  }
}

/** λ* of the instant (header); 0 above MAX_FLOW_SATELLITES or when the iteration does not settle. */
export function downlinkMaxFlowRate_bps(
  N: number,
  isl: Readonly<IslAdjacency>,
  sinks: readonly GatewayAccess[],
  stationCapacity_bps: Float64Array,
): number {
  if (N < 1 || N > MAX_FLOW_SATELLITES || sinks.length === 0) return 0;
  const M = stationCapacity_bps.length;
  let access = 0;
  for (const s of sinks) access += s.capacity_bps;
  let stations = 0;
  for (let m = 0; m < M; m++) stations += stationCapacity_bps[m]!;
  let lambda = Math.min(access, stations) / N;
  for (let it = 0; it < MAX_ITERATIONS && lambda > 0; it++) {
    const net = new FlowNetwork(N + M + 2);
    const src = N + M,
      snk = N + M + 1;
    for (let v = 0; v < N; v++) net.add(src, v, lambda, 0);
    for (let x = 0; x < N; x++)
      for (let k = isl.start[x]!; k < isl.start[x + 1]!; k++) {
        const y = isl.to[k]!;
        if (x < y) net.add(x, y, isl.c[isl.edge[k]!]!, isl.c[isl.edge[k]!]!);
      }
    for (const s of sinks) net.add(s.node, N + s.station, s.capacity_bps, 0);
    for (let m = 0; m < M; m++) net.add(N + m, snk, stationCapacity_bps[m]!, 0);
    const eps = lambda * 1e-12;
    const flow = net.maxFlow(src, snk, eps);
    if (flow >= N * lambda * (1 - ROUNDING)) return lambda * (1 - ROUNDING);
    // the minimum cut's source side: the satellites and stations still reachable from the source
    const inS = net.level;
    let leaving = 0,
      satellites = 0;
    for (let u = 0; u < N + M; u++) {
      if (inS[u] === -1) continue;
      if (u < N) satellites++;
      for (let a = net.head[u]!; a !== -1; a = net.next[a]!) if (inS[net.to[a]!] === -1) leaving += net.orig[a]!;
    }
    if (satellites === 0) return 0;
    const next = leaving / satellites;
    if (!(next < lambda)) return 0;
    lambda = next;
  }
  return 0;
}
