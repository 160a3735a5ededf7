/**
 * The shipped trapped-particle TID table (AP-8 MIN protons / AE-8 MAX electrons + SHIELDOSE-2, centre of
 * a solid Al sphere; see TID-PROVENANCE.md), read and parsed ONCE at module load into a typed, frozen
 * table. This is the only I/O of the radiation model; `src/models/radiation/radiation.ts` receives parsed data.
 *
 * Path: the CSV sits beside this file in src/models/radiation/. Under vitest this module runs from
 * src/models/radiation/; after
 * `tsc` it runs from dist/src/models/radiation/, where the CSV is not copied, so we fall back to
 * ../../../src/models/radiation/.
 *
 * Layout: 11 altitudes × 5 inclination columns (0, 30, 53, 70°, SSO(h)) × 11 Al thicknesses. Values are
 * rad(Si) per 365.25-day year; 0 means "below the AP-8/AE-8 floor". Natural logs are precomputed with
 * zeros replaced by TID_DOSE_FLOOR_rad_per_yr so interpolation in log(dose) stays finite.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../base/paths.js';
import { deg_to_rad, km_to_m, mm_to_m } from '../../base/convert.js';

export const TID_CSV_FILENAME = 'tid-ap8ae8-shieldose2.csv';

/**
 * Floor substituted for 0 before taking logs [rad(Si)/yr]: below every nonzero entry of the table (smallest
 * 2.7e-8, an electron component at 20 mm). Interpolated results at or below it are reported as 0.
 */
export const TID_DOSE_FLOOR_rad_per_yr = 1e-9;

export interface TidComponentTable {
  /** Flattened [altitude][inclination column][thickness], rad(Si)/yr. */
  readonly value_rad_per_yr: readonly number[];
  /** ln(max(value, floor)), same layout. */
  readonly logValue: readonly number[];
}

export interface TidTable {
  /** Ascending grid altitudes [m]. */
  readonly altitudes_m: readonly number[];
  /** Ascending Al sphere-shield radii [m]. */
  readonly thicknesses_m: readonly number[];
  /** Per altitude row: inclination columns [rad] — 0, 30, 53, 70°, then that row's SSO inclination. */
  readonly inclinations_rad: readonly (readonly number[])[];
  readonly total: TidComponentTable;
  readonly proton: TidComponentTable;
  readonly electron: TidComponentTable;
  readonly bremsstrahlung: TidComponentTable;
}

/** Index into the flattened arrays. */
export const tidIndex = (t: TidTable, altitude: number, inclination: number, thickness: number): number =>
  (altitude * t.inclinations_rad[0]!.length + inclination) * t.thicknesses_m.length + thickness;

interface Row {
  alt: number;
  inc: number;
  mm: number;
  p: number;
  e: number;
  b: number;
  tot: number;
}

/** The CSV's data rows (comment lines start with '#'), by column name; throws on a missing column or a bad number. */
function parseTidRows(text: string): Row[] {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '' && !l.startsWith('#'));
  const header = lines.shift()?.split(',') ?? [];
  const col = (name: string): number => {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`TID table: missing column '${name}'`);
    return i;
  };
  const [cA, cI, cT, cP, cE, cB, cTot] = [
    col('altitude_km'),
    col('inclination_deg'),
    col('al_mm'),
    col('proton_rad_si_per_yr'),
    col('electron_rad_si_per_yr'),
    col('bremsstrahlung_rad_si_per_yr'),
    col('total_rad_si_per_yr'),
  ];
  return lines.map((l, n) => {
    const f = l.split(',');
    const num = (c: number): number => {
      const v = Number(f[c]);
      if (!Number.isFinite(v) || v < 0) throw new Error(`TID table: bad number '${f[c]}' in data row ${n + 1}`);
      return v;
    };
    return { alt: num(cA), inc: num(cI), mm: num(cT), p: num(cP), e: num(cE), b: num(cB), tot: num(cTot) };
  });
}

/** Parse the CSV text (comment lines start with '#'); throws on any malformed or incomplete grid. */
export function parseTidCsv(text: string): TidTable {
  const rows = parseTidRows(text);
  const uniq = (xs: number[]): number[] => [...new Set(xs)].sort((a, b) => a - b);
  const alts = uniq(rows.map((r) => r.alt));
  const mms = uniq(rows.map((r) => r.mm));
  const incs = alts.map((a) => uniq(rows.filter((r) => r.alt === a).map((r) => r.inc)));
  const nI = incs[0]?.length ?? 0;
  if (alts.length < 2 || mms.length < 2 || nI !== 5 || incs.some((x) => x.length !== nI)) {
    throw new Error('TID table: expected a full altitude × 5 inclinations × thickness grid');
  }
  const n = alts.length * nI * mms.length;
  if (rows.length !== n) throw new Error(`TID table: ${rows.length} data rows, expected ${n}`);
  const vals = { p: new Array<number>(n), e: new Array<number>(n), b: new Array<number>(n), tot: new Array<number>(n) };
  const seen = new Array<boolean>(n).fill(false);
  for (const r of rows) {
    const a = alts.indexOf(r.alt);
    const i = incs[a]!.indexOf(r.inc);
    const k = (a * nI + i) * mms.length + mms.indexOf(r.mm);
    if (seen[k]) throw new Error(`TID table: duplicate row ${r.alt} km / ${r.inc}° / ${r.mm} mm`);
    seen[k] = true;
    vals.p[k] = r.p;
    vals.e[k] = r.e;
    vals.b[k] = r.b;
    vals.tot[k] = r.tot;
  }
  // The number arrays are read-only by type, not frozen: V8 loads a frozen array's elements through its generic
  // keyed-load stub (optimized code does not inline them), ~4× a plain array's load, and every node evaluation reads
  // ~30 of them (radiation.ts: the brackets and the 8 corners).
  const component = (v: number[]): TidComponentTable =>
    Object.freeze({
      value_rad_per_yr: v,
      logValue: v.map((x) => Math.log(Math.max(x, TID_DOSE_FLOOR_rad_per_yr))),
    });
  return Object.freeze({
    altitudes_m: alts.map(km_to_m),
    thicknesses_m: mms.map(mm_to_m),
    inclinations_rad: incs.map((x) => x.map(deg_to_rad)),
    total: component(vals.tot),
    proton: component(vals.p),
    electron: component(vals.e),
    bremsstrahlung: component(vals.b),
  });
}

/** The table ships beside this module in the sources (src/models/radiation/); compiled code reads it there too. */
const csvPath = (): string => join(packageRoot(), 'src', 'models', 'radiation', TID_CSV_FILENAME);

let loaded: TidTable | undefined;
/** The parsed table, loaded on first use (not at import: a benchmark study never reads it), then kept. */
export function tidTable(): TidTable {
  return (loaded ??= parseTidCsv(readFileSync(csvPath(), 'utf8')));
}
