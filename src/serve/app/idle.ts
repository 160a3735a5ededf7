/**
 * Work the page does ahead while it is idle (main.ts): the colour columns coloured for a choice, the objectives sorted
 * for a brush, the colour columns' colourings counted in the views (countsAhead).
 */
import type { Colouring } from './colour.js';

/**
 * One step a requestIdleCallback, in order, each waiting while `ready()` says the page is busy (its views refining a
 * sample), so the steps never take the frames of a change the user made. A step that returns false has more to do:
 * it is called again at the next idle moment.
 */
export function whileIdle(steps: readonly (() => unknown)[], ready: () => boolean, from = 0): void {
  if (from >= steps.length) return;
  requestIdleCallback(() => {
    if (!ready()) return whileIdle(steps, ready, from);
    const done = steps[from]!() !== false;
    whileIdle(steps, ready, done ? from + 1 : from);
  });
}

/** A view that counts every design by a colouring ahead of its choice (parcoords.ts, scatter.ts countAhead). */
export interface CountsAheadView {
  countAhead(colours: Colouring, most: number): boolean;
  /** Counts more of the designs a frame drawn ahead shows, its counts let go (maskCounts.ts deferAll). */
  countShown(most: number): boolean;
}

/** Designs each view counts per idle step of countsAhead. */
const AHEAD_ROWS = 100_000;
/** The latest countsAhead call: an earlier call's steps are left undone. */
let aheadRound = 0;

/**
 * Idle steps that count every design in each view by each column's colouring for the views' current placement (at
 * a million designs 35 million counts a column, which a colour column chosen with most designs kept then starts from
 * instead of counting them: docs/performance.md), AHEAD_ROWS designs a view and step; first the counts of a frame
 * drawn ahead that the views show (countShown), which a brush then starts from.
 */
export function countsAhead(
  columns: readonly (() => Colouring | null)[],
  views: readonly CountsAheadView[],
): (() => boolean)[] {
  const round = ++aheadRound;
  const shown = (): boolean => views.every((v) => v.countShown(AHEAD_ROWS));
  return [
    shown,
    ...columns.map((colouring) => () => {
      const colours = round === aheadRound ? colouring() : null;
      return colours === null || views.every((v) => v.countAhead(colours, AHEAD_ROWS));
    }),
  ];
}
