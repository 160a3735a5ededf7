/**
 * Links decided per instant on pointing: a link whose line of sight turns faster than its terminal can slew is off at
 * that instant only, against an independent oracle.
 *
 * The oracle places every satellite with its own plane's SGP4 at one-second steps (propagate.ts `propagatePlane`, not
 * the shell's reference-orbit tracks the models use), lays the shell's +Grid links by hand (in-plane (q, s)–(q, s+1),
 * cross-plane (q, s)–(q+1, s), no seam link on a Walker star), and takes each link's pointing rate at t as the angle
 * between its line of sight at t − 1 s and at t + 1 s, each expressed in the end's own orbital frame (r̂, t̂ = ĥ × r̂,
 * n̂ = r̂ × t̂), over 2 s, the larger of the two ends. A link is live when its line of sight clears R⊕ + 100 km and its
 * rate is within the slew limit (1°/s, the isl-100g row); its capacity is the link budget's rate at its length; the
 * full arc-flow LP of uniform all-to-all traffic on the live links gives the instant's rate (networkFlowLp.ts).
 *
 * The reduced torus model (large Walker delta shells) is checked the same way on exact circular orbits, below.
 *
 * Shell: a 4 × 8 Walker star at 780 km, 88°, F = 0. Neighbouring planes cross near the poles, where same-slot
 * partners pass within a few hundred km and their line of sight swings at up to ~1.7°/s, while elsewhere it turns at
 * ~0.1–0.2°/s: the cross-plane links are lost to pointing near the poles only (about 2 % of the link-samples).
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLpSolver } from '../../../solvers/lp/index.js';
import { evaluateConstellationFileWith } from '../../../src/constellation/evaluator.js';
import { networkThroughput, type LinkEdge } from '../../../src/constellation/network/graph/network.js';
import { planeElements } from '../../../src/constellation/geometry/pattern.js';
import { propagatePlane, slotPosition, type PlaneTrack } from '../../../src/constellation/geometry/propagate.js';
import { linkRate_bps, linkRateCoefficients, opticalTerminalFromRow } from '../../../src/models/links/linkBudget.js';
import { shell as shellSpec } from '../../helpers/shellSpec.js';
import { isl100g } from '../../helpers/linkTerminals.js';
import { EARTH_RADIUS_m } from '../../helpers/constants.js';
import { deg } from '../../helpers/units.js';
import { tempDir, writeFile } from '../../helpers/tmp.js';
import { leastPlaneCut_bps } from '../../helpers/planeCut.js';
import { EARTH_MU_m3_s2 } from '../../helpers/constants.js';
import { torusSeries } from '../../../src/constellation/network/torus/shellNetworkTorus.js';
import { torusInstantCapacities } from '../../../src/constellation/network/torus/torusInstant.js';
import { circularPosition, circularTracks, type CircularShell } from './circularShell.js';
import { rangeRate } from './bandShell.js';

const lp = await createLpSolver();
const GRAZING_m = 100e3;
const SLEW_rad_s = isl100g.maxSlewRate_deg_s * deg;
const rate = linkRateCoefficients({ terminal: opticalTerminalFromRow(isl100g) });
const EPOCH = '2026-03-20T00:00:00Z';
const STEP_s = 60;
const g = shellSpec({
  planes: 4,
  satsPerPlane: 8,
  phasing: 0,
  altitude_m: 780e3,
  inclination_rad: 88 * deg,
  pattern: 'walker-star',
});
const { planes: P, satsPerPlane: S } = g;
const SPAN_s = 9000;
/** Every plane's own SGP4 track at one-second steps. */
const dense: PlaneTrack[] = Array.from({ length: P }, (_, q) =>
  propagatePlane(planeElements(g, q, EPOCH), { epochIso: EPOCH, duration_s: SPAN_s + 1, step_s: 1 }),
);

type V = [number, number, number];
const sub = (a: V, b: V): V => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
const dot = (a: V, b: V): number => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
const cross = (a: V, b: V): V => [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
const unit = (a: V): V => {
  const n = Math.sqrt(dot(a, a));
  return [a[0] / n, a[1] / n, a[2] / n];
};
/** Satellite (q, s) at second t [m]. */
const at = (q: number, s: number, t: number): V =>
  Array.from(slotPosition(dense[q]!, t, (2 * Math.PI * s) / S, new Float64Array(3))) as V;
/** The line of sight from (qa, sa) to (qb, sb) at second t in (qa, sa)'s orbital frame. */
function losInFrame(qa: number, sa: number, qb: number, sb: number, t: number): V {
  const a = at(qa, sa, t);
  const l = unit(sub(at(qb, sb, t), a));
  const r = unit(a);
  const n = dense[qa]!.normal;
  const h: V = [n[3 * t]!, n[3 * t + 1]!, n[3 * t + 2]!];
  const tt = unit(cross(h, r));
  return [dot(l, r), dot(l, tt), dot(l, cross(r, tt))];
}
const angle = (a: V, b: V): number => Math.atan2(Math.sqrt(dot(cross(a, b), cross(a, b))), dot(a, b));
/**
 * Pointing rate of link (qa, sa)–(qb, sb) at second t [rad/s]: central difference over ±1 s (forward over 1 s at the
 * epoch), the larger end.
 */
function pointingRate(qa: number, sa: number, qb: number, sb: number, t: number): number {
  const [t0, t1] = t > 0 ? [t - 1, t + 1] : [0, 1];
  const ra = angle(losInFrame(qa, sa, qb, sb, t0), losInFrame(qa, sa, qb, sb, t1)) / (t1 - t0);
  const rb = angle(losInFrame(qb, sb, qa, sa, t0), losInFrame(qb, sb, qa, sa, t1)) / (t1 - t0);
  return Math.max(ra, rb);
}
/** Lowest altitude above R⊕ of the segment a–b [m]. */
function losAltitude_m(a: V, b: V): number {
  const d = sub(b, a);
  const k = Math.min(1, Math.max(0, -dot(a, d) / dot(d, d)));
  const c: V = [a[0] + k * d[0], a[1] + k * d[1], a[2] + k * d[2]];
  return Math.sqrt(dot(c, c)) - EARTH_RADIUS_m;
}

interface OracleInstant {
  readonly edges: LinkEdge[];
  /** Cross-plane links lost to pointing (line of sight clear). */
  readonly pointingOff: number;
  /** The cross-plane links' rates closest to the slew limit, as |rate/limit − 1|. */
  readonly nearest: number;
  readonly maxRate_rad_s: number;
}

/** The shell's links at second t, each decided at that instant alone. */
function oracleInstant(t: number): OracleInstant {
  const edges: LinkEdge[] = [];
  let pointingOff = 0,
    nearest = Infinity,
    maxRate_rad_s = 0;
  const add = (qa: number, sa: number, qb: number, sb: number, isCross: boolean): void => {
    const a = at(qa, sa, t),
      b = at(qb, sb, t);
    const d = Math.sqrt(dot(sub(b, a), sub(b, a)));
    const clear = losAltitude_m(a, b) >= GRAZING_m;
    const w = pointingRate(qa, sa, qb, sb, t);
    if (isCross && clear) {
      nearest = Math.min(nearest, Math.abs(w / SLEW_rad_s - 1));
      maxRate_rad_s = Math.max(maxRate_rad_s, w);
      if (w > SLEW_rad_s) pointingOff++;
    }
    const on = clear && w <= SLEW_rad_s;
    edges.push({ u: qa * S + sa, v: qb * S + sb, capacity_bps: on ? linkRate_bps(rate, d) : 0, length_m: d });
  };
  for (let q = 0; q < P; q++)
    for (let s = 0; s < S; s++) {
      add(q, s, q, (s + 1) % S, false);
      if (q < P - 1) add(q, s, q + 1, s, true);
    }
  return { edges, pointingOff, nearest, maxRate_rad_s };
}

const fullLp = (o: OracleInstant): number =>
  networkThroughput({ graph: { nodes: P * S, edges: o.edges }, traffic: { kind: 'uniform' }, lpSolver: lp })
    .throughputPerNode_bps;

/** The design file of the shell, evaluated over `duration_s` at `snapshots` instants. */
function evaluate(duration_s: number, snapshots: number) {
  const dir = tempDir('odc-pointing-');
  const yaml =
    `name: polar-star\nkind: constellation\nnode: ${resolve('designs/ai1.yaml')}\nshells:\n` +
    '  - { name: star, altitude_km: 780, inclination_deg: 88, planes: 4, satsPerPlane: 8, pattern: walker-star, phasing: 0 }\n' +
    'isl: { topology: grid, terminal: isl-100g }\n' +
    'traffic: { pattern: uniform, demandPerNode_Gbps: 75 }\n' +
    `simulation: { epoch: '${EPOCH}', duration_h: ${duration_s / 3600}, step_s: ${STEP_s}, snapshots: ${snapshots} }\n` +
    'launch:\n  vehicles: [{ vehicle: starship, cadence_per_yr: 400 }]\n';
  return evaluateConstellationFileWith(writeFile(dir, 'star.yaml', yaml), lp).record;
}

describe('links decided per instant on pointing: a class too fast to track near the poles is not dropped', () => {
  // Samples of 60 s; instants j·60 s. The oracle's rates at every instant used here are ≥ 10 % away from the limit.
  const oracle = new Map([0, 50, 75, 100].map((j) => [j, oracleInstant(j * STEP_s)] as const));
  const lps = new Map([...oracle].map(([j, o]) => [j, fullLp(o)] as const));

  it('the oracle: cross-plane links lost near the poles at some instants, none at others', () => {
    for (const o of oracle.values()) expect(o.nearest).toBeGreaterThan(0.1);
    // At 0, 50 and 75 min the planes cross near the poles: two same-slot pairs per gap (one at each pole) turn faster
    // than 1°/s (up to 1.5–1.7°/s); at 100 min none does.
    for (const j of [0, 50, 75]) expect(oracle.get(j)!.pointingOff).toBe(6);
    expect(oracle.get(50)!.maxRate_rad_s).toBeGreaterThan(1.4 * SLEW_rad_s);
    expect(oracle.get(100)!.pointingOff).toBe(0);
    // Losing them costs throughput at those instants only: every instant still carries traffic.
    expect(lps.get(75)!).toBeLessThan(0.9 * lps.get(100)!);
    expect(lps.get(75)!).toBeGreaterThan(0.5 * lps.get(100)!);
  });

  it('the record: each instant is the full LP on exactly the instant’s live links', () => {
    // The evaluator's link rates agree with the oracle's within 1e-4 (7e-5 measured at 75 min); the LP with the
    // pointing rule differs from the LP on every clear link by far more (6 links lost: ~20 %).
    const tol = 1e-3;
    // 2.5 h window, 151 samples: two snapshots are samples 0 and 75, three are 0, 50 and 100.
    const two = evaluate(9000, 2);
    const shell = two.network.shells[0]!;
    expect(shell.reducedModel).toBe(false);
    expect(Math.abs(shell.minThroughputPerNode_Gbps / (lps.get(75)! / 1e9) - 1)).toBeLessThan(tol);
    expect(Math.abs(shell.throughputPerNode_Gbps / ((lps.get(0)! + lps.get(75)!) / 2 / 1e9) - 1)).toBeLessThan(tol);
    const three = evaluate(9000, 3).network.shells[0]!;
    const mean3 = (lps.get(0)! + lps.get(50)! + lps.get(100)!) / 3 / 1e9;
    expect(Math.abs(three.throughputPerNode_Gbps / mean3 - 1)).toBeLessThan(tol);
    expect(Math.abs(three.minThroughputPerNode_Gbps / (Math.min(lps.get(0)!, lps.get(50)!) / 1e9) - 1)).toBeLessThan(
      tol,
    );

    // The class exceeds the limit at some samples and is kept: off at those samples only.
    const cross = two.isl.classes.find((c) => c.linkClass === 'crossPlane')!;
    expect(cross.pointingExceeded).toBe(true);
    expect(cross.pointingLostFraction).toBeGreaterThan(0.005);
    expect(cross.pointingLostFraction).toBeLessThan(0.05);
    expect(cross.availability).toBeCloseTo(1 - cross.pointingLostFraction, 12); // never blocked, no cutoff
    expect(cross.maxPointingRate_deg_s).toBeGreaterThan(1.4);
    // isl.pointing is a check; what the lost links cost is judged by network.demand at the worst instant
    // (75 Gbps asked: met at 100 min, missed at 75 min).
    const check = two.constraints.find((c) => c.name === 'isl.pointing')!;
    expect([check.satisfied, check.enforced, check.unit]).toEqual([false, false, 'deg/s']);
    expect(check.value).toBeCloseTo(cross.maxPointingRate_deg_s, 12);
    const demand = two.constraints.find((c) => c.name === 'network.demand')!;
    expect(lps.get(100)! / 1e9).toBeGreaterThan(75);
    expect(demand.satisfied).toBe(false);
    expect(Math.abs(demand.value / (lps.get(75)! / 1e9) - 1)).toBeLessThan(tol);
  });
});

describe('reduced torus model: each instant’s capacities and bounds on its own live links (exact circular orbits)', () => {
  // 6 × 8 Walker delta, 86°, F = 1, radius R⊕ + 780 km (circularShell.ts: no SGP4, no precession). The oracle moves
  // every satellite along its circle at n = √(μ/a³) and differences each line of sight in each end's frame over
  // ±0.5 s (central; the angle by atan2): independent of the code's velocity formula. Slew limit 0.3°/s: near the
  // poles the cross-plane lines of sight turn faster, elsewhere slower.
  const sh: CircularShell = {
    planes: 6,
    satsPerPlane: 8,
    phasing: 1,
    radius_m: EARTH_RADIUS_m + 780e3,
    inclination_rad: 86 * deg,
  };
  const { planes: Pc, satsPerPlane: Sc, phasing: Fc } = sh;
  const n = Math.sqrt(EARTH_MU_m3_s2 / sh.radius_m ** 3);
  const slew = 0.3 * deg;
  const linkRate = rangeRate(1e13);
  const u0s = [0.2, 1.1, 1.5, 2.9];
  const tracks = circularTracks(sh, u0s);
  const normal = (q: number): V => {
    const O = (2 * Math.PI * q) / Pc;
    return [
      Math.sin(O) * Math.sin(sh.inclination_rad),
      -Math.cos(O) * Math.sin(sh.inclination_rad),
      Math.cos(sh.inclination_rad),
    ];
  };
  const pos = (u0: number, q: number, s: number): V => circularPosition(sh, u0, q, s);
  const inFrame = (u0: number, qa: number, sa: number, qb: number, sb: number): V => {
    const a = pos(u0, qa, sa);
    const l = unit(sub(pos(u0, qb, sb), a));
    const r = unit(a);
    const t = unit(cross(normal(qa), r));
    return [dot(l, r), dot(l, t), dot(l, cross(r, t))];
  };
  const rateOf = (u0: number, qa: number, sa: number, qb: number, sb: number): number => {
    const du = 0.5 * n; // ±0.5 s of argument of latitude: the angle over 1 s is the rate
    const end = (x: [number, number, number, number]) => angle(inFrame(u0 - du, ...x), inFrame(u0 + du, ...x));
    return Math.max(end([qa, sa, qb, sb]), end([qb, sb, qa, sa]));
  };
  /** Cross-plane link v = (q, s) to its partner (the seam twisted by F): capacity when live at u0, else 0. */
  function oracle(u0: number) {
    const cross_bps: number[] = [],
      edges: LinkEdge[] = [],
      gap_bps = new Array<number>(Pc).fill(0);
    let off = 0,
      nearest = Infinity;
    for (let q = 0; q < Pc; q++)
      for (let s = 0; s < Sc; s++) {
        const [qb, sb] = q < Pc - 1 ? [q + 1, s] : [0, (s + Fc) % Sc];
        const A = pos(u0, q, s),
          B = pos(u0, qb, sb);
        const d = Math.sqrt(dot(sub(B, A), sub(B, A)));
        const w = rateOf(u0, q, s, qb, sb);
        nearest = Math.min(nearest, Math.abs(w / slew - 1));
        const clear = losAltitude_m(A, B) >= 80e3;
        if (clear && w > slew) off++;
        const c = clear && w <= slew ? linkRate_bps(linkRate, d) : 0;
        cross_bps.push(c);
        gap_bps[q]! += c;
        edges.push({ u: q * Sc + s, v: qb * Sc + sb, capacity_bps: c, length_m: d });
        const C = pos(u0, q, (s + 1) % Sc);
        const e = Math.sqrt(dot(sub(C, A), sub(C, A)));
        edges.push({ u: q * Sc + s, v: q * Sc + ((s + 1) % Sc), capacity_bps: linkRate_bps(linkRate, e), length_m: e });
      }
    return { cross_bps, edges, gap_bps, off, nearest };
  }
  const inputs = {
    planes: Pc,
    satsPerPlane: Sc,
    phasing: Fc,
    tracks,
    rate: linkRate,
    grazingHeight_m: 80e3,
    latitudeCutoff_rad: null,
    slewLimit_rad_s: slew,
    inPlaneUsable: true,
    crossPlaneUsable: true,
  };

  it('a cross-plane link is off exactly at the instants its line of sight turns faster than the slew limit', () => {
    u0s.forEach((u0, j) => {
      const o = oracle(u0);
      expect(o.nearest).toBeGreaterThan(1e-4); // no rate at the limit: the decision is the oracle's to the bit
      const c = torusInstantCapacities({ ...inputs, sampleIndex: j });
      const lean = torusInstantCapacities({ ...inputs, sampleIndex: j, lengths: false });
      Array.from(c.cross_bps).forEach((x, v) => {
        expect(x > 0).toBe(o.cross_bps[v]! > 0);
        if (x > 0) expect(x / o.cross_bps[v]!).toBeCloseTo(1, 9);
      });
      // The lean path (bounds that settle whole gaps) decides every link as the full one does.
      expect(Array.from(lean.cross_bps)).toEqual(Array.from(c.cross_bps));
      // The pairs crossing near a pole are off at this instant (2 of 48 at each), the rest of the class is on.
      expect(o.off).toBeGreaterThan(0);
      expect(o.off).toBeLessThan((Pc * Sc) / 8);
    });
  });

  it('the series: lower ≤ the full LP on the instant’s live links ≤ upper ≤ the least plane cut, at each instant', () => {
    const r = torusSeries({ ...inputs, instants: u0s.map((_, j) => j), lp }).instants;
    u0s.forEach((u0, j) => {
      const o = oracle(u0);
      const full = networkThroughput({
        graph: { nodes: Pc * Sc, edges: o.edges },
        traffic: { kind: 'uniform' },
        lpSolver: lp,
      }).throughputPerNode_bps;
      const cut = leastPlaneCut_bps(Pc, Sc, o.gap_bps);
      const i = r[j]!;
      const upper = i.upperBound_bps ?? i.throughputPerNode_bps;
      expect(upper).toBeGreaterThanOrEqual(full * (1 - 1e-6));
      expect(upper).toBeLessThanOrEqual(cut * (1 + 1e-9));
      expect(i.lowerBound_bps).toBeLessThanOrEqual(full * (1 + 1e-6));
      if (i.model === 'exact') expect(i.throughputPerNode_bps / full).toBeCloseTo(1, 6);
      expect(full).toBeGreaterThan(0);
    });
  });
});
