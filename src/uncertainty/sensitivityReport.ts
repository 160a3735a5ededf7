/**
 * Files of an odc sensitivity folder: summary.json (tornado bars, Sobol' indices with intervals, break-even
 * thresholds and their scans) and report.html / report.md with a tornado chart and Sobol' bars per key output and
 * the LCOC-versus-input curve of each break-even input.
 */
import { fmt } from '../io/numberFormat.js';
import { renderSvg } from '../report/plots.js';
import { ODC_VERSION } from '../run/versions.js';
import type { Block, Plot, ReportDocument } from './document.js';
import { breakEvenSpec, sobolSpec, tornadoSpec } from './plots.js';
import type { SensitivityAnalysis } from './sensitivity.js';
import { inputTable, sampleCountNote } from './uncertaintyReport.js';

const slug = (path: string): string => path.replace(/[^A-Za-z0-9_-]+/g, '-');
const opt = (v: number | null): string => (v === null ? '—' : fmt(v));
const interval = (v: number, lo: number, hi: number): string => `${v.toFixed(3)} [${lo.toFixed(3)}, ${hi.toFixed(3)}]`;

export function sensitivitySummary(s: SensitivityAnalysis, createdAt: string): Record<string, unknown> {
  const { loaded } = s.model;
  return {
    kind: 'sensitivity', formatVersion: 1, odcVersion: ODC_VERSION, createdAt,
    design: { name: loaded.name, file: loaded.file, hash: loaded.hash, kind: s.model.kind },
    method: s.method, samples: s.samples, samplesDefault: s.samplesDefaulted ? s.model.defaults.why : null, seed: s.seed, workers: s.workers,
    inputs: s.inputs, tornado: s.tornado, sobol: s.sobol, breakEven: s.breakEven, breakEvenNote: s.breakEvenNote,
    breakEvenPoints: s.model.defaults.breakEvenPoints, terrestrialComparison: s.model.comparison, modelNotes: s.model.notes,
  };
}

export async function sensitivityDocument(s: SensitivityAnalysis): Promise<{ doc: ReportDocument; plots: Plot[] }> {
  const { loaded } = s.model;
  const what = s.model.kind === 'node' ? 'design' : 'constellation';
  const plots: Plot[] = [];
  const figure = async (id: string, spec: Record<string, unknown>, caption: string): Promise<Block> => {
    const plot = { id, file: `${id}.svg`, svg: await renderSvg(spec, id), caption };
    plots.push(plot);
    return { kind: 'figure', plot };
  };
  const blocks: Block[] = [
    { kind: 'h2', text: 'Summary', id: 'summary' },
    { kind: 'kv', rows: [
      [`${what} file`, loaded.file], [`${what} file sha256`, loaded.hash], ['uncertain inputs', String(s.inputs.length)],
      ['tornado', s.tornado ? `${s.tornado.evaluations} evaluations (2d + 1), ${s.tornado.failed} failed` : 'not run'],
      ['Sobol\' indices', s.sobol
        ? `N = ${sampleCountNote(s.sobol.n, s.samplesDefaulted, s.model.defaults.why, 'base rows')}, ${s.sobol.evaluations} evaluations (N(d + 2)), ${s.sobol.failed} failed, seed ${s.seed}`
        : 'not run'],
      ...s.breakEven.map((b): [string, string] => [`break-even ${b.label}`, b.message]),
      ...(s.breakEvenNote !== null ? [['break-even', s.breakEvenNote] as [string, string]] : []),
    ] },
    ...(s.model.notes.length ? [{ kind: 'list' as const, items: s.model.notes }] : []),
    { kind: 'h2', text: 'Uncertain inputs', id: 'inputs' },
    inputTable(s.inputs, s.model.kind),
    { kind: 'h2', text: 'Break-even thresholds', id: 'break-even' },
    { kind: 'p', text: s.model.comparison === null ? (s.breakEvenNote ?? '')
      : `The value of one input at which the LCOC equals ${s.model.comparison.description}, every other input at the ${what}'s value; `
      + `Brent root finding within the field's schema range after a ${s.model.defaults.breakEvenPoints}-point scan.` },
    { kind: 'table', headers: ['input', 'range', 'design value', 'break-even', 'LCOC there [USD/PFLOP-day]', 'terrestrial [USD/PFLOP-day]', 'result'],
      rows: s.breakEven.map((b) => [b.path, `${fmt(b.domain.lo)} – ${fmt(b.domain.hi)} ${b.unit}`, opt(b.nominal), b.root === null ? 'none in range' : `${fmt(b.root, 6)} ${b.unit}`,
        opt(b.lcocAtRoot), opt(b.terrestrialAtRoot), b.message]) },
  ];
  for (const b of s.breakEven) {
    blocks.push(await figure(`break-even-${slug(b.label)}`, breakEvenSpec(b), `LCOC and terrestrial LCOC against ${b.label} (${b.path}); ${b.message}.`));
  }
  if (s.tornado) {
    blocks.push({ kind: 'h2', text: 'Tornado (one at a time)', id: 'tornado' },
      { kind: 'p', text: 'Each input at its 5th and 95th percentile, every other input at the design\'s value; bars sorted by swing |y(p95) − y(p5)|. '
        + 'A local view: it shows no interactions (see the Sobol\' indices).' });
    for (const t of s.tornado.outputs) {
      blocks.push({ kind: 'h3', text: `${t.output} (nominal ${fmt(t.nominalOutput)} ${t.unit})` });
      const undefinedEverywhere = t.bars.every((b) => !Number.isFinite(b.outputAtLow) && !Number.isFinite(b.outputAtHigh));
      if (undefinedEverywhere) {
        blocks.push({ kind: 'p', text: `${t.output} has no value at any tornado point (economics.parityYear: no crossing in the search range; `
          + 'economics.parityRatioLastYear gives the remaining gap).' });
      } else if (t.bars.every((b) => b.swing === 0)) blocks.push({ kind: 'p', text: `No input moves ${t.output} (every swing is 0).` });
      else blocks.push(await figure(`tornado-${slug(t.output)}`, tornadoSpec(t), `Tornado of ${t.output}: output with each input at p5 (orange) and p95 (blue); red line: the nominal design.`));
      blocks.push({ kind: 'table', headers: ['input', 'p5', 'p95', 'unit', `${t.output} at p5`, `at p95`, 'swing'],
        rows: t.bars.map((b) => [b.input, fmt(b.low), fmt(b.high), b.unit, fmt(b.outputAtLow), fmt(b.outputAtHigh), Number.isNaN(b.swing) ? (undefinedEverywhere ? 'n/a' : 'failed') : fmt(b.swing)]) });
    }
  }
  if (s.sobol) {
    blocks.push({ kind: 'h2', text: 'Sobol\' indices (variance-based, global)', id: 'sobol' },
      { kind: 'p', text: `First-order S_i (share of the output variance due to the input alone) and total S_Ti (including its interactions), Saltelli et al. (2010) `
        + `design and estimators with Jansen's total; 95 % percentile-bootstrap intervals (${s.sobol.resamples} resamples). Ranked by total index. `
        + 'Sampling error is about ±1/√N; indices near 0 whose interval contains 0 are not distinguishable from no effect.' });
    for (const o of s.sobol.outputs) {
      blocks.push({ kind: 'h3', text: `${o.output}${o.note ? ` (${o.note})` : ''}` });
      if (o.indices.length === 0) continue;
      if (o.variance === 0) {
        blocks.push({ kind: 'p', text: `${o.output} does not vary with these inputs (zero variance): every index is 0.` });
        continue;
      }
      blocks.push(await figure(`sobol-${slug(o.output)}`, sobolSpec(o), `Sobol' indices of ${o.output} with 95 % bootstrap intervals (top 12 by total index).`));
      blocks.push({ kind: 'table', headers: ['input', 'first order S_i [95 % CI]', 'total S_Ti [95 % CI]'],
        rows: o.indices.map((i) => [i.input, interval(i.first, i.firstLow, i.firstHigh), interval(i.total, i.totalLow, i.totalHigh)]) });
    }
    if (s.sobol.failureReasons.length) {
      blocks.push({ kind: 'h3', text: 'Failed evaluations' }, { kind: 'table', headers: ['reason', 'evaluations'], rows: s.sobol.failureReasons.map((f) => [f.reason, String(f.count)]) });
    }
  }
  return {
    plots,
    doc: {
      title: `Sensitivity: ${loaded.name}`,
      lead: `Sensitivity of ${loaded.file} to its ${s.inputs.length} uncertain inputs${s.breakEven.length
        ? `, and the ${s.breakEven.map((b) => b.label).join(', ')} at which it breaks even with a terrestrial data center` : ''}.`,
      blocks,
      footer: `Generated by odc ${ODC_VERSION} (odc sensitivity). Plots are static SVG rendered with vega-lite.`,
    },
  };
}
