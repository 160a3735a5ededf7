/**
 * Optical inter-satellite link (ISL) payload of a node: terminal count from the topology, and the
 * resulting mass, power, cost and aggregate capacity.
 *
 * Method: terminals per node by topology —
 *   none 0; ring 2 (fore/aft in-plane neighbours); grid 4 ("+Grid": in-plane fore/aft plus one
 *   neighbour in each adjacent plane; Iridium flies 4 crosslinks per satellite); mesh 6 (grid plus
 *   two diagonal links, e.g. a dense intra-cluster fabric in a Suncatcher-style formation).
 * Totals = terminals × the per-terminal figures of the catalog row (`isl-terminals.yaml`).
 * Capacity is the sum of terminal data rates (one direction per terminal), not an end-to-end
 * throughput: routing, contention and pointing/acquisition outages are out of scope.
 *
 * Validity: any terminal row with non-negative figures. Assumes every terminal is powered at its
 * rated power whenever the node computes (links are kept up for collective operations).
 */

export type IslTopology = 'none' | 'ring' | 'grid' | 'mesh';

/** Terminals per node for each topology. */
export const ISL_TERMINALS_PER_TOPOLOGY: Readonly<Record<IslTopology, number>> = { none: 0, ring: 2, grid: 4, mesh: 6 };

/** The ISL-terminal catalog fields this model needs (an `isl-terminals.yaml` row satisfies it). */
export interface IslTerminalSpec {
  readonly capacity_Gbps: number;
  readonly mass_kg: number;
  readonly power_W: number;
  readonly cost_USD: number;
}

export interface IslParams {
  readonly topology: IslTopology;
  readonly terminal: Readonly<IslTerminalSpec>;
}

export interface IslResult {
  readonly topology: IslTopology;
  readonly terminals: number;
  readonly mass_kg: number;
  readonly power_W: number;
  readonly capacity_Gbps: number;
  readonly cost_USD: number;
}

/** ISL terminals and their mass, power, cost and aggregate capacity. */
export function islPayload(p: Readonly<IslParams>): IslResult {
  const n = ISL_TERMINALS_PER_TOPOLOGY[p.topology];
  if (n === undefined)
    throw new RangeError(`ISL topology '${String(p.topology)}' is not one of none, ring, grid, mesh`);
  const t = p.terminal;
  if (!(t.capacity_Gbps >= 0 && t.mass_kg >= 0 && t.power_W >= 0 && t.cost_USD >= 0)) {
    throw new RangeError('ISL terminal capacity_Gbps, mass_kg, power_W and cost_USD must all be ≥ 0');
  }
  return {
    topology: p.topology,
    terminals: n,
    mass_kg: n * t.mass_kg,
    power_W: n * t.power_W,
    capacity_Gbps: n * t.capacity_Gbps,
    cost_USD: n * t.cost_USD,
  };
}
