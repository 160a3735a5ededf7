/**
 * Algorithm registry: name -> factory. `createAlgorithm` restores from a snapshot when one is given
 * (the snapshot's stored operator settings take precedence over `options`).
 */
import type { Problem } from '../src/optimize/types.js';
import type { Algorithm, AlgorithmFactory, AlgorithmOptions, AlgorithmSnapshot } from './types.js';
import { createNsga2 } from './nsga2/nsga2.js';
import { createNsga3 } from './nsga3/nsga3.js';
import { createParego } from './parego/parego.js';
import { createSmsEgo } from './smsego/smsego.js';

export const ALGORITHM_NAMES = ['nsga2', 'nsga3', 'parego', 'smsego'] as const;
export type AlgorithmName = (typeof ALGORITHM_NAMES)[number];

export const ALGORITHMS: Readonly<Record<AlgorithmName, AlgorithmFactory>> = {
  nsga2: createNsga2,
  nsga3: createNsga3,
  parego: createParego,
  smsego: createSmsEgo,
};

export function isAlgorithmName(name: string): name is AlgorithmName {
  return (ALGORITHM_NAMES as readonly string[]).includes(name);
}

/** The registered algorithm names. */
export function algorithmNames(): readonly AlgorithmName[] {
  return ALGORITHM_NAMES;
}

export function createAlgorithm(
  name: string,
  problem: Problem,
  options: AlgorithmOptions,
  snapshot?: AlgorithmSnapshot,
): Algorithm {
  if (!isAlgorithmName(name)) throw new RangeError(`unknown algorithm '${name}'; valid: ${ALGORITHM_NAMES.join(', ')}`);
  if (snapshot !== undefined && snapshot.algorithm !== name) {
    throw new RangeError(`snapshot is for algorithm '${snapshot.algorithm}', not '${name}'`);
  }
  return ALGORITHMS[name](problem, options, snapshot);
}

export * from './termination.js';
export { ParetoArchive } from './archive.js';
