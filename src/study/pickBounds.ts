/**
 * The values a select: pick's parameters may take, with the message a value outside gets: the study schema's select:
 * (zod, ./studySchema.ts) and the explorer's URL (src/serve/urlState.ts, in the browser: no zod there) both read them
 * here, so a link cannot ask for what a study may not. A TOPSIS weight is a finite number ≥ 0 (src/run/decision/
 * picks.ts scales the weights by the largest before adding them); a lexicographic tolerance a share of an objective's
 * range over the front, in [0, 0.5].
 */
/** The bounds and messages (header). */
export const PICK_BOUNDS = {
  weight: { min: 0, message: 'must be a weight of 0 or more' },
  tolerance: {
    min: 0,
    max: 0.5,
    message: 'must be from 0 to 0.5 (a share of the objective’s range over the front)',
  },
} as const;

/** Why `x` cannot be a TOPSIS weight (PICK_BOUNDS), or null. */
export function weightProblem(x: number): string | null {
  return Number.isFinite(x) && x >= PICK_BOUNDS.weight.min ? null : PICK_BOUNDS.weight.message;
}

/** Why `x` cannot be a lexicographic tolerance (PICK_BOUNDS), or null. */
export function toleranceProblem(x: number): string | null {
  const { min, max, message } = PICK_BOUNDS.tolerance;
  return Number.isFinite(x) && x >= min && x <= max ? null : message;
}
