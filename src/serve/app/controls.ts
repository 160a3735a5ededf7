/**
 * The explorer's controls around the plots: the axis bar (per axis: shown, scale, inverted, moved left or right), the
 * rescale of every axis to a set of designs, the colour legend, and the read-out of the design under the pointer.
 * Each builds plain markup from the state it is given and calls back with the change; main.ts holds the state.
 */
import { roundOutward, SCALE_KINDS, type ScaleKind } from '../urlState.js';
import type { Colouring } from './colour.js';
import { fmtValue, type Dataset, type Dim } from './data.js';
import { esc } from './table.js';

/** Axis order by default: the objectives (what is decided on), then the constraints' g's (margins), then variables. */
export function defaultOrder(ds: Dataset): string[] {
  const of = (role: Dim['role']): string[] => ds.dims.filter((d) => d.role === role).map((d) => d.name);
  return [...of('objective'), ...of('constraint'), ...of('variable')];
}

/** Numeric columns whose values are all equal (an axis with nothing to show): hidden by default, named in a note. */
export function constantDims(ds: Dataset): string[] {
  return defaultOrder(ds).filter((n) => {
    const d = ds.dims.find((x) => x.name === n)!;
    return d.options === undefined && d.min === d.max;
  });
}

export interface AxisBarState {
  readonly order: readonly string[];
  readonly hidden: ReadonlySet<string>;
  readonly scales: Readonly<Record<string, ScaleKind>>;
  readonly inverted: ReadonlySet<string>;
}

export interface AxisBarEvents {
  show(name: string, shown: boolean): void;
  scale(name: string, kind: ScaleKind): void;
  invert(name: string): void;
  swap(position: number, by: number): void;
  /** Shows the hidden constant axes. */
  showConstants(): void;
}

/**
 * Under the plot: every dimension with a checkbox (shown), its scale, an invert toggle and ◀ ▶ to move it; hidden
 * constant columns are left out of it and named in a note, with a button that shows them.
 */
export function axisBar(bar: HTMLElement, ds: Dataset, s: AxisBarState, on: AxisBarEvents): void {
  const dims = new Map(ds.dims.map((d) => [d.name, d]));
  const constant = constantDims(ds).filter((n) => s.hidden.has(n));
  bar.innerHTML = s.order
    .map((n, k) => {
      const d = dims.get(n);
      if (constant.includes(n)) return '';
      const kind = s.scales[n] ?? 'linear';
      const scale =
        d?.options !== undefined
          ? ''
          : `<select data-scale="${k}" aria-label="scale of ${esc(n)}">${SCALE_KINDS.map(
              (o) => `<option${o === kind ? ' selected' : ''}>${o}</option>`,
            ).join('')}</select>`;
      return (
        `<span class="axis-item"><label title="${esc(n)}"><input type="checkbox" data-axis="${k}" ${s.hidden.has(n) ? '' : 'checked'}>` +
        `${esc(n)}</label>${scale}<button type="button" data-invert="${k}" aria-pressed="${s.inverted.has(n)}" ` +
        `aria-label="invert ${esc(n)}" title="invert">⇅</button>` +
        `<button type="button" data-left="${k}" aria-label="move ${esc(n)} left">◀</button>` +
        `<button type="button" data-right="${k}" aria-label="move ${esc(n)} right">▶</button></span>`
      );
    })
    .join(' ');
  if (constant.length > 0) {
    const note = document.createElement('span');
    note.className = 'muted constant-note';
    note.dataset['testid'] = 'constant-note';
    note.textContent = `not drawn, constant over every design: ${constant
      .map((n) => `${n} = ${withUnit(dims.get(n)!.min, dims.get(n)!)}`)
      .join('; ')} `;
    const show = document.createElement('button');
    show.type = 'button';
    show.textContent = 'show';
    show.addEventListener('click', () => on.showConstants());
    note.append(show);
    bar.append(note);
  }
  const name = (el: HTMLElement, key: string): string => s.order[Number(el.dataset[key])]!;
  bar
    .querySelectorAll<HTMLInputElement>('input[data-axis]')
    .forEach((box) => box.addEventListener('change', () => on.show(name(box, 'axis'), box.checked)));
  bar
    .querySelectorAll<HTMLSelectElement>('select[data-scale]')
    .forEach((sel) => sel.addEventListener('change', () => on.scale(name(sel, 'scale'), sel.value as ScaleKind)));
  const click = (attr: string, act: (b: HTMLElement) => void): void =>
    bar.querySelectorAll<HTMLElement>(`button[data-${attr}]`).forEach((b) => b.addEventListener('click', () => act(b)));
  click('invert', (b) => on.invert(name(b, 'invert')));
  click('left', (b) => on.swap(Number(b.dataset['left']), -1));
  click('right', (b) => on.swap(Number(b.dataset['right']), 1));
}

/**
 * Every numeric dimension's span over the designs `keep` marks, widened to the axis's display step (an end at the
 * data's own is open): the rescale (a single value, none, or the data's whole span: no rescale for that axis).
 */
export function domainsOver(ds: Dataset, keep: Uint8Array): Record<string, [number, number]> {
  const out: Record<string, [number, number]> = {};
  for (const d of ds.dims) {
    if (d.options !== undefined || d.role === 'index' || d.role === 'status') continue;
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = 0; i < ds.n; i++) {
      if (keep[i] === 0) continue;
      const v = d.values[i]!;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    if (!(lo <= hi)) continue;
    const span = roundOutward(lo, hi, d.min, d.max);
    if (Number.isFinite(span[0]) || Number.isFinite(span[1])) out[d.name] = span;
  }
  return out;
}

/** A value with its column's unit: `290 USD/PFLOP-day` (no unit for choices and dimensionless columns). */
export function withUnit(v: number, d: Dim): string {
  const text = fmtValue(v, d);
  return d.options !== undefined || d.unit === '-' || d.unit === '' || text === '' ? text : `${text} ${d.unit}`;
}

/** The legend of the colours: what each stands for, with units. */
export function colourLegend(host: HTMLElement, c: Colouring, ds: Dataset): void {
  const d = c.by === null ? undefined : ds.dims.find((x) => x.name === c.by);
  const title =
    c.by === null
      ? 'colour: run'
      : `colour: ${c.by}${
          c.ramp !== undefined
            ? ` (${c.ramp.kind}, ${c.legend.length} steps; grey: beyond the axis's span)`
            : c.integer === true
              ? ` (whole numbers: ${c.legend.length === c.palette.length - 1 && c.legend.every((e) => !e.label.includes(' – ')) ? 'one colour per value' : 'bins of whole values'}; grey: beyond the axis's span)`
              : ''
        }`;
  const more =
    d?.options !== undefined && d.options.length > c.palette.length - 1 ? ' (colours repeat after 8 options)' : '';
  host.innerHTML =
    `<span class="muted">${esc(title)}${more}</span> ` +
    c.legend
      .map(
        (e) =>
          `<span class="legend-item" data-colour="${e.colour}"><span class="swatch" style="background:${e.colour}"></span>${esc(e.label)}</span>`,
      )
      .join(' ');
}

/** The read-out of a design: its run and evaluation, then the named dimensions' values with units. */
export function readOut(
  host: HTMLElement,
  ds: Dataset,
  row: number,
  names: readonly string[],
  x: number,
  y: number,
): void {
  if (row < 0) {
    host.hidden = true;
    return;
  }
  const dims = names
    .map((n) => ds.dims.find((d) => d.name === n))
    .filter((d, k, all): d is Dim => d !== undefined && all.indexOf(d) === k);
  const run = ds.runs.find((r) => r.id === ds.run[row])!;
  host.innerHTML =
    `<strong>run ${esc(run.key)}, evaluation ${ds.index[row]}</strong>` +
    `${ds.status[row] === 0 ? '' : ' <span class="bad">infeasible</span>'}<br>` +
    dims.map((d) => `${esc(d.name)}: ${esc(withUnit(d.values[row]!, d))}`).join('<br>');
  host.dataset['run'] = run.key;
  host.dataset['index'] = String(ds.index[row]);
  host.hidden = false;
  host.style.left = `${x + 14}px`;
  host.style.top = `${y + 14}px`;
}

const optionsOf = (names: readonly string[], chosen: string | null | undefined): string =>
  names.map((n) => `<option value="${esc(n)}"${n === chosen ? ' selected' : ''}>${esc(n)}</option>`).join('');

/** The colour menu: by run, or by any column but the index. Returns the column chosen (null: by run; one the runs
 * lack is dropped). */
export function colourSelect(
  sel: HTMLSelectElement,
  ds: Dataset,
  current: string | null,
  on: (column: string | null) => void,
): string | null {
  const names = ds.dims.filter((d) => d.role !== 'index').map((d) => d.name);
  const chosen = current !== null && names.includes(current) ? current : null;
  sel.innerHTML = `<option value="">run</option>${optionsOf(names, chosen)}`;
  sel.onchange = () => on(sel.value === '' ? null : sel.value);
  return chosen;
}

/**
 * The scatter's x and y menus: every dimension but the index and status; x "objectives" (the matrix, or with two
 * objectives their pair) clears the pair. Returns the pair kept (null when the runs lack one of its columns).
 */
export function pairSelects(
  x: HTMLSelectElement,
  y: HTMLSelectElement,
  ds: Dataset,
  current: readonly [string, string] | null,
  on: (pair: [string, string] | null) => void,
): [string, string] | null {
  const names = ds.dims.filter((d) => d.role !== 'index' && d.role !== 'status').map((d) => d.name);
  const pair = current !== null && current.every((n) => names.includes(n)) ? ([...current] as [string, string]) : null;
  x.innerHTML = `<option value="">objectives matrix</option>${optionsOf(names, pair?.[0])}`;
  y.innerHTML = optionsOf(names, pair?.[1] ?? ds.dims.find((d) => d.role === 'objective')?.name);
  y.disabled = pair === null;
  const change = (): void => {
    y.disabled = x.value === '';
    on(x.value === '' ? null : [x.value, y.value]);
  };
  x.onchange = change;
  y.onchange = change;
  return pair;
}
