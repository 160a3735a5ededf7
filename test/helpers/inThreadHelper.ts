/**
 * A stand-in for the helper thread (src/core/helperThread.ts) that runs posted tasks in this thread with the real
 * kernels (`run`: runBitsetTask, runAssociationTask), so that tests choose which chunks it takes: 'all' (it runs the
 * task when posted, before the caller claims anything), 'first-two' (it does chunks 0 and 1 and claims chunk 2
 * without doing it, as a helper that stopped), 'claim-and-fail' (it claims three chunks, does none and reports
 * failure), 'refuse' (not ready: it takes no task).
 */
import type { Helper, HelperTask } from '../../src/core/helperThread.js';

export type InThreadMode = 'all' | 'first-two' | 'claim-and-fail' | 'refuse';

export class InThreadHelper implements Helper {
  /** Tasks posted to it. */
  posted = 0;

  get ready(): boolean {
    return this.mode !== 'refuse';
  }

  constructor(
    private readonly mode: InThreadMode,
    private readonly run: (task: HelperTask) => boolean,
  ) {}

  post(task: HelperTask): boolean {
    if (this.mode === 'refuse') return false;
    this.posted++;
    if (this.mode === 'all' && !this.run(task)) throw new Error(`not a task of this kernel: ${task.kind}`);
    // a task whose chunk count is cut to 2 claims chunks 0, 1 and (to see it is over) 2, and does 0 and 1
    if (this.mode === 'first-two' && !this.run({ ...task, chunks: Math.min(2, task['chunks'] as number) })) throw new Error(`not a task of this kernel: ${task.kind}`);
    if (this.mode === 'claim-and-fail') for (let i = 0; i < 3; i++) Atomics.add(task['claims'] as Int32Array, 0, 1);
    return true;
  }

  wait(): boolean {
    return this.mode !== 'claim-and-fail';
  }
}
