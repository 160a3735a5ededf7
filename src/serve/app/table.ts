/**
 * The design table: the designs the filters keep, sorted by any column (click a header; again to reverse), one page
 * of PAGE_ROWS rows in the DOM at a time. The sort order of all designs is computed once per sort change; a brush
 * then only walks it and keeps the masked ones.
 *
 * Rendering: a brush rewrites most of the page's 25 × ~25 values, so what a changed value costs the browser sets the
 * brush's latency. A row is one line of monospaced text whose cells are inline spans padded to their column's width
 * in characters (ARIA roles table, row, columnheader and cell keep its semantics): the browser lays out 25 lines, not
 * 625 table cells. Measured in Chromium, rewriting every value of such a page and laying it out took ~2-3 ms against
 * ~10 ms for a <table>, fixed layout or auto, and a table's layout was the largest single cost of a brush
 * (docs/performance.md). The widths come from the widest text each column can show (widestTexts), so columns keep
 * their place while brushing. Elements are made once per layout; a brush only rewrites text and attributes that
 * changed.
 */
import { maxOf } from '../../base/arrays.js';
import type { Colouring } from './colour.js';
import { fmtValue, type Dataset, type Dim } from './data.js';
import { valueSpan } from '../valueSpan.js';

export const PAGE_ROWS = 25;

/** Characters between two columns. */
const GAP = '  ';
/** The sort arrows, after a sorted column's name (each header keeps room for one). */
const ARROW = { asc: ' ▲', desc: ' ▼', none: '  ' } as const;

/**
 * The texts a column can show that are at least as long as any other it can show, as fmtValue formats them. A
 * number's text depends on its decade (the format and, for fixed notation, the digits before and after the point),
 * so one value with four significant digits per decade the column spans is as long as any value of that decade; a
 * minus sign is added when the column has a negative value. A choice column gives its options; an infinite value
 * gives its own text.
 */
export function widestTexts(dim: Dim, count: number): string[] {
  const texts = new Set<string>();
  if (dim.options !== undefined) dim.options.forEach((_option, k) => texts.add(fmtValue(k, dim)));
  else {
    // the whole column's span when the dataset holds only its first rows (main.ts showFirstRows)
    const { negative, smallest, largest, posInfinity, negInfinity } = dim.span ?? valueSpan(dim.values, 0, count);
    // an infinite value prints as itself; it does not set the decade range (the loop below would not end)
    if (posInfinity) texts.add(fmtValue(Infinity, dim));
    if (negInfinity) texts.add(fmtValue(-Infinity, dim));
    texts.add(fmtValue(0, dim));
    if (largest > 0) {
      const sign = negative ? -1 : 1;
      for (let d = Math.floor(Math.log10(smallest)); d <= Math.floor(Math.log10(largest)); d++)
        texts.add(fmtValue(sign * Math.min(8.888 * 10 ** d, Number.MAX_VALUE), dim));
    }
  }
  const longest = maxOf([...texts].map((t) => t.length));
  return [...texts].filter((t) => t.length === longest);
}

/** A column of the table: its header, width in characters, alignment, sort key (none: not sortable) and values. */
interface Column {
  readonly label: string;
  readonly title: string;
  readonly width: number;
  readonly left: boolean;
  /** Characters' width an element takes before a row's text (the design's colour swatch). */
  readonly lead: number;
  readonly key?: string;
  readonly text: (row: number) => string;
}

/** One row of the page: its element, the text node of each cell, and its colour's swatch. */
interface RowCells {
  readonly row: HTMLElement;
  readonly texts: Text[];
  readonly swatch: HTMLElement | null;
}

/** A cell's text: the gap before it (not before the first) and the value padded to the width it has. */
function cellText(value: string, column: Column, first: boolean, width = column.width): string {
  const padded = column.left ? value.padEnd(width) : value.padStart(width);
  return first ? padded : GAP + padded;
}

export class DesignTable {
  private ds: Dataset | null = null;
  private colours: Colouring | null = null;
  private columns: Column[] = [];
  /** Called after a header click changed the sort (the URL follows). */
  onSort: () => void = () => undefined;
  private order: Int32Array = new Int32Array(0);
  private sortKey = 'eval';
  private descending = false;
  private page = 0;
  /** The kept designs in sort order, up to the end of the shown page (a brush walks the order no further). */
  private kept: Int32Array = new Int32Array(0);
  /** How many designs the filters keep. */
  private count = 0;
  private mask: Uint8Array | null = null;
  private selected = -1;
  /** What the DOM shows (sort, page, count, selection, rows): a brush that changes none of it leaves the DOM alone. */
  private drawn = '';
  private readonly head = document.createElement('div');
  private readonly body = document.createElement('div');
  private rows: RowCells[] = [];
  private readonly pageText = document.createTextNode('');

  constructor(
    private readonly host: HTMLElement,
    private readonly pager: HTMLElement,
    private readonly onPick: (row: number) => void,
  ) {
    const table = document.createElement('div');
    table.className = 'design-rows';
    table.setAttribute('role', 'table');
    this.head.className = 'head';
    this.head.setAttribute('role', 'row');
    this.body.setAttribute('role', 'rowgroup');
    table.append(this.head, this.body);
    this.host.replaceChildren(table);
    this.head.addEventListener('click', (e) => {
      const cell = (e.target as Element).closest<HTMLElement>('[data-key]');
      if (cell === null) return;
      const key = cell.dataset['key']!;
      this.descending = key === this.sortKey ? !this.descending : false;
      this.sortKey = key;
      this.sort();
      if (this.mask !== null) this.render(this.mask, this.count, this.selected);
      this.onSort();
    });
    this.body.addEventListener('click', (e) => {
      const row = (e.target as Element).closest<HTMLElement>('[data-row]');
      if (row !== null) this.onPick(Number(row.dataset['row']));
    });
    const button = (go: number, label: string): HTMLButtonElement => {
      const b = document.createElement('button');
      b.type = 'button';
      b.dataset['go'] = String(go);
      b.textContent = label;
      b.addEventListener('click', () => {
        const pages = Math.max(1, Math.ceil(this.count / PAGE_ROWS));
        this.page = Math.min(pages - 1, Math.max(0, this.page + go));
        this.keep();
        this.draw();
      });
      return b;
    };
    const span = document.createElement('span');
    span.append(this.pageText);
    this.pager.replaceChildren(button(-1, '‹ previous'), span, button(1, 'next ›'));
  }

  /** The sort (column name, direction). */
  get sorting(): { key: string; descending: boolean } {
    return { key: this.sortKey, descending: this.descending };
  }

  /** Sorts by a column (a name no column has: by evaluation), from a link; takes effect at the next layout. */
  setSort(key: string, descending: boolean): void {
    this.sortKey = key;
    this.descending = descending;
  }

  /** The columns, widths and sort order of a dataset (kept for the same one: a new colour redraws the rows only). */
  layout(ds: Dataset, colours: Colouring): void {
    this.colours = colours;
    this.drawn = '';
    if (this.ds === ds) return;
    this.ds = ds;
    if (!ds.dims.some((d) => d.name === this.sortKey)) [this.sortKey, this.descending] = ['eval', false];
    const pick = (role: Dim['role']): Dim[] => ds.dims.filter((d) => d.role === role);
    const column = (c: Omit<Column, 'width' | 'lead'>, texts: readonly string[], lead = 0): Column => {
      const header = c.label.length + (c.left ? 0 : ARROW.none.length);
      return { ...c, lead, width: maxOf([header, ...texts.map((t) => lead + t.length)]) };
    };
    const dims = [...pick('index'), ...pick('status'), ...pick('objective'), ...pick('variable'), ...pick('violation')];
    const runs = ds.runs.length > 1;
    // the first column holds each design's colour swatch, and its run when there are several
    this.columns = [
      runs
        ? column(
            { label: 'run', title: 'run (position on the command line)', left: true, text: (i) => ` ${ds.run[i]}` },
            [` ${ds.runs.length - 1}`],
            1,
          )
        : column({ label: '', title: 'colour', left: true, text: () => '' }, [''], 1),
      ...dims.map((d) =>
        column(
          {
            label: d.role === 'index' ? 'design' : d.name,
            title: `${d.name} [${d.unit}]`,
            left: false,
            key: d.name,
            text: (i) => fmtValue(d.values[i]!, d),
          },
          widestTexts(d, ds.n),
        ),
      ),
      column(
        {
          label: 'front',
          title: "on its run's front (yes), or on the union front of all runs (union)",
          left: true,
          text: (i) => (ds.union[i] ? 'union' : ds.front[i] ? 'yes' : ''),
        },
        ['union'],
      ),
    ];
    // the columns (or the run column) may differ: rows are made again on the next draw
    this.rows = [];
    this.body.replaceChildren();
    this.header();
    this.sort();
  }

  /** The header row: a columnheader per column, the sorted one with its arrow (sortedArrows). */
  private header(): void {
    const cells = this.columns.map((c) => {
      const cell = document.createElement('span');
      cell.setAttribute('role', 'columnheader');
      cell.title = c.title;
      if (c.key !== undefined) cell.dataset['key'] = c.key;
      cell.append(document.createTextNode(''));
      return cell;
    });
    this.head.replaceChildren(...cells);
    this.sortedArrows();
  }

  private sortedArrows(): void {
    this.columns.forEach((c, k) => {
      const cell = this.head.children[k] as HTMLElement;
      const sorted = c.key !== undefined && c.key === this.sortKey;
      const arrow = c.left ? '' : sorted ? (this.descending ? ARROW.desc : ARROW.asc) : ARROW.none;
      const text = cellText(c.label + arrow, c, k === 0);
      const node = cell.firstChild as Text;
      if (node.data !== text) node.data = text;
      const aria = sorted ? (this.descending ? 'descending' : 'ascending') : null;
      if (cell.getAttribute('aria-sort') !== aria) {
        if (aria === null) cell.removeAttribute('aria-sort');
        else cell.setAttribute('aria-sort', aria);
      }
    });
  }

  private sort(): void {
    const ds = this.ds!;
    const dim = ds.dims.find((d) => d.name === this.sortKey) ?? ds.dims[0]!;
    const v = dim.values;
    // the designs arrive in evaluation order, run after run: the default order needs no sort
    if (dim.role === 'index' && !this.descending && ds.runs.length === 1) {
      this.order = new Int32Array(ds.n);
      for (let i = 0; i < ds.n; i++) this.order[i] = i;
      return;
    }
    const idx = Array.from({ length: ds.n }, (_, i) => i);
    const sign = this.descending ? -1 : 1;
    idx.sort((a, b) => {
      const x = v[a]!;
      const y = v[b]!;
      if (Number.isNaN(x)) return Number.isNaN(y) ? a - b : 1;
      if (Number.isNaN(y)) return -1;
      return x === y ? ds.run[a]! - ds.run[b]! || a - b : sign * (x - y);
    });
    this.order = Int32Array.from(idx);
  }

  render(mask: Uint8Array, count: number, selected: number): void {
    this.mask = mask;
    this.selected = selected;
    this.count = count;
    const pages = Math.max(1, Math.ceil(count / PAGE_ROWS));
    if (this.page >= pages) this.page = pages - 1;
    this.keep();
    if (this.shownKey() === this.drawn) return;
    this.draw();
  }

  /** The kept designs in sort order up to the end of the page. */
  private keep(): void {
    const mask = this.mask;
    if (mask === null) return;
    const order = this.order;
    const kept = new Int32Array(Math.min(this.count, (this.page + 1) * PAGE_ROWS));
    for (let j = 0, k = 0; k < kept.length && j < order.length; j++) if (mask[order[j]!] === 1) kept[k++] = order[j]!;
    this.kept = kept;
  }

  private shownKey(): string {
    const start = this.page * PAGE_ROWS;
    const rows = this.kept.subarray(start, start + PAGE_ROWS);
    return [this.sortKey, this.descending, this.page, this.count, this.selected, ...rows].join(',');
  }

  /** A row's elements: a cell per column, the run's swatch at the start of the first when there are several runs. */
  private makeRow(): RowCells {
    const row = document.createElement('div');
    row.setAttribute('role', 'row');
    row.dataset['testid'] = 'design-row';
    const texts = this.columns.map(() => document.createTextNode(''));
    let swatch: HTMLElement | null = null;
    this.columns.forEach((_column, k) => {
      const cell = document.createElement('span');
      cell.setAttribute('role', 'cell');
      if (this.columns[k]!.lead > 0) {
        swatch = document.createElement('span');
        swatch.className = 'swatch';
        cell.append(swatch);
      }
      cell.append(texts[k]!);
      row.append(cell);
    });
    return { row, texts, swatch };
  }

  /** Writes the page's rows, touching only the text and attributes that differ from what it shows. */
  private draw(): void {
    const ds = this.ds!;
    this.drawn = this.shownKey();
    this.sortedArrows();
    const start = this.page * PAGE_ROWS;
    const shown = this.kept.subarray(start, start + PAGE_ROWS);
    const set = (text: Text, value: string): void => {
      if (text.data !== value) text.data = value;
    };
    const attr = (el: HTMLElement, name: string, value: string | null): void => {
      if (el.getAttribute(name) === value) return;
      if (value === null) el.removeAttribute(name);
      else el.setAttribute(name, value);
    };
    shown.forEach((i, k) => {
      const row = (this.rows[k] ??= this.makeRow());
      const run = ds.run[i]!;
      attr(row.row, 'data-row', String(i));
      attr(row.row, 'data-run', String(run));
      attr(row.row, 'data-index', String(ds.index[i]));
      attr(row.row, 'class', i === this.selected ? 'selected' : null);
      const colours = this.colours!;
      if (row.swatch !== null) attr(row.swatch, 'style', `background:${colours.palette[colours.index[i]!]}`);
      this.columns.forEach((c, t) => set(row.texts[t]!, cellText(c.text(i), c, t === 0, c.width - c.lead)));
      // the body holds rows[0 .. shown) in order: a row not in it goes after them
      if (row.row.parentNode !== this.body) this.body.append(row.row);
    });
    while (this.body.children.length > shown.length) this.body.lastElementChild!.remove();
    const pages = Math.max(1, Math.ceil(this.count / PAGE_ROWS));
    set(this.pageText, `page ${this.page + 1} of ${pages}`);
  }
}

export function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
