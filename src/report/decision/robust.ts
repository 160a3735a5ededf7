/**
 * Robust studies (objectives or constraints naming statistics over uncertainty samples, src/study/robust.ts):
 * the robust Pareto front beside the nominal values of the same designs. pareto.json holds, per design, the
 * statistic the optimizer ranked (`objectives`) and the nominal design's value of the same metric
 * (`robust.nominal`; sd objectives: 0, the nominal design has no spread). The plot joins each design's two
 * points; the table lists both and their relative gap, and which designs are non-dominated by their nominal
 * values alone (what a nominal optimization would have kept of this set).
 */
import { nonDominatedIndices } from '../../optimize/pareto/dominance.js';
import type { ParetoDesign } from '../../run/paretoFile.js';
import { fmt } from '../../base/numberFormat.js';
import type { LoadedRun } from '../../run/loadRun.js';
import type { KeyValue } from '../document/blocks.js';
import { chart, concat, type Drawn, type Mark, type Scene } from '../../chart/chart.js';
import { objectiveTitle, paddedDomain, samplePositions, STATISTIC_NAME, type AxisDef } from '../plots/plots.js';

/** Robust designs drawn at most (with their nominal twins: twice as many points). */
export const MAX_ROBUST_POINTS = 600;

export interface RobustReport {
  readonly summary: readonly KeyValue[];
  /** The plot's caption and SVG (the plot catalogue's 'robust', src/report/plots/catalogue.ts). */
  readonly caption: string;
  readonly svg: string;
  readonly table: { readonly headers: readonly string[]; readonly rows: readonly (readonly string[])[] };
}

type RobustDesign = ParetoDesign & { readonly robust: NonNullable<ParetoDesign['robust']> };

const STYLES = [
  { color: '#d62728', shape: 'circle', size: 40, filled: true },
  { color: '#1f77b4', shape: 'square', size: 34, filled: false },
] as const;

/** Legend names of the two point kinds: `robust (p90, p10 over 16 samples)`, `nominal (same design)`. */
const categoryNames = (statistics: readonly string[], samples: number): [string, string] => [
  `robust (${statistics.join(', ')} over ${samples} samples)`,
  'nominal (same design)',
];

/** Scatter matrix of robust and nominal points (one axis: a strip per kind), a design's two points joined in grey. */
export function robustNominalSvg(
  points: readonly Record<string, unknown>[],
  axes: readonly AxisDef[],
  names: readonly [string, string],
): Drawn {
  const m = axes.length;
  const width = m <= 2 ? 620 : Math.max(220, Math.min(440, Math.floor(1040 / (m - 1)) - 90));
  const height = m <= 2 ? 400 : Math.round(width * 0.8);
  const byId = new Map<unknown, Record<string, unknown>[]>();
  for (const p of points) byId.set(p.id, [...(byId.get(p.id) ?? []), p]);
  const panel = (xi: number, yi: number | null): Scene => {
    const y = (p: Record<string, unknown>): number | string =>
      yi === null ? (p.cat as string) : (p[`o${yi}`] as number);
    const x = (p: Record<string, unknown>): number => p[`o${xi}`] as number;
    const pairs = [...byId.values()].filter((ps) => ps.length === 2);
    const marks: Mark[] = [
      {
        type: 'segments',
        color: '#9a9a9a',
        width: 0.8,
        opacity: 0.7,
        segments: pairs.map(([a, b]) => ({ x1: x(a!), y1: y(a!), x2: x(b!), y2: y(b!) })),
      },
      ...STYLES.map((st, k): Mark => ({
        type: 'dots',
        color: st.color,
        shape: st.shape,
        area: st.size,
        hollow: !st.filled,
        opacity: 0.9,
        points: points.filter((p) => p.cat === names[k]).map((p) => ({ x: x(p), y: y(p) })),
      })),
    ];
    return chart({
      width,
      height: yi === null ? 160 : height,
      x: { title: axes[xi]!.title, domain: axes[xi]!.domain },
      y:
        yi === null
          ? { kind: 'band', title: null, categories: names }
          : { title: axes[yi]!.title, domain: axes[yi]!.domain },
      marks,
      clipId: `robust-clip${xi}-${yi ?? 'n'}`,
    });
  };
  const rows: Scene[][] =
    m === 1
      ? [[panel(0, null)]]
      : Array.from({ length: m - 1 }, (_, r) => Array.from({ length: r + 1 }, (_, xi) => panel(xi, r + 1)));
  const legend = {
    title: null,
    entries: STYLES.map((st, k) => ({ name: names[k]!, color: st.color, symbol: st.shape })),
  };
  return concat(rows, { legends: [legend] });
}

/** What pareto.json says about a robust run, or null for a run without statistics. */
export async function robustReport(run: LoadedRun): Promise<RobustReport | null> {
  const { pareto } = run;
  const settings = pareto.robust;
  if (settings === undefined) return null;
  const designs = pareto.designs.filter((d): d is RobustDesign => d.robust !== undefined);
  const objectives = pareto.objectives;
  const statNames = [
    ...new Set(objectives.map((o) => STATISTIC_NAME.exec(o.name)?.[1]).filter((x): x is string => x !== undefined)),
  ];
  const names = categoryNames(statNames, settings.samples);
  const pos = samplePositions(designs.length, MAX_ROBUST_POINTS);
  const points = robustPoints(designs, objectives, names, pos);
  // axes name the metric: the robust points are its statistic, the nominal points its value
  const axes: AxisDef[] = objectives.map((o, j) => ({
    title: objectiveTitle(STATISTIC_NAME.exec(o.name)?.[2] ?? o.name, o.unit, o.sense),
    domain: paddedDomain(points.map((p) => p[`o${j}`] as number)),
  }));
  const { svg } = robustNominalSvg(points, axes, names);
  const nominalFront = nominalFrontOf(designs, objectives);
  const statistics = objectives.filter((o) => STATISTIC_NAME.test(o.name));
  const hasSd = statistics.some((o) => o.name.startsWith('sd('));
  const failedTotal = designs.reduce((s, d) => s + d.robust.failedSamples, 0);
  const caption = [
    `Each of the ${designs.length} robust Pareto designs${pos.length < designs.length ? ` (${pos.length} drawn, evenly sampled)` : ''} twice: red at the values the optimizer ranked` +
      ` (${statistics.map((o) => o.name).join(', ')} over the common sample set), blue at the nominal design's value of the same metric, joined by a grey line.`,
    objectives.length > statistics.length
      ? 'Objectives without a statistic are nominal values: both points agree in them.'
      : '',
    hasSd ? 'A standard deviation (sd) objective has nominal value 0: the nominal design has no spread.' : '',
    `${nominalFront.size} of the ${designs.length} designs are non-dominated by their nominal values alone (column "nominally non-dominated" of the table).`,
    'Maximized objectives are shown in their own sense (larger is better).',
  ]
    .filter(Boolean)
    .join(' ');
  const { headers, rows } = robustTable(designs, objectives, nominalFront, settings.samples);
  const summary: KeyValue[] = [
    {
      label: 'robust sampling',
      value:
        `${settings.samples} samples per design (${settings.method === 'lhs' ? 'Latin hypercube' : 'Monte Carlo'}), seed ${settings.seed}, drawn once and common to every design ` +
        `(common random numbers) over ${settings.columns.length} input columns; each design is evaluated ${settings.samples + 1} times (nominal and samples)`,
    },
    {
      label: 'failed samples',
      value:
        `a design fails when more than ${fmt(100 * settings.maxFailedShare)} % of its samples fail; below that, statistics use the other samples and prob(...) counts a failed ` +
        `sample as not holding (${failedTotal} failed sample(s) over the ${designs.length} Pareto designs)`,
    },
  ];
  return {
    summary,
    caption,
    svg,
    table: { headers, rows },
  };
}

const robustOf = (d: ParetoDesign, name: string): number => d.objectives[name]!;
const nominalOf = (d: RobustDesign, name: string): number => d.robust.nominal[name] ?? NaN;

/** Each drawn design twice: at its robust (statistic) values and at its nominal ones, joined by id. */
function robustPoints(
  designs: readonly RobustDesign[],
  objectives: LoadedRun['pareto']['objectives'],
  names: readonly string[],
  pos: Iterable<number>,
): Record<string, unknown>[] {
  const points: Record<string, unknown>[] = [];
  for (const p of pos) {
    const d = designs[p]!;
    for (const [c, value] of [
      [names[0], robustOf],
      [names[1], nominalOf],
    ] as const) {
      const row: Record<string, unknown> = { id: d.index, cat: c };
      objectives.forEach((o, j) => {
        row[`o${j}`] = value(d, o.name);
      });
      points.push(row);
    }
  }
  return points;
}

/** The designs whose nominal values alone are non-dominated among these designs (their positions). */
function nominalFrontOf(designs: readonly RobustDesign[], objectives: LoadedRun['pareto']['objectives']): Set<number> {
  const m = objectives.length;
  const F = new Float64Array(designs.length * m);
  designs.forEach((d, i) =>
    objectives.forEach((o, j) => {
      const v = nominalOf(d, o.name);
      F[i * m + j] = o.sense === 'maximize' ? -v : v;
    }),
  );
  return new Set(designs.length > 0 ? nonDominatedIndices(F, designs.length, m) : []);
}

/** The table: each design's robust and nominal values, the gap in %, and its sampling figures. */
function robustTable(
  designs: readonly RobustDesign[],
  objectives: LoadedRun['pareto']['objectives'],
  nominalFront: ReadonlySet<number>,
  samples: number,
): { headers: string[]; rows: string[][] } {
  const headers = [
    'index [-]',
    ...objectives.flatMap((o) => {
      const t = objectiveTitle(o.name, o.unit, o.sense);
      const stat = STATISTIC_NAME.exec(o.name);
      return stat
        ? [
            `${t}, ${fmt(samples)} samples`,
            `${objectiveTitle(stat[2]!, o.unit, o.sense)} nominal`,
            `${stat[1]} vs nominal [%]`,
          ]
        : [t];
    }),
    'nominally non-dominated',
    'failed samples [-]',
    'uncertain inputs [-]',
  ];
  const rows = designs.map((d, i) => [
    String(d.index),
    ...objectives.flatMap((o) => {
      const r = robustOf(d, o.name);
      if (!STATISTIC_NAME.test(o.name)) return [fmt(r)];
      const n = nominalOf(d, o.name);
      return [fmt(r), fmt(n), n !== 0 && Number.isFinite(n) ? ((100 * (r - n)) / Math.abs(n)).toFixed(1) : '–'];
    }),
    nominalFront.has(i) ? 'yes' : 'no',
    String(d.robust.failedSamples),
    String(d.robust.inputs),
  ]);
  return { headers, rows };
}
