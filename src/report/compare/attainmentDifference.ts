/**
 * Where each side of `odc compare a… --vs b…` attains with the higher probability: the difference of the two sides'
 * empirical attainment functions (src/optimize/indicators/eafDifference.ts; López-Ibáñez, Paquete & Stützle 2010,
 * R eaf's `eafdiff`). In 2 objectives it is exact; with 3 or more it is drawn on every pair of objectives, the fronts
 * projected on the pair (a projection's EAF is the full EAF at the other objectives' worst values), as stated in
 * the output. Per pair: the share of the comparison's box (the union's ideal to the common-normalization reference
 * point, ideal + 1.1 · (nadir − ideal)) where A attains more often and where B does, the largest difference each way
 * and where it lies, the rectangles clipped to the box and each side's median (50 %) attainment surface, all in the
 * objectives' own units and sense. Pure: the fronts in, the figures out.
 */
import { attainmentLevel, attainmentSweep, type PointSet } from '../../optimize/indicators/attainment.js';
import { eafDifference } from '../../optimize/indicators/eafDifference.js';
import type { Normalization } from '../../run/hypervolumeRule.js';
import { fmt } from '../../base/numberFormat.js';
import { CATEGORY10, concat, chart, type Legend, type Mark } from '../../chart/chart.js';
import { objectiveTitle } from '../plots/plots.js';
import { figure, note, section, table, type Block, type Plot } from '../document/blocks.js';

export interface CompareObjective {
  readonly name: string;
  readonly sense: string;
  readonly unit: string;
}

/** A rectangle in own units: the two objectives' [low, high] ranges and EAF_A − EAF_B on it. */
export interface DifferenceRectangle {
  readonly x: readonly [number, number];
  readonly y: readonly [number, number];
  readonly difference: number;
}

export interface DifferencePair {
  /** The pair's objective names (x, y). */
  readonly objectives: readonly [string, string];
  /** Shares of the box where side A (B) attains with the higher probability. */
  readonly aShare: number;
  readonly bShare: number;
  /** Largest EAF_A − EAF_B (EAF_B − EAF_A), 0 when that side is never ahead. */
  readonly aMax: number;
  readonly bMax: number;
  /** Where the largest difference of each side lies (the largest such rectangle), or null. */
  readonly aAt: DifferenceRectangle | null;
  readonly bAt: DifferenceRectangle | null;
  /** The box in own units: each objective's [low, high]. */
  readonly box: readonly [readonly [number, number], readonly [number, number]];
  readonly rectangles: readonly DifferenceRectangle[];
  /** Each side's median attainment surface on the pair, own units. */
  readonly medianA: readonly (readonly number[])[];
  readonly medianB: readonly (readonly number[])[];
}

export interface AttainmentDifference {
  /** True with 3+ objectives: the pairs are projections. */
  readonly projected: boolean;
  readonly pairs: readonly DifferencePair[];
}

/** EAF difference of side A's fronts against side B's (minimized sense) on `norm`'s box (see the header). */
export function attainmentDifference(
  a: readonly PointSet[],
  b: readonly PointSet[],
  objectives: readonly CompareObjective[],
  norm: Pick<Normalization, 'ideal' | 'nadir' | 'reference'>,
): AttainmentDifference {
  const m = objectives.length;
  const sign = objectives.map((o) => (o.sense === 'maximize' ? -1 : 1));
  const lo = norm.ideal;
  const hi = norm.ideal.map((v, j) => v + norm.reference[j]! * (norm.nadir[j]! - v));
  const pairs: DifferencePair[] = [];
  for (let i = 0; i < m; i++)
    for (let j = i + 1; j < m; j++) {
      const project = (sets: readonly PointSet[]): number[][][] => sets.map((s) => s.map((p) => [p[i]!, p[j]!]));
      // a range [p, q] of minimized values in own units
      const own = (k: number, p: number, q: number): [number, number] => (sign[k]! > 0 ? [p, q] : [0 - q, 0 - p]);
      const clipped = eafDifference(project(a), project(b)).map((r) => ({
        x: [Math.max(r.xmin, lo[i]!), Math.min(r.xmax, hi[i]!)] as const,
        y: [Math.max(r.ymin, lo[j]!), Math.min(r.ymax, hi[j]!)] as const,
        difference: r.difference,
      }));
      const inside = clipped.filter((r) => r.x[1] > r.x[0] && r.y[1] > r.y[0]);
      const area = (r: (typeof inside)[number]): number => (r.x[1] - r.x[0]) * (r.y[1] - r.y[0]);
      const box = (hi[i]! - lo[i]!) * (hi[j]! - lo[j]!);
      const toOwn = (r: (typeof inside)[number]): DifferenceRectangle => ({
        x: own(i, r.x[0], r.x[1]),
        y: own(j, r.y[0], r.y[1]),
        difference: r.difference,
      });
      const ahead = (s: 1 | -1): { share: number; max: number; at: DifferenceRectangle | null } => {
        const mine = inside.filter((r) => s * r.difference > 0);
        const max = mine.reduce((x, r) => Math.max(x, s * r.difference), 0);
        const top = mine.filter((r) => s * r.difference === max).sort((p, q) => area(q) - area(p))[0];
        return { share: mine.reduce((x, r) => x + area(r), 0) / box, max, at: top ? toOwn(top) : null };
      };
      const [pa, pb] = [ahead(1), ahead(-1)];
      const median = (sets: readonly PointSet[]): number[][] =>
        attainmentSweep(project(sets), [attainmentLevel(50, sets.length)]).surfaces[0]!.map((p) => [
          sign[i]! * p[0]! + 0,
          sign[j]! * p[1]! + 0,
        ]);
      pairs.push({
        objectives: [objectives[i]!.name, objectives[j]!.name],
        aShare: pa.share,
        bShare: pb.share,
        aMax: pa.max,
        bMax: pb.max,
        aAt: pa.at,
        bAt: pb.at,
        box: [own(i, lo[i]!, hi[i]!), own(j, lo[j]!, hi[j]!)],
        rectangles: inside.map(toOwn),
        medianA: median(a),
        medianB: median(b),
      });
    }
  return { projected: m > 2, pairs };
}

const pct = (x: number): string => `${(100 * x).toFixed(1)} %`;
const range = (r: readonly [number, number]): string => `${fmt(r[0], 4)} to ${fmt(r[1], 4)}`;
/** "A: 13.1 % of the box, by up to 67 %, most at f1 2.8 to 3.0, f2 10.6 to 10.8". */
function sideText(side: 'A' | 'B', share: number, max: number, at: DifferenceRectangle | null, p: DifferencePair) {
  if (at === null) return `${side}: nowhere`;
  return (
    `${side}: ${pct(share)} of the box, by up to ${(100 * max).toFixed(0)} %, most at ` +
    `${p.objectives[0]} ${range(at.x)}, ${p.objectives[1]} ${range(at.y)}`
  );
}

export const DIFFERENCE_METHOD =
  "Where each side attains with the higher probability: the difference of the sides' empirical attainment functions " +
  "(EAF_A − EAF_B at a point: the share of side A's runs whose front reaches it, minus side B's; López-Ibáñez, " +
  "Paquete & Stützle 2010; R eaf's eafdiff). Shares are of the box from the union's ideal to the common " +
  'reference point (1.1 of each normalized range).';
const projectedNote = (d: AttainmentDifference, m: number): string =>
  d.projected
    ? `With ${m} objectives the difference is drawn on each pair of objectives, the fronts projected on the pair ` +
      "(a pair's EAF is the full EAF at the other objectives' worst values)."
    : 'Exact in the 2 objectives.';

/** The terminal's lines: one per pair of objectives, and the method. */
export function attainmentDifferenceLines(d: AttainmentDifference, m: number): string[] {
  return [
    'where each side attains with the higher probability (EAF difference; share of the box from the ideal to the ' +
      `reference point; ${m > 2 ? 'on each pair of objectives, the fronts projected' : 'exact in 2 objectives'}):`,
    ...d.pairs.flatMap((p) => [
      `  ${p.objectives.join(' × ')}`,
      `    ${sideText('A', p.aShare, p.aMax, p.aAt, p)}`,
      `    ${sideText('B', p.bShare, p.bMax, p.bAt, p)}`,
    ]),
  ];
}

const SIDE_COLOR = { A: CATEGORY10[0]!, B: CATEGORY10[1]! };
/** `hex` mixed with white: t = 1 the colour, 0 white. */
function tint(hex: string, t: number): string {
  const c = [1, 3, 5].map((k) => parseInt(hex.slice(k, k + 2), 16));
  return `#${c
    .map((v) =>
      Math.round(255 - t * (255 - v))
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

const LEGEND: Legend = {
  title: 'EAF_A − EAF_B',
  entries: [
    { name: 'A attains more often', color: SIDE_COLOR.A, symbol: 'square' },
    { name: 'B attains more often', color: SIDE_COLOR.B, symbol: 'square' },
    { name: 'A median (50 %)', color: SIDE_COLOR.A, symbol: 'line' },
    { name: 'B median (50 %)', color: SIDE_COLOR.B, symbol: 'dash' },
  ],
};

/** One panel per pair: the rectangles shaded by the difference (deeper: larger), each side's median surface. */
export function attainmentDifferencePlot(d: AttainmentDifference, objectives: readonly CompareObjective[]): Plot {
  const scenes = d.pairs.map((p) => {
    const [oa, ob] = p.objectives.map((n) => objectives.find((o) => o.name === n)!);
    const [sx, sy] = [oa!, ob!].map((o) => (o.sense === 'maximize' ? -1 : 1));
    // the staircase in the minimized sense (each corner's y held to the next corner), drawn in own units
    const steps = (pts: readonly (readonly number[])[]): { x: number; y: number }[] => {
      const min = pts.map((q) => [sx! * q[0]!, sy! * q[1]!]).sort((u, v) => u[0]! - v[0]!);
      return min
        .flatMap((q, k) => [q, ...(k + 1 < min.length ? [[min[k + 1]![0]!, q[1]!]] : [])])
        .map((q) => ({ x: sx! * q[0]!, y: sy! * q[1]! }));
    };
    const marks: Mark[] = [
      {
        type: 'bars',
        bars: p.rectangles.map((r) => ({
          x: r.x,
          y: r.y,
          color: tint(r.difference > 0 ? SIDE_COLOR.A : SIDE_COLOR.B, Math.abs(r.difference)),
        })),
      },
      { type: 'line', points: steps(p.medianA), color: SIDE_COLOR.A, width: 2 },
      { type: 'line', points: steps(p.medianB), color: SIDE_COLOR.B, width: 2, dash: '5,3' },
    ];
    return chart({
      width: 300,
      height: 240,
      x: { title: objectiveTitle(oa!.name, oa!.unit, oa!.sense as 'minimize'), domain: [...p.box[0]] },
      y: { title: objectiveTitle(ob!.name, ob!.unit, ob!.sense as 'minimize'), domain: [...p.box[1]] },
      marks,
      clipId: `eafdiff-${p.objectives.join('-')}-clip`.replace(/[^\w-]/g, '_'),
    });
  });
  const rows = Array.from({ length: Math.ceil(scenes.length / 3) }, (_, k) => scenes.slice(3 * k, 3 * k + 3));
  return {
    id: 'eaf-difference',
    file: 'eaf-difference.svg',
    svg: concat(rows, { legends: [LEGEND] }).svg,
    caption:
      "Where each side attains with the higher probability: blue where more of side A's runs reach a point than " +
      "of side B's, orange the reverse, deeper the larger the difference; lines: each side's median (50 %) " +
      'attainment surface.',
  };
}

/** The report's section: the method, a row per pair, the plot. */
export function attainmentDifferenceSection(
  d: AttainmentDifference,
  objectives: readonly CompareObjective[],
  plot: Plot,
): Block {
  return section('eaf-difference', 'Where each side attains more often', [
    note(`${DIFFERENCE_METHOD} ${projectedNote(d, objectives.length)}`),
    table(
      ['objectives', 'A ahead [% of box]', 'A by up to [%]', 'B ahead [% of box]', 'B by up to [%]'],
      d.pairs.map((p) => [
        p.objectives.join(' × '),
        (100 * p.aShare).toFixed(1),
        (100 * p.aMax).toFixed(0),
        (100 * p.bShare).toFixed(1),
        (100 * p.bMax).toFixed(0),
      ]),
    ),
    figure(plot),
  ]);
}
