import type { ChipSet } from '../../src/models/cost/lifecycleBaseline.js';

/** A GB300-class rack: 72 chips × $60k, 72 × 1,940 W = 139.68 kW peak, 72 × 2.5 = 180 PFLOPS BF16 dense, idle 0.3. */
export const gb300Rack: ChipSet = {
  chips_USD: 4.32e6,
  itPowerPeak_W: 139680,
  idlePowerFraction: 0.3,
  peakPFLOPS: 180,
  sustainedFraction: 0.4,
};
