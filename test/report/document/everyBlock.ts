/** A report document with one block of every kind, and user text with characters both writers must escape. */
import type { ReportDocument } from '../../../src/report/document/blocks.js';

export const PLOT = {
  id: 'p<1>',
  file: 'p1.svg',
  svg: '<?xml version="1.0"?>\n<svg id="s"></svg>',
  caption: 'cap (a*b)',
};

export const EVERY_BLOCK: ReportDocument = {
  title: 'T <x>',
  leads: ['lead & more', ['run ', { code: 'dir|x' }, ': ', { em: 'why' }]],
  blocks: [
    {
      kind: 'section',
      id: 'sec',
      heading: 'Sec <2>',
      nav: 'Sec',
      blocks: [
        { kind: 'heading', level: 3, text: 'Sub', id: 'sub' },
        { kind: 'paragraph', text: 'para | pipe' },
        { kind: 'paragraph', text: 'the answer', style: 'answer' },
        { kind: 'paragraph', text: 'read this', style: 'note' },
        { kind: 'paragraph', text: [{ strong: 'Binds' }, ': ', { mark: 'a_b' }, '.'] },
        {
          kind: 'table',
          // numeric: every cell a number (sign, separators, exponent with or without a sign, ± part)
          headers: ['name', 'value', 'mixed', 'pm', 'exp', 'ends', 'starts'],
          rows: [
            ['a', '1,234.5', '3', '2.5 ± 0.1', '1e5', 'v2', '12 kg'],
            ['b', '-2e+15', 'n/a', '−7 ± 1e-3', '3', 'v3', '3 kg'],
          ],
          marked: [false, true],
        },
        { kind: 'table', headers: ['empty'], rows: [] },
      ],
    },
    {
      kind: 'section',
      id: 'two',
      heading: 'Two',
      nav: 'Two',
      blocks: [
        { kind: 'keyValue', rows: [{ label: 'k <1>', value: 'v & w' }] },
        { kind: 'figure', plot: PLOT },
        {
          kind: 'list',
          items: ['one', [{ strong: 'two_2' }, ': x'], ['see ', { link: 'seed_1 & co', href: 'seed 1/report.html' }]],
        },
        {
          kind: 'details',
          summary: 'More',
          open: true,
          blocks: [
            { kind: 'budget', sections: [{ title: 'Mass', rows: [{ label: 'dry', value: '1,000', unit: 'kg' }] }] },
          ],
        },
        {
          kind: 'group',
          emphasis: true,
          blocks: [
            {
              kind: 'columns',
              columns: [[{ kind: 'paragraph', text: 'left' }], [{ kind: 'paragraph', text: 'right' }]],
            },
          ],
        },
        {
          kind: 'table',
          headers: ['i'],
          rows: Array.from({ length: 102 }, (_, i) => [String(i)]),
          long: { more: 'all are in x.csv.' },
        },
      ],
    },
  ],
  footer: 'foot #1',
};
