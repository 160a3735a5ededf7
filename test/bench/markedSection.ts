/**
 * The generated sections of designs/CALIBRATION.md: each stands between a `<!-- name:begin … -->` and a
 * `<!-- name:end -->` marker, and a regeneration replaces it whole, markers included.
 */

/**
 * `text` with the section between the `name` markers replaced by `section` (which carries its own markers); where
 * the markers are missing, `absent(text)` says where the section goes (or throws).
 */
export function replaceMarkedSection(
  text: string,
  name: string,
  section: string,
  absent: (text: string) => string,
): string {
  const begin = text.indexOf(`<!-- ${name}:begin`);
  const endMarker = `<!-- ${name}:end -->`;
  const end = text.indexOf(endMarker);
  return begin >= 0 && end > begin ? text.slice(0, begin) + section + text.slice(end + endMarker.length) : absent(text);
}
