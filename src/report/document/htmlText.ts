/**
 * HTML text of the pages odc writes (report.html, the analysis reports): escaping, inlined SVG, tables whose
 * numeric cells are right-aligned.
 */

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const SPECIAL = /[&<>"']/;
const SPECIAL_ALL = /[&<>"']/g;

/**
 * HTML-escapes text for element content and attribute values. Most cells (numbers, names) have nothing to
 * escape and are returned as they are: the Pareto table of a ZDT1 report escapes ~14,000 cells.
 */
export function esc(s: unknown): string {
  const text = String(s);
  return SPECIAL.test(text) ? text.replace(SPECIAL_ALL, (c) => ENTITIES[c]!) : text;
}

/** Strips the XML prolog so an SVG document can be inlined; vega's SVG text is already escaped. */
export const inlineSvg = (svg: string): string => svg.replace(/^<\?xml[^>]*>\s*/, '');

const isNum = (s: string): boolean => /^[−-]?[\d,]*\.?\d+(e[+-]?\d+)?$|^[−-]?∞$/.test(s);
export const td = (s: string): string => `<td${isNum(s) ? ' class="num"' : ''}>${esc(s)}</td>`;

export function htmlTable(headers: readonly string[], rows: readonly (readonly string[])[], cls = ''): string {
  return `<table${cls ? ` class="${cls}"` : ''}><thead><tr>${headers.map((h) => `<th>${esc(h).replace(/\.(?=\S)/g, '.<wbr>')}</th>`).join('')}</tr></thead><tbody>\n${rows.map((r) => `<tr>${r.map(td).join('')}</tr>`).join('\n')}\n</tbody></table>`;
}
