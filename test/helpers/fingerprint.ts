import { createHash } from 'node:crypto';
import type { Individual } from '../../solvers/types.js';

/** SHA-256 (hex) of x, f and evaluation index of every member, in order: a seeded run's identity. */
export function populationFingerprint(list: readonly Individual[]): string {
  const h = createHash('sha256');
  for (const ind of list) {
    h.update(Buffer.from(ind.x.buffer, ind.x.byteOffset, ind.x.byteLength));
    h.update(Buffer.from(ind.f.buffer, ind.f.byteOffset, ind.f.byteLength));
    h.update(String(ind.evalIndex));
  }
  return h.digest('hex');
}
