/**
 * odc's sky count against the counts of the script that accompanies Boley, Lawler & Rein (2026, arXiv:2608.02757):
 * ODCs-timeofday.py in github.com/norabolig/odc_sky_impacts (commit 823240c), run with its own inputs for the SpaceX
 * ODC's sun-synchronous shells ("sxodc" without its 30° shells: 598,720 satellites), phase_of_year = π/2 (March
 * equinox), latitude 37°, solar hour angles −6, −5.5, −5, −4.5 h (sunset and 30, 60, 90 minutes after), its 10°
 * elevation cut, its Lambertian sphere (ζ = 0.2, a Bond albedo, over 800 m²) and its extinction term 0.15·X (Kasten &
 * Young 1989) switched off, then on (docs/constellations.md §"Sky brightness" gives the script's counts both ways).
 * Near the magnitude limit: the same script with phase_of_year = π (June solstice, declination 23.4°), latitude 60°,
 * extinction on, at geometric sunset (solar hour angle 138.5°) and 30 minutes after, against odc on 2026-06-21 with
 * the planes' nodes at apparent-Sun and at mean-Sun local times (sky.ltanTime).
 * The paper's own text was not reachable; these are its code's numbers.
 */
import { describe, expect, it } from 'vitest';
import { M_PER_KM } from '../../../src/base/convert.js';
import {
  skyCount,
  sunDirection,
  sunElevation_rad,
  isoToJd,
  jdToIso,
  type SkyPlane,
} from '../../../src/constellation/environment/skyCount.js';
import { magnitudeFunction } from '../../../src/constellation/environment/skyPhotometry.js';
import { meanSunRightAscension_rad } from '../../../src/constellation/geometry/pattern.js';
import { sunSynchronousInclination } from '../../../src/models/orbit/orbit.js';

const RAD = Math.PI / 180;
const equinoxObserver = { latitude_rad: 37 * RAD, longitude_rad: 0 };
/** The script's sun-synchronous shells: altitudes [km] and satellites in each of the shell's two planes. */
const SHELLS = [
  { perPlane: 4999, alt_km: [565, 567.2, 569.4, 571.7, 573.9, 576.1, 578.3, 580.6, 582.8, 585] },
  {
    perPlane: 5565,
    alt_km: [
      707, 708.8, 710.5, 712.3, 714, 715.8, 717.6, 719.3, 721.1, 722.9, 724.6, 726.4, 728.1, 729.9, 731.7, 733.4, 735.2,
      737, 738.7, 740.5, 742.2, 744,
    ],
  },
  {
    perPlane: 5770,
    alt_km: [
      967, 968.7, 970.3, 972, 973.7, 975.3, 977, 978.7, 980.3, 982, 983.7, 985.3, 987, 988.7, 990.3, 992, 993.7, 995.3,
      997, 998.7, 1000.3, 1002,
    ],
  },
];

/**
 * RAAN of a plane whose node is at a local time of the apparent Sun (the script puts its planes on the true
 * terminator) or of the mean Sun (odc's LTAN; on 20 March the equation of time, −7.4 min, turns them 1.9° apart).
 */
function raan_rad(localTime_h: number, iso: string, apparent: boolean): number {
  const d = sunDirection(isoToJd(iso));
  const sun = apparent ? Math.atan2(d[1], d[0]) : meanSunRightAscension_rad(iso);
  return sun + ((localTime_h - 12) * Math.PI) / 12;
}

function scriptPlanes(referenceIso: string, apparent = true): SkyPlane[] {
  const planes: SkyPlane[] = [];
  for (const s of SHELLS) {
    for (const alt of s.alt_km) {
      const altitude_m = alt * M_PER_KM;
      const inclination_rad = sunSynchronousInclination({ altitude_m }).inclination_rad;
      for (const ltan_h of [6, 18]) {
        planes.push({
          altitude_m,
          inclination_rad,
          raan_rad: raan_rad(ltan_h, referenceIso, apparent),
          u0_rad: planes.length * 0.0137,
          satellites: s.perPlane,
        });
      }
    }
  }
  return planes;
}

type Observer = typeof equinoxObserver;

/** Geometric sunset (the Sun's centre on the horizon, the script's sunset hour angle) on a date, by bisection. */
function geometricSunsetJd(observer: Observer, date: string): number {
  let lo = isoToJd(`${date}T12:00:00Z`);
  let hi = lo + 0.5;
  for (let k = 0; k < 40; k++) {
    const mid = (lo + hi) / 2;
    if (sunElevation_rad(observer, mid) > 0) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** odc's counts of the script's layout at sunset and 30, 60, 90 minutes after (V < 5, V < 6). */
function countScriptLayout(observer: Observer, date: string, extinction: number, apparent = true) {
  const set = geometricSunsetJd(observer, date);
  return skyCount({
    planes: scriptPlanes(jdToIso(set), apparent),
    referenceJd: set,
    observer,
    instantsJd: [0, 30, 60, 90].map((m) => set + m / 1440),
    limits_mag: [5, 6],
    minElevation_rad: 10 * RAD,
    // the script's ζ is a Bond albedo: geometric albedo p = 2ζ/3 for a Lambertian sphere
    magnitude: magnitudeFunction({ kind: 'lambertian', albedo: (2 / 3) * 0.2, area_m2: 800 }),
    extinction_mag_per_airmass: extinction,
  });
}

const within25 = (odc: number, paper: number): void => {
  expect(odc).toBeGreaterThanOrEqual(0.75 * paper);
  expect(odc).toBeLessThanOrEqual(1.25 * paper);
};

describe('counts of the Boley, Lawler & Rein (2026) script for the SpaceX ODC sun-synchronous shells', () => {
  const count = (extinction: number) => countScriptLayout(equinoxObserver, '2026-03-20', extinction);
  it('are matched within 25 % at sunset and 30, 60, 90 minutes after (extinction off)', () => {
    const r = count(0);
    // the script's counts (extinction off): sunlit above 10°, V < 5, V < 6
    const script = {
      sunlit: [60_580, 56_847, 41_997, 23_953],
      v5: [60_580, 56_211, 31_152, 23_953],
      v6: [60_580, 56_847, 37_472, 23_953],
    };
    for (let i = 0; i < 4; i++) {
      within25(r.sunlit[i]!, script.sunlit[i]!);
      within25(r.counts[i]![0]!, script.v5[i]!);
      within25(r.counts[i]![1]!, script.v6[i]!);
    }
  });
  it("with the script's extinction 0.15 mag per airmass: within 25 %, and never above the counts without it", () => {
    const on = count(0.15);
    const off = count(0);
    // the script's counts with extinction: V < 5, V < 6
    const script = { v5: [60_580, 50_856, 29_461, 22_228], v6: [60_580, 56_847, 32_462, 23_953] };
    for (let i = 0; i < 4; i++) {
      within25(on.counts[i]![0]!, script.v5[i]!);
      within25(on.counts[i]![1]!, script.v6[i]!);
      expect(on.counts[i]![0]!).toBeLessThanOrEqual(off.counts[i]![0]!);
      expect(on.counts[i]![1]!).toBeLessThanOrEqual(off.counts[i]![1]!);
      expect(on.sunlit[i]).toBe(off.sunlit[i]); // extinction dims, it does not hide
    }
    // at 60 minutes the script loses 5 % at V < 5 and 13 % at V < 6 to extinction: odc loses some too
    expect(on.counts[2]![1]!).toBeLessThan(0.97 * off.counts[2]![1]!);
  });
});

describe('near the magnitude limit: the script at 60° N on the June solstice, both LTAN conventions', () => {
  // the script's counts (extinction 0.15·X, elevation > 10°) at sunset and 30 minutes after: sunlit, V < 5, V < 6
  const script = { sunlit: [20_714, 15_220], v5: [3_098, 0], v6: [11_496, 4_485] };
  for (const apparent of [true, false]) {
    it(`matches within 25 % with the nodes at ${apparent ? 'apparent' : 'mean'}-Sun local times`, () => {
      const r = countScriptLayout({ latitude_rad: 60 * RAD, longitude_rad: 0 }, '2026-06-21', 0.15, apparent);
      for (let i = 0; i < 2; i++) {
        within25(r.sunlit[i]!, script.sunlit[i]!);
        within25(r.counts[i]![0]!, script.v5[i]!);
        within25(r.counts[i]![1]!, script.v6[i]!);
      }
    });
  }
});
