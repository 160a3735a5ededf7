/**
 * The design table: the designs the filters keep, sorted by any column (click a header; again to reverse), one page
 * of PAGE_ROWS rows in the DOM at a time. The sort order of all designs is computed once per sort change; a brush
 * then only walks it and keeps the masked ones.
 * The table's elements are made once per layout and a brush only rewrites the text and attributes that changed: a
 * rebuilt table (innerHTML) cost the browser a style recalculation, a layout and a repaint of ~1,300 new elements per
 * brush, about nine tenths of its work after a brush at 100,000 designs (docs/performance.md).
 */
import { fmtValue, RUN_COLOURS, type Dataset, type Dim } from './data.js';

export const PAGE_ROWS = 25;

/** One row of the page: its element, and the text node of each cell (the run's swatch kept beside the first). */
interface RowCells {
  readonly tr: HTMLTableRowElement;
  readonly texts: Text[];
  readonly swatch: HTMLElement | null;
}

export class DesignTable {
  private ds: Dataset | null = null;
  private columns: Dim[] = [];
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
  private readonly thead = document.createElement('thead');
  private readonly tbody = document.createElement('tbody');
  private rows: RowCells[] = [];
  private readonly pageText = document.createTextNode('');

  constructor(
    private readonly host: HTMLElement,
    private readonly pager: HTMLElement,
    private readonly onPick: (row: number) => void,
  ) {
    const table = document.createElement('table');
    table.append(this.thead, this.tbody);
    this.host.replaceChildren(table);
    this.thead.addEventListener('click', (e) => {
      const th = (e.target as Element).closest<HTMLElement>('th[data-key]');
      if (th === null) return;
      const key = th.dataset['key']!;
      this.descending = key === this.sortKey ? !this.descending : false;
      this.sortKey = key;
      this.sort();
      if (this.mask !== null) this.render(this.mask, this.count, this.selected);
    });
    this.tbody.addEventListener('click', (e) => {
      const tr = (e.target as Element).closest<HTMLElement>('tr[data-row]');
      if (tr !== null) this.onPick(Number(tr.dataset['row']));
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

  layout(ds: Dataset): void {
    this.ds = ds;
    this.drawn = '';
    const pick = (role: Dim['role']): Dim[] => ds.dims.filter((d) => d.role === role);
    this.columns = [
      ...pick('index'),
      ...pick('status'),
      ...pick('objective'),
      ...pick('variable'),
      ...pick('violation'),
    ];
    // the columns (or the run column) may differ: rows are made again on the next draw
    this.rows = [];
    this.tbody.replaceChildren();
    this.header();
    this.sort();
  }

  /** The header row: a th per column, its sort arrow as a class (sortedClasses). */
  private header(): void {
    const tr = document.createElement('tr');
    const th = (text: string, left: boolean): HTMLTableCellElement => {
      const cell = document.createElement('th');
      if (left) cell.className = 'l';
      cell.textContent = text;
      return cell;
    };
    if (this.ds!.runs.length > 1) tr.append(th('run', true));
    for (const c of this.columns) {
      const cell = th(c.role === 'index' ? 'design' : c.name, false);
      cell.dataset['key'] = c.name;
      cell.title = `${c.name} [${c.unit}]`;
      tr.append(cell);
    }
    tr.append(th('front', true));
    this.thead.replaceChildren(tr);
  }

  private sortedClasses(): void {
    this.thead.querySelectorAll<HTMLElement>('th[data-key]').forEach((th) => {
      const cls = th.dataset['key'] === this.sortKey ? (this.descending ? 'sorted-desc' : 'sorted-asc') : '';
      if (th.className !== cls) th.className = cls;
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

  /** A row's elements: a td per column (and the run's before them when there are several runs, the front after). */
  private makeRow(): RowCells {
    const tr = document.createElement('tr');
    tr.dataset['testid'] = 'design-row';
    const texts: Text[] = [];
    const td = (left: boolean): HTMLTableCellElement => {
      const cell = document.createElement('td');
      if (left) cell.className = 'l';
      const text = document.createTextNode('');
      texts.push(text);
      cell.append(text);
      tr.append(cell);
      return cell;
    };
    let swatch: HTMLElement | null = null;
    if (this.ds!.runs.length > 1) {
      swatch = document.createElement('span');
      swatch.className = 'swatch';
      td(true).prepend(swatch);
    }
    for (let c = 0; c < this.columns.length; c++) td(false);
    td(true);
    return { tr, texts, swatch };
  }

  /** Writes the page's rows into the table, touching only the text and attributes that differ from what it shows. */
  private draw(): void {
    const ds = this.ds!;
    this.drawn = this.shownKey();
    this.sortedClasses();
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
      attr(row.tr, 'data-row', String(i));
      attr(row.tr, 'data-run', String(run));
      attr(row.tr, 'data-index', String(ds.index[i]));
      attr(row.tr, 'class', i === this.selected ? 'selected' : null);
      let t = 0;
      if (row.swatch !== null) {
        attr(row.swatch, 'style', `background:${RUN_COLOURS[run % RUN_COLOURS.length]}`);
        set(row.texts[t++]!, ` ${run}`);
      }
      for (const c of this.columns) set(row.texts[t++]!, fmtValue(c.values[i]!, c));
      set(row.texts[t]!, ds.union[i] ? 'union' : ds.front[i] ? 'yes' : '');
      // the body holds rows[0 .. shown) in order: a row not in it goes after them
      if (row.tr.parentNode !== this.tbody) this.tbody.append(row.tr);
    });
    while (this.tbody.children.length > shown.length) this.tbody.lastElementChild!.remove();
    const pages = Math.max(1, Math.ceil(this.count / PAGE_ROWS));
    set(this.pageText, `page ${this.page + 1} of ${pages}`);
  }
}

export function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
