/**
 * Option niches: NSGA-II and NSGA-III survival and mating that do not lose a choice early (why, with the flagship
 * study's evidence: docs/algorithms.md, "Choices that stay alive").
 * Survival: every option of every option variable (a choice, or an integer with at most MAX_INT_OPTIONS values)
 * carried in the merged population keeps at least `quota` survivors (fewer when fewer carry it). An option under quota
 * takes its best non-surviving carriers (feasible by non-dominated rank among them, then crowding distance descending,
 * ties by position; then infeasible by increasing cv, failed points last), each replacing the last survivor of the
 * survival order whose own options all stay at quota without it.
 * Mating (../nsga2/geneticAlgorithm.ts): each rare option (1..quota carriers: rareOptionCarriers) gets one mating of
 * two of its carriers per generation, at most population / 4, before the tournaments fill the batch.
 * Per-option elitism in the spirit of niching (Deb & Goldberg, ICGA 1989; a reserved slot count instead of a shared
 * fitness). The survival step draws no random number; without option variables the pymoo operators run unchanged.
 */
import { crowdingDistance, nonDominatedSort } from '../../src/optimize/pareto/dominance.js';
import type { Individual } from '../types.js';
import { KIND_CHOICE, KIND_INT, type VariableLayout } from './layout.js';

/** An integer with at most this many values gets a niche per value (a shell count); wider ones are ordinal. */
export const MAX_INT_OPTIONS = 16;
/** Share of the population each option keeps, at least one member: quota = max(1, ceil(OPTION_SHARE x population)). */
export const OPTION_SHARE = 0.02;

/** The survivors an option keeps at the given population size. */
export function optionQuota(population: number): number {
  return Math.max(2, Math.ceil(OPTION_SHARE * population));
}

/** Indices of the variables whose options get niches: choices, and integers with 2..MAX_INT_OPTIONS values. */
export function optionVariables(layout: VariableLayout): Int32Array {
  const out: number[] = [];
  for (let i = 0; i < layout.n; i++) {
    const values = layout.upper[i]! - layout.lower[i]! + 1;
    if (values < 2) continue;
    if (layout.kind[i] === KIND_CHOICE || (layout.kind[i] === KIND_INT && values <= MAX_INT_OPTIONS)) out.push(i);
  }
  return Int32Array.from(out);
}

/** One replacement: the survivor at `position` gives way to `individual`. */
export interface OptionReplacement {
  readonly position: number;
  readonly individual: Individual;
}

/** Survivor counts per option of each option variable (index value - lower). */
function optionCounts(layout: VariableLayout, vars: Int32Array, pop: readonly Individual[]): Int32Array[] {
  const counts = Array.from(vars, (v) => new Int32Array(layout.upper[v]! - layout.lower[v]! + 1));
  for (const ind of pop)
    for (let k = 0; k < vars.length; k++) counts[k]![ind.x[vars[k]!]! - layout.lower[vars[k]!]!]!++;
  return counts;
}

/**
 * Carriers in representative order, its first `need` at least: feasible ones by non-dominated rank among themselves
 * then crowding distance (descending; ties by position in `carriers`), then infeasible ones by increasing cv.
 */
export function representativeOrder(carriers: readonly Individual[], m: number, need: number): Individual[] {
  const feasible = carriers.filter((c) => c.cv <= 0);
  const infeasible = carriers.filter((c) => c.cv > 0).sort((a, b) => (a.cv < b.cv ? -1 : a.cv > b.cv ? 1 : 0));
  const out: Individual[] = [];
  if (feasible.length > 0) {
    const F = new Float64Array(feasible.length * m);
    feasible.forEach((c, t) => F.set(c.f, t * m));
    const { fronts } = nonDominatedSort(F, feasible.length, m, Math.min(need, feasible.length));
    for (const front of fronts) {
      if (out.length >= need) break;
      const cd = crowdingDistance(F, m, front);
      const order = Array.from(front.keys()).sort((a, b) =>
        cd[a]! > cd[b]! ? -1 : cd[a]! < cd[b]! ? 1 : front[a]! - front[b]!,
      );
      for (const j of order) out.push(feasible[front[j]!]!);
    }
  }
  return out.concat(infeasible);
}

/** Whether removing `ind` keeps each of its options at or above the quota. */
function removable(ind: Individual, layout: VariableLayout, vars: Int32Array, counts: Int32Array[], quota: number) {
  for (let k = 0; k < vars.length; k++)
    if (counts[k]![ind.x[vars[k]!]! - layout.lower[vars[k]!]!]! <= quota) return false;
  return true;
}

function count(layout: VariableLayout, vars: Int32Array, counts: Int32Array[], ind: Individual, by: number): void {
  for (let k = 0; k < vars.length; k++) counts[k]![ind.x[vars[k]!]! - layout.lower[vars[k]!]!]! += by;
}

/**
 * The replacements that bring every option carried in `merged` to min(quota, its carriers) survivors. `pop` holds the
 * survivors in survival order (best first); `merged` the candidates they were chosen from.
 */
export function optionReplacements(
  layout: VariableLayout,
  vars: Int32Array,
  quota: number,
  merged: readonly Individual[],
  pop: readonly Individual[],
  m: number,
): OptionReplacement[] {
  if (vars.length === 0 || quota <= 0 || merged.length <= pop.length) return [];
  const counts = optionCounts(layout, vars, pop);
  const alive = new Set(pop);
  const current = pop.slice();
  const fixed = new Uint8Array(pop.length);
  const out: OptionReplacement[] = [];
  let tail = pop.length - 1;
  for (let k = 0; k < vars.length; k++) {
    const v = vars[k]!;
    for (let o = 0; o < counts[k]!.length; o++) {
      if (counts[k]![o]! >= quota) continue;
      const value = layout.lower[v]! + o;
      const carriers = merged.filter((c) => c.x[v] === value && !alive.has(c));
      for (const rep of representativeOrder(carriers, m, quota - counts[k]![o]!)) {
        if (counts[k]![o]! >= quota) break;
        while (tail >= 0 && (fixed[tail] === 1 || !removable(current[tail]!, layout, vars, counts, quota))) tail--;
        if (tail < 0) return out;
        count(layout, vars, counts, current[tail]!, -1);
        count(layout, vars, counts, rep, +1);
        alive.add(rep);
        current[tail] = rep;
        fixed[tail] = 1;
        out.push({ position: tail, individual: rep });
      }
    }
  }
  return out;
}

/**
 * Population indices of the carriers of each rare option: an option carried by 1..quota members, which the survival
 * keeps by its niche rather than on merit, and which the tournaments (feasibility first) rarely pick as a parent.
 */
export function rareOptionCarriers(
  layout: VariableLayout,
  vars: Int32Array,
  quota: number,
  pop: readonly Individual[],
): Int32Array[] {
  if (quota <= 0) return [];
  const counts = optionCounts(layout, vars, pop);
  const out: Int32Array[] = [];
  for (let k = 0; k < vars.length; k++) {
    const v = vars[k]!;
    for (let o = 0; o < counts[k]!.length; o++) {
      if (counts[k]![o]! === 0 || counts[k]![o]! > quota) continue;
      const value = layout.lower[v]! + o;
      const carriers: number[] = [];
      pop.forEach((ind, i) => {
        if (ind.x[v] === value) carriers.push(i);
      });
      out.push(Int32Array.from(carriers));
    }
  }
  return out;
}
