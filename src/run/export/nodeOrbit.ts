/**
 * A node design's orbit as a one-satellite constellation for the OMM/TLE writers (constellation/export/
 * exportSatellites.ts), so a node hands its orbit over by the same elements as a constellation shell:
 * - one circular orbit (SGP4 mean elements, e = 1e-7, ω = 0, M = 0 at epoch) at the record's altitude and inclination
 *   (the J2 sun-synchronous value the node model resolved for `inclination_deg: sso`);
 * - RAAN of a sun-synchronous node from its LTAN at the epoch (pattern.ts `raanFromLtan_rad`: the mean Sun's right
 *   ascension + (LTAN − 12 h)·15°/h); a node at another inclination flies at the RAAN given (`odc export --raan`),
 *   else at 0, the default `raan0_deg` of a constellation shell;
 * - B* from the record's ballistic coefficient scaled by odc's density over SGP4's at the altitude (orbitHandoff.ts
 *   `shellBstar`), so SGP4 decays it at the node model's rate;
 * - epoch: the default `simulation.epoch` of a constellation file (a node design names none), or `--epoch`.
 * Derivation and conventions: docs/constellations.md §"Satellite export".
 */
import { deg_to_rad, km_to_m } from '../../base/convert.js';
import { simulationSchema } from '../../constellation/design/schema.js';
import type { ExportableConstellation } from '../../constellation/export/exportSatellites.js';
import { shellBstar } from '../../constellation/export/orbitHandoff.js';
import type { DesignRecord } from '../../node/record/record.js';

/** What the export reads of a node record. */
export type NodeOrbitRecord = {
  readonly orbit: Pick<DesignRecord['orbit'], 'altitude_km' | 'inclination_deg' | 'sunSynchronous' | 'ltan_h'>;
  readonly drag: Pick<DesignRecord['drag'], 'ballisticCoefficient_kg_m2' | 'density_kg_m3'>;
};

/** The epoch of an exported node orbit: a constellation file's default `simulation.epoch` (ISO 8601 UTC). */
export const nodeExportEpochIso = (): string => simulationSchema().parse({}).epoch;

/**
 * The node as a one-shell, one-satellite constellation named `name` (its satellite `<name>-node-P0-S0`), with the B*
 * of that shell for the writers' `bstar_per_earth_radius`.
 */
export function nodeSatellite(
  record: Readonly<NodeOrbitRecord>,
  name: string,
  raan_deg?: number,
): { spec: ExportableConstellation; bstar_per_earth_radius: number[] } {
  const { orbit, drag } = record;
  if (raan_deg !== undefined && orbit.sunSynchronous)
    throw new RangeError(
      `--raan: a sun-synchronous node's RAAN follows from its LTAN (${orbit.ltan_h} h) at the epoch; set ltan_h in the design or --epoch instead`,
    );
  if (raan_deg !== undefined && !(raan_deg >= 0 && raan_deg < 360))
    throw new RangeError(`--raan must be in [0, 360) deg, got ${raan_deg}`);
  const altitude_m = km_to_m(orbit.altitude_km);
  const spec: ExportableConstellation = {
    name,
    window: { epochIso: nodeExportEpochIso() },
    shells: [
      {
        geometry: {
          name: 'node',
          altitude_m,
          inclination_rad: deg_to_rad(orbit.inclination_deg),
          sunSynchronous: orbit.sunSynchronous,
          ltan_h: orbit.sunSynchronous ? orbit.ltan_h : null,
          planes: 1,
          satsPerPlane: 1,
          pattern: 'walker-delta',
          phasing: 0,
          ltanBand_h: 0,
          raan0_rad: deg_to_rad(raan_deg ?? 0),
          clusterRadius_m: 0,
        },
      },
    ],
  };
  return {
    spec,
    bstar_per_earth_radius: [shellBstar(drag.ballisticCoefficient_kg_m2, drag.density_kg_m3, altitude_m)],
  };
}
