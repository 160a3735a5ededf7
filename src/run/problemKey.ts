/**
 * The problem key: one sha256 that is equal for two runs exactly when a design evaluates to the same objectives and
 * constraints in both, so one run may reuse the other's evaluations (a warm start, src/run/warmStart.ts). It hashes
 * the study as the run folder keeps it, less the sections that steer the search but not an evaluation (algorithm,
 * select, name, description, note), with the model version: odc's version, the catalogs' bytes, and the sha256 of
 * every model-side source file the build recorded in dist/.build-manifest.json (src/ but the report, analysis, serve
 * and entry layers). Conservative by design: any change of a model file, a catalog row or the study's design makes
 * the problems differ, and the earlier designs are then evaluated again.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { packageRoot } from '../base/paths.js';
import { ODC_VERSION } from './versions.js';

/** Study sections that do not change what a design evaluates to. */
const SEARCH_ONLY = new Set(['algorithm', 'select', 'name', 'description', 'note']);
/** Source folders whose code does not evaluate designs. */
const NOT_MODEL = /^src\/(report|analysis|serve|entries)\//;
/** The build manifest's size cap: it lists a few thousand hashes. */
const MANIFEST_MAX_BYTES = 16 * 2 ** 20;

/** The keys of the study texts this process keyed: a multi-seed run keys the same text once per seed. */
const keyed = new Map<string, string>();
const KEYED_TEXTS = 8;

/** The problem key of a study text (the self-contained text a run folder keeps as study.yaml). */
export function problemKey(studyText: string): string {
  const known = keyed.get(studyText);
  if (known !== undefined) return known;
  if (keyed.size >= KEYED_TEXTS) keyed.clear();
  const key = keyOf(studyText);
  keyed.set(studyText, key);
  return key;
}

function keyOf(studyText: string): string {
  const study = parse(studyText) as unknown;
  const problem =
    study !== null && typeof study === 'object' && !Array.isArray(study)
      ? withRobustSeed(study as Record<string, unknown>)
      : study;
  return createHash('sha256')
    .update(canonicalJson({ problem, odc: ODC_VERSION, model: modelVersion() }))
    .digest('hex');
}

/**
 * The study less its search-only sections. A robust section without its own seed draws its samples from
 * `algorithm.seed` (src/study/robust.ts), so that seed is an evaluation input there and is kept as `robust.seed`.
 */
function withRobustSeed(study: Record<string, unknown>): Record<string, unknown> {
  const problem = Object.fromEntries(Object.entries(study).filter(([k]) => !SEARCH_ONLY.has(k)));
  const robust = problem['robust'];
  const algorithm = study['algorithm'];
  if (robust === null || typeof robust !== 'object' || Array.isArray(robust) || 'seed' in robust) return problem;
  const seed = algorithm !== null && typeof algorithm === 'object' ? (algorithm as { seed?: unknown }).seed : undefined;
  return { ...problem, robust: { ...robust, seed: seed ?? null } };
}

let cachedModel: string | undefined;

/** The catalogs' bytes and the model sources' build hashes, as one sha256 (read once per process). */
function modelVersion(): string {
  if (cachedModel !== undefined) return cachedModel;
  const hash = createHash('sha256');
  const root = packageRoot();
  const catalogs = join(root, 'designs', 'catalogs');
  if (existsSync(catalogs))
    for (const file of readdirSync(catalogs).sort()) {
      if (file.endsWith('.yaml')) hash.update(file).update(readFileSync(join(catalogs, file)));
    }
  for (const [path, sha] of modelSources(join(root, 'dist', '.build-manifest.json'))) hash.update(path).update(sha);
  return (cachedModel = hash.digest('hex'));
}

/** The manifest's model-side source hashes, sorted by path; none when there is no readable manifest. */
function modelSources(manifest: string): [string, string][] {
  try {
    const text = readFileSync(manifest, 'utf8');
    if (text.length > MANIFEST_MAX_BYTES) return [];
    const sources = (JSON.parse(text) as { sources?: unknown }).sources;
    if (sources === null || typeof sources !== 'object') return [];
    return Object.entries(sources as Record<string, unknown>)
      .filter((e): e is [string, string] => typeof e[1] === 'string')
      .filter(([path]) => path.startsWith('src/') && !NOT_MODEL.test(path))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  } catch {
    return [];
  }
}

/** JSON with every object's keys sorted, so equal data gives equal text. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}
