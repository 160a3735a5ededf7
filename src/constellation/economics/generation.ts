/**
 * One generation of a constellation priced by ./economics.ts: the inputs of `constellationEconomics` from the
 * constellation specification, the shells' node records and the launch campaign's cost. Shared by the evaluation
 * (src/constellation/evaluate.ts) and the report's cost drivers (src/report/budget/constellationCost.ts), which price
 * the same generation again with one cost input raised.
 *
 * Method: the first unit is the satellite-weighted mean node (Σ nᵢ·xᵢ / Σ nᵢ over the shells, nᵢ satellites of shell
 * i) of hardware cost, delivered PFLOPS and design life; one generation serves its design life once (horizon = design
 * life: failures replaced, no end-of-life renewal), undiscounted. The campaign's length shows in the launch
 * milestones, not in the service counted.
 */
import type { ConstellationSpec } from '../design/compile.js';
import type { ConstellationRecord } from '../record/record.js';
import { constellationEconomics, type ConstellationEconomicsResult } from './economics.js';

type NodeRecord = ConstellationRecord['shells'][number]['node'];

/** The generation's economics; the note that states its basis goes into `notes`. */
export function generationEconomics(
  spec: ConstellationSpec,
  nodes: readonly NodeRecord[],
  sats: readonly number[],
  launch_USD: number,
  notes: string[],
): ConstellationEconomicsResult {
  const satellites = sats.reduce((a, b) => a + b, 0);
  const mean = (f: (i: number) => number): number => sats.reduce((a, n, i) => a + n * f(i), 0) / satellites;
  const lifetime_yr = mean((i) => spec.shells[i]!.node.mission.lifetime_yr);
  const e = spec.economics;
  const econ = constellationEconomics({
    satellites,
    firstUnitHardware_USD: mean((i) => nodes[i]!.cost.hardware_USD),
    launch_USD,
    horizon_yr: lifetime_yr,
    designLife_yr: lifetime_yr,
    deliveredPFLOPS_per_satellite: mean((i) => nodes[i]!.compute.deliveredPFLOPS),
    gateways: spec.stations.length,
    learningRate: e.learningRate,
    modelParameters: e.modelParams,
    ...(e.satelliteFailureRate_per_yr !== null ? { failureRate_per_yr: e.satelliteFailureRate_per_yr } : {}),
    ...(e.operations_USD_per_sat_yr !== null ? { operations_USD_per_satellite_yr: e.operations_USD_per_sat_yr } : {}),
    ...(e.groundStation_USD !== null ? { gatewayCapex_USD: e.groundStation_USD } : {}),
  });
  notes.push(
    `economics: one generation, each satellite serving its ${lifetime_yr.toFixed(1)}-year design life, failures replaced, undiscounted; tokens from delivered FLOP/s ÷ (2 × ${(e.modelParams / 1e9).toFixed(0)}B parameters), inference only`,
  );
  return econ;
}
