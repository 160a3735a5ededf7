import { describe, expect, it } from 'vitest';
import { documentHtml } from '../../../src/report/document/html.js';
import { esc } from '../../../src/report/document/htmlText.js';
import { EVERY_BLOCK } from './everyBlock.js';

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

describe('documentHtml (report.html of every report)', () => {
  const html = documentHtml(EVERY_BLOCK);

  it('writes every block kind with its text escaped', () => {
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
    expect(html).toContain('<ul><li>one</li><li><strong>two_2</strong>: x</li></ul>');
    expect(html).toContain('<details open><summary>More</summary><div class="grid"><div><h4>Mass</h4>');
    expect(html).toContain(
      '<div class="pick knee"><div class="grid"><div><p>left</p></div>\n<div><p>right</p></div></div></div>',
    );
    expect(html).toContain('<footer>foot #1</footer>');
  });

  it('lists the sections in the index, and sorts and scrolls long tables with all their rows', () => {
    expect(html).toContain('<nav><a href="#sec">Sec</a><a href="#two">Two</a></nav>');
    expect(html).toContain('<div class="scroll"><table class="sortable">');
    expect(html).toContain('<tr><td class="num">101</td></tr>');
    // the page's only script sorts tables, and the policy allows inline script only because there is one
    expect(html).toContain("script-src 'unsafe-inline'");
    expect(documentHtml({ ...EVERY_BLOCK, blocks: EVERY_BLOCK.blocks.slice(0, 1) })).not.toContain('<script>');
  });
});
