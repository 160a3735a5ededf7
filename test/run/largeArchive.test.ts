/**
 * The run-summary note for a large unbounded archive in 4+ objectives (src/run/largeArchive.ts): given from
 * 50,000 designs, only without algorithm.archiveLimit and only for m >= 4 (in 2-3 objectives the archive's
 * updates stay cheap: a staircase and batch sweeps).
 */
import { describe, expect, it } from 'vitest';
import { largeArchiveNote } from '../../src/run/largeArchive.js';

describe('largeArchiveNote', () => {
  it('names the size (grouped), the objectives and the setting that bounds the archive, from 50,000 designs on', () => {
    const note = largeArchiveNote(5, 72_783, undefined);
    expect(note).toContain('holds 72,783 designs');
    expect(note).toContain('in 5 objectives');
    expect(note).toContain('algorithm.archiveLimit');
    expect(largeArchiveNote(4, 50_000, undefined)).toContain('holds 50,000 designs');
    expect(largeArchiveNote(4, 49_999, undefined)).toBeUndefined();
  });

  it('is not given for 2-3 objectives or a bounded archive', () => {
    expect(largeArchiveNote(3, 200_000, undefined)).toBeUndefined();
    expect(largeArchiveNote(2, 200_000, undefined)).toBeUndefined();
    expect(largeArchiveNote(5, 200_000, 20_000)).toBeUndefined();
  });
});
