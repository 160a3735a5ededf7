/**
 * The spread of a multi-seed run's answer (`<out>/attainment.json`, written when the seeds are done; the reports only
 * read it): attainment surfaces (src/optimize/indicators/attainment.ts) at 0/25/50/75/100 % of
 * - the seeds' fronts: in all objectives when there are 2 or 3 (exact), and on every pair of objectives (the fronts'
 *   projections, which the plots draw), with the share of the union front's hypervolume that every seed attains
 *   (vol(Q_n)/vol(Q_1) in a box 10 % beyond the union's nadir: Q_1 is the union's dominated region);
 * - the union front under the uncertain inputs (node studies whose objectives are metrics): every union design
 *   evaluated on the same FRONT_DRAWS samples of the compliance inputs (src/study/constraintSamples.ts: Latin
 *   hypercube, the knee's P(all hold) seed, economics at nominal, design margins spent as in that check), each
 *   draw's values one set: surfaces on each pair of objectives with the pair's Vorob'ev expectation and deviation
 *   (src/optimize/indicators/vorobev.ts), the share of draws in which each design stays non-dominated among them,
 *   and the knee's place: the share of draws whose front attains its nominal point, its own non-dominated share and
 *   its objectives' quartiles over the draws.
 * Values are in the objectives' own units and sense. Deterministic: a function of the seeds' fronts and the study.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { maxOf, minOf } from '../base/arrays.js';
import { attainmentLevel, attainmentSweep, type PointSet } from '../optimize/indicators/attainment.js';
import { vorobevFigures, vorobevLevel } from '../optimize/indicators/vorobev.js';
import { nonDominatedIndices } from '../optimize/pareto/dominance.js';
import { writeFileAtomic } from './atomic.js';
import { studyValues } from './decision/select.js';
import type { ParetoDesign, ParetoFile } from './paretoFile.js';
import type { LoadedStudy } from './problem.js';

export const ATTAINMENT_FILE = 'attainment.json';
/** Samples of the compliance inputs each front design is evaluated on. */
export const FRONT_DRAWS = 64;
export const ATTAINMENT_LEVELS = [0, 25, 50, 75, 100] as const;

export interface Surface {
  readonly level: number;
  readonly attainedBy: number;
  readonly points: number[][];
}
export interface PairVorobev {
  readonly threshold_pct: number;
  /** Mean volume of the symmetric difference between a draw's attained region and the expectation's. */
  readonly deviation: number;
  /** The deviation over the mean hypervolume. */
  readonly relativeDeviation: number;
  readonly meanHypervolume: number;
  readonly expectation: number[][];
}
export interface Projection {
  /** Indices of the two objectives. */
  readonly objectives: readonly [number, number];
  readonly surfaces: readonly Surface[];
  /** The draws' Vorob'ev expectation and deviation on this pair. */
  readonly vorobev?: PairVorobev;
}
export interface SpreadOf {
  readonly sets: number;
  /** Exact surfaces in all objectives (2 or 3 of them; empty beyond). */
  readonly surfaces: readonly Surface[];
  readonly projections: readonly Projection[];
  readonly reference: readonly number[];
}
export interface SeedSpread extends SpreadOf {
  readonly seeds: readonly number[];
  /** vol(attained by every seed) / vol(attained by any seed) in the reference box. */
  readonly everySeedShare: number;
}
export interface DrawSpread extends SpreadOf {
  readonly samples: number;
  readonly seed: number;
  readonly failedSamples: number;
  /** How many union designs were evaluated on the draws (all of them). */
  readonly designs: number;
  /** Per union design (its seed and index): the share of draws in which it is non-dominated. */
  readonly nonDominated: readonly { readonly seed: number; readonly index: number; readonly share: number }[];
  readonly knee: {
    readonly seed: number;
    readonly index: number;
    /** Share of draws whose front attains the knee's nominal objectives. */
    readonly attainedShare: number;
    readonly nonDominatedShare: number;
    /** Per objective: the knee's 25th, 50th and 75th percentile over the draws. */
    readonly quartiles: readonly (readonly [number, number, number])[];
  } | null;
}
export interface AttainmentFile {
  readonly formatVersion: 1;
  readonly objectives: ParetoFile['objectives'];
  readonly levels: readonly number[];
  readonly seeds: SeedSpread;
  /** The front under the uncertain inputs, or why it is not computed. */
  readonly draws: DrawSpread | { readonly skipped: string };
}

type Minimized = number[][];

const signs = (pareto: ParetoFile): number[] => pareto.objectives.map((o) => (o.sense === 'maximize' ? -1 : 1));
const minimized = (pareto: ParetoFile, d: ParetoDesign): number[] =>
  pareto.objectives.map((o) => (o.sense === 'maximize' ? -1 : 1) * d.objectives[o.name]!);
const ownUnits = (sign: readonly number[], p: readonly number[]): number[] => p.map((v, j) => sign[j]! * v);

/** A box 10 % of the range beyond the worst value of every objective over all the sets (minimized). */
function referenceOf(sets: readonly PointSet[], m: number): number[] {
  const all = sets.flat();
  return Array.from({ length: m }, (_, j) => {
    const lo = minOf(all.map((p) => p[j]!));
    const hi = maxOf(all.map((p) => p[j]!));
    return hi + 0.1 * (hi - lo || Math.abs(hi) || 1);
  });
}

/**
 * Surfaces at the levels in own units: in all objectives (2 or 3, when `full`) and on each pair (with each pair's
 * Vorob'ev figures when `withVorobev`); `volumes` the full sweep's level volumes.
 */
function spreadOf(
  sets: readonly PointSet[],
  sign: readonly number[],
  full: boolean,
  withVorobev: boolean,
): SpreadOf & { volumes: number[] } {
  const m = sign.length;
  const n = sets.length;
  const counts = ATTAINMENT_LEVELS.map((p) => attainmentLevel(p, n));
  const all = Array.from({ length: n }, (_, k) => k + 1);
  const surfaces = (swept: number[][][], pick: (p: readonly number[]) => number[]): Surface[] =>
    ATTAINMENT_LEVELS.map((level, l) => ({
      level,
      attainedBy: counts[l]!,
      points: swept[counts[l]! - 1]!.map((p) => ownUnits(pick(sign), p)),
    }));
  const reference = referenceOf(sets, m);
  const whole = full && m <= 3 ? attainmentSweep(sets, all, reference) : null;
  const projections: Projection[] = [];
  for (let a = 0; a < m; a++)
    for (let b = a + 1; b < m; b++) {
      const flat = sets.map((s) => s.map((p) => [p[a]!, p[b]!]));
      const pick = (v: readonly number[]): number[] => [v[a]!, v[b]!];
      const swept = attainmentSweep(flat, all, withVorobev ? [reference[a]!, reference[b]!] : undefined);
      const v = withVorobev ? vorobevFigures(swept.volumes, vorobevLevel(swept.volumes)) : null;
      projections.push({
        objectives: [a, b],
        surfaces: surfaces(swept.surfaces, pick),
        ...(v !== null
          ? {
              vorobev: {
                threshold_pct: v.threshold_pct,
                deviation: v.deviation,
                relativeDeviation: v.deviation / v.meanHypervolume,
                meanHypervolume: v.meanHypervolume,
                expectation: swept.surfaces[v.level - 1]!.map((p) => ownUnits(pick(sign), p)),
              },
            }
          : {}),
      });
    }
  return {
    sets: n,
    surfaces: whole === null ? [] : surfaces(whole.surfaces, (v) => [...v]),
    projections,
    reference: ownUnits(sign, reference),
    volumes: whole?.volumes ?? [],
  };
}

/** The seeds' spread (see the header). */
function seedSpread(fronts: readonly { seed: number; pareto: ParetoFile }[]): SeedSpread {
  const first = fronts[0]!.pareto;
  const sets = fronts.map((f) => f.pareto.designs.map((d) => minimized(first, d)));
  const { volumes, ...spread } = spreadOf(sets, signs(first), true, false);
  const n = sets.length;
  return {
    ...spread,
    seeds: fronts.map((f) => f.seed),
    everySeedShare: volumes.length ? volumes[n - 1]! / volumes[0]! : NaN,
  };
}

/** The union designs' objectives (own units) in every draw (null: the sample failed), or why there are none. */
function drawValues(
  loaded: LoadedStudy,
  union: ParetoFile,
  positions: readonly number[],
): { values: (Minimized[number] | null)[][]; seed: number } | string {
  if (loaded.kind !== 'node' || loaded.constraintSampler === null)
    return 'the front under the uncertain inputs is computed for node studies';
  const names = loaded.problem.objectives.map((o) => o.name);
  if (names.some((n) => n.includes('(')))
    return "the study's objectives are statistics over the uncertain inputs already (a robust study)";
  const robust = studyValues(loaded)['robust'] as { seed?: number } | undefined;
  const seed = robust?.seed ?? loaded.algorithm.seed;
  // the objectives' values alone: no constraint is checked in a draw
  const sampler = loaded.constraintSampler({
    samples: FRONT_DRAWS,
    method: 'lhs',
    seed,
    metrics: names,
    checks: false,
  });
  if (sampler === null) return 'the study declares no uncertain input';
  const vars = loaded.problem.variables;
  const perDesign = positions.map((p) => {
    const d = union.designs[p]!;
    const x = Float64Array.from(vars, (v) =>
      v.kind === 'choice' ? v.options.findIndex((o) => o === d.variables[v.name]) : Number(d.variables[v.name]),
    );
    try {
      const s = sampler(x);
      return (s.values ?? []).map((v) => (v === null || !v.every(Number.isFinite) ? null : [...v]));
    } catch {
      return new Array<null>(FRONT_DRAWS).fill(null);
    }
  });
  return { values: perDesign, seed };
}

/** The front under the uncertain inputs (see the header); `knee` its position in the union, -1 for none. */
function drawSpread(
  loaded: LoadedStudy,
  union: ParetoFile,
  seeds: readonly number[],
  knee: number,
): DrawSpread | { skipped: string } {
  const positions = union.designs.map((_, i) => i);
  const got = drawValues(loaded, union, positions);
  return typeof got === 'string' ? { skipped: got } : drawSpreadOf(got.values, got.seed, union, seeds, positions, knee);
}

/**
 * The spread of union designs over the draws: `values[i][j]` design `positions[i]`'s objectives (own
 * units) in draw j, null for a failed sample; `knee` the knee's position in the union (-1: none).
 */
export function drawSpreadOf(
  values: readonly (readonly (readonly number[] | null)[])[],
  seed: number,
  union: ParetoFile,
  seeds: readonly number[],
  positions: readonly number[],
  knee: number,
): DrawSpread | { skipped: string } {
  const draws = values[0]?.length ?? 0;
  const sign = signs(union);
  const min = values.map((v) => v.map((p) => (p === null ? null : ownUnits(sign, p))));
  const m = sign.length;
  // draw j's set: the sampled designs whose sample j evaluated (minimized), by their place in `positions`
  const members = Array.from({ length: draws }, (_, j) => min.flatMap((v, i) => (v[j] ? [i] : [])));
  const sets = members.map((ids, j) => ids.map((i) => min[i]![j]!));
  const failedSamples = values.reduce((a, v) => a + v.filter((x) => x === null).length, 0);
  if (sets.every((s) => s.length === 0)) return { skipped: 'no front design could be evaluated in any draw' };
  const { volumes: _, ...spread } = spreadOf(sets, sign, false, true);
  const stays = new Array<number>(positions.length).fill(0);
  sets.forEach((s, j) => {
    const F = Float64Array.from(s.flat());
    for (const k of nonDominatedIndices(F, s.length, m)) stays[members[j]![k]!]!++;
  });
  const share = (i: number): number => stays[i]! / draws;
  const at = positions.indexOf(knee);
  return {
    ...spread,
    samples: draws,
    seed,
    failedSamples,
    designs: positions.length,
    nonDominated: positions.map((p, i) => ({ seed: seeds[p]!, index: union.designs[p]!.index, share: share(i) })),
    knee: at < 0 ? null : kneeInBand(union, values[at]!, sets, knee, seeds, share(at)),
  };
}

/** Where the knee sits among the draws (see DrawSpread.knee). */
function kneeInBand(
  union: ParetoFile,
  own: readonly (readonly number[] | null)[],
  sets: readonly PointSet[],
  knee: number,
  seeds: readonly number[],
  nonDominatedShare: number,
): DrawSpread['knee'] {
  const z = minimized(union, union.designs[knee]!);
  const attains = (s: PointSet): boolean => s.some((p) => p.every((v, j) => v <= z[j]!));
  const drawn = own.filter((v) => v !== null);
  const quartile = (j: number, q: number): number => {
    const xs = drawn.map((v) => v[j]!).sort((a, b) => a - b);
    const at = q * (xs.length - 1);
    const lo = Math.floor(at);
    return xs.length === 0 ? NaN : xs[lo]! + (at - lo) * ((xs[lo + 1] ?? xs[lo]!) - xs[lo]!);
  };
  return {
    seed: seeds[knee]!,
    index: union.designs[knee]!.index,
    attainedShare: sets.filter(attains).length / sets.length,
    nonDominatedShare,
    quartiles: union.objectives.map((_, j) => [quartile(j, 0.25), quartile(j, 0.5), quartile(j, 0.75)] as const),
  };
}

/**
 * Computes and writes `<outDir>/attainment.json` for the seeds' fronts and their union (`knee`: the union's
 * recommended position, -1 for none; `seeds`: the seed of each union design; `loaded` the study as a seed's
 * study.yaml has it). Null (no file) when a seed's front is empty.
 */
export function writeAttainmentFile(
  outDir: string,
  loaded: LoadedStudy,
  fronts: readonly { seed: number; pareto: ParetoFile }[],
  union: { readonly pareto: ParetoFile; readonly seeds: readonly number[] },
  knee: number,
): AttainmentFile | null {
  if (fronts.some((f) => f.pareto.designs.length === 0) || union.pareto.designs.length === 0) return null;
  const file: AttainmentFile = {
    formatVersion: 1,
    objectives: union.pareto.objectives,
    levels: [...ATTAINMENT_LEVELS],
    seeds: seedSpread(fronts),
    draws: drawSpread(loaded, union.pareto, union.seeds, knee),
  };
  writeFileAtomic(join(outDir, ATTAINMENT_FILE), `${JSON.stringify(file)}\n`);
  return file;
}

/** attainment.json of a multi-seed folder, or null when it has none (a run finished before it was written). */
export function readAttainmentFile(outDir: string): AttainmentFile | null {
  const path = join(outDir, ATTAINMENT_FILE);
  if (!existsSync(path)) return null;
  const file = JSON.parse(readFileSync(path, 'utf8')) as AttainmentFile;
  return file.formatVersion === 1 ? file : null;
}

const pct = (x: number): string => `${(100 * x).toFixed(0)} %`;

/** The spread in one line (the answer's). */
export function spreadLine(f: AttainmentFile): string {
  const parts = [`every seed attains ${pct(f.seeds.everySeedShare)} of the union front's hypervolume`];
  const d = f.draws;
  if (!('skipped' in d)) {
    const k = d.knee;
    const dev = d.projections[0]?.vorobev;
    if (k !== null)
      parts.push(
        `over ${d.samples} draws of the compliance inputs the knee stays non-dominated in ${pct(k.nonDominatedShare)} ` +
          `of them and its nominal point is attained in ${pct(k.attainedShare)}`,
      );
    if (dev !== undefined)
      parts.push(`the draws' Vorob'ev deviation is ${pct(dev.relativeDeviation)} of their mean hypervolume`);
  }
  return `Spread: ${parts.join('; ')}.`;
}
