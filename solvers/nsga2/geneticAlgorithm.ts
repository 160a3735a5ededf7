/**
 * Shared machinery of the pymoo-style genetic algorithms (NSGA-II, NSGA-III): ask/tell loop,
 * random initialization (after any warm-start designs, which fill the initial population first),
 * mating (tournament -> SBX -> PM -> duplicate elimination, repeated until the offspring batch is full,
 * at most 100 rounds as pymoo's `n_max_iterations`), the option niches of choices and small integers (niche
 * matings of rare options first, then after each survival every option kept at its quota; ../operators/optionNiches.ts,
 * docs/algorithms.md), bookkeeping of evaluations, the archive,
 * the least-infeasible list and bit-exact snapshots. Subclasses supply
 * the tournament comparison and the survival.
 *
 * Generation counting follows pymoo's n_gen: the initial population is generation 1, each tell()
 * completes one generation.
 */
import { constraintViolation, type Evaluation, type Problem } from '../../src/optimize/types.js';
import type { Rng } from '../../src/base/rng.js';
import type { AlgorithmSnapshot, BaseAlgorithmOptions, Individual } from '../types.js';
import { AlgorithmBase } from '../algorithmBase.js';
import { randomDesign } from '../operators/layout.js';
import { sbxCrossover, type SbxParams } from '../operators/sbx.js';
import { defaultMutationProbability, polynomialMutation, type MutationParams } from '../operators/mutation.js';
import { DuplicateFilter } from '../operators/duplicates.js';
import { randomPermutation, tournamentSelection, type TournamentPopulation } from '../operators/selection.js';
import { optionQuota, optionReplacements, optionVariables, rareOptionCarriers } from '../operators/optionNiches.js';
import { decodeFloat64, decodeIndividual, encodeArray, encodeIndividual } from '../operators/codec.js';

/** The options of the genetic algorithms (nsga2; nsga3 adds its own): the operators' settings, pymoo's defaults. */
export interface GaOptions extends BaseAlgorithmOptions {
  readonly population: number;
  readonly crossoverEta?: number;
  readonly mutationEta?: number;
  readonly crossoverProbability?: number;
  /**
   * Survivors each option of a choice (or small integer) variable keeps, and the niche matings of a rare option
   * (../operators/optionNiches.ts). Default max(1, ceil(0.02 population)); 0 turns the niches off (the plain pymoo
   * operators, for comparisons).
   */
  readonly optionQuota?: number;
}

/** GaOptions and NSGA-III's partitions, which the snapshot's params keep for a restore. */
type GaOptionsWithPartitions = GaOptions & { readonly partitions?: number };

/** Fully resolved operator settings (stored in snapshots so a restore continues identically). */
export interface GaParams {
  readonly population: number;
  readonly seed: number;
  readonly crossoverEta: number;
  readonly crossoverProbability: number;
  readonly crossoverProbVar: number;
  readonly crossoverProbBin: number;
  readonly mutationEta: number;
  readonly mutationProbability: number;
  readonly mutationProbVar: number;
  readonly partitions?: number;
  /** Bound on the Pareto archive (absent: unbounded), see src/optimize/pareto/paretoArchive.ts. */
  readonly archiveLimit?: number;
  /** Survivors each option of a choice (or small integer) keeps (../operators/optionNiches.ts); 0 or absent: none. */
  readonly optionQuota?: number;
}

const MAX_MATING_ROUNDS = 100;
const EMPTY = new Float64Array(0);
/** Rank recorded for a member kept by its option's niche rather than by the survival's fronts. */
const NICHE_RANK = 1 << 29;

export interface GaDefaults {
  readonly crossoverEta: number;
  readonly crossoverProbability: number;
}

export function resolveParams(problem: Problem, options: GaOptionsWithPartitions, defaults: GaDefaults): GaParams {
  if (!Number.isInteger(options.population) || options.population < 2) {
    throw new RangeError(`population must be an integer >= 2, got ${options.population}`);
  }
  if (!Number.isInteger(options.seed)) throw new RangeError(`seed must be an integer, got ${options.seed}`);
  if (options.optionQuota !== undefined && !(Number.isInteger(options.optionQuota) && options.optionQuota >= 0))
    throw new RangeError(`optionQuota must be an integer >= 0, got ${options.optionQuota}`);
  const base: GaParams = {
    population: options.population,
    seed: options.seed,
    crossoverEta: options.crossoverEta ?? defaults.crossoverEta,
    crossoverProbability: options.crossoverProbability ?? defaults.crossoverProbability,
    crossoverProbVar: 0.5,
    crossoverProbBin: 0.5,
    mutationEta: options.mutationEta ?? 20,
    mutationProbability: 0.9,
    mutationProbVar: defaultMutationProbability(problem.variables.length),
    optionQuota: options.optionQuota ?? optionQuota(options.population),
  };
  return {
    ...base,
    ...(options.partitions !== undefined ? { partitions: options.partitions } : {}),
    ...(options.archiveLimit !== undefined ? { archiveLimit: options.archiveLimit } : {}),
  };
}

/** Turns an evaluation into an Individual; non-finite or missing objectives count as a failure. */
export function makeIndividual(x: Float64Array, e: Evaluation, evalIndex: number, m: number): Individual {
  const empty = EMPTY;
  if (e.status === 'failed') return { x, f: empty, g: empty, cv: Infinity, failure: e.reason, evalIndex };
  if (e.f.length !== m)
    return { x, f: empty, g: empty, cv: Infinity, failure: `expected ${m} objectives, got ${e.f.length}`, evalIndex };
  for (let k = 0; k < m; k++) {
    if (!Number.isFinite(e.f[k]!))
      return { x, f: empty, g: empty, cv: Infinity, failure: `objective ${k} is ${e.f[k]}`, evalIndex };
  }
  return { x, f: e.f, g: e.g, cv: constraintViolation(e), evalIndex };
}

/** The least-infeasible designs a genetic algorithm keeps. */
const infeasibleKept = (p: GaParams): number => Math.max(256, 2 * p.population);

export abstract class GeneticAlgorithm extends AlgorithmBase implements TournamentPopulation {
  protected params: GaParams;
  protected pop: Individual[] = [];
  /** Tournament data of the current population. */
  cv: Float64Array = new Float64Array(0);
  crowding: Float64Array = new Float64Array(0);
  protected rank: Int32Array = new Int32Array(0);
  private sbxParams: SbxParams;
  private pmParams: MutationParams;
  /** Reused by every mating round (cleared after each, so it keeps no vector alive). */
  private readonly duplicates = new DuplicateFilter();
  /** Warm-start designs (options.initial): the head of the initial population. */
  private readonly warmDesigns: readonly Float64Array[];
  /** The warm-start designs were evaluated by an earlier run of this problem: they are the whole first batch. */
  private readonly inherited: boolean;
  /** The variables whose options keep survivors (../operators/optionNiches.ts). */
  private readonly optionVars: Int32Array;

  constructor(problem: Problem, options: GaOptionsWithPartitions, defaults: GaDefaults) {
    const params = resolveParams(problem, options, defaults);
    super(problem, params.seed, params.archiveLimit, infeasibleKept(params));
    this.params = params;
    this.sbxParams = {
      eta: this.params.crossoverEta,
      probVar: this.params.crossoverProbVar,
      probBin: this.params.crossoverProbBin,
    };
    this.pmParams = { eta: this.params.mutationEta, probVar: this.params.mutationProbVar };
    this.warmDesigns = options.initial?.designs ?? [];
    this.inherited = options.initial?.inherited !== undefined && this.warmDesigns.length > 0;
    this.optionVars = optionVariables(this.layout);
  }

  get size(): number {
    return this.pop.length;
  }

  objectives(i: number): Float64Array {
    return this.pop[i]!.f;
  }

  /** Tournament comparison: index of the winner of a against b (a plain function, not a method). */
  protected abstract readonly compare: (pop: TournamentPopulation, a: number, b: number, rng: Rng) => number;

  /**
   * Survival: choose nSurvive members of `merged`, set pop/cv/crowding/rank, and return a mask
   * over `merged` of the feasible members in the first non-dominated front.
   */
  protected abstract survive(merged: Individual[], nSurvive: number): Uint8Array;

  protected abstract encodeExtra(): Record<string, unknown>;
  protected abstract decodeExtra(extra: Record<string, unknown>): void;

  protected next(): Float64Array[] {
    return this.generation === 0 ? this.initialPopulation() : this.mate();
  }

  /**
   * Results of the last ask(), in order. The evaluations' f and g arrays are kept (not copied):
   * the caller must not modify them afterwards.
   */
  tell(evaluations: readonly Evaluation[]): void {
    const batch = this.takePending(evaluations);
    const off: Individual[] = new Array<Individual>(batch.length);
    for (let i = 0; i < batch.length; i++)
      off[i] = makeIndividual(batch[i]!, evaluations[i]!, this.evaluations + i, this.m);
    this.evaluations += batch.length;
    const first = this.generation === 0;
    const merged = first ? off : this.pop.concat(off);
    // an inherited first batch may hold more designs than the population: survival picks the population among them
    const nSurvive = first ? Math.min(off.length, this.params.population) : this.params.population;
    const front = this.survive(merged, nSurvive);
    this.keepOptions(merged);
    // Only offspring in the merged first front can be non-dominated w.r.t. the archive
    // (anything dominated by a member seen before is dominated by an archive entry).
    const start = merged.length - off.length;
    for (let i = start; i < merged.length; i++) if (front[i]) this.archiveStore.add(merged[i]!);
    for (const ind of off) this.infeasibleStore.insert(ind);
    this.generation++;
  }

  population(): readonly Individual[] {
    return this.pop;
  }

  /** Sets the current population and its tournament data. */
  protected setPopulation(pop: Individual[], rank: Int32Array, crowding: Float64Array): void {
    this.pop = pop;
    this.rank = rank;
    this.crowding = crowding;
    const cv = new Float64Array(pop.length);
    for (let i = 0; i < pop.length; i++) cv[i] = pop[i]!.cv;
    this.cv = cv;
  }

  /** Gives each option under its quota its best non-surviving carriers (../operators/optionNiches.ts). */
  private keepOptions(merged: readonly Individual[]): void {
    const quota = this.params.optionQuota ?? 0;
    const replacements = optionReplacements(this.layout, this.optionVars, quota, merged, this.pop, this.m);
    if (replacements.length === 0) return;
    const pop = this.pop.slice();
    const rank = this.rank.slice();
    const crowding = this.crowding.slice();
    for (const { position, individual } of replacements) {
      pop[position] = individual;
      rank[position] = NICHE_RANK;
      // a feasible representative wins NSGA-II's crowding ties, as a front's extreme does
      crowding[position] = individual.cv <= 0 ? Infinity : 0;
    }
    this.setPopulation(pop, rank, crowding);
  }

  private initialPopulation(): Float64Array[] {
    if (this.inherited) return this.warmDesigns.map((x) => Float64Array.from(x));
    const N = this.params.population;
    const filter = this.duplicates;
    const out: Float64Array[] = [];
    for (const x of this.warmDesigns) if (out.length < N && filter.add(x)) out.push(Float64Array.from(x));
    let tries = 0;
    while (out.length < N) {
      const x = randomDesign(this.layout, this.rng);
      tries++;
      if (filter.add(x) || tries > MAX_MATING_ROUNDS * N) out.push(x);
    }
    filter.clear();
    return out;
  }

  private mate(): Float64Array[] {
    const N = this.params.population;
    const filter = this.duplicates;
    for (const ind of this.pop) filter.add(ind.x);
    const out: Float64Array[] = [];
    const niche = this.nicheParents();
    for (let t = 0; t < niche.length; t += 2) this.breed(niche[t]!, niche[t + 1]!, out, true);
    for (let round = 0; out.length < N; round++) {
      const matings = Math.ceil((N - out.length) / 2);
      const parents = tournamentSelection(this, matings, this.compare, this.rng);
      for (let t = 0; t < matings && out.length < N; t++)
        this.breed(parents[2 * t]!, parents[2 * t + 1]!, out, round < MAX_MATING_ROUNDS);
    }
    filter.clear();
    return out;
  }

  /**
   * Niche matings (../operators/optionNiches.ts): for each rare option, in random order and at most population / 4 of
   * them, a carrier mated with another carrier (itself when it is the only one: its children are mutated copies).
   */
  private nicheParents(): number[] {
    const rare = rareOptionCarriers(this.layout, this.optionVars, this.params.optionQuota ?? 0, this.pop);
    if (rare.length === 0) return [];
    const order = randomPermutation(rare.length, this.rng);
    const pairs: number[] = [];
    for (let t = 0; t < Math.min(rare.length, Math.floor(this.params.population / 4)); t++) {
      const carriers = rare[order[t]!]!;
      const a = this.rng.int(carriers.length);
      const b = carriers.length === 1 ? a : (a + 1 + this.rng.int(carriers.length - 1)) % carriers.length;
      pairs.push(carriers[a]!, carriers[b]!);
    }
    return pairs;
  }

  /** Crossover and mutation of two members into two children, appended to `out` unless duplicates (dedupe) or full. */
  private breed(i1: number, i2: number, out: Float64Array[], dedupe: boolean): void {
    const n = this.layout.n;
    const p1 = this.pop[i1]!.x;
    const p2 = this.pop[i2]!.x;
    // the two children share one buffer: half the allocations (each costs a backing store and its
    // bookkeeping in the garbage collector), and at most one sibling's 8 n bytes kept alive in vain
    const pair = new ArrayBuffer(16 * n);
    const c1 = new Float64Array(pair, 0, n);
    const c2 = new Float64Array(pair, 8 * n, n);
    if (this.rng.next() < this.params.crossoverProbability) {
      sbxCrossover(this.layout, p1, p2, c1, c2, this.sbxParams, this.rng);
    } else {
      c1.set(p1);
      c2.set(p2);
    }
    if (this.rng.next() <= this.params.mutationProbability)
      polynomialMutation(this.layout, c1, this.pmParams, this.rng);
    if (this.rng.next() <= this.params.mutationProbability)
      polynomialMutation(this.layout, c2, this.pmParams, this.rng);
    const N = this.params.population;
    if (out.length < N && (this.duplicates.add(c1) || !dedupe)) out.push(c1);
    if (out.length < N && (this.duplicates.add(c2) || !dedupe)) out.push(c2);
  }

  snapshot(options?: { readonly archive?: boolean }): AlgorithmSnapshot {
    const own = {
      population: this.pop.map(encodeIndividual),
      rank: Array.from(this.rank),
      crowding: encodeArray(this.crowding),
    };
    return { ...this.snapshotWith(this.params, own, options, this.params.archiveLimit), extra: this.encodeExtra() };
  }

  /** Restores the state saved by snapshot(); called by the subclass constructors. */
  protected restore(s: AlgorithmSnapshot): void {
    this.checkSnapshot(s);
    const params = s['params'] as GaParams;
    this.params = { ...params };
    this.sbxParams = { eta: params.crossoverEta, probVar: params.crossoverProbVar, probBin: params.crossoverProbBin };
    this.pmParams = { eta: params.mutationEta, probVar: params.mutationProbVar };
    this.restoreCommon(s, params.archiveLimit, infeasibleKept(params));
    const pop = (s['population'] as unknown[]).map(decodeIndividual);
    this.setPopulation(pop, Int32Array.from(s['rank'] as number[]), decodeFloat64(s['crowding']));
    this.decodeExtra((s['extra'] ?? {}) as Record<string, unknown>);
  }
}
