/**
 * The note a finished run gets when its unbounded Pareto archive has grown past the size where keeping it costs
 * more than the rest of the optimizer. In 4 or more objectives most designs are mutually non-dominated, so an
 * unbounded archive grows with the run, and placing each design offered to it (the ND-tree, src/core/paretoArchive.ts)
 * gets slower with its size. Measured on the reference machine (designs near a 5-D sphere, the archive read every
 * 6,400 offers as a run reads it): 23 µs per offer while it grows from 20,000 to 40,000 designs, 55 µs from 40,000 to
 * 80,000, 157 µs from 80,000 to 136,000.
 */
import { groupedDecimal } from '../report/budget.js';

/** Archive size from which the note is given. */
export const LARGE_ARCHIVE_DESIGNS = 50_000;

/** The note for a run with m objectives whose archive holds `archiveSize` designs, or undefined. */
export function largeArchiveNote(m: number, archiveSize: number, archiveLimit: number | undefined): string | undefined {
  if (m < 4 || archiveLimit !== undefined || archiveSize < LARGE_ARCHIVE_DESIGNS) return undefined;
  return `the unbounded Pareto archive holds ${groupedDecimal(archiveSize, 0)} designs: in ${m} objectives most designs are ` +
    'non-dominated, and past ~50,000 each design offered costs 0.05-0.15 ms to place; set algorithm.archiveLimit ' +
    '(e.g. 20000) to bound it by crowding distance';
}
