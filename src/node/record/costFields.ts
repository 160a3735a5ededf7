/**
 * The node record's cost, inference and economics fields (the money and the tokens), declared as fields.ts declares
 * the physical budget: unit, short label and meaning, and the function that reads each from the stages' results. Three
 * bases of the cost of delivered compute, named the same in every output: first unit (one node, undiscounted:
 * cost.lcoc_USD_per_PFLOP_day), programme (economics.units nodes with learning, undiscounted:
 * programLcoc_USD_per_PFLOP_day) and programme, discounted (the verdict's basis: lcocDiscounted_USD_per_PFLOP_day).
 * First-unit cost, launch and operations come from the cost stage (src/node/stages/cost.ts), the fleet economics,
 * comparison metrics and parity year from its lifecycle stage, the token figures from src/node/stages/tokens.ts.
 */
import * as z from 'zod';
import { n, nn, omittedWhenLean, recordFields } from '../../base/recordFields.js';
import type { BaselineParity } from '../stages/parity.js';
import { HARDWARE_LINE_ITEMS, HARDWARE_LINES } from '../../models/cost/cost.js';
import type { NodeSizing } from './nodeRecord.js';

const { num, numOrNull, value, list, section } = recordFields<NodeSizing>();

/** The economics parity entry of economics.baseline, if it names a scenario. */
const ownParity = (s: NodeSizing): BaselineParity | undefined =>
  s.economics.parity.find((b) => b.id === s.design.economics.baseline);

/** The hardware lines without a field of their own (HARDWARE_LINE_ITEMS), summed as otherHardware_USD. */
const OWN: readonly string[] = ['chips', 'chipIntegration', 'array', 'radiator', 'battery', 'isl', 'bus', 'ait'];
const OTHER_LINES = HARDWARE_LINES.filter((l) => !OWN.includes(l));
const OTHER_LABEL = OTHER_LINES.map((l) => HARDWARE_LINE_ITEMS[l].label)
  .join(', ')
  .replace(/, ([^,]*)$/, ' and $1');

/** Section → field → its declaration, in the record's order. */
export const COST_FIELDS = {
  cost: section({
    // The first-unit hardware of a node and its lines (they sum to hardware_USD).
    hardware_USD: num(
      'First-unit hardware: chips, array, battery, radiator, bus, integration [USD]',
      'hardware',
      (s) => s.cost.cost.hardware_USD,
    ),
    chipsHardware_USD: num(
      'Chips at market price plus their space-packaging premium (first unit) [USD]',
      'chips',
      (s) => s.cost.cost.computeHardware_USD,
    ),
    arrayHardware_USD: num(
      'Solar array: BOL power × array $/W (first unit) [USD]',
      'solar array',
      (s) => s.cost.cost.arrayHardware_USD,
    ),
    radiatorHardware_USD: num(
      'Radiator: area × radiator $/m² (first unit) [USD]',
      'radiator',
      (s) => s.cost.cost.radiatorHardware_USD,
    ),
    batteryHardware_USD: num(
      'Battery: installed energy × battery $/Wh (first unit) [USD]',
      'battery',
      (s) => s.cost.cost.batteryHardware_USD,
    ),
    busHardware_USD: num(
      'Bus structure and subsystems: bus mass × bus $/kg (first unit) [USD]',
      'bus',
      (s) => s.cost.cost.busHardware_USD,
    ),
    islHardware_USD: num(
      'Inter-satellite link terminals (first unit) [USD]',
      'ISL terminals',
      (s) => s.cost.cost.islHardware_USD,
    ),
    otherHardware_USD: num(
      `${OTHER_LABEL[0]!.toUpperCase()}${OTHER_LABEL.slice(1)} (first unit) [USD]`,
      OTHER_LABEL,
      (s) => OTHER_LINES.reduce((a, l) => a + s.cost.cost.lines[l], 0),
    ),
    ait_USD: num(
      'Assembly, integration and test: AIT fraction × non-chip hardware (first unit) [USD]',
      'assembly, integration and test',
      (s) => s.cost.cost.ait_USD,
    ),
    learningHardware_USD: num(
      'First-unit hardware lines priced first-unit (the programme learning curve applies to these only; production- and market-priced lines stay at their price) [USD]',
      'on the learning curve',
      (s) => s.cost.cost.learningHardware_USD,
    ),
    launch_USD: num('Launch of one node [USD]', 'launch', (s) => s.cost.cost.launch_USD),
    operations_USD: num(
      'Operations over the mission lifetime, first unit (a fraction of its hardware + launch) [USD]',
      'operations (mission)',
      (s) => s.cost.cost.operations_USD,
    ),
    total_USD: num(
      'Hardware + launch + operations of one node, first unit [USD]',
      'total',
      (s) => s.cost.cost.total_USD,
    ),
    launchPrice_USD_per_kg: num(
      'Launch price per kg of launch mass [USD/kg]',
      (s) => s.cost.cost.launchPrice_USD_per_kg,
    ),
    nodesPerLaunch: num('Nodes per launch [-]', (s) => s.cost.cost.nodesPerLaunch),
    launchPayload_kg: num(
      "The vehicle's payload into the node's orbit (src/models/launch/launchPerformance.ts; 0 when refused) [kg]",
      (s) => s.mass.launchPayload.payload_kg,
    ),
    launchPayloadBasis: value(
      () =>
        z
          .string()
          .describe(
            'How launchPayload_kg was obtained: published | interpolated | extrapolated (beyond the published points) | refused (payload 0: no published points, past the 700 m/s extrapolation limit, or not offered for SSO).',
          ),
      (s) => s.mass.launchPayload.basis,
    ),
    launchExtrapolation_m_s: num(
      'ΔV by which the rocket-equation rule moved the nearest published figure (0 unless extrapolated; refused past ' +
        'the limit: the ΔV needed) [m/s]',
      (s) => s.mass.launchPayload.extrapolationDeltaV_m_s,
    ),
    lcoc_USD_per_PFLOP_day: num(
      'Cost of delivered compute, first unit: one node (hardware + launch + operations) over its delivered PFLOP-days, undiscounted, no learning [USD/PFLOP-day]',
      'cost of delivered compute, first unit',
      (s) => s.cost.cost.lcoc_USD_per_PFLOP_day,
    ),
    costPerKWyr_USD: num(
      'Cost per kW-year of average IT power [USD/kW-yr]',
      'cost per kW-year',
      (s) => s.cost.cost.costPerKWyr_USD,
    ),
    launchPerKWyr_USD: num(
      'Launch alone per kW-year of average IT power: launch / (average IT kW × lifetime) [USD/kW-yr]',
      'launch per kW-year',
      (s) => s.cost.cost.launchPerKWyr_USD,
    ),
    terrestrialCostPerKWyr_USD: num(
      'Terrestrial data centre cost per kW-yr of IT power [USD/kW-yr]',
      (s) => s.cost.cost.terrestrialCostPerKWyr_USD,
    ),
    terrestrialLcoc_USD_per_PFLOP_day: num(
      'Terrestrial data centre LCOC with the same chips [USD/PFLOP-day]',
      (s) => s.cost.cost.terrestrialLcoc_USD_per_PFLOP_day,
    ),
    lcocDiscounted_USD_per_PFLOP_day: num(
      "Cost of delivered compute, programme, discounted: PV(cost)/PV(compute) of the programme at discountRate_per_yr, the verdict's basis [USD/PFLOP-day]",
      'cost of delivered compute, programme, discounted',
      (s) => s.economics.program.lcocDiscounted_USD_per_PFLOP_day,
    ),
    discountRate_per_yr: num(
      'Discount rate of the discounted LCOC [1/yr]',
      (s) => s.design.economics.discountRate_per_yr,
    ),
    programLcoc_USD_per_PFLOP_day: num(
      'Cost of delivered compute, programme: economics.units nodes over the horizon (learning on first-unit-class lines, replacements, ground), undiscounted [USD/PFLOP-day]',
      'cost of delivered compute, programme',
      (s) => s.economics.program.lcoc_USD_per_PFLOP_day,
    ),
    programmeUnits: num('Programme size, economics.units [-]', (s) => s.design.economics.units),
    learningRate: num(
      'Learning rate applied to the first-unit-class lines (1: heritage pricing, no learning) [-]',
      (s) => s.economics.fleet.learningRate ?? 1,
    ),
    nodesBuilt: num('Nodes built incl. replacements [-]', (s) => s.economics.program.nodesBuilt),
    averageNodeCost_USD: num(
      'Average build cost per node, programme (learning curve; chips and launch included) [USD]',
      (s) => s.economics.program.averageNodeCost_USD,
    ),
    programmeOperations_USD_per_yr: num(
      "Operations per node-year, programme: the operations fraction of the programme's average unit [USD/yr]",
      'operations per node-year, programme',
      (s) => s.economics.program.nodeOperations_USD_per_yr,
    ),
    nonChipHardware_USD_per_kg: num(
      "Non-chip hardware per kg of dry mass of the programme's average unit (chips at market price and launch out) [USD/kg]",
      'non-chip hardware per kg dry, programme',
      (s) => s.economics.nonChipPerKg.value_USD_per_kg,
    ),
    nonChipHardwareNote: value(
      () =>
        z
          .string()
          .describe(
            'nonChipHardware_USD_per_kg beside the production reference, Starlink V2 mini ~$1,100/kg whole satellite (Quilty Space 2024, docs/sources.md §10), and the lines that drive a departure beyond ×3.',
          ),
      (s) => s.economics.nonChipPerKg.note,
    ),
    capexExChips_USD_per_W: num(
      '(non-chip hardware + launch) per W of average IT [USD/W]',
      (s) => s.economics.capex.exChips_USD_per_W,
    ),
    capexWithChips_USD_per_W: num(
      '(all hardware incl. chips + launch) per W of average IT [USD/W]',
      (s) => s.economics.capex.withChips_USD_per_W,
    ),
    baselineLcocDiscounted_USD_per_PFLOP_day: num(
      "economics.baseline's discounted LCOC of the same chips on the ground (the verdict's denominator) [USD/PFLOP-day]",
      (s) =>
        s.economics.baselines.find((b) => b.id === s.design.economics.baseline)?.lcocDiscounted_USD_per_PFLOP_day ??
        NaN,
    ),
    lcocToBaseline: num(
      'Discounted LCOC / that of economics.baseline (< 1: space is cheaper) [-]',
      (s) => s.economics.baselines.find((b) => b.id === s.design.economics.baseline)?.spaceToTerrestrial ?? NaN,
    ),
    baselines: list(
      () =>
        z
          .array(
            z.strictObject({
              id: z.string(),
              lcoc_USD_per_PFLOP_day: n('[USD/PFLOP-day]'),
              lcocDiscounted_USD_per_PFLOP_day: n('[USD/PFLOP-day]'),
              spaceToTerrestrial: n('[-]'),
            }),
          )
          .describe(
            'Every terrestrial scenario (designs/catalogs/terrestrial-baselines.yaml), same chips, lifetime and discount rate.',
          ),
      (s) => s.economics.baselines.map((b) => ({ ...b })),
    ),
  }),
  inference: section(
    {
      basis: value(
        () => z.string().describe('Which token model gives the figures, or why the roofline figures are unavailable.'),
        (s) => s.tokens.basis,
      ),
      replicaChips: numOrNull('Chips per model replica (weights and KV cache) [-]', (s) => s.tokens.replicaChips),
      decodeBound: value(
        () => z.enum(['memory-bandwidth', 'compute']).nullable().describe('What bounds the decode step.'),
        (s) => s.tokens.decodeBound,
      ),
      decodePerSequence_tokens_per_s: numOrNull(
        'Decode rate one sequence sees [tokens/s]',
        'decode rate per sequence',
        (s) => s.tokens.decodePerSequence_tokens_per_s,
      ),
      perChip_tokens_per_s: numOrNull(
        'Output tokens per chip while serving, prefill included [tokens/s]',
        'tokens per chip while serving',
        (s) => s.tokens.perChip_tokens_per_s,
      ),
      node_tokens_per_s: numOrNull(
        'Orbit-average output tokens of the node [tokens/s]',
        'node, orbit average',
        (s) => s.tokens.node_tokens_per_s,
      ),
      itPower_tokens_per_s_per_MW: numOrNull(
        "Output tokens per second per MW of IT power while serving (chip rows' all-in power at full load) [tokens/s/MW]",
        'per MW of IT power',
        (s) => s.tokens.itPower_tokens_per_s_per_MW,
      ),
      cost_USD_per_Mtoken: numOrNull(
        'PV(cost)/PV(tokens) per million output tokens, roofline [USD/Mtoken]',
        'cost per million tokens',
        (s) => s.tokens.cost_USD_per_Mtoken,
      ),
      flopsBound_tokens_per_s: num(
        'Delivered FLOPS / 2N per token: every delivered FLOP serves tokens [tokens/s]',
        (s) => s.tokens.flopsBound_tokens_per_s,
      ),
      flopsBoundCost_USD_per_Mtoken: num(
        'PV(cost)/PV(tokens) per million output tokens, at the FLOPs-based rate [USD/Mtoken]',
        (s) => s.tokens.flopsBoundCost_USD_per_Mtoken,
      ),
    },
    'LLM serving: roofline token model beside the FLOPs-based figure (src/node/stages/tokens.ts). The roofline figures are null ' +
      'when the chip row has no published memory figures or the model does not fit the node (`basis` says which); tokens are output tokens.',
  ),
  // The fleet's comparison metrics and economics.baseline's terrestrial ones, then the parity year against every
  // scenario.
  economics: section(
    {
      costTechnology: value(
        () => z.string().describe('cost.technology preset in force.'),
        (s) => s.design.cost.technology,
      ),
      costPerChipHour_USD: num(
        'Fleet LCOC per calendar hour of each installed chip, undiscounted [USD/chip-h]',
        (s) => s.economics.comparison.costPerChipHour_USD,
      ),
      costPerChipHourDiscounted_USD: num(
        'PV(cost)/PV(chip-hours) [USD/chip-h]',
        (s) => s.economics.comparison.costPerChipHourDiscounted_USD,
      ),
      costPerMWh_USD: num(
        'Fleet LCOC per MWh of IT energy, undiscounted [USD/MWh]',
        (s) => s.economics.comparison.costPerMWh_USD,
      ),
      costPerMWhDiscounted_USD: num(
        'PV(cost)/PV(IT energy) [USD/MWh]',
        (s) => s.economics.comparison.costPerMWhDiscounted_USD,
      ),
      terrestrialCostPerChipHour_USD: num(
        'economics.baseline scenario, same chips, undiscounted [USD/chip-h]',
        (s) => s.economics.terrestrial?.costPerChipHour_USD ?? NaN,
      ),
      terrestrialCostPerChipHourDiscounted_USD: num(
        'economics.baseline scenario, discounted [USD/chip-h]',
        (s) => s.economics.terrestrial?.costPerChipHourDiscounted_USD ?? NaN,
      ),
      terrestrialCostPerMWh_USD: num(
        'economics.baseline scenario per MWh of IT energy, undiscounted [USD/MWh]',
        (s) => s.economics.terrestrial?.costPerMWh_USD ?? NaN,
      ),
      terrestrialCostPerMWhDiscounted_USD: num(
        'economics.baseline scenario per MWh of IT energy, discounted [USD/MWh]',
        (s) => s.economics.terrestrial?.costPerMWhDiscounted_USD ?? NaN,
      ),
      parityYear: omittedWhenLean(
        numOrNull(
          "Fractional calendar year the discounted LCOC reaches economics.baseline's; null: not in the search range (see parityStatement) [yr]",
          (s) => ownParity(s)?.parityYear ?? null,
        ),
      ),
      parityYearLow: omittedWhenLean(
        numOrNull(
          'Earliest parity year over the trend alternatives (src/node/stages/parity.ts); null: none in the search range [yr]',
          (s) => ownParity(s)?.parityYearLow ?? null,
        ),
      ),
      parityYearHigh: omittedWhenLean(
        numOrNull(
          'Latest parity year over the trend alternatives; null: not in the search range [yr]',
          (s) => ownParity(s)?.parityYearHigh ?? null,
        ),
      ),
      parityRatioLastYear: omittedWhenLean(
        num(
          'Space / terrestrial discounted LCOC against economics.baseline in the last year of the search [-]',
          (s) => ownParity(s)?.ratioLastYear ?? NaN,
        ),
      ),
      parityStatement: omittedWhenLean(
        value(
          () => z.string(),
          (s) => {
            const own = ownParity(s);
            return own === undefined
              ? `no terrestrial baseline ${s.design.economics.baseline}`
              : `vs ${own.id}: ${own.statement}; ${own.band}`;
          },
        ),
      ),
      paritySearch: value(
        () => z.string(),
        (s) =>
          `${s.design.economics.trajectories.fromYear}–${s.design.economics.trajectories.toYear}, design prices of ${s.design.economics.trajectories.referenceYear}`,
      ),
      parity: list(
        () =>
          z
            .array(
              z.strictObject({
                id: z.string(),
                parityYear: nn('[yr]'),
                parityYearLow: nn('Earliest over the trend alternatives [yr].'),
                parityYearHigh: nn('Latest over the trend alternatives [yr].'),
                band: z.string(),
                status: z.enum(['at-start', 'crosses', 'no-crossing']),
                ratioFirstYear: n('Space / terrestrial discounted LCOC in the first year [-].'),
                ratioLastYear: n('Same in the last year [-].'),
                statement: z.string(),
              }),
            )
            .describe('Parity year against every terrestrial scenario.'),
        (s) =>
          s.economics.parity.map((b) => ({
            id: b.id,
            parityYear: b.parityYear,
            parityYearLow: b.parityYearLow,
            parityYearHigh: b.parityYearHigh,
            band: b.band,
            status: b.status,
            ratioFirstYear: b.ratioFirstYear,
            ratioLastYear: b.ratioLastYear,
            statement: b.statement,
          })),
      ),
    },
    'Cost metrics published models quote: per chip-hour and per MWh, undiscounted and discounted, and the same for ' +
      "economics.baseline's terrestrial scenario, from the fleet LCOC pair of `cost` (src/models/cost/comparisonMetrics.ts); the parity year: " +
      'the design re-priced along economics.trajectories against each terrestrial baseline (src/node/stages/parity.ts). ' +
      '$/PFLOP-day and capital per W of IT are in `cost` (programLcoc, lcocDiscounted; capexWithChips, capexExChips).',
  ),
};
