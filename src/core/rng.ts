/**
 * The one seeded random source. xoroshiro128+ from pure-rand, wrapped so every operator receives an
 * `Rng` argument; src/ and solvers/ use no other random source.
 * `state()` / `rngFromState()` make a run resumable bit-for-bit.
 */
import { xoroshiro128plus, xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import type { JumpableRandomGenerator } from 'pure-rand/types/JumpableRandomGenerator';

export interface Rng {
  /** Uniform double in [0, 1) with 53 random bits. */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** Standard normal deviate (Box–Muller, no cached second value so the state stays a pure function of draws). */
  normal(): number;
  /** Independent copy with the same state. */
  clone(): Rng;
  /** Serializable state (four int32). */
  state(): number[];
}

const TWO_POW_53 = 9007199254740992;
/** Doubles drawn ahead at a time (see XoroRng). */
const BLOCK = 64;

/**
 * Draws are made BLOCK at a time into a buffer, so next() is a few bytecodes that V8 inlines into
 * every caller: a next() left as a call (the operators' inlining budgets run out) returns its double
 * boxed, one heap object per draw. The values and their order are those of drawing one at a time;
 * `state()` replays the consumed part of the block from the generator's state before it.
 */
class XoroRng implements Rng {
  private readonly buffer = new Float64Array(BLOCK);
  private used = BLOCK;
  /** The generator before the block in `buffer` (the generator itself is past it). */
  private beforeBlock: JumpableRandomGenerator;
  constructor(private readonly gen: JumpableRandomGenerator) {
    this.beforeBlock = gen;
  }
  next(): number {
    if (this.used === BLOCK) this.refill();
    return this.buffer[this.used++]!;
  }
  private refill(): void {
    this.beforeBlock = this.gen.clone() as JumpableRandomGenerator;
    for (let i = 0; i < BLOCK; i++) {
      const hi = (this.gen.next() >>> 0) >>> 5; // 27 bits
      const lo = (this.gen.next() >>> 0) >>> 6; // 26 bits
      this.buffer[i] = (hi * 67108864 + lo) / TWO_POW_53;
    }
    this.used = 0;
  }
  int(n: number): number {
    if (!(n >= 1)) throw new RangeError(`Rng.int needs n >= 1, got ${n}`);
    return Math.floor(this.next() * n);
  }
  normal(): number {
    const u1 = 1 - this.next(); // (0, 1]
    const u2 = this.next();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }
  clone(): Rng {
    return rngFromState(this.state());
  }
  state(): number[] {
    if (this.used === BLOCK) return [...this.gen.getState()];
    const g = this.beforeBlock.clone();
    for (let i = 0; i < 2 * this.used; i++) g.next();
    return [...g.getState()];
  }
}

/** A generator seeded from a 32-bit integer seed; the first draws are discarded to decorrelate small seeds. */
export function createRng(seed: number): Rng {
  if (!Number.isInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  const gen = xoroshiro128plus(seed | 0);
  for (let i = 0; i < 16; i++) gen.next();
  return new XoroRng(gen);
}

/** Rebuild a generator from `Rng.state()`. */
export function rngFromState(state: readonly number[]): Rng {
  return new XoroRng(xoroshiro128plusFromState(state));
}

