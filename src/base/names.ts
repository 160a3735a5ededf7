/**
 * Names a user gives (designs, studies, constellations, shells) end up in report titles, CSV cells, JSON files, file
 * names and terminal lines. Control characters (NUL, newline, escape, C1 such as U+0085) would be written raw into
 * all of them, and invisible format characters (bidirectional overrides and isolates such as U+202E, zero-width
 * joiners and marks, the byte-order mark: Unicode category Cf) make a name read differently from what it is
 * ("Trojan Source", Boucher & Anderson 2021, CVE-2021-42574): both are refused, as are line and paragraph separators.
 */
export const PRINTABLE = /^[^\p{Cc}\p{Cf}\p{Zl}\p{Zp}]*$/u;
export const PRINTABLE_MESSAGE =
  'must be printable text without control characters (NUL, tab, newline, escape, U+0085) or invisible format characters (bidirectional controls such as U+202E, zero-width characters): they would be written raw into reports, file names and terminals, where they can make a name read as something else';
