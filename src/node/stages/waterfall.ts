/**
 * The delivered-compute stage (node.ts runs it after power): the waterfall of src/models/compute/computeWaterfall.ts
 * from the payload, thermal and power stages' results.
 */
import type { StageResults } from '../record/nodeRecord.js';
import type { Design, Rows } from '../record/rows.js';
import type { Scratch } from '../../base/scratch.js';
import {
  computeWaterfall,
  Waterfall,
  type ComputeWaterfallParams,
  type ThrottleInput,
} from '../../models/compute/computeWaterfall.js';

/**
 * Peak → typical (a press peak derated by the chip row's typicalFraction) → utilization → sustained fraction →
 * eclipse → power and thermal throttling → availability → downlink
 * (src/models/compute/computeWaterfall.ts). Throttling applies only when the installed array or radiator is short of
 * what the design requires: the closures are enforced in studies, so it shows what an infeasible design would deliver.
 */
export function deliveredCompute(
  design: Design,
  rows: Rows,
  { payload, thermal, power }: Pick<StageResults, 'payload' | 'thermal' | 'power'>,
  into: WaterfallResults | null = null,
) {
  const { compute, computeShare, sunlitItPowerAvg_W, isl } = payload;
  const c = design.compute;
  const all = design.thermal.rejects === 'all';
  const k = thermal.pumpPower_W / thermal.heatLoad_W;
  // the waterfall keeps its input for its steps: a fresh one unless the lean evaluator keeps both
  const w = into?.input ?? waterfallInput();
  w.peakPFLOPS = compute.peakPFLOPS;
  w.typicalFraction = rows.chip.typicalFraction;
  w.typicalFractionSource = rows.chip.typicalFractionSource;
  w.utilization = c.utilization;
  w.sustainedFraction = c.sustainedFraction;
  w.computeShare = computeShare;
  w.availability = compute.availability;
  const wp = w.power;
  wp.installed_m2 = design.power.arrayArea_m2;
  wp.required_m2 = power.system.requiredArrayArea_m2;
  wp.computeLoad_W = sunlitItPowerAvg_W + thermal.pumpPower_W;
  wp.fixedLoad_W = power.busPower_W + isl.power_W;
  const wt = w.thermal;
  wt.installed_m2 = design.thermal.radiatorArea_m2;
  wt.required_m2 = thermal.radiator.requiredRadiatorArea_m2;
  wt.computeLoad_W = compute.heatLoadPeak_W / (1 - k);
  wt.fixedLoad_W = all ? (thermal.busPower_W + isl.power_W + thermal.batteryLoss_W) / (1 - k) : 0;
  w.bytesPerFlop = c.bytesOutPerFlop;
  w.downlinkCapacity_bps = isl.capacity_Gbps * 1e9;
  return computeWaterfall(w, into?.result);
}

/** The waterfall's input, its two balances with it; the placeholders give each field its kind. */
type WaterfallInput = Scratch<ComputeWaterfallParams> & {
  readonly power: Scratch<ThrottleInput>;
  readonly thermal: Scratch<ThrottleInput>;
};
const waterfallInput = (): WaterfallInput =>
  ({
    peakPFLOPS: NaN,
    typicalFraction: undefined,
    typicalFractionSource: undefined,
    utilization: NaN,
    sustainedFraction: undefined,
    computeShare: NaN,
    availability: NaN,
    power: { installed_m2: NaN, required_m2: NaN, computeLoad_W: NaN, fixedLoad_W: NaN },
    thermal: { installed_m2: NaN, required_m2: NaN, computeLoad_W: NaN, fixedLoad_W: NaN },
    bytesPerFlop: undefined,
    downlinkCapacity_bps: NaN,
  }) as unknown as WaterfallInput; // the optional numbers as undefined: each call writes the design's

/**
 * The waterfall's input and result a lean evaluator keeps (deliveredCompute's `into`): each call rewrites both, and the
 * caller reads the result before the next design (its steps, listed from the input, only within that evaluation).
 */
export interface WaterfallResults {
  readonly input: WaterfallInput;
  readonly result: Waterfall;
}
export const waterfallResults = (): WaterfallResults => ({ input: waterfallInput(), result: new Waterfall() });
