/**
 * The one reader of a time odc is given — `odc export --epoch`, a design's `simulation.epoch`, any later one: ISO 8601
 * extended format (RFC 3339 profile) `YYYY-MM-DD[Thh:mm[:ss[.fff…]]][Z|±hh:mm]`, no zone read as UTC, ASCII digits
 * only (not V8's Date.parse, which takes "March 20, 2026", other scripts' digits and rolls 2026-02-30 into March),
 * with a calendar check (proleptic Gregorian leap years), years 0001–9999 (ISO 8601's four-digit years) for the
 * instant and for any span from it (`utcSpanEnd`).
 * Leap seconds: UTC inserts them as 23:59:60 of the last day of a month (ITU-R TF.460-6 §2.2: preferably June or
 * December, else March or September; IERS Bulletin C announces each). A second 60 is accepted there only (at UTC,
 * after the zone offset) and read as the first instant of the next day, as POSIX time and JavaScript do (neither
 * counts leap seconds): ...T23:59:60Z and ...T23:59:60.5Z become 00:00:00 and 00:00:00.5 of the next day. Anywhere
 * else a second 60 is refused with that reason. Every refusal is one message naming the value, what is wrong and
 * the form to give.
 */
import { StudyError } from './errors.js';

/** Earliest and latest instants odc reads: 0001-01-01T00:00:00Z and 9999-12-31T23:59:59.999Z [ms since 1970]. */
export const UTC_MIN_MS = -62_135_596_800_000;
export const UTC_MAX_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/** The form asked for, ending every refusal. */
export const UTC_FORM =
  'give e.g. 2026-03-20T00:00:00Z or 2026-03-20 (ISO 8601 UTC, ASCII digits, years 0001–9999; a leap second only as 23:59:60 of the last day of a month)';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const SHAPE =
  /^([0-9]{4})-([0-9]{2})-([0-9]{2})(?:T([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:\.([0-9]{1,9}))?)?)?(Z|[+-][0-9]{2}:[0-9]{2})?$/;

const leapYear = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const daysIn = (y: number, m: number): number =>
  m === 2 ? (leapYear(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;

/** Milliseconds since 1970 of a calendar instant in UTC (Date.UTC maps years 0–99 to 1900–1999: set them apart). */
function utcOf(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number): number {
  const t = new Date(Date.UTC(2000, mo - 1, d, h, mi, s, ms));
  t.setUTCFullYear(y);
  return t.getTime();
}

/** The instant `text` names ([ms since 1970] and its canonical text), or why it names none. */
export function readUtc(text: string): { readonly ms: number; readonly iso: string } | { readonly reason: string } {
  const m = SHAPE.exec(text);
  if (m === null)
    return {
      reason: /[^\x20-\x7e]/.test(text)
        ? 'it holds characters other than ASCII digits, "-", ":", "T", "Z" and "."'
        : 'expected YYYY-MM-DD, optionally followed by Thh:mm[:ss[.fff]] and Z or ±hh:mm',
    };
  const [y, mo, d, h, mi, s] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i] ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const fraction = m[7] ?? '';
  const ms = Number(fraction.padEnd(3, '0').slice(0, 3)); // the milliseconds JavaScript times carry
  const zone = m[8] ?? 'Z'; // no zone: UTC
  if (y < 1) return { reason: 'year 0000 is outside 0001–9999' };
  if (mo < 1 || mo > 12) return { reason: `month ${m[2]} does not exist (01–12)` };
  if (d < 1 || d > daysIn(y, mo)) return { reason: `${MONTHS[mo - 1]} ${m[1]} has ${daysIn(y, mo)} days, not ${m[3]}` };
  if (h > 23) return { reason: `hour ${m[4]} does not exist (00–23)` };
  if (mi > 59) return { reason: `minute ${m[5]} does not exist (00–59)` };
  if (s > 60) return { reason: `second ${m[6]} does not exist (00–59, or 60 for a leap second)` };
  const offset_min =
    zone === 'Z' ? 0 : (zone.startsWith('-') ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
  if (zone !== 'Z' && (Number(zone.slice(1, 3)) > 23 || Number(zone.slice(4, 6)) > 59))
    return { reason: `zone offset ${zone} does not exist (−23:59 to +23:59)` };
  // a leap second is the second after 23:59:59 UTC of a month's last day
  const before = utcOf(y, mo, d, h, mi, Math.min(s, 59), 0) - offset_min * 60_000;
  if (s === 60) {
    const utc = new Date(before);
    const monthEnd = utc.getUTCDate() === daysIn(utc.getUTCFullYear(), utc.getUTCMonth() + 1);
    if (!(monthEnd && utc.getUTCHours() === 23 && utc.getUTCMinutes() === 59))
      return {
        reason: `second 60 is a leap second, which UTC inserts only at 23:59:60 of the last day of a month (${new Date(before).toISOString().slice(0, 16)}Z is not)`,
      };
  }
  const t = before + (s === 60 ? 1000 : 0) + ms;
  if (t < UTC_MIN_MS || t > UTC_MAX_MS) return { reason: 'in UTC it falls outside the years 0001–9999' };
  return { ms: t, iso: canonical(text, t, m[8], s) };
}

/**
 * The text downstream readers (Date.parse, satellite.js) take: `text` itself when it is already a UTC instant with a
 * Z that Date.parse reads as written, else the instant written as YYYY-MM-DDThh:mm:ss[.fff]Z.
 */
function canonical(text: string, t: number, zone: string | undefined, s: number): string {
  if (zone === 'Z' && text.includes('T') && s < 60 && Date.parse(text) === t) return text;
  const iso = new Date(t).toISOString();
  return iso.endsWith('.000Z') ? `${iso.slice(0, -5)}Z` : iso;
}

/** The one message of a time that is not one: `what` names where it came from (--epoch, simulation.epoch). */
export const utcRefusal = (what: string, text: string, reason: string): string =>
  `${what} '${text}' is not an ISO 8601 date (UTC): ${reason}; ${UTC_FORM}`;

/** The instant of a time given by the user (a flag, a URL): a StudyError (exit 2) naming `what` when it is none. */
export function utcInstant(text: string, what: string): { readonly ms: number; readonly iso: string } {
  const r = readUtc(text);
  if ('reason' in r) throw new StudyError('BAD_ARGUMENT', utcRefusal(what, text, r.reason), { field: what });
  return r;
}

/** Milliseconds since 1970 of a time already checked where it entered; a RangeError (a program's error) if not. */
export function utcMsOf(text: string, what = 'epoch'): number {
  const r = readUtc(text);
  if ('reason' in r) throw new RangeError(utcRefusal(what, text, r.reason));
  return r.ms;
}

/**
 * The end of a span of `span_s` from `start_ms`, refused (RangeError naming `what`) when it passes 9999-12-31: the
 * formats write four-digit years, and a later instant is written `+010000-…`.
 */
export function utcSpanEnd(start_ms: number, span_s: number, what: string): number {
  const end = start_ms + span_s * 1000;
  if (!(end <= UTC_MAX_MS))
    throw new RangeError(
      `${what}: the span from ${new Date(start_ms).toISOString()} ends after 9999-12-31T23:59:59Z, past the four-digit years odc writes; give an earlier epoch or a shorter span`,
    );
  return end;
}
