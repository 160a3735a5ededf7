/**
 * User catalog rows: a design or study file's top-level `catalogs:` section adds rows to the shipped catalogs
 * or overrides them (a row whose id matches a shipped row replaces it). Rows are validated by the catalog's own
 * row schema, `source` included, so a user's figure carries its provenance like a shipped one.
 */
import * as z from 'zod';
import { lazy } from '../base/lazy.js';
import {
  batteryRowSchema,
  chipRowSchema,
  coatingRowSchema,
  coolantRowSchema,
  islTerminalRowSchema,
  launchVehicleRowSchema,
  radiatorRowSchema,
  solarArrayRowSchema,
  type CatalogKind,
  type Catalogs,
} from './schema.js';

/** The catalogs a node design reads (ground stations belong to constellations): the getter of each row schema. */
export const NODE_CATALOG_SCHEMAS = {
  chips: chipRowSchema,
  solarArrays: solarArrayRowSchema,
  batteries: batteryRowSchema,
  radiators: radiatorRowSchema,
  coolants: coolantRowSchema,
  coatings: coatingRowSchema,
  islTerminals: islTerminalRowSchema,
  launchVehicles: launchVehicleRowSchema,
} as const;
export type NodeCatalogKind = keyof typeof NODE_CATALOG_SCHEMAS;
export const NODE_CATALOG_KINDS = Object.keys(NODE_CATALOG_SCHEMAS) as readonly NodeCatalogKind[];

const rowsOf = <S extends z.ZodType>(schema: S) => z.array(schema).optional();
export const catalogOverridesSchema = lazy(() =>
  z
    .strictObject({
      chips: rowsOf(chipRowSchema()),
      solarArrays: rowsOf(solarArrayRowSchema()),
      batteries: rowsOf(batteryRowSchema()),
      radiators: rowsOf(radiatorRowSchema()),
      coolants: rowsOf(coolantRowSchema()),
      coatings: rowsOf(coatingRowSchema()),
      islTerminals: rowsOf(islTerminalRowSchema()),
      launchVehicles: rowsOf(launchVehicleRowSchema()),
    })
    .superRefine((o, ctx) => {
      for (const [kind, rows] of Object.entries(o) as [string, readonly { id: string }[] | undefined][]) {
        const seen = new Set<string>();
        rows?.forEach((r, i) => {
          if (seen.has(r.id))
            ctx.addIssue({
              code: 'custom',
              path: [kind, i, 'id'],
              message: `id '${r.id}' appears twice in catalogs.${kind}: keep one row per id`,
            });
          seen.add(r.id);
        });
      }
    })
    .describe(
      "User catalog rows, by catalog (chips, solarArrays, batteries, radiators, coolants, coatings, islTerminals, launchVehicles), each in the catalog's own row format with a required source; an id that matches a shipped row overrides it.",
    ),
);
export type CatalogOverrides = z.infer<ReturnType<typeof catalogOverridesSchema>>;

/** Shipped rows with the user's: an override keeps the shipped row's position, a new id is appended. */
export function mergeCatalogs(base: Catalogs, overrides: CatalogOverrides | undefined): Catalogs {
  if (overrides === undefined) return base;
  const out: Record<string, readonly { id: string }[]> = {
    ...(base as unknown as Record<string, readonly { id: string }[]>),
  };
  for (const kind of Object.keys(overrides) as NodeCatalogKind[]) {
    const user = overrides[kind] as readonly { id: string }[] | undefined;
    if (user === undefined || user.length === 0) continue;
    const byId = new Map(user.map((r) => [r.id, r]));
    const shipped = base[kind as CatalogKind] as readonly { id: string }[];
    const merged = shipped.map((r) => byId.get(r.id) ?? r);
    for (const r of user) if (!shipped.some((s) => s.id === r.id)) merged.push(r);
    out[kind] = merged;
  }
  return out as unknown as Catalogs;
}
