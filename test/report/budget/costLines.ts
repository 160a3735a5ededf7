/**
 * The node cost lines as the tests expect them, written out here (not read from src/report/budget): the labels of the
 * cost breakdown in order, and the hardware lines summed by hand.
 */
import { expect } from 'vitest';
import type { DesignRecord } from '../../../src/node/record/record.js';

/** The breakdown's money lines, in order: hardware by subsystem, AIT, launch and operations. */
export const COST_LINE_LABELS = [
  'chips',
  'solar array',
  'radiator',
  'battery',
  'bus',
  'ISL terminals',
  'shielding and propellant',
  'assembly, integration and test',
  'launch',
  'operations (mission)',
] as const;

/** Chips + array + radiator + battery + bus + ISL + other (shielding and propellant) hardware + AIT [USD]. */
export const hardwareLinesSum_USD = (k: DesignRecord['cost']): number =>
  k.chipsHardware_USD +
  k.arrayHardware_USD +
  k.radiatorHardware_USD +
  k.batteryHardware_USD +
  k.busHardware_USD +
  k.islHardware_USD +
  k.otherHardware_USD +
  k.ait_USD;

/**
 * The chip-hour row's ratio read back against its own two figures: "ground G: space R× (…)" beside the value V must
 * give R = V / G to within the rounding of the three printed numbers (half a unit in the last digit of each); the
 * row once printed the per-PFLOP-day verdict instead, 3.28× beside $4.89 and $2.04.
 */
export function expectChipHourRatio(row: { value: string; note?: string }): void {
  const m = /^ground ([\d,.]+): space ([\d,.]+)× \((ground|space) cheaper\)$/.exec(row.note ?? '');
  expect(m, row.note).not.toBeNull();
  const num = (s: string): number => Number(s.replace(/,/g, ''));
  /** Half a unit in the last printed digit, relative to the number. */
  const rounding = (s: string): number => (0.5 * 10 ** -(s.split('.')[1]?.length ?? 0)) / num(s);
  const [value, ground, ratio] = [row.value, m![1]!, m![2]!];
  const tolerance = rounding(value) + rounding(ground) + rounding(ratio);
  expect(Math.abs(num(ratio) / (num(value) / num(ground)) - 1)).toBeLessThanOrEqual(tolerance * 1.01);
}
