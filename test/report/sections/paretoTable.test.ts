import { describe, expect, it } from 'vitest';
import { paretoTableSection } from '../../../src/report/sections/paretoTable.js';
import { p, reportModel } from './reportModel.js';

describe('paretoTableSection (every reported design)', () => {
  it('counts the designs in its heading and writes them as a long table after a note on the files', () => {
    const rows = [
      ['1', '12'],
      ['2', '15'],
    ];
    expect(paretoTableSection(reportModel({ table: { headers: ['design', 'cost'], rows } }))).toStrictEqual({
      kind: 'section',
      id: 'pareto-table',
      heading: 'Pareto designs (2)',
      nav: 'Pareto table',
      blocks: [
        p('All values also in pareto.csv (full precision) and pareto.json (with full design records).', 'note'),
        {
          kind: 'table',
          headers: ['design', 'cost'],
          rows,
          long: { more: 'all are in pareto.csv and report.html.' },
        },
      ],
    });
  });

  it('without a design says "None."', () => {
    expect(paretoTableSection(reportModel())).toStrictEqual({
      kind: 'section',
      id: 'pareto-table',
      heading: 'Pareto designs (0)',
      nav: 'Pareto table',
      blocks: [p('None.')],
    });
  });
});
