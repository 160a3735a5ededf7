/**
 * The uncertain inputs of one constellation file (`kind: constellation`), in this order (the columns of every sample):
 * 1. the node's, as for a node design (./inputs.ts), node design keys renamed `node.<section>.<key>`;
 * 2. the campaign launch vehicles' rows (launch.vehicles[].vehicle), every field, price_USD included;
 * 3. the constellation file's `uncertainty:` section, overriding or adding, or `fixed`: node design keys, numeric
 *    keys of the constellation's economics, launch, traffic and ground sections, and catalog fields
 *    (`catalogs.<catalog>.<row id>.<field>`) of rows the constellation uses.
 * Checks as for node designs (StudyError, exit 2, naming the file:line, the field and the fix): the key must name
 * an input of this constellation, and the distribution's finite support ends must be valid values of the field.
 * Applying a vector: node keys into the base node's sections (a shell's own value wins), constellation keys into the
 * file, catalog fields into a copy of the catalogs; the result is validated by the same loader as `odc evaluate`.
 * Used by odc uncertainty / odc sensitivity (src/analysis/constellationModel.ts) and by a constellation study's
 * per-sample constraint checks (./constellationSamples.ts), where a design may leave unused a row the study's section
 * names (a searched launch vehicle): `unusedRows: 'skip'` then passes over that entry.
 * Examples of keys and how a vector is applied: docs/runs.md §"Constellation uncertain inputs".
 */
import { createHash } from 'node:crypto';
import { loadCatalogs } from '../catalog/load.js';
import { mergeCatalogs, type NodeCatalogKind } from '../catalog/overrides.js';
import type { Catalogs } from '../catalog/schema.js';
import { compileConstellation } from '../constellation/design/compile.js';
import {
  baseNode,
  CONSTELLATION_STUDY_KEYS,
  parseConstellation,
  type BaseNode,
  type LoadedConstellation,
} from '../constellation/design/load.js';
import { constellationFileSchema } from '../constellation/design/schema.js';
import { didYouMean, StudyError } from '../base/errors.js';
import { locate } from '../base/issues.js';
import { parseDesignFile } from '../node/design/load.js';
import { readYaml, type ParsedFile } from '../base/yaml.js';
import type { NodeDesign } from '../node/design/schema.js';
import { rowInput, setFileEntry, uncertainInputs, usedRows, type UncertainInput } from './uncertainInputs.js';
import {
  designKeySchema,
  numericDesignKeys,
  resolveInput,
  specOf,
  unwrapNumber,
  type InputSpec,
} from './uncertainTargets.js';

type Raw = Record<string, unknown>;

/** Constellation sections whose numeric keys may be uncertain. */
export const CONSTELLATION_SECTIONS = ['economics', 'launch', 'traffic', 'ground'] as const;

export interface LoadedConstellationDesign {
  readonly file: string;
  readonly name: string;
  /** sha256 of the constellation file, combined with its node file's when it names one. */
  readonly hash: string;
  /** The file as read (study sections removed). */
  readonly parsed: ParsedFile;
  readonly loaded: LoadedConstellation;
  readonly base: BaseNode;
  readonly catalogs: Catalogs;
}

/**
 * Reads a constellation file (or the constellation of a constellation study) with the shipped catalogs; StudyError for
 * bad input.
 */
export function loadConstellationDesign(path: string): LoadedConstellationDesign {
  const read = readYaml(path);
  const raw = read.raw as Raw;
  if (raw['kind'] !== 'constellation')
    throw new StudyError('WRONG_TYPE', `${path}: not a constellation file (kind: constellation)`, {
      file: path,
      field: 'kind',
    });
  const d = constellationDesignOf(read, loadCatalogs());
  const hash =
    d.loaded.nodeFile === null
      ? read.hash
      : createHash('sha256')
          .update(`${read.hash}\n${readYaml(d.loaded.nodeFile).hash}`)
          .digest('hex');
  return { ...d, hash };
}

/**
 * The constellation of a file already read (study sections removed; `hash` left to the caller: the file's own),
 * checked against `catalogs`; StudyError for bad input.
 */
export function constellationDesignOf(read: ParsedFile, catalogs: Catalogs): LoadedConstellationDesign {
  const raw = { ...(read.raw as Raw) };
  for (const k of CONSTELLATION_STUDY_KEYS) delete raw[k];
  const parsed: ParsedFile = { ...read, raw };
  const loaded = parseConstellation(parsed);
  compileConstellation(loaded, catalogs); // catalog ids
  const base = baseNode(loaded.constellation, parsed, raw);
  return { file: read.src.file, name: loaded.constellation.name, hash: read.hash, parsed, loaded, base, catalogs };
}

const sectionShape = (section: string): Record<string, unknown> | undefined => {
  const fields = constellationFileSchema().shape as Record<string, unknown>;
  let s = fields[section] as { shape?: Record<string, unknown>; def?: { innerType?: unknown } } | undefined;
  while (s !== undefined && s.shape === undefined && s.def?.innerType !== undefined) s = s.def.innerType as typeof s;
  return s?.shape;
};

/** Every numeric key of the constellation sections, `section.key`. */
export function numericConstellationKeys(): string[] {
  return CONSTELLATION_SECTIONS.flatMap((sec) =>
    Object.entries(sectionShape(sec) ?? {})
      .filter(([, v]) => unwrapNumber(v) !== undefined)
      .map(([k]) => `${sec}.${k}`),
  );
}

export interface ConstellationInputContext {
  readonly d: LoadedConstellationDesign;
  /** Shell 0's node: catalog rows and defaults are resolved against it. */
  readonly node: NodeDesign;
  readonly used: readonly { catalog: NodeCatalogKind; id: string }[];
  /**
   * A catalog entry of the file's section naming a row this constellation does not use: an error, or passed over (the
   * row and field still checked).
   */
  readonly unusedRows?: 'fail' | 'skip';
}

/** The input at `path` of this constellation, or a StudyError naming `where` and the fix. */
export function resolveConstellationInput(ctx: ConstellationInputContext, path: string, where: string): InputSpec {
  const file = ctx.d.file;
  const fail = (msg: string): never => {
    throw new StudyError('BAD_VARIABLE', `${where}: ${msg}`, { file, field: `uncertainty.${path}` });
  };
  const parts = path.split('.');
  if (parts[0] === 'catalogs') {
    const spec = resolveInput({ path, design: ctx.node, rows: ctx.d.catalogs, where, file });
    const t = spec.target as { catalog: NodeCatalogKind; id: string; field: string };
    if (ctx.unusedRows !== 'skip' && !ctx.used.some((u) => u.catalog === t.catalog && u.id === t.id)) {
      const ids = [...new Set(ctx.used.filter((u) => u.catalog === t.catalog).map((u) => u.id))];
      fail(
        `this constellation does not use ${t.catalog} row '${t.id}'${ids.length ? ` (it uses ${ids.map((i) => `'${i}'`).join(', ')}: write catalogs.${t.catalog}.${ids[0]}.${t.field})` : ''}`,
      );
    }
    return spec;
  }
  if (parts[0] === 'node') {
    const [, section, key, extra] = parts;
    if (section === 'orbit')
      fail("a shell's orbit is set by its altitude_km, inclination_deg and ltan_h, not by the node");
    const schema =
      section !== undefined && key !== undefined && extra === undefined ? designKeySchema(section, key) : undefined;
    if (schema === undefined) {
      const guess = didYouMean(parts.slice(1).join('.'), numericDesignKeys());
      fail(
        `not a numeric node design key${guess ? `: did you mean node.${guess}?` : ''} (node.<section>.<key>, e.g. node.compute.utilization, node.mission.lifetime_yr)`,
      );
    }
    const own = (ctx.d.base.raw[section!] as Raw | undefined)?.[key!];
    const parsed = (ctx.node[section as keyof NodeDesign] as Raw | undefined)?.[key!];
    const nominal = typeof own === 'number' ? own : typeof parsed === 'number' ? parsed : undefined;
    return specOf(path, { kind: 'node', section: section!, key: key! }, schema!, nominal);
  }
  const [section, key, extra] = parts;
  const schema =
    (CONSTELLATION_SECTIONS as readonly string[]).includes(section ?? '') && key !== undefined && extra === undefined
      ? unwrapNumber(sectionShape(section!)?.[key])
      : undefined;
  if (schema === undefined) {
    const options = [...numericConstellationKeys(), ...numericDesignKeys().map((k) => `node.${k}`)];
    const guess = didYouMean(path, options);
    fail(
      `not an uncertain input of a constellation${guess ? `: did you mean ${guess}?` : ''} (constellation keys ${numericConstellationKeys().join(', ')}; ` +
        'node design keys as node.<section>.<key>; catalog fields as catalogs.<catalog>.<row id>.<field>)',
    );
  }
  const value = (ctx.d.loaded.constellation[section as keyof typeof ctx.d.loaded.constellation] as Raw | undefined)?.[
    key!
  ];
  return specOf(
    path,
    { kind: 'constellation', section: section!, key: key! },
    schema!,
    typeof value === 'number' ? value : undefined,
  );
}

/** Whether `path` is a catalog field of a row this constellation does not use. */
function unusedRow(ctx: ConstellationInputContext, path: string): boolean {
  const [head, catalog, id] = path.split('.');
  return head === 'catalogs' && !ctx.used.some((u) => u.catalog === catalog && u.id === id);
}

/** The constellation file's own uncertainty: section, each entry checked against its input's range. */
function addFileInputs(ctx: ConstellationInputContext, byPath: Map<string, UncertainInput | 'fixed'>): void {
  const { d } = ctx;
  const c = d.loaded.constellation;
  const src = d.parsed.src;
  for (const [path, value] of Object.entries(c.uncertainty ?? {})) {
    const where = `${locate(src, ['uncertainty', path])}: uncertainty.${path}`;
    const spec = resolveConstellationInput(ctx, path, where);
    if (unusedRow(ctx, path)) continue; // checked above: an error unless unusedRows is 'skip'
    setFileEntry(byPath, { path, value, spec, where, file: d.file });
  }
}

/** Notes on node inputs that some shells override (they keep their own value) or that miss the campaign price. */
function overrideNotes(d: LoadedConstellationDesign, inputs: readonly UncertainInput[]): string[] {
  const c = d.loaded.constellation;
  const notes: string[] = [];
  for (const x of inputs) {
    if (x.target.kind !== 'node') continue;
    const { section, key } = x.target;
    const keeping = c.shells.filter((_, i) => {
      const o = ((d.parsed.raw as { shells?: Raw[] }).shells?.[i]?.['node'] as Raw | undefined)?.[section];
      return typeof o === 'object' && o !== null && key in o;
    });
    if (keeping.length)
      notes.push(
        `${x.path}: shell${keeping.length > 1 ? 's' : ''} ${keeping.map((s) => s.name).join(', ')} override${keeping.length > 1 ? '' : 's'} it and keep their own value`,
      );
    if (x.path === 'node.economics.launchCost_USD_per_kg') {
      notes.push(
        "node.economics.launchCost_USD_per_kg changes only the node records: the constellation pays the campaign vehicles' price_USD per launch",
      );
    }
  }
  return notes;
}

/** The constellation's uncertain inputs (see the header), in a fixed order; plus notes on them. */
export function constellationInputs(
  d: LoadedConstellationDesign,
  unusedRows: 'fail' | 'skip' = 'fail',
): { inputs: UncertainInput[]; notes: string[] } {
  const shells = d.loaded.shellNodes.map((s) => s.design);
  const node = shells[0]!;
  const c = d.loaded.constellation;
  const vehicles = [...new Set(c.launch.vehicles.map((v) => v.vehicle))];
  const used = [
    ...shells.flatMap((s) => usedRows(s, d.catalogs)),
    ...vehicles.map((id) => ({ catalog: 'launchVehicles' as const, id })),
  ];
  const ctx: ConstellationInputContext = { d, node, used, unusedRows };
  const nodeSrc = d.loaded.nodeFile !== null ? parseDesignFile(d.loaded.nodeFile).file.src : undefined;
  const byPath = new Map<string, UncertainInput | 'fixed'>();
  // 1. the node's inputs, as for a node design (every shell's node: shells may override rows)
  for (const design of shells) {
    // the node's own rows added or overriding, as for a node design
    const rows = mergeCatalogs(d.catalogs, design.catalogs);
    for (const x of uncertainInputs({ design, rows, ...(nodeSrc !== undefined ? { src: nodeSrc } : {}) })) {
      if (x.target.kind === 'row') byPath.set(x.path, x);
      else
        byPath.set(`node.${x.path}`, {
          ...x,
          path: `node.${x.path}`,
          target: { kind: 'node', section: x.target.section, key: x.target.key },
        });
    }
  }
  // 2. the campaign vehicles' rows, price_USD included
  for (const id of vehicles) {
    const row = d.catalogs.launchVehicles.find((r) => r.id === id) as { uncertainty?: Raw } | undefined;
    for (const [field, value] of Object.entries(row?.uncertainty ?? {})) {
      byPath.set(
        `catalogs.launchVehicles.${id}.${field}`,
        rowInput(node, d.catalogs, 'launchVehicles', id, field, value, nodeSrc),
      );
    }
  }
  // 3. the constellation file's own section
  addFileInputs(ctx, byPath);
  const inputs = [...byPath.values()].filter((x): x is UncertainInput => x !== 'fixed');
  return { inputs, notes: overrideNotes(d, inputs) };
}

/** The raw constellation, base node and catalogs with `values[i]` written at `specs[i]` (NaN: left as it is). */
export function applyConstellationInputs(
  d: LoadedConstellationDesign,
  specs: readonly InputSpec[],
  values: readonly number[],
): { raw: Raw; node: BaseNode; catalogs: Catalogs } {
  let raw = d.parsed.raw as Raw;
  let nodeRaw = d.base.raw;
  let catalogs = d.catalogs;
  specs.forEach((spec, i) => {
    const x = values[i] ?? NaN;
    if (Number.isNaN(x)) return;
    const v = spec.integer ? Math.round(x) : x;
    const t = spec.target;
    if (t.kind === 'constellation') {
      raw = { ...raw, [t.section]: { ...((raw[t.section] as Raw | undefined) ?? {}), [t.key]: v } };
    } else if (t.kind === 'node' || t.kind === 'design') {
      nodeRaw = { ...nodeRaw, [t.section]: { ...((nodeRaw[t.section] as Raw | undefined) ?? {}), [t.key]: v } };
    } else {
      const set = (rows: readonly Raw[]): Raw[] => rows.map((r) => (r['id'] === t.id ? { ...r, [t.field]: v } : r));
      catalogs = { ...catalogs, [t.catalog]: set(catalogs[t.catalog] as unknown as Raw[]) } as Catalogs;
      const own = (nodeRaw['catalogs'] as Record<string, Raw[] | undefined> | undefined)?.[t.catalog];
      if (own?.some((r) => r['id'] === t.id))
        nodeRaw = { ...nodeRaw, catalogs: { ...(nodeRaw['catalogs'] as Raw), [t.catalog]: set(own) } };
    }
  });
  return { raw, node: { ...d.base, raw: nodeRaw }, catalogs };
}
