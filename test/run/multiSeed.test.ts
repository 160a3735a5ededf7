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
import {
  finishedSeeds,
  readSeedKnee,
  runSeeds,
  seedList,
  SEEDS_FILE,
  unionFront,
  writeSeedsAnswer,
  type SeedRunner,
} from '../../src/run/multiSeed.js';
import { heldSeedReports } from '../../src/entries/runStudy.js';
import {
  agreementVerdict,
  formatSeedAgreement,
  seedAgreement,
  type SeedKnee,
} from '../../src/run/decision/seedAgreement.js';
import { decisionSummary } from '../../src/run/decision/recommend.js';
import type { ParetoFile } from '../../src/run/paretoFile.js';
import { tempDir, writeFile } from '../helpers/tmp.js';
import { benchmarkStudy } from '../helpers/benchmarkStudy.js';
import { odc } from '../helpers/cli.js';
import type { Answer } from '../../src/run/answer/schema.js';

const SENSES = [
  { name: 'cost', sense: 'minimize' },
  { name: 'pflops', sense: 'maximize' },
] as const;
/** The flagship's choice variables and its chip count on [20, 200]: 2 % of 180 is 3.6, so 3 chips. */
const VARIABLES = [
  { kind: 'choice', name: 'chip' },
  { kind: 'choice', name: 'topology' },
  { kind: 'int', name: 'chips', lower: 20, upper: 200 },
] as const;
const knee = (seed: number, chip: string, cost: number, pflops: number, chips = 77): SeedKnee => ({
  seed,
  runDir: `seed-${seed}`,
  knee: { index: seed * 10, choices: { chip, topology: 'grid', chips }, objectives: { cost, pflops } },
});

describe('seed agreement', () => {
  it('agrees on the same choices however far the objectives spread: the spreads are information', () => {
    // the flagship's three seeds: the same choices, launch mass 6,195 vs 6,321 kg (2.03 %)
    const a = seedAgreement(
      [knee(42, 'gb300', 6195, 125.35), knee(43, 'gb300', 6211, 125.38), knee(44, 'gb300', 6321, 125.57)],
      VARIABLES,
      SENSES,
    );
    expect(a.agree).toBe(true);
    expect(a.differingChoices).toEqual([]);
    expect(a.spreads[0]).toMatchObject({ best: 6195, bestSeed: 42, worst: 6321 });
    expect(a.spreads[0]!.spread).toBeCloseTo(126 / 6195, 12);
    expect(a.spreads[1]).toMatchObject({ best: 125.57, bestSeed: 44, worst: 125.35 });
    const text = formatSeedAgreement(a, [{ name: 'cost' }, { name: 'pflops' }]).replace(/\s+/g, ' ');
    expect(text).toMatch(
      /^ Seeds agree: the knees of all 3 seeds make the same choices \(chip, topology, chips within 3\)/,
    );
    expect(text).toMatch(/information, not a test\): cost 6,195–6,321 \(2\.0 %, best seed 42\)/);
    expect(text).not.toMatch(/DISAGREE|tolerance/);
  });

  it('disagrees on a different chip (a constructed case) and names it seed by seed', () => {
    // the flagship study's seeds 42 and 7 before option niches: gb300 at 290 USD/PFLOP-day against h100 at 495
    const a = seedAgreement([knee(42, 'gb300', 290, 127), knee(7, 'h100', 495, 120)], VARIABLES, SENSES);
    expect(a.agree).toBe(false);
    expect(a.differingChoices).toEqual([{ name: 'chip', bySeed: ['gb300', 'h100'] }]);
    expect(a.spreads[0]!.bestSeed).toBe(42);
    expect(a.spreads[0]!.spread).toBeCloseTo(205 / 290, 12);
    const text = formatSeedAgreement(a, [{ name: 'cost' }, { name: 'pflops' }]).replace(/\s+/g, ' ');
    expect(text).toMatch(
      /Seeds DISAGREE on chip: the answer depends on the seed[\s\S]*differs: chip: seed 42 gb300, seed 7 h100/,
    );
  });

  it('an integer agrees within 2 % of its range in whole steps: 3 chips on [20, 200], exactly on [0, 6]', () => {
    const chips = (a: number, b: number) =>
      seedAgreement([knee(1, 'gb300', 1, 1, a), knee(2, 'gb300', 1, 1, b)], VARIABLES, SENSES);
    expect(chips(77, 80).agree).toBe(true);
    expect(chips(77, 81).agree).toBe(false);
    expect(chips(77, 81).differingChoices).toEqual([{ name: 'chips', bySeed: [77, 81] }]);
    expect(chips(77, 80).compared).toContainEqual({ name: 'chips', tolerance: 3 });
    // a narrow range (mixed1's n ∈ 0..6: 2 % is 0.12 of a step): exact
    const narrow = [{ kind: 'int', name: 'chips', lower: 0, upper: 6 }] as const;
    expect(seedAgreement([knee(1, 'a', 1, 1, 2), knee(2, 'a', 1, 1, 3)], narrow, SENSES).agree).toBe(false);
    expect(seedAgreement([knee(1, 'a', 1, 1, 2), knee(2, 'b', 1, 1, 2)], narrow, SENSES).agree).toBe(true);
  });

  it('a seed without a feasible design is a disagreement', () => {
    const a = seedAgreement([knee(1, 'gb300', 100, 1), { seed: 2, runDir: 'seed-2' }], VARIABLES, SENSES);
    expect(a.agree).toBe(false);
    expect(a.withoutKnee).toEqual([2]);
    expect(agreementVerdict(a)).toMatch(/seed 2 found no feasible design/);
  });

  it('lists consecutive 32-bit seeds', () => {
    expect(seedList(4, 3)).toEqual([4, 5, 6]);
    expect(seedList(4294967295, 2)).toEqual([4294967295, 0]);
  });
});

describe('the union front', () => {
  const front = (points: [number, number][], base: number): ParetoFile => ({
    formatVersion: 1,
    study: 'u',
    kind: 'benchmark',
    objectives: [
      { name: 'f1', sense: 'minimize', unit: '-' },
      { name: 'f2', sense: 'minimize', unit: '-' },
    ],
    variables: [{ kind: 'real', name: 'x', lower: 0, upper: 1 }],
    designs: points.map(([f1, f2], i) => ({
      index: base + i,
      variables: { x: f1 },
      objectives: { f1, f2 },
      constraints: {},
      record: null,
    })),
  });

  it("keeps the non-dominated designs of all seeds, each with its seed, and the knee is the union's", () => {
    // seed 1: (0, 1), (0.5, 0.5), (1, 0); seed 2: (0.4, 0.4), which dominates (0.5, 0.5), and (0.9, 0.9), dominated.
    // Union: (0, 1), (1, 0), (0.4, 0.4); the extremes span f1 + f2 = 1 and (0.4, 0.4) lies farthest below it.
    const u = unionFront([
      {
        seed: 1,
        pareto: front(
          [
            [0, 1],
            [0.5, 0.5],
            [1, 0],
          ],
          0,
        ),
      },
      {
        seed: 2,
        pareto: front(
          [
            [0.4, 0.4],
            [0.9, 0.9],
          ],
          100,
        ),
      },
    ]);
    expect(u.pareto.designs.map((d) => d.index)).toEqual([0, 2, 100]);
    expect(u.seeds).toEqual([1, 1, 2]);
    const d = decisionSummary(u.pareto, undefined, (p) => u.seeds[p]!);
    expect(d.designs[0]).toMatchObject({ index: 100, seed: 2, roles: ['knee'] });
  });
});

describe('seeds agree on mixed1, whose knee is known', () => {
  // mixed1 (src/optimize/benchmarks/mixed.ts): f1 = x, and the front's f2 in three pieces: 1.1 (1 − x) (linear, n = 2,
  // x < 0.25), 1.1 (1 − √x) (convex, n = 2, x < 0.5), 1 − √x (convex, n = 3). Its extremes (0, 1.1) and (1, 0) span the
  // knee's hyperplane; normalized by them the knee minimizes x + f2/1.1: 1 on the linear piece; x + 1 − √x on the
  // second, least at x = 0.25 (0.75); x + (1 − √x)/1.1 on the third, least at x = 0.5 (0.766). So every seed's knee
  // should be shape convex, n = 2, at x ≈ 0.25.
  const dir = tempDir('odc-multi-seed-mixed-');
  const study = benchmarkStudy(dir, 'mixed1.yaml', {
    name: 'mixed1-seeds',
    problem: 'mixed1',
    algorithm: { name: 'nsga2', population: 60, generations: 60, seed: 1 },
  });
  const seedStudy = { file: study, text: readFileSync(study, 'utf8') };

  it('three seeds agree on the analytic knee, and the union knee is it', async () => {
    const out = join(dir, 'three');
    const r = await runSeeds(out, [1, 2, 3], seedStudy, (seed, runDir) =>
      runStudy({ studyPath: study, outDir: runDir, seed }),
    );
    for (const s of r.agreement!.seeds) expect(s.knee!.choices).toEqual({ n: 2, shape: 'convex' });
    expect(r.agreement!.agree).toBe(true);
    const k = r.union!.decision.designs[0]!;
    const design = r.union!.pareto.designs.find((d) => d.index === k.index)!;
    expect(design.variables).toMatchObject({ n: 2, shape: 'convex' });
    expect(design.objectives['f1']).toBeCloseTo(0.25, 1);
    // seeds.json carries the same decision, naming the knee's seed
    const file = JSON.parse(readFileSync(join(out, SEEDS_FILE), 'utf8'));
    expect(file.decision.designs[0].seed).toBe(k.seed);
    expect(file.agree).toBe(true);
    // a seed's folder is the single run of that seed: the same pareto.json bytes
    await runStudy({ studyPath: study, outDir: join(dir, 'single-2'), seed: 2 });
    expect(readFileSync(join(out, 'seed-2', 'pareto.json'), 'utf8')).toBe(
      readFileSync(join(dir, 'single-2', 'pareto.json'), 'utf8'),
    );
  });

  it("the union's answer takes each seed's answer from the run that holds it, as it would from its folder", async () => {
    const out = join(dir, 'held');
    const reports = heldSeedReports();
    const r = await runSeeds(
      out,
      [1, 2],
      seedStudy,
      (seed, runDir) => runStudy({ studyPath: study, outDir: runDir, seed, afterResults: reports.afterResults }),
      reports.written,
    );
    // every seed's knee with its own answer's configuration (a seed's answer handed to another seed names another
    // design, and its configuration is left out)
    expect(r.answer!.seedAgreement!.knees.map((k) => [k.seed, k.configuration !== undefined])).toEqual([
      [1, true],
      [2, true],
    ]);
    const { agreement, union, read, loaded } = finishedSeeds(out);
    const fromFolders = writeSeedsAnswer(out, agreement, union, read, loaded);
    expect(JSON.stringify(fromFolders)).toBe(JSON.stringify(r.answer));
  });
});

describe('the union knee is priced once', () => {
  // TNK (Tanaka 1995): its whole Pareto front lies on the boundary of its first constraint, so every knee binds it
  // and has shadow prices to compute.
  const dir = tempDir('odc-multi-seed-tnk-');
  const study = benchmarkStudy(dir, 'tnk.yaml', {
    name: 'tnk-seeds',
    problem: 'tnk',
    algorithm: { name: 'nsga2', population: 20, generations: 20, seed: 7 },
  });
  const seedStudy = { file: study, text: readFileSync(study, 'utf8') };
  it("the seeds run without prices; seeds.json prices the union knee with its seed's settings", async () => {
    const out = join(dir, 'two');
    const r = await runSeeds(out, [7, 8], seedStudy, (seed, runDir) =>
      runStudy({ studyPath: study, outDir: runDir, seed, shadowPrices: false }),
    );
    for (const seed of [7, 8]) {
      const meta = JSON.parse(readFileSync(join(out, `seed-${seed}`, 'run.json'), 'utf8'));
      expect(meta.decision.designs.length).toBeGreaterThan(0);
      expect(meta.decision.shadowPrices ?? null).toBeNull();
    }
    const prices = r.union!.decision.shadowPrices!;
    // budget as a single run's: 20 % of one seed's 400 evaluations over (1 constraint + the control with none
    // relaxed) × 20 designs = 2 generations
    expect(prices.generations).toBe(2);
    expect(prices.evaluations).toBe(2 * 20 * (prices.gains.length + 1));
    expect(prices.gains.map((g) => g.constraint).join(' ')).toMatch(/c1|g\[0\]|x1/);
    const file = JSON.parse(readFileSync(join(out, SEEDS_FILE), 'utf8'));
    expect(file.decision.shadowPrices).toEqual(JSON.parse(JSON.stringify(prices)));
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
    // ZDT1 has no choice or integer variable: nothing to differ on, so the seeds agree
    expect(whole.agreement!.differingChoices).toEqual([]);
    expect(whole.agreement!.agree).toBe(true);

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
    expect(multi.out).toMatch(/Seeds agree: 2 seeds, the study has no choice or integer variable to differ on/);
    // the answer card of the folder's answer.json: the union knee with its seed, and the folder's report
    const answer = JSON.parse(readFileSync(join(dir, 'multi', 'answer.json'), 'utf8')) as Answer;
    const card = `design ${answer.design!.index} (seed ${answer.design!.seed})`;
    expect(answer.design!.seed === 4 || answer.design!.seed === 5).toBe(true);
    expect(multi.out).toMatch(/Multi-seed run complete[\s\S]*\n {2}Recommended +design \d+ \(seed [45]\)/);
    expect(multi.out).toContain(card);
    expect(readFileSync(join(dir, 'multi', 'report.md'), 'utf8').replace(/\\/g, '')).toContain(card);
    // the union front's hypervolume and each seed's on its normalization, as answer.json holds them
    const hv = answer.hypervolumes.map((h) => `${h.scope} ${h.value.toFixed(4)}`);
    expect(multi.out.replace(/\s+/g, ' ')).toContain(
      `hypervolume of the union front ${hv[0]!.replace('union front ', '')}; each seed's front on the same normalization: ${hv.slice(1).join(', ')}`,
    );

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
    expect(r.err).toContain(`odc: ${bad}:`);
    expect(r.err).toMatch(/:\d+:\d+: algorithm\.seeds: must be at least 1/); // line:column, the schema's rule
    expect(r.err).not.toMatch(/\n\s+at /); // no stack trace
  });
});
