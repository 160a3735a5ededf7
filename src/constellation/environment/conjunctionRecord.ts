/**
 * The self-conjunction screen (conjunction.ts) as the constellation record's `environment.conjunctions`:
 * user units (km), shell names, and for every shell closer than the required separation the Walker
 * phasing F that keeps it farthest apart (phasing.ts, closed form for one shell).
 */
import { EARTH_RADIUS_m } from '../../base/constants.js';
import type { ConstellationSpec } from '../design/compile.js';
import type { ConjunctionScreenResult } from './conjunction.js';
import { phasingScan } from '../geometry/phasing.js';
import type { ConjunctionsRecord } from '../record/record.js';

const M_PER_KM = 1000;

export const CONJUNCTION_NOTE =
  'conjunctions: every satellite screened exactly (two-body + secular J2 circular orbits of the nominal pattern): ' +
  "every pair class of the pattern's symmetry evaluated in closed form where a shell has at most ~256 classes per " +
  "satellite (steps: 0); otherwise a spatial hash per time step over the window after which the shell's geometry " +
  'repeats (Walker delta: period·gcd(P, F)/T; others: period/S), cells of D + v_rel·h/2, candidates refined to their ' +
  'exact closest approach; either way no pair closer than the screening distance D ' +
  '(environment.conjunctions.shells[].screeningDistance_km, at least the required separation) is missed; ' +
  "between shells the orbits' minimum distance (altitude gap); pairs within one cluster not screened";

export function conjunctionRecord(
  spec: ConstellationSpec,
  screen: ConjunctionScreenResult,
  epochIso: string,
): ConjunctionsRecord & { minSeparation_km: number } {
  const names = spec.shells.map((s) => s.geometry.name);
  // With no pair at all (one satellite), report the largest possible distance, the widest orbit's diameter.
  const widest_m = 2 * (EARTH_RADIUS_m + Math.max(...spec.shells.map((s) => s.geometry.altitude_m)));
  const km = (m: number): number => (Number.isFinite(m) ? m : widest_m) / M_PER_KM;
  return {
    minSeparation_km: km(screen.minSeparation_m),
    required_km: spec.minSeparation_m / M_PER_KM,
    pairsBelow: screen.pairsBelow,
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
    })),
    shells: screen.shells.map((s, i) => {
      const failing = s.minSeparation_m < spec.minSeparation_m;
      const scan = failing ? phasingScan({ shell: spec.shells[i]!.geometry, epochIso }) : null;
      return {
        shell: names[i]!,
        minSeparation_km: km(s.minSeparation_m),
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
