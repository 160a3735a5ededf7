/**
 * The link graph and traffic patterns of the ISL network model (network.ts), their input checks and the
 * connectivity test.
 *
 * Connectivity uses union–find (Tarjan, J. ACM 22(2) 215–225, 1975) over links of positive capacity:
 * if a demanded pair lies in different components the maximum concurrent flow is 0, which the model
 * reports as `disconnected` instead of solving an LP.
 */

export interface LinkEdge {
  readonly u: number;
  readonly v: number;
  readonly capacity_bps: number;
  readonly length_m: number;
}
export interface LinkGraph {
  readonly nodes: number;
  readonly edges: readonly LinkEdge[];
}
export interface UniformTraffic {
  readonly kind: 'uniform';
  /** Group (cluster) of every node; traffic stays within a group. Omitted = one group. */
  readonly group?: Int32Array;
}
export interface GatewayAccess {
  readonly node: number;
  readonly capacity_bps: number;
  readonly station: number;
}
export interface DownlinkTraffic {
  readonly kind: 'downlink';
  readonly sinks: readonly GatewayAccess[];
  readonly stationCapacity_bps: Float64Array;
}
export interface PairDemand {
  readonly source: number;
  readonly sink: number;
  /** Relative demand weight (commodity k ships demand·λ). */
  readonly demand: number;
}
export interface PairsTraffic {
  readonly kind: 'pairs';
  readonly commodities: readonly PairDemand[];
}
export type NetworkTraffic = UniformTraffic | DownlinkTraffic | PairsTraffic;

const isIndex = (i: number, n: number): boolean => Number.isInteger(i) && i >= 0 && i < n;
const isNonNegative = (x: number): boolean => Number.isFinite(x) && x >= 0;

export function checkGraph(g: LinkGraph): void {
  if (!(Number.isInteger(g.nodes) && g.nodes >= 1))
    throw new RangeError(`graph nodes must be an integer ≥ 1, got ${g.nodes}`);
  g.edges.forEach((e, i) => {
    if (!isIndex(e.u, g.nodes) || !isIndex(e.v, g.nodes))
      throw new RangeError(`edge ${i} (${e.u}–${e.v}) names a node outside 0…${g.nodes - 1}`);
    if (!isNonNegative(e.capacity_bps))
      throw new RangeError(`edge ${i} capacity_bps must be finite and ≥ 0, got ${e.capacity_bps}`);
    if (!isNonNegative(e.length_m))
      throw new RangeError(`edge ${i} length_m must be finite and ≥ 0, got ${e.length_m}`);
  });
}

export function checkTraffic(g: LinkGraph, t: NetworkTraffic): void {
  if (t.kind === 'uniform') {
    if (t.group !== undefined && t.group.length !== g.nodes)
      throw new RangeError(`group has ${t.group.length} entries for ${g.nodes} nodes`);
  } else if (t.kind === 'downlink') {
    t.stationCapacity_bps.forEach((c, j) => {
      if (!isNonNegative(c)) throw new RangeError(`stationCapacity_bps[${j}] must be finite and ≥ 0, got ${c}`);
    });
    t.sinks.forEach((s, i) => {
      if (!isIndex(s.node, g.nodes)) throw new RangeError(`sink ${i} node ${s.node} is outside 0…${g.nodes - 1}`);
      if (!isIndex(s.station, t.stationCapacity_bps.length))
        throw new RangeError(`sink ${i} station ${s.station} is outside 0…${t.stationCapacity_bps.length - 1}`);
      if (!isNonNegative(s.capacity_bps))
        throw new RangeError(`sink ${i} capacity_bps must be finite and ≥ 0, got ${s.capacity_bps}`);
    });
  } else {
    t.commodities.forEach((c, i) => {
      if (!isIndex(c.source, g.nodes) || !isIndex(c.sink, g.nodes))
        throw new RangeError(`commodity ${i} (${c.source}→${c.sink}) names a node outside 0…${g.nodes - 1}`);
      if (c.source === c.sink) throw new RangeError(`commodity ${i} has source = sink = ${c.source}`);
      if (!isNonNegative(c.demand))
        throw new RangeError(`commodity ${i} demand must be finite and ≥ 0, got ${c.demand}`);
    });
  }
}

function makeUnionFind(n: number): { find: (v: number) => number; union: (a: number, b: number) => void } {
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const find = (v: number): number => {
    let r = v;
    while (parent[r] !== r) r = parent[r]!;
    while (parent[v] !== r) {
      const next = parent[v]!;
      parent[v] = r;
      v = next;
    }
    return r;
  };
  return {
    find,
    union: (a, b) => {
      parent[find(a)] = find(b);
    },
  };
}

/** True when every demanded pair is joined by links of positive capacity. */
export function connectedForTraffic(g: LinkGraph, t: NetworkTraffic): boolean {
  const stations = t.kind === 'downlink' ? t.stationCapacity_bps.length : 0;
  const superSink = g.nodes + stations;
  const uf = makeUnionFind(superSink + 1);
  for (const e of g.edges) if (e.capacity_bps > 0) uf.union(e.u, e.v);
  if (t.kind === 'downlink') {
    for (const s of t.sinks) if (s.capacity_bps > 0) uf.union(s.node, g.nodes + s.station);
    t.stationCapacity_bps.forEach((c, j) => {
      if (c > 0) uf.union(g.nodes + j, superSink);
    });
    for (let v = 0; v < g.nodes; v++) if (uf.find(v) !== uf.find(superSink)) return false;
    return true;
  }
  if (t.kind === 'pairs') return t.commodities.every((c) => c.demand === 0 || uf.find(c.source) === uf.find(c.sink));
  const rootOfGroup = new Map<number, number>();
  for (let v = 0; v < g.nodes; v++) {
    const grp = t.group?.[v] ?? 0;
    const root = rootOfGroup.get(grp);
    if (root === undefined) rootOfGroup.set(grp, uf.find(v));
    else if (root !== uf.find(v)) return false;
  }
  return true;
}
