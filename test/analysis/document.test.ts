import { describe, expect, it } from 'vitest';
import { documentHtml, documentMarkdown, type ReportDocument } from '../../src/analysis/document.js';

/** One block of every kind; user text with characters both renderings must escape. */
const plot = { id: 'p<1>', file: 'p1.svg', svg: '<?xml version="1.0"?>\n<svg id="s"></svg>', caption: 'cap (a*b)' };
const doc: ReportDocument = {
  title: 'T <x>',
  lead: 'lead & more',
  blocks: [
    { kind: 'h2', text: 'Sec <2>', id: 'sec' },
    { kind: 'h3', text: 'Sub', id: 'sub' },
    { kind: 'h2', text: 'No id' },
    { kind: 'p', text: 'para | pipe' },
    {
      kind: 'table',
      // numeric: every cell a number (sign, separators, exponent with or without a sign and of any length, ± part)
      headers: ['name', 'value', 'mixed', 'pm', 'exp', 'ends', 'starts'],
      rows: [
        ['a', '1,234.5', '3', '2.5 ± 0.1', '1e5', 'v2', '12 kg'],
        ['b', '-2e+15', 'n/a', '−7 ± 1e-3', '3', 'v3', '3 kg'],
      ],
    },
    { kind: 'table', headers: ['empty'], rows: [] },
    {
      kind: 'kv',
      rows: [
        ['k <1>', 'v & w'],
        ['k2', 'v2'],
      ],
    },
    { kind: 'figure', plot },
    { kind: 'list', items: ['one', 'two_2'] },
  ],
  footer: 'foot #1',
};

describe('report document renderings', () => {
  it('Markdown: headings, escaped text, numeric columns right-aligned (a column is numeric when every cell is)', () => {
    expect(documentMarkdown(doc)).toBe(
      [
        '# T &lt;x&gt;',
        '',
        'lead &amp; more',
        '',
        '## Sec &lt;2&gt;',
        '',
        '### Sub',
        '',
        '## No id',
        '',
        'para \\| pipe',
        '',
        '| name | value | mixed | pm | exp | ends | starts |',
        '| --- | ---: | --- | ---: | ---: | --- | --- |',
        '| a | 1,234.5 | 3 | 2.5 ± 0.1 | 1e5 | v2 | 12 kg |',
        '| b | -2e\\+15 | n/a | −7 ± 1e-3 | 3 | v3 | 3 kg |',
        '',
        '| empty |',
        '| --- |',
        '',
        '| item | value |',
        '| --- | --- |',
        '| k &lt;1&gt; | v &amp; w |',
        '| k2 | v2 |',
        '',
        '![cap \\(a\\*b\\)](p1.svg)',
        '',
        'cap \\(a\\*b\\)',
        '',
        '- one',
        '- two\\_2',
        '',
        '---',
        'foot \\#1',
        '',
      ].join('\n'),
    );
  });

  it('HTML: escaped text, heading ids and a nav of the h2 headings that have one, inline SVG without its prolog', () => {
    const html = documentHtml(doc);
    expect(html).toContain('<h2 id="sec">Sec &lt;2&gt;</h2>');
    expect(html).toContain('<h3 id="sub">Sub</h3>');
    expect(html).toContain('<h2>No id</h2>');
    expect(html).toContain('<p>para | pipe</p>');
    expect(html).toContain('<p class="lead">lead &amp; more</p>');
    expect(html).toContain(
      '<table class="kv"><tbody><tr><th>k &lt;1&gt;</th><td>v &amp; w</td></tr><tr><th>k2</th><td>v2</td></tr></tbody></table>',
    );
    expect(html).toContain(
      '<figure id="fig-p&lt;1&gt;"><svg id="s"></svg><figcaption>cap (a*b) <span class="note">(Also saved as p1.svg.)</span></figcaption></figure>',
    );
    expect(html).toContain('<ul><li>one</li><li>two_2</li></ul>');
    expect(html).toContain('foot #1');
    expect(html).toContain('<title>odc report: T &lt;x&gt;</title>');
    expect(html).toContain('href="#sec"');
    expect(html.match(/href="#/g)).toHaveLength(1); // "No id" and the h3 (an id, but not an h2) are not in the nav
    expect(html).toContain('<th>name</th>');
    expect(html).toContain('1,234.5');
  });
});
