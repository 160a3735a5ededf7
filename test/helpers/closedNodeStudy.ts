/**
 * A small node study of AI1 (designs/ai1.yaml: SSO, LTAN 6 h) whose bounds keep the node closed (array, radiator and
 * allocation above what AI1 needs): a feasible front in two generations of eight, for tests that need a node run.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export function closedAi1StudyText(name: string): string {
  return `${readFileSync(resolve('designs/ai1.yaml'), 'utf8').replace(/^name: .*$/m, `name: ${name}`)}
variables:
  compute.chips: { int: [48, 72] }
  power.arrayArea_m2: [1100, 1400]
  thermal.radiatorArea_m2: [150, 220]
  launch.mass_kg: [11000, 14000]
objectives:
  - minimize: mass.launch_kg
  - maximize: compute.deliveredPFLOPS
algorithm: { name: nsga2, population: 8, generations: 2, seed: 2 }
`;
}
