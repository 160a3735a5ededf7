/**
 * The sky pack's magnitude file: every satellite's standard ("intrinsic") magnitude in the layout of Mike McCants'
 * qs.mag (a header line, then one line per satellite: catalog number in columns 1–5, name in 6–33, standard
 * magnitude in 34–38; a closing line), the file satellite-checking and planetarium tools read beside TLEs
 * (Stellarium's Satellites plugin takes its stdMag from it). Catalog numbers and names are those of `--format tle`
 * (`--catalog-base` + index, Alpha-5 above 99,999; beyond 339,999 it refuses before writing, as the TLE export does).
 * Standard magnitude: at 1,000 km range and 90° phase angle, each shell's photometric model
 * (skyPhotometry.ts) over its node's array area or the design's sky.area_m2; the header line states the model and
 * its parameters: the apparent magnitude is m = std + 5·log10(d / 1,000 km) + the model's phase term at α less at 90°.
 * Derivation, evidence and costs: docs/constellations.md §"Sky pack".
 */
import type { ConstellationSpec } from '../design/compile.js';
import { shellNodes } from '../evaluate.js';
import { shellPhotometry } from '../environment/skyFigures.js';
import type { PhotometricModel } from '../environment/skyPhotometry.js';
import { PHASE_FUNCTIONS, standardMagnitude } from '../environment/skyPhotometry.js';
import { alpha5 } from './tleFormat.js';
import {
  catalogBaseOf,
  chunker,
  DEFAULT_CHUNK_CHARS,
  checkTleNumbering,
  satelliteRecords,
  type ExportableConstellation,
} from './exportSatellites.js';

const NAME_CHARS = 28;

/** Each shell's photometric model, over its node's array area as the evaluation sizes it (or sky.area_m2). */
export function skyModels(spec: ConstellationSpec): PhotometricModel[] {
  return shellNodes(spec, []).nodes.map((n) => shellPhotometry(spec.sky, n.power.arrayArea_m2));
}

/** One model's parameters as the header states them. */
export function modelText(m: Readonly<PhotometricModel>): string {
  if (m.kind === 'lambertian') {
    return `lambertian sphere, geometric albedo ${m.albedo}, area ${m.area_m2} m2, phase law ((pi-a)cos a + sin a)/pi (Hainaut & Williams 2020)`;
  }
  const f = PHASE_FUNCTIONS[m.phaseFunction]!;
  return `measured phase function ${m.phaseFunction} (${f.source}) scaled to ${m.area_m2} m2 from ${f.referenceArea_m2} m2`;
}

/** One qs.mag line: catalog number (Alpha-5), name, standard magnitude to 0.1. */
export function qsMagLine(catalogNumber: number, name: string, stdMag: number): string {
  const id = (catalogNumber > 99_999 ? alpha5(catalogNumber) : String(catalogNumber)).padStart(5);
  return `${id}${` ${name}`.slice(0, NAME_CHARS).padEnd(NAME_CHARS)}${stdMag.toFixed(1).padStart(5)}\n`;
}

/** The magnitude file of a constellation whose shells fly these photometric models (by shell index). */
export function writeQsMag(
  spec: Readonly<ExportableConstellation>,
  models: readonly PhotometricModel[],
  sink: (chunk: string) => void,
  options: { readonly chunkChars?: number; readonly catalogBase?: number } = {},
): void {
  const base = catalogBaseOf(spec, options);
  checkTleNumbering(spec, options);
  const std = models.map(standardMagnitude);
  const out = chunker(sink, options.chunkChars ?? DEFAULT_CHUNK_CHARS);
  const shells = spec.shells.map((s, i) => `${s.geometry.name}: ${modelText(models[i]!)}`).join('; ');
  out.push(`odc sky pack ${spec.name}: standard magnitude at 1000 km and 90 deg phase; ${shells}\n`);
  for (const s of satelliteRecords(spec, base)) out.push(qsMagLine(s.catalogNumber, s.name, std[s.shellIndex]!));
  out.push('end\n');
  out.flush();
}
