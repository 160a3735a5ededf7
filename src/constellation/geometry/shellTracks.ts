/**
 * Plane tracks of a shell from one propagated reference orbit (the axial symmetry of SGP4).
 *
 * SGP4's near-Earth model (Vallado, Crawford, Hujsak & Kelso, AIAA 2006-6753; Hoots & Roehrich, Spacetrack Report #3,
 * 1980) has a zonal Earth, so a plane whose RAAN and argument of latitude differ by δΩ and δu at epoch is the reference
 * rotated and time-shifted: r_p(t) = R_z(δΩ − Ω̇·Δt) · r_ref(t + Δt), Δt = δu / (ω̇ + Ṁ). The reference is sampled
 * every REFERENCE_STEP_s and interpolated by cubic Hermite (position, velocity) and four-point Lagrange (normal);
 * it agrees with SGP4 run plane by plane to ≤ 0.17 m (test/constellation/geometry/shellTracks.test.ts).
 * Validity: circular LEO (as propagate.ts), any window; BSTAR = 0.
 * Derivation, evidence and costs: docs/constellations.md §"Plane tracks from one reference orbit".
 */
import { M_PER_KM, S_PER_MIN } from '../../base/convert.js';
import type { CircularElements, SamplingWindow } from '../design/types.js';
import { wrapAngle_rad } from './pattern.js';
import { circularFamily, circularState, windowTimes_s, type PlaneTrack } from './propagate.js';

const TWO_PI = 2 * Math.PI;
/** Spacing of the reference orbit's SGP4 samples [s] (Hermite error ~0.03 m at 300 km, docs/constellations.md). */
export const REFERENCE_STEP_s = 30;

/**
 * The reference orbit (Ω = 0, u = 0 at epoch) of one altitude and inclination, sampled at
 * t_k = (k − 1)·REFERENCE_STEP_s over the window plus one period (one sample before the epoch, so that four-point
 * interpolation has a sample on each side from t = 0). A sample is propagated when first read (`ensure`): the lean
 * evaluation's tracks read about half of them (the planes' time shifts at the network's instants). Each sample is one
 * SGP4 call at its own time, the same number in any order (the trimmed evaluator's state depends on the time alone);
 * where SGP4 runs through satellite.js (no trimmed evaluator: its deep-space integrator depends on the order of the
 * times), every sample is propagated at once, in order.
 */
export class ReferenceOrbit {
  /** TEME position [m], velocity [m/s] and unit orbit normal r × v / |r × v| at each t_k, xyz interleaved. */
  readonly r_m: Float64Array;
  readonly v_m_s: Float64Array;
  readonly normal: Float64Array;
  /** SGP4 secular RAAN rate Ω̇ and argument-of-latitude rate ω̇ + Ṁ [rad/s]. */
  readonly nodeRate_rad_s: number;
  readonly latitudeRate_rad_s: number;
  /** 1 where sample k is propagated. */
  private readonly ready: Uint8Array;
  private readonly state: (tsince_min: number, out: Float64Array) => void;
  /** TEME position [km] and velocity [km/s] of the sample being propagated. */
  private readonly pv = new Float64Array(6);

  constructor(
    readonly altitude_m: number,
    readonly inclination_rad: number,
    w: Readonly<SamplingWindow>,
  ) {
    const elements = { altitude_m, inclination_rad, raan_rad: 0, argumentOfLatitude_rad: 0 };
    const family = circularFamily(altitude_m, inclination_rad, w.epochIso);
    const satrec = family.template;
    this.latitudeRate_rad_s = (satrec.mdot + satrec.argpdot) / S_PER_MIN;
    this.nodeRate_rad_s = satrec.nodedot / S_PER_MIN;
    const span_s = w.duration_s + TWO_PI / this.latitudeRate_rad_s;
    const n = Math.ceil(span_s / REFERENCE_STEP_s) + 4;
    this.r_m = new Float64Array(3 * n);
    this.v_m_s = new Float64Array(3 * n);
    this.normal = new Float64Array(3 * n);
    this.ready = new Uint8Array(n);
    this.state = circularState(elements, w.epochIso);
    if (family.sgp4 === null) this.ensure(0, n - 1);
  }

  /** Propagates the samples lo … hi not yet propagated (indices clamped to the samples held). */
  ensure(lo: number, hi: number): void {
    const ready = this.ready;
    for (let k = Math.max(0, lo), last = Math.min(hi, ready.length - 1); k <= last; k++) {
      if (ready[k] === 0) {
        this.propagate(k);
        ready[k] = 1;
      }
    }
  }

  private propagate(k: number): void {
    const pv = this.pv;
    const t_s = (k - 1) * REFERENCE_STEP_s;
    this.state(t_s / S_PER_MIN, pv);
    const x = pv[0]!,
      y = pv[1]!,
      z = pv[2]!,
      vx = pv[3]!,
      vy = pv[4]!,
      vz = pv[5]!;
    const o = 3 * k,
      r_m = this.r_m,
      v_m_s = this.v_m_s,
      normal = this.normal;
    r_m[o] = x * M_PER_KM;
    r_m[o + 1] = y * M_PER_KM;
    r_m[o + 2] = z * M_PER_KM;
    v_m_s[o] = vx * M_PER_KM;
    v_m_s[o + 1] = vy * M_PER_KM;
    v_m_s[o + 2] = vz * M_PER_KM;
    const hx = y * vz - z * vy,
      hy = z * vx - x * vz,
      hz = x * vy - y * vx;
    const h = Math.sqrt(hx * hx + hy * hy + hz * hz);
    normal[o] = hx / h;
    normal[o + 1] = hy / h;
    normal[o + 2] = hz / h;
  }
}

/** The reference orbit of (altitude, inclination) over the window plus one period, its samples propagated when read. */
export function referenceOrbit(
  altitude_m: number,
  inclination_rad: number,
  w: Readonly<SamplingWindow>,
): ReferenceOrbit {
  return new ReferenceOrbit(altitude_m, inclination_rad, w);
}

/**
 * Position [m] (cubic Hermite on the samples' positions and velocities) and unit orbit normal (four-point Lagrange on
 * the samples' normals, renormalised) of the reference at time t ≥ 0 [s], into `r` and `h` at offset o.
 */
function interpolate(ref: ReferenceOrbit, t: number, r: Float64Array, h: Float64Array, o: number): void {
  const x = t / REFERENCE_STEP_s + 1;
  const k = Math.min(Math.floor(x), ref.r_m.length / 3 - 3);
  const s = x - k;
  ref.ensure(k - 1, k + 2);
  const s2 = s * s,
    s3 = s2 * s;
  const h00 = 2 * s3 - 3 * s2 + 1,
    h10 = (s3 - 2 * s2 + s) * REFERENCE_STEP_s,
    h01 = -2 * s3 + 3 * s2,
    h11 = (s3 - s2) * REFERENCE_STEP_s;
  const R = ref.r_m,
    V = ref.v_m_s,
    N = ref.normal;
  const a = 3 * k,
    b = a + 3;
  r[o] = h00 * R[a]! + h10 * V[a]! + h01 * R[b]! + h11 * V[b]!;
  r[o + 1] = h00 * R[a + 1]! + h10 * V[a + 1]! + h01 * R[b + 1]! + h11 * V[b + 1]!;
  r[o + 2] = h00 * R[a + 2]! + h10 * V[a + 2]! + h01 * R[b + 2]! + h11 * V[b + 2]!;
  // Lagrange weights of the samples k − 1, k, k + 1, k + 2 at s ∈ [0, 1).
  const lm = (-s * (s - 1) * (s - 2)) / 6,
    l0 = ((s + 1) * (s - 1) * (s - 2)) / 2,
    l1 = (-(s + 1) * s * (s - 2)) / 2,
    l2 = ((s + 1) * s * (s - 1)) / 6;
  const m = a - 3,
    c = b + 3;
  const nx = lm * N[m]! + l0 * N[a]! + l1 * N[b]! + l2 * N[c]!,
    ny = lm * N[m + 1]! + l0 * N[a + 1]! + l1 * N[b + 1]! + l2 * N[c + 1]!,
    nz = lm * N[m + 2]! + l0 * N[a + 2]! + l1 * N[b + 2]! + l2 * N[c + 2]!;
  const nn = Math.sqrt(nx * nx + ny * ny + nz * nz);
  h[o] = nx / nn;
  h[o + 1] = ny / nn;
  h[o + 2] = nz / nn;
}

/**
 * The track of a circular plane (the reference's altitude and inclination) over the window: the reference rotated
 * about z and shifted in time (see header). With `samples`, only those samples are computed (the others read NaN): a
 * reader that needs no more (the lean evaluation's network instants) is spared the rest; each one computed is the
 * same number either way.
 */
export function planeTrackFromReference(
  ref: ReferenceOrbit,
  e: Readonly<CircularElements>,
  w: Readonly<SamplingWindow>,
  gmst_rad: Float64Array,
  samples?: readonly number[],
): PlaneTrack {
  return planeTracksFromReference(ref, [e], w, gmst_rad, samples)[0]!;
}

/**
 * Blocks of memory for plane tracks, one per shell of an evaluation, kept across evaluations: `reset` before an
 * evaluation lays its shells' tracks, `next` for each shell (a block no other shell since the reset holds). The next
 * evaluation writes over them, so only tracks that nothing reads after their evaluation may live here (the lean
 * evaluation's: a fresh block of a shell's tracks is ~250 kB of newly mapped memory to fault in and fill, ~3 % of
 * the constellation study's CPU).
 */
export class TrackScratch {
  private readonly blocks: Float64Array[] = [];
  private used = 0;

  reset(): void {
    this.used = 0;
  }

  next(length: number): Float64Array {
    let block = this.blocks[this.used];
    if (block === undefined || block.length < length) this.blocks[this.used] = block = new Float64Array(length);
    this.used++;
    return block.subarray(0, length);
  }
}

/**
 * The tracks of several planes of the reference's altitude and inclination (planeTrackFromReference each), sharing
 * their sample times and one block of memory for their positions and normals (each track's arrays are views of it):
 * a fresh one, or the scratch's next.
 */
export function planeTracksFromReference(
  ref: ReferenceOrbit,
  planes: readonly Readonly<CircularElements>[],
  w: Readonly<SamplingWindow>,
  gmst_rad: Float64Array,
  samples?: readonly number[],
  scratch?: TrackScratch,
): PlaneTrack[] {
  const times_s = windowTimes_s(w);
  const n = times_s.length;
  // positions then normals, in one block (one allocation)
  const size = 3 * n * planes.length;
  const block = scratch === undefined ? new Float64Array(2 * size) : scratch.next(2 * size);
  // (a scratch block holds its last tracks: without samples every entry is written again)
  if (samples !== undefined) block.fill(NaN);
  const r_all = block.subarray(0, size),
    normal_all = block.subarray(size);
  return planes.map((e, q) => {
    if (e.altitude_m !== ref.altitude_m || e.inclination_rad !== ref.inclination_rad || e.eccentricity !== undefined)
      throw new RangeError('planeTrackFromReference: the plane is not a circular copy of the reference orbit');
    const du = wrapAngle_rad(e.argumentOfLatitude_rad);
    const dt = du / ref.latitudeRate_rad_s;
    const angle = e.raan_rad - ref.nodeRate_rad_s * dt;
    const c = Math.cos(angle),
      s = Math.sin(angle);
    const r_m = r_all.subarray(3 * n * q, 3 * n * (q + 1));
    const normal = normal_all.subarray(3 * n * q, 3 * n * (q + 1));
    const count = samples === undefined ? n : samples.length;
    for (let i = 0; i < count; i++) {
      const j = samples === undefined ? i : samples[i]!,
        o = 3 * j;
      interpolate(ref, times_s[j]! + dt, r_m, normal, o);
      rotateZ(r_m, o, c, s);
      rotateZ(normal, o, c, s);
    }
    return { elements: e, times_s, r_m, normal, gmst_rad };
  });
}

/** Rotates the vector at a[o..o+2] about z by the angle of cosine c and sine s, in place. */
function rotateZ(a: Float64Array, o: number, c: number, s: number): void {
  const x = a[o]!,
    y = a[o + 1]!;
  a[o] = c * x - s * y;
  a[o + 1] = s * x + c * y;
}
