/**
 * What the explorer (main.ts) fetches from the server (server.ts): a JSON answer, a run's columns and front, and the
 * first rows a page opened on the default view draws while the columns are on their way.
 */
import type { RunInfo } from '../runData.js';
import type { ValueSpan } from '../valueSpan.js';
import type { RunColumns } from './data.js';

/** A JSON answer of the server, or an Error with the message it gave (a run file it names) instead of the body. */
export async function apiJson<T>(url: string): Promise<T> {
  const r = await fetch(url);
  const body = (await r.json()) as T | { error?: string };
  if (!r.ok) throw new Error((body as { error?: string }).error ?? `${url}: HTTP ${r.status}`);
  return body as T;
}

/** A run's columns (column-major doubles) and front. */
export async function fetchRun(
  info: RunInfo,
  front = apiJson<{ indices: number[] }>(`/api/runs/${info.id}/front`),
): Promise<RunColumns> {
  const [bin, { indices }] = await Promise.all([
    // through a Blob: Chromium then gathers the body outside the page's main thread, which Response.arrayBuffer()
    // kept busy copying it chunk by chunk (20 MB at 100,000 designs; docs/performance.md)
    fetch(`/api/runs/${info.id}/columns`)
      .then((r) => r.blob())
      .then((b) => b.arrayBuffer()),
    front,
  ]);
  return { info, data: new Float64Array(bin), frontIndices: indices };
}

/** A run's first rows that did not fail (the table's first page), its counts and its columns' spans (server.ts). */
export interface Head {
  readonly columns: RunColumns;
  readonly shown: number;
  readonly failed: number;
  readonly spans: readonly ValueSpan[];
}

/** A run's first `rows` rows that did not fail, with its counts and spans (`/api/runs/<r>/head`). */
export async function fetchHead(info: RunInfo, front: Promise<{ indices: number[] }>, rows: number): Promise<Head> {
  const r = await fetch(`/api/runs/${info.id}/head?rows=${rows}`);
  if (!r.ok) throw new Error(`/api/runs/${info.id}/head: HTTP ${r.status}`);
  const { shown, failed, spans } = JSON.parse(r.headers.get('X-Head')!) as Omit<Head, 'columns'>;
  const data = new Float64Array(await r.arrayBuffer());
  const columns = {
    info: { ...info, rows: data.length / info.columns.length },
    data,
    frontIndices: (await front).indices,
  };
  return { columns, shown, failed, spans };
}
