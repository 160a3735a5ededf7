/**
 * SMS-EGO (Ponweiser, Wagner, Biermann & Vincze, PPSN X, 2008): S-metric-selection efficient global optimization, a
 * surrogate-assisted multi-objective search for expensive evaluations that models every objective (not one random
 * scalarization per proposal, as ParEGO does), so its proposals aim at the whole front in 3 objectives.
 * Method: a maximin Latin hypercube start of min(11 d − 1, ⌊budget / 3⌋) designs (at least 3); then per batch of
 * `batch` designs (default 4) one GP per objective and per constraint (models.ts), and per design the SMS-EGO
 * criterion (criterion.ts) maximized by an evolutionary search (solvers/surrogate/criterionSearch.ts), the batch's
 * earlier designs entering at their predicted means ("kriging believer", Ginsbourger, Le Riche & Carraro 2010).
 * Options: trustRegion (default 'auto': on without constraints; trustRegion.ts, TuRBO / MORBO).
 * Warm-start evaluations of an earlier run are model data (and front) only.
 * Everything random comes from the seeded Rng; the state (evaluations, hyperparameters, trust region, Rng) is in the
 * snapshot, so a resumed run proposes what the uninterrupted one would.
 * Details of a batch: docs/algorithms.md §"SMS-EGO loop"; evidence and costs: §"SMS-EGO".
 */
import type { Problem } from '../../src/optimize/types.js';
import { nonDominatedIndices, toMatrix } from '../../src/optimize/pareto/dominance.js';
import { hypervolume } from '../../src/optimize/indicators/hypervolume.js';
import * as z from 'zod';
import { lazy } from '../../src/base/lazy.js';
import type { AlgorithmEntry, AlgorithmSnapshot, Individual, SettingOptions } from '../types.js';
import { KIND_REAL } from '../operators/layout.js';
import { DuplicateFilter } from '../operators/duplicates.js';
import { constantTargets, GaussianProcess, type GpHyperparameters } from '../gp/gp.js';
import { decodeHyper, encodeHyper } from '../gp/hyperparameterCodec.js';
import { SurrogateSearch, surrogateSettings, type SurrogateOptions } from '../surrogate/surrogateSearch.js';
import { compileEncoding, encode, encodeAll, type SurrogateEncoding } from './encoding.js';
import { additiveEpsilon, constrainedValue, lcbGain, REFERENCE, smsValue } from './criterion.js';
import {
  fitOutput,
  frontDistanceKey,
  logProbabilityOfFeasibility,
  logProbabilityOfFeasibilityMany,
  refitsAt,
  trainingSets,
} from './models.js';
import { maximizeCriterion, type Scorer, type SearchOptions } from '../surrogate/criterionSearch.js';
import {
  bestByChebyshev,
  failureStreak,
  halfWidths,
  improved,
  initialLength,
  INITIAL_TRUST,
  regionStartSize,
  TRUST,
  TrustBoxes,
  trustRegionOn,
  updateTrust,
  type TrustState,
} from './trustRegion.js';

/** What one batch's proposals need: the GPs, the normalized front and its normalization. */
interface BatchModel {
  readonly objectives: { gp: GaussianProcess; hyper: GpHyperparameters }[];
  readonly constraints: GaussianProcess[];
  front: Float64Array[];
  readonly ideal: Float64Array;
  readonly span: Float64Array;
  readonly seeds: Float64Array[];
}

/**
 * SMS-EGO's study settings: the surrogate search's and the trust region's switch. trustRegion: maximize the infill
 * criterion inside an adaptive trust region around the front designs (trustRegion.ts); 'auto' (the default) is on for a
 * problem without constraints, off with constraints, where a global search finds the feasible regions (the rule and
 * why: trustRegion.ts, docs/algorithms.md).
 */
export const smsegoSettings = lazy(() => ({
  ...surrogateSettings(),
  trustRegion: z
    .union([z.literal('auto'), z.boolean()])
    .exactOptional()
    .describe(
      'smsego: maximize the infill criterion inside an adaptive trust region around the front designs. auto (default): on for a problem without constraints, off with constraints (docs/algorithms.md).',
    ),
}));

/** SMS-EGO's options: every algorithm's and its settings. */
export type SmsEgoOptions = SurrogateOptions & SettingOptions<ReturnType<typeof smsegoSettings>>;

export class SmsEgo extends SurrogateSearch {
  readonly name = 'smsego';
  private readonly enc: SurrogateEncoding;
  private readonly gain: number;
  private objectiveHyper: (GpHyperparameters | null)[] = [];
  private constraintHyper: (GpHyperparameters | null)[] = [];
  /** Whether the infill search keeps to the adaptive trust region (options.trustRegion; trustRegion.ts). */
  private trustRegion: boolean;
  private trust: TrustState = INITIAL_TRUST;
  /** Evaluations of this run when the trust region was last updated (−1: not yet). */
  private trustSeen = -1;

  constructor(problem: Problem, options: SmsEgoOptions, snapshot?: AlgorithmSnapshot) {
    super(problem, options);
    this.trustRegion = trustRegionOn(options.trustRegion, problem.constraints.length);
    this.enc = compileEncoding(this.layout);
    this.gain = lcbGain(this.m);
    if (this.trustRegion) {
      const start = regionStartSize(this.layout.n, this.params.initialSize);
      this.params = { ...this.params, initialSize: start };
      this.trust = { ...INITIAL_TRUST, length: initialLength(options.evaluations, this.realCount()) };
    }
    if (snapshot !== undefined) this.restore(snapshot);
  }

  /** Evaluations left in the budget; without one (the library API), 100 sizes the criterion's ε. */
  protected override left(): number {
    return this.params.evaluations === undefined ? 100 : this.params.evaluations - this.evaluations;
  }

  /** The GPs and the normalized front of this batch; null when fewer than 3 designs have objective values. */
  private batchModel(designs: readonly Individual[]): BatchModel | null {
    const { m } = this;
    const ok = designs.filter((d) => d.f.length === m && d.f.every(Number.isFinite));
    if (ok.length < 3) return null;
    const feasible = ok.filter((d) => d.cv === 0);
    const pool = feasible.length > 0 ? feasible : ok;
    const nd = Array.from(
      nonDominatedIndices(
        toMatrix(
          pool.map((d) => d.f),
          m,
        ),
        pool.length,
        m,
      ),
      (i) => pool[i]!,
    );
    const ideal = new Float64Array(m).fill(Infinity);
    const nadir = new Float64Array(m).fill(-Infinity);
    for (const d of nd)
      for (let j = 0; j < m; j++) [ideal[j], nadir[j]] = [Math.min(ideal[j]!, d.f[j]!), Math.max(nadir[j]!, d.f[j]!)];
    const span = nadir.map((v, j) => (v > ideal[j]! ? v - ideal[j]! : 1));
    const normalize = (f: Float64Array): Float64Array => f.map((v, j) => (v - ideal[j]!) / span[j]!);
    const frontNorm = nd.map((d) => normalize(d.f));
    const sets = trainingSets(frontDistanceKey(ok, frontNorm, ideal, span));
    const X = encodeAll(
      this.layout,
      this.enc,
      ok.map((d) => d.x),
    );
    const refit = refitsAt(this.generation);
    const objectives = [];
    for (let j = 0; j < m; j++) {
      const y = Float64Array.from(ok, (d) => d.f[j]!);
      const out = fitOutput(X, y, this.enc.d, sets, this.rng, this.objectiveHyper[j] ?? null, refit);
      this.objectiveHyper[j] = out.hyper;
      objectives.push(out);
    }
    const constraints: GaussianProcess[] = [];
    for (let i = 0; i < this.problem.constraints.length; i++) {
      const rowsOk = ok.map((d, k) => (Number.isFinite(d.g[i]) ? k : -1)).filter((k) => k >= 0);
      if (rowsOk.length < 3) continue;
      const g = Float64Array.from(ok, (d) => (Number.isFinite(d.g[i]) ? d.g[i]! : 0));
      if (constantTargets(g, rowsOk)) continue; // no information; see constantTargets
      const keep = new Set(rowsOk);
      const sub = { fit: sets.fit.filter((k) => keep.has(k)), condition: sets.condition.filter((k) => keep.has(k)) };
      if (sub.fit.length < 3) continue;
      const out = fitOutput(X, g, this.enc.d, sub, this.rng, this.constraintHyper[i] ?? null, refit);
      this.constraintHyper[i] = out.hyper;
      constraints.push(out.gp);
    }
    const seeds =
      this.trustRegion && feasible.length > 0
        ? bestByChebyshev(frontNorm, TRUST.centres).map((i) => nd[i]!.x)
        : spread(
            (feasible.length > 0 ? nd : ok.slice().sort((a, b) => a.cv - b.cv)).map((d) => d.x),
            12,
          );
    return { objectives, constraints, front: feasible.length > 0 ? frontNorm : [], ideal, span, seeds };
  }

  /** q designs: the SMS-EGO criterion maximized, kriging believer within the batch. */
  protected propose(q: number): Float64Array[] {
    const designs = this.prior.concat(this.data);
    if (this.trustRegion) this.updateTrust(designs);
    const taken = new DuplicateFilter();
    for (const d of designs) taken.add(d.x);
    const model = this.batchModel(designs);
    const search = model === null || !this.trustRegion ? {} : this.searchOptions(model);
    const proposals: Float64Array[] = [];
    for (let b = 0; b < q; b++) {
      let x: Float64Array | null = null;
      if (model !== null) {
        const score = this.scorer(model, this.left() - b);
        x = maximizeCriterion(this.layout, score, model.seeds, taken, this.rng, search);
      }
      x = this.unseen(x, taken);
      proposals.push(x);
      if (model !== null && b + 1 < q) this.believe(model, x);
    }
    return proposals;
  }

  /** The trust region updated from the last batch: success when it raised the feasible front's hypervolume. */
  private updateTrust(designs: readonly Individual[]): void {
    const n = this.data.length;
    const seen = this.trustSeen;
    const after = feasibleFront(designs, this.m);
    if (after.length === 0) return; // no feasible design yet: the region is not used, batches do not count
    this.trustSeen = n;
    if (seen < 0 || n === seen) return;
    const before = feasibleFront(this.prior.concat(this.data.slice(0, seen)), this.m);
    const hv = frontHypervolumes(before, after, this.m);
    const tolerance = failureStreak(this.realCount(), this.params.batch);
    this.trust = updateTrust(this.trust, improved(hv.before, hv.after), tolerance);
  }

  /** How many of the variables are real (the ones the region restricts). */
  private realCount(): number {
    return this.layout.kind.reduce((c, k) => c + (k === KIND_REAL ? 1 : 0), 0);
  }

  /** The infill search inside the trust region once a feasible front is known (see trustRegion.ts). */
  private searchOptions(model: BatchModel): SearchOptions {
    if (model.front.length === 0 || !this.layout.kind.includes(KIND_REAL)) return {};
    const scales = this.objectiveHyper
      .filter((h) => h !== null)
      .map((h) => Float64Array.from(this.enc.offset, (o) => h.lengthScales[o]!));
    const half = halfWidths(this.layout, scales, this.trust.length);
    return { region: new TrustBoxes(this.layout, model.seeds, half) };
  }

  /** The criterion of one proposal (see criterion.ts), for a block of designs: each GP predicts the block at once. */
  private scorer(model: BatchModel, left: number): Scorer {
    const { m } = this;
    const d = this.enc.d;
    const known = model.front.length > 0;
    const ctx = { front: model.front, m, gain: this.gain, epsilon: additiveEpsilon(model.front, m, left) };
    return (xs) => {
      const count = xs.length;
      const U = new Float64Array(count * d);
      xs.forEach((x, p) => encode(this.layout, this.enc, x, U, p * d));
      const mean = new Float64Array(count);
      const variance = new Float64Array(count);
      const lcb = new Float64Array(count * m);
      for (let j = 0; j < m; j++) {
        model.objectives[j]!.gp.predictMany(U, count, mean, variance);
        for (let p = 0; p < count; p++)
          lcb[p * m + j] = (mean[p]! - this.gain * Math.sqrt(variance[p]!) - model.ideal[j]!) / model.span[j]!;
      }
      const logPof = new Float64Array(count);
      logProbabilityOfFeasibilityMany(model.constraints, U, count, logPof);
      return xs.map((x, p) => {
        const l = lcb.subarray(p * m, (p + 1) * m);
        let sum = 0;
        for (let j = 0; j < m; j++) sum += l[j]!;
        const value = known ? smsValue(l, ctx) : 0;
        return { x, value: constrainedValue(value, logPof[p]!, known), tie: sum };
      });
    };
  }

  /** Kriging believer: x joins each objective GP at its predicted mean, and the front there when likely feasible. */
  private believe(model: BatchModel, x: Float64Array): void {
    const d = this.enc.d;
    const u = new Float64Array(d);
    encode(this.layout, this.enc, x, u);
    const f = new Float64Array(this.m);
    model.objectives.forEach((o, j) => {
      const mean = o.gp.predict(u).mean;
      f[j] = (mean - model.ideal[j]!) / model.span[j]!;
      o.gp = o.gp.extend(u, Float64Array.of(mean));
    });
    if (model.front.length > 0 && logProbabilityOfFeasibility(model.constraints, u) > Math.log(0.5)) {
      const all = model.front.concat([f]);
      model.front = Array.from(nonDominatedIndices(toMatrix(all, this.m), all.length, this.m), (i) => all[i]!);
    }
  }

  protected modelState(): Record<string, unknown> {
    return {
      objectiveHyper: this.objectiveHyper.map(encodeHyper),
      constraintHyper: this.constraintHyper.map(encodeHyper),
      trust: this.trustRegion ? { ...this.trust, seen: this.trustSeen } : null,
    };
  }

  protected restoreModel(s: AlgorithmSnapshot): void {
    this.objectiveHyper = ((s['objectiveHyper'] ?? []) as unknown[]).map(decodeHyper);
    this.constraintHyper = ((s['constraintHyper'] ?? []) as unknown[]).map(decodeHyper);
    const t = s['trust'] as (TrustState & { seen: number }) | null | undefined;
    this.trustRegion = t !== undefined && t !== null;
    if (t !== undefined && t !== null) {
      this.trust = { length: t.length, successes: t.successes, failures: t.failures, restarts: t.restarts };
      this.trustSeen = t.seen;
    }
  }
}

/** Objective vectors of the feasible non-dominated designs with finite objectives. */
function feasibleFront(designs: readonly Individual[], m: number): Float64Array[] {
  const pool = designs.filter((d) => d.cv === 0 && d.f.length === m && d.f.every(Number.isFinite)).map((d) => d.f);
  if (pool.length === 0) return [];
  return Array.from(nonDominatedIndices(toMatrix(pool, m), pool.length, m), (i) => pool[i]!);
}

/** Hypervolumes of two fronts on the second's normalization (ideal 0, nadir 1), reference REFERENCE per objective. */
function frontHypervolumes(
  before: Float64Array[],
  after: Float64Array[],
  m: number,
): { before: number; after: number } {
  const ideal = new Float64Array(m).fill(Infinity);
  const nadir = new Float64Array(m).fill(-Infinity);
  for (const f of after)
    for (let j = 0; j < m; j++) [ideal[j], nadir[j]] = [Math.min(ideal[j]!, f[j]!), Math.max(nadir[j]!, f[j]!)];
  const norm = (f: Float64Array): Float64Array =>
    f.map((v, j) => (v - ideal[j]!) / (nadir[j]! > ideal[j]! ? nadir[j]! - ideal[j]! : 1));
  const r = new Float64Array(m).fill(REFERENCE);
  return { before: hypervolume(before.map(norm), r), after: hypervolume(after.map(norm), r) };
}

/** At most k of xs, evenly spread over their order. */
function spread(xs: readonly Float64Array[], k: number): Float64Array[] {
  if (xs.length <= k) return xs.slice();
  return Array.from({ length: k }, (_, i) => xs[Math.floor((i * xs.length) / k)]!);
}

export const smsego = {
  name: 'smsego',
  summary: 'smsego (SMS-EGO, surrogate-assisted) for expensive evaluations, a budget of up to ~300',
  surrogate: true,
  settings: smsegoSettings,
  create: (problem, options, snapshot) => new SmsEgo(problem, options, snapshot),
} as const satisfies AlgorithmEntry<SmsEgoOptions>;
