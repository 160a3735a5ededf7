/**
 * NSGA-III (Deb & Jain, "An evolutionary many-objective optimization algorithm using
 * reference-point-based nondominated sorting approach, part I", IEEE TEVC 18(4), 2014) as pymoo
 * 0.6.2 `NSGA3`: tournament by cv then random, SBX (eta 30, mating probability 1.0), polynomial
 * mutation (eta 20), duplicate elimination; survival by non-dominated fronts, hyperplane
 * normalization and reference-direction niching; infeasible members fill up by increasing cv.
 */
import type { Problem } from '../../src/problem/types.js';
import { nonDominatedSort } from '../../src/core/dominance.js';
import type { AlgorithmOptions, AlgorithmSnapshot, Individual } from '../types.js';
import { nsga3Compare } from '../operators/selection.js';
import { decodeFloat64, encodeArray } from '../operators/codec.js';
import { GeneticAlgorithm } from '../nsga2/geneticAlgorithm.js';
import { objectiveMatrix, splitByFeasibility } from '../nsga2/survival.js';
import { HyperplaneNormalization } from './normalization.js';
import { associateToNiches, niching, unitDirectionsTransposed } from './niching.js';
import { defaultPartitions, partitionsProblem, referenceDirections } from './referenceDirections.js';
import { StudyError } from '../../src/core/errors.js';

export const NSGA3_DEFAULTS = { crossoverEta: 30, crossoverProbability: 1.0 } as const;

export class Nsga3 extends GeneticAlgorithm {
  readonly name = 'nsga3';
  protected readonly compare = nsga3Compare;
  readonly partitions: number;
  private dirs: Float64Array;
  private unitT: Float64Array;
  private nDirs: number;
  private norm: HyperplaneNormalization;

  constructor(problem: Problem, options: AlgorithmOptions, snapshot?: AlgorithmSnapshot) {
    super(problem, options, NSGA3_DEFAULTS);
    const partitions =
      (snapshot?.['params'] as { partitions?: number } | undefined)?.partitions ??
      options.partitions ??
      defaultPartitions(this.m, options.population);
    if (!Number.isInteger(partitions) || partitions < 1) throw new RangeError(`partitions must be an integer >= 1, got ${partitions}`);
    // A user setting the lattice cannot hold (partitions: 100000 with 3 objectives) is a study error, not an out-of-memory abort.
    const tooMany = partitionsProblem(this.m, partitions);
    if (tooMany !== null) throw new StudyError('BAD_ALGORITHM', `algorithm.partitions: ${tooMany}`, { field: 'algorithm.partitions' });
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
    const chosen: number[] = [];
    const ranks: number[] = [];
    if (nf > 0) {
      const take = Math.min(nf, total);
      const F = objectiveMatrix(merged, feasible, m);
      const { fronts } = nonDominatedSort(F, nf, m, Math.max(1, take));
      for (const i of fronts[0]!) firstFront[feasible[i]!] = 1;
      this.norm.update(F, nf, fronts[0]!);
      // fronts until at least `take` are ranked (pymoo n_stop_if_ranked)
      let used = 0;
      let nFronts = 0;
      while (used < take) used += fronts[nFronts++]!.length;
      const I: number[] = [];
      const rankAt: number[] = [];
      for (let k = 0; k < nFronts; k++) {
        for (const i of fronts[k]!) {
          I.push(i);
          rankAt.push(k);
        }
      }
      // the rows of F for I (the same values objectiveMatrix would copy from the members)
      const sub = new Float64Array(I.length * m);
      for (let t = 0; t < I.length; t++) for (let k = 0, o = I[t]! * m; k < m; k++) sub[t * m + k] = F[o + k]!;
      const assoc = associateToNiches(sub, I.length, m, this.unitT, this.nDirs, this.norm.ideal, this.norm.nadir);
      const lastStart = I.length - fronts[nFronts - 1]!.length;
      if (I.length > take) {
        const nicheCount = new Int32Array(this.nDirs);
        for (let t = 0; t < lastStart; t++) nicheCount[assoc.niche[t]!]!++;
        for (let t = 0; t < lastStart; t++) {
          chosen.push(feasible[I[t]!]!);
          ranks.push(rankAt[t]!);
        }
        const S = niching(
          take - lastStart,
          nicheCount,
          assoc.niche.subarray(lastStart),
          assoc.distance.subarray(lastStart),
          this.rng,
        );
        for (const s of S) {
          chosen.push(feasible[I[lastStart + s]!]!);
          ranks.push(nFronts - 1);
        }
      } else {
        for (let t = 0; t < I.length; t++) {
          chosen.push(feasible[I[t]!]!);
          ranks.push(rankAt[t]!);
        }
      }
    }
    for (let t = 0; chosen.length < total && t < infeasible.length; t++) {
      chosen.push(infeasible[t]!);
      ranks.push(1 << 30);
    }
    const pop = chosen.map((i) => merged[i]!);
    this.setPopulation(pop, Int32Array.from(ranks), new Float64Array(pop.length));
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

export function createNsga3(problem: Problem, options: AlgorithmOptions, snapshot?: AlgorithmSnapshot): Nsga3 {
  return new Nsga3(problem, options, snapshot);
}
