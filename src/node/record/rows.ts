/**
 * The catalog rows one node design names, resolved by id (constant-time lookups: this runs for every
 * evaluation in a study), and the id lists the study loader checks against.
 */
import type { NodeDesign } from '../design/schema.js';
import type { CatalogIds, CatalogName } from '../design/load.js';
import {
  CATALOG_KINDS,
  CATALOG_SPECS,
  type BatteryRow,
  type CatalogKind,
  type Catalogs,
  type ChipRow,
  type CoatingRow,
  type CoolantRow,
  type IslTerminalRow,
  type LaunchVehicleRow,
  type RadiatorRow,
  type SolarArrayRow,
} from '../../catalog/schema.js';

/** What the evaluation stages read: the design and its catalog rows, never changed by a stage. */
export type Design = Readonly<NodeDesign>;
export type Rows = Readonly<NodeCatalogRows>;

export interface NodeCatalogRows {
  readonly chip: ChipRow;
  readonly array: SolarArrayRow;
  readonly battery: BatteryRow;
  readonly radiator: RadiatorRow;
  readonly coating: CoatingRow;
  /** The design's coolant, else the radiator row's. */
  readonly coolant: CoolantRow;
  readonly terminal: IslTerminalRow;
  readonly vehicle: LaunchVehicleRow;
}

const kindOf = (name: CatalogName): CatalogKind => CATALOG_KINDS.find((k) => CATALOG_SPECS[k].file === `${name}.yaml`)!;

export function catalogIds(catalogs: Catalogs): CatalogIds {
  return { ids: (name) => (catalogs[kindOf(name)] as readonly { id: string }[]).map((r) => r.id) };
}

export type RowResolver = (design: Readonly<NodeDesign>) => NodeCatalogRows;

/** The design's own row of `kind` with this id (its `catalogs:` section), if any. */
function userRow<T extends { id: string }>(design: Readonly<NodeDesign>, kind: string, id: string): T | undefined {
  const rows = (design.catalogs as Record<string, readonly T[] | undefined> | undefined)?.[kind];
  return rows?.find((r) => r.id === id);
}

/** What a design's rows are a function of: its own catalogs and the ids it names. */
const idsOf = (d: Readonly<NodeDesign>): readonly unknown[] => [
  d.catalogs,
  d.thermal.radiator,
  d.compute.chip,
  d.power.array,
  d.power.battery,
  d.thermal.coating,
  d.thermal.coolant,
  d.isl.terminal,
  d.launch.vehicle,
];
/** idsOf(d) equals `a`, element by element (no array built). */
const sameIds = (a: readonly unknown[], d: Readonly<NodeDesign>): boolean =>
  a[0] === d.catalogs &&
  a[1] === d.thermal.radiator &&
  a[2] === d.compute.chip &&
  a[3] === d.power.array &&
  a[4] === d.power.battery &&
  a[5] === d.thermal.coating &&
  a[6] === d.thermal.coolant &&
  a[7] === d.isl.terminal &&
  a[8] === d.launch.vehicle;

/** How many distinct id combinations a resolver keeps the rows of. */
const KEPT_ROWS = 8;

/** Builds an id → row resolver; ids are assumed checked by the loader (an unknown id throws). */
export function rowResolver(catalogs: Catalogs): RowResolver {
  const index = <T extends { id: string }>(rows: readonly T[]): Map<string, T> => new Map(rows.map((r) => [r.id, r]));
  const chips = index(catalogs.chips),
    arrays = index(catalogs.solarArrays),
    batteries = index(catalogs.batteries);
  const radiators = index(catalogs.radiators),
    coatings = index(catalogs.coatings),
    terminals = index(catalogs.islTerminals);
  const vehicles = index(catalogs.launchVehicles),
    coolants = index(catalogs.coolants);
  const get = <T extends { id: string }>(
    design: Readonly<NodeDesign>,
    m: Map<string, T>,
    id: string,
    what: string,
    kind: string,
  ): T => {
    const r = (design.catalogs !== undefined ? userRow<T>(design, kind, id) : undefined) ?? m.get(id);
    if (r === undefined) throw new Error(`unknown ${what} id '${id}'`);
    return r;
  };
  // The last few distinct ids' rows, kept: the rows are a function of the ids and the design's own catalogs alone, and
  // a study's designs name a few combinations (the flagship's four chips: 30 % of its visited designs name another
  // chip than the design before, each then eight map lookups and a rows record).
  const kept: { ids: readonly unknown[]; rows: NodeCatalogRows }[] = [];
  let oldest = 0;
  return (d) => {
    for (let i = 0; i < kept.length; i++) if (sameIds(kept[i]!.ids, d)) return kept[i]!.rows;
    const rows = resolve(d);
    const entry = { ids: idsOf(d), rows };
    if (kept.length < KEPT_ROWS) kept.push(entry);
    else {
      kept[oldest] = entry;
      oldest = (oldest + 1) % KEPT_ROWS;
    }
    return rows;
  };
  function resolve(d: Readonly<NodeDesign>): NodeCatalogRows {
    const radiator = get(d, radiators, d.thermal.radiator, 'radiator', 'radiators');
    return {
      chip: get(d, chips, d.compute.chip, 'chip', 'chips'),
      array: get(d, arrays, d.power.array, 'solar-array', 'solarArrays'),
      battery: get(d, batteries, d.power.battery, 'battery', 'batteries'),
      radiator,
      coating: get(d, coatings, d.thermal.coating, 'coating', 'coatings'),
      coolant: get(d, coolants, d.thermal.coolant ?? radiator.coolant, 'coolant', 'coolants'),
      terminal: get(d, terminals, d.isl.terminal, 'ISL terminal', 'islTerminals'),
      vehicle: get(d, vehicles, d.launch.vehicle, 'launch vehicle', 'launchVehicles'),
    };
  }
}
