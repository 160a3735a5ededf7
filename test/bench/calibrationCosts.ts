/**
 * The generated cost section of designs/CALIBRATION.md (between `costs:begin` and `costs:end`): each published cost
 * model's headline figure beside odc under that source's own stated inputs (designs/calibration/<source>.yaml, whose
 * header cites every input), odc under its defaults (the same file with every source input removed), and the three
 * source inputs that explain most of the difference. Those are found, not written: each input is swapped back to
 * odc's default alone (its key removed from the design) and the inputs are ranked by |ln(figure swapped / figure
 * under the source's inputs)|. What no key explains (odc's own mass and power models) is the remainder.
 */
import { join } from 'node:path';
import { nodeDesignSchema, type NodeDesign } from '../../src/node/design/schema.js';
import { readYaml } from '../../src/base/yaml.js';
import { nodeEvaluator } from '../../src/node/evaluator.js';
import type { DesignRecord } from '../../src/node/record/record.js';
import { fmt } from '../../src/base/numberFormat.js';
import { HOURS_PER_YEAR_h } from '../../src/base/constants.js';
import { loadTerrestrialBaselines } from '../../src/catalog/baselines.js';
import { repoRoot } from './calibrationNodes.js';

/** Node total cost without the chips, per W of average IT power [USD/W] (launch, build, operations). */
const chips_USD = (r: DesignRecord): number =>
  (r.cost.capexWithChips_USD_per_W - r.cost.capexExChips_USD_per_W) * r.compute.itPowerAvg_W;
const totalExChips_USD = (r: DesignRecord): number => r.cost.total_USD - chips_USD(r);
/** Mission hours, from cost per kW-year = total/(average IT kW × life). */
const lifeHours = (r: DesignRecord): number =>
  (HOURS_PER_YEAR_h * r.cost.total_USD) / (r.cost.costPerKWyr_USD * (r.compute.itPowerAvg_W / 1000));

export interface CostFigure {
  readonly quantity: string;
  /** The published figure, in `unit`. */
  readonly published: number;
  readonly unit: string;
  /** Where the source states it. */
  readonly where: string;
  readonly value: (r: DesignRecord) => number;
}
export interface CostSource {
  readonly title: string;
  /** Design file relative to designs/. */
  readonly file: string;
  /** Dotted design keys set from the source; removing one restores odc's default for it. */
  readonly inputs: readonly string[];
  readonly figures: readonly CostFigure[];
  /**
   * Why odc and the source still differ under the source's inputs, in words (from the analysis in the design header).
   */
  readonly remainder: string;
}

export const COST_SOURCES: readonly CostSource[] = [
  {
    title: 'SemiAnalysis Space DC TCO model (June 2026)',
    file: 'calibration/semianalysis-2026.yaml',
    inputs: ['economics.launchCost_USD_per_kg', 'cost.technology', 'mission.lifetime_yr'],
    figures: [
      {
        quantity: 'space, cost per GPU-hour (discounted)',
        published: 10.91,
        unit: 'USD/chip-h',
        where: '"To Boldly Go", 3 Jun 2026',
        value: (r) => r.economics.costPerChipHourDiscounted_USD,
      },
      {
        quantity: 'terrestrial, cost per GPU-hour (discounted)',
        published: 2.49,
        unit: 'USD/chip-h',
        where: 'same',
        value: (r) => r.economics.terrestrialCostPerChipHourDiscounted_USD,
      },
    ],
    remainder:
      "the model's other inputs (GPU price, WACC, availability and redundancy, non-launch hardware) are behind a paywall; " +
      "the article says launch is the largest item, but odc's non-chip hardware exceeds the $1.6M launch even at production-scale prices, " +
      'most of it the battery sized for the dawn-dusk eclipse season at $150/Wh',
  },
  {
    title: 'McCalip calculator (1 GW, 5 yr, $1,000/kg)',
    file: 'calibration/mccalip-1gw.yaml',
    inputs: [
      'economics.launchCost_USD_per_kg',
      'cost.arrayPriceFactor',
      'cost.busCost_USD_per_kg',
      'cost.radiatorPriceFactor',
      'cost.aitFraction',
      'cost.operationsFraction_per_yr',
      'catalogs.batteries',
      'power.array',
      'orbit.altitude_km',
      'isl.topology',
    ],
    figures: [
      {
        quantity: 'space, cost per W of average power, ex-GPU',
        published: 31.2,
        unit: 'USD/W',
        where: 'andrewmccalip.com/space-datacenters page text',
        value: (r) => totalExChips_USD(r) / r.compute.itPowerAvg_W,
      },
      {
        quantity: 'space, cost per MWh, ex-GPU',
        published: 891,
        unit: 'USD/MWh',
        where: 'same',
        value: (r) => totalExChips_USD(r) / ((r.compute.itPowerAvg_W * lifeHours(r)) / 1e6),
      },
      {
        quantity: "space, cost per W: the calculator's own arithmetic at $1,000/kg",
        published: 65.8,
        unit: 'USD/W',
        where: 'math.js at its slider defaults, hand calculation in the design header',
        value: (r) => totalExChips_USD(r) / r.compute.itPowerAvg_W,
      },
    ],
    remainder:
      'mass: McCalip takes 36.5 W/kg for the whole satellite (Starlink V2 mini), odc sizes array, battery, radiator, compute ' +
      'and bus from physics; McCalip also adds 9 %/yr of hardware for GPU failures and $1/W NRE, which odc has no key for',
  },
  {
    title: 'spacedc-mdao reference case (1 MW, $3,000/kg)',
    file: 'calibration/spacedc-1mw.yaml',
    inputs: [
      'economics.launchCost_USD_per_kg',
      'cost.busCost_USD_per_kg',
      'cost.aitFraction',
      'cost.radiatorPriceFactor',
      'catalogs.chips',
      'catalogs.batteries',
      'economics.discountRate_per_yr',
      'compute.sustainedFraction',
      'isl.topology',
      'power.array',
    ],
    figures: [
      {
        quantity: 'space, capex per W of IT ex-GPU',
        published: 524,
        unit: 'USD/W',
        where: 'docs/vs-mccalip.md',
        value: (r) => (r.cost.capexExChips_USD_per_W * r.compute.itPowerAvg_W) / r.compute.itPowerPeak_W,
      },
      {
        quantity: '— launch per W of IT',
        published: 236,
        unit: 'USD/W',
        where: 'same',
        value: (r) => r.cost.launch_USD / r.compute.itPowerPeak_W,
      },
      {
        quantity: 'terrestrial, capex per W of IT ex-GPU (odc: the hyperscale-virginia row)',
        published: 12,
        unit: 'USD/W',
        where: 'same',
        value: () => loadTerrestrialBaselines().find((b) => b.id === 'hyperscale-virginia')!.capexExChips_USD_per_W,
      },
    ],
    remainder:
      'mass: odc builds the node from its own array, battery, radiator, compute and bus models; spacedc-mdao from its own',
  },
  {
    title: 'JPL/Turyshev 1 MW closure (arXiv:2604.27197)',
    file: 'calibration/jpl-1mw.yaml',
    inputs: [
      'thermal.radiatorTemp_K',
      'thermal.radiatingFaces',
      'thermal.hotCase',
      'thermal.rejects',
      'thermal.coating',
      'power.sizing',
    ],
    figures: [
      {
        quantity: 'launch + build allowed at a 40 k$/kW terrestrial benchmark',
        published: 1000,
        unit: 'USD/kg',
        where: 'abstract: 250–1,000 $/kg at ~40 kg/kW',
        value: (r) => 40000 / (r.mass.launch_kg / (r.compute.itPowerPeak_W / 1000)),
      },
    ],
    remainder: "the allowance is benchmark ÷ kg per kW, so it follows odc's mass (34–59 kg/kW in the paper)",
  },
];

const designPath = (rel: string): string => join(repoRoot, 'designs', rel);
/** Inputs that move a figure by less than 0.1 % are not listed as drivers. */
const MIN_EFFECT = 1e-3;

/** The raw design with a dotted key removed (its schema default then applies). */
function without(raw: unknown, key: string): unknown {
  const copy = structuredClone(raw) as Record<string, unknown>;
  const parts = key.split('.');
  let cur: Record<string, unknown> | undefined = copy;
  for (const p of parts.slice(0, -1)) cur = cur?.[p] as Record<string, unknown> | undefined;
  if (cur) delete cur[parts.at(-1)!];
  return copy;
}

function evaluateRaw(raw: unknown): DesignRecord {
  const design: NodeDesign = nodeDesignSchema().parse(raw);
  return nodeEvaluator(undefined, design.catalogs).evaluate(design);
}

export interface CostCalibrationRow {
  readonly source: CostSource;
  readonly figure: CostFigure;
  readonly own: number;
  readonly defaults: number;
  /** Source inputs ranked by effect: the figure with that input alone back at odc's default. */
  readonly drivers: readonly { readonly key: string; readonly swapped: number; readonly effect: number }[];
}

/** Every figure of every source: published, under the source's inputs, under odc's defaults, and the ranked drivers. */
export function costCalibrationRows(): CostCalibrationRow[] {
  return COST_SOURCES.flatMap((source) => {
    const raw = readYaml(designPath(source.file)).raw;
    const own = evaluateRaw(raw);
    const defaults = evaluateRaw(source.inputs.reduce(without, raw));
    const swapped = source.inputs.map((key) => ({ key, record: evaluateRaw(without(raw, key)) }));
    return source.figures.map((figure) => {
      const v = figure.value(own);
      const drivers = swapped
        .map(({ key, record }) => {
          const s = figure.value(record);
          return { key, swapped: s, effect: Math.abs(Math.log(s / v)) };
        })
        .filter((d) => Number.isFinite(d.effect) && d.effect > MIN_EFFECT)
        .sort((a, b) => b.effect - a.effect);
      return { source, figure, own: v, defaults: figure.value(defaults), drivers };
    });
  });
}

const signed = (x: number): string => `${x >= 0 ? '+' : '−'}${fmt(Math.abs(100 * x))} %`;

export function costCalibrationSection(rows: readonly CostCalibrationRow[] = costCalibrationRows()): string {
  const lines = [
    '<!-- costs:begin (generated by `npm run calibration`; do not edit by hand) -->',
    '## Published cost models under their own inputs',
    '',
    "Each source's headline figure beside odc under that source's stated inputs (`designs/calibration/<source>.yaml`, whose",
    "header cites every input) and under odc's defaults (the same file with every source input removed). The three inputs",
    "that explain most of the difference are found by swapping each source input back to odc's default alone and ranking",
    "them by the change in the figure (shown: the figure with that input at odc's default). The remainder is what no",
    'input key explains.',
    '',
    "| Source | Figure | Published | odc, source inputs | ratio | odc defaults | Inputs that move it most (figure at odc's default) |",
    '|---|---|---|---|---|---|---|',
  ];
  for (const r of rows) {
    const top = r.drivers
      .slice(0, 3)
      .map((d) => `\`${d.key}\` → ${fmt(d.swapped)} (${signed(d.swapped / r.own - 1)})`)
      .join('; ');
    lines.push(
      `| ${r.source.title} | ${r.figure.quantity} | ${fmt(r.figure.published)} ${r.figure.unit} (${r.figure.where}) | ` +
        `${fmt(r.own)} | ${fmt(r.own / r.figure.published)} | ${fmt(r.defaults)} | ${top || 'no source input moves it'} |`,
    );
  }
  lines.push('', 'Remainders (what no input key explains):', '');
  for (const s of COST_SOURCES) lines.push(`- ${s.title}: ${s.remainder}.`);
  lines.push('', '<!-- costs:end -->');
  return lines.join('\n');
}
