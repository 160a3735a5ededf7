/** Small seeded runs in a temp folder for the report tests (library runStudy, tiny settings). */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runStudy } from '../../src/index.js';
import { tempRoot } from '../helpers/tmp.js';

export const tempDir = (tag: string): string => mkdtempSync(join(tempRoot(), `odc-report-${tag}-`));

/**
 * Copies a shipped study with a replaced algorithm line (and optional name), runs it (`log`: its log's format, Parquet
 * by default), returns the run folder.
 */
export async function tinyRun(
  dir: string,
  source: string,
  algorithm: string,
  opts: { name?: string; description?: string; out: string; log?: 'csv' | 'parquet' },
): Promise<string> {
  let text = readFileSync(source, 'utf8').replace(/^algorithm:.*$/m, `algorithm: ${algorithm}`);
  if (opts.name !== undefined) text = text.replace(/^name:.*$/m, `name: ${JSON.stringify(opts.name)}`);
  if (opts.description !== undefined)
    text = text.replace(/^(name:.*)$/m, `$1\ndescription: ${JSON.stringify(opts.description)}`);
  const study = join(dir, `${opts.out}.yaml`);
  writeFileSync(study, text);
  const runDir = join(dir, opts.out);
  const s = await runStudy({
    studyPath: study,
    outDir: runDir,
    workers: 0,
    ...(opts.log !== undefined ? { logFormat: opts.log } : {}),
  });
  if (s.status !== 'complete') throw new Error(`run ${runDir} did not complete`);
  return runDir;
}

export const ZDT1 = 'designs/benchmarks/zdt1.yaml';
export const FLAGSHIP = 'designs/flagship-study.yaml';
/**
 * 24 × 30 evaluations: the smallest flagship run that reliably finds several feasible Pareto designs (4 × 24 finds
 * none).
 */
export const FLAGSHIP_ALGORITHM = '{ name: nsga3, population: 24, generations: 30, seed: 42 }';
export const ZDT1_ALGORITHM = (seed: number): string =>
  `{ name: nsga2, population: 20, generations: 5, seed: ${seed} }`;
