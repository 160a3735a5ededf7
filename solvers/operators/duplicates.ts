/**
 * Duplicate elimination of decision vectors (pymoo `DefaultDuplicateElimination` with eps = 1e-16,
 * which for doubles is exact equality): a hash of the bit patterns (with -0 folded into +0) into an
 * open-addressing table (linear probing) of vector indices, exact comparison on a hash match. The
 * table is typed arrays, cleared and reused between generations, so a mating round allocates
 * nothing per vector (a Map of bucket arrays allocated two objects per offspring).
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
  private vectors: Float64Array[] = [];
  private hashes = new Int32Array(64);
  /** 1 + index into `vectors`, 0 = empty; the length is a power of two at least twice the count. */
  private slots = new Int32Array(128);

  /** True when an equal vector was added before. */
  has(x: Float64Array): boolean {
    return this.slots[this.probe(x, hashVector(x))] !== 0;
  }

  /** The order in which an equal vector was added (0 for the first added), −1 when none was. */
  indexOf(x: Float64Array): number {
    return this.slots[this.probe(x, hashVector(x))]! - 1; // an empty slot holds 0
  }

  /** Adds x; returns false (and adds nothing) when an equal vector is already present. */
  add(x: Float64Array): boolean {
    const h = hashVector(x);
    const slot = this.probe(x, h);
    if (this.slots[slot] !== 0) return false;
    const i = this.vectors.length;
    this.vectors.push(x);
    if (i >= this.hashes.length) {
      const bigger = new Int32Array(2 * this.hashes.length);
      bigger.set(this.hashes);
      this.hashes = bigger;
    }
    this.hashes[i] = h;
    this.slots[slot] = i + 1;
    if (2 * (i + 1) > this.slots.length) this.rehash(2 * this.slots.length);
    return true;
  }

  /** Forgets every vector (keeps the table's capacity). */
  clear(): void {
    this.vectors.length = 0;
    this.slots.fill(0);
  }

  /** The slot of an equal vector when one is present, else the empty slot where x belongs. */
  private probe(x: Float64Array, h: number): number {
    const slots = this.slots;
    const mask = slots.length - 1;
    for (let s = (h ^ (h >>> 15)) & mask; ; s = (s + 1) & mask) {
      const e = slots[s]!;
      if (e === 0 || (this.hashes[e - 1] === h && equal(this.vectors[e - 1]!, x))) return s;
    }
  }

  private rehash(size: number): void {
    const slots = new Int32Array(size);
    const mask = size - 1;
    for (let i = 0; i < this.vectors.length; i++) {
      const h = this.hashes[i]!;
      let s = (h ^ (h >>> 15)) & mask;
      while (slots[s] !== 0) s = (s + 1) & mask;
      slots[s] = i + 1;
    }
    this.slots = slots;
  }
}
