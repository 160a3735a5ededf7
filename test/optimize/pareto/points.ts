/**
 * Test helpers for the pareto tests and the archive benchmark: seeded point sets, a comparator sort and brute-force
 * non-dominated filter (the oracle, independent of the code under test).
 */

export interface Pt {
  readonly f: Float64Array;
  readonly cv: number;
  readonly evalIndex: number;
}

/** mulberry32 (T. Ettinger, public domain): a small seeded uniform generator on [0, 1). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Kind = 'continuous' | 'grid' | 'simplex' | 'converging';

/**
 * n points in m objectives, evalIndex = position:
 * - continuous: uniform in [0, 1)^m (a few per cent non-dominated);
 * - grid: integers 0..4 per objective (many duplicates and ties);
 * - simplex: uniform on f1 + … + fm = 1 (all non-dominated, bar exact duplicates);
 * - converging: simplex points scaled by a factor falling from 2 to 1 with noise (as a run improves: later points
 *   dominate earlier ones).
 */
export function points(kind: Kind, m: number, n: number, seed: number): Pt[] {
  const r = prng(seed);
  const out: Pt[] = [];
  for (let i = 0; i < n; i++) {
    const f = new Float64Array(m);
    if (kind === 'continuous') for (let k = 0; k < m; k++) f[k] = r();
    else if (kind === 'grid') for (let k = 0; k < m; k++) f[k] = Math.floor(r() * 5);
    else {
      let s = 0;
      // exponential draws, normalized: uniform on the simplex
      for (let k = 0; k < m; k++) s += f[k] = -Math.log(1 - r());
      const scale = kind === 'simplex' ? 1 : 2 - i / n + 0.2 * r();
      for (let k = 0; k < m; k++) f[k] = (f[k]! / s) * scale;
    }
    out.push({ f, cv: 0, evalIndex: i });
  }
  return out;
}

/** Lexicographic comparison of objective vectors (written here, independently of the archive's). */
export function lex(a: Pt, b: Pt): number {
  for (let k = 0; k < a.f.length; k++) if (a.f[k] !== b.f[k]) return a.f[k]! < b.f[k]! ? -1 : 1;
  return 0;
}

/** True when b knocks a out: b weakly dominates a, and if equal, b has the lower evalIndex. */
export function beats(b: Pt, a: Pt): boolean {
  let equal = true;
  for (let k = 0; k < a.f.length; k++) {
    if (b.f[k]! > a.f[k]!) return false;
    if (b.f[k]! !== a.f[k]!) equal = false;
  }
  return !equal || b.evalIndex < a.evalIndex;
}

/**
 * The definition on a flat n x m matrix (written here, independently of src/optimize/pareto/): 1 for the rows no
 * other row dominates (no worse in every objective, better in one), 0 for the others. O(n² m).
 */
export function bruteMask(F: Float64Array, n: number, m: number): number[] {
  const mask: number[] = [];
  for (let p = 0; p < n; p++) {
    let dominated = false;
    for (let q = 0; q < n && !dominated; q++) dominated = rowDominates(F, m, q, p);
    mask.push(dominated ? 0 : 1);
  }
  return mask;
}

/** Row q of F dominates row p: no worse in every objective, better in one (the definition, written here). */
function rowDominates(F: Float64Array, m: number, q: number, p: number): boolean {
  let better = false;
  for (let k = 0; k < m; k++) {
    if (F[q * m + k]! > F[p * m + k]!) return false;
    if (F[q * m + k]! < F[p * m + k]!) better = true;
  }
  return better;
}

/** Ranks by repeated peeling with the definition (the oracle): front r = the rows left that no row left dominates. */
export function bruteRanks(F: Float64Array, n: number, m: number): number[] {
  const ranks: number[] = new Array<number>(n).fill(-1);
  for (let r = 0, left = n; left > 0; r++) {
    const front: number[] = [];
    for (let p = 0; p < n; p++) {
      if (ranks[p] !== -1) continue;
      let dominated = false;
      for (let q = 0; q < n && !dominated; q++) dominated = ranks[q] === -1 && rowDominates(F, m, q, p);
      if (!dominated) front.push(p);
    }
    for (const p of front) ranks[p] = r;
    left -= front.length;
  }
  return ranks;
}

/** Brute force: the points no other point beats, in lexicographic order of f. */
export function bruteFront(pts: readonly Pt[]): Pt[] {
  return pts.filter((a) => !pts.some((b) => b !== a && beats(b, a))).sort(lex);
}

/** Seeded Fisher–Yates shuffle (a copy). */
export function shuffled<T>(xs: readonly T[], seed: number): T[] {
  const r = prng(seed);
  const out = xs.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/**
 * n points near the positive unit sphere in m objectives (most non-dominated; one row in 7 on coarse values, so that
 * orders have ties), every third pushed out by 2-32 % (later fronts).
 */
export function sphereSet(n: number, m: number, seed: number): Float64Array {
  const r = prng(seed);
  const F = new Float64Array(n * m);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let k = 0; k < m; k++) {
      const x = i % 7 === 0 ? Math.floor(r() * 4) / 4 + 0.01 : r() + 0.01;
      F[i * m + k] = x;
      s += x * x;
    }
    const scale = (i % 3 === 0 ? 1.02 + 0.3 * r() : 1) / Math.sqrt(s);
    for (let k = 0; k < m; k++) F[i * m + k] = F[i * m + k]! * scale;
  }
  return F;
}

/** The definition: a comparator sort of row indices, ties by index. */
export function comparatorOrder(F: Float64Array, n: number, m: number): number[] {
  return Array.from({ length: n }, (_, i) => i).sort((a, b) => {
    for (let k = 0; k < m; k++) {
      if (F[a * m + k]! < F[b * m + k]!) return -1;
      if (F[a * m + k]! > F[b * m + k]!) return 1;
    }
    return a - b;
  });
}

/** n × m values drawn from r in order: integers 0 … levels − 1 where `levels` is given (ties), else r(). */
export function randomRows(r: () => number, n: number, m: number, levels?: number): Float64Array {
  const F = new Float64Array(n * m);
  for (let i = 0; i < n * m; i++) F[i] = levels === undefined ? r() : Math.floor(r() * levels);
  return F;
}

/**
 * `trials` random sets drawn from prng(seed): trial t has the m objectives, n rows and integer levels (ties; undefined
 * for continuous values) of `shape(t, r)`, which may draw n from r, and randomRows fills it. Each is handed to `check`
 * with the peeling's ranks (bruteRanks, the oracle).
 */
export function forRandomSets(
  seed: number,
  trials: number,
  shape: (trial: number, r: () => number) => readonly [m: number, n: number, levels: number | undefined],
  check: (F: Float64Array, m: number, n: number, want: number[]) => void,
): void {
  const r = prng(seed);
  for (let trial = 0; trial < trials; trial++) {
    const [m, n, levels] = shape(trial, r);
    const F = randomRows(r, n, m, levels);
    check(F, m, n, bruteRanks(F, n, m));
  }
}
