/**
 * Entry of the algorithms' helper thread (src/core/helperThread.ts, started by ./helper.ts): shares of a
 * generation's survival work, the dominator bitsets' orders, snapshots and first-front scan
 * (src/core/dominatorBitsets.ts), the archive merge's queries (src/core/frontMerge.ts) and NSGA-III's niche
 * association (./nsga3/niching.ts).
 *
 * Before it declares itself ready, the thread runs each kernel on a made-up front (WARM_UP_POINTS points on the
 * positive unit sphere in 5 objectives, spread by a fixed recurrence, one in 8 near an axis: the kernels' work and
 * paths, not their input, matter), so its first real shares run compiled code; until then the caller does all the
 * work itself.
 */
import { isMainThread } from 'node:worker_threads';
import { runBitsetTask, warmUpBitsetTasks } from '../src/core/dominatorBitsets.js';
import { runMergeTask, warmUpMergeTask } from '../src/core/frontMerge.js';
import { serveHelperTasks, sharedFloat64 } from '../src/core/helperThread.js';
import { runAssociationTask, warmUpAssociationTask } from './nsga3/niching.js';

const WARM_UP_POINTS = 4096;
const WARM_UP_OBJECTIVES = 5;
const WARM_UP_ROUNDS = 1;

function warmUp(): void {
  const n = WARM_UP_POINTS;
  const m = WARM_UP_OBJECTIVES;
  const F = sharedFloat64(n * m);
  // Park-Miller minimal standard recurrence (seed fixed): values in (0, 1), each row scaled to unit length
  let state = 20261123;
  for (let i = 0; i < n; i++) {
    let norm = 0;
    for (let k = 0; k < m; k++) {
      state = (state * 16807) % 2147483647;
      F[i * m + k] = state / 2147483647;
      norm += F[i * m + k]! ** 2;
    }
    for (let k = 0; k < m; k++) F[i * m + k] = F[i * m + k]! / Math.sqrt(norm);
    // every 8th row near zero in one objective: ~100 rows in a column's first bucket, the crowded-bucket sort of
    // the bitsets' orders (as NSGA-III's populations have near the axes)
    if (i % 8 === 0) F[i * m + ((i >>> 3) % m)] = F[i * m + ((i >>> 3) % m)]! * 1e-9;
  }
  warmUpBitsetTasks(F, n, m, WARM_UP_ROUNDS);
  warmUpMergeTask(F, n, m, WARM_UP_ROUNDS);
  warmUpAssociationTask(F, n, m, 12, WARM_UP_ROUNDS);
}

if (!isMainThread) {
  warmUp();
  serveHelperTasks((task) => {
    if (!runBitsetTask(task) && !runMergeTask(task) && !runAssociationTask(task)) throw new Error(`helper thread: unknown task '${task.kind}'`);
  });
}
