/**
 * The generated cost section of designs/CALIBRATION.md (between `costs:begin` and `costs:end`): each published cost
 * model calibrated under its own inputs, its own arithmetic reproduced apart, and a waterfall to odc's defaults.
 *
 * - Calibration: odc's own models on the source's published inputs, the design keys a source sets
 *   (designs/calibration/<source>.yaml, whose header cites every input), against its published output. Within 15 % of
 *   the published figure it agrees; outside, the figure carries `disagrees`: the input odc does not share, in words.
 *   test/node/calibrationCosts.test.ts holds every row between two stated bounds.
 * - Reproduction, shown apart and not counted: where the source takes as an input what odc computes or has no key for
 *   (McCalip's 36.5 W/kg satellite, his GPU-failure replacement and NRE; the JPL paper's kg per kW; spacedc-mdao's
 *   satellite mass; the Starlink v2 mini behind Suncatcher's launched power price), named adjustments from the
 *   source's own formula, each adding a stated amount in the unit its figures read (USD, or kg of launch mass); and
 *   a figure one of whose inputs was derived from it (`fitted`: SemiAnalysis's capital with its launch price set from
 *   its published launch).
 * - Waterfall: from the source's arithmetic to odc's defaults one input at a time, adjustments first (after them, the
 *   calibration value), then each key removed (its schema default then applies); the last step is odc's defaults.
 * - Drivers: every space-side cost input raised by 10 % in turn, whether or not the source file sets it (the ranking
 *   the report's first screen uses, src/run/answer/costBreakdown.ts), by the change of the calibration value.
 */
import { join } from 'node:path';
import { nodeDesignSchema, type NodeDesign } from '../../src/node/design/schema.js';
import { readYaml } from '../../src/base/yaml.js';
import { nodeEvaluator } from '../../src/node/evaluator.js';
import type { DesignRecord } from '../../src/node/record/record.js';
import { rowResolver } from '../../src/node/record/rows.js';
import { costDrivers, DRIVERS_SHOWN, type CostDriver } from '../../src/run/answer/costBreakdown.js';
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
  /**
   * A calibration: odc's own models on the source's published inputs (its keys, no adjustment) against its published
   * output. False when a source input was fitted to this figure (`figure.fitted`): a reproduction only.
   */
  readonly calibration: boolean;
  /** odc under the source's keys, without adjustments: the calibration value. */
  readonly own: number;
  /**
   * The source's arithmetic re-typed: odc under its keys and every adjustment (its formula or its inputs in place of
   * odc's models), or the fitted figure. Undefined when the source has neither.
   */
  readonly reproduction?: number;
  readonly defaults: number;
  /** From the source's inputs and formula to odc's defaults, one input per step. */
  readonly waterfall: readonly WaterfallStep[];
  /** Every cost input +10 %, ranked by the change of the calibration value. */
  readonly drivers: readonly CostDriver[];
}

const sum = (adjustments: readonly Adjustment[], r: DesignRecord): number =>
  adjustments.reduce((s, a) => s + a.amount(r), 0);

/** The waterfall of one figure (header): adjustments dropped, then keys removed, one at a time. */
function waterfall(source: CostSource, figure: CostFigure, raw: unknown, own: DesignRecord): WaterfallStep[] {
  const adj = source.adjustments ?? [];
  const first = adj.length > 0 ? 'source inputs and arithmetic (reproduction)' : 'source inputs';
  const steps: WaterfallStep[] = [{ change: first, value: figure.value(own, sum(adj, own)) }];
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
    const rows = rowResolver(nodeEvaluator(undefined, design.catalogs).rows)(design);
    return source.figures.map((figure) => {
      const steps = waterfall(source, figure, raw, own);
      const metric = (r: DesignRecord) => figure.value(r, 0);
      const drivers = costDrivers(design, rows, evaluateDesign, metric).filter((d) => Number.isFinite(d.verdictChange));
      const calibrated = figure.value(own, 0);
      const fitted = figure.fitted !== undefined;
      return {
        source,
        figure,
        calibration: !fitted,
        own: calibrated,
        // a reproduction where the source's arithmetic moves the figure, or where an input was fitted to it
        ...(fitted || Math.abs(steps[0]!.value / calibrated - 1) > MIN_CHANGE ? { reproduction: steps[0]!.value } : {}),
        defaults: steps.at(-1)!.value,
        waterfall: steps,
        drivers,
      };
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
  for (const r of rows.filter((x) => x.calibration)) {
    const ratio = r.own / r.figure.published;
    const flag = r.figure.disagrees === undefined ? '' : ' (disagrees, below)';
    lines.push(
      `| ${r.source.title} | ${r.figure.quantity} | ${fmt(r.figure.published)} ${r.figure.unit} (${r.figure.where}) | ` +
        `${fmt(r.own)} | ${fmt(ratio)}${flag} | ${fmt(r.defaults)} | ${driverText(r.drivers)} |`,
    );
  }
  return lines;
}

/** What a reproduction re-types: the fitted input, or the adjustments by name. */
function retyped(r: CostCalibrationRow): string {
  if (r.figure.fitted !== undefined) return r.figure.fitted;
  return (r.source.adjustments ?? []).map((a) => a.name).join('; ');
}

function reproductionTable(rows: readonly CostCalibrationRow[]): string[] {
  const lines = [
    '| Source | Figure | Published | Reproduction | Ratio | What is the source’s own (not odc’s model) |',
    '|---|---|---|---|---|---|',
  ];
  for (const r of rows.filter((x) => x.reproduction !== undefined)) {
    lines.push(
      `| ${r.source.title} | ${r.figure.quantity} | ${fmt(r.figure.published)} ${r.figure.unit} | ` +
        `${fmt(r.reproduction!)} | ${fmt(r.reproduction! / r.figure.published)} | ${retyped(r)} |`,
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
  const calibrations = rows.filter((r) => r.calibration);
  const disagreements = calibrations.filter((r) => r.figure.disagrees !== undefined);
  const reproductions = rows.filter((r) => r.reproduction !== undefined);
  return [
    '<!-- costs:begin (generated by `npm run calibration`; do not edit by hand) -->',
    '## Published cost models under their own inputs',
    '',
    "A calibration runs odc's own models on a source's published inputs (the keys of `designs/calibration/<source>.yaml`,",
    "whose header cites every input) and compares the result with the source's published output. odc sizes and prices",
    'the node itself: no source formula or fitted input enters a calibration row, so each one can fail.',
    '`odc defaults` removes every source input. Top drivers: every space-side cost input raised by 10 % in turn, whether',
    "or not the source sets it (the ranking of the report's cost view), by the change of the figure.",
    '`test/node/calibrationCosts.test.ts` holds every row between two stated bounds: within 15 % of the published figure,',
    'or, for a disagreement (explained below), within the range its explanation implies.',
    '',
    `### Calibrations (${calibrations.length} rows)`,
    '',
    ...summaryTable(rows),
    '',
    `Disagreements (${disagreements.length}; outside 15 % under the source inputs), each explained by an input odc does ` +
      'not share:',
    '',
    ...disagreements.map((r) => `- ${r.source.title}, ${r.figure.quantity}: ${r.figure.disagrees}.`),
    '',
    `### Reproductions (${reproductions.length} rows; not calibrations)`,
    '',
    "Each source's own arithmetic re-typed through odc: the source's formula or inputs stand in for odc's models (the",
    'adjustments of test/bench/calibrationCostSources.ts), or a source input was derived from the figure itself. They',
    "check that odc reads the source's inputs as the source does; agreement here says nothing about odc's models.",
    '',
    ...reproductionTable(rows),
    '',
    "### Waterfalls: from each source's arithmetic to odc's defaults (its first figure, one input per step)",
    '',
    ...waterfallTables(rows),
    '<!-- costs:end -->',
  ].join('\n');
}
