/**
 * Outlines of a report: the document model's blocks flattened into headings, paragraphs, tables, lists and figures
 * (`flatBlocks`), and the same outline read back from the rendered report.html and report.md (`htmlOutline`,
 * `markdownOutline`), so a test can check that both files carry the blocks the document holds.
 */
import { MARKDOWN_TABLE_ROWS, plainText, type Block, type Plot } from '../../src/report/document/blocks.js';

export type FlatBlock =
  | { readonly kind: 'h2'; readonly text: string; readonly id: string }
  | { readonly kind: 'h3' | 'h4'; readonly text: string; readonly id?: string }
  | { readonly kind: 'p'; readonly text: string }
  | { readonly kind: 'kv'; readonly rows: readonly (readonly [string, string])[] }
  | { readonly kind: 'table'; readonly headers: readonly string[]; readonly rows: readonly (readonly string[])[] }
  | { readonly kind: 'figure'; readonly plot: Plot }
  | { readonly kind: 'list'; readonly items: readonly string[] };

/** The blocks in reading order, nested blocks in place, each budget section as an h4 and its table. */
export function flatBlocks(blocks: readonly Block[]): FlatBlock[] {
  return blocks.flatMap((b): FlatBlock[] => {
    switch (b.kind) {
      case 'section':
        return [{ kind: 'h2', text: b.heading, id: b.id }, ...flatBlocks(b.blocks)];
      case 'heading':
        return [{ kind: b.level === 3 ? 'h3' : 'h4', text: b.text, ...(b.id !== undefined ? { id: b.id } : {}) }];
      case 'paragraph':
        return [{ kind: 'p', text: plainText(b.text) }];
      case 'keyValue':
        return [{ kind: 'kv', rows: b.rows.map((r) => [r.label, r.value] as const) }];
      case 'table':
        return [{ kind: 'table', headers: b.headers, rows: b.rows }];
      case 'figure':
        return [{ kind: 'figure', plot: b.plot }];
      case 'list':
        return [{ kind: 'list', items: b.items.map(plainText) }];
      case 'details':
      case 'group':
        return flatBlocks(b.blocks);
      case 'columns':
        return b.columns.flatMap(flatBlocks);
      case 'budget':
        return b.sections.flatMap((s): FlatBlock[] => [
          { kind: 'h4', text: s.title },
          {
            kind: 'table',
            headers: ['quantity', 'value', 'unit', 'note'],
            rows: s.rows.map((r) => [r.label, r.value, r.unit, r.note ?? '']),
          },
        ]);
    }
  });
}

/**
 * What a reader finds in a report, in order: headings `h2:text` (h3, h4), paragraphs `p:text`, label–value tables
 * `kv` and tables `table:header|header`, each with its rows' first cells `row:cell` (the first MARKDOWN_TABLE_ROWS, as
 * report.md shows), figures `figure:file`, list items `li:text`; styling and escapes removed. Markdown's bold line
 * that titles a budget table reads as h4, as report.html's <h4>.
 */
export type Outline = string[];

const tableOutline = (headers: readonly string[], firstCells: readonly string[]): Outline => [
  `table:${headers.join('|')}`,
  ...firstCells.slice(0, MARKDOWN_TABLE_ROWS).map((c) => `row:${c}`),
];

/** The outline of a document model's blocks: what both writers must show. */
export function documentOutline(blocks: readonly Block[]): Outline {
  return flatBlocks(blocks).flatMap((b): Outline => {
    switch (b.kind) {
      case 'h2':
      case 'h3':
      case 'h4':
        return [`${b.kind}:${b.text}`];
      case 'p':
        return [`p:${b.text}`];
      case 'kv':
        return ['kv', ...b.rows.map((r) => `row:${r[0]}`)];
      case 'table':
        return tableOutline(
          b.headers,
          b.rows.map((r) => r[0] ?? ''),
        );
      case 'figure':
        return [
          `figure:${b.plot.file}`,
          ...(b.plot.table
            ? tableOutline(
                b.plot.table.headers,
                b.plot.table.rows.map((r) => r[0] ?? ''),
              )
            : []),
        ];
      case 'list':
        return b.items.map((i) => `li:${i}`);
    }
  });
}

/** Header pairs of the Markdown tables that are label–value rows (report.html draws them without a header). */
const KEY_VALUE_HEADERS = ['item|value', 'package|version', 'answer|value'];

const unescapeHtml = (s: string): string =>
  s
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

const unescapeMarkdown = (s: string): string =>
  s
    .replace(/(?<!\\)(\*\*?|`)/g, '')
    .replace(/\\([\\`*_[\]{}()#+!|~])/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

export function htmlOutline(html: string): Outline {
  const main = html.slice(html.indexOf('<nav>'), html.indexOf('<footer>'));
  const out: Outline = [];
  const token = new RegExp(
    [
      /<h([234])[^>]*>(.*?)<\/h\1>/.source,
      /<table(?! class="kv")[^>]*><thead><tr>(.*?)<\/tr><\/thead><tbody>([\s\S]*?)<\/tbody>/.source,
      /<figure id="fig-[^"]*">[\s\S]*?\(Also saved as ([^)]*)\.\)/.source,
      /<li>(.*?)<\/li>/.source,
      /<table class="kv"><tbody>(.*?)<\/tbody>/.source,
      /<p(?: class="[^"]*")?>(.*?)<\/p>/.source,
    ].join('|'),
    'g',
  );
  for (const m of main.matchAll(token)) {
    if (m[1] !== undefined) out.push(`h${m[1]}:${unescapeHtml(m[2]!)}`);
    else if (m[3] !== undefined)
      out.push(
        ...tableOutline(
          [...m[3].matchAll(/<th>(.*?)<\/th>/g)].map((h) => unescapeHtml(h[1]!)),
          [...m[4]!.matchAll(/<tr[^>]*><td[^>]*>(.*?)<\/td>/g)].map((c) => unescapeHtml(c[1]!)),
        ),
      );
    else if (m[5] !== undefined) out.push(`figure:${unescapeHtml(m[5])}`);
    else if (m[6] !== undefined) out.push(`li:${unescapeHtml(m[6])}`);
    else if (m[7] !== undefined)
      out.push('kv', ...[...m[7].matchAll(/<tr><th>(.*?)<\/th>/g)].map((c) => `row:${unescapeHtml(c[1]!)}`));
    else out.push(`p:${unescapeHtml(m[8]!)}`);
  }
  return out;
}

/** Splits a Markdown table line into its cells (escaped pipes stay inside a cell). */
const cells = (line: string): string[] =>
  line
    .slice(2, -2)
    .split(/(?<!\\) \| /)
    .map(unescapeMarkdown);

export function markdownOutline(md: string): Outline {
  const lines = md.slice(0, md.lastIndexOf('\n---\n')).split('\n');
  const out: Outline = [];
  // after the title and the lead paragraphs (report.html's leads stand before its index)
  let i = lines.findIndex((l) => l.startsWith('## '));
  for (; i >= 0 && i < lines.length; i++) {
    const line = lines[i]!;
    const heading = /^(#{2,4}) (.*)$/.exec(line);
    if (line === '' || line.startsWith('<details>') || line === '</details>') continue;
    if (heading) out.push(`h${heading[1]!.length}:${unescapeMarkdown(heading[2]!)}`);
    else if (/^\*\*[^*].*\*\*$/.test(line) && lines[i + 2]?.startsWith('| quantity | value | unit | note |'))
      out.push(`h4:${unescapeMarkdown(line)}`);
    else if (line.startsWith('| ') && lines[i + 1]?.startsWith('| ---')) {
      const headers = cells(line);
      const first: string[] = [];
      for (i += 2; lines[i]?.startsWith('| '); i++) first.push(cells(lines[i]!)[0]!);
      i--;
      if (KEY_VALUE_HEADERS.includes(headers.join('|'))) out.push('kv', ...first.map((c) => `row:${c}`));
      else out.push(...tableOutline(headers, first));
    } else if (/^!\[.*\]\(([^)]*)\)$/.test(line)) {
      out.push(`figure:${/\(([^)]*)\)$/.exec(line)![1]}`);
      i += 2; // the caption, which report.html writes in the figure
    } else if (line.startsWith('- ')) out.push(`li:${unescapeMarkdown(line.slice(2))}`);
    else if (!line.startsWith(`First ${MARKDOWN_TABLE_ROWS} of `)) out.push(`p:${unescapeMarkdown(line)}`);
  }
  return out;
}
