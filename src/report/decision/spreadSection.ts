/**
 * "Spread of the front" in a multi-seed report, read from `<out>/attainment.json` (src/run/attainmentFile.ts; the
 * report computes nothing): one line stating the spread, and per pair of objectives a band plot of the seeds' fronts
 * and one of the front under the uncertain inputs: shaded between the 25 % and 75 % attainment surfaces, the median
 * (50 %) surface as a step line, the union front's designs as dots and the knee as a diamond.
 */
import { maxOf, minOf } from '../../base/arrays.js';
import { fmt } from '../../base/numberFormat.js';
import { spreadLine, type AttainmentFile, type DrawSpread, type Projection } from '../../run/attainmentFile.js';
import type { SeedUnion } from '../../run/multiSeed.js';
import { drawn, type Legend, type Mark } from '../../chart/chart.js';
import { objectiveTitle } from '../plots/plots.js';
import { figure, note, paragraph, section, type Block, type ReportPlot } from '../document/blocks.js';

/** How many union designs stay non-dominated in every draw, in at least half of them, and in none. */
function nonDominatedLine(d: DrawSpread): string {
  const count = (keep: (share: number) => boolean): number => d.nonDominated.filter((x) => keep(x.share)).length;
  return (
    `Of the ${d.designs} union designs, ${count((x) => x === 1)} stay non-dominated in every draw, ` +
    `${count((x) => x >= 0.5)} in at least half of them and ${count((x) => x === 0)} in none.`
  );
}

/**
 * A surface's staircase in own units (`sign` −1 for a maximized objective): in the minimized sense each corner's
 * second value is held to the next corner, from the box's edge on the second objective's side to its edge on the
 * first's (`ref`, own units).
 */
export function staircase(
  points: readonly number[][],
  ref: readonly [number, number],
  sign: readonly [number, number],
): { x: number; y: number }[] {
  if (points.length === 0) return [];
  const [sx, sy] = sign;
  const min = points.map((p) => [sx * p[0]!, sy * p[1]!] as const).sort((p, q) => p[0] - q[0]);
  const out: (readonly [number, number])[] = [[min[0]![0], sy * ref[1]]];
  min.forEach((p, i) => out.push(p, [min[i + 1]?.[0] ?? sx * ref[0], p[1]]));
  return out.map(([x, y]) => ({ x: sx * x + 0, y: sy * y + 0 }));
}

const BAND_LEGEND: Legend = {
  title: null,
  entries: [
    { name: '25–75 % attained', color: '#4c78a8', opacity: 0.25 },
    { name: 'median (50 %)', color: '#4c78a8', symbol: 'line' },
    { name: 'union front', color: '#555', symbol: 'circle' },
    { name: 'knee', color: '#000', symbol: 'diamond' },
  ],
};

/** The band plot of one pair (see the header). */
function bandPlot(
  f: AttainmentFile,
  pair: Projection,
  union: SeedUnion,
  which: 'seeds' | 'draws',
  sets: number,
): ReportPlot {
  const [a, b] = pair.objectives;
  const oa = f.objectives[a]!;
  const ob = f.objectives[b]!;
  const spread = which === 'seeds' ? f.seeds : (f.draws as Exclude<AttainmentFile['draws'], { skipped: string }>);
  const ref: [number, number] = [spread.reference[a]!, spread.reference[b]!];
  const sign = [oa, ob].map((o) => (o.sense === 'maximize' ? -1 : 1)) as [number, number];
  const at = (level: number): number[][] => pair.surfaces.find((s) => s.level === level)?.points ?? [];
  const q1 = staircase(at(25), ref, sign);
  const q3 = staircase(at(75), ref, sign);
  const front = union.pareto.designs.map((d) => ({ x: d.objectives[oa.name]!, y: d.objectives[ob.name]! }));
  const head = union.decision.designs[0];
  const kneeDesign = union.pareto.designs.find((d, p) => d.index === head?.index && union.seeds[p] === head?.seed);
  const xs = [...front.map((p) => p.x), ...q3.map((p) => p.x)];
  const ys = [...front.map((p) => p.y), ...q3.map((p) => p.y)];
  const marks: Mark[] = [
    { type: 'area', points: [...q1, ...q3.reverse()], color: '#4c78a8', opacity: 0.25 },
    { type: 'line', points: staircase(at(50), ref, sign), color: '#4c78a8', width: 2 },
    { type: 'dots', points: front, color: '#555', area: 12, opacity: 0.6 },
  ];
  if (kneeDesign !== undefined)
    marks.push({
      type: 'dots',
      points: [{ x: kneeDesign.objectives[oa.name]!, y: kneeDesign.objectives[ob.name]! }],
      color: '#000',
      shape: 'diamond',
      area: 80,
    });
  const id = `spread-${which}-${a}-${b}`;
  const plot = drawn({
    width: 420,
    height: 300,
    x: { title: objectiveTitle(oa.name, oa.unit, oa.sense), domain: [minOf(xs), maxOf(xs)], nice: true },
    y: { title: objectiveTitle(ob.name, ob.unit, ob.sense), domain: [minOf(ys), maxOf(ys)], nice: true },
    marks,
    clipId: `${id}-clip`,
    legends: [BAND_LEGEND],
  });
  const whose =
    which === 'seeds'
      ? `the ${sets} seeds' fronts`
      : `the union front's designs over ${sets} draws of the compliance inputs (each design with its design ` +
        'margins spent, economics inputs at nominal)';
  return {
    id,
    file: `${id}.svg`,
    title: `${oa.name} × ${ob.name}: ${which === 'seeds' ? 'over the seeds' : 'under the uncertain inputs'}`,
    caption:
      `Attainment band of ${whose} on ${oa.name} × ${ob.name} (each front projected on the pair): shaded between the ` +
      '25 % and 75 % attainment surfaces, the line the median (50 %) surface; dots: the union front; diamond: the knee.',
    svg: plot.svg,
  };
}

/** The section and its plots (each also written as a .svg file), or null without attainment.json. */
export function spreadSection(
  f: AttainmentFile | null,
  union: SeedUnion,
): { section: Block; plots: ReportPlot[] } | null {
  if (f === null) return null;
  const plots = f.seeds.projections.map((p) => bandPlot(f, p, union, 'seeds', f.seeds.sets));
  const d = f.draws;
  if (!('skipped' in d)) for (const p of d.projections) plots.push(bandPlot(f, p, union, 'draws', d.samples));
  const blocks: Block[] = [paragraph(spreadLine(f), 'strong')];
  if ('skipped' in d) blocks.push(note(`Front under the uncertain inputs: not computed (${d.skipped}).`));
  else {
    const k = d.knee;
    if (k !== null)
      blocks.push(
        paragraph(
          `The knee over the draws (25th, 50th, 75th percentile): ${f.objectives
            .map((o, j) => `${o.name} ${k.quartiles[j]!.map((v) => fmt(v, 4)).join(', ')} ${o.unit}`)
            .join('; ')}.`,
        ),
      );
    blocks.push(paragraph(nonDominatedLine(d)));
    blocks.push(
      note(
        `All ${d.designs} union designs evaluated on the same ` +
          `${d.samples} Latin-hypercube samples of the compliance inputs (seed ${d.seed}, economics inputs at nominal, ` +
          `design margins spent); ${d.failedSamples} samples failed. Vorob'ev figures per pair of objectives.`,
      ),
    );
  }
  for (const p of plots) blocks.push(figure(p));
  blocks.push(
    note(
      'Attainment surfaces (López-Ibáñez, Paquete & Stützle 2010): the k % surface bounds the region that k % of the ' +
        "fronts reach. Vorob'ev expectation and deviation: Binois, Ginsbourger & Roustant (2015). From attainment.json.",
    ),
  );
  return { section: section('spread', 'Spread of the front', blocks, 'Spread'), plots };
}
