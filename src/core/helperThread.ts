/**
 * One helper thread for the synchronous kernels of a generation (the survival's sort and NSGA-III's association,
 * the archive's merges, at large populations): the caller posts a task cut into chunks, both threads claim chunks
 * from a shared counter until none is left (`runChunked`), then the caller blocks (Atomics.wait) until the helper's
 * chunk in flight is done. The chunks are rows or columns whose results do not depend on who computed them, so a run
 * gives the same bytes with the helper or without it; whenever the helper is not there (still starting, failed,
 * switched off, one core), the caller does every chunk itself.
 *
 * Why a hand-made thread and not the piscina pool: the survival is synchronous inside `tell()`, and a share is 1-4
 * ms, where a pool task's round trip through the event loop costs about as much. Here a task is one message on a
 * MessagePort read synchronously (`receiveMessageOnPort`) and one Atomics.notify each way (~20-50 µs).
 *
 * Data: the tasks' arrays must live in SharedArrayBuffers (see `sharedFloat64`, `sharedInt32`): a typed array on a
 * SharedArrayBuffer crosses the port without a copy.
 *
 * Failure: a task that throws in the worker is reported and redone by the caller; a worker that fails to start or
 * exits is seen (its 'error' / 'exit' event) before the next task and not used again. What is not covered: the worker
 * dying inside a task (a fatal error of the thread itself, not of the kernel), which would leave the caller waiting;
 * the kernels are array loops over memory the caller allocated, so that would take a failure of Node or the machine.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker, workerData, type MessagePort } from 'node:worker_threads';

/** A task: `kind` names the kernel the worker entry runs; the rest is its input (typed arrays on shared memory). */
export interface HelperTask {
  readonly kind: string;
  readonly [field: string]: unknown;
}

/** What the kernels need of a helper (tests give a fake one to check the shares' bookkeeping). */
export interface Helper {
  /**
   * Whether a task posted now would be taken. A kernel whose split costs more work in all than doing it alone
   * (the dominator bitsets' peels) asks first and, when not, works as without a helper.
   */
  readonly ready: boolean;
  /** Posts a task; false (nothing posted) when the helper cannot take it now: the caller then does that share too. */
  post(task: HelperTask): boolean;
  /** Blocks until the posted task is done: true when the helper did it, false when it failed (the caller redoes it). */
  wait(): boolean;
}

// control words: the worker is ready; a task is posted (1) or done (0); the last task failed
const READY = 0;
const STATE = 1;
const FAILED = 2;

export class HelperThread implements Helper {
  private static readonly threads = new Map<string, HelperThread>();
  private readonly control = new Int32Array(new SharedArrayBuffer(12));
  private readonly port: MessagePort;
  private dead = false;
  private posted = false;
  /** Tasks the helper did (tests check that their shares really ran there). */
  completed = 0;

  /**
   * The helper thread running the compiled worker entry `workerFile` (a file URL), one per process and file,
   * started on the first call; null where it cannot pay or run: fewer than 2 cores, ODC_HELPER_THREAD=0 in the
   * environment, or no such file (the library run from its TypeScript sources without a build).
   */
  static shared(workerFile: string | null): HelperThread | null {
    if (workerFile === null || process.env['ODC_HELPER_THREAD'] === '0' || availableParallelism() < 2) return null;
    let thread = HelperThread.threads.get(workerFile);
    if (thread === undefined) {
      thread = new HelperThread(workerFile);
      HelperThread.threads.set(workerFile, thread);
    }
    return thread.dead ? null : thread;
  }

  private constructor(workerFile: string) {
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    const worker = new Worker(new URL(workerFile), { workerData: { control: this.control, port: port2 }, transferList: [port2] });
    // the helper never keeps the process alive; a worker that fails to start or dies leaves the caller working alone
    worker.unref();
    port1.unref();
    worker.on('error', () => {
      this.dead = true;
    });
    worker.on('exit', () => {
      this.dead = true;
    });
  }

  /** Whether the worker has started (its modules loaded) and can take a task. */
  get ready(): boolean {
    return !this.dead && !this.posted && Atomics.load(this.control, READY) === 1;
  }

  post(task: HelperTask): boolean {
    if (!this.ready) return false;
    this.port.postMessage(task);
    this.posted = true;
    Atomics.store(this.control, FAILED, 0);
    Atomics.store(this.control, STATE, 1);
    Atomics.notify(this.control, STATE);
    return true;
  }

  wait(): boolean {
    if (!this.posted) return false;
    while (Atomics.load(this.control, STATE) === 1) Atomics.wait(this.control, STATE, 1);
    this.posted = false;
    if (Atomics.load(this.control, FAILED) !== 0) return false;
    this.completed++;
    return true;
  }
}

/**
 * Runs chunk(c) for c = 0 .. chunks - 1, on this thread and on the helper (given `task` plus the shared claim counter):
 * each thread claims the next chunk until none is left, so a helper still starting its compiled code, or descheduled,
 * takes fewer chunks instead of holding this thread up. The chunks must be independent (each writes its own part of
 * the result). A chunk the helper claimed but failed is redone here.
 */
export function runChunked(helper: Helper | null, task: HelperTask, chunks: number, chunk: (c: number) => void): void {
  if (helper === null || chunks < 2) {
    for (let c = 0; c < chunks; c++) chunk(c);
    return;
  }
  const claims = sharedInt32(1);
  const done = new Uint8Array(new SharedArrayBuffer(chunks));
  const posted = helper.post({ ...task, claims, done, chunks });
  claimChunks(claims, done, chunks, chunk);
  if (posted) helper.wait();
  for (let c = 0; c < chunks; c++) if (done[c] === 0) chunk(c);
}

/** The helper's side of `runChunked`: claims chunks of `task` until none is left. */
export function helperChunks(task: HelperTask, chunk: (c: number) => void): void {
  const { claims, done, chunks } = task as unknown as { claims: Int32Array; done: Uint8Array; chunks: number };
  claimChunks(claims, done, chunks, chunk);
}

function claimChunks(claims: Int32Array, done: Uint8Array, chunks: number, chunk: (c: number) => void): void {
  for (let c = Atomics.add(claims, 0, 1); c < chunks; c = Atomics.add(claims, 0, 1)) {
    chunk(c);
    done[c] = 1;
  }
}

/**
 * The worker side: serves tasks with `run` until the process ends (called once by a worker entry, which imports the
 * kernels). A task that throws is reported as failed; the caller redoes its share.
 */
export function serveHelperTasks(run: (task: HelperTask) => void): void {
  const { control, port } = workerData as { control: Int32Array; port: MessagePort };
  Atomics.store(control, READY, 1);
  for (;;) {
    while (Atomics.load(control, STATE) === 0) Atomics.wait(control, STATE, 0);
    // the message is queued before STATE is set; a port's queue is shared, so it is there to be read
    const message = receiveMessageOnPort(port);
    try {
      if (message === undefined) throw new Error('helper thread: task signalled without a message');
      run(message.message as HelperTask);
    } catch {
      Atomics.store(control, FAILED, 1);
    }
    Atomics.store(control, STATE, 0);
    Atomics.notify(control, STATE);
  }
}

/** The first of `candidates` (URLs relative to `base`) that exists, as a file URL; null if none does. */
export function firstExistingFile(base: string, candidates: readonly string[]): string | null {
  for (const c of candidates) {
    const url = new URL(c, base);
    if (existsSync(fileURLToPath(url))) return url.href;
  }
  return null;
}

/** A Float64Array of `length` on shared memory (zeroed). */
export function sharedFloat64(length: number): Float64Array {
  return new Float64Array(new SharedArrayBuffer(8 * length));
}

/** An Int32Array of `length` on shared memory (zeroed). */
export function sharedInt32(length: number): Int32Array {
  return new Int32Array(new SharedArrayBuffer(4 * length));
}

/** `a` itself if it lives on shared memory, else a shared copy. */
export function onSharedMemory<T extends Float64Array | Int32Array>(a: T): T {
  if (a.buffer instanceof SharedArrayBuffer) return a;
  const copy = a instanceof Float64Array ? sharedFloat64(a.length) : sharedInt32(a.length);
  copy.set(a);
  return copy as T;
}
