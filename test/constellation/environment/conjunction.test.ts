import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createLpSolver } from '../../../solvers/lp/index.js';
import { evaluateConstellationFileWith } from '../../../src/constellation/evaluator.js';
import { parseConstellationFile } from '../../../src/constellation/design/load.js';
import { isConstellationMetric } from '../../../src/constellation/record/metrics.js';
import { compileConstellationStudy } from '../../../src/study/constellationStudy.js';
import { loadCatalogs } from '../../../src/catalog/load.js';
import { readYaml } from '../../../src/base/yaml.js';
import type { ConstellationRecord } from '../../../src/constellation/record/record.js';
import type { LpSolver } from '../../../src/optimize/lp.js';
import { formatConstellationBudget } from '../../../src/report/budget/constellationBudget.js';
import { odc } from '../../helpers/cli.js';
import { studyErrorOf, tempDir, writeFile } from '../../helpers/tmp.js';
import { conjunctionScreen } from '../../../src/constellation/environment/conjunction.js';
import { closestApproach } from '../../../src/constellation/environment/environment.js';
import { phasingScan } from '../../../src/constellation/geometry/phasing.js';
import type { ShellGeometrySpec } from '../../../src/constellation/design/types.js';
import { shell as shellSpec, ssoShell } from '../../helpers/shellSpec.js';
import { refineClasses, type ClassHit } from '../../../src/constellation/environment/refineClasses.js';
import {
  pairClassKey,
  pairClassSize,
  pairClosestApproach,
  shellState,
} from '../../../src/constellation/environment/shellState.js';
import { deg } from '../../helpers/units.js';
import { EARTH_J2 as J2, EARTH_MU_m3_s2 as MU, EARTH_RADIUS_m as RE } from '../../helpers/constants.js';

const EPOCH = '2026-03-20T00:00:00Z';

const shell = (o: Partial<ShellGeometrySpec> & { planes: number; satsPerPlane: number }): ShellGeometrySpec =>
  shellSpec({ phasing: 0, ...o });

/**
 * Brute force, written independently of src/: every satellite in the inertial frame with secular J2
 * (Vallado 2013 §9.6: Ω̇ = −1.5 n J2 (R/a)² cos i, u̇ = n[1 + 0.75 J2 (R/a)² ((5cos²i − 1) + (3cos²i − 1))]),
 * Walker elements u = s·360°/S + p·F·360°/T, Ω = Ω0 + p·spread/P, all pairs at every sample over one orbit.
 */
function bruteForceMin_m(sh: ShellGeometrySpec, samples: number): { min_m: number; step_s: number; vRel_m_s: number } {
  const a = RE + sh.altitude_m;
  const n = Math.sqrt(MU / a ** 3);
  const c = Math.cos(sh.inclination_rad),
    s = Math.sin(sh.inclination_rad);
  const k = 0.75 * J2 * (RE / a) ** 2;
  const uDot = n * (1 + k * (5 * c * c - 1 + 3 * c * c - 1));
  const raanDot = -2 * k * n * c;
  const T = sh.planes * sh.satsPerPlane;
  const spread = sh.pattern === 'walker-star' ? Math.PI : 2 * Math.PI;
  const sats: { raan: number; u: number }[] = [];
  for (let p = 0; p < sh.planes; p++) {
    for (let q = 0; q < sh.satsPerPlane; q++) {
      sats.push({
        raan: sh.raan0_rad + (p * spread) / sh.planes,
        u: (q * 2 * Math.PI) / sh.satsPerPlane + (p * sh.phasing * 2 * Math.PI) / T,
      });
    }
  }
  const period = (2 * Math.PI) / uDot;
  const step_s = period / samples;
  let min = Infinity;
  for (let j = 0; j < samples; j++) {
    const t = j * step_s;
    const xyz = sats.map((x) => {
      const O = x.raan + raanDot * t,
        u = x.u + uDot * t;
      const cO = Math.cos(O),
        sO = Math.sin(O),
        cu = Math.cos(u),
        su = Math.sin(u);
      return [a * (cO * cu - sO * su * c), a * (sO * cu + cO * su * c), a * su * s];
    });
    for (let p = 0; p < xyz.length; p++) {
      for (let q = p + 1; q < xyz.length; q++)
        min = Math.min(
          min,
          Math.hypot(xyz[p]![0]! - xyz[q]![0]!, xyz[p]![1]! - xyz[q]![1]!, xyz[p]![2]! - xyz[q]![2]!),
        );
    }
  }
  return { min_m: min, step_s, vRel_m_s: 2 * a * uDot };
}

/** The screen's secular closest approach of its one shell (the candidates' closed form, before SGP4 refinement) [m]. */
const secular = (r: { shells: readonly { secularMinSeparation_m: number }[] }): number =>
  r.shells[0]!.secularMinSeparation_m;

describe('self-conjunction screen (secular candidates) against a secular brute force', () => {
  // Three polar planes 120° apart, two satellites each. F = 0: every plane puts a satellite over the pole at
  // the same instant (u = 90° in all three planes at once): a collision. F = 1 shifts plane p by p·60°.
  const colliding = shell({ inclination_rad: 90 * deg, planes: 3, satsPerPlane: 2, phasing: 0 });
  const safe = shell({ inclination_rad: 90 * deg, planes: 3, satsPerPlane: 2, phasing: 1 });

  for (const [label, sh] of [
    ['colliding (F = 0)', colliding],
    ['safe (F = 1)', safe],
    ['53°, 5 × 4, F = 2', shell({ planes: 5, satsPerPlane: 4, phasing: 2 })],
    [
      'walker star 4 × 3, F = 1',
      shell({ pattern: 'walker-star', inclination_rad: 86.4 * deg, planes: 4, satsPerPlane: 3, phasing: 1 }),
    ],
  ] as const) {
    it.each(['grid', 'enumerate'] as const)(
      `${label}: the screen's secular closest approach (%s) is the brute-force minimum within its sampling error`,
      (method) => {
        const brute = bruteForceMin_m(sh, 20_000);
        const screen = conjunctionScreen({ shells: [sh], epochIso: EPOCH, threshold_m: 1000, method, memoise: false });
        // Samples only overshoot the true minimum, by at most v_rel·h/2.
        const sampling_m = (brute.vRel_m_s * brute.step_s) / 2;
        expect(secular(screen)).toBeLessThanOrEqual(brute.min_m + 1);
        expect(secular(screen)).toBeGreaterThanOrEqual(brute.min_m - sampling_m);
      },
    );
  }

  it('the colliding phasing collides, the safe one stays thousands of km apart', () => {
    expect(conjunctionScreen({ shells: [colliding], epochIso: EPOCH, threshold_m: 1000 }).minSeparation_m).toBeLessThan(
      1,
    );
    // F = 1: the normals of planes 0 and 1 (RAAN 0° and 120°) are θ = 120° apart and the planes cross over the
    // poles; plane 1's satellites sit 60° of argument of latitude from plane 0's (mod the 180° slot spacing), so
    // d = 2r·cos 60°·sin 30° = r/2 ≈ 3,464 km; the in-plane pair is 180° apart (2r).
    const r = RE + 550e3;
    expect(secular(conjunctionScreen({ shells: [safe], epochIso: EPOCH, threshold_m: 1000 }))).toBeCloseTo(r / 2, -1);
  });

  it('counts every colliding pair: F = 0 puts all 3 planes over each pole together, 3 pairs × 2 poles', () => {
    // Satellites (p, 0) meet at the north pole and (p, 1) at the south pole... each of the 3 plane pairs has
    // two colliding satellite pairs: (p,0)–(q,0) and (p,1)–(q,1): 6 pairs.
    const s = conjunctionScreen({ shells: [colliding], epochIso: EPOCH, threshold_m: 1000 });
    expect(s.pairsBelow).toBe(6);
    expect(s.worst[0]!.separation_m).toBeLessThan(1);
  });
});

describe('the two candidate screens agree', () => {
  // The grid steps through the repeat window and refines candidates; the enumeration evaluates every pair class
  // once in closed form. Both must find the same secular closest approach, and after SGP4 refinement the same count
  // below the threshold and, where the grid lists classes, the same classes (the grid may list fewer than k: it keeps
  // only the classes under its snapshot distance). The two may refine different representatives of a class, which
  // SGP4's eccentricity floor separates by centimetres (sgp4Refine.ts): agreement to 0.5 m.
  const cases: [string, ShellGeometrySpec, number][] = [
    ['Walker delta 12 × 10 at 53°, F = 3', shell({ planes: 12, satsPerPlane: 10, phasing: 3 }), 1000],
    [
      'Walker delta 8 × 6 polar, F = 0 (collisions at the poles)',
      shell({ inclination_rad: 90 * deg, planes: 8, satsPerPlane: 6, phasing: 0 }),
      1000,
    ],
    [
      'Walker star 6 × 8 at 86.4°, F = 1',
      shell({ pattern: 'walker-star', inclination_rad: 86.4 * deg, planes: 6, satsPerPlane: 8, phasing: 1 }),
      1000,
    ],
    [
      'sso-ltan band 7 × 9, one hour of LTAN',
      shell({
        pattern: 'sso-ltan',
        inclination_rad: 97.6 * deg,
        sunSynchronous: true,
        ltan_h: 6,
        ltanBand_h: 1,
        planes: 7,
        satsPerPlane: 9,
        phasing: 1,
      }),
      50_000,
    ],
    [
      'clusters 5 × 7 at 85°, F = 2',
      shell({
        pattern: 'cluster',
        inclination_rad: 85 * deg,
        planes: 5,
        satsPerPlane: 7,
        phasing: 2,
        clusterRadius_m: 1000,
      }),
      1000,
    ],
  ];
  it.each(cases)('%s', (_label, sh, threshold_m) => {
    const grid = conjunctionScreen({ shells: [sh], epochIso: EPOCH, threshold_m, method: 'grid', memoise: false });
    const en = conjunctionScreen({ shells: [sh], epochIso: EPOCH, threshold_m, method: 'enumerate', memoise: false });
    expect(secular(en)).toBeCloseTo(secular(grid), 3);
    expect(en.minSeparation_m).toBeCloseTo(grid.minSeparation_m, 0);
    expect(en.pairsBelow).toBe(grid.pairsBelow);
    expect(grid.worst.length).toBeGreaterThan(0);
    expect(en.worst.length).toBeGreaterThanOrEqual(grid.worst.length);
    grid.worst.forEach((w, i) => expect(en.worst[i]!.separation_m).toBeCloseTo(w.separation_m, 0));
    // Classes at one distance may come in either order: the pairs they hold must add up the same.
    const pairs = (ws: readonly { pairs: number }[]): number => ws.reduce((a, w) => a + w.pairs, 0);
    expect(pairs(en.worst.slice(0, grid.worst.length))).toBe(pairs(grid.worst));
    expect(en.shells[0]!.steps).toBe(0);
  });
});

describe('hand-worked Walker crossing', () => {
  it('two polar planes 90° apart, four slots, F = 1: d = 2r·cos(θ/2)·|sin(Δ/2)| = 2r·cos 45°·sin 22.5°', () => {
    // Walker star P = 2 at 90°: RAAN 0° and 90°, so the normals are 90° apart (θ = 90°) and the planes cross over
    // the poles, where u = 90° in both. Slots every 90°; F = 1 shifts plane 1 by 1·360°/8 = 45°, so measured from
    // the common node the closest satellite of plane 1 is Δ = 45° from any satellite of plane 0.
    // d = 2 × 6,928,137 m × 0.707107 × 0.382683 = 3,749,481 m. The in-plane chord (2r·sin 45° = 9,798 km) is larger.
    const r = RE + 550e3;
    const expected_m = 2 * r * Math.SQRT1_2 * Math.sin(22.5 * deg);
    expect(expected_m).toBeCloseTo(3_749_481, -1);
    const sh = shell({ pattern: 'walker-star', inclination_rad: 90 * deg, planes: 2, satsPerPlane: 4, phasing: 1 });
    const s = conjunctionScreen({ shells: [sh], epochIso: EPOCH, threshold_m: 1000 });
    expect(secular(s)).toBeCloseTo(expected_m, -1);
    expect(closestApproach({ shell: sh, epochIso: EPOCH }).minCrossPlaneDistance_m).toBeCloseTo(expected_m, -1);
    // 8 cross-plane pairs meet at 45° (each satellite of plane 0 has two neighbours 45° either side in plane 1).
    const w = s.worst[0]!;
    expect(w.planeA).not.toBe(w.planeB);
    expect(w.pairs).toBe(4); // one class under the slot shift: S = 4 pairs (the other 4 form a second class)
    // On SGP4 positions both classes stay within the pair bound 2E of the secular distance.
    for (const x of s.worst.slice(0, 2))
      expect(Math.abs(x.separation_m - expected_m)).toBeLessThanOrEqual(s.shells[0]!.pairBound_m);
  });
});

describe('closed forms as oracles', () => {
  it('the screen agrees with the two-body closed form (environment.ts) on Walker delta shells of every phasing', () => {
    for (let F = 0; F < 6; F++) {
      const sh = shell({ altitude_m: 700e3, inclination_rad: 87 * deg, planes: 6, satsPerPlane: 8, phasing: F });
      const ca = closestApproach({ shell: sh, epochIso: EPOCH });
      const expected = Math.min(ca.minCrossPlaneDistance_m!, ca.inPlaneSpacing_m!);
      expect(secular(conjunctionScreen({ shells: [sh], epochIso: EPOCH, threshold_m: 1000 }))).toBeCloseTo(
        expected,
        -1,
      );
      expect(phasingScan({ shell: sh, epochIso: EPOCH })!.separation_m[F]).toBeCloseTo(expected, -1);
    }
  });

  it('the phasing scan picks the F the secular screen finds best', () => {
    const base = { altitude_m: 550e3, inclination_rad: 80 * deg, planes: 7, satsPerPlane: 9 };
    const scan = phasingScan({ shell: shell({ ...base }), epochIso: EPOCH })!;
    const byScreen = Array.from({ length: 7 }, (_, F) =>
      secular(conjunctionScreen({ shells: [shell({ ...base, phasing: F })], epochIso: EPOCH, threshold_m: 1000 })),
    );
    const best = byScreen.indexOf(Math.max(...byScreen));
    expect(scan.bestPhasing).toBe(best);
    expect(scan.bestSeparation_m).toBeCloseTo(byScreen[best]!, -1);
  });

  it('clusters: reference orbits screened, members bounded by d − 2·radius, pairs within a cluster not screened', () => {
    const sh = shell({
      pattern: 'cluster',
      inclination_rad: 85 * deg,
      planes: 4,
      satsPerPlane: 7,
      phasing: 1,
      clusterRadius_m: 1000,
    });
    const ca = closestApproach({ shell: sh, epochIso: EPOCH });
    const s = conjunctionScreen({ shells: [sh], epochIso: EPOCH, threshold_m: 1000 });
    expect(secular(s)).toBeCloseTo(ca.minCrossPlaneDistance_m!, -1);
    expect(s.worst[0]!.slotA).toBeNull();
    const one = conjunctionScreen({
      shells: [shell({ pattern: 'cluster', planes: 1, satsPerPlane: 7, clusterRadius_m: 1000 })],
      epochIso: EPOCH,
      threshold_m: 1000,
    });
    expect(one.minSeparation_m).toBe(Infinity); // nothing but formation members
    // The threshold plus twice the cluster radius, plus the SGP4 inflation 2 × 2E
    expect(one.shells[0]!.screeningDistance_m).toBe(3000 + 2 * one.shells[0]!.pairBound_m);
  });

  it("between shells: the closest approach of the two shells' SGP4 radius profiles, not the altitude gap", () => {
    const a = shell({ name: 'a', planes: 2, satsPerPlane: 30, phasing: 1 });
    const b = shell({
      name: 'b',
      altitude_m: 548e3,
      inclination_rad: 70 * deg,
      planes: 2,
      satsPerPlane: 30,
      phasing: 1,
    });
    // Hand calculation (shellGap.ts header, k = J2·R⊕²/a, C = −¼k(3cos²i − 1) + ¼k·sin²i):
    // a: 550 km, 53°: k = 1.0826267e-3 × 6378137² / 6928137 = 6356.97 m,
    //    C = −¼k(3 × 0.3622 − 1) + ¼k × 0.6378 = 876.1 m
    // b: 548 km, 70°: k = 6358.80 m, C = −¼k(3 × 0.1170 − 1) + ¼k × 0.8830 = 2435.6 m
    // g(0) = 2000 + 876.1 − 2435.6 = 440.5 m; the sin²φ term −½(k_a − k_b)·sin²φ adds at most 0.6 m.
    // The secular altitude gap (2 km) passes the 1 km rule; SGP4's orbits come within 0.44 km.
    const s = conjunctionScreen({ shells: [a, b], epochIso: EPOCH, threshold_m: 1000 });
    expect(s.minSeparation_m).toBeGreaterThan(439);
    expect(s.minSeparation_m).toBeLessThan(442);
    expect(s.worst[0]!.time_s).toBeNull();
    expect(s.pairsBelow).toBeGreaterThanOrEqual(60 * 60); // every pair of the two shells
  });
});

describe('the environment.minSeparation constraint', () => {
  const dir = tempDir('odc-conjunction-');
  const file = (phasing: number, extra = '') =>
    `name: polar\nkind: constellation\nnode: ${resolve('designs/ai1.yaml')}\n` +
    `shells:\n  - { name: p, altitude_km: 550, inclination_deg: 90, planes: 3, satsPerPlane: 2, phasing: ${phasing} }\n` +
    `isl: { topology: none }\nsimulation: { duration_h: 1, step_s: 120, snapshots: 1 }\n${extra}`;
  let lp: LpSolver;
  beforeAll(async () => {
    lp = await createLpSolver();
  });
  const evaluate = (name: string, text: string): ConstellationRecord =>
    evaluateConstellationFileWith(writeFile(dir, name, text), lp).record;

  it('fails for the colliding phasing, names the pair, and the budget suggests the phasing that clears it', () => {
    const r = evaluate('collide.yaml', file(0));
    const c = r.constraints.find((x) => x.name === 'environment.minSeparation')!;
    expect(c.enforced).toBe(true);
    expect(c.satisfied).toBe(false);
    expect(c.limit).toBe(1); // the default 1 km
    expect(r.environment.minSeparation_km).toBeLessThan(0.001);
    expect(r.environment.conjunctions.pairsBelow).toBe(6);
    const w = r.environment.conjunctions.worst[0]!;
    expect(w.planeA).not.toBe(w.planeB);
    // F = 1 or 2 both give r/2 (the hand calculation above); the scan reports the smaller.
    expect(r.environment.conjunctions.shells[0]!.bestPhasing).toBe(1);
    expect(r.environment.conjunctions.shells[0]!.bestPhasingSeparation_km).toBeCloseTo((RE + 550e3) / 2 / 1000, 0);
    expect(formatConstellationBudget(r)).toContain('try phasing: 1');
  });

  it('two shells closer in altitude than required fail, and the budget says to move one', () => {
    const two = file(1).replace(
      'phasing: 1 }\n',
      'phasing: 1 }\n  - { name: q, altitude_km: 550.5, inclination_deg: 90, planes: 1, satsPerPlane: 4 }\n',
    );
    const r = evaluate('two.yaml', two);
    // 550.5 − 550 km: at one inclination SGP4's radius profiles (shellGap.ts) differ by that and ½(k_p − k_q)·cos²φ,
    // k = J2·R⊕²/a: ½ × 1.0826267e-3 × 6378137² × (1/6928137 − 1/6928637) = 0.23 m at most.
    expect(Math.abs(r.environment.minSeparation_km - 0.5)).toBeLessThan(0.0003);
    expect(r.environment.conjunctions.pairsBelow).toBe(6 * 4); // every pair across the two shells
    expect(r.constraints.find((x) => x.name === 'environment.minSeparation')!.satisfied).toBe(false);
    expect(formatConstellationBudget(r)).toContain('move one shell');
  });

  it('passes for the safe phasing', () => {
    const r = evaluate('safe.yaml', file(1));
    const c = r.constraints.find((x) => x.name === 'environment.minSeparation')!;
    expect(c.satisfied).toBe(true);
    expect(r.environment.conjunctions.pairsBelow).toBe(0);
    expect(r.environment.conjunctions.shells[0]!.bestPhasing).toBeNull(); // nothing to fix
  });

  it("a required separation above the safe design's closest approach makes it fail", () => {
    const r = evaluate('strict.yaml', file(1, 'environment: { minSeparation_km: 4000 }\n'));
    expect(r.constraints.find((x) => x.name === 'environment.minSeparation')!.satisfied).toBe(false);
  });

  it('a bad required separation names the field and the fix', () => {
    const e = studyErrorOf(() =>
      parseConstellationFile(writeFile(dir, 'neg.yaml', file(1, 'environment: { minSeparation_km: -1 }\n'))),
    );
    expect(e.code).toBe('OUT_OF_RANGE');
    expect(e.message).toContain('environment.minSeparation_km');
    expect(e.message).toContain('use a value in that range');
    const typo = studyErrorOf(() =>
      parseConstellationFile(writeFile(dir, 'typo.yaml', file(1, 'environment: { minSeparation: 1 }\n'))),
    );
    expect(typo.message).toContain('write environment.minSeparation_km');
  });

  it('odc evaluate exits 2 on a bad required separation, without a stack trace', async () => {
    const r = await odc('evaluate', writeFile(dir, 'word.yaml', file(1, 'environment: { minSeparation_km: far }\n')));
    expect(r.code).toBe(2);
    expect(r.err).toContain('environment.minSeparation_km');
    expect(r.err).not.toMatch(/\n\s+at /);
  });
});

describe('phasing in constellation studies', () => {
  const dir = tempDir('odc-conjunction-study-');
  const text =
    `name: ph\nkind: constellation\nnode: ${resolve('designs/ai1.yaml')}\n` +
    'shells:\n  - { name: a, altitude_km: 550, inclination_deg: 80, planes: 10, satsPerPlane: 9, phasing: 1 }\n' +
    'isl: { topology: none }\nsimulation: { duration_h: 1, step_s: 300, snapshots: 1 }\n' +
    'variables:\n  shells.a.planes: { int: [2, 10] }\n  shells.a.phasing: { int: [0, 9] }\n' +
    'objectives:\n  - minimize: totals.cost_USD\nalgorithm: { name: nsga2, population: 4, generations: 1, seed: 1 }\n';

  it('a searched F at or above the plane count is taken modulo P: the same constellation, Walker F and F + P', async () => {
    const lp = await createLpSolver();
    const study = compileConstellationStudy(readYaml(writeFile(dir, 'ph.yaml', text)), loadCatalogs(), lp, () => {
      throw new Error('this study names no node run');
    });
    expect(study.problem.constraints.map((c) => c.name)).toContain('environment.minSeparation');
    const g = study.spec(Float64Array.from([4, 7])).shells[0]!.geometry;
    expect(g.planes).toBe(4);
    expect(g.phasing).toBe(3);
    // Independent of the mapping: with T = 36, F = 7 shifts plane p by p·7·10° = p·3·10° + p·40°, and 40° is one whole
    // slot (360°/9): the same set of positions as F = 3, so the same closest approach.
    const sep = (F: number) =>
      conjunctionScreen({ shells: [{ ...g, phasing: F }], epochIso: EPOCH, threshold_m: 1000 }).minSeparation_m;
    expect(sep(7)).toBeCloseTo(sep(3), 0);
  });

  it("studies can name the screen's figures", () => {
    for (const m of [
      'environment.minSeparation_km',
      'environment.conjunctions.pairsBelow',
      'environment.conjunctions.required_km',
    ])
      expect(isConstellationMetric(m)).toBe(true);
  });
});

describe('the enumeration screen refines the classes an ordered list of every class gives', () => {
  // Oracle: every pair class of the shell (plane p1 slot 0 with plane p2 slot ds, in enumeration order), its secular
  // closest approach in closed form, a stable sort by it, cut where the screen's own rule cuts (the k closest, then
  // those within D), refined by refineClasses one by one. The screen computes a class only when its order needs it
  // and leaves out those the refinement would skip: a class left out that the refinement would refine, or one placed
  // out of order, changes the refined count or the worst pairs.
  const k = 10;
  it.each([
    ['sso-ltan band 40 × 30, 650 km, 1 h', ssoShell({ planes: 40, satsPerPlane: 30, phasing: 1, altitude_m: 650e3 })],
    ['sso-ltan band 25 × 41, 2 h, F = 7', ssoShell({ planes: 25, satsPerPlane: 41, phasing: 7, ltanBand_h: 2 })],
    ['Walker delta 30 × 24 at 53°, F = 5', shell({ planes: 30, satsPerPlane: 24, phasing: 5 })],
  ] as const)('%s', (_label, sh) => {
    const threshold_m = 1000;
    const st = shellState(sh, EPOCH);
    const S = st.slots;
    const all: ClassHit[] = [];
    const add = (a: number, b: number): void => {
      const ca = pairClosestApproach(st, a, b);
      all.push({ a, b, d_m: ca.d_m, t_s: ca.t_s, size: pairClassSize(st, a, b) });
    };
    if (st.delta) for (let b = 1; b < st.u0.length; b++) add(0, b);
    else
      for (let p1 = 0; p1 < st.planes; p1++) {
        for (let ds = 1; 2 * ds <= S; ds++) add(p1 * S, p1 * S + ds);
        for (let p2 = p1 + 1; p2 < st.planes; p2++) for (let ds = 0; ds < S; ds++) add(p1 * S, p2 * S + ds);
      }
    // Walker delta: one class per pair (0, b) and its mirror; keep each class's smaller representative once.
    const seen = new Set<number>();
    const classes = all.filter((h) => {
      const key = pairClassKey(st, h.a, h.b);
      return seen.has(key) ? false : (seen.add(key), true);
    });
    classes.sort((x, y) => x.d_m - y.d_m);
    const D = Math.max(threshold_m, classes[k - 1]!.d_m) + 2 * st.pairBound_m;
    const read = classes.filter((h, i) => i < k || h.d_m < D);
    const want = refineClasses(st, read, threshold_m, k);
    const got = conjunctionScreen({
      shells: [sh],
      epochIso: EPOCH,
      threshold_m,
      worst: k,
      method: 'enumerate',
      memoise: false,
      encounters: false,
    });
    expect(got.shells[0]!.refinedClasses).toBe(want.refinedClasses);
    expect(got.shells[0]!.pairsBelow).toBe(want.pairsBelow);
    expect(got.shells[0]!.secularMinSeparation_m).toBe(want.secularMin_m);
    expect(got.worst.map((w) => [w.separation_m, w.time_s, w.pairs])).toEqual(
      want.hits.map((h) => [h.d_m, h.t_s, h.size]),
    );
  });
});
