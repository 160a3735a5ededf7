/**
 * Numbers as text for people: thousands separators, sensible significant digits, no Intl. Used by the budget
 * tables, the run summary, the progress line and the analysis reports.
 */

/**
 * `v` as en-US `Intl.NumberFormat` with 0–`maxFractionDigits` fraction digits writes it (thousands separators,
 * trailing zeros dropped, "-0" for a negative value that rounds to zero), for 0 and 1e-6 <= |v| < 1e21, without
 * Intl: ICU's first use costs ~16 ms of start-up in every command that prints a number. ICU rounds the shortest
 * round-trip decimal of the double (what String(v) gives), half away from zero ("1.005" to 2 digits is "1.01",
 * though the double is just below 1.005), so this rounds the digits of String(|v|) the same way.
 */
export function groupedDecimal(v: number, maxFractionDigits: number): string {
  const text = String(Math.abs(v));
  const dot = text.indexOf('.');
  let int = dot < 0 ? text : text.slice(0, dot);
  let frac = dot < 0 ? '' : text.slice(dot + 1);
  if (frac.length > maxFractionDigits) {
    const up = frac.charCodeAt(maxFractionDigits) >= 53; // '5'
    frac = frac.slice(0, maxFractionDigits);
    if (up) {
      // add one unit in the last kept place, carrying through nines (char codes, not arrays: a report's table formats
      // every Pareto design's objectives and variables, 2 million numbers for 112,064 designs in 5 objectives)
      const digits = int + frac;
      let i = digits.length - 1;
      while (i >= 0 && digits.charCodeAt(i) === 57) i--; // '9'
      const carried =
        i < 0
          ? `1${'0'.repeat(digits.length)}`
          : digits.slice(0, i) + String.fromCharCode(digits.charCodeAt(i) + 1) + '0'.repeat(digits.length - 1 - i);
      int = carried.slice(0, carried.length - frac.length);
      frac = carried.slice(carried.length - frac.length);
    }
  }
  let end = frac.length;
  while (end > 0 && frac.charCodeAt(end - 1) === 48) end--; // trailing '0'
  frac = frac.slice(0, end);
  let grouped = int;
  if (int.length > 3) {
    grouped = '';
    for (let i = int.length; i > 0; i -= 3) grouped = (i > 3 ? ',' : '') + int.slice(Math.max(0, i - 3), i) + grouped;
  }
  return `${v < 0 || Object.is(v, -0) ? '-' : ''}${grouped}${frac.length > 0 ? `.${frac}` : ''}`;
}

/** Number with sensible significant digits and thousands separators. */
export function fmt(v: number, digits = 3): string {
  if (!Number.isFinite(v)) return v > 0 ? '∞' : v < 0 ? '−∞' : 'n/a';
  const a = Math.abs(v);
  if (a !== 0 && (a < 1e-3 || a >= 1e9)) return v.toExponential(2);
  const decimals = a >= 10 ** digits ? 0 : Math.max(0, digits - 1 - Math.floor(Math.log10(a || 1)));
  return groupedDecimal(v, Math.min(decimals, 6));
}

/**
 * A fraction as a percentage number ("12.3"), or "n/a" when it is not finite (a margin of a requirement that divides
 * by zero, a share of nothing): the one way margins are printed, so no output reads "NaN %" or "-Infinity %".
 */
export function percentNumber(fraction: number, digits = 1): string {
  return Number.isFinite(fraction) ? (100 * fraction).toFixed(digits) : 'n/a';
}

/** A fraction as "12.3 %", or "n/a" when it is not finite (see percentNumber). */
export function percentText(fraction: number, digits = 1): string {
  return Number.isFinite(fraction) ? `${(100 * fraction).toFixed(digits)} %` : 'n/a';
}
