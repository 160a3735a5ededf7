/**
 * The node cost lines as the tests expect them, written out here (not read from src/report/budget): the labels of the
 * cost breakdown in order, and the hardware lines summed by hand.
 */
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
