import { describe, expect, it } from 'vitest';
import type { Block } from '../../../src/report/document/blocks.js';
import { documentMarkdown } from '../../../src/report/document/markdown.js';
import { mdEscape } from '../../../src/report/document/markdownText.js';
import { EVERY_BLOCK, PLOT } from './everyBlock.js';

/** report.md of the given blocks, and the file expected around the given lines. */
const page = (blocks: Block[]): string => documentMarkdown({ title: 't', leads: [], blocks, footer: 'f' });
const file = (lines: string[]): string => ['# t', '', ...lines, '---', 'f', ''].join('\n');
const rows = (n: number) => Array.from({ length: n }, (_, i) => [String(i)]);
const rowLines = (n: number) => Array.from({ length: n }, (_, i) => `| ${i} |`);

describe('mdEscape', () => {
  it('turns each run of line breaks into one space', () => {
    expect(mdEscape('a\r\n\nb\nc')).toBe('a b c');
  });
});

describe('documentMarkdown (report.md of every report)', () => {
  it('writes every block kind: escaped text, numeric columns right-aligned, long tables cut at 100 rows', () => {
    expect(documentMarkdown(EVERY_BLOCK)).toBe(
      [
        '# T &lt;x&gt;',
        '',
        'lead &amp; more',
        '',
        'run `dir|x`: *why*',
        '',
        '## Sec &lt;2&gt;',
        '',
        '### Sub',
        '',
        'para \\| pipe',
        '',
        '**the answer**',
        '',
        'read this',
        '',
        '**Binds**: a\\_b.',
        '',
        '| name | value | mixed | pm | exp | ends | starts |',
        '| --- | ---: | --- | ---: | ---: | --- | --- |',
        '| a | 1,234.5 | 3 | 2.5 ± 0.1 | 1e5 | v2 | 12 kg |',
        '| b | -2e\\+15 | n/a | −7 ± 1e-3 | 3 | v3 | 3 kg |',
        '',
        '| empty |',
        '| --- |',
        '',
        '## Two',
        '',
        '| item | value |',
        '| --- | --- |',
        '| k &lt;1&gt; | v &amp; w |',
        '',
        '![cap \\(a\\*b\\)](p1.svg)',
        '',
        'cap \\(a\\*b\\)',
        '',
        '- one',
        '- **two\\_2**: x',
        '- see [seed\\_1 &amp; co](seed%201/report.html)',
        '',
        '<details><summary>More</summary>',
        '',
        '**Mass**',
        '',
        '| quantity | value | unit | note |',
        '| --- | ---: | --- | --- |',
        '| dry | 1,000 | kg |  |',
        '',
        '</details>',
        '',
        'left',
        '',
        'right',
        '',
        '| i |',
        '| ---: |',
        ...Array.from({ length: 100 }, (_, i) => `| ${i} |`),
        '',
        'First 100 of 102 rows; all are in x.csv.',
        '',
        '---',
        'foot \\#1',
        '',
      ].join('\n'),
    );
  });
});

describe('documentMarkdown: the cases EVERY_BLOCK does not hold', () => {
  it('a code span keeps its text on one line without backticks; a strong paragraph is bold', () => {
    expect(
      page([
        { kind: 'paragraph', text: [{ code: 'a`b\n\nc' }] },
        { kind: 'paragraph', text: 'stands out', style: 'strong' },
      ]),
    ).toBe(file(['`a b c`', '', '**stands out**', '']));
  });

  it('a titled figure shows its title as the image text, and its table under the caption', () => {
    const plot = { ...PLOT, title: 'Front', table: { headers: ['h'], rows: [['v']] } };
    expect(
      page([
        { kind: 'figure', plot },
        { kind: 'paragraph', text: 'next' },
      ]),
    ).toBe(file(['![Front](p1.svg)', '', 'cap \\(a\\*b\\)', '', '| h |', '| --- |', '| v |', '', 'next', '']));
  });

  it('cuts only a long table of more than 100 rows', () => {
    expect(page([{ kind: 'table', headers: ['i'], rows: rows(100), long: { more: 'm' } }])).toBe(
      file(['| i |', '| ---: |', ...rowLines(100), '']),
    );
    expect(page([{ kind: 'table', headers: ['i'], rows: rows(101) }])).toBe(
      file(['| i |', '| ---: |', ...rowLines(101), '']),
    );
  });
});
