/**
 * What Chromium spent for the explorer benchmark (./explorer.ts): the renderer's frame work per brush from a trace, and
 * the CPU of the browser's processes from /proc.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';

/** Trace events of the renderer's frame work after a brush, with the short name printed for each. */
export const FRAME_WORK: Record<string, string> = {
  UpdateLayoutTree: 'style',
  Layout: 'layout',
  'InlineNode::ShapeTextIncludingFirstLine': 'text shaping',
  PrePaint: 'prepaint',
  Paint: 'paint',
  Layerize: 'layerize',
  Commit: 'commit',
  'Canvas2DResourceProvider::ProduceCanvasResource': 'canvas upload',
  RasterTask: 'raster',
  'FrameLoader::updateForSameDocumentNavigation': 'URL update',
};

/** Per brush: milliseconds and count of each FRAME_WORK event in the page's renderer, from a Chromium trace. */
export function frameWork(trace: Buffer, brushes: number): Record<string, { ms: number; n: number }> {
  const events = (
    JSON.parse(trace.toString()) as {
      traceEvents: { name: string; ph: string; pid: number; dur?: number; args?: { name?: string } }[];
    }
  ).traceEvents;
  const renderers = new Set(
    events.filter((e) => e.name === 'process_name' && e.args?.name === 'Renderer').map((e) => e.pid),
  );
  const out: Record<string, { ms: number; n: number }> = {};
  for (const e of events) {
    const name = FRAME_WORK[e.name];
    if (name === undefined || e.ph !== 'X' || !renderers.has(e.pid)) continue;
    const w = (out[name] ??= { ms: 0, n: 0 });
    w.ms += (e.dur ?? 0) / 1000 / brushes;
    w.n += 1 / brushes;
  }
  return out;
}

/** CPU milliseconds (user + system) of every process under this one (Chromium's), from /proc; 0 without /proc. */
export function childrenCpuMs(): number {
  if (!existsSync('/proc/self/stat')) return 0;
  const stats = new Map<number, { ppid: number; ms: number }>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const s = readFileSync(`/proc/${d}/stat`, 'utf8');
      const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
      stats.set(Number(d), { ppid: Number(f[1]), ms: ((Number(f[11]) + Number(f[12])) * 1000) / CLOCK_TICKS });
    } catch {
      // a process that ended meanwhile
    }
  }
  let total = 0;
  const walk = (pid: number): void => {
    for (const [child, st] of stats)
      if (st.ppid === pid) {
        total += st.ms;
        walk(child);
      }
  };
  walk(process.pid);
  return total;
}
/** Linux's USER_HZ (sysconf(_SC_CLK_TCK)): 100 on every distribution's kernel. */
const CLOCK_TICKS = 100;
