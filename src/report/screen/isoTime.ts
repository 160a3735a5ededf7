/**
 * A strict ISO 8601 UTC instant for `odc screen --start`: YYYY-MM-DD, optionally THH:MM[:SS[.fff]] and Z or ±HH:MM,
 * each field in its calendar range (Date.parse alone accepts "2026-02-31" and free text). Years 1957–2056, the
 * span of TLE epochs. (A small local parser until src/base has one shared by every command.)
 */
import { StudyError } from '../../base/errors.js';

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?)?(Z|[+-]\d{2}:\d{2})?$/;

/** Milliseconds since 1970 of `text`, or a StudyError naming `field`. */
export function parseIsoUtc(text: string, field: string): number {
  const m = ISO.exec(text.trim());
  const bad = (why: string): never => {
    throw new StudyError(
      'BAD_ARGUMENT',
      `${field} "${text}": ${why}; give an ISO 8601 UTC time, e.g. 2026-08-22T00:00:00Z`,
      {
        field,
      },
    );
  };
  if (m === null) return bad('not an ISO 8601 date and time');
  const [y, mo, d, hh = 0, mm = 0, ss = 0] = [m[1], m[2], m[3], m[4], m[5], m[6]].map((x) =>
    Number(x ?? 0),
  ) as number[];
  if (y! < 1957 || y! > 2056) bad('the year is outside 1957–2056, the span element sets cover');
  const days = new Date(Date.UTC(y!, mo!, 0)).getUTCDate();
  if (mo! < 1 || mo! > 12 || d! < 1 || d! > days || hh > 23 || mm > 59 || ss > 59) bad('a field is out of its range');
  const zone = m[8] ?? 'Z';
  const offset_min =
    zone === 'Z' ? 0 : (zone[0] === '-' ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4)));
  return Date.UTC(y!, mo! - 1, d!, hh, mm, ss) + Number(m[7] ?? 0) * 1000 - offset_min * 60_000;
}
