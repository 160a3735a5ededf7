/**
 * The catalog rows one node design names, resolved by id (constant-time lookups: this runs for every
 * evaluation in a study), and the id lists the study loader checks against.
 */
import type { NodeDesign } from '../study/schema.js';
import type { CatalogIds, CatalogName } from '../study/load.js';
import {
  CATALOG_KINDS, CATALOG_SPECS, type BatteryRow, type CatalogKind, type Catalogs, type ChipRow, type CoatingRow, type CoolantRow,
  type IslTerminalRow, type LaunchVehicleRow, type RadiatorRow, type SolarArrayRow,
} from './schema.js';

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

/** Builds an id → row resolver; ids are assumed checked by the loader (an unknown id throws). */
export function rowResolver(catalogs: Catalogs): RowResolver {
  const index = <T extends { id: string }>(rows: readonly T[]): Map<string, T> => new Map(rows.map((r) => [r.id, r]));
  const chips = index(catalogs.chips), arrays = index(catalogs.solarArrays), batteries = index(catalogs.batteries);
  const radiators = index(catalogs.radiators), coatings = index(catalogs.coatings), terminals = index(catalogs.islTerminals);
  const vehicles = index(catalogs.launchVehicles), coolants = index(catalogs.coolants);
  const get = <T>(m: Map<string, T>, id: string, what: string): T => {
    const r = m.get(id);
    if (r === undefined) throw new Error(`unknown ${what} id '${id}'`);
    return r;
  };
  return (d) => {
    const radiator = get(radiators, d.thermal.radiator, 'radiator');
    return {
    chip: get(chips, d.compute.chip, 'chip'),
    array: get(arrays, d.power.array, 'solar-array'),
    battery: get(batteries, d.power.battery, 'battery'),
    radiator,
    coating: get(coatings, d.thermal.coating, 'coating'),
    coolant: get(coolants, d.thermal.coolant ?? radiator.coolant, 'coolant'),
    terminal: get(terminals, d.isl.terminal, 'ISL terminal'),
    vehicle: get(vehicles, d.launch.vehicle, 'launch vehicle'),
    };
  };
}
