/**
 * Text for an 80-column terminal: a line wrapped at word boundaries under its own indent (continuation lines two
 * columns deeper), and a table aligned in columns when it fits, else one wrapped line per row ("header value, …").
 * A single word wider than the line (a long path) is kept whole rather than cut: it is what the user copies.
 */
import { maxOf } from '../base/arrays.js';

export const TERMINAL_WIDTH = 80;

/** `line` wrapped to `width` columns (see the header). */
export function wrapLine(line: string, width = TERMINAL_WIDTH): string[] {
  if (line.length <= width) return [line];
  const indent = line.length - line.trimStart().length;
  const out: string[] = [];
  let current = '';
  for (const word of line.trim().split(/\s+/)) {
    const lead = ' '.repeat(out.length === 0 ? indent : indent + 2);
    if (current === '') current = lead + word;
    else if (current.length + 1 + word.length <= width) current += ` ${word}`;
    else {
      out.push(current);
      current = ' '.repeat(indent + 2) + word;
    }
  }
  if (current !== '') out.push(current);
  return out;
}

/** Every line of `lines` (each may hold several, split at "\n") wrapped to `width` columns. */
export function fitLines(lines: readonly string[], width = TERMINAL_WIDTH): string[] {
  return lines.flatMap((l) => l.split('\n')).flatMap((l) => wrapLine(l, width));
}

/** A table indented by `indent` spaces: aligned columns when they fit in `width`, else a wrapped line per row. */
export function terminalTable(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  indent: number,
  width = TERMINAL_WIDTH,
): string[] {
  const widths = headers.map((h, j) => maxOf([h.length, ...rows.map((r) => (r[j] ?? '').length)]));
  const pad = ' '.repeat(indent);
  if (indent + widths.reduce((a, b) => a + b, 0) + 2 * (widths.length - 1) <= width) {
    const line = (cells: readonly string[]): string =>
      `${pad}${cells.map((c, j) => c.padEnd(widths[j]!)).join('  ')}`.trimEnd();
    return [line(headers), ...rows.map(line)];
  }
  return rows.flatMap((r) =>
    wrapLine(`${pad}${headers.map((h, j) => `${h} ${r[j] ?? ''}`.trimEnd()).join(', ')}`, width),
  );
}
