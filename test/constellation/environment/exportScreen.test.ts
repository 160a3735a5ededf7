/**
 * The self-conjunction screen (conjunction.ts) runs on the elements odc exports: a small shell is written with the OMM
 * writer (exportSatellites.ts, with the B* it exports), every satellite propagated from that text with satellite.js,
 * every pair's distance sampled over one orbit and its minima refined (sgp4BruteForce.ts, no code of the screen), and
 * the brute-force minimum, the worst pair's relative speed and its time within twice the closest approach compared
 * with the screen's figures.
 */
import { json2satrec, sgp4, type OMMJsonObject, type SatRec } from 'satellite.js';
import { describe, expect, it } from 'vitest';
import { conjunctionScreen } from '../../../src/constellation/environment/conjunction.js';
import { writeOmmJson } from '../../../src/constellation/export/exportSatellites.js';
import { shellBstar } from '../../../src/constellation/export/orbitHandoff.js';
import { cira2012Density } from '../../../src/models/drag/atmosphere.js';
import type { ShellGeometrySpec } from '../../../src/constellation/design/types.js';
import { shell, ssoShell } from '../../helpers/shellSpec.js';
import { deg } from '../../helpers/units.js';
import { bruteForcePairs, sgp4Period_s, sgp4Position } from './sgp4BruteForce.js';

const EPOCH = '2026-03-20T00:00:00Z';

/** The shell's satellites as exported (OMM JSON text, B* of a knee-like B = 20 kg/m² node), parsed back. */
function exported(sh: ShellGeometrySpec): SatRec[] {
  const rho = cira2012Density({ altitude_m: sh.altitude_m, solarActivity: 'moderate' }).density_kg_m3;
  const chunks: string[] = [];
  writeOmmJson({ name: 'x', window: { epochIso: EPOCH }, shells: [{ geometry: sh }] }, (c) => chunks.push(c), {
    bstar_per_earth_radius: [shellBstar(20, rho, sh.altitude_m)],
  });
  const omm = JSON.parse(chunks.join('')) as OMMJsonObject[];
  expect(omm[0]!.BSTAR).toBeGreaterThan(0);
  return omm.map((o) => json2satrec(o));
}

/** Relative speed [m/s] of two records at t [s]. */
function relativeSpeed(a: SatRec, b: SatRec, t_s: number): number {
  const va = sgp4(a, t_s / 60)!.velocity,
    vb = sgp4(b, t_s / 60)!.velocity;
  return Math.hypot(va.x - vb.x, va.y - vb.y, va.z - vb.z) * 1000;
}

/** Time [s] the pair's distance stays below R around t, sampled every `step_s` (to ± one step). */
function timeWithin(a: SatRec, b: SatRec, t: number, R: number, step_s: number, half_s: number): number {
  const d = (s: number): number => {
    const p = sgp4Position(a, s),
      q = sgp4Position(b, s);
    return Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
  };
  let n = 0;
  for (let s = t - half_s; s <= t + half_s; s += step_s) if (d(s) < R) n++;
  return n * step_s;
}

describe('the screen of the exported elements against all pairs of the export on SGP4', () => {
  // A dawn–dusk band at the knee's 553 km with planes 0.205° apart in RAAN (the slow co-rotating pairs), and
  // a Walker delta shell crossing at ~10 km/s.
  const band = ssoShell({
    name: 'band',
    altitude_m: 553e3,
    inclination_rad: 97.6 * deg,
    planes: 5,
    satsPerPlane: 8,
    phasing: 0,
    ltanBand_h: (0.205 * 5) / 15,
  });
  const delta = shell({ name: 'delta', planes: 4, satsPerPlane: 10, phasing: 1 });

  it.each([
    ['dawn–dusk band', band],
    ['Walker delta 4 × 10', delta],
  ] as const)('%s: minimum, relative speed and encounter time agree', (_label, sh) => {
    const recs = exported(sh);
    const period = sgp4Period_s(recs[0]!);
    const brute = bruteForcePairs(recs, period, 5, 300_000);
    const screen = conjunctionScreen({ shells: [sh], epochIso: EPOCH, threshold_m: 1000, memoise: false });
    // The screen's stated residual is ~0.05 km; the exported B* lowers every satellite alike (metres per orbit).
    expect(Math.abs(screen.minSeparation_m - brute[0]!.d_m)).toBeLessThan(60);
    const w = screen.worst[0]!;
    const top = brute[0]!;
    const v = relativeSpeed(recs[top.i]!, recs[top.j]!, top.t_s);
    expect(w.relativeSpeed_m_s! / v).toBeGreaterThan(0.98);
    expect(w.relativeSpeed_m_s! / v).toBeLessThan(1.02);
    // Time within 2d of this encounter (the pair meets again half an orbit later, at the other mutual node), sampled
    // every ≤ 0.2 s (fly-by: 2√3·d/v ≈ 0.4 ms per m at 8.6 km/s; a co-rotating pair: minutes).
    const step = Math.min(0.2, (2 * top.d_m) / v / 20);
    const within = timeWithin(recs[top.i]!, recs[top.j]!, top.t_s, 2 * top.d_m, step, period / 4);
    expect(Math.abs(w.encounterDuration_s! - within)).toBeLessThan(Math.max(2 * step, 0.05 * within));
    // Nobody is closer than the 1 km threshold here.
    expect(w.belowThreshold_s).toBe(0);
  });

  it('neighbouring band planes meet slowly: v ≈ v_orb·θ, θ the angle between the planes', () => {
    const w = conjunctionScreen({ shells: [band], epochIso: EPOCH, threshold_m: 1000, memoise: false }).worst[0]!;
    // Hand: planes 0.205° apart in RAAN at i = 97.6° make θ = 0.205°·sin i = 0.2032° = 3.547e-3 rad; near their
    // crossing two satellites at the same argument of latitude move at v_orb = √(μ/a) = 7,588 m/s along directions θ
    // apart: v_rel = v_orb·θ ≈ 26.9 m/s. The satellites' 0.027° phase offset at the node leaves d ≈ r·Δ ≈ 3.3 km.
    expect(w.relativeSpeed_m_s! / 26.9).toBeGreaterThan(0.97);
    expect(w.relativeSpeed_m_s! / 26.9).toBeLessThan(1.03);
    // A co-rotating encounter at 27 m/s lasts minutes within 2d (straight-line fly-by: 2√3·d/v ≈ 420 s).
    expect(w.encounterDuration_s!).toBeGreaterThan(300);
  });
});
