/**
 * Apparent visual (V) magnitude of one satellite from its range and solar phase angle: two photometric models.
 *
 * Method. Lambertian (diffuse) sphere of cross-section A and geometric albedo p (Hainaut & Williams, "Impact of
 * satellite constellations on astronomical observations with ESO telescopes", A&A 636, A121, 2020, eq. 1;
 * Hejduk, "Specular and diffuse components in spherical satellite photometric modeling", AMOS 2011):
 *   m = m☉ − 2.5·log10( p·A·Φ(α) / (π·d²) ),  Φ(α) = [(π − α)·cos α + sin α] / π,
 * d the observer–satellite range, α the Sun–satellite–observer angle, Φ(0) = 1, Φ(90°) = 1/π, Φ(180°) = 0;
 * the Sun–satellite distance is 1 au. m☉ = −26.76 (V; Willmer, ApJS 236, 47, 2018, Table 3).
 * Measured phase function scaled by area: m = m1000(α) + 5·log10(d / 1000 km) − 2.5·log10(A / A_ref), m1000 the
 * published magnitude at 1,000 km of a reference satellite of area A_ref, linear in α between tabulated points.
 * Starlink Gen2 "Mini" in brightness-mitigation mode: mean distance-adjusted magnitude 7.87 ± 0.09 at 1,000 km
 * (Mallama et al., "Starlink Generation 2 Mini satellites: photometric characterization", arXiv:2306.06657, 2023)
 * for a 116 m² spacecraft (the Mini's area as SpaceX gave it, Sky & Telescope, "The newest and largest Starlink
 * satellites are also the faintest", 2023). The paper's phase-angle fit is not in this model's sources: the function
 * is flat at the published mean (docs/approximations.md §"Sky brightness").
 * Standard magnitude (McCants / heavens-above "intrinsic" convention): at 1,000 km range and 90° phase angle.
 * Validity: sunlit satellites seen from the ground; no glints, no earthshine, no atmospheric extinction.
 * Derivation, evidence and costs: docs/constellations.md §"Sky brightness".
 */

/** Apparent V magnitude of the Sun at 1 au (Willmer 2018, ApJS 236, 47). */
export const SUN_V_MAG = -26.76;
/** Range of the standard ("intrinsic") magnitude [m]. */
export const STANDARD_RANGE_m = 1_000_000;
const STANDARD_PHASE_rad = Math.PI / 2;
const RAD_PER_DEG = Math.PI / 180;

/** A published phase function: magnitude at 1,000 km against phase angle, for a reference area. */
export interface MeasuredPhaseFunction {
  readonly name: string;
  readonly source: string;
  /** Phase angles [deg], increasing, and the magnitudes at 1,000 km there [mag]. */
  readonly phase_deg: readonly number[];
  readonly magnitude1000km: readonly number[];
  /** Area of the measured satellite [m²]. */
  readonly referenceArea_m2: number;
}

/** The measured phase functions a design may name. */
export const PHASE_FUNCTIONS: Readonly<Record<string, MeasuredPhaseFunction>> = {
  'starlink-gen2-mini': {
    name: 'Starlink Gen2 Mini, brightness-mitigation mode',
    source: 'Mallama et al. 2023, arXiv:2306.06657 (mean 7.87 at 1,000 km; area 116 m², Sky & Telescope 2023)',
    phase_deg: [0, 180],
    magnitude1000km: [7.87, 7.87],
    referenceArea_m2: 116,
  },
};

export type PhotometricModel =
  | { readonly kind: 'lambertian'; readonly albedo: number; readonly area_m2: number }
  | { readonly kind: 'measured'; readonly phaseFunction: string; readonly area_m2: number };

/** Diffuse-sphere phase function Φ(α) = [(π − α)·cos α + sin α] / π. */
export function lambertPhase(alpha_rad: number): number {
  return ((Math.PI - alpha_rad) * Math.cos(alpha_rad) + Math.sin(alpha_rad)) / Math.PI;
}

/** Linear interpolation of a measured function at a phase angle (clamped to its ends). */
function measuredAt(f: Readonly<MeasuredPhaseFunction>, alpha_deg: number): number {
  const x = f.phase_deg;
  const y = f.magnitude1000km;
  if (alpha_deg <= x[0]!) return y[0]!;
  for (let k = 1; k < x.length; k++) {
    if (alpha_deg <= x[k]!) return y[k - 1]! + ((y[k]! - y[k - 1]!) * (alpha_deg - x[k - 1]!)) / (x[k]! - x[k - 1]!);
  }
  return y[y.length - 1]!;
}

/** The measured phase function a model names; throws naming the known ones. */
export function phaseFunction(name: string): MeasuredPhaseFunction {
  const f = PHASE_FUNCTIONS[name];
  if (f === undefined) {
    throw new RangeError(`unknown phase function '${name}' (known: ${Object.keys(PHASE_FUNCTIONS).join(', ')})`);
  }
  return f;
}

/**
 * A magnitude function of range [m] and phase angle [rad] for a model (the measured function resolved once).
 * +Infinity where the diffuse sphere reflects nothing (α = 180°).
 */
export function magnitudeFunction(model: Readonly<PhotometricModel>): (range_m: number, alpha_rad: number) => number {
  if (model.kind === 'lambertian') {
    const k = (model.albedo * model.area_m2) / Math.PI;
    return (d, a) => SUN_V_MAG - 2.5 * Math.log10((k * lambertPhase(a)) / (d * d));
  }
  const f = phaseFunction(model.phaseFunction);
  const areaTerm = -2.5 * Math.log10(model.area_m2 / f.referenceArea_m2);
  return (d, a) => measuredAt(f, a / RAD_PER_DEG) + 5 * Math.log10(d / STANDARD_RANGE_m) + areaTerm;
}

/** Standard ("intrinsic") magnitude: at 1,000 km range and 90° phase angle. */
export function standardMagnitude(model: Readonly<PhotometricModel>): number {
  return magnitudeFunction(model)(STANDARD_RANGE_m, STANDARD_PHASE_rad);
}
