/**
 * One CSV cell for every CSV file odc writes that carries text (pareto.csv, `odc export --format csv`,
 * the satellite list of a constellation design).
 * - Numbers are written as numbers (a non-finite number as an empty cell); a negative number stays a number.
 * - Text is quoted when it holds a quote, comma or line break (RFC 4180, quotes doubled).
 * - CSV injection (OWASP): text that a spreadsheet would read as a formula — starting with `=`, `+`, `-`,
 *   `@`, TAB or CR — gets a leading single quote and is quoted, so `=cmd|' /C calc'!A0` shows as text.
 *   Text that is itself a plain decimal number ("-5", "+1.5e3") is left alone: a spreadsheet reads it as
 *   that number, never as a formula.
 */

/** Characters that make a spreadsheet evaluate a cell as a formula when they lead it. */
export const FORMULA_PREFIX = /^[=+\-@\t\r]/;
/** Text a spreadsheet reads as that decimal number, never as a formula. */
export const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const NEEDS_QUOTES = /[",\r\n]/;

/** A text cell: formula prefixes neutralised, quoted when needed. */
export function csvText(s: string): string {
  if (FORMULA_PREFIX.test(s) && !PLAIN_NUMBER.test(s)) return `"'${s.replace(/"/g, '""')}"`;
  return NEEDS_QUOTES.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Any cell: numbers as numbers (non-finite → empty), null/undefined → empty, anything else as text. */
export function csvCell(v: unknown): string {
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'bigint' || typeof v === 'boolean') return String(v);
  return csvText(String(v ?? ''));
}
