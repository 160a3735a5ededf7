/**
 * Contacts of gateway (ground) stations with a constellation, and the downlink they allow.
 *
 * Stations: WGS-84 geodetic → ECEF, N = a/√(1 − e² sin²φ) (Vallado, Fundamentals of Astrodynamics and Applications,
 * 4th ed. 2013, §3.2, Algorithm 51 SITE), rotated into TEME. Visible when elevation ≥ ε from the geocentric vertical:
 * a cap of Earth central angle λ_max = acos(|g| cos ε / r) − ε (Wertz, Mission Geometry, 2001, §8.3; SMAD 3rd ed.
 * §5.2), counted per plane in O(1): slot visible iff |u − φ| ≤ δ = acos(cos λ_max / C). Downlink: a station takes
 * min(capacity, visible × rate), the total capped by distinct visible satellites × rate (an upper bound of the real
 * schedule). Gaps: sample-and-hold runs without contact over a periodic window, ± one step.
 * Validity: circular orbits, LEO; 0 ≤ ε < 90°; clear sky (no rain fade or cloud outage). Pure functions, SI inside.
 * Derivation, evidence and costs: docs/constellations.md §"Gateway contacts".
 */
import { maxOf } from '../../base/arrays.js';
import { DAY_s } from '../../base/constants.js';
import { slotPhase_rad } from '../geometry/pattern.js';
import { slotPosition, temeToEarthFixed, type PlaneTrack } from '../geometry/propagate.js';
import type { ShellGeometrySpec } from '../design/types.js';

const TWO_PI = 2 * Math.PI;
/** WGS-84 semi-major axis [m] and flattening (NIMA TR8350.2, 2000). */
const WGS84_A_m = 6378137;
const WGS84_F = 1 / 298.257223563;
const BITS_PER_BYTE = 8;

export interface GroundStationSite {
  readonly id: string;
  readonly latitude_rad: number;
  readonly longitude_rad: number;
  readonly altitude_m: number;
  readonly capacity_bps: number;
}
/** One shell: its geometry and the tracks of its planes' representatives (index = plane). */
export interface ShellTracks {
  readonly spec: ShellGeometrySpec;
  readonly tracks: readonly PlaneTrack[];
}
export interface GroundContactParams {
  readonly shells: readonly ShellTracks[];
  readonly stations: readonly GroundStationSite[];
  readonly elevationMask_rad: number;
  /** Rate of one satellite–gateway contact [bit/s]. */
  readonly linkRate_bps: number;
  /** 'plane-arc' (default, O(planes)) or 'brute-force' (O(satellites), for checks and small shells). */
  readonly method?: 'plane-arc' | 'brute-force';
}
export interface StationContact {
  readonly id: string;
  readonly contactFraction: number;
  readonly maxGap_s: number;
  readonly meanVisible: number;
  readonly meanUsableDownlink_bps: number;
}
export interface GroundContactResult {
  readonly stations: readonly StationContact[];
  /** Fraction of samples at which at least one station is in contact. */
  readonly anyStationContactFraction: number;
  /** Mean over stations of each station's contact fraction. */
  readonly meanStationContactFraction: number;
  /** Longest time with no station in contact [s]. */
  readonly maxGap_s: number;
  /** Mean number of distinct satellites visible from at least one station. */
  readonly meanDistinctVisible: number;
  readonly meanUsableDownlink_bps: number;
  readonly downlinkVolume_B_per_day: number;
  readonly samples: number;
  readonly step_s: number;
}
/** Satellite (shell, plane, slot) visible from `station` (indices into the params arrays). */
export interface GroundLink {
  readonly station: number;
  readonly shell: number;
  readonly plane: number;
  readonly slot: number;
}
export interface VisibleCounts {
  /** Visible satellites per station per sample (index station·samples + sample). */
  readonly perStation: Float64Array;
  /** Distinct satellites visible from at least one station, per sample. */
  readonly distinct: Float64Array;
  readonly samples: number;
  readonly step_s: number;
}

/** Earth central angle of the coverage cap λ_max [rad] (Wertz 2001 §8.3). */
export function coverageHalfAngle_rad(
  orbitRadius_m: number,
  stationRadius_m: number,
  elevationMask_rad: number,
): number {
  if (!(elevationMask_rad >= 0 && elevationMask_rad < Math.PI / 2))
    throw new RangeError(`elevation mask must be in [0°, 90°), got ${elevationMask_rad} rad`);
  if (!(orbitRadius_m > stationRadius_m && stationRadius_m > 0))
    throw new RangeError('orbit radius must exceed the station radius');
  return Math.acos((stationRadius_m * Math.cos(elevationMask_rad)) / orbitRadius_m) - elevationMask_rad;
}

/** Earth-fixed position of a site [m] on the WGS-84 ellipsoid. */
export function stationEcef_m(site: Readonly<GroundStationSite>): Float64Array {
  const { latitude_rad: lat, longitude_rad: lon, altitude_m: h } = site;
  if (!(Math.abs(lat) <= Math.PI / 2 && Number.isFinite(lon) && Number.isFinite(h)))
    throw new RangeError(`station '${site.id}': latitude must be within ±90°`);
  if (!(site.capacity_bps > 0)) throw new RangeError(`station '${site.id}': capacity_bps must be > 0`);
  const e2 = WGS84_F * (2 - WGS84_F);
  const n = WGS84_A_m / Math.sqrt(1 - e2 * Math.sin(lat) ** 2);
  return Float64Array.of(
    (n + h) * Math.cos(lat) * Math.cos(lon),
    (n + h) * Math.cos(lat) * Math.sin(lon),
    (n * (1 - e2) + h) * Math.sin(lat),
  );
}

function windowOf(p: Readonly<GroundContactParams>): { samples: number; step_s: number; gmst: Float64Array } {
  if (!(p.elevationMask_rad >= 0 && p.elevationMask_rad < Math.PI / 2))
    throw new RangeError('elevationMask_rad must be in [0, π/2)');
  if (!(p.linkRate_bps > 0)) throw new RangeError('linkRate_bps must be > 0');
  if (p.stations.length === 0) throw new RangeError('at least one ground station is needed');
  const first = p.shells[0]?.tracks[0];
  if (first === undefined || first.times_s.length < 2)
    throw new RangeError('need at least one propagated plane with ≥ 2 samples');
  for (const s of p.shells) {
    if (s.tracks.length !== s.spec.planes)
      throw new RangeError(`shell '${s.spec.name}': ${s.tracks.length} tracks for ${s.spec.planes} planes`);
    for (const t of s.tracks)
      if (t.times_s.length !== first.times_s.length) throw new RangeError('all tracks must share one sampling window');
  }
  return { samples: first.times_s.length, step_s: first.times_s[1]! - first.times_s[0]!, gmst: first.gmst_rad };
}

/** Visits, at sample j, every plane seen by ≥ 1 station with its arcs: station k sees slot offsets lo[i]..hi[i]. */
type PlaneArcs = (
  shell: number,
  plane: number,
  arcs: number,
  station: Int32Array,
  lo: Float64Array,
  hi: Float64Array,
) => void;

/** The stations at one sample, in TEME, and the arc buffers a plane's scan fills. */
interface StationScan {
  readonly ns: number;
  readonly cosE: number;
  readonly sinE: number;
  /** Station unit vectors (x, y, z per station). */
  readonly g: Float64Array;
  /** Station radii [m]. */
  readonly gr: Float64Array;
  readonly station: Int32Array;
  readonly lo: Float64Array;
  readonly hi: Float64Array;
}

function scanSample(
  p: Readonly<GroundContactParams>,
  ecef: readonly Float64Array[],
  gmst_rad: number,
  j: number,
  visit: PlaneArcs,
): void {
  const v = stationScan(p, ecef, gmst_rad);
  p.shells.forEach(({ spec, tracks }, sh) => {
    const S = spec.satsPerPlane,
      cluster = spec.pattern === 'cluster',
      dPhase = TWO_PI / S;
    tracks.forEach((t, pl) => {
      const arcs = planeArcs(v, t, j, cluster, S, dPhase);
      if (arcs > 0) visit(sh, pl, arcs, v.station, v.lo, v.hi);
    });
  });
}

/** Station unit vectors and radii in TEME at one sample, and empty arc buffers. */
function stationScan(p: Readonly<GroundContactParams>, ecef: readonly Float64Array[], gmst_rad: number): StationScan {
  const ns = p.stations.length,
    cosE = Math.cos(p.elevationMask_rad),
    sinE = Math.sin(p.elevationMask_rad);
  const c = Math.cos(gmst_rad),
    s = Math.sin(gmst_rad);
  // Station unit vectors and radii in TEME (inverse of the GMST rotation of temeToEarthFixed).
  const g = new Float64Array(3 * ns),
    gr = new Float64Array(ns);
  ecef.forEach((e, k) => {
    gr[k] = Math.hypot(e[0]!, e[1]!, e[2]!);
    g[3 * k] = (c * e[0]! - s * e[1]!) / gr[k]!;
    g[3 * k + 1] = (s * e[0]! + c * e[1]!) / gr[k]!;
    g[3 * k + 2] = e[2]! / gr[k]!;
  });
  return { ns, cosE, sinE, g, gr, station: new Int32Array(ns), lo: new Float64Array(ns), hi: new Float64Array(ns) };
}

/**
 * Fills `v.station`, `v.lo`, `v.hi` with the arcs of plane track `t` at sample j that each station sees (slot
 * offsets; a cluster's whole plane when its centre is in view); returns how many.
 */
function planeArcs(v: StationScan, t: PlaneTrack, j: number, cluster: boolean, S: number, dPhase: number): number {
  const { ns, cosE, sinE, g, gr, station, lo, hi } = v;
  const i = 3 * j;
  const rx = t.r_m[i]!,
    ry = t.r_m[i + 1]!,
    rz = t.r_m[i + 2]!,
    hx = t.normal[i]!,
    hy = t.normal[i + 1]!,
    hz = t.normal[i + 2]!;
  const r = Math.sqrt(rx * rx + ry * ry + rz * rz),
    ux = rx / r,
    uy = ry / r,
    uz = rz / r;
  const tx = hy * uz - hz * uy,
    ty = hz * ux - hx * uz,
    tz = hx * uy - hy * ux;
  let arcs = 0;
  for (let k = 0; k < ns; k++) {
    // sin η = |g| cos ε / r (η: nadir angle at the mask); λ = (90° − η) − ε, so cos λ = sin η cos ε + cos η sin ε.
    const cosAlpha = (gr[k]! * cosE) / r;
    const cosLambda = cosAlpha * cosE + Math.sqrt(1 - cosAlpha * cosAlpha) * sinE;
    const A = g[3 * k]! * ux + g[3 * k + 1]! * uy + g[3 * k + 2]! * uz;
    if (cluster) {
      if (A >= cosLambda) {
        station[arcs] = k;
        lo[arcs] = 0;
        hi[arcs++] = S - 1;
      }
      continue;
    }
    const B = g[3 * k]! * tx + g[3 * k + 1]! * ty + g[3 * k + 2]! * tz;
    const C2 = A * A + B * B;
    if (C2 < cosLambda * cosLambda) continue; // the cap misses the orbit circle (cos λ > 0)
    const C = Math.sqrt(C2);
    const phi = Math.atan2(B, A),
      delta = Math.acos(Math.min(1, cosLambda / C));
    const first = Math.ceil((phi - delta) / dPhase),
      last = Math.floor((phi + delta) / dPhase);
    if (last >= first) {
      station[arcs] = k;
      lo[arcs] = first;
      hi[arcs++] = last;
    }
  }
  return arcs;
}

const slotOf = (m: number, S: number): number => ((m % S) + S) % S;

/** Brute force: every slot's elevation from every station at sample j. */
function bruteForceLinks(p: Readonly<GroundContactParams>, ecef: readonly Float64Array[], j: number): GroundLink[] {
  const links: GroundLink[] = [],
    teme = new Float64Array(3),
    ef = new Float64Array(3),
    sinE = Math.sin(p.elevationMask_rad);
  p.shells.forEach(({ spec, tracks }, shell) => {
    tracks.forEach((t, plane) => {
      const phase0 = slotPhase_rad(spec, plane, 0);
      for (let slot = 0; slot < spec.satsPerPlane; slot++) {
        temeToEarthFixed(slotPosition(t, j, slotPhase_rad(spec, plane, slot) - phase0, teme), t.gmst_rad[j]!, ef);
        ecef.forEach((g, station) => {
          const gn = Math.hypot(g[0]!, g[1]!, g[2]!),
            dx = ef[0]! - g[0]!,
            dy = ef[1]! - g[1]!,
            dz = ef[2]! - g[2]!;
          if ((dx * g[0]! + dy * g[1]! + dz * g[2]!) / gn >= sinE * Math.hypot(dx, dy, dz))
            links.push({ station, shell, plane, slot });
        });
      }
    });
  });
  return links;
}

/** Which (shell, plane, slot) satellites see which station at one sample (downlink sinks of the network model). */
export function groundLinksAtSample(p: Readonly<GroundContactParams>, sampleIndex: number): GroundLink[] {
  const { samples, gmst } = windowOf(p);
  if (!(Number.isInteger(sampleIndex) && sampleIndex >= 0 && sampleIndex < samples))
    throw new RangeError(`sample index ${sampleIndex} outside 0…${samples - 1}`);
  const ecef = p.stations.map(stationEcef_m);
  if (p.method === 'brute-force') return bruteForceLinks(p, ecef, sampleIndex);
  const links: GroundLink[] = [];
  scanSample(p, ecef, gmst[sampleIndex]!, sampleIndex, (shell, plane, arcs, station, lo, hi) => {
    const S = p.shells[shell]!.spec.satsPerPlane;
    for (let a = 0; a < arcs; a++)
      for (let m = lo[a]!; m <= hi[a]!; m++) links.push({ station: station[a]!, shell, plane, slot: slotOf(m, S) });
  });
  return links;
}

/** Visible satellites per station and distinct visible satellites, at every sample. */
export function visibleCountsBySample(p: Readonly<GroundContactParams>): VisibleCounts {
  const { samples, step_s, gmst } = windowOf(p);
  const ecef = p.stations.map(stationEcef_m);
  const perStation = new Float64Array(p.stations.length * samples),
    distinct = new Float64Array(samples);
  const maxS = maxOf(p.shells.map((s) => s.spec.satsPerPlane));
  const mark = new Int32Array(maxS);
  let stamp = 0;
  for (let j = 0; j < samples; j++) {
    if (p.method === 'brute-force') {
      const seen = new Set<string>();
      for (const l of bruteForceLinks(p, ecef, j)) {
        perStation[l.station * samples + j]! += 1;
        seen.add(`${l.shell}/${l.plane}/${l.slot}`);
      }
      distinct[j] = seen.size;
      continue;
    }
    scanSample(p, ecef, gmst[j]!, j, (shell, _plane, arcs, station, lo, hi) => {
      for (let a = 0; a < arcs; a++) perStation[station[a]! * samples + j]! += hi[a]! - lo[a]! + 1;
      if (arcs === 1) return void (distinct[j]! += hi[0]! - lo[0]! + 1);
      // Overlapping caps (stations closer than 2λ_max): count each slot once.
      const S = p.shells[shell]!.spec.satsPerPlane;
      stamp++;
      for (let a = 0; a < arcs; a++) {
        for (let m = lo[a]!; m <= hi[a]!; m++) {
          const slot = slotOf(m, S);
          if (mark[slot] !== stamp) {
            mark[slot] = stamp;
            distinct[j]! += 1;
          }
        }
      }
    });
  }
  return { perStation, distinct, samples, step_s };
}

/** Longest run of `false` in a periodic sequence [samples]; the whole length if never true. */
export function longestGap_samples(inContact: Uint8Array): number {
  const n = inContact.length,
    start = inContact.indexOf(1);
  if (start < 0) return n;
  let longest = 0,
    run = 0;
  for (let i = 1; i <= n; i++) {
    if (inContact[(start + i) % n]) {
      longest = Math.max(longest, run);
      run = 0;
    } else run++;
  }
  return longest;
}

/** Contact statistics and downlink of the stations over the window. */
export function groundContacts(p: Readonly<GroundContactParams>): GroundContactResult {
  const { perStation, distinct, samples: n, step_s } = visibleCountsBySample(p);
  const any = new Uint8Array(n),
    total_bps = new Float64Array(n);
  const stations = p.stations.map((site, k): StationContact => {
    const contact = new Uint8Array(n);
    let visible = 0,
      contacts = 0,
      usable = 0;
    for (let j = 0; j < n; j++) {
      const v = perStation[k * n + j]!,
        rate = Math.min(site.capacity_bps, v * p.linkRate_bps);
      visible += v;
      usable += rate;
      total_bps[j]! += rate;
      if (v > 0) {
        contact[j] = 1;
        any[j] = 1;
        contacts++;
      }
    }
    return {
      id: site.id,
      contactFraction: contacts / n,
      maxGap_s: longestGap_samples(contact) * step_s,
      meanVisible: visible / n,
      meanUsableDownlink_bps: usable / n,
    };
  });
  let downlink = 0,
    anyCount = 0,
    distinctSum = 0;
  for (let j = 0; j < n; j++) {
    downlink += Math.min(total_bps[j]!, distinct[j]! * p.linkRate_bps);
    anyCount += any[j]!;
    distinctSum += distinct[j]!;
  }
  const meanUsableDownlink_bps = downlink / n;
  return {
    stations,
    anyStationContactFraction: anyCount / n,
    meanStationContactFraction: stations.reduce((a, s) => a + s.contactFraction, 0) / stations.length,
    maxGap_s: longestGap_samples(any) * step_s,
    meanDistinctVisible: distinctSum / n,
    meanUsableDownlink_bps,
    downlinkVolume_B_per_day: (meanUsableDownlink_bps * DAY_s) / BITS_PER_BYTE,
    samples: n,
    step_s,
  };
}
