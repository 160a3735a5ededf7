/**
 * The self-conjunction screen (conjunction.ts) as the constellation record's `environment.conjunctions`:
 * user units (km), shell names, the method and its residual, and for every shell closer than the required
 * separation the Walker phasing F that keeps it farthest apart (phasing.ts: secular closed form for one shell, a
 * suggestion to check with the screen, not an SGP4 result).
 */
import { maxOf } from '../../base/arrays.js';
import { EARTH_RADIUS_m } from '../../base/constants.js';
import type { ConstellationSpec } from '../design/compile.js';
import type { ConjunctionScreenResult } from './conjunction.js';
import { phasingScan } from '../geometry/phasing.js';
import type { ConjunctionPairRecord, ConjunctionShellRecord } from '../record/entrySchemas.js';

const M_PER_KM = 1000;

/** How the screen finds closest approaches and their residual error (the record's `conjunctions.method`). */
export const CONJUNCTION_METHOD =
  'SGP4-refined screen: candidate pair classes from the two-body + secular J2 closed form (every class of the ' +
  "pattern's symmetry, or a cubic grid over the shell's repeat window) within max(required, k-th closest) + 4E, E the " +
  "bound on SGP4's short- and long-period departure from the secular orbit (J2 and J3 terms, sgp4Refine.ts); each " +
  "class's representative pair then propagated with satellite.js SGP4 and its closest approach over one orbit " +
  'found by Newton on the range rate (to 1e-5 s: ≤ 0.2 m), closest secular class first until no class can come ' +
  "closer (branch and bound on 2E). Residual: ≤ ~0.05 km (SGP4's e = 1e-6 floor drifting with ω between orbits " +
  "and class members). Between shells, over any relative phasing: the smallest difference of the two shells' SGP4 " +
  'radius profiles (a function of latitude, to 30 m) at a latitude both reach (shellGap.ts).';

/** The elements the screen propagates (the record's `conjunctions.screenedElements`): the omm/tle export's. */
export const SCREENED_ELEMENTS =
  "odc export omm/tle SGP4 mean elements (e = 1e-7: SGP4's J3 long-period term flies each satellite at its frozen " +
  "eccentricity e_f = −(J3/2J2)(R⊕/a) sin i at ω = 90°), screened with B* = 0 (the export's B* is one per shell: " +
  "drag lowers a shell's satellites alike)";

export const CONJUNCTION_NOTE =
  'conjunctions: closest approaches within shells on SGP4 positions of the exported elements (satellite.js), from ' +
  'secular closed-form candidates inflated by the SGP4 excursion bound (environment.conjunctions.method); between ' +
  "shells the orbits' minimum distance over any phasing on SGP4's radius profiles; pairs within one cluster not " +
  'screened; the nominal ' +
  'pattern, not a flown constellation (no drag, station-keeping or navigation error)';

/** The screen's figures for the record's `environment` section (src/constellation/record/fields.ts documents each). */
export interface ConjunctionFigures {
  readonly minSeparation_km: number;
  readonly required_km: number;
  readonly pairsBelow: number;
  readonly method: string;
  readonly screenedElements: string;
  readonly worst: readonly ConjunctionPairRecord[];
  readonly shells: readonly ConjunctionShellRecord[];
}

/** `withPhasing`: whether failing shells get the phasing suggestion (a lean evaluation omits it: null). */
export function conjunctionRecord(
  spec: ConstellationSpec,
  screen: ConjunctionScreenResult,
  epochIso: string,
  withPhasing = true,
): ConjunctionFigures {
  const names = spec.shells.map((s) => s.geometry.name);
  // With no pair at all (one satellite), report the largest possible distance, the widest orbit's diameter.
  const widest_m = 2 * (EARTH_RADIUS_m + maxOf(spec.shells.map((s) => s.geometry.altitude_m)));
  const km = (m: number): number => (Number.isFinite(m) ? m : widest_m) / M_PER_KM;
  return {
    minSeparation_km: km(screen.minSeparation_m),
    required_km: spec.minSeparation_m / M_PER_KM,
    pairsBelow: screen.pairsBelow,
    method: CONJUNCTION_METHOD,
    screenedElements: SCREENED_ELEMENTS,
    worst: screen.worst.map((w) => ({
      shellA: names[w.shellA]!,
      planeA: w.planeA,
      slotA: w.slotA,
      shellB: names[w.shellB]!,
      planeB: w.planeB,
      slotB: w.slotB,
      separation_km: w.separation_m / M_PER_KM,
      time_s: w.time_s,
      pairs: w.pairs,
      relativeSpeed_m_s: w.relativeSpeed_m_s,
      encounterDuration_s: w.encounterDuration_s,
      belowRequired_s: w.belowThreshold_s,
    })),
    shells: screen.shells.map((s, i) => {
      const failing = s.minSeparation_m < spec.minSeparation_m;
      const scan = failing && withPhasing ? phasingScan({ shell: spec.shells[i]!.geometry, epochIso }) : null;
      return {
        shell: names[i]!,
        minSeparation_km: km(s.minSeparation_m),
        secularMinSeparation_km: km(s.secularMinSeparation_m),
        pairBound_km: s.pairBound_m / M_PER_KM,
        refinedClasses: s.refinedClasses,
        pairsBelow: s.pairsBelow,
        window_s: s.window_s,
        steps: s.steps,
        screeningDistance_km: s.screeningDistance_m / M_PER_KM,
        bestPhasing: scan?.bestPhasing ?? null,
        bestPhasingSeparation_km: scan ? km(scan.bestSeparation_m) : null,
      };
    }),
  };
}
