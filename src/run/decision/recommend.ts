/**
 * The decision summary a run leads with: the recommended designs (the knee, then the best design per objective,
 * each design once), their key figures in engineering units, the verdict against each terrestrial scenario, what
 * binds each of them (src/run/decision/binding.ts) and what the front as a whole presses against. Written into run.json
 * (`decision`), printed after `odc run` (src/report/decision/summary.ts) and shown first in report.html and report.md.
 * Terrestrial verdict: discounted space LCOC / discounted LCOC of the same chips in each scenario of
 * designs/catalogs/terrestrial-baselines.yaml (src/models/cost/lifecycleBaseline.ts), same lifetime and discount
 * rate; < 1 means space is cheaper. Node studies: the record's `cost.baselines` (src/node/evaluate.ts);
 * constellation studies: totals.lcocDiscounted_USD_per_PFLOP_day over the shells' ground figures weighted by
 * satellites × delivered PFLOPS.
 * Robust studies: the figures are those of the nominal design (its record), the objectives the statistics.
 * Pure: a function of pareto.json's content.
 * The constellation basis: docs/runs.md §"Decision summary".
 */
import type { ConstellationRecord } from '../../constellation/record/record.js';
import type { DesignRecord } from '../../node/record/record.js';
import type { ParetoDesign, ParetoFile } from '../paretoFile.js';
import { BINDING_MARGIN, BOUND_TOLERANCE, designBinding, frontPressure } from './binding.js';
import { answerKnee, bestPosition, noAnswerText } from './decision.js';
import { frontSpread } from './spread.js';
import { pickName } from './decisionText.js';
import { costBridgeText } from '../../base/verdictText.js';
import { groupedDecimal } from '../../base/numberFormat.js';
import { bridgeEntriesText } from '../../constellation/economics/bridge.js';
import type {
  ConstraintMargin,
  DecisionSummary,
  Figure,
  KneeRelaxation,
  KneeStanding,
  RecommendedDesign,
  ShellSummary,
  TerrestrialVerdict,
} from '../schemas.js';

const fig = (label: string, metric: string, value: number | undefined, unit: string, scale = 1): Figure[] =>
  typeof value === 'number' && Number.isFinite(value) ? [{ label, metric, value: value * scale, unit }] : [];

/** The record's economics.baseline scenario (the one its lcocToBaseline is against). */
const ownBaseline = (r: DesignRecord) =>
  r.cost.baselines?.find((b) => b.spaceToTerrestrial === r.cost.lcocToBaseline) ?? r.cost.baselines?.[0];

/** The node's cost bridge: first unit → programme → discounted → economics.baseline's ratio. */
export function nodeBridge(r: DesignRecord): string {
  const c = r.cost;
  const own = ownBaseline(r);
  return costBridgeText({
    firstUnit: c.lcoc_USD_per_PFLOP_day,
    units: c.programmeUnits,
    learningRate: c.learningRate,
    programme: c.programLcoc_USD_per_PFLOP_day,
    discountRate_per_yr: c.discountRate_per_yr,
    discounted: c.lcocDiscounted_USD_per_PFLOP_day,
    ratio: own?.spaceToTerrestrial ?? NaN,
    baseline: own?.id ?? 'no baseline',
  });
}

/**
 * The constellation's cost bridge: the programme of its satellites → discounted → the first verdict's ratio; then from
 * its shells' node verdicts to its own, step by step (record totals.verdictBridge, economics/bridge.ts).
 */
function constellationBridge(r: ConstellationRecord, verdicts: readonly TerrestrialVerdict[]): string {
  const v = verdicts[0];
  return `${costBridgeText({
    units: r.totals.satellites,
    programme: r.totals.lcoc_USD_per_PFLOP_day,
    discountRate_per_yr: r.shells[0]?.node.cost.discountRate_per_yr ?? NaN,
    discounted: r.totals.lcocDiscounted_USD_per_PFLOP_day,
    ratio: v?.spaceToTerrestrial ?? NaN,
    baseline: v?.baseline ?? 'no baseline',
  })}; from its nodes: ${bridgeEntriesText(r.totals.verdictBridge)}`;
}

/**
 * The parity clause of a node record: its parity statement against economics.baseline up to its band ("does not
 * reach parity by 2045: space costs 4.02× the terrestrial baseline in 2045"); none when the search did not run.
 */
function parityOf(r: DesignRecord): { parity?: string } {
  const text = r.economics.parityStatement;
  if (typeof text !== 'string' || text === '') return {};
  const own = text.replace(/^vs [^:]*: /, '');
  return { parity: own.split('; ')[0]! };
}

/** Key figures; the cost of delivered compute on the verdict's basis (programme, discounted) first. */
function nodeFigures(r: DesignRecord): Figure[] {
  return [
    ...fig(
      'cost of delivered compute (programme, discounted)',
      'cost.lcocDiscounted_USD_per_PFLOP_day',
      r.cost.lcocDiscounted_USD_per_PFLOP_day,
      'USD/PFLOP-day',
    ),
    ...fig('delivered compute', 'compute.deliveredPFLOPS', r.compute.deliveredPFLOPS, 'PFLOPS'),
    ...fig('IT power, average', 'compute.itPowerAvg_W', r.compute.itPowerAvg_W, 'kW', 1e-3),
    ...fig('specific power', 'mass.kW_per_t', r.mass.kW_per_t, 'kW/t'),
    ...fig('launch mass', 'mass.launch_kg', r.mass.launch_kg, 'kg'),
    ...fig('node cost (first unit)', 'cost.total_USD', r.cost.total_USD, 'M USD', 1e-6),
  ];
}

function constellationFigures(r: ConstellationRecord): Figure[] {
  const t = r.totals;
  return [
    // the verdict's basis (and the shipped study's objective) first, the undiscounted programme beside it
    ...fig(
      'cost of delivered compute (programme, discounted)',
      'totals.lcocDiscounted_USD_per_PFLOP_day',
      t.lcocDiscounted_USD_per_PFLOP_day,
      'USD/PFLOP-day',
    ),
    ...fig('programme, undiscounted', 'totals.lcoc_USD_per_PFLOP_day', t.lcoc_USD_per_PFLOP_day, 'USD/PFLOP-day'),
    ...fig('IT power, average', 'totals.itPowerAvg_W', t.itPowerAvg_W, 'MW', 1e-6),
    ...fig('satellites', 'totals.satellites', t.satellites, '-'),
    ...fig('throughput per node', 'network.throughputPerNode_Gbps', r.network.throughputPerNode_Gbps, 'Gbps'),
    ...fig('delivered compute', 'totals.deliveredPFLOPS', t.deliveredPFLOPS, 'PFLOPS'),
    ...fig('total cost', 'totals.cost_USD', t.cost_USD, 'bn USD', 1e-9),
  ];
}

function nodeVerdicts(r: DesignRecord): TerrestrialVerdict[] {
  return (r.cost.baselines ?? []).map((b) => ({
    baseline: b.id,
    space_USD_per_PFLOP_day: r.cost.lcocDiscounted_USD_per_PFLOP_day,
    terrestrial_USD_per_PFLOP_day: b.lcocDiscounted_USD_per_PFLOP_day,
    spaceToTerrestrial: b.spaceToTerrestrial,
    basis: 'discounted' as const,
  }));
}

/**
 * Each scenario's discounted LCOC of the fleet's chips against the constellation's discounted LCOC: shells' node
 * figures weighted by satellites × delivered PFLOPS. The first shell's economics.baseline first (the verdict the answer
 * states, the scenario totals.verdictBridge ends on), then the others in catalog order.
 */
export function constellationVerdicts(r: ConstellationRecord): TerrestrialVerdict[] {
  const node = r.shells[0]?.node;
  const all = node?.cost.baselines?.map((b) => b.id) ?? [];
  const own = node === undefined ? undefined : ownBaseline(node)?.id;
  const ids = own === undefined ? all : [own, ...all.filter((id) => id !== own)];
  return ids.flatMap((id) => {
    const terrestrial = fleetGroundLcoc(r.shells, id);
    if (terrestrial === null) return [];
    const space = r.totals.lcocDiscounted_USD_per_PFLOP_day;
    return [
      {
        baseline: id,
        space_USD_per_PFLOP_day: space,
        terrestrial_USD_per_PFLOP_day: terrestrial,
        spaceToTerrestrial: space / terrestrial,
        basis: 'discounted' as const,
      },
    ];
  });
}

/**
 * A scenario's discounted LCOC of a fleet's chips [USD/PFLOP-day] (undiscounted with `undiscounted`): each shell's
 * node figure weighted by satellites × delivered PFLOPS; null when no shell delivers compute or none has the scenario.
 */
export function fleetGroundLcoc(
  shells: readonly { readonly satellites: number; readonly node: DesignRecord }[],
  id: string,
  undiscounted = false,
): number | null {
  let [sum, weight] = [0, 0];
  for (const s of shells) {
    const b = s.node.cost.baselines?.find((x) => x.id === id);
    const w = s.satellites * s.node.compute.deliveredPFLOPS;
    if (b === undefined || !(w > 0)) continue;
    sum += w * (undiscounted ? b.lcoc_USD_per_PFLOP_day : b.lcocDiscounted_USD_per_PFLOP_day);
    weight += w;
  }
  return weight > 0 ? sum / weight : null;
}

const round = (v: number, digits = 3): string => String(Number(v.toPrecision(digits)));

function nodeConfiguration(r: DesignRecord): string {
  const o = r.orbit;
  const orbit = `${round(o.altitude_km)} km ${o.sunSynchronous ? 'SSO' : `${round(o.inclination_deg)}°`}`;
  return `${r.compute.chips} × ${r.compute.chip}, ${orbit}, array ${round(r.power.arrayArea_m2)} m², radiator ${round(r.thermal.radiatorArea_m2)} m², ISL ${r.isl.topology}`;
}

function shellsOf(r: ConstellationRecord): ShellSummary[] {
  return r.shells.map((s) => ({
    name: s.name,
    altitude_km: s.altitude_km,
    inclination_deg: s.inclination_deg,
    sunSynchronous: s.sunSynchronous,
    planes: s.planes,
    satsPerPlane: s.satsPerPlane,
    satellites: s.satellites,
  }));
}

/** "a: 550 km 53°, 10 × 12" per shell. */
export function shellText(s: ShellSummary): string {
  return `${s.name}: ${round(s.altitude_km)} km ${s.sunSynchronous ? 'SSO' : `${round(s.inclination_deg)}°`}, ${s.planes} × ${s.satsPerPlane}`;
}

function describe(
  pareto: ParetoFile,
  d: ParetoDesign,
): Pick<RecommendedDesign, 'configuration' | 'costBridge' | 'baseline' | 'parity' | 'figures' | 'verdicts' | 'shells'> {
  const rec = d.record;
  if (rec !== null && rec.kind === 'constellation') {
    const configuration = `${groupedDecimal(rec.satellites, 0)} satellites in ${rec.shells.length} shell${rec.shells.length === 1 ? '' : 's'}`;
    const verdicts = constellationVerdicts(rec);
    return {
      configuration,
      costBridge: constellationBridge(rec, verdicts),
      ...(verdicts[0] !== undefined ? { baseline: verdicts[0].baseline } : {}),
      figures: constellationFigures(rec),
      verdicts,
      shells: shellsOf(rec),
    };
  }
  if (rec !== null) {
    return {
      configuration: nodeConfiguration(rec),
      costBridge: nodeBridge(rec),
      ...(ownBaseline(rec) !== undefined ? { baseline: ownBaseline(rec)!.id } : {}),
      ...parityOf(rec),
      figures: nodeFigures(rec),
      verdicts: nodeVerdicts(rec),
    };
  }
  // benchmarks: the objectives are the figures
  const vars = pareto.variables.map(
    (v) =>
      `${v.name} = ${typeof d.variables[v.name] === 'number' ? round(d.variables[v.name] as number, 4) : String(d.variables[v.name])}`,
  );
  return {
    configuration: vars.length <= 6 ? vars.join(', ') : `${vars.slice(0, 6).join(', ')}, … (${vars.length} variables)`,
    figures: pareto.objectives.map((o) => ({
      label: o.name,
      metric: o.name,
      value: d.objectives[o.name]!,
      unit: o.unit,
    })),
    verdicts: [],
  };
}

/** "design 812", or "design 812 of seed 43" in a multi-seed run's union decision. */
export const designLabel = (d: Pick<RecommendedDesign, 'index' | 'seed'>): string =>
  `design ${d.index}${d.seed !== undefined ? ` of seed ${d.seed}` : ''}`;

/**
 * `standing`: how the knee the study's select: rule chose stands (src/run/decision/select.ts `kneeStanding`); without
 * it the plain knee of the whole front, with no standing. `seedOf`: a multi-seed union front's seed of each position.
 */
export function decisionSummary(
  pareto: ParetoFile,
  standing?: KneeStanding | null,
  seedOf?: (position: number) => number,
): DecisionSummary {
  const knee = standing?.position;
  const front = frontPressure(pareto);
  const base = {
    bindingMargin: BINDING_MARGIN,
    boundTolerance: BOUND_TOLERANCE,
    nominalFigures: pareto.robust !== undefined,
    front,
    spread: frontSpread(pareto),
    ...(standing !== undefined ? { standing } : {}),
  };
  const none = noAnswerText(pareto);
  if (none !== null) return { ...base, designs: [], noAnswer: none };
  if (pareto.designs.length === 0) return { ...base, designs: [] };
  const roles: { role: string; selector: string; position: number }[] = [
    { role: pickName(standing), selector: 'knee', position: knee ?? answerKnee(pareto) },
  ];
  for (const o of pareto.objectives) {
    roles.push({
      role: `best ${o.name} (${o.sense === 'maximize' ? 'highest' : 'lowest'})`,
      selector: `best:${o.name}`,
      position: bestPosition(pareto, o.name),
    });
  }
  const order: number[] = [];
  for (const r of roles) if (!order.includes(r.position)) order.push(r.position);
  const designs = order.map((p): RecommendedDesign => {
    const d = pareto.designs[p]!;
    const mine = roles.filter((r) => r.position === p);
    return {
      roles: mine.map((r) => r.role),
      selectors: mine.map((r) => r.selector),
      index: d.index,
      ...(seedOf !== undefined ? { seed: seedOf(p) } : {}),
      ...describe(pareto, d),
      binding: designBinding(d, pareto.variables, pareto.kind),
    };
  });
  return { ...base, designs };
}

/**
 * The decision with the shadow prices of its knee (src/run/decision/relaxation.ts), from `prices` given the knee's
 * design and binding constraints.
 */
export function withShadowPrices(
  d: DecisionSummary,
  pareto: ParetoFile,
  prices: (knee: ParetoDesign, binding: readonly ConstraintMargin[]) => KneeRelaxation | null,
): DecisionSummary {
  const knee = d.designs[0];
  const design = knee === undefined ? undefined : pareto.designs.find((x) => x.index === knee.index);
  if (knee === undefined || design === undefined) return d;
  return { ...d, shadowPrices: prices(design, knee.binding.constraints) };
}
