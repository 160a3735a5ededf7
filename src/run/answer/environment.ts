/**
 * The answer's traffic (answer.json `environment`): where the recommended design flies among the public catalogue.
 * Read, not evaluated: the approach rate is the knee record's environment.catalogueApproaches_per_sat_yr (kinetic-gas
 * flux, src/models/orbit/catalogueFlux.ts, an estimate within ±30 % of full screens, docs/constellations.md §"Approach
 * flux"); the band's occupants and the histogram come from the shipped table's counts per km of mean altitude by
 * operator (src/constellation/catalogue/occupancy.ts), the catalogue's epochs from the same table; a screen's count
 * is put in later by a screen of the design (`odc screen RUN:knee`, src/analysis/screen/). No catalogue is
 * loaded and nothing is propagated here: a run's CPU does not change.
 */
import { fmt } from '../../base/numberFormat.js';
import { maxOf, minOf } from '../../base/arrays.js';
import { catalogueApproaches_per_sat_yr, shippedFluxTable } from '../../models/orbit/catalogueFlux.js';
import { bandOccupants, shippedOccupancy, type Occupancy } from '../../constellation/catalogue/occupancy.js';
import type { DesignRecord } from '../../node/record/record.js';
import type { ConstellationRecord } from '../../constellation/record/record.js';
import type { AnswerEnvironment } from './schema.js';

/** Half-width of the band of mean altitude whose occupants the answer names [km]. */
export const BAND_HALF_WIDTH_km = 20;
/** The histogram around the shells: this far below the lowest and above the highest, in bins of HISTOGRAM_STEP_km. */
const HISTOGRAM_MARGIN_km = 150;
const HISTOGRAM_STEP_km = 10;
/** The flux estimate's stated accuracy against full 7-day screens (test/models/orbit/catalogueFlux.test.ts). */
export const FLUX_RELATIVE_ERROR = 0.3;
const CALIBRATION =
  'within ±30 % of full 7-day SGP4 screens of the snapshot wherever they count ≥ 30 events, 450–1,300 km ' +
  '(docs/constellations.md, "Approach flux")';
const DAY_ms = 86_400_000;

type Shell = { name: string; altitude_km: number; inclination_deg: number; satellites: number; rate: number };

function shellsOf(record: DesignRecord | ConstellationRecord): Shell[] {
  if (record.kind === 'constellation')
    return record.shells.map((s) => ({
      name: s.name,
      altitude_km: s.altitude_km,
      inclination_deg: s.inclination_deg,
      satellites: s.satellites,
      rate: Number.NaN,
    }));
  return [
    {
      name: 'node',
      altitude_km: record.orbit.altitude_km,
      inclination_deg: record.orbit.inclination_deg,
      satellites: 1,
      rate: record.environment.catalogueApproaches_per_sat_yr,
    },
  ];
}

/** Objects per `step_km` of mean altitude by operator over [from_km, to_km). */
function histogram(occ: Readonly<Occupancy>, from_km: number, to_km: number): AnswerEnvironment['histogram'] {
  const bins = Math.max(1, Math.round((to_km - from_km) / HISTOGRAM_STEP_km));
  const bands = Array.from({ length: bins }, (_, b) =>
    bandOccupants(occ, from_km + b * HISTOGRAM_STEP_km, from_km + (b + 1) * HISTOGRAM_STEP_km),
  );
  return {
    from_km,
    step_km: HISTOGRAM_STEP_km,
    operators: occ.groups.map((g) => g.name),
    counts: occ.groups.map((_, g) => bands.map((b) => b.byOperator[g]!.objects)),
  };
}

/** The traffic of the recommended design's record (null: no record); `startedAt` the run's start (ISO). */
export function environmentAnswer(
  record: DesignRecord | ConstellationRecord | null,
  startedAt: string | undefined,
): AnswerEnvironment | null {
  if (record === null) return null;
  const table = shippedFluxTable();
  const occ = shippedOccupancy();
  const shells = shellsOf(record).map((s) => ({
    ...s,
    // a constellation's record states the mean over its satellites: each shell's from the same table
    rate: Number.isNaN(s.rate) ? catalogueApproaches_per_sat_yr(s.altitude_km, s.inclination_deg) : s.rate,
  }));
  const satellites = shells.reduce((a, s) => a + s.satellites, 0);
  const perSat = record.environment.catalogueApproaches_per_sat_yr;
  const low = minOf(shells.map((s) => s.altitude_km));
  const high = maxOf(shells.map((s) => s.altitude_km));
  const from_km = Math.max(0, HISTOGRAM_STEP_km * Math.floor((low - HISTOGRAM_MARGIN_km) / HISTOGRAM_STEP_km));
  const to_km = HISTOGRAM_STEP_km * Math.ceil((high + HISTOGRAM_MARGIN_km) / HISTOGRAM_STEP_km);
  const started = startedAt === undefined ? Number.NaN : Date.parse(startedAt);
  return {
    threshold_km: table.threshold_km,
    approaches_per_sat_yr: perSat,
    approaches_per_yr: perSat * satellites,
    satellites,
    relativeError: FLUX_RELATIVE_ERROR,
    calibration: CALIBRATION,
    shells: shells.map((s) => ({
      name: s.name,
      altitude_km: s.altitude_km,
      inclination_deg: s.inclination_deg,
      satellites: s.satellites,
      approaches_per_sat_yr: s.rate,
      band: bandOccupants(occ, s.altitude_km - BAND_HALF_WIDTH_km, s.altitude_km + BAND_HALF_WIDTH_km),
    })),
    bandHalfWidth_km: BAND_HALF_WIDTH_km,
    catalogue: {
      files: table.catalogue.map((c) => c.path),
      objects: table.objects,
      epochFirst: table.epochs.first,
      epochMedian: table.start,
      epochLast: table.epochs.last,
      ageAtRun_d: Number.isFinite(started) ? (started - Date.parse(table.start)) / DAY_ms : null,
    },
    histogram: histogram(occ, from_km, to_km),
    screen: null,
    note:
      `The approach rate is an estimate (kinetic-gas flux of the shipped catalogue snapshot, ±${fmt(100 * FLUX_RELATIVE_ERROR)} %), ` +
      "not a screen; the band counts are the snapshot's objects by mean altitude, a lower bound of the traffic (it " +
      'lacks most debris, rocket bodies and inactive payloads). `odc screen <run>:knee` screens the design itself.',
  };
}
