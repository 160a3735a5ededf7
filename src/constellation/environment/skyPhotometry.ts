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
 * published magnitude at 1,000 km of a reference satellite of area A_ref, a polynomial in α [deg].
 * Starlink Gen2 "Mini" in brightness-mitigation mode: m1000 = 2.630 + 0.1065·α − 0.0005167·α² (Mallama et al.,
 * "Starlink Generation 2 Mini satellites: photometric characterization", arXiv:2306.06657, 2023, Fig. 5), A_ref =
 * 116 m² (arrays and antenna panel, the paper's §2; Sky & Telescope, 2023), applied at every α (the fit's range of
 * phase angles was not in the sources: below ~30° and above ~150° it is extrapolation; docs/approximations.md).
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
  /** Magnitude at 1,000 km as a polynomial in phase angle [deg]: coefficients of α⁰, α¹, α²… [mag]. */
  readonly magnitude1000km: readonly number[];
  /** Area of the measured satellite [m²]. */
  readonly referenceArea_m2: number;
}

/** The measured phase functions a design may name. */
export const PHASE_FUNCTIONS: Readonly<Record<string, MeasuredPhaseFunction>> = {
  'starlink-gen2-mini': {
    name: 'Starlink Gen2 Mini, brightness-mitigation mode',
    source: 'Mallama et al. 2023, arXiv:2306.06657, Fig. 5: 2.630 + 0.1065a - 0.0005167a^2 at 1000 km, a in deg',
    magnitude1000km: [2.63, 0.1065, -0.0005167],
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

/** A measured function's magnitude at 1,000 km at a phase angle [deg] (Horner's rule). */
function measuredAt(f: Readonly<MeasuredPhaseFunction>, alpha_deg: number): number {
  const c = f.magnitude1000km;
  let m = 0;
  for (let k = c.length - 1; k >= 0; k--) m = m * alpha_deg + c[k]!;
  return m;
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
