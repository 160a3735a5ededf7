/**
 * Reads a constellation file: YAML and schema errors with file:line:column (as for node designs), the
 * node design (a node file relative to the constellation file, or inline sections), each shell's node
 * (base node + the shell's overrides + the shell's orbit and ISL), catalog ids, and the semantic checks
 * a schema cannot express (Walker phasing below the plane count, a cluster radius that holds the
 * spacecraft). Every user error is a StudyError naming the file, the field and the fix.
 */
import { dirname, resolve } from 'node:path';
import { nodeDesignSchema, type NodeDesign } from '../study/schema.js';
import { StudyError } from '../core/errors.js';
import { checkCatalogId, checkCatalogIds, parseDesignFile, parseWith, readYaml, type CatalogIds, type ParsedFile } from '../study/load.js';
import { issueToError, locate, type Path } from '../study/issues.js';
import { constellationFileSchema, type ConstellationFile, type ConstellationIslInput, type ShellInput } from './schema.js';
import { deg_to_rad } from '../units/convert.js';
import { clusterFormation } from './clusterFormation.js';
import type { ConstellationTopology } from './types.js';

/** Node-level topology (terminal count) that carries a constellation topology's links. */
export function nodeTopologyFor(topology: ConstellationTopology): 'none' | 'ring' | 'grid' | 'mesh' {
  // A cluster member links to its hexagonal-lattice neighbours: 6 terminals, as `mesh`.
  return topology === 'cluster' ? 'mesh' : topology;
}

export interface LoadedShellNode {
  readonly design: NodeDesign;
  readonly isl: ConstellationIslInput;
}

export interface LoadedConstellation {
  readonly file: ParsedFile;
  readonly constellation: ConstellationFile;
  /** Path of the node design file, or null for an inline node. */
  readonly nodeFile: string | null;
  /** One node design per shell, in shell order (orbit and ISL set from the shell). */
  readonly shellNodes: readonly LoadedShellNode[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Section-wise merge: override sections replace keys of the base sections. */
function mergeSections(base: Record<string, unknown>, override: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(override)) out[k] = isObject(v) && isObject(base[k]) ? { ...(base[k] as object), ...v } : v;
  return out;
}

const STUDY_KEYS = ['variables', 'objectives', 'constraints', 'algorithm'];

/** Raw base node sections and where they came from (for error locations). */
export interface BaseNode {
  readonly raw: Record<string, unknown>;
  readonly nodeFile: string | null;
  readonly where: (p: Path) => string;
}

/** The node file a constellation names (relative to the constellation file), as raw design sections. */
export function readBaseNode(nodeRef: string, file: ParsedFile): BaseNode {
  const nodePath = resolve(dirname(file.src.file), nodeRef);
  const loaded = parseDesignFile(nodePath);
  if (loaded.kind === 'benchmark-study') {
    throw new StudyError('WRONG_TYPE', `${locate(file.src, ['node'])}: node names ${nodeRef}, a benchmark study; name a node design file`, { file: file.src.file, field: 'node' });
  }
  const raw = { ...(loaded.file.raw as Record<string, unknown>) };
  for (const k of STUDY_KEYS) delete raw[k];
  return { raw, nodeFile: nodePath, where: (p) => locate(loaded.file.src, p) };
}

/** The base node of a parsed constellation file: its node file, or its inline node sections. */
export function baseNode(c: ConstellationFile, file: ParsedFile, raw: Record<string, unknown>): BaseNode {
  if (typeof c.node === 'string') return readBaseNode(c.node, file);
  return { raw: { ...(raw['node'] as Record<string, unknown>) }, nodeFile: null, where: (p) => locate(file.src, ['node', ...p]) };
}

/**
 * Characteristic deployed span of a node [m]: √(array + radiator planform area), the side of a square of
 * that area — a lower bound on the real span (AI1: √710 m² ≈ 27 m against a ~70 m wingspan).
 */
export function spacecraftSpan_m(design: NodeDesign): number {
  return Math.sqrt(design.power.arrayArea_m2 + design.thermal.radiatorArea_m2);
}

function checkClusterFitsSpacecraft(shell: ShellInput, design: NodeDesign, where: (p: Path) => string, path: string, i: number): void {
  if (shell.pattern !== 'cluster' || shell.clusterRadius_m === undefined) return;
  const span_m = spacecraftSpan_m(design);
  const field = `shells.${i}.clusterRadius_m`;
  if (shell.clusterRadius_m < span_m) {
    throw new StudyError('OUT_OF_RANGE', `${where(['clusterRadius_m'])}: shell '${shell.name}' cluster radius ${shell.clusterRadius_m} m is smaller than one spacecraft (span ≈ ${span_m.toFixed(0)} m from its array and radiator area); use a larger clusterRadius_m`, { file: path, field });
  }
  const { closestApproach_m } = clusterFormation(shell.satsPerPlane, shell.clusterRadius_m, shell.clusterFormation);
  if (shell.satsPerPlane > 1 && closestApproach_m < span_m) {
    throw new StudyError('OUT_OF_RANGE', `${where(['clusterRadius_m'])}: shell '${shell.name}' packs ${shell.satsPerPlane} nodes within ${shell.clusterRadius_m} m, whose ${shell.clusterFormation} relative orbits bring neighbours ${closestApproach_m.toFixed(0)} m apart, closer than one spacecraft span (≈ ${span_m.toFixed(0)} m); raise clusterRadius_m or lower satsPerPlane`, { file: path, field });
  }
}

export function parseConstellationFile(path: string): LoadedConstellation {
  return parseConstellation(readYaml(path));
}

/**
 * Validates a constellation given as a raw object (default: the file's own). Studies pass a modified copy
 * per evaluation, with the base node already read (`base`) so the node file is not re-read every time.
 */
export function parseConstellation(file: ParsedFile, raw: Record<string, unknown> = file.raw as Record<string, unknown>, base?: BaseNode): LoadedConstellation {
  const path = file.src.file;
  const c = parseWith(constellationFileSchema(), raw === file.raw ? file : { ...file, raw });
  base ??= baseNode(c, file, raw);
  const rawShells = (raw as { shells: Record<string, unknown>[] }).shells;
  const shellNodes = c.shells.map((shell, i): LoadedShellNode => {
    const where = (p: Path) => locate(file.src, ['shells', i, ...p]);
    if (shell.phasing >= shell.planes) {
      throw new StudyError('OUT_OF_RANGE', `${where(['phasing'])}: shell '${shell.name}' phasing F = ${shell.phasing} must be below its ${shell.planes} planes (0 ≤ F < planes)`, { file: path, field: `shells.${i}.phasing` });
    }
    if (shell.pattern === 'cluster' && shell.clusterFormation === 'circular' && typeof shell.inclination_deg === 'number' && Math.sin(deg_to_rad(shell.inclination_deg)) < 1e-3) {
      throw new StudyError('OUT_OF_RANGE', `${where(['clusterFormation'])}: shell '${shell.name}' is equatorial (${shell.inclination_deg}°): a circular formation's cross-track motion needs a defined node; use clusterFormation: in-plane or an inclination of at least 0.06°`, { file: path, field: `shells.${i}.clusterFormation` });
    }
    if (shell.pattern === 'cluster' && shell.clusterRadius_m === undefined) {
      throw new StudyError('MISSING_FIELD', `${where(['pattern'])}: shell '${shell.name}' is a cluster: give clusterRadius_m (Suncatcher: 1000)`, { file: path, field: `shells.${i}.clusterRadius_m` });
    }
    const isl = { ...c.isl, ...(shell.isl ?? {}) };
    const override = (rawShells[i]?.['node'] ?? {}) as Record<string, unknown>;
    if (!isObject(override)) throw new StudyError('WRONG_TYPE', `${where(['node'])}: shells[].node must be a mapping of node sections`, { file: path });
    if ('orbit' in override) {
      throw new StudyError('UNKNOWN_KEY', `${where(['node', 'orbit'])}: a shell's orbit is set by its altitude_km, inclination_deg and ltan_h, not by node.orbit; remove node.orbit`, { file: path, field: `shells.${i}.node.orbit` });
    }
    const merged = mergeSections(base.raw, override);
    merged['name'] = `${c.name}/${shell.name}`;
    merged['kind'] = 'node';
    merged['orbit'] = { altitude_km: shell.altitude_km, inclination_deg: shell.inclination_deg, ltan_h: shell.ltan_h };
    merged['isl'] = { topology: nodeTopologyFor(isl.topology), terminal: isl.terminal };
    const r = nodeDesignSchema().safeParse(merged);
    if (!r.success) {
      const issue = r.error.issues[0]!;
      const p = issue.path.filter((x): x is string | number => typeof x !== 'symbol');
      const fromOverride = p.length > 0 && p[0]! in override;
      const err = fromOverride
        ? issueToError(file.src, raw, { ...issue, path: ['shells', i, 'node', ...p] }, () => [])
        : new StudyError('WRONG_TYPE', `${base.where(p)}: node ${p.join('.')}: ${issue.message}`, { file: base.nodeFile ?? path, field: p.join('.') });
      throw err;
    }
    checkClusterFitsSpacecraft(shell, r.data, where, path, i);
    return { design: r.data, isl };
  });
  return { file, constellation: c, nodeFile: base.nodeFile, shellNodes };
}

/** Every catalog id the constellation names exists (node rows per shell, ISL terminals, stations, vehicles). */
export function checkConstellationIds(loaded: LoadedConstellation, ids: CatalogIds): void {
  const { file, constellation: c } = loaded;
  loaded.shellNodes.forEach((s, i) => {
    checkCatalogIds(s.design, ids, file.src);
    checkCatalogId(s.isl.terminal, 'isl-terminals', ids, file.src, c.shells[i]!.isl?.terminal !== undefined ? ['shells', i, 'isl', 'terminal'] : ['isl', 'terminal'], 'isl.terminal');
  });
  c.ground.stations.forEach((st, j) => {
    if (typeof st === 'string') checkCatalogId(st, 'ground-stations', ids, file.src, ['ground', 'stations', j], `ground.stations[${j}]`);
  });
  c.launch.vehicles.forEach((v, j) => checkCatalogId(v.vehicle, 'launch-vehicles', ids, file.src, ['launch', 'vehicles', j, 'vehicle'], `launch.vehicles[${j}].vehicle`));
}
