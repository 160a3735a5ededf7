/**
 * One report content, two renderings: report.html (self-contained: inline CSS and SVG, no script, no network; the
 * project's report style from src/report/document/html.ts) and report.md (GitHub Markdown, plots as .svg files beside
 * it). User text (design name, file, reasons) is escaped in both.
 */
import { htmlPage } from '../report/document/html.js';
import { esc, htmlTable, inlineSvg } from '../report/document/htmlText.js';
import { mdEscape, mdTable } from '../report/document/markdownText.js';

export interface Plot {
  readonly id: string;
  /** File name in the report folder (`<id>.svg`). */
  readonly file: string;
  readonly svg: string;
  readonly caption: string;
}

export type Block =
  | { readonly kind: 'h2' | 'h3'; readonly text: string; readonly id?: string }
  | { readonly kind: 'p'; readonly text: string }
  | { readonly kind: 'table'; readonly headers: readonly string[]; readonly rows: readonly (readonly string[])[] }
  | { readonly kind: 'kv'; readonly rows: readonly (readonly [string, string])[] }
  | { readonly kind: 'figure'; readonly plot: Plot }
  | { readonly kind: 'list'; readonly items: readonly string[] };

export interface ReportDocument {
  readonly title: string;
  readonly lead: string;
  readonly blocks: readonly Block[];
  readonly footer: string;
}

const numeric = (rows: readonly (readonly string[])[], j: number): boolean =>
  rows.length > 0 && rows.every((r) => /^[-−]?[\d,.]+(e[+-]?\d+)?( ± [\d,.e+-]+)?$/.test(r[j] ?? ''));

export function documentHtml(doc: ReportDocument): string {
  const body = doc.blocks.map((b): string => {
    switch (b.kind) {
      case 'h2':
      case 'h3':
        return `<${b.kind}${b.id ? ` id="${esc(b.id)}"` : ''}>${esc(b.text)}</${b.kind}>`;
      case 'p':
        return `<p>${esc(b.text)}</p>`;
      case 'table':
        return htmlTable(b.headers, b.rows);
      case 'kv':
        return `<table class="kv"><tbody>${b.rows.map(([k, v]) => `<tr><th>${esc(k)}</th><td>${esc(v)}</td></tr>`).join('')}</tbody></table>`;
      case 'figure':
        return `<figure id="fig-${esc(b.plot.id)}">${inlineSvg(b.plot.svg)}<figcaption>${esc(b.plot.caption)} <span class="note">(Also saved as ${esc(b.plot.file)}.)</span></figcaption></figure>`;
      case 'list':
        return `<ul>${b.items.map((i) => `<li>${esc(i)}</li>`).join('')}</ul>`;
    }
  });
  const nav = doc.blocks.flatMap((b) => (b.kind === 'h2' && b.id !== undefined ? [{ id: b.id, text: b.text }] : []));
  return htmlPage({
    title: doc.title,
    leads: [`<p class="lead">${esc(doc.lead)}</p>`],
    nav,
    body,
    footer: esc(doc.footer),
  });
}

export function documentMarkdown(doc: ReportDocument): string {
  const out: string[] = [`# ${mdEscape(doc.title)}`, '', mdEscape(doc.lead), ''];
  for (const b of doc.blocks) {
    switch (b.kind) {
      case 'h2':
        out.push(`## ${mdEscape(b.text)}`, '');
        break;
      case 'h3':
        out.push(`### ${mdEscape(b.text)}`, '');
        break;
      case 'p':
        out.push(mdEscape(b.text), '');
        break;
      case 'table':
        out.push(
          mdTable(
            b.headers,
            b.rows,
            b.headers.map((_, j) => numeric(b.rows, j)),
          ),
          '',
        );
        break;
      case 'kv':
        out.push(mdTable(['item', 'value'], b.rows), '');
        break;
      case 'figure':
        out.push(`![${mdEscape(b.plot.caption)}](${b.plot.file})`, '', mdEscape(b.plot.caption), '');
        break;
      case 'list':
        out.push(...b.items.map((i) => `- ${mdEscape(i)}`), '');
        break;
    }
  }
  out.push('---', mdEscape(doc.footer), '');
  return out.join('\n');
}
