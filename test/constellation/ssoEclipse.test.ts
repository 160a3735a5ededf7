/**
 * Sun-synchronous shells: the exported planes see the shadow their node was sized for.
 *
 * Independent path: the OMM export is parsed and re-propagated with satellite.js SGP4 over a year; the Sun
 * direction comes from the low-precision formula of The Astronomical Almanac (section C, "Low precision
 * formulas for the Sun": L = 280.460° + 0.9856474°·n, g = 357.528° + 0.9856003°·n,
 * λ = L + 1.915° sin g + 0.020° sin 2g, ε = 23.439° − 0.0000004°·n, n = JD − 2451545.0), written here;
 * the shadow is a cylinder of radius R⊕ = 6378.137 km behind the Earth (WGS 84 equatorial radius), the
 * node model's assumption. Each plane's annual mean shadow fraction (slot 0, one orbit on each of 48 days
 * spread over the year, 240 samples per orbit) is compared with the node's eclipse fraction.
 *
 * Tolerance 0.003 (absolute shadow fraction; measured agreement < 0.001): sampling quantises one orbit to
 * 1/240 ≈ 0.004 (averaged over 48 days) and the year to 48 days; SGP4's node rate (J2, J4 and J2² terms, Kozai mean
 * motion) differs slightly from the J2-only sun-synchronous rate the inclination is solved for, so the LTAN drifts by a
 * few minutes over the year; the Sun formulas agree to ~0.01°. A node sized at the shell's nominal LTAN instead of its
 * worst plane is off by ≈ 0.3 for a 24 h spread, and the apparent-Sun placement of the node shifts a dawn-dusk plane
 * by ~2° (≈ 0.002 of shadow), which this tolerance does not resolve (pattern.test.ts checks that).
 */
import { json2satrec, sgp4, type OMMJsonObject, type SatRec } from 'satellite.js';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createLpSolver } from '../../solvers/lp/index.js';
import { loadCatalogs } from '../../src/catalog/load.js';
import { evaluateConstellation } from '../../src/constellation/evaluate.js';
import { loadConstellationSpec } from '../../src/constellation/evaluator.js';
import { writeOmmJson } from '../../src/constellation/export/exportSatellites.js';
import type { ConstellationRecord } from '../../src/constellation/record/record.js';
import { orbitGeometry } from '../../src/models/orbit/orbit.js';
import type { LpSolver } from '../../src/optimize/lp.js';
import { tempDir, writeFile } from '../helpers/tmp.js';
import { deg } from '../helpers/units.js';
import { EARTH_RADIUS_km as R_EARTH_km } from '../helpers/constants.js';

/** Model vs re-propagated shadow fraction (measured agreement: < 0.001). */
const TOL = 0.003;
/** Spread of shadow across a 1 h dawn-dusk band at 650 km (orbit model: 0.039–0.042) plus TOL. */
const BAND_TOL = 0.01;
const DAYS = 48;
const STEPS = 240;
const YEAR_d = 365.25;

/** Unit vector to the Sun in the equatorial frame (Astronomical Almanac low-precision formula). */
function sunDirection(jd: number): [number, number, number] {
  const n = jd - 2451545.0;
  const L = 280.46 + 0.9856474 * n;
  const g = (357.528 + 0.9856003 * n) * deg;
  const lambda = (L + 1.915 * Math.sin(g) + 0.02 * Math.sin(2 * g)) * deg;
  const eps = (23.439 - 0.0000004 * n) * deg;
  return [Math.cos(lambda), Math.cos(eps) * Math.sin(lambda), Math.sin(eps) * Math.sin(lambda)];
}

/** Cylindrical shadow: behind the Earth (r·ŝ < 0) and within R⊕ of the Earth–Sun line. */
function inShadow(r: { x: number; y: number; z: number }, s: [number, number, number]): boolean {
  const along = r.x * s[0] + r.y * s[1] + r.z * s[2];
  if (along >= 0) return false;
  const perp2 = r.x * r.x + r.y * r.y + r.z * r.z - along * along;
  return perp2 < R_EARTH_km * R_EARTH_km;
}

/** Annual mean shadow fraction of one exported satellite: one orbit on each of DAYS days over a year. */
function annualShadowFraction(sat: SatRec): number {
  const period_min = (2 * Math.PI) / sat.no; // sat.no: mean motion [rad/min]
  let dark = 0;
  for (let d = 0; d < DAYS; d++) {
    const start_min = ((d + 0.5) * YEAR_d * 1440) / DAYS;
    for (let k = 0; k < STEPS; k++) {
      const t_min = start_min + ((k + 0.5) * period_min) / STEPS;
      const pv = sgp4(sat, t_min);
      if (pv === null || typeof pv.position !== 'object') throw new Error('sgp4 failed');
      if (inShadow(pv.position, sunDirection(sat.jdsatepoch + t_min / 1440))) dark++;
    }
  }
  return dark / (DAYS * STEPS);
}

const dir = tempDir('odc-sso-eclipse-');
const ai1 = resolve('designs/ai1.yaml');
const file =
  `name: sso\nkind: constellation\nnode: ${ai1}\n` +
  'shells:\n' +
  '  - { name: dd, altitude_km: 650, inclination_deg: sso, ltan_h: 6, planes: 4, satsPerPlane: 2, pattern: sso-ltan, ltanBand_h: 1 }\n' +
  '  - { name: all, altitude_km: 650, inclination_deg: sso, ltan_h: 6, planes: 8, satsPerPlane: 2, pattern: walker-delta }\n' +
  "isl: { topology: none }\nsimulation: { epoch: '2026-03-20T00:00:00Z', duration_h: 0.5, step_s: 300, snapshots: 1 }\n";

let lp: LpSolver;
let record: ConstellationRecord;
/** Annual shadow fraction of every exported plane (slot 0), per shell name. */
const planeShadow = new Map<string, number[]>();
beforeAll(async () => {
  lp = await createLpSolver();
  const spec = loadConstellationSpec(writeFile(dir, 'sso.yaml', file), loadCatalogs());
  record = evaluateConstellation(spec, lp);
  const chunks: string[] = [];
  writeOmmJson(spec, (c) => chunks.push(c));
  const omm = JSON.parse(chunks.join('')) as OMMJsonObject[];
  for (const o of omm) {
    const m = /^sso-(\w+)-P(\d+)-S0$/.exec(o.OBJECT_NAME);
    if (m === null) continue;
    const list = planeShadow.get(m[1]!) ?? [];
    list[Number(m[2])] = annualShadowFraction(json2satrec(o));
    planeShadow.set(m[1]!, list);
  }
});

describe('SSO shells: exported planes see the shadow their node was sized for', () => {
  it("dawn-dusk band (5:30–6:30): every plane within 0.01 of the node's eclipse fraction, none above it", () => {
    const shell = record.shells.find((s) => s.name === 'dd')!;
    const planes = planeShadow.get('dd')!;
    expect(planes).toHaveLength(4);
    expect(shell.node.orbit.eclipseFraction).toBe(shell.eclipseFraction);
    // A dawn-dusk orbit at 650 km is in shadow only around the June solstice: a few per cent over the year.
    expect(shell.eclipseFraction).toBeLessThan(0.08);
    for (const f of planes) expect(Math.abs(f - shell.eclipseFraction)).toBeLessThan(BAND_TOL);
    for (const f of planes) expect(f).toBeLessThan(shell.eclipseFraction + TOL);
    expect(Math.abs(Math.max(...planes) - shell.eclipseFraction)).toBeLessThan(TOL);
    expect(shell.ltanSpread_h).toBe(1);
  });

  it('Walker delta over 24 h of LTAN: the node is sized for the most-shadowed plane, every plane sees at most that', () => {
    const shell = record.shells.find((s) => s.name === 'all')!;
    const planes = planeShadow.get('all')!;
    expect(planes).toHaveLength(8);
    const worst = Math.max(...planes);
    const best = Math.min(...planes);
    // Planes at 6, 9, 12, …, 3 h: the noon and midnight planes sit near β = 0 all year, ≈ 0.36 in shadow
    // at 650 km (cylindrical shadow, β = 0: acos(√(h² + 2Rh)/(R + h))/π = 0.362).
    expect(worst).toBeGreaterThan(0.34);
    expect(Math.abs(worst - shell.eclipseFraction)).toBeLessThan(TOL);
    for (const f of planes) expect(f).toBeLessThan(shell.eclipseFraction + TOL);
    // The least-shadowed plane (6 h or 18 h) is what the record reports as the best.
    expect(Math.abs(best - shell.eclipseFractionBest)).toBeLessThan(TOL);
    expect(shell.ltanSpread_h).toBe(24);
    expect([0, 12]).toContain(Math.round(shell.sizingLtan_h!) % 24);
  });

  it("every exported plane, both shells, sees the shadow the orbit model gives for that plane's LTAN", () => {
    // Planes: dd at 5.625, 5.875, 6.125, 6.375 h (band 1 h, centres (p + ½)/4); all at 6 + 3p h.
    const ltans: Record<string, number[]> = { dd: [5.625, 5.875, 6.125, 6.375], all: [6, 9, 12, 15, 18, 21, 0, 3] };
    for (const [name, hours] of Object.entries(ltans)) {
      hours.forEach((ltan_h, p) => {
        const model = orbitGeometry({ altitude_m: 650e3, inclination: { kind: 'sso', ltan_h } }).eclipseFractionMean;
        expect(Math.abs(planeShadow.get(name)![p]! - model)).toBeLessThan(TOL);
      });
    }
  });

  it('the record notes say which plane each SSO node is sized for', () => {
    expect(
      record.notes.some((n) =>
        n.startsWith('shell all: SSO planes over 24 h of local time; the node is sized for the most-shadowed plane'),
      ),
    ).toBe(true);
  });
});
