/**
 * Termination criteria (pymoo `Termination` style). A criterion is fed one observation per
 * generation and reports `done()` and `progress()` in [0, 1]; `anyOf` stops when one member stops
 * (progress = the largest), `allOf` when all stop (progress = the smallest).
 * Budgets are deterministic (evaluations, generations, hypervolume stagnation); a wall-clock limit,
 * if any, belongs to the driver as a recorded safety net.
 */

export interface TerminationObservation {
  readonly generation: number;
  readonly evaluations: number;
  /** Hypervolume of the current front (needed by `hypervolumeStagnation` only). */
  readonly hypervolume?: number;
}

export interface Termination {
  readonly name: string;
  observe(o: TerminationObservation): void;
  done(): boolean;
  /** Fraction of the budget used, in [0, 1] (1 when done). */
  progress(): number;
  /** JSON-safe state, for resumable runs. */
  state(): unknown;
  restore(state: unknown): void;
}

function clamp01(v: number): number {
  return v < 0 ? 0 : v > 1 ? 1 : v;
}

class Counter implements Termination {
  private value = 0;
  constructor(
    readonly name: string,
    private readonly limit: number,
    private readonly pick: (o: TerminationObservation) => number,
  ) {
    if (!(limit > 0)) throw new RangeError(`${name}: limit must be > 0, got ${limit}`);
  }
  observe(o: TerminationObservation): void {
    this.value = this.pick(o);
  }
  done(): boolean {
    return this.value >= this.limit;
  }
  progress(): number {
    return clamp01(this.value / this.limit);
  }
  state(): unknown {
    return { value: this.value };
  }
  restore(state: unknown): void {
    this.value = Number((state as { value: number }).value);
  }
}

/** Stops once `n` evaluations have been told. */
export function maxEvaluations(n: number): Termination {
  return new Counter(`maxEvaluations(${n})`, n, (o) => o.evaluations);
}

/** Stops once `n` generations have completed (the initial population is generation 1). */
export function maxGenerations(n: number): Termination {
  return new Counter(`maxGenerations(${n})`, n, (o) => o.generation);
}

export interface StagnationOptions {
  /** Number of consecutive generations without a sufficient improvement that stops the run. */
  readonly window: number;
  /** Minimal improvement, relative to max(|best|, 1e-12), that resets the window. */
  readonly tolerance: number;
}

class HypervolumeStagnation implements Termination {
  readonly name: string;
  private best = -Infinity;
  private stale = 0;
  constructor(private readonly opts: StagnationOptions) {
    if (!(Number.isInteger(opts.window) && opts.window >= 1))
      throw new RangeError(`window must be an integer >= 1, got ${opts.window}`);
    if (!(opts.tolerance >= 0)) throw new RangeError(`tolerance must be >= 0, got ${opts.tolerance}`);
    this.name = `hypervolumeStagnation(window=${opts.window}, tolerance=${opts.tolerance})`;
  }
  observe(o: TerminationObservation): void {
    const hv = o.hypervolume;
    if (hv === undefined || Number.isNaN(hv)) return;
    if (this.best === -Infinity || hv - this.best > this.opts.tolerance * Math.max(Math.abs(this.best), 1e-12)) {
      this.stale = 0;
    } else {
      this.stale++;
    }
    if (hv > this.best) this.best = hv;
  }
  done(): boolean {
    return this.stale >= this.opts.window;
  }
  progress(): number {
    return clamp01(this.stale / this.opts.window);
  }
  state(): unknown {
    return { best: this.best === -Infinity ? null : this.best, stale: this.stale };
  }
  restore(state: unknown): void {
    const s = state as { best: number | null; stale: number };
    this.best = s.best === null ? -Infinity : s.best;
    this.stale = s.stale;
  }
}

/** Stops when the hypervolume has not improved by more than `tolerance` (relative) for `window` generations. */
export function hypervolumeStagnation(opts: StagnationOptions): Termination {
  return new HypervolumeStagnation(opts);
}

class Combined implements Termination {
  readonly name: string;
  constructor(
    private readonly mode: 'any' | 'all',
    private readonly parts: readonly Termination[],
  ) {
    if (parts.length === 0) throw new RangeError(`${mode}Of needs at least one criterion`);
    this.name = `${mode}Of(${parts.map((p) => p.name).join(', ')})`;
  }
  observe(o: TerminationObservation): void {
    for (const p of this.parts) p.observe(o);
  }
  done(): boolean {
    return this.mode === 'any' ? this.parts.some((p) => p.done()) : this.parts.every((p) => p.done());
  }
  progress(): number {
    const v = this.parts.map((p) => p.progress());
    return this.mode === 'any' ? Math.max(...v) : Math.min(...v);
  }
  state(): unknown {
    return this.parts.map((p) => p.state());
  }
  restore(state: unknown): void {
    const s = state as unknown[];
    this.parts.forEach((p, i) => p.restore(s[i]));
  }
}

/** Stops as soon as one criterion stops. */
export function anyOf(...parts: Termination[]): Termination {
  return new Combined('any', parts);
}

/** Stops when every criterion has stopped. */
export function allOf(...parts: Termination[]): Termination {
  return new Combined('all', parts);
}
