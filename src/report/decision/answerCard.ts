/**
 * The answer card: the run's answer at a glance, read from its answer record (answer.json, src/run/answer/): the
 * design, a robust study's statistics (each with its sample count), its figures, the verdict, P(all hold) with its
 * samples and what binds. One list of rows, drawn by every output: the terminal (`answerCardLines`, wrapped to 80
 * columns), the report's first table (sections/decisionSummary.ts) and the explorer's header (src/serve). The bridges
 * as numbered tables: `bridgeTable`.
 */
import { maxOf } from '../../base/arrays.js';
import { fmt, percentText } from '../../base/numberFormat.js';
import { ratioText } from '../../base/verdictText.js';
import type { Answer, AnswerEnvironment, BridgeStep } from '../../run/answer/schema.js';

export interface CardRow {
  readonly label: string;
  readonly value: string;
}

/** "99.2 % (95 % CI 98.4–99.6 %) over 1,000 samples" or why there is none. */
export function jointCardText(a: Pick<Answer, 'joint' | 'jointNone'>): string {
  const j = a.joint;
  if (j === null) return a.jointNone === null ? 'not computed' : `not computed: ${a.jointNone}`;
  return (
    `${percentText(j.estimate)} (95 % CI ${percentText(j.lower).replace(' %', '')}–${percentText(j.upper)}) ` +
    `over ${fmt(j.samples)} samples of ${j.inputCount} inputs`
  );
}

/** "p90 cost of delivered compute (programme, discounted) 187 USD/PFLOP-day (16 samples)": a robust statistic. */
export function robustStatText(label: string, value: number, unit: string, samples: number): string {
  return `${label} ${fmt(value)}${unit === '-' ? '' : ` ${unit}`} (${fmt(samples)} samples)`;
}

/** The robust statistics of the recommended design (decision.designs[`k`]), each with its sample count; '' for none. */
export function robustFiguresText(a: Pick<Answer, 'robust'>, k = 0): string {
  const r = a.robust;
  if (r === undefined) return '';
  return r.statistics
    .flatMap((s) => {
      const d = s.designs[k];
      return d === undefined ? [] : [robustStatText(s.label, d.value, s.unit, r.samples)];
    })
    .join(', ');
}

/** The card's rows; none when the run has no recommended design (`noAnswer` is then the one row). */
export function answerCardRows(a: Answer): CardRow[] {
  const d = a.design;
  if (d === null) return [{ label: 'answer', value: a.noAnswer ?? 'no feasible design: no recommendation' }];
  const figures = a.figures.map((f) => `${f.label} ${fmt(f.value)}${f.unit === '-' ? '' : ` ${f.unit}`}`).join(', ');
  const v = a.verdict;
  return [
    {
      label: d.label,
      value: `design ${d.index}${d.seed !== undefined ? ` (seed ${d.seed})` : ''}: ${d.configuration}`,
    },
    ...(robustFiguresText(a) !== '' ? [{ label: 'robust', value: robustFiguresText(a) }] : []),
    { label: a.nominalFigures ? 'figures (nominal)' : 'figures', value: figures },
    ...(v === null
      ? []
      : [{ label: 'verdict', value: `${ratioText(v.ratio)} ${v.baseline}, ${v.basis} space/ground cost of compute` }]),
    { label: 'P(all hold)', value: jointCardText(a) },
    { label: 'binds', value: a.margins.binds },
    ...(a.spread === undefined ? [] : [{ label: 'spread', value: a.spread.replace(/^Spread: /, '') }]),
    ...(a.environment === undefined ? [] : [{ label: 'traffic', value: trafficText(a.environment) }]),
  ];
}

/** A band's occupants, largest operator first: "532–572 km: 1,171 objects (Starlink 882, other active 289)". */
export function bandText(b: AnswerEnvironment['shells'][number]['band'], most = 3): string {
  const ops = b.byOperator.filter((o) => o.objects > 0).toSorted((x, y) => y.objects - x.objects);
  const rest = ops.slice(most).reduce((n, o) => n + o.objects, 0);
  const named = ops.slice(0, most).map((o) => `${o.operator} ${fmt(o.objects)}`);
  const list = [...named, ...(rest > 0 ? [`others ${fmt(rest)}`] : [])].join(', ');
  return `${fmt(b.low_km)}–${fmt(b.high_km)} km: ${fmt(b.objects)} objects${list ? ` (${list})` : ''}`;
}

/** The traffic, one statement a line: the estimated approach rate, each shell's band, the catalogue, a screen. */
export function environmentLines(e: AnswerEnvironment): string[] {
  const c = e.catalogue;
  const age = c.ageAtRun_d === null ? '' : ` (${fmt(Math.round(c.ageAtRun_d))} days before the run)`;
  const s = e.screen;
  return [
    `≈ ${fmt(e.approaches_per_sat_yr)} approaches < ${fmt(e.threshold_km)} km per satellite-year ` +
      `(estimate, ±${fmt(100 * e.relativeError)} %)`,
    ...e.shells.map((sh) => (e.shells.length > 1 ? `${sh.name} ` : '') + bandText(sh.band)),
    `catalogue of ${c.epochMedian.slice(0, 10)}${age}`,
    ...(s === null ? [] : [`screen: ${fmt(s.events)} approaches < ${fmt(s.threshold_km)} km in ${fmt(s.hours)} h`]),
  ];
}

/** The card's traffic row (environmentLines, joined). */
export const trafficText = (e: AnswerEnvironment): string => environmentLines(e).join('; ');

/** Words of `text` in lines of at most `width` characters (a word longer than that on its own line, cut). */
export function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const w = word.length > width ? `${word.slice(0, width - 1)}…` : word;
    if (line === '') line = w;
    else if (line.length + 1 + w.length <= width) line += ` ${w}`;
    else {
      lines.push(line);
      line = w;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** The card for a terminal: "  label  value" rows, values wrapped under their column, no line over `width`. */
export function answerCardLines(a: Answer, width = 80): string[] {
  const rows = answerCardRows(a);
  const labelWidth = Math.min(20, maxOf(rows.map((r) => r.label.length)));
  const indent = 2 + labelWidth + 2;
  return rows.flatMap((r) => {
    const label = r.label.length > labelWidth ? wrapWords(r.label, labelWidth) : [r.label];
    const value = wrapWords(r.value, width - indent);
    const n = Math.max(label.length, value.length);
    return Array.from({ length: n }, (_, i) => `  ${(label[i] ?? '').padEnd(labelWidth)}  ${value[i] ?? ''}`.trimEnd());
  });
}

/** A bridge as a table: step, what, factor, value and unit, why. */
export function bridgeTable(steps: readonly BridgeStep[]): { headers: string[]; rows: string[][] } {
  return {
    headers: ['step', 'what', 'factor [-]', 'value', 'why'],
    rows: steps.map((s) => [
      String(s.step),
      s.label,
      s.factor === null ? '' : `× ${fmt(s.factor)}`,
      s.unit === '×' ? ratioText(s.value) : `${fmt(s.value)} ${s.unit}`,
      s.why,
    ]),
  };
}
