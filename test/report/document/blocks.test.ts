import { describe, expect, it } from 'vitest';
import {
  figure,
  heading3,
  isNumberText,
  keyValues,
  list,
  note,
  paragraph,
  plainText,
  section,
  table,
} from '../../../src/report/document/blocks.js';
import { PLOT } from './everyBlock.js';

describe('isNumberText (numbers the reports right-align)', () => {
  it.each([
    '3',
    '1.25',
    '.5',
    '12,345.678',
    '-2',
    '−7',
    '1e5',
    '2.5e-3',
    '4e+2',
    '12 ± 0.5',
    '<= 150,000',
    '>= 2',
    '< 5',
    '> 0.1',
    '∞',
    '-∞',
    '−∞',
  ])('%s is a number', (s) => {
    expect(isNumberText(s)).toBe(true);
  });

  it.each(['', 'n/a', 'v2', '12 kg', 'x 5', '= 5', 'x∞', '+∞', '1.2.3', '<=5', '1 ± x'])('%s is not', (s) => {
    expect(isNumberText(s)).toBe(false);
  });
});

describe('the block builders', () => {
  it('write the block of their kind, optional fields only when given', () => {
    expect(section('s', 'Heading', [])).toStrictEqual({
      kind: 'section',
      id: 's',
      heading: 'Heading',
      nav: 'Heading',
      blocks: [],
    });
    expect(section('s', 'Heading', [], 'Nav')).toMatchObject({ nav: 'Nav' });
    expect(heading3('H')).toStrictEqual({ kind: 'heading', level: 3, text: 'H' });
    expect(heading3('H', 'h')).toStrictEqual({ kind: 'heading', level: 3, text: 'H', id: 'h' });
    expect(paragraph('p')).toStrictEqual({ kind: 'paragraph', text: 'p' });
    expect(paragraph('p', 'answer')).toStrictEqual({ kind: 'paragraph', text: 'p', style: 'answer' });
    expect(note(['n'])).toStrictEqual({ kind: 'paragraph', text: ['n'], style: 'note' });
    expect(table(['h'], [['1']])).toStrictEqual({ kind: 'table', headers: ['h'], rows: [['1']] });
    expect(table(['h'], [], { className: 'c', long: { more: 'm' } })).toStrictEqual({
      kind: 'table',
      headers: ['h'],
      rows: [],
      className: 'c',
      long: { more: 'm' },
    });
    expect(
      keyValues([
        ['a', '1'],
        ['b', '2'],
      ]),
    ).toStrictEqual([
      { label: 'a', value: '1' },
      { label: 'b', value: '2' },
    ]);
    expect(list(['x'])).toStrictEqual({ kind: 'list', items: ['x'] });
    expect(figure(PLOT)).toStrictEqual({ kind: 'figure', plot: PLOT });
  });

  it('plainText drops the styles of every span kind', () => {
    expect(plainText('plain')).toBe('plain');
    expect(plainText(['a ', { strong: 'b' }, ' ', { em: 'c' }, ' ', { code: 'd' }, ' ', { mark: 'e' }])).toBe(
      'a b c d e',
    );
  });
});
