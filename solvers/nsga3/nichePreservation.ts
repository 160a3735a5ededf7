/**
 * NSGA-III niche-preservation (Deb & Jain 2014, Algorithm 4), as pymoo's `niching`: the last front is
 * filled niche by niche, always from the niches with the fewest members so far (random order among
 * them); an empty niche takes its closest point, a non-empty one a random point.
 */
import type { Rng } from '../../src/base/rng.js';
import { shuffledRange } from '../operators/selection.js';

/**
 * Chooses `nRemaining` members of the last front. `nicheCount` (length H) holds the members of the
 * already selected fronts per niche and is updated. Returns indices into the last front, in the order
 * chosen. The random draws are pymoo's: a permutation of the candidate niches per round, and a
 * permutation of a niche's unselected members per pick (drawn into reused buffers).
 */
export function niching(
  nRemaining: number,
  nicheCount: Int32Array,
  nicheOf: Int32Array,
  distOf: Float64Array,
  rng: Rng,
): Int32Array {
  const n = nicheOf.length;
  const H = nicheCount.length;
  // members of each niche (CSR, ascending index), and how many are still unselected
  const start = new Int32Array(H + 1);
  for (let i = 0; i < n; i++) start[nicheOf[i]! + 1]!++;
  let largest = 0;
  for (let h = 0; h < H; h++) {
    largest = Math.max(largest, start[h + 1]!);
    start[h + 1] = start[h + 1]! + start[h]!;
  }
  const fill = start.slice(0, H);
  const members = new Int32Array(n);
  for (let i = 0; i < n; i++) members[fill[nicheOf[i]!]!++] = i;
  const left = new Int32Array(H);
  for (let h = 0; h < H; h++) left[h] = start[h + 1]! - start[h]!;
  const selected = new Uint8Array(n);
  const survivors = new Int32Array(Math.max(0, nRemaining));
  let chosenCount = 0;
  const candidates = new Int32Array(H);
  const candidateOrder = new Int32Array(H);
  const pool = new Int32Array(largest);
  const poolOrder = new Int32Array(largest);
  while (chosenCount < nRemaining) {
    const nSelect = nRemaining - chosenCount;
    let minCount = Infinity;
    for (let h = 0; h < H; h++) if (left[h]! > 0 && nicheCount[h]! < minCount) minCount = nicheCount[h]!;
    let nc = 0;
    for (let h = 0; h < H; h++) if (left[h]! > 0 && nicheCount[h] === minCount) candidates[nc++] = h;
    shuffledRange(candidateOrder, nc, rng);
    const count = Math.min(nSelect, nc);
    for (let t = 0; t < count; t++) {
      const h = candidates[candidateOrder[t]!]!;
      let np = 0;
      for (let q = start[h]!; q < start[h + 1]!; q++) if (!selected[members[q]!]) pool[np++] = members[q]!;
      // shuffle (random tie-break), then the closest for an empty niche, the first otherwise
      shuffledRange(poolOrder, np, rng);
      let chosen = pool[poolOrder[0]!]!;
      if (nicheCount[h] === 0) {
        let best = Infinity;
        for (let s = 0; s < np; s++) {
          const i = pool[poolOrder[s]!]!;
          if (distOf[i]! < best) {
            best = distOf[i]!;
            chosen = i;
          }
        }
      }
      selected[chosen] = 1;
      left[h] = left[h]! - 1;
      survivors[chosenCount++] = chosen;
      nicheCount[h] = nicheCount[h]! + 1;
    }
  }
  return survivors;
}
