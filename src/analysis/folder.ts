/**
 * The result folder of odc uncertainty / odc sensitivity: results/<design>/<kind>-<UTC stamp>-seed<seed>[-k] by
 * default, or --out. Every file is written atomically (src/run/atomic.ts: temporary file, fsync, rename) and
 * report.html last, so a folder whose report.html exists is complete. An existing folder is reused only when it
 * is empty or holds an earlier result of the same kind (its files are replaced); anything else is refused, so a
 * run folder or unrelated files are never overwritten.
 */
import { checkOutputTarget, freshStampedFolder } from '../base/outputTarget.js';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { readRegularText } from '../base/guardedFile.js';
import { writeFileAtomic, writeStreamAtomic } from '../run/atomic.js';
import { studySlug } from '../run/runFolder.js';
import { fieldOf } from '../run/schemas.js';

export type AnalysisKind = 'uncertainty' | 'sensitivity';
export const SUMMARY_FILE = 'summary.json';

/** results/<design slug>/<kind>-<stamp>-seed<seed>, the first that does not exist yet. */
export function defaultAnalysisDir(kind: AnalysisKind, designName: string, seed: number, now: Date): string {
  return freshStampedFolder((stamp) => join('results', studySlug(designName), `${kind}-${stamp}-seed${seed}`), now);
}

function earlierKind(dir: string): string | undefined {
  try {
    const text = readRegularText(join(dir, SUMMARY_FILE), {
      what: 'summary file',
      maxBytes: 2 ** 24,
      fix: '',
      probe: true,
    });
    const kind = fieldOf(JSON.parse(text), 'kind');
    return typeof kind === 'string' ? kind : undefined;
  } catch {
    return undefined;
  }
}

/** Creates the folder, or checks that an existing one may be written (see the header). */
export function prepareAnalysisDir(dir: string, kind: AnalysisKind, inputs: readonly string[]): void {
  checkOutputTarget(dir, 'folder', inputs, {
    folder: { writer: `odc ${kind}`, holdsOwnResult: (d) => earlierKind(d) === kind },
  });
}

/**
 * Files an earlier result of odc uncertainty / sensitivity may have left (removed before a rewrite, so no stale plot
 * stays).
 */
const OWN_FILE = /^(report\.html|report\.md|samples\.csv|summary\.json|[a-z][\w.-]*\.svg)$/;

/**
 * Writes the files in order, each atomically, after removing the earlier result's own files from the folder
 * (report.html first, so the folder never shows an old report beside new data); returns their paths.
 */
/** A file's text, or a writer that streams it in pieces (large files: samples.csv). */
export type FileContent = string | ((sink: (chunk: string) => void) => void);

export function writeAnalysisFiles(
  dir: string,
  files: readonly { readonly name: string; readonly content: FileContent }[],
): string[] {
  const old = readdirSync(dir)
    .filter((f) => OWN_FILE.test(f))
    .sort((a, b) => Number(b === 'report.html') - Number(a === 'report.html'));
  for (const f of old) rmSync(join(dir, f), { force: true });
  return files.map((f) => {
    const path = join(dir, f.name);
    if (typeof f.content === 'string') writeFileAtomic(path, f.content);
    else writeStreamAtomic(path, f.content);
    return path;
  });
}
