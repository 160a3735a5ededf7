/** The steps of the delivered-compute waterfall, in order, as its header lists them (no typical-load step). */
export const WATERFALL_STEPS = [
  'peak',
  'utilization',
  'sustained',
  'eclipse',
  'power',
  'thermal',
  'availability',
  'downlink',
] as const;

/** The same with the typical-load step after the peak. */
export const WATERFALL_STEPS_TYPICAL = ['peak', 'typical', ...WATERFALL_STEPS.slice(1)];
