import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runStudy, type RunSummary } from '../../src/index.js';
import { tempDir, writeFile } from '../helpers/tmp.js';
import { interruptedAndResumed } from '../helpers/resume.js';
import { forEachLogRow } from '../../src/run/logRead.js';
import { loadStudyProblem } from '../../src/run/problem.js';

const dir = tempDir('odc-run-');
const flagship = readFileSync(new URL('../../designs/flagship-study.yaml', import.meta.url), 'utf8');
const small = (name: string, algorithm: string, extra = ''): string =>
  writeFile(
    dir,
    `${name}.yaml`,
    flagship.replace(/^algorithm:.*$/m, `algorithm: ${algorithm}`).replace(/^name: .*$/m, `name: ${name}`) + extra,
  );

const studySmall = small('small', '{ name: nsga3, population: 40, generations: 12, seed: 7, checkpointEvery: 3 }');
const read = (runDir: string, f: string): string => readFileSync(join(runDir, f), 'utf8');

/** The reference run every test compares against, made here so each test runs alone too (`-t`). */
let reference: RunSummary;
beforeAll(async () => {
  reference = await runStudy({ studyPath: studySmall, outDir: join(dir, 'a'), workers: 0 });
});

describe('odc run', () => {
  it('writes the result files, with no timestamps in pareto.json', () => {
    const s = reference;
    for (const f of ['pareto.json', 'pareto.csv', 'evaluations.parquet', 'run.json', 'study.yaml'])
      expect(existsSync(join(s.runDir, f))).toBe(true);
    expect(existsSync(join(s.runDir, 'evaluations.parquet.partial'))).toBe(false);
    expect(s.evaluations).toBe(480);
    let rows = 0;
    forEachLogRow(join(s.runDir, 'evaluations.parquet'), loadStudyProblem(studySmall).problem, () => rows++);
    expect(rows).toBe(480);
    expect(existsSync(join(s.runDir, 'evaluations.csv'))).toBe(false); // CSV only when asked (--log csv)
    const pareto = JSON.parse(read(s.runDir, 'pareto.json'));
    expect(pareto.designs.length).toBe(s.paretoSize);
    expect(read(s.runDir, 'pareto.json')).not.toMatch(/20\d\d-\d\d-\d\dT/);
    const run = JSON.parse(read(s.runDir, 'run.json'));
    expect(run.algorithm.seed).toBe(7);
    expect(run.history).toHaveLength(12);
    expect(run.packageVersions['satellite.js']).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('maximized objectives stay positive in pareto.json and every design record is feasible', () => {
    const runDir = reference.runDir;
    const pareto = JSON.parse(read(runDir, 'pareto.json'));
    for (const d of pareto.designs) {
      expect(d.objectives['compute.deliveredPFLOPS']).toBeGreaterThan(0);
      expect(d.objectives['compute.deliveredPFLOPS']).toBeCloseTo(d.record.compute.deliveredPFLOPS, 9);
      for (const g of Object.values(d.constraints) as number[]) expect(g).toBeLessThanOrEqual(0);
    }
  });

  it('the same seed gives a byte-identical front with 0 and 2 workers; another seed differs', async () => {
    const pooled = await runStudy({ studyPath: studySmall, outDir: join(dir, 'b'), workers: 2 });
    expect(read(pooled.runDir, 'pareto.json')).toBe(read(reference.runDir, 'pareto.json'));
    expect(read(pooled.runDir, 'evaluations.parquet')).toBe(read(reference.runDir, 'evaluations.parquet'));
    const other = await runStudy({
      studyPath: small('seed8', '{ name: nsga3, population: 40, generations: 12, seed: 8, checkpointEvery: 3 }'),
      outDir: join(dir, 'c'),
    });
    expect(read(other.runDir, 'evaluations.parquet')).not.toBe(read(reference.runDir, 'evaluations.parquet'));
  });

  it('an interrupted run resumed from its checkpoint reaches the same front as an uninterrupted one', async () => {
    const out = join(dir, 'resumed');
    // Generations 7 is past the checkpoint at 6: the resumed run redoes generation 7 from the checkpoint.
    await interruptedAndResumed(studySmall, out, 7);
    expect(read(out, 'pareto.json')).toBe(read(reference.runDir, 'pareto.json'));
    expect(read(out, 'evaluations.parquet')).toBe(read(reference.runDir, 'evaluations.parquet'));
  });

  it('a run killed with SIGKILL mid-run resumes to the same front and log, byte for byte', async () => {
    const study = small('killed', '{ name: nsga3, population: 40, generations: 60, seed: 7, checkpointEvery: 2 }');
    const killedReference = await runStudy({ studyPath: study, outDir: join(dir, 'killed-ref') });
    const out = join(dir, 'killed');
    // Compiled CLI: test/helpers/globalSetup.ts rebuilds dist/ before the run when any source is newer.
    const bin = new URL('../../dist/src/entries/cli/bin.js', import.meta.url).pathname;
    const child = spawn(process.execPath, [bin, 'run', study, '--out', out, '--quiet'], { stdio: 'ignore' });
    const cp = join(out, 'checkpoint.json');
    let ended = false;
    const exited = new Promise((r) => child.on('exit', r)).then(() => (ended = true));
    // Kill as soon as a mid-run checkpoint exists (the run itself takes a second or two); a hang is caught by the
    // test's timeout, not a clock here.
    while (!existsSync(cp) && !ended) await new Promise((r) => setTimeout(r, 5));
    child.kill('SIGKILL');
    await exited;
    expect(existsSync(cp)).toBe(true);
    // killed mid-run (60 generations, killed at the first checkpoint): the Parquet log still partial, no result yet
    expect(existsSync(join(out, 'evaluations.parquet.partial'))).toBe(true);
    expect(existsSync(join(out, 'pareto.json'))).toBe(false);
    const resumed = await runStudy({ resumeDir: out });
    expect(resumed.status).toBe('complete');
    expect(read(out, 'pareto.json')).toBe(read(killedReference.runDir, 'pareto.json'));
    expect(read(out, 'pareto.csv')).toBe(read(killedReference.runDir, 'pareto.csv'));
    expect(read(out, 'evaluations.parquet')).toBe(read(killedReference.runDir, 'evaluations.parquet'));
  });

  it('when nothing is feasible the run says so and lists the least-infeasible designs with their violations', async () => {
    const study = small('impossible', '{ name: nsga2, population: 20, generations: 3, seed: 1 }').replace(
      /\.yaml$/,
      '.yaml',
    );
    const text = readFileSync(study, 'utf8').replace('compute.itPowerAvg_W >= 120000', 'compute.itPowerAvg_W >= 1e9');
    const s = await runStudy({ studyPath: writeFile(dir, 'impossible2.yaml', text), outDir: join(dir, 'impossible') });
    expect(s.paretoSize).toBe(0);
    expect(s.leastInfeasible.length).toBeGreaterThan(0);
    expect(s.leastInfeasible[0]!.violations.map((v) => v.name)).toContain('compute.itPowerAvg_W >= 1e9');
    // 1 GW of IT power is out of reach of every design the bounds allow: that constraint alone is the conflict
    expect(s.infeasibility?.conflict).toEqual(['compute.itPowerAvg_W >= 1e9']);
    // and a 1 GW average under the 150 kW peak cap is impossible by definition, named as such
    expect(s.infeasibility?.impossible).toEqual([['compute.itPowerAvg_W >= 1e9', 'compute.itPowerPeak_W <= 150000']]);
    expect(s.infeasibility?.evaluated).toBe(60 - s.failures);
  });
});
