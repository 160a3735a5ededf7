/**
 * The SGP4 refinement of the self-conjunction screen (sgp4Refine.ts, refineClasses.ts) against independent oracles:
 * satellite.js run satellite by satellite (sgp4BruteForce.ts: every pair, every 2 s sample, golden-section refined),
 * and SGP4 against its own secular mean elements for the excursion bound E.
 */
import { SatRecError, type SatRec } from 'satellite.js';
import { describe, expect, it } from 'vitest';
import { conjunctionScreen } from '../../../src/constellation/environment/conjunction.js';
import {
  sgp4ExcursionBound_m,
  sgp4PairBound_m,
  Sgp4Objects,
  shiftedSatrec,
} from '../../../src/constellation/environment/sgp4Refine.js';
import { shellState } from '../../../src/constellation/environment/shellState.js';
import { circularSatrec } from '../../../src/constellation/geometry/propagate.js';
import { satelliteJs } from '../../../src/base/satelliteJs.js';
import type { ShellGeometrySpec } from '../../../src/constellation/design/types.js';
import { shell, ssoShell } from '../../helpers/shellSpec.js';
import { deg } from '../../helpers/units.js';
import { bruteForcePairs, satrecOf, sgp4Period_s, sgp4Position, type Slot, worstOverDay } from './sgp4BruteForce.js';
import { EARTH_RADIUS_m as RE_m } from '../../helpers/constants.js';

const EPOCH = '2026-03-20T00:00:00Z';

/**
 * Every satellite's epoch elements from the pattern formulas (Walker 1984: u = s·360°/S + p·F·360°/T; RAAN evenly
 * over 360°, or an LTAN band of ltanBand_h hours centred on the band, 15° per hour). SGP4's near-Earth theory has
 * only zonal terms, so turning every RAAN by one angle turns every trajectory: the band's absolute RAAN (the Sun's
 * right ascension) does not change any distance and is left at 0.
 */
function slots(sh: ShellGeometrySpec): Slot[] {
  const out: Slot[] = [];
  const P = sh.planes,
    S = sh.satsPerPlane;
  for (let p = 0; p < P; p++) {
    const raan_rad =
      sh.pattern === 'sso-ltan'
        ? ((sh.ltanBand_h * (p + 0.5)) / P) * 15 * deg
        : sh.raan0_rad + (p * (sh.pattern === 'walker-star' ? Math.PI : 2 * Math.PI)) / P;
    for (let s = 0; s < S; s++)
      out.push({
        plane: p,
        slot: s,
        raan_rad,
        u_rad: (2 * Math.PI * s) / S + (2 * Math.PI * p * sh.phasing) / (P * S),
      });
  }
  return out;
}

describe('SGP4 excursion bound E', () => {
  // SGP4 against the circular orbit of radius R⊕ + h at SGP4's own mean argument of latitude (M + ω) and node, read
  // from the satellite.js record's secular rates: the difference is every periodic term SGP4 adds, plus the constant
  // radius offset of its mean-motion recovery. Over a day at 60 s, several planes and phases per orbit.
  const cases: [number, number][] = [];
  for (const h of [300, 550, 1200, 2000]) for (const i of [0.5, 30, 53, 70, 87, 97.8, 120]) cases.push([h, i]);
  it.each(cases)('%s km, %s°: |SGP4 − secular| ≤ E, and E is within 1.6× of the largest measured', (h_km, i_deg) => {
    const h = h_km * 1000,
      i = i_deg * deg,
      r = RE_m + h;
    const worst = worstOverDay(h, i, EPOCH, 60, (rec, t) => {
      const x = secularPosition(rec, r, i, t),
        y = sgp4Position(rec, t);
      return Math.hypot(y[0] - x[0], y[1] - x[1], y[2] - x[2]);
    });
    const E = sgp4ExcursionBound_m(h, i);
    expect(worst).toBeLessThanOrEqual(E);
    expect(E).toBeLessThan(1.6 * worst);
  });
});

/** Position [m] of a circular orbit of radius r at SGP4's own mean argument of latitude and node at t. */
function secularPosition(rec: SatRec, r: number, i: number, t_s: number): [number, number, number] {
  const m = t_s / 60;
  const u = rec.mo + rec.mdot * m + rec.argpo + rec.argpdot * m,
    O = rec.nodeo + rec.nodedot * m;
  return [
    r * (Math.cos(O) * Math.cos(u) - Math.sin(O) * Math.sin(u) * Math.cos(i)),
    r * (Math.sin(O) * Math.cos(u) + Math.cos(O) * Math.sin(u) * Math.cos(i)),
    r * Math.sin(u) * Math.sin(i),
  ];
}

describe('SGP4 pair bound', () => {
  // Pairs of satellites of one shell: the change SGP4 makes to their distance at each instant, against the pair bound
  // (2E for planes far apart; much less for neighbouring planes close in phase), over a day at 30 s.
  const pairs: [string, number, number, number, number][] = [
    // label, altitude, inclination, RAAN difference, phase difference
    ['sso band neighbours 0.125°, 3°', 650e3, 97.98 * deg, 0.125 * deg, 3 * deg],
    ['sso band neighbours 0.5°, 0.1°', 650e3, 97.98 * deg, 0.5 * deg, 0.1 * deg],
    ['53° planes 5° apart, 10° in phase', 550e3, 53 * deg, 5 * deg, 10 * deg],
    ['53° planes 150° apart, 170° in phase', 550e3, 53 * deg, 150 * deg, 170 * deg],
    ['30° planes 1° apart, same phase', 1200e3, 30 * deg, 1 * deg, 0],
  ];
  it.each(pairs)('%s', (_label, h, i, dRaan, dU) => {
    const r = RE_m + h;
    const bound = sgp4PairBound_m(h, i, dRaan, dU);
    let worst = 0;
    for (const [raan0, u0] of [
      [0.3, 0],
      [2, 4],
    ] as const) {
      const a = satrecOf(h, i, { plane: 0, slot: 0, raan_rad: raan0, u_rad: u0 }, EPOCH);
      const b = satrecOf(h, i, { plane: 1, slot: 0, raan_rad: raan0 + dRaan, u_rad: u0 + dU }, EPOCH);
      for (let t = 0; t <= 86_400; t += 30) {
        const [pa, pb, sa, sb] = [
          sgp4Position(a, t),
          sgp4Position(b, t),
          secularPosition(a, r, i, t),
          secularPosition(b, r, i, t),
        ];
        const d = Math.hypot(pa[0] - pb[0], pa[1] - pb[1], pa[2] - pb[2]),
          ds = Math.hypot(sa[0] - sb[0], sa[1] - sb[1], sa[2] - sb[2]);
        worst = Math.max(worst, Math.abs(d - ds));
      }
    }
    expect(worst).toBeLessThanOrEqual(bound);
    expect(bound).toBeLessThanOrEqual(2 * sgp4ExcursionBound_m(h, i));
  });
});

/** The shells: near-crossing phasings (secular closest approach 0 for F = 0, 2, 4 of the 6 × 8), several F. */
const SHELLS: [string, ShellGeometrySpec, number][] = [
  ['Walker delta 6 × 8, 53°, F = 0 (secular collisions)', shell({ planes: 6, satsPerPlane: 8, phasing: 0 }), 20_000],
  ['Walker delta 6 × 8, 53°, F = 1', shell({ planes: 6, satsPerPlane: 8, phasing: 1 }), 120_000],
  ['Walker delta 6 × 8, 53°, F = 2', shell({ planes: 6, satsPerPlane: 8, phasing: 2 }), 20_000],
  ['Walker delta 6 × 8, 53°, F = 3', shell({ planes: 6, satsPerPlane: 8, phasing: 3 }), 250_000],
  [
    'Walker delta 12 × 12, 87°, F = 3',
    shell({ planes: 12, satsPerPlane: 12, phasing: 3, inclination_rad: 87 * deg }),
    30_000,
  ],
  [
    'sso-ltan band 4 × 8 over 24 h, F = 0 (secular collisions)',
    ssoShell({ planes: 4, satsPerPlane: 8, ltanBand_h: 24, phasing: 0 }),
    10_000,
  ],
  [
    'sso-ltan band 5 × 6 over 24 h, F = 1',
    ssoShell({ planes: 5, satsPerPlane: 6, ltanBand_h: 24, phasing: 1 }),
    80_000,
  ],
  // Neighbouring planes 2.5° apart in RAAN, in phase: the pair bound is ~1 km, not 2E.
  [
    'sso-ltan band 6 × 30 over 1 h, F = 0',
    ssoShell({ planes: 6, satsPerPlane: 30, ltanBand_h: 1, phasing: 0 }),
    100_000,
  ],
  [
    'Walker star 6 × 8, 86.4°, F = 1',
    shell({ pattern: 'walker-star', inclination_rad: 86.4 * deg, planes: 6, satsPerPlane: 8, phasing: 1 }),
    200_000,
  ],
];

/** Stated residual of the screen against the brute force over the first orbit (root finding, class members) [m]. */
const RESIDUAL_m = 1;

describe('SGP4-refined screen against an all-pairs SGP4 brute force', () => {
  it.each(SHELLS)('%s', (_label, sh, threshold_m) => {
    const recs = slots(sh).map((s) => satrecOf(sh.altitude_m, sh.inclination_rad, s, EPOCH));
    const brute = bruteForcePairs(recs, 1.05 * sgp4Period_s(recs[0]!), 2, threshold_m + 5_000);
    const screen = conjunctionScreen({ shells: [sh], epochIso: EPOCH, threshold_m, memoise: false });
    // The closest approach, and no pair below the threshold missed or added (none of the brute force's pairs lies
    // within the residual of the threshold, so the count is unambiguous).
    expect(brute.length).toBeGreaterThan(0);
    expect(Math.abs(screen.minSeparation_m - brute[0]!.d_m)).toBeLessThanOrEqual(RESIDUAL_m);
    expect(brute.every((b) => Math.abs(b.d_m - threshold_m) > RESIDUAL_m)).toBe(true);
    expect(screen.pairsBelow).toBe(brute.filter((b) => b.d_m < threshold_m).length);
    expect(screen.pairsBelow).toBeGreaterThan(0);
    // The reported pair at the reported time is that close on SGP4 positions.
    const w = screen.worst[0]!;
    const at = (p: number, s: number): [number, number, number] =>
      sgp4Position(recs[p * sh.satsPerPlane + s]!, w.time_s!);
    const x = at(w.planeA!, w.slotA!),
      y = at(w.planeB!, w.slotB!);
    expect(Math.abs(Math.hypot(x[0] - y[0], x[1] - y[1], x[2] - y[2]) - w.separation_m)).toBeLessThanOrEqual(
      RESIDUAL_m,
    );
  });

  it('the minimum over the first orbit holds a day later, to SGP4 eccentricity-floor drift (≤ 50 m)', () => {
    const sh = SHELLS[0]![1];
    const recs = slots(sh).map((s) => satrecOf(sh.altitude_m, sh.inclination_rad, s, EPOCH));
    const later = bruteForcePairs(recs, 1.05 * sgp4Period_s(recs[0]!), 2, 30_000, 86_400);
    const screen = conjunctionScreen({ shells: [sh], epochIso: EPOCH, threshold_m: 1000, memoise: false });
    expect(Math.abs(screen.minSeparation_m - later[0]!.d_m)).toBeLessThanOrEqual(50);
  });

  it('the secular closed form alone errs by kilometres where planes cross: what the refinement corrects', () => {
    // 6 × 8, F = 0: planes 180° apart put two satellites on one point (u = 0 and 180°) under two-body + secular J2;
    // SGP4's J3 along-track term, |J3/J2|·R⊕·sin i·cos u (+11.9 km at u = 0, −11.9 km at u = 180°, 53°), moves
    // them along their two crossing tracks by opposite amounts: kilometres apart, within the pair bound 2E.
    const s = conjunctionScreen({ shells: [SHELLS[0]![1]], epochIso: EPOCH, threshold_m: 1000, memoise: false });
    expect(s.shells[0]!.secularMinSeparation_m).toBeLessThan(1);
    expect(s.minSeparation_m).toBeGreaterThan(5_000);
    expect(s.minSeparation_m).toBeLessThan(s.shells[0]!.pairBound_m);
  });
});

describe('satellite.js records of the oracle', () => {
  it('are the circular elements written (mean motion √(μ/a³), e 1e-7)', () => {
    const rec = satrecOf(550e3, 53 * deg, { plane: 0, slot: 0, raan_rad: 0, u_rad: 0 }, EPOCH);
    expect(rec.error).toBe(SatRecError.None);
    expect(rec.ecco).toBeCloseTo(1e-7, 12);
  });
});

describe('records of the screen', () => {
  // Oracle: satellite.js's own initialisation (json2satrec → sgp4init) of each object's elements.
  it.each([
    ['Walker delta 550 km, 53°, 5 × 7, F = 3', shell({ planes: 5, satsPerPlane: 7, phasing: 3 })],
    ['sso-ltan band 650 km, 97.98°, 4 × 9', ssoShell({ planes: 4, satsPerPlane: 9 })],
    ['Walker star 1,200 km, 87.9°', shell({ pattern: 'walker-star', altitude_m: 1200e3, inclination_rad: 87.9 * deg })],
    ['retrograde 450 km, 120°', shell({ altitude_m: 450e3, inclination_rad: 120 * deg, phasing: 0 })],
  ] as const)('%s: shifted copies of object 0 are json2satrec records field for field', (_label, sh) => {
    const st = shellState(sh, EPOCH);
    const objs = new Sgp4Objects(st);
    for (let k = 0; k < st.u0.length; k++) {
      const own = circularSatrec(st.elements(k), EPOCH);
      const copy = objs.satrec(k);
      expect(Object.keys(copy).sort()).toEqual(Object.keys(own).sort());
      for (const f of Object.keys(own) as (keyof SatRec)[]) expect([f, copy[f]]).toEqual([f, own[f]]);
      // and they propagate alike, bit for bit
      for (const t_min of [0, 17.3, 95, 1440]) {
        const a = satelliteJs().sgp4(copy, t_min),
          b = satelliteJs().sgp4(own, t_min);
        expect(a).toEqual(b);
      }
    }
  });

  it('a record whose RAAN or phase is not shifted differs from the shifted one (the oracle sees the angles)', () => {
    const st = shellState(shell({ planes: 3, satsPerPlane: 4 }), EPOCH);
    const template = circularSatrec(st.elements(0), EPOCH);
    const e = st.elements(5);
    expect(shiftedSatrec(template, e)).not.toEqual(circularSatrec({ ...e, raan_rad: e.raan_rad + 1e-9 }, EPOCH));
    expect(shiftedSatrec(template, e)).not.toEqual(
      circularSatrec({ ...e, argumentOfLatitude_rad: e.argumentOfLatitude_rad + 1e-9 }, EPOCH),
    );
  });
});
