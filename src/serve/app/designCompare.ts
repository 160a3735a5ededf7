/**
 * Two designs side by side in the budget panel: "pin for comparison" keeps the design shown as A; any other design
 * shown afterwards offers "compare with design A", which shows what `odc diff` prints for the two (/api/diff, the same
 * comparison: src/report/compare/designDiff.ts): the summary, the lines that differ, and every line on request.
 */
import type { DesignPair } from '../designPair.js';
import type { RunInfo } from '../runData.js';
import { getJson, rowsTable } from './budget.js';
import { esc } from './table.js';

/** The design pinned as A: run id and evaluation index. */
let pinned: { run: number; index: number } | null = null;

const tablesHtml = (tables: DesignPair['all']): string => tables.map((t) => rowsTable(t.head, t.rows, 1)).join('');

/** The comparison of A (pinned) with B (shown) under the buttons. */
async function showPair(out: HTMLElement, a: string, b: string): Promise<void> {
  out.innerHTML = '<p class="muted">comparing…</p>';
  const p = await getJson<DesignPair>(`/api/diff?a=${a}&b=${b}`);
  out.innerHTML =
    `<h3>A: ${esc(p.a)} — B: ${esc(p.b)}</h3><p id="diff-summary">${esc(p.summary)}</p>${tablesHtml(p.changed)}` +
    `<details><summary>every line</summary>${tablesHtml(p.all)}</details>`;
}

/** The pin and compare buttons under the design's actions, and the comparison's place. */
export function compareActions(host: HTMLElement, run: RunInfo, index: number): void {
  const box = document.createElement('div');
  box.className = 'actions';
  const out = document.createElement('div');
  out.id = 'design-diff';
  const here = { run: run.id, index };
  const isPinned = pinned?.run === here.run && pinned.index === here.index;
  box.innerHTML =
    `<button type="button" id="pin-design">${isPinned ? 'pinned as A' : 'pin for comparison'}</button>` +
    (pinned !== null && !isPinned
      ? `<button type="button" id="compare-design">compare with design A (run ${pinned.run}, design ${pinned.index})</button>`
      : '');
  host.querySelector('.actions')?.after(box, out);
  box.querySelector('#pin-design')!.addEventListener('click', (e) => {
    pinned = here;
    (e.target as HTMLElement).textContent = 'pinned as A';
    box.querySelector('#compare-design')?.remove();
  });
  box.querySelector('#compare-design')?.addEventListener('click', () => {
    const a = pinned!;
    showPair(out, `${a.run}:${a.index}`, `${here.run}:${here.index}`).catch((e: unknown) => {
      out.textContent = String(e);
    });
  });
}
