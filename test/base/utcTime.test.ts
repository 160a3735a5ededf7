/**
 * The one time reader (src/base/utcTime.ts) against hand-written instants: ISO 8601 extended format, the Gregorian
 * calendar (1900 not a leap year, 2000 one: the 100/400 rule), ASCII digits only, years 0001–9999, zone offsets, and
 * leap seconds at 23:59:60 of a month's last day only (ITU-R TF.460-6 §2.2), read as the next instant.
 */
import { describe, expect, it } from 'vitest';
import { StudyError } from '../../src/base/errors.js';
import { readUtc, utcInstant, utcMsOf, utcSpanEnd } from '../../src/base/utcTime.js';
import { simulationSchema } from '../../src/constellation/design/schema.js';

const DAY_ms = 86_400_000;

describe('readUtc', () => {
  it.each([
    // 2026-03-20 is day 20,532 since 1970-01-01 (56 years, 14 of them leap, + 78 days)
    ['2026-03-20', 20_532 * DAY_ms],
    ['2026-03-20T00:00:00Z', 20_532 * DAY_ms],
    ['2026-03-20T06:30Z', 20_532 * DAY_ms + 6.5 * 3_600_000],
    ['2026-03-20T06:30:00.250Z', 20_532 * DAY_ms + 6.5 * 3_600_000 + 250],
    ['2026-03-20T12:00:00+05:30', 20_532 * DAY_ms + 6.5 * 3_600_000],
    ['2026-03-20T00:00:00-01:00', 20_532 * DAY_ms + 3_600_000],
    ['2026-03-20T10:00:00', 20_532 * DAY_ms + 10 * 3_600_000], // no zone: UTC
    ['2000-02-29', 11_016 * DAY_ms], // 2000 is a leap year (divisible by 400)
    ['1970-01-01T00:00:00Z', 0],
    ['0001-01-01T00:00:00Z', -62_135_596_800_000], // 719,162 days before 1970
    ['9999-12-31T23:59:59.999Z', 253_402_300_799_999],
  ])('%s is %d ms', (text, ms) => {
    expect(readUtc(text)).toMatchObject({ ms });
  });

  it('a leap second at the end of June or December (UTC, whatever the zone) is the next instant', () => {
    const july1 = 20_635 * DAY_ms; // 2026-07-01
    expect(readUtc('2026-06-30T23:59:60Z')).toEqual({ ms: july1, iso: '2026-07-01T00:00:00Z' });
    expect(readUtc('2026-06-30T23:59:60.5Z')).toEqual({ ms: july1 + 500, iso: '2026-07-01T00:00:00.500Z' });
    expect(readUtc('2026-07-01T01:59:60+02:00')).toMatchObject({ ms: july1 });
    expect(readUtc('2016-12-31T23:59:60Z')).toMatchObject({ ms: Date.UTC(2017, 0, 1) }); // a real one (IERS C 52)
  });

  it.each([
    ['٢٠٢٦-03-20', /characters other than ASCII digits/],
    ['２０２６-03-20', /characters other than ASCII digits/],
    ['March 20, 2026', /expected YYYY-MM-DD/],
    ['2026/03/20', /expected YYYY-MM-DD/],
    ['20260320', /expected YYYY-MM-DD/],
    ['+275760-09-13', /expected YYYY-MM-DD/],
    ['2026-03-20 10:00:00Z', /expected YYYY-MM-DD/],
    ['', /expected YYYY-MM-DD/],
    ['0000-01-01', /year 0000/],
    ['2026-13-01', /month 13 does not exist/],
    ['2026-00-10', /month 00 does not exist/],
    ['2026-02-29', /February 2026 has 28 days, not 29/],
    ['1900-02-29', /February 1900 has 28 days/], // divisible by 100, not by 400
    ['2026-04-31', /April 2026 has 30 days, not 31/],
    ['2026-03-20T24:00:00Z', /hour 24/],
    ['2026-03-20T10:60:00Z', /minute 60/],
    ['2026-03-20T10:00:61Z', /second 61/],
    ['2026-06-29T23:59:60Z', /leap second.*2026-06-29T23:59Z is not/],
    ['2026-06-30T22:59:60Z', /leap second/],
    ['2026-06-30T23:59:60+02:00', /leap second/], // 21:59:60 UTC
    ['2026-03-20T10:00:00+24:00', /zone offset/],
    ['0001-01-01T00:00:00+01:00', /outside the years 0001–9999/],
    ['9999-12-31T23:59:60Z', /outside the years 0001–9999/],
  ])('%s is refused: %s', (text, reason) => {
    const r = readUtc(text);
    expect('reason' in r && r.reason).toMatch(reason);
  });
});

describe('one message wherever a time enters', () => {
  it('a flag: a StudyError naming it; a program: a RangeError; a design file: the schema issue', () => {
    expect(() => utcInstant('2026-02-30', '--epoch')).toThrow(StudyError);
    expect(() => utcInstant('2026-02-30', '--epoch')).toThrow(
      "--epoch '2026-02-30' is not an ISO 8601 date (UTC): February 2026 has 28 days, not 30; give e.g.",
    );
    expect(() => utcMsOf('yesterday')).toThrow(RangeError);
    const r = simulationSchema().safeParse({ epoch: '2026-02-30' });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toContain(
      "simulation.epoch '2026-02-30' is not an ISO 8601 date (UTC): February 2026 has 28 days",
    );
    expect(simulationSchema().safeParse({ epoch: '2026-06-30T23:59:60Z' }).success).toBe(true);
  });

  it('a span may not end after 9999-12-31, in a flag or a design window', () => {
    const last = readUtc('9999-12-31T00:00:00Z');
    if (!('ms' in last)) throw new Error('unreachable');
    expect(utcSpanEnd(last.ms, 3600, '--span-h')).toBe(last.ms + 3_600_000);
    expect(() => utcSpanEnd(last.ms, 86_400, '--span-h')).toThrow(/ends after 9999-12-31T23:59:59Z/);
    const w = simulationSchema().safeParse({ epoch: '9999-12-31T12:00:00Z', duration_h: 24 });
    expect(w.error?.issues[0]?.message).toContain('ends after 9999-12-31T23:59:59Z');
    expect(simulationSchema().safeParse({ epoch: '9999-12-30T00:00:00Z', duration_h: 24 }).success).toBe(true);
  });
});
