/** HTML text of the pages odc writes (./html.ts, the explorer's server): escaping and inlined SVG. */

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

/** Strips the XML prolog so an SVG document can be inlined; the plots' SVG text is already escaped. */
export const inlineSvg = (svg: string): string => svg.replace(/^<\?xml[^>]*>\s*/, '');
