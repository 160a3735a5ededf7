/**
 * Trapped-particle total ionizing dose (TID) behind aluminium, from the shipped AP-8 MIN / AE-8 MAX +
 * SHIELDOSE-2 table (src/models/radiation/tid-ap8ae8-shieldose2.csv, TID-PROVENANCE.md; IRBEM b9f60df, centre of a
 * solid Al sphere, 4π; validated against SPENVIS 4.6.11 at 550 km within ×0.94–1.11).
 *
 * Method: interpolation of ln(dose), linear in altitude, shield thickness and inclination i' = min(i, 180° − i);
 * between the SSO column and 90° an even quadratic in (i − 90°) through the 70° and SSO columns (the orbit average is
 * symmetric about 90°; it reproduces the provenance's direct 95° runs at 550 km within 1.3 %). Zeros become
 * TID_DOSE_FLOOR_rad_per_yr.
 * Validity: altitude 300–2000 km, Al thickness 0.5–20 mm, inclination 0–110° (RangeError outside).
 * Field epoch: AP-8/AE-8 are defined in their 1960s–70s fields; the geomagnetic field has weakened and the SAA
 * drifted since, raising today's LEO dose (Heynderickx 1996; Ginet et al. 2013). The table's rate is multiplied by
 * trappedDoseFactor (default 1 = the table); TRAPPED_DOSE_FACTOR_UNCERTAINTY is the range samples draw it from.
 * Not included: solar energetic protons (solarProtonDose.ts; the node adds them), GCR, AP-9/AE-9 differences (×2 either
 * way). Mission dose = rate × factor × life × radiation design margin (default 2, the notes' "common practice").
 * Shielding mass = ρ_Al · t · area (2.70 kg/m² per mm) for the given enclosure area.
 * Derivation, evidence and costs: docs/models.md §"Total ionizing dose".
 */
import { TID_DOSE_FLOOR_rad_per_yr, tidTable, type TidTable } from './tidTable.js';
import { ALUMINIUM_DENSITY_kg_m3 } from '../../base/constants.js';
import { deg_to_rad } from '../../base/convert.js';

/** Largest accepted inclination [rad]: 110° = 180° − 70° (docs/models.md §"Total ionizing dose"). */
export const RADIATION_INCLINATION_MAX_rad = deg_to_rad(110);
/** Default radiation design margin [-] (src/models/radiation/TID-PROVENANCE.md, caveats: "×2 common"). */
export const DEFAULT_RADIATION_DESIGN_MARGIN = 2;

/**
 * The range of today's trapped-particle dose over the table's (design key radiation.trappedDoseFactor), which
 * `odc uncertainty` and a study's samples draw for every node (src/study/uncertainInputs.ts MODEL_UNCERTAINTY).
 * Lower end 1: the table in its native fields, as SPENVIS computes it (×0.94–1.11 of SPENVIS 4.6.11, provenance);
 * the field's weakening since the 1960s–70s only lowers the belts (Heynderickx 1996, secular variation of the trapped
 * proton environment). Upper end 3.3: the same maps driven by IGRF at 2025.5 raise the 550 km dose ×1.9–3.3 at 95°
 * and ×2.0–3.2 at 55° (1–10 mm, the provenance's sensitivity run), an upper bound because the maps do not move
 * rigidly with the field (atmospheric loss at the lowered mirror points). Uniform between the bounds: nothing
 * published places today's value inside them (JCGM 100:2008 GUM §4.3.7, a quantity known only by its bounds).
 * Not covered: the 30° orbits, whose IGRF-2025.5 ratios reach ×4–8 (docs/approximations.md).
 */
export const TRAPPED_DOSE_FACTOR_UNCERTAINTY = {
  kind: 'uniform',
  min: 1,
  max: 3.3,
  reason:
    'AP-8/AE-8 field epoch: 1 = native 1960s–70s fields (SPENVIS); 3.3 = the maps in IGRF-2025.5 at 550 km (upper bound)',
} as const;

export interface RadiationDoseParams {
  /** Circular-orbit altitude [m], 300–2000 km. */
  readonly altitude_m: number;
  /** Inclination [rad], 0–110°. */
  readonly inclination_rad: number;
  /** Al shield thickness (solid-sphere radius equivalent) [m], 0.5–20 mm. */
  readonly shieldThickness_m: number;
  /** Mission duration [yr] (Julian years, as the table). */
  readonly missionLife_yr: number;
  /** Area of the electronics enclosure wall to shield [m²], ≥ 0. */
  readonly shieldedArea_m2: number;
  /** Radiation design margin [-], ≥ 1, default 2. */
  readonly designMargin?: number;
  /** Today's trapped-particle dose over the table's (field epoch) [-], ≥ 1, default 1. */
  readonly trappedDoseFactor?: number;
  /** Table override (tests); default the shipped table (tidTable()). */
  readonly table?: TidTable;
}

export interface RadiationDoseResult {
  /** Total dose rate, rad(Si) per year, no margin: the table's × trappedDoseFactor (each component too). */
  readonly doseRate_rad_per_yr: number;
  readonly protonDoseRate_rad_per_yr: number;
  readonly electronDoseRate_rad_per_yr: number;
  readonly bremsstrahlungDoseRate_rad_per_yr: number;
  /** rate × life × design margin [rad(Si)]. */
  readonly missionDose_rad: number;
  readonly shieldArealDensity_kg_m2: number;
  readonly shieldingMass_kg: number;
}

/**
 * The weight bracket and inclinationBracket find with their index: each call writes it, its caller reads it before the
 * next call (a pair returned and destructured is an array and an iterator per call without escape analysis).
 */
const bracketWeight = new Float64Array(1);

/** Bracket x in ascending xs: lower index (≤ n − 2); its weight in [0, 1] into bracketWeight. */
function bracket(xs: readonly number[], x: number): number {
  let i = 0;
  while (i < xs.length - 2 && x >= xs[i + 1]!) i++;
  const x0 = xs[i]!;
  const x1 = xs[i + 1]!;
  bracketWeight[0] = Math.min(1, Math.max(0, (x - x0) / (x1 - x0)));
  return i;
}

/**
 * Inclination bracket in one altitude row, using mirrored columns: the lower column; the weight of the next one into
 * bracketWeight.
 * Beyond the SSO column (i' = 180° − i_SSO) the weight exceeds 1: ln D is even in (i − 90°) (the orbit average is the
 * same at i and 180° − i), fitted through the 70° and SSO columns, ln D = ln D_SSO + (ln D_70 − ln D_SSO) (d² − d_S²) /
 * (d_70² − d_S²) with d = 90° − i', so the weight of the SSO column is (d_70² − d²) / (d_70² − d_S²).
 */
function inclinationBracket(cols: readonly number[], iEff: number): number {
  const last = cols.length - 1;
  const sso = Math.PI - cols[last]!;
  if (iEff >= sso) {
    const half = Math.PI / 2;
    const d = half - iEff;
    const dS = half - sso;
    const d70 = half - cols[last - 1]!;
    bracketWeight[0] = (d70 * d70 - d * d) / (d70 * d70 - dS * dS);
    return last - 1;
  }
  let j = 0;
  while (j < last - 1 && iEff >= cols[j + 1]!) j++;
  const c1 = j + 1 === last ? sso : cols[j + 1]!;
  bracketWeight[0] = (iEff - cols[j]!) / (c1 - cols[j]!);
  return j;
}

/** Rejects a point outside the table (altitude, thickness, inclination) or a negative life, area or margin. */
function checkDoseInputs(
  p: Readonly<RadiationDoseParams>,
  alts: readonly number[],
  ths: readonly number[],
  margin: number,
): void {
  const h = p.altitude_m;
  const th = p.shieldThickness_m;
  if (!(h >= alts[0]! && h <= alts[alts.length - 1]!)) {
    throw new RangeError(`radiationDose: altitude_m = ${h} outside the table's validity range 300–2000 km`);
  }
  if (!(th >= ths[0]! * (1 - 1e-12) && th <= ths[ths.length - 1]! * (1 + 1e-12))) {
    throw new RangeError(
      `radiationDose: shieldThickness_m = ${th} outside the table's validity range 0.5–20 mm Al (5e-4–0.02 m)`,
    );
  }
  if (!(p.inclination_rad >= 0 && p.inclination_rad <= RADIATION_INCLINATION_MAX_rad)) {
    throw new RangeError(
      `radiationDose: inclination_rad = ${p.inclination_rad} outside the validity range 0–110° (retrograde beyond the table)`,
    );
  }
  if (!(p.missionLife_yr >= 0 && Number.isFinite(p.missionLife_yr)))
    throw new RangeError(`radiationDose: missionLife_yr must be ≥ 0`);
  if (!(p.shieldedArea_m2 >= 0 && Number.isFinite(p.shieldedArea_m2)))
    throw new RangeError(`radiationDose: shieldedArea_m2 must be ≥ 0`);
  if (!(margin >= 1 && Number.isFinite(margin)))
    throw new RangeError(`radiationDose: designMargin = ${margin} must be ≥ 1`);
  const k = p.trappedDoseFactor ?? 1;
  if (!(k >= 1 && Number.isFinite(k))) throw new RangeError(`radiationDose: trappedDoseFactor = ${k} must be ≥ 1`);
}

/**
 * radiationDose's 8 interpolation corners (table index and weight), rewritten by every call before it reads them: one
 * pair of arrays for all calls instead of two per call (no call can interleave with another: nothing in between awaits
 * or calls back).
 */
const cornerIndex = new Int32Array(8);
const cornerWeight = new Float64Array(8);

/**
 * Trapped-particle dose rate, mission dose with margin, and shielding mass, written into `out` (a fresh result, or one
 * a hot caller keeps; it keeps `p`, from which its components are read when first read).
 */
export function radiationDose(p: Readonly<RadiationDoseParams>, out = new TrappedDose()): RadiationDoseResult {
  const t = p.table ?? tidTable();
  const margin = p.designMargin ?? DEFAULT_RADIATION_DESIGN_MARGIN;
  checkDoseInputs(p, t.altitudes_m, t.thicknesses_m, margin);
  return out.of(p, t, margin);
}

/**
 * radiationDose's result: the total rate when written (`of`, every field), its three components (what only a record
 * reads) when read, each interpolated at the same corners as the total.
 */
export class TrappedDose implements RadiationDoseResult {
  doseRate_rad_per_yr = NaN;
  missionDose_rad = NaN;
  shieldArealDensity_kg_m2 = NaN;
  shieldingMass_kg = NaN;
  private factor = NaN;
  private p = undefined as unknown as Readonly<RadiationDoseParams>;
  private t = undefined as unknown as TidTable;
  of(p: Readonly<RadiationDoseParams>, t: TidTable, margin: number): this {
    this.p = p;
    this.t = t;
    this.factor = p.trappedDoseFactor ?? 1;
    const rate = this.interp(t.total.logValue);
    const arealDensity = ALUMINIUM_DENSITY_kg_m3 * p.shieldThickness_m;
    this.doseRate_rad_per_yr = rate;
    this.missionDose_rad = rate * p.missionLife_yr * margin;
    this.shieldArealDensity_kg_m2 = arealDensity;
    this.shieldingMass_kg = arealDensity * p.shieldedArea_m2;
    return this;
  }
  get protonDoseRate_rad_per_yr(): number {
    return this.interp(this.t.proton.logValue);
  }
  get electronDoseRate_rad_per_yr(): number {
    return this.interp(this.t.electron.logValue);
  }
  get bremsstrahlungDoseRate_rad_per_yr(): number {
    return this.interp(this.t.bremsstrahlung.logValue);
  }
  /** ln(dose) interpolated at the point's 8 corners, exponentiated (0 at the table's floor), × trappedDoseFactor. */
  private interp(logs: readonly number[]): number {
    corners(this.p, this.t);
    const w = cornerWeight;
    const idx = cornerIndex;
    let acc = 0;
    for (let m = 0; m < 8; m++) if (w[m]! !== 0) acc += w[m]! * logs[idx[m]!]!;
    const v = Math.exp(acc);
    return v <= TID_DOSE_FLOOR_rad_per_yr * (1 + 1e-9) ? 0 : v * this.factor;
  }
}

/** The 8 interpolation corners of a point (2 altitudes × 2 inclinations × 2 thicknesses), into the scratch. */
function corners(p: Readonly<RadiationDoseParams>, t: TidTable): void {
  const iEff = p.inclination_rad > Math.PI / 2 ? Math.PI - p.inclination_rad : p.inclination_rad;
  const a0 = bracket(t.altitudes_m, p.altitude_m);
  const wa = bracketWeight[0]!;
  const k0 = bracket(t.thicknesses_m, p.shieldThickness_m);
  const wt = bracketWeight[0]!;
  const nI = t.inclinations_rad[0]!.length;
  const nT = t.thicknesses_m.length;
  const idx = cornerIndex;
  const w = cornerWeight;
  for (let r = 0; r < 2; r++) {
    const a = a0 + r;
    const j = inclinationBracket(t.inclinations_rad[a]!, iEff);
    const wi = bracketWeight[0]!;
    const wr = r === 0 ? 1 - wa : wa;
    for (let c = 0; c < 2; c++) {
      const wc = c === 0 ? 1 - wi : wi;
      for (let s = 0; s < 2; s++) {
        idx[4 * r + 2 * c + s] = (a * nI + j + c) * nT + k0 + s;
        w[4 * r + 2 * c + s] = wr * wc * (s === 0 ? 1 - wt : wt);
      }
    }
  }
}
