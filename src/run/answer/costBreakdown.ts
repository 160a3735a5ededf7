/**
 * The cost where the verdict stands: one node's cost line by line (chips, array, radiator, battery, bus, ISL, AIT,
 * launch, operations, the rest), $/W and $/chip-hour beside the ground's, and the inputs that move the verdict most.
 * Drivers: every space-side cost input is raised by STEP (10 %) in turn and the design evaluated again; each input's
 * effect is the relative change of cost.lcocToBaseline (discounted space LCOC / that of economics.baseline).
 * Not perturbed: the shielding and propellant $/kg (constants of src/models/cost/cost.ts) and the ground side.
 * Ground $/W: (the same chips at market price + the scenario's facility capex $/W × peak IT power) / the scenario's
 * average IT power (src/models/cost/lifecycleBaseline.ts: P_avg = P_pk·(f_idle + (1 − f_idle)·u)), beside the node's
 * capexWithChips (hardware incl. chips + launch per W of its average IT power).
 * Self-contained: `nodeCostBreakdown(design, record, evaluator)` is the whole view (15 extra node evaluations on the
 * lean path), a BudgetSection that formatBudget's sectionLines, report.html and report.md can print as they print the
 * others.
 * The list of drivers and the leased case: docs/runs.md §"Node cost breakdown".
 */
import type { NodeDesign } from '../../node/design/schema.js';
import type { DesignRecord } from '../../node/record/record.js';
import { rowResolver, type NodeCatalogRows } from '../../node/record/rows.js';
import type { NodeEvaluator } from '../../node/evaluator.js';
import { costTechnologyPrices } from '../../models/cost/costTechnology.js';
import { programmeLearningRate } from '../../models/cost/learningCurve.js';
import { DEFAULT_OPERATIONS_FRACTION_per_yr } from '../../models/cost/cost.js';
import { fmt } from '../../base/numberFormat.js';
import { findBaseline, loadTerrestrialBaselines } from '../../catalog/baselines.js';
import { baselineLcoc } from '../../models/cost/lifecycleBaseline.js';
import { costRatioText, ratioText } from '../../base/verdictText.js';
import { nodeBridge } from '../decision/recommend.js';
import { hardwareLines, row, type BudgetRow, type BudgetSection } from './budgetRows.js';

/** Relative step on each cost input [-]. */
export const STEP = 0.1;
export const DRIVERS_SHOWN = 3;

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
    [
      'learning rate (economics.learningRate, at most 1)',
      (d) =>
        void (d.economics.learningRate = Math.min(
          1,
          programmeLearningRate(design.economics.pricing, design.economics.units, design.economics.learningRate) * up,
        )),
    ],
    ['ground segment capex (economics.groundSegment_USD)', (d) => void (d.economics.groundSegment_USD *= up)],
    [
      'ground segment operations (economics.groundOperations_USD_per_yr)',
      (d) => void (d.economics.groundOperations_USD_per_yr *= up),
    ],
  ];
}

/**
 * Each cost input's effect on the verdict, largest first. `evaluate` is the node evaluator (it resolves the design's
 * `catalogs:` rows first), `rows` the design's resolved catalog rows; `metric` the figure whose relative change ranks
 * the inputs (default the verdict, cost.lcocToBaseline; designs/CALIBRATION.md ranks a published figure the same way).
 */
export function costDrivers(
  design: NodeDesign,
  rows: NodeCatalogRows,
  evaluate: (d: NodeDesign) => DesignRecord,
  metric: (r: DesignRecord) => number = (r) => r.cost.lcocToBaseline,
): CostDriver[] {
  return costDriversBy(design, rows, (d) => metric(evaluate(d)));
}

/** `costDrivers` ranked by `verdict`, the figure of a design (its record's, or the lean path's: the same bits). */
export function costDriversBy(
  design: NodeDesign,
  rows: NodeCatalogRows,
  verdict: (d: NodeDesign) => number,
): CostDriver[] {
  const base = verdict(design);
  return costInputs(design)
    .map(([input, perturb]) => {
      const d = structuredClone(design);
      perturb(d, rows);
      return { input, verdictChange: verdict(d) / base - 1 };
    })
    .sort((a, b) => Math.abs(b.verdictChange) - Math.abs(a.verdictChange));
}

/** The same chips on the ground in economics.baseline's scenario: capital per W of its average IT power. */
export interface GroundCapex {
  readonly scenario: string;
  /** (chips at market price + facility capex $/W × peak IT power) / the scenario's average IT power [USD/W]. */
  readonly capexWithChips_USD_per_W: number;
  /** The facility capex part alone [USD/W of average IT]. */
  readonly capexExChips_USD_per_W: number;
  /** Colocation rent of a leased scenario [USD/kW-month of IT capacity] (0 when owned). */
  readonly lease_USD_per_kW_month: number;
  /** The same chips' average IT power in the scenario [W] (the denominator of the two $/W). */
  readonly itPowerAvg_W: number;
}

/** The ground's $/W for the design's chips in its economics.baseline scenario (see the header). */
export function groundCapex(design: NodeDesign, rows: NodeCatalogRows, r: DesignRecord): GroundCapex {
  const sc = findBaseline(loadTerrestrialBaselines(), design.economics.baseline, 'economics.baseline');
  const chips_USD = design.compute.chips * rows.chip.costPerChip_USD;
  const peak_W = r.compute.itPowerPeak_W;
  const ground = baselineLcoc({
    scenario: sc,
    chipSet: {
      chips_USD,
      itPowerPeak_W: peak_W,
      idlePowerFraction: rows.chip.idlePowerFraction,
      peakPFLOPS: r.compute.peakPFLOPS,
    },
    lifetime_yr: design.mission.lifetime_yr,
    discountRate_per_yr: design.economics.discountRate_per_yr,
  });
  const facility_USD = sc.capexExChips_USD_per_W * peak_W;
  return {
    scenario: sc.id,
    capexWithChips_USD_per_W: (chips_USD + facility_USD) / ground.itPowerAvg_W,
    capexExChips_USD_per_W: facility_USD / ground.itPowerAvg_W,
    lease_USD_per_kW_month: sc.lease_USD_per_kW_month,
    itPowerAvg_W: ground.itPowerAvg_W,
  };
}

export const groundCapexNote = (g: GroundCapex): string =>
  `ground (${g.scenario}, same chips) ${fmt(g.capexWithChips_USD_per_W)}, ex-chips ${fmt(g.capexExChips_USD_per_W)}` +
  (g.lease_USD_per_kW_month > 0 ? ` (leased: rent ${fmt(g.lease_USD_per_kW_month)} USD/kW-month on top)` : '');

/**
 * The one line that bridges the verdict to a second basis: undiscounted (the fleet's programLcoc over the scenario's
 * undiscounted LCOC) = the discounted verdict this view leads with × the factor between them. A constellation's verdict
 * stands on the discounted basis too, with its roll-up on top.
 */
function undiscountedBridge(k: DesignRecord['cost'], scenario: string): BudgetRow {
  const b = k.baselines.find((x) => x.id === scenario);
  const undiscounted = k.programLcoc_USD_per_PFLOP_day / (b?.lcoc_USD_per_PFLOP_day ?? Number.NaN);
  return row(
    'verdict undiscounted',
    ratioText(undiscounted),
    '-',
    `= the discounted ${ratioText(k.lcocToBaseline)} × ${fmt(undiscounted / k.lcocToBaseline)}; a constellation report ` +
      'stands on the discounted basis and adds its roll-up (failure replacements, gateways)',
  );
}

/** The DRIVERS_SHOWN inputs that move the verdict most, one row each: the relative change of the verdict. */
export function driverRows(drivers: readonly CostDriver[]): BudgetRow[] {
  return drivers
    .slice(0, DRIVERS_SHOWN)
    .map((d, i) =>
      row(
        i === 0 ? `verdict moves most with (+${fmt(100 * STEP)} % each)` : '',
        `${d.verdictChange >= 0 ? '+' : ''}${fmt(100 * d.verdictChange)}`,
        '%',
        d.input,
      ),
    );
}

/** The first-screen cost view: the lines, the unit costs beside the ground's and the top drivers. */
export function costBreakdownSection(
  r: DesignRecord,
  drivers: readonly CostDriver[],
  ground?: GroundCapex,
  learningRate?: number,
): BudgetSection {
  const k = r.cost;
  const ops = k.operations_USD;
  const lines: [string, number][] = [...hardwareLines(k), ['launch', k.launch_USD], ['operations (mission)', ops]];
  const e = r.economics;
  const rows: BudgetRow[] = [
    // the bridge leads: first unit → programme → discounted → the verdict
    row(
      'cost of delivered compute',
      k.lcocDiscounted_USD_per_PFLOP_day,
      'USD/PFLOP-day',
      nodeBridge(r).replace(/^cost of delivered compute: /, ''),
    ),
    ...lines.map(([label, usd]) => row(label, usd / 1e6, 'M USD', `${fmt((100 * usd) / k.total_USD)} % of the node`)),
    row(
      'non-chip hardware per kg dry, programme',
      k.nonChipHardware_USD_per_kg,
      'USD/kg',
      k.nonChipHardwareNote.replace(/^[^,]*, /, ''),
    ),
    row(
      'capex per W of IT, with chips',
      k.capexWithChips_USD_per_W,
      'USD/W',
      `ex-chips ${fmt(k.capexExChips_USD_per_W)}; launch included${ground ? `; ${groundCapexNote(ground)}` : ''}`,
    ),
    row(
      'cost per chip-hour (GPU-hour), discounted',
      e.costPerChipHourDiscounted_USD,
      'USD/chip-h',
      // the ratio of the two figures on this row (per chip-hour), not the per-PFLOP-day verdict: chips differ in FLOPs
      `ground ${fmt(e.terrestrialCostPerChipHourDiscounted_USD)}: ${costRatioText(e.costPerChipHourDiscounted_USD / e.terrestrialCostPerChipHourDiscounted_USD, 'space ')}`,
    ),
    ...(ground ? [undiscountedBridge(k, ground.scenario)] : []),
    ...driverRows(drivers),
  ];
  const fleet =
    k.nodesBuilt > 1
      ? `; the verdict prices ${fmt(k.nodesBuilt)} nodes${learningRate === undefined ? '' : `, learning rate ${fmt(learningRate)}`}`
      : '; programme size not stated (economics.units 1): the verdict prices this one node';
  return { title: `Cost breakdown (one node, first unit${fleet})`, rows };
}

/**
 * The whole view for a design evaluated with `ev` (the hook a report's first screen calls). The drivers' designs are
 * evaluated on the lean path, which gives the verdict bit for bit as the record does (test/node/evaluate.test.ts,
 * lean) at a fraction of a record's cost; on records when it cannot.
 */
export function nodeCostBreakdown(design: NodeDesign, record: DesignRecord, ev: NodeEvaluator): BudgetSection {
  const rows = rowResolver(ev.rows)(design);
  const lean = ev.lean({ metrics: ['cost.lcocToBaseline'], constraints: [] });
  return costBreakdownSection(
    record,
    lean === null
      ? costDrivers(design, rows, (d) => ev.evaluate(d))
      : costDriversBy(design, rows, (d) => lean.run(d)[0]!),
    groundCapex(design, rows, record),
    programmeLearningRate(design.economics.pricing, design.economics.units, design.economics.learningRate),
  );
}
