/** The run report's Pareto table: every reported design with its objectives, variables and key record metrics. */
import { note, paragraph, section, table, type Block } from '../document/blocks.js';
import type { ReportModel } from '../document/model.js';

export function paretoTableSection(model: ReportModel): Block {
  const { headers, rows } = model.table;
  return section(
    'pareto-table',
    `Pareto designs (${rows.length})`,
    rows.length
      ? [
          note('All values also in pareto.csv (full precision) and pareto.json (with full design records).'),
          table(headers, rows, { long: { more: 'all are in pareto.csv and report.html.' } }),
        ]
      : [paragraph('None.')],
    'Pareto table',
  );
}
