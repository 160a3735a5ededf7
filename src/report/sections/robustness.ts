/**
 * The run report's margins and robustness of the recommended designs: smallest margin, what binds, P(all constraints
 * hold) with its interval, and the study's select: outcome, as the answer record has them (src/run/answer/robustness.ts
 * computes them when the run finishes).
 */
import { note, section, table, type Block } from '../document/blocks.js';
import type { ReportModel } from '../document/model.js';
import type { AnswerRobustness } from '../../run/answer/schema.js';
import { constraintLabel } from '../../run/decision/binding.js';
import { pctText } from '../../run/decision/select.js';

export function robustnessSection(model: ReportModel): Block | null {
  const r = model.robustness;
  if (!robustnessShown(r)) return null;
  const t = robustnessTable(r);
  return section(
    'robustness',
    'Margins and robustness of the recommended designs',
    [table(t.headers, t.rows), ...robustnessNotes(r).map(note)],
    'Margins',
  );
}

const pct = (x: number): string => (Number.isFinite(x) ? (100 * x).toFixed(1) : '–');

/** Table of the recommended designs: smallest margin, the constraints within 2 %, the joint probability. */
export function robustnessTable(r: AnswerRobustness): { headers: string[]; rows: string[][] } {
  return {
    headers: [
      'design',
      'index [-]',
      'smallest margin, sizing closures aside [%]',
      'binding constraints (within 2 % of their limit)',
      'P(all hold) [95 % CI]',
    ],
    rows: r.designs.map((d) => [
      d.label,
      String(d.index),
      pct(d.minMargin),
      d.binding.constraints.map((m) => `${constraintLabel(m)} (${pct(m.margin)} %)`).join('; ') || 'none',
      d.joint === null ? '–' : `${pctText(d.joint)}${d.failedSamples ? `, ${d.failedSamples} failed samples` : ''}`,
    ]),
  };
}

export function robustnessNotes(r: AnswerRobustness): string[] {
  return [
    'Relative margin of each enforced constraint: (limit − value)/|limit| for ≤, (value − limit)/|limit| for ≥. A design on the front typically sits ' +
      'on several limits at once; a design at a few tenths of a percent on several of them may meet each alone often but all of them rarely.',
    r.sampling === null
      ? ''
      : `P(all hold): the share of ${r.sampling.samples} common uncertainty samples ` +
        `(Latin hypercube, seed ${r.sampling.seed}; ` +
        'the compliance inputs of the catalog rows\' and the study\'s distributions, economics inputs at nominal: docs/runs.md §"Two kinds of uncertain input") in which the requirements and every enforced constraint hold at once, margins spent, with its 95 % Wilson score interval ' +
        "(Wilson 1927; Brown, Cai & DasGupta 2001). It is not the product of the constraints' own probabilities: they share inputs. " +
        "A failed sample counts as not holding. odc uncertainty on an exported design gives each constraint's distribution.",
    ...(r.select ? [`Selection (study select:): ${r.select.text}`] : []),
    ...r.notes,
  ].filter(Boolean);
}

/** Whether there is anything to show: a recommended design with a constraint, or a selection. */
export const robustnessShown = (r: AnswerRobustness | null): r is AnswerRobustness =>
  r !== null && (r.select !== null || r.designs.some((d) => d.margins.length > 0));
