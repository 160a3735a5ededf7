import { describe, expect, it } from 'vitest';
import { documentHtml } from '../../../src/report/document/html.js';
import { esc, inlineSvg } from '../../../src/report/document/htmlText.js';
import type { Block } from '../../../src/report/document/blocks.js';
import { EVERY_BLOCK, PLOT } from './everyBlock.js';

/** A page of the given blocks and nothing else. */
const page = (blocks: Block[], leads: string[] = []): string =>
  documentHtml({ title: 't', leads, blocks, footer: 'f' });
const para = (text: string): Block => ({ kind: 'paragraph', text });
const LONG: Block = { kind: 'table', headers: ['i'], rows: [['1']], long: { more: 'm' } };
const CSP = (script: string) =>
  `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline';${script} img-src data:">`;

describe('esc (HTML escaping of report text)', () => {
  it('escapes the five special characters, every occurrence, in place', () => {
    expect(esc(`<a href="x">Tom & Jerry's</a> & <b>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt; &amp; &lt;b&gt;',
    );
    expect(esc('&&')).toBe('&amp;&amp;');
  });

  it('returns text without special characters unchanged, and converts non-strings', () => {
    expect(esc('power.arrayArea_m2 1.5e-3')).toBe('power.arrayArea_m2 1.5e-3');
    expect(esc(42)).toBe('42');
    expect(esc(undefined)).toBe('undefined');
    expect(esc('')).toBe('');
  });

  it('is not fooled by a regex lastIndex left from an earlier call (a global test regex would be)', () => {
    expect(esc('a<b')).toBe('a&lt;b');
    expect(esc('<')).toBe('&lt;');
    expect(esc('x<')).toBe('x&lt;');
  });
});

describe('inlineSvg', () => {
  it('strips a leading XML prolog and the whitespace after it, and nothing else', () => {
    expect(inlineSvg('<?xml version="1.0"?>\n\n<svg></svg>')).toBe('<svg></svg>');
    expect(inlineSvg('<svg><?xml v?></svg>')).toBe('<svg><?xml v?></svg>');
  });
});

describe('documentHtml (report.html of every report)', () => {
  // rendered inside each test, not while the file is collected: a mutant is active only while a test runs
  it('writes every block kind with its text escaped', () => {
    const html = documentHtml(EVERY_BLOCK);
    expect(html).toContain('<title>odc report: T &lt;x&gt;</title>');
    expect(html).toContain('<p class="lead">lead &amp; more</p>');
    expect(html).toContain('<p class="lead">run <code>dir|x</code>: <em>why</em></p>');
    expect(html).toContain('<section id="sec"><h2>Sec &lt;2&gt;</h2>');
    expect(html).toContain('<h3 id="sub">Sub</h3>');
    expect(html).toContain('<p>para | pipe</p>');
    expect(html).toContain('<p class="answer">the answer</p>');
    expect(html).toContain('<p class="note">read this</p>');
    expect(html).toContain('<p><strong>Binds</strong>: <span class="binding">a_b</span>.</p>');
    // numeric cells right-aligned cell by cell; a marked row is emphasized
    expect(html).toContain('<tr><td>a</td><td class="num">1,234.5</td><td class="num">3</td>');
    expect(html).toContain('<tr class="binding"><td>b</td><td class="num">-2e+15</td><td>n/a</td>');
    expect(html).toContain('<table class="kv"><tbody><tr><th>k &lt;1&gt;</th><td>v &amp; w</td></tr></tbody></table>');
    expect(html).toContain(
      '<figure id="fig-p&lt;1&gt;"><svg id="s"></svg><figcaption>cap (a*b) <span class="note">(Also saved as p1.svg.)</span></figcaption></figure>',
    );
    expect(html).toContain(
      '<ul><li>one</li><li><strong>two_2</strong>: x</li><li>see <a href="seed 1/report.html">seed_1 &amp; co</a></li></ul>',
    );
    expect(html).toContain('<details open><summary>More</summary><div class="grid"><div><h4>Mass</h4>');
    expect(html).toContain(
      '<div class="pick knee"><div class="grid"><div><p>left</p></div>\n<div><p>right</p></div></div></div>',
    );
    expect(html).toContain('<footer>foot #1</footer>');
  });

  it('lists the sections in the index, and sorts and scrolls long tables with all their rows', () => {
    const html = documentHtml(EVERY_BLOCK);
    expect(html).toContain('<nav><a href="#sec">Sec</a><a href="#two">Two</a></nav>');
    expect(html).toContain('<div class="scroll"><table class="sortable">');
    expect(html).toContain('<tr><td class="num">101</td></tr>');
    // the page's only script sorts tables, and the policy allows inline script only because there is one
    expect(html).toContain("script-src 'unsafe-inline'");
    expect(documentHtml({ ...EVERY_BLOCK, blocks: EVERY_BLOCK.blocks.slice(0, 1) })).not.toContain('<script>');
  });

  it('carries its stylesheet, and the sort script (allowed by the policy) only with a long table', () => {
    const plain = page([para('x')]);
    expect(plain).toContain('td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }');
    expect(plain).toContain(CSP(''));
    expect(plain).toContain('</main>\n</body>');
    const sorted = page([LONG]);
    expect(sorted).toContain(CSP(" script-src 'unsafe-inline';"));
    expect(sorted).toContain("</main>\n<script>\ndocument.querySelectorAll('table.sortable').forEach(");
    expect(sorted).toContain('</script>\n</body>');
  });

  it('finds a long table inside sections, details, groups and any column', () => {
    const inside = (b: Block) => page([b]).includes('<script>');
    expect(inside({ kind: 'section', id: 's', heading: 'S', nav: 'S', blocks: [LONG] })).toBe(true);
    expect(inside({ kind: 'details', summary: 'd', blocks: [LONG] })).toBe(true);
    expect(inside({ kind: 'group', blocks: [LONG] })).toBe(true);
    expect(inside({ kind: 'columns', columns: [[para('a')], [LONG]] })).toBe(true);
    expect(inside({ kind: 'columns', columns: [[para('a')], [para('b')]] })).toBe(false);
    expect(inside({ kind: 'section', id: 's', heading: 'S', nav: 'S', blocks: [para('a')] })).toBe(false);
    expect(inside({ kind: 'table', headers: ['i'], rows: [['1']] })).toBe(false);
  });

  it('writes a plain table: breaks headers after inner dots, one row a line, emphasized rows marked only', () => {
    const html = page([
      {
        kind: 'table',
        headers: ['power.area_m2', 'x. y', 'end.'],
        rows: [
          ['a', '1', ''],
          ['b', '2', ''],
        ],
      },
      { kind: 'table', headers: ['k'], rows: [['c'], ['d']], className: 'verdicts', marked: [false, true] },
    ]);
    expect(html).toContain(
      '<table><thead><tr><th>power.<wbr>area_m2</th><th>x. y</th><th>end.</th></tr></thead><tbody>\n' +
        '<tr><td>a</td><td class="num">1</td><td></td></tr>\n<tr><td>b</td><td class="num">2</td><td></td></tr>\n' +
        '</tbody></table>\n<table class="verdicts"><thead><tr><th>k</th></tr></thead><tbody>\n' +
        '<tr><td>c</td></tr>\n<tr class="binding"><td>d</td></tr>\n</tbody></table>',
    );
    expect(page([LONG])).toContain(
      '<div class="scroll"><table class="sortable"><thead><tr><th>i</th></tr></thead><tbody>\n<tr><td class="num">1</td></tr>',
    );
  });

  it('writes headings without an id, a strong paragraph, folded details, a plain group and the leads one a line', () => {
    const html = page(
      [
        { kind: 'heading', level: 4, text: 'Four' },
        { kind: 'paragraph', text: 'stands out', style: 'strong' },
        { kind: 'details', summary: 'S', blocks: [para('in')] },
        { kind: 'group', blocks: [para('g')] },
      ],
      ['lead 1', 'lead 2'],
    );
    expect(html).toContain('<p class="lead">lead 1</p>\n<p class="lead">lead 2</p>\n<nav></nav>');
    expect(html).toContain(
      '<h4>Four</h4>\n<p><strong>stands out</strong></p>\n<details><summary>S</summary><p>in</p></details>\n' +
        '<div class="pick"><p>g</p></div>\n<footer>',
    );
  });

  it('indexes sections only, and writes key-value rows, a figure with its table and budgets with their notes', () => {
    const html = page([
      para('before'),
      { kind: 'section', id: 's', heading: 'S', nav: 'Short', blocks: [] },
      {
        kind: 'keyValue',
        rows: [
          { label: 'a', value: '1' },
          { label: 'b', value: 'x' },
        ],
      },
      { kind: 'figure', plot: { ...PLOT, table: { headers: ['h'], rows: [['v']] } } },
      { kind: 'figure', plot: PLOT },
      {
        kind: 'budget',
        sections: [
          { title: 'Mass', rows: [{ label: 'dry', value: '1,000', unit: 'kg', note: 'no fuel' }] },
          { title: 'Power', rows: [{ label: 'bus', value: '3', unit: 'kW' }] },
        ],
      },
    ]);
    expect(html).toContain('<nav><a href="#s">Short</a></nav>');
    expect(html).toContain(
      '<table class="kv"><tbody><tr><th>a</th><td>1</td></tr><tr><th>b</th><td>x</td></tr></tbody></table>',
    );
    expect(html).toContain(
      '</figcaption></figure><div class="wide"><table><thead><tr><th>h</th></tr></thead><tbody>\n<tr><td>v</td></tr>\n</tbody></table></div>\n<figure',
    );
    const head = '<table><thead><tr><th>quantity</th><th>value</th><th>unit</th><th>note</th></tr></thead><tbody>\n';
    expect(html).toContain(
      '</figcaption></figure>\n<div class="grid">' +
        `<div><h4>Mass</h4>${head}<tr><td>dry</td><td class="num">1,000</td><td>kg</td><td>no fuel</td></tr>\n</tbody></table></div>` +
        `<div><h4>Power</h4>${head}<tr><td>bus</td><td class="num">3</td><td>kW</td><td></td></tr>\n</tbody></table></div>` +
        '</div>',
    );
  });
});
