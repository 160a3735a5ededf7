/**
 * The catalogue a screen runs against: element-set files read (elementSets.ts), one set per NORAD number (the latest
 * epoch kept, the others counted as duplicates), their epochs summarised. The shipped default is the CelesTrak
 * snapshot in designs/catalogue/ (its README gives the source and commit); any TLE or OMM file may replace it.
 * Source: CelesTrak GP data (celestrak.org/NORAD/elements/), redistributed as designs/catalogue/README.md states.
 */
import { join } from 'node:path';
import { StudyError } from '../../base/errors.js';
import { readRegularText } from '../../base/guardedFile.js';
import { packageRoot } from '../../base/paths.js';
import { emptySkips, readElementSets, type ElementFormat, type ElementSet, type SkipCounts } from './elementSets.js';

/** The shipped snapshot: CelesTrak's active group and four breakup-debris groups of 2026-08-22. */
export const DEFAULT_CATALOGUE_FILES = [
  'designs/catalogue/celestrak-active-2026-08-22.tle',
  'designs/catalogue/celestrak-debris-clouds-2026-08-22.tle',
] as const;

export const defaultCatalogue = (): string[] => DEFAULT_CATALOGUE_FILES.map((f) => join(packageRoot(), f));

/** Largest element-set file read: ~2.9 million TLEs; a full public catalogue is ~5 MB. */
export const MAX_CATALOGUE_BYTES = 200 * 1024 * 1024;

export interface CatalogueFile {
  readonly path: string;
  readonly format: ElementFormat;
  /** Element sets read from it (before duplicates across files are removed). */
  readonly sets: number;
}

export interface Catalogue {
  readonly sets: readonly ElementSet[];
  readonly files: readonly CatalogueFile[];
  readonly skips: SkipCounts;
}

/** The element sets of one file, malformed ones counted; a missing, oversized or unparseable file is a StudyError. */
export function readElementFile(
  path: string,
  what: string,
  skips: SkipCounts,
): { format: ElementFormat; sets: ElementSet[] } {
  const text = readRegularText(path, {
    what,
    maxBytes: MAX_CATALOGUE_BYTES,
    followLinks: true,
    fix: 'give a TLE (two- or three-line) or OMM (JSON, XML, CSV) file, split into several if it is larger',
  });
  try {
    return readElementSets(text, skips);
  } catch (e) {
    throw new StudyError('WRONG_TYPE', `${path}: not OMM JSON (${(e as Error).message}); give TLE or OMM text`, {
      file: path,
    });
  }
}

/** One set per NORAD number: the latest epoch, the first read on a tie; the rest counted in `skips.duplicate`. */
export function uniqueSets(sets: readonly ElementSet[], skips: SkipCounts): ElementSet[] {
  const kept = new Map<number, ElementSet>();
  for (const s of sets) {
    const had = kept.get(s.norad);
    if (had !== undefined) skips.duplicate++;
    if (had === undefined || s.epoch_ms > had.epoch_ms) kept.set(s.norad, s);
  }
  return [...kept.values()];
}

/** The catalogue of `paths` (default: the shipped snapshot). */
export function loadCatalogue(paths: readonly string[] = defaultCatalogue()): Catalogue {
  const skips = emptySkips();
  const files: CatalogueFile[] = [];
  const all: ElementSet[] = [];
  for (const path of paths) {
    const r = readElementFile(path, 'catalogue file', skips);
    files.push({ path, format: r.format, sets: r.sets.length });
    for (const s of r.sets) all.push(s);
  }
  return { sets: uniqueSets(all, skips), files, skips };
}

/** Smallest, median and largest epoch [ms] of `sets` (NaN for none). */
export function epochSummary(sets: readonly ElementSet[]): { min_ms: number; median_ms: number; max_ms: number } {
  const e = sets.map((s) => s.epoch_ms).sort((a, b) => a - b);
  if (e.length === 0) return { min_ms: Number.NaN, median_ms: Number.NaN, max_ms: Number.NaN };
  const mid = e.length >> 1;
  const median_ms = e.length % 2 === 1 ? e[mid]! : (e[mid - 1]! + e[mid]!) / 2;
  return { min_ms: e[0]!, median_ms, max_ms: e[e.length - 1]! };
}
