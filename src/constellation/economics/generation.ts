/**
 * One generation of a constellation priced by ./economics.ts: the inputs of `constellationEconomics` from the
 * constellation specification, the shells' node records and the launch campaign's cost. Shared by the evaluation
 * (src/constellation/evaluate.ts) and the report's cost drivers (src/run/answer/constellationCost.ts), which price
 * the same generation again with one cost input raised.
 *
 * Method: the first unit is the satellite-weighted mean node (Σ nᵢ·xᵢ / Σ nᵢ over the shells, nᵢ satellites of shell i)
 * of first-unit-class hardware (on the learning curve, cost.learningHardware_USD), the rest of the hardware (chips,
 * production- and market-priced lines: off it), delivered PFLOPS and design life; one generation serves its design life
 * once (horizon = design life: failures replaced, no end-of-life renewal), discounted at the first shell's node
 * economics.discountRate_per_yr and with its cost.operationsFraction_per_yr, as the node's own fleet
 * (src/node/stages/cost.ts): one basis for both verdicts.
 * Tokens: each satellite serves its node's workload (the node file's `inference:` section) at its node's roofline rate
 * (record inference.node_tokens_per_s, satellite-weighted over the shells and scaled with delivered compute), priced
 * PV(costs)/PV(tokens) as the node's own figure; so a one-shell constellation of identical nodes gives its node's
 * $/Mtoken × (constellation / node discounted LCOC). When a shell's chip has no roofline (no memory figures, or the
 * model does not fit), the headline is the FLOPs-based rate and `tokenBasis` says so.
 * The campaign's length shows in the launch milestones, not in the service counted. The learning rate is the node
 * fleet's rule over the constellation's satellite count (constellationLearningRate).
 */
import type { ConstellationSpec } from '../design/compile.js';
import type { DesignRecord } from '../../node/record/record.js';
import { constellationEconomics, type ConstellationEconomicsResult } from './economics.js';
import { programmeLearningRate } from '../../models/cost/learningCurve.js';
import type { PriceFactors } from '../../models/cost/priceTrajectories.js';
import { linePriceClasses } from '../../node/stages/cost.js';
import { nonChipChange_USD, type HardwareLines } from '../../node/stages/parity.js';

/** The constellation's satellite count, its programme size (at least 1: an empty design still has a learning rate). */
export function constellationSatellites(spec: ConstellationSpec): number {
  return Math.max(
    1,
    spec.shells.reduce((a, s) => a + s.geometry.planes * s.geometry.satsPerPlane, 0),
  );
}

/**
 * The constellation's learning rate, on the node fleet's rule (src/models/cost/learningCurve.ts programmeLearningRate):
 * economics.learningRate when the file sets it, else SMAD's rule for its satellite count (0.85 above 50 units), one
 * rate for every built hardware line; 1 when its node file prices heritage (every unit at the first-unit price).
 */
export function constellationLearningRate(spec: ConstellationSpec): number {
  const rate = spec.economics.learningRate;
  return programmeLearningRate(
    spec.shells[0]!.node.economics.pricing,
    constellationSatellites(spec),
    rate === null ? undefined : rate,
  );
}

/**
 * The generation's prices in another year (the parity search, src/run/answer/constellationParity.ts): shell i's
 * first-unit-class hardware (on the learning curve) and the rest of its hardware (off it) [USD], and the
 * delivered-compute factor (perf/W).
 */
export interface GenerationPrices {
  readonly learning_USD: (i: number) => number;
  readonly offCurve_USD: (i: number) => number;
  readonly performance: number;
}

/** Shell i's chips at market price [USD]. */
export const chipsOf =
  (spec: ConstellationSpec, nodes: readonly DesignRecord[]) =>
  (i: number): number =>
    nodes[i]!.compute.chips * spec.shells[i]!.rows.chip.costPerChip_USD;

/** The reference-year prices of the generation: each node record's hardware split at the learning curve. */
export function referencePrices(nodes: readonly DesignRecord[]): GenerationPrices {
  const learning = (i: number) => nodes[i]!.cost.learningHardware_USD;
  return { learning_USD: learning, offCurve_USD: (i) => nodes[i]!.cost.hardware_USD - learning(i), performance: 1 };
}

/**
 * The generation's prices at a year's factors (priceTrajectories.ts), the parity search's and the life's: each shell's
 * off-curve hardware re-priced line by line (parity.ts nonChipChange_USD: first-unit-class lines get learning, no
 * trajectory), its chips at the chip price (with their packaging premium when it is off the curve).
 */
export function pricesAt(
  spec: ConstellationSpec,
  nodes: readonly DesignRecord[],
): (f: PriceFactors) => GenerationPrices {
  const ref = referencePrices(nodes);
  const classes = spec.shells.map((s) => linePriceClasses(s.node, s.rows));
  const chips = (i: number) =>
    classes[i]!.chipIntegration === 'first-unit' ? chipsOf(spec, nodes)(i) : nodes[i]!.cost.chipsHardware_USD;
  // the lines each year's re-pricing reads, taken once (the life prices every year of its horizon)
  const lines = nodes.map(({ cost: c }): HardwareLines => ({
    hardware_USD: c.hardware_USD,
    computeHardware_USD: c.chipsHardware_USD,
    ait_USD: c.ait_USD,
    arrayHardware_USD: c.arrayHardware_USD,
    radiatorHardware_USD: c.radiatorHardware_USD,
    busHardware_USD: c.busHardware_USD,
    batteryHardware_USD: c.batteryHardware_USD,
    islHardware_USD: c.islHardware_USD,
  }));
  return (f) => {
    const change = lines.map((l, i) => nonChipChange_USD(l, f, classes[i]!));
    return {
      learning_USD: (i) => ref.learning_USD(i) + change[i]!.learning_USD,
      offCurve_USD: (i) => ref.offCurve_USD(i) + chips(i) * (f.chip - 1) + change[i]!.offCurve_USD,
      performance: f.performance,
    };
  };
}

/** A generation's economics and the token model its $/Mtoken comes from, with the workload class. */
export type GenerationEconomicsResult = ConstellationEconomicsResult & { readonly tokenBasis: string };

/** The satellites' token rate at reference compute (null when a shell has no roofline) and its basis in words. */
function nodeTokens(nodes: readonly DesignRecord[], sats: readonly number[], flopsParams: number) {
  const satellites = sats.reduce((a, b) => a + b, 0);
  const rates = nodes.map((r) => r.inference.node_tokens_per_s);
  const bases = [...new Set(nodes.map((r) => r.inference.basis))];
  if (rates.some((x) => x === null)) {
    const basis =
      `FLOPs-based (delivered FLOPS / (2 × ${(flopsParams / 1e9).toPrecision(3)}B parameters), an upper bound): ` +
      `a shell has no roofline token rate: ${bases.join(' | ')}`;
    return { rate: null, basis };
  }
  const rate = sats.reduce((a, n, i) => a + n * rates[i]!, 0) / satellites;
  return { rate, basis: `nodes' roofline: ${bases.join(' | ')}` };
}

/** The generation's economics (at `prices`, default the reference year's); its basis note goes into `notes`. */
export function generationEconomics(
  spec: ConstellationSpec,
  nodes: readonly DesignRecord[],
  sats: readonly number[],
  launch_USD: number,
  notes: string[],
  prices: GenerationPrices = referencePrices(nodes),
): GenerationEconomicsResult {
  const satellites = sats.reduce((a, b) => a + b, 0);
  const mean = (f: (i: number) => number): number => sats.reduce((a, n, i) => a + n * f(i), 0) / satellites;
  const lifetime_yr = mean((i) => spec.shells[i]!.node.mission.lifetime_yr);
  const e = spec.economics;
  const node0 = spec.shells[0]!.node;
  const tokens = nodeTokens(nodes, sats, e.modelParams);
  const econ = constellationEconomics({
    satellites,
    firstUnitHardware_USD: mean(prices.learning_USD),
    offCurvePerSatellite_USD: mean(prices.offCurve_USD),
    discountRate_per_yr: node0.economics.discountRate_per_yr,
    ...(node0.cost.operationsFraction_per_yr !== undefined
      ? { operationsFraction_per_yr: node0.cost.operationsFraction_per_yr }
      : {}),
    launch_USD,
    horizon_yr: lifetime_yr,
    designLife_yr: lifetime_yr,
    deliveredPFLOPS_per_satellite: mean((i) => nodes[i]!.compute.deliveredPFLOPS) * prices.performance,
    gateways: spec.stations.length,
    learningRate: constellationLearningRate(spec),
    modelParameters: e.modelParams,
    ...(tokens.rate !== null ? { tokens_per_s_per_satellite: tokens.rate * prices.performance } : {}),
    ...(e.satelliteFailureRate_per_yr !== null ? { failureRate_per_yr: e.satelliteFailureRate_per_yr } : {}),
    ...(e.operations_USD_per_sat_yr !== null ? { operations_USD_per_satellite_yr: e.operations_USD_per_sat_yr } : {}),
    ...(e.groundStation_USD !== null ? { gatewayCapex_USD: e.groundStation_USD } : {}),
  });
  notes.push(
    `economics: one generation, each satellite serving its ${lifetime_yr.toFixed(1)}-year design life, failures replaced, discounted at ${(100 * node0.economics.discountRate_per_yr).toFixed(0)} %/yr (the verdict's basis; undiscounted beside it); first-unit-class hardware on the learning curve, chips and production-priced hardware off it; tokens: ${tokens.basis}`,
  );
  return { ...econ, tokenBasis: tokens.basis };
}
