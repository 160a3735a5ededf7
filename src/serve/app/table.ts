/**
 * The design table: the designs the filters keep, sorted by any column (click a header; again to reverse), one page
 * of PAGE_ROWS rows in the DOM at a time. The sort order of all designs is computed once per sort change; a brush
 * then only walks it and keeps the masked ones.
 */
import { fmtValue, RUN_COLOURS, type Dataset, type Dim } from './data.js';

export const PAGE_ROWS = 25;

export class DesignTable {
  private ds: Dataset | null = null;
  private columns: Dim[] = [];
  private order: Int32Array = new Int32Array(0);
  private sortKey = 'eval';
  private descending = false;
  private page = 0;
  private kept: Int32Array = new Int32Array(0);
  private mask: Uint8Array | null = null;
  private selected = -1;
  /** What the DOM shows (sort, page, count, selection, rows): a brush that changes none of it leaves the DOM alone. */
  private drawn = '';

  constructor(
    private readonly host: HTMLElement,
    private readonly pager: HTMLElement,
    private readonly onPick: (row: number) => void,
  ) {}

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
    this.sort();
  }

  private sort(): void {
    const ds = this.ds!;
    const dim = ds.dims.find((d) => d.name === this.sortKey) ?? ds.dims[0]!;
    const v = dim.values;
    // the designs arrive in evaluation order, run after run: the default order needs no sort
    if (dim.role === 'index' && !this.descending && ds.runs.length === 1) {
      this.order = Int32Array.from({ length: ds.n }, (_, i) => i);
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
    const kept = new Int32Array(count);
    let k = 0;
    for (const i of this.order) if (mask[i] === 1) kept[k++] = i;
    this.kept = kept;
    const pages = Math.max(1, Math.ceil(count / PAGE_ROWS));
    if (this.page >= pages) this.page = pages - 1;
    if (this.shownKey() === this.drawn) return;
    this.draw();
  }

  private shownKey(): string {
    const start = this.page * PAGE_ROWS;
    const rows = this.kept.subarray(start, start + PAGE_ROWS);
    return [this.sortKey, this.descending, this.page, this.kept.length, this.selected, ...rows].join(',');
  }

  private draw(): void {
    const ds = this.ds!;
    this.drawn = this.shownKey();
    const multi = ds.runs.length > 1;
    const head = ['<tr>', multi ? '<th class="l">run</th>' : ''];
    for (const c of this.columns) {
      const cls = c.name === this.sortKey ? (this.descending ? 'sorted-desc' : 'sorted-asc') : '';
      const label = c.role === 'index' ? 'design' : c.name;
      head.push(
        `<th class="${cls}" data-key="${esc(c.name)}" title="${esc(`${c.name} [${c.unit}]`)}">${esc(label)}</th>`,
      );
    }
    head.push('<th class="l">front</th></tr>');
    const body: string[] = [];
    const start = this.page * PAGE_ROWS;
    for (const i of this.kept.subarray(start, start + PAGE_ROWS)) {
      const run = ds.run[i]!;
      const cells = [
        multi
          ? `<td class="l"><span class="swatch" style="background:${RUN_COLOURS[run % RUN_COLOURS.length]}"></span> ${run}</td>`
          : '',
      ];
      for (const c of this.columns) cells.push(`<td>${esc(fmtValue(c.values[i]!, c))}</td>`);
      cells.push(`<td class="l">${ds.union[i] ? 'union' : ds.front[i] ? 'yes' : ''}</td>`);
      const sel = i === this.selected ? ' class="selected"' : '';
      body.push(
        `<tr data-testid="design-row" data-row="${i}" data-run="${run}" data-index="${ds.index[i]}"${sel}>${cells.join('')}</tr>`,
      );
    }
    this.host.innerHTML = `<table><thead>${head.join('')}</thead><tbody>${body.join('')}</tbody></table>`;
    this.host.querySelectorAll<HTMLElement>('th[data-key]').forEach((th) => {
      th.addEventListener('click', () => {
        const key = th.dataset['key']!;
        this.descending = key === this.sortKey ? !this.descending : false;
        this.sortKey = key;
        this.sort();
        if (this.mask !== null) this.render(this.mask, this.kept.length, this.selected);
      });
    });
    this.host
      .querySelectorAll<HTMLElement>('tr[data-row]')
      .forEach((tr) => tr.addEventListener('click', () => this.onPick(Number(tr.dataset['row']))));
    const pages = Math.max(1, Math.ceil(this.kept.length / PAGE_ROWS));
    this.pager.innerHTML =
      `<button type="button" data-go="-1">‹ previous</button><span>page ${this.page + 1} of ${pages}</span>` +
      '<button type="button" data-go="1">next ›</button>';
    this.pager.querySelectorAll<HTMLElement>('button').forEach((b) => {
      b.addEventListener('click', () => {
        this.page = Math.min(pages - 1, Math.max(0, this.page + Number(b.dataset['go'])));
        this.draw();
      });
    });
  }
}

export function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
