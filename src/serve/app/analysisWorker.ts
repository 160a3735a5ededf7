/**
 * The explorer's analysis worker (bundled by esbuild into /analysis.js, started by analysis.ts): told a run's RunInfo,
 * it fetches that run's columns itself (same origin; the page's main thread copies nothing) and answers with its
 * optimization history and parameter importance (analysisData.ts), or `{ run, error }`.
 */
import type { RunInfo } from '../runData.js';
import { analyseRun } from './analysisData.js';

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<RunInfo>) => void) | null;
  postMessage(message: unknown, transfer?: Transferable[]): void;
};

scope.onmessage = (e) => {
  const info = e.data;
  void fetch(`/api/runs/${info.id}/columns`)
    .then((r) => r.arrayBuffer())
    .then((buf) => {
      const rows = buf.byteLength / 8 / info.columns.length;
      const a = analyseRun({ ...info, rows }, new Float64Array(buf));
      scope.postMessage(a, [
        a.checkpoints.buffer,
        a.hypervolume.buffer,
        a.standardError.buffer,
        ...a.best.flatMap((b) => [b.at.buffer, b.value.buffer]),
      ]);
    })
    .catch((err: unknown) => scope.postMessage({ run: info.id, error: String(err) }));
};
