/**
 * Epoch parsing of the shell patterns (src/constellation/geometry/pattern.ts `utcMs`): an ISO 8601 instant
 * that names no zone is UTC, whatever the machine's time zone; one that names a zone keeps it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { utcMs } from '../../../src/constellation/geometry/pattern.js';

const savedTz = process.env['TZ'];
afterEach(() => {
  if (savedTz === undefined) delete process.env['TZ'];
  else process.env['TZ'] = savedTz;
});

describe('utcMs', () => {
  it('a date-time without a zone is UTC even on a machine 14 h east of Greenwich', (ctx) => {
    // Date.parse reads '2026-03-20T00:00:00' as LOCAL time; on a UTC machine the two readings agree, so the
    // test moves the process to UTC+14 (Line Islands), where local midnight is 14 h earlier than UTC midnight.
    // A worker thread (StrykerJS's vitest pool) cannot change its time zone: the test skips itself there.
    process.env['TZ'] = 'Pacific/Kiritimati';
    if (Date.parse('2026-03-20T00:00:00') !== Date.UTC(2026, 2, 20) - 14 * 3600e3) ctx.skip();
    expect(utcMs('2026-03-20T00:00:00')).toBe(Date.UTC(2026, 2, 20));
    expect(utcMs('2026-03-20T06:30:15.250')).toBe(Date.UTC(2026, 2, 20, 6, 30, 15, 250));
  });

  it('an instant with Z or an offset keeps its zone: 10:00+05:00 is 05:00 UTC, 10:00-03:30 is 13:30 UTC', () => {
    process.env['TZ'] = 'Pacific/Kiritimati';
    expect(utcMs('2026-03-20T10:00:00Z')).toBe(Date.UTC(2026, 2, 20, 10));
    expect(utcMs('2026-03-20T10:00:00+05:00')).toBe(Date.UTC(2026, 2, 20, 5));
    expect(utcMs('2026-03-20T10:00:00-03:30')).toBe(Date.UTC(2026, 2, 20, 13, 30));
  });

  it('a string that is no date throws a RangeError that quotes it', () => {
    expect(() => utcMs('next Tuesday')).toThrow(RangeError);
    expect(() => utcMs('next Tuesday')).toThrow("epoch 'next Tuesday' is not an ISO 8601 date");
  });
});
