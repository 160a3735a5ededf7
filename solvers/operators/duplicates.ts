/**
 * Duplicate elimination of decision vectors (pymoo `DefaultDuplicateElimination` with eps = 1e-16,
 * which for doubles is exact equality): a hash of the bit patterns (with -0 folded into +0) into a
 * Map of buckets, exact comparison inside a bucket.
 */
const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);

function hashVector(x: Float64Array): number {
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < x.length; i++) {
    f64[0] = x[i]! + 0; // -0 -> +0
    h = Math.imul(h ^ u32[0]!, 0x01000193);
    h = Math.imul(h ^ u32[1]!, 0x01000193);
  }
  return h;
}

function equal(a: Float64Array, b: Float64Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export class DuplicateFilter {
  private readonly buckets = new Map<number, Float64Array[]>();

  /** True when an equal vector was added before. */
  has(x: Float64Array): boolean {
    const b = this.buckets.get(hashVector(x));
    if (b === undefined) return false;
    for (const y of b) if (equal(x, y)) return true;
    return false;
  }

  /** Adds x; returns false (and adds nothing) when an equal vector is already present. */
  add(x: Float64Array): boolean {
    const h = hashVector(x);
    const b = this.buckets.get(h);
    if (b === undefined) {
      this.buckets.set(h, [x]);
      return true;
    }
    for (const y of b) if (equal(x, y)) return false;
    b.push(x);
    return true;
  }
}
