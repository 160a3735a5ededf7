/**
 * The note a finished run gets when its unbounded Pareto archive has grown past the size where keeping it costs
 * more than the rest of the optimizer. In 4 or more objectives most designs are mutually non-dominated, so an
 * unbounded archive grows with the run, and both merging each generation's designs into it (a run reads it every
 * generation; src/core/frontMerge.ts) and the final front's exact hypervolume grow with its size. Measured on the
 * reference machine, 2026-11-23 (NSGA-III, population 6,400, 5-objective DTLZ2): a generation's merge of ~5,300 offers
 * into 24,920 / 88,398 entries 23 / 77 ms (~0.9 ms per 1,000 entries); the exact hypervolume of the final front, 5-D
 * points near a sphere, 20,000 / 40,000 points 1.6 / 3.4 s, 112,064 points (a 60-generation run) 9.5 s.
 */
import { groupedDecimal } from '../report/budget.js';

/** Archive size from which the note is given. */
export const LARGE_ARCHIVE_DESIGNS = 50_000;

/** The note for a run with m objectives whose archive holds `archiveSize` designs, or undefined. */
export function largeArchiveNote(m: number, archiveSize: number, archiveLimit: number | undefined): string | undefined {
  if (m < 4 || archiveLimit !== undefined || archiveSize < LARGE_ARCHIVE_DESIGNS) return undefined;
  return `the unbounded Pareto archive holds ${groupedDecimal(archiveSize, 0)} designs: in ${m} objectives most designs are ` +
    'non-dominated, so it grows with the run; merging each generation\'s designs into it costs ~1 ms per 1,000 it holds, ' +
    'and the final front\'s exact hypervolume ~0.1 ms per design; set algorithm.archiveLimit (e.g. 20000) to bound it ' +
    'by crowding distance';
}
