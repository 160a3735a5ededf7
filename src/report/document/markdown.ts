/**
 * The Markdown writer of the report document model (./blocks.ts): GitHub Markdown, the plots as .svg files beside it.
 * User text is escaped for Markdown and for the inline HTML GitHub would otherwise render. Markdown has no styles: a
 * note is a plain paragraph, columns follow one another, a long table shows its first MARKDOWN_TABLE_ROWS rows.
 */
import type { BudgetSection } from '../budget/budget.js';
import { mdEscape } from './markdownText.js';
import {
  isNumberText,
  MARKDOWN_TABLE_ROWS,
  type Block,
  type Inline,
  type KeyValue,
  type Plot,
  type ReportDocument,
  type Span,
} from './blocks.js';

/** A table; a column whose cells are all numbers is right-aligned (as report.html right-aligns numeric cells). */
function tableMd(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const align = headers.map((_, j) =>
    rows.length > 0 && rows.every((r) => isNumberText(r[j] ?? '')) ? '---:' : '---',
  );
  return [
    `| ${headers.map(mdEscape).join(' | ')} |`,
    `| ${align.join(' | ')} |`,
    ...rows.map((r) => `| ${r.map(mdEscape).join(' | ')} |`),
  ].join('\n');
}

const spanMd = (s: Span): string =>
  typeof s === 'string'
    ? mdEscape(s)
    : 'strong' in s
      ? `**${mdEscape(s.strong)}**`
      : 'em' in s
        ? `*${mdEscape(s.em)}*`
        : 'code' in s
          ? `\`${s.code.replace(/[`\r\n]+/g, ' ')}\``
          : 'link' in s
            ? `[${mdEscape(s.link)}](${encodeURI(s.href)})`
            : mdEscape(s.mark);
const inlineMd = (t: Inline): string => (typeof t === 'string' ? mdEscape(t) : t.map(spanMd).join(''));

const figureMd = (p: Plot): string[] => [
  `![${mdEscape(p.title ?? p.caption)}](${p.file})`,
  '',
  mdEscape(p.caption),
  '',
  ...(p.table ? [tableMd(p.table.headers, p.table.rows), ''] : []),
];

const budgetMd = (sections: readonly BudgetSection[]): string[] =>
  sections.flatMap((s) => [
    `**${mdEscape(s.title)}**`,
    '',
    tableMd(
      ['quantity', 'value', 'unit', 'note'],
      s.rows.map((r) => [r.label, r.value, r.unit, r.note ?? '']),
    ),
    '',
  ]);

const keyValueMd = (rows: readonly KeyValue[], headers: readonly [string, string] = ['item', 'value']): string =>
  tableMd(
    headers,
    rows.map((r) => [r.label, r.value]),
  );

function blockMd(b: Block): string[] {
  switch (b.kind) {
    case 'section':
      return [`## ${mdEscape(b.heading)}`, '', ...blocksMd(b.blocks)];
    case 'heading':
      return [`${'#'.repeat(b.level)} ${mdEscape(b.text)}`, ''];
    case 'paragraph':
      return [b.style === 'answer' || b.style === 'strong' ? `**${inlineMd(b.text)}**` : inlineMd(b.text), ''];
    case 'table': {
      if (b.long === undefined || b.rows.length <= MARKDOWN_TABLE_ROWS) return [tableMd(b.headers, b.rows), ''];
      return [
        tableMd(b.headers, b.rows.slice(0, MARKDOWN_TABLE_ROWS)),
        '',
        `First ${MARKDOWN_TABLE_ROWS} of ${b.rows.length} rows; ${mdEscape(b.long.more)}`,
        '',
      ];
    }
    case 'keyValue':
      return [keyValueMd(b.rows, b.headers), ''];
    case 'figure':
      return figureMd(b.plot);
    case 'list':
      return [...b.items.map((i) => `- ${inlineMd(i)}`), ''];
    case 'details':
      return [`<details><summary>${mdEscape(b.summary)}</summary>`, '', ...blocksMd(b.blocks), '</details>', ''];
    case 'budget':
      return budgetMd(b.sections);
    case 'columns':
      return b.columns.flatMap(blocksMd);
    case 'group':
      return blocksMd(b.blocks);
  }
}

const blocksMd = (blocks: readonly Block[]): string[] => blocks.flatMap(blockMd);

export function documentMarkdown(doc: ReportDocument): string {
  return [
    `# ${mdEscape(doc.title)}`,
    '',
    ...doc.leads.flatMap((l) => [inlineMd(l), '']),
    ...blocksMd(doc.blocks),
    '---',
    mdEscape(doc.footer),
    '',
  ].join('\n');
}
