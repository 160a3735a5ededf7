/**
 * Satellites one fairing holds by geometry: stowed boxes (a × b × c) stacked in layers inside the vehicle's usable
 * payload envelope, a cylinder of diameter D to height H_c above the separation plane, then the ogive, taken as a cone
 * from D at H_c to the envelope's top diameter D_t (0: a point) at its height H, chosen inside the published ogive
 * outline at every printed station (conservative). Each layer
 * is as tall as the box's vertical side h and holds a grid of the footprint (w × d) in the circle of the envelope's
 * diameter at the layer's top: rows of depth d across the circle, each row as many w as its narrower chord allows,
 * the rows a block centred on the axis (every row count tried, both footprint orientations); layers stack from the
 * separation plane up while one still fits. The box may stand on any face (three choices of vertical side); the best
 * count wins. Where the row's dispenser has a central column (columnDispenserPacking), the boxes mount instead in tiers
 * around it: the column's circumference sets the tier, the envelope only the boxes' outer corners. Sources: envelope
 * dimensions from each vehicle's user's guide, a dispenser's column from its published description (both in
 * designs/catalogs/launch-vehicles.yaml).
 * Validity: identical rectangular boxes, stacked flat (Starlink-style) or on a cylindrical column; interlayer hardware,
 * separation springs and clearances are not modelled (the count is an upper bound; a dispenser's mass is carried by
 * the count by mass, src/models/cost/cost.ts). Derivation: docs/models.md §"Fairing packing".
 */
import { positive } from '../validate.js';

/** A vehicle's usable payload envelope above the separation plane [m]. */
export interface FairingEnvelope {
  readonly diameter_m: number;
  /** Height of the cylindrical part. */
  readonly cylinderHeight_m: number;
  /** Height of the envelope's top (the ogive's), ≥ cylinderHeight_m. */
  readonly height_m: number;
  /** Diameter at the top, where the guide's drawing ends flat (absent: 0, a point). */
  readonly topDiameter_m?: number | undefined;
}

/** A satellite's stowed envelope: a rectangular box [m]. */
export interface StowedBox {
  readonly a_m: number;
  readonly b_m: number;
  readonly c_m: number;
}

export interface FairingPackingResult {
  /** Satellites the envelope holds (0 if one does not fit). */
  readonly satellites: number;
  readonly layers: number;
  /** Satellites in the lowest layer. */
  readonly perLayer: number;
  /** The box's side standing vertical [m]. */
  readonly vertical_m: number;
}

const EPS = 1e-9;

/** The envelope's diameter at height z above the separation plane (0 above its top) [m]. */
export function envelopeDiameter_m(env: Readonly<FairingEnvelope>, z_m: number): number {
  if (z_m <= env.cylinderHeight_m + EPS) return env.diameter_m;
  if (z_m > env.height_m + EPS) return 0;
  const top = env.topDiameter_m ?? 0;
  const f = Math.min(1, (env.height_m - z_m) / (env.height_m - env.cylinderHeight_m));
  return top + (env.diameter_m - top) * Math.max(0, f);
}

/** Rectangles w × d (w along the rows) in a circle of diameter D: a centred block of k rows, the best k. */
function rowsInCircle(w: number, d: number, D: number): number {
  const R = D / 2;
  let best = 0;
  for (let k = 1; k * d <= D + EPS; k++) {
    let n = 0;
    for (let j = 0; j < k; j++) {
      // row j spans y ∈ [−k·d/2 + j·d, −k·d/2 + (j+1)·d]; its chord is narrowest at the edge farther from the axis
      const far = Math.max(Math.abs(-k * d * 0.5 + j * d), Math.abs(-k * d * 0.5 + (j + 1) * d));
      const half = far >= R ? 0 : Math.sqrt(R * R - far * far);
      n += Math.floor((2 * half) / w + EPS);
    }
    best = Math.max(best, n);
  }
  return best;
}

/** Footprints w × d in a circle of diameter D, either way round. */
export function rectanglesInCircle(w_m: number, d_m: number, D_m: number): number {
  return Math.max(rowsInCircle(w_m, d_m, D_m), rowsInCircle(d_m, w_m, D_m));
}

function checkInputs(env: Readonly<FairingEnvelope>, box: Readonly<StowedBox>): void {
  positive('fairing.diameter_m', env.diameter_m);
  positive('fairing.cylinderHeight_m', env.cylinderHeight_m);
  if (!(env.height_m >= env.cylinderHeight_m))
    throw new RangeError(`fairing.height_m must be ≥ cylinderHeight_m, got ${env.height_m}`);
  const top = env.topDiameter_m ?? 0;
  if (!(top >= 0 && top <= env.diameter_m))
    throw new RangeError(`fairing.topDiameter_m must be in [0, diameter_m], got ${top}`);
  positive('box.a_m', box.a_m);
  positive('box.b_m', box.b_m);
  positive('box.c_m', box.c_m);
}

/** Satellites of one stowed box the envelope holds, stacked in layers (header). */
export function fairingPacking(env: Readonly<FairingEnvelope>, box: Readonly<StowedBox>): FairingPackingResult {
  checkInputs(env, box);
  const sides = [box.a_m, box.b_m, box.c_m];
  let best: FairingPackingResult = { satellites: 0, layers: 0, perLayer: 0, vertical_m: box.c_m };
  for (let v = 0; v < 3; v++) {
    const h = sides[v]!;
    const [w, d] = sides.filter((_, i) => i !== v) as [number, number];
    let satellites = 0,
      layers = 0,
      perLayer = 0;
    for (let top = h; top <= env.height_m + EPS; top += h) {
      const n = rectanglesInCircle(w, d, envelopeDiameter_m(env, top));
      if (n === 0) break;
      if (layers === 0) perLayer = n;
      satellites += n;
      layers++;
    }
    if (satellites > best.satellites) best = { satellites, layers, perLayer, vertical_m: h };
  }
  return best;
}

/** A dispenser's central column, the satellites mounted on its wall [m]. */
export interface DispenserColumn {
  readonly diameter_m: number;
}

/**
 * Satellites of one stowed box on a column dispenser (docs/models.md §"Fairing packing"): each tier a ring of N boxes
 * mounted as the dispenser fixes them, the box's a side along the column's wall, b outward and c vertical, its inner
 * face flat against the wall (radius r_c). Neighbours clear each other while each box stays inside its wedge of
 * half-angle π/N, which its inner corners bound: N = ⌊π / atan(a / 2r_c)⌋ (a mirror-image pair of inner corners
 * crosses the wedges' common edge together, so the bound is exact for identical boxes). The column, not the fairing,
 * sets N; the envelope only has to hold the outer corners, r_o = √((r_c + b)² + (a/2)²) ≤ D(z)/2 at each tier's top.
 * Tiers of height c stack from the separation plane while that holds. Validity: identical boxes flush on a
 * cylindrical column as tall as needed; the column's own cross-section is the only space lost; separation springs,
 * clearances and satellites on the column's top are not modelled.
 */
export function columnDispenserPacking(
  env: Readonly<FairingEnvelope>,
  box: Readonly<StowedBox>,
  column: Readonly<DispenserColumn>,
): FairingPackingResult {
  checkInputs(env, box);
  positive('dispenser.columnDiameter_m', column.diameter_m);
  const rc = column.diameter_m / 2;
  const perTier = Math.floor(Math.PI / Math.atan(box.a_m / (2 * rc)) + EPS);
  const outer = Math.hypot(rc + box.b_m, box.a_m / 2);
  let tiers = 0;
  for (let top = box.c_m; top <= env.height_m + EPS && envelopeDiameter_m(env, top) / 2 >= outer - EPS; top += box.c_m)
    tiers++;
  return { satellites: perTier * tiers, layers: tiers, perLayer: tiers > 0 ? perTier : 0, vertical_m: box.c_m };
}

/**
 * A node's stowed box when no dimensions are given (estimate): its core (bus, compute, battery, shielding: everything
 * but the folded array and radiator) a cube of side ℓ = ∛V_core that sets the stack's height, the folded array and
 * radiator packed around it in the same layer, so the footprint is a square of area V_stowed/ℓ.
 */
export function nodeStowedBox(stowedVolume_m3: number, coreVolume_m3: number): StowedBox {
  positive('stowedVolume_m3', stowedVolume_m3);
  // a node without a core (all array and radiator) stows as a cube
  const height = Math.cbrt(coreVolume_m3 > 0 ? Math.min(coreVolume_m3, stowedVolume_m3) : stowedVolume_m3);
  return squareStowedBox(stowedVolume_m3, height);
}

/** A box of this volume and height on a square footprint [m]. */
export function squareStowedBox(stowedVolume_m3: number, height_m: number): StowedBox {
  const side = Math.sqrt(stowedVolume_m3 / height_m);
  return { a_m: side, b_m: side, c_m: height_m };
}
