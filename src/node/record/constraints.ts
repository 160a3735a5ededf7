/**
 * The checks every node record carries (NODE_CONSTRAINTS: value, limit and what each protects), the names a study
 * enforces or may relax, and the notes a node record gives on its modelling assumptions.
 */
import { percentText } from '../../base/numberFormat.js';
import type { ConstraintResult } from './record.js';
import {
  MAX_YEARS_TO_DOSE,
  softDoseThreshold_rad,
  yearsToDose,
  type Design,
  type NodeSizing,
  type Rows,
} from './nodeRecord.js';
import { massFactors } from '../stages/massDrag.js';
import {
  EXTRAPOLATED_NOTE,
  extrapolationCaveat,
  type PayloadToOrbitResult,
} from '../../models/launch/launchPerformance.js';

export function constraintResult(
  name: string,
  value: number,
  sense: '<=' | '>=',
  limit: number,
  unit: string,
  enforced: boolean,
  description: string,
): ConstraintResult {
  const scale = Math.abs(limit) > 0 ? Math.abs(limit) : 1;
  const margin = sense === '<=' ? (limit - value) / scale : (value - limit) / scale;
  return { name, value, limit, sense, unit, satisfied: margin >= 0, margin, enforced, description };
}

/** Names of the constraints every study enforces, in order. */
export const PHYSICAL_CONSTRAINTS = [
  'power.arrayArea',
  'thermal.radiatorArea',
  'thermal.junctionTemp',
  'mass.launchClosure',
  'launch.fitsVehicle',
  'radiation.dose',
  'radiation.softDose',
] as const;
/**
 * The closures a node design meets by sizing, each with the requirement that sizes it: the array area is the area the
 * worst-orbit demand needs, the radiator the area the hot-case heat load needs, the junction temperature is the chip
 * limit the coolant supply is set from (junction limit − cold plate, capped by the rack's inlet limit, unless
 * thermal.radiatorTemp_K fixes the radiator), the launch allocation the built-up mass. A cost-minimizing optimizer
 * drives each to its limit, so at their limit they say what the design was sized to, not what binds the trade
 * (src/run/decision/binding.ts).
 */
export const SIZING_CLOSURES: Readonly<Record<string, string>> = {
  'power.arrayArea': 'the worst-orbit power demand',
  'thermal.radiatorArea': 'the hot-case heat load',
  'thermal.junctionTemp': 'the chip junction limit',
  'mass.launchClosure': 'the built-up launch mass',
};

/** Physical constraints a study may relax (`relax:`): the dose limits; the closures always hold. */
export const RELAXABLE_CONSTRAINTS: readonly string[] = ['radiation.dose', 'radiation.softDose'];

/**
 * A check every node record carries: value and limit from the sizing, and what it protects (built for the record only).
 */
export interface NodeConstraint {
  readonly name: string;
  readonly sense: '<=' | '>=';
  readonly unit: string;
  readonly enforced: boolean;
  readonly value: (design: Design, rows: Rows, s: NodeSizing) => number;
  readonly limit: (design: Design, rows: Rows, s: NodeSizing) => number;
  readonly describe: (design: Design, rows: Rows, s: NodeSizing) => string;
  /** The record metric a check reads, when a study may constrain that metric by name (one name per quantity). */
  readonly metric?: string;
}

/** ", with a 20 % design margin" (nothing without one). */
const marginText = (m: number): string => (m > 0 ? `, with a ${+(100 * m).toFixed(1)} % design margin` : '');

export const NODE_CONSTRAINTS: readonly NodeConstraint[] = [
  {
    name: 'power.arrayArea',
    sense: '>=',
    unit: 'm²',
    enforced: true,
    value: (d) => d.power.arrayArea_m2,
    // the design margin scales the demand; the required area is linear in it (power.ts)
    limit: (d, _r, s) => s.power.system.requiredArrayArea_m2 * (1 + d.power.designMargin),
    describe: (d) =>
      `array area covers the demand over the worst orbit at ${d.power.sizing === 'eol' ? 'end' : 'beginning'} of life (SMAD sizing)` +
      marginText(d.power.designMargin),
  },
  {
    name: 'thermal.radiatorArea',
    sense: '>=',
    unit: 'm²',
    enforced: true,
    value: (d) => d.thermal.radiatorArea_m2,
    // at a fixed radiator temperature the required area is linear in the heat load (thermal.ts)
    limit: (d, _r, s) => s.thermal.radiator.requiredRadiatorArea_m2 * (1 + d.thermal.designMargin),
    describe: (d, _r, s) =>
      `radiator rejects ${d.thermal.rejects === 'all' ? 'all heat (IT, bus, ISL, pumps, battery losses)' : 'peak IT heat'} ` +
      `with coolant ${s.thermal.radiator.inletTemp_K.toFixed(1)} → ${s.thermal.radiator.outletTemp_K.toFixed(1)} K ` +
      `(mean ${s.thermal.radiator.radiatorTemp_K.toFixed(1)} K, fin efficiency ${s.thermal.radiator.finEfficiency.toFixed(3)}), hot case` +
      marginText(d.thermal.designMargin),
  },
  {
    name: 'thermal.junctionTemp',
    sense: '<=',
    unit: 'K',
    enforced: true,
    value: (_d, _r, s) => s.thermal.junctionTemp_K,
    limit: (_d, _r, s) => s.thermal.junctionLimit_K,
    describe: () => 'hottest chip junction (radiator + loop drop + cold plate) stays within the chip limit',
  },
  {
    name: 'mass.launchClosure',
    sense: '<=',
    unit: 'kg',
    enforced: true,
    value: (_d, _r, s) => s.mass.mass.launch_kg,
    limit: (_d, _r, s) => s.mass.mass.allocated_kg,
    describe: () => 'built-up launch mass fits the mass allocated on the launcher',
  },
  {
    name: 'launch.fitsVehicle',
    sense: '>=',
    unit: 'nodes',
    enforced: true,
    value: (_d, _r, s) => s.cost.cost.nodesPerLaunch,
    limit: () => 1,
    describe: (_d, rows, s) => {
      const p = s.mass.launchPayload;
      const why = p.basis === 'refused' ? ` (refused for this orbit: ${p.refusal ?? 'refused'})` : '';
      return `at least one node fits the ${rows.vehicle.id} payload and fairing${why}`;
    },
  },
  {
    name: 'radiation.dose',
    sense: '<=',
    unit: 'rad(Si)',
    enforced: true,
    value: (_d, _r, s) => s.rad.missionDose_rad,
    limit: (_d, rows) => rows.chip.tidTolerance_rad,
    describe: (d, rows, s) =>
      'mission dose with design margin stays below the chip tolerance ' +
      `(reached after ${yearsText(rows.chip.tidTolerance_rad, s, d.mission.radiationDesignMargin)})`,
  },
  {
    name: 'radiation.softDose',
    sense: '<=',
    unit: 'rad(Si)',
    enforced: true,
    value: (_d, _r, s) => s.rad.missionDose_rad,
    limit: (_d, rows) => softDoseThreshold_rad(rows.chip),
    describe: (d, rows, s) =>
      rows.chip.softDoseThreshold_rad !== undefined
        ? `mission dose with design margin stays below the chip's soft-fault onset (reached after ${yearsText(softDoseThreshold_rad(rows.chip), s, d.mission.radiationDesignMargin)})`
        : 'no separate soft-fault onset for this chip: same limit as radiation.dose',
  },
  {
    name: 'drag.fccDisposal',
    sense: '<=',
    unit: 'yr',
    enforced: false,
    value: (_d, _r, s) => s.mass.drag.passiveDecay_yr,
    limit: () => 5,
    metric: 'drag.passiveDecay_yr',
    describe: () => 'passive decay after end of life within the FCC 5-year rule (47 CFR 25.283(e))',
  },
];

export function nodeConstraints(design: Design, rows: Rows, s: NodeSizing): ConstraintResult[] {
  return NODE_CONSTRAINTS.map((c) =>
    constraintResult(
      c.name,
      c.value(design, rows, s),
      c.sense,
      c.limit(design, rows, s),
      c.unit,
      c.enforced,
      c.describe(design, rows, s),
    ),
  );
}

/** "12.3 yr" (or "over 1000 yr"): when the margined dose reaches `dose_rad`. */
function yearsText(dose_rad: number, s: NodeSizing, designMargin: number): string {
  const yr = yearsToDose(dose_rad, s.rad.doseRate_rad_per_yr, designMargin);
  return yr >= MAX_YEARS_TO_DOSE ? `over ${MAX_YEARS_TO_DOSE} yr` : `${yr.toPrecision(3)} yr`;
}

/** A chip figure derated from its stated peak: by how much and on what basis. */
export function chipFigureNote(chip: Rows['chip'], typicalFraction: number): string {
  return (
    `chip ${chip.id}: its ${chip.peakTFLOPS} T(FL)OPS is a stated peak, derated to ${(100 * typicalFraction).toFixed(0)} % typical ` +
    `(waterfall step "typical"; ${chip.typicalFractionSource ?? 'no source'})`
  );
}

/** The modelling assumptions a reader of the record must know. */
/** The node's launch payload when it is not on or between published points: extrapolated (flagged) or refused. */
export function launchPayloadNote(vehicle: string, p: PayloadToOrbitResult, orbit: string): string | undefined {
  if (p.basis === 'refused')
    return `launch: ${vehicle} is refused for ${orbit} (${p.refusal ?? 'refused'}), so its payload is 0 and the node does not fit; choose another launch.vehicle or orbit`;
  if (p.basis !== 'extrapolated') return undefined;
  return (
    `launch: ${vehicle} payload into ${orbit} (${p.payload_kg.toFixed(0)} kg) is ${EXTRAPOLATED_NOTE} by the ` +
    `rocket-equation ΔV rule (${p.extrapolationDeltaV_m_s.toFixed(0)} m/s; ${extrapolationCaveat()})`
  );
}

export function modelNotes(design: Design, share: number, disposalModel: string): string[] {
  const t = design.thermal;
  const notes = [
    t.rejects === 'all'
      ? 'the radiator rejects all heat in the hot case: peak IT, bus, ISL, pumps and battery charge losses'
      : 'thermal.rejects: it — the radiator rejects the peak IT heat and pumps; bus, ISL and battery heat go to bus panels (not sized here)',
  ];
  notes.push(
    `thermal chain: ${t.radiatorTemp_K !== undefined ? `radiator fixed at ${t.radiatorTemp_K} K, junction checked upward` : 'coolant supply at junction limit − cold plate (capped by the inlet limit) − loop drop, cooling along a single-pass tube-and-fin panel'}; ` +
      (t.coldCaseControl === 'bypass'
        ? 'cold case: radiator bypass valve, no heater power (panel freezing not modelled)'
        : 'cold-case heater without capacitance or bypass credit (conservative)'),
  );
  const f = design.power.eclipseComputeFraction;
  if (f < 1) {
    notes.push(
      `compute throttled to ${percentText(f)} of average through eclipses (battery sized for that): delivered compute and average IT power ` +
        `are orbit averages, ${(100 * share).toPrecision(4)} % of unthrottled`,
    );
  }
  notes.push(
    'eclipse: cylindrical Earth shadow, no penumbra; dose: AP-8 MIN/AE-8 MAX mean environment plus ESP-PSYCHIC 95 % solar protons behind the geomagnetic cutoff (radiation.solarProtonDoseRate_rad_per_yr)',
  );
  const factors = massFactors(design);
  notes.push(
    `mass: ${design.mass.technology} technology, bus ${factors.busFraction.toFixed(3)} × sized items, system margin ${(100 * factors.marginFraction).toFixed(0)} %`,
  );
  const d = design.drag;
  notes.push(
    `drag: C_D ${d.dragCoefficient}, projected array/radiator share ${d.arrayProjectionFactor.toFixed(3)}/${d.radiatorProjectionFactor.toFixed(3)}; ` +
      `disposal (${d.disposalAttitude} attitude): ${disposalModel}`,
  );
  if (design.orbit.altitude_km > 900)
    notes.push('density above 900 km is an exponential extrapolation of CIRA-2012 (drag is negligible there)');
  return notes;
}
