/**
 * The optimizer's Pareto archive (src/optimize/pareto/paretoArchive.ts, where the data structure and its cost are
 * described)
 * with snapshot encoding, and the store of the least-infeasible designs.
 */
import type { Individual } from './types.js';
import { decodeIndividual, encodeIndividual, type EncodedIndividual } from './operators/codec.js';
import { ParetoArchive as CoreArchive } from '../src/optimize/pareto/paretoArchive.js';

export class ParetoArchive extends CoreArchive<Individual> {
  encode(): EncodedIndividual[] {
    return this.items().map(encodeIndividual);
  }

  static decode(m: number, data: unknown, capacity?: number): ParetoArchive {
    const a = new ParetoArchive(m, capacity);
    if (!Array.isArray(data)) throw new TypeError('snapshot: archive must be an array');
    a.restore(data.map(decodeIndividual));
    return a;
  }
}

/**
 * The `capacity` least-infeasible designs seen (lowest cv first, ties by evalIndex); failed
 * designs (cv = +Infinity) rank last. Feasible designs are not stored.
 */
export class LeastInfeasibleStore {
  private entries: Individual[] = [];

  constructor(readonly capacity: number) {}

  insert(ind: Individual): void {
    if (ind.cv <= 0) return;
    const e = this.entries;
    if (e.length >= this.capacity) {
      const last = e[e.length - 1]!;
      if (!(ind.cv < last.cv || (ind.cv === last.cv && ind.evalIndex < last.evalIndex))) return;
    }
    let lo = 0;
    let hi = e.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const x = e[mid]!;
      if (x.cv < ind.cv || (x.cv === ind.cv && x.evalIndex < ind.evalIndex)) lo = mid + 1;
      else hi = mid;
    }
    e.splice(lo, 0, ind);
    if (e.length > this.capacity) e.length = this.capacity;
  }

  best(count: number): Individual[] {
    return this.entries.slice(0, Math.max(0, count));
  }

  encode(): EncodedIndividual[] {
    return this.entries.map(encodeIndividual);
  }

  static decode(capacity: number, data: unknown): LeastInfeasibleStore {
    const s = new LeastInfeasibleStore(capacity);
    if (!Array.isArray(data)) throw new TypeError('snapshot: least-infeasible list must be an array');
    s.entries = data.map(decodeIndividual);
    return s;
  }
}
