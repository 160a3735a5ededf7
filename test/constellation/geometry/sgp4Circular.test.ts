/**
 * The trimmed SGP4 evaluator (sgp4Circular.ts) against its oracle, satellite.js's sgp4 (Vallado et al., AIAA
 * 2006-6753), bit for bit: Object.is on every position and velocity component, over random records of the family
 * odc writes (circular, and the cluster members' small eccentricities with their argument of perigee; B* = 0) and
 * random times before and after the epoch. A term dropped, reordered or regrouped moves the last bits of some
 * component of some of these thousands of states; and every record outside the family is refused.
 */
import type { SatRec } from 'satellite.js';
import { describe, expect, it } from 'vitest';
import { satelliteJs } from '../../../src/base/satelliteJs.js';
import { createRng } from '../../../src/base/rng.js';
import { circularSatrec } from '../../../src/constellation/geometry/propagate.js';
import { circularSgp4 } from '../../../src/constellation/geometry/sgp4Circular.js';
import type { CircularElements } from '../../../src/constellation/design/types.js';
import { deg } from '../../helpers/units.js';

const EPOCH = '2026-03-20T00:00:00Z';
const KM = 1000;

function oracle(rec: SatRec, t_min: number): number[] | null {
  const pv = satelliteJs().sgp4({ ...rec }, t_min);
  if (pv === null) return null;
  const { position: r, velocity: v } = pv;
  return [r.x, r.y, r.z, v.x, v.y, v.z];
}

/** Compare the evaluator of `rec` with satellite.js at `times`: the indices of components that are not identical. */
function mismatches(template: SatRec, rec: SatRec, times: readonly number[]): string[] {
  const ev = circularSgp4(template);
  if (ev === null) return ['no evaluator'];
  const out = new Float64Array(6);
  const bad: string[] = [];
  for (const t of times) {
    const want = oracle(rec, t);
    const ok = ev.state(rec.mo, rec.nodeo, t, out, 0);
    if (want === null) {
      if (ok) bad.push(`t=${t}: oracle null`);
      continue;
    }
    for (let i = 0; i < 6; i++) if (!Object.is(out[i], want[i])) bad.push(`t=${t} [${i}] ${out[i]} vs ${want[i]}`);
  }
  return bad;
}

describe('circularSgp4: satellite.js sgp4 bit for bit', () => {
  const rng = createRng(20260320);
  const uniform = (a: number, b: number): number => a + (b - a) * rng.next();

  it('random circular records (300–2,000 km, 0.5–179.5°, any RAAN and phase), 4,000 states', () => {
    let states = 0;
    const bad: string[] = [];
    for (let i = 0; i < 100; i++) {
      const base: CircularElements = {
        altitude_m: uniform(300, 2000) * KM,
        inclination_rad: uniform(0.5, 179.5) * deg,
        raan_rad: 0,
        argumentOfLatitude_rad: 0,
      };
      const template = circularSatrec(base, EPOCH);
      // other records of the shell: the template's evaluator with their own mo and nodeo
      for (let j = 0; j < 4; j++) {
        const e = { ...base, raan_rad: uniform(0, 2 * Math.PI), argumentOfLatitude_rad: uniform(0, 2 * Math.PI) };
        const rec = circularSatrec(j === 0 ? base : e, EPOCH);
        const times = [0, ...Array.from({ length: 9 }, () => uniform(-3000, 3000))];
        bad.push(...mismatches(template, rec, times));
        states += times.length;
      }
    }
    expect(states).toBe(4000);
    expect(bad).toEqual([]);
  });

  it('records with a small eccentricity and an argument of perigee (cluster members), 2,000 states', () => {
    const bad: string[] = [];
    for (let i = 0; i < 50; i++) {
      const base: CircularElements = {
        altitude_m: uniform(400, 1500) * KM,
        inclination_rad: uniform(1, 179) * deg,
        raan_rad: 0,
        argumentOfLatitude_rad: 0,
        eccentricity: 10 ** uniform(-7, -3),
        argumentOfPerigee_rad: uniform(0, 2 * Math.PI),
      };
      const template = circularSatrec(base, EPOCH);
      for (let j = 0; j < 4; j++) {
        const e = { ...base, raan_rad: uniform(0, 2 * Math.PI), argumentOfLatitude_rad: uniform(0, 2 * Math.PI) };
        bad.push(
          ...mismatches(
            template,
            circularSatrec(e, EPOCH),
            Array.from({ length: 10 }, () => uniform(-1e4, 1e4)),
          ),
        );
      }
    }
    expect(bad).toEqual([]);
  });

  it('zero angles and times, evaluated twice at one time and in alternation (the kept argument of perigee)', () => {
    const base = { altitude_m: 550 * KM, inclination_rad: 53 * deg, raan_rad: 0, argumentOfLatitude_rad: 0 };
    const a = circularSatrec(base, EPOCH),
      b = circularSatrec({ ...base, raan_rad: 1, argumentOfLatitude_rad: 2 }, EPOCH);
    const ev = circularSgp4(a)!;
    const out = new Float64Array(6);
    for (const t of [0, 0, -0, 95.5, 95.5, 1e-9, -1e-9, 95.5, 0]) {
      for (const rec of [a, b, a]) {
        expect(ev.state(rec.mo, rec.nodeo, t, out, 0)).toBe(true);
        expect(Array.from(out)).toEqual(oracle(rec, t));
        for (let i = 0; i < 6; i++) expect(Object.is(out[i], oracle(rec, t)![i])).toBe(true);
      }
    }
  });

  it('refuses records outside the family: drag, deep space', () => {
    const base = { altitude_m: 550 * KM, inclination_rad: 53 * deg, raan_rad: 0, argumentOfLatitude_rad: 0 };
    const rec = circularSatrec(base, EPOCH);
    expect(circularSgp4(rec)).not.toBeNull();
    // B* ≠ 0 (a record with drag, as json2satrec initialises it)
    const { json2satrec } = satelliteJs();
    const omm = {
      OBJECT_NAME: 'X',
      OBJECT_ID: '2026-000A',
      EPOCH: '2026-03-20T00:00:00',
      MEAN_MOTION: 15.2,
      ECCENTRICITY: 1e-7,
      INCLINATION: 53,
      RA_OF_ASC_NODE: 0,
      ARG_OF_PERICENTER: 0,
      MEAN_ANOMALY: 0,
      EPHEMERIS_TYPE: 0,
      CLASSIFICATION_TYPE: 'U',
      NORAD_CAT_ID: 99999,
      ELEMENT_SET_NO: 999,
      REV_AT_EPOCH: 0,
      MEAN_MOTION_DOT: 0,
      MEAN_MOTION_DDOT: 0,
    } as const;
    expect(circularSgp4(json2satrec({ ...omm, BSTAR: 1e-4 }))).toBeNull();
    // period > 225 min: SDP4 (deep space)
    expect(circularSgp4(json2satrec({ ...omm, BSTAR: 0, MEAN_MOTION: 2 }))).toBeNull();
    expect(circularSgp4(json2satrec({ ...omm, BSTAR: 0 }))).not.toBeNull();
  });
});
