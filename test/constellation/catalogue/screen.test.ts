/**
 * Recall of the catalogue screen: on a node, a Walker shell and a polar shell against a subset of the shipped snapshot
 * (the objects whose mean altitude lies within 40 km of the own orbits), 24 h, its events at 1, 5 and 10 km equal
 * those of an exhaustive reference written here: every pair, a fixed 5 s step, every local minimum of the sampled
 * range refined by golden section on its two neighbouring steps. Every reference event found, TCA within 1 s, miss
 * within 10 m; a sweep of the filter's step shows the counts stable.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sgp4 } from 'satellite.js';
import { emptySkips, readElementSets, type ElementSet } from '../../../src/constellation/catalogue/elementSets.js';
import {
  bandsMeet,
  brentMinimum,
  prepare,
  screenPrepared,
  type Prepared,
  type RawEvent,
} from '../../../src/constellation/catalogue/screen.js';
import { circularElementSet } from '../../helpers/circularElementSet.js';
import { EARTH_MU_km3_s2 } from '../../helpers/constants.js';

const ROOT = join(import.meta.dirname, '../../..');
const START_ms = Date.UTC(2026, 7, 22, 1, 0, 0);
const SPAN_s = 24 * 3600;
const STEP_REF_s = 5;
const THRESHOLDS_km = [1, 5, 10];
const RE_WGS72_km = 6378.135; // SGP4's Earth radius (WGS-72, Vallado et al. 2006)

/** A circular orbit at the screen's start (elements written by hand: test/helpers/circularElementSet.ts). */
const circular = (name: string, norad: number, alt_km: number, inc_deg: number, raan_deg: number, m_deg: number) =>
  circularElementSet(name, norad, { alt_km, inc_deg, raan_deg, m_deg }, START_ms);

const CASES: Record<string, ElementSet[]> = {
  node: [circular('NODE', 900_001, 545, 97.6, 150, 0)],
  walker: Array.from({ length: 12 }, (_, i) =>
    circular(`W-${i}`, 900_100 + i, 552, 53, (Math.floor(i / 3) * 360) / 4, (i % 3) * 120 + Math.floor(i / 3) * 30),
  ),
  polar: Array.from({ length: 8 }, (_, i) =>
    circular(`P-${i}`, 900_200 + i, 560, 90, (Math.floor(i / 2) * 180) / 4, (i % 2) * 180),
  ),
};

/** Mean altitude [km] of a TLE's mean motion (Kepler's third law). */
const meanAltitude = (s: ElementSet): number => {
  const n = 'tle' in s.source ? Number(s.source.tle[1].slice(52, 63)) : Number(s.source.omm['MEAN_MOTION']);
  return Math.cbrt(EARTH_MU_km3_s2 / ((n * 2 * Math.PI) / 86400) ** 2) - RE_WGS72_km;
};

interface RefEvent {
  own: number;
  cat: number;
  tca_s: number;
  miss_km: number;
}

/** Exhaustive reference (header): every pair, fixed 5 s steps, golden section around each sampled minimum. */
function reference(own: readonly Prepared[], cat: readonly Prepared[], maxThreshold_km: number): RefEvent[] {
  const steps = SPAN_s / STEP_REF_s;
  const track = (p: Prepared): Float64Array => {
    const out = new Float64Array(3 * (steps + 1)).fill(Number.NaN);
    for (let k = 0; k <= steps; k++) {
      const q = pos(p, k * STEP_REF_s);
      if (q !== null) out.set(q, 3 * k);
    }
    return out;
  };
  const pos = (p: Prepared, t_s: number): [number, number, number] | null => {
    const pv = sgp4(p.satrec, p.tsince0_min + t_s / 60);
    if (pv === null || typeof pv.position !== 'object') return null;
    return [pv.position.x, pv.position.y, pv.position.z];
  };
  const ownPos = own.map(track);
  const events: RefEvent[] = [];
  // 15.6 km/s relative speed at most in LEO: a sampled minimum within 2.5 s of a closer approach is ≤ 40 km off
  const near = maxThreshold_km + 40;
  for (let j = 0; j < cat.length; j++) {
    const c = cat[j]!;
    const cp = track(c);
    const d = new Float64Array(steps + 1);
    for (let i = 0; i < own.length; i++) {
      const q = ownPos[i]!;
      for (let k = 0; k <= steps; k++) {
        const x = Math.hypot(cp[3 * k]! - q[3 * k]!, cp[3 * k + 1]! - q[3 * k + 1]!, cp[3 * k + 2]! - q[3 * k + 2]!);
        d[k] = Number.isNaN(x) ? Infinity : x;
      }
      for (let k = 1; k < steps; k++) {
        if (!(d[k]! <= d[k - 1]! && d[k]! < d[k + 1]! && d[k]! < near)) continue;
        const range = (t: number): number => {
          const a = pos(own[i]!, t);
          const b = pos(c, t);
          return a === null || b === null ? Infinity : Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
        };
        let lo = (k - 1) * STEP_REF_s;
        let hi = (k + 1) * STEP_REF_s;
        const g = (Math.sqrt(5) - 1) / 2;
        while (hi - lo > 1e-4) {
          const x1 = hi - g * (hi - lo);
          const x2 = lo + g * (hi - lo);
          if (range(x1) < range(x2)) hi = x2;
          else lo = x1;
        }
        const t = (lo + hi) / 2;
        if (range(t) < maxThreshold_km) events.push({ own: i, cat: j, tca_s: t, miss_km: range(t) });
      }
    }
  }
  return events;
}

/** Each reference event below `thr` matched by one screen event (same pair, TCA ±1 s, miss ±10 m), and no extra. */
function compare(
  ref: readonly RefEvent[],
  got: readonly RawEvent[],
  thr_km: number,
): { matched: number; unmatched: string[] } {
  const r = ref.filter((e) => e.miss_km < thr_km);
  const g = got.filter((e) => e.miss_m < thr_km * 1000);
  const used = new Set<number>();
  const unmatched: string[] = [];
  for (const e of r) {
    const k = g.findIndex(
      (x, idx) =>
        !used.has(idx) &&
        x.own === e.own &&
        x.cat === e.cat &&
        Math.abs((x.tca_ms - START_ms) / 1000 - e.tca_s) < 1 &&
        Math.abs(x.miss_m - e.miss_km * 1000) < 10,
    );
    if (k >= 0) used.add(k);
    // an event within 10 m of the threshold may fall on either side of it
    else if (Math.abs(e.miss_km - thr_km) > 0.01) unmatched.push(`missed ${JSON.stringify(e)}`);
  }
  g.forEach((x, idx) => {
    if (!used.has(idx) && Math.abs(x.miss_m - thr_km * 1000) > 10) unmatched.push(`extra ${JSON.stringify(x)}`);
  });
  return { matched: used.size, unmatched };
}

describe('catalogue screen: recall against an exhaustive reference (24 h, 1, 5, 10 km)', () => {
  let catalogue: ElementSet[];
  beforeAll(() => {
    const text = readFileSync(join(ROOT, 'designs/catalogue/celestrak-active-2026-08-22.tle'), 'utf8');
    catalogue = readElementSets(text, emptySkips()).sets;
  });
  const window = { start_ms: START_ms, span_s: SPAN_s };

  for (const [name, sets] of Object.entries(CASES)) {
    it(`${name}: every reference event found, TCA within 1 s, miss within 10 m`, () => {
      const own = sets.map((s) => prepare(s, window)!);
      expect(own.every((o) => o !== null)).toBe(true);
      const alts = sets.map(meanAltitude);
      const lo = Math.min(...alts) - 40;
      const hi = Math.max(...alts) + 40;
      // the objects near the own orbits, every sixth (a subset keeps the reference's all-pairs loop short)
      const near = catalogue.filter((s) => meanAltitude(s) > lo && meanAltitude(s) < hi).filter((_, i) => i % 6 === 0);
      const cat = near.map((s) => prepare(s, window)).filter((p): p is Prepared => p !== null);
      expect(cat.length).toBeGreaterThan(50);
      const ref = reference(own, cat, 10);
      const got = screenPrepared(own, cat, { ...window, threshold_km: 10 });
      for (const thr of THRESHOLDS_km) {
        const c = compare(ref, got, thr);
        expect(c.unmatched, `${name} at ${thr} km`).toEqual([]);
      }
      if (name !== 'node') expect(ref.filter((e) => e.miss_km < 10).length).toBeGreaterThan(2);
    });
  }

  it('walker: the counts are the same for filter steps of 20, 60 and 120 s', () => {
    const own = CASES['walker']!.map((s) => prepare(s, window)!);
    const cat = catalogue
      .filter((s) => Math.abs(meanAltitude(s) - 552) < 40)
      .filter((_, i) => i % 6 === 0)
      .map((s) => prepare(s, window))
      .filter((p): p is Prepared => p !== null);
    const counts = [20, 60, 120].map((step_s) => {
      const ev = screenPrepared(own, cat, { ...window, threshold_km: 10, step_s });
      return THRESHOLDS_km.map((t) => ev.filter((e) => e.miss_m < t * 1000).length);
    });
    expect(counts[0]![2]).toBeGreaterThan(2);
    expect(counts[1]).toEqual(counts[0]);
    expect(counts[2]).toEqual(counts[0]);
  });
});

describe('catalogue screen: filters', () => {
  it("radial shells hold every radius of an object's week, sampled each minute", () => {
    const sets = ['active', 'debris-clouds'].flatMap(
      (f) =>
        readElementSets(
          readFileSync(join(ROOT, `designs/catalogue/celestrak-${f}-2026-08-22.tle`), 'utf8'),
          emptySkips(),
        ).sets,
    );
    const window = { start_ms: START_ms, span_s: 7 * 86400 };
    let checked = 0;
    for (let i = 0; i < sets.length; i += 97) {
      const p = prepare(sets[i]!, window);
      if (p === null) continue;
      checked++;
      let lo = Infinity;
      let hi = 0;
      for (let t = 0; t <= window.span_s; t += 61) {
        const pv = sgp4(p.satrec, p.tsince0_min + t / 60)!;
        const r = Math.hypot(pv.position.x, pv.position.y, pv.position.z);
        lo = Math.min(lo, r);
        hi = Math.max(hi, r);
      }
      expect(lo, sets[i]!.name).toBeGreaterThanOrEqual(p.rLo_km);
      expect(hi, sets[i]!.name).toBeLessThanOrEqual(p.rHi_km);
    }
    expect(checked).toBeGreaterThan(150);
  });

  it("a circular 552 km node's shell: SGP4's J3 frozen eccentricity and J2 terms, not a 30 km margin", () => {
    const p = prepare(circular('NODE', 900_001, 552, 97.6, 150, 0), { start_ms: START_ms, span_s: 7 * 86400 })!;
    // hand bound: J3's long-period e = ½|J3/J2|·sin i/(a/Rₑ) ≈ 1.1e-3 swings r by ±7.6 km about a ≈ 552 km plus
    // SGP4's mean-to-osculating offset 1.5·(J2/2)(Rₑ/p)²·|3cos²i − 1|·a ≈ +4.4 km, and ½(J2/2)(Rₑ/p)·sin²i·Rₑ ≈ 1.6 km
    expect(p.rLo_km - RE_WGS72_km).toBeGreaterThan(552 - 7.6 - 1.6 - 1);
    expect(p.rHi_km - RE_WGS72_km).toBeLessThan(552 + 4.4 + 7.6 + 1.6 + 1.5);
  });

  it('bands meet when within the distance: 500 km and 520 km shells meet at 25 km, not at 5 km + margins', () => {
    const a = { rLo_km: 6800, rHi_km: 6860 } as Prepared;
    const b = { rLo_km: 6880, rHi_km: 6940 } as Prepared;
    expect(bandsMeet(a, b, 25)).toBe(true); // 6860 + 25 ≥ 6880
    expect(bandsMeet(a, b, 15)).toBe(false);
    expect(bandsMeet(b, a, 25)).toBe(true);
  });

  it("Brent's minimum of a parabola and of |t − 3| to the tolerance", () => {
    expect(brentMinimum((x) => (x - 1.7) ** 2 + 2, -5, 5, 1e-8).x).toBeCloseTo(1.7, 6);
    expect(brentMinimum((x) => Math.abs(x - 3), 0, 10, 1e-8).x).toBeCloseTo(3, 6);
  });
});
