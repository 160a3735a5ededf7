/**
 * Free-orbit cluster formations (Suncatcher-style, Agüera y Arcas et al., "Towards a future space-based,
 * highly scalable AI infrastructure system design", arXiv:2511.19468, 2025).
 *
 * Members sit at the S points of the hexagonal lattice a·(1, 0) + b·(½, √3/2) nearest the centre (exact integer
 * keys); member k flies the bounded HCW relative orbit (models/relativeMotion.ts) with coefficients
 * (c₁, c₂) = s·(a + b/2, b√3/2): in-plane x = c₁ cos θ + c₂ sin θ, y = 2(c₂ cos θ − c₁ sin θ), z = 0; circular adds
 * z = √3·x (Sabol et al. 2001). The radius σ₂·s·max|c/s| fixes s; neighbours are lattice pairs with N(Δ) = 1.
 * Validity: as relativeMotion.ts (cluster radius ≪ orbit radius); the linear HCW shape, not J2 short-period terms
 * or nonlinear distortion.
 * Derivation, evidence and costs: docs/constellations.md §"Cluster formations".
 */
import { maxOf, pushAll } from '../../base/arrays.js';
import {
  differentialElements,
  formationKeeping,
  hcwState,
  meanMotion_rad_s,
  type DifferentialElements,
  type RelativeOrbit,
} from '../../models/orbit/relativeMotion.js';
import { EARTH_RADIUS_m } from '../../base/constants.js';
import { CIRCULAR_ECCENTRICITY, SGP4_MIN_ECCENTRICITY } from './propagate.js';
import type { CircularElements, ClusterFormationKind, ShellGeometrySpec, Stats } from '../design/types.js';

const SQRT3 = Math.sqrt(3);
const TWO_PI = 2 * Math.PI;
/** Points of the orbit-mean quadrature (trapezoid on a periodic integrand: spectrally accurate). */
const MEAN_SAMPLES = 720;

/** The six lattice steps of squared norm 1. */
const UNIT_STEPS: readonly (readonly [number, number])[] = [
  [1, 0],
  [0, 1],
  [-1, 1],
  [-1, 0],
  [0, -1],
  [1, -1],
];

/** Hexagonal lattice point a·(1, 0) + b·(½, √3/2), integer coordinates. */
export interface LatticePoint {
  readonly a: number;
  readonly b: number;
}

const norm2 = (p: LatticePoint): number => p.a * p.a + p.a * p.b + p.b * p.b;
/** Upper half-plane [0, π) in angle (exact: y ∝ b). */
const upper = (p: LatticePoint): boolean => p.b > 0 || (p.b === 0 && p.a > 0);
/** Exact angle order of two non-zero lattice points: half-plane, then the integer cross product. */
function angleOrder(p: LatticePoint, q: LatticePoint): number {
  const hp = upper(p) ? 0 : 1,
    hq = upper(q) ? 0 : 1;
  if (hp !== hq) return hp - hq;
  return -((2 * p.a + p.b) * q.b - p.b * (2 * q.a + q.b));
}

/**
 * The `members` lattice points nearest the origin, in a fixed order (see header); any input order gives the same
 * result.
 */
export function selectLatticePoints(candidates: readonly LatticePoint[], members: number): LatticePoint[] {
  if (!(Number.isInteger(members) && members >= 1))
    throw new RangeError(`cluster members must be a whole number ≥ 1, got ${members}`);
  const byNorm = new Map<number, LatticePoint[]>();
  for (const p of candidates) {
    const k = norm2(p);
    const ring = byNorm.get(k);
    if (ring === undefined) byNorm.set(k, [p]);
    else if (!ring.some((q) => q.a === p.a && q.b === p.b)) ring.push(p);
  }
  const out: LatticePoint[] = [];
  for (const k of [...byNorm.keys()].sort((x, y) => x - y)) {
    const ring = byNorm.get(k)!.sort(angleOrder);
    const room = members - out.length;
    if (room <= 0) break;
    if (ring.length <= room) {
      pushAll(out, ring);
      continue;
    }
    // Partly filled ring: antipodal pairs in angle order, then one more if `room` is odd.
    const half = ring.filter(upper);
    for (let i = 0; i < Math.floor(room / 2); i++) out.push(half[i]!, { a: -half[i]!.a, b: -half[i]!.b });
    if (room % 2 === 1) out.push(half[Math.floor(room / 2)]!);
  }
  if (out.length < members) throw new RangeError(`only ${out.length} lattice candidates for ${members} members`);
  return out;
}

/** The `members` hexagonal-lattice points nearest the centre (deterministic, integer keys). */
export function hexLatticeMembers(members: number): LatticePoint[] {
  if (!(Number.isInteger(members) && members >= 1))
    throw new RangeError(`cluster members must be a whole number ≥ 1, got ${members}`);
  const rings = Math.ceil(Math.sqrt(members)) + 2;
  const pts: LatticePoint[] = [];
  for (let a = -rings; a <= rings; a++) for (let b = -rings; b <= rings; b++) pts.push({ a, b });
  return selectLatticePoints(pts, members);
}

/** The 3×2 map from the coefficient vector (c₁, c₂) to the relative position at θ = 0 (columns: ∂/∂c₁, ∂/∂c₂). */
function formationMap(kind: ClusterFormationKind): readonly [readonly number[], readonly number[]] {
  return kind === 'circular'
    ? [
        [1, 0, SQRT3],
        [0, 2, 0],
      ]
    : [
        [1, 0, 0],
        [0, 2, 0],
      ];
}

/** Singular values σ₁ ≤ σ₂ of the formation map and the orbit-mean stretch (1/2π)∮|M·û(ψ)|dψ. */
export function formationStretch(kind: ClusterFormationKind): { min: number; mean: number; max: number } {
  const [u, v] = formationMap(kind);
  const dot = (p: readonly number[], q: readonly number[]): number => p[0]! * q[0]! + p[1]! * q[1]! + p[2]! * q[2]!;
  const A = dot(u, u),
    B = dot(u, v),
    C = dot(v, v);
  const mid = (A + C) / 2,
    dev = Math.sqrt(((A - C) / 2) ** 2 + B * B);
  let sum = 0;
  for (let k = 0; k < MEAN_SAMPLES; k++) {
    const c = Math.cos((TWO_PI * k) / MEAN_SAMPLES),
      s = Math.sin((TWO_PI * k) / MEAN_SAMPLES);
    sum += Math.sqrt(A * c * c + 2 * B * c * s + C * s * s);
  }
  return { min: Math.sqrt(Math.max(0, mid - dev)), mean: sum / MEAN_SAMPLES, max: Math.sqrt(mid + dev) };
}

export interface ClusterFormation {
  readonly kind: ClusterFormationKind;
  readonly lattice: readonly LatticePoint[];
  /** Lattice spacing of the coefficient vectors [m]. */
  readonly spacing_m: number;
  /** Each member's HCW relative orbit. */
  readonly orbits: readonly RelativeOrbit[];
  /** Member index pairs i < j that are lattice neighbours. */
  readonly neighbours: readonly (readonly [number, number])[];
  /** Neighbour distance over an orbit: min, orbit-mean averaged over pairs, max [m]. */
  readonly neighbourDistance_m: Stats;
  /** Smallest distance between any two members over an orbit [m]. */
  readonly closestApproach_m: number;
}

/** Members' relative orbits for a cluster of `members` within `radius_m` (see header). */
export function clusterFormation(
  members: number,
  radius_m: number,
  kind: ClusterFormationKind = 'in-plane',
): ClusterFormation {
  const lattice = hexLatticeMembers(members);
  const stretch = formationStretch(kind);
  const far = Math.sqrt(maxOf(lattice.map(norm2)));
  if (members > 1 && !(radius_m > 0)) throw new RangeError(`cluster radius must be > 0, got ${radius_m}`);
  const spacing_m = members === 1 ? 0 : radius_m / (stretch.max * far);
  const orbits = lattice.map((p): RelativeOrbit => {
    const c1 = spacing_m * (p.a + p.b / 2),
      c2 = (spacing_m * SQRT3 * p.b) / 2;
    return {
      c1_m: c1,
      c2_m: c2,
      alongTrackOffset_m: 0,
      d1_m: kind === 'circular' ? SQRT3 * c1 : 0,
      d2_m: kind === 'circular' ? SQRT3 * c2 : 0,
    };
  });
  // Neighbours by exact integer lookup of the six unit steps (N(Δ) = 1): linear in the member count.
  const index = new Map(lattice.map((p, k) => [`${p.a},${p.b}`, k]));
  const neighbours: [number, number][] = [];
  lattice.forEach((p, i) => {
    for (const [da, db] of UNIT_STEPS) {
      const j = index.get(`${p.a + da},${p.b + db}`);
      if (j !== undefined && j > i) neighbours.push([i, j]);
    }
  });
  neighbours.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  // Every neighbour pair is one lattice step apart, so all share the stretch of one spacing.
  const neighbourDistance_m: Stats =
    neighbours.length === 0
      ? { min: 0, mean: 0, max: 0 }
      : { min: stretch.min * spacing_m, mean: stretch.mean * spacing_m, max: stretch.max * spacing_m };
  return {
    kind,
    lattice,
    spacing_m,
    orbits,
    neighbours,
    neighbourDistance_m,
    closestApproach_m: members === 1 ? 0 : stretch.min * spacing_m,
  };
}

/** The formation of a cluster shell. */
export function shellFormation(g: Readonly<ShellGeometrySpec>): ClusterFormation {
  return clusterFormation(g.satsPerPlane, g.clusterRadius_m, g.clusterFormation ?? 'in-plane');
}

/** Time-varying member offsets of one formation about a reference of mean motion n. */
export interface ClusterMotion {
  /** Writes member `slot`'s [radial, along-track, cross-track] offset [m] at t seconds after epoch into `out`. */
  offset(slot: number, t_s: number, out: Float64Array): Float64Array;
  /** Writes the rate of that offset in the reference's rotating frame [m/s] into `out`, in the same order. */
  rate(slot: number, t_s: number, out: Float64Array): Float64Array;
}

/** Offsets of the shell's members over time (θ = n·t from the epoch). */
export function clusterMotion(g: Readonly<ShellGeometrySpec>, f: ClusterFormation = shellFormation(g)): ClusterMotion {
  const n = meanMotion_rad_s(EARTH_RADIUS_m + g.altitude_m);
  const state = (slot: number, t_s: number) => {
    const o = f.orbits[slot];
    if (o === undefined) throw new RangeError(`cluster slot ${slot} out of range 0…${f.orbits.length - 1}`);
    return hcwState(o, n * t_s, n);
  };
  return {
    offset(slot, t_s, out) {
      const s = state(slot, t_s);
      out[0] = s.x_m;
      out[1] = s.y_m;
      out[2] = s.z_m;
      return out;
    },
    rate(slot, t_s, out) {
      const s = state(slot, t_s);
      out[0] = s.vx_m_s;
      out[1] = s.vy_m_s;
      out[2] = s.vz_m_s;
      return out;
    },
  };
}

/** Differential mean elements of member `slot` about the reference orbit `ref`. */
export function memberDifferentialElements(
  ref: Readonly<CircularElements>,
  f: ClusterFormation,
  slot: number,
): DifferentialElements {
  const o = f.orbits[slot];
  if (o === undefined) throw new RangeError(`cluster slot ${slot} out of range 0…${f.orbits.length - 1}`);
  return differentialElements({
    orbit: o,
    semiMajorAxis_m: EARTH_RADIUS_m + ref.altitude_m,
    inclination_rad: ref.inclination_rad,
    argumentOfLatitude_rad: ref.argumentOfLatitude_rad,
  });
}

/**
 * Mean elements of member `slot`: the reference plus its differential elements (equal semi-major axis). The
 * eccentricity vector is added to the reference's as SGP4 flies it (a circular reference propagates with
 * e = SGP4_MIN_ECCENTRICITY, ω = 0), so SGP4 reproduces the relative orbit rather than a 7 m offset.
 */
export function clusterMemberElements(
  ref: Readonly<CircularElements>,
  f: ClusterFormation,
  slot: number,
): CircularElements {
  const d = memberDifferentialElements(ref, f, slot);
  const e0 = Math.max(ref.eccentricity ?? CIRCULAR_ECCENTRICITY, SGP4_MIN_ECCENTRICITY),
    w0 = ref.argumentOfPerigee_rad ?? 0;
  const ex = e0 * Math.cos(w0) + d.deltaEx,
    ey = e0 * Math.sin(w0) + d.deltaEy;
  return {
    altitude_m: ref.altitude_m,
    inclination_rad: ref.inclination_rad + d.deltaInclination_rad,
    raan_rad: wrap(ref.raan_rad + d.deltaRaan_rad),
    argumentOfLatitude_rad: wrap(ref.argumentOfLatitude_rad + d.deltaArgumentOfLatitude_rad),
    eccentricity: Math.hypot(ex, ey),
    argumentOfPerigee_rad: wrap(Math.atan2(ey, ex)),
  };
}

const wrap = (x: number): number => ((x % TWO_PI) + TWO_PI) % TWO_PI;

/** Formation keeping of a cluster shell: the largest member Δv (every node carries the same budget). */
export interface ClusterKeeping {
  readonly deltaV_m_s_per_yr: number;
  /** Largest semi-major-axis bias that cancels a member's along-track J2 drift [m]. */
  readonly maxSemiMajorAxisBias_m: number;
}

/**
 * Differential-J2 keeping of every member of the shell's formation. The inclination difference is taken at
 * the member's full cross-track amplitude (the worst reference phase: which members carry δi rather than δΩ
 * depends on each cluster's argument of latitude at epoch).
 */
export function clusterKeeping(
  g: Readonly<ShellGeometrySpec>,
  f: ClusterFormation = shellFormation(g),
): ClusterKeeping {
  const a = EARTH_RADIUS_m + g.altitude_m;
  let dv = 0,
    bias = 0;
  for (const o of f.orbits) {
    const elements: DifferentialElements = {
      deltaEx: -o.c1_m / a,
      deltaEy: -o.c2_m / a,
      deltaInclination_rad: Math.hypot(o.d1_m, o.d2_m) / a,
      deltaRaan_rad: 0,
      deltaArgumentOfLatitude_rad: 0,
    };
    const r = formationKeeping({ semiMajorAxis_m: a, inclination_rad: g.inclination_rad, elements });
    dv = Math.max(dv, r.deltaV_m_s_per_yr);
    bias = Math.max(bias, Math.abs(r.semiMajorAxisBias_m));
  }
  return { deltaV_m_s_per_yr: dv, maxSemiMajorAxisBias_m: bias };
}
