/**
 * Expected close approaches per satellite-year of a circular orbit among catalogue objects: kinetic-gas flux,
 * rate = Σ_j ∫ ρ_j · v_rel · w dr, ρ_j object j's spatial density, w(Δr) = 2√(d² − Δr²) the chord a pass within d
 * sweeps at radial offset Δr (∫w = πd², the cross-section). Each object's density (Öpik 1951; Kessler 1981): radius
 * time-weighted on its orbit, r = a(1 − e cos E), F(r) = (E − e sin E)/π; latitude from the inclination, fraction
 * of time in |β| ∈ [β₁, β₂] = (2/π)(asin(sin β₂/sin i) − asin(sin β₁/sin i)), spread over the band's area; node and
 * argument of perigee uniform. Velocities at a crossing: equal speeds (circular at the crossing radius), heading
 * ψ from east with cos ψ = cos i/cos β, each object north- or southbound with probability ½, so
 * ⟨v_rel⟩ = v·(sin(|ψ₁ − ψ₂|/2) + sin((ψ₁ + ψ₂)/2)). Evaluated from a table over altitude × inclination built from a
 * catalogue (test/generate/flux-table.ts), bilinear between its nodes.
 * Sources: Öpik, Proc. R. Irish Acad. 54A (1951) 165; Kessler, Icarus 48 (1981) 39 (spatial density, collision
 * rate); Vallado et al. AIAA 2006-6753 (SGP4 radius terms). Validity: an estimate of the average over node phasings
 * (a catalogue shell flown in formation with the design, or a week's particular geometry, departs from it);
 * eccentric objects' flight-path angle and speed mismatch neglected. docs/constellations.md §"Approach flux".
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod';
import { maxOf, minOf } from '../../base/arrays.js';
import { JULIAN_YEAR_s } from '../../base/constants.js';
import { lazy } from '../../base/lazy.js';
import { LITTLE_ENDIAN } from '../../base/endian.js';
import { codeRoot, packageRoot } from '../../base/paths.js';
import { sha256 } from '../../base/sha256.js';

/** An object of the catalogue as the flux sees it: its effective mean radius, radial half-range and inclination. */
export interface FluxObject {
  /** Mean radius with the inclination-dependent SGP4 terms [km]. */
  readonly rEff_km: number;
  /** a·e: the radius swings over rEff ± this [km]. */
  readonly spread_km: number;
  readonly inclination_rad: number;
}

export interface FluxGrid {
  readonly altitude_km: { readonly min: number; readonly step: number; readonly count: number };
  readonly inclination_deg: { readonly min: number; readonly step: number; readonly count: number };
}

export interface FluxTable extends FluxGrid {
  readonly threshold_km: number;
  /** Row-major, altitude by inclination [approaches per satellite-year]. */
  readonly rate_per_sat_yr: ArrayLike<number>;
}

const RADIAL_BIN_km = 0.5;
const INC_BINS = 720; // 0.25°
const LAT_BINS = 360; // 0.25°

/** Fraction of an orbit's time with |latitude| in each latitude bin. */
function latitudeFractions(inc_rad: number): Float64Array {
  const s = Math.abs(Math.sin(inc_rad));
  const f = new Float64Array(LAT_BINS);
  const F = (b: number): number => {
    const x = Math.sin((b * Math.PI) / 2 / LAT_BINS);
    if (x === 0) return 0;
    return s <= x ? 1 : (2 / Math.PI) * Math.asin(x / s);
  };
  for (let b = 0; b < LAT_BINS; b++) f[b] = F(b + 1) - F(b);
  return f;
}

/** Heading from east at each latitude bin's centre (clamped where the orbit turns) [rad]. */
function headings(inc_rad: number): Float64Array {
  const h = new Float64Array(LAT_BINS);
  for (let b = 0; b < LAT_BINS; b++) {
    const beta = ((b + 0.5) * Math.PI) / 2 / LAT_BINS;
    h[b] = Math.acos(Math.max(-1, Math.min(1, Math.cos(inc_rad) / Math.cos(beta))));
  }
  return h;
}

/** Time-weighted radial mass of one object into `hist` (bins of RADIAL_BIN_km from `r0_km`). */
function addRadial(hist: Float64Array, r0_km: number, o: Readonly<FluxObject>): void {
  const a = o.rEff_km;
  const ae = o.spread_km;
  const binOf = (r: number) => Math.floor((r - r0_km) / RADIAL_BIN_km);
  if (ae < RADIAL_BIN_km) {
    const k = binOf(a);
    if (k >= 0 && k < hist.length) hist[k]! += 1;
    return;
  }
  // F(r) = (E − e sin E)/π, cos E = (a − r)/(ae)
  const e = ae / a;
  const F = (r: number): number => {
    const c = Math.max(-1, Math.min(1, (a - r) / ae));
    const E = Math.acos(c);
    return (E - e * Math.sin(E)) / Math.PI;
  };
  const k0 = Math.max(0, binOf(a - ae));
  const k1 = Math.min(hist.length - 1, binOf(a + ae));
  for (let k = k0; k <= k1; k++) hist[k]! += F(r0_km + (k + 1) * RADIAL_BIN_km) - F(r0_km + k * RADIAL_BIN_km);
}

/**
 * A[m][u] = Σ_b F_d(b)·F_j(b)·⟨v_rel/v⟩_b / (sin β_{b+1} − sin β_b): design inclination column m against catalogue
 * inclination bin used[u], over the latitude bins (header).
 */
function latitudeSums(grid: FluxGrid, used: readonly number[]): number[][] {
  const ix = grid.inclination_deg;
  const incCentre = (i: number) => ((i + 0.5) * Math.PI) / INC_BINS;
  const catF = new Map(used.map((i) => [i, latitudeFractions(incCentre(i))]));
  const catPsi = new Map(used.map((i) => [i, headings(incCentre(i))]));
  const band = Float64Array.from({ length: LAT_BINS }, (_, b) => {
    const s = (x: number) => Math.sin((x * Math.PI) / 2 / LAT_BINS);
    return s(b + 1) - s(b);
  });
  return Array.from({ length: ix.count }, (_, m) => {
    const inc = deg(ix.min + m * ix.step);
    const fd = latitudeFractions(inc);
    const pd = headings(inc);
    return used.map((i) => {
      const fj = catF.get(i)!;
      const pj = catPsi.get(i)!;
      let a = 0;
      for (let b = 0; b < LAT_BINS; b++) {
        if (fd[b] === 0 || fj[b] === 0) continue;
        const vrel = Math.sin(Math.abs(pd[b]! - pj[b]!) / 2) + Math.sin((pd[b]! + pj[b]!) / 2);
        a += (fd[b]! * fj[b]! * vrel) / band[b]!;
      }
      return a;
    });
  });
}

/**
 * The rate table of `objects` over `grid` (header). `designRadius_km(h, i)`: the design's effective mean radius at
 * altitude h [km] and inclination i [rad], on the same footing as the objects' rEff; `mu_km3_s2` for its speed.
 */
export function buildFluxTable(
  objects: readonly FluxObject[],
  grid: FluxGrid,
  threshold_km: number,
  designRadius_km: (altitude_km: number, inclination_rad: number) => number,
  mu_km3_s2: number,
): FluxTable {
  const { altitude_km: ax, inclination_deg: ix } = grid;
  const radii = Array.from({ length: ax.count }, (_, k) =>
    Array.from({ length: ix.count }, (_, m) => designRadius_km(ax.min + k * ax.step, deg(ix.min + m * ix.step))),
  ).flat();
  const r0 = Math.floor(minOf(radii) - threshold_km - 1);
  const nR = Math.ceil((maxOf(radii) + threshold_km + 1 - r0) / RADIAL_BIN_km);
  // radial mass by inclination bin
  const hist = Array.from({ length: INC_BINS }, () => new Float64Array(nR));
  for (const o of objects) {
    const i = Math.min(INC_BINS - 1, Math.floor((o.inclination_rad / Math.PI) * INC_BINS));
    addRadial(hist[i]!, r0, o);
  }
  const used = hist.map((h, i) => (h.some((x) => x > 0) ? i : -1)).filter((i) => i >= 0);
  const A = latitudeSums(grid, used);
  // the chord kernel on the radial grid: w(Δr) = 2√(d² − Δr²)
  const taps = Math.ceil(threshold_km / RADIAL_BIN_km) + 1;
  const rate: number[] = [];
  for (let k = 0; k < ax.count; k++) {
    for (let m = 0; m < ix.count; m++) {
      const R = radii[k * ix.count + m]!;
      const centre = (R - r0) / RADIAL_BIN_km - 0.5;
      let sum = 0;
      used.forEach((i, u) => {
        const h = hist[i]!;
        let W = 0;
        for (let t = Math.floor(centre) - taps; t <= Math.ceil(centre) + taps; t++) {
          const dr = (t - centre) * RADIAL_BIN_km;
          if (t >= 0 && t < nR && Math.abs(dr) < threshold_km) W += h[t]! * 2 * Math.sqrt(threshold_km ** 2 - dr * dr);
        }
        sum += W * A[m]![u]!;
      });
      const v = Math.sqrt(mu_km3_s2 / R);
      rate.push(round3(((v * sum) / (4 * Math.PI * R * R)) * JULIAN_YEAR_s));
    }
  }
  return { ...grid, threshold_km, rate_per_sat_yr: rate };
}

const deg = (x: number): number => (x * Math.PI) / 180;
const round3 = (x: number): number => (x === 0 ? 0 : Number(x.toPrecision(3)));

/** Approaches per satellite-year of a circular orbit at `altitude_km`, `inclination_deg`: bilinear in the table. */
export function approachRate(table: Readonly<FluxTable>, altitude_km: number, inclination_deg: number): number {
  const { altitude_km: ax, inclination_deg: ix } = table;
  const x = Math.max(0, Math.min(ax.count - 1, (altitude_km - ax.min) / ax.step));
  const y = Math.max(0, Math.min(ix.count - 1, (inclination_deg - ix.min) / ix.step));
  const k = Math.min(ax.count - 2, Math.floor(x));
  const m = Math.min(ix.count - 2, Math.floor(y));
  const u = x - k;
  const w = y - m;
  const r = table.rate_per_sat_yr;
  const at = (a: number, b: number) => r[a * ix.count + b]!;
  return (1 - u) * ((1 - w) * at(k, m) + w * at(k, m + 1)) + u * ((1 - w) * at(k + 1, m) + w * at(k + 1, m + 1));
}

const axisSchema = () =>
  z.strictObject({ min: z.number(), step: z.number().positive(), count: z.number().int().min(2) });
/**
 * An array of finite numbers ≥ 0 (integers: `int`), checked in one loop: z.array(z.number()) parses each of the
 * table's 154,031 rates on its own (~90 ms of a process's start, against ~1 ms here).
 */
const nonNegativeNumbers = (int: boolean) =>
  z.custom<number[]>(
    (v) => {
      if (!Array.isArray(v)) return false;
      for (const x of v as unknown[])
        if (!(typeof x === 'number' && x >= 0 && Number.isFinite(x) && (!int || Number.isInteger(x)))) return false;
      return true;
    },
    { message: int ? 'must be an array of integers ≥ 0' : 'must be an array of finite numbers ≥ 0' },
  );
const fluxFileSchema = lazy(() =>
  z.strictObject({
    about: z.string(),
    catalogue: z.array(z.strictObject({ path: z.string(), sha256: z.string() })),
    objects: z.number().int(),
    start: z.string(),
    epochs: z.strictObject({ first: z.string(), last: z.string() }),
    threshold_km: z.number().positive(),
    altitude_km: axisSchema(),
    inclination_deg: axisSchema(),
    rate_per_sat_yr: nonNegativeNumbers(false),
    /** Objects per bin of mean altitude by operator group (src/constellation/catalogue/occupancy.ts). */
    occupancy: z.strictObject({
      altitude_km: axisSchema(),
      groups: z.array(z.strictObject({ name: z.string(), counts: nonNegativeNumbers(true) })),
    }),
  }),
);
export type FluxFile = z.infer<ReturnType<typeof fluxFileSchema>>;

/** Where the shipped table lives (beside the catalogue snapshot it is built from). */
export const FLUX_TABLE_PATH = 'designs/catalogue/approach-flux.json';

/** The distance the shipped table counts approaches below [km] (test/generate/flux-table.ts builds it so). */
export const FLUX_THRESHOLD_km = 5;

/** Estimated approaches below FLUX_THRESHOLD_km per satellite-year of a circular orbit, from the shipped table. */
export const catalogueApproaches_per_sat_yr = (altitude_km: number, inclination_deg: number): number =>
  approachRate(shippedFluxTable(), altitude_km, inclination_deg);

/** The shipped table as odc holds it: the file's fields, its rates as one typed array. */
export type ShippedFlux = Omit<FluxFile, 'rate_per_sat_yr'> & { readonly rate_per_sat_yr: Float64Array };

let shipped: ShippedFlux | undefined;
/**
 * The shipped table, read once per process: from the build's cache (fluxCacheBytes) when it was made from these very
 * bytes, else parsed and validated from the JSON (~100 ms of CPU in a fresh process: 154,031 numbers parsed and
 * checked, against ~10 ms for the cache).
 */
export function shippedFluxTable(): ShippedFlux {
  if (shipped === undefined) {
    const bytes = readFileSync(join(packageRoot(), FLUX_TABLE_PATH));
    shipped = fluxFromCache(readCacheFile(fluxCachePath()), bytes) ?? parseFluxFile(bytes);
  }
  return shipped;
}

/** The table file's bytes parsed and validated, its rates in a typed array. */
function parseFluxFile(bytes: Uint8Array): ShippedFlux {
  const f = fluxFileSchema().parse(JSON.parse(new TextDecoder().decode(bytes)));
  if (
    f.rate_per_sat_yr.length !== f.altitude_km.count * f.inclination_deg.count ||
    f.threshold_km !== FLUX_THRESHOLD_km
  )
    throw new Error(`${FLUX_TABLE_PATH}: the rates do not fill the grid (regenerate it: npm run gen:flux-table)`);
  return { ...f, rate_per_sat_yr: Float64Array.from(f.rate_per_sat_yr) };
}

/**
 * dist/approach-flux-cache.bin, written by `npm run build` (esbuild.config.mjs) from the shipped table; from TypeScript
 * sources (vitest) a path outside dist/ that does not exist, so tests parse the JSON.
 */
export const fluxCachePath = (): string => join(codeRoot(), 'approach-flux-cache.bin');

const readCacheFile = (path: string): Uint8Array | null => {
  try {
    return readFileSync(path);
  } catch {
    return null; // absent: the JSON is parsed
  }
};
const FLUX_CACHE_FORMAT = 1;

/**
 * The build's cache of a table file: a 4-byte little-endian header length, the header (JSON: the format, the
 * SHA-256 of the file's bytes and every field but the rates), zero padding to 8 bytes, the rates as little-endian
 * doubles. The file's bytes are validated here as at run time, so a cache holds only a table odc accepts.
 */
export function fluxCacheBytes(fileBytes: Uint8Array): Uint8Array {
  const { rate_per_sat_yr: rates, ...fields } = parseFluxFile(fileBytes);
  const header = new TextEncoder().encode(
    JSON.stringify({ format: FLUX_CACHE_FORMAT, sha256: sha256(fileBytes), fields, rates: rates.length }),
  );
  const start = Math.ceil((4 + header.length) / 8) * 8;
  const out = new Uint8Array(start + 8 * rates.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, header.length, true);
  out.set(header, 4);
  rates.forEach((r, i) => view.setFloat64(start + 8 * i, r, true));
  return out;
}

/** The table from a cache made from exactly `fileBytes`; undefined for no cache, another file's or a malformed one. */
export function fluxFromCache(cache: Uint8Array | null, fileBytes: Uint8Array): ShippedFlux | undefined {
  if (cache === null || cache.length < 4 || !LITTLE_ENDIAN) return undefined;
  const view = new DataView(cache.buffer, cache.byteOffset, cache.byteLength);
  const length = view.getUint32(0, true);
  if (4 + length > cache.length) return undefined;
  let header: { format?: unknown; sha256?: unknown; fields?: Omit<FluxFile, 'rate_per_sat_yr'>; rates?: unknown };
  try {
    header = JSON.parse(new TextDecoder().decode(cache.subarray(4, 4 + length))) as typeof header;
  } catch {
    return undefined;
  }
  const start = Math.ceil((4 + length) / 8) * 8;
  const n = header.rates;
  if (header.format !== FLUX_CACHE_FORMAT || header.sha256 !== sha256(fileBytes) || header.fields === undefined)
    return undefined;
  if (typeof n !== 'number' || cache.length !== start + 8 * n) return undefined;
  const rates = new Float64Array(n);
  new Uint8Array(rates.buffer).set(cache.subarray(start)); // a copy: the cache's bytes need not be 8-byte aligned
  return { ...header.fields, rate_per_sat_yr: rates };
}
