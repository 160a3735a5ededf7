/**
 * NSGA-III (Deb & Jain, "An evolutionary many-objective optimization algorithm using
 * reference-point-based nondominated sorting approach, part I", IEEE TEVC 18(4), 2014) as pymoo
 * 0.6.2 `NSGA3`: tournament by cv then random, SBX (eta 30, mating probability 1.0), polynomial
 * mutation (eta 20), duplicate elimination; survival by non-dominated fronts, hyperplane
 * normalization and reference-direction niching; infeasible members fill up by increasing cv.
 */
import type { Problem } from '../../src/optimize/types.js';
import { nonDominatedSort } from '../../src/optimize/pareto/dominance.js';
import * as z from 'zod';
import { lazy } from '../../src/base/lazy.js';
import type { AlgorithmEntry, AlgorithmSnapshot, Individual, SettingOptions } from '../types.js';
import { nsga3Compare } from '../operators/selection.js';
import { decodeFloat64, encodeArray } from '../operators/codec.js';
import { GeneticAlgorithm, type GaOptions } from '../nsga2/geneticAlgorithm.js';
import { objectiveMatrix, splitByFeasibility } from '../nsga2/survival.js';
import { HyperplaneNormalization } from './normalization.js';
import { associateToNiches, unitDirectionsTransposed } from './niching.js';
import { niching } from './nichePreservation.js';
import { defaultPartitions, partitionsProblem, referenceDirections } from './referenceDirections.js';
import { StudyError } from '../../src/base/errors.js';

/** NSGA-III's study settings: the reference lattice's partitions (default derived from population and objectives). */
export const nsga3Settings = lazy(() => ({
  partitions: z.number().int().min(1).exactOptional().describe('NSGA-III Das–Dennis partitions.'),
}));

/** NSGA-III's options: the genetic algorithm's and its settings. */
export type Nsga3Options = GaOptions & SettingOptions<ReturnType<typeof nsga3Settings>>;

export const NSGA3_DEFAULTS = { crossoverEta: 30, crossoverProbability: 1.0 } as const;

export class Nsga3 extends GeneticAlgorithm {
  readonly name = 'nsga3';
  protected readonly compare = nsga3Compare;
  readonly partitions: number;
  private dirs: Float64Array;
  private unitT: Float64Array;
  private nDirs: number;
  private norm: HyperplaneNormalization;
  private work = new Float64Array(0);

  constructor(problem: Problem, options: Nsga3Options, snapshot?: AlgorithmSnapshot) {
    super(problem, options, NSGA3_DEFAULTS);
    const partitions =
      (snapshot?.['params'] as { partitions?: number } | undefined)?.partitions ??
      options.partitions ??
      defaultPartitions(this.m, options.population);
    if (!Number.isInteger(partitions) || partitions < 1)
      throw new RangeError(`partitions must be an integer >= 1, got ${partitions}`);
    // A user setting the lattice cannot hold (partitions: 100000 with 3 objectives) is a study error, not an
    // out-of-memory abort.
    const tooMany = partitionsProblem(this.m, partitions);
    if (tooMany !== null)
      throw new StudyError('BAD_ALGORITHM', `algorithm.partitions: ${tooMany}`, { field: 'algorithm.partitions' });
    this.partitions = partitions;
    this.params = { ...this.params, partitions };
    const rd = referenceDirections(this.m, partitions);
    this.dirs = rd.dirs;
    this.nDirs = rd.count;
    this.unitT = unitDirectionsTransposed(rd.dirs, rd.count, this.m);
    this.norm = new HyperplaneNormalization(this.m);
    if (snapshot !== undefined) this.restore(snapshot);
  }

  /** Number of reference directions. */
  get directions(): number {
    return this.nDirs;
  }

  /** The reference directions (H x m, flat). */
  referenceDirections(): Float64Array {
    return this.dirs.slice();
  }

  protected survive(merged: Individual[], nSurvive: number): Uint8Array {
    const m = this.m;
    const { feasible, infeasible } = splitByFeasibility(merged);
    const nf = feasible.length;
    const total = Math.min(nSurvive, merged.length);
    const firstFront = new Uint8Array(merged.length);
    // survivors as indices into merged, with their ranks
    const chosen = new Int32Array(total);
    const ranks = new Int32Array(total);
    let c = 0;
    if (nf > 0) {
      const take = Math.min(nf, total);
      // the matrices of a survival are working space, reused from one generation to the next (fresh memory of this
      // size is zeroed page by page)
      if (this.work.length < 2 * nf * m) this.work = new Float64Array(2 * merged.length * m);
      const F = objectiveMatrix(merged, feasible, m, this.work);
      const { fronts } = nonDominatedSort(F, nf, m, Math.max(1, take));
      const front0 = fronts[0]!;
      for (let t = 0; t < front0.length; t++) firstFront[feasible[front0[t]!]!] = 1;
      this.norm.update(F, nf, front0);
      // fronts until at least `take` are ranked (pymoo n_stop_if_ranked), concatenated in I
      let nI = 0;
      let nFronts = 0;
      while (nI < take) nI += fronts[nFronts++]!.length;
      const I = new Int32Array(nI);
      const rankAt = new Int32Array(nI);
      for (let k = 0, t = 0; k < nFronts; k++) {
        I.set(fronts[k]!, t);
        rankAt.fill(k, t, t + fronts[k]!.length);
        t += fronts[k]!.length;
      }
      // the rows of F for I (the same values objectiveMatrix would copy from the members)
      const sub = this.work.subarray(nf * m, (nf + nI) * m);
      for (let t = 0; t < nI; t++) for (let k = 0, o = I[t]! * m; k < m; k++) sub[t * m + k] = F[o + k]!;
      const assoc = associateToNiches(sub, nI, m, this.unitT, this.nDirs, this.norm.ideal, this.norm.nadir);
      const lastStart = nI > take ? nI - fronts[nFronts - 1]!.length : nI;
      for (let t = 0; t < lastStart; t++) {
        chosen[c] = feasible[I[t]!]!;
        ranks[c++] = rankAt[t]!;
      }
      if (nI > take) {
        const nicheCount = new Int32Array(this.nDirs);
        for (let t = 0; t < lastStart; t++) nicheCount[assoc.niche[t]!]!++;
        const S = niching(
          take - lastStart,
          nicheCount,
          assoc.niche.subarray(lastStart),
          assoc.distance.subarray(lastStart),
          this.rng,
        );
        for (let t = 0; t < S.length; t++) {
          chosen[c] = feasible[I[lastStart + S[t]!]!]!;
          ranks[c++] = nFronts - 1;
        }
      }
    }
    for (let t = 0; c < total && t < infeasible.length; t++) {
      chosen[c] = infeasible[t]!;
      ranks[c++] = 1 << 30;
    }
    const pop = new Array<Individual>(c);
    for (let t = 0; t < c; t++) pop[t] = merged[chosen[t]!]!;
    this.setPopulation(pop, c === total ? ranks : ranks.slice(0, c), new Float64Array(c));
    return firstFront;
  }

  protected encodeExtra(): Record<string, unknown> {
    return {
      ideal: encodeArray(this.norm.ideal),
      worst: encodeArray(this.norm.worst),
      nadir: encodeArray(this.norm.nadir),
      extreme: this.norm.extreme === null ? null : encodeArray(this.norm.extreme),
    };
  }

  protected decodeExtra(extra: Record<string, unknown>): void {
    const norm = new HyperplaneNormalization(this.m);
    if (extra['ideal'] !== undefined) norm.ideal = decodeFloat64(extra['ideal']);
    if (extra['worst'] !== undefined) norm.worst = decodeFloat64(extra['worst']);
    if (extra['nadir'] !== undefined) norm.nadir = decodeFloat64(extra['nadir']);
    norm.extreme = extra['extreme'] === null || extra['extreme'] === undefined ? null : decodeFloat64(extra['extreme']);
    this.norm = norm;
  }
}

export const nsga3 = {
  name: 'nsga3',
  summary: 'nsga3 (NSGA-III) for three or more objectives',
  surrogate: false,
  // its reference directions span the objectives: one objective has no front to spread them over
  minObjectives: 2,
  settings: nsga3Settings,
  checkSettings: ({ partitions }, m) => {
    const tooMany = partitions === undefined ? null : partitionsProblem(m, partitions);
    return tooMany === null ? null : { key: 'partitions', message: tooMany };
  },
  create: (problem, options, snapshot) => new Nsga3(problem, options, snapshot),
} as const satisfies AlgorithmEntry<Nsga3Options>;
