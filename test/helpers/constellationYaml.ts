/**
 * The head of a small constellation study's YAML: node `node`, two shells (a: 550 km, 53°, 10 × 12; b: 650 km sso,
 * 12 × 12), a grid of 100 Gb/s links, uniform traffic, one hour of geometry at 300 s steps, one snapshot.
 */
export const twoShellStudyHead = (node: string): string => `kind: constellation
node: ${node}
nodeSizing: closed
shells:
  - { name: a, altitude_km: 550, inclination_deg: 53, planes: 10, satsPerPlane: 12, phasing: 1 }
  - { name: b, altitude_km: 650, inclination_deg: sso, planes: 12, satsPerPlane: 12 }
isl: { topology: grid, terminal: isl-100g }
traffic: { pattern: uniform, demandPerNode_Gbps: 1 }
simulation: { duration_h: 1, step_s: 300, snapshots: 1 }
`;

/**
 * The head of a one-shell constellation study's YAML: node `node`, closed to shell a (550 km, 53°, 10 × 12), a grid of
 * 100 Gb/s links; the study adds its ground, traffic, simulation and search.
 */
export const oneShellStudyHead = (node: string): string => `kind: constellation
node: ${node}
nodeSizing: closed
shells:
  - { name: a, altitude_km: 550, inclination_deg: 53, planes: 10, satsPerPlane: 12, phasing: 1 }
isl: { topology: grid, terminal: isl-100g }
`;
