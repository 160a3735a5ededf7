/**
 * The attainment bands on the scatter (/api/attainment, ../attainmentBands.ts: read from the multi-seed runs'
 * attainment.json): on a panel whose two dimensions are a band's pair of objectives, shaded between the 25 % and 75 %
 * attainment surfaces, the median (50 %) surface as a line and the union's knee as a diamond, as the report draws
 * them (src/report/decision/spreadSection.ts). Over the seeds or under the uncertain inputs, as the menu chooses.
 */
import type { ServedBands } from '../attainmentBands.js';
import type { Dim } from './data.js';
import type { AxisScale } from './scales.js';

export type BandKind = 'seeds' | 'draws' | 'none';

/** A scatter panel as the band layer needs it: its dimensions, scales and plot area (pixels, c across). */
export interface BandPanel {
  readonly x: Dim;
  readonly y: Dim;
  readonly sx: AxisScale;
  readonly sy: AxisScale;
  readonly ox: number;
  readonly oy: number;
  readonly c: number;
}

const BLUE = '#4c78a8';

/** Draws the bands of `kind` that fall on the panel; `kneeRow(b)` the knee's dataset row (-1: not loaded). */
export function drawBands(
  ctx: CanvasRenderingContext2D,
  bands: readonly ServedBands[],
  kind: BandKind,
  p: BandPanel,
  kneeRow: (b: ServedBands) => number,
): void {
  if (kind === 'none') return;
  const px = (vx: number, vy: number): [number, number] => [
    p.ox + p.sx.position(vx) * p.c,
    p.oy + p.c - p.sy.position(vy) * p.c,
  ];
  ctx.save();
  ctx.beginPath();
  ctx.rect(p.ox, p.oy - 1, p.c + 1, p.c + 1);
  ctx.clip();
  for (const b of bands) {
    for (const pair of b[kind]) {
      const flip = pair.x === p.y.name && pair.y === p.x.name;
      if (!flip && !(pair.x === p.x.name && pair.y === p.y.name)) continue;
      const at = (q: { x: number; y: number }): [number, number] => (flip ? px(q.y, q.x) : px(q.x, q.y));
      const path = (pts: readonly { x: number; y: number }[], start = true): void => {
        for (const [k, q] of pts.entries()) {
          const [u, v] = at(q);
          if (!Number.isFinite(u) || !Number.isFinite(v)) continue;
          if (k === 0 && start) ctx.moveTo(u, v);
          else ctx.lineTo(u, v);
        }
      };
      ctx.beginPath();
      path(pair.q1);
      path([...pair.q3].reverse(), false);
      ctx.closePath();
      ctx.fillStyle = 'rgba(76, 120, 168, 0.25)';
      ctx.fill();
      ctx.beginPath();
      path(pair.median);
      ctx.strokeStyle = BLUE;
      ctx.lineWidth = 2;
      ctx.stroke();
      const row = kneeRow(b);
      if (row < 0) continue;
      const [u, v] = px(p.x.values[row]!, p.y.values[row]!);
      ctx.beginPath();
      ctx.moveTo(u, v - 6);
      ctx.lineTo(u + 5, v);
      ctx.lineTo(u, v + 6);
      ctx.lineTo(u - 5, v);
      ctx.closePath();
      ctx.fillStyle = '#000';
      ctx.fill();
    }
  }
  ctx.restore();
}
