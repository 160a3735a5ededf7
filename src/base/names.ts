/**
 * Names a user gives (designs, studies, constellations, shells) end up in report titles, CSV cells, file names
 * and terminal lines: control characters (NUL, newline, escape) would be written raw into all of them.
 */
// eslint-disable-next-line no-control-regex -- the control characters are what this rejects
export const PRINTABLE = /^[^\u0000-\u001f\u007f]*$/;
export const PRINTABLE_MESSAGE =
  'must be printable text without control characters (NUL, tab, newline, escape): they would be written raw into reports and file names';
