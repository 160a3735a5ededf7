/**
 * Reads a constellation file: YAML and schema errors with file:line:column (as for node designs), the
 * node design (a node file relative to the constellation file, or inline sections), each shell's node
 * (base node + the shell's overrides + the shell's orbit and ISL), catalog ids, and the semantic checks
 * a schema cannot express (Walker phasing below the plane count, a cluster radius that holds the
 * spacecraft). Every user error is a StudyError naming the file, the field and the fix.
 */
import { dirname, resolve } from 'node:path';
import { nodeDesignSchema, orbitSchema, type NodeDesign } from '../../node/design/schema.js';
import { StudyError } from '../../base/errors.js';
import { km_to_m } from '../../base/convert.js';
import { checkCatalogId, checkCatalogIds, parseDesignFile, type CatalogIds } from '../../node/design/load.js';
import { parseWith, readInput, type ParsedFile, type YamlInput } from '../../base/yaml.js';
import { issueToError, locate, type Path } from '../../base/issues.js';
import { keyedParser } from '../../base/keyedParse.js';
import { lazy } from '../../base/lazy.js';
import {
  constellationFileSchema,
  inlineNodeSchema,
  shellListAccepted,
  shellSchema,
  type ConstellationFile,
  type ConstellationIslInput,
  type ShellInput,
} from './schema.js';
import { ssoPlanes, type SsoPlanesResult } from '../geometry/ssoPlanes.js';
import { deg_to_rad } from '../../base/convert.js';
import { clusterFormation } from '../geometry/clusterFormation.js';
import type { ConstellationTopology } from './types.js';

/** Node-level topology (terminal count) that carries a constellation topology's links. */
export function nodeTopologyFor(topology: ConstellationTopology): 'none' | 'ring' | 'grid' | 'mesh' {
  // A cluster member links to its hexagonal-lattice neighbours: 6 terminals, as `mesh`.
  return topology === 'cluster' ? 'mesh' : topology;
}

export interface LoadedShellNode {
  /** The shell's node; for an SSO shell its orbit LTAN is that of the most-shadowed plane (ssoPlanes.ts). */
  readonly design: NodeDesign;
  readonly isl: ConstellationIslInput;
  /** Plane LTANs and eclipse spread of an SSO shell; null for other shells. */
  readonly sso: SsoPlanesResult | null;
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
  for (const [k, v] of Object.entries(override))
    out[k] = isObject(v) && isObject(base[k]) ? { ...(base[k] as object), ...v } : v;
  return out;
}

/** The sections a constellation study adds to its constellation file (src/study/constellationStudy.ts). */
export const CONSTELLATION_STUDY_KEYS: readonly string[] = [
  'variables',
  'objectives',
  'constraints',
  'algorithm',
  'select',
];

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
    throw new StudyError(
      'WRONG_TYPE',
      `${locate(file.src, ['node'])}: node names ${nodeRef}, a benchmark study; name a node design file`,
      { file: file.src.file, field: 'node' },
    );
  }
  const raw = { ...(loaded.file.raw as Record<string, unknown>) };
  for (const k of CONSTELLATION_STUDY_KEYS) delete raw[k];
  return { raw, nodeFile: nodePath, where: (p) => locate(loaded.file.src, p) };
}

/** The base node of a parsed constellation file: its node file, or its inline node sections. */
export function baseNode(c: ConstellationFile, file: ParsedFile, raw: Record<string, unknown>): BaseNode {
  if (typeof c.node === 'string') return readBaseNode(c.node, file);
  return {
    raw: { ...(raw['node'] as Record<string, unknown>) },
    nodeFile: null,
    where: (p) => locate(file.src, ['node', ...p]),
  };
}

/**
 * Characteristic deployed span of a node [m]: √(array + radiator planform area), the side of a square of
 * that area — a lower bound on the real span (AI1: √710 m² ≈ 27 m against a ~70 m wingspan).
 */
export function spacecraftSpan_m(design: NodeDesign): number {
  return Math.sqrt(design.power.arrayArea_m2 + design.thermal.radiatorArea_m2);
}

function checkClusterFitsSpacecraft(
  shell: ShellInput,
  design: NodeDesign,
  where: (p: Path) => string,
  path: string,
  i: number,
): void {
  if (shell.pattern !== 'cluster' || shell.clusterRadius_m === undefined) return;
  const span_m = spacecraftSpan_m(design);
  const field = `shells.${i}.clusterRadius_m`;
  if (shell.clusterRadius_m < span_m) {
    throw new StudyError(
      'OUT_OF_RANGE',
      `${where(['clusterRadius_m'])}: shell '${shell.name}' cluster radius ${shell.clusterRadius_m} m is smaller than one spacecraft (span ≈ ${span_m.toFixed(0)} m from its array and radiator area); use a larger clusterRadius_m`,
      { file: path, field },
    );
  }
  const { closestApproach_m } = clusterFormation(shell.satsPerPlane, shell.clusterRadius_m, shell.clusterFormation);
  if (shell.satsPerPlane > 1 && closestApproach_m < span_m) {
    throw new StudyError(
      'OUT_OF_RANGE',
      `${where(['clusterRadius_m'])}: shell '${shell.name}' packs ${shell.satsPerPlane} nodes within ${shell.clusterRadius_m} m, whose ${shell.clusterFormation} relative orbits bring neighbours ${closestApproach_m.toFixed(0)} m apart, closer than one spacecraft span (≈ ${span_m.toFixed(0)} m); raise clusterRadius_m or lower satsPerPlane`,
      { file: path, field },
    );
  }
}

/** The shell's phasing, formation and cluster radius fit its pattern. */
function checkShellPattern(shell: ShellInput, where: (p: Path) => string, path: string, i: number): void {
  if (shell.phasing >= shell.planes) {
    throw new StudyError(
      'OUT_OF_RANGE',
      `${where(['phasing'])}: shell '${shell.name}' phasing F = ${shell.phasing} must be below its ${shell.planes} planes (0 ≤ F < planes)`,
      { file: path, field: `shells.${i}.phasing` },
    );
  }
  if (
    shell.pattern === 'cluster' &&
    shell.clusterFormation === 'circular' &&
    typeof shell.inclination_deg === 'number' &&
    Math.sin(deg_to_rad(shell.inclination_deg)) < 1e-3
  ) {
    throw new StudyError(
      'OUT_OF_RANGE',
      `${where(['clusterFormation'])}: shell '${shell.name}' is equatorial (${shell.inclination_deg}°): a circular formation's cross-track motion needs a defined node; use clusterFormation: in-plane or an inclination of at least 0.06°`,
      { file: path, field: `shells.${i}.clusterFormation` },
    );
  }
  if (shell.pattern === 'cluster' && shell.clusterRadius_m === undefined) {
    throw new StudyError(
      'MISSING_FIELD',
      `${where(['pattern'])}: shell '${shell.name}' is a cluster: give clusterRadius_m (Suncatcher: 1000)`,
      { file: path, field: `shells.${i}.clusterRadius_m` },
    );
  }
}

/** The LTAN keys of a shell agree with its pattern and inclination (a spread the export would not fly is an error). */
function checkLtanLayout(
  shell: ShellInput,
  rawShell: Record<string, unknown>,
  where: (p: Path) => string,
  path: string,
  i: number,
): void {
  const sso = shell.inclination_deg === 'sso';
  if (shell.pattern === 'sso-ltan' && !sso) {
    throw new StudyError(
      'OUT_OF_RANGE',
      `${where(['pattern'])}: shell '${shell.name}' is an sso-ltan pattern at inclination ` +
        `${shell.inclination_deg}°: its planes are placed by local time, which only a sun-synchronous orbit keeps; set inclination_deg: sso, ` +
        'or use pattern: walker-delta',
      { file: path, field: `shells.${i}.pattern` },
    );
  }
  if (rawShell['ltanBand_h'] !== undefined && shell.pattern !== 'sso-ltan') {
    const spread = shell.pattern === 'walker-star' ? '12 h' : 'all 24 h';
    throw new StudyError(
      'OUT_OF_RANGE',
      `${where(['ltanBand_h'])}: shell '${shell.name}' sets ltanBand_h but its pattern is ${shell.pattern}, ` +
        `whose planes span ${spread} of local time (RAAN spread); use pattern: sso-ltan to keep the planes within the band, or remove ltanBand_h`,
      { file: path, field: `shells.${i}.ltanBand_h` },
    );
  }
}

export const parseConstellationFile = (input: YamlInput): LoadedConstellation => parseConstellation(readInput(input));

/**
 * Validates a constellation given as a raw object (default: the file's own). Studies pass a modified copy
 * per evaluation, with the base node already read (`base`) so the node file is not re-read every time.
 */
// A study's designs differ in a few fields: their unchanged sections are validated once (../../base/keyedParse.ts).
const keyedConstellation = lazy(() =>
  keyedParser(
    constellationFileSchema(),
    { node: inlineNodeSchema() },
    { shells: { element: shellSchema(), accepts: shellListAccepted } },
  ),
);
// A shell's node takes the shell's orbit: that section is new for every design, its keys are not.
const keyedNode = lazy(() => keyedParser(nodeDesignSchema(), { orbit: orbitSchema() }));

export function parseConstellation(
  file: ParsedFile,
  raw: Record<string, unknown> = file.raw as Record<string, unknown>,
  base?: BaseNode,
): LoadedConstellation {
  const path = file.src.file;
  const c =
    (keyedConstellation()(raw) as ConstellationFile | null) ??
    parseWith(constellationFileSchema(), raw === file.raw ? file : { ...file, raw });
  base ??= baseNode(c, file, raw);
  const rawShells = (raw as { shells: Record<string, unknown>[] }).shells;
  const shellNodes = c.shells.map((shell, i): LoadedShellNode => {
    const where = (p: Path) => locate(file.src, ['shells', i, ...p]);
    checkShellPattern(shell, where, path, i);
    checkLtanLayout(shell, rawShells[i] ?? {}, where, path, i);
    const isl = { ...c.isl, ...(shell.isl ?? {}) };
    const override = (rawShells[i]?.['node'] ?? {}) as Record<string, unknown>;
    if (!isObject(override))
      throw new StudyError('WRONG_TYPE', `${where(['node'])}: shells[].node must be a mapping of node sections`, {
        file: path,
      });
    if ('orbit' in override) {
      throw new StudyError(
        'UNKNOWN_KEY',
        `${where(['node', 'orbit'])}: a shell's orbit is set by its altitude_km, inclination_deg and ltan_h, not by node.orbit; remove node.orbit`,
        { file: path, field: `shells.${i}.node.orbit` },
      );
    }
    const merged = mergeSections(base.raw, override);
    merged['name'] = `${c.name}/${shell.name}`;
    merged['kind'] = 'node';
    merged['orbit'] = { altitude_km: shell.altitude_km, inclination_deg: shell.inclination_deg, ltan_h: shell.ltan_h };
    merged['isl'] = { topology: nodeTopologyFor(isl.topology), terminal: isl.terminal };
    const keyed = keyedNode()(merged) as NodeDesign | null;
    const r = keyed ? { success: true as const, data: keyed } : nodeDesignSchema().safeParse(merged);
    if (!r.success) {
      const issue = r.error.issues[0]!;
      const p = issue.path.filter((x): x is string | number => typeof x !== 'symbol');
      const fromOverride = p.length > 0 && p[0]! in override;
      const err = fromOverride
        ? issueToError(file.src, raw, { ...issue, path: ['shells', i, 'node', ...p] }, () => [])
        : new StudyError('WRONG_TYPE', `${base.where(p)}: node ${p.join('.')}: ${issue.message}`, {
            file: base.nodeFile ?? path,
            field: p.join('.'),
          });
      throw err;
    }
    checkClusterFitsSpacecraft(shell, r.data, where, path, i);
    if (shell.inclination_deg !== 'sso') return { design: r.data, isl, sso: null };
    // One node per shell, sized at the plane that sees the most shadow (the export flies every plane's LTAN).
    const sso = ssoPlanes({ altitude_m: km_to_m(shell.altitude_km), layout: shell });
    // Its battery carries the longest single eclipse of any plane (orbit.worstEclipseLtan_h), which may be another's.
    const orbit = {
      ...r.data.orbit,
      ltan_h: sso.sizingLtan_h,
      ...(sso.sizingPlaneHasLongestEclipse ? {} : { worstEclipseLtan_h: sso.longestEclipseLtan_h }),
    };
    return { design: { ...r.data, orbit }, isl, sso };
  });
  return { file, constellation: c, nodeFile: base.nodeFile, shellNodes };
}

/** Every catalog id the constellation names exists (node rows per shell, ISL terminals, stations, vehicles). */
export function checkConstellationIds(loaded: LoadedConstellation, ids: CatalogIds): void {
  const { file, constellation: c } = loaded;
  loaded.shellNodes.forEach((s, i) => {
    checkCatalogIds(s.design, ids, file.src);
    checkCatalogId(
      s.isl.terminal,
      'isl-terminals',
      ids,
      file.src,
      c.shells[i]!.isl?.terminal !== undefined ? ['shells', i, 'isl', 'terminal'] : ['isl', 'terminal'],
      'isl.terminal',
    );
  });
  c.ground.stations.forEach((st, j) => {
    if (typeof st === 'string')
      checkCatalogId(st, 'ground-stations', ids, file.src, ['ground', 'stations', j], `ground.stations[${j}]`);
  });
  c.launch.vehicles.forEach((v, j) =>
    checkCatalogId(
      v.vehicle,
      'launch-vehicles',
      ids,
      file.src,
      ['launch', 'vehicles', j, 'vehicle'],
      `launch.vehicles[${j}].vehicle`,
    ),
  );
}
