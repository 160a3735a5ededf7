/**
 * Multi-seed runs (src/run/multiSeed.ts) and the agreement of their knees (src/run/decision/seedAgreement.ts): the
 * verdict on
 * hand-built knees, and real runs of a small ZDT1 study: one ordinary run folder per seed, seeds.json the same bytes
 * from a stopped-and-continued multi-seed run as from an uninterrupted one.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runStudy } from '../../src/index.js';
import { readSeedKnee, runSeeds, seedList, SEEDS_FILE, type SeedRunner } from '../../src/run/multiSeed.js';
import { formatSeedAgreement, seedAgreement, type SeedKnee } from '../../src/run/decision/seedAgreement.js';
import { tempDir, writeFile } from '../helpers/tmp.js';
import { benchmarkStudy } from '../helpers/benchmarkStudy.js';
import { odc } from '../helpers/cli.js';

const SENSES = [
  { name: 'cost', sense: 'minimize' },
  { name: 'pflops', sense: 'maximize' },
] as const;
const knee = (seed: number, chip: string, cost: number, pflops: number): SeedKnee => ({
  seed,
  runDir: `seed-${seed}`,
  knee: { index: seed * 10, choices: { chip, topology: 'grid' }, objectives: { cost, pflops } },
});

describe('seed agreement', () => {
  it('agrees when the choices match and each objective spreads by at most 2 % of the best seed', () => {
    // cost: (101.5 − 100) / 100 = 1.5 %; pflops (maximized, best 128): (128 − 126) / 128 = 1.6 %
    const a = seedAgreement([knee(1, 'gb300', 100, 126), knee(2, 'gb300', 101.5, 128)], SENSES);
    expect(a.agree).toBe(true);
    expect(a.differingChoices).toEqual([]);
    expect(a.spreads[0]).toMatchObject({ best: 100, bestSeed: 1, worst: 101.5 });
    expect(a.spreads[0]!.spread).toBeCloseTo(0.015, 12);
    expect(a.spreads[1]).toMatchObject({ best: 128, bestSeed: 2, worst: 126 });
    expect(a.spreads[1]!.spread).toBeCloseTo(2 / 128, 12);
  });

  it('disagrees on a different chip, names it and the best seed; a spread over 2 % alone also disagrees', () => {
    // the flagship study's seeds 42 and 7 before option niches: (495 − 290) / 290 = 70.7 %
    const a = seedAgreement([knee(42, 'gb300', 290, 127), knee(7, 'h100', 495, 120)], SENSES);
    expect(a.agree).toBe(false);
    expect(a.differingChoices).toEqual([{ name: 'chip', bySeed: ['gb300', 'h100'] }]);
    expect(a.spreads[0]!.bestSeed).toBe(42);
    expect(a.spreads[0]!.spread).toBeCloseTo(205 / 290, 12);
    expect(formatSeedAgreement(a)).toMatch(/DISAGREE[\s\S]*differs: chip: seed 42 gb300, seed 7 h100/);
    // same chip, cost 100 vs 103: 3 % > 2 %
    expect(seedAgreement([knee(1, 'gb300', 100, 1), knee(2, 'gb300', 103, 1)], SENSES).agree).toBe(false);
  });

  it('a seed without a feasible design is a disagreement', () => {
    const a = seedAgreement([knee(1, 'gb300', 100, 1), { seed: 2, runDir: 'seed-2' }], SENSES);
    expect(a.agree).toBe(false);
    expect(a.withoutKnee).toEqual([2]);
  });

  it('lists consecutive 32-bit seeds', () => {
    expect(seedList(4, 3)).toEqual([4, 5, 6]);
    expect(seedList(4294967295, 2)).toEqual([4294967295, 0]);
  });
});

describe('runSeeds on a ZDT1 study', () => {
  const dir = tempDir('odc-multi-seed-');
  const study = benchmarkStudy(dir, 'zdt1.yaml', {
    name: 'zdt1-seeds',
    variables: 6,
    algorithm: { name: 'nsga2', population: 12, generations: 6, seed: 4 },
  });
  const seedStudy = { file: study, text: readFileSync(study, 'utf8') };
  /** A runner that runs each seed with runStudy, stopping `stopSeed` after 3 generations; records what it ran. */
  const runner =
    (ran: string[], stopSeed?: number): SeedRunner =>
    (seed, runDir, resume) => {
      ran.push(`${seed}${resume ? ' resumed' : ''}`);
      if (resume) return runStudy({ resumeDir: runDir });
      return runStudy({
        studyPath: study,
        outDir: runDir,
        seed,
        ...(seed === stopSeed ? { stopAfterGenerations: 3 } : {}),
      });
    };

  it('writes one run folder per seed and seeds.json; a stopped multi-seed run continues to the same bytes', async () => {
    const ran: string[] = [];
    const whole = await runSeeds(join(dir, 'whole'), [4, 5, 6], seedStudy, runner(ran));
    expect(ran).toEqual(['4', '5', '6']);
    const file = JSON.parse(readFileSync(join(dir, 'whole', SEEDS_FILE), 'utf8')) as { seeds: SeedKnee[] };
    expect(file.seeds.map((s) => s.runDir)).toEqual(['seed-4', 'seed-5', 'seed-6']);
    // each seed's knee is the design its own run.json names the knee
    for (const s of [4, 5, 6]) {
      const decision = JSON.parse(readFileSync(join(dir, 'whole', `seed-${s}`, 'run.json'), 'utf8')) as {
        decision: { designs: { roles: string[]; index: number }[] };
      };
      const index = decision.decision.designs.find((d) => d.roles.includes('knee'))!.index;
      expect(readSeedKnee(join(dir, 'whole'), s).knee.knee?.index).toBe(index);
    }
    // ZDT1 has no choices: agreement is the spread of the knees' objectives alone
    expect(whole.agreement!.differingChoices).toEqual([]);

    const parts: string[] = [];
    const stopped = await runSeeds(join(dir, 'parts'), [4, 5, 6], seedStudy, runner(parts, 5));
    expect(stopped.agreement).toBeUndefined();
    await runSeeds(join(dir, 'parts'), [4, 5, 6], seedStudy, runner(parts));
    // seed 4 was complete and kept, seed 5 resumed from its checkpoint, seed 6 started
    expect(parts).toEqual(['4', '5', '5 resumed', '6']);
    expect(readFileSync(join(dir, 'parts', SEEDS_FILE), 'utf8')).toBe(
      readFileSync(join(dir, 'whole', SEEDS_FILE), 'utf8'),
    );
  });

  it('a damaged seed folder is a message naming its run.json, not a crash', async () => {
    // a run.json cut mid-write by hand: `JSON.parse` on it throws a bare SyntaxError without a file name
    mkdirSync(join(dir, 'damaged', 'seed-4'), { recursive: true });
    writeFile(join(dir, 'damaged', 'seed-4'), 'run.json', '{"formatVersion": 1, "status": "compl');
    const ran: string[] = [];
    await expect(runSeeds(join(dir, 'damaged'), [4], seedStudy, runner(ran))).rejects.toMatchObject({
      code: 'BAD_RUN_DIR',
      file: join(dir, 'damaged', 'seed-4', 'run.json'),
      message: expect.stringMatching(/seed-4[/\\]run\.json[\s\S]*remove it and run the same command again/),
    });
    expect(ran).toEqual([]);
  });

  it("a seed folder of the study as it was before an edit, or another seed's copied over, is refused, not counted", async () => {
    const out = join(dir, 'owned');
    await runSeeds(out, [4, 5], seedStudy, runner([]));
    // the study changed (another objective, here another population): its kept seed folders are another study's runs
    const edited = { file: study, text: seedStudy.text.replace('population: 12', 'population: 14') };
    expect(edited.text).not.toBe(seedStudy.text);
    const ran: string[] = [];
    await expect(runSeeds(out, [4, 5], edited, runner(ran))).rejects.toMatchObject({
      code: 'BAD_RUN_DIR',
      message: expect.stringMatching(/seed-4: holds a run of another study .* remove .*seed-4 to run this seed there/),
    });
    expect(ran).toEqual([]);
    // seed 4's folder copied over seed 5's: counted as a second seed, it would agree with itself
    cpSync(join(out, 'seed-4'), join(out, 'seed-5'), { recursive: true, force: true });
    await expect(runSeeds(out, [4, 5], seedStudy, runner(ran))).rejects.toMatchObject({
      code: 'BAD_RUN_DIR',
      message: expect.stringMatching(/seed-5: holds the run of seed 4, not of seed 5/),
    });
    expect(ran).toEqual([]);
  });

  it('a directory where seeds.json belongs is refused before any seed runs', async () => {
    const out = join(dir, 'seeds-dir');
    mkdirSync(join(out, SEEDS_FILE), { recursive: true });
    writeFileSync(join(out, SEEDS_FILE, 'x'), '');
    const ran: string[] = [];
    await expect(runSeeds(out, [4], seedStudy, runner(ran))).rejects.toMatchObject({
      code: 'BAD_RUN_DIR',
      message: expect.stringMatching(/seeds\.json: is a directory, where the multi-seed summary is written/),
    });
    expect(ran).toEqual([]);
  });
});

describe('the study states its seeds: algorithm.seeds', () => {
  const dir = tempDir('odc-study-seeds-');
  const study = benchmarkStudy(dir, 'zdt1.yaml', {
    name: 'zdt1-study-seeds',
    variables: 6,
    algorithm: { name: 'nsga2', population: 12, generations: 4, seed: 4, seeds: 2 },
  });

  it('odc run runs the seeds the study states; --seeds overrides them (1 = one ordinary run)', async () => {
    const multi = await odc('run', study, '--out', join(dir, 'multi'), '--quiet');
    expect(multi.code).toBe(0);
    // seeds 4 and 5 (algorithm.seed, then the next), each an ordinary run folder, and the agreement
    const file = JSON.parse(readFileSync(join(dir, 'multi', SEEDS_FILE), 'utf8')) as { seeds: SeedKnee[] };
    expect(file.seeds.map((s) => s.seed)).toEqual([4, 5]);
    expect(multi.out).toMatch(/Seeds (agree|DISAGREE)/);

    await odc('run', study, '--out', join(dir, 'three'), '--seeds', '3', '--quiet');
    expect(JSON.parse(readFileSync(join(dir, 'three', SEEDS_FILE), 'utf8')).seeds).toHaveLength(3);

    const single = await odc('run', study, '--out', join(dir, 'one'), '--seeds', '1', '--quiet');
    expect(single.code).toBe(0);
    expect(existsSync(join(dir, 'one', 'run.json'))).toBe(true);
    expect(existsSync(join(dir, 'one', SEEDS_FILE))).toBe(false);
  });

  it('the same command after the study changed refuses its kept seed folders: exit 2, the folder named, no stack', async () => {
    const changing = writeFile(dir, 'changing.yaml', readFileSync(study, 'utf8'));
    expect((await odc('run', changing, '--out', join(dir, 'changing'), '--quiet')).code).toBe(0);
    writeFileSync(changing, readFileSync(changing, 'utf8').replace('generations: 4', 'generations: 5'));
    const again = await odc('run', changing, '--out', join(dir, 'changing'), '--quiet');
    expect(again.code).toBe(2);
    expect(again.err).toContain(`${join(dir, 'changing', 'seed-4')}: holds a run of another study`);
    expect(again.err).not.toMatch(/\n\s+at /);
  });

  it('a bad algorithm.seeds is a message naming the file and the field, exit code 2', async () => {
    const bad = writeFile(dir, 'bad.yaml', readFileSync(study, 'utf8').replace('seeds: 2', 'seeds: 0'));
    const r = await odc('run', bad, '--out', join(dir, 'bad'), '--quiet');
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${bad}: algorithm.seeds must be a whole number from 1 to 1000`);
    expect(r.err).not.toMatch(/\n\s+at /); // no stack trace
  });
});
