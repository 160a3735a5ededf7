/**
 * The cost where a constellation's verdict stands: its cost line by line (chips, array, radiator, battery, bus, ISL,
 * AIT and the rest across every satellite on the learning curve, then launch, operations, replacements and the ground
 * segment), $/W and $/chip-hour beside the ground's, and the three cost inputs that move the verdict most.
 * Lines: chips at market price, Σ nᵢ·chipsᵢ (nᵢ satellites of shell i); every other first-unit line scaled by
 * (totals.hardware_USD − Σ nᵢ·chipsᵢ) / Σ nᵢ·(hardwareᵢ − chipsᵢ), Wright's curve from the satellite-weighted mean
 * first unit (src/constellation/economics/generation.ts), so the lines sum to the hardware total.
 * Verdict: totals.lcocDiscounted_USD_per_PFLOP_day over the satellites × delivered-PFLOPS weighted discounted ground
 * LCOC of the shells' chips (src/run/decision/recommend.ts fleetGroundLcoc), the node verdict's basis; parity year and
 * band:
 * ./constellationParity.ts.
 * Drivers: each cost input raised by STEP (10 %) in turn, the shells' nodes evaluated and the generation priced again.
 * Not perturbed: the shielding and propellant $/kg and the gateway operations (constants).
 * The verdict's bridges and the list of drivers: docs/runs.md §"Constellation cost".
 */
import { shellNodes } from '../../constellation/evaluate.js';
import type { ConstellationSpec } from '../../constellation/design/compile.js';
import { constellationLearningRate, generationEconomics } from '../../constellation/economics/generation.js';
import { bridgeEntriesText } from '../../constellation/economics/bridge.js';
import { DEFAULT_FAILURE_RATE_per_yr, DEFAULT_GATEWAY_CAPEX_USD } from '../../constellation/economics/economics.js';
import type { ConstellationRecord } from '../../constellation/record/record.js';
import { costTechnologyPrices } from '../../models/cost/costTechnology.js';
import type { NodeCatalogRows } from '../../node/record/rows.js';
import type { NodeDesign } from '../../node/design/schema.js';
import { fleetGroundLcoc } from '../decision/recommend.js';
import { fmt } from '../../base/numberFormat.js';
import { costRatioText, ratioText } from '../../base/verdictText.js';
import { hardwareLines, parityBandText, row, type BudgetRow, type BudgetSection } from './budgetRows.js';
import { constellationParity } from './constellationParity.js';
import { driverRows, groundCapex, groundCapexNote, STEP, type CostDriver, type GroundCapex } from './costBreakdown.js';

type Spec = { -readonly [K in keyof ConstellationSpec]: ConstellationSpec[K] };
type Perturb = (spec: Spec, launch: { usd: number }) => void;

const up = 1 + STEP;

/** Every shell's catalog row `key` with `field` × (1 + STEP). */
const rowField =
  (key: keyof NodeCatalogRows, field: string): Perturb =>
  (spec) => {
    spec.shells = spec.shells.map((s) => {
      const r = s.rows[key] as unknown as Record<string, number>;
      return { ...s, rows: { ...s.rows, [key]: { ...r, [field]: r[field]! * up } } };
    });
  };

/** Every shell's node `cost.<key>` raised by STEP from the value in force (its preset's unless the file sets it). */
const costKey =
  (key: 'busCost_USD_per_kg' | 'aitFraction' | 'chipIntegrationFraction'): Perturb =>
  (spec) => {
    spec.shells = spec.shells.map((s) => {
      const c = s.node.cost;
      const inForce = costTechnologyPrices(c.technology, {
        arrayPriceFactor: c.arrayPriceFactor,
        radiatorPriceFactor: c.radiatorPriceFactor,
        busCost_USD_per_kg: c.busCost_USD_per_kg,
        aitFraction: c.aitFraction,
        chipIntegrationFraction: c.chipIntegrationFraction,
      })[key];
      const node: NodeDesign = { ...s.node, cost: { ...c, [key]: inForce * up } };
      return { ...s, node };
    });
  };

/** Every cost input of a constellation and how to raise it by STEP. */
function constellationCostInputs(spec0: ConstellationSpec, r: ConstellationRecord): [string, Perturb][] {
  const econ =
    (k: keyof Spec['economics'], v: number): Perturb =>
    (spec) => {
      spec.economics = { ...spec.economics, [k]: v };
    };
  return [
    ['chip price (chips row costPerChip_USD)', rowField('chip', 'costPerChip_USD')],
    ['array price (solar-arrays row cost_USD_per_W)', rowField('array', 'cost_USD_per_W')],
    ['radiator price (radiators row cost_USD_per_m2)', rowField('radiator', 'cost_USD_per_m2')],
    ['battery price (batteries row cost_USD_per_Wh)', rowField('battery', 'cost_USD_per_Wh')],
    ['ISL terminal price (isl-terminals row cost_USD)', rowField('terminal', 'cost_USD')],
    ['launch price (the campaign, launch-vehicles rows price_USD)', (_s, l) => void (l.usd *= up)],
    ['bus price (cost.busCost_USD_per_kg)', costKey('busCost_USD_per_kg')],
    ['AIT share (cost.aitFraction)', costKey('aitFraction')],
    ['chip packaging premium (cost.chipIntegrationFraction)', costKey('chipIntegrationFraction')],
    [
      'learning rate (economics.learningRate, at most 1)',
      (spec) => econ('learningRate', Math.min(1, constellationLearningRate(spec) * up))(spec, { usd: 0 }),
    ],
    [
      'satellite failure rate (economics.satelliteFailureRate_per_yr)',
      (spec) =>
        econ(
          'satelliteFailureRate_per_yr',
          (spec.economics.satelliteFailureRate_per_yr ?? DEFAULT_FAILURE_RATE_per_yr) * up,
        )(spec, { usd: 0 }),
    ],
    [
      'operations per satellite-year (economics.operations_USD_per_sat_yr)',
      econ('operations_USD_per_sat_yr', (r.totals.operations_USD / satelliteYears(spec0, r)) * up),
    ],
    [
      'gateway capex (economics.groundStation_USD)',
      (spec) =>
        econ('groundStation_USD', (spec.economics.groundStation_USD ?? DEFAULT_GATEWAY_CAPEX_USD) * up)(spec, {
          usd: 0,
        }),
    ],
  ];
}

/** Satellite-years of one generation (each satellite its node's design life: generation.ts). */
const satelliteYears = (spec: ConstellationSpec, r: ConstellationRecord): number =>
  r.shells.reduce((a, s, i) => a + s.satellites * spec.shells[i]!.node.mission.lifetime_yr, 0);

/** The verdict (space / ground discounted LCOC) of the generation priced from `spec`'s nodes and `launch_USD`. */
function verdictOf(spec: ConstellationSpec, r: ConstellationRecord, launch_USD: number, baseline: string): number {
  const { nodes } = shellNodes(spec, []);
  const sats = r.shells.map((s) => s.satellites);
  const econ = generationEconomics(spec, nodes, sats, launch_USD, []);
  const ground = fleetGroundLcoc(
    nodes.map((node, i) => ({ satellites: sats[i]!, node })),
    baseline,
  );
  return econ.lcocDiscounted_USD_per_PFLOP_day / (ground ?? Number.NaN);
}

/** Each cost input's effect on the constellation's verdict, largest first. */
export function constellationCostDrivers(
  spec: ConstellationSpec,
  r: ConstellationRecord,
  baseline: string,
): CostDriver[] {
  const base = verdictOf(spec, r, r.totals.launch_USD, baseline);
  return constellationCostInputs(spec, r)
    .map(([input, perturb]) => {
      const s: Spec = { ...spec, economics: { ...spec.economics }, shells: [...spec.shells] };
      const launch = { usd: r.totals.launch_USD };
      perturb(s, launch);
      return { input, verdictChange: verdictOf(s, r, launch.usd, baseline) / base - 1 };
    })
    .sort((a, b) => Math.abs(b.verdictChange) - Math.abs(a.verdictChange));
}

/** Σ nᵢ·xᵢ over the shells (nᵢ satellites). */
const fleetSum = (r: ConstellationRecord, f: (s: ConstellationRecord['shells'][number]) => number): number =>
  r.shells.reduce((a, s) => a + s.satellites * f(s), 0);

/** The ground's $/W for the fleet's chips: each shell's (./costBreakdown.ts groundCapex) weighted by its IT power. */
function fleetGroundCapex(spec: ConstellationSpec, r: ConstellationRecord): GroundCapex {
  const g = r.shells.map((s, i) => groundCapex(spec.shells[i]!.node, spec.shells[i]!.rows, s.node));
  const power = r.shells.reduce((a, s, i) => a + s.satellites * g[i]!.itPowerAvg_W, 0);
  const weighted = (f: (x: GroundCapex) => number): number =>
    r.shells.reduce((a, s, i) => a + s.satellites * g[i]!.itPowerAvg_W * f(g[i]!), 0) / power;
  return {
    scenario: g[0]!.scenario,
    capexWithChips_USD_per_W: weighted((x) => x.capexWithChips_USD_per_W),
    capexExChips_USD_per_W: weighted((x) => x.capexExChips_USD_per_W),
    lease_USD_per_kW_month: g[0]!.lease_USD_per_kW_month,
    itPowerAvg_W: power,
  };
}

/** A factor between two verdicts, or why there is none (never "∞" or "n/a"). */
const factorText = (x: number): string =>
  Number.isFinite(x) && x > 0 ? `× ${fmt(x)}` : 'no factor (a side has no verdict)';

/**
 * The bridge from this verdict to the undiscounted basis and to the node records' verdict, in one line: the
 * undiscounted ratio (totals.lcoc_USD_per_PFLOP_day over the ground's undiscounted LCOC), this one discounted at the
 * node's economics.discountRate_per_yr over the generation's service life, and the factor between them; the shells'
 * nodes against the same scenario as their node records compare them (their fleet of economics.units = the satellite
 * count on the same learning curve) × the factor the constellation roll-up accounts for (failures replaced, gateways,
 * the campaign's launch price) = this verdict. Satellites × delivered-PFLOPS weights, as fleetGroundLcoc's.
 */
function basisBridge(spec: ConstellationSpec, r: ConstellationRecord, baseline: string, verdict: number): BudgetRow {
  const weighted = (f: (s: ConstellationRecord['shells'][number]) => number): number =>
    fleetSum(r, (s) => s.node.compute.deliveredPFLOPS * f(s)) / fleetSum(r, (s) => s.node.compute.deliveredPFLOPS);
  const b = (s: ConstellationRecord['shells'][number]) => s.node.cost.baselines.find((x) => x.id === baseline);
  const node =
    weighted((s) => s.node.cost.lcocDiscounted_USD_per_PFLOP_day) /
    weighted((s) => b(s)?.lcocDiscounted_USD_per_PFLOP_day ?? Number.NaN);
  const undiscounted = r.totals.lcoc_USD_per_PFLOP_day / (fleetGroundLcoc(r.shells, baseline, true) ?? Number.NaN);
  const rate = r.shells[0]!.node.cost.discountRate_per_yr;
  const life = satelliteYears(spec, r) / r.totals.satellites;
  return row(
    'verdict, undiscounted → discounted',
    ratioText(undiscounted),
    '-',
    `undiscounted ${ratioText(undiscounted)}, discounted at ${fmt(100 * rate)} %/yr over ${fmt(life)} years ` +
      `${ratioText(verdict)} (${factorText(verdict / undiscounted)}); the node records' basis ${ratioText(node)} ` +
      `(${fmt(r.totals.satellites)} nodes on the learning curve at ${fmt(constellationLearningRate(spec))}) ` +
      `${factorText(verdict / node)} constellation roll-up (replacements, gateways, campaign launch) = ${ratioText(verdict)}`,
  );
}

/** The bridge from the shells' node records to this verdict (record totals.verdictBridge) in one row. */
function nodeBridgeRow(r: ConstellationRecord): BudgetRow {
  const b = r.totals.verdictBridge;
  const last = b[b.length - 1];
  return row('nodes → constellation', last === undefined ? 'none' : ratioText(last.ratio), '-', bridgeEntriesText(b));
}

/** The verdict's parity year and band (./constellationParity.ts) in one row. */
function parityRow(spec: ConstellationSpec, r: ConstellationRecord, baseline: string): BudgetRow {
  const t = spec.shells[0]!.node.economics.trajectories;
  const search = `${t.fromYear}–${t.toYear}`;
  const p = constellationParity(spec, r, baseline);
  return p === null
    ? row(
        `parity year vs ${baseline}`,
        'none',
        'yr',
        `no compute delivered against ${baseline} (or the generation cannot be priced): no parity`,
      )
    : row(
        `parity year vs ${baseline}`,
        parityBandText(p, search),
        'yr',
        `this verdict along economics.trajectories (${search}, design prices of ${t.referenceYear}): ${p.statement}; ${p.band}`,
      );
}

/** The first-screen cost view of a constellation (see the header); `spec` is the one `r` was evaluated from. */
export function constellationCostBreakdown(spec: ConstellationSpec, r: ConstellationRecord): BudgetSection {
  const t = r.totals;
  const baseline = spec.shells[0]!.node.economics.baseline;
  const chips = fleetSum(r, (s) => s.node.cost.chipsHardware_USD);
  const learning = (t.hardware_USD - chips) / (fleetSum(r, (s) => s.node.cost.hardware_USD) - chips);
  const lines: [string, number][] = [
    ...hardwareLines(r.shells[0]!.node.cost).map(([label], j): [string, number] => [
      label,
      j === 0 ? chips : learning * fleetSum(r, (s) => hardwareLines(s.node.cost)[j]![1]),
    ]),
    ['launch (campaign)', t.launch_USD],
    ['operations', t.operations_USD],
    ['replacements (failures)', t.replacements_USD],
    ['ground segment (gateways)', t.ground_USD],
  ];
  const ground = fleetGroundLcoc(r.shells, baseline);
  const verdict = t.lcocDiscounted_USD_per_PFLOP_day / (ground ?? Number.NaN);
  const groundChipHour =
    fleetSum(r, (s) => s.node.compute.chips * s.node.economics.terrestrialCostPerChipHourDiscounted_USD) /
    fleetSum(r, (s) => s.node.compute.chips);
  const g = fleetGroundCapex(spec, r);
  const perW = (t.hardware_USD + t.launch_USD) / t.itPowerAvg_W;
  const [scale, unit] = t.cost_USD >= 1e9 ? [1e9, 'bn USD'] : [1e6, 'M USD'];
  const rows = [
    ...lines.map(([label, usd]) => row(label, usd / scale, unit, `${fmt((100 * usd) / t.cost_USD)} % of the total`)),
    row(
      'capex per W of IT, with chips',
      perW,
      'USD/W',
      `hardware on the learning curve + launch, per W of average IT; ${groundCapexNote(g)}`,
    ),
    row(
      'cost per chip-hour (GPU-hour), discounted',
      Number.isFinite(t.costPerChipHourDiscounted_USD) ? t.costPerChipHourDiscounted_USD : 'none',
      'USD/chip-h',
      // the ratio of the two figures on this row (per chip-hour), not the per-PFLOP-day verdict
      `ground ${fmt(groundChipHour)}: ${costRatioText(t.costPerChipHourDiscounted_USD / groundChipHour, 'space ')}`,
    ),
    basisBridge(spec, r, baseline, verdict),
    nodeBridgeRow(r),
    parityRow(spec, r, baseline),
    ...driverRows(constellationCostDrivers(spec, r, baseline)),
  ];
  return {
    title:
      `Cost breakdown (${fmt(t.satellites)} satellites, one generation, hardware but the chips × ${fmt(learning)} of the ` +
      `first units on the learning curve; verdict discounted, against ${baseline})`,
    rows,
  };
}
