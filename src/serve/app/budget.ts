/**
 * The selected design's panel: the budget tables `odc evaluate` prints (served as sections by
 * /api/runs/<r>/designs/<i>), its constraints with margins, and the actions: download the design file
 * (`odc export --format yaml`), copy the `odc evaluate` command for it, and a note kept in the run folder's notes.json.
 */
import type { DesignView } from '../designData.js';
import type { RunInfo } from '../runData.js';
import { fmtValue } from './data.js';
import { esc } from './table.js';

export async function getJson<T>(url: string): Promise<T> {
  const r = await fetch(url);
  if (!r.ok)
    throw new Error(`${url}: ${r.status} ${((await r.json().catch(() => ({}))) as { error?: string }).error ?? ''}`);
  return (await r.json()) as T;
}

export const rowsTable = (head: readonly string[], rows: readonly (readonly string[])[], left: number): string =>
  `<table><thead><tr>${head.map((h, k) => `<th class="${k < left ? 'l' : ''}">${esc(h)}</th>`).join('')}</tr></thead><tbody>` +
  rows
    .map((r) => `<tr>${r.map((c, k) => `<td class="${k < left ? 'l' : ''}">${esc(c)}</td>`).join('')}</tr>`)
    .join('') +
  '</tbody></table>';

/** The export / copy-command buttons and the note box under the design's title. */
function pushActions(out: string[], v: DesignView, run: RunInfo, note: string): void {
  const file = `design-${run.id}-${v.index}.yaml`;
  out.push('<div class="actions">');
  if (v.kind !== 'benchmark')
    out.push(
      `<a download="${file}" href="/api/runs/${run.id}/designs/${v.index}/design.yaml"><button type="button">export YAML</button></a>`,
    );
  out.push(
    `<button type="button" id="copy-cmd" data-cmd="${esc(v.kind === 'benchmark' ? '' : `odc evaluate ${file}`)}">copy odc evaluate command</button>`,
  );
  out.push('</div>');
  out.push(
    `<textarea id="note" placeholder="note on this design (kept in notes.json beside the run)">${esc(note)}</textarea>`,
  );
  out.push(
    '<div class="actions"><button type="button" id="save-note">save note</button><span id="note-status" class="muted"></span></div>',
  );
}

/**
 * Name, value and unit rows: numbers to 4 significant digits (fmtValue, as the table and axes print them), units from
 * the run's column list (RunInfo.columns: the study's variables and the record schema's metric units).
 */
function valueRows(values: Record<string, string | number>, run: RunInfo): string[][] {
  return Object.entries(values).map(([name, x]) => {
    const unit = run.columns.find((c) => c.name === name)?.unit ?? '';
    return [name, typeof x === 'number' ? fmtValue(x) : x, unit === '-' ? '' : unit];
  });
}

function viewHtml(v: DesignView, run: RunInfo, note: string): string {
  const out = [
    `<p><strong>${esc(v.title)}</strong><br><span class="muted">run ${run.id} (${esc(run.name)}), evaluation ${v.index}, ` +
      `${v.status === 'feasible' ? 'feasible' : `<span class="bad">${v.status}</span>`}; record: ${v.source}</span></p>`,
  ];
  pushActions(out, v, run, note);
  out.push(
    '<h3>Objectives</h3>',
    rowsTable(['objective', 'value', 'unit'], valueRows(v.objectives, run), 1),
    '<h3>Variables</h3>',
    rowsTable(['variable', 'value', 'unit'], valueRows(v.variables, run), 1),
  );
  if (v.shells !== undefined) out.push('<h3>Shells</h3>', rowsTable(v.shells[0]!, v.shells.slice(1), 1));
  for (const s of v.sections) {
    out.push(
      `<h3>${esc(s.title)}</h3>`,
      rowsTable(
        ['', 'value', 'unit', 'note'],
        s.rows.map((r) => [r.label.trim(), r.value, r.unit, r.note ?? '']),
        1,
      ),
    );
  }
  if (v.constraints.length > 0) {
    out.push(
      '<h3>Constraints</h3>',
      rowsTable(
        ['constraint', 'value', 'limit', 'unit', 'margin', 'status'],
        v.constraints.map((c) => [c.name, c.value, c.limit, c.unit, c.margin, c.satisfied ? 'ok' : 'VIOLATED']),
        1,
      ),
    );
  }
  if (v.warnings.length)
    out.push('<h3>Warnings</h3>', `<ul>${v.warnings.map((w) => `<li>${esc(w)}</li>`).join('')}</ul>`);
  if (v.notes.length) out.push('<h3>Notes</h3>', `<ul>${v.notes.map((n) => `<li>${esc(n)}</li>`).join('')}</ul>`);
  if (v.sections.length === 0 && v.kind !== 'benchmark')
    out.push('<p class="muted">No record: the models could not evaluate this design.</p>');
  return out.join('');
}

/** Shows the design (run id, evaluation index) in the panel; returns when it is drawn. */
export async function showDesign(host: HTMLElement, run: RunInfo, index: number): Promise<void> {
  host.innerHTML = '<p class="muted">loading…</p>';
  const [view, notes] = await Promise.all([
    getJson<DesignView>(`/api/runs/${run.id}/designs/${index}`),
    getJson<{ notes: Record<string, { text: string }> }>(`/api/runs/${run.id}/notes`).catch(() => ({
      notes: {} as Record<string, { text: string }>,
    })),
  ]);
  host.innerHTML = viewHtml(view, run, notes.notes[String(index)]?.text ?? '');
  host.dataset['run'] = String(run.id);
  host.dataset['index'] = String(index);
  const copy = host.querySelector<HTMLButtonElement>('#copy-cmd')!;
  copy.addEventListener('click', () => {
    const cmd = copy.dataset['cmd'] ?? '';
    void navigator.clipboard?.writeText(cmd).then(
      () => {
        copy.textContent = 'copied';
      },
      () => {
        copy.textContent = cmd;
      },
    );
  });
  const status = host.querySelector<HTMLElement>('#note-status')!;
  host.querySelector('#save-note')!.addEventListener('click', () => {
    const text = host.querySelector<HTMLTextAreaElement>('#note')!.value;
    fetch(`/api/runs/${run.id}/notes`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ design: index, text }),
    })
      .then(async (r) => {
        status.textContent = r.ok ? 'saved' : `not saved: ${((await r.json()) as { error: string }).error}`;
      })
      .catch((e: unknown) => {
        status.textContent = `not saved: ${String(e)}`;
      });
  });
}
