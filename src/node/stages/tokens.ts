/**
 * Tokens a node serves and their price: the roofline model (src/models/compute/inference.ts) on the node's chips,
 * beside the FLOPs-based figure (delivered FLOPS / 2N per token, Kaplan et al. 2020 §2.1) that assumes every delivered
 * FLOP serves tokens.
 *
 * - Roofline rate of the node = per-chip serving rate × chips × the waterfall factors that scale the time chips
 *   serve (utilization, eclipse, array and radiator throttling, availability, downlink). The waterfall's
 *   `typical` and `sustained` (MFU) steps are FLOPS derates and are replaced here by the roofline's own
 *   memory and compute efficiencies.
 * - Cost per million tokens = PV(cost)/PV(tokens): the program's discounted LCOC machinery with tokens in place of
 *   PFLOP-days (the token rate is constant over the life, as the delivered PFLOPS are).
 * - Tokens per second per MW: the per-chip serving rate over the chip row's all-in power at full load.
 * A chip row without published memory figures, or a model that needs more chips per replica than the node
 * carries, gets null roofline figures and a `basis` saying why.
 */
import { servingClass, servingClassText } from '../../models/compute/servingClass.js';
import type { ProgramResult } from '../../models/cost/lifecycleProgram.js';
import { costPerMtoken, inferenceThroughput } from '../../models/compute/inference.js';
import { precisionFactor } from '../../models/compute/precision.js';
import type { computeWaterfall } from '../../models/compute/computeWaterfall.js';
import { BYTES_PER_WEIGHT } from '../design/economicsSchemas.js';
import type { Design, Rows } from '../record/rows.js';

const FLOPS_PER_TOKEN_PER_PARAMETER = 2;
const NOT_SERVING_STEPS: ReadonlySet<string> = new Set(['peak', 'typical', 'sustained']);

/**
 * The token figures of a node, null where the roofline cannot give them (`basis` says why): the record's `inference`
 * section (src/node/record/costFields.ts documents each figure).
 */
export interface TokenFigures {
  readonly basis: string;
  readonly replicaChips: number | null;
  readonly decodeBound: ReturnType<typeof inferenceThroughput>['decodeBound'] | null;
  readonly decodePerSequence_tokens_per_s: number | null;
  readonly perChip_tokens_per_s: number | null;
  readonly node_tokens_per_s: number | null;
  readonly itPower_tokens_per_s_per_MW: number | null;
  readonly cost_USD_per_Mtoken: number | null;
  readonly flopsBound_tokens_per_s: number;
  readonly flopsBoundCost_USD_per_Mtoken: number;
}

export interface TokenInputs {
  readonly waterfall: ReturnType<typeof computeWaterfall>;
  /** Delivered PFLOPS the program was priced with (> 0). */
  readonly deliveredPFLOPS: number;
  readonly program: ProgramResult;
}

/** $/Mtoken from the program's PV cost and PV compute, at a token rate that scales with delivered compute. */
const programCostPerMtoken = (program: ProgramResult, deliveredPFLOPS: number, tokens_per_s: number): number =>
  costPerMtoken({
    pvCost_USD: program.pvCost_USD,
    pvCompute_PFLOP_day: program.pvCompute_PFLOP_day,
    deliveredPFLOPS,
    tokens_per_s,
  });

/** The roofline serving rate of the design's workload on its chip (memory figures checked present by the caller). */
function rooflineThroughput(
  chip: Rows['chip'],
  w: Design['inference'],
  memoryBandwidth_TB_per_s: number,
  memoryCapacity_GB: number,
) {
  const peak_FLOPS =
    chip.peakTFLOPS *
    1e12 *
    precisionFactor({ rowPrecision: chip.precision, precision: w.weightPrecision }).factor *
    (chip.typicalFraction ?? 1);
  return inferenceThroughput({
    chip: {
      memoryBandwidth_B_per_s: memoryBandwidth_TB_per_s * 1e12,
      memoryCapacity_B: memoryCapacity_GB * 1e9,
      peak_FLOPS,
    },
    workload: {
      parameters: w.modelParameters,
      bytesPerParameter: BYTES_PER_WEIGHT[w.weightPrecision],
      kvCacheBytesPerToken: w.kvCacheBytesPerToken,
      batchSize: w.batchSize,
      promptTokens: w.promptTokens,
      outputTokens: w.outputTokens,
      memoryEfficiency: w.memoryEfficiency,
      computeEfficiency: w.computeEfficiency,
      usableMemoryFraction: w.usableMemoryFraction,
    },
  });
}

export function tokenFigures(design: Design, rows: Rows, t: TokenInputs): TokenFigures {
  const w = design.inference;
  const chip = rows.chip;
  const flopsTokens = (t.waterfall.deliveredPFLOPS * 1e15) / (FLOPS_PER_TOKEN_PER_PARAMETER * w.modelParameters);
  const flops = {
    flopsBound_tokens_per_s: flopsTokens,
    flopsBoundCost_USD_per_Mtoken: programCostPerMtoken(t.program, t.deliveredPFLOPS, flopsTokens),
  };
  const none = {
    replicaChips: null,
    decodeBound: null,
    decodePerSequence_tokens_per_s: null,
    perChip_tokens_per_s: null,
    node_tokens_per_s: null,
    itPower_tokens_per_s_per_MW: null,
    cost_USD_per_Mtoken: null,
    ...flops,
  };
  if (chip.memoryBandwidth_TB_per_s === undefined || chip.memoryCapacity_GB === undefined) {
    return {
      basis:
        `unavailable: chip ${chip.id} has no published memory bandwidth and capacity (designs/catalogs/chips.yaml), so no roofline ` +
        'token rate; the flopsBound figures assume every delivered FLOP serves tokens (an upper bound)',
      ...none,
    };
  }
  const r = rooflineThroughput(chip, w, chip.memoryBandwidth_TB_per_s, chip.memoryCapacity_GB);
  if (r.replicaChips > design.compute.chips) {
    return {
      basis:
        `unavailable: one replica of the ${w.modelParameters.toPrecision(3)}-parameter model at batch ${w.batchSize} needs ${r.replicaChips} ` +
        `${chip.id} chips for weights and KV cache; the node carries ${design.compute.chips}`,
      ...none,
    };
  }
  const serving = t.waterfall.steps.filter((s) => !NOT_SERVING_STEPS.has(s.name)).reduce((f, s) => f * s.factor, 1);
  const node = r.perChip_tokens_per_s * design.compute.chips * serving;
  return {
    basis:
      `roofline (src/models/compute/inference.ts): decode ${r.decodeBound}-bound at batch ${w.batchSize}, ${w.weightPrecision} weights, ` +
      `${r.replicaChips} chip(s) per replica, ${servingClassText(servingClass(r))}; beside it the FLOPs-based figure ` +
      '(delivered FLOPS / 2N), an upper bound',
    replicaChips: r.replicaChips,
    decodeBound: r.decodeBound,
    decodePerSequence_tokens_per_s: r.decodePerSequence_tokens_per_s,
    perChip_tokens_per_s: r.perChip_tokens_per_s,
    node_tokens_per_s: node,
    itPower_tokens_per_s_per_MW: (r.perChip_tokens_per_s / chip.systemPowerPerChip_W) * 1e6,
    cost_USD_per_Mtoken: programCostPerMtoken(t.program, t.deliveredPFLOPS, node),
    ...flops,
  };
}
