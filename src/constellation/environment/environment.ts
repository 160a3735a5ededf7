/**
 * Orbital environment of a constellation: spatial density of its shells, the closest approach between
 * satellites of different planes in closed form (the independent oracle the self-conjunction screen,
 * conjunction.ts, is tested against; phasing.ts scans Walker F with it) and altitude overlaps between shells.
 *
 * Density = satellites / V, V = (4π/3)·((r + t/2)³ − (r − t/2)³), t = 10 km by default (estimate).
 * Closest approach of two circular orbits of radius r, planes at angle θ: d_min = 2r·cos(θ/2)·|sin(Δ/2)|, Δ the
 * difference of arguments of latitude from the mutual node (Vallado, Fundamentals of Astrodynamics, 4th ed. 2013, §2.6
 * and §6.4), for all time under two-body + secular J2. Overlap: |h₁ − h₂| < (t₁ + t₂)/2, also against the filed
 * Starlink (FCC 21-48, FCC 22-91) and Kuiper (FCC 20-102) shells.
 * Validity: circular orbits; the closed form needs equal altitudes and inclinations (one shell).
 * Derivation, evidence and costs: docs/constellations.md §"Orbital environment".
 */
import { hypotOf } from '../../base/arrays.js';
import { EARTH_RADIUS_m } from '../../base/constants.js';
import { km_to_m, M_PER_KM } from '../../base/convert.js';
import { positive } from '../../models/validate.js';
import { shellFormation } from '../geometry/clusterFormation.js';
import { planeRaan_rad, slotPhase_rad } from '../geometry/pattern.js';
import type { ShellGeometrySpec } from '../design/types.js';

export const DEFAULT_SHELL_THICKNESS_m = 10_000; // ESTIMATE, docs/constellations.md §"Orbital environment"
const MAX_PAIR_EVALUATIONS = 1e7;
const M3_PER_KM3 = M_PER_KM ** 3;

/** Volume of the spherical shell of thickness t centred on altitude h [m³]. */
export function shellVolume_m3(altitude_m: number, thickness_m: number = DEFAULT_SHELL_THICKNESS_m): number {
  positive('thickness_m', thickness_m);
  const r = EARTH_RADIUS_m + altitude_m;
  if (!(r - thickness_m / 2 > EARTH_RADIUS_m))
    throw new RangeError(`shell at ${altitude_m} m ± ${thickness_m / 2} m reaches the surface`);
  return ((4 * Math.PI) / 3) * ((r + thickness_m / 2) ** 3 - (r - thickness_m / 2) ** 3);
}

export interface ShellDensityResult {
  readonly volume_m3: number;
  readonly density_per_m3: number;
  readonly density_per_km3: number;
}

/** Satellites per unit volume of one shell. */
export function shellDensity(
  p: Readonly<{ satellites: number; altitude_m: number; thickness_m?: number }>,
): ShellDensityResult {
  if (!(p.satellites >= 0 && Number.isFinite(p.satellites)))
    throw new RangeError(`satellites must be ≥ 0, got ${p.satellites}`);
  const volume_m3 = shellVolume_m3(p.altitude_m, p.thickness_m);
  return {
    volume_m3,
    density_per_m3: p.satellites / volume_m3,
    density_per_km3: (p.satellites / volume_m3) * M3_PER_KM3,
  };
}

/** d_min = 2r·cos(θ/2)·|sin(Δ/2)| (derivation: docs/constellations.md §"Orbital environment"). */
export function closedFormMinDistance_m(radius_m: number, planeAngle_rad: number, phaseDifference_rad: number): number {
  return 2 * radius_m * Math.abs(Math.cos(planeAngle_rad / 2) * Math.sin(phaseDifference_rad / 2));
}

type Vec = readonly [number, number, number];
const dot = (a: Vec, b: Vec): number => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
const cross = (a: Vec, b: Vec): Vec => [
  a[1] * b[2] - a[2] * b[1],
  a[2] * b[0] - a[0] * b[2],
  a[0] * b[1] - a[1] * b[0],
];

/** Angle between two planes and the argument of latitude of their mutual node in each. */
export function planePairGeometry(
  inclinationA_rad: number,
  raanA_rad: number,
  inclinationB_rad: number,
  raanB_rad: number,
): { planeAngle_rad: number; nodeArgLatA_rad: number; nodeArgLatB_rad: number } {
  const basis = (i: number, raan: number): { h: Vec; p: Vec; q: Vec } => {
    const h: Vec = [Math.sin(i) * Math.sin(raan), -Math.sin(i) * Math.cos(raan), Math.cos(i)];
    const p: Vec = [Math.cos(raan), Math.sin(raan), 0];
    return { h, p, q: cross(h, p) };
  };
  const a = basis(inclinationA_rad, raanA_rad),
    b = basis(inclinationB_rad, raanB_rad);
  const c = cross(a.h, b.h);
  const s = hypotOf(c);
  const node: Vec = s > 1e-12 ? [c[0] / s, c[1] / s, c[2] / s] : a.p;
  return {
    planeAngle_rad: Math.atan2(s, dot(a.h, b.h)),
    nodeArgLatA_rad: Math.atan2(dot(node, a.q), dot(node, a.p)),
    nodeArgLatB_rad: Math.atan2(dot(node, b.q), dot(node, b.p)),
  };
}

export interface ClosestApproachResult {
  /** Smallest distance between satellites of different planes over all time [m]; null with one plane. */
  readonly minCrossPlaneDistance_m: number | null;
  /** The pair that attains it (plane, slot). */
  readonly pair: {
    readonly planeA: number;
    readonly slotA: number;
    readonly planeB: number;
    readonly slotB: number;
  } | null;
  readonly planeAngle_rad: number | null;
  /**
   * Distance between neighbours in one plane (chord 2r·sin(π/S); cluster: members' closest approach over an orbit) [m].
   */
  readonly inPlaneSpacing_m: number | null;
  readonly pairsEvaluated: number;
  readonly walkerSymmetry: boolean;
}

/** Closest approach between satellites of different planes of one shell (closed form, all slot pairs). */
export function closestApproach(p: Readonly<{ shell: ShellGeometrySpec; epochIso: string }>): ClosestApproachResult {
  const sh = p.shell;
  positive('altitude_m', sh.altitude_m);
  const r = EARTH_RADIUS_m + sh.altitude_m;
  const cluster = sh.pattern === 'cluster';
  const slots = cluster ? 1 : sh.satsPerPlane;
  const inPlaneSpacing_m = cluster
    ? shellFormation(sh).closestApproach_m
    : sh.satsPerPlane >= 2
      ? 2 * r * Math.sin(Math.PI / sh.satsPerPlane)
      : null;
  const walkerSymmetry = sh.pattern === 'walker-delta';
  const firstPlanes = walkerSymmetry ? 1 : sh.planes - 1;
  const evaluations = walkerSymmetry ? (sh.planes - 1) * slots : ((sh.planes * (sh.planes - 1)) / 2) * slots;
  if (evaluations > MAX_PAIR_EVALUATIONS)
    throw new RangeError(`closest approach needs ${evaluations} pair evaluations (limit ${MAX_PAIR_EVALUATIONS})`);
  const raan = Array.from({ length: sh.planes }, (_, q) => planeRaan_rad(sh, q, p.epochIso));
  let best = Infinity;
  let pair: ClosestApproachResult['pair'] = null;
  let angle: number | null = null;
  for (let a = 0; a < firstPlanes; a++) {
    for (let b = a + 1; b < sh.planes; b++) {
      const g = planePairGeometry(sh.inclination_rad, raan[a]!, sh.inclination_rad, raan[b]!);
      const alphaA = slotPhase_rad(sh, a, 0) - g.nodeArgLatA_rad;
      for (let s = 0; s < slots; s++) {
        const d = closedFormMinDistance_m(r, g.planeAngle_rad, slotPhase_rad(sh, b, s) - g.nodeArgLatB_rad - alphaA);
        if (d < best) {
          best = d;
          pair = { planeA: a, slotA: 0, planeB: b, slotB: s };
          angle = g.planeAngle_rad;
        }
      }
    }
  }
  const minCrossPlaneDistance_m = pair === null ? null : cluster ? Math.max(0, best - 2 * sh.clusterRadius_m) : best;
  return {
    minCrossPlaneDistance_m,
    pair,
    planeAngle_rad: angle,
    inPlaneSpacing_m,
    pairsEvaluated: evaluations,
    walkerSymmetry,
  };
}

export interface ShellBand {
  readonly name: string;
  readonly altitude_m: number;
  readonly thickness_m?: number;
  readonly inclination_rad?: number;
  readonly source?: string;
}

const filed = (name: string, altitude_km: number, inclination_deg: number, source: string): ShellBand => ({
  name,
  altitude_m: km_to_m(altitude_km),
  inclination_rad: (inclination_deg * Math.PI) / 180,
  source,
});

/** Filed LEO shells (altitude, inclination) with their FCC authorisations. */
export const KNOWN_FILED_SHELLS: readonly ShellBand[] = [
  filed('Starlink Gen1 540 km', 540, 53.2, 'FCC 21-48 (2021)'),
  filed('Starlink Gen1 550 km', 550, 53, 'FCC 21-48 (2021)'),
  filed('Starlink Gen1 560 km', 560, 97.6, 'FCC 21-48 (2021)'),
  filed('Starlink Gen1 570 km', 570, 70, 'FCC 21-48 (2021)'),
  filed('Starlink Gen2 525 km', 525, 53, 'FCC 22-91 (2022)'),
  filed('Starlink Gen2 530 km', 530, 43, 'FCC 22-91 (2022)'),
  filed('Starlink Gen2 535 km', 535, 33, 'FCC 22-91 (2022)'),
  filed('Kuiper 590 km', 590, 33, 'FCC 20-102 (2020)'),
  filed('Kuiper 610 km', 610, 42, 'FCC 20-102 (2020)'),
  filed('Kuiper 630 km', 630, 51.9, 'FCC 20-102 (2020)'),
];

/**
 * Smallest altitude clearance between any of `shells` and any filed shell [m]: |h − h_filed| less half of each band's
 * thickness (DEFAULT_SHELL_THICKNESS_m when not stated); negative when a shell sits inside a filed band. The keep-out
 * constraint (environment.keepOutFiledShells) requires it ≥ 0. Altitude only: inclination does not move a band.
 */
export function filedShellClearance_m(
  shells: readonly Readonly<ShellBand>[],
  filedShells: readonly Readonly<ShellBand>[] = KNOWN_FILED_SHELLS,
): number {
  let clearance = Infinity;
  for (const a of shells)
    for (const b of filedShells) {
      const half = ((a.thickness_m ?? DEFAULT_SHELL_THICKNESS_m) + (b.thickness_m ?? DEFAULT_SHELL_THICKNESS_m)) / 2;
      clearance = Math.min(clearance, Math.abs(a.altitude_m - b.altitude_m) - half);
    }
  return clearance;
}

export interface ShellOverlap {
  readonly a: string;
  readonly b: string;
  /** |h₁ − h₂| [m]. */
  readonly separation_m: number;
  /** (t₁ + t₂)/2 − |h₁ − h₂| > 0 [m]. */
  readonly overlap_m: number;
}

function overlapOf(a: Readonly<ShellBand>, b: Readonly<ShellBand>): ShellOverlap | null {
  const ta = a.thickness_m ?? DEFAULT_SHELL_THICKNESS_m,
    tb = b.thickness_m ?? DEFAULT_SHELL_THICKNESS_m;
  positive(`${a.name}.thickness_m`, ta);
  positive(`${b.name}.thickness_m`, tb);
  const separation_m = Math.abs(a.altitude_m - b.altitude_m);
  const overlap_m = (ta + tb) / 2 - separation_m;
  return overlap_m > 0 ? { a: a.name, b: b.name, separation_m, overlap_m } : null;
}

/** Shells that overlap in altitude: pairs within the constellation, and each shell against filed shells. */
export function shellOverlaps(p: Readonly<{ shells: readonly ShellBand[]; filedShells?: readonly ShellBand[] }>): {
  internal: ShellOverlap[];
  filed: ShellOverlap[];
} {
  const internal: ShellOverlap[] = [];
  const withFiled: ShellOverlap[] = [];
  p.shells.forEach((a, i) => {
    for (const b of p.shells.slice(i + 1)) {
      const o = overlapOf(a, b);
      if (o) internal.push(o);
    }
    for (const b of p.filedShells ?? KNOWN_FILED_SHELLS) {
      const o = overlapOf(a, b);
      if (o) withFiled.push(o);
    }
  });
  return { internal, filed: withFiled };
}
