/** Markdown escaping of the documents odc writes (./markdown.ts). */

/** Escapes Markdown punctuation, HTML tags and table pipes in user text; newlines become spaces. */
export function mdEscape(s: unknown): string {
  return String(s)
    .replace(/[\r\n]+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]{}()#+!|~])/g, '\\$1');
}
