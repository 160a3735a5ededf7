/**
 * NSGA-II (Deb et al., IEEE TEVC 6(2), 2002) with pymoo 0.6.2 defaults: random initialization,
 * binary tournament by constrained domination then crowding distance, SBX (eta 15, mating
 * probability 0.9, per-variable 0.5, exchange 0.5), polynomial mutation (eta 20, individual
 * probability 0.9, per-variable min(0.5, 1/n)), duplicate elimination, rank-and-crowding survival.
 */
import type { Problem } from '../../src/optimize/types.js';
import type { AlgorithmEntry, AlgorithmSnapshot, Individual } from '../types.js';
import { nsga2Compare } from '../operators/selection.js';
import { GeneticAlgorithm, type GaOptions } from './geneticAlgorithm.js';
import { rankAndCrowdingSurvival } from './survival.js';

export const NSGA2_DEFAULTS = { crossoverEta: 15, crossoverProbability: 0.9 } as const;

export class Nsga2 extends GeneticAlgorithm {
  readonly name = 'nsga2';
  protected readonly compare = nsga2Compare;

  constructor(problem: Problem, options: GaOptions, snapshot?: AlgorithmSnapshot) {
    super(problem, options, NSGA2_DEFAULTS);
    if (snapshot !== undefined) this.restore(snapshot);
  }

  protected survive(merged: Individual[], nSurvive: number): Uint8Array {
    const r = rankAndCrowdingSurvival(merged, nSurvive, this.m, this.rng);
    const pop: Individual[] = new Array<Individual>(r.survivors.length);
    for (let i = 0; i < pop.length; i++) pop[i] = merged[r.survivors[i]!]!;
    this.setPopulation(pop, r.rank, r.crowding);
    return r.firstFront;
  }

  protected encodeExtra(): Record<string, unknown> {
    return {};
  }

  protected decodeExtra(): void {}
}

export const nsga2 = {
  name: 'nsga2',
  summary: 'nsga2 (NSGA-II), the usual choice for one or two objectives',
  surrogate: false,
  create: (problem, options, snapshot) => new Nsga2(problem, options, snapshot),
} as const satisfies AlgorithmEntry<GaOptions>;
