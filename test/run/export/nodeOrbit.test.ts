/**
 * A node design's orbit out as OMM/TLE (src/run/export/nodeOrbit.ts through `odc export`). The TLE is read back by
 * satellite.js and every element checked against a hand calculation from the design's record, never against the
 * writer: altitude from the mean motion by Kepler's third law (n = √(μ/a³), J2 ignored, the constellation export's
 * mean-element convention), the J2 sun-synchronous inclination, the RAAN from the LTAN and the Sun's right ascension
 * by the Astronomical Almanac's low-precision formulas, B* from the ballistic coefficient (Spacetrack Report #3), and
 * the modulo-10 checksums. The OMM carries the same elements.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { twoline2satrec } from 'satellite.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { runStudy } from '../../../src/index.js';
import { exportDesign } from '../../../src/run/export/export.js';
import { nodeSatellite } from '../../../src/run/export/nodeOrbit.js';
import { writeTle } from '../../../src/constellation/export/exportSatellites.js';
import { odc } from '../../helpers/cli.js';
import { EARTH_J2, EARTH_MU_km3_s2, EARTH_RADIUS_km } from '../../helpers/constants.js';
import { writeFile } from '../../helpers/tmp.js';
import { tempDir } from '../../report/helpers.js';
import { closedAi1StudyText } from '../../helpers/closedNodeStudy.js';

const dir = tempDir('node-orbit');
const DEG = Math.PI / 180;
const MU_km3_s2 = EARTH_MU_km3_s2;
const RE_km = EARTH_RADIUS_km;
const J2 = EARTH_J2;

/** Altitude [km] of a circular orbit of mean motion n [rev/day]: a = (μ/n²)^(1/3) (Kepler's third law). */
const altitudeOf = (n_rev_day: number): number =>
  Math.cbrt(MU_km3_s2 / ((n_rev_day * 2 * Math.PI) / 86400) ** 2) - RE_km;

/**
 * J2 sun-synchronous inclination [deg] at altitude h: −(3/2)·n·J2·(R⊕/a)²·cos i = 2π / 365.2422 d (Vallado 2013
 * eq. 9-41 with the tropical year).
 */
function ssoInclination_deg(h_km: number): number {
  const a = RE_km + h_km;
  const n = Math.sqrt(MU_km3_s2 / a ** 3);
  return Math.acos(-((2 * Math.PI) / (365.2422 * 86400)) / (1.5 * n * J2 * (RE_km / a) ** 2)) / DEG;
}

/**
 * The Sun at Julian date jd, low-precision formulas of the Astronomical Almanac (section C, "Low precision formulas
 * for the Sun", ±0.01° 1950–2050): mean longitude L, and the right ascension α of the true Sun [deg, 0…360).
 */
function sun(jd: number): { meanLongitude_deg: number; rightAscension_deg: number } {
  const d = jd - 2451545.0;
  const L = 280.46 + 0.9856474 * d;
  const g = (357.528 + 0.9856003 * d) * DEG;
  const lambda = (L + 1.915 * Math.sin(g) + 0.02 * Math.sin(2 * g)) * DEG;
  const eps = (23.439 - 0.0000004 * d) * DEG;
  const alpha = Math.atan2(Math.cos(eps) * Math.sin(lambda), Math.cos(lambda)) / DEG;
  const wrap = (x: number): number => ((x % 360) + 360) % 360;
  return { meanLongitude_deg: wrap(L), rightAscension_deg: wrap(alpha) };
}

/** Angular difference a − b wrapped to (−180, 180] [deg]. */
const angleDiff = (a: number, b: number): number => ((((a - b) % 360) + 540) % 360) - 180;

/** Modulo-10 TLE checksum of a line's first 68 characters (digits their value, '-' one; CelesTrak tle-fmt). */
function checksum(line: string): number {
  let s = 0;
  for (const c of line.slice(0, 68)) s += c === '-' ? 1 : /\d/.test(c) ? Number(c) : 0;
  return s % 10;
}

interface NodeRecordJson {
  orbit: { altitude_km: number; inclination_deg: number; sunSynchronous: boolean; ltan_h: number | null };
  drag: { ballisticCoefficient_kg_m2: number; density_kg_m3: number };
}

describe('a node design exports its orbit as one satellite (OMM, TLE)', () => {
  let run: string;
  let index: number;
  let rec: NodeRecordJson;
  beforeAll(async () => {
    // AI1 with bounds that close it (test/helpers/closedNodeStudy.ts): a feasible front.
    const study = writeFile(dir, 'node.yaml', closedAi1StudyText('orbit-out'));
    run = (await runStudy({ studyPath: study, outDir: join(dir, 'run'), workers: 0 })).runDir;
    const pareto = JSON.parse(readFileSync(join(run, 'pareto.json'), 'utf8'));
    index = pareto.designs[0].index;
    rec = pareto.designs[0].record;
  }, 300_000);

  it("the TLE's elements are the design's orbit by hand calculation, its checksums valid", () => {
    const lines = exportDesign(run, { design: String(index), format: 'tle' })
      .text.trimEnd()
      .split('\n');
    expect(lines.length).toBe(3); // one satellite: name, line 1, line 2
    expect(lines[0]).toBe(`orbit-out-${index}-node-P0-S0`);
    for (const l of lines.slice(1)) expect(Number(l[68])).toBe(checksum(l));
    const sat = twoline2satrec(lines[1]!, lines[2]!);
    expect(sat.error).toBe(0);
    // Mean motion → altitude: 8 decimals of rev/day are ~1 mm of altitude; 1 m allowed.
    const n_rev_day = (sat.no * 1440) / (2 * Math.PI); // satrec.no: rad/min, after sgp4init
    const fromLine = Number(lines[2]!.slice(52, 63));
    expect(Math.abs(altitudeOf(fromLine) - rec.orbit.altitude_km)).toBeLessThan(1e-3);
    // satellite.js un-Kozais n (Brouwer mean motion): within 0.1 % of the line's, whose convention the test checks.
    expect(Math.abs(n_rev_day / fromLine - 1)).toBeLessThan(1e-3);
    // SSO inclination by J2 at the altitude (the TLE's 1e-4° rounding; the year's length 365.2422 vs 365.2564 d
    // would move it by 4e-4°).
    expect(rec.orbit.sunSynchronous).toBe(true);
    expect(Math.abs(sat.inclo / DEG - ssoInclination_deg(rec.orbit.altitude_km))).toBeLessThan(2e-4);
    // RAAN = mean Sun's right ascension + (LTAN − 12 h)·15°/h at the epoch 2026-03-20T00:00Z (JD 2461119.5).
    expect(sat.jdsatepoch).toBeCloseTo(2461119.5, 8);
    const s = sun(2461119.5);
    const raan = sat.nodeo / DEG;
    const expected = s.meanLongitude_deg + (rec.orbit.ltan_h! - 12) * 15;
    // The Almanac's L and Vallado's 36000.771°/century agree to 1e-4° over decades; the TLE rounds to 1e-4°.
    expect(Math.abs(angleDiff(raan, expected))).toBeLessThan(1e-3);
    // Against the true Sun the offset is the equation of time (mean − apparent), ≤ 16.5 min = 4.1° all year, and
    // −7.4 min (−1.85°) at the March equinox (Astronomical Almanac): 0.2° allowed for the low-precision formulas.
    expect(Math.abs(angleDiff(raan - (rec.orbit.ltan_h! - 12) * 15, s.rightAscension_deg) - -1.85)).toBeLessThan(0.2);
    // Circular: e = 1e-7 (SGP4 floors it at 1e-6), ω = 0, M = 0.
    expect(sat.ecco).toBeCloseTo(1e-7, 12);
    expect(sat.argpo).toBe(0);
    expect(sat.mo).toBe(0);
    // B* = ρ₀/(2B)·ρ_odc/ρ_SGP4(h), ρ₀ = 0.15696615 kg/m²/ER, ρ_SGP4 = ρ₀/ER·(42/(h − 78))⁴ (Spacetrack Report #3).
    const rhoSgp4 = (0.15696615 / 6378135) * (42 / (rec.orbit.altitude_km - 78)) ** 4;
    const bstar = (0.15696615 / (2 * rec.drag.ballisticCoefficient_kg_m2)) * (rec.drag.density_kg_m3 / rhoSgp4);
    expect(sat.bstar / bstar).toBeCloseTo(1, 4);
  });

  it('the OMM carries the same elements', () => {
    const [omm, ...more] = JSON.parse(exportDesign(run, { design: String(index), format: 'omm' }).text);
    expect(more).toEqual([]);
    const lines = exportDesign(run, { design: String(index), format: 'tle' })
      .text.trimEnd()
      .split('\n');
    const sat = twoline2satrec(lines[1]!, lines[2]!);
    expect(omm.OBJECT_NAME).toBe(lines[0]);
    expect(omm.EPOCH).toBe('2026-03-20T00:00:00.000'); // CCSDS OMM: UTC without a zone letter
    expect(omm.MEAN_MOTION).toBeCloseTo(Number(lines[2]!.slice(52, 63)), 7);
    expect(omm.INCLINATION).toBeCloseTo(sat.inclo / DEG, 3);
    expect(Math.abs(angleDiff(omm.RA_OF_ASC_NODE, sat.nodeo / DEG))).toBeLessThan(1e-4);
    expect(omm.ECCENTRICITY).toBe(sat.ecco);
    expect(omm.BSTAR / sat.bstar).toBeCloseTo(1, 4);
  });

  it('odc export <run> --format tle exits 0 and writes one satellite; qsmag stays a constellation format', async () => {
    const out = join(dir, 'node.tle');
    const r = await odc('export', run, '--design', String(index), '--format', 'tle', '--out', out);
    expect(r.code).toBe(0);
    const lines = readFileSync(out, 'utf8').trimEnd().split('\n');
    expect(lines.length).toBe(3);
    expect(lines[1]!.startsWith('1 ')).toBe(true);
    expect(lines[2]!.startsWith('2 ')).toBe(true);
    const q = await odc('export', run, '--design', String(index), '--format', 'qsmag');
    expect(q.code).toBe(2);
    expect(q.err).toContain('this is a node run (use omm, omm-xml, tle, oem, oem-xml, czml for its orbit)');
    const f = await odc('export', run, '--design', String(index), '--format', 'omm', '--frozen-eccentricity');
    expect(f.code).toBe(2);
    expect(f.err).toMatch(/SGP4 mean elements/);
  });
});

describe('odc export <node design file> --format tle|omm', () => {
  it("designs/ai1.yaml: one satellite at its 600 km, the J2 SSO inclination and LTAN 6 h's RAAN", async () => {
    const out = join(dir, 'ai1.tle');
    const r = await odc('export', 'designs/ai1.yaml', '--format', 'tle', '--out', out);
    expect(r.code).toBe(0);
    expect(r.err).toBe(`wrote designs/ai1.yaml to ${out}\n`);
    const lines = readFileSync(out, 'utf8').trimEnd().split('\n');
    expect(lines.length).toBe(3);
    expect(lines[0]).toBe('ai1-node-P0-S0');
    for (const l of lines.slice(1)) expect(Number(l[68])).toBe(checksum(l));
    const sat = twoline2satrec(lines[1]!, lines[2]!);
    expect(Math.abs(altitudeOf(Number(lines[2]!.slice(52, 63))) - 600)).toBeLessThan(1e-3);
    expect(Math.abs(sat.inclo / DEG - ssoInclination_deg(600))).toBeLessThan(2e-4);
    expect(Math.abs(angleDiff(sat.nodeo / DEG, sun(2461119.5).meanLongitude_deg - 90))).toBeLessThan(1e-3);
    const omm = JSON.parse((await odc('export', 'designs/ai1.yaml', '--format', 'omm')).out);
    expect(omm.length).toBe(1);
    expect(omm[0].MEAN_MOTION).toBeCloseTo(Number(lines[2]!.slice(52, 63)), 7);
  });

  it('--epoch moves the epoch, and the SSO RAAN with the mean Sun (LTAN 6 h: RAAN = L☉ − 90°)', async () => {
    const r = await odc('export', 'designs/ai1.yaml', '--format', 'tle', '--epoch', '2026-06-21T00:00:00Z');
    expect(r.code).toBe(0);
    const [, l1, l2] = r.out.trimEnd().split('\n');
    expect(l1!.slice(18, 32)).toBe('26172.00000000'); // 21 June 2026 is day 172 (31+28+31+30+31+21)
    const sat = twoline2satrec(l1!, l2!);
    // JD of 2026-06-21T00:00Z = 2461119.5 (2026-03-20) + 93 days
    expect(Math.abs(angleDiff(sat.nodeo / DEG, sun(2461212.5).meanLongitude_deg - 90))).toBeLessThan(1e-3);
    const bad = await odc('export', 'designs/ai1.yaml', '--format', 'omm', '--epoch', 'yesterday');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("epoch 'yesterday' is not an ISO 8601 date");
  });

  it('refuses what a design file cannot give, and a run folder without --design, with exit 2', async () => {
    const yaml = await odc('export', 'designs/ai1.yaml', '--format', 'yaml');
    expect(yaml.code).toBe(2);
    expect(yaml.err).toContain('a node design file exports its orbit (--format omm, omm-xml, tle, oem, oem-xml, czml)');
    const con = await odc('export', 'designs/constellations/suncatcher-81.yaml', '--format', 'json');
    expect(con.code).toBe(2);
    expect(con.err).toContain('a constellation file exports its satellites (--format omm, omm-xml, tle');
    // an SSO node's RAAN is its LTAN's: --raan is refused rather than silently ignored
    const raan = await odc('export', 'designs/ai1.yaml', '--format', 'tle', '--raan', '10');
    expect(raan.code).toBe(2);
    expect(raan.err).toContain("a sun-synchronous node's RAAN follows from its LTAN (6 h) at the epoch");
    const noDesign = await odc('export', dir, '--format', 'tle');
    expect(noDesign.code).toBe(2);
    expect(noDesign.err).toContain('a run folder needs --design (knee, best:<objective> or a design index)');
  });
});

describe('nodeSatellite', () => {
  it("flies a node at a stated inclination at RAAN 0 (a shell's default raan0_deg), whatever its LTAN", () => {
    const { spec } = nodeSatellite(
      {
        orbit: { altitude_km: 550, inclination_deg: 53, sunSynchronous: false, ltan_h: 10 },
        drag: { ballisticCoefficient_kg_m2: 100, density_kg_m3: 1e-13 },
      },
      'n',
    );
    let text = '';
    writeTle(spec, (c) => void (text += c));
    const l2 = text.split('\n')[2]!;
    expect(Number(l2.slice(8, 16))).toBe(53); // inclination, columns 9–16
    expect(Number(l2.slice(17, 25))).toBe(0); // RAAN, columns 18–25
    expect(Math.abs(altitudeOf(Number(l2.slice(52, 63))) - 550)).toBeLessThan(1e-3);
  });

  it('flies it at the RAAN given (--raan), and refuses one outside [0, 360)', () => {
    const record = {
      orbit: { altitude_km: 550, inclination_deg: 53, sunSynchronous: false, ltan_h: 10 },
      drag: { ballisticCoefficient_kg_m2: 100, density_kg_m3: 1e-13 },
    };
    let text = '';
    writeTle(nodeSatellite(record, 'n', 123.25).spec, (c) => void (text += c));
    expect(Number(text.split('\n')[2]!.slice(17, 25))).toBe(123.25); // RAAN, columns 18–25
    expect(() => nodeSatellite(record, 'n', 360)).toThrow('--raan must be in [0, 360) deg, got 360');
  });
});
