/**
 * The generated cost section of designs/CALIBRATION.md (between `costs:begin` and `costs:end`): each published cost
 * model reproduced under its own inputs, the difference explained input by input, and a waterfall to odc's defaults.
 *
 * - Source inputs (test/bench/calibrationCostSources.ts): the design keys a source sets
 *   (designs/calibration/<source>.yaml, whose header cites every input) and, where the source takes as an input what
 *   odc computes or has no key for (McCalip's 36.5 W/kg satellite, his GPU-failure replacement and NRE; the JPL
 *   paper's kg per kW; spacedc-mdao's satellite mass; the Starlink v2 mini behind Suncatcher's launched power price),
 *   named adjustments: each adds a stated amount, in the unit its figures read (USD of cost, or kg of launch mass),
 *   from the source's own formula.
 * - "odc, source inputs" is odc with every key and adjustment; within 15 % of the published figure is the
 *   reproduction test (test/node/calibrationCosts.test.ts). A figure outside that carries `disagrees`: the input odc
 *   does not share, in words.
 * - Waterfall: from the source inputs to odc's defaults one input at a time, adjustments first, then each key removed
 *   (its schema default then applies), with the figure after each step; the last step is odc's defaults.
 * - Drivers: every space-side cost input raised by 10 % in turn, whether or not the source file sets it (the ranking
 *   the report's first screen uses, src/report/budget/costBreakdown.ts), by the change of the figure.
 */
import { join } from 'node:path';
import { nodeDesignSchema, type NodeDesign } from '../../src/node/design/schema.js';
import { readYaml } from '../../src/base/yaml.js';
import { nodeEvaluator } from '../../src/node/evaluator.js';
import type { DesignRecord } from '../../src/node/record/record.js';
import { rowResolver } from '../../src/node/record/rows.js';
import { costDrivers, DRIVERS_SHOWN, type CostDriver } from '../../src/report/budget/costBreakdown.js';
import { fmt } from '../../src/base/numberFormat.js';
import { repoRoot } from './calibrationNodes.js';
import { COST_SOURCES, type Adjustment, type CostFigure, type CostSource } from './calibrationCostSources.js';

const designPath = (rel: string): string => join(repoRoot, 'designs', rel);
/** A driver moving the figure by less than this (rounding of an input that cancels) is not listed. */
export const MIN_CHANGE = 1e-6;

/** The raw design with a dotted key removed (its schema default then applies). */
function without(raw: unknown, key: string): unknown {
  const copy = structuredClone(raw) as Record<string, unknown>;
  const parts = key.split('.');
  let cur: Record<string, unknown> | undefined = copy;
  for (const p of parts.slice(0, -1)) cur = cur?.[p] as Record<string, unknown> | undefined;
  if (cur) delete cur[parts.at(-1)!];
  return copy;
}
/** The raw design with dotted keys set. */
function withKeys(raw: unknown, set: Readonly<Record<string, unknown>> = {}): unknown {
  const copy = structuredClone(raw) as Record<string, unknown>;
  for (const [key, value] of Object.entries(set)) {
    const parts = key.split('.');
    let cur = copy;
    for (const p of parts.slice(0, -1)) cur = (cur[p] ??= {}) as Record<string, unknown>;
    cur[parts.at(-1)!] = value;
  }
  return copy;
}

const parse = (raw: unknown): NodeDesign => nodeDesignSchema().parse(raw);
const evaluateDesign = (d: NodeDesign): DesignRecord => nodeEvaluator(undefined, d.catalogs).evaluate(d);

export interface WaterfallStep {
  /** What changed from the step before (the first step: the source's inputs). */
  readonly change: string;
  readonly value: number;
}
export interface CostCalibrationRow {
  readonly source: CostSource;
  readonly figure: CostFigure;
  /** odc under every source input (keys and adjustments). */
  readonly own: number;
  readonly defaults: number;
  /** From the source's inputs to odc's defaults, one input per step. */
  readonly waterfall: readonly WaterfallStep[];
  /** Every cost input +10 %, ranked by the change of the figure. */
  readonly drivers: readonly CostDriver[];
}

const sum = (adjustments: readonly Adjustment[], r: DesignRecord): number =>
  adjustments.reduce((s, a) => s + a.amount(r), 0);

/** The waterfall of one figure (header): adjustments dropped, then keys removed, one at a time. */
function waterfall(source: CostSource, figure: CostFigure, raw: unknown, own: DesignRecord): WaterfallStep[] {
  const adj = source.adjustments ?? [];
  const steps: WaterfallStep[] = [{ change: 'source inputs', value: figure.value(own, sum(adj, own)) }];
  for (let i = 0; i < adj.length; i++) {
    steps.push({ change: `− ${adj[i]!.name}`, value: figure.value(own, sum(adj.slice(i + 1), own)) });
  }
  let cur = raw;
  for (const key of source.inputs) {
    cur = without(cur, key);
    steps.push({ change: `\`${key}\` → odc default`, value: figure.value(evaluateDesign(parse(cur)), 0) });
  }
  return steps;
}

/** Every figure of every source: published, under the source's inputs, its waterfall to odc defaults, its drivers. */
export function costCalibrationRows(): CostCalibrationRow[] {
  return COST_SOURCES.flatMap((source) => {
    const raw = withKeys(readYaml(designPath(source.file)).raw, source.set);
    const design = parse(raw);
    const own = evaluateDesign(design);
    const adj = source.adjustments ?? [];
    const rows = rowResolver(nodeEvaluator(undefined, design.catalogs).rows)(design);
    return source.figures.map((figure) => {
      const steps = waterfall(source, figure, raw, own);
      const metric = (r: DesignRecord) => figure.value(r, sum(adj, r));
      const drivers = costDrivers(design, rows, evaluateDesign, metric).filter((d) => Number.isFinite(d.verdictChange));
      return { source, figure, own: steps[0]!.value, defaults: steps.at(-1)!.value, waterfall: steps, drivers };
    });
  });
}

const signed = (x: number): string => `${x >= 0 ? '+' : '−'}${fmt(Math.abs(100 * x))} %`;
const driverText = (ds: readonly CostDriver[]): string =>
  ds
    .filter((d) => Math.abs(d.verdictChange) > MIN_CHANGE)
    .slice(0, DRIVERS_SHOWN)
    .map((d) => `${d.input} ${signed(d.verdictChange)}`)
    .join('; ') || 'no cost input moves it';

function summaryTable(rows: readonly CostCalibrationRow[]): string[] {
  const lines = [
    '| Source | Figure | Published | odc, source inputs | odc / published | odc defaults | Top drivers (each cost input +10 %) |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const r of rows) {
    const ratio = r.own / r.figure.published;
    const flag = r.figure.disagrees === undefined ? '' : ' (disagrees, below)';
    lines.push(
      `| ${r.source.title} | ${r.figure.quantity} | ${fmt(r.figure.published)} ${r.figure.unit} (${r.figure.where}) | ` +
        `${fmt(r.own)} | ${fmt(ratio)}${flag} | ${fmt(r.defaults)} | ${driverText(r.drivers)} |`,
    );
  }
  return lines;
}

function waterfallTables(rows: readonly CostCalibrationRow[]): string[] {
  const lines: string[] = [];
  for (const s of COST_SOURCES) {
    const r = rows.find((x) => x.source === s)!;
    lines.push(`**${s.title}**, ${r.figure.quantity} [${r.figure.unit}]: published ${fmt(r.figure.published)}`, '');
    lines.push('| Step | Figure after it |', '|---|---|');
    for (const w of r.waterfall) lines.push(`| ${w.change} | ${fmt(w.value)} |`);
    lines.push('', `Remainder: ${s.remainder}.`, '');
  }
  return lines;
}

export function costCalibrationSection(rows: readonly CostCalibrationRow[] = costCalibrationRows()): string {
  const disagreements = rows.filter((r) => r.figure.disagrees !== undefined);
  return [
    '<!-- costs:begin (generated by `npm run calibration`; do not edit by hand) -->',
    '## Published cost models under their own inputs',
    '',
    "Each source's figure beside odc under the source's inputs: the keys of `designs/calibration/<source>.yaml` (whose",
    'header cites every input) and, where the source takes as an input what odc computes or lacks, a named adjustment',
    "from the source's own formula (test/bench/calibrationCostSources.ts). `odc defaults` removes every source input.",
    'Top drivers: every space-side cost input raised by 10 % in turn, whether or not the source sets it (the ranking of',
    "the report's cost view), by the change of the figure. `test/node/calibrationCosts.test.ts` holds each figure within",
    '15 % of the published one, or its disagreement below.',
    '',
    ...summaryTable(rows),
    '',
    'Disagreements (outside 15 % under the source inputs), each explained by an input odc does not share:',
    '',
    ...disagreements.map((r) => `- ${r.source.title}, ${r.figure.quantity}: ${r.figure.disagrees}.`),
    '',
    "### Waterfalls: from each source's inputs to odc's defaults (its first figure, one input per step)",
    '',
    ...waterfallTables(rows),
    '<!-- costs:end -->',
  ].join('\n');
}
