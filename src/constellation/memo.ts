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

/**
 * The first n entries of `a` as a key, run by run ("value*count", each value written so that it reads back to the same
 * double, −0 apart from 0): exact, and short where runs of equal values are long (capacities at the terminal's rate
 * or off).
 */
export function runKey(a: Float64Array, n: number): string {
  let key = '';
  for (let i = 0; i < n; ) {
    const x = a[i]!;
    let k = i + 1;
    while (k < n && Object.is(a[k], x)) k++;
    key += `${Object.is(x, -0) ? '-0' : x}*${k - i},`;
    i = k;
  }
  return key;
}
