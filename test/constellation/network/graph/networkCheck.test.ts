import { describe, expect, it } from 'vitest';
import {
  checkGraph,
  checkTraffic,
  connectedForTraffic,
} from '../../../../src/constellation/network/graph/networkCheck.js';
import type { LinkEdge, LinkGraph, NetworkTraffic } from '../../../../src/constellation/network/graph/network.js';

const edge = (u: number, v: number, capacity_bps = 1, length_m = 1): LinkEdge => ({ u, v, capacity_bps, length_m });

/** Path graph 0–1–…–(n−1), every link of capacity 1. */
const path = (n: number): LinkGraph => ({ nodes: n, edges: Array.from({ length: n - 1 }, (_, i) => edge(i, i + 1)) });

describe('checkGraph', () => {
  it('accepts the smallest valid values: one node, node indices 0 and n − 1, capacity and length 0', () => {
    expect(() => checkGraph({ nodes: 1, edges: [] })).not.toThrow();
    expect(() => checkGraph({ nodes: 3, edges: [edge(0, 2, 0, 0), edge(2, 0)] })).not.toThrow();
  });

  it('refuses a node count that is not an integer ≥ 1, naming it', () => {
    expect(() => checkGraph({ nodes: 0, edges: [] })).toThrow(
      new RangeError('graph nodes must be an integer ≥ 1, got 0'),
    );
    expect(() => checkGraph({ nodes: 2.5, edges: [] })).toThrow(/got 2\.5$/);
    expect(() => checkGraph({ nodes: -1, edges: [] })).toThrow(RangeError);
  });

  it('refuses an end outside 0 … n − 1 at either end, naming the edge and the range', () => {
    const g = (e: LinkEdge): LinkGraph => ({ nodes: 3, edges: [edge(0, 1), e] });
    expect(() => checkGraph(g(edge(0, 3)))).toThrow(new RangeError('edge 1 (0–3) names a node outside 0…2'));
    expect(() => checkGraph(g(edge(3, 0)))).toThrow(new RangeError('edge 1 (3–0) names a node outside 0…2'));
    expect(() => checkGraph(g(edge(-1, 0)))).toThrow(/edge 1 \(-1–0\)/);
    expect(() => checkGraph(g(edge(0, 0.5)))).toThrow(RangeError);
  });

  it('refuses a negative or non-finite capacity or length, naming the field and the value', () => {
    const g = (e: LinkEdge): LinkGraph => ({ nodes: 2, edges: [e] });
    expect(() => checkGraph(g(edge(0, 1, -1)))).toThrow(
      new RangeError('edge 0 capacity_bps must be finite and ≥ 0, got -1'),
    );
    expect(() => checkGraph(g(edge(0, 1, Infinity)))).toThrow(/capacity_bps .* got Infinity/);
    expect(() => checkGraph(g(edge(0, 1, NaN)))).toThrow(/capacity_bps .* got NaN/);
    expect(() => checkGraph(g(edge(0, 1, 1, -2)))).toThrow(
      new RangeError('edge 0 length_m must be finite and ≥ 0, got -2'),
    );
    expect(() => checkGraph(g(edge(0, 1, 1, Infinity)))).toThrow(/length_m .* got Infinity/);
  });
});

describe('checkTraffic', () => {
  const g = path(4);

  it('uniform: a group list must have one entry per node', () => {
    expect(() => checkTraffic(g, { kind: 'uniform' })).not.toThrow();
    expect(() => checkTraffic(g, { kind: 'uniform', group: Int32Array.of(0, 0, 1, 1) })).not.toThrow();
    expect(() => checkTraffic(g, { kind: 'uniform', group: Int32Array.of(0, 0, 1) })).toThrow(
      new RangeError('group has 3 entries for 4 nodes'),
    );
  });

  it('downlink: station capacities, sink nodes, sink stations and sink capacities in range', () => {
    const t = (sinks: { node: number; capacity_bps: number; station: number }[], st = [1, 0]): NetworkTraffic => ({
      kind: 'downlink',
      sinks,
      stationCapacity_bps: Float64Array.from(st),
    });
    expect(() => checkTraffic(g, t([{ node: 3, capacity_bps: 0, station: 1 }]))).not.toThrow();
    expect(() => checkTraffic(g, t([], [1, -1]))).toThrow(
      new RangeError('stationCapacity_bps[1] must be finite and ≥ 0, got -1'),
    );
    expect(() => checkTraffic(g, t([], [NaN]))).toThrow(/stationCapacity_bps\[0\] .* got NaN/);
    expect(() =>
      checkTraffic(
        g,
        t([
          { node: 0, capacity_bps: 1, station: 0 },
          { node: 4, capacity_bps: 1, station: 0 },
        ]),
      ),
    ).toThrow(new RangeError('sink 1 node 4 is outside 0…3'));
    expect(() => checkTraffic(g, t([{ node: 0, capacity_bps: 1, station: 2 }]))).toThrow(
      new RangeError('sink 0 station 2 is outside 0…1'),
    );
    expect(() => checkTraffic(g, t([{ node: 0, capacity_bps: 1, station: -1 }]))).toThrow(/station -1/);
    expect(() => checkTraffic(g, t([{ node: 0, capacity_bps: -3, station: 0 }]))).toThrow(
      new RangeError('sink 0 capacity_bps must be finite and ≥ 0, got -3'),
    );
  });

  it('pairs: ends in range, source ≠ sink, demand finite and ≥ 0', () => {
    const t = (source: number, sink: number, demand = 1): NetworkTraffic => ({
      kind: 'pairs',
      commodities: [
        { source: 0, sink: 1, demand: 1 },
        { source, sink, demand },
      ],
    });
    expect(() => checkTraffic(g, t(3, 0, 0))).not.toThrow();
    expect(() => checkTraffic(g, t(4, 0))).toThrow(new RangeError('commodity 1 (4→0) names a node outside 0…3'));
    expect(() => checkTraffic(g, t(0, 4))).toThrow(new RangeError('commodity 1 (0→4) names a node outside 0…3'));
    expect(() => checkTraffic(g, t(2, 2))).toThrow(new RangeError('commodity 1 has source = sink = 2'));
    expect(() => checkTraffic(g, t(1, 2, -1))).toThrow(
      new RangeError('commodity 1 demand must be finite and ≥ 0, got -1'),
    );
    expect(() => checkTraffic(g, t(1, 2, Infinity))).toThrow(/got Infinity/);
  });
});

describe('connectedForTraffic (union–find over links of positive capacity)', () => {
  it('uniform: a long path is connected whatever the edge order; a zero-capacity link joins nothing', () => {
    // Edges listed from the far end so the union–find trees grow deep before they are searched.
    const reversed: LinkGraph = { nodes: 6, edges: [...path(6).edges].reverse() };
    expect(connectedForTraffic(path(6), { kind: 'uniform' })).toBe(true);
    expect(connectedForTraffic(reversed, { kind: 'uniform' })).toBe(true);
    const cut: LinkGraph = { nodes: 6, edges: path(6).edges.map((e, i) => (i === 2 ? { ...e, capacity_bps: 0 } : e)) };
    expect(connectedForTraffic(cut, { kind: 'uniform' })).toBe(false);
    // A node with no link at all, last in the numbering.
    expect(connectedForTraffic({ nodes: 7, edges: path(6).edges }, { kind: 'uniform' })).toBe(false);
  });

  it('uniform with groups: each group must be connected, not the whole graph', () => {
    // Components {0, 1, 2} and {3, 4, 5} (link 2–3 off).
    const g: LinkGraph = { nodes: 6, edges: path(6).edges.map((e, i) => (i === 2 ? { ...e, capacity_bps: 0 } : e)) };
    expect(connectedForTraffic(g, { kind: 'uniform', group: Int32Array.of(0, 0, 0, 1, 1, 1) })).toBe(true);
    expect(connectedForTraffic(g, { kind: 'uniform', group: Int32Array.of(1, 1, 1, 0, 0, 0) })).toBe(true);
    expect(connectedForTraffic(g, { kind: 'uniform', group: Int32Array.of(0, 0, 1, 1, 1, 1) })).toBe(false);
    // Nodes alone in their group need nothing.
    expect(connectedForTraffic(g, { kind: 'uniform', group: Int32Array.of(0, 1, 2, 3, 4, 5) })).toBe(true);
  });

  it('pairs: only pairs with demand > 0 must be joined', () => {
    const g: LinkGraph = { nodes: 4, edges: [edge(0, 1), edge(2, 3)] };
    const pairs = (source: number, sink: number, demand: number): NetworkTraffic => ({
      kind: 'pairs',
      commodities: [
        { source: 1, sink: 0, demand: 1 },
        { source, sink, demand },
      ],
    });
    expect(connectedForTraffic(g, pairs(3, 2, 2))).toBe(true);
    expect(connectedForTraffic(g, pairs(0, 3, 0))).toBe(true);
    expect(connectedForTraffic(g, pairs(0, 3, 1))).toBe(false);
    expect(connectedForTraffic(g, pairs(2, 1, 1))).toBe(false);
  });

  it('downlink: every satellite must reach a station of positive capacity over access links of positive capacity', () => {
    // Path 0–1–2–3; node 3 sees station 0, node 0 sees station 1.
    const g = path(4);
    const t = (sink0: number, sink3: number, st0: number, st1: number): NetworkTraffic => ({
      kind: 'downlink',
      sinks: [
        { node: 3, capacity_bps: sink3, station: 0 },
        { node: 0, capacity_bps: sink0, station: 1 },
      ],
      stationCapacity_bps: Float64Array.of(st0, st1),
    });
    expect(connectedForTraffic(g, t(0, 1, 1, 0))).toBe(true);
    expect(connectedForTraffic(g, t(1, 0, 0, 1))).toBe(true);
    expect(connectedForTraffic(g, t(0, 1, 0, 1))).toBe(false); // station 0 has no capacity, station 1 no access
    expect(connectedForTraffic(g, t(1, 0, 1, 0))).toBe(false);
    expect(connectedForTraffic(g, t(0, 0, 1, 1))).toBe(false);
    // Link 1–2 off: nodes 0, 1 reach station 1 only, nodes 2, 3 station 0 only: every satellite still reaches one.
    const split: LinkGraph = { nodes: 4, edges: [edge(0, 1), edge(1, 2, 0), edge(2, 3)] };
    expect(connectedForTraffic(split, t(1, 1, 1, 1))).toBe(true);
    expect(connectedForTraffic(split, t(1, 1, 1, 0))).toBe(false);
    // A satellite with no link and no access (node 4) cannot send.
    expect(connectedForTraffic({ nodes: 5, edges: g.edges }, t(1, 1, 1, 1))).toBe(false);
  });
});
