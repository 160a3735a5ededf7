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

/** A sun-synchronous shell: 650 km, 97.98°, planes from LTAN 6 h in a 1 h band, phasing 1, unless overridden. */
export const ssoShell = (over: Partial<ShellGeometrySpec>): ShellGeometrySpec =>
  shell({
    altitude_m: 650e3,
    inclination_rad: (97.98 * Math.PI) / 180,
    sunSynchronous: true,
    ltan_h: 6,
    pattern: 'sso-ltan',
    ltanBand_h: 1,
    ...over,
  });

/** One cluster of 81 members, radius 1 km, on a sun-synchronous 650 km orbit (LTAN 6 h), unless overridden. */
export const clusterShell = (over: Partial<ShellGeometrySpec>): ShellGeometrySpec =>
  ssoShell({
    name: 'c',
    planes: 1,
    satsPerPlane: 81,
    pattern: 'cluster',
    phasing: 0,
    ltanBand_h: 0,
    clusterRadius_m: 1000,
    ...over,
  });
