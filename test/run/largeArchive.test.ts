/**
 * The run-summary note for a large unbounded archive in 4+ objectives (src/run/largeArchive.ts): given from
 * 50,000 designs in 4-5 objectives and from 10,000 in 6 or more, only without algorithm.archiveLimit and only for
 * m >= 4 (in 2-3 objectives the archive's updates stay cheap: a staircase and batch sweeps). The hypervolume cost
 * it states per design is the one measured for each m (its header): an order of magnitude per objective.
 */
import { describe, expect, it } from 'vitest';
import { largeArchiveNote } from '../../src/run/largeArchive.js';

describe('largeArchiveNote', () => {
  it('names the size (grouped), the objectives and the setting that bounds the archive, from 50,000 designs on', () => {
    const note = largeArchiveNote(5, 72_783, undefined);
    expect(note).toContain('holds 72,783 designs');
    expect(note).toContain('in 5 objectives');
    expect(note).toContain('algorithm.archiveLimit (e.g. 20000)');
    expect(largeArchiveNote(4, 50_000, undefined)).toContain('holds 50,000 designs');
    expect(largeArchiveNote(4, 49_999, undefined)).toBeUndefined();
  });

  it('in 6 or more objectives from 10,000 designs on, with a smaller suggested bound', () => {
    expect(largeArchiveNote(6, 9_999, undefined)).toBeUndefined();
    expect(largeArchiveNote(6, 10_000, undefined)).toContain('algorithm.archiveLimit (e.g. 5000)');
    expect(largeArchiveNote(8, 10_000, undefined)).toContain('holds 10,000 designs');
  });

  it('states the final hypervolume per design for its number of objectives', () => {
    expect(largeArchiveNote(4, 60_000, undefined)).toContain('exact hypervolume ~0.01 ms per design');
    expect(largeArchiveNote(5, 60_000, undefined)).toContain('exact hypervolume ~0.1 ms per design');
    expect(largeArchiveNote(6, 60_000, undefined)).toContain('exact hypervolume ~1 ms per design');
    expect(largeArchiveNote(7, 60_000, undefined)).toContain('exact hypervolume over 1 ms per design');
  });

  it('is not given for 2-3 objectives or a bounded archive', () => {
    expect(largeArchiveNote(3, 200_000, undefined)).toBeUndefined();
    expect(largeArchiveNote(2, 200_000, undefined)).toBeUndefined();
    expect(largeArchiveNote(5, 200_000, 20_000)).toBeUndefined();
    expect(largeArchiveNote(6, 200_000, 5_000)).toBeUndefined();
  });
});
