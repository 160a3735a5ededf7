/**
 * The algorithm registry: the one list of the algorithms a study may name. Each algorithm's folder exports its entry
 * (name, summary, its study settings as zod fields, what it needs of a problem, factory); adding an algorithm is its
 * folder and one line here. The study schema (src/study/algorithmSettings.ts), the run and the reports derive names,
 * settings, descriptions and checks from this list. `createAlgorithm` restores
 * from a snapshot when one is given (the snapshot's stored operator settings take precedence over `options`).
 */
import type { Problem } from '../src/optimize/types.js';
import type { Algorithm, AlgorithmEntry, AlgorithmSnapshot } from './types.js';
import { nsga2 } from './nsga2/nsga2.js';
import { nsga3 } from './nsga3/nsga3.js';
import { parego } from './parego/parego.js';
import { smsego } from './smsego/smsego.js';

// `never` options: each entry is checked against its own options type where it is declared
export const ALGORITHMS = [nsga2, nsga3, parego, smsego] as const satisfies readonly AlgorithmEntry<never>[];
export type AlgorithmName = (typeof ALGORITHMS)[number]['name'];

type Intersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;
/** The study settings a registry's algorithms declare, merged (every entry's `settings()` fields together). */
export type SettingFieldsOf<R extends readonly unknown[]> = Intersection<
  R[number] extends infer E ? (E extends { readonly settings: () => infer S } ? S : Record<never, never>) : never
>;

/** What a run passes to whichever algorithm its study names: every registered algorithm's options together. */
export type AlgorithmOptions = Intersection<Parameters<(typeof ALGORITHMS)[number]['create']>[1]>;

/** The registered names, in registry order (the first is the default). */
export const ALGORITHM_NAMES = ALGORITHMS.map((a) => a.name) as unknown as readonly [AlgorithmName, ...AlgorithmName[]];

/** The registry's entry of `name`, or undefined. */
export const algorithmEntry = (name: string): AlgorithmEntry<AlgorithmOptions> | undefined =>
  ALGORITHMS.find((a) => a.name === name);

export function createAlgorithm(
  name: string,
  problem: Problem,
  options: AlgorithmOptions,
  snapshot?: AlgorithmSnapshot,
): Algorithm {
  const entry = algorithmEntry(name);
  if (entry === undefined) throw new RangeError(`unknown algorithm '${name}'; valid: ${ALGORITHM_NAMES.join(', ')}`);
  if (snapshot !== undefined && snapshot.algorithm !== name) {
    throw new RangeError(`snapshot is for algorithm '${snapshot.algorithm}', not '${name}'`);
  }
  return entry.create(problem, options, snapshot);
}

export { ParetoArchive } from './archive.js';
export { DEFAULT_SURROGATE_BATCH } from './surrogate/surrogateSearch.js';
