/**
 * A benchmark study written to a test folder, one line per key and the algorithm as a flow mapping:
 * `benchmarkStudy(dir, 'z.yaml', { name: 'z', variables: 4, algorithm: { name: 'nsga2', population: 8 } })` writes
 * `name: z\nkind: benchmark\nproblem: zdt1\nvariables: 4\nalgorithm: { name: nsga2, population: 8 }\n` and returns
 * its path.
 */
import { writeFile } from './tmp.js';

export interface BenchmarkStudy {
  readonly name: string;
  /** Default zdt1. */
  readonly problem?: string;
  readonly variables?: number;
  readonly objectives?: number;
  readonly algorithm: Readonly<Record<string, string | number>>;
}

export function benchmarkStudy(dir: string, file: string, s: BenchmarkStudy): string {
  const algorithm = Object.entries(s.algorithm)
    .map(([k, v]) => `${k}: ${v}`)
    .join(', ');
  const lines = [
    `name: ${s.name}`,
    'kind: benchmark',
    `problem: ${s.problem ?? 'zdt1'}`,
    ...(s.variables === undefined ? [] : [`variables: ${s.variables}`]),
    ...(s.objectives === undefined ? [] : [`objectives: ${s.objectives}`]),
    `algorithm: { ${algorithm} }`,
  ];
  return writeFile(dir, file, lines.join('\n') + '\n');
}
