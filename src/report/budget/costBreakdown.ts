/**
 * The cost where the verdict stands: one node's cost line by line (chips, array, radiator, battery, bus, ISL, AIT,
 * launch, operations, the rest), $/W and $/chip-hour beside the ground's, and the inputs that move the verdict most.
 *
 * Drivers: every space-side cost input is raised by STEP (10 %) in turn, whether or not the design file sets it —
 * the chip, array, radiator, battery and ISL-terminal prices of the design's catalog rows, the launch price (the
 * vehicle's, or the design's $/kg override), the bus $/kg, the AIT share and the chip-packaging premium of its cost
 * technology, the operations share and the discount rate — and the design is evaluated again; each input's effect is
 * the relative change of the verdict, cost.lcocToBaseline (discounted space LCOC / that of economics.baseline). The
 * ground side (the terrestrial scenario's prices) is not perturbed here: it is a catalog of scenarios, every one of
 * which the record compares against.
 * Self-contained: `nodeCostBreakdown(design, record, evaluator)` is the whole view (11 extra node evaluations, a few
 * ms), a BudgetSection that formatBudget's sectionLines, report.html and report.md can print as they print the others.
 */
import type { NodeDesign } from '../../node/design/schema.js';
import type { DesignRecord } from '../../node/record/record.js';
import { rowResolver, type NodeCatalogRows } from '../../node/record/rows.js';
import type { NodeEvaluator } from '../../node/evaluator.js';
import { costTechnologyPrices } from '../../models/cost/costTechnology.js';
import { DEFAULT_OPERATIONS_FRACTION_per_yr } from '../../models/cost/cost.js';
import { fmt } from '../../base/numberFormat.js';
import { costRatioText } from '../../base/verdictText.js';
import { hardwareLines, row, type BudgetRow, type BudgetSection } from './budget.js';

/** Relative step on each cost input [-]. */
export const STEP = 0.1;
const DRIVERS_SHOWN = 3;

export interface CostDriver {
  /** The input, in words, with the design path or catalog field it names. */
  readonly input: string;
  /** Relative change of cost.lcocToBaseline for a +STEP change of the input [-]. */
  readonly verdictChange: number;
}

type Perturb = (d: NodeDesign, rows: NodeCatalogRows) => void;

/** A catalog row of the design overridden (its `catalogs:` section) with one field × (1 + STEP). */
function rowField<K extends keyof NodeCatalogRows>(kind: string, key: K, field: string): Perturb {
  return (d, rows) => {
    const r = rows[key] as unknown as Record<string, unknown> & { id: string };
    const own = ((d.catalogs ?? {}) as Record<string, Record<string, unknown>[] | undefined>)[kind] ?? [];
    const next = { ...r, [field]: (r[field] as number) * (1 + STEP) };
    (d as { catalogs?: unknown }).catalogs = { ...d.catalogs, [kind]: [...own.filter((x) => x['id'] !== r.id), next] };
  };
}

/** Every space-side cost input and how to raise it by STEP. */
function costInputs(design: NodeDesign): [string, Perturb][] {
  const c = design.cost;
  const prices = () =>
    costTechnologyPrices(c.technology, {
      arrayPriceFactor: c.arrayPriceFactor,
      radiatorPriceFactor: c.radiatorPriceFactor,
      busCost_USD_per_kg: c.busCost_USD_per_kg,
      aitFraction: c.aitFraction,
      chipIntegrationFraction: c.chipIntegrationFraction,
    });
  const up = 1 + STEP;
  return [
    ['chip price (chips row costPerChip_USD)', rowField('chips', 'chip', 'costPerChip_USD')],
    ['array price (solar-arrays row cost_USD_per_W)', rowField('solarArrays', 'array', 'cost_USD_per_W')],
    ['radiator price (radiators row cost_USD_per_m2)', rowField('radiators', 'radiator', 'cost_USD_per_m2')],
    ['battery price (batteries row cost_USD_per_Wh)', rowField('batteries', 'battery', 'cost_USD_per_Wh')],
    ['ISL terminal price (isl-terminals row cost_USD)', rowField('islTerminals', 'terminal', 'cost_USD')],
    design.economics.launchCost_USD_per_kg !== undefined
      ? ['launch price (economics.launchCost_USD_per_kg)', (d) => void (d.economics.launchCost_USD_per_kg! *= up)]
      : ['launch price (launch-vehicles row price_USD)', rowField('launchVehicles', 'vehicle', 'price_USD')],
    ['bus price (cost.busCost_USD_per_kg)', (d) => void (d.cost.busCost_USD_per_kg = prices().busCost_USD_per_kg * up)],
    ['AIT share (cost.aitFraction)', (d) => void (d.cost.aitFraction = Math.min(1, prices().aitFraction * up))],
    [
      'chip packaging premium (cost.chipIntegrationFraction)',
      (d) => void (d.cost.chipIntegrationFraction = prices().chipIntegrationFraction * up),
    ],
    [
      'operations share (cost.operationsFraction_per_yr)',
      (d) =>
        void (d.cost.operationsFraction_per_yr =
          (c.operationsFraction_per_yr ?? DEFAULT_OPERATIONS_FRACTION_per_yr) * up),
    ],
    ['discount rate (economics.discountRate_per_yr)', (d) => void (d.economics.discountRate_per_yr *= up)],
  ];
}

/**
 * Each cost input's effect on the verdict, largest first. `evaluate` is the node evaluator (it resolves the design's
 * `catalogs:` rows first), `rows` the design's resolved catalog rows.
 */
export function costDrivers(
  design: NodeDesign,
  rows: NodeCatalogRows,
  evaluate: (d: NodeDesign) => DesignRecord,
): CostDriver[] {
  const base = evaluate(design).cost.lcocToBaseline;
  return costInputs(design)
    .map(([input, perturb]) => {
      const d = structuredClone(design);
      perturb(d, rows);
      return { input, verdictChange: evaluate(d).cost.lcocToBaseline / base - 1 };
    })
    .sort((a, b) => Math.abs(b.verdictChange) - Math.abs(a.verdictChange));
}

/** The first-screen cost view: the lines, the unit costs beside the ground's and the top drivers. */
export function costBreakdownSection(r: DesignRecord, drivers: readonly CostDriver[]): BudgetSection {
  const k = r.cost;
  const ops = k.operations_USD;
  const lines: [string, number][] = [...hardwareLines(k), ['launch', k.launch_USD], ['operations (mission)', ops]];
  const e = r.economics;
  const rows: BudgetRow[] = [
    ...lines.map(([label, usd]) => row(label, usd / 1e6, 'M USD', `${fmt((100 * usd) / k.total_USD)} % of the node`)),
    row(
      'capex per W of IT, with chips',
      k.capexWithChips_USD_per_W,
      'USD/W',
      `ex-chips ${fmt(k.capexExChips_USD_per_W)}; launch included`,
    ),
    row(
      'cost per chip-hour (GPU-hour), discounted',
      e.costPerChipHourDiscounted_USD,
      'USD/chip-h',
      `ground ${fmt(e.terrestrialCostPerChipHourDiscounted_USD)}: ${costRatioText(k.lcocToBaseline, 'space ')}`,
    ),
    ...drivers
      .slice(0, DRIVERS_SHOWN)
      .map((d, i) =>
        row(
          i === 0 ? `verdict moves most with (+${fmt(100 * STEP)} % each)` : '',
          `${d.verdictChange >= 0 ? '+' : ''}${fmt(100 * d.verdictChange)}`,
          '%',
          d.input,
        ),
      ),
  ];
  return { title: 'Cost breakdown (one node, first unit)', rows };
}

/** The whole view for a design evaluated with `ev` (the hook a report's first screen calls). */
export function nodeCostBreakdown(design: NodeDesign, record: DesignRecord, ev: NodeEvaluator): BudgetSection {
  return costBreakdownSection(
    record,
    costDrivers(design, rowResolver(ev.rows)(design), (d) => ev.evaluate(d)),
  );
}
