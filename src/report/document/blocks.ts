/**
 * The one document model of every report odc writes (run, constellation, compare, uncertainty, sensitivity): a title,
 * lead paragraphs, a list of typed blocks and a footer. A report builds blocks; ./html.ts and ./markdown.ts are the
 * only writers, so report.html and report.md carry the same blocks (test/report/document/formats.test.ts checks every
 * shipped report both ways). A block says what it is (a note, a sortable table, a budget), never how a format draws
 * it: the writers decide that (a note is muted in HTML and plain in Markdown; Markdown lists the first rows of a long
 * table). docs/developing.md, "A report section", says how to add one.
 */
import type { BudgetSection } from '../budget/budget.js';

/** Inline text: a plain string, or spans of which some are styled. */
export type Span =
  | string
  | { readonly strong: string }
  | { readonly em: string }
  | { readonly code: string }
  /** Highlighted text (what binds a design): red in HTML, plain in Markdown. */
  | { readonly mark: string }
  /** A link to a file beside the report, by a relative path (another run's report.html). */
  | { readonly link: string; readonly href: string };
export type Inline = string | readonly Span[];

/** A plot: its SVG (also written as `file` beside the report), caption and an optional table drawn under it. */
export interface Plot {
  readonly id: string;
  readonly file: string;
  readonly svg: string;
  readonly caption: string;
  /** Short title (Markdown's image text); the caption when absent. */
  readonly title?: string;
  readonly table?: TableData;
}

/**
 * A report's plot: always titled (a section that gathers plots heads each with its title); `blocks` are shown under
 * it in a section of its own (the robust front's table).
 */
export type ReportPlot = Plot & { readonly title: string; readonly blocks?: readonly Block[] };

/** What a plot catalogue entry draws: caption, SVG, what tests read, blocks under it; a title refining the entry's. */
export type Drawing = Omit<ReportPlot, 'id' | 'file' | 'title'> & { readonly title?: string };

export interface TableData {
  readonly headers: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

export interface KeyValue {
  readonly label: string;
  readonly value: string;
}

export type Block =
  /** A top-level section: an anchor, its heading, its label in report.html's index, and what it holds. */
  | {
      readonly kind: 'section';
      readonly id: string;
      readonly heading: string;
      readonly nav: string;
      readonly blocks: readonly Block[];
    }
  | { readonly kind: 'heading'; readonly level: 3 | 4; readonly text: string; readonly id?: string }
  /** `answer`: the report's one-line answer; `strong`: a statement that stands out; `note`: how to read the above. */
  | { readonly kind: 'paragraph'; readonly text: Inline; readonly style?: 'answer' | 'strong' | 'note' }
  | (TableData & {
      readonly kind: 'table';
      /** A CSS class for report.html (recommended, verdicts, relaxation). */
      readonly className?: string;
      /** Rows that are emphasized (binding constraints). */
      readonly marked?: readonly boolean[];
      /** Long tables: sortable and scrolled in report.html, the first MARKDOWN_TABLE_ROWS rows in report.md. */
      readonly long?: { readonly more: string };
    })
  /** Label–value rows; `headers` name the two columns where a format needs a header row (Markdown). */
  | {
      readonly kind: 'keyValue';
      readonly rows: readonly KeyValue[];
      readonly headers?: readonly [string, string];
    }
  | { readonly kind: 'figure'; readonly plot: Plot }
  | { readonly kind: 'list'; readonly items: readonly Inline[] }
  /** Folded content; `open` unfolds it where the format can (report.html). */
  | { readonly kind: 'details'; readonly summary: string; readonly open?: boolean; readonly blocks: readonly Block[] }
  /** Budget tables (quantity, value, unit, note), each with its title: the tables `odc evaluate` prints. */
  | { readonly kind: 'budget'; readonly sections: readonly BudgetSection[] }
  /** Blocks side by side where the page is wide enough (report.html), one after another elsewhere. */
  | { readonly kind: 'columns'; readonly columns: readonly (readonly Block[])[] }
  /** A framed group (one recommended design); `emphasis` marks the knee. */
  | { readonly kind: 'group'; readonly emphasis?: boolean; readonly blocks: readonly Block[] };

export interface ReportDocument {
  readonly title: string;
  readonly leads: readonly Inline[];
  readonly blocks: readonly Block[];
  readonly footer: string;
}

/** Maximum rows of a long table in report.md (report.html and the CSV/JSON files have all of them). */
export const MARKDOWN_TABLE_ROWS = 100;

/**
 * A number as the reports print it (thousands separators, a sign, an exponent, ∞, a ± interval, a limit such as
 * "<= 150,000"): right-aligned.
 */
export const isNumberText = (s: string): boolean =>
  /^([<>]=? )?([−-]?[\d,]*\.?\d+(e[+-]?\d+)?( ± [\d,.e+-]+)?|[−-]?∞)$/.test(s);

export const section = (id: string, heading: string, blocks: readonly Block[], nav = heading): Block => ({
  kind: 'section',
  id,
  heading,
  nav,
  blocks,
});
export const heading3 = (text: string, id?: string): Block => ({
  kind: 'heading',
  level: 3,
  text,
  ...(id !== undefined ? { id } : {}),
});
export const paragraph = (text: Inline, style?: 'answer' | 'strong' | 'note'): Block => ({
  kind: 'paragraph',
  text,
  ...(style !== undefined ? { style } : {}),
});
export const note = (text: Inline): Block => paragraph(text, 'note');
export const table = (
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  extra: { className?: string; marked?: readonly boolean[]; long?: { more: string } } = {},
): Block => ({ kind: 'table', headers, rows, ...extra });
export const keyValues = (rows: readonly (readonly [string, string])[]): KeyValue[] =>
  rows.map(([label, value]) => ({ label, value }));
export const list = (items: readonly Inline[]): Block => ({ kind: 'list', items });
export const figure = (plot: Plot): Block => ({ kind: 'figure', plot });

/** The plain text of inline content (for tests and for formats without styling). */
export const plainText = (t: Inline): string =>
  typeof t === 'string'
    ? t
    : t
        .map((s) =>
          typeof s === 'string'
            ? s
            : 'strong' in s
              ? s.strong
              : 'em' in s
                ? s.em
                : 'code' in s
                  ? s.code
                  : 'link' in s
                    ? s.link
                    : s.mark,
        )
        .join('');
