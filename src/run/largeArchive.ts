/**
 * The note a finished run gets when its unbounded Pareto archive has grown past the size where keeping it costs
 * more than the rest of the optimizer. In 4 or more objectives most designs are mutually non-dominated, so an
 * unbounded archive grows with the run, and both merging each generation's designs into it
 * (src/optimize/pareto/paretoArchive.ts: ~0.5 s of CPU to merge 500 offers into 50,000 entries, hence the note's ~10 ms
 * per 1,000) and the final front's exact hypervolume grow with its size. The per-design hypervolume costs the note
 * states, one thread, are docs/performance.md's ("Hypervolume"); hence the note from 50,000 designs in 4-5
 * objectives and from 10,000 in 6 or more (a minute's hypervolume at 6-D).
 */
import { groupedDecimal } from '../base/numberFormat.js';

/** Archive size from which the note is given, in 4-5 objectives. */
export const LARGE_ARCHIVE_DESIGNS = 50_000;
/** The same from 6 objectives on (the exact hypervolume costs ~10× more per design at each added objective). */
export const LARGE_ARCHIVE_DESIGNS_6D = 10_000;

/** The measured cost of the final front's exact hypervolume per design (see the header), as the note states it. */
function hypervolumeCostPerDesign(m: number): string {
  if (m === 4) return '~0.01 ms';
  if (m === 5) return '~0.1 ms';
  if (m === 6) return '~1 ms';
  return 'over 1 ms';
}

/** The note for a run with m objectives whose archive holds `archiveSize` designs, or undefined. */
export function largeArchiveNote(m: number, archiveSize: number, archiveLimit: number | undefined): string | undefined {
  if (m < 4 || archiveLimit !== undefined || archiveSize < (m >= 6 ? LARGE_ARCHIVE_DESIGNS_6D : LARGE_ARCHIVE_DESIGNS))
    return undefined;
  return (
    `the unbounded Pareto archive holds ${groupedDecimal(archiveSize, 0)} designs: in ${m} objectives most designs are ` +
    "non-dominated, so it grows with the run; merging each generation's designs into it costs ~10 ms per 1,000 it holds " +
    '(growing with its size), ' +
    `and the final front's exact hypervolume ${hypervolumeCostPerDesign(m)} per design on one thread; set algorithm.archiveLimit ` +
    `(e.g. ${m >= 6 ? '5000' : '20000'}) to bound it by crowding distance`
  );
}
