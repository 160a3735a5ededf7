/**
 * The explorer's decision picks: the knee, TOPSIS with weights the user enters (default equal) and a lexicographic
 * order of the objectives with a tolerance, computed by the rules a study's `select:` names (src/run/decision/picks.ts
 * `pickAmong` and `pickText`: one implementation for runs and the page). The candidates are the front shown (the union
 * front with several runs of the same objectives, each run's front otherwise) whose objectives are all known; the
 * feasible ones are admitted; every objective enters in the minimized sense (a maximized one negated, as the run
 * does). The pick is named with its parameters as a run names a `select:` pick, its design's objectives printed
 * beside the name, and it is selected (its line, points, table row and budget). It is computed when the rule or the
 * runs change, never on a brush. It applies none of the run's select: screens (a joint probability, a margin): the
 * panel says so beside the pick, and the header shows the run's own answer.
 */
import { pickAmong, pickText, type PickName, type PickRule } from '../../run/decision/picks.js';
import { toleranceProblem, weightProblem } from '../../study/pickBounds.js';
import { fmtValue, type Dataset, type Dim } from './data.js';
import { esc } from './table.js';

/** What a pick here does not do that the run's own answer does (shown beside every pick). */
export const PICK_SCREENS =
  "(among the front's feasible designs as shown: the run's select: screens, P(all hold) and margins, are not " +
  "applied here; the run's answer is in the header)";

/** The dataset row the rule picks, or -1 (no rule, or no feasible design on the front). */
export function pickedRow(ds: Dataset, rule: PickRule | null): number {
  if (rule === null) return -1;
  const objs = ds.dims.filter((d) => d.role === 'objective');
  const rows: number[] = [];
  for (let i = 0; i < ds.n; i++)
    if (ds.union[i] === 1 && objs.every((d) => Number.isFinite(d.values[i]!))) rows.push(i);
  const F = rows.map((i) => objs.map((d) => (d.sense === 'maximize' ? -d.values[i]! : d.values[i]!)));
  const k = pickAmong(
    F,
    objs.map((d) => d.name),
    rule,
    (p) => ds.status[rows[p]!] === 0,
  );
  return k < 0 ? -1 : rows[k]!;
}

const METHODS: readonly [PickName | '', string][] = [
  ['', 'none'],
  ['knee', 'knee'],
  ['topsis', 'TOPSIS'],
  ['lexicographic', 'lexicographic'],
];

/** The rule with every objective's parameter filled in: equal TOPSIS weights, the objectives' order. */
function completed(rule: PickRule, names: readonly string[]): PickRule {
  if (rule.pick === 'topsis')
    return { ...rule, weights: Object.fromEntries(names.map((n) => [n, rule.weights?.[n] ?? 1])) };
  if (rule.pick === 'lexicographic') {
    const order = (rule.order ?? []).filter((n) => names.includes(n));
    return { ...rule, order: [...order, ...names.filter((n) => !order.includes(n))] };
  }
  return rule;
}

/** The pick controls over a host element; `onPick` hears the row the rule picks (-1: none) whenever it changes. */
export class PickPanel {
  private ds: Dataset | null = null;
  private objectives: readonly Dim[] = [];
  rule: PickRule | null = null;

  constructor(
    private readonly host: HTMLElement,
    private readonly onPick: (row: number) => void,
  ) {}

  /** New runs (or a new union front): the controls for their objectives, the pick's text again. */
  setData(ds: Dataset): void {
    this.ds = ds;
    this.objectives = ds.dims.filter((d) => d.role === 'objective');
    if (this.rule !== null) this.rule = completed(this.rule, this.names());
    this.draw();
  }

  /** The row the current rule picks (-1 without one). */
  pickedRow(): number {
    return this.ds === null ? -1 : pickedRow(this.ds, this.rule);
  }

  private names(): string[] {
    return this.objectives.map((d) => d.name);
  }

  private setRule(rule: PickRule | null, redraw: boolean): void {
    this.rule = rule === null ? null : completed(rule, this.names());
    if (redraw) this.draw();
    else this.showResult();
    this.onPick(this.pickedRow());
  }

  private draw(): void {
    const method = this.rule?.pick ?? '';
    const options = METHODS.map(
      ([v, label]) => `<option value="${v}"${v === method ? ' selected' : ''}>${label}</option>`,
    ).join('');
    this.host.innerHTML =
      `<label>pick a design <select data-testid="pick-method" aria-label="pick method">${options}</select></label>` +
      `<span class="pick-params">${this.paramsHtml()}</span><span data-testid="pick-result"></span>` +
      (method === '' ? '' : `<span class="pick-screens" data-testid="pick-screens"> ${PICK_SCREENS}</span>`);
    const select = this.host.querySelector('select')!;
    select.onchange = () => this.setRule(select.value === '' ? null : { pick: select.value as PickName }, true);
    this.host.querySelectorAll<HTMLInputElement>('input[data-weight]').forEach((input) => {
      input.oninput = () => {
        const w = Number(input.value);
        if (weightProblem(w) !== null || this.rule === null) return; // the study schema's bounds
        this.setRule({ ...this.rule, weights: { ...this.rule.weights, [input.dataset['weight']!]: w } }, false);
      };
    });
    this.host.querySelectorAll<HTMLButtonElement>('button[data-up]').forEach((b) => {
      b.onclick = () => {
        const order = [...(this.rule?.order ?? [])];
        const k = Number(b.dataset['up']);
        [order[k - 1], order[k]] = [order[k]!, order[k - 1]!];
        this.setRule({ ...this.rule, order }, true);
      };
    });
    const tol = this.host.querySelector<HTMLInputElement>('input[data-tolerance]');
    if (tol !== null)
      tol.oninput = () => {
        const pct = Number(tol.value);
        if (toleranceProblem(pct / 100) === null) this.setRule({ ...this.rule, tolerance: pct / 100 }, false);
      };
    this.showResult();
  }

  /** TOPSIS: a weight per objective; lexicographic: the order (▲ moves an objective up) and the tolerance. */
  private paramsHtml(): string {
    const r = this.rule;
    if (r?.pick === 'topsis')
      return this.names()
        .map(
          (n) =>
            `<label>${esc(n)} <input type="number" min="0" step="0.1" size="4" data-weight="${esc(n)}" ` +
            `aria-label="weight ${esc(n)}" value="${r.weights?.[n] ?? 1}"></label>`,
        )
        .join(' ');
    if (r?.pick === 'lexicographic')
      return (
        (r.order ?? [])
          .map(
            (n, k) =>
              `${k + 1}. ${esc(n)}${k > 0 ? ` <button type="button" data-up="${k}" aria-label="move ${esc(n)} up">▲</button>` : ''}`,
          )
          .join(' ') +
        ` <label>tolerance <input type="number" min="0" max="50" step="1" size="3" data-tolerance aria-label="tolerance" ` +
        `value="${100 * (r.tolerance ?? 0)}"> % of range</label>`
      );
    return '';
  }

  /** "TOPSIS (weights f1 0.5, f2 0.5): run 0 design 12 · f1 2 · f2 2", or why there is no pick. */
  private showResult(): void {
    const out = this.host.querySelector<HTMLElement>('[data-testid="pick-result"]');
    if (out === null || this.ds === null) return;
    const ds = this.ds;
    const row = this.pickedRow();
    out.dataset['row'] = String(row);
    out.dataset['index'] = row < 0 ? '' : String(ds.index[row]);
    if (this.rule === null) out.textContent = '';
    else if (row < 0) out.textContent = `${pickText(this.names(), this.rule)}: no feasible design on the front`;
    else {
      const values = this.objectives.map(
        (d) => `${d.name} ${fmtValue(d.values[row]!, d)}${d.unit === '-' ? '' : ` ${d.unit}`}`,
      );
      out.textContent = `${pickText(this.names(), this.rule)}: run ${ds.run[row]} design ${ds.index[row]} · ${values.join(' · ')}`;
    }
  }
}
