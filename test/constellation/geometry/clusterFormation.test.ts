/**
 * Free-orbit cluster formations (src/constellation/geometry/clusterFormation.ts, clusterKeeping.ts). Oracles: hand
 * counts of hexagonal-lattice shells, the ellipse perimeter series (Gauss–Kummer) for the orbit-mean
 * distance of a 2-member cluster, the Suncatcher paper's neighbour range (arXiv:2511.19468: ~100–200 m in a
 * 1 km cluster), the hand J2 node-rate derivative, and permutation/perturbation invariance for determinism.
 */
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createLpSolver } from '../../../solvers/lp/index.js';
import {
  clusterFormation,
  clusterKeeping,
  clusterMotion,
  formationStretch,
  hexLatticeMembers,
  selectLatticePoints,
  type LatticePoint,
  type ClusterFormation,
} from '../../../src/constellation/geometry/clusterFormation.js';
import { evaluateConstellationFileWith, loadConstellationSpec } from '../../../src/constellation/evaluator.js';
import { evaluateConstellationWithDetails } from '../../../src/constellation/evaluate.js';
import { loadCatalogs } from '../../../src/catalog/load.js';
import { shellLinks } from '../../../src/constellation/links/links.js';
import { parseConstellationFile } from '../../../src/constellation/design/load.js';
import type { ShellGeometrySpec } from '../../../src/constellation/design/types.js';
import { clusterShell } from '../../helpers/shellSpec.js';
import { clusterTerminal } from '../../helpers/linkTerminals.js';
import type { LpSolver } from '../../../src/optimize/lp.js';
import { odc } from '../../helpers/cli.js';
import { studyErrorOf, tempDir, writeFile } from '../../helpers/tmp.js';
import { deg } from '../../helpers/units.js';
import {
  EARTH_J2 as J2,
  EARTH_MU_m3_s2 as MU,
  EARTH_RADIUS_m as RE,
  STANDARD_GRAVITY_m_s2,
} from '../../helpers/constants.js';

const YEAR_s = 365.25 * 86400;
const norm2 = (p: LatticePoint): number => p.a * p.a + p.a * p.b + p.b * p.b;
const shell = clusterShell;

describe('member choice on the hexagonal lattice (exact integer keys)', () => {
  it('81 members: 73 inside the √21 ring and 8 on it; centroid exactly at the reference (antipodal pairs)', () => {
    // Hand count of squared norms a² + ab + b²: 0:1, 1:6, 3:6, 4:6, 7:12, 9:6, 12:6, 13:12, 16:6, 19:12, 21:12,
    // cumulative 1, 7, 13, 19, 31, 37, 43, 55, 61, 73, 85: the 81st member lies on the N = 21 ring (8 of 12).
    const m = hexLatticeMembers(81);
    expect(m).toHaveLength(81);
    expect(m.filter((p) => norm2(p) < 21)).toHaveLength(73);
    expect(m.filter((p) => norm2(p) === 21)).toHaveLength(8);
    expect(new Set(m.map((p) => `${p.a},${p.b}`)).size).toBe(81);
    expect(m.reduce((s, p) => s + p.a, 0)).toBe(0);
    expect(m.reduce((s, p) => s + p.b, 0)).toBe(0);
  });

  it('7 and 19 members are complete rings (centred hexagonal numbers); 1 member is the reference itself', () => {
    expect(hexLatticeMembers(1)).toEqual([{ a: 0, b: 0 }]);
    expect(hexLatticeMembers(7).map(norm2).sort()).toEqual([0, 1, 1, 1, 1, 1, 1]);
    expect(Math.max(...hexLatticeMembers(19).map(norm2))).toBe(4);
  });

  it("the chosen set and its order do not depend on the candidates' order (reversed, strided permutations)", () => {
    const pts: LatticePoint[] = [];
    for (let a = -12; a <= 12; a++) for (let b = -12; b <= 12; b++) pts.push({ a, b });
    const want = hexLatticeMembers(81);
    const strided = pts.map((_, k) => pts[(k * 97) % pts.length]!); // 97 is coprime to 625: a permutation
    for (const order of [pts, [...pts].reverse(), strided]) expect(selectLatticePoints(order, 81)).toEqual(want);
  });

  it('the member set does not change under tiny radius perturbations (only the scale does)', () => {
    const base = clusterFormation(81, 1000).lattice;
    for (const r of [1000 * (1 + 1e-12), 1000 * (1 - 1e-12), 999.9999999, 1000.0000001, 1000 + Number.EPSILON * 1000]) {
      expect(clusterFormation(81, r).lattice).toEqual(base);
    }
  });

  it('rejects a member count that is not a whole number ≥ 1', () => {
    for (const m of [0, -3, 2.5, Number.NaN]) expect(() => hexLatticeMembers(m)).toThrow(RangeError);
  });
});

describe('neighbour distances over an orbit', () => {
  it('2 members, radius 500 m: distance √(250² cos²θ + 500² sin²θ): min 250, max 500, mean = ellipse perimeter / 2π', () => {
    // Lattice (0,0), (1,0); in-plane stretch σ₂ = 2 so s = 500 / 2 = 250 m; member 1 at x = 250 cos θ, y = −500 sin θ.
    // Orbit mean = perimeter of the 500 × 250 ellipse / 2π; Gauss–Kummer series, h = ((a−b)/(a+b))² = 1/9:
    // P = π(a+b)(1 + h/4 + h²/64 + h³/256 + 25h⁴/16384 + 49h⁵/65536) → mean = 375 × 1.027976… = 385.49 m.
    const h = 1 / 9;
    const mean = 375 * (1 + h / 4 + h ** 2 / 64 + h ** 3 / 256 + (25 * h ** 4) / 16384 + (49 * h ** 5) / 65536);
    const f = clusterFormation(2, 500);
    expect(f.neighbours).toEqual([[0, 1]]);
    expect(f.neighbourDistance_m.min).toBeCloseTo(250, 9);
    expect(f.neighbourDistance_m.max).toBeCloseTo(500, 9);
    expect(f.neighbourDistance_m.mean / mean).toBeCloseTo(1, 6);
    expect(f.closestApproach_m).toBeCloseTo(250, 9);
  });

  it('the link sampler sees the same breathing on an SGP4 reference orbit (time-varying ranges, not a constant)', () => {
    const g = shell({ satsPerPlane: 2, clusterRadius_m: 500 });
    const terminal = clusterTerminal;
    const x = shellLinks({
      shell: g,
      window: { epochIso: '2026-03-20T00:00:00Z', duration_s: 5860, step_s: 10 },
      topology: 'cluster',
      terminal,
    });
    const r = x.classes.cluster.range_m;
    expect(x.classes.cluster.count).toBe(1);
    // One orbit (T = 5,864 s) in 10 s steps resolves the extremes and the mean to < 0.1 %; SGP4's J2 short-period
    // terms move the reference, not the offsets.
    expect(r.min / 250).toBeCloseTo(1, 2);
    expect(r.max / 500).toBeCloseTo(1, 2);
    expect(r.mean / 385.49).toBeCloseTo(1, 2);
  });

  it('Suncatcher 81 × 1 km in-plane: neighbours 109–218 m apart (paper: ~100–200 m), closest approach 109 m', () => {
    // s = R / (σ₂·√21) = 1000 / (2√21) = 109.1 m; neighbours breathe between s and 2s.
    const f = clusterFormation(81, 1000, 'in-plane');
    expect(f.neighbourDistance_m.min).toBeCloseTo(1000 / (2 * Math.sqrt(21)), 6);
    expect(f.neighbourDistance_m.max).toBeCloseTo(1000 / Math.sqrt(21), 6);
    expect(f.closestApproach_m).toBeCloseTo(109.11, 2);
    // Lattice neighbours only: at most 6 per member, and every interior member (N ≤ 12: its 6 neighbours have N ≤ 19)
    // has all 6.
    const degree = new Array<number>(81).fill(0);
    for (const [i, j] of f.neighbours) {
      degree[i]!++;
      degree[j]!++;
    }
    expect(Math.max(...degree)).toBe(6);
    f.lattice.forEach((p, k) => {
      if (norm2(p) <= 12) expect(degree[k]).toBe(6);
    });
  });

  it('circular formation: every distance constant (σ₁ = σ₂ = 2), neighbours R/√21 = 218 m; members stay 2|c| from the centre', () => {
    expect(formationStretch('circular')).toMatchObject({
      min: expect.closeTo(2, 12),
      max: expect.closeTo(2, 12),
      mean: expect.closeTo(2, 9),
    });
    const g = shell({ clusterFormation: 'circular' });
    const f = clusterFormation(81, 1000, 'circular');
    expect(f.neighbourDistance_m.min).toBeCloseTo(1000 / Math.sqrt(21), 6);
    expect(f.neighbourDistance_m.max).toBeCloseTo(1000 / Math.sqrt(21), 6);
    const m = clusterMotion(g, f),
      o = new Float64Array(3);
    let far = 0;
    for (let k = 0; k < 81; k++) for (const t of [0, 700, 2900]) far = Math.max(far, Math.hypot(...m.offset(k, t, o)));
    expect(far).toBeCloseTo(1000, 6);
  });
});

describe('formation keeping (differential J2)', () => {
  it('in-plane (Suncatcher): below 0.01 m/s per yr — equal a, i, Ω make the formation J2-invariant to first order', () => {
    expect(clusterKeeping(shell({})).deltaV_m_s_per_yr).toBeLessThan(0.01);
  });

  it("circular 1 km: the farthest member's δi = √3·500 m / a costs v·sin²i·(3/2)n·J2·(R⊕/a)²·δi per year (≈ 41 m/s)", () => {
    const a = RE + 650e3,
      n = Math.sqrt(MU / a ** 3),
      i = 97.98 * deg;
    const byHand = n * a * Math.sin(i) ** 2 * 1.5 * n * J2 * (RE / a) ** 2 * ((Math.sqrt(3) * 500) / a) * YEAR_s;
    expect(clusterKeeping(shell({ clusterFormation: 'circular' })).deltaV_m_s_per_yr / byHand).toBeCloseTo(1, 3);
  });
});

describe('formation keeping in the node mass roll-up (evaluated constellation)', () => {
  let lp: LpSolver;
  beforeAll(async () => {
    lp = await createLpSolver();
  });
  const dir = tempDir('odc-cluster-eval-');
  const file = (formation: string) =>
    `name: k\nkind: constellation\nnode: ${resolve('designs/suncatcher.yaml')}\n` +
    `shells:\n  - { name: c, altitude_km: 650, planes: 1, satsPerPlane: 19, pattern: cluster, clusterRadius_m: 1000, clusterFormation: ${formation} }\n` +
    'isl: { topology: cluster, terminal: suncatcher-dwdm }\ntraffic: { pattern: cluster, demandPerNode_Gbps: 10 }\nsimulation: { duration_h: 2, step_s: 60 }\n';

  it('circular: the keeping Δv enters the drag propellant by the rocket equation; in-plane adds ~nothing', () => {
    const inPlane = evaluateConstellationFileWith(writeFile(dir, 'p.yaml', file('in-plane')), lp).record.shells[0]!;
    const circular = evaluateConstellationFileWith(writeFile(dir, 'c.yaml', file('circular')), lp).record.shells[0]!;
    expect(inPlane.cluster!.keepingPropellant_kg).toBeLessThan(0.01);
    const k = circular.cluster!;
    // 19 members within 1 km: farthest |c| = 500 m, δi = √3·500/a → ≈ 41 m/s per yr (hand formula above).
    expect(k.keepingDeltaV_m_s_per_yr).toBeGreaterThan(35);
    const ve = 1500 * STANDARD_GRAVITY_m_s2,
      L = 5; // suncatcher.yaml: 5-year mission; drag.ts default I_sp
    const dry = circular.node.mass.dry_kg,
      dragOnly = inPlane.node.drag.propellantMass_kg;
    // Same node, same drag: propellant = m_dry·(e^{(Δv_drag·L + raise + Δv_f·L)/v_e} − 1).
    const want = dry * (Math.exp(Math.log1p(dragOnly / dry) + (k.keepingDeltaV_m_s_per_yr * L) / ve) - 1);
    // (1e-4: the in-plane shell's own ~5e-4 m/s per yr of keeping sits in `dragOnly`.)
    expect(circular.node.drag.propellantMass_kg / want).toBeCloseTo(1, 4);
    // ≈ 102 kg per node; the in-plane shell keeps ~1 g of its own (hence 5 g tolerance).
    expect(circular.node.mass.propellant_kg - inPlane.node.mass.propellant_kg).toBeCloseTo(k.keepingPropellant_kg, 2);
    expect(circular.node.mass.launch_kg - inPlane.node.mass.launch_kg).toBeCloseTo(k.keepingPropellant_kg, 2);
  });
});

describe("a cluster's network at every snapshot instant", () => {
  let lp: LpSolver;
  beforeAll(async () => {
    lp = await createLpSolver();
  });
  it('solves each instant (members breathe over the orbit); at full link rate every instant carries the same', () => {
    const dir = tempDir('odc-cluster-net-');
    const path = writeFile(
      dir,
      'n.yaml',
      `name: n\nkind: constellation\nnode: ${resolve('designs/suncatcher.yaml')}\n` +
        'shells:\n  - { name: c, altitude_km: 650, planes: 1, satsPerPlane: 7, pattern: cluster, clusterRadius_m: 1000 }\n' +
        'isl: { topology: cluster, terminal: suncatcher-dwdm }\ntraffic: { pattern: uniform, demandPerNode_Gbps: 10 }\n' +
        'simulation: { duration_h: 2, step_s: 60, snapshots: 3 }\n',
    );
    const { details } = evaluateConstellationWithDetails(loadConstellationSpec(path, loadCatalogs()), lp);
    const instants = details.networkInstants[0]!.instants;
    expect(instants).toHaveLength(3);
    // 7 members within 1 km stay well inside the terminal's full-rate range (~6 km): the same rate at each instant.
    expect(new Set(instants.map((i) => i.throughputPerNode_Gbps)).size).toBe(1);
    expect(instants[0]!.throughputPerNode_Gbps).toBeGreaterThan(0);
  });
});

describe('bad values of the new keys', () => {
  const dir = tempDir('odc-cluster-');
  const head = `name: c\nkind: constellation\nnode: ${resolve('designs/suncatcher.yaml')}\n`;
  const clusterShell = (extra: string) =>
    `shells:\n  - { name: k, altitude_km: 650, planes: 1, satsPerPlane: 81, pattern: cluster, clusterRadius_m: 1000${extra} }\n`;
  /** The error of loading `text` written as `name`. */
  const loadError = (name: string, text: string) =>
    studyErrorOf(() => parseConstellationFile(writeFile(dir, name, text)));

  it('an unknown clusterFormation names the field and the allowed values', () => {
    const e = loadError('f.yaml', head + clusterShell(', clusterFormation: hex'));
    expect(e.field).toBe('shells.0.clusterFormation');
    expect(e.message).toContain('in-plane');
    expect(e.message).toContain('circular');
  });

  it('a negative formationKeepingDeltaV_m_s_per_yr names the field and its range', () => {
    const e = loadError('d.yaml', head + clusterShell(', node: { drag: { formationKeepingDeltaV_m_s_per_yr: -1 } }'));
    expect(e.field).toContain('formationKeepingDeltaV_m_s_per_yr');
    expect(e.message).toContain('0–1000 m/s per yr');
    expect(e.message).toContain('use a value in that range');
  });

  it('a circular formation on an equatorial orbit (no node to phase its cross-track motion) names the field and the fix', () => {
    const e = loadError(
      'eq.yaml',
      `${head}shells:\n  - { name: k, altitude_km: 650, inclination_deg: 0, ` +
        'planes: 1, satsPerPlane: 7, pattern: cluster, clusterRadius_m: 1000, clusterFormation: circular }\n',
    );
    expect(e.field).toBe('shells.0.clusterFormation');
    expect(e.message).toContain('use clusterFormation: in-plane');
  });

  it('odc evaluate exits 2 with the file, field and fix, no stack trace', async () => {
    const f = writeFile(dir, 'bad-formation.yaml', head + clusterShell(', clusterFormation: hex'));
    const r = await odc('evaluate', f);
    expect(r.code).toBe(2);
    expect(r.err).toContain('bad-formation.yaml');
    expect(r.err).toContain('clusterFormation');
    expect(r.err).toContain('in-plane');
    expect(r.err).not.toMatch(/\n\s+at /);
  });
});

describe('closest approach', () => {
  /**
   * Closest approach and neighbour distances of free-orbit cluster formations
   * (src/constellation/geometry/clusterFormation.ts) against a brute-force oracle: every pair of members, their HCW
   * offsets sampled over one orbit.
   */
  const ALTITUDE_m = 650e3;
  const shell = (members: number, radius_m: number): ShellGeometrySpec =>
    clusterShell({ altitude_m: ALTITUDE_m, satsPerPlane: members, clusterRadius_m: radius_m });

  /** Min, orbit-mean and max of each pair's distance over one orbit sampled at `steps` phases. */
  function bruteForce(
    f: ClusterFormation,
    g: ShellGeometrySpec,
    steps = 2000,
  ): Map<string, { min: number; mean: number; max: number }> {
    const period_s = 2 * Math.PI * Math.sqrt((RE + ALTITUDE_m) ** 3 / MU);
    const motion = clusterMotion(g, f);
    const m = f.orbits.length;
    const at = Array.from({ length: steps }, (_, k) =>
      Array.from({ length: m }, (_, slot) =>
        Array.from(motion.offset(slot, (k * period_s) / steps, new Float64Array(3))),
      ),
    );
    const pairs = new Map<string, { min: number; mean: number; max: number }>();
    for (let i = 0; i < m; i++) {
      for (let j = i + 1; j < m; j++) {
        let [min, max, sum] = [Infinity, 0, 0];
        for (const pos of at) {
          const d = Math.hypot(pos[i]![0]! - pos[j]![0]!, pos[i]![1]! - pos[j]![1]!, pos[i]![2]! - pos[j]![2]!);
          [min, max, sum] = [Math.min(min, d), Math.max(max, d), sum + d];
        }
        pairs.set(`${i},${j}`, { min, mean: sum / steps, max });
      }
    }
    return pairs;
  }

  describe('cluster closest approach against every pair over one orbit', () => {
    for (const [members, kind] of [
      [7, 'in-plane'],
      [19, 'in-plane'],
      [7, 'circular'],
      [12, 'in-plane'],
    ] as const) {
      it(`${members} members, ${kind}: the smallest pair distance over the orbit is closestApproach_m`, () => {
        const g = { ...shell(members, 1000), clusterFormation: kind };
        const f = clusterFormation(members, 1000, kind);
        const pairs = bruteForce(f, g);
        const closest = Math.min(...[...pairs.values()].map((p) => p.min));
        expect(f.closestApproach_m / closest).toBeCloseTo(1, 4);
        // the formation's farthest member reaches the radius over the orbit
        const motion = clusterMotion(g, f);
        let far = 0;
        const period_s = 2 * Math.PI * Math.sqrt((RE + ALTITUDE_m) ** 3 / MU);
        for (let k = 0; k < 720; k++) {
          for (let s = 0; s < members; s++)
            far = Math.max(far, Math.hypot(...motion.offset(s, (k * period_s) / 720, new Float64Array(3))));
        }
        expect(far / 1000).toBeCloseTo(1, 4);
      });
    }

    it('neighbour pairs are exactly the pairs one lattice step apart; their distance statistics match the brute force', () => {
      const g = shell(19, 1000);
      const f = clusterFormation(19, 1000, 'in-plane');
      const pairs = bruteForce(f, g);
      // 19 members = the centred hexagon of k = 2 rings; its unit-step edges number 3k(3k + 1) = 42 (k = 1: 12)
      expect(f.neighbours).toHaveLength(42);
      const neighbourStats = f.neighbours.map(([i, j]) => pairs.get(`${i},${j}`)!);
      const mins = neighbourStats.map((s) => s.min),
        maxs = neighbourStats.map((s) => s.max),
        means = neighbourStats.map((s) => s.mean);
      expect(f.neighbourDistance_m.min / Math.min(...mins)).toBeCloseTo(1, 4);
      expect(f.neighbourDistance_m.max / Math.max(...maxs)).toBeCloseTo(1, 4);
      expect(f.neighbourDistance_m.mean / (means.reduce((a, b) => a + b, 0) / means.length)).toBeCloseTo(1, 3);
    });

    it('a single member has no neighbour and no approach; a cluster needs a positive radius', () => {
      const f = clusterFormation(1, 1000);
      expect(f.closestApproach_m).toBe(0);
      expect(f.neighbours).toEqual([]);
      expect(f.neighbourDistance_m).toEqual({ min: 0, mean: 0, max: 0 });
      expect(f.spacing_m).toBe(0);
      expect(() => clusterFormation(2, 0)).toThrow(/cluster radius must be > 0/);
      const two = clusterMotion(shell(2, 500), clusterFormation(2, 500));
      expect(() => two.offset(2, 0, new Float64Array(3))).toThrow(/slot 2 out of range 0…1/);
    });
  });
});
