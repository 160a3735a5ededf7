/**
 * The multi-seed report's plots (./seedsReport.ts), drawn with the chart layer (../plots/chart.ts): the union front in
 * objective space, each design coloured by the seed whose run found it and the knee marked (one x–y plot for two
 * objectives, else the lower triangle of the scatter matrix: the run report's objectiveMatrix); and of the
 * knee, from its record as its seed's pareto.json holds it: the power and mass budgets, the node's cost lines, the cost
 * of delivered compute from the first unit to the verdict's basis beside the ground scenarios', and the
 * delivered-compute waterfall (the run report's, ../plots/modelPlots.ts). Which are drawn, in what order, under which
 * title: the plot catalogue (../plots/catalogue.ts `SEEDS_PLOTS`).
 */
import { unionKneePosition, type SeedUnion } from '../../run/multiSeed.js';
import type { DesignRecord } from '../../node/record/record.js';
import { designRecordSchema } from '../../node/record/recordSchema.js';
import { fmt } from '../../base/numberFormat.js';
import { LAUNCH_MASS_ITEMS_KG } from '../../models/mass/mass.js';
import { maxOf, pushAll } from '../../base/arrays.js';
import {
  CATEGORY10,
  TABLEAU10,
  chart,
  concat,
  drawn,
  type Bar,
  type ChartSpec,
  type Legend,
  type Scene,
} from '../../chart/chart.js';
import { objectiveTitle, paddedDomain, samplePositions } from '../plots/plots.js';
import { objectiveMatrix } from '../plots/scatterMatrix.js';
import { fieldRows, hardwareLines, type BudgetRow } from '../budget/budget.js';

/** Seed colours: d3's category10 without its red (cycled past nine seeds); the knee is black. */
const SEED_COLORS = [0, 1, 2, 4, 5, 6, 7, 8, 9].map((i) => CATEGORY10[i]!);
export const seedColor = (k: number): string => SEED_COLORS[k % SEED_COLORS.length]!;
export const KNEE_COLOR = '#111111';
/** Union designs drawn at most (evenly sampled beyond). */
export const MAX_UNION_POINTS = 3000;

const nodeFields = fieldRows(designRecordSchema);

/** A plot's caption and SVG with the scenes of its charts (what it shows, which tests read). */
export interface DrawnPlot {
  readonly caption: string;
  readonly svg: string;
  readonly scenes: readonly Scene[];
}

/** The union front in objective space by seed (`seeds`: the run's, in order), the knee marked (see the header). */
export function unionFrontPlot(union: SeedUnion, seeds: readonly number[]): DrawnPlot {
  const { pareto } = union;
  const m = pareto.objectives.length;
  const drawnAt = samplePositions(pareto.designs.length, MAX_UNION_POINTS);
  const knee = unionKneePosition(union);
  const point = (p: number, cat: string, label?: string): Record<string, unknown> => ({
    cat,
    ...(label !== undefined ? { label } : {}),
    ...Object.fromEntries(pareto.objectives.map((o, i) => [`o${i}`, pareto.designs[p]!.objectives[o.name]!])),
  });
  const points = [
    ...drawnAt.map((p) => point(p, `seed ${union.seeds[p]}`)),
    ...(knee >= 0 ? [point(knee, 'knee', 'knee')] : []),
  ];
  const axes = pareto.objectives.map((o) => ({
    title: objectiveTitle(o.name, o.unit, o.sense),
    domain: paddedDomain(pareto.designs.map((d) => d.objectives[o.name]!)),
  }));
  const categories = [
    ...seeds.map((s, c) => ({ name: `seed ${s}`, color: seedColor(c), shape: 'circle', size: 30, opacity: 0.8 })),
    ...(knee >= 0 ? [{ name: 'knee', color: KNEE_COLOR, shape: 'diamond', size: 150, opacity: 1 }] : []),
  ];
  const legends: Legend[] = [
    {
      title: 'found by',
      entries: seeds.map((s, c) => ({ name: `seed ${s}`, color: seedColor(c), symbol: 'circle' as const })),
    },
    ...(knee >= 0
      ? [{ title: 'answer', entries: [{ name: 'knee', color: KNEE_COLOR, symbol: 'diamond' as const }] }]
      : []),
  ];
  const figure = objectiveMatrix(points, axes, categories, 'found by', true, 'union-front', legends);
  const head = knee >= 0 ? union.decision.designs[0]! : null;
  const counts = seeds.map((s) => `seed ${s}: ${union.seeds.filter((x) => x === s).length}`).join(', ');
  return {
    caption:
      `${m === 2 ? 'Objective space' : `Objective space: scatter matrix of every pair of the ${m} objectives`}. ` +
      `The union front's ${pareto.designs.length} designs (${counts})${drawnAt.length < pareto.designs.length ? `, ${drawnAt.length} drawn, evenly sampled` : ''}, ` +
      'each coloured by the seed whose run found it' +
      `${head !== null ? `; black diamond: the knee, design ${head.index} of seed ${head.seed}` : ''}. ` +
      'Maximized objectives are shown in their own sense (larger is better).',
    svg: figure.svg,
    scenes: figure.scenes,
  };
}

/** A stacked horizontal bar of `parts` [value in the axis unit] on category `row`, from 0. */
function stacked(row: string, parts: readonly { value: number; color: string }[]): Bar[] {
  let from = 0;
  return parts.map((p) => {
    const bar: Bar = { x: [from, from + p.value], y: row, color: p.color };
    from += p.value;
    return bar;
  });
}

/** A value label at the end of a bar. */
const endLabel = (row: string, x: number, text: string) => ({ x, y: row, text, dx: 5, dy: 4 });

/** Horizontal bars over categories: the frame's height follows the rows. */
function barSpec(
  title: string,
  xTitle: string,
  rows: readonly string[],
  bars: readonly Bar[],
  labels: readonly StepLabel[],
  legends: readonly Legend[],
): ChartSpec {
  const top = maxOf([0, ...bars.map((b) => (typeof b.x === 'string' ? 0 : Math.max(b.x[0], b.x[1])))]);
  return {
    title,
    width: 440,
    height: 30 * rows.length,
    // room right of the longest bar for its label
    x: { title: xTitle, domain: [0, top * 1.18], nice: true },
    y: { kind: 'band', title: null, categories: rows },
    marks: [
      { type: 'bars', bars },
      { type: 'text', labels, size: 10 },
    ],
    legends,
  };
}

/** The knee's power budget [kW]: the array's output beside the peak demand by consumer and the orbit average. */
function powerSpec(r: DesignRecord): ChartSpec {
  const p = nodeFields(r, 'power');
  const kW = (w: number) => w / 1e3;
  const [bol, eol, peak, avg] = (['bolPower_W', 'eolPower_W', 'demandPeak_W', 'demandAvg_W'] as const).map((k) =>
    p(k, undefined, 'kW'),
  ) as [BudgetRow, BudgetRow, BudgetRow, BudgetRow];
  // peak demand is IT peak + bus + ISL + pumps (src/node/record/fields.ts demandPeak_W): the bus is what remains
  const others = kW(r.compute.itPowerPeak_W + r.isl.power_W + r.thermal.pumpPower_W);
  const parts = [
    { name: 'IT (chips), peak', value: kW(r.compute.itPowerPeak_W) },
    { name: 'bus', value: kW(r.power.demandPeak_W) - others },
    { name: 'ISL terminals', value: kW(r.isl.power_W) },
    { name: 'coolant pumps', value: kW(r.thermal.pumpPower_W) },
  ].map((d, i) => ({ ...d, color: TABLEAU10[i]! }));
  const [supply, average] = [TABLEAU10[4]!, TABLEAU10[9]!];
  const single = (row: BudgetRow, color: string): Bar => ({ x: [0, row.x!], y: row.label, color });
  return barSpec(
    'Power budget',
    'power [kW]',
    [bol.label, eol.label, peak.label, avg.label],
    [single(bol, supply), single(eol, supply), ...stacked(peak.label, parts), single(avg, average)],
    [bol, eol, peak, avg].map((row) => endLabel(row.label, row.x!, fmt(row.x!))),
    [
      {
        title: 'power',
        entries: [
          { name: 'array (sunlit)', color: supply },
          ...parts.map((d) => ({ name: d.name, color: d.color })),
          { name: 'orbit-average demand', color: average },
        ],
      },
    ],
  );
}

/** The knee's mass budget [kg]: the launch mass by line item (LAUNCH_MASS_ITEMS_KG) beside the mass allocated. */
function massSpec(r: DesignRecord): ChartSpec {
  const m = nodeFields(r, 'mass');
  const parts = LAUNCH_MASS_ITEMS_KG.map((k, i) => ({ name: m(k).label, value: r.mass[k], color: TABLEAU10[i]! }));
  const [launch, allocated] = [m('launch_kg'), m('allocated_kg')];
  return barSpec(
    'Mass budget',
    'mass [kg]',
    [launch.label, allocated.label],
    [...stacked(launch.label, parts), { x: [0, allocated.x!], y: allocated.label, color: '#9d9d9d' }],
    [launch, allocated].map((row) => endLabel(row.label, row.x!, fmt(row.x!))),
    [{ title: 'launch mass', entries: parts.map((d) => ({ name: d.name, color: d.color })) }],
  );
}

/** The knee's power and mass budgets, one above the other. */
export function budgetsPlot(r: DesignRecord): DrawnPlot {
  const { svg, scenes } = concat([[chart(powerSpec(r))], [chart(massSpec(r))]]);
  return {
    caption:
      "Power: the array's output in sunlight at beginning and end of life beside the bus demand at peak (IT, bus, " +
      'laser terminals and coolant pumps, stacked) and averaged over the orbit. Mass: the built-up launch mass by part ' +
      '(the system margin on the dry mass, then propellant and its tankage) beside the mass allocated on the launcher. ' +
      "The figures are those of the budget tables in the seed's report.",
    svg,
    scenes,
  };
}

/** The knee's cost lines (one node, first unit) [M USD], each with its share of the node. */
export function costPlot(r: DesignRecord): DrawnPlot {
  const k = r.cost;
  const lines: [string, number][] = [
    ...hardwareLines(k),
    ['launch', k.launch_USD],
    ['operations (mission)', k.operations_USD],
  ];
  const rows = lines.map(([label]) => label);
  const spec = barSpec(
    'Cost of one node, first unit',
    'cost [M USD]',
    rows,
    lines.map(([label, usd]) => ({ x: [0, usd / 1e6], y: label, color: TABLEAU10[0]! })),
    lines.map(([label, usd]) => endLabel(label, usd / 1e6, `${fmt(usd / 1e6)} (${fmt((100 * usd) / k.total_USD)} %)`)),
    [],
  );
  return {
    caption:
      `The knee's cost line by line, one node, first unit (${fmt(k.total_USD / 1e6)} M USD in all): hardware by ` +
      'subsystem, assembly, integration and test, launch and operations over the mission; each with its share of the node.',
    ...drawn(spec),
  };
}

type StepLabel = ReturnType<typeof endLabel> & { anchor?: 'end' };

/**
 * A waterfall's steps as bars: the first from 0, each next one floating from the value before it to its own, coloured
 * by whether it lowers or raises the value; each labelled with its value at the end where the value is.
 */
function floatingSteps(
  steps: readonly { name: string; value: number }[],
  c: { space: string; lower: string; higher: string },
): { bars: Bar[]; labels: StepLabel[] } {
  const bars: Bar[] = [],
    labels: StepLabel[] = [];
  steps.forEach((s, i) => {
    const from = i === 0 ? 0 : steps[i - 1]!.value;
    const lowers = i > 0 && s.value < from;
    bars.push({ x: [from, s.value], y: s.name, color: i === 0 ? c.space : lowers ? c.lower : c.higher });
    const label = endLabel(s.name, s.value, fmt(s.value));
    labels.push(lowers ? { ...label, dx: -5, anchor: 'end' } : label);
  });
  return { bars, labels };
}

/**
 * The knee's cost of delivered compute [USD/PFLOP-day] step by step (first unit → programme with learning →
 * discounted, the verdict's basis; record cost, src/node/record/costFields.ts) beside each ground scenario's discounted
 * cost of the same chips (cost.baselines), with the ratio the verdict reads.
 */
export function costWaterfallPlot(r: DesignRecord): DrawnPlot {
  const k = r.cost;
  const steps = [
    { name: 'first unit', value: k.lcoc_USD_per_PFLOP_day },
    {
      name: `programme of ${fmt(k.programmeUnits)} (learning ${fmt(k.learningRate)})`,
      value: k.programLcoc_USD_per_PFLOP_day,
    },
    { name: `discounted at ${fmt(100 * k.discountRate_per_yr)} %/yr`, value: k.lcocDiscounted_USD_per_PFLOP_day },
  ];
  const [space, lower, higher, ground] = [TABLEAU10[0]!, TABLEAU10[4]!, TABLEAU10[2]!, TABLEAU10[9]!];
  const grounds = k.baselines.map((b) => ({
    name: `ground: ${b.id}`,
    value: b.lcocDiscounted_USD_per_PFLOP_day,
    ratio: b.spaceToTerrestrial,
  }));
  const rows = [...steps.map((s) => s.name), ...grounds.map((g) => g.name)];
  const { bars, labels } = floatingSteps(steps, { space, lower, higher });
  pushAll(
    labels,
    grounds.map((g) => endLabel(g.name, g.value, `${fmt(g.value)}: space ÷ ground ${fmt(g.ratio)}`)),
  );
  const spec = barSpec(
    'Cost of delivered compute, space and ground',
    'cost of delivered compute [USD/PFLOP-day]',
    rows,
    [...bars, ...grounds.map((g) => ({ x: [0, g.value] as const, y: g.name, color: ground }))],
    labels,
    [
      {
        title: 'step',
        entries: [
          { name: 'space, first unit', color: space },
          { name: 'lowers the cost', color: lower },
          { name: 'raises the cost', color: higher },
          { name: 'ground, same chips', color: ground },
        ],
      },
    ],
  );
  // the discounted bar ends where the verdict stands: a rule marks it over the ground bars
  const withRule: ChartSpec = {
    ...spec,
    marks: [...spec.marks, { type: 'rule', at: { x: k.lcocDiscounted_USD_per_PFLOP_day }, color: space, dash: '4,3' }],
  };
  return {
    caption:
      "The knee's cost of delivered compute from its first unit, through the programme's learning and discounting, " +
      "to the verdict's basis (dashed line), beside the discounted cost of the same chips in each terrestrial " +
      'scenario (designs/catalogs/terrestrial-baselines.yaml), each with the ratio of space to ground (< 1: space is cheaper).',
    ...drawn(withRule),
  };
}
