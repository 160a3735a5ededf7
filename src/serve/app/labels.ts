/**
 * Text that fits a width on a canvas: a column name wrapped after its separators (`.`, `_`, a space; a word too wide
 * for a line also before its capitals: `lcocDiscounted_USD_per_PFLOP_day` → `lcocDiscounted_` / `USD_per_PFLOP_` /
 * `day`) over a few lines, and cut with an ellipsis only when it still does not fit (the views show the full name on
 * hover).
 */

/** The name's words, each keeping the separator that ends it; a word wider than a line also split before capitals. */
function words(ctx: CanvasRenderingContext2D, text: string, width: number): string[] {
  return text
    .split(/(?<=[._ \]])/)
    .filter((w) => w !== '')
    .flatMap((w) => (ctx.measureText(w).width <= width ? [w] : w.split(/(?<=[a-z0-9])(?=[A-Z])/)));
}

/** Text cut to a width, with an ellipsis. */
export function clip(ctx: CanvasRenderingContext2D, text: string, width: number): string {
  if (ctx.measureText(text).width <= width) return text;
  let s = text;
  while (s.length > 1 && ctx.measureText(`${s}…`).width > width) s = s.slice(0, -1);
  return `${s}…`;
}

/** The text over at most `most` lines of `width` pixels, filled word by word; the last line cut if it must be. */
export function wrap(ctx: CanvasRenderingContext2D, text: string, width: number, most: number): string[] {
  if (ctx.measureText(text).width <= width) return [text];
  const lines: string[] = [];
  let line = '';
  for (const w of words(ctx, text, width)) {
    if (line !== '' && ctx.measureText(line + w).width > width && lines.length < most - 1) {
      lines.push(line);
      line = w;
    } else line += w;
  }
  lines.push(line);
  return lines.map((l) => clip(ctx, l, width));
}

/** Whether every line of a wrapped text shows its words whole (no ellipsis). */
export const fits = (lines: readonly string[]): boolean => lines.every((l) => !l.endsWith('…'));
