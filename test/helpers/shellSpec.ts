import type { ShellGeometrySpec } from '../../src/constellation/design/types.js';

/** A shell geometry for tests: 550 km, 53°, 4 × 10 Walker delta, phasing 1, unless overridden. */
export function shell(over: Partial<ShellGeometrySpec>): ShellGeometrySpec {
  return {
    name: 's',
    altitude_m: 550e3,
    inclination_rad: (53 * Math.PI) / 180,
    sunSynchronous: false,
    ltan_h: null,
    planes: 4,
    satsPerPlane: 10,
    pattern: 'walker-delta',
    phasing: 1,
    ltanBand_h: 0,
    raan0_rad: 0,
    clusterRadius_m: 0,
    ...over,
  };
}
