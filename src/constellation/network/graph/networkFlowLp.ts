/**
 * Arc-flow linear program of the maximum concurrent multicommodity flow (Shahrokhi & Matula, "The
 * maximum concurrent flow problem", J. ACM 37(2), 318–334, 1990; Ahuja, Magnanti & Orlin, Network
 * Flows, 1993, ch. 17): maximise μ such that every commodity k can ship b_k·μ at once.
 *
 *   columns  f[k][a] ≥ 0 (flow of commodity k on arc a), μ ≥ 0
 *   rows     Σ_{a out of v} f[k][a] − Σ_{a into v} f[k][a] − b_k(v)·μ = 0     for every k, v
 *            Σ_k f[k][a] ≤ cap_a                                              for every arc a (K > 1)
 *   with K = 1 the capacity is a column bound instead of a row.
 *
 * b_k(v) is the commodity's supply (> 0 at sources, < 0 at sinks, Σ_v b_k(v) = 0). Capacities are
 * divided by the largest one so the LP works in O(1) numbers (jsLPSolver rounds to 1e-8 absolute).
 * Arcs of zero capacity get no columns: they carry nothing, and javascript-lp-solver 1.0.3 was seen to
 * stop at μ = 0 on such degenerate rows (a 3×4 torus with zero in-plane capacity).
 */
import type { LpModel } from '../../../optimize/lp.js';

/** Directed arcs in parallel arrays; capacities in any common unit. */
export interface ArcList {
  readonly from: Int32Array;
  readonly to: Int32Array;
  readonly capacity: Float64Array;
}

/** A commodity as a sparse supply vector: out − in = coeff·μ at `nodes[i]`. */
export interface Commodity {
  readonly nodes: Int32Array;
  readonly coeff: Float64Array;
}

export interface ConcurrentFlowLp {
  readonly model: LpModel;
  readonly arcs: number;
  /** Arcs of positive capacity, in order; column k·live.length + j is commodity k on arc live[j]. */
  readonly live: Int32Array;
  readonly commodities: number;
  /** Column of μ (the last one). */
  readonly muCol: number;
  /** Capacity divisor: LP capacities are capacity / capacityScale. */
  readonly capacityScale: number;
}

class Triplets {
  row: Int32Array;
  col: Int32Array;
  val: Float64Array;
  size = 0;
  constructor(capacity: number) {
    this.row = new Int32Array(Math.max(16, capacity));
    this.col = new Int32Array(this.row.length);
    this.val = new Float64Array(this.row.length);
  }
  add(r: number, c: number, v: number): void {
    if (this.size === this.row.length) {
      const grow = <T extends Int32Array | Float64Array>(a: T, b: T): T => {
        b.set(a);
        return b;
      };
      this.row = grow(this.row, new Int32Array(this.size * 2));
      this.col = grow(this.col, new Int32Array(this.size * 2));
      this.val = grow(this.val, new Float64Array(this.size * 2));
    }
    this.row[this.size] = r;
    this.col[this.size] = c;
    this.val[this.size++] = v;
  }
}

/** Assemble the concurrent-flow LP on `nodes` nodes. */
export function buildConcurrentFlowLp(
  nodes: number,
  arcs: ArcList,
  commodities: readonly Commodity[],
): ConcurrentFlowLp {
  const live = Int32Array.from(arcs.capacity.keys()).filter((a) => arcs.capacity[a]! > 0);
  const nArcs = live.length;
  const nK = commodities.length;
  let capacityScale = 0;
  for (const c of arcs.capacity) capacityScale = Math.max(capacityScale, c);
  if (!(capacityScale > 0)) capacityScale = 1;
  const capacityRows = nK > 1 ? nArcs : 0;
  const nRows = nK * nodes + capacityRows;
  const nCols = nK * nArcs + 1;
  const muCol = nK * nArcs;
  const t = new Triplets(nK * nArcs * (nK > 1 ? 3 : 2) + nodes * nK + 1);
  const colLower = new Float64Array(nCols);
  const colUpper = new Float64Array(nCols).fill(Infinity);
  for (let k = 0; k < nK; k++) {
    for (let j = 0; j < nArcs; j++) {
      const a = live[j]!;
      const col = k * nArcs + j;
      t.add(k * nodes + arcs.from[a]!, col, 1);
      t.add(k * nodes + arcs.to[a]!, col, -1);
      if (nK > 1) t.add(nK * nodes + j, col, 1);
      else colUpper[col] = arcs.capacity[a]! / capacityScale;
    }
    const { nodes: supplyNodes, coeff } = commodities[k]!;
    for (let i = 0; i < supplyNodes.length; i++) t.add(k * nodes + supplyNodes[i]!, muCol, -coeff[i]!);
  }
  const rowLower = new Float64Array(nRows);
  const rowUpper = new Float64Array(nRows);
  for (let j = 0; j < capacityRows; j++) {
    rowLower[nK * nodes + j] = -Infinity;
    rowUpper[nK * nodes + j] = arcs.capacity[live[j]!]! / capacityScale;
  }
  const cost = new Float64Array(nCols);
  cost[muCol] = 1;
  return {
    model: {
      sense: 'maximize',
      cost,
      colLower,
      colUpper,
      rowLower,
      rowUpper,
      entryRow: t.row.subarray(0, t.size),
      entryCol: t.col.subarray(0, t.size),
      entryValue: t.val.subarray(0, t.size),
    },
    arcs: arcs.from.length,
    live,
    commodities: nK,
    muCol,
    capacityScale,
  };
}

/** Total flow on every arc (zero-capacity ones included), in the caller's unit, from an optimal x. */
export function arcLoads(lp: ConcurrentFlowLp, x: Float64Array): Float64Array {
  const load = new Float64Array(lp.arcs);
  const nLive = lp.live.length;
  for (let k = 0; k < lp.commodities; k++) {
    for (let j = 0; j < nLive; j++) load[lp.live[j]!]! += Math.max(0, x[k * nLive + j] ?? 0) * lp.capacityScale;
  }
  return load;
}
