/**
 * What a `select: { minMargin }` rule asks of the evaluated designs, when no Pareto design meets it: how many feasible
 * evaluated designs (the evaluation log) meet it, the best smallest margin any of them keeps, and the requirements that
 * conflict — the single constraint, else the pair, whose best joint margin over every feasible design stays below the
 * rule. A pair that no design keeps both above m is a conflict of requirements (e.g. an IT power band of 120–150 kW
 * with average/peak ≤ 0.86 leaves at most 3.6 % at both ends), not of the search.
 * Margins are −g of the log's g columns (each scaled by |limit|, src/study/objectives.ts `scaledViolation`); the
 * constraints the rule reads are those of src/run/decision/select.ts `selectionMargins` (sizing closures aside, and a
 * met requirement on a discrete quantity, which limits nothing).
 * `achievability` is pure; `logAchievability` streams the log file (either format, ../logRead.ts).
 */
import { existsSync } from 'node:fs';
import { forEachLogBatch } from '../logRead.js';
import { columnConstraint, LOG_COLUMN } from '../log.js';

export interface Achievability {
  /** Feasible evaluated designs read. */
  readonly feasible: number;
  /** Of them, those keeping every counted constraint at ≥ the rule's margin. */
  readonly meeting: number;
  /** The best smallest margin of any feasible design, and that design's index. */
  readonly bestMargin: number;
  readonly bestIndex: number;
  /** The constraint (or pair) whose best joint margin is lowest, when that is below the rule; else empty. */
  readonly conflict: readonly string[];
  /** Best joint margin of the conflict: max over designs of min over its constraints. */
  readonly conflictMargin: number;
  /** Every constraint no design meets alone, with the best margin any design keeps on it (negative), in name order. */
  readonly unmet: readonly { readonly name: string; readonly margin: number }[];
  /** The counted constraints' names, in the order given. */
  readonly names: readonly string[];
}

/** One feasible design's margins, in the order of the names given to `achievability`. */
export interface MarginVector {
  readonly index: number;
  readonly margins: ArrayLike<number>;
}

/** An accumulator: `add` each feasible design's margins, then `result` (null when none was added). */
export function achievability(names: readonly string[], minMargin: number) {
  const k = names.length;
  const single = new Float64Array(k).fill(-Infinity);
  const pair = new Float64Array(k * k).fill(-Infinity);
  let [feasible, meeting, bestMargin, bestIndex] = [0, 0, -Infinity, -1];
  return {
    add(d: MarginVector): void {
      feasible++;
      let low = Infinity;
      for (let i = 0; i < k; i++) {
        const mi = d.margins[i]!;
        low = Math.min(low, mi);
        if (mi > single[i]!) single[i] = mi;
        for (let j = i + 1; j < k; j++) {
          const both = Math.min(mi, d.margins[j]!);
          if (both > pair[i * k + j]!) pair[i * k + j] = both;
        }
      }
      if (low >= minMargin) meeting++;
      if (low > bestMargin) [bestMargin, bestIndex] = [low, d.index];
    },
    result(): Achievability | null {
      if (feasible === 0) return null;
      let conflict: string[] = [];
      let conflictMargin = Infinity;
      // a constraint that alone cannot reach the margin is the conflict; else the lowest pair below it
      for (let i = 0; i < k; i++)
        if (single[i]! < conflictMargin) [conflict, conflictMargin] = [[names[i]!], single[i]!];
      if (!(conflictMargin < minMargin)) {
        conflictMargin = Infinity;
        for (let i = 0; i < k; i++)
          for (let j = i + 1; j < k; j++)
            if (pair[i * k + j]! < conflictMargin)
              [conflict, conflictMargin] = [[names[i]!, names[j]!], pair[i * k + j]!];
      }
      if (!(conflictMargin < minMargin)) [conflict, conflictMargin] = [[], bestMargin];
      const unmet = names.flatMap((name, i) => (single[i]! < 0 ? [{ name, margin: single[i]! }] : []));
      return { feasible, meeting, bestMargin, bestIndex, conflict, conflictMargin, unmet, names };
    },
  };
}

/**
 * The achievability of `minMargin` over the feasible designs of the log at `logPath` (or the rows whose status `rows`
 * accepts: ./infeasible.ts reads every evaluated design), counting the constraints `counts` accepts; null when the log
 * is absent or has no such design.
 */
export function logAchievability(
  logPath: string,
  counts: (constraint: string) => boolean,
  minMargin: number,
  discrete: ReadonlySet<string> = new Set(),
  rows: (status: string) => boolean = (status) => status === 'feasible',
): Achievability | null {
  if (!existsSync(logPath)) return null;
  let acc: ReturnType<typeof achievability> | null = null;
  let names: string[] = [];
  forEachLogBatch(
    logPath,
    (header) => {
      names = header.filter((n) => {
        const c = columnConstraint(n);
        return c !== null && counts(c);
      });
      if (names.length > 0)
        acc = achievability(
          names.map((n) => columnConstraint(n)!),
          minMargin,
        );
      return names.length > 0 ? [LOG_COLUMN.index, LOG_COLUMN.status, ...names] : [];
    },
    (b) => {
      if (acc === null) return;
      const index = b.numbers(LOG_COLUMN.index);
      const status = b.texts(LOG_COLUMN.status);
      const g = names.map((n) => b.numbers(n));
      // a met requirement on a discrete quantity has no margin to keep (./discrete.ts): it limits nothing
      const free = names.map((n) => discrete.has(columnConstraint(n)!));
      const margins = new Float64Array(names.length);
      for (let i = 0; i < b.rows; i++) {
        if (!rows(status[i] ?? '')) continue;
        let nan = false;
        for (let j = 0; j < g.length; j++) {
          const m = -g[j]![i]!;
          margins[j] = m >= 0 && free[j] ? Infinity : m;
          nan ||= Number.isNaN(m);
        }
        if (!nan) acc.add({ index: index[i]!, margins });
      }
    },
  );
  const done = acc as ReturnType<typeof achievability> | null;
  return done === null ? null : done.result();
}
