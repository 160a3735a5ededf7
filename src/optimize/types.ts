/**
 * The Problem interface every algorithm sees (pymoo's separation): decision variables with bounds,
 * objectives that are all minimized internally, constraints written g <= 0.
 *
 * Encoding of a decision vector `x: Float64Array` (length = variables.length):
 * - real:   the value itself, in [lower, upper];
 * - int:    an integer value in [lower, upper] (stored as a double);
 * - choice: the index of the option, an integer in [0, options.length - 1].
 */
export type VariableSpec =
  | {
      readonly kind: 'real';
      readonly name: string;
      readonly lower: number;
      readonly upper: number;
      readonly unit?: string;
    }
  | {
      readonly kind: 'int';
      readonly name: string;
      readonly lower: number;
      readonly upper: number;
      readonly unit?: string;
    }
  | { readonly kind: 'choice'; readonly name: string; readonly options: readonly (string | number)[] };

export interface ObjectiveSpec {
  /** Metric name in the user's sense (e.g. `compute.deliveredPFLOPS`). */
  readonly name: string;
  /** The user's sense. Internally a maximized objective is negated so everything is minimized. */
  readonly sense: 'minimize' | 'maximize';
}

export interface ConstraintSpec {
  /** Human-readable name, e.g. `compute.itPowerAvg_W >= 120000` or `power.balance`. */
  readonly name: string;
}

/** Result of one evaluation. `f` is minimized; `g[i] <= 0` means constraint i is satisfied. */
export type Evaluation =
  | { readonly status: 'ok'; readonly f: Float64Array; readonly g: Float64Array }
  | { readonly status: 'failed'; readonly reason: string };

export interface Problem {
  readonly name: string;
  readonly variables: readonly VariableSpec[];
  readonly objectives: readonly ObjectiveSpec[];
  readonly constraints: readonly ConstraintSpec[];
  /** Pure and deterministic. Must not throw for a design the models cannot evaluate: return `failed`. */
  evaluate(x: Float64Array): Evaluation;
}

/**
 * A fresh Float64Array of `n` zeros for an evaluation's f or g, a view into a shared 8 KiB buffer: V8 keeps a typed
 * array of more than 8 doubles outside its heap, and allocating one costs ~0.4 µs, as much as a tenth of a lean node
 * evaluation; a fresh backing store every 8 KiB (68 evaluations of the flagship's 3 objectives and 12 constraints)
 * costs ~0.2 µs an evaluation against ~0.45 µs with a 1 KiB buffer (docs/performance.md §"Node evaluation"). A view
 * keeps its whole buffer alive: a kept vector holds at most 8 KiB (a population of 200 whose vectors each sit in a
 * different buffer, 3.2 MB; the evaluations of one generation share ~3 buffers). A vector is never transferred.
 */
export function evaluationVector(n: number): Float64Array {
  const bytes = 8 * n;
  if (bytes > VECTOR_POOL_BYTES) return new Float64Array(n);
  if (vectorPoolUsed + bytes > VECTOR_POOL_BYTES) {
    vectorPool = new ArrayBuffer(VECTOR_POOL_BYTES);
    vectorPoolUsed = 0;
  }
  const v = new Float64Array(vectorPool, vectorPoolUsed, n);
  vectorPoolUsed += bytes;
  return v;
}
const VECTOR_POOL_BYTES = 8192;
let vectorPool = new ArrayBuffer(VECTOR_POOL_BYTES);
let vectorPoolUsed = 0;

/** Total constraint violation Σ max(0, g_i); +Infinity for a failed evaluation. */
export function constraintViolation(e: Evaluation): number {
  if (e.status === 'failed') return Infinity;
  // an indexed loop: under --no-turbo-escape (src/entries/cli/bin.ts) a for-of allocates an iterator and a result per
  // element, ~0.8 KB a call on the flagship's 12 constraints (each evaluation's is taken twice: survival and log)
  const g = e.g;
  let cv = 0;
  for (let i = 0; i < g.length; i++) if (g[i]! > 0) cv += g[i]!;
  return Number.isNaN(cv) ? Infinity : cv;
}

/** Wraps `problem.evaluate` so a throw or a NaN becomes a failed point instead of a crashed run. */
export function safeEvaluate(problem: Problem, x: Float64Array): Evaluation {
  let e: Evaluation;
  try {
    e = problem.evaluate(x);
  } catch (err) {
    return { status: 'failed', reason: err instanceof Error ? err.message : String(err) };
  }
  if (e.status === 'ok') {
    for (let i = 0; i < e.f.length; i++) {
      if (!Number.isFinite(e.f[i]!))
        return { status: 'failed', reason: `objective ${problem.objectives[i]?.name ?? i} is ${e.f[i]}` };
    }
    for (let i = 0; i < e.g.length; i++) {
      if (Number.isNaN(e.g[i]!))
        return { status: 'failed', reason: `constraint ${problem.constraints[i]?.name ?? i} is NaN` };
    }
  }
  return e;
}
