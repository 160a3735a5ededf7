/**
 * The note a finished run gets when its unbounded Pareto archive has grown past the size where keeping it costs
 * more than the rest of the optimizer. In 4 or more objectives most designs are mutually non-dominated, so an
 * unbounded archive grows with the run, and both merging each generation's designs into it (a run reads it every
 * generation; src/optimize/pareto/paretoArchive.ts: the first front of entries and batch, quadratic in their number)
 * and the
 * final front's exact hypervolume grow with its size: a read merging 500 offers into 50,000 entries on the 5-D unit
 * sphere takes ~0.5 s of CPU (docs/performance.md), hence the note's ~10 ms per 1,000. The exact hypervolume of a front
 * (`npm run bench:hv`, points on the unit sphere, the DTLZ2 front; `odc run` on a 60-generation 5-objective run): 4-D
 * 20,000 / 100,000 points 0.26 / 1.15 s (~0.01 ms per point); 5-D 20,000 / 40,000 points 1.6 / 3.4 s, 112,064
 * points 9.5 s (~0.1 ms); 6-D 10,000 / 20,000 / 40,000 points 7.5 / 19 / 47 s (~1 ms, growing with the size).
 * Hence the note from 50,000 designs in 4-5 objectives and from 10,000 in 6 or more (a minute's hypervolume at 6-D).
 * On more cores the final hypervolume of a large 5+-objective front runs on threads
 * (src/optimize/indicators/hypervolumeParallel.ts: 2 threads, 120,000 points in 5 objectives 12.4 → 7.2 s, 20,000 in 6
 * objectives 22.7 → 12.7 s); the note states the one-thread cost.
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
