/**
 * The HTML writer of the report document model (./blocks.ts): one self-contained page (inline CSS, inline static SVG
 * plots, no network, readable without JavaScript; a few lines of inline JS, only on pages with a long table, make it
 * sortable). Every string is escaped: user text (study name, description, file names, catalog ids, constraints) can
 * hold anything.
 */
import type { BudgetSection } from '../budget/budget.js';
import { esc, inlineSvg } from './htmlText.js';
import { isNumberText, type Block, type Inline, type Plot, type ReportDocument, type Span } from './blocks.js';

export const CSS = `
:root { --fg: #1b1b1b; --muted: #5b5b5b; --line: #d9d9d9; --head: #f3f4f6; --accent: #b3261e; }
* { box-sizing: border-box; }
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--fg); margin: 0; background: #fff; }
main { max-width: 1200px; margin: 0 auto; padding: 24px 28px 64px; }
h1 { font-size: 26px; margin: 0 0 4px; overflow-wrap: anywhere; }
h2 { font-size: 20px; margin: 40px 0 10px; padding-bottom: 4px; border-bottom: 2px solid var(--line); }
h3 { font-size: 16px; margin: 22px 0 8px; }
p.lead { color: var(--muted); margin: 0 0 12px; overflow-wrap: anywhere; }
nav { margin: 14px 0 4px; font-size: 14px; }
nav a { margin-right: 14px; color: #1a5fb4; }
table { border-collapse: collapse; margin: 6px 0 14px; font-size: 13.5px; }
th, td { border: 1px solid var(--line); padding: 3px 8px; text-align: left; vertical-align: top; }
th { background: var(--head); font-weight: 600; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
table.kv th { width: 210px; }
.grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(440px, 1fr)); gap: 6px 28px; align-items: start; }
figure { margin: 8px 0 24px; }
figure svg { max-width: 100%; height: auto; display: block; }
figcaption { color: var(--muted); font-size: 13.5px; max-width: 1000px; }
.scroll { max-height: 640px; overflow: auto; border: 1px solid var(--line); }
.scroll table { margin: 0; }
.wide { max-width: 100%; overflow-x: auto; }
.scroll th { position: sticky; top: 0; z-index: 1; cursor: pointer; }
th.sorted-asc::after { content: " ▲"; } th.sorted-desc::after { content: " ▼"; }
details { margin: 6px 0 10px; } summary { cursor: pointer; font-weight: 600; }
.binding { color: var(--accent); font-weight: 600; }
.note { color: var(--muted); font-size: 13.5px; }
.pick { border-left: 4px solid var(--line); padding: 2px 0 2px 16px; margin: 18px 0; }
.pick.knee { border-left-color: var(--accent); }
code { font-size: 13px; background: #f5f5f5; padding: 0 3px; border-radius: 3px; overflow-wrap: anywhere; }
footer { margin-top: 48px; color: var(--muted); font-size: 13px; }
p.answer { font-size: 17px; margin: 4px 0 12px; max-width: 1100px; }
table.verdicts td { white-space: nowrap; }
`;

/** Click a header to sort (numbers by value, thousands separators ignored); the page works without it. */
const SORT_JS = `
document.querySelectorAll('table.sortable').forEach(function (t) {
  var heads = t.tHead.rows[0].cells;
  Array.prototype.forEach.call(heads, function (th, col) {
    th.title = 'click to sort';
    th.addEventListener('click', function () {
      var asc = !th.classList.contains('sorted-asc');
      Array.prototype.forEach.call(heads, function (h) { h.classList.remove('sorted-asc', 'sorted-desc'); });
      th.classList.add(asc ? 'sorted-asc' : 'sorted-desc');
      var body = t.tBodies[0];
      var rows = Array.prototype.slice.call(body.rows);
      var key = function (r) { var s = r.cells[col].textContent.replace(/,/g, '').replace('\\u2212', '-'); var n = parseFloat(s); return isNaN(n) ? s : n; };
      rows.sort(function (a, b) { var x = key(a), y = key(b); var c = (typeof x === 'number' && typeof y === 'number') ? x - y : String(x).localeCompare(String(y)); return asc ? c : -c; });
      rows.forEach(function (r) { body.appendChild(r); });
    });
  });
});
`;

const td = (s: string): string => `<td${isNumberText(s) ? ' class="num"' : ''}>${esc(s)}</td>`;

function tableHtml(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  cls = '',
  marked: readonly boolean[] = [],
): string {
  const head = headers.map((h) => `<th>${esc(h).replace(/\.(?=\S)/g, '.<wbr>')}</th>`).join('');
  const body = rows.map((r, i) => `<tr${marked[i] ? ' class="binding"' : ''}>${r.map(td).join('')}</tr>`).join('\n');
  return `<table${cls ? ` class="${cls}"` : ''}><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

const spanHtml = (s: Span): string =>
  typeof s === 'string'
    ? esc(s)
    : 'strong' in s
      ? `<strong>${esc(s.strong)}</strong>`
      : 'em' in s
        ? `<em>${esc(s.em)}</em>`
        : 'code' in s
          ? `<code>${esc(s.code)}</code>`
          : 'link' in s
            ? `<a href="${esc(s.href)}">${esc(s.link)}</a>`
            : `<span class="binding">${esc(s.mark)}</span>`;
const inlineHtml = (t: Inline): string => (typeof t === 'string' ? esc(t) : t.map(spanHtml).join(''));

const figureHtml = (p: Plot): string =>
  `<figure id="fig-${esc(p.id)}">${inlineSvg(p.svg)}<figcaption>${esc(p.caption)} <span class="note">(Also saved as ${esc(p.file)}.)</span></figcaption></figure>` +
  // a figure's table may be wider than the page (the life table's year-by-year columns): it scrolls, the page does not
  (p.table ? `<div class="wide">${tableHtml(p.table.headers, p.table.rows)}</div>` : '');

const budgetHtml = (sections: readonly BudgetSection[]): string =>
  `<div class="grid">${sections
    .map(
      (s) =>
        `<div><h4>${esc(s.title)}</h4>${tableHtml(
          ['quantity', 'value', 'unit', 'note'],
          s.rows.map((r) => [r.label, r.value, r.unit, r.note ?? '']),
        )}</div>`,
    )
    .join('')}</div>`;

const PARAGRAPH_CLASS = { answer: ' class="answer"', note: ' class="note"', strong: '' } as const;

function blockHtml(b: Block): string {
  switch (b.kind) {
    case 'section':
      return `<section id="${esc(b.id)}"><h2>${esc(b.heading)}</h2>${blocksHtml(b.blocks)}</section>`;
    case 'heading':
      return `<h${b.level}${b.id !== undefined ? ` id="${esc(b.id)}"` : ''}>${esc(b.text)}</h${b.level}>`;
    case 'paragraph': {
      const text = inlineHtml(b.text);
      return `<p${b.style ? PARAGRAPH_CLASS[b.style] : ''}>${b.style === 'strong' ? `<strong>${text}</strong>` : text}</p>`;
    }
    case 'table':
      return b.long
        ? `<div class="scroll">${tableHtml(b.headers, b.rows, 'sortable', b.marked)}</div>`
        : tableHtml(b.headers, b.rows, b.className, b.marked);
    case 'keyValue':
      return `<table class="kv"><tbody>${b.rows.map((r) => `<tr><th>${esc(r.label)}</th><td>${esc(r.value)}</td></tr>`).join('')}</tbody></table>`;
    case 'figure':
      return figureHtml(b.plot);
    case 'list':
      return `<ul>${b.items.map((i) => `<li>${inlineHtml(i)}</li>`).join('')}</ul>`;
    case 'details':
      return `<details${b.open ? ' open' : ''}><summary>${esc(b.summary)}</summary>${blocksHtml(b.blocks)}</details>`;
    case 'budget':
      return budgetHtml(b.sections);
    case 'columns':
      return `<div class="grid">${b.columns.map((c) => `<div>${blocksHtml(c)}</div>`).join('\n')}</div>`;
    case 'group':
      return `<div class="pick${b.emphasis ? ' knee' : ''}">${blocksHtml(b.blocks)}</div>`;
  }
}

const blocksHtml = (blocks: readonly Block[]): string => blocks.map(blockHtml).join('\n');

const hasLongTable = (blocks: readonly Block[]): boolean =>
  blocks.some(
    (b) =>
      (b.kind === 'table' && b.long !== undefined) ||
      ((b.kind === 'section' || b.kind === 'details' || b.kind === 'group') && hasLongTable(b.blocks)) ||
      (b.kind === 'columns' && b.columns.some(hasLongTable)),
  );

/**
 * The self-contained page: strict Content-Security-Policy (inline style, inline script only when the page has a long
 * table to sort, data: images), title, lead paragraphs, an index of the sections, the blocks and a footer.
 */
export function documentHtml(doc: ReportDocument): string {
  const script = hasLongTable(doc.blocks) ? SORT_JS : undefined;
  const csp = `default-src 'none'; style-src 'unsafe-inline';${script !== undefined ? " script-src 'unsafe-inline';" : ''} img-src data:`;
  const nav = doc.blocks.flatMap((b) => (b.kind === 'section' ? [`<a href="#${esc(b.id)}">${esc(b.nav)}</a>`] : []));
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<title>odc report: ${esc(doc.title)}</title>
<style>${CSS}</style>
</head>
<body>
<main>
<h1>${esc(doc.title)}</h1>
${doc.leads.map((l) => `<p class="lead">${inlineHtml(l)}</p>`).join('\n')}
<nav>${nav.join('')}</nav>
${blocksHtml(doc.blocks)}
<footer>${esc(doc.footer)}</footer>
</main>
${script !== undefined ? `<script>${script}</script>\n` : ''}</body>
</html>
`;
}
