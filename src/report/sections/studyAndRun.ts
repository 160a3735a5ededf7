/**
 * The run report's last sections: its notes (what was skipped or sampled), then the study definition and the run's
 * bookkeeping (file hash, seed, counts, timings, versions).
 */
import { heading3, list, paragraph, section, table, type Block } from '../document/blocks.js';
import type { ReportModel } from '../document/model.js';

export const notesSection = (model: ReportModel): Block | null =>
  model.notes.length ? section('notes', 'Notes', [list(model.notes)]) : null;

export function studyAndRunSection(model: ReportModel): Block {
  return section('summary', 'Study and run', [
    { kind: 'keyValue', rows: model.summary },
    heading3('Variables'),
    table(
      ['variable', 'kind', 'bounds or choices', 'unit'],
      model.variables.map((v) => [v.name, v.kind, v.domain, v.unit]),
    ),
    heading3('Objectives'),
    table(
      ['objective', 'sense', 'unit'],
      model.objectives.map((o) => [o.name, o.sense, o.unit]),
    ),
    heading3('Constraints'),
    model.constraints.length
      ? table(
          ['constraint', 'kind', 'meaning'],
          model.constraints.map((c) => [c.name, c.kind, c.description]),
        )
      : paragraph('None.'),
    {
      kind: 'details',
      summary: 'Package versions',
      blocks: [{ kind: 'keyValue', rows: model.packages, headers: ['package', 'version'] }],
    },
  ]);
}
