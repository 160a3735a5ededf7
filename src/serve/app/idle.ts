/**
 * Work the page does ahead while it is idle (main.ts: the objectives sorted for a brush, the colour columns coloured
 * for a choice): one step a requestIdleCallback, in order, each waiting while `ready()` says the page is busy (its
 * views refining a sample), so the steps never take the frames of a change the user made.
 */
export function whileIdle(steps: readonly (() => unknown)[], ready: () => boolean, from = 0): void {
  if (from >= steps.length) return;
  requestIdleCallback(() => {
    if (!ready()) return whileIdle(steps, ready, from);
    steps[from]!();
    whileIdle(steps, ready, from + 1);
  });
}
