/**
 * The run report's margins and robustness of the recommended designs: smallest margin, what binds, P(all constraints
 * hold) with its interval, and the study's select: outcome (../decision/robustness.ts computes them).
 */
import { note, section, table, type Block } from '../document/blocks.js';
import type { ReportModel } from '../document/model.js';
import { robustnessNotes, robustnessShown, robustnessTable } from '../decision/robustness.js';

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
