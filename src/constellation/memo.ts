/**
 * Bounded memoisation of the constellation's pure, costly stages (a plane's SGP4 track, a shell's link
 * statistics) across the evaluations of one process: a study that changes only node variables, the
 * terminal or the launcher re-uses the geometry. Keys are the full inputs, written out; values are
 * returned as they were computed, so results are identical with or without a hit (determinism for any
 * worker count holds). Least recently used entries go first once the entry budget is spent.
 */
export class Memo<V> {
  private readonly entries = new Map<string, { value: V; cost: number }>();
  private spent = 0;
  hits = 0;
  misses = 0;

  /** `budget`: total cost (e.g. samples held) the cache may keep. */
  constructor(private readonly budget: number) {}

  get(key: string, compute: () => V, cost: (v: V) => number = () => 1): V {
    const hit = this.entries.get(key);
    if (hit !== undefined) {
      this.hits++;
      this.entries.delete(key);
      this.entries.set(key, hit); // most recently used last
      return hit.value;
    }
    this.misses++;
    const value = compute();
    const c = cost(value);
    if (c > this.budget) return value;
    while (this.spent + c > this.budget) {
      const [oldest, e] = this.entries.entries().next().value as [string, { value: V; cost: number }];
      this.entries.delete(oldest);
      this.spent -= e.cost;
    }
    this.entries.set(key, { value, cost: c });
    this.spent += c;
    return value;
  }
}

/**
 * One Memo per LP solver: an LP's answer is the solver's, so results found with one solver are never handed to
 * a caller that passed another (a test comparing solvers). A solver's memo goes with it.
 */
export class SolverMemo<V> {
  private readonly bySolver = new WeakMap<object, Memo<V>>();

  constructor(private readonly budget: number) {}

  for(solver: object): Memo<V> {
    let m = this.bySolver.get(solver);
    if (m === undefined) {
      m = new Memo<V>(this.budget);
      this.bySolver.set(solver, m);
    }
    return m;
  }
}

/** Two arrays run-length encoded: run values (their bits read as int pairs through `bits`) and lengths. */
interface Runs {
  values: Float64Array;
  bits: Int32Array;
  counts: Int32Array;
  n: number;
}

/** Appends the runs of equal bits among a's first n entries (−0 apart from 0, each NaN as its bits). */
function appendRuns(r: Runs, a: Float64Array, n: number): void {
  for (let i = 0; i < n;) {
    const x = a[i]!;
    let k = i + 1;
    while (k < n && (a[k] === x ? x !== 0 || Object.is(a[k], x) : false)) k++;
    if (r.n === r.counts.length) grow(r);
    r.values[r.n] = x;
    r.counts[r.n++] = k - i;
    i = k;
  }
}

function grow(r: Runs): void {
  const values = new Float64Array(Math.max(64, 2 * r.counts.length));
  values.set(r.values);
  const counts = new Int32Array(values.length);
  counts.set(r.counts);
  r.values = values;
  r.bits = new Int32Array(values.buffer);
  r.counts = counts;
}

/**
 * Numbers keyed by the exact contents of arrays (the first n entries of each), held as their runs of equal values:
 * short where runs are long (capacities at a terminal's rate or off), made without garbage (one scratch), found by a
 * 64-bit hash of the runs and confirmed run by run, so a hit is the same input bit for bit. Least recently used first
 * once `budget` bytes of runs are held (Memo).
 */
export class RunMemo {
  private readonly memo: Memo<{ values: Float64Array; counts: Int32Array; value: number }>;
  private readonly runs: Runs = {
    values: new Float64Array(0),
    bits: new Int32Array(0),
    counts: new Int32Array(0),
    n: 0,
  };

  constructor(budget_B: number) {
    this.memo = new Memo(budget_B);
  }

  get hits(): number {
    return this.memo.hits;
  }

  get(arrays: readonly Float64Array[], lengths: readonly number[], compute: () => number): number {
    const r = this.runs;
    r.n = 0;
    let key = '';
    for (let j = 0; j < arrays.length; j++) {
      appendRuns(r, arrays[j]!, lengths[j]!);
      key += `${lengths[j]}|${r.n}|`; // each array's length and where its runs end
    }
    // FNV-1a over the runs' lengths and bits, two seeds
    let h1 = 0x811c9dc5,
      h2 = 0x01000193;
    for (let i = 0; i < r.n; i++) {
      const c = r.counts[i]!,
        lo = r.bits[2 * i]!,
        hi = r.bits[2 * i + 1]!;
      h1 = Math.imul(Math.imul(Math.imul(h1 ^ c, 0x01000193) ^ lo, 0x01000193) ^ hi, 0x01000193);
      h2 = Math.imul(Math.imul(Math.imul(h2 ^ c, 0x5bd1e995) ^ lo, 0x5bd1e995) ^ hi, 0x5bd1e995) ^ (h2 >>> 15);
    }
    key += `${h1}|${h2}`;
    const n = r.n;
    const e = this.memo.get(
      key,
      () => ({ values: r.values.slice(0, n), counts: r.counts.slice(0, n), value: compute() }),
      (v) => 12 * v.counts.length + 100,
    );
    return this.same(e.values, e.counts) ? e.value : compute();
  }

  /** Whether held runs are the scratch's, bit for bit. */
  private same(values: Float64Array, counts: Int32Array): boolean {
    const r = this.runs;
    if (counts.length !== r.n) return false;
    const bits = new Int32Array(values.buffer, values.byteOffset, 2 * values.length);
    for (let i = 0; i < r.n; i++)
      if (counts[i] !== r.counts[i] || bits[2 * i] !== r.bits[2 * i] || bits[2 * i + 1] !== r.bits[2 * i + 1])
        return false;
    return true;
  }
}
