/** Markdown text of the documents odc writes (report.md, the analysis reports): escaping and tables. */

/** Escapes Markdown punctuation, HTML tags and table pipes in user text; newlines become spaces. */
export function mdEscape(s: unknown): string {
  return String(s)
    .replace(/[\r\n]+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]{}()#+!|~])/g, '\\$1');
}

export function mdTable(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  numeric?: readonly boolean[],
): string {
  const align = headers.map((_, j) => (numeric?.[j] ? '---:' : '---'));
  return [
    `| ${headers.map(mdEscape).join(' | ')} |`,
    `| ${align.join(' | ')} |`,
    ...rows.map((r) => `| ${r.map(mdEscape).join(' | ')} |`),
  ].join('\n');
}
