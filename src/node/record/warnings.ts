/**
 * Plausibility warnings of a node design record: reported, never a failure. A design outruns every published anchor
 * of specific power, draws no bus power, or carries an array or radiator larger than the largest flown system of its
 * catalog row's class.
 */
import type { NodeSizing } from './nodeRecord.js';
import type { RecordWarning } from './record.js';

/** Every warning of a sized design, in the record's order. */
export function recordWarnings(s: NodeSizing): RecordWarning[] {
  return [
    ...plausibilityWarnings(s.compute.itPowerAvg_W / s.mass.mass.launch_kg, s.power.busPower_W),
    ...flightProvenWarnings('array', s.design.power.arrayArea_m2, s.rows.array),
    ...flightProvenWarnings('radiator', s.design.thermal.radiatorArea_m2, s.rows.radiator),
    ...gatingWarnings(s),
  ];
}

/**
 * Chips powered off through every eclipse (power.eclipseComputeFraction < 1): how many, and the on/off cycles each sees
 * per year and over the life. Reported, not limited: no chip row publishes a power-cycle rating; JEDEC JESD22-A122
 * (power cycling) is the test the count must be qualified to (src/models/compute/powerStates.ts).
 */
export function gatingWarnings(s: NodeSizing): RecordWarning[] {
  const g = s.powerStates;
  if (g.gatedChips === 0) return [];
  const n = s.design.compute.chips;
  const k = s.design.power.eclipseComputeFraction;
  const perYear = g.cyclesPerGatedChip_per_yr;
  const floor =
    g.gatedBelowIdleFloor > 0
      ? `below the idle floor ${g.idleFloorFraction.toFixed(3)} (${g.gatedBelowIdleFloor} chips would be gated even idle)`
      : `above the idle floor ${g.idleFloorFraction.toFixed(3)}`;
  return [
    {
      code: 'eclipse-power-gating',
      message:
        `eclipse compute fraction ${k.toFixed(3)}, ${floor}: ${g.gatedChips} of ${n} chips (${(100 * g.gatedFraction).toFixed(0)} %) ` +
        `are powered off through each eclipse, ${perYear.toFixed(0)} on/off cycles a year each ` +
        `(${(perYear * s.design.mission.lifetime_yr).toFixed(0)} over ${s.design.mission.lifetime_yr} yr); ` +
        `no published power-cycle rating for ${s.rows.chip.id}: qualify to it (JEDEC JESD22-A122 power cycling)`,
    },
  ];
}

/**
 * All-in specific power above which a node design outruns every published anchor [W/kg of launch mass]:
 * SpaceX's AI1 claim (~120 kW average on the order of 1.7 t, ~70 W/kg), the SpaceX filing's ~100 kW/t
 * (100 W/kg) and Starcloud-3's white-paper figures stay below it; 150 W/kg leaves room above the best of them.
 */
export const SPECIFIC_POWER_ANCHOR_W_per_kg = 150;

/** Plausibility warnings: reported, never a failure. */
export function plausibilityWarnings(specificPower_W_per_kg: number, busPower_W: number): RecordWarning[] {
  const out: RecordWarning[] = [];
  if (specificPower_W_per_kg > SPECIFIC_POWER_ANCHOR_W_per_kg) {
    out.push({
      code: 'specific-power-above-anchors',
      message:
        `${specificPower_W_per_kg.toFixed(0)} W of average IT power per launch kg is above every published anchor ` +
        `(${SPECIFIC_POWER_ANCHOR_W_per_kg} W/kg; AI1 ~70, SpaceX filing ~100): check the mass factors and catalog rows`,
    });
  }
  if (busPower_W === 0)
    out.push({
      code: 'zero-bus-power',
      message: 'bus power is 0 W: avionics, ADCS and communications always draw power',
    });
  return out;
}

/** An array or radiator larger than the largest flown system of its catalog row's class: a warning. */
export function flightProvenWarnings(
  what: 'array' | 'radiator',
  area_m2: number,
  row: { readonly id: string; readonly flightProvenArea_m2?: number | undefined },
): RecordWarning[] {
  const flown = row.flightProvenArea_m2;
  if (flown === undefined || area_m2 <= flown) return [];
  return [
    {
      code: `${what}-beyond-flight-proven`,
      message:
        `${what} area ${area_m2.toFixed(0)} m² is ${(area_m2 / flown).toFixed(1)}× the largest flown ${row.id} system (${flown} m²): ` +
        `several ${what === 'array' ? 'wings' : 'panels'} or an unflown scale-up`,
    },
  ];
}
