/**
 * A robust study through the run driver: the common sample set is drawn from the seed when each process (or
 * worker thread) compiles the study, so 0 and 2 workers write the same bytes; pareto.json carries the nominal
 * values beside the robust ones.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runStudy, type RunSummary } from '../../src/index.js';
import { loadStudyProblem } from '../../src/run/problem.js';
import { tempDir, writeFile } from '../helpers/tmp.js';

const dir = tempDir('odc-robust-run-');
const shipped = readFileSync(new URL('../../designs/robust-study.yaml', import.meta.url), 'utf8');
/** The shipped robust study, tiny: 16 × 6 designs, 8 samples, one prob constraint. */
export const tinyRobust = shipped
  .replace(/^algorithm:.*$/m, 'algorithm: { name: nsga2, population: 16, generations: 6, seed: 4 }')
  .replace(/^robust:.*$/m, 'robust: { samples: 8 }')
  .replace(/^constraints:\n(?: {2}- .*\n)+/m, 'constraints:\n  - prob(mass.launch_kg <= mass.allocated_kg) >= 0.5\n');
const study = writeFile(dir, 'tiny-robust.yaml', tinyRobust);
const read = (runDir: string, f: string): string => readFileSync(join(runDir, f), 'utf8');

let serial: RunSummary;
beforeAll(async () => {
  serial = await runStudy({ studyPath: study, outDir: join(dir, 'serial'), workers: 0, afterResults: () => undefined });
});

describe('robust run', () => {
  it('the fixture is the shipped study, made small', () => {
    expect(tinyRobust).toContain(
      'prob(mass.launch_kg <= mass.allocated_kg) >= 0.5\nalgorithm: { name: nsga2, population: 16, generations: 6, seed: 4 }\nrobust: { samples: 8 }',
    );
    expect(serial.paretoSize).toBeGreaterThan(1);
  });

  it('the same seed gives byte-identical results with 0 and 2 workers', async () => {
    const pooled = await runStudy({
      studyPath: study,
      outDir: join(dir, 'pooled'),
      workers: 2,
      afterResults: () => undefined,
    });
    for (const f of ['pareto.json', 'pareto.csv', 'evaluations.csv'])
      expect(read(pooled.runDir, f)).toBe(read(serial.runDir, f));
  });

  it("pareto.json: robust settings, and per design the nominal design's metric beside the statistic", () => {
    const pareto = JSON.parse(read(serial.runDir, 'pareto.json'));
    expect(pareto.robust).toMatchObject({ samples: 8, method: 'lhs', seed: 4, maxFailedShare: 0.1 });
    expect(pareto.robust.columns).toEqual([...pareto.robust.columns].sort());
    for (const d of pareto.designs) {
      // the record is the nominal design's: its metrics are the nominal values
      expect(d.robust.nominal['p90(cost.lcoc_USD_per_PFLOP_day)']).toBe(d.record.cost.lcoc_USD_per_PFLOP_day);
      expect(d.robust.nominal['p10(compute.deliveredPFLOPS)']).toBe(d.record.compute.deliveredPFLOPS);
      expect(d.objectives['mass.launch_kg']).toBe(d.record.mass.launch_kg);
      // under uncertainty the bad-case compute is below the nominal one (utilization's p10 < its nominal 0.8)
      expect(d.objectives['p10(compute.deliveredPFLOPS)']).toBeLessThan(
        d.robust.nominal['p10(compute.deliveredPFLOPS)'],
      );
      expect(d.robust.samples).toBe(8);
      for (const g of Object.values(d.constraints) as number[]) expect(g).toBeLessThanOrEqual(0);
    }
  });

  it("each Pareto design's objectives are what the compiled problem gives for its variables", () => {
    const s = loadStudyProblem(study);
    const pareto = JSON.parse(read(serial.runDir, 'pareto.json'));
    const d = pareto.designs[0];
    const x = Float64Array.from(
      s.problem.variables.map((v) =>
        v.kind === 'choice' ? v.options.indexOf(d.variables[v.name]) : d.variables[v.name],
      ),
    );
    const e = s.problem.evaluate(x);
    if (e.status !== 'ok') throw new Error(e.reason);
    expect(e.f[0]).toBe(d.objectives['p90(cost.lcoc_USD_per_PFLOP_day)']);
    expect(-e.f[1]!).toBe(d.objectives['p10(compute.deliveredPFLOPS)']);
  });
});
